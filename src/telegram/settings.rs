//! `/settings`: show the group's settings or change one of them.

use super::roles::truncate;
use super::*;
use crate::model::{FloodRule, Grade, ModerationMode, QuietHours, parse_tz};
use crate::schedule::Weekly;

/// What a valid `/settings <key> <value>` changes.
enum Change {
    Lang(Lang),
    Tz(String),
    Grade(Grade),
    Moderation(ModerationMode),
    Quiet(Option<QuietHours>),
    Lessons(Option<Weekly>),
    Flood(Option<FloodRule>),
    WarnLimit(Option<u32>),
    Weekly(bool),
}

/// A user mistake, answered with the locale key that explains what was expected.
struct Invalid(&'static str, String);

fn parse_change(key: &str, value: &str) -> Result<Change, Invalid> {
    let shown = truncate(value, 40);
    match key.to_ascii_lowercase().as_str() {
        "lang" | "language" => {
            Lang::parse(value).map(Change::Lang).ok_or(Invalid(crate::key!("settings-bad-lang"), shown))
        }
        "tz" | "timezone" | "zone" => parse_tz(value)
            .map(|z| Change::Tz(z.name().to_owned()))
            .ok_or(Invalid(crate::key!("settings-bad-tz"), shown)),
        "grade" => Grade::parse(value).map(Change::Grade).ok_or(Invalid(crate::key!("settings-bad-grade"), shown)),
        "moderation" => ModerationMode::parse(value)
            .map(Change::Moderation)
            .ok_or(Invalid(crate::key!("settings-bad-moderation"), shown)),
        "quiet" => {
            if value.eq_ignore_ascii_case("off") {
                Ok(Change::Quiet(None))
            } else {
                QuietHours::parse(value)
                    .map(|q| Change::Quiet(Some(q)))
                    .ok_or(Invalid(crate::key!("settings-bad-quiet"), shown))
            }
        }
        "lessons" => match value.split_whitespace().collect::<Vec<_>>().as_slice() {
            [off] if off.eq_ignore_ascii_case("off") => Ok(Change::Lessons(None)),
            [days, at] => Weekly::parse(days, at)
                .map(|w| Change::Lessons(Some(w)))
                .ok_or(Invalid(crate::key!("settings-bad-lessons"), shown)),
            _ => Err(Invalid(crate::key!("settings-bad-lessons"), shown)),
        },
        "flood" if value.eq_ignore_ascii_case("off") => Ok(Change::Flood(None)),
        "flood" => FloodRule::parse(value)
            .map(|r| Change::Flood(Some(r)))
            .ok_or(Invalid(crate::key!("settings-bad-flood"), shown)),
        "warnlimit" if value.eq_ignore_ascii_case("off") => Ok(Change::WarnLimit(None)),
        "warnlimit" => match value.parse::<u32>() {
            Ok(n) if (1..=50).contains(&n) => Ok(Change::WarnLimit(Some(n))),
            _ => Err(Invalid(crate::key!("settings-bad-warnlimit"), shown)),
        },
        "weekly" => match value.to_ascii_lowercase().as_str() {
            "on" => Ok(Change::Weekly(true)),
            "off" => Ok(Change::Weekly(false)),
            _ => Err(Invalid(crate::key!("settings-bad-weekly"), shown)),
        },
        _ => Err(Invalid(crate::key!("settings-unknown-key"), truncate(key, 24))),
    }
}

fn apply(settings: &mut Settings, change: Change) {
    match change {
        Change::Lang(l) => settings.lang = l,
        Change::Tz(z) => settings.tz = z,
        Change::Grade(g) => settings.grade = g,
        Change::Moderation(m) => settings.moderation = m,
        Change::Quiet(q) => settings.quiet = q,
        Change::Lessons(l) => settings.lessons = l,
        Change::Flood(f) => settings.flood = f,
        Change::WarnLimit(w) => settings.warn_limit = w,
        Change::Weekly(w) => settings.weekly = w,
    }
}

pub(super) async fn settings(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx, cmd: Cmd) -> HandlerResult {
    let lang = ctx.lang();
    if cmd.args.chars().count() > command::MAX_ARGS {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "args-too-long", max = command::MAX_ARGS)).await;
    }
    let words = cmd.words();
    let (key, value) = match words.as_slice() {
        [] => return reply(&bot, &app, &msg, show(&app, &ctx.group.settings)).await,
        [key] => {
            return reply(&bot, &app, &msg, tr!(app.i18n, lang, "settings-missing-value", key = truncate(key, 24)))
                .await;
        }
        [key, rest @ ..] => (*key, rest.join(" ")),
    };
    let change = match parse_change(key, &value) {
        Ok(c) => c,
        Err(Invalid(k, given)) => {
            return reply(&bot, &app, &msg, app.i18n.get(lang, k, Some(&given_arg(&given)))).await;
        }
    };
    // Re-read so that two quick changes by different people do not overwrite each other.
    let mut group = app.store.group(ctx.group.chat_id).await?.unwrap_or(ctx.group);
    apply(&mut group.settings, change);
    app.save_group(&group).await?;
    app.lessons.changed.notify_one();
    app.weekly.changed.notify_one();
    tracing::info!(chat = group.chat_id, setting = key, "settings changed");
    let text = tr!(app.i18n, group.settings.lang, "settings-saved", settings = show(&app, &group.settings));
    reply(&bot, &app, &msg, text).await
}

fn given_arg(given: &str) -> crate::i18n::FluentArgs<'static> {
    let mut args = crate::i18n::FluentArgs::new();
    args.set("given", given.to_owned());
    args
}

/// `mon,wed,fri 20:00` as the reader says it: 周一、周三、周五 20:00 / Mon, Wed, Fri 20:00.
pub(super) fn describe_weekly(app: &App, lang: Lang, w: &Weekly) -> String {
    let days: Vec<String> = w
        .days()
        .iter()
        .map(|d| {
            let key = match d {
                chrono::Weekday::Mon => crate::key!("day-mon"),
                chrono::Weekday::Tue => crate::key!("day-tue"),
                chrono::Weekday::Wed => crate::key!("day-wed"),
                chrono::Weekday::Thu => crate::key!("day-thu"),
                chrono::Weekday::Fri => crate::key!("day-fri"),
                chrono::Weekday::Sat => crate::key!("day-sat"),
                chrono::Weekday::Sun => crate::key!("day-sun"),
            };
            app.i18n.get(lang, key, None)
        })
        .collect();
    tr!(app.i18n, lang, "weekly", days = days.join(&tr!(app.i18n, lang, "list-separator")), time = w.at().to_string())
}

pub(super) fn grade_name(app: &App, lang: Lang, g: Grade) -> String {
    let key = match g {
        Grade::Kindergarten => crate::key!("grade-kindergarten"),
        Grade::Primary => crate::key!("grade-primary"),
        Grade::Junior => crate::key!("grade-junior"),
        Grade::Senior => crate::key!("grade-senior"),
    };
    app.i18n.get(lang, key, None)
}

fn moderation_name(app: &App, lang: Lang, m: ModerationMode) -> String {
    let key = match m {
        ModerationMode::Flag => crate::key!("moderation-flag"),
        ModerationMode::Delete => crate::key!("moderation-delete"),
        ModerationMode::Off => crate::key!("moderation-off"),
    };
    app.i18n.get(lang, key, None)
}

/// The settings as a short list in the settings' own language.
fn show(app: &App, s: &Settings) -> String {
    let lang = s.lang;
    let quiet = match s.quiet {
        Some(q) => q.to_string(),
        None => tr!(app.i18n, lang, "settings-off"),
    };
    let lessons = match &s.lessons {
        Some(w) => describe_weekly(app, lang, w),
        None => tr!(app.i18n, lang, "settings-off"),
    };
    let off = || tr!(app.i18n, lang, "settings-off");
    let flood = s.flood.map(|f| f.to_string()).unwrap_or_else(off);
    let warnlimit = s.warn_limit.map(|w| w.to_string()).unwrap_or_else(off);
    tr!(
        app.i18n,
        lang,
        "settings-show",
        lessons = lessons,
        flood = flood,
        warnlimit = warnlimit,
        weekly = if s.weekly { tr!(app.i18n, lang, "settings-on") } else { off() },
        lang = lang.code(),
        tz = s.tz.clone(),
        grade = format!("{} ({})", s.grade.as_str(), grade_name(app, lang, s.grade)),
        moderation = format!("{} ({})", s.moderation.as_str(), moderation_name(app, lang, s.moderation)),
        quiet = quiet
    )
}

//! `/remind`: list the group's daily reminders, set one (`/remind exercise 17:30`; `/remind bedtime`
//! alone uses the grade's bedtime), or remove one (`/remind off screen`).

use super::roles::truncate;
use super::*;
use crate::content::ReminderKind;
use crate::model::HhMm;

/// One line per reminder set: "• name (kind) — HH:MM".
pub(super) fn lines(app: &App, lang: Lang, reminders: &std::collections::BTreeMap<String, HhMm>) -> Vec<String> {
    ReminderKind::ALL
        .into_iter()
        .filter_map(|k| {
            let at = reminders.get(k.as_str())?;
            Some(format!("• {} ({}) — {at}", app.i18n.get(lang, k.name_key(), None), k.as_str()))
        })
        .collect()
}

fn list(app: &App, g: &Group) -> String {
    let lang = g.settings.lang;
    let lines = lines(app, lang, &g.settings.reminders);
    if lines.is_empty() {
        tr!(app.i18n, lang, "remind-none")
    } else {
        tr!(app.i18n, lang, "remind-list", lines = lines.join("\n"), tz = g.settings.tz.clone())
    }
}

/// What `/remind …` asks for (in a group or in private).
pub(super) enum RemindArgs {
    List,
    /// Set (or, with `None`, remove) one reminder.
    Set(ReminderKind, Option<HhMm>),
    /// A mistake, with the localized answer.
    Invalid(String),
}

pub(super) fn parse_remind(app: &App, lang: Lang, words: &[&str], grade: crate::model::Grade) -> RemindArgs {
    let kind_of = |w: &str| ReminderKind::parse(w).ok_or_else(|| truncate(w, 24));
    let bad_kind = |given: String| RemindArgs::Invalid(tr!(app.i18n, lang, "remind-bad-kind", given = given));
    match words {
        [] => RemindArgs::List,
        [off, k] if off.eq_ignore_ascii_case("off") => match kind_of(k) {
            Ok(k) => RemindArgs::Set(k, None),
            Err(e) => bad_kind(e),
        },
        [k] => match kind_of(k) {
            Ok(ReminderKind::Bedtime) => RemindArgs::Set(ReminderKind::Bedtime, Some(grade.default_bedtime_reminder())),
            Ok(_) => RemindArgs::Invalid(tr!(app.i18n, lang, "remind-needs-time", kind = k.to_string())),
            Err(e) => bad_kind(e),
        },
        [k, t] => match (kind_of(k), t.parse::<HhMm>()) {
            (Ok(k), Ok(t)) => RemindArgs::Set(k, Some(t)),
            (Err(e), _) => bad_kind(e),
            (Ok(_), Err(())) => RemindArgs::Invalid(tr!(app.i18n, lang, "remind-bad-time", given = truncate(t, 24))),
        },
        _ => RemindArgs::Invalid(tr!(app.i18n, lang, "remind-usage")),
    }
}

pub(super) async fn remind(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx, cmd: Cmd) -> HandlerResult {
    let lang = ctx.lang();
    if cmd.args.chars().count() > command::MAX_ARGS {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "args-too-long", max = command::MAX_ARGS)).await;
    }
    let mut group = app.store.group(ctx.group.chat_id).await?.unwrap_or(ctx.group);
    let (kind, at) = match parse_remind(&app, lang, &cmd.words(), group.settings.grade) {
        RemindArgs::List => return reply(&bot, &app, &msg, list(&app, &group)).await,
        RemindArgs::Invalid(answer) => return reply(&bot, &app, &msg, answer).await,
        RemindArgs::Set(kind, at) => (kind, at),
    };
    match at {
        Some(t) => group.settings.reminders.insert(kind.as_str().to_owned(), t),
        None => group.settings.reminders.remove(kind.as_str()),
    };
    app.save_group(&group).await?;
    app.reminders.changed.notify_one();
    tracing::info!(chat = group.chat_id, kind = kind.as_str(), "reminder changed");
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "remind-saved", list = list(&app, &group))).await
}

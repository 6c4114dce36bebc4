//! `/remind`: list the group's daily reminders, set one (`/remind exercise 17:30`; `/remind bedtime`
//! alone uses the grade's bedtime), or remove one (`/remind off screen`).

use super::roles::truncate;
use super::*;
use crate::content::ReminderKind;
use crate::model::HhMm;

fn kind_name(app: &App, lang: Lang, k: ReminderKind) -> String {
    let key = match k {
        ReminderKind::Exercise => crate::key!("reminder-kind-exercise"),
        ReminderKind::Screen => crate::key!("reminder-kind-screen"),
        ReminderKind::Bedtime => crate::key!("reminder-kind-bedtime"),
    };
    app.i18n.get(lang, key, None)
}

fn list(app: &App, g: &Group) -> String {
    let lang = g.settings.lang;
    let lines: Vec<String> = ReminderKind::ALL
        .into_iter()
        .filter_map(|k| {
            let at = g.settings.reminders.get(k.as_str())?;
            Some(format!("• {} ({}) — {at}", kind_name(app, lang, k), k.as_str()))
        })
        .collect();
    if lines.is_empty() {
        tr!(app.i18n, lang, "remind-none")
    } else {
        tr!(app.i18n, lang, "remind-list", lines = lines.join("\n"), tz = g.settings.tz.clone())
    }
}

pub(super) async fn remind(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx, cmd: Cmd) -> HandlerResult {
    let lang = ctx.lang();
    if cmd.args.chars().count() > command::MAX_ARGS {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "args-too-long", max = command::MAX_ARGS)).await;
    }
    let mut group = app.store.group(ctx.group.chat_id).await?.unwrap_or(ctx.group);
    let words = cmd.words();
    let kind_of = |w: &str| ReminderKind::parse(w).ok_or_else(|| truncate(w, 24));
    let change: Result<(ReminderKind, Option<HhMm>), String> = match words.as_slice() {
        [] => return reply(&bot, &app, &msg, list(&app, &group)).await,
        [off, k] if off.eq_ignore_ascii_case("off") => kind_of(k).map(|k| (k, None)),
        [k] => match kind_of(k) {
            Ok(ReminderKind::Bedtime) => {
                Ok((ReminderKind::Bedtime, Some(group.settings.grade.default_bedtime_reminder())))
            }
            Ok(_) => {
                return reply(&bot, &app, &msg, tr!(app.i18n, lang, "remind-needs-time", kind = k.to_string())).await;
            }
            Err(e) => Err(e),
        },
        [k, t] => match (kind_of(k), t.parse::<HhMm>()) {
            (Ok(k), Ok(t)) => Ok((k, Some(t))),
            (Err(e), _) => Err(e),
            (Ok(_), Err(())) => {
                return reply(&bot, &app, &msg, tr!(app.i18n, lang, "remind-bad-time", given = truncate(t, 24))).await;
            }
        },
        _ => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "remind-usage")).await,
    };
    let (kind, at) = match change {
        Ok(c) => c,
        Err(given) => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "remind-bad-kind", given = given)).await,
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

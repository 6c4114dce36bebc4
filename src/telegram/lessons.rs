//! Lesson commands and the one-tap feedback buttons.

use super::roles::truncate;
use super::*;
use crate::jobs::lessons::{Audience, FEEDBACK_PREFIX};
use crate::model::Grade;
use crate::store::Subscription;
use teloxide::types::CallbackQuery;

/// `/lesson` (next) or `/lesson <id>` in a group.
pub(super) async fn group_lesson(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx, cmd: Cmd) -> HandlerResult {
    let lang = ctx.lang();
    let chat = ctx.group.chat_id;
    let request_id = format!("lesson:{chat}:cmd:{}", msg.id.0);
    // Quiet hours hold the bot's posts in the group, a teacher's request included; say when it comes.
    let settings = &ctx.group.settings;
    let now = app.clock.now();
    let due = crate::schedule::after_quiet(settings.zone(), settings.quiet, now);
    if due > now {
        let at = due.with_timezone(&settings.zone()).format("%H:%M").to_string();
        reply(&bot, &app, &msg, tr!(app.i18n, lang, "lesson-after-quiet", time = at)).await?;
    }
    send_lesson(&bot, &app, &msg, Audience::group(&ctx.group), &cmd, request_id, due).await
}

/// `/lesson` in a private chat: this parent's own next lesson, in their language.
pub(super) async fn private_lesson(bot: Bot, app: Arc<App>, msg: Message, cmd: Cmd) -> HandlerResult {
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let sub = app.store.subscription(user.id.0).await?;
    let lang = private_lang(&app, &msg).await;
    let grade = sub.map(|s| s.grade).unwrap_or_default();
    let request_id = format!("lesson:{}:cmd:{}", user.id.0, msg.id.0);
    let now = app.clock.now();
    send_lesson(&bot, &app, &msg, Audience::parent(user.id.0, lang, grade), &cmd, request_id, now).await
}

async fn send_lesson(
    bot: &Bot,
    app: &App,
    msg: &Message,
    to: Audience,
    cmd: &Cmd,
    request_id: String,
    due: chrono::DateTime<chrono::Utc>,
) -> HandlerResult {
    let lang = to.lang;
    if cmd.args.chars().count() > command::MAX_ARGS {
        return reply(bot, app, msg, tr!(app.i18n, lang, "args-too-long", max = command::MAX_ARGS)).await;
    }
    match cmd.words().as_slice() {
        [] => {
            if app.lessons.queue_next(&to, request_id, due).await?.is_none() {
                reply(bot, app, msg, tr!(app.i18n, lang, "lesson-none")).await?;
            }
            Ok(())
        }
        [id] => match app.lessons.content.lesson(lang, id) {
            Some(lesson) => {
                let lesson = lesson.clone();
                app.lessons.queue_given(to.chat, lang, &lesson, request_id, due).await?;
                Ok(())
            }
            None => reply(bot, app, msg, tr!(app.i18n, lang, "lesson-unknown", given = truncate(id, 40))).await,
        },
        _ => reply(bot, app, msg, tr!(app.i18n, lang, "lesson-usage")).await,
    }
}

/// `/lessons`: the latest lessons in this group with their feedback totals.
pub(super) async fn group_lessons(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx) -> HandlerResult {
    let lang = ctx.lang();
    let chat = ctx.group.chat_id;
    let log = app.store.lesson_log(chat, 6).await?;
    if log.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "lessons-none-yet")).await;
    }
    let mut lines = Vec::new();
    for (id, _) in &log {
        let title = app.lessons.content.lesson(lang, id).map(|l| l.title.clone()).unwrap_or_else(|| id.clone());
        let useful = app.store.feedback_count(chat, id, "useful").await?;
        let tried = app.store.feedback_count(chat, id, "tried").await?;
        lines.push(tr!(app.i18n, lang, "lessons-line", title = title, useful = useful as i64, tried = tried as i64));
    }
    let next = match &ctx.group.settings.lessons {
        Some(w) => super::settings::describe_weekly(&app, lang, w),
        None => tr!(app.i18n, lang, "settings-off"),
    };
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "lessons-summary", lines = lines.join("\n"), schedule = next)).await
}

/// `/subscribe [grade]` in a private chat: lessons privately, Monday/Wednesday/Friday.
pub(super) async fn subscribe(bot: Bot, app: Arc<App>, msg: Message, cmd: Cmd) -> HandlerResult {
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let lang = private_lang(&app, &msg).await;
    let grade = match cmd.words().as_slice() {
        [] => Grade::default(),
        [g] => match Grade::parse(g) {
            Some(g) => g,
            None => {
                return reply(&bot, &app, &msg, tr!(app.i18n, lang, "settings-bad-grade", given = truncate(g, 24)))
                    .await;
            }
        },
        _ => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "subscribe-usage")).await,
    };
    app.store.set_subscription(user.id.0, Some(&Subscription { lang, grade })).await?;
    app.lessons.changed.notify_one();
    let grade = super::settings::grade_name(&app, lang, grade);
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "subscribed", grade = grade)).await
}

pub(super) async fn unsubscribe(bot: Bot, app: Arc<App>, msg: Message) -> HandlerResult {
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let lang = private_lang(&app, &msg).await;
    app.store.set_subscription(user.id.0, None).await?;
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "unsubscribed")).await
}

/// A press on "👍 useful" / "✅ tried it": counted once per person per lesson.
pub(super) async fn feedback(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let Some(data) = q.data.as_deref() else { return Ok(()) };
    let Some(rest) = data.strip_prefix(FEEDBACK_PREFIX) else {
        // Not ours (or from an older version): still answer so the client stops spinning.
        let _ = app.call(None, || bot.answer_callback_query(q.id.clone()).into_future()).await;
        return Ok(());
    };
    let lang = match q.message.as_ref().map(|m| m.chat()) {
        Some(chat) if !chat.is_private() => {
            app.group(chat.id.0).await?.map(|g| g.settings.lang).unwrap_or(app.defaults.lang)
        }
        _ => Lang::from_telegram(q.from.language_code.as_deref()).unwrap_or(app.defaults.lang),
    };
    let (kind, lesson) = match rest.split_once(':') {
        Some(("u", id)) => ("useful", id),
        Some(("t", id)) => ("tried", id),
        _ => ("", ""),
    };
    let answer = match (q.message.as_ref(), kind.is_empty()) {
        (Some(m), false) => {
            let chat = m.chat().id.0;
            if app.store.add_feedback(chat, lesson, kind, q.from.id.0).await? {
                tr!(app.i18n, lang, "feedback-thanks")
            } else {
                tr!(app.i18n, lang, "feedback-already")
            }
        }
        _ => tr!(app.i18n, lang, "feedback-thanks"),
    };
    app.call(None, || bot.answer_callback_query(q.id.clone()).text(answer.clone()).into_future())
        .await
        .map_err(|e| anyhow::anyhow!("answerCallbackQuery failed: {e:?}"))?;
    Ok(())
}

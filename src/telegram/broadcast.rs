//! `/broadcast <text>` in a private chat: a teacher's notice posted to every group where they are
//! teacher or admin — after a confirm button when there is more than one group. Each group gets it
//! as a notice (with the acknowledge button) through the outbox, once: the fan-out queues one item per
//! group under a fixed id, so running it again (after a crash half-way) queues only what is missing.

use super::notices::{self, MAX_NOTICE};
use super::*;
use crate::store::Broadcast;
use teloxide::types::{CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup};

/// Callback data: `bc:y:<id>` (send) and `bc:n:<id>` (cancel).
pub const PREFIX: &str = "bc:";

pub(super) async fn broadcast(bot: Bot, app: Arc<App>, msg: Message, cmd: Cmd) -> HandlerResult {
    let lang = private_lang(&app, &msg);
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let text = cmd.args.trim();
    if text.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "broadcast-usage")).await;
    }
    if text.chars().count() > MAX_NOTICE {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "notice-too-long", max = MAX_NOTICE as i64)).await;
    }
    let mut targets = Vec::new();
    let mut titles = Vec::new();
    for chat in app.store.active_groups().await? {
        if app.role_of_user(&bot, chat, user.id.0).await?.manages()
            && let Some(g) = app.group(chat).await?
        {
            targets.push(chat);
            titles.push(g.title);
        }
    }
    if targets.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "broadcast-no-groups")).await;
    }
    let mut b = Broadcast {
        id: format!("{}-{}", user.id.0, msg.id.0),
        author: user.full_name(),
        author_id: user.id.0,
        text: text.to_owned(),
        targets,
        at: app.clock.now(),
        state: "pending".into(),
    };
    let groups = titles.join(&tr!(app.i18n, lang, "list-separator"));
    let count = b.targets.len() as i64;
    if b.targets.len() == 1 {
        b.state = "confirmed".into();
        app.store.put_broadcast(&b).await?;
        fan_out(&app, &b).await?;
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "broadcast-sent", count = count, groups = groups)).await;
    }
    app.store.put_broadcast(&b).await?;
    let keyboard = InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback(
            tr!(app.i18n, lang, "broadcast-btn-send", count = count),
            format!("{PREFIX}y:{}", b.id),
        ),
        InlineKeyboardButton::callback(tr!(app.i18n, lang, "broadcast-btn-cancel"), format!("{PREFIX}n:{}", b.id)),
    ]]);
    let question = tr!(app.i18n, lang, "broadcast-confirm", count = count, groups = groups);
    app.throttle(msg.chat.id.0).await;
    send::call(|| bot.send_message(msg.chat.id, question.clone()).reply_markup(keyboard.clone()).into_future())
        .await
        .map_err(|e| anyhow::anyhow!("sendMessage failed: {e:?}"))?;
    Ok(())
}

/// The confirm / cancel buttons.
pub(super) async fn decide(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let lang = Lang::from_telegram(q.from.language_code.as_deref()).unwrap_or(app.defaults.lang);
    let data = q.data.as_deref().unwrap_or_default().trim_start_matches(PREFIX);
    let (action, id) = data.split_once(':').unwrap_or(("", ""));
    let answer = match app.store.broadcast(id).await? {
        None => tr!(app.i18n, lang, "broadcast-expired"),
        Some(b) if b.author_id != q.from.id.0 => tr!(app.i18n, lang, "broadcast-expired"),
        Some(b) if b.state != "pending" => tr!(app.i18n, lang, "broadcast-already"),
        Some(mut b) => {
            let count = b.targets.len() as i64;
            let outcome = if action == "y" {
                b.state = "confirmed".into();
                app.store.put_broadcast(&b).await?;
                fan_out(&app, &b).await?;
                tr!(app.i18n, lang, "broadcast-sent-short", count = count)
            } else {
                b.state = "cancelled".into();
                app.store.put_broadcast(&b).await?;
                tr!(app.i18n, lang, "broadcast-cancelled")
            };
            if let Some(m) = q.message.as_ref() {
                let (chat, id) = (m.chat().id, m.id());
                let _ = send::call(|| bot.edit_message_text(chat, id, outcome.clone()).into_future()).await;
            }
            outcome
        }
    };
    let _ = send::call(|| bot.answer_callback_query(q.id.clone()).text(answer.clone()).into_future()).await;
    Ok(())
}

/// Queues the broadcast into every target group (idempotent), then marks it done.
pub async fn fan_out(app: &App, b: &Broadcast) -> anyhow::Result<()> {
    for &chat in &b.targets {
        let Some(group) = app.group(chat).await?.filter(|g| g.active) else { continue };
        let outbox_id = format!("broadcast:{}:{chat}", b.id);
        notices::queue(app, &group, format!("b{}", b.id), &b.author, Some(b.author_id), &b.text, b.at, outbox_id)
            .await?;
    }
    let mut done = b.clone();
    done.state = "done".into();
    app.store.put_broadcast(&done).await?;
    Ok(())
}

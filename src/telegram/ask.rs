//! Questions to the teacher, in private: a parent sends `/ask <question>` (or presses "ask the
//! teacher" under a notice); the bot passes it privately to the group's teachers and administrators
//! who have started the bot, with "reply" and "mute for a day" buttons; the teacher's answer (a reply
//! to that message, or after pressing "reply") goes back to the parent privately. Nothing appears in
//! the group. At most [`MAX_PER_DAY`] questions per parent, group and day; a parent in several groups
//! picks one. The question's text lives only in the Telegram messages (and, for the few minutes a
//! parent takes to pick a group, as their pending step).

use super::commands::PrivateCall;
use super::people::{answer, belongs};
use super::*;
use crate::store::Ask;
use std::time::Duration;
use teloxide::types::{ForceReply, InlineKeyboardButton, InlineKeyboardMarkup};

/// Questions per parent, group and day.
pub const MAX_PER_DAY: u64 = 5;
/// Longest question or answer.
pub const MAX_QUESTION: usize = 1000;
/// Callback data: choose the group to ask (`aq:<chat>`).
pub const ASK_GROUP: &str = "aq:";
/// Callback data for the teacher: reply (`ar:<chat>:<id>`) and mute the parent for a day (`am:…`).
pub const ASK_REPLY: &str = "ar:";
pub const ASK_MUTE: &str = "am:";
/// How long the bot waits for the text after "ask" or "reply" was pressed.
const PENDING: Duration = Duration::from_secs(30 * 60);

/// `/ask [question]`.
pub(super) async fn ask(c: PrivateCall) -> HandlerResult {
    let PrivateCall { bot, app, msg, cmd, user, lang } = c;
    let question = cmd.args.trim().to_owned();
    if question.chars().count() > MAX_QUESTION {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "ask-too-long", max = MAX_QUESTION as i64)).await;
    }
    let groups = app.store.member_groups(user.id.0).await?;
    match groups.as_slice() {
        [] => reply(&bot, &app, &msg, tr!(app.i18n, lang, "ask-no-group")).await,
        [chat] if question.is_empty() => begin(&bot, &app, &user, lang, *chat).await,
        [chat] => submit(&bot, &app, &user, lang, *chat, &question).await,
        several => {
            // Keep the question for the few minutes it takes to choose.
            let pending = if question.is_empty() { None } else { Some(format!("askt:{question}")) };
            app.store.set_pending(user.id.0, pending.as_deref(), PENDING).await?;
            let mut rows = Vec::new();
            for chat in several.iter().take(20) {
                let title = app.group(*chat).await?.map(|g| g.title).unwrap_or_else(|| chat.to_string());
                rows.push([InlineKeyboardButton::callback(
                    super::roles::truncate(&title, 40),
                    format!("{ASK_GROUP}{chat}"),
                )]);
            }
            let to = msg.chat.id;
            let text = tr!(app.i18n, lang, "ask-choose");
            let markup = InlineKeyboardMarkup::new(rows);
            app.call(Some(to.0), || bot.send_message(to, text.clone()).reply_markup(markup.clone()).into_future())
                .await
                .map_err(|e| anyhow::anyhow!("sendMessage failed: {e:?}"))?;
            Ok(())
        }
    }
}

/// Asks for the question to `chat` (after a link or a group was chosen without text).
pub(super) async fn begin(
    bot: &Bot,
    app: &App,
    user: &teloxide::types::User,
    lang: Lang,
    chat: ChatKey,
) -> HandlerResult {
    let to = ChatId(user.id.0 as i64);
    if !belongs(app, bot, chat, user.id.0).await? {
        let text = tr!(app.i18n, lang, "link-not-member");
        let _ = app.call(Some(to.0), || bot.send_message(to, text.clone()).into_future()).await;
        return Ok(());
    }
    app.store.set_pending(user.id.0, Some(&format!("ask:{chat}")), PENDING).await?;
    let title = app.group(chat).await?.map(|g| g.title).unwrap_or_default();
    let text = tr!(app.i18n, lang, "ask-write", group = super::roles::truncate(&title, 60));
    let _ =
        app.call(Some(to.0), || bot.send_message(to, text.clone()).reply_markup(ForceReply::new()).into_future()).await;
    Ok(())
}

/// A press on a group's name after `/ask`, or on "ask the teacher" under a notice.
pub(super) async fn choose_group(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let lang = user_lang(&app, &q.from).await;
    let Some(chat) = q.data.as_deref().unwrap_or_default().trim_start_matches(ASK_GROUP).parse::<ChatKey>().ok() else {
        return answer(&bot, &app, &q, String::new()).await;
    };
    answer(&bot, &app, &q, String::new()).await?;
    let pending = app.store.pending(q.from.id.0).await?;
    match pending.as_deref().and_then(|p| p.strip_prefix("askt:")) {
        Some(question) => {
            app.store.set_pending(q.from.id.0, None, PENDING).await?;
            submit(&bot, &app, &q.from, lang, chat, question).await
        }
        None => begin(&bot, &app, &q.from, lang, chat).await,
    }
}

/// Passes a question to the group's teachers and administrators, privately.
async fn submit(
    bot: &Bot,
    app: &App,
    parent: &teloxide::types::User,
    lang: Lang,
    chat: ChatKey,
    question: &str,
) -> HandlerResult {
    let to = ChatId(parent.id.0 as i64);
    let say = |text: String| async move {
        let _ = app.call(Some(to.0), || bot.send_message(to, text.clone()).into_future()).await;
        Ok(())
    };
    if !belongs(app, bot, chat, parent.id.0).await? {
        return say(tr!(app.i18n, lang, "link-not-member")).await;
    }
    let now = app.clock.now();
    if app.store.asks_muted_until(chat, parent.id.0).await?.is_some_and(|until| until > now) {
        return say(tr!(app.i18n, lang, "ask-muted")).await;
    }
    let Some(group) = app.group(chat).await? else { return say(tr!(app.i18n, lang, "link-not-member")).await };
    let today = crate::schedule::local_date(group.settings.zone(), now);
    if app.store.count_ask(chat, parent.id.0, today).await? > MAX_PER_DAY {
        return say(tr!(app.i18n, lang, "ask-limit", max = MAX_PER_DAY as i64)).await;
    }
    // This group's teachers (set with /role teacher) and its creator (usually the class teacher who
    // set the group up); never other administrators, who in parent groups are often parents.
    let mut teachers: Vec<UserKey> =
        app.store.roles(chat).await?.into_iter().filter(|(_, r)| *r == Role::Teacher).map(|(u, _)| u).collect();
    if let Ok(admins) = app.call(None, || bot.get_chat_administrators(ChatId(chat)).into_future()).await {
        teachers.extend(admins.iter().filter(|a| a.kind.is_owner() && !a.user.is_bot).map(|a| a.user.id.0));
    }
    teachers.sort_unstable();
    teachers.dedup();
    teachers.retain(|t| *t != parent.id.0 && *t != GROUP_ANONYMOUS_BOT);
    let name = app.store.member(chat, parent.id.0).await?.map(|m| m.name).unwrap_or_else(|| parent.full_name());
    // Sorts by time (the store keeps the newest); the random tail keeps two parents apart.
    let id = format!("{:013}{:04}", now.timestamp_millis(), crate::jobs::limiter::rand_u64() % 10_000);
    let mut reached = 0;
    for teacher in teachers {
        if reached >= 10 {
            break;
        }
        let tlang = match app.store.profile(teacher).await? {
            Some(p) if p.started => p.lang.unwrap_or(group.settings.lang),
            _ => continue, // never opened the private chat: Telegram would refuse
        };
        let teacher = &teacher;
        let text = tr!(
            app.i18n,
            tlang,
            "ask-to-teacher",
            group = super::roles::truncate(&group.title, 60),
            name = super::roles::truncate(&name, 40),
            question = question.to_owned()
        );
        let markup = InlineKeyboardMarkup::new([[
            InlineKeyboardButton::callback(tr!(app.i18n, tlang, "ask-reply-btn"), format!("{ASK_REPLY}{chat}:{id}")),
            InlineKeyboardButton::callback(tr!(app.i18n, tlang, "ask-mute-btn"), format!("{ASK_MUTE}{chat}:{id}")),
        ]]);
        let tchat = ChatId(*teacher as i64);
        match app
            .call(Some(tchat.0), || bot.send_message(tchat, text.clone()).reply_markup(markup.clone()).into_future())
            .await
        {
            Ok(m) => {
                app.store.link_ask_message(*teacher, m.id.0, chat, &id).await?;
                reached += 1;
            }
            Err(send::Failure::Forbidden) => {
                if let Some(mut p) = app.store.profile(*teacher).await? {
                    p.started = false;
                    app.store.put_profile(*teacher, &p).await?;
                }
            }
            Err(e) => tracing::warn!(chat, error = ?e, "could not pass a question to a teacher"),
        }
    }
    if reached == 0 {
        return say(tr!(app.i18n, lang, "ask-no-teacher")).await;
    }
    let ask = Ask { id, chat, parent: parent.id.0, parent_name: name, at: now, answered: false };
    app.store.put_ask(&ask).await?;
    crate::metrics::question();
    say(tr!(app.i18n, lang, "ask-sent", count = reached as i64)).await
}

/// The question behind a teacher's button press: (chat, id), only for the teacher it was sent to.
async fn question_of(app: &App, q: &CallbackQuery, prefix: &str) -> anyhow::Result<Option<(ChatKey, String)>> {
    let Some(message) = q.message.as_ref() else { return Ok(None) };
    let linked = app.store.ask_for_message(q.from.id.0, message.id().0).await?;
    let data = q.data.as_deref().unwrap_or_default().trim_start_matches(prefix);
    let claimed = data.split_once(':').and_then(|(c, id)| Some((c.parse::<ChatKey>().ok()?, id.to_owned())));
    Ok(linked.filter(|l| Some(l) == claimed.as_ref()))
}

/// "Reply": the teacher's next message answers the question.
pub(super) async fn reply_pressed(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let lang = user_lang(&app, &q.from).await;
    let Some((chat, id)) = question_of(&app, &q, ASK_REPLY).await? else {
        return answer(&bot, &app, &q, tr!(app.i18n, lang, "ask-gone")).await;
    };
    app.store.set_pending(q.from.id.0, Some(&format!("ans:{chat}:{id}")), PENDING).await?;
    answer(&bot, &app, &q, String::new()).await?;
    let to = ChatId(q.from.id.0 as i64);
    let text = tr!(app.i18n, lang, "ask-reply-prompt");
    let _ =
        app.call(Some(to.0), || bot.send_message(to, text.clone()).reply_markup(ForceReply::new()).into_future()).await;
    Ok(())
}

/// "Mute for a day": this parent's questions to this group are refused until tomorrow.
pub(super) async fn mute_pressed(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let lang = user_lang(&app, &q.from).await;
    let Some((chat, id)) = question_of(&app, &q, ASK_MUTE).await? else {
        return answer(&bot, &app, &q, tr!(app.i18n, lang, "ask-gone")).await;
    };
    let Some(ask) = app.store.ask(chat, &id).await? else {
        return answer(&bot, &app, &q, tr!(app.i18n, lang, "ask-gone")).await;
    };
    if !app.role_of_user(&bot, chat, q.from.id.0).await?.manages() {
        return answer(&bot, &app, &q, tr!(app.i18n, lang, "ask-gone")).await;
    }
    let until = app.clock.now() + chrono::Duration::days(1);
    app.store.mute_asks(chat, ask.parent, Some(until)).await?;
    answer(&bot, &app, &q, tr!(app.i18n, lang, "ask-muted-done")).await
}

/// A plain message in a private chat: a teacher's answer (a reply to a question, or after "reply"),
/// a parent's question (after choosing a group or following a link), else a hint.
pub(super) async fn private_text(bot: Bot, app: Arc<App>, msg: Message) -> HandlerResult {
    let (Some(user), Some(text)) = (msg.from.as_ref(), msg.text()) else { return Ok(()) };
    let lang = user_lang(&app, user).await;
    super::people::mark_started(&app, user.id.0).await?;
    if text.chars().count() > MAX_QUESTION {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "ask-too-long", max = MAX_QUESTION as i64)).await;
    }
    // A reply to a question the bot passed to this teacher.
    if let Some(target) = msg.reply_to_message()
        && let Some((chat, id)) = app.store.ask_for_message(user.id.0, target.id.0).await?
    {
        return answer_question(&bot, &app, &msg, lang, chat, &id, text).await;
    }
    let pending = app.store.pending(user.id.0).await?;
    if let Some(p) = pending.as_deref() {
        if let Some((chat, id)) = p.strip_prefix("ans:").and_then(|r| r.split_once(':')) {
            let chat: ChatKey = chat.parse().unwrap_or_default();
            let id = id.to_owned();
            app.store.set_pending(user.id.0, None, PENDING).await?;
            return answer_question(&bot, &app, &msg, lang, chat, &id, text).await;
        }
        if let Some(chat) = p.strip_prefix("ask:").and_then(|c| c.parse::<ChatKey>().ok()) {
            app.store.set_pending(user.id.0, None, PENDING).await?;
            return submit(&bot, &app, user, lang, chat, text).await;
        }
    }
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "private-hint")).await
}

/// Sends a teacher's answer to the parent who asked.
async fn answer_question(
    bot: &Bot,
    app: &App,
    msg: &Message,
    lang: Lang,
    chat: ChatKey,
    id: &str,
    text: &str,
) -> HandlerResult {
    let Some(mut ask) = app.store.ask(chat, id).await? else {
        return reply(bot, app, msg, tr!(app.i18n, lang, "ask-gone")).await;
    };
    let Some(teacher) = msg.from.as_ref() else { return Ok(()) };
    // Only someone who still teaches or runs the group answers for it.
    if !app.role_of_user(bot, chat, teacher.id.0).await?.manages() {
        return reply(bot, app, msg, tr!(app.i18n, lang, "ask-gone")).await;
    }
    let group = app.group(chat).await?;
    let title = group.as_ref().map(|g| g.title.clone()).unwrap_or_default();
    let plang = match app.store.profile(ask.parent).await? {
        Some(p) => p.lang.or(group.as_ref().map(|g| g.settings.lang)).unwrap_or(app.defaults.lang),
        None => app.defaults.lang,
    };
    let body = tr!(app.i18n, plang, "ask-answer", group = super::roles::truncate(&title, 60), answer = text.to_owned());
    let to = ChatId(ask.parent as i64);
    match app.call(Some(to.0), || bot.send_message(to, body.clone()).into_future()).await {
        Ok(_) => {
            ask.answered = true;
            app.store.put_ask(&ask).await?;
            reply(bot, app, msg, tr!(app.i18n, lang, "ask-answered")).await
        }
        Err(send::Failure::Forbidden) => reply(bot, app, msg, tr!(app.i18n, lang, "ask-parent-gone")).await,
        Err(e) => Err(anyhow::anyhow!("could not pass an answer: {e:?}")),
    }
}

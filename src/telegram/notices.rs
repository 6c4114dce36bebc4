//! Teacher notices with one-tap acknowledgement: `/notice <text>` posts the notice with a button;
//! each person's press counts once and the count on the button updates in place; a plain "收到"-style
//! reply counts too and is removed so the notice stays visible; `/status` shows who has not yet seen it.

use super::roles::truncate;
use super::*;
use crate::store::{Notice, OutMessage, OutboxItem};
use std::time::{Duration, Instant};
use teloxide::types::{CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

/// Callback data of the acknowledge button: `nt:<notice id>`.
pub const PREFIX: &str = "nt:";
/// Longest notice text (Telegram's limit is 4096 with our header).
pub const MAX_NOTICE: usize = 3000;
/// The button's count is edited at most this often per notice (Telegram limits edits too).
const EDIT_EVERY: Duration = Duration::from_secs(2);

/// Whether a reply is only an acknowledgement ("收到！谢谢老师🙏", "OK 👍", "小明妈妈：已阅"); see
/// [`crate::ack`].
pub fn is_ack_text(text: &str) -> bool {
    crate::ack::is_acknowledgement(text)
}

/// Per-process state: when each notice's button was last edited, and whether an edit is pending.
#[derive(Default)]
pub struct NoticeState {
    edits: std::sync::Mutex<HashMap<(ChatKey, String), (Instant, bool)>>,
}

/// The rows under a notice: acknowledge (with the count), and a `t.me` link that opens the private
/// chat and delivers the notice there (for parents who want reminders privately or to ask the teacher).
fn rows(app: &App, lang: Lang, chat: ChatKey, id: &str, count: usize) -> Vec<Vec<(String, String)>> {
    let mut rows = vec![vec![(tr!(app.i18n, lang, "notice-btn", count = count as i64), format!("{PREFIX}{id}"))]];
    if let Some(link) = super::people::notice_link(app, chat, id) {
        rows.push(vec![(tr!(app.i18n, lang, "notice-link-btn"), link)]);
    }
    rows
}

fn keyboard(app: &App, lang: Lang, chat: ChatKey, id: &str, count: usize) -> InlineKeyboardMarkup {
    crate::jobs::outbox::keyboard(&rows(app, lang, chat, id, count))
}

/// `/notice <text>`.
pub(super) async fn notice(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx, cmd: Cmd) -> HandlerResult {
    let lang = ctx.lang();
    let text = cmd.args.trim();
    if text.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "notice-usage")).await;
    }
    if text.chars().count() > MAX_NOTICE {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "notice-too-long", max = MAX_NOTICE as i64)).await;
    }
    let chat = ctx.group.chat_id;
    let author = msg
        .sender_chat
        .as_ref()
        .and_then(|c| c.title().map(str::to_owned))
        .or_else(|| msg.from.as_ref().map(|u| u.full_name()))
        .unwrap_or_default();
    let now = app.clock.now();
    let id = format!("n{}", msg.id.0);
    let author_id = msg.from.as_ref().filter(|_| msg.sender_chat.is_none()).map(|u| u.id.0);
    let outbox_id = format!("notice:{chat}:{id}");
    let notice = NewNotice { id, author: &author, author_id, text, at: now, paid: false };
    let due = queue(&app, &ctx.group, notice, outbox_id).await?;
    // Quiet hours hold notices too; the teacher is told when it goes out.
    if due > now {
        let at = due.with_timezone(&ctx.group.settings.zone()).format("%H:%M").to_string();
        reply(&bot, &app, &msg, tr!(app.i18n, lang, "notice-queued", time = at)).await?;
    }
    Ok(())
}

/// A notice to post: for `/notice` and for broadcasts.
pub(super) struct NewNotice<'a> {
    pub id: String,
    pub author: &'a str,
    pub author_id: Option<UserKey>,
    pub text: &'a str,
    pub at: chrono::DateTime<chrono::Utc>,
    /// Sent as a paid broadcast.
    pub paid: bool,
}

/// Records a notice in `group` (unless it is already there) and queues its post — the text with the
/// acknowledge button — under `outbox_id`, held by the group's quiet hours. Used by `/notice` and by
/// broadcasts; returns when the post goes out.
pub(super) async fn queue(
    app: &App,
    group: &Group,
    n: NewNotice<'_>,
    outbox_id: String,
) -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    let chat = group.chat_id;
    if app.store.notice(chat, &n.id).await?.is_none() {
        let title = truncate(n.text.lines().next().unwrap_or_default(), 39);
        let notice = Notice {
            id: n.id.clone(),
            author: n.author.to_owned(),
            author_id: n.author_id,
            title,
            at: n.at,
            message_id: None,
        };
        app.store.put_notice(chat, &notice).await?;
    }
    let lang = group.settings.lang;
    let due = crate::schedule::after_quiet(group.settings.zone(), group.settings.quiet, app.clock.now());
    let body = tr!(app.i18n, lang, "notice-post", author = n.author.to_owned(), text = n.text.to_owned());
    let buttons = rows(app, lang, chat, &n.id, 0);
    let item = OutboxItem {
        id: outbox_id,
        chat,
        due,
        attempts: 0,
        message: OutMessage { text: body, buttons, ..OutMessage::default() },
        lesson: None,
        notice: Some(n.id),
        paid: n.paid,
        unless_acked: None,
    };
    app.outbox.push(&item, None).await?;
    Ok(due)
}

/// A press on a notice's button.
pub(super) async fn pressed(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let Some(message) = q.message.as_ref() else { return Ok(()) };
    let chat = message.chat().id.0;
    let lang = app.group(chat).await?.map(|g| g.settings.lang).unwrap_or(app.defaults.lang);
    let id = q.data.as_deref().unwrap_or_default().trim_start_matches(PREFIX).to_owned();
    let answer = match app.store.notice(chat, &id).await? {
        None => tr!(app.i18n, lang, "notice-expired"),
        Some(_) if app.store.ack(chat, &id, q.from.id.0).await? => {
            crate::metrics::acked();
            refresh_count(&bot, &app, chat, lang, &id);
            tr!(app.i18n, lang, "notice-acked")
        }
        Some(_) => tr!(app.i18n, lang, "notice-already"),
    };
    let _ = app.call(None, || bot.answer_callback_query(q.id.clone()).text(answer.clone()).into_future()).await;
    Ok(())
}

/// The message a reply answers, when the reply is a plain "收到" to one of the bot's messages.
#[derive(Debug, Clone, Copy)]
pub struct AckReply(pub i32);

pub(super) fn ack_reply(msg: Message, me: Me) -> Option<AckReply> {
    let target = msg.reply_to_message()?;
    (target.from.as_ref()?.id == me.id && is_ack_text(msg.text()?)).then_some(AckReply(target.id.0))
}

/// A "收到" reply to a notice: counted as that person's acknowledgement and removed.
pub(super) async fn acked_by_reply(
    bot: Bot,
    app: Arc<App>,
    msg: Message,
    ctx: GroupCtx,
    to: AckReply,
) -> HandlerResult {
    let chat = ctx.group.chat_id;
    let (Some(user), Some(notice)) = (msg.from.as_ref(), app.store.notice_by_message(chat, to.0).await?) else {
        return Ok(());
    };
    if app.store.ack(chat, &notice.id, user.id.0).await? {
        crate::metrics::acked();
        refresh_count(&bot, &app, chat, ctx.lang(), &notice.id);
    }
    match app.call(None, || bot.delete_message(ChatId(chat), msg.id).into_future()).await {
        Ok(_) | Err(send::Failure::MessageGone) | Err(send::Failure::NoRights) => Ok(()),
        Err(e) => {
            tracing::debug!(chat, error = ?e, "could not remove an acknowledgement reply");
            Ok(())
        }
    }
}

/// Updates the count on the notice's button; see [`refresh_markup`].
pub(super) fn refresh_count(bot: &Bot, app: &Arc<App>, chat: ChatKey, lang: Lang, id: &str) {
    let id = id.to_owned();
    refresh_markup(
        bot,
        app,
        chat,
        id.clone(),
        Arc::new(move |app: Arc<App>| {
            let id = id.clone();
            Box::pin(async move {
                let Some(notice) = app.store.notice(chat, &id).await? else { return Ok(None) };
                let Some(message) = notice.message_id else { return Ok(None) };
                let count = app.store.acks(chat, &id).await?.len();
                Ok(Some((message, count, keyboard(&app, lang, chat, &id, count))))
            })
        }),
    );
}

/// Reads what a counted button should show: (message id, count, keyboard); `None` when the message
/// is gone.
pub(super) type LoadMarkup = Arc<
    dyn Fn(Arc<App>) -> futures::future::BoxFuture<'static, anyhow::Result<Option<(i32, usize, InlineKeyboardMarkup)>>>
        + Send
        + Sync,
>;

/// Updates a counted button (a notice's acknowledgements, a reminder's check-ins), at most every
/// [`EDIT_EVERY`] per message and copy; presses in between are folded into one later edit. Edits take
/// slots in the group's sending budget (Telegram counts them), and each edit is checked against the
/// store afterwards: when another copy counted presses meanwhile (or edited with an older count),
/// the button is edited again, so the count shown always ends at the stored total.
pub(super) fn refresh_markup(bot: &Bot, app: &Arc<App>, chat: ChatKey, key: String, load: LoadMarkup) {
    let key = (chat, key);
    let delay = {
        let mut edits = app.notices.edits.lock().unwrap_or_else(|e| e.into_inner());
        match edits.get(&key).copied() {
            Some((_, true)) => return, // an edit is already on its way and will read the latest count
            Some((last, false)) if last.elapsed() < EDIT_EVERY => {
                edits.insert(key.clone(), (last, true));
                EDIT_EVERY - last.elapsed()
            }
            _ => {
                if edits.len() > 10_000 {
                    edits.retain(|_, (at, pending)| *pending || at.elapsed() < EDIT_EVERY);
                }
                edits.insert(key.clone(), (Instant::now(), true));
                Duration::ZERO
            }
        }
    };
    let (bot, app) = (bot.clone(), app.clone());
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        app.notices.edits.lock().unwrap_or_else(|e| e.into_inner()).insert(key, (Instant::now(), false));
        let result: anyhow::Result<()> = async {
            let mut shown = None;
            for _ in 0..5 {
                let Some((message, count, markup)) = load(app.clone()).await? else { return Ok(()) };
                if shown == Some(count) {
                    return Ok(());
                }
                match app
                    .call(Some(chat), || {
                        bot.edit_message_reply_markup(ChatId(chat), MessageId(message))
                            .reply_markup(markup.clone())
                            .into_future()
                    })
                    .await
                {
                    Ok(_) | Err(send::Failure::NotModified) => shown = Some(count),
                    Err(send::Failure::MessageGone) => return Ok(()),
                    Err(e) => return Err(anyhow::anyhow!("editMessageReplyMarkup failed: {e:?}")),
                }
            }
            Ok(())
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(chat, error = %e, "could not update a button's count");
        }
    });
}

/// `/status`: the latest notices, how many acknowledged, and which known members have not yet; under
/// it, one "remind privately" button per notice someone has not acknowledged.
pub(super) async fn status(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx) -> HandlerResult {
    let lang = ctx.lang();
    let chat = ctx.group.chat_id;
    let notices = app.store.recent_notices(chat, 5).await?;
    if notices.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "status-none")).await;
    }
    // The audience: members the bot has seen, less admins, teachers and the committee.
    let mut members = crate::jobs::weekly::audience(&app.store, chat).await?;
    if let Ok(admins) = app.call(None, || bot.get_chat_administrators(ChatId(chat)).into_future()).await {
        let staff: std::collections::HashSet<UserKey> = admins.iter().map(|a| a.user.id.0).collect();
        members.retain(|m| !staff.contains(&m.user_id));
    }
    let tz = ctx.group.settings.zone();
    let mut lines = Vec::new();
    let mut buttons = Vec::new();
    for n in &notices {
        let acks: std::collections::HashSet<UserKey> = app.store.acks(chat, &n.id).await?.into_iter().collect();
        let missing: Vec<&str> = members
            .iter()
            .filter(|m| !acks.contains(&m.user_id) && Some(m.user_id) != n.author_id)
            .map(|m| m.name.as_str())
            .collect();
        let when = n.at.with_timezone(&tz).format("%m-%d %H:%M").to_string();
        let mut line =
            tr!(app.i18n, lang, "status-line", title = n.title.clone(), time = when.clone(), acked = acks.len() as i64);
        line.push('\n');
        let sep = tr!(app.i18n, lang, "list-separator");
        let first: Vec<String> = missing.iter().take(15).map(|n| truncate(n, 40)).collect();
        let (shown, cut) = join_bounded(&first, &sep, 600);
        let more = cut + missing.len().saturating_sub(15);
        line.push_str(&if missing.is_empty() {
            tr!(app.i18n, lang, "status-all")
        } else if more == 0 {
            tr!(app.i18n, lang, "status-missing", names = shown)
        } else {
            tr!(app.i18n, lang, "status-missing-more", names = shown, more = more as i64)
        });
        lines.push(line);
        if !missing.is_empty() && n.message_id.is_some() {
            let label = tr!(app.i18n, lang, "chase-btn", time = when, count = missing.len() as i64);
            buttons.push([InlineKeyboardButton::callback(label, format!("{CHASE}{}", n.id))]);
        }
    }
    let text = fit_message(tr!(app.i18n, lang, "status", lines = lines.join("\n\n")));
    let to = msg.chat.id;
    let markup = InlineKeyboardMarkup::new(buttons);
    let params = teloxide::types::ReplyParameters::new(msg.id).allow_sending_without_reply();
    app.call(Some(chat), || {
        bot.send_message(to, text.clone()).reply_parameters(params.clone()).reply_markup(markup.clone()).into_future()
    })
    .await
    .map_err(|e| anyhow::anyhow!("sendMessage failed: {e:?}"))?;
    Ok(())
}

/// Callback data of "remind privately those who have not acknowledged": `nc:<notice>`.
pub const CHASE: &str = "nc:";

/// "Remind privately": each member of the audience who has not acknowledged and has started the
/// bot gets one private copy of the notice with its button (once per notice and person, whoever
/// presses and however often; held past the group's quiet hours). The presser learns how many were
/// reached and who could not be (privately when possible).
pub(super) async fn chase(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let Some(message) = q.message.as_ref() else { return super::people::answer(&bot, &app, &q, String::new()).await };
    let chat = message.chat().id.0;
    let Some(group) = app.group(chat).await? else { return super::people::answer(&bot, &app, &q, String::new()).await };
    let lang = group.settings.lang;
    if !app.role_of_user(&bot, chat, q.from.id.0).await?.moderates() {
        let who = super::help::role_name(&app, lang, Role::Committee);
        return super::people::answer(&bot, &app, &q, tr!(app.i18n, lang, "refused", command = "/status", who = who))
            .await;
    }
    let id = q.data.as_deref().unwrap_or_default().trim_start_matches(CHASE).to_owned();
    let Some(notice) = app.store.notice(chat, &id).await? else {
        return super::people::answer(&bot, &app, &q, tr!(app.i18n, lang, "notice-expired")).await;
    };
    let Some(message_id) = notice.message_id else {
        return super::people::answer(&bot, &app, &q, tr!(app.i18n, lang, "notice-expired")).await;
    };
    let outcome = chase_notice(&app, &group, &notice, message_id).await?;
    let mut toast = tr!(
        app.i18n,
        lang,
        "chase-done",
        reached = outcome.queued as i64,
        before = outcome.before as i64,
        unreachable = outcome.unreachable.len() as i64
    );
    if !outcome.unreachable.is_empty() {
        // Who could not be reached goes to the presser only, never into the group.
        let plang = user_lang(&app, &q.from).await;
        let sep = tr!(app.i18n, plang, "list-separator");
        let first: Vec<String> = outcome.unreachable.iter().take(30).map(|n| truncate(n, 40)).collect();
        let (names, cut) = join_bounded(&first, &sep, 1500);
        let more = cut + outcome.unreachable.len().saturating_sub(30);
        let link = super::people::notice_link(&app, chat, &id).unwrap_or_default();
        let text = tr!(
            app.i18n,
            plang,
            "chase-report",
            title = notice.title.clone(),
            names = names,
            more = more as i64,
            link = link
        );
        let to = ChatId(q.from.id.0 as i64);
        if app.call(Some(to.0), || bot.send_message(to, text.clone()).into_future()).await.is_err() {
            toast.push(' ');
            toast.push_str(&tr!(app.i18n, lang, "chase-start-bot"));
        }
    }
    super::people::answer(&bot, &app, &q, toast).await
}

/// What a chase did.
pub struct Chased {
    /// Private copies queued now.
    pub queued: usize,
    /// Members already reminded of this notice before.
    pub before: usize,
    /// Names of members who have not started the bot.
    pub unreachable: Vec<String>,
}

/// Queues the private reminders of a notice (see [`chase`]); also used by the dashboard.
pub async fn chase_notice(app: &App, group: &Group, notice: &Notice, message_id: i32) -> anyhow::Result<Chased> {
    let chat = group.chat_id;
    let acks: std::collections::HashSet<UserKey> = app.store.acks(chat, &notice.id).await?.into_iter().collect();
    let audience = crate::jobs::weekly::audience(&app.store, chat).await?;
    let due = crate::schedule::after_quiet(group.settings.zone(), group.settings.quiet, app.clock.now());
    let mut out = Chased { queued: 0, before: 0, unreachable: Vec::new() };
    for m in audience.iter().filter(|m| !acks.contains(&m.user_id) && Some(m.user_id) != notice.author_id) {
        let profile = app.store.profile(m.user_id).await?;
        let Some(profile) = profile.filter(|p| p.started) else {
            out.unreachable.push(m.name.clone());
            continue;
        };
        let plang = profile.lang.unwrap_or(group.settings.lang);
        let item = OutboxItem {
            id: format!("chase:{chat}:{}:{}", notice.id, m.user_id),
            chat: m.user_id as i64,
            due,
            attempts: 0,
            message: OutMessage {
                copy_of: Some((chat, message_id)),
                buttons: super::people::private_notice_buttons(app, plang, chat, &notice.id, false),
                ..OutMessage::default()
            },
            lesson: None,
            notice: None,
            paid: false,
            unless_acked: Some((chat, notice.id.clone())),
        };
        match app.outbox.push(&item, None).await? {
            crate::store::Enqueued::New => out.queued += 1,
            _ => out.before += 1,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_acknowledgements_are_recognised_with_punctuation_and_emoji() {
        for t in ["收到", "收到！", "收到🙏", " 已读。", "好的~", "OK", "ok 👍", "Received.", "收到，谢谢"]
        {
            assert!(is_ack_text(t), "{t}");
        }
        for t in ["收到，明天几点集合？", "好的，那我下午去接孩子", "老师辛苦了", "OK what time?", ""]
        {
            assert!(!is_ack_text(t), "{t}");
        }
    }
}

//! `/broadcast <text>` in a private chat: a teacher's notice posted to every group where they are
//! teacher or admin — after a confirm button when there is more than one group. Each group gets it
//! as a notice (with the acknowledge button) through the outbox, once: the fan-out queues one item per
//! group under a fixed id, so running it again (after a crash half-way) queues only what is missing.
//!
//! At district scale: the sender's groups come from the store's per-user index (roles set with
//! `/role` and administrators learned from Telegram), never from one `getChatMember` per group; the
//! confirm prompt names a few groups and "N more", with the full list a button away, page by page,
//! so that no message breaks Telegram's length limit; the fan-out runs in the background. With
//! `JIAXIAO_PAID_BROADCAST=on` the posts are paid broadcasts (up to 1,000 a second), and the prompt
//! says so.

use super::notices::{self, MAX_NOTICE};
use super::*;
use crate::store::Broadcast;
use futures::StreamExt;
use teloxide::types::{CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup};

/// Callback data: `bc:y:<id>` (send), `bc:n:<id>` (cancel), `bc:p:<page>:<id>` (list page; page 0 is
/// the summary).
pub const PREFIX: &str = "bc:";
/// Groups named in the confirm prompt before "and N more".
const NAMED: usize = 5;
/// Characters of group names on one page of the full list.
const PAGE_CHARS: usize = 3000;
/// Longest group name shown.
const NAME_CHARS: usize = 60;

pub(super) async fn broadcast(bot: Bot, app: Arc<App>, msg: Message, cmd: Cmd) -> HandlerResult {
    let lang = private_lang(&app, &msg).await;
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let text = cmd.args.trim();
    if text.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "broadcast-usage")).await;
    }
    if text.chars().count() > MAX_NOTICE {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "notice-too-long", max = MAX_NOTICE as i64)).await;
    }
    let groups = managed_groups(&app, user.id.0).await?;
    if groups.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "broadcast-no-groups")).await;
    }
    let mut b = Broadcast {
        id: format!("{}-{}", user.id.0, msg.id.0),
        author: user.full_name(),
        author_id: user.id.0,
        text: text.to_owned(),
        targets: groups.iter().map(|g| g.chat_id).collect(),
        at: app.clock.now(),
        state: "pending".into(),
        paid: app.paid_broadcasts && groups.len() > 1,
    };
    let count = b.targets.len() as i64;
    if b.targets.len() == 1 {
        b.state = "confirmed".into();
        app.store.put_broadcast(&b).await?;
        fan_out(&app, &b).await?;
        let names = groups[0].title.clone();
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "broadcast-sent", count = count, groups = names)).await;
    }
    app.store.put_broadcast(&b).await?;
    let question = summary(&app, lang, &b, &groups);
    let keyboard = buttons(&app, lang, &b, 0, pages(&groups).len());
    app.call(Some(msg.chat.id.0), || {
        bot.send_message(msg.chat.id, question.clone()).reply_markup(keyboard.clone()).into_future()
    })
    .await
    .map_err(|e| anyhow::anyhow!("sendMessage failed: {e:?}"))?;
    Ok(())
}

/// The active groups `user` manages, sorted by title.
async fn managed_groups(app: &App, user: UserKey) -> anyhow::Result<Vec<Group>> {
    let chats = app.store.managed_groups(user).await?;
    let found: Vec<anyhow::Result<Option<Group>>> =
        futures::stream::iter(chats).map(|chat| app.group(chat)).buffered(64).collect().await;
    let mut groups = Vec::new();
    for g in found {
        if let Some(g) = g?.filter(|g| g.active) {
            groups.push(g);
        }
    }
    groups.sort_by(|a, b| a.title.cmp(&b.title).then(a.chat_id.cmp(&b.chat_id)));
    Ok(groups)
}

fn name(g: &Group) -> String {
    super::roles::truncate(if g.title.trim().is_empty() { "?" } else { g.title.trim() }, NAME_CHARS)
}

/// The confirm prompt: how many groups, a few names, "and N more", and whether it will be paid.
fn summary(app: &App, lang: Lang, b: &Broadcast, groups: &[Group]) -> String {
    let sep = tr!(app.i18n, lang, "list-separator");
    let mut names = groups.iter().take(NAMED).map(name).collect::<Vec<_>>().join(&sep);
    if groups.len() > NAMED {
        names.push_str(&tr!(app.i18n, lang, "broadcast-more", more = (groups.len() - NAMED) as i64));
    }
    let mut text = tr!(app.i18n, lang, "broadcast-confirm", count = groups.len() as i64, groups = names);
    if b.paid {
        text.push_str("\n\n");
        // 0.1 Star per message beyond the free 30 a second: at most a tenth of the messages.
        let stars = (groups.len() as i64 + 9) / 10;
        text.push_str(&tr!(app.i18n, lang, "broadcast-paid", stars = stars));
    }
    text
}

/// The full list cut into pages of at most [`PAGE_CHARS`] characters: (first index, end index).
fn pages(groups: &[Group]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut start, mut chars) = (0, 0);
    for (i, g) in groups.iter().enumerate() {
        let len = name(g).chars().count() + 3;
        if chars + len > PAGE_CHARS && i > start {
            out.push((start, i));
            start = i;
            chars = 0;
        }
        chars += len;
    }
    if start < groups.len() {
        out.push((start, groups.len()));
    }
    out
}

/// Page `page` (1-based) of the full list.
fn page_text(app: &App, lang: Lang, groups: &[Group], page: usize) -> String {
    let all = pages(groups);
    let (from, to) = all[page.clamp(1, all.len().max(1)) - 1];
    let lines: Vec<String> = groups[from..to].iter().map(|g| format!("• {}", name(g))).collect();
    tr!(
        app.i18n,
        lang,
        "broadcast-list-page",
        from = from as i64 + 1,
        to = to as i64,
        count = groups.len() as i64,
        groups = lines.join("\n")
    )
}

/// Send / cancel, and paging through the list (`page` 0: the summary is shown).
fn buttons(app: &App, lang: Lang, b: &Broadcast, page: usize, pages: usize) -> InlineKeyboardMarkup {
    let count = b.targets.len() as i64;
    let nav = |label: String, to: usize| InlineKeyboardButton::callback(label, format!("{PREFIX}p:{to}:{}", b.id));
    let mut rows = Vec::new();
    if page == 0 {
        rows.push(vec![nav(tr!(app.i18n, lang, "broadcast-btn-list"), 1)]);
    } else {
        let mut row = Vec::new();
        if page > 1 {
            row.push(nav("◀".to_owned(), page - 1));
        }
        row.push(nav(tr!(app.i18n, lang, "broadcast-btn-summary"), 0));
        if page < pages {
            row.push(nav("▶".to_owned(), page + 1));
        }
        rows.push(row);
    }
    rows.push(vec![
        InlineKeyboardButton::callback(
            tr!(app.i18n, lang, "broadcast-btn-send", count = count),
            format!("{PREFIX}y:{}", b.id),
        ),
        InlineKeyboardButton::callback(tr!(app.i18n, lang, "broadcast-btn-cancel"), format!("{PREFIX}n:{}", b.id)),
    ]);
    InlineKeyboardMarkup::new(rows)
}

/// The confirm / cancel / page buttons.
pub(super) async fn decide(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let lang = Lang::from_telegram(q.from.language_code.as_deref()).unwrap_or(app.defaults.lang);
    let data = q.data.as_deref().unwrap_or_default().trim_start_matches(PREFIX);
    let (action, rest) = data.split_once(':').unwrap_or(("", ""));
    let (page, id) = match action {
        "p" => match rest.split_once(':').and_then(|(p, id)| Some((p.parse::<usize>().ok()?, id))) {
            Some((p, id)) => (Some(p), id),
            None => (None, ""),
        },
        _ => (None, rest),
    };
    let answer = match app.store.broadcast(id).await? {
        None => tr!(app.i18n, lang, "broadcast-expired"),
        Some(b) if b.author_id != q.from.id.0 => tr!(app.i18n, lang, "broadcast-expired"),
        Some(b) if b.state != "pending" => tr!(app.i18n, lang, "broadcast-already"),
        Some(b) if action == "p" => {
            show_page(&bot, &app, &q, lang, &b, page.unwrap_or(0)).await?;
            String::new()
        }
        Some(mut b) => {
            let count = b.targets.len() as i64;
            let outcome = if action == "y" {
                b.state = "confirmed".into();
                app.store.put_broadcast(&b).await?;
                // Queuing thousands of posts takes a while: the teacher hears back at once, and a
                // crash half-way is finished at the next start (the fan-out is idempotent).
                let (app2, b2) = (app.clone(), b.clone());
                tokio::spawn(async move {
                    if let Err(e) = fan_out(&app2, &b2).await {
                        tracing::warn!(id = %b2.id, error = %e, "broadcast fan-out stopped; it resumes at the next start");
                    }
                });
                tr!(app.i18n, lang, "broadcast-sent-short", count = count)
            } else {
                b.state = "cancelled".into();
                app.store.put_broadcast(&b).await?;
                tr!(app.i18n, lang, "broadcast-cancelled")
            };
            if let Some(m) = q.message.as_ref() {
                let (chat, id) = (m.chat().id, m.id());
                let _ = app.call(Some(chat.0), || bot.edit_message_text(chat, id, outcome.clone()).into_future()).await;
            }
            outcome
        }
    };
    let _ = app
        .call(None, || {
            let mut a = bot.answer_callback_query(q.id.clone());
            if !answer.is_empty() {
                a = a.text(answer.clone());
            }
            a.into_future()
        })
        .await;
    Ok(())
}

/// Shows the summary (page 0) or one page of the full list in the prompt.
async fn show_page(bot: &Bot, app: &App, q: &CallbackQuery, lang: Lang, b: &Broadcast, page: usize) -> HandlerResult {
    let Some(m) = q.message.as_ref() else { return Ok(()) };
    let mut groups = Vec::new();
    let found: Vec<anyhow::Result<Option<Group>>> =
        futures::stream::iter(b.targets.clone()).map(|chat| app.group(chat)).buffered(64).collect().await;
    for g in found {
        groups.extend(g?);
    }
    groups.sort_by(|a, b| a.title.cmp(&b.title).then(a.chat_id.cmp(&b.chat_id)));
    let total = pages(&groups).len();
    let page = page.min(total);
    let text = if page == 0 { summary(app, lang, b, &groups) } else { page_text(app, lang, &groups, page) };
    let keyboard = buttons(app, lang, b, page, total);
    let (chat, id) = (m.chat().id, m.id());
    match app
        .call(Some(chat.0), || {
            bot.edit_message_text(chat, id, text.clone()).reply_markup(keyboard.clone()).into_future()
        })
        .await
    {
        Ok(_) | Err(send::Failure::NotModified) | Err(send::Failure::MessageGone) => Ok(()),
        Err(e) => Err(anyhow::anyhow!("editing the broadcast prompt failed: {e:?}")),
    }
}

/// Queues the broadcast into every target group (idempotent), then marks it done. A group whose
/// record cannot be used (corrupt, or written by a newer version) is skipped and logged, so that one
/// bad record never keeps a broadcast unfinished (and re-run) for ever; a store that cannot be reached
/// fails the whole fan-out, which is retried (only what is missing is queued).
pub async fn fan_out(app: &App, b: &Broadcast) -> anyhow::Result<()> {
    let queued: Vec<anyhow::Result<()>> = futures::stream::iter(b.targets.clone())
        .map(|chat| async move {
            let result = async {
                let Some(group) = app.group(chat).await?.filter(|g| g.active) else { return Ok(()) };
                let outbox_id = format!("broadcast:{}:{chat}", b.id);
                let notice = notices::NewNotice {
                    id: format!("b{}", b.id),
                    author: &b.author,
                    author_id: Some(b.author_id),
                    text: &b.text,
                    at: b.at,
                    paid: b.paid,
                };
                notices::queue(app, &group, notice, outbox_id).await.map(|_| ())
            }
            .await;
            match result {
                Err(e) if !unreachable_store(&e) => {
                    tracing::error!(id = %b.id, chat, error = %e, "broadcast: skipping a group whose record cannot be used");
                    Ok(())
                }
                other => other,
            }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    queued.into_iter().collect::<anyhow::Result<Vec<()>>>()?;
    let mut done = b.clone();
    done.state = "done".into();
    app.store.put_broadcast(&done).await?;
    Ok(())
}

/// Whether an error means the store could not be reached (worth retrying) rather than bad data.
fn unreachable_store(e: &anyhow::Error) -> bool {
    e.downcast_ref::<crate::store::StoreError>().is_none_or(|e| matches!(e, crate::store::StoreError::Redis(_)))
}

/// Finishes broadcasts confirmed before a crash (the fan-out only queues what is missing); retried
/// until the store answers or the bot stops.
pub async fn resume(app: &App, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    let mut backoff = std::time::Duration::from_secs(1);
    while !*shutdown.borrow() {
        let result: anyhow::Result<()> = async {
            for b in app.store.confirmed_broadcasts().await? {
                fan_out(app, &b).await?;
            }
            Ok(())
        }
        .await;
        match result {
            Ok(()) => return,
            Err(e) => tracing::warn!(error = %e, "could not finish unfinished broadcasts; retrying"),
        }
        tokio::select! {
            _ = tokio::time::sleep(backoff) => {}
            _ = shutdown.changed() => return,
        }
        backoff = (backoff * 2).min(std::time::Duration::from_secs(60));
    }
}

//! The one sending path for everything the bot posts on its own. Items wait in the store's outbox
//! (so a restart loses nothing), a worker takes each due item under a lease (so several copies never
//! send the same one), sends it within Telegram's limits, and reschedules it on 429 or transient
//! errors. A group that removed the bot is marked inactive; a parent who blocked it is unsubscribed.

use super::ratelimit::RateLimiter;
use crate::clock::Clock;
use crate::store::{DynStore, Enqueued, OutboxItem, StoreResult};
use crate::telegram::send::{self, Failure};
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, ParseMode};
use tokio::sync::{Notify, watch};

/// How long a sender may hold an item before another copy may take it over.
const LEASE: Duration = Duration::from_secs(120);
/// Attempts before an item that keeps failing (not 429) is dropped.
const MAX_ATTEMPTS: u32 = 6;

/// Handle to the outbox: enqueue from anywhere; [`Outbox::run`] sends.
pub struct Outbox {
    store: DynStore,
    bot: Bot,
    clock: Arc<dyn Clock>,
    limiter: Arc<Mutex<RateLimiter>>,
    wake: Notify,
}

impl Outbox {
    /// `limiter` is shared with everything else that sends, so that all sends together stay within
    /// Telegram's limits.
    pub fn new(store: DynStore, bot: Bot, clock: Arc<dyn Clock>, limiter: Arc<Mutex<RateLimiter>>) -> Arc<Outbox> {
        Arc::new(Outbox { store, bot, clock, limiter, wake: Notify::new() })
    }

    /// Queues an item (see [`crate::store::OutboxStore::enqueue`]) and wakes the sender.
    pub async fn push(
        &self,
        item: &OutboxItem,
        advance: Option<(&crate::store::Counter, u64)>,
    ) -> StoreResult<Enqueued> {
        let r = self.store.enqueue(item, advance).await?;
        if r == Enqueued::New {
            self.wake.notify_one();
        }
        Ok(r)
    }

    /// Sends due items until `shutdown` turns true.
    pub async fn run(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) {
        tracing::info!("outbox sender started");
        while !*shutdown.borrow() {
            let worked = match self.send_due().await {
                Ok(n) => n > 0,
                Err(e) => {
                    tracing::warn!(error = %e, "outbox: store error; retrying shortly");
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_secs(2)) => {}
                        _ = shutdown.changed() => {}
                    }
                    continue;
                }
            };
            if worked {
                continue;
            }
            let next = self.store.next_due().await.unwrap_or_default();
            let now = self.clock.now();
            let until = match next {
                // Due but not taken (another sender holds it, or it waits for a limit): look again in
                // a second rather than spinning.
                Some(t) if t <= now => {
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                        _ = self.wake.notified() => {}
                        _ = shutdown.changed() => {}
                    }
                    continue;
                }
                Some(t) => t.min(now + chrono::Duration::seconds(60)),
                None => now + chrono::Duration::seconds(60),
            };
            tokio::select! {
                _ = self.clock.sleep_until(until) => {}
                _ = self.wake.notified() => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!("outbox sender stopped");
    }

    /// One pass over the due items. Returns how many were handled.
    pub async fn send_due(&self) -> StoreResult<usize> {
        let items = self.store.due(self.clock.now(), 100).await?;
        let mut handled = 0;
        for listed in items {
            // The list may be stale: the lease re-checks that the item is still queued and due.
            let Some(item) = self.store.lease(&listed.id, self.clock.now(), LEASE).await? else { continue };
            // Telegram's limits: wait briefly, or push the item back if the chat is busy for long.
            if let Some(wait) = self.reserve(item.chat).await {
                let due = self.clock.now() + chrono::Duration::from_std(wait).unwrap_or_default();
                self.retry_at(item, due, false).await?;
                continue;
            }
            handled += 1;
            match self.deliver(&item).await {
                Ok(message_id) => {
                    self.store.complete(&item.id).await?;
                    if let Some(nid) = &item.notice
                        && let Some(mut notice) = self.store.notice(item.chat, nid).await?
                    {
                        notice.message_id = Some(message_id);
                        self.store.put_notice(item.chat, &notice).await?;
                    }
                    if let Some(lesson) = &item.lesson {
                        self.store.log_lesson(item.chat, lesson, self.clock.now()).await?;
                    }
                }
                Err(Failure::RateLimited(d)) => {
                    tracing::info!(
                        chat = item.chat,
                        wait_s = d.as_secs(),
                        "outbox: Telegram asked to wait; rescheduled"
                    );
                    let due = self.clock.now() + chrono::Duration::from_std(d).unwrap_or_default();
                    self.retry_at(item, due, false).await?;
                }
                Err(Failure::Migrated(to)) => {
                    tracing::info!(from = item.chat, to, "outbox: the group became a supergroup; following it");
                    self.store.migrate_group(item.chat, to).await?;
                    let mut moved = item.clone();
                    moved.chat = to;
                    self.store.reschedule(&moved).await?;
                }
                Err(Failure::Forbidden) => {
                    tracing::info!(chat = item.chat, "outbox: chat is closed to the bot; dropping and forgetting it");
                    self.store.complete(&item.id).await?;
                    self.chat_gone(item.chat).await?;
                }
                Err(e) if item.attempts + 1 >= MAX_ATTEMPTS => {
                    tracing::warn!(chat = item.chat, id = %item.id, error = ?e, "outbox: giving up after {MAX_ATTEMPTS} attempts");
                    self.store.complete(&item.id).await?;
                }
                Err(e) => {
                    tracing::warn!(chat = item.chat, id = %item.id, error = ?e, "outbox: send failed; will retry");
                    let backoff = chrono::Duration::seconds(30 * (1 << (item.attempts + 1).min(6)));
                    let due = self.clock.now() + backoff;
                    self.retry_at(item, due, true).await?;
                }
            }
        }
        Ok(handled)
    }

    /// Takes a sending slot for `chat`: waits up to two seconds for one; beyond that returns how long
    /// the chat must wait (the item goes back in the queue so other chats are not held up).
    async fn reserve(&self, chat: i64) -> Option<Duration> {
        loop {
            let wait = self.limiter.lock().unwrap_or_else(|e| e.into_inner()).try_send(chat, Instant::now());
            match wait {
                Ok(()) => return None,
                Err(w) if w > Duration::from_secs(2) => return Some(w),
                Err(w) => tokio::time::sleep(w).await,
            }
        }
    }

    /// Puts an item back, due no earlier than `due` and outside its group's quiet hours.
    async fn retry_at(&self, mut item: OutboxItem, due: DateTime<Utc>, failed: bool) -> StoreResult<()> {
        item.due = due;
        if failed {
            item.attempts += 1;
        }
        if item.chat < 0
            && let Some(g) = self.store.group(item.chat).await?
        {
            item.due = crate::schedule::after_quiet(g.settings.zone(), g.settings.quiet, item.due);
        }
        self.store.reschedule(&item).await
    }

    /// Sends the item; returns the id of the message Telegram created.
    async fn deliver(&self, item: &OutboxItem) -> Result<i32, Failure> {
        let chat = ChatId(item.chat);
        let keyboard = (!item.message.buttons.is_empty()).then(|| {
            InlineKeyboardMarkup::new(item.message.buttons.iter().map(|row| {
                row.iter()
                    .map(|(label, data)| InlineKeyboardButton::callback(label.clone(), data.clone()))
                    .collect::<Vec<_>>()
            }))
        });
        // No inline waiting on 429 here: the item is rescheduled instead, so one busy chat never
        // holds up the others.
        send::call_once(|| {
            let mut req = self.bot.send_message(chat, item.message.text.clone());
            if item.message.html {
                req = req.parse_mode(ParseMode::Html);
            }
            if let Some(k) = keyboard.clone() {
                req = req.reply_markup(k);
            }
            req.into_future()
        })
        .await
        .map(|m| m.id.0)
    }

    async fn chat_gone(&self, chat: i64) -> StoreResult<()> {
        if chat < 0 {
            if let Some(mut g) = self.store.group(chat).await?
                && g.active
            {
                g.active = false;
                self.store.put_group(&g).await?;
            }
        } else {
            self.store.set_subscription(chat as u64, None).await?;
        }
        Ok(())
    }
}

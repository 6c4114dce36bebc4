//! The one sending path for everything the bot posts on its own. Items wait in the store's outbox
//! (so a restart loses nothing); a sender takes each due item under a short lease owned by its random
//! instance id (so several copies never send the same one, and a copy that died frees its items
//! within [`LEASE`]), renews the lease while the send is in flight, sends within the bot-wide
//! budget, and reschedules on 429 or transient errors. A group that removed the bot is marked
//! inactive; a parent who blocked it is unsubscribed.
//!
//! Telegram has no idempotency key, so delivery is at least once in one narrow window: a copy killed
//! after Telegram accepted a message but before the store recorded it leaves that item to be sent
//! again when its lease runs out (the same happens if a copy loses Redis for longer than the lease
//! while a send is in flight). Nothing else is ever sent twice: a late completion or reschedule of an
//! item that is no longer the sender's is refused by the store.

use super::limiter::{Budget, SendLimiter};
use crate::clock::Clock;
use crate::store::{DynStore, Enqueued, OutboxItem, StoreResult};
use crate::telegram::send::{self, Failure};
use chrono::{DateTime, Utc};
use futures::StreamExt;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId, ParseMode};
use tokio::sync::{Notify, watch};

/// How long a sender holds an item without renewing: after a crash, another copy (or the restarted
/// one) takes the item over after at most this long.
pub const LEASE: Duration = Duration::from_secs(15);
/// How often the lease of an item being sent is renewed.
const RENEW_EVERY: Duration = Duration::from_secs(5);
/// Items sent at the same time (never two for one chat).
const IN_FLIGHT: usize = 16;
/// A slot that frees up within this long is waited for; a longer wait puts the item back in the queue.
const MAX_SLOT_WAIT: Duration = Duration::from_secs(2);
/// The longest an item waits for slots in all before it is put back in the queue.
const MAX_SLOTS_TOTAL: Duration = Duration::from_secs(10);
/// Attempts before an item that keeps failing (not 429) is dropped.
const MAX_ATTEMPTS: u32 = 6;

/// Handle to the outbox: enqueue from anywhere; [`Outbox::run`] sends.
pub struct Outbox {
    store: DynStore,
    bot: Bot,
    clock: Arc<dyn Clock>,
    limiter: Arc<dyn SendLimiter>,
    wake: Notify,
    /// When this copy last told the others that items were queued (ms since the epoch).
    announced: std::sync::atomic::AtomicU64,
    /// This sender's lease owner: random per process, so that copies (all PID 1 in containers) and a
    /// restarted copy never mistake each other's leases for their own.
    owner: String,
}

/// What became of one listed item.
enum Outcome {
    /// Sent or otherwise finished (dropped, rescheduled after a failure).
    Handled,
    /// Not ours to send now (leased by another copy, not due any more, shutting down, or back in the
    /// queue to wait for a slot).
    Skipped,
}

impl Outbox {
    /// `limiter` is shared with everything else that sends (and, through Redis, with every copy), so
    /// that all sends together stay within Telegram's limits.
    pub fn new(store: DynStore, bot: Bot, clock: Arc<dyn Clock>, limiter: Arc<dyn SendLimiter>) -> Arc<Outbox> {
        let owner = format!("{:016x}", super::limiter::rand_u64() ^ u64::from(std::process::id()).rotate_left(40));
        Arc::new(Outbox { store, bot, clock, limiter, wake: Notify::new(), announced: Default::default(), owner })
    }

    /// This sender's lease owner id.
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// Queues an item (see [`crate::store::OutboxStore::enqueue`]) and wakes the sender — this
    /// copy's at once, the other copies' through the change feed (`o:0`, at most twice a second), so
    /// that every copy helps send a large broadcast.
    pub async fn push(
        &self,
        item: &OutboxItem,
        advance: Option<(&crate::store::Counter, u64)>,
    ) -> StoreResult<Enqueued> {
        use std::sync::atomic::Ordering;
        let r = self.store.enqueue(item, advance).await?;
        if r == Enqueued::New {
            self.wake.notify_one();
            let now = chrono::Utc::now().timestamp_millis().max(0) as u64;
            let last = self.announced.load(Ordering::Relaxed);
            if now.saturating_sub(last) >= 500
                && self.announced.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
                && let Err(e) = self.store.publish_change("o:0").await
            {
                tracing::debug!(error = %e, "could not tell the other copies about queued items");
            }
        }
        Ok(r)
    }

    /// Wakes the sender (items were queued by another copy).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Sends due items until `shutdown` turns true; then finishes the sends in flight (each ends
    /// with its item completed or rescheduled) and returns.
    pub async fn run(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) -> anyhow::Result<()> {
        tracing::info!(owner = %self.owner, "outbox sender started");
        while !*shutdown.borrow() {
            let worked = match self.send_due(&shutdown).await {
                Ok(n) => n > 0,
                Err(e) => {
                    crate::metrics::redis_error();
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
        Ok(())
    }

    /// One pass over the due items: up to [`IN_FLIGHT`] at a time, one per chat. Returns how many
    /// were handled. Without a shutdown signal to watch, pass `&watch::channel(false).1`.
    pub async fn send_due(&self, shutdown: &watch::Receiver<bool>) -> StoreResult<usize> {
        let now = self.clock.now();
        let items = self.store.due(now, 200).await?;
        if let (Ok(depth), Some(first)) = (self.store.queued().await, items.first()) {
            crate::metrics::outbox_state(depth, (now - first.due).to_std().unwrap_or_default());
        } else {
            crate::metrics::outbox_state(0, Duration::ZERO);
        }
        // One item per chat per pass keeps each chat's posts in order.
        let mut chats = HashSet::new();
        let items: Vec<OutboxItem> = items.into_iter().filter(|i| chats.insert(i.chat)).collect();
        let results: Vec<StoreResult<Outcome>> = futures::stream::iter(items)
            .map(|item| self.handle(item, shutdown.clone()))
            .buffer_unordered(IN_FLIGHT)
            .collect()
            .await;
        let mut handled = 0;
        for r in results {
            if let Outcome::Handled = r? {
                handled += 1;
            }
        }
        Ok(handled)
    }

    async fn handle(&self, listed: OutboxItem, shutdown: watch::Receiver<bool>) -> StoreResult<Outcome> {
        if *shutdown.borrow() {
            return Ok(Outcome::Skipped);
        }
        // The list may be stale: the lease re-checks that the item is still queued and due.
        let Some(item) = self.store.lease(&listed.id, &self.owner, self.clock.now(), LEASE).await? else {
            return Ok(Outcome::Skipped);
        };
        // The lease is renewed from here until the item is finished, however long the wait for a
        // slot and the send take; if it is lost before the send (Redis unreachable from this copy
        // for longer than the lease), the item is left to whoever holds it now.
        let lost = std::sync::atomic::AtomicBool::new(false);
        tokio::select! {
            r = self.process(item, shutdown, &lost) => r,
            () = self.keep_lease(&listed.id, &lost) => Ok(Outcome::Skipped),
        }
    }

    async fn process(
        &self,
        item: OutboxItem,
        mut shutdown: watch::Receiver<bool>,
        lost: &std::sync::atomic::AtomicBool,
    ) -> StoreResult<Outcome> {
        use std::sync::atomic::Ordering;
        let owner = self.owner.as_str();
        let budget = if item.paid { Budget::Paid } else { Budget::Free };
        // Telegram's limits: wait briefly (at most MAX_SLOT_WAIT at a time, MAX_SLOTS_TOTAL in all),
        // or push the item back so that other chats are not held up.
        let waiting_since = tokio::time::Instant::now();
        loop {
            match self.limiter.try_acquire(item.chat, budget).await {
                Ok(()) => break,
                Err(wait) if wait <= MAX_SLOT_WAIT && waiting_since.elapsed() < MAX_SLOTS_TOTAL => {
                    crate::metrics::limiter_waited(wait);
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = shutdown.changed() => {
                            self.store.release(&item.id, owner).await?;
                            return Ok(Outcome::Skipped);
                        }
                    }
                }
                Err(wait) => {
                    let due = self.clock.now() + chrono::Duration::from_std(wait).unwrap_or_default();
                    self.retry_at(item, due, false).await?;
                    return Ok(Outcome::Skipped);
                }
            }
        }
        if lost.load(Ordering::Relaxed) {
            tracing::warn!(id = %item.id, "outbox: the lease was lost before sending; left to its holder");
            return Ok(Outcome::Skipped);
        }
        // A notice's private reminder to someone who acknowledged it meanwhile is not sent.
        if let Some((group, notice)) = &item.unless_acked
            && self.store.acks(*group, notice).await?.contains(&(item.chat as u64))
        {
            self.complete(&item.id).await?;
            return Ok(Outcome::Handled);
        }
        match self.deliver(&item).await {
            Ok(message_id) => {
                crate::metrics::sent("ok");
                crate::metrics::outbox_sent(&item.id);
                if !self.complete(&item.id).await? {
                    tracing::warn!(id = %item.id, "outbox: sent, but the item was no longer ours (lease lost or group forgotten)");
                    return Ok(Outcome::Handled);
                }
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
            Err(e) => {
                crate::metrics::sent(e.metric());
                self.failed(item, e).await?;
            }
        }
        Ok(Outcome::Handled)
    }

    /// Records a sent item, retrying a few times: a failure here would leave it to be sent again
    /// when the lease runs out.
    async fn complete(&self, id: &str) -> StoreResult<bool> {
        let mut pause = Duration::from_millis(100);
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.store.complete(id, &self.owner).await {
                Ok(done) => return Ok(done),
                Err(e) if attempt < 5 => {
                    crate::metrics::redis_error();
                    tracing::warn!(id, error = %e, "outbox: could not record a sent item; retrying");
                    tokio::time::sleep(pause).await;
                    pause *= 2;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Renews the lease every [`RENEW_EVERY`] until dropped (the item is finished); returns only when
    /// the lease was lost, after marking `lost`.
    async fn keep_lease(&self, id: &str, lost: &std::sync::atomic::AtomicBool) {
        let mut failures = 0;
        loop {
            tokio::time::sleep(RENEW_EVERY).await;
            match self.store.renew(id, &self.owner, LEASE).await {
                Ok(true) => failures = 0,
                Ok(false) => {
                    lost.store(true, std::sync::atomic::Ordering::Relaxed);
                    tracing::warn!(id, "outbox: lost the lease of an item being sent");
                    // Keep running (the send in flight must not be cut short); `process` checks.
                    std::future::pending::<()>().await;
                }
                Err(e) => {
                    failures += 1;
                    tracing::warn!(id, error = %e, "outbox: could not renew a lease");
                    if failures * RENEW_EVERY >= LEASE {
                        lost.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                }
            }
        }
    }

    async fn failed(&self, item: OutboxItem, e: Failure) -> StoreResult<()> {
        let owner = self.owner.as_str();
        match e {
            Failure::RateLimited(d) => {
                tracing::info!(chat = item.chat, wait_s = d.as_secs(), "outbox: Telegram asked to wait; rescheduled");
                self.limiter.too_many_requests(item.chat, d).await;
                let due = self.clock.now() + chrono::Duration::from_std(d).unwrap_or_default();
                self.retry_at(item, due, false).await?;
            }
            Failure::Migrated(to) => {
                tracing::info!(from = item.chat, to, "outbox: the group became a supergroup; following it");
                self.store.migrate_group(item.chat, to).await?;
                let mut moved = item.clone();
                moved.chat = to;
                self.store.reschedule(&moved, owner).await?;
            }
            Failure::Forbidden => {
                tracing::info!(chat = item.chat, "outbox: chat is closed to the bot; dropping and forgetting it");
                self.store.complete(&item.id, owner).await?;
                self.chat_gone(item.chat).await?;
            }
            e if item.attempts + 1 >= MAX_ATTEMPTS => {
                tracing::warn!(chat = item.chat, id = %item.id, error = ?e, "outbox: giving up after {MAX_ATTEMPTS} attempts");
                self.store.complete(&item.id, owner).await?;
            }
            e => {
                tracing::warn!(chat = item.chat, id = %item.id, error = ?e, "outbox: send failed; will retry");
                let backoff = chrono::Duration::seconds(30 * (1 << (item.attempts + 1).min(6)));
                let due = self.clock.now() + backoff;
                self.retry_at(item, due, true).await?;
            }
        }
        Ok(())
    }

    /// Puts an item back, due no earlier than `due` and outside its group's quiet hours.
    async fn retry_at(&self, mut item: OutboxItem, due: DateTime<Utc>, failed: bool) -> StoreResult<()> {
        item.due = due;
        if failed {
            item.attempts += 1;
        }
        // A group's post, or a notice's private reminder: held by that group's quiet hours.
        let quiet_of = if item.chat < 0 { Some(item.chat) } else { item.unless_acked.as_ref().map(|(g, _)| *g) };
        if let Some(chat) = quiet_of
            && let Some(g) = self.store.group(chat).await?
        {
            item.due = crate::schedule::after_quiet(g.settings.zone(), g.settings.quiet, item.due);
        }
        if !self.store.reschedule(&item, &self.owner).await? {
            tracing::warn!(id = %item.id, "outbox: another sender holds the item now; leaving it to them");
        }
        Ok(())
    }

    /// Sends the item; returns the id of the message Telegram created.
    async fn deliver(&self, item: &OutboxItem) -> Result<i32, Failure> {
        let chat = ChatId(item.chat);
        let m = &item.message;
        let keyboard = (!m.buttons.is_empty()).then(|| keyboard(&m.buttons));
        let parse = m.html.then_some(ParseMode::Html);
        // No inline waiting on 429 here: the item is rescheduled instead, so one busy chat never
        // holds up the others.
        if let Some((from, id)) = m.copy_of {
            return send::call_once(|| {
                let mut req = self.bot.copy_message(chat, ChatId(from), MessageId(id));
                if let Some(k) = keyboard.clone() {
                    req = req.reply_markup(k);
                }
                req.into_future()
            })
            .await
            .map(|m| m.0);
        }
        if let Some(photo) = &m.photo {
            use base64::Engine;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(photo)
                .map_err(|e| Failure::Other(format!("the stored picture is not base64: {e}")))?;
            return send::call_once(|| {
                let file = teloxide::types::InputFile::memory(bytes.clone()).file_name("weekly.png");
                let mut req = self.bot.send_photo(chat, file).allow_paid_broadcast(item.paid);
                if !m.text.is_empty() {
                    req = req.caption(m.text.clone());
                }
                if let Some(p) = parse {
                    req = req.parse_mode(p);
                }
                if let Some(k) = keyboard.clone() {
                    req = req.reply_markup(k);
                }
                req.into_future()
            })
            .await
            .map(|m| m.id.0);
        }
        send::call_once(|| {
            let mut req = self.bot.send_message(chat, m.text.clone()).allow_paid_broadcast(item.paid);
            if let Some(p) = parse {
                req = req.parse_mode(p);
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
            // A parent who blocked the bot: no more lessons; their private reminders and chasing
            // pause until they start it again (their reminder times are kept).
            self.store.set_subscription(chat as u64, None).await?;
            if let Some(mut p) = self.store.profile(chat as u64).await?
                && p.started
            {
                p.started = false;
                self.store.put_profile(chat as u64, &p).await?;
            }
        }
        Ok(())
    }
}

/// An inline keyboard from stored rows: callback buttons, or URL buttons for `https://` data.
pub fn keyboard(rows: &[Vec<(String, String)>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.iter().map(|row| {
        row.iter()
            .map(|(label, data)| match data.starts_with("https://").then(|| url::Url::parse(data).ok()).flatten() {
                Some(u) => InlineKeyboardButton::url(label.clone(), u),
                None => InlineKeyboardButton::callback(label.clone(), data.clone()),
            })
            .collect::<Vec<_>>()
    }))
}

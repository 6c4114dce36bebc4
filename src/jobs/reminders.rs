//! Daily reminders (one hour of exercise, screen time, bedtime) at each group's local time, in its
//! language, once a day per reminder even across restarts and several running copies: each day's
//! reminder has a unique outbox id. Reminders are short and timely, so a missed one is sent late only
//! within [`CATCH_UP`]; quiet hours do not hold them (a bedtime reminder belongs to the evening).
//! Each carries a "✅ done today" button ([`CHECKIN_PREFIX`]) whose count shows how many families
//! pressed it, never who. Parents' private reminders (`/remind` in the private chat) run the same way
//! at their own time and zone.

use super::outbox::Outbox;
use crate::clock::Clock;
use crate::content::{Content, ReminderKind};
use crate::i18n::I18n;
use crate::model::{Grade, Group, HhMm, Lang, UserKey};
use crate::schedule::{self, Weekly};
use crate::store::{DynStore, OutMessage, OutboxItem, StoreResult};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tokio::sync::{Notify, watch};

/// A reminder missed by less than this (the bot was down) is still sent.
pub const CATCH_UP: chrono::Duration = chrono::Duration::hours(1);

/// Callback data of a reminder's check-in button: `ck:<kind>:<local date>`.
pub const CHECKIN_PREFIX: &str = "ck:";

/// The check-in button of a reminder: its label carries the count so far (never names).
pub fn checkin_button(
    i18n: &I18n,
    lang: Lang,
    kind: ReminderKind,
    date: chrono::NaiveDate,
    count: u64,
) -> (String, String) {
    let label = if count == 0 {
        crate::tr!(i18n, lang, "checkin-btn")
    } else {
        crate::tr!(i18n, lang, "checkin-btn-count", count = count as i64)
    };
    (label, format!("{CHECKIN_PREFIX}{}:{date}", kind.as_str()))
}

pub struct Reminders {
    content: Arc<Content>,
    i18n: Arc<I18n>,
    /// Zone and language for people who set neither.
    default_tz: chrono_tz::Tz,
    default_lang: Lang,
    store: DynStore,
    clock: Arc<dyn Clock>,
    outbox: Arc<Outbox>,
    /// Poked when a group's reminders change.
    pub changed: Notify,
}

/// The text of one reminder for a group on a local date (variants rotate day by day).
pub fn text(content: &Content, group: &Group, kind: ReminderKind, date: chrono::NaiveDate) -> String {
    let bedtime = group.settings.grade.bedtime().map(|b| b.to_string()).unwrap_or_default();
    let day = date.num_days_from_ce().max(0) as u64;
    content.reminders(group.settings.lang).text(kind, group.settings.grade, day, &bedtime)
}

use chrono::Datelike;

impl Reminders {
    pub fn new(
        content: Arc<Content>,
        i18n: Arc<I18n>,
        (default_tz, default_lang): (chrono_tz::Tz, Lang),
        store: DynStore,
        clock: Arc<dyn Clock>,
        outbox: Arc<Outbox>,
    ) -> Reminders {
        Reminders { content, i18n, default_tz, default_lang, store, clock, outbox, changed: Notify::new() }
    }

    /// Queues every reminder that is due (or missed within [`CATCH_UP`]); returns the next one's time.
    pub async fn tick(&self) -> StoreResult<Option<DateTime<Utc>>> {
        let now = self.clock.now();
        let mut next: Option<DateTime<Utc>> = None;
        for chat in self.store.active_groups().await? {
            let group = match self.store.group(chat).await {
                Ok(Some(g)) => g,
                Ok(None) => continue,
                Err(e) => {
                    tracing::error!(chat, error = %e, "reminders: cannot read this group; skipping it");
                    continue;
                }
            };
            let tz = group.settings.zone();
            for (kind, at) in &group.settings.reminders {
                let Some(kind) = ReminderKind::parse(kind) else { continue };
                let daily = Weekly::daily(*at);
                if let Some(slot) = schedule::catch_up(&daily, tz, now, CATCH_UP)
                    && group.joined_at.is_none_or(|j| slot >= j)
                    && let Err(e) = self.queue(&group, kind, *at, slot, now).await
                {
                    tracing::warn!(chat, error = %e, "reminders: could not queue");
                }
                let t = daily.next_after(tz, now);
                next = Some(next.map_or(t, |n| n.min(t)));
            }
        }
        for user in self.store.reminding_users().await? {
            match self.private(user, now).await {
                Ok(Some(t)) => next = Some(next.map_or(t, |n| n.min(t))),
                Ok(None) => {}
                Err(e) => tracing::warn!(user, error = %e, "reminders: could not queue a private reminder"),
            }
        }
        Ok(next)
    }

    /// Queues a parent's own reminders that are due; returns the next one's time.
    async fn private(&self, user: UserKey, now: DateTime<Utc>) -> StoreResult<Option<DateTime<Utc>>> {
        let Some(profile) = self.store.profile(user).await? else { return Ok(None) };
        if !profile.started {
            return Ok(None);
        }
        let tz = profile.tz.as_deref().and_then(crate::model::parse_tz).unwrap_or(self.default_tz);
        let lang = profile.lang.unwrap_or(self.default_lang);
        let grade = profile.grade.unwrap_or_default();
        let mut next: Option<DateTime<Utc>> = None;
        for (kind, at) in &profile.reminders {
            let Some(kind) = ReminderKind::parse(kind) else { continue };
            let daily = Weekly::daily(*at);
            if let Some(slot) = schedule::catch_up(&daily, tz, now, CATCH_UP) {
                let date = schedule::local_date(tz, slot);
                let id = format!("premind:{user}:{}:{date}:{at}", kind.as_str());
                let message = self.message(lang, grade, kind, date);
                self.outbox.push(&item(id, user as i64, slot.max(now), message), None).await?;
            }
            let t = daily.next_after(tz, now);
            next = Some(next.map_or(t, |n| n.min(t)));
        }
        Ok(next)
    }

    fn message(&self, lang: Lang, grade: Grade, kind: ReminderKind, date: chrono::NaiveDate) -> OutMessage {
        let bedtime = grade.bedtime().map(|b| b.to_string()).unwrap_or_default();
        let day = date.num_days_from_ce().max(0) as u64;
        OutMessage {
            text: self.content.reminders(lang).text(kind, grade, day, &bedtime),
            buttons: vec![vec![checkin_button(&self.i18n, lang, kind, date, 0)]],
            ..OutMessage::default()
        }
    }

    async fn queue(
        &self,
        group: &Group,
        kind: ReminderKind,
        at: HhMm,
        slot: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let date = schedule::local_date(group.settings.zone(), slot);
        let key = group.origin.unwrap_or(group.chat_id);
        // The time is part of the id: moving a reminder to later the same day sends it at the new time.
        let id = format!("remind:{key}:{}:{date}:{at}", kind.as_str());
        let mut message = self.message(group.settings.lang, group.settings.grade, kind, date);
        message.text = text(&self.content, group, kind, date);
        let item = item(id, group.chat_id, slot.max(now), message);
        self.outbox.push(&item, None).await?;
        Ok(())
    }

    /// Runs the scheduler until shutdown.
    pub async fn run(self: Arc<Self>, shutdown: watch::Receiver<bool>) {
        super::run_schedule("reminder scheduler", self.clock.as_ref(), &self.changed, shutdown, || self.tick()).await
    }
}

fn item(id: String, chat: i64, due: DateTime<Utc>, message: OutMessage) -> OutboxItem {
    OutboxItem { id, chat, due, attempts: 0, message, lesson: None, notice: None, paid: false, unless_acked: None }
}

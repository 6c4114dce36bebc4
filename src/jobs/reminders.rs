//! Daily reminders (one hour of exercise, screen time, bedtime) at each group's local time, in its
//! language, once a day per reminder even across restarts and several running copies: each day's
//! reminder has a unique outbox id. Reminders are short and timely, so a missed one is sent late only
//! within [`CATCH_UP`]; quiet hours do not hold them (a bedtime reminder belongs to the evening).

use super::outbox::Outbox;
use crate::clock::Clock;
use crate::content::{Content, ReminderKind};
use crate::model::{Group, HhMm};
use crate::schedule::{self, Weekly};
use crate::store::{DynStore, OutMessage, OutboxItem, StoreResult};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tokio::sync::{Notify, watch};

/// A reminder missed by less than this (the bot was down) is still sent.
pub const CATCH_UP: chrono::Duration = chrono::Duration::hours(1);

pub struct Reminders {
    content: Arc<Content>,
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
    pub fn new(content: Arc<Content>, store: DynStore, clock: Arc<dyn Clock>, outbox: Arc<Outbox>) -> Reminders {
        Reminders { content, store, clock, outbox, changed: Notify::new() }
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
        Ok(next)
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
        let item = OutboxItem {
            // The time is part of the id: moving a reminder to later the same day sends it at the new time.
            id: format!("remind:{key}:{}:{date}:{at}", kind.as_str()),
            chat: group.chat_id,
            due: slot.max(now),
            attempts: 0,
            message: OutMessage { text: text(&self.content, group, kind, date), html: false, buttons: Vec::new() },
            lesson: None,
            notice: None,
            paid: false,
        };
        self.outbox.push(&item, None).await?;
        Ok(())
    }

    /// Runs the scheduler until shutdown.
    pub async fn run(self: Arc<Self>, shutdown: watch::Receiver<bool>) {
        super::run_schedule("reminder scheduler", self.clock.as_ref(), &self.changed, shutdown, || self.tick()).await
    }
}

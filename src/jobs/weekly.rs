//! The weekly picture: on Sunday at [`WEEKLY_AT`] group time (held past quiet hours), each group with
//! `/settings weekly on` (the default) gets one image of the week's check-ins per day and of its
//! notices' acknowledgement rates ([`crate::weekly`]), with a caption in the group's language. Once
//! per group and week, across restarts and copies: the outbox id carries the week's Sunday. Counts
//! only — never a name, never an order of families.

use super::outbox::Outbox;
use crate::clock::Clock;
use crate::content::ReminderKind;
use crate::i18n::I18n;
use crate::model::{ChatKey, Group, HhMm, Member, UserKey};
use crate::schedule::{self, Weekly};
use crate::store::{DynStore, OutMessage, OutboxItem, StoreResult};
use crate::weekly::{CheckinSeries, Labels, NoticeRate, WeekStats};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::sync::Arc;
use tokio::sync::{Notify, watch};

/// Sunday evening, group time.
pub const WEEKLY_AT: HhMm = HhMm::at(19, 0);
/// A picture missed by less than this (the bot was down) is still sent.
pub const CATCH_UP: chrono::Duration = chrono::Duration::hours(4);

pub struct WeeklyJob {
    i18n: Arc<I18n>,
    store: DynStore,
    clock: Arc<dyn Clock>,
    outbox: Arc<Outbox>,
    /// Poked when a group's settings change.
    pub changed: Notify,
}

/// The members a notice is for: those the bot has seen, less administrators, teachers and the
/// committee (as stored; `/status` adds the administrators Telegram names).
pub async fn audience(store: &DynStore, chat: ChatKey) -> StoreResult<Vec<Member>> {
    let mut staff: std::collections::HashSet<UserKey> = store.roles(chat).await?.into_iter().map(|(u, _)| u).collect();
    staff.extend(store.admins(chat).await?);
    Ok(store.members(chat).await?.into_iter().filter(|m| !staff.contains(&m.user_id)).collect())
}

/// The counts of the week `monday..=monday+6` (local dates) for a group.
pub async fn week_stats(
    i18n: &I18n,
    store: &DynStore,
    group: &Group,
    monday: NaiveDate,
) -> StoreResult<(WeekStats, Labels)> {
    let chat = group.chat_id;
    let lang = group.settings.lang;
    let sunday = monday + chrono::Days::new(6);
    let counts = store.checkin_counts(chat, monday, sunday).await?;
    let mut checkins = Vec::new();
    for kind in ReminderKind::ALL {
        let k = kind.as_str();
        let any = counts.iter().any(|(_, c, _)| c == k);
        if !any && !group.settings.reminders.contains_key(k) {
            continue;
        }
        let mut per_day = [0u32; 7];
        for (d, c, n) in &counts {
            if c == k {
                let i = (*d - monday).num_days().clamp(0, 6) as usize;
                per_day[i] = (*n).min(u32::MAX as u64) as u32;
            }
        }
        let label = i18n.get(lang, kind.name_key(), None);
        checkins.push(CheckinSeries { label, per_day });
    }
    let tz = group.settings.zone();
    let audience = audience(store, chat).await?;
    let mut notices = Vec::new();
    let mut recent = store.recent_notices(chat, 50).await?;
    recent.reverse(); // oldest first
    for n in recent {
        let day = schedule::local_date(tz, n.at);
        if day < monday || day > sunday {
            continue;
        }
        let acks = store.acks(chat, &n.id).await?;
        let eligible = audience.iter().filter(|m| Some(m.user_id) != n.author_id).count();
        let acked = acks.len() as u32;
        let date = day.format("%m-%d").to_string();
        let label = crate::tr!(i18n, lang, "weekly-notice-label", date = date);
        notices.push(NoticeRate { label, acked, audience: (eligible as u32).max(acked) });
    }
    notices.truncate(20);
    let day = |key: &'static str| i18n.get(lang, key, None);
    let labels = Labels {
        title: crate::tr!(
            i18n,
            lang,
            "weekly-title",
            from = monday.format("%m-%d").to_string(),
            to = sunday.format("%m-%d").to_string()
        ),
        checkins: day(crate::key!("weekly-checkins")),
        notices: day(crate::key!("weekly-notices")),
        none: day(crate::key!("weekly-none")),
        days: [
            day(crate::key!("day-mon")),
            day(crate::key!("day-tue")),
            day(crate::key!("day-wed")),
            day(crate::key!("day-thu")),
            day(crate::key!("day-fri")),
            day(crate::key!("day-sat")),
            day(crate::key!("day-sun")),
        ],
    };
    Ok((WeekStats { checkins, notices }, labels))
}

/// The caption under the picture: totals only.
pub fn caption(i18n: &I18n, group: &Group, stats: &WeekStats) -> String {
    let checkins: u64 = stats.checkins.iter().flat_map(|s| s.per_day).map(u64::from).sum();
    let rates: Vec<f64> =
        stats.notices.iter().filter(|n| n.audience > 0).map(|n| n.acked as f64 / n.audience as f64).collect();
    let rate =
        if rates.is_empty() { 0 } else { (100.0 * rates.iter().sum::<f64>() / rates.len() as f64).round() as i64 };
    crate::tr!(
        i18n,
        group.settings.lang,
        "weekly-caption",
        checkins = checkins as i64,
        notices = stats.notices.len() as i64,
        rate = rate
    )
}

/// The picture and caption of a group's week, as an outbox message.
pub async fn message(i18n: &I18n, store: &DynStore, group: &Group, monday: NaiveDate) -> anyhow::Result<OutMessage> {
    use base64::Engine;
    let (stats, labels) = week_stats(i18n, store, group, monday).await?;
    let png = crate::weekly::render_png(&stats, &labels)?;
    Ok(OutMessage {
        text: caption(i18n, group, &stats),
        photo: Some(base64::engine::general_purpose::STANDARD.encode(png)),
        ..OutMessage::default()
    })
}

impl WeeklyJob {
    pub fn new(i18n: Arc<I18n>, store: DynStore, clock: Arc<dyn Clock>, outbox: Arc<Outbox>) -> WeeklyJob {
        WeeklyJob { i18n, store, clock, outbox, changed: Notify::new() }
    }

    fn schedule() -> Weekly {
        Weekly::new(vec![chrono::Weekday::Sun], WEEKLY_AT).expect("one day is a valid schedule")
    }

    /// Queues the pictures that are due; returns the next Sunday evening.
    pub async fn tick(&self) -> StoreResult<Option<DateTime<Utc>>> {
        let now = self.clock.now();
        let weekly = Self::schedule();
        let mut next: Option<DateTime<Utc>> = None;
        for chat in self.store.active_groups().await? {
            let group = match self.store.group(chat).await {
                Ok(Some(g)) => g,
                Ok(None) => continue,
                Err(e) => {
                    tracing::error!(chat, error = %e, "weekly: cannot read this group; skipping it");
                    continue;
                }
            };
            if !group.settings.weekly {
                continue;
            }
            let tz = group.settings.zone();
            if let Some(slot) = schedule::catch_up(&weekly, tz, now, CATCH_UP)
                && group.joined_at.is_none_or(|j| slot >= j)
                && let Err(e) = self.queue(&group, slot, now).await
            {
                tracing::warn!(chat, error = %e, "weekly: could not queue the picture");
            }
            let t = weekly.next_after(tz, now);
            next = Some(next.map_or(t, |n| n.min(t)));
        }
        Ok(next)
    }

    async fn queue(&self, group: &Group, slot: DateTime<Utc>, now: DateTime<Utc>) -> anyhow::Result<()> {
        let tz = group.settings.zone();
        let sunday = schedule::local_date(tz, slot);
        let key = group.origin.unwrap_or(group.chat_id);
        let id = format!("weekly:{key}:{sunday}");
        // Rendering costs a few milliseconds; skip it when this week's picture is already queued.
        if self.store.outbox_seen(&id).await? {
            return Ok(());
        }
        let monday = sunday - chrono::Days::new(sunday.weekday().num_days_from_monday() as u64);
        let message = message(&self.i18n, &self.store, group, monday).await?;
        let due = schedule::after_quiet(tz, group.settings.quiet, slot.max(now));
        let item = OutboxItem {
            id,
            chat: group.chat_id,
            due,
            attempts: 0,
            message,
            lesson: None,
            notice: None,
            paid: false,
            unless_acked: None,
        };
        self.outbox.push(&item, None).await?;
        Ok(())
    }

    /// Runs the scheduler until shutdown.
    pub async fn run(self: Arc<Self>, shutdown: watch::Receiver<bool>) {
        super::run_schedule("weekly picture", self.clock.as_ref(), &self.changed, shutdown, || self.tick()).await
    }
}

//! Micro-lessons: which lesson a group (or a subscribed parent) gets next, how it looks, and the
//! scheduler that queues one per slot — Monday FACT, Wednesday TIP, Friday GROWTH by default — in the
//! group's zone, outside quiet hours, exactly once per slot even across restarts and copies.

use super::outbox::Outbox;
use crate::clock::Clock;
use crate::content::{Content, Lesson, LessonKind};
use crate::i18n::I18n;
use crate::model::{ChatKey, Grade, Group, Lang, QuietHours};
use crate::schedule::{self, Weekly};
use crate::store::{Counter, DynStore, Enqueued, OutMessage, OutboxItem, StoreResult};
use crate::tr;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::sync::Arc;
use tokio::sync::{Notify, watch};

/// Missed slots younger than this are sent late after downtime; older ones are skipped.
pub const CATCH_UP: chrono::Duration = chrono::Duration::hours(6);

/// Callback data of the feedback buttons: `lf:u:<lesson id>` (useful) and `lf:t:<lesson id>` (tried).
pub const FEEDBACK_PREFIX: &str = "lf:";

/// Minimal HTML escaping for Telegram's HTML parse mode.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The lesson as a Telegram message (HTML, escaped) with its two feedback buttons.
pub fn render(i18n: &I18n, lang: Lang, lesson: &Lesson) -> OutMessage {
    let kind = match lesson.kind {
        LessonKind::Fact => i18n.get(lang, crate::key!("lesson-kind-fact"), None),
        LessonKind::Tip => i18n.get(lang, crate::key!("lesson-kind-tip"), None),
        LessonKind::Growth => i18n.get(lang, crate::key!("lesson-kind-growth"), None),
    };
    let footer = tr!(i18n, lang, "lesson-footer", clause = lesson.clause as i64);
    let text = format!(
        "📘 {} · <b>{}</b>\n\n{}\n\n<i>{}</i>",
        escape_html(&kind),
        escape_html(&lesson.title),
        escape_html(&lesson.body),
        escape_html(&footer)
    );
    let buttons = vec![vec![
        (tr!(i18n, lang, "lesson-btn-useful"), format!("{FEEDBACK_PREFIX}u:{}", lesson.id)),
        (tr!(i18n, lang, "lesson-btn-tried"), format!("{FEEDBACK_PREFIX}t:{}", lesson.id)),
    ]];
    OutMessage { text, html: true, buttons, ..OutMessage::default() }
}

/// Who receives lessons: a group, or a parent in a private chat.
#[derive(Debug, Clone)]
pub struct Audience {
    pub chat: ChatKey,
    /// Stable across supergroup upgrades (see [`Group::origin`]); used in slot ids.
    pub key: ChatKey,
    pub lang: Lang,
    pub grade: Grade,
    pub counter: Counter,
}

impl Audience {
    pub fn group(g: &Group) -> Audience {
        Audience {
            chat: g.chat_id,
            key: g.origin.unwrap_or(g.chat_id),
            lang: g.settings.lang,
            grade: g.settings.grade,
            counter: Counter::group_lessons(g.chat_id),
        }
    }

    pub fn parent(user: u64, lang: Lang, grade: Grade) -> Audience {
        Audience { chat: user as i64, key: user as i64, lang, grade, counter: Counter::user_lessons(user) }
    }
}

/// Lessons: content plus the path to send them.
pub struct Lessons {
    pub content: Arc<Content>,
    store: DynStore,
    clock: Arc<dyn Clock>,
    outbox: Arc<Outbox>,
    i18n: Arc<I18n>,
    default_tz: Tz,
    /// Poked when a schedule changes, so the scheduler recomputes its next wake-up.
    pub changed: Notify,
}

impl Lessons {
    pub fn new(
        content: Arc<Content>,
        store: DynStore,
        clock: Arc<dyn Clock>,
        outbox: Arc<Outbox>,
        i18n: Arc<I18n>,
        default_tz: Tz,
    ) -> Lessons {
        Lessons { content, store, clock, outbox, i18n, default_tz, changed: Notify::new() }
    }

    /// Queues the audience's next lesson under `id` (unique per slot or request), due at `due`, and
    /// advances its progress — both or neither. Returns the lesson queued, or `None` if this id was
    /// already queued before (the slot is done).
    pub async fn queue_next(&self, to: &Audience, id: String, due: DateTime<Utc>) -> StoreResult<Option<Lesson>> {
        let curriculum = self.content.curriculum(to.lang, to.grade);
        if curriculum.is_empty() {
            return Ok(None);
        }
        for _ in 0..5 {
            let done = self.store.counter(&to.counter).await?;
            // After the whole term the curriculum starts again: no repeats until it is exhausted.
            let lesson = curriculum[(done % curriculum.len() as u64) as usize].clone();
            let item = OutboxItem {
                id: id.clone(),
                chat: to.chat,
                due,
                attempts: 0,
                message: render(&self.i18n, to.lang, &lesson),
                lesson: Some(lesson.id.clone()),
                notice: None,
                paid: false,
                unless_acked: None,
            };
            match self.outbox.push(&item, Some((&to.counter, done))).await? {
                Enqueued::New => return Ok(Some(lesson)),
                Enqueued::Duplicate => return Ok(None),
                Enqueued::Conflict => continue, // someone advanced it concurrently: re-read
            }
        }
        Ok(None)
    }

    /// Queues one given lesson, due at `due` (no progress change).
    pub async fn queue_given(
        &self,
        chat: ChatKey,
        lang: Lang,
        lesson: &Lesson,
        id: String,
        due: DateTime<Utc>,
    ) -> StoreResult<()> {
        let item = OutboxItem {
            id,
            chat,
            due,
            attempts: 0,
            message: render(&self.i18n, lang, lesson),
            lesson: Some(lesson.id.clone()),
            notice: None,
            paid: false,
            unless_acked: None,
        };
        self.outbox.push(&item, None).await?;
        Ok(())
    }

    /// One scheduler pass: queue every slot that is due (or missed within [`CATCH_UP`]) and return
    /// when the next one falls.
    pub async fn tick(&self) -> StoreResult<Option<DateTime<Utc>>> {
        let now = self.clock.now();
        let mut next: Option<DateTime<Utc>> = None;
        let mut consider = |t: DateTime<Utc>| next = Some(next.map_or(t, |n: DateTime<Utc>| n.min(t)));
        // One group's unreadable record or failed write must not stop the others.
        for chat in self.store.active_groups().await? {
            let group = match self.store.group(chat).await {
                Ok(Some(g)) => g,
                Ok(None) => continue,
                Err(e) => {
                    tracing::error!(chat, error = %e, "lesson scheduler: cannot read this group; skipping it");
                    continue;
                }
            };
            let Some(weekly) = group.settings.lessons.clone() else { continue };
            let tz = group.settings.zone();
            let to = Audience::group(&group);
            if let Err(e) = self.queue_slot(&to, &weekly, tz, group.settings.quiet, group.joined_at, now).await {
                tracing::warn!(chat, error = %e, "lesson scheduler: could not queue this group's lesson");
            }
            consider(weekly.next_after(tz, now));
        }
        let weekly = Weekly::lessons_default();
        for (user, sub) in self.store.subscriptions().await? {
            // In the parent's own zone when they set one (private /settings tz).
            let tz = match self.store.profile(user).await {
                Ok(p) => p.and_then(|p| p.tz).and_then(|z| crate::model::parse_tz(&z)).unwrap_or(self.default_tz),
                Err(_) => self.default_tz,
            };
            let to = Audience::parent(user, sub.lang, sub.grade);
            if let Err(e) = self.queue_slot(&to, &weekly, tz, Some(QuietHours::DEFAULT), None, now).await {
                tracing::warn!(user, error = %e, "lesson scheduler: could not queue a private lesson");
            }
            consider(weekly.next_after(tz, now));
        }
        Ok(next)
    }

    async fn queue_slot(
        &self,
        to: &Audience,
        weekly: &Weekly,
        tz: Tz,
        quiet: Option<QuietHours>,
        since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let Some(slot) = schedule::catch_up(weekly, tz, now, CATCH_UP) else { return Ok(()) };
        if since.is_some_and(|s| slot < s) {
            return Ok(());
        }
        let id = format!("lesson:{}:{}", to.key, schedule::local_date(tz, slot));
        let due = schedule::after_quiet(tz, quiet, slot.max(now));
        if let Some(lesson) = self.queue_next(to, id, due).await? {
            tracing::info!(chat = to.chat, lesson = %lesson.id, %due, "lesson queued");
        }
        Ok(())
    }

    /// Runs the scheduler until shutdown.
    pub async fn run(self: Arc<Self>, shutdown: watch::Receiver<bool>) {
        super::run_schedule("lesson scheduler", self.clock.as_ref(), &self.changed, shutdown, || self.tick()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendering_escapes_awkward_characters() {
        let i18n = I18n::load().unwrap();
        let lesson = Lesson {
            id: "w01-fact-x".into(),
            seq: 1,
            title: "<b>A & B</b>".into(),
            kind: LessonKind::Fact,
            grades: vec![Grade::Primary],
            topic: "t".into(),
            clause: 7,
            body: "1 < 2 && \"quotes\" > 'single' _under_ *star* [link](x)".into(),
        };
        let m = render(&i18n, Lang::En, &lesson);
        assert!(m.html);
        assert!(m.text.contains("&lt;b&gt;A &amp; B&lt;/b&gt;"), "{}", m.text);
        assert!(
            m.text.contains("1 &lt; 2 &amp;&amp; &quot;quotes&quot; &gt; 'single' _under_ *star* [link](x)"),
            "{}",
            m.text
        );
        // The only tags are ours, and they are balanced.
        let tags: Vec<&str> = m.text.match_indices('<').map(|(i, _)| &m.text[i..i + 3]).collect();
        assert_eq!(tags, vec!["<b>", "</b", "<i>", "</i"]);
        assert_eq!(m.buttons[0][0].1, "lf:u:w01-fact-x");
        assert!(m.buttons[0].iter().all(|(_, d)| d.len() <= 64), "callback data fits Telegram's 64 bytes");
    }
}

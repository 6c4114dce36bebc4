//! State that matters, behind narrow async traits. Two implementations: [`MemoryStore`] (tests, demo,
//! and runs without `REDIS_URL`) and [`RedisStore`] (production). One behavioural test suite
//! (`tests/store.rs`) runs against both, so they cannot drift apart.
//!
//! Redis layout (all keys under a configurable prefix, `jiaxiao:` by default; JSON values carry a
//! schema version `"v"` so that later versions can migrate them). Keys used together share a hash
//! tag, so that every Lua script and atomic pipeline touches one Redis Cluster slot:
//! - per group, tag `{c<chat>}`: `{c<chat>}:group` → JSON [`Group`]; `:roles` → hash user id → role;
//!   `:admins` → hash of known Telegram administrators; `:roster` → hash user id → JSON [`Member`];
//!   `:unames` → lower-case username → user id; `:feedback` / `:feedbackn` → who gave which one-tap
//!   feedback, and the totals; `:lessonlog` → lesson id → when sent; `:notices` → notice id → JSON
//!   [`Notice`]; `:noticemsg` → message id → notice id; `:acks` → `{notice}|{user}` → 1;
//!   `:flag:<message>` → JSON [`Flag`] and `:modex:<message>` → the ≤80-character excerpt, both
//!   expiring after 30 days; `:modlog` → JSON [`ModEntry`] (no text); `:allow` → fingerprint → 1 (no
//!   text); `:samples` → JSON [`GroupSample`] (hashed n-gram buckets, no text; the newest
//!   [`crate::policy::group::MAX_SAMPLES`], field `#` counts); `:warns` → user id → violations
//! - per user, tag `{u<user>}`: `:teaches` and `:admin` → sets of the groups they manage (the index
//!   `/broadcast` reads)
//! - the outbox, tag `{outbox}`: `:queue` → sorted set of item ids by due time (ms); `:item:<id>` →
//!   JSON [`OutboxItem`]; `:seen:<id>` → dedup marker (14 days); `:lease:<id>` → the owner (a sender's
//!   random instance id), expiring; `:counters:<scope>` → lesson progress
//! - the shared rate limiter, tag `{rl}` (see [`crate::jobs::limiter`])
//! - untagged: `groups:active` → set of active chat ids; `once:<what>` → exactly-once markers;
//!   `broadcast:<id>` → JSON [`Broadcast`] (expires after [`BROADCAST_TTL`]) and `broadcasts:open` →
//!   the confirmed ones still being fanned out; `subs` → user id → JSON [`Subscription`]; `changes` →
//!   a capped stream of cache invalidations for every copy ([`Coordination`]); `layout` → the key
//!   layout version

mod memory;
mod redis;

pub use self::memory::MemoryStore;
pub use self::redis::{RedisConn, RedisStore};

use crate::model::{ChatKey, Grade, Group, Lang, Member, Role, UserKey};
pub use crate::policy::GroupSample;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;

/// Schema version written into every JSON value.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("redis: {0}")]
    Redis(#[from] ::redis::RedisError),
    #[error("stored value at {key} is corrupt: {detail}")]
    Corrupt { key: String, detail: String },
    #[error(
        "stored value at {key} has schema version {found}, newer than this build ({SCHEMA_VERSION}); upgrade jiaxiao"
    )]
    NewerSchema { key: String, found: u32 },
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Groups the bot knows and their settings.
#[async_trait]
pub trait GroupStore: Send + Sync {
    async fn group(&self, chat: ChatKey) -> StoreResult<Option<Group>>;
    /// Inserts or replaces the whole record (settings included).
    async fn put_group(&self, group: &Group) -> StoreResult<()>;
    /// Chat ids of groups the bot is still in.
    async fn active_groups(&self) -> StoreResult<Vec<ChatKey>>;
    /// Moves every piece of per-group state from `from` to `to` (a group upgraded to a supergroup).
    /// Idempotent: a second call, or a call for an unknown `from`, does nothing.
    async fn migrate_group(&self, from: ChatKey, to: ChatKey) -> StoreResult<()>;
    /// Deletes everything kept about a group (`jiaxiao forget-group`): its record, roles, roster,
    /// notices and acknowledgements, moderation log and samples, lesson log, queued posts, and its
    /// entries in the per-user index. Returns how many stored entries went.
    async fn forget_group(&self, chat: ChatKey) -> StoreResult<u64>;
}

/// Roles set with `/role` (admins come from Telegram and are never stored).
#[async_trait]
pub trait RoleStore: Send + Sync {
    /// Stores `role`; `Role::Parent` removes the entry (parent is the default).
    async fn set_role(&self, chat: ChatKey, user: UserKey, role: Role) -> StoreResult<()>;
    async fn role(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Role>>;
    /// All non-parent roles in a group, sorted by user id.
    async fn roles(&self, chat: ChatKey) -> StoreResult<Vec<(UserKey, Role)>>;
    /// Records whether `user` is a Telegram administrator of `chat`, as Telegram last said.
    async fn set_admin(&self, chat: ChatKey, user: UserKey, admin: bool) -> StoreResult<()>;
    /// Known Telegram administrators of `chat`, sorted.
    async fn admins(&self, chat: ChatKey) -> StoreResult<Vec<UserKey>>;
    /// The groups `user` manages — teacher by `/role`, or a known administrator — from a per-user
    /// index, so that `/broadcast` never has to ask every group. Sorted.
    async fn managed_groups(&self, user: UserKey) -> StoreResult<Vec<ChatKey>>;
}

/// Members the bot has seen in each group.
#[async_trait]
pub trait RosterStore: Send + Sync {
    async fn remember(&self, chat: ChatKey, member: &Member) -> StoreResult<()>;
    /// Someone left or was removed: they are no longer on the group's roster (nor in their index).
    async fn forget_member(&self, chat: ChatKey, user: UserKey) -> StoreResult<()>;
    async fn member(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Member>>;
    /// Looks a member up by `@username` (case-insensitive, with or without the `@`).
    async fn member_by_username(&self, chat: ChatKey, username: &str) -> StoreResult<Option<Member>>;
    /// Every member seen, sorted by user id.
    async fn members(&self, chat: ChatKey) -> StoreResult<Vec<Member>>;
}

/// Exactly-once markers shared by every running copy of the bot.
#[async_trait]
pub trait OnceStore: Send + Sync {
    /// True for the first caller with this `what` until `ttl` passes; false for everyone else.
    async fn claim_once(&self, what: &str, ttl: Duration) -> StoreResult<bool>;
    /// Gives a claim back (the work it guarded failed and should be retried).
    async fn release_once(&self, what: &str) -> StoreResult<()>;
}

/// A message the bot will post on its own (lesson, reminder, notice, broadcast), queued so that it
/// survives restarts and is sent through one rate-limited path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// Unique per logical send (e.g. `lesson:-100123:2026-09-07`): enqueuing the same id twice is a
    /// no-op, which is what makes scheduled posts exactly-once across restarts and copies.
    pub id: String,
    pub chat: ChatKey,
    pub due: DateTime<Utc>,
    #[serde(default)]
    pub attempts: u32,
    pub message: OutMessage,
    /// What to record once it is sent (e.g. the lesson id), for `/lessons`.
    #[serde(default)]
    pub lesson: Option<String>,
    /// The notice this message carries: its message id is recorded once sent.
    #[serde(default)]
    pub notice: Option<String>,
    /// Sent as a paid broadcast (`allow_paid_broadcast`, within the paid overall budget).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paid: bool,
    /// A notice's private reminder to one person, (group, notice): not sent when they acknowledged
    /// it meanwhile, and held by that group's quiet hours when retried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless_acked: Option<(ChatKey, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutMessage {
    /// The text, or the caption of a photo or copy.
    pub text: String,
    /// Telegram HTML parse mode (the text is already escaped).
    pub html: bool,
    /// Inline keyboard rows of (label, callback data); data starting with `https://` makes a URL
    /// button instead (callback data of the bot never does).
    #[serde(default)]
    pub buttons: Vec<Vec<(String, String)>>,
    /// A PNG to post with `text` as its caption (base64; the weekly picture).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// Copy this message (chat, message id) instead of sending `text` (a notice sent privately).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<(ChatKey, i32)>,
}

/// Where a counter lives: a field of the hash `counters:{scope}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counter {
    pub scope: String,
    pub field: &'static str,
}

impl Counter {
    pub fn group_lessons(chat: ChatKey) -> Counter {
        Counter { scope: chat.to_string(), field: "lessons" }
    }
    pub fn user_lessons(user: UserKey) -> Counter {
        Counter { scope: format!("user:{user}"), field: "lessons" }
    }
}

/// What happened to an [`OutboxStore::enqueue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    New,
    /// This id was enqueued before (within 14 days): nothing done.
    Duplicate,
    /// The counter had moved on (someone else advanced it): nothing done; re-read and retry.
    Conflict,
}

/// How long an outbox id is remembered after enqueue.
pub const OUTBOX_DEDUP: Duration = Duration::from_secs(14 * 24 * 3600);

#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Queues `item` unless its id was seen; with `advance`, also moves that counter from `expected`
    /// to `expected + 1` — all or nothing.
    async fn enqueue(&self, item: &OutboxItem, advance: Option<(&Counter, u64)>) -> StoreResult<Enqueued>;
    async fn counter(&self, counter: &Counter) -> StoreResult<u64>;
    /// Items due at `now`, earliest first.
    async fn due(&self, now: DateTime<Utc>, limit: usize) -> StoreResult<Vec<OutboxItem>>;
    /// When the earliest queued item is due.
    async fn next_due(&self) -> StoreResult<Option<DateTime<Utc>>>;
    /// Takes an item for sending, as `owner` (a sender's random instance id), for `ttl`, if it is
    /// still queued, due at `now`, not held by another sender, and no other sender is posting into
    /// its chat (so each chat's posts keep their order, however many copies send); returns it as it
    /// is now (another copy may have rescheduled or completed it meanwhile). Items under a live lease
    /// are not listed by [`OutboxStore::due`].
    async fn lease(&self, id: &str, owner: &str, now: DateTime<Utc>, ttl: Duration) -> StoreResult<Option<OutboxItem>>;
    /// Extends `owner`'s lease (and its hold on the chat) by `ttl` from now; false if the lease is
    /// no longer `owner`'s.
    async fn renew(&self, id: &str, owner: &str, ttl: Duration) -> StoreResult<bool>;
    /// Sent (or given up): remove it. False when it was not `owner`'s to finish: another sender
    /// holds it now, or it is no longer queued (someone else finished it, or its group was
    /// forgotten) — then nothing more should be recorded about it.
    async fn complete(&self, id: &str, owner: &str) -> StoreResult<bool>;
    /// Puts it back with a new due time / attempt count and ends `owner`'s lease; false (nothing
    /// written) if it is no longer queued or another sender holds it now — a late reschedule never
    /// brings back an item that was sent or forgotten.
    async fn reschedule(&self, item: &OutboxItem, owner: &str) -> StoreResult<bool>;
    /// Ends `owner`'s lease without sending (shutdown): the item is due again at once.
    async fn release(&self, id: &str, owner: &str) -> StoreResult<()>;
    async fn queued(&self) -> StoreResult<u64>;
    /// Whether an item with this id was enqueued within [`OUTBOX_DEDUP`] (so enqueuing it again is a
    /// no-op).
    async fn outbox_seen(&self, id: &str) -> StoreResult<bool>;
}

/// One-tap feedback on lessons and the log of lessons sent, per chat.
#[async_trait]
pub trait LessonStore: Send + Sync {
    /// Records `user`'s `kind` feedback (`useful` / `tried`) on a lesson; false if already counted.
    async fn add_feedback(&self, chat: ChatKey, lesson: &str, kind: &str, user: UserKey) -> StoreResult<bool>;
    async fn feedback_count(&self, chat: ChatKey, lesson: &str, kind: &str) -> StoreResult<u64>;
    async fn log_lesson(&self, chat: ChatKey, lesson: &str, at: DateTime<Utc>) -> StoreResult<()>;
    /// Lessons sent to a chat, newest first.
    async fn lesson_log(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<(String, DateTime<Utc>)>>;
    async fn set_subscription(&self, user: UserKey, sub: Option<&Subscription>) -> StoreResult<()>;
    async fn subscription(&self, user: UserKey) -> StoreResult<Option<Subscription>>;
    async fn subscriptions(&self) -> StoreResult<Vec<(UserKey, Subscription)>>;
}

/// A parent receiving lessons privately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub lang: Lang,
    pub grade: Grade,
}

/// How long flagged excerpts (and the flags that hold them) are kept.
pub const EXCERPT_TTL: Duration = Duration::from_secs(30 * 24 * 3600);
/// Longest excerpt of a member's message the bot keeps.
pub const MAX_EXCERPT_CHARS: usize = 80;

/// A message the classifier flagged, waiting for a moderator's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub message_id: i32,
    pub sender: Option<UserKey>,
    pub sender_name: String,
    pub category: String,
    pub rule: String,
    /// At most [`MAX_EXCERPT_CHARS`] characters; the flag expires after [`EXCERPT_TTL`].
    pub excerpt: String,
    /// Fingerprint of the normalised text: what "not a violation" adds to the allow-list (no text is
    /// kept there).
    pub fingerprint: u64,
    pub at: DateTime<Utc>,
    /// The bot's card (the reply with the buttons).
    pub card: Option<i32>,
    pub resolved: bool,
    /// `rule`, `model`, `group` or `llm`: whether the card is a rule verdict or a "please take a look".
    #[serde(default = "rule_source")]
    pub source: String,
    /// The message's hashed n-gram buckets (no text), what a moderator's decision teaches the group.
    #[serde(default)]
    pub grams: Vec<u32>,
}

fn rule_source() -> String {
    "rule".to_owned()
}

/// One line of the moderation log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModEntry {
    pub at: DateTime<Utc>,
    pub message_id: i32,
    pub sender: Option<UserKey>,
    pub sender_name: String,
    pub category: String,
    pub rule: String,
    /// `flagged`, `auto_deleted`, `deleted`, `allowed`, `restricted`.
    pub action: String,
    pub by: Option<String>,
    /// Filled from the expiring excerpt store when read; `None` once it expired.
    #[serde(default, skip_serializing)]
    pub excerpt: Option<String>,
}

#[async_trait]
pub trait ModerationStore: Send + Sync {
    async fn put_flag(&self, chat: ChatKey, flag: &Flag) -> StoreResult<()>;
    async fn flag(&self, chat: ChatKey, message_id: i32) -> StoreResult<Option<Flag>>;
    /// Appends to the log; `excerpt` is kept separately and expires after [`EXCERPT_TTL`].
    async fn log_moderation(&self, chat: ChatKey, entry: &ModEntry, excerpt: Option<&str>) -> StoreResult<()>;
    /// Newest first.
    async fn moderation_log(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<ModEntry>>;
    async fn allow(&self, chat: ChatKey, fingerprint: u64) -> StoreResult<()>;
    async fn allow_list(&self, chat: ChatKey) -> StoreResult<Vec<u64>>;
    /// Keeps a moderator's decision as a sample (the newest `MAX_SAMPLES` per group are kept).
    async fn add_sample(&self, chat: ChatKey, sample: &GroupSample) -> StoreResult<()>;
    /// The group's samples, oldest first.
    async fn samples(&self, chat: ChatKey) -> StoreResult<Vec<GroupSample>>;
    /// Counts one more confirmed violation; returns the new total.
    async fn add_warning(&self, chat: ChatKey, user: UserKey) -> StoreResult<u64>;
    async fn reset_warnings(&self, chat: ChatKey, user: UserKey) -> StoreResult<()>;
}

/// A teacher's notice (`/notice`): who posted it and when, a short title for `/status`, and the
/// bot's message carrying it once sent. The full text lives only in that Telegram message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: String,
    pub author: String,
    pub author_id: Option<UserKey>,
    /// At most 40 characters.
    pub title: String,
    pub at: DateTime<Utc>,
    pub message_id: Option<i32>,
}

#[async_trait]
pub trait NoticeStore: Send + Sync {
    async fn put_notice(&self, chat: ChatKey, notice: &Notice) -> StoreResult<()>;
    async fn notice(&self, chat: ChatKey, id: &str) -> StoreResult<Option<Notice>>;
    async fn notice_by_message(&self, chat: ChatKey, message_id: i32) -> StoreResult<Option<Notice>>;
    /// Newest first.
    async fn recent_notices(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<Notice>>;
    /// Records `user`'s acknowledgement; false if they had already acknowledged.
    async fn ack(&self, chat: ChatKey, notice: &str, user: UserKey) -> StoreResult<bool>;
    /// Who acknowledged, sorted.
    async fn acks(&self, chat: ChatKey, notice: &str) -> StoreResult<Vec<UserKey>>;
}

/// A `/broadcast` from a private chat: what to post where. Confirmed broadcasts are fanned out by
/// queuing one outbox item per group (ids `broadcast:{id}:{chat}`), so re-running the fan-out after a
/// crash queues only what is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Broadcast {
    pub id: String,
    pub author: String,
    pub author_id: UserKey,
    pub text: String,
    pub targets: Vec<ChatKey>,
    pub at: DateTime<Utc>,
    /// `pending` (awaiting the confirm button), `confirmed` (being fanned out), `done`, `cancelled`.
    pub state: String,
    /// Sent as a paid broadcast (`JIAXIAO_PAID_BROADCAST=on`).
    #[serde(default)]
    pub paid: bool,
}

/// How long a broadcast (its text, author and target groups) is kept.
pub const BROADCAST_TTL: Duration = Duration::from_secs(30 * 24 * 3600);

#[async_trait]
pub trait BroadcastStore: Send + Sync {
    async fn put_broadcast(&self, b: &Broadcast) -> StoreResult<()>;
    async fn broadcast(&self, id: &str) -> StoreResult<Option<Broadcast>>;
    /// Confirmed broadcasts whose fan-out may not have finished.
    async fn confirmed_broadcasts(&self) -> StoreResult<Vec<Broadcast>>;
}

/// A person's own settings in the private chat with the bot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// They opened the private chat (so the bot may write to them); false again after a 403.
    #[serde(default)]
    pub started: bool,
    /// Overrides Telegram's language.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Their zone, for private reminders (IANA name, validated when set).
    #[serde(default)]
    pub tz: Option<String>,
    /// Private daily reminders: kind → local time.
    #[serde(default)]
    pub reminders: std::collections::BTreeMap<String, crate::model::HhMm>,
    /// Their child's grade band, for private reminders and lessons.
    #[serde(default)]
    pub grade: Option<crate::model::Grade>,
}

/// A parent's question to a group's teachers (`/ask`). The question itself lives only in the
/// Telegram messages; this records who asked where, for the answer's way back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ask {
    pub id: String,
    pub chat: ChatKey,
    pub parent: UserKey,
    pub parent_name: String,
    pub at: DateTime<Utc>,
    pub answered: bool,
}

/// How long a question's record is kept (the answer must come within it).
pub const ASK_TTL: Duration = Duration::from_secs(14 * 24 * 3600);
/// How long a day's check-in details (who) are kept; the per-day counts stay.
pub const CHECKIN_TTL: Duration = Duration::from_secs(9 * 24 * 3600);

/// Parents and teachers as people: private settings, the groups they were seen in, daily check-ins,
/// questions to the teacher, and forgetting a person on request.
#[async_trait]
pub trait PeopleStore: Send + Sync {
    async fn profile(&self, user: UserKey) -> StoreResult<Option<Profile>>;
    async fn put_profile(&self, user: UserKey, profile: &Profile) -> StoreResult<()>;
    /// People with private reminders, sorted.
    async fn reminding_users(&self) -> StoreResult<Vec<UserKey>>;
    /// Groups where `user` was seen (the roster), sorted.
    async fn member_groups(&self, user: UserKey) -> StoreResult<Vec<ChatKey>>;
    /// Counts `user`'s check-in for reminder `kind` on local `date` in `chat`, once: the day's new
    /// total, or `None` when they had already checked in.
    async fn check_in(&self, chat: ChatKey, user: UserKey, kind: &str, date: NaiveDate) -> StoreResult<Option<u64>>;
    /// How many families checked in, per (date, kind), for dates in `from..=to`.
    async fn checkin_counts(
        &self,
        chat: ChatKey,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<(NaiveDate, String, u64)>>;
    /// `user`'s own check-ins on dates in `from..=to`: (date, chat, kind), sorted.
    async fn user_checkins(
        &self,
        user: UserKey,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<(NaiveDate, ChatKey, String)>>;
    async fn put_ask(&self, ask: &Ask) -> StoreResult<()>;
    async fn ask(&self, chat: ChatKey, id: &str) -> StoreResult<Option<Ask>>;
    /// One parent's questions to a group (within [`ASK_TTL`]), oldest first.
    async fn asks_by(&self, chat: ChatKey, parent: UserKey) -> StoreResult<Vec<Ask>>;
    /// Remembers which of the bot's private messages to `teacher` carries which question.
    async fn link_ask_message(&self, teacher: UserKey, message_id: i32, chat: ChatKey, id: &str) -> StoreResult<()>;
    async fn ask_for_message(&self, teacher: UserKey, message_id: i32) -> StoreResult<Option<(ChatKey, String)>>;
    /// Counts one more question from `parent` in `chat` on `date`; returns the day's total.
    async fn count_ask(&self, chat: ChatKey, parent: UserKey, date: NaiveDate) -> StoreResult<u64>;
    /// Questions from `parent` in `chat` are not passed on until `until` (`None`: unmute).
    async fn mute_asks(&self, chat: ChatKey, parent: UserKey, until: Option<DateTime<Utc>>) -> StoreResult<()>;
    async fn asks_muted_until(&self, chat: ChatKey, parent: UserKey) -> StoreResult<Option<DateTime<Utc>>>;
    /// A short-lived note of what a person is in the middle of in the private chat (e.g. which
    /// group the next message asks); `None` clears it.
    async fn set_pending(&self, user: UserKey, pending: Option<&str>, ttl: Duration) -> StoreResult<()>;
    async fn pending(&self, user: UserKey) -> StoreResult<Option<String>>;
    /// Deletes what is kept about `user` (`/forgetme`): their profile, lesson subscription, roster
    /// entries, roles, acknowledgements, check-ins, questions, warnings and the index entries;
    /// returns (what, how many) for the reply.
    async fn forget_user(&self, user: UserKey) -> StoreResult<Vec<(&'static str, u64)>>;
}

/// What several copies of the bot share beyond state: the sending budget, a feed of changes for
/// their caches, and a health check.
#[async_trait]
pub trait Coordination: Send + Sync {
    /// The bot-wide sending budget: in memory for the memory store, in Redis (shared by every copy)
    /// for the Redis store.
    fn send_limiter(&self, limits: crate::jobs::ratelimit::Limits) -> Arc<dyn crate::jobs::limiter::SendLimiter>;
    /// Answers when the store works.
    async fn ping(&self) -> StoreResult<()>;
    /// Tells every copy that something it may cache changed (e.g. `g:<chat>` for a group's
    /// settings); kept for a few minutes.
    async fn publish_change(&self, change: &str) -> StoreResult<()>;
    /// Changes published after `cursor` (`None`: start from now, no changes), and the new cursor.
    async fn changes_since(&self, cursor: Option<&str>) -> StoreResult<(Vec<String>, String)>;
}

/// Everything the bot keeps.
pub trait Store:
    GroupStore
    + RoleStore
    + RosterStore
    + OnceStore
    + OutboxStore
    + LessonStore
    + ModerationStore
    + NoticeStore
    + BroadcastStore
    + PeopleStore
    + Coordination
{
}
impl<T> Store for T where
    T: GroupStore
        + RoleStore
        + RosterStore
        + OnceStore
        + OutboxStore
        + LessonStore
        + ModerationStore
        + NoticeStore
        + BroadcastStore
        + PeopleStore
        + Coordination
{
}

pub type DynStore = Arc<dyn Store>;

pub(crate) fn normalise_username(u: &str) -> String {
    u.trim().trim_start_matches('@').to_ascii_lowercase()
}

//! State that matters, behind narrow async traits. Two implementations: [`MemoryStore`] (tests, demo,
//! and runs without `REDIS_URL`) and [`RedisStore`] (production). One behavioural test suite
//! (`tests/store.rs`) runs against both, so they cannot drift apart.
//!
//! Redis layout (all keys under a configurable prefix, `jiaxiao:` by default; JSON values carry a
//! schema version `"v"` so that later versions can migrate them):
//! - `group:{chat}` → JSON [`Group`]; `groups:active` → set of active chat ids
//! - `roles:{chat}` → hash user id → role; `roster:{chat}` → hash user id → JSON [`Member`];
//!   `unames:{chat}` → hash lower-case username → user id
//! - `once:{what}` → marker set with `SET NX` (exactly-once claims, with expiry)

mod memory;
mod redis;

pub use self::memory::MemoryStore;
pub use self::redis::RedisStore;

use crate::model::{ChatKey, Group, Member, Role, UserKey};
use async_trait::async_trait;
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
}

/// Roles set with `/role` (admins come from Telegram and are never stored).
#[async_trait]
pub trait RoleStore: Send + Sync {
    /// Stores `role`; `Role::Parent` removes the entry (parent is the default).
    async fn set_role(&self, chat: ChatKey, user: UserKey, role: Role) -> StoreResult<()>;
    async fn role(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Role>>;
    /// All non-parent roles in a group, sorted by user id.
    async fn roles(&self, chat: ChatKey) -> StoreResult<Vec<(UserKey, Role)>>;
}

/// Members the bot has seen in each group.
#[async_trait]
pub trait RosterStore: Send + Sync {
    async fn remember(&self, chat: ChatKey, member: &Member) -> StoreResult<()>;
    async fn member(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Member>>;
    /// Looks a member up by `@username` (case-insensitive, with or without the `@`).
    async fn member_by_username(
        &self,
        chat: ChatKey,
        username: &str,
    ) -> StoreResult<Option<Member>>;
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

/// Everything the bot keeps.
pub trait Store: GroupStore + RoleStore + RosterStore + OnceStore {}
impl<T: GroupStore + RoleStore + RosterStore + OnceStore> Store for T {}

pub type DynStore = Arc<dyn Store>;

pub(crate) fn normalise_username(u: &str) -> String {
    u.trim().trim_start_matches('@').to_ascii_lowercase()
}

//! Who is a Telegram administrator of which group. Asked with `getChatMember`, remembered for a few
//! minutes (bounded), corrected at once by `chat_member` updates, and written to the store so that
//! `/broadcast` can find a teacher's groups from a per-user index instead of asking every group.

use crate::model::{ChatKey, UserKey};
use crate::store::DynStore;
use moka::sync::Cache;
use std::time::Duration;
use teloxide::prelude::*;
use teloxide::types::{ChatMemberKind, UserId};

pub struct AdminCache {
    entries: Cache<(ChatKey, UserKey), bool>,
    store: DynStore,
}

impl AdminCache {
    pub fn new(ttl: Duration, store: DynStore) -> AdminCache {
        let entries = Cache::builder().max_capacity(200_000).time_to_live(ttl).support_invalidation_closures().build();
        AdminCache { entries, store }
    }

    /// Records what a `chat_member` update or an answer from Telegram said, here and in the store.
    pub async fn record(&self, chat: ChatKey, user: UserKey, admin: bool) {
        let known = self.entries.get(&(chat, user));
        self.entries.insert((chat, user), admin);
        if known != Some(admin)
            && let Err(e) = self.store.set_admin(chat, user, admin).await
        {
            tracing::warn!(chat, error = %e, "could not store who administers the group");
        }
    }

    pub fn forget_chat(&self, chat: ChatKey) {
        let _ = self.entries.invalidate_entries_if(move |(c, _), _| *c == chat);
    }

    pub fn forget_all(&self) {
        self.entries.invalidate_all();
    }

    /// Whether `user` is the creator or an administrator of `chat`. When Telegram cannot be asked the
    /// answer is "no" (the safe side: a refused command can be repeated).
    pub async fn is_admin(&self, bot: &Bot, chat: ChatKey, user: UserKey) -> bool {
        if let Some(admin) = self.entries.get(&(chat, user)) {
            return admin;
        }
        match super::send::call(|| bot.get_chat_member(ChatId(chat), UserId(user)).into_future()).await {
            Ok(member) => {
                let admin = matches!(member.kind, ChatMemberKind::Owner(_) | ChatMemberKind::Administrator(_));
                self.record(chat, user, admin).await;
                admin
            }
            Err(e) => {
                tracing::warn!(chat, error = ?e, "getChatMember failed; treating the caller as a non-admin");
                false
            }
        }
    }
}

//! Who is a Telegram administrator of which group. Asked with `getChatMember`, remembered for a few
//! minutes, and corrected at once by `chat_member` updates.

use crate::model::{ChatKey, UserKey};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use teloxide::prelude::*;
use teloxide::types::{ChatMemberKind, UserId};

pub struct AdminCache {
    ttl: Duration,
    entries: Mutex<HashMap<(ChatKey, UserKey), (bool, Instant)>>,
}

impl AdminCache {
    pub fn new(ttl: Duration) -> AdminCache {
        AdminCache { ttl, entries: Mutex::new(HashMap::new()) }
    }

    fn cached(&self, chat: ChatKey, user: UserKey) -> Option<bool> {
        let map = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&(chat, user)).filter(|(_, at)| at.elapsed() < self.ttl).map(|(admin, _)| *admin)
    }

    /// Records what a `chat_member` update or an answer from Telegram said.
    pub fn record(&self, chat: ChatKey, user: UserKey, admin: bool) {
        let mut map = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 50_000 {
            let ttl = self.ttl;
            map.retain(|_, (_, at)| at.elapsed() < ttl);
        }
        map.insert((chat, user), (admin, Instant::now()));
    }

    pub fn forget_chat(&self, chat: ChatKey) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).retain(|(c, _), _| *c != chat);
    }

    /// Whether `user` is the creator or an administrator of `chat`. When Telegram cannot be asked the
    /// answer is "no" (the safe side: a refused command can be repeated).
    pub async fn is_admin(&self, bot: &Bot, chat: ChatKey, user: UserKey) -> bool {
        if let Some(admin) = self.cached(chat, user) {
            return admin;
        }
        match super::send::call(|| bot.get_chat_member(ChatId(chat), UserId(user)).into_future()).await {
            Ok(member) => {
                let admin = matches!(member.kind, ChatMemberKind::Owner(_) | ChatMemberKind::Administrator(_));
                self.record(chat, user, admin);
                admin
            }
            Err(e) => {
                tracing::warn!(chat, error = ?e, "getChatMember failed; treating the caller as a non-admin");
                false
            }
        }
    }
}

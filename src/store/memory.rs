//! In-memory store: the reference implementation, used by tests, the demo and runs without Redis.

use super::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Instant;

#[derive(Default)]
struct Inner {
    groups: HashMap<ChatKey, Group>,
    roles: HashMap<ChatKey, BTreeMap<UserKey, Role>>,
    roster: HashMap<ChatKey, BTreeMap<UserKey, Member>>,
    once: HashMap<String, Instant>,
}

/// State in process memory, lost on exit.
#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the maps half-updated (each method does one
        // map operation), so a poisoned lock is still safe to use.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[async_trait]
impl GroupStore for MemoryStore {
    async fn group(&self, chat: ChatKey) -> StoreResult<Option<Group>> {
        Ok(self.lock().groups.get(&chat).cloned())
    }

    async fn put_group(&self, group: &Group) -> StoreResult<()> {
        self.lock().groups.insert(group.chat_id, group.clone());
        Ok(())
    }

    async fn active_groups(&self) -> StoreResult<Vec<ChatKey>> {
        let mut ids: Vec<_> = self
            .lock()
            .groups
            .values()
            .filter(|g| g.active)
            .map(|g| g.chat_id)
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }

    async fn migrate_group(&self, from: ChatKey, to: ChatKey) -> StoreResult<()> {
        if from == to {
            return Ok(());
        }
        let mut g = self.lock();
        if let Some(mut group) = g.groups.remove(&from) {
            group.chat_id = to;
            g.groups.insert(to, group);
        }
        if let Some(roles) = g.roles.remove(&from) {
            g.roles.entry(to).or_default().extend(roles);
        }
        if let Some(roster) = g.roster.remove(&from) {
            let target = g.roster.entry(to).or_default();
            for (k, v) in roster {
                target.entry(k).or_insert(v);
            }
        }
        Ok(())
    }
}

#[async_trait]
impl RoleStore for MemoryStore {
    async fn set_role(&self, chat: ChatKey, user: UserKey, role: Role) -> StoreResult<()> {
        let mut g = self.lock();
        let roles = g.roles.entry(chat).or_default();
        if role == Role::Parent {
            roles.remove(&user);
        } else {
            roles.insert(user, role);
        }
        Ok(())
    }

    async fn role(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Role>> {
        Ok(self
            .lock()
            .roles
            .get(&chat)
            .and_then(|r| r.get(&user).copied()))
    }

    async fn roles(&self, chat: ChatKey) -> StoreResult<Vec<(UserKey, Role)>> {
        Ok(self
            .lock()
            .roles
            .get(&chat)
            .map(|r| r.iter().map(|(k, v)| (*k, *v)).collect())
            .unwrap_or_default())
    }
}

#[async_trait]
impl RosterStore for MemoryStore {
    async fn remember(&self, chat: ChatKey, member: &Member) -> StoreResult<()> {
        let mut g = self.lock();
        let roster = g.roster.entry(chat).or_default();
        // A username moves with its owner: forget it on whoever had it before.
        if let Some(u) = member.username.as_deref().map(normalise_username) {
            for m in roster.values_mut() {
                if m.user_id != member.user_id
                    && m.username.as_deref().map(normalise_username).as_deref() == Some(&u)
                {
                    m.username = None;
                }
            }
        }
        roster.insert(member.user_id, member.clone());
        Ok(())
    }

    async fn member(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Member>> {
        Ok(self
            .lock()
            .roster
            .get(&chat)
            .and_then(|r| r.get(&user).cloned()))
    }

    async fn member_by_username(
        &self,
        chat: ChatKey,
        username: &str,
    ) -> StoreResult<Option<Member>> {
        let wanted = normalise_username(username);
        Ok(self.lock().roster.get(&chat).and_then(|r| {
            r.values()
                .find(|m| m.username.as_deref().map(normalise_username).as_deref() == Some(&wanted))
                .cloned()
        }))
    }

    async fn members(&self, chat: ChatKey) -> StoreResult<Vec<Member>> {
        Ok(self
            .lock()
            .roster
            .get(&chat)
            .map(|r| r.values().cloned().collect())
            .unwrap_or_default())
    }
}

#[async_trait]
impl OnceStore for MemoryStore {
    async fn claim_once(&self, what: &str, ttl: Duration) -> StoreResult<bool> {
        let mut g = self.lock();
        let now = Instant::now();
        match g.once.get(what) {
            Some(expiry) if *expiry > now => Ok(false),
            _ => {
                g.once.insert(what.to_owned(), now + ttl);
                Ok(true)
            }
        }
    }

    async fn release_once(&self, what: &str) -> StoreResult<()> {
        self.lock().once.remove(what);
        Ok(())
    }
}

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
    queue: BTreeMap<String, OutboxItem>,
    seen: HashMap<String, Instant>,
    /// Outbox item id → (owner, expiry).
    leases: HashMap<String, (String, Instant)>,
    /// Chat → the sender posting into it now (owner, expiry): keeps a chat's posts in order.
    chat_leases: HashMap<ChatKey, (String, Instant)>,
    admins: HashMap<ChatKey, std::collections::BTreeSet<UserKey>>,
    profiles: HashMap<UserKey, Profile>,
    checkins: HashMap<(ChatKey, chrono::NaiveDate, String), std::collections::BTreeSet<UserKey>>,
    checkin_totals: HashMap<(ChatKey, chrono::NaiveDate, String), u64>,
    asks: HashMap<(ChatKey, String), Ask>,
    ask_messages: HashMap<(UserKey, i32), (ChatKey, String)>,
    ask_counts: HashMap<(ChatKey, UserKey, chrono::NaiveDate), u64>,
    ask_mutes: HashMap<(ChatKey, UserKey), DateTime<Utc>>,
    pending: HashMap<UserKey, (String, Instant)>,
    /// Published changes with their sequence numbers (the newest few hundred).
    changes: std::collections::VecDeque<(u64, String)>,
    next_change: u64,
    counters: HashMap<(String, &'static str), u64>,
    feedback: HashMap<ChatKey, std::collections::HashSet<(String, String, UserKey)>>,
    lessonlog: HashMap<ChatKey, BTreeMap<String, DateTime<Utc>>>,
    subs: BTreeMap<UserKey, Subscription>,
    flags: HashMap<(ChatKey, i32), (Flag, Instant)>,
    modlog: HashMap<ChatKey, Vec<ModEntry>>,
    excerpts: HashMap<(ChatKey, i32), (String, Instant)>,
    allow: HashMap<ChatKey, std::collections::BTreeSet<u64>>,
    samples: HashMap<ChatKey, std::collections::VecDeque<super::GroupSample>>,
    warns: HashMap<(ChatKey, UserKey), u64>,
    notices: HashMap<ChatKey, BTreeMap<String, Notice>>,
    acks: HashMap<ChatKey, std::collections::BTreeSet<(String, UserKey)>>,
    broadcasts: BTreeMap<String, Broadcast>,
}

/// State in process memory, lost on exit.
#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
    /// One sending budget for everything using this store.
    limiter: std::sync::OnceLock<Arc<crate::jobs::limiter::MemoryLimiter>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Appends to the change feed (never call with the lock held).
    fn note(&self, change: &str) {
        let mut g = self.lock();
        g.next_change += 1;
        let seq = g.next_change;
        g.changes.push_back((seq, change.to_owned()));
        while g.changes.len() > 1000 {
            g.changes.pop_front();
        }
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
        self.note(&format!("g:{}", group.chat_id));
        Ok(())
    }

    async fn active_groups(&self) -> StoreResult<Vec<ChatKey>> {
        let mut ids: Vec<_> = self.lock().groups.values().filter(|g| g.active).map(|g| g.chat_id).collect();
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
            let target = g.roles.entry(to).or_default();
            for (k, v) in roles {
                target.entry(k).or_insert(v);
            }
        }
        if let Some(roster) = g.roster.remove(&from) {
            let target = g.roster.entry(to).or_default();
            for (k, v) in roster {
                target.entry(k).or_insert(v);
            }
        }
        if let Some(v) = g.counters.remove(&(from.to_string(), "lessons")) {
            g.counters.entry((to.to_string(), "lessons")).or_insert(v);
        }
        if let Some(f) = g.feedback.remove(&from) {
            g.feedback.entry(to).or_default().extend(f);
        }
        // Same rule as Redis (HSETNX): entries already under the new id win; the old ones fill gaps.
        if let Some(l) = g.lessonlog.remove(&from) {
            let target = g.lessonlog.entry(to).or_default();
            for (k, v) in l {
                target.entry(k).or_insert(v);
            }
        }
        if let Some(l) = g.modlog.remove(&from) {
            g.modlog.entry(to).or_default().extend(l);
        }
        if let Some(a) = g.allow.remove(&from) {
            g.allow.entry(to).or_default().extend(a);
        }
        if let Some(a) = g.samples.remove(&from) {
            g.samples.entry(to).or_default().extend(a);
        }
        if let Some(n) = g.notices.remove(&from) {
            let target = g.notices.entry(to).or_default();
            for (k, v) in n {
                target.entry(k).or_insert(v);
            }
        }
        if let Some(a) = g.acks.remove(&from) {
            g.acks.entry(to).or_default().extend(a);
        }
        if let Some(a) = g.admins.remove(&from) {
            g.admins.entry(to).or_default().extend(a);
        }
        let warns: Vec<_> = g.warns.keys().filter(|(c, _)| *c == from).copied().collect();
        for k in warns {
            let n = g.warns.remove(&k).unwrap_or(0);
            g.warns.entry((to, k.1)).or_insert(n);
        }
        drop(g);
        self.note(&format!("m:{from}"));
        self.note(&format!("m:{to}"));
        Ok(())
    }

    async fn forget_group(&self, chat: ChatKey) -> StoreResult<u64> {
        let mut g = self.lock();
        let mut n = 0u64;
        n += g.groups.remove(&chat).is_some() as u64;
        n += g.roles.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.roster.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.admins.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.counters.remove(&(chat.to_string(), "lessons")).is_some() as u64;
        n += g.feedback.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.lessonlog.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.modlog.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.allow.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.samples.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.notices.remove(&chat).map_or(0, |r| r.len() as u64);
        n += g.acks.remove(&chat).map_or(0, |r| r.len() as u64);
        let before = g.flags.len() + g.excerpts.len() + g.warns.len() + g.queue.len();
        g.flags.retain(|(c, _), _| *c != chat);
        g.excerpts.retain(|(c, _), _| *c != chat);
        g.warns.retain(|(c, _), _| *c != chat);
        g.queue.retain(|_, i| i.chat != chat);
        g.checkins.retain(|(c, _, _), _| *c != chat);
        g.checkin_totals.retain(|(c, _, _), _| *c != chat);
        g.asks.retain(|(c, _), _| *c != chat);
        n += (before - (g.flags.len() + g.excerpts.len() + g.warns.len() + g.queue.len())) as u64;
        drop(g);
        self.note(&format!("m:{chat}"));
        Ok(n)
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
        Ok(self.lock().roles.get(&chat).and_then(|r| r.get(&user).copied()))
    }

    async fn roles(&self, chat: ChatKey) -> StoreResult<Vec<(UserKey, Role)>> {
        Ok(self.lock().roles.get(&chat).map(|r| r.iter().map(|(k, v)| (*k, *v)).collect()).unwrap_or_default())
    }

    async fn set_admin(&self, chat: ChatKey, user: UserKey, admin: bool) -> StoreResult<()> {
        let changed = {
            let mut g = self.lock();
            let set = g.admins.entry(chat).or_default();
            if admin { set.insert(user) } else { set.remove(&user) }
        };
        if changed {
            self.note(&format!("a:{chat}"));
        }
        Ok(())
    }

    async fn admins(&self, chat: ChatKey) -> StoreResult<Vec<UserKey>> {
        Ok(self.lock().admins.get(&chat).map(|a| a.iter().copied().collect()).unwrap_or_default())
    }

    async fn managed_groups(&self, user: UserKey) -> StoreResult<Vec<ChatKey>> {
        let g = self.lock();
        let mut out: Vec<ChatKey> = g
            .roles
            .iter()
            .filter(|(_, r)| r.get(&user).is_some_and(|r| r.manages()))
            .map(|(c, _)| *c)
            .chain(g.admins.iter().filter(|(_, a)| a.contains(&user)).map(|(c, _)| *c))
            .collect();
        out.sort_unstable();
        out.dedup();
        Ok(out)
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
                if m.user_id != member.user_id && m.username.as_deref().map(normalise_username).as_deref() == Some(&u) {
                    m.username = None;
                }
            }
        }
        roster.insert(member.user_id, member.clone());
        Ok(())
    }

    async fn forget_member(&self, chat: ChatKey, user: UserKey) -> StoreResult<()> {
        if let Some(r) = self.lock().roster.get_mut(&chat) {
            r.remove(&user);
        }
        Ok(())
    }

    async fn member(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Member>> {
        Ok(self.lock().roster.get(&chat).and_then(|r| r.get(&user).cloned()))
    }

    async fn member_by_username(&self, chat: ChatKey, username: &str) -> StoreResult<Option<Member>> {
        let wanted = normalise_username(username);
        Ok(self.lock().roster.get(&chat).and_then(|r| {
            r.values().find(|m| m.username.as_deref().map(normalise_username).as_deref() == Some(&wanted)).cloned()
        }))
    }

    async fn members(&self, chat: ChatKey) -> StoreResult<Vec<Member>> {
        Ok(self.lock().roster.get(&chat).map(|r| r.values().cloned().collect()).unwrap_or_default())
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

#[async_trait]
impl OutboxStore for MemoryStore {
    async fn enqueue(&self, item: &OutboxItem, advance: Option<(&Counter, u64)>) -> StoreResult<Enqueued> {
        let mut g = self.lock();
        let now = Instant::now();
        if g.seen.get(&item.id).is_some_and(|exp| *exp > now) {
            return Ok(Enqueued::Duplicate);
        }
        if let Some((c, expected)) = advance {
            let slot = g.counters.entry((c.scope.clone(), c.field)).or_insert(0);
            if *slot != expected {
                return Ok(Enqueued::Conflict);
            }
            *slot += 1;
        }
        g.seen.insert(item.id.clone(), now + OUTBOX_DEDUP);
        g.queue.insert(item.id.clone(), item.clone());
        Ok(Enqueued::New)
    }

    async fn counter(&self, counter: &Counter) -> StoreResult<u64> {
        Ok(self.lock().counters.get(&(counter.scope.clone(), counter.field)).copied().unwrap_or(0))
    }

    async fn due(&self, now: DateTime<Utc>, limit: usize) -> StoreResult<Vec<OutboxItem>> {
        let g = self.lock();
        let t = Instant::now();
        let leased = |id: &str| g.leases.get(id).is_some_and(|(_, exp)| *exp > t);
        let mut items: Vec<OutboxItem> = g.queue.values().filter(|i| i.due <= now && !leased(&i.id)).cloned().collect();
        items.sort_by(|a, b| (a.due, &a.id).cmp(&(b.due, &b.id)));
        items.truncate(limit);
        Ok(items)
    }

    async fn next_due(&self) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(self.lock().queue.values().map(|i| i.due).min())
    }

    async fn lease(&self, id: &str, owner: &str, now: DateTime<Utc>, ttl: Duration) -> StoreResult<Option<OutboxItem>> {
        let mut g = self.lock();
        let t = Instant::now();
        let Some(item) = g.queue.get(id).filter(|i| i.due <= now).cloned() else { return Ok(None) };
        if g.leases.get(id).is_some_and(|(_, exp)| *exp > t) {
            return Ok(None);
        }
        if g.chat_leases.get(&item.chat).is_some_and(|(o, exp)| o != owner && *exp > t) {
            return Ok(None);
        }
        g.leases.insert(id.to_owned(), (owner.to_owned(), t + ttl));
        g.chat_leases.insert(item.chat, (owner.to_owned(), t + ttl));
        Ok(Some(item))
    }

    async fn renew(&self, id: &str, owner: &str, ttl: Duration) -> StoreResult<bool> {
        let mut g = self.lock();
        let t = Instant::now();
        match g.leases.get_mut(id) {
            Some((o, exp)) if o == owner && *exp > t => *exp = t + ttl,
            _ => return Ok(false),
        }
        if let Some(chat) = g.queue.get(id).map(|i| i.chat)
            && let Some((o, exp)) = g.chat_leases.get_mut(&chat)
            && o == owner
        {
            *exp = t + ttl;
        }
        Ok(true)
    }

    async fn complete(&self, id: &str, owner: &str) -> StoreResult<bool> {
        let mut g = self.lock();
        if held_by_other(&g, id, owner) {
            return Ok(false);
        }
        release_chat(&mut g, id, owner);
        g.leases.remove(id);
        Ok(g.queue.remove(id).is_some())
    }

    async fn reschedule(&self, item: &OutboxItem, owner: &str) -> StoreResult<bool> {
        let mut g = self.lock();
        if !g.queue.contains_key(&item.id) || held_by_other(&g, &item.id, owner) {
            return Ok(false);
        }
        release_chat(&mut g, &item.id, owner);
        g.queue.insert(item.id.clone(), item.clone());
        g.leases.remove(&item.id);
        Ok(true)
    }

    async fn release(&self, id: &str, owner: &str) -> StoreResult<()> {
        let mut g = self.lock();
        if g.leases.get(id).is_some_and(|(o, _)| o == owner) {
            g.leases.remove(id);
            release_chat(&mut g, id, owner);
        }
        Ok(())
    }

    async fn queued(&self) -> StoreResult<u64> {
        Ok(self.lock().queue.len() as u64)
    }

    async fn outbox_seen(&self, id: &str) -> StoreResult<bool> {
        Ok(self.lock().seen.get(id).is_some_and(|exp| *exp > Instant::now()))
    }
}

/// Ends `owner`'s hold on the chat of queued item `id`.
fn release_chat(g: &mut Inner, id: &str, owner: &str) {
    if let Some(chat) = g.queue.get(id).map(|i| i.chat)
        && g.chat_leases.get(&chat).is_some_and(|(o, _)| o == owner)
    {
        g.chat_leases.remove(&chat);
    }
}

/// Whether a live lease on `id` belongs to someone other than `owner`.
fn held_by_other(g: &Inner, id: &str, owner: &str) -> bool {
    g.leases.get(id).is_some_and(|(o, exp)| o != owner && *exp > Instant::now())
}

#[async_trait]
impl LessonStore for MemoryStore {
    async fn add_feedback(&self, chat: ChatKey, lesson: &str, kind: &str, user: UserKey) -> StoreResult<bool> {
        Ok(self.lock().feedback.entry(chat).or_default().insert((lesson.to_owned(), kind.to_owned(), user)))
    }

    async fn feedback_count(&self, chat: ChatKey, lesson: &str, kind: &str) -> StoreResult<u64> {
        let g = self.lock();
        Ok(g.feedback
            .get(&chat)
            .map(|f| f.iter().filter(|(l, k, _)| l == lesson && k == kind).count() as u64)
            .unwrap_or(0))
    }

    async fn log_lesson(&self, chat: ChatKey, lesson: &str, at: DateTime<Utc>) -> StoreResult<()> {
        self.lock().lessonlog.entry(chat).or_default().insert(lesson.to_owned(), at);
        Ok(())
    }

    async fn lesson_log(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<(String, DateTime<Utc>)>> {
        let g = self.lock();
        let mut out: Vec<(String, DateTime<Utc>)> =
            g.lessonlog.get(&chat).map(|l| l.iter().map(|(k, v)| (k.clone(), *v)).collect()).unwrap_or_default();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.truncate(limit);
        Ok(out)
    }

    async fn set_subscription(&self, user: UserKey, sub: Option<&Subscription>) -> StoreResult<()> {
        let mut g = self.lock();
        match sub {
            Some(s) => g.subs.insert(user, s.clone()),
            None => g.subs.remove(&user),
        };
        Ok(())
    }

    async fn subscription(&self, user: UserKey) -> StoreResult<Option<Subscription>> {
        Ok(self.lock().subs.get(&user).cloned())
    }

    async fn subscriptions(&self) -> StoreResult<Vec<(UserKey, Subscription)>> {
        Ok(self.lock().subs.iter().map(|(k, v)| (*k, v.clone())).collect())
    }
}

#[async_trait]
impl ModerationStore for MemoryStore {
    async fn put_flag(&self, chat: ChatKey, flag: &Flag) -> StoreResult<()> {
        let mut g = self.lock();
        let now = Instant::now();
        // Expired excerpts leave memory too, not only the answers.
        if g.flags.len() > 10_000 {
            g.flags.retain(|_, (_, exp)| *exp > now);
            g.excerpts.retain(|_, (_, exp)| *exp > now);
        }
        g.flags.insert((chat, flag.message_id), (flag.clone(), now + EXCERPT_TTL));
        Ok(())
    }

    async fn flag(&self, chat: ChatKey, message_id: i32) -> StoreResult<Option<Flag>> {
        let g = self.lock();
        Ok(g.flags.get(&(chat, message_id)).filter(|(_, exp)| *exp > Instant::now()).map(|(f, _)| f.clone()))
    }

    async fn log_moderation(&self, chat: ChatKey, entry: &ModEntry, excerpt: Option<&str>) -> StoreResult<()> {
        let mut g = self.lock();
        let mut e = entry.clone();
        e.excerpt = None;
        let log = g.modlog.entry(chat).or_default();
        log.push(e);
        if log.len() > 300 {
            log.remove(0);
        }
        if let Some(x) = excerpt {
            g.excerpts.insert((chat, entry.message_id), (x.to_owned(), Instant::now() + EXCERPT_TTL));
        }
        Ok(())
    }

    async fn moderation_log(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<ModEntry>> {
        let g = self.lock();
        let now = Instant::now();
        Ok(g.modlog
            .get(&chat)
            .map(|l| {
                l.iter()
                    .rev()
                    .take(limit)
                    .map(|e| {
                        let mut e = e.clone();
                        e.excerpt =
                            g.excerpts.get(&(chat, e.message_id)).filter(|(_, exp)| *exp > now).map(|(x, _)| x.clone());
                        e
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    async fn allow(&self, chat: ChatKey, fingerprint: u64) -> StoreResult<()> {
        self.lock().allow.entry(chat).or_default().insert(fingerprint);
        self.note(&format!("k:{chat}"));
        Ok(())
    }

    async fn allow_list(&self, chat: ChatKey) -> StoreResult<Vec<u64>> {
        Ok(self.lock().allow.get(&chat).map(|a| a.iter().copied().collect()).unwrap_or_default())
    }

    async fn add_sample(&self, chat: ChatKey, sample: &super::GroupSample) -> StoreResult<()> {
        let mut g = self.lock();
        let list = g.samples.entry(chat).or_default();
        list.push_back(sample.clone());
        while list.len() > crate::policy::group::MAX_SAMPLES {
            list.pop_front();
        }
        drop(g);
        self.note(&format!("k:{chat}"));
        Ok(())
    }

    async fn samples(&self, chat: ChatKey) -> StoreResult<Vec<super::GroupSample>> {
        Ok(self.lock().samples.get(&chat).map(|l| l.iter().cloned().collect()).unwrap_or_default())
    }

    async fn add_warning(&self, chat: ChatKey, user: UserKey) -> StoreResult<u64> {
        let mut g = self.lock();
        let n = g.warns.entry((chat, user)).or_insert(0);
        *n += 1;
        Ok(*n)
    }

    async fn reset_warnings(&self, chat: ChatKey, user: UserKey) -> StoreResult<()> {
        self.lock().warns.remove(&(chat, user));
        Ok(())
    }
}

#[async_trait]
impl NoticeStore for MemoryStore {
    async fn put_notice(&self, chat: ChatKey, notice: &Notice) -> StoreResult<()> {
        self.lock().notices.entry(chat).or_default().insert(notice.id.clone(), notice.clone());
        Ok(())
    }

    async fn notice(&self, chat: ChatKey, id: &str) -> StoreResult<Option<Notice>> {
        Ok(self.lock().notices.get(&chat).and_then(|n| n.get(id).cloned()))
    }

    async fn notice_by_message(&self, chat: ChatKey, message_id: i32) -> StoreResult<Option<Notice>> {
        Ok(self.lock().notices.get(&chat).and_then(|n| n.values().find(|x| x.message_id == Some(message_id)).cloned()))
    }

    async fn recent_notices(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<Notice>> {
        let g = self.lock();
        let mut out: Vec<Notice> = g.notices.get(&chat).map(|n| n.values().cloned().collect()).unwrap_or_default();
        out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
        out.truncate(limit);
        Ok(out)
    }

    async fn ack(&self, chat: ChatKey, notice: &str, user: UserKey) -> StoreResult<bool> {
        Ok(self.lock().acks.entry(chat).or_default().insert((notice.to_owned(), user)))
    }

    async fn acks(&self, chat: ChatKey, notice: &str) -> StoreResult<Vec<UserKey>> {
        let g = self.lock();
        Ok(g.acks
            .get(&chat)
            .map(|a| a.iter().filter(|(n, _)| n == notice).map(|(_, u)| *u).collect())
            .unwrap_or_default())
    }
}

#[async_trait]
impl BroadcastStore for MemoryStore {
    async fn put_broadcast(&self, b: &Broadcast) -> StoreResult<()> {
        self.lock().broadcasts.insert(b.id.clone(), b.clone());
        Ok(())
    }

    async fn broadcast(&self, id: &str) -> StoreResult<Option<Broadcast>> {
        Ok(self.lock().broadcasts.get(id).cloned())
    }

    async fn confirmed_broadcasts(&self) -> StoreResult<Vec<Broadcast>> {
        Ok(self.lock().broadcasts.values().filter(|b| b.state == "confirmed").cloned().collect())
    }
}

#[async_trait]
impl Coordination for MemoryStore {
    fn send_limiter(&self, limits: crate::jobs::ratelimit::Limits) -> Arc<dyn crate::jobs::limiter::SendLimiter> {
        self.limiter.get_or_init(|| Arc::new(crate::jobs::limiter::MemoryLimiter::new(limits))).clone()
    }

    async fn ping(&self) -> StoreResult<()> {
        Ok(())
    }

    async fn publish_change(&self, change: &str) -> StoreResult<()> {
        self.note(change);
        Ok(())
    }

    async fn changes_since(&self, cursor: Option<&str>) -> StoreResult<(Vec<String>, String)> {
        let g = self.lock();
        let now = g.next_change.to_string();
        let Some(after) = cursor.and_then(|c| c.parse::<u64>().ok()) else { return Ok((Vec::new(), now)) };
        Ok((g.changes.iter().filter(|(seq, _)| *seq > after).map(|(_, c)| c.clone()).collect(), now))
    }
}

#[async_trait]
impl PeopleStore for MemoryStore {
    async fn profile(&self, user: UserKey) -> StoreResult<Option<Profile>> {
        Ok(self.lock().profiles.get(&user).cloned())
    }

    async fn put_profile(&self, user: UserKey, profile: &Profile) -> StoreResult<()> {
        self.lock().profiles.insert(user, profile.clone());
        Ok(())
    }

    async fn reminding_users(&self) -> StoreResult<Vec<UserKey>> {
        let g = self.lock();
        let mut out: Vec<UserKey> =
            g.profiles.iter().filter(|(_, p)| !p.reminders.is_empty()).map(|(u, _)| *u).collect();
        out.sort_unstable();
        Ok(out)
    }

    async fn member_groups(&self, user: UserKey) -> StoreResult<Vec<ChatKey>> {
        let g = self.lock();
        let mut out: Vec<ChatKey> = g.roster.iter().filter(|(_, r)| r.contains_key(&user)).map(|(c, _)| *c).collect();
        out.sort_unstable();
        Ok(out)
    }

    async fn check_in(
        &self,
        chat: ChatKey,
        user: UserKey,
        kind: &str,
        date: chrono::NaiveDate,
    ) -> StoreResult<Option<u64>> {
        let mut g = self.lock();
        let key = (chat, date, kind.to_owned());
        if !g.checkins.entry(key.clone()).or_default().insert(user) {
            return Ok(None);
        }
        // The anonymous total is kept apart from who (as in Redis): forgetting a person keeps it.
        let n = g.checkin_totals.entry(key).or_default();
        *n += 1;
        Ok(Some(*n))
    }

    async fn checkin_counts(
        &self,
        chat: ChatKey,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> StoreResult<Vec<(chrono::NaiveDate, String, u64)>> {
        let g = self.lock();
        let mut out: Vec<_> = g
            .checkin_totals
            .iter()
            .filter(|((c, d, _), _)| *c == chat && (from..=to).contains(d))
            .map(|((_, d, k), n)| (*d, k.clone(), *n))
            .collect();
        out.sort();
        Ok(out)
    }

    async fn user_checkins(
        &self,
        user: UserKey,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> StoreResult<Vec<(chrono::NaiveDate, ChatKey, String)>> {
        let g = self.lock();
        let mut out: Vec<_> = g
            .checkins
            .iter()
            .filter(|((_, d, _), users)| (from..=to).contains(d) && users.contains(&user))
            .map(|((c, d, k), _)| (*d, *c, k.clone()))
            .collect();
        out.sort();
        Ok(out)
    }

    async fn put_ask(&self, ask: &Ask) -> StoreResult<()> {
        self.lock().asks.insert((ask.chat, ask.id.clone()), ask.clone());
        Ok(())
    }

    async fn ask(&self, chat: ChatKey, id: &str) -> StoreResult<Option<Ask>> {
        Ok(self.lock().asks.get(&(chat, id.to_owned())).cloned())
    }

    async fn asks_by(&self, chat: ChatKey, parent: UserKey) -> StoreResult<Vec<Ask>> {
        let mut out: Vec<Ask> =
            self.lock().asks.values().filter(|a| a.chat == chat && a.parent == parent).cloned().collect();
        out.sort_by_key(|a| a.at);
        Ok(out)
    }

    async fn link_ask_message(&self, teacher: UserKey, message_id: i32, chat: ChatKey, id: &str) -> StoreResult<()> {
        self.lock().ask_messages.insert((teacher, message_id), (chat, id.to_owned()));
        Ok(())
    }

    async fn ask_for_message(&self, teacher: UserKey, message_id: i32) -> StoreResult<Option<(ChatKey, String)>> {
        Ok(self.lock().ask_messages.get(&(teacher, message_id)).cloned())
    }

    async fn count_ask(&self, chat: ChatKey, parent: UserKey, date: chrono::NaiveDate) -> StoreResult<u64> {
        let mut g = self.lock();
        let n = g.ask_counts.entry((chat, parent, date)).or_insert(0);
        *n += 1;
        Ok(*n)
    }

    async fn mute_asks(&self, chat: ChatKey, parent: UserKey, until: Option<DateTime<Utc>>) -> StoreResult<()> {
        let mut g = self.lock();
        match until {
            Some(t) => g.ask_mutes.insert((chat, parent), t),
            None => g.ask_mutes.remove(&(chat, parent)),
        };
        Ok(())
    }

    async fn asks_muted_until(&self, chat: ChatKey, parent: UserKey) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(self.lock().ask_mutes.get(&(chat, parent)).copied())
    }

    async fn set_pending(&self, user: UserKey, pending: Option<&str>, ttl: Duration) -> StoreResult<()> {
        let mut g = self.lock();
        match pending {
            Some(p) => g.pending.insert(user, (p.to_owned(), Instant::now() + ttl)),
            None => g.pending.remove(&user),
        };
        Ok(())
    }

    async fn pending(&self, user: UserKey) -> StoreResult<Option<String>> {
        Ok(self.lock().pending.get(&user).filter(|(_, exp)| *exp > Instant::now()).map(|(p, _)| p.clone()))
    }

    async fn forget_user(&self, user: UserKey) -> StoreResult<Vec<(&'static str, u64)>> {
        let mut g = self.lock();
        let profile = g.profiles.remove(&user).is_some() as u64 + g.pending.remove(&user).is_some() as u64;
        let subscription = g.subs.remove(&user).is_some() as u64;
        let mut rosters = 0;
        for r in g.roster.values_mut() {
            rosters += r.remove(&user).is_some() as u64;
        }
        let mut roles = 0;
        for r in g.roles.values_mut() {
            roles += r.remove(&user).is_some() as u64;
        }
        for a in g.admins.values_mut() {
            roles += a.remove(&user) as u64;
        }
        let mut acks = 0;
        for a in g.acks.values_mut() {
            let before = a.len();
            a.retain(|(_, u)| *u != user);
            acks += (before - a.len()) as u64;
        }
        let mut checkins = 0;
        for c in g.checkins.values_mut() {
            checkins += c.remove(&user) as u64;
        }
        // Their private chat: private check-in totals and anything queued for them.
        let own = user as ChatKey;
        g.checkins.retain(|(c, _, _), _| *c != own);
        g.checkin_totals.retain(|(c, _, _), _| *c != own);
        g.queue.retain(|_, i| i.chat != own);
        let before = g.asks.len();
        g.asks.retain(|_, a| a.parent != user);
        let asks = (before - g.asks.len()) as u64;
        g.ask_messages.retain(|(t, _), _| *t != user);
        g.ask_counts.retain(|(_, p, _), _| *p != user);
        g.ask_mutes.retain(|(_, p), _| *p != user);
        let before = g.flags.len() + g.warns.len();
        let flagged: Vec<(ChatKey, i32)> =
            g.flags.iter().filter(|(_, (f, _))| f.sender == Some(user)).map(|(k, _)| *k).collect();
        for k in &flagged {
            g.flags.remove(k);
            g.excerpts.remove(k);
        }
        g.warns.retain(|(_, u), _| *u != user);
        let mut moderation = (before - (g.flags.len() + g.warns.len())) as u64;
        for log in g.modlog.values_mut() {
            let before = log.len();
            log.retain(|e| e.sender != Some(user));
            moderation += (before - log.len()) as u64;
        }
        Ok(vec![
            ("profile", profile),
            ("subscription", subscription),
            ("rosters", rosters),
            ("roles", roles),
            ("acks", acks),
            ("checkins", checkins),
            ("asks", asks),
            ("moderation", moderation),
        ])
    }
}

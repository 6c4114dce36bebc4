//! One sending budget for the whole bot, however many copies run.
//!
//! Telegram's limits are per bot, not per process: about 30 messages a second overall, 20 a minute in
//! one group, one a second in one private chat (and, for paid broadcasts, up to 1,000 a second
//! overall). [`SendLimiter`] hands out slots within them: [`MemoryLimiter`] in one process (no
//! Redis), [`RedisLimiter`] shared by every copy through one Lua script over sliding windows kept in
//! Redis. When Telegram still answers `429 retry_after`, [`SendLimiter::pause`] holds that chat (or,
//! for a bot-wide flood, all sending) for as long as Telegram asked, in every copy.

use super::ratelimit::{Limits, RateLimiter};
use crate::model::ChatKey;
use async_trait::async_trait;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Which overall budget a message draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// The free ~30 messages a second.
    Free,
    /// A paid broadcast (`allow_paid_broadcast`): up to [`Limits::paid_per_sec`] a second.
    Paid,
}

#[async_trait]
pub trait SendLimiter: Send + Sync {
    /// Takes a slot for one message to `chat` now, or says how long until one may be free.
    async fn try_acquire(&self, chat: ChatKey, budget: Budget) -> Result<(), Duration>;
    /// Telegram answered 429: hold `chat` (or, with `None`, all sending) for `wait`.
    async fn pause(&self, chat: Option<ChatKey>, wait: Duration);
    /// Telegram answered 429 to a send into `chat`: holds that chat for `wait`, and all sending as
    /// well when the chat's own window still had room, since the limit Telegram enforced can then
    /// only be the bot-wide one (a broadcast's requests that reach Telegram bunched together, say).
    /// Holding only the chat would let every other send run into the same full window, one 429 each.
    async fn too_many_requests(&self, chat: ChatKey, wait: Duration);
    /// Waits until a slot is free and takes it; returns how long it waited.
    async fn acquire(&self, chat: ChatKey, budget: Budget) -> Duration {
        let mut waited = Duration::ZERO;
        loop {
            match self.try_acquire(chat, budget).await {
                Ok(()) => return waited,
                Err(w) => {
                    let w = w.max(Duration::from_millis(5));
                    waited += w;
                    tokio::time::sleep(w).await;
                }
            }
        }
    }

    /// Like [`SendLimiter::acquire`], but gives up (with how much longer it would take) when the
    /// wait would pass `max`.
    async fn acquire_within(&self, chat: ChatKey, budget: Budget, max: Duration) -> Result<Duration, Duration> {
        let mut waited = Duration::ZERO;
        loop {
            match self.try_acquire(chat, budget).await {
                Ok(()) => return Ok(waited),
                Err(w) if waited + w > max => return Err(w),
                Err(w) => {
                    let w = w.max(Duration::from_millis(5));
                    waited += w;
                    tokio::time::sleep(w).await;
                }
            }
        }
    }
}

/// Slots within one process.
pub struct MemoryLimiter {
    free: Mutex<RateLimiter>,
    paid: Mutex<RateLimiter>,
    pauses: Mutex<HashMap<Option<ChatKey>, Instant>>,
}

impl MemoryLimiter {
    pub fn new(limits: Limits) -> MemoryLimiter {
        let paid = Limits { global_per_sec: limits.paid_per_sec, ..limits };
        MemoryLimiter {
            free: Mutex::new(RateLimiter::new(limits)),
            paid: Mutex::new(RateLimiter::new(paid)),
            pauses: Mutex::new(HashMap::new()),
        }
    }

    fn paused(&self, chat: ChatKey, now: Instant) -> Option<Duration> {
        let mut pauses = self.pauses.lock().unwrap_or_else(|e| e.into_inner());
        pauses.retain(|_, until| *until > now);
        [None, Some(chat)].iter().filter_map(|k| pauses.get(k)).map(|until| *until - now).max()
    }
}

#[async_trait]
impl SendLimiter for MemoryLimiter {
    async fn try_acquire(&self, chat: ChatKey, budget: Budget) -> Result<(), Duration> {
        let now = Instant::now();
        if let Some(w) = self.paused(chat, now) {
            return Err(w);
        }
        let limiter = match budget {
            Budget::Free => &self.free,
            Budget::Paid => &self.paid,
        };
        limiter.lock().unwrap_or_else(|e| e.into_inner()).try_send(chat, now)
    }

    async fn pause(&self, chat: Option<ChatKey>, wait: Duration) {
        let until = Instant::now() + wait;
        let mut pauses = self.pauses.lock().unwrap_or_else(|e| e.into_inner());
        let slot = pauses.entry(chat).or_insert(until);
        *slot = (*slot).max(until);
    }

    async fn too_many_requests(&self, chat: ChatKey, wait: Duration) {
        let now = Instant::now();
        // Each budget keeps the windows of the chats it sent to; the chat has room if it has in both.
        let room = [&self.free, &self.paid]
            .iter()
            .all(|l| l.lock().unwrap_or_else(|e| e.into_inner()).chat_has_room(chat, now));
        self.pause(Some(chat), wait).await;
        if room {
            self.pause(None, wait).await;
        }
    }
}

/// Slots shared by every copy through Redis. All keys carry the hash tag `{rl}`, so that the script
/// that checks and takes a slot works on one Redis Cluster node. While Redis cannot be reached, each
/// copy falls back to a budget of its own with a third of the overall limits (the per-chat limits
/// unchanged), so that moderation cards and replies still go out without flooding Telegram.
pub struct RedisLimiter {
    conn: crate::store::RedisConn,
    prefix: String,
    limits: Limits,
    fallback: MemoryLimiter,
    degraded: std::sync::atomic::AtomicBool,
}

/// Checks the pauses, then the overall window and the chat's window (sliding logs of send times in
/// sorted sets); takes a slot in both or returns how many milliseconds to wait. Time comes from the
/// Redis server, so every copy measures the same windows.
const ACQUIRE: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i = 3, 4 do
  local p = redis.call('PTTL', KEYS[i])
  if p > wait then wait = p end
end
if wait > 0 then return wait end
local function room(key, span, max)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - span)
  local n = redis.call('ZCARD', key)
  if n < max then return 0 end
  local oldest = redis.call('ZRANGE', key, n - max, n - max, 'WITHSCORES')
  return tonumber(oldest[2]) + span - now
end
local w1 = room(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]))
local w2 = room(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]))
if w1 > 0 or w2 > 0 then return math.max(w1, w2, 1) end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 0
"#;

impl RedisLimiter {
    pub fn new(conn: crate::store::RedisConn, prefix: &str, limits: Limits) -> RedisLimiter {
        let share = Limits {
            global_per_sec: (limits.global_per_sec / 3).max(1),
            paid_per_sec: (limits.paid_per_sec / 3).max(1),
            ..limits
        };
        RedisLimiter {
            conn,
            prefix: prefix.to_owned(),
            limits,
            fallback: MemoryLimiter::new(share),
            degraded: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Notes whether Redis answered; logs only the changes.
    fn redis_answered(&self, ok: bool, error: Option<&redis::RedisError>) {
        use std::sync::atomic::Ordering;
        let was_degraded = self.degraded.swap(!ok, Ordering::Relaxed);
        match (was_degraded, ok) {
            (false, false) => {
                tracing::warn!(error = ?error.map(|e| e.to_string()), "shared rate limiter unavailable; this copy uses a budget of its own")
            }
            (true, true) => tracing::info!("shared rate limiter back"),
            _ => {}
        }
    }

    fn key(&self, rest: std::fmt::Arguments<'_>) -> String {
        format!("{}{{rl}}:{}", self.prefix, rest)
    }
}

#[async_trait]
impl SendLimiter for RedisLimiter {
    async fn try_acquire(&self, chat: ChatKey, budget: Budget) -> Result<(), Duration> {
        let (overall, per_sec) = match budget {
            Budget::Free => (self.key(format_args!("all")), self.limits.global_per_sec),
            Budget::Paid => (self.key(format_args!("paid")), self.limits.paid_per_sec),
        };
        let (span, max) = super::ratelimit::window(chat, &self.limits);
        let nonce = format!("{:x}", rand_u64());
        let keys = [
            overall,
            self.key(format_args!("chat:{chat}")),
            self.key(format_args!("pause:all")),
            self.key(format_args!("pause:{chat}")),
        ];
        static SCRIPT: std::sync::LazyLock<redis::Script> = std::sync::LazyLock::new(|| redis::Script::new(ACQUIRE));
        let result: redis::RedisResult<i64> = SCRIPT
            .key(&keys[..])
            .arg(super::ratelimit::SECOND.as_millis() as u64)
            .arg(per_sec)
            .arg(span.as_millis() as u64)
            .arg(max)
            .arg(nonce)
            .invoke_async(&mut self.conn.clone())
            .await;
        match result {
            Ok(ms) => {
                self.redis_answered(true, None);
                if ms == 0 { Ok(()) } else { Err(Duration::from_millis(ms.max(1) as u64)) }
            }
            Err(e) => {
                crate::metrics::redis_error();
                self.redis_answered(false, Some(&e));
                self.fallback.try_acquire(chat, budget).await
            }
        }
    }

    async fn pause(&self, chat: Option<ChatKey>, wait: Duration) {
        let key = match chat {
            Some(c) => self.key(format_args!("pause:{c}")),
            None => self.key(format_args!("pause:all")),
        };
        self.fallback.pause(chat, wait).await;
        self.share_pause(PAUSE.key(key).arg(wait.as_millis().max(1) as u64)).await;
    }

    async fn too_many_requests(&self, chat: ChatKey, wait: Duration) {
        let (span, max) = super::ratelimit::window(chat, &self.limits);
        self.fallback.too_many_requests(chat, wait).await;
        let keys = [
            self.key(format_args!("pause:{chat}")),
            self.key(format_args!("chat:{chat}")),
            self.key(format_args!("pause:all")),
        ];
        self.share_pause(
            PAUSE.key(&keys[..]).arg(wait.as_millis().max(1) as u64).arg(span.as_millis() as u64).arg(max),
        )
        .await;
    }
}

/// Sets the pause `KEYS[1]` for `ARGV[1]` ms, keeping a longer one already set. With `KEYS[2]` (a
/// chat's window, `ARGV[2]` ms long, `ARGV[3]` sends) and `KEYS[3]` (the overall pause): sets that
/// one as well when the chat's window has room.
static PAUSE: std::sync::LazyLock<redis::Script> = std::sync::LazyLock::new(|| {
    redis::Script::new(
        r#"
local ms = tonumber(ARGV[1])
local function hold(key)
  if redis.call('PTTL', key) < ms then redis.call('SET', key, 1, 'PX', ms) end
end
hold(KEYS[1])
if #KEYS < 3 then return 1 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[2]) < tonumber(ARGV[3]) then
  hold(KEYS[3])
  return 2
end
return 1
"#,
    )
});

impl RedisLimiter {
    async fn share_pause(&self, invocation: &mut redis::ScriptInvocation<'_>) {
        if let Err(e) = invocation.invoke_async::<i64>(&mut self.conn.clone()).await {
            crate::metrics::redis_error();
            tracing::warn!(error = %e, "could not share a 429 pause");
        }
    }
}

/// A random number for unique set members (no need for a crypto generator).
pub fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_limiter_pauses_a_chat_or_everything() {
        let l = MemoryLimiter::new(Limits::default());
        assert!(l.try_acquire(-1, Budget::Free).await.is_ok());
        l.pause(Some(-1), Duration::from_secs(5)).await;
        let w = l.try_acquire(-1, Budget::Free).await.unwrap_err();
        assert!(w > Duration::from_secs(4), "{w:?}");
        assert!(l.try_acquire(-2, Budget::Free).await.is_ok(), "other chats go on");
        l.pause(None, Duration::from_secs(3)).await;
        assert!(l.try_acquire(-3, Budget::Free).await.is_err(), "a bot-wide pause holds everyone");
    }

    #[tokio::test]
    async fn a_429_with_room_in_the_chats_window_holds_all_sending() {
        let l = MemoryLimiter::new(Limits::default());
        assert!(l.try_acquire(-1, Budget::Free).await.is_ok());
        l.too_many_requests(-1, Duration::from_secs(2)).await;
        assert!(l.try_acquire(-2, Budget::Free).await.is_err(), "one send in a group: the limit hit was bot-wide");
        let l = MemoryLimiter::new(Limits::default());
        for _ in 0..20 {
            assert!(l.try_acquire(-1, Budget::Free).await.is_ok());
        }
        l.too_many_requests(-1, Duration::from_secs(2)).await;
        assert!(l.try_acquire(-1, Budget::Free).await.is_err(), "the full group waits");
        assert!(l.try_acquire(-2, Budget::Free).await.is_ok(), "the others go on");
    }

    #[tokio::test]
    async fn paid_budget_is_separate_and_larger() {
        let l = MemoryLimiter::new(Limits::default());
        for chat in 1..=30 {
            assert!(l.try_acquire(-chat, Budget::Free).await.is_ok());
        }
        assert!(l.try_acquire(-31, Budget::Free).await.is_err());
        for chat in 31..=300 {
            assert!(l.try_acquire(-chat, Budget::Paid).await.is_ok(), "paid sends use their own budget");
        }
    }
}

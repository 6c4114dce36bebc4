//! Telegram's sending limits as sliding windows: about 30 messages a second overall, 20 a minute in
//! one group, one a second in one private chat (and up to 1,000 a second overall for paid
//! broadcasts). Pure: the caller passes "now". [`super::limiter`] shares them between copies.

use crate::model::ChatKey;
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub global_per_sec: usize,
    pub group_per_min: usize,
    pub private_per_sec: usize,
    /// Overall limit for paid broadcasts (`allow_paid_broadcast`); the per-chat limits still hold.
    pub paid_per_sec: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { global_per_sec: 30, group_per_min: 20, private_per_sec: 1, paid_per_sec: 1000 }
    }
}

#[derive(Debug, Default)]
pub struct RateLimiter {
    limits: Limits,
    global: VecDeque<Instant>,
    chats: HashMap<ChatKey, VecDeque<Instant>>,
}

/// Windows are a little longer than Telegram's, so that a request that leaves here just as a window
/// ends still arrives inside the next one.
pub(crate) const SECOND: Duration = Duration::from_millis(1_050);
const MINUTE: Duration = Duration::from_millis(60_500);

pub(crate) fn window(chat: ChatKey, limits: &Limits) -> (Duration, usize) {
    if chat < 0 { (MINUTE, limits.group_per_min) } else { (SECOND, limits.private_per_sec) }
}

/// How long until a window with `max` sends in the last `span` has room.
fn wait(q: &mut VecDeque<Instant>, span: Duration, max: usize, now: Instant) -> Duration {
    while q.front().is_some_and(|t| now.duration_since(*t) >= span) {
        q.pop_front();
    }
    if q.len() < max { Duration::ZERO } else { span - now.duration_since(q[q.len() - max]) }
}

impl RateLimiter {
    pub fn new(limits: Limits) -> RateLimiter {
        RateLimiter { limits, ..Default::default() }
    }

    /// Whether `chat`'s own window has room for another send at `now` (the overall one aside).
    pub fn chat_has_room(&mut self, chat: ChatKey, now: Instant) -> bool {
        let (span, max) = window(chat, &self.limits);
        self.chats.get_mut(&chat).is_none_or(|q| wait(q, span, max, now).is_zero())
    }

    /// Records a send to `chat` at `now` if the limits allow it; otherwise says how long to wait.
    pub fn try_send(&mut self, chat: ChatKey, now: Instant) -> Result<(), Duration> {
        let (span, max) = window(chat, &self.limits);
        let chat_q = self.chats.entry(chat).or_default();
        let chat_wait = wait(chat_q, span, max, now);
        let global_wait = wait(&mut self.global, SECOND, self.limits.global_per_sec, now);
        let w = chat_wait.max(global_wait);
        if !w.is_zero() {
            return Err(w);
        }
        chat_q.push_back(now);
        self.global.push_back(now);
        if self.chats.len() > 10_000 {
            self.chats.retain(|c, q| {
                !q.is_empty() && now.duration_since(*q.back().expect("non-empty")) < window(*c, &Limits::default()).0
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_gets_twenty_a_minute() {
        let mut r = RateLimiter::new(Limits::default());
        let t0 = Instant::now();
        for i in 0..20 {
            assert_eq!(r.try_send(-1, t0 + Duration::from_millis(i * 100)), Ok(()));
        }
        let w = r.try_send(-1, t0 + Duration::from_secs(3)).unwrap_err();
        assert_eq!(w, MINUTE - Duration::from_secs(3));
        assert_eq!(r.try_send(-2, t0 + Duration::from_secs(3)), Ok(()), "other groups are not held up");
        assert!(r.try_send(-1, t0 + Duration::from_secs(60)).is_err(), "a safety margin past the minute");
        assert_eq!(r.try_send(-1, t0 + MINUTE), Ok(()));
    }

    #[test]
    fn thirty_a_second_overall_and_one_a_second_privately() {
        let mut r = RateLimiter::new(Limits::default());
        let t0 = Instant::now();
        for chat in 1..=30 {
            assert_eq!(r.try_send(chat, t0), Ok(()));
        }
        assert_eq!(r.try_send(31, t0), Err(SECOND));
        assert_eq!(r.try_send(1, t0 + Duration::from_millis(500)), Err(SECOND - Duration::from_millis(500)));
        assert_eq!(r.try_send(31, t0 + SECOND), Ok(()));
    }
}

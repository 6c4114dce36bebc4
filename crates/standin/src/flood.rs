//! Telegram's flood control, modelled with sliding windows: at most
//! `global_per_sec` sends in any 1 s over all chats, `per_group_per_min` in
//! any 60 s into one group, `per_private_per_sec` in any 1 s into one private
//! chat. Paid broadcasts (sends with `allow_paid_broadcast: true`) count in
//! an overall window of their own, `paid_per_sec` in any 1 s, instead of the
//! free one; the per-chat windows are shared by paid and free sends. A send
//! over a limit is refused with the seconds until the window has room again
//! (Telegram's `retry_after`); refused sends do not count.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use super::types::FloodLimits;

const SEC: Duration = Duration::from_secs(1);
const MIN: Duration = Duration::from_secs(60);

#[derive(Debug)]
pub(crate) struct Flood {
    limits: FloodLimits,
    /// Free sends over all chats.
    global: VecDeque<Instant>,
    /// Paid broadcasts over all chats.
    paid: VecDeque<Instant>,
    per_chat: HashMap<i64, VecDeque<Instant>>,
}

impl Flood {
    pub(crate) fn new(limits: FloodLimits) -> Flood {
        Flood { limits, global: VecDeque::new(), paid: VecDeque::new(), per_chat: HashMap::new() }
    }

    /// Records a send into `chat_id` at `now` (a paid broadcast when `paid`),
    /// or refuses it with `Err(retry_after_seconds)` (at least 1).
    pub(crate) fn check(&mut self, chat_id: i64, private: bool, paid: bool, now: Instant) -> Result<(), u32> {
        let (chat_limit, chat_window) =
            if private { (self.limits.per_private_per_sec, SEC) } else { (self.limits.per_group_per_min, MIN) };
        let (overall, overall_limit) = if paid {
            (&mut self.paid, self.limits.paid_per_sec)
        } else {
            (&mut self.global, self.limits.global_per_sec)
        };
        prune(overall, now, SEC);
        let chat = self.per_chat.entry(chat_id).or_default();
        prune(chat, now, chat_window);

        let mut wait = Duration::ZERO;
        if overall.len() >= overall_limit as usize {
            wait = wait.max(room_in(overall, overall_limit, now, SEC));
        }
        if chat.len() >= chat_limit as usize {
            wait = wait.max(room_in(chat, chat_limit, now, chat_window));
        }
        if wait > Duration::ZERO || overall_limit == 0 || chat_limit == 0 {
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            return Err(secs.max(1).min(u64::from(u32::MAX)) as u32);
        }
        overall.push_back(now);
        chat.push_back(now);
        Ok(())
    }
}

fn prune(q: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
        q.pop_front();
    }
}

/// How long until the window holds fewer than `limit` entries.
fn room_in(q: &VecDeque<Instant>, limit: u32, now: Instant, window: Duration) -> Duration {
    // The entry that has to leave is the (len - limit)th oldest.
    let idx = q.len().saturating_sub(limit as usize);
    match q.get(idx) {
        Some(t) => window.saturating_sub(now.duration_since(*t)),
        None => Duration::ZERO,
    }
    .max(Duration::from_millis(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> FloodLimits {
        FloodLimits::default()
    }

    #[test]
    fn private_chat_one_per_second() {
        let mut f = Flood::new(limits());
        let t0 = Instant::now();
        assert_eq!(f.check(1, true, false, t0), Ok(()));
        assert_eq!(f.check(1, true, false, t0 + Duration::from_millis(300)), Err(1));
        // another private chat is independent
        assert_eq!(f.check(2, true, false, t0 + Duration::from_millis(300)), Ok(()));
        assert_eq!(f.check(1, true, false, t0 + Duration::from_millis(1000)), Ok(()));
    }

    #[test]
    fn group_twenty_per_minute_with_retry_after() {
        let mut f = Flood::new(limits());
        let t0 = Instant::now();
        for i in 0..20 {
            assert_eq!(f.check(-5, false, false, t0 + Duration::from_secs(i)), Ok(()));
        }
        // 21st at t0+20s: oldest (t0) leaves at t0+60s → 40 s
        assert_eq!(f.check(-5, false, false, t0 + Duration::from_secs(20)), Err(40));
        assert_eq!(f.check(-5, false, false, t0 + Duration::from_secs(60)), Ok(()));
    }

    #[test]
    fn global_thirty_per_second() {
        let mut f = Flood::new(limits());
        let t0 = Instant::now();
        for chat in 0..30 {
            assert_eq!(f.check(chat, true, false, t0), Ok(()));
        }
        assert_eq!(f.check(99, true, false, t0), Err(1));
        assert_eq!(f.check(99, true, false, t0 + SEC), Ok(()));
    }

    #[test]
    fn refused_sends_do_not_count() {
        let mut f = Flood::new(limits());
        let t0 = Instant::now();
        assert!(f.check(1, true, false, t0).is_ok());
        for i in 1..10 {
            assert!(f.check(1, true, false, t0 + Duration::from_millis(i * 50)).is_err());
        }
        assert!(f.check(1, true, false, t0 + SEC).is_ok());
    }

    #[test]
    fn paid_broadcasts_have_their_own_overall_window() {
        let mut f = Flood::new(limits());
        let t0 = Instant::now();
        for chat in 0..1000 {
            assert_eq!(f.check(-chat - 1, false, true, t0), Ok(()), "paid send {chat}");
        }
        assert_eq!(f.check(-5000, false, true, t0 + Duration::from_millis(999)), Err(1));
        // the free window is untouched by paid sends ...
        for chat in 0..30 {
            assert_eq!(f.check(10_000 + chat, true, false, t0), Ok(()));
        }
        assert_eq!(f.check(20_000, true, false, t0), Err(1));
        // ... and a second later both have room again
        assert_eq!(f.check(-5000, false, true, t0 + SEC), Ok(()));
        assert_eq!(f.check(20_000, true, false, t0 + SEC), Ok(()));
    }

    #[test]
    fn paid_broadcasts_still_respect_per_chat_limits() {
        let mut f = Flood::new(limits());
        let t0 = Instant::now();
        for i in 0..20 {
            assert_eq!(f.check(-5, false, false, t0 + Duration::from_secs(i)), Ok(()));
        }
        assert_eq!(f.check(-5, false, true, t0 + Duration::from_secs(30)), Err(30));
        assert_eq!(f.check(7, true, true, t0), Ok(()));
        assert_eq!(f.check(7, true, true, t0 + Duration::from_millis(500)), Err(1));
    }
}

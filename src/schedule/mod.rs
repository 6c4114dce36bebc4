//! Pure time arithmetic for everything the bot posts on its own: the next lesson slot of a weekly
//! schedule in a group's zone, pushing a time out of quiet hours, and which missed slot to catch up
//! after downtime. No I/O; every function takes "now" as an argument.

use crate::model::{HhMm, QuietHours};
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Days of the week and a local time (`/settings lessons mon,wed,fri 20:00`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WeeklyRaw")]
pub struct Weekly {
    /// Sorted Monday-first, no duplicates, at least one: private, so that only the checked
    /// constructors can make one.
    days: Vec<Weekday>,
    at: HhMm,
}

/// What is stored; validated into [`Weekly`] so that a stored schedule always has a day.
#[derive(Deserialize)]
struct WeeklyRaw {
    days: Vec<Weekday>,
    at: HhMm,
}

impl TryFrom<WeeklyRaw> for Weekly {
    type Error = &'static str;
    fn try_from(raw: WeeklyRaw) -> Result<Weekly, &'static str> {
        let mut days = raw.days;
        days.sort_by_key(|d| d.num_days_from_monday());
        days.dedup();
        Weekly::new(days, raw.at).ok_or("a weekly schedule needs at least one day")
    }
}

impl Weekly {
    /// The Ready4K rhythm: Monday, Wednesday, Friday at 20:00.
    pub fn lessons_default() -> Weekly {
        Weekly { days: vec![Weekday::Mon, Weekday::Wed, Weekday::Fri], at: HhMm::at(20, 0) }
    }

    /// Every day at `at`.
    pub fn daily(at: HhMm) -> Weekly {
        Weekly { days: ALL_DAYS.to_vec(), at }
    }

    /// `None` without a day; days are sorted Monday-first and deduplicated.
    pub fn new(mut days: Vec<Weekday>, at: HhMm) -> Option<Weekly> {
        days.sort_by_key(|d| d.num_days_from_monday());
        days.dedup();
        (!days.is_empty()).then_some(Weekly { days, at })
    }

    /// The days, Monday first.
    pub fn days(&self) -> &[Weekday] {
        &self.days
    }

    /// The local time.
    pub fn at(&self) -> HhMm {
        self.at
    }

    /// Parses `mon,wed,fri 20:00` (also `周一,周三,周五`, `1,3,5`, `daily`/`weekdays`).
    pub fn parse(days: &str, at: &str) -> Option<Weekly> {
        let at: HhMm = at.parse().ok()?;
        let mut out = Vec::new();
        for part in days.split([',', '，', '、', '/']).map(str::trim).filter(|p| !p.is_empty()) {
            match part.to_ascii_lowercase().as_str() {
                "daily" | "everyday" | "每天" => out.extend(ALL_DAYS),
                "weekdays" | "工作日" => out.extend(&ALL_DAYS[..5]),
                p => out.push(parse_day(p)?),
            }
        }
        Weekly::new(out, at)
    }

    /// The first slot strictly after `after`, as an instant.
    pub fn next_after(&self, tz: Tz, after: DateTime<Utc>) -> DateTime<Utc> {
        let local_date = after.with_timezone(&tz).date_naive();
        // A slot is at most 7 days away; 8 covers a skipped local time on the last day.
        for offset in 0..=8 {
            let date = local_date + Duration::days(offset);
            if !self.days.contains(&date.weekday()) {
                continue;
            }
            let t = local_instant(tz, date, self.at);
            if t > after {
                return t;
            }
        }
        // Cannot happen (a Weekly always has a day); a week later is a safe answer anyway.
        after + Duration::days(7)
    }

    /// The latest slot at or before `now`.
    pub fn last_at_or_before(&self, tz: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
        let local_date = now.with_timezone(&tz).date_naive();
        for offset in 0..=8 {
            let date = local_date - Duration::days(offset);
            if !self.days.contains(&date.weekday()) {
                continue;
            }
            let t = local_instant(tz, date, self.at);
            if t <= now {
                return t;
            }
        }
        // Cannot happen (a Weekly always has a day); a week earlier is a safe answer anyway.
        now - Duration::days(7)
    }
}

const ALL_DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

fn parse_day(p: &str) -> Option<Weekday> {
    let i = match p {
        "mon" | "monday" | "1" | "周一" | "星期一" => 0,
        "tue" | "tuesday" | "2" | "周二" | "星期二" => 1,
        "wed" | "wednesday" | "3" | "周三" | "星期三" => 2,
        "thu" | "thursday" | "4" | "周四" | "星期四" => 3,
        "fri" | "friday" | "5" | "周五" | "星期五" => 4,
        "sat" | "saturday" | "6" | "周六" | "星期六" => 5,
        "sun" | "sunday" | "7" | "周日" | "星期日" | "周天" => 6,
        _ => return None,
    };
    Some(ALL_DAYS[i])
}

/// The instant of a local wall-clock time. A time skipped by a DST jump moves forward by the gap; a
/// repeated one takes its first occurrence — either way the slot happens exactly once that day.
pub fn local_instant(tz: Tz, date: NaiveDate, at: HhMm) -> DateTime<Utc> {
    let naive = NaiveDateTime::new(date, at.to_naive());
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // Walk forward minute by minute to the end of the gap (gaps are at most a few hours).
            let mut n = naive;
            for _ in 0..(24 * 60) {
                n += Duration::minutes(1);
                if let LocalResult::Single(t) | LocalResult::Ambiguous(t, _) = tz.from_local_datetime(&n) {
                    return t.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&naive)
        }
    }
}

/// The local calendar date of an instant in a zone (used in exactly-once keys: one per local day).
pub fn local_date(tz: Tz, t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&tz).date_naive()
}

/// `t` if it is outside quiet hours, else the moment quiet hours end.
pub fn after_quiet(tz: Tz, quiet: Option<QuietHours>, t: DateTime<Utc>) -> DateTime<Utc> {
    let Some(q) = quiet else { return t };
    let local = t.with_timezone(&tz);
    let now = HhMm::from_naive(local.time());
    if !q.contains(now) {
        return t;
    }
    // The end is today if it is still ahead, otherwise tomorrow.
    let today = local.date_naive();
    let end_today = local_instant(tz, today, q.end);
    if end_today > t { end_today } else { local_instant(tz, today + Duration::days(1), q.end) }
}

/// After downtime: the slot to send late, if the most recent one was missed by less than `grace`.
/// Older misses are skipped (the curriculum simply continues at the next slot).
pub fn catch_up(schedule: &Weekly, tz: Tz, now: DateTime<Utc>, grace: Duration) -> Option<DateTime<Utc>> {
    let last = schedule.last_at_or_before(tz, now);
    (now - last <= grace).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America::New_York, Asia::Shanghai, Europe::London};

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn stored_schedules_are_validated() {
        assert!(serde_json::from_str::<Weekly>(r#"{"days":[],"at":"20:00"}"#).is_err());
        let w: Weekly = serde_json::from_str(r#"{"days":["Fri","Mon","Mon"],"at":"20:00"}"#).unwrap();
        assert_eq!(w.days, vec![Weekday::Mon, Weekday::Fri]);
    }

    #[test]
    fn parses_days_and_times() {
        let w = Weekly::parse("mon,wed,fri", "20:00").unwrap();
        assert_eq!(w, Weekly::lessons_default());
        let w = Weekly::parse("周五,周一，1", "7:30").unwrap();
        assert_eq!((w.days().to_vec(), w.at()), (vec![Weekday::Mon, Weekday::Fri], HhMm::at(7, 30)));
        assert!(Weekly::new(Vec::new(), HhMm::at(7, 30)).is_none(), "no day, no schedule");
        assert_eq!(Weekly::parse("weekdays", "08:00").unwrap().days.len(), 5);
        assert!(Weekly::parse("funday", "20:00").is_none());
        assert!(Weekly::parse("mon", "25:00").is_none());
        assert!(Weekly::parse("", "20:00").is_none());
    }

    #[test]
    fn next_slot_is_in_the_groups_zone() {
        let w = Weekly::lessons_default();
        // 2026-09-07 is a Monday. 20:00 in Shanghai is 12:00 UTC.
        assert_eq!(w.next_after(Shanghai, utc("2026-09-07T00:00:00Z")), utc("2026-09-07T12:00:00Z"));
        // Exactly at the slot → the next one (Wednesday).
        assert_eq!(w.next_after(Shanghai, utc("2026-09-07T12:00:00Z")), utc("2026-09-09T12:00:00Z"));
        // Friday after the slot → Monday.
        assert_eq!(w.next_after(Shanghai, utc("2026-09-11T13:00:00Z")), utc("2026-09-14T12:00:00Z"));
        // London in summer time: 20:00 BST = 19:00 UTC.
        assert_eq!(w.next_after(London, utc("2026-09-07T00:00:00Z")), utc("2026-09-07T19:00:00Z"));
    }

    #[test]
    fn dst_gaps_and_repeats_still_fire_once() {
        let w = Weekly::new(vec![Weekday::Sun], HhMm::at(2, 30)).unwrap();
        // 2026-03-08: New York skips 02:00-03:00 → fires at 03:00 EDT (07:00 UTC).
        assert_eq!(w.next_after(New_York, utc("2026-03-07T12:00:00Z")), utc("2026-03-08T07:00:00Z"));
        // 2026-11-01: 01:30 happens twice → first occurrence (EDT, 05:30 UTC).
        let w = Weekly::new(vec![Weekday::Sun], HhMm::at(1, 30)).unwrap();
        assert_eq!(w.next_after(New_York, utc("2026-10-31T12:00:00Z")), utc("2026-11-01T05:30:00Z"));
    }

    #[test]
    fn quiet_hours_push_posts_to_their_end() {
        let q = Some(QuietHours::DEFAULT); // 21:30-07:00
        // 22:00 Shanghai (14:00 UTC) → 07:00 next morning (23:00 UTC).
        assert_eq!(after_quiet(Shanghai, q, utc("2026-09-07T14:00:00Z")), utc("2026-09-07T23:00:00Z"));
        // 06:00 Shanghai → 07:00 the same morning.
        assert_eq!(after_quiet(Shanghai, q, utc("2026-09-07T22:00:00Z")), utc("2026-09-07T23:00:00Z"));
        // 20:00 → unchanged; quiet off → unchanged.
        assert_eq!(after_quiet(Shanghai, q, utc("2026-09-07T12:00:00Z")), utc("2026-09-07T12:00:00Z"));
        assert_eq!(after_quiet(Shanghai, None, utc("2026-09-07T14:00:00Z")), utc("2026-09-07T14:00:00Z"));
    }

    #[test]
    fn catch_up_only_recent_misses() {
        let w = Weekly::lessons_default();
        let grace = Duration::hours(12);
        // Back up on Monday 23:00 local: the 20:00 slot is 3 h old → catch up.
        assert_eq!(catch_up(&w, Shanghai, utc("2026-09-07T15:00:00Z"), grace), Some(utc("2026-09-07T12:00:00Z")));
        // Back up on Tuesday 20:00 local: 24 h old → skipped.
        assert_eq!(catch_up(&w, Shanghai, utc("2026-09-08T12:00:00Z"), grace), None);
    }
}

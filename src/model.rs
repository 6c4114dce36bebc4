//! Domain types shared by the store, the handlers and the jobs: groups, their settings, roles and members.
//!
//! Parsing of user-supplied values (`/settings tz …`, `/settings quiet …`) lives here too, so that
//! every entry point validates the same way and returns a typed error the handlers can localize.

use chrono::{NaiveTime, Timelike};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A Telegram chat id (groups are negative).
pub type ChatKey = i64;
/// A Telegram user id.
pub type UserKey = u64;

/// The languages the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses a setting value: `zh-CN`, `zh`, `cn`, `中文` or `en`, `english` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh-cn" | "zh" | "zh-hans" | "cn" | "中文" | "简体中文" => Some(Lang::ZhCn),
            "en" | "english" | "en-us" | "en-gb" | "英文" | "英语" => Some(Lang::En),
            _ => None,
        }
    }

    /// A private chat follows the user's Telegram `language_code`: zh* → zh-CN, anything else → en.
    pub fn from_telegram(code: Option<&str>) -> Option<Lang> {
        code.map(|c| if c.to_ascii_lowercase().starts_with("zh") { Lang::ZhCn } else { Lang::En })
    }
}

/// School stage of the class; picks reminder defaults and lesson variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Kindergarten,
    #[default]
    Primary,
    Junior,
    Senior,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Kindergarten, Grade::Primary, Grade::Junior, Grade::Senior];

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Kindergarten => "kindergarten",
            Grade::Primary => "primary",
            Grade::Junior => "junior",
            Grade::Senior => "senior",
        }
    }

    pub fn parse(s: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// What the bot does with messages the classifier flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ModerationMode {
    #[default]
    Flag,
    Delete,
    Off,
}

impl ModerationMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ModerationMode::Flag => "flag",
            ModerationMode::Delete => "delete",
            ModerationMode::Off => "off",
        }
    }

    pub fn parse(s: &str) -> Option<ModerationMode> {
        [ModerationMode::Flag, ModerationMode::Delete, ModerationMode::Off]
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// A local wall-clock time of day, minute precision, written `HH:MM`. Always valid: the fields
/// are private and every constructor checks 0–23 and 0–59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HhMm {
    hour: u8,
    minute: u8,
}

impl HhMm {
    /// `None` unless `hour` is 0–23 and `minute` 0–59.
    pub const fn new(hour: u8, minute: u8) -> Option<HhMm> {
        if hour < 24 && minute < 60 { Some(HhMm { hour, minute }) } else { None }
    }

    /// For constants: fails to compile (or panics in non-const use) on an impossible time.
    pub const fn at(hour: u8, minute: u8) -> HhMm {
        match HhMm::new(hour, minute) {
            Some(t) => t,
            None => panic!("an impossible time of day"),
        }
    }

    pub const fn hour(self) -> u8 {
        self.hour
    }

    pub const fn minute(self) -> u8 {
        self.minute
    }

    pub fn to_naive(self) -> NaiveTime {
        NaiveTime::from_hms_opt(self.hour.into(), self.minute.into(), 0).unwrap_or(NaiveTime::MIN)
    }

    pub fn from_naive(t: NaiveTime) -> HhMm {
        HhMm { hour: t.hour() as u8, minute: t.minute() as u8 }
    }

    /// From minutes after midnight, wrapping around the day.
    pub fn from_minutes(m: u32) -> HhMm {
        let m = m % (24 * 60);
        HhMm { hour: (m / 60) as u8, minute: (m % 60) as u8 }
    }

    pub fn minutes(self) -> u32 {
        u32::from(self.hour) * 60 + u32::from(self.minute)
    }
}

impl FromStr for HhMm {
    type Err = ();

    /// Accepts `H:MM` / `HH:MM` (also the full-width colon `：`); 24:00 and beyond are rejected.
    fn from_str(s: &str) -> Result<Self, ()> {
        let s = s.trim().replace('：', ":");
        let (h, m) = s.split_once(':').ok_or(())?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(());
        }
        let hour: u8 = h.parse().map_err(|_| ())?;
        let minute: u8 = m.parse().map_err(|_| ())?;
        HhMm::new(hour, minute).ok_or(())
    }
}

impl fmt::Display for HhMm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl Serialize for HhMm {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for HhMm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|_| serde::de::Error::custom(format!("invalid time {s:?}, expected HH:MM")))
    }
}

/// A daily window in local time during which the bot's own posts wait; may cross midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietHours {
    pub start: HhMm,
    pub end: HhMm,
}

impl QuietHours {
    pub const DEFAULT: QuietHours = QuietHours { start: HhMm::at(21, 30), end: HhMm::at(7, 0) };

    /// Parses `HH:MM-HH:MM` (also `~`, `–`, `至`). Start and end must differ.
    pub fn parse(s: &str) -> Option<QuietHours> {
        let s = s.trim();
        let (a, b) = s
            .split_once('-')
            .or_else(|| s.split_once('~'))
            .or_else(|| s.split_once('–'))
            .or_else(|| s.split_once('至'))?;
        let (start, end) = (a.parse().ok()?, b.parse().ok()?);
        (start != end).then_some(QuietHours { start, end })
    }

    /// Whether a local time of day falls inside the window (start inclusive, end exclusive).
    pub fn contains(&self, t: HhMm) -> bool {
        let (s, e, x) = (self.start.minutes(), self.end.minutes(), t.minutes());
        if s < e { s <= x && x < e } else { x >= s || x < e }
    }
}

impl fmt::Display for QuietHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// Parses an IANA zone name (`Asia/Shanghai`, case-sensitive as in the tz database, but we also accept
/// any casing of a known name). Returns the canonical name.
pub fn parse_tz(s: &str) -> Option<Tz> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    s.parse::<Tz>().ok().or_else(|| Tz::from_str_insensitive(s).ok())
}

/// Per-group settings (`/settings`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// IANA zone name, validated when set.
    pub tz: String,
    pub grade: Grade,
    pub moderation: ModerationMode,
    /// `None` means quiet hours are switched off.
    pub quiet: Option<QuietHours>,
    /// Micro-lesson days and time; `None` = off.
    pub lessons: Option<crate::schedule::Weekly>,
    /// "刷屏" reminder: more than `max` messages from one member within `secs` seconds; `None` = off.
    pub flood: Option<FloodRule>,
    /// Confirmed violations by one member before the bot restricts them for a day; `None` = off.
    pub warn_limit: Option<u32>,
    /// Daily reminders set with `/remind`: kind (`exercise`, `screen`, `bedtime`) → local time.
    pub reminders: std::collections::BTreeMap<String, HhMm>,
    /// The weekly picture on Sunday evening (`/settings weekly on|off`).
    pub weekly: bool,
}

impl Grade {
    /// The latest bedtime the Ministry of Education's 2021 sleep notice sets for the grade (none is
    /// set for kindergarten).
    pub fn bedtime(self) -> Option<HhMm> {
        match self {
            Grade::Kindergarten => None,
            Grade::Primary => Some(HhMm::at(21, 20)),
            Grade::Junior => Some(HhMm::at(22, 0)),
            Grade::Senior => Some(HhMm::at(23, 0)),
        }
    }

    /// When `/remind bedtime` without a time reminds: half an hour before that bedtime (20:00 for
    /// kindergarten, where no official bedtime exists).
    pub fn default_bedtime_reminder(self) -> HhMm {
        match self.bedtime() {
            Some(b) => HhMm::from_minutes(b.minutes() + 24 * 60 - 30),
            None => HhMm::at(20, 0),
        }
    }
}

/// `/settings flood 8/30`: more than 8 messages in 30 seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FloodRule {
    pub max: u32,
    pub secs: u32,
}

impl FloodRule {
    pub const DEFAULT: FloodRule = FloodRule { max: 8, secs: 30 };

    /// `N/S` with 2 ≤ N ≤ 100 and 5 ≤ S ≤ 3600.
    pub fn parse(s: &str) -> Option<FloodRule> {
        let (n, secs) = s.trim().split_once('/')?;
        let rule = FloodRule { max: n.trim().parse().ok()?, secs: secs.trim().trim_end_matches('s').parse().ok()? };
        ((2..=100).contains(&rule.max) && (5..=3600).contains(&rule.secs)).then_some(rule)
    }
}

impl fmt::Display for FloodRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}s", self.max, self.secs)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::ZhCn,
            tz: "Asia/Shanghai".to_owned(),
            grade: Grade::Primary,
            moderation: ModerationMode::Flag,
            quiet: Some(QuietHours::DEFAULT),
            lessons: Some(crate::schedule::Weekly::lessons_default()),
            flood: Some(FloodRule::DEFAULT),
            warn_limit: None,
            reminders: Default::default(),
            weekly: true,
        }
    }
}

impl Settings {
    /// Defaults for a new group, taking the operator's configured language and zone.
    pub fn with_defaults(lang: Lang, tz: &str) -> Settings {
        Settings { lang, tz: tz.to_owned(), ..Settings::default() }
    }

    pub fn zone(&self) -> Tz {
        parse_tz(&self.tz).unwrap_or(chrono_tz::Asia::Shanghai)
    }
}

/// A group the bot is (or was) in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub chat_id: ChatKey,
    pub title: String,
    /// False once the bot was removed (or Telegram answered 403).
    pub active: bool,
    /// The one-time greeting has been posted.
    pub greeted: bool,
    /// When the bot joined (scheduled posts never catch up on slots before it).
    #[serde(default)]
    pub joined_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The chat id the group had when the bot first met it; kept across upgrades to a supergroup,
    /// so that exactly-once keys of scheduled posts do not change with the id.
    #[serde(default)]
    pub origin: Option<ChatKey>,
    pub settings: Settings,
}

impl Group {
    pub fn new(chat_id: ChatKey, title: &str, settings: Settings) -> Group {
        Group {
            chat_id,
            title: title.to_owned(),
            active: true,
            greeted: false,
            joined_at: None,
            origin: Some(chat_id),
            settings,
        }
    }
}

/// A member's role in one group. `Admin` comes from Telegram and is never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Parent,
    Committee,
    Teacher,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Parent => "parent",
            Role::Committee => "committee",
            Role::Teacher => "teacher",
            Role::Admin => "admin",
        }
    }

    /// Roles that `/role` may assign.
    pub fn parse_assignable(s: &str) -> Option<Role> {
        [Role::Teacher, Role::Committee, Role::Parent].into_iter().find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// Admin and teacher run the class: settings, roles, reminders, lessons.
    pub fn manages(self) -> bool {
        matches!(self, Role::Admin | Role::Teacher)
    }

    /// Admin, teacher and committee moderate: notices, reviewing flagged messages.
    pub fn moderates(self) -> bool {
        self != Role::Parent
    }
}

/// A member the bot has seen in a group: the minimum needed to show acknowledgement status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: UserKey,
    pub name: String,
    pub username: Option<String>,
    pub lang: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hhmm_parses_valid_and_rejects_impossible_times() {
        assert_eq!("7:05".parse::<HhMm>(), Ok(HhMm::at(7, 5)));
        assert_eq!(HhMm::new(24, 0), None);
        assert_eq!(HhMm::new(7, 60), None);
        assert_eq!(HhMm::from_minutes(24 * 60 + 5), HhMm::at(0, 5));
        assert!(serde_json::from_str::<HhMm>("\"25:00\"").is_err(), "stored values are checked too");
        assert_eq!("21：20".parse::<HhMm>(), Ok(HhMm::at(21, 20)));
        for bad in ["24:00", "12:60", "7", "", "ab:cd", "123:00", "7:5", "-1:00"] {
            assert!(bad.parse::<HhMm>().is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn quiet_hours_cross_midnight() {
        let q = QuietHours::parse("21:30-07:00").unwrap();
        assert!(q.contains(HhMm::at(23, 0)));
        assert!(q.contains(HhMm::at(21, 30)));
        assert!(q.contains(HhMm::at(6, 59)));
        assert!(!q.contains(HhMm::at(7, 0)));
        assert!(!q.contains(HhMm::at(12, 0)));
        let day = QuietHours::parse("12:00~13:30").unwrap();
        assert!(day.contains(HhMm::at(12, 45)) && !day.contains(HhMm::at(13, 30)));
        assert!(QuietHours::parse("10:00-10:00").is_none());
        assert!(QuietHours::parse("25:00-07:00").is_none());
    }

    #[test]
    fn bedtime_reminders_default_to_half_an_hour_before_the_grades_bedtime() {
        assert_eq!(Grade::Primary.default_bedtime_reminder(), HhMm::at(20, 50));
        assert_eq!(Grade::Junior.default_bedtime_reminder(), HhMm::at(21, 30));
        assert_eq!(Grade::Senior.default_bedtime_reminder(), HhMm::at(22, 30));
        assert_eq!(Grade::Kindergarten.default_bedtime_reminder(), HhMm::at(20, 0));
        assert_eq!(Grade::Kindergarten.bedtime(), None);
    }

    #[test]
    fn zones_are_validated() {
        assert_eq!(parse_tz("Asia/Shanghai").unwrap().name(), "Asia/Shanghai");
        assert_eq!(parse_tz("europe/london").unwrap().name(), "Europe/London");
        assert!(parse_tz("Mars/Olympus").is_none());
        assert!(parse_tz("").is_none());
        assert!(parse_tz(&"A".repeat(500)).is_none());
    }

    #[test]
    fn languages_follow_telegram_codes() {
        assert_eq!(Lang::from_telegram(Some("zh-hans")), Some(Lang::ZhCn));
        assert_eq!(Lang::from_telegram(Some("de")), Some(Lang::En));
        assert_eq!(Lang::from_telegram(None), None);
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn settings_round_trip_and_tolerate_missing_fields() {
        let s: Settings = serde_json::from_str(r#"{"lang":"en"}"#).unwrap();
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.tz, "Asia/Shanghai");
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}

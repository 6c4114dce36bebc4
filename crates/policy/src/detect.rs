//! Structural detectors: code, not phrase lists, for shapes that words alone do not capture.
//!
//! A rule-pack set may name a detector (`detector = "roster"`); its hits then come from here
//! instead of terms and patterns, and rules use them like any other set.
//!
//! # Score rosters
//!
//! Publishing pupils' results takes endless forms: `王** 98，李** 96`, `3号、9号满分`,
//! `🥇万** 🥈段**`, `倒数五名：6号、19号`, `@王妈妈 家的92`, `Emma W. (20/20), Lucas T. 19/20`,
//! `嵇同学 班级排名 28→12`, tables with `｜`, Traditional Chinese, English. What they share is a
//! structure: **pupil identifiers paired with results**, or **a results heading over a list of
//! identifiers**. The detector reads the normalised text as a sequence of atoms:
//!
//! - *identifiers*: masked names (`王**`, `陈○○`, `李某某`, `张x`, `刘*明`), surname + `同学`,
//!   `X家的`, a parent addressed by surname (`鲁妈妈`), `@mentions`, student numbers (`3号`,
//!   `学号12`, `#7`, `no.5`), initials (`Z.Y.`, `LJY`, from the original capitals), English names
//!   (`Emma W.`), and full Chinese names (a common surname and one or two characters) when a
//!   number follows at once;
//! - *results*: scores (`98`, `96.5分`, `100%`, `20/20`; bare numbers only when the message talks
//!   about results at all, so that `王妈妈 50` in a payment list is not a score), ranks (`第3名`,
//!   `排第17`, `前进12名`, `28→12`, `1st`), tiers (`A+`, `B等`, `优秀`, `良好`, `不及格`, `甲`),
//!   awards and medals (`一等奖`, `🥇`, `⭐⭐⭐`), admissions (`录取`);
//! - *headings*: words that make a list of names a list of results (`满分的有`, `不及格名单`,
//!   `未达标`, `前十名`, `倒数`, `光荣榜`, `90分以上`, `top 3`, `did not pass`).
//!
//! An *entry* is an identifier with a result right after it (or right before it: `🥇万**`,
//! `第一名 梁xx`), or an identifier listed under (or just before) a heading. Two or more entries
//! make a roster (`roster` hits span them); a single entry with a strong identifier and a score,
//! rank or fail state is one pupil's result told to the group (`pupil_result`). Identifiers
//! without results (praise lists, who has not returned a form) and results without identifiers
//! (a class average) are not entries.

use super::normalize::Normalised;

/// The structural detectors a rule-pack set can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detector {
    /// Two or more pupils paired with results (one hit spanning the entries).
    Roster,
    /// Exactly one pupil, clearly identified, paired with a score, rank or fail state.
    PupilResult,
}

impl Detector {
    /// The names used in the rule pack.
    pub const NAMES: [&'static str; 2] = ["roster", "pupil_result"];

    /// Parses a name from the rule pack.
    pub fn parse(name: &str) -> Option<Detector> {
        match name {
            "roster" => Some(Detector::Roster),
            "pupil_result" => Some(Detector::PupilResult),
            _ => None,
        }
    }
}

/// How an identifier names a pupil. Weak kinds count only inside rosters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IdKind {
    /// `王**`, `李某某`, `陈○○`, `张x`: deliberately masked, always a pupil.
    Masked,
    /// `孙同学`, `陶思远同学`.
    Classmate,
    /// `谢家的`, `鲁妈妈`, `@王妈妈`: the parent of the pupil.
    Parent,
    /// `3号`, `学号12`, `#7`.
    Number,
    /// `LJY`, `Z.Y.`.
    Initials,
    /// `Emma W.`, `Olivia` (needs three entries or a heading).
    EnglishName,
    /// `王子涵` right before a number (needs a roster).
    FullName,
}

impl IdKind {
    fn strong(self) -> bool {
        matches!(self, IdKind::Masked | IdKind::Classmate | IdKind::Parent | IdKind::Number)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ResKind {
    /// A bare number read as a score.
    Number,
    /// A number marked as a score (`分`, `%`, `20/20`).
    Score,
    /// A rank or a rank change.
    Rank,
    /// A grade tier, pass/fail, an award or a medal.
    Tier,
    /// An admission (`录取`).
    Admission,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Id(IdKind),
    Res(ResKind),
    Heading,
}

#[derive(Clone, Copy, Debug)]
struct Atom {
    kind: Kind,
    /// Char offsets in the normalised text.
    cs: u32,
    ce: u32,
}

/// A detector's hits, in normalised byte offsets.
pub(crate) type Hits = Vec<(u32, u32)>;

/// The entries found in one message, computed once and shared by both detectors.
#[derive(Default)]
pub(crate) struct RosterScan {
    chars: Vec<char>,
    bytes: Vec<u32>,
    atoms: Vec<Atom>,
    /// (identifier atom index, result-or-heading atom index)
    entries: Vec<(usize, usize)>,
    /// The message talks about results, so bare numbers after a parent or a plain name are
    /// scores (without that, `王妈妈 50` is more likely a payment).
    numbers_are_scores: bool,
    /// The message is a sign-up or check-in list: its bare numbers are counts.
    numbers_are_counts: bool,
    /// Per sentence: it talks about money or sizes, so its bare numbers are amounts or
    /// measurements unless the message talks about results.
    other_sentences: Vec<bool>,
    /// The sentence of every normalised char.
    sentence_of: Vec<u32>,
    /// Award tiers (一等奖, 冠军) are results: the message is not about sports or the arts
    /// (found out at the first award word).
    awards_are_results: Option<bool>,
}

/// Common Chinese surnames (single characters), for `X同学`, `X家的`, `X妈妈` and full names.
/// Characters that start everyday words far more often than names (上, 全, 平, 和…) are left out.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱侯江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤易常乔赖庞樊殷施洪翟安倪牛温芦季俞章鲁葛伍申尤毕聂焦向柳邢骆岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花仇艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僖桑荆谌银扬明沙薄伏岑习胥保和蔺水云昌凤酆常皮康元平萨邰卓荣靖仝尚荀羊於卓伏杭阮闵屈井嵇雍邴幸鄂";

const COMPOUND_SURNAMES: [&str; 12] =
    ["欧阳", "司马", "上官", "诸葛", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙", "长孙", "夏侯"];

fn is_surname(c: char) -> bool {
    // Characters that are surnames but start common words in this setting.
    if matches!(c, '平' | '和' | '元' | '明' | '成' | '时' | '向' | '水' | '云' | '来' | '应' | '原' | '都')
    {
        return false;
    }
    // A bitmap over the unified ideographs block.
    static BITS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut bits = vec![0u64; (0xA000 - 0x4E00) / 64 + 1];
        for c in SURNAMES.chars() {
            let i = c as usize - 0x4E00;
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    });
    let u = c as usize;
    (0x4E00..0xA000).contains(&u) && BITS[(u - 0x4E00) / 64] & (1 << ((u - 0x4E00) % 64)) != 0
}

#[inline]
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn is_mask(c: char) -> bool {
    matches!(c, '*' | '○' | '〇' | '◯' | '×' | '✕' | '□' | '■' | '△' | '#')
}

/// Words that, right before `同学`, do not name one pupil.
const NOT_A_CLASSMATE: [&str; 24] = [
    "各位", "全体", "以上", "其他", "其余", "部分", "这些", "那些", "哪些", "个别", "有的", "所有", "男", "女", "新",
    "小", "几位", "各", "位", "名", "班", "的", "些", "们",
];

/// Capitalised English words that are not names in a results list.
const NOT_A_NAME: [&str; 60] = [
    "The",
    "This",
    "That",
    "These",
    "Those",
    "Please",
    "Great",
    "Good",
    "Well",
    "Congratulations",
    "Congrats",
    "Top",
    "Math",
    "Maths",
    "English",
    "Science",
    "Reading",
    "Writing",
    "Spelling",
    "Chinese",
    "History",
    "Music",
    "Art",
    "Total",
    "Average",
    "Class",
    "Grade",
    "Year",
    "Room",
    "Unit",
    "Lesson",
    "Test",
    "Quiz",
    "Term",
    "Level",
    "Week",
    "Day",
    "Page",
    "Chapter",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dear",
    "Hi",
    "Hello",
    "Thanks",
    "Thank",
    "Score",
    "Scores",
    "Results",
    "Section",
    "Part",
];

/// Upper-case words that are not initials.
const NOT_INITIALS: [&str; 40] = [
    "OK", "KET", "PET", "PE", "IT", "QR", "ID", "AA", "PDF", "PPT", "APP", "AI", "STEM", "IELTS", "TOEFL", "SAT", "DM",
    "PM", "AM", "WIFI", "USB", "GPS", "TV", "BMI", "TNG", "FPS", "VIP", "CEO", "HK", "US", "UK", "NB", "PTA", "ASAP",
    "FYI", "RSVP", "TBC", "DIY", "VX", "WX",
];

fn starts(chars: &[char], i: usize, word: &str) -> bool {
    (i..).zip(word.chars()).all(|(k, w)| chars.get(k) == Some(&w))
}

fn digits_at(chars: &[char], i: usize) -> usize {
    chars[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn cn_num_len(chars: &[char], i: usize) -> usize {
    chars[i..].iter().take_while(|c| "一二两三四五六七八九十百".contains(**c)).count()
}

/// Words anywhere in a message that say it is about results: only then are bare numbers scores.
fn score_context(text: &str) -> bool {
    static WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new([
            "分",
            "成绩",
            "考",
            "测",
            "听写",
            "默写",
            "默书",
            "名次",
            "排名",
            "排第",
            "第",
            "满分",
            "及格",
            "等级",
            "得分",
            "卷",
            "正确率",
            "积分",
            "榜",
            "score",
            "test",
            "quiz",
            "exam",
            "mark",
            "grade",
            "result",
            "rank",
            "spelling",
            "assessment",
            "%",
            "奖",
            "评",
            "计时",
            "秒",
            "语文",
            "数学",
            "英语",
            "前三",
            "前五",
            "前十",
            "前3",
            "前5",
            "前10",
        ])
        .expect("score words build")
    });
    WORDS.is_match(text)
}

/// Words that make bare numbers amounts or measurements (in the sentence they are in).
const OTHER_NUMBER_WORDS: [&str; 20] = [
    "元", "块", "¥", "$", "付", "转账", "交费", "费用", "钱", "红包", "收款", "尺码", "码数", "身高", "体重", "体温",
    "发烧", "size", "height", "cm",
];

/// A list that counts (接龙, 打卡, sizes, people) with no exam or result named outright.
fn counting_context(text: &str) -> bool {
    const COUNTING: [&str; 16] = [
        "接龙", "打卡", "报名", "签到", "人数", "尺码", "码数", "身高", "分钟", "几本", "个数", "运动", "跳绳",
        "sign up", "sign-up", "how many",
    ];
    // A leaderboard ranks the pupils whatever it counts (排行榜 of reading minutes, 倒数).
    const RESULTS: [&str; 19] = [
        "成绩",
        "考试",
        "测试",
        "测验",
        "听写",
        "默写",
        "排名",
        "名次",
        "满分",
        "及格",
        "分数",
        "score",
        "test",
        "exam",
        "mark",
        "grade",
        "排行",
        "倒数",
        "leaderboard",
    ];
    COUNTING.iter().any(|w| text.contains(w)) && !RESULTS.iter().any(|w| text.contains(w))
}

/// Units after a number that make it a count, not a score.
fn count_unit(c: char) -> bool {
    matches!(c, '人' | '件' | '本' | '份' | '岁' | '箱' | '盒' | '套' | '个' | '次' | '圈' | '座')
}

impl RosterScan {
    /// Scans one message. `original` is the text as typed (for capitals).
    pub(crate) fn scan(&mut self, norm: &Normalised, original: &str, sentences: &[u32]) {
        self.chars.clear();
        self.bytes.clear();
        self.atoms.clear();
        self.entries.clear();
        for (b, c) in norm.text.char_indices() {
            self.chars.push(c);
            self.bytes.push(b as u32);
        }
        self.bytes.push(norm.text.len() as u32);
        if !self.worth_scanning(original) {
            return;
        }
        self.awards_are_results = None;
        self.find_atoms(norm, original);
        // No identifier, no entry: the contexts below are not needed.
        if !self.atoms.iter().any(|a| matches!(a.kind, Kind::Id(_))) {
            return;
        }
        // A sign-up or check-in list (接龙, 打卡, sizes, head counts) counts things; unless the
        // message names an exam or a result outright, its numbers are counts, not scores.
        self.numbers_are_counts = counting_context(&norm.text);
        self.numbers_are_scores = score_context(&norm.text) && !self.numbers_are_counts;
        self.other_sentences.clear();
        self.sentence_of.clear();
        if !self.numbers_are_scores && self.atoms.iter().any(|a| a.kind == Kind::Res(ResKind::Number)) {
            self.number_contexts(norm, sentences);
        }
        self.pair();
    }

    /// Marks the sentences that talk about money or sizes (see `other_sentences`).
    fn number_contexts(&mut self, norm: &Normalised, sentences: &[u32]) {
        self.sentence_of.extend((0..norm.char_count()).map(|i| {
            let (start, _) = norm.source_of(i);
            sentences.partition_point(|&b| b <= start) as u32
        }));
        let count = self.sentence_of.last().map_or(1, |&s| s as usize + 1);
        self.other_sentences.resize(count, false);
        for w in OTHER_NUMBER_WORDS {
            for (b, _) in norm.text.match_indices(w) {
                let ci = norm.char_index(b) as usize;
                if let Some(&sent) = self.sentence_of.get(ci) {
                    self.other_sentences[sent as usize] = true;
                }
            }
        }
        for (i, w) in self.chars.windows(2).enumerate() {
            if w[0].is_ascii_digit() && count_unit(w[1]) {
                let sent = self.sentence_of[i] as usize;
                self.other_sentences[sent] = true;
            }
        }
    }

    /// Whether the sentence of normalised char `ci` talks about money or sizes.
    fn other_at(&self, ci: u32) -> bool {
        self.sentence_of.get(ci as usize).is_some_and(|&s| self.other_sentences.get(s as usize) == Some(&true))
    }

    /// A quick look: no digit, medal, mask or result word means no roster.
    /// A quick look: a roster needs an identifier-like character and a result-like one.
    fn worth_scanning(&self, original: &str) -> bool {
        let chars = &self.chars;
        let result = chars.iter().any(|&c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '格' | '满'
                        | '优'
                        | '良'
                        | '甲'
                        | '乙'
                        | '丙'
                        | '榜'
                        | '倒'
                        | '录'
                        | '名'
                        | '第'
                        | '排'
                        | '过'
                        | '标'
                        | '达'
                        | '等'
                        | '🥇'
                        | '🥈'
                        | '🥉'
                        | '🏅'
                        | '🏆'
                        | '⭐'
                        | '🌟'
                )
        });
        if !result {
            return false;
        }
        if original.bytes().any(|b| b.is_ascii_uppercase()) {
            return true;
        }
        chars.iter().enumerate().any(|(i, &c)| {
            let prev = if i > 0 { chars[i - 1] } else { ' ' };
            is_mask(c)
                || matches!(c, '某' | '号' | '@' | '#')
                || (c == '学' && prev == '同')
                || (c == '的' && prev == '家')
                || (matches!(c, '妈' | '爸') && prev == c)
                || (c == 'x' && is_han(prev))
                || (c == '.' && prev == 'o' && i >= 2 && chars[i - 2] == 'n')
                || (c.is_ascii_digit() && chars[i.saturating_sub(3)..i].iter().any(|&p| is_surname(p)))
        })
    }

    fn push(&mut self, kind: Kind, cs: usize, ce: usize) {
        self.atoms.push(Atom { kind, cs: cs as u32, ce: ce as u32 });
    }

    fn find_atoms(&mut self, norm: &Normalised, original: &str) {
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            let step = self.atom_at(i, norm, original);
            i += step.max(1);
        }
        // A result that introduces a list is a heading: `A等的同学：`, `第一名：`, `满分的有`.
        for a in &mut self.atoms {
            if matches!(a.kind, Kind::Res(_)) {
                let at = a.ce as usize;
                if ["的同学", "的有", "的是", ":", "的:", "同学:", "的名单"].iter().any(|w| starts(&self.chars, at, w))
                {
                    a.kind = Kind::Heading;
                }
            }
        }
    }

    /// Looks for an atom starting at char `i`; returns how many chars to advance.
    fn atom_at(&mut self, i: usize, norm: &Normalised, original: &str) -> usize {
        let chars = &self.chars;
        let c = chars[i];
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let next = chars.get(i + 1).copied().unwrap_or(' ');

        // --- headings (checked first: `不及格` is a heading and a tier) ---
        if HEAD_FIRST.contains(c) {
            for (word, len) in HEADINGS {
                if starts(chars, i, word) {
                    self.push(Kind::Heading, i, i + len);
                    return *len;
                }
            }
        }
        // 前十名 / 前5名 / 倒数五名 / 后三名 / 最后3名 / top 5 / bottom 3
        let leads: &[&str] = if matches!(c, '前' | '倒' | '后' | '最' | 't' | 'b' | 'a') {
            &["前", "倒数", "后", "最后", "top ", "bottom ", "top", "below ", "above "]
        } else {
            &[]
        };
        for &lead in leads {
            if starts(chars, i, lead) {
                let j = i + lead.chars().count();
                let d = digits_at(chars, j).max(cn_num_len(chars, j));
                let d_ok = d > 0 && d <= 3;
                if d_ok {
                    let mut e = j + d;
                    let ascii_lead = lead.is_ascii();
                    if chars.get(e) == Some(&'名') {
                        e += 1;
                    } else if !ascii_lead && lead == "前" {
                        // 前10 needs 名 (前10分钟, 前3天 are times).
                        break;
                    }
                    if ascii_lead && chars.get(e).is_some_and(|c| c.is_ascii_alphanumeric()) {
                        break;
                    }
                    if lead == "倒数" || chars.get(e - 1) == Some(&'名') || ascii_lead {
                        self.push(Kind::Heading, i, e);
                        return e - i;
                    }
                } else if lead == "倒数" && chars.get(j) == Some(&'第') {
                    // 倒数第二: a rank, below.
                }
            }
        }
        // 90分以上 / 60分以下 / 80-89分
        let d = digits_at(chars, i);
        if d > 0 && !prev.is_ascii_digit() {
            let j = i + d;
            if starts(chars, j, "分以上") || starts(chars, j, "分以下") {
                self.push(Kind::Heading, i, j + 3);
                return j + 3 - i;
            }
            if (starts(chars, j, "以上") || starts(chars, j, "以下"))
                && (chars.get(j + 2) == Some(&':') || chars.get(j + 2) == Some(&'的'))
            {
                self.push(Kind::Heading, i, j + 2);
                return j + 2 - i;
            }
        }

        // --- results ---
        // Ranks: 第3名 / 第三 / 排第17 / 排17 / 年级第5
        if c == '第' {
            let j = i + 1;
            let d = digits_at(chars, j).max(cn_num_len(chars, j));
            if d > 0 && d <= 4 {
                let mut e = j + d;
                if chars.get(e) == Some(&'名') {
                    e += 1;
                }
                // 第3单元, 第二天, 第1课 are not ranks.
                let after = chars.get(e).copied().unwrap_or(' ');
                let unit_after = "单元课节天次周页题期届章部个号位排组条行年月日轮场批张道名时考座室楼".contains(after)
                    && chars.get(e - 1) != Some(&'名');
                if !unit_after {
                    self.push(Kind::Res(ResKind::Rank), i, e);
                    return e - i;
                }
            }
        }
        if c == '排' && (next == '第' || next.is_ascii_digit()) {
            let j = if next == '第' { i + 2 } else { i + 1 };
            let d = digits_at(chars, j).max(cn_num_len(chars, j));
            if d > 0 {
                let mut e = j + d;
                if chars.get(e) == Some(&'名') {
                    e += 1;
                }
                self.push(Kind::Res(ResKind::Rank), i, e);
                return e - i;
            }
        }
        // Rank changes: 前进12名 / 进步了8个名次 / 退步6名 / 掉了14名 / 上升5名
        let changes: &[&str] = if matches!(c, '前' | '进' | '退' | '后' | '掉' | '上' | '下') {
            &["前进", "进步", "退步", "后退", "掉了", "上升", "下降", "退了", "进了"]
        } else {
            &[]
        };
        for &lead in changes {
            if starts(chars, i, lead) {
                let mut j = i + 2;
                if chars.get(j) == Some(&'了') {
                    j += 1;
                }
                let d = digits_at(chars, j).max(cn_num_len(chars, j));
                if d > 0 {
                    let mut e = j + d;
                    if chars.get(e) == Some(&'多') {
                        e += 1;
                    }
                    for tail in ["个名次", "名次", "名", "位"] {
                        if starts(chars, e, tail) {
                            let e2 = e + tail.chars().count();
                            self.push(Kind::Res(ResKind::Rank), i, e2);
                            return e2 - i;
                        }
                    }
                }
            }
        }
        // 28→12 / 28->12 / 从62到95
        if d > 0 && !prev.is_ascii_digit() && d <= 3 {
            let j = i + d;
            let arrow = match (chars.get(j), chars.get(j + 1)) {
                (Some('→'), _) | (Some('⇒'), _) => 1,
                (Some('-'), Some('>')) => 2,
                _ => 0,
            };
            if arrow > 0 {
                let k = j + arrow;
                let d2 = digits_at(chars, k);
                if d2 > 0 && d2 <= 3 {
                    self.push(Kind::Res(ResKind::Rank), i, k + d2);
                    return k + d2 - i;
                }
            }
        }
        // English ordinals: 1st / 2nd / 3rd / 4th place
        if d > 0 && d <= 2 && !prev.is_ascii_alphanumeric() {
            let j = i + d;
            for suf in ["st", "nd", "rd", "th"] {
                if starts(chars, j, suf) && !chars.get(j + 2).is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.push(Kind::Res(ResKind::Rank), i, j + 2);
                    return j + 2 - i;
                }
            }
        }
        // Medals, stars, flowers
        if matches!(c, '🥇' | '🥈' | '🥉' | '🏅' | '🏆') {
            self.push(Kind::Res(ResKind::Tier), i, i + 1);
            return 1;
        }
        if matches!(c, '⭐' | '🌟') {
            let run = chars[i..].iter().take_while(|c| matches!(**c, '⭐' | '🌟')).count();
            if run >= 2 || next.is_ascii_digit() {
                self.push(Kind::Res(ResKind::Tier), i, i + run);
                return run;
            }
        }
        // Tier words
        if TIER_FIRST.contains(c) {
            for (word, len) in TIERS {
                if starts(chars, i, word)
                    && (!is_award(word)
                        || *self
                            .awards_are_results
                            .get_or_insert_with(|| !NOT_ACADEMIC.iter().any(|w| norm.text.contains(w))))
                {
                    self.push(Kind::Res(ResKind::Tier), i, i + len);
                    return *len;
                }
            }
        }
        if starts(chars, i, "录取") || starts(chars, i, "考上") || starts(chars, i, "上了") && is_han(c) {
            // 上了 only counts before a school-ish word; keep it simple: 录取 and 考上.
            if c != '上' {
                self.push(Kind::Res(ResKind::Admission), i, i + 2);
                return 2;
            }
        }
        // Letter tiers: A+ / B- / A等 / B档 / "是C" / "：A"
        if matches!(c, 'a'..='d') && !prev.is_ascii_alphabetic() && !next.is_ascii_alphabetic() {
            let mut e = i + 1;
            let marked = matches!(next, '+' | '-' | '等' | '档' | '级');
            if matches!(next, '+' | '-') {
                e += 1;
                if chars.get(e) == Some(&'+') {
                    e += 1;
                }
            }
            let introduced = matches!(prev, '是' | '得' | '拿' | '获' | '为' | ':' | ' ' | '(' | '|' | '｜');
            if marked || (introduced && !next.is_ascii_digit()) {
                if matches!(next, '等' | '档' | '级') {
                    e += 1;
                }
                self.push(Kind::Res(ResKind::Tier), i, e);
                return e - i;
            }
        }
        // Scores: 96.5分 / 100% / 20/20 / 98
        if d > 0
            && !prev.is_ascii_digit()
            && prev != '.'
            && prev != '¥'
            && prev != '$'
            && !matches!(prev, '-' | '~' | '～' | '至' | '到')
        {
            let mut j = i + d;
            let mut frac = 0;
            if chars.get(j) == Some(&'.') && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
                frac = 1 + digits_at(chars, j + 1);
                j += frac;
            }
            if d <= 3 {
                let after = chars.get(j).copied().unwrap_or(' ');
                let after2 = chars.get(j + 1).copied().unwrap_or(' ');
                // 20/20
                if after == '/' && after2.is_ascii_digit() {
                    let d2 = digits_at(chars, j + 1);
                    if d2 <= 3 {
                        self.push(Kind::Res(ResKind::Score), i, j + 1 + d2);
                        return j + 1 + d2 - i;
                    }
                }
                if after == '分' && after2 != '钟' && after2 != '之' {
                    self.push(Kind::Res(ResKind::Score), i, j + 1);
                    return j + 1 - i;
                }
                // 90+ / 95%: a mark or a share (90+: over a list is a heading).
                if after == '%' || after == '+' && matches!(after2, ':' | ' ' | '\n' | ',' | '的' | '、' | '(' | ')')
                {
                    self.push(Kind::Res(ResKind::Score), i, j + 1);
                    return j + 1 - i;
                }
                if matches!(after, '朵' | '颗' | '秒') {
                    self.push(Kind::Res(ResKind::Score), i, j + 1);
                    return j + 1 - i;
                }
                // After a colon only when a masked name stands before it (王**:98), not a time.
                let not_a_score = prev == ':' && !(i >= 2 && is_mask(chars[i - 2]))
                    || prev == '第'
                    || after == ':'
                    || matches!(after, '-' | '~' | '～' | '度' | '℃' | '°' | '码')
                    || after == '.' && frac == 0
                    || "元块号点月日年岁人个页题次班级届米斤公里楼路期位名条份套本件张道篇课节周天时小岁组句字行首项瓶毛角千万亿kmg"
                        .contains(after)
                    || after.is_ascii_alphabetic() && !matches!(after, 'p')
                    || prev.is_ascii_alphabetic();
                if !not_a_score {
                    self.push(Kind::Res(ResKind::Number), i, j);
                    return j - i;
                }
            }
            // A student number: 3号 (not a date, a floor or a bus).
            if d <= 2 && chars.get(i + d) == Some(&'号') && frac == 0 {
                let after = chars.get(i + d + 1).copied().unwrap_or(' ');
                let date_before = matches!(prev, '月' | '年' | '第' | '几' | '-' | '~' | '～' | '至' | '到');
                let not_pupil =
                    "楼线门口床房车馆机院室前后晚早上下中午起到至开截之左右".contains(after) || after.is_ascii_digit();
                if !date_before && !not_pupil {
                    self.push(Kind::Id(IdKind::Number), i, i + d + 1);
                    return d + 1;
                }
            }
            return j - i;
        }

        // --- identifiers ---
        if starts(chars, i, "学号") {
            let mut j = i + 2;
            while chars.get(j) == Some(&' ') || chars.get(j) == Some(&':') {
                j += 1;
            }
            let d = digits_at(chars, j);
            if d > 0 && d <= 4 {
                self.push(Kind::Id(IdKind::Number), i, j + d);
                return j + d - i;
            }
        }
        if c == '#' && next.is_ascii_digit() && !prev.is_ascii_alphanumeric() {
            let d = digits_at(chars, i + 1);
            if d <= 2 {
                self.push(Kind::Id(IdKind::Number), i, i + 1 + d);
                return 1 + d;
            }
        }
        if starts(chars, i, "no.") && !prev.is_ascii_alphabetic() {
            let mut j = i + 3;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            let d = digits_at(chars, j);
            if d > 0 && d <= 2 {
                self.push(Kind::Id(IdKind::Number), i, j + d);
                return j + d - i;
            }
        }
        if c == '@' {
            // The name runs to the first separator the user typed (the normaliser joins
            // `@周妈妈 孩子` into one run of Chinese, so look at the original gaps too).
            let mut run = 0;
            while let Some(&c) = chars.get(i + 1 + run) {
                if c.is_whitespace() || matches!(c, ',' | '，' | ':' | '、' | '@' | '!' | '?' | '。') || run >= 12 {
                    break;
                }
                if run > 0 && norm.source_of(i + 1 + run).0 > norm.source_of(i + run).1 {
                    break;
                }
                run += 1;
            }
            // `@全体成员` / `@所有人` / `@all` address everyone, not a parent.
            let everyone = ["全体成员", "所有人", "全体", "all", "everyone"]
                .iter()
                .any(|w| run == w.chars().count() && starts(chars, i + 1, w));
            if run > 0 && !everyone {
                self.push(Kind::Id(IdKind::Parent), i, i + 1 + run);
                return 1 + run;
            }
        }
        if is_han(c) {
            // Masked names: 王** / 李某某 / 陈○○ / 张x / 刘*明 / 欧阳**
            let compound =
                matches!(c, '欧' | '司' | '上' | '诸' | '东' | '慕' | '令' | '皇' | '尉' | '公' | '长' | '夏')
                    && COMPOUND_SURNAMES.iter().any(|s| starts(chars, i, s));
            let base = if compound { 2 } else { 1 };
            let m = chars[i + base..].iter().take_while(|c| is_mask(**c)).count();
            // 42人×50 / 3本×12: a times sign before a number multiplies, it masks nothing.
            let times = chars[i + base..i + base + m].iter().all(|c| matches!(c, '×' | '✕'))
                && chars.get(i + base + m).is_some_and(|c| c.is_ascii_digit());
            if (1..=3).contains(&m) && chars[i + base] != '#' && !times {
                let mut e = i + base + m;
                if chars.get(e).is_some_and(|c| is_han(*c)) && m == 1 && chars.get(e + 1).is_none_or(|c| !is_han(*c)) {
                    e += 1; // 刘*明
                }
                self.push(Kind::Id(IdKind::Masked), i, e);
                return e - i;
            }
            if is_surname(c) || base == 2 {
                let j = i + base;
                // 李某某 / 李某
                if chars.get(j) == Some(&'某') {
                    let k = if chars.get(j + 1) == Some(&'某') { j + 2 } else { j + 1 };
                    let after = chars.get(k).copied().unwrap_or(' ');
                    if !"些个天位种地次处时".contains(after) {
                        self.push(Kind::Id(IdKind::Masked), i, k);
                        return k - i;
                    }
                }
                // 张x / 李xx
                let xs = chars[j..].iter().take_while(|c| **c == 'x').count();
                if (1..=2).contains(&xs) && !chars.get(j + xs).is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.push(Kind::Id(IdKind::Masked), i, j + xs);
                    return j + xs - i;
                }
                // X家的 / X家 (before a result)
                if starts(chars, j, "家的") {
                    self.push(Kind::Id(IdKind::Parent), i, j + 2);
                    return j + 2 - i;
                }
                // 鲁妈妈 / 焦梓萱妈妈 / 王爸爸
                for len in [0usize, 1, 2] {
                    if chars[j..].len() >= len && chars[j..j + len].iter().all(|c| is_han(*c)) {
                        for p in ["妈妈", "爸爸", "家长"] {
                            if starts(chars, j + len, p) && !is_han(prev) {
                                let e = j + len + 2;
                                self.push(Kind::Id(IdKind::Parent), i, e);
                                return e - i;
                            }
                        }
                    }
                }
            }
            // X同学 / XYZ同学
            if is_surname(c) && !is_han(prev) {
                for len in [0usize, 1, 2] {
                    if starts(chars, i + 1 + len, "同学") && chars[i + 1..i + 1 + len].iter().all(|c| is_han(*c)) {
                        let name: String = chars[i..i + 1 + len].iter().collect();
                        if !NOT_A_CLASSMATE.iter().any(|w| name.ends_with(w)) {
                            let e = i + 1 + len + 2;
                            self.push(Kind::Id(IdKind::Classmate), i, e);
                            return e - i;
                        }
                    }
                }
            }
            // Full names right before a number: 王子涵98 / 贝某某 287 handled above.
            if (is_surname(c) || base == 2) && !is_han(prev) {
                for len in [2usize, 1] {
                    let e = i + base + len;
                    if e <= chars.len() && chars[i + base..e].iter().all(|c| is_han(*c)) {
                        let mut k = e;
                        while chars.get(k).is_some_and(|c| *c == ' ' || *c == ':') {
                            k += 1;
                        }
                        if chars.get(k).is_some_and(|c| c.is_ascii_digit()) && !chars.get(e).is_some_and(|c| is_han(*c))
                        {
                            self.push(Kind::Id(IdKind::FullName), i, e);
                            return e - i;
                        }
                    }
                }
            }
            return 1;
        }
        if c.is_ascii_alphabetic() && !prev.is_ascii_alphabetic() {
            let run = chars[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            // Look at the original capitals.
            let (ob, _) = norm.source_of(i);
            let (_, oe) = norm.source_of(i + run - 1);
            let word = original.get(ob as usize..oe as usize).unwrap_or("");
            let upper = word.chars().all(|c| c.is_ascii_uppercase());
            let capitalised = word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && word.chars().skip(1).all(|c| c.is_ascii_lowercase());
            // Initials with dots: Z.Y. / J.L.
            if run == 1 && upper && chars.get(i + 1) == Some(&'.') {
                let mut e = i + 2;
                let mut letters = 1;
                while chars.get(e).is_some_and(|c| c.is_ascii_alphabetic())
                    && chars.get(e + 1).is_none_or(|c| !c.is_ascii_alphabetic())
                {
                    letters += 1;
                    e += 1;
                    if chars.get(e) == Some(&'.') {
                        e += 1;
                    }
                }
                if letters >= 2 {
                    self.push(Kind::Id(IdKind::Initials), i, e);
                    return e - i;
                }
            }
            if upper && (2..=4).contains(&run) && !NOT_INITIALS.contains(&word) {
                self.push(Kind::Id(IdKind::Initials), i, i + run);
                return run;
            }
            if capitalised && run >= 2 && !NOT_A_NAME.contains(&word) {
                let mut e = i + run;
                // An initial after the name: Emma W. / J*** L.
                if chars.get(e) == Some(&' ')
                    && chars.get(e + 1).is_some_and(|c| c.is_ascii_alphabetic())
                    && chars.get(e + 2) == Some(&'.')
                {
                    e += 3;
                }
                self.push(Kind::Id(IdKind::EnglishName), i, e);
                return e - i;
            }
            return run;
        }
        1
    }

    /// Pairs identifiers with results and headings into entries.
    fn pair(&mut self) {
        let atoms = &self.atoms;
        let chars = &self.chars;
        let numbers_are_scores = self.numbers_are_scores;
        let mut used = vec![false; atoms.len()];
        // A hard stop between an identifier and a result: the end of a sentence or line.
        let stop_between = |a: u32, b: u32| -> bool {
            chars[a as usize..b as usize].iter().any(|c| matches!(*c, '。' | '\n' | '!' | '?' | ';' | '；'))
        };
        for (ii, a) in atoms.iter().enumerate() {
            let Kind::Id(kind) = a.kind else { continue };
            // Result after the identifier, close by, with no other identifier between.
            let mut found = None;
            let mut shared = false;
            let mut last_end = a.ce;
            for (ri, r) in atoms.iter().enumerate().skip(ii + 1) {
                match r.kind {
                    // `殷家的和罗家的并列第一`: identifiers joined by a conjunction share a result.
                    Kind::Id(_) => {
                        let between: String = chars[last_end as usize..r.cs as usize].iter().collect();
                        if matches!(between.trim(), "和" | "与" | "跟" | "及" | "、" | "," | "and" | "&") {
                            shared = true;
                            last_end = r.ce;
                            continue;
                        }
                        break;
                    }
                    Kind::Heading => continue,
                    // Bare numbers are scores only where the message talks about results, or, for
                    // masked names and student numbers, where it talks of nothing else numeric.
                    Kind::Res(ResKind::Number)
                        if !numbers_are_scores
                            && (self.numbers_are_counts
                                || self.other_at(r.cs)
                                || matches!(kind, IdKind::Parent | IdKind::FullName | IdKind::EnglishName)) =>
                    {
                        break;
                    }
                    Kind::Res(rk) => {
                        let gap = r.cs.saturating_sub(last_end);
                        let limit = match (kind, rk) {
                            (IdKind::FullName, _) => 2,
                            (IdKind::EnglishName | IdKind::Initials, _) => 4,
                            (_, ResKind::Admission) => 12,
                            (IdKind::Parent, _) => 16,
                            _ => 10,
                        };
                        if gap <= limit && !used[ri] && !stop_between(a.ce, r.cs) {
                            found = Some(ri);
                        }
                        break;
                    }
                }
            }
            // Or right before it: 🥇万** / 第一名 梁xx / 1st place: Ethan C.
            if found.is_none() && ii > 0 {
                let r = &atoms[ii - 1];
                if let Kind::Res(rk) = r.kind
                    && !used[ii - 1]
                    && matches!(rk, ResKind::Rank | ResKind::Tier)
                    && a.cs.saturating_sub(r.ce) <= 8
                    && !stop_between(r.ce, a.cs)
                {
                    found = Some(ii - 1);
                }
            }
            if let Some(ri) = found {
                used[ri] = !shared;
                self.entries.push((ii, ri));
            }
        }
        // Headings over lists: identifiers after a heading (up to the next heading or blank line),
        // or two or more identifiers right before one (`@严妈妈 @华爸爸 …都没及格`).
        for (hi, h) in atoms.iter().enumerate() {
            if h.kind != Kind::Heading {
                continue;
            }
            let mut listed = 0;
            for (ii, a) in atoms.iter().enumerate().skip(hi + 1) {
                if a.kind == Kind::Heading || a.cs.saturating_sub(h.ce) > 120 {
                    break;
                }
                if matches!(a.kind, Kind::Id(_)) && !self.entries.iter().any(|e| e.0 == ii) {
                    self.entries.push((ii, hi));
                    listed += 1;
                }
            }
            if listed == 0 {
                let before: Vec<usize> = (0..hi)
                    .rev()
                    .take_while(|&k| matches!(atoms[k].kind, Kind::Id(_)) && h.cs.saturating_sub(atoms[k].ce) <= 40)
                    .collect();
                if before.len() >= 2 {
                    for k in before {
                        if !self.entries.iter().any(|e| e.0 == k) {
                            self.entries.push((k, hi));
                        }
                    }
                }
            }
        }
        self.entries.sort_unstable();
    }

    fn is_bare(&self, entry: (usize, usize)) -> bool {
        self.atoms[entry.1].kind == Kind::Res(ResKind::Number)
    }

    fn id_kind(&self, entry: (usize, usize)) -> IdKind {
        match self.atoms[entry.0].kind {
            Kind::Id(k) => k,
            _ => unreachable!("entries start with an identifier"),
        }
    }

    /// Hits of a detector, in normalised byte offsets.
    pub(crate) fn hits(&self, detector: Detector, out: &mut Hits) {
        out.clear();
        let n = self.entries.len();
        let english = self.entries.iter().filter(|e| self.id_kind(**e) == IdKind::EnglishName).count();
        let headed = self.entries.iter().any(|e| self.atoms[e.1].kind == Kind::Heading);
        let span = |e: &(usize, usize)| {
            let (a, b) = (self.atoms[e.0], self.atoms[e.1]);
            (a.cs.min(b.cs), a.ce.max(b.ce))
        };
        match detector {
            Detector::Roster => {
                // English names alone are easy to mistake (subjects, places): three, or a heading.
                let mut counted = n - if english >= 3 || headed { 0 } else { english };
                // Bare numbers in a message that never says it is about results: three entries.
                if !self.numbers_are_scores && counted < 3 {
                    counted -= self.entries.iter().filter(|e| self.is_bare(**e)).count().min(counted);
                }
                // The same bare number after every name, in a message that never says it is about
                // results, is what each paid or ordered (`1. 张** 50⏎2. 李** 50`), not a score.
                if !self.numbers_are_scores && n >= 2 && self.entries.iter().all(|e| self.is_bare(*e)) {
                    let value =
                        |e: &(usize, usize)| &self.chars[self.atoms[e.1].cs as usize..self.atoms[e.1].ce as usize];
                    if self.entries.iter().all(|e| value(e) == value(&self.entries[0])) {
                        counted = 0;
                    }
                }
                if counted >= 2 {
                    let cs = self.entries.iter().map(|e| span(e).0).min().unwrap_or(0);
                    let ce = self.entries.iter().map(|e| span(e).1).max().unwrap_or(0);
                    out.push((self.bytes[cs as usize], self.bytes[ce as usize]));
                }
            }
            Detector::PupilResult => {
                if n == 1 {
                    let e = self.entries[0];
                    let strong = self.id_kind(e).strong();
                    let telling = match self.atoms[e.1].kind {
                        Kind::Res(r) => !matches!(r, ResKind::Admission),
                        Kind::Heading => true,
                        Kind::Id(_) => false,
                    };
                    if strong && telling && (self.numbers_are_scores || !self.is_bare(e)) {
                        let (cs, ce) = span(&e);
                        out.push((self.bytes[cs as usize], self.bytes[ce as usize]));
                    }
                }
            }
        }
    }
}

/// First characters of [`HEADINGS`] and [`TIERS`]: most characters start neither.
const HEAD_FIRST: &str = "不满光红进退需要重补未没低最全优hfpdtl唔";
const TIER_FIRST: &str = "满全优良及合达待入未落甲乙丙一二三冠亚季金银铜dmpd";

/// Headings that make a list of identifiers a list of results (normalised: Simplified, lower case).
const HEADINGS: &[(&str, usize)] = &[
    ("不及格名单", 5),
    ("不合格名单", 5),
    ("满分名单", 4),
    ("满分的有", 4),
    ("满分的同学", 5),
    ("满分同学", 4),
    ("满分:", 3),
    ("光荣榜", 3),
    ("红榜", 2),
    ("进步奖", 3),
    ("进步最大", 4),
    ("退步最大", 4),
    ("需要重考", 4),
    ("要重考", 3),
    ("需重考", 3),
    ("重考", 2),
    ("需要补考", 4),
    ("要补考", 3),
    ("需补考", 3),
    ("补考名单", 4),
    ("未达标", 3),
    ("没过关", 3),
    ("未过关", 3),
    ("不过关", 3),
    ("没通过", 3),
    ("未通过", 3),
    ("要重默", 3),
    ("重默", 2),
    ("要重写", 3),
    ("不达标", 3),
    ("没达标", 3),
    ("没及格", 3),
    ("未及格", 3),
    ("不及格", 3),
    ("不合格", 3),
    ("唔合格", 3),
    ("没合格", 3),
    ("低于平均分", 5),
    ("低于班级平均", 6),
    ("最高分", 3),
    ("最低分", 3),
    ("全对的", 3),
    ("优秀名单", 4),
    ("优秀的有", 4),
    ("honour roll", 11),
    ("honor roll", 10),
    ("full marks", 10),
    ("perfect score", 13),
    ("did not pass", 12),
    ("didn't pass", 11),
    ("failed", 6),
    ("top scorers", 11),
    ("lowest", 6),
    ("highest", 7),
];

/// Sports days, races and arts: their awards are honours, not results of schoolwork.
const NOT_ACADEMIC: &[&str] = &[
    "运动会",
    "跳绳",
    "跑步",
    "接力",
    "拔河",
    "田径",
    "长跑",
    "短跑",
    "游泳",
    "篮球",
    "足球",
    "乒乓",
    "羽毛球",
    "跳远",
    "跳高",
    "广播操",
    "合唱",
    "舞蹈",
    "绘画",
    "书法",
    "歌唱",
    "器乐",
    "sports day",
    "race",
    "swim",
];

fn is_award(word: &str) -> bool {
    word.ends_with('奖') || word.ends_with('军')
}

/// Tier words that are results by themselves. Award tiers (一等奖 王**、赵**；二等奖 孙**) group
/// named pupils by their result as much as grade tiers do; a class's own award (我们班获得一等奖)
/// names nobody and stays clean.
const TIERS: &[(&str, usize)] = &[
    ("一等奖", 3),
    ("二等奖", 3),
    ("三等奖", 3),
    ("冠军", 2),
    ("亚军", 2),
    ("季军", 2),
    ("金奖", 2),
    ("银奖", 2),
    ("铜奖", 2),
    ("满分", 2),
    ("全对", 2),
    ("优秀", 2),
    ("良好", 2),
    ("及格", 2),
    ("合格", 2),
    ("达标", 2),
    ("待提高", 3),
    ("入选", 2),
    ("未入选", 3),
    ("落选", 2),
    ("甲等", 2),
    ("乙等", 2),
    ("丙等", 2),
    ("distinction", 11),
    ("merit", 5),
    ("passed", 6),
    ("place", 5),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normaliser;

    fn detect(text: &str) -> (bool, bool) {
        let norm = Normaliser::builtin().normalise(text);
        let mut scan = RosterScan::default();
        let mut sentences = Vec::new();
        crate::normalize::sentence_starts(text, &mut sentences, &mut Vec::new());
        scan.scan(&norm, text, &sentences);
        let mut hits = Vec::new();
        scan.hits(Detector::Roster, &mut hits);
        let roster = !hits.is_empty();
        scan.hits(Detector::PupilResult, &mut hits);
        (roster, !hits.is_empty())
    }

    #[test]
    fn first_character_filters_cover_every_word() {
        for (w, len) in HEADINGS {
            assert!(HEAD_FIRST.contains(w.chars().next().unwrap()), "{w}");
            assert_eq!(w.chars().count(), *len, "{w}");
        }
        for (w, len) in TIERS {
            assert!(TIER_FIRST.contains(w.chars().next().unwrap()), "{w}");
            assert_eq!(w.chars().count(), *len, "{w}");
        }
    }

    #[test]
    fn rosters_in_many_formats() {
        for t in [
            "王** 98，李** 96，陈** 95",
            "期中数学成绩：王子涵98，李若曦96，陈一鸣95，其余同学请私聊老师。",
            "本次考试🥇万** 🥈段** 🥉秦** 恭喜以上同学！",
            "光荣榜（总分280以上）：江**、史**、顾**、尹**",
            "口算比赛成绩出炉：Z.Y. 100，LJ 98，WH 97，CX 95。",
            "体育测试跳绳成绩倒数五名：6号、19号、22号、30号",
            "本学期“进步奖”：\n嵇同学 班级排名 28→12\n雍同学 班级排名 33→20",
            "今日默書，全班最高分係李XX 100分，有三位同學唔合格：陳XX、張XX、何XX",
            "Math quiz results are in! 1st place: Ethan C. 98%, 2nd: Sophia R. 95%, 3rd: Jayden M. 94%.",
            "90分以上：孙**、魏**、卞**\n80-89分：齐**、康**",
            "@严妈妈 @华爸爸 @金妈妈 三位家长注意一下，你们家孩子这次都没及格。",
            "哈哈刚才老师说殷家的和罗家的并列第一，都是145，厉害了",
            "今天spelling test满分的有Kevin、Lucy和Tony，不及格的是Jason和Mandy",
            "期末综合评价获得A等的同学：\n尚**、荀**、羊**、於**",
            "三（2）班 期中成绩\n姓名｜语文｜数学｜总分\n夏** ｜95｜98｜193\n钟** ｜92｜97｜189",
            "这次物理小测，许同学100分，潘同学99，袁同学98",
            "区作文比赛获奖名单：一等奖 王**、赵**；二等奖 孙**、钱**",
            "恭喜以下同學喺校際朗誦節獲獎：冠軍 4A 何**；亞軍 4A 梁**",
            "語文90+：周** 吴*琪 郑** 孙**",
            "期中数学前五：王** 98 李*然 97 张** 96…",
        ] {
            assert!(detect(t).0, "no roster in {t:?}");
        }
    }

    #[test]
    fn single_results() {
        for t in [
            "@葛爸爸 葛**这次排第17，比上次退步了6名，数学丢分比较多。",
            "鲁妈妈，孩子这次年级排第203名，比上次退了40多名，需要注意了。",
            "@周妈妈 孩子只考了58分",
            "希望某些家长重视一下，这次全班就一个不及格，学号18，35分。",
        ] {
            let (roster, single) = detect(t);
            assert!(roster || single, "nothing in {t:?}");
        }
    }

    #[test]
    fn not_rosters() {
        for t in [
            "表扬王**、李**、赵**作业认真，书写工整",
            "本次数学测验全班平均分85.5，最高分98，大家继续努力",
            "3号、5号、8号同学的回执还没交，请家长提醒一下",
            "周三（15号）下午3点开家长会，请准时参加",
            "1. 王妈妈 50\n2. 李爸爸 50\n3. 赵妈妈 50",
            "接龙：\n1. 王妈妈 2人\n2. 李爸爸 1人",
            "明天8号前交回执，谢谢",
            "请各位同学第3单元的练习第5页做完",
            "孩子这次考了95分，我们很开心",
            "5号楼的家长注意，明天停水",
            "Thank you Mrs. Lee for the 3 great workshops!",
            "刘老师您好，我是12号陈**的妈妈，孩子昨晚发烧38.5，今天在家休息一天",
            "期末考场安排：1-20号在本班教室，21-40号在隔壁三班教室",
            "运动会班服尺码请在下面接龙：\n1. 王** 140\n2. 李** 150",
            "春游每个孩子87.5元，接龙付款：\n1. 王**妈妈 87.5 已付\n2. 李**爸爸 87.5 已付",
            "1. 张** 50\n2. 李** 50\n3. 赵** 50\n4. 王** 50",
            "@全体成员 下周数学考试范围：第三、四单元。座位按学号单人单桌",
            "运动会获奖名单：跳绳一等奖 3号、跑步二等奖 15号，恭喜！",
            "恭喜我们班在合唱比赛中获得一等奖！",
            "班费账目：收入2100元（42人×50），支出915.5，余1184.5",
            "春游费用：车费35+门票40+保险5+饮用水5=85元/人，明天中午前按小组交给组长。",
            "马上期末了，注意作息。元旦活动的钱还有四个小朋友没交，学号12、19、30、44，请抓紧。",
        ] {
            let (roster, single) = detect(t);
            assert!(!roster && !single, "false roster in {t:?}");
        }
    }
}

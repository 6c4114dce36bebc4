//! Is a reply to a notice only an acknowledgement ("收到", "收到，谢谢老师辛苦了🌹", "张三爸爸收到",
//! "OK thanks", "👌")? Such a reply is counted as its sender's acknowledgement and removed, so the
//! notice stays visible. Pure: no Telegram, no store.
//!
//! The rule: after normalising (NFKC, lower case, a few Traditional characters folded, WeChat
//! `[表情]` codes and emoji set aside), the reply must be made up entirely of
//! - at least one **acknowledgement** (收到, 已阅, 好的, 明白, 知道了, 嗯, OK, noted, 👌, 👍, `[强]` …),
//! - and otherwise only **filler**: thanks and formulas (谢谢, 辛苦了, 麻烦老师了, 感恩), salutations
//!   and wishes (老师, 张老师好, 周末愉快), particles (了, 啦, 哈, 哦, 呢), decorative emoji and codes,
//!   punctuation and spaces,
//! - and at most one **signature** at the start or the end naming the parent ("小明妈妈：",
//!   "3号王子涵家长", "（乐乐奶奶）", "— Tom's dad").
//!
//! Anything else — a question mark, a negation (没, 不, 未), a request, information, a condition, an
//! objection, any word not in the lists — makes it a message for the teacher, which stays. Unclear
//! means "not an acknowledgement": a wrong "no" only leaves a reply visible, a wrong "yes" deletes
//! something the teacher needed to read. `tests/data/ack_replies.jsonl` holds the labelled cases.

use unicode_normalization::UnicodeNormalization;

/// Longest reply considered at all (characters).
const MAX_CHARS: usize = 60;

/// Words that acknowledge.
const ACK: &[&str] = &[
    "收到",
    "已收到",
    "收悉",
    "已收悉",
    "知悉",
    "已知悉",
    "已知晓",
    "知晓",
    "已阅",
    "已读",
    "阅",
    "好的",
    "好滴",
    "好哒",
    "好嘞",
    "好叻",
    "好咧",
    "好",
    "嗯",
    "嗯嗯",
    "嗯呢",
    "明白",
    "了解",
    "知道",
    "晓得",
    "清楚",
    "没问题",
    "一定配合",
    "配合",
    "ok",
    "okay",
    "okey",
    "noted",
    "received",
    "gotit",
    "got",
    "roger",
    "understood",
    "willdo",
    "sure",
    "yes",
];

/// Words that may surround an acknowledgement without adding anything for the teacher.
const FILLER: &[&str] = &[
    // thanks and formulas
    "谢谢",
    "谢谢您",
    "谢啦",
    "谢了",
    "多谢",
    "感谢",
    "感恩",
    "辛苦",
    "辛苦了",
    "辛苦啦",
    "麻烦了",
    "麻烦老师了",
    "麻烦您了",
    "费心了",
    "费心",
    "对孩子的照顾",
    "照顾",
    "付出",
    "您",
    "你",
    "们",
    "大家",
    "各位",
    // salutations and wishes
    "老师",
    "老师们",
    "老是",
    "您好",
    "你好",
    "早",
    "早上好",
    "晚上好",
    "晚安",
    "周末愉快",
    "节日快乐",
    "祝",
    "愉快",
    "快乐",
    "一切顺利",
    "顺利",
    // particles
    "了",
    "啦",
    "哈",
    "哈哈",
    "咯",
    "鸭",
    "呀",
    "啊",
    "哦",
    "噢",
    "喔",
    "呢",
    "的",
    "滴",
    "哒",
    "嘞",
    "囉",
    "啰",
    "一定",
    "已",
    "都",
    // English
    "thanks",
    "thank",
    "thx",
    "ty",
    "you",
    "with",
    "teacher",
    "mr",
    "ms",
    "mrs",
    "miss",
    "it",
    "so",
    "much",
    "a",
    "lot",
    "dear",
    "hi",
    "hello",
    "and",
    "very",
];

/// Words that look like an acknowledgement but say something else: "好了" usually reports that
/// something is done (paid, filled in).
const NOT_ACK: &[&str] = &["好了"];

/// Words after which 好 is a greeting ("老师好", "大家好"), not an "OK".
const GREETED: &[&str] = &["老师", "老师们", "您", "你", "大家", "各位"];

/// Relations a signature ends with ("小明妈妈", "3号家长").
const RELATIONS: &[&str] = &[
    "妈妈", "爸爸", "家长", "奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷", "妈", "爸", "mom", "mum", "dad", "mother",
    "father", "parent", "grandma", "grandpa",
];

/// Emoji and WeChat codes that acknowledge by themselves.
const ACK_MARKS: &[&str] = &["👌", "👍", "🆗", "✔", "☑", "🫡", "[强]", "[ok]", "[好的]", "[收到]"];

/// Traditional characters of the vocabulary above.
const FOLD: &[(char, char)] = &[
    ('謝', '谢'),
    ('師', '师'),
    ('讀', '读'),
    ('閱', '阅'),
    ('們', '们'),
    ('麻', '麻'),
    ('煩', '烦'),
    ('費', '费'),
    ('樂', '乐'),
    ('囉', '啰'),
    ('嘞', '嘞'),
    ('曉', '晓'),
    ('瞭', '了'),
    ('問', '问'),
    ('題', '题'),
    ('顧', '顾'),
    ('對', '对'),
    ('愛', '爱'),
    ('媽', '妈'),
    ('爺', '爷'),
    ('長', '长'),
    ('號', '号'),
    ('順', '顺'),
    ('節', '节'),
    ('氣', '气'),
    ('紅', '红'),
    ('悉', '悉'),
    ('當', '当'),
    ('會', '会'),
    ('覺', '觉'),
    ('這', '这'),
    ('個', '个'),
];

/// Whether `text`, a reply to a notice, is only an acknowledgement.
pub fn is_acknowledgement(text: &str) -> bool {
    if text.chars().count() > MAX_CHARS || text.contains(['?', '？']) {
        return false;
    }
    let mut acked = false;
    let normal = normalise(text, &mut acked);
    // As written, and with stray spaces between Chinese characters closed up ("收 到").
    segments_acknowledge(&normal, acked) || segments_acknowledge(&close_cjk_gaps(&normal), acked)
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn close_cjk_gaps(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let gap = c == ' ' && i > 0 && is_cjk(chars[i - 1]) && chars.get(i + 1).is_some_and(|n| is_cjk(*n));
        if !gap {
            out.push(c);
        }
    }
    out
}

fn segments_acknowledge(normal: &str, mut acked: bool) -> bool {
    let segments: Vec<&str> = normal.split(' ').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() {
        return acked; // emoji or codes alone: 👌 yes, 🙏 no
    }
    let last = segments.len() - 1;
    let mut signed = false;
    for (i, seg) in segments.iter().enumerate() {
        // A teacher's English name after the title ("thank you ms wang").
        let titled = i > 0 && ["mr", "ms", "mrs", "miss", "teacher"].contains(&segments[i - 1]);
        if titled && seg.len() <= 12 && seg.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        match consume(seg) {
            Some(ack) => acked |= ack,
            None => {
                // One signature, at either end, possibly glued to the acknowledgement after it.
                let at_end = i == 0 || i == last;
                match (at_end && !signed).then(|| signature(seg)).flatten() {
                    Some(rest) => {
                        signed = true;
                        match consume(rest) {
                            Some(ack) => acked |= ack,
                            None => return false,
                        }
                    }
                    None => return false,
                }
            }
        }
    }
    acked
}

/// Lower case, NFKC, folded, with punctuation as spaces; acknowledging marks noted in `acked`, other
/// emoji and `[codes]` dropped.
fn normalise(text: &str, acked: &mut bool) -> String {
    let lower: String = text.nfkc().flat_map(char::to_lowercase).map(fold).collect();
    let mut out = String::new();
    let mut rest = lower.as_str();
    while let Some(c) = rest.chars().next() {
        // WeChat codes: "[玫瑰]", "[强]", "[OK]".
        if (c == '[' || c == '【')
            && let Some(end) = rest.find([']', '】'])
            && rest[..end].chars().count() <= 6
        {
            let code = format!("[{}]", &rest[c.len_utf8()..end]);
            *acked |= ACK_MARKS.contains(&code.as_str());
            out.push(' ');
            rest = &rest[end + rest[end..].chars().next().map_or(1, char::len_utf8)..];
            continue;
        }
        if let Some(mark) = ACK_MARKS.iter().find(|m| !m.starts_with('[') && rest.starts_with(**m)) {
            *acked = true;
            out.push(' ');
            rest = &rest[mark.len()..];
            continue;
        }
        if c.is_alphanumeric() && !is_emoji(c) {
            out.push(c);
        } else if c == '\'' || c == '’' {
            // "tom's dad": keep the word whole.
        } else {
            out.push(' '); // punctuation, spaces, emoji, variation selectors, skin tones
        }
        rest = &rest[c.len_utf8()..];
    }
    // English words run together so that "got it" and "will do" match as one.
    join_english(&out)
}

fn fold(c: char) -> char {
    FOLD.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s)
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE00..=0xFE0F | 0x200D | 0x3030)
}

/// "got it thanks" → "gotit thanks"; "will do" → "willdo"; "toms mum" (from "Tom's mum") →
/// "tomsmum", one signature; "thank you" stays two filler words.
fn join_english(s: &str) -> String {
    let mut out = s.replace("got it", "gotit").replace("will do", "willdo");
    for rel in ["mom", "mum", "dad", "mother", "father", "parent", "grandma", "grandpa"] {
        let words: Vec<String> = out.split(' ').map(str::to_owned).collect();
        let mut joined = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if i + 1 < words.len() && words[i + 1] == rel && words[i].ends_with('s') && words[i].len() > 1 {
                joined.push(format!("{}{}", words[i], rel));
                i += 2;
            } else {
                joined.push(words[i].clone());
                i += 1;
            }
        }
        out = joined.join(" ");
    }
    out
}

/// Splits `seg` into vocabulary words, longest first (an acknowledgement wins a tie). `Some(true)`
/// when it consumed fully and held an acknowledgement, `Some(false)` when fully filler, `None` when
/// something is left over.
fn consume(seg: &str) -> Option<bool> {
    let mut acked = false;
    let mut rest = seg;
    let mut previous = "";
    while !rest.is_empty() {
        // A teacher's surname before 老师 ("张老师好").
        if let Some(after) = surname_teacher(rest) {
            rest = after;
            previous = "老师";
            continue;
        }
        let word = FILLER
            .iter()
            .map(|w| (*w, false))
            .chain(ACK.iter().map(|w| (*w, true)))
            .filter(|(w, _)| rest.starts_with(w))
            .max_by_key(|(w, _)| w.len());
        if NOT_ACK.iter().any(|n| rest.starts_with(n) && word.is_none_or(|(w, _)| w.len() <= n.len())) {
            return None;
        }
        match word {
            Some((w, ack)) => {
                // "老师好" greets; "好" alone, or after 收到, acknowledges.
                acked |= ack && !(w == "好" && GREETED.contains(&previous));
                previous = w;
                rest = &rest[w.len()..];
            }
            None => return None,
        }
    }
    Some(acked)
}

/// Common surnames, for "张老师好": a teacher addressed by name.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任\
    沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// "张老师…", "欧阳老师…": a surname, then 老师; returns what follows.
fn surname_teacher(s: &str) -> Option<&str> {
    let mut chars = s.chars();
    let first = chars.next()?;
    if SURNAMES.contains(first)
        && let Some(rest) = s[first.len_utf8()..].strip_prefix("老师")
    {
        return Some(rest);
    }
    for double in ["欧阳", "司马", "上官", "诸葛", "东方", "慕容"] {
        if let Some(rest) = s.strip_prefix(double).and_then(|r| r.strip_prefix("老师")) {
            return Some(rest);
        }
    }
    None
}

/// A parent's signature at the start of `seg` ("小明妈妈", "3号王子涵家长", "08号赵思琪", "tomsdad"):
/// returns what follows it (possibly empty).
fn signature(seg: &str) -> Option<&str> {
    // A class number and a pupil's name: "08号赵思琪", "08号赵思琪收到".
    let digits = seg.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && seg[digits..].starts_with('号') {
        let name_from = digits + '号'.len_utf8();
        let bounds: Vec<usize> = seg[name_from..].char_indices().map(|(i, c)| name_from + i + c.len_utf8()).collect();
        for &end in bounds.iter().take(4) {
            let rest = &seg[end..];
            if rest.is_empty() || consume(rest).is_some() {
                return Some(rest);
            }
        }
    }
    let mut best = None;
    for rel in RELATIONS {
        let mut from = 0;
        while let Some(pos) = seg[from..].find(rel) {
            let end = from + pos + rel.len();
            let name = &seg[..end];
            let chars = name.chars().count();
            // A name (possibly with a class number) and the relation: short, no acknowledgement word
            // inside the name part.
            let before = &seg[..from + pos];
            let plausible = (1..=14).contains(&chars)
                && !ACK.iter().any(|w| w.chars().count() > 1 && before.contains(w))
                && !before.contains(['没', '不', '未', '请']);
            if plausible {
                best = Some(end);
                break;
            }
            from += pos + rel.len();
        }
        if best.is_some() {
            break;
        }
    }
    best.map(|end| &seg[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_labelled_replies() {
        let mut wrong = Vec::new();
        let mut n = 0;
        for line in include_str!("../tests/data/ack_replies.jsonl").lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
            let (text, want) = (v["text"].as_str().unwrap(), v["ack"].as_bool().unwrap());
            n += 1;
            if is_acknowledgement(text) != want {
                wrong.push(format!("{text:?} should be {want} ({})", v["why"]));
            }
        }
        assert!(n >= 150, "{n} labelled cases");
        assert!(wrong.is_empty(), "{} of {n} wrong:\n{}", wrong.len(), wrong.join("\n"));
    }

    #[test]
    fn long_or_questioning_replies_are_never_acknowledgements() {
        assert!(!is_acknowledgement(&"收到".repeat(40)));
        assert!(!is_acknowledgement("收到?"));
        assert!(!is_acknowledgement(""));
        assert!(!is_acknowledgement("   "));
    }
}

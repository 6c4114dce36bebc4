//! Text normalisation: turns what a person typed into one canonical form that the rule pack
//! matches on, while remembering where every normalised character came from.
//!
//! People who post fee requests in parent groups know that groups filter keywords, so they write
//! `班 费`, `班.费`, `班\u{200b}费`, `班fei`, `ban fei`, `ㄅㄢ ㄈㄟˋ`, `班費`, `贰佰`, `５００`, `VX`,
//! `v信`, `💴100`, `РayPal` (Cyrillic Р) and so on. Each pass below undoes one family of tricks:
//!
//! 1. **Characters** ([`Normaliser::map_chars`]): drop default-ignorable characters (zero-width
//!    spaces and joiners, variation selectors, soft hyphens, bidi marks) and Zhuyin tone marks;
//!    NFKD compatibility decomposition with combining marks dropped (full-width forms, Kangxi
//!    radicals, circled and mathematical letters, accents); homoglyph folding (Cyrillic and Greek
//!    look-alikes, CJK radicals supplement); Traditional → Simplified; ASCII lower-casing; money
//!    emoji (`💰💴💵` → `¥` before an amount, else `钱`; `🧧` → `红包`; `💯` → `100`).
//! 2. **Separators** ([`collapse_separators`]): spaces, dots, slashes, dashes, underscores and
//!    line breaks between two Chinese characters are removed (`交\n钱` → `交钱`), as are single
//!    separators inside runs of single letters (`p a y m e n t`) or single digits (`1 2 0`).
//! 3. **Leetspeak** ([`fold_leet`]): an ASCII word with digits in it (`V3nm0`) is folded
//!    (`venmo`) only when the result is one of a few payment words.
//! 4. **Lexicon** (`content/policy/lexicon.toml`): pinyin, abbreviations, homophones, slang and
//!    Zhuyin spellings are replaced by the Simplified words (`banfei` → `班费`, `zfb` → `支付宝`,
//!    `毛爷爷` → `100元`).
//! 5. **Numerals** ([`convert_numerals`]): Chinese and capital numerals become ASCII digits where
//!    they are clearly numbers (`贰佰` → `200`, `一百五` → `150`, `五十元` → `50元`), but words
//!    such as `一起`, `统一`, `千万别` are left alone.
//!
//! Every output character carries the byte range of the original text it came from, so that a
//! match found in the normalised text can be shown to moderators as the user's own characters.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

const T2S_DATA: &str = include_str!("../../../content/policy/t2s.txt");
const FOLD_DATA: &str = include_str!("../../../content/policy/fold.txt");
const LEXICON_DATA: &str = include_str!("../../../content/policy/lexicon.toml");

/// First code point covered by the Traditional → Simplified table.
const T2S_BASE: u32 = 0x3400;
/// One past the last code point covered by the table.
const T2S_END: u32 = 0xA000;

/// Payment words that leetspeak folding may produce; anything else is left as typed.
const LEET_WORDS: &[&str] = &[
    "venmo", "paypal", "payme", "pay", "paid", "payment", "transfer", "money", "cash", "fee", "fees", "send", "wechat",
    "alipay", "zelle", "cashapp", "collect", "dues",
];

/// One normalised character and the byte range of the original text it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NChar {
    pub c: char,
    pub start: u32,
    pub end: u32,
}

/// The kinds of lexicon entries; see `lexicon.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LexKind {
    Phrase,
    Word,
    Adjacent,
}

#[derive(Deserialize)]
struct RawLexicon {
    #[serde(default)]
    phrases: BTreeMap<String, String>,
    #[serde(default)]
    words: BTreeMap<String, String>,
    #[serde(default)]
    pinyin: BTreeMap<String, String>,
    #[serde(default)]
    adjacent: BTreeMap<String, String>,
}

/// The normalisation tables, built once (see [`Normaliser::builtin`]).
pub struct Normaliser {
    /// Simplified form for code points `T2S_BASE..T2S_END`; 0 means unchanged.
    t2s: Vec<u16>,
    /// Single-character folds (homoglyphs, radicals), sorted for binary search.
    fold: Vec<(char, char)>,
    lex_ac: AhoCorasick,
    lex: Vec<(LexKind, Vec<char>)>,
    /// Bitmaps over the BMP: first and second characters of lexicon keys that start with a
    /// non-ASCII character. With no such pair and no ASCII letter in a message, the lexicon pass
    /// is skipped.
    lex_first: Vec<u64>,
    lex_second: Vec<u64>,
}

/// A normalised text together with its map back to the original.
#[derive(Default, Debug, Clone)]
pub struct Normalised {
    /// The normalised text.
    pub text: String,
    /// For every char of `text`: the original byte range it came from.
    src: Vec<(u32, u32)>,
    /// For every byte of `text` (plus one past the end): the char index in `text`.
    char_at: Vec<u32>,
}

impl Normalised {
    /// Char index in the normalised text of a byte offset (`0..=text.len()`).
    pub fn char_index(&self, byte: usize) -> u32 {
        self.char_at[byte]
    }

    /// Maps a byte range of the normalised text back to a byte range of the original text.
    /// The result always lies on char boundaries of the original.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.text.len() {
            return (0, 0);
        }
        let (first, last) = (self.char_at[start] as usize, self.char_at[end - 1] as usize);
        let mut s = u32::MAX;
        let mut e = 0;
        for &(a, b) in &self.src[first..=last] {
            s = s.min(a);
            e = e.max(b);
        }
        (s as usize, e as usize)
    }

    /// The original byte range the normalised char `i` came from.
    pub(crate) fn source_of(&self, i: usize) -> (u32, u32) {
        self.src[i]
    }

    /// Number of normalised chars.
    pub(crate) fn char_count(&self) -> usize {
        self.src.len()
    }

    fn clear(&mut self) {
        self.text.clear();
        self.src.clear();
        self.char_at.clear();
    }
}

/// Where the sentences of `original` start, as byte offsets (the first sentence, at 0, is not
/// listed); `soft` marks the boundaries that are only a space or a line break (the engine drops
/// those that fall inside a keyword: `点 个赞`, `转⏎我`). A sentence ends after `。！？!?；;…`, after a line break, and after a `.` followed by
/// white space; a line break right after a colon does not end one, so that a heading or reported
/// speech ("骗子会说：⏎每人200元转我") stays with what follows. Written into `out`, sorted.
///
/// Defusing evidence counts only inside the sentences a match touches, so this decides how far a
/// warning or a question can reach.
pub(crate) fn sentence_starts(original: &str, out: &mut Vec<u32>, soft: &mut Vec<bool>) {
    out.clear();
    soft.clear();
    // A message written with spaces inside its words (`班 费 每 人`, `帮我 家孩 子点`) uses them
    // as an evasion trick, not between sentences: most of its Chinese tokens are one or two
    // characters long.
    let spaced_out = {
        let (mut short, mut cjk) = (0, 0);
        if original.contains([' ', '\u{3000}', '\t']) {
            for token in original.split_whitespace().filter(|t| t.chars().any(is_cjk_word)) {
                cjk += 1;
                short += (token.chars().filter(|c| !is_ignorable(*c)).count() <= 2) as u32;
            }
        }
        cjk >= 3 && short * 2 >= cjk
    };
    let mut prev = '\0';
    // Length of the run of non-space characters just before the current one.
    let mut run = 0usize;
    let mut iter = original.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        // Most characters are Chinese words, digits or letters: none ends a sentence (fast path).
        if matches!(c as u32, 0x4E00..=0x9FFF) || c.is_ascii_alphanumeric() {
            run += 1;
            prev = c;
            continue;
        }
        let end = (i + c.len_utf8()) as u32;
        // Invisible characters are not there as far as sentences go.
        if is_ignorable(c) {
            continue;
        }
        let ends = match c {
            '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '\r' | '\u{2028}' | '\u{2029}' => true,
            '\n' => !matches!(prev, ':' | '：' | '\r'),
            // "… in the memo.Beware of …": a full stop glued between a small and a capital letter.
            // Not after a title: "Mrs. Lopez".
            '.' => {
                iter.peek()
                    .is_none_or(|(_, n)| n.is_whitespace() || n.is_ascii_uppercase() && prev.is_ascii_lowercase())
                    && !TITLES.contains(&ascii_word_before(original, i).to_ascii_lowercase().as_str())
            }
            // In chat a face, a pair of hands or a heart ends a sentence as a full stop does
            // ("…动动手指😂请问大家…"). Soft: one put inside a keyword does not split it.
            // (Looking past invisible characters: ⚠️ is ⚠ and a variation selector.)
            c if closes_sentence(c) => original[end as usize..]
                .chars()
                .find(|n| !is_ignorable(*n))
                .is_some_and(|n| !n.is_whitespace() && !closes_sentence(n)),
            // Chinese has no spaces between words: a space next to anything but plain ASCII
            // separates sentences as often as a comma does ("每人200元转我 请问看到了吗",
            // "…158 Beware!", "娃名🙏 Beware"); between English words it does not, unless a
            // capital or a closing bracket shows a new sentence ("…your list Beware", "[链接] Beware").
            // Spaces between single characters (`班 费 每 人`) are a trick, not sentences, and so
            // are all the spaces of a message spaced out throughout.
            ' ' | '\u{3000}' | '\t' if !spaced_out => {
                let mut ahead =
                    original[end as usize..].chars().filter(|c| !is_ignorable(*c)).take_while(|c| !c.is_whitespace());
                let (n1, n2) = (ahead.next(), ahead.next());
                // Full-width Latin counts as Latin.
                // So do dashes: "via PayNow — $14 each" is one sentence.
                // And currency signs: "sent back the ¥30 you paid" is one sentence.
                let latin = |c: char| match c {
                    '\u{2012}'..='\u{2015}' => '-',
                    '¥' | '£' | '€' | '￥' => '$',
                    _ => fullwidth_to_ascii(c),
                };
                let (p, after) = (latin(prev), n1.map(latin));
                // A Latin word or a number set off by spaces inside Chinese (经 FPS 退返, 每人 50 元)
                // is part of its sentence: neither space ends one.
                if embedded_latin(original, i, end as usize) {
                    run = 0;
                    continue;
                }
                let word_before = run >= 2 || !p.is_alphanumeric();
                // Words on both sides: spaces between single characters are an evasion trick.
                let words = word_before && n2.is_some();
                match after {
                    Some(n) if words => {
                        !p.is_ascii()
                            || !n.is_ascii()
                            || matches!(p, ']' | ')' | '>')
                            || n.is_ascii_uppercase()
                                && !p.is_ascii_uppercase()
                                // "I've", and a name after a word that leads into one ("pay by
                                // PayPal", "from Mrs. Lopez"), do not start a sentence.
                                && !(leads_into_name(original, i)
                                    || n == 'I' && matches!(n2, Some('\'' | '’'))
                                    || is_name_word(&original[end as usize..]))
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        // A space right after the end of a sentence does not start another one.
        let after_end = c.is_whitespace() && c != '\n' && out.last() == Some(&(i as u32));
        if ends && !after_end && out.last() != Some(&end) {
            out.push(end);
            soft.push(matches!(c, ' ' | '\u{3000}' | '\t' | '\n') || closes_sentence(c));
        }
        if c.is_whitespace() {
            run = 0;
        } else {
            run += 1;
        }
        if !c.is_whitespace() || c == '\n' {
            prev = c;
        }
    }
}

/// The ASCII character a full-width form (Ａ, ５, ＄) stands for; any other character as it is.
#[inline]
fn fullwidth_to_ascii(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// Whether the space at `i..end` borders a single Latin word or number (up to 12 letters, digits
/// or `$`, full-width too) that has Chinese on its other side, with one space between.
fn embedded_latin(original: &str, i: usize, end: usize) -> bool {
    let word = |c: char| {
        let c = fullwidth_to_ascii(c);
        c.is_ascii_alphanumeric() || matches!(c, '$' | '.' | '@' | '-')
    };
    // The visible characters on one side of the space, nearest first: a short word, then spaces,
    // then Chinese?
    fn word_then_han(side: impl Iterator<Item = char>, word: impl Fn(char) -> bool) -> bool {
        let mut side = side.peekable();
        let mut n = 0;
        while let Some(c) = side.next_if(|c| !c.is_whitespace()) {
            if !word(c) {
                return false;
            }
            n += 1;
        }
        (1..=12).contains(&n) && side.find(|c| *c != ' ').is_some_and(is_han)
    }
    let before = original[..i].chars().rev().filter(|c| !is_ignorable(*c));
    let after = original[end..].chars().filter(|c| !is_ignorable(*c));
    let (Some(b), Some(a)) = (before.clone().next(), after.clone().next()) else { return false };
    // Chinese, space, a word, space, Chinese: look at the word on whichever side is not Chinese.
    if is_han(b) && word(a) {
        word_then_han(after, word)
    } else if word(b) && is_han(a) {
        word_then_han(before, word)
    } else {
        false
    }
}

/// Titles whose full stop does not end a sentence.
const TITLES: &[&str] = &["mr", "mrs", "ms", "dr", "st", "jr", "prof", "miss"];

/// English words after which a capital starts a name, not a sentence.
const LEAD_INS: &[&str] = &[
    "on", "by", "via", "to", "with", "from", "using", "at", "for", "and", "or", "the", "a", "an", "my", "your", "our",
    "his", "her", "their", "of", "in", "into", "dear", "hi", "hello", "mr", "mrs", "ms", "dr", "miss", "ask", "tell",
    "thank", "until", "before", "after", "this", "next", "last", "every", "hear", "heard", "said", "says", "told",
    "that", "about", "is", "are", "was", "were", "than", "like",
];

/// Whether the English word before byte `i` (a space) leads into a name: `by` PayPal, `Mrs.` Lopez.
fn leads_into_name(original: &str, i: usize) -> bool {
    let head = original[..i].trim_end_matches(|c: char| c.is_whitespace() || is_ignorable(c));
    let (head, stop) = match head.strip_suffix('.') {
        Some(h) => (h, true),
        None => (head, false),
    };
    let word = ascii_word_before(head, head.len());
    // A capitalised word before it: one name of several ("Field Day T-shirts", "Mrs Patel").
    if !stop && word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return true;
    }
    let w = word.to_ascii_lowercase();
    LEAD_INS.contains(&w.as_str()) || stop && TITLES.contains(&w.as_str())
}

/// Names that are capitalised mid-sentence: payment services, days and months.
const NAME_WORDS: &[&str] = &[
    "venmo",
    "paypal",
    "zelle",
    "wechat",
    "alipay",
    "octopus",
    "payme",
    "fps",
    "interac",
    "cash",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `rest` starts with one of [`NAME_WORDS`] (as a whole word).
/// So is a capitalised word with a number after it (Class 4B, Year 5) or an apostrophe in it
/// (Ethan's mum): the name of a class or of a person.
fn is_name_word(rest: &str) -> bool {
    let end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let word = rest[..end].to_ascii_lowercase();
    let after = &rest[end..];
    NAME_WORDS.contains(&word.as_str())
        || after.starts_with(['\'', '’'])
            && !matches!(
                word.as_str(),
                "i" | "don" | "can" | "won" | "it" | "let" | "that" | "we" | "you" | "they" | "there" | "what" | "here"
            )
        || after.strip_prefix(' ').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
}

/// The run of ASCII letters that ends at byte `i` of `text`.
fn ascii_word_before(text: &str, i: usize) -> &str {
    let head = &text.as_bytes()[..i];
    let start = head.iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |p| p + 1);
    &text[start..i]
}

/// Emoji that close a sentence in chat: faces, gestures, hearts, flowers and sparkles (not the
/// money emoji, which the lexicon reads as words: 🧧我 is a request).
fn closes_sentence(c: char) -> bool {
    matches!(c as u32,
        0x1F600..=0x1F64F // faces and gestures, 🙏
        | 0x1F910..=0x1F92F | 0x1F970..=0x1F97A | 0x1F9D0..=0x1F9D1 // more faces
        | 0x1F44A..=0x1F450 // hands: 👍 👏 👌
        | 0x1F4AA // 💪
        | 0x1F495..=0x1F49F | 0x2764 | 0x1F9E1 // hearts
        | 0x1F339 | 0x1F337 | 0x1F338 | 0x1F33A // flowers
        | 0x2728 | 0x1F389 | 0x1F38A // ✨ 🎉 🎊
        | 0x263A | 0x1F4AF // ☺ 💯
        | 0x26A0 | 0x2757 | 0x203C | 0x1F6A8) // ⚠ ❗ ‼ 🚨: a warning sign ends what it warns about
}

/// Reusable buffers for one normalisation, so that classifying many messages allocates little.
#[derive(Default)]
pub(crate) struct NormScratch {
    a: Vec<NChar>,
    b: Vec<NChar>,
    tmp: String,
    idx_of_byte: Vec<u32>,
    keep: Vec<bool>,
    run: Vec<char>,
}

#[inline]
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[inline]
fn is_bopomofo(c: char) -> bool {
    matches!(c as u32, 0x3100..=0x312F | 0x31A0..=0x31BF)
}

/// Characters that count as part of a Chinese word for separator collapsing.
#[inline]
fn is_cjk_word(c: char) -> bool {
    is_han(c) || is_bopomofo(c)
}

/// Default-ignorable code points and other invisible characters used to split keywords.
#[inline]
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Zhuyin tone marks (ˊ ˇ ˋ ˙ ˉ), dropped so that `ㄈㄟˋ` reads as `ㄈㄟ`.
#[inline]
fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{02CA}' | '\u{02C7}' | '\u{02CB}' | '\u{02D9}' | '\u{02C9}')
}

/// Separators that people put between the characters of a word to dodge filters.
#[inline]
fn is_separator(c: char) -> bool {
    const ASCII: [bool; 128] = {
        let mut t = [false; 128];
        let seps = b" \t\n\r\x0B\x0C./\\-_|~";
        let mut i = 0;
        while i < seps.len() {
            t[seps[i] as usize] = true;
            i += 1;
        }
        t
    };
    let u = c as u32;
    if u < 128 {
        return ASCII[u as usize];
    }
    // Ideographs, kana, Hangul and CJK punctuation: only the katakana middle dot separates.
    if (0x3001..=0xFEFF).contains(&u) {
        return c == '・';
    }
    // Pointing hands and arrows put between a verb and its payee (`转 👉 班长妈妈`).
    matches!(c, '\u{85}' | '\u{A0}' | '\u{2028}' | '\u{2029}' | '·' | '‧' | '•' | '∙' | '👉' | '➡' | '👇')
        || c.is_whitespace()
}

/// Emoji and other pictographs (not the ones [`is_separator`] already counts).
#[inline]
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// An emoji put between every two characters of a word (`收😊款😊码`): between two Chinese
/// characters, with another emoji two characters before or after it. One emoji between two words
/// (`谢谢🙏明天见`) stays.
fn interleaved_emoji(chars: &[NChar], i: usize) -> bool {
    let cjk = |k: usize| chars.get(k).is_some_and(|n| is_cjk_word(n.c));
    let emoji = |k: usize| chars.get(k).is_some_and(|n| is_pictograph(n.c));
    i > 0 && emoji(i) && cjk(i - 1) && cjk(i + 1) && ((i >= 2 && emoji(i - 2)) || emoji(i + 2))
}

#[inline]
fn is_money_emoji(c: char) -> bool {
    matches!(c, '💰' | '💴' | '💵' | '💶' | '💷' | '💸' | '💲')
}

fn is_cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '俩' | '貳' => 2,
        '三' | '叁' | '参' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' | '萬' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// The Chinese numerals [`convert_numerals`] understands, as a bitmap over the BMP.
static NUMERALS: [u64; 1024] = {
    let chars = [
        '零', '〇', '一', '壹', '二', '贰', '两', '貳', '三', '叁', '参', '四', '肆', '五', '伍', '六', '陆', '七',
        '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰', '千', '仟', '万', '萬', '亿',
    ];
    let mut bits = [0u64; 1024];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as usize;
        bits[c >> 6] |= 1 << (c & 63);
        i += 1;
    }
    bits
};

#[inline]
fn is_cn_numeral(c: char) -> bool {
    let u = c as usize;
    u < 0x10000 && NUMERALS[u >> 6] & (1 << (u & 63)) != 0
}

/// Characters that follow an amount (`150.元` → `150元`).
#[inline]
fn is_amount_unit(c: char) -> bool {
    matches!(c, '元' | '块' | '圆' | '米' | '蚊' | '刀' | '人' | '家' | '位' | '户')
}

/// Units after which a lone numeral (`两块`, `第一名`) is taken as a number.
#[inline]
fn is_count_unit(c: char) -> bool {
    matches!(c, '元' | '块' | '圆' | '角' | '毛' | '蚊' | '米' | '刀' | '名' | '折')
}

/// Parses a run of Chinese numerals with at least one unit. Returns `None` when the run is not a
/// well-formed number (e.g. `三五千`, an approximate range).
fn parse_cn_number(run: &[char]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut num: Option<u64> = None;
    let mut last_unit: u64 = 0;
    let mut after_zero = false;
    for &c in run {
        if let Some(d) = is_cn_digit(c) {
            if num.is_some() {
                return None;
            }
            if d == 0 {
                after_zero = true;
                continue;
            }
            num = Some(d);
        } else if let Some(u) = cn_unit(c) {
            if u >= 10_000 {
                let part = section + num.unwrap_or(0);
                if part == 0 && total == 0 {
                    return None;
                }
                total = (total + part) * u;
                section = 0;
                last_unit = u;
            } else {
                let n = match num {
                    Some(n) => n,
                    None if u == 10 => 1,
                    None => return None,
                };
                section += n * u;
                last_unit = u;
            }
            num = None;
            after_zero = false;
        } else {
            return None;
        }
    }
    if let Some(n) = num {
        // 一百五 = 150, 二百一 = 210, 三千五 = 3500, 一万二 = 12000; 一百零五 = 105.
        if last_unit >= 100 && !after_zero {
            section += n * (last_unit / 10);
        } else {
            section += n;
        }
    }
    Some(total + section)
}

impl Normaliser {
    /// Builds the normaliser from the embedded tables.
    pub fn builtin() -> Normaliser {
        let mut t2s = vec![0u16; (T2S_END - T2S_BASE) as usize];
        for entry in data_entries(T2S_DATA) {
            let mut it = entry.chars();
            if let (Some(t), Some(s), None) = (it.next(), it.next(), it.next()) {
                let (t, s) = (t as u32, s as u32);
                if (T2S_BASE..T2S_END).contains(&t) && s <= 0xFFFF {
                    t2s[(t - T2S_BASE) as usize] = s as u16;
                }
            }
        }
        let mut fold = Vec::new();
        for entry in data_entries(FOLD_DATA) {
            let chars: Vec<char> = entry.chars().collect();
            if chars.len() >= 2 {
                // A fold to several letters (e.g. ӕ → ae) keeps only the first: good enough.
                fold.push((chars[0], chars[1]));
            }
        }
        fold.sort_unstable();
        fold.dedup_by_key(|p| p.0);
        let raw: RawLexicon = toml::from_str(LEXICON_DATA).expect("embedded lexicon.toml is valid TOML");
        let mut keys: Vec<String> = Vec::new();
        let mut lex = Vec::new();
        let mut add = |key: String, kind: LexKind, value: &str| {
            keys.push(key);
            lex.push((kind, value.chars().collect::<Vec<char>>()));
        };
        for (k, v) in &raw.phrases {
            add(k.clone(), LexKind::Phrase, v);
        }
        for (k, v) in &raw.words {
            add(k.clone(), LexKind::Word, v);
        }
        // Whole-word pinyin before single syllables: for the same key, the first kind wins.
        for (k, v) in &raw.pinyin {
            // Every way of joining the syllables: with or without a space between each pair.
            let syl: Vec<&str> = k.split_whitespace().collect();
            let gaps = syl.len().saturating_sub(1);
            for mask in 0..(1u32 << gaps) {
                let mut s = String::from(syl[0]);
                for (i, part) in syl.iter().enumerate().skip(1) {
                    if mask & (1 << (i - 1)) != 0 {
                        s.push(' ');
                    }
                    s.push_str(part);
                }
                add(s, LexKind::Word, v);
            }
        }
        for (k, v) in &raw.adjacent {
            add(k.clone(), LexKind::Adjacent, v);
        }
        let mut lex_first = vec![0u64; 1024];
        let mut lex_second = vec![0u64; 1024];
        for k in &keys {
            let mut it = k.chars();
            if let (Some(a), Some(b)) = (it.next(), it.next())
                && !a.is_ascii()
            {
                set_bit(&mut lex_first, a);
                set_bit(&mut lex_second, b);
            }
        }
        let lex_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&keys)
            .expect("lexicon automaton builds");
        Normaliser { t2s, fold, lex_ac, lex, lex_first, lex_second }
    }

    /// Normalises `text` into `out`.
    pub(crate) fn normalise_into(&self, text: &str, scratch: &mut NormScratch, out: &mut Normalised) {
        out.clear();
        let mut a = std::mem::take(&mut scratch.a);
        let mut b = std::mem::take(&mut scratch.b);
        a.clear();
        b.clear();
        let has_cn_numeral = self.map_chars(text, &mut a);
        // One look at the characters decides which of the later passes can be skipped.
        let (mut alpha, mut digit, mut sep, mut leet_sym) = (false, false, false, false);
        for n in &a {
            let c = n.c;
            alpha |= c.is_ascii_alphabetic();
            digit |= c.is_ascii_digit();
            leet_sym |= c == '@' || c == '$';
            sep |= is_separator(c) || is_pictograph(c);
        }
        if sep {
            collapse_separators(&mut a, &mut scratch.keep, alpha, digit);
        }
        if alpha && (digit || leet_sym) {
            fold_leet(&mut a);
        }
        let needs_lexicon = alpha
            || a.windows(2)
                .any(|w| !w[0].c.is_ascii() && has_bit(&self.lex_first, w[0].c) && has_bit(&self.lex_second, w[1].c));
        if needs_lexicon {
            self.apply_lexicon(&a, &mut b, &mut scratch.tmp, &mut scratch.idx_of_byte);
        } else {
            std::mem::swap(&mut a, &mut b);
        }
        // Lexicon values hold no Chinese numerals, so pass 1 saw every one there is.
        a.clear();
        let final_chars = if has_cn_numeral && convert_numerals(&b, &mut a, &mut scratch.run) { &a } else { &b };
        build_output(final_chars, out);
        scratch.a = a;
        scratch.b = b;
    }

    /// Convenience wrapper: normalises into fresh buffers.
    pub fn normalise(&self, text: &str) -> Normalised {
        let mut out = Normalised::default();
        self.normalise_into(text, &mut NormScratch::default(), &mut out);
        out
    }

    fn fold_char(&self, c: char) -> char {
        // Every folded character is at or above U+01C0 (ǀ); skip the search below that.
        if (c as u32) < 0x1C0 {
            return c;
        }
        match self.fold.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => self.fold[i].1,
            Err(_) => c,
        }
    }

    fn t2s_char(&self, c: char) -> char {
        let u = c as u32;
        if (T2S_BASE..T2S_END).contains(&u) {
            let s = self.t2s[(u - T2S_BASE) as usize];
            if s != 0 {
                return char::from_u32(s as u32).unwrap_or(c);
            }
        }
        c
    }

    /// Pass 1: per-character mapping. Returns whether a Chinese numeral was seen.
    fn map_chars(&self, text: &str, out: &mut Vec<NChar>) -> bool {
        let mut has_numeral = false;
        for (i, ch) in text.char_indices() {
            let start = i as u32;
            let end = (i + ch.len_utf8()) as u32;
            let mut push = |c: char| out.push(NChar { c, start, end });
            if ch.is_ascii() {
                let c = match ch {
                    // A letter o after a digit (5o, 1oo) is a zero, and @ inside a word (c@sh,
                    // p@ynow) an a: spellings that keep a number or a word from a filter.
                    'o' | 'O' | '@' => {
                        let prev = out.last().map(|n| n.c);
                        let next = text.as_bytes().get(end as usize).copied();
                        let letter_next =
                            next.is_some_and(|b| b.is_ascii_alphabetic() && (ch == '@' || !matches!(b, b'o' | b'O')));
                        if ch != '@' && prev.is_some_and(|p| p.is_ascii_digit()) && !letter_next {
                            '0'
                        } else if ch == '@' && prev.is_some_and(|p| p.is_ascii_alphabetic()) && letter_next {
                            'a'
                        } else {
                            ch.to_ascii_lowercase()
                        }
                    }
                    _ => ch.to_ascii_lowercase(),
                };
                out.push(NChar { c, start, end });
                continue;
            }
            if is_han(ch) && (ch as u32) < 0xF900 {
                // 廿 and 卅 are twenty and thirty (一家廿元).
                if ch == '廿' || ch == '卅' {
                    has_numeral = true;
                    push(if ch == '廿' { '二' } else { '三' });
                    push('十');
                    continue;
                }
                let s = self.t2s_char(ch);
                has_numeral |= is_cn_numeral(s);
                push(s);
                continue;
            }
            if is_ignorable(ch) || is_tone_mark(ch) {
                continue;
            }
            // Full-width ASCII (what NFKC would do, without the table walk).
            if ('\u{FF01}'..='\u{FF5E}').contains(&ch) {
                push(fullwidth_to_ascii(ch).to_ascii_lowercase());
                continue;
            }
            if ch == '\u{3000}' {
                push(' ');
                continue;
            }
            // CJK punctuation has no compatibility decomposition worth the lookup.
            if ('\u{3001}'..='\u{3035}').contains(&ch) {
                push(ch);
                continue;
            }
            if is_money_emoji(ch) {
                let next = text[end as usize..].chars().find(|c| !c.is_whitespace() && !is_ignorable(*c));
                let before_amount = next.is_some_and(|c| {
                    c.is_ascii_digit()
                        || ('０'..='９').contains(&c)
                        || is_cn_numeral(c)
                        || is_cn_numeral(self.t2s_char(c))
                });
                push(if before_amount { '¥' } else { '钱' });
                continue;
            }
            match ch {
                '🧧' => {
                    push('红');
                    push('包');
                    continue;
                }
                '💯' => {
                    for c in "100".chars() {
                        push(c);
                    }
                    continue;
                }
                '￥' => {
                    push('¥');
                    continue;
                }
                // Parenthesised numerals (㈢㈨㈥, ⑴⑵, ⒈⒉) are digits, not "(三)(九)(六)": what
                // evasion writes them for.
                '\u{3220}'..='\u{3229}' => {
                    let c = "一二三四五六七八九十".chars().nth(ch as usize - 0x3220).unwrap_or(ch);
                    has_numeral = true;
                    push(c);
                    continue;
                }
                '\u{2474}'..='\u{249B}' => {
                    let n = (ch as u32 - 0x2474) % 20 + 1;
                    for c in n.to_string().chars() {
                        push(c);
                    }
                    continue;
                }
                // Dingbat and double-circled digits (❶⓿⓿, ➊, ⓵) have no compatibility
                // decomposition; a negative circled zero (⓿) neither.
                '\u{2776}'..='\u{2793}' | '\u{24EB}'..='\u{24FF}' => {
                    let u = ch as u32;
                    let n = match u {
                        0x2776..=0x2793 => (u - 0x2776) % 10 + 1,
                        0x24EB..=0x24F4 => u - 0x24EB + 11,
                        0x24F5..=0x24FE => u - 0x24F5 + 1,
                        _ => 0, // ⓿
                    };
                    for c in n.to_string().chars() {
                        push(c);
                    }
                    continue;
                }
                _ => {}
            }
            decompose_compatible(ch, |d| {
                if is_combining_mark(d) || is_ignorable(d) {
                    return;
                }
                let d = self.fold_char(d);
                let d = d.to_ascii_lowercase();
                let d = self.t2s_char(d);
                has_numeral |= is_cn_numeral(d);
                out.push(NChar { c: d, start, end });
            });
        }
        has_numeral
    }

    /// Pass 4: lexicon replacements (pinyin, abbreviations, homophones, slang, Zhuyin).
    fn apply_lexicon(&self, input: &[NChar], out: &mut Vec<NChar>, tmp: &mut String, idx_of_byte: &mut Vec<u32>) {
        tmp.clear();
        out.clear();
        // Byte offset in `tmp` → index in `input`.
        idx_of_byte.clear();
        for (i, n) in input.iter().enumerate() {
            tmp.push(n.c);
            for _ in 0..n.c.len_utf8() {
                idx_of_byte.push(i as u32);
            }
        }
        idx_of_byte.push(input.len() as u32);
        let mut pos = 0usize; // next input index to copy
        for m in self.lex_ac.find_iter(tmp.as_str()) {
            let first = idx_of_byte[m.start()] as usize;
            let last = idx_of_byte[m.end()] as usize; // exclusive
            if first < pos {
                continue;
            }
            let (kind, ref value) = self.lex[m.pattern().as_usize()];
            let before = first.checked_sub(1).map(|i| input[i].c);
            let after = input.get(last).map(|n| n.c);
            let ascii_key = input[first].c.is_ascii_alphanumeric();
            // A syllable set off by one space from a Chinese word (`还没 zhuan 的`) touches it
            // too; the space goes with it.
            let spaced = |i: Option<usize>| i.and_then(|i| input.get(i)).is_some_and(|n| n.c == ' ');
            let han_at = |i: Option<usize>| i.and_then(|i| input.get(i)).is_some_and(|n| is_cjk_word(n.c));
            let spaceable = kind != LexKind::Phrase && ascii_key;
            let space_before = spaceable && first > pos && spaced(first.checked_sub(1)) && han_at(first.checked_sub(2));
            let space_after = spaceable && spaced(Some(last)) && han_at(Some(last + 1));
            let ok = match kind {
                LexKind::Phrase => true,
                LexKind::Word | LexKind::Adjacent => {
                    let bounded = !before.is_some_and(|c| c.is_ascii_alphabetic())
                        && !after.is_some_and(|c| c.is_ascii_alphabetic());
                    let touches_han = before.is_some_and(is_cjk_word)
                        || after.is_some_and(is_cjk_word)
                        || space_before
                        || space_after;
                    bounded && (kind == LexKind::Word || touches_han) && ascii_key
                }
            };
            if !ok {
                continue;
            }
            let (first, last) = (first - usize::from(space_before), last + usize::from(space_after));
            out.extend_from_slice(&input[pos..first]);
            let start = input[first].start;
            let end = input[last - 1].end;
            for &c in value {
                out.push(NChar { c, start, end });
            }
            pos = last;
        }
        out.extend_from_slice(&input[pos..]);
    }
}

#[inline]
fn set_bit(bits: &mut [u64], c: char) {
    let u = c as usize;
    if u < 0x10000 {
        bits[u >> 6] |= 1 << (u & 63);
    }
}

#[inline]
fn has_bit(bits: &[u64], c: char) -> bool {
    let u = c as usize;
    u < 0x10000 && bits[u >> 6] & (1 << (u & 63)) != 0
}

/// Splits a data file into its whitespace-separated entries, skipping `#` comment lines.
fn data_entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(|l| l.split_whitespace())
}

/// Pass 2: removes separators inside words (see the module docs).
pub(crate) fn collapse_separators(chars: &mut Vec<NChar>, keep: &mut Vec<bool>, has_alpha: bool, has_digit: bool) {
    let n = chars.len();
    if n < 3 {
        return;
    }
    keep.clear();
    keep.resize(n, true);
    let mut removed = false;
    // Separator runs between two Chinese characters.
    let mut i = 0;
    while i < n {
        if i > 0 && (is_separator(chars[i].c) || interleaved_emoji(chars, i)) {
            let run_start = i;
            i += 1;
            while i < n && is_separator(chars[i].c) {
                i += 1;
            }
            let prev = chars[run_start - 1].c;
            let next = if i < n { Some(chars[i].c) } else { None };
            // Dots and dashes (not spaces or `/`, which means "per") glued to an amount: `人.150.元`.
            let no_space = chars[run_start..i].iter().all(|n| !n.c.is_whitespace() && n.c != '/');
            let glued_amount = no_space
                && next.is_some_and(|next| {
                    (is_cjk_word(prev) && next.is_ascii_digit()) || (prev.is_ascii_digit() && is_amount_unit(next))
                });
            // A space or line break after a number written in Chinese, before a word that is not
            // part of it (`每人一百八⏎周五前`), ends the amount; `一 百 八` and `一百八⏎元` still join.
            let white = chars[run_start..i].iter().any(|n| n.c.is_whitespace());
            // The number before: Chinese numerals (and separators) with a unit among them (`一百八`),
            // so that a lone `一` (`扫 一 下`) is still a word.
            let is_number = || {
                chars[..run_start]
                    .iter()
                    .rev()
                    .take_while(|n| is_cn_numeral(n.c) || is_separator(n.c))
                    .any(|n| cn_unit(n.c).is_some())
            };
            let number_ends = white
                && is_cn_numeral(prev)
                && next.is_some_and(|next| !is_cn_numeral(next) && !is_amount_unit(next) && !is_count_unit(next))
                && is_number();
            if !number_ends && next.is_some_and(|next| is_cjk_word(prev) && is_cjk_word(next)) || glued_amount {
                for k in keep.iter_mut().take(i).skip(run_start) {
                    *k = false;
                }
                removed = true;
            }
        } else {
            i += 1;
        }
    }
    // Runs of single letters or single digits with one separator between each: `p a y`, `1 2 0`.
    let single = |chars: &[NChar], i: usize, digit: bool| -> bool {
        let c = chars[i].c;
        let class_ok = if digit { c.is_ascii_digit() } else { c.is_ascii_alphabetic() };
        class_ok
            && !(i > 0 && chars[i - 1].c.is_ascii_alphanumeric())
            && !(i + 1 < chars.len() && chars[i + 1].c.is_ascii_alphanumeric())
    };
    for digit in [false, true].into_iter().filter(|&d| if d { has_digit } else { has_alpha }) {
        let mut i = 0;
        while i < n {
            if !single(chars, i, digit) {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut count = 1;
            while j + 2 < n
                && matches!(chars[j + 1].c, ' ' | '.' | '-' | '_' | '·' | '*')
                && single(chars, j + 2, digit)
            {
                j += 2;
                count += 1;
            }
            if count >= 3 {
                let mut k = i + 1;
                while k < j {
                    keep[k] = false;
                    k += 2;
                }
                removed = true;
            }
            i = j + 1;
        }
    }
    if removed {
        let mut it = keep.iter();
        chars.retain(|_| *it.next().unwrap_or(&true));
    }
}

fn leet_char(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => return None,
    })
}

/// Pass 3: `v3nm0` → `venmo`, only when the folded word is a payment word.
pub(crate) fn fold_leet(chars: &mut [NChar]) {
    let n = chars.len();
    let mut i = 0;
    let tok = |c: char| c.is_ascii_alphanumeric() || c == '@' || c == '$';
    let mut word = String::new();
    while i < n {
        if !tok(chars[i].c) {
            i += 1;
            continue;
        }
        let s = i;
        while i < n && tok(chars[i].c) {
            i += 1;
        }
        let token = &chars[s..i];
        let letters = token.iter().filter(|n| n.c.is_ascii_alphabetic()).count();
        let leets = token.iter().filter(|n| leet_char(n.c).is_some()).count();
        if letters < 2 || leets == 0 || token.len() > 12 {
            continue;
        }
        for variant in [false, true] {
            word.clear();
            for n in token {
                let c = match (n.c, variant) {
                    ('1', true) => 'l',
                    (c, _) => leet_char(c).unwrap_or(c),
                };
                word.push(c);
            }
            if LEET_WORDS.contains(&word.as_str()) {
                for (n, c) in chars[s..i].iter_mut().zip(word.chars()) {
                    n.c = c;
                }
                break;
            }
        }
    }
}

/// Pass 5: Chinese numerals → ASCII digits where they are clearly numbers.
///
/// Returns `false`, leaving `out` untouched, when nothing needed converting (most messages with
/// a `一` in them), so the caller can keep `input` and skip a copy.
pub(crate) fn convert_numerals(input: &[NChar], out: &mut Vec<NChar>, run: &mut Vec<char>) -> bool {
    let n = input.len();
    let mut i = 0;
    let mut copied = 0; // input[..copied] is already in `out`
    let mut converted = false;
    let mut digits = String::new();
    while i < n {
        if !is_cn_numeral(input[i].c) {
            i += 1;
            continue;
        }
        let s = i;
        while i < n && is_cn_numeral(input[i].c) {
            i += 1;
        }
        run.clear();
        run.extend(input[s..i].iter().map(|n| n.c));
        let prev = s.checked_sub(1).map(|k| input[k].c);
        let next = input.get(i).map(|n| n.c);
        let has_unit = run.iter().any(|c| cn_unit(*c).is_some());
        let first_is_big_unit = matches!(run[0], '百' | '佰' | '千' | '仟' | '万' | '萬' | '亿');
        let mut end = i;
        let value = if prev.is_some_and(|c| c.is_ascii_digit()) {
            None
        } else if has_unit {
            if first_is_big_unit
                || (run.len() == 1 && run[0] == '十' && matches!(next, Some('分' | '字' | '足' | '全')))
            {
                None
            } else {
                parse_cn_number(run).or_else(|| {
                    // `三百五一位`: a colloquial sum, then `一位` / `一人` (per head).
                    let per_head = matches!(next, Some('位' | '人' | '家' | '户' | '个' | '份'));
                    if run.len() > 2 && run.last() == Some(&'一') && per_head {
                        end = i - 1;
                        parse_cn_number(&run[..run.len() - 1])
                    } else if let [a, b, u, ..] = run[..]
                        && is_cn_digit(a).zip(is_cn_digit(b)).is_some_and(|(a, b)| 0 < a && a < b)
                        && cn_unit(u).is_some()
                    {
                        // An approximate range (`三五百`, `一两千`): its lower end.
                        let mut lower = vec![a];
                        lower.extend_from_slice(&run[2..]);
                        parse_cn_number(&lower)
                    } else {
                        None
                    }
                })
            }
        } else if run.len() == 1 && next.is_some_and(is_count_unit) && run[0] != '俩' {
            is_cn_digit(run[0])
        } else if run.len() >= 3 && run.iter().all(|&c| is_cn_digit(c).is_some() && !matches!(c, '两' | '俩')) {
            // Digit by digit (`三九六`, what ㈢㈨㈥ reads as): a number.
            run.iter().try_fold(0u64, |v, &c| v.checked_mul(10)?.checked_add(is_cn_digit(c)?))
        } else {
            None
        };
        if let Some(v) = value {
            converted = true;
            out.extend_from_slice(&input[copied..s]);
            digits.clear();
            digits.push_str(&v.to_string());
            let start = input[s].start;
            let stop = input[end - 1].end;
            for c in digits.chars() {
                out.push(NChar { c, start, end: stop });
            }
            copied = end;
        }
    }
    if converted {
        out.extend_from_slice(&input[copied..]);
    }
    converted
}

fn build_output(chars: &[NChar], out: &mut Normalised) {
    out.text.reserve(chars.len() * 3);
    out.src.reserve(chars.len());
    for (ci, n) in chars.iter().enumerate() {
        out.text.push(n.c);
        out.src.push((n.start, n.end));
        let len = n.c.len_utf8();
        out.char_at.extend(std::iter::repeat_n(ci as u32, len));
    }
    out.char_at.push(chars.len() as u32);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn norm() -> &'static Normaliser {
        static N: OnceLock<Normaliser> = OnceLock::new();
        N.get_or_init(Normaliser::builtin)
    }

    fn n(s: &str) -> String {
        norm().normalise(s).text
    }

    #[test]
    fn nfkc_full_width_to_ascii() {
        assert_eq!(n("每家 ５００"), "每家 500");
        assert_eq!(n("ＰａｙＰａｌ"), "paypal");
        assert_eq!(n("截止周四中午１２点"), "截止周四中午12点");
    }

    #[test]
    fn zero_width_and_bidi_removed() {
        assert_eq!(n("班\u{200b}费"), "班费");
        assert_eq!(n("交\u{200d}齐\u{fe0f}"), "交齐");
        assert_eq!(n("班\u{00ad}费\u{202e}"), "班费");
        assert_eq!(n("pay\u{2060}ment"), "payment");
    }

    #[test]
    fn separators_inside_chinese_words_collapse() {
        assert_eq!(n("班 费"), "班费");
        assert_eq!(n("班.费"), "班费");
        assert_eq!(n("班/费"), "班费");
        assert_eq!(n("班\n费"), "班费");
        assert_eq!(n("交\n钱"), "交钱");
        assert_eq!(n("交 . 钱 _ 啦"), "交钱啦");
        assert_eq!(n("班.费.每.人.150.元"), "班费每人150元");
        // List numbering keeps its dot.
        assert_eq!(n("1.王妈妈"), "1.王妈妈");
        // Not between a Chinese character and a digit.
        assert_eq!(n("每家 500"), "每家 500");
    }

    #[test]
    fn an_emoji_between_every_two_characters_is_a_separator() {
        assert_eq!(n("收😊款😊码😊已😊发"), "收款码已发");
        assert_eq!(n("班🌸费"), "班🌸费", "one emoji between two words stays");
        assert_eq!(n("谢谢🙏明天见"), "谢谢🙏明天见");
    }

    #[test]
    fn spaced_letters_and_digits_collapse() {
        assert_eq!(n("p a y m e n t for the trip"), "payment for the trip");
        assert_eq!(n("转 L I N E 给我"), "转 line 给我");
        assert_eq!(n("每 人 1 2 0 ，"), "每人 120 ,");
        // Ordinary words keep their spaces.
        assert_eq!(n("I am a parent"), "i am a parent");
        assert_eq!(n("1. 王妈妈 30\n2. 李爸爸"), "1. 王妈妈 30\n2. 李爸爸");
    }

    #[test]
    fn homoglyphs_fold_to_latin_and_ideographs() {
        assert_eq!(n("sеnd thе $25 via РayPal"), "send the $25 via paypal");
        assert_eq!(n("⼀百⼆⼗元 转⾄"), "120元转至");
        assert_eq!(n("⻚"), "页");
        assert_eq!(n("⻉"), "贝");
    }

    #[test]
    fn traditional_to_simplified() {
        assert_eq!(n("繳費"), "缴费");
        assert_eq!(n("補習班"), "补习班");
        assert_eq!(n("轉賬"), "转账");
        assert_eq!(n("轉帳到帳戶"), "转账到账户");
        assert_eq!(n("夾錢"), "夹钱");
    }

    #[test]
    fn chinese_numerals_to_digits() {
        assert_eq!(n("每家贰佰元"), "每家200元");
        assert_eq!(n("五十元"), "50元");
        assert_eq!(n("三百五一位"), "350一位");
        assert_eq!(n("两百块"), "200块");
        assert_eq!(n("一百五"), "150");
        assert_eq!(n("一套二百一"), "一套210");
        assert_eq!(n("伍拾圆整"), "50圆整");
        assert_eq!(n("一百二十元"), "120元");
        assert_eq!(n("一百零五"), "105");
        assert_eq!(n("一万二"), "12000");
        assert_eq!(n("前十名"), "前10名");
        assert_eq!(n("倒数五名"), "倒数5名");
        assert_eq!(n("两块"), "2块");
        assert_eq!(n("九折"), "9折");
        // Words that merely contain numerals stay as they are.
        assert_eq!(n("一起统一一下"), "一起统一一下");
        assert_eq!(n("千万别扫"), "千万别扫");
        assert_eq!(n("十分感谢"), "十分感谢");
        assert_eq!(n("捐给红十字会"), "捐给红十字会");
        assert_eq!(n("十足的把握"), "十足的把握");
        // An approximate range reads as its lower end; digits one by one as a number.
        assert_eq!(n("三五千"), "3000");
        assert_eq!(n("一两百"), "100");
        assert_eq!(n("三九六"), "396");
        assert_eq!(n("㈢㈨㈥"), "396");
        assert_eq!(n("每人⑸⑽元"), "每人510元");
        assert_eq!(n("一二年级"), "一二年级");
        assert_eq!(n("十五六个"), "十五六个");
        assert_eq!(n("三年二班"), "三年二班");
        // 參 (叁's Traditional look-alike, 参 once folded) is a numeral next to a unit only.
        assert_eq!(n("每人參佰"), "每人300");
        assert_eq!(n("参加比赛"), "参加比赛");
        assert_eq!(n("人参三百克"), "人参三百克");
        // Never glued onto a preceding digit.
        assert_eq!(n("200一个人"), "200一个人");
    }

    #[test]
    fn ascii_lowercased() {
        assert_eq!(n("Venmo ME"), "venmo me");
    }

    #[test]
    fn money_emoji_and_slang() {
        assert_eq!(n("每家再补💴100"), "每家再补¥100");
        assert_eq!(n("班💰又见底"), "班钱又见底");
        assert_eq!(n("转我🧧"), "转我红包");
        assert_eq!(n("每家出💯"), "每家出100");
        assert_eq!(n("每家一张毛爷爷"), "每家100元");
        assert_eq!(n("每人两张粉的"), "每人200元");
    }

    #[test]
    fn dingbat_digits_letter_zeros_and_at_signs() {
        assert_eq!(n("一人❶⓿⓿"), "一人100");
        assert_eq!(n("每户➋➎元"), "每户25元");
        assert_eq!(n("每家⓵⓹"), "每家15");
        assert_eq!(n("一家廿元"), "一家20元");
        assert_eq!(n("卅块"), "30块");
        assert_eq!(n("5o per family"), "50 per family");
        assert_eq!(n("1oo each"), "100 each");
        assert_eq!(n("10 oz"), "10 oz");
        assert_eq!(n("5 of them"), "5 of them");
        assert_eq!(n("c@sh via p@ynow"), "cash via paynow");
        assert_eq!(n("@陈妈妈"), "@陈妈妈");
    }

    #[test]
    fn pinyin_and_abbreviations() {
        assert_eq!(n("班fei每人150"), "班费每人150");
        assert_eq!(n("ban fei 又到时间了"), "班费又到时间了");
        assert_eq!(n("还没 zhuan 的抓紧"), "还没转的抓紧");
        assert_eq!(n("今晚 V 我"), "今晚微信我");
        assert_eq!(n("banfei"), "班费");
        assert_eq!(n("jiao qian啦"), "交钱啦");
        assert_eq!(n("zfb或者vx都行"), "支付宝或者微信都行");
        assert_eq!(n("直接VX转我"), "直接微信转我");
        assert_eq!(n("v信转我"), "微信转我");
        assert_eq!(n("加我薇信"), "加我微信");
        assert_eq!(n("威信"), "微信");
        assert_eq!(n("支fu宝"), "支付宝");
        assert_eq!(n("收kuan码"), "收款码");
        assert_eq!(n("BF每人200"), "班费每人200");
        assert_eq!(n("zhuan我就行"), "转我就行");
        // Not inside English words.
        assert_eq!(n("my favourite"), "my favourite");
        assert_eq!(n("fei"), "fei");
    }

    #[test]
    fn zhuyin_key_words() {
        assert_eq!(n("ㄅㄢ ㄈㄟˋ"), "班费");
        assert_eq!(n("班ㄈㄟˋ這學期"), "班费这学期");
        assert_eq!(n("ㄐㄧㄠ ㄑㄧㄢˊ"), "交钱");
    }

    #[test]
    fn leetspeak_payment_words() {
        assert_eq!(n("V3nm0 me"), "venmo me");
        assert_eq!(n("p4yp4l"), "paypal");
        // Other words with digits are untouched.
        assert_eq!(n("RM45 and class3b"), "rm45 and class3b");
    }

    #[test]
    fn spans_map_back_to_original() {
        let text = "各位 班\u{200b}費 ５００";
        let out = norm().normalise(text);
        let pos = out.text.find("班费").unwrap();
        let (s, e) = out.original_range(pos, pos + "班费".len());
        assert_eq!(&text[s..e], "班\u{200b}費");
        let pos = out.text.find("500").unwrap();
        let (s, e) = out.original_range(pos, pos + 3);
        assert_eq!(&text[s..e], "５００");
    }

    #[test]
    fn sentences_end_at_terminators_and_line_breaks() {
        let mut v = Vec::new();
        let mut soft = Vec::new();
        let t = "每人200元。转我！\n谢谢";
        sentence_starts(t, &mut v, &mut soft);
        let cut: Vec<&str> = std::iter::once(0).chain(v.iter().map(|&b| b as usize)).map(|b| &t[b..]).collect();
        assert_eq!(cut, vec![t, "转我！\n谢谢", "\n谢谢", "谢谢"]);
        // A colon before a line break keeps the next line in the same sentence.
        sentence_starts("骗子会说：\n每人200元", &mut v, &mut soft);
        assert!(v.is_empty(), "{v:?}");
        // An English full stop ends a sentence only before white space (not in 3.5 or a URL).
        sentence_starts("Pay 3.5 now. Thanks", &mut v, &mut soft);
        assert_eq!(v, vec![12]);
        // A space between Chinese characters separates; between Latin words it does not.
        sentence_starts("转我 请问", &mut v, &mut soft);
        assert_eq!(v, vec![7]);
        sentence_starts("pay me now", &mut v, &mut soft);
        assert!(v.is_empty());
        // A Latin word or a number set off by spaces inside Chinese is part of the sentence; an
        // English sentence after Chinese is not.
        sentence_starts("车费已经经 FPS 退返给大家", &mut v, &mut soft);
        assert!(v.is_empty(), "{v:?}");
        sentence_starts("每人200元转我 Beware of fake accounts", &mut v, &mut soft);
        assert_eq!(v.len(), 1, "{v:?}");
        // Spaced-out single characters are one sentence.
        sentence_starts("班 费 每 人 200 元 转 我", &mut v, &mut soft);
        assert!(v.is_empty(), "{v:?}");
        // A capital after a lower-case word starts a sentence ("…your list Beware"), but not a
        // name after a word that leads into one, a title's full stop, or "I've".
        sentence_starts("check your list Beware", &mut v, &mut soft);
        assert_eq!(v, vec![16]);
        for t in [
            "pay by PayPal now",
            "a DM from Mrs. Lopez today",
            "shirts for Field Day T-shirts now",
            "never uses Venmo again",
            "and then I've paid",
            "ask Mr.\u{3000}Lee",
            "Mrs.\u{200B} Lee",
            "sent back the ¥30 you paid",
            "costs £12 each",
        ] {
            sentence_starts(t, &mut v, &mut soft);
            assert!(v.is_empty(), "{t}: {v:?}");
        }
    }

    #[test]
    fn char_index_counts_normalised_chars() {
        let out = norm().normalise("班费ab");
        assert_eq!(out.char_index(0), 0);
        assert_eq!(out.char_index(3), 1);
        assert_eq!(out.char_index(6), 2);
        assert_eq!(out.char_index(out.text.len()), 4);
    }
}

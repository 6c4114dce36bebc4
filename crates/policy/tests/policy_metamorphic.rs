//! Metamorphic tests: what a moderator's verdict must survive. For every positive case of the
//! project's own suite (and of the dev corpus, when it is there) that a rule flags (a final
//! verdict), a harmless sentence prepended or appended, the message split over lines, switched to Traditional characters, or sprinkled with
//! full-width forms, zero-width characters or spaces must keep its category; for the hard
//! negatives, added chatter must keep them clean.
//!
//! A property test draws the transformations at random (in CI, a fixed number of draws from a fixed
//! seed; see `common::proptest_config` to explore further);
//! the exhaustive tests apply every harmless sentence to every positive and report all failures
//! together.

#[allow(dead_code)]
mod common;

use common::cases::CASES;
use jiaxiao_policy::{Category, Classifier};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::builtin().expect("built-in rules and model load"))
}

/// Harmless sentences, some of them the kind that used to defuse a whole message: warnings,
/// thanks, questions, weather, schedule talk, emoji lines, English lines.
const HARMLESS: &[&str] = &[
    "别信陌生人的收款码，谨防诈骗。",
    "请问大家都看到了吗？",
    "转完记得查收回执哈。",
    "Beware of fake accounts!",
    "不要相信任何私聊你的陌生人。",
    "谢谢大家的配合🙏",
    "今天降温了，注意给孩子添衣。",
    "明天下午三点半放学，别忘了接孩子。",
    "大家辛苦了！",
    "👍👍👍",
    "🌞🌈☔",
    "Thanks everyone, have a great weekend!",
    "Does everyone have the timetable?",
    "周五记得穿校服。",
    "有人知道明天几点开家长会吗？",
    "提醒：不要点陌生链接，小心骗子。",
    "听说下周要降温。",
    "收到请回复，谢谢。",
];

/// Chatter for the hard negatives: nothing in it asks for or offers anything.
const CHATTER: &[&str] = &[
    "谢谢大家的配合🙏",
    "今天降温了，注意给孩子添衣。",
    "明天下午三点半放学，别忘了接孩子。",
    "大家辛苦了！",
    "👍👍👍",
    "🌞🌈",
    "Thanks everyone, have a great weekend!",
    "周五记得穿校服。",
    "听说下周要降温。",
];

struct Case {
    text: String,
    cats: Vec<Category>,
}

fn dev_corpus() -> Vec<Case> {
    let path = std::env::var("JIAXIAO_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/messages.dev.jsonl").to_string()
    });
    let Ok(src) = std::fs::read_to_string(path) else { return Vec::new() };
    src.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| Case {
            text: v["text"].as_str().unwrap_or_default().to_string(),
            cats: v["labels"].as_array().into_iter().flatten().filter_map(|l| Category::parse(l.as_str()?)).collect(),
        })
        .collect()
}

/// Positives that the engine flags as written (with the categories it gets right), and hard
/// negatives that it leaves clean: the starting points of the metamorphic relations.
type Suites = (Vec<(String, Category)>, Vec<String>);

fn suites() -> &'static Suites {
    static S: OnceLock<Suites> = OnceLock::new();
    S.get_or_init(|| {
        let mut all: Vec<Case> = CASES
            .iter()
            .map(|c| Case {
                text: c.text.to_string(),
                cats: c.labels.iter().filter_map(|l| Category::parse(l)).collect(),
            })
            .collect();
        all.extend(dev_corpus());
        let mut pos = Vec::new();
        let mut neg = Vec::new();
        for case in all {
            let v = classifier().classify(&case.text);
            if case.cats.is_empty() {
                if v.is_clean() {
                    neg.push(case.text);
                }
            } else {
                // Final (rule) verdicts are what may not be talked around; "please take a look"
                // flags of the learned layer see the whole message and are measured separately.
                for c in case.cats {
                    if v.matches.iter().any(|m| m.category == c && m.source.is_final()) {
                        pos.push((case.text.clone(), c));
                    }
                }
            }
        }
        (pos, neg)
    })
}

/// Simplified → Traditional, from the engine's own Traditional → Simplified table.
fn to_traditional(text: &str) -> String {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let src = include_str!("../../../content/policy/t2s.txt");
        let mut m = HashMap::new();
        for entry in src.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace) {
            let mut it = entry.chars();
            if let (Some(t), Some(s)) = (it.next(), it.next()) {
                m.entry(s).or_insert(t);
            }
        }
        m
    });
    text.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect()
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The message with `sentence` before or after it, separated as people separate sentences.
///
/// A message spaced out inside its words (`每 家 6 0`, `请 家 长批 改`), followed by a sentence
/// after a mere space, is ambiguous to any reader (where does the request end?), and the engine
/// reads such spaces as part of the trick: there the sentence goes on a new line instead.
fn with_sentence(text: &str, sentence: &str, before: bool, sep: &str) -> String {
    let spaced_out = |t: &str| {
        let cjk: Vec<&str> = t.split_whitespace().filter(|w| w.chars().any(is_han)).collect();
        let short = cjk.iter().filter(|w| w.chars().count() <= 2).count();
        t.split_whitespace().next_back().is_some_and(|w| w.chars().count() == 1)
            || cjk.len() >= 3 && short * 2 >= cjk.len()
    };
    let sep = if sep == " " && spaced_out(text) { "\n" } else { sep };
    if before { format!("{sentence}{sep}{text}") } else { format!("{text}{sep}{sentence}") }
}

const SEPARATORS: [&str; 3] = ["\n", " ", "\n\n"];

#[test]
fn every_harmless_sentence_before_or_after_every_positive_keeps_its_category() {
    let (pos, _) = suites();
    assert!(pos.len() >= 500, "only {} positives", pos.len());
    let mut failures = Vec::new();
    let mut total = 0;
    for (text, cat) in pos {
        for sentence in HARMLESS {
            for (before, sep) in [(false, "\n"), (false, " "), (true, "")] {
                // Prepended sentences end with their own punctuation; an emoji line needs a break.
                let sep = if before && !sentence.ends_with(['。', '！', '？', '!', '?']) { "\n" } else { sep };
                let t = with_sentence(text, sentence, before, sep);
                total += 1;
                if !classifier().classify(&t).categories.contains(cat) {
                    failures.push(format!("{cat}: {t:?}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} variants lost their category:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Glued on with nothing between, a harmless sentence reads as part of the request's own sentence
/// (a warning after a request: "…转我别信陌生人的收款码"): operators such as 别信 / 不要 bear on what
/// follows them and emoji end sentences, so most requests survive (when this was written: 95.8 % of
/// the own cases' variants, 96.3 % with the shared dev set as well); a bar, not all, because a glued
/// warning can truly look like a quoted scam warning, and 查收 or 骗子 after a request defuse it.
#[test]
fn harmless_sentences_glued_on_keep_requests() {
    let (pos, _) = suites();
    let (mut kept, mut total) = (0u32, 0u32);
    let mut lost = Vec::new();
    for (text, cat) in pos {
        for sentence in HARMLESS {
            let t = format!("{text}{sentence}");
            total += 1;
            if classifier().classify(&t).categories.contains(cat) {
                kept += 1;
            } else if lost.len() < 20 {
                lost.push(format!("{cat}: {t:?}"));
            }
        }
    }
    eprintln!("glued on: kept {kept} of {total} variants");
    assert!(kept * 1000 >= total * 950, "kept only {kept} of {total}; e.g.\n{}", lost.join("\n"));
}

#[test]
fn chatter_keeps_hard_negatives_clean() {
    let (_, neg) = suites();
    assert!(neg.len() >= 300, "only {} negatives", neg.len());
    let mut finals = Vec::new();
    let mut looks = Vec::new();
    let mut total = 0;
    for text in neg {
        for sentence in CHATTER {
            for before in [false, true] {
                let t = with_sentence(text, sentence, before, "\n");
                let v = classifier().classify(&t);
                total += 1;
                if v.is_final() {
                    finals.push(format!("{:?}: {t:?}", v.categories));
                } else if !v.is_clean() {
                    looks.push(format!("{:?}: {t:?}", v.categories));
                }
            }
        }
    }
    // No rule verdict may appear; the learned layer sees the whole message, so added words can
    // move it: its "please take a look" flags may appear on at most 1 % of the variants.
    assert!(finals.is_empty(), "{} variants got a rule verdict:\n{}", finals.len(), finals.join("\n"));
    assert!(
        looks.len() * 100 <= total,
        "{} of {total} variants got a learned flag:\n{}",
        looks.len(),
        looks.join("\n")
    );
}

/// The learned layer weighs the whole message, so added sentences can move its score. For fee
/// collection, training ads and rankings it also scores what remains when sentences are taken away
/// from either end and keeps the best (the trainer chose that where it costs nothing in F1), so an
/// added sentence cannot dilute them; homework and ads are scored whole. Measured on the training
/// corpus positives that only the model flags: about 85 % survive a harmless sentence (rule
/// verdicts, above, all do); held to a floor of 80 %.
#[test]
fn learned_flags_mostly_survive_harmless_sentences() {
    // The training corpus: the only messages with enough learned-only verdicts to measure.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/policy/train");
    let corpus = jiaxiao_policy::train::load_corpus(&dir).expect("training corpus");
    let mut all: Vec<(String, Category)> = Vec::new();
    for m in &corpus {
        let v = classifier().classify(&m.text);
        for &cat in &m.labels {
            if v.categories.contains(&cat) && !v.matches.iter().any(|x| x.category == cat && x.source.is_final()) {
                all.push((m.text.clone(), cat));
            }
        }
    }
    assert!(all.len() >= 100, "only {} learned-only positives", all.len());
    let (mut kept, mut total) = (0, 0);
    for (text, cat) in &all {
        for sentence in HARMLESS {
            total += 1;
            kept += classifier().classify(&with_sentence(text, sentence, false, "\n")).categories.contains(cat) as u32;
        }
    }
    eprintln!("learned-only positives: {}; kept {kept} of {total} variants with a harmless sentence", all.len());
    assert!(kept * 100 >= total * 80, "kept only {kept} of {total}");
}

#[test]
fn traditional_characters_keep_every_positive() {
    let (pos, _) = suites();
    let mut failures = Vec::new();
    for (text, cat) in pos {
        let t = to_traditional(text);
        if !classifier().classify(&t).categories.contains(cat) {
            failures.push(format!("{cat}: {t:?}"));
        }
    }
    assert!(failures.is_empty(), "{} lost their category:\n{}", failures.len(), failures.join("\n"));
}

fn transform(text: &str, kind: u8, seed: &[u8]) -> String {
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let r = seed[i % seed.len()];
        match kind {
            // Full-width forms for ASCII.
            0 if r.is_multiple_of(2) && c.is_ascii_graphic() => out.push(char::from_u32(c as u32 + 0xFEE0).unwrap()),
            // Zero-width characters between characters.
            1 => {
                out.push(c);
                if r.is_multiple_of(3) {
                    out.push(['\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}', '\u{2060}'][r as usize % 5]);
                }
            }
            // Spaces, dots or line breaks between Chinese characters.
            2 => {
                out.push(c);
                if r.is_multiple_of(3) && is_han(c) && chars.get(i + 1).is_some_and(|n| is_han(*n)) {
                    out.push_str([" ", "\n", ".", "  ", "\u{3000}"][r as usize % 5]);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

proptest! {
    #![proptest_config(common::proptest_config(512))]

    /// Random combinations: a positive, a harmless sentence before or after, and one evasion.
    #[test]
    fn positives_survive_combined_transformations(
        pick in any::<prop::sample::Index>(),
        sentence in prop::sample::select(HARMLESS),
        before in any::<bool>(),
        sep in prop::sample::select(&SEPARATORS[..]),
        kind in 0u8..4,
        traditional in any::<bool>(),
        seed in prop::collection::vec(any::<u8>(), 1..32),
    ) {
        let (pos, _) = suites();
        let (text, cat) = &pos[pick.index(pos.len())];
        let mut t = transform(text, kind, &seed);
        if traditional {
            t = to_traditional(&t);
        }
        let sep = if before && !sentence.ends_with(['。', '！', '？', '!', '?']) { "\n" } else { sep };
        let t = with_sentence(&t, sentence, before, sep);
        let v = classifier().classify(&t);
        prop_assert!(v.categories.contains(cat), "{:?} lost {:?}: {:?}", t, cat, v.categories);
    }
}

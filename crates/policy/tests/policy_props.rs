//! Property tests: the classifier never panics, spans always point into the original text on
//! char boundaries, and the usual evasions (zero-width characters, spaces between Chinese
//! characters, full-width forms) do not turn a flagged message into a clean one.

#[allow(dead_code)]
mod common;

use jiaxiao_policy::{Category, Classifier};
use proptest::prelude::*;
use std::sync::OnceLock;

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::builtin().expect("built-in rules load"))
}

/// Known positives and the category each must keep.
const POSITIVES: &[(&str, Category)] = &[
    ("本学期班费每人200元，请周五前转给家委会王妈妈", Category::FeeCollection),
    ("各位家长，春游费用每人120元，今晚前微信转我", Category::FeeCollection),
    ("每家100元，支付宝转我，截止明天", Category::FeeCollection),
    ("还有三位家长没交班费，今天下午五点截止", Category::FeeCollection),
    ("Class gift: $20 per family, please Venmo me by Friday", Category::FeeCollection),
    ("寒假奥数提分班火热招生，名额有限，欢迎咨询", Category::OffCampusTraining),
    ("期末考试前三名：王**、李**、赵**，都考了98分以上", Category::RankingDisclosure),
    ("今天的数学作业请家长批改后签字", Category::HomeworkToParents),
    ("澳洲代购奶粉保健品，需要的家长加我微信", Category::CommercialAd),
];

const INVISIBLE: &[char] = &[
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{2060}',
    '\u{FEFF}',
    '\u{00AD}',
    '\u{FE0F}',
    '\u{200E}',
    '\u{202A}',
    '\u{E0020}',
];

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    #[test]
    fn any_text_classifies_with_valid_spans(text in any::<String>()) {
        let v = classifier().classify(&text);
        for m in &v.matches {
            prop_assert!(m.span.start < m.span.end);
            prop_assert!(m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start));
            prop_assert!(text.is_char_boundary(m.span.end));
            prop_assert_eq!(&text[m.span.start..m.span.end], m.excerpt.as_str());
        }
        let mut cats = v.categories.clone();
        cats.sort();
        cats.dedup();
        prop_assert_eq!(cats, v.categories.clone());
        prop_assert_eq!(v.is_clean(), v.categories.is_empty());
    }

    #[test]
    fn chinese_looking_text_classifies_with_valid_spans(
        text in "[\\u{4E00}-\\u{4E30}班费每人元转我交钱 0-9a-z，。\\u{200B}\\u{3000}-\\u{3010}💰🧧ㄅㄢㄈㄟˋ]{0,60}"
    ) {
        let v = classifier().classify(&text);
        for m in &v.matches {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert_eq!(&text[m.span.start..m.span.end], m.excerpt.as_str());
        }
        // Normalising and fingerprinting never panic either and are deterministic.
        prop_assert_eq!(classifier().fingerprint(&text), classifier().fingerprint(&text));
    }

    #[test]
    fn zero_width_insertions_keep_positives(
        idx in 0..POSITIVES.len(),
        inserts in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(INVISIBLE)), 1..12)
    ) {
        let (text, cat) = POSITIVES[idx];
        let mut chars: Vec<char> = text.chars().collect();
        for (at, zw) in inserts {
            let pos = at.index(chars.len() + 1);
            chars.insert(pos, zw);
        }
        let evasive: String = chars.into_iter().collect();
        let v = classifier().classify(&evasive);
        prop_assert!(v.categories.contains(&cat), "{:?} lost {:?}: {:?}", evasive, cat, v.categories);
    }

    #[test]
    fn spaces_between_chinese_characters_keep_positives(
        idx in 0..POSITIVES.len(),
        seps in prop::collection::vec(prop::sample::select(&[" ", "  ", "\n", ".", "/", "_", "-", "\u{3000}", " . "][..]), 64)
    ) {
        let (text, cat) = POSITIVES[idx];
        let chars: Vec<char> = text.chars().collect();
        let mut evasive = String::new();
        for (i, c) in chars.iter().enumerate() {
            evasive.push(*c);
            if i + 1 < chars.len() && is_han(*c) && is_han(chars[i + 1]) {
                evasive.push_str(seps[i % seps.len()]);
            }
        }
        let v = classifier().classify(&evasive);
        prop_assert!(v.categories.contains(&cat), "{:?} lost {:?}: {:?}", evasive, cat, v.categories);
    }

    #[test]
    fn full_width_forms_keep_positives(
        idx in 0..POSITIVES.len(),
        mask in prop::collection::vec(any::<bool>(), 80)
    ) {
        let (text, cat) = POSITIVES[idx];
        let evasive: String = text
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if mask[i % mask.len()] && c.is_ascii_graphic() {
                    char::from_u32(c as u32 + 0xFEE0).unwrap()
                } else if mask[i % mask.len()] && c == ' ' {
                    '\u{3000}'
                } else {
                    c
                }
            })
            .collect();
        let v = classifier().classify(&evasive);
        prop_assert!(v.categories.contains(&cat), "{:?} lost {:?}: {:?}", evasive, cat, v.categories);
    }
}

#[test]
fn the_positives_are_positive_as_written() {
    for (text, cat) in POSITIVES {
        let v = classifier().classify(text);
        assert!(v.categories.contains(cat), "{text}: {:?}", v.categories);
    }
}

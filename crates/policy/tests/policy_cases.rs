//! Hand-written labelled cases (tests/common/cases.rs): every category, every evasion trick
//! and every kind of hard negative. All failures are listed together before the test fails.
//!
//! The rules (final verdicts) must get every case exactly right. The learned layer is held to a
//! looser bar on the same cases, which were not written for it: it may not lose a category the
//! rules found, and its "please take a look" flags may touch at most 2 % of the benign cases.

mod common;

use common::cases::CASES;
use jiaxiao_policy::{AllowList, Category, Classifier, RuleError};
use std::sync::OnceLock;

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::builtin().expect("built-in rules load"))
}

#[test]
fn labelled_cases() {
    let c = classifier();
    let mut failures = Vec::new();
    for case in CASES {
        let v = c.classify(case.text);
        let mut want: Vec<Category> = case.labels.iter().map(|l| Category::parse(l).expect("known label")).collect();
        want.sort();
        let mut by_rules: Vec<Category> =
            v.matches.iter().filter(|m| m.source.is_final()).map(|m| m.category).collect();
        by_rules.sort();
        by_rules.dedup();
        if by_rules != want {
            let rules: Vec<&str> = v.matches.iter().map(|m| m.rule.as_str()).collect();
            failures.push(format!(
                "[{}] want {:?} got {:?} {:?}: {}",
                case.why, case.labels, v.categories, rules, case.text
            ));
        }
        for m in &v.matches {
            assert!(case.text.is_char_boundary(m.span.start) && case.text.is_char_boundary(m.span.end));
            assert_eq!(&case.text[m.span.start..m.span.end], m.excerpt);
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn the_learned_layer_adds_little_noise_to_the_cases() {
    let c = classifier();
    let mut noisy = Vec::new();
    let mut benign = 0;
    for case in CASES {
        let v = c.classify(case.text);
        for l in case.labels {
            assert!(v.categories.contains(&Category::parse(l).unwrap()), "lost {l}: {}", case.text);
        }
        if case.labels.is_empty() {
            benign += 1;
            if !v.is_clean() {
                noisy.push(format!("{:?}: {}", v.categories, case.text));
            }
        }
    }
    eprintln!("flagged {} of {benign} benign cases", noisy.len());
    assert!(noisy.len() * 50 <= benign, "{} of {benign} benign cases flagged:\n{}", noisy.len(), noisy.join("\n"));
}

#[test]
fn there_are_enough_cases_for_every_category() {
    assert!(CASES.len() >= 150);
    for c in Category::ALL {
        let n = CASES.iter().filter(|k| k.labels.contains(&c.as_str())).count();
        assert!(n >= 8, "only {n} cases for {c}");
    }
    let benign = CASES.iter().filter(|k| k.labels.is_empty()).count();
    assert!(benign >= 50, "only {benign} benign cases");
}

#[test]
fn every_match_cites_a_policy() {
    let c = classifier();
    for case in CASES.iter().filter(|k| !k.labels.is_empty()) {
        for m in c.classify(case.text).matches {
            assert!(!m.policy.document.is_empty());
            assert!(!m.policy.summary_zh.is_empty() && !m.policy.summary_en.is_empty());
            assert!(m.rule.contains('.'));
        }
    }
}

#[test]
fn fee_rules_cite_clause_5() {
    let v = classifier().classify("班费每人200元，周五前转给家委会王妈妈");
    let m = v.primary().expect("flagged");
    assert_eq!(m.category, Category::FeeCollection);
    assert_eq!(m.policy.clause, "第5条");
    assert!(m.policy.summary_zh.contains("严禁以家长委员会名义违规收费"));
}

#[test]
fn span_points_at_the_users_own_characters() {
    let text = "各位家长，班\u{200b}費每人２００元，轉我";
    let v = classifier().classify(text);
    let m = v.primary().expect("flagged");
    assert_eq!(&text[m.span.start..m.span.end], m.excerpt);
    assert!(m.excerpt.contains("２００") || m.excerpt.contains("轉"), "{}", m.excerpt);
}

#[test]
fn primary_is_fee_when_several_categories_fire() {
    let text = "本学期班费每人100元，周五前转给我。另外说一下，有需要的家长可以找我代购进口奶粉";
    let v = classifier().classify(text);
    assert!(v.categories.contains(&Category::FeeCollection));
    assert_eq!(v.primary().unwrap().category, Category::FeeCollection);
    let mut sorted = v.categories.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, v.categories);
}

#[test]
fn allow_list_drops_covered_matches() {
    let c = classifier();
    let text = "本学期班费每人200元，周五前转给王妈妈";
    assert!(!c.classify(text).is_clean());
    let mut allow = AllowList::new();
    allow.add_phrase(c.normalise(text));
    assert!(c.classify_with(text, Some(&allow)).is_clean());
    let mut by_fp = AllowList::new();
    by_fp.add_fingerprint(c.fingerprint(text));
    assert!(c.classify_with(text, Some(&by_fp)).is_clean());
    // Re-spelled copies share the fingerprint.
    assert_eq!(c.fingerprint(text), c.fingerprint("本学期班 費每人２００元，周五前转给王妈妈"));
    // Unrelated messages stay flagged.
    assert!(!c.classify_with("每家100元微信转我", Some(&by_fp)).is_clean());
}

#[test]
fn bad_rule_file_names_the_rule() {
    let src = r#"
[policies.p]
document = "d"
summary_zh = "z"
summary_en = "e"

[sets.s]
terms = ["x"]

[[rules]]
id = "fee.broken"
category = "fee_collection"
policy = "p"
all = ["s", "missing_set"]
"#;
    let err = Classifier::from_toml(src).err().expect("rejected");
    assert!(matches!(err, RuleError::Rule { ref rule, .. } if rule == "fee.broken"));
    assert!(err.to_string().contains("fee.broken"));
    assert!(err.to_string().contains("missing_set"));

    let bad_regex = src.replace("terms = [\"x\"]", "patterns = ['(']").replace("\"s\", \"missing_set\"", "\"s\"");
    let err = Classifier::from_toml(&bad_regex).err().expect("rejected");
    assert!(err.to_string().contains("fee.broken"), "{err}");
    assert!(err.to_string().contains("invalid pattern"), "{err}");
}

/// Learning per group: two "not a violation" marks on a wording clear close variants in that
/// group only; one "delete" makes close variants a "please take a look" there.
#[test]
fn group_memory_learns_from_moderators() {
    use jiaxiao_policy::{Context, GroupMemory, Source};
    let c = classifier();
    let marked =
        ["周五的亲子活动需要的材料费每家25元，转给班长妈妈", "周五的亲子活动需要的材料费每家30元，转给班长妈妈"];
    let variant = "周五的亲子活动需要的材料费每家28元，转给班长妈妈哈";
    assert!(c.classify(variant).categories.contains(&Category::FeeCollection));

    // One mark lowers the score but keeps the verdict.
    let one = GroupMemory::new(vec![c.sample(marked[0], Category::FeeCollection, true)]);
    let v = c.classify_in(variant, &Context { allow: None, memory: Some(&one) });
    assert!(v.categories.contains(&Category::FeeCollection), "one mark is not enough");
    assert!(v.matches.iter().all(|m| m.score < 1.0 || m.category != Category::FeeCollection));

    // Two marks clear it.
    let two = GroupMemory::new(marked.iter().map(|t| c.sample(t, Category::FeeCollection, true)).collect());
    let v = c.classify_in(variant, &Context { allow: None, memory: Some(&two) });
    assert!(v.is_clean(), "{:?}", v.matches);
    // A different fee request in the same group is still flagged.
    let other = "下学期班费每人200元，周五前微信转给我";
    assert!(!c.classify_in(other, &Context { allow: None, memory: Some(&two) }).is_clean());
    // Another group (no memory) still flags the variant.
    assert!(!c.classify_in(variant, &Context::default()).is_clean());

    // "Delete" on a message neither the rules nor the model flag makes its close variants a
    // "please take a look" from the group.
    let odd = "宝子们冲冲冲，老样子照上次的来哦";
    let odd_variant = "宝子们冲冲冲，老样子照上次的来呀";
    let deleted = GroupMemory::new(vec![c.sample(odd, Category::FeeCollection, false)]);
    let v = c.classify_in(odd_variant, &Context { allow: None, memory: Some(&deleted) });
    let m = v.matches.iter().find(|m| m.category == Category::FeeCollection).expect("group flag");
    assert_eq!(m.source, Source::Group);
    assert!(!v.is_final(), "a group flag is a please-take-a-look");
    assert!(!c.classify_in(odd_variant, &Context::default()).categories.contains(&Category::FeeCollection));
}

/// The end-to-end tests and the demo show a "please take a look" from the model with this message
/// (and a second opinion on a borderline one): a retrained model must keep them so.
#[test]
fn the_examples_the_bot_tests_and_the_demo_use_keep_their_verdicts() {
    let c = Classifier::builtin().expect("built-in rules and model");
    let v = c.classify("我老公是卖车的，最近有优惠，想换车的家长可以联系我");
    assert_eq!(v.categories, vec![Category::CommercialAd], "{v:?}");
    assert!(v.matches.iter().all(|m| m.source == jiaxiao_policy::Source::Model), "{v:?}");
    // Borderline: no verdict, but a fee probability in the second-opinion band (half the
    // threshold and up).
    let v = c.classify("宝子们冲冲冲，老样子照上次的来哦");
    assert!(v.is_clean(), "{v:?}");
    let (p, t) = (v.learned.expect("model")[0], c.model_thresholds().expect("model")[0]);
    assert!(p >= 0.5 * t && p < t, "{p} vs threshold {t}");
}

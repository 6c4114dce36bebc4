//! Scores the classifier on the labelled dev corpus (`$JIAXIAO_CORPUS`, or
//! `../shared/corpus/messages.dev.jsonl` beside the crate) and holds it to the quality bar:
//! fee_collection precision ≥ 0.97 and recall ≥ 0.95, every other category F1 ≥ 0.85, and at
//! most 2% of benign messages flagged. Ignored by a plain `cargo test` (the corpus lives outside the
//! repository); `.ci/run` runs it.

use jiaxiao_policy::{Category, Classifier};

struct Labelled {
    id: String,
    text: String,
    labels: Vec<Category>,
}

fn load() -> Option<(String, Vec<Labelled>)> {
    let path = std::env::var("JIAXIAO_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/messages.dev.jsonl").to_string()
    });
    let src = std::fs::read_to_string(&path).ok()?;
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: invalid JSON: {e}", i + 1));
        let labels = v["labels"]
            .as_array()
            .expect("labels is an array")
            .iter()
            .map(|l| {
                let s = l.as_str().expect("label is a string");
                Category::parse(s).unwrap_or_else(|| panic!("unknown label {s}"))
            })
            .collect();
        out.push(Labelled {
            id: v["id"].as_str().unwrap_or("?").to_string(),
            text: v["text"].as_str().expect("text is a string").to_string(),
            labels,
        });
    }
    Some((path, out))
}

/// Needs the shared dev corpus beside the repository (or `$JIAXIAO_CORPUS`); `.ci/run` runs it with
/// `--ignored` and fails when the corpus cannot be found.
#[test]
#[ignore = "needs ../shared/corpus/messages.dev.jsonl (or JIAXIAO_CORPUS); run by .ci/run"]
fn dev_corpus_meets_the_quality_bar() {
    let (path, corpus) = load().expect("the dev corpus: set JIAXIAO_CORPUS or put shared/ beside the repository");
    let classifier = Classifier::builtin().expect("built-in rules load");
    let mut tp = [0usize; 5];
    let mut fp = [0usize; 5];
    let mut fneg = [0usize; 5];
    let mut benign = 0;
    let mut benign_flagged = 0;
    let mut wrong = Vec::new();
    for m in &corpus {
        let v = classifier.classify(&m.text);
        for (i, c) in Category::ALL.iter().enumerate() {
            let want = m.labels.contains(c);
            let got = v.categories.contains(c);
            match (want, got) {
                (true, true) => tp[i] += 1,
                (false, true) => fp[i] += 1,
                (true, false) => fneg[i] += 1,
                _ => {}
            }
        }
        if m.labels.is_empty() {
            benign += 1;
            if !v.is_clean() {
                benign_flagged += 1;
            }
        }
        let mut want = m.labels.clone();
        want.sort();
        if want != v.categories {
            let rules: Vec<&str> = v.matches.iter().map(|x| x.rule.as_str()).collect();
            wrong.push(format!(
                "  {}  want {:?} got {:?} {:?}\n      {}",
                m.id,
                want.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                v.categories.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                rules,
                m.text.replace('\n', "⏎")
            ));
        }
    }
    println!("dev corpus: {path} ({} messages)", corpus.len());
    println!("{:<22} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}", "category", "tp", "fp", "fn", "P", "R", "F1");
    let mut scores = Vec::new();
    for (i, c) in Category::ALL.iter().enumerate() {
        let p = if tp[i] + fp[i] == 0 { 1.0 } else { tp[i] as f64 / (tp[i] + fp[i]) as f64 };
        let r = if tp[i] + fneg[i] == 0 { 1.0 } else { tp[i] as f64 / (tp[i] + fneg[i]) as f64 };
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        println!("{:<22} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3}", c.as_str(), tp[i], fp[i], fneg[i], p, r, f1);
        scores.push((*c, p, r, f1));
    }
    let benign_rate = if benign == 0 { 0.0 } else { benign_flagged as f64 / benign as f64 };
    println!("benign flagged: {benign_flagged}/{benign} = {:.3}", benign_rate);
    if wrong.is_empty() {
        println!("misclassified: none");
    } else {
        println!("misclassified ({}):\n{}", wrong.len(), wrong.join("\n"));
    }
    for (c, p, r, f1) in scores {
        if c == Category::FeeCollection {
            assert!(p >= 0.97, "fee_collection precision {p:.3} < 0.97");
            assert!(r >= 0.95, "fee_collection recall {r:.3} < 0.95");
        } else {
            assert!(f1 >= 0.85, "{c} F1 {f1:.3} < 0.85");
        }
    }
    assert!(benign_rate <= 0.02, "benign flagged {benign_rate:.3} > 0.02");
}

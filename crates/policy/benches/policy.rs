//! Throughput of the classifier on one thread: the whole dev set (or, when the corpus is not
//! there, the labelled cases of `tests/common/cases.rs`) classified repeatedly (`classify/messages`);
//! and its benign messages alone (`classify/benign`), closer to a real group, where most messages
//! are clean.
//!
//! Run: `nice -n 10 cargo bench --bench policy`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jiaxiao_policy::Classifier;
use std::hint::black_box;

#[path = "../tests/common/cases.rs"]
#[allow(dead_code)]
mod cases;

/// (text, labelled benign)
fn messages() -> (Vec<(String, bool)>, &'static str) {
    let path = std::env::var("JIAXIAO_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/messages.dev.jsonl").to_string()
    });
    if let Ok(src) = std::fs::read_to_string(&path) {
        let texts: Vec<(String, bool)> = src
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| {
                let benign = v["labels"].as_array().is_some_and(|l| l.is_empty());
                v["text"].as_str().map(|t| (t.to_string(), benign))
            })
            .collect();
        if !texts.is_empty() {
            return (texts, "dev corpus");
        }
    }
    (cases::CASES.iter().map(|c| (c.text.to_string(), c.labels.is_empty())).collect(), "own test cases")
}

fn bench(c: &mut Criterion) {
    let classifier = Classifier::builtin().expect("built-in rules load");
    let (all, source) = messages();
    eprintln!("benchmarking on {} messages from the {source}", all.len());
    let mut group = c.benchmark_group("classify");
    for (name, texts) in [
        ("messages", all.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>()),
        ("benign", all.iter().filter(|(_, b)| *b).map(|(t, _)| t.clone()).collect()),
    ] {
        group.throughput(Throughput::Elements(texts.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut flagged = 0usize;
                for t in &texts {
                    if !classifier.classify(black_box(t)).is_clean() {
                        flagged += 1;
                    }
                }
                black_box(flagged)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Classifies the dev corpus many times (for `perf record`): `cargo run --release -p jiaxiao-policy
//! --example profile -- CORPUS.jsonl [ROUNDS]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("corpus path");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(2000);
    let texts: Vec<String> = std::fs::read_to_string(path)
        .expect("corpus")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let c = jiaxiao_policy::Classifier::builtin().expect("rules");
    let t0 = std::time::Instant::now();
    let mut flagged = 0;
    for _ in 0..rounds {
        for t in &texts {
            flagged += usize::from(!c.classify(t).is_clean());
        }
    }
    let n = rounds * texts.len();
    eprintln!("{n} messages, {flagged} flagged, {:.0} msg/s", n as f64 / t0.elapsed().as_secs_f64());
}

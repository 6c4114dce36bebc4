//! Training the learned layer: `jiaxiao policy train` (or `jiaxiao-policy train`).
//!
//! Reads every `*.jsonl` file of the training corpus (`content/policy/train/`: messages written
//! for training by people who do not write the test cases), computes the features the classifier
//! computes ([`Classifier::features`]), and fits one L2-regularised logistic regression per
//! category with AdaGrad, deterministically (fixed seed and order), so the same corpus and rule
//! pack always give the same weights file.
//!
//! The thresholds at which the model alone flags a message are chosen by 5-fold cross-validation
//! on the same corpus: for each category, the lowest threshold at which the model's own verdicts
//! (where no rule fired) stay precise (≥ 0.8) and flag at most 0.15 % of the benign messages
//! (see `Settings`); and whether the category is scored on the whole message or on the best of its windows (see
//! [`crate::engine::MAX_WINDOW_SENTENCES`]), whichever gives the better rules + model F1 (windows
//! when within half a point; always windows for fee collection, so that an added sentence cannot
//! dilute a request). The
//! cross-validated scores are printed, so a change to the corpus or the rules shows its effect.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::engine::Window;
use crate::model::{CATEGORIES, Weights, sigmoid};
use crate::{Category, Classifier};

/// One labelled training message.
#[derive(Clone, Debug)]
pub struct Labelled {
    /// `file:line`, for messages about the corpus.
    pub origin: String,
    pub text: String,
    pub labels: Vec<Category>,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// n-gram buckets are `2^bits`.
    pub bits: u32,
    pub epochs: u32,
    /// AdaGrad learning rate.
    pub rate: f32,
    /// L2 penalty per update.
    pub l2: f32,
    /// Folds for choosing thresholds.
    pub folds: usize,
    /// The value of a structural feature (n-grams sum to about 1 per message).
    pub structural: f32,
    /// The share of benign messages the model alone may flag in cross-validation.
    pub benign_budget: f32,
}

impl Default for Settings {
    /// Chosen by cross-validation and by the false alarms on the project's own hard negatives:
    /// a stronger L2 penalty costs a little recall and keeps the model from trusting rare words.
    /// The benign budget (0.2 % of the corpus's benign messages may be flagged by the model alone
    /// in cross-validation) fell from 0.2 % to 0.15 % when the corpus grew to 6,577 messages (the
    /// fee threshold had dropped to 0.70 and the model flagged gift talk among the own cases), and
    /// is 0.2 % again since 5,600 messages, most of them hard negatives, joined it (12,177
    /// messages). Measured on sets held out of training: at 0.15 % the fee threshold rose to 0.90
    /// and the model caught 8 fewer of 110 requests of a fee-heavy set, with the same false
    /// alarms; at 0.25 % it flagged 6 of 900 hard negatives instead of 3 (4 at 0.2 %), and the
    /// own cases' benign messages went over 2 %. With 1,600 more messages (13,777, among them
    /// dictated ones and 300 hard negatives) the L2 penalty rose from 1e-3 to 1.5e-3: at 1e-3 the
    /// model flagged 10 of the 467 own benign cases (over 2 %) with either budget, at 1.5e-3 it
    /// flags fewer with the same cross-validated F1 and the same 99 benign flags. At 25,057
    /// messages the budget is 0.15 % again: at 0.2 % the thresholds for training and homework fell
    /// to 0.75 and 0.80 and the model alone flagged 11 of the 486 own benign cases (over 2 %); at
    /// 0.15 % (fee 0.90, training 0.85, homework 0.85) the cross-validated benign flags fell from
    /// 297 to 268 for 0.01 less fee recall, and two sets it had not seen (T89, T90: 500 messages)
    /// scored the same with either.
    fn default() -> Self {
        Settings { bits: 17, epochs: 30, rate: 0.3, l2: 1.5e-3, folds: 5, structural: 1.0, benign_budget: 0.0015 }
    }
}

/// Reads every `*.jsonl` file under `dir` (sorted by name). Each line: `{"text": ..., "labels": [...]}`.
pub fn load_corpus(dir: &Path) -> Result<Vec<Labelled>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .jsonl files", dir.display()));
    }
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        for (i, line) in src.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let origin = format!("{}:{}", f.display(), i + 1);
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{origin}: {e}"))?;
            let text = v["text"].as_str().ok_or_else(|| format!("{origin}: no `text`"))?.to_string();
            let mut labels = Vec::new();
            for l in v["labels"].as_array().ok_or_else(|| format!("{origin}: no `labels` array"))? {
                let name = l.as_str().unwrap_or_default();
                labels.push(Category::parse(name).ok_or_else(|| format!("{origin}: unknown label {name:?}"))?);
            }
            out.push(Labelled { origin, text, labels });
        }
    }
    Ok(out)
}

/// A message as sparse (index, value) pairs: n-gram buckets first, then `2^bits + k` for the
/// k-th structural feature. The model is fitted on the whole message (`windows[0]`); predictions
/// take the highest score over all windows, as classification does.
struct Example {
    windows: Vec<Vec<(u32, f32)>>,
    y: [bool; CATEGORIES],
}

impl Example {
    fn x(&self) -> &[(u32, f32)] {
        &self.windows[0]
    }
}

fn sparse(f: &Window, bits: u32, structural: f32) -> Vec<(u32, f32)> {
    let mut grams = f.ngrams.clone();
    grams.sort_unstable();
    let norm = if grams.is_empty() { 0.0 } else { 1.0 / (grams.len() as f32).sqrt() };
    let mut x: Vec<(u32, f32)> = Vec::new();
    for g in grams {
        match x.last_mut() {
            Some(last) if last.0 == g => last.1 += norm,
            _ => x.push((g, norm)),
        }
    }
    if structural > 0.0 {
        x.extend(f.structural.iter().map(|&k| ((1u32 << bits) + k as u32, structural)));
    }
    x
}

/// A small deterministic generator for shuffling.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Weights of one category: dense over n-grams and structural features, and a bias.
struct Fit {
    w: Vec<f32>,
    b: f32,
}

fn fit(examples: &[&Example], c: usize, dim: usize, s: &Settings) -> Fit {
    let pos = examples.iter().filter(|e| e.y[c]).count().max(1) as f32;
    let neg = (examples.len() as f32 - pos).max(1.0);
    let n = examples.len() as f32;
    // Balanced class weights: each class counts as half of the data.
    let (wp, wn) = (n / (2.0 * pos), n / (2.0 * neg));
    let mut w = vec![0f32; dim];
    let mut g2 = vec![1e-8f32; dim];
    let (mut b, mut gb) = (0f32, 1e-8f32);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = XorShift(0x5EED_0000 + c as u64);
    for _ in 0..s.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let e = examples[k];
            let z = b + e.x().iter().map(|&(i, v)| w[i as usize] * v).sum::<f32>();
            let y = if e.y[c] { 1.0 } else { 0.0 };
            let g = (sigmoid(z) - y) * if e.y[c] { wp } else { wn };
            for &(i, v) in e.x() {
                let i = i as usize;
                let gi = g * v + s.l2 * w[i];
                g2[i] += gi * gi;
                w[i] -= s.rate * gi / g2[i].sqrt();
            }
            gb += g * g;
            b -= s.rate * g / gb.sqrt();
        }
    }
    Fit { w, b }
}

fn predict(f: &Fit, e: &Example) -> f32 {
    e.windows.iter().map(|x| predict_window(f, x)).fold(0.0, f32::max)
}

fn predict_window(f: &Fit, x: &[(u32, f32)]) -> f32 {
    sigmoid(f.b + x.iter().map(|&(i, v)| f.w[i as usize] * v).sum::<f32>())
}

/// Cross-validated scores at a chosen threshold, for the report.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Scores {
    pub fn precision(&self) -> f32 {
        if self.tp + self.fp == 0 { 1.0 } else { self.tp as f32 / (self.tp + self.fp) as f32 }
    }
    pub fn recall(&self) -> f32 {
        if self.tp + self.fn_ == 0 { 1.0 } else { self.tp as f32 / (self.tp + self.fn_) as f32 }
    }
    pub fn f1(&self) -> f32 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// What training produced: the weights and a cross-validation report.
pub struct Trained {
    pub weights: Weights,
    pub report: String,
}

/// Trains on `corpus` with the rule pack of `classifier` (which supplies the features and the
/// rule verdicts that the model's thresholds are chosen around).
pub fn train(classifier: &Classifier, corpus: &[Labelled], s: &Settings) -> Trained {
    let names = classifier.structural_names();
    let dim = (1usize << s.bits) + names.len();
    let examples: Vec<Example> = corpus
        .iter()
        .map(|m| {
            let f = classifier.features(&m.text, s.bits);
            Example {
                windows: f.windows.iter().map(|w| sparse(w, s.bits, s.structural)).collect(),
                y: std::array::from_fn(|c| m.labels.contains(&Category::ALL[c])),
            }
        })
        .collect();
    let rules: Vec<Vec<Category>> = corpus.iter().map(|m| classifier.classify(&m.text).categories).collect();
    let anchored: Vec<[bool; CATEGORIES]> = corpus.iter().map(|m| classifier.anchors_hit(&m.text)).collect();

    // Cross-validated probabilities, scoring the whole message only and the best of its windows.
    let mut cv_whole = vec![[0f32; CATEGORIES]; examples.len()];
    let mut cv_windows = vec![[0f32; CATEGORIES]; examples.len()];
    for fold in 0..s.folds {
        let train: Vec<&Example> =
            examples.iter().enumerate().filter(|(i, _)| i % s.folds != fold).map(|e| e.1).collect();
        let fits: Vec<Fit> = (0..CATEGORIES).map(|c| fit(&train, c, dim, s)).collect();
        for (i, e) in examples.iter().enumerate().filter(|(i, _)| i % s.folds == fold) {
            cv_whole[i] = std::array::from_fn(|c| predict_window(&fits[c], e.x()));
            cv_windows[i] = std::array::from_fn(|c| predict(&fits[c], e));
        }
    }

    // Per category and scoring: the lowest threshold at which the model's own verdicts stay precise
    // and rare on benign messages; then the scoring whose rules + model F1 is higher (windows on a
    // tie, within half a point: they resist added sentences; but in some categories they also see a
    // suspicious sentence without the context that defuses it, and lose).
    let benign: Vec<usize> = (0..corpus.len()).filter(|&i| corpus[i].labels.is_empty()).collect();
    let choose = |cv: &[[f32; CATEGORIES]], c: usize, cat: &Category| -> (f32, f32) {
        let mut threshold = 0.99f32;
        for step in 0..=9 {
            let t = 0.5 + 0.05 * step as f32;
            let own: Vec<usize> =
                (0..corpus.len()).filter(|&i| cv[i][c] >= t && anchored[i][c] && !rules[i].contains(cat)).collect();
            let right = own.iter().filter(|&&i| corpus[i].labels.contains(cat)).count();
            let benign_hits = own.iter().filter(|&&i| corpus[i].labels.is_empty()).count();
            let precise = own.is_empty() || right as f32 / own.len() as f32 >= 0.8;
            if precise && benign_hits as f32 <= s.benign_budget * benign.len() as f32 {
                threshold = t;
                break;
            }
        }
        let mut u = Scores::default();
        for i in 0..corpus.len() {
            let got = rules[i].contains(cat) || (cv[i][c] >= threshold && anchored[i][c]);
            match (got, corpus[i].labels.contains(cat)) {
                (true, true) => u.tp += 1,
                (true, false) => u.fp += 1,
                (false, true) => u.fn_ += 1,
                _ => {}
            }
        }
        (threshold, u.f1())
    };
    let mut threshold = [0.99f32; CATEGORIES];
    let mut windowed = [false; CATEGORIES];
    let mut cv = vec![[0f32; CATEGORIES]; examples.len()];
    for (c, cat) in Category::ALL.iter().enumerate() {
        let (tw, fw) = choose(&cv_whole, c, cat);
        let (tn, fn_) = choose(&cv_windows, c, cat);
        // Within half a point, robustness to added sentences wins; fee requests, training ads and
        // rankings always are scored on windows, because they must survive a sentence added to
        // them (which cross-validation does not measure: scored whole, two in five learned
        // training flags were lost to an added line, and the learned flags of the metamorphic
        // test fell from 85 % to 80 % kept when rankings were scored whole).
        windowed[c] =
            matches!(cat, Category::FeeCollection | Category::OffCampusTraining | Category::RankingDisclosure)
                || fn_ >= fw - 0.005;
        threshold[c] = if windowed[c] { tn } else { tw };
        for i in 0..examples.len() {
            cv[i][c] = if windowed[c] { cv_windows[i][c] } else { cv_whole[i][c] };
        }
    }

    let mut report = String::new();
    report.push_str(&format!(
        "{} messages ({} benign), {} structural features, 2^{} n-gram buckets, {}-fold cross-validation\n",
        corpus.len(),
        benign.len(),
        names.len(),
        s.bits,
        s.folds
    ));
    report.push_str(
        "| category | scoring | threshold | rules P / R / F1 | model P / R / F1 | rules + model P / R / F1 |\n",
    );
    report.push_str("|---|---|---|---|---|---|\n");
    let mut flagged_benign_rules = 0;
    let mut flagged_benign_all = 0;
    for &i in &benign {
        flagged_benign_rules += !rules[i].is_empty() as u32;
        flagged_benign_all +=
            (!rules[i].is_empty() || (0..CATEGORIES).any(|c| cv[i][c] >= threshold[c] && anchored[i][c])) as u32;
    }
    for (c, cat) in Category::ALL.iter().enumerate() {
        let (mut r, mut m, mut u) = (Scores::default(), Scores::default(), Scores::default());
        for i in 0..corpus.len() {
            let want = corpus[i].labels.contains(cat);
            let by_rule = rules[i].contains(cat);
            let by_model = cv[i][c] >= threshold[c] && anchored[i][c];
            for (sc, got) in [(&mut r, by_rule), (&mut m, by_model), (&mut u, by_rule || by_model)] {
                match (got, want) {
                    (true, true) => sc.tp += 1,
                    (true, false) => sc.fp += 1,
                    (false, true) => sc.fn_ += 1,
                    _ => {}
                }
            }
        }
        let f = |s: &Scores| format!("{:.2} / {:.2} / {:.2}", s.precision(), s.recall(), s.f1());
        let scoring = if windowed[c] { "windows" } else { "whole" };
        report.push_str(&format!("| {cat} | {scoring} | {:.2} | {} | {} | {} |\n", threshold[c], f(&r), f(&m), f(&u)));
    }
    report.push_str(&format!(
        "| benign flagged | | | {flagged_benign_rules} / {n} | | {flagged_benign_all} / {n} |\n",
        n = benign.len()
    ));

    // The shipped model: all the data.
    let all: Vec<&Example> = examples.iter().collect();
    let fits: Vec<Fit> = (0..CATEGORIES).map(|c| fit(&all, c, dim, s)).collect();
    let grams = 1usize << s.bits;
    let ngrams: Vec<[f32; CATEGORIES]> = (0..grams).map(|i| std::array::from_fn(|c| fits[c].w[i])).collect();
    let structural = names
        .iter()
        .enumerate()
        .map(|(k, name)| (name.clone(), std::array::from_fn(|c| fits[c].w[grams + k] * s.structural)))
        .filter(|(_, w): &(String, [f32; CATEGORIES])| w.iter().any(|v| *v != 0.0))
        .collect();
    let weights =
        Weights { bits: s.bits, bias: std::array::from_fn(|c| fits[c].b), threshold, windowed, structural, ngrams };
    Trained { weights, report }
}

/// `train [--data DIR] [--out FILE] [--l2 X] [--epochs N] [--budget X]`.
pub fn train_command(prog: &str, data: Option<&Path>, out: Option<&Path>, settings: Settings) -> ExitCode {
    let data = data.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("content/policy/train"));
    let out = out.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("content/policy/model.bin"));
    let corpus = match load_corpus(&data) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{prog} train: {e}");
            return ExitCode::from(2);
        }
    };
    let classifier = match Classifier::builtin_rules_only() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{prog} train: the built-in rule pack is invalid: {e}");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    let trained = train(&classifier, &corpus, &settings);
    let bytes = trained.weights.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{prog} train: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    print!("{}", trained.report);
    println!("wrote {} ({} bytes) in {:.1} s", out.display(), bytes.len(), started.elapsed().as_secs_f32());
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The weights file in the repository is what training on the repository's corpus with the
    /// repository's rule pack gives: a changed rule pack or corpus needs `jiaxiao policy train`.
    #[test]
    fn shipped_model_is_up_to_date() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/policy/train");
        let corpus = load_corpus(&dir).expect("training corpus");
        assert!(corpus.len() >= 2000, "{} training messages", corpus.len());
        let classifier = Classifier::builtin_rules_only().unwrap();
        let trained = train(&classifier, &corpus, &Settings::default());
        assert!(
            trained.weights.to_bytes() == crate::model::BUILTIN_MODEL,
            "content/policy/model.bin is stale: run `jiaxiao policy train` (or `cargo run -p jiaxiao-policy --release -- train`)"
        );
    }

    #[test]
    fn corpus_errors_name_the_line() {
        let dir = std::env::temp_dir().join(format!("jx-train-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.jsonl"),
            "{\"text\": \"x\", \"labels\": []}\n{\"text\": \"y\", \"labels\": [\"spam\"]}\n",
        )
        .unwrap();
        let e = load_corpus(&dir).unwrap_err();
        assert!(e.contains("a.jsonl:2") && e.contains("spam"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(load_corpus(&dir).is_err());
    }
}

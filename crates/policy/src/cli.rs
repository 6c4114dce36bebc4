//! The engine's command line, shared by `jiaxiao-policy` and the bot's `jiaxiao classify` /
//! `jiaxiao policy train`.
//!
//! `classify [--jsonl]`: messages in on a reader, one JSON verdict per message out on a writer,
//! in order.
//!
//! Plain mode: every non-empty line is one message and its id is the 1-based line number.
//! `--jsonl` mode: every non-empty line is `{"id": <any JSON>, "text": "..."}`; the id is echoed
//! back as given (the line number when absent). A line that cannot be read as a message gets
//! `{"id": ..., "error": "..."}` and the run carries on.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use serde::Serialize;
use serde_json::Value;

use super::{Category, Classifier, Match};

#[derive(Serialize)]
struct Output<'a> {
    id: &'a Value,
    categories: &'a [Category],
    matches: &'a [Match],
}

#[derive(Serialize)]
struct ErrorOutput<'a> {
    id: &'a Value,
    error: &'a str,
}

/// `jiaxiao-policy <command>`: parses the arguments and runs the command.
pub fn main_with_args(prog: &str, args: &[String]) -> ExitCode {
    let usage = || {
        eprintln!(
            "usage: {prog} classify [--jsonl]\n       {prog} debug   (one message per line: normalised text, set hits, rules)\n       {prog} train [--data DIR] [--out FILE] [--l2 X] [--epochs N] [--budget X] [--structural X]"
        );
        ExitCode::from(2)
    };
    match args.first().map(String::as_str) {
        Some("classify") => match &args[1..] {
            [] => classify_command(prog, false),
            [flag] if flag == "--jsonl" => classify_command(prog, true),
            _ => usage(),
        },
        Some("debug") if args.len() == 1 => debug_command(prog),
        Some("train") => {
            let mut data = None;
            let mut out = None;
            let mut settings = crate::train::Settings::default();
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                let Some(v) = it.next() else { return usage() };
                let num = |v: &str| v.parse::<f32>().ok().filter(|x| x.is_finite() && *x >= 0.0);
                match (a.as_str(), num(v)) {
                    ("--data", _) => data = Some(std::path::PathBuf::from(v)),
                    ("--out", _) => out = Some(std::path::PathBuf::from(v)),
                    ("--l2", Some(x)) => settings.l2 = x,
                    ("--epochs", Some(x)) if x >= 1.0 => settings.epochs = x as u32,
                    ("--budget", Some(x)) if x <= 1.0 => settings.benign_budget = x,
                    ("--structural", Some(x)) => settings.structural = x,
                    _ => return usage(),
                }
            }
            crate::train::train_command(prog, data.as_deref(), out.as_deref(), settings)
        }
        _ => usage(),
    }
}

/// `debug`: for people writing rules, what the engine saw in each line of stdin.
fn debug_command(prog: &str) -> ExitCode {
    let classifier = match Classifier::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{prog} debug: the built-in rule pack is invalid: {e}");
            return ExitCode::from(2);
        }
    };
    for line in std::io::stdin().lines().map_while(Result::ok) {
        let text = line.replace("\\n", "\n");
        let (norm, sets, rules) = classifier.debug(&text);
        println!("text:  {norm:?}");
        for (name, hits) in sets {
            println!("  set {name}: {hits:?}");
        }
        for (rule, score, part) in rules {
            match part {
                Some((p, w)) => {
                    println!("  rule {rule}: {score:.2} (model on its part: {p:.3}, on the message: {w:.3})")
                }
                None => println!("  rule {rule}: {score:.2}"),
            }
        }
        if let Some(p) = classifier.classify(&text).learned {
            println!("  model: {:?}", p.map(|x| (x * 1000.0).round() / 1000.0));
        }
    }
    ExitCode::SUCCESS
}

/// `classify [--jsonl]` on stdin and stdout, with the built-in rule pack and model.
pub fn classify_command(prog: &str, jsonl: bool) -> ExitCode {
    let classifier = match Classifier::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{prog} classify: the built-in rule pack is invalid: {e}");
            return ExitCode::from(2);
        }
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    match run_classify(&classifier, jsonl, stdin.lock(), std::io::BufWriter::new(stdout.lock())) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is a normal way to stop reading.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{prog} classify: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Classifies every message read from `input` and writes one JSON line per message to `output`.
pub fn run_classify(
    classifier: &Classifier,
    jsonl: bool,
    input: impl BufRead,
    mut output: impl Write,
) -> std::io::Result<()> {
    // Lines are split on bytes and decoded lossily, so one line of bad UTF-8 cannot end the run.
    for (i, line) in input.split(b'\n').enumerate() {
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        let line = line.strip_suffix('\r').unwrap_or(&line);
        if line.trim().is_empty() {
            continue;
        }
        let line_no = Value::from(i as u64 + 1);
        if !jsonl {
            write_verdict(classifier, &line_no, line, &mut output)?;
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Err(e) => write_error(&line_no, &format!("invalid JSON: {e}"), &mut output)?,
            Ok(Value::Object(obj)) => {
                let id = obj.get("id").cloned().unwrap_or(line_no);
                match obj.get("text") {
                    Some(Value::String(text)) => write_verdict(classifier, &id, text, &mut output)?,
                    Some(_) => write_error(&id, "`text` is not a string", &mut output)?,
                    None => write_error(&id, "missing `text`", &mut output)?,
                }
            }
            Ok(_) => write_error(&line_no, "expected a JSON object", &mut output)?,
        }
    }
    output.flush()
}

fn write_verdict(classifier: &Classifier, id: &Value, text: &str, out: &mut impl Write) -> std::io::Result<()> {
    let v = classifier.classify(text);
    let o = Output { id, categories: &v.categories, matches: &v.matches };
    serde_json::to_writer(&mut *out, &o)?;
    out.write_all(b"\n")
}

fn write_error(id: &Value, error: &str, out: &mut impl Write) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &ErrorOutput { id, error })?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn classifier() -> &'static Classifier {
        static C: OnceLock<Classifier> = OnceLock::new();
        C.get_or_init(|| Classifier::builtin().unwrap())
    }

    fn run(jsonl: bool, input: &str) -> Vec<Value> {
        let mut out = Vec::new();
        run_classify(classifier(), jsonl, input.as_bytes(), &mut out).unwrap();
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn plain_mode_uses_line_numbers_and_skips_empty_lines() {
        let out = run(false, "收到，谢谢老师\n\n本学期班费每人200元，请周五前转给家委会\r\n");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0]["id"], 1);
        assert_eq!(out[0]["categories"], serde_json::json!([]));
        assert_eq!(out[0]["matches"], serde_json::json!([]));
        assert_eq!(out[1]["id"], 3);
        assert_eq!(out[1]["categories"][0], "fee_collection");
        let m = &out[1]["matches"][0];
        assert!(m["rule"].as_str().unwrap().starts_with("fee."));
        assert_eq!(m["category"], "fee_collection");
        assert!(!m["policy"]["document"].as_str().unwrap().is_empty());
        let (s, e) = (m["span"]["start"].as_u64().unwrap() as usize, m["span"]["end"].as_u64().unwrap() as usize);
        let text = "本学期班费每人200元，请周五前转给家委会";
        assert_eq!(m["excerpt"].as_str().unwrap(), &text[s..e]);
    }

    #[test]
    fn jsonl_mode_echoes_ids_and_reports_bad_lines() {
        let input = concat!(
            "{\"id\": \"a-1\", \"text\": \"收到\"}\n",
            "not json\n",
            "{\"id\": 7}\n",
            "{\"id\": [1, 2], \"text\": \"每人50元，微信转我\"}\n",
            "{\"text\": 5}\n",
            "[1]\n",
            "{\"text\": \"no id here\"}\n",
        );
        let out = run(true, input);
        assert_eq!(out.len(), 7);
        assert_eq!(out[0]["id"], "a-1");
        assert_eq!(out[0]["categories"], serde_json::json!([]));
        assert_eq!(out[1]["id"], 2);
        assert!(out[1]["error"].as_str().unwrap().contains("invalid JSON"));
        assert_eq!(out[2]["id"], 7);
        assert!(out[2]["error"].as_str().unwrap().contains("text"));
        assert_eq!(out[3]["id"], serde_json::json!([1, 2]));
        assert_eq!(out[3]["categories"][0], "fee_collection");
        assert!(out[4]["error"].is_string());
        assert!(out[5]["error"].is_string());
        assert_eq!(out[6]["id"], 7);
        assert_eq!(out[6]["categories"], serde_json::json!([]));
    }

    #[test]
    fn invalid_utf8_does_not_stop_the_run() {
        let mut input = b"\xff\xfe bad bytes\n".to_vec();
        input.extend_from_slice("每人50元，微信转我\n".as_bytes());
        let mut out = Vec::new();
        run_classify(classifier(), false, &input[..], &mut out).unwrap();
        let lines: Vec<Value> =
            String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["id"], 2);
        assert_eq!(lines[1]["categories"][0], "fee_collection");
    }

    #[test]
    fn output_is_in_input_order() {
        let input: String = (0..50).map(|i| format!("message {i}\n")).collect();
        let out = run(false, &input);
        let ids: Vec<u64> = out.iter().map(|v| v["id"].as_u64().unwrap()).collect();
        assert_eq!(ids, (1..=50).collect::<Vec<u64>>());
    }
}

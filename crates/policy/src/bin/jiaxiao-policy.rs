//! `jiaxiao-policy`: the policy engine on its own, without the bot.
//!
//! - `jiaxiao-policy classify [--jsonl]`: the same as `jiaxiao classify` (stdin → one JSON verdict
//!   per line).
//! - `jiaxiao-policy train [--data DIR] [--out FILE]`: trains the learned layer from the labelled
//!   corpus (default `content/policy/train`) and writes the weights file (default
//!   `content/policy/model.bin`), as `jiaxiao policy train` does.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    jiaxiao_policy::cli::main_with_args("jiaxiao-policy", &args)
}

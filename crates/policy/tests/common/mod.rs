//! Shared helpers for the integration tests.

pub mod cases;

/// The property tests' settings: `cases` draws from a fixed seed, so that CI runs the same
/// draws every time (a random seed turned up old weaknesses at random, failing runs that changed
/// nothing). To explore further, set `JIAXIAO_PROPTEST_SEED` (any number) and
/// `JIAXIAO_PROPTEST_CASES`; a failure prints the input (and is saved with the regressions that
/// run first), which then belongs in the own cases.
#[allow(dead_code)] // not every test file runs property tests
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    proptest::test_runner::Config {
        cases: env("JIAXIAO_PROPTEST_CASES").map_or(cases, |n| n as u32),
        rng_seed: proptest::test_runner::RngSeed::Fixed(env("JIAXIAO_PROPTEST_SEED").unwrap_or(0x4A58_2026)),
        ..proptest::test_runner::Config::default()
    }
}

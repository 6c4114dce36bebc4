//! # Jiaxiao (家校)
//!
//! A Telegram bot for school class parent groups, standing on the 2023 policy on school–family–society
//! co-education. A tour of the crate:
//!
//! - [`model`]: groups, settings, roles and members, and the parsing of user-supplied values.
//! - [`store`]: narrow async traits over the state that matters, with a memory and a Redis backend.
//! - [`i18n`]: every user-facing text, from the Fluent files in `locales/`.
//! - [`content`]: micro-lessons and reminder texts from `content/`, validated at load.
//! - [`clock`]: time as a dependency, so jobs and the demo can run on a simulated clock.
//! - [`telegram`]: the routing tree, the handlers, and the safe way to call Telegram.
//! - [`config`]: the operator's environment, validated once.
//! - [`schedule`]: pure time arithmetic (next slot in a zone, quiet hours, catch-up).
//! - [`jobs`]: the outbox sender and the lesson scheduler.
//! - [`standin`]: a Telegram Bot API stand-in (tests, benchmarks, the demo); [`sim`] runs the real bot on it.
//! - [`demo`]: `jiaxiao demo`, a simulated school day.
//! - [`cli`]: the `jiaxiao` command line (`run`, `demo`, `classify`, `lessons check`).
//!
//! `main.rs` only hands over to [`cli::main`].

pub mod ack;
pub mod cli;
pub mod clock;
pub mod config;
pub mod content;
pub mod demo;
pub mod http;
pub mod i18n;
pub mod jobs;
pub mod metrics;
pub mod model;
pub mod run;
pub mod schedule;
pub mod sim;
pub mod store;
pub mod telegram;
pub mod webapp;
pub mod weekly;

/// The policy engine, its own crate (`crates/policy`): no Telegram, no Redis.
pub use jiaxiao_policy as policy;
/// The Telegram Bot API stand-in, its own crate (`crates/standin`).
pub use jiaxiao_standin as standin;

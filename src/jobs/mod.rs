//! Background work, each job owning its task and stopping on the shared shutdown signal:
//! - [`outbox`]: the one rate-limited sending path for everything the bot posts on its own;
//! - [`lessons`]: the micro-lesson scheduler;
//! - [`reminders`]: the daily reminder scheduler.

pub mod lessons;
pub mod outbox;
pub mod ratelimit;
pub mod reminders;

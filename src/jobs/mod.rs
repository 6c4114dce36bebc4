//! Background work, each job owning its task and stopping on the shared shutdown signal:
//! - [`outbox`]: the one rate-limited sending path for everything the bot posts on its own;
//! - [`lessons`]: the micro-lesson scheduler;
//! - [`reminders`]: the daily reminder scheduler.

pub mod lessons;
pub mod outbox;
pub mod ratelimit;
pub mod reminders;

use crate::clock::Clock;
use crate::store::StoreResult;
use chrono::{DateTime, Utc};
use std::future::Future;
use tokio::sync::{Notify, watch};

/// The loop every scheduler shares: run `tick` (which queues what is due and says when the next thing
/// falls), then wait for that moment, a change (`changed`), or shutdown. A store error is retried a
/// minute later; with nothing scheduled it looks again within the hour.
pub async fn run_schedule<F, Fut>(
    name: &'static str,
    clock: &dyn Clock,
    changed: &Notify,
    mut shutdown: watch::Receiver<bool>,
    mut tick: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = StoreResult<Option<DateTime<Utc>>>>,
{
    tracing::info!("{name} started");
    while !*shutdown.borrow() {
        let now = clock.now();
        let until = match tick().await {
            Ok(next) => next.unwrap_or(now + chrono::Duration::hours(1)),
            Err(e) => {
                tracing::warn!(error = %e, "{name}: store error; retrying in a minute");
                now + chrono::Duration::minutes(1)
            }
        };
        tokio::select! {
            _ = clock.sleep_until(until) => {}
            _ = changed.notified() => {}
            _ = shutdown.changed() => {}
        }
    }
    tracing::info!("{name} stopped");
}

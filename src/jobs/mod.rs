//! Background work, each job owning its task and stopping on the shared shutdown signal:
//! - [`outbox`]: the one rate-limited sending path for everything the bot posts on its own;
//! - [`lessons`]: the micro-lesson scheduler;
//! - [`reminders`]: the daily reminder scheduler;
//! - [`limiter`]: the bot-wide sending budget (in memory, or shared through Redis).
//!
//! Every job runs under [`supervise`]: an error or a panic restarts it with back-off, logged and
//! counted, so that one bad input can never stop all sending without a word.

pub mod lessons;
pub mod limiter;
pub mod outbox;
pub mod ratelimit;
pub mod reminders;
pub mod weekly;

use crate::clock::Clock;
use crate::store::StoreResult;
use chrono::{DateTime, Utc};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

/// The background jobs of one running bot, and how many of them are running now.
pub struct JobSet {
    handles: Vec<JoinHandle<()>>,
    running: Arc<AtomicUsize>,
    expected: usize,
}

impl JobSet {
    pub fn new() -> JobSet {
        JobSet { handles: Vec::new(), running: Arc::new(AtomicUsize::new(0)), expected: 0 }
    }

    /// Starts `job` under [`supervise`].
    pub fn spawn<F, Fut>(&mut self, name: &'static str, shutdown: watch::Receiver<bool>, job: F)
    where
        F: FnMut() -> Fut + Send + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        self.expected += 1;
        self.handles.push(tokio::spawn(supervise(name, shutdown, self.running.clone(), job)));
    }

    /// What readiness checks: every job is running.
    pub fn health(&self) -> JobHealth {
        JobHealth { running: self.running.clone(), expected: self.expected }
    }

    /// Waits for every job to stop (after the shutdown signal), at most `limit`; true when all did.
    pub async fn join(self, limit: Duration) -> bool {
        tokio::time::timeout(limit, futures::future::join_all(self.handles)).await.is_ok()
    }
}

impl Default for JobSet {
    fn default() -> Self {
        JobSet::new()
    }
}

/// A view of how many jobs run, for `/readyz`.
#[derive(Clone)]
pub struct JobHealth {
    running: Arc<AtomicUsize>,
    expected: usize,
}

impl JobHealth {
    pub fn all_running(&self) -> bool {
        self.running.load(Ordering::Relaxed) >= self.expected
    }

    pub fn running(&self) -> usize {
        self.running.load(Ordering::Relaxed)
    }
}

/// Runs `job` until `shutdown` turns true, restarting it after an error, a panic, or an early
/// return, with back-off (1 s doubling to a minute; back to 1 s after a minute of good running).
pub async fn supervise<F, Fut>(
    name: &'static str,
    mut shutdown: watch::Receiver<bool>,
    running: Arc<AtomicUsize>,
    mut job: F,
) where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
{
    let mut backoff = Duration::from_secs(1);
    loop {
        let started = tokio::time::Instant::now();
        running.fetch_add(1, Ordering::Relaxed);
        crate::metrics::jobs_running(running.load(Ordering::Relaxed));
        let result = tokio::spawn(job()).await;
        running.fetch_sub(1, Ordering::Relaxed);
        crate::metrics::jobs_running(running.load(Ordering::Relaxed));
        if *shutdown.borrow() {
            return;
        }
        match result {
            Ok(Ok(())) => tracing::error!(job = name, "background job returned unexpectedly; restarting"),
            Ok(Err(e)) => tracing::error!(job = name, error = %e, "background job failed; restarting"),
            Err(e) if e.is_panic() => tracing::error!(job = name, "background job panicked; restarting"),
            Err(e) => tracing::error!(job = name, error = %e, "background job was cancelled; restarting"),
        }
        crate::metrics::job_restarted(name);
        if started.elapsed() > Duration::from_secs(60) {
            backoff = Duration::from_secs(1);
        }
        tokio::select! {
            _ = tokio::time::sleep(backoff) => {}
            _ = shutdown.changed() => return,
        }
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_job_that_panics_or_fails_is_restarted_with_back_off_until_shutdown() {
        let (stop, stopped) = watch::channel(false);
        let runs = Arc::new(AtomicUsize::new(0));
        let (counted, shutdown) = (runs.clone(), stopped.clone());
        let mut jobs = JobSet::new();
        let (tx, mut third_run) = tokio::sync::mpsc::unbounded_channel();
        jobs.spawn("flaky", stopped, move || {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            let (tx, mut shutdown) = (tx.clone(), shutdown.clone());
            async move {
                match n {
                    0 => panic!("a bad input"),
                    1 => anyhow::bail!("the store went away"),
                    _ => {
                        let _ = tx.send(());
                        let _ = shutdown.wait_for(|s| *s).await;
                        Ok(())
                    }
                }
            }
        });
        let health = jobs.health();
        let started = tokio::time::Instant::now();
        third_run.recv().await.expect("restarted after a panic and an error");
        assert_eq!(runs.load(Ordering::SeqCst), 3);
        assert!(started.elapsed() >= Duration::from_secs(3), "back-off of 1 s, then 2 s");
        assert!(health.all_running());
        stop.send(true).unwrap();
        assert!(jobs.join(Duration::from_secs(5)).await, "stops on shutdown");
        assert_eq!(health.running(), 0);
    }
}

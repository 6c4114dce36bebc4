//! Metrics in Prometheus' text format, through the `metrics` facade and its Prometheus exporter
//! (rendered on `/metrics`, see [`crate::http`]). One recorder per process, installed on first use;
//! the functions below are the only names the rest of the bot uses, so the list of series lives here:
//!
//! | series | labels | what |
//! |---|---|---|
//! | `jiaxiao_updates_total` | `kind` | updates taken from Telegram |
//! | `jiaxiao_handler_seconds` | `kind` | time to handle one update (histogram) |
//! | `jiaxiao_handler_errors_total` | `kind` | updates whose handler failed |
//! | `jiaxiao_flags_total` | `category`, `source` | messages flagged for moderators |
//! | `jiaxiao_acks_total` | | notice acknowledgements counted |
//! | `jiaxiao_outbox_sent_total` | `kind` | lessons, reminders, notices, broadcasts … posted |
//! | `jiaxiao_outbox_depth` | | items queued |
//! | `jiaxiao_outbox_oldest_seconds` | | how long the earliest due item has been waiting |
//! | `jiaxiao_sends_total` | `result` (`ok`, `429`, `403`, `400`, `other`) | calls to Telegram that post or edit |
//! | `jiaxiao_limiter_wait_seconds` | | time spent waiting for a sending slot (histogram) |
//! | `jiaxiao_redis_errors_total` | | store or limiter calls that failed |
//! | `jiaxiao_job_restarts_total` | `job` | background jobs restarted after an error or a panic |
//! | `jiaxiao_jobs_running` | | background jobs running now |

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process-wide recorder (once; later calls return the same handle). `None` when some
/// other recorder was installed first (metrics then go there).
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let buckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];
            let builder = PrometheusBuilder::new().set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &buckets);
            match builder {
                Ok(b) => match b.install_recorder() {
                    Ok(h) => Some(h),
                    Err(e) => {
                        tracing::warn!(error = %e, "metrics recorder not installed");
                        None
                    }
                },
                Err(e) => {
                    tracing::warn!(error = %e, "metrics buckets rejected");
                    None
                }
            }
        })
        .as_ref()
}

/// The metrics as Prometheus text.
pub fn render() -> String {
    match install() {
        Some(h) => {
            h.run_upkeep();
            h.render()
        }
        None => String::new(),
    }
}

pub fn update(kind: &'static str) {
    counter!("jiaxiao_updates_total", "kind" => kind).increment(1);
}

pub fn handled(kind: &'static str, took: Duration, failed: bool) {
    histogram!("jiaxiao_handler_seconds", "kind" => kind).record(took.as_secs_f64());
    if failed {
        counter!("jiaxiao_handler_errors_total", "kind" => kind).increment(1);
    }
}

pub fn flagged(category: &str, source: &str) {
    counter!("jiaxiao_flags_total", "category" => category.to_owned(), "source" => source.to_owned()).increment(1);
}

pub fn acked() {
    counter!("jiaxiao_acks_total").increment(1);
}

/// A daily check-in was counted.
pub fn checked_in() {
    counter!("jiaxiao_checkins_total").increment(1);
}

/// A parent's question was passed to a teacher.
pub fn question() {
    counter!("jiaxiao_questions_total").increment(1);
}

/// An outbox item was posted; `kind` is the part of its id before the first `:` (`lesson`,
/// `reminder`, `notice`, `broadcast` …).
pub fn outbox_sent(id: &str) {
    let kind = match id.split(':').next().unwrap_or_default() {
        "remind" | "premind" => "reminder",
        "chase" => "chase",
        "weekly" => "weekly",
        "lesson" => "lesson",
        "notice" => "notice",
        "broadcast" => "broadcast",
        _ => "other",
    };
    counter!("jiaxiao_outbox_sent_total", "kind" => kind).increment(1);
}

pub fn outbox_state(depth: u64, oldest: Duration) {
    gauge!("jiaxiao_outbox_depth").set(depth as f64);
    gauge!("jiaxiao_outbox_oldest_seconds").set(oldest.as_secs_f64());
}

/// How a call that posts or edits ended.
pub fn sent(result: &'static str) {
    counter!("jiaxiao_sends_total", "result" => result).increment(1);
}

pub fn limiter_waited(wait: Duration) {
    histogram!("jiaxiao_limiter_wait_seconds").record(wait.as_secs_f64());
}

pub fn redis_error() {
    counter!("jiaxiao_redis_errors_total").increment(1);
}

pub fn job_restarted(job: &'static str) {
    counter!("jiaxiao_job_restarts_total", "job" => job).increment(1);
}

pub fn jobs_running(n: usize) {
    gauge!("jiaxiao_jobs_running").set(n as f64);
}

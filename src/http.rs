//! The bot's one HTTP listener (`JIAXIAO_HTTP_LISTEN`, default `127.0.0.1:9464`): `/healthz` (the
//! process answers), `/readyz` (the store answers, Telegram answered `getMe`, every background job
//! runs) and `/metrics` (Prometheus text, see [`crate::metrics`]). In webhook mode the webhook route
//! is served here too when `WEBHOOK_LISTEN` is the same address, else on a listener of its own that
//! carries only the webhook and `/healthz` (so that metrics are never exposed to the internet).

use crate::jobs::JobHealth;
use crate::store::DynStore;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What `/readyz` looks at.
pub struct Health {
    store: DynStore,
    telegram: AtomicBool,
    jobs: JobHealth,
}

impl Health {
    pub fn new(store: DynStore, jobs: JobHealth) -> Arc<Health> {
        Arc::new(Health { store, telegram: AtomicBool::new(false), jobs })
    }

    /// `getMe` succeeded.
    pub fn telegram_ok(&self) {
        self.telegram.store(true, Ordering::Relaxed);
    }

    /// The readiness checks, each as (name, ok).
    pub async fn checks(&self) -> Vec<(&'static str, bool)> {
        let store = matches!(tokio::time::timeout(Duration::from_secs(2), self.store.ping()).await, Ok(Ok(())));
        vec![("store", store), ("telegram", self.telegram.load(Ordering::Relaxed)), ("jobs", self.jobs.all_running())]
    }
}

/// `/healthz` alone (for the public webhook listener).
pub fn liveness() -> Router {
    Router::new().route("/healthz", get(|| async { "ok\n" }))
}

/// `/healthz`, `/readyz` and `/metrics`.
pub fn router(health: Arc<Health>) -> Router {
    liveness().merge(Router::new().route("/readyz", get(readyz)).route("/metrics", get(metrics)).with_state(health))
}

async fn readyz(State(health): State<Arc<Health>>) -> impl IntoResponse {
    let checks = health.checks().await;
    let ok = checks.iter().all(|(_, ok)| *ok);
    let body: String =
        checks.iter().map(|(name, ok)| format!("{name} {}\n", if *ok { "ok" } else { "failing" })).collect();
    (if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE }, body)
}

async fn metrics() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], crate::metrics::render())
}

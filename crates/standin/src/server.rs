//! The HTTP side: an axum router answering `POST|GET /bot{token}/{method}`
//! like the Bot API server, with `getUpdates` long polling (webhook delivery
//! runs in a task of its own, see `webhook`).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State as AxState};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Value, json};
use tokio::sync::{Notify, broadcast, watch};

use super::StandIn;
use super::params::{self, get_i64};
use super::state::{self, State};
use super::types::Event;
use super::webhook;

pub(crate) struct Inner {
    state: Mutex<State>,
    /// An update was queued, a call was answered (it may have set or
    /// deleted the webhook), or the server is shutting down.
    pub(crate) updates_changed: Notify,
    /// Pending updates were taken: confirmed by a `getUpdates` offset,
    /// accepted by the webhook, or dropped.
    pub(crate) consumed_changed: Notify,
    /// A call was recorded.
    pub(crate) calls_changed: Notify,
    pub(crate) shutdown: watch::Sender<bool>,
    pub(crate) events: broadcast::Sender<Event>,
    pub(crate) addr: SocketAddr,
}

impl Inner {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in a test thread must not take every later call with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn is_shut_down(&self) -> bool {
        *self.shutdown.borrow()
    }
}

/// Binds 127.0.0.1:0 and serves in a spawned task; webhook delivery runs in
/// another one. Both end on shutdown.
pub(crate) async fn start() -> std::io::Result<Arc<Inner>> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let (events, _) = broadcast::channel(16_384);
    let (shutdown, mut shutdown_rx) = watch::channel(false);
    let inner = Arc::new(Inner {
        state: Mutex::new(State::new(events.clone())),
        updates_changed: Notify::new(),
        consumed_changed: Notify::new(),
        calls_changed: Notify::new(),
        shutdown,
        events,
        addr,
    });
    let app = router(inner.clone());
    tokio::spawn(async move {
        let stop = async move {
            let _ = shutdown_rx.wait_for(|stop| *stop).await;
        };
        if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(stop).await {
            tracing::warn!("stand-in server stopped: {e}");
        }
    });
    tokio::spawn(webhook::run(inner.clone()));
    Ok(inner)
}

fn router(inner: Arc<Inner>) -> Router {
    Router::new()
        .route("/{bot}/{method}", any(handle))
        .fallback(|| async { json_response(404, &not_found()) })
        .with_state(inner)
}

fn not_found() -> Value {
    json!({"ok": false, "error_code": 404, "description": "Not Found"})
}

fn json_response(status: u16, body: &Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    let body = serde_json::to_vec(body).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn handle(
    AxState(inner): AxState<Arc<Inner>>,
    Path((bot, method)): Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let params = params::merge(uri.query(), content_type, &body);
    let Some(token) = bot.strip_prefix("bot") else {
        return json_response(404, &not_found());
    };
    let canonical = state::canonical(&method);
    if token != StandIn::TOKEN {
        let body = json!({"ok": false, "error_code": 401, "description": "Unauthorized"});
        if canonical != Some("getUpdates") {
            inner.lock().record_call(canonical.unwrap_or(&method), params, body.clone());
            inner.calls_changed.notify_waiters();
        }
        return json_response(401, &body);
    }
    if canonical == Some("getUpdates") {
        return get_updates(&inner, &params).await;
    }
    let (status, body) = {
        let mut st = inner.lock();
        let failure = st.take_failure(&method.to_ascii_lowercase());
        let outcome = match failure {
            Some(e) => Some(Err(e)),
            None => canonical.and_then(|m| st.call(m, &params, Instant::now())),
        };
        let (status, body) = match &outcome {
            Some(o) => state::response_json(o),
            None => (404, not_found()),
        };
        st.record_call(canonical.unwrap_or(&method), params, body.clone());
        (status, body)
    };
    inner.calls_changed.notify_waiters();
    // leaveChat queues a my_chat_member update; setWebhook/deleteWebhook
    // start or stop webhook delivery
    inner.updates_changed.notify_waiters();
    // drop_pending_updates empties the queue
    inner.consumed_changed.notify_waiters();
    json_response(status, &body)
}

/// What Telegram answers `getUpdates` while a webhook is set.
fn webhook_conflict() -> Response {
    let e = state::ApiErr::new(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    let (status, body) = state::response_json(&Err(e));
    json_response(status, &body)
}

/// Long polling: answers at once when updates are pending, else waits until
/// one is pushed or `timeout` seconds pass. While a webhook is set (also
/// when one is set during the wait) the answer is 409 Conflict.
async fn get_updates(inner: &Inner, params: &Value) -> Response {
    if let Some(e) = inner.lock().take_failure("getupdates") {
        let (status, body) = state::response_json(&Err(e));
        return json_response(status, &body);
    }
    if inner.lock().webhook_active() {
        return webhook_conflict();
    }
    inner.lock().set_allowed_updates(params::get_json(params, "allowed_updates"));
    let offset = get_i64(params, "offset");
    let limit = get_i64(params, "limit").unwrap_or(100).clamp(1, 100) as usize;
    let timeout = get_i64(params, "timeout").unwrap_or(0).clamp(0, 3600) as u64;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
    loop {
        let notified = inner.updates_changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let batch = {
            let mut st = inner.lock();
            if st.webhook_active() {
                drop(st);
                return webhook_conflict();
            }
            st.take_updates(offset, limit)
        };
        inner.consumed_changed.notify_waiters();
        if !batch.is_empty() || tokio::time::Instant::now() >= deadline || inner.is_shut_down() {
            return json_response(200, &json!({"ok": true, "result": batch}));
        }
        tokio::select! {
            _ = &mut notified => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}

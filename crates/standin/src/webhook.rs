//! Webhook delivery, as Telegram does it: while a webhook is set, a
//! background task POSTs pending updates to its url as JSON, with the
//! `X-Telegram-Bot-Api-Secret-Token` header when a secret was given. An
//! update leaves the queue only when the webhook answers 2xx; otherwise it
//! is tried again after a short backoff (50 ms, doubling, at most 1 s) and
//! the error is kept for `getWebhookInfo`. With one delivery at a time (the
//! default) updates arrive in order, each only after the one before it was
//! accepted.

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinSet;

use super::server::Inner;
use super::state::Delivery;

const FIRST_BACKOFF: Duration = Duration::from_millis(50);
const MAX_BACKOFF: Duration = Duration::from_secs(1);
/// How long one POST may take before it counts as failed.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs until the stand-in shuts down: claims pending updates (up to the
/// configured concurrency) while a webhook is set and spawns their deliveries.
pub(crate) async fn run(inner: Arc<Inner>) {
    // Built when the first webhook is set: most stand-ins never need one.
    let mut client: Option<reqwest::Client> = None;
    let mut shutdown = inner.shutdown.subscribe();
    // Dropping the set (on shutdown) aborts deliveries under way.
    let mut tasks = JoinSet::new();
    loop {
        if *shutdown.borrow_and_update() {
            return;
        }
        let notified = inner.updates_changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let mut dropped = false;
        if client.is_none() && inner.lock().webhook_active() {
            match reqwest::Client::builder().timeout(REQUEST_TIMEOUT).build() {
                Ok(c) => client = Some(c),
                Err(e) => {
                    tracing::warn!("stand-in: no HTTP client for webhook delivery: {e}");
                    return;
                }
            }
        }
        if let Some(client) = &client {
            let mut st = inner.lock();
            while tasks.len() < st.webhook_concurrency.max(1) {
                let (delivery, gone) = st.claim_delivery();
                dropped |= gone;
                let Some(d) = delivery else { break };
                tasks.spawn(deliver(inner.clone(), client.clone(), d));
            }
        }
        if dropped {
            inner.consumed_changed.notify_waiters();
        }
        tokio::select! {
            _ = &mut notified => {}
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            changed = shutdown.changed() => {
                if changed.is_err() {
                    return;
                }
            }
        }
    }
}

/// POSTs one update until the webhook takes it, the delivery goes stale
/// (webhook changed or removed, update dropped) or the stand-in shuts down.
async fn deliver(inner: Arc<Inner>, client: reqwest::Client, d: Delivery) {
    let mut shutdown = inner.shutdown.subscribe();
    let mut backoff = FIRST_BACKOFF;
    loop {
        if !inner.lock().delivery_current(&d) {
            inner.lock().release_delivery(&d);
            inner.updates_changed.notify_waiters();
            return;
        }
        let mut req = client.post(&d.url).json(&d.update);
        if let Some(secret) = &d.secret {
            req = req.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        let sent = tokio::select! {
            r = req.send() => r,
            _ = shutdown.wait_for(|stop| *stop) => return,
        };
        let error = match sent {
            Ok(resp) if resp.status().is_success() => {
                inner.lock().delivery_succeeded(&d);
                inner.consumed_changed.notify_waiters();
                return;
            }
            Ok(resp) => format!("Wrong response from the webhook: {}", resp.status()),
            Err(e) => describe(&e),
        };
        tracing::debug!(url = %d.url, update_id = d.id, "stand-in: webhook delivery failed: {error}");
        inner.lock().delivery_failed(&d, error);
        // Wait out the backoff, but stop early when the delivery goes stale.
        let deadline = tokio::time::Instant::now() + backoff;
        loop {
            let notified = inner.updates_changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if !inner.lock().delivery_current(&d) {
                break;
            }
            tokio::select! {
                _ = tokio::time::sleep_until(deadline) => break,
                _ = &mut notified => {}
                _ = shutdown.wait_for(|stop| *stop) => return,
            }
        }
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
}

/// A connection error in the words `getWebhookInfo` uses.
fn describe(e: &reqwest::Error) -> String {
    let mut root: &dyn std::error::Error = e;
    while let Some(source) = root.source() {
        root = source;
    }
    let root = root.to_string();
    if e.is_timeout() {
        "Read timeout expired".to_owned()
    } else if root.contains("refused") {
        "Connection refused".to_owned()
    } else if e.is_connect() {
        format!("Failed to connect: {root}")
    } else {
        root
    }
}

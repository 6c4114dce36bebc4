//! Receiving updates through a webhook, for several copies behind a load balancer.
//!
//! Unlike teloxide's webhook listeners, nothing here calls `setWebhook` or `deleteWebhook`: the
//! webhook is registered once by the operator (`jiaxiao webhook set`), so that starting or stopping
//! one copy never takes the updates away from the others. Every copy checks the same secret
//! (`WEBHOOK_SECRET`, compared in constant time). On shutdown a copy answers 503 to new posts
//! (Telegram, or the balancer, tries again elsewhere) and hands what it already accepted to the
//! dispatcher before stopping. An update that cannot be parsed is acknowledged and dropped with a
//! warning that carries no message text.

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use futures::StreamExt;
use futures::stream::BoxStream;
use std::convert::Infallible;
use std::sync::Arc;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::Update;
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::mpsc;

/// The header Telegram sends the secret in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// Updates accepted but not yet taken by the dispatcher; beyond this the webhook answers 503 and
/// Telegram delivers them again later (back-pressure instead of an unbounded buffer).
pub const BACKLOG: usize = 1024;

/// The dispatcher's side: a stream of the updates the HTTP side accepted.
pub struct WebhookListener {
    rx: mpsc::Receiver<Update>,
    token: StopToken,
    flag: StopFlag,
}

struct Inbound {
    tx: mpsc::Sender<Update>,
    secret: String,
    flag: StopFlag,
}

/// A listener and the route (`POST path`) that feeds it.
pub fn webhook(path: &str, secret: String) -> (WebhookListener, Router) {
    let (tx, rx) = mpsc::channel(BACKLOG);
    let (token, flag) = mk_stop_token();
    let inbound = Arc::new(Inbound { tx, secret, flag: flag.clone() });
    let router = Router::new().route(path, post(receive)).with_state(inbound);
    (WebhookListener { rx, token, flag }, router)
}

async fn receive(State(inbound): State<Arc<Inbound>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let given = headers.get(SECRET_HEADER).map(|v| v.as_bytes()).unwrap_or_default();
    if !constant_time_eq(given, inbound.secret.as_bytes()) {
        return StatusCode::UNAUTHORIZED;
    }
    if inbound.flag.is_stopped() {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    let update: Update = match serde_json::from_slice(&body) {
        Ok(u) => u,
        Err(e) => {
            // Never log the body: it holds a parent's message.
            tracing::warn!(
                error_line = e.line(),
                error_column = e.column(),
                "webhook: an update could not be parsed; dropped"
            );
            return StatusCode::OK;
        }
    };
    match inbound.tx.try_send(update) {
        Ok(()) => StatusCode::OK,
        // Full (the dispatcher is behind) or closed (stopping): Telegram tries again later.
        Err(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// The label of `jiaxiao_updates_total` and `jiaxiao_handler_seconds`.
pub fn update_kind(u: &Update) -> &'static str {
    use teloxide::types::UpdateKind as K;
    match &u.kind {
        K::Message(_) => "message",
        K::EditedMessage(_) => "edited_message",
        K::CallbackQuery(_) => "callback_query",
        K::MyChatMember(_) => "my_chat_member",
        K::ChatMember(_) => "chat_member",
        _ => "other",
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl<'a> AsUpdateStream<'a> for WebhookListener {
    type StreamErr = Infallible;
    type Stream = BoxStream<'a, Result<Update, Infallible>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        // Until stopped: whatever arrives. Once stopped: close the channel (new posts get 503) and
        // hand over what was already accepted, then end.
        futures::stream::unfold((self, false), |(me, stopping)| async move {
            if stopping {
                return me.rx.recv().await.map(|u| (Ok(u), (me, true)));
            }
            let mut flag = me.flag.clone();
            tokio::select! {
                u = me.rx.recv() => u.map(|u| (Ok(u), (me, false))),
                _ = &mut flag => {
                    me.rx.close();
                    me.rx.recv().await.map(|u| (Ok(u), (me, true)))
                }
            }
        })
        .boxed()
    }
}

impl Drop for WebhookListener {
    fn drop(&mut self) {
        // Accepted (answered 200) but never handled: Telegram will not send them again.
        let left = self.rx.len();
        if left > 0 {
            tracing::warn!(left, "webhook: accepted updates were not handled before the stop");
        }
    }
}

impl UpdateListener for WebhookListener {
    type Err = Infallible;

    fn stop_token(&mut self) -> StopToken {
        self.token.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(!constant_time_eq(b"", b"abc"));
    }
}

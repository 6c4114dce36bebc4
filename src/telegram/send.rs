//! Talking to Telegram safely: every request goes through [`limited`] (or [`call`] for calls that post
//! nothing), which takes a slot in the bot-wide sending budget, feeds `429 retry_after` answers back
//! to it so that every copy of the bot holds that chat, retries transient network errors, and sorts
//! the final error into a [`Failure`] the caller can act on (403: the bot was removed or blocked; 400:
//! the message is gone; …).

use crate::jobs::limiter::{Budget, SendLimiter};
use crate::model::ChatKey;
use std::future::Future;
use std::time::Duration;
use teloxide::{ApiError, RequestError};

/// What a failed request means for the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// 403: removed from the group, blocked by the user, or the user never started the bot.
    Forbidden,
    /// 400 about a message that no longer exists or cannot be edited/deleted; usually harmless.
    MessageGone,
    /// 400: the edit would not change anything.
    NotModified,
    /// 400: the bot lacks an administrator right for this.
    NoRights,
    /// Still rate-limited after the retries we allow ourselves.
    RateLimited(Duration),
    /// The group became a supergroup with this id.
    Migrated(i64),
    /// Anything else (network down, unexpected answer).
    Other(String),
}

impl Failure {
    /// The label of `jiaxiao_sends_total` for this failure.
    pub fn metric(&self) -> &'static str {
        match self {
            Failure::RateLimited(_) => "429",
            Failure::Forbidden => "403",
            Failure::MessageGone | Failure::NotModified | Failure::NoRights | Failure::Migrated(_) => "400",
            Failure::Other(_) => "other",
        }
    }

    pub fn of(e: &RequestError) -> Failure {
        match e {
            RequestError::RetryAfter(s) => Failure::RateLimited(s.duration()),
            RequestError::MigrateToChatId(id) => Failure::Migrated(id.0),
            RequestError::Api(api) => match api {
                ApiError::BotBlocked
                | ApiError::BotKicked
                | ApiError::BotKickedFromSupergroup
                | ApiError::BotKickedFromChannel
                | ApiError::UserDeactivated
                | ApiError::CantInitiateConversation
                | ApiError::CantTalkWithBots
                | ApiError::ChatNotFound => Failure::Forbidden,
                ApiError::MessageToDeleteNotFound
                | ApiError::MessageToEditNotFound
                | ApiError::MessageCantBeDeleted
                | ApiError::MessageCantBeEdited
                | ApiError::MessageIdInvalid => Failure::MessageGone,
                ApiError::MessageNotModified => Failure::NotModified,
                ApiError::NotEnoughRightsToRestrict
                | ApiError::NotEnoughRightsToPinMessage
                | ApiError::NotEnoughRightsToManagePins
                | ApiError::NotEnoughRightsToChangeChatPermissions
                | ApiError::NotEnoughRightsToPostMessages => Failure::NoRights,
                ApiError::Unknown(s) => classify_description(s),
                other => Failure::Other(other.to_string()),
            },
            other => Failure::Other(other.to_string()),
        }
    }
}

/// Telegram's descriptions that teloxide does not name (they vary with the chat type).
fn classify_description(s: &str) -> Failure {
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("forbidden") || lower.starts_with("unauthorized") {
        Failure::Forbidden
    } else if lower.contains("not enough rights") || lower.contains("administrator rights") {
        Failure::NoRights
    } else if lower.contains("message to delete not found")
        || lower.contains("message to edit not found")
        || lower.contains("message can't be")
        || lower.contains("message not found")
    {
        Failure::MessageGone
    } else if lower.contains("message is not modified") {
        Failure::NotModified
    } else {
        Failure::Other(s.to_owned())
    }
}

/// Longest `retry_after` we wait out inside one call; longer ones are returned to the caller (a job
/// queue reschedules instead of blocking a handler for minutes).
pub const MAX_INLINE_WAIT: Duration = Duration::from_secs(60);

/// Runs `request` once more on a network error, but never waits out a 429: the caller (the outbox)
/// reschedules instead.
pub async fn call_once<T, F, Fut>(mut request: F) -> Result<T, Failure>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    match request().await {
        Err(RequestError::Network(_)) => request().await.map_err(|e| Failure::of(&e)),
        other => other.map_err(|e| Failure::of(&e)),
    }
}

/// Runs `request` until it succeeds, honouring `retry_after` (up to [`MAX_INLINE_WAIT`] per wait) and
/// retrying network errors twice.
pub async fn call<T, F, Fut>(mut request: F) -> Result<T, Failure>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut network_retries = 0;
    let mut flood_retries = 0;
    loop {
        match request().await {
            Ok(v) => return Ok(v),
            Err(RequestError::RetryAfter(s)) if flood_retries < 5 && s.duration() <= MAX_INLINE_WAIT => {
                flood_retries += 1;
                tracing::debug!(wait_s = s.seconds(), "telegram asked us to slow down");
                tokio::time::sleep(s.duration()).await;
            }
            Err(RequestError::Network(e)) if network_retries < 2 => {
                network_retries += 1;
                tracing::debug!(error = %e, "network error; retrying");
                tokio::time::sleep(Duration::from_millis(500 * network_retries)).await;
            }
            Err(e) => return Err(Failure::of(&e)),
        }
    }
}

/// Runs `request` within the bot-wide budget: with `chat`, first takes a sending slot for it (waiting
/// as long as the limits or a pause say, up to `max_wait`, else [`Failure::RateLimited`]); a `429
/// retry_after` holds that chat, or all sending (see [`SendLimiter::too_many_requests`]), for every
/// copy and is waited out (up to [`MAX_INLINE_WAIT`], five times); network errors are retried twice.
/// Without `chat` (answers to button presses, deletions, lookups) no slot is taken.
pub async fn limited<T, F, Fut>(
    limiter: &dyn SendLimiter,
    chat: Option<ChatKey>,
    budget: Budget,
    max_wait: Duration,
    mut request: F,
) -> Result<T, Failure>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut network_retries = 0;
    let mut flood_retries = 0;
    loop {
        if let Some(chat) = chat {
            let waited = limiter.acquire_within(chat, budget, max_wait).await.map_err(Failure::RateLimited)?;
            if !waited.is_zero() {
                crate::metrics::limiter_waited(waited);
            }
        }
        match request().await {
            Ok(v) => {
                crate::metrics::sent("ok");
                return Ok(v);
            }
            Err(RequestError::RetryAfter(s)) if flood_retries < 5 && s.duration() <= MAX_INLINE_WAIT => {
                crate::metrics::sent("429");
                flood_retries += 1;
                tracing::info!(chat, wait_s = s.seconds(), "Telegram asked to slow down; holding the chat");
                match chat {
                    Some(chat) => limiter.too_many_requests(chat, s.duration()).await,
                    None => tokio::time::sleep(s.duration()).await,
                }
            }
            Err(RequestError::Network(e)) if network_retries < 2 => {
                network_retries += 1;
                tracing::debug!(error = %e, "network error; retrying");
                tokio::time::sleep(Duration::from_millis(500 * network_retries)).await;
            }
            Err(e) => {
                let failure = Failure::of(&e);
                crate::metrics::sent(failure.metric());
                if let (Failure::RateLimited(d), Some(chat)) = (&failure, chat) {
                    limiter.too_many_requests(chat, *d).await;
                }
                return Err(failure);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_teloxide_does_not_name_are_sorted() {
        assert_eq!(classify_description("Forbidden: bot was kicked from the group chat"), Failure::Forbidden);
        assert_eq!(classify_description("Forbidden: bot can't initiate conversation with a user"), Failure::Forbidden);
        assert_eq!(classify_description("Bad Request: not enough rights to delete a message"), Failure::NoRights);
        assert!(matches!(classify_description("Bad Request: something new"), Failure::Other(_)));
    }

    #[tokio::test(start_paused = true)]
    async fn waits_out_retry_after_then_succeeds() {
        let mut n = 0;
        let start = tokio::time::Instant::now();
        let r = call(|| {
            n += 1;
            let attempt = n;
            async move {
                if attempt < 3 {
                    Err(RequestError::RetryAfter(teloxide::types::Seconds::from_seconds(2)))
                } else {
                    Ok(attempt)
                }
            }
        })
        .await;
        assert_eq!(r, Ok(3));
        assert!(start.elapsed() >= Duration::from_secs(4));
    }
}

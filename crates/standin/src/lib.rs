//! A Telegram Bot API stand-in: a small HTTP server on 127.0.0.1 that speaks
//! enough of the Bot API for the real teloxide dispatcher to run against it.
//!
//! Telegram is not reachable from the test machines, so the end-to-end tests,
//! the benchmark and the offline `demo` command point a real
//! [`teloxide::Bot`] at a [`StandIn`]:
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use jiaxiao_standin::{StandIn, TgChat, TgUser};
//! use teloxide::prelude::*;
//!
//! let standin = StandIn::start().await?;
//! let bot = Bot::new(StandIn::TOKEN).set_api_url(standin.api_url());
//! let parent = TgUser::new(1001, "Mei").lang("zh-hans");
//! let class = TgChat::group(-4001, "Class 3B parents");
//! standin.add_bot(&class, &parent);
//! standin.send_text(&class, &parent, "/help");
//! // ... run the dispatcher with `bot`, then:
//! let reply = standin
//!     .wait_for("sendMessage", |c| c.chat_id() == Some(-4001), std::time::Duration::from_secs(5))
//!     .await;
//! # let _ = (bot, reply); Ok(()) }
//! ```
//!
//! What it does:
//! - answers `POST|GET /bot<TOKEN>/<method>` (method names in any case, as
//!   teloxide sends `GetMe`), JSON, form or query parameters; a wrong token
//!   gets 401 `Unauthorized`, an unknown method 404 `Not Found`;
//! - keeps chats, messages (indexed by chat and message id), members and the
//!   bot's own rights, and answers like Telegram does, including its usual
//!   errors (message to edit/delete not found, message is not modified, bot
//!   kicked, can't initiate conversation, group upgraded to supergroup, flood
//!   control 429 with `retry_after`);
//! - enforces Telegram's flood limits when asked to
//!   ([`StandIn::set_flood_limits`]): about 30 messages/s overall, 20/min per
//!   group, 1/s per private chat. Edits (`editMessageText`,
//!   `editMessageReplyMarkup`, `editMessageCaption`) count against the same
//!   per-chat and overall windows as sends. Paid broadcasts — sends with
//!   `allow_paid_broadcast: true` — count against an overall window of their
//!   own (1000/s, [`FloodLimits::paid_per_sec`]) instead of the free 30/s,
//!   the per-chat limits still apply ([`StandIn::paid_sends`]);
//! - queues updates that tests push with the driving methods
//!   ([`StandIn::send_text`], [`StandIn::press_button`]...) and hands them
//!   out through `getUpdates` long polling, honouring `offset`, `limit`,
//!   `timeout` and `allowed_updates` (`chat_member` only when asked for);
//!   like Telegram it does not deliver group messages to a bot that is not
//!   in the group, nor, in privacy mode without admin rights, plain chatter
//!   ([`StandIn::set_privacy_mode`]);
//! - delivers them through a webhook instead once the bot calls `setWebhook`
//!   (`url`, `secret_token`, `allowed_updates`, `drop_pending_updates`): a
//!   background task POSTs each update as JSON to the url, with the
//!   `X-Telegram-Bot-Api-Secret-Token` header when a secret was set, one at a
//!   time and in order ([`StandIn::set_webhook_concurrency`]). An update
//!   leaves the queue only on a 2xx answer; errors and other answers are
//!   retried with a backoff (50 ms doubling to 1 s) and reported by
//!   `getWebhookInfo` (`last_error_date`, `last_error_message`). Meanwhile
//!   `getUpdates` answers 409 Conflict, as Telegram does; `deleteWebhook`
//!   returns to polling ([`StandIn::webhook_url`],
//!   [`StandIn::webhook_deliveries`]);
//! - records every call but `getUpdates` ([`StandIn::calls`],
//!   [`StandIn::wait_for`]) and streams them live ([`StandIn::subscribe`]).
//!
//! All state sits behind one `std::sync::Mutex`, never held across an
//! `.await`.

mod builders;
mod flood;
pub(crate) mod params;
mod server;
mod state;
mod types;
mod webhook;

use std::sync::{Arc, MutexGuard};
use std::time::Duration;

use serde_json::{Map, Value, json};

pub use types::{Call, ChatKind, Event, FloodLimits, MemberStatus, StoredMessage, TgChat, TgUser};

use server::Inner;
use state::State;

/// A running Bot API stand-in. Cheap to clone (an `Arc`).
#[derive(Clone)]
pub struct StandIn {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for StandIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StandIn").field("addr", &self.inner.addr).finish_non_exhaustive()
    }
}

impl StandIn {
    /// The only token the stand-in accepts.
    pub const TOKEN: &'static str = "123456789:STANDIN-token";

    /// Binds 127.0.0.1 on a free port and serves in a spawned task (needs a
    /// tokio runtime).
    pub async fn start() -> std::io::Result<StandIn> {
        Ok(StandIn { inner: server::start().await? })
    }

    /// `http://127.0.0.1:PORT/`, ready for `Bot::set_api_url` (teloxide then
    /// calls `http://127.0.0.1:PORT/bot<TOKEN>/<Method>`).
    pub fn api_url(&self) -> url::Url {
        url::Url::parse(&format!("http://{}", self.inner.addr)).expect("valid loopback url")
    }

    /// The bot's own user: id 123456789, `is_bot`, `@jiaxiao_test_bot`.
    pub fn bot_user(&self) -> TgUser {
        builders::bot_tg_user()
    }

    /// Stops accepting connections, answers waiting `getUpdates` at once and
    /// lets the server task end; webhook delivery stops too.
    pub fn shutdown(&self) {
        let _ = self.inner.shutdown.send(true);
        self.inner.updates_changed.notify_waiters();
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.inner.lock()
    }

    /// Runs `f` on the state, then wakes long polls (`f` may have queued updates).
    fn drive<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let out = f(&mut self.lock());
        self.inner.updates_changed.notify_waiters();
        out
    }

    // ------------------------------------------------------------------
    // driving the bot
    // ------------------------------------------------------------------

    /// A text message from `from` in `chat`; returns its message_id. Text
    /// starting with `/` carries a `bot_command` entity, as from Telegram.
    pub fn send_text(&self, chat: &TgChat, from: &TgUser, text: &str) -> i32 {
        self.drive(|st| st.user_message(chat, Some(from), user_json(from), text_body(text), None))
    }

    /// A text reply to message `reply_to` (the user's or the bot's), with the
    /// replied-to message embedded as `reply_to_message`. A deleted or
    /// unknown `reply_to` is left out, as Telegram does for deleted messages.
    pub fn send_reply(&self, chat: &TgChat, from: &TgUser, text: &str, reply_to: i32) -> i32 {
        self.drive(|st| st.user_message(chat, Some(from), user_json(from), text_body(text), Some(reply_to)))
    }

    /// A photo message with a caption.
    pub fn send_caption(&self, chat: &TgChat, from: &TgUser, caption: &str) -> i32 {
        self.drive(|st| {
            let seed = st.next_file();
            let (small_id, small_uid) = builders::fake_file_id(seed * 2);
            let (big_id, big_uid) = builders::fake_file_id(seed * 2 + 1);
            let mut body = Map::new();
            body.insert(
                "photo".into(),
                json!([
                    {"file_id": small_id, "file_unique_id": small_uid, "file_size": 1_534, "width": 90, "height": 67},
                    {"file_id": big_id, "file_unique_id": big_uid, "file_size": 84_210, "width": 1280, "height": 960}
                ]),
            );
            body.insert("caption".into(), json!(caption));
            st.user_message(chat, Some(from), user_json(from), body, None)
        })
    }

    /// A text message `from` forwarded into `chat`, originally written by a
    /// user who hides their account (`forward_origin` of type `hidden_user`).
    pub fn send_forwarded(&self, chat: &TgChat, from: &TgUser, text: &str) -> i32 {
        self.drive(|st| {
            let date = st.now_unix() - 3600;
            let mut body = text_body(text);
            body.insert(
                "forward_origin".into(),
                json!({"type": "hidden_user", "sender_user_name": "Hidden Sender", "date": date}),
            );
            st.user_message(chat, Some(from), user_json(from), body, None)
        })
    }

    /// A text message sent on behalf of the chat (an anonymous admin):
    /// `sender_chat` is the chat itself, `from` is GroupAnonymousBot
    /// (1087968824).
    pub fn send_as_channel(&self, chat: &TgChat, text: &str) -> i32 {
        self.drive(|st| {
            st.register_chat(chat);
            let mut body = Map::new();
            body.insert("sender_chat".into(), builders::chat_json(chat.id, chat.kind, chat.title.as_deref(), None));
            body.extend(text_body(text));
            st.user_message(chat, None, builders::anonymous_admin_json(), body, None)
        })
    }

    /// The user edits their message `message_id` (an `edited_message`
    /// update; for a photo the caption changes). Unknown ids are ignored.
    pub fn edit_text(&self, chat: &TgChat, from: &TgUser, message_id: i32, new_text: &str) {
        self.drive(|st| st.user_edit(chat, from, message_id, new_text))
    }

    /// The user presses an inline button with `data` under the bot's message
    /// `message_id`; returns the callback query id. If that message is gone
    /// the query carries an inaccessible message (date 0), as Telegram's does.
    pub fn press_button(&self, chat: &TgChat, from: &TgUser, message_id: i32, data: &str) -> String {
        self.drive(|st| st.press_button(chat, from, message_id, data))
    }

    /// `by` adds the bot to `chat`: a `my_chat_member` update left → member
    /// (→ the status given to [`StandIn::set_bot_status`] if one was), and
    /// sends work again if the bot had been removed. The rights that
    /// `getChatMember` reports for the bot stay those of `set_bot_status`
    /// (default: administrator that may delete and restrict).
    pub fn add_bot(&self, chat: &TgChat, by: &TgUser) {
        self.drive(|st| st.add_bot(chat, by))
    }

    /// `by` removes the bot: `my_chat_member` member → kicked; from now on
    /// calls into the chat get 403 "Forbidden: bot was kicked from the group
    /// chat" ("...supergroup chat" for supergroups).
    pub fn remove_bot(&self, chat: &TgChat, by: &TgUser) {
        self.drive(|st| st.remove_bot(chat, by))
    }

    /// `user` joins: a service message with `new_chat_members`; the user
    /// becomes a member.
    pub fn member_joined(&self, chat: &TgChat, user: &TgUser) {
        self.drive(|st| {
            st.set_member(chat, user, MemberStatus::Member);
            let mut body = Map::new();
            body.insert("new_chat_members".into(), json!([user_json(user)]));
            st.user_message(chat, Some(user), user_json(user), body, None)
        });
    }

    /// What `getChatMember`/`getChatAdministrators` answer for `user`; with
    /// `send_update` also queues a `chat_member` update old → new. Like
    /// Telegram, `getUpdates` hands `chat_member` updates out only to a bot
    /// that named them in `allowed_updates` (teloxide's dispatcher does when
    /// its handler tree has `Update::filter_chat_member`); otherwise they are
    /// dropped.
    pub fn set_member_status(&self, chat: &TgChat, user: &TgUser, status: MemberStatus, send_update: bool) {
        self.drive(|st| {
            let (old, new) = st.set_member(chat, user, status);
            if send_update {
                st.member_update(chat, user, &old, &new);
            }
        })
    }

    /// The bot's own status in `chat` (default: administrator with
    /// can_delete_messages and can_restrict_members). `Kicked`/`Left` make
    /// calls into the chat fail with 403, like [`StandIn::remove_bot`]
    /// without the update.
    pub fn set_bot_status(&self, chat: &TgChat, status: MemberStatus) {
        self.lock().set_bot_status(chat, status);
    }

    /// Upgrades a group: queues the service message with `migrate_to_chat_id`
    /// in the old chat and the one with `migrate_from_chat_id` in the new
    /// supergroup, which inherits members and the bot's rights. Later calls
    /// into the old chat get 400 "group chat was upgraded to a supergroup
    /// chat" with `parameters.migrate_to_chat_id`.
    pub fn migrate_to_supergroup(&self, chat: &TgChat, new_id: i64) -> TgChat {
        self.drive(|st| st.migrate(chat, new_id))
    }

    /// Whether private sends to `user` succeed. Default: not started → 403
    /// "bot can't initiate conversation with a user". `false` after `true`
    /// means the user blocked the bot → 403 "bot was blocked by the user".
    /// A user who writes to the bot in private has started it.
    pub fn user_started_bot(&self, user: &TgUser, started: bool) {
        self.lock().set_started(user, started);
    }

    /// The bot's privacy mode (default on, as for every new bot; `getMe`
    /// says `can_read_all_group_messages: false`). While it is on and the
    /// bot is not an admin of a group, the bot only receives commands,
    /// replies to its messages, mentions of `@jiaxiao_test_bot` and service
    /// messages from that group; other messages are stored but not queued.
    /// (A bot that is not in a group receives no messages from it at all.)
    pub fn set_privacy_mode(&self, on: bool) {
        self.lock().set_privacy(on);
    }

    /// Queues a raw update (for malformed or unusual ones); fills
    /// `update_id` when missing and returns it.
    pub fn push_update(&self, update: Value) -> i64 {
        self.drive(|st| st.push_raw(update))
    }

    // ------------------------------------------------------------------
    // inspecting
    // ------------------------------------------------------------------

    /// Every call except `getUpdates`, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.lock().calls.clone()
    }

    /// The calls to `method` (any case: "sendMessage", "SendMessage").
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.lock().calls.iter().filter(|c| c.method.eq_ignore_ascii_case(method)).cloned().collect()
    }

    /// The first call to `method` (past or future) for which `pred` holds,
    /// or `None` after `timeout`. `pred` runs outside the lock.
    pub async fn wait_for(&self, method: &str, pred: impl Fn(&Call) -> bool, timeout: Duration) -> Option<Call> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut seen = 0;
        loop {
            let notified = self.inner.calls_changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let fresh: Vec<Call> = {
                let st = self.lock();
                let fresh =
                    st.calls[seen..].iter().filter(|c| c.method.eq_ignore_ascii_case(method)).cloned().collect();
                seen = st.calls.len();
                fresh
            };
            if let Some(c) = fresh.into_iter().find(|c| pred(c)) {
                return Some(c);
            }
            if tokio::time::Instant::now() >= deadline {
                return None;
            }
            tokio::select! {
                _ = &mut notified => {}
                _ = tokio::time::sleep_until(deadline) => {}
            }
        }
    }

    /// Waits until every queued update has been confirmed by a later
    /// `getUpdates` offset or, in webhook mode, accepted by the webhook with
    /// a 2xx answer, i.e. the bot's update listener has taken it (its
    /// handler may still be running). `false` on timeout.
    pub async fn wait_consumed(&self, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.inner.consumed_changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.lock().pending.is_empty() {
                return true;
            }
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::select! {
                _ = &mut notified => {}
                _ = tokio::time::sleep_until(deadline) => {}
            }
        }
    }

    /// The photos the bot uploaded to a chat with `sendPhoto`, in order: (bytes, caption).
    pub fn uploaded_photos(&self, chat_id: i64) -> Vec<(Vec<u8>, String)> {
        self.calls_to("sendPhoto")
            .into_iter()
            .filter(|c| c.response["ok"] == true && params::get_i64(&c.params, "chat_id") == Some(chat_id))
            .filter_map(|c| {
                let bytes = params::uploaded_bytes(c.params.get("photo")?)?;
                Some((bytes, params::get_str(&c.params, "caption").unwrap_or_default()))
            })
            .collect()
    }

    /// Texts (captions for media) of the bot's messages now in the chat, in
    /// sending order, after edits, without deleted ones.
    pub fn sent_texts(&self, chat_id: i64) -> Vec<String> {
        self.lock().sent_texts(chat_id)
    }

    /// A message as stored (also deleted ones, flagged).
    pub fn message(&self, chat_id: i64, message_id: i32) -> Option<StoredMessage> {
        self.lock().message(chat_id, message_id)
    }

    /// The next call to `method` (any case) fails with this error instead of
    /// being carried out; with `retry_after` the answer carries
    /// `"parameters":{"retry_after":N}` (teloxide: `RequestError::RetryAfter`).
    /// Several calls queue up. Note teloxide sleeps 10 s after any 5xx answer.
    pub fn fail_next(&self, method: &str, error_code: u16, description: &str, retry_after: Option<u32>) {
        self.lock().fail_next(method, error_code, description, retry_after);
    }

    /// Turns flood control on (`Some`) or off (`None`, the default). Over
    /// the limit, sends (`sendMessage`, `copyMessage`, `forwardMessage`) and
    /// edits (`editMessageText`, `editMessageReplyMarkup`,
    /// `editMessageCaption`) get 429 "Too Many Requests: retry after N".
    /// Sends with `allow_paid_broadcast: true` count against
    /// [`FloodLimits::paid_per_sec`] instead of `global_per_sec`.
    pub fn set_flood_limits(&self, limits: Option<FloodLimits>) {
        self.lock().set_flood(limits);
    }

    /// How many sends and edits were refused by flood control so far.
    pub fn flood_violations(&self) -> u64 {
        self.lock().flood_violations
    }

    /// How many sends carrying `allow_paid_broadcast: true` went through
    /// (counted also while flood control is off).
    pub fn paid_sends(&self) -> u64 {
        self.lock().paid_sends
    }

    /// Freezes the time flood control sees (`true`), so that a burst of
    /// calls counts as made in one instant however long the test takes;
    /// [`StandIn::advance_flood_clock`] moves it on. `false` returns to real
    /// time. Calls counted while frozen stay in the windows with the time
    /// they were counted at (after [`StandIn::advance_flood_clock`] that may
    /// be ahead of real time); [`StandIn::set_flood_limits`] starts afresh.
    pub fn freeze_flood_clock(&self, frozen: bool) {
        self.lock().freeze_flood_clock(frozen);
    }

    /// Moves the frozen flood-control clock forward by `by` (freezing it
    /// first if it was running).
    pub fn advance_flood_clock(&self, by: Duration) {
        self.lock().advance_flood_clock(by);
    }

    /// The url given to `setWebhook`, while a webhook is set.
    pub fn webhook_url(&self) -> Option<String> {
        self.lock().webhook_url()
    }

    /// How many updates the webhook accepted (answered 2xx) so far.
    pub fn webhook_deliveries(&self) -> u64 {
        self.lock().webhook_deliveries
    }

    /// How many webhook deliveries may be under way at once (1 to 100;
    /// default 1, which keeps updates in order like Telegram with
    /// `max_connections` 1). With more, later updates may overtake an
    /// update that is being retried. The `max_connections` parameter of
    /// `setWebhook` is not read.
    pub fn set_webhook_concurrency(&self, deliveries: usize) {
        self.drive(|st| st.webhook_concurrency = deliveries.clamp(1, 100));
    }

    /// The `date` written into new messages and updates (`None` = real time).
    pub fn set_clock(&self, unix_seconds: Option<i64>) {
        self.lock().set_clock(unix_seconds);
    }

    /// Live feed of queued updates and answered calls. A slow receiver
    /// loses the oldest events (`RecvError::Lagged`).
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<Event> {
        self.inner.events.subscribe()
    }
}

fn user_json(u: &TgUser) -> Value {
    builders::user_json(u, false)
}

fn text_body(text: &str) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("text".into(), json!(text));
    if let Some(e) = state::command_entity(text) {
        body.insert("entities".into(), json!([e]));
    }
    body
}

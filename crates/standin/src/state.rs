//! The stand-in's whole state (chats, messages, members, the update queue,
//! recorded calls, the webhook) and the Bot API methods, answered
//! synchronously under the one lock. `getUpdates` waiting lives in the
//! server and webhook POSTs in the delivery task; everything else is here.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};
use tokio::sync::broadcast;

use super::builders::{self, BOT_ID};
use super::flood::Flood;
use super::params::{get_bool, get_i64, get_json, get_str};
use super::types::{Call, ChatKind, Event, MemberStatus, StoredMessage, TgChat, TgUser};

/// Bot API methods the stand-in answers, in canonical spelling.
pub(crate) const METHODS: &[&str] = &[
    "getMe",
    "getUpdates",
    "getWebhookInfo",
    "setWebhook",
    "deleteWebhook",
    "sendMessage",
    "sendPhoto",
    "editMessageText",
    "editMessageReplyMarkup",
    "editMessageCaption",
    "deleteMessage",
    "deleteMessages",
    "answerCallbackQuery",
    "getChatMember",
    "getChatAdministrators",
    "getChatMemberCount",
    "getChat",
    "setMyCommands",
    "deleteMyCommands",
    "getMyCommands",
    "pinChatMessage",
    "unpinChatMessage",
    "unpinAllChatMessages",
    "restrictChatMember",
    "banChatMember",
    "unbanChatMember",
    "leaveChat",
    "copyMessage",
    "forwardMessage",
    "sendChatAction",
];

/// Update kinds of the Bot API.
const UPDATE_KINDS: &[&str] = &[
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
];

/// Kinds Telegram only sends when `allowed_updates` names them.
const OPT_IN_KINDS: &[&str] = &["chat_member", "message_reaction", "message_reaction_count"];

/// The canonical spelling of a method name given in any case.
pub(crate) fn canonical(method: &str) -> Option<&'static str> {
    METHODS.iter().copied().find(|m| m.eq_ignore_ascii_case(method))
}

/// An error answer: `{"ok":false,"error_code":..,"description":..}`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ApiErr {
    pub(crate) code: u16,
    pub(crate) description: String,
    pub(crate) parameters: Option<Value>,
}

impl ApiErr {
    pub(crate) fn new(code: u16, description: impl Into<String>) -> ApiErr {
        ApiErr { code, description: description.into(), parameters: None }
    }
}

fn bad(what: &str) -> ApiErr {
    ApiErr::new(400, format!("Bad Request: {what}"))
}

fn forbidden(what: &str) -> ApiErr {
    ApiErr::new(403, format!("Forbidden: {what}"))
}

pub(crate) const NOT_MODIFIED: &str = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

pub(crate) type Outcome = Result<Value, ApiErr>;

/// `(http status, body)` for an outcome.
pub(crate) fn response_json(outcome: &Outcome) -> (u16, Value) {
    match outcome {
        Ok(v) => (200, json!({"ok": true, "result": v})),
        Err(e) => {
            let mut m = Map::new();
            m.insert("ok".into(), json!(false));
            m.insert("error_code".into(), json!(e.code));
            m.insert("description".into(), json!(e.description));
            if let Some(p) = &e.parameters {
                m.insert("parameters".into(), p.clone());
            }
            (e.code, Value::Object(m))
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Presence {
    Present,
    Kicked,
    Left,
}

#[derive(Clone, Debug)]
pub(crate) struct MemberEntry {
    pub(crate) status: MemberStatus,
    /// Permissions given to `restrictChatMember`.
    pub(crate) restriction: Option<Value>,
    pub(crate) until_date: i64,
}

impl MemberEntry {
    fn plain(status: MemberStatus) -> MemberEntry {
        MemberEntry { status, restriction: None, until_date: 0 }
    }
}

pub(crate) struct MsgRecord {
    /// The full Message object as last handed out.
    pub(crate) json: Value,
    pub(crate) info: StoredMessage,
}

pub(crate) struct ChatState {
    pub(crate) id: i64,
    pub(crate) kind: ChatKind,
    pub(crate) title: Option<String>,
    next_message_id: i32,
    pub(crate) messages: HashMap<i32, MsgRecord>,
    /// Ids of the bot's messages, in sending order.
    bot_messages: Vec<i32>,
    pub(crate) members: HashMap<i64, MemberEntry>,
    /// The bot's rights while it is in the chat.
    pub(crate) bot_status: MemberStatus,
    bot_status_explicit: bool,
    pub(crate) presence: Presence,
    pub(crate) migrated_to: Option<i64>,
}

impl ChatState {
    fn new(id: i64, kind: ChatKind, title: Option<String>) -> ChatState {
        ChatState {
            id,
            kind,
            title,
            next_message_id: 1,
            messages: HashMap::new(),
            bot_messages: Vec::new(),
            members: HashMap::new(),
            bot_status: MemberStatus::default_bot(),
            bot_status_explicit: false,
            presence: Presence::Present,
            migrated_to: None,
        }
    }

    fn kind_word(&self) -> &'static str {
        match self.kind {
            ChatKind::Supergroup => "supergroup",
            _ => "group",
        }
    }

    /// The bot's status as `getChatMember` shows it.
    fn bot_shown_status(&self) -> MemberStatus {
        match (self.kind, self.presence) {
            (ChatKind::Private, _) => MemberStatus::Member,
            (_, Presence::Kicked) => MemberStatus::Kicked,
            (_, Presence::Left) => MemberStatus::Left,
            (_, Presence::Present) => self.bot_status.clone(),
        }
    }

    fn live_message(&self, id: i32) -> Option<&MsgRecord> {
        self.messages.get(&id).filter(|m| !m.info.deleted)
    }
}

/// One queued update, not yet confirmed by a `getUpdates` offset (nor
/// delivered to the webhook).
pub(crate) struct Pending {
    pub(crate) id: i64,
    pub(crate) update: Value,
    /// A webhook delivery of this update is under way.
    claimed: bool,
}

/// The webhook set with `setWebhook`.
pub(crate) struct Webhook {
    url: String,
    secret: Option<String>,
}

/// One update to POST to the webhook, claimed by a delivery task.
pub(crate) struct Delivery {
    /// The webhook generation it was claimed under; a later `setWebhook` or
    /// `deleteWebhook` makes it stale.
    generation: u64,
    pub(crate) url: String,
    pub(crate) secret: Option<String>,
    pub(crate) id: i64,
    pub(crate) update: Value,
}

/// What an edit changes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EditKind {
    Text,
    Markup,
    Caption,
}

pub(crate) struct Failure {
    code: u16,
    description: String,
    retry_after: Option<u32>,
}

pub(crate) struct State {
    next_update_id: i64,
    pub(crate) pending: VecDeque<Pending>,
    chats: HashMap<i64, ChatState>,
    users: HashMap<i64, TgUser>,
    /// Private chats: `true` = the user started the bot, `false` = blocked it.
    started: HashMap<i64, bool>,
    pub(crate) calls: Vec<Call>,
    failures: HashMap<String, VecDeque<Failure>>,
    flood: Option<Flood>,
    pub(crate) flood_violations: u64,
    /// Frozen time for flood control (`None`: real time).
    flood_clock: Option<Instant>,
    /// Successful sends that carried `allow_paid_broadcast`.
    pub(crate) paid_sends: u64,
    clock: Option<i64>,
    /// Callback query id → answered yet?
    callbacks: HashMap<String, bool>,
    next_callback: u64,
    commands: HashMap<(String, String), Value>,
    next_file: u64,
    /// Update kinds asked for with `allowed_updates` (None: Telegram's default).
    allowed: Option<Vec<String>>,
    /// The bot's privacy mode (Telegram's default for bots: on).
    privacy: bool,
    /// Set with `setWebhook`: updates are POSTed there instead of handed out by `getUpdates`.
    webhook: Option<Webhook>,
    /// Bumped by every `setWebhook`/`deleteWebhook`.
    webhook_generation: u64,
    /// Unix date and message of the last failed webhook delivery.
    webhook_error: Option<(i64, String)>,
    /// Updates the webhook answered with 2xx.
    pub(crate) webhook_deliveries: u64,
    /// How many webhook deliveries may be under way at once (default 1, which keeps the order).
    pub(crate) webhook_concurrency: usize,
    pub(crate) events: broadcast::Sender<Event>,
}

impl State {
    pub(crate) fn new(events: broadcast::Sender<Event>) -> State {
        State {
            next_update_id: 1,
            pending: VecDeque::new(),
            chats: HashMap::new(),
            users: HashMap::new(),
            started: HashMap::new(),
            calls: Vec::new(),
            failures: HashMap::new(),
            flood: None,
            flood_violations: 0,
            flood_clock: None,
            paid_sends: 0,
            clock: None,
            callbacks: HashMap::new(),
            next_callback: 1,
            commands: HashMap::new(),
            next_file: 1,
            allowed: None,
            privacy: true,
            webhook: None,
            webhook_generation: 0,
            webhook_error: None,
            webhook_deliveries: 0,
            webhook_concurrency: 1,
            events,
        }
    }

    // ------------------------------------------------------------------
    // time, registries
    // ------------------------------------------------------------------

    pub(crate) fn set_clock(&mut self, unix: Option<i64>) {
        self.clock = unix;
    }

    pub(crate) fn now_unix(&self) -> i64 {
        self.clock
            .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0))
    }

    pub(crate) fn register_user(&mut self, u: &TgUser) {
        if u.id == BOT_ID {
            return;
        }
        match self.users.get(&u.id) {
            Some(known) if known == u => {}
            _ => {
                self.users.insert(u.id, u.clone());
            }
        }
    }

    pub(crate) fn register_chat(&mut self, c: &TgChat) -> &mut ChatState {
        let chat = self.chats.entry(c.id).or_insert_with(|| ChatState::new(c.id, c.kind, c.title.clone()));
        chat.kind = c.kind;
        if c.title.is_some() && chat.title != c.title {
            chat.title.clone_from(&c.title);
        }
        chat
    }

    /// The chat's state, created with the id-sign default type if unknown.
    fn chat_mut(&mut self, id: i64) -> &mut ChatState {
        self.chats.entry(id).or_insert_with(|| ChatState::new(id, ChatKind::default_for_id(id), None))
    }

    fn chat_json(&self, id: i64) -> Value {
        match self.chats.get(&id) {
            Some(c) => builders::chat_json(id, c.kind, c.title.as_deref(), self.users.get(&id)),
            None => builders::chat_json(id, ChatKind::default_for_id(id), None, self.users.get(&id)),
        }
    }

    fn user_json_by_id(&self, id: i64) -> Option<Value> {
        if id == BOT_ID {
            return Some(builders::bot_user_json());
        }
        self.users.get(&id).map(|u| builders::user_json(u, false))
    }

    pub(crate) fn set_started(&mut self, user: &TgUser, started: bool) {
        self.register_user(user);
        if started {
            self.started.insert(user.id, true);
        } else if self.started.contains_key(&user.id) {
            // Had started it before: now the user has blocked the bot.
            self.started.insert(user.id, false);
        }
    }

    pub(crate) fn set_member(
        &mut self,
        chat: &TgChat,
        user: &TgUser,
        status: MemberStatus,
    ) -> (MemberStatus, MemberStatus) {
        self.register_user(user);
        if user.id == BOT_ID {
            let old = self.register_chat(chat).bot_shown_status();
            self.set_bot_status(chat, status.clone());
            return (old, status);
        }
        let c = self.register_chat(chat);
        let old = c.members.get(&user.id).map(|e| e.status.clone()).unwrap_or(MemberStatus::Left);
        c.members.insert(user.id, MemberEntry::plain(status.clone()));
        (old, status)
    }

    pub(crate) fn set_bot_status(&mut self, chat: &TgChat, status: MemberStatus) {
        let c = self.register_chat(chat);
        match status {
            MemberStatus::Kicked => c.presence = Presence::Kicked,
            MemberStatus::Left => c.presence = Presence::Left,
            other => {
                c.presence = Presence::Present;
                c.bot_status = other;
                c.bot_status_explicit = true;
            }
        }
    }

    fn member_entry_json(&self, chat: &ChatState, user_id: i64) -> Result<Value, ApiErr> {
        if user_id == BOT_ID {
            return Ok(builders::member_json(builders::bot_user_json(), &chat.bot_shown_status(), None, 0));
        }
        let user = self.user_json_by_id(user_id);
        if chat.kind == ChatKind::Private {
            return match user {
                Some(u) if user_id == chat.id => Ok(builders::member_json(u, &MemberStatus::Member, None, 0)),
                Some(u) => Ok(builders::member_json(u, &MemberStatus::Left, None, 0)),
                None => Err(bad("user not found")),
            };
        }
        match (chat.members.get(&user_id), user) {
            (Some(e), u) => {
                let u = u.unwrap_or_else(
                    || json!({"id": user_id, "is_bot": false, "first_name": format!("User {user_id}")}),
                );
                Ok(builders::member_json(u, &e.status, e.restriction.as_ref(), e.until_date))
            }
            (None, Some(u)) => Ok(builders::member_json(u, &MemberStatus::Left, None, 0)),
            (None, None) => Err(bad("user not found")),
        }
    }

    // ------------------------------------------------------------------
    // updates
    // ------------------------------------------------------------------

    /// Queues `{"update_id": N, kind: payload}` and returns N.
    pub(crate) fn push(&mut self, kind: &str, payload: Value) -> i64 {
        let mut m = Map::new();
        m.insert("update_id".into(), Value::Null);
        m.insert(kind.into(), payload);
        self.push_raw(Value::Object(m))
    }

    /// Queues an update as given; fills `update_id` when missing or null.
    pub(crate) fn push_raw(&mut self, mut update: Value) -> i64 {
        let given = update.get("update_id").and_then(Value::as_i64);
        let id = given.unwrap_or(self.next_update_id);
        self.next_update_id = self.next_update_id.max(id + 1);
        if let Value::Object(m) = &mut update {
            m.insert("update_id".into(), json!(id));
            if let Some(cb) = m.get("callback_query").and_then(|c| c.get("id")).and_then(Value::as_str) {
                self.callbacks.entry(cb.to_owned()).or_insert(false);
            }
        }
        if self.events.receiver_count() > 0 {
            let _ = self.events.send(Event::Update(update.clone()));
        }
        // Keep the queue sorted by id (raw updates may bring their own ids).
        let pos = self.pending.iter().rposition(|p| p.id <= id).map_or(0, |p| p + 1);
        self.pending.insert(pos, Pending { id, update, claimed: false });
        id
    }

    /// Drops updates confirmed by `offset` (Telegram semantics, including a
    /// negative offset = keep only the last -offset updates) and returns up to
    /// `limit` of the remaining ones.
    pub(crate) fn take_updates(&mut self, offset: Option<i64>, limit: usize) -> Vec<Value> {
        match offset {
            Some(o) if o < 0 => {
                let keep = o.unsigned_abs() as usize;
                while self.pending.len() > keep {
                    self.pending.pop_front();
                }
            }
            Some(o) => {
                while self.pending.front().is_some_and(|p| p.id < o) {
                    self.pending.pop_front();
                }
            }
            None => {}
        }
        let mut out = Vec::with_capacity(limit.min(self.pending.len()));
        let mut i = 0;
        while i < self.pending.len() && out.len() < limit {
            if self.allowed_kind(&self.pending[i].update) {
                out.push(self.pending[i].update.clone());
                i += 1;
            } else {
                // Telegram never delivers kinds the bot did not ask for.
                if let Some(dropped) = self.pending.remove(i) {
                    tracing::debug!(
                        update = %dropped.update,
                        "stand-in: update kind not in allowed_updates, dropped"
                    );
                }
            }
        }
        out
    }

    /// `allowed_updates` of a `getUpdates` or `setWebhook` call (one
    /// setting for both, as at Telegram): a list replaces the setting, an
    /// empty list restores the default, absent keeps it.
    pub(crate) fn set_allowed_updates(&mut self, list: Option<Value>) {
        let Some(Value::Array(list)) = list else {
            return;
        };
        let kinds: Vec<String> = list.iter().filter_map(Value::as_str).map(str::to_owned).collect();
        self.allowed = (!kinds.is_empty()).then_some(kinds);
    }

    pub(crate) fn set_privacy(&mut self, on: bool) {
        self.privacy = on;
    }

    fn allowed_kind(&self, update: &Value) -> bool {
        let Some(kind) = update.as_object().and_then(|m| m.keys().find(|k| *k != "update_id")) else {
            return true;
        };
        if !UPDATE_KINDS.contains(&kind.as_str()) {
            return true; // odd raw updates always go through
        }
        match &self.allowed {
            Some(list) => list.iter().any(|k| k == kind),
            None => !OPT_IN_KINDS.contains(&kind.as_str()),
        }
    }

    // ------------------------------------------------------------------
    // webhook
    // ------------------------------------------------------------------

    pub(crate) fn webhook_url(&self) -> Option<String> {
        self.webhook.as_ref().map(|w| w.url.clone())
    }

    pub(crate) fn webhook_active(&self) -> bool {
        self.webhook.is_some()
    }

    /// Claims the first pending update no delivery has claimed yet (in
    /// update order), dropping kinds not in `allowed_updates` on the way.
    /// Returns the delivery, if any, and whether updates were dropped.
    pub(crate) fn claim_delivery(&mut self) -> (Option<Delivery>, bool) {
        let mut dropped = false;
        let Some(hook) = &self.webhook else {
            return (None, dropped);
        };
        let (url, secret) = (hook.url.clone(), hook.secret.clone());
        let mut i = 0;
        while i < self.pending.len() {
            if self.pending[i].claimed {
                i += 1;
            } else if self.allowed_kind(&self.pending[i].update) {
                let p = &mut self.pending[i];
                p.claimed = true;
                let d =
                    Delivery { generation: self.webhook_generation, url, secret, id: p.id, update: p.update.clone() };
                return (Some(d), dropped);
            } else if let Some(gone) = self.pending.remove(i) {
                dropped = true;
                tracing::debug!(update = %gone.update, "stand-in: update kind not in allowed_updates, dropped");
            }
        }
        (None, dropped)
    }

    /// Whether a claimed delivery is still wanted: the webhook it was
    /// claimed under is still set and the update still pending.
    pub(crate) fn delivery_current(&self, d: &Delivery) -> bool {
        self.webhook.is_some() && self.webhook_generation == d.generation && self.pending.iter().any(|p| p.id == d.id)
    }

    /// The webhook answered 2xx: the update is taken.
    pub(crate) fn delivery_succeeded(&mut self, d: &Delivery) {
        self.webhook_deliveries += 1;
        if let Some(i) = self.pending.iter().position(|p| p.id == d.id) {
            self.pending.remove(i);
        }
    }

    /// A delivery attempt failed; kept for `getWebhookInfo`.
    pub(crate) fn delivery_failed(&mut self, d: &Delivery, message: String) {
        if self.webhook_generation == d.generation {
            self.webhook_error = Some((self.now_unix(), message));
        }
    }

    /// A delivery task gave up on its update (stale webhook, shutdown).
    pub(crate) fn release_delivery(&mut self, d: &Delivery) {
        if let Some(p) = self.pending.iter_mut().find(|p| p.id == d.id) {
            p.claimed = false;
        }
    }

    fn set_webhook(&mut self, p: &Value) -> Outcome {
        let url = get_str(p, "url").unwrap_or_default();
        if url.trim().is_empty() {
            // Telegram: an empty url removes the webhook.
            return self.delete_webhook(p);
        }
        let parsed = url::Url::parse(url.trim()).map_err(|_| bad("can't parse URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
            return Err(bad("bad webhook: HTTPS url must be provided for webhook"));
        }
        let secret = get_str(p, "secret_token").filter(|s| !s.is_empty());
        if let Some(s) = &secret
            && (s.len() > 256 || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        {
            return Err(bad("secret token contains unallowed characters"));
        }
        self.set_allowed_updates(get_json(p, "allowed_updates"));
        if get_bool(p, "drop_pending_updates") {
            self.pending.clear();
        }
        self.webhook = Some(Webhook { url: url.trim().to_owned(), secret });
        self.webhook_generation += 1;
        self.webhook_error = None;
        Ok(json!(true))
    }

    fn delete_webhook(&mut self, p: &Value) -> Outcome {
        if get_bool(p, "drop_pending_updates") {
            self.pending.clear();
        }
        self.webhook = None;
        self.webhook_generation += 1;
        self.webhook_error = None;
        Ok(json!(true))
    }

    fn webhook_info(&self) -> Value {
        let mut info = Map::new();
        info.insert("url".into(), json!(self.webhook.as_ref().map_or("", |w| w.url.as_str())));
        info.insert("has_custom_certificate".into(), json!(false));
        info.insert("pending_update_count".into(), json!(self.pending.len()));
        if let Some((date, message)) = &self.webhook_error {
            info.insert("last_error_date".into(), json!(date));
            info.insert("last_error_message".into(), json!(message));
        }
        Value::Object(info)
    }

    // ------------------------------------------------------------------
    // messages written by users (driving the bot)
    // ------------------------------------------------------------------

    /// Stores a message from a user (or anonymous admin) and queues it as a
    /// `message` update. `body` holds the kind-specific fields.
    pub(crate) fn user_message(
        &mut self,
        chat: &TgChat,
        from: Option<&TgUser>,
        from_json: Value,
        mut body: Map<String, Value>,
        reply_to: Option<i32>,
    ) -> i32 {
        if let Some(u) = from {
            self.register_user(u);
        }
        let date = self.now_unix();
        let c = self.register_chat(chat);
        let kind = c.kind;
        if let Some(u) = from
            && kind != ChatKind::Private
        {
            c.members.entry(u.id).or_insert_with(|| MemberEntry::plain(MemberStatus::Member));
        }
        let id = c.next_message_id;
        c.next_message_id += 1;
        let reply_to = reply_to.filter(|r| c.live_message(*r).is_some());
        if let Some(r) = reply_to {
            body.insert("reply_to_message".into(), embedded(&c.messages[&r].json));
        }
        if kind == ChatKind::Private
            && let Some(u) = from
        {
            // Writing to the bot means having started it (and unblocked it).
            self.started.insert(u.id, true);
        }
        let from_id = from_json.get("id").and_then(Value::as_i64).unwrap_or(0);
        let json = self.message_json(chat.id, id, date, Some(from_json), body);
        let info = info_of(&json, chat.id, from_id, false, reply_to, date);
        let reply_to_bot =
            reply_to.is_some_and(|r| self.chats[&chat.id].messages.get(&r).is_some_and(|m| m.info.from_bot));
        let sees = self.bot_sees(chat.id, &json, reply_to_bot);
        let c = self.chat_mut(chat.id);
        c.messages.insert(id, MsgRecord { json: json.clone(), info });
        if sees {
            self.push("message", json);
        }
        id
    }

    /// Does Telegram deliver this message to the bot? Not from groups it is
    /// not in; with privacy mode on and no admin rights only service
    /// messages, commands, replies to the bot and mentions of it.
    fn bot_sees(&self, chat_id: i64, msg: &Value, reply_to_bot: bool) -> bool {
        let Some(c) = self.chats.get(&chat_id) else {
            return true;
        };
        if c.kind == ChatKind::Private {
            return true;
        }
        if c.presence != Presence::Present {
            return false;
        }
        if !self.privacy || c.bot_status.is_admin() || reply_to_bot {
            return true;
        }
        let text = msg.get("text").or_else(|| msg.get("caption")).and_then(Value::as_str);
        let Some(text) = text else {
            return true; // service message
        };
        let mention = format!("@{}", builders::BOT_USERNAME).to_lowercase();
        if let Some(rest) = text.strip_prefix('/') {
            let cmd = rest.split(char::is_whitespace).next().unwrap_or("");
            match cmd.split_once('@') {
                None => return !cmd.is_empty(),
                Some((_, to)) => return to.eq_ignore_ascii_case(builders::BOT_USERNAME),
            }
        }
        text.to_lowercase().contains(&mention)
    }

    fn message_json(
        &self,
        chat_id: i64,
        message_id: i32,
        date: i64,
        from: Option<Value>,
        body: Map<String, Value>,
    ) -> Value {
        let mut m = Map::new();
        m.insert("message_id".into(), json!(message_id));
        if let Some(f) = from {
            m.insert("from".into(), f);
        }
        m.insert("chat".into(), self.chat_json(chat_id));
        m.insert("date".into(), json!(date));
        m.extend(body);
        Value::Object(m)
    }

    pub(crate) fn next_file(&mut self) -> u64 {
        self.next_file += 1;
        self.next_file
    }

    pub(crate) fn user_edit(&mut self, chat: &TgChat, from: &TgUser, message_id: i32, text: &str) {
        self.register_user(from);
        let date = self.now_unix();
        let c = self.register_chat(chat);
        let Some(rec) = c.messages.get_mut(&message_id) else {
            return;
        };
        if let Value::Object(m) = &mut rec.json {
            if m.contains_key("caption") {
                m.insert("caption".into(), json!(text));
            } else {
                m.insert("text".into(), json!(text));
                match command_entity(text) {
                    Some(e) => m.insert("entities".into(), json!([e])),
                    None => m.remove("entities"),
                };
            }
            m.insert("edit_date".into(), json!(date));
        }
        if rec.info.caption.is_some() {
            rec.info.caption = Some(text.to_owned());
        } else {
            rec.info.text = Some(text.to_owned());
        }
        rec.info.edited = true;
        let json = rec.json.clone();
        let reply_to = rec.info.reply_to;
        let reply_to_bot = reply_to.is_some_and(|r| c.messages.get(&r).is_some_and(|m| m.info.from_bot));
        if self.bot_sees(chat.id, &json, reply_to_bot) {
            self.push("edited_message", json);
        }
    }

    pub(crate) fn press_button(&mut self, chat: &TgChat, from: &TgUser, message_id: i32, data: &str) -> String {
        self.register_user(from);
        let c = self.register_chat(chat);
        let message = match c.live_message(message_id) {
            Some(m) => m.json.clone(),
            None => json!({"chat": self.chat_json(chat.id), "message_id": message_id, "date": 0}),
        };
        let id = format!("4382{:015}", self.next_callback);
        self.next_callback += 1;
        self.callbacks.insert(id.clone(), false);
        let q = json!({
            "id": id,
            "from": builders::user_json(from, false),
            "message": message,
            "chat_instance": format!("{}", (chat.id as u64).wrapping_mul(2_654_435_761) >> 1),
            "data": data,
        });
        self.push("callback_query", q);
        id
    }

    pub(crate) fn bot_membership_update(&mut self, chat: &TgChat, by: &TgUser, old: &MemberStatus, new: &MemberStatus) {
        self.register_user(by);
        // Whoever adds or removes the bot is in the chat.
        let c = self.register_chat(chat);
        if c.kind != ChatKind::Private {
            c.members.entry(by.id).or_insert_with(|| MemberEntry::plain(MemberStatus::Member));
        }
        let date = self.now_unix();
        let upd = json!({
            "chat": self.chat_json(chat.id),
            "from": builders::user_json(by, false),
            "date": date,
            "old_chat_member": builders::member_json(builders::bot_user_json(), old, None, 0),
            "new_chat_member": builders::member_json(builders::bot_user_json(), new, None, 0),
        });
        self.push("my_chat_member", upd);
    }

    pub(crate) fn add_bot(&mut self, chat: &TgChat, by: &TgUser) {
        let c = self.register_chat(chat);
        // Being added means the bot was not there: left, or kicked before.
        let old = match c.presence {
            Presence::Kicked => MemberStatus::Kicked,
            _ => MemberStatus::Left,
        };
        c.presence = Presence::Present;
        let new = if c.bot_status_explicit { c.bot_status.clone() } else { MemberStatus::Member };
        self.bot_membership_update(chat, by, &old, &new);
    }

    pub(crate) fn remove_bot(&mut self, chat: &TgChat, by: &TgUser) {
        let c = self.register_chat(chat);
        let old = match c.presence {
            Presence::Present if c.bot_status_explicit => c.bot_status.clone(),
            Presence::Present => MemberStatus::Member,
            Presence::Kicked => MemberStatus::Kicked,
            Presence::Left => MemberStatus::Left,
        };
        c.presence = Presence::Kicked;
        self.bot_membership_update(chat, by, &old, &MemberStatus::Kicked);
    }

    pub(crate) fn member_update(&mut self, chat: &TgChat, user: &TgUser, old: &MemberStatus, new: &MemberStatus) {
        let date = self.now_unix();
        let u = builders::user_json(user, false);
        let upd = json!({
            "chat": self.chat_json(chat.id),
            "from": u.clone(),
            "date": date,
            "old_chat_member": builders::member_json(u.clone(), old, None, 0),
            "new_chat_member": builders::member_json(u, new, None, 0),
        });
        self.push("chat_member", upd);
    }

    pub(crate) fn migrate(&mut self, old: &TgChat, new_id: i64) -> TgChat {
        let o = self.register_chat(old);
        let title = o.title.clone();
        let members = o.members.clone();
        let (bot_status, explicit, presence) = (o.bot_status.clone(), o.bot_status_explicit, o.presence);
        o.migrated_to = Some(new_id);
        let creator = members
            .iter()
            .find(|(_, e)| e.status == MemberStatus::Creator)
            .and_then(|(id, _)| self.user_json_by_id(*id));
        let new_chat = TgChat { id: new_id, title: title.clone(), kind: ChatKind::Supergroup };
        {
            let n = self.register_chat(&new_chat);
            n.members = members;
            n.bot_status = bot_status;
            n.bot_status_explicit = explicit;
            n.presence = presence;
        }
        let date = self.now_unix();
        // In the old group: the service message pointing to the supergroup.
        let from = creator.unwrap_or_else(builders::anonymous_admin_json);
        let mut body = Map::new();
        body.insert("migrate_to_chat_id".into(), json!(new_id));
        self.service_message(old.id, from, body, date);
        // In the new supergroup: where it came from.
        let mut body = Map::new();
        body.insert("sender_chat".into(), self.chat_json(new_id));
        body.insert("migrate_from_chat_id".into(), json!(old.id));
        self.service_message(new_id, builders::anonymous_admin_json(), body, date);
        new_chat
    }

    pub(crate) fn service_message(&mut self, chat_id: i64, from: Value, body: Map<String, Value>, date: i64) -> i32 {
        let from_id = from.get("id").and_then(Value::as_i64).unwrap_or(0);
        let c = self.chat_mut(chat_id);
        let id = c.next_message_id;
        c.next_message_id += 1;
        let json = self.message_json(chat_id, id, date, Some(from), body);
        let info = info_of(&json, chat_id, from_id, false, None, date);
        let sees = self.bot_sees(chat_id, &json, false);
        self.chat_mut(chat_id).messages.insert(id, MsgRecord { json: json.clone(), info });
        if sees {
            self.push("message", json);
        }
        id
    }

    // ------------------------------------------------------------------
    // inspection
    // ------------------------------------------------------------------

    pub(crate) fn sent_texts(&self, chat_id: i64) -> Vec<String> {
        let Some(c) = self.chats.get(&chat_id) else {
            return Vec::new();
        };
        c.bot_messages
            .iter()
            .filter_map(|id| c.live_message(*id))
            .filter_map(|m| m.info.text.clone().or_else(|| m.info.caption.clone()))
            .collect()
    }

    pub(crate) fn message(&self, chat_id: i64, message_id: i32) -> Option<StoredMessage> {
        self.chats.get(&chat_id)?.messages.get(&message_id).map(|m| m.info.clone())
    }

    pub(crate) fn fail_next(&mut self, method: &str, code: u16, description: &str, retry_after: Option<u32>) {
        self.failures.entry(method.to_ascii_lowercase()).or_default().push_back(Failure {
            code,
            description: description.to_owned(),
            retry_after,
        });
    }

    /// A queued failure for this method, if any (consumed).
    pub(crate) fn take_failure(&mut self, method_lc: &str) -> Option<ApiErr> {
        let q = self.failures.get_mut(method_lc)?;
        let f = q.pop_front()?;
        if q.is_empty() {
            self.failures.remove(method_lc);
        }
        Some(ApiErr {
            code: f.code,
            description: f.description,
            parameters: f.retry_after.map(|r| json!({"retry_after": r})),
        })
    }

    pub(crate) fn set_flood(&mut self, limits: Option<super::types::FloodLimits>) {
        self.flood = limits.map(Flood::new);
    }

    /// Freezes (at the current instant, or where it stands) or unfreezes
    /// the time flood control sees.
    pub(crate) fn freeze_flood_clock(&mut self, frozen: bool) {
        self.flood_clock = if frozen { Some(self.flood_clock.unwrap_or_else(Instant::now)) } else { None };
    }

    /// Moves the frozen flood clock on (freezing it first if needed).
    pub(crate) fn advance_flood_clock(&mut self, by: Duration) {
        self.flood_clock = Some(self.flood_clock.unwrap_or_else(Instant::now) + by);
    }

    pub(crate) fn record_call(&mut self, method: &str, params: Value, response: Value) -> &Call {
        let call = Call {
            seq: self.calls.len() as u64 + 1,
            method: method.to_owned(),
            params,
            at: SystemTime::now(),
            response,
        };
        if self.events.receiver_count() > 0 {
            let _ = self.events.send(Event::Call(call.clone()));
        }
        self.calls.push(call);
        self.calls.last().expect("just pushed")
    }

    // ------------------------------------------------------------------
    // Bot API methods (all but getUpdates)
    // ------------------------------------------------------------------

    /// Answers one call. `None` = unknown method (the server says 404).
    pub(crate) fn call(&mut self, method: &str, p: &Value, now: Instant) -> Option<Outcome> {
        let out = match method {
            "getMe" => Ok(builders::me_json()),
            "getWebhookInfo" => Ok(self.webhook_info()),
            "setWebhook" => self.set_webhook(p),
            "deleteWebhook" => self.delete_webhook(p),
            "sendMessage" => self.send_message(p, now),
            "sendPhoto" => self.send_photo(p, now),
            "editMessageText" => self.edit_message(p, EditKind::Text, now),
            "editMessageReplyMarkup" => self.edit_message(p, EditKind::Markup, now),
            "editMessageCaption" => self.edit_message(p, EditKind::Caption, now),
            "deleteMessage" => self.delete_message(p),
            "deleteMessages" => self.delete_messages(p),
            "answerCallbackQuery" => self.answer_callback(p),
            "getChatMember" => self.get_chat_member(p),
            "getChatAdministrators" => self.get_chat_administrators(p),
            "getChatMemberCount" => self.get_chat_member_count(p),
            "getChat" => self.get_chat(p),
            "setMyCommands" => self.set_my_commands(p),
            "deleteMyCommands" => {
                let key = commands_key(p);
                self.commands.remove(&key);
                Ok(json!(true))
            }
            "getMyCommands" => Ok(self.commands.get(&commands_key(p)).cloned().unwrap_or_else(|| json!([]))),
            "pinChatMessage" => self.pin(p, true),
            "unpinChatMessage" => self.pin(p, false),
            "unpinAllChatMessages" => self.unpin_all(p),
            "restrictChatMember" => self.restrict(p),
            "banChatMember" => self.ban(p),
            "unbanChatMember" => self.unban(p),
            "leaveChat" => self.leave_chat(p),
            "copyMessage" => self.copy_or_forward(p, now, false),
            "forwardMessage" => self.copy_or_forward(p, now, true),
            "sendChatAction" => self.send_chat_action(p),
            _ => return None,
        };
        Some(out)
    }

    fn chat_id_param(p: &Value) -> Result<i64, ApiErr> {
        match p.get("chat_id") {
            None | Some(Value::Null) => Err(bad("chat_id is empty")),
            Some(_) => get_i64(p, "chat_id").ok_or_else(|| bad("chat not found")),
        }
    }

    /// Checks that the bot may act in the chat: not migrated, not kicked or
    /// gone, and for sends into private chats that the user started the bot.
    fn access(&mut self, chat_id: i64, sending: bool) -> Result<(), ApiErr> {
        if chat_id == BOT_ID {
            return Err(forbidden("bot can't send messages to bots"));
        }
        let started = self.started.get(&chat_id).copied();
        let c = self.chat_mut(chat_id);
        if let Some(to) = c.migrated_to {
            let mut e = bad("group chat was upgraded to a supergroup chat");
            e.parameters = Some(json!({"migrate_to_chat_id": to}));
            return Err(e);
        }
        match c.kind {
            ChatKind::Private => {
                if sending {
                    match started {
                        None => {
                            return Err(forbidden("bot can't initiate conversation with a user"));
                        }
                        Some(false) => return Err(forbidden("bot was blocked by the user")),
                        Some(true) => {}
                    }
                }
            }
            _ => match c.presence {
                Presence::Kicked => {
                    return Err(forbidden(&format!("bot was kicked from the {} chat", c.kind_word())));
                }
                Presence::Left => {
                    return Err(forbidden(&format!("bot is not a member of the {} chat", c.kind_word())));
                }
                Presence::Present => {}
            },
        }
        Ok(())
    }

    /// Flood control for a send or an edit into `chat_id` (a paid
    /// broadcast when `paid`). Called last, once nothing else can fail, so
    /// refused or failing calls do not count; a passing paid send is
    /// counted in `paid_sends` (also with flood control off).
    fn flood_check(&mut self, chat_id: i64, paid: bool, now: Instant) -> Result<(), ApiErr> {
        let private = self.chat_mut(chat_id).kind == ChatKind::Private;
        let now = self.flood_clock.unwrap_or(now);
        if let Some(f) = self.flood.as_mut() {
            f.check(chat_id, private, paid, now).map_err(|secs| {
                self.flood_violations += 1;
                ApiErr {
                    code: 429,
                    description: format!("Too Many Requests: retry after {secs}"),
                    parameters: Some(json!({"retry_after": secs})),
                }
            })?;
        }
        if paid {
            self.paid_sends += 1;
        }
        Ok(())
    }

    /// The message a send replies to: `reply_parameters.message_id` or the
    /// older `reply_to_message_id`. Missing targets are an error unless
    /// `allow_sending_without_reply`.
    fn reply_target(&mut self, chat_id: i64, p: &Value) -> Result<Option<i32>, ApiErr> {
        let rp = get_json(p, "reply_parameters");
        let (target, allow) = match &rp {
            Some(rp) => (get_i64(rp, "message_id"), get_bool(rp, "allow_sending_without_reply")),
            None => (get_i64(p, "reply_to_message_id"), get_bool(p, "allow_sending_without_reply")),
        };
        let Some(t) = target else { return Ok(None) };
        let t = t as i32;
        if self.chat_mut(chat_id).live_message(t).is_some() {
            Ok(Some(t))
        } else if allow {
            Ok(None)
        } else {
            Err(bad("message to be replied not found"))
        }
    }

    /// Creates a message from the bot and returns its JSON.
    fn new_bot_message(
        &mut self,
        chat_id: i64,
        mut body: Map<String, Value>,
        reply_to: Option<i32>,
        markup: Option<Value>,
    ) -> Value {
        let date = self.now_unix();
        let c = self.chat_mut(chat_id);
        let id = c.next_message_id;
        c.next_message_id += 1;
        if let Some(r) = reply_to {
            body.insert("reply_to_message".into(), embedded(&c.messages[&r].json));
        }
        if let Some(m) = markup.as_ref().filter(|m| m.get("inline_keyboard").is_some()) {
            body.insert("reply_markup".into(), m.clone());
        }
        let json = self.message_json(chat_id, id, date, Some(builders::bot_user_json()), body);
        let mut info = info_of(&json, chat_id, BOT_ID, true, reply_to, date);
        info.reply_markup = markup;
        let c = self.chat_mut(chat_id);
        c.messages.insert(id, MsgRecord { json: json.clone(), info });
        c.bot_messages.push(id);
        json
    }

    fn send_message(&mut self, p: &Value, now: Instant) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, true)?;
        let text = get_str(p, "text").unwrap_or_default();
        if text.trim().is_empty() {
            return Err(bad("message text is empty"));
        }
        if text.chars().count() > 4096 {
            return Err(bad("message is too long"));
        }
        let reply_to = self.reply_target(chat_id, p)?;
        self.flood_check(chat_id, get_bool(p, "allow_paid_broadcast"), now)?;
        let mut body = Map::new();
        body.insert("text".into(), json!(text));
        Ok(self.new_bot_message(chat_id, body, reply_to, get_json(p, "reply_markup")))
    }

    /// `sendPhoto`: an upload (multipart) or a file id / URL given as a string.
    fn send_photo(&mut self, p: &Value, now: Instant) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, true)?;
        let photo = p.get("photo").ok_or_else(|| bad("there is no photo in the request"))?;
        let size = match photo {
            Value::String(s) if !s.is_empty() => 0,
            Value::Object(_) => {
                let bytes = crate::params::uploaded_bytes(photo).unwrap_or_default();
                if !bytes.starts_with(b"\x89PNG") && !bytes.starts_with(&[0xff, 0xd8]) {
                    return Err(bad("IMAGE_PROCESS_FAILED"));
                }
                if bytes.len() > 10 << 20 {
                    return Err(bad("PHOTO_INVALID_DIMENSIONS"));
                }
                bytes.len()
            }
            _ => return Err(bad("there is no photo in the request")),
        };
        let caption = get_str(p, "caption").unwrap_or_default();
        if caption.chars().count() > 1024 {
            return Err(bad("message caption is too long"));
        }
        let reply_to = self.reply_target(chat_id, p)?;
        self.flood_check(chat_id, get_bool(p, "allow_paid_broadcast"), now)?;
        let mut body = Map::new();
        let id = self.chats.get(&chat_id).map_or(0, |c| c.next_message_id);
        body.insert(
            "photo".into(),
            json!([{"file_id": format!("photo-{chat_id}-{id}"), "file_unique_id": format!("p{chat_id}x{id}"),
                    "width": 1000, "height": 700, "file_size": size}]),
        );
        if !caption.is_empty() {
            body.insert("caption".into(), json!(caption));
        }
        Ok(self.new_bot_message(chat_id, body, reply_to, get_json(p, "reply_markup")))
    }

    fn find_own_message(&mut self, p: &Value, not_found: &str) -> Result<(i64, i32), ApiErr> {
        if p.get("inline_message_id").is_some() && p.get("chat_id").is_none() {
            return Err(bad(not_found));
        }
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let mid = get_i64(p, "message_id").ok_or_else(|| bad("message identifier is not specified"))? as i32;
        if self.chat_mut(chat_id).live_message(mid).is_none() {
            return Err(bad(not_found));
        }
        Ok((chat_id, mid))
    }

    /// `editMessageText`, `editMessageReplyMarkup`, `editMessageCaption`.
    /// An edit that would be carried out counts against flood control like
    /// a send (per-chat window and the free overall window).
    fn edit_message(&mut self, p: &Value, kind: EditKind, now: Instant) -> Outcome {
        let (chat_id, mid) = self.find_own_message(p, "message to edit not found")?;
        let date = self.now_unix();
        let new_text = match kind {
            EditKind::Text => {
                let t = get_str(p, "text").unwrap_or_default();
                if t.trim().is_empty() {
                    return Err(bad("message text is empty"));
                }
                if t.chars().count() > 4096 {
                    return Err(bad("MESSAGE_TOO_LONG"));
                }
                Some(t)
            }
            EditKind::Caption => {
                let c = get_str(p, "caption").unwrap_or_default();
                if c.chars().count() > 1024 {
                    return Err(bad("message caption is too long"));
                }
                Some(c)
            }
            EditKind::Markup => None,
        };
        let markup = get_json(p, "reply_markup").filter(|m| m.get("inline_keyboard").is_some());
        {
            let rec = &self.chats[&chat_id].messages[&mid];
            if !rec.info.from_bot {
                return Err(bad("message can't be edited"));
            }
            let current = match kind {
                EditKind::Text if rec.info.text.is_none() => {
                    return Err(bad("there is no text in the message to edit"));
                }
                EditKind::Caption if rec.json.get("photo").is_none() && rec.info.caption.is_none() => {
                    return Err(bad("there is no caption in the message to edit"));
                }
                EditKind::Text => rec.info.text.clone(),
                EditKind::Caption => Some(rec.info.caption.clone().unwrap_or_default()),
                EditKind::Markup => None,
            };
            let same_text = new_text.is_none() || new_text == current;
            let old_inline = rec.info.reply_markup.as_ref().filter(|m| m.get("inline_keyboard").is_some());
            if same_text && old_inline == markup.as_ref() {
                return Err(ApiErr::new(400, NOT_MODIFIED));
            }
        }
        self.flood_check(chat_id, false, now)?;
        let rec = self.chat_mut(chat_id).messages.get_mut(&mid).expect("checked");
        let m = rec.json.as_object_mut().expect("message object");
        match (kind, &new_text) {
            (EditKind::Text, Some(t)) => {
                m.insert("text".into(), json!(t));
                rec.info.text = Some(t.clone());
            }
            (EditKind::Caption, Some(c)) => {
                m.remove("caption_entities");
                if c.is_empty() {
                    m.remove("caption");
                    rec.info.caption = None;
                } else {
                    m.insert("caption".into(), json!(c));
                    rec.info.caption = Some(c.clone());
                }
            }
            _ => {}
        }
        match &markup {
            Some(mk) => m.insert("reply_markup".into(), mk.clone()),
            None => m.remove("reply_markup"),
        };
        m.insert("edit_date".into(), json!(date));
        rec.info.reply_markup = markup;
        rec.info.edited = true;
        Ok(rec.json.clone())
    }

    fn may_delete(&self, chat_id: i64, from_bot: bool) -> bool {
        let c = &self.chats[&chat_id];
        c.kind == ChatKind::Private || from_bot || c.bot_status.can_delete()
    }

    fn delete_message(&mut self, p: &Value) -> Outcome {
        let (chat_id, mid) = self.find_own_message(p, "message to delete not found")?;
        let from_bot = self.chats[&chat_id].messages[&mid].info.from_bot;
        if !self.may_delete(chat_id, from_bot) {
            return Err(bad("message can't be deleted"));
        }
        let rec = self.chat_mut(chat_id).messages.get_mut(&mid).expect("checked");
        rec.info.deleted = true;
        Ok(json!(true))
    }

    fn delete_messages(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let ids: Vec<i32> = get_json(p, "message_ids")
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_i64)
            .map(|i| i as i32)
            .collect();
        if ids.is_empty() {
            return Err(bad("message_ids is empty"));
        }
        for mid in ids {
            let Some(from_bot) = self.chat_mut(chat_id).live_message(mid).map(|m| m.info.from_bot) else {
                continue;
            };
            if self.may_delete(chat_id, from_bot)
                && let Some(rec) = self.chat_mut(chat_id).messages.get_mut(&mid)
            {
                rec.info.deleted = true;
            }
        }
        Ok(json!(true))
    }

    fn answer_callback(&mut self, p: &Value) -> Outcome {
        let id = get_str(p, "callback_query_id").unwrap_or_default();
        match self.callbacks.get_mut(&id) {
            Some(answered) if !*answered => {
                *answered = true;
                Ok(json!(true))
            }
            _ => Err(bad("query is too old and response timeout expired or query id is invalid")),
        }
    }

    fn get_chat_member(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let uid = get_i64(p, "user_id").ok_or_else(|| bad("user_id is empty"))?;
        self.chat_mut(chat_id);
        let c = &self.chats[&chat_id];
        self.member_entry_json(c, uid)
    }

    fn get_chat_administrators(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let c = self.chat_mut(chat_id);
        if c.kind == ChatKind::Private {
            return Err(bad("there are no administrators in the private chat"));
        }
        let mut ids: Vec<(bool, i64)> = c
            .members
            .iter()
            .filter(|(_, e)| e.status.is_admin())
            .map(|(id, e)| (e.status != MemberStatus::Creator, *id))
            .collect();
        if c.presence == Presence::Present && c.bot_status.is_admin() {
            ids.push((true, BOT_ID));
        }
        ids.sort();
        let c = &self.chats[&chat_id];
        let list: Vec<Value> = ids.into_iter().filter_map(|(_, id)| self.member_entry_json(c, id).ok()).collect();
        Ok(Value::Array(list))
    }

    fn get_chat_member_count(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let c = self.chat_mut(chat_id);
        if c.kind == ChatKind::Private {
            return Ok(json!(2));
        }
        let present =
            c.members.values().filter(|e| !matches!(e.status, MemberStatus::Left | MemberStatus::Kicked)).count();
        Ok(json!(present + usize::from(c.presence == Presence::Present)))
    }

    fn get_chat(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let kind = self.chat_mut(chat_id).kind;
        if kind == ChatKind::Private && !self.users.contains_key(&chat_id) {
            return Err(bad("chat not found"));
        }
        Ok(builders::chat_full_info_json(self.chat_json(chat_id), kind))
    }

    fn set_my_commands(&mut self, p: &Value) -> Outcome {
        let cmds = get_json(p, "commands").ok_or_else(|| bad("commands is empty"))?;
        let Some(list) = cmds.as_array() else {
            return Err(bad("can't parse commands JSON object"));
        };
        for c in list {
            let name = c.get("command").and_then(Value::as_str).unwrap_or("");
            let ok = !name.is_empty()
                && name.len() <= 32
                && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
            if !ok {
                return Err(bad("BOT_COMMAND_INVALID"));
            }
            let desc = c.get("description").and_then(Value::as_str).unwrap_or("");
            if desc.is_empty() || desc.chars().count() > 256 {
                return Err(bad("BOT_COMMAND_DESCRIPTION_INVALID"));
            }
        }
        self.commands.insert(commands_key(p), cmds);
        Ok(json!(true))
    }

    fn pin(&mut self, p: &Value, pin: bool) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let c = self.chat_mut(chat_id);
        if c.kind != ChatKind::Private && !c.bot_status.is_admin() {
            return Err(bad("not enough rights to manage pinned messages in the chat"));
        }
        let mid = match get_i64(p, "message_id") {
            Some(m) => m as i32,
            None if !pin => {
                // the most recently pinned message
                match c.messages.values().filter(|m| m.info.pinned && !m.info.deleted).map(|m| m.info.message_id).max()
                {
                    Some(m) => m,
                    None => return Ok(json!(true)),
                }
            }
            None => return Err(bad("message identifier is not specified")),
        };
        match c.messages.get_mut(&mid).filter(|m| !m.info.deleted) {
            Some(rec) => {
                rec.info.pinned = pin;
                Ok(json!(true))
            }
            None if pin => Err(bad("message to pin not found")),
            None => Err(bad("message to unpin not found")),
        }
    }

    fn unpin_all(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let c = self.chat_mut(chat_id);
        if c.kind != ChatKind::Private && !c.bot_status.is_admin() {
            return Err(bad("not enough rights to manage pinned messages in the chat"));
        }
        for m in c.messages.values_mut() {
            m.info.pinned = false;
        }
        Ok(json!(true))
    }

    /// Common checks of restrict/ban/unban: a group, the bot's rights, the
    /// target not an admin. Returns the target's user id.
    fn moderation_target(&mut self, p: &Value, supergroup_only: bool) -> Result<(i64, i64), ApiErr> {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let uid = get_i64(p, "user_id").ok_or_else(|| bad("user_id is empty"))?;
        let c = self.chat_mut(chat_id);
        match c.kind {
            ChatKind::Private => {
                return Err(bad("method is available for supergroup and channel chats only"));
            }
            ChatKind::Group if supergroup_only => {
                return Err(bad("method is available only for supergroups"));
            }
            _ => {}
        }
        if uid == BOT_ID {
            return Err(bad("can't restrict self"));
        }
        if !c.bot_status.can_restrict() {
            return Err(bad("not enough rights to restrict/unrestrict chat member"));
        }
        match c.members.get(&uid).map(|e| &e.status) {
            Some(MemberStatus::Creator) => Err(bad("can't remove chat owner")),
            Some(MemberStatus::Administrator { .. }) => Err(bad("user is an administrator of the chat")),
            _ => Ok((chat_id, uid)),
        }
    }

    fn restrict(&mut self, p: &Value) -> Outcome {
        let (chat_id, uid) = self.moderation_target(p, true)?;
        let perms = get_json(p, "permissions").ok_or_else(|| bad("permissions is empty"))?;
        let until = get_i64(p, "until_date").unwrap_or(0);
        let entry = if builders::permissions_allow_everything_to_send(&perms) {
            MemberEntry::plain(MemberStatus::Member)
        } else {
            MemberEntry { status: MemberStatus::Restricted, restriction: Some(perms), until_date: until }
        };
        self.chat_mut(chat_id).members.insert(uid, entry);
        Ok(json!(true))
    }

    fn ban(&mut self, p: &Value) -> Outcome {
        let (chat_id, uid) = self.moderation_target(p, false)?;
        let until = get_i64(p, "until_date").unwrap_or(0);
        self.chat_mut(chat_id)
            .members
            .insert(uid, MemberEntry { status: MemberStatus::Kicked, restriction: None, until_date: until });
        Ok(json!(true))
    }

    fn unban(&mut self, p: &Value) -> Outcome {
        let (chat_id, uid) = self.moderation_target(p, false)?;
        let only_if_banned = get_bool(p, "only_if_banned");
        let c = self.chat_mut(chat_id);
        let banned = matches!(c.members.get(&uid).map(|e| &e.status), Some(MemberStatus::Kicked));
        if banned || !only_if_banned {
            c.members.insert(uid, MemberEntry::plain(MemberStatus::Left));
        }
        Ok(json!(true))
    }

    fn leave_chat(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, false)?;
        let c = self.chat_mut(chat_id);
        if c.kind == ChatKind::Private {
            return Err(bad("chat member status can't be changed in private chats"));
        }
        let old = c.bot_shown_status();
        c.presence = Presence::Left;
        let chat = TgChat { id: chat_id, title: c.title.clone(), kind: c.kind };
        let date = self.now_unix();
        let upd = json!({
            "chat": self.chat_json(chat.id),
            "from": builders::bot_user_json(),
            "date": date,
            "old_chat_member": builders::member_json(builders::bot_user_json(), &old, None, 0),
            "new_chat_member": builders::member_json(builders::bot_user_json(), &MemberStatus::Left, None, 0),
        });
        self.push("my_chat_member", upd);
        Ok(json!(true))
    }

    fn copy_or_forward(&mut self, p: &Value, now: Instant, forward: bool) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        let from_chat = get_i64(p, "from_chat_id").ok_or_else(|| bad("chat not found"))?;
        let mid = get_i64(p, "message_id").ok_or_else(|| bad("message identifier is not specified"))? as i32;
        self.access(chat_id, true)?;
        let not_found = if forward { "message to forward not found" } else { "message to copy not found" };
        let src = match self.chats.get(&from_chat).and_then(|c| c.live_message(mid)) {
            Some(m) => m.json.clone(),
            None => return Err(bad(not_found)),
        };
        let reply_to = if forward { None } else { self.reply_target(chat_id, p)? };
        // forwardMessage has no allow_paid_broadcast
        self.flood_check(chat_id, !forward && get_bool(p, "allow_paid_broadcast"), now)?;
        let mut body = Map::new();
        for k in ["text", "entities", "photo", "caption", "caption_entities"] {
            if let Some(v) = src.get(k) {
                body.insert(k.into(), v.clone());
            }
        }
        if !forward && let Some(c) = get_str(p, "caption") {
            let key = if body.contains_key("photo") { "caption" } else { "text" };
            body.insert(key.into(), json!(c));
        }
        if forward {
            let date = src.get("date").cloned().unwrap_or(json!(0));
            let origin = match src.get("from") {
                Some(u) => json!({"type": "user", "date": date, "sender_user": u}),
                None => json!({"type": "hidden_user", "date": date, "sender_user_name": "Unknown"}),
            };
            body.insert("forward_origin".into(), origin);
        }
        let markup = if forward { None } else { get_json(p, "reply_markup") };
        let msg = self.new_bot_message(chat_id, body, reply_to, markup);
        if forward { Ok(msg) } else { Ok(json!({"message_id": msg["message_id"]})) }
    }

    fn send_chat_action(&mut self, p: &Value) -> Outcome {
        let chat_id = Self::chat_id_param(p)?;
        self.access(chat_id, true)?;
        if get_str(p, "action").is_none_or(|a| a.is_empty()) {
            return Err(bad("wrong parameter action in request"));
        }
        Ok(json!(true))
    }
}

fn commands_key(p: &Value) -> (String, String) {
    let scope = get_json(p, "scope").unwrap_or_else(|| json!({"type": "default"}));
    let lang = get_str(p, "language_code").unwrap_or_default();
    (scope.to_string(), lang)
}

/// A replied-to message as Telegram embeds it: one level deep only.
fn embedded(msg: &Value) -> Value {
    let mut v = msg.clone();
    if let Value::Object(m) = &mut v {
        m.remove("reply_to_message");
    }
    v
}

/// The `bot_command` entity Telegram adds to text starting with `/`.
pub(crate) fn command_entity(text: &str) -> Option<Value> {
    if !text.starts_with('/') {
        return None;
    }
    let cmd = text.split(char::is_whitespace).next().unwrap_or("");
    if cmd.len() < 2 {
        return None;
    }
    let length: usize = cmd.chars().map(char::len_utf16).sum();
    Some(json!({"type": "bot_command", "offset": 0, "length": length}))
}

fn info_of(
    json: &Value,
    chat_id: i64,
    from_id: i64,
    from_bot: bool,
    reply_to: Option<i32>,
    date: i64,
) -> StoredMessage {
    StoredMessage {
        message_id: json["message_id"].as_i64().unwrap_or(0) as i32,
        chat_id,
        from_id,
        from_bot,
        text: json.get("text").and_then(Value::as_str).map(str::to_owned),
        caption: json.get("caption").and_then(Value::as_str).map(str::to_owned),
        reply_markup: json.get("reply_markup").cloned(),
        deleted: false,
        edited: false,
        pinned: false,
        reply_to,
        date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::new(broadcast::channel(16).0)
    }

    fn call(s: &mut State, m: &str, p: Value) -> Outcome {
        s.call(m, &p, Instant::now()).expect("known method")
    }

    fn desc(o: Outcome) -> String {
        o.expect_err("should fail").description
    }

    #[test]
    fn canonical_names_are_case_insensitive() {
        assert_eq!(canonical("SendMessage"), Some("sendMessage"));
        assert_eq!(canonical("GETME"), Some("getMe"));
        assert_eq!(canonical("getupdates"), Some("getUpdates"));
        assert_eq!(canonical("sendFoo"), None);
    }

    #[test]
    fn message_ids_increase_per_chat() {
        let mut s = state();
        let a = call(&mut s, "sendMessage", json!({"chat_id": -1, "text": "a"})).unwrap();
        let b = call(&mut s, "sendMessage", json!({"chat_id": -1, "text": "b"})).unwrap();
        let c = call(&mut s, "sendMessage", json!({"chat_id": -2, "text": "c"})).unwrap();
        assert_eq!(a["message_id"], 1);
        assert_eq!(b["message_id"], 2);
        assert_eq!(c["message_id"], 1);
        assert_eq!(a["chat"]["type"], "group");
        let sg = call(&mut s, "sendMessage", json!({"chat_id": -1001234567890i64, "text": "x"})).unwrap();
        assert_eq!(sg["chat"]["type"], "supergroup");
    }

    #[test]
    fn edit_errors() {
        let mut s = state();
        let m = call(&mut s, "sendMessage", json!({"chat_id": -1, "text": "a"})).unwrap();
        let id = m["message_id"].clone();
        assert_eq!(
            desc(call(&mut s, "editMessageText", json!({"chat_id": -1, "message_id": id, "text": "a"}))),
            NOT_MODIFIED
        );
        assert!(call(&mut s, "editMessageText", json!({"chat_id": -1, "message_id": id, "text": "b"})).is_ok());
        assert_eq!(s.sent_texts(-1), vec!["b".to_string()]);
        assert!(call(&mut s, "deleteMessage", json!({"chat_id": -1, "message_id": id})).is_ok());
        assert_eq!(
            desc(call(&mut s, "editMessageText", json!({"chat_id": -1, "message_id": id, "text": "c"}))),
            "Bad Request: message to edit not found"
        );
        assert_eq!(
            desc(call(&mut s, "deleteMessage", json!({"chat_id": -1, "message_id": id}))),
            "Bad Request: message to delete not found"
        );
        assert!(s.sent_texts(-1).is_empty());
        assert!(s.message(-1, 1).unwrap().deleted);
    }

    #[test]
    fn markup_only_edit_and_not_modified() {
        let mut s = state();
        let kb = json!({"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]});
        let m = call(&mut s, "sendMessage", json!({"chat_id": 5, "text": "t", "reply_markup": kb}));
        // private chat, user never started the bot
        assert_eq!(desc(m), "Forbidden: bot can't initiate conversation with a user");
        s.set_started(&TgUser::new(5, "U"), true);
        let m = call(&mut s, "sendMessage", json!({"chat_id": 5, "text": "t", "reply_markup": kb})).unwrap();
        assert_eq!(m["reply_markup"], kb);
        let id = m["message_id"].clone();
        assert_eq!(
            desc(call(&mut s, "editMessageReplyMarkup", json!({"chat_id": 5, "message_id": id, "reply_markup": kb}))),
            NOT_MODIFIED
        );
        let r = call(&mut s, "editMessageReplyMarkup", json!({"chat_id": 5, "message_id": id})).unwrap();
        assert!(r.get("reply_markup").is_none());
        assert!(s.message(5, 1).unwrap().edited);
    }

    #[test]
    fn blocked_after_started() {
        let mut s = state();
        let u = TgUser::new(9, "U");
        s.set_started(&u, false);
        assert_eq!(
            desc(call(&mut s, "sendMessage", json!({"chat_id": 9, "text": "x"}))),
            "Forbidden: bot can't initiate conversation with a user"
        );
        s.set_started(&u, true);
        s.set_started(&u, false);
        assert_eq!(
            desc(call(&mut s, "sendMessage", json!({"chat_id": 9, "text": "x"}))),
            "Forbidden: bot was blocked by the user"
        );
    }

    #[test]
    fn kicked_and_migrated_chats() {
        let mut s = state();
        let g = TgChat::group(-7, "G");
        let u = TgUser::new(1, "U");
        s.remove_bot(&g, &u);
        let e = call(&mut s, "sendMessage", json!({"chat_id": -7, "text": "x"})).unwrap_err();
        assert_eq!((e.code, e.description.as_str()), (403, "Forbidden: bot was kicked from the group chat"));
        s.add_bot(&g, &u);
        assert!(call(&mut s, "sendMessage", json!({"chat_id": -7, "text": "x"})).is_ok());
        let sg = s.migrate(&g, -1_007_000_000_000);
        assert_eq!(sg.kind, ChatKind::Supergroup);
        let e = call(&mut s, "sendMessage", json!({"chat_id": -7, "text": "x"})).unwrap_err();
        assert_eq!(e.parameters, Some(json!({"migrate_to_chat_id": -1_007_000_000_000i64})));
        assert!(call(&mut s, "sendMessage", json!({"chat_id": sg.id, "text": "x"})).is_ok());
    }

    #[test]
    fn reply_to_missing_message() {
        let mut s = state();
        assert_eq!(
            desc(call(
                &mut s,
                "sendMessage",
                json!({"chat_id": -1, "text": "x", "reply_parameters": {"message_id": 77}})
            )),
            "Bad Request: message to be replied not found"
        );
        let ok = call(
            &mut s,
            "sendMessage",
            json!({"chat_id": -1, "text": "x", "reply_parameters": {"message_id": 77, "allow_sending_without_reply": true}}),
        )
        .unwrap();
        assert!(ok.get("reply_to_message").is_none());
    }

    #[test]
    fn moderation_rules() {
        let mut s = state();
        let g = TgChat::group(-3, "G");
        let sg = TgChat::supergroup(-1_003_000_000_000, "S");
        let u = TgUser::new(11, "U");
        let admin = TgUser::new(12, "A");
        s.set_member(
            &sg,
            &admin,
            MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: true },
        );
        s.set_member(&sg, &u, MemberStatus::Member);
        s.register_chat(&g);
        let perms = json!({"can_send_messages": false});
        assert_eq!(
            desc(call(&mut s, "restrictChatMember", json!({"chat_id": -3, "user_id": 11, "permissions": perms}))),
            "Bad Request: method is available only for supergroups"
        );
        assert_eq!(
            desc(call(&mut s, "restrictChatMember", json!({"chat_id": sg.id, "user_id": 12, "permissions": perms}))),
            "Bad Request: user is an administrator of the chat"
        );
        assert!(
            call(&mut s, "restrictChatMember", json!({"chat_id": sg.id, "user_id": 11, "permissions": perms})).is_ok()
        );
        let m = call(&mut s, "getChatMember", json!({"chat_id": sg.id, "user_id": 11})).unwrap();
        assert_eq!(m["status"], "restricted");
        assert_eq!(m["can_send_messages"], false);
        s.set_bot_status(&sg, MemberStatus::Member);
        assert_eq!(
            desc(call(&mut s, "banChatMember", json!({"chat_id": sg.id, "user_id": 11}))),
            "Bad Request: not enough rights to restrict/unrestrict chat member"
        );
    }

    #[test]
    fn offsets_confirm_updates() {
        let mut s = state();
        for i in 0..5 {
            s.push("message", json!({"n": i}));
        }
        assert_eq!(s.take_updates(None, 2).len(), 2);
        let got = s.take_updates(Some(3), 100);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0]["update_id"], 3);
        assert_eq!(s.take_updates(Some(-1), 100)[0]["update_id"], 5);
        assert!(s.take_updates(Some(6), 100).is_empty());
        assert!(s.pending.is_empty());
    }

    #[test]
    fn command_entities() {
        assert_eq!(
            command_entity("/start@jiaxiao_test_bot x"),
            Some(json!({"type": "bot_command", "offset": 0, "length": 23}))
        );
        assert_eq!(command_entity("hello"), None);
        assert_eq!(command_entity("/"), None);
    }
}

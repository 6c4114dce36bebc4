//! Plain data types of the stand-in's test API: users, chats, member
//! statuses, recorded calls, stored messages and the live event feed.

use std::time::SystemTime;

use serde_json::Value;

/// A Telegram user as the stand-in knows it (the people who write in the
/// test chats). Build with [`TgUser::new`] and the builder-ish setters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TgUser {
    pub id: i64,
    pub first_name: String,
    pub last_name: Option<String>,
    pub username: Option<String>,
    pub language_code: Option<String>,
}

impl TgUser {
    pub fn new(id: i64, first_name: impl Into<String>) -> TgUser {
        TgUser { id, first_name: first_name.into(), last_name: None, username: None, language_code: None }
    }

    /// Sets the `@username` (without the `@`).
    #[must_use]
    pub fn username(mut self, username: impl Into<String>) -> TgUser {
        self.username = Some(username.into());
        self
    }

    /// Sets the `language_code` Telegram reports for this user (e.g. `"en"`, `"zh-hans"`).
    #[must_use]
    pub fn lang(mut self, language_code: impl Into<String>) -> TgUser {
        self.language_code = Some(language_code.into());
        self
    }

    #[must_use]
    pub fn last_name(mut self, last_name: impl Into<String>) -> TgUser {
        self.last_name = Some(last_name.into());
        self
    }
}

/// The type of a chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChatKind {
    Group,
    Supergroup,
    Private,
}

impl ChatKind {
    /// What Telegram writes in `chat.type`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChatKind::Group => "group",
            ChatKind::Supergroup => "supergroup",
            ChatKind::Private => "private",
        }
    }

    /// The type the stand-in assumes for a chat id it has never seen:
    /// positive ids are private chats, ids below -1000000000000 supergroups,
    /// other negative ids basic groups.
    pub fn default_for_id(id: i64) -> ChatKind {
        if id > 0 {
            ChatKind::Private
        } else if id < -1_000_000_000_000 {
            ChatKind::Supergroup
        } else {
            ChatKind::Group
        }
    }
}

/// A chat as a test names it. Passing one to any driving method registers it
/// (type and title) with the stand-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TgChat {
    pub id: i64,
    pub title: Option<String>,
    pub kind: ChatKind,
}

impl TgChat {
    /// A basic group (ids are negative, e.g. `-4001`).
    pub fn group(id: i64, title: impl Into<String>) -> TgChat {
        TgChat { id, title: Some(title.into()), kind: ChatKind::Group }
    }

    /// A supergroup (ids look like `-100xxxxxxxxxx`).
    pub fn supergroup(id: i64, title: impl Into<String>) -> TgChat {
        TgChat { id, title: Some(title.into()), kind: ChatKind::Supergroup }
    }

    /// The private chat between the bot and `user` (chat id = user id).
    pub fn private(user: &TgUser) -> TgChat {
        TgChat { id: user.id, title: None, kind: ChatKind::Private }
    }
}

/// A member's status in a chat, as `getChatMember` answers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemberStatus {
    Creator,
    Administrator { can_delete_messages: bool, can_restrict_members: bool },
    Member,
    Restricted,
    Left,
    Kicked,
}

impl MemberStatus {
    /// The Bot API `status` string.
    pub fn as_str(&self) -> &'static str {
        match self {
            MemberStatus::Creator => "creator",
            MemberStatus::Administrator { .. } => "administrator",
            MemberStatus::Member => "member",
            MemberStatus::Restricted => "restricted",
            MemberStatus::Left => "left",
            MemberStatus::Kicked => "kicked",
        }
    }

    pub(crate) fn can_delete(&self) -> bool {
        match self {
            MemberStatus::Creator => true,
            MemberStatus::Administrator { can_delete_messages, .. } => *can_delete_messages,
            _ => false,
        }
    }

    pub(crate) fn can_restrict(&self) -> bool {
        match self {
            MemberStatus::Creator => true,
            MemberStatus::Administrator { can_restrict_members, .. } => *can_restrict_members,
            _ => false,
        }
    }

    pub(crate) fn is_admin(&self) -> bool {
        matches!(self, MemberStatus::Creator | MemberStatus::Administrator { .. })
    }

    /// The bot's rights when a test has not said otherwise.
    pub(crate) fn default_bot() -> MemberStatus {
        MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: true }
    }
}

/// One Bot API call the bot made (everything except `getUpdates`).
#[derive(Clone, Debug)]
pub struct Call {
    /// 1, 2, 3... in the order the calls were answered.
    pub seq: u64,
    /// Canonical Bot API name, e.g. `"sendMessage"` (unknown methods keep the
    /// spelling the bot used).
    pub method: String,
    /// The parameters, merged from query string and JSON or form body.
    pub params: serde_json::Value,
    pub at: SystemTime,
    /// The whole answer: `{"ok":true,"result":...}` or the error object.
    pub response: serde_json::Value,
}

impl Call {
    /// `true` when the stand-in answered `"ok": true`.
    pub fn ok(&self) -> bool {
        self.response.get("ok") == Some(&Value::Bool(true))
    }

    /// `params.chat_id` as a number (also when it was sent as a string).
    pub fn chat_id(&self) -> Option<i64> {
        super::params::get_i64(&self.params, "chat_id")
    }

    /// `params.text`.
    pub fn text(&self) -> Option<&str> {
        self.params.get("text").and_then(Value::as_str)
    }

    /// The `result` of a successful call.
    pub fn result(&self) -> Option<&Value> {
        self.response.get("result")
    }
}

/// A message as the stand-in keeps it (the user's and the bot's).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredMessage {
    pub message_id: i32,
    pub chat_id: i64,
    /// Sender's user id (the bot's id for bot messages).
    pub from_id: i64,
    pub from_bot: bool,
    /// Current text (after edits). Text is stored as sent: with
    /// `parse_mode` HTML/Markdown the markup is kept, not rendered.
    pub text: Option<String>,
    /// Caption of a photo message.
    pub caption: Option<String>,
    pub reply_markup: Option<Value>,
    pub deleted: bool,
    pub edited: bool,
    pub pinned: bool,
    pub reply_to: Option<i32>,
    /// Unix seconds.
    pub date: i64,
}

/// The live feed from [`super::StandIn::subscribe`].
#[derive(Clone, Debug)]
pub enum Event {
    /// An update was queued for the bot.
    Update(serde_json::Value),
    /// The bot called a method (not `getUpdates`) and got this answer.
    Call(Call),
}

/// Telegram's flood limits, as the stand-in enforces them when turned on
/// with [`super::StandIn::set_flood_limits`]. Sends and edits of messages
/// (`editMessageText`, `editMessageReplyMarkup`, `editMessageCaption`) count
/// alike. Build with `..Default::default()` so that new fields keep their
/// Telegram values:
///
/// ```
/// use jiaxiao_standin::FloodLimits;
/// let limits = FloodLimits { per_group_per_min: 3, ..Default::default() };
/// assert_eq!(limits.paid_per_sec, 1000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloodLimits {
    /// Messages per second over all chats (Telegram: about 30).
    pub global_per_sec: u32,
    /// Messages per minute into one group or supergroup (Telegram: 20).
    pub per_group_per_min: u32,
    /// Messages per second into one private chat (Telegram: about 1).
    pub per_private_per_sec: u32,
    /// Messages per second over all chats for sends that carry
    /// `allow_paid_broadcast: true` (Telegram: 1000, at 0.1 Stars per
    /// message above the free 30/s). Such sends count here instead of in
    /// `global_per_sec`; the per-chat limits hold for them all the same.
    pub paid_per_sec: u32,
}

impl Default for FloodLimits {
    fn default() -> Self {
        FloodLimits { global_per_sec: 30, per_group_per_min: 20, per_private_per_sec: 1, paid_per_sec: 1000 }
    }
}

//! JSON builders for the Bot API objects the stand-in hands out (User, Chat,
//! ChatMember, ChatFullInfo, the bot's `getMe`). They write every field that
//! teloxide 0.17's strict types require.

use serde_json::{Map, Value, json};

use super::types::{ChatKind, MemberStatus, TgUser};

pub(crate) const BOT_ID: i64 = 123_456_789;
pub(crate) const BOT_USERNAME: &str = "jiaxiao_test_bot";
pub(crate) const BOT_FIRST_NAME: &str = "Jiaxiao Test Bot";
/// The user Telegram puts in `from` for anonymous group admins.
pub(crate) const GROUP_ANONYMOUS_BOT_ID: i64 = 1_087_968_824;

pub(crate) fn bot_tg_user() -> TgUser {
    TgUser::new(BOT_ID, BOT_FIRST_NAME).username(BOT_USERNAME)
}

pub(crate) fn user_json(u: &TgUser, is_bot: bool) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(u.id));
    m.insert("is_bot".into(), json!(is_bot));
    m.insert("first_name".into(), json!(u.first_name));
    if let Some(v) = &u.last_name {
        m.insert("last_name".into(), json!(v));
    }
    if let Some(v) = &u.username {
        m.insert("username".into(), json!(v));
    }
    if let Some(v) = &u.language_code {
        m.insert("language_code".into(), json!(v));
    }
    Value::Object(m)
}

pub(crate) fn bot_user_json() -> Value {
    user_json(&bot_tg_user(), true)
}

pub(crate) fn anonymous_admin_json() -> Value {
    json!({
        "id": GROUP_ANONYMOUS_BOT_ID,
        "is_bot": true,
        "first_name": "Group",
        "username": "GroupAnonymousBot"
    })
}

/// `getMe`.
pub(crate) fn me_json() -> Value {
    let mut v = bot_user_json();
    let m = v.as_object_mut().expect("object");
    m.insert("can_join_groups".into(), json!(true));
    m.insert("can_read_all_group_messages".into(), json!(false));
    m.insert("supports_inline_queries".into(), json!(false));
    m.insert("can_connect_to_business".into(), json!(false));
    m.insert("has_main_web_app".into(), json!(false));
    v
}

/// A `Chat` object. For private chats `user` names the other party.
pub(crate) fn chat_json(id: i64, kind: ChatKind, title: Option<&str>, user: Option<&TgUser>) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(id));
    m.insert("type".into(), json!(kind.as_str()));
    match kind {
        ChatKind::Private => {
            let first = user.map(|u| u.first_name.clone()).unwrap_or_else(|| format!("User {id}"));
            m.insert("first_name".into(), json!(first));
            if let Some(u) = user {
                if let Some(v) = &u.last_name {
                    m.insert("last_name".into(), json!(v));
                }
                if let Some(v) = &u.username {
                    m.insert("username".into(), json!(v));
                }
            }
        }
        ChatKind::Group | ChatKind::Supergroup => {
            let title = title.map(str::to_owned).unwrap_or_else(|| format!("Chat {id}"));
            m.insert("title".into(), json!(title));
        }
    }
    Value::Object(m)
}

/// A `ChatFullInfo` object (`getChat`), built on [`chat_json`].
pub(crate) fn chat_full_info_json(chat: Value, kind: ChatKind) -> Value {
    let mut v = chat;
    let m = v.as_object_mut().expect("object");
    m.insert(
        "accepted_gift_types".into(),
        json!({
            "unlimited_gifts": false,
            "limited_gifts": false,
            "unique_gifts": false,
            "premium_subscription": false
        }),
    );
    m.insert("max_reaction_count".into(), json!(11));
    m.insert("accent_color_id".into(), json!(0));
    if kind != ChatKind::Private {
        m.insert(
            "permissions".into(),
            json!({
                "can_send_messages": true,
                "can_send_audios": true,
                "can_send_documents": true,
                "can_send_photos": true,
                "can_send_videos": true,
                "can_send_video_notes": true,
                "can_send_voice_notes": true,
                "can_send_polls": true,
                "can_send_other_messages": true,
                "can_add_web_page_previews": true,
                "can_change_info": false,
                "can_invite_users": true,
                "can_pin_messages": false,
                "can_manage_topics": false
            }),
        );
    }
    v
}

/// The permission fields of a restricted `ChatMember`, in Bot API order.
pub(crate) const RESTRICTED_FIELDS: [&str; 14] = [
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
    "can_send_polls",
];

/// A `ChatMember` object. `restriction` holds the permissions and
/// `until_date` set by `restrictChatMember` (absent: everything false,
/// forever); `until_date` also applies to `kicked`.
pub(crate) fn member_json(user: Value, status: &MemberStatus, restriction: Option<&Value>, until_date: i64) -> Value {
    let mut m = Map::new();
    m.insert("user".into(), user);
    m.insert("status".into(), json!(status.as_str()));
    match status {
        MemberStatus::Creator => {
            m.insert("is_anonymous".into(), json!(false));
        }
        MemberStatus::Administrator { can_delete_messages, can_restrict_members } => {
            for (k, v) in [
                ("can_be_edited", false),
                ("is_anonymous", false),
                ("can_manage_chat", true),
                ("can_delete_messages", *can_delete_messages),
                ("can_manage_video_chats", true),
                ("can_restrict_members", *can_restrict_members),
                ("can_promote_members", false),
                ("can_change_info", true),
                ("can_invite_users", true),
                ("can_post_stories", false),
                ("can_edit_stories", false),
                ("can_delete_stories", false),
                ("can_pin_messages", true),
                ("can_manage_topics", false),
            ] {
                m.insert(k.into(), json!(v));
            }
        }
        MemberStatus::Member | MemberStatus::Left => {}
        MemberStatus::Restricted => {
            m.insert("is_member".into(), json!(true));
            for k in RESTRICTED_FIELDS {
                let allowed = restriction.and_then(|r| r.get(k)).and_then(Value::as_bool).unwrap_or(false);
                m.insert(k.into(), json!(allowed));
            }
            m.insert("until_date".into(), json!(until_date));
        }
        MemberStatus::Kicked => {
            m.insert("until_date".into(), json!(until_date));
        }
    }
    Value::Object(m)
}

/// Is a `permissions` object (as `restrictChatMember` receives it) a full
/// lifting of restrictions? Telegram then makes the user a plain member.
pub(crate) fn permissions_allow_everything_to_send(p: &Value) -> bool {
    RESTRICTED_FIELDS
        .iter()
        .filter(|k| k.starts_with("can_send") || **k == "can_add_web_page_previews")
        .all(|k| p.get(*k).and_then(Value::as_bool) == Some(true))
}

/// A Telegram-looking file id for fake media.
pub(crate) fn fake_file_id(seed: u64) -> (String, String) {
    (format!("AgACAgUAAxkBAAI{seed:012x}standin"), format!("AQAD{seed:08x}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::types::{Chat, ChatFullInfo, ChatMember, Me, User};

    #[test]
    fn me_parses() {
        let me: Me = serde_json::from_value(me_json()).unwrap();
        assert_eq!(me.user.id.0, BOT_ID as u64);
        assert!(me.user.is_bot);
        assert_eq!(me.username(), BOT_USERNAME);
    }

    #[test]
    fn user_parses() {
        let u = TgUser::new(42, "Ann").username("ann").lang("en").last_name("Lee");
        let p: User = serde_json::from_value(user_json(&u, false)).unwrap();
        assert_eq!(p.id.0, 42);
        assert_eq!(p.username.as_deref(), Some("ann"));
        assert_eq!(p.language_code.as_deref(), Some("en"));
    }

    #[test]
    fn chats_parse_with_right_type() {
        let g: Chat = serde_json::from_value(chat_json(-5, ChatKind::Group, Some("G"), None)).unwrap();
        assert!(g.is_group());
        assert_eq!(g.title(), Some("G"));
        let s: Chat = serde_json::from_value(chat_json(-1005, ChatKind::Supergroup, Some("S"), None)).unwrap();
        assert!(s.is_supergroup());
        let u = TgUser::new(7, "Bo").username("bo");
        let p: Chat = serde_json::from_value(chat_json(7, ChatKind::Private, None, Some(&u))).unwrap();
        assert!(p.is_private());
        assert_eq!(p.username(), Some("bo"));
    }

    #[test]
    fn full_info_parses() {
        for kind in [ChatKind::Group, ChatKind::Supergroup, ChatKind::Private] {
            let c = chat_full_info_json(chat_json(-9, kind, Some("T"), None), kind);
            let full: ChatFullInfo = serde_json::from_value(c).unwrap();
            assert_eq!(full.is_private(), kind == ChatKind::Private);
            assert_eq!(full.is_supergroup(), kind == ChatKind::Supergroup);
            assert_eq!(full.is_group(), kind == ChatKind::Group);
        }
    }

    #[test]
    fn every_member_status_parses() {
        let u = user_json(&TgUser::new(3, "C"), false);
        let cases = [
            MemberStatus::Creator,
            MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: false },
            MemberStatus::Member,
            MemberStatus::Restricted,
            MemberStatus::Left,
            MemberStatus::Kicked,
        ];
        for st in cases {
            let m: ChatMember = serde_json::from_value(member_json(u.clone(), &st, None, 0)).unwrap();
            match st {
                MemberStatus::Creator => assert!(m.kind.is_owner()),
                MemberStatus::Administrator { .. } => {
                    assert!(m.kind.is_administrator());
                    assert!(m.kind.can_delete_messages());
                    assert!(!m.kind.can_restrict_members());
                }
                MemberStatus::Member => assert!(m.kind.is_member()),
                MemberStatus::Restricted => {
                    assert!(m.kind.is_restricted());
                    assert!(m.kind.is_present());
                }
                MemberStatus::Left => assert!(m.kind.is_left()),
                MemberStatus::Kicked => assert!(m.kind.is_banned()),
            }
        }
    }

    #[test]
    fn full_permissions_lift_restrictions() {
        let all: Value = RESTRICTED_FIELDS.iter().map(|k| (k.to_string(), json!(true))).collect::<Map<_, _>>().into();
        assert!(permissions_allow_everything_to_send(&all));
        assert!(!permissions_allow_everything_to_send(&json!({"can_send_messages": false})));
    }
}

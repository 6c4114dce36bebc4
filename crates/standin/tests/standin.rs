//! Drives a real `teloxide::Bot` through every method the stand-in answers
//! and checks that teloxide 0.17 parses each answer into the right type.

use std::time::{Duration, Instant};

use jiaxiao_standin::{Event, FloodLimits, MemberStatus, StandIn, TgChat, TgUser};
use serde_json::{Value, json};
use teloxide::prelude::*;
use teloxide::types::{
    AllowedUpdate, BotCommand, CallbackQueryId, ChatMemberKind, ChatPermissions, InlineKeyboardButton,
    InlineKeyboardMarkup, MaybeInaccessibleMessage, MessageId, MessageKind, MessageOrigin, ReplyParameters, UpdateKind,
};
use teloxide::{ApiError, RequestError};

const SEC5: Duration = Duration::from_secs(5);

async fn setup() -> (StandIn, Bot) {
    let s = StandIn::start().await.expect("start stand-in");
    let bot = Bot::new(StandIn::TOKEN).set_api_url(s.api_url());
    (s, bot)
}

fn parent() -> TgUser {
    TgUser::new(1001, "Mei").last_name("Chen").username("mei_c").lang("zh-hans")
}

fn class() -> TgChat {
    TgChat::group(-4001, "Class 3B parents")
}

fn supergroup() -> TgChat {
    TgChat::supergroup(-1_001_234_567_890, "Grade 3 parents")
}

fn keyboard(data: &str) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[InlineKeyboardButton::callback("OK", data)]])
}

/// Fetches everything pending and confirms it.
async fn drain(bot: &Bot) -> Vec<Update> {
    let ups = bot.get_updates().timeout(0).await.expect("getUpdates");
    if let Some(last) = ups.last() {
        bot.get_updates().offset(last.id.0 as i32 + 1).timeout(0).await.expect("confirm");
    }
    ups
}

#[tokio::test]
async fn api_url_paths_token_and_method_names() {
    let (s, bot) = setup().await;
    let url = s.api_url();
    assert_eq!(url.path(), "/");
    assert!(url.as_str().starts_with("http://127.0.0.1:"));

    let me = bot.get_me().await.expect("getMe parses as Me");
    assert_eq!(me.user.id, UserId(123_456_789));
    assert!(me.user.is_bot);
    assert_eq!(me.username(), "jiaxiao_test_bot");
    assert_eq!(s.bot_user().id, 123_456_789);
    // teloxide sends PascalCase; the call is recorded under the canonical name
    let calls = s.calls_to("getme");
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].method, "getMe");
    assert!(calls[0].ok());

    // wrong token
    let wrong = Bot::new("1:wrong").set_api_url(s.api_url());
    match wrong.get_me().await {
        Err(RequestError::Api(ApiError::InvalidToken)) => {}
        other => panic!("expected InvalidToken, got {other:?}"),
    }

    // raw HTTP: status codes, GET with query params, form bodies
    let http = reqwest::Client::new();
    let base = format!("{}bot{}", s.api_url(), StandIn::TOKEN);
    let r = http.get(format!("{}bot1:wrong/getMe", s.api_url())).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body, json!({"ok": false, "error_code": 401, "description": "Unauthorized"}));

    let r = http.post(format!("{base}/sendTelepathy")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error_code"], 404);
    assert_eq!(body["ok"], false);

    let r = http.get(format!("{base}/GETME")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);

    let r = http.get(format!("{base}/sendMessage?chat_id=-4001&text=from%20query")).send().await.unwrap();
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["ok"], true);
    assert_eq!(body["result"]["text"], "from query");

    let r = http
        .post(format!("{base}/sendmessage"))
        .form(&[
            ("chat_id", "-4001"),
            ("text", "from form"),
            ("reply_markup", r#"{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}"#),
        ])
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["result"]["text"], "from form");
    assert_eq!(body["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"], "a");
    assert_eq!(s.sent_texts(-4001), vec!["from query", "from form"]);
    assert_eq!(s.calls_to("sendTelepathy").len(), 1);
    s.shutdown();
}

#[tokio::test]
async fn send_edit_delete_messages() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    s.add_bot(&c, &u);
    let user_msg = s.send_text(&c, &u, "hello bot");

    let m = bot
        .send_message(ChatId(c.id), "notice: trip on Friday")
        .reply_parameters(ReplyParameters::new(MessageId(user_msg)))
        .reply_markup(keyboard("ack"))
        .await
        .expect("sendMessage parses as Message");
    assert_eq!(m.text(), Some("notice: trip on Friday"));
    assert!(m.chat.is_group());
    assert_eq!(m.chat.title(), Some("Class 3B parents"));
    assert_eq!(m.from.as_ref().map(|f| f.id), Some(UserId(123_456_789)));
    assert!(matches!(m.kind, MessageKind::Common(_)));
    assert!(m.entities().is_none_or(|e| e.is_empty()));
    let replied = m.reply_to_message().expect("reply_to_message");
    assert_eq!(replied.id, MessageId(user_msg));
    assert_eq!(replied.text(), Some("hello bot"));
    assert_eq!(replied.from.as_ref().unwrap().id, UserId(1001));
    assert_eq!(m.reply_markup(), Some(&keyboard("ack")));
    assert_eq!(m.id, MessageId(user_msg + 1), "message ids increase per chat");

    // older reply_to_message_id parameter through raw JSON
    let http = reqwest::Client::new();
    let r: Value = http
        .post(format!("{}bot{}/sendMessage", s.api_url(), StandIn::TOKEN))
        .json(&json!({"chat_id": c.id, "text": "second", "reply_to_message_id": m.id.0}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["result"]["reply_to_message"]["message_id"], m.id.0);
    let second = MessageId(r["result"]["message_id"].as_i64().unwrap() as i32);

    // edit text, keeping the keyboard
    let e = bot
        .edit_message_text(ChatId(c.id), m.id, "notice: trip on Saturday")
        .reply_markup(keyboard("ack"))
        .await
        .expect("editMessageText parses");
    assert_eq!(e.text(), Some("notice: trip on Saturday"));
    assert!(e.edit_date().is_some());
    assert_eq!(e.reply_markup(), Some(&keyboard("ack")));

    // identical edit
    let same =
        bot.edit_message_text(ChatId(c.id), m.id, "notice: trip on Saturday").reply_markup(keyboard("ack")).await;
    assert!(matches!(same, Err(RequestError::Api(ApiError::MessageNotModified))), "{same:?}");

    // markup only
    let e = bot
        .edit_message_reply_markup(ChatId(c.id), m.id)
        .reply_markup(keyboard("done"))
        .await
        .expect("editMessageReplyMarkup parses");
    assert_eq!(e.reply_markup(), Some(&keyboard("done")));
    let same = bot.edit_message_reply_markup(ChatId(c.id), m.id).reply_markup(keyboard("done")).await;
    assert!(matches!(same, Err(RequestError::Api(ApiError::MessageNotModified))));
    let stored = s.message(c.id, m.id.0).unwrap();
    assert!(stored.edited && stored.from_bot && !stored.deleted);
    assert_eq!(stored.text.as_deref(), Some("notice: trip on Saturday"));
    assert_eq!(stored.reply_to, Some(user_msg));
    assert_eq!(stored.reply_markup.unwrap()["inline_keyboard"][0][0]["callback_data"], "done");

    // delete, then edit / delete again
    bot.delete_message(ChatId(c.id), second).await.expect("deleteMessage");
    assert_eq!(s.sent_texts(c.id), vec!["notice: trip on Saturday"]);
    let again = bot.delete_message(ChatId(c.id), second).await;
    assert!(matches!(again, Err(RequestError::Api(ApiError::MessageToDeleteNotFound))));
    let edit = bot.edit_message_text(ChatId(c.id), second, "x").await;
    assert!(matches!(edit, Err(RequestError::Api(ApiError::MessageToEditNotFound))));
    let edit = bot.edit_message_text(ChatId(c.id), MessageId(999), "x").await;
    assert!(matches!(edit, Err(RequestError::Api(ApiError::MessageToEditNotFound))));
    assert!(s.message(c.id, second.0).unwrap().deleted);

    // the bot may delete the user's message (it is an admin by default) ...
    bot.delete_message(ChatId(c.id), MessageId(user_msg)).await.expect("delete user msg");
    // ... but not without the right
    let other = s.send_text(&c, &u, "spam");
    s.set_bot_status(&c, MemberStatus::Member);
    let denied = bot.delete_message(ChatId(c.id), MessageId(other)).await;
    assert!(matches!(denied, Err(RequestError::Api(ApiError::MessageCantBeDeleted))));

    // bulk delete
    let a = bot.send_message(ChatId(c.id), "a").await.unwrap();
    let b = bot.send_message(ChatId(c.id), "b").await.unwrap();
    bot.delete_messages(ChatId(c.id), [a.id, b.id, MessageId(5000)]).await.expect("deleteMessages");
    assert_eq!(s.sent_texts(c.id), vec!["notice: trip on Saturday"]);

    // text checks
    let empty = bot.send_message(ChatId(c.id), "").await;
    assert!(matches!(empty, Err(RequestError::Api(ApiError::MessageTextIsEmpty))));
    let long = bot.send_message(ChatId(c.id), "字".repeat(4097)).await;
    assert!(matches!(long, Err(RequestError::Api(ApiError::MessageIsTooLong))));
    let missing = bot.send_message(ChatId(c.id), "x").reply_parameters(ReplyParameters::new(MessageId(4242))).await;
    assert!(matches!(missing, Err(RequestError::Api(ApiError::MessageToReplyNotFound))));
}

#[tokio::test]
async fn chat_types_from_knowledge_and_id_sign() {
    let (s, bot) = setup().await;
    let sg = supergroup();
    s.send_text(&sg, &parent(), "hi");
    let m = bot.send_message(ChatId(sg.id), "x").await.unwrap();
    assert!(m.chat.is_supergroup());
    assert_eq!(m.chat.title(), Some("Grade 3 parents"));
    // never seen: type from the id
    let m = bot.send_message(ChatId(-1_009_999_999_999), "x").await.unwrap();
    assert!(m.chat.is_supergroup());
    let m = bot.send_message(ChatId(-77), "x").await.unwrap();
    assert!(m.chat.is_group());
    // a TgChat::group with a supergroup-like id stays a group
    let odd = TgChat::group(-1_005_555_555_555, "Old group");
    s.send_text(&odd, &parent(), "hi");
    let m = bot.send_message(ChatId(odd.id), "x").await.unwrap();
    assert!(m.chat.is_group());

    // private chat
    let u = parent();
    let p = TgChat::private(&u);
    let denied = bot.send_message(ChatId(u.id), "hi").await;
    match denied {
        Err(RequestError::Api(ApiError::Unknown(d))) => {
            assert_eq!(d, "Forbidden: bot can't initiate conversation with a user")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.calls_to("sendMessage").last().unwrap().response["error_code"], 403);
    s.send_text(&p, &u, "/start");
    let m = bot.send_message(ChatId(u.id), "welcome").await.expect("started by writing");
    assert!(m.chat.is_private());
    assert_eq!(m.chat.username(), Some("mei_c"));
    assert_eq!(m.chat.first_name(), Some("Mei"));
    s.user_started_bot(&u, false);
    let blocked = bot.send_message(ChatId(u.id), "hi").await;
    assert!(matches!(blocked, Err(RequestError::Api(ApiError::BotBlocked))));
    let other = TgUser::new(2002, "Li");
    s.user_started_bot(&other, true);
    bot.send_message(ChatId(other.id), "hi").await.expect("started");
}

#[tokio::test]
async fn every_update_kind_parses() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    let t0 = 1_767_225_600; // 2026-01-01
    s.set_clock(Some(t0));

    s.add_bot(&c, &u);
    let cmd = s.send_text(&c, &u, "/help@jiaxiao_test_bot now");
    let bot_msg = bot.send_message(ChatId(c.id), "pick one").reply_markup(keyboard("yes")).await.unwrap();
    let reply = s.send_reply(&c, &u, "yes please", bot_msg.id.0);
    let reply_to_user = s.send_reply(&c, &u, "me again", cmd);
    let photo = s.send_caption(&c, &u, "homework page 3");
    let fwd = s.send_forwarded(&c, &u, "forwarded rumour");
    let anon = s.send_as_channel(&c, "from the admins");
    s.edit_text(&c, &u, cmd, "/help edited");
    s.edit_text(&c, &u, photo, "homework page 4");
    let cb = s.press_button(&c, &u, bot_msg.id.0, "yes");
    let newcomer = TgUser::new(3003, "Wang");
    s.member_joined(&c, &newcomer);
    s.set_member_status(&c, &newcomer, MemberStatus::Restricted, true);
    s.remove_bot(&c, &u);
    let raw_id = s.push_update(json!({"something_new": {"x": 1}}));
    let sg = s.migrate_to_supergroup(&TgChat::group(-4002, "Class 4A"), -1_004_002_000_000);

    let ups = bot
        .get_updates()
        .timeout(0)
        .allowed_updates([
            AllowedUpdate::Message,
            AllowedUpdate::EditedMessage,
            AllowedUpdate::CallbackQuery,
            AllowedUpdate::MyChatMember,
            AllowedUpdate::ChatMember,
        ])
        .await
        .expect("getUpdates parses");
    let kinds: Vec<&UpdateKind> = ups.iter().map(|u| &u.kind).collect();
    assert_eq!(ups.len(), 16, "{kinds:#?}");
    let ids: Vec<u32> = ups.iter().map(|u| u.id.0).collect();
    assert!(ids.windows(2).all(|w| w[1] == w[0] + 1));
    assert_eq!(raw_id, i64::from(ups[13].id.0));

    let mut it = ups.iter();
    let mut next = || &it.next().unwrap().kind;

    match next() {
        UpdateKind::MyChatMember(m) => {
            assert_eq!(m.chat.id, ChatId(c.id));
            assert!(m.old_chat_member.kind.is_left());
            assert!(m.new_chat_member.kind.is_member());
            assert_eq!(m.new_chat_member.user.id, UserId(123_456_789));
            assert_eq!(m.from.id, UserId(1001));
            assert_eq!(m.date.timestamp(), t0);
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.id, MessageId(cmd));
            assert_eq!(m.text(), Some("/help@jiaxiao_test_bot now"));
            assert_eq!(m.date.timestamp(), t0);
            let e = &m.entities().unwrap()[0];
            assert_eq!((e.offset, e.length), (0, 22));
            assert_eq!(e.kind, teloxide::types::MessageEntityKind::BotCommand);
            let from = m.from.as_ref().unwrap();
            assert_eq!(from.username.as_deref(), Some("mei_c"));
            assert_eq!(from.language_code.as_deref(), Some("zh-hans"));
            assert_eq!(from.last_name.as_deref(), Some("Chen"));
            assert!(!from.is_bot);
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.id, MessageId(reply));
            let r = m.reply_to_message().expect("embedded bot message");
            assert_eq!(r.id, bot_msg.id);
            assert_eq!(r.text(), Some("pick one"));
            assert!(r.from.as_ref().unwrap().is_bot);
            assert_eq!(r.reply_markup(), Some(&keyboard("yes")));
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.id, MessageId(reply_to_user));
            assert_eq!(m.reply_to_message().unwrap().id, MessageId(cmd));
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.id, MessageId(photo));
            assert_eq!(m.caption(), Some("homework page 3"));
            assert_eq!(m.photo().unwrap().len(), 2);
            assert!(m.text().is_none());
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.id, MessageId(fwd));
            assert_eq!(m.text(), Some("forwarded rumour"));
            match m.forward_origin() {
                Some(MessageOrigin::HiddenUser { sender_user_name, .. }) => {
                    assert!(!sender_user_name.is_empty())
                }
                o => panic!("{o:?}"),
            }
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.id, MessageId(anon));
            assert_eq!(m.sender_chat.as_ref().unwrap().id, ChatId(c.id));
            assert_eq!(m.from.as_ref().unwrap().id, UserId(1_087_968_824));
            assert_eq!(m.text(), Some("from the admins"));
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::EditedMessage(m) => {
            assert_eq!(m.id, MessageId(cmd));
            assert_eq!(m.text(), Some("/help edited"));
            assert!(m.edit_date().is_some());
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::EditedMessage(m) => {
            assert_eq!(m.caption(), Some("homework page 4"));
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::CallbackQuery(q) => {
            assert_eq!(q.id, CallbackQueryId(cb.clone()));
            assert_eq!(q.data.as_deref(), Some("yes"));
            assert_eq!(q.from.id, UserId(1001));
            let msg = q.regular_message().expect("accessible message");
            assert_eq!(msg.id, bot_msg.id);
            assert_eq!(msg.reply_markup(), Some(&keyboard("yes")));
            assert!(!q.chat_instance.is_empty());
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            let members = m.new_chat_members().expect("new_chat_members");
            assert_eq!(members[0].id, UserId(3003));
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::ChatMember(m) => {
            assert_eq!(m.new_chat_member.user.id, UserId(3003));
            assert!(m.old_chat_member.kind.is_member());
            assert!(m.new_chat_member.kind.is_restricted());
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::MyChatMember(m) => {
            assert!(m.old_chat_member.kind.is_member());
            assert!(m.new_chat_member.kind.is_banned());
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Error(v) => assert_eq!(v["something_new"]["x"], 1),
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.chat.id, ChatId(-4002));
            assert!(m.chat.is_group());
            assert_eq!(m.migrate_to_chat_id(), Some(&ChatId(sg.id)));
        }
        k => panic!("{k:?}"),
    }
    match next() {
        UpdateKind::Message(m) => {
            assert_eq!(m.chat.id, ChatId(sg.id));
            assert!(m.chat.is_supergroup());
            assert_eq!(m.migrate_from_chat_id(), Some(&ChatId(-4002)));
        }
        k => panic!("{k:?}"),
    }

    // a button under a deleted message: inaccessible message
    let c2 = supergroup();
    s.add_bot(&c2, &u);
    let m = bot.send_message(ChatId(c2.id), "old").reply_markup(keyboard("z")).await.unwrap();
    bot.delete_message(ChatId(c2.id), m.id).await.unwrap();
    s.press_button(&c2, &u, m.id.0, "z");
    let last = ups.last().unwrap().id.0 as i32;
    let ups = bot.get_updates().offset(last + 1).timeout(0).await.unwrap();
    match &ups.last().unwrap().kind {
        UpdateKind::CallbackQuery(q) => match q.message.as_ref().unwrap() {
            MaybeInaccessibleMessage::Inaccessible(i) => assert_eq!(i.message_id, m.id),
            other => panic!("{other:?}"),
        },
        k => panic!("{k:?}"),
    }
}

#[tokio::test]
async fn long_polling_offset_limit_timeout() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();

    // empty queue, timeout 1: returns after about a second
    let t = Instant::now();
    let ups = bot.get_updates().timeout(1).await.unwrap();
    assert!(ups.is_empty());
    assert!(t.elapsed() >= Duration::from_millis(900), "{:?}", t.elapsed());

    // a waiting poll wakes as soon as an update is pushed
    let poller = {
        let bot = bot.clone();
        tokio::spawn(async move {
            let t = Instant::now();
            let ups = bot.get_updates().timeout(8).await.unwrap();
            (ups, t.elapsed())
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    s.send_text(&c, &u, "wake up");
    let (ups, took) = poller.await.unwrap();
    assert_eq!(ups.len(), 1);
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert!(!s.wait_consumed(Duration::from_millis(50)).await, "not yet confirmed");

    for i in 0..150 {
        s.send_text(&c, &u, &format!("m{i}"));
    }
    let first = ups[0].id.0 as i32;
    // no offset: the unconfirmed one is handed out again
    let again = bot.get_updates().timeout(0).await.unwrap();
    assert_eq!(again.len(), 100, "default limit 100");
    assert_eq!(again[0].id.0 as i32, first);
    let page = bot.get_updates().offset(first + 1).limit(30).timeout(0).await.unwrap();
    assert_eq!(page.len(), 30);
    assert_eq!(page[0].id.0 as i32, first + 1);
    let rest = bot.get_updates().offset(first + 31).timeout(0).await.unwrap();
    assert_eq!(rest.len(), 100);
    let last = rest.last().unwrap().id.0 as i32;
    let rest = bot.get_updates().offset(last + 1).timeout(0).await.unwrap();
    assert_eq!(rest.len(), 20);
    let waiter = {
        let s = s.clone();
        tokio::spawn(async move { s.wait_consumed(SEC5).await })
    };
    let last = rest.last().unwrap().id.0 as i32;
    let none = bot.get_updates().offset(last + 1).timeout(0).await.unwrap();
    assert!(none.is_empty());
    assert!(waiter.await.unwrap());
    assert!(s.wait_consumed(Duration::from_millis(10)).await);
    // getUpdates is not recorded
    assert!(s.calls_to("getUpdates").is_empty());

    // webhook calls teloxide's polling makes
    let info = bot.get_webhook_info().await.expect("getWebhookInfo parses");
    assert!(info.url.is_none());
    bot.delete_webhook().await.expect("deleteWebhook");
}

#[tokio::test]
async fn members_admins_and_chat_info() {
    let (s, bot) = setup().await;
    let sg = supergroup();
    let owner = TgUser::new(1, "Teacher Zhang").username("zhang");
    let admin = TgUser::new(2, "Class rep");
    let member = parent();
    let stranger = TgUser::new(4, "Nobody");
    s.set_member_status(&sg, &owner, MemberStatus::Creator, false);
    s.set_member_status(
        &sg,
        &admin,
        MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: false },
        false,
    );
    s.send_text(&sg, &member, "hi"); // writing makes a member
    s.set_member_status(&sg, &TgUser::new(5, "Gone"), MemberStatus::Left, false);
    s.set_member_status(&sg, &TgUser::new(6, "Banned"), MemberStatus::Kicked, false);
    s.set_member_status(&sg, &TgUser::new(7, "Quiet"), MemberStatus::Restricted, false);
    s.send_text(&class(), &stranger, "elsewhere");

    let get = |id: u64| bot.get_chat_member(ChatId(sg.id), UserId(id));
    let m = get(1).await.expect("creator parses");
    assert!(m.kind.is_owner());
    assert_eq!(m.user.username.as_deref(), Some("zhang"));
    let m = get(2).await.expect("administrator parses");
    assert!(m.kind.is_administrator());
    assert!(m.kind.can_delete_messages());
    assert!(!m.kind.can_restrict_members());
    assert!(get(1001).await.unwrap().kind.is_member());
    assert!(get(4).await.unwrap().kind.is_left(), "known user, not in this chat");
    assert!(get(5).await.unwrap().kind.is_left());
    assert!(get(6).await.unwrap().kind.is_banned());
    let r = get(7).await.expect("restricted parses");
    assert!(matches!(r.kind, ChatMemberKind::Restricted(ref x) if !x.can_send_messages && x.is_member));
    let me = get(123_456_789).await.expect("bot member");
    assert!(me.kind.is_administrator() && me.kind.can_restrict_members() && me.kind.can_delete_messages());
    assert!(matches!(get(999_999).await, Err(RequestError::Api(ApiError::UserNotFound))));

    let admins = bot.get_chat_administrators(ChatId(sg.id)).await.expect("admins parse");
    let ids: Vec<u64> = admins.iter().map(|m| m.user.id.0).collect();
    assert_eq!(ids, vec![1, 2, 123_456_789]);
    assert!(admins[0].kind.is_owner());

    s.set_bot_status(&sg, MemberStatus::Member);
    let admins = bot.get_chat_administrators(ChatId(sg.id)).await.unwrap();
    assert_eq!(admins.len(), 2);
    assert!(get(123_456_789).await.unwrap().kind.is_member());
    let count = bot.get_chat_member_count(ChatId(sg.id)).await.expect("count");
    assert_eq!(count, 5); // owner, admin, parent, restricted, bot

    let full = bot.get_chat(ChatId(sg.id)).await.expect("ChatFullInfo supergroup");
    assert!(full.is_supergroup());
    assert_eq!(full.title(), Some("Grade 3 parents"));
    let full = bot.get_chat(ChatId(class().id)).await.expect("ChatFullInfo group");
    assert!(full.is_group());
    assert_eq!(full.title(), Some("Class 3B parents"));
    let full = bot.get_chat(ChatId(1001)).await.expect("ChatFullInfo private");
    assert!(full.is_private());
    assert_eq!(full.username(), Some("mei_c"));
    assert!(matches!(bot.get_chat(ChatId(31337)).await, Err(RequestError::Api(ApiError::ChatNotFound))));
}

#[tokio::test]
async fn commands_pins_moderation_and_leaving() {
    let (s, bot) = setup().await;
    let sg = supergroup();
    let u = parent();
    s.add_bot(&sg, &u);

    let cmds = vec![BotCommand::new("help", "How to use the bot"), BotCommand::new("notice", "Post a notice")];
    bot.set_my_commands(cmds.clone()).await.expect("setMyCommands");
    assert_eq!(bot.get_my_commands().await.expect("getMyCommands"), cmds);
    let zh = vec![BotCommand::new("help", "帮助")];
    bot.set_my_commands(zh.clone()).language_code("zh").await.unwrap();
    assert_eq!(bot.get_my_commands().language_code("zh").await.unwrap(), zh);
    bot.delete_my_commands().await.expect("deleteMyCommands");
    assert!(bot.get_my_commands().await.unwrap().is_empty());
    let bad = bot.set_my_commands([BotCommand::new("Bad-Name", "x")]).await;
    assert!(bad.is_err());

    let m = bot.send_message(ChatId(sg.id), "pin me").await.unwrap();
    bot.pin_chat_message(ChatId(sg.id), m.id).await.expect("pinChatMessage");
    assert!(s.message(sg.id, m.id.0).unwrap().pinned);
    bot.unpin_chat_message(ChatId(sg.id)).await.expect("unpinChatMessage");
    assert!(!s.message(sg.id, m.id.0).unwrap().pinned);
    bot.pin_chat_message(ChatId(sg.id), m.id).await.unwrap();
    bot.unpin_chat_message(ChatId(sg.id)).message_id(m.id).await.unwrap();
    bot.unpin_all_chat_messages(ChatId(sg.id)).await.expect("unpinAll");

    s.send_text(&sg, &u, "buy my stuff");
    bot.restrict_chat_member(ChatId(sg.id), UserId(1001), ChatPermissions::empty()).await.expect("restrictChatMember");
    let m = bot.get_chat_member(ChatId(sg.id), UserId(1001)).await.unwrap();
    assert!(m.kind.is_restricted());
    let call = s.calls_to("restrictChatMember").pop().unwrap();
    assert_eq!(call.params["user_id"], 1001);
    bot.restrict_chat_member(ChatId(sg.id), UserId(1001), ChatPermissions::all()).await.unwrap();
    assert!(bot.get_chat_member(ChatId(sg.id), UserId(1001)).await.unwrap().kind.is_member());
    bot.ban_chat_member(ChatId(sg.id), UserId(1001)).await.expect("banChatMember");
    assert!(bot.get_chat_member(ChatId(sg.id), UserId(1001)).await.unwrap().kind.is_banned());
    bot.unban_chat_member(ChatId(sg.id), UserId(1001)).await.expect("unban");
    assert!(bot.get_chat_member(ChatId(sg.id), UserId(1001)).await.unwrap().kind.is_left());

    // basic groups: no restrict, but ban works
    let g = class();
    s.add_bot(&g, &u);
    s.send_text(&g, &u, "hi");
    let r = bot.restrict_chat_member(ChatId(g.id), UserId(1001), ChatPermissions::empty()).await;
    match r {
        Err(RequestError::Api(ApiError::Unknown(d))) => {
            assert_eq!(d, "Bad Request: method is available only for supergroups")
        }
        other => panic!("{other:?}"),
    }
    bot.ban_chat_member(ChatId(g.id), UserId(1001)).await.unwrap();
    // without rights
    s.set_bot_status(&g, MemberStatus::Member);
    let r = bot.ban_chat_member(ChatId(g.id), UserId(1001)).await;
    assert!(matches!(r, Err(RequestError::Api(ApiError::NotEnoughRightsToRestrict))));
    let r = bot.pin_chat_message(ChatId(g.id), MessageId(1)).await;
    assert!(matches!(r, Err(RequestError::Api(ApiError::NotEnoughRightsToManagePins))));

    // leaving: an update, then 403
    drain(&bot).await;
    bot.leave_chat(ChatId(sg.id)).await.expect("leaveChat");
    let ups = drain(&bot).await;
    match &ups[0].kind {
        UpdateKind::MyChatMember(m) => {
            assert!(m.new_chat_member.kind.is_left());
            assert!(m.from.is_bot);
        }
        k => panic!("{k:?}"),
    }
    let r = bot.send_message(ChatId(sg.id), "still here?").await;
    match r {
        Err(RequestError::Api(ApiError::Unknown(d))) => {
            assert_eq!(d, "Forbidden: bot is not a member of the supergroup chat")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn copy_forward_and_callbacks() {
    let (s, bot) = setup().await;
    let c = class();
    let sg = supergroup();
    let u = parent();
    let orig = s.send_text(&c, &u, "original text");
    let photo = s.send_caption(&c, &u, "a photo");

    let id =
        bot.copy_message(ChatId(sg.id), ChatId(c.id), MessageId(orig)).await.expect("copyMessage parses as MessageId");
    let copied = s.message(sg.id, id.0).unwrap();
    assert!(copied.from_bot);
    assert_eq!(copied.text.as_deref(), Some("original text"));
    let id = bot.copy_message(ChatId(sg.id), ChatId(c.id), MessageId(photo)).caption("new caption").await.unwrap();
    assert_eq!(s.message(sg.id, id.0).unwrap().caption.as_deref(), Some("new caption"));

    let f = bot.forward_message(ChatId(sg.id), ChatId(c.id), MessageId(orig)).await.expect("forwardMessage parses");
    assert_eq!(f.text(), Some("original text"));
    match f.forward_origin() {
        Some(MessageOrigin::User { sender_user, .. }) => assert_eq!(sender_user.id, UserId(1001)),
        o => panic!("{o:?}"),
    }
    let missing = bot.forward_message(ChatId(sg.id), ChatId(c.id), MessageId(999)).await;
    assert!(matches!(missing, Err(RequestError::Api(ApiError::MessageToForwardNotFound))));
    assert_eq!(s.sent_texts(sg.id), vec!["original text", "new caption", "original text"]);

    let m = bot.send_message(ChatId(c.id), "vote").reply_markup(keyboard("v")).await.unwrap();
    let cb = s.press_button(&c, &u, m.id.0, "v");
    bot.answer_callback_query(CallbackQueryId(cb.clone())).text("thanks").await.expect("answerCallbackQuery");
    let twice = bot.answer_callback_query(CallbackQueryId(cb)).await;
    assert!(matches!(twice, Err(RequestError::Api(ApiError::InvalidQueryId))));
    // raw callback queries pushed by tests can be answered too
    s.push_update(json!({"callback_query": {
        "id": "raw-cb-1",
        "from": {"id": 1001, "is_bot": false, "first_name": "Mei"},
        "chat_instance": "1",
        "data": "x"
    }}));
    bot.answer_callback_query(CallbackQueryId("raw-cb-1".into())).await.unwrap();
    let call = s.calls_to("answerCallbackQuery")[0].clone();
    assert_eq!(call.params["text"], "thanks");

    bot.send_chat_action(ChatId(c.id), teloxide::types::ChatAction::Typing).await.expect("sendChatAction");
}

#[tokio::test]
async fn errors_kicked_migrated_injected_and_flood() {
    let (s, bot) = setup().await;
    let u = parent();
    let g = class();
    let sg = supergroup();
    s.add_bot(&g, &u);
    s.add_bot(&sg, &u);
    s.remove_bot(&g, &u);
    s.remove_bot(&sg, &u);
    match bot.send_message(ChatId(g.id), "x").await {
        Err(RequestError::Api(ApiError::Unknown(d))) => {
            assert_eq!(d, "Forbidden: bot was kicked from the group chat")
        }
        other => panic!("{other:?}"),
    }
    let r = bot.send_message(ChatId(sg.id), "x").await;
    assert!(matches!(r, Err(RequestError::Api(ApiError::BotKickedFromSupergroup))));
    let call = s.calls_to("sendmessage").pop().unwrap();
    assert_eq!(call.response["error_code"], 403);
    assert!(!call.ok());
    s.add_bot(&g, &u);
    bot.send_message(ChatId(g.id), "back").await.expect("re-added");

    let new_chat = s.migrate_to_supergroup(&g, -1_004_001_000_000);
    let r = bot.send_message(ChatId(g.id), "x").await;
    assert!(matches!(r, Err(RequestError::MigrateToChatId(ChatId(-1_004_001_000_000)))), "{r:?}");
    let m = bot.send_message(ChatId(new_chat.id), "moved").await.unwrap();
    assert!(m.chat.is_supergroup());
    assert_eq!(m.chat.title(), Some("Class 3B parents"));
    // members and the bot's rights moved along
    assert!(bot.get_chat_member(ChatId(new_chat.id), UserId(1001)).await.unwrap().kind.is_member());

    // injected failures, queued per method, any case
    s.fail_next("SendMessage", 429, "Too Many Requests: retry after 7", Some(7));
    s.fail_next("sendMessage", 400, "Bad Request: chat not found", None);
    match bot.send_message(ChatId(new_chat.id), "x").await {
        Err(RequestError::RetryAfter(secs)) => assert_eq!(secs.seconds(), 7),
        other => panic!("{other:?}"),
    }
    let r = bot.send_message(ChatId(new_chat.id), "x").await;
    assert!(matches!(r, Err(RequestError::Api(ApiError::ChatNotFound))));
    bot.send_message(ChatId(new_chat.id), "x").await.expect("third goes through");
    s.fail_next(
        "getUpdates",
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        None,
    );
    let r = bot.get_updates().await;
    assert!(matches!(r, Err(RequestError::Api(ApiError::TerminatedByOtherGetUpdates))));

    // flood control
    let p = TgChat::private(&u);
    s.user_started_bot(&u, true);
    s.set_flood_limits(Some(FloodLimits::default()));
    s.freeze_flood_clock(true); // the two sends fall in one second however slow the machine
    bot.send_message(ChatId(p.id), "1").await.unwrap();
    match bot.send_message(ChatId(p.id), "2").await {
        Err(RequestError::RetryAfter(secs)) => assert_eq!(secs.seconds(), 1),
        other => panic!("{other:?}"),
    }
    let call = s.calls_to("sendMessage").pop().unwrap();
    assert_eq!(call.response["error_code"], 429);
    assert_eq!(call.response["description"], "Too Many Requests: retry after 1");
    assert_eq!(call.response["parameters"]["retry_after"], 1);
    assert_eq!(s.flood_violations(), 1);
    let limits = FloodLimits { per_group_per_min: 3, ..Default::default() };
    s.set_flood_limits(Some(limits));
    for i in 0..3 {
        bot.send_message(ChatId(new_chat.id), format!("g{i}")).await.unwrap();
    }
    match bot.send_message(ChatId(new_chat.id), "g3").await {
        Err(RequestError::RetryAfter(secs)) => assert!((59..=60).contains(&secs.seconds())),
        other => panic!("{other:?}"),
    }
    // edits count against the same per-group window
    match bot.edit_message_text(ChatId(new_chat.id), m.id, "edited").await {
        Err(RequestError::RetryAfter(secs)) => assert!((59..=60).contains(&secs.seconds())),
        other => panic!("{other:?}"),
    }
    assert_eq!(s.flood_violations(), 3);
    assert_eq!(s.message(new_chat.id, m.id.0).unwrap().text.as_deref(), Some("moved"), "refused edit not applied");
    s.set_flood_limits(None);
    bot.edit_message_text(ChatId(new_chat.id), m.id, "edited").await.unwrap();
    bot.send_message(ChatId(new_chat.id), "free").await.unwrap();
}

#[tokio::test]
async fn wait_for_subscribe_and_clock() {
    let (s, bot) = setup().await;
    let c = class();
    let mut events = s.subscribe();
    s.set_clock(Some(1_800_000_000));
    s.send_text(&c, &parent(), "hi");
    bot.send_message(ChatId(c.id), "past").await.unwrap();
    // a past call
    let past = s.wait_for("SENDMESSAGE", |c| c.text() == Some("past"), SEC5).await.expect("past call found");
    assert_eq!(past.method, "sendMessage");
    assert_eq!(past.chat_id(), Some(c.id));
    assert_eq!(past.result().unwrap()["date"], 1_800_000_000i64);
    // a future call
    let fut = {
        let s = s.clone();
        tokio::spawn(async move { s.wait_for("sendMessage", |c| c.text() == Some("future"), SEC5).await })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    bot.send_message(ChatId(c.id), "future").await.unwrap();
    let got = fut.await.unwrap().expect("future call found");
    assert!(got.seq > past.seq);
    // never
    let t = Instant::now();
    assert!(s.wait_for("sendMessage", |c| c.text() == Some("never"), Duration::from_millis(200)).await.is_none());
    assert!(t.elapsed() >= Duration::from_millis(190));

    match events.recv().await.unwrap() {
        Event::Update(u) => assert_eq!(u["message"]["text"], "hi"),
        e => panic!("{e:?}"),
    }
    match events.recv().await.unwrap() {
        Event::Call(c) => {
            assert_eq!(c.method, "sendMessage");
            assert_eq!(c.response["result"]["text"], "past");
        }
        e => panic!("{e:?}"),
    }
    let calls = s.calls();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls.iter().map(|c| c.seq).collect::<Vec<_>>(), vec![1, 2]);
}

#[tokio::test]
async fn dispatcher_long_polling_end_to_end() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        if let Some(text) = msg.text() {
            bot.send_message(msg.chat.id, format!("echo: {text}"))
                .reply_parameters(ReplyParameters::new(msg.id))
                .await?;
        }
        respond(())
    });
    let mut dispatcher = Dispatcher::builder(bot.clone(), handler).build();
    let token = dispatcher.shutdown_token();
    let task = tokio::spawn(async move { dispatcher.dispatch().await });

    let sent = s.send_text(&c, &u, "ping");
    let call = s
        .wait_for("sendMessage", |c| c.text() == Some("echo: ping"), Duration::from_secs(15))
        .await
        .expect("the handler replied");
    assert!(call.ok());
    assert_eq!(call.chat_id(), Some(c.id));
    assert_eq!(call.params["reply_parameters"]["message_id"], sent);
    assert!(s.wait_consumed(SEC5).await);
    assert_eq!(s.sent_texts(c.id), vec!["echo: ping"]);

    // a second one, while the dispatcher long-polls
    s.send_text(&c, &u, "pong");
    s.wait_for("sendMessage", |c| c.text() == Some("echo: pong"), SEC5).await.expect("second reply");

    // stop: wake the long poll so shutdown is quick
    let stopping = token.shutdown().expect("dispatcher running");
    s.shutdown();
    tokio::time::timeout(Duration::from_secs(15), stopping).await.expect("dispatcher stopped");
    let _ = task.await;
}

#[tokio::test]
async fn shutdown_stops_serving() {
    let (s, bot) = setup().await;
    bot.get_me().await.unwrap();
    let poll = {
        let bot = bot.clone();
        tokio::spawn(async move { bot.get_updates().timeout(30).await })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let t = Instant::now();
    s.shutdown();
    let r = tokio::time::timeout(SEC5, poll).await.expect("long poll answered").unwrap();
    assert!(r.unwrap().is_empty());
    assert!(t.elapsed() < Duration::from_secs(3));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let fresh = Bot::new(StandIn::TOKEN).set_api_url(s.api_url());
    assert!(fresh.get_me().await.is_err(), "no longer serving");
}

#[tokio::test]
async fn delivery_rules_allowed_updates_privacy_and_absence() {
    let (s, bot) = setup().await;
    let g = class();
    let u = parent();
    let other = TgUser::new(3003, "Wang");

    // chat_member is opt-in
    s.set_member_status(&g, &other, MemberStatus::Member, true);
    s.send_text(&g, &u, "after");
    let ups = drain(&bot).await;
    assert_eq!(ups.len(), 1);
    assert!(matches!(ups[0].kind, UpdateKind::Message(_)));
    assert!(s.wait_consumed(SEC5).await);
    s.set_member_status(&g, &other, MemberStatus::Restricted, true);
    let ups = bot.get_updates().allowed_updates([AllowedUpdate::ChatMember]).timeout(0).await.unwrap();
    assert!(matches!(ups[0].kind, UpdateKind::ChatMember(_)));
    drain(&bot).await;
    // only what was asked for: a message is now dropped ...
    s.send_text(&g, &u, "dropped");
    assert!(drain(&bot).await.is_empty());
    // ... until the default is restored with an empty list
    bot.get_updates().allowed_updates([]).timeout(0).await.unwrap();
    s.send_text(&g, &u, "seen");
    assert_eq!(drain(&bot).await.len(), 1);

    // privacy mode without admin rights
    s.set_bot_status(&g, MemberStatus::Member);
    let bot_msg = bot.send_message(ChatId(g.id), "question").await.unwrap();
    let chatter = s.send_text(&g, &u, "plain chatter");
    s.send_text(&g, &u, "/help");
    s.send_text(&g, &u, "/help@some_other_bot");
    s.send_text(&g, &u, "hey @Jiaxiao_Test_Bot look");
    s.send_reply(&g, &u, "answer", bot_msg.id.0);
    s.member_joined(&g, &other);
    let texts: Vec<Option<String>> = drain(&bot)
        .await
        .iter()
        .map(|up| match &up.kind {
            UpdateKind::Message(m) => m.text().map(str::to_owned),
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        vec![
            Some("/help".to_owned()),
            Some("hey @Jiaxiao_Test_Bot look".to_owned()),
            Some("answer".to_owned()),
            None, // new_chat_members
        ]
    );
    // stored all the same
    assert_eq!(s.message(g.id, chatter).unwrap().text.as_deref(), Some("plain chatter"));
    s.set_privacy_mode(false);
    s.send_text(&g, &u, "plain again");
    assert_eq!(drain(&bot).await.len(), 1);

    // a removed bot hears nothing from the group but its own removal
    s.remove_bot(&g, &u);
    s.send_text(&g, &u, "/help");
    let ups = drain(&bot).await;
    assert_eq!(ups.len(), 1);
    assert!(matches!(ups[0].kind, UpdateKind::MyChatMember(_)));
}

/// The benchmark pushes 50,000 updates through the stand-in: pushing,
/// handing out in pages of 100 and answering sends must stay cheap.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_thousand_updates() {
    let (s, bot) = setup().await;
    let g = supergroup();
    let u = parent();
    let t = Instant::now();
    for i in 0..50_000 {
        s.send_text(&g, &u, &format!("message {i}"));
    }
    let pushed = t.elapsed();
    let t = Instant::now();
    let mut offset = 0;
    let mut seen = 0;
    loop {
        let ups = bot.get_updates().offset(offset).timeout(0).await.unwrap();
        if ups.is_empty() {
            break;
        }
        assert!(ups.len() <= 100);
        seen += ups.len();
        offset = ups.last().unwrap().id.0 as i32 + 1;
    }
    assert_eq!(seen, 50_000);
    assert!(s.wait_consumed(SEC5).await);
    let drained = t.elapsed();
    let t = Instant::now();
    for i in 0..2_000 {
        bot.send_message(ChatId(g.id), format!("reply {i}")).await.unwrap();
    }
    let sent = t.elapsed();
    eprintln!("push 50k: {pushed:?}, drain: {drained:?}, 2k sends: {sent:?}");
    assert_eq!(s.calls_to("sendMessage").len(), 2_000);
    assert!(pushed + drained < Duration::from_secs(60));
}

// ---------------------------------------------------------------- flood: paid broadcasts and edits

fn retry_after<T: std::fmt::Debug>(r: Result<T, RequestError>) -> u32 {
    match r {
        Err(RequestError::RetryAfter(secs)) => secs.seconds(),
        other => panic!("expected 429, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paid_broadcasts_have_their_own_overall_limit_but_keep_per_chat_limits() {
    let (s, bot) = setup().await;
    s.set_flood_limits(Some(FloodLimits::default()));
    assert_eq!(FloodLimits::default().paid_per_sec, 1000);
    // However long the test takes, the sends below count as made in one instant.
    s.freeze_flood_clock(true);

    // 1000 paid sends to 1000 groups in the same second pass ...
    for i in 0..1000 {
        bot.send_message(ChatId(-50_000 - i), "paid").allow_paid_broadcast(true).await.expect("within 1000/s");
    }
    assert_eq!(s.paid_sends(), 1000);
    assert_eq!(s.flood_violations(), 0);
    // ... the 1001st does not
    assert_eq!(retry_after(bot.send_message(ChatId(-60_000), "paid").allow_paid_broadcast(true).await), 1);
    let refused = s.calls_to("sendMessage").pop().unwrap();
    assert_eq!(refused.response["error_code"], 429);
    assert_eq!(refused.params["allow_paid_broadcast"], true);
    assert_eq!(s.paid_sends(), 1000, "refused paid sends are not counted");
    // copyMessage can be a paid broadcast too
    let src = s.send_text(&class(), &parent(), "copy me");
    let r = bot.copy_message(ChatId(-60_001), ChatId(class().id), MessageId(src)).allow_paid_broadcast(true).await;
    assert_eq!(retry_after(r), 1);

    // Free sends have their own 30/s, untouched by the paid ones.
    for i in 0..30 {
        bot.send_message(ChatId(-70_000 - i), "free").await.expect("within 30/s");
    }
    assert_eq!(retry_after(bot.send_message(ChatId(-70_100), "free").await), 1);
    assert_eq!(s.flood_violations(), 3);

    // A second later both windows have room again.
    s.advance_flood_clock(Duration::from_secs(1));
    bot.send_message(ChatId(-60_000), "paid").allow_paid_broadcast(true).await.expect("next second");
    bot.copy_message(ChatId(-60_001), ChatId(class().id), MessageId(src))
        .allow_paid_broadcast(true)
        .await
        .expect("next second");
    bot.send_message(ChatId(-70_100), "free").await.expect("next second");
    assert_eq!(s.paid_sends(), 1002);

    // Paying does not lift the per-group limit: 20 a minute.
    let g = ChatId(-80_000);
    for i in 0..20 {
        bot.send_message(g, format!("free {i}")).await.expect("within 20/min");
    }
    s.advance_flood_clock(Duration::from_secs(1));
    assert_eq!(retry_after(bot.send_message(g, "paid").allow_paid_broadcast(true).await), 59);
    s.advance_flood_clock(Duration::from_secs(59));
    bot.send_message(g, "paid").allow_paid_broadcast(true).await.expect("a minute later");
    // nor the per-private-chat one: 1 a second
    let u = parent();
    s.user_started_bot(&u, true);
    bot.send_message(ChatId(u.id), "one").allow_paid_broadcast(true).await.unwrap();
    assert_eq!(retry_after(bot.send_message(ChatId(u.id), "two").allow_paid_broadcast(true).await), 1);
    assert_eq!(s.paid_sends(), 1004);
    assert_eq!(s.flood_violations(), 5);

    // paid sends are counted with flood control off as well
    s.set_flood_limits(None);
    bot.send_message(ChatId(u.id), "two").allow_paid_broadcast(true).await.unwrap();
    assert_eq!(s.paid_sends(), 1005);
    s.freeze_flood_clock(false);
}

#[tokio::test]
async fn edits_count_against_the_per_chat_and_overall_windows() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    let photo = s.send_caption(&c, &u, "homework");
    let sg = supergroup();
    let pic = bot.copy_message(ChatId(sg.id), ChatId(c.id), MessageId(photo)).await.unwrap();
    let text = bot.send_message(ChatId(c.id), "plain").await.unwrap();

    // editMessageCaption, with flood control off
    let e = bot.edit_message_caption(ChatId(sg.id), pic).caption("homework, page 2").await.expect("parses as Message");
    assert_eq!(e.caption(), Some("homework, page 2"));
    assert!(e.edit_date().is_some());
    assert_eq!(s.message(sg.id, pic.0).unwrap().caption.as_deref(), Some("homework, page 2"));
    let same = bot.edit_message_caption(ChatId(sg.id), pic).caption("homework, page 2").await;
    assert!(matches!(same, Err(RequestError::Api(ApiError::MessageNotModified))), "{same:?}");
    match bot.edit_message_caption(ChatId(c.id), text.id).caption("x").await {
        Err(RequestError::Api(ApiError::Unknown(d))) => {
            assert_eq!(d, "Bad Request: there is no caption in the message to edit")
        }
        other => panic!("{other:?}"),
    }
    let gone = bot.edit_message_caption(ChatId(sg.id), MessageId(999)).caption("x").await;
    assert!(matches!(gone, Err(RequestError::Api(ApiError::MessageToEditNotFound))));

    // 3 a minute per group; the copy was the first in the supergroup, the edit the second
    s.set_flood_limits(Some(FloodLimits { per_group_per_min: 3, ..Default::default() }));
    s.freeze_flood_clock(true);
    bot.edit_message_caption(ChatId(sg.id), pic).caption("page 3").await.expect("1st in the window");
    bot.edit_message_reply_markup(ChatId(sg.id), pic).reply_markup(keyboard("a")).await.expect("2nd");
    bot.edit_message_text(ChatId(c.id), text.id, "plain, edited").await.expect("another group");
    bot.send_message(ChatId(sg.id), "3rd").await.expect("3rd");
    assert_eq!(retry_after(bot.edit_message_caption(ChatId(sg.id), pic).caption("page 4").await), 60);
    assert_eq!(retry_after(bot.edit_message_reply_markup(ChatId(sg.id), pic).await), 60);
    assert_eq!(retry_after(bot.send_message(ChatId(sg.id), "4th").await), 60);
    // refused edits change nothing; failing edits do not count
    let stored = s.message(sg.id, pic.0).unwrap();
    assert_eq!(stored.caption.as_deref(), Some("page 3"));
    assert!(stored.reply_markup.is_some());
    let same = bot.edit_message_text(ChatId(c.id), text.id, "plain, edited").await;
    assert!(matches!(same, Err(RequestError::Api(ApiError::MessageNotModified))));
    bot.edit_message_text(ChatId(c.id), text.id, "plain, edited twice").await.expect("2nd in that group");
    assert_eq!(s.flood_violations(), 3);
    s.advance_flood_clock(Duration::from_secs(60));
    bot.edit_message_caption(ChatId(sg.id), pic).caption("page 4").await.expect("a minute later");

    // edits also count in the free overall window
    s.set_flood_limits(Some(FloodLimits { global_per_sec: 2, ..Default::default() }));
    bot.edit_message_text(ChatId(c.id), text.id, "x1").await.unwrap();
    bot.send_message(ChatId(-90_001), "y").await.unwrap();
    assert_eq!(retry_after(bot.edit_message_text(ChatId(c.id), text.id, "x2").await), 1);
    assert_eq!(retry_after(bot.edit_message_caption(ChatId(sg.id), pic).caption("page 5").await), 1);
    assert_eq!(s.flood_violations(), 5);
    s.set_flood_limits(None);
    bot.edit_message_text(ChatId(c.id), text.id, "x2").await.unwrap();
    s.freeze_flood_clock(false);
}

// ---------------------------------------------------------------- webhooks

const WEBHOOK_CONFLICT: &str =
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

/// One request that reached the test's webhook server.
#[derive(Debug)]
struct Hit {
    secret: Option<String>,
    content_type: Option<String>,
    body: Value,
    /// What the server answered.
    status: u16,
}

impl Hit {
    fn text(&self) -> &str {
        self.body["message"]["text"].as_str().unwrap_or_default()
    }
}

/// A tiny webhook server: records every request into `hits` and answers
/// 503 while `fail` is above zero (counting it down), else 200.
struct HookServer {
    url: url::Url,
    hits: tokio::sync::mpsc::UnboundedReceiver<Hit>,
    fail: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

type HookState = (tokio::sync::mpsc::UnboundedSender<Hit>, std::sync::Arc<std::sync::atomic::AtomicUsize>);

async fn hook_server() -> HookServer {
    use axum::extract::State;
    use axum::http::{HeaderMap, StatusCode};
    use std::sync::atomic::Ordering;

    async fn take(State((hits, fail)): State<HookState>, headers: HeaderMap, body: axum::body::Bytes) -> StatusCode {
        let failing = fail.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok();
        let status = if failing { StatusCode::SERVICE_UNAVAILABLE } else { StatusCode::OK };
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let _ = hits.send(Hit {
            secret: header("x-telegram-bot-api-secret-token"),
            content_type: header("content-type"),
            body: serde_json::from_slice(&body).unwrap_or(Value::Null),
            status: status.as_u16(),
        });
        status
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, hits) = tokio::sync::mpsc::unbounded_channel();
    let fail = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let app = axum::Router::new().route("/hook", axum::routing::post(take)).with_state((tx, fail.clone()));
    tokio::spawn(async move { axum::serve(listener, app).await });
    HookServer { url: format!("http://{addr}/hook").parse().unwrap(), hits, fail }
}

#[tokio::test]
async fn webhook_delivers_in_order_with_the_secret_retries_and_deletes() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    s.set_clock(Some(1_800_000_000));
    let mut hook = hook_server().await;
    assert!(s.webhook_url().is_none());

    bot.set_webhook(hook.url.clone()).secret_token("s3cret_Token-1").await.expect("setWebhook");
    assert_eq!(s.webhook_url().as_deref(), Some(hook.url.as_str()));
    assert_eq!(s.calls_to("setWebhook")[0].params["secret_token"], "s3cret_Token-1");

    // pushed updates arrive in order, as JSON, with the secret
    for i in 0..5 {
        s.send_text(&c, &u, &format!("m{i}"));
    }
    let mut last_id = 0;
    for i in 0..5 {
        let hit = hook.hits.recv().await.expect("delivered");
        assert_eq!(hit.text(), format!("m{i}"));
        assert_eq!(hit.secret.as_deref(), Some("s3cret_Token-1"));
        assert_eq!(hit.content_type.as_deref(), Some("application/json"));
        let id = hit.body["update_id"].as_i64().unwrap();
        assert!(id > last_id);
        last_id = id;
        // what the webhook gets parses as a teloxide Update
        serde_json::from_value::<Update>(hit.body).expect("an Update");
    }
    assert!(s.wait_consumed(SEC5).await, "accepted deliveries leave the queue");
    assert_eq!(s.webhook_deliveries(), 5);

    // getUpdates is refused while the webhook is set
    match bot.get_updates().timeout(0).await {
        Err(RequestError::Api(ApiError::Unknown(d))) => assert_eq!(d, WEBHOOK_CONFLICT),
        other => panic!("{other:?}"),
    }
    let r =
        reqwest::Client::new().post(format!("{}bot{}/getUpdates", s.api_url(), StandIn::TOKEN)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 409);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body, json!({"ok": false, "error_code": 409, "description": WEBHOOK_CONFLICT}));

    let info = bot.get_webhook_info().await.expect("getWebhookInfo parses");
    assert_eq!(info.url.as_ref(), Some(&hook.url));
    assert!(!info.has_custom_certificate);
    assert_eq!(info.pending_update_count, 0);
    assert!(info.last_error_date.is_none() && info.last_error_message.is_none());

    // the webhook answers 503 three times: the first update is retried until
    // accepted, the second waits for it
    hook.fail.store(3, std::sync::atomic::Ordering::SeqCst);
    s.send_text(&c, &u, "a");
    s.send_text(&c, &u, "b");
    let first = hook.hits.recv().await.unwrap();
    assert_eq!((first.text(), first.status), ("a", 503));
    let second = hook.hits.recv().await.unwrap();
    assert_eq!((second.text(), second.status), ("a", 503));
    // the retry means the first failure was recorded
    let info = bot.get_webhook_info().await.unwrap();
    assert_eq!(info.pending_update_count, 2);
    assert_eq!(info.last_error_message.as_deref(), Some("Wrong response from the webhook: 503 Service Unavailable"));
    assert_eq!(info.last_error_date.map(|d| d.timestamp()), Some(1_800_000_000));
    let rest: Vec<(String, u16)> = {
        let mut v = Vec::new();
        for _ in 0..3 {
            let h = hook.hits.recv().await.unwrap();
            v.push((h.text().to_owned(), h.status));
        }
        v
    };
    assert_eq!(rest, vec![("a".to_owned(), 503), ("a".to_owned(), 200), ("b".to_owned(), 200)]);
    assert!(s.wait_consumed(SEC5).await);
    assert_eq!(s.webhook_deliveries(), 7);
    let info = bot.get_webhook_info().await.unwrap();
    assert_eq!(info.pending_update_count, 0);
    assert!(info.last_error_message.is_some(), "the last error stays on record");

    // deleteWebhook: back to polling
    bot.delete_webhook().await.expect("deleteWebhook");
    assert!(s.webhook_url().is_none());
    assert!(bot.get_webhook_info().await.unwrap().url.is_none());
    s.send_text(&c, &u, "polled");
    let ups = drain(&bot).await;
    assert_eq!(ups.len(), 1);
    match &ups[0].kind {
        UpdateKind::Message(m) => assert_eq!(m.text(), Some("polled")),
        k => panic!("{k:?}"),
    }
    assert!(hook.hits.try_recv().is_err(), "nothing posted after deleteWebhook");
    assert_eq!(s.webhook_deliveries(), 7);
    s.shutdown();
}

#[tokio::test]
async fn webhook_connection_errors_queue_kept_switching_urls_and_allowed_updates() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    let mut hook = hook_server().await;

    // a webhook that accepts connections and drops them at once
    let dead = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead_url: url::Url = format!("http://{}/dead", dead.local_addr().unwrap()).parse().unwrap();
    let (accepted_tx, mut accepted) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((socket, _)) = dead.accept().await {
            drop(socket);
            let _ = accepted_tx.send(());
        }
    });
    bot.set_webhook(dead_url.clone()).await.unwrap();
    s.send_text(&c, &u, "queued");
    accepted.recv().await.unwrap();
    accepted.recv().await.unwrap(); // a retry: the first attempt failed and was recorded
    let info = bot.get_webhook_info().await.unwrap();
    assert_eq!(info.url.as_ref(), Some(&dead_url));
    assert_eq!(info.pending_update_count, 1);
    assert!(info.last_error_message.as_ref().is_some_and(|m| !m.is_empty()), "{info:?}");
    assert!(info.last_error_date.is_some());
    assert_eq!(s.webhook_deliveries(), 0);

    // deleteWebhook keeps the queue: polling gets the update (not confirmed here) ...
    bot.delete_webhook().await.unwrap();
    let ups = bot.get_updates().timeout(0).await.unwrap();
    assert_eq!(ups.len(), 1);
    // ... and a new webhook gets it too
    bot.set_webhook(hook.url.clone()).await.unwrap();
    let hit = hook.hits.recv().await.unwrap();
    assert_eq!(hit.text(), "queued");
    assert_eq!(hit.secret, None, "no secret set, no header");
    assert!(s.wait_consumed(SEC5).await);
    assert!(bot.get_webhook_info().await.unwrap().last_error_message.is_none(), "a new webhook starts clean");

    // drop_pending_updates on setWebhook
    bot.delete_webhook().await.unwrap();
    s.send_text(&c, &u, "old");
    bot.set_webhook(hook.url.clone()).drop_pending_updates(true).await.unwrap();
    s.send_text(&c, &u, "new");
    assert_eq!(hook.hits.recv().await.unwrap().text(), "new");
    assert!(s.wait_consumed(SEC5).await);

    // allowed_updates: chat_member only when asked for, as with getUpdates
    let other = TgUser::new(3003, "Wang");
    s.set_member_status(&c, &other, MemberStatus::Member, true);
    s.send_text(&c, &u, "after the member update");
    assert_eq!(hook.hits.recv().await.unwrap().text(), "after the member update");
    assert!(s.wait_consumed(SEC5).await, "the chat_member update was dropped");
    bot.set_webhook(hook.url.clone())
        .allowed_updates([AllowedUpdate::Message, AllowedUpdate::ChatMember])
        .await
        .unwrap();
    s.set_member_status(&c, &other, MemberStatus::Restricted, true);
    let hit = hook.hits.recv().await.unwrap();
    assert_eq!(hit.body["chat_member"]["new_chat_member"]["status"], "restricted");
    assert!(s.wait_consumed(SEC5).await);

    // deleteWebhook with drop_pending_updates empties the queue
    bot.delete_webhook().await.unwrap();
    s.send_text(&c, &u, "dropped");
    bot.delete_webhook().drop_pending_updates(true).await.unwrap();
    assert!(s.wait_consumed(Duration::ZERO).await);
    assert!(drain(&bot).await.is_empty());

    // bad webhook urls and secrets are refused
    let r = reqwest::Client::new()
        .post(format!("{}bot{}/setWebhook", s.api_url(), StandIn::TOKEN))
        .json(&json!({"url": "http://127.0.0.1:9/x", "secret_token": "no spaces allowed"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    let r = bot.set_webhook("ftp://127.0.0.1/x".parse().unwrap()).await;
    assert!(matches!(r, Err(RequestError::Api(ApiError::WebhookRequireHttps))), "{r:?}");
    assert!(s.webhook_url().is_none());
    s.shutdown();
}

#[tokio::test]
async fn webhook_concurrency_can_be_raised() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    let mut hook = hook_server().await;
    s.set_webhook_concurrency(4);
    bot.set_webhook(hook.url.clone()).await.unwrap();
    for i in 0..20 {
        s.send_text(&c, &u, &format!("m{i}"));
    }
    let mut texts = Vec::new();
    for _ in 0..20 {
        texts.push(hook.hits.recv().await.unwrap().text().to_owned());
    }
    texts.sort_by_key(|t| t[1..].parse::<u32>().unwrap());
    assert_eq!(texts, (0..20).map(|i| format!("m{i}")).collect::<Vec<_>>(), "each delivered once");
    assert!(s.wait_consumed(SEC5).await);
    assert_eq!(s.webhook_deliveries(), 20);
    s.shutdown();
}

#[tokio::test]
async fn dispatcher_webhook_end_to_end() {
    let (s, bot) = setup().await;
    let c = class();
    let u = parent();
    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        if let Some(text) = msg.text() {
            bot.send_message(msg.chat.id, format!("echo: {text}")).await?;
        }
        respond(())
    });
    // teloxide's own axum webhook, served on a listener bound here (no port race)
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let url: url::Url = format!("http://{addr}/telegram-webhook").parse().unwrap();
    let options =
        teloxide::update_listeners::webhooks::Options::new(addr, url.clone()).secret_token("e2e-secret".into());
    let (updates, stopped, router) =
        teloxide::update_listeners::webhooks::axum_to_router(bot.clone(), options).await.expect("setWebhook");
    assert_eq!(s.webhook_url().as_deref(), Some(url.as_str()));
    let server = tokio::spawn(async move { axum::serve(listener, router).with_graceful_shutdown(stopped).await });
    let mut dispatcher = Dispatcher::builder(bot.clone(), handler).build();
    let token = dispatcher.shutdown_token();
    let task = tokio::spawn(async move {
        dispatcher.dispatch_with_listener(updates, teloxide::error_handlers::LoggingErrorHandler::new()).await
    });

    // updates pushed before the dispatcher is ready wait in the queue
    s.send_text(&c, &u, "one");
    s.send_text(&c, &u, "two");
    for text in ["echo: one", "echo: two"] {
        s.wait_for("sendMessage", |call| call.text() == Some(text), Duration::from_secs(15)).await.expect(text);
    }
    assert!(s.wait_consumed(SEC5).await);
    assert_eq!(s.webhook_deliveries(), 2);
    assert_eq!(s.sent_texts(c.id), vec!["echo: one", "echo: two"]);

    // stopping the listener deletes the webhook
    let stopping = token.shutdown().expect("dispatcher running");
    tokio::time::timeout(Duration::from_secs(15), stopping).await.expect("dispatcher stopped");
    let _ = task.await;
    let _ = tokio::time::timeout(Duration::from_secs(15), server).await.expect("webhook server stopped");
    s.wait_for("deleteWebhook", |_| true, SEC5).await.expect("deleteWebhook called");
    assert!(s.webhook_url().is_none());
    s.shutdown();
}

/// Reads from `sock` until a whole HTTP request (head and `content-length` body) is in `buf`;
/// `false` at end of stream.
async fn read_request(sock: &tokio::net::TcpStream, buf: &mut Vec<u8>) -> bool {
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                buf.drain(..end + 4 + len);
                return true;
            }
        }
        if sock.readable().await.is_err() {
            return false;
        }
        let mut chunk = [0u8; 8192];
        match sock.try_read(&mut chunk) {
            Ok(0) => return false,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => return false,
        }
    }
}

#[tokio::test]
async fn shutdown_stops_webhook_delivery() {
    let (s, bot) = setup().await;
    // A webhook that answers 503 on a kept-alive connection: while the stand-in's delivery runs it
    // keeps that connection for its retries; once delivery has stopped, its HTTP client is gone
    // and the connection closes.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url: url::Url = format!("http://{}/hook", listener.local_addr().unwrap()).parse().unwrap();
    let (request_tx, mut requests) = tokio::sync::mpsc::unbounded_channel();
    let (closed_tx, closed) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let (sock, _) = listener.accept().await.unwrap();
        let mut buf = Vec::new();
        while read_request(&sock, &mut buf).await {
            let mut answer: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n";
            while !answer.is_empty() {
                sock.writable().await.unwrap();
                match sock.try_write(answer) {
                    Ok(n) => answer = &answer[n..],
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(e) => panic!("{e}"),
                }
            }
            let _ = request_tx.send(());
        }
        let _ = closed_tx.send(());
    });
    bot.set_webhook(url).await.unwrap();
    s.send_text(&class(), &parent(), "never accepted");
    requests.recv().await.expect("a delivery attempt");
    s.shutdown();
    tokio::time::timeout(Duration::from_secs(10), closed)
        .await
        .expect("the stand-in's webhook client let go of the connection")
        .unwrap();
    assert_eq!(s.webhook_deliveries(), 0);
}

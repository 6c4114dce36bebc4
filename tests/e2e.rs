//! End-to-end: the real routing tree, handlers, store and jobs, driven through the Bot API stand-in.

mod support;

use support::chat::*;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use jiaxiao::clock::{Clock, ManualClock};
use jiaxiao::jobs::ratelimit::Limits;
use jiaxiao::model::{Lang, Role};
use jiaxiao::sim::{SimBot, SimOptions};
use jiaxiao::standin::{Call, MemberStatus, StandIn, TgChat, TgUser};
use jiaxiao::store::{DynStore, GroupStore, MemoryStore, RedisStore};
use std::sync::Arc;
use std::time::Duration;

fn teacher() -> TgUser {
    TgUser::new(1001, "王老师").username("wang_laoshi").lang("zh-hans")
}
fn mum() -> TgUser {
    TgUser::new(1002, "李妈妈").username("li_mama").lang("zh-hans")
}
fn dad() -> TgUser {
    TgUser::new(1003, "张爸爸").lang("zh-hans")
}
fn class() -> TgChat {
    TgChat::supergroup(-1001000000001, "三年二班")
}

/// Monday 2026-09-07 at a local time in Shanghai.
fn monday(h: u32, m: u32) -> DateTime<Utc> {
    Shanghai.with_ymd_and_hms(2026, 9, 7, h, m, 0).unwrap().with_timezone(&Utc)
}

async fn start_on(standin: StandIn, store: DynStore, clock: ManualClock, jobs: bool) -> SimBot {
    SimBot::start(standin, SimOptions { store, clock, limits: Limits::default(), jobs, webhook: None, llm: None })
        .await
        .expect("bot starts")
}

/// A bot in memory, already in the class group with 王老师 as its creator.
async fn bot_in_class() -> SimBot {
    let standin = StandIn::start().await.unwrap();
    let sim = start_on(standin.clone(), Arc::new(MemoryStore::new()), ManualClock::new(monday(8, 0)), true).await;
    standin.set_member_status(&class(), &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&class(), &teacher());
    reply_containing(&standin, class().id, "").await;
    sim
}

#[tokio::test]
async fn added_to_a_group_the_bot_greets_once_and_registers_its_menu() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    assert_eq!(sends_to(s, class().id).len(), 1);
    assert!(sends_to(s, class().id)[0].contains("/settings"), "the greeting tells the teacher how to start");
    // A second join (promotion to admin, say) does not greet again; nor does a first message.
    s.add_bot(&class(), &teacher());
    s.send_text(&class(), &mum(), "大家好");
    sim.settle(Duration::from_millis(100)).await;
    assert_eq!(sends_to(s, class().id).len(), 1);
    let menus = s.calls_to("setMyCommands");
    assert!(menus.iter().any(|c| c.params["language_code"] == "en"));
    assert!(menus.iter().any(|c| c.params.get("language_code").is_none_or(|v| v.is_null())));
    sim.stop().await;
}

#[tokio::test]
async fn a_group_first_seen_through_a_message_is_learned_and_greeted() {
    let standin = StandIn::start().await.unwrap();
    let store = Arc::new(MemoryStore::new());
    let sim = start_on(standin.clone(), store.clone(), ManualClock::new(monday(8, 0)), false).await;
    standin.send_text(&class(), &mum(), "hello");
    reply_containing(&standin, class().id, "/role").await;
    assert!(store.group(class().id).await.unwrap().unwrap().active);
    sim.stop().await;
}

#[tokio::test]
async fn admin_sets_committee_by_reply_and_parent_is_refused() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let hello = s.send_text(&class(), &mum(), "我是李妈妈");
    s.send_reply(&class(), &teacher(), "/role committee", hello);
    let answer = reply_containing(s, class().id, "李妈妈").await;
    assert!(answer.contains("家委会"), "{answer}");
    assert_eq!(sim.app.store.role(class().id, mum().id as u64).await.unwrap(), Some(Role::Committee));

    let dads = s.send_text(&class(), &dad(), "我是张爸爸");
    s.send_reply(&class(), &dad(), "/role teacher", dads);
    let refusal = reply_containing(s, class().id, "/role").await;
    assert!(refusal.contains("管理员和老师"), "says who may: {refusal}");
    assert_eq!(sim.app.store.role(class().id, dad().id as u64).await.unwrap(), None, "nothing changed");

    // A teacher may set roles too, also by @username of a member the bot has seen.
    let hi = s.send_text(&class(), &dad(), "hi");
    s.send_reply(&class(), &teacher(), "/role teacher", hi);
    reply_containing(s, class().id, "张爸爸").await;
    s.send_text(&class(), &dad(), "/role parent @li_mama");
    reply_containing(s, class().id, "李妈妈 设为：家长").await;
    assert_eq!(sim.app.store.role(class().id, mum().id as u64).await.unwrap(), None);
    s.send_text(&class(), &dad(), "/role committee @nobody_here");
    reply_containing(s, class().id, "@nobody_here").await;
    s.send_text(&class(), &teacher(), "/role");
    let list = reply_containing(s, class().id, "本群身份").await;
    assert!(list.contains("王老师") && list.contains("张爸爸"), "{list}");
    sim.stop().await;
}

#[tokio::test]
async fn settings_reject_bad_values_clearly_and_switch_language() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    s.send_text(&class(), &teacher(), "/settings tz Mars/Olympus");
    let a = reply_containing(s, class().id, "Mars/Olympus").await;
    assert!(a.contains("Asia/Shanghai"), "suggests a valid zone: {a}");
    s.send_text(&class(), &teacher(), "/settings quiet 25:00-07:00");
    reply_containing(s, class().id, "HH:MM-HH:MM").await;
    s.send_text(&class(), &teacher(), "/settings colour blue");
    reply_containing(s, class().id, "colour").await;
    s.send_text(&class(), &teacher(), "/settings tz");
    reply_containing(s, class().id, "tz").await;
    s.send_text(&class(), &teacher(), "/settings tz Europe/London");
    reply_containing(s, class().id, "Europe/London").await;
    s.send_text(&class(), &dad(), "/settings lang en");
    reply_containing(s, class().id, "/settings 只有").await;
    s.send_text(&class(), &teacher(), "/settings lang en");
    reply_containing(s, class().id, "Saved.").await;
    s.send_text(&class(), &dad(), "/help");
    let help = reply_containing(s, class().id, "Your role in this group: parent").await;
    assert!(!help.contains("/settings"), "a parent is not shown commands they may not use: {help}");
    s.send_text(&class(), &teacher(), "/help");
    let help = reply_containing(s, class().id, "Your role in this group: admin").await;
    assert!(help.contains("/settings") && help.contains("/role"), "{help}");
    sim.stop().await;
}

#[tokio::test]
async fn over_long_and_malformed_input_gets_answers_and_the_bot_keeps_running() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    s.send_text(&class(), &teacher(), &format!("/settings tz {}", "A".repeat(3000)));
    reply_containing(s, class().id, "最多 200").await;
    s.send_text(&class(), &teacher(), &format!("/role {}", "老".repeat(300)));
    reply_containing(s, class().id, "最多 200").await;
    s.send_text(&class(), &teacher(), "/role teacher committee parent");
    reply_containing(s, class().id, "用法").await;
    s.send_text(&class(), &teacher(), "/role 🦄");
    reply_containing(s, class().id, "🦄").await;
    s.send_text(&class(), &teacher(), "/settings lessons someday 99:99");
    reply_containing(s, class().id, "mon,wed,fri").await;
    // Updates Telegram would never send, and odd but valid ones.
    s.push_update(serde_json::json!({"message": {"garbage": true}}));
    s.push_update(serde_json::json!({"update_id_missing": 1, "weird": [1, 2, 3]}));
    s.send_text(&class(), &teacher(), "/settings\u{0}\u{200b} tz \u{202e}Asia/Shanghai");
    // An anonymous administrator (posting as the group) counts as an admin.
    s.send_as_channel(&class(), "/settings grade junior");
    reply_containing(s, class().id, "grade：junior").await;
    s.send_forwarded(&class(), &mum(), "/role teacher");
    s.send_text(&class(), &teacher(), "/help");
    reply_containing(s, class().id, "您在本群的身份：管理员").await;
    sim.stop().await;
}

#[tokio::test]
async fn a_restart_with_redis_keeps_roles_and_settings() {
    let standin = StandIn::start().await.unwrap();
    let prefix = support::unique_prefix("restart");
    let connect =
        || async { RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5)).await.unwrap() };
    let store = connect().await;
    let sim = start_on(standin.clone(), Arc::new(store.clone()), ManualClock::new(monday(8, 0)), false).await;
    standin.set_member_status(&class(), &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&class(), &teacher());
    let hello = standin.send_text(&class(), &mum(), "hello");
    standin.send_reply(&class(), &teacher(), "/role committee", hello);
    reply_containing(&standin, class().id, "李妈妈").await;
    standin.send_text(&class(), &teacher(), "/settings lang en");
    reply_containing(&standin, class().id, "Saved").await;
    sim.stop().await;

    // A new process: new connection, new caches, same Redis.
    let sim = start_on(standin.clone(), Arc::new(connect().await), ManualClock::new(monday(9, 0)), false).await;
    standin.send_text(&class(), &teacher(), "/role");
    let list = reply_containing(&standin, class().id, "Roles in this group").await;
    assert!(list.contains("李妈妈 — parent committee"), "{list}");
    assert_eq!(sends_to(&standin, class().id).iter().filter(|t| t.contains("🤝")).count(), 1, "greeted once");
    sim.stop().await;
    store.delete_prefix().await.unwrap();
}

#[tokio::test]
async fn removal_marks_the_group_inactive_and_migration_keeps_state() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let small = TgChat::group(-4242, "一年级小群");
    s.set_member_status(&small, &teacher(), MemberStatus::Creator, false);
    s.add_bot(&small, &teacher());
    reply_containing(s, small.id, "/settings").await;
    let hello = s.send_text(&small, &mum(), "hi");
    s.send_reply(&small, &teacher(), "/role committee", hello);
    reply_containing(s, small.id, "李妈妈").await;
    let big = s.migrate_to_supergroup(&small, -1009999);
    sim.settle(Duration::from_millis(100)).await;
    assert_eq!(sim.app.store.role(big.id, mum().id as u64).await.unwrap(), Some(Role::Committee));
    assert!(sim.app.store.group(small.id).await.unwrap().is_none());
    s.set_member_status(&big, &teacher(), MemberStatus::Creator, false);
    s.send_text(&big, &teacher(), "/role");
    reply_containing(s, big.id, "李妈妈").await;
    assert_eq!(sends_to(s, big.id).iter().filter(|t| t.contains("🤝")).count(), 0, "no second greeting");

    s.remove_bot(&class(), &teacher());
    sim.settle(Duration::from_millis(100)).await;
    assert!(!sim.app.store.group(class().id).await.unwrap().unwrap().active);
    assert!(!sim.app.store.active_groups().await.unwrap().contains(&class().id));
    sim.stop().await;
}

#[tokio::test]
async fn private_start_follows_the_users_language() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let ann = TgUser::new(2001, "Ann").lang("en");
    s.user_started_bot(&ann, true);
    s.send_text(&TgChat::private(&ann), &ann, "/start");
    let a = reply_containing(s, ann.id, "Hello!").await;
    assert!(a.contains("/lesson"), "{a}");
    s.user_started_bot(&mum(), true);
    s.send_text(&TgChat::private(&mum()), &mum(), "/help");
    reply_containing(s, mum().id, "您好").await;
    s.send_text(&TgChat::private(&mum()), &mum(), "/frobnicate");
    reply_containing(s, mum().id, "/help").await;
    s.send_text(&TgChat::private(&mum()), &mum(), "/broadcast 明天放假");
    reply_containing(s, mum().id, "还不是任何一个有我的群里的老师").await;

    sim.stop().await;
}

// ---------------------------------------------------------------- micro-lessons

fn lesson_sends(standin: &StandIn, chat: i64) -> Vec<Call> {
    standin
        .calls_to("sendMessage")
        .into_iter()
        .filter(|c| c.params["chat_id"].as_i64() == Some(chat) && c.params["parse_mode"] == "HTML")
        .filter(|c| c.response["ok"] == true)
        .collect()
}

async fn wait_lessons(standin: &StandIn, chat: i64, n: usize) -> Vec<Call> {
    for _ in 0..200 {
        let got = lesson_sends(standin, chat);
        if got.len() >= n {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("expected {n} lessons in {chat}, got {}", lesson_sends(standin, chat).len());
}

fn first_button(c: &Call) -> String {
    c.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn three_lesson_commands_give_three_lessons_in_curriculum_order() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    for _ in 0..3 {
        s.send_text(&class(), &teacher(), "/lesson");
    }
    let sent = wait_lessons(s, class().id, 3).await;
    let ids: Vec<String> = sent.iter().map(first_button).collect();
    let want: Vec<String> = sim.app.lessons.content.curriculum(Lang::ZhCn, Default::default())[..3]
        .iter()
        .map(|l| format!("lf:u:{}", l.id))
        .collect();
    assert_eq!(ids, want);
    assert!(text_of(&sent[0]).contains("小知识 ·"));
    // A given lesson by id; an unknown id gets an answer.
    s.send_text(&class(), &teacher(), "/lesson w04-growth-steady-bedtime");
    wait_lessons(s, class().id, 4).await;
    s.send_text(&class(), &teacher(), "/lesson no-such-lesson");
    reply_containing(s, class().id, "no-such-lesson").await;
    s.send_text(&class(), &dad(), "/lesson");
    reply_containing(s, class().id, "/lesson 只有").await;
    sim.stop().await;
}

#[tokio::test]
async fn an_english_group_gets_english_lessons_and_feedback_counts_once_per_person() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    s.send_text(&class(), &teacher(), "/settings lang en");
    reply_containing(s, class().id, "Saved").await;
    s.send_text(&class(), &teacher(), "/lesson");
    let lesson = wait_lessons(s, class().id, 1).await.remove(0);
    assert!(text_of(&lesson).contains("Fact ·"), "{}", text_of(&lesson));
    let msg_id = lesson.response["result"]["message_id"].as_i64().unwrap() as i32;
    let useful = first_button(&lesson);
    let id = useful.trim_start_matches("lf:u:").to_owned();
    s.press_button(&class(), &mum(), msg_id, &useful);
    s.press_button(&class(), &mum(), msg_id, &useful);
    s.press_button(&class(), &dad(), msg_id, &useful);
    s.press_button(&class(), &dad(), msg_id, &format!("lf:t:{id}"));
    sim.settle(Duration::from_millis(100)).await;
    let answers: Vec<String> =
        s.calls_to("answerCallbackQuery").iter().map(|c| c.params["text"].as_str().unwrap_or("").to_owned()).collect();
    assert_eq!(answers.iter().filter(|a| a.contains("already counted")).count(), 1, "{answers:?}");
    assert_eq!(sim.app.store.feedback_count(class().id, &id, "useful").await.unwrap(), 2);
    assert_eq!(sim.app.store.feedback_count(class().id, &id, "tried").await.unwrap(), 1);
    s.send_text(&class(), &teacher(), "/lessons");
    let summary = reply_containing(s, class().id, "Recent lessons").await;
    assert!(summary.contains("👍 2") && summary.contains("✅ 1"), "{summary}");
    sim.stop().await;
}

#[tokio::test]
async fn scheduled_lesson_fires_monday_20_local_once_and_waits_out_quiet_hours() {
    let standin = StandIn::start().await.unwrap();
    let store: DynStore = Arc::new(MemoryStore::new());
    let clock = ManualClock::new(monday(8, 0));
    let sim = start_on(standin.clone(), store.clone(), clock.clone(), true).await;
    standin.set_member_status(&class(), &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&class(), &teacher());
    reply_containing(&standin, class().id, "/settings").await;
    let other = TgChat::supergroup(-1001000000002, "初二(3)班");
    standin.set_member_status(&other, &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&other, &teacher());
    reply_containing(&standin, other.id, "/settings").await;
    standin.send_text(&other, &teacher(), "/settings quiet 19:00-21:00");
    reply_containing(&standin, other.id, "19:00-21:00").await;

    clock.set(monday(19, 59));
    sim.settle(Duration::from_millis(100)).await;
    assert!(lesson_sends(&standin, class().id).is_empty(), "not before 20:00");
    clock.set(monday(20, 0));
    let sent = wait_lessons(&standin, class().id, 1).await;
    assert!(text_of(&sent[0]).contains("小知识 ·"));
    sim.settle(Duration::from_millis(100)).await;
    assert!(lesson_sends(&standin, other.id).is_empty(), "the other group is in quiet hours until 21:00");
    clock.set(monday(21, 0));
    wait_lessons(&standin, other.id, 1).await;

    // A restart at 20:30 (within the catch-up window) does not send the slot again.
    sim.stop().await;
    let sim = start_on(standin.clone(), store.clone(), clock.clone(), true).await;
    clock.set(monday(21, 30));
    sim.settle(Duration::from_millis(200)).await;
    assert_eq!(lesson_sends(&standin, class().id).len(), 1);
    assert_eq!(lesson_sends(&standin, other.id).len(), 1);
    // Wednesday brings the TIP.
    clock.set(Shanghai.with_ymd_and_hms(2026, 9, 9, 20, 0, 0).unwrap().with_timezone(&Utc));
    let sent = wait_lessons(&standin, class().id, 2).await;
    assert!(text_of(&sent[1]).contains("小行动 ·"));
    sim.stop().await;
}

#[tokio::test]
async fn private_lessons_and_subscription() {
    let standin = StandIn::start().await.unwrap();
    let clock = ManualClock::new(monday(8, 0));
    let sim = start_on(standin.clone(), Arc::new(MemoryStore::new()), clock.clone(), true).await;
    let ann = TgUser::new(2001, "Ann").lang("en");
    standin.user_started_bot(&ann, true);
    let chat = TgChat::private(&ann);
    standin.send_text(&chat, &ann, "/lesson");
    let first = wait_lessons(&standin, ann.id, 1).await;
    assert!(text_of(&first[0]).contains("Fact ·"), "English for an English-speaking parent");
    standin.send_text(&chat, &ann, "/subscribe college");
    reply_containing(&standin, ann.id, "college").await;
    standin.send_text(&chat, &ann, "/subscribe junior");
    reply_containing(&standin, ann.id, "Subscribed").await;
    clock.set(monday(20, 0));
    let sent = wait_lessons(&standin, ann.id, 2).await;
    assert_ne!(first_button(&sent[0]), first_button(&sent[1]), "her own progress moved on");
    standin.send_text(&chat, &ann, "/unsubscribe");
    reply_containing(&standin, ann.id, "Unsubscribed").await;
    clock.set(Shanghai.with_ymd_and_hms(2026, 9, 9, 20, 0, 0).unwrap().with_timezone(&Utc));
    sim.settle(Duration::from_millis(200)).await;
    assert_eq!(lesson_sends(&standin, ann.id).len(), 2);
    sim.stop().await;
}

#[tokio::test]
async fn the_outbox_stays_within_telegrams_limits_and_retries_after_429() {
    let standin = StandIn::start().await.unwrap();
    standin.set_flood_limits(Some(support::flood_limits()));
    let clock = ManualClock::new(monday(8, 0));
    let sim = start_on(standin.clone(), Arc::new(MemoryStore::new()), clock.clone(), true).await;
    let groups: Vec<TgChat> = (0..4).map(|i| TgChat::supergroup(-1002000000000 - i, "g")).collect();
    for g in &groups {
        standin.set_member_status(g, &teacher(), MemberStatus::Creator, false);
        standin.add_bot(g, &teacher());
    }
    sim.settle(Duration::from_millis(100)).await;
    // 4 groups × 15 lessons = 60 sends: twice the global per-second limit.
    let content = sim.app.lessons.content.clone();
    let lessons = content.curriculum(Lang::ZhCn, Default::default());
    for g in &groups {
        for (i, l) in lessons.iter().take(15).enumerate() {
            sim.app.lessons.queue_given(g.id, Lang::ZhCn, l, format!("flood:{}:{i}", g.id), clock.now()).await.unwrap();
        }
    }
    for g in &groups {
        wait_lessons(&standin, g.id, 15).await;
    }
    support::assert_within_limits(standin.flood_violations(), 60);

    // A 429 is waited out and the message is delivered exactly once.
    standin.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", Some(1));
    sim.app.lessons.queue_given(groups[0].id, Lang::ZhCn, lessons[20], "after429".into(), clock.now()).await.unwrap();
    let refused = standin.wait_for("sendMessage", |c| c.response["error_code"] == 429, WAIT).await;
    assert_eq!(refused.unwrap().response["parameters"]["retry_after"], 1);
    sim.settle(Duration::from_millis(100)).await;
    assert_eq!(lesson_sends(&standin, groups[0].id).len(), 15, "not retried before retry_after has passed");
    clock.set(clock.now() + chrono::Duration::seconds(2));
    wait_lessons(&standin, groups[0].id, 16).await;
    sim.settle(Duration::from_millis(100)).await;
    assert_eq!(lesson_sends(&standin, groups[0].id).len(), 16);
    assert_eq!(sim.app.store.lesson_log(groups[0].id, 50).await.unwrap().len(), 16);
    sim.stop().await;
}

// ---------------------------------------------------------------- moderation

const FEE: &str = "各位家长，本学期班费每人200元，请周五前转给家委会李妈妈（微信）";

/// The card the bot posted in reply to `message_id`, if any.
fn card_for(standin: &StandIn, chat: i64, message_id: i32) -> Option<Call> {
    standin.calls_to("sendMessage").into_iter().find(|c| {
        c.params["chat_id"].as_i64() == Some(chat)
            && c.params["reply_parameters"]["message_id"].as_i64() == Some(message_id as i64)
            && c.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
                .as_str()
                .is_some_and(|d| d.starts_with("md:"))
    })
}

async fn wait_card(standin: &StandIn, chat: i64, message_id: i32) -> Call {
    for _ in 0..200 {
        if let Some(c) = card_for(standin, chat, message_id) {
            return c;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no moderation card for message {message_id}");
}

#[tokio::test]
async fn each_category_is_flagged_with_rule_source_and_buttons_and_look_alikes_pass() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let cases = [
        (FEE, "违规收费", "第5条"),
        ("暑期奥数衔接班招生啦，名师一对一提分，报名私聊", "校外培训", "第12条"),
        ("期末数学成绩排名：第一名王**98分，第二名李**95分，第三名赵**93分", "排名", "未成年人学校保护规定"),
        ("请家长今晚批改孩子的数学作业并签字，明天交回", "作业", "作业负担"),
        ("本人做澳洲代购，奶粉保健品正品保证，需要的加我微信", "广告", ""),
    ];
    for (text, category, source) in cases {
        let id = s.send_text(&class(), &dad(), text);
        let card = wait_card(s, class().id, id).await;
        let t = text_of(&card);
        assert!(t.contains(category) && t.contains(source), "{text} → {t}");
        assert!(!t.contains(text), "the card does not repeat the message");
        assert_eq!(button(&card, 0), format!("md:d:{id}"));
        assert_eq!(button(&card, 1), format!("md:n:{id}"));
    }
    for benign in [
        "提醒大家：学校从不通过群收费，遇到收款码请勿转账",
        "上学期的班费已经全部用完，账目已公示，余额0元",
        "明天下午三点开家长会，请准时参加",
        "今晚早点睡，21:20前上床哦",
        "我家孩子的书包是200块在商场买的，挺耐用",
    ] {
        let id = s.send_text(&class(), &mum(), benign);
        sim.settle(Duration::from_millis(50)).await;
        assert!(card_for(s, class().id, id).is_none(), "flagged a benign message: {benign}");
    }
    // Captions, forwards and anonymous admins go through the same check without trouble.
    let id = s.send_caption(&class(), &dad(), FEE);
    wait_card(s, class().id, id).await;
    let id = s.send_forwarded(&class(), &dad(), "本人做澳洲代购，奶粉保健品正品保证，需要的加我微信");
    wait_card(s, class().id, id).await;
    let id = s.send_as_channel(&class(), FEE);
    wait_card(s, class().id, id).await;
    sim.stop().await;
}

#[tokio::test]
async fn only_moderators_decide_and_delete_edits_the_card_without_quoting() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let hello = s.send_text(&class(), &mum(), "hi");
    s.send_reply(&class(), &teacher(), "/role committee", hello);
    reply_containing(s, class().id, "李妈妈").await;

    let id = s.send_text(&class(), &dad(), FEE);
    let card = wait_card(s, class().id, id).await;
    let q = s.press_button(&class(), &dad(), card_id(&card), &button(&card, 0));
    assert!(callback_answer(s, &q).await.contains("只有管理员、老师和家委会"));
    assert!(!s.message(class().id, id).unwrap().deleted, "a parent's press changes nothing");

    let q = s.press_button(&class(), &mum(), card_id(&card), &button(&card, 0));
    callback_answer(s, &q).await;
    assert!(s.message(class().id, id).unwrap().deleted, "the committee's press deletes the message");
    let edited = s.message(class().id, card_id(&card)).unwrap();
    let text = edited.text.unwrap();
    assert!(text.contains("李妈妈") && text.contains("违规收费") && !text.contains("200元"), "{text}");
    // A second press is answered, nothing more.
    let q = s.press_button(&class(), &teacher(), card_id(&card), &button(&card, 0));
    assert!(callback_answer(s, &q).await.contains("已经处理过"));

    // Someone else deleted it first: Telegram answers 400, handled quietly.
    let id = s.send_text(&class(), &dad(), FEE);
    let card = wait_card(s, class().id, id).await;
    s.fail_next("deleteMessage", 400, "Bad Request: message to delete not found", None);
    let q = s.press_button(&class(), &teacher(), card_id(&card), &button(&card, 0));
    assert!(callback_answer(s, &q).await.contains("已处理"));
    assert!(s.message(class().id, card_id(&card)).unwrap().text.unwrap().contains("王老师"));

    s.send_text(&class(), &mum(), "/modlog");
    let log = reply_containing(s, class().id, "最近的消息管理记录").await;
    assert!(log.contains("已删除 (李妈妈)") && log.contains("张爸爸"), "{log}");
    s.send_text(&class(), &dad(), "/modlog");
    reply_containing(s, class().id, "/modlog 只有管理员、老师和家委会").await;
    sim.stop().await;
}

#[tokio::test]
async fn not_a_violation_teaches_the_allow_list_and_edits_are_rechecked() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let text = "春游车费每人50元，今晚前转给李妈妈";
    let id = s.send_text(&class(), &dad(), text);
    let card = wait_card(s, class().id, id).await;
    let q = s.press_button(&class(), &teacher(), card_id(&card), &button(&card, 1));
    callback_answer(s, &q).await;
    assert!(s.message(class().id, card_id(&card)).unwrap().text.unwrap().contains("不违规"));
    assert!(!s.message(class().id, id).unwrap().deleted);
    let again = s.send_text(&class(), &mum(), text);
    sim.settle(Duration::from_millis(100)).await;
    assert!(card_for(s, class().id, again).is_none(), "the same message is not flagged again in this group");

    let id = s.send_text(&class(), &dad(), "明天穿校服");
    sim.settle(Duration::from_millis(50)).await;
    assert!(card_for(s, class().id, id).is_none());
    s.edit_text(&class(), &dad(), id, FEE);
    wait_card(s, class().id, id).await;
    sim.stop().await;
}

#[tokio::test]
async fn delete_mode_removes_at_once_and_tells_the_sender_privately() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    s.send_text(&class(), &teacher(), "/settings moderation delete");
    reply_containing(s, class().id, "delete").await;
    s.user_started_bot(&dad(), true);
    let id = s.send_text(&class(), &dad(), FEE);
    let note = reply_containing(s, class().id, "已删除 张爸爸").await;
    assert!(!note.contains("200"), "the note does not repeat the message: {note}");
    assert!(s.message(class().id, id).unwrap().deleted);
    let dm = reply_containing(s, dad().id, "三年二班").await;
    assert!(dm.contains("第5条"), "the sender learns which rule: {dm}");
    // Without the right to delete: fall back to a card and say once what is missing.
    s.set_bot_status(&class(), MemberStatus::Administrator { can_delete_messages: false, can_restrict_members: false });
    let id = s.send_text(&class(), &dad(), FEE);
    wait_card(s, class().id, id).await;
    let id2 = s.send_text(&class(), &dad(), FEE);
    wait_card(s, class().id, id2).await;
    let asks = sends_to(s, class().id).iter().filter(|t| t.contains("删除消息”的管理员权限")).count();
    assert_eq!(asks, 1, "the moderators are told once");
    assert!(!s.message(class().id, id).unwrap().deleted);
    sim.stop().await;
}

#[tokio::test]
async fn flooding_gets_one_gentle_reminder_and_repeat_offenders_are_restricted() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    for i in 0..12 {
        s.send_text(&class(), &mum(), &format!("第{i}条"));
    }
    reply_containing(s, class().id, "李妈妈，短时间内发了很多条消息").await;
    sim.settle(Duration::from_millis(100)).await;
    assert_eq!(sends_to(s, class().id).iter().filter(|t| t.contains("李妈妈，短时间内")).count(), 1);

    s.send_text(&class(), &teacher(), "/settings warnlimit 2");
    reply_containing(s, class().id, "warnlimit：2").await;
    for _ in 0..2 {
        let id = s.send_text(&class(), &dad(), FEE);
        let card = wait_card(s, class().id, id).await;
        let q = s.press_button(&class(), &teacher(), card_id(&card), &button(&card, 0));
        callback_answer(s, &q).await;
    }
    let restricted = s.wait_for("restrictChatMember", |c| c.params["user_id"] == dad().id, WAIT).await;
    assert!(restricted.is_some());
    reply_containing(s, class().id, "禁言一天").await;
    sim.stop().await;
}

#[tokio::test]
async fn a_403_from_telegram_marks_the_group_inactive_and_moderation_off_checks_nothing() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    s.send_text(&class(), &teacher(), "/settings moderation off");
    reply_containing(s, class().id, "off").await;
    let id = s.send_text(&class(), &dad(), FEE);
    sim.settle(Duration::from_millis(100)).await;
    assert!(card_for(s, class().id, id).is_none(), "moderation off: nothing is checked");
    s.fail_next("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat", None);
    s.send_text(&class(), &teacher(), "/help");
    sim.settle(Duration::from_millis(100)).await;
    assert!(!sim.app.store.group(class().id).await.unwrap().unwrap().active);
    sim.stop().await;
}

#[tokio::test]
async fn a_lesson_asked_for_in_quiet_hours_waits_and_service_accounts_get_no_role() {
    let sim = bot_in_class().await; // 08:00 local
    let s = &sim.standin;
    s.send_text(&class(), &teacher(), "/settings quiet 07:30-09:00");
    reply_containing(s, class().id, "07:30-09:00").await;
    s.send_text(&class(), &teacher(), "/lesson");
    reply_containing(s, class().id, "09:00 发出").await;
    sim.settle(Duration::from_millis(100)).await;
    assert!(lesson_sends(s, class().id).is_empty());
    sim.clock.set(monday(9, 0));
    wait_lessons(s, class().id, 1).await;

    let telegram = TgUser::new(777000, "Telegram");
    let forwarded = s.send_text(&class(), &telegram, "频道消息");
    s.send_reply(&class(), &teacher(), "/role teacher", forwarded);
    reply_containing(s, class().id, "不能给机器人设置身份").await;
    assert!(sim.app.store.roles(class().id).await.unwrap().is_empty());
    sim.stop().await;
}

#[tokio::test]
async fn webhook_mode_takes_updates_posted_with_the_secret_and_never_touches_the_registration() {
    let standin = StandIn::start().await.unwrap();
    let opts = SimOptions {
        store: Arc::new(MemoryStore::new()),
        clock: ManualClock::new(monday(8, 0)),
        limits: Limits::default(),
        jobs: false,
        webhook: Some(("127.0.0.1:0".parse().unwrap(), "s3cret-token".into())),
        llm: None,
    };
    let sim = SimBot::start(standin.clone(), opts).await.unwrap();
    let url = sim.webhook_url().unwrap();
    let update = serde_json::json!({
        "update_id": 1,
        "message": {
            "message_id": 5, "date": 1_788_000_000,
            "chat": {"id": 4242, "type": "private", "first_name": "Ann"},
            "from": {"id": 4242, "is_bot": false, "first_name": "Ann", "language_code": "en"},
            "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]
        }
    });
    let http = reqwest::Client::new();
    let refused = http.post(&url).json(&update).send().await.unwrap();
    assert_eq!(refused.status(), reqwest::StatusCode::UNAUTHORIZED, "no secret → refused");
    let wrong = http.post(&url).header("X-Telegram-Bot-Api-Secret-Token", "nope").json(&update).send().await.unwrap();
    assert_eq!(wrong.status(), reqwest::StatusCode::UNAUTHORIZED);
    let garbage = http
        .post(&url)
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert!(garbage.status().is_success(), "a malformed update is acknowledged and dropped, not retried forever");
    let ok =
        http.post(&url).header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token").json(&update).send().await.unwrap();
    assert!(ok.status().is_success());
    let reply = standin.wait_for("sendMessage", |c| c.params["chat_id"] == 4242, WAIT).await.expect("answered");
    assert!(text_of(&reply).contains("Hello!"));
    assert_eq!(standin.calls_to("sendMessage").len(), 1, "the refused posts did nothing");
    assert!(sim.stop().await, "stopped cleanly");
    assert!(
        standin.calls_to("setWebhook").is_empty() && standin.calls_to("deleteWebhook").is_empty(),
        "starting and stopping a copy never registers or removes the webhook"
    );
    let after = http.post(&url).header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token").json(&update).send().await;
    assert!(after.is_err() || !after.unwrap().status().is_success(), "a stopped copy takes nothing");
}

#[tokio::test]
async fn with_redis_a_lesson_slot_is_sent_once_across_a_restart_and_two_running_copies() {
    let standin = StandIn::start().await.unwrap();
    let prefix = support::unique_prefix("slot-once");
    let connect = || async {
        let s: DynStore =
            Arc::new(RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5)).await.unwrap());
        s
    };
    let clock = ManualClock::new(monday(8, 0));
    let first = start_on(standin.clone(), connect().await, clock.clone(), true).await;
    standin.set_member_status(&class(), &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&class(), &teacher());
    reply_containing(&standin, class().id, "/settings").await;
    // A second copy of the bot runs against the same Redis. No updates are pushed while both run, so
    // what races is their schedulers and senders (Telegram lets only one copy poll anyway).
    let second = start_on(standin.clone(), connect().await, clock.clone(), true).await;
    clock.set(monday(20, 0));
    wait_lessons(&standin, class().id, 1).await;
    first.stop().await;
    let third = start_on(standin.clone(), connect().await, clock.clone(), true).await;
    clock.set(monday(20, 30));
    third.settle(Duration::from_millis(300)).await;
    assert_eq!(lesson_sends(&standin, class().id).len(), 1, "one lesson for the slot");
    second.stop().await;
    third.stop().await;
    let cleanup = RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5)).await.unwrap();
    cleanup.delete_prefix().await.unwrap();
}

// ---------------------------------------------------------------- notices

fn notice_sends(standin: &StandIn, chat: i64) -> Vec<Call> {
    standin
        .calls_to("sendMessage")
        .into_iter()
        .filter(|c| c.params["chat_id"].as_i64() == Some(chat) && c.response["ok"] == true)
        .filter(|c| {
            c.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
                .as_str()
                .is_some_and(|d| d.starts_with("nt:"))
        })
        .collect()
}

async fn wait_notice(standin: &StandIn, chat: i64, n: usize) -> Call {
    for _ in 0..200 {
        let got = notice_sends(standin, chat);
        if got.len() >= n {
            return got[n - 1].clone();
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no notice #{n} in {chat}");
}

/// The button text of a bot message as it is now (after edits).
fn button_text(standin: &StandIn, chat: i64, message_id: i32) -> String {
    let m = standin.message(chat, message_id).unwrap();
    m.reply_markup.unwrap()["inline_keyboard"][0][0]["text"].as_str().unwrap().to_owned()
}

async fn wait_button(standin: &StandIn, chat: i64, message_id: i32, want: &str) {
    for _ in 0..200 {
        if button_text(standin, chat, message_id) == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("button is {:?}, expected {want:?}", button_text(standin, chat, message_id));
}

#[tokio::test]
async fn a_notice_is_acknowledged_once_per_person_by_button_or_reply_and_status_lists_who_has_not() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let grandma = TgUser::new(1005, "陈奶奶").lang("zh-hans");
    for u in [mum(), dad(), grandma.clone()] {
        s.send_text(&class(), &u, "老师好");
    }
    s.send_text(&class(), &dad(), "/notice 明天春游，早上8点校门口集合");
    reply_containing(s, class().id, "/notice 只有管理员、老师和家委会").await;
    s.send_text(&class(), &teacher(), "/notice 明天春游，早上8点校门口集合\n请带水和帽子");
    let posted = wait_notice(s, class().id, 1).await;
    assert!(text_of(&posted).contains("明天春游") && text_of(&posted).contains("王老师"), "{}", text_of(&posted));
    let id = card_id(&posted);
    assert_eq!(button_text(s, class().id, id), "✅ 收到（0）");
    let data = button(&posted, 0);

    let q = s.press_button(&class(), &mum(), id, &data);
    assert!(callback_answer(s, &q).await.contains("已确认"));
    wait_button(s, class().id, id, "✅ 收到（1）").await;
    let q = s.press_button(&class(), &mum(), id, &data);
    assert!(callback_answer(s, &q).await.contains("已经确认过"), "a second press is answered, not counted");

    // A plain "收到" reply counts as an acknowledgement and is removed so the notice stays visible.
    let r = s.send_reply(&class(), &dad(), "收到！🙏", id);
    wait_button(s, class().id, id, "✅ 收到（2）").await;
    for _ in 0..100 {
        if s.message(class().id, r).unwrap().deleted {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(s.message(class().id, r).unwrap().deleted);
    // A reply with a question is not an acknowledgement and stays.
    let q2 = s.send_reply(&class(), &grandma, "收到，几点回来？", id);
    sim.settle(Duration::from_millis(100)).await;
    assert!(!s.message(class().id, q2).unwrap().deleted);

    s.send_text(&class(), &mum(), "/status");
    reply_containing(s, class().id, "/status 只有").await; // 李妈妈 is a parent here
    s.send_text(&class(), &teacher(), "/status");
    let st = reply_containing(s, class().id, "确认情况").await;
    assert!(st.contains("2 人已确认") && st.contains("陈奶奶") && !st.contains("张爸爸"), "{st}");
    sim.stop().await;
}

#[tokio::test]
async fn a_notice_in_quiet_hours_waits_and_bad_notices_get_answers() {
    let sim = bot_in_class().await; // 08:00
    let s = &sim.standin;
    s.send_text(&class(), &teacher(), "/notice");
    reply_containing(s, class().id, "用法").await;
    s.send_text(&class(), &teacher(), &format!("/notice {}", "字".repeat(3001)));
    reply_containing(s, class().id, "通知太长").await;
    s.send_text(&class(), &teacher(), "/settings quiet 07:00-09:00");
    reply_containing(s, class().id, "07:00-09:00").await;
    s.send_text(&class(), &teacher(), "/notice 下午放学时间改为4点");
    reply_containing(s, class().id, "09:00 发出").await;
    sim.settle(Duration::from_millis(100)).await;
    assert!(notice_sends(s, class().id).is_empty());
    sim.clock.set(monday(9, 0));
    wait_notice(s, class().id, 1).await;
    sim.stop().await;
}

// ---------------------------------------------------------------- reminders

fn plain_sends(standin: &StandIn, chat: i64, after_seq: u64) -> Vec<String> {
    standin
        .calls_to("sendMessage")
        .into_iter()
        .filter(|c| c.seq > after_seq && c.params["chat_id"].as_i64() == Some(chat) && c.response["ok"] == true)
        // Not a reply, and no buttons other than a reminder's check-in.
        .filter(|c| {
            c.params["reply_parameters"].is_null()
                && (c.params["reply_markup"].is_null() || c.params["reply_markup"].to_string().contains("\"ck:"))
        })
        .map(|c| text_of(&c))
        .collect()
}

#[tokio::test]
async fn daily_reminders_fire_once_at_local_time_and_can_be_removed() {
    let standin = StandIn::start().await.unwrap();
    let store: DynStore = Arc::new(MemoryStore::new());
    let clock = ManualClock::new(monday(8, 0));
    let sim = start_on(standin.clone(), store.clone(), clock.clone(), true).await;
    let s = &standin;
    s.set_member_status(&class(), &teacher(), MemberStatus::Creator, false);
    s.add_bot(&class(), &teacher());
    reply_containing(s, class().id, "/settings").await;
    s.send_text(&class(), &teacher(), "/remind");
    reply_containing(s, class().id, "还没有设置每日提醒").await;
    s.send_text(&class(), &dad(), "/remind exercise 17:30");
    reply_containing(s, class().id, "/remind 只有管理员和老师").await;
    s.send_text(&class(), &teacher(), "/remind swim 17:30");
    reply_containing(s, class().id, "swim").await;
    s.send_text(&class(), &teacher(), "/remind exercise 25:61");
    reply_containing(s, class().id, "25:61").await;
    s.send_text(&class(), &teacher(), "/remind screen");
    reply_containing(s, class().id, "/remind screen 17:30").await;
    s.send_text(&class(), &teacher(), "/remind exercise 17:30");
    reply_containing(s, class().id, "17:30").await;
    s.send_text(&class(), &teacher(), "/remind bedtime");
    let list = reply_containing(s, class().id, "按时睡觉").await;
    assert!(list.contains("20:50"), "primary: half an hour before 21:20 — {list}");
    let mark = s.calls().last().unwrap().seq;

    clock.set(monday(17, 29));
    sim.settle(Duration::from_millis(100)).await;
    assert!(plain_sends(s, class().id, mark).is_empty());
    clock.set(monday(17, 30));
    for _ in 0..200 {
        if !plain_sends(s, class().id, mark).is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let sent = plain_sends(s, class().id, mark);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(!sent[0].contains('{'), "placeholders are filled: {}", sent[0]);

    // A restart within the hour does not send it again; bedtime comes at 20:50.
    sim.stop().await;
    let sim = start_on(standin.clone(), store.clone(), clock.clone(), true).await;
    clock.set(monday(17, 45));
    sim.settle(Duration::from_millis(200)).await;
    assert_eq!(plain_sends(s, class().id, mark).len(), 1);
    clock.set(monday(20, 50));
    for _ in 0..200 {
        if plain_sends(s, class().id, mark).len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(plain_sends(s, class().id, mark).len(), 2);

    s.send_text(&class(), &teacher(), "/remind off exercise");
    reply_containing(s, class().id, "已保存").await;
    let mark = s.calls().last().unwrap().seq;
    clock.set(Shanghai.with_ymd_and_hms(2026, 9, 8, 17, 30, 0).unwrap().with_timezone(&Utc));
    sim.settle(Duration::from_millis(200)).await;
    assert!(plain_sends(s, class().id, mark).is_empty(), "removed: no exercise reminder on Tuesday");
    sim.stop().await;
}

// ---------------------------------------------------------------- broadcasts

#[tokio::test]
async fn a_broadcast_asks_to_confirm_then_reaches_every_group_once() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let other = TgChat::supergroup(-1001000000003, "四年一班");
    s.set_member_status(&other, &teacher(), MemberStatus::Creator, false);
    s.add_bot(&other, &teacher());
    reply_containing(s, other.id, "/settings").await;
    let lonely = TgChat::supergroup(-1001000000004, "别的班");
    s.add_bot(&lonely, &dad()); // the teacher is neither admin nor teacher here
    reply_containing(s, lonely.id, "/settings").await;
    s.user_started_bot(&teacher(), true);
    let dm = TgChat::private(&teacher());
    s.send_text(&dm, &teacher(), "/broadcast");
    reply_containing(s, teacher().id, "用法").await;
    s.send_text(&dm, &teacher(), "/broadcast 周五全校停课一天，请家长安排好看护");
    let ask = reply_containing(s, teacher().id, "要把这条通知发到以下 2 个群").await;
    assert!(ask.contains("三年二班") && ask.contains("四年一班") && !ask.contains("别的班"), "{ask}");
    assert!(notice_sends(s, class().id).is_empty(), "nothing before the confirmation");
    let confirm = s.calls_to("sendMessage").into_iter().rev().find(|c| c.params["chat_id"] == teacher().id).unwrap();
    // The full list is a button away (edited into the prompt), with the send button kept.
    let q = s.press_button(&dm, &teacher(), card_id(&confirm), &button_with(&confirm, "bc:p:1:"));
    callback_answer(s, &q).await;
    let listed = s
        .wait_for("editMessageText", |c| c.params["text"].as_str().is_some_and(|t| t.contains("共 2 个")), WAIT)
        .await
        .expect("the list page");
    assert!(text_of(&listed).contains("• 三年二班") && text_of(&listed).contains("• 四年一班"), "{}", text_of(&listed));
    let q = s.press_button(&dm, &teacher(), card_id(&confirm), &button_with(&listed, "bc:y:"));
    assert!(callback_answer(s, &q).await.contains("正在发到 2 个群"));
    let a = wait_notice(s, class().id, 1).await;
    let b = wait_notice(s, other.id, 1).await;
    assert!(text_of(&a).contains("周五全校停课") && text_of(&b).contains("周五全校停课"));
    let q = s.press_button(&dm, &teacher(), card_id(&confirm), &button_with(&confirm, "bc:y:"));
    assert!(callback_answer(s, &q).await.contains("已经处理过"));
    sim.settle(Duration::from_millis(100)).await;
    assert_eq!(notice_sends(s, class().id).len(), 1);
    assert_eq!(notice_sends(s, other.id).len(), 1);
    assert!(notice_sends(s, lonely.id).is_empty());
    // Parents acknowledge it like any notice.
    let q = s.press_button(&class(), &mum(), card_id(&a), &button(&a, 0));
    assert!(callback_answer(s, &q).await.contains("已确认"));
    sim.stop().await;
}

#[tokio::test]
async fn a_broadcast_confirmed_before_a_crash_is_finished_after_restart_exactly_once() {
    let standin = StandIn::start().await.unwrap();
    let store: DynStore = Arc::new(MemoryStore::new());
    let clock = ManualClock::new(monday(10, 0));
    let groups = [TgChat::supergroup(-1001000000011, "一班"), TgChat::supergroup(-1001000000012, "二班")];
    for g in &groups {
        let mut rec = jiaxiao::model::Group::new(g.id, "g", Default::default());
        rec.greeted = true;
        store.put_group(&rec).await.unwrap();
    }
    // The state a crash right after the confirm press leaves behind: confirmed, nothing queued.
    let b = jiaxiao::store::Broadcast {
        id: "77-5".into(),
        author: "王老师".into(),
        author_id: 77,
        text: "明天提前半小时放学".into(),
        targets: groups.iter().map(|g| g.id).collect(),
        at: clock.now(),
        state: "confirmed".into(),
        paid: false,
    };
    store.put_broadcast(&b).await.unwrap();
    let sim = start_on(standin.clone(), store.clone(), clock.clone(), true).await;
    for g in &groups {
        wait_notice(&standin, g.id, 1).await;
    }
    assert_eq!(store.broadcast("77-5").await.unwrap().unwrap().state, "done");
    sim.stop().await;
    // Even if the done mark had been lost, another fan-out queues nothing new.
    store.put_broadcast(&b).await.unwrap();
    let sim = start_on(standin.clone(), store.clone(), clock.clone(), true).await;
    sim.settle(Duration::from_millis(300)).await;
    for g in &groups {
        assert_eq!(notice_sends(&standin, g.id).len(), 1);
    }
    sim.stop().await;
}

/// The card replying to `message_id`, waited for as the stand-in records it.
async fn card_signal(standin: &StandIn, chat: i64, message_id: i32) -> Call {
    standin
        .wait_for(
            "sendMessage",
            move |c| {
                c.params["chat_id"].as_i64() == Some(chat)
                    && c.params["reply_parameters"]["message_id"].as_i64() == Some(message_id as i64)
                    && c.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
                        .as_str()
                        .is_some_and(|d| d.starts_with("md:"))
            },
            WAIT,
        )
        .await
        .unwrap_or_else(|| panic!("no moderation card for message {message_id}"))
}

/// Sends a message that is always flagged and waits for its card: teloxide handles one chat's
/// updates in order, so everything sent before it has been handled.
async fn barrier(standin: &StandIn, chat: &TgChat) {
    let id = standin.send_text(chat, &dad(), FEE);
    card_signal(standin, chat.id, id).await;
}

const LEARNED_AD: &str = "我老公是卖车的，最近有优惠，想换车的家长可以联系我";

#[tokio::test]
async fn learned_flags_ask_to_take_a_look_and_delete_mode_never_removes_them() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let id = s.send_text(&class(), &dad(), LEARNED_AD);
    let card = text_of(&card_signal(s, class().id, id).await);
    assert!(card.contains("请看一下") && card.contains("学习模型") && card.contains("广告"), "{card}");
    let id = s.send_text(&class(), &dad(), FEE);
    let card = text_of(&card_signal(s, class().id, id).await);
    assert!(card.contains("规则命中"), "a rule verdict says so: {card}");

    s.send_text(&class(), &teacher(), "/settings moderation delete");
    reply_containing(s, class().id, "delete").await;
    let id = s.send_text(&class(), &dad(), LEARNED_AD);
    card_signal(s, class().id, id).await;
    assert!(!s.message(class().id, id).unwrap().deleted, "a learned flag is never deleted automatically");
    sim.stop().await;
}

#[tokio::test]
async fn moderators_teach_their_group_and_other_groups_are_unaffected() {
    let sim = bot_in_class().await;
    let s = &sim.standin;
    let other = TgChat::supergroup(-1001000000002, "三年三班");
    s.set_member_status(&other, &teacher(), MemberStatus::Creator, false);
    s.add_bot(&other, &teacher());
    let marked =
        ["周五的亲子活动需要的材料费每家25元，转给班长妈妈", "周五的亲子活动需要的材料费每家30元，转给班长妈妈"];
    for text in marked {
        let id = s.send_text(&class(), &dad(), text);
        let card = card_signal(s, class().id, id).await;
        let q = s.press_button(&class(), &teacher(), card_id(&card), &button(&card, 1));
        callback_answer(s, &q).await;
    }
    let variant = "周五的亲子活动需要的材料费每家28元，转给班长妈妈哈";
    let id = s.send_text(&class(), &mum(), variant);
    barrier(s, &class()).await;
    assert!(card_for(s, class().id, id).is_none(), "two marks on close wordings teach this group");
    let id = s.send_text(&other, &mum(), variant);
    card_signal(s, other.id, id).await;
    // The samples are in the store (no text), and the flags' excerpts are the only text kept.
    let samples = sim.app.store.samples(class().id).await.unwrap();
    assert_eq!(samples.len(), 2);
    assert!(samples.iter().all(|x| x.fine && !x.grams.is_empty()));
    assert!(sim.app.store.samples(other.id).await.unwrap().is_empty());
    sim.stop().await;
}

/// A stand-in for an OpenAI-compatible chat-completions endpoint: answers by what the message
/// contains, and records every message it was asked about.
async fn llm_standin(answers: Vec<(&'static str, &'static str)>) -> (url::Url, Arc<std::sync::Mutex<Vec<String>>>) {
    use axum::{Json, Router, extract::State, http::HeaderMap, routing::post};
    type Seen = Arc<std::sync::Mutex<Vec<String>>>;
    let seen: Seen = Arc::default();
    let app = Router::new()
        .route(
            "/v1/chat/completions",
            post(|State((seen, answers)): State<(Seen, Vec<(&'static str, &'static str)>)>, headers: HeaderMap, Json(body): Json<serde_json::Value>| async move {
                assert_eq!(headers.get("authorization").and_then(|v| v.to_str().ok()), Some("Bearer test-key"));
                let user = body["messages"][1]["content"].as_str().unwrap_or_default().to_owned();
                let answer = answers.iter().find(|(needle, _)| user.contains(needle)).map_or("[]", |a| a.1);
                seen.lock().unwrap().push(user);
                Json(serde_json::json!({
                    "choices": [{"message": {"role": "assistant", "content": format!("{{\"violations\": {answer}}}")}}]
                }))
            }),
        )
        .with_state((seen.clone(), answers));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url::Url::parse(&format!("http://{addr}/v1")).unwrap(), seen)
}

#[tokio::test]
async fn a_second_opinion_withdraws_learned_flags_raises_borderline_ones_and_never_sees_rule_verdicts() {
    let (url, seen) = llm_standin(vec![("照上次的来", r#"["fee_collection"]"#), ("卖车", "[]")]).await;
    let standin = StandIn::start().await.unwrap();
    let llm = jiaxiao::telegram::llm::LlmConfig {
        url,
        model: "test-model".into(),
        api_key: Some("test-key".into()),
        per_minute: 100,
        timeout: Duration::from_secs(5),
    };
    let opts = SimOptions {
        store: Arc::new(MemoryStore::new()),
        clock: ManualClock::new(monday(8, 0)),
        limits: Limits::default(),
        jobs: true,
        webhook: None,
        llm: Some(llm),
    };
    let sim = SimBot::start(standin.clone(), opts).await.unwrap();
    let s = &sim.standin;
    s.set_member_status(&class(), &teacher(), MemberStatus::Creator, false);
    s.add_bot(&class(), &teacher());
    reply_containing(s, class().id, "").await;

    // A borderline message nothing flags: the second opinion raises a "please take a look".
    let id = s.send_text(&class(), &dad(), "宝子们冲冲冲，老样子照上次的来哦");
    let card = text_of(&card_signal(s, class().id, id).await);
    assert!(card.contains("第二意见") && card.contains("收费"), "{card}");

    // A learned flag the second opinion disagrees with is withdrawn on its card.
    let id = s.send_text(&class(), &mum(), LEARNED_AD);
    let card = card_id(&card_signal(s, class().id, id).await);
    s.wait_for(
        "editMessageText",
        move |c| c.params["message_id"].as_i64() == Some(card as i64) && text_of(c).contains("已撤回"),
        WAIT,
    )
    .await
    .expect("the learned flag is withdrawn");
    assert!(sim.app.store.flag(class().id, id).await.unwrap().unwrap().resolved);

    // Rule verdicts are never sent for a second opinion.
    barrier(s, &class()).await;
    let asked = seen.lock().unwrap().clone();
    assert_eq!(asked.len(), 2, "{asked:#?}");
    assert!(asked.iter().all(|m| !m.contains("班费每人200元")), "{asked:#?}");
    assert!(asked[0].contains("Candidates: fee_collection"), "{}", asked[0]);
    sim.stop().await;
}

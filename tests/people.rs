//! End-to-end, through the stand-in: parents and teachers beyond the notice — acknowledgement replies
//! as parents write them, private chasing, check-ins without names, the weekly picture, questions
//! to the teacher in private, parents' own settings, and the permission table.

mod support;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use jiaxiao::clock::ManualClock;
use jiaxiao::jobs::ratelimit::Limits;
use jiaxiao::model::Role;
use jiaxiao::sim::{SimBot, SimOptions};
use jiaxiao::standin::{Call, MemberStatus, StandIn, TgChat, TgUser};
use jiaxiao::store::{DynStore, MemoryStore, RedisStore};
use std::sync::Arc;
use std::time::Duration;
use support::chat::*;

fn teacher() -> TgUser {
    TgUser::new(2001, "王老师").username("wang_laoshi").lang("zh-hans")
}
fn mum() -> TgUser {
    TgUser::new(2002, "李妈妈").username("li_mama").lang("zh-hans")
}
fn dad() -> TgUser {
    TgUser::new(2003, "张爸爸").lang("zh-hans")
}
fn grandma() -> TgUser {
    TgUser::new(2004, "陈奶奶").lang("zh-hans")
}
fn committee() -> TgUser {
    TgUser::new(2005, "赵家委").lang("zh-hans")
}
fn class() -> TgChat {
    TgChat::supergroup(-1002000000001, "三年二班")
}
fn other_class() -> TgChat {
    TgChat::supergroup(-1002000000002, "四年一班")
}
fn other_teacher() -> TgUser {
    TgUser::new(2011, "刘老师").lang("zh-hans")
}
fn dm(u: &TgUser) -> TgChat {
    TgChat::private(u)
}

/// 2026-09-07 (a Monday) + `day` days, at a local time in Shanghai.
fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Shanghai.with_ymd_and_hms(2026, 9, 7 + day, h, m, 0).unwrap().with_timezone(&Utc)
}

async fn start_on(standin: &StandIn, store: DynStore, clock: &ManualClock) -> SimBot {
    start_with_limits(standin, store, clock, Limits::default()).await
}

async fn start_with_limits(standin: &StandIn, store: DynStore, clock: &ManualClock, limits: Limits) -> SimBot {
    let opts = SimOptions { store, clock: clock.clone(), limits, jobs: true, webhook: None, llm: None };
    SimBot::start(standin.clone(), opts).await.expect("bot starts")
}

/// The bot in `group` with `owner` as its creator; the parents have each posted once.
async fn join(s: &StandIn, group: &TgChat, owner: &TgUser, parents: &[TgUser]) {
    s.set_member_status(group, owner, MemberStatus::Creator, false);
    s.add_bot(group, owner);
    reply_containing(s, group.id, "/settings").await;
    for p in parents {
        s.send_text(group, p, "老师好");
    }
}

/// A bot in memory in the class with 王老师 (creator) and three parents.
async fn class_bot(clock: &ManualClock) -> SimBot {
    let standin = StandIn::start().await.unwrap();
    let sim = start_on(&standin, Arc::new(MemoryStore::new()), clock).await;
    join(&standin, &class(), &teacher(), &[mum(), dad(), grandma()]).await;
    sim
}

/// The first call to `method` after `after` for which `pred` holds.
async fn next_call(s: &StandIn, method: &str, after: u64, pred: impl Fn(&Call) -> bool) -> Call {
    s.wait_for(method, move |c| c.seq > after && c.response["ok"] == true && pred(c), WAIT).await.unwrap_or_else(|| {
        panic!("no {method} as expected; calls: {:#?}", s.calls().iter().rev().take(8).collect::<Vec<_>>())
    })
}

fn to_chat(c: &Call, chat: i64) -> bool {
    // JSON calls carry a number; uploads (multipart) a string.
    let id = &c.params["chat_id"];
    id.as_i64().or_else(|| id.as_str().and_then(|s| s.parse().ok())) == Some(chat)
}

fn last_seq(s: &StandIn) -> u64 {
    s.calls().last().map_or(0, |c| c.seq)
}

fn keyboard_text(c: &Call) -> String {
    c.params["reply_markup"].to_string()
}

/// The button data in a markup (JSON) starting with `prefix`.
fn data_in(markup: &serde_json::Value, prefix: &str) -> Option<String> {
    markup["inline_keyboard"]
        .as_array()?
        .iter()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["callback_data"].as_str().map(str::to_owned))
        .find(|d| d.starts_with(prefix))
}

/// Waits until message `id` in `chat` has a first button labelled `want`.
async fn wait_label(s: &StandIn, chat: i64, id: i32, want: &str) {
    let (s2, w) = (s.clone(), want.to_owned());
    let found =
        s.wait_for("editMessageReplyMarkup", move |_| label(&s2, chat, id).as_deref() == Some(w.as_str()), WAIT).await;
    assert!(found.is_some() || label(s, chat, id).as_deref() == Some(want), "label is {:?}", label(s, chat, id));
}

fn label(s: &StandIn, chat: i64, id: i32) -> Option<String> {
    let m = s.message(chat, id)?;
    Some(m.reply_markup?["inline_keyboard"][0][0]["text"].as_str()?.to_owned())
}

/// Posts a notice as the teacher and returns the posted message.
async fn post_notice(s: &StandIn, text: &str) -> Call {
    let mark = last_seq(s);
    s.send_text(&class(), &teacher(), &format!("/notice {text}"));
    next_call(s, "sendMessage", mark, |c| to_chat(c, class().id) && keyboard_text(c).contains("nt:")).await
}

// ------------------------------------------------------------------ acknowledgements

#[tokio::test]
async fn acknowledgement_replies_as_parents_write_them_are_absorbed_and_questions_stay() {
    let clock = ManualClock::new(at(0, 8, 0));
    let sim = class_bot(&clock).await;
    let s = &sim.standin;
    let notice = post_notice(s, "周五下午家长会，请准时参加").await;
    let id = card_id(&notice);
    for (who, text) in [(mum(), "收到，谢谢老师辛苦了🙏"), (dad(), "好的老师"), (grandma(), "已阅")] {
        s.send_reply(&class(), &who, text, id);
    }
    wait_label(s, class().id, id, "✅ 收到（3）").await;
    let question = s.send_reply(&class(), &committee(), "收到，请问几点开始？", id);
    let absent = s.send_reply(&class(), &committee(), "没收到通知啊", id);
    sim.settle(Duration::from_millis(100)).await;
    assert!(!s.message(class().id, question).unwrap().deleted, "a question for the teacher stays");
    assert!(!s.message(class().id, absent).unwrap().deleted);
    assert_eq!(sim.app.store.acks(class().id, &format!("n{}", notice_cmd_id(s))).await.unwrap().len(), 3);
    sim.stop().await;
}

/// The id of the teacher's `/notice` message (notice ids are `n<that id>`).
fn notice_cmd_id(s: &StandIn) -> i32 {
    s.calls_to("sendMessage")
        .iter()
        .find_map(|c| data_in(&c.params["reply_markup"], "nt:"))
        .and_then(|d| d.trim_start_matches("nt:n").parse().ok())
        .expect("a notice was posted")
}

// ------------------------------------------------------------------ chasing

#[tokio::test]
async fn chasing_reaches_started_parents_once_after_quiet_hours_and_reports_the_rest_privately() {
    let clock = ManualClock::new(at(0, 8, 0));
    let sim = class_bot(&clock).await;
    let s = &sim.standin;
    s.send_text(&class(), &committee(), "大家好");
    let hello = s.send_text(&class(), &committee(), "我是家委会");
    s.send_reply(&class(), &teacher(), "/role committee", hello);
    reply_containing(s, class().id, "赵家委").await;
    let grandpa = TgUser::new(2006, "孙爷爷").lang("zh-hans");
    s.send_text(&class(), &grandpa, "老师好");
    for u in [teacher(), mum(), grandpa.clone()] {
        s.user_started_bot(&u, true);
        s.send_text(&dm(&u), &u, "/start");
        reply_containing(s, u.id, "").await;
    }
    let notice = post_notice(s, "明天春游，早上8点校门口集合").await;
    let nid = card_id(&notice);
    // The notice carries a t.me link that starts the private chat.
    let link = notice.params["reply_markup"]["inline_keyboard"][1][0]["url"].as_str().unwrap().to_owned();
    assert!(link.starts_with("https://t.me/") && link.contains("?start=n-1002000000001_n"), "{link}");
    let q = s.press_button(&class(), &grandma(), nid, &data_in(&notice.params["reply_markup"], "nt:").unwrap());
    callback_answer(s, &q).await;

    // Quiet hours from now: the private reminders wait for them to end.
    s.send_text(&class(), &teacher(), "/settings quiet 08:00-09:00");
    reply_containing(s, class().id, "08:00-09:00").await;
    s.send_text(&class(), &teacher(), "/status");
    let status = next_call(s, "sendMessage", 0, |c| to_chat(c, class().id) && keyboard_text(c).contains("nc:")).await;
    let chase = data_in(&status.params["reply_markup"], "nc:").unwrap();
    assert!(text_of(&status).contains("张爸爸") && text_of(&status).contains("李妈妈"));

    let q = s.press_button(&class(), &dad(), card_id(&status), &chase);
    assert!(callback_answer(s, &q).await.contains("只有"), "a parent cannot chase");
    let mark = last_seq(s);
    let q = s.press_button(&class(), &committee(), card_id(&status), &chase);
    let toast = callback_answer(s, &q).await;
    assert!(toast.contains("提醒 2 位") && toast.contains("1 位还没有开启"), "{toast}");
    // 赵家委 has not started the bot: the names go nowhere (never into the group).
    sim.settle(Duration::from_millis(100)).await;
    assert!(s.calls_to("copyMessage").is_empty(), "held by quiet hours");
    assert!(!sends_to(s, class().id).iter().any(|t| t.contains("无法私信")), "the report never goes to the group");

    let q = s.press_button(&class(), &teacher(), card_id(&status), &chase);
    let toast = callback_answer(s, &q).await;
    assert!(toast.contains("0 位") && toast.contains("此前已提醒过 2 位"), "once per notice and person: {toast}");
    let report = reply_containing(s, teacher().id, "无法私信").await;
    assert!(report.contains("张爸爸") && !report.contains("李妈妈") && !report.contains("陈奶奶"), "{report}");

    // 孙爷爷 acknowledges in the group meanwhile: his private reminder is not sent.
    let q = s.press_button(&class(), &grandpa, nid, &data_in(&notice.params["reply_markup"], "nt:").unwrap());
    callback_answer(s, &q).await;
    clock.set(at(0, 9, 0));
    let copy = next_call(s, "copyMessage", mark, |c| to_chat(c, mum().id)).await;
    assert_eq!(copy.params["from_chat_id"].as_i64(), Some(class().id));
    sim.settle(Duration::from_millis(150)).await;
    assert_eq!(s.calls_to("copyMessage").len(), 1, "only 李妈妈: 孙爷爷 acknowledged, 张爸爸 never started the bot");
    // Her button in private counts in the group.
    let pa = data_in(&copy.params["reply_markup"], "pa:").unwrap();
    let private_id = copy.response["result"]["message_id"].as_i64().unwrap() as i32;
    let q = s.press_button(&dm(&mum()), &mum(), private_id, &pa);
    assert!(callback_answer(s, &q).await.contains("已确认"));
    wait_label(s, class().id, nid, "✅ 收到（3）").await;
    // Her private button pressed against the group's notice (a forged press) does nothing.
    let q = s.press_button(&class(), &dad(), nid, &pa);
    assert_eq!(callback_answer(s, &q).await, "");

    // 张爸爸 follows the link: he starts the bot and gets the notice privately.
    s.user_started_bot(&dad(), true);
    let payload = link.split("?start=").nth(1).unwrap();
    let mark = last_seq(s);
    s.send_text(&dm(&dad()), &dad(), &format!("/start {payload}"));
    next_call(s, "copyMessage", mark, |c| to_chat(c, dad().id)).await;
    // Someone outside the group gets nothing from the same link.
    let stranger = TgUser::new(2099, "路人").lang("zh-hans");
    s.user_started_bot(&stranger, true);
    s.send_text(&dm(&stranger), &stranger, &format!("/start {payload}"));
    reply_containing(s, stranger.id, "还没见过").await;
    assert!(!s.calls_to("copyMessage").iter().any(|c| to_chat(c, stranger.id)));
    // Nor does someone who has left the group.
    s.set_member_status(&class(), &dad(), MemberStatus::Left, true);
    sim.settle(Duration::from_millis(100)).await;
    s.send_text(&dm(&dad()), &dad(), &format!("/start {payload}"));
    reply_containing(s, dad().id, "还没见过").await;
    assert_eq!(s.calls_to("copyMessage").iter().filter(|c| to_chat(c, dad().id)).count(), 1);
    sim.stop().await;
}

// ------------------------------------------------------------------ check-ins

/// The reminder with a check-in button posted to `chat` after `after`.
async fn reminder(s: &StandIn, chat: i64, after: u64) -> Call {
    next_call(s, "sendMessage", after, |c| to_chat(c, chat) && keyboard_text(c).contains("ck:")).await
}

async fn check_in_once_per_person_and_day(store: DynStore, restart_store: impl Fn() -> DynStore) {
    let clock = ManualClock::new(at(0, 8, 0));
    let standin = StandIn::start().await.unwrap();
    let s = &standin;
    let sim = start_on(s, store, &clock).await;
    join(s, &class(), &teacher(), &[mum(), dad(), grandma()]).await;
    s.send_text(&class(), &mum(), "/remind exercise 17:30");
    reply_containing(s, class().id, "只有管理员和老师").await;
    s.send_text(&class(), &teacher(), "/remind exercise 17:30");
    reply_containing(s, class().id, "17:30").await;
    let mark = last_seq(s);
    clock.set(at(0, 17, 30));
    let r = reminder(s, class().id, mark).await;
    let (rid, data) = (card_id(&r), data_in(&r.params["reply_markup"], "ck:").unwrap());
    assert_eq!(data, "ck:exercise:2026-09-07");

    // A check-in pressed against another of the bot's messages (a forged press) counts nothing.
    let other = next_call(s, "sendMessage", 0, |c| to_chat(c, class().id) && text_of(c).contains("17:30")).await;
    let q = s.press_button(&class(), &dad(), card_id(&other), &data);
    assert_eq!(callback_answer(s, &q).await, "");
    let q = s.press_button(&class(), &mum(), rid, &data);
    assert!(callback_answer(s, &q).await.contains("今天共有 1 个家庭"));
    wait_label(s, class().id, rid, "✅ 今天做到了 · 1 家").await;
    // A restart (with Redis: a new process over the same data) keeps the count and the rule.
    sim.stop().await;
    let sim = start_on(s, restart_store(), &clock).await;
    let q = s.press_button(&class(), &mum(), rid, &data);
    assert!(callback_answer(s, &q).await.contains("已经记过"), "once per person and day");
    let q = s.press_button(&class(), &dad(), rid, &data);
    assert!(callback_answer(s, &q).await.contains("今天共有 2 个家庭"));
    wait_label(s, class().id, rid, "✅ 今天做到了 · 2 家").await;
    // The reminder shows a count, never a name; nothing is posted to the group about it.
    let shown = s.message(class().id, rid).unwrap();
    let all = format!("{} {}", shown.text.unwrap_or_default(), shown.reply_markup.unwrap());
    assert!(!all.contains("李妈妈") && !all.contains("张爸爸"), "{all}");

    // The next day, yesterday's button does not count.
    clock.set(at(1, 8, 0));
    let q = s.press_button(&class(), &grandma(), rid, &data);
    assert!(callback_answer(s, &q).await.contains("09-07"), "only on its own day");
    // /me shows 李妈妈 her own week, privately.
    s.user_started_bot(&mum(), true);
    s.send_text(&dm(&mum()), &mum(), "/me");
    let me = reply_containing(s, mum().id, "您的一周").await;
    assert!(me.contains("校外运动一小时") && me.contains("1/7"), "{me}");
    sim.stop().await;
}

#[tokio::test]
async fn check_ins_count_once_per_person_and_day_and_show_only_a_count() {
    let store: DynStore = Arc::new(MemoryStore::new());
    let again = store.clone();
    check_in_once_per_person_and_day(store, move || again.clone()).await;
}

#[tokio::test]
async fn with_redis_check_ins_stay_once_per_person_across_a_restart() {
    let prefix = support::unique_prefix("checkin");
    let connect = |p: String| async move {
        RedisStore::connect(&support::redis_url(), &p, Duration::from_secs(5)).await.expect("Redis answers")
    };
    let first: DynStore = Arc::new(connect(prefix.clone()).await);
    let second: DynStore = Arc::new(connect(prefix.clone()).await);
    check_in_once_per_person_and_day(first, move || second.clone()).await;
    connect(prefix).await.delete_prefix().await.unwrap();
}

// ------------------------------------------------------------------ the weekly picture

#[tokio::test]
async fn the_weekly_picture_comes_once_on_sunday_evening_in_the_groups_language_and_can_be_turned_off() {
    let clock = ManualClock::new(at(0, 8, 0));
    let sim = class_bot(&clock).await;
    let s = &sim.standin;
    join(s, &other_class(), &other_teacher(), &[]).await;
    s.send_text(&other_class(), &other_teacher(), "/settings weekly off");
    reply_containing(s, other_class().id, "已保存").await;
    s.send_text(&class(), &teacher(), "/settings lang en");
    reply_containing(s, class().id, "Saved").await;
    s.send_text(&class(), &teacher(), "/remind bedtime 20:30");
    reply_containing(s, class().id, "20:30").await;
    // Check-ins on three days: 3, 2 and 1 families.
    for (day, who) in [(0u32, vec![mum(), dad(), grandma()]), (2, vec![mum(), dad()]), (4, vec![mum()])] {
        let mark = last_seq(s);
        clock.set(at(day, 20, 30));
        let r = reminder(s, class().id, mark).await;
        let data = data_in(&r.params["reply_markup"], "ck:").unwrap();
        for u in &who {
            let q = s.press_button(&class(), u, card_id(&r), &data);
            callback_answer(s, &q).await;
        }
    }
    let notice = post_notice(s, "Sports day on Friday").await;
    let q =
        s.press_button(&class(), &mum(), card_id(&notice), &data_in(&notice.params["reply_markup"], "nt:").unwrap());
    callback_answer(s, &q).await;

    let mark = last_seq(s);
    clock.set(at(6, 18, 59));
    sim.settle(Duration::from_millis(150)).await;
    assert!(s.uploaded_photos(class().id).is_empty(), "not before Sunday 19:00");
    clock.set(at(6, 19, 0));
    let photo = next_call(s, "sendPhoto", mark, |c| to_chat(c, class().id)).await;
    let caption = photo.params["caption"].as_str().unwrap_or_default().to_owned();
    assert!(caption.contains("6 check-ins") && caption.contains("1 notice,") && caption.contains("33%"), "{caption}");
    assert!(!caption.contains("李妈妈"), "no names");
    let (png, _) = s.uploaded_photos(class().id).pop().unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let file = std::env::temp_dir().join("jiaxiao-e2e-weekly.png");
    std::fs::write(&file, &png).unwrap();
    // Once: later the same evening nothing more; the other group turned it off.
    clock.set(at(6, 21, 0));
    sim.settle(Duration::from_millis(150)).await;
    assert_eq!(s.uploaded_photos(class().id).len(), 1);
    assert!(s.uploaded_photos(other_class().id).is_empty());
    sim.stop().await;
}

// ------------------------------------------------------------------ questions

#[tokio::test]
async fn questions_go_privately_to_this_groups_teachers_and_answers_come_back_privately() {
    let clock = ManualClock::new(at(0, 10, 0));
    let sim = class_bot(&clock).await;
    let s = &sim.standin;
    join(s, &other_class(), &other_teacher(), &[dad()]).await;
    for u in [teacher(), other_teacher(), mum(), dad()] {
        s.user_started_bot(&u, true);
    }
    s.send_text(&dm(&other_teacher()), &other_teacher(), "/start");
    reply_containing(s, other_teacher().id, "").await;
    // A teacher who has not opened the private chat cannot be reached.
    s.send_text(&dm(&mum()), &mum(), "/ask 孩子最近上课走神，怎么办？");
    reply_containing(s, mum().id, "还没有开启").await;
    s.send_text(&dm(&teacher()), &teacher(), "/start");
    reply_containing(s, teacher().id, "").await;

    let group_before = sends_to(s, class().id).len();
    s.send_text(&dm(&mum()), &mum(), "/ask 孩子最近上课走神，怎么办？");
    reply_containing(s, mum().id, "已私下转给 1 位老师").await;
    let q = next_call(s, "sendMessage", 0, |c| to_chat(c, teacher().id) && text_of(c).contains("走神")).await;
    assert!(text_of(&q).contains("李妈妈") && text_of(&q).contains("三年二班"));
    assert!(
        !sends_to(s, other_teacher().id).iter().any(|t| t.contains("走神")),
        "another group's teacher never sees it"
    );
    assert_eq!(sends_to(s, class().id).len(), group_before, "nothing in the group");

    // The teacher replies to the question; the parent gets the answer privately.
    s.send_reply(&dm(&teacher()), &teacher(), "多陪孩子户外运动，作息规律。", card_id(&q));
    let answer = reply_containing(s, mum().id, "老师回复了").await;
    assert!(answer.contains("户外运动"), "{answer}");
    reply_containing(s, teacher().id, "已私下转给家长").await;
    // A teacher of another group cannot answer it by pressing someone else's button.
    let reply_btn = data_in(&q.params["reply_markup"], "ar:").unwrap();
    let q2 = s.press_button(&dm(&other_teacher()), &other_teacher(), card_id(&q), &reply_btn);
    assert!(callback_answer(s, &q2).await.contains("过期或不属于"));

    // "Reply" button then text works too.
    s.send_text(&dm(&mum()), &mum(), "/ask 明天要带午饭吗？");
    reply_containing(s, mum().id, "已私下转给").await;
    let q3 = next_call(s, "sendMessage", q.seq, |c| to_chat(c, teacher().id) && text_of(c).contains("午饭")).await;
    let press =
        s.press_button(&dm(&teacher()), &teacher(), card_id(&q3), &data_in(&q3.params["reply_markup"], "ar:").unwrap());
    callback_answer(s, &press).await;
    reply_containing(s, teacher().id, "请写下回复").await;
    s.send_text(&dm(&teacher()), &teacher(), "不用，学校有午餐。");
    assert!(reply_containing(s, mum().id, "老师回复了").await.contains("学校有午餐"));

    // Mute for a day: her next question is refused until tomorrow.
    let press =
        s.press_button(&dm(&teacher()), &teacher(), card_id(&q3), &data_in(&q3.params["reply_markup"], "am:").unwrap());
    assert!(callback_answer(s, &press).await.contains("不再转给"));
    s.send_text(&dm(&mum()), &mum(), "/ask 还有一个问题");
    reply_containing(s, mum().id, "暂不接收").await;

    // A parent in two groups chooses; the question goes to that group's teacher only.
    s.send_text(&other_class(), &mum(), "刘老师好");
    s.send_text(&dm(&mum()), &mum(), "/ask 四年一班的作业在哪里看？");
    let choose = next_call(s, "sendMessage", 0, |c| to_chat(c, mum().id) && keyboard_text(c).contains("aq:")).await;
    let pick = format!("aq:{}", other_class().id);
    let press = s.press_button(&dm(&mum()), &mum(), card_id(&choose), &pick);
    callback_answer(s, &press).await;
    reply_containing(s, mum().id, "已私下转给 1 位老师").await;
    next_call(s, "sendMessage", 0, |c| to_chat(c, other_teacher().id) && text_of(c).contains("作业在哪里")).await;

    // At most five questions a day per parent and group.
    s.send_text(&dm(&dad()), &dad(), "/ask");
    let choose = next_call(s, "sendMessage", 0, |c| to_chat(c, dad().id) && keyboard_text(c).contains("aq:")).await;
    let press = s.press_button(&dm(&dad()), &dad(), card_id(&choose), &format!("aq:{}", class().id));
    callback_answer(s, &press).await;
    reply_containing(s, dad().id, "请写下").await;
    s.send_text(&dm(&dad()), &dad(), "问题 1");
    reply_containing(s, dad().id, "已私下转给").await;
    for i in 2..=5 {
        s.send_text(&dm(&dad()), &dad(), "/ask");
        let choose =
            next_call(s, "sendMessage", last_seq(s) - 1, |c| to_chat(c, dad().id) && keyboard_text(c).contains("aq:"))
                .await;
        let press = s.press_button(&dm(&dad()), &dad(), card_id(&choose), &format!("aq:{}", class().id));
        callback_answer(s, &press).await;
        reply_containing(s, dad().id, "请写下").await;
        s.send_text(&dm(&dad()), &dad(), &format!("问题 {i}"));
        reply_containing(s, dad().id, "已私下转给").await;
    }
    s.send_text(&dm(&dad()), &dad(), "/ask");
    let choose =
        next_call(s, "sendMessage", last_seq(s) - 1, |c| to_chat(c, dad().id) && keyboard_text(c).contains("aq:"))
            .await;
    let press = s.press_button(&dm(&dad()), &dad(), card_id(&choose), &format!("aq:{}", class().id));
    callback_answer(s, &press).await;
    reply_containing(s, dad().id, "请写下").await;
    s.send_text(&dm(&dad()), &dad(), "问题 6");
    reply_containing(s, dad().id, "已达 5 次").await;
    sim.stop().await;
}

// ------------------------------------------------------------------ parents' own settings

#[tokio::test]
async fn parents_set_their_language_zone_and_own_reminders_and_forgetme_deletes_them() {
    let clock = ManualClock::new(at(0, 8, 0));
    let sim = class_bot(&clock).await;
    let s = &sim.standin;
    s.user_started_bot(&mum(), true);
    let me = dm(&mum());
    s.send_text(&me, &mum(), "/settings tz Mars/Base");
    reply_containing(s, mum().id, "Mars/Base").await;
    s.send_text(&me, &mum(), "/settings tz Europe/London");
    reply_containing(s, mum().id, "Europe/London").await;
    s.send_text(&me, &mum(), "/settings lang en");
    reply_containing(s, mum().id, "Saved").await;
    s.send_text(&me, &mum(), "/remind exercise 7:99");
    reply_containing(s, mum().id, "is not a time").await;
    s.send_text(&me, &mum(), "/remind exercise 07:00");
    reply_containing(s, mum().id, "Europe/London").await;
    // 07:00 in London on Tuesday is 14:00 in Shanghai.
    let mark = last_seq(s);
    let london_7 = chrono_tz::Europe::London.with_ymd_and_hms(2026, 9, 8, 7, 0, 0).unwrap().with_timezone(&Utc);
    clock.set(london_7 - chrono::Duration::minutes(1));
    sim.settle(Duration::from_millis(100)).await;
    assert!(s.calls_to("sendMessage").iter().all(|c| c.seq <= mark || !to_chat(c, mum().id)));
    clock.set(london_7);
    let r = reminder(s, mum().id, mark).await;
    assert!(keyboard_text(&r).contains("Done today"), "in her language: {}", keyboard_text(&r));
    let q = s.press_button(&me, &mum(), card_id(&r), &data_in(&r.params["reply_markup"], "ck:").unwrap());
    assert!(callback_answer(s, &q).await.contains("Counted"));

    // A parent cannot set the group's reminders.
    s.send_text(&class(), &mum(), "/remind exercise 17:30");
    reply_containing(s, class().id, "只有管理员和老师").await;

    s.send_text(&me, &mum(), "/forgetme");
    let report = reply_containing(s, mum().id, "Deleted").await;
    assert!(report.contains("group member records: 1") && report.contains("check-ins: 1"), "{report}");
    assert!(sim.app.store.profile(mum().id as u64).await.unwrap().is_none());
    assert!(sim.app.store.member(class().id, mum().id as u64).await.unwrap().is_none());
    sim.stop().await;
}

// ------------------------------------------------------------------ permissions

/// Who the spec lets use each group command (written here, independently of the bot's table).
fn spec_allows(command: &str, role: Role) -> bool {
    let moderators = matches!(role, Role::Admin | Role::Teacher | Role::Committee);
    let managers = matches!(role, Role::Admin | Role::Teacher);
    match command {
        "help" => true,
        "notice" | "status" | "modlog" => moderators,
        "role" | "settings" | "lesson" | "lessons" | "remind" => managers,
        other => panic!("the spec names no group command /{other}: add it here with who may use it"),
    }
}

#[tokio::test]
async fn every_group_command_by_every_role_is_allowed_or_refused_as_the_spec_says() {
    let clock = ManualClock::new(at(0, 10, 0));
    // The walk posts 36 replies in one group within seconds, beyond Telegram's 20 a minute: the
    // budget is not what this test is about.
    let standin = StandIn::start().await.unwrap();
    let limits = Limits { group_per_min: 1000, ..Limits::default() };
    let sim = start_with_limits(&standin, Arc::new(MemoryStore::new()), &clock, limits).await;
    join(&standin, &class(), &teacher(), &[mum(), dad(), grandma()]).await;
    let s = &sim.standin;
    let admin = TgUser::new(2020, "管理员").lang("zh-hans");
    s.set_member_status(
        &class(),
        &admin,
        MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: true },
        true,
    );
    let helper = TgUser::new(2021, "副班主任").lang("zh-hans");
    s.send_text(&class(), &helper, "大家好");
    sim.app.store.set_role(class().id, helper.id as u64, Role::Teacher).await.unwrap();
    sim.app.store.set_role(class().id, committee().id as u64, Role::Committee).await.unwrap();
    let names: Vec<&str> = jiaxiao::telegram::commands::GROUP_COMMANDS.iter().map(|c| c.name).collect();
    assert!(names.len() >= 9, "{names:?}");
    for (user, role) in
        [(mum(), Role::Parent), (committee(), Role::Committee), (helper, Role::Teacher), (admin, Role::Admin)]
    {
        for name in &names {
            let mark = last_seq(s);
            s.send_text(&class(), &user, &format!("/{name}"));
            let answer = next_call(s, "sendMessage", mark, |c| to_chat(c, class().id)).await;
            let refused = text_of(&answer).contains(&format!("/{name} 只有"));
            assert_eq!(!refused, spec_allows(name, role), "/{name} by {role:?}: {}", text_of(&answer));
        }
    }
    // Private commands answer anyone (they act on the sender's own records only).
    s.user_started_bot(&dad(), true);
    for c in jiaxiao::telegram::commands::PRIVATE_COMMANDS {
        let mark = last_seq(s);
        s.send_text(&dm(&dad()), &dad(), &format!("/{}", c.name));
        let answer = next_call(s, "sendMessage", mark, |c| to_chat(c, dad().id)).await;
        assert!(!text_of(&answer).is_empty(), "/{} in private", c.name);
    }
    sim.stop().await;
}

#[tokio::test]
async fn with_redis_a_notice_is_chased_once_per_person_across_a_restart() {
    let prefix = support::unique_prefix("chase");
    let connect = |p: String| async move {
        RedisStore::connect(&support::redis_url(), &p, Duration::from_secs(5)).await.expect("Redis answers")
    };
    let clock = ManualClock::new(at(0, 8, 0));
    let standin = StandIn::start().await.unwrap();
    let s = &standin;
    let sim = start_on(s, Arc::new(connect(prefix.clone()).await), &clock).await;
    join(s, &class(), &teacher(), &[mum(), dad()]).await;
    s.user_started_bot(&mum(), true);
    s.send_text(&dm(&mum()), &mum(), "/start");
    reply_containing(s, mum().id, "").await;
    s.send_text(&class(), &teacher(), "/settings quiet 08:00-09:00");
    reply_containing(s, class().id, "08:00-09:00").await;
    s.send_text(&class(), &teacher(), "/notice 明天带水彩笔");
    clock.set(at(0, 9, 0));
    let notice = next_call(s, "sendMessage", 0, |c| to_chat(c, class().id) && keyboard_text(c).contains("nt:")).await;
    assert!(text_of(&notice).contains("水彩笔"));
    s.send_text(&class(), &teacher(), "/settings quiet 09:00-10:00");
    reply_containing(s, class().id, "09:00-10:00").await;
    let status_of =
        |after: u64| next_call(s, "sendMessage", after, |c| to_chat(c, class().id) && keyboard_text(c).contains("nc:"));
    s.send_text(&class(), &teacher(), "/status");
    let status = status_of(0).await;
    let chase = data_in(&status.params["reply_markup"], "nc:").unwrap();
    let q = s.press_button(&class(), &teacher(), card_id(&status), &chase);
    assert!(callback_answer(s, &q).await.contains("提醒 1 位"));
    // A restart while the reminder waits for the quiet hours to end: pressing again queues nothing new.
    sim.stop().await;
    let sim = start_on(s, Arc::new(connect(prefix.clone()).await), &clock).await;
    let mark = last_seq(s);
    s.send_text(&class(), &teacher(), "/status");
    let status = status_of(mark).await;
    let q = s.press_button(&class(), &teacher(), card_id(&status), &chase);
    assert!(callback_answer(s, &q).await.contains("此前已提醒过 1 位"));
    clock.set(at(0, 10, 0));
    next_call(s, "copyMessage", 0, |c| to_chat(c, mum().id)).await;
    sim.settle(Duration::from_millis(200)).await;
    assert_eq!(s.calls_to("copyMessage").len(), 1, "once per notice and person");
    sim.stop().await;
    connect(prefix).await.delete_prefix().await.unwrap();
}

//! Redis goes away in the middle of a run and comes back: the bot does not panic, moderation goes
//! on (with the last known settings, or the defaults for a group first seen during the outage),
//! commands and button presses are answered "please try again in a moment", nothing that was
//! confirmed is lost, and the connection comes back by itself.

mod support;

use chrono::{DateTime, TimeZone, Utc};
use jiaxiao::clock::ManualClock;
use jiaxiao::sim::{SimBot, SimExtras, SimOptions};
use jiaxiao::standin::{Call, MemberStatus, StandIn, TgChat, TgUser};
use jiaxiao::store::{DynStore, RedisStore};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

fn monday(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 7, h, m, 0).unwrap() - chrono::Duration::hours(8)
}

fn text(c: &Call) -> String {
    c.params["text"].as_str().unwrap_or_default().to_owned()
}

/// The bot's next message in `chat` after stand-in call `after`.
async fn next_message(standin: &StandIn, chat: i64, after: u64) -> Call {
    standin
        .wait_for("sendMessage", move |c| c.seq > after && c.params["chat_id"] == chat, WAIT)
        .await
        .expect("the bot answers")
}

fn last_seq(standin: &StandIn) -> u64 {
    standin.calls().last().map(|c| c.seq).unwrap_or(0)
}

/// Retries `attempt` until it yields something: the Redis client reconnects on its own schedule
/// (with back-off), so this waits for an external process, bounded by `limit`.
async fn eventually<T, F, Fut>(limit: Duration, mut attempt: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + limit;
    let mut pause = Duration::from_millis(50);
    while tokio::time::Instant::now() < deadline {
        if let Some(v) = attempt().await {
            return Some(v);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(500));
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_stopped_and_restarted_mid_run() {
    jiaxiao::cli::init_logging();
    let mut redis = support::PrivateRedis::start();
    let store: DynStore = Arc::new(RedisStore::connect(&redis.url(), "jx:", Duration::from_secs(5)).await.unwrap());
    let standin = StandIn::start().await.unwrap();
    let extras = SimExtras { http_listen: Some("127.0.0.1:0".parse().unwrap()), ..SimExtras::default() };
    let sim = SimBot::start_with(standin.clone(), SimOptions::new(store, ManualClock::new(monday(10, 0))), extras)
        .await
        .unwrap();
    let readyz = format!("http://{}/readyz", sim.http_addr.unwrap());
    let http = reqwest::Client::new();
    let teacher = TgUser::new(601, "李老师");
    let (mum, dad) = (TgUser::new(602, "小明妈妈"), TgUser::new(603, "小红爸爸"));
    let class = TgChat::supergroup(-1003000000001, "二年三班");
    standin.set_member_status(&class, &teacher, MemberStatus::Creator, false);
    standin.add_bot(&class, &teacher);
    next_message(&standin, class.id, 0).await; // greeting

    // Before the outage: a notice, and one acknowledgement the bot confirms.
    let seq = last_seq(&standin);
    standin.send_text(&class, &teacher, "/notice 周三春游，请带好水和帽子");
    let notice = next_message(&standin, class.id, seq).await;
    let data = notice.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].as_str().unwrap().to_owned();
    let notice_id = notice.response["result"]["message_id"].as_i64().unwrap() as i32;
    let q = standin.press_button(&class, &mum, notice_id, &data);
    let answered = standin
        .wait_for("answerCallbackQuery", move |c| c.params["callback_query_id"].as_str() == Some(q.as_str()), WAIT)
        .await
        .unwrap();
    assert!(text(&answered).contains("已确认"), "{}", text(&answered));

    redis.stop();

    // Moderation goes on: in the known class, and in a group first seen now (defaults).
    let seq = last_seq(&standin);
    let fee = standin.send_text(&class, &dad, "各位家长，本学期班费每人300元，请今晚前扫码转给我");
    let card = next_message(&standin, class.id, seq).await;
    assert!(card.params["reply_markup"].to_string().contains("md:"), "a moderation card: {}", text(&card));
    let new_class = TgChat::supergroup(-1003000000002, "二年四班");
    // The bot was added while Redis was away (the join update was lost with the store).
    standin.set_bot_status(
        &new_class,
        MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: true },
    );
    standin.send_text(&new_class, &dad, "资料费每人50元，明天之前转到群收款");
    let card2 = next_message(&standin, new_class.id, 0).await;
    assert!(
        card2.params["reply_markup"].to_string().contains("md:"),
        "defaults moderate a new group: {}",
        text(&card2)
    );
    // A command that needs the store: "try again in a moment".
    let seq = last_seq(&standin);
    standin.send_text(&class, &teacher, "/status");
    let status = next_message(&standin, class.id, seq).await;
    assert!(text(&status).contains("稍后再试"), "{}", text(&status));
    // A button press is always answered.
    let q = standin.press_button(&class, &dad, notice_id, &data);
    let answered = standin
        .wait_for("answerCallbackQuery", move |c| c.params["callback_query_id"].as_str() == Some(q.as_str()), WAIT)
        .await
        .unwrap();
    assert!(text(&answered).contains("稍后再试"), "{}", text(&answered));
    let ready = http.get(&readyz).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    assert!(ready.text().await.unwrap().contains("store failing"));

    redis.restart();

    // The connection comes back by itself; what was confirmed is there.
    let status = eventually(Duration::from_secs(30), || async {
        let seq = last_seq(&standin);
        standin.send_text(&class, &teacher, "/status");
        let reply = text(&next_message(&standin, class.id, seq).await);
        (!reply.contains("稍后再试")).then_some(reply)
    })
    .await
    .expect("commands work again after Redis is back");
    assert!(status.contains("春游") && status.contains("1 人"), "the acknowledgement from before is kept: {status}");
    // The flag of the card posted during the outage reaches the store: its buttons work.
    let check: DynStore = Arc::new(RedisStore::connect(&redis.url(), "jx:", Duration::from_secs(5)).await.unwrap());
    let stored = eventually(Duration::from_secs(30), || async { check.flag(class.id, fee).await.ok().flatten() }).await;
    assert!(stored.is_some_and(|f| f.card.is_some()), "the flag was stored once Redis came back");
    let ready = eventually(Duration::from_secs(10), || async {
        let r = http.get(&readyz).send().await.ok()?;
        (r.status() == 200).then_some(())
    })
    .await;
    assert!(ready.is_some(), "ready again, every job still running");
    assert!(sim.stop().await, "no panic, clean stop");
}

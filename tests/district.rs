//! Running for a whole district: several copies of the real bot in webhook mode behind a round-robin
//! balancer, sharing one Redis, against the Bot API stand-in enforcing Telegram's flood limits;
//! district-sized broadcasts (free and paid); health and metrics. Process-level shutdown and crash
//! recovery are in `tests/process.rs`; Redis outages in `tests/outage.rs`.

mod support;

use chrono::{DateTime, TimeZone, Utc};
use jiaxiao::clock::ManualClock;
use jiaxiao::model::{Group, Role, Settings};
use jiaxiao::sim::{SimBot, SimExtras, SimOptions};
use jiaxiao::standin::{Call, FloodLimits, MemberStatus, StandIn, TgChat, TgUser};
use jiaxiao::store::{DynStore, RedisStore};
use std::sync::Arc;
use std::time::Duration;
use teloxide::prelude::*;

const WAIT: Duration = Duration::from_secs(20);
const SECRET: &str = "district-shared-secret";

fn teacher() -> TgUser {
    TgUser::new(501, "王老师").lang("zh-hans")
}

fn monday(h: u32, m: u32) -> DateTime<Utc> {
    // 2026-09-07 is a Monday; Asia/Shanghai is UTC+8.
    Utc.with_ymd_and_hms(2026, 9, 7, h, m, 0).unwrap() - chrono::Duration::hours(8)
}

async fn redis(prefix: &str) -> DynStore {
    Arc::new(RedisStore::connect(&support::redis_url(), prefix, Duration::from_secs(5)).await.unwrap())
}

/// One copy in webhook mode on any free port.
async fn copy(standin: &StandIn, prefix: &str, clock: &ManualClock, extras: SimExtras) -> SimBot {
    let mut opts = SimOptions::new(redis(prefix).await, clock.clone());
    opts.webhook = Some(("127.0.0.1:0".parse().unwrap(), SECRET.to_owned()));
    SimBot::start_with(standin.clone(), opts, extras).await.unwrap()
}

/// What an operator does once: `jiaxiao webhook set`.
async fn register_webhook(bot: &Bot, url: &str) {
    bot.set_webhook(url.parse().unwrap())
        .secret_token(SECRET.to_owned())
        .allowed_updates(jiaxiao::telegram::allowed_updates())
        .await
        .unwrap();
}

/// `n` active groups the teacher teaches, known to the store and to the stand-in (bot inside).
async fn district(standin: &StandIn, store: &DynStore, n: i64) -> Vec<TgChat> {
    let mut chats = Vec::new();
    for i in 0..n {
        let chat = TgChat::supergroup(-1002000000000 - i, format!("第{}中学 {}班", i / 40 + 1, i % 40 + 1));
        standin.set_bot_status(
            &chat,
            MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: true },
        );
        let mut g = Group::new(chat.id, chat.title.as_deref().unwrap_or_default(), Settings::default());
        g.greeted = true;
        store.put_group(&g).await.unwrap();
        store.set_role(chat.id, teacher().id as u64, Role::Teacher).await.unwrap();
        chats.push(chat);
    }
    chats
}

/// Waits until `n` notices went out (each stand-in call is a signal; no sleeping).
async fn wait_notices(standin: &StandIn, n: usize, timeout: Duration) -> Vec<Call> {
    support::collect_calls(standin, support::is_notice_post, |posts| posts.len() >= n, timeout).await
}

/// The teacher's `/broadcast` from a private chat: the confirm prompt.
async fn ask_broadcast(standin: &StandIn, text: &str) -> Call {
    standin.user_started_bot(&teacher(), true);
    let dm = TgChat::private(&teacher());
    standin.send_text(&dm, &teacher(), &format!("/broadcast {text}"));
    standin
        .wait_for(
            "sendMessage",
            |c| c.params["chat_id"] == teacher().id && c.params["reply_markup"].to_string().contains("bc:y:"),
            WAIT,
        )
        .await
        .expect("a confirm prompt")
}

/// The teacher's `/broadcast`, confirmed with the send button.
async fn broadcast(standin: &StandIn, text: &str) -> Call {
    let prompt = ask_broadcast(standin, text).await;
    let dm = TgChat::private(&teacher());
    let send = prompt.params["reply_markup"]["inline_keyboard"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row.as_array().unwrap().clone())
        .filter_map(|b| b["callback_data"].as_str().map(str::to_owned))
        .find(|d| d.starts_with("bc:y:"))
        .unwrap();
    let message_id = prompt.response["result"]["message_id"].as_i64().unwrap() as i32;
    standin.press_button(&dm, &teacher(), message_id, &send);
    prompt
}

fn per_group(posts: &[Call]) -> std::collections::HashMap<i64, usize> {
    let mut m = std::collections::HashMap::new();
    for c in posts {
        *m.entry(c.params["chat_id"].as_i64().unwrap()).or_default() += 1;
    }
    m
}

fn rate(posts: &[Call]) -> f64 {
    let first = posts.iter().map(|c| c.at).min().unwrap();
    let last = posts.iter().map(|c| c.at).max().unwrap();
    let secs = last.duration_since(first).unwrap_or_default().as_secs_f64().max(1e-3);
    (posts.len() - 1) as f64 / secs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_copies_behind_a_balancer_count_acknowledgements_once_and_broadcast_to_300_groups_within_the_limits() {
    let standin = StandIn::start().await.unwrap();
    standin.set_flood_limits(Some(support::flood_limits()));
    let prefix = support::unique_prefix("district");
    let clock = ManualClock::new(monday(10, 0));
    let a = copy(&standin, &prefix, &clock, SimExtras::default()).await;
    let b = copy(&standin, &prefix, &clock, SimExtras::default()).await;
    let balancer = support::Balancer::start(vec![a.webhook_url().unwrap(), b.webhook_url().unwrap()]).await;
    register_webhook(&a.bot, &balancer.url).await;

    // A class: the teacher posts a notice, 24 parents acknowledge it through whichever copy.
    let class = TgChat::supergroup(-1001999000001, "三年二班");
    standin.set_member_status(&class, &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&class, &teacher());
    standin.wait_for("sendMessage", |c| c.params["chat_id"] == class.id, WAIT).await.expect("greeting");
    standin.send_text(&class, &teacher(), "/notice 周五下午家长会，请准时参加");
    let post = standin
        .wait_for(
            "sendMessage",
            |c| c.params["chat_id"] == class.id && c.params["text"].to_string().contains("家长会"),
            WAIT,
        )
        .await
        .expect("the notice");
    let notice_msg = post.response["result"]["message_id"].as_i64().unwrap() as i32;
    let data = post.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].as_str().unwrap().to_owned();
    let parents: Vec<TgUser> = (0..24).map(|i| TgUser::new(7000 + i, format!("家长{i}"))).collect();
    let queries: Vec<String> = parents.iter().map(|p| standin.press_button(&class, p, notice_msg, &data)).collect();
    for q in queries {
        standin
            .wait_for("answerCallbackQuery", move |c| c.params["callback_query_id"].as_str() == Some(q.as_str()), WAIT)
            .await
            .expect("every press is answered");
    }
    let store = redis(&prefix).await;
    let acks = store.acks(class.id, data.trim_start_matches("nt:")).await.unwrap();
    assert_eq!(acks.len(), 24, "acknowledgements through both copies add up");
    let hits = balancer.hits();
    assert!(hits.iter().all(|h| *h > 5), "both copies took updates: {hits:?}");
    // The button ends at the stored total, whichever copy edited last.
    let shows_24 =
        |c: &Call| c.params["message_id"] == notice_msg && c.params["reply_markup"].to_string().contains("24");
    standin.wait_for("editMessageReplyMarkup", shows_24, WAIT).await.expect("the count shows 24");

    // A district broadcast to 300 more groups (301 with the class): every group once, no 429.
    let groups = district(&standin, &store, 300).await;
    let before = standin.flood_violations();
    broadcast(&standin, "台风预警：明天全区中小学停课一天").await;
    let posts: Vec<Call> = wait_notices(&standin, 302, Duration::from_secs(60))
        .await
        .into_iter()
        .filter(|c| c.params["chat_id"] != class.id)
        .collect();
    let counts = per_group(&posts);
    assert_eq!(counts.len(), groups.len(), "every group reached");
    assert!(counts.values().all(|n| *n == 1), "each group once");
    support::assert_within_limits(standin.flood_violations() - before, posts.len());
    println!("two copies: 300 groups at {:.1} msg/s ({:.0}% of 30/s)", rate(&posts), rate(&posts) / 30.0 * 100.0);

    // Stopping one copy leaves the webhook in place; the other goes on.
    assert!(a.stop().await, "copy A stopped cleanly");
    assert_eq!(standin.webhook_url().as_deref(), Some(balancer.url.as_str()), "the webhook is still registered");
    assert!(standin.calls_to("deleteWebhook").is_empty());
    standin.send_text(&class, &teacher(), "/status");
    standin
        .wait_for(
            "sendMessage",
            |c| c.params["chat_id"] == class.id && c.params["text"].to_string().contains("家长会"),
            WAIT,
        )
        .await
        .expect("copy B answers alone");
    b.stop().await;
    redis_cleanup(&prefix).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_paid_broadcast_reaches_1000_groups_once_without_429() {
    let standin = StandIn::start().await.unwrap();
    standin.set_flood_limits(Some(FloodLimits::default()));
    let prefix = support::unique_prefix("paid");
    let clock = ManualClock::new(monday(10, 0));
    let extras = SimExtras { paid_broadcasts: true, ..SimExtras::default() };
    let sim = copy(&standin, &prefix, &clock, extras).await;
    register_webhook(&sim.bot, &sim.webhook_url().unwrap()).await;
    let store = redis(&prefix).await;
    let groups = district(&standin, &store, 1000).await;
    let prompt = broadcast(&standin, "紧急通知：明日因台风全区停课").await;
    let asked = prompt.params["text"].as_str().unwrap().to_owned();
    assert!(asked.contains("1000 个群") && asked.contains("付费群发") && asked.contains("100 星"), "{asked}");
    let posts = wait_notices(&standin, 1000, Duration::from_secs(60)).await;
    let counts = per_group(&posts);
    assert_eq!(counts.len(), groups.len(), "every group reached");
    assert!(counts.values().all(|n| *n == 1), "each group once");
    support::assert_within_limits(standin.flood_violations(), posts.len());
    assert_eq!(standin.paid_sends(), 1000, "every post was a paid broadcast");
    println!("paid broadcast: 1000 groups at {:.0} msg/s", rate(&posts));
    sim.stop().await;
    redis_cleanup(&prefix).await;
}

#[tokio::test]
async fn the_broadcast_prompt_for_3000_groups_summarises_and_pages_within_telegrams_limits() {
    let standin = StandIn::start().await.unwrap();
    let prefix = support::unique_prefix("prompt");
    let sim = copy(&standin, &prefix, &ManualClock::new(monday(10, 0)), SimExtras::default()).await;
    register_webhook(&sim.bot, &sim.webhook_url().unwrap()).await;
    let store = redis(&prefix).await;
    district(&standin, &store, 3000).await;
    let prompt = ask_broadcast(&standin, "期末考试安排已发布").await;
    let text = prompt.params["text"].as_str().unwrap();
    assert!(prompt.ok(), "{}", prompt.response);
    assert!(text.contains("3000 个群") && text.contains("等另外 2995 个群"), "{text}");
    assert!(standin.calls_to("getChatMember").len() < 5, "no getChatMember per group");
    // Page through the full list: every page fits, all 3000 names appear once.
    let dm = TgChat::private(&teacher());
    let message_id = prompt.response["result"]["message_id"].as_i64().unwrap() as i32;
    let markup = prompt.params["reply_markup"].to_string();
    let id = markup.split("bc:y:").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let mut names = std::collections::HashSet::new();
    let (mut page, mut last_seq) = (0, prompt.seq);
    let mut next = Some(format!("bc:p:1:{id}"));
    while let Some(data) = next.take() {
        page += 1;
        standin.press_button(&dm, &teacher(), message_id, &data);
        let after = last_seq;
        let edit = standin.wait_for("editMessageText", move |c| c.seq > after, WAIT).await.expect("a page");
        last_seq = edit.seq;
        assert!(edit.ok(), "page {page} fits: {}", edit.response);
        let text = edit.params["text"].as_str().unwrap();
        assert!(text.contains("共 3000 个") && text.encode_utf16().count() <= 4096, "{text}");
        names.extend(text.lines().filter_map(|l| l.strip_prefix("• ")).map(str::to_owned));
        let want = format!("bc:p:{}:", page + 1);
        if edit.params["reply_markup"].to_string().contains(&want) {
            next = Some(format!("{want}{id}"));
        }
    }
    assert_eq!(names.len(), 3000, "the pages list every group once ({page} pages)");
    sim.stop().await;
    redis_cleanup(&prefix).await;
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let standin = StandIn::start().await.unwrap();
    let store: DynStore = Arc::new(jiaxiao::store::MemoryStore::new());
    let extras = SimExtras { http_listen: Some("127.0.0.1:0".parse().unwrap()), ..SimExtras::default() };
    let sim = SimBot::start_with(standin.clone(), SimOptions::new(store, ManualClock::new(monday(10, 0))), extras)
        .await
        .unwrap();
    let base = format!("http://{}", sim.http_addr.unwrap());
    let class = TgChat::supergroup(-1001999000077, "一年一班");
    standin.set_member_status(&class, &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&class, &teacher());
    standin.send_text(&class, &TgUser::new(9001, "某家长"), "各位家长请扫码交班费200元，今晚截止");
    standin
        .wait_for("sendMessage", |c| c.params["reply_markup"].to_string().contains("md:"), WAIT)
        .await
        .expect("card");
    let http = reqwest::Client::new();
    let health = http.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = http.get(format!("{base}/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let body = ready.text().await.unwrap();
    assert!(body.contains("store ok") && body.contains("telegram ok") && body.contains("jobs ok"), "{body}");
    let metrics = http.get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    for series in [
        "jiaxiao_updates_total{kind=\"message\"}",
        "jiaxiao_handler_seconds_bucket",
        "jiaxiao_flags_total{category=\"fee_collection\"",
        "jiaxiao_sends_total{result=\"ok\"}",
        "jiaxiao_jobs_running",
    ] {
        assert!(metrics.contains(series), "{series} missing from /metrics:\n{metrics}");
    }
    sim.stop().await;
}

async fn redis_cleanup(prefix: &str) {
    let s = RedisStore::connect(&support::redis_url(), prefix, Duration::from_secs(5)).await.unwrap();
    s.delete_prefix().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_settings_change_made_through_one_copy_reaches_the_others_cache_within_a_second_or_two() {
    let standin = StandIn::start().await.unwrap();
    let prefix = support::unique_prefix("feed");
    let clock = ManualClock::new(monday(10, 0));
    let a = copy(&standin, &prefix, &clock, SimExtras::default()).await;
    let b = copy(&standin, &prefix, &clock, SimExtras::default()).await;
    register_webhook(&a.bot, &a.webhook_url().unwrap()).await; // every update reaches copy A
    let class = TgChat::supergroup(-1001999000101, "五年一班");
    standin.set_member_status(&class, &teacher(), MemberStatus::Creator, false);
    standin.add_bot(&class, &teacher());
    standin.wait_for("sendMessage", |c| c.params["chat_id"] == class.id, WAIT).await.expect("greeting");
    let cached = b.app.group(class.id).await.unwrap().expect("copy B knows the group");
    assert_eq!(cached.settings.lang, jiaxiao::model::Lang::ZhCn);
    standin.send_text(&class, &teacher(), "/settings lang en");
    standin
        .wait_for(
            "sendMessage",
            |c| c.params["chat_id"] == class.id && c.params["text"].to_string().contains("Saved."),
            WAIT,
        )
        .await
        .expect("copy A confirms");
    let changed = std::time::Instant::now();
    // The change feed is read every half second; a loaded two-core machine gets some slack (the
    // latency printed below is the figure to watch).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let seen = loop {
        let notified = b.app.changes_seen.notified();
        if b.app.group(class.id).await.unwrap().is_some_and(|g| g.settings.lang == jiaxiao::model::Lang::En) {
            break true;
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            break false;
        }
    };
    assert!(seen, "copy B still had the old settings ten seconds later");
    println!("copy B saw the change {:.0} ms after copy A confirmed it", changed.elapsed().as_secs_f64() * 1000.0);
    a.stop().await;
    b.stop().await;
    redis_cleanup(&prefix).await;
}

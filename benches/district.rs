//! District-scale measurements (results in BENCHMARKS.md): `cargo bench --bench district`.
//! Needs Redis (`REDIS_URL`, default 127.0.0.1:6379); uses prefixes of its own and deletes them.
//!
//! - fan-out of a 300-group broadcast with 1, 2 and 3 copies in webhook mode behind a round-robin
//!   balancer, sharing one Redis, the stand-in enforcing Telegram's flood limits: rate as a share of
//!   30 msg/s, and 429s; and the same with budgets per copy (what the shared limiter prevents);
//! - a paid broadcast to 3,000 groups: rate;
//! - the `/broadcast` confirm prompt with 3,000 groups: time from the command to the prompt;
//! - `kill -9` of the real binary in the middle of a 300-group broadcast: time from the restart to the
//!   last group, and duplicates;
//! - Redis memory per group.

#[path = "../tests/support/mod.rs"]
mod support;

use chrono::{TimeZone, Utc};
use jiaxiao::clock::ManualClock;
use jiaxiao::jobs::limiter::{MemoryLimiter, SendLimiter};
use jiaxiao::jobs::ratelimit::Limits;
use jiaxiao::model::{Group, Role, Settings};
use jiaxiao::sim::{SimBot, SimExtras, SimOptions};
use jiaxiao::standin::{Call, FloodLimits, MemberStatus, StandIn, TgChat, TgUser};
use jiaxiao::store::{DynStore, RedisStore};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use teloxide::prelude::*;

const SECRET: &str = "bench-secret";
const WAIT: Duration = Duration::from_secs(120);

fn teacher() -> TgUser {
    TgUser::new(901, "钱老师").lang("zh-hans")
}

fn clock() -> ManualClock {
    ManualClock::new(Utc.with_ymd_and_hms(2026, 9, 7, 2, 0, 0).unwrap())
}

async fn redis(prefix: &str) -> DynStore {
    Arc::new(RedisStore::connect(&support::redis_url(), prefix, Duration::from_secs(5)).await.unwrap())
}

async fn district(standin: &StandIn, store: &DynStore, n: i64, base: i64) {
    for i in 0..n {
        let chat = TgChat::supergroup(base - i, format!("第{}中学 {}班", i / 40 + 1, i % 40 + 1));
        standin.set_bot_status(
            &chat,
            MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: true },
        );
        let mut g = Group::new(chat.id, chat.title.as_deref().unwrap_or_default(), Settings::default());
        g.greeted = true;
        store.put_group(&g).await.unwrap();
        store.set_role(chat.id, teacher().id as u64, Role::Teacher).await.unwrap();
    }
}

fn notice_posts(standin: &StandIn) -> Vec<Call> {
    standin
        .calls_to("sendMessage")
        .into_iter()
        .filter(|c| c.ok() && c.params["reply_markup"].to_string().contains("nt:"))
        .collect()
}

fn groups_reached(posts: &[Call]) -> HashMap<i64, usize> {
    let mut m = HashMap::new();
    for c in posts {
        *m.entry(c.params["chat_id"].as_i64().unwrap()).or_default() += 1;
    }
    m
}

async fn wait_groups(standin: &StandIn, n: usize) -> Vec<Call> {
    let mut events = standin.subscribe();
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let posts = notice_posts(standin);
        if groups_reached(&posts).len() >= n || tokio::time::timeout_at(deadline, events.recv()).await.is_err() {
            return posts;
        }
    }
}

async fn ask(standin: &StandIn) -> (Call, Duration) {
    standin.user_started_bot(&teacher(), true);
    let dm = TgChat::private(&teacher());
    let seen = standin.calls().last().map(|c| c.seq).unwrap_or(0);
    let t0 = Instant::now();
    standin.send_text(&dm, &teacher(), "/broadcast 明天全区停课一天");
    let prompt = standin
        .wait_for("sendMessage", move |c| c.seq > seen && c.params["reply_markup"].to_string().contains("bc:y:"), WAIT)
        .await
        .expect("prompt");
    (prompt, t0.elapsed())
}

fn confirm(standin: &StandIn, prompt: &Call) {
    let markup = prompt.params["reply_markup"].to_string();
    let id = markup.split("bc:y:").nth(1).unwrap().split('"').next().unwrap();
    let message_id = prompt.response["result"]["message_id"].as_i64().unwrap() as i32;
    standin.press_button(&TgChat::private(&teacher()), &teacher(), message_id, &format!("bc:y:{id}"));
}

fn rate(posts: &[Call]) -> f64 {
    let first = posts.iter().map(|c| c.at).min().unwrap();
    let last = posts.iter().map(|c| c.at).max().unwrap();
    (posts.len().saturating_sub(1)) as f64 / last.duration_since(first).unwrap_or_default().as_secs_f64().max(1e-3)
}

/// A 300-group broadcast with `copies` copies; `shared`: the Redis budget, else one per copy.
async fn fan_out(copies: usize, shared: bool) -> (f64, u64, usize) {
    let standin = StandIn::start().await.unwrap();
    standin.set_flood_limits(Some(FloodLimits::default()));
    let prefix = support::unique_prefix("bench-fanout");
    // The simulated clock follows real time, so that posts put back after a 429 come due again.
    let clock = clock();
    let ticking = clock.clone();
    let ticker = tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(100)).await;
            ticking.advance(chrono::Duration::milliseconds(100));
        }
    });
    let mut sims = Vec::new();
    for _ in 0..copies {
        let mut opts = SimOptions::new(redis(&prefix).await, clock.clone());
        opts.webhook = Some(("127.0.0.1:0".parse().unwrap(), SECRET.to_owned()));
        let limiter: Option<Arc<dyn SendLimiter>> =
            if shared { None } else { Some(Arc::new(MemoryLimiter::new(Limits::default()))) };
        sims.push(
            SimBot::start_with(standin.clone(), opts, SimExtras { limiter, ..SimExtras::default() }).await.unwrap(),
        );
    }
    let balancer = support::Balancer::start(sims.iter().map(|s| s.webhook_url().unwrap()).collect()).await;
    sims[0]
        .bot
        .set_webhook(balancer.url.parse().unwrap())
        .secret_token(SECRET.to_owned())
        .allowed_updates(jiaxiao::telegram::allowed_updates())
        .await
        .unwrap();
    district(&standin, &redis(&prefix).await, 300, -1005000000000).await;
    let (prompt, _) = ask(&standin).await;
    confirm(&standin, &prompt);
    let posts = wait_groups(&standin, 300).await;
    let reached = groups_reached(&posts).len();
    let r = rate(&posts);
    let violations = standin.flood_violations();
    ticker.abort();
    for s in sims {
        s.stop().await;
    }
    RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5))
        .await
        .unwrap()
        .delete_prefix()
        .await
        .unwrap();
    (r, violations, reached)
}

async fn paid(n: i64) -> f64 {
    let standin = StandIn::start().await.unwrap();
    standin.set_flood_limits(Some(FloodLimits::default()));
    let prefix = support::unique_prefix("bench-paid");
    let mut opts = SimOptions::new(redis(&prefix).await, clock());
    opts.webhook = Some(("127.0.0.1:0".parse().unwrap(), SECRET.to_owned()));
    let sim = SimBot::start_with(standin.clone(), opts, SimExtras { paid_broadcasts: true, ..SimExtras::default() })
        .await
        .unwrap();
    sim.bot.set_webhook(sim.webhook_url().unwrap().parse().unwrap()).secret_token(SECRET.to_owned()).await.unwrap();
    district(&standin, &redis(&prefix).await, n, -1006000000000).await;
    let (prompt, _) = ask(&standin).await;
    confirm(&standin, &prompt);
    let posts = wait_groups(&standin, n as usize).await;
    assert_eq!(groups_reached(&posts).len(), n as usize);
    assert_eq!(standin.flood_violations(), 0);
    sim.stop().await;
    RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5))
        .await
        .unwrap()
        .delete_prefix()
        .await
        .unwrap();
    rate(&posts)
}

/// Prompt times with 3,000 groups: the first (cold caches) and the median of five more.
async fn prompt_time() -> (Duration, Duration, usize) {
    let standin = StandIn::start().await.unwrap();
    let prefix = support::unique_prefix("bench-prompt");
    let mut opts = SimOptions::new(redis(&prefix).await, clock());
    opts.webhook = Some(("127.0.0.1:0".parse().unwrap(), SECRET.to_owned()));
    let sim = SimBot::start_with(standin.clone(), opts, SimExtras::default()).await.unwrap();
    sim.bot.set_webhook(sim.webhook_url().unwrap().parse().unwrap()).secret_token(SECRET.to_owned()).await.unwrap();
    district(&standin, &redis(&prefix).await, 3000, -1007000000000).await;
    let (prompt, cold) = ask(&standin).await;
    let chars = prompt.params["text"].as_str().unwrap().chars().count();
    let mut warm = Vec::new();
    for _ in 0..5 {
        // Telegram allows one message a second into a private chat: wait that out, so that the time
        // measured is the bot's, not the limiter's.
        tokio::time::sleep(Duration::from_millis(1200)).await;
        warm.push(ask(&standin).await.1);
    }
    warm.sort();
    sim.stop().await;
    RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5))
        .await
        .unwrap()
        .delete_prefix()
        .await
        .unwrap();
    (cold, warm[2], chars)
}

/// `kill -9` of the release-style binary mid-broadcast: seconds from the restart to the last group,
/// and duplicates.
async fn kill_recovery() -> (f64, usize, usize) {
    let standin = StandIn::start().await.unwrap();
    standin.set_flood_limits(Some(FloodLimits::default()));
    let prefix = support::short_prefix("bkill");
    let store = redis(&prefix).await;
    district(&standin, &store, 300, -1008000000000).await;
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_jiaxiao"))
            .arg("run")
            .env("TELOXIDE_TOKEN", StandIn::TOKEN)
            .env("TELOXIDE_API_URL", standin.api_url().as_str())
            .env("REDIS_URL", support::redis_url())
            .env("JIAXIAO_REDIS_PREFIX", &prefix)
            .env("JIAXIAO_HTTP_LISTEN", "off")
            .env("RUST_LOG", "warn")
            .current_dir(std::env::temp_dir())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut bot = spawn();
    let (prompt, _) = ask(&standin).await;
    confirm(&standin, &prompt);
    let mut events = standin.subscribe();
    while notice_posts(&standin).len() < 150 {
        let _ = tokio::time::timeout(WAIT, events.recv()).await;
    }
    bot.kill().unwrap();
    bot.wait().unwrap();
    let before = notice_posts(&standin).len();
    let restarted = std::time::SystemTime::now();
    let mut bot = spawn();
    let posts = wait_groups(&standin, 300).await;
    let last = posts.iter().map(|c| c.at).max().unwrap();
    let dups: usize = groups_reached(&posts).values().map(|n| n - 1).sum();
    let _ = std::process::Command::new("kill").arg("-TERM").arg(bot.id().to_string()).status();
    bot.wait().unwrap();
    RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5))
        .await
        .unwrap()
        .delete_prefix()
        .await
        .unwrap();
    (last.duration_since(restarted).unwrap_or_default().as_secs_f64(), dups, before)
}

/// Bytes Redis uses for one active group with 40 members, 5 roles, 20 notices with 40
/// acknowledgements each, 300 moderation log entries and 200 samples (the bounded maximum).
async fn memory_per_group() -> u64 {
    use jiaxiao::model::Member;
    use jiaxiao::store::{ModEntry, Notice};
    let prefix = support::unique_prefix("bench-mem");
    let store = redis(&prefix).await;
    let chat = -1009000000001;
    let t0 = Utc.with_ymd_and_hms(2026, 9, 7, 2, 0, 0).unwrap();
    store.put_group(&Group::new(chat, "三年级二班家长群", Settings::default())).await.unwrap();
    for u in 0..40u64 {
        let m = Member {
            user_id: 100000 + u,
            name: format!("家长{u} 妈妈"),
            username: Some(format!("parent{u}")),
            lang: Some("zh-hans".into()),
        };
        store.remember(chat, &m).await.unwrap();
    }
    for u in 0..5u64 {
        store.set_role(chat, 100000 + u, Role::Committee).await.unwrap();
    }
    for n in 0..20 {
        let notice = Notice {
            id: format!("n{n}"),
            author: "王老师".into(),
            author_id: Some(1),
            title: "周五下午家长会请准时参加".into(),
            at: t0,
            message_id: Some(n),
        };
        store.put_notice(chat, &notice).await.unwrap();
        for u in 0..40u64 {
            store.ack(chat, &notice.id, 100000 + u).await.unwrap();
        }
    }
    for i in 0..300 {
        let e = ModEntry {
            at: t0,
            message_id: i,
            sender: Some(100001),
            sender_name: "家长1 妈妈".into(),
            category: "fee_collection".into(),
            rule: "fee.per_head_share".into(),
            action: "flagged".into(),
            by: None,
            excerpt: None,
        };
        store.log_moderation(chat, &e, None).await.unwrap();
    }
    let classifier = jiaxiao::policy::Classifier::builtin().unwrap();
    for i in 0..200 {
        let sample = classifier.sample(
            &format!("第{i}条：本周班费每人50元请扫码"),
            jiaxiao::policy::Category::FeeCollection,
            i % 2 == 0,
        );
        store.add_sample(chat, &sample).await.unwrap();
    }
    let client = ::redis::Client::open(support::redis_url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let keys: Vec<String> =
        ::redis::cmd("KEYS").arg(format!("{prefix}{{c{chat}}}*")).query_async(&mut conn).await.unwrap();
    let mut total = 0u64;
    for k in keys {
        let n: Option<u64> = ::redis::cmd("MEMORY").arg("USAGE").arg(&k).query_async(&mut conn).await.unwrap();
        total += n.unwrap_or(0);
    }
    RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5))
        .await
        .unwrap()
        .delete_prefix()
        .await
        .unwrap();
    total
}

#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list`
    }
    println!("## fan-out of a 300-group broadcast (stand-in enforcing 30/s, 20/min per group)");
    println!("| copies | budget | msg/s | share of 30/s | 429s | groups reached |");
    println!("|---|---|---|---|---|---|");
    for copies in 1..=3 {
        let (r, v, reached) = fan_out(copies, true).await;
        println!("| {copies} | shared (Redis) | {r:.1} | {:.0}% | {v} | {reached} |", r / 30.0 * 100.0);
    }
    for copies in 2..=3 {
        let (r, v, reached) = fan_out(copies, false).await;
        println!("| {copies} | one per copy | {r:.1} | {:.0}% | {v} | {reached} |", r / 30.0 * 100.0);
    }
    println!(
        "\n(msg/s: posts delivered over the time from the first to the last; a post refused with 429 is put back for"
    );
    println!("as long as Telegram asks, so with budgets per copy the broadcast also takes longer to finish.)");
    let r = paid(3000).await;
    println!("\npaid broadcast to 3,000 groups: {r:.0} msg/s");
    let (cold, warm, chars) = prompt_time().await;
    println!(
        "/broadcast prompt with 3,000 groups: {:.0} ms cold, {:.0} ms warm (median of 5); {chars} characters",
        cold.as_secs_f64() * 1000.0,
        warm.as_secs_f64() * 1000.0
    );
    let (secs, dups, before) = kill_recovery().await;
    println!(
        "kill -9 after {before} of 300 groups: the last group reached {secs:.1} s after the restart; {dups} duplicate(s)"
    );
    let bytes = memory_per_group().await;
    println!(
        "Redis memory for one group at the bounded maximum (40 members, 20 notices x 40 acks, 300 log entries, 200 samples): {:.0} KB",
        bytes as f64 / 1024.0
    );
}

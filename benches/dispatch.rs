//! Moderation throughput and latency through the full dispatcher, against the Bot API stand-in.
//!
//! `cargo bench --bench dispatch` (add `-- --quick` for 10,000 updates instead of 50,000).
//!
//! Three runs in one process, on the same stand-in and the same generated traffic:
//! - **bare**: a teloxide dispatcher whose handler does nothing (it answers only the end markers);
//! - **jiaxiao / memory** and **jiaxiao / redis**: the real routing tree, handlers and store.
//!
//! Throughput: N group messages (50 groups, 400 members, ~2 % policy violations) are pushed at once;
//! the clock stops when the last message of every group has been answered (each group's last message
//! is a marker that gets a reply; teloxide handles one chat's updates in order, so every earlier
//! message has been handled by then). Latency: messages are then pushed at a steady 1,000/s and the
//! time from push to the flag reply is measured for every violating one (p50, p99).
//!
//! Telegram's sending limits are lifted in the bot for this benchmark (they cap sends, not the
//! work per update, and would turn the run into a 30-messages-a-second wait).

use jiaxiao::clock::ManualClock;
use jiaxiao::jobs::ratelimit::Limits;
use jiaxiao::model::{Group, Settings};
use jiaxiao::sim::{SimBot, SimOptions};
use jiaxiao::standin::{StandIn, TgChat, TgUser};
use jiaxiao::store::{DynStore, MemoryStore, RedisStore};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use teloxide::prelude::*;
use teloxide::update_listeners::Polling;

const GROUPS: i64 = 50;
const MEMBERS: i64 = 400;
/// Each group's last message: a violation (so the real bot must flag it) carrying a marker the bare
/// handler recognises.
const END: &str = "各位家长，本学期班费每人200元，请周五前转给家委会（微信） #end-of-run";

const CLEAN: &[&str] = &[
    "收到，谢谢老师",
    "明天下午三点开家长会，请准时参加",
    "孩子今天发烧请假一天，麻烦老师了",
    "请问明天要穿校服吗？",
    "今晚早点睡，21:20前上床哦",
    "提醒大家：学校从不通过群收费，遇到收款码请勿转账",
    "上学期的班费已经全部用完，账目已公示，余额0元",
    "Thank you, teacher! See you at pickup.",
    "我家孩子的书包是200块在商场买的，挺耐用",
    "周末带孩子去科技馆了，学生证免费，推荐大家去",
];
const BAD: &[&str] = &[
    "各位家长，本学期班费每人200元，请周五前转给家委会（微信）",
    "暑期奥数衔接班招生啦，名师一对一提分，报名私聊",
    "本人做澳洲代购，奶粉保健品正品保证，需要的加我微信",
];

struct Traffic {
    /// (chat, user, text, violating)
    messages: Vec<(i64, i64, String, bool)>,
}

fn traffic(n: usize, salt: usize) -> Traffic {
    let mut messages = Vec::with_capacity(n + GROUPS as usize);
    let mut x: u64 = 0x2545_f491_4f6c_dd1d ^ salt as u64;
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let chat = -1_003_000_000_000 - (x % GROUPS as u64) as i64;
        let user = 10_000 + ((x >> 8) % MEMBERS as u64) as i64;
        let bad = (x >> 20).is_multiple_of(50); // ~2 %
        let text = if bad {
            BAD[(x >> 30) as usize % BAD.len()].to_owned()
        } else {
            format!("{} #{}", CLEAN[(x >> 30) as usize % CLEAN.len()], i)
        };
        messages.push((chat, user, text, bad));
    }
    for g in 0..GROUPS {
        messages.push((-1_003_000_000_000 - g, 10_000, END.to_owned(), false));
    }
    Traffic { messages }
}

fn chat(id: i64) -> TgChat {
    TgChat::supergroup(id, "bench")
}

fn user(id: i64) -> TgUser {
    TgUser::new(id, "家长").lang("zh-hans")
}

/// Pushes everything, waits until every group's end marker has been answered (a reply to it);
/// returns updates/s.
async fn throughput(standin: &StandIn, t: &Traffic) -> f64 {
    let start = Instant::now();
    let mut markers = Vec::new();
    for (c, u, text, _) in &t.messages {
        let id = standin.send_text(&chat(*c), &user(*u), text);
        if text == END {
            markers.push((*c, id as i64));
        }
    }
    // One pass over the calls as they come (each looked at once): tick markers off as they are answered.
    let pending = std::sync::Mutex::new(markers.into_iter().collect::<std::collections::HashSet<_>>());
    let done = standin
        .wait_for(
            "sendMessage",
            |c| {
                let mut p = pending.lock().unwrap();
                if let (Some(chat), Some(to)) =
                    (c.params["chat_id"].as_i64(), c.params["reply_parameters"]["message_id"].as_i64())
                {
                    p.remove(&(chat, to));
                }
                p.is_empty()
            },
            Duration::from_secs(300),
        )
        .await;
    assert!(done.is_some(), "every group's last message was answered");
    t.messages.len() as f64 / start.elapsed().as_secs_f64()
}

/// Pushes at a steady rate and measures push → flag-reply latency for each violating message.
async fn latency(standin: &StandIn, t: &Traffic, per_sec: usize) -> (usize, Duration, Duration) {
    let mut pushed: HashMap<(i64, i32), SystemTime> = HashMap::new();
    let tick = Duration::from_millis(10);
    let per_tick = (per_sec / 100).max(1);
    let mut next = Instant::now();
    for batch in t.messages.chunks(per_tick) {
        for (c, u, text, bad) in batch {
            let at = SystemTime::now();
            let id = standin.send_text(&chat(*c), &user(*u), text);
            if *bad {
                pushed.insert((*c, id), at);
            }
        }
        next += tick;
        tokio::time::sleep_until(next.into()).await;
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut samples = Vec::new();
    loop {
        samples.clear();
        for call in standin.calls_to("sendMessage") {
            let (Some(c), Some(m)) =
                (call.params["chat_id"].as_i64(), call.params["reply_parameters"]["message_id"].as_i64())
            else {
                continue;
            };
            if let Some(at) = pushed.get(&(c, m as i32)) {
                samples.push(call.at.duration_since(*at).unwrap_or_default());
            }
        }
        if samples.len() >= pushed.len() || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    samples.sort();
    let pct = |p: f64| {
        samples
            .get(((samples.len() as f64 * p) as usize).min(samples.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    (samples.len(), pct(0.50), pct(0.99))
}

async fn bare_run(n: usize) -> f64 {
    let standin = StandIn::start().await.unwrap();
    let bot = Bot::new(StandIn::TOKEN).set_api_url(standin.api_url());
    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        if msg.text() == Some(END) {
            bot.send_message(msg.chat.id, "end")
                .reply_parameters(teloxide::types::ReplyParameters::new(msg.id))
                .await?;
        }
        Ok::<(), teloxide::RequestError>(())
    });
    let mut d = Dispatcher::builder(bot.clone(), handler).build();
    let token = d.shutdown_token();
    let listener = Polling::builder(bot).timeout(Duration::from_millis(500)).build();
    let task = tokio::spawn(async move {
        d.dispatch_with_listener(listener, teloxide::error_handlers::LoggingErrorHandler::new()).await
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let rate = throughput(&standin, &traffic(n, 1)).await;
    if let Ok(f) = token.shutdown() {
        f.await;
    }
    let _ = task.await;
    standin.shutdown();
    rate
}

async fn jiaxiao_run(n: usize, store: DynStore) -> (f64, (usize, Duration, Duration)) {
    let standin = StandIn::start().await.unwrap();
    // Groups as a teacher would leave them: flood reminders off (400 members posting 125 messages each
    // in seconds would otherwise, rightly, be reminded).
    for g in 0..GROUPS {
        let id = -1_003_000_000_000 - g;
        let mut group = Group::new(id, "bench", Settings { flood: None, ..Settings::default() });
        group.greeted = true;
        store.put_group(&group).await.unwrap();
    }
    let limits = Limits {
        global_per_sec: usize::MAX / 4,
        group_per_min: usize::MAX / 4,
        private_per_sec: usize::MAX / 4,
        paid_per_sec: usize::MAX / 4,
    };
    let clock = ManualClock::new(chrono::Utc::now());
    let sim =
        SimBot::start(standin.clone(), SimOptions { store, clock, limits, jobs: false, webhook: None, llm: None })
            .await
            .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let rate = throughput(&standin, &traffic(n, 1)).await;
    let mut by_method: std::collections::BTreeMap<String, usize> = Default::default();
    for c in standin.calls() {
        *by_method.entry(c.method).or_default() += 1;
    }
    if std::env::var_os("JIAXIAO_BENCH_CALLS").is_some() {
        println!("  calls during the throughput run: {by_method:?}");
    }
    let lat = latency(&standin, &traffic(5_000, 2), 1_000).await;
    sim.stop().await;
    standin.shutdown();
    (rate, lat)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let n = if quick { 10_000 } else { 50_000 };
    let rounds = if quick { 1 } else { 3 };
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        println!("{n} group messages + {GROUPS} end markers per run; 50 groups, {MEMBERS} members, ~2 % violations");
        println!("{rounds} interleaved rounds; medians shown (each round: bare, memory, redis)");
        let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
        let (mut bare, mut mem, mut red) = (Vec::new(), Vec::new(), Vec::new());
        let (mut mem_lat, mut red_lat) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            bare.push(bare_run(n).await);
            let (rate, lat) = jiaxiao_run(n, Arc::new(MemoryStore::new())).await;
            mem.push(rate);
            mem_lat.push(lat);
            let prefix = format!("jxbench:{}:{round}:", std::process::id());
            match RedisStore::connect(&url, &prefix, Duration::from_secs(5)).await {
                Ok(redis) => {
                    let (rate, lat) = jiaxiao_run(n, Arc::new(redis.clone())).await;
                    red.push(rate);
                    red_lat.push(lat);
                    let _ = redis.delete_prefix().await;
                }
                Err(e) => println!("redis skipped: {e}"),
            }
            println!(
                "  round {}: bare {:.0}/s, memory {:.0}/s, redis {}",
                round + 1,
                bare[round],
                mem[round],
                red.get(round).map(|r| format!("{r:.0}/s")).unwrap_or_else(|| "-".into())
            );
        }
        let b = median(bare);
        println!("bare teloxide (no-op handler)   {b:>9.0} updates/s");
        let show = |name: &str, rates: Vec<f64>, lats: Vec<(usize, Duration, Duration)>| {
            if rates.is_empty() {
                return;
            }
            let r = median(rates);
            let p50 = median(lats.iter().map(|l| ms(l.1)).collect());
            let p99 = median(lats.iter().map(|l| ms(l.2)).collect());
            let k = lats.iter().map(|l| l.0).sum::<usize>();
            println!(
                "jiaxiao, {name:<22} {r:>9.0} updates/s  ({:.0} % of bare)   flag reply p50 {p50:.1} ms, p99 {p99:.1} ms ({k} samples at 1,000 msg/s)",
                100.0 * r / b
            );
        };
        show("memory store", mem, mem_lat);
        show("redis store", red, red_lat);
    });
}

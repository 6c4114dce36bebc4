//! The real `jiaxiao run` binary as a district runs it: a 300-group broadcast interrupted by SIGTERM
//! (exit 0 within 10 s; the restart finishes it without duplicates) and by `kill -9` (the restart
//! reaches every group; only a message that was in flight may be sent twice). The stand-in enforces
//! Telegram's flood limits (see `support::flood_limits` and `support::assert_within_limits`); state is
//! in Redis under a prefix of the test's own.

mod support;

use jiaxiao::model::{Group, Role, Settings};
use jiaxiao::standin::{Call, MemberStatus, StandIn, TgChat, TgUser};
use jiaxiao::store::{DynStore, RedisStore};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const GROUPS: i64 = 300;
const WAIT: Duration = Duration::from_secs(30);

fn teacher() -> TgUser {
    TgUser::new(801, "赵老师").lang("zh-hans")
}

/// Starts `jiaxiao run` against the stand-in and Redis; its log goes to a file kept on failure.
fn spawn_bot(standin: &StandIn, prefix: &str, log: &std::path::Path) -> Child {
    let log = std::fs::OpenOptions::new().create(true).append(true).open(log).unwrap();
    Command::new(env!("CARGO_BIN_EXE_jiaxiao"))
        .arg("run")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TELOXIDE_TOKEN", StandIn::TOKEN)
        .env("TELOXIDE_API_URL", standin.api_url().as_str())
        .env("REDIS_URL", support::redis_url())
        .env("JIAXIAO_REDIS_PREFIX", prefix)
        .env("JIAXIAO_HTTP_LISTEN", "off")
        .env("RUST_LOG", "info,teloxide=warn")
        .current_dir(std::env::temp_dir()) // no .env of the developer's
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("the jiaxiao binary starts")
}

fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill").arg(format!("-{sig}")).arg(child.id().to_string()).status().unwrap().success();
    assert!(ok, "kill -{sig}");
}

/// Waits for the process to exit, at most `limit`; its status.
async fn exited(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await; // polling a child process's exit
    }
}

async fn setup(tag: &str) -> (StandIn, String, DynStore, Vec<TgChat>) {
    let standin = StandIn::start().await.unwrap();
    standin.set_flood_limits(Some(support::flood_limits()));
    let prefix = support::short_prefix(tag);
    let store: DynStore =
        Arc::new(RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5)).await.unwrap());
    let mut chats = Vec::new();
    for i in 0..GROUPS {
        let chat = TgChat::supergroup(-1004000000000 - i, format!("第{}小学 {}班", i / 30 + 1, i % 30 + 1));
        standin.set_bot_status(
            &chat,
            MemberStatus::Administrator { can_delete_messages: true, can_restrict_members: true },
        );
        // The bot runs on the wall clock: quiet hours (21:30–07:00 Beijing time by default) would
        // hold the broadcast whenever the test runs in them.
        let settings = Settings { quiet: None, ..Settings::default() };
        let mut g = Group::new(chat.id, chat.title.as_deref().unwrap_or_default(), settings);
        g.greeted = true;
        store.put_group(&g).await.unwrap();
        store.set_role(chat.id, teacher().id as u64, Role::Teacher).await.unwrap();
        chats.push(chat);
    }
    (standin, prefix, store, chats)
}

fn notice_posts(standin: &StandIn) -> Vec<Call> {
    standin.calls_to("sendMessage").into_iter().filter(support::is_notice_post).collect()
}

/// Waits (on the stand-in's call feed) until at least `n` groups have had the notice.
async fn wait_posts(standin: &StandIn, n: usize, limit: Duration) -> Vec<Call> {
    support::collect_calls(standin, support::is_notice_post, |posts| per_group(posts).len() >= n, limit).await
}

/// `/broadcast` from the teacher's private chat, confirmed.
async fn start_broadcast(standin: &StandIn) {
    standin.user_started_bot(&teacher(), true);
    let dm = TgChat::private(&teacher());
    standin.send_text(&dm, &teacher(), "/broadcast 因寒潮预警，明天上午停课，下午照常");
    let prompt = standin
        .wait_for("sendMessage", |c| c.params["reply_markup"].to_string().contains("bc:y:"), WAIT)
        .await
        .expect("the confirm prompt");
    let markup = prompt.params["reply_markup"].to_string();
    let id = markup.split("bc:y:").nth(1).unwrap().split('"').next().unwrap();
    let message_id = prompt.response["result"]["message_id"].as_i64().unwrap() as i32;
    standin.press_button(&dm, &teacher(), message_id, &format!("bc:y:{id}"));
}

fn per_group(posts: &[Call]) -> HashMap<i64, usize> {
    let mut m = HashMap::new();
    for c in posts {
        *m.entry(c.params["chat_id"].as_i64().unwrap()).or_default() += 1;
    }
    m
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_mid_broadcast_exits_0_and_the_restart_finishes_without_duplicates() {
    let (standin, prefix, store, chats) = setup("term").await;
    let log = std::env::temp_dir().join(format!("jiaxiao-{prefix}.log").replace(':', "_"));
    let mut bot = spawn_bot(&standin, &prefix, &log);
    start_broadcast(&standin).await;
    let before = wait_posts(&standin, 100, WAIT).await;
    assert!(before.len() >= 100, "the broadcast is under way");
    let asked = Instant::now();
    signal(&bot, "TERM");
    let status = exited(&mut bot, Duration::from_secs(15)).await.expect("exits after SIGTERM");
    let took = asked.elapsed();
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(status.success(), "exit status {status:?}; log:\n{logged}");
    assert!(took < Duration::from_secs(10), "stopped in {took:?}");
    assert!(logged.contains("stopped cleanly"), "{logged}");
    let sent_before_restart = notice_posts(&standin).len();
    assert!(sent_before_restart < GROUPS as usize, "stopped mid-broadcast ({sent_before_restart} sent)");

    let mut bot = spawn_bot(&standin, &prefix, &log);
    let posts = wait_posts(&standin, GROUPS as usize, Duration::from_secs(60)).await;
    let counts = per_group(&posts);
    assert_eq!(counts.len(), chats.len(), "every group reached");
    assert!(counts.values().all(|n| *n == 1), "no duplicates after a clean stop");
    support::assert_within_limits(standin.flood_violations(), posts.len());
    println!("SIGTERM: stopped in {:.2} s after {} of {GROUPS} groups", took.as_secs_f64(), sent_before_restart);
    signal(&bot, "TERM");
    assert!(exited(&mut bot, Duration::from_secs(15)).await.is_some_and(|s| s.success()));
    let _ = std::fs::remove_file(&log);
    cleanup(store, &prefix).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_broadcast_and_the_restart_reaches_every_group() {
    let (standin, prefix, store, chats) = setup("kill").await;
    let log = std::env::temp_dir().join(format!("jiaxiao-{prefix}.log").replace(':', "_"));
    let mut bot = spawn_bot(&standin, &prefix, &log);
    start_broadcast(&standin).await;
    wait_posts(&standin, 100, WAIT).await;
    signal(&bot, "KILL");
    exited(&mut bot, Duration::from_secs(5)).await.expect("killed");
    let sent_before = notice_posts(&standin).len();
    let restarted = Instant::now();
    let mut bot = spawn_bot(&standin, &prefix, &log);
    let posts = wait_posts(&standin, GROUPS as usize, Duration::from_secs(60)).await;
    let counts = per_group(&posts);
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(counts.len(), chats.len(), "every group reached; log:\n{logged}");
    let last = posts.iter().map(|c| c.at).max().unwrap();
    let recovered = last.duration_since(std::time::SystemTime::now() - restarted.elapsed()).unwrap_or_default();
    let duplicates: usize = counts.values().map(|n| n - 1).sum();
    // Only messages in flight at the kill can go twice (Telegram has no idempotency key).
    assert!(duplicates <= 16, "{duplicates} duplicates");
    support::assert_within_limits(standin.flood_violations(), posts.len());
    println!(
        "kill -9: {sent_before} of {GROUPS} sent before; the last group reached {:.1} s after the restart; {duplicates} duplicate(s)",
        recovered.as_secs_f64()
    );
    signal(&bot, "TERM");
    assert!(exited(&mut bot, Duration::from_secs(15)).await.is_some_and(|s| s.success()));
    let _ = std::fs::remove_file(&log);
    cleanup(store, &prefix).await;
}

async fn cleanup(_store: DynStore, prefix: &str) {
    let s = RedisStore::connect(&support::redis_url(), prefix, Duration::from_secs(5)).await.unwrap();
    s.delete_prefix().await.unwrap();
}

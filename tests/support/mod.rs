//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod chat;

use jiaxiao::store::RedisStore;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned())
}

/// A key prefix no other test (or test run) uses.
pub fn unique_prefix(test: &str) -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("jxtest:{}:{}:{}:{}:", test, std::process::id(), nanos, N.fetch_add(1, Ordering::Relaxed))
}

/// A Redis store under a fresh prefix. Tests call `cleanup` (deletes only that prefix) at the end.
pub async fn redis_store(test: &str) -> RedisStore {
    RedisStore::connect(&redis_url(), &unique_prefix(test), Duration::from_secs(5))
        .await
        .expect("Redis must be running for the tests (REDIS_URL, default redis://127.0.0.1:6379)")
}

/// The Redis Cluster the cluster tests use (`REDIS_CLUSTER_URL`, comma-separated nodes; `.ci/run`
/// starts one with `tools/redis-cluster.sh`). The tests that need it are `#[ignore]`d otherwise.
pub fn cluster_url() -> String {
    std::env::var("REDIS_CLUSTER_URL")
        .expect("REDIS_CLUSTER_URL: start a cluster with tools/redis-cluster.sh start and export what it prints")
}

/// A store on the Redis Cluster under a fresh prefix.
pub async fn cluster_store(test: &str) -> RedisStore {
    let store = RedisStore::connect(&cluster_url(), &unique_prefix(test), Duration::from_secs(5))
        .await
        .expect("the Redis Cluster answers");
    assert!(store.is_cluster());
    store
}

/// A round-robin reverse proxy in front of several copies' webhooks, like nginx with
/// `proxy_next_upstream error http_503`: each post goes to the next copy; a copy that refuses the
/// connection or answers 503 (it is stopping) is skipped.
pub struct Balancer {
    pub url: String,
    backends: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    /// Posts each backend took (2xx), by position.
    pub hits: std::sync::Arc<std::sync::Mutex<Vec<u64>>>,
}

impl Balancer {
    pub async fn start(backends: Vec<String>) -> Balancer {
        use axum::body::Bytes;
        use axum::http::{HeaderMap, StatusCode};
        use std::sync::{Arc, Mutex};
        let hits = Arc::new(Mutex::new(vec![0u64; backends.len()]));
        let backends = Arc::new(Mutex::new(backends));
        let next = Arc::new(AtomicU64::new(0));
        let client = reqwest::Client::new();
        let (b, h) = (backends.clone(), hits.clone());
        let handler = move |headers: HeaderMap, body: Bytes| {
            let (backends, hits, next, client) = (b.clone(), h.clone(), next.clone(), client.clone());
            async move {
                let list = backends.lock().unwrap().clone();
                let start = next.fetch_add(1, Ordering::Relaxed) as usize;
                for i in 0..list.len() {
                    let at = (start + i) % list.len();
                    let mut req = client.post(&list[at]).body(body.clone()).header("content-type", "application/json");
                    if let Some(s) = headers.get("x-telegram-bot-api-secret-token") {
                        req = req.header("x-telegram-bot-api-secret-token", s.as_bytes());
                    }
                    match req.send().await {
                        Ok(r) if r.status().as_u16() == 503 => continue,
                        Ok(r) => {
                            if r.status().is_success() {
                                hits.lock().unwrap()[at] += 1;
                            }
                            return StatusCode::from_u16(r.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
                        }
                        Err(_) => continue,
                    }
                }
                StatusCode::BAD_GATEWAY
            }
        };
        let app = axum::Router::new().fallback(axum::routing::post(handler));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Balancer { url: format!("http://{addr}/telegram-webhook"), backends, hits }
    }

    pub fn hits(&self) -> Vec<u64> {
        self.hits.lock().unwrap().clone()
    }
}

/// A short Redis key prefix (the bot's JIAXIAO_REDIS_PREFIX allows 32 characters).
pub fn short_prefix(tag: &str) -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos() % 1_000_000;
    format!(
        "jx{}:{}:{}{}:",
        tag.chars().take(6).collect::<String>(),
        std::process::id() % 100_000,
        nanos,
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A redis-server of the test's own (append-only file in a temporary directory), which the test can
/// stop and start again on the same port with the same data.
pub struct PrivateRedis {
    pub port: u16,
    dir: std::path::PathBuf,
    child: Option<std::process::Child>,
}

impl PrivateRedis {
    pub fn start() -> PrivateRedis {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = std::env::temp_dir().join(format!("jiaxiao-redis-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut r = PrivateRedis { port, dir, child: None };
        r.restart();
        r
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Starts the server and returns once it says it accepts connections.
    pub fn restart(&mut self) {
        use std::io::BufRead;
        let mut child = std::process::Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1", "--appendonly", "yes", "--save", ""])
            .arg("--dir")
            .arg(&self.dir)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("redis-server must be installed for the outage test");
        let out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut lines = out.lines();
        for line in lines.by_ref() {
            if line.unwrap_or_default().contains("Ready to accept connections") {
                break;
            }
        }
        std::thread::spawn(move || for _ in lines {}); // keep draining its output
        self.child = Some(child);
    }

    /// Stops the server the way a crash-free restart does (SIGTERM: it writes its append-only file).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = std::process::Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
            let _ = child.wait();
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Telegram's flood limits as the wall-clock tests enforce them: the overall limit 10 % above the
/// bot's budget of 30 a second (Telegram itself says "about 30"). The stand-in times a request when
/// it reads it, in the test's own process, and a stall there bunches requests that left within the
/// budget; the slack absorbs about 100 ms of that, while a bot without its budget still overruns it
/// at once. Tests on a `ManualClock` need it most: a post refused with 429 is due again only when
/// the test moves the clock.
pub fn flood_limits() -> jiaxiao::standin::FloodLimits {
    jiaxiao::standin::FloodLimits { global_per_sec: 33, ..jiaxiao::standin::FloodLimits::default() }
}

/// Telegram's limits held during a broadcast of `sends` messages that the stand-in refused `refused`
/// of (429). The stand-in times a request when it reads it, in the test's own process; when that
/// process is not scheduled for a moment (two cores shared with the bots and Redis), requests that
/// left within the bot's budget are read in a bunch and the excess is refused however well the bot
/// behaves (each refusal is waited out and retried: the tests check every group got its post once).
/// So a few refusals are allowed, never a flood: a bot without its budget gets hundreds, and one that
/// held only the refused chat after a bot-wide 429 got 72 where the test process was stopped six
/// times for 0.4 s (it now holds all sending: 23 and 42).
pub fn assert_within_limits(refused: u64, sends: usize) {
    let allowed = (sends / 20).max(2) as u64;
    assert!(refused <= allowed, "{refused} sends refused with 429 (at most {allowed} of {sends} allowed)");
}

/// A notice the bot posted (its acknowledge button's data starts with `nt:`).
pub fn is_notice_post(c: &jiaxiao::standin::Call) -> bool {
    c.method == "sendMessage" && c.ok() && c.params["reply_markup"].to_string().contains("nt:")
}

/// The stand-in's calls that pass `keep`, collected as they come (each call is a signal; no
/// sleeping) until `done` says enough or `timeout` passes. It copies the recorded calls once and
/// then only the new ones, so that waiting on a 300-group broadcast does not hold the stand-in's
/// lock for a copy of every call at every call (which delayed the sends it times).
pub async fn collect_calls(
    standin: &jiaxiao::standin::StandIn,
    keep: impl Fn(&jiaxiao::standin::Call) -> bool,
    done: impl Fn(&[jiaxiao::standin::Call]) -> bool,
    timeout: Duration,
) -> Vec<jiaxiao::standin::Call> {
    use jiaxiao::standin::Event;
    use tokio::sync::broadcast::error::RecvError;
    let mut events = standin.subscribe();
    let deadline = tokio::time::Instant::now() + timeout;
    let snapshot = |events_seen: &mut u64| {
        let all = standin.calls();
        *events_seen = all.last().map_or(0, |c| c.seq);
        all.into_iter().filter(|c| keep(c)).collect::<Vec<_>>()
    };
    let mut seen = 0;
    let mut kept = snapshot(&mut seen);
    loop {
        if done(&kept) {
            return kept;
        }
        match tokio::time::timeout_at(deadline, events.recv()).await {
            Ok(Ok(Event::Call(c))) if c.seq > seen => {
                seen = c.seq;
                if keep(&c) {
                    kept.push(c);
                }
            }
            Ok(Ok(_)) => {}
            Ok(Err(RecvError::Lagged(_))) => kept = snapshot(&mut seen),
            Ok(Err(RecvError::Closed)) | Err(_) => return kept,
        }
    }
}

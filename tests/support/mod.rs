//! Shared helpers for the integration tests.
#![allow(dead_code)]

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

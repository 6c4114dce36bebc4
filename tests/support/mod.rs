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

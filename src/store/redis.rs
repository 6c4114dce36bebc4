//! Redis store: one standalone server or a Redis Cluster, behind [`RedisConn`] (a `ConnectionManager`
//! or a cluster connection; both reconnect by themselves), shared by every task.
//!
//! Keys that are used together carry the same hash tag, so that every Lua script and every atomic
//! pipeline touches one cluster slot: all of a chat's state is under `{c<chat>}`, the outbox and the
//! counters it advances under `{outbox}`, the shared rate limiter under `{rl}`.

use super::*;
use ::redis::aio::{ConnectionLike, ConnectionManager, ConnectionManagerConfig};
use ::redis::{AsyncCommands, Cmd, Pipeline, RedisFuture, Script, Value};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::LazyLock;

/// A connection to a standalone Redis or to a Redis Cluster; cheap to clone.
#[derive(Clone)]
pub enum RedisConn {
    Single(ConnectionManager),
    Cluster(::redis::cluster_async::ClusterConnection),
}

impl ConnectionLike for RedisConn {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        match self {
            RedisConn::Single(c) => c.req_packed_command(cmd),
            RedisConn::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match self {
            RedisConn::Single(c) => c.req_packed_commands(pipeline, offset, count),
            RedisConn::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            RedisConn::Single(c) => c.get_db(),
            RedisConn::Cluster(c) => c.get_db(),
        }
    }
}

/// State in Redis, under `prefix`.
#[derive(Clone)]
pub struct RedisStore {
    conn: RedisConn,
    prefix: String,
    /// The cluster's seed nodes (empty for a standalone server).
    nodes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(
        "REDIS_URL is not a valid Redis URL (expected redis://host:port/db, or several cluster nodes separated by commas): {0}"
    )]
    BadUrl(String),
    #[error("Redis at {url} did not answer within {secs} s; is it running? ({detail})")]
    Unreachable { url: String, secs: u64, detail: String },
}

/// The cluster nodes in a `REDIS_URL`: several URLs separated by commas, or one written
/// `redis+cluster://host:port`. `None` for a standalone server.
pub fn cluster_nodes(url: &str) -> Option<Vec<String>> {
    let parts: Vec<String> = url.split(',').map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect();
    let explicit = parts.first().is_some_and(|p| p.starts_with("redis+cluster://"));
    if parts.len() < 2 && !explicit {
        return None;
    }
    Some(parts.into_iter().map(|p| p.replacen("redis+cluster://", "redis://", 1)).collect())
}

/// The current key layout (2: hash tags; 3: one expiring key per broadcast); older layouts are
/// upgraded at connect.
const LAYOUT: u32 = 3;

impl RedisStore {
    /// Connects and checks the server (or cluster) answers `PING`, within `timeout` — never hangs
    /// at start-up. A standalone server still holding keys of the first layout is upgraded.
    pub async fn connect(url: &str, prefix: &str, timeout: Duration) -> Result<RedisStore, ConnectError> {
        let shown = url.split(',').map(crate::config::redact_url).collect::<Vec<_>>().join(",");
        let unreachable =
            |detail: String| ConnectError::Unreachable { url: shown.clone(), secs: timeout.as_secs(), detail };
        let nodes = cluster_nodes(url);
        let attempt = async {
            let mut conn = match &nodes {
                None => {
                    let client = ::redis::Client::open(url).map_err(|e| Err(format!("{shown}: {e}")))?;
                    let config = ConnectionManagerConfig::new()
                        .set_connection_timeout(Some(timeout))
                        .set_response_timeout(Some(timeout))
                        .set_number_of_retries(2);
                    RedisConn::Single(
                        ConnectionManager::new_with_config(client, config).await.map_err(|e| Ok(e.to_string()))?,
                    )
                }
                Some(nodes) => {
                    let client = ::redis::cluster::ClusterClient::builder(nodes.clone())
                        .connection_timeout(timeout)
                        .response_timeout(timeout)
                        .retries(2)
                        .build()
                        .map_err(|e| Err(format!("{shown}: {e}")))?;
                    RedisConn::Cluster(client.get_async_connection().await.map_err(|e| Ok(e.to_string()))?)
                }
            };
            let _: String = ::redis::cmd("PING").query_async(&mut conn).await.map_err(|e| Ok(e.to_string()))?;
            Ok::<_, Result<String, String>>(conn)
        };
        let conn = match tokio::time::timeout(timeout, attempt).await {
            Ok(Ok(conn)) => conn,
            Ok(Err(Err(bad))) => return Err(ConnectError::BadUrl(bad)),
            Ok(Err(Ok(detail))) => return Err(unreachable(detail)),
            Err(_) => return Err(unreachable("timed out".to_owned())),
        };
        let store = RedisStore { conn, prefix: prefix.to_owned(), nodes: nodes.unwrap_or_default() };
        store.upgrade_layout().await.map_err(|e| unreachable(format!("upgrading the key layout: {e}")))?;
        Ok(store)
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The connection, for the shared rate limiter.
    pub fn connection(&self) -> RedisConn {
        self.conn.clone()
    }

    pub fn is_cluster(&self) -> bool {
        !self.nodes.is_empty()
    }

    /// A key outside any group, the outbox and the limiter.
    fn key(&self, parts: &str) -> String {
        format!("{}{}", self.prefix, parts)
    }

    /// A key of one chat's state: `{prefix}{c<chat>}:<rest>`.
    fn chat_key(&self, chat: ChatKey, rest: impl std::fmt::Display) -> String {
        format!("{}{{c{chat}}}:{rest}", self.prefix)
    }

    /// A key of one user's index: `{prefix}{u<user>}:<rest>`.
    fn user_key(&self, user: UserKey, rest: &str) -> String {
        format!("{}{{u{user}}}:{rest}", self.prefix)
    }

    /// A key of the outbox (and the counters it advances): `{prefix}{outbox}:<rest>`.
    fn outbox_key(&self, rest: &str) -> String {
        format!("{}{{outbox}}:{rest}", self.prefix)
    }

    fn conn(&self) -> RedisConn {
        self.conn.clone()
    }

    /// Moves keys written by the first layout (no hash tags) to the current one, once. Only a
    /// standalone server can hold them (a cluster starts on the current layout).
    async fn upgrade_layout(&self) -> StoreResult<()> {
        let marker = self.key("layout");
        let current: Option<u32> = self.conn().get(&marker).await?;
        if current.is_some_and(|v| v >= LAYOUT) {
            return Ok(());
        }
        if !self.is_cluster() {
            let mut moved = 0;
            for old in self.scan_keys(&self.conn(), &format!("{}*", escape_glob(&self.prefix))).await? {
                let Some(rest) = old.strip_prefix(&self.prefix) else { continue };
                if let Some(new) = self.upgraded_name(rest) {
                    ::redis::cmd("RENAME").arg(&old).arg(&new).query_async::<()>(&mut self.conn()).await?;
                    moved += 1;
                }
            }
            if moved > 0 {
                tracing::info!(moved, "Redis keys moved to the hash-tagged layout");
            }
        }
        // Layout 3: broadcasts leave the one hash that kept them forever.
        let old = self.key("broadcasts");
        let kept: Vec<(String, String)> = self.conn().hgetall(&old).await?;
        for (_, raw) in &kept {
            if let Ok(b) = decode::<Broadcast>(&old, raw) {
                self.put_broadcast(&b).await?;
            }
        }
        if !kept.is_empty() {
            self.conn().del::<_, ()>(&old).await?;
            tracing::info!(moved = kept.len(), "broadcasts moved to expiring keys");
        }
        self.conn().set::<_, _, ()>(&marker, LAYOUT).await?;
        Ok(())
    }

    /// The current name of a key of the first layout (without the prefix); `None` when it keeps
    /// its name.
    fn upgraded_name(&self, rest: &str) -> Option<String> {
        const CHAT: [&str; 14] = [
            "group",
            "roles",
            "roster",
            "unames",
            "feedback",
            "feedbackn",
            "lessonlog",
            "modlog",
            "allow",
            "samples",
            "warns",
            "notices",
            "noticemsg",
            "acks",
        ];
        if rest.starts_with('{') {
            return None;
        }
        if let Some(r) = rest.strip_prefix("outbox:") {
            return Some(self.outbox_key(r));
        }
        if let Some(r) = rest.strip_prefix("counters:") {
            return Some(self.outbox_key(&format!("counters:{r}")));
        }
        let (family, tail) = rest.split_once(':')?;
        if CHAT.contains(&family) {
            let chat: ChatKey = tail.parse().ok()?;
            return Some(self.chat_key(chat, family));
        }
        if family == "flag" || family == "modex" {
            let (chat, message) = tail.split_once(':')?;
            let chat: ChatKey = chat.parse().ok()?;
            return Some(self.chat_key(chat, format_args!("{family}:{message}")));
        }
        None
    }

    /// Every key matching `pattern` on one server.
    async fn scan_keys(&self, conn: &RedisConn, pattern: &str) -> StoreResult<Vec<String>> {
        let mut conn = conn.clone();
        let mut cursor: u64 = 0;
        let mut out = Vec::new();
        loop {
            let (next, keys): (u64, Vec<String>) = ::redis::cmd("SCAN")
                .arg(cursor)
                .arg("MATCH")
                .arg(pattern)
                .arg("COUNT")
                .arg(500)
                .query_async(&mut conn)
                .await?;
            out.extend(keys);
            if next == 0 {
                return Ok(out);
            }
            cursor = next;
        }
    }

    /// One connection per server: the cluster's seed nodes, or the one standalone server.
    /// One connection per server holding data: the standalone server, or every master of the
    /// cluster (asked from the first seed node that answers `CLUSTER NODES`, so that a `REDIS_URL`
    /// naming only some nodes still reaches them all).
    async fn servers(&self) -> StoreResult<Vec<RedisConn>> {
        if !self.is_cluster() {
            return Ok(vec![self.conn()]);
        }
        let mut last_error = None;
        for seed in &self.nodes {
            let attempt = async {
                let client = ::redis::Client::open(seed.as_str())?;
                let mut conn = client.get_multiplexed_async_connection().await?;
                let nodes: String = ::redis::cmd("CLUSTER").arg("NODES").query_async(&mut conn).await?;
                let mut v = Vec::new();
                for addr in cluster_masters(&nodes) {
                    // Keep the seed's scheme and credentials; only the address changes.
                    let mut url = url::Url::parse(seed).map_err(|e| {
                        ::redis::RedisError::from((::redis::ErrorKind::InvalidClientConfig, "seed URL", e.to_string()))
                    })?;
                    let (host, port) = addr.rsplit_once(':').unwrap_or((addr.as_str(), "6379"));
                    let _ = url.set_host(Some(host));
                    let _ = url.set_port(port.parse().ok());
                    let client = ::redis::Client::open(url.as_str())?;
                    v.push(RedisConn::Single(ConnectionManager::new(client).await?));
                }
                Ok::<_, ::redis::RedisError>(v)
            };
            match attempt.await {
                Ok(v) if !v.is_empty() => return Ok(v),
                Ok(_) => {}
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error
            .map(StoreError::from)
            .unwrap_or_else(|| StoreError::Corrupt { key: "CLUSTER NODES".into(), detail: "no master listed".into() }))
    }

    /// Deletes every key under this store's prefix (on every cluster node). For tests that use a
    /// unique prefix, and for `jiaxiao forget-group`'s sibling; never FLUSHDB.
    pub async fn delete_prefix(&self) -> StoreResult<u64> {
        let pattern = format!("{}*", escape_glob(&self.prefix));
        let mut deleted = 0;
        for server in self.servers().await? {
            for key in self.scan_keys(&server, &pattern).await? {
                // One key at a time: keys of different slots cannot share a DEL in a cluster.
                deleted += self.conn().del::<_, u64>(&key).await?;
            }
        }
        Ok(deleted)
    }
}

/// The `host:port` of every master in a `CLUSTER NODES` answer.
fn cluster_masters(nodes: &str) -> Vec<String> {
    nodes
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (addr, flags) = (fields.get(1)?, fields.get(2)?);
            if !flags.split(',').any(|f| f == "master") || flags.contains("fail") {
                return None;
            }
            // `ip:port@cport[,hostname]`
            Some(addr.split('@').next()?.to_owned())
        })
        .collect()
}

fn escape_glob(s: &str) -> String {
    s.chars().flat_map(|c| if "*?[]\\".contains(c) { vec!['\\', c] } else { vec![c] }).collect()
}

/// `{"v": 1, ...value}`.
pub(crate) fn encode<T: Serialize>(value: &T) -> String {
    let mut v = serde_json::to_value(value).expect("store types serialise");
    if let serde_json::Value::Object(map) = &mut v {
        map.insert("v".to_owned(), SCHEMA_VERSION.into());
    }
    v.to_string()
}

pub(crate) fn decode<T: DeserializeOwned>(key: &str, raw: &str) -> StoreResult<T> {
    let v: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| StoreError::Corrupt { key: key.to_owned(), detail: e.to_string() })?;
    let found = v.get("v").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { key: key.to_owned(), found });
    }
    serde_json::from_value(v).map_err(|e| StoreError::Corrupt { key: key.to_owned(), detail: e.to_string() })
}

/// The per-chat hash families, moved together when a group migrates (the lesson counter lives
/// with the outbox and moves separately).
const CHAT_HASHES: &[&str] = &[
    "roles",
    "admins",
    "checkinn",
    "asks",
    "askmute",
    "roster",
    "unames",
    "feedback",
    "feedbackn",
    "lessonlog",
    "modlog",
    "allow",
    "samples",
    "warns",
    "notices",
    "noticemsg",
    "acks",
];

#[async_trait]
impl GroupStore for RedisStore {
    async fn group(&self, chat: ChatKey) -> StoreResult<Option<Group>> {
        let key = self.chat_key(chat, "group");
        let raw: Option<String> = self.conn().get(&key).await?;
        let group: Option<Group> = raw.map(|r| decode(&key, &r)).transpose()?;
        Ok(group.map(|g| Group { chat_id: chat, ..g }))
    }

    async fn put_group(&self, group: &Group) -> StoreResult<()> {
        let key = self.chat_key(group.chat_id, "group");
        let active = self.key("groups:active");
        // The record and the set of active groups live in different cluster slots: the record
        // first, then the set (re-running a put repairs a crash between the two).
        self.conn().set::<_, _, ()>(&key, encode(group)).await?;
        if group.active {
            self.conn().sadd::<_, _, ()>(&active, group.chat_id).await?;
        } else {
            self.conn().srem::<_, _, ()>(&active, group.chat_id).await?;
        }
        self.publish_change(&format!("g:{}", group.chat_id)).await
    }

    async fn active_groups(&self) -> StoreResult<Vec<ChatKey>> {
        let key = self.key("groups:active");
        let mut ids: Vec<ChatKey> = self.conn().smembers(key).await?;
        ids.sort_unstable();
        Ok(ids)
    }

    async fn migrate_group(&self, from: ChatKey, to: ChatKey) -> StoreResult<()> {
        if from == to {
            return Ok(());
        }
        // The old and the new id are different hash tags (different cluster slots), so the move is
        // a sequence of idempotent steps: copy what the new id lacks, then delete the old key. A
        // crash half-way is repaired by the next call (a migration update is handled again, and
        // the outbox retries); entries already under the new id are kept.
        let gkey = self.chat_key(from, "group");
        let raw: Option<String> = self.conn().get(&gkey).await?;
        if let Some(raw) = raw {
            // Copied verbatim; the chat id inside is corrected on read from the key.
            self.conn().set_nx::<_, _, ()>(self.chat_key(to, "group"), raw).await?;
            let active = self.key("groups:active");
            let was_active: bool = self.conn().sismember(&active, from).await?;
            if was_active {
                self.conn().sadd::<_, _, ()>(&active, to).await?;
            }
            self.conn().del::<_, ()>(&gkey).await?;
            self.conn().srem::<_, _, ()>(&active, from).await?;
        }
        for family in CHAT_HASHES {
            self.move_hash(&self.chat_key(from, family), &self.chat_key(to, family)).await?;
        }
        let (src, dst) = (self.outbox_key(&format!("counters:{from}")), self.outbox_key(&format!("counters:{to}")));
        self.move_hash(&src, &dst).await?;
        // The per-user index follows: whoever manages the new id manages it under that id.
        for (user, role) in self.roles(to).await? {
            if role.manages() {
                self.conn().srem::<_, _, ()>(self.user_key(user, "teaches"), from).await?;
                self.conn().sadd::<_, _, ()>(self.user_key(user, "teaches"), to).await?;
            }
        }
        for user in self.admins(to).await? {
            self.conn().srem::<_, _, ()>(self.user_key(user, "admin"), from).await?;
            self.conn().sadd::<_, _, ()>(self.user_key(user, "admin"), to).await?;
        }
        let members: Vec<UserKey> = self.conn().hkeys(self.chat_key(to, "roster")).await?;
        for user in members {
            self.conn().srem::<_, _, ()>(self.user_key(user, "groups"), from).await?;
            self.conn().sadd::<_, _, ()>(self.user_key(user, "groups"), to).await?;
        }
        self.publish_change(&format!("m:{from}")).await?;
        self.publish_change(&format!("m:{to}")).await
    }

    async fn forget_group(&self, chat: ChatKey) -> StoreResult<u64> {
        let mut n = 0u64;
        // The per-user index first (it is read from the group's own roles and admins).
        for (user, _) in self.roles(chat).await? {
            n += self.conn().srem::<_, _, u64>(self.user_key(user, "teaches"), chat).await?;
        }
        for user in self.admins(chat).await? {
            n += self.conn().srem::<_, _, u64>(self.user_key(user, "admin"), chat).await?;
        }
        let members: Vec<UserKey> = self.conn().hkeys(self.chat_key(chat, "roster")).await?;
        for user in members {
            n += self.conn().srem::<_, _, u64>(self.user_key(user, "groups"), chat).await?;
        }
        // Queued posts for the group.
        let queue = self.outbox_key("queue");
        let ids: Vec<String> = self.conn().zrange(&queue, 0, -1).await?;
        for id in ids {
            let key = self.outbox_key(&format!("item:{id}"));
            let raw: Option<String> = self.conn().get(&key).await?;
            if raw.and_then(|r| decode::<OutboxItem>(&key, &r).ok()).is_some_and(|i| i.chat == chat) {
                let lease = self.outbox_key(&format!("lease:{id}"));
                let mut pipe = ::redis::pipe();
                pipe.atomic().zrem(&queue, &id).del(&key).del(lease);
                pipe.query_async::<()>(&mut self.conn()).await?;
                n += 1;
            }
        }
        n += self.conn().del::<_, u64>(self.outbox_key(&format!("counters:{chat}"))).await?;
        n += self.conn().srem::<_, _, u64>(self.key("groups:active"), chat).await?;
        // Everything under the group's hash tag (record, hashes, flags, excerpts).
        let pattern = format!("{}{{c{chat}}}:*", escape_glob(&self.prefix));
        for server in self.servers().await? {
            for key in self.scan_keys(&server, &pattern).await? {
                n += self.conn().del::<_, u64>(&key).await?;
            }
        }
        self.publish_change(&format!("m:{chat}")).await?;
        Ok(n)
    }
}

impl RedisStore {
    /// Copies the fields of hash `src` that `dst` lacks, then deletes `src`.
    async fn move_hash(&self, src: &str, dst: &str) -> StoreResult<()> {
        let kv: Vec<(String, String)> = self.conn().hgetall(src).await?;
        if kv.is_empty() {
            return Ok(());
        }
        for (k, v) in kv {
            self.conn().hset_nx::<_, _, _, ()>(dst, k, v).await?;
        }
        self.conn().del::<_, ()>(src).await?;
        Ok(())
    }
}

#[async_trait]
impl RoleStore for RedisStore {
    async fn set_role(&self, chat: ChatKey, user: UserKey, role: Role) -> StoreResult<()> {
        let key = self.chat_key(chat, "roles");
        if role == Role::Parent {
            self.conn().hdel::<_, _, ()>(&key, user).await?;
        } else {
            self.conn().hset::<_, _, _, ()>(&key, user, role.as_str()).await?;
        }
        // The group's hash and the user's index are different slots: the index second (a crash in
        // between is repaired by setting the role again).
        let index = self.user_key(user, "teaches");
        if role.manages() {
            self.conn().sadd::<_, _, ()>(index, chat).await?;
        } else {
            self.conn().srem::<_, _, ()>(index, chat).await?;
        }
        Ok(())
    }

    async fn set_admin(&self, chat: ChatKey, user: UserKey, admin: bool) -> StoreResult<()> {
        let key = self.chat_key(chat, "admins");
        let index = self.user_key(user, "admin");
        // Only a real change is announced (the admin cache asks Telegram again after it).
        let changed: u64 = if admin {
            self.conn().sadd::<_, _, ()>(index, chat).await?;
            self.conn().hset(&key, user, 1).await?
        } else {
            self.conn().srem::<_, _, ()>(index, chat).await?;
            self.conn().hdel(&key, user).await?
        };
        if changed > 0 {
            self.publish_change(&format!("a:{chat}")).await?;
        }
        Ok(())
    }

    async fn admins(&self, chat: ChatKey) -> StoreResult<Vec<UserKey>> {
        let mut out: Vec<UserKey> = self.conn().hkeys(self.chat_key(chat, "admins")).await?;
        out.sort_unstable();
        Ok(out)
    }

    async fn managed_groups(&self, user: UserKey) -> StoreResult<Vec<ChatKey>> {
        let keys = [self.user_key(user, "teaches"), self.user_key(user, "admin")];
        let mut out: Vec<ChatKey> = self.conn().sunion(&keys[..]).await?;
        out.sort_unstable();
        Ok(out)
    }

    async fn role(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Role>> {
        let key = self.chat_key(chat, "roles");
        let raw: Option<String> = self.conn().hget(&key, user).await?;
        raw.map(|r| parse_role(&key, &r)).transpose()
    }

    async fn roles(&self, chat: ChatKey) -> StoreResult<Vec<(UserKey, Role)>> {
        let key = self.chat_key(chat, "roles");
        let raw: Vec<(UserKey, String)> = self.conn().hgetall(&key).await?;
        let mut out = raw.into_iter().map(|(u, r)| Ok((u, parse_role(&key, &r)?))).collect::<StoreResult<Vec<_>>>()?;
        out.sort_unstable();
        Ok(out)
    }
}

fn parse_role(key: &str, raw: &str) -> StoreResult<Role> {
    Role::parse_assignable(raw)
        .ok_or_else(|| StoreError::Corrupt { key: key.to_owned(), detail: format!("unknown role {raw:?}") })
}

#[async_trait]
impl RosterStore for RedisStore {
    async fn remember(&self, chat: ChatKey, member: &Member) -> StoreResult<()> {
        let roster = self.chat_key(chat, "roster");
        let unames = self.chat_key(chat, "unames");
        // A username moves with its owner: forget it on whoever had it before (as the memory store does).
        if let Some(u) = &member.username {
            let previous: Option<UserKey> = self.conn().hget(&unames, normalise_username(u)).await?;
            if let Some(prev) = previous.filter(|p| *p != member.user_id)
                && let Some(mut old) = self.member(chat, prev).await?
            {
                old.username = None;
                self.conn().hset::<_, _, _, ()>(&roster, prev, encode(&old)).await?;
            }
        }
        let groups = self.user_key(member.user_id, "groups");
        let mut pipe = ::redis::pipe();
        if let Some(u) = &member.username {
            // The roster entry and the username index change together.
            pipe.atomic().hset(&roster, member.user_id, encode(member));
            pipe.hset(&unames, normalise_username(u), member.user_id);
            pipe.query_async::<()>(&mut self.conn()).await?;
            // The person's own index of groups (another slot: a second step, repaired by the next message).
            self.conn().sadd::<_, _, ()>(groups, chat).await?;
        } else if self.is_cluster() {
            // The person's index of groups lives in another slot: a second step.
            self.conn().hset::<_, _, _, ()>(&roster, member.user_id, encode(member)).await?;
            self.conn().sadd::<_, _, ()>(groups, chat).await?;
        } else {
            // One server and no username: the roster entry and the person's index of groups in
            // one round trip (the first sighting of every member costs one, not two).
            pipe.hset(&roster, member.user_id, encode(member)).ignore();
            pipe.sadd(groups, chat).ignore();
            pipe.query_async::<()>(&mut self.conn()).await?;
        }
        Ok(())
    }

    async fn forget_member(&self, chat: ChatKey, user: UserKey) -> StoreResult<()> {
        if let Some(m) = self.member(chat, user).await?
            && let Some(u) = &m.username
        {
            self.conn().hdel::<_, _, ()>(self.chat_key(chat, "unames"), normalise_username(u)).await?;
        }
        self.conn().hdel::<_, _, ()>(self.chat_key(chat, "roster"), user).await?;
        self.conn().srem::<_, _, ()>(self.user_key(user, "groups"), chat).await?;
        Ok(())
    }

    async fn member(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Member>> {
        let key = self.chat_key(chat, "roster");
        let raw: Option<String> = self.conn().hget(&key, user).await?;
        raw.map(|r| decode(&key, &r)).transpose()
    }

    async fn member_by_username(&self, chat: ChatKey, username: &str) -> StoreResult<Option<Member>> {
        let unames = self.chat_key(chat, "unames");
        let wanted = normalise_username(username);
        let id: Option<UserKey> = self.conn().hget(&unames, &wanted).await?;
        let Some(id) = id else { return Ok(None) };
        // The index may be stale if the username moved to someone else; trust the member record.
        Ok(self
            .member(chat, id)
            .await?
            .filter(|m| m.username.as_deref().map(normalise_username).as_deref() == Some(wanted.as_str())))
    }

    async fn members(&self, chat: ChatKey) -> StoreResult<Vec<Member>> {
        let key = self.chat_key(chat, "roster");
        let raw: Vec<(UserKey, String)> = self.conn().hgetall(&key).await?;
        let mut out = raw.into_iter().map(|(_, r)| decode::<Member>(&key, &r)).collect::<StoreResult<Vec<_>>>()?;
        out.sort_by_key(|m| m.user_id);
        Ok(out)
    }
}

#[async_trait]
impl OnceStore for RedisStore {
    async fn claim_once(&self, what: &str, ttl: Duration) -> StoreResult<bool> {
        let key = self.key(&format!("once:{what}"));
        let ok: Option<String> = ::redis::cmd("SET")
            .arg(&key)
            .arg(1)
            .arg("NX")
            .arg("PX")
            .arg(ttl.as_millis().max(1) as u64)
            .query_async(&mut self.conn())
            .await?;
        Ok(ok.is_some())
    }

    async fn release_once(&self, what: &str) -> StoreResult<()> {
        let key = self.key(&format!("once:{what}"));
        self.conn().del::<_, ()>(key).await?;
        Ok(())
    }
}

fn millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn from_millis(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

#[async_trait]
impl OutboxStore for RedisStore {
    async fn enqueue(&self, item: &OutboxItem, advance: Option<(&Counter, u64)>) -> StoreResult<Enqueued> {
        // Dedup marker, optional counter compare-and-increment, and the queue entry: one script, so
        // a crash can neither lose the item after advancing the counter nor send a slot twice.
        let script = Script::new(
            r#"
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            if ARGV[5] ~= '' then
                local cur = tonumber(redis.call('HGET', KEYS[4], ARGV[6]) or '0')
                if cur ~= tonumber(ARGV[5]) then return 2 end
                redis.call('HSET', KEYS[4], ARGV[6], cur + 1)
            end
            redis.call('SET', KEYS[1], 1, 'EX', ARGV[4])
            redis.call('SET', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
            return 1
            "#,
        );
        let (counter_key, expected, field) = match advance {
            Some((c, e)) => (self.outbox_key(&format!("counters:{}", c.scope)), e.to_string(), c.field),
            None => (self.outbox_key("counters:none"), String::new(), ""),
        };
        let seen = self.outbox_key(&format!("seen:{}", item.id));
        let item_key = self.outbox_key(&format!("item:{}", item.id));
        let queue = self.outbox_key("queue");
        let r: i64 = script
            .key(seen)
            .key(item_key)
            .key(queue)
            .key(counter_key)
            .arg(encode(item))
            .arg(&item.id)
            .arg(millis(item.due))
            .arg(OUTBOX_DEDUP.as_secs())
            .arg(expected)
            .arg(field)
            .invoke_async(&mut self.conn())
            .await?;
        Ok(match r {
            1 => Enqueued::New,
            2 => Enqueued::Conflict,
            _ => Enqueued::Duplicate,
        })
    }

    async fn counter(&self, counter: &Counter) -> StoreResult<u64> {
        let key = self.outbox_key(&format!("counters:{}", counter.scope));
        let v: Option<u64> = self.conn().hget(key, counter.field).await?;
        Ok(v.unwrap_or(0))
    }

    async fn due(&self, now: DateTime<Utc>, limit: usize) -> StoreResult<Vec<OutboxItem>> {
        // Due items not under a live lease, with their records, in one step.
        static DUE: LazyLock<Script> = LazyLock::new(|| {
            Script::new(
                r#"
                local want = tonumber(ARGV[2])
                local out = {}
                local found = 0
                local offset = 0
                while found < want and offset < want * 20 do
                    local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', offset, want)
                    if #ids == 0 then break end
                    for _, id in ipairs(ids) do
                        if found < want and redis.call('EXISTS', ARGV[3] .. id) == 0 then
                            found = found + 1
                            out[#out + 1] = id
                            out[#out + 1] = redis.call('GET', ARGV[4] .. id) or ''
                        end
                    end
                    offset = offset + #ids
                end
                return out
                "#,
            )
        });
        let queue = self.outbox_key("queue");
        let flat: Vec<String> = DUE
            .key(&queue)
            .arg(millis(now))
            .arg(limit.max(1))
            .arg(self.outbox_key("lease:"))
            .arg(self.outbox_key("item:"))
            .invoke_async(&mut self.conn())
            .await?;
        let mut out = Vec::new();
        for pair in flat.chunks_exact(2) {
            let (id, raw) = (&pair[0], &pair[1]);
            let key = self.outbox_key(&format!("item:{id}"));
            if raw.is_empty() {
                // Completed by another sender between the two reads: drop the stale entry.
                self.conn().zrem::<_, _, ()>(&queue, id).await?;
                continue;
            }
            match decode::<OutboxItem>(&key, raw) {
                Ok(item) => out.push(item),
                // Written by a newer version: leave it for that version to send.
                Err(StoreError::NewerSchema { .. }) => {}
                Err(e) => {
                    // Unreadable: take it out of the queue (kept under its key for inspection) so it
                    // cannot block every other item.
                    tracing::error!(id = %id, error = %e, "outbox: unreadable item removed from the queue");
                    self.conn().zrem::<_, _, ()>(&queue, id).await?;
                }
            }
        }
        Ok(out)
    }

    async fn next_due(&self) -> StoreResult<Option<DateTime<Utc>>> {
        let queue = self.outbox_key("queue");
        let first: Vec<(String, i64)> = self.conn().zrange_withscores(&queue, 0, 0).await?;
        Ok(first.first().map(|(_, ms)| from_millis(*ms)))
    }

    async fn lease(&self, id: &str, owner: &str, now: DateTime<Utc>, ttl: Duration) -> StoreResult<Option<OutboxItem>> {
        // Still queued, due, not held by anyone, and its chat not being posted into by another
        // sender (which keeps each chat's posts in order across copies): checked and taken in one
        // step, so a copy working from an older list cannot take an item another copy has just sent
        // or rescheduled. The chat lease key is built from the item's chat (same `{outbox}` slot).
        static LEASE: LazyLock<Script> = LazyLock::new(|| {
            Script::new(
                r#"
                local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
                if not score or tonumber(score) > tonumber(ARGV[2]) then return false end
                local item = redis.call('GET', KEYS[2])
                if not item then return false end
                local chat = ARGV[5] .. string.format('%.0f', cjson.decode(item).chat)
                local busy = redis.call('GET', chat)
                if busy and busy ~= ARGV[3] then return false end
                if not redis.call('SET', KEYS[3], ARGV[3], 'NX', 'PX', ARGV[4]) then return false end
                redis.call('SET', chat, ARGV[3], 'PX', ARGV[4])
                return item
                "#,
            )
        });
        let item_key = self.outbox_key(&format!("item:{id}"));
        let raw: Option<String> = LEASE
            .key(self.outbox_key("queue"))
            .key(&item_key)
            .key(self.outbox_key(&format!("lease:{id}")))
            .arg(id)
            .arg(millis(now))
            .arg(owner)
            .arg(ttl.as_millis().max(1) as u64)
            .arg(self.outbox_key("chatlease:"))
            .invoke_async(&mut self.conn())
            .await?;
        raw.map(|r| decode(&item_key, &r)).transpose()
    }

    async fn renew(&self, id: &str, owner: &str, ttl: Duration) -> StoreResult<bool> {
        static RENEW: LazyLock<Script> = LazyLock::new(|| {
            Script::new(
                r#"
                if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                local item = redis.call('GET', KEYS[2])
                if item then
                    local chat = ARGV[3] .. string.format('%.0f', cjson.decode(item).chat)
                    if redis.call('GET', chat) == ARGV[1] then redis.call('PEXPIRE', chat, ARGV[2]) end
                end
                return 1
                "#,
            )
        });
        let r: i64 = RENEW
            .key(self.outbox_key(&format!("lease:{id}")))
            .key(self.outbox_key(&format!("item:{id}")))
            .arg(owner)
            .arg(ttl.as_millis().max(1) as u64)
            .arg(self.outbox_key("chatlease:"))
            .invoke_async(&mut self.conn())
            .await?;
        Ok(r == 1)
    }

    async fn complete(&self, id: &str, owner: &str) -> StoreResult<bool> {
        // Not ours if another sender holds it, or if it is no longer queued (someone else
        // finished it, or the group was forgotten).
        static COMPLETE: LazyLock<Script> = LazyLock::new(|| {
            Script::new(
                r#"
                local holder = redis.call('GET', KEYS[3])
                if holder and holder ~= ARGV[2] then return 0 end
                local item = redis.call('GET', KEYS[2])
                if item then
                    local chat = ARGV[3] .. string.format('%.0f', cjson.decode(item).chat)
                    if redis.call('GET', chat) == ARGV[2] then redis.call('DEL', chat) end
                end
                local removed = redis.call('ZREM', KEYS[1], ARGV[1])
                redis.call('DEL', KEYS[2], KEYS[3])
                return removed
                "#,
            )
        });
        let r: i64 = COMPLETE
            .key(self.outbox_key("queue"))
            .key(self.outbox_key(&format!("item:{id}")))
            .key(self.outbox_key(&format!("lease:{id}")))
            .arg(id)
            .arg(owner)
            .arg(self.outbox_key("chatlease:"))
            .invoke_async(&mut self.conn())
            .await?;
        Ok(r == 1)
    }

    async fn reschedule(&self, item: &OutboxItem, owner: &str) -> StoreResult<bool> {
        // Only an item still queued, and not held by another sender: a late reschedule must never
        // bring back an item someone else sent, or a group that was forgotten.
        static RESCHEDULE: LazyLock<Script> = LazyLock::new(|| {
            Script::new(
                r#"
                if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
                local holder = redis.call('GET', KEYS[3])
                if holder and holder ~= ARGV[2] then return 0 end
                local old = redis.call('GET', KEYS[2])
                if old then
                    local chat = ARGV[5] .. string.format('%.0f', cjson.decode(old).chat)
                    if redis.call('GET', chat) == ARGV[2] then redis.call('DEL', chat) end
                end
                redis.call('SET', KEYS[2], ARGV[3])
                redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
                redis.call('DEL', KEYS[3])
                return 1
                "#,
            )
        });
        let r: i64 = RESCHEDULE
            .key(self.outbox_key("queue"))
            .key(self.outbox_key(&format!("item:{}", item.id)))
            .key(self.outbox_key(&format!("lease:{}", item.id)))
            .arg(&item.id)
            .arg(owner)
            .arg(encode(item))
            .arg(millis(item.due))
            .arg(self.outbox_key("chatlease:"))
            .invoke_async(&mut self.conn())
            .await?;
        Ok(r == 1)
    }

    async fn release(&self, id: &str, owner: &str) -> StoreResult<()> {
        static RELEASE: LazyLock<Script> = LazyLock::new(|| {
            Script::new(
                r#"
                if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
                redis.call('DEL', KEYS[1])
                local item = redis.call('GET', KEYS[2])
                if item then
                    local chat = ARGV[2] .. string.format('%.0f', cjson.decode(item).chat)
                    if redis.call('GET', chat) == ARGV[1] then redis.call('DEL', chat) end
                end
                return 1
                "#,
            )
        });
        RELEASE
            .key(self.outbox_key(&format!("lease:{id}")))
            .key(self.outbox_key(&format!("item:{id}")))
            .arg(owner)
            .arg(self.outbox_key("chatlease:"))
            .invoke_async::<i64>(&mut self.conn())
            .await?;
        Ok(())
    }

    async fn queued(&self) -> StoreResult<u64> {
        let key = self.outbox_key("queue");
        Ok(self.conn().zcard(key).await?)
    }

    async fn outbox_seen(&self, id: &str) -> StoreResult<bool> {
        Ok(self.conn().exists(self.outbox_key(&format!("seen:{id}"))).await?)
    }
}

#[async_trait]
impl LessonStore for RedisStore {
    async fn add_feedback(&self, chat: ChatKey, lesson: &str, kind: &str, user: UserKey) -> StoreResult<bool> {
        let script = Script::new(
            r#"
            if redis.call('HSETNX', KEYS[1], ARGV[1], 1) == 1 then
                redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
                return 1
            end
            return 0
            "#,
        );
        let who = self.chat_key(chat, "feedback");
        let totals = self.chat_key(chat, "feedbackn");
        let r: i64 = script
            .key(who)
            .key(totals)
            .arg(format!("{lesson}|{kind}|{user}"))
            .arg(format!("{lesson}|{kind}"))
            .invoke_async(&mut self.conn())
            .await?;
        Ok(r == 1)
    }

    async fn feedback_count(&self, chat: ChatKey, lesson: &str, kind: &str) -> StoreResult<u64> {
        let key = self.chat_key(chat, "feedbackn");
        let n: Option<u64> = self.conn().hget(key, format!("{lesson}|{kind}")).await?;
        Ok(n.unwrap_or(0))
    }

    async fn log_lesson(&self, chat: ChatKey, lesson: &str, at: DateTime<Utc>) -> StoreResult<()> {
        let key = self.chat_key(chat, "lessonlog");
        self.conn().hset::<_, _, _, ()>(key, lesson, millis(at)).await?;
        Ok(())
    }

    async fn lesson_log(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<(String, DateTime<Utc>)>> {
        let key = self.chat_key(chat, "lessonlog");
        let raw: Vec<(String, i64)> = self.conn().hgetall(key).await?;
        let mut out: Vec<(String, DateTime<Utc>)> = raw.into_iter().map(|(k, ms)| (k, from_millis(ms))).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.truncate(limit);
        Ok(out)
    }

    async fn set_subscription(&self, user: UserKey, sub: Option<&Subscription>) -> StoreResult<()> {
        let key = self.key("subs");
        match sub {
            Some(s) => self.conn().hset::<_, _, _, ()>(key, user, encode(s)).await?,
            None => self.conn().hdel::<_, _, ()>(key, user).await?,
        }
        Ok(())
    }

    async fn subscription(&self, user: UserKey) -> StoreResult<Option<Subscription>> {
        let key = self.key("subs");
        let raw: Option<String> = self.conn().hget(&key, user).await?;
        raw.map(|r| decode(&key, &r)).transpose()
    }

    async fn subscriptions(&self) -> StoreResult<Vec<(UserKey, Subscription)>> {
        let key = self.key("subs");
        let raw: Vec<(UserKey, String)> = self.conn().hgetall(&key).await?;
        let mut out = raw.into_iter().map(|(u, r)| Ok((u, decode(&key, &r)?))).collect::<StoreResult<Vec<_>>>()?;
        out.sort_by_key(|(u, _)| *u);
        Ok(out)
    }
}

#[async_trait]
impl ModerationStore for RedisStore {
    async fn put_flag(&self, chat: ChatKey, flag: &Flag) -> StoreResult<()> {
        let key = self.chat_key(chat, format_args!("flag:{}", flag.message_id));
        self.conn().set_ex::<_, _, ()>(key, encode(flag), EXCERPT_TTL.as_secs()).await?;
        Ok(())
    }

    async fn flag(&self, chat: ChatKey, message_id: i32) -> StoreResult<Option<Flag>> {
        let key = self.chat_key(chat, format_args!("flag:{message_id}"));
        let raw: Option<String> = self.conn().get(&key).await?;
        raw.map(|r| decode(&key, &r)).transpose()
    }

    async fn log_moderation(&self, chat: ChatKey, entry: &ModEntry, excerpt: Option<&str>) -> StoreResult<()> {
        let log = self.chat_key(chat, "modlog");
        // Field names sort by time, so trimming drops the oldest.
        let field = format!("{:015}:{}", entry.at.timestamp_millis().max(0), entry.message_id);
        let mut pipe = ::redis::pipe();
        pipe.hset(&log, field, encode(entry)).ignore();
        if let Some(x) = excerpt {
            pipe.set_ex(self.chat_key(chat, format_args!("modex:{}", entry.message_id)), x, EXCERPT_TTL.as_secs())
                .ignore();
        }
        pipe.hlen(&log);
        let (len,): (usize,) = pipe.query_async(&mut self.conn()).await?;
        if len > 300 {
            let mut fields: Vec<String> = self.conn().hkeys(&log).await?;
            fields.sort();
            self.conn().hdel::<_, _, ()>(&log, &fields[..len - 300]).await?;
        }
        Ok(())
    }

    async fn moderation_log(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<ModEntry>> {
        let log = self.chat_key(chat, "modlog");
        let raw: Vec<(String, String)> = self.conn().hgetall(&log).await?;
        let mut raw = raw;
        raw.sort_by(|a, b| b.0.cmp(&a.0));
        raw.truncate(limit);
        let mut out = Vec::with_capacity(raw.len());
        for (_, r) in raw {
            let mut e: ModEntry = decode(&log, &r)?;
            let ex = self.chat_key(chat, format_args!("modex:{}", e.message_id));
            e.excerpt = self.conn().get(ex).await?;
            out.push(e);
        }
        Ok(out)
    }

    async fn allow(&self, chat: ChatKey, fingerprint: u64) -> StoreResult<()> {
        let key = self.chat_key(chat, "allow");
        self.conn().hset::<_, _, _, ()>(key, fingerprint.to_string(), 1).await?;
        self.publish_change(&format!("k:{chat}")).await
    }

    async fn allow_list(&self, chat: ChatKey) -> StoreResult<Vec<u64>> {
        let key = self.chat_key(chat, "allow");
        let raw: Vec<String> = self.conn().hkeys(key).await?;
        let mut out: Vec<u64> = raw.into_iter().filter_map(|k| k.parse().ok()).collect();
        out.sort_unstable();
        Ok(out)
    }

    async fn add_sample(&self, chat: ChatKey, sample: &super::GroupSample) -> StoreResult<()> {
        let key = self.chat_key(chat, "samples");
        // Numbered in one script, so that two copies adding at once neither collide nor keep more
        // than the newest MAX_SAMPLES.
        let script = Script::new(
            r#"
            local n = redis.call('HINCRBY', KEYS[1], '#', 1)
            redis.call('HSET', KEYS[1], n, ARGV[1])
            local old = n - tonumber(ARGV[2])
            if old > 0 then redis.call('HDEL', KEYS[1], old) end
            return n
            "#,
        );
        script
            .key(&key)
            .arg(encode(sample))
            .arg(crate::policy::group::MAX_SAMPLES)
            .invoke_async::<i64>(&mut self.conn())
            .await?;
        self.publish_change(&format!("k:{chat}")).await
    }

    async fn samples(&self, chat: ChatKey) -> StoreResult<Vec<super::GroupSample>> {
        let key = self.chat_key(chat, "samples");
        let raw: Vec<(String, String)> = self.conn().hgetall(&key).await?;
        let mut numbered: Vec<(u64, super::GroupSample)> = Vec::new();
        for (field, value) in raw {
            if let Ok(n) = field.parse::<u64>() {
                numbered.push((n, decode(&key, &value)?));
            }
        }
        numbered.sort_by_key(|(n, _)| *n);
        Ok(numbered.into_iter().map(|(_, s)| s).collect())
    }

    async fn add_warning(&self, chat: ChatKey, user: UserKey) -> StoreResult<u64> {
        let key = self.chat_key(chat, "warns");
        Ok(self.conn().hincr(key, user, 1).await?)
    }

    async fn reset_warnings(&self, chat: ChatKey, user: UserKey) -> StoreResult<()> {
        let key = self.chat_key(chat, "warns");
        self.conn().hdel::<_, _, ()>(key, user).await?;
        Ok(())
    }
}

#[async_trait]
impl NoticeStore for RedisStore {
    async fn put_notice(&self, chat: ChatKey, notice: &Notice) -> StoreResult<()> {
        let notices = self.chat_key(chat, "notices");
        let index = self.chat_key(chat, "noticemsg");
        let mut pipe = ::redis::pipe();
        pipe.atomic().hset(notices, &notice.id, encode(notice));
        if let Some(m) = notice.message_id {
            pipe.hset(index, m, &notice.id);
        }
        pipe.query_async::<()>(&mut self.conn()).await?;
        Ok(())
    }

    async fn notice(&self, chat: ChatKey, id: &str) -> StoreResult<Option<Notice>> {
        let key = self.chat_key(chat, "notices");
        let raw: Option<String> = self.conn().hget(&key, id).await?;
        raw.map(|r| decode(&key, &r)).transpose()
    }

    async fn notice_by_message(&self, chat: ChatKey, message_id: i32) -> StoreResult<Option<Notice>> {
        let index = self.chat_key(chat, "noticemsg");
        let id: Option<String> = self.conn().hget(index, message_id).await?;
        match id {
            Some(id) => self.notice(chat, &id).await,
            None => Ok(None),
        }
    }

    async fn recent_notices(&self, chat: ChatKey, limit: usize) -> StoreResult<Vec<Notice>> {
        let key = self.chat_key(chat, "notices");
        let raw: Vec<(String, String)> = self.conn().hgetall(&key).await?;
        let mut out = raw.into_iter().map(|(_, r)| decode::<Notice>(&key, &r)).collect::<StoreResult<Vec<_>>>()?;
        out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
        out.truncate(limit);
        Ok(out)
    }

    async fn ack(&self, chat: ChatKey, notice: &str, user: UserKey) -> StoreResult<bool> {
        let key = self.chat_key(chat, "acks");
        Ok(self.conn().hset_nx(key, format!("{notice}|{user}"), 1).await?)
    }

    async fn acks(&self, chat: ChatKey, notice: &str) -> StoreResult<Vec<UserKey>> {
        let key = self.chat_key(chat, "acks");
        let fields: Vec<String> = self.conn().hkeys(key).await?;
        let prefix = format!("{notice}|");
        let mut out: Vec<UserKey> =
            fields.iter().filter_map(|f| f.strip_prefix(&prefix)).filter_map(|u| u.parse().ok()).collect();
        out.sort_unstable();
        Ok(out)
    }
}

#[async_trait]
impl BroadcastStore for RedisStore {
    async fn put_broadcast(&self, b: &Broadcast) -> StoreResult<()> {
        // Each broadcast under its own key, kept BROADCAST_TTL; the confirmed ones (still being
        // fanned out) also listed in `broadcasts:open` for the resume at start-up.
        let key = self.key(&format!("broadcast:{}", b.id));
        self.conn().set_ex::<_, _, ()>(&key, encode(b), BROADCAST_TTL.as_secs()).await?;
        let open = self.key("broadcasts:open");
        if b.state == "confirmed" {
            self.conn().sadd::<_, _, ()>(open, &b.id).await?;
        } else {
            self.conn().srem::<_, _, ()>(open, &b.id).await?;
        }
        Ok(())
    }

    async fn broadcast(&self, id: &str) -> StoreResult<Option<Broadcast>> {
        let key = self.key(&format!("broadcast:{id}"));
        let raw: Option<String> = self.conn().get(&key).await?;
        raw.map(|r| decode(&key, &r)).transpose()
    }

    async fn confirmed_broadcasts(&self) -> StoreResult<Vec<Broadcast>> {
        let open = self.key("broadcasts:open");
        let ids: Vec<String> = self.conn().smembers(&open).await?;
        let mut out = Vec::new();
        for id in ids {
            match self.broadcast(&id).await? {
                Some(b) if b.state == "confirmed" => out.push(b),
                _ => self.conn().srem::<_, _, ()>(&open, &id).await?,
            }
        }
        Ok(out)
    }
}

#[async_trait]
impl Coordination for RedisStore {
    fn send_limiter(&self, limits: crate::jobs::ratelimit::Limits) -> Arc<dyn crate::jobs::limiter::SendLimiter> {
        Arc::new(crate::jobs::limiter::RedisLimiter::new(self.conn(), &self.prefix, limits))
    }

    async fn ping(&self) -> StoreResult<()> {
        let _: String = ::redis::cmd("PING").query_async(&mut self.conn()).await?;
        Ok(())
    }

    async fn publish_change(&self, change: &str) -> StoreResult<()> {
        // A capped stream: every copy reads what came after its own cursor.
        let key = self.key("changes");
        ::redis::cmd("XADD")
            .arg(&key)
            .arg("MAXLEN")
            .arg("~")
            .arg(2000)
            .arg("*")
            .arg("c")
            .arg(change)
            .query_async::<String>(&mut self.conn())
            .await?;
        Ok(())
    }

    async fn changes_since(&self, cursor: Option<&str>) -> StoreResult<(Vec<String>, String)> {
        let key = self.key("changes");
        let Some(cursor) = cursor else {
            // Start from the newest entry (or the beginning of an empty stream).
            let last: Vec<(String, Vec<(String, String)>)> = ::redis::cmd("XREVRANGE")
                .arg(&key)
                .arg("+")
                .arg("-")
                .arg("COUNT")
                .arg(1)
                .query_async(&mut self.conn())
                .await?;
            return Ok((Vec::new(), last.first().map(|(id, _)| id.clone()).unwrap_or_else(|| "0-0".to_owned())));
        };
        let entries: Vec<(String, Vec<(String, String)>)> = ::redis::cmd("XRANGE")
            .arg(&key)
            .arg(format!("({cursor}"))
            .arg("+")
            .arg("COUNT")
            .arg(1000)
            .query_async(&mut self.conn())
            .await?;
        let next = entries.last().map(|(id, _)| id.clone()).unwrap_or_else(|| cursor.to_owned());
        let changes = entries.into_iter().flat_map(|(_, fields)| fields.into_iter().map(|(_, v)| v)).collect();
        Ok((changes, next))
    }
}

fn date_key(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[async_trait]
impl PeopleStore for RedisStore {
    async fn profile(&self, user: UserKey) -> StoreResult<Option<Profile>> {
        let key = self.user_key(user, "profile");
        let raw: Option<String> = self.conn().get(&key).await?;
        raw.map(|r| decode(&key, &r)).transpose()
    }

    async fn put_profile(&self, user: UserKey, profile: &Profile) -> StoreResult<()> {
        self.conn().set::<_, _, ()>(self.user_key(user, "profile"), encode(profile)).await?;
        let reminding = self.key("profiles:reminding");
        if profile.reminders.is_empty() {
            self.conn().srem::<_, _, ()>(reminding, user).await?;
        } else {
            self.conn().sadd::<_, _, ()>(reminding, user).await?;
        }
        Ok(())
    }

    async fn reminding_users(&self) -> StoreResult<Vec<UserKey>> {
        let mut out: Vec<UserKey> = self.conn().smembers(self.key("profiles:reminding")).await?;
        out.sort_unstable();
        Ok(out)
    }

    async fn member_groups(&self, user: UserKey) -> StoreResult<Vec<ChatKey>> {
        let mut out: Vec<ChatKey> = self.conn().smembers(self.user_key(user, "groups")).await?;
        out.sort_unstable();
        Ok(out)
    }

    async fn check_in(&self, chat: ChatKey, user: UserKey, kind: &str, date: NaiveDate) -> StoreResult<Option<u64>> {
        // Who (expiring with the day's key) and how many (kept, trimmed to the newest 300 day-kinds),
        // in one step.
        static CHECK_IN: LazyLock<Script> = LazyLock::new(|| {
            Script::new(
                r#"
                if redis.call('HSETNX', KEYS[1], ARGV[1], 1) == 0 then return -1 end
                redis.call('EXPIRE', KEYS[1], ARGV[3])
                local n = redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
                if redis.call('HLEN', KEYS[2]) > 400 then
                    local ks = redis.call('HKEYS', KEYS[2])
                    table.sort(ks)
                    for i = 1, #ks - 300 do redis.call('HDEL', KEYS[2], ks[i]) end
                end
                return n
                "#,
            )
        });
        let day = date_key(date);
        let detail = self.chat_key(chat, format!("checkin:{day}"));
        let n: i64 = CHECK_IN
            .key(detail)
            .key(self.chat_key(chat, "checkinn"))
            .arg(format!("{kind}|{user}"))
            .arg(format!("{day}|{kind}"))
            .arg(CHECKIN_TTL.as_secs())
            .invoke_async(&mut self.conn())
            .await?;
        if n < 0 {
            return Ok(None);
        }
        let mine = self.user_key(user, &format!("checkins:{day}"));
        let mut pipe = ::redis::pipe();
        pipe.sadd(&mine, format!("{chat}|{kind}")).ignore().expire(&mine, CHECKIN_TTL.as_secs() as i64).ignore();
        pipe.query_async::<()>(&mut self.conn()).await?;
        Ok(Some(n as u64))
    }

    async fn checkin_counts(
        &self,
        chat: ChatKey,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<(NaiveDate, String, u64)>> {
        let raw: Vec<(String, u64)> = self.conn().hgetall(self.chat_key(chat, "checkinn")).await?;
        let mut out: Vec<(NaiveDate, String, u64)> = raw
            .into_iter()
            .filter_map(|(field, n)| {
                let (day, kind) = field.split_once('|')?;
                let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
                (from..=to).contains(&d).then(|| (d, kind.to_owned(), n))
            })
            .collect();
        out.sort();
        Ok(out)
    }

    async fn user_checkins(
        &self,
        user: UserKey,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<(NaiveDate, ChatKey, String)>> {
        let mut out = Vec::new();
        for d in from.iter_days().take_while(|d| *d <= to) {
            let members: Vec<String> =
                self.conn().smembers(self.user_key(user, &format!("checkins:{}", date_key(d)))).await?;
            for m in members {
                if let Some((chat, kind)) = m.split_once('|')
                    && let Ok(chat) = chat.parse()
                {
                    out.push((d, chat, kind.to_owned()));
                }
            }
        }
        out.sort();
        Ok(out)
    }

    async fn put_ask(&self, ask: &Ask) -> StoreResult<()> {
        let key = self.chat_key(ask.chat, "asks");
        let (len,): (usize,) =
            ::redis::pipe().hset(&key, &ask.id, encode(ask)).ignore().hlen(&key).query_async(&mut self.conn()).await?;
        if len > 300 {
            // Keep the newest 200 (ids sort by time).
            let mut ids: Vec<String> = self.conn().hkeys(&key).await?;
            ids.sort();
            self.conn().hdel::<_, _, ()>(&key, &ids[..len - 200]).await?;
        }
        Ok(())
    }

    async fn ask(&self, chat: ChatKey, id: &str) -> StoreResult<Option<Ask>> {
        let key = self.chat_key(chat, "asks");
        let raw: Option<String> = self.conn().hget(&key, id).await?;
        let ask: Option<Ask> = raw.map(|r| decode(&key, &r)).transpose()?;
        Ok(ask.filter(|a| (Utc::now() - a.at).to_std().is_ok_and(|age| age < ASK_TTL)))
    }

    async fn asks_by(&self, chat: ChatKey, parent: UserKey) -> StoreResult<Vec<Ask>> {
        let key = self.chat_key(chat, "asks");
        let all: Vec<(String, String)> = self.conn().hgetall(&key).await?;
        let mut out: Vec<Ask> = all
            .into_iter()
            .filter_map(|(_, raw)| decode::<Ask>(&key, &raw).ok())
            .filter(|a| a.parent == parent && (Utc::now() - a.at).to_std().is_ok_and(|age| age < ASK_TTL))
            .collect();
        out.sort_by_key(|a| a.at);
        Ok(out)
    }

    async fn link_ask_message(&self, teacher: UserKey, message_id: i32, chat: ChatKey, id: &str) -> StoreResult<()> {
        let key = self.user_key(teacher, "askmsg");
        let mut pipe = ::redis::pipe();
        pipe.hset(&key, message_id, format!("{chat}|{id}")).ignore().expire(&key, ASK_TTL.as_secs() as i64).ignore();
        pipe.query_async::<()>(&mut self.conn()).await?;
        Ok(())
    }

    async fn ask_for_message(&self, teacher: UserKey, message_id: i32) -> StoreResult<Option<(ChatKey, String)>> {
        let raw: Option<String> = self.conn().hget(self.user_key(teacher, "askmsg"), message_id).await?;
        Ok(raw.and_then(|r| {
            let (chat, id) = r.split_once('|')?;
            Some((chat.parse().ok()?, id.to_owned()))
        }))
    }

    async fn count_ask(&self, chat: ChatKey, parent: UserKey, date: NaiveDate) -> StoreResult<u64> {
        // One small hash per day, gone two days later.
        let key = self.chat_key(chat, format!("askn:{}", date_key(date)));
        let (n,): (u64,) = ::redis::pipe()
            .hincr(&key, parent, 1)
            .expire(&key, 2 * 24 * 3600)
            .ignore()
            .query_async(&mut self.conn())
            .await?;
        Ok(n)
    }

    async fn mute_asks(&self, chat: ChatKey, parent: UserKey, until: Option<DateTime<Utc>>) -> StoreResult<()> {
        let key = self.chat_key(chat, "askmute");
        match until {
            Some(t) => self.conn().hset::<_, _, _, ()>(key, parent, millis(t)).await?,
            None => self.conn().hdel::<_, _, ()>(key, parent).await?,
        }
        Ok(())
    }

    async fn asks_muted_until(&self, chat: ChatKey, parent: UserKey) -> StoreResult<Option<DateTime<Utc>>> {
        let ms: Option<i64> = self.conn().hget(self.chat_key(chat, "askmute"), parent).await?;
        Ok(ms.map(from_millis))
    }

    async fn set_pending(&self, user: UserKey, pending: Option<&str>, ttl: Duration) -> StoreResult<()> {
        let key = self.user_key(user, "pending");
        match pending {
            Some(p) => self.conn().set_ex::<_, _, ()>(key, p, ttl.as_secs().max(1)).await?,
            None => self.conn().del::<_, ()>(key).await?,
        }
        Ok(())
    }

    async fn pending(&self, user: UserKey) -> StoreResult<Option<String>> {
        Ok(self.conn().get(self.user_key(user, "pending")).await?)
    }

    async fn forget_user(&self, user: UserKey) -> StoreResult<Vec<(&'static str, u64)>> {
        let mut chats: std::collections::BTreeSet<ChatKey> = self.member_groups(user).await?.into_iter().collect();
        // The index may miss groups (rosters written before it existed): look in every roster too.
        let pattern = format!("{}{{c*}}:roster", escape_glob(&self.prefix));
        for server in self.servers().await? {
            for key in self.scan_keys(&server, &pattern).await? {
                if self.conn().hexists(&key, user).await? {
                    let tag = key.strip_prefix(&self.prefix).unwrap_or_default();
                    if let Some(chat) =
                        tag.strip_prefix("{c").and_then(|t| t.split('}').next()).and_then(|c| c.parse().ok())
                    {
                        chats.insert(chat);
                    }
                }
            }
        }
        let teaches: Vec<ChatKey> = self.conn().smembers(self.user_key(user, "teaches")).await?;
        let admin: Vec<ChatKey> = self.conn().smembers(self.user_key(user, "admin")).await?;
        chats.extend(teaches);
        chats.extend(admin);
        let mut profile = 0u64;
        for k in ["profile", "pending", "askmsg", "groups", "teaches", "admin"] {
            profile += self.conn().del::<_, u64>(self.user_key(user, k)).await?;
        }
        self.conn().srem::<_, _, ()>(self.key("profiles:reminding"), user).await?;
        let subscription: u64 = self.conn().hdel(self.key("subs"), user).await?;
        let (mut rosters, mut roles, mut acks, mut checkins, mut asks, mut moderation) =
            (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
        for chat in chats {
            if let Some(m) = self.member(chat, user).await?
                && let Some(u) = &m.username
            {
                self.conn().hdel::<_, _, ()>(self.chat_key(chat, "unames"), normalise_username(u)).await?;
            }
            rosters += self.conn().hdel::<_, _, u64>(self.chat_key(chat, "roster"), user).await?;
            roles += self.conn().hdel::<_, _, u64>(self.chat_key(chat, "roles"), user).await?;
            roles += self.conn().hdel::<_, _, u64>(self.chat_key(chat, "admins"), user).await?;
            moderation += self.conn().hdel::<_, _, u64>(self.chat_key(chat, "warns"), user).await?;
            let ack_key = self.chat_key(chat, "acks");
            let fields: Vec<String> = self.conn().hkeys(&ack_key).await?;
            let mine: Vec<&String> =
                fields.iter().filter(|f| f.rsplit_once('|').is_some_and(|(_, u)| u == user.to_string())).collect();
            if !mine.is_empty() {
                acks += self.conn().hdel::<_, _, u64>(&ack_key, mine).await?;
            }
            let ask_key = self.chat_key(chat, "asks");
            let all: Vec<(String, String)> = self.conn().hgetall(&ask_key).await?;
            for (id, raw) in all {
                if decode::<Ask>(&ask_key, &raw).is_ok_and(|a| a.parent == user) {
                    asks += self.conn().hdel::<_, _, u64>(&ask_key, &id).await?;
                }
            }
            self.conn().hdel::<_, _, ()>(self.chat_key(chat, "askmute"), user).await?;
            // Question counts live two days (in any zone, a day within [today-2, today+1] in UTC).
            let today = Utc::now().date_naive();
            for back in -1..=2i64 {
                let day = date_key(today - chrono::Duration::days(back));
                self.conn().hdel::<_, _, ()>(self.chat_key(chat, format!("askn:{day}")), user).await?;
            }
            let log_key = self.chat_key(chat, "modlog");
            let log: Vec<(String, String)> = self.conn().hgetall(&log_key).await?;
            for (field, raw) in log {
                if decode::<ModEntry>(&log_key, &raw).is_ok_and(|e| e.sender == Some(user)) {
                    moderation += self.conn().hdel::<_, _, u64>(&log_key, &field).await?;
                }
            }
            let pattern = format!("{}{{c{chat}}}:flag:*", escape_glob(&self.prefix));
            for server in self.servers().await? {
                for key in self.scan_keys(&server, &pattern).await? {
                    let raw: Option<String> = self.conn().get(&key).await?;
                    if raw.is_some_and(|r| decode::<Flag>(&key, &r).is_ok_and(|f| f.sender == Some(user))) {
                        let message = key.rsplit(':').next().unwrap_or_default().to_owned();
                        moderation += self.conn().del::<_, u64>(&key).await?;
                        let excerpt = self.chat_key(chat, format!("modex:{message}"));
                        self.conn().del::<_, ()>(excerpt).await?;
                    }
                }
            }
        }
        // The person's own per-day sets name every group and kind they checked in to: remove exactly
        // those entries from the groups' day lists (the anonymous per-day totals stay).
        let pattern = format!("{}{{u{user}}}:checkins:*", escape_glob(&self.prefix));
        for server in self.servers().await? {
            for key in self.scan_keys(&server, &pattern).await? {
                let Some(day) = key.rsplit(':').next().map(str::to_owned) else { continue };
                let entries: Vec<String> = self.conn().smembers(&key).await?;
                for entry in entries {
                    if let Some((chat, kind)) = entry.split_once('|')
                        && let Ok(chat) = chat.parse::<ChatKey>()
                    {
                        let detail = self.chat_key(chat, format!("checkin:{day}"));
                        checkins += self.conn().hdel::<_, _, u64>(&detail, format!("{kind}|{user}")).await?;
                    }
                }
                self.conn().del::<_, ()>(&key).await?;
            }
        }
        // Their private chat: private check-in totals and anything queued for them (private
        // reminders, chased notices, lessons).
        profile += self.forget_group(user as ChatKey).await?;
        Ok(vec![
            ("profile", profile),
            ("subscription", subscription),
            ("rosters", rosters),
            ("roles", roles),
            ("acks", acks),
            ("checkins", checkins),
            ("asks", asks),
            ("moderation", moderation),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masters_are_read_from_cluster_nodes() {
        let nodes = "\
07c3 127.0.0.1:7102@17102 master - 0 1 2 connected 5461-10922
e7d1 127.0.0.1:7101@17101 myself,master - 0 0 1 connected 0-5460
aa12 127.0.0.1:7104@17104 slave e7d1 0 1 1 connected
bb34 127.0.0.1:7105@17105,redis-5 master,fail - 0 1 4 disconnected
cc56 127.0.0.1:7103@17103 master - 0 1 3 connected 10923-16383
";
        assert_eq!(cluster_masters(nodes), vec!["127.0.0.1:7102", "127.0.0.1:7101", "127.0.0.1:7103"]);
        assert_eq!(cluster_nodes("redis://a:1"), None);
        assert_eq!(cluster_nodes("redis+cluster://a:1").unwrap(), vec!["redis://a:1"]);
        assert_eq!(cluster_nodes("redis://a:1, redis://b:2").unwrap(), vec!["redis://a:1", "redis://b:2"]);
    }
}

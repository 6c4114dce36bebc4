//! Redis store. One `ConnectionManager` (multiplexed, reconnects by itself) shared by every task.

use super::*;
use ::redis::aio::{ConnectionManager, ConnectionManagerConfig};
use ::redis::{AsyncCommands, Script};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// State in Redis, under `prefix`.
#[derive(Clone)]
pub struct RedisStore {
    conn: ConnectionManager,
    prefix: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("REDIS_URL is not a valid Redis URL (expected redis://host:port/db): {0}")]
    BadUrl(String),
    #[error("Redis at {url} did not answer within {secs} s; is it running? ({detail})")]
    Unreachable {
        url: String,
        secs: u64,
        detail: String,
    },
}

impl RedisStore {
    /// Connects and checks the server answers `PING`, within `timeout` — never hangs at start-up.
    pub async fn connect(
        url: &str,
        prefix: &str,
        timeout: Duration,
    ) -> Result<RedisStore, ConnectError> {
        let shown = crate::config::redact_url(url);
        let client = ::redis::Client::open(url)
            .map_err(|e| ConnectError::BadUrl(format!("{shown}: {e}")))?;
        let unreachable = |detail: String| ConnectError::Unreachable {
            url: shown.clone(),
            secs: timeout.as_secs(),
            detail,
        };
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(2);
        let attempt = async {
            let mut conn = ConnectionManager::new_with_config(client, config).await?;
            let _: String = ::redis::cmd("PING").query_async(&mut conn).await?;
            Ok::<_, ::redis::RedisError>(conn)
        };
        let conn = match tokio::time::timeout(timeout, attempt).await {
            Ok(Ok(conn)) => conn,
            Ok(Err(e)) => return Err(unreachable(e.to_string())),
            Err(_) => return Err(unreachable("timed out".to_owned())),
        };
        Ok(RedisStore {
            conn,
            prefix: prefix.to_owned(),
        })
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    fn key(&self, parts: std::fmt::Arguments<'_>) -> String {
        format!("{}{}", self.prefix, parts)
    }

    fn conn(&self) -> ConnectionManager {
        self.conn.clone()
    }

    /// Deletes every key under this store's prefix. For tests that use a unique prefix; never
    /// FLUSHDB.
    pub async fn delete_prefix(&self) -> StoreResult<u64> {
        let mut conn = self.conn();
        let pattern = format!("{}*", escape_glob(&self.prefix));
        let mut cursor: u64 = 0;
        let mut deleted = 0;
        loop {
            let (next, keys): (u64, Vec<String>) = ::redis::cmd("SCAN")
                .arg(cursor)
                .arg("MATCH")
                .arg(&pattern)
                .arg("COUNT")
                .arg(500)
                .query_async(&mut conn)
                .await?;
            if !keys.is_empty() {
                deleted += conn.del::<_, u64>(&keys).await?;
            }
            if next == 0 {
                return Ok(deleted);
            }
            cursor = next;
        }
    }
}

fn escape_glob(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if "*?[]\\".contains(c) {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect()
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
    let v: serde_json::Value = serde_json::from_str(raw).map_err(|e| StoreError::Corrupt {
        key: key.to_owned(),
        detail: e.to_string(),
    })?;
    let found = v.get("v").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            key: key.to_owned(),
            found,
        });
    }
    serde_json::from_value(v).map_err(|e| StoreError::Corrupt {
        key: key.to_owned(),
        detail: e.to_string(),
    })
}

/// The per-chat hash families, moved together when a group migrates.
const CHAT_HASHES: &[&str] = &["roles", "roster", "unames"];

#[async_trait]
impl GroupStore for RedisStore {
    async fn group(&self, chat: ChatKey) -> StoreResult<Option<Group>> {
        let key = self.key(format_args!("group:{chat}"));
        let raw: Option<String> = self.conn().get(&key).await?;
        let group: Option<Group> = raw.map(|r| decode(&key, &r)).transpose()?;
        Ok(group.map(|g| Group { chat_id: chat, ..g }))
    }

    async fn put_group(&self, group: &Group) -> StoreResult<()> {
        let key = self.key(format_args!("group:{}", group.chat_id));
        let active = self.key(format_args!("groups:active"));
        let mut pipe = ::redis::pipe();
        pipe.atomic().set(&key, encode(group));
        if group.active {
            pipe.sadd(&active, group.chat_id);
        } else {
            pipe.srem(&active, group.chat_id);
        }
        pipe.query_async::<()>(&mut self.conn()).await?;
        Ok(())
    }

    async fn active_groups(&self) -> StoreResult<Vec<ChatKey>> {
        let key = self.key(format_args!("groups:active"));
        let mut ids: Vec<ChatKey> = self.conn().smembers(key).await?;
        ids.sort_unstable();
        Ok(ids)
    }

    async fn migrate_group(&self, from: ChatKey, to: ChatKey) -> StoreResult<()> {
        if from == to {
            return Ok(());
        }
        // One server-side script so that a crash half-way cannot leave state split between two ids.
        // Hash entries already present under the new id (seen after the upgrade) are kept.
        let script = Script::new(
            r#"
            local n = #ARGV - 3
            local prefix, from, to = ARGV[n+1], ARGV[n+2], ARGV[n+3]
            local gkey = prefix .. 'group:' .. from
            local raw = redis.call('GET', gkey)
            if raw then
                -- Copied verbatim (no cjson round trip, which would round large ids); the chat id
                -- inside is corrected on read from the key.
                redis.call('SET', prefix .. 'group:' .. to, raw)
                redis.call('DEL', gkey)
                if redis.call('SREM', prefix .. 'groups:active', from) == 1 then
                    redis.call('SADD', prefix .. 'groups:active', to)
                end
            end
            for i = 1, n do
                local src = prefix .. ARGV[i] .. ':' .. from
                local dst = prefix .. ARGV[i] .. ':' .. to
                local kv = redis.call('HGETALL', src)
                for j = 1, #kv, 2 do
                    redis.call('HSETNX', dst, kv[j], kv[j+1])
                end
                redis.call('DEL', src)
            end
            return 1
            "#,
        );
        let mut inv = script.prepare_invoke();
        for family in CHAT_HASHES {
            inv.arg(*family);
        }
        inv.arg(&self.prefix).arg(from).arg(to);
        inv.invoke_async::<i64>(&mut self.conn()).await?;
        Ok(())
    }
}

#[async_trait]
impl RoleStore for RedisStore {
    async fn set_role(&self, chat: ChatKey, user: UserKey, role: Role) -> StoreResult<()> {
        let key = self.key(format_args!("roles:{chat}"));
        if role == Role::Parent {
            self.conn().hdel::<_, _, ()>(&key, user).await?;
        } else {
            self.conn()
                .hset::<_, _, _, ()>(&key, user, role.as_str())
                .await?;
        }
        Ok(())
    }

    async fn role(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Role>> {
        let key = self.key(format_args!("roles:{chat}"));
        let raw: Option<String> = self.conn().hget(&key, user).await?;
        raw.map(|r| parse_role(&key, &r)).transpose()
    }

    async fn roles(&self, chat: ChatKey) -> StoreResult<Vec<(UserKey, Role)>> {
        let key = self.key(format_args!("roles:{chat}"));
        let raw: Vec<(UserKey, String)> = self.conn().hgetall(&key).await?;
        let mut out = raw
            .into_iter()
            .map(|(u, r)| Ok((u, parse_role(&key, &r)?)))
            .collect::<StoreResult<Vec<_>>>()?;
        out.sort_unstable();
        Ok(out)
    }
}

fn parse_role(key: &str, raw: &str) -> StoreResult<Role> {
    Role::parse_assignable(raw).ok_or_else(|| StoreError::Corrupt {
        key: key.to_owned(),
        detail: format!("unknown role {raw:?}"),
    })
}

#[async_trait]
impl RosterStore for RedisStore {
    async fn remember(&self, chat: ChatKey, member: &Member) -> StoreResult<()> {
        let roster = self.key(format_args!("roster:{chat}"));
        let unames = self.key(format_args!("unames:{chat}"));
        let mut pipe = ::redis::pipe();
        pipe.atomic().hset(&roster, member.user_id, encode(member));
        if let Some(u) = &member.username {
            pipe.hset(&unames, normalise_username(u), member.user_id);
        }
        pipe.query_async::<()>(&mut self.conn()).await?;
        Ok(())
    }

    async fn member(&self, chat: ChatKey, user: UserKey) -> StoreResult<Option<Member>> {
        let key = self.key(format_args!("roster:{chat}"));
        let raw: Option<String> = self.conn().hget(&key, user).await?;
        raw.map(|r| decode(&key, &r)).transpose()
    }

    async fn member_by_username(
        &self,
        chat: ChatKey,
        username: &str,
    ) -> StoreResult<Option<Member>> {
        let unames = self.key(format_args!("unames:{chat}"));
        let wanted = normalise_username(username);
        let id: Option<UserKey> = self.conn().hget(&unames, &wanted).await?;
        let Some(id) = id else { return Ok(None) };
        // The index may be stale if the username moved to someone else; trust the member record.
        Ok(self.member(chat, id).await?.filter(|m| {
            m.username.as_deref().map(normalise_username).as_deref() == Some(wanted.as_str())
        }))
    }

    async fn members(&self, chat: ChatKey) -> StoreResult<Vec<Member>> {
        let key = self.key(format_args!("roster:{chat}"));
        let raw: Vec<(UserKey, String)> = self.conn().hgetall(&key).await?;
        let mut out = raw
            .into_iter()
            .map(|(_, r)| decode::<Member>(&key, &r))
            .collect::<StoreResult<Vec<_>>>()?;
        out.sort_by_key(|m| m.user_id);
        Ok(out)
    }
}

#[async_trait]
impl OnceStore for RedisStore {
    async fn claim_once(&self, what: &str, ttl: Duration) -> StoreResult<bool> {
        let key = self.key(format_args!("once:{what}"));
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
        let key = self.key(format_args!("once:{what}"));
        self.conn().del::<_, ()>(key).await?;
        Ok(())
    }
}

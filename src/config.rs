//! Operator configuration, read once from the environment (and `.env` when present) and validated into
//! typed values. Every problem is a [`ConfigError`] with one clear line naming the variable.

use crate::model::{Lang, parse_tz};
use std::fmt;

/// Validated configuration for `jiaxiao run`.
#[derive(Clone)]
pub struct Config {
    pub token: String,
    pub api_url: Option<url::Url>,
    pub redis_url: Option<String>,
    pub redis_prefix: String,
    pub default_lang: Lang,
    pub default_tz: String,
    /// Webhook mode instead of long polling.
    pub webhook: Option<Webhook>,
    /// A second opinion from a language model on borderline messages (`LLM_URL`).
    pub llm: Option<crate::telegram::llm::LlmConfig>,
    /// `/healthz`, `/readyz`, `/metrics` (`JIAXIAO_HTTP_LISTEN`, default 127.0.0.1:9464; `off`: none).
    pub http_listen: Option<std::net::SocketAddr>,
    /// Broadcasts go out as paid broadcasts (`JIAXIAO_PAID_BROADCAST=on`).
    pub paid_broadcasts: bool,
    /// Where Telegram opens the dashboard (`JIAXIAO_PUBLIC_URL`, https, reaching the bot's `/app`).
    pub public_url: Option<url::Url>,
}

/// `WEBHOOK_URL` (what Telegram calls), `WEBHOOK_LISTEN` (where we listen), `WEBHOOK_SECRET` (the
/// same for every copy; Telegram sends it back in a header on every call).
#[derive(Clone)]
pub struct Webhook {
    pub url: url::Url,
    pub listen: std::net::SocketAddr,
    pub secret: String,
}

impl Webhook {
    /// The path the webhook answers on: the path of `WEBHOOK_URL` (a reverse proxy passes it on).
    pub fn path(&self) -> String {
        let p = self.url.path();
        if p.is_empty() { "/".to_owned() } else { p.to_owned() }
    }
}

// Never print the token: `Debug` is written by hand.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("token", &"<redacted>")
            .field("api_url", &self.api_url.as_ref().map(|u| u.as_str()))
            .field("redis", &self.redis_url.as_ref().map(|u| redact_url(u)))
            .field("redis_prefix", &self.redis_prefix)
            .field("default_lang", &self.default_lang)
            .field("default_tz", &self.default_tz)
            .field("webhook", &self.webhook.as_ref().map(|w| (w.url.as_str(), w.listen)))
            .field("llm", &self.llm)
            .field("http_listen", &self.http_listen)
            .field("paid_broadcasts", &self.paid_broadcasts)
            .finish()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("TELOXIDE_TOKEN is not set: get a token from @BotFather and put it in the environment or in .env")]
    MissingToken,
    #[error("TELOXIDE_TOKEN does not look like a bot token (expected <digits>:<secret>)")]
    MalformedToken,
    #[error("TELOXIDE_API_URL is not a valid http(s) URL: {0}")]
    BadApiUrl(String),
    #[error("JIAXIAO_DEFAULT_LANG must be zh-CN or en, got {0:?}")]
    BadLang(String),
    #[error("JIAXIAO_DEFAULT_TZ must be an IANA time zone such as Asia/Shanghai, got {0:?}")]
    BadTz(String),
    #[error("JIAXIAO_REDIS_PREFIX must be 1-32 characters of [A-Za-z0-9_:-], got {0:?}")]
    BadPrefix(String),
    #[error("WEBHOOK_URL must be an https:// URL Telegram can reach (http:// only for 127.0.0.1/localhost), got {0:?}")]
    BadWebhookUrl(String),
    #[error("WEBHOOK_LISTEN must be an address such as 0.0.0.0:8443, got {0:?}")]
    BadWebhookListen(String),
    #[error("WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -")]
    BadWebhookSecret,
    #[error(
        "WEBHOOK_SECRET is required in webhook mode: every copy of the bot must check the same secret (e.g. `openssl rand -hex 32`)"
    )]
    MissingWebhookSecret,
    #[error("JIAXIAO_HTTP_LISTEN must be an address such as 127.0.0.1:9464, or off, got {0:?}")]
    BadHttpListen(String),
    #[error("JIAXIAO_PAID_BROADCAST must be on or off, got {0:?}")]
    BadPaidBroadcast(String),
    #[error("JIAXIAO_PUBLIC_URL must be an https URL (it is where Telegram opens the dashboard), not {0:?}")]
    BadPublicUrl(String),
    #[error("LLM_URL must be an http(s) URL of an OpenAI-compatible API (e.g. https://api.example/v1), got {0:?}")]
    BadLlmUrl(String),
    #[error("LLM_MODEL must be set when LLM_URL is")]
    MissingLlmModel,
    #[error("LLM_MAX_PER_MINUTE must be a number from 1 to 10000, got {0:?}")]
    BadLlmRate(String),
}

impl Config {
    /// Reads the configuration through `get` (the process environment in production).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let nonempty = |k: &str| get(k).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let token = nonempty("TELOXIDE_TOKEN").ok_or(ConfigError::MissingToken)?;
        let valid_token = token
            .split_once(':')
            .is_some_and(|(id, secret)| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && !secret.is_empty());
        if !valid_token {
            return Err(ConfigError::MalformedToken);
        }
        let api_url = match nonempty("TELOXIDE_API_URL") {
            None => None,
            Some(raw) => {
                let u = url::Url::parse(raw.trim_end_matches('/')).map_err(|_| ConfigError::BadApiUrl(raw.clone()))?;
                if !matches!(u.scheme(), "http" | "https") {
                    return Err(ConfigError::BadApiUrl(raw));
                }
                Some(u)
            }
        };
        let default_lang = match nonempty("JIAXIAO_DEFAULT_LANG") {
            None => Lang::ZhCn,
            Some(v) => Lang::parse(&v).ok_or(ConfigError::BadLang(v))?,
        };
        let default_tz = match nonempty("JIAXIAO_DEFAULT_TZ") {
            None => "Asia/Shanghai".to_owned(),
            Some(v) => parse_tz(&v).ok_or(ConfigError::BadTz(v))?.name().to_owned(),
        };
        let redis_prefix = match nonempty("JIAXIAO_REDIS_PREFIX") {
            None => "jiaxiao:".to_owned(),
            Some(p) if valid_prefix(&p) => p,
            Some(p) => return Err(ConfigError::BadPrefix(p)),
        };
        let webhook = match nonempty("WEBHOOK_URL") {
            None => None,
            Some(raw) => {
                let url = url::Url::parse(&raw).map_err(|_| ConfigError::BadWebhookUrl(raw.clone()))?;
                let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
                if !(url.scheme() == "https" || (url.scheme() == "http" && local)) {
                    return Err(ConfigError::BadWebhookUrl(raw));
                }
                let listen_raw = nonempty("WEBHOOK_LISTEN").unwrap_or_else(|| "0.0.0.0:8443".to_owned());
                let listen = listen_raw.parse().map_err(|_| ConfigError::BadWebhookListen(listen_raw.clone()))?;
                let secret = nonempty("WEBHOOK_SECRET").ok_or(ConfigError::MissingWebhookSecret)?;
                if !valid_secret(&secret) {
                    return Err(ConfigError::BadWebhookSecret);
                }
                Some(Webhook { url, listen, secret })
            }
        };
        let llm = match nonempty("LLM_URL") {
            None => None,
            Some(raw) => {
                let url = url::Url::parse(&raw).map_err(|_| ConfigError::BadLlmUrl(raw.clone()))?;
                if !matches!(url.scheme(), "http" | "https") {
                    return Err(ConfigError::BadLlmUrl(raw));
                }
                let model = nonempty("LLM_MODEL").ok_or(ConfigError::MissingLlmModel)?;
                let per_minute = match nonempty("LLM_MAX_PER_MINUTE") {
                    None => 20,
                    Some(v) => v.parse().ok().filter(|n| (1..=10_000).contains(n)).ok_or(ConfigError::BadLlmRate(v))?,
                };
                Some(crate::telegram::llm::LlmConfig {
                    url,
                    model,
                    api_key: nonempty("LLM_API_KEY"),
                    per_minute,
                    timeout: std::time::Duration::from_secs(5),
                })
            }
        };
        let http_listen = match nonempty("JIAXIAO_HTTP_LISTEN") {
            None => Some(std::net::SocketAddr::from(([127, 0, 0, 1], 9464))),
            Some(v) if v.eq_ignore_ascii_case("off") => None,
            Some(v) => Some(v.parse().map_err(|_| ConfigError::BadHttpListen(v))?),
        };
        let paid_broadcasts = match nonempty("JIAXIAO_PAID_BROADCAST").map(|v| v.to_ascii_lowercase()) {
            None => false,
            Some(v) if matches!(v.as_str(), "on" | "true" | "1" | "yes") => true,
            Some(v) if matches!(v.as_str(), "off" | "false" | "0" | "no") => false,
            Some(v) => return Err(ConfigError::BadPaidBroadcast(v)),
        };
        let public_url = match nonempty("JIAXIAO_PUBLIC_URL") {
            None => None,
            Some(v) => match url::Url::parse(&v) {
                Ok(u) if u.scheme() == "https" && u.host().is_some() => Some(u),
                _ => return Err(ConfigError::BadPublicUrl(v)),
            },
        };
        Ok(Config {
            public_url,
            http_listen,
            paid_broadcasts,
            token,
            api_url,
            redis_url: nonempty("REDIS_URL"),
            redis_prefix,
            default_lang,
            default_tz,
            webhook,
            llm,
        })
    }

    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|k| std::env::var(k).ok())
    }
}

/// Telegram's rule for `secret_token` (teloxide panics on anything else).
pub fn valid_secret(s: &str) -> bool {
    (1..=256).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn valid_prefix(p: &str) -> bool {
    (1..=32).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric() || b"_:-".contains(&b))
}

/// `redis://user:secret@host/0` → `redis://user:***@host/0`, for log lines.
pub fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            u.to_string()
        }
        Err(_) => "<unparseable>".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn missing_token_is_named() {
        let err = cfg(&[]).unwrap_err();
        assert_eq!(err, ConfigError::MissingToken);
        assert!(err.to_string().contains("TELOXIDE_TOKEN"));
        assert_eq!(cfg(&[("TELOXIDE_TOKEN", "  ")]).unwrap_err(), ConfigError::MissingToken);
    }

    #[test]
    fn validates_each_variable() {
        let t = ("TELOXIDE_TOKEN", "123:abc");
        assert_eq!(cfg(&[("TELOXIDE_TOKEN", "nocolon")]).unwrap_err(), ConfigError::MalformedToken);
        assert!(matches!(cfg(&[t, ("TELOXIDE_API_URL", "ftp://x")]), Err(ConfigError::BadApiUrl(_))));
        assert!(matches!(cfg(&[t, ("JIAXIAO_DEFAULT_TZ", "Mars/Olympus")]), Err(ConfigError::BadTz(_))));
        assert!(matches!(cfg(&[t, ("JIAXIAO_DEFAULT_LANG", "fr")]), Err(ConfigError::BadLang(_))));
        assert!(matches!(cfg(&[t, ("JIAXIAO_REDIS_PREFIX", "a b")]), Err(ConfigError::BadPrefix(_))));
        let ok = cfg(&[t, ("TELOXIDE_API_URL", "http://127.0.0.1:8081/"), ("JIAXIAO_DEFAULT_LANG", "en")]).unwrap();
        assert_eq!(ok.api_url.unwrap().as_str(), "http://127.0.0.1:8081/");
        assert_eq!(ok.default_lang, Lang::En);
        assert_eq!(ok.redis_prefix, "jiaxiao:");
        assert!(ok.webhook.is_none());
        assert!(matches!(cfg(&[t, ("WEBHOOK_URL", "http://example.com/hook")]), Err(ConfigError::BadWebhookUrl(_))));
        assert!(matches!(
            cfg(&[t, ("WEBHOOK_URL", "https://bot.example/hook"), ("WEBHOOK_LISTEN", "nowhere")]),
            Err(ConfigError::BadWebhookListen(_))
        ));
        assert_eq!(
            cfg(&[t, ("WEBHOOK_URL", "https://bot.example/hook"), ("WEBHOOK_SECRET", "has space")]).unwrap_err(),
            ConfigError::BadWebhookSecret
        );
        assert_eq!(
            cfg(&[t, ("WEBHOOK_URL", "https://bot.example/hook")]).unwrap_err(),
            ConfigError::MissingWebhookSecret,
            "copies must share one secret"
        );
        let w =
            cfg(&[t, ("WEBHOOK_URL", "https://bot.example/hook"), ("WEBHOOK_SECRET", "s3")]).unwrap().webhook.unwrap();
        assert_eq!(w.listen.to_string(), "0.0.0.0:8443");
        assert_eq!(w.path(), "/hook");
        assert_eq!(ok.http_listen.unwrap().to_string(), "127.0.0.1:9464");
        assert!(!ok.paid_broadcasts);
        assert!(cfg(&[t, ("JIAXIAO_HTTP_LISTEN", "off")]).unwrap().http_listen.is_none());
        assert!(matches!(cfg(&[t, ("JIAXIAO_HTTP_LISTEN", "nowhere")]), Err(ConfigError::BadHttpListen(_))));
        assert!(cfg(&[t, ("JIAXIAO_PAID_BROADCAST", "on")]).unwrap().paid_broadcasts);
        assert!(matches!(cfg(&[t, ("JIAXIAO_PAID_BROADCAST", "maybe")]), Err(ConfigError::BadPaidBroadcast(_))));
        assert!(matches!(cfg(&[t, ("JIAXIAO_PUBLIC_URL", "http://x.example/app")]), Err(ConfigError::BadPublicUrl(_))));
        let dash = cfg(&[t, ("JIAXIAO_PUBLIC_URL", "https://bot.example.edu.cn/app")]).unwrap();
        assert_eq!(dash.public_url.unwrap().as_str(), "https://bot.example.edu.cn/app");
    }

    #[test]
    fn debug_never_shows_secrets() {
        let c = cfg(&[
            ("TELOXIDE_TOKEN", "123:supersecret"),
            ("REDIS_URL", "redis://u:pw@h:6379/0"),
            ("LLM_URL", "https://llm.example/v1"),
            ("LLM_MODEL", "m"),
            ("LLM_API_KEY", "sk-hidden"),
        ])
        .unwrap();
        let d = format!("{c:?}");
        assert!(!d.contains("supersecret") && !d.contains(":pw@") && !d.contains("sk-hidden"), "{d}");
    }

    #[test]
    fn second_opinion_is_off_by_default_and_validated() {
        let t = ("TELOXIDE_TOKEN", "123:abc");
        assert!(cfg(&[t]).unwrap().llm.is_none());
        assert!(matches!(cfg(&[t, ("LLM_URL", "ftp://x")]), Err(ConfigError::BadLlmUrl(_))));
        assert_eq!(cfg(&[t, ("LLM_URL", "https://llm.example/v1")]).unwrap_err(), ConfigError::MissingLlmModel);
        assert!(matches!(
            cfg(&[t, ("LLM_URL", "https://llm.example/v1"), ("LLM_MODEL", "m"), ("LLM_MAX_PER_MINUTE", "0")]),
            Err(ConfigError::BadLlmRate(_))
        ));
        let llm = cfg(&[t, ("LLM_URL", "https://llm.example/v1"), ("LLM_MODEL", "m")]).unwrap().llm.unwrap();
        assert_eq!(llm.per_minute, 20);
        assert_eq!(llm.timeout.as_secs(), 5);
    }
}

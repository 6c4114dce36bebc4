//! Checking a Mini App's `initData` as Telegram documents it
//! (<https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app>):
//!
//! 1. the fields except `hash`, as `key=value` lines sorted by key and joined with `\n`
//!    (the data-check string);
//! 2. `secret_key = HMAC_SHA256(key = "WebAppData", message = bot token)`;
//! 3. the data is genuine when `hex(HMAC_SHA256(key = secret_key, message = data-check string))`
//!    equals `hash` (compared in constant time);
//! 4. and fresh when `auth_date` is at most [`MAX_AGE`] old.

use chrono::{DateTime, Utc};
use ring::hmac;

/// How old `initData` may be.
pub const MAX_AGE: chrono::Duration = chrono::Duration::days(1);

/// Who opened the Mini App.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAppUser {
    pub id: u64,
    pub first_name: String,
    pub language_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("no initData")]
    Missing,
    #[error("initData is malformed")]
    Malformed,
    #[error("initData's signature does not match")]
    BadSignature,
    #[error("initData is too old")]
    Expired,
}

/// The key every `initData` of this bot is signed with.
pub fn secret_key(bot_token: &str) -> hmac::Key {
    let tag = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, b"WebAppData"), bot_token.as_bytes());
    hmac::Key::new(hmac::HMAC_SHA256, tag.as_ref())
}

/// Verifies `init_data` (the URL-encoded string Telegram hands the page) and returns its user.
pub fn verify(init_data: &str, key: &hmac::Key, now: DateTime<Utc>) -> Result<WebAppUser, AuthError> {
    if init_data.trim().is_empty() {
        return Err(AuthError::Missing);
    }
    if init_data.len() > 8192 {
        return Err(AuthError::Malformed);
    }
    let mut hash = None;
    let mut fields: Vec<(String, String)> = Vec::new();
    for (k, v) in url::form_urlencoded::parse(init_data.as_bytes()) {
        // One reading only: no repeated keys, nothing that could split the data-check string.
        if k.contains(['=', '\n'])
            || v.contains('\n')
            || k == "hash" && hash.is_some()
            || fields.iter().any(|(f, _)| *f == k)
        {
            return Err(AuthError::Malformed);
        }
        if k == "hash" {
            hash = Some(v.into_owned());
        } else {
            fields.push((k.into_owned(), v.into_owned()));
        }
    }
    let hash = hash.ok_or(AuthError::Malformed)?;
    let expected = hex_decode(&hash).ok_or(AuthError::Malformed)?;
    fields.sort();
    let check: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
    hmac::verify(key, check.join("\n").as_bytes(), &expected).map_err(|_| AuthError::BadSignature)?;
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let auth_date: i64 = field("auth_date").and_then(|d| d.parse().ok()).ok_or(AuthError::Malformed)?;
    let signed = DateTime::from_timestamp(auth_date, 0).ok_or(AuthError::Malformed)?;
    if now - signed > MAX_AGE {
        return Err(AuthError::Expired);
    }
    let user: serde_json::Value =
        field("user").and_then(|u| serde_json::from_str(u).ok()).ok_or(AuthError::Malformed)?;
    Ok(WebAppUser {
        id: user["id"].as_u64().ok_or(AuthError::Malformed)?,
        first_name: user["first_name"].as_str().unwrap_or_default().chars().take(64).collect(),
        language_code: user["language_code"].as_str().map(|s| s.chars().take(16).collect()),
    })
}

/// Signs `initData` for `user` as Telegram would (for the tests and the demo's local sign-in).
pub fn sign(key: &hmac::Key, user_json: &str, auth_date: i64) -> String {
    let mut fields = [("auth_date", auth_date.to_string()), ("user", user_json.to_owned())];
    fields.sort();
    let check: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let tag = hmac::sign(key, check.join("\n").as_bytes());
    let hash: String = tag.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair("auth_date", &fields[0].1)
        .append_pair("user", &fields[1].1)
        .append_pair("hash", &hash)
        .finish()
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() != 64 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Known answer: computed outside this code (Python's `hmac`/`hashlib`, following Telegram's
    /// documented steps) for this token and these fields.
    const TOKEN: &str = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    const INIT_DATA: &str = "auth_date=1662771648&query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%2C%22allows_write_to_pm%22%3Atrue%7D&hash=9fc58311367d9d4579d0155d8849202c1c60d96abb3e08438b70e101b11aff94";

    fn at(unix: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(unix, 0).unwrap()
    }

    #[test]
    fn the_documented_algorithm_accepts_the_known_answer() {
        let user = verify(INIT_DATA, &secret_key(TOKEN), at(1662771648 + 60)).unwrap();
        assert_eq!(user.id, 279058397);
        assert_eq!(user.first_name, "Vladislav");
        assert_eq!(user.language_code.as_deref(), Some("ru"));
    }

    #[test]
    fn forged_stale_or_malformed_data_is_refused() {
        let key = secret_key(TOKEN);
        let now = at(1662771648 + 60);
        // Another user id with the same hash.
        let forged = INIT_DATA.replace("279058397", "279058398");
        assert_eq!(verify(&forged, &key, now), Err(AuthError::BadSignature));
        // Another bot's token.
        assert_eq!(verify(INIT_DATA, &secret_key("654321:other"), now), Err(AuthError::BadSignature));
        // Older than a day.
        assert_eq!(verify(INIT_DATA, &key, at(1662771648 + 86_401)), Err(AuthError::Expired));
        assert_eq!(verify("", &key, now), Err(AuthError::Missing));
        assert_eq!(verify("auth_date=1&hash=zz", &key, now), Err(AuthError::Malformed));
        assert_eq!(verify("user=%7B%7D", &key, now), Err(AuthError::Malformed));
        // A repeated key or a second hash is refused, whatever comes first.
        assert_eq!(verify(&format!("{INIT_DATA}&auth_date=1"), &key, now), Err(AuthError::Malformed));
        assert_eq!(verify(&format!("{INIT_DATA}&hash=00"), &key, now), Err(AuthError::Malformed));
        let plus = INIT_DATA.replace("hash=9f", "hash=+f");
        assert_eq!(verify(&plus, &key, now), Err(AuthError::Malformed));
    }

    #[test]
    fn what_sign_makes_verify_accepts() {
        let key = secret_key(TOKEN);
        let data = sign(&key, r#"{"id":7,"first_name":"王老师","language_code":"zh-hans"}"#, 1_700_000_000);
        let user = verify(&data, &key, at(1_700_000_100)).unwrap();
        assert_eq!((user.id, user.first_name.as_str()), (7, "王老师"));
    }
}

//! Reading Bot API parameters. Telegram accepts them as a JSON body, as an
//! urlencoded form or in the query string; in the last two every value is a
//! string, and objects (`reply_markup`, `reply_parameters`...) are JSON text.
//! These helpers read a parameter whichever way it came.

use serde_json::{Map, Value};

/// Merges the query string and the body into one JSON object. The body wins
/// over the query string for a name given in both.
pub(crate) fn merge(query: Option<&str>, content_type: Option<&str>, body: &[u8]) -> Value {
    let mut map = Map::new();
    if let Some(q) = query {
        for (k, v) in url::form_urlencoded::parse(q.as_bytes()) {
            map.insert(k.into_owned(), Value::String(v.into_owned()));
        }
    }
    let trimmed = trim_ascii_start(body);
    if let Some(boundary) = content_type.and_then(multipart_boundary) {
        map.extend(multipart_fields(body, &boundary));
        return Value::Object(map);
    }
    let is_json = content_type.is_some_and(|c| c.contains("json")) || trimmed.first() == Some(&b'{');
    if is_json {
        if let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(body) {
            map.extend(body);
        }
    } else if !trimmed.is_empty() {
        for (k, v) in url::form_urlencoded::parse(body) {
            map.insert(k.into_owned(), Value::String(v.into_owned()));
        }
    }
    Value::Object(map)
}

fn multipart_boundary(content_type: &str) -> Option<String> {
    let rest = content_type.strip_prefix("multipart/form-data")?;
    let b = rest.split(';').find_map(|p| p.trim().strip_prefix("boundary="))?;
    Some(b.trim_matches('"').to_owned())
}

/// The text fields of a `multipart/form-data` body (teloxide sends `setWebhook` this way); file
/// parts are kept as their raw text, which the stand-in never reads.
fn multipart_fields(body: &[u8], boundary: &str) -> Map<String, Value> {
    let mut out = Map::new();
    let text = String::from_utf8_lossy(body);
    for part in text.split(&format!("--{boundary}")) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else { continue };
        let Some(name) = head.split(';').find_map(|h| h.trim().strip_prefix("name=")) else { continue };
        let name = name.split(['\r', '\n']).next().unwrap_or_default().trim_matches('"');
        out.insert(name.to_owned(), Value::String(value.trim_end_matches("\r\n").to_owned()));
    }
    out
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// An integer parameter, given as a number or as a decimal string.
pub(crate) fn get_i64(params: &Value, key: &str) -> Option<i64> {
    match params.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A string parameter (numbers are turned into their decimal text).
pub(crate) fn get_str(params: &Value, key: &str) -> Option<String> {
    match params.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A boolean parameter (`true`, `"true"`, `1`, `"1"`).
pub(crate) fn get_bool(params: &Value, key: &str) -> bool {
    match params.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => matches!(s.as_str(), "true" | "True" | "1"),
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    }
}

/// An object or array parameter, given as JSON or as JSON text.
/// `null` and empty strings count as absent.
pub(crate) fn get_json(params: &Value, key: &str) -> Option<Value> {
    match params.get(key)? {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => serde_json::from_str(s).ok(),
        v => Some(v.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_body_and_query_merge() {
        let v = merge(Some("chat_id=5&x=1"), Some("application/json"), br#"{"chat_id":-7,"text":"hi"}"#);
        assert_eq!(get_i64(&v, "chat_id"), Some(-7));
        assert_eq!(get_str(&v, "text").as_deref(), Some("hi"));
        assert_eq!(get_i64(&v, "x"), Some(1));
    }

    #[test]
    fn form_body_values_are_coerced() {
        let v = merge(
            None,
            Some("application/x-www-form-urlencoded"),
            b"chat_id=-100123&reply_markup=%7B%22inline_keyboard%22%3A%5B%5D%7D&disable_notification=true",
        );
        assert_eq!(get_i64(&v, "chat_id"), Some(-100123));
        assert_eq!(get_json(&v, "reply_markup"), Some(json!({"inline_keyboard": []})));
        assert!(get_bool(&v, "disable_notification"));
        assert!(!get_bool(&v, "protect_content"));
    }

    #[test]
    fn multipart_text_fields_are_read() {
        let body = b"--XYZ\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://h/p\r\n--XYZ\r\nContent-Disposition: form-data; name=\"secret_token\"\r\n\r\nabc\r\n--XYZ--\r\n";
        let v = merge(None, Some("multipart/form-data; boundary=XYZ"), body);
        assert_eq!(get_str(&v, "url").as_deref(), Some("https://h/p"));
        assert_eq!(get_str(&v, "secret_token").as_deref(), Some("abc"));
    }

    #[test]
    fn empty_body_is_empty_object() {
        assert_eq!(merge(None, None, b""), json!({}));
        assert_eq!(merge(None, Some("application/json"), b""), json!({}));
    }
}

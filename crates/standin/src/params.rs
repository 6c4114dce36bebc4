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
        let mut fields = multipart_fields(body, &boundary);
        // `"photo": "attach://<name>"` names the part that holds the upload: put it in place.
        let names: Vec<String> = fields.keys().cloned().collect();
        for name in names {
            let target =
                fields.get(&name).and_then(Value::as_str).and_then(|v| v.strip_prefix("attach://")).map(str::to_owned);
            if let Some(part) = target.and_then(|t| fields.remove(&t)) {
                fields.insert(name, part);
            }
        }
        map.extend(fields);
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

/// The fields of a `multipart/form-data` body (teloxide sends `setWebhook` and uploads this way).
/// Text parts become strings; a file part (one with a `filename`) becomes
/// `{"file_name": .., "size": .., "hex": ..}` with its bytes in hex, so that a test can read back
/// exactly what was uploaded.
fn multipart_fields(body: &[u8], boundary: &str) -> Map<String, Value> {
    let mut out = Map::new();
    let delimiter = format!("--{boundary}");
    for part in split_bytes(body, delimiter.as_bytes()) {
        let Some(head_end) = find(part, b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&part[..head_end]);
        let mut value = &part[head_end + 4..];
        if value.ends_with(b"\r\n") {
            value = &value[..value.len() - 2];
        }
        let attr = |name: &str| {
            head.split([';', '\r', '\n'])
                .find_map(|h| h.trim().strip_prefix(name))
                .map(|v| v.trim_matches('"').to_owned())
        };
        let Some(name) = attr("name=") else { continue };
        let field = match attr("filename=") {
            Some(file_name) => {
                let hex: String = value.iter().map(|b| format!("{b:02x}")).collect();
                serde_json::json!({"file_name": file_name, "size": value.len(), "hex": hex})
            }
            None => Value::String(String::from_utf8_lossy(value).into_owned()),
        };
        out.insert(name, field);
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split_bytes<'a>(mut hay: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = find(hay, delimiter) {
        out.push(&hay[..i]);
        hay = &hay[i + delimiter.len()..];
    }
    out.push(hay);
    out
}

/// The bytes of a file part read by [`merge`] (`None` when the parameter is not an upload).
pub fn uploaded_bytes(v: &Value) -> Option<Vec<u8>> {
    let hex = v.get("hex")?.as_str()?;
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()).collect()
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
    fn multipart_file_parts_keep_their_bytes() {
        let mut body = b"--B\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n-5\r\n--B\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"w.png\"\r\nContent-Type: image/png\r\n\r\n".to_vec();
        body.extend_from_slice(&[0x89, b'P', 0, 0xff, b'\r', b'\n', 7]);
        body.extend_from_slice(b"\r\n--B--\r\n");
        let v = merge(None, Some("multipart/form-data; boundary=B"), &body);
        assert_eq!(get_str(&v, "chat_id").as_deref(), Some("-5"));
        assert_eq!(v["photo"]["file_name"], "w.png");
        assert_eq!(uploaded_bytes(&v["photo"]), Some(vec![0x89, b'P', 0, 0xff, b'\r', b'\n', 7]));
        // teloxide names the part and refers to it: `photo=attach://<part>`.
        let body = b"--B\r\nContent-Disposition: form-data; name=\"photo\"\r\n\r\nattach://x1\r\n--B\r\nContent-Disposition: form-data; name=\"x1\"; filename=\"w.png\"\r\n\r\nPNG\r\n--B--\r\n";
        let v = merge(None, Some("multipart/form-data; boundary=B"), body);
        assert_eq!(uploaded_bytes(&v["photo"]), Some(b"PNG".to_vec()));
        assert!(v.get("x1").is_none());
    }

    #[test]
    fn empty_body_is_empty_object() {
        assert_eq!(merge(None, None, b""), json!({}));
        assert_eq!(merge(None, Some("application/json"), b""), json!({}));
    }
}

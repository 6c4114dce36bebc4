//! Helpers for end-to-end tests that talk to the bot through the stand-in.

use jiaxiao::standin::{Call, StandIn};
use std::time::Duration;

pub const WAIT: Duration = Duration::from_secs(10);

pub fn text_of(c: &Call) -> String {
    c.params["text"].as_str().unwrap_or_default().to_owned()
}

thread_local! {
    /// The last bot message a test has matched, per chat (each `#[tokio::test]` runs on its own thread).
    static SEEN: std::cell::RefCell<std::collections::HashMap<i64, u64>> = Default::default();
}

/// The next bot message in `chat` whose text contains `needle`, newer than the last one matched there.
pub async fn reply_containing(standin: &StandIn, chat: i64, needle: &str) -> String {
    let needle = needle.to_owned();
    let after = SEEN.with(|s| s.borrow().get(&chat).copied().unwrap_or(0));
    let call = standin
        .wait_for(
            "sendMessage",
            move |c| c.seq > after && c.params["chat_id"].as_i64() == Some(chat) && text_of(c).contains(&needle),
            WAIT,
        )
        .await
        .unwrap_or_else(|| {
            let sent: Vec<String> = sends_to(standin, chat);
            panic!("no new reply in {chat} containing the text; bot messages there: {sent:#?}")
        });
    SEEN.with(|s| s.borrow_mut().insert(chat, call.seq));
    text_of(&call)
}

pub fn sends_to(standin: &StandIn, chat: i64) -> Vec<String> {
    standin.calls_to("sendMessage").iter().filter(|c| c.params["chat_id"].as_i64() == Some(chat)).map(text_of).collect()
}

pub fn card_id(c: &Call) -> i32 {
    c.response["result"]["message_id"].as_i64().unwrap() as i32
}

pub fn button(c: &Call, i: usize) -> String {
    c.params["reply_markup"]["inline_keyboard"][0][i]["callback_data"].as_str().unwrap().to_owned()
}

/// The callback data of the first button (in any row) whose data starts with `prefix`.
pub fn button_with(c: &Call, prefix: &str) -> String {
    c.params["reply_markup"]["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["callback_data"].as_str().map(str::to_owned))
        .find(|d| d.starts_with(prefix))
        .unwrap_or_else(|| panic!("no button {prefix} in {}", c.params["reply_markup"]))
}

pub async fn callback_answer(standin: &StandIn, callback_id: &str) -> String {
    let id = callback_id.to_owned();
    let c = standin
        .wait_for("answerCallbackQuery", move |c| c.params["callback_query_id"].as_str() == Some(&id), WAIT)
        .await
        .expect("callback answered");
    c.params["text"].as_str().unwrap_or_default().to_owned()
}

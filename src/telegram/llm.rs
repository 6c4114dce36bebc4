//! An optional second opinion from a language model (any OpenAI-compatible chat-completions
//! endpoint), off unless `LLM_URL` is set.
//!
//! It is asked only about borderline messages: ones the learned model alone flagged ("please take a
//! look"), or ones it scored just under its threshold. Its answer can withdraw a learned flag or
//! raise a "please take a look" of its own; it never touches a rule verdict. Calls are capped per
//! minute, time out after a few seconds, and run after the handler has answered, so a slow or absent
//! model never holds up moderation.

use crate::policy::{Category, Classifier};
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const PROMPT: &str = include_str!("../../content/policy/second-opinion.md");

/// `LLM_URL`, `LLM_MODEL`, `LLM_API_KEY`, `LLM_MAX_PER_MINUTE`.
#[derive(Clone)]
pub struct LlmConfig {
    /// The chat-completions endpoint (`…/v1` gets `/chat/completions` appended).
    pub url: url::Url,
    pub model: String,
    pub api_key: Option<String>,
    pub per_minute: u32,
    pub timeout: Duration,
}

// The key is a secret: never printed.
impl std::fmt::Debug for LlmConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LlmConfig")
            .field("url", &self.url.as_str())
            .field("model", &self.model)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("per_minute", &self.per_minute)
            .finish()
    }
}

/// Why there is no opinion.
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("calls-per-minute cap reached")]
    Capped,
    #[error("request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("unexpected answer: {0}")]
    Answer(String),
}

/// The client, shared by all handlers.
pub struct Llm {
    config: LlmConfig,
    client: reqwest::Client,
    system: String,
    calls: Mutex<VecDeque<Instant>>,
}

impl Llm {
    pub fn new(config: LlmConfig, classifier: &Classifier) -> Llm {
        let citations: Vec<String> = Category::ALL
            .iter()
            .map(|&c| {
                let p = classifier.category_policy(c);
                format!("- {}: {} {} — {}", c.as_str(), p.document, p.clause, p.summary_en)
            })
            .collect();
        let system = PROMPT.replace("{citations}", &citations.join("\n"));
        let client = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        Llm { config, client, system, calls: Mutex::new(VecDeque::new()) }
    }

    fn endpoint(&self) -> String {
        let url = self.config.url.as_str().trim_end_matches('/');
        if url.ends_with("/chat/completions") { url.to_owned() } else { format!("{url}/chat/completions") }
    }

    /// Takes one call from the per-minute budget.
    fn take_call(&self) -> bool {
        let mut calls = self.calls.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        while calls.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60)) {
            calls.pop_front();
        }
        if calls.len() as u32 >= self.config.per_minute {
            return false;
        }
        calls.push_back(now);
        true
    }

    /// Which of `candidates` the model says the message belongs to.
    pub async fn opinion(&self, text: &str, candidates: &[Category]) -> Result<Vec<Category>, LlmError> {
        if !self.take_call() {
            return Err(LlmError::Capped);
        }
        let names: Vec<&str> = candidates.iter().map(|c| c.as_str()).collect();
        let user = format!("Candidates: {}\n<message>\n{}\n</message>", names.join(", "), text);
        let body = serde_json::json!({
            "model": self.config.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": self.system},
                {"role": "user", "content": user},
            ],
        });
        let mut req = self.client.post(self.endpoint()).json(&body);
        if let Some(key) = &self.config.api_key {
            req = req.bearer_auth(key);
        }
        let answer: serde_json::Value = req.send().await?.error_for_status()?.json().await?;
        let content = answer["choices"][0]["message"]["content"]
            .as_str()
            .ok_or_else(|| LlmError::Answer("no choices[0].message.content".into()))?;
        parse_answer(content, candidates)
    }
}

/// Reads `{"violations": [...]}` out of the model's answer (tolerating text around it), keeping
/// only candidate categories.
fn parse_answer(content: &str, candidates: &[Category]) -> Result<Vec<Category>, LlmError> {
    let (Some(start), Some(end)) = (content.find('{'), content.rfind('}')) else {
        return Err(LlmError::Answer("no JSON object".into()));
    };
    let v: serde_json::Value =
        serde_json::from_str(&content[start..=end]).map_err(|e| LlmError::Answer(e.to_string()))?;
    let list = v["violations"].as_array().ok_or_else(|| LlmError::Answer("no `violations` list".into()))?;
    Ok(list.iter().filter_map(|x| Category::parse(x.as_str()?)).filter(|c| candidates.contains(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_leniently_and_limited_to_candidates() {
        let c = [Category::FeeCollection, Category::CommercialAd];
        assert_eq!(parse_answer(r#"{"violations": ["fee_collection"]}"#, &c).unwrap(), vec![Category::FeeCollection]);
        assert_eq!(
            parse_answer("Sure! ```json\n{\"violations\": [\"commercial_ad\", \"ranking_disclosure\"]}\n```", &c)
                .unwrap(),
            vec![Category::CommercialAd]
        );
        assert!(parse_answer(r#"{"violations": []}"#, &c).unwrap().is_empty());
        assert!(parse_answer("no idea", &c).is_err());
        assert!(parse_answer(r#"{"other": 1}"#, &c).is_err());
    }

    #[test]
    fn calls_are_capped_per_minute_and_the_key_is_not_printed() {
        let config = LlmConfig {
            url: url::Url::parse("http://127.0.0.1:9/v1").unwrap(),
            model: "m".into(),
            api_key: Some("sk-secret".into()),
            per_minute: 2,
            timeout: Duration::from_secs(1),
        };
        assert!(!format!("{config:?}").contains("sk-secret"));
        let llm = Llm::new(config, &Classifier::builtin().unwrap());
        assert_eq!(llm.endpoint(), "http://127.0.0.1:9/v1/chat/completions");
        assert!(llm.take_call() && llm.take_call());
        assert!(!llm.take_call());
        assert!(llm.system.contains("fee_collection: 《"), "citations are filled in");
    }

    /// A model that never answers costs the timeout and no more (the handler never waits on it).
    #[tokio::test]
    async fn a_silent_endpoint_times_out() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // Accept and hold connections without ever answering.
        let holder = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((sock, _)) = listener.accept().await {
                held.push(sock);
            }
        });
        let config = LlmConfig {
            url: url::Url::parse(&format!("http://{addr}/v1")).unwrap(),
            model: "m".into(),
            api_key: None,
            per_minute: 10,
            timeout: Duration::from_millis(300),
        };
        let llm = Llm::new(config, &Classifier::builtin().unwrap());
        let err = llm.opinion("每人200元", &[Category::FeeCollection]).await.unwrap_err();
        assert!(matches!(err, LlmError::Http(ref e) if e.is_timeout()), "{err}");
        holder.abort();
    }
}

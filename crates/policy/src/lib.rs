//! The policy engine: flags parent-group messages that policy bans (fee collection, disguised
//! off-campus training, publishing rankings, homework for parents, other advertising) and says
//! which rule each one breaks and which policy that rule stands on.
//!
//! # Pipeline
//!
//! 1. **Normalise** ([`normalize`]): undo the tricks people use to get past keyword filters
//!    (zero-width characters, spaces and line breaks inside words, full-width forms, homoglyphs,
//!    Traditional characters, pinyin, Zhuyin, abbreviations, capital numerals, money emoji and
//!    slang). Every normalised character remembers the byte range of the original text it came
//!    from, so spans and excerpts always show the user's own characters.
//! 2. **Spot** ([`engine`]): one Aho-Corasick pass over the normalised text finds every literal
//!    term of every *term set* of the rule pack (e.g. `pay_verb`, `channel`, `fee_negation`).
//!    Regex patterns of a set run only when a rule that needs that set is still alive and the
//!    set's *gate* literals occur (amount patterns need a digit and a money word), so a clean
//!    message usually costs one automaton scan and no regex at all.
//! 3. **Decide**: a *rule* (`content/policy/rules.toml`, compiled by [`rules`]) fires when one
//!    hit from each of its required sets falls within its window (an *intent*: an amount near a
//!    payment channel, a fee word near "not paid yet", …) and none of its defusers is present
//!    (warnings, negations, refunds, closed funds, removal notices). A rule can also stand down
//!    when another category already fired (a tutoring ad is not *also* a generic ad).
//! 4. **Allow-list**: moderators' "not a violation" marks drop matches whose span lies inside an
//!    allowed phrase, or the whole verdict when the message's fingerprint is allowed.
//!
//! [`cli::run_classify`] is the body of `jiaxiao classify`.

pub mod cli;
pub mod detect;
pub mod engine;
pub mod group;
pub mod model;
pub mod normalize;
pub mod rules;
pub mod train;

use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

pub use engine::{AllowList, Classifier, Context, Features, GROUP_FLAG, MAX_WINDOW_SENTENCES, THRESHOLD, Window};
pub use group::{GroupMemory, GroupSample};
pub use model::{Model, ModelError};
pub use rules::RuleError;

/// The kinds of banned message, in order of importance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Asking parents to pay, transfer or chip in money, or to confirm they paid.
    FeeCollection,
    /// Advertising off-campus tutoring, including when disguised as camps or study tours.
    OffCampusTraining,
    /// Publishing individual pupils' scores or ranks.
    RankingDisclosure,
    /// Asking parents to grade, check and sign, or do homework.
    HomeworkToParents,
    /// Any other advertising or spam.
    CommercialAd,
}

impl Category {
    /// Every category, most important first.
    pub const ALL: [Category; 5] = [
        Category::FeeCollection,
        Category::OffCampusTraining,
        Category::RankingDisclosure,
        Category::HomeworkToParents,
        Category::CommercialAd,
    ];

    /// The snake_case name used in JSON and in the rule pack.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::FeeCollection => "fee_collection",
            Category::OffCampusTraining => "off_campus_training",
            Category::RankingDisclosure => "ranking_disclosure",
            Category::HomeworkToParents => "homework_to_parents",
            Category::CommercialAd => "commercial_ad",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The policy a rule stands on, as listed in `POLICY-FACTS.md`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The document's title.
    pub document: String,
    /// The clause, e.g. `第5条`; empty when the whole document is meant.
    pub clause: String,
    /// What it says, in Chinese.
    pub summary_zh: String,
    /// What it says, in English.
    pub summary_en: String,
}

/// A byte range of the original message, on char boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// Where a match comes from, and so how much it may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A rule of the pack, with a cited policy: a full verdict.
    Rule,
    /// The learned model alone: a "please take a look" for moderators, never deleted automatically.
    Model,
    /// This group's moderators' earlier decisions on similar messages: also a "please take a look".
    Group,
    /// A language model's second opinion: also a "please take a look".
    Llm,
}

impl Source {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Rule => "rule",
            Source::Model => "model",
            Source::Group => "group",
            Source::Llm => "llm",
        }
    }

    /// Only a rule verdict is final (may be acted on automatically, e.g. in delete mode).
    pub fn is_final(self) -> bool {
        self == Source::Rule
    }
}

/// One piece of a learned verdict's reasoning: a feature of the message and how much it weighed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The feature: an n-gram as the user wrote it, or a structural feature's name (`set:amount`).
    pub feature: String,
    /// Its contribution to the category's score (log-odds).
    pub weight: f32,
    /// Where it is in the original message (none for message-wide features).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// One reason a message was flagged: a rule that fired, or a learned or group verdict.
#[derive(Clone, Debug, Serialize)]
pub struct Match {
    /// The rule's id, e.g. `fee.amount_with_channel`; `model.<category>` and `group.<category>`
    /// for verdicts that are not a rule's.
    pub rule: String,
    /// The category of the rule.
    pub category: Category,
    /// Where the verdict comes from.
    pub source: Source,
    /// How strong it is, 0..=1: for a rule, its weight less the defusing evidence in the same
    /// sentence; for the model, its probability; for a group, the similarity-weighted share.
    pub score: f32,
    /// The policy the rule stands on (for a learned verdict: the category's policy).
    #[serde(serialize_with = "serialize_arc")]
    pub policy: Arc<Citation>,
    /// Where in the original message the rule matched.
    pub span: Span,
    /// The original text in `span`.
    pub excerpt: String,
    /// For learned verdicts: the strongest features and where they are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

fn serialize_arc<S: Serializer>(c: &Arc<Citation>, s: S) -> Result<S::Ok, S::Error> {
    c.as_ref().serialize(s)
}

/// The classifier's answer for one message.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Verdict {
    /// The categories found, sorted and deduplicated; empty when clean.
    pub categories: Vec<Category>,
    /// The rules that fired, most important first.
    pub matches: Vec<Match>,
    /// The learned layer's probability for each category (in [`Category::ALL`] order), when the
    /// classifier has a model: for a second opinion on borderline messages.
    #[serde(skip)]
    pub learned: Option<[f32; 5]>,
}

impl Verdict {
    /// True when no rule fired.
    pub fn is_clean(&self) -> bool {
        self.matches.is_empty()
    }

    /// The most important match: final (rule) verdicts before "please take a look" ones, then
    /// fee collection first and the order of [`Category::ALL`], then the earliest in the message.
    pub fn primary(&self) -> Option<&Match> {
        self.matches.iter().min_by_key(|m| (!m.source.is_final(), m.category, m.span.start))
    }

    /// True when at least one match is a rule's (a final verdict, not only "please take a look").
    pub fn is_final(&self) -> bool {
        self.matches.iter().any(|m| m.source.is_final())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            let back: Category = serde_json::from_str(&json).unwrap();
            assert_eq!(back, c);
        }
        assert_eq!(Category::parse("fee"), None);
    }

    #[test]
    fn primary_prefers_fee_collection() {
        let cite = Arc::new(Citation {
            document: "d".into(),
            clause: String::new(),
            summary_zh: "z".into(),
            summary_en: "e".into(),
        });
        let m = |category, start| Match {
            rule: "r".into(),
            category,
            source: Source::Rule,
            score: 1.0,
            policy: cite.clone(),
            span: Span { start, end: start + 1 },
            excerpt: "x".into(),
            evidence: Vec::new(),
        };
        let v = Verdict {
            categories: vec![Category::FeeCollection, Category::CommercialAd],
            matches: vec![m(Category::CommercialAd, 0), m(Category::FeeCollection, 5)],
            learned: None,
        };
        assert_eq!(v.primary().unwrap().category, Category::FeeCollection);
        assert!(!v.is_clean());
        assert!(Verdict::default().is_clean());
        assert!(Verdict::default().primary().is_none());
    }

    #[test]
    fn match_serialises_policy_inline() {
        let m = Match {
            rule: "fee.x".into(),
            category: Category::FeeCollection,
            source: Source::Rule,
            score: 0.75,
            evidence: Vec::new(),
            policy: Arc::new(Citation {
                document: "doc".into(),
                clause: "第5条".into(),
                summary_zh: "zh".into(),
                summary_en: "en".into(),
            }),
            span: Span { start: 0, end: 3 },
            excerpt: "班".into(),
        };
        let v = serde_json::to_value(&m).unwrap();
        assert_eq!(v["category"], "fee_collection");
        assert_eq!(v["policy"]["clause"], "第5条");
        assert_eq!(v["span"]["end"], 3);
        assert_eq!(v["source"], "rule");
        assert_eq!(v["score"], 0.75);
        assert!(v.get("evidence").is_none());
    }
}

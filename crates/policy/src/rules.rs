//! The rule pack: loading `rules.toml`, checking it, and compiling it for the engine.
//!
//! A pack has three tables (the file itself documents the format in its header):
//! - `[policies.KEY]`: citations (`document`, `clause`, `summary_zh`, `summary_en`).
//! - `[categories.NAME]`: the policy a learned verdict of that category cites, its `anchors` (a
//!   learned verdict needs a hit of one of them), `model_defused_by` (sets whose hit in a part of
//!   the message keeps the model from flagging that part: a closed fund, a scam verdict), its
//!   `rule_floor`, `sentences` (the cap for its rules that set none) and an optional `recast`
//!   (its verdicts reported as another category).
//! - `[sets.NAME]`: term sets: literal `terms` (normalised like messages, so they can be written
//!   in any script or spelling), regex `patterns` over the normalised text, and `exclude`
//!   literals whose occurrences cancel overlapping hits of the set, and a `gate`: a list of
//!   entries, each `"a|b|c"`; the set's patterns run only when every entry has one of its
//!   literals in the message (a cheap pre-filter: amounts need a digit *and* a currency word).
//!   A set may instead name a structural `detector` (see [`crate::detect`]). `weight` is how much
//!   a hit of the set lowers a rule it defuses (default 1); with `whole = true` it defuses only a
//!   match that lies entirely in the hit's sentence (questions); with `before = true` only one
//!   that ends after the hit starts (operators bear on what follows them); with `clause = true`,
//!   a hit before the match counts only in the match's clause (no comma, colon or semicolon
//!   between); `outside_quotes` and `message` widen the reach (see [`CompiledSet`]); and
//!   `opens_sentence = true` makes the set's literal hits start a sentence (a warning glued on
//!   after a request with nothing between is a sentence of its own); `void_with` names sets
//!   whose hits anywhere in the message void the set's own; `voice = true` keeps the set's hits
//!   only in a dictated message (no punctuation, phrases set apart by spaces).
//! - `[[rules]]`: `id`, `category`, `policy`, `all` (required sets; `"a | b"` means either),
//!   `window` (chars), `weight` (the evidence the rule gives, default 1), `core` (the entries of
//!   `all` that are the request itself, default all), `sentences` (the most sentences a match may
//!   touch; default the category's), `defused_by` (sets whose hits lower the
//!   score when they are in a sentence the core of the match touches), `defused_near`
//!   and `near` (the same within `near` chars of the match), `counts` (minimum number of hits
//!   of a set in the message) and `unless_category` (stand down when that category fired).
//!
//! Every problem found while loading becomes a [`RuleError`] that names the rule (or set, or
//! policy) and says what is wrong, so a moderator editing a pack can fix it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;

use super::detect::Detector;
use super::normalize::Normaliser;
use super::{Category, Citation};

/// The built-in rule pack.
pub const BUILTIN_RULES: &str = include_str!("../../../content/policy/rules.toml");

/// Default match window in normalised characters.
const DEFAULT_WINDOW: u32 = 80;
/// Default distance for `unless_near`, in normalised characters.
const DEFAULT_NEAR: u32 = 12;

/// What is wrong with a rule pack.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RuleError {
    /// The file is not valid TOML or its top level has the wrong shape.
    #[error("rule pack is not valid: {0}")]
    Syntax(String),
    /// A rule is wrong.
    #[error("rule `{rule}`: {problem}")]
    Rule {
        /// The rule's id (or `#N` when it has none).
        rule: String,
        /// What is wrong.
        problem: String,
    },
    /// A term set is wrong.
    #[error("set `{set}`: {problem}")]
    Set {
        /// The set's name.
        set: String,
        /// What is wrong.
        problem: String,
    },
    /// The learned model cannot be used with this pack.
    #[error("model: {0}")]
    Model(String),
    /// A policy citation is wrong.
    #[error("policy `{policy}`: {problem}")]
    Policy {
        /// The policy's key.
        policy: String,
        /// What is wrong.
        problem: String,
    },
}

#[derive(Deserialize)]
struct RawPack {
    #[serde(default)]
    policies: BTreeMap<String, toml::Value>,
    #[serde(default)]
    categories: BTreeMap<String, toml::Value>,
    #[serde(default)]
    sets: BTreeMap<String, toml::Value>,
    #[serde(default)]
    rules: Vec<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    policy: String,
    #[serde(default)]
    anchors: Vec<String>,
    #[serde(default)]
    model_defused_by: Vec<String>,
    #[serde(default)]
    rule_floor: f32,
    /// The most sentences a match of the category's rules may touch, for rules that set none.
    #[serde(default)]
    sentences: Option<u32>,
    #[serde(default)]
    recast: Option<RawRecast>,
}

/// `recast = { to = "commercial_ad", id = "ad.hobby_class", when = [sets], unless = [sets] }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecast {
    to: String,
    id: String,
    when: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

/// A category's verdicts reported as another category when the message has a hit of one of
/// `when` and none of `unless` (a sports or arts class sold to the group is an ad, not tutoring).
#[derive(Debug, Clone)]
pub struct Recast {
    pub to: Category,
    /// The rule id a recast rule verdict reports (a learned one reports `model.<to>`).
    pub id: String,
    pub when: Vec<usize>,
    pub unless: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    document: String,
    #[serde(default)]
    clause: String,
    summary_zh: String,
    summary_en: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSet {
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    gate: Vec<String>,
    #[serde(default)]
    weight: Option<f32>,
    #[serde(default)]
    whole: bool,
    #[serde(default)]
    before: bool,
    #[serde(default)]
    clause: bool,
    #[serde(default)]
    opens_sentence: bool,
    #[serde(default)]
    void_with: Vec<String>,
    #[serde(default)]
    outside_quotes: bool,
    #[serde(default)]
    message: bool,
    #[serde(default)]
    voice: bool,
    #[serde(default)]
    detector: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    category: String,
    policy: String,
    all: Vec<String>,
    #[serde(default)]
    window: Option<u32>,
    #[serde(default)]
    weight: Option<f32>,
    #[serde(default)]
    core: Vec<String>,
    #[serde(default)]
    sentences: Option<u32>,
    #[serde(default)]
    defused_by: Vec<String>,
    #[serde(default)]
    defused_near: Vec<String>,
    #[serde(default)]
    near: Option<u32>,
    #[serde(default)]
    counts: BTreeMap<String, u32>,
    #[serde(default)]
    unless_category: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

/// A compiled term set.
pub(crate) struct CompiledSet {
    pub name: String,
    /// All patterns of the set as one alternation, so a set costs one scan.
    pub pattern: Option<Regex>,
    pub has_excludes: bool,
    /// Bits of the gate entries that must all be seen before the patterns run (0: no gate).
    pub gate_mask: u8,
    /// The set has literal terms (its patterns, if any, are extras).
    pub has_terms: bool,
    /// How much one of its hits lowers a rule it defuses.
    pub weight: f32,
    /// As a defuser, it counts only when its sentence holds the whole match and it starts before
    /// the match ends (a question defuses what it asks about, not an offer in the next sentence nor
    /// a request it was glued onto).
    pub whole: bool,
    /// As a defuser, it counts only when it starts before the request ends: an operator such as
    /// 不要 / 别信 / beware bears on what follows it, not on a request it was glued after.
    pub before: bool,
    /// As a defuser before the request, it counts only in the request's clause (no comma, colon
    /// or semicolon between them): 不再 in 食堂不再提供水果了，…每人7.5元 bears on the fruit. After
    /// the request it counts in the whole sentence (…缴费，群里不收费).
    pub clause: bool,
    /// Its (literal) hits start a sentence: a warning glued on with nothing between
    /// (`…转给班长别信陌生人的收款码`) is a sentence of its own, to the rules and the model.
    pub opens_sentence: bool,
    /// Sets whose hits anywhere in the message void this set's hits: a parent's question about a
    /// service (有家长了解过吗) is no question when the message also gives a contact to sign up.
    pub void_with: Vec<usize>,
    /// As a defuser, it counts anywhere in the message, but only for a request that stands inside
    /// quotation marks and only with a hit outside them: a warning that quotes a scam's wording.
    pub outside_quotes: bool,
    /// As a defuser, it counts anywhere in the message (a heading that says what a list is).
    pub message: bool,
    /// Its hits count only in a dictated message (see [`crate::engine::dictated`]): no punctuation,
    /// phrases set apart by spaces. There a space is a comma, so an account of a refund or of a
    /// scam three phrases before the amount still tells the amount; with `message`, anywhere.
    pub voice: bool,
    /// A structural detector that finds the set's hits instead of terms and patterns.
    pub detector: Option<Detector>,
    /// The set only ever defuses (no rule requires it): its hits never reach into the next
    /// sentence (normalisation joins lines, so `过时不候⏎收到请回复` must not read as 不…收).
    pub defuser: bool,
}

/// A compiled rule.
pub(crate) struct CompiledRule {
    pub id: String,
    pub category: Category,
    pub policy: Arc<Citation>,
    /// Groups of set indices; one hit from each group is required.
    pub all: Vec<Vec<usize>>,
    pub window: u32,
    /// The evidence the rule gives when it fires undefused.
    pub weight: f32,
    /// Indices into `all` of the groups whose hits decide which sentences defusers must be in
    /// (the request itself; not the addressee or the deadline, which may stand elsewhere).
    pub core: Vec<usize>,
    /// The most sentences a match may touch (weak combinations, such as a per-head sum and an
    /// addressee, must stand together); `u32::MAX`: any.
    pub sentences: u32,
    /// Defusing sets that count when a hit is in a sentence the match touches.
    pub defused_by: Vec<usize>,
    /// Defusing sets that count within `near` chars of the match.
    pub defused_near: Vec<usize>,
    pub near: u32,
    pub counts: Vec<(usize, u32)>,
    pub unless_category: Vec<Category>,
}

/// What a literal of the automaton does for its set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TermKind {
    /// A hit of the set.
    Term,
    /// Cancels overlapping hits of the set.
    Exclude,
    /// Satisfies one entry (the bit) of the set's gate.
    Gate(u8),
}

/// A literal term of the automaton and who owns it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TermOwner {
    pub set: usize,
    pub kind: TermKind,
    /// The term starts with an ASCII letter: the hit must not follow one.
    pub left: bool,
    /// The term ends with an ASCII letter (and had no `*`): the hit must not precede one.
    pub right: bool,
}

/// A compiled rule pack.
pub(crate) struct RulePack {
    pub sets: Vec<CompiledSet>,
    pub rules: Vec<CompiledRule>,
    /// All literal terms and excludes of all sets; `None` when there are none.
    pub terms: Option<AhoCorasick>,
    /// For each automaton pattern: the range of `owner_list` naming the sets it belongs to.
    pub owners: Vec<(u32, u32)>,
    pub owner_list: Vec<TermOwner>,
    /// Gates that are a single non-ASCII character, sorted by character, with a bitmap over
    /// the BMP for a quick first test: cheaper than automaton matches for common characters.
    pub char_gates: Vec<(char, usize, u8)>,
    pub char_gate_bits: Vec<u64>,
    /// Gates that are a single ASCII byte (`"0"`..`"9"`, `"@"`): checked with a byte mask
    /// instead of the automaton, because they occur in almost every message.
    /// Indexed by byte: `byte_gates[byte_gate_start[b]..byte_gate_start[b + 1]]`.
    pub byte_gates: Vec<(usize, u8)>,
    pub byte_gate_start: Vec<u32>,
    /// The policy each category's learned verdicts cite (indexed like [`Category::ALL`]).
    pub category_policy: Vec<Arc<Citation>>,
    /// The sets of which one must have a hit for a learned verdict of the category (none: any).
    pub category_anchors: Vec<Vec<usize>>,
    /// Sets whose hit in a part of the message keeps the model from flagging the category there
    /// (a closed fund, a scam verdict: evidence that the words around it are told, not asked).
    pub category_model_defusers: Vec<Vec<usize>>,
    /// Per category: the learned probability below which a rule's verdict does not stand, read on
    /// the sentences the match touches (0: every rule verdict stands).
    pub category_rule_floor: [f32; crate::Category::ALL.len()],
    /// Per category: when its verdicts are reported as another category.
    pub category_recast: Vec<Option<Recast>>,
    /// Sets whose hits start a sentence.
    pub sentence_openers: Vec<usize>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
}

impl RulePack {
    /// Parses, checks and compiles a pack.
    pub(crate) fn compile(src: &str, norm: &Normaliser) -> Result<RulePack, RuleError> {
        let raw: RawPack = toml::from_str(src).map_err(|e| RuleError::Syntax(e.to_string()))?;

        let mut policies: HashMap<String, Arc<Citation>> = HashMap::new();
        for (key, value) in raw.policies {
            let p: RawPolicy = value.try_into().map_err(|e: toml::de::Error| RuleError::Policy {
                policy: key.clone(),
                problem: e.message().to_string(),
            })?;
            for (field, v) in [("document", &p.document), ("summary_zh", &p.summary_zh), ("summary_en", &p.summary_en)]
            {
                if v.trim().is_empty() {
                    return Err(RuleError::Policy { policy: key, problem: format!("`{field}` is empty") });
                }
            }
            policies.insert(
                key,
                Arc::new(Citation {
                    document: p.document,
                    clause: p.clause,
                    summary_zh: p.summary_zh,
                    summary_en: p.summary_en,
                }),
            );
        }

        // Sets: terms are normalised like messages; patterns are compiled; errors are kept per
        // set and reported against the first rule that uses the set.
        let mut set_index: HashMap<String, usize> = HashMap::new();
        let mut sets = Vec::new();
        let mut set_errors: HashMap<usize, String> = HashMap::new();
        let mut term_map: BTreeMap<String, Vec<TermOwner>> = BTreeMap::new();
        let mut byte_gates: Vec<(u8, usize, u8)> = Vec::new();
        let mut char_gates: Vec<(char, usize, u8)> = Vec::new();
        let mut void_names: Vec<(usize, Vec<String>)> = Vec::new();
        for (name, value) in raw.sets {
            let idx = sets.len();
            let mut s: RawSet = value
                .try_into()
                .map_err(|e: toml::de::Error| RuleError::Set { set: name.clone(), problem: e.message().to_string() })?;
            let detector = match s.detector.as_deref() {
                None => None,
                Some(name) => match Detector::parse(name) {
                    Some(d) if s.terms.is_empty() && s.patterns.is_empty() => Some(d),
                    Some(_) => {
                        set_errors.insert(idx, "has a `detector` and also `terms` or `patterns`".into());
                        None
                    }
                    None => {
                        set_errors.insert(
                            idx,
                            format!("unknown detector `{name}` (expected one of {})", Detector::NAMES.join(", ")),
                        );
                        None
                    }
                },
            };
            if s.terms.is_empty() && s.patterns.is_empty() && s.detector.is_none() {
                set_errors.insert(idx, "has neither `terms` nor `patterns` nor a `detector`".into());
            }
            if s.opens_sentence && (!s.patterns.is_empty() || s.detector.is_some()) {
                set_errors.insert(idx, "`opens_sentence` needs a set of `terms` only".into());
            }
            let weight = s.weight.unwrap_or(1.0);
            if !(0.0..=1.0).contains(&weight) {
                set_errors.insert(idx, format!("`weight` must be between 0 and 1 (is {weight})"));
            }
            for p in &s.patterns {
                if let Err(e) = RegexBuilder::new(p).size_limit(4 << 20).build() {
                    set_errors.entry(idx).or_insert_with(|| format!("invalid pattern `{p}`: {e}"));
                }
            }
            let pattern = if s.patterns.is_empty() || set_errors.contains_key(&idx) {
                None
            } else {
                let joined = s.patterns.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|");
                match RegexBuilder::new(&joined).size_limit(16 << 20).build() {
                    Ok(r) => Some(r),
                    Err(e) => {
                        set_errors.insert(idx, format!("patterns do not combine: {e}"));
                        None
                    }
                }
            };
            if s.gate.len() > 8 {
                set_errors.insert(idx, "has more than 8 `gate` entries".into());
            }
            let mut entries: Vec<(&str, TermKind)> = Vec::new();
            entries.extend(s.terms.iter().map(|t| (t.as_str(), TermKind::Term)));
            entries.extend(s.exclude.iter().map(|t| (t.as_str(), TermKind::Exclude)));
            for (g, entry) in s.gate.iter().take(8).enumerate() {
                let bit = 1u8 << g;
                entries.extend(entry.split('|').map(|t| (t, TermKind::Gate(bit))));
            }
            {
                for (t, kind) in entries {
                    // A trailing `*` lifts the right-hand word boundary (not for gates, which
                    // have no boundaries and may be `*` itself).
                    let gate = matches!(kind, TermKind::Gate(_));
                    let (base, star) = match t.strip_suffix('*') {
                        Some(b) if !gate => (b, true),
                        _ => (t, false),
                    };
                    let n = norm.normalise(base).text;
                    if n.trim().is_empty() {
                        set_errors.entry(idx).or_insert_with(|| format!("term `{t}` is empty once normalised"));
                        continue;
                    }
                    if let TermKind::Gate(bit) = kind
                        && n.len() == 1
                        && n.is_ascii()
                    {
                        byte_gates.push((n.as_bytes()[0], idx, bit));
                        continue;
                    }
                    if let TermKind::Gate(bit) = kind {
                        let mut it = n.chars();
                        if let (Some(c), None) = (it.next(), it.next())
                            && (c as u32) < 0x10000
                        {
                            char_gates.push((c, idx, bit));
                            continue;
                        }
                    }
                    let left = !gate && n.starts_with(|c: char| c.is_ascii_alphabetic());
                    let right = !gate && !star && n.ends_with(|c: char| c.is_ascii_alphabetic());
                    term_map.entry(n).or_default().push(TermOwner { set: idx, kind, left, right });
                }
            }
            set_index.insert(name.clone(), idx);
            if !s.void_with.is_empty() {
                void_names.push((idx, std::mem::take(&mut s.void_with)));
            }
            if !s.gate.is_empty() && s.patterns.is_empty() {
                set_errors.insert(idx, "has a `gate` but no `patterns` to gate".into());
            }
            sets.push(CompiledSet {
                name,
                pattern,
                has_excludes: !s.exclude.is_empty(),
                gate_mask: ((1u16 << s.gate.len().min(8)) - 1) as u8,
                has_terms: !s.terms.is_empty(),
                weight,
                whole: s.whole,
                before: s.before,
                clause: s.clause,
                opens_sentence: s.opens_sentence,
                void_with: Vec::new(),
                outside_quotes: s.outside_quotes,
                message: s.message,
                voice: s.voice,
                detector,
                defuser: false,
            });
        }

        for (idx, names) in void_names {
            for n in names {
                match set_index.get(&n) {
                    Some(&j) if j != idx => sets[idx].void_with.push(j),
                    _ => {
                        set_errors.insert(idx, format!("`void_with` names `{n}`, which is not another set"));
                    }
                }
            }
        }
        // One level only: a set that voids another is not voided itself (no cycles).
        for idx in 0..sets.len() {
            if sets[idx].void_with.iter().any(|&j| !sets[j].void_with.is_empty()) {
                set_errors.insert(idx, "`void_with` names a set that has a `void_with` of its own".into());
            }
        }

        let mut rules = Vec::new();
        let mut seen_ids = HashSet::new();
        let mut used_sets = HashSet::new();
        for (i, value) in raw.rules.into_iter().enumerate() {
            let label =
                value.get("id").and_then(|v| v.as_str()).map(str::to_string).unwrap_or_else(|| format!("#{}", i + 1));
            let err = |problem: String| RuleError::Rule { rule: label.clone(), problem };
            let r: RawRule = value.try_into().map_err(|e: toml::de::Error| err(e.message().to_string()))?;
            if !valid_id(&r.id) {
                return Err(err("`id` must be non-empty lower-case ASCII letters, digits, `.`, `_` or `-`".into()));
            }
            if !seen_ids.insert(r.id.clone()) {
                return Err(err("duplicate rule id".into()));
            }
            let category = Category::parse(&r.category).ok_or_else(|| {
                err(format!(
                    "unknown category `{}` (expected one of {})",
                    r.category,
                    Category::ALL.map(|c| c.as_str()).join(", ")
                ))
            })?;
            let policy =
                policies.get(&r.policy).cloned().ok_or_else(|| err(format!("unknown policy `{}`", r.policy)))?;
            let lookup = |name: &str, used: &mut HashSet<usize>| -> Result<usize, RuleError> {
                let name = name.trim();
                let idx = *set_index.get(name).ok_or_else(|| err(format!("unknown set `{name}`")))?;
                if let Some(problem) = set_errors.get(&idx) {
                    return Err(err(format!("set `{name}` {problem}")));
                }
                used.insert(idx);
                Ok(idx)
            };
            if r.all.is_empty() {
                return Err(err("`all` must name at least one set".into()));
            }
            let mut all = Vec::new();
            for group in &r.all {
                let mut g = Vec::new();
                for name in group.split('|') {
                    g.push(lookup(name, &mut used_sets)?);
                }
                all.push(g);
            }
            let defused_by = r.defused_by.iter().map(|n| lookup(n, &mut used_sets)).collect::<Result<Vec<_>, _>>()?;
            let defused_near =
                r.defused_near.iter().map(|n| lookup(n, &mut used_sets)).collect::<Result<Vec<_>, _>>()?;
            let mut core = Vec::new();
            for name in &r.core {
                let want: Vec<&str> = name.split('|').map(str::trim).collect();
                let idx = r
                    .all
                    .iter()
                    .position(|g| g.split('|').map(str::trim).eq(want.iter().copied()))
                    .ok_or_else(|| err(format!("`core` entry `{name}` is not an entry of `all`")))?;
                core.push(idx);
            }
            if core.is_empty() {
                core = (0..r.all.len()).collect();
            }
            let weight = r.weight.unwrap_or(1.0);
            if !(weight > 0.0 && weight <= 1.0) {
                return Err(err(format!("`weight` must be above 0 and at most 1 (is {weight})")));
            }
            let mut counts = Vec::new();
            for (name, n) in &r.counts {
                let idx = lookup(name, &mut used_sets)?;
                if *n == 0 {
                    return Err(err(format!("count for `{name}` must be at least 1")));
                }
                counts.push((idx, *n));
            }
            let unless_category = r
                .unless_category
                .iter()
                .map(|c| Category::parse(c).ok_or_else(|| err(format!("unknown category `{c}` in `unless_category`"))))
                .collect::<Result<Vec<_>, _>>()?;
            if unless_category.contains(&category) {
                return Err(err("`unless_category` names the rule's own category".into()));
            }
            let window = r.window.unwrap_or(DEFAULT_WINDOW);
            if window == 0 {
                return Err(err("`window` must be at least 1".into()));
            }
            rules.push(CompiledRule {
                id: r.id,
                category,
                policy,
                all,
                window,
                weight,
                core,
                sentences: r.sentences.filter(|&n| n > 0).unwrap_or(u32::MAX),
                defused_by,
                defused_near,
                near: r.near.unwrap_or(DEFAULT_NEAR),
                counts,
                unless_category,
            });
        }
        if rules.is_empty() {
            return Err(RuleError::Syntax("the pack has no rules".into()));
        }
        let required: HashSet<usize> = rules.iter().flat_map(|r| r.all.iter().flatten().copied()).collect();
        for r in &rules {
            for &d in r.defused_by.iter().chain(&r.defused_near) {
                sets[d].defuser = !required.contains(&d);
            }
        }
        let mut category_policy = Vec::new();
        let mut category_anchors = Vec::new();
        let mut category_model_defusers = Vec::new();
        let mut category_rule_floor = [0.0f32; Category::ALL.len()];
        let mut category_recast = Vec::new();
        for (ci, c) in Category::ALL.into_iter().enumerate() {
            let Some(value) = raw.categories.get(c.as_str()) else {
                category_recast.push(None);
                category_anchors.push(Vec::new());
                category_model_defusers.push(Vec::new());
                // A pack without a `[categories]` table cites the category's first rule's policy.
                match rules.iter().find(|r| r.category == c) {
                    Some(r) => category_policy.push(r.policy.clone()),
                    None => category_policy.push(Arc::new(Citation {
                        document: String::new(),
                        clause: String::new(),
                        summary_zh: String::new(),
                        summary_en: String::new(),
                    })),
                }
                continue;
            };
            let raw_cat: RawCategory = value.clone().try_into().map_err(|e: toml::de::Error| RuleError::Policy {
                policy: format!("categories.{c}"),
                problem: e.message().to_string(),
            })?;
            let policy = policies.get(&raw_cat.policy).cloned().ok_or_else(|| RuleError::Policy {
                policy: format!("categories.{c}"),
                problem: format!("unknown policy `{}`", raw_cat.policy),
            })?;
            category_policy.push(policy);
            if !(0.0..1.0).contains(&raw_cat.rule_floor) {
                return Err(RuleError::Policy {
                    policy: format!("categories.{c}"),
                    problem: format!("rule_floor {} is not in [0, 1)", raw_cat.rule_floor),
                });
            }
            category_rule_floor[ci] = raw_cat.rule_floor;
            if let Some(n) = raw_cat.sentences {
                if n == 0 {
                    return Err(RuleError::Policy {
                        policy: format!("categories.{c}"),
                        problem: "`sentences` must be at least 1".into(),
                    });
                }
                for r in rules.iter_mut().filter(|r| r.category == c && r.sentences == u32::MAX) {
                    r.sentences = n;
                }
            }
            let no_sets = Vec::new();
            let (when, unless) = raw_cat.recast.as_ref().map_or((&no_sets, &no_sets), |r| (&r.when, &r.unless));
            let mut lists = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
            for (list, (names, key)) in lists.iter_mut().zip([
                (&raw_cat.anchors, "anchors"),
                (&raw_cat.model_defused_by, "model_defused_by"),
                (when, "recast.when"),
                (unless, "recast.unless"),
            ]) {
                for a in names {
                    let idx = *set_index.get(a.as_str()).ok_or_else(|| RuleError::Policy {
                        policy: format!("categories.{c}"),
                        problem: format!("unknown set `{a}` in `{key}`"),
                    })?;
                    if let Some(problem) = set_errors.get(&idx) {
                        return Err(RuleError::Set { set: a.clone(), problem: problem.clone() });
                    }
                    used_sets.insert(idx);
                    list.push(idx);
                }
            }
            let [anchors, model_defusers, when, unless] = lists;
            category_recast.push(match &raw_cat.recast {
                None => None,
                Some(r) => {
                    let problem = |p: String| RuleError::Policy { policy: format!("categories.{c}"), problem: p };
                    let to = Category::parse(&r.to).ok_or_else(|| problem(format!("unknown category `{}`", r.to)))?;
                    if to == c || when.is_empty() || !valid_id(&r.id) {
                        return Err(problem("recast needs another category, a valid id and `when` sets".into()));
                    }
                    Some(Recast { to, id: r.id.clone(), when, unless })
                }
            });
            category_anchors.push(anchors);
            category_model_defusers.push(model_defusers);
        }
        if let Some(name) = raw.categories.keys().find(|k| Category::parse(k).is_none()) {
            return Err(RuleError::Policy { policy: format!("categories.{name}"), problem: "unknown category".into() });
        }
        // A broken set that no rule uses is still a mistake in the pack.
        if let Some((idx, problem)) = set_errors.iter().find(|(i, _)| !used_sets.contains(*i)) {
            return Err(RuleError::Set { set: sets[*idx].name.clone(), problem: problem.clone() });
        }

        let mut keys = Vec::with_capacity(term_map.len());
        let mut owners = Vec::with_capacity(term_map.len());
        let mut owner_list = Vec::new();
        for (key, list) in term_map {
            keys.push(key);
            let start = owner_list.len() as u32;
            owner_list.extend(list);
            owners.push((start, owner_list.len() as u32));
        }
        char_gates.sort_unstable_by_key(|g| g.0);
        byte_gates.sort_unstable_by_key(|g| g.0);
        let mut byte_gate_start = vec![0u32; 129];
        for &(b, _, _) in &byte_gates {
            byte_gate_start[b as usize + 1] += 1;
        }
        for i in 1..129 {
            byte_gate_start[i] += byte_gate_start[i - 1];
        }
        let byte_gate_list: Vec<(usize, u8)> = byte_gates.iter().map(|&(_, set, bit)| (set, bit)).collect();
        let mut char_gate_bits = vec![0u64; 1024];
        for &(c, _, _) in &char_gates {
            char_gate_bits[(c as usize) >> 6] |= 1 << ((c as usize) & 63);
        }
        let terms = if keys.is_empty() {
            None
        } else {
            Some(
                // A contiguous NFA, not a DFA: with some 2,500 terms the DFA's transition table runs
                // to megabytes and every byte of Chinese text is a cache miss; the NFA is compact
                // (the message classifies about a fifth faster; verdicts are the same).
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(&keys)
                    .map_err(|e| RuleError::Syntax(format!("term automaton: {e}")))?,
            )
        };
        let sentence_openers: Vec<usize> = (0..sets.len()).filter(|&i| sets[i].opens_sentence).collect();
        Ok(RulePack {
            sets,
            rules,
            terms,
            owners,
            owner_list,
            char_gates,
            char_gate_bits,
            byte_gates: byte_gate_list,
            byte_gate_start,
            category_policy,
            category_anchors,
            category_model_defusers,
            category_rule_floor,
            category_recast,
            sentence_openers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(src: &str) -> Result<RulePack, RuleError> {
        RulePack::compile(src, &Normaliser::builtin())
    }

    const HEAD: &str = r#"
[policies.p]
document = "doc"
clause = "第5条"
summary_zh = "中文"
summary_en = "english"

[sets.a]
terms = ["班费"]

[sets.b]
patterns = ['\d+']
"#;

    #[test]
    fn builtin_pack_compiles() {
        let pack = compile(BUILTIN_RULES).unwrap();
        assert!(pack.rules.len() >= 10);
        for c in Category::ALL {
            assert!(pack.rules.iter().any(|r| r.category == c), "no rule for {c}");
        }
    }

    #[test]
    fn minimal_pack_compiles() {
        let src = format!(
            "{HEAD}\n[[rules]]\nid = \"fee.x\"\ncategory = \"fee_collection\"\npolicy = \"p\"\nall = [\"a\", \"b\"]\n"
        );
        let pack = compile(&src).unwrap();
        assert_eq!(pack.rules[0].all.len(), 2);
        assert_eq!(pack.rules[0].window, DEFAULT_WINDOW);
    }

    fn rule_err(rule_body: &str) -> RuleError {
        let src = format!("{HEAD}\n[[rules]]\n{rule_body}\n");
        compile(&src).err().expect("pack should be rejected")
    }

    #[test]
    fn unknown_set_names_the_rule() {
        let e = rule_err("id = \"fee.bad\"\ncategory = \"fee_collection\"\npolicy = \"p\"\nall = [\"a\", \"nope\"]");
        let msg = e.to_string();
        assert!(msg.contains("fee.bad") && msg.contains("unknown set `nope`"), "{msg}");
    }

    #[test]
    fn unknown_category_names_the_rule() {
        let e = rule_err("id = \"x.y\"\ncategory = \"spam\"\npolicy = \"p\"\nall = [\"a\"]");
        assert!(e.to_string().contains("x.y"));
        assert!(e.to_string().contains("unknown category `spam`"));
    }

    #[test]
    fn unknown_policy_names_the_rule() {
        let e = rule_err("id = \"x.y\"\ncategory = \"commercial_ad\"\npolicy = \"q\"\nall = [\"a\"]");
        assert!(e.to_string().contains("rule `x.y`: unknown policy `q`"), "{e}");
    }

    #[test]
    fn missing_field_names_the_rule() {
        let e = rule_err("id = \"x.y\"\ncategory = \"commercial_ad\"\nall = [\"a\"]");
        let msg = e.to_string();
        assert!(msg.contains("x.y") && msg.contains("policy"), "{msg}");
    }

    #[test]
    fn unknown_field_names_the_rule() {
        let e = rule_err("id = \"x.y\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]\nwindw = 3");
        let msg = e.to_string();
        assert!(msg.contains("x.y") && msg.contains("windw"), "{msg}");
    }

    #[test]
    fn bad_regex_names_the_rule_and_set() {
        let src = format!(
            "{HEAD}\n[sets.broken]\npatterns = ['(unclosed']\n\n[[rules]]\nid = \"ad.broken\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a | broken\"]\n"
        );
        let msg = compile(&src).err().unwrap().to_string();
        assert!(msg.contains("ad.broken") && msg.contains("broken") && msg.contains("invalid pattern"), "{msg}");
    }

    #[test]
    fn a_rule_floor_outside_zero_to_one_is_rejected() {
        let rule = "[[rules]]\nid = \"ad.ok\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]\n";
        for (floor, ok) in [("0.5", true), ("0.0", true), ("1.0", false), ("-0.1", false)] {
            let src = format!("{HEAD}\n[categories.commercial_ad]\npolicy = \"p\"\nrule_floor = {floor}\n\n{rule}");
            match compile(&src) {
                Ok(pack) => assert!(ok && (pack.category_rule_floor[4] - floor.parse::<f32>().unwrap()).abs() < 1e-6),
                Err(e) => assert!(!ok && e.to_string().contains("rule_floor"), "{floor}: {e}"),
            }
        }
    }

    #[test]
    fn a_categorys_sentence_cap_applies_to_its_rules_that_set_none() {
        let rules = "[[rules]]\nid = \"ad.plain\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]\n\n\
                     [[rules]]\nid = \"ad.own\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]\nsentences = 1\n\n\
                     [[rules]]\nid = \"fee.other\"\ncategory = \"fee_collection\"\npolicy = \"p\"\nall = [\"a\"]\n";
        let pack =
            compile(&format!("{HEAD}\n[categories.commercial_ad]\npolicy = \"p\"\nsentences = 2\n\n{rules}")).unwrap();
        let caps: Vec<(&str, u32)> = pack.rules.iter().map(|r| (r.id.as_str(), r.sentences)).collect();
        assert_eq!(caps, [("ad.plain", 2), ("ad.own", 1), ("fee.other", u32::MAX)]);
        let err = compile(&format!("{HEAD}\n[categories.commercial_ad]\npolicy = \"p\"\nsentences = 0\n\n{rules}"));
        assert!(err.err().is_some_and(|e| e.to_string().contains("sentences")));
    }

    #[test]
    fn unused_broken_set_is_reported() {
        let src = format!(
            "{HEAD}\n[sets.broken]\npatterns = ['[']\n\n[[rules]]\nid = \"ad.ok\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]\n"
        );
        let e = compile(&src).err().unwrap();
        assert!(matches!(e, RuleError::Set { ref set, .. } if set == "broken"), "{e}");
    }

    #[test]
    fn duplicate_id_is_rejected() {
        let r = "[[rules]]\nid = \"a.b\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]\n";
        let src = format!("{HEAD}\n{r}\n{r}");
        let msg = compile(&src).err().unwrap().to_string();
        assert!(msg.contains("a.b") && msg.contains("duplicate"), "{msg}");
    }

    #[test]
    fn zero_window_and_bad_id_rejected() {
        let e = rule_err("id = \"a.b\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]\nwindow = 0");
        assert!(e.to_string().contains("`window`"));
        let e = rule_err("id = \"Bad Id\"\ncategory = \"commercial_ad\"\npolicy = \"p\"\nall = [\"a\"]");
        assert!(e.to_string().contains("Bad Id"));
    }

    #[test]
    fn syntax_error_is_reported() {
        assert!(matches!(compile("[[rules]\nid="), Err(RuleError::Syntax(_))));
        assert!(matches!(compile(HEAD), Err(RuleError::Syntax(_))));
    }

    #[test]
    fn empty_policy_field_is_reported() {
        let src = "[policies.p]\ndocument = \" \"\nsummary_zh = \"z\"\nsummary_en = \"e\"\n";
        let e = compile(src).err().unwrap();
        assert!(matches!(e, RuleError::Policy { ref policy, .. } if policy == "p"), "{e}");
    }
}

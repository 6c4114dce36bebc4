//! Matching: runs a compiled rule pack over a normalised message and builds the [`Verdict`].
//!
//! Cost model: one normalisation pass and one Aho-Corasick scan per message; a rule is looked
//! at only when each of its required groups has a literal hit or a set with regex patterns whose
//! gate is open, and those patterns run lazily, once per message and set, only for rules still
//! alive (groups with literal terms are checked before pattern-only groups). Buffers live
//! in a per-thread scratch so that a clean message allocates nothing but its empty verdict.

use std::cell::RefCell;
use std::collections::HashSet;

use super::detect::{Hits, RosterScan};
use super::group::{GroupMemory, GroupSample, sample_grams};
use super::model::{BUILTIN_MODEL, CATEGORIES, Model, sigmoid};
use super::normalize::{NormScratch, Normalised, Normaliser, is_han, is_ignorable, sentence_starts};
use super::rules::{BUILTIN_RULES, CompiledRule, RuleError, RulePack, TermKind};
use super::{Category, Evidence, Match, Source, Span, Verdict};

/// Phrases and message fingerprints that a group's moderators marked "not a violation".
#[derive(Clone, Debug, Default)]
pub struct AllowList {
    phrases: Vec<String>,
    fingerprints: HashSet<u64>,
}

impl AllowList {
    /// An empty allow-list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase in normalised form (see [`Classifier::normalise`]). A match is dropped when
    /// an occurrence of the phrase in the normalised message covers the matched text.
    pub fn add_phrase(&mut self, normalised: String) {
        if !normalised.is_empty() && !self.phrases.contains(&normalised) {
            self.phrases.push(normalised);
        }
    }

    /// Adds a message fingerprint (see [`Classifier::fingerprint`]); such a message is clean.
    pub fn add_fingerprint(&mut self, fp: u64) {
        self.fingerprints.insert(fp);
    }

    /// True when nothing is allowed.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.fingerprints.is_empty()
    }
}

/// The message classifier. Build it once and share it: it is `Send + Sync`.
pub struct Classifier {
    norm: Normaliser,
    pack: RulePack,
    learned: Option<Learned>,
}

/// A model tied to this rule pack: its structural features resolved to set indices.
struct Learned {
    model: Model,
    structural: Vec<(usize, [f32; CATEGORIES])>,
}

/// Where a message is classified: the group's allow-list and memory.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    pub allow: Option<&'a AllowList>,
    pub memory: Option<&'a GroupMemory>,
}

/// A close "delete" sample (similarity ≥ 0.75) flags a message no rule or model flags.
pub const GROUP_FLAG: f32 = 0.3;

/// One message as the learned layer sees it (see [`Classifier::features`]): the whole message,
/// then each part of it the model also scores (see [`MAX_WINDOW_SENTENCES`]).
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub windows: Vec<Window>,
}

/// The features of one window of a message.
#[derive(Clone, Debug, Default)]
pub struct Window {
    /// The n-gram buckets, one per occurrence.
    pub ngrams: Vec<u32>,
    /// Indices into [`Classifier::structural_names`] of the structural features present.
    pub structural: Vec<usize>,
}

/// The learned layer scores the whole message and, for messages of 2 to this many sentences, what
/// remains when sentences are taken away from its start or its end, and keeps the highest score per
/// category: a harmless sentence added before or after a request cannot dilute it.
pub const MAX_WINDOW_SENTENCES: usize = 16;

/// A hit of a term set, in normalised byte and char offsets.
#[derive(Clone, Copy, Debug)]
struct Hit {
    bs: u32,
    be: u32,
    cs: u32,
    ce: u32,
}

/// A rule that fired, before allow-listing.
struct RawMatch {
    rule: usize,
    bs: u32,
    be: u32,
    score: f32,
}

/// The score at which rule evidence (and a learned probability) makes a verdict.
pub const THRESHOLD: f32 = 0.5;

/// Categories whose requests, when the rules found one and defused it, the model may not flag in
/// any window that holds it (a retold scam's request): the defusing evidence is a report, which
/// words alone cannot see. (Rosters were tried too: it cost ranking recall on the tuning sets and
/// removed no false alarm.)
const DEFUSED_FOR_MODEL: [Category; 1] = [Category::FeeCollection];

/// The range of a defusing hit that bears on every part of a message (a message-wide set).
const EVERYWHERE: (u32, u32) = (u32::MAX, 0);

#[derive(Default)]
struct Scratch {
    ns: NormScratch,
    out: Normalised,
    /// Per set: hits (literal first, then patterns once evaluated).
    hits: Vec<Vec<Hit>>,
    /// Per set: exclude ranges found by the automaton.
    excl: Vec<Vec<(u32, u32)>>,
    /// Per set: whether patterns ran and excludes were applied.
    ready: Vec<bool>,
    /// Per set: the gate entries seen so far.
    gate_seen: Vec<u8>,
    cand: Vec<(Hit, usize)>,
    firsts: Vec<Option<Hit>>,
    raw: Vec<RawMatch>,
    /// Where the original text's sentences start (bytes); computed when first needed.
    sentences: Vec<u32>,
    sentences_ready: bool,
    /// The sentence of every normalised char (with `sentences`).
    sentence_ids: Vec<u32>,
    /// Per set: the sentence ranges its hits cover (deduplicated), once asked for.
    set_ranges: Vec<Vec<(u32, u32)>>,
    ranges_ready: Vec<bool>,
    /// Which of them are only a space.
    soft: Vec<bool>,
    roster: RosterScan,
    roster_ready: bool,
    det_hits: Hits,
    /// Categories (bits) with a request found inside quotation marks in a warning or report.
    quoted: u8,
    /// Fee requests (normalised char ranges, category; see [`DEFUSED_FOR_MODEL`]) a rule found
    /// and defusing evidence around them brought under the threshold (a report, a warning, a
    /// refund), and the hits of each category's `model_defused_by` sets: the model, which cannot
    /// see that evidence, scores only the parts of the message that do not hold one.
    defused: Vec<(u32, u32, u8)>,
    /// Per normalised char: the model's n-gram weights (every category) and n-gram count summed
    /// up to it, computed once per message when a part of it is scored.
    prefix: Vec<([i32; 8], u32)>,
    prefix_ready: bool,
    /// The model's structural features (indices) whose sets had hits when a part of the
    /// message was first scored (rule evaluation is over by then).
    present: Vec<usize>,
}

impl Scratch {
    /// The rule-evaluation view of the buffers, and the buffers evaluation fills.
    #[allow(clippy::type_complexity)]
    fn ctx<'a>(
        &'a mut self,
        pack: &'a RulePack,
        original: &'a str,
    ) -> (Ctx<'a>, &'a mut Vec<(Hit, usize)>, &'a mut Vec<Option<Hit>>, &'a mut Vec<RawMatch>) {
        let Scratch {
            out,
            hits,
            excl,
            ready,
            gate_seen,
            cand,
            firsts,
            raw,
            sentences,
            soft,
            sentences_ready,
            sentence_ids,
            set_ranges,
            ranges_ready,
            roster,
            roster_ready,
            det_hits,
            quoted,
            ns: _,
            defused: _,
            prefix: _,
            prefix_ready: _,
            present: _,
        } = self;
        let ctx = Ctx {
            pack,
            out,
            original,
            hits,
            excl,
            ready,
            gate_seen,
            sentences,
            soft,
            sentences_ready,
            sentence_ids,
            set_ranges,
            ranges_ready,
            roster,
            roster_ready,
            det_hits,
            quoted,
        };
        (ctx, cand, firsts, raw)
    }
}

/// Normalised-text capacity above which a thread's scratch buffers are released after use.
const MAX_KEPT_SCRATCH: usize = 64 * 1024;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// 64-bit FNV-1a: stable across processes, platforms and releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Classifier {
    /// The classifier with the embedded rule pack (`content/policy/rules.toml`) and model
    /// (`content/policy/model.bin`).
    pub fn builtin() -> Result<Classifier, RuleError> {
        let model = Model::from_bytes(BUILTIN_MODEL).map_err(|e| RuleError::Model(e.to_string()))?;
        Self::from_toml(BUILTIN_RULES)?.with_model(model)
    }

    /// The built-in rule pack without the learned layer (what the trainer builds on).
    pub fn builtin_rules_only() -> Result<Classifier, RuleError> {
        Self::from_toml(BUILTIN_RULES)
    }

    /// A classifier with a rule pack given as TOML text (and no model).
    pub fn from_toml(src: &str) -> Result<Classifier, RuleError> {
        let norm = Normaliser::builtin();
        let pack = RulePack::compile(src, &norm)?;
        Ok(Classifier { norm, pack, learned: None })
    }

    /// Adds the learned layer. Every structural feature the model was trained with must exist in
    /// the rule pack: a pack whose sets were renamed or removed needs `jiaxiao policy train`.
    pub fn with_model(mut self, model: Model) -> Result<Classifier, RuleError> {
        let names = self.structural_names();
        let mut structural = Vec::new();
        for (name, w) in &model.structural {
            let idx = names.iter().position(|n| n == name).ok_or_else(|| {
                RuleError::Model(format!(
                    "the model uses `{name}`, which the rule pack no longer has: retrain with `jiaxiao policy train`"
                ))
            })?;
            structural.push((idx, *w));
        }
        self.learned = Some(Learned { model, structural });
        Ok(self)
    }

    /// The names of the structural features, in index order: `set:<name>` for every term set
    /// and detector of the pack.
    pub fn structural_names(&self) -> Vec<String> {
        self.pack.sets.iter().map(|s| format!("set:{}", s.name)).collect()
    }

    /// The model's per-category thresholds, when there is a model.
    pub fn model_thresholds(&self) -> Option<[f32; CATEGORIES]> {
        self.learned.as_ref().map(|l| l.model.thresholds())
    }

    /// The policy a category's learned (and second-opinion) verdicts cite.
    pub fn category_policy(&self, category: Category) -> std::sync::Arc<super::Citation> {
        self.pack.category_policy[category as usize].clone()
    }

    /// Classifies one message.
    pub fn classify(&self, text: &str) -> Verdict {
        self.classify_in(text, &Context::default())
    }

    /// Classifies one message, dropping matches that the allow-list covers.
    pub fn classify_with(&self, text: &str, allow: Option<&AllowList>) -> Verdict {
        self.classify_in(text, &Context { allow, memory: None })
    }

    /// Classifies one message in a group: its allow-list and what its moderators decided before.
    pub fn classify_in(&self, text: &str, ctx: &Context<'_>) -> Verdict {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let verdict = self.run(text, ctx, &mut scratch);
                // One huge message should not pin its buffers to the thread for ever.
                if scratch.out.text.capacity() > MAX_KEPT_SCRATCH {
                    *scratch = Scratch::default();
                }
                verdict
            }
            Err(_) => self.run(text, ctx, &mut Scratch::default()),
        })
    }

    /// A moderator's decision on a message, as a sample for the group's memory (no text kept).
    pub fn sample(&self, text: &str, category: Category, fine: bool) -> GroupSample {
        GroupSample { category, fine, grams: sample_grams(&self.norm.normalise(text).text) }
    }

    /// The normalised form of a message (what allow-list phrases are stored as).
    pub fn normalise(&self, text: &str) -> String {
        self.norm.normalise(text).text
    }

    /// A fingerprint of the message's normalised text, stable across processes and runs, so
    /// that trivially re-spelled copies of an allowed message are allowed too.
    pub fn fingerprint(&self, text: &str) -> u64 {
        fnv1a(self.norm.normalise(text).text.as_bytes())
    }

    /// What the learned layer sees of a message, with n-grams hashed into `2^bits` buckets.
    /// Used by the trainer; classification computes the same features on its own path.
    pub fn features(&self, text: &str, bits: u32) -> Features {
        let mut s = Scratch::default();
        let mut f = Features::default();
        if text.is_empty() {
            return f;
        }
        self.evaluate(text, &mut s);
        let windows = self.windows(text, &mut s);
        let mut grams: Vec<(u32, u32)> = Vec::new(); // (bucket, last char)
        super::model::for_each_ngram(&s.out.text, bits, |b, _, e| grams.push((b, e - 1)));
        for &(ws, we) in &windows {
            f.windows.push(Window {
                ngrams: grams.iter().filter(|g| g.1 >= ws && g.1 < we).map(|g| g.0).collect(),
                structural: (0..self.pack.sets.len())
                    .filter(|&i| s.hits[i].iter().any(|h| h.cs < we && h.ce > ws))
                    .collect(),
            });
        }
        f
    }

    /// For people writing rules: the normalised text, every set with hits (after evaluation) and
    /// the rules that reached the threshold with their scores (`jiaxiao-policy debug`).
    pub fn debug(&self, text: &str) -> Debug {
        let mut s = Scratch::default();
        if text.is_empty() {
            return Default::default();
        }
        self.evaluate(text, &mut s);
        let sets = (0..self.pack.sets.len())
            .filter(|&i| !s.hits[i].is_empty())
            .map(|i| {
                let hits = s.hits[i].iter().map(|h| s.out.text[h.bs as usize..h.be as usize].to_string()).collect();
                (self.pack.sets[i].name.clone(), hits)
            })
            .collect();
        let raw: Vec<(usize, usize, u32, u32, f32)> =
            s.raw.iter().map(|m| (m.rule, self.pack.rules[m.rule].category as usize, m.bs, m.be, m.score)).collect();
        let rules = raw
            .into_iter()
            .map(|(r, c, bs, be, score)| {
                let part = self.learned.as_ref().map(|l| {
                    let part = self.part_probability(l, text, &mut s, c, bs, be);
                    (part, sigmoid(Self::part_logit(l, &s, c, 0, s.out.char_count() as u32)))
                });
                (self.pack.rules[r].id.clone(), score, part)
            })
            .collect();
        (s.out.text.clone(), sets, rules)
    }

    /// The char ranges of the normalised text the learned layer scores: the whole message first,
    /// then (for 2 to [`MAX_WINDOW_SENTENCES`] sentences) every run of sentences that keeps its
    /// first or its last one.
    fn windows(&self, text: &str, s: &mut Scratch) -> Vec<(u32, u32)> {
        let n = s.out.char_count() as u32;
        let mut out = vec![(0, n)];
        if !self.sentences_ready(text, s) {
            return out;
        }
        // Sentence runs of the per-char ids.
        let ids = &s.sentence_ids;
        let mut runs: Vec<(u32, u32)> = Vec::new();
        let mut start = 0;
        for i in 1..=ids.len() {
            if i == ids.len() || ids[i] != ids[i - 1] {
                if i - start >= 2 {
                    runs.push((start as u32, i as u32));
                }
                start = i;
            }
        }
        if runs.len() < 2 || runs.len() > MAX_WINDOW_SENTENCES {
            return out;
        }
        // Every run of sentences that starts at the first or ends at the last: what remains when
        // sentences are taken away from either end.
        let (first, last) = (runs[0].0, runs[runs.len() - 1].1);
        for k in 0..runs.len() - 1 {
            out.push((first, runs[k].1));
            out.push((runs[k + 1].0, last));
        }
        out
    }

    /// Makes sure the sentences are known (they are computed lazily); false when there is one.
    fn sentences_ready(&self, text: &str, s: &mut Scratch) -> bool {
        if !s.sentences_ready {
            let (mut ctx, ..) = s.ctx(&self.pack, text);
            ctx.ensure_sentences();
        }
        !s.sentences.is_empty()
    }

    /// Normalises `text` and records every literal hit, exclude and gate entry in `s`.
    fn spot(&self, text: &str, s: &mut Scratch) {
        let Scratch {
            ns,
            out,
            hits,
            excl,
            ready,
            gate_seen,
            raw,
            sentences_ready,
            roster_ready,
            ranges_ready,
            set_ranges,
            prefix_ready,
            ..
        } = s;
        self.norm.normalise_into(text, ns, out);
        *sentences_ready = false;
        *prefix_ready = false;
        ranges_ready.clear();
        ranges_ready.resize(self.pack.sets.len(), false);
        set_ranges.resize_with(self.pack.sets.len(), Vec::new);
        *roster_ready = false;
        let nsets = self.pack.sets.len();
        hits.resize_with(nsets, Vec::new);
        excl.resize_with(nsets, Vec::new);
        ready.resize(nsets, false);
        gate_seen.resize(nsets, 0);
        for i in 0..nsets {
            hits[i].clear();
            excl[i].clear();
            ready[i] = false;
            gate_seen[i] = 0;
        }
        raw.clear();

        // Single-byte and single-character gates: one pass over the text, no automaton.
        let pack = &self.pack;
        let mut present: u128 = 0;
        for c in out.text.chars() {
            let u = c as usize;
            if u < 128 {
                present |= 1 << u;
            } else if u < 0x10000 && pack.char_gate_bits[u >> 6] & (1 << (u & 63)) != 0 {
                let from = pack.char_gates.partition_point(|g| g.0 < c);
                for &(_, set, bit) in pack.char_gates[from..].iter().take_while(|g| g.0 == c) {
                    gate_seen[set] |= bit;
                }
            }
        }
        while present != 0 {
            let b = present.trailing_zeros() as usize;
            present &= present - 1;
            let (from, to) = (pack.byte_gate_start[b], pack.byte_gate_start[b + 1]);
            for &(set, bit) in &pack.byte_gates[from as usize..to as usize] {
                gate_seen[set] |= bit;
            }
        }
        if let Some(ac) = &self.pack.terms {
            let bytes = out.text.as_bytes();
            for m in ac.find_overlapping_iter(out.text.as_str()) {
                let (bs, be) = (m.start() as u32, m.end() as u32);
                let letter_before = m.start() > 0 && bytes[m.start() - 1].is_ascii_alphabetic();
                let letter_after = bytes.get(m.end()).is_some_and(|b| b.is_ascii_alphabetic());
                let (from, to) = pack.owners[m.pattern().as_usize()];
                for owner in &pack.owner_list[from as usize..to as usize] {
                    if (owner.left && letter_before) || (owner.right && letter_after) {
                        continue;
                    }
                    match owner.kind {
                        TermKind::Exclude => excl[owner.set].push((bs, be)),
                        TermKind::Gate(bit) => gate_seen[owner.set] |= bit,
                        TermKind::Term => hits[owner.set].push(Hit {
                            bs,
                            be,
                            cs: out.char_index(bs as usize),
                            ce: out.char_index(be as usize),
                        }),
                    }
                }
            }
        }
    }

    /// Normalises, spots and runs every rule: `s.raw` holds the rules that reached the threshold.
    fn evaluate(&self, text: &str, s: &mut Scratch) {
        self.spot(text, s);
        let mut defused = std::mem::take(&mut s.defused);
        defused.clear();
        let (mut ctx, cand, firsts, raw) = s.ctx(&self.pack, text);
        *ctx.quoted = 0;
        for (ri, rule) in self.pack.rules.iter().enumerate() {
            match ctx.eval(rule, cand, firsts) {
                Some((bs, be, score)) if score >= THRESHOLD => raw.push(RawMatch { rule: ri, bs, be, score }),
                Some((bs, be, _)) if rule.weight >= THRESHOLD && DEFUSED_FOR_MODEL.contains(&rule.category) => {
                    let (cs, ce) = (ctx.out.char_index(bs as usize), ctx.out.char_index(be as usize));
                    defused.push((cs, ce, rule.category as u8));
                }
                _ => {}
            }
        }
        // Evidence that words are told, not asked (a closed fund, a scam verdict): the model does
        // not flag the category in a part of the message that holds it.
        for (c, sets) in self.pack.category_model_defusers.iter().enumerate() {
            for &set in sets {
                let n = ctx.prepare(set).len();
                if self.pack.sets[set].message {
                    // A message-wide set (a sign-up list's heading) bears on every part of it.
                    if n > 0 {
                        defused.push((EVERYWHERE.0, EVERYWHERE.1, c as u8));
                    }
                } else {
                    defused.extend((0..n).map(|k| (ctx.hits[set][k].cs, ctx.hits[set][k].ce, c as u8)));
                }
            }
        }
        // Stand-down: a rule yields to a category that fired through another rule.
        let fired: u8 = raw.iter().fold(0, |acc, m| acc | 1 << self.pack.rules[m.rule].category as u8);
        raw.retain(|m| !self.pack.rules[m.rule].unless_category.iter().any(|c| fired & (1 << *c as u8) != 0));
        s.defused = defused;
    }

    /// Whether one of the category's anchor sets has a hit (patterns run as needed).
    fn anchored(&self, text: &str, s: &mut Scratch, c: usize) -> bool {
        if s.quoted & (1 << c) != 0 {
            return false;
        }
        let anchors = &self.pack.category_anchors[c];
        if anchors.is_empty() {
            return true;
        }
        let (mut ctx, ..) = s.ctx(&self.pack, text);
        anchors.iter().any(|&set| !ctx.prepare(set).is_empty())
    }

    /// For each category, whether a learned verdict is possible at all (an anchor has a hit).
    /// Used by the trainer to choose thresholds the way classification applies them.
    pub fn anchors_hit(&self, text: &str) -> [bool; CATEGORIES] {
        let mut s = Scratch::default();
        if text.is_empty() {
            return [false; CATEGORIES];
        }
        self.evaluate(text, &mut s);
        // Classification scores only the windows without a defused request; the trainer, which
        // scores every window, approximates that by not counting such messages at all.
        std::array::from_fn(|c| !s.defused.iter().any(|d| d.2 as usize == c) && self.anchored(text, &mut s, c))
    }

    fn run(&self, text: &str, ctx: &Context<'_>, s: &mut Scratch) -> Verdict {
        if text.is_empty() {
            return Verdict::default();
        }
        self.evaluate(text, s);
        let allow = ctx.allow.filter(|a| !a.is_empty());
        if let Some(allow) = allow
            && !allow.fingerprints.is_empty()
            && allow.fingerprints.contains(&fnv1a(s.out.text.as_bytes()))
        {
            return Verdict::default();
        }
        let out = &s.out;
        let mut matches: Vec<Match> = s
            .raw
            .iter()
            .map(|m| {
                let rule = &self.pack.rules[m.rule];
                let (start, end) = out.original_range(m.bs as usize, m.be as usize);
                Match {
                    rule: rule.id.clone(),
                    category: rule.category,
                    source: Source::Rule,
                    score: m.score,
                    policy: rule.policy.clone(),
                    span: Span { start, end },
                    excerpt: text[start..end].to_string(),
                    evidence: Vec::new(),
                }
            })
            .collect();
        // A rule's verdict stands only where the learned layer does not read the part of the
        // message it matched as clearly harmless (under the category's `rule_floor`): the two are
        // evidence of one kind, and a pattern that fires on a refund notice or a free club's
        // announcement is outweighed there. The part is the match itself, each sentence it
        // touches, all of them, or the whole message (the highest reading counts), so words
        // added elsewhere in the message cannot lower it.
        if let Some(learned) = &self.learned
            && self.pack.category_rule_floor.iter().any(|&f| f > 0.0)
        {
            let spans: Vec<(usize, u32, u32)> =
                matches.iter().zip(&s.raw).map(|(m, r)| (m.category as usize, r.bs, r.be)).collect();
            let mut keep = Vec::with_capacity(spans.len());
            for (c, bs, be) in spans {
                let floor = self.pack.category_rule_floor[c];
                keep.push(floor <= 0.0 || self.part_probability(learned, text, s, c, bs, be) >= floor);
            }
            let mut k = keep.into_iter();
            matches.retain(|_| k.next().unwrap_or(true));
        }
        // What the group's moderators decided about close messages: down for "not a violation"
        // (a rule verdict survives one such mark on a close variant, not two), up for "delete".
        let shift = ctx.memory.filter(|m| !m.is_empty()).map(|m| m.shift(&sample_grams(&s.out.text)));
        if let Some(shift) = shift {
            for m in &mut matches {
                m.score += shift[m.category as usize].min(0.0);
            }
            matches.retain(|m| m.score >= THRESHOLD);
        }
        let mut learned_p = None;
        if let Some(learned) = &self.learned {
            learned_p = Some(self.learned_matches(learned, text, s, shift, &mut matches));
        }
        if let Some(shift) = shift {
            for (c, &cat) in Category::ALL.iter().enumerate() {
                if shift[c] >= GROUP_FLAG && !matches.iter().any(|m| m.category == cat) {
                    matches.push(Match {
                        rule: format!("group.{}", cat.as_str()),
                        category: cat,
                        source: Source::Group,
                        score: shift[c],
                        policy: self.pack.category_policy[c].clone(),
                        span: Span { start: 0, end: text.len() },
                        excerpt: text.to_string(),
                        evidence: Vec::new(),
                    });
                }
            }
        }
        self.recast(text, s, &mut matches);
        let s = &*s;
        if let Some(allow) = allow
            && !allow.phrases.is_empty()
        {
            let norm_text = s.out.text.as_str();
            let original_of = |p: &str| -> Vec<(usize, usize)> {
                norm_text.match_indices(p).map(|(i, m)| s.out.original_range(i, i + m.len())).collect()
            };
            let covered: Vec<(usize, usize)> = allow.phrases.iter().flat_map(|p| original_of(p)).collect();
            matches.retain(|m| !covered.iter().any(|&(a, b)| a <= m.span.start && b >= m.span.end));
        }
        matches.sort_by_key(|m| (m.category, m.span.start));
        let mut categories: Vec<Category> = matches.iter().map(|m| m.category).collect();
        categories.dedup();
        Verdict { categories, matches, learned: learned_p }
    }

    /// Reports the verdicts of a category that has a `recast` as the other category when the
    /// message has a hit of one of its `when` sets and none of its `unless` sets: a dance or
    /// swimming class sold to the group is an ad, not academic tutoring, whichever of the rules
    /// or the model found it.
    fn recast(&self, text: &str, s: &mut Scratch, matches: &mut [Match]) {
        for (c, recast) in self.pack.category_recast.iter().enumerate() {
            let (Some(r), cat) = (recast, Category::ALL[c]) else { continue };
            if !matches.iter().any(|m| m.category == cat) {
                continue;
            }
            let (mut ctx, ..) = s.ctx(&self.pack, text);
            let mut any_hit = |sets: &[usize]| sets.iter().any(|&set| !ctx.prepare(set).is_empty());
            if !any_hit(&r.when) || any_hit(&r.unless) {
                continue;
            }
            for m in matches.iter_mut().filter(|m| m.category == cat) {
                m.category = r.to;
                m.policy = self.pack.category_policy[r.to as usize].clone();
                m.rule = match m.source {
                    Source::Rule => r.id.clone(),
                    _ => format!("{}.{}", m.rule.split('.').next().unwrap_or("model"), r.to.as_str()),
                };
            }
        }
    }

    /// Per normalised char, the sums of the model's n-gram weights (and the n-gram count) of the
    /// n-grams ending at or before it: any part of the message is then scored from two entries.
    fn ensure_prefix(learned: &Learned, s: &mut Scratch) {
        if s.prefix_ready {
            return;
        }
        s.prefix_ready = true;
        s.present.clear();
        s.present.extend((0..learned.structural.len()).filter(|&k| !s.hits[learned.structural[k].0].is_empty()));
        let n = s.out.char_count();
        let prefix = &mut s.prefix;
        prefix.clear();
        prefix.reserve(n + 1);
        // Running sums, pushed as the n-grams' end positions (which never decrease) move on.
        let mut acc = ([0i32; 8], 0u32);
        prefix.push(acc);
        let table = &learned.model.table;
        super::model::for_each_ngram(&s.out.text, learned.model.bits, |b, _, e| {
            while prefix.len() < e as usize {
                prefix.push(acc);
            }
            for (a, &w) in acc.0.iter_mut().zip(&table[b as usize]) {
                *a += w as i32;
            }
            acc.1 += 1;
        });
        while prefix.len() <= n {
            prefix.push(acc);
        }
    }

    /// How the learned layer reads the part of the message a rule matched (normalised byte range
    /// `bs..be`): its probability for category `c`, the highest over the match itself, each
    /// sentence the match touches, all of them together and the whole message (a dictated offer
    /// whose spaces split it into phrases is read whole), with the structural features of
    /// each part and no defused-request masking. Sentences added before or after, and words
    /// glued on outside the match, leave at least the match itself as it was.
    fn part_probability(&self, learned: &Learned, text: &str, s: &mut Scratch, c: usize, bs: u32, be: u32) -> f32 {
        let n = s.out.char_count() as u32;
        if n == 0 {
            return 0.0;
        }
        let cs = s.out.char_index(bs as usize).min(n - 1);
        let ce = s.out.char_index(be as usize).clamp(cs + 1, n);
        let mut parts: Vec<(u32, u32)> = vec![(cs, ce)];
        if self.sentences_ready(text, s) {
            let ids = &s.sentence_ids;
            let mut start = cs;
            while start > 0 && ids[start as usize - 1] == ids[cs as usize] {
                start -= 1;
            }
            let first = start;
            while start < ce {
                let mut end = start + 1;
                while end < n && ids[end as usize] == ids[start as usize] {
                    end += 1;
                }
                parts.push((start, end));
                start = end;
            }
            let last = parts.last().map_or(ce, |p| p.1);
            if parts.len() > 2 {
                parts.push((first, last));
            }
        }
        parts.push((0, n)); // and the whole message
        Self::ensure_prefix(learned, s);
        let best =
            parts.into_iter().map(|(ws, we)| Self::part_logit(learned, s, c, ws, we)).fold(f32::NEG_INFINITY, f32::max);
        sigmoid(best)
    }

    /// The model's log-odds for category `c` on normalised chars `ws..we`, with the structural
    /// features that have a hit there (after [`Self::ensure_prefix`]).
    fn part_logit(learned: &Learned, s: &Scratch, c: usize, ws: u32, we: u32) -> f32 {
        let model = &learned.model;
        let (hi, lo) = (s.prefix[we as usize], s.prefix[ws as usize]);
        let count = hi.1 - lo.1;
        let norm = if count > 0 { 1.0 / (count as f32).sqrt() } else { 0.0 };
        let mut z = model.bias[c] + (hi.0[c] - lo.0[c]) as f32 * model.scale[c] * norm;
        // Only the structural features with any hit at all (most sets have none).
        for &k in &s.present {
            let (set, w) = &learned.structural[k];
            if s.hits[*set].iter().any(|h| h.cs < we && h.ce > ws) {
                z += w[c];
            }
        }
        z
    }

    /// The model's log-odds for every category: the highest over the message's windows.
    fn logits(&self, learned: &Learned, text: &str, s: &mut Scratch) -> [f32; CATEGORIES] {
        let structural = |z: &mut [f32; CATEGORIES], s: &Scratch, ws: u32, we: u32| {
            for (set, w) in &learned.structural {
                if s.hits[*set].iter().any(|h| h.cs < we && h.ce > ws) {
                    for (zc, wc) in z.iter_mut().zip(w) {
                        *zc += wc;
                    }
                }
            }
        };
        // A window that holds a request the rules defused is not the model's to flag.
        let drop_defused = |z: &mut [f32; CATEGORIES], s: &Scratch, ws: u32, we: u32| {
            for &(a, b, c) in &s.defused {
                if (a, b) == EVERYWHERE || (ws <= a && b <= we) {
                    z[c as usize] = f32::NEG_INFINITY;
                }
            }
        };
        let windows = if learned.model.windowed.iter().any(|&w| w) { self.windows(text, s) } else { Vec::new() };
        if windows.len() <= 1 {
            // The whole message: from the prefix sums when a part of it was scored already.
            let (mut z, _) = if s.prefix_ready {
                let (sum, count) = s.prefix[s.prefix.len() - 1];
                let norm = if count > 0 { 1.0 / (count as f32).sqrt() } else { 0.0 };
                (std::array::from_fn(|c| sum[c] as f32 * learned.model.scale[c] * norm), count)
            } else {
                learned.model.ngram_logits(&s.out.text)
            };
            for (zc, b) in z.iter_mut().zip(learned.model.bias) {
                *zc += b;
            }
            structural(&mut z, s, 0, u32::MAX);
            drop_defused(&mut z, s, 0, u32::MAX);
            return z;
        }
        // Each window from the per-char prefix sums of the n-grams ending there.
        Self::ensure_prefix(learned, s);
        let prefix = &s.prefix;
        let mut best = [f32::NEG_INFINITY; CATEGORIES];
        for (k, (ws, we)) in windows.into_iter().enumerate() {
            let (hi, lo) = (prefix[we as usize], prefix[ws as usize]);
            let count = hi.1 - lo.1;
            let norm = if count > 0 { 1.0 / (count as f32).sqrt() } else { 0.0 };
            let mut z: [f32; CATEGORIES] = std::array::from_fn(|c| {
                learned.model.bias[c] + (hi.0[c] - lo.0[c]) as f32 * learned.model.scale[c] * norm
            });
            structural(&mut z, s, ws, we);
            drop_defused(&mut z, s, ws, we);
            for ((b, zc), windowed) in best.iter_mut().zip(z).zip(learned.model.windowed) {
                // Window 0 is the whole message: the only one for categories scored whole.
                if k == 0 || windowed {
                    *b = b.max(zc);
                }
            }
        }
        best
    }

    /// Adds a "please take a look" match for every category the model is sure enough of and no
    /// rule flagged.
    /// Returns the model's probabilities (after the group's shift).
    fn learned_matches(
        &self,
        learned: &Learned,
        text: &str,
        s: &mut Scratch,
        shift: Option<[f32; CATEGORIES]>,
        matches: &mut Vec<Match>,
    ) -> [f32; CATEGORIES] {
        let mut probs = self.logits(learned, text, s).map(sigmoid);
        let own = probs;
        if let Some(shift) = shift {
            // The group's decisions move the probability as they move a rule's score.
            for (p, sc) in probs.iter_mut().zip(shift) {
                *p = (*p + sc).clamp(0.0, 1.0);
            }
        }
        for (c, &cat) in Category::ALL.iter().enumerate() {
            let p = probs[c];
            // A request the rules found quoted inside a warning is the scam's wording: the model,
            // which reads words, not quotation marks, does not flag it either (see `anchored`).
            if p < learned.model.threshold[c] || matches.iter().any(|m| m.category == cat) || !self.anchored(text, s, c)
            {
                continue;
            }
            let evidence = self.explain(learned, text, s, c);
            let span = evidence.iter().filter_map(|e| e.span).next().unwrap_or(Span { start: 0, end: text.len() });
            // Over the threshold only with the group's "delete" marks: the group's flag.
            let source = if own[c] >= learned.model.threshold[c] { Source::Model } else { Source::Group };
            let prefix = if source == Source::Model { "model" } else { "group" };
            matches.push(Match {
                rule: format!("{prefix}.{}", cat.as_str()),
                category: cat,
                source,
                score: p,
                policy: self.pack.category_policy[c].clone(),
                span,
                excerpt: text[span.start..span.end].to_string(),
                evidence,
            });
        }
        probs
    }

    /// The strongest evidence for category `c`: the n-grams that weigh most (overlapping ones
    /// merged, shown as the user wrote them) and the structural features, strongest first.
    fn explain(&self, learned: &Learned, text: &str, s: &Scratch, c: usize) -> Vec<Evidence> {
        let out = &s.out;
        let mut grams = learned.model.ngram_contributions(&out.text, c);
        grams.retain(|g| g.2 > 0.0);
        grams.sort_by(|a, b| b.2.total_cmp(&a.2));
        // Merge the top n-grams into non-overlapping char ranges.
        let mut ranges: Vec<(u32, u32, f32)> = Vec::new();
        for (cs, ce, w) in grams.into_iter().take(12) {
            if let Some(r) = ranges.iter_mut().find(|r| cs <= r.1 && ce >= r.0) {
                r.0 = r.0.min(cs);
                r.1 = r.1.max(ce);
                r.2 += w;
            } else {
                ranges.push((cs, ce, w));
            }
        }
        ranges.sort_by(|a, b| b.2.total_cmp(&a.2));
        let byte_of_char: Vec<usize> =
            out.text.char_indices().map(|(b, _)| b).chain(std::iter::once(out.text.len())).collect();
        let mut evidence: Vec<Evidence> = ranges
            .into_iter()
            .take(4)
            .filter_map(|(cs, ce, w)| {
                let (bs, be) = (*byte_of_char.get(cs as usize)?, *byte_of_char.get(ce as usize)?);
                let (start, end) = out.original_range(bs, be);
                (start < end).then(|| Evidence {
                    feature: text[start..end].to_string(),
                    weight: w,
                    span: Some(Span { start, end }),
                })
            })
            .collect();
        let mut structural: Vec<Evidence> = learned
            .structural
            .iter()
            .filter(|(set, w)| !s.hits[*set].is_empty() && w[c] > 0.0)
            .map(|(set, w)| Evidence {
                feature: format!("set:{}", self.pack.sets[*set].name),
                weight: w[c],
                span: None,
            })
            .collect();
        structural.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        evidence.extend(structural.into_iter().take(2));
        evidence
    }
}

/// What [`Classifier::debug`] shows: the normalised text, each set with its hits (as normalised
/// text), and each rule that reached the threshold with its score and (with a model) the model's
/// reading of the part it matched, which the category's `rule_floor` is compared with.
pub type Debug = (String, Vec<(String, Vec<String>)>, Vec<(String, f32, Option<(f32, f32)>)>);

/// Whether a message reads as dictated (voice input): no punctuation that ends a sentence or a
/// clause, and at least two spaces between Chinese phrases of two or more characters each. Spaces
/// that an evader puts inside words (班 费 每 人) separate single characters and do not count.
pub(crate) fn dictated(original: &str) -> bool {
    const PUNCT: &[char] =
        &['。', '！', '？', '!', '?', '，', ',', '；', ';', '：', ':', '、', '…', '.', '～', '~', '｡', '﹐', '﹒'];
    if original.contains(PUNCT) {
        return false;
    }
    let mut gaps = 0;
    for line in original.lines() {
        let words: Vec<&str> = line.split([' ', '\u{3000}']).filter(|w| !w.is_empty()).collect();
        gaps += words
            .windows(2)
            .filter(|p| p.iter().all(|w| w.chars().nth(1).is_some()) && p.iter().any(|w| w.chars().any(is_han)))
            .count();
    }
    gaps >= 2
}

/// A letter or digit of an alphabet (Latin in any width, Cyrillic, Greek: what an apostrophe
/// stands between), not a Chinese character.
fn latin_like(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphanumeric() && (c < '\u{2e80}' || ('\u{ff10}'..='\u{ff5a}').contains(&c)))
}

/// The byte ranges of the original text between quotation marks (“…”, 「…」, 『…』, "…", «…»).
fn quote_spans(original: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    // An ASCII apostrophe quotes only where it cannot be one: opening after anything but a
    // letter or digit ('校长', not don't), closing before anything but a letter (looking past
    // invisible characters, which evasion puts between letters).
    let before = |i: usize| original[..i].chars().rev().find(|c| !is_ignorable(*c));
    let after = |i: usize| original[i + 1..].chars().find(|c| !is_ignorable(*c));
    for (i, c) in original.char_indices() {
        match open {
            None => {
                let close = match c {
                    '“' => '”',
                    '「' => '」',
                    '『' => '』',
                    '"' => '"',
                    '«' => '»',
                    '‘' => '’',
                    '\'' if !before(i).is_some_and(latin_like) => '\'',
                    _ => continue,
                };
                open = Some((close, i + c.len_utf8()));
            }
            Some((close, start))
                if (c == close && (c != '\'' || !after(i).is_some_and(|a| latin_like(a) && !a.is_numeric())))
                    || (close == '”' && c == '"') =>
            {
                out.push((start as u32, i as u32));
                open = None;
            }
            Some(_) if c == '\n' => open = None,
            Some(_) => {}
        }
    }
    out
}

struct Ctx<'a> {
    pack: &'a RulePack,
    out: &'a Normalised,
    original: &'a str,
    hits: &'a mut Vec<Vec<Hit>>,
    excl: &'a mut Vec<Vec<(u32, u32)>>,
    ready: &'a mut Vec<bool>,
    gate_seen: &'a [u8],
    sentences: &'a mut Vec<u32>,
    soft: &'a mut Vec<bool>,
    sentences_ready: &'a mut bool,
    sentence_ids: &'a mut Vec<u32>,
    set_ranges: &'a mut Vec<Vec<(u32, u32)>>,
    ranges_ready: &'a mut Vec<bool>,
    roster: &'a mut RosterScan,
    roster_ready: &'a mut bool,
    det_hits: &'a mut Hits,
    quoted: &'a mut u8,
}

impl Ctx<'_> {
    /// Runs the set's patterns (once) and applies its excludes; returns its hits, sorted.
    fn prepare(&mut self, set: usize) -> &[Hit] {
        if !self.ready[set] {
            self.ready[set] = true;
            let open = self.gate_open(set);
            let def = &self.pack.sets[set];
            if let Some(detector) = def.detector {
                if !*self.roster_ready {
                    *self.roster_ready = true;
                    self.ensure_sentences();
                    self.roster.scan(self.out, self.original, self.sentences);
                }
                self.roster.hits(detector, self.det_hits);
                for &(bs, be) in self.det_hits.iter() {
                    self.hits[set].push(Hit {
                        bs,
                        be,
                        cs: self.out.char_index(bs as usize),
                        ce: self.out.char_index(be as usize),
                    });
                }
                return &self.hits[set];
            }
            let pattern = def.pattern.as_ref().filter(|_| open);
            let mut hits = std::mem::take(&mut self.hits[set]);
            let mut trim: Vec<usize> = Vec::new();
            if let Some(re) = pattern {
                for m in re.find_iter(&self.out.text) {
                    if m.start() == m.end() {
                        continue;
                    }
                    let hit = Hit {
                        bs: m.start() as u32,
                        be: m.end() as u32,
                        cs: self.out.char_index(m.start()),
                        ce: self.out.char_index(m.end()),
                    };
                    // Patterns check the character after an amount (`\d+(?:[^次个]|$)`), and that
                    // character may open the next sentence: it is not part of the hit. Only a
                    // terminator or white space in the original between the two can end one.
                    if hit.ce - hit.cs > 1 {
                        let (a_start, a_end) = self.out.source_of(hit.ce as usize - 2);
                        let (b_start, _) = self.out.source_of(hit.ce as usize - 1);
                        let between = self.original.get(a_start as usize..b_start.max(a_end) as usize).unwrap_or("");
                        let may_end = between.chars().any(|c| {
                            c.is_whitespace() || matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '.')
                        });
                        // Or a warning glued on right after it (每家50别信…) starts there.
                        let opener = || {
                            let last = hit.ce - 1;
                            self.pack.sentence_openers.iter().any(|&o| self.hits[o].iter().any(|h| h.cs == last))
                        };
                        if !def.defuser && (may_end || opener()) {
                            trim.push(hits.len());
                        }
                    }
                    hits.push(hit);
                }
            }
            self.hits[set] = hits;
            if !trim.is_empty() {
                self.ensure_sentences();
                for k in trim {
                    let hit = &mut self.hits[set][k];
                    let (s1, s2) = (self.sentence_ids[hit.ce as usize - 2], self.sentence_ids[hit.ce as usize - 1]);
                    if s1 != s2 {
                        hit.ce -= 1;
                        hit.be =
                            self.out.text[..hit.be as usize].char_indices().last().map_or(hit.bs, |(b, _)| b as u32);
                    }
                }
            }
            if def.defuser && !self.hits[set].is_empty() {
                // A defuser reaching into the next sentence (`过时不候⏎收到…` read as 不…收) is
                // an accident of joined lines: it is not there.
                self.ensure_sentences();
                let ids = &*self.sentence_ids;
                self.hits[set].retain(|h| {
                    let (a, b) = (h.cs as usize, h.ce.saturating_sub(1).max(h.cs) as usize);
                    ids.get(a) == ids.get(b)
                });
            }
            let hits = &mut self.hits[set];
            if def.has_excludes && !self.excl[set].is_empty() {
                let ex = &self.excl[set];
                hits.retain(|h| !ex.iter().any(|&(s, e)| s < h.be && h.bs < e));
            }
            hits.sort_unstable_by_key(|h| (h.cs, h.ce));
            let pack = self.pack;
            if !self.hits[set].is_empty()
                && ((pack.sets[set].voice && !dictated(self.original))
                    || pack.sets[set].void_with.iter().any(|&v| !self.prepare(v).is_empty()))
            {
                self.hits[set].clear();
            }
        }
        &self.hits[set]
    }

    fn gate_open(&self, set: usize) -> bool {
        let mask = self.pack.sets[set].gate_mask;
        self.gate_seen[set] & mask == mask
    }

    /// Could this set have hits, judging only from literal hits and open pattern gates?
    fn set_possible(&self, s: usize) -> bool {
        let set = &self.pack.sets[s];
        !self.hits[s].is_empty() || (set.pattern.is_some() && self.gate_open(s)) || set.detector.is_some()
    }

    /// The sentence (index) of a normalised char.
    fn sentence_of(&mut self, char_idx: u32) -> usize {
        if !*self.sentences_ready {
            self.ensure_sentences();
        }
        match self.sentence_ids.get(char_idx as usize).or(self.sentence_ids.last()) {
            Some(&id) => id as usize,
            None => 0,
        }
    }

    /// Finds the sentences of the message (only messages with a candidate match need them). A
    /// space or line break inside a keyword (`点 个赞`, `转⏎我`) splits the word, not the sentence.
    fn ensure_sentences(&mut self) {
        if *self.sentences_ready {
            return;
        }
        *self.sentences_ready = true;
        sentence_starts(self.original, self.sentences, self.soft);
        // A warning glued on with nothing between starts a sentence of its own.
        for &set in &self.pack.sentence_openers {
            for h in &self.hits[set] {
                let b = self.out.source_of(h.cs as usize).0;
                if b > 0
                    && let Err(at) = self.sentences.binary_search(&b)
                    && !self.original[..b as usize].ends_with(char::is_whitespace)
                {
                    self.sentences.insert(at, b);
                    self.soft.insert(at, true);
                }
            }
        }
        if !self.soft.iter().any(|&x| x) {
            self.fill_sentence_ids();
            return;
        }
        let (out, hits) = (self.out, &*self.hits);
        let n = out.char_count();
        let mut k = 0; // first normalised char at or after the boundary
        let mut keep = Vec::with_capacity(self.sentences.len());
        for (&b, &soft) in self.sentences.iter().zip(self.soft.iter()) {
            while k < n && out.source_of(k).0 < b {
                k += 1;
            }
            // A hit across the boundary keeps the words together; one that only reaches its first
            // char is a pattern's look at the character after an amount (每家50别信…).
            let inside =
                soft && k > 0 && k < n && hits.iter().flatten().any(|h| (h.cs as usize) < k && (h.ce as usize) > k + 1);
            keep.push(!inside);
        }
        let mut it = keep.iter();
        self.sentences.retain(|_| *it.next().unwrap_or(&true));
        let mut it = keep.iter();
        self.soft.retain(|_| *it.next().unwrap_or(&true));
        self.fill_sentence_ids();
    }

    /// The first and the last sentence a hit touches.
    fn sentences_of(&mut self, h: Hit) -> (u32, u32) {
        (self.sentence_of(h.cs) as u32, self.sentence_of(h.ce.saturating_sub(1).max(h.cs)) as u32)
    }

    /// How many sentence ends inside the span are punctuation or line breaks (spaces, which
    /// evasion puts inside words, do not count towards a rule's `sentences`).
    fn hard_boundaries(&mut self, span: Hit) -> usize {
        let (first, last) = self.sentences_of(span);
        (first as usize..last as usize)
            .filter(|&j| !self.soft.get(j).copied().unwrap_or(false) || self.is_line_break(j))
            .count()
    }

    /// Whether a comma, colon or semicolon stands between normalised chars `from` and `to`.
    fn clause_break(&self, from: u32, to: u32) -> bool {
        if from >= to {
            return false;
        }
        let n = self.out.char_count();
        if to as usize >= n {
            return false;
        }
        let (a, b) = (self.out.source_of(from as usize).0 as usize, self.out.source_of(to as usize).0 as usize);
        self.original
            .get(a..b)
            .is_some_and(|between| between.contains([',', '，', ';', '；', ':', '：', '﹐', '､', '—', '–']))
    }

    /// Whether boundary `j` is a line break (soft too, but it counts as a sentence end). A break
    /// between Chinese characters next to a line of one or two characters (`其⏎余同学的书本⏎费⏎麻烦`),
    /// or between two lines written with a space between characters (`周 末 陪⏎读 服 务`), cuts a
    /// word, not a sentence: it does not count.
    fn is_line_break(&self, j: usize) -> bool {
        let b = self.sentences[j] as usize;
        if self.original.as_bytes().get(b.wrapping_sub(1)) != Some(&b'\n') {
            return false;
        }
        let (before, after) = (&self.original[..b - 1], &self.original[b..]);
        let han = |c: Option<char>| c.is_some_and(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF));
        if !han(before.trim_end().chars().next_back()) || !han(after.trim_start().chars().next()) {
            return true;
        }
        let short = |line: &str| line.chars().filter(|c| !c.is_whitespace()).take(3).count() <= 2;
        // Spaced out: at least as many pairs of Chinese characters with a space between them as
        // without, and two or more (收到 谢谢老师 is a phrase and a space, not spacing).
        let spaced = |line: &str| {
            let (mut apart, mut together, mut prev_han, mut gap) = (0, 0, false, false);
            for c in line.chars() {
                if c.is_whitespace() {
                    gap = true;
                    continue;
                }
                let h = han(Some(c));
                if h && prev_han {
                    if gap {
                        apart += 1;
                    } else {
                        together += 1;
                    }
                }
                (prev_han, gap) = (h, false);
            }
            apart >= 2 && apart >= together
        };
        let prev = before.rsplit('\n').next().unwrap_or("");
        let next = after.split('\n').next().unwrap_or("");
        !(short(prev) || short(next) || (spaced(prev) && spaced(next)))
    }

    fn fill_sentence_ids(&mut self) {
        let n = self.out.char_count();
        self.sentence_ids.clear();
        let mut id = 0;
        for k in 0..n {
            let start = self.out.source_of(k).0;
            // Sources are in order except inside lexicon replacements; search when they step back.
            while (id as usize) < self.sentences.len() && self.sentences[id as usize] <= start {
                id += 1;
            }
            if id > 0 && self.sentences[id as usize - 1] > start {
                id = self.sentences.partition_point(|&b| b <= start) as u32;
            }
            self.sentence_ids.push(id);
        }
    }

    /// The defusing evidence against a match at `span`: the weights of the rule's defusing sets
    /// that have a hit in a sentence the match touches, and of its near sets within `near` chars.
    /// The sentence ranges the hits of set `s` cover, computed once per message.
    fn ranges(&mut self, s: usize) -> &[(u32, u32)] {
        if !self.ranges_ready[s] {
            self.ranges_ready[s] = true;
            let n = self.prepare(s).len();
            let mut out = std::mem::take(&mut self.set_ranges[s]);
            out.clear();
            for k in 0..n {
                let h = self.hits[s][k];
                let r = self.sentences_of(h);
                if !out.contains(&r) {
                    out.push(r);
                }
            }
            self.set_ranges[s] = out;
        }
        &self.set_ranges[s]
    }

    fn defuse(&mut self, rule: &CompiledRule, span: Hit) -> f32 {
        let mut total = 0.0;
        if !rule.defused_by.is_empty() {
            let (first, last) = self.sentences_of(span);
            for &s in &rule.defused_by {
                let (weight, whole) = (self.pack.sets[s].weight, self.pack.sets[s].whole);
                let hit = if whole {
                    // A question defuses what it asks about: it holds the whole request in its
                    // sentence and starts before the request ends (not one glued on after it).
                    // A request over two sentences needs a question in each. With `clause`, one
                    // that starts before the request counts only in the request's clause: 儿子说
                    // reports what follows it, not the request in the clause after.
                    let n = self.prepare(s).len();
                    let clause = self.pack.sets[s].clause;
                    (first..=last).all(|j| {
                        (0..n).any(|k| {
                            let h = self.hits[s][k];
                            h.cs < span.ce && (!clause || !self.clause_break(h.ce, span.cs)) && {
                                let (a, b) = self.sentences_of(h);
                                a <= j && b >= j
                            }
                        })
                    })
                } else if self.pack.sets[s].message {
                    !self.prepare(s).is_empty()
                } else if self.pack.sets[s].outside_quotes {
                    let quotes = quote_spans(self.original);
                    let inside = |cs: u32, ce: u32| {
                        let (a, b) = (
                            self.out.source_of(cs as usize).0,
                            self.out.source_of(ce.saturating_sub(1).max(cs) as usize).1,
                        );
                        quotes.iter().any(|&(qs, qe)| qs <= a && b <= qe)
                    };
                    let reported = inside(span.cs, span.ce) && {
                        let n = self.prepare(s).len();
                        (0..n).any(|k| {
                            let h = self.hits[s][k];
                            !inside(h.cs, h.ce)
                        })
                    };
                    if reported {
                        *self.quoted |= 1 << rule.category as u8;
                    }
                    reported
                } else if self.pack.sets[s].before || self.pack.sets[s].clause {
                    // An operator bears on what follows it: with `before` it counts only when it
                    // starts before the request ends; with `clause`, before the request only in
                    // its clause (after it, anywhere in the sentence: …请于28日前缴费，群里不收费
                    // says where not to pay). Either way in a sentence the request touches.
                    let (before, clause) = (self.pack.sets[s].before, self.pack.sets[s].clause);
                    let n = self.prepare(s).len();
                    (0..n).any(|k| {
                        let h = self.hits[s][k];
                        (!before || h.cs < span.ce)
                            && {
                                let (a, b) = self.sentences_of(h);
                                a <= last && b >= first
                            }
                            && (!clause || !self.clause_break(h.ce, span.cs))
                    })
                } else {
                    self.ranges(s).iter().any(|&(a, b)| a <= last && b >= first)
                };
                if hit {
                    total += weight;
                    if total >= rule.weight {
                        return total; // nothing left to lower
                    }
                }
            }
        }
        if !rule.defused_near.is_empty() {
            let lo = span.cs.saturating_sub(rule.near);
            let hi = span.ce + rule.near;
            let (first, last) = self.sentences_of(span);
            for &s in &rule.defused_near {
                let weight = self.pack.sets[s].weight;
                let n = self.prepare(s).len();
                // Near, and in a sentence the match touches.
                for k in 0..n {
                    let h = self.hits[s][k];
                    if h.ce >= lo && h.cs <= hi && {
                        let (a, b) = self.sentences_of(h);
                        a <= last && b >= first
                    } {
                        total += weight;
                        break;
                    }
                }
            }
        }
        total
    }

    /// Does this group need a regex scan to know whether it has hits?
    fn group_needs_scan(&self, group: &[usize]) -> bool {
        group.iter().all(|&s| self.hits[s].is_empty())
    }

    /// Evaluates one rule; returns the normalised byte span of the match.
    fn eval(
        &mut self,
        rule: &CompiledRule,
        cand: &mut Vec<(Hit, usize)>,
        firsts: &mut Vec<Option<Hit>>,
    ) -> Option<(u32, u32, f32)> {
        if !rule.all.iter().all(|g| g.iter().any(|&s| self.set_possible(s))) {
            return None;
        }
        // Groups that literal hits already satisfy cost nothing; scan the others first and give
        // up as soon as one comes back empty.
        // Groups with literal terms first: their extra patterns are narrow and often gated shut,
        // so an empty one ends the rule before a broad pattern set (amounts) is scanned.
        let literal_first = rule
            .all
            .iter()
            .filter(|g| g.iter().any(|&s| self.pack.sets[s].has_terms))
            .chain(rule.all.iter().filter(|g| !g.iter().any(|&s| self.pack.sets[s].has_terms)));
        for group in literal_first {
            if !self.group_needs_scan(group) {
                continue;
            }
            let mut any = false;
            for &s in group {
                any |= !self.prepare(s).is_empty();
            }
            if !any {
                return None;
            }
        }
        cand.clear();
        for (gi, group) in rule.all.iter().enumerate() {
            let before = cand.len();
            for &s in group {
                let hits = self.prepare(s);
                cand.extend(hits.iter().map(|h| (*h, gi)));
            }
            if cand.len() == before {
                return None;
            }
        }
        for &(set, n) in &rule.counts {
            if (self.prepare(set).len() as u32) < n {
                return None;
            }
        }
        cand.sort_unstable_by_key(|(h, _)| (h.cs, h.ce));
        cand.truncate(512);
        let groups = rule.all.len();
        // Every window that holds one hit of each group is a candidate; the best is the one with
        // the least defusing evidence around it, then the shortest. A warning in one sentence
        // cannot hide a request in another.
        // (the match, the part of it that is the request itself)
        let mut spans: Vec<(Hit, Hit)> = Vec::new();
        for i in 0..cand.len() {
            firsts.clear();
            firsts.resize(groups, None);
            let mut covered = 0;
            let anchor = cand[i].0;
            let mut max_ce = 0;
            let mut max_be = 0;
            for &(h, g) in &cand[i..] {
                if h.cs.saturating_sub(anchor.cs) > rule.window {
                    break;
                }
                if firsts[g].is_none() {
                    firsts[g] = Some(h);
                    covered += 1;
                    max_ce = max_ce.max(h.ce);
                    max_be = max_be.max(h.be);
                    if covered == groups {
                        break;
                    }
                }
            }
            if covered == groups && max_ce - anchor.cs <= rule.window {
                let span = Hit { bs: anchor.bs, be: max_be, cs: anchor.cs, ce: max_ce };
                let mut core = Hit { bs: u32::MAX, be: 0, cs: u32::MAX, ce: 0 };
                for &g in &rule.core {
                    if let Some(h) = firsts[g] {
                        core = Hit {
                            bs: core.bs.min(h.bs),
                            be: core.be.max(h.be),
                            cs: core.cs.min(h.cs),
                            ce: core.ce.max(h.ce),
                        };
                    }
                }
                if rule.sentences == u32::MAX || self.hard_boundaries(span) < rule.sentences as usize {
                    spans.push((span, core));
                }
            }
        }
        if spans.is_empty() {
            return None;
        }
        if rule.defused_by.is_empty() && rule.defused_near.is_empty() {
            let (best, _) = spans.iter().min_by_key(|(h, _)| h.ce - h.cs)?;
            return Some((best.bs, best.be, rule.weight));
        }
        let mut best: Option<(f32, u32, Hit)> = None;
        for (span, core) in spans {
            let score = (rule.weight - self.defuse(rule, core)).max(0.0);
            let len = span.ce - span.cs;
            if best.is_none_or(|(s, l, _)| score > s || (score == s && len < l)) {
                best = Some((score, len, span));
            }
            if score >= rule.weight {
                break; // nothing defuses this one: it cannot be beaten on score
            }
        }
        let (score, _, span) = best?;
        Some((span.bs, span.be, score))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(dead_code)]
    mod cases {
        include!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/common/cases.rs"));
    }

    const PACK: &str = r#"
[policies.p]
document = "doc"
clause = "第5条"
summary_zh = "中文"
summary_en = "english"

[sets.amount]
patterns = ['\d+元']

[sets.pay]
terms = ["转我", "转给"]

[sets.neg]
terms = ["不用"]

[sets.warn]
terms = ["骗子"]
exclude = ["骗子们"]

[sets.ad]
terms = ["优惠"]

[[rules]]
id = "fee.test"
category = "fee_collection"
policy = "p"
all = ["amount", "pay"]
window = 10
defused_by = ["warn"]
defused_near = ["neg"]
near = 2

[[rules]]
id = "ad.test"
category = "commercial_ad"
policy = "p"
all = ["ad"]
unless_category = ["fee_collection"]
"#;

    fn c() -> Classifier {
        Classifier::from_toml(PACK).unwrap()
    }

    #[test]
    fn co_occurrence_within_window() {
        let v = c().classify("每人50元转我");
        assert_eq!(v.categories, vec![Category::FeeCollection]);
        let m = &v.matches[0];
        assert_eq!(m.rule, "fee.test");
        assert_eq!(m.excerpt, "50元转我");
        // Too far apart.
        assert!(c().classify("每人50元，一二三四五六七八九十一二三，转我").is_clean());
    }

    #[test]
    fn span_points_at_original_characters() {
        let text = "每人５０元 轉\u{200b}我";
        let v = c().classify(text);
        let m = &v.matches[0];
        assert_eq!(&text[m.span.start..m.span.end], m.excerpt);
        assert_eq!(m.excerpt, "５０元 轉\u{200b}我");
    }

    #[test]
    fn defusers_count_in_the_same_sentence_and_excludes_apply() {
        assert!(c().classify("骗子说50元转我").is_clean());
        // "骗子们" is excluded from the warn set, so it no longer defuses.
        assert!(!c().classify("骗子们说50元转我").is_clean());
        // A warning in another sentence does not hide the request, before or after it.
        for t in ["50元转我。小心骗子", "50元转我\n小心骗子", "小心骗子！50元转我", "50元转我？骗子"]
        {
            let v = c().classify(t);
            assert_eq!(v.categories, vec![Category::FeeCollection], "{t}");
            assert_eq!(v.matches[0].excerpt, "50元转我", "{t}");
            assert_eq!(v.matches[0].score, 1.0);
            assert_eq!(v.matches[0].source, Source::Rule);
        }
        // A request split over lines is one match; a warning on one of its lines defuses it.
        assert!(!c().classify("50元\n转我").is_clean());
        assert!(c().classify("50元 骗子\n转我").is_clean());
    }

    #[test]
    fn a_clause_scoped_defuser_before_the_request_bears_on_its_own_clause() {
        let src = PACK
            .replace("[sets.warn]\nterms = [\"骗子\"]", "[sets.warn]\nterms = [\"骗子\", \"不再\"]\nclause = true")
            .replace("window = 10", "window = 30");
        let c = Classifier::from_toml(&src).unwrap();
        // Before the request: only in its clause.
        assert!(c.classify("不再50元转我").is_clean());
        assert!(!c.classify("食堂不再供水果，50元转我").is_clean());
        // After it: anywhere in the sentence, as other defusers.
        assert!(c.classify("50元转我，不再").is_clean());
        assert!(!c.classify("50元转我。不再").is_clean());
        // Without `clause`, the whole sentence.
        assert!(super::tests::c().classify("骗子说了，50元转我").is_clean());
    }

    #[test]
    fn a_warning_glued_on_starts_its_own_sentence() {
        assert!(c().classify("50元转我骗子").is_clean(), "one sentence: the warning defuses");
        let src = PACK.replace("[sets.ad]", "[sets.opener]\nterms = [\"骗子\"]\nopens_sentence = true\n\n[sets.ad]");
        let c = Classifier::from_toml(&src).unwrap();
        let v = c.classify("50元转我骗子");
        assert_eq!(v.categories, vec![Category::FeeCollection]);
        assert_eq!(v.matches[0].excerpt, "50元转我");
        // What follows the opener stays with it.
        assert!(c.classify("骗子说50元转我").is_clean());
        // Only terms can open a sentence.
        let bad = PACK.replace("[sets.ad]", "[sets.opener]\npatterns = ['骗子']\nopens_sentence = true\n\n[sets.ad]");
        assert!(Classifier::from_toml(&bad).is_err());
    }

    #[test]
    fn a_question_defuses_what_it_asks_not_what_it_was_glued_to() {
        let src = PACK
            .replace("[sets.neg]", "[sets.ask]\nterms = [\"请问\"]\nwhole = true\n\n[sets.neg]")
            .replace("defused_by = [\"warn\"]", "defused_by = [\"warn\", \"ask\"]");
        let c = Classifier::from_toml(&src).unwrap();
        assert!(c.classify("请问是50元转我吗").is_clean(), "the request is inside the question");
        assert!(!c.classify("50元转我请问大家看到了吗").is_clean(), "a question glued on after it");
        assert!(!c.classify("请问大家看到了吗？50元转我").is_clean(), "a question in another sentence");
        // A request over two sentences needs a question in each.
        assert!(c.classify("请问50元吗？请问转我吗").is_clean());
        assert!(!c.classify("请问50元吗？转我").is_clean());
    }

    #[test]
    fn a_clause_scoped_question_reports_only_its_own_clause() {
        let src = PACK
            .replace("[sets.neg]", "[sets.told]\nterms = [\"儿子说\"]\nwhole = true\nclause = true\n\n[sets.neg]")
            .replace("defused_by = [\"warn\"]", "defused_by = [\"warn\", \"told\"]")
            .replace("window = 10", "window = 30");
        let c = Classifier::from_toml(&src).unwrap();
        assert!(c.classify("儿子说50元转我").is_clean(), "what the child said");
        assert!(!c.classify("儿子说了那件事，50元转我").is_clean(), "the parent's own request, a clause later");
    }

    #[test]
    fn the_undefused_request_is_the_one_reported() {
        // Two requests: the quoted one in the warning is defused, the real one is not.
        let v = c().classify("骗子会发“50元转我”。真的是：80元转我");
        assert_eq!(v.matches.len(), 1);
        assert_eq!(v.matches[0].excerpt, "80元转我");
    }

    #[test]
    fn weights_and_defuser_weights_make_a_score() {
        let src = PACK
            .replace("[sets.warn]\nterms = [\"骗子\"]", "[sets.warn]\nterms = [\"骗子\"]\nweight = 0.3")
            .replace("id = \"fee.test\"", "id = \"fee.test\"\nweight = 0.9");
        let c = Classifier::from_toml(&src).unwrap();
        let v = c.classify("50元转我");
        assert!((v.matches[0].score - 0.9).abs() < 1e-6);
        // 0.9 - 0.3 = 0.6: lowered, still a verdict.
        let v = c.classify("骗子说50元转我");
        assert!((v.matches[0].score - 0.6).abs() < 1e-6, "{:?}", v.matches);
        // Two weak defusers in the same sentence bring it under the threshold.
        let v = c.classify("不用急骗子说50元转我");
        assert!(!v.is_clean(), "`不用` is 4 chars from the match, outside near = 2");
        let v = c.classify("骗子说不用50元转我");
        assert!(v.is_clean(), "{:?}", v.matches);
    }

    #[test]
    fn unless_near_defuses_only_nearby() {
        assert!(c().classify("不用50元转我").is_clean());
        assert!(!c().classify("不用担心啊啊啊，50元转我").is_clean());
    }

    #[test]
    fn unless_category_stands_down() {
        assert_eq!(c().classify("优惠").categories, vec![Category::CommercialAd]);
        assert_eq!(c().classify("优惠 50元转我").categories, vec![Category::FeeCollection]);
    }

    #[test]
    fn allow_list_phrase_and_fingerprint() {
        let c = c();
        let text = "春游每人50元转我";
        let mut allow = AllowList::new();
        assert!(allow.is_empty());
        allow.add_phrase(c.normalise("春游每人50元转我"));
        assert!(c.classify_with(text, Some(&allow)).is_clean());
        // A phrase that does not cover the match does not drop it.
        let mut partial = AllowList::new();
        partial.add_phrase(c.normalise("春游"));
        assert!(!c.classify_with(text, Some(&partial)).is_clean());
        let mut fp = AllowList::new();
        fp.add_fingerprint(c.fingerprint("春游 每人５０元 转我"));
        assert!(!fp.is_empty());
        assert!(c.classify_with(text, Some(&fp)).is_clean());
        assert!(!c.classify_with("秋游每人50元转我", Some(&fp)).is_clean());
    }

    #[test]
    fn fingerprint_is_stable() {
        let c = c();
        // FNV-1a of the normalised text; a fixed value guards against accidental changes.
        assert_eq!(c.fingerprint(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(c.fingerprint("班 費"), c.fingerprint("班费"));
        assert_eq!(c.fingerprint("abc"), fnv1a(b"abc"));
    }

    #[test]
    fn a_voided_defuser_does_not_defuse() {
        // `warn` is void when the message also gives a contact: a question glued to an offer
        // that says where to sign up is no question.
        let src = PACK
            .replace("[sets.warn]\nterms = [\"骗子\"]", "[sets.warn]\nterms = [\"骗子\"]\nvoid_with = [\"contact\"]")
            .replace("[sets.ad]\n", "[sets.contact]\nterms = [\"联系人\"]\n\n[sets.ad]\n");
        assert!(src.contains("void_with"), "{src}");
        let c = Classifier::from_toml(&src).unwrap();
        assert!(c.classify("骗子说每人50元转我").is_clean());
        assert!(!c.classify("骗子说每人50元转我，联系人王老师").is_clean());
        // A name that is not another set is an error that names the set.
        let bad =
            PACK.replace("[sets.warn]\nterms = [\"骗子\"]", "[sets.warn]\nterms = [\"骗子\"]\nvoid_with = [\"nope\"]");
        let err = Classifier::from_toml(&bad).err().expect("unknown set");
        assert!(err.to_string().contains("nope"), "{err}");
    }

    #[test]
    fn ascii_quotes_mark_a_retold_request_but_apostrophes_do_not() {
        let q = quote_spans("骗子说'每人50元转我'，别理");
        assert_eq!(q.len(), 1);
        assert!(quote_spans("don't pay, it's a scam").is_empty());
        // Invisible characters between the letters do not make an apostrophe a quote.
        assert!(quote_spans("we\u{2060}'\u{200b}re pooling, put your child\u{200b}'\u{feff}s name").is_empty());
        let q = quote_spans("he said 'send 20 to me' and left");
        assert_eq!(q.len(), 1);
        // Full-width letters (an evasion) around an apostrophe keep it an apostrophe.
        assert!(quote_spans("Wｅ'ｒe pooling, put your ｃhｉlｄ'ｓ name").is_empty());
    }

    #[test]
    fn and_gates_need_every_entry() {
        let src = PACK.replace(
            "[sets.amount]\npatterns = ['\\d+元']",
            "[sets.amount]\npatterns = ['\\d+元']\ngate = [\"0|1|2|3|4|5|6|7|8|9\", \"元|块\"]",
        );
        assert!(src.contains("gate"), "{src}");
        let c = Classifier::from_toml(&src).unwrap();
        assert!(!c.classify("每人50元转我").is_clean());
        // A gate that no literal of the message satisfies keeps the pattern from running.
        let never = PACK.replace(
            "[sets.amount]\npatterns = ['\\d+元']",
            "[sets.amount]\npatterns = ['\\d+元']\ngate = [\"0|1|2|3|4|5|6|7|8|9\", \"美金\"]",
        );
        let c = Classifier::from_toml(&never).unwrap();
        assert!(c.classify("每人50元转我").is_clean());
    }

    /// Gates are only a speed-up: on every labelled case and dev message, no set's patterns may
    /// match the normalised text while its gate stays shut.
    #[test]
    fn builtin_gates_never_hide_a_pattern_match() {
        let c = Classifier::builtin().unwrap();
        let mut texts: Vec<String> = cases::CASES.iter().map(|k| k.text.to_string()).collect();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/messages.dev.jsonl");
        if let Ok(src) = std::fs::read_to_string(corpus) {
            for line in src.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    texts.extend(v["text"].as_str().map(str::to_string));
                }
            }
        }
        let mut s = Scratch::default();
        let mut problems = Vec::new();
        for t in &texts {
            c.spot(t, &mut s);
            for (i, set) in c.pack.sets.iter().enumerate() {
                let Some(re) = &set.pattern else { continue };
                let open = s.gate_seen[i] & set.gate_mask == set.gate_mask;
                if !open && re.is_match(&s.out.text) {
                    problems.push(format!("set `{}` gate shut on {:?}", set.name, s.out.text));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The built-in pack and model, once for the tests below.
    fn builtin() -> &'static Classifier {
        static C: std::sync::OnceLock<Classifier> = std::sync::OnceLock::new();
        C.get_or_init(|| Classifier::builtin().expect("built-in rules and model"))
    }

    #[test]
    fn a_request_quoted_inside_a_warning_is_reported_not_asked() {
        let request = "各位家长，本学期资料费每人268元，请扫下方二维码缴纳，备注学生姓名。";
        assert!(builtin().classify(request).categories.contains(&Category::FeeCollection));
        // Quoted in a warning: neither the rules nor the model flag it.
        let warning = format!("骗子话术一般是这样的：“{request}”看到类似内容一律别理");
        assert!(builtin().classify(&warning).is_clean(), "{:?}", builtin().classify(&warning));
        // Quoted with no warning around it: still a request.
        assert!(!builtin().classify(&format!("“{request}”")).is_clean());
    }

    #[test]
    fn a_recast_category_is_reported_as_the_other_one_only_without_its_unless_sets() {
        let src = PACK
            .replace("[sets.ad]", "[sets.sport]\nterms = [\"篮球\"]\n\n[sets.subject]\nterms = [\"数学\"]\n\n[sets.ad]")
            .replace(
                "[[rules]]\nid = \"fee.test\"",
                "[categories.fee_collection]\npolicy = \"p\"\nrecast = { to = \"commercial_ad\", id = \"ad.recast\", when = [\"sport\"], unless = [\"subject\"] }\n\n[[rules]]\nid = \"fee.test\"",
            );
        let c = Classifier::from_toml(&src).unwrap();
        let v = c.classify("篮球课每人50元转我");
        assert_eq!(v.categories, vec![Category::CommercialAd], "{v:?}");
        assert_eq!(v.matches[0].rule, "ad.recast");
        assert_eq!(v.matches[0].excerpt, "50元转我", "the span stays the rule's");
        for t in ["每人50元转我", "篮球和数学课每人50元转我"] {
            assert_eq!(c.classify(t).categories, vec![Category::FeeCollection], "{t}");
        }
        // A recast to the same category, to an unknown one or without `when` is an error.
        for bad in ["to = \"fee_collection\"", "to = \"nothing\"", "when = []"] {
            let broken = src
                .replace("to = \"commercial_ad\"", bad)
                .replace("when = [\"sport\"], ", if bad.starts_with("when") { "" } else { "when = [\"sport\"], " });
            assert!(Classifier::from_toml(&broken).is_err(), "{bad}");
        }
    }

    #[test]
    fn sports_and_arts_classes_are_ads_and_tutoring_stays_tutoring() {
        for t in [
            "星光舞蹈工作室秋季招生💃 中国舞、拉丁、街舞都有，考级通道，现在报名送舞蹈服一套！",
            "乒乓球暑期集训🏓 区级教练，每天2小时，包接送，报名即送球拍，名额只剩6个",
        ] {
            assert_eq!(builtin().classify(t).categories, vec![Category::CommercialAd], "{t}");
        }
        let t = "篮球+学习双营，上午两小时数学英语课，下午篮球训练，适合三到六年级，14天，报名从速";
        assert_eq!(builtin().classify(t).categories, vec![Category::OffCampusTraining], "{t}");
    }

    #[test]
    fn a_warning_or_a_question_glued_on_after_a_bare_sum_is_a_sentence_of_its_own() {
        // The amount patterns look at the character after the sum (每家补100别…): that character
        // opens the glued-on sentence and does not join the two.
        for t in ["冬至包饺子 材料费每人10", "班费快见底了，下学期每家补100"] {
            assert!(fee(t), "{t}");
            for tail in ["别信陌生人的收款码，谨防诈骗。", "请问大家都看到了吗？", "\n不要相信任何私聊你的陌生人。"]
            {
                assert!(fee(&format!("{t}{tail}")), "{t}{tail}");
            }
        }
    }

    /// Whether the built-in classifier flags `text` as a fee request.
    fn fee(text: &str) -> bool {
        builtin().classify(text).categories.contains(&Category::FeeCollection)
    }

    /// A fee request only the learned layer catches (no rule matches it).
    const LEARNED_FEE: &str = "@陈妈妈 @林爸爸 还差你们两家哦，看到麻烦尽快处理一下，今晚要交上去了";

    #[test]
    fn a_fee_rules_evidence_lies_within_two_sentences() {
        let by_rule = |t: &str| {
            builtin()
                .classify(t)
                .matches
                .iter()
                .any(|m| m.category == Category::FeeCollection && m.source == Source::Rule)
        };
        // Split over two lines, a request keeps its verdict ...
        assert!(by_rule("班费每人200元\n周五前转给我"));
        // ... while a fee word, a transfer and a request three sentences apart are not one request
        // for the rules (the learned layer reads the message as a whole, and may ask to take a look).
        assert!(!by_rule("班费的事大家都清楚了。\n周五要穿校服。\n请大家准时转给我回执。"));
    }

    #[test]
    fn a_request_the_rules_defused_as_reported_is_not_the_models_to_flag() {
        let request = "老师让大家交资料费，每家三百，中午前交齐";
        assert!(fee(request));
        // Retold in a report: the rules defuse it, and the model, which cannot see the report,
        // does not flag the part of the message that holds it.
        let report = format!("小心骗子！昨天有个号在群里说{request}，大家别理。");
        let v = builtin().classify(&report);
        assert!(v.is_clean(), "{v:?}");
        // A warning line after a request only the model catches leaves the request's own part
        // to the model.
        let v = builtin().classify(LEARNED_FEE);
        assert!(v.matches.iter().any(|m| m.category == Category::FeeCollection && m.source == Source::Model), "{v:?}");
        assert!(fee(&format!("{LEARNED_FEE}\n别信陌生人的收款码，谨防诈骗。")));
    }

    #[test]
    fn closed_funds_keep_the_model_from_flagging_their_sentence_only() {
        assert!(fee(LEARNED_FEE));
        // In its own sentence, "settled" says the words are told, not asked ...
        assert!(!fee(&format!("{LEARNED_FEE}，不过上学期的已经结清")));
        // ... in another line it leaves the request alone.
        assert!(fee(&format!("{LEARNED_FEE}\n上学期的账已经结清了。")));
    }

    #[test]
    fn what_collectors_say_around_a_request_does_not_defuse_it() {
        for t in [
            // "Not a scammer, scan away" is what a collector says, not a warning.
            "收款码是我发的，不是骗子哈，大家放心扫，每家五十，今晚截止",
            // A secret kept from the group is not a ban on collecting.
            "班主任下周生日，心意就不在群里说了，私聊我发收款码，每家五十",
            "老师说不方便在群里收，所以大家私聊转我吧，每人四十",
            // An opt-out for some does not cancel the request to the rest.
            "买空调的钱是自愿的，不方便的可以不交，方便的家长还是按每户150转给我",
        ] {
            assert!(fee(t), "{t}: {:?}", builtin().classify(t));
        }
    }

    #[test]
    fn dictated_means_no_punctuation_and_phrases_set_apart_by_spaces() {
        assert!(dictated("各位家长 春游取消了 车费已经原路退回 大家查一下"));
        assert!(dictated("班费 每人50 明天交"));
        // Punctuation, one gap only, or spaces between single characters (evasion) are not.
        assert!(!dictated("各位家长，春游取消了 车费已经原路退回 大家查一下"));
        assert!(!dictated("春游取消了 车费已经原路退回"));
        assert!(!dictated("班 费 每 人 五 十 转 我"));
        assert!(!dictated("Please send 20 each to the class rep by Friday"));
    }

    #[test]
    fn in_a_dictated_message_an_account_of_a_refund_or_a_scam_tells_its_amounts() {
        for t in [
            "跟大伙汇报一下班级那点钱的事 剩的三百一十五 学期末已经平均分给各家退回去了 每家九块 以后也不收了",
            "前几天隔壁学校群里 有人冒充家委会说要给老师买礼物 每家三百 好多人都转了 后来才晓得是骗子 大家注意",
            "跟大家说一声 上次多收的照相费 每家退五块 我已经一个一个转回去了 有没收到的跟我讲",
            "听说要收那个取暖费 每个娃一百 这个是真的么 我在外地打工不清楚",
        ] {
            assert!(builtin().classify(t).is_clean(), "{t}: {:?}", builtin().classify(t));
            // With punctuation the account is a sentence of its own and no longer reaches.
            let punctuated = t.replacen(' ', "。", 1);
            assert!(!dictated(&punctuated));
        }
        // A bare warning glued on does not count, and saying whom to pay voids the account.
        for t in [
            "冒充老师的都是骗子 这学期资料费每人80 在下面接龙",
            "上次多收的已经退回去了 这次班费每人100 周五之前交",
            "学校出的车费 家长不用管 午饭费每人30 带给班主任",
            "被骗的家长赶紧报警 资料费每人50 直接微信转我",
            "钱我都退了 新学期每人两百 老地方交",
            "上次的已经退回去了 这学期每家一百 跟上次一样",
        ] {
            assert!(fee(t), "{t}: {:?}", builtin().classify(t));
        }
    }

    #[test]
    fn refunds_in_cantonese_and_a_neighbours_produce_at_a_price() {
        for t in [
            "旅行因天氣取消，車費已經全數經 FPS 退返俾大家，未收到請私訊我",
            "上學期班費結餘每人退還87元，已於今天匯回各位家長帳戶",
        ] {
            assert!(!fee(t), "{t}: {:?}", builtin().classify(t));
        }
        for t in ["自家腌的咸鸭蛋 两块钱一个 要的讲一声", "我家自己熏的腊肉 四十五一斤 有要的打我电话"]
        {
            let v = builtin().classify(t);
            assert!(v.categories.contains(&Category::CommercialAd), "{t}: {v:?}");
        }
    }

    #[test]
    fn a_warning_sign_ends_the_warning_and_a_school_that_never_collects_is_not_collecting() {
        // ⚠️ (with its variation selector) ends a sentence: the 不要 before it bears on the link.
        assert!(fee("提醒大家不要点陌生人发的链接⚠️咱们的班费每人150元，只转给家委刘妈妈本人"));
        for t in [
            "温馨提示：学校所有收费都经学校平台缴交，班主任唔会喺群收钱，大家小心骗案",
            "老师说学校从来不在群里收钱，那个收款链接大家别点",
            "下周一校外教学集合时间改为7:40，费用已由学校支付",
        ] {
            assert!(builtin().classify(t).is_clean(), "{t}: {:?}", builtin().classify(t));
        }
    }

    #[test]
    fn a_defuser_does_not_reach_into_the_next_line() {
        // Normalisation joins lines: 过时不候⏎收到 must not read as a refusal (不…收).
        let t = "演出服一套79，钱先交给我，周四统一下单，过时不候哈\n收到请回复，谢谢。";
        let v = builtin().classify(t);
        assert!(v.matches.iter().any(|m| m.category == Category::FeeCollection && m.source == Source::Rule), "{v:?}");
    }

    #[test]
    fn a_rule_verdict_stands_only_where_the_model_does_not_read_its_part_as_harmless() {
        // A fee rule reaches its threshold on each of these (带钱 + 请 / 2块钱 + 转), but the
        // learned layer reads the sentences it matched as a caution and a neighbourly repayment.
        for t in [
            "请家长不要给孩子带太多零花钱，带钱容易丢，学校里也没地方花",
            "@王**妈妈 你昨天帮我代收的快递，运费我给你转了哈，2块钱别推了😄",
        ] {
            let (_, _, rules) = builtin().debug(t);
            assert!(
                rules.iter().any(|(id, score, part)| id.starts_with("fee.")
                    && *score >= THRESHOLD
                    && part.is_some_and(|p| p.0 < 0.5)),
                "{t}: {rules:?}"
            );
            assert!(!fee(t), "{t}: {:?}", builtin().classify(t));
        }
        // A request keeps its verdict however much harmless talk surrounds it, in its own
        // sentences or glued on after the match.
        for t in [
            "班费每人100元，周五前转给我",
            "今天降温了，注意给孩子添衣。班费每人100元，周五前转给我。谢谢大家的配合🙏 有问题请私聊我",
            "班费每人100元，周五前转给我谢谢大家的配合今天降温了注意给孩子添衣",
        ] {
            assert!(fee(t), "{t}: {:?}", builtin().classify(t));
        }
    }

    #[test]
    fn a_list_of_forms_is_no_chase_for_money_unless_money_is_named() {
        for t in [
            "安全告知书回执已交名单：1、2、3、5、6……未交的同学明天带来哈，交给组长就行",
            "以下同学的社会实践表还没交：4号、10号、27号。盖好社区章后周五前交给我，谢谢",
        ] {
            assert!(!fee(t), "{t}");
        }
        // Money named anywhere voids the forms: a glued-on 查收回执 or a form beside a chase.
        for t in [
            "3号、15号、26号还没缴，拜托看到处理一下\n转完记得查收回执哈。",
            "以下同学的班费还没交：4号、10号、27号。回执周五前交给我",
            "以下同学的社会实践表还没交：4号、10号、27号，盖好章后和30元资料费一起交给我",
        ] {
            assert!(fee(t), "{t}");
        }
    }

    #[test]
    fn operators_and_report_frames_bear_on_what_follows_them() {
        let request = "班费每人200，周五前转给我";
        for glued in ["不要相信任何私聊你的陌生人。", "别信陌生人的收款码，谨防诈骗。", "😂请问大家都看到了吗？"]
        {
            let v = builtin().classify(&format!("{request}{glued}"));
            assert!(v.matches.iter().any(|m| m.category == Category::FeeCollection && m.source.is_final()), "{glued}");
        }
        // A report of what someone else asks for, with the warning after it, stays clean.
        assert!(builtin().classify("有人冒充老师在群里让大家交班费每人200，大家不要转。").is_clean());
    }

    #[test]
    fn classifier_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Classifier>();
    }

    #[test]
    fn empty_and_odd_inputs_are_clean() {
        let c = c();
        for t in ["", " ", "\u{200b}", "🙂", "\n\n"] {
            assert!(c.classify(t).is_clean());
        }
    }
}

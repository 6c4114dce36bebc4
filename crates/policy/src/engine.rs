//! Matching: runs a compiled rule pack over a normalised message and builds the [`Verdict`].
//!
//! Cost model: one normalisation pass and one Aho-Corasick scan per message; a rule is looked
//! at only when each of its required groups has a literal hit or a set with regex patterns whose
//! gate is open, and those patterns run lazily, once per message and set, only for rules still
//! alive (groups with literal terms are checked before pattern-only groups). Buffers live
//! in a per-thread scratch so that a clean message allocates nothing but its empty verdict.

use std::cell::RefCell;
use std::collections::HashSet;

use super::normalize::{NormScratch, Normalised, Normaliser};
use super::rules::{BUILTIN_RULES, CompiledRule, RuleError, RulePack, TermKind};
use super::{Category, Match, Span, Verdict};

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
}

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
}

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
    /// The classifier with the embedded rule pack (`content/policy/rules.toml`).
    pub fn builtin() -> Result<Classifier, RuleError> {
        Self::from_toml(BUILTIN_RULES)
    }

    /// A classifier with a rule pack given as TOML text.
    pub fn from_toml(src: &str) -> Result<Classifier, RuleError> {
        let norm = Normaliser::builtin();
        let pack = RulePack::compile(src, &norm)?;
        Ok(Classifier { norm, pack })
    }

    /// Classifies one message.
    pub fn classify(&self, text: &str) -> Verdict {
        self.classify_with(text, None)
    }

    /// Classifies one message, dropping matches that the allow-list covers.
    pub fn classify_with(&self, text: &str, allow: Option<&AllowList>) -> Verdict {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let verdict = self.run(text, allow, &mut scratch);
                // One huge message should not pin its buffers to the thread for ever.
                if scratch.out.text.capacity() > MAX_KEPT_SCRATCH {
                    *scratch = Scratch::default();
                }
                verdict
            }
            Err(_) => self.run(text, allow, &mut Scratch::default()),
        })
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

    /// Normalises `text` and records every literal hit, exclude and gate entry in `s`.
    fn spot(&self, text: &str, s: &mut Scratch) {
        let Scratch { ns, out, hits, excl, ready, gate_seen, raw, .. } = s;
        self.norm.normalise_into(text, ns, out);
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

    fn run(&self, text: &str, allow: Option<&AllowList>, s: &mut Scratch) -> Verdict {
        if text.is_empty() {
            return Verdict::default();
        }
        self.spot(text, s);
        let Scratch { out, hits, excl, ready, gate_seen, cand, firsts, raw, .. } = s;
        let mut ctx = Ctx { pack: &self.pack, out, hits, excl, ready, gate_seen };
        for (ri, rule) in self.pack.rules.iter().enumerate() {
            if let Some((bs, be)) = ctx.eval(rule, cand, firsts) {
                raw.push(RawMatch { rule: ri, bs, be });
            }
        }
        if raw.is_empty() {
            return Verdict::default();
        }

        // Stand-down: a rule yields to a category that fired through another rule.
        let fired: u8 = raw.iter().fold(0, |acc, m| acc | 1 << self.pack.rules[m.rule].category as u8);
        raw.retain(|m| !self.pack.rules[m.rule].unless_category.iter().any(|c| fired & (1 << *c as u8) != 0));

        if let Some(allow) = allow.filter(|a| !a.is_empty()) {
            if !allow.fingerprints.is_empty() && allow.fingerprints.contains(&fnv1a(out.text.as_bytes())) {
                return Verdict::default();
            }
            let norm_text = out.text.as_str();
            raw.retain(|m| {
                !allow.phrases.iter().any(|p| {
                    norm_text.match_indices(p.as_str()).any(|(i, _)| i as u32 <= m.bs && (i + p.len()) as u32 >= m.be)
                })
            });
        }

        let mut matches: Vec<Match> = raw
            .iter()
            .map(|m| {
                let rule = &self.pack.rules[m.rule];
                let (start, end) = out.original_range(m.bs as usize, m.be as usize);
                Match {
                    rule: rule.id.clone(),
                    category: rule.category,
                    policy: rule.policy.clone(),
                    span: Span { start, end },
                    excerpt: text[start..end].to_string(),
                }
            })
            .collect();
        matches.sort_by_key(|m| (m.category, m.span.start));
        let mut categories: Vec<Category> = matches.iter().map(|m| m.category).collect();
        categories.dedup();
        Verdict { categories, matches }
    }
}

struct Ctx<'a> {
    pack: &'a RulePack,
    out: &'a Normalised,
    hits: &'a mut Vec<Vec<Hit>>,
    excl: &'a mut Vec<Vec<(u32, u32)>>,
    ready: &'a mut Vec<bool>,
    gate_seen: &'a [u8],
}

impl Ctx<'_> {
    /// Runs the set's patterns (once) and applies its excludes; returns its hits, sorted.
    fn prepare(&mut self, set: usize) -> &[Hit] {
        if !self.ready[set] {
            self.ready[set] = true;
            let open = self.gate_open(set);
            let def = &self.pack.sets[set];
            let hits = &mut self.hits[set];
            let pattern = def.pattern.as_ref().filter(|_| open);
            if let Some(re) = pattern {
                for m in re.find_iter(&self.out.text) {
                    if m.start() == m.end() {
                        continue;
                    }
                    hits.push(Hit {
                        bs: m.start() as u32,
                        be: m.end() as u32,
                        cs: self.out.char_index(m.start()),
                        ce: self.out.char_index(m.end()),
                    });
                }
            }
            if def.has_excludes && !self.excl[set].is_empty() {
                let ex = &self.excl[set];
                hits.retain(|h| !ex.iter().any(|&(s, e)| s < h.be && h.bs < e));
            }
            hits.sort_unstable_by_key(|h| (h.cs, h.ce));
        }
        &self.hits[set]
    }

    fn gate_open(&self, set: usize) -> bool {
        let mask = self.pack.sets[set].gate_mask;
        self.gate_seen[set] & mask == mask
    }

    /// Could this set have hits, judging only from literal hits and open pattern gates?
    fn set_possible(&self, s: usize) -> bool {
        !self.hits[s].is_empty() || (self.pack.sets[s].pattern.is_some() && self.gate_open(s))
    }

    /// Does this group need a regex scan to know whether it has hits?
    fn group_needs_scan(&self, group: &[usize]) -> bool {
        group.iter().all(|&s| self.hits[s].is_empty())
    }

    fn any_hit(&mut self, sets: &[usize]) -> bool {
        sets.iter().any(|&s| !self.prepare(s).is_empty())
    }

    /// Evaluates one rule; returns the normalised byte span of the match.
    fn eval(
        &mut self,
        rule: &CompiledRule,
        cand: &mut Vec<(Hit, usize)>,
        firsts: &mut Vec<Option<Hit>>,
    ) -> Option<(u32, u32)> {
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
        let mut best: Option<(u32, Hit, Hit)> = None; // (length, first, last-ish span)
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
            if covered == groups {
                let len = max_ce - anchor.cs;
                if len <= rule.window && best.is_none_or(|(l, _, _)| len < l) {
                    let span = Hit { bs: anchor.bs, be: max_be, cs: anchor.cs, ce: max_ce };
                    best = Some((len, span, span));
                }
            }
        }
        let (_, span, _) = best?;
        if self.any_hit(&rule.unless) {
            return None;
        }
        if !rule.unless_near.is_empty() {
            let lo = span.cs.saturating_sub(rule.near);
            let hi = span.ce + rule.near;
            for &s in &rule.unless_near {
                if self.prepare(s).iter().any(|h| h.ce >= lo && h.cs <= hi) {
                    return None;
                }
            }
        }
        Some((span.bs, span.be))
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
unless = ["warn"]
unless_near = ["neg"]
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
    fn unless_defuses_anywhere_and_excludes_apply() {
        assert!(c().classify("骗子说50元转我").is_clean());
        // "骗子们" is excluded from the warn set, so it no longer defuses.
        assert!(!c().classify("骗子们说50元转我").is_clean());
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

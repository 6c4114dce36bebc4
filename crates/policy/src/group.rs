//! Learning per group from its moderators, as tg-spam learns from its admins.
//!
//! When a moderator presses "delete" or "not a violation" on a flag card, the bot keeps a
//! [`GroupSample`]: the category, the decision, and the message's character 2- and 3-grams hashed
//! into 2^20 buckets (sorted, deduplicated). No text is kept: a bucket stands for many possible
//! n-grams, and the sample cannot be read back into the message. A group's samples make its
//! [`GroupMemory`].
//!
//! When the group's next message comes, each sample that is close to it (Jaccard similarity of the
//! bucket sets at least [`MIN_SIMILARITY`]) shifts the score of the sample's category by
//! [`SAMPLE_WEIGHT`] × similarity: down for "not a violation", up for "delete". A rule verdict
//! (score 1) therefore survives one "not a violation" on a close variant and falls below the
//! threshold after two; a message close to one the moderators deleted gets a "please take a look"
//! flag even when no rule or model flags it. Other groups have their own memories and are not
//! touched.

use crate::Category;
use crate::model::CATEGORIES;

/// Buckets of the sample n-grams are `0..2^SAMPLE_BITS`.
pub const SAMPLE_BITS: u32 = 20;
/// Samples less similar than this do not count.
pub const MIN_SIMILARITY: f32 = 0.4;
/// How much a sample moves its category's score, at similarity 1.
pub const SAMPLE_WEIGHT: f32 = 0.4;
/// Most samples a group keeps (the oldest go first).
pub const MAX_SAMPLES: usize = 200;

/// One moderator decision, without the text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GroupSample {
    pub category: Category,
    /// `true` for "not a violation", `false` for "delete".
    pub fine: bool,
    /// Sorted, deduplicated n-gram buckets.
    pub grams: Vec<u32>,
}

/// A group's samples.
#[derive(Clone, Debug, Default)]
pub struct GroupMemory {
    samples: Vec<GroupSample>,
}

/// Jaccard similarity of two sorted, deduplicated lists.
pub fn similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f32 / (a.len() + b.len() - both) as f32
}

impl GroupMemory {
    /// A memory from stored samples (the newest [`MAX_SAMPLES`] are used).
    pub fn new(mut samples: Vec<GroupSample>) -> GroupMemory {
        if samples.len() > MAX_SAMPLES {
            samples.drain(..samples.len() - MAX_SAMPLES);
        }
        GroupMemory { samples }
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// Whether any sample says "delete" (only then can the memory flag a clean message).
    pub fn has_violations(&self) -> bool {
        self.samples.iter().any(|s| !s.fine)
    }

    /// The score shift of every category for a message with these n-gram buckets.
    pub fn shift(&self, grams: &[u32]) -> [f32; CATEGORIES] {
        let mut out = [0f32; CATEGORIES];
        for s in &self.samples {
            let sim = similarity(grams, &s.grams);
            if sim >= MIN_SIMILARITY {
                let c = s.category as usize;
                out[c] += if s.fine { -SAMPLE_WEIGHT * sim } else { SAMPLE_WEIGHT * sim };
            }
        }
        out.map(|v| v.clamp(-1.0, 1.0))
    }
}

/// The sorted, deduplicated n-gram buckets of a normalised text.
pub(crate) fn sample_grams(normalised: &str) -> Vec<u32> {
    let mut out = Vec::new();
    crate::model::for_each_ngram(normalised, SAMPLE_BITS, |b, s, e| {
        if e - s >= 2 {
            out.push(b);
        }
    });
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_jaccard() {
        assert_eq!(similarity(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(similarity(&[1, 2], &[3, 4]), 0.0);
        assert!((similarity(&[1, 2, 3, 4], &[3, 4, 5, 6]) - 2.0 / 6.0).abs() < 1e-6);
        assert_eq!(similarity(&[], &[1]), 0.0);
    }

    #[test]
    fn close_samples_shift_their_category() {
        let grams = sample_grams("春游门票每人120元请转给王妈妈");
        let close = sample_grams("春游门票每人150元请转给王妈妈");
        let far = sample_grams("明天下午三点开家长会");
        let memory = GroupMemory::new(vec![
            GroupSample { category: Category::FeeCollection, fine: true, grams: close.clone() },
            GroupSample { category: Category::CommercialAd, fine: false, grams: far },
        ]);
        let shift = memory.shift(&grams);
        assert!(shift[0] < -0.2, "{shift:?}");
        assert_eq!(shift[4], 0.0, "a far sample does not count");
        assert!(memory.has_violations());
        // The oldest samples go first.
        let many = (0..MAX_SAMPLES + 5)
            .map(|i| GroupSample { category: Category::CommercialAd, fine: i >= 5, grams: vec![i as u32] })
            .collect();
        assert!(!GroupMemory::new(many).has_violations());
    }
}

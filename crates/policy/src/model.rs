//! The learned layer: a linear model (one logistic regression per category) over hashed character
//! 1–3-grams of the normalised text and the structural features of the rule pack (which term sets
//! and detectors have hits). It exists for recall on wording no rule anticipates; a verdict that
//! only the model gives is a "please take a look" for moderators, never a final one.
//!
//! The weights are trained offline (`jiaxiao policy train`, see [`crate::train`]) and shipped as
//! `content/policy/model.bin`, embedded in the binary. Features are computed by the same code for
//! training and for classifying, so the two cannot drift apart.
//!
//! # Features
//!
//! The normalised text (Simplified, lower case, digits as ASCII) with every digit read as `0` and
//! runs of white space as one space; for every character, its 1-, 2- and 3-gram ending there,
//! hashed into `2^bits` buckets. Each occurrence counts `1/√n` (n = number of n-grams), so long
//! and short messages weigh alike. Structural features (`set:amount`, `set:roster`…) count 1.
//!
//! # File format (little-endian)
//!
//! ```text
//! "JXMODEL2"  u32 bits  u32 categories (5)  u32 structural count, then each: u16 length + UTF-8 name
//! f32 bias[5]  f32 threshold[5]  f32 scale[5]  u8 windowed[5] (1: best of the windows, 0: whole)
//! f32 structural weight[count][5]
//! u32 entries, then each: u32 bucket, i8 quantised weight[5] (weight = q × scale)
//! u64 FNV-1a of everything before it
//! ```

use crate::Category;

/// Categories the model scores, in file order.
pub const CATEGORIES: usize = 5;

const MAGIC: &[u8; 8] = b"JXMODEL2";

/// The model shipped with the engine.
pub const BUILTIN_MODEL: &[u8] = include_bytes!("../../../content/policy/model.bin");

/// What is wrong with a weights file.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("model file: {0}")]
pub struct ModelError(pub String);

/// Hashes one n-gram (given as up to three chars, oldest first) to a bucket.
#[inline]
pub(crate) fn ngram_bucket(order: u64, chars: &[u32], mask: u64) -> u32 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15 ^ order.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    for &c in chars {
        h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01B3);
        h ^= h >> 29;
    }
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 31;
    (h & mask) as u32
}

/// The character the n-grams see for a normalised character.
#[inline]
fn feature_char(c: char) -> u32 {
    if c.is_ascii_digit() {
        '0' as u32
    } else if c.is_whitespace() {
        ' ' as u32
    } else {
        c as u32
    }
}

/// Calls `f(bucket, char_start, char_end)` for every n-gram of `text` (normalised), with char
/// offsets into `text`. Returns the number of n-grams.
pub(crate) fn for_each_ngram(text: &str, bits: u32, mut f: impl FnMut(u32, u32, u32)) -> u32 {
    let mask = (1u64 << bits) - 1;
    let mut window = [0u32; 3];
    let mut starts = [0u32; 3];
    let mut filled = 0usize;
    let mut n = 0;
    let mut prev_space = true;
    for (ci, c) in text.chars().enumerate() {
        let fc = feature_char(c);
        if fc == ' ' as u32 {
            if prev_space {
                continue;
            }
            prev_space = true;
        } else {
            prev_space = false;
        }
        window = [window[1], window[2], fc];
        starts = [starts[1], starts[2], ci as u32];
        filled = (filled + 1).min(3);
        let end = ci as u32 + 1;
        for order in 1..=filled {
            let grams = &window[3 - order..];
            if order == 1 && grams[0] == ' ' as u32 {
                continue;
            }
            f(ngram_bucket(order as u64, grams, mask), starts[3 - order], end);
            n += 1;
        }
    }
    n
}

/// A loaded model, ready to score.
#[derive(Clone, Debug)]
pub struct Model {
    pub(crate) bits: u32,
    pub(crate) bias: [f32; CATEGORIES],
    pub(crate) threshold: [f32; CATEGORIES],
    pub(crate) scale: [f32; CATEGORIES],
    /// Per category: scored as the best of the message's windows (else the whole message).
    pub(crate) windowed: [bool; CATEGORIES],
    /// Structural feature names and their weights.
    pub(crate) structural: Vec<(String, [f32; CATEGORIES])>,
    /// Quantised n-gram weights, one 8-byte row per bucket (5 used).
    pub(crate) table: Vec<[i8; 8]>,
}

/// The float weights a trainer produces, before quantisation.
#[derive(Clone, Debug)]
pub struct Weights {
    pub bits: u32,
    pub bias: [f32; CATEGORIES],
    pub threshold: [f32; CATEGORIES],
    pub windowed: [bool; CATEGORIES],
    pub structural: Vec<(String, [f32; CATEGORIES])>,
    /// Dense n-gram weights, `2^bits` rows.
    pub ngrams: Vec<[f32; CATEGORIES]>,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Weights {
    /// Quantises and serialises the weights (see the module's file format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut scale = [0f32; CATEGORIES];
        for row in &self.ngrams {
            for c in 0..CATEGORIES {
                scale[c] = scale[c].max(row[c].abs());
            }
        }
        for s in &mut scale {
            *s = if *s > 0.0 { *s / 127.0 } else { 1.0 };
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(CATEGORIES as u32).to_le_bytes());
        out.extend_from_slice(&(self.structural.len() as u32).to_le_bytes());
        for (name, _) in &self.structural {
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(name.as_bytes());
        }
        for arr in [&self.bias, &self.threshold, &scale] {
            for v in arr.iter() {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend(self.windowed.iter().map(|&w| w as u8));
        for (_, w) in &self.structural {
            for v in w {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let mut entries = Vec::new();
        for (bucket, row) in self.ngrams.iter().enumerate() {
            let q: [i8; CATEGORIES] = std::array::from_fn(|c| (row[c] / scale[c]).round().clamp(-127.0, 127.0) as i8);
            if q.iter().any(|&v| v != 0) {
                entries.push((bucket as u32, q));
            }
        }
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (bucket, q) in entries {
            out.extend_from_slice(&bucket.to_le_bytes());
            out.extend(q.iter().map(|&v| v as u8));
        }
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| ModelError(format!("truncated at byte {}", self.at)))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        let v = f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        if v.is_finite() { Ok(v) } else { Err(ModelError(format!("not a finite number at byte {}", self.at - 4))) }
    }
    fn f32s(&mut self) -> Result<[f32; CATEGORIES], ModelError> {
        let mut a = [0f32; CATEGORIES];
        for v in &mut a {
            *v = self.f32()?;
        }
        Ok(a)
    }
}

impl Model {
    /// Reads a weights file, checking its shape and checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < MAGIC.len() + 8 || &bytes[..8] != MAGIC {
            return Err(ModelError("not a Jiaxiao model (bad magic)".into()));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if fnv1a(body) != u64::from_le_bytes(sum.try_into().expect("8 bytes")) {
            return Err(ModelError("checksum mismatch (file damaged)".into()));
        }
        let mut r = Reader { bytes: body, at: 8 };
        let bits = r.u32()?;
        if !(10..=22).contains(&bits) {
            return Err(ModelError(format!("bucket bits {bits} out of range 10..=22")));
        }
        if r.u32()? as usize != CATEGORIES {
            return Err(ModelError("wrong number of categories".into()));
        }
        let count = r.u32()? as usize;
        if count > 10_000 {
            return Err(ModelError("too many structural features".into()));
        }
        let mut names = Vec::with_capacity(count);
        for _ in 0..count {
            let len = u16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes")) as usize;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError("feature name not UTF-8".into()))?;
            names.push(name.to_string());
        }
        let bias = r.f32s()?;
        let threshold = r.f32s()?;
        let scale = r.f32s()?;
        let flags = r.take(CATEGORIES)?;
        if flags.iter().any(|&b| b > 1) {
            return Err(ModelError("bad scoring flags".into()));
        }
        let windowed: [bool; CATEGORIES] = std::array::from_fn(|c| flags[c] == 1);
        let mut structural = Vec::with_capacity(count);
        for name in names {
            structural.push((name, r.f32s()?));
        }
        let entries = r.u32()? as usize;
        let size = 1usize << bits;
        if entries > size {
            return Err(ModelError("more entries than buckets".into()));
        }
        let mut table = vec![[0i8; 8]; size];
        for _ in 0..entries {
            let bucket = r.u32()? as usize;
            let q = r.take(CATEGORIES)?;
            let row = table.get_mut(bucket).ok_or_else(|| ModelError(format!("bucket {bucket} out of range")))?;
            for c in 0..CATEGORIES {
                row[c] = q[c] as i8;
            }
        }
        if r.at != body.len() {
            return Err(ModelError("trailing bytes".into()));
        }
        Ok(Model { bits, bias, threshold, scale, windowed, structural, table })
    }

    /// The category thresholds (probabilities) above which the model alone flags.
    pub fn thresholds(&self) -> [f32; CATEGORIES] {
        self.threshold
    }

    /// Sums the n-gram evidence of `text` (normalised) into log-odds per category, without the
    /// bias and structural features. Returns the sums and the number of n-grams.
    #[inline]
    pub(crate) fn ngram_logits(&self, text: &str) -> ([f32; CATEGORIES], u32) {
        let table = &self.table;
        let mut acc = [0i32; 8];
        let n = for_each_ngram(text, self.bits, |b, _, _| {
            let row = &table[b as usize];
            for c in 0..8 {
                acc[c] += row[c] as i32;
            }
        });
        let norm = if n > 0 { 1.0 / (n as f32).sqrt() } else { 0.0 };
        (std::array::from_fn(|c| acc[c] as f32 * self.scale[c] * norm), n)
    }

    /// The contribution of every n-gram of `text` to category `c`: (char start, char end, weight).
    pub(crate) fn ngram_contributions(&self, text: &str, c: usize) -> Vec<(u32, u32, f32)> {
        let mut raw = Vec::new();
        let n = for_each_ngram(text, self.bits, |b, s, e| raw.push((s, e, self.table[b as usize][c] as f32)));
        let k = if n > 0 { self.scale[c] / (n as f32).sqrt() } else { 0.0 };
        raw.into_iter().map(|(s, e, q)| (s, e, q * k)).collect()
    }
}

/// The logistic function.
#[inline]
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Category of index `i` in model order.
pub fn category(i: usize) -> Category {
    Category::ALL[i]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        let bits = 10;
        let mut ngrams = vec![[0f32; CATEGORIES]; 1 << bits];
        ngrams[3] = [1.0, -0.5, 0.0, 0.25, 2.0];
        ngrams[1000] = [-2.0, 0.0, 0.0, 0.0, 0.0];
        Weights {
            bits,
            bias: [-1.0, -2.0, -3.0, -4.0, -5.0],
            threshold: [0.5, 0.6, 0.7, 0.8, 0.9],
            windowed: [true, false, false, true, false],
            structural: vec![("set:amount".into(), [1.5, 0.0, 0.0, 0.0, 0.0])],
            ngrams,
        }
    }

    #[test]
    fn round_trips_through_bytes() {
        let w = sample();
        let m = Model::from_bytes(&w.to_bytes()).unwrap();
        assert_eq!(m.bits, 10);
        assert_eq!(m.bias, w.bias);
        assert_eq!(m.threshold, w.threshold);
        assert_eq!(m.windowed, w.windowed);
        assert_eq!(m.structural, w.structural);
        // Quantised to within one step.
        for c in 0..CATEGORIES {
            assert!((m.table[3][c] as f32 * m.scale[c] - w.ngrams[3][c]).abs() <= m.scale[c]);
        }
        assert_eq!(m.table[1000][0], -127);
    }

    #[test]
    fn damaged_files_are_refused_with_a_reason() {
        let bytes = sample().to_bytes();
        assert!(Model::from_bytes(b"nope").unwrap_err().0.contains("magic"));
        let mut bad = bytes.clone();
        bad[20] ^= 1;
        assert!(Model::from_bytes(&bad).unwrap_err().0.contains("checksum"));
        let cut = &bytes[..bytes.len() - 20];
        assert!(Model::from_bytes(cut).is_err());
    }

    #[test]
    fn ngrams_cover_each_char_up_to_three() {
        let mut spans = Vec::new();
        let n = for_each_ngram("ab  c1", 16, |_, s, e| spans.push((s, e)));
        // a, b, ab, ' ', b' ', ab' ' (one space kept, unigram space skipped), c, ' 'c, b' 'c, 0, c0, ' 'c0
        assert_eq!(n as usize, spans.len());
        assert!(spans.contains(&(0, 2)) && spans.contains(&(0, 1)));
        // Digits hash alike.
        let mut a = Vec::new();
        let mut b = Vec::new();
        for_each_ngram("每人200元", 16, |h, _, _| a.push(h));
        for_each_ngram("每人350元", 16, |h, _, _| b.push(h));
        assert_eq!(a, b);
    }
}

//! The model file: a small binary format, read without trusting it.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "QARINNER"
//! 8       2     format version (3), little-endian
//! 10      2     feature-template version (must equal features::FEATURES_VERSION)
//! 12      1     hash bits b (the feature table has 2^b buckets), 8..=26
//! 13      1     number of tags (9)
//! 14      1     flags: 1 = two passes with document evidence, 0 = one pass
//! 15      1     document window for CoNLL input, in sentences each side (0 if one pass)
//! 16      198   transitions, i16 little-endian: 9 from the start, 9×9 prev→cur, 9 to the end
//! 214     4     r: number of rows (feature buckets with at least one non-zero weight)
//! 218     4     m: length of the coded rows
//! 222     m     the rows, in increasing bucket order, range-coded ([`super::range_coder`])
//!         4     FNV-1a 32-bit checksum of every byte before it
//! ```
//!
//! Each row is coded as three fields, each with its own adaptive contexts:
//!
//! - the gap g ≥ 1 from the previous row's bucket (the first from −1), Elias-gamma style: its
//!   bit length L in unary (1 bits, then a 0 unless L is the longest possible), then its L − 1
//!   bits below the leading one, most significant first; contexts by L and bit position;
//! - its tag mask (bit t set: the row has a weight for tag t; never empty), bit 0 first, each
//!   bit in the context of the bits before it (a binary tree of 511 contexts);
//! - for each tag of the mask in order, its weight w (an i8, never 0): the sign (1 = negative),
//!   then |w| − 1 in seven bits, most significant first, in a binary tree of contexts per tag
//!   (+128 cannot be stored).
//!
//! The feature buckets are hash values, so the gaps are close to geometric; the masks and
//! weights have a few frequent values. Coded this way the model is about 14 % smaller than the
//! same fields stored as bytes and gzipped (as the web server sends the app). Loading checks
//! every field, bound and the checksum, and returns a [`ModelError`] instead of panicking.

use super::decode::Transitions;
use super::features::FEATURES_VERSION;
use super::range_coder::{Decoder, Encoder, Prob};
use super::tags::N_TAGS;

const MAGIC: &[u8; 8] = b"QARINNER";
const FORMAT_VERSION: u16 = 3;
const HEADER: usize = 16 + 2 * (N_TAGS + N_TAGS * N_TAGS + N_TAGS) + 8;
/// Longest gap, in bits: a bucket is below 2^26.
const MAX_GAP_BITS: usize = 27;

/// A compact, quantised model as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub hash_bits: u8,
    /// Two passes with document evidence ([`super::doc`]); for CoNLL input, a sentence's document
    /// is this many sentences on each side.
    pub doc_window: Option<u8>,
    pub trans: Transitions<i16>,
    /// (bucket × N_TAGS + tag, weight): keys strictly increasing, weights non-zero.
    pub weights: Vec<(u32, i8)>,
}

/// Why a model could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    TooShort,
    BadMagic,
    UnsupportedVersion(u16),
    /// The model was trained with other feature templates: retrain it.
    FeatureVersion { model: u16, code: u16 },
    BadHeader(&'static str),
    BadKeys(&'static str),
    TrailingBytes,
    Checksum,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::TooShort => write!(f, "model file is truncated"),
            ModelError::BadMagic => write!(f, "not a Qarin tagger model (bad magic)"),
            ModelError::UnsupportedVersion(v) => write!(f, "unsupported model format version {v}"),
            ModelError::FeatureVersion { model, code } => {
                write!(f, "model uses feature templates v{model}, this build has v{code}: retrain it (`qarin train`)")
            }
            ModelError::BadHeader(m) => write!(f, "bad model header: {m}"),
            ModelError::BadKeys(m) => write!(f, "bad model weights: {m}"),
            ModelError::TrailingBytes => write!(f, "model file has trailing bytes"),
            ModelError::Checksum => write!(f, "model checksum mismatch (corrupt file)"),
        }
    }
}

impl std::error::Error for ModelError {}

use crate::lexicon::table::fnv1a as fnv32;

/// The adaptive contexts of the row fields (see the module documentation).
struct Contexts {
    gap_len: [Prob; MAX_GAP_BITS + 1],
    gap_bits: [[Prob; MAX_GAP_BITS]; MAX_GAP_BITS + 1],
    mask: [Prob; 1 << N_TAGS],
    sign: [Prob; N_TAGS],
    magnitude: [[Prob; 128]; N_TAGS],
}

impl Contexts {
    fn new() -> Box<Contexts> {
        Box::new(Contexts {
            gap_len: [Prob::default(); MAX_GAP_BITS + 1],
            gap_bits: [[Prob::default(); MAX_GAP_BITS]; MAX_GAP_BITS + 1],
            mask: [Prob::default(); 1 << N_TAGS],
            sign: [Prob::default(); N_TAGS],
            magnitude: [[Prob::default(); 128]; N_TAGS],
        })
    }

    /// Code a row (`weights` are i8 values; an i16 only so that tests can write a bad one).
    fn put_row(&mut self, e: &mut Encoder, gap: u32, mask: u16, weights: &[i16]) {
        let len = (32 - gap.leading_zeros()) as usize;
        for l in 1..len {
            e.bit(&mut self.gap_len[l], true);
        }
        if len < MAX_GAP_BITS {
            e.bit(&mut self.gap_len[len], false);
        }
        for i in (0..len - 1).rev() {
            e.bit(&mut self.gap_bits[len][i], gap >> i & 1 == 1);
        }
        let mut node = 1;
        for t in 0..N_TAGS {
            let bit = mask >> t & 1 == 1;
            e.bit(&mut self.mask[node], bit);
            node = node * 2 + bit as usize;
        }
        let tags = (0..N_TAGS).filter(|t| mask >> t & 1 == 1);
        for (t, &w) in tags.zip(weights) {
            e.bit(&mut self.sign[t], w < 0);
            let a = w.unsigned_abs().wrapping_sub(1);
            let mut node = 1;
            for i in (0..7).rev() {
                let bit = a >> i & 1 == 1;
                e.bit(&mut self.magnitude[t][node], bit);
                node = node * 2 + bit as usize;
            }
        }
    }

    /// A row's gap, mask, and its weights appended to `weights`.
    fn get_row(&mut self, d: &mut Decoder, weights: &mut Vec<i8>) -> Result<(u32, u16), ModelError> {
        let mut len = 1;
        while len < MAX_GAP_BITS && d.bit(&mut self.gap_len[len]) {
            len += 1;
        }
        let mut gap: u32 = 1;
        for i in (0..len - 1).rev() {
            gap = gap << 1 | d.bit(&mut self.gap_bits[len][i]) as u32;
        }
        let (mut node, mut mask) = (1, 0u16);
        for t in 0..N_TAGS {
            let bit = d.bit(&mut self.mask[node]);
            node = node * 2 + bit as usize;
            mask |= (bit as u16) << t;
        }
        if mask == 0 {
            return Err(ModelError::BadKeys("a row without weights"));
        }
        for t in (0..N_TAGS).filter(|t| mask >> t & 1 == 1) {
            let negative = d.bit(&mut self.sign[t]);
            let mut node = 1;
            for _ in 0..7 {
                node = node * 2 + d.bit(&mut self.magnitude[t][node]) as usize;
            }
            let a = (node - 128) as i16 + 1;
            let w = if negative { -a } else { a };
            weights.push(i8::try_from(w).map_err(|_| ModelError::BadKeys("weight out of range"))?);
        }
        Ok((gap, mask))
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::TooShort)?;
        let s = self.b.get(self.pos..end).ok_or(ModelError::TooShort)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(self.u16()? as i16)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

impl Model {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.weights.len() * 3 + 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURES_VERSION.to_le_bytes());
        out.push(self.hash_bits);
        out.push(N_TAGS as u8);
        match self.doc_window {
            Some(w) => out.extend_from_slice(&[1, w]),
            None => out.extend_from_slice(&[0, 0]),
        }
        let t = &self.trans;
        for v in t.start.iter().chain(t.pair.iter().flatten()).chain(t.end.iter()) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        // Rows: (bucket, mask, first weight), in key order.
        let mut rows: Vec<(u32, u16, usize)> = Vec::new();
        for (i, &(k, _)) in self.weights.iter().enumerate() {
            let (bucket, tag) = (k / N_TAGS as u32, k % N_TAGS as u32);
            match rows.last_mut() {
                Some((b, m, _)) if *b == bucket => *m |= 1 << tag,
                _ => rows.push((bucket, 1 << tag, i)),
            }
        }
        let mut ctx = Contexts::new();
        let mut e = Encoder::default();
        let mut prev: i64 = -1;
        for (r, &(bucket, mask, first)) in rows.iter().enumerate() {
            let end = rows.get(r + 1).map_or(self.weights.len(), |x| x.2);
            let ws: Vec<i16> = self.weights[first..end].iter().map(|&(_, w)| w as i16).collect();
            ctx.put_row(&mut e, (bucket as i64 - prev) as u32, mask, &ws);
            prev = bucket as i64;
        }
        let coded = e.finish();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        out.extend_from_slice(&(coded.len() as u32).to_le_bytes());
        out.extend_from_slice(&coded);
        let sum = fnv32(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        if b.len() < HEADER + 4 {
            return Err(if b.len() >= 8 && &b[..8] != MAGIC { ModelError::BadMagic } else { ModelError::TooShort });
        }
        // The checksum is not part of what the fields are read from.
        let mut r = Reader { b: &b[..b.len() - 4], pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u16()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::UnsupportedVersion(version));
        }
        let fv = r.u16()?;
        if fv != FEATURES_VERSION {
            return Err(ModelError::FeatureVersion { model: fv, code: FEATURES_VERSION });
        }
        let (stored, body) = b.split_at(b.len() - 4);
        if fnv32(stored) != u32::from_le_bytes([body[0], body[1], body[2], body[3]]) {
            return Err(ModelError::Checksum);
        }
        let hash_bits = r.u8()?;
        if !(8..=26).contains(&hash_bits) {
            return Err(ModelError::BadHeader("hash bits out of range"));
        }
        if r.u8()? as usize != N_TAGS {
            return Err(ModelError::BadHeader("wrong number of tags"));
        }
        let doc_window = match (r.u8()?, r.u8()?) {
            (0, 0) => None,
            (1, w) => Some(w),
            _ => return Err(ModelError::BadHeader("bad flags")),
        };
        let mut trans = Transitions::<i16>::default();
        for v in trans.start.iter_mut().chain(trans.pair.iter_mut().flatten()).chain(trans.end.iter_mut()) {
            *v = r.i16()?;
        }
        let rows = r.u32()? as usize;
        let m = r.u32()? as usize;
        let coded = r.take(m)?;
        // A row is at least 18 coded bits, each at least 0.02 bits long.
        if rows > coded.len().saturating_mul(32) {
            return Err(ModelError::BadKeys("more rows than the coded bytes can hold"));
        }
        let buckets: u64 = 1u64 << hash_bits;
        let mut ctx = Contexts::new();
        let mut d = Decoder::new(coded);
        let mut weights = Vec::new();
        let mut ws = Vec::new();
        let mut prev: i64 = -1;
        for _ in 0..rows {
            ws.clear();
            let (gap, mask) = ctx.get_row(&mut d, &mut ws)?;
            if d.overrun() {
                return Err(ModelError::TooShort);
            }
            let bucket = prev + gap as i64;
            if bucket as u64 >= buckets {
                return Err(ModelError::BadKeys("bucket outside the feature table"));
            }
            let tags = (0..N_TAGS as u32).filter(|t| mask >> t & 1 == 1);
            weights.extend(tags.zip(&ws).map(|(t, &w)| (bucket as u32 * N_TAGS as u32 + t, w)));
            prev = bucket;
        }
        if !d.finished() {
            return Err(ModelError::BadKeys("coded rows do not end where they should"));
        }
        if r.pos != b.len() - 4 {
            return Err(ModelError::TrailingBytes);
        }
        Ok(Model { hash_bits, doc_window, trans, weights })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let mut trans = Transitions::<i16>::default();
        trans.pair[0][1] = -300;
        trans.end[3] = 7;
        Model { hash_bits: 12, doc_window: Some(3), trans, weights: vec![(0, 5), (1, -1), (200, 127), (36863, -128)] }
    }

    #[test]
    fn round_trips() {
        let m = sample();
        assert_eq!(Model::from_bytes(&m.to_bytes()), Ok(m));
    }

    #[test]
    fn every_corruption_is_an_error_not_a_panic() {
        let bytes = sample().to_bytes();
        assert_eq!(Model::from_bytes(&[]), Err(ModelError::TooShort));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        for i in 0..bytes.len() {
            for bit in [0x01u8, 0x80] {
                let mut c = bytes.clone();
                c[i] ^= bit;
                assert!(Model::from_bytes(&c).is_err(), "flipping byte {i} went unnoticed");
            }
        }
        for n in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..n]).is_err());
        }
        let mut long = bytes.clone();
        long.push(0);
        assert!(Model::from_bytes(&long).is_err());
    }

    /// A file whose header says `declared` rows, with `rows` (gap, mask, weights) coded, then
    /// `extra` bytes, and a valid checksum: what a crafted file could hold.
    fn craft(declared: u32, rows: &[(u32, u16, &[i16])], extra: &[u8]) -> Vec<u8> {
        let mut b = sample().to_bytes();
        b.truncate(HEADER - 8);
        let mut ctx = Contexts::new();
        let mut e = Encoder::default();
        for &(gap, mask, ws) in rows {
            ctx.put_row(&mut e, gap, mask, ws);
        }
        let mut coded = e.finish();
        coded.extend_from_slice(extra);
        b.extend_from_slice(&declared.to_le_bytes());
        b.extend_from_slice(&(coded.len() as u32).to_le_bytes());
        b.extend_from_slice(&coded);
        let sum = fnv32(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    #[test]
    fn bad_rows_with_a_valid_checksum_are_errors() {
        let good: [(u32, u16, &[i16]); 3] = [(1, 0b11, &[5, -1]), (22, 0b100, &[127]), (4073, 1 << 8, &[-128])];
        assert_eq!(craft(3, &good, &[]), sample().to_bytes());
        assert_eq!(Model::from_bytes(&craft(3, &good, &[])), Ok(sample()));
        let err = |declared, rows: &[(u32, u16, &[i16])], extra: &[u8]| Model::from_bytes(&craft(declared, rows, extra)).unwrap_err();
        assert_eq!(err(1, &[(1, 0, &[])], &[]), ModelError::BadKeys("a row without weights"));
        assert_eq!(err(1, &[(4097, 1, &[3])], &[]), ModelError::BadKeys("bucket outside the feature table"));
        assert_eq!(err(2, &[(1, 1, &[3]), (4096, 1, &[3])], &[]), ModelError::BadKeys("bucket outside the feature table"));
        assert_eq!(err(1, &[(1, 1, &[128])], &[]), ModelError::BadKeys("weight out of range"));
        assert_eq!(err(2, &good, &[]), ModelError::BadKeys("coded rows do not end where they should"));
        assert_eq!(err(3, &good, &[0]), ModelError::BadKeys("coded rows do not end where they should"));
        assert!(matches!(err(4, &good, &[]), ModelError::TooShort | ModelError::BadKeys(_)));
        assert_eq!(err(1000, &good, &[]), ModelError::BadKeys("more rows than the coded bytes can hold"));
    }
}

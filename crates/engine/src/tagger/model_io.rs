//! The model file: a small binary format, read without trusting it.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "QARINNER"
//! 8       2     format version (1), little-endian
//! 10      2     feature-template version (must equal features::FEATURES_VERSION)
//! 12      1     hash bits b (the feature table has 2^b buckets), 8..=26
//! 13      1     number of tags (9)
//! 14      1     flags: 1 = two passes with document evidence, 0 = one pass
//! 15      1     document window for CoNLL input, in sentences each side (0 if one pass)
//! 16      198   transitions, i16 little-endian: 9 from the start, 9×9 prev→cur, 9 to the end
//! 214     4     n: number of non-zero weights
//!         …     n keys (key = bucket × 9 + tag), strictly increasing, each written as the gap
//!               from the previous key + 1 (the first from −1), LEB128 varint
//!         n     n weights, i8 (never 0), in key order
//!         4     FNV-1a 32-bit checksum of every byte before it
//! ```
//!
//! Keys and weights are in two separate runs so that gzip sees like with like. Loading checks
//! every field, bound and the checksum, and returns a [`ModelError`] instead of panicking.

use super::decode::Transitions;
use super::features::FEATURES_VERSION;
use super::tags::N_TAGS;

const MAGIC: &[u8; 8] = b"QARINNER";
const FORMAT_VERSION: u16 = 1;
const HEADER: usize = 16 + 2 * (N_TAGS + N_TAGS * N_TAGS + N_TAGS) + 4;

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
    ZeroWeight,
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
            ModelError::ZeroWeight => write!(f, "bad model weights: a stored weight is zero"),
            ModelError::TrailingBytes => write!(f, "model file has trailing bytes"),
            ModelError::Checksum => write!(f, "model checksum mismatch (corrupt file)"),
        }
    }
}

impl std::error::Error for ModelError {}

fn fnv32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
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
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| ModelError::BadKeys("key gap overflows"));
            }
        }
        Err(ModelError::BadKeys("varint longer than 5 bytes"))
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
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        let mut prev: i64 = -1;
        for &(k, _) in &self.weights {
            put_varint(&mut out, (k as i64 - prev - 1) as u32);
            prev = k as i64;
        }
        out.extend(self.weights.iter().map(|&(_, w)| w as u8));
        let sum = fnv32(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        if b.len() < HEADER + 4 {
            return Err(if b.len() >= 8 && &b[..8] != MAGIC { ModelError::BadMagic } else { ModelError::TooShort });
        }
        let mut r = Reader { b, pos: 0 };
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
        let n = r.u32()? as usize;
        // Every entry takes at least two bytes (one for its key gap, one for its weight).
        if n > (b.len() - 4 - r.pos) / 2 {
            return Err(ModelError::TooShort);
        }
        let limit: u64 = (1u64 << hash_bits) * N_TAGS as u64;
        let mut keys = Vec::with_capacity(n);
        let mut prev: i64 = -1;
        for _ in 0..n {
            let key = prev + 1 + r.varint()? as i64;
            if key as u64 >= limit {
                return Err(ModelError::BadKeys("key outside the feature table"));
            }
            keys.push(key as u32);
            prev = key;
        }
        let ws = r.take(n)?;
        if ws.contains(&0) {
            return Err(ModelError::ZeroWeight);
        }
        let weights = keys.into_iter().zip(ws.iter().map(|&w| w as i8)).collect();
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
}

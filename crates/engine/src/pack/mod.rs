//! A compact binary form of the analysis, for the web app's worker to hand its result to the
//! page. The page reads it with a few small functions instead of the derived JSON readers of
//! every analysis type, which made up about a twentieth of the wasm; it is also faster to read,
//! and carries the UTF-8 byte offsets JSON leaves out, so nothing has to be recomputed.
//!
//! Not a file format: both sides are the same build of the engine, so there is no version and
//! no field name. Every value is written in the order of its type's fields:
//! - unsigned integers (`usize`, the variant of an enum) as LEB128 varints, `i64` zigzagged
//!   first, `f64` as its 8 bytes, little-endian, `bool` as one byte 0 or 1;
//! - a string as its length in bytes, then its UTF-8;
//! - `Option` as 0 (none) or 1 then the value; a list or a map as its length, then its items
//!   (a map's pairs in key order); a pair as its two values.
//!
//! Reading never panics: truncated or malformed bytes give a [`PackError`] saying where.
//! Records are listed once, in [`types`], by macros that fail to compile when a field or a
//! variant is missing.

mod types;

use std::collections::BTreeMap;

/// Why bytes could not be read back, and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    pub at: usize,
    pub what: &'static str,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// Bytes being written.
#[derive(Debug, Default)]
pub struct Writer(Vec<u8>);

impl Writer {
    pub fn uint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.0.extend_from_slice(b);
    }
}

/// Bytes being read.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn error(&self, what: &'static str) -> PackError {
        PackError { at: self.at, what }
    }

    pub fn byte(&mut self) -> Result<u8, PackError> {
        let b = *self.bytes.get(self.at).ok_or_else(|| self.error("unexpected end"))?;
        self.at += 1;
        Ok(b)
    }

    pub fn uint(&mut self) -> Result<u64, PackError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.error("integer too long"))
    }

    /// A length, no larger than the bytes left (each item takes at least one).
    pub fn len(&mut self) -> Result<usize, PackError> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(self.error("length beyond the end"));
        }
        Ok(n as usize)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], PackError> {
        let n = self.len()?;
        let b = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(b)
    }
}

/// A value that can be written and read back.
pub trait Pack: Sized {
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader) -> Result<Self, PackError>;
}

/// `v`'s bytes.
pub fn to_bytes<T: Pack>(v: &T) -> Vec<u8> {
    let mut w = Writer::default();
    v.put(&mut w);
    w.0
}

/// A list's bytes from its items' bytes (each from [`to_bytes`]): the same as [`to_bytes`] of the
/// list, without packing an item twice or copying the items into a list first.
pub fn join_list(items: &[Vec<u8>]) -> Vec<u8> {
    let mut w = Writer::default();
    w.uint(items.len() as u64);
    for item in items {
        w.0.extend_from_slice(item);
    }
    w.0
}

/// The value written by [`to_bytes`]; every byte must be used.
pub fn from_bytes<T: Pack>(bytes: &[u8]) -> Result<T, PackError> {
    let mut r = Reader { bytes, at: 0 };
    let v = T::take(&mut r)?;
    if r.at != bytes.len() {
        return Err(r.error("bytes left over"));
    }
    Ok(v)
}

impl Pack for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        let v = r.uint()?;
        usize::try_from(v).map_err(|_| r.error("integer too large"))
    }
}

impl Pack for i64 {
    fn put(&self, w: &mut Writer) {
        w.uint(((self << 1) ^ (self >> 63)) as u64);
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        let v = r.uint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }
}

impl Pack for f64 {
    fn put(&self, w: &mut Writer) {
        w.0.extend_from_slice(&self.to_bits().to_le_bytes());
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        let mut b = [0u8; 8];
        for x in &mut b {
            *x = r.byte()?;
        }
        Ok(f64::from_bits(u64::from_le_bytes(b)))
    }
}

impl Pack for bool {
    fn put(&self, w: &mut Writer) {
        w.0.push(u8::from(*self));
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(r.error("not a boolean")),
        }
    }
}

impl Pack for String {
    fn put(&self, w: &mut Writer) {
        w.bytes(self.as_bytes());
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        let b = r.bytes()?;
        String::from_utf8(b.to_vec()).map_err(|_| r.error("not UTF-8"))
    }
}

impl<T: Pack> Pack for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.0.push(0),
            Some(v) => {
                w.0.push(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        match r.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::take(r)?)),
            _ => Err(r.error("not an option")),
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        let n = r.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::take(r)?);
        }
        Ok(out)
    }
}

impl<K: Pack + Ord, V: Pack> Pack for BTreeMap<K, V> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for (k, v) in self {
            k.put(w);
            v.put(w);
        }
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        let n = r.len()?;
        let mut out = BTreeMap::new();
        for _ in 0..n {
            let k = K::take(r)?;
            out.insert(k, V::take(r)?);
        }
        Ok(out)
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn take(r: &mut Reader) -> Result<Self, PackError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

#[cfg(test)]
mod tests;

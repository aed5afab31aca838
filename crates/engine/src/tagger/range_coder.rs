//! A binary adaptive range coder, the one of LZMA: each bit is coded with the probability of a
//! zero in its context, and that probability moves towards the bits seen. The model file codes its
//! weights with it ([`super::model_io`]); it needs no table and no state beyond the contexts.
//!
//! Decoding never panics, whatever the bytes: reading past the end yields zeros and is reported by
//! [`Decoder::finished`].

const PROB_BITS: u32 = 11;
const ONE: u16 = 1 << PROB_BITS;
/// Adaptation speed: a probability moves 1/32 of the way to the bit seen.
const MOVE: u32 = 5;
const TOP: u32 = 1 << 24;

/// The probability that the next bit of a context is 0, in 1/2048; always in 31..=2017.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prob(u16);

impl Default for Prob {
    fn default() -> Self {
        Prob(ONE / 2)
    }
}

impl Prob {
    #[inline]
    fn update(&mut self, bit: bool) {
        if bit {
            self.0 -= self.0 >> MOVE;
        } else {
            self.0 += (ONE - self.0) >> MOVE;
        }
    }
}

/// Writes bits; [`Encoder::finish`] returns the bytes.
pub struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder { low: 0, range: u32::MAX, cache: 0, pending: 1, out: Vec::new() }
    }
}

impl Encoder {
    pub fn bit(&mut self, p: &mut Prob, bit: bool) {
        let bound = (self.range >> PROB_BITS) * p.0 as u32;
        if bit {
            self.low += bound as u64;
            self.range -= bound;
        } else {
            self.range = bound;
        }
        p.update(bit);
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low > u32::MAX as u64 {
            let carry = (self.low >> 32) as u8;
            let mut b = self.cache;
            while self.pending > 0 {
                self.out.push(b.wrapping_add(carry));
                b = 0xFF;
                self.pending -= 1;
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    pub fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

/// Reads the bits an [`Encoder`] wrote, with the same contexts in the same order.
pub struct Decoder<'a> {
    b: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
    overrun: bool,
}

impl<'a> Decoder<'a> {
    pub fn new(b: &'a [u8]) -> Self {
        let mut d = Decoder { b, pos: 0, range: u32::MAX, code: 0, overrun: false };
        for _ in 0..5 {
            d.code = (d.code << 8) | d.byte() as u32;
        }
        d
    }

    #[inline]
    fn byte(&mut self) -> u8 {
        match self.b.get(self.pos) {
            Some(&x) => {
                self.pos += 1;
                x
            }
            None => {
                self.overrun = true;
                0
            }
        }
    }

    pub fn bit(&mut self, p: &mut Prob) -> bool {
        let bound = (self.range >> PROB_BITS) * p.0 as u32;
        let bit = self.code >= bound;
        if bit {
            self.code -= bound;
            self.range -= bound;
        } else {
            self.range = bound;
        }
        p.update(bit);
        while self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | self.byte() as u32;
        }
        bit
    }

    /// Whether the decoder has read past the end of its bytes.
    pub fn overrun(&self) -> bool {
        self.overrun
    }

    /// Whether every byte was read, and no more: true after decoding exactly what was encoded.
    pub fn finished(&self) -> bool {
        !self.overrun && self.pos == self.b.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_compresses_skewed_bits() {
        let bits: Vec<bool> = (0..20_000u32).map(|i| i.wrapping_mul(2_654_435_761) % 10 == 0).collect();
        let mut ctx = [Prob::default(); 2];
        let mut e = Encoder::default();
        for (i, &b) in bits.iter().enumerate() {
            e.bit(&mut ctx[i % 2], b);
        }
        let bytes = e.finish();
        // One bit in ten set: about 0.47 bits each.
        assert!(bytes.len() < 20_000 / 8 * 6 / 10, "{} bytes", bytes.len());
        let mut ctx = [Prob::default(); 2];
        let mut d = Decoder::new(&bytes);
        let back: Vec<bool> = (0..bits.len()).map(|i| d.bit(&mut ctx[i % 2])).collect();
        assert_eq!(back, bits);
        assert!(d.finished());
    }

    #[test]
    fn garbage_decodes_without_panicking() {
        let mut p = Prob::default();
        for bytes in [&[][..], &[0xff; 3][..], &[0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0x12][..]] {
            let mut d = Decoder::new(bytes);
            for _ in 0..1000 {
                d.bit(&mut p);
            }
            assert!(!d.finished());
        }
    }
}

//! The few encodings the build needs, by hand so that xtask stays std-only: SHA-256 (asset
//! versions, CSP hashes), base64 (CSP hashes, data: URLs, the single-file page), and a small
//! zlib/deflate encoder with CRC-32 for writing PNG icons.

/// SHA-256 of `data` (FIPS 180-4).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    let mut w = [0u32; 64];
    for block in message.chunks_exact(64) {
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// CRC-32 (ISO 3309, as used by PNG and gzip).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

/// Writes bits least-significant first, as deflate wants.
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    fn bits(&mut self, value: u32, count: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, which deflate stores most-significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let mut reversed = 0;
        for i in 0..len {
            reversed |= ((code >> i) & 1) << (len - 1 - i);
        }
        self.bits(reversed, len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// A literal/length symbol in the fixed Huffman code (RFC 1951 §3.2.6).
fn fixed_literal(w: &mut BitWriter, symbol: u32) {
    match symbol {
        0..=143 => w.code(0x30 + symbol, 8),
        144..=255 => w.code(0x190 + symbol - 144, 9),
        256..=279 => w.code(symbol - 256, 7),
        _ => w.code(0xc0 + symbol - 280, 8),
    }
}

/// zlib stream (RFC 1950) of one deflate block with the fixed Huffman code and greedy LZ77
/// matching: small and good enough for flat-colour images.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    const WINDOW: usize = 32 * 1024;
    const MAX_CHAIN: usize = 48;
    const HASH_BITS: u32 = 15;
    let mut w = BitWriter {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    w.bits(1, 1); // final block
    w.bits(1, 2); // fixed Huffman codes
    let hash = |i: usize| -> usize {
        let v = u32::from(data[i]) | u32::from(data[i + 1]) << 8 | u32::from(data[i + 2]) << 16;
        (v.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
    };
    let mut head = vec![usize::MAX; 1 << HASH_BITS];
    let mut prev = vec![usize::MAX; data.len()];
    let insert = |i: usize, head: &mut [usize], prev: &mut [usize]| {
        if i + 2 < data.len() {
            let h = hash(i);
            prev[i] = head[h];
            head[h] = i;
        }
    };
    let mut i = 0;
    while i < data.len() {
        let mut best = (0usize, 0usize);
        if i + 2 < data.len() {
            let mut candidate = head[hash(i)];
            let mut chain = 0;
            while candidate != usize::MAX && i - candidate <= WINDOW && chain < MAX_CHAIN {
                let max = (data.len() - i).min(258);
                let len = (0..max)
                    .take_while(|&k| data[candidate + k] == data[i + k])
                    .count();
                if len > best.0 {
                    best = (len, i - candidate);
                    if len == max {
                        break;
                    }
                }
                candidate = prev[candidate];
                chain += 1;
            }
        }
        if best.0 >= 3 {
            let (len, dist) = best;
            let li = LENGTH_BASE
                .iter()
                .rposition(|&b| usize::from(b) <= len)
                .unwrap();
            fixed_literal(&mut w, 257 + li as u32);
            w.bits(
                (len - usize::from(LENGTH_BASE[li])) as u32,
                u32::from(LENGTH_EXTRA[li]),
            );
            let di = DIST_BASE
                .iter()
                .rposition(|&b| usize::from(b) <= dist)
                .unwrap();
            w.code(di as u32, 5);
            w.bits(
                (dist - usize::from(DIST_BASE[di])) as u32,
                u32::from(DIST_EXTRA[di]),
            );
            for k in i..i + len {
                insert(k, &mut head, &mut prev);
            }
            i += len;
        } else {
            fixed_literal(&mut w, u32::from(data[i]));
            insert(i, &mut head, &mut prev);
            i += 1;
        }
    }
    fixed_literal(&mut w, 256);
    let mut out = w.finish();
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// A PNG of `width` × `height` pixels given as 8-bit RGBA, row by row. With 256 colours or fewer
/// (flat shapes, anti-aliased edges) it is written with a palette (one byte a pixel, `PLTE` and
/// `tRNS`), else as RGBA: the same pixels either way. Each row is filtered with whichever of None,
/// Sub and Up gives the smallest sum of absolute differences (the usual heuristic): flat areas
/// turn into runs of zeros, which deflate packs well.
pub fn png(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
    assert_eq!(rgba.len(), (width * height * 4) as usize);
    let mut palette: Vec<[u8; 4]> = Vec::new();
    let mut indexed: Option<Vec<u8>> = Some(Vec::with_capacity(rgba.len() / 4));
    for px in rgba.chunks_exact(4) {
        let c = [px[0], px[1], px[2], px[3]];
        let i = match palette.iter().position(|p| *p == c) {
            Some(i) => i,
            None if palette.len() < 256 => {
                palette.push(c);
                palette.len() - 1
            }
            None => {
                indexed = None;
                break;
            }
        };
        if let Some(v) = indexed.as_mut() {
            v.push(i as u8);
        }
    }
    let (pixels, bpp, color_type) = match &indexed {
        Some(v) => (&v[..], 1, 3u8),
        None => (rgba, 4, 6u8),
    };
    let stride = width as usize * bpp;
    let mut raw = Vec::with_capacity(pixels.len() + height as usize);
    let zero = vec![0u8; stride];
    let mut prior: &[u8] = &zero;
    for row in pixels.chunks_exact(stride) {
        let sub: Vec<u8> = (0..stride).map(|i| row[i].wrapping_sub(if i >= bpp { row[i - bpp] } else { 0 })).collect();
        let up: Vec<u8> = (0..stride).map(|i| row[i].wrapping_sub(prior[i])).collect();
        let cost = |v: &[u8]| v.iter().map(|&b| (b as i8).unsigned_abs() as u64).sum::<u64>();
        let (filter, bytes) = [(0u8, row), (1, &sub[..]), (2, &up[..])]
            .into_iter()
            .min_by_key(|(_, v)| cost(v))
            .unwrap_or((0, row));
        raw.push(filter);
        raw.extend_from_slice(bytes);
        prior = row;
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8; 4], body: &[u8]| {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(body);
        out.extend_from_slice(&crc_input);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    // 8 bits, palette or RGBA, deflate, adaptive filtering, no interlace.
    ihdr.extend_from_slice(&[8, color_type, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    if indexed.is_some() {
        let plte: Vec<u8> = palette.iter().flat_map(|c| [c[0], c[1], c[2]]).collect();
        let trns: Vec<u8> = palette.iter().map(|c| c[3]).collect();
        chunk(b"PLTE", &plte);
        chunk(b"tRNS", &trns);
    }
    chunk(b"IDAT", &zlib(&raw));
    chunk(b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::process::{Command, Stdio};

    #[test]
    fn sha256_vectors() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(
            hex(&sha256(long)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn base64_vectors() {
        for (input, output) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), output);
        }
    }

    #[test]
    fn crc32_vector() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    /// The zlib stream round-trips through an independent inflater (Python's zlib), when present.
    #[test]
    fn png_filters_decode_to_the_pixels() {
        // Flat areas, a gradient and noise, so that every filter gets chosen somewhere.
        let (w, h) = (37u32, 23u32);
        let mut rgba = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = if y < 8 { 200 } else if y < 16 { (x * 7) as u8 } else { ((x * 31 + y * 17).wrapping_mul(2_654_435_761u32) >> 24) as u8 };
                rgba.extend_from_slice(&[v, (x * 11) as u8, (y * 13) as u8, 255]);
            }
        }
        // Many colours: RGBA.
        check_png(w, h, &rgba, 6);
        // Few colours (flat shapes with anti-aliased edges): a palette.
        let few: Vec<u8> = rgba.chunks_exact(4).flat_map(|p| [p[0] & 0xc0, 40, p[2] & 0x80, if p[0] > 100 { 255 } else { 90 }]).collect();
        check_png(w, h, &few, 3);
    }

    fn check_png(w: u32, h: u32, rgba: &[u8], color_type: u8) {
        let file = png(w, h, rgba);
        assert_eq!(file[25], color_type, "colour type");
        let script = r#"
import sys, zlib, struct
d = sys.stdin.buffer.read(); i = 8; idat = b''
while i < len(d):
    n = struct.unpack('>I', d[i:i+4])[0]; k = d[i+4:i+8]
    if k == b'IHDR': w, h = struct.unpack('>II', d[i+8:i+16]); ct = d[i+17]
    if k == b'PLTE': plte = d[i+8:i+8+n]
    if k == b'tRNS': trns = d[i+8:i+8+n]
    if k == b'IDAT': idat += d[i+8:i+8+n]
    i += 12 + n
raw = zlib.decompress(idat); bpp = 1 if ct == 3 else 4; s = w * bpp; out = bytearray(); prev = bytearray(s); p = 0
for y in range(h):
    f = raw[p]; row = bytearray(raw[p+1:p+1+s]); p += 1 + s
    for x in range(s):
        a = row[x-bpp] if x >= bpp else 0
        if f == 1: row[x] = (row[x] + a) & 255
        elif f == 2: row[x] = (row[x] + prev[x]) & 255
        elif f != 0: sys.exit(3)
    prev = row
    if ct == 3:
        for i in row: out += bytes(plte[3*i:3*i+3]) + bytes([trns[i]])
    else:
        out += row
sys.stdout.buffer.write(bytes(out))
"#;
        let Ok(mut child) = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
        else {
            eprintln!("python3 not available: PNG decoding not checked");
            return;
        };
        child.stdin.take().unwrap().write_all(&file).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "the PNG did not decode");
        assert!(out.stdout == rgba, "the decoded pixels differ (colour type {color_type})");
    }

    #[test]
    fn zlib_round_trips() {
        let mut data = Vec::new();
        for i in 0..20_000u32 {
            data.push((i % 7) as u8 * 30);
            if i % 1000 < 10 {
                data.extend_from_slice(b"qarin qarin qarin");
            }
            data.push((i.wrapping_mul(2_654_435_761) >> 24) as u8);
        }
        let compressed = zlib(&data);
        assert!(compressed.len() < data.len());
        let Ok(mut child) = Command::new("python3")
            .args(["-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
        else {
            eprintln!("python3 not available: zlib round trip not checked");
            return;
        };
        child.stdin.take().unwrap().write_all(&compressed).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "python's zlib rejected the stream");
        assert!(out.stdout == data, "zlib round trip differs");
    }
}

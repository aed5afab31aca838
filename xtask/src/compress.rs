//! Compressed sizes for the size reports of `cargo xtask dist` and `bench`: what a static host
//! would send with gzip (level 9) or brotli (quality 11), and sizes written for people.

use std::io::Write;

/// Size of `data` gzipped at level 9, as `gzip -9 -n` would (no file name, no time stamp).
pub fn gzip_size(data: &[u8]) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory").len() as u64
}

/// Size of `data` compressed with brotli at quality 11 (the highest) and a 16 MiB window.
pub fn brotli_size(data: &[u8]) -> u64 {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("compressing in memory");
    out.len() as u64
}

/// `12 B`, `3.4 KiB`, `1.25 MiB`.
pub fn bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.2} MiB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn sample() -> Vec<u8> {
        let mut data = Vec::new();
        for i in 0..20_000u32 {
            data.push((i % 7) as u8 * 30);
            if i % 1000 < 10 {
                data.extend_from_slice(b"qarin qarin qarin");
            }
            data.push((i.wrapping_mul(2_654_435_761) >> 24) as u8);
        }
        data
    }

    #[test]
    fn compressed_sizes_are_of_streams_that_decode() {
        let data = sample();
        let gz = {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            e.write_all(&data).unwrap();
            e.finish().unwrap()
        };
        assert_eq!(gzip_size(&data), gz.len() as u64);
        assert!(gz.len() < data.len());
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .unwrap();
        assert!(back == data, "gzip round trip differs");

        let br = brotli_size(&data);
        assert!(br > 0 && br < data.len() as u64, "{br}");
        assert!(brotli_size(b"") > 0, "an empty input still has a header");
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(bytes(12), "12 B");
        assert_eq!(bytes(3 * 1024 + 512), "3.5 KiB");
        assert_eq!(bytes(5 * 1024 * 1024 / 4), "1.25 MiB");
    }
}

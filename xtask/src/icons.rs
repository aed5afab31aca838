//! The app icon, drawn from one list of shapes into an SVG and into PNGs of any size (pure Rust,
//! deterministic: the same bytes on every build; the PNG files are written by the `png` crate).
//!
//! The picture: two pages side by side on the app's teal, lines of text on each, and the same
//! names highlighted in the same colours on both pages (Qarin compares how articles name things).
//! Lines run right to left, as Arabic does.

/// A filled rounded rectangle in a 512 × 512 design space.
struct Shape {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    radius: f64,
    rgb: [u8; 3],
}

pub const THEME_COLOR: &str = "#0b6a6a";
const TEAL: [u8; 3] = [0x0b, 0x6a, 0x6a];
const PAGE: [u8; 3] = [0xf7, 0xf5, 0xf0];
const LINE: [u8; 3] = [0xb9, 0xb2, 0xa5];
const PER: [u8; 3] = [0xf0, 0x9a, 0x2a];
const LOC: [u8; 3] = [0x2f, 0xa8, 0x70];
const ORG: [u8; 3] = [0x55, 0x66, 0xe8];

fn shapes() -> Vec<Shape> {
    let rect = |x0: f64, y0: f64, x1: f64, y1: f64, radius: f64, rgb: [u8; 3]| Shape {
        x0,
        y0,
        x1,
        y1,
        radius,
        rgb,
    };
    let mut out = vec![
        rect(0.0, 0.0, 512.0, 512.0, 112.0, TEAL),
        rect(64.0, 100.0, 246.0, 412.0, 22.0, PAGE),
        rect(266.0, 100.0, 448.0, 412.0, 22.0, PAGE),
    ];
    // Lines of text: (left page start, end), (right page start, end), per row; colour per segment.
    let bar = |x0: f64, x1: f64, row: usize, rgb: [u8; 3]| {
        let y = 140.0 + row as f64 * 48.0;
        rect(x0, y, x1, y + 26.0, 13.0, rgb)
    };
    let left: [&[(f64, f64, [u8; 3])]; 5] = [
        &[(92.0, 218.0, LINE)],
        &[(92.0, 150.0, LINE), (162.0, 218.0, PER)],
        &[(120.0, 218.0, LINE)],
        &[(92.0, 170.0, ORG), (182.0, 218.0, LINE)],
        &[(92.0, 138.0, LOC), (150.0, 218.0, LINE)],
    ];
    let right: [&[(f64, f64, [u8; 3])]; 5] = [
        &[(322.0, 420.0, LINE)],
        &[(294.0, 420.0, LINE)],
        &[(294.0, 350.0, LINE), (362.0, 420.0, PER)],
        &[(294.0, 340.0, LOC), (352.0, 420.0, LINE)],
        &[(334.0, 420.0, LINE)],
    ];
    for (row, segments) in left.iter().chain(right.iter()).enumerate() {
        for &(x0, x1, rgb) in segments.iter() {
            out.push(bar(x0, x1, row % 5, rgb));
        }
    }
    out
}

fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// The icon as SVG (scalable, used as the favicon and in the manifest).
pub fn svg() -> String {
    let mut out = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\" width=\"512\" height=\"512\">\n\
         <title>Qarin</title>\n",
    );
    for s in shapes() {
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\"/>\n",
            s.x0,
            s.y0,
            s.x1 - s.x0,
            s.y1 - s.y0,
            s.radius,
            hex(s.rgb)
        ));
    }
    out.push_str("</svg>\n");
    out
}

fn inside(s: &Shape, x: f64, y: f64) -> bool {
    if x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1 {
        return false;
    }
    // Distance to the inner rectangle whose corners are the arcs' centres.
    let dx = (s.x0 + s.radius - x).max(x - (s.x1 - s.radius)).max(0.0);
    let dy = (s.y0 + s.radius - y).max(y - (s.y1 - s.radius)).max(0.0);
    dx * dx + dy * dy <= s.radius * s.radius
}

/// The icon as a `size` × `size` PNG, anti-aliased with 4 × 4 samples per pixel.
pub fn png(size: u32) -> Vec<u8> {
    const N: u32 = 4;
    let shapes = shapes();
    let scale = 512.0 / f64::from(size);
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for py in 0..size {
        for px in 0..size {
            let mut sum = [0u32; 3];
            let mut covered = 0u32;
            for sy in 0..N {
                for sx in 0..N {
                    let x = (f64::from(px) + (f64::from(sx) + 0.5) / f64::from(N)) * scale;
                    let y = (f64::from(py) + (f64::from(sy) + 0.5) / f64::from(N)) * scale;
                    if let Some(s) = shapes.iter().rev().find(|s| inside(s, x, y)) {
                        covered += 1;
                        for (total, channel) in sum.iter_mut().zip(s.rgb) {
                            *total += u32::from(channel);
                        }
                    }
                }
            }
            // Colour averaged over the covered samples, opacity from the coverage.
            for c in sum {
                rgba.push((c + covered / 2).checked_div(covered).unwrap_or(0) as u8);
            }
            rgba.push(((covered * 255 + N * N / 2) / (N * N)) as u8);
        }
    }
    encode_png(size, size, &rgba)
}

/// A PNG of `width` × `height` pixels given as 8-bit RGBA, row by row. With 256 colours or fewer
/// (flat shapes, anti-aliased edges: the icon) it is written with a palette (one byte a pixel,
/// `PLTE` and `tRNS`), else as RGBA: the same pixels either way.
fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
    assert_eq!(rgba.len(), (width * height * 4) as usize);
    let mut palette: Vec<[u8; 4]> = Vec::new();
    let mut indexed = Vec::with_capacity(rgba.len() / 4);
    for px in rgba.chunks_exact(4) {
        let c = [px[0], px[1], px[2], px[3]];
        let i = palette.iter().position(|p| *p == c).unwrap_or_else(|| {
            palette.push(c);
            palette.len() - 1
        });
        if palette.len() > 256 {
            break;
        }
        indexed.push(i as u8);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let pixels = if palette.len() <= 256 {
        encoder.set_color(png::ColorType::Indexed);
        // Palette indices are labels, not intensities: filtering them only hides the runs
        // deflate would find (the 512 px icon: 4.9 KB filtered, 3.7 KB not).
        encoder.set_filter(png::Filter::NoFilter);
        encoder.set_palette(
            palette
                .iter()
                .flat_map(|c| [c[0], c[1], c[2]])
                .collect::<Vec<u8>>(),
        );
        encoder.set_trns(palette.iter().map(|c| c[3]).collect::<Vec<u8>>());
        &indexed[..]
    } else {
        encoder.set_color(png::ColorType::Rgba);
        rgba
    };
    let mut writer = encoder
        .write_header()
        .expect("writing a PNG header to memory");
    writer
        .write_image_data(pixels)
        .expect("the pixels fit the header");
    writer.finish().expect("writing a PNG to memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_is_well_formed_and_deterministic() {
        let a = png(48);
        assert!(a.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&a[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes([a[16], a[17], a[18], a[19]]), 48);
        assert!(a.ends_with(&[0xae, 0x42, 0x60, 0x82]), "IEND CRC");
        assert_eq!(a, png(48));
    }

    /// Decoded again (by the `png` crate's decoder), each file gives exactly the pixels drawn:
    /// with a palette for few colours, as RGBA for many.
    #[test]
    fn png_decodes_to_the_pixels() {
        let (w, h) = (37u32, 23u32);
        let mut rgba = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = if y < 8 {
                    200
                } else if y < 16 {
                    (x * 7) as u8
                } else {
                    ((x * 31 + y * 17).wrapping_mul(2_654_435_761u32) >> 24) as u8
                };
                rgba.extend_from_slice(&[v, (x * 11) as u8, (y * 13) as u8, 255]);
            }
        }
        check_png(w, h, &rgba, png::ColorType::Rgba);
        let few: Vec<u8> = rgba
            .chunks_exact(4)
            .flat_map(|p| {
                [
                    p[0] & 0xc0,
                    40,
                    p[2] & 0x80,
                    if p[0] > 100 { 255 } else { 90 },
                ]
            })
            .collect();
        check_png(w, h, &few, png::ColorType::Indexed);
    }

    fn check_png(w: u32, h: u32, rgba: &[u8], color: png::ColorType) {
        let file = encode_png(w, h, rgba);
        let mut decoder = png::Decoder::new(std::io::Cursor::new(&file));
        // Palette and transparency expanded to RGBA.
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().color_type, color, "colour type");
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((frame.width, frame.height), (w, h));
        assert!(
            pixels[..frame.buffer_size()] == *rgba,
            "the decoded pixels differ ({color:?})"
        );
    }

    #[test]
    fn svg_lists_every_shape() {
        let svg = svg();
        assert_eq!(svg.matches("<rect ").count(), shapes().len());
        assert!(svg.contains(THEME_COLOR));
    }
}

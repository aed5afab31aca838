//! Cutting an analysed article into the pieces a reader shows: plain text, highlighted names and
//! site boilerplate. The one place this is done: the web app's reader and the build-time
//! prerender ([`super::html`]) both iterate over [`pieces`], so they cut alike.
//!
//! Rules: mentions and boilerplate spans are taken by code point offset (the offsets of the
//! exported analysis, which survive a JSON round trip) and sorted by start, longer first at equal
//! starts; a span that is empty, out of range or overlaps an earlier one is left as plain text.
//! So the pieces cover the text exactly, in order: concatenated they give the source text back
//! byte for byte, and the reader shows the article verbatim. A repeated title is not furniture
//! here: its names are read like the rest of the text (`crate::boilerplate::mark`).
//!
//! Zero-copy: every piece borrows its text from the document. [`piece_indices`] also gives each
//! piece's byte offset, as `unicode-segmentation`'s `_indices` iterators do.

use crate::model::{DocumentAnalysis, Mention};

/// What a piece of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    /// Ordinary text.
    Text,
    /// A name: the index of its mention in [`DocumentAnalysis::mentions`].
    Mention(usize),
    /// Site furniture: the index of its span in [`DocumentAnalysis::boilerplate`].
    Boilerplate(usize),
}

/// One run of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub kind: PieceKind,
    pub text: &'a str,
}

/// Iterator over the pieces of a document, with their byte offsets (see [`piece_indices`]).
pub struct PieceIndices<'a> {
    text: &'a str,
    /// Spans kept, as (byte start, byte end, kind), in order and not overlapping.
    spans: std::vec::IntoIter<(usize, usize, PieceKind)>,
    next_span: Option<(usize, usize, PieceKind)>,
    cursor: usize,
}

impl<'a> Iterator for PieceIndices<'a> {
    type Item = (usize, Piece<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let at = self.cursor;
        match self.next_span {
            Some((start, end, kind)) if start == at => {
                self.cursor = end;
                self.next_span = self.spans.next();
                Some((at, Piece { kind, text: &self.text[start..end] }))
            }
            Some((start, _, _)) => {
                self.cursor = start;
                Some((at, Piece { kind: PieceKind::Text, text: &self.text[at..start] }))
            }
            None if at < self.text.len() => {
                self.cursor = self.text.len();
                Some((at, Piece { kind: PieceKind::Text, text: &self.text[at..] }))
            }
            None => None,
        }
    }
}

/// Iterator over the pieces of a document.
pub struct Pieces<'a>(PieceIndices<'a>);

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;
    fn next(&mut self) -> Option<Piece<'a>> {
        self.0.next().map(|(_, p)| p)
    }
}

/// Byte ranges of a document's mentions: the `byte_*` fields when they were set by the engine,
/// else from the code point offsets (an analysis read back from JSON, whose byte fields are 0).
fn byte_range(text: &str, map: &mut Option<Vec<usize>>, m: &Mention) -> Option<(usize, usize)> {
    let direct = (m.byte_start, m.byte_end);
    if text.get(direct.0..direct.1) == Some(m.text.as_str()) && !(direct.1 == 0 && m.end > 0) {
        return Some(direct);
    }
    let map = map.get_or_insert_with(|| crate::tokenize::char_to_byte(text));
    Some((*map.get(m.start)?, *map.get(m.end)?))
}

/// The pieces of `doc` with their byte offsets.
pub fn piece_indices(doc: &DocumentAnalysis) -> PieceIndices<'_> {
    let text = doc.text.as_str();
    let mut map: Option<Vec<usize>> = None;
    let mut spans: Vec<(usize, usize, PieceKind)> = Vec::with_capacity(doc.mentions.len());
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some((s, e)) = byte_range(text, &mut map, m) {
            spans.push((s, e, PieceKind::Mention(i)));
        }
    }
    let mut furniture = Vec::new();
    // A headline printed twice is read like the text (its names are mentions): not furniture here.
    for (i, b) in doc.boilerplate.iter().enumerate().filter(|(_, b)| b.kind != crate::model::BoilerplateKind::RepeatedTitle) {
        let direct = (b.byte_start, b.byte_end);
        let ok = direct.1 > direct.0 && text.is_char_boundary(direct.0) && direct.1 <= text.len() && text.is_char_boundary(direct.1);
        let range = if ok && b.end > b.start {
            Some(direct)
        } else {
            let map = map.get_or_insert_with(|| crate::tokenize::char_to_byte(text));
            map.get(b.start).zip(map.get(b.end)).map(|(s, e)| (*s, *e))
        };
        if let Some((s, e)) = range {
            furniture.push((s, e, PieceKind::Boilerplate(i)));
        }
    }
    // Stable: at equal starts, longer spans first; mentions before furniture of the same span.
    // (The mentions come in order: sorting 80,000 of them again took the page 9 ms.)
    let order = |a: &(usize, usize, PieceKind), b: &(usize, usize, PieceKind)| a.0.cmp(&b.0).then(b.1.cmp(&a.1));
    if !spans.is_sorted_by(|a, b| order(a, b).is_le()) {
        crate::sort::by(&mut spans, order);
    }
    crate::sort::by(&mut furniture, order);
    let spans = merge(spans, furniture, order);
    let mut spans = spans;
    let mut cursor = 0;
    spans.retain(|&(s, e, _)| {
        let keep = s >= cursor && s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
        if keep {
            cursor = e;
        }
        keep
    });
    let mut spans = spans.into_iter();
    let next_span = spans.next();
    PieceIndices { text, spans, next_span, cursor: 0 }
}

/// `a` and `b`, each in `order`, as one list in `order`; at equal places `a`'s first.
fn merge<T>(a: Vec<T>, b: Vec<T>, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        let next = if order(y, x).is_lt() { b.next() } else { a.next() };
        out.extend(next);
    }
    out.extend(a);
    out.extend(b);
    out
}

/// The pieces of `doc`, in order, covering its text exactly.
pub fn pieces(doc: &DocumentAnalysis) -> Pieces<'_> {
    Pieces(piece_indices(doc))
}

/// Consecutive pieces grouped in runs of about `budget` bytes, from the pieces' lengths: each run
/// closes at the first piece that brings it to `budget` (a piece is never split), the last takes
/// what is left. Always at least one run (`(0, 0)` for no pieces). The app renders a long
/// article one run a task.
pub fn runs(lengths: &[usize], budget: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut from, mut bytes) = (0, 0);
    for (i, n) in lengths.iter().enumerate() {
        bytes += n;
        if bytes >= budget {
            out.push((from, i + 1));
            (from, bytes) = (i + 1, 0);
        }
    }
    if from < lengths.len() || out.is_empty() {
        out.push((from, lengths.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Boilerplate, BoilerplateKind, EntityType, Mention};

    fn mention(text: &str, needle: &str) -> Mention {
        let byte_start = text.find(needle).unwrap();
        let byte_end = byte_start + needle.len();
        Mention {
            start: text[..byte_start].chars().count(),
            end: text[..byte_end].chars().count(),
            kind: EntityType::Per,
            entity: "e".into(),
            text: needle.into(),
            byte_start,
            byte_end,
            by_user: false,
        }
    }

    fn doc(text: &str, mentions: Vec<Mention>, boilerplate: Vec<Boilerplate>) -> DocumentAnalysis {
        DocumentAnalysis { id: "d".into(), file: "d.txt".into(), title: String::new(), outlet: String::new(), date: String::new(), text: text.into(), mentions, boilerplate, outlet_guess: None, sentences: vec![] }
    }

    fn joined(d: &DocumentAnalysis) -> String {
        pieces(d).map(|p| p.text).collect()
    }

    #[test]
    fn covers_the_text_exactly() {
        let text = "قال بوتين في موسكو\nاقرأ أيضا: خبر";
        let bs = text.find("اقرأ").unwrap();
        let b = Boilerplate { start: text[..bs].chars().count(), end: text.chars().count(), kind: BoilerplateKind::RelatedLink, byte_start: bs, byte_end: text.len() };
        let d = doc(text, vec![mention(text, "بوتين"), mention(text, "موسكو")], vec![b]);
        let p: Vec<Piece> = pieces(&d).collect();
        assert_eq!(joined(&d), text);
        let kinds: Vec<PieceKind> = p.iter().map(|p| p.kind).collect();
        use PieceKind::{Mention as M, Text as T};
        assert_eq!(kinds, [T, M(0), T, M(1), T, PieceKind::Boilerplate(0)]);
        assert_eq!(p[4].text, "\n");
        let offsets: Vec<usize> = piece_indices(&d).map(|(o, _)| o).collect();
        assert_eq!(offsets[1], text.find("بوتين").unwrap());
        for (o, p) in piece_indices(&d) {
            assert_eq!(&text[o..o + p.text.len()], p.text);
        }
    }

    #[test]
    fn furniture_between_names_and_names_out_of_order() {
        // Furniture in the middle of the text, a name inside it (furniture wins: it starts first
        // and is longer), and the mentions listed out of their order in the text.
        let text = "بوتين في موسكو\nاقرأ أيضا: لقاء بكين\nثم لافروف";
        let bs = text.find("اقرأ").unwrap();
        let be = text.rfind('\n').unwrap();
        let b = Boilerplate { start: text[..bs].chars().count(), end: text[..be].chars().count(), kind: BoilerplateKind::RelatedLink, byte_start: bs, byte_end: be };
        let mentions = vec![mention(text, "لافروف"), mention(text, "بوتين"), mention(text, "بكين"), mention(text, "موسكو")];
        let d = doc(text, mentions, vec![b]);
        let kinds: Vec<PieceKind> = pieces(&d).map(|p| p.kind).collect();
        use PieceKind::{Boilerplate as B, Mention as M, Text as T};
        assert_eq!(kinds, [M(1), T, M(3), T, B(0), T, M(0)]);
        assert_eq!(joined(&d), text);
        // A mention and furniture of the very same span: the mention is drawn.
        let same = Boilerplate { start: 0, end: "بوتين".chars().count(), kind: BoilerplateKind::RelatedLink, byte_start: 0, byte_end: "بوتين".len() };
        let d = doc(text, vec![mention(text, "بوتين")], vec![same]);
        assert_eq!(pieces(&d).next().map(|p| p.kind), Some(M(0)));
    }

    #[test]
    fn a_repeated_title_shows_its_names() {
        let text = "بوتين في موسكو\nبوتين في موسكو\nنص";
        let second = text.rfind("بوتين").unwrap();
        let end = text.rfind('\n').unwrap();
        let b = Boilerplate { start: text[..second].chars().count(), end: text[..end].chars().count(), kind: BoilerplateKind::RepeatedTitle, byte_start: second, byte_end: end };
        let mut m = mention(text, "بوتين");
        m.byte_start = second;
        m.byte_end = second + "بوتين".len();
        m.start = text[..second].chars().count();
        m.end = m.start + 5;
        let d = doc(text, vec![m], vec![b]);
        let kinds: Vec<PieceKind> = pieces(&d).map(|p| p.kind).collect();
        assert_eq!(kinds, [PieceKind::Text, PieceKind::Mention(0), PieceKind::Text]);
        assert_eq!(joined(&d), text);
    }

    #[test]
    fn bad_spans_are_ignored() {
        let text = "أ ب ج";
        let mut inside_char = mention(text, "ب");
        inside_char.byte_start += 1;
        inside_char.start = 99;
        let over = Mention { start: 0, end: 999, byte_start: 0, byte_end: 999, ..mention(text, "أ") };
        let ok = mention(text, "ج");
        let overlap = ok.clone();
        let empty = Mention { start: 2, end: 2, byte_start: 2, byte_end: 2, text: String::new(), ..ok.clone() };
        let d = doc(text, vec![inside_char, over, ok, overlap, empty], vec![]);
        assert_eq!(joined(&d), text);
        assert_eq!(pieces(&d).filter(|p| matches!(p.kind, PieceKind::Mention(_))).count(), 1);
    }

    #[test]
    fn offsets_from_code_points_after_a_json_round_trip() {
        let text = "قال بوتين";
        let mut m = mention(text, "بوتين");
        (m.byte_start, m.byte_end) = (0, 0);
        let d = doc(text, vec![m], vec![]);
        let p: Vec<Piece> = pieces(&d).collect();
        assert_eq!(p[1], Piece { kind: PieceKind::Mention(0), text: "بوتين" });
    }

    #[test]
    fn empty_and_plain() {
        assert_eq!(pieces(&doc("", vec![], vec![])).count(), 0);
        assert_eq!(pieces(&doc("نص", vec![], vec![])).collect::<Vec<_>>(), [Piece { kind: PieceKind::Text, text: "نص" }]);
    }
    #[test]
    fn runs_cover_every_piece_once_in_order_and_keep_to_the_budget() {
        for lens in [vec![], vec![5], vec![10, 10, 10], vec![3; 100], vec![1, 50, 1, 1, 50, 2], vec![200, 1, 1]] {
            let r = runs(&lens, 20);
            assert!(!r.is_empty(), "{lens:?}");
            assert_eq!((r.first().unwrap().0, r.last().unwrap().1), (0, lens.len()));
            assert!(r.windows(2).all(|w| w[0].1 == w[1].0 && w[0].0 < w[0].1), "{r:?}");
            // A run closes as soon as it reaches the budget: without its last piece it is under.
            for &(a, b) in &r[..r.len() - 1] {
                assert!(lens[a..b - 1].iter().sum::<usize>() < 20, "{lens:?} {r:?}");
            }
        }
        assert_eq!(runs(&[10, 10, 10], 20), [(0, 2), (2, 3)]);
        assert_eq!(runs(&[], 20), [(0, 0)]);
    }
}

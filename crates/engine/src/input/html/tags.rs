//! The markup of a page read tag by tag: start and end tags with their attributes skipped,
//! comments and doctypes, and the raw text of `<script>`-like elements.

use super::Parser;

pub(super) enum Tag {
    Start { name: String, self_closing: bool },
    End { name: String },
    /// Comment, doctype, processing instruction, CDATA: nothing to show.
    Other,
}

pub(super) fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl<'a> Parser<'a> {
    /// Parses the markup at `self.pos` (a `<`), moving past it. `None` (position unchanged) when the
    /// `<` starts no tag.
    pub(super) fn tag(&mut self) -> Option<Tag> {
        let b = self.bytes;
        let at = self.pos;
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            // `<!-->` and `<!--->` are empty comments.
            let body = &rest[4..];
            let end = if body.starts_with(b">") {
                5
            } else if body.starts_with(b"->") {
                6
            } else {
                find(body, b"-->").map_or(rest.len(), |i| 4 + i + 3)
            };
            self.pos = at + end;
            return Some(Tag::Other);
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            let end = if rest[2..].starts_with(b"[CDATA[") {
                find(rest, b"]]>").map_or(rest.len(), |i| i + 3)
            } else {
                memchr(b'>', rest).map_or(rest.len(), |i| i + 1)
            };
            self.pos = at + end;
            return Some(Tag::Other);
        }
        let (end_tag, name_at) = if rest.starts_with(b"</") { (true, 2) } else { (false, 1) };
        if !rest.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            if end_tag && rest.get(2) == Some(&b'>') {
                self.pos = at + 3; // `</>` is ignored
                return Some(Tag::Other);
            }
            if end_tag {
                // `</ …>` is a bogus comment.
                self.pos = at + memchr(b'>', rest).map_or(rest.len(), |i| i + 1);
                return Some(Tag::Other);
            }
            return None;
        }
        let mut i = name_at;
        while i < rest.len() && !matches!(rest[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' | b'/' | b'>') {
            i += 1;
        }
        let name = String::from_utf8_lossy(&rest[name_at..i]).to_ascii_lowercase();
        // Attributes: skip to the closing `>`, respecting quoted values.
        let mut self_closing = false;
        let mut quote: Option<u8> = None;
        let mut last_non_space = 0u8;
        while i < rest.len() {
            let c = rest[i];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    b'>' => break,
                    b'"' | b'\'' if matches!(last_non_space, b'=') => quote = Some(c),
                    _ => {}
                },
            }
            if quote.is_none() && !c.is_ascii_whitespace() {
                last_non_space = c;
            }
            i += 1;
        }
        if i < rest.len() && i > 0 && rest[i - 1] == b'/' {
            self_closing = true;
        }
        self.pos = at + (i + 1).min(rest.len());
        Some(if end_tag { Tag::End { name } } else { Tag::Start { name, self_closing } })
    }

    /// After the start tag of a raw-text element: moves past its end tag and returns the content.
    pub(super) fn skip_raw_text(&mut self, name: &str) -> &'a str {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        while let Some(off) = memchr(b'<', &b[i..]) {
            let at = i + off;
            let after = at + 2 + name.len();
            if b[at..].starts_with(b"</")
                && b.len() >= after
                && b[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
                && b.get(after).is_none_or(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' | b'/' | b'>'))
            {
                self.pos = at + memchr(b'>', &b[at..]).map_or(b.len() - at, |j| j + 1);
                return &self.html[start..at];
            }
            i = at + 1;
        }
        // No end tag: the rest of the document is the element's content.
        self.pos = b.len();
        &self.html[start..]
    }
}

//! The text as a browser lays it out: white space collapsed, a line per block, every line trimmed.

/// Collapsing output buffer.
#[derive(Default)]
pub(super) struct Out {
    pub(super) s: String,
    pending_space: bool,
    pending_break: bool,
}

impl Out {
    fn flush(&mut self) {
        if self.pending_break {
            if !self.s.is_empty() && !self.s.ends_with('\n') {
                self.s.push('\n');
            }
        } else if self.pending_space && !self.s.is_empty() && !self.s.ends_with(['\n', ' ']) {
            self.s.push(' ');
        }
        self.pending_break = false;
        self.pending_space = false;
    }

    pub(super) fn text(&mut self, t: &str, pre: bool) {
        for c in t.chars() {
            match c {
                '\n' if pre => {
                    self.pending_space = false;
                    self.flush();
                    self.s.push('\n');
                }
                ' ' | '\t' | '\n' | '\r' | '\u{0C}' if !pre => self.pending_space = true,
                '\r' => {}
                c => {
                    self.flush();
                    self.s.push(c);
                }
            }
        }
    }

    pub(super) fn block(&mut self) {
        self.pending_break = true;
    }

    pub(super) fn line_break(&mut self) {
        self.pending_space = false;
        self.flush();
        self.s.push('\n');
    }

    pub(super) fn space(&mut self) {
        self.pending_space = true;
    }

    /// The current end, after a pending block break (so ranges start on a fresh line).
    pub(super) fn mark(&mut self) -> usize {
        self.s.len()
    }
}

/// Trim every line, drop empty lines at both ends and keep at most one empty line in a row.
pub(super) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank > 0 {
                out.push('\n');
            }
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

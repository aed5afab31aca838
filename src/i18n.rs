//! The interface's words: everything comes from the `qarin-i18n` crate (one data file per
//! language, checked at build time); only the message about a refused workspace file, which
//! names this app's own error type, is worded here.

pub use qarin_i18n::*;

use crate::workspace::{ImportError, SCHEMA};

/// A workspace file was refused.
pub fn import_failed(lang: Lang, file: &str, e: &ImportError) -> String {
    let file = &isolate(file);
    match e {
        ImportError::TooLarge(n) => tf(lang, Key::ImportTooLarge, &[("file", file), ("size", &human_size(*n as f64))]),
        ImportError::NotJson(err) => tf(lang, Key::ImportNotJson, &[("file", file), ("err", err)]),
        ImportError::WrongSchema(s) => tf(lang, Key::ImportWrongSchema, &[("file", file), ("schema", s), ("expected", SCHEMA)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_workspace_files_are_named() {
        for e in [ImportError::TooLarge(70 << 20), ImportError::NotJson("x".into()), ImportError::WrongSchema("s".into())] {
            for lang in [Lang::En, Lang::Ar] {
                assert!(import_failed(lang, "w.json", &e).contains("w.json"), "{lang:?} {e:?}");
            }
        }
        assert!(import_failed(Lang::En, "w.json", &ImportError::WrongSchema("s".into())).contains(SCHEMA));
    }
}

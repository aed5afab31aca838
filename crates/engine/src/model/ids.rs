//! Readable ids for entities and fact rows.

/// A URL- and file-safe id part from a Latin name: ASCII letters and digits, lower-cased, every
/// other run of characters one `-`, none at either end.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn slug() {
        assert_eq!(super::slug("Qasm Jumart Tukayif"), "qasm-jumart-tukayif");
        assert_eq!(super::slug("'bd al-Ftah!"), "bd-al-ftah");
        assert_eq!(super::slug("عربي"), "");
    }
}

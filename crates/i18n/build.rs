//! Builds the string tables from `data/en.txt` and `data/ar.txt`, and refuses to build when the
//! two files do not say the same things.
//!
//! Format, one entry per line (`#` starts a comment line, blank lines are ignored):
//!
//! ```text
//! key = text with {placeholders}
//! key[one] = text for one        (a plural entry: one line per plural category)
//! ```
//!
//! Checks: every key is in both files; a plain key is plain in both; a plural key has every
//! category its language needs (English: one, other; Arabic: zero, one, two, few, many, other)
//! and no other; a plain key uses the same placeholders in both languages; a plural form uses
//! only placeholders of the English `other` form (and `{n}`, the count), and may leave some out
//! (Arabic says "two articles" without the number). Out: `Key` (plain entries) and `Plural`
//! (plural entries) enums, and the tables, into `OUT_DIR/tables.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[derive(Default)]
struct Lang {
    plain: BTreeMap<String, String>,
    plural: BTreeMap<String, BTreeMap<String, String>>,
}

/// The prefixes of the keys that `Key::from_name` finds (the wording of engine data by its code).
const LOOKED_UP: [&str; 4] = ["event.", "class.", "subject.", "currency."];

fn parse(name: &str) -> Lang {
    let path = format!("data/{name}.txt");
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lang = Lang::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (k, v) = line.split_once(" = ").unwrap_or_else(|| panic!("{path}:{}: expected `key = text`", n + 1));
        let (k, v) = (k.trim(), v.to_string());
        if let Some((base, cat)) = k.strip_suffix(']').and_then(|k| k.split_once('[')) {
            assert!(CATEGORIES.contains(&cat), "{path}:{}: unknown plural category {cat}", n + 1);
            assert!(!lang.plain.contains_key(base), "{path}:{}: {base} is both plain and plural", n + 1);
            let old = lang.plural.entry(base.to_string()).or_default().insert(cat.to_string(), v);
            assert!(old.is_none(), "{path}:{}: {k} twice", n + 1);
        } else {
            assert!(k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'), "{path}:{}: key {k}: use a-z, 0-9, _ and .", n + 1);
            assert!(!lang.plural.contains_key(k), "{path}:{}: {k} is both plain and plural", n + 1);
            assert!(lang.plain.insert(k.to_string(), v).is_none(), "{path}:{}: {k} twice", n + 1);
        }
    }
    lang
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.insert(rest[i + 1..i + j].to_string());
        rest = &rest[i + j + 1..];
    }
    out
}

fn ident(key: &str) -> String {
    key.split(['_', '.']).map(|w| {
        let mut c = w.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    }).collect()
}

fn main() {
    let en = parse("en");
    let ar = parse("ar");
    let keys_en: BTreeSet<&String> = en.plain.keys().collect();
    let keys_ar: BTreeSet<&String> = ar.plain.keys().collect();
    assert_eq!(keys_en, keys_ar, "data/en.txt and data/ar.txt must have the same plain keys: only in en {:?}, only in ar {:?}", keys_en.difference(&keys_ar).collect::<Vec<_>>(), keys_ar.difference(&keys_en).collect::<Vec<_>>());
    let pk_en: BTreeSet<&String> = en.plural.keys().collect();
    let pk_ar: BTreeSet<&String> = ar.plural.keys().collect();
    assert_eq!(pk_en, pk_ar, "data/en.txt and data/ar.txt must have the same plural keys");
    for k in &keys_en {
        assert_eq!(placeholders(&en.plain[*k]), placeholders(&ar.plain[*k]), "{k}: the same placeholders in both languages");
    }
    for k in &pk_en {
        let need_en: BTreeSet<&str> = ["one", "other"].into();
        let need_ar: BTreeSet<&str> = CATEGORIES.into();
        let has_en: BTreeSet<&str> = en.plural[*k].keys().map(String::as_str).collect();
        let has_ar: BTreeSet<&str> = ar.plural[*k].keys().map(String::as_str).collect();
        assert_eq!(has_en, need_en, "{k}: English plural forms are one and other");
        assert_eq!(has_ar, need_ar, "{k}: Arabic plural forms are zero, one, two, few, many and other");
        let mut allowed = placeholders(&en.plural[*k]["other"]);
        allowed.insert("n".into());
        for v in en.plural[*k].values().chain(ar.plural[*k].values()) {
            let extra: Vec<String> = placeholders(v).difference(&allowed).cloned().collect();
            assert!(extra.is_empty(), "{k}: placeholders {extra:?} are not in the English `other` form");
        }
    }

    let mut out = String::new();
    out.push_str("// Generated by build.rs from data/en.txt and data/ar.txt: do not edit.\n\n");
    out.push_str("/// A plain interface string (see `data/en.txt`).\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for k in &keys_en {
        writeln!(out, "    /// `{k}`\n    {},", ident(k)).unwrap();
    }
    out.push_str("}\n\nimpl Key {\n    /// Every key, in the order of the tables.\n    pub const ALL: &'static [Key] = &[\n");
    for k in &keys_en {
        writeln!(out, "        Key::{},", ident(k)).unwrap();
    }
    out.push_str("    ];\n    /// The key as written in the data files.\n    pub fn name(self) -> &'static str {\n        NAMES.get(self as usize)\n    }\n    /// The key written `name` in the data files, among those the wording of data looks up by
    /// name (`event.`, `class.`, `subject.`, `currency.`: see `LOOKED_UP` in build.rs), so that
    /// the wasm carries only their names.\n    pub fn from_name(name: &str) -> Option<Key> {\n        let (mut lo, mut hi) = (0, LOOKUP_KEYS.len());\n        while lo < hi {\n            let mid = (lo + hi) / 2;\n            match LOOKUP.get(mid).cmp(name) {\n                std::cmp::Ordering::Less => lo = mid + 1,\n                std::cmp::Ordering::Greater => hi = mid,\n                std::cmp::Ordering::Equal => return Some(LOOKUP_KEYS[mid]),\n            }\n        }\n        None\n    }\n}\n\n");
    // Each table is one string and the end offsets of its entries (two bytes an entry, not the
    // eight of a `&str`'s pointer and length: smaller wasm).
    let table = |out: &mut String, name: &str, doc: &str, items: &[&str]| {
        let text: String = items.concat();
        assert!(text.len() < 65_536, "{name}: the table no longer fits u16 offsets");
        let mut end = 0;
        let ends: Vec<String> = items.iter().map(|i| { end += i.len(); end.to_string() }).collect();
        writeln!(out, "/// {doc}\nconst {name}: Table = Table {{ text: {text:?}, ends: &[{}] }};\n", ends.join(", ")).unwrap();
    };
    let names: Vec<&str> = keys_en.iter().map(|k| k.as_str()).collect();
    table(&mut out, "NAMES", "The keys as written in the data files, sorted.", &names);
    let looked_up: Vec<&str> = names.iter().copied().filter(|n| LOOKED_UP.iter().any(|p| n.starts_with(p))).collect();
    table(&mut out, "LOOKUP", "The keys looked up by name, sorted.", &looked_up);
    writeln!(out, "/// The keys of `LOOKUP`, in its order.\nconst LOOKUP_KEYS: &[Key] = &[{}];\n", looked_up.iter().map(|n| format!("Key::{}", ident(n))).collect::<Vec<_>>().join(", ")).unwrap();
    for (name, lang) in [("EN", &en), ("AR", &ar)] {
        let items: Vec<&str> = keys_en.iter().map(|k| lang.plain[*k].as_str()).collect();
        table(&mut out, name, "The plain strings, by key.", &items);
    }
    out.push_str("/// A string with plural forms (see `data/en.txt`).\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Plural {\n");
    for k in &pk_en {
        writeln!(out, "    /// `{k}`\n    {},", ident(k)).unwrap();
    }
    out.push_str("}\n\n");
    for (name, lang) in [("EN_PLURAL", &en), ("AR_PLURAL", &ar)] {
        let items: Vec<&str> = pk_en.iter().flat_map(|k| CATEGORIES.iter().map(move |c| lang.plural[*k].get(*c).map(String::as_str).unwrap_or(""))).collect();
        table(&mut out, name, "Per plural key, six entries: the forms zero, one, two, few, many, other (empty where the language has none).", &items);
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("tables.rs");
    std::fs::write(dest, out).unwrap();
}

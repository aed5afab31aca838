//! The structure of Arabic names as the linker reads it: patronymics, parts of a full name,
//! surnames spelt two ways.

use super::skeleton::edit_distance;
use super::Node;

/// Whether a full name ends in a patronymic (`محمد بن سلمان`: سلمان is the father's name, not a
/// family name, so `سلمان` alone is not this man).
pub(super) fn patronymic_last(words: &[String]) -> bool {
    words.len() >= 2 && matches!(words[words.len() - 2].as_str(), "بن" | "ابن" | "بنت")
}

/// Whether the name's last word is a clan's name after `آل` (`حمد بن عيسى آل خليفة`): nobody is
/// called by that word alone (`خليفة` alone is a given name, `آل خليفة` the family).
pub(super) fn clan_last(words: &[String]) -> bool {
    words.len() >= 2 && matches!(words[words.len() - 2].as_str(), "ال" | "آل")
}

/// A word of a person's name without its article when three letters or more stay: the article is
/// written or not on the same name (`الحسين بن عبدالله` / `حسين بن عبدالله`, `رجوة السيف` /
/// `رجوة آل سيف`).
pub(super) fn without_article(w: &str) -> &str {
    w.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(w)
}

/// A given name of the name lists (the gazetteers and ANERcorp's first words, the egy-names book).
pub(super) fn given_name(w: &str) -> bool {
    let lex = crate::lexicon::lexicon();
    lex.first_names.contains(w) || lex.book_given_names.contains(w)
}

/// Whether the person's name `s` is a part of the full name `f` (skeletons, word by word): its
/// family name (not a patronymic), its given name alone, or its given and family names.
pub(super) fn part_of(s: &Node, f: &Node) -> bool {
    // `ولد الغزواني` in `محمد ولد الغزواني`, `بن سلمان` in `محمد بن سلمان`: the end of the chain
    // with its connector is how the man is called.
    if s.words.len() == 2 && matches!(s.words[0].as_str(), "ولد" | "بن" | "ابن") && f.words.len() > 2 && f.words.ends_with(&s.words) {
        return true;
    }
    // `نواف الأحمد` in `نواف الأحمد الجابر الصباح`: a given name and a father's name with the
    // article open a Gulf chain.
    if s.words.len() >= 2 && s.words[1].starts_with("ال") && f.words.len() > s.words.len() && f.words.starts_with(&s.words) && f.words[s.words.len()].starts_with("ال") {
        return true;
    }
    // `قابوس بن سعيد` in `قابوس بن سعيد بن تيمور`: a chain of fathers' names goes on.
    if patronymic_last(&s.words) && f.words.len() > s.words.len() && f.words.starts_with(&s.words) && matches!(f.words[s.words.len()].as_str(), "بن" | "ابن" | "بنت") {
        return true;
    }
    let (sw, fw) = (&s.skeletons, &f.skeletons);
    if sw.len() >= fw.len() || sw.is_empty() || !is_subsequence(sw, fw) {
        return false;
    }
    let family = sw.last() == fw.last() && !patronymic_last(&f.words);
    let given = sw.first() == fw.first() && (sw.len() >= 2 || s.key.chars().count() >= 3);
    (sw.len() == 1 && (family || given)) || (sw.len() >= 2 && given && (family || sw.last() == fw.last()))
}

/// Surname skeletons close enough to be one name spelt two ways: without the article `ال`, at
/// least four letters each, at most two edits apart and the edits at most half the shorter one
/// (`سميلوف`/`إسماعيلوف`: سملف/اسمعلف, two edits), or of three letters or more written with and without
/// the article (`علي سمودي`/`علي السمودي`). `الخامس`/`السادس` (خمس/سدس) or
/// `السعدي`/`السيد` are too short to tell apart by spelling: different people.
pub(super) fn close_surnames(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.strip_prefix("ال").filter(|r| !r.is_empty()).unwrap_or(s).to_string();
    let (a, b) = (strip(a), strip(b));
    let shorter = a.chars().count().min(b.chars().count());
    let d = edit_distance(&a, &b);
    (shorter >= 4 && d <= 2 && 2 * d <= shorter) || (d == 0 && shorter >= 3)
}

/// `long` is `short` and one or more relative adjectives (`كأس الخليج` → `كأس الخليج العربي`):
/// definite words of five letters or more ending in `ي`/`ية`, so no place and no number.
pub(super) fn with_adjectives(short: &[String], long: &[String]) -> bool {
    long.len() > short.len()
        && long.starts_with(short)
        && long[short.len()..].iter().all(|x| x.starts_with("ال") && (x.ends_with('ي') || x.ends_with("يه") || x.ends_with("ية")) && x.chars().count() >= 5)
}

pub(super) fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

//! Coverage at a glance: for each entity and article, how often the article names it and whether
//! it names it prominently; per article, the names only it gives, and its blind spots (names
//! every other article gives and it leaves out). Data only: the app draws it and words it.
//!
//! Rules:
//! - Counts are the entity's mentions per article, site boilerplate excluded (as in the table).
//! - Prominent: a mention outside boilerplate starts in the article's lead, that is, before the
//!   end of its second line that is not empty and not boilerplate (a headline and the first
//!   paragraph, however the article was pasted or read), and within its first [`LEAD_CHARS`]
//!   code points (a text without line breaks has no paragraphs to go by).
//! - Only this article: entities named by exactly one article, most mentioned first.
//! - Blind spots: with three articles or more, entities named by every article but this one,
//!   most mentioned first. (With two, "every other" is one article: that is its "only" list.)

use crate::model::{Analysis, DocumentAnalysis};

/// The lead is never longer than this (code points).
pub const LEAD_CHARS: usize = 600;

/// One article's part of the picture.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleCoverage {
    /// Entities (indices into `Analysis::entities`) named only by this article.
    pub only: Vec<usize>,
    /// Entities named by every other article and not by this one.
    pub missing: Vec<usize>,
}

/// The whole picture: prominence per entity and article, and each article's lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// `prominent[e][d]`: entity `e` is named in article `d`'s lead.
    pub prominent: Vec<Vec<bool>>,
    pub articles: Vec<ArticleCoverage>,
}

/// Where the lead of `d` ends (code points).
pub fn lead_end(d: &DocumentAnalysis) -> usize {
    let in_boilerplate = |c: usize| d.boilerplate.iter().any(|b| b.start <= c && c < b.end);
    let mut lines = 0;
    let mut at = 0; // code point offset of the line's start
    for line in d.text.split('\n') {
        let n = line.chars().count();
        let content = line.chars().position(|c| !c.is_whitespace()).map(|p| at + p);
        if content.is_some_and(|c| !in_boilerplate(c)) {
            lines += 1;
            if lines == 2 {
                return (at + n).min(LEAD_CHARS);
            }
        }
        if at + n >= LEAD_CHARS {
            return LEAD_CHARS;
        }
        at += n + 1;
    }
    at.saturating_sub(1).min(LEAD_CHARS)
}

/// The picture of `a`.
pub fn coverage(a: &Analysis) -> Coverage {
    let n = a.documents.len();
    let leads: Vec<usize> = a.documents.iter().map(lead_end).collect();
    let index: std::collections::HashMap<&str, usize> = a.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut prominent = vec![vec![false; n]; a.entities.len()];
    for (di, d) in a.documents.iter().enumerate() {
        for m in &d.mentions {
            let in_boilerplate = d.boilerplate.iter().any(|b| b.start <= m.start && m.start < b.end);
            if m.start < leads[di] && !in_boilerplate {
                if let Some(&e) = index.get(m.entity.as_str()) {
                    prominent[e][di] = true;
                }
            }
        }
    }
    let mut articles = vec![ArticleCoverage::default(); n];
    for (ei, e) in a.entities.iter().enumerate() {
        let named: Vec<bool> = a.documents.iter().map(|d| e.documents.get(&d.id).is_some_and(|&c| c > 0)).collect();
        let count = named.iter().filter(|&&x| x).count();
        if count == 1 && n > 1 {
            let d = named.iter().position(|&x| x).expect("one article names it");
            articles[d].only.push(ei);
        }
        if n >= 3 && count == n - 1 {
            let d = named.iter().position(|&x| !x).expect("one article does not name it");
            articles[d].missing.push(ei);
        }
    }
    let total = |&e: &usize| std::cmp::Reverse(a.entities[e].documents.values().sum::<usize>());
    for ac in &mut articles {
        crate::sort::by_key(&mut ac.only, total);
        crate::sort::by_key(&mut ac.missing, total);
    }
    Coverage { prominent, articles }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Document};

    fn doc(id: &str, text: &str) -> Document {
        Document { id: id.into(), file: format!("{id}.txt"), title: id.into(), text: text.into(), ..Default::default() }
    }

    #[test]
    fn the_lead_is_the_first_two_lines_that_are_not_empty() {
        let a = analyze(&[doc("a", "\n\nعنوان\n\nفقرة أولى\nفقرة ثانية")]);
        let d = &a.documents[0];
        assert_eq!(&d.text.chars().take(lead_end(d)).collect::<String>(), "\n\nعنوان\n\nفقرة أولى");
        let long = "كلمة ".repeat(300);
        let a = analyze(&[doc("b", &long)]);
        assert_eq!(lead_end(&a.documents[0]), LEAD_CHARS);
    }

    #[test]
    fn prominence_only_and_blind_spots() {
        let a = analyze(&[
            doc("a", "التقى الرئيس عبد الفتاح السيسي في القاهرة.\nوقال السيسي إن مصر تدعم الحل.\nوحضر وزير الخارجية سامح شكري."),
            doc("b", "بحث الرئيس عبد الفتاح السيسي في القاهرة الأزمة.\nوأكد الرئيس المصري أهمية الحوار."),
            doc("c", "في القاهرة عقد اجتماع.\nوقال عبد الفتاح السيسي إن الحل قريب.\nوزار السيسي الرياض بعد ذلك مع الوزير سامح شكري."),
        ]);
        let cov = coverage(&a);
        let find = |label: &str| a.entities.iter().position(|e| e.label.contains(label)).unwrap_or_else(|| panic!("no {label}: {:?}", a.entities));
        let sisi = find("السيسي");
        assert_eq!(cov.prominent[sisi], [true, true, true], "named in every lead");
        let cairo = find("القاهرة");
        assert_eq!(cov.prominent[cairo], [true, true, true]);
        let riyadh = find("الرياض");
        assert_eq!(cov.prominent[riyadh], [false, false, false], "third line of c is past its lead");
        assert!(cov.articles[2].only.contains(&riyadh));
        let shoukry = find("شكري");
        assert_eq!(cov.articles[1].missing, [shoukry], "named by a and c, not by b");
        assert!(cov.articles[0].missing.is_empty() && cov.articles[2].missing.is_empty());
        assert!(cov.articles.iter().all(|ac| !ac.only.contains(&sisi)));
        // Every entity named by a and c but not b is among b's blind spots, and only those.
        for (e, ent) in a.entities.iter().enumerate() {
            let in_ac = ["a", "c"].iter().all(|d| ent.documents.contains_key(*d));
            assert_eq!(cov.articles[1].missing.contains(&e), in_ac && !ent.documents.contains_key("b"), "{}", ent.label);
        }
    }
}

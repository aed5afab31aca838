//! Three-way merge: what one tab changed since it last met storage (`base` → `ours`), applied on
//! what storage holds now (`theirs`, which other tabs may have changed meanwhile). So no tab's
//! write drops another tab's change.
//!
//! Rules, part by part:
//! - **articles** (by id): those this tab removed go; those it changed (metadata or text) take
//!   this tab's version, even if another tab removed them meanwhile (an edit keeps an article);
//!   those it added are put after the article that precedes them in this tab's list. An added
//!   article whose id another tab used meanwhile for a different article gets a new id.
//!   Everything else is as storage has it.
//! - **bundled articles removed**, **decisions**: sets; this tab's additions and removals apply
//!   to storage's set.
//! - **edits of bundled articles**: per article, this tab's edit if it made one, else storage's.
//! - **bundled corpus shown**, **settings**: this tab's value if it changed it, else storage's.
//!
//! Without another tab (`theirs == base`) the result is `ours`; without a change here
//! (`ours == base`) it is `theirs`.

use super::{Article, Workspace};
use std::collections::{HashMap, HashSet};

/// The merged workspace, and the ids this tab's added articles had to change (old, new).
/// Linear in the number of articles (a tab may hold thousands).
pub fn merge(base: &Workspace, ours: &Workspace, theirs: &Workspace, taken: impl Fn(&str) -> bool) -> (Workspace, Vec<(String, String)>) {
    let by_id = |list: &[Article]| -> HashMap<String, usize> { list.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect() };
    let (in_base, in_ours, in_theirs) = (by_id(&base.articles), by_id(&ours.articles), by_id(&theirs.articles));
    let before = |id: &str| in_base.get(id).map(|&i| &base.articles[i]);

    // Storage's articles, without those removed here, with those changed here.
    let mut kept = Vec::with_capacity(theirs.articles.len() + ours.articles.len());
    for t in &theirs.articles {
        match (before(&t.id), in_ours.get(&t.id).map(|&i| &ours.articles[i])) {
            (Some(_), None) => {}                                 // removed here
            (Some(b), Some(o)) if b != o => kept.push(o.clone()), // changed here
            _ => kept.push(t.clone()),
        }
    }
    let mut present: HashSet<String> = kept.iter().map(|a| a.id.clone()).collect();

    // Articles added here (or changed here and removed there), each after the nearest article
    // before it in this tab's list that the result has.
    let mut renamed = Vec::new();
    let mut after: HashMap<Option<String>, Vec<Article>> = HashMap::new();
    let mut last: Option<String> = None;
    for o in &ours.articles {
        let was = before(&o.id);
        if present.contains(&o.id) {
            let theirs_differs = in_theirs.get(&o.id).is_some_and(|&i| theirs.articles[i] != *o);
            if was.is_none() && theirs_differs {
                // Added here under an id another tab gave to another article meanwhile.
                let mut a = o.clone();
                a.id = qarin_engine::input::corpus::unique_id(&o.id, |id| taken(id) || present.contains(id) || in_ours.contains_key(id));
                renamed.push((o.id.clone(), a.id.clone()));
                present.insert(a.id.clone());
                let anchor = std::mem::replace(&mut last, Some(a.id.clone()));
                after.entry(anchor).or_default().push(a);
                continue;
            }
            last = Some(o.id.clone());
            continue;
        }
        if was == Some(o) {
            continue; // unchanged here, removed there
        }
        present.insert(o.id.clone());
        after.entry(last.clone()).or_default().push(o.clone());
        last = Some(o.id.clone());
    }

    let mut out = theirs.clone();
    out.schema = ours.schema.clone();
    out.articles = Vec::with_capacity(present.len());
    let mut emit = |anchor: Option<String>, out: &mut Vec<Article>| {
        let mut stack: Vec<Article> = after.remove(&anchor).unwrap_or_default();
        stack.reverse();
        while let Some(a) = stack.pop() {
            let id = Some(a.id.clone());
            out.push(a);
            if let Some(mut more) = after.remove(&id) {
                more.reverse();
                stack.extend(more);
            }
        }
    };
    emit(None, &mut out.articles);
    for k in kept {
        let id = Some(k.id.clone());
        out.articles.push(k);
        emit(id, &mut out.articles);
    }

    // The bundled corpus.
    if ours.bundled.shown != base.bundled.shown {
        out.bundled.shown = ours.bundled.shown;
    }
    out.bundled.removed = merge_set(&base.bundled.removed, &ours.bundled.removed, &theirs.bundled.removed);
    let keys: Vec<&String> = base.bundled.edits.keys().chain(ours.bundled.edits.keys()).collect();
    for k in keys {
        let (b, o) = (base.bundled.edits.get(k), ours.bundled.edits.get(k));
        if b != o {
            match o {
                Some(m) => out.bundled.edits.insert(k.clone(), m.clone()),
                None => out.bundled.edits.remove(k),
            };
        }
    }

    out.decisions = merge_set(&base.decisions, &ours.decisions, &theirs.decisions);
    if ours.settings != base.settings {
        out.settings = ours.settings.clone();
    }
    (out, renamed)
}

/// A set kept as a list: `theirs` without what this tab removed, with what it added (after the
/// item that precedes it here).
fn merge_set<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = theirs.iter().filter(|x| !(base.contains(x) && !ours.contains(x))).cloned().collect();
    for (i, x) in ours.iter().enumerate() {
        if base.contains(x) || out.contains(x) {
            continue;
        }
        let at = ours[..i].iter().rev().find_map(|p| out.iter().position(|r| r == p)).map_or(0, |j| j + 1);
        out.insert(at, x.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Meta;
    use qarin_engine::decisions::Decision;

    fn art(id: &str, title: &str) -> Article {
        Article { id: id.into(), title: title.into(), text: format!("text of {id}"), ..Default::default() }
    }

    fn ws(ids: &[(&str, &str)]) -> Workspace {
        Workspace { articles: ids.iter().map(|(i, t)| art(i, t)).collect(), ..Default::default() }
    }

    fn ids(w: &Workspace) -> Vec<&str> {
        w.articles.iter().map(|a| a.id.as_str()).collect()
    }

    fn m(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Workspace {
        merge(base, ours, theirs, |_| false).0
    }

    /// Changes made by the workspace's own operations, as one tab makes them.
    fn variants(base: &Workspace) -> Vec<Workspace> {
        let bundled = vec![qarin_engine::Document { id: "b1".into(), ..Default::default() }];
        let mut out = Vec::new();
        let mut w = base.clone();
        w.add(vec![art("", "new")], &bundled);
        out.push(w.clone());
        let u = w.remove("a", &bundled).unwrap();
        out.push(w.clone());
        w.undo(u, &bundled);
        out.push(w.clone());
        w.edit_meta("b", Meta { title: "renamed".into(), ..Default::default() }, &bundled);
        out.push(w.clone());
        w.remove("b1", &bundled);
        w.show_bundled(false);
        w.show_types([true, false, true, true]);
        w.edit_meta("b1", Meta { title: "bundled, renamed".into(), ..Default::default() }, &bundled);
        out.push(w.clone());
        w.decide(Decision::Split { entity: "e1".into(), spelling: "x".into() });
        out.push(w.clone());
        let mut other = ws(&[("z", "imported")]);
        other.decisions = vec![];
        w.replace(other);
        out.push(w);
        out
    }

    #[test]
    fn alone_the_result_is_this_tabs_workspace_and_without_change_it_is_storages() {
        let base = ws(&[("a", "A"), ("b", "B"), ("c", "C")]);
        for v in variants(&base) {
            assert_eq!(m(&base, &v, &base), v, "no other tab");
            assert_eq!(m(&base, &base, &v), v, "no change here");
        }
    }

    #[test]
    fn additions_and_removals_of_two_tabs_are_all_kept() {
        let base = ws(&[("a", "A"), ("b", "B")]);
        // Here: add x, remove a. There: add y, remove b.
        let ours = ws(&[("b", "B"), ("x", "X")]);
        let theirs = ws(&[("a", "A"), ("y", "Y")]);
        let got = m(&base, &ours, &theirs);
        assert_eq!(ids(&got), ["x", "y"]);
    }

    #[test]
    fn thousands_of_articles_merge_whole_and_in_order() {
        let list = |r: std::ops::Range<usize>, p: &str| -> Vec<(String, String)> { r.map(|i| (format!("{p}{i}"), format!("T{i}"))).collect() };
        let make = |v: Vec<(String, String)>| Workspace { articles: v.iter().map(|(i, t)| art(i, t)).collect(), ..Default::default() };
        let base = make(list(0..3000, "a"));
        // Here: the first 500 removed, 1,000 added. There: the last 500 removed, 1,000 added.
        let ours = make([list(500..3000, "a"), list(0..1000, "x")].concat());
        let theirs = make([list(0..2500, "a"), list(0..1000, "y")].concat());
        let got = m(&base, &ours, &theirs);
        // This tab's additions go after the last of its articles the result has (a2499).
        let want: Vec<String> = [list(500..2500, "a"), list(0..1000, "x"), list(0..1000, "y")].concat().into_iter().map(|(i, _)| i).collect();
        let got = ids(&got);
        let first_difference = got.iter().zip(&want).position(|(g, w)| g != w);
        assert_eq!((got.len(), first_difference), (want.len(), None), "{:?}", first_difference.map(|i| &got[i.saturating_sub(2)..i + 2]));
    }

    #[test]
    fn an_id_taken_meanwhile_by_another_tab_is_renamed() {
        let base = ws(&[("a", "A")]);
        let ours = ws(&[("a", "A"), ("x", "mine")]);
        let theirs = ws(&[("a", "A"), ("x", "theirs")]);
        let (got, renamed) = merge(&base, &ours, &theirs, |_| false);
        assert_eq!(ids(&got), ["a", "x-2", "x"]);
        assert_eq!(got.articles[1].title, "mine");
        assert_eq!(renamed, [("x".to_string(), "x-2".to_string())]);
        // The same article added by both (an identical record) is kept once.
        let ours = ws(&[("a", "A"), ("x", "theirs")]);
        assert_eq!(ids(&m(&base, &ours, &theirs)), ["a", "x"]);
    }

    #[test]
    fn an_edit_here_wins_over_storage_and_keeps_an_article_removed_there() {
        let base = ws(&[("a", "A"), ("b", "B")]);
        let ours = ws(&[("a", "A, renamed here"), ("b", "B")]);
        let theirs = ws(&[("b", "B, renamed there")]);
        let got = m(&base, &ours, &theirs);
        assert_eq!(got.articles.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(), ["A, renamed here", "B, renamed there"]);
    }

    #[test]
    fn decisions_and_bundled_choices_merge_as_sets_and_values() {
        let mut base = Workspace::default();
        base.bundled.removed = vec!["b1".into()];
        let mut ours = base.clone();
        ours.bundled.removed = vec!["b1".into(), "b2".into()];
        ours.settings.hidden_types = vec!["MISC".into()];
        let mut theirs = base.clone();
        theirs.bundled.removed = vec![];
        theirs.bundled.shown = false;
        theirs.bundled.edits.insert("b3".into(), Meta { title: "t".into(), ..Default::default() });
        let got = m(&base, &ours, &theirs);
        assert_eq!(got.bundled.removed, ["b2"]);
        assert!(!got.bundled.shown);
        assert_eq!(got.bundled.edits.len(), 1);
        assert_eq!(got.settings.hidden_types, ["MISC"]);
    }
}

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

/// The merged workspace, and the ids this tab's added articles had to change (old, new).
pub fn merge(base: &Workspace, ours: &Workspace, theirs: &Workspace, taken: impl Fn(&str) -> bool) -> (Workspace, Vec<(String, String)>) {
    let mut renamed = Vec::new();
    let mut out = theirs.clone();
    out.schema = ours.schema.clone();

    // Articles.
    let find = |list: &[Article], id: &str| list.iter().position(|a| a.id == id);
    out.articles.retain(|a| !(find(&base.articles, &a.id).is_some() && find(&ours.articles, &a.id).is_none()));
    for (i, a) in ours.articles.iter().enumerate() {
        let before = base.articles.iter().find(|b| b.id == a.id);
        if before == Some(a) {
            continue; // unchanged here
        }
        if let Some(j) = find(&out.articles, &a.id) {
            if before.is_some() || out.articles[j] == *a {
                out.articles[j] = a.clone(); // changed here (or added alike in both)
                continue;
            }
            // Added here under an id another tab gave to another article meanwhile.
            let mut a = a.clone();
            let fresh = qarin_engine::input::corpus::unique_id(&a.id, |id| {
                taken(id) || out.articles.iter().any(|x| x.id == id) || ours.articles.iter().any(|x| x.id == id)
            });
            renamed.push((a.id.clone(), fresh.clone()));
            a.id = fresh;
            let at = insert_at(&out.articles, &ours.articles[..i]);
            out.articles.insert(at, a);
            continue;
        }
        let at = insert_at(&out.articles, &ours.articles[..i]);
        out.articles.insert(at, a.clone());
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

/// Where to put an article added here: after the last of the articles before it (in this tab's
/// list) that the result has, or first.
fn insert_at(result: &[Article], before: &[Article]) -> usize {
    before.iter().rev().find_map(|p| result.iter().position(|r| r.id == p.id)).map_or(0, |j| j + 1)
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

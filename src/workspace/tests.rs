//! Native unit tests of the workspace: its operations and their undo, the export/import round
//! trip and the repairs on import, the localStorage index, safe links.

use super::*;

/// The fingerprint of "نص طويل" (computed independently, in Python, from the definition).
const STORED_FINGERPRINT: &str = "a5eef16a4f34d605";

fn bundled() -> Vec<Document> {
    vec![
        Document { id: "b1".into(), file: "b1.txt".into(), title: "أ".into(), text: "نص أ".into(), ..Default::default() },
        Document { id: "b2".into(), file: "b2.txt".into(), title: "ب".into(), outlet: "o".into(), text: "نص ب".into(), ..Default::default() },
    ]
}

fn article(id: &str, text: &str) -> Article {
    Article { id: id.into(), file: format!("{id}.txt"), title: id.into(), encoding: "UTF-8".into(), text: text.into(), ..Default::default() }
}

#[test]
fn documents_follow_the_bundled_settings() {
    let b = bundled();
    let mut ws = Workspace::default();
    ws.articles.push(article("mine", "نصي"));
    let ids = |ws: &Workspace| ws.documents(&b).iter().map(|(d, s)| format!("{}:{}", d.id, s.code())).collect::<Vec<_>>();
    assert_eq!(ids(&ws), ["b1:bundled", "b2:bundled", "mine:user"]);
    ws.bundled.removed.push("b1".into());
    assert_eq!(ids(&ws), ["b2:bundled", "mine:user"]);
    ws.bundled.shown = false;
    assert_eq!(ids(&ws), ["mine:user"]);
}

#[test]
fn ids_are_unique_against_bundled_and_user() {
    let b = bundled();
    let mut ws = Workspace::default();
    assert_eq!(ws.new_id("b1.txt", &b), "b1-2");
    assert_eq!(ws.new_id("", &b), "pasted");
    ws.articles.push(article("pasted", "x"));
    assert_eq!(ws.new_id("  ", &b), "pasted-2");
    assert_eq!(ws.new_id("dir/خبر اليوم.html", &b), "خبر_اليوم");
}

#[test]
fn metadata_edits() {
    let b = bundled();
    let mut ws = Workspace::default();
    ws.articles.push(article("mine", "نصي"));
    let m = Meta { title: "  عنوان \n جديد ".into(), outlet: "الجزيرة".into(), date: "2022-01-11".into(), url: "https://example.org/a".into() };
    assert!(ws.set_meta("mine", m.clone(), &b));
    assert_eq!(ws.articles[0].title, "عنوان جديد");
    assert!(ws.set_meta("b2", m, &b));
    assert_eq!(ws.bundled.edits["b2"].outlet, "الجزيرة");
    assert_eq!(ws.documents(&b)[1].0.title, "عنوان جديد");
    // Setting a bundled article back to its own metadata drops the edit.
    assert!(ws.set_meta("b2", Meta::of(&b[1]), &b));
    assert!(ws.bundled.edits.is_empty());
    assert!(!ws.set_meta("nope", Meta::default(), &b));
}

#[test]
fn export_import_round_trip_is_byte_for_byte() {
    let b = bundled();
    let mut ws = Workspace::default();
    let tricky = "سطر أول\n\u{FEFF}«اقتباس» <script>alert(1)</script> &amp; \"q\" \\ \u{200F}\t\n\n";
    ws.articles.push(article("a", tricky));
    ws.articles.push(Article { encoding: "windows-1256".into(), ..article("w", "نص ويندوز") });
    ws.bundled.removed.push("b1".into());
    ws.bundled.edits.insert("b2".into(), Meta { title: "t".into(), ..Default::default() });
    ws.decisions.push(Decision::Merge { keep: "per-a".into(), absorb: "per-b".into() });
    ws.decisions.push(Decision::Split { entity: "loc-x".into(), spelling: "س".into() });
    ws.settings.set_shown_types([true, false, true, false]);
    let json = ws.export_json();
    assert!(json.contains("\"schema\": \"qarin.workspace/1\""));
    let (back, skipped) = Workspace::import(&json, &b).unwrap();
    assert!(skipped.is_empty());
    assert_eq!(back, ws);
    assert_eq!(back.articles[0].text, tricky);
    assert_eq!(back.export_json(), json, "export → import → export is the same file");
    assert_eq!(back.settings.shown_types(), [true, false, true, false]);
}

#[test]
fn import_refuses_other_files_and_repairs_articles() {
    let b = bundled();
    assert!(matches!(Workspace::import("not json", &b), Err(ImportError::NotJson(_))));
    assert_eq!(
        Workspace::import(r#"{"schema":"qarin.analysis/1","documents":[]}"#, &b),
        Err(ImportError::WrongSchema("qarin.analysis/1".into()))
    );
    assert_eq!(Workspace::import("{}", &b), Err(ImportError::WrongSchema(String::new())));
    // A field of the wrong kind is named by its path; a bundled set hidden stays hidden.
    let wrong = Workspace::import(r#"{"schema":"qarin.workspace/1","articles":[{"id":"a","text":"ن"},{"id":"b","title":7}]}"#, &b);
    assert_eq!(wrong, Err(ImportError::NotJson("expected a string at `articles[1].title`".into())));
    let hidden = Workspace::import(r#"{"schema":"qarin.workspace/1","bundled":{"shown":false,"removed":null}}"#, &b).unwrap().0;
    assert!(!hidden.bundled.shown && hidden.bundled.removed.is_empty());
    let raw = r#"{"schema":"qarin.workspace/1","articles":[
        {"id":"b1","text":"نص\r\nمكرر"},
        {"id":"../x y","title":"","text":"عنوان\nنص"},
        {"id":"e","title":"فارغ","text":"  "},
        {"id":"b1","text":"ثالث"}],
        "bundled":{"removed":["b2","gone"],"edits":{"gone":{}}},
        "settings":{"hidden_types":["PER","XYZ"]},
        "extra":"ignored"}"#;
    let (ws, skipped) = Workspace::import(raw, &b).unwrap();
    let ids: Vec<&str> = ws.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b1-2", "x_y", "b1-3"]);
    assert_eq!(ws.articles[0].text, "نص\nمكرر");
    assert_eq!(ws.articles[1].title, "عنوان");
    assert_eq!(skipped, ["فارغ: empty"]);
    assert_eq!(ws.bundled.removed, ["b2"]);
    assert!(ws.bundled.shown && ws.bundled.edits.is_empty());
    assert_eq!(ws.settings.hidden_types, ["PER"]);
}

/// Every change, then its undo, gives the workspace back.
#[test]
fn every_change_undoes() {
    let b = bundled();
    let mut ws = Workspace::default();
    ws.articles.push(article("mine", "نصي"));
    ws.articles.push(article("other", "نص آخر"));
    ws.decisions.push(Decision::Merge { keep: "a".into(), absorb: "b".into() });
    let start = ws.clone();
    let check = |ws: &mut Workspace, u: Undo| {
        ws.undo(u, &b);
        assert_eq!(*ws, start);
    };
    let (ids, u) = ws.add(vec![article("b1", "جديد"), article("mine", "ثان")], &b);
    assert_eq!(ids, ["b1-2", "mine-2"]);
    assert_eq!(ws.articles.len(), 4);
    check(&mut ws, u);
    let u = ws.remove("mine", &b).unwrap();
    assert_eq!(ws.articles.len(), 1);
    check(&mut ws, u);
    let u = ws.remove("b2", &b).unwrap();
    assert_eq!(ws.documents(&b).len(), 3);
    check(&mut ws, u);
    assert_eq!(ws.remove("nope", &b), None);
    let m = Meta { title: "عنوان".into(), ..Meta::of(&b[1]) };
    let u = ws.edit_meta("b2", m.clone(), &b).unwrap();
    assert_eq!(ws.bundled.edits["b2"], m);
    check(&mut ws, u);
    let u = ws.edit_meta("mine", Meta { outlet: "الجزيرة".into(), title: "mine".into(), ..Meta::default() }, &b).unwrap();
    assert_eq!(ws.articles[0].outlet, "الجزيرة");
    check(&mut ws, u);
    assert_eq!(ws.edit_meta("mine", Meta { title: "mine".into(), ..Meta::default() }, &b), None, "nothing changed");
    let u = ws.show_bundled(false).unwrap();
    assert_eq!(ws.show_bundled(false), None);
    check(&mut ws, u);
    ws.remove("b1", &b);
    let before = ws.clone();
    let u = ws.restore_removed().unwrap();
    assert!(ws.bundled.removed.is_empty());
    ws.undo(u, &b);
    assert_eq!(ws, before);
    ws = start.clone();
    let u = ws.show_types([false, true, true, true]).unwrap();
    assert_eq!(ws.settings.hidden_types, ["PER"]);
    check(&mut ws, u);
    let d = Decision::Split { entity: "x".into(), spelling: "س".into() };
    let u = ws.decide(d.clone());
    assert_eq!(ws.decisions.len(), 2);
    check(&mut ws, u);
    let u = ws.retract(&start.decisions[0]).unwrap();
    assert!(ws.decisions.is_empty());
    check(&mut ws, u);
    let u = ws.replace(Workspace::default());
    assert!(ws.articles.is_empty());
    check(&mut ws, u);
}

#[test]
fn undoing_a_removal_after_the_id_was_taken_renames() {
    let b = bundled();
    let mut ws = Workspace::default();
    ws.articles.push(article("a", "نص"));
    let u = ws.remove("a", &b).unwrap();
    ws.articles.push(article("a", "نص آخر"));
    assert_eq!(ws.undo(u, &b).as_deref(), Some("a-2"));
    assert_eq!(ws.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a-2", "a"]);
}

#[test]
fn only_web_addresses_are_linked() {
    assert_eq!(safe_url(" https://example.org/a?b=1 "), Some("https://example.org/a?b=1"));
    assert_eq!(safe_url("HTTP://example.org"), Some("HTTP://example.org"));
    for bad in ["javascript:alert(1)", "JavaScript:alert(1)", " data:text/html,x", "//evil", "example.org", "https://", "https://a b", "http://x\u{0}"] {
        assert_eq!(safe_url(bad), None, "{bad}");
    }
}

#[test]
fn the_index_holds_no_text() {
    let mut ws = Workspace::default();
    ws.articles.push(article("a", "نص طويل"));
    ws.articles.push(article("b", "نص آخر"));
    let sketch = ws.sketch();
    let index = serde_json::to_string(&sketch).unwrap();
    assert!(!index.contains("نص"));
    let back = Workspace::from_index(&index).unwrap();
    assert_eq!(back, sketch);
    assert_eq!(back.articles[0].text, format!("{:016x}", crate::workspace::fingerprint("نص طويل")));
    assert_ne!(back.articles[0].text, back.articles[1].text);
    // Equal workspaces have equal sketches; a changed text changes it.
    let mut other = ws.clone();
    assert_eq!(other.sketch(), sketch);
    other.articles[1].text.push('.');
    assert_ne!(other.sketch(), sketch);
    assert_eq!(text_key("a"), "qarin.text.a");
    // Any one changed, added or removed byte changes a fingerprint, in the 8-byte words and in
    // the tail; and the fingerprint of a text is what storage already holds (it must not change
    // from one version to the next).
    let base = "قال الوزير في مؤتمر صحفي إن 12 شخصا";
    let fp = crate::workspace::fingerprint(base);
    let bytes = base.as_bytes();
    for i in 0..bytes.len() {
        let mut b = bytes.to_vec();
        b[i] ^= 1;
        assert_ne!(crate::workspace::fingerprint(&String::from_utf8_lossy(&b)), fp, "byte {i}");
    }
    assert_ne!(crate::workspace::fingerprint(&format!("{base} ")), fp);
    assert_ne!(crate::workspace::fingerprint(&base[..base.len() - 'ا'.len_utf8()]), fp);
    assert_ne!(crate::workspace::fingerprint(""), crate::workspace::fingerprint("\0"));
    assert_eq!(format!("{:016x}", crate::workspace::fingerprint("نص طويل")), STORED_FINGERPRINT);
    // A list of words has the fingerprint of its bytes (the key of a kept analysis); order counts.
    let (a, b) = (u64::from_le_bytes(*b"abcdefgh"), u64::from_le_bytes(*b"ijklmnop"));
    assert_eq!(crate::workspace::fingerprint_words(&[a, b]), crate::workspace::fingerprint("abcdefghijklmnop"));
    assert_ne!(crate::workspace::fingerprint_words(&[b, a]), crate::workspace::fingerprint_words(&[a, b]));
    assert!(Workspace::from_index("{\"schema\":\"x\"}").is_err());
}

#[test]
fn stored_texts_are_attached_and_the_missing_named() {
    let mut ws = Workspace::default();
    ws.articles.push(article("a", ""));
    ws.articles.push(Article { id: "b".into(), title: "بلا نص".into(), ..Default::default() });
    let missing = ws.attach_texts(|id| (id == "a").then(|| "نص".to_string()));
    assert_eq!(missing, ["بلا نص"]);
    assert_eq!(ws.articles.len(), 1);
    assert_eq!(ws.articles[0].text, "نص");
}

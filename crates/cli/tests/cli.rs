//! `qarin` as a user runs it: real files in, JSON/CSV out, clear errors for bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn qarin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin")).args(args).output().expect("qarin runs")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("qarin-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn analyze_writes_the_documented_json_schema() {
    let dir = scratch("json");
    let out = dir.join("analysis.json");
    let o = qarin(&["analyze", corpus().to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["schema"], "qarin.analysis/1");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let entities = v["entities"].as_array().unwrap();
    assert!(entities.len() > 20);
    // Facts are filled in by the facts extractor (when present); the key is always there.
    assert!(v["facts"].is_array());
    for d in docs {
        for key in ["id", "file", "title", "text", "mentions"] {
            assert!(d.get(key).is_some(), "document lacks {key}");
        }
        // text is the file exactly (UTF-8, no BOM, LF).
        let file = corpus().join(d["file"].as_str().unwrap());
        assert_eq!(d["text"].as_str().unwrap(), std::fs::read_to_string(file).unwrap());
        let chars: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        for m in d["mentions"].as_array().unwrap() {
            let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert!(s < e && e <= chars.len());
            assert!(["PER", "LOC", "ORG", "MISC"].contains(&m["type"].as_str().unwrap()));
            let id = m["entity"].as_str().unwrap();
            assert!(entities.iter().any(|x| x["id"] == id), "mention points to a missing entity {id}");
        }
    }
    for e in entities {
        for key in ["id", "type", "label", "latin", "variants", "documents"] {
            assert!(e.get(key).is_some(), "entity lacks {key}");
        }
    }
}

#[test]
fn analyze_csv_is_the_comparison_table_with_bom() {
    let o = qarin(&["analyze", corpus().to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    let mut lines = text.trim_start_matches('\u{FEFF}').lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("id,type,label,latin,coverage,"));
    assert_eq!(header.split(',').count(), 5 + 2 * 5);
    let kz = lines.find(|l| l.contains(",Kazakhstan,")).expect("Kazakhstan row");
    assert!(kz.starts_with("loc-kazakhstan,LOC,كازاخستان,Kazakhstan,5,"));
}

#[test]
fn same_analysis_from_files_as_from_the_folder() {
    let mut files: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut args = vec!["analyze"];
    args.extend(files.iter().map(String::as_str));
    let from_files = qarin(&args);
    let v: serde_json::Value = serde_json::from_slice(&from_files.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    assert!(from_files.status.success());
}

fn assert_rejected(args: &[&str], names: &str, reason: &str) {
    let o = qarin(args);
    assert!(!o.status.success(), "{args:?} should fail");
    let e = stderr(&o);
    assert!(e.contains(names), "message {e:?} should name {names}");
    assert!(e.contains(reason), "message {e:?} should say {reason}");
    assert_eq!(e.trim().lines().count(), 1, "one-line message: {e:?}");
}

#[test]
fn bad_input_is_named_and_leaves_no_output_file() {
    let dir = scratch("bad");
    let out = dir.join("out.json");
    let out_s = out.to_str().unwrap();
    assert_rejected(&["analyze", dir.join("missing.txt").to_str().unwrap(), "-o", out_s], "missing.txt", "no such file");
    let empty_dir = dir.join("empty");
    std::fs::create_dir(&empty_dir).unwrap();
    assert_rejected(&["analyze", empty_dir.to_str().unwrap(), "-o", out_s], "empty", "no .txt, .md or .html file");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    assert_rejected(&["analyze", empty.to_str().unwrap(), "-o", out_s], "empty.txt", "empty");
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    assert_rejected(&["analyze", binary.to_str().unwrap(), "-o", out_s], "photo.txt", "binary");
    // Latin-1 French: not UTF-8, and not Arabic in Windows-1256 either.
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Le caf\xe9 de la gare \xe0 Paris").unwrap();
    assert_rejected(&["analyze", latin1.to_str().unwrap(), "-o", out_s], "latin1.txt", "not valid UTF-8, UTF-16 or Windows-1256");
    // A good file next to a bad one: still refused, nothing written.
    let good = corpus().join("000_671904eb4ced40ec.txt");
    assert_rejected(&["analyze", good.to_str().unwrap(), binary.to_str().unwrap(), "-o", out_s], "photo.txt", "binary");
    assert!(!out.exists(), "no output file after a failure");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 4, "only the four inputs: no temporary files left behind");
}

#[test]
fn usage_errors() {
    let o = qarin(&["analyze"]);
    assert!(!o.status.success() && stderr(&o).contains("<DIR|FILE>"), "{}", stderr(&o));
    let o = qarin(&["analyze", "x", "--format", "xml"]);
    let e = stderr(&o);
    assert!(!o.status.success() && e.contains("--format") && e.contains("json") && e.contains("facts-csv"), "{e}");
    assert!(!qarin(&["frobnicate"]).status.success());
}

#[test]
fn explain_names_the_rule_for_each_name() {
    let o = qarin(&["explain", corpus().join("002_132c0a85b4a80d22.txt").to_str().unwrap()]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("PER\tديمتري بيسكوف\trule:title"), "{out}");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

/// `qarin analyze ARGS…` that must succeed: the JSON it prints and its standard error.
fn analyze_json(args: &[&str]) -> (serde_json::Value, String) {
    let mut all = vec!["analyze"];
    all.extend_from_slice(args);
    let o = qarin(&all);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    (serde_json::from_slice(&o.stdout).expect("JSON on stdout"), stderr(&o))
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

#[test]
fn reads_utf16_with_bom_and_windows_1256() {
    let dir = scratch("encodings");
    let cp1256 = fixture("windows-1256.txt");
    // The same text in UTF-8, from a UTF-16 round trip of the decoded fixture: the analysis of
    // the Windows-1256 file names the people and places of the text.
    let (v, err) = analyze_json(&[cp1256.to_str().unwrap()]);
    let text = v["documents"][0]["text"].as_str().unwrap().to_string();
    assert!(text.starts_with("توكاييف يعلن انسحاب قوات حفظ السلام من كازاخستان\n"), "{text:?}");
    assert!(err.contains("windows-1256.txt") && err.contains("guessed"), "a guessed encoding is reported: {err:?}");
    assert_eq!(err.trim().lines().count(), 1, "{err:?}");
    let names: Vec<&str> = v["documents"][0]["mentions"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert!(names.contains(&"كازاخستان") && names.iter().any(|n| n.contains("توكاييف")), "{names:?}");

    let utf8 = dir.join("utf8.txt");
    std::fs::write(&utf8, &text).unwrap();
    let le = dir.join("le.txt");
    std::fs::write(&le, utf16(&text.replace('\n', "\r\n"), false)).unwrap();
    let be = dir.join("be.txt");
    std::fs::write(&be, utf16(&text, true)).unwrap();
    let (v, err) = analyze_json(&[utf8.to_str().unwrap(), le.to_str().unwrap(), be.to_str().unwrap()]);
    assert!(err.is_empty(), "no warning for UTF-8 and UTF-16 with BOM: {err:?}");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    for d in docs {
        assert_eq!(d["text"].as_str().unwrap(), text, "{}: same text whatever the encoding", d["file"]);
    }
    let mentions = |i: usize| docs[i]["mentions"].as_array().unwrap().len();
    assert_eq!((mentions(1), mentions(2)), (mentions(0), mentions(0)));
}

#[test]
fn html_is_reduced_to_its_article_text() {
    let dir = scratch("html");
    let page = dir.join("page.html");
    std::fs::write(
        &page,
        r#"<!DOCTYPE html><html><head><title>موقع | خبر</title><script>document.title='pwned'</script>
        <style>p{color:red}</style></head><body><nav>الرئيسية</nav>
        <article><h1>توكاييف في نور سلطان</h1><p>قال الرئيس قاسم جومارت توكاييف &amp; رئيس الوزراء إن&nbsp;الوضع هادئ.</p>
        <img src=x onerror="document.title='pwned'"><!-- تعليق --></article><footer>حقوق</footer></body></html>"#,
    )
    .unwrap();
    let (v, err) = analyze_json(&[page.to_str().unwrap()]);
    assert!(err.is_empty(), "{err:?}");
    let d = &v["documents"][0];
    assert_eq!(d["title"], "توكاييف في نور سلطان");
    assert_eq!(
        d["text"].as_str().unwrap(),
        "توكاييف في نور سلطان\nقال الرئيس قاسم جومارت توكاييف & رئيس الوزراء إن\u{A0}الوضع هادئ."
    );
    // A folder's .html files are read too.
    let (v, _) = analyze_json(&[dir.to_str().unwrap()]);
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn every_bad_file_is_named_with_its_reason() {
    let dir = scratch("bad-many");
    let good = corpus().join("000_671904eb4ced40ec.txt");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let photo = dir.join("photo.txt");
    std::fs::write(&photo, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let huge = dir.join("huge.txt");
    std::fs::File::create(&huge).unwrap().set_len(20 * 1024 * 1024).unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 cr\xe8me br\xfbl\xe9e").unwrap();
    let broken16 = dir.join("broken16.txt");
    std::fs::write(&broken16, b"\xFF\xFE\x27\x06\x00\xD8").unwrap();
    let out = dir.join("out.csv");
    let o = qarin(&[
        "analyze",
        good.to_str().unwrap(),
        empty.to_str().unwrap(),
        photo.to_str().unwrap(),
        huge.to_str().unwrap(),
        latin1.to_str().unwrap(),
        broken16.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    let e = stderr(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 6, "one line per bad file and a summary: {e}");
    let expect = [
        ("empty.txt", "empty"),
        ("photo.txt", "binary"),
        ("huge.txt", "too large (20971520 bytes; the limit is 8388608 bytes)"),
        ("latin1.txt", "not valid UTF-8, UTF-16 or Windows-1256"),
        ("broken16.txt", "UTF-16LE byte order mark but is not valid UTF-16LE"),
    ];
    for ((name, reason), line) in expect.iter().zip(&lines) {
        assert!(line.starts_with("qarin: ") && line.contains(name) && line.contains(reason), "{line:?} should name {name} and say {reason}");
    }
    assert!(lines[5].contains("5 files could not be read; nothing was written"), "{}", lines[5]);
    assert!(!out.exists(), "nothing written");
    // The same files in a folder: the same reasons.
    let o = qarin(&["analyze", dir.to_str().unwrap()]);
    assert!(!o.status.success());
    assert_eq!(stderr(&o).lines().count(), 6, "{}", stderr(&o));
}

#[test]
fn text_without_arabic_is_accepted_with_a_warning() {
    let dir = scratch("english");
    let en = dir.join("english.txt");
    std::fs::write(&en, "An English text: <img src=x onerror=alert(1)> and nothing Arabic.\n").unwrap();
    let (v, err) = analyze_json(&[en.to_str().unwrap()]);
    assert!(err.contains("english.txt") && err.contains("no Arabic letters"), "{err:?}");
    // Markup in a text file is text: kept verbatim.
    assert_eq!(v["documents"][0]["text"], "An English text: <img src=x onerror=alert(1)> and nothing Arabic.\n");
    assert!(v["documents"][0]["mentions"].as_array().unwrap().is_empty());
}

#[test]
fn facts_csv_lists_the_troop_conflict() {
    let o = qarin(&["analyze", corpus().to_str().unwrap(), "--format", "facts-csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    let conflict = text.lines().find(|l| l.contains("conflict") && l.contains("2030")).expect("troop-size conflict row");
    assert!(conflict.contains("2000"), "{conflict}");
}

#[test]
fn timings_name_every_stage_and_the_steps_across_articles() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let out = qarin(&["analyze", corpus, "--timings", "--format", "csv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    for stage in ["Reading", "Recognising", "Linking", "Facts"] {
        assert!(err.contains(&format!("stage {stage}")), "{err}");
    }
    assert!(err.contains("timings: 5 articles"), "{err}");
    // Seven steps work across all articles (corpus names, four of linking, fact rows, wire copy).
    assert_eq!(err.matches("step across all articles").count(), 7, "{err}");
    // The table is the same as without timings.
    assert_eq!(out.stdout, qarin(&["analyze", corpus, "--format", "csv"]).stdout);
}

/// A tool's annotations come back as a gold file that scores Qarin's own output at 100 %: the
/// CoNLL and brat exports keep every name, and `import` reads them back to the same offsets.
#[test]
fn conll_and_brat_exports_import_back_as_a_gold_file_qarin_matches() {
    let dir = scratch("formats");
    let c = corpus();
    let (conll, zip, brat, jsonl) = (dir.join("a.conll"), dir.join("a.zip"), dir.join("brat"), dir.join("a.jsonl"));
    for (args, out) in [(vec![], &conll), (vec![], &zip), (vec!["--format", "brat"], &brat), (vec![], &jsonl)] {
        let mut a = vec!["analyze", c.to_str().unwrap(), "-o", out.to_str().unwrap()];
        a.extend(args);
        let o = qarin(&a);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let z = std::fs::read(&zip).unwrap();
    assert_eq!(&z[..4], b"PK\x03\x04");
    assert!(brat.join("annotation.conf").exists());
    let lines = std::fs::read_to_string(&jsonl).unwrap().lines().count();
    for (flag, src) in [("--conll", &conll), ("--brat", &brat)] {
        let gold = dir.join(format!("gold{flag}.json"));
        let o = qarin(&["import", c.to_str().unwrap(), flag, src.to_str().unwrap(), "-o", gold.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
        let n: usize = g["documents"].as_array().unwrap().iter().map(|d| d["mentions"].as_array().unwrap().len()).sum();
        assert_eq!(n, lines, "{flag}: every mention of the JSON Lines export is in the gold file");
        let o = qarin(&["eval", "--story", c.to_str().unwrap(), gold.to_str().unwrap()]);
        let report = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(report.lines().nth(1).is_some_and(|l| l.contains("F1 100.0")), "{flag}: {report}");
    }
    // A token that is not in the text is refused, naming the file and the line.
    let bad = dir.join("bad.conll");
    std::fs::write(&bad, "# document = 000_671904eb4ced40ec\nكلمة\tB-PER\n").unwrap();
    let o = qarin(&["import", c.to_str().unwrap(), "--conll", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad.conll: line 2"), "{}", stderr(&o));
    let o = qarin(&["analyze", c.to_str().unwrap(), "--format", "brat"]);
    assert!(!o.status.success() && stderr(&o).contains("--output"), "{}", stderr(&o));
}

/// `eval --stories` pools the dev stories' mentions, per type too, and leaves the bundled
/// corpus out of the pool.
#[test]
fn eval_stories_pools_the_dev_stories_per_type() {
    let dir = scratch("stories");
    let (gold, texts) = (dir.join("gold"), dir.join("texts"));
    let story = |name: &str, text: &str, mentions: &[(&str, &str, &str)]| {
        let chars: Vec<char> = text.chars().collect();
        let ms: Vec<serde_json::Value> = mentions
            .iter()
            .map(|(m, kind, id)| {
                let at = text.find(m).unwrap();
                let start = text[..at].chars().count();
                serde_json::json!({"start": start, "end": start + m.chars().count(), "type": kind, "entity": id, "text": m})
            })
            .collect();
        let g = serde_json::json!({"schema": "qarin.gold/1", "story": name, "apart": [],
            "documents": [{"file": "01.txt", "outlet": "", "date": "", "url": "", "chars": chars.len(), "sha256": "", "mentions": ms}]});
        std::fs::create_dir_all(gold.join(name)).unwrap();
        std::fs::create_dir_all(texts.join(name)).unwrap();
        std::fs::write(gold.join(name).join("gold.json"), g.to_string()).unwrap();
        std::fs::write(texts.join(name).join("01.txt"), text).unwrap();
    };
    story("nile-1", "وصل الرئيس جو بايدن إلى القاهرة أمس.", &[("جو بايدن", "PER", "per-biden"), ("القاهرة", "LOC", "loc-cairo")]);
    story("bundled-demo", "زار الرئيس إيمانويل ماكرون مدينة ليون.", &[("إيمانويل ماكرون", "PER", "per-macron"), ("ليون", "LOC", "loc-lyon")]);
    let o = qarin(&["eval", "--stories", gold.to_str().unwrap(), texts.to_str().unwrap(), "--errors", "0"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let line = |start: &str| out.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no line {start:?} in\n{out}")).to_string();
    assert!(line("dev stories").contains("1 articles, 2 gold mentions"), "{out}");
    assert!(line("  PER").ends_with(" 1 gold)"), "{out}");
    assert!(line("  LOC").ends_with(" 1 gold)"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("bundled-demo")), "the bundled corpus is shown: {out}");
}

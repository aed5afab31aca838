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
    assert!(v["facts"].as_array().unwrap().is_empty());
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
    assert_rejected(&["analyze", empty_dir.to_str().unwrap(), "-o", out_s], "empty", "no .txt or .md file");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    assert_rejected(&["analyze", empty.to_str().unwrap(), "-o", out_s], "empty.txt", "empty");
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    assert_rejected(&["analyze", binary.to_str().unwrap(), "-o", out_s], "photo.txt", "binary");
    let latin1 = dir.join("cp1256.txt");
    std::fs::write(&latin1, b"\xc7\xe1\xd1\xe6\xd3\xed\xc9 text").unwrap();
    assert_rejected(&["analyze", latin1.to_str().unwrap(), "-o", out_s], "cp1256.txt", "not valid UTF-8");
    // A good file next to a bad one: still refused, nothing written.
    let good = corpus().join("000_671904eb4ced40ec.txt");
    assert_rejected(&["analyze", good.to_str().unwrap(), binary.to_str().unwrap(), "-o", out_s], "photo.txt", "binary");
    assert!(!out.exists(), "no output file after a failure");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 4, "only the four inputs: no temporary files left behind");
}

#[test]
fn usage_errors() {
    assert_rejected(&["analyze"], "analyze", "at least one");
    assert_rejected(&["analyze", "x", "--format", "xml"], "--format", "json or csv");
    assert!(!qarin(&["frobnicate"]).status.success());
}

#[test]
fn explain_names_the_rule_for_each_name() {
    let o = qarin(&["explain", corpus().join("002_132c0a85b4a80d22.txt").to_str().unwrap()]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("PER\tديمتري بيسكوف\tRule(\"title\")"), "{out}");
}

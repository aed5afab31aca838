//! `qarin tag`, `eval`, `train` and `bench` on CoNLL files: output shape, errors with line
//! numbers, reproducible training.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn qarin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin")).args(args).output().expect("qarin runs")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/fixtures").join(name)
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("qarin-conll-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn tag_writes_one_line_per_input_line() {
    let dir = scratch("tag");
    // Extra columns, PERS, a doubled blank line and no final newline.
    let input = "قال O x\nالرئيس O x\nبوريس B-PERS x\nكالينكوف I-PERS x\n.\tO\n\n\nفي O\nموسكو B-LOC";
    let file = dir.join("in.conll");
    std::fs::write(&file, input).unwrap();
    let o = qarin(&["tag", "--conll", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    let inputs: Vec<&str> = input.lines().collect();
    assert_eq!(lines.len(), inputs.len(), "{out}");
    for (i, o) in inputs.iter().zip(&lines) {
        if i.trim().is_empty() {
            assert_eq!(*o, "");
            continue;
        }
        let cols: Vec<&str> = o.split(' ').collect();
        let want: Vec<&str> = i.split_whitespace().collect();
        assert_eq!(cols.len(), 3, "{o}");
        assert_eq!(cols[0], want[0]);
        assert_eq!(cols[1], want[1]);
        let p = cols[2];
        assert!(p == "O" || ["B-", "I-"].iter().any(|b| p.starts_with(b)), "{p}");
        assert!(!p.ends_with("-PER"), "the gold file spells PERS: {o}");
    }
    assert!(lines[2].ends_with(" B-PERS") && lines[3].ends_with(" I-PERS"), "{out}");
    // With -o the same text goes to the file.
    let dest = dir.join("out.txt");
    let o = qarin(&["tag", "--conll", file.to_str().unwrap(), "-o", dest.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(std::fs::read_to_string(dest).unwrap(), out);
}

#[test]
fn malformed_lines_are_named() {
    let dir = scratch("bad");
    let file = dir.join("bad.conll");
    std::fs::write(&file, "قال O\nالرئيس\nبوتين B-PERS\n").unwrap();
    for cmd in ["tag", "eval", "train"] {
        let mut args = vec![cmd, "--conll", file.to_str().unwrap()];
        if cmd == "train" {
            args.extend(["-o", "/dev/null"]);
        }
        let o = qarin(&args);
        assert!(!o.status.success(), "{cmd} accepted a malformed file");
        let err = text(&o.stderr);
        assert!(err.contains("bad.conll") && err.contains("line 2"), "{cmd}: {err}");
    }
    std::fs::write(&file, "قال O\n\nبوتين B-PERSON\n").unwrap();
    let err = text(&qarin(&["tag", "--conll", file.to_str().unwrap()]).stderr);
    assert!(err.contains("line 3") && err.contains("B-PERSON"), "{err}");
    let err = text(&qarin(&["tag", "--conll", dir.join("missing.conll").to_str().unwrap()]).stderr);
    assert!(err.contains("missing.conll"), "{err}");
}

#[test]
fn eval_prints_conll_style_scores() {
    let file = fixture("tiny.conll");
    let o = qarin(&["eval", "--conll", file.to_str().unwrap(), "--dev-fraction", "0.5", "--baseline"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(out.matches("processed ").count(), 2, "{out}");
    assert_eq!(out.matches("FB1:").count(), out.matches("precision:").count());
    assert!(out.contains("# baseline"), "{out}");
    assert!(out.contains("PER: precision:"), "{out}");
    // Without a training part there is no baseline.
    let o = qarin(&["eval", "--conll", file.to_str().unwrap(), "--dev-fraction", "1", "--baseline"]);
    assert!(!o.status.success());
}

#[test]
fn training_is_reproducible_and_the_model_is_usable() {
    let dir = scratch("train");
    let file = fixture("tiny.conll");
    let (a, b) = (dir.join("a.bin"), dir.join("b.bin"));
    for m in [&a, &b] {
        let o = qarin(&[
            "train", "--conll", file.to_str().unwrap(), "-o", m.to_str().unwrap(), "--dev-fraction", "0", "--epochs", "3", "--seed", "5",
            "--folds", "3",
        ]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert!(text(&o.stderr).contains(" s"), "prints the time taken");
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let o = qarin(&["tag", "--conll", file.to_str().unwrap(), "--model", a.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).lines().count(), std::fs::read_to_string(&file).unwrap().lines().count());
    // A corrupt model is refused with a message.
    let mut bytes = std::fs::read(&a).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&a, bytes).unwrap();
    let o = qarin(&["tag", "--conll", file.to_str().unwrap(), "--model", a.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("a.bin"), "{}", text(&o.stderr));
}

#[test]
fn bench_reports_tokens_per_second() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let o = qarin(&["bench", "--corpus", corpus.to_str().unwrap(), "--conll", fixture("tiny.conll").to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).matches("tokens/s").count(), 2, "{}", text(&o.stdout));
}

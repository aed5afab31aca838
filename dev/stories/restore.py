#!/usr/bin/env python3
"""Check copies of the dev stories' texts fetched anew, and score the stories on what is at hand.

    python3 dev/stories/restore.py [--partial] [STORY ...]

The texts are third-party and not in the repository: each session on a new machine fetches them
again from the stored pages (addresses in README.md and each STORY/sources.md) into
`target/devset/STORY/`. For each article of each story (all stories if none is named) this prints

    EXACT    the copy is the annotated text byte for byte (its SHA-256 is the gold's);
    DIFFERS  it is not: how many gold mentions still sit at their offsets, and the first that does
             not (the copy differs somewhere before it; `realign.py` can place the gold again);
    MISSING  no copy.

With `--partial`, a story with missing articles gets `target/devset/STORY/gold.partial.json`, the
committed gold without them, which `qarin eval --stories` scores instead of `gold.json`; a
stale one is removed when every article is back.
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from gold import dump  # noqa: E402


def check(story, texts):
    gold = json.loads((HERE / story / "gold.json").read_text(encoding="utf-8"))
    have = []
    for d in gold["documents"]:
        p = texts / story / d["file"]
        if not p.exists():
            print(f"{story}/{d['file']}: MISSING")
            continue
        have.append(d)
        t = p.read_text(encoding="utf-8")
        if hashlib.sha256(t.encode("utf-8")).hexdigest() == d["sha256"]:
            print(f"{story}/{d['file']}: EXACT")
            continue
        placed = [m for m in d["mentions"] if t[m["start"]:m["end"]] == m["text"]]
        line = f"{story}/{d['file']}: DIFFERS ({len(t)} code points, gold {d['chars']}; {len(placed)} of {len(d['mentions'])} mentions in place)"
        bad = next((m for m in d["mentions"] if t[m["start"]:m["end"]] != m["text"]), None)
        if bad:
            line += f"; first out of place: {bad['text']!r} at {bad['start']}"
        print(line)
    return gold, have


def main(args):
    partial = "--partial" in args
    stories = [a for a in args if a != "--partial"] or sorted(p.parent.name for p in HERE.glob("*/gold.json") if not p.parent.name.startswith("bundled"))
    texts = ROOT / "target" / "devset"
    counts = [0, 0]
    for story in stories:
        gold, have = check(story, texts)
        counts[0] += len(have)
        counts[1] += len(gold["documents"])
        out = texts / story / "gold.partial.json"
        if partial and len(have) < len(gold["documents"]) and have:
            gold["documents"] = have
            out.write_text(dump(gold), encoding="utf-8")
        elif partial and out.exists() and len(have) == len(gold["documents"]):
            out.unlink()
    print(f"{counts[0]} of {counts[1]} articles at hand")


if __name__ == "__main__":
    main(sys.argv[1:])

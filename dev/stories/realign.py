#!/usr/bin/env python3
"""Place a story's gold annotations on copies of its articles fetched anew.

    python3 dev/stories/realign.py GOLD.json TEXT_DIR OUT.json

The texts are third-party and not in the repository: a later session fetches them again (the
addresses are in README.md and in the gold file). A copy may differ from the one annotated by a
few characters; each mention is placed at the `nth` occurrence of its text in the new copy (the
occurrence it was in the annotated one). Mentions that cannot be placed are listed and dropped,
and the new file records the new copies' lengths and SHA-256, so the scorer accepts them.
"""
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gold import dump  # noqa: E402


def main(gold_path, text_dir, out_path):
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    lost = 0
    for d in gold["documents"]:
        text = (Path(text_dir) / d["file"]).read_text(encoding="utf-8")
        placed = []
        for m in d["mentions"]:
            at, seen = -1, -1
            while seen < m.get("nth", 0):
                at = text.find(m["text"], at + 1)
                if at < 0:
                    break
                seen += 1
            if at < 0:
                lost += 1
                print(f"{d['file']}: cannot place {m['text']!r} (occurrence {m.get('nth', 0)})", file=sys.stderr)
                continue
            placed.append(dict(m, start=at, end=at + len(m["text"])))
        d["mentions"] = placed
        d["chars"] = len(text)
        d["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    Path(out_path).write_text(dump(gold), encoding="utf-8")
    print(f"{out_path}: {sum(len(d['mentions']) for d in gold['documents'])} mentions placed, {lost} dropped")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: realign.py GOLD.json TEXT_DIR OUT.json")
    main(*sys.argv[1:])

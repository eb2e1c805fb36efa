#!/usr/bin/env python3
"""Builds src/Ingest.Extraction/Text/Data/syllables.txt: the valid Vietnamese syllables, lower case, NFC.

Sources: Debian's hunspell-vi word list (/usr/share/hunspell/vi_VN.dic, one syllable per entry) and
the clean texts the phrase dictionary learns from. Run from the repository root; the product only
reads the generated file (an embedded resource), never /usr/share.
"""
import re, sys, unicodedata, pathlib

data = pathlib.Path("src/Ingest.Extraction/Text/Data")
vowels = set("aăâeêioôơuưy")
def is_syllable(w):
    base = "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c)).replace("đ", "d")
    # onset, vowel cluster, final: the shape of every Vietnamese syllable; "abc" or "html" are not.
    return re.fullmatch(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?", base) is not None

words = set()
for line in open("/usr/share/hunspell/vi_VN.dic", encoding="utf-8").read().splitlines()[1:]:
    w = unicodedata.normalize("NFC", line.split("/")[0].strip().lower())
    if is_syllable(w):
        words.add(w)
for corpus in sorted(data.glob("corpus-*.txt")) + [data / "domain-vocabulary.txt", data / "provinces.tsv", data / "districts.tsv"]:
    for w in re.findall(r"\w+", unicodedata.normalize("NFC", corpus.read_text(encoding="utf-8")).lower()):
        if is_syllable(w) and not w.isascii():
            words.add(w)
out = data / "syllables.txt"
out.write_text("".join(w + "\n" for w in sorted(words)), encoding="utf-8")
print(f"{len(words)} syllables -> {out}", file=sys.stderr)

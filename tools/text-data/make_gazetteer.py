#!/usr/bin/env python3
"""Builds src/Ingest.Extraction/Text/Data/provinces.tsv, districts.tsv and communes.tsv: Vietnam's provinces (the 63
before the reorganisation of 1 July 2025 and the 34 after it), their district-level units (quận,
huyện, thị xã, thành phố thuộc tỉnh) and commune-level units (xã, phường, thị trấn; the ~10 000 of the
2019 … 2025-03 lists under their districts, the 3 321 from 1 July 2025 under their provinces), names with
their unit type.

Sources (public lists of fact, brought with the team's `fetch` tool into /work/.mirror):
- daohoangson/dvhcvn, data/dvhcvn.json in every commit that changed it (General Statistics Office
  lists of 2019-09 … 2025-03): the districts, and which of them were still listed in March 2025;
- dvhcvn/20250701, mapping/merges.json: the 34 provinces from 1 July 2025 and the old provinces
  each was formed from, and the communes of each (level2s: Công văn 1027/CTK-CSCL, Nghị quyết
  1654 … 1687/NQ-UBTVQH15) (Nghị quyết 202/2025/QH15, codes from Công văn 915/CTK-CSCL).

Run from the repository root: python3 tools/text-data/make_gazetteer.py OLD_MIRROR NEW_MIRROR
(the two git directories). Names are written NFC in new-style tone placement (Hòa Bình, Thủy Nguyên)
like the rest of Text/Data; the product folds and canonicalises anyway.
"""
import json, pathlib, re, subprocess, sys, unicodedata

old_repo, new_repo = sys.argv[1], sys.argv[2]
data = pathlib.Path("src/Ingest.Extraction/Text/Data")

# Province names as the archive's documents write them: the list of late 2024, before Thừa Thiên Huế
# became the centrally-run Thành phố Huế (1 January 2025).
PROVINCES_AS_OF = "01/11/2024"

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
HATS = {"\u0302", "\u0306", "\u031b"}


def canonical_word(word):
    """Moves the tone of an open oa / oe / uy rime onto its first vowel (hoà → hòa), as Text/ToneMarks.cs does."""
    d = unicodedata.normalize("NFD", word)
    bases = [(i, c.lower()) for i, c in enumerate(d) if not unicodedata.combining(c)]
    tones = [i for i, c in enumerate(d) if c in TONES]
    if len(bases) < 2 or not tones or not all(c.isalpha() for _, c in bases):
        return word
    (i1, v1), (i2, v2) = bases[-2], bases[-1]
    if v1 + v2 not in ("oa", "oe", "uy"):
        return word
    if len(bases) >= 3 and (bases[-3][1] in "aeiouy" or bases[-3][1] == "q" and v1 + v2 == "uy"):
        return word
    if any(c in HATS for c in d[i1 + 1:]):
        return word
    tone = tones[0]
    if tone == i1 + 1:
        return word
    chars = [c for j, c in enumerate(d) if j != tone]
    chars.insert(i1 + 1, d[tone])
    return unicodedata.normalize("NFC", "".join(chars))


def canonical(name):
    return " ".join(canonical_word(w) for w in unicodedata.normalize("NFC", name).split())


def split_type(full, types):
    for t in types:
        if full.lower().startswith(t + " "):
            return t, canonical(full[len(t) + 1:].strip())
    raise ValueError(f"no unit type in {full!r}")


def snapshots():
    commits = subprocess.run(["git", "-C", old_repo, "log", "--format=%H", "--", "data/dvhcvn.json"],
                             check=True, capture_output=True, text=True).stdout.split()
    for commit in reversed(commits):
        raw = subprocess.run(["git", "-C", old_repo, "show", f"{commit}:data/dvhcvn.json"], capture_output=True).stdout
        try:
            doc = json.loads(raw)
        except ValueError:
            continue
        if doc.get("data_date"):
            yield commit, doc


def month(date):  # "01/03/2025" → "2025-03"
    day, mon, year = date.split("/")
    return f"{year}-{mon}"


PROVINCE_TYPES = ["thành phố", "tỉnh"]
DISTRICT_TYPES = ["thành phố", "thị xã", "quận", "huyện"]

docs = list(snapshots())
docs.sort(key=lambda cd: month(cd[1]["data_date"]))
latest_commit, latest = docs[-1]
latest_month = month(latest["data_date"])

# Districts: every unit of any list since 2019; "2025" when the last list before July 2025 still has it.
districts = {}
for commit, doc in docs:
    for p in doc["data"]:
        for u in p["level2s"]:
            unit_type, name = split_type(u["name"], DISTRICT_TYPES)
            key = (p["level1_id"], unit_type, name)
            districts[key] = (u["level2_id"], month(doc["data_date"]))

provinces_as_of = next(doc for _, doc in docs if doc["data_date"] == PROVINCES_AS_OF)
old_names = {}
for p in provinces_as_of["data"]:
    old_names[p["level1_id"]] = split_type(p["name"], PROVINCE_TYPES)

new_doc = json.loads(subprocess.run(["git", "-C", new_repo, "show", "HEAD:mapping/merges.json"],
                                    check=True, capture_output=True).stdout)
successor = {}
new_names = {}
for p in new_doc["data"]:
    new_names[p["level1_id"]] = split_type(p["name"], PROVINCE_TYPES)
    for m in p["merges"]:
        successor[m["old_id"]] = p["level1_id"]
assert len(old_names) == 63 and len(new_names) == 34 and len(successor) == 63, (len(old_names), len(new_names), len(successor))

lines = ["# code\ttype\tname\tera\tinto",
         "# era 63: one of the 63 provinces before 1 July 2025; 34: one of the 34 after it. into: the code of the",
         "# post-2025 province a pre-2025 one became part of. Generated by tools/text-data/make_gazetteer.py."]
for code in sorted(set(old_names) | set(new_names)):
    old, new = old_names.get(code), new_names.get(code)
    if old and old == new:
        lines.append(f"{code}\t{old[0]}\t{old[1]}\t63 34\t{successor[code]}")
        continue
    if old:
        lines.append(f"{code}\t{old[0]}\t{old[1]}\t63\t{successor[code]}")
    if new:
        lines.append(f"{code}\t{new[0]}\t{new[1]}\t34\t")
(data / "provinces.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

lines = ["# province\tcode\ttype\tname\tlisted",
         f"# District-level units of the pre-2025 provinces (by province code) in the statistics office's lists from",
         f"# 2019 to {latest_month}. listed: 2025 when the last list before 1 July 2025 still has the unit, otherwise the month",
         "# of the last list that had it (merged, renamed or upgraded since). Generated by tools/text-data/make_gazetteer.py."]
for (province, unit_type, name), (code, last) in sorted(districts.items(), key=lambda kv: (kv[0][0], kv[1][0], kv[0][1], kv[0][2])):
    listed = "2025" if last == latest_month else last
    lines.append(f"{province}\t{code}\t{unit_type}\t{name}\t{listed}")
(data / "districts.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

current = sum(1 for (_, last) in districts.values() if last == latest_month)
print(f"{len(old_names)} + {len(new_names)} provinces, {len(districts)} district-level units ({current} listed in {latest_month})", file=sys.stderr)

# Commune-level units, one line per parent and type (compact: ~13 000 names in ~160 KB): the units of every list
# since 2019 under their district's code, and the communes of the 34 provinces from 1 July 2025 under "p" and
# their province's code. Only names and types are kept.
COMMUNE_TYPES = ["thị trấn", "phường", "xã", "đặc khu"]  # đặc khu: the island special zones from July 2025
communes = {}
for commit, doc in docs:
    for p in doc["data"]:
        for u in p["level2s"]:
            # Under the district's code in districts.tsv (its latest: Đạ Huoai was 681 before it took in Đạ Tẻh).
            district = districts[(p["level1_id"], *split_type(u["name"], DISTRICT_TYPES))][0]
            for w in u.get("level3s", []):
                unit_type, name = split_type(w["name"], COMMUNE_TYPES)
                communes.setdefault((district, unit_type), set()).add(name)
new_communes = 0
for p in new_doc["data"]:
    for w in p["level2s"]:
        unit_type, name = split_type(w["name"], COMMUNE_TYPES)
        communes.setdefault(("p" + p["level1_id"], unit_type), set()).add(name)
        new_communes += 1
lines = ["# parent\ttype\tnames (;-separated)",
         "# Commune-level units: parent is a district code of districts.tsv (the statistics office's lists 2019 to",
         f"# {latest_month}) or p + a province code of provinces.tsv (the communes of the 34 provinces from 1 July 2025).",
         "# Generated by tools/text-data/make_gazetteer.py."]
for (parent, unit_type), names in sorted(communes.items(), key=lambda kv: (kv[0][0].startswith("p"), kv[0][0], kv[0][1])):
    lines.append(f"{parent}\t{unit_type}\t{';'.join(sorted(names))}")
(data / "communes.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{sum(len(n) for n in communes.values())} commune-level names ({new_communes} from July 2025)", file=sys.stderr)

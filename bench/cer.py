#!/usr/bin/env python3
"""Character error rate of OCR output vs ground truth (python3 stdlib only).

Both texts are NFC-normalised and every whitespace run is collapsed to a single
space (leading/trailing whitespace dropped). CER = Levenshtein(ocr, truth) / len(truth).

Usage:
  cer.py TRUTH.txt OCR.txt            -> prints "cer dist truth_len"
  cer.py --pairs LIST                 -> LIST lines: "label<TAB>truth<TAB>ocr";
                                         prints "label<TAB>cer<TAB>dist<TAB>len" per line
                                         and a final "TOTAL" line (sum dist / sum len)
"""
import re
import sys
import unicodedata


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def levenshtein(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(truth_path, ocr_path):
    t = norm(open(truth_path, encoding="utf-8").read())
    o = norm(open(ocr_path, encoding="utf-8", errors="replace").read())
    d = levenshtein(o, t)
    return d / max(1, len(t)), d, len(t)


def main(argv):
    if len(argv) == 3 and argv[1] == "--pairs":
        td = tl = 0
        for line in open(argv[2], encoding="utf-8"):
            if not line.strip():
                continue
            label, truth, ocr = line.rstrip("\n").split("\t")
            c, d, n = cer(truth, ocr)
            td += d
            tl += n
            print("%s\t%.4f\t%d\t%d" % (label, c, d, n))
        print("TOTAL\t%.4f\t%d\t%d" % (td / max(1, tl), td, tl))
    elif len(argv) == 3:
        c, d, n = cer(argv[1], argv[2])
        print("%.4f %d %d" % (c, d, n))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""Accent-stripped copies of the clean plans: marks dropped, case kept, đ/Đ → d/D, plus a little
OCR-like damage in the body (DESIGN.md §2: "s6" for số, "ctia" for của, "tro 1en" for trở lên, a
word-initial Đ read as P). Deterministic, so the stripped set is reproducible.

    python3 make_stripped.py [DIR]      # DIR/clean/*.txt → DIR/stripped/*.txt (DIR: this folder)
"""
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).parent


def strip_marks(text: str) -> str:
    text = text.replace("đ", "\u0001").replace("Đ", "\u0002")
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept).replace("\u0001", "d").replace("\u0002", "D")


def damage(body: str) -> str:
    counters = {}

    def every(n, key, repl):
        def sub(m):
            counters[key] = counters.get(key, 0) + 1
            return repl(m) if counters[key] % n == 0 else m.group(0)
        return sub

    body = re.sub(r"\bsố\b", every(2, "so", lambda m: "s6"), body)
    body = re.sub(r"\bSố\b(?!:)", every(2, "So", lambda m: "S6"), body)
    body = re.sub(r"\bcủa\b", every(3, "cua", lambda m: "ctia"), body)
    body = re.sub(r"trở lên", "tro 1en", body)
    body = re.sub(r"\bĐ(?=[a-zà-ỹ])", every(4, "D", lambda m: "P"), body)
    return body


def main() -> None:
    base = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out = base / "stripped"
    out.mkdir(exist_ok=True)
    for clean in sorted((base / "clean").glob("*.txt")):
        text = clean.read_text(encoding="utf-8")
        lines = text.split("\n")
        # Keep the header and title free of damage (up to the first blank line after the type line).
        type_line = next((i for i, l in enumerate(lines) if l.strip() in {"KẾ HOẠCH", "CHƯƠNG TRÌNH", "HƯỚNG DẪN"}), 0)
        end = next((i for i in range(type_line + 1, len(lines)) if not lines[i].strip()), type_line)
        head, body = "\n".join(lines[: end + 1]), "\n".join(lines[end + 1:])
        (out / clean.name).write_text(strip_marks(head + "\n" + damage(body)), encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The four forms of every corpus document, made the same way for all of them (issue 7: no hand-picked damage).

    python3 make_forms.py [--set dev|heldout|all] [--only STEM] [--no-ocr]

For each SET/clean/STEM.txt (the source of truth, with gold in gold/STEM.json):
  SET/stripped/STEM.txt   every mark removed (đ → d), nothing else changed
  SET/scans/STEM.png      rendered (pango-view, Liberation Serif 12pt, 300 dpi, A4 text width), turned by a
                          small angle, then degraded — ink threshold jittered per pixel and salt-and-pepper
                          specks — and stored as a 1-bit PNG
  SET/scan-ocr/STEM.txt   what PlanIngest's own OCR reads from that PNG (pages joined with form feeds):
                          a cache, so that tests score the scan form without OCRing every page again
  SET/garbled/STEM.txt    the clean render read by `tesseract -l eng`, as testdata/repair pairs are made:
                          the accent-dropping, letter-confusing damage of old English-model OCR (DESIGN.md §2)

Angles and noise come from a hash of the file name, so a rerun reproduces the same files (modulo tool
versions). Needs pango1.0-tools, fonts-liberation2, tesseract-ocr-eng and a built planingest
(bash scripts/setup.sh); the scan OCR runs two pages at a time.
"""
import argparse
import hashlib
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "testdata" / "plans"))
from png_to_1bit import one_bit_png, read_grey  # noqa: E402  (the PNG reader and writer the plan scans already use)

PLANINGEST = REPO / "src" / "Ingest.Worker" / "bin" / "Release" / "net10.0" / "planingest.dll"
PANGO = ["pango-view", "-q", "--font=Liberation Serif 12", "--dpi=300", "--width=470", "--wrap=word",
         "--margin=300", "--background=white", "--foreground=black", "--hinting=full"]


def strip_marks(text: str) -> str:
    """Every combining mark dropped and đ/Đ written d/D: text typed without a Vietnamese keyboard."""
    text = text.replace("đ", "\u0001").replace("Đ", "\u0002")
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept).replace("\u0001", "d").replace("\u0002", "D")


def seed_of(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")


def render(text_path: pathlib.Path, out: pathlib.Path, angle: float) -> None:
    args = PANGO + ([f"--rotate={angle:.2f}"] if angle else []) + ["-o", str(out), str(text_path)]
    subprocess.run(args, check=True)


def degrade(src: pathlib.Path, dst: pathlib.Path, seed: int) -> None:
    """8-bit render → 1-bit scan: ink threshold jittered per pixel (ragged, broken strokes) and specks."""
    width, height, greys = read_grey(src.read_bytes())
    rng = random.Random(seed)
    # A table of jitters reused at a random offset per row keeps this fast in pure Python.
    jitter = [int(rng.gauss(0, 38)) for _ in range(1 << 16)]
    threshold = 150

    def scanned(row: list[int]) -> list[int]:
        offset = rng.randrange(1 << 15)
        # A speck flips the pixel (1 is white).
        return [1 if (grey + jitter[(offset + x) & 0xFFFF] >= threshold) != (rng.random() < 0.0004) else 0
                for x, grey in enumerate(row)]

    dst.write_bytes(one_bit_png(width, height, (scanned(row) for row in greys)))


def garble(render_png: pathlib.Path) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    result = subprocess.run(["tesseract", str(render_png), "stdout", "-l", "eng"], check=True, capture_output=True, env=env)
    return result.stdout.decode("utf-8")


def ocr_pages(pngs: list[pathlib.Path]) -> dict[str, str]:
    """PlanIngest's own OCR of the scans: one `extract --json` run, page texts joined with form feeds."""
    if not pngs:
        return {}
    if not PLANINGEST.exists():
        sys.exit(f"{PLANINGEST}: not built (bash scripts/setup.sh)")
    env = dict(os.environ, PLANINGEST_OCR_THREADS="2")
    result = subprocess.run(["dotnet", str(PLANINGEST), "extract", *map(str, pngs), "--json"], capture_output=True, env=env)
    texts, out, at = {}, result.stdout.decode("utf-8"), 0
    decoder = json.JSONDecoder()
    while True:
        while at < len(out) and out[at].isspace():
            at += 1
        if at >= len(out):
            return texts
        value, at = decoder.raw_decode(out, at)
        # One file prints one record; several print an array of them.
        for record in value if isinstance(value, list) else [value]:
            texts[pathlib.Path(record["source"]["path"]).stem] = "\f".join(p["text"] for p in record["pages"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="all", choices=["dev", "heldout", "all"])
    parser.add_argument("--only", help="one document stem")
    parser.add_argument("--no-ocr", action="store_true", help="skip the scan-ocr cache")
    parser.add_argument("--ocr-only", action="store_true", help="only refresh the scan-ocr cache from the existing scans")
    args = parser.parse_args()
    sets = ["dev", "heldout"] if args.set == "all" else [args.set]
    for name in sets:
        base = HERE / name
        for form in ("stripped", "scans", "scan-ocr", "garbled"):
            (base / form).mkdir(parents=True, exist_ok=True)
        sources = sorted((base / "clean").glob("*.txt"))
        if args.only:
            sources = [s for s in sources if s.stem == args.only]
        made = []
        with tempfile.TemporaryDirectory() as tmp:
            for clean in sources:
                stem = clean.stem
                if args.ocr_only:
                    made.append(base / "scans" / f"{stem}.png")
                    continue
                text = clean.read_text(encoding="utf-8")
                (base / "stripped" / clean.name).write_text(strip_marks(text), encoding="utf-8")
                seed = seed_of(stem)
                flat = pathlib.Path(tmp) / f"{stem}-flat.png"
                turned = pathlib.Path(tmp) / f"{stem}-turned.png"
                render(clean, flat, 0)
                (base / "garbled" / clean.name).write_text(garble(flat), encoding="utf-8")
                angle = random.Random(seed).choice([-1.2, -0.8, -0.5, 0.4, 0.7, 1.1])
                render(clean, turned, angle)
                degrade(turned, base / "scans" / f"{stem}.png", seed)
                made.append(base / "scans" / f"{stem}.png")
                print(f"{name}/{stem}: stripped, garbled, scan ({angle:+.1f}°)", flush=True)
        if not args.no_ocr:
            for stem, text in ocr_pages(made).items():
                (base / "scan-ocr" / f"{stem}.txt").write_text(text, encoding="utf-8")
                print(f"{name}/{stem}: scan-ocr", flush=True)


if __name__ == "__main__":
    main()

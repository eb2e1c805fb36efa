#!/bin/sh
# Makes the damaged half of each repair pair: DIR/*/clean.txt is rendered as a 300 dpi page the way
# testdata/plans/make_scans.sh renders plans (pango-view, Liberation Serif 12pt, 1-bit), and read back by
# Tesseract's ENGLISH model, which damages Vietnamese the way seeds 000-002 were damaged (marks dropped
# or turned into letters, Đ read as P, ố as 6 …). A pair that has its damaged.txt already is left alone.
#   sh make_pairs.sh [DIR]      # DIR: this folder; sh make_pairs.sh heldout for the held-out pairs
# Needs pango1.0-tools, tesseract-ocr-eng.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
base=$(cd "${1:-$here}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for clean in "$base"/*/clean.txt; do
    pair=$(dirname "$clean")
    [ -e "$pair/damaged.txt" ] && continue
    pango-view -q --font="Liberation Serif 12" --dpi=300 --width=470 --wrap=word --margin=300 \
        --background=white --foreground=black --hinting=full -o "$tmp/page.png" "$clean"
    python3 "$here/../plans/png_to_1bit.py" "$tmp/page.png" "$tmp/page1.png"
    OMP_THREAD_LIMIT=1 tesseract "$tmp/page1.png" stdout -l eng 2>/dev/null > "$pair/damaged.txt"
    echo "$(basename "$pair"): $(wc -w < "$pair/damaged.txt") words"
done

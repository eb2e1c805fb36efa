#!/bin/sh
# Renders each clean plan as a 300 dpi "scan": pango-view (apt-get install -y pango1.0-tools) with
# Liberation Serif 12pt on an A4-wide page, then re-encoded as a small 1-bit PNG.
#   sh make_scans.sh [DIR]      # DIR/clean/*.txt → DIR/scans/*.png (DIR: this folder)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
base=$(cd "${1:-$here}" && pwd)
mkdir -p "$base/scans"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for text in "$base"/clean/*.txt; do
    name=$(basename "$text" .txt)
    # 595pt is A4's width; 1.0 inch margins at 300 dpi are 300 px.
    pango-view -q --font="Liberation Serif 12" --dpi=300 --width=470 --wrap=word --margin=300 \
        --background=white --foreground=black --hinting=full -o "$tmp/$name.png" "$text"
    python3 "$here/png_to_1bit.py" "$tmp/$name.png" "$base/scans/$name.png"
done

#!/usr/bin/env bash
# The main job: install what is missing, build (only when something changed), put `planingest` on the
# PATH, then start the worker and its web page on the embedded default: it watches inbox/, keeps its catalog, index,
# archive and quarantine in data/ (both in this checkout). On the first start the bundled sample scans
# are copied into inbox/, so documents flow in at once; the page is at the address it prints
# (http://127.0.0.1:5080). Stop with Ctrl+C (twice to stop at once);
# `planingest status` in another terminal shows the queue, `planingest search ""` what is indexed.
# Extra arguments are passed to planingest instead (e.g. scripts/run.sh extract my.pdf --json).
set -euo pipefail
cd "$(dirname "$0")/.."
PLANINGEST_BUILD=src/Ingest.Worker/Ingest.Worker.csproj bash scripts/setup.sh

# A link to the launcher in a folder on the PATH: /usr/local/bin when it can be written, else ~/.local/bin
# (PLANINGEST_BIN_DIR chooses another).
bin=${PLANINGEST_BIN_DIR:-}
if [ -z "$bin" ]; then
  if [ -w /usr/local/bin ]; then bin=/usr/local/bin; else bin="$HOME/.local/bin"; fi
fi
mkdir -p "$bin"
ln -sf "$PWD/scripts/planingest" "$bin/planingest"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "run: planingest is in $bin, which is not on your PATH" >&2 ;;
esac

if (($#)); then
  exec scripts/planingest "$@"
fi

mkdir -p inbox
if [ ! -e data ]; then
  # First start: give the worker something to do (scans, a PDF with a text layer, a DOCX, old OCR text).
  cp testdata/scans/003-image.pdf testdata/scans/004.tif testdata/scans/mixed.pdf testdata/scans/004.docx \
     testdata/scans/003-p1.png testdata/seeds/000_7ba60b1bc562e18d.txt testdata/seeds/002_892b5c602cf60f5e.txt inbox/
  echo "run: first start; sample documents copied into inbox/" >&2
fi
# The worker and its web page in one process; it prints the page's address (http://127.0.0.1:5080 unless
# PLANINGEST_URLS names others, which beyond loopback also needs PLANINGEST_API_KEY).
exec scripts/planingest watch inbox --data data --serve --urls "${PLANINGEST_URLS:-http://127.0.0.1:5080}"

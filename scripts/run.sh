#!/usr/bin/env bash
# The main job: install what is missing, build, and start the PlanIngest worker on the embedded
# default: it watches inbox/ and keeps its catalog, index, archive and quarantine in data/ (both in
# this checkout). On the first start the bundled sample scans are copied into inbox/, so documents
# flow in at once. Stop with Ctrl+C (twice to stop at once); `bash scripts/run.sh status` in another
# terminal shows the queue.
# Extra arguments are passed to planingest instead (e.g. scripts/run.sh extract my.pdf --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
planingest=(dotnet src/Ingest.Worker/bin/Release/net10.0/planingest.dll)
if (($#)); then
  exec "${planingest[@]}" "$@"
fi

mkdir -p inbox
if [ ! -e data ]; then
  # First start: give the worker something to do (scans, a PDF with a text layer, a DOCX, old OCR text).
  cp testdata/scans/003-image.pdf testdata/scans/004.tif testdata/scans/mixed.pdf testdata/scans/004.docx \
     testdata/scans/003-p1.png testdata/seeds/000_7ba60b1bc562e18d.txt testdata/seeds/002_892b5c602cf60f5e.txt inbox/
  echo "run: first start; sample documents copied into inbox/" >&2
fi
exec "${planingest[@]}" watch inbox --data data

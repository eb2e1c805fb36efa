#!/usr/bin/env bash
# The main job: install what is missing, build (only when something changed), put `planingest` on the
# PATH, then ingest the bundled samples into ./data and show what the catalog holds.
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
scripts/planingest ingest testdata/scans/003-p1.png testdata/scans/004.tif testdata/scans/mixed.pdf testdata/scans/004.docx \
  testdata/seeds testdata/search/*.txt --data data || true
exec scripts/planingest search "" --data data --facet doc_type --facet level --facet year --limit 5

#!/usr/bin/env bash
# The main job: install what is missing, build, and run PlanIngest on the bundled sample scans.
# Extra arguments are passed to planingest instead (e.g. scripts/run.sh extract my.pdf --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
planingest=(dotnet src/Ingest.Worker/bin/Release/net10.0/planingest.dll)
if (($#)); then
  exec "${planingest[@]}" "$@"
fi
exec "${planingest[@]}" extract testdata/scans/003-p1.png testdata/scans/004.tif testdata/scans/mixed.pdf testdata/scans/004.docx testdata/seeds/000_7ba60b1bc562e18d.txt

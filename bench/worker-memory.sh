#!/usr/bin/env bash
# Resident memory of the worker (planingest watch) on one long image-only scan, not a test: an N-page PDF
# (default 1002: testdata/scans/003-image.pdf joined with itself by pdfunite, about 400 KB a page, cached in
# /tmp) is dropped into a running worker's inbox; VmRSS is sampled every second for S seconds (default 180)
# or until the document is indexed, and the peak (VmHWM) is printed with the pages recognised meanwhile.
# Usage: bash bench/worker-memory.sh [PAGES] [SECONDS]   (PLANINGEST_DLL picks another build to compare)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1002}
seconds=${2:-180}
dll=${PLANINGEST_DLL:-src/Ingest.Worker/bin/Release/net10.0/planingest.dll}
copies=$(( (pages + 5) / 6 ))
pdf=/tmp/planingest-bench-scan-$((copies * 6)).pdf
[ -f "$pdf" ] || pdfunite $(for _ in $(seq "$copies"); do echo testdata/scans/003-image.pdf; done) "$pdf"
out=$(mktemp -d /tmp/planingest-membench-XXXXXX)
trap 'kill "$worker" 2>/dev/null || true; rm -rf "$out"' EXIT
uptime
mkdir -p "$out/inbox"; : >"$out/log"
dotnet "$dll" watch "$out/inbox" --data "$out/data" --Worker:StabilityInterval=00:00:00.200 --Worker:RescanInterval=00:00:01 >"$out/log" 2>&1 &
worker=$!
until grep -q " watching " "$out/log"; do sleep 0.2; done
# A copy, not a hard link: the worker refuses a file whose inode also lives outside the inbox.
cp "$pdf" "$out/scan.pdf"
mv "$out/scan.pdf" "$out/inbox/scan.pdf"
for t in $(seq 1 "$seconds"); do
  sleep 1
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$worker/status)
  ((t % 15 == 0)) && echo "  ${t} s: RSS ${rss} MB"
  grep -q "scan.pdf: [0-9]* page" "$out/log" && break
done
peak=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$worker/status)
cpu=$(awk '{print ($14 + $15) / 100}' /proc/$worker/stat)
# Pages recognised so far: the OCR engines' CPU is most of the worker's; the log line says when the document is done.
done_line=$(grep -o "scan.pdf: [0-9]* page.*" "$out/log" || echo "not finished within ${seconds} s")
echo "$((copies * 6))-page scan ($(($(stat -c %s "$pdf") / 1048576)) MB): peak RSS ${peak} MB over ${t} s; worker CPU ${cpu} s; ${done_line}"
kill -TERM "$worker"; wait "$worker" || true
uptime

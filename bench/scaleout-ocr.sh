#!/usr/bin/env bash
# Scale-out OCR benchmark (issue 11), not a test: scanned pages per minute through `planingest watch` on one
# PostgreSQL catalog and one shared inbox, with 1 and then 2 worker processes each limited to one OCR thread
# (--parallelism 1, OMP_THREAD_LIMIT=1), to show that the queue does not serialise the work (target: 2 ≥ 1.8× 1).
# Pages are one-page PNGs from testdata/scans made distinct by bytes after IEND. Wall time runs from the move
# into the inbox to the last page indexed; CPU seconds are the workers' own (steadier on a shared machine).
# Starts a throwaway cluster (bench/pg-cluster.sh) and removes it at the end.
# Usage: bash bench/scaleout-ocr.sh [PAGES]     (default 16)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-16}
dll=src/Ingest.Worker/bin/Release/net10.0/planingest.dll
[ -f "$dll" ] || bash scripts/setup.sh
out=$(mktemp -d /tmp/planingest-scaleout-XXXXXX); chmod 755 "$out"  # the server runs as postgres and must reach its folder
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; bash bench/pg-cluster.sh stop "$out/pg"; rm -rf "$out"; }
trap cleanup EXIT
host=$(bash bench/pg-cluster.sh start "$out/pg")
createdb=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/createdb
runuser=(); [ "$(id -u)" -eq 0 ] && runuser=(runuser -u postgres --)
sources=(testdata/scans/003-p1.png testdata/scans/003-p2.png testdata/scans/003-p3.png testdata/scans/003-p4.png testdata/scans/003-p5.png testdata/scans/003-p6.png)

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }

run() { # workers
  local n=$1 dir=$out/w$1 conn
  "${runuser[@]}" "$createdb" -h "$host" -U postgres "w$n"
  conn="Host=$host;Username=postgres;Database=w$n"
  mkdir -p "$dir/inbox" "$dir/staging"
  for i in $(seq 1 "$pages"); do
    { cat "${sources[$(( (i - 1) % ${#sources[@]} ))]}"; printf 'scaleout-%d-%05d' "$n" "$i"; } > "$dir/staging/page-$(printf %05d "$i").png"
  done
  pids=()
  for w in $(seq 1 "$n"); do
    OMP_THREAD_LIMIT=1 dotnet "$dll" watch "$dir/inbox" --data "$dir/shared" --catalog "$conn" --index "$dir/index-$w" --parallelism 1 \
      --Worker:StabilityInterval=00:00:00.200 --Worker:RescanInterval=00:00:01 --Worker:PollInterval=00:00:00.200 >"$dir/log-$w" 2>&1 &
    pids+=($!)
  done
  for w in $(seq 1 "$n"); do until grep -q " watching " "$dir/log-$w" 2>/dev/null; do sleep 0.2; done; done
  local cpu0=0; for p in "${pids[@]}"; do cpu0=$(python3 -c "print($cpu0 + $(cpu_seconds "$p"))"); done
  local start; start=$(date +%s.%N)
  find "$dir/staging" -type f -exec mv -t "$dir/inbox" {} +
  # Polled with psql, not `planingest status`: a .NET process started twice a second takes a core's worth of
  # time from the workers being measured (it held two workers to 1.30x one on a quiet machine).
  until [ "$(psql -h "$host" -U postgres -d "w$n" -tAc "SELECT count(*) FILTER (WHERE state IN ('queued','reading','extracted')) = 0 AND count(*) FILTER (WHERE state IN ('indexed','failed')) >= $pages FROM jobs" 2>/dev/null)" = t ]; do sleep 0.2; done
  local end; end=$(date +%s.%N)
  local cpu1=0; for p in "${pids[@]}"; do cpu1=$(python3 -c "print($cpu1 + $(cpu_seconds "$p"))"); done
  for p in "${pids[@]}"; do kill -TERM "$p"; done; wait "${pids[@]}" || true; pids=()
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); p=int(sys.argv[3]); print(f'{sys.argv[4]} worker(s), 1 OCR thread each: {p} pages in {s:.1f} s = {p/s*60:.1f} pages/min; worker CPU {float(sys.argv[6])-float(sys.argv[5]):.1f} s = {(float(sys.argv[6])-float(sys.argv[5]))/p:.2f} s/page')" "$start" "$end" "$pages" "$n" "$cpu0" "$cpu1" | tee "$out/result-$n"
}

echo "== $(uptime | sed 's/.*load/load/')"
run 1
echo "== $(uptime | sed 's/.*load/load/')"
run 2
echo "== $(uptime | sed 's/.*load/load/')"
python3 -c "
import re,sys
one=float(re.search(r'= ([0-9.]+) pages/min', open(sys.argv[1]).read()).group(1)); two=float(re.search(r'= ([0-9.]+) pages/min', open(sys.argv[2]).read()).group(1))
print(f'2 workers / 1 worker = {two/one:.2f}x')" "$out/result-1" "$out/result-2"

#!/usr/bin/env bash
# Scale-out OCR benchmark (issue 11), not a test: scanned pages per minute through `planingest watch` on one
# PostgreSQL catalog and one shared inbox, with 1 and then 2 worker processes each limited to one OCR thread
# (--parallelism 1, OMP_THREAD_LIMIT=1), to show that the queue does not serialise the work (target: 2 ≥ 1.8× 1).
# Pages are one-page PNGs from testdata/scans made distinct by bytes after IEND. Wall time runs from the move
# into the inbox to the last page indexed; CPU seconds are the workers' own (steadier on a shared machine).
# Starts a throwaway cluster (bench/pg-cluster.sh) and removes it at the end.
# Usage: [WARMUP=2] [THREADS=1] [TRACE=1] [DLL=path/planingest.dll] [WORKER_ARGS='--Worker:X=Y ...'] bash bench/scaleout-ocr.sh [PAGES]
#   WORKER_ARGS: more settings for every worker (an experiment: e.g. --Worker:FollowInterval=01:00:00 leaves the index
#   follower out of the run); the workers inherit the environment, so DOTNET_* runtime settings apply as well
#   PAGES: default 96 (16 of each source page), so that the end-of-run tail (one worker reading the last page while
#   the other idles) is a percent of the 2-worker run rather than several (24 was the default before)
#   WARMUP: pages per worker read before the clock starts, 0 for a cold start
#   THREADS=1: each worker's CPU per thread name at the start and the end
#   TRACE=1: samples every worker thread every 100 ms (bench/scaleout-trace.py; ~2% of a core) and prints each
#   worker's OCR-thread busy share, idle gaps, tail, CPU off the OCR thread and queued-to-claimed wait
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-96}
warmup=${WARMUP:-2}
dll=${DLL:-src/Ingest.Worker/bin/Release/net10.0/planingest.dll}  # DLL=... measures another build (e.g. a copy of the last one, for before/after)
[ -f "$dll" ] || bash scripts/setup.sh
out=$(mktemp -d /tmp/planingest-scaleout-XXXXXX); chmod 755 "$out"  # the server runs as postgres and must reach its folder
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; bash bench/pg-cluster.sh stop "$out/pg"; if [ "${KEEP:-0}" = 1 ]; then echo "kept $out"; else rm -rf "$out"; fi; }
trap cleanup EXIT
host=$(bash bench/pg-cluster.sh start "$out/pg")
createdb=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/createdb
runuser=(); [ "$(id -u)" -eq 0 ] && runuser=(runuser -u postgres --)
sources=(testdata/scans/003-p1.png testdata/scans/003-p2.png testdata/scans/003-p3.png testdata/scans/003-p4.png testdata/scans/003-p5.png testdata/scans/003-p6.png)

# THREADS=1: each worker's CPU seconds per thread name at the end of its run (where the time beyond the OCR thread goes).
threads() {
  python3 - "$1" "$(getconf CLK_TCK)" <<'PY'
import os, sys, collections
pid, hz = sys.argv[1], int(sys.argv[2])
by = collections.defaultdict(lambda: [0, 0.0]); top = []
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
        f = open(f"/proc/{pid}/task/{tid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    cpu = (int(f[11]) + int(f[12])) / hz
    by[name][0] += 1; by[name][1] += cpu; top.append((cpu, name, tid))
print(f"  pid {pid}: " + ", ".join(f"{n} x{c}: {s:.1f} s" for n, (c, s) in sorted(by.items(), key=lambda kv: -kv[1][1]) if s >= 0.05))
print("  busiest threads: " + ", ".join(f"{n}/{t} {c:.1f} s" for c, n, t in sorted(top, reverse=True)[:4]))
PY
}

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }

page() { # SOURCE-INDEX TAG > a PNG of that source page made distinct by bytes after IEND
  { cat "${sources[$(( ($1 - 1) % ${#sources[@]} ))]}"; printf 'scaleout-%s' "$2"; } 
}

settled() { # DB COUNT: nothing unfinished and COUNT jobs finished
  [ "$(psql -h "$host" -U postgres -d "$1" -tAc "SELECT count(*) FILTER (WHERE state IN ('queued','reading','extracted')) = 0 AND count(*) FILTER (WHERE state IN ('indexed','failed')) >= $2 FROM jobs" 2>/dev/null)" = t ]
}

# DB COUNT: returns once settled. One psql session asks every second (\watch): a psql started per poll costs its
# own start and a server backend, ~65 ms of CPU under load (measured: 50 polls), a third of a core at five a second.
await_settled() {
  printf '%s \\watch 1\n' "SELECT count(*) FILTER (WHERE state IN ('queued','reading','extracted')) = 0 AND count(*) FILTER (WHERE state IN ('indexed','failed')) >= $2 FROM jobs" \
    | psql -h "$host" -U postgres -d "$1" -tA 2>/dev/null | { while read -r line; do [ "$line" = t ] && break; done; } || true
}

run() { # workers
  local n=$1 dir=$out/w$1 conn
  "${runuser[@]}" "$createdb" -h "$host" -U postgres "w$n"
  conn="Host=$host;Username=postgres;Database=w$n"
  mkdir -p "$dir/inbox" "$dir/staging"
  for i in $(seq 1 "$pages"); do page "$i" "$n-$i" > "$dir/staging/page-$(printf %05d "$i").png"; done
  pids=()
  for w in $(seq 1 "$n"); do
    OMP_THREAD_LIMIT=1 dotnet "$dll" watch "$dir/inbox" --data "$dir/shared" --catalog "$conn" --index "$dir/index-$w" --parallelism 1 \
      --Worker:StabilityInterval=00:00:00.200 --Worker:RescanInterval=00:00:01 ${WORKER_ARGS:-} >"$dir/log-$w" 2>&1 &
    pids+=($!)
  done
  for w in $(seq 1 "$n"); do until grep -q " watching " "$dir/log-$w" 2>/dev/null; do sleep 0.2; done; done
  # Warm-up (not timed): every worker reads WARMUP pages of its own first, so that neither run's figure holds the
  # ~3 CPU s of JIT compilation each process spends on its first pages (the 2-worker run would pay it twice).
  local dropped=0 round=0 lacking
  while :; do
    lacking=0; for w in $(seq 1 "$n"); do [ "$(grep -c ' warm-.*\.png: ' "$dir/log-$w" || true)" -ge "$warmup" ] || lacking=1; done
    [ "$lacking" -eq 0 ] && break
    round=$((round + 1)); [ "$round" -le 5 ] || { echo "warm-up did not reach every worker" >&2; exit 1; }
    # All of a round's pages at once, as many as the workers hold together, so that each claims its share.
    for k in $(seq 1 $(( n * warmup ))); do dropped=$((dropped + 1)); page "$dropped" "warm-$n-$dropped" > "$dir/warm-$dropped.png"; mv "$dir/warm-$dropped.png" "$dir/inbox/"; done
    until settled "w$n" "$dropped"; do sleep 0.2; done
  done
  local cpu0=0; for p in "${pids[@]}"; do cpu0=$(python3 -c "print($cpu0 + $(cpu_seconds "$p"))"); done
  if [ "${THREADS:-0}" = 1 ]; then echo "  at start:"; for p in "${pids[@]}"; do threads "$p"; done; fi
  local tracer=""
  if [ "${TRACE:-0}" = 1 ]; then POSTMASTER=$(head -1 "$out/pg/data/postmaster.pid") python3 bench/scaleout-trace.py sample "$dir/trace.json" "${pids[@]}" & tracer=$!; fi
  local start; start=$(date +%s.%N)
  find "$dir/staging" -type f -exec mv -t "$dir/inbox" {} +
  # Polled with psql, not `planingest status`: a .NET process started twice a second takes a core's worth of
  # time from the workers being measured (it held two workers to 1.30x one on a quiet machine). The run ends
  # when the last page was marked indexed, as the catalog recorded it, so the poll can be slow and cheap.
  await_settled "w$n" $((pages + dropped))
  settled "w$n" $((pages + dropped)) || { echo "the catalog did not settle" >&2; exit 1; }
  local end; end=$(psql -h "$host" -U postgres -d "w$n" -tAc "SELECT extract(epoch FROM max(finished_at)) FROM jobs WHERE name LIKE 'page-%'")
  local cpu1=0; for p in "${pids[@]}"; do cpu1=$(python3 -c "print($cpu1 + $(cpu_seconds "$p"))"); done
  if [ "${THREADS:-0}" = 1 ]; then echo "  at the end:"; for p in "${pids[@]}"; do threads "$p"; done; fi
  if [ -n "$tracer" ]; then
    kill -TERM "$tracer"; wait "$tracer" || true
    psql -h "$host" -U postgres -d "w$n" -tA -F $'\t' -c "SELECT name, extract(epoch FROM created_at), extract(epoch FROM started_at), extract(epoch FROM finished_at), coalesce(seconds, 0) FROM jobs WHERE name LIKE 'page-%'" > "$dir/jobs.tsv"
    local logs=(); for w in $(seq 1 "$n"); do logs+=("$dir/log-$w"); done
    python3 bench/scaleout-trace.py report "$dir/trace.json" "$dir/jobs.tsv" "$start" "$end" "${logs[@]}"
  fi
  local split=""; for w in $(seq 1 "$n"); do split+="${split:+/}$(grep -c ' page-[0-9]*\.png: ' "$dir/log-$w" || true)"; done
  for p in "${pids[@]}"; do kill -TERM "$p"; done; wait "${pids[@]}" || true; pids=()
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); p=int(sys.argv[3]); c=float(sys.argv[6])-float(sys.argv[5]); print(f'{sys.argv[4]} worker(s), 1 OCR thread each: {p} pages in {s:.1f} s = {p/s*60:.1f} pages/min; worker CPU {c:.1f} s = {c/p:.2f} s/page, {c/s:.2f} cores busy; pages per worker {sys.argv[7]}; after {sys.argv[8]} warm-up pages')" "$start" "$end" "$pages" "$n" "$cpu0" "$cpu1" "$split" "$dropped" | tee "$out/result-$n"
}

# RUNS="2 1" changes the order (or runs one), e.g. to put the 2-worker run first while the machine is quiet.
for r in ${RUNS:-1 2}; do echo "== $(uptime | sed 's/.*load/load/')"; run "$r"; done
echo "== $(uptime | sed 's/.*load/load/')"
[ -f "$out/result-1" ] && [ -f "$out/result-2" ] && python3 -c "
import re,sys
one=float(re.search(r'= ([0-9.]+) pages/min', open(sys.argv[1]).read()).group(1)); two=float(re.search(r'= ([0-9.]+) pages/min', open(sys.argv[2]).read()).group(1))
print(f'2 workers / 1 worker = {two/one:.2f}x')" "$out/result-1" "$out/result-2"  || true

#!/bin/sh
# Web benchmark (issue 10): the search API and the search page under 8 concurrent clients (wrk from
# Debian), against a generated data folder at two sizes (bench/search.sh's SearchBench makes them in
# bench/out/data-COUNT; an existing folder is reused). Loopback only; each run is bounded in time
# (DURATION seconds) and in count (MAX requests per thread). Target: p95 <= 100 ms at 100,000 plans.
#   sh bench/web.sh [COUNT...]      (default: 10000 100000; DURATION=20 CONNECTIONS=8 MAX=20000 WARMUP=10;
#                                   DATA=FOLDER holds the data-COUNT folders, default bench/out;
#                                   WEB_BENCH_MIX=distinct: every request a search not asked before, see web-requests.lua;
#                                   PLANINGEST_DLL=another build's planingest.dll, to compare two builds on one machine)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
duration=${DURATION:-20}
warmup=${WARMUP:-10}
connections=${CONNECTIONS:-8}
export WEB_BENCH_MAX=${MAX:-20000}

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
PLANINGEST_BUILD=src/Ingest.Worker/Ingest.Worker.csproj bash "$root/scripts/setup.sh"
dotnet build "$here/SearchBench" -c Release -nologo -clp:ErrorsOnly -v:quiet >&2

for count in ${*:-10000 100000}; do
  data="${DATA:-$here/out}/data-$count"
  if [ ! -f "$data/catalog.db" ]; then
    dotnet "$here/SearchBench/bin/Release/net10.0/SearchBench.dll" generate "$data" "$count" >&2
  fi

  log=$(mktemp)
  dotnet "${PLANINGEST_DLL:-$root/src/Ingest.Worker/bin/Release/net10.0/planingest.dll}" serve --data "$data" --urls http://127.0.0.1:0 >"$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
  url=""
  for _ in $(seq 1 300); do
    url=$(sed -n 's/^planingest serve: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$log")
    [ -n "$url" ] && break
    kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$url" ] || { echo "web.sh: serve did not start" >&2; cat "$log" >&2; exit 1; }

  echo "== $count documents, $connections clients, ${duration}s per run ($(uptime | sed 's/.*load/load/'))"
  for kind in api page; do
    # Warm-up (JIT, Lucene's caches), not reported. At 100k on a loaded machine 5 s were too few: the first
    # run's methods were still being compiled to their optimised tier (API 18.1 ms CPU per answer after 5 s, 12.4 after 10).
    WEB_BENCH_KIND=$kind wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/web-requests.lua" "$url" >/dev/null
    # The server's CPU time per answer beside the latencies: on a machine others are loading, latency is
    # mostly waiting for a core, while CPU per request is what the page itself costs.
    before=$(awk '{print $14 + $15}' /proc/$server/stat)
    line=$(WEB_BENCH_PHASE=run WEB_BENCH_KIND=$kind wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$here/web-requests.lua" "$url" | tail -1)
    after=$(awk '{print $14 + $15}' /proc/$server/stat)
    requests=$(echo "$line" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
    echo "$line cpu_ms_per_req=$(awk -v t="$((after - before))" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", n ? t * 1000 / hz / n : 0}')"
  done
  echo "   after: $(uptime | sed 's/.*load/load/')"

  kill -TERM $server
  wait $server 2>/dev/null || true
  trap - EXIT
  rm -f "$log"
done

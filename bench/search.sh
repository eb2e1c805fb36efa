#!/bin/sh
# Search benchmark (issue 8): generated plans at two sizes, so that growth is visible. For each:
# catalog write, indexing rate from the catalog (text already extracted), index size, and search
# latency (median, p95, thread CPU, phases) over a fixed query mix with three facets. Data folders
# stay in bench/out/ (bench/out/data-100000 is the 100k index the web load test reuses).
#   sh bench/search.sh [--reuse] [COUNT...]      (default: 10000 100000)
# --reuse keeps a data folder's catalog and rebuilds only its index (after an index schema change,
# or to measure indexing again without writing 100,000 rows first).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
reuse=0
if [ "${1:-}" = --reuse ]; then reuse=1; shift; fi
dotnet build "$here/SearchBench" -c Release -nologo -clp:ErrorsOnly -v:quiet >&2
bench="$here/SearchBench/bin/Release/net10.0/SearchBench.dll"
for count in ${*:-10000 100000}; do
  data="$here/out/data-$count"
  echo "== $count documents ($(uptime | sed 's/.*load/load/'))"
  if [ "$reuse" = 1 ] && [ -f "$data/catalog.db" ]; then
    dotnet "$bench" index "$data"
    dotnet "$bench" search "$data" 20
  else
    dotnet "$bench" run "$data" "$count"
  fi
done

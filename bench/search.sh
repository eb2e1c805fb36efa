#!/bin/sh
# Search benchmark (issue 8): generated plans at two sizes, so that growth is visible. For each:
# catalog write, indexing rate from the catalog (text already extracted), index size, and search
# latency (median, p95) over a fixed query mix with three facets. Data folders stay in bench/out/
# (bench/out/data-100000 is the 100k index the web load test reuses).
#   sh bench/search.sh [COUNT...]      (default: 10000 100000)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dotnet build "$here/SearchBench" -c Release -nologo -clp:ErrorsOnly -v:quiet >&2
for count in ${*:-10000 100000}; do
  echo "== $count documents ($(uptime | sed 's/.*load/load/'))"
  dotnet "$here/SearchBench/bin/Release/net10.0/SearchBench.dll" run "$here/out/data-$count" "$count"
done

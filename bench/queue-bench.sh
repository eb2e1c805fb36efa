#!/usr/bin/env bash
# Queue benchmark (issue 11), not a test: claim throughput of the PostgreSQL job queue with several worker
# processes on text jobs (claim, mark extracted, complete: the queue's part of a worker's work, no reading),
#   (a) on a fresh table, then (c) with 10^6 finished jobs in the table, to show that it does not degrade.
# Starts a throwaway cluster (bench/pg-cluster.sh, fsync on) and removes it at the end.
# Usage: bash bench/queue-bench.sh [WORKERS] [JOBS] [FINISHED]     (default 4 20000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-4}; jobs=${2:-20000}; finished=${3:-1000000}
dotnet build bench/QueueBench -c Release -nologo -clp:ErrorsOnly -v:quiet >&2
dir=$(mktemp -d /tmp/planingest-queue-XXXXXX)
trap 'bash bench/pg-cluster.sh stop "$dir"' EXIT
host=$(bash bench/pg-cluster.sh start "$dir")
runuser=(); [ "$(id -u)" -eq 0 ] && runuser=(runuser -u postgres --)
"${runuser[@]}" "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/createdb" -h "$host" -U postgres queue
conn="Host=$host;Username=postgres;Database=queue"
bench=bench/QueueBench/bin/Release/net10.0/QueueBench.dll
echo "== (a) fresh table ($(uptime | sed 's/.*load/load/'))"
dotnet "$bench" run "$conn" "$workers" "$jobs" 0
echo "== (c) with $finished finished jobs ($(uptime | sed 's/.*load/load/'))"
dotnet "$bench" run "$conn" "$workers" "$jobs" "$finished"
echo "== after ($(uptime | sed 's/.*load/load/'))"

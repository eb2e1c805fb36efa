#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the scale-out benchmarks (the tests start their own from C#):
#   bash bench/pg-cluster.sh start DIR    initdb in DIR (as the postgres user when run as root), start it on a
#                                         Unix socket in DIR, print the connection string's Host (DIR)
#   bash bench/pg-cluster.sh stop DIR     stop it and remove DIR
# Unlike the test cluster it keeps fsync on: the figures are for a server configured as in production.
set -euo pipefail
cmd=${1:?start|stop}; dir=$(realpath -m "${2:?DIR}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "pg-cluster: no initdb under /usr/lib/postgresql/*/bin (bash scripts/setup.sh installs postgresql)" >&2; exit 1; }
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
case $cmd in
  start)
    mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
      -o "-k $dir -c listen_addresses='' -c max_connections=300 -c shared_buffers=128MB" start >/dev/null
    echo "$dir" ;;
  stop)
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir" ;;
  *) echo "pg-cluster: start or stop" >&2; exit 2 ;;
esac

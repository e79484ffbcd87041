#!/usr/bin/env bash
# Issue 12's PostgreSQL benchmarks (docs/performance.md, "PostgreSQL"): a throwaway server in a temporary
# folder (scripts/pg-cluster.sh, Unix socket only) with room for 22 × 5 officers' connections, the release
# binary's `bench-regional` against it, then the server stopped and removed however this ends.
#   scripts/bench-regional.sh [BIN] [bench-regional options…]   e.g. scripts/bench-regional.sh .build/release/placefinder --seconds 10
set -euo pipefail
cd "$(dirname "$0")/.."

bin=.build/release/placefinder
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then bin=$1; shift; fi
[ -x "$bin" ] || { echo "$0: $bin not found: swift build -c release --static-swift-stdlib --product placefinder" >&2; exit 1; }

dir=$(mktemp -u /tmp/placefinder-bench-pg.XXXXXX)
trap 'bash scripts/pg-cluster.sh stop "$dir"' EXIT
url=$(bash scripts/pg-cluster.sh start "$dir")

# Restarted with room for 110 officers, the owner and the comparison's logins (the default is 100
# connections), and with fsync on: commit latency includes the flush to disk, as a real server's does.
pgbin=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/pg_ctl" ] && pgbin=$candidate; done
[ -n "$pgbin" ] || pgbin=$(dirname "$(command -v pg_ctl)")
owner=$(stat -c %U "$dir/data")
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi; }
as_owner "$pgbin/pg_ctl" --pgdata="$dir/data" --wait --mode=fast stop >/dev/null
as_owner "$pgbin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c unix_socket_permissions=0700 -c max_connections=300 -c fsync=on" \
  start >/dev/null

echo "server: PostgreSQL $(as_owner "$pgbin/psql" -tA -h "$dir" -U postgres -d postgres -c 'SHOW server_version'), fsync on, $(nproc) cores"
"$bin" bench-regional --server "$url" "$@"

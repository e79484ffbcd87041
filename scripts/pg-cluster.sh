#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and CI (issue 12): initdb in DIR, listening only on a Unix socket
# inside DIR (no TCP), owned by an unprivileged account (PostgreSQL refuses to run as root: as root this
# runs it as `postgres`, or a `placefinder-pg` system account it creates). DIR is 0700, so only that account
# and root reach the socket, which is why local connections may use trust authentication.
#   scripts/pg-cluster.sh start DIR   # prints the URL of its `postgres` database, e.g. for PLACEFINDER_TEST_POSTGRES
#   scripts/pg-cluster.sh stop DIR    # stops the server and removes DIR
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 64; }
[ $# -eq 2 ] || usage
action=$1
dir=$2
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac

bin=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bin=$candidate; done
if [ -z "$bin" ]; then
  command -v initdb >/dev/null 2>&1 || { echo "$0: initdb not found (install Debian's postgresql package)" >&2; exit 1; }
  bin=$(dirname "$(command -v initdb)")
fi

if [ "$(id -u)" -eq 0 ]; then
  account=postgres
  if ! id "$account" >/dev/null 2>&1; then
    account=placefinder-pg
    id "$account" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$account"
  fi
  as_account() { runuser -u "$account" -- "$@"; }
else
  account=$(id -un)
  as_account() { "$@"; }
fi

case "$action" in
  start)
    [ -e "$dir/data" ] && { echo "$0: $dir already holds a cluster; stop it first" >&2; exit 1; }
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$account" "$dir"
    as_account "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth-local=trust --auth-host=reject \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_account "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c unix_socket_permissions=0700 -c fsync=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@/postgres?host=$dir"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_account "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac

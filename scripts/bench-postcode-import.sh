#!/bin/sh
# Times `placefinder import postcodes` beside its peer, sqlite3's own `.import` of the same file, in the
# same run, with CPU time and peak resident memory (GNU time: `apt-get install -y time`), for each file
# given. Two sizes show whether memory stays flat as the file grows. Needs a release build.
#   scripts/bench-postcode-import.sh [FILE...]
# Default: synthetic ONSPD files of 500,000 and 2,700,000 rows (scripts/synthetic-onspd.py), made once in
# $TMPDIR (or /tmp) and kept for later runs.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build/release/placefinder"
[ -x "$bin" ] || { echo "build first: swift build -c release --static-swift-stdlib --product placefinder" >&2; exit 1; }
tmp=${TMPDIR:-/tmp}
if [ $# -eq 0 ]; then
  for rows in 500000 2700000; do
    f="$tmp/onspd-synthetic-$rows.csv"
    [ -f "$f" ] || python3 "$root/scripts/synthetic-onspd.py" --rows "$rows" -o "$f"
    set -- "$@" "$f"
  done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for file in "$@"; do
  rows=$(($(wc -l <"$file") - 1))
  echo "== $(basename "$file"): $rows data lines, $(($(stat -c %s "$file") / 1048576)) MiB"
  rm -f "$work/peer.sqlite" "$work/store.sqlite"
  /usr/bin/time -f "sqlite3 .import:              %e s wall, %U s user, %S s sys, peak RSS %M KiB" \
      sqlite3 "$work/peer.sqlite" ".import --csv $file onspd"
  # As an officer would: into a store made by `store init` (it holds the 209,542 shipped postcodes).
  "$bin" store init --store "$work/store.sqlite" >/dev/null
  /usr/bin/time -f "placefinder import postcodes: %e s wall, %U s user, %S s sys, peak RSS %M KiB" \
      "$bin" import postcodes "$file" --store "$work/store.sqlite"
done

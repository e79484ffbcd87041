#!/bin/sh
# Times `placefinder import postcodes` beside its peer, sqlite3's own `.import` of the same file, in the
# same run, with peak resident memory (GNU time: `apt-get install -y time`). Needs a release build.
#   scripts/bench-postcode-import.sh [ONSPD.csv]   (default: a synthetic 2.7 M-row file in /tmp)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
file=${1:-/tmp/onspd-synthetic.csv}
[ -f "$file" ] || python3 "$root/scripts/synthetic-onspd.py" --rows 2700000 -o "$file"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/time -f "sqlite3 .import: %e s wall, %U s user, %S s sys, peak RSS %M KiB" \
    sqlite3 "$work/peer.sqlite" ".import --csv $file onspd"
"$root/.build/release/placefinder" store init --store "$work/store.sqlite" >/dev/null
/usr/bin/time -f "placefinder import postcodes: %e s wall, %U s user, %S s sys, peak RSS %M KiB" \
    "$root/.build/release/placefinder" import postcodes "$file" --store "$work/store.sqlite"

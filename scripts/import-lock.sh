#!/usr/bin/env bash
# How long one large import holds the store's write lock, as a colleague sees it: while
# `placefinder import` runs on 100,000 rows, a probe takes and releases the write lock
# (BEGIN IMMEDIATE; COMMIT) every 5 ms and reports its longest wait, with the CPU time the import used
# during that wait (on a busy machine the wait also holds time spent waiting for a core), and the import's
# whole CPU time (GNU time: `apt-get install -y time`). Run on a release build:
#   swift build -c release --static-swift-stdlib --product placefinder && scripts/import-lock.sh .build/release/placefinder
# Uses the test-build-free path: no PLACEFINDER_* variables (a release build refuses them).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/release/placefinder}")
rows=${ROWS:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"

python3 - "$work" "$rows" <<'PY'
import sys, itertools
work, rows = sys.argv[1], int(sys.argv[2])
letters = "ABDEFGHJLNPQRSTUWXYZ"
codes = (f"CF{d} {s}{a}{b}" for d in range(1, 100) for s in range(10) for a in letters for b in letters)
with open(f"{work}/postcodes.csv", "w") as f:
    f.write("pcds,lat,long,oslaua,doterm\n")
    for code in itertools.islice(codes, rows):
        f.write(f"{code},51.48,-3.18,W06000015,\n")
template = open("fixtures/examples/children.csv").read().splitlines()
with open(f"{work}/children.csv", "w") as f:
    f.write(template[0] + "\n")
    row = template[1].split(",", 1)[1]
    for i in range(rows):
        f.write(f"CX-{i:06d},{row}\n")
PY

probe() {  # the longest wait for the write lock (ms) and the import's CPU time during that wait (ms)
python3 - "$1" "$2" <<'PY'
import sqlite3, sys, time, os
store, pid = sys.argv[1], int(sys.argv[2])
tick = os.sysconf("SC_CLK_TCK")
def cpu():  # the import's user + system time so far, in seconds (0 once it has ended)
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick
    except (OSError, IndexError): return 0.0
c = sqlite3.connect(store, timeout=60, isolation_level=None)
worst, worst_cpu = 0.0, 0.0
def alive():
    try: os.kill(pid, 0); return True
    except OSError: return False
while alive():
    t, before = time.monotonic(), cpu()
    c.execute("BEGIN IMMEDIATE"); c.execute("COMMIT")
    waited, used = time.monotonic() - t, max(0.0, cpu() - before)
    if waited > worst: worst, worst_cpu = waited, used
    time.sleep(0.005)
print(f"{worst * 1000:.0f} {worst_cpu * 1000:.0f}")
PY
}

for kind in postcodes children; do
  store="$work/$kind.sqlite"
  "$bin" store init --store "$store" >/dev/null
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/cpu" "$bin" import "$kind" "$work/$kind.csv" --store "$store" >/dev/null &
  pid=$!
  sleep 0.05
  # The probe watches the import itself, the child of GNU time.
  target=$(pgrep -P "$pid" | head -1); target=${target:-$pid}
  read -r worst worst_cpu < <(probe "$store" "$target")
  wait "$pid"
  end=$(date +%s.%N)
  read -r user sys < "$work/cpu"
  printf '%s: %d rows imported in %.2f s (CPU %s s user + %s s sys); a colleague waited at most %s ms for the write lock, while the import used %s ms of CPU\n' \
    "$kind" "$rows" "$(echo "$end - $start" | bc)" "$user" "$sys" "$worst" "$worst_cpu"
done

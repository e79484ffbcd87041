#!/usr/bin/env bash
# Time from launching the dashboard until the store's data is on screen (the top bar's count of open
# vacancies replaces "Loading…"), in tmux at 132×43, as an officer would see it (docs/performance.md).
# Each phase's median comes from the milestones the binary writes with PLACEFINDER_LAUNCH_TRACE (times only);
# then when the history the first load leaves out was ready too, and the peak resident set by each.
# Usage: scripts/bench-launch.sh STORE [RUNS] [BINARY]     prints each run, the median and the phases, in ms
set -euo pipefail
store=$1; runs=${2:-11}; bin=$(realpath "${3:-.build/release/placefinder}")
export LANG=C.UTF-8
trace=$(mktemp)
sock=pf-launch-$$
trap 'rm -f "$trace"; for s in $(seq "$runs"); do tmux -L "$sock-$s" kill-server 2>/dev/null; done' EXIT
for run in $(seq "$runs"); do
    # A server per run: a new session on a server still shutting down can fail.
    echo "start $(date +%s%N) 0" >> "$trace"
    PLACEFINDER_LAUNCH_TRACE=$trace tmux -L "$sock-$run" -f /dev/null new-session -d -s l -x 132 -y 43 "$bin --store '$store'"
    until tmux -L "$sock-$run" capture-pane -p -t l 2>/dev/null | grep -q "open vacancies"; do sleep 0.002; done
    echo "seen $(date +%s%N) 0" >> "$trace"
    # The history (the launch's second load) lands after the first screen: wait for it, up to 5 s.
    for _ in $(seq 500); do [ "$(grep -c '^history ' "$trace")" -ge "$run" ] && break; sleep 0.01; done
    tmux -L "$sock-$run" kill-server
    sleep 0.2
done
python3 - "$trace" <<'PY'
import statistics, sys
runs = []
for line in open(sys.argv[1]):
    name, wall = line.split()[:2]
    peak = line.split()[3:4]
    if name == "start":
        runs.append({})
    runs[-1][name] = int(wall)
    if peak:
        runs[-1][name + " peak"] = int(peak[0])
totals = sorted((r["seen"] - r["start"]) / 1e6 for r in runs)
print(" ".join(f"{t:.0f}" for t in totals))
print(f"median {statistics.median(totals):.0f} ms over {len(totals)} runs")
phases, previous = [], "start"
for name in ["main", "opened", "snapshot", "indexed", "frame", "seen"]:
    gaps = [(r[name] - r[previous]) / 1e6 for r in runs if name in r and previous in r]
    if gaps:
        phases.append(f"{previous} → {name} {statistics.median(gaps):.1f}")
        previous = name
print("phases (median ms): " + ", ".join(phases))
history = sorted((r["history"] - r["start"]) / 1e6 for r in runs if "history" in r)
if history:
    print(f"history on screen (the second load indexed): median {statistics.median(history):.0f} ms after the start")
peaks = [(name, [r[name + " peak"] / 1024 for r in runs if name + " peak" in r]) for name in ["frame", "history"]]
if all(values for _, values in peaks):
    print("peak resident (median MB): " + ", ".join(f"by the {name} {statistics.median(v):.1f}" for name, v in peaks))
PY

#!/usr/bin/env bash
# Time from launching the dashboard until the store's data is on screen (the top bar's count of open
# vacancies replaces "Loading…"), in tmux at 132×43, as an officer would see it (docs/performance.md).
# Usage: scripts/bench-launch.sh STORE [RUNS] [BINARY]     prints each run and the median, in ms
set -euo pipefail
store=$1; runs=${2:-11}; bin=$(realpath "${3:-.build/release/placefinder}")
export LANG=C.UTF-8
sock=pf-launch-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null' EXIT
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    tmux -L "$sock" -f /dev/null new-session -d -s l -x 132 -y 43 "$bin --store '$store'"
    until tmux -L "$sock" capture-pane -p -t l 2>/dev/null | grep -q "open vacancies"; do sleep 0.002; done
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
    tmux -L "$sock" kill-server
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1; printf "%s ", $1 } END { printf "\nmedian %d ms over %d runs\n", a[int((NR + 1) / 2)], NR }'

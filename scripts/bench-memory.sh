#!/usr/bin/env bash
# The dashboard's resident memory through a working session, in tmux at 132×43 (docs/performance.md,
# "Memory"): the first load, 30 `r` in a burst, browsing, 10 colleagues' commits, 30 more `r`, two matches.
# It writes notices, so give it a copy of a demo store made with --vacancies 50000 --children 20000.
# Usage: scripts/bench-memory.sh STORE-COPY [BINARY]     prints VmRSS, VmHWM, RssAnon, RssFile at the end
set -euo pipefail
store=$1; bin=$(realpath "${2:-.build/release/placefinder}")
export LANG=C.UTF-8
sock=pf-mem-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null' EXIT
tmux -L "$sock" -f /dev/null new-session -d -s mem -x 132 -y 43 "$bin --store '$store'"
pid=$(tmux -L "$sock" display -p -t mem '#{pane_pid}')
until tmux -L "$sock" capture-pane -p -t mem | grep -q "open vacancies"; do sleep 0.1; done
sleep 1
peak() { echo "$1: $(grep -E 'VmHWM' /proc/$pid/status | tr -s ' \t' ' ')"; }
peak "first load"
for i in $(seq 30); do tmux -L "$sock" send-keys -t mem r; done; sleep 6
peak "30 r"
tmux -L "$sock" send-keys -t mem 3 / t y Escape s s s s s 2 f Right Escape 5 s 4 1; sleep 2
IFS='|' read -r provider vacancy < <(sqlite3 "$store" "SELECT provider_id, id FROM vacancies WHERE status = 'open' LIMIT 1")
peak "browsing"
for i in $(seq 10); do "$bin" notice add --provider "$provider" --kind vacancy_changed \
  --vacancy "$vacancy" --fee $((5000 + i)) --store "$store" >/dev/null & done; wait
for i in $(seq 30); do tmux -L "$sock" send-keys -t mem r; sleep 0.05; done; sleep 8
peak "commits, 30 r"
tmux -L "$sock" send-keys -t mem 2; sleep 1; tmux -L "$sock" send-keys -t mem m; sleep 6
tmux -L "$sock" send-keys -t mem Escape j m; sleep 6
grep -E 'VmHWM|VmRSS|RssAnon|RssFile' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' '; echo

#!/usr/bin/env bash
# End-to-end test of the real binary in tmux, typing as a user would (run by .ci/run).
# Usage: scripts/e2e-tmux.sh [path/to/placefinder]
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/placefinder}")
work=$(mktemp -d)
trap 'tmux -L pf-e2e kill-server 2>/dev/null; rm -rf "$work"' EXIT
export LANG=C.UTF-8 PLACEFINDER_NOW=2026-11-25T09:00:00Z SWIFT_BACKTRACE=interactive=no
store="$work/demo.sqlite"
"$bin" demo --no-tui --store "$store" >/dev/null 2>&1 || { echo "demo store could not be built"; exit 1; }

passed=0 failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
t() { tmux -L pf-e2e "$@"; }
screen() { t capture-pane -p -t e2e; }
# Waits up to 5 s for text to appear on the screen.
wait_for() { for _ in $(seq 50); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done; screen > "$work/last-screen.txt"; return 1; }
shows() { screen | grep -qF -- "$1"; }

# The pane runs a shell script that records the terminal settings before and after the program.
cat > "$work/run.sh" <<RUN
stty -g > "$work/stty-before"
"$bin" --store "$store"
echo "exit \$?" > "$work/status"
stty -g > "$work/stty-after"
echo DONE
sleep 60
RUN
start() {
  rm -f "$work/status" "$work/stty-before" "$work/stty-after"
  t kill-server 2>/dev/null
  t -u new-session -d -s e2e -x 100 -y 30 "bash $work/run.sh"
}
same_stty() { [ -s "$work/stty-after" ] && cmp -s "$work/stty-before" "$work/stty-after"; }

start
check "dashboard opens on the vacancies list" wait_for "open vacancies"
t send-keys -t e2e /
t send-keys -t e2e -l "ty celyn"
check "search folds accents and Welsh names render (ŷ)" wait_for "Tŷ"
t send-keys -t e2e Escape
t send-keys -t e2e 2
check "children tab lists children by initials" wait_for "Initials"
t send-keys -t e2e / C 0 0 0 8 Enter Enter
check "a child's page shows the full Welsh name (ë)" wait_for "Noël"
check "the child's page shows the placement history" shows "Placement history"
t send-keys -t e2e Escape
t resize-window -t e2e -x 70 -y 20
check "a small terminal says so" wait_for "terminal too small (need 80×24)"
t resize-window -t e2e -x 132 -y 43
check "resize back re-lays out the screen" wait_for "5 Providers"
t send-keys -t e2e q
check "q quits" wait_for "DONE"
check "q leaves the terminal as it found it (stty -g)" same_stty

start
wait_for "open vacancies" >/dev/null
pkill -TERM -f "$bin --store $store"
check "SIGTERM ends the program" wait_for "DONE"
check "SIGTERM restores the terminal (stty -g)" same_stty

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

# Shared by every end-to-end story (sourced by scripts/e2e-tmux.sh): the demo store, tmux, and checks.
# Each story is a file in scripts/e2e/ run in name order in one shell; it starts the program with
# `start` and may restore the pristine store with `fresh_store` first.
work=$(mktemp -d)
# A tmux server of this run's own, so runs side by side never read each other's screens.
socket="pf-e2e-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
export LANG=C.UTF-8 PLACEFINDER_NOW=2026-11-25T09:00:00Z SWIFT_BACKTRACE=interactive=no
store="$work/demo.sqlite"
"$bin" demo --no-tui --store "$store" >/dev/null 2>&1 || { echo "demo store could not be built"; exit 1; }

passed=0 failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else
    failed=$((failed + 1)); echo "FAIL $name"; screen 2>/dev/null | sed 's/^/     | /'
  fi
}
t() { tmux -L "$socket" "$@"; }
screen() { t capture-pane -p -t e2e 2>/dev/null; }
# Waits up to 5 s for text to appear on the screen.
wait_for() { for _ in $(seq 50); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done; screen > "$work/last-screen.txt"; return 1; }
shows() { screen | grep -qF -- "$1"; }
# From the dashboard, the Children tab's search opens a child's page (wait for "Placement history" after).
open_child() {
  t send-keys -t e2e 2; wait_for "Children" >/dev/null
  t send-keys -t e2e /; t send-keys -t e2e -l "$1"; t send-keys -t e2e Enter Enter
}

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
  for _ in $(seq 50); do t has-session 2>/dev/null || break; sleep 0.1; done
  t -u new-session -d -s e2e -x 100 -y 30 "bash $work/run.sh" || { sleep 0.5; t -u new-session -d -s e2e -x 100 -y 30 "bash $work/run.sh"; }
}
same_stty() { [ -s "$work/stty-after" ] && cmp -s "$work/stty-before" "$work/stty-after"; }

cp "$store" "$work/pristine.sqlite"
# Puts the demo store back as built, for a story that must not see an earlier story's writes.
fresh_store() { t kill-server 2>/dev/null; cp "$work/pristine.sqlite" "$store"; rm -f "$store-wal" "$store-shm"; }

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
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else
    failed=$((failed + 1)); echo "FAIL $name"; screen 2>/dev/null | sed 's/^/     | /'
  fi
}
t() { tmux -L pf-e2e "$@"; }
screen() { t capture-pane -p -t e2e 2>/dev/null; }
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
  for _ in $(seq 50); do t has-session 2>/dev/null || break; sleep 0.1; done
  t -u new-session -d -s e2e -x 100 -y 30 "bash $work/run.sh" || { sleep 0.5; t -u new-session -d -s e2e -x 100 -y 30 "bash $work/run.sh"; }
}
same_stty() { [ -s "$work/stty-after" ] && cmp -s "$work/stty-before" "$work/stty-after"; }

start
check "the dashboard opens" wait_for "Urgent children"
t send-keys -t e2e 3
check "tab 3 lists vacancies" wait_for "sort: available from"
t send-keys -t e2e /
t send-keys -t e2e -l "ty celyn"
check "search folds accents and Welsh names render (ŷ)" wait_for "Tŷ"
cursor() { t display -p -t e2e '#{cursor_flag} #{cursor_x},#{cursor_y}'; }
# "Tŷ" may show before the whole query is typed: wait for the cursor to reach its end.
cursor_at() { for _ in $(seq 50); do [ "$(cursor)" = "$1" ] && return 0; sleep 0.1; done; return 1; }
check "the real cursor shows after the query in the search field" cursor_at "1 16,2"
t send-keys -t e2e Escape
hidden_cursor() { for _ in $(seq 50); do [ "$(cursor | cut -d' ' -f1)" = 0 ] && return 0; sleep 0.1; done; return 1; }
check "the cursor hides when the field loses focus" hidden_cursor
# Something else writes over the screen (a wall message, a stray background job): Ctrl-L repaints.
printf '\033[5;1HSCRIBBLED-OVER' > "$(t display -p -t e2e '#{pane_tty}')"
check "a stray write shows until repainted" wait_for "SCRIBBLED-OVER"
t send-keys -t e2e C-l
gone() { for _ in $(seq 50); do shows "SCRIBBLED-OVER" || return 0; sleep 0.1; done; return 1; }
check "Ctrl-L repaints the whole screen" gone
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

# Ctrl-C, a dropped SSH session (SIGHUP) and a failure while loading data all give the terminal back.
start
wait_for "Urgent children" >/dev/null
t send-keys -t e2e C-c
check "Ctrl-C quits" wait_for "DONE"
check "Ctrl-C restores the terminal (stty -g)" same_stty
start
wait_for "Urgent children" >/dev/null
pkill -HUP -f "$bin --store $store"
check "SIGHUP ends the program" wait_for "DONE"
check "SIGHUP restores the terminal (stty -g)" same_stty
cp "$store" "$work/keep.sqlite"
start
wait_for "Urgent children" >/dev/null
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("ALTER TABLE placements RENAME TO gone"); c.commit()' "$store"
check "a failed load is reported on screen" wait_for "Could not load the store"
t send-keys -t e2e q
check "after a failed load q still quits cleanly" wait_for "DONE"
check "after a failed load the terminal is restored (stty -g)" same_stty
cp "$work/keep.sqlite" "$store"; rm -f "$store-wal" "$store-shm"

# The phone call (issue 5): a provider ends a placement today; the officer logs it, matches, rings
# round, holds, places, and the child's history shows the breakdown.
# Choose a placed child with several options once the provider's notice is in: try the notice on a
# scratch copy of the store first, through the CLI.
pick_child() {
  "$bin" export children --format json --store "$store" | python3 -c '
import json, subprocess, sys
bin, store, scratch = sys.argv[1:4]
run = lambda *a: subprocess.run([bin, *a], capture_output=True, text=True)
exported = lambda kind: json.loads(run("export", kind, "--format", "json", "--store", store).stdout)
placements, providers = exported("placements"), {p["id"]: p for p in exported("providers")}
for c in json.load(sys.stdin):
    if c["status"] != "placed" or "siblingGroup" in c:
        continue
    open_ = [p for p in placements if p["childID"] == c["id"] and "actualEnd" not in p]
    run("backup", scratch, "--overwrite", "--store", store)
    run("notice", "add", "--provider", open_[0]["providerID"], "--kind", "placement_ending", "--child", c["id"],
        "--effective", "today 17:00", "--reason", "CREQB", "--store", scratch)
    ranked = json.loads(run("match", c["id"], "--json", "--store", scratch).stdout or "{}").get("result", {}).get("rankedCount", 0)
    if ranked >= 3:
        print(c["id"], providers[open_[0]["providerID"]]["name"]); break
' "$bin" "$store" "$work/scratch.sqlite"
}
read -r child provider < <(pick_child)
start
wait_for "open vacancies" >/dev/null
t send-keys -t e2e 4 a
t send-keys -t e2e -l "$provider"
t send-keys -t e2e Tab Tab
t send-keys -t e2e -l "$child"
t send-keys -t e2e Tab
t send-keys -t e2e -l "today 17:00"
t send-keys -t e2e Tab Right
check "the notice form computes same-day notice" wait_for "same-day (8 h)"
t send-keys -t e2e Enter
check "the same-day ending is logged" wait_for "Notices from providers"
check "the log shows it as same-day" wait_for "same-day (8 h)"
t send-keys -t e2e 1
urgent_top() { screen | grep -m1 -oE '│C[0-9]{4}' | tr -d '│'; }
check "the child tops the urgent queue" wait_for "Urgent children"
check "the child tops the urgent queue ($child)" [ "$(urgent_top)" = "$child" ]
t send-keys -t e2e m
check "m opens the ranked matches with reasons" wait_for "#1 V"
t send-keys -t e2e c Right
t send-keys -t e2e -l "no staff for these needs"
t send-keys -t e2e Enter
check "a decline is recorded" wait_for "recorded"
t send-keys -t e2e x
check "the decline moves to the excluded list" wait_for "declined"
t send-keys -t e2e x h
check "h asks before holding" wait_for "Hold this vacancy?"
t send-keys -t e2e Enter
check "the bed is held" wait_for "held for $child"
t send-keys -t e2e p
wait_for "Enter" >/dev/null
t send-keys -t e2e Enter
check "the child is placed" wait_for "$child placed"
t send-keys -t e2e Escape 2 /
t send-keys -t e2e -l "$child"
t send-keys -t e2e Enter Enter
check "the child's history shows the new placement" wait_for "current placement"
check "the child's history shows the breakdown" shows "breakdown"
check "the child's history shows the same-day notice" shows "same-day"
# A colleague in another process logs a notice: it shows here within seconds, with no key pressed.
t send-keys -t e2e Escape 4
wait_for "Notices from providers" >/dev/null
count() { screen | grep -oE '[0-9]+ notices' | head -1 | grep -oE '[0-9]+'; }
before=$(count)
PLACEFINDER_OFFICER=alun.owen "$bin" notice add --provider P0001 --kind vacancy_changed --vacancy V00117 --fee 5100 \
  --store "$store" >/dev/null 2>&1
check "a colleague's notice appears without a restart" wait_for "$((before + 1)) notices"
t send-keys -t e2e q
wait_for "DONE" >/dev/null

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

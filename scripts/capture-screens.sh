#!/usr/bin/env bash
# Captures the dashboard's screens from the real binary in tmux, for docs/user-guide.md.
# Usage: scripts/capture-screens.sh [path/to/placefinder] [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/placefinder}")
out=${2:-docs/captures}
mkdir -p "$out"
work=$(mktemp -d)
trap 'tmux -L pf-cap kill-server 2>/dev/null; rm -rf "$work"' EXIT
export LANG=C.UTF-8 PLACEFINDER_NOW=2026-11-25T09:00:00Z PLACEFINDER_OFFICER=ceri.jones SWIFT_BACKTRACE=interactive=no
"$bin" demo --no-tui --store "$work/demo.sqlite" >/dev/null 2>&1
t() { tmux -L pf-cap "$@"; }
t -u new-session -d -s cap -x 100 -y 30 "$bin --store $work/demo.sqlite; sleep 30"
sleep 1.5
snap() { sleep 0.4; t capture-pane -p -t cap | sed 's/[[:space:]]*$//' > "$out/$1.txt"; }
keys() { t send-keys -t cap "$@"; }
snap dashboard
keys 3; snap vacancies
keys /; keys -l "fostering"; snap vacancies-search
keys Escape f; snap vacancies-filter
keys Escape s s; snap vacancies-sorted
keys Enter; snap vacancy-detail
keys Escape 2; snap children
keys /; keys -l "C0124"; keys Enter Enter; snap child-page
keys Escape ?; snap help
keys Escape m; sleep 1; snap matches
keys x; snap matches-excluded
keys x Escape 4; snap notices
keys a; keys -l "Meadow View"; keys Tab Tab; keys -l "C0018"; keys Tab; keys -l "today 08:00"; snap notice-form
keys Escape y 5; snap providers
keys Enter; snap provider-page
keys Escape q
sleep 0.5
# The same dashboard in Welsh (docs/user-guide.cy.md).
t kill-server 2>/dev/null || true
t() { tmux -L pf-cap-cy "$@"; }   # a new server: one still shutting down can refuse the session
trap 'tmux -L pf-cap kill-server 2>/dev/null; tmux -L pf-cap-cy kill-server 2>/dev/null; rm -rf "$work"' EXIT
t -u new-session -d -s cap -x 100 -y 30 "$bin --store $work/demo.sqlite --lang cy; sleep 30"
sleep 1.5
snap cy-dashboard
keys 3; snap cy-vacancies
keys 2; keys /; keys -l "C0124"; keys Enter Escape; keys m; sleep 1; snap cy-matches
keys Escape 4 a; snap cy-notice-form
keys Escape y F2; snap en-after-switch
keys q

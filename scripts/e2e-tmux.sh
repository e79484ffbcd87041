#!/usr/bin/env bash
# End-to-end test of the real binary in tmux, typing as a user would (run by .ci/run).
# Usage: scripts/e2e-tmux.sh [path/to/placefinder] [story-name-filter]
# The stories are scripts/e2e/[0-9]*.sh, run in name order in this one shell (see scripts/e2e/lib.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/placefinder}")
only=${2:-}
source scripts/e2e/lib.sh
for story in scripts/e2e/[0-9]*.sh; do
  [[ -z "$only" || "$story" == *"$only"* ]] || continue
  echo "== $(basename "$story" .sh)"
  source "$story"
done
t kill-server 2>/dev/null

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Checked by someone else's rules: exports the demo store's SSDA903 return for the current collection year
# and runs the DfE's validation rules on it (csc-validator-be-903 from PyPI, package lac_validator, in a
# virtual environment at .build-903/). Fails when any rule fires that is not listed, with the reason
# Placefinder cannot meet it, in scripts/ssda903-unheld-rules.txt (docs/data-format.md, "SSDA903").
# usage: scripts/check-ssda903.sh BIN   (a debug build: PLACEFINDER_NOW pins the clock)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
VENV=.build-903
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import lac_validator' 2>/dev/null; then
  python3 -m venv "$VENV"
  # numpy<1.25 and pandas<2 are the package's own pins; it imports pytest when it starts.
  "$VENV/bin/pip" install -q 'csc-validator-be-903' 'numpy<1.25' 'pandas<2' pytest
fi
RULESET=$("$VENV/bin/python" - <<'PY'
import pkgutil, lac_validator.rules as r
print(sorted(m.name for m in pkgutil.iter_modules(r.__path__) if m.name.startswith("lac"))[-1])
PY
)
WORK=$(mktemp -d)
chmod 700 "$WORK"
trap 'rm -rf "$WORK"' EXIT
export PLACEFINDER_NOW=${PLACEFINDER_NOW:-2026-11-25T09:00:00Z}
"$BIN" demo --no-tui --store "$WORK/demo.sqlite" >/dev/null 2>&1
mkdir -m 700 "$WORK/return"
WROTE=$("$BIN" export ssda903 "$WORK/return" --store "$WORK/demo.sqlite")
echo "$WROTE"
# The validator counts a collection year by the year it ends: 2026-27 is "2027".
START=$(sed -n 's/.*for \([0-9]\{4\}\)-.*/\1/p' <<<"$WROTE")
"$VENV/bin/python" scripts/ssda903_validate.py "$WORK/return" "$RULESET" "$((START + 1))" W06000015 >"$WORK/fired.tsv"
echo "ruleset $RULESET, collection year $START-$(( (START + 1) % 100 )):"
status=0
while IFS=$'\t' read -r code rows message; do
  if [ -z "$rows" ]; then
    continue   # the validator prints stray lines of its own
  elif [ "$code" = postcodes ]; then
    echo "  note: $rows $message"
  elif [ "$rows" = crashed ]; then
    echo "  rule $code could not run on any data (a fault in the validator): $message"
  elif grep -q "^$code	" scripts/ssda903-unheld-rules.txt; then
    echo "  rule $code ($rows rows): needs what Placefinder does not hold: $(grep "^$code	" scripts/ssda903-unheld-rules.txt | cut -f2)"
  else
    echo "  FAILED rule $code ($rows rows): $message"
    status=1
  fi
done <"$WORK/fired.tsv"
[ $status = 0 ] && echo "ssda903: every rule about fields Placefinder holds passes"
exit $status

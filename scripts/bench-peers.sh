#!/usr/bin/env bash
# The matching engine beside its peers, in one run (docs/performance.md, "Matching engine"):
#  (a) numpy (scripts/peers/score_numpy.py) and (b) a plain C loop (scripts/peers/floor.c, cc -O2), both on
#      the SAME arrays the engine scores (`placefinder bench --peers` writes them); each must return the
#      engine's top 50 ids in the same order for every child, or this script fails;
#  (c) `placefinder match CHILD` as a whole process vs `sqlite3 STORE < scripts/peers/match.sql`.
# Usage: scripts/bench-peers.sh [RUNS] [CHILDREN]     (work files in .build-peers/, ignored by git)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100}
children=${2:-20}
work=.build-peers
mkdir -p "$work" && chmod 700 "$work"   # the demo store warns when others could read it
export PLACEFINDER_NOW=2026-11-25T09:00:00Z

swift build -c release --product placefinder >&2
bin=.build/release/placefinder

if ! "$work/venv/bin/python" -c 'import numpy' 2>/dev/null; then
    python3 -m venv "$work/venv" >&2
    "$work/venv/bin/pip" install --quiet numpy >&2
fi
cc -O2 -o "$work/floor" scripts/peers/floor.c -lm

fail() { echo "bench-peers: $*" >&2; exit 1; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2" | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "×%.2f", a / b }'; }

rows=()
for size in 50000 5000; do
    dir="$work/data/$size"
    engine=$("$bin" bench --peers "$work/data" --vacancies "$size" --runs "$runs" --children "$children")
    floor=$("$work/floor" "$dir" "$runs")
    numpy=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$work/venv/bin/python" scripts/peers/score_numpy.py "$dir" "$runs")
    for peer in floor numpy; do
        diff <(tail -n +2 <<<"${!peer}") "$dir/engine-top50.txt" >"$work/$peer-$size.diff" \
            || fail "$peer disagrees with the engine's top 50 at $size vacancies (see $work/$peer-$size.diff)"
    done
    e=$(field rank_ms "$engine"); x=$(field explained_ms "$engine")
    f=$(field median_ms "$floor"); n=$(field median_ms "$numpy")
    rows+=("$(printf '| %6d | %8.3f ms | %8.3f ms | %8.3f ms | %6s | %8.3f ms | %6s |' \
        "$size" "$e" "$x" "$n" "$(ratio "$e" "$n")" "$f" "$(ratio "$e" "$f")")")
done

echo "Median per ranking over $children children × $runs runs; peers agree with the engine's top 50 for every child."
echo "| vacancies | engine | engine + top-50 explanations | numpy | engine/numpy | C -O2 floor | engine/C |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"

# (c) Whole process on a 50,000-vacancy store: open, read, index, rank, print.
store="$work/big.sqlite"
[ -f "$store" ] || "$bin" demo --vacancies 50000 --children 2000 --providers 2000 --no-tui --store "$store" >/dev/null
best() { # fastest of five, in ms
    local best=""
    for _ in 1 2 3 4 5; do
        local s; s=$(date +%s%N)
        "$@" >/dev/null || fail "failed: $*"
        local t=$(( ($(date +%s%N) - s) / 1000000 ))
        [ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
    done
    echo "$best"
}
whole=$(best "$bin" match C0003 --store "$store")
echo "placefinder match C0003 (whole process, 50,000 vacancies): $whole ms (fastest of 5)"
if [ -f scripts/peers/match.sql ]; then
    sql=$(best sh -c "sqlite3 '$store' < scripts/peers/match.sql")
    echo "sqlite3 STORE < scripts/peers/match.sql: $sql ms (fastest of 5), $(ratio "$whole" "$sql")"
else
    echo "SQL peer: not present"
fi

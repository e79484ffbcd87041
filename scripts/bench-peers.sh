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

swift build -c release --static-swift-stdlib --product placefinder >&2
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

# (c) Whole process on a 50,000-vacancy store: open, read, index, rank, print — beside one SQL query in
# sqlite3 computing the same score over the same store (checked first to return the same top 50).
store="$work/big.sqlite"
# Made again when the binary is newer: a store from an older schema lacks columns the SQL peer reads.
[ -f "$store" ] && [ "$store" -nt "$bin" ] || { rm -f "$store"*; "$bin" demo --vacancies 50000 --children 20000 --providers 2000 --no-tui --store "$store" >/dev/null; }
child=$(sqlite3 "$store" "SELECT id FROM children WHERE status <> 'placed' AND sibling_group_id IS NULL ORDER BY id LIMIT 1")
PLACEFINDER="$bin" scripts/peers/check-match.sh "$store" "$child" >&2 || fail "the SQL peer disagrees with the engine for $child"
{ echo ".parameter set @child '$child'"; cat scripts/peers/match.sql; } > "$work/match-child.sql"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# Alternating runs, so both see the same cache and load; wall time in ms.
: > "$work/whole.ms"; : > "$work/sql.ms"
for _ in $(seq 15); do
    s=$(date +%s%N); "$bin" match "$child" --top 50 --store "$store" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )) >> "$work/whole.ms"
    s=$(date +%s%N); sqlite3 "$store" ".read $work/match-child.sql" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )) >> "$work/sql.ms"
done
whole=$(median < "$work/whole.ms"); sql=$(median < "$work/sql.ms")
echo "placefinder match $child --top 50 (whole process, 50,000 vacancies): $whole ms; sqlite3 with scripts/peers/match.sql: $sql ms; ratio $(ratio "$whole" "$sql") (medians of 15 alternating runs)"

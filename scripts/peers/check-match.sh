#!/bin/sh
# Checks that scripts/peers/match.sql ranks as the engine does: the same top 50 vacancy ids, in the same order,
# with the same scores (to 0.1), for each child given. Needs sqlite3 and python3; uses a release build.
#   scripts/peers/check-match.sh STORE C0075 [C0003 ...]
set -eu
store=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
bin=${PLACEFINDER:-$here/../../.build/release/placefinder}
status=0
for child in "$@"; do
    now=$(date +%s)
    { echo ".parameter set @child '$child'"; echo ".parameter set @now $now"; cat "$here/match.sql"; } | sqlite3 "$store" > /tmp/peer.$$
    "$bin" match "$child" --top 50 --json --store "$store" 2>/dev/null > /tmp/engine.$$
    # The engine's JSON rounds scores to two places: compare ids in order exactly, scores to 0.1.
    if python3 - /tmp/peer.$$ /tmp/engine.$$ "$child" <<'PY'
import json, sys
peer = [line.split("|") for line in open(sys.argv[1]).read().split()]
engine = [(r["vacancyId"], r["score"]) for r in json.load(open(sys.argv[2]))["result"]["ranked"]]
child = sys.argv[3]
ids_agree = [p[0] for p in peer] == [e[0] for e in engine]
scores_agree = ids_agree and all(abs(float(p[1]) - e[1]) <= 0.1 for p, e in zip(peer, engine))
if ids_agree and scores_agree:
    print("%s: the SQL peer and the engine agree on the top %d" % (child, len(engine)))
    sys.exit(0)
print("%s: the SQL peer and the engine differ" % child)
for i, (p, e) in enumerate(zip(peer, engine)):
    if p[0] != e[0] or abs(float(p[1]) - e[1]) > 0.1: print("  #%d peer %s %s, engine %s %.2f" % (i + 1, p[0], p[1], e[0], e[1]))
sys.exit(1)
PY
    then :; else status=1; fi
    rm -f /tmp/peer.$$ /tmp/engine.$$
done
exit $status

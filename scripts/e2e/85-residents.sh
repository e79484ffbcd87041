# Fit with the children already living there (issue 15 §2): the officer sees which homes would put the child
# with children they should not live with. On the demo store, a waiting child's matches exclude a home for a
# check against its current residents (exploitation risk, a known associate, or a gender mix the home is not
# registered for), and the excluded list (x) says so, naming no child who lives there.
fresh_store
"$bin" export children --format json --store "$store" > "$work/children.json"
# The first waiting child with a home excluded by a check against its residents, the nearest such home to the
# top of the screen's excluded list (declined first, then fewest reasons, then id), and its place there.
python3 - "$bin" "$store" "$work/children.json" > "$work/residents-pick" <<'PY'
import json, subprocess, sys
bin_, store, path = sys.argv[1:4]
residents = ("exploitation risk between this child", "a known associate this child", "gender mix the home is not registered for")
for child in sorted(json.load(open(path)), key=lambda c: c["id"]):
    if child["status"] != "needs_placement" or child.get("siblingGroup"):
        continue
    out = subprocess.run([bin_, "match", child["id"], "--json", "--include-excluded", "--store", store], capture_output=True, text=True)
    if out.returncode != 0:
        continue
    excluded = json.loads(out.stdout)["result"]["excluded"]
    order = sorted(excluded, key=lambda e: ("provider declined this child" not in e["reasons"],
                                            len([r for r in e["reasons"] if r != "provider declined this child"]), e["vacancyId"]))
    for k, e in enumerate(order):
        if any(r.startswith(residents) for r in e["reasons"]):
            print(child["id"], e["vacancyId"], k)
            sys.exit(0)
sys.exit(1)
PY
check "residents: the demo has a waiting child kept from a home by who lives there" test -s "$work/residents-pick"
read -r child vacancy position < "$work/residents-pick"
# The text table wraps an excluded home's reasons over lines: read its entry whole, up to the next one.
entry() {
  "$bin" match "$child" --include-excluded --store "$store" | python3 -c '
import re, sys
text = " ".join(sys.stdin.read().split())
m = re.search(r"excluded %s \(.*?(?= excluded V|$)" % re.escape(sys.argv[1]), text)
sys.exit(0 if m and re.search(r"living there|known associate|gender mix", m.group(0)) else 1)' "$vacancy"
}
check "residents: match names the check for that home" entry
start
wait_for "open vacancies" >/dev/null
open_child "$child"
check "residents: the child's page shows who they can live with" wait_for "Living with"
t send-keys -t e2e m
check "residents: the matches open" wait_for "Matches for $child"
t send-keys -t e2e x
check "residents: the excluded list opens" wait_for "Excluded vacancies and why"
for _ in $(seq "$position"); do t send-keys -t e2e Down; done
check "residents: the home is listed as excluded" wait_for "$vacancy"
check "residents: with the reason about the children living there" \
  bash -c "tmux -L '$socket' capture-pane -p -t e2e | tr -s ' \n' ' ' | grep -qE 'living there|known associate|gender mix the home'"
t send-keys -t e2e x Escape Escape q
check "residents: quits cleanly" wait_for DONE

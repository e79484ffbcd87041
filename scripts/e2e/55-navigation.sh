# Getting around (issue 10): from a notice one key opens the child's matches; Enter on a ranked row
# opens the vacancy with its provider's phone and registration, and Esc comes back to the same row;
# the child's page opens from the notice; the dashboard's grid opens the vacancies behind a cell.
fresh_store
# A provider rings to end a placed child's placement (a child with several options once it is in,
# tried on a scratch copy): the newest notice, at the top of the log.
read -r child provider < <("$bin" export placements --format json --store "$store" | python3 -c '
import json, subprocess, sys
bin, store, scratch = sys.argv[1:4]
run = lambda *a: subprocess.run([bin, *a], capture_output=True, text=True)
for p in json.load(sys.stdin):
    if "actualEnd" in p:
        continue
    run("backup", scratch, "--overwrite", "--store", store)
    run("notice", "add", "--provider", p["providerID"], "--kind", "placement_ending", "--child", p["childID"],
        "--effective", "today 17:00", "--reason", "CREQB", "--store", scratch)
    ranked = json.loads(run("match", p["childID"], "--json", "--store", scratch).stdout or "{}").get("result", {}).get("rankedCount", 0)
    if ranked >= 3:
        print(p["childID"], p["providerID"]); break
' "$bin" "$store" "$work/scratch.sqlite")
"$bin" notice add --provider "$provider" --kind placement_ending --child "$child" --effective "today 17:00" \
  --reason CREQB --store "$store" >/dev/null 2>&1
start
wait_for "open vacancies" >/dev/null

# The dashboard's grid: Tab reaches it, Enter opens its vacancies as filters the officer can see.
t send-keys -t e2e Tab Tab
check "Tab reaches the vacancies-by-locality grid" wait_for "↑↓←→ cell"
t send-keys -t e2e Enter
check "Enter on a grid cell opens the Vacancies tab, its filters on show" wait_for "Filters: "
check "the filter keeps to open vacancies, as the grid counts" shows "open only"
t send-keys -t e2e f
wait_for "Locality" >/dev/null
t send-keys -t e2e r
sleep 0.3
t send-keys -t e2e Escape
check "the filter panel clears them" wait_for "no filters (f to filter)"

# From the notice, m ranks for its child.
t send-keys -t e2e 4
wait_for "Notices from providers" >/dev/null
t send-keys -t e2e m
check "m on a notice opens its child's matches" wait_for "Matches for $child"
check "the ranking is in" wait_for "#1 V"
t send-keys -t e2e Down
wait_for "#2 V" >/dev/null
t send-keys -t e2e Enter
check "Enter on a ranked row opens the vacancy" wait_for "Ranked #2 for $child"
check "the vacancy page shows the provider's phone" shows "Phone"
check "the vacancy page shows the registration" shows "registration"
check "the vacancy page shows the stability the ranking scored" shows "as the ranking scored it"
t send-keys -t e2e Escape
check "Esc returns to the ranking on the same row" wait_for "#2 V"
sleep 0.3
t send-keys -t e2e Escape
check "Esc from the matches returns to the notices" wait_for "Notices from providers"
t send-keys -t e2e o
check "o opens the notice's child page, once the view is recorded" wait_for "Child $child"
t send-keys -t e2e Escape
sleep 0.3
t send-keys -t e2e q
wait_for "DONE" >/dev/null

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

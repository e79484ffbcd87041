# Calls, call-backs and corrections (issue 10): a call with a note and a call-back on a non-decline
# outcome, the call-back due on the dashboard, a decline of one vacancy leaving the provider's other
# vacancy in the ranking, and a notice withdrawn and shown withdrawn in the child's history.
fresh_store
# A waiting child whose ranking holds two vacancies of one provider: child, rank of the first, the first
# vacancy and the other, and the rank of a vacancy of another provider (for the call-back).
read -r child rank first other elsewhere < <("$bin" export children --format json --store "$store" | python3 -c '
import json, subprocess, sys
bin, store = sys.argv[1:3]
for c in json.load(sys.stdin):
    if c["status"] != "needs_placement" or "siblingGroup" in c:
        continue
    out = subprocess.run([bin, "match", c["id"], "--json", "--store", store], capture_output=True, text=True).stdout
    ranked = json.loads(out or "{}").get("result", {}).get("ranked", [])[:12]
    for r in ranked:
        mates = [s for s in ranked if s["providerId"] == r["providerId"] and s["vacancyId"] != r["vacancyId"]]
        if mates:
            other = next(s["rank"] for s in ranked if s["providerId"] != r["providerId"])
            print(c["id"], r["rank"], r["vacancyId"], mates[0]["vacancyId"], other); sys.exit()
' "$bin" "$store")
start
wait_for "open vacancies" >/dev/null
t send-keys -t e2e 2 /
t send-keys -t e2e -l "$child"
t send-keys -t e2e Enter m
check "m ranks the child's matches" wait_for "#1 V"
# Another provider says they are considering: a note and a call-back at 15:00 today.
for _ in $(seq 2 "$elsewhere"); do t send-keys -t e2e Down; done
t send-keys -t e2e c Right Right
t send-keys -t e2e -l "manager asks the panel"
t send-keys -t e2e Tab Tab
t send-keys -t e2e -l "today 15:00"
check "the call form shows the note and the call-back" wait_for "today 15:00"
t send-keys -t e2e Enter
check "the call with a note is recorded" wait_for "recorded"
check "the ranking comes back after the call" wait_for "considering 09"
ranked() { screen | grep -oE '[0-9]+ ranked' | head -1 | grep -oE '[0-9]+'; }
before=$(ranked)
# Decline only the first of the provider's two vacancies (the form's default scope is this vacancy).
t send-keys -t e2e Home
for _ in $(seq 2 "$rank"); do t send-keys -t e2e Down; done
t send-keys -t e2e c Right
t send-keys -t e2e -l "room too small"
check "the decline offers this vacancy or the provider's every vacancy" wait_for "[this vacancy]"
t send-keys -t e2e Enter
check "the vacancy-scoped decline is recorded" wait_for "$((before - 1)) ranked"
check "the decline takes out that vacancy only" [ "$(ranked)" = "$((before - 1))" ]
check "the provider's other vacancy stays in the ranking" wait_for "declined 09:00"
check "the other vacancy is still ranked ($other)" bash -c "'$bin' match '$child' --json --store '$store' | grep -q '\"$other\"'"
t send-keys -t e2e x
check "the declined vacancy is excluded as declined" wait_for "$first"
t send-keys -t e2e Escape Escape 1
check "the call-back shows on the dashboard" wait_for "Call-backs due (1): 15:00"
# A notice logged against the wrong child: withdrawn from the notices tab, shown withdrawn on the page.
read -r placed holder < <("$bin" export placements --format json --store "$store" | python3 -c '
import json, sys
for p in json.load(sys.stdin):
    if "actualEnd" not in p:
        print(p["childID"], p["providerID"]); break')
notice=$("$bin" notice add --provider "$holder" --kind placement_ending --child "$placed" --effective "today 17:00" \
  --reason CREQB --received "today 09:30" --store "$store" 2>&1 | grep -oE 'N[0-9]+' | head -1)
t send-keys -t e2e 4
check "the new notice tops the log" wait_for "$notice "  # the list shows ids; waits for the reload
t send-keys -t e2e Home Enter
check "the notice opens" wait_for "Notice $notice"
t send-keys -t e2e w
check "w asks why the notice is withdrawn" wait_for "Withdraw notice $notice"
t send-keys -t e2e -l "logged against the wrong child"
t send-keys -t e2e Enter
check "the notice is withdrawn" wait_for "withdrawn"
t send-keys -t e2e Escape 2 /
t send-keys -t e2e -l "$placed"
t send-keys -t e2e Enter Enter End
check "the child's history shows the notice as withdrawn" wait_for "logged against the wrong child"
check "the child is placed again, off the urgent list" shows "placed"
t send-keys -t e2e q
wait_for "DONE" >/dev/null

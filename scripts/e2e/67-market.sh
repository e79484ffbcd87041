# The placement market (issue 13): tab 6 on the demo store shows every panel for the officer's authority,
# its region and Wales; a child placed through the form with an agreed weekly cost and a purpose shows in the
# spend panel at once, with the figures `placefinder report spend --format json` prints.
fresh_store
# The Wales spend total as the tab prints it (ReportNumber.text: tenths, thousands grouped).
spend_total() {
  "$bin" report spend --area wales --period 12m --format json --store "$store" | python3 -c '
import json, sys
rows = json.load(sys.stdin)["panels"][0]["tables"][4]["rows"]
v = round(rows[0]["values"][0] * 10) / 10
print("{:,}".format(int(v)) if v == int(v) else "{:,.1f}".format(v))'
}
shows_total() { for _ in $(seq 50); do screen | grep -qE "^ +total +$1( |\$)" && return 0; sleep 0.1; done; return 1; }
# A waiting child whose best bed needs no approval but perhaps the panel's (out of county).
pick_child() {
  "$bin" export children --format json --store "$store" | python3 -c '
import json, subprocess, sys
bin, store = sys.argv[1:3]
for c in json.load(sys.stdin):
    if c["status"] != "needs_placement" or "siblingGroup" in c: continue
    out = subprocess.run([bin, "match", c["id"], "--json", "--top", "1", "--store", store], capture_output=True, text=True).stdout
    ranked = json.loads(out or "{}").get("result", {}).get("ranked", [])
    if ranked and not {"key_stage_4_school_move", "for_profit", "separates_siblings"} & set(ranked[0]["flags"]):
        print(c["id"], ranked[0]["vacancyId"]); break
' "$bin" "$store"
}
read -r child vacancy < <(pick_child)
before=$(spend_total)
start
wait_for "open vacancies" >/dev/null
t send-keys -t e2e 6
check "market: tab 6 opens on the officer's authority" wait_for "Cardiff │ last 12 months"
check "market: residential nights beside Table 4.2 and 4.1" wait_for "Table 4.1, Cardiff"
t send-keys -t e2e a
check "market: a shows the region" wait_for "Cardiff and Vale (regional partnership board) │"
check "market: the region's panels arrive" wait_for "1. Residential nights by sector"
t send-keys -t e2e PageDown PageDown
check "market: the region's stability beside para 3.19" wait_for "para 3.19"
t send-keys -t e2e a
check "market: a again shows Wales" wait_for "Wales │ last 12 months"
check "market: Wales beside Table 4.3" wait_for "Table 4.3, Wales"
t send-keys -t e2e End
check "market: Wales spend is priced from the demo's agreed costs (£$before)" shows_total "$before"
# Place the child through the form: £5,250 a week, for assessment, spot-purchased.
t send-keys -t e2e 2
wait_for "most urgent first" >/dev/null
t send-keys -t e2e /
t send-keys -t e2e -l "$child"
t send-keys -t e2e Enter Enter
check "market: the child's page opens ($child)" wait_for "Placement history"
t send-keys -t e2e m
check "market: m ranks $vacancy first" wait_for "#1 $vacancy"
t send-keys -t e2e p
check "market: the place form shows what placing will do" wait_for "This will:"
check "market: and proposes the provider's fee as the weekly cost" wait_for "the provider asks"
t send-keys -t e2e -l "Panel 25 Nov"           # the panel's approval, if the bed is out of county
t send-keys -t e2e Tab BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
t send-keys -t e2e -l "5250"
t send-keys -t e2e Tab Right Right Tab Right Right
check "market: the purpose is assessment" wait_for "‹ assessment ›"
check "market: bought as a spot purchase" wait_for "‹ spot purchase ›"
t send-keys -t e2e Enter
check "market: the child is placed" wait_for "g opens their page"
after=$(spend_total)
check "market: the CLI's spend changed ($before → $after)" test "$before" != "$after"
placed_terms() {
  "$bin" export placements --format json --store "$store" | python3 -c '
import json, sys
p = [p for p in json.load(sys.stdin) if p["childID"] == sys.argv[1] and "actualEnd" not in p][-1]
sys.exit(0 if p["cost"]["weekly"] == 5250 and p["purpose"] == "assessment" and p["purchase"] == "spot" else 1)' "$child"
}
check "market: the store has the agreed cost, purpose and purchase" placed_terms
t send-keys -t e2e Escape Escape 6
wait_for "Wales │ last 12 months" >/dev/null
t send-keys -t e2e r End
check "market: the tab's spend panel shows the new total (£$after)" shows_total "$after"
t send-keys -t e2e q
check "market: quits cleanly" wait_for DONE

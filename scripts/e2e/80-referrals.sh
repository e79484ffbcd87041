# Referrals (issue 15 §1): from the Matches screen an officer marks three providers and sends one referral
# pack in under 10 keys (counted here), sees what the pack lacks before it goes, logs an offer in one form,
# sees it beside the engine's choice, a decline and a list by command, the dashboard's panel, then places;
# every step is in the audit trail and the pack's files are the officer's alone.
fresh_store
export PLACEFINDER_REFERRALS="$work/referrals"
# A waiting child (no sibling group) whose first three options are three providers and whose first needs at
# most the panel's approval of an out-of-county bed (the scarce demo has few in-county first choices).
pick_child() {
  "$bin" export children --format json --store "$store" | python3 -c '
import json, subprocess, sys
bin, store = sys.argv[1:3]
for c in json.load(sys.stdin):
    if c["status"] != "needs_placement" or "siblingGroup" in c: continue
    out = subprocess.run([bin, "match", c["id"], "--json", "--store", store], capture_output=True, text=True).stdout
    ranked = json.loads(out or "{}").get("result", {}).get("ranked", [])
    if len(ranked) < 3 or len({r["providerId"] for r in ranked[:3]}) < 3: continue
    if {"key_stage_4_school_move", "for_profit", "separates_siblings"} & set(ranked[0]["flags"]): continue
    print(c["id"], ranked[0]["vacancyId"], ranked[1]["vacancyId"], ranked[2]["vacancyId"]); break
' "$bin" "$store"
}
read -r child first second third < <(pick_child)
check "referrals: a child with three providers to refer to ($child)" test -n "$third"
keys=0
press() { for k in "$@"; do t send-keys -t e2e "$k"; keys=$((keys + 1)); done; }
start
wait_for "open vacancies" >/dev/null
open_child "$child"
wait_for "Placement history" >/dev/null
t send-keys -t e2e m
check "referrals: the Matches screen ranks $first first" wait_for "$first"
# From here every key counts.
press Space Space Space
three_marked() { for _ in $(seq 50); do [ "$(screen | grep -c '✓')" -eq 3 ] && return 0; sleep 0.1; done; return 1; }
check "referrals: three providers marked" three_marked
press s
check "referrals: s asks before sending" wait_for "Send this referral?"
check "referrals: the question lists what the pack lacks" shows "Missing (listed on the pack too):"
check "referrals: naming it" shows "no information on risk to others recorded"
check "referrals: and the deadline" shows "Answer by"
press Enter
check "referrals: sent to three providers" wait_for "sent referral"
check "referrals: from the Matches screen in under 10 keys ($keys)" test "$keys" -lt 10
ids=$("$bin" referral list --child "$child" --store "$store" | awk '{print $1}')
check "referrals: three referrals await an answer" test "$(echo "$ids" | wc -l)" -eq 3
pack=$(ls "$work/referrals"/*.md 2>/dev/null | head -1)
check "referrals: the pack is written as Markdown and JSON" test -n "$pack" -a -n "$(ls "$work/referrals"/*.json 2>/dev/null)"
check "referrals: the pack lists what is missing on itself" grep -q "no information on risk to others recorded" "$pack"
check "referrals: the pack's files are 0600" bash -c "[ -z \"\$(find '$work/referrals' -type f ! -perm 600)\" ]"
check "referrals: in a 0700 folder" bash -c "[ \$(stat -c %a '$work/referrals') = 700 ]"
check "referrals: the ring-round shows them as referred" wait_for "referred"
# The first provider offers: o on its row, one form, Enter (the fee and start filled from the vacancy).
t send-keys -t e2e Home o
check "referrals: o opens the answer form" wait_for "Log the provider's answer"
t send-keys -t e2e Enter
check "referrals: the offer is logged" wait_for "offered logged for referral"
check "referrals: offers show beside the engine's choice" wait_for "Offers beside the engine's choice"
check "referrals: the offer ranked #1" shows "#1 $first"
second_id=$(echo "$ids" | sed -n 2p)
check "referrals: a decline by command" bash -c "'$bin' referral respond $second_id --decline 'no bed for an emergency' --store '$store' | grep -q 'declined'"
check "referrals: one referral still awaits an answer" bash -c "[ \$('$bin' referral list --child $child --store '$store' | wc -l) -eq 1 ]"
t send-keys -t e2e Escape Escape Escape 1
check "referrals: the dashboard lists the referral awaiting an answer" wait_for "Referrals awaiting an answer (1)"
t send-keys -t e2e q
wait_for DONE >/dev/null
fee=$("$bin" export contacts --format json --store "$store" | python3 -c '
import json, sys
print(next(c["offer"]["weeklyFee"] for c in json.load(sys.stdin) if c.get("offer")))')
check "referrals: the offered vacancy is placed at the offered fee" bash -c "'$bin' place $child $first --weekly-cost $fee --panel-approval \"Panel 25 Nov, minute 7\" --store '$store' | grep -q 'placed $child in $first'"
audited() { "$bin" audit --child "$child" --store "$store" 2>/dev/null | grep -c "$1"; }
check "referrals: three referrals left, in the audit trail" test "$(audited referral.send)" -eq 3
check "referrals: both answers are audited" test "$(audited referral.respond)" -eq 2
check "referrals: and the placement" test "$(audited placement.start)" -ge 1
unset PLACEFINDER_REFERRALS

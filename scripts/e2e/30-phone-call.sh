# The phone call (issues 5 and 10): a provider ends a placement today; the officer logs it, sees the child
# top the urgent queue, rings round (three calls: no answer, a decline, an acceptance), holds, places, and
# opens the child's history showing the breakdown. Every key but typed free text is counted: the loop
# must take at most 35 (docs/user-guide.md, "The phone call in keys"; 59 before issue 10).
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
fresh_store
start
wait_for "open vacancies" >/dev/null
keys=0
# A key the officer presses (counted); `say` is free text they type (not counted).
press() { keys=$((keys + $#)); t send-keys -t e2e "$@"; }
say() { t send-keys -t e2e -l "$1"; }
press 4 a
say "$provider"
press Tab Tab
say "$child"
check "the child picker shows who was chosen" wait_for "$child"
press Tab
say "today 17:00"
press Tab C R
check "the notice form computes same-day notice" wait_for "same-day (8 h)"
check "typing CR chooses CREQB" wait_for "CREQB"
press Enter
check "the same-day ending is logged" wait_for "Notices from providers"
check "the log shows it as same-day" wait_for "same-day (8 h)"
press 1
urgent_top() { screen | grep -m1 -oE '│C[0-9]{4}' | tr -d '│'; }
check "the child tops the urgent queue" wait_for "Urgent children"
check "the child tops the urgent queue ($child)" [ "$(urgent_top)" = "$child" ]
press m
check "m opens the ranked matches with reasons" wait_for "#1 V"
# Call 1: no answer (the form's first outcome).
press c Enter
check "a call with no answer is recorded" wait_for "recorded"
last_call() { screen | grep -oE 'call K[0-9]+ recorded' | head -1; }
# Waits for the bottom line to report a call other than $1 (each call's form closes once it is saved).
another_call() { for _ in $(seq 50); do c=$(last_call); [ -n "$c" ] && [ "$c" != "$1" ] && return 0; sleep 0.1; done; return 1; }
first=$(last_call)
# Call 2: the next provider declines.
press j c Right
say "no staff for these needs"
press Enter
check "a decline is recorded" another_call "$first"
# Call 3: the selected provider accepts (← from the first outcome wraps to "accepted"), which leads on.
press c Left
check "the call form offers accepted" wait_for "[accepted]"
press Enter
check "an acceptance says hold and place are next" wait_for "Accepted — h hold the bed"
press h
check "h asks before holding" wait_for "Hold this vacancy?"
press Enter
check "the bed is held" wait_for "held for $child"
press p
check "p opens the place form with what it will do" wait_for "This will:"
# Each approval the placement needs is a line of its own: Tab to it and type it.
for approval in "Panel approval" "KS4 approval" "Exceptional reason"; do
  if shows "$approval"; then press Tab; say "$approval given 25 Nov by the team manager"; fi
done
press Enter
check "the child is placed" wait_for "$child placed"
press g
check "g opens the child's page" wait_for "Placement history"
check "the child's history shows the new placement" wait_for "current placement"
check "the child's history shows the breakdown" shows "breakdown"
check "the child's history shows the same-day notice" wait_for "same-day"
check "the phone call took at most 35 keys ($keys)" [ "$keys" -le 35 ]
echo "     the phone call took $keys keys besides typed text"
# A colleague in another process logs a notice: it shows here within seconds, with no key pressed.
t send-keys -t e2e Escape Escape 4
wait_for "Notices from providers" >/dev/null
count() { screen | grep -oE '[0-9]+ notices' | head -1 | grep -oE '[0-9]+'; }
before=$(count)
open_vacancy=$("$bin" export vacancies --store "$store" | awk -F, '$2 == "P0001" && $15 == "open" { print $1; exit }')
PLACEFINDER_OFFICER=alun.owen "$bin" notice add --provider P0001 --kind vacancy_changed --vacancy "$open_vacancy" --fee 5100 \
  --store "$store" >/dev/null 2>&1
check "a colleague's notice appears without a restart" wait_for "$((before + 1)) notices"
t send-keys -t e2e q
wait_for "DONE" >/dev/null

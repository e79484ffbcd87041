# The phone call in Welsh (issue 16): the dashboard opened with --lang cy; a provider rings to end a
# placement today; the officer logs it on the notice form, which speaks Welsh throughout (labels, the
# same-day notice, the discard question), and sees it on the notices list. Screens other areas draw are
# checked only for the notice being there: this story asserts the forms' and dialogs' own words.
# A placed child whose provider can end the placement (as 30-phone-call.sh chooses, without its ranking).
pick_placed_child() {
  "$bin" export children --format json --store "$store" | python3 -c '
import json, subprocess, sys
bin, store = sys.argv[1:3]
exported = lambda kind: json.loads(subprocess.run([bin, "export", kind, "--format", "json", "--store", store],
                                                  capture_output=True, text=True).stdout)
placements, providers = exported("placements"), {p["id"]: p for p in exported("providers")}
for c in json.load(sys.stdin):
    open_ = [p for p in placements if p["childID"] == c["id"] and "actualEnd" not in p]
    if c["status"] == "placed" and "siblingGroup" not in c and open_:
        print(c["id"], providers[open_[0]["providerID"]]["name"]); break
' "$bin" "$store"
}
read -r child provider < <(pick_placed_child)
fresh_store
# The pane script `start` runs, with the language asked for on the command line.
cat > "$work/run-cy.sh" <<RUN
"$bin" --store "$store" --lang cy
echo "exit \$?" > "$work/status"
echo DONE
sleep 60
RUN
t kill-server 2>/dev/null
rm -f "$work/status"
for _ in $(seq 50); do t has-session 2>/dev/null || break; sleep 0.1; done
t -u new-session -d -s e2e -x 100 -y 30 "bash $work/run-cy.sh"
# Loaded: the top bar's count of open vacancies (the tab bar's "Lleoedd gwag" shows before the data does).
wait_for "Lleoedd gwag: " >/dev/null
# Absent from the screen now (the opposite of `shows`).
hides() { ! screen | grep -qF -- "$1"; }
# Waits up to 5 s for text to leave the screen.
wait_gone() { for _ in $(seq 50); do hides "$1" && return 0; sleep 0.1; done; return 1; }

t send-keys -t e2e 4 a
check "the notice form opens in Welsh" wait_for "Hysbysiad newydd — daeth i law heddiw 09:00"
check "its title is not in English" hides "New notice"
check "the provider's label is Welsh" shows "› Darparwr"
t send-keys -t e2e -l "$provider"
t send-keys -t e2e Tab
check "the kind reads terfynu lleoliad" wait_for "◂ terfynu lleoliad ▸"
t send-keys -t e2e Tab
t send-keys -t e2e -l "$child"
check "the child picker shows who was chosen" wait_for "→ $child"
check "the child's placement is said in Welsh" shows "· lleoliad: "
t send-keys -t e2e Tab
check "the effective field asks in Welsh" wait_for "› Daw i rym"
check "its placeholder gives Welsh day words" shows "heddiw 17:00 · yfory 09:00"
t send-keys -t e2e -l "heddiw 17:00"
check "a Welsh time is read: same-day notice in Welsh" wait_for "rhybudd a roddwyd: yr un diwrnod (8 awr)"
check "no English notice words" hides "notice given"
check "no English same-day" hides "same-day"
t send-keys -t e2e Tab C R
check "typing CR chooses CREQB, said in Welsh" wait_for "CREQB · y gofalwr wedi'i derfynu"
check "the footer says it is ready, in Welsh" wait_for "Yn barod: Enter yn cofnodi'r hysbysiad"
check "no English field labels" bash -c "! tmux -L '$socket' capture-pane -p -t e2e | grep -qE '› (Provider|Kind|Child|Effective|Reason) '"
t send-keys -t e2e Escape
check "Esc asks in Welsh before discarding" wait_for "Taflu'r hysbysiad hwn?"
check "the question's keys are said in Welsh" shows "y yn taflu · n neu Esc yn parhau i olygu"
check "the question is not in English" hides "Discard this notice?"
t send-keys -t e2e n
check "n goes back to the form as it was" wait_for "CREQB · y gofalwr"
t send-keys -t e2e Enter
check "the notice is logged: the form closes" wait_gone "Hysbysiad newydd"
check "the notices list shows the provider's notice" wait_for "${provider:0:12}"
check "ending at 17:00" shows "17:00"
# The jump prompt asks in Welsh too, and says in Welsh when no record has the id.
t send-keys -t e2e :
check "the jump prompt asks in Welsh" wait_for "Ewch i id:"
t send-keys -t e2e -l "C9999X"
t send-keys -t e2e Enter
check "an unknown id is said in Welsh" wait_for "Nid oes plentyn, lle gwag na darparwr â'r id C9999X"
check "not in English" hides "No child, vacancy or provider"
t send-keys -t e2e Escape q
wait_for "DONE" >/dev/null
check "the program ends cleanly" bash -c "grep -q 'exit 0' '$work/status'"

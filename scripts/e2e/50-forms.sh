# Forms and pickers (issue 10): a picker never commits a child the officer did not choose; Esc on a
# typed form asks; a half-filled notice survives switching tabs; q closes help; reason codes by typing;
# a vacancy opened is logged from the form and shows in the vacancies list.
fresh_store
start
wait_for "open vacancies" >/dev/null
# The keys: type a letter in Child, delete it, Tab out.
t send-keys -t e2e 4 a
t send-keys -t e2e -l seren
t send-keys -t e2e Tab Tab L BSpace Tab
check "the form shows the provider found" wait_for "→ Seren Fostering"
check "Tab moves on from the emptied Child field" wait_for "› Effective"
check "Tab out of an emptied Child field commits no child" bash -c "! tmux -L pf-e2e capture-pane -p -t e2e | grep -q '→ C0'"
t send-keys -t e2e -l "today 17:00"
t send-keys -t e2e Tab C R
check "typing CR chooses CREQB" wait_for "CREQB"
t send-keys -t e2e Enter
check "Enter without a child is refused, naming the field" wait_for "Not logged: Child"
t send-keys -t e2e Escape
check "Esc on a typed notice asks first" wait_for "Discard this notice?"
t send-keys -t e2e n
check "n goes back to the form as it was" wait_for "› Child"
t send-keys -t e2e Escape s 2
check "the notice is set aside while another tab shows" wait_for "Notice set aside"
t send-keys -t e2e 4
check "the notices tab says a notice is set aside" wait_for "a notice is set aside"
t send-keys -t e2e a
check "a brings the half-filled notice back" wait_for "CREQB"
check "with its provider" shows "→ Seren Fostering"
t send-keys -t e2e F1
check "F1 opens help over the form" wait_for "Keys — New notice"
t send-keys -t e2e q
check "q closes help (the program keeps running)" wait_for "New notice — received"
check "q did not quit" bash -c "[ ! -e '$work/status' ]"
t send-keys -t e2e Escape y
check "y discards the notice" wait_for "Notices from providers"
# A vacancy opened, logged from the form.
t send-keys -t e2e a
t send-keys -t e2e -l seren
t send-keys -t e2e Tab o Tab
check "typing o chooses vacancy opened, with the new vacancy's fields" wait_for "Weekly fee"
t send-keys -t e2e -l fos
t send-keys -t e2e Tab
t send-keys -t e2e -l 8-12
t send-keys -t e2e Tab 2 Tab
t send-keys -t e2e -l 777
check "the form is ready to log" wait_for "Ready: Enter logs the notice"
t send-keys -t e2e Enter
check "the vacancy-opened notice is logged and the vacancy created" wait_for "created"
t send-keys -t e2e 3 /
t send-keys -t e2e -l seren
t send-keys -t e2e Enter
check "the new vacancy shows in the vacancies list" wait_for "£777"
t send-keys -t e2e q
wait_for "DONE" >/dev/null

# Keys from any terminal (issue 10, items 2, 9 and 14): escape sequences that TERM does not list arrive
# as raw bytes (PuTTY's defaults, the Linux console, a wrong TERM) and are one key each, never Esc plus
# digits; digits type where an input has focus; `:` opens a record by id; a mouse click picks a tab.
start
check "keys: the dashboard opens" wait_for "Urgent children"
t send-keys -t e2e 3 Enter
check "keys: a vacancy page opens" wait_for "Vacancy V"
t send-keys -t e2e -H 1b 5b 34 7e   # End as tmux, screen, PuTTY and the Linux console send it: ESC [ 4 ~
sleep 0.3
check "keys: End (ESC[4~) on a vacancy page stays on the page" wait_for "Vacancy V"
check "keys: End does not jump to Notices" eval '! shows "Notices from providers"'
t send-keys -t e2e -H 1b 5b 31 7e   # Home: ESC [ 1 ~
t send-keys -t e2e -H 1b 5b 39 39 7e   # an unknown sequence, ESC [ 9 9 ~: dropped whole
sleep 0.3
check "keys: Home and an unknown sequence leave the page open" shows "Vacancy V"
t send-keys -t e2e Escape 4 a
check "keys: the notice form opens" wait_for "New notice — received"
t send-keys -t e2e -l "Bryn"
t send-keys -t e2e -H 1b 5b 31 31 7e   # PuTTY's F1: ESC [ 1 1 ~
check "keys: PuTTY's F1 (ESC[11~) opens help over the form" wait_for "Keys — New notice"
t send-keys -t e2e Escape
check "keys: the form keeps what was typed after help" wait_for "Bryn"
t send-keys -t e2e -H 1b 5b 5b 41   # the Linux console's F1: ESC [ [ A
check "keys: the Linux console's F1 (ESC[[A) opens help" wait_for "Keys — New notice"
t send-keys -t e2e Escape
check "keys: ... and the form is still there" wait_for "Bryn"
t send-keys -t e2e Escape
sleep 0.3
t send-keys -t e2e :
check "keys: : opens the prompt" wait_for "Go to id:"
t send-keys -t e2e -l "c0008"
t send-keys -t e2e Enter
check "keys: :c0008 opens that child's page (recorded first)" wait_for "Child C0008"
t send-keys -t e2e Escape 3 f Down Down Down
check "keys: the filter panel opens" wait_for "Filter vacancies"
t send-keys -t e2e 1 4
check "keys: typing 14 in the filter panel chooses age 14" wait_for "age 14"
check "keys: ... and stays in the panel" shows "Filter vacancies"
t send-keys -t e2e Escape
# A mouse click on "2 Children" in the tab bar (row 2, column 17), as an X10 report:
# ESC [ M, then button 0, column and row, each + 32 (1-based).
t send-keys -t e2e -H 1b 5b 4d 20 31 22
check "keys: a click on a tab switches to it" wait_for "search id, initials"
t send-keys -t e2e q
check "keys: q still quits" wait_for "DONE"
check "keys: the terminal is as it was (stty -g)" same_stty

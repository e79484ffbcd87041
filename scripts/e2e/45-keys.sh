# Keys from any terminal (issue 10, items 2, 9 and 14): escape sequences that TERM does not list arrive
# as raw bytes and must be one key each, never Esc plus digits (back, then a screen switch); digits
# type where an input has focus; `:` opens a record by id; a mouse click picks a tab.
# First under a wrong TERM (xterm inside tmux: terminfo knows none of tmux's, PuTTY's or the Linux
# console's spellings, so Placefinder's own decoder must), then under tmux's own TERM.
start_with_term() {
  rm -f "$work/status" "$work/stty-before" "$work/stty-after"
  t kill-server 2>/dev/null
  for _ in $(seq 50); do t has-session 2>/dev/null || break; sleep 0.1; done
  t -u new-session -d -s e2e -x 100 -y 30 "TERM=$1 bash $work/run.sh"
}
start_with_term xterm
check "keys: the dashboard opens (TERM=xterm)" wait_for "Urgent children"
t send-keys -t e2e 3 Enter
check "keys: a vacancy page opens" wait_for "Vacancy V"
t send-keys -t e2e -H 1b 5b 34 7e   # End as tmux, screen, PuTTY and the Linux console send it: ESC [ 4 ~
sleep 0.3
check "keys: End (ESC[4~) on a vacancy page stays on the page" shows "Vacancy V"
check "keys: End does not jump to Notices" eval '! shows "Notices from providers"'
t send-keys -t e2e -H 1b 5b 31 7e         # Home, ESC [ 1 ~
t send-keys -t e2e -H 1b 5b 38 7e         # rxvt's End, ESC [ 8 ~
t send-keys -t e2e -H 1b 5b 31 3b 35 46   # xterm's Ctrl-End, ESC [ 1 ; 5 F
t send-keys -t e2e -H 1b 5b 39 39 7e      # a sequence nobody defines, ESC [ 9 9 ~: dropped whole
sleep 0.3
check "keys: Home, rxvt End, Ctrl-End and an unknown sequence leave the page open" shows "Vacancy V"
check "keys: ... and none of them switched screens" eval '! shows "Notices from providers"'
t send-keys -t e2e Escape 4 a
check "keys: Esc then 4 at once still goes back and switches (the notice form opens)" wait_for "New notice — received"
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
# A click on "2 Children" in the tab bar (column 17, row 2, 1-based) as an SGR report, as xterm sends it.
t send-keys -t e2e -H 1b 5b 3c 30 3b 31 37 3b 32 4d   # ESC [ < 0 ; 1 7 ; 2 M
check "keys: a click on a tab switches to it (SGR report)" wait_for "search id, initials"
t send-keys -t e2e q
check "keys: q still quits" wait_for "DONE"
check "keys: the terminal is as it was (stty -g)" same_stty

start   # tmux's own TERM: terminfo lists ESC[4~, so ncurses decodes End itself
wait_for "Urgent children" >/dev/null
t send-keys -t e2e 3 Enter
wait_for "Vacancy V" >/dev/null
t send-keys -t e2e -H 1b 5b 34 7e
sleep 0.3
check "keys: End stays on the page under TERM=$(t show -gv default-terminal)" eval 'shows "Vacancy V" && ! shows "Notices from providers"'
t send-keys -t e2e Escape
# The same click as an X10 report: ESC [ M, then button 0, column and row, each + 32 (1-based).
t send-keys -t e2e -H 1b 5b 4d 20 31 22
check "keys: a click on a tab switches to it (X10 report)" wait_for "search id, initials"
t send-keys -t e2e q
check "keys: q quits" wait_for "DONE"
check "keys: the terminal is as it was (stty -g)" same_stty

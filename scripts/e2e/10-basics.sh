# The basics: search, the cursor, repaint, pages, resize and quitting cleanly.
start
check "the dashboard opens" wait_for "Urgent children"
t send-keys -t e2e 3
check "tab 3 lists vacancies" wait_for "sort: available from"
t send-keys -t e2e /
t send-keys -t e2e -l "ty celyn"
check "search folds accents and Welsh names render (ŷ)" wait_for "Tŷ"
cursor() { t display -p -t e2e '#{cursor_flag} #{cursor_x},#{cursor_y}'; }
# "Tŷ" may show before the whole query is typed: wait for the cursor to reach its end.
cursor_at() { for _ in $(seq 50); do [ "$(cursor)" = "$1" ] && return 0; sleep 0.1; done; return 1; }
check "the real cursor shows after the query in the search field" cursor_at "1 16,2"
t send-keys -t e2e Escape
hidden_cursor() { for _ in $(seq 50); do [ "$(cursor | cut -d' ' -f1)" = 0 ] && return 0; sleep 0.1; done; return 1; }
check "the cursor hides when the field loses focus" hidden_cursor
# Something else writes over the screen (a wall message, a stray background job): Ctrl-L repaints.
printf '\033[5;1HSCRIBBLED-OVER' > "$(t display -p -t e2e '#{pane_tty}')"
check "a stray write shows until repainted" wait_for "SCRIBBLED-OVER"
t send-keys -t e2e C-l
gone() { for _ in $(seq 50); do shows "SCRIBBLED-OVER" || return 0; sleep 0.1; done; return 1; }
check "Ctrl-L repaints the whole screen" gone
t send-keys -t e2e 2
check "children tab lists children by initials" wait_for "Initials"
t send-keys -t e2e / C 0 0 0 8 Enter Enter
check "a child's page shows the full Welsh name (ë)" wait_for "Noël"
check "the child's page shows the placement history" shows "Placement history"
t send-keys -t e2e Escape
t resize-window -t e2e -x 70 -y 20
check "a small terminal says so" wait_for "terminal too small (need 80×24)"
t resize-window -t e2e -x 132 -y 43
check "resize back re-lays out the screen" wait_for "5 Providers"
t send-keys -t e2e q
check "q quits" wait_for "DONE"
check "q leaves the terminal as it found it (stty -g)" same_stty

start
wait_for "open vacancies" >/dev/null
pkill -TERM -f "$bin --store $store"
check "SIGTERM ends the program" wait_for "DONE"
check "SIGTERM restores the terminal (stty -g)" same_stty


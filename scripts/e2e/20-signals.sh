# Ctrl-C, a dropped SSH session (SIGHUP) and a failure while loading data all give the terminal back.
start
wait_for "Urgent children" >/dev/null
t send-keys -t e2e C-c
check "Ctrl-C quits" wait_for "DONE"
check "Ctrl-C restores the terminal (stty -g)" same_stty
start
wait_for "Urgent children" >/dev/null
pkill -HUP -f "$bin --store $store"
check "SIGHUP ends the program" wait_for "DONE"
check "SIGHUP restores the terminal (stty -g)" same_stty
cp "$store" "$work/keep.sqlite"
start
wait_for "Urgent children" >/dev/null
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("ALTER TABLE placements RENAME TO gone"); c.commit()' "$store"
check "a failed load is reported on screen" wait_for "Could not load the store"
t send-keys -t e2e q
check "after a failed load q still quits cleanly" wait_for "DONE"
check "after a failed load the terminal is restored (stty -g)" same_stty
cp "$work/keep.sqlite" "$store"; rm -f "$store-wal" "$store-shm"


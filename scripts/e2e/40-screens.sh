# The officer's loop can be trusted (issue 10): the selection stays on the bed just held, a colleague's
# hold reaches an open ranking within 2 s, 80 columns keep ids and find them, one urgent count.
fresh_store
# Two children waiting, not in a sibling group; the first with at least three ranked options.
read -r child other < <("$bin" export children --format json --store "$store" | python3 -c '
import json, subprocess, sys
bin, store = sys.argv[1:3]
waiting = [c["id"] for c in json.load(sys.stdin) if c["status"] != "placed" and "siblingGroup" not in c]
def ranked(cid):
    out = subprocess.run([bin, "match", cid, "--json", "--store", store], capture_output=True, text=True).stdout
    return json.loads(out or "{}").get("result", {}).get("rankedCount", 0)
first = next(c for c in waiting if ranked(c) >= 3)
print(first, next(c for c in waiting if c != first))
' "$bin" "$store")
# Up to 2 s for text to appear.
within_2s() { for _ in $(seq 20); do shows "$1" && return 0; sleep 0.1; done; return 1; }
selected_vacancy() { screen | grep -m1 -oE '#[0-9]+ V[0-9]+ ·' | grep -oE 'V[0-9]+'; }
ranked_count() { screen | grep -m1 -oE '[0-9]+ ranked' | grep -oE '[0-9]+'; }

start
wait_for "open vacancies" >/dev/null
t send-keys -t e2e 2 /
t send-keys -t e2e -l "$child"
t send-keys -t e2e Enter m
check "m ranks the child's options" wait_for "#1 V"
t send-keys -t e2e j j
wait_for "#3 V" >/dev/null
held=$(selected_vacancy)
t send-keys -t e2e h
wait_for "Hold this vacancy?" >/dev/null
t send-keys -t e2e Enter
check "the third option is held ($held)" wait_for "$held held for $child"
sleep 1.5   # the re-ranking after the write has landed
check "the selection stays on the held bed after the re-rank" [ "$(selected_vacancy)" = "$held" ]
t send-keys -t e2e p
check "p aims at the bed just held" wait_for "Place the child"
check "p names the held vacancy" shows "in $held at"
t send-keys -t e2e Escape
# A colleague holds the second option for another child: it leaves this ranking without a key pressed.
t send-keys -t e2e Home
wait_for "#1 V" >/dev/null
before=$(ranked_count)
t send-keys -t e2e j
wait_for "#2 V" >/dev/null
taken=$(selected_vacancy)
PLACEFINDER_OFFICER=alun.owen "$bin" hold "$taken" --child "$other" --store "$store" >/dev/null 2>&1
check "a colleague's hold re-ranks the open match within 2 s" within_2s "$((before - 1)) ranked"
t send-keys -t e2e Escape 1
check "the top bar's urgent count is the panel's" wait_for "Urgent children ("
top=$(screen | head -1 | grep -oE '[0-9]+ urgent' | grep -oE '[0-9]+')
panel=$(screen | grep -oE 'Urgent children \([0-9]+\)' | grep -oE '[0-9]+')
check "urgent: top bar $top, panel $panel" [ -n "$top" ] && [ "$top" = "$panel" ]
# 80×24: vacancy rows keep their ids, search finds one by id, a held bed says so.
t resize-window -t e2e -x 80 -y 24
t send-keys -t e2e 3
wait_for "sort:" >/dev/null
ids_shown() { [ "$(screen | grep -cE '^ ?V[0-9]{4,} ')" -ge 5 ]; }
check "at 80×24 vacancy rows show their ids" ids_shown
t send-keys -t e2e /
t send-keys -t e2e -l "$(echo "$held" | tr 'V' 'v')"
check "search finds a vacancy by its id" wait_for "1 of "
held_row() { screen | grep -qE "^ ?$held +held "; }
check "the found row is the held bed, marked held" held_row
t send-keys -t e2e Enter
wait_for "Enter open" >/dev/null
hint_bar_ends() { screen | tail -1 | grep -qF -- "? help  q quit"; }
check "help and quit stay in the hint bar" hint_bar_ends
t send-keys -t e2e q
wait_for "DONE" >/dev/null

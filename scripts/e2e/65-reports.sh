# Reports (issue 13): tab 6 shows every panel for the officer's authority beside the 2018-19 baseline,
# then for its region (partnership board) and for all of Wales; the CLI prints the same figures.
start
wait_for "open vacancies" >/dev/null
t send-keys -t e2e 6
check "reports: tab 6 shows the officer's authority" wait_for "Cardiff │ last 12 months"
check "reports: residential nights beside Table 4.2" wait_for "Table 4.2, Cardiff"
t send-keys -t e2e End
check "reports: scrolled to spend, priced from the agreed weekly costs" wait_for "nights with no agreed cost"
t send-keys -t e2e a
check "reports: a switches to the region" wait_for "Cardiff and Vale (regional partnership board)"
check "reports: the region's figures arrive" wait_for "1. Residential nights by sector"
t send-keys -t e2e Right
check "reports: → moves to the next region" wait_for "Gwent (regional partnership board)"
t send-keys -t e2e a
check "reports: a again shows Wales" wait_for "Wales │ last 12 months"
check "reports: Wales is beside the Wales baseline" wait_for "Table 4.3, Wales"
t send-keys -t e2e p
check "reports: p chooses the financial year" wait_for "financial year 2026-27"
# The CLI's JSON gives the tab's numbers: the Wales total of residential nights for the same period.
nights=$("$bin" report residential-nights --area wales --period FY2026 --format json --store "$store" | python3 -c '
import json, sys
panel = json.load(sys.stdin)["panels"][0]
print("{:,}".format(int(panel["tables"][1]["rows"][0]["values"][0])))')
shows_total() { for _ in $(seq 50); do screen | grep -qE "^ +total +$nights( |\$)" && return 0; sleep 0.1; done; return 1; }
check "reports: the tab shows the CLI's total ($nights nights)" shows_total
t send-keys -t e2e q
check "reports: quits cleanly" wait_for DONE

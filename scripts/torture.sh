#!/usr/bin/env bash
# Hostile input and faults against the real binary (issue 11). Prints one table — tried, survived,
# lost — and exits 1 if anything was lost. .ci/run runs the short mode (under 2 minutes on 2 cores).
# Usage: scripts/torture.sh [--long] [path/to/placefinder]
#
# "Survived" means the promise in docs/operations.md ("Hostile input and faults") held: a refused
# file or fault gives one line and exit 1 (never a signal), the store passes `placefinder check`,
# and nothing acknowledged is missing and nothing refused is half-written. "Lost" is every other
# outcome. A case that cannot run here (no tmux, no unprivileged user) is shown as skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
long=0
if [ "${1:-}" = "--long" ]; then long=1; shift; fi
bin=$(realpath "${1:-.build/debug/placefinder}")
work=$(mktemp -d)
chmod 700 "$work"
sock="pf-torture-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; rm -rf "$work"' EXIT
export LANG=C.UTF-8 PLACEFINDER_NOW=2026-11-25T09:00:00Z PLACEFINDER_OFFICER=torture XDG_STATE_HOME="$work/state"
unset PLACEFINDER_STORE

if [ $long = 1 ]; then writers=8 writes=40 races=40 kills=200 big=200000 mega=1000000
else writers=4 writes=6 races=6 kills=18 big=10000 mega=0; fi

declare -a names tried survived lost notes
row() { names+=("$1"); tried+=("$2"); survived+=("$3"); lost+=("$(($2 - $3))"); notes+=("${4:-}"); }
pf() { "$bin" "$@"; }
sound() { pf check --store "$1" >/dev/null 2>&1; }
# One line on stderr, exit 1 (not a signal, not 0).
refused_cleanly() { # status, stderr file
  [ "$1" -eq 1 ] && [ "$(wc -l < "$2")" -eq 1 ] && ! grep -q $'\x1b' "$2"
}
demo() { pf demo --no-tui --store "$1" >/dev/null 2>&1; }
rows() { pf export "$1" --store "$2" 2>/dev/null | tail -n +2 | grep -c . ; }
base="$work/base.sqlite"
demo "$base" || { echo "torture: the demo store could not be built"; exit 1; }
copy() { sqlite3 "$base" ".backup '$1'" 2>/dev/null || pf backup "$1" --store "$base" >/dev/null; chmod 600 "$1"; }

# ---- 1. concurrent writers: every acknowledged call is in the store -------------------------------
s="$work/writers.sqlite"; copy "$s"
child=$(pf export children --store "$s" | awk -F, 'NR>1{print $1; exit}')
provider=$(pf export providers --store "$s" | awk -F, 'NR>1{print $1; exit}')
before=$(sqlite3 "$s" "SELECT count(*) FROM contacts")
for w in $(seq "$writers"); do
  ( for i in $(seq "$writes"); do
      PLACEFINDER_OFFICER="officer$w" pf contact add --child "$child" --provider "$provider" --outcome no_answer \
        --store "$s" >>"$work/acks" 2>>"$work/writer-errors" || echo "fail" >>"$work/writer-fails"
    done ) &
done
wait
acked=$(grep -c '^recorded call' "$work/acks" 2>/dev/null || echo 0)
after=$(sqlite3 "$s" "SELECT count(*) FROM contacts")
ok=$acked
{ [ $((after - before)) -eq "$acked" ] && sound "$s"; } || ok=0
row "concurrent writers ($writers processes)" $((writers * writes)) "$ok" "$acked acknowledged, $((after - before)) stored"

# ---- 2. last-bed races: many officers hold one bed at once; exactly one wins ---------------------
s="$work/races.sqlite"; copy "$s"
mapfile -t waiting < <(pf export children --store "$s" | awk -F, 'NR>1 && $NF!="placed"{print $1}' | head -8)
mapfile -t open < <(pf export vacancies --store "$s" | awk -F, 'NR>1 && $15=="open" && $5>0 && $16==""{print $1}' | head -"$races")
won_right=0
for v in "${open[@]}"; do
  rm -f "$work/race-"*
  for k in 0 1 2 3; do
    ( PLACEFINDER_OFFICER="racer$k" pf hold "$v" --child "${waiting[$k]}" --store "$s" >"$work/race-$k" 2>&1; echo $? >"$work/race-$k.rc" ) &
  done
  wait
  winners=$(cat "$work/race-"*.rc | grep -c '^0$')
  holder=$(sqlite3 "$s" "SELECT count(*) FROM vacancies WHERE id='$v' AND hold_child_id IS NOT NULL")
  [ "$winners" -eq 1 ] && [ "$holder" -eq 1 ] && won_right=$((won_right + 1))
done
sound "$s" || won_right=0
row "last-bed races (4 officers, 1 bed)" "${#open[@]}" "$won_right"

# ---- 3. SIGKILL during notice, place and a large import ----------------------------------------
s="$work/kills.sqlite"; copy "$s"
awk -v n="$big" 'BEGIN{print "id,name,sector,profit_status,regulator,registration_number,service_type,postcode,authority_code,authority_name,welsh_language,capabilities,contact_name,contact_phone,contact_email";
  for(i=1;i<=n;i++) printf "BULK-%07d,Bulk Home %d,private,for_profit,CIW,SIN-B%d,childrens_home,CF10 1EP,W06000015,,,,,,\n", i, i, i}' > "$work/big.csv"
providers_before=$(rows providers "$s")
mapfile -t vacs < <(pf export vacancies --store "$s" | awk -F, 'NR>1 && $15=="open" && $5>0{print $1","$2}')
survived_kills=0 killed=0
for i in $(seq "$kills"); do
  case $((i % 3)) in
    0) pf import providers "$work/big.csv" --store "$s" >/dev/null 2>&1 & ;;
    1) vp=${vacs[$((i % ${#vacs[@]}))]}
       pf notice add --provider "${vp#*,}" --kind vacancy_changed --vacancy "${vp%,*}" --fee $((500 + i)) --store "$s" >/dev/null 2>&1 & ;;
    2) vp=${vacs[$((i % ${#vacs[@]}))]}
       pf place "${waiting[$((i % ${#waiting[@]}))]}" "${vp%,*}" --store "$s" >/dev/null 2>&1 & ;;
  esac
  pid=$!
  sleep "0.$((RANDOM % 4))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)); wait "$pid" 2>/dev/null
  n=$(rows providers "$s")
  # The import is all or nothing: the store holds none of the file's rows or all of them.
  if sound "$s" && { [ "$n" -eq "$providers_before" ] || [ "$n" -eq $((providers_before + big)) ]; }; then
    survived_kills=$((survived_kills + 1))
  fi
  [ "$n" -ne "$providers_before" ] && { copy "$s"; }   # start the next import from a clean store
done
row "SIGKILL during notice/place/import of $big rows" "$kills" "$survived_kills" "$killed killed before they finished"

# A postcode import stages the file in a temporary table before its one transaction: killed while staging
# or while copying, the directory holds the old rows or the whole file, never part of it.
awk -v n="$big" 'BEGIN{print "pcds,lat,long,oslaua,doterm"; split("ABDEFGHJLNPQRSTUWXYZ", l, "");
  for(i=0;i<n;i++) printf "ZE%d %d%s%s,60.15,-1.15,S12000027,\n", 1 + int(i/4000), i%10, l[int(i/10)%20+1], l[int(i/200)%20+1]}' > "$work/postcodes.csv"
s="$work/pkills.sqlite"; copy "$s"
postcodes_before=$(sqlite3 "$s" "SELECT count(*) FROM postcodes")
copy "$work/pfull.sqlite"; pf import postcodes "$work/postcodes.csv" --store "$work/pfull.sqlite" >/dev/null 2>&1
postcodes_full=$(sqlite3 "$work/pfull.sqlite" "SELECT count(*) FROM postcodes")
pkills=$((kills / 3)) survived_pkills=0 pkilled=0
for i in $(seq "$pkills"); do
  pf import postcodes "$work/postcodes.csv" --store "$s" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 4))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null && pkilled=$((pkilled + 1)); wait "$pid" 2>/dev/null
  n=$(sqlite3 "$s" "SELECT count(*) FROM postcodes")
  if sound "$s" && { [ "$n" -eq "$postcodes_before" ] || [ "$n" -eq "$postcodes_full" ]; }; then
    survived_pkills=$((survived_pkills + 1))
  fi
  [ "$n" -ne "$postcodes_before" ] && copy "$s"
done
row "SIGKILL during a postcode import of $big rows" "$pkills" "$survived_pkills" "$pkilled killed before they finished"

# ---- 4. a full disk ------------------------------------------------------------------------------
s="$work/full/store.sqlite"; mkdir -p "$work/full"; chmod 700 "$work/full"
# Room for the store and a little more: the import's transaction cannot fit.
room=$(( $(stat -c %s "$base") / 1024 + 1024 ))
how="ulimit -f"
if mount -t tmpfs -o size=${room}k tmpfs "$work/full" 2>/dev/null; then how="tmpfs"; fi
copy "$s" 2>/dev/null
full_ok=0 full_tried=2 full_refused=0
for attempt in 1 2; do
  before=$(rows providers "$s")
  if [ "$how" = "ulimit -f" ]; then
    ( ulimit -f $(( $(stat -c %s "$s") / 1024 + 64 * attempt )); exec "$bin" import providers "$work/big.csv" --store "$s" ) >/dev/null 2>"$work/full.err"
  else
    # The second attempt leaves even less room.
    [ $attempt = 2 ] && dd if=/dev/zero of="$work/full/filler" bs=64k count=8 2>/dev/null
    pf import providers "$work/big.csv" --store "$s" >/dev/null 2>"$work/full.err"
  fi
  rc=$?
  [ $rc -ne 0 ] && full_refused=$((full_refused + 1))
  rm -f "$work/full/filler"
  after=$(rows providers "$s")
  # All or nothing: refused with nothing written, or (if it fitted) every row.
  if sound "$s" && { { [ $rc -ne 0 ] && [ "$after" -eq "$before" ]; } || { [ $rc -eq 0 ] && [ "$after" -eq $((before + big)) ]; }; }; then
    full_ok=$((full_ok + 1))
  else
    echo "full disk attempt $attempt: exit $rc, providers $before -> $after; $(head -c 300 "$work/full.err")" >&2
  fi
done
mountpoint -q "$work/full" && umount "$work/full"
row "full disk during a large import ($how)" "$full_tried" "$full_ok" "$full_refused refused for lack of room"

# ---- 5. read-only and corrupt stores ------------------------------------------------------------
ro_ok=0 ro_tried=0 ro_note=""
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  d="$work/ro"; mkdir -p "$d"; copy "$d/store.sqlite"; pf check --store "$d/store.sqlite" >/dev/null 2>&1
  chown -R 65534 "$d"; chmod 500 "$d"; chmod 400 "$d/store.sqlite"*
  for cmd in "contact add --child $child --provider $provider --outcome no_answer" "import providers $work/big.csv"; do
    ro_tried=$((ro_tried + 1))
    # shellcheck disable=SC2086
    setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$d" "$bin" $cmd --store "$d/store.sqlite" >/dev/null 2>"$work/ro.err"
    rc=$?
    refused_cleanly $rc "$work/ro.err" && ro_ok=$((ro_ok + 1))
  done
elif [ "$(id -u)" -ne 0 ]; then
  d="$work/ro"; mkdir -p "$d"; copy "$d/store.sqlite"; chmod 400 "$d/store.sqlite"; chmod 500 "$d"
  ro_tried=1
  pf contact add --child "$child" --provider "$provider" --outcome no_answer --store "$d/store.sqlite" >/dev/null 2>"$work/ro.err"
  refused_cleanly $? "$work/ro.err" && ro_ok=1
  chmod 700 "$d"
else ro_note="skipped: root without setpriv"; fi
row "read-only store" "$ro_tried" "$ro_ok" "$ro_note"

c_ok=0
for variant in middle header garbage; do
  f="$work/corrupt-$variant.sqlite"; copy "$f"
  case $variant in
    middle) size=$(stat -c %s "$f"); dd if=/dev/urandom of="$f" bs=4096 seek=$((size / 8192)) count=4 conv=notrunc 2>/dev/null ;;
    header) dd if=/dev/urandom of="$f" bs=1 seek=16 count=84 conv=notrunc 2>/dev/null ;;
    garbage) head -c 200000 /dev/urandom > "$f" ;;
  esac
  pf check --store "$f" >/dev/null 2>"$work/corrupt.err"; rc1=$?
  pf export vacancies --store "$f" >/dev/null 2>"$work/corrupt2.err"; rc2=$?
  # check must say PROBLEM (exit 1); reads either work or refuse in one line; never a signal.
  [ $rc1 -eq 1 ] && [ $rc2 -lt 128 ] && [ "$(wc -l < "$work/corrupt2.err")" -le 1 ] && c_ok=$((c_ok + 1))
done
row "corrupt stores (page, header, garbage)" 3 "$c_ok"

# ---- 6. the hostile CSV set ----------------------------------------------------------------------
s="$work/csv.sqlite"; copy "$s"
header="id,name,sector,profit_status,regulator,registration_number,service_type,postcode,authority_code,authority_name,welsh_language,capabilities,contact_name,contact_phone,contact_email"
line() { printf '%s,%s,private,for_profit,CIW,SIN-%s,childrens_home,CF10 1EP,W06000015,,,,%s,,\n' "$1" "$2" "$1" "${3:-}"; }
csv_tried=0 csv_ok=0 csv_failed=""
expect() { # name, accept|refuse, file
  csv_tried=$((csv_tried + 1))
  local n0; n0=$(rows providers "$s")
  pf import providers "$3" --store "$s" >"$work/csv.out" 2>"$work/csv.err"; local rc=$?
  local n1; n1=$(rows providers "$s")
  local good=0
  if [ "$2" = accept ]; then
    [ $rc -eq 0 ] && [ "$n1" -gt "$n0" ] && ! grep -q $'\x1b' "$work/csv.out" && good=1
  else
    refused_cleanly $rc "$work/csv.err" && [ "$n1" -eq "$n0" ] && good=1
  fi
  sound "$s" || good=0
  if [ $good = 1 ]; then csv_ok=$((csv_ok + 1)); else csv_failed+=" $1"; fi
}
{ printf '\xef\xbb\xbf%s\n' "$header"; line T-BOM "With BOM"; } > "$work/bom.csv"; expect BOM accept "$work/bom.csv"
{ printf '%s\r\n' "$header"; line T-CRLF "Windows" | sed 's/$/\r/'; } > "$work/crlf.csv"; expect CRLF accept "$work/crlf.csv"
{ echo "$header"; line T-NUL "Nul"; printf 'T-NUL2,Hid\x00den,private,for_profit,CIW,SIN-9,childrens_home,CF10 1EP,W06000015,,,,,,\n'; } > "$work/nul.csv"; expect NUL refuse "$work/nul.csv"
{ echo "$header"; line T-BIG "Big" "$(head -c 20000000 /dev/zero | tr '\0' a)"; } > "$work/field.csv"; expect "20 MB field" refuse "$work/field.csv"
{ echo "$header"; printf 'T-L1,Caf\xe9 Home,private,for_profit,CIW,SIN-L1,childrens_home,CF10 1EP,W06000015,,,,,,\n'; } > "$work/latin1.csv"; expect Latin-1 refuse "$work/latin1.csv"
{ echo "$header"; for i in 1 2 3 4 5; do line "T-Q$i" "Quote $i" "$([ $i = 3 ] && echo '"open')"; done; } > "$work/quote.csv"; expect "unterminated quote" refuse "$work/quote.csv"
{ echo "$header"; line T-FX "=HYPERLINK(1)" "+44 29"; } > "$work/formula.csv"; expect "formula cells" accept "$work/formula.csv"
csv_tried=$((csv_tried + 1))
if pf export providers --store "$s" | grep -q "^T-FX,'=HYPERLINK(1),.*,'+44 29,"; then csv_ok=$((csv_ok + 1)); else csv_failed+=" formula-export"; fi
{ echo "$header"; line T-ESC $'Esc\x1b[2J\x1b]0;pwned\x07' ; } > "$work/esc.csv"; expect "escape sequences" accept "$work/esc.csv"
{ echo "$header"; printf 'T-ESC2,Bad,private,for_profit,CIW,SIN-E2,childrens_home,\x1b[2JCF10,W06000015,,,,,,\n'; } > "$work/esc2.csv"; expect "escape in an error" refuse "$work/esc2.csv"
csv_tried=$((csv_tried + 1))
pf audit --store "$s" --child $'X\x1b[1A\x1b[2K' >/dev/null 2>&1
if ! pf audit --store "$s" | grep -q $'\x1b'; then csv_ok=$((csv_ok + 1)); else csv_failed+=" audit-escapes"; fi
{ echo "$header"; line T-RTL $'\u202Eكرم Home \u05D1\u05D9\u05EA'; } > "$work/rtl.csv"; expect "right-to-left text" accept "$work/rtl.csv"
{ echo "$header"; line T-MILES "Miles"; } > /dev/null
printf 'id,child_id,provider_id,vacancy_id,start,planned_end,actual_end,end_reason,notice_hours,ending,placement_type,locality_tier,miles_from_home\nPL-HUGE,%s,%s,,2023-04-03,,,,,,K2,0,1e308\n' "$child" "$provider" > "$work/miles.csv"
csv_tried=$((csv_tried + 1))
pf import placements "$work/miles.csv" --store "$s" >/dev/null 2>"$work/miles.err"
refused_cleanly $? "$work/miles.err" && csv_ok=$((csv_ok + 1)) || csv_failed+=" 1e308-miles"
if [ "$mega" -gt 0 ]; then
  awk -v n="$mega" -v h="$header" 'BEGIN{print h; for(i=1;i<=n;i++) printf "MEGA-%07d,Home %d,private,for_profit,CIW,SIN-M%d,childrens_home,CF10 1EP,W06000015,,,,,,\n", i, i, i}' > "$work/mega.csv"
  expect "1M rows" accept "$work/mega.csv"
fi
row "hostile CSV files and text" "$csv_tried" "$csv_ok" "${csv_failed:+lost:$csv_failed}"

# ---- 7. forged audit rows: refused by the store, or named by check ----------------------------------
# Each forgery is made as someone with the file and sqlite3 could; it survives when SQLite refuses it or
# `check` then fails (the hash chain names the first broken entry).
forged_ok=0
forge() { # sql
  local f="$work/forged-$forged_ok-$RANDOM.sqlite"; copy "$f"
  if ! sqlite3 "$f" "$1" >/dev/null 2>&1; then forged_ok=$((forged_ok + 1)); return; fi
  pf check --store "$f" >/dev/null 2>&1 || forged_ok=$((forged_ok + 1))
}
# A copy of the last entry under another name, with the triggers in place.
forge "INSERT INTO audit_log (at, os_user, action, record_type, record_id, detail, hash) SELECT at, 'intruder', action, record_type, record_id, detail, hash FROM audit_log ORDER BY id DESC LIMIT 1"
# REPLACE over an existing entry (fires no UPDATE or DELETE trigger).
forge "REPLACE INTO audit_log (id, at, os_user, action, record_type, record_id, detail, hash) SELECT id, at, 'intruder', action, record_type, record_id, detail, hash FROM audit_log ORDER BY id LIMIT 1"
# The guards are only triggers: a forger drops them first, then deletes, rewrites or appends.
unguard=""
for t in $(sqlite3 "$base" "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'"); do unguard+="DROP TRIGGER $t; "; done
forge "$unguard DELETE FROM audit_log WHERE id=(SELECT min(id) FROM audit_log)"
forge "$unguard UPDATE audit_log SET os_user='intruder' WHERE id=(SELECT max(id) FROM audit_log)"
forge "$unguard INSERT INTO audit_log (at, os_user, action, record_type, record_id, detail, hash) SELECT at, 'intruder', action, record_type, record_id, detail, hash FROM audit_log ORDER BY id DESC LIMIT 1"
row "forged or deleted audit rows" 5 "$forged_ok"

# ---- 8. a crash in the dashboard: terminal restored, one line, private crash file -----------------
if command -v tmux >/dev/null; then
  crash_ok=0
  for how in trap quit; do
    rm -rf "$work/state"; rm -f "$work/crash.out"
    extra=""; [ $how = trap ] && extra="PLACEFINDER_DEBUG_CRASH=trap"
    tmux -L "$sock" new-session -d -x 100 -y 30 \
      "env $extra TERM=screen '$bin' --store '$base'; echo EXIT=\$? > '$work/crash.out'; stty -a >> '$work/crash.out'; sleep 60"
    for _ in $(seq 50); do [ "$(tmux -L "$sock" display -p '#{alternate_on}')" = 1 ] && break; sleep 0.1; done
    sleep 0.5
    [ $how = quit ] && tmux -L "$sock" send-keys 'C-\'
    for _ in $(seq 100); do [ -s "$work/crash.out" ] && break; sleep 0.1; done
    sleep 0.2
    screen=$(tmux -L "$sock" capture-pane -p -J)
    alt=$(tmux -L "$sock" display -p '#{alternate_on}')
    file=$(ls "$work/state/placefinder/"crash-* 2>/dev/null | head -1)
    if [ "$alt" = 0 ] && grep -q "placefinder: crashed" <<<"$screen" && grep -qE 'EXIT=13[123]' "$work/crash.out" \
       && grep -qw icanon "$work/crash.out" && ! grep -qw -- -echo "$work/crash.out" \
       && [ -n "$file" ] && [ "$(stat -c %a "$file")" = 600 ]; then crash_ok=$((crash_ok + 1)); fi
    tmux -L "$sock" kill-server 2>/dev/null
  done
  row "dashboard crash: Swift trap, Ctrl-\\ (SIGQUIT)" 2 "$crash_ok"
else
  row "dashboard crash (no tmux here)" 0 0 "skipped"
fi

# ---- the table -----------------------------------------------------------------------------------
total_lost=0
printf '\n%-48s %6s %9s %5s  %s\n' "case" "tried" "survived" "lost" "note"
for i in "${!names[@]}"; do
  printf '%-48s %6s %9s %5s  %s\n' "${names[$i]}" "${tried[$i]}" "${survived[$i]}" "${lost[$i]}" "${notes[$i]}"
  total_lost=$((total_lost + lost[i]))
done
echo
if [ "$total_lost" -gt 0 ]; then echo "torture: $total_lost lost"; exit 1; fi
echo "torture: nothing lost"

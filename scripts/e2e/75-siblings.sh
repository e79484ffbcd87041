# Siblings who cannot all stay together (issue 15 §4): three siblings, kinship carers approved for them with
# one bed and two beds; no home takes all three, so the Matches screen offers the two-bed home for two of
# them and the one-bed for the third, labelled who would be apart from whom, as `match --json` does.
fresh_store
provider=$("$bin" export providers --format json --store "$store" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
cat > "$work/siblings.csv" <<CSV
id,given_name,family_name,date_of_birth,gender,home_postcode,placing_authority,placing_authority_name,school_postcode,first_language,welsh_placement,legal_status,needs,sibling_group,siblings_together,avoid_authorities,avoid_areas,min_miles_from_home,settings,needed_by,status
E2E-S1,Alaw,Prys,2013-04-01,female,CF10 1EP,W06000015,,,english,,care_order,,SIB-E2E,yes,,,,kinship,emergency,needs_placement
E2E-S2,Bryn,Prys,2015-06-01,male,CF10 1EP,W06000015,,,english,,care_order,,SIB-E2E,yes,,,,kinship,emergency,needs_placement
E2E-S3,Cai,Prys,2018-09-01,male,CF10 1EP,W06000015,,,english,,care_order,,SIB-E2E,yes,,,,kinship,emergency,needs_placement
CSV
cat > "$work/carers.csv" <<CSV
id,provider_id,setting,postcode,beds,age_min,age_max,genders,max_sibling_group,capabilities,available_from,takes_emergencies,weekly_fee,last_confirmed_at,status,hold_child_id,hold_officer,hold_expires_at,connected_children,purchase_mode
V-E2E-ONE,$provider,kinship,CF14 3UZ,1,0,17,female;male;other,1,,2026-11-01,yes,400,2026-11-25T08:00:00Z,open,,,,E2E-S1;E2E-S2;E2E-S3,
V-E2E-TWO,$provider,kinship,CF5 1AA,2,0,17,female;male;other,2,,2026-11-01,yes,400,2026-11-25T08:00:00Z,open,,,,E2E-S1;E2E-S2;E2E-S3,
CSV
check "siblings: the three children import" bash -c "'$bin' import children '$work/siblings.csv' --store '$store' >/dev/null"
check "siblings: their carers' two vacancies import" bash -c "'$bin' import vacancies '$work/carers.csv' --store '$store' >/dev/null"
first_home() {
  "$bin" match E2E-S1 --json --store "$store" | python3 -c '
import json, sys
best = json.load(sys.stdin)["arrangements"][0]
sys.exit(0 if [len(p["children"]) for p in best["parts"]] == [2, 1] and best["parts"][0]["candidate"]["vacancyId"] == "V-E2E-TWO" else 1)'
}
check "siblings: match --json offers the two-bed home for two of them first" first_home
start
wait_for "open vacancies" >/dev/null
open_child "E2E-S1"
check "siblings: the child's page opens" wait_for "Placement history"
t send-keys -t e2e m
check "siblings: the screen says no home takes all three" wait_for "No single vacancy takes all 3 siblings"
check "siblings: the first row is the two-bed home for two of them" wait_for "V-E2E-TWO"
check "siblings: the explanation says who is together and who apart" wait_for "Arrangement 1:"
check "siblings: naming the one apart" shows "apart from"
t send-keys -t e2e Escape Escape q
check "siblings: quits cleanly" wait_for DONE

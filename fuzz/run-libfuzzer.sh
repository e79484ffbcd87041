#!/usr/bin/env bash
# Coverage-guided fuzzing of the postcode parser with libFuzzer (swiftc -sanitize=fuzzer; Linux toolchains
# ship it). Not part of CI: CI runs the bounded property-based fuzz tests inside `swift test`.
#   bash fuzz/run-libfuzzer.sh [seconds]      (default 60)
# New interesting inputs are kept in a scratch corpus seeded from fuzz/corpus/postcode-strings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -sanitize=fuzzer,address -parse-as-library -O \
  Sources/PlacementCore/Geography/Postcode.swift Sources/PlacementCore/Geography/PostcodeError.swift \
  fuzz/libfuzzer/PostcodeFuzzer.swift -o "$out/postcode-fuzzer"
mkdir -p "$out/corpus"
n=0
while IFS=$'\t' read -r input _; do
  n=$((n + 1)); printf '%s' "$input" > "$out/corpus/seed-$n"
done < fuzz/corpus/postcode-strings/cases.txt
"$out/postcode-fuzzer" -max_total_time="$seconds" -max_len=64 "$out/corpus"

#!/usr/bin/env bash
# Runs the main commands under valgrind's memcheck and reports the bytes definitely lost for each.
# Usage: tools/leaks.sh   (run by hand; needs `apt-get install valgrind`). Exits 1 if any command leaks.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
swift build -c release >/dev/null || exit 2
bin=.build/release/frontline
out=out/leaks; mkdir -p "$out"
shared=../shared/data/deepstate-ua
a=$(ls $shared/*.geojson 2>/dev/null | head -1); b=$(ls $shared/*.geojson 2>/dev/null | sed -n 2p)
cmds=(
  "inspect Tests/Fixtures/geojson/two-cells.geojson"
  "inspect Tests/Fixtures/bad/ring-3-positions.geojson"
  "validate"
  "locate Barda --date 2020-10-27"
  "control --date 2021-01-01"
  "export --date 2020-10-27 -o $out/export.geojson --force"
  "diff --from 2020-09-27 --to 2020-12-01 --format json -o $out/diff.json --force"
)
[ -n "$a" ] && cmds+=("diff $a $b --format json -o $out/diff-ua.json --force")
[ -f Sources/frontline/MapCommand.swift ] && cmds+=("map --date 2020-10-27 -o $out/map.svg --force")
[ -f Sources/frontline/IngestCommand.swift ] && [ -f ../shared/seed/barda-2020-10-27.txt ] && cmds+=("ingest ../shared/seed/barda-2020-10-27.txt")
[ -f Sources/frontline/EventsCommand.swift ] && cmds+=("events")
fail=0
printf "%-70s %s\n" "command" "definitely lost (bytes)"
for c in "${cmds[@]}"; do
  log="$out/$(echo "$c" | tr ' /' '__' | cut -c1-60).log"
  # shellcheck disable=SC2086
  valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 --log-file="$log" $bin $c >/dev/null 2>&1
  lost=$(grep -oE "definitely lost: [0-9,]+ bytes" "$log" | grep -oE "[0-9,]+" | tr -d , | head -1)
  [ -n "$lost" ] || lost=0
  printf "%-70s %s\n" "$c" "$lost"
  [ "$lost" = 0 ] || fail=1
done
exit $fail

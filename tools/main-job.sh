#!/usr/bin/env bash
# The main job on the bundled dataset, called by `make run`. Usage: tools/main-job.sh BINARY OUTDIR
set -euo pipefail
bin=${1:?binary}; out=${2:?output folder}
mkdir -p "$out"
run() { echo "+ frontline $*" >&2; "$bin" "$@"; }

run validate | tee "$out/validate.txt"
run locate Barda --date 2020-10-27 | tee "$out/locate-barda-2020-10-27.txt"
run control --date 2020-10-27 --format json > "$out/control-2020-10-27.json"
run export --date 2020-10-27 -o "$out/karabakh-2020-10-27.geojson" --force
run diff --from 2020-09-27 --to 2020-12-01 | tee "$out/diff-2020-09-27-2020-12-01.txt"
run diff --from 2020-09-27 --to 2020-12-01 --format geojson -o "$out/diff-2020-09-27-2020-12-01.geojson" --force
run map --date 2020-10-27 -o "$out/map-2020-10-27.svg" --force
run map --from 2020-09-27 --to 2020-12-01 -o "$out/changes-2020-09-27-2020-12-01.svg" --force
if command -v rsvg-convert >/dev/null; then
  rsvg-convert -w 1600 "$out/map-2020-10-27.svg" -o "$out/map-2020-10-27.png"
  rsvg-convert -w 1600 "$out/changes-2020-09-27-2020-12-01.svg" -o "$out/changes-2020-09-27-2020-12-01.png"
fi
run export --date 2020-10-27 -o "$out/karabakh-2020-10-27.gpkg" --force
run timeline --format csv -o "$out/timeline.csv" --force
run chart -o "$out/chart-karabakh.svg" --force
run site -o "$out/site" --force
run events --format csv -o "$out/events.csv" --force
seed="$(dirname "$0")/../../shared/seed/barda-2020-10-27.txt"
if [ -f "$seed" ]; then run ingest "$seed" --format json -o "$out/ingest-barda-2020-10-27.json" --force; fi
echo "results in $out/" >&2

#!/usr/bin/env bash
# Runs the main commands under valgrind's memcheck and reports the bytes definitely lost for each.
# Usage: tools/leaks.sh   (run by hand; needs `apt-get install valgrind`). Exits 1 if any command leaks.
# Under `pg_virtualenv -t tools/leaks.sh` (PG* set, PostGIS installed) the db commands also run against that
# throw-away cluster; otherwise only the refused-server path of db is checked.
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
# Formats (GDAL): a GeoPackage out and in, FlatGeobuf/KML/Shapefile, a timeline of a small .gpkg archive.
cmds+=(
  "export --date 2020-10-27 -o $out/export.gpkg --force"
  "inspect $out/export.gpkg --layer control"
  "convert geodata/control.geojson -o $out/control.fgb --force"
  "convert geodata/control.geojson -o $out/control.kml --force"
  "convert geodata/control.geojson -o $out/control.shp --force"
)
if ls Tests/Fixtures/deepstate/cleaned/deepstatemap_data_2025*.geojson >/dev/null 2>&1; then
  mkdir -p "$out/gpkg-archive"
  for f in Tests/Fixtures/deepstate/cleaned/deepstatemap_data_2025*.geojson; do
    $bin convert "$f" -o "$out/gpkg-archive/$(basename "$f" .geojson).gpkg" --force >/dev/null 2>&1
  done
  cmds+=("timeline $out/gpkg-archive")
fi
[ -f Sources/frontline/SettlementsCommand.swift ] && cmds+=("settlements --from 2020-10-20 --to 2020-11-10 --every 7d"
  "settlements Tests/Fixtures/deepstate/raw --changes --format json")
[ -f Sources/frontline/ChartCommand.swift ] && cmds+=("chart --every 7d -o $out/chart.svg --force")
[ -f Sources/frontline/AnimateCommand.swift ] && cmds+=("animate --from 2020-11-01 --to 2020-11-29 --every 7d --width 480 --height 360 -o $out/animate.svg --force")
[ -f Sources/frontline/SiteCommand.swift ] && cmds+=("site --from 2020-10-20 --to 2020-10-30 -o $out/site --force")
if [ -f Sources/frontline/Join.swift ]; then
  printf 'event_date,latitude,longitude,notes\n2020-10-27,40.37577,47.12619,"Barda, shelling"\n27 October 2020,39.8177,46.7528,y\nbad,1,2,z\n' > "$out/events.csv"
  cmds+=("join $out/events.csv -o $out/joined.csv --force")
fi
if [ -f Sources/frontline/DBCommand.swift ]; then
  cmds+=("db list --db postgresql://u@127.0.0.1:1/x")
  if [ -n "${PGHOST:-}" ] && [ -n "${PGPORT:-}" ]; then
    # Inside pg_virtualenv: an empty URI takes host, port, user, password and database from the PG* variables.
    psql -qc "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>&1
    cmds+=("db init --db postgresql://" "db load --db postgresql://"
      "db load Tests/Fixtures/deepstate/raw --source ds --db postgresql://"
      "db load $out/events.csv --source ev --db postgresql://" "db list --db postgresql://"
      "timeline --db postgresql:// --source ds" "db drop --all --db postgresql://")
  fi
fi
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

#!/usr/bin/env bash
# Fuzzes the GeoJSON reader/writer, the news ingest parser, the event CSV reader, the sides mapping file and the
# DeepState profile applied to a collection with libFuzzer, for a fixed budget per target.
# Usage: tools/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60). Run by hand, not in CI.
# FUZZ_TARGETS="csv sides" runs only those (default: geojson ingest csv sides deepstate).
# Crashes land in out/fuzz/<target>-crashes; each one must become a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
targets=" ${FUZZ_TARGETS:-geojson ingest csv sides deepstate} "
out=out/fuzz
mkdir -p "$out"
wanted() { [[ "$targets" == *" $1 "* ]]; }
# A trap is reported by ASan/libFuzzer (stack and input), not by Swift's backtracer: under ASan the backtracer
# reports a false stack-buffer-underflow, and its helper process outlives the fuzzer, holding the log pipe open.
export SWIFT_BACKTRACE=enable=no

# Seeds the event CSV fuzzer: ACLED, UCDP GED and frontline's own headers, quoted fields, a BOM, CRLF, bad rows.
seed_csv() {
  local d=$1
  printf 'event_date,latitude,longitude,notes\n2020-10-27,40.37577,47.12619,"Barda, shelling ""heavy"""\n27 October 2020,39.8177,46.7528,x\n' > "$d/acled.csv"
  printf '\xef\xbb\xbfdate_start,longitude,latitude,where\r\n2020-10-27 00:00:00.000,47.12,40.37,"multi\r\nline"\r\n2020-10-28T12:00,47.1,40.3,\r\n' > "$d/ucdp-bom-crlf.csv"
  printf 'date,lon,lat\n2020-13-40,200,95\n,,\nbad\n2020-10-27,-1e308,1.5e1\n' > "$d/bad-rows.csv"
  printf 'id,date,lng,lat,status,distance_to_front_km\n1,2020-10-27,47.1,40.3,occupied,1.5\n2,2020-10-28,47.2,40.4\n' > "$d/events.csv"
  printf 'd,lo,la\n2020-01-01,1,2\n' > "$d/given-columns.csv"
  printf 'date,lon,lat\n"2020-10-27,1,2\n' > "$d/unterminated.csv"
  printf 'date,lon,lat\n2020-10-27,1,2,3\n' > "$d/extra-field.csv"
}

# Seeds the sides mapping fuzzer: the fixture, the documented example, a side default, broken members.
seed_sides() {
  local d=$1
  cp -n Tests/Fixtures/deepstate/sides-example.json "$d/" 2>/dev/null || true
  cat > "$d/doc-example.json" <<'JSON'
{"name": "my-source", "property": "name",
 "rules": [{"match": "occupied|ordlo", "side": "occupied"},
           {"equals": "Liberated", "drop": true, "reason": "liberated (Ukrainian-held)"},
           {"match": "karelia", "drop": true, "reason": "satirical", "warn": true}],
 "default": "drop", "labels": {"occupied": "Occupied"}, "credit": "x"}
JSON
  printf '{"property":"side","rules":[{"equals":"occupied","side":"occupied"},{"match":"^(unk)(nown)?$","side":"unknown"}],"default":"ukraine"}' > "$d/default-side.json"
  printf '{"property":"status","rules":[{"equals":"1","side":"a"},{"equals":"true","side":"b"}],"default":"error"}' > "$d/numbers.json"
  printf '{"property":"name","rules":[{"match":"(","side":"x"}]}' > "$d/bad-regex.json"
  printf '{"property":"name","rules":[{"equals":"a","match":"b","side":"X"}],"default":7}' > "$d/bad-members.json"
}

build_and_run() {
  local name=$1; shift
  local bin="$out/$name"
  echo "== building $name" >&2
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz$name" "$@" -o "$bin"
  mkdir -p "$out/$name-corpus" "$out/$name-crashes"
  # Seed corpus: the project's fixtures (good and bad).
  case $name in
    csv) seed_csv "$out/$name-corpus" ;;
    sides) seed_sides "$out/$name-corpus" ;;
    deepstate) cp -n Tests/Fixtures/deepstate/raw/*.geojson Tests/Fixtures/deepstate/raw-old/*.geojson \
                 Tests/Fixtures/deepstate/cleaned/*.geojson Tests/Fixtures/bad/*.geojson "$out/$name-corpus/" 2>/dev/null || true ;;
    *) cp -n Tests/Fixtures/geojson/*.geojson Tests/Fixtures/bad/*.geojson "$out/$name-corpus/" 2>/dev/null || true ;;
  esac
  if [ "$name" = ingest ]; then cp -n Tests/Fixtures/reports/*.txt "$out/$name-corpus/" 2>/dev/null || true; fi
  echo "== fuzzing $name for ${secs}s" >&2
  "$bin" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096 -artifact_prefix="$out/$name-crashes/" \
    "$out/$name-corpus" 2>&1 | tee "$out/$name.log" | grep -E "^#[0-9]+.*(DONE|pulse)|ERROR|crash-" || true
  local execs
  execs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$out/$name.log" | grep -oE "[0-9]+$" || true)
  [ -n "$execs" ] || execs=$(grep -oE "^#[0-9]+" "$out/$name.log" | tail -1 | tr -d '#')
  local crashes
  crashes=$(find "$out/$name-crashes" -type f | wc -l)
  echo "$name: executions $execs, crashes $crashes" | tee -a "$out/summary.txt"
}

: > "$out/summary.txt"
if wanted geojson; then build_and_run geojson Sources/GeoModel/*.swift tools/fuzz/FuzzGeoJSON.swift; fi
# GeoModel once as an instrumented static module, for the harnesses below.
mkdir -p "$out/mod"
swiftc -O -sanitize=fuzzer,address -parse-as-library -emit-module -emit-library -static -module-name GeoModel \
  -emit-module-path "$out/mod/GeoModel.swiftmodule" Sources/GeoModel/*.swift -o "$out/mod/libGeoModel.a"
if wanted ingest || wanted csv || wanted sides || wanted deepstate; then
  # The CSV reader, the side rules and snapshots stand on GEOS/PROJ (GeoOps) and, through VectorFile, GDAL
  # (GeoIO): build those and the whole of FrontlineKit as instrumented static modules, FrontlineKit with
  # -enable-testing so the harnesses reach internal members (`SideRules.parse`, `IncidentCSV.lines`).
  cmods=(-I Sources/CGEOS -I Sources/CPROJ -I Sources/CGDAL)
  swiftc -O -sanitize=fuzzer,address -parse-as-library -emit-module -emit-library -static -module-name GeoOps \
    -I "$out/mod" "${cmods[@]}" -emit-module-path "$out/mod/GeoOps.swiftmodule" Sources/GeoOps/*.swift -o "$out/mod/libGeoOps.a"
  swiftc -O -sanitize=fuzzer,address -parse-as-library -emit-module -emit-library -static -module-name GeoIO \
    -I "$out/mod" "${cmods[@]}" -emit-module-path "$out/mod/GeoIO.swiftmodule" Sources/GeoIO/*.swift -o "$out/mod/libGeoIO.a"
  # shellcheck disable=SC2046
  swiftc -O -sanitize=fuzzer,address -enable-testing -parse-as-library -emit-module -emit-library -static -module-name FrontlineKit \
    -I "$out/mod" "${cmods[@]}" -emit-module-path "$out/mod/FrontlineKit.swiftmodule" \
    $(find Sources/FrontlineKit -name '*.swift' | sort) -o "$out/mod/libFrontlineKit.a"
  kit=(-I "$out/mod" "${cmods[@]}" -L "$out/mod" -lFrontlineKit -lGeoIO -lGeoOps -lGeoModel -lgeos_c -lproj -lgdal)
  # The ingester is its own module over FrontlineKit: its sources are compiled into the harness.
  if wanted ingest; then build_and_run ingest "${kit[@]}" Sources/FrontlineIngest/*.swift tools/fuzz/FuzzIngest.swift; fi
  if wanted csv; then build_and_run csv "${kit[@]}" tools/fuzz/FuzzCSV.swift; fi
  if wanted sides; then build_and_run sides "${kit[@]}" tools/fuzz/FuzzSides.swift; fi
  if wanted deepstate; then build_and_run deepstate "${kit[@]}" tools/fuzz/FuzzDeepState.swift; fi
fi
echo "summary in $out/summary.txt" >&2

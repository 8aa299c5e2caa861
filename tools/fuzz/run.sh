#!/usr/bin/env bash
# Fuzzes the GeoJSON reader/writer (and the news ingest parser when present) with libFuzzer for a fixed budget.
# Usage: tools/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60). Run by hand, not in CI.
# Crashes land in out/fuzz/<target>/crashes; each one must become a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
out=out/fuzz
mkdir -p "$out"

build_and_run() {
  local name=$1; shift
  local bin="$out/$name"
  echo "== building $name" >&2
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz$name" "$@" -o "$bin"
  mkdir -p "$out/$name-corpus" "$out/$name-crashes"
  # Seed corpus: the project's fixtures (good and bad).
  cp -n Tests/Fixtures/geojson/*.geojson Tests/Fixtures/bad/*.geojson "$out/$name-corpus/" 2>/dev/null || true
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
build_and_run geojson Sources/GeoModel/*.swift tools/fuzz/FuzzGeoJSON.swift
# The ingester imports GeoModel: build it once as an instrumented static module.
mkdir -p "$out/mod"
swiftc -O -sanitize=fuzzer,address -parse-as-library -emit-module -emit-library -static -module-name GeoModel \
  -emit-module-path "$out/mod/GeoModel.swiftmodule" Sources/GeoModel/*.swift -o "$out/mod/libGeoModel.a"
# shellcheck disable=SC2046
build_and_run ingest -I "$out/mod" -L "$out/mod" -lGeoModel $(tools/fuzz/ingest-sources.sh) tools/fuzz/FuzzIngest.swift
echo "summary in $out/summary.txt" >&2

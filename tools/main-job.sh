#!/usr/bin/env bash
# The main job on the bundled dataset: called by `make run`. Usage: tools/main-job.sh BINARY OUTDIR
set -euo pipefail
bin=${1:?binary}; out=${2:?output folder}
here=$(cd "$(dirname "$0")/.." && pwd)
"$bin" inspect "$here/geodata/study_area.geojson" | tee "$out/study_area.txt"

#!/usr/bin/env python3
"""Job 6 input: the weekly snapshots in one GeoPackage, as GIS users keep an archive.

Why: frontline reads one file holding many dates as a history (README "Sources": a `date` property per feature,
`--date-property NAME` for another name), so `frontline timeline snapshots.gpkg` must give the same rows as
`frontline timeline SRC_DIR`, and `frontline convert` / ogr2ogr can be timed on the same file.
How: one layer (`snapshots` by default), one feature per source feature (one per snapshot for DeepStateMap
files, whose properties are empty) with a `date` (GPKG DATE, YYYY-MM-DD from the file name) and `file` (the
source file name) field, in EPSG:4326, in date order; written through a temporary GeoJSON with ogr2ogr
(gdal-bin). Deterministic for the same GDAL: gpkg_contents.last_change is pinned (OGR_CURRENT_DATE).
Keep a date out of OUT's name: frontline dates a file whose name holds …YYYYMMDD… by its name, and would read
the whole archive as one snapshot (unless given --date-property date).

usage: gen_gpkg.py [SRC_DIR] OUT.gpkg [--layer NAME]
   e.g. python3 tools/bench/gen_gpkg.py ../shared/data/deepstate-ua out/bench/snapshots.gpkg
        frontline timeline out/bench/snapshots.gpkg --format csv
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXED_DATE = "2000-01-01T00:00:00.000Z"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("args", nargs="+", metavar="[SRC_DIR] OUT.gpkg")
    ap.add_argument("--layer", default="snapshots", help="layer name (default %(default)s)")
    a = ap.parse_args()
    if len(a.args) > 2:
        ap.error("at most SRC_DIR and OUT.gpkg")
    folder = a.args[0] if len(a.args) == 2 else str(ROOT.parent / "shared" / "data" / "deepstate-ua")
    out = a.args[-1]
    if re.search(r"\d{8}|\d{4}-\d{2}-\d{2}", Path(out).name):
        print(f"warning: {Path(out).name} holds a date: frontline will date the whole file by its name "
              "(read it with --date-property date)", file=sys.stderr)
    features = []
    for f in sorted(Path(folder).glob("*.geojson")):
        m = re.search(r"(\d{4})(\d{2})(\d{2})", f.name)
        if not m:
            continue
        for feat in json.loads(f.read_text())["features"]:
            props = dict(feat.get("properties") or {}, date=f"{m[1]}-{m[2]}-{m[3]}", file=f.name)
            features.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    if not features:
        sys.exit(f"{folder}: no …YYYYMMDD….geojson snapshots")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "snapshots.geojson")
        Path(src).write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
        if os.path.exists(out):
            os.remove(out)
        subprocess.run(["ogr2ogr", "--config", "OGR_CURRENT_DATE", FIXED_DATE, "-f", "GPKG", out, src,
                        "-nln", a.layer, "-a_srs", "EPSG:4326"], check=True)
    print(f"{out}: {len(features)} features, {len({f['properties']['date'] for f in features})} dates, "
          f"layer {a.layer}, {os.path.getsize(out) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()

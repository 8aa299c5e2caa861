#!/usr/bin/env python3
"""Job 6 input: the weekly snapshots in one GeoPackage, as GIS users keep an archive.

One layer `snapshots`, one feature per snapshot with its `date` (YYYY-MM-DD) and `file`, in EPSG:4326; frontline
reads it as one file holding many dates (`frontline timeline snapshots.gpkg`). Written through a temporary
GeoJSON with ogr2ogr (gdal-bin). Deterministic for the same GDAL.
usage: gen_gpkg.py SNAPSHOT_DIR OUT.gpkg
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def main(folder, out):
    features = []
    for f in sorted(Path(folder).glob("*.geojson")):
        m = re.search(r"(\d{4})(\d{2})(\d{2})", f.name)
        if not m:
            continue
        for feat in json.loads(f.read_text())["features"]:
            features.append({"type": "Feature", "properties": {"date": f"{m[1]}-{m[2]}-{m[3]}", "file": f.name},
                             "geometry": feat["geometry"]})
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "snapshots.geojson")
        Path(src).write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
        if os.path.exists(out):
            os.remove(out)
        subprocess.run(["ogr2ogr", "-f", "GPKG", out, src, "-nln", "snapshots", "-a_srs", "EPSG:4326"], check=True)
    print(f"{out}: {len(features)} snapshots", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

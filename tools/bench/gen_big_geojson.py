#!/usr/bin/env python3
"""Job 4 input: one GeoJSON file of about 50 MB from the real snapshots.

Every weekly snapshot of ../shared/data/deepstate-ua becomes one feature (its date and file as properties),
densified (shapely.segmentize) so that the whole file is about 50 MB; coordinates keep 9 decimals, a `crs`
member is written as the source files have it. Deterministic.
With COPIES > 1 the features are written that many times over (a `copy` property tells them apart): the same
features at 10x the file size (about 500 MB with 10), to show that memory does not grow with the file.
usage: gen_big_geojson.py SNAPSHOT_DIR OUT.geojson [MAX_SEGMENT_DEGREES [COPIES]]
"""
import json
import re
import sys
from pathlib import Path

import shapely


def main(folder, out, step=0.004, copies=1):
    features = []
    for f in sorted(Path(folder).glob("*.geojson")):
        m = re.search(r"(\d{4})(\d{2})(\d{2})", f.name)
        src = json.loads(f.read_text())
        for feat in src["features"]:
            g = shapely.segmentize(shapely.geometry.shape(feat["geometry"]), float(step))
            features.append({"type": "Feature", "properties": {"date": f"{m[1]}-{m[2]}-{m[3]}", "file": f.name},
                             "geometry": json.loads(shapely.to_geojson(g, indent=None))})
    header = {"type": "FeatureCollection",
              "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}}
    with open(out, "w") as f:
        f.write(json.dumps(header, separators=(",", ":"))[:-1] + ',"features":[')
        first = True
        for k in range(int(copies)):
            for feat in features:
                if int(copies) > 1:
                    feat = dict(feat, properties=dict(feat["properties"], copy=k))
                text = re.sub(r"(\d+\.\d{9})\d+", r"\1", json.dumps(feat, separators=(",", ":")))
                f.write(("" if first else ",") + text)
                first = False
        f.write("]}")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(float(a) for a in sys.argv[3:]))

#!/usr/bin/env python3
"""Job 2 input: two large snapshots (about 120k vertices each) from two real dates 13 weeks apart.

Both dates' outlines are densified with the same maximum segment length (shapely.segmentize), as a finer
digitisation of the same lines would be: edges that did not move stay identical in both files. Deterministic.
usage: gen_large.py SNAPSHOT_DIR OUT_DIR [TARGET_VERTICES]  → OUT_DIR/large_a.geojson, OUT_DIR/large_b.geojson
"""
import json
import sys
from pathlib import Path

import shapely

DATES = ("20250306", "20250607")


def main(folder, out_dir, target=120_000):
    geoms = []
    for d in DATES:
        src = json.loads(next(Path(folder).glob(f"*{d}*.geojson")).read_text())
        geoms.append(shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in src["features"]]))
    length = shapely.length(shapely.boundary(geoms[0]))
    step = float(length / int(target))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for name, d, g in zip(("large_a", "large_b"), DATES, geoms):
        dense = shapely.segmentize(g, step)
        doc = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"date": f"{d[:4]}-{d[4:6]}-{d[6:]}"}, "geometry": json.loads(shapely.to_geojson(dense))}]}
        Path(out_dir, f"{name}.geojson").write_text(json.dumps(doc, separators=(",", ":")))
        print(f"{name}: {d}, {shapely.get_num_coordinates(dense)} vertices", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:]))

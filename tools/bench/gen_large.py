#!/usr/bin/env python3
"""Job 2 input: two large snapshots (about 120k vertices each) from two real dates 13 weeks apart.

Both dates' outlines are densified with the same maximum segment length (shapely.segmentize), as a finer
digitisation of the same lines would be: edges that did not move stay identical in both files. Deterministic.

Also OUT_DIR/large_c.geojson: the second date digitised independently (a 1.37x longer step, every vertex moved by
a deterministic offset under 0.5 m), like the same front drawn by another source: it shares no edge with large_a, so a
diff of large_a and large_c cannot take the shared-edge shortcut (job 2b, the "unrelated outlines" case).
usage: gen_large.py SNAPSHOT_DIR OUT_DIR [TARGET_VERTICES]  → OUT_DIR/large_{a,b,c}.geojson
"""
import numpy
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
    other = shapely.segmentize(geoms[1], step * 1.37)
    # The offset is a function of the position (so a ring's closing vertex moves with its first one).
    other = shapely.transform(other, lambda xy: xy + 4e-6 * numpy.stack([numpy.sin(xy[:, 0] * 1e5 + xy[:, 1] * 7e4), numpy.cos(xy[:, 0] * 8e4 - xy[:, 1] * 1e5)], axis=1))
    other = shapely.make_valid(other)
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"date": f"{DATES[1][:4]}-{DATES[1][4:6]}-{DATES[1][6:]}", "source": "independent"},
         "geometry": json.loads(shapely.to_geojson(other))}]}
    Path(out_dir, "large_c.geojson").write_text(json.dumps(doc, separators=(",", ":")))
    print(f"large_c: {DATES[1]} redrawn, {shapely.get_num_coordinates(other)} vertices", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:]))

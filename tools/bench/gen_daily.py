#!/usr/bin/env python3
"""Job 1b input: a daily archive (one snapshot a day, 700+ days) built from the weekly DeepState snapshots.

Between two weekly snapshots A and B, the pieces that changed hands (B - A gained, A - B lost, split into
polygons) are applied a few at a time, ordered by their centroid's longitude (then latitude): day k of an n-day
interval carries the first round(k / n * m) of the m pieces, so each day differs from the day before only where
the front moved, like a real daily archive. The weekly dates keep their own snapshots exactly. Files are named
and shaped as the source's (deepstatemap_data_YYYYMMDD.geojson, one MultiPolygon feature, the same crs member),
coordinates rounded to 7 decimals. Deterministic.
usage: gen_daily.py SNAPSHOT_DIR OUT_DIR
"""
import datetime
import json
import re
import sys
from pathlib import Path

import shapely


def load(path):
    doc = json.loads(Path(path).read_text())
    geom = shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in doc["features"]])
    return doc, shapely.make_valid(geom)


def write(template, geom, day, out_dir):
    geom = shapely.set_precision(geom, 1e-7)
    polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    mp = shapely.MultiPolygon(polys)
    doc = {k: v for k, v in template.items() if k != "features"}
    feature = dict(template["features"][0])
    feature["geometry"] = json.loads(shapely.to_geojson(mp))
    doc["features"] = [feature]
    Path(out_dir, f"deepstatemap_data_{day:%Y%m%d}.geojson").write_text(json.dumps(doc, separators=(",", ":")))


def main(folder, out_dir):
    files = sorted(f for f in Path(folder).glob("*.geojson") if re.search(r"\d{8}", f.name))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    days = 0
    prev = None
    for f in files:
        d = datetime.datetime.strptime(re.search(r"(\d{8})", f.name)[1], "%Y%m%d").date()
        doc, geom = load(f)
        if prev is not None:
            pdoc, pgeom, pday = prev
            n = (d - pday).days
            pieces = [(p, +1) for p in shapely.get_parts(shapely.difference(geom, pgeom))] + \
                     [(p, -1) for p in shapely.get_parts(shapely.difference(pgeom, geom))]
            pieces = [(p, s) for p, s in pieces if p.geom_type == "Polygon" and p.area > 0]
            pieces.sort(key=lambda ps: (round(ps[0].centroid.x, 9), round(ps[0].centroid.y, 9)))
            for k in range(1, n):
                take = round(k / n * len(pieces))
                g = pgeom
                gained = [p for p, s in pieces[:take] if s > 0]
                lost = [p for p, s in pieces[:take] if s < 0]
                if gained:
                    g = shapely.union_all([g] + gained)
                if lost:
                    g = shapely.difference(g, shapely.union_all(lost))
                write(pdoc, shapely.make_valid(g), pday + datetime.timedelta(days=k), out_dir)
                days += 1
        # The weekly snapshot itself, byte for byte.
        Path(out_dir, f.name).write_bytes(f.read_bytes())
        days += 1
        prev = (doc, geom, d)
    print(f"{out_dir}: {days} daily snapshots", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

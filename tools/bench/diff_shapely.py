#!/usr/bin/env python3
"""Job 2 alternative: `frontline diff A.geojson B.geojson` with shapely 2 + pyproj.

Reads both files, repairs invalid polygons, dissolves, snaps to a 1 m grid, then A - B and B - A, each piece
measured on the WGS84 ellipsoid, pieces thinner than 30 m or smaller than 0.005 km2 dropped as slivers.
usage: diff_shapely.py A.geojson B.geojson
"""
import json
import sys

import shapely
from pyproj import Geod

GEOD = Geod(ellps="WGS84")


def load(path):
    with open(path) as f:
        doc = json.load(f)
    geoms = shapely.from_geojson(json.dumps(doc))
    parts = shapely.get_parts(geoms)
    bad = ~shapely.is_valid(parts)
    if bad.any():
        parts[bad] = shapely.make_valid(parts[bad])
    return shapely.set_precision(shapely.union_all(parts), 1 / 111_320.0)


def kept_km2(g):
    kept = dropped = 0.0
    for piece in shapely.get_parts(g):
        if piece.geom_type != "Polygon":
            continue
        a, p = GEOD.geometry_area_perimeter(piece)
        km2 = abs(a) / 1e6
        if km2 < 0.005 or (2 * km2 * 1e6 / p if p > 0 else 0) < 30:
            dropped += km2
        else:
            kept += km2
    return kept, dropped


def main(pa, pb):
    a, b = load(pa), load(pb)
    lost, dl = kept_km2(shapely.difference(a, b))
    gained, dg = kept_km2(shapely.difference(b, a))
    print(json.dumps({"gained_km2": round(gained, 2), "lost_km2": round(lost, 2), "dropped_sliver_km2": round(dl + dg, 4)}))


if __name__ == "__main__":
    main(*sys.argv[1:3])

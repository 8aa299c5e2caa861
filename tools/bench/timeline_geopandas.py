#!/usr/bin/env python3
"""Job 1 alternative: `frontline timeline DIR --format csv` written with geopandas + shapely 2 + pyproj.

Does what frontline does, the way a geopandas user would: read each snapshot, repair invalid polygons,
dissolve, snap to a 1 m grid, then per consecutive pair the pieces gained (B - A) and lost (A - B), each
measured on the WGS84 ellipsoid, with pieces thinner than 30 m or smaller than 0.005 km2 dropped as slivers.
Streams: two snapshots in memory at a time.
"""
import re
import sys
from pathlib import Path

import geopandas as gpd
import shapely
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
GRID_DEG = 1 / 111_320.0
SLIVER_M, MIN_KM2 = 30.0, 0.005


def load(path):
    df = gpd.read_file(path)
    geoms = df.geometry.values
    bad = ~shapely.is_valid(geoms)
    if bad.any():
        geoms[bad] = shapely.make_valid(geoms[bad])
    return shapely.set_precision(shapely.union_all(geoms), GRID_DEG)


def area_km2(g):
    return abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6


def kept_km2(g):
    kept = dropped = 0.0
    for piece in shapely.get_parts(g):
        if piece.geom_type != "Polygon":
            continue
        a, p = GEOD.geometry_area_perimeter(piece)
        km2 = abs(a) / 1e6
        width = 2 * km2 * 1e6 / p if p > 0 else 0
        if km2 < MIN_KM2 or width < SLIVER_M:
            dropped += km2
        else:
            kept += km2
    return kept, dropped


def main(folder):
    files = []
    for f in sorted(Path(folder).glob("*.geojson")):
        m = re.search(r"(\d{4})(\d{2})(\d{2})", f.name)
        if m:
            files.append((f"{m[1]}-{m[2]}-{m[3]}", f))
    files.sort()
    out = ["date,file,side,area_km2,gained_km2,lost_km2,net_km2,dropped_sliver_km2"]
    prev = None
    for date, f in files:
        cur = load(f)
        row = f"{date},{f.name},occupied,{area_km2(cur):.3f}"
        if prev is None:
            out.append(row + ",,,,")
        else:
            gained, dg = kept_km2(shapely.difference(cur, prev))
            lost, dl = kept_km2(shapely.difference(prev, cur))
            out.append(row + f",{gained:.3f},{lost:.3f},{gained - lost:.3f},{dg + dl:.3f}")
        prev = cur
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Independent check of `frontline`'s distance to the front: shapely + pyproj on an exported front line.

usage: crosscheck_front_distance.py EXPORT.geojson LAT LON
Reads the `front` features of a `frontline export`, densifies them in lon/lat (GeoJSON edges are straight in
lon/lat), projects them to an azimuthal equidistant projection centred on the point, takes the nearest point with
shapely and measures the geodesic from the point to it with pyproj.Geod (WGS84). Prints km and the tool versions.
"""
import json
import sys

import pyproj
import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points


def main() -> None:
    path, lat, lon = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    front = shapely.unary_union([shape(x["geometry"]) for x in features if x["properties"].get("layer") == "front"])
    aeqd = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    fwd = pyproj.Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    inv = pyproj.Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True)
    projected = shapely.transform(shapely.segmentize(front, 0.002), lambda xy: list(zip(*fwd.transform(xy[:, 0], xy[:, 1]))))
    _, nearest = nearest_points(Point(0, 0), projected)
    nlon, nlat = inv.transform(nearest.x, nearest.y)
    _, _, metres = pyproj.Geod(ellps="WGS84").inv(lon, lat, nlon, nlat)
    print(json.dumps({"distance_km": metres / 1000, "shapely": shapely.__version__, "pyproj": pyproj.__version__,
                      "proj": pyproj.proj_version_str}))


if __name__ == "__main__":
    main()

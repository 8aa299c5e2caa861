#!/usr/bin/env python3
"""Write the synthetic DeepStateMap-shaped fixtures under Tests/Fixtures/deepstate/.

    python3 tools/make_deepstate_fixtures.py            # (re)write the fixtures
    python3 tools/make_deepstate_fixtures.py --check    # regenerate in memory, compare with the files on disk

DeepStateMap publishes no licence, so nothing here comes from a real DeepState file: every polygon is a
rough made-up shape (a handful of vertices) in the SHAPE of the real exports, with their quirks. See
Tests/Fixtures/deepstate/README.md for the files and the quirks they carry.

Expected values (expected.json) are computed here with shapely (overlay in the longitude/latitude plane,
as GEOS does) and pyproj (Geod(ellps="WGS84"), Karney's geodesic polygon area of the result). The shapes are
designed so that no overlay creates a vertex that is not already an input vertex, except on meridian edges
(which are geodesics): the expected areas then do not depend on how an implementation splits edges. The
script asserts this, and asserts that the rules of sides-example.json put every feature on its intended side.

Output is deterministic (no clock, no randomness, sorted where order is not meaningful): a rerun gives
byte-identical files. Needs: pip install shapely pyproj.
Exit status: 0 written (or up to date with --check), 1 --check found differences or an assertion failed.
"""
import argparse
import calendar
import datetime as dt
import json
import os
import re
import sys

from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "deepstate")
GEOD = Geod(ellps="WGS84")
NBSP = "\u00a0"

# ---------------------------------------------------------------------------------------------------------
# Made-up shapes (lon, lat). No three consecutive vertices are collinear.

# Occupied A; its west edge is the meridian 37.0 E (C cuts it there).
A = [(37.00, 47.60), (37.55, 47.52), (38.00, 47.58), (38.05, 48.22), (37.48, 48.30), (37.00, 48.18)]
# Occupied B shares the edge (38.00 47.58)-(38.05 48.22) with A (adjacent, no overlap).
B = [(38.00, 47.58), (38.45, 47.50), (38.82, 47.62), (38.80, 48.18), (38.40, 48.26), (38.05, 48.22)]
# Occupied C overlaps A by the triangle (37.00 47.95) (37.12 48.02) (37.00 48.10): two of C's vertices lie on
# A's meridian edge, the third inside A.
C = [(36.60, 47.90), (37.00, 47.95), (37.12, 48.02), (37.00, 48.10), (36.62, 48.35), (36.40, 48.12)]
OVERLAP_AC = [(37.00, 47.95), (37.12, 48.02), (37.00, 48.10)]
# Occupied E; between the two weeks its north edge moves north (a gain).
E1 = [(34.80, 46.60), (35.40, 46.55), (35.90, 46.70), (35.85, 47.05), (35.30, 47.12), (34.85, 46.98)]
E2 = [(34.80, 46.60), (35.40, 46.55), (35.90, 46.70), (35.86, 47.10), (35.31, 47.18), (34.85, 46.98)]
# Occupied F; between the two weeks it shrinks (a loss): two vertices move inward, three stay.
F1 = [(37.60, 49.55), (37.95, 49.50), (38.10, 49.80), (37.85, 50.02), (37.55, 49.88)]
F2 = [(37.60, 49.55), (37.95, 49.50), (38.00, 49.72), (37.80, 49.85), (37.55, 49.88)]
# Occupied, written as a GeometryCollection: two polygons and a point.
GC_P1 = [(32.90, 46.45), (33.40, 46.40), (33.70, 46.62), (33.30, 46.75), (32.95, 46.68)]
GC_P2 = [(33.45, 46.78), (33.55, 46.77), (33.57, 46.82), (33.47, 46.84)]
GC_PT = (33.20, 46.55)
ORDLO = [(38.95, 47.70), (39.60, 47.55), (40.10, 47.95), (39.90, 48.70), (39.30, 48.85), (38.90, 48.35)]
CRIMEA = [(32.50, 45.35), (33.40, 44.60), (34.20, 44.45), (35.10, 44.80), (35.60, 45.05), (36.45, 45.30),
          (36.10, 45.50), (35.50, 45.45), (35.00, 45.70), (34.80, 46.05), (34.00, 46.15), (33.60, 46.10),
          (33.20, 45.90), (32.80, 45.60)]
TUZLA = [(36.52, 45.21), (36.60, 45.215), (36.64, 45.23), (36.58, 45.235)]
UNKNOWN = [(38.30, 49.10), (38.70, 49.05), (38.85, 49.30), (38.50, 49.42), (38.25, 49.30)]
LIB1 = [(32.30, 46.75), (32.85, 46.70), (33.20, 47.00), (32.70, 47.25), (32.25, 47.05)]
LIB2 = [(36.90, 49.05), (37.40, 49.00), (37.50, 49.35), (37.10, 49.45), (36.80, 49.30)]

RADII = (1.0, 0.8, 1.1, 0.9, 1.05, 0.85)
COS60 = (1.0, 0.5, -0.5, -1.0, -0.5, 0.5)
SIN60 = (0.0, 0.866025, 0.866025, 0.0, -0.866025, -0.866025)


def blob(cx, cy, r):
    """An irregular hexagon around (cx, cy), r degrees across, counter-clockwise."""
    return [(round(cx + r * RADII[i] * COS60[i], 6), round(cy + r * RADII[i] * SIN60[i] * 0.6, 6))
            for i in range(6)]


# Satirical polygons far outside the theatre (key, uk, en, centre, size). Names are made up.
SATIRICAL = [
    ("transnistria", "Придністров'я", "Transnistria", (29.40, 47.20), 0.30),
    ("abkhazia", "Абхазія", "Abkhazia", (41.00, 43.10), 0.35),
    ("tskhinvali-district", "Цхінвальський район", "Tskhinvali district", (44.00, 42.30), 0.25),
    ("prussia", "Тимчасово окупована Пруссія", "Temporarily occupied Prussia", (21.00, 54.70), 0.50),
    ("karelia", "Тимчасово окупована Карелія", "Temporarily occupied Karelia", (33.00, 63.00), 1.20),
    ("ichkeria", "Ічкерія", "Ichkeria", (45.70, 43.30), 0.40),
    ("kuril", "Курильські острови", "Kuril Islands", (147.00, 45.00), 0.50),
    ("petsamo", "Петсамо", "Petsamo", (31.00, 69.50), 0.40),
    ("salla", "Салла", "Salla", (29.50, 66.80), 0.40),
    ("estonia", "Естонія", "Estonia", (28.20, 59.30), 0.15),
    ("latvia", "Латвія", "Latvia", (27.90, 57.10), 0.15),
    ("pechorsky-district", "Печорський район", "Pechorsky district", (27.70, 57.80), 0.20),
]

POINTS = [  # (key, uk, en, lon, lat)
    ("geoJSON.icons.ship", "Корабель", "Ship", 32.00, 45.00),
    ("geoJSON.icons.ship", "Корабель", "Ship", 36.60, 46.30),
    ("geoJSON.icons.airport", "Аеродром", "Airfield", 33.60, 44.70),
    ("geoJSON.icons.airport", "Аеродром", "Airfield", 39.25, 48.45),
    ("geoJSON.icons.direction_of_attack", "Напрямок атаки", "Direction of attack", 37.30, 48.40),
    ("geoJSON.icons.direction_of_attack", "Напрямок атаки", "Direction of attack", 38.20, 48.35),
    ("geoJSON.icons.direction_of_attack", "Напрямок атаки", "Direction of attack", 35.60, 47.25),
    ("geoJSON.icons.explosion", "Вибух", "Explosion", 36.25, 49.99),
    ("geoJSON.icons.headquarters", "Штаб", "Headquarters", 37.80, 47.90),
    ("geoJSON.icons.flag", "Прапор", "Flag", 38.10, 49.00),
]

OCC_STYLE = {"fill": "#a52714", "fill-opacity": 0.25, "stroke": "#a52714", "stroke-width": 1.2, "stroke-opacity": 1}
UNK_STYLE = {"fill": "#bdbdbd", "fill-opacity": 0.4, "stroke": "#757575", "stroke-width": 1.2, "stroke-opacity": 1}
LIB_STYLE = {"fill": "#0f9d58", "fill-opacity": 0.2, "stroke": "#0f9d58", "stroke-width": 1.2, "stroke-opacity": 1}
SAT_STYLE = {"fill": "#a52714", "fill-opacity": 0.1, "stroke": "#a52714", "stroke-width": 0.5, "stroke-opacity": 1}


# ---------------------------------------------------------------------------------------------------------
# GeoJSON building

def ring3(pts):
    """A closed ring of [lon, lat, 0] positions (DeepState writes z = 0), counter-clockwise."""
    p = orient(Polygon(pts), 1.0)
    return [[x, y, 0] for x, y in p.exterior.coords]


def poly3(pts):
    return {"type": "Polygon", "coordinates": [ring3(pts)]}


def feature(name, geometry, style=None, description=None, extra=None):
    props = {"name": name}
    if description is not None:
        props["description"] = description
    if style:
        props.update(style)
    if extra:
        props.update(extra)
    return {"type": "Feature", "properties": props, "geometry": geometry}


def point_features():
    out = []
    for i, (key, uk, en, x, y) in enumerate(POINTS):
        sep = " /// " if i % 3 else NBSP + "///" + NBSP
        name = uk + sep + en + sep + key + ("\n" if i % 4 == 1 else "")
        out.append(feature(name, {"type": "Point", "coordinates": [x, y, 0]},
                           extra={"marker-color": "#880e4f"} if i % 2 else None))
    return out


def satirical_features():
    out = []
    for i, (key, uk, en, (cx, cy), r) in enumerate(SATIRICAL):
        name = uk + " /// " + en + " /// geoJSON.territories." + key
        if i % 3 == 2:
            name = name.replace(" /// ", "///")
        if i % 4 == 1:
            name += "\n"
        out.append(feature(name, poly3(blob(cx, cy, r)), SAT_STYLE, description="" if i % 2 else None))
    return out


def raw_features(week):
    """The features of the raw 2025 files; week 1 or 2 (E and F change)."""
    e, f = (E1, F1) if week == 1 else (E2, F2)
    occ = "Окуповано /// Occupied /// geoJSON.status.occupied"
    feats = [
        # (feature, intended side, label for the report)
        (feature("Окуповано" + NBSP + "///" + NBSP + "Occupied" + NBSP + "///" + NBSP + "geoJSON.status.occupied",
                 poly3(A), OCC_STYLE, description=""), "occupied", "A"),
        (feature("Окуповано///Occupied///geoJSON.status.occupied", poly3(B), OCC_STYLE), "occupied", "B"),
        (feature(occ + "\n", poly3(C), OCC_STYLE, description="Оновлено / Updated"), "occupied", "C"),
        (feature("Окуповано" + NBSP + "/// Occupied ///geoJSON.status.occupied\n\n", poly3(e), OCC_STYLE), "occupied", "E"),
        (feature(occ, poly3(f), OCC_STYLE, description=None), "occupied", "F"),
        (feature(occ + "\n", {"type": "GeometryCollection", "geometries": [
            poly3(GC_P1), poly3(GC_P2), {"type": "Point", "coordinates": [GC_PT[0], GC_PT[1], 0]}]},
            OCC_STYLE), "occupied", "GC"),
        (feature("ОРДЛО /// ORDLO /// geoJSON.territories.ordlo", poly3(ORDLO), OCC_STYLE, description=""),
         "occupied", "ORDLO"),
        (feature("Крим" + NBSP + "/// Crimea /// geoJSON.territories.crimea\n", poly3(CRIMEA), OCC_STYLE),
         "occupied", "Crimea"),
        (feature("Тузла /// Tuzla /// geoJSON.territories.tuzla", poly3(TUZLA), OCC_STYLE), "occupied", "Tuzla"),
        (feature("Під питанням /// Unknown status /// geoJSON.status.unknown\n", poly3(UNKNOWN), UNK_STYLE,
                 description=""), "unknown", "unknown"),
        (feature("Звільнено /// Liberated /// geoJSON.status.dismissed", poly3(LIB1), LIB_STYLE), "liberated", "lib1"),
        (feature("Звільнено///Liberated///geoJSON.status.dismissed.2022\n", poly3(LIB2), LIB_STYLE,
                 description=""), "liberated", "lib2"),
    ]
    feats += [(p, "annotation", "point") for p in point_features()]
    feats += [(s, "drop", "satirical") for s in satirical_features()]
    # Interleave deterministically, as the real files mix classes: areas, then points, then satirical, but week 2
    # lists the satirical polygons first and the points last.
    if week == 2:
        sats = [t for t in feats if t[1] == "drop"]
        rest = [t for t in feats if t[1] != "drop"]
        feats = sats + rest
    return feats


# The 2022-style file: no geoJSON key, "uk /// en" or Ukrainian only.
OLD_OCC1 = [(36.20, 47.40), (36.90, 47.30), (37.40, 47.70), (37.20, 48.30), (36.60, 48.40), (36.10, 47.90)]
OLD_OCC2 = [(37.60, 47.50), (38.40, 47.45), (38.60, 48.00), (38.20, 48.50), (37.70, 48.30)]
OLD_ORDLO = [(38.80, 47.60), (39.70, 47.50), (40.10, 48.00), (39.80, 48.80), (39.00, 48.70)]
OLD_CRIMEA = [(32.60, 45.40), (33.50, 44.60), (35.20, 44.85), (36.40, 45.30), (35.00, 45.75), (33.90, 46.10)]
OLD_GC1 = [(33.60, 46.50), (34.60, 46.40), (35.20, 46.80), (34.50, 47.10), (33.80, 46.90)]
OLD_GC2 = [(35.40, 46.60), (35.90, 46.65), (35.80, 46.95), (35.45, 46.90)]
OLD_GC_PT = (34.40, 46.70)
OLD_LIB1 = [(36.50, 49.30), (37.20, 49.20), (37.50, 49.60), (37.00, 49.90), (36.40, 49.70)]
OLD_LIB2 = [(32.20, 46.70), (32.80, 46.65), (33.10, 47.00), (32.50, 47.20)]
OLD_UNK = [(38.10, 49.00), (38.60, 48.95), (38.70, 49.25), (38.20, 49.30)]


def old_features():
    feats = [
        (feature("Окуповано /// Occupied", poly3(OLD_OCC1), OCC_STYLE, description=""), "occupied", "occ1"),
        (feature("Окуповано\n", poly3(OLD_OCC2), OCC_STYLE), "occupied", "occ2"),
        (feature("ОРДЛО", poly3(OLD_ORDLO), OCC_STYLE), "occupied", "ORDLO"),
        (feature("Крим /// Crimea", poly3(OLD_CRIMEA), OCC_STYLE), "occupied", "Crimea"),
        (feature("Окуповано", {"type": "GeometryCollection", "geometries": [
            poly3(OLD_GC1), {"type": "Point", "coordinates": [OLD_GC_PT[0], OLD_GC_PT[1], 0]}, poly3(OLD_GC2)]},
            OCC_STYLE), "occupied", "GC"),
        (feature("Звільнено /// Liberated", poly3(OLD_LIB1), LIB_STYLE), "liberated", "lib1"),
        (feature("Звільнено", poly3(OLD_LIB2), LIB_STYLE, description=""), "liberated", "lib2"),
        (feature("Під питанням", poly3(OLD_UNK), UNK_STYLE), "unknown", "unknown"),
        (feature("Напрямок атаки /// Direction of attack", {"type": "Point", "coordinates": [37.50, 48.45, 0]}),
         "annotation", "point"),
        (feature("Корабель", {"type": "Point", "coordinates": [31.90, 45.10, 0]}), "annotation", "point"),
        (feature("Аеродром /// Airfield", {"type": "Point", "coordinates": [33.60, 44.70, 0]}), "annotation", "point"),
    ]
    return feats


# ---------------------------------------------------------------------------------------------------------
# Side mapping (the example file, and a Python reading of it used to check the fixtures)

SIDES_EXAMPLE = {
    "property": "name",
    "rules": [
        {"match": "geoJSON\\.territories\\.(ordlo|crimea|tuzla)\\b", "side": "occupied"},
        {"match": "geoJSON\\.territories\\.", "drop": True, "reason": "satirical"},
        {"match": "geoJSON\\.status\\.occupied\\b", "side": "occupied"},
        {"match": "geoJSON\\.status\\.unknown\\b", "side": "unknown"},
        {"match": "geoJSON\\.status\\.dismissed", "side": "liberated"},
        {"match": "geoJSON\\.", "drop": True, "reason": "unknown key"},
        {"match": "^[\\s\\u00A0]*(Окуповано|ОРДЛО|Крим)", "side": "occupied"},
        {"match": "^[\\s\\u00A0]*Звільнено", "side": "liberated"},
        {"equals": "Під питанням", "side": "unknown"},
    ],
    "default": "drop",
    "points": "annotations",
}


def classify(props, rules=SIDES_EXAMPLE):
    """Returns (side or None, drop reason or None) for a non-point feature."""
    value = props.get(rules["property"])
    if isinstance(value, str):
        for rule in rules["rules"]:
            if "match" in rule:
                hit = re.search(rule["match"], value) is not None
            else:
                hit = value == rule["equals"]
            if hit:
                return (None, rule.get("reason", "rule")) if rule.get("drop") else (rule["side"], None)
    if rules["default"] == "drop":
        return None, "default"
    return rules["default"], None


# ---------------------------------------------------------------------------------------------------------
# Measures

def km2(geom):
    """Geodesic area on WGS84 in km² of a (multi)polygon; holes subtracted."""
    if geom.is_empty:
        return 0.0
    polys = [geom] if geom.geom_type == "Polygon" else list(geom.geoms)
    total = 0.0
    for p in polys:
        if p.geom_type != "Polygon":
            continue
        a, _ = GEOD.geometry_area_perimeter(orient(p, 1.0))
        total += a
    return total / 1e6


def r3(x):
    return round(x + 0.0, 3) + 0.0


def polygons_of(geometry):
    """Shapely 2D polygons of a GeoJSON geometry (GeometryCollection: its polygon members; points ignored)."""
    if geometry["type"] == "GeometryCollection":
        out = []
        for g in geometry["geometries"]:
            out += polygons_of(g)
        return out
    if geometry["type"] in ("Polygon", "MultiPolygon"):
        g = shape({"type": geometry["type"], "coordinates": strip_z(geometry["coordinates"])})
        assert g.is_valid, geometry
        return [g]
    return []


def strip_z(c):
    if isinstance(c[0], (int, float)):
        return c[:2]
    return [strip_z(x) for x in c]


def vertices(geom):
    out = set()
    polys = [geom] if geom.geom_type == "Polygon" else list(geom.geoms)
    for p in polys:
        for ring in [p.exterior] + list(p.interiors):
            out |= {(round(x, 9), round(y, 9)) for x, y in ring.coords}
    return out


def assert_no_new_vertices(result, inputs, what):
    """Every vertex of an overlay result is an input vertex (or lies on an input meridian edge)."""
    known = set()
    meridians = []
    for g in inputs:
        known |= vertices(g)
        polys = [g] if g.geom_type == "Polygon" else list(g.geoms)
        for p in polys:
            cs = list(p.exterior.coords)
            for (x1, y1), (x2, y2) in zip(cs, cs[1:]):
                if x1 == x2:
                    meridians.append((x1, min(y1, y2), max(y1, y2)))
    if result.is_empty:
        return
    for v in vertices(result):
        if v in known:
            continue
        if any(abs(v[0] - m[0]) < 1e-12 and m[1] <= v[1] <= m[2] for m in meridians):
            continue
        raise AssertionError(f"{what}: overlay created vertex {v}")


def analyse(features_with_intent, name):
    """Per-side unions and areas for one raw file; checks the example rules against the intended sides."""
    sides = {"occupied": [], "unknown": [], "liberated": []}
    dropped, points, gc_points, gcs = [], 0, 0, 0
    for f, intent, label in features_with_intent:
        g = f["geometry"]
        if g["type"] == "Point":
            assert intent == "annotation", (name, label)
            points += 1
            continue
        if g["type"] == "GeometryCollection":
            gcs += 1
            gc_points += sum(1 for m in g["geometries"] if m["type"] == "Point")
        side, reason = classify(f["properties"])
        if intent == "drop":
            assert side is None and reason == "satirical", (name, label, f["properties"]["name"])
            key = re.search(r"geoJSON\.territories\.([A-Za-z0-9._-]+)", f["properties"]["name"]).group(1)
            dropped.append(key)
            continue
        assert side == intent, (name, label, side, reason, f["properties"]["name"])
        sides[side] += polygons_of(g)
    unions = {}
    for side, polys in sides.items():
        u = unary_union(polys)
        assert_no_new_vertices(u, polys, f"{name} {side} union")
        unions[side] = u
    for s1 in sides:  # sides do not overlap one another in these fixtures
        for s2 in sides:
            if s1 < s2:
                assert unions[s1].intersection(unions[s2]).area == 0, (name, s1, s2)
    occ_sum = sum(km2(p) for p in sides["occupied"])
    return {
        "unions": unions,
        "areas_km2": {s: r3(km2(u)) for s, u in unions.items()},
        "occupied_sum_of_features_km2": r3(occ_sum),
        "occupied_overlap_km2": r3(occ_sum - km2(unions["occupied"])),
        "polygon_features": {s: n for s, n in
                             ((s, sum(1 for _, i, _ in features_with_intent if i == s)) for s in sides)},
        "dropped_satirical": sorted(dropped),
        "points": points,
        "points_in_geometry_collections": gc_points,
        "geometry_collections": gcs,
        "features": len(features_with_intent),
    }


# ---------------------------------------------------------------------------------------------------------
# Writers

def compact(obj, ascii_only=False):
    return json.dumps(obj, ensure_ascii=ascii_only, separators=(",", ":")) + "\n"


def fmt_num(x):
    return repr(float(round(x, 6)))


def gdal_coords(c):
    if isinstance(c[0], (int, float)):
        return "[ " + ", ".join(fmt_num(v) for v in c) + " ]"
    return "[ " + ", ".join(gdal_coords(x) for x in c) + " ]"


def gdal_props(props):
    if not props:
        return "{ }"
    return "{ " + ", ".join(json.dumps(k) + ": " + json.dumps(v, ensure_ascii=False) for k, v in props.items()) + " }"


def gdal_collection(layer_name, features):
    """GeoJSON laid out as GDAL's GeoJSON driver writes it (the cleaned files are written by GDAL/pyogrio)."""
    lines = ["{", '"type": "FeatureCollection",', f'"name": "{layer_name}",',
             '"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },',
             '"features": [']
    body = []
    for props, geom in features:
        body.append('{ "type": "Feature", "properties": ' + gdal_props(props) + ', "geometry": { "type": "'
                    + geom["type"] + '", "coordinates": ' + gdal_coords(geom["coordinates"]) + " } }")
    lines.append(",\n".join(body))
    lines += ["]", "}"]
    return "\n".join(lines) + "\n"


def mp2(polys):
    """A 2D MultiPolygon dict (exterior counter-clockwise, holes clockwise) of shapely polygons."""
    coords = []
    for p in polys:
        p = orient(p, 1.0)
        coords.append([[[x, y] for x, y in p.exterior.coords]] +
                      [[[x, y] for x, y in r.coords] for r in p.interiors])
    return {"type": "MultiPolygon", "coordinates": coords}


def epoch(y, m, d, hh, mm, ss):
    return calendar.timegm((y, m, d, hh, mm, ss, 0, 0, 0))


def iso(ep):
    return dt.datetime.fromtimestamp(ep, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# Cleaned weekly files: one MultiPolygon of three parts (the front, with a hole; a peninsula; an island).
CLEAN_DATES = ["20250706", "20250713", "20250720", "20250730"]  # 7, 7 and 10 days apart


def clean_polys(i):
    front = [(34.60, 46.50), (35.80, 46.45), (37.20, 46.90), (38.30, 47.10), (39.60, 47.40), (40.20, 48.10),
             (39.90, 49.20), (38.70, 49.60), (38.00, 49.10), (37.40, 48.60 + 0.03 * i), (36.50, 48.00),
             (35.40, 47.60 + (0.04 if i >= 2 else 0.0)), (34.70, 47.10)]
    hole = [(37.80, 47.60), (38.10, 47.62), (38.05, 47.85 - 0.02 * i), (37.85, 47.80)]
    peninsula = [(32.50, 45.40), (33.40, 44.55), (35.20, 44.80), (36.50, 45.30), (35.10, 45.75), (33.80, 46.10)]
    island = [(31.60, 46.48), (31.75, 46.47), (31.72, 46.55)]
    polys = [Polygon(front, [hole]), Polygon(peninsula)]
    if i != 1:  # the island is missing in the second week (a part disappears and comes back)
        polys.append(Polygon(island))
    for p in polys:
        assert p.is_valid
    return polys


# Single-file archive (cyterat's deepstate-map-data.geojson layout): one feature per date, properties id, date.
ARCHIVE_DATES = ["2025-07-01", "2025-07-02", "2025-07-03", "2025-07-04", "2025-07-06", "2025-07-07"]  # no 07-05


def archive_polys(i):
    front = [(35.00, 46.60), (37.00, 46.90), (39.50, 47.40), (40.00, 48.50), (38.80, 49.40),
             (37.60 - 0.02 * i, 48.70 + 0.01 * i), (36.30, 48.00), (35.20, 47.40)]
    peninsula = [(32.50, 45.40), (33.40, 44.55), (35.20, 44.80), (36.50, 45.30), (35.10, 45.75), (33.80, 46.10)]
    return [Polygon(front), Polygon(peninsula)]


# ---------------------------------------------------------------------------------------------------------

def build():
    files = {}
    expected = {
        "about": "Computed by tools/make_deepstate_fixtures.py. Areas: geodesic on WGS84 (pyproj Geod, Karney), km², "
                 "3 decimals, of the union of each side's polygons (overlay in the lon/lat plane; the shapes are built "
                 "so that no overlay adds a vertex off a meridian edge). Sides per sides-example.json: occupied = "
                 "status.occupied + territories.ordlo/crimea/tuzla; unknown = status.unknown; liberated = "
                 "status.dismissed*. Points are annotations, never areas. Dates are the UTC date of the epoch id in the "
                 "file name (raw) or the date in the name (cleaned).",
        "sides_file": "sides-example.json",
        "files": {},
    }

    # Raw 2025 files.
    id1 = epoch(2025, 8, 3, 19, 58, 25)
    id2 = id1 + 7 * 86400
    assert id1 == 1754251105 and id2 == 1754855905
    results = {}
    for week, ep in ((1, id1), (2, id2)):
        feats = raw_features(week)
        fc = {"type": "FeatureCollection", "features": [f for f, _, _ in feats]}
        path = f"raw/{ep}.geojson"
        if week == 1:
            files[path] = compact({"id": ep, "datetime": iso(ep), "map": fc})
        else:
            files[path] = compact(fc, ascii_only=True)  # \u escapes for the Cyrillic and the NBSPs
        res = analyse(feats, path)
        results[week] = res
        entry = {
            "form": "history/last wrapper {id, datetime, map}" if week == 1 else "bare FeatureCollection, \\u-escaped",
            "id": ep,
            "date": iso(ep)[:10],
            "datetime": iso(ep),
        }
        entry.update({k: v for k, v in res.items() if k != "unions"})
        expected["files"][path] = entry

    # The designed overlap, gain and loss, checked against the overlay.
    occ1, occ2 = results[1]["unions"]["occupied"], results[2]["unions"]["occupied"]
    overlap = Polygon(A).intersection(Polygon(C))
    assert overlap.equals(Polygon(OVERLAP_AC)), overlap
    assert abs(km2(overlap) - km2(Polygon(OVERLAP_AC))) < 1e-9
    for w in (1, 2):
        assert abs(results[w]["occupied_overlap_km2"] - r3(km2(Polygon(OVERLAP_AC)))) <= 0.001
    gained, lost = occ2.difference(occ1), occ1.difference(occ2)
    assert_no_new_vertices(gained, [occ1, occ2], "gain")
    assert_no_new_vertices(lost, [occ1, occ2], "loss")
    assert gained.equals(Polygon(E2).difference(Polygon(E1))) and lost.equals(Polygon(F1).difference(Polygon(F2)))
    assert abs(km2(gained) - (km2(Polygon(E2)) - km2(Polygon(E1)))) < 1e-6
    assert abs(km2(lost) - (km2(Polygon(F1)) - km2(Polygon(F2)))) < 1e-6
    expected["changes"] = [{
        "from": "raw/1754251105.geojson", "to": "raw/1754855905.geojson",
        "from_date": iso(id1)[:10], "to_date": iso(id2)[:10],
        "side": "occupied",
        "gained_km2": r3(km2(gained)),
        "lost_km2": r3(km2(lost)),
        "net_km2": r3(km2(occ2) - km2(occ1)),
        "gained_where": "the north edge of the polygon near 35.3-35.9E 47.1N moves north",
        "lost_where": "the polygon near 37.5-38.1E 49.5-50.0N shrinks (two vertices move inward)",
    }]
    expected["occupied_overlap"] = {
        "km2": r3(km2(Polygon(OVERLAP_AC))),
        "ring": [list(p) for p in OVERLAP_AC],
        "note": "the only overlap inside a class: the triangle where the polygon near 36.4-37.1E 47.9-48.35N "
                "crosses the meridian-37E edge of its neighbour; the two polygons near 38E 47.6-48.2N are adjacent "
                "(one shared edge, no overlap)",
    }

    # Raw 2022-style file.
    ep_old = epoch(2022, 11, 20, 17, 30, 0)
    path = f"raw-old/{ep_old}.geojson"
    feats = old_features()
    files[path] = compact({"type": "FeatureCollection", "features": [f for f, _, _ in feats]})
    res = analyse(feats, path)
    entry = {"form": "bare FeatureCollection, 2022 style (no geoJSON key)", "id": ep_old, "date": iso(ep_old)[:10],
             "datetime": iso(ep_old)}
    entry.update({k: v for k, v in res.items() if k != "unions"})
    expected["files"][path] = entry

    # Cleaned weekly files.
    prev_date, prev_area = None, None
    for i, d in enumerate(CLEAN_DATES):
        polys = clean_polys(i)
        path = f"cleaned/deepstatemap_data_{d}.geojson"
        files[path] = gdal_collection(f"deepstatemap_data_{d}", [({}, mp2(polys))])
        u = unary_union(polys)
        assert_no_new_vertices(u, polys, path)
        day = dt.date(int(d[:4]), int(d[4:6]), int(d[6:]))
        area = km2(u)
        entry = {"form": "cleaned (cyterat): one feature, MultiPolygon, no properties", "date": day.isoformat(),
                 "areas_km2": {"occupied": r3(area)}, "parts": len(polys),
                 "holes": sum(len(p.interiors) for p in polys), "points": 0, "dropped_satirical": []}
        if prev_date is not None:
            entry["days_since_previous"] = (day - prev_date).days
            entry["occupied_change_km2"] = r3(area - prev_area)
        expected["files"][path] = entry
        prev_date, prev_area = day, area

    # Single-file archive.
    arch = []
    arch_expected = []
    for i, d in enumerate(ARCHIVE_DATES):
        polys = archive_polys(i)
        arch.append(({"id": i, "date": d}, mp2(polys)))
        arch_expected.append({"id": i, "date": d, "occupied_km2": r3(km2(unary_union(polys)))})
    path = "cleaned/single-file-archive.geojson"
    files[path] = gdal_collection("deepstate-map-data", arch)
    expected["files"][path] = {
        "form": "single-file archive (cyterat deepstate-map-data.geojson, uncompressed): one MultiPolygon "
                "feature per date, properties id and date (YYYY-MM-DD)",
        "dates": ARCHIVE_DATES, "missing_dates": ["2025-07-05"], "snapshots": arch_expected,
        "points": 0, "dropped_satirical": [],
    }

    files["sides-example.json"] = json.dumps(SIDES_EXAMPLE, ensure_ascii=False, indent=2) + "\n"
    files["expected.json"] = json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = ap.parse_args()
    files = build()
    if args.check:
        bad = 0
        for rel, text in sorted(files.items()):
            p = os.path.join(OUT, rel)
            if not os.path.exists(p) or open(p, "rb").read() != text.encode("utf-8"):
                print(f"differs: {rel}", file=sys.stderr)
                bad += 1
        print(f"{len(files) - bad} of {len(files)} files up to date")
        return 1 if bad else 0
    for rel, text in sorted(files.items()):
        p = os.path.join(OUT, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as fh:
            fh.write(text.encode("utf-8"))
        print(f"wrote {os.path.relpath(p, ROOT)} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

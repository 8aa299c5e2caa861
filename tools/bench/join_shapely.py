#!/usr/bin/env python3
"""Job 3 alternative: `frontline join INCIDENTS.csv` with pandas + shapely 2 (contains_xy per dated state).

Reads the dated states (gen_states.py), groups the incidents by the last state dated on or before them, and
per state and side tests the group's points with shapely.contains_xy on a prepared union. Writes the CSV with
a side column appended, like frontline.
usage: join_shapely.py STATES.geojson INCIDENTS.csv OUT.csv
"""
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

SIDES = ["azerbaijan", "armenian"]


def main(states_path, incidents_path, out):
    states = gpd.read_file(states_path)
    states["date"] = pd.to_datetime(states["date"]).dt.strftime("%Y-%m-%d")
    dates = sorted(states["date"].unique())
    df = pd.read_csv(incidents_path, dtype={"id": str, "date": str})
    state_of = np.searchsorted(np.array(dates), df["date"].to_numpy(), side="right") - 1
    side = np.full(len(df), "", dtype=object)
    x, y = df["lon"].to_numpy(), df["lat"].to_numpy()
    for s, d in enumerate(dates):
        rows = np.nonzero(state_of == s)[0]
        if len(rows) == 0:
            continue
        todo = np.ones(len(rows), dtype=bool)
        for name in SIDES:
            geoms = states.geometry[(states["date"] == d) & (states["side"] == name)].values
            if len(geoms) == 0:
                continue
            area = shapely.union_all(geoms)
            shapely.prepare(area)
            hit = todo & shapely.contains_xy(area, x[rows], y[rows])
            side[rows[hit]] = name
            todo &= ~hit
    df["side"] = side
    df.to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])

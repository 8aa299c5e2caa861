#!/usr/bin/env bash
# PostGIS at archive scale: load time, database size and query times for the weekly archive and for a generated
# archive ten times as long, against the file path. Run by hand inside a throw-away cluster:
#   pg_virtualenv -t tools/bench/pg_scale.sh [ARCHIVE_DIR]
# The 10x archive repeats each weekly snapshot on ten consecutive days (symlinks, names …YYYYMMDD…), so
# consecutive states are often equal — loads and per-date queries scale with it; diffs are cheaper than real ones.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/release/frontline
src=${1:-../shared/data/deepstate-ua}
[ -x "$bin" ] || { echo "build first: swift build -c release" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
big="$work/x10"; mkdir -p "$big"
python3 - "$src" "$big" <<'PY'
import os, sys, datetime, glob
src, dst = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(src, "*.geojson")))
day = datetime.date(2020, 1, 1)
for f in files:
    for k in range(10):
        os.symlink(os.path.abspath(f), os.path.join(dst, "deepstatemap_data_%s.geojson" % day.strftime("%Y%m%d")))
        day += datetime.timedelta(days=1)
print(f"{len(files)} weekly files -> {len(files) * 10} daily snapshots", file=sys.stderr)
PY
t() { local s=$(date +%s.%N); "$@" > "$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; echo "$(echo "$(date +%s.%N) - $s" | bc)"; }
db=""
$bin db init --db "$db" >/dev/null 2>&1
printf "%-44s %10s\n" "step" "seconds"
for name in weekly x10; do
  dir=$src; [ $name = x10 ] && dir=$big
  n=$(ls "$dir" | grep -c geojson)
  printf "%-44s %10s\n" "load $name ($n snapshots)" "$(t $bin db load "$dir" --source $name --db "$db")"
  printf "%-44s %10s\n" "load $name again (all unchanged)" "$(t $bin db load "$dir" --source $name --db "$db")"
  printf "%-44s %10s\n" "timeline --db $name" "$(t $bin timeline --db "$db" --source $name)"
  cp "$work/out" "$work/db.csv"
  printf "%-44s %10s\n" "timeline files $name" "$(t $bin timeline "$dir")"
  python3 - "$work/db.csv" "$work/out" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1]))); b = list(csv.reader(open(sys.argv[2])))
assert len(a) == len(b), (len(a), len(b))
worst = max((abs(float(x[k]) - float(y[k])) for x, y in zip(a[1:], b[1:]) for k in range(3, 7) if x[k] and y[k]), default=0)
print(f"{'  timeline db vs files: rows':44s} {len(a) - 1:>10d}\n{'  largest difference, km2':44s} {worst:>10.4f}")
PY
  first=$(ls "$dir" | grep geojson | sort | head -1 | grep -oE '[0-9]{8}' | sed -E 's/(....)(..)(..)/\1-\2-\3/')
  last=$(ls "$dir" | grep geojson | sort | tail -1 | grep -oE '[0-9]{8}' | sed -E 's/(....)(..)(..)/\1-\2-\3/')
  printf "%-44s %10s\n" "locate --db $name (last date)" "$(t $bin locate 48.0,37.8 --date "$last" --db "$db" --source $name)"
  printf "%-44s %10s\n" "diff --db $name first→last" "$(t $bin diff --db "$db" --source $name --from "$first" --to "$last")"
done
psql -X -At -c "SELECT 'database size, MB', round(pg_database_size(current_database()) / 1048576.0, 1)" | tr '|' ' '
psql -X -At -c "SELECT 'snapshots table with indexes, MB', round(pg_total_relation_size('snapshots') / 1048576.0, 1)" | tr '|' ' '
# A million-row event join inside the database, against the same join from the files.
python3 - "$work/events.csv" <<'PY'
import random, sys, datetime
random.seed(7)
with open(sys.argv[1], "w") as f:
    f.write("event_date,latitude,longitude\n")
    for i in range(1000000):
        d = datetime.date(2024, 7, 8) + datetime.timedelta(days=random.randrange(770))
        f.write(f"{d},{random.uniform(46.0, 50.5):.5f},{random.uniform(33.0, 40.0):.5f}\n")
PY
printf "%-44s %10s\n" "join 1M rows --db weekly" "$(t $bin join "$work/events.csv" --db "$db" --source weekly -o "$work/j-db.csv")"
printf "%-44s %10s\n" "join 1M rows files weekly" "$(t $bin join "$work/events.csv" --snapshots "$src" -o "$work/j-files.csv")"
python3 - "$work/j-db.csv" "$work/j-files.csv" <<'PY'
import csv, sys
a = csv.reader(open(sys.argv[1])); b = csv.reader(open(sys.argv[2])); next(a); next(b)
n = same = 0; worst = 0.0
for x, y in zip(a, b):
    n += 1
    if x[-4] == y[-4] and x[-1] == y[-1]: same += 1
    if x[-2] and y[-2]: worst = max(worst, abs(float(x[-2]) - float(y[-2])))
print(f"{'  join db vs files: rows, same side+as_of':44s} {n:>10d} {same}\n{'  largest distance difference, km':44s} {worst:>10.4f}")
PY

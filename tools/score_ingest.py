#!/usr/bin/env python3
"""Strict per-field accuracy of `frontline ingest` on the real-report corpus (Tests/Fixtures/reports-real).

Each expected incident is matched to the extracted incident with the same place (case- and accent-folded), else the
one at the same position in the list; every field is then compared exactly: place, date, killed best (total over
civilian/military/unknown), wounded best, claimant (the speaker part after "Country: ", case-folded, contained
either way), attacker. Extra extracted incidents count against the "no phantom incidents" line. Control-claim
places are compared as sets per report.

usage: tools/score_ingest.py [BINARY]   (default .build/release/frontline; run from the repository)
"""
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "Tests/Fixtures/reports-real"


def fold(s):
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return "".join(c for c in s if c.isalnum())


def best(groups):
    if not groups:
        return None
    vals = [g["best"] for g in groups.values() if g and g.get("best") is not None]
    return sum(vals) if vals else None


def speaker(c):
    c = (c or "").split(":", 1)[-1]
    return fold(c)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/release/frontline")
    fields = ["place", "date", "killed", "wounded", "claimant", "attacker"]
    right = {f: 0 for f in fields}
    total = 0
    phantoms = 0
    claims_right = claims_total = 0
    for exp_path in sorted(CORPUS.glob("*.expected.json")):
        exp = json.loads(exp_path.read_text())
        txt = exp_path.with_name(exp_path.name.replace(".expected.json", ".txt"))
        text = "\n".join(l for l in txt.read_text().splitlines() if not l.startswith("# "))
        args = [binary, "ingest", "-", "--format", "json"]
        if exp.get("report_date_source") == "given" and exp.get("report_date"):
            args += ["--report-date", exp["report_date"]]
        r = subprocess.run(args, input=text, capture_output=True, text=True, cwd=ROOT)
        got = json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else {"incidents": []}
        gi = got.get("incidents", [])
        used = set()
        for k, e in enumerate(exp.get("incidents", [])):
            total += 1
            match = None
            for j, g in enumerate(gi):
                if j not in used and g.get("place") and fold(g["place"]["name"]) == fold(e.get("place")):
                    match = j
                    break
            if match is None and k < len(gi) and k not in used:
                match = k
            if match is None:
                continue
            used.add(match)
            g = gi[match]
            right["place"] += bool(g.get("place")) and fold(g["place"]["name"]) == fold(e.get("place"))
            right["date"] += g.get("date") == e.get("date")
            right["killed"] += best(g.get("killed")) == best(e.get("killed"))
            right["wounded"] += best(g.get("wounded")) == best(e.get("wounded"))
            se, sg = speaker(e.get("claimant")), speaker(g.get("claimant"))
            right["claimant"] += bool(se) and bool(sg) and (se in sg or sg in se) or (not se and not sg)
            right["attacker"] += g.get("attacker") == e.get("attacker")
        phantoms += max(0, len(gi) - len(used))
        ec = {fold(p) for c in exp.get("control_claims", []) for p in c.get("places", [])}
        gc = {fold(p.get("name") if isinstance(p, dict) else p) for c in got.get("control_claims", []) for p in c.get("places", [])}
        if ec or gc:
            claims_total += 1
            claims_right += ec == gc
    print(f"reports: {len(list(CORPUS.glob('*.expected.json')))}, expected incidents: {total}")
    for f in fields:
        print(f"{f:10s} {right[f]:3d}/{total}  {100 * right[f] / max(total, 1):5.1f} %")
    print(f"phantom incidents (extracted, matching none): {phantoms}")
    print(f"control-claim places, reports exactly right: {claims_right}/{claims_total}")


if __name__ == "__main__":
    main()

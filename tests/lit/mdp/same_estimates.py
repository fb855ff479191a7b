"""Two `omen run --format json` outputs have bit-identical estimates (the engines agree).

usage: same_estimates.py A.json B.json"""
import json
import sys


def estimates(path):
    run = json.load(open(path))
    return [(r["label"], r.get("estimate")) for s in run["scenarios"] for r in s["reports"]]


a, b = estimates(sys.argv[1]), estimates(sys.argv[2])
assert a == b, (a, b)
assert a, "no reports"
print(a)

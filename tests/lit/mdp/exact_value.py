"""A report of `omen run --engine exact --format json` equals a closed form.

usage: exact_value.py RUN.json LABEL EXPECTED TOLERANCE"""
import json
import sys

run = json.load(open(sys.argv[1]))
label, expected, tolerance = sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
values = [r["value"] for s in run["scenarios"] for r in s["reports"] if r["label"] == label]
assert len(values) == 1, f"{len(values)} reports labelled {label!r}"
assert abs(values[0] - expected) <= tolerance, f"{label}: {values[0]!r}, expected {expected!r} ± {tolerance}"
print(f"{label}: {values[0]!r} (expected {expected!r})")

"""Checks `omen sensitivity --format json` against analytic Sobol' indices.

usage: check_indices.py TOL NAME=S1,ST ... < result.json
Each NAME's first-order and total index must be within TOL of the given values.
"""
import json
import sys

result = json.load(sys.stdin)
tol = float(sys.argv[1])
indices = {i["input"]: i for i in result["sobol"]["indices"]}
bad = []
for arg in sys.argv[2:]:
    name, values = arg.split("=")
    s1, st = (float(v) for v in values.split(","))
    got = indices[name]
    for key, want in (("S1", s1), ("ST", st)):
        if abs(got[key] - want) > tol:
            bad.append(f"{name} {key} = {got[key]:.4f}, analytic {want:.4f}")
        print(f"{name} {key} {got[key]:.4f} analytic {want:.4f} half-width {got[key + '_conf']:.4f}")
if bad:
    sys.exit("not within %g: %s" % (tol, "; ".join(bad)))
print("ok")

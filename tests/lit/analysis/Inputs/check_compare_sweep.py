"""A sweep of a comparison against its closed form, point by point.

usage: omen sweep … --format json | check_compare_sweep.py
The sides audit for 10 and for 5 steps (catch probability q per step), so on common random
numbers P_A - P_B = (1-q)^5 - (1-q)^10 exactly in expectation. Every point's paired
difference must lie within 5 standard errors of it, and its standard error must be below the
unpaired one, sqrt(se_A^2 + se_B^2) (what two independent runs would give).
"""
import json
import math
import sys

sweep = json.load(sys.stdin)
points = within = narrower = 0
worst_z = 0.0
for point in sweep["points"]:
    q = point["at"]["q"]
    for d in point["differences"]:
        if d["label"] != "P(caught)":
            continue
        points += 1
        exact = (1 - q) ** 5 - (1 - q) ** 10
        z = abs(d["difference"] - exact) / d["stderr"]
        worst_z = max(worst_z, z)
        within += z < 5
        unpaired = math.hypot(d["a"]["stderr"], d["b"]["stderr"])
        narrower += d["stderr"] < unpaired
        print("q=%.6g difference %.5f exact %.5f z %.2f se %.5f unpaired %.5f" %
              (q, d["difference"], exact, z, d["stderr"], unpaired), file=sys.stderr)
print("points %d, within 5 se %d, narrower than unpaired %d" % (points, within, narrower))
sys.exit(0 if points and within == points and narrower == points else 1)

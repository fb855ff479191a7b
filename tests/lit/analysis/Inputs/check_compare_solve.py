"""A solve of a comparison against its closed form.

usage: omen solve FILE --find q --where "P(caught) = 0.2" (a comparison of 10 and 5 audit
steps) --format json | check_compare_solve.py
P_10 - P_5 = y - y^2 with y = (1-q)^5 reaches 0.2 at y = (1 + sqrt(0.2)) / 2, q = 1 - y^(1/5)
= 0.0626527 (the other root lies outside the bracket). The 95% interval must contain it.
"""
import json
import sys

solve = json.load(sys.stdin)
exact = 1 - ((1 + 0.2 ** 0.5) / 2) ** 0.2
low, high = solve["ci95"]
inside = low <= exact <= high
print("root %.5f [%.5f, %.5f], exact %.5f: %s" % (solve["root"], low, high, exact, "inside" if inside else "OUTSIDE"))
sys.exit(0 if inside else 1)

"""Checks the tornado of Inputs/tornado.omen against its closed form.

P(catastrophe | p, q) = 1 − (1 − p q)^n, n = 10 in [5, 15], p ~ beta(2, 8), q ~ uniform(0.5, 1).
With q drawn: E_q (1 − p q)^n = ((1 − p/2)^(n+1) − (1 − p)^(n+1)) / (p (n + 1) / 2).
With p drawn: E_p (1 − p q)^n = sum_k C(n, k) (−q)^k E p^k, E p^k = prod_{r<k} (2 + r)/(10 + r).
With both drawn: E (1 − p q)^n = sum_k C(n, k) (−1)^k E p^k E q^k.
Each swing (at the printed low and high) must be within 5 standard errors of the exact one.
"""
import json
import math
import sys

n = 10
result = json.load(sys.stdin)


def given_p(p):  # q ~ uniform(0.5, 1) integrated out
    return 1 - ((1 - p / 2) ** (n + 1) - (1 - p) ** (n + 1)) / (p * (n + 1) / 2)


def moment(k):
    out = 1.0
    for r in range(k):
        out *= (2 + r) / (10 + r)
    return out


def given_q(q):  # p ~ beta(2, 8) integrated out
    return 1 - sum(math.comb(n, k) * (-q) ** k * moment(k) for k in range(n + 1))


def q_moment(k):  # E q^k, q ~ uniform(0.5, 1)
    return (1 - 0.5 ** (k + 1)) / ((k + 1) * 0.5)


def given_n(m):  # p and q integrated out, m steps
    m = int(m)
    return 1 - sum(math.comb(m, k) * (-1) ** k * moment(k) * q_moment(k) for k in range(m + 1))


exact = {"p": given_p, "q": given_q, "n": given_n}
bars = {b["param"]: b for b in result["tornado"]}
assert set(bars) == {"p", "q", "n"}, bars.keys()
assert (bars["n"]["low"], bars["n"]["high"]) == (5, 15) and bars["n"]["low_from"] == "range"
bad = []
for name, f in exact.items():
    b = bars[name]
    want = f(b["high"]) - f(b["low"])
    z = abs(b["swing"] - want) / b["stderr"]
    print(f"{name}: low {b['low']:.4f} high {b['high']:.4f} swing {b['swing']:.5f} exact {want:.5f} "
          f"se {b['stderr']:.5f} |z| {z:.2f}")
    if not z < 5:
        bad.append(name)
# The uniform's 5% and 95% quantiles are 0.525 and 0.975.
assert abs(bars["q"]["low"] - 0.525) < 0.005 and abs(bars["q"]["high"] - 0.975) < 0.005
# Ranked by the size of the swing.
swings = [abs(b["swing"]) for b in result["tornado"]]
assert swings == sorted(swings, reverse=True), swings
assert [s["param"] for s in result["not_varied"]] == ["unused"]
if bad:
    sys.exit("swings off by more than 5 standard errors: " + ", ".join(bad))
print("ok")

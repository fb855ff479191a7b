#!/usr/bin/env python3
"""--precision / --rel-precision in sweep, solve and compare: every point and side meets it.

usage: check_precision_analyses.py OMEN

The closed forms of check_precision.py, on scenario `ranged` of known_variance.omen, where
P(hit) at p has variance p(1 - p) per trial. A precision-targeted analysis stops at the
first block boundary where every point (every side) meets every target, so the point with
the largest n* = v / d^2 decides:
  sweep p = 0.1, 0.3, 0.5, --precision 0.002:      n* = 0.25 / 0.002^2        = 62,500 (p = 0.5)
  sweep p = 0.1, 0.3, 0.5, --rel-precision 1%:     n* = 0.9 / (0.1 * 0.01^2)  = 90,000 (p = 0.1)
  solve p for hit = 30%, --precision 0.002:        the scan over [0.1, 0.9] holds 0.5: 62,500,
                                                   then every x runs that many trials
  compare p = 0.2 vs 0.5, --precision 0.002:       n* = 62,500 (side B)
Each must stop within one block of n*, at a block boundary, every point or side marked met
with its standard error at most the target, and every estimate within 5 se of p.
"""
import json
import math
import os
import subprocess
import sys

from checks import BLOCK, block_starts, check, finish

OMEN = sys.argv[1]
FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "known_variance.omen")
BOUNDARIES = block_starts(10 ** 6)


def omen(*args):
    out = subprocess.run([OMEN] + list(args) + ["--format", "json"], capture_output=True, text=True, timeout=300)
    check(" ".join(args) + ": runs", out.returncode == 0, out.stderr)
    return json.loads(out.stdout) if out.returncode == 0 else None


def near(n, predicted):
    return n in BOUNDARIES and abs(n - predicted) < BLOCK


for flag, target, predicted, bound in [("--precision", "0.002", 0.25 / 0.002 ** 2, lambda p: 0.002),
                                       ("--rel-precision", "1%", 0.9 / (0.1 * 0.01 ** 2), lambda p: 0.01 * p)]:
    doc = omen("sweep", FILE, "--scenario", "ranged", "--vary", "p=0.1:0.5:3", flag, target)
    if not doc:
        continue
    n = doc["trials_completed"]
    check(f"sweep {flag} {target}: stopped at {n} trials, predicted {predicted:.0f} (within one block)",
          near(n, predicted) and not doc["partial"])
    for point in doc["points"]:
        p = point["at"]["p"]
        r = point["reports"][0]
        check(f"sweep {flag} {target} at p = {p}: met, se {r['stderr']:.5f} <= {bound(p):.5f}, "
              f"estimate {r['estimate']:.4f} within 5 se of {p}",
              point["precision"]["met"] and r["stderr"] <= bound(p) * (1 + 1e-9)
              and abs(r["estimate"] - p) < 5 * r["stderr"], json.dumps(point))

doc = omen("solve", FILE, "--scenario", "ranged", "--find", "p", "--where", "hit = 30%", "--precision", "0.002")
if doc:
    n = doc["trials"]
    se = math.sqrt(0.21 / n)
    check(f"solve --precision 0.002: the scan stopped at {n} trials, predicted 62500 (within one block)",
          near(n, 62500) and doc["precision"]["met"], json.dumps(doc))
    check(f"solve --precision 0.002: root {doc['root']:.4f} within 5 se ({5 * se:.4f}) of 0.3, "
          f"its interval [{doc['ci95'][0]:.4f}, {doc['ci95'][1]:.4f}] holds 0.3",
          abs(doc["root"] - 0.3) < 5 * se and doc["ci95"][0] <= 0.3 <= doc["ci95"][1])

doc = omen("compare", FILE, "ranged", "ranged", "--set-a", "p=0.2", "--set-b", "p=0.5", "--precision", "0.002")
if doc:
    sides = doc["scenarios"]
    n = sides[0]["precision"]["trials"]
    check(f"compare --precision 0.002: stopped at {n} trials, predicted 62500 (within one block)",
          near(n, 62500), json.dumps(doc)[:2000])
    for side, p in zip(sides, (0.2, 0.5)):
        r = side["reports"][0]
        check(f"compare --precision 0.002, side p = {p}: met, se {r['stderr']:.5f} <= 0.002, "
              f"estimate {r['estimate']:.4f} within 5 se of {p}",
              side["precision"]["met"] and r["stderr"] <= 0.002 and abs(r["estimate"] - p) < 5 * r["stderr"],
              json.dumps(side))
    d = doc["comparisons"][0]["difference"]
    check(f"compare: difference {d['estimate']:.4f} within 5 se of -0.3",
          abs(d["estimate"] + 0.3) < 5 * d["stderr"], json.dumps(d))

# Analyses that cannot honour a target refuse it (exit 2), never ignore it.
for args in (["sensitivity", FILE, "--scenario", "ranged"], ["worst", FILE, "--over", "p", "--maximize", "hit"]):
    out = subprocess.run([OMEN] + args + ["--precision", "0.01"], capture_output=True, text=True, timeout=60)
    check(f"{args[0]} --precision: a usage error", out.returncode == 2 and "--precision" in out.stderr, out.stderr)
finish("analysis precision")

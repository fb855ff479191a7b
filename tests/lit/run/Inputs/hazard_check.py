"""Checks a hazard run against its closed forms and against the same scenario run every step.

Usage: hazard_check.py OMEN FILE Q TRIALS. FILE holds `jumping` and `stepping` (Inputs/hazard.omen);
with a hazard q per step over 1,000 steps, the event's step is Geometric(q) on 0, 1, … cut at
1,000: P(strike) = 1 - (1 - q)^1000, P(time < k) = 1 - (1 - q)^k, and `end` counts its step,
so E(t) = sum_{k<1000} (1 - q)^k = (1 - (1 - q)^1000) / q. Every estimate must lie within 5
standard errors of its closed form, and the jumping run within 5 combined standard errors of
the stepping one.
"""
import json
import math
import subprocess
import sys

omen, path, q, trials = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
survive = lambda k: math.exp(k * math.log1p(-q))
truth = {"P(strike)": 1 - survive(1000), "before 100": 1 - survive(100), "before 300": 1 - survive(300),
         "before 600": 1 - survive(600), "E(t)": (1 - survive(1000)) / q}


def run(scenario):
    out = subprocess.run([omen, "run", path, "--scenario", scenario, "--trials", trials, "--set", f"q={q}",
                          "--format", "json"], capture_output=True, text=True, check=True).stdout
    return {r["label"]: r for r in json.loads(out)["scenarios"][0]["reports"]}


jumping, stepping = run("jumping"), run("stepping")
problems = []
for label, value in truth.items():
    for name, side in (("jumping", jumping), ("stepping", stepping)):
        r = side[label]
        if abs(r["estimate"] - value) > 5 * r["stderr"]:
            problems.append(f"{name} {label}: {r['estimate']} ± {r['stderr']}, closed form {value}")
    a, b = jumping[label], stepping[label]
    if abs(a["estimate"] - b["estimate"]) > 5 * math.hypot(a["stderr"], b["stderr"]):
        problems.append(f"{label}: jumping {a['estimate']} ± {a['stderr']}, stepping {b['estimate']} ± {b['stderr']}")
if problems:
    sys.exit("\n".join(problems))
print(f"hazard {q}: {len(truth)} reports within 5 se of their closed forms and of every step")

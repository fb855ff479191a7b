"""`omen run --engine exact --worlds N --format json` of a scenario whose report is P(one
bernoulli(p) draw) with p epistemic: every world's P is its own p exactly, and the pooled
value lies within 5 standard errors (of the W worlds) of the prior's mean.

usage: check_worlds.py RUN.json PARAM PRIOR_MEAN"""
import json
import sys

run = json.load(open(sys.argv[1]))
param, mean = sys.argv[2], float(sys.argv[3])
assert run["engine"] == "exact" and run["trials_per_world"] == 0, run
scenario = run["scenarios"][0]
report = scenario["reports"][0]
ps = scenario["epistemic"][param]
assert len(ps) == run["worlds"] == len(report["values"]), (len(ps), run["worlds"])
worst = max(abs(v - p) for v, p in zip(report["values"], ps))
assert worst <= 1e-15, f"a world's P is not its p: off by {worst}"
assert report["inner_variance"] == 0, report["inner_variance"]
pooled = report["pooled"]
gap = abs(pooled["estimate"] - mean) / pooled["stderr"]
assert gap <= 5, f"pooled {pooled['estimate']} is {gap:.1f} se from {mean}"
print(f"{len(ps)} worlds, each P = its p (largest gap {worst}); pooled {pooled['estimate']:.5f} ± "
      f"{pooled['stderr']:.5f}, {gap:.2f} se from {mean}")

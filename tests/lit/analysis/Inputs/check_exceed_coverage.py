"""The share of worlds above a threshold, with its interval, against the closed form.

usage: check_exceed_coverage.py OMEN TWO_LEVEL.omen
two_level.omen: p ~ beta(2, 8) per world, P(catastrophe | p) = 1 - (1 - p)^10. The share of
worlds whose true value exceeds 0.5 is P(p > p*), p* = 1 - 0.5^(1/10), and for Beta(2, 8)
P(p > x) = (1 - x)^9 + 9x(1 - x)^8 (the binomial sum of I_x(2, 8)). Over 200 seeds of 200
worlds x 2,000 trials the 95% interval of the share must cover it in 93-97% of runs, and
with 10 trials per world the run must warn that the inner trials are too few.
"""
import json
import subprocess
import sys

omen, scenario = sys.argv[1], sys.argv[2]
x = 1 - 0.5 ** 0.1
exact = (1 - x) ** 9 + 9 * x * (1 - x) ** 8
covered, warned = 0, 0
runs = 200
for seed in range(1, runs + 1):
    out = subprocess.run([omen, "run", scenario, "--worlds", "200", "--trials", "2000", "--exceed", "50%",
                          "--seed", str(seed), "--format", "json"], capture_output=True, text=True, check=True)
    e = json.loads(out.stdout)["scenarios"][0]["reports"][0]["exceed"][0]
    covered += e["ci_low"] <= exact <= e["ci_high"]
    warned += e["too_noisy"]
share = covered / runs
print("exact share %.4f; covered in %d of %d runs (%.1f%%): %s" % (exact, covered, runs, 100 * share,
                                                                    "ok" if 0.93 <= share <= 0.97 else "FAILED"))
print("warned at 2000 trials per world: %d of %d runs" % (warned, runs))
noisy = subprocess.run([omen, "run", scenario, "--worlds", "200", "--trials", "10", "--exceed", "50%"],
                       capture_output=True, text=True, check=True).stdout
print("10 trials per world:", "warned" if "warning: catastrophe P(> 0.5): too few trials per world" in noisy
      else "NOT warned")

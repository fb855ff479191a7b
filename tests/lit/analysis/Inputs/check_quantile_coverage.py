"""The quantiles across worlds, with their intervals, against the closed form.

usage: check_quantile_coverage.py OMEN EPISTEMIC_BETA.omen
epistemic_beta.omen: each world's estimate is its own draw of p ~ Beta(2, 8), whose CDF is
F(x) = 1 - (1 - x)^9 - 9x(1 - x)^8 (the binomial sum of I_x(2, 8)); its quantiles are found by
bisection. The 95% interval of the p-quantile of n = 100 worlds is the order statistics of
1-based ranks l = floor(np - z s), u = ceil(np + z s) (s = sqrt(np(1 - p)), within [1, n]);
it covers the true quantile exactly when l <= K <= u - 1 for K ~ Binomial(n, p) the worlds
below it, which gives its exact coverage (at least 95%: the ranks are rounded outwards).
Over 200 seeds each level must cover the exact quantile in a share of runs within 3 binomial
standard errors of that exact coverage, and in at least 93% of them.
"""
import json
import math
import subprocess
import sys

omen, scenario = sys.argv[1], sys.argv[2]


def beta28_quantile(q):
    lo, hi = 0.0, 1.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if 1 - (1 - mid) ** 9 - 9 * mid * (1 - mid) ** 8 < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


levels = ["0.05", "0.25", "0.5", "0.75", "0.95"]
exact = {level: beta28_quantile(float(level)) for level in levels}
covered = {level: 0 for level in levels}
runs = 200
for seed in range(1, runs + 1):
    out = subprocess.run([omen, "run", scenario, "--worlds", "100", "--trials", "1", "--engine", "interp",
                          "--seed", str(seed), "--format", "json"], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)["scenarios"][0]["reports"][0]
    for level in levels:
        low, high = report["quantiles_ci95"][level]
        covered[level] += low <= exact[level] <= high


def exact_coverage(n, p, z=1.959963984540054):
    s = math.sqrt(n * p * (1 - p))
    low = int(min(max(math.floor(n * p - z * s), 1), n))
    high = int(min(max(math.ceil(n * p + z * s), 1), n))
    return sum(math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(low, high))


failed = 0
for level in levels:
    share = covered[level] / runs
    expected = exact_coverage(100, float(level))
    ok = share >= 0.93 and abs(share - expected) <= 3 * math.sqrt(expected * (1 - expected) / runs)
    failed += not ok
    print("q%s exact %.4f: covered in %d of %d runs (%.1f%%; the interval's exact coverage %.1f%%): %s" %
          (level, exact[level], covered[level], runs, 100 * share, 100 * expected, "ok" if ok else "FAILED"))
print("all levels ok" if not failed else "%d levels FAILED" % failed)
sys.exit(1 if failed else 0)

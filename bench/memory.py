#!/usr/bin/env python3
"""Peak memory of `omen run` against the trial count, per engine.

A run's memory must not grow with its trial count (blocks are merged and freed in order),
except for the exact quantile store (up to 10^7 values, 8 bytes each, then a fixed-size
sketch). Each line runs one scenario at a small and a large trial count and prints both peak
RSS values and their ratio; the last rows show the quantile store growing to its cap.

A sweep's memory must not grow with its number of points beyond one run's: its points share
one run's quantile budget, sketches included. `sweep` prints the peak RSS of a sweep with a
quantiles report against its number of points, next to the same sweep without it and to one
run that fills the whole budget.

    bench/memory.py BUILD_DIR            (about 5 minutes on 2 idle cores)
    bench/memory.py BUILD_DIR sweep      (about 2 minutes on 2 idle cores)
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def peak_rss_mib(cmd):
    """Runs cmd; returns (peak RSS in MiB, wall seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return usage.ru_maxrss / 1024.0, time.monotonic() - start


SWEPT = """scenario s {
  param p = 0.3 in [0.1, 0.9]
  state x = normal(0, 1)
  event e
  phase go for 1 { with probability p { trigger e } }
  report P(e)
  %s
}
"""


def sweep_rows(omen):
    trials = 20000
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for what, extra in (("with quantiles(x)", "report quantiles(x)"), ("without", "")):
            files[what] = os.path.join(tmp, what.split()[0] + ".omen")
            with open(files[what], "w") as f:
                f.write(SWEPT % extra)
        print(f"| sweep of p, {trials} trials a point | points | peak RSS (MiB) |")
        print("|---|---|---|")
        for what, path in files.items():
            for points in (2, 20, 200, 2000):
                if what == "without" and points not in (2, 2000):
                    continue
                rss, _ = peak_rss_mib([omen, "sweep", path, "--vary", f"p=0.1:0.9:{points}", "--trials",
                                       str(trials), "--engine", "jit", "--format", "json"])
                print(f"| {what} | {points} | {rss:.1f} |", flush=True)
        rss, _ = peak_rss_mib([omen, "run", files["with quantiles(x)"], "--trials", str(10**7), "--engine", "jit",
                               "--format", "json"])
        print(f"| one run of 10^7 trials with quantiles(x) (the whole budget) | 1 | {rss:.1f} |")


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[2:] not in ([], ["sweep"]):
        sys.exit(__doc__)
    omen = os.path.join(sys.argv[1], "bin", "omen")
    if sys.argv[2:] == ["sweep"]:
        sweep_rows(omen)
        return
    premises = os.path.join(ROOT, "examples", "premises.omen")
    online = os.path.join(ROOT, "examples", "online_learning.omen")
    # (what, file, scenario, engine, small, large): the interpreter on online_learning is
    # slow (2,000 steps a trial), so its counts are smaller.
    cases = [
        ("premises/point_estimates", premises, "point_estimates", "interp", 10**5, 10**7),
        ("online_learning/online_learning", online, "online_learning", "interp", 10**4, 10**5),
        ("premises/point_estimates", premises, "point_estimates", "jit", 10**6, 10**8),
        ("online_learning/online_learning", online, "online_learning", "jit", 10**5, 10**6),
        ("premises/uncertain_premises (quantiles)", premises, "uncertain_premises", "jit", 10**6, 10**7),
        ("premises/uncertain_premises (quantiles)", premises, "uncertain_premises", "jit", 10**7, 3 * 10**7),
    ]
    print("| scenario | engine | trials small → large | peak RSS small (MiB) | peak RSS large (MiB) | large / small |")
    print("|---|---|---|---|---|---|")
    for what, path, scenario, engine, small, large in cases:
        base = [omen, "run", path, "--scenario", scenario, "--engine", engine, "--format", "json"]
        rss_small, _ = peak_rss_mib(base + ["--trials", str(small)])
        rss_large, _ = peak_rss_mib(base + ["--trials", str(large)])
        print(f"| {what} | {engine} | {small:.0e} → {large:.0e} | {rss_small:.1f} | {rss_large:.1f} "
              f"| {rss_large / rss_small:.2f} |", flush=True)


if __name__ == "__main__":
    main()

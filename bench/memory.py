#!/usr/bin/env python3
"""Peak memory of `omen run` against the trial count, per engine.

A run's memory must not grow with its trial count (blocks are merged and freed in order),
except for the exact quantile store (up to 10^7 values, 8 bytes each, then a fixed-size
sketch). Each line runs one scenario at a small and a large trial count and prints both peak
RSS values and their ratio; the last rows show the quantile store growing to its cap.

    bench/memory.py BUILD_DIR            (about 5 minutes on 2 idle cores)
"""
import os
import subprocess
import sys
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


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    omen = os.path.join(sys.argv[1], "bin", "omen")
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

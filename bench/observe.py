#!/usr/bin/env python3
"""The cost of observing: bench/observe/observed.omen is bench/observe/plain.omen (1,000 steps
per trial) with two observations after deployment (a hard one, and a soft one through the
Poisson mass). Both make the same draws in the same order, so the script first checks that
the unweighted report counts agree; then it times each engine on each file with
omen_engine_bench (driver time only, 1 thread), alternating the files and keeping the best of
REPEATS runs, and prints trials/second and the ratio observed / plain time (issue 23: at
most 1.2).

    bench/observe.py BUILD_DIR [--trials N] [--repeats R]

Build first: ninja -C BUILD omen omen_engine_bench
"""
import json
import os
import subprocess
import sys

from common import ab_arguments, best_rates

here = os.path.dirname(os.path.abspath(__file__))
args, omen, bench = ab_arguments(200_000)
files = {k: os.path.join(here, "observe", k + ".omen") for k in ("plain", "observed")}

runs = {k: json.loads(subprocess.run([omen, "run", f, "--trials", "20000", "--format", "json"], check=True,
                                     capture_output=True, text=True).stdout)["scenarios"][0]
        for k, f in files.items()}
if [r["n"] for r in runs["plain"]["reports"]] != [r["n"] for r in runs["observed"]["reports"]]:
    sys.exit("the two models do not run the same trials")
if not runs["observed"].get("evidence", {}).get("weights_vary"):
    sys.exit("observed.omen does not weigh its trials")

print("| engine | plain (trials/s) | observed (trials/s) | time observed / plain |")
print("|---|---|---|---|")
for engine, best in best_rates(bench, files, args.trials, args.repeats).items():
    print(f"| {engine} | {best['plain']:,.0f} | {best['observed']:,.0f} | {best['plain'] / best['observed']:.3f} |")

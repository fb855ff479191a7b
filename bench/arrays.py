#!/usr/bin/env python3
"""Arrays against hand-unrolled code: the five-lab model (bench/labs/arrays.omen, written with
state and event arrays, a `for` loop and reductions) against the same model written out lab
by lab (bench/labs/unrolled.omen). Both make the same draws in the same order, so the script
first checks that their reports are identical, then times each engine on each file with
omen_engine_bench (driver time only, 1 thread), alternating the files and keeping the best
of REPEATS runs, and prints trials/second and the ratio arrays / unrolled (>= 1: arrays at
least as fast).

    bench/arrays.py BUILD_DIR [--trials N] [--repeats R]

Build first: ninja -C BUILD omen omen_engine_bench
"""
import os
import subprocess
import sys

from common import ab_arguments, best_rates

here = os.path.dirname(os.path.abspath(__file__))
args, omen, bench = ab_arguments(2_000_000)
files = {k: os.path.join(here, "labs", k + ".omen") for k in ("arrays", "unrolled")}

reports = {k: subprocess.run([omen, "run", f, "--trials", "100000", "--format", "csv"], check=True,
                             capture_output=True, text=True).stdout for k, f in files.items()}
if reports["arrays"] != reports["unrolled"]:
    sys.exit("the two models disagree:\n" + reports["arrays"] + reports["unrolled"])

print("| engine | unrolled (trials/s) | arrays (trials/s) | arrays / unrolled |")
print("|---|---|---|---|")
for engine, best in best_rates(bench, files, args.trials, args.repeats).items():
    print(f"| {engine} | {best['unrolled']:,.0f} | {best['arrays']:,.0f} | {best['arrays'] / best['unrolled']:.2f} |")

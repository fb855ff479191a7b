#!/usr/bin/env python3
"""Strong scaling of `mpirun -n N omen run`: the same run (file, seed, trials) on 1 process
with 1 thread, on N ranks of 1 thread each, and on 1 process with N threads for comparison,
all measured in this run. Also the per-rank fixed cost: the wall time of a 1-block run
(start-up + compile + MPI set-up), which does not shrink with more ranks. Prints a Markdown
table (docs/scaling.md holds one measured on the development machine).

    bench/scaling.py BUILD_DIR [--ranks 1,2] [--trials 5e5] [--file examples/online_learning.omen]
                     [--worlds W]   # a two-level run: W worlds of --trials trials each

Wall times are medians of --repeat rounds, the variants interleaved within each round. The outputs of all variants are checked to be
identical (CSV) before any time is reported.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
           OMPI_MCA_btl_vader_single_copy_mechanism="none")


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, env=ENV, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True).stdout
    return out, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--ranks", default="1,2")
    ap.add_argument("--trials", default="5e5")
    ap.add_argument("--file", default=os.path.join(SRC, "examples", "online_learning.omen"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--worlds", help="time `--worlds W` (whole worlds shared out over the ranks)")
    args = ap.parse_args()
    omen = os.path.join(args.build, "bin", "omen")
    mpirun = shutil.which("mpirun")
    if not mpirun:
        sys.exit("mpirun not found (apt-get install openmpi-bin)")
    ranks = [int(r) for r in args.ranks.split(",")]
    run = [omen, "run", args.file, "--trials", args.trials, "--format", "csv"]
    if args.worlds:
        run += ["--worlds", args.worlds]
    one_block = [omen, "run", args.file, "--trials", "4096", "--threads", "1", "--format", "csv"]

    # (name, full run, 1-block run); the variants run interleaved, round after round, so that
    # a change in the machine's load hits them all alike.
    variants = [("1 x 1 (no mpirun)", run + ["--threads", "1"], one_block)]
    for n in ranks:
        launch = [mpirun, "--allow-run-as-root", "--oversubscribe", "-n", str(n)]
        variants.append((f"{n} ranks x 1 (mpirun)", launch + run + ["--threads", "1"], launch + one_block))
        if n > 1:
            variants.append((f"1 x {n} threads (no mpirun)", run + ["--threads", str(n)], None))
    times = {name: ([], []) for name, _, _ in variants}
    outputs = set()
    load = [os.getloadavg()[0]]
    for _ in range(args.repeat):
        for name, full, block in variants:
            out, t = timed(full)
            outputs.add(out)
            times[name][0].append(t)
            if block:
                times[name][1].append(timed(block)[1])
    load.append(os.getloadavg()[0])
    if len(outputs) != 1:
        sys.exit("the variants gave different results")
    base = statistics.median(times[variants[0][0]][0])
    what = f"{args.worlds} worlds of {args.trials} trials" if args.worlds else f"{args.trials} trials"
    print(f"file {os.path.relpath(args.file, SRC)}, {what}, {os.cpu_count()} cores, "
          f"load average {load[0]:.1f} -> {load[1]:.1f}; medians of {args.repeat} interleaved runs; "
          f"all outputs identical\n")
    print("| processes x threads | wall s | speed-up vs 1 x 1 | fixed cost s (1-block run) |")
    print("|---|---|---|---|")
    for name, _, block in variants:
        t = statistics.median(times[name][0])
        fixed = f"{statistics.median(times[name][1]):.2f}" if block else ""
        print(f"| {name} | {t:.2f} | {base / t:.2f} | {fixed} |")


if __name__ == "__main__":
    main()

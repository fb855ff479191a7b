#!/usr/bin/env python3
"""Strong scaling of `mpirun -n N omen run`: the same run (file, seed, trials) on 1 process
with 1 thread, on N ranks of 1 thread each, and on 1 process with N threads for comparison,
all measured in this run. Also the per-rank fixed cost: the wall time of a 1-block run
(start-up + compile + MPI set-up), which does not shrink with more ranks. Prints a Markdown
table (docs/scaling.md holds one measured on the development machine).

    bench/scaling.py BUILD_DIR [--ranks 1,2] [--trials 4e6] [--file examples/online_learning.omen]

Wall times are medians of --repeat runs. The outputs of all variants are checked to be
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


def median_run(cmd, repeat):
    outs, times = set(), []
    for _ in range(repeat):
        out, t = timed(cmd)
        outs.add(out)
        times.append(t)
    if len(outs) != 1:
        sys.exit("a variant gave different outputs on repeated runs: " + " ".join(cmd))
    return outs.pop(), statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--ranks", default="1,2")
    ap.add_argument("--trials", default="4e6")
    ap.add_argument("--file", default=os.path.join(SRC, "examples", "online_learning.omen"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    omen = os.path.join(args.build, "bin", "omen")
    mpirun = shutil.which("mpirun")
    if not mpirun:
        sys.exit("mpirun not found (apt-get install openmpi-bin)")
    ranks = [int(r) for r in args.ranks.split(",")]
    run = [omen, "run", args.file, "--trials", args.trials, "--format", "csv"]

    base_out, base = median_run(run + ["--threads", "1"], args.repeat)
    _, fixed1 = median_run([omen, "run", args.file, "--trials", "4096", "--threads", "1", "--format", "csv"],
                           args.repeat)
    print(f"file {os.path.relpath(args.file, SRC)}, {args.trials} trials, {os.cpu_count()} cores; "
          f"medians of {args.repeat} runs\n")
    print("| processes x threads | wall s | speed-up vs 1 x 1 | fixed cost s (1 block) |")
    print("|---|---|---|---|")
    print(f"| 1 x 1 (no mpirun) | {base:.2f} | 1.00 | {fixed1:.2f} |")
    for n in ranks:
        cmd = [mpirun, "--allow-run-as-root", "--oversubscribe", "-n", str(n)]
        out, t = median_run(cmd + run + ["--threads", "1"], args.repeat)
        if out != base_out:
            sys.exit(f"mpirun -n {n} gave a different result")
        _, fixed = median_run(cmd + [omen, "run", args.file, "--trials", "4096", "--threads", "1", "--format", "csv"],
                              args.repeat)
        print(f"| {n} ranks x 1 (mpirun) | {t:.2f} | {base / t:.2f} | {fixed:.2f} |")
        if n > 1:
            out, t = median_run(run + ["--threads", str(n)], args.repeat)
            if out != base_out:
                sys.exit(f"{n} threads gave a different result")
            print(f"| 1 x {n} threads (no mpirun) | {t:.2f} | {base / t:.2f} | |")


if __name__ == "__main__":
    main()

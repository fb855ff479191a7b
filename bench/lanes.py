#!/usr/bin/env python3
"""Issue 28 in one run: this build's JIT, a baseline build's JIT and the hand-written C++
reference on the scenarios of examples/premises.omen and examples/online_learning.omen,
measured in CPU seconds of each process, so that a machine shared with other work still
gives comparable numbers.

    bench/lanes.py BUILD_DIR BASELINE_DIR [--repeat 3] [--trials-uncertain N]
                   [--trials-point N] [--trials-online N]

BASELINE_DIR is a build of the code before the change (a folder with bin/omen and
bin/bench_handwritten_*; e.g. a copy of main's build/). Every command runs once first (a
warm kernel cache in a private folder per build, so no compile is timed), then all commands
run in turn, `--repeat` rounds, and each keeps its least CPU time (user + system of the
process). A JIT run's CPU includes its start-up (parse, lowering, loading the cached kernel):
a run of --trials 1 of the same command is subtracted. Prints a Markdown table: trials per
CPU second, and the ratio of each to the hand-written reference of the same run.
"""
import argparse
import os
import resource
import subprocess
import tempfile
import time

from common import SRC


def cpu_seconds(cmd, env):
    """(CPU, wall) seconds of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("baseline")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--trials-uncertain", type=int, default=2_000_000)
    ap.add_argument("--trials-point", type=int, default=100_000_000)
    ap.add_argument("--trials-online", type=int, default=1_000_000)
    args = ap.parse_args()
    new, old = os.path.abspath(args.build), os.path.abspath(args.baseline)
    premises = os.path.join(SRC, "examples", "premises.omen")
    online = os.path.join(SRC, "examples", "online_learning.omen")
    tmp = tempfile.mkdtemp(prefix="omen-lanes-bench-")
    envs = {b: dict(os.environ, OMEN_STDLIB=os.path.join(new, "share/omen/stdlib"),
                    OMEN_CACHE_DIR=os.path.join(tmp, label)) for b, label in ((new, "new"), (old, "old"))}

    def jit(build, file, scenario, trials):
        cmd = [f"{build}/bin/omen", "run", file, "--trials", str(trials), "--threads", "1", "--engine", "jit"]
        return cmd + (["--scenario", scenario] if scenario else [])

    def hand(build, name, scenario, trials):
        cmd = [f"{build}/bin/bench_handwritten_{name}", "--trials", str(trials), "--threads", "1"]
        return cmd + (["--scenario", scenario] if scenario else [])

    # (row, trials, hand-written commands, JIT commands); each command with its build.
    rows = []
    for row, name, file, scenario, trials in (
            ("premises: uncertain_premises", "Premises", premises, "uncertain_premises", args.trials_uncertain),
            ("premises: point_estimates", "Premises", premises, "point_estimates", args.trials_point),
            ("online_learning (both scenarios)", "OnlineLearning", online, None, args.trials_online)):
        rows.append((row, trials, {
            "hand-written, this runtime": (new, hand(new, name, scenario, trials), None),
            "hand-written, baseline runtime": (old, hand(old, name, scenario, trials), None),
            "JIT baseline": (old, jit(old, file, scenario, trials), jit(old, file, scenario, 1)),
            "JIT this build": (new, jit(new, file, scenario, trials), jit(new, file, scenario, 1)),
        }))
    best = {}
    for _ in range(args.repeat + 1):  # the first round warms the kernel caches and is dropped
        for row, _trials, cmds in rows:
            for label, (build, cmd, startup) in cmds.items():
                cpu, wall = cpu_seconds(cmd, envs[build])
                if startup:
                    cpu -= cpu_seconds(startup, envs[build])[0]
                key = (row, label)
                if key in best:
                    best[key] = (min(best[key][0], cpu), min(best[key][1], wall))
                else:
                    best[key] = (float("inf"), float("inf"))  # warm-up round
    load = os.getloadavg()
    print(f"Best of {args.repeat} rounds; load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}; "
          f"ratios to the hand-written reference built on this runtime (higher is faster).\n")
    labels = list(rows[0][2])
    print("| scenario | trials | " + " | ".join(f"{l} (trials/CPU s)" for l in labels) + " | this / baseline |")
    print("|---|---|" + "---|" * len(labels) + "---|")
    for row, trials, cmds in rows:
        ref = trials / best[(row, labels[0])][0]
        cells = []
        for label in labels:
            r = trials / best[(row, label)][0]
            cells.append(f"{r:,.0f} ({r / ref:.2f})")
        ratio = best[(row, "JIT baseline")][0] / best[(row, "JIT this build")][0]
        print(f"| {row} | {trials:,} | " + " | ".join(cells) + f" | {ratio:.2f}× |")
    print("\nLeast wall seconds of each (for the record; on a loaded machine they mostly measure the load):\n")
    for row, _trials, cmds in rows:
        print(f"- {row}: " + ", ".join(f"{label} {best[(row, label)][1]:.2f}" for label in cmds))


if __name__ == "__main__":
    main()

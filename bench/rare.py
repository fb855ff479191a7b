#!/usr/bin/env python3
"""Work-normalised variance of `omen rare` against plain Monte Carlo at P about 1e-7.

    bench/rare.py BUILD_DIR [--plain-trials N] [--repeats R]

For each event of bench/rare/rare.omen (closed forms: the walk to 23 before 0, 1.19e-7; ten
normals past 5 sqrt(10), 2.87e-7) the figure of merit is time x variance of the estimate
(lower is better). Plain Monte Carlo's variance per trial is P (1 - P) exactly, so its
time x variance is (seconds per trial) x P (1 - P), with the seconds per trial measured by
`omen run` of N trials (which at this P sees no event at all). `omen rare`'s is its total
seconds (pilot rounds included) x its se^2. Both on the JIT engine, one thread, best of R;
times are the run's own (JSON `seconds`: no process start-up or compile). The ratio
plain / rare is the issue-24 figure (target: at least 100). The walk is also estimated by
multilevel splitting (`--split-on h`, method "split"), whose work is also given in phase
steps: its steps simulated (replays of clones' pasts included) against the steps of plain
trials that reach the same variance.

Build first: ninja -C BUILD omen
"""
import argparse
import json
import math
import os
import subprocess

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("build")
ap.add_argument("--plain-trials", type=int, default=2_000_000)
ap.add_argument("--repeats", type=int, default=3)
args = ap.parse_args()
omen = os.path.join(args.build, "bin", "omen")
model = os.path.join(here, "rare", "rare.omen")
common = ["--engine", "jit", "--threads", "1", "--format", "json"]
cases = [("walk", "top", 1 / (2 ** 23 - 1), []), ("normals", "tail", 0.5 * math.erfc(5 / math.sqrt(2)), []),
         ("walk", "top", 1 / (2 ** 23 - 1), ["--split-on", "h"])]


def run(*words):
    return json.loads(subprocess.run([omen, *words], check=True, capture_output=True, text=True).stdout)


print("| event | method | P | plain: s/trial | plain: time x var | rare: s | rare: se | rare: time x var | plain / rare |")
print("|---|---|---|---|---|---|---|---|---|")
steps_rows = []
for scenario, event, p, extra in cases:
    plain = min(run("run", model, "--scenario", scenario, "--trials", str(args.plain_trials), *common)["scenarios"][0]["seconds"]
                for _ in range(args.repeats)) / args.plain_trials
    rare = min((run("rare", model, "--scenario", scenario, "--event", event, *extra, *common) for _ in range(args.repeats)),
               key=lambda r: r["seconds"])
    plain_work = plain * p * (1 - p)
    rare_work = rare["seconds"] * rare["std_error"] ** 2
    method = "split" if extra else "tilt"
    print(f"| {scenario} {event} | {method} | {p:.3g} | {plain:.3g} | {plain_work:.3g} | {rare['seconds']:.3g} | "
          f"{rare['std_error']:.3g} | {rare_work:.3g} | {plain_work / rare_work:,.0f} |")
    if extra:
        # Plain trials for the same variance: P (1 - P) / se^2 of them, each of plain_steps steps.
        plain_steps = p * (1 - p) / rare["std_error"] ** 2 * rare["plain_steps"]
        steps_rows.append(f"{scenario} {event}, split: {rare['steps']:,} steps simulated; plain Monte Carlo needs "
                          f"{plain_steps:.3g} steps for the same se ({plain_steps / rare['steps']:,.0f}x more)")
for row in steps_rows:
    print(row)

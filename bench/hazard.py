#!/usr/bin/env python3
"""Issue 24's per-step case, in one run: plain `omen run` of bench/hazard/rare.omen (a hazard
of 1e-10 per step over 1,000 steps) with the jump over failed choices (scenario `jumping`)
against the same model run every step (scenario `stepping`, which the analysis refuses), and
optionally against an omen built before the jump (--baseline-build, e.g. /work/main/build, on
`jumping`). Times are per trial; the CPU time (user + system of the omen process) is what
compares on a shared machine, the wall time is printed beside it. Then the estimate against
1 - (1 - 1e-10)^1000 (within 5 se), and the interpreter, the JIT, engine auto and a built
executable compared report for report (estimate, se, interval, n: bit-identical).

    bench/hazard.py BUILD_DIR [--trials N] [--baseline-trials M] [--baseline-build DIR]

Build first: ninja -C BUILD omen omen_aot_main
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

from common import cpu_of_children

here = os.path.dirname(os.path.abspath(__file__))
model = os.path.join(here, "hazard", "rare.omen")
truth = -math.expm1(1000 * math.log1p(-1e-10))


def run(omen, scenario, trials, *extra):
    """(wall s, CPU s, the scenario's JSON) of one `omen run`."""
    cmd = [omen, "run", model, "--scenario", scenario, "--trials", str(trials), "--format", "json", *extra]
    cpu0, start = cpu_of_children(), time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, cpu_of_children() - cpu0, json.loads(out)["scenarios"][0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--trials", type=int, default=100_000_000)
    ap.add_argument("--baseline-trials", type=int, default=1_000_000)
    ap.add_argument("--baseline-build")
    args = ap.parse_args()
    omen = os.path.join(os.path.abspath(args.build), "bin", "omen")

    rows = [("jumping (omen run)", args.trials, run(omen, "jumping", args.trials)),
            ("stepping (every step drawn)", args.baseline_trials, run(omen, "stepping", args.baseline_trials))]
    if args.baseline_build:
        before = os.path.join(os.path.abspath(args.baseline_build), "bin", "omen")
        rows.append(("jumping on the baseline build", args.baseline_trials, run(before, "jumping", args.baseline_trials)))
    print(f"uptime: {os.getloadavg()}")
    print("| run | trials | wall (s) | CPU (s) | CPU per trial (ns) | ratio to jumping (CPU) | ratio (wall) |")
    print("|---|---|---|---|---|---|---|")
    fast = rows[0]
    for name, trials, (wall, cpu, _) in rows:
        print(f"| {name} | {trials:.3g} | {wall:.2f} | {cpu:.2f} | {1e9 * cpu / trials:.1f} | "
              f"{(cpu / trials) / (fast[2][1] / fast[1]):.1f} | {(wall / trials) / (fast[2][0] / fast[1]):.1f} |")

    report = fast[2][2]["reports"][0]
    z = abs(report["estimate"] - truth) / report["stderr"] if report["stderr"] else math.inf
    print(f"\nP(catastrophe) = {report['estimate']:.4g} ± {report['stderr']:.2g} (n = {report['n']}), "
          f"closed form {truth:.8g}: {z:.2f} se away")
    problems = [] if z <= 5 else ["the estimate is more than 5 se from the closed form"]

    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "rare")
        subprocess.run([omen, "build", model, "--scenario", "jumping", "-o", exe], check=True)
        reports = {"auto": fast[2][2]["reports"]}
        for engine in ("interp", "jit"):
            reports[engine] = run(omen, "jumping", args.trials, "--engine", engine)[2]["reports"]
        out = subprocess.run([exe, "--trials", str(args.trials), "--format", "json"], check=True, capture_output=True,
                             text=True).stdout
        reports["built executable"] = json.loads(out)["scenarios"][0]["reports"]
    same = all(r == reports["auto"] for r in reports.values())
    print(f"engines {', '.join(reports)}: {'bit-identical' if same else 'DIFFER'}")
    if not same:
        problems.append("the engines differ: " + json.dumps(reports))
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main()

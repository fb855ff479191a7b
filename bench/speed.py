#!/usr/bin/env python3
"""Before/after, side by side in one run, for issue 15 (quiescent steps, compile latency,
block sizes): every number of a row is measured in the same run on the same machine.

    bench/speed.py BUILD_DIR BASELINE_BUILD_DIR [--trials-online N] [--trials-premises N]
                   [--trials-point N]

BASELINE_BUILD_DIR is a build of the code before the change (e.g. /work/main/build). Prints
Markdown tables:
  1. trials/s on 1 thread: online_learning (hand-written literal loop, hand-written loop that
     stops stepping once nothing can change, JIT before, JIT after), premises (hand-written,
     JIT before, JIT after) and premises' point_estimates and uncertain_premises alone (from
     `omen run --engine jit --format json`'s run seconds), with ratios to the literal
     hand-written loop;
  1b. with --no-lanes-build: trials/s of draw-heavy scenarios (bench/labs/draws.omen) and the
     examples with Philox refills in vector lanes on and off;
  2. `omen run FILE --trials 1` wall time for every example: before, after (`--engine jit`)
     with an empty kernel cache, after with a warm one; and a file of online_learning plus 32
     variants that only override a param value (bench/latency.py compares the engines,
     auto among them);
  3. `omen compare examples/early_stopping.omen compute_optimal overtrained --trials 4000`
     run time (the driver's, compile excluded) on 1 and 2 threads, before and after.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from common import SRC, VARIANTS_NAME, cpu_of_children, write_variants


def wall(cmd, env, repeat=1):
    """Best (wall, CPU) seconds of `repeat` runs. On a shared machine wall time mostly measures
    the load; the CPU time (user + system) of the process is the load-independent cost."""
    best = None
    for _ in range(repeat):
        cpu0 = cpu_of_children()
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        t = (time.perf_counter() - start, cpu_of_children() - cpu0)
        best = t if best is None else (min(best[0], t[0]), min(best[1], t[1]))
    return best


def rate(cmd, env, repeat):
    best = 0.0
    for _ in range(repeat):
        out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        best = max(best, float(re.search(r"trials_per_second ([0-9.e+]+)", out).group(1)))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("baseline")
    ap.add_argument("--trials-online", type=int, default=200_000)
    ap.add_argument("--trials-premises", type=int, default=2_000_000)
    ap.add_argument("--trials-point", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-compare", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--skip-latency", action="store_true")
    ap.add_argument("--no-lanes-build", help="this build with OMEN_LANES_FROM_BLOCK set past any trial "
                    "(TrialContext.h): adds a table of what Philox in vector lanes buys")
    args = ap.parse_args()
    new, old = os.path.abspath(args.build), os.path.abspath(args.baseline)
    env = dict(os.environ, OMEN_STDLIB=os.environ.get("OMEN_STDLIB", os.path.join(new, "share/omen/stdlib")))
    ex = os.path.join(SRC, "examples")

    online = os.path.join(ex, "online_learning.omen")
    premises = os.path.join(ex, "premises.omen")
    if not args.skip_throughput:
        throughput(args, new, old, env, online, premises)
    if args.no_lanes_build:
        lanes(args, new, os.path.abspath(args.no_lanes_build), old, env, online, premises)
    if not args.skip_latency:
        latency(args, new, old, env, ex)
    if not args.skip_compare:
        heavy(new, old, env, ex)


def run_rate(omen, file, scenario, trials, env, repeat):
    """Trials/s of one scenario on 1 thread from `omen run --format json` (its run seconds,
    compile excluded): works on builds older than omen_engine_bench's --scenario."""
    best = 0.0
    for _ in range(repeat):
        # --engine jit: the default engine, auto, would start on the interpreter.
        out = subprocess.run([omen, "run", file, "--scenario", scenario, "--trials", str(trials), "--threads", "1",
                              "--engine", "jit", "--format", "json"], env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        best = max(best, trials / json.loads(out)["scenarios"][0]["seconds"])
    return best


def throughput(args, new, old, env, online, premises):
    """1. Trials/s on 1 thread."""
    r = args.repeat
    t_on, t_pr = str(args.trials_online), str(args.trials_premises)
    hand = rate([f"{new}/bin/bench_handwritten_OnlineLearning", "--trials", t_on, "--threads", "1"], env, r)
    early = rate([f"{new}/bin/bench_handwritten_OnlineLearning", "--trials", t_on, "--threads", "1",
                  "--stop-early", "1"], env, r)
    before = rate([f"{old}/bin/omen_engine_bench", "--engine", "jit", "--trials", t_on, "--threads", "1", online], env, r)
    after = rate([f"{new}/bin/omen_engine_bench", "--engine", "jit", "--trials", t_on, "--threads", "1", online], env, r)
    p_hand = rate([f"{new}/bin/bench_handwritten_Premises", "--trials", t_pr, "--threads", "1"], env, r)
    p_before = rate([f"{old}/bin/omen_engine_bench", "--engine", "jit", "--trials", t_pr, "--threads", "1", premises],
                    env, r)
    p_after = rate([f"{new}/bin/omen_engine_bench", "--engine", "jit", "--trials", t_pr, "--threads", "1", premises],
                   env, r)
    t_pt = args.trials_point
    pt_hand = rate([f"{new}/bin/bench_handwritten_Premises", "--trials", str(t_pt), "--threads", "1", "--scenario",
                    "point_estimates"], env, r)
    pt_before = run_rate(f"{old}/bin/omen", premises, "point_estimates", t_pt, env, r)
    pt_after = run_rate(f"{new}/bin/omen", premises, "point_estimates", t_pt, env, r)
    t_up = args.trials_premises
    up_hand = rate([f"{new}/bin/bench_handwritten_Premises", "--trials", str(t_up), "--threads", "1", "--scenario",
                    "uncertain_premises"], env, r)
    up_before = run_rate(f"{old}/bin/omen", premises, "uncertain_premises", t_up, env, r)
    up_after = run_rate(f"{new}/bin/omen", premises, "uncertain_premises", t_up, env, r)
    print("### Throughput, 1 thread (trials/s, best of %d; ratio to the literal hand-written loop)\n" % r)
    print("| file | hand-written | hand-written, stops early | JIT before | JIT after | after / before |")
    print("|---|---|---|---|---|---|")
    print(f"| online_learning | {hand:,.0f} (1.00) | {early:,.0f} ({early / hand:.2f}) | {before:,.0f} ({before / hand:.2f})"
          f" | {after:,.0f} ({after / hand:.2f}) | {after / before:.2f}× |")
    print(f"| premises | {p_hand:,.0f} (1.00) | – | {p_before:,.0f} ({p_before / p_hand:.2f})"
          f" | {p_after:,.0f} ({p_after / p_hand:.2f}) | {p_after / p_before:.2f}× |")
    print(f"| premises: point_estimates | {pt_hand:,.0f} (1.00) | – | {pt_before:,.0f} ({pt_before / pt_hand:.2f})"
          f" | {pt_after:,.0f} ({pt_after / pt_hand:.2f}) | {pt_after / pt_before:.2f}× |")
    print(f"| premises: uncertain_premises | {up_hand:,.0f} (1.00) | – | {up_before:,.0f} ({up_before / up_hand:.2f})"
          f" | {up_after:,.0f} ({up_after / up_hand:.2f}) | {up_after / up_before:.2f}× |")
    sys.stdout.flush()



def lanes(args, new, nolanes, old, env, online, premises):
    """1b. Philox in vector lanes: the same build with lane refills on and off (trials/s)."""
    r = args.repeat
    draws = os.path.join(SRC, "bench", "labs", "draws.omen")
    rows = [(draws, "uniform_walk", 20_000), (draws, "normal_walk", 10_000), (online, "online_learning", 200_000),
            (premises, "uncertain_premises", 1_000_000), (premises, "point_estimates", 10_000_000)]
    print("\n### Philox in vector lanes, 1 thread (trials/s, best of %d)\n" % r)
    print("| scenario | before (baseline) | after, lanes off | after | lanes on / off |")
    print("|---|---|---|---|---|")
    for file, scenario, trials in rows:
        b = run_rate(f"{old}/bin/omen", file, scenario, trials, env, r)
        off = run_rate(f"{nolanes}/bin/omen", file, scenario, trials, env, r)
        on = run_rate(f"{new}/bin/omen", file, scenario, trials, env, r)
        print(f"| {scenario} | {b:,.0f} | {off:,.0f} | {on:,.0f} | {on / off:.2f}× |")
        sys.stdout.flush()


def latency(args, new, old, env, ex):
    """2. `omen run FILE --trials 1`."""
    r = args.repeat
    print("\n### `omen run FILE --trials 1`: wall seconds / CPU seconds of the process (best of %d)\n" % r)
    print("| file | before | after, empty cache | after, warm cache |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        variants = write_variants(tmp)
        files = sorted(glob.glob(os.path.join(ex, "*.omen"))) + [variants]
        for file in files:
            cmd = ["run", file, "--trials", "1", "--threads", "1"]
            try:
                b = wall([f"{old}/bin/omen"] + cmd, env, r)
            except subprocess.CalledProcessError:
                b = None  # an example newer than the baseline build

            cold = None
            # The JIT's compile latency (the default engine, auto, compiles nothing for one
            # trial: bench/latency.py compares the engines).
            jit = cmd + ["--engine", "jit"]
            for k in range(r):  # a fresh, empty cache each time
                cenv = dict(env, OMEN_CACHE_DIR=os.path.join(tmp, f"cache-{os.path.basename(file)}-{k}"))
                c = wall([f"{new}/bin/omen"] + jit, cenv)
                cold = c if cold is None else (min(cold[0], c[0]), min(cold[1], c[1]))
            warm = wall([f"{new}/bin/omen"] + jit, cenv, r)
            name = VARIANTS_NAME if file == variants else os.path.basename(file)
            before = f"{b[0]:.3f} / {b[1]:.3f}" if b else "–"
            print(f"| {name} | {before} | {cold[0]:.3f} / {cold[1]:.3f} |"
                  f" {warm[0]:.3f} / {warm[1]:.3f} |")
            sys.stdout.flush()



def heavy(new, old, env, ex):
    """3. Few heavy trials on 1 and 2 threads."""
    print("\n### `omen compare early_stopping compute_optimal overtrained --trials 4000`, run seconds\n")
    print("| build | 1 thread | 2 threads | speed-up |")
    print("|---|---|---|---|")
    stopping = os.path.join(ex, "early_stopping.omen")
    for label, b in (("before", old), ("after", new)):
        secs = {}
        for threads in (1, 2):
            out = subprocess.run([f"{b}/bin/omen", "compare", stopping, "compute_optimal", "overtrained", "--trials",
                                  "4000", "--threads", str(threads), "--format", "json"], env=env, check=True,
                                 stdout=subprocess.PIPE, text=True).stdout
            secs[threads] = json.loads(out)["seconds"]
        print(f"| {label} | {secs[1]:.2f} | {secs[2]:.2f} | {secs[1] / secs[2]:.2f}× |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

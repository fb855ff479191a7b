#!/usr/bin/env python3
"""Start-up latency and long-run cost of the engines (issue 15: tiered execution), measured
side by side in one run:

    bench/latency.py BUILD_DIR BASELINE_BUILD_DIR [--repeat N] [--long-trials N]

BASELINE_BUILD_DIR is a build from before the change (its `omen run` compiles every kernel at
O3 before the first trial and has no kernel cache). Prints Markdown tables:
  1. `omen run FILE --trials 1` for every example (and a file of online_learning plus 32
     param-only variants): wall and CPU seconds of the process, best of N, for the baseline,
     and for this build's engines jit and auto, each with an empty kernel cache (a fresh
     OMEN_CACHE_DIR per run) and a warm one, and the interpreter;
  2. a long run, `omen run examples/online_learning.omen --trials 2e5`, for jit and auto with
     an empty and a warm cache: wall and CPU seconds, and (auto) how many trials each engine
     ran;
  3. runs of every length in between on periodic_audits (four distinct kernels, the most
     compile work of the examples), empty cache: interp, jit and auto;
and the load average before and after (on a shared machine, CPU seconds are the
load-independent cost, wall seconds what a person waits).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

from common import SRC, VARIANTS_NAME, cpu_of_children, write_variants


def timed(cmd, env):
    """(wall, CPU) seconds of one run, and its stdout."""
    cpu0 = cpu_of_children()
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True).stdout
    return (time.perf_counter() - start, cpu_of_children() - cpu0), out


def best(runs):
    return (min(r[0] for r in runs), min(r[1] for r in runs))


def fmt(t):
    return f"{t[0]:.3f} / {t[1]:.3f}"


def load():
    return "%.2f, %.2f, %.2f" % os.getloadavg()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("baseline")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--long-trials", default="200000")
    args = ap.parse_args()
    new, old = os.path.abspath(args.build), os.path.abspath(args.baseline)
    env = dict(os.environ, OMEN_STDLIB=os.environ.get("OMEN_STDLIB", os.path.join(new, "share/omen/stdlib")))
    env.pop("OMEN_AUTO_SWITCH_TRIAL", None)
    old_env = dict(env, OMEN_STDLIB=os.path.join(old, "share/omen/stdlib"))  # each build its own stdlib
    r = args.repeat
    print(f"load average before: {load()}\n")
    with tempfile.TemporaryDirectory() as tmp:
        counter = [0]

        def fresh_cache():
            counter[0] += 1
            return os.path.join(tmp, f"cache-{counter[0]}")

        def cold(binary, cmd):
            return best([timed([binary] + cmd, dict(env, OMEN_CACHE_DIR=fresh_cache()))[0] for _ in range(r)])

        def warm(binary, cmd):
            cache = fresh_cache()
            timed([binary] + cmd, dict(env, OMEN_CACHE_DIR=cache))  # fills the cache
            return best([timed([binary] + cmd, dict(env, OMEN_CACHE_DIR=cache))[0] for _ in range(r)])

        online = os.path.join(SRC, "examples", "online_learning.omen")
        variants = write_variants(tmp)

        print(f"### `omen run FILE --trials 1`: wall / CPU seconds of the process (best of {r})\n")
        print("| file | before (jit, no cache) | jit, empty cache | jit, warm cache | auto, empty cache "
              "| auto, warm cache | interp |")
        print("|---|---|---|---|---|---|---|")
        for file in sorted(glob.glob(os.path.join(SRC, "examples", "*.omen"))) + [variants]:
            cmd = ["run", file, "--trials", "1"]
            try:
                before = best([timed([f"{old}/bin/omen"] + cmd, old_env)[0] for _ in range(r)])
            except subprocess.CalledProcessError:
                before = None  # the baseline predates the file's syntax
            jc, jw = cold(f"{new}/bin/omen", cmd + ["--engine", "jit"]), warm(f"{new}/bin/omen", cmd + ["--engine", "jit"])
            ac, aw = cold(f"{new}/bin/omen", cmd), warm(f"{new}/bin/omen", cmd)
            interp = best([timed([f"{new}/bin/omen"] + cmd + ["--engine", "interp"], env)[0] for _ in range(r)])
            name = VARIANTS_NAME if file == variants else os.path.basename(file)
            print(f"| {name} | {fmt(before) if before else 'cannot run it'} | {fmt(jc)} | {fmt(jw)} | {fmt(ac)} | {fmt(aw)} | {fmt(interp)} |")
            sys.stdout.flush()

        n = args.long_trials
        print(f"\n### `omen run examples/online_learning.omen --trials {n}`: wall / CPU seconds (best of {r})\n")
        print("| engine | empty cache | warm cache | auto: trials on interp / jit (empty cache, last run) |")
        print("|---|---|---|---|")
        cmd = ["run", online, "--trials", n, "--format", "json"]
        for engine in ("jit", "auto"):
            runs, split = [], ""
            for _ in range(r):
                t, out = timed([f"{new}/bin/omen"] + cmd + ["--engine", engine], dict(env, OMEN_CACHE_DIR=fresh_cache()))
                runs.append(t)
                if engine == "auto":
                    split = ", ".join(f"{s['engine_trials']['interp']} / {s['engine_trials']['jit']}"
                                      for s in json.loads(out)["scenarios"])
            w = warm(f"{new}/bin/omen", cmd + ["--engine", engine])
            print(f"| {engine} | {fmt(best(runs))} | {fmt(w)} | {split or '–'} |")
            sys.stdout.flush()
        audits = os.path.join(SRC, "examples", "periodic_audits.omen")
        print(f"\n### `omen run examples/periodic_audits.omen --trials N`, empty cache: wall / CPU seconds "
              f"(best of {r})\n")
        print("| N | interp | jit | auto |")
        print("|---|---|---|---|")
        for trials in ("1000", "10000", "100000", "1000000"):
            cmd = ["run", audits, "--trials", trials]
            # 10^6 trials take the interpreter about a minute a run: left out.
            row = [cold(f"{new}/bin/omen", cmd + ["--engine", e]) if e != "interp" or trials != "1000000" else None
                   for e in ("interp", "jit", "auto")]
            print(f"| {int(trials):,} | " + " | ".join(fmt(t) if t else "–" for t in row) + " |")
            sys.stdout.flush()
    print(f"\nload average after: {load()}")


if __name__ == "__main__":
    main()

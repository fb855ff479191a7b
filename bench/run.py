#!/usr/bin/env python3
"""Measures, in one run, trials/second of the hand-written C++ baselines, the JIT, the AOT
executable and the interpreter on examples/online_learning.omen and examples/premises.omen,
on 1 thread and on all cores, plus JIT compile latency (load + check + compile + 1 trial,
wall time) and peak memory (max RSS). Prints a Markdown table of ratios against the
hand-written baseline measured in the same run.

    bench/run.py BUILD_DIR [--trials-online N] [--trials-premises N] [--interp-fraction F]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, env):
    """Runs cmd under /usr/bin/time; returns (stdout, wall seconds, max RSS in MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd, env=env, check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        wall = time.perf_counter() - start
        rss = int(t.read().strip().splitlines()[-1]) / 1024.0
    return out, wall, rss


def field(out, name):
    m = re.search(name + r" ([0-9.e+-]+)", out)
    return float(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--trials-online", type=int, default=200_000)
    ap.add_argument("--trials-premises", type=int, default=2_000_000)
    ap.add_argument("--interp-fraction", type=float, default=0.1,
                    help="the interpreter runs this fraction of the trials (it is much slower)")
    args = ap.parse_args()
    b = os.path.abspath(args.build)
    env = dict(os.environ, OMEN_STDLIB=os.environ.get("OMEN_STDLIB", os.path.join(b, "share/omen/stdlib")))
    cores = os.cpu_count() or 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, hand, trials in [("online_learning", "OnlineLearning", args.trials_online),
                                   ("premises", "Premises", args.trials_premises)]:
            file = os.path.join(SRC, "examples", name + ".omen")
            exe = os.path.join(tmp, name)
            subprocess.run([os.path.join(b, "bin/omen_engine_bench"), "--build", exe, file], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            # JIT compile latency: a 1-trial run from a cold process with an empty kernel cache.
            cold = dict(env, OMEN_CACHE_DIR=tempfile.mkdtemp(dir=tmp))
            _, latency, _ = timed([os.path.join(b, "bin/omen_engine_bench"), "--engine", "jit", "--trials", "1",
                                   "--threads", "1", file], cold)
            for threads in (1, cores):
                r = {"file": name, "threads": threads, "latency": latency}
                out, wall, rss = timed([os.path.join(b, f"bin/bench_handwritten_{hand}"), "--trials", str(trials),
                                        "--threads", str(threads)], env)
                r["hand"], r["hand_mem"] = field(out, "trials_per_second"), rss
                out, wall, rss = timed([os.path.join(b, "bin/omen_engine_bench"), "--engine", "jit", "--trials",
                                        str(trials), "--threads", str(threads), file], env)
                r["jit"], r["jit_mem"] = field(out, "trials_per_second"), rss
                out, wall, rss = timed([exe, "--trials", str(trials), "--threads", str(threads), "--format", "json"],
                                       env)
                r["aot"], r["aot_mem"] = 2 * trials / wall, rss
                it = max(1, int(trials * args.interp_fraction))
                out, wall, rss = timed([os.path.join(b, "bin/omen_engine_bench"), "--engine", "interp", "--trials",
                                        str(it), "--threads", str(threads), file], env)
                r["interp"], r["interp_mem"] = field(out, "trials_per_second"), rss
                rows.append(r)
                print(r, file=sys.stderr)
    print("| file | threads | hand-written C++ (trials/s) | JIT | AOT | interpreter | JIT compile latency (s) |"
          " peak memory hand / JIT / AOT / interp (MiB) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        h = r["hand"]
        print(f"| {r['file']} | {r['threads']} | {h:,.0f} (1.00) | {r['jit']:,.0f} ({r['jit'] / h:.2f}) |"
              f" {r['aot']:,.0f} ({r['aot'] / h:.2f}) | {r['interp']:,.0f} ({r['interp'] / h:.3f}) |"
              f" {r['latency']:.2f} | {r['hand_mem']:.0f} / {r['jit_mem']:.0f} / {r['aot_mem']:.0f} /"
              f" {r['interp_mem']:.0f} |")


if __name__ == "__main__":
    main()

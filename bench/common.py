"""What the bench scripts share: the CPU time of finished child processes and the file of
online_learning plus 32 scenarios that only override a param (speed.py, latency.py), and the
A/B timing of two models with omen_engine_bench (arrays.py, observe.py)."""
import argparse
import os
import resource
import subprocess

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS_NAME = "online_learning + 32 param variants"


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def write_variants(folder):
    """examples/online_learning.omen plus 32 param-only variants, written into `folder`: one
    kernel should serve all 34 scenarios. Returns the file's path."""
    with open(os.path.join(SRC, "examples", "online_learning.omen")) as f:
        text = f.read()
    text += "".join(f"\nscenario v{i} extends online_learning {{\n  param p_update = {i + 1}%\n}}\n"
                    for i in range(32))
    path = os.path.join(folder, "variants.omen")
    with open(path, "w") as f:
        f.write(text)
    return path


def ab_arguments(default_trials):
    """BUILD_DIR [--trials N] [--repeats R] of an A/B bench: the parsed arguments, and the
    paths of omen and omen_engine_bench in BUILD_DIR."""
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--trials", type=int, default=default_trials)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    return args, os.path.join(args.build, "bin", "omen"), os.path.join(args.build, "bin", "omen_engine_bench")


def best_rates(bench, files, trials, repeats):
    """For the jit and interp engines (interp on a tenth of `trials`), the best trials/second
    of each of `files` ({name: path}) over `repeats` rounds, the files alternating within a
    round so that both see the same machine: {engine: {name: rate}}."""
    def rate(engine, f, n):
        out = subprocess.run([bench, "--engine", engine, f, "--trials", str(n), "--threads", "1"],
                             check=True, capture_output=True, text=True).stdout.split()
        return float(out[out.index("trials_per_second") + 1])

    rates = {}
    for engine in ("jit", "interp"):
        n = trials if engine == "jit" else trials // 10
        best = {k: 0.0 for k in files}
        for _ in range(repeats):
            for k, f in files.items():
                best[k] = max(best[k], rate(engine, f, n))
        rates[engine] = best
    return rates

#!/usr/bin/env python3
"""--precision / --rel-precision stop where the variance says, the same on any thread count.

usage: check_precision.py OMEN

A report with variance v per trial has standard error sqrt(v / n) after n trials, so a
target se <= d needs n* = v / d^2 trials, and se <= e |mu| needs n* = v / (e mu)^2. The run
checks at block boundaries (blocks grow from 16 to 4096 trials, reference section 10), so
it must stop at a block boundary within one block of n*:
  P(bernoulli(0.3)):  v = 0.21          d = 0.002  -> n* = 52,500
  E(uniform(0, 1)):   v = 1/12          d = 0.001  -> n* = 83,333
  P(bernoulli(0.3)):  relative 1%       -> n* = 0.7 / (0.3 * 0.01^2) = 23,333
and 1 and 2 threads must give the same bytes. A rare event's relative target is out of reach
within a small cap: the run stops at the cap and says so.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys

from checks import BLOCK, block_starts, check, finish

OMEN = sys.argv[1]
FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "known_variance.omen")
BOUNDARIES = block_starts(10 ** 6)


def run(*args):
    return subprocess.run([OMEN, "run", FILE] + list(args), capture_output=True, text=True, timeout=120)


def strip(text):
    text = re.sub(r' "engine_trials": \{[^}]*\},', "", text)  # engine auto: depends on timing
    return re.sub(r'"(seconds|compile_seconds|threads)": [0-9.e+-]+', "", text)


cases = [("--precision", "hit=0.002", 0.21 / 0.002 ** 2),
         ("--precision", "u=0.001", (1 / 12) / 0.001 ** 2),
         ("--rel-precision", "hit=1%", 0.7 / (0.3 * 0.01 ** 2))]
for flag, target, predicted in cases:
    outs = [run("--scenario", "known_variance", flag, target, "--threads", t, "--format", "json") for t in ("1", "2")]
    check(f"{flag} {target}: runs", all(o.returncode == 0 for o in outs), outs[0].stderr)
    if outs[0].returncode:
        continue
    check(f"{flag} {target}: 1 and 2 threads identical", strip(outs[0].stdout) == strip(outs[1].stdout))
    p = json.loads(outs[0].stdout)["scenarios"][0]["precision"]
    n = p["trials"]
    check(f"{flag} {target}: met at {n} trials, predicted {predicted:.0f} (within one block)",
          p["met"] and n in BOUNDARIES and abs(n - predicted) < BLOCK, json.dumps(p))

# Every engine stops at the same block with the same numbers (interp, jit, a built executable).
import tempfile

args = ["--scenario", "known_variance", "--precision", "0.002", "--threads", "2", "--format", "csv"]
jit = run(*args).stdout
interp = run(*args, "--engine", "interp").stdout
check("interp stops where jit does, same numbers", jit and interp == jit, jit + interp)
with tempfile.TemporaryDirectory() as tmp:
    exe = os.path.join(tmp, "kv")
    built = subprocess.run([OMEN, "build", FILE, "-o", exe], capture_output=True, text=True, timeout=120)
    aot = subprocess.run([exe] + args, capture_output=True, text=True, timeout=60).stdout if built.returncode == 0 else ""
    check("a built executable stops where jit does, same numbers", aot == jit, built.stderr + aot)

# The text says the target, that it was met and the trials it took.
text = run("--scenario", "known_variance", "--precision", "hit=0.002").stdout
check("text output states target and trials",
      re.search(r"precision target met after \d+ trials \(cap 100000000\): hit: se <= 0.002", text) is not None, text)
# CSV gains target, target_met and trials columns.
rows = list(csv.DictReader(io.StringIO(run("--scenario", "known_variance", "--precision", "0.002",
                                           "--format", "csv").stdout)))
check("csv has target columns", rows and rows[0].get("target") == "se <= 0.002" and rows[0]["target_met"] == "true"
      and int(rows[0]["trials"]) in BOUNDARIES, str(rows))

# Rare event, relative target: out of reach within the cap, and the run says so.
rare = run("--scenario", "rare", "--rel-precision", "10%", "--trials", "50000")
check("rare event: stops at the cap and says the target is not met",
      rare.returncode == 0 and "NOT met after 50000 trials (cap 50000)" in rare.stdout
      and ("out of reach within the cap" in rare.stdout or "no event yet" in rare.stdout), rare.stdout + rare.stderr)
# Absolute target on a rare event: 0 events must not stop the run at se = 0 (Chow-Robbins):
# with no event se = 1/n, so se <= 1e-5 needs at least 1e5 trials.
zero = run("--scenario", "rare", "--precision", "0.00001", "--trials", "60000", "--format", "json")
p = json.loads(zero.stdout)["scenarios"][0]["precision"] if zero.returncode == 0 else {}
check("no event yet does not count as se = 0", zero.returncode == 0 and not p.get("met", True), zero.stdout + zero.stderr)

# Usage errors: status 2 and a hint.
for args, message in ((["--precision", "abc"], "positive number"),
                      (["--precision", "1%"], "--rel-precision"),
                      (["--precision", "nope=0.1"], "no P or E report is labelled 'nope'"),
                      (["--rel-precision", "2"], "fraction below 1")):
    got = run(*args)
    check(f"{' '.join(args)}: usage error", got.returncode == 2 and message in got.stderr, got.stderr)

# compare honours --precision on each side: check_precision_analyses.py.

finish("precision")

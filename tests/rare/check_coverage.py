#!/usr/bin/env python3
"""`omen rare`'s 95% intervals cover the closed form in at least 93 of 100 repetitions.

usage: check_coverage.py OMEN RARE_OMEN [REPETITIONS]

Three rare events (examples/rare_events.omen): the walk from 1 (up 1/3, down 2/3) to
L = 20 and L = 30 before 0, P = 1 / (2^L - 1), and ten standard normals past 5 sqrt(10),
P = Phi(-5). Each repetition is an independent `omen rare` (its own seed: fresh pilot
rounds and a fresh final run) of 2,000 pilot trials a round and 50,000 final trials (with 10,000, the walk to 30 covers in about 92%: its weights grow as 1.02^downs under the tuned tilt, and the standard error of so few trials is too often small; Python simulation of the same estimator agrees). A
too-small standard error, the usual failure of importance sampling, shows as coverage
below 93.

With --split the same walks are estimated by multilevel splitting (`--split-on h`, the
default 500 trials per level and 8 replications): its interval is Student's t on the spread
of the replications, and an se that is too small shows the same way.
"""
import json
import math
import subprocess
import sys

SPLIT = "--split" in sys.argv
argv = [a for a in sys.argv if a != "--split"]
OMEN, MODEL = argv[1], argv[2]
REPS = int(argv[3]) if len(argv) > 3 else 100
SPLIT_CASES = [
    ("walk to 20, split", ["--scenario", "walk", "--event", "top", "--set", "L=20", "--split-on", "h"], 1 / (2 ** 20 - 1)),
    ("walk to 30, split", ["--scenario", "walk", "--event", "top", "--set", "L=30", "--split-on", "h"], 1 / (2 ** 30 - 1)),
]
TILT_CASES = [
    ("walk to 20", ["--scenario", "walk", "--event", "top", "--set", "L=20"], 1 / (2 ** 20 - 1)),
    ("walk to 30", ["--scenario", "walk", "--event", "top", "--set", "L=30"], 1 / (2 ** 30 - 1)),
    ("ten normals", ["--scenario", "normals", "--event", "tail"], 0.5 * math.erfc(5 / math.sqrt(2))),
]
CASES = SPLIT_CASES if SPLIT else TILT_CASES
SIZES = [] if SPLIT else ["--pilot", "2000", "--trials", "50000"]
failed = False
for name, args, truth in CASES:
    covered, z = 0, []
    for seed in range(1, REPS + 1):
        out = subprocess.run([OMEN, "rare", MODEL, *args, "--seed", str(seed), *SIZES,
                              "--threads", "1", "--format", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{name}, seed {seed}: omen rare failed:\n{out.stderr}")
            failed = True
            break
        r = json.loads(out.stdout)
        covered += r["ci_low"] <= truth <= r["ci_high"]
        z.append((r["estimate"] - truth) / r["std_error"])
    mean_z = sum(z) / len(z)
    print(f"{name}: {covered} of {REPS} intervals cover {truth:.8g}; mean (estimate - P) / se {mean_z:+.2f}")
    failed |= covered < math.ceil(0.93 * REPS)
print("coverage: " + ("FAILED" if failed else "ok"))
sys.exit(1 if failed else 0)

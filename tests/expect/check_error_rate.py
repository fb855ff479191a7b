#!/usr/bin/env python3
"""`omen test`'s stated error rate, checked over 100 seeds (docs/reference.md, Expectations).

Each seed runs `omen test near_bounds.omen --alpha 5%` and `omen test
near_bounds_posterior.omen` (posteriors of scenarios that observe): expectations a hair from their
bounds, so that the test needs tens of thousands of trials and a wrong verdict is as likely
as it ever gets. A confidence sequence fails a true expectation (and passes a false one) with
probability at most alpha however the test stops, so over 100 seeds each true expectation
may fail at most 5 times and the false one pass at most 5 times; most seeds must decide
everything within the cap (the test has power, not just caution). Seeds are fixed, so the
outcome is reproducible; at the true rates (well under alpha for these sequences) more than
5 wrong verdicts out of 100 would be a real defect.

usage: check_error_rate.py OMEN
"""
import json
import os
import subprocess
import sys

ALPHA = 0.05
SEEDS = range(1, 101)
CAP = 1_000_000
HERE = os.path.dirname(os.path.abspath(__file__))
# Each file and its false expectations (the others are true).
FILES = {"near_bounds.omen": {"E(x) < 198.8"}, "near_bounds_posterior.omen": {"E(mu) < 0.735"}}


def main():
    omen = sys.argv[1]
    ok = True
    for name, false_labels in FILES.items():
        print(name)
        ok &= check(omen, os.path.join(HERE, name), false_labels)
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


def check(omen, scenario, false_labels):
    wrong = {}
    decided = 0
    trials = []
    for seed in SEEDS:
        proc = subprocess.run([omen, "test", scenario, "--alpha", str(ALPHA), "--seed", str(seed), "--trials",
                               str(CAP), "--engine", "interp", "--threads", "1", "--format", "json"],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1, 3):
            sys.exit(f"seed {seed}: omen test exited {proc.returncode}: {proc.stderr}")
        doc = json.loads(proc.stdout)
        trials.append(max(s["trials"] for s in doc["scenarios"]))
        all_decided = True
        expectations = [e for s in doc["scenarios"] for e in s["expectations"]]
        for e in expectations:
            truth = not any(e["label"].startswith(f) for f in false_labels)
            bad = "fail" if truth else "pass"
            wrong.setdefault(e["label"], 0)
            if e["verdict"] == bad:
                wrong[e["label"]] += 1
            all_decided &= e["verdict"] != "undecided"
        decided += all_decided
        expected_status = 1 if any(e["verdict"] == "fail" for e in expectations) else (
            3 if not all_decided else 0)
        if proc.returncode != expected_status:
            sys.exit(f"seed {seed}: exit {proc.returncode}, expected {expected_status}")
    limit = int(ALPHA * len(SEEDS))
    ok = True
    for label, count in wrong.items():
        verdict = "wrong verdicts"
        print(f"{label:24s} {count:3d} {verdict} of {len(SEEDS)} (at most {limit})")
        ok &= count <= limit
    trials.sort()
    print(f"every expectation decided in {decided} of {len(SEEDS)} seeds; trials to stop: median {trials[len(trials) // 2]}, "
          f"max {trials[-1]} (cap {CAP})")
    if decided < 90:
        print("too few seeds decided: the test has no power")
        ok = False
    return ok


if __name__ == "__main__":
    sys.exit(main())

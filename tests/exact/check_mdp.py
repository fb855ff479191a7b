#!/usr/bin/env python3
"""`omen worst --exact` on generated programs with `choose` (generate.py --choose): for every
program it answers, the optimal strategy replayed by Monte Carlo lies within 5 standard
errors (plus the error bound) of the optimum, for --maximize and --minimize; the minimum is
at most the maximum; and the strategy, given back as --policy, gives bit-identical
estimates on the interpreter and the JIT (a run that fails or takes over 120 s fails the check),
and the exact engine under it (run --policy --engine exact) gives the optimum back.

    check_mdp.py OMEN TRIALS COUNT SEED

Programs it refuses (a runtime error under some strategy, too many states, a choice that
depends on an array) are listed and skipped; at least a third must be answered."""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def omen_json(omen, args, seconds=30):
    try:
        out = subprocess.run([omen, *args, "--format", "json"], capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        return None, f"did not finish within {seconds} s"
    if out.returncode != 0:
        lines = out.stderr.strip().splitlines()
        return None, next((l for l in lines if "error" in l), lines[0] if lines else str(out.returncode))
    return json.loads(out.stdout), ""


def estimates(run):
    return [(r["label"], r.get("estimate")) for s in run["scenarios"] for r in s["reports"]]


def main():
    omen, trials, count, seed = sys.argv[1:5]
    workdir = tempfile.mkdtemp(prefix="omen-mdp-")
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "..", "differential", "generate.py"), "--count", count,
                    "--seed", seed, "--out", workdir, "--choose"], check=True)
    files = sorted(os.path.join(workdir, f) for f in os.listdir(workdir))
    answered = failed = 0
    for path in files:
        text = open(path).read()
        if "choose " not in text:
            continue
        scenario = text.split("scenario ", 1)[1].split()[0]
        common = [path, "--scenario", scenario]
        exact = ["--trials", trials, "--exact", "--max-states", "20000"]
        best, why = omen_json(omen, ["worst", *common, *exact, "--maximize", "goal"])
        if best is None:
            print(f"skipped {path}: {why}")
            continue
        worst, why = omen_json(omen, ["worst", *common, *exact, "--minimize", "goal"])
        if worst is None:
            print(f"FAIL {path}: --maximize answered, --minimize failed: {why}")
            failed += 1
            continue
        answered += 1
        for result in (best, worst):
            replay = result["replay"]
            gap = abs(replay["estimate"] - result["value"])
            ok = gap <= 5 * replay["stderr"] + result["error_bound"] + 1e-12
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {path} {result['goal']}: exact {result['value']:.10g}, replay "
                  f"{replay['estimate']:.6g} ± {replay['stderr']:.2g}")
        if worst["value"] > best["value"] + best["error_bound"] + worst["error_bound"] + 1e-12:
            print(f"FAIL {path}: minimum {worst['value']} above maximum {best['value']}")
            failed += 1
        policy = os.path.join(workdir, "policy.json")
        with open(policy, "w") as f:
            json.dump(best, f)
        # A policy is a sorted table searched at run time (ir/LookupTable.h), so even one of
        # 10^5 rows compiles in seconds; the time limit is a safety net, and failing it a failure.
        outcomes = [omen_json(omen, ["run", *common, "--trials", "2000", "--policy", policy, "--engine", e], 120)
                    for e in ("interp", "jit")]
        runs = [run for run, _ in outcomes]
        if None in runs or estimates(runs[0]) != estimates(runs[1]):
            why = "; ".join(why for _, why in outcomes if why)
            print(f"FAIL {path}: the policy's runs differ between engines (or failed{': ' + why if why else ''})")
            failed += 1
        # The exact engine under the optimal strategy gives the optimum back.
        solved, why = omen_json(omen, ["run", *common, "--policy", policy, "--engine", "exact", "--max-states", "20000"],
                                120)
        value = None if solved is None else next(r for s in solved["scenarios"] for r in s["reports"]
                                                   if r["label"] == "goal")
        ok = value is not None and abs(value["value"] - best["value"]) <= value["error_bound"] + best["error_bound"] + 1e-9
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {path} exact under the policy: "
              f"{why if value is None else format(value['value'], '.10g')}, optimum {best['value']:.10g}")
    if answered * 3 < len(files):
        print(f"FAIL: worst --exact answered only {answered} of {len(files)} generated programs")
        failed += 1
    shutil.rmtree(workdir)
    print(f"{answered} programs answered, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

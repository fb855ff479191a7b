#!/usr/bin/env python3
"""The exact engine against Monte Carlo: every P and E report of every scenario the exact
engine answers lies within 5 standard errors (plus its own error bound) of a Monte Carlo
run of the same file. Usage: check_agreement.py OMEN TRIALS FILE[:--set=x=v,...]...

Scenarios the exact engine refuses are listed and skipped; a file in which it answers none
fails (the check would have checked nothing)."""
import json
import subprocess
import sys


def run(omen, args):
    out = subprocess.run([omen, "run", *args, "--format", "json"], capture_output=True, text=True)
    return out.returncode, out.stdout, out.stderr


def main():
    omen, trials, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    checked = failed = 0
    for spec in files:
        path, _, extra = spec.partition(":")
        sets = [a for s in extra.split(",") if s for a in ("--set", s.removeprefix("--set="))]
        code, out, _ = run(omen, [path, "--trials", "1"] + sets)
        names = [s["name"] for s in json.loads(out)["scenarios"]]
        answered = 0
        for name in names:
            code, out, err = run(omen, [path, "--scenario", name, "--engine", "exact"] + sets)
            if code != 0:
                print(f"skipped {path} {name}: {err.strip().splitlines()[0]}")
                continue
            answered += 1
            exact = json.loads(out)["scenarios"][0]
            code, out, err = run(omen, [path, "--scenario", name, "--trials", trials] + sets)
            mc = {r["label"]: r for r in json.loads(out)["scenarios"][0]["reports"]}
            for r in exact["reports"]:
                m = mc[r["label"]]
                if r["kind"] == "quantiles" or r.get("undefined") or m.get("estimate") is None:
                    continue
                se = m["stderr"] or 0.0
                gap = abs(r["value"] - m["estimate"])
                ok = gap <= 5 * se + r["error_bound"] + 1e-12
                checked += 1
                failed += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {path} {name} {r['label']}: exact {r['value']:.10g}, "
                      f"Monte Carlo {m['estimate']:.6g} ± {se:.2g} ({gap / se if se else 0:.2f} se); "
                      f"exact {exact['seconds']:.3g} s")
        if answered == 0:
            print(f"FAIL {path}: the exact engine answered none of its scenarios")
            failed += 1
    print(f"{checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The exact engine against Monte Carlo: every P and E report of every scenario the exact
engine answers lies within 5 standard errors (plus its own error bound) of a Monte Carlo
run of the same file.

    check_agreement.py OMEN TRIALS FILE[:x=v,...]...
    check_agreement.py OMEN TRIALS --generated COUNT SEED   (tests/differential/generate.py --discrete)

Scenarios the exact engine refuses (or cannot finish within 60 s, 20 s for generated ones, or in which it meets a
runtime error) are listed and skipped; a named file in which it answers none fails (the
check would have checked nothing); of generated programs, at least half must be answered."""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run(omen, args, seconds=60):
    try:
        out = subprocess.run([omen, "run", *args, "--format", "json"], capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        return 124, "", f"did not finish within {seconds} s"
    return out.returncode, out.stdout, out.stderr


def main():
    omen, trials, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    generated = files[:1] == ["--generated"]
    if generated:
        count, seed = files[1], files[2]
        workdir = tempfile.mkdtemp(prefix="omen-exact-")
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run([sys.executable, os.path.join(here, "..", "differential", "generate.py"), "--count", count,
                        "--seed", seed, "--out", workdir, "--discrete"], check=True)
        files = sorted(os.path.join(workdir, f) for f in os.listdir(workdir))
    checked = failed = answeredFiles = 0
    for spec in files:
        path, _, extra = spec.partition(":")
        sets = [a for s in extra.split(",") if s for a in ("--set", s.removeprefix("--set="))]
        code, out, err = run(omen, [path, "--trials", "1"] + sets)
        if code != 0:
            print(f"skipped {path}: {err.strip().splitlines()[0] if err.strip() else code}")
            continue
        names = [s["name"] for s in json.loads(out)["scenarios"]]
        answered = 0
        for name in names:
            code, out, err = run(omen, [path, "--scenario", name, "--engine", "exact"] + sets, 20 if generated else 60)
            if code != 0:
                print(f"skipped {path} {name}: {err.strip().splitlines()[0]}")
                continue
            answered += 1
            exact = json.loads(out)["scenarios"][0]
            code, out, err = run(omen, [path, "--scenario", name, "--trials", trials] + sets)
            if code != 0:
                print(f"FAIL {path} {name}: exact answered, Monte Carlo failed: {err.strip()[:200]}")
                failed += 1
                continue
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
        answeredFiles += answered > 0
        if answered == 0 and not generated:
            print(f"FAIL {path}: the exact engine answered none of its scenarios")
            failed += 1
    if generated and answeredFiles * 2 < len(files):
        print(f"FAIL: the exact engine answered only {answeredFiles} of {len(files)} generated programs")
        failed += 1
    if generated:
        shutil.rmtree(workdir)
    print(f"{checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

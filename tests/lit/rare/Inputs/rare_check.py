"""`omen rare` against closed forms, and the same numbers on every engine, thread count and
in a built executable.

    rare_check.py OMEN MODEL WORK

The issue's cases (examples/rare_events.omen, docs/rare-events.md): the walk from 1 (up 1/3, down 2/3) reaching L
before 0, P = 1 / (2^L - 1), at L = 20 and 30; ten standard normals past 5 sqrt(10),
P = Phi(-5); three safeguards failing together (1e-9) and a uniform past 0.999 (1e-3).
Each estimate within 3 of its standard errors of the closed form, a relative standard
error of at most 10%, and at most 1e6 trials simulated, pilot rounds included."""
import json, math, os, subprocess, sys

from rare_runs import Rare

omen, model, work = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


rare = Rare(omen, model, failures)


cases = [
    ("walk to 20", ["--scenario", "walk", "--event", "top"], 1 / (2 ** 20 - 1)),
    ("walk to 30", ["--scenario", "walk", "--event", "top", "--set", "L=30"], 1 / (2 ** 30 - 1)),
    ("ten normals", ["--scenario", "normals", "--event", "tail"], 0.5 * math.erfc(5 / math.sqrt(2))),
    ("three safeguards", ["--scenario", "safeguards", "--event", "all fail"], 1e-9),
    ("uniform tail", ["--scenario", "safeguards", "--event", "far tail"], 1e-3),
    ("per-step hazard", ["--scenario", "hazard", "--event", "hit"], -math.expm1(1000 * math.log1p(-1e-10))),
]
for name, args, truth in cases:
    r = rare(*args)
    if r is None:
        continue
    print(f"{name}: {r['estimate']:.6g} ± {r['std_error']:.2g} (truth {truth:.8g}), rel se {r['rel_error']:.3%}, "
          f"{r['simulated']} trials")
    rare.check_close(name, r, truth)
    if not r["simulated"] <= 1_000_000:
        failures.append(f"{name}: {r['simulated']} trials simulated, more than 1e6")
    if not r["tilts"]:
        failures.append(f"{name}: no tilted draw site reported")

# Engines and threads: the same numbers (the engine's name aside).
base = ["--scenario", "walk", "--event", "top", "--set", "L=30", "--pilot", "2000", "--trials", "20000"]
docs = rare.same_everywhere(base)

# A built executable: the same numbers through its `rare`.
exe = os.path.join(work, "walk")
built = subprocess.run([omen, "build", model, "-o", exe, "--scenario", "walk", "--force"], capture_output=True, text=True)
if built.returncode != 0:
    failures.append("omen build failed:\n" + built.stderr)
else:
    d = rare(*base[2:], exe=exe)
    if d is not None:
        d.pop("engine"), d.pop("seconds")
        d["file"] = docs[("interp", "1")]["file"]
        if json.dumps(d, sort_keys=True) != json.dumps(docs[("interp", "1")], sort_keys=True):
            failures.append(f"built executable differs:\n{d}\n{docs[('interp', '1')]}")

for f in failures:
    print("FAIL: " + f)
print("rare checks: " + ("FAILED" if failures else "ok"))

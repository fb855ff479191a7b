"""`omen rare --split-on` (multilevel splitting) against closed forms, and the same numbers on
every engine and thread count.

    split_check.py OMEN MODEL

The walk from 1 (up 1/3, down 2/3) reaching L before 0, P = 1 / (2^L - 1), at L = 20 and 30
(examples/rare_events.omen, docs/rare-events.md), split on the height h with the defaults:
each estimate within 3 of its standard errors of the closed form and a relative standard
error of at most 10%. The work, in phase steps (replays of clones' pasts and the pilot
included), is printed against the steps of 1e6 plain trials."""
import sys

from rare_runs import Rare

omen, model = sys.argv[1], sys.argv[2]
failures = []


rare = Rare(omen, model, failures)


for L in (20, 30):
    truth = 1 / (2 ** L - 1)
    r = rare("--scenario", "walk", "--event", "top", "--set", f"L={L}", "--split-on", "h")
    if r is None:
        continue
    plain_trials = r["steps"] / r["plain_steps"]
    print(f"walk to {L}: {r['estimate']:.6g} ± {r['std_error']:.2g} (truth {truth:.8g}), rel se {r['rel_error']:.3%}, "
          f"{len(r['levels'])} levels, {r['steps']} steps = the work of {plain_trials:.3g} plain trials")
    rare.check_close(f"walk to {L}", r, truth)
    if r["method"] != "multilevel splitting" or not r["levels"]:
        failures.append(f"walk to {L}: not split into levels: {r}")

# Engines and threads: the same numbers (the engine's name and the time aside).
base = ["--scenario", "walk", "--event", "top", "--set", "L=20", "--split-on", "h", "--effort", "200",
        "--replications", "3"]
rare.same_everywhere(base)

for f in failures:
    print("FAIL: " + f)
print("split checks: " + ("FAILED" if failures else "ok"))

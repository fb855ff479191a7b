#!/usr/bin/env python3
"""Checks that generated straight-line programs exercise the JIT's vector lanes.

    check_lanes.py OMEN FILE...

generate.py marks every straight-line program with `// lanes: yes` or `// lanes: no`: whether
ir/TrialLanes.h must let its first scenario run trials in vector lanes. This compares the mark
with what `omen emit --ir` prints for that scenario, so that the differential suite is known
to cover the vectorised kernel (and the refusals), not only to pass. Exit status 1 on a
mismatch or when no file is marked.
"""
import subprocess
import sys


def main():
    omen, files = sys.argv[1], sys.argv[2:]
    marked = bad = 0
    for path in files:
        with open(path) as f:
            first = f.readline().strip()
        if not first.startswith("// lanes: "):
            continue
        marked += 1
        want = first[len("// lanes: "):]
        out = subprocess.run([omen, "emit", "--ir", path], capture_output=True, text=True)
        heads = [l for l in out.stdout.splitlines() if l.startswith("scenario ")]
        if out.returncode != 0 or not heads:
            print(f"{path}: omen emit --ir failed: {out.stderr.strip()[:300]}")
            bad += 1
            continue
        got = "yes" if "; trials run in vector lanes" in heads[0] else "no" if "; one trial at a time: " in heads[0] else "?"
        if got != want:
            print(f"{path}: expected lanes {want}, omen emit --ir says: {heads[0]}")
            bad += 1
    if marked == 0:
        print("check_lanes.py: no file is marked `// lanes:`; the generator lost its straight-line programs")
        return 1
    print(f"check_lanes.py: {marked - bad} of {marked} straight-line programs decided as generated")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

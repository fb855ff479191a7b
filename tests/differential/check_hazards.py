#!/usr/bin/env python3
"""Checks that generated hazard phases exercise the jump over failed choices.

    check_hazards.py OMEN FILE...

generate.py marks every program with phases whose only draws are per-step choices with
`// hazards: NAME=yes|no …`: whether ir/Hazards.h must let phase NAME jump (a tenth of them
read `step` or draw from another distribution, so the analysis must refuse). This compares
the marks with the phase lines `omen emit --ir` prints (in every scenario that has the phase,
derived ones included), so that the differential suite is known to cover the jump, not only
to pass. Exit status 1 on a mismatch or when no file is marked.
"""
import re
import subprocess
import sys


def main():
    omen, files = sys.argv[1], sys.argv[2:]
    marked = bad = 0
    for path in files:
        with open(path) as f:
            marks = [line[len("// hazards: "):].split() for line in f if line.startswith("// hazards: ")]
        if not marks:
            continue
        out = subprocess.run([omen, "emit", "--ir", path], capture_output=True, text=True)
        if out.returncode != 0:
            continue  # a program the generator got wrong (the differential runner skips it too)
        for mark in marks[0]:
            name, want = mark.split("=")
            marked += 1
            lines = [l for l in out.stdout.splitlines() if re.match(rf"\s*phase {name}\[", l)]
            got = {"yes" if "; jumps over steps whose" in l else "no" for l in lines}
            if got != {want}:
                print(f"{path}: expected phase {name} to jump: {want}; omen emit --ir says: {lines}")
                bad += 1
    if marked == 0:
        print("check_hazards.py: no file is marked `// hazards:`; the generator lost its hazard phases")
        return 1
    print(f"check_hazards.py: {marked - bad} of {marked} hazard phases decided as generated")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

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
import sys

from marks import check_marked, emit_ir


def check(omen, path, marks):
    out = emit_ir(omen, path)
    if out.returncode != 0:
        return 0, 0  # a program the generator got wrong (the differential runner skips it too)
    marked = bad = 0
    for mark in marks.split():
        name, want = mark.split("=")
        marked += 1
        lines = [l for l in out.stdout.splitlines() if re.match(rf"\s*phase {name}\[", l)]
        got = {"yes" if "; jumps over steps whose" in l else "no" for l in lines}
        if got != {want}:
            print(f"{path}: expected phase {name} to jump: {want}; omen emit --ir says: {lines}")
            bad += 1
    return marked, bad


if __name__ == "__main__":
    sys.exit(check_marked("check_hazards.py", "hazards", "hazard phases", check))

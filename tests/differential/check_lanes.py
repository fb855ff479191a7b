#!/usr/bin/env python3
"""Checks that generated straight-line programs exercise the JIT's vector lanes.

    check_lanes.py OMEN FILE...

generate.py marks every straight-line program with `// lanes: yes` or `// lanes: no`: whether
ir/TrialLanes.h must let its first scenario run trials in vector lanes. This compares the mark
with what `omen emit --ir` prints for that scenario, so that the differential suite is known
to cover the vectorised kernel (and the refusals), not only to pass. Exit status 1 on a
mismatch or when no file is marked.
"""
import sys

from marks import check_marked, emit_ir


def check(omen, path, want):
    out = emit_ir(omen, path)
    heads = [l for l in out.stdout.splitlines() if l.startswith("scenario ")]
    if out.returncode != 0 or not heads:
        print(f"{path}: omen emit --ir failed: {out.stderr.strip()[:300]}")
        return 1, 1
    got = "yes" if "; trials run in vector lanes" in heads[0] else "no" if "; one trial at a time: " in heads[0] else "?"
    if got != want:
        print(f"{path}: expected lanes {want}, omen emit --ir says: {heads[0]}")
        return 1, 1
    return 1, 0


if __name__ == "__main__":
    sys.exit(check_marked("check_lanes.py", "lanes", "straight-line programs", check))

"""The scaling checks' bookkeeping: each check prints one ok/FAIL line and the run ends with
a non-zero status if any failed."""
import sys

failures = []


def check(what, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)
        if detail:
            print(detail)


def finish(name):
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print(f"all {name} checks passed")


BLOCK = 4096  # the largest block


def block_starts(limit):
    """Block b holds min(4096, 16 * 2^(b div 32)) trials (reference section 10): where a
    precision-targeted run may stop."""
    starts, start, b = set(), 0, 0
    while start <= limit:
        starts.add(start)
        start += min(4096, 16 << (b // 32))
        b += 1
    return starts

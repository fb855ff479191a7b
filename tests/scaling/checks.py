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

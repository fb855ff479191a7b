#!/usr/bin/env python3
"""Check `omen run --format json` output against expectations written in the test file.

Each expectation sits on a report line, after the label:

  report E(kaplan_loss_params(1e9)) as "L(N=1e9)"   // expect 2.37564... = (8.8e13/1e9)**0.076
  report P(caught | defector) as "caught"            // expect-mc 0.4375 = <python expression>

`expect V = EXPR`     exact: EXPR (evaluated here with python3, `math` available) must give V
                      to 1e-12, and omen's estimate must equal V to a relative 1e-9.
`expect-mc V = EXPR`  Monte Carlo: EXPR must give V as above, and |estimate - V| must be
                      within 5 standard errors of omen's estimate (stderr must be > 0 unless
                      V is 0 or 1).

An expectation belongs to the scenario whose body it stands in (the last `scenario NAME`
line above it); a derived scenario restates an inherited report (same label, so it replaces
it) to give it an expectation. Every report omen prints must carry an expectation and every
expectation must match a report, so that a renamed label cannot silently skip a check (an
`expect` statement's report checks itself: `omen test`).
With --allow-unchecked, reports without an expectation are allowed (for scenarios that
inherit many reports and check a few); every expectation must still match a report.
Usage: check_reports.py [--allow-unchecked] TEST_FILE JSON_FILE
"""
import json
import math
import re
import sys

SCENARIO = re.compile(r'^\s*scenario\s+(\w+)')
LINE = re.compile(r'as\s+"([^"]+)"\s*//\s*(expect|expect-mc)\s+(\S+)\s*=\s*(.+?)\s*$')


def main():
    args = sys.argv[1:]
    allow_unchecked = "--allow-unchecked" in args
    args = [a for a in args if a != "--allow-unchecked"]
    test_file, json_file = args[0], args[1]
    expectations = {}
    scenario = None
    with open(test_file) as f:
        for number, text in enumerate(f, 1):
            s = SCENARIO.match(text)
            if s:
                scenario = s.group(1)
            m = LINE.search(text)
            if not m:
                continue
            label, kind, value, expr = m.groups()
            key = (scenario, label)
            if key in expectations:
                sys.exit(f"{test_file}:{number}: {key!r} has two expectations")
            expectations[key] = (number, kind, float(value), expr)
    if not expectations:
        sys.exit(f"{test_file}: no expectations found")

    with open(json_file) as f:
        doc = json.load(f)
    reports = {}
    for scenario in doc["scenarios"]:
        for report in scenario["reports"]:
            key = (scenario["name"], report["label"])
            if key in reports:
                sys.exit(f"report {key!r} appears twice in the output")
            reports[key] = report

    failures = []
    for key, (number, kind, value, expr) in expectations.items():
        label = key[1]
        where = f"{test_file}:{number}: {key[0]}: {label!r}"
        computed = eval(expr, {"math": math, "__builtins__": {"sum": sum, "range": range,
                                                               "min": min, "max": max, "float": float, "enumerate": enumerate, "len": len,
                                                               "abs": abs}})
        if not math.isclose(computed, value, rel_tol=1e-12, abs_tol=1e-300):
            failures.append(f"{where}: written value {value!r} but the python computation gives {computed!r}")
        if key not in reports:
            failures.append(f"{where}: no report with this label in the output")
            continue
        report = reports[key]
        estimate = report.get("estimate")
        if estimate is None:
            failures.append(f"{where}: report has no estimate")
            continue
        if kind == "expect":
            if not math.isclose(estimate, value, rel_tol=1e-9, abs_tol=0.0):
                failures.append(f"{where}: omen gives {estimate!r}, expected {value!r} "
                                f"(relative error {abs(estimate - value) / abs(value):.3g})")
        else:
            stderr = report.get("stderr") or 0.0
            if stderr <= 0 and value not in (0.0, 1.0):
                failures.append(f"{where}: stderr is {stderr!r}; a Monte Carlo check needs one")
                continue
            z = abs(estimate - value) / stderr if stderr > 0 else (0.0 if estimate == value else math.inf)
            if z > 5:
                failures.append(f"{where}: omen gives {estimate!r} +- {stderr!r}, expected {value!r} "
                                f"({z:.1f} standard errors away)")
            else:
                print(f"ok {key[0]}: {label}: {estimate!r} +- {stderr!r} vs {value!r} ({z:.2f} se)")
            continue
        print(f"ok {key[0]}: {label}: {estimate!r} vs {value!r}")

    for key in reports:
        # An `expect` statement's report checks itself (`omen test`).
        if key not in expectations and not allow_unchecked and "expect" not in reports[key]:
            failures.append(f"{test_file}: report {key!r} has no expectation in the test")

    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

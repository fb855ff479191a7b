"""Every CSV omen writes, for every command, read back with Python's csv module and pandas.

usage: csv_all.py OMEN INPUTS_DIR
Each command's CSV must have as many fields in every row as in its header (csv module), and
pandas.read_csv with no options must read every numeric column as float64 (integer columns
only for counts and int params). Prints one line per command; exits 1 if any failed.
"""
import csv
import io
import os
import subprocess
import sys

import pandas

omen, inputs = sys.argv[1], sys.argv[2]
audits = os.path.join(inputs, "audits.omen")
two_level = os.path.join(inputs, "two_level.omen")
tornado = os.path.join(inputs, "tornado.omen")
slow = os.path.join(inputs, "slow.omen")
huge = os.path.join(inputs, "huge_values.omen")
# Scenarios that observe: a sweep's evidence rows and columns, the worlds' evidence.
quiet = os.path.join(inputs, "..", "..", "..", "..", "examples", "three_quiet_years.omen")
observing_worlds = os.path.join(inputs, "..", "..", "evidence", "Inputs", "worlds.omen")
# Columns that are text, and integer columns (counts, and int params' values).
TEXT = {"scenario", "scenario_a", "scenario_b", "label", "kind", "note", "analysis", "report", "input", "goal", "param", "target", "target_met",
        "ci_low_open", "ci_high_open"}
COUNTS = {"n", "n_a", "n_b", "trials", "evaluations", "worlds", "trials_per_world", "k", "steps", "n_labs"}
COMMANDS = [
    ["run", audits, "--trials", "2000"],
    ["run", audits, "--precision", "0.01", "--trials", "200000"],
    ["run", huge, "--trials", "1000"],
    ["compare", audits, "audits", "audits", "--set-a", "q=1%", "--set-b", "q=5%", "--trials", "2000"],
    ["sweep", audits, "--vary", "q", "--points", "4", "--trials", "2000"],
    ["sweep", audits, "--vary", "q", "--vary", "k=5:15:3", "--points", "3", "--trials", "1000"],
    ["sweep", audits, "--vary", "q=1%:10%:4", "--log", "--trials", "1000", "--precision", "0.02"],
    ["sweep", huge, "--vary", "big=1e19:1e26:8", "--log", "--trials", "200"],
    ["sweep", os.path.join(inputs, "div_zero.omen"), "--vary", "k", "--trials", "100"],
    ["solve", audits, "--find", "q", "--where", "P(caught) = 50%", "--trials", "2000"],
    ["sweep", audits, "--vary", "q", "--points", "3", "--set-a", "k=10", "--set-b", "k=5", "--trials", "1000"],
    ["solve", audits, "--find", "q", "--where", "P(caught) = 0.2", "--log", "--set-a", "k=10", "--set-b", "k=5",
     "--trials", "1000"],
    ["sensitivity", tornado, "--trials", "2000", "--rows", "256"],
    ["worst", slow, "--over", "rate", "--maximize", "hit", "--trials", "200", "--evaluations", "8", "--set", "steps=10"],
    ["run", two_level, "--worlds", "30", "--trials", "300", "--exceed", "0.5,90%"],
    ["sweep", quiet, "--scenario", "quiet_years", "--vary", "incident_if_deceptive=0.1:0.5:3", "--trials", "2000"],
    ["run", observing_worlds, "--worlds", "40", "--trials", "16", "--exceed", "0.5"],
]

failed = 0
for args in COMMANDS:
    out = subprocess.run([omen] + args + ["--format", "csv"], capture_output=True, text=True, timeout=300)
    name = " ".join(a if not a.startswith("/") else os.path.basename(a) for a in args)
    problems = []
    if out.returncode not in (0, 1) or not out.stdout:
        problems.append("status %d: %s" % (out.returncode, out.stderr.strip()))
    else:
        rows = list(csv.reader(io.StringIO(out.stdout)))
        width = len(rows[0])
        for i, row in enumerate(rows[1:], 2):
            if len(row) != width:
                problems.append("line %d has %d fields, the header %d" % (i, len(row), width))
        frame = pandas.read_csv(io.StringIO(out.stdout))
        for column in frame.columns:
            dtype = str(frame[column].dtype)
            if column in TEXT or column.startswith("param."):
                continue
            if frame[column].isna().all():
                continue
            if column in COUNTS:
                if dtype not in ("int64", "float64"):
                    problems.append("count column %s read as %s" % (column, dtype))
            elif dtype != "float64":
                problems.append("column %s read as %s" % (column, dtype))
    if problems:
        failed += 1
        print("%s: FAILED: %s\n%s" % (name, "; ".join(problems), out.stdout[:3000]))
    else:
        print("%s: ok" % name)
print("%d passed, %d failed" % (len(COMMANDS) - failed, failed))
sys.exit(1 if failed else 0)

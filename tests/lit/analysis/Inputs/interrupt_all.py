"""Sends SIGINT to every analysis mid-run, in every format, and checks what a user sees.

usage: interrupt_all.py OMEN SLOW.omen SLOW_EXACT.omen
For each analysis (run, compare, sweep, solve, the tornado and the Sobol' stage of
sensitivity, run --worlds, worst, voi, test, rare in its pilot rounds and in its final run,
the exact engine's run and worst --exact) and each format: the exit status is 130, stderr says
"omen: interrupted: …", the output is marked partial (text PARTIAL, JSON "partial": true,
a CSV `note` of "partial: …" on every row, every row as many fields as its header), no
estimate resting on no trial is printed as a result, and the process stopped (the time it
took is printed, not asserted: the machine may be loaded). Prints one line per case and
exits 1 if any failed.
"""
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Inputs"))
from sigint import interrupt  # noqa: E402

omen, slow, slow_exact = sys.argv[1], sys.argv[2], sys.argv[3]
ANALYSES = [
    # name, arguments, seconds before the signal (every stage named is still running then)
    ("run", ["run", slow, "--trials", "1000000"], 1.5),
    ("compare", ["compare", slow, "slow", "slow", "--set-a", "rate=0.2", "--set-b", "rate=0.8",
                 "--trials", "1000000"], 1.5),
    ("sweep", ["sweep", slow, "--vary", "rate=0.1:0.9:5", "--trials", "1000000"], 1.5),
    ("solve", ["solve", slow, "--find", "rate", "--where", "hit = 20%", "--trials", "1000000"], 1.5),
    # The tornado's bar for `steps` runs trials of 10^9 steps: interrupted inside a trial.
    ("tornado", ["sensitivity", slow, "--report", "hit", "--no-sobol", "--trials", "200"], 2.0),
    ("sobol", ["sensitivity", slow, "--report", "hit", "--no-tornado", "--trials", "200"], 2.0),
    ("worlds", ["run", slow, "--worlds", "200", "--trials", "500"], 2.0),
    ("worst", ["worst", slow, "--over", "rate", "--maximize", "hit", "--trials", "500"], 2.0),
    ("voi", ["voi", slow, "--decide", "rate", "--maximize", "hit", "--worlds", "200", "--trials", "500"], 2.0),
    # The expectation sits on its true value: undecided for millions of trials.
    ("test", ["test", slow, "--trials", "1000000"], 1.5),
    # A pilot round of 10^8 climbs; then pilot rounds that end in milliseconds and a final
    # run of 10^10 climbs.
    ("rare-pilot", ["rare", slow_exact, "--scenario", "climb", "--event", "top", "--pilot", "100000000"], 1.5),
    ("rare-final", ["rare", slow_exact, "--scenario", "climb", "--event", "top", "--pilot", "2000",
                    "--trials", "1e10"], 2.0),
    # Multilevel splitting with 10^7 climbs per level: interrupted in its pilot.
    ("rare-split", ["rare", slow_exact, "--scenario", "climb", "--event", "top", "--split-on", "h",
                    "--effort", "10000000"], 1.5),
    # The exact engine: a walk whose distribution widens each step, and a steered walk whose
    # every strategy is explored (stopped before the backward induction).
    ("exact", ["run", slow_exact, "--scenario", "walk", "--engine", "exact"], 1.5),
    ("exact-worlds", ["run", slow_exact, "--scenario", "worlds_walk", "--engine", "exact", "--worlds", "100000"], 1.5),
    ("worst-exact", ["worst", slow_exact, "--scenario", "steered", "--exact", "--maximize", "top"], 1.5),
]
FORMATS = ["text", "json", "csv"]
# Cases whose memory grows while they run (worst --exact records every state of every step,
# about 0.3 GB a second): killed after this many seconds if Ctrl-C did not stop them, so a
# failure cannot take the machine's memory.
KILL_AFTER = {"worst-exact": 5}


def zero_results_json(node, path="$"):
    """Places where an estimate rests on no trial (n == 0 with a number)."""
    found = []
    if isinstance(node, dict):
        if node.get("n") == 0 and isinstance(node.get("estimate"), (int, float)):
            found.append(path)
        for k, v in node.items():
            found += zero_results_json(v, path + "." + str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += zero_results_json(v, "%s[%d]" % (path, i))
    return found


def any_partial_json(node):
    if isinstance(node, dict):
        return node.get("partial") is True or any(any_partial_json(v) for v in node.values())
    if isinstance(node, list):
        return any(any_partial_json(v) for v in node)
    return False


def check_output(fmt, out):
    problems = []
    if fmt == "text":
        if "PARTIAL" not in out:
            problems.append("no PARTIAL line")
        if re.search(r"(^|\s)0(\.0+)? ± 0(\.0+)?(\s|$)", out):
            problems.append("a zero estimate '0 ± 0'")
    elif fmt == "json":
        try:
            doc = json.loads(out)
        except ValueError as e:
            return ["not JSON: %s" % e]
        if not any_partial_json(doc):
            problems.append('no "partial": true')
        zeros = zero_results_json(doc)
        if zeros:
            problems.append("estimates with n = 0 at " + ", ".join(zeros))
    else:
        rows = list(csv.reader(io.StringIO(out)))
        if not rows:
            return ["no CSV header"]
        head = rows[0]
        if "note" not in head:
            problems.append("no note column")
        for i, row in enumerate(rows[1:], 2):
            if len(row) != len(head):
                problems.append("line %d has %d fields, the header %d" % (i, len(row), len(head)))
                continue
            rec = dict(zip(head, row))
            if "partial" not in rec.get("note", ""):
                problems.append("line %d not marked partial" % i)
            if rec.get("n") == "0" and rec.get("estimate", ""):
                problems.append("line %d: an estimate on n = 0" % i)
        if len(rows) == 1:
            problems.append("no row says it is partial")
    return problems


def wait_for_handler(proc, limit=30.0):
    """Waits until the process catches SIGINT (Linux: SigCgt in /proc), so that on a loaded
    machine the signal is never sent before omen has installed its handler."""
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        try:
            with open("/proc/%d/status" % proc.pid) as f:
                caught = next(int(l.split()[1], 16) for l in f if l.startswith("SigCgt:"))
            if caught & (1 << (signal.SIGINT - 1)):
                return
        except (OSError, StopIteration):
            return
        time.sleep(0.01)


failed = []
slowest = 0.0
for name, args, delay in ANALYSES:
    for fmt in FORMATS:
        proc = subprocess.Popen([omen] + args + ["--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_for_handler(proc)
        time.sleep(delay)
        if proc.poll() is not None:
            print("%s %s: FAILED: ended before the signal (status %d); make it heavier" % (name, fmt, proc.returncode))
            failed.append("%s %s" % (name, fmt))
            continue
        out, err, waited = interrupt(proc, timeout=KILL_AFTER.get(name, 30))
        slowest = max(slowest, waited)
        problems = []
        if proc.returncode != 130:
            problems.append("status %d, not 130" % proc.returncode)
        if not re.search(r"^omen: interrupted: ", err, re.M):
            problems.append("no 'omen: interrupted:' notice on stderr")
        problems += check_output(fmt, out)
        if problems:
            failed.append("%s %s" % (name, fmt))
            print("%s %s: FAILED: %s\n--- stderr\n%s--- stdout\n%s" % (name, fmt, "; ".join(problems), err, out))
        else:
            print("%s %s: ok (stopped %.2f s after the signal)" % (name, fmt, waited))
print("slowest stop: %.2f s" % slowest, file=sys.stderr)
print("%d passed, %d failed%s" % (len(ANALYSES) * len(FORMATS) - len(failed), len(failed),
                                  (": " + ", ".join(failed)) if failed else ""))
sys.exit(1 if failed else 0)

"""Runs a command, sends it SIGINT after DELAY seconds, and prints what a user would see.

usage: interrupt.py DELAY COMMAND...
Prints the exit status, whether the process ended within a second of the signal, then the
command's stderr and stdout (each under a header) for FileCheck.
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Inputs"))
from sigint import interrupt  # noqa: E402

delay = float(sys.argv[1])
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
time.sleep(delay)
if proc.poll() is not None:
    print("the command ended before the signal; make its trials heavier")
    sys.exit(1)
out, err, waited = interrupt(proc)
print("status", proc.returncode)
print("stopped within a second:", "yes" if waited < 1.0 else "no (%.2f s)" % waited)
print("--- stderr")
print(err, end="")
print("--- stdout")
print(out, end="")

"""Runs a command, sends it SIGINT after DELAY seconds, and prints what a user would see.

usage: interrupt.py DELAY COMMAND...
Prints the exit status, whether the process ended within a second of the signal, then the
command's stderr and stdout (each under a header) for FileCheck.
"""
import signal
import subprocess
import sys
import time

delay = float(sys.argv[1])
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
time.sleep(delay)
if proc.poll() is not None:
    print("the command ended before the signal; make its trials heavier")
    sys.exit(1)
proc.send_signal(signal.SIGINT)
sent = time.monotonic()
try:
    out, err = proc.communicate(timeout=30)
except subprocess.TimeoutExpired:
    proc.kill()
    out, err = proc.communicate()
waited = time.monotonic() - sent
print("status", proc.returncode)
print("stopped within a second:", "yes" if waited < 1.0 else "no (%.2f s)" % waited)
print("--- stderr")
print(err.decode(), end="")
print("--- stdout")
print(out.decode(), end="")

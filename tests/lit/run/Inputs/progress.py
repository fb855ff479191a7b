"""Runs a command with stderr on a pseudo-terminal (the progress bar shows only on one) until
it has drawn a progress line counting at least one finished trial, or for at most SECONDS
(a loaded machine or a sanitized build may need many), interrupts it, and prints the last
progress line drawn."""
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time

seconds = float(sys.argv[1])
master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
seen = b""


def progress_lines():
    return [l for l in re.split(rb"[\r\n]", seen) if b"trials" in l and b"[" in l]


def counted_a_trial(line):
    return re.search(rb"\b[1-9][0-9]*/[0-9]+ trials", line) is not None


end = time.monotonic() + seconds
while time.monotonic() < end:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
        lines = progress_lines()
        if lines and counted_a_trial(lines[-1]):
            break
proc.send_signal(signal.SIGINT)
proc.wait(timeout=30)
lines = progress_lines()
print("progress:", lines[-1].decode(errors="replace").replace("\x1b[K", "") if lines else "none")

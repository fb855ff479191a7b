"""Runs a command with stderr on a pseudo-terminal (the progress bar shows only on one) for
SECONDS, interrupts it, and prints the last progress line drawn."""
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
end = time.monotonic() + seconds
while time.monotonic() < end:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
proc.send_signal(signal.SIGINT)
proc.wait(timeout=30)
lines = [l for l in re.split(rb"[\r\n]", seen) if b"trials" in l and b"[" in l]
print("progress:", lines[-1].decode(errors="replace").replace("\x1b[K", "") if lines else "none")

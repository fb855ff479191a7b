"""Ctrl-C as a user sends it, for the lit tests that interrupt a command (run/Inputs/interrupt.py,
analysis/Inputs/interrupt_all.py)."""
import signal
import subprocess
import time


def interrupt(proc, timeout=30):
    """Sends SIGINT to `proc` (a Popen with piped stdout and stderr) and waits for it to end,
    killing it after `timeout` seconds. Returns (stdout, stderr) as text and the seconds it
    took to end after the signal."""
    proc.send_signal(signal.SIGINT)
    sent = time.monotonic()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return out.decode(), err.decode(), time.monotonic() - sent

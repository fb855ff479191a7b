"""Interrupts `omen run FILE --format json`, then runs FILE with --trials set to the trials the
interrupted run finished, and checks that both report the same numbers."""
import json
import signal
import subprocess
import sys
import time

omen, path = sys.argv[1], sys.argv[2]
proc = subprocess.Popen([omen, "run", path, "--trials", "4000", "--format", "json"],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
time.sleep(1.5)
proc.send_signal(signal.SIGINT)
out, _ = proc.communicate(timeout=30)
partial = json.loads(out)["scenarios"][0]
n = partial["trials_completed"]
if not partial.get("partial") or n == 0 or n >= 4000:
    sys.exit("expected a partial run with some trials, got %d" % n)
full = json.loads(subprocess.run([omen, "run", path, "--trials", str(n), "--format", "json"],
                                 capture_output=True, check=True).stdout)["scenarios"][0]
if partial["reports"] != full["reports"]:
    sys.exit("partial %s\n!= full %s" % (partial["reports"], full["reports"]))
print("partial run of %d trials equals a complete run of %d trials" % (n, n))

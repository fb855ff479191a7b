"""Ctrl-C interrupts a run: omen.Interrupted (a KeyboardInterrupt) with the partial result.
And the GIL is released while a run works, so other Python threads go on."""
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

from conftest import ONLINE_LEARNING, SOURCE_DIR
import omen

# Trials that stay inside `for` loops for hours, never finishing a phase step (issue 22).
ENDLESS_LOOPS = os.path.join(SOURCE_DIR, "tests", "lit", "run", "Inputs", "endless_loops.omen")

CHILD = textwrap.dedent("""
    import sys, time, omen
    program = omen.load(sys.argv[1])
    print("ready", flush=True)
    start = time.monotonic()
    try:
        omen.run(sys.argv[1], "online_learning", trials=10**11, threads=1)
        print("finished")
    except omen.Interrupted as e:
        s = e.result.scenarios[0]
        print("interrupted", isinstance(e, KeyboardInterrupt), e.result.partial,
              s.trials_completed, s.reports[0].n, round(time.monotonic() - start, 1), flush=True)
    """)


def test_sigint_interrupts_a_run_with_its_partial_result():
    child = subprocess.Popen([sys.executable, "-c", CHILD, ONLINE_LEARNING], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=os.environ)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(1.5)  # well inside a run of 10^11 trials (hours)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        child.kill()
    fields = out.split()
    assert fields[:3] == ["interrupted", "True", "True"], out + err
    completed, n = int(fields[3]), int(fields[4])
    # Usually thousands of trials finished; on a loaded machine the signal may still land
    # while the kernel compiles, and then none has, which is a partial result too.
    assert 0 <= completed < 10**11 and n == completed


def test_sigint_interrupts_a_trial_inside_a_for_loop():
    code = textwrap.dedent("""
        import sys, omen
        print("ready", flush=True)
        try:
            omen.run(sys.argv[1], sys.argv[2], trials=2, threads=1, engine=sys.argv[3])
            print("finished")
        except omen.Interrupted as e:
            print("interrupted", e.result.partial, e.result.scenarios[0].trials_completed, flush=True)
        """)
    for scenario in ("phase_loop", "fn_loop"):
        for engine in ("interp", "jit"):
            child = subprocess.Popen([sys.executable, "-c", code, ENDLESS_LOOPS, scenario, engine],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                assert child.stdout.readline().strip() == "ready"
                time.sleep(1.5)
                child.send_signal(signal.SIGINT)
                sent = time.monotonic()
                out, err = child.communicate(timeout=30)
                waited = time.monotonic() - sent
            finally:
                child.kill()
            assert out.split() == ["interrupted", "True", "0"], (scenario, engine, out + err)
            assert waited < 5, (scenario, engine, waited)


def test_uncaught_interrupt_stops_python_as_keyboardinterrupt():
    code = "import omen, sys; omen.run(sys.argv[1], trials=10**11, threads=1)"
    child = subprocess.Popen([sys.executable, "-c", code, ONLINE_LEARNING], stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert child.returncode != 0 and "Interrupted" in err, err


def test_the_gil_is_released_during_a_run():
    counts = []
    stop = threading.Event()

    def count():
        n = 0
        while not stop.is_set():
            n += 1
        counts.append(n)

    t = threading.Thread(target=count)
    t.start()
    try:
        started = time.monotonic()
        omen.run(ONLINE_LEARNING, "online_learning", trials=2_000_000, threads=1)
        seconds = time.monotonic() - started
    finally:
        stop.set()
        t.join()
    # A thread holding the GIL for the whole run would leave the counter near zero.
    assert seconds > 0.2 and counts[0] > 10_000, (seconds, counts)

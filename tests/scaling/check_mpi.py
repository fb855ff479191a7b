#!/usr/bin/env python3
"""MPI runs are byte-identical to one process, and a failing rank ends the run loudly.

usage: check_mpi.py OMEN MPIRUN EXAMPLES_DIR
Exits 77 (ctest: skipped) when omen was built without MPI or mpirun is missing.

- `mpirun -n 1|2|3 omen run EXAMPLE` gives the same output as `omen run EXAMPLE` for every
  example (JSON, with only the wall-clock seconds removed; CSV and text for one), and so
  do `omen compare`, sweep, `--worlds`, solve, sensitivity, worst, rare, a built executable and
  a precision-targeted run.
- A runtime error in a block of a rank other than 0 is reported exactly as one process
  reports it (the lowest failing trial), with exit status 1, also when a third rank holds
  the merge back (OMEN_TEST_SLOW_BLOCK, a hook for tests only).
- A rank that aborts or is killed (kill -9) mid-run ends the whole run with a non-zero
  status and a message naming the rank (OMEN_TEST_RANK_FAILURE, a hook for tests only).
- Ranks given different runs (a param value, seed, scenario, trial count, command or
  program) stop before any work with one error on rank 0 naming what differs (issue 22),
  instead of a silent blend, a wrong result or a hang.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

from checks import check, finish

OMEN, MPIRUN, EXAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
HERE = os.path.dirname(os.path.abspath(__file__))
TRIALS = "9000"  # 101 blocks (16 to 256 trials each), the last one short
# early_stopping's `overtrained` trains for up to 10^6 steps a trial (a minute for 9000
# trials): 600 trials for all of it, 9000 for its first scenario.
RUNS = {"early_stopping.omen": [["--trials", "600"], ["--trials", TRIALS, "--scenario", "compute_optimal"]]}
ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
           OMPI_MCA_btl_vader_single_copy_mechanism="none", OMPI_MCA_rmaps_base_oversubscribe="1")


def run(args, env=None, timeout=120):
    return subprocess.run(args, capture_output=True, text=True, env=env or ENV, timeout=timeout)


def mpirun(n, args, env=None, timeout=120):
    return run([MPIRUN, "--allow-run-as-root", "--oversubscribe", "-n", str(n)] + args, env, timeout)


def mpirun_or_hang(n, args, env=None):
    """mpirun's result, or None if it hung (a minute, for a run of well under a second)."""
    try:
        return mpirun(n, args, env, timeout=60)
    except subprocess.TimeoutExpired:
        return None


def strip_time(text):
    """Removes the wall-clock and compile times and the auto engine's split of the trials
    (which depends on when its compile finished; under MPI it is not shown), the only fields
    that differ run to run."""
    text = re.sub(r'"(seconds|compile_seconds)": [0-9.e+-]+', r'"\1": T', text)
    text = re.sub(r' "engine_trials": \{[^}]*\},', "", text)
    text = re.sub(r"engine auto \(interp \d+ trials, jit \d+\)", "engine auto", text)
    # The footer's times: "compile 0.31 s, run 0.12 s" (a built executable: "run 0.12 s").
    return re.sub(r"(compile|run) [0-9.e+-]+ (ms|s|min)", r"\1 T", text)


if shutil.which(MPIRUN) is None and not os.path.exists(MPIRUN):
    print("skipped: mpirun not found (install openmpi-bin; scripts/setup.sh does)")
    sys.exit(77)
probe = mpirun(2, [OMEN, "run", os.path.join(HERE, "known_variance.omen"), "--trials", "8192",
                   "--scenario", "known_variance", "--threads", "1", "--format", "csv"])
if probe.returncode != 0:
    print("skipped: mpirun cannot start 2 ranks here:\n" + probe.stderr[-2000:])
    sys.exit(77)

# Every example, 1, 2 and 3 ranks.
for example in sorted(glob.glob(os.path.join(EXAMPLES, "*.omen"))):
    name = os.path.basename(example)
    if "choose " in open(example).read():
        continue  # a Monte Carlo run of it needs a --policy (docs/exact.md); worst --exact has no ranks
    for extra in RUNS.get(name, [["--trials", TRIALS]]):
        base = [OMEN, "run", example, "--threads", "1", "--format", "json"] + extra
        ref = run(base)
        check(f"{name} {' '.join(extra)}: one process runs", ref.returncode == 0, ref.stderr)
        for n in (1, 2, 3):
            got = mpirun(n, base)
            check(f"{name} {' '.join(extra)}: mpirun -n {n} identical to one process",
                  got.returncode == 0 and strip_time(got.stdout) == strip_time(ref.stdout),
                  got.stderr[-2000:])

# Text and CSV, byte for byte (CSV has no wall time at all); 2 threads per rank.
example = os.path.join(EXAMPLES, "treacherous_turn.omen")
for fmt in ("csv", "text"):
    args = ["run", example, "--trials", TRIALS, "--threads", "2", "--format", fmt]
    ref, got = run([OMEN] + args), mpirun(2, [OMEN] + args)
    same = got.stdout == ref.stdout if fmt == "csv" else strip_time(got.stdout) == strip_time(ref.stdout)
    check(f"--format {fmt}: mpirun -n 2 identical", got.returncode == 0 and same, got.stdout + got.stderr)

# rare (importance sampling: pilot rounds and the final run share their blocks out; every
# rank takes the same tilt from the broadcast totals).
rare_events = os.path.join(EXAMPLES, "rare_events.omen")
args = ["rare", rare_events, "--scenario", "walk", "--event", "top", "--set", "L=30", "--pilot", "2000",
        "--trials", TRIALS, "--threads", "1", "--format", "csv"]
ref = run([OMEN] + args)
for n in (2, 3):
    got = mpirun(n, [OMEN] + args)
    check(f"rare: mpirun -n {n} identical",
          ref.returncode == 0 and got.returncode == 0 and got.stdout == ref.stdout, ref.stderr + got.stderr[-2000:])

# compare (paired accumulators travel too).
args = ["compare", example, "no_honeypots", "honeypots", "--trials", TRIALS, "--threads", "1", "--format", "json"]
ref = run([OMEN] + args)
for n in (2, 3):
    got = mpirun(n, [OMEN] + args)
    check(f"compare: mpirun -n {n} identical",
          ref.returncode == 0 and got.returncode == 0 and strip_time(got.stdout) == strip_time(ref.stdout),
          got.stderr[-2000:])

# compare of one scenario at two settings.
args = ["compare", example, "honeypots", "honeypots", "--set-a", "p_honeypot=0.05", "--set-b", "p_honeypot=0.2",
        "--trials", TRIALS, "--threads", "1", "--format", "csv"]
ref = run([OMEN] + args)
got = mpirun(3, [OMEN] + args)
check("compare --set-a/--set-b: mpirun -n 3 identical",
      ref.returncode == 0 and got.returncode == 0 and got.stdout == ref.stdout, ref.stderr + got.stderr[-2000:])

# sweep (one kernel at many points per block; every point's accumulators travel).
audits = os.path.join(os.path.dirname(EXAMPLES), "docs", "img", "audits.omen")
if os.path.exists(audits):
    args = ["sweep", audits, "--vary", "q", "--points", "4", "--trials", TRIALS, "--threads", "1", "--format", "csv"]
    ref = run([OMEN] + args)
    got = mpirun(3, [OMEN] + args)
    check("sweep: mpirun -n 3 identical", ref.returncode == 0 and got.returncode == 0 and got.stdout == ref.stdout,
          ref.stderr + got.stderr[-2000:])

# Two-level runs: short worlds (one per worker) run whole on rank w mod N and the ranks swap
# their worlds' reports; long ones (each on every worker) share their blocks over the ranks.
# 1 and 2 threads per rank; CSV byte for byte, JSON without its times.
two_level = os.path.join(os.path.dirname(EXAMPLES), "tests", "lit", "analysis", "Inputs", "two_level.omen")
for shape in (["--worlds", "60", "--trials", "700", "--exceed", "0.5,0.9"], ["--worlds", "5", "--trials", "9000"]):
    for fmt in ("csv", "json"):
        args = [OMEN, "run", two_level, "--format", fmt] + shape
        ref = run(args + ["--threads", "1"])
        for n, threads in ((1, "2"), (2, "1"), (2, "2"), (3, "2")):
            got = mpirun_or_hang(n, args + ["--threads", threads])
            check(f"--worlds {' '.join(shape[1:])} --format {fmt}: mpirun -n {n} --threads {threads} identical",
                  ref.returncode == 0 and got is not None and got.returncode == 0
                  and strip_time(got.stdout) == strip_time(ref.stdout),
                  "timed out (hung)" if got is None else ref.stderr + got.stderr[-2000:])
# The first failing world (13 with seed 7) is rank 1's on 2 and on 3 ranks.
args = [OMEN, "run", os.path.join(HERE, "world_failure.omen"), "--worlds", "40", "--trials", "300", "--seed", "7"]
ref = run(args)
first = run(args[:4] + ["13"] + args[5:]), run(args[:4] + ["14"] + args[5:])
check("world_failure: the first failing world is 13", ref.returncode == 1 and first[0].returncode == 0
      and first[1].returncode == 1 and first[1].stderr == ref.stderr, ref.stderr)
for n in (2, 3):
    got = mpirun_or_hang(n, args + ["--threads", "2"])
    check(f"--worlds, a runtime error in rank 1's world: mpirun -n {n} status 1, the one-process message",
          got is not None and got.returncode == 1 and ref.stderr in got.stderr and got.stdout == "",
          "timed out (hung)" if got is None else got.stdout + got.stderr)
# Long worlds (their blocks shared out over the ranks): the same first failing world.
args[args.index("300")] = "5000"
ref = run(args)
got = mpirun_or_hang(3, args + ["--threads", "2"])
check("--worlds of 5000 trials, a runtime error in world 13: mpirun -n 3 status 1, the one-process message",
      ref.returncode == 1 and got is not None and got.returncode == 1 and ref.stderr in got.stderr
      and got.stdout == "", "timed out (hung)" if got is None else ref.stderr + got.stdout + got.stderr)

# solve (sweeps of the driver), sensitivity (tornado: paired runs; Sobol': design chunks
# shared out over the ranks) and worst (runs chosen by an optimizer from earlier results).
inputs = os.path.join(os.path.dirname(EXAMPLES), "tests", "lit", "analysis", "Inputs")
analyses = [
    ["solve", os.path.join(inputs, "audits.omen"), "--find", "q", "--where", "P(caught) = 50%", "--trials", "4000",
     "--format", "json"],
    ["sensitivity", os.path.join(inputs, "tornado.omen"), "--trials", "4000", "--rows", "3000", "--format", "json"],
    ["sensitivity", os.path.join(inputs, "ishigami.omen"), "--no-tornado", "--rows", "20000", "--format", "csv"],
    # 40 runs, not the default 200: every run is a round of collectives, and ranks that
    # busy-wait in them on an oversubscribed, loaded machine made 200 runs take over a minute.
    ["worst", os.path.join(inputs, "defector.omen"), "--over", "turn", "--maximize", "harm", "--trials", "20000",
     "--evaluations", "40", "--format", "json"],
]
for command in analyses:
    ref = run([OMEN] + command + ["--threads", "2"])  # the output names the thread count
    for n in (2, 3):
        got = mpirun_or_hang(n, [OMEN] + command + ["--threads", "2"])
        check(f"{command[0]} {os.path.basename(command[1])}: mpirun -n {n} identical",
              ref.returncode == 0 and got is not None and got.returncode == 0
              and strip_time(got.stdout) == strip_time(ref.stdout),
              "timed out (hung)" if got is None else ref.stderr + got.stderr[-2000:])
# A runtime error in the Sobol' design: the first failing evaluation, on any rank count.
args = [OMEN, "sensitivity", os.path.join(HERE, "sobol_failure.omen"), "--no-tornado", "--rows", "5000"]
ref = run(args + ["--threads", "1"])
check("sobol_failure fails in one process", ref.returncode == 1 and "runtime error" in ref.stderr, ref.stderr)
for n in (2, 3):
    got = mpirun_or_hang(n, args + ["--threads", "2"])
    check(f"sensitivity, a runtime error in the design: mpirun -n {n} status 1, the one-process message",
          got is not None and got.returncode == 1 and ref.stderr in got.stderr and got.stdout == "",
          "timed out (hung)" if got is None else got.stdout + got.stderr)

# A built executable under mpirun.
with tempfile.TemporaryDirectory() as tmp:
    exe = os.path.join(tmp, "turn")
    built = run([OMEN, "build", example, "-o", exe])
    check("omen build links", built.returncode == 0, built.stderr)
    if built.returncode == 0:
        ref = run([exe, "--trials", TRIALS, "--format", "csv"])
        got = mpirun(3, [exe, "--trials", TRIALS, "--format", "csv"])
        check("built executable: mpirun -n 3 identical", got.returncode == 0 and got.stdout == ref.stdout,
              got.stderr[-2000:])
    worlds_exe = os.path.join(tmp, "two_level")
    built = run([OMEN, "build", two_level, "-o", worlds_exe])
    check("omen build links two_level", built.returncode == 0, built.stderr)
    if built.returncode == 0:
        args = [worlds_exe, "--worlds", "60", "--trials", "700", "--threads", "2", "--format", "csv"]
        ref = run(args)
        got = mpirun_or_hang(3, args)
        check("built executable --worlds: mpirun -n 3 identical",
              ref.returncode == 0 and got is not None and got.returncode == 0 and got.stdout == ref.stdout,
              "timed out (hung)" if got is None else ref.stderr + got.stderr[-2000:])

# A precision-targeted run stops at the same block on any number of ranks.
args = ["run", os.path.join(HERE, "known_variance.omen"), "--scenario", "known_variance",
        "--precision", "hit=0.002", "--threads", "1", "--format", "csv"]
ref = run([OMEN] + args)
got = mpirun(3, [OMEN] + args)
check("--precision: mpirun -n 3 identical (same stop)", ref.returncode == 0 and got.stdout == ref.stdout,
      ref.stdout + got.stdout + got.stderr)

# A runtime error in a block of another rank: the same message, the lowest failing trial.
args = ["run", os.path.join(HERE, "rare_failure.omen"), "--trials", "60000", "--threads", "1"]
ref = run([OMEN] + args)
trial = re.search(r"trial (\d+)", ref.stderr)
check("rare_failure fails in one process", ref.returncode == 1 and trial is not None, ref.stderr)
if trial:
    # Block b holds min(4096, 16 * 2^(b div 32)) trials (reference section 10).
    block, start = 0, 0
    while start + min(4096, 16 << (block // 32)) <= int(trial.group(1)):
        start += min(4096, 16 << (block // 32))
        block += 1
    check(f"rare_failure's first error is in block {block}, owned by a rank other than 0 for 2 and 3 ranks",
          block % 2 != 0 and block % 3 != 0)
for n in (2, 3):
    got = mpirun_or_hang(n, [OMEN] + args)
    check(f"runtime error on mpirun -n {n}: status 1, the one-process message",
          got is not None and got.returncode == 1 and ref.stderr in got.stderr and got.stdout == "",
          "timed out (hung)" if got is None else got.stdout + got.stderr)
if trial:
    # The interleaving that used to hang, replayed: rank 2's block F is held back (the merge
    # frontier waits at F) while rank 0 runs ahead to the edge of its window, (4·threads+4)·ranks
    # = 24 blocks with 1 thread on 3 ranks (DriverScheduler.h), and rank 1 reaches the failing
    # block. Rank 0's next block was still below the failing one, and it waited for a
    # frontier that never moved again.
    held = next(f for f in (block - 26, block - 25) if f % 3 == 2)
    got = mpirun_or_hang(3, [OMEN] + args, dict(ENV, OMEN_TEST_SLOW_BLOCK=f"{held}:1000"))
    check(f"runtime error on mpirun -n 3 with rank 2's block {held} held back 1 s: no hang, the message",
          got is not None and got.returncode == 1 and ref.stderr in got.stderr and got.stdout == "",
          "timed out (hung)" if got is None else got.stdout + got.stderr)

# A rank that dies mid-run: no result, a non-zero status, a message naming the rank.
args = [OMEN, "run", example, "--trials", "2000000", "--threads", "1"]
for how, pattern in (("abort", r"MPI rank 1 died \(signal 6\) in block \d+"),
                     ("kill", r"rank 1 .*(signal 9|Killed)")):
    env = dict(ENV, OMEN_TEST_RANK_FAILURE="1:" + how)
    got = mpirun(2, args, env)
    check(f"rank 1 {how}ed mid-run: non-zero status, clear message, no result",
          got.returncode != 0 and re.search(pattern, got.stderr, re.S) is not None and "scenario" not in got.stdout,
          f"status {got.returncode}\nstdout:\n{got.stdout}\nstderr:\n{got.stderr[-3000:]}")


# Ranks given different runs (2 ranks, one command line each: mpirun's A : B form).
def two_ranks(a, b, env_a=(), env_b=()):
    head = [MPIRUN, "--allow-run-as-root", "--oversubscribe"]
    rank = lambda args, env: ["-n", "1"] + [x for k, v in env for x in ("-x", f"{k}={v}")] + [OMEN] + args
    try:
        return run(head + rank(a, env_a) + [":"] + rank(b, env_b), timeout=60)
    except subprocess.TimeoutExpired:
        return None


turn = os.path.join(EXAMPLES, "treacherous_turn.omen")
base = ["run", turn, "--scenario", "honeypots", "--trials", "9000", "--threads", "1"]
std_a, std_b = tempfile.mkdtemp(), tempfile.mkdtemp()
for folder, rate in ((std_a, "0.2"), (std_b, "0.8")):
    os.makedirs(os.path.join(folder, "std"))
    with open(os.path.join(folder, "std", "rates.omen"), "w") as f:
        f.write(f"const rate = {rate}\n")
imports = os.path.join(std_a, "imports.omen")
with open(imports, "w") as f:
    f.write('import std.rates\nscenario s {\n  state hit = bernoulli(rate)\n  report P(hit)\n}\n')
mismatches = [
    ("a --set value", base + ["--set", "p_honeypot=0.05"], base + ["--set", "p_honeypot=0.2"], [], [],
     "the command line"),
    ("the seed", base + ["--seed", "1"], base + ["--seed", "2"], [], [], "the command line"),
    ("the scenario", base, base[:3] + ["no_honeypots"] + base[4:], [], [], "the command line"),
    ("the trial count", base, base[:4] + ["--trials", "101888"] + base[6:], [], [], "the command line"),
    ("the command", base, ["compare", turn, "no_honeypots", "honeypots", "--trials", "9000"], [], [],
     "the command line"),
    ("an import (the stdlib folder)", ["run", imports, "--trials", "9000"], ["run", imports, "--trials", "9000"],
     [("OMEN_STDLIB", std_a)], [("OMEN_STDLIB", std_b)], "the program (its file and imports)"),
]
for what, a, b, env_a, env_b, field in mismatches:
    got = two_ranks(a, b, env_a, env_b)
    check(f"ranks given different runs ({what}): one error on rank 0 naming it, no result, status 2",
          got is not None and got.returncode == 2 and got.stdout == "" and
          "the MPI ranks were not given the same run" in got.stderr and
          f"rank 1 differs from rank 0 in: {field}" in got.stderr,
          "hung" if got is None else f"status {got.returncode}\n{got.stdout[-1000:]}\n{got.stderr[-2000:]}")
exe_a, exe_b = os.path.join(std_a, "a.exe"), os.path.join(std_a, "b.exe")
built = [run([OMEN, "build", turn, "--scenario", name, "-o", exe]).returncode == 0
         for name, exe in (("honeypots", exe_a), ("no_honeypots", exe_b))]
if all(built):
    # Two built executables of different programs, the same command line.
    got = run([MPIRUN, "--allow-run-as-root", "--oversubscribe", "-n", "1", exe_a, "--trials", "9000", ":",
               "-n", "1", exe_b, "--trials", "9000"], timeout=60)
    check("ranks running different built executables: one error naming it, status 2",
          got.returncode == 2 and got.stdout == "" and
          "rank 1 differs from rank 0 in: the executable (its program, built by omen build)" in got.stderr,
          f"status {got.returncode}\n{got.stderr[-2000:]}")
else:
    check("omen build for the MPI mismatch check", False)
same = two_ranks(["run", imports, "--trials", "9000"], ["run", imports, "--trials", "9000"],
                 [("OMEN_STDLIB", std_a)], [("OMEN_STDLIB", std_a)])
check("ranks given the same run through the same stdlib still run",
      same is not None and same.returncode == 0 and "P(hit)" in same.stdout,
      "hung" if same is None else same.stderr[-2000:])
shutil.rmtree(std_a)
shutil.rmtree(std_b)

finish("MPI")

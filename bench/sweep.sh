#!/usr/bin/env bash
# A 50-point CRN sweep of examples/online_learning.omen against the same 50 points run one
# by one, in one process (bench/SweepBench.cpp): kernel-time ratio, compiles, and a check
# that every sweep point equals its separate run bit for bit. Results in bench/README.md.
#   bench/sweep.sh BUILD_DIR [TRIALS=20000] [REPEATS=3]
set -euo pipefail
build=$(cd "${1:?usage: bench/sweep.sh BUILD_DIR [TRIALS] [REPEATS]}" && pwd)
trials=${2:-20000}
repeats=${3:-3}
src=$(cd "$(dirname "$0")/.." && pwd)
ninja -C "$build" omen_sweep_bench >/dev/null
for i in $(seq "$repeats"); do
  "$build/bin/omen_sweep_bench" "$src/examples/online_learning.omen" online_learning p_turn 0.1% 2% \
    --points 50 --trials "$trials"
done

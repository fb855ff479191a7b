#!/usr/bin/env bash
# Trials in vector lanes on machines narrower than this one: code generated for AVX2
# (OMEN_TARGET_CPU=x86-64-v3, 4 doubles per vector) and for SSE2 only (x86-64) instead of
# the host's CPU, which this machine runs too. For each target:
#  - on AVX2, the lanes loop of a scenario of beta draws is vectorised 4 doubles wide
#    (`omen emit --llvm`); on SSE2 LLVM's cost model keeps it scalar (no packed conversion
#    of i64 to double), and the speculative loop runs one trial at a time;
#  - the examples and the generated straight-line programs give byte-identical reports on
#    interp, jit, auto and aot (the interpreter does not depend on the target, so every
#    target computes the same bits, with or without vectors).
#   tests/differential/run_targets.sh BUILD_DIR [COUNT=80] [SEED=3] [TRIALS=500]
set -euo pipefail
build=$(cd "$1" && pwd)
count=${2:-80}
seed=${3:-3}
trials=${4:-500}
src=$(cd "$(dirname "$0")/../.." && pwd)
export OMEN_STDLIB=${OMEN_STDLIB:-$build/share/omen/stdlib}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$src/tests/differential/generate.py" --count "$count" --seed "$seed" --out "$work/gen"
mapfile -t straight < <(grep -l '^// lanes: yes' "$work"/gen/*.omen | sort)
if [ ${#straight[@]} -eq 0 ]; then
  echo "run_targets.sh: the generator wrote no straight-line program"
  exit 1
fi
for target in x86-64-v3:4 x86-64:1; do
  cpu=${target%%:*}
  width=${target##*:}
  export OMEN_TARGET_CPU=$cpu
  export OMEN_CACHE_DIR=$work/cache-$cpu
  "$build/bin/omen" emit --llvm "$src/examples/premises.omen" --scenario uncertain_premises > "$work/kernel.ll"
  if [ "$width" -gt 1 ]; then
    if ! grep -q "vector.body" "$work/kernel.ll" || ! grep -q "<$width x double>" "$work/kernel.ll"; then
      echo "run_targets.sh: on $cpu the lanes loop is not vectorised with $width doubles per vector"
      exit 1
    fi
    echo "$cpu: lanes loop vectorised, $width doubles per vector"
  fi
  mkdir -p "$work/run-$cpu"
  "$build/bin/omen_differential" --skip-unchecked --trials "$trials" --seed "$seed" --work "$work/run-$cpu" \
    "$src"/examples/*.omen "${straight[@]}"
done

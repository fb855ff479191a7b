#!/usr/bin/env bash
# The differential suite: every example, every lit test that runs a program, and COUNT
# generated programs must give byte-identical JSON reports on interp, JIT and AOT.
#   tests/differential/run.sh BUILD_DIR [COUNT=500] [SEED=1] [TRIALS=1000]
set -euo pipefail
build=$(cd "$1" && pwd)
count=${2:-500}
seed=${3:-1}
trials=${4:-1000}
src=$(cd "$(dirname "$0")/../.." && pwd)
gen="$build/tests/differential/generated-$seed"
rm -rf "$gen"
python3 "$src/tests/differential/generate.py" --count "$count" --seed "$seed" --out "$gen"
# The straight-line programs must really take (or be refused) the vector-lane kernel.
python3 "$src/tests/differential/check_lanes.py" "$build/bin/omen" "$gen"/*.omen
# The hazard phases must really jump over failed choices (or be refused where spoiled).
python3 "$src/tests/differential/check_hazards.py" "$build/bin/omen" "$gen"/*.omen
export OMEN_STDLIB=${OMEN_STDLIB:-$build/share/omen/stdlib}
mapfile -t lit < <(grep -rlE '%omen (run|compare)' "$src/tests/lit" --include='*.omen' | sort)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/omen_differential" --skip-unchecked --trials "$trials" --seed "$seed" --work "$work" \
  "$src"/examples/*.omen "${lit[@]}" "$gen"/*.omen

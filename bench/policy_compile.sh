#!/usr/bin/env bash
# CPU seconds (user + sys) of `omen run --policy P --engine jit` against the size of the policy's
# table: the strategy `omen worst --exact` finds for the generated program gen_0010
# (tests/differential/generate.py --count 12 --seed 2 --choose), whole and cut to a tenth of
# its rows (a row missing from the table only changes which row a state falls back to).
# Linear compile work gives a ratio near 10 or below; each run gets an empty kernel cache.
# Issue 25 found the whole table taking the JIT over 10 minutes (a tree of nested selects).
#
#     bench/policy_compile.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
omen="$1/bin/omen"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tests/differential/generate.py" --count 12 --seed 2 --choose --out "$work/gen" > /dev/null
file="$work/gen/gen_0010.omen"
"$omen" worst "$file" --scenario s12 --exact --max-states 20000 --maximize goal --trials 2000 --format json \
  > "$work/whole.json" 2> /dev/null
python3 - "$work/whole.json" "$work/tenth.json" <<'PY'
import json, sys
policy = json.load(open(sys.argv[1]))
for entry in policy["strategy"]:
    entry["rows"] = entry["rows"][: max(1, len(entry["rows"]) // 10)]
json.dump(policy, open(sys.argv[2], "w"))
PY
cpu() {  # cpu POLICY ENGINE: CPU seconds of one run under POLICY, and its rows
  mkdir -p "$work/cache-$1-$2"
  OMEN_CACHE_DIR="$work/cache-$1-$2" /usr/bin/time -f "%U %S" -o "$work/time" \
    "$omen" run "$file" --scenario s12 --policy "$work/$1.json" --engine "$2" --trials 2000 > /dev/null 2>&1
  awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}
rows() { python3 -c "import json,sys; print(sum(len(e['rows']) for e in json.load(open(sys.argv[1]))['strategy']))" "$work/$1.json"; }
echo "| policy | rows | CPU seconds, jit | CPU seconds, interp |"
echo "|---|---|---|---|"
for p in tenth whole; do
  echo "| $p | $(rows $p) | $(cpu $p jit) | $(cpu $p interp) |"
done

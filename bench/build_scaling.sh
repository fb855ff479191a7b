#!/usr/bin/env bash
# CPU seconds (user + sys) of `omen build` against the number of scenarios in the file:
# N and 4N scenarios (tests/hostile/gen.py scenarios). Linear work gives a ratio near 4;
# issue 22 found 1,000 scenarios taking over 100 s, superlinear.
#
#     bench/build_scaling.sh BUILD_DIR [N=250]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
omen="$1/bin/omen"
n=${2:-250}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpu() {  # cpu N: CPU seconds of building a file of N scenarios
  python3 "$root/tests/hostile/gen.py" scenarios "$work/s$1.omen" "$1"
  /usr/bin/time -f "%U %S" -o "$work/time" "$omen" build "$work/s$1.omen" -o "$work/s$1.exe" --force > /dev/null
  awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}
small=$(cpu "$n")
large=$(cpu $((4 * n)))
echo "| scenarios | CPU seconds of omen build |"
echo "|---|---|"
echo "| $n | $small |"
echo "| $((4 * n)) | $large |"
awk -v a="$small" -v b="$large" 'BEGIN { printf "ratio %.2f (4 is linear, 16 quadratic)\n", b / a }'

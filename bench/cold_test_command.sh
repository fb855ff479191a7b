#!/usr/bin/env bash
# Times the README's two commands, stage by stage, as a clean machine would run them: a fresh
# clone of this checkout's HEAD and an empty ccache. Prints, per stage, the wall seconds and
# the CPU seconds (user + sys of the stage and all its children, from bash's `times`), so that
# a run on a busy machine still says what an idle one would need (CPU / cores for the
# parallel stages). Everything runs niced (nice -n 19) so it never starves other work.
#
#     bench/cold_test_command.sh [WORKDIR]     (WORKDIR default: a new mktemp -d)
#
# The clone, its build trees and the ccache stay in WORKDIR for inspection; delete it after.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
export CCACHE_DIR="$work/ccache"
mkdir -p "$CCACHE_DIR"
git clone -q --no-hardlinks "$repo" "$work/omen"
git -C "$work/omen" checkout -q "$(git -C "$repo" rev-parse HEAD)"
cd "$work/omen"
echo "cold run of $(git rev-parse --short HEAD) in $work (ccache $CCACHE_DIR, empty), $(nproc) cores"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# stage NAME CMD...: runs CMD niced in a subshell and prints its wall and CPU seconds.
stage() {
  local name=$1
  shift
  local start=$SECONDS
  local log="$work/$name.log"
  local cpu
  cpu=$( (nice -n 19 "$@" >"$log" 2>&1 || echo "FAILED (see $log)" >&2; times) | tail -1 |
    awk '{ split($1, u, "m"); split($2, s, "m"); sub("s", "", u[2]); sub("s", "", s[2]);
           printf "%.0f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
  printf '%-28s wall %6d s   cpu %6d s   load %s\n' "$name" $((SECONDS - start)) "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
}

stage setup scripts/setup.sh
stage build scripts/build.sh
stage run-example build/bin/omen run examples/online_learning.omen
stage ctest ctest --test-dir build -j"${OMEN_JOBS:-2}" --output-on-failure
stage editor-test scripts/editor-test.sh
stage sanitize-build scripts/sanitize.sh build
stage sanitize-test scripts/sanitize.sh test
stage fuzz scripts/fuzz.sh "${OMEN_FUZZ_SECONDS:-60}"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

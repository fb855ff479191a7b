#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time (default 60 s; `scripts/fuzz.sh 1800` for
# the 30 minutes the reliability issue asks for), niced, from the seed corpus and the
# committed regressions. New interesting inputs go to $build/tests/fuzz/<target>-corpus and
# crashes to $build/tests/fuzz/<target>-crash-*; copy a crash into
# tests/fuzz/corpus/regressions/ once it is fixed. Builds the targets first (scripts/sanitize.sh).
# Skips with a visible message if clang's fuzzer runtime is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${OMEN_SANITIZE_DIR:-build-sanitize}
if ! compgen -G "/usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-$(uname -m).a" >/dev/null; then
  echo "fuzz: SKIPPED: clang's fuzzer runtime (libclang-rt-19-dev) is missing"
  exit 0
fi
scripts/sanitize.sh build >/dev/null
# The two targets run side by side, one a core: the same fuzzing time each, half the wall time.
targets=(omen_fuzz_frontend omen_fuzz_pipeline)
pids=()
for target in "${targets[@]}"; do
  work="$build/tests/fuzz/$target-corpus"
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  nice -n 10 "$build/bin/$target" -max_total_time="$seconds" -timeout=120 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$build/tests/fuzz/$target-" \
    -dict=tests/fuzz/omen.dict "$work" tests/fuzz/corpus/seeds tests/fuzz/corpus/regressions \
    > "$build/tests/fuzz/$target.log" 2>&1 &
  pids+=($!)
done
status=0
for i in "${!targets[@]}"; do
  target=${targets[$i]}
  wait "${pids[$i]}" || { status=1; echo "fuzz: $target FAILED:"; }
  echo "fuzz: $target:"
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^pipeline:|ERROR|SUMMARY|Test unit written" \
    "$build/tests/fuzz/$target.log" || true
done
exit $status

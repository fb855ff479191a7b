#!/usr/bin/env bash
# Builds omen with AddressSanitizer + UndefinedBehaviorSanitizer (and the libFuzzer targets
# when clang's fuzzer runtime is present) into ${OMEN_SANITIZE_DIR:-build-sanitize}, then runs
# the documented subset under the sanitizers:
#   - the frontend, IR and runtime unit tests (the backend tests are left out: they JIT and
#     AOT-link whole programs, which under ASan would double the CI time for code that the
#     normal build already tests and that libLLVM, not instrumented, mostly runs);
#   - the whole lit suite against the sanitized `omen`, except tests that link native
#     executables (`omen build`), which would need sanitizer-aware link lines;
#   - each fuzz target's committed regression inputs (scripts/fuzz.sh does the timed runs).
# Usage: scripts/sanitize.sh [build|test|all] (default all).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${OMEN_SANITIZE_DIR:-build-sanitize}
what=${1:-all}
jobs=${OMEN_JOBS:-2}

fuzz=OFF
if compgen -G "/usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-$(uname -m).a" >/dev/null; then
  fuzz=ON
else
  echo "sanitize: SKIPPING the fuzz targets: clang's fuzzer runtime (libclang-rt-19-dev) is missing"
fi

if [ "$what" != test ]; then
  if [ ! -f "$build/build.ninja" ]; then
    # -O1 with line tables (no full debug info) halves the build time and still gives
    # symbolized sanitizer reports; assertions stay on.
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
      -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 -DOMEN_SANITIZE=ON -DOMEN_FUZZ=$fuzz
  fi
  targets=(omen omen_frontend_tests omen_ir_tests omen_runtime_tests)
  [ "$fuzz" = ON ] && targets+=(omen_fuzz_frontend omen_fuzz_pipeline)
  ninja -C "$build" -j"$jobs" "${targets[@]}"
fi
[ "$what" = build ] && exit 0

# Leaks are errors too; a sanitizer report fails the run (exit status), never only a log line.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitize/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in omen_frontend_tests omen_ir_tests omen_runtime_tests; do
  if [ -x "$build/bin/$t" ]; then
    echo "sanitize: $t"
    "$build/bin/$t" --gtest_brief=1 || status=1
  fi
done
echo "sanitize: lit suite against the sanitized omen"
# Tests that link executables with `omen build` are left out wherever they live (see above).
# A test whose helper script links (evidence/Inputs/evidence_check.py) counts too: its .test
# names the script, so the test that runs a script calling `omen build` is left out with it.
scripts_linking=$(grep -rlE "\"build\"|'build'" tests/lit --include=*.py | xargs -r -n1 basename)
linking=$({ grep -rl '%omen build' tests/lit; for s in $scripts_linking; do grep -rl "$s" tests/lit --include=*.test; done; } |
  sed 's|^tests/lit/||' | sort -u | paste -sd'|' -)
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -s "$build/tests/lit" \
  --filter-out "${OMEN_SANITIZE_LIT_FILTER_OUT:-aot|/build-${linking:+|$linking}}" || status=1
if [ "$fuzz" = ON ]; then
  echo "sanitize: fuzz regression inputs"
  ctest --test-dir "$build" -L fuzz -R _regressions --output-on-failure || status=1
fi
exit $status

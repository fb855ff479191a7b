#!/usr/bin/env bash
# Configures (once) and builds omen with Ninja and ccache into ${OMEN_BUILD_DIR:-build}.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${OMEN_BUILD_DIR:-build}
if [ ! -f "$build/build.ninja" ]; then
  # clang-19 builds everything: the native runtime and the runtime bitcode that JIT kernels
  # inline then come from one compiler, which is what bit-identical engines need.
  # Line tables, not full debug info: backtraces and profiles keep file and line, and the
  # cold build needs much less CPU (OMEN_BUILD_TYPE=Debug for a debugger's full view).
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${OMEN_BUILD_TYPE:-RelWithDebInfo} \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 "$@"
fi
cmake --build "$build" ${OMEN_TARGET:+--target $OMEN_TARGET}

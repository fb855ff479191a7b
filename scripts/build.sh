#!/usr/bin/env bash
# Configures (once) and builds omen with Ninja and ccache into ${OMEN_BUILD_DIR:-build}.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${OMEN_BUILD_DIR:-build}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${OMEN_BUILD_TYPE:-RelWithDebInfo} "$@"
fi
cmake --build "$build" ${OMEN_TARGET:+--target $OMEN_TARGET}

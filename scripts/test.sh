#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
# Two tests at a time (a 2-core machine); lit and the MPI check run alone (tests/CMakeLists.txt).
ctest --test-dir "${OMEN_BUILD_DIR:-build}" -j"${OMEN_JOBS:-2}" --output-on-failure
# The VS Code grammar against every .omen file (node; skipped with a message without it).
scripts/editor-test.sh
# The same tests under ASan + UBSan (a documented subset, see the script), then each fuzz
# target for a bounded time. Both say so visibly if clang's fuzzer runtime is missing.
scripts/sanitize.sh
scripts/fuzz.sh "${OMEN_FUZZ_SECONDS:-60}"

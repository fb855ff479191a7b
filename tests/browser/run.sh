#!/usr/bin/env bash
# ctest `browser`: omen report's page and omen serve's playground in a real browser, Debian's
# chromium driven by playwright-core (from the npm registry; it downloads no browser). Without
# chromium, node or npm this says so and exits 77, which ctest shows as skipped.
# Usage: run.sh OMEN_BINARY OUTPUT_FOLDER (screenshots and generated pages go there).
set -euo pipefail
omen=$(realpath "$1")
out=$(realpath -m "$2")
chromium=${OMEN_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "browser tests: skipped: no chromium at $chromium (scripts/setup.sh installs Debian's chromium)"
  exit 77
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "browser tests: skipped: $tool is not installed (Debian: nodejs npm)"
    exit 77
  fi
done
cd "$(dirname "$0")"
# The exact version of package-lock.json; from npm's cache when it has it.
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
mkdir -p "$out"
OMEN="$omen" OMEN_CHROMIUM="$chromium" OMEN_BROWSER_OUT="$out" OMEN_SOURCE_DIR="$(cd ../.. && pwd)" \
  node --test --test-concurrency=1 report.test.mjs report_imports.test.mjs playground.test.mjs

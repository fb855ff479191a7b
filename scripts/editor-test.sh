#!/usr/bin/env bash
# Checks the VS Code grammar for .omen files (editors/vscode): editors/test/tokenize.mjs
# tokenises every .omen file with vscode-textmate, as VS Code does, and runs assertion cases
# built from grammar/Omen.g4 and ir/Builtins.def. The grammar is an optional extra, so
# without node/npm (Debian: nodejs npm) this says it skipped and succeeds.
set -euo pipefail
cd "$(dirname "$0")/../editors/test"
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "editor grammar test: skipped ($tool is not installed)"
    exit 0
  fi
done
# The exact versions of package-lock.json; from npm's cache when it has them.
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
node tokenize.mjs

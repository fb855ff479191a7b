#!/bin/sh
# Fails if a tracked file points at design documents that are not in the repository
# (LANGUAGE.md, ARCHITECTURE.md): the docs must stand alone, and docs/reference.md is the
# language reference. Usage: tests/docs/check-no-outside-refs.sh [REPO_ROOT]
# Exit 0 clean, 1 references found, 77 (ctest's SKIP_RETURN_CODE) outside a git work tree.
set -eu
root=${1:-$(dirname "$0")/../..}
cd "$root"
self=tests/docs/check-no-outside-refs.sh
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-no-outside-refs: $root is not a git work tree; skipped" >&2
  exit 77
fi
hits=$(git ls-files -z | xargs -0 grep -n -I -e 'LANGUAGE\.md' -e 'ARCHITECTURE\.md' -- 2>/dev/null \
  | grep -v "^$self:" || true)
if [ -n "$hits" ]; then
  echo "These tracked files point outside the repository (use docs/reference.md):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "check-no-outside-refs: no references to LANGUAGE.md or ARCHITECTURE.md"

#!/usr/bin/env python3
"""Fails if a source file includes from a folder its layer may not see.

The arrows are those of docs/architecture.md: data flows grammar -> frontend -> ir -> backend
-> runtime; analysis sits on runtime, cli on analysis, aot (built executables' main) on cli, and
api (the public API's implementation) on all of them; a folder never reaches back up. Run from anywhere; prints each offending
include as file:line and exits 1, or says how many includes it checked.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])

# folder -> the project folders its includes may name ("omen/" is include/omen/).
ALLOWED = {
    "core": {"core", "omen"},
    "include/omen": {"omen"},
    "frontend": {"frontend", "core", "omen"},
    "ir": {"ir", "frontend", "core", "omen"},
    "runtime/kernel": {"runtime/kernel", "core", "omen"},
    "runtime/host": {"runtime/host", "runtime/kernel", "core", "omen"},
    "analysis": {"analysis", "runtime/host", "runtime/kernel", "core", "omen"},
    "cli": {"cli", "analysis", "runtime/host", "runtime/kernel", "core", "omen"},
    "backend": {"backend", "ir", "frontend", "runtime/host", "runtime/kernel", "core", "omen"},
    "aot": {"aot", "cli", "analysis", "runtime/host", "runtime/kernel", "core", "omen"},
    "api": {"api", "cli", "analysis", "backend", "ir", "frontend", "runtime/host", "runtime/kernel", "core", "omen"},
    "web": {"web", "omen"},  # report and playground pages: an embedder of the public API
    "tools/omen": {"tools/omen", "web", "cli", "core", "omen"},  # the public API, the command line, core's tables
    "python/src": {"omen"},  # the Python module is an embedder: the public API only
}
PROJECT_ROOTS = ("core/", "omen/", "frontend/", "ir/", "runtime/", "analysis/", "cli/", "backend/", "aot/", "api/",
                 "web/", "tools/", "tests/", "bench/")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(path: str):
    for folder in sorted(ALLOWED, key=len, reverse=True):
        if path.startswith(folder + "/"):
            return folder
    return None


def target_layer(include: str):
    if include.startswith("omen/"):
        return "omen"
    if include.startswith(("runtime/", "tools/", "python/")):
        return "/".join(include.split("/")[:2])
    return include.split("/")[0]


def main() -> int:
    bad, checked = [], 0
    for file in sorted(ROOT.rglob("*")):
        if file.suffix not in (".h", ".cpp", ".def") or "build" in file.relative_to(ROOT).parts[0]:
            continue
        rel = file.relative_to(ROOT).as_posix()
        layer = layer_of(rel)
        if layer is None:
            continue
        for number, line in enumerate(file.read_text(errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m or not m.group(1).startswith(PROJECT_ROOTS):
                continue
            checked += 1
            if target_layer(m.group(1)) not in ALLOWED[layer]:
                bad.append(f"{rel}:{number}: {layer}/ may not include \"{m.group(1)}\"")
    for b in bad:
        print(b)
    print(f"layers: {checked} includes checked, {len(bad)} reaching across a wall")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

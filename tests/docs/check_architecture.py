#!/usr/bin/env python3
"""Keeps docs/architecture.md true: it names every top-level folder and every public header,
and its folder table's "may include" column is the layer test's table (tests/layers).

Run from anywhere (or with the repository as the argument); prints what disagrees and exits
1, or says what it checked.
"""
import importlib.util
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])


def layer_table():
    spec = importlib.util.spec_from_file_location("check_layers", ROOT / "tests" / "layers" / "check_layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ALLOWED


def top_level_folders():
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True).stdout.split()
    if not tracked:  # not a git checkout: every folder
        return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith((".", "build")))
    return sorted({f.split("/")[0] for f in tracked if "/" in f and not f.startswith(".")})


def main() -> int:
    doc = (ROOT / "docs" / "architecture.md").read_text()
    problems = []
    for folder in top_level_folders():
        if f"`{folder}/" not in doc:
            problems.append(f"top-level folder {folder}/ is not named (as `{folder}/`)")
    headers = sorted(p.name for p in (ROOT / "include" / "omen").glob("*.h"))
    for header in headers:
        if f"`{header}`" not in doc:
            problems.append(f"public header include/omen/{header} is not named (as `{header}`)")
    # The folder table: | `folder/` | what | a, b, c |
    rows = {}
    for line in doc.splitlines():
        m = re.match(r"^\|\s*`([a-z/]+)/`\s*\|.*\|\s*([a-z/, ]+?)\s*\|\s*$", line)
        if m:
            rows[m.group(1)] = {x.strip() for x in m.group(2).split(",") if x.strip()}
    allowed = layer_table()
    for folder, may in sorted(allowed.items()):
        if folder not in rows:
            problems.append(f"the folder table has no row for {folder}/ (tests/layers knows it)")
        elif rows[folder] != may:
            problems.append(f"{folder}/ may include {sorted(may)} says tests/layers, {sorted(rows[folder])} the doc")
    for folder in sorted(set(rows) - set(allowed)):
        problems.append(f"the folder table has {folder}/, which tests/layers does not check")
    for p in problems:
        print(f"docs/architecture.md: {p}")
    print(f"architecture: {len(top_level_folders())} folders, {len(headers)} public headers, "
          f"{len(allowed)} layers checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

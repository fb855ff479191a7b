"""Runs the ```python cells of a Markdown page in order, in one namespace, as a notebook
would: docs/python.md is tested by test_docs.py and its figure is drawn by running it.

    PYTHONPATH=build/python /usr/bin/python3 python/tests/doc_cells.py docs/python.md

(from the repository root: the cells read examples/ and write docs/img/).
"""
import contextlib
import io
import os
import re
import sys


def cells(markdown: str):
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.M | re.S)


def run_cells(path: str, cwd: str = ".") -> str:
    """Executes every python cell of `path` with `cwd` as the working folder; returns what the
    cells printed."""
    os.environ.setdefault("MPLBACKEND", "Agg")  # no display needed to draw the figures
    with open(path) as f:
        sources = cells(f.read())
    namespace = {"__name__": "__doc_cells__"}
    out = io.StringIO()
    here = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out):
            for i, source in enumerate(sources):
                exec(compile(source, f"{path} (cell {i + 1})", "exec"), namespace)
    finally:
        os.chdir(here)
    return out.getvalue()


if __name__ == "__main__":
    sys.stdout.write(run_cells(sys.argv[1]))

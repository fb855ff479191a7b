"""Runs the ```python cells of a Markdown page in order, in one namespace, as a notebook
would: docs/python.md is tested by test_docs.py and its figure is drawn by running it.

    PYTHONPATH=build/python /usr/bin/python3 python/tests/doc_cells.py docs/python.md

(from the repository root: the cells read examples/ and write docs/img/).
"""
import contextlib
import io
import os
import sys


def blocks(markdown: str):
    """Every fenced block as (language, text, start, end) in page order, `start` and `end`
    being the offsets of its fences (read line by line: an opening fence without a language
    looks like a closing one)."""
    out, open_at, lang, body, offset = [], None, "", [], 0
    for line in markdown.splitlines(keepends=True):
        fence = line.rstrip("\n")
        if open_at is None and fence.startswith("```"):
            open_at, lang, body = offset, fence[3:].strip(), []
        elif open_at is not None and fence == "```":
            out.append((lang, "".join(body), open_at, offset + len(line)))
            open_at = None
        elif open_at is not None:
            body.append(line)
        offset += len(line)
    return out


def cells(markdown: str):
    return [text for lang, text, _, _ in blocks(markdown) if lang == "python"]


def expected_output(markdown: str) -> str:
    """The plain ``` blocks that directly follow a python cell: what the page says the cells
    print, in order."""
    out, bs = [], blocks(markdown)
    for (lang, _, _, end), (next_lang, text, start, _) in zip(bs, bs[1:]):
        if lang == "python" and next_lang == "" and not markdown[end:start].strip():
            out.append(text)
    return "".join(out)


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

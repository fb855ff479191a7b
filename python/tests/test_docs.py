"""docs/python.md runs: every python cell, in order, against the built module."""
import os

import pytest

from conftest import SOURCE_DIR
from doc_cells import cells, expected_output, run_cells


def test_python_walkthrough_runs(tmp_path):
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    page = os.path.join(SOURCE_DIR, "docs", "python.md")
    with open(page) as f:
        markdown = f.read()
    assert len(cells(markdown)) >= 4
    # A scratch folder laid out like the repository, so the figure the page saves does not
    # overwrite the committed one.
    os.symlink(os.path.join(SOURCE_DIR, "examples"), tmp_path / "examples")
    (tmp_path / "docs" / "img").mkdir(parents=True)
    printed = run_cells(page, cwd=str(tmp_path))
    # The outputs shown on the page are what the cells print, digit for digit (same seed and
    # trial count give the same numbers on any machine and thread count).
    assert "P(catastrophe)" in printed
    assert printed == expected_output(markdown)
    assert (tmp_path / "docs" / "img" / "python_sweep.png").stat().st_size > 10_000

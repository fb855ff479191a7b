"""Shared set-up: the module under test (PYTHONPATH=build/python, as ctest sets it), the
built `omen` command to compare against ($OMEN_BIN), and the repository ($OMEN_SOURCE_DIR)."""
import json
import os
import subprocess
import sys

import pytest

omen = pytest.importorskip("omen", reason="the omen module is not built (needs pybind11-dev)")

SOURCE_DIR = os.environ.get("OMEN_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
ONLINE_LEARNING = os.path.join(SOURCE_DIR, "examples", "online_learning.omen")


def omen_bin():
    path = os.environ.get("OMEN_BIN", os.path.join(SOURCE_DIR, "build", "bin", "omen"))
    if not os.path.exists(path):
        pytest.skip(f"no omen command at {path} (set OMEN_BIN)")
    return path


def cli(*args, check=True):
    """Runs the omen command; returns (exit status, stdout, stderr)."""
    p = subprocess.run([omen_bin(), *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"omen {' '.join(args)} failed ({p.returncode}):\n{p.stderr}")
    return p.returncode, p.stdout, p.stderr


def cli_json(*args):
    return json.loads(cli(*args, "--format", "json")[1])

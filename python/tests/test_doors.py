"""Every registered analysis, through every door, gives the same result.

Iterates the registry (`omen.analyses()`), and runs each analysis on one small scenario
through `omen NAME FILE …`, the REPL's `:NAME …`, a built executable's `EXE NAME …` and
Python's `Program.analyze(NAME, …)`, with the same words; the JSON documents must be equal
but for times and the engine's name. Where the registry says a door does not offer an
analysis, that door must print the registry's reason and exit 2."""
import json
import os
import re
import subprocess

import pytest

from conftest import omen, omen_bin

DOORS_FILE = os.path.join(os.path.dirname(__file__), "inputs", "doors.omen")
COMMON = ["--trials", "2000", "--seed", "7", "--threads", "2"]
# The words of each analysis on doors.omen. A new analysis in the registry fails
# test_every_analysis_has_words until it gets its line here.
WORDS = {
    "sweep": ["--vary", "p=1%:50%:3"],
    "solve": ["--find", "p", "--where", "hit = 30%"],
    "sensitivity": ["--rows", "256", "--resamples", "20"],
    "worst": ["--over", "p,k", "--maximize", "hit", "--evaluations", "20"],
    "worlds": ["--worlds", "8"],
    "voi": ["--decide", "k", "--maximize", "hit", "--worlds", "8", "--resamples", "10"],
    "rare": ["--event", "hit", "--pilot", "500"],
    "test": ["--alpha", "1%"],
}
# Sweep and solve of a comparison (one scenario at two settings), through every door too.
COMPARED = {
    "sweep": ["--vary", "p=1%:50%:3", "--set-a", "k=8", "--set-b", "k=3"],
    "solve": ["--find", "p", "--where", "hit = 20%", "--set-a", "k=8", "--set-b", "k=3"],
}
CASES = [(name, WORDS[name]) for name in sorted(WORDS)] + [(name, w) for name, w in sorted(COMPARED.items())]
DOOR_NAMES = ("omen", "the REPL", "built executables", "Python")
TIMING = re.compile(r"seconds|^engine$|engine_split|^time")


def without_times(doc):
    if isinstance(doc, dict):
        return {k: without_times(v) for k, v in doc.items() if not TIMING.search(k)}
    if isinstance(doc, list):
        return [without_times(v) for v in doc]
    return doc


def words(name, given=None):
    return (WORDS[name] if given is None else given) + COMMON + ["--format", "json"]


def run(args, stdin=None):
    p = subprocess.run(args, capture_output=True, text=True, input=stdin)
    return p.returncode, p.stdout, p.stderr


def through_omen(name, given=None):
    return run([omen_bin(), name, DOORS_FILE, *words(name, given)])


def through_repl(name, given=None):
    quoted = " ".join(f'"{w}"' if " " in w else w for w in words(name, given))
    status, out, err = run([omen_bin(), "repl", "--strict"], stdin=f":load {DOORS_FILE}\n:{name} {quoted}\n")
    # What :load prints comes first; the analysis's JSON document starts at its first "{".
    start = out.find("\n{") + 1 if not out.startswith("{") else 0
    return status, out[start:], err


@pytest.fixture(scope="module")
def executable(tmp_path_factory):
    exe = str(tmp_path_factory.mktemp("doors") / "doors")
    status, _, err = run([omen_bin(), "build", DOORS_FILE, "-o", exe])
    assert status == 0, err
    return exe


def through_python(name, given=None):
    program = omen.Program(DOORS_FILE)
    try:
        return 0, json.dumps(program.analyze(name, *((WORDS[name] if given is None else given) + COMMON))), ""
    except omen.UsageError as e:
        return 2, "", str(e)


def test_every_analysis_has_words():
    names = [a.name for a in omen.analyses()]
    assert set(names) == set(WORDS), "give each registered analysis its words in WORDS"
    for a in omen.analyses():
        assert set(a.unavailable) <= set(DOOR_NAMES)
        assert hasattr(omen.Program, a.name) == ("Python" not in a.unavailable)


@pytest.mark.parametrize("name,given", CASES, ids=[" ".join([n] + w[:1] + w[2:3]) for n, w in CASES])
def test_every_door_gives_the_same_json(name, given, executable):
    analysis = next(a for a in omen.analyses() if a.name == name)
    doors = {
        "omen": lambda: through_omen(name, given),
        "the REPL": lambda: through_repl(name, given),
        "built executables": lambda: run([executable, name, *words(name, given)]),
        "Python": lambda: through_python(name, given),
    }
    documents = {}
    for door, call in doors.items():
        status, out, err = call()
        if door in analysis.unavailable:
            assert status == 2, f"{name} through {door}: {status}\n{err}"
            assert analysis.unavailable[door] in err, err
            continue
        assert status == 0, f"{name} through {door} failed ({status}):\n{err}"
        documents[door] = without_times(json.loads(out))
        if door == "the REPL":  # it runs the session's declarations, not the file
            assert documents[door].pop("file") == "<session>"
            documents[door]["file"] = DOORS_FILE
    assert "omen" in documents
    for door, doc in documents.items():
        assert doc == documents["omen"], f"{name}: {door} differs from omen"


def test_keyword_flags_are_the_words():
    program = omen.Program(DOORS_FILE)
    by_words = program.analyze("sweep", "--vary", "p=1%:50%:3", *COMMON)
    by_flags = program.sweep(vary="p=1%:50%:3", trials=2000, seed=7, threads=2)
    assert without_times(by_flags) == without_times(by_words)
    with pytest.raises(omen.UsageError, match="--vary"):
        program.sweep(points=3)
    compared = program.sweep(vary="p=1%:50%:3", set_a={"k": 8}, set_b={"k": 3}, trials=2000, seed=7, threads=2)
    assert compared["compare"] == {"a": "doors [k=8]", "b": "doors [k=3]"}
    assert all(d["difference"] > 0 for point in compared["points"] for d in point["differences"])

"""Compile, run-time and usage errors are exceptions carrying the command line's text."""
import os

import pytest

from conftest import ONLINE_LEARNING, cli
import omen


def test_compile_error_carries_the_diagnostics(tmp_path):
    path = tmp_path / "bad.omen"
    path.write_text("scenario s {\n  report P(nothing)\n}\n")
    with pytest.raises(omen.CompileError) as e:
        omen.run(path)
    status, _, stderr = cli("check", str(path), check=False)
    assert status == 1
    assert str(e.value) == stderr  # what `omen check` prints, caret and all
    assert "bad.omen:2:" in str(e.value) and "^" in str(e.value)


def test_compile_error_in_text():
    with pytest.raises(omen.CompileError, match=r"<input>:1:.*error"):
        omen.run("scenario s { report P(x) }")


def test_missing_file():
    with pytest.raises(omen.CompileError, match="no_such_file.omen"):
        omen.run("no_such_file.omen")


def test_runtime_error_carries_line_and_caret():
    src = "scenario s {\n  param p = 1.5\n  event e\n  phase go for 1 {\n    with probability p { trigger e }\n  }\n  report P(e)\n}\n"
    with pytest.raises(omen.RunError) as e:
        omen.run(src, trials=10)
    message = str(e.value)
    assert "<input>:5:22: runtime error: probability 1.5 is outside [0, 1]" in message
    assert "                     ^" in message
    assert e.value.result.scenarios[0].error == "runtime error in trial 0"


@pytest.mark.parametrize("kw, text", [
    (dict(set={"p_nope": "1%"}), "p_nope"),
    (dict(set={"p_update": "lots"}), "p_update"),
    (dict(set={"": "1"}), "--set expects name=value"),
    (dict(trials=-5), "--trials"),
    (dict(trials="many"), "--trials"),
    (dict(seed=1.5), "--seed"),
    (dict(threads=5000), "--threads"),
    (dict(engine="gpu"), "engine"),
    (dict(scenario="no_such_scenario"), "no_such_scenario"),
])
def test_usage_errors(kw, text):
    with pytest.raises(omen.UsageError, match=text) as e:
        omen.run(ONLINE_LEARNING, trials=kw.pop("trials", 100), **kw)
    assert isinstance(e.value, ValueError)


def test_usage_error_text_is_the_cli_text():
    with pytest.raises(omen.UsageError) as e:
        omen.run(ONLINE_LEARNING, trials=100, set={"p_nope": "1%"})
    status, _, stderr = cli("run", ONLINE_LEARNING, "--trials", "100", "--set", "p_nope=1%", check=False)
    assert status == 2
    assert str(e.value).strip() in stderr


def test_compare_unknown_scenario():
    with pytest.raises(omen.UsageError, match="nope"):
        omen.compare(ONLINE_LEARNING, "online_learning", "nope", trials=100)


@pytest.mark.parametrize("call, text", [
    (lambda: omen.run(ONLINE_LEARNING, [1, 2], trials=100), "scenario expects a name or a list of names"),
    (lambda: omen.run(ONLINE_LEARNING, trials=100, engine=3), "engine expects"),
    (lambda: omen.load(42), "a program is a path or omen source text"),
    (lambda: omen.load(ONLINE_LEARNING, stdlib=7), "stdlib a folder path"),
])
def test_wrong_types_are_a_sentence_not_a_pybind11_dump(call, text):
    # issue 22: pybind11's "incompatible function arguments" listing every signature used to
    # reach the user.
    with pytest.raises(omen.UsageError, match=text) as e:
        call()
    assert "incompatible function arguments" not in str(e.value)
    assert "_omen" not in str(e.value)


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    # issue 22: a FIFO as the program blocked for ever in open().
    fifo = tmp_path / "pipe.omen"
    os.mkfifo(fifo)
    with pytest.raises(omen.CompileError, match="is a FIFO"):
        omen.load(str(fifo))

def test_import_of_a_non_omen_file_shows_none_of_it(tmp_path):
    # A scenario from someone else cannot read a file you may read into an exception's text
    # (issue 22): the import is refused unopened, and a non-.omen file named directly gets
    # one error that quotes none of it.
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-KEY-hunter2 = 42\nsecond line\n")
    model = tmp_path / "model.omen"
    model.write_text('import "secret.txt"\nscenario s {\n  event e\n  phase p for 1 { trigger e }\n  report P(e)\n}\n')
    with pytest.raises(omen.CompileError) as e:
        omen.run(model)
    assert 'cannot import "secret.txt": an import names an .omen file' in str(e.value)
    assert "hunter2" not in str(e.value)
    with pytest.raises(omen.CompileError) as e:
        omen.run(secret)
    assert "not omen source" in str(e.value)
    assert "hunter2" not in str(e.value) and "SECRET" not in str(e.value) and "second" not in str(e.value)
    assert str(e.value).count("\n") <= 1

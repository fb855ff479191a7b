"""omen from Python: run scenarios, get estimates back as objects and DataFrames.

    import omen
    result = omen.run("examples/online_learning.omen", trials=10_000)
    result.to_pandas()

`run` and `compare` take a file path or the program's text; `load` compiles once for many
runs. Options mean what the command line's flags mean (docs/reference.md, section 13):
`trials` and `seed` also accept text as typed there ("1e6", "1_000_000"), `set` is `--set`.
Errors are exceptions carrying the diagnostic text; Ctrl-C stops a run and raises
`omen.Interrupted` with the partial result.
"""
from __future__ import annotations

import json
import os
from typing import Mapping, Optional, Sequence, Union

try:
    from . import _omen
except ImportError as e:  # built for another interpreter: say which, not just "not found"
    import glob
    import sys
    _built = [os.path.basename(p) for p in glob.glob(os.path.join(os.path.dirname(__file__), "_omen*"))]
    raise ImportError(f"omen's extension {_built or '(none)'} does not load in this Python "
                      f"({sys.executable}, {sys.version.split()[0]}): it is built for Debian's "
                      "/usr/bin/python3 (cmake -DOMEN_PYTHON=... chooses another)") from e
from ._errors import CompileError, Error, Interrupted, RunError, UsageError
from ._results import (CompareResult, Comparison, Evidence, Report, RunResult, Scenario)

__version__ = _omen.version
__all__ = ["run", "compare", "load", "Program", "RunResult", "Scenario", "Report", "Evidence",
           "CompareResult", "Comparison", "Error", "CompileError", "UsageError", "RunError",
           "Interrupted"]

Source = Union[str, "os.PathLike[str]"]


def _is_path(source: Source) -> bool:
    """A path-like object, or text without a newline or a brace, is a file; other text is
    the program itself."""
    if isinstance(source, os.PathLike):
        return True
    if not isinstance(source, str):
        raise TypeError(f"expected a file path or omen source text, not {type(source).__name__}")
    return "\n" not in source and "{" not in source


def _setting_text(value) -> str:
    """A `set` value as `--set` would take it: True/False as true/false, numbers shortest
    round-trip, text ("20%", "beta(2, 8)") as it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return value
    raise UsageError(f"set expects numbers, booleans or text, not {type(value).__name__}")


def _count_text(value, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise UsageError(f"{name} expects a whole number (or text such as '1e6'), not {value!r}")
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return str(int(value))  # trials=1e6 is a million, as `--trials 1e6` is
    return repr(value) if isinstance(value, float) else str(value)


def _options(scenarios: Sequence[str], trials, seed, threads, set, engine) -> "_omen.RunOptions":
    o = _omen.RunOptions()
    # Checked here, so that a wrong type is a sentence, never pybind11's dump of signatures.
    if isinstance(scenarios, (str, bytes)) or not all(isinstance(s, str) for s in scenarios):
        raise UsageError(f"scenario expects a name or a list of names, not {scenarios!r}")
    o.scenarios = list(scenarios)
    o.trials = _count_text(trials, "trials")
    o.seed = _count_text(seed, "seed")
    if threads is None:
        threads = 0
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise UsageError(f"threads expects a whole number, not {threads!r}")
    o.threads = threads
    if engine is not None and not isinstance(engine, str):
        raise UsageError(f"engine expects 'auto', 'jit' or 'interp', not {engine!r}")
    o.engine = engine or ""
    if set is not None:
        if not isinstance(set, Mapping):
            raise UsageError("set expects a mapping of param names to values, e.g. {'p_turn': '1%'}")
        o.settings = [(str(k), _setting_text(v)) for k, v in set.items()]
    return o


def _finish(reply, parse):
    status, error, document = reply
    result = parse(json.loads(document)) if document else None
    if status == "ok":
        return result
    if status == "interrupted":
        raise Interrupted(result)
    if status == "options":
        raise UsageError(error)
    raise RunError(error, result)


class Program:
    """A loaded and checked program: compile once, run many times.

    Raises CompileError if the program has errors; `warnings` holds any warnings."""

    def __init__(self, source: Source, *, name: str = "<input>", stdlib: Optional[str] = None):
        """`name` labels program text in messages; `stdlib` is the folder holding
        std/NAME.omen (default: $OMEN_STDLIB, else the one installed with omen)."""
        if not isinstance(source, (str, os.PathLike)):
            raise UsageError(f"a program is a path or omen source text, not {type(source).__name__}")
        if not isinstance(name, str) or not (stdlib is None or isinstance(stdlib, (str, os.PathLike))):
            raise UsageError("name expects text and stdlib a folder path")
        is_file = _is_path(source)
        self._program = _omen.Program(os.fspath(source), is_file, name, os.fspath(stdlib) if stdlib else "")
        if not self._program.ok():
            raise CompileError(self._program.diagnostics())
        self.warnings = self._program.diagnostics()

    @property
    def scenarios(self) -> list:
        return self._program.scenario_names()

    def _call(self, fn, *args, **kw):
        try:
            return fn(*args, **kw)
        except _omen.UsageError as e:
            raise UsageError(str(e)) from None
        except TypeError as e:
            # pybind11's "incompatible function arguments" with every signature: one sentence.
            if "incompatible function arguments" not in str(e):
                raise
            raise UsageError("an argument has the wrong type; see help(omen) for what each takes") from None

    def run(self, scenario: Union[str, Sequence[str], None] = None, *, trials=None, seed=None,
            threads: Optional[int] = None, set: Optional[Mapping] = None,
            engine: Optional[str] = None) -> RunResult:
        """Runs `scenario` (a name, a list of names, or None for all), as `omen run`."""
        names = [] if scenario is None else [scenario] if isinstance(scenario, str) else scenario
        options = self._call(_options, names, trials, seed, threads, set, engine)
        return _finish(self._call(self._program.run, options), RunResult.from_json)

    def compare(self, a: str, b: str, *, trials=None, seed=None, threads: Optional[int] = None,
                set: Optional[Mapping] = None, engine: Optional[str] = None) -> CompareResult:
        """Runs A and B on common random numbers and pairs their shared reports, as
        `omen compare`."""
        options = self._call(_options, [], trials, seed, threads, set, engine)
        return _finish(self._call(self._program.compare, a, b, options), CompareResult.from_json)


def load(source: Source, **kw) -> Program:
    """Loads and checks a program (a file path or its text); raises CompileError."""
    return Program(source, **kw)


def run(source: Source, scenario: Union[str, Sequence[str], None] = None, *, trials=None,
        seed=None, threads: Optional[int] = None, set: Optional[Mapping] = None,
        engine: Optional[str] = None) -> RunResult:
    """`omen run`: runs the scenarios of a file (or of program text) and returns the result.

    trials, seed: as `--trials`, `--seed` (defaults 100000 and 1); threads: 0 or None for all
    cores; set: {param: value} as `--set`; engine: "auto" (default), "jit" or "interp"."""
    return Program(source).run(scenario, trials=trials, seed=seed, threads=threads, set=set,
                               engine=engine)


def compare(source: Source, a: str, b: str, *, trials=None, seed=None,
            threads: Optional[int] = None, set: Optional[Mapping] = None,
            engine: Optional[str] = None) -> CompareResult:
    """`omen compare`: A and B of a file on common random numbers."""
    return Program(source).compare(a, b, trials=trials, seed=seed, threads=threads, set=set,
                                   engine=engine)


# --- Analyses: every one the registry offers to Python, with the flags of `omen NAME` ----------

class Analysis:
    """One registered analysis: `name` (as in `omen NAME`), `summary`, and `unavailable`:
    {door: reason} for each door ("omen", "the REPL", "built executables", "Python") that does
    not offer it."""

    def __init__(self, name: str, summary: str, unavailable: Mapping[str, str]):
        self.name, self.summary, self.unavailable = name, summary, dict(unavailable)

    def __repr__(self):
        return f"Analysis({self.name!r})"


def analyses() -> list:
    """The registry: every analysis omen offers, in `omen --help` order."""
    return [Analysis(n, s, u) for n, s, u in _omen.analyses()]


def _flag_args(flags: Mapping) -> list:
    """{"vary": ["x", "y"], "points": 5, "log": True, "no_sobol": True} as command-line words:
    a list repeats its flag, True gives a bare flag, False or None leaves it out."""
    words = []
    for key, value in flags.items():
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            words.append(flag)
        elif isinstance(value, (list, tuple)):
            for v in value:
                words += [flag, _setting_text(v)]
        elif isinstance(value, Mapping):  # set={"p": 0.1}: --set p=0.1 each
            for k, v in value.items():
                words += [flag, f"{k}={_setting_text(v)}"]
        else:
            words += [flag, _setting_text(value)]
    return words


def _analysis_reply(status: int, out: str, err: str):
    document = json.loads(out) if out.strip() else None
    if status == 0:
        return document
    if status == 130:
        raise Interrupted(document)
    if status == 2:
        raise UsageError(err.strip())
    raise RunError(err, document)


def _analyze(program: "Program", name: str, args: Sequence[str], flags: Mapping) -> dict:
    words = [str(a) for a in args] + _flag_args(flags) + ["--format", "json"]
    return _analysis_reply(*program._program.analyze(name, words))


def _analysis_method(name: str, summary: str):
    def method(self, *args, **flags):
        return _analyze(self, name, args, flags)
    method.__name__ = name
    method.__doc__ = (f"`omen {name}`: {summary}. Keyword arguments are its flags "
                      "(vary=\"x=0:1\", points=5, log=True, set={...}); returns its JSON "
                      "document as a dict.")
    return method


def _analysis_function(name: str, summary: str):
    def function(source: Source, *args, **flags):
        return _analyze(Program(source), name, args, flags)
    function.__name__ = name
    function.__doc__ = f"`omen {name} FILE`: {summary}. As Program.{name}, on a file or program text."
    return function


Program.analyze = lambda self, name, *args, **flags: _analyze(self, name, args, flags)
Program.analyze.__doc__ = ("Runs the registered analysis `name` with the flags of `omen NAME` "
                           "(keyword arguments, or words in `args`); returns its JSON document.")
for _name, _summary, _unavailable in _omen.analyses():
    if "Python" in _unavailable:
        continue
    if not hasattr(Program, _name):
        setattr(Program, _name, _analysis_method(_name, _summary))
    if _name not in globals():
        globals()[_name] = _analysis_function(_name, _summary)
        __all__.append(_name)
__all__ += ["analyses", "Analysis"]

"""Results as plain Python objects, read from the JSON document a run produces (the one
`omen run --format json` prints; docs/reference.md section 12 names the fields).

`to_pandas()` gives the rows and columns of `--format csv`, so a DataFrame from Python and
one from `pandas.read_csv` of the command line's output are the same table.
"""
from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Union


@dataclass
class Report:
    label: str
    kind: str  # "probability", "mean" or "quantiles"
    n: int
    estimate: Optional[float] = None  # None: no estimate (undefined, or a quantiles report)
    stderr: Optional[float] = None
    ci95: Optional[tuple] = None  # (low, high)
    quantiles: Optional[Dict[float, float]] = None  # level -> value, for quantiles reports
    undefined: Optional[str] = None  # why there is no estimate ("condition never held")
    rank_error: Optional[float] = None  # quantiles from the sketch: the rank-error bound
    # The scenario observes and its weights vary: a posterior, with Kish's effective sample size.
    weighted: bool = False
    ess: Optional[float] = None
    quantiles_ci95: Optional[Dict[float, tuple]] = None  # level -> (low, high)

    @classmethod
    def from_json(cls, d: dict) -> "Report":
        q = d.get("quantiles")
        ci = d.get("ci95")
        return cls(label=d["label"], kind=d["kind"], n=d["n"], estimate=d.get("estimate"),
                   stderr=d.get("stderr"), ci95=tuple(ci) if ci else None,
                   quantiles={float(k): v for k, v in q.items()} if q else None,
                   undefined=d.get("undefined"), rank_error=d.get("rank_error"),
                   weighted=d.get("weighted", False), ess=d.get("ess"),
                   quantiles_ci95={float(k): tuple(v) for k, v in d["quantiles_ci95"].items()}
                   if d.get("quantiles_ci95") else None)

    def rows(self) -> List[dict]:
        """This report's rows of `--format csv` (without the scenario column)."""
        note = "undefined: " + self.undefined if self.undefined else None
        if self.kind == "quantiles":
            # An undefined quantiles report keeps the five level rows, as the CLI's CSV does.
            levels = self.quantiles or {p: None for p in (0.05, 0.25, 0.5, 0.75, 0.95)}
            ci = self.quantiles_ci95 or {}
            return [dict(label=f"{self.label}@{_level(p)}", kind=self.kind, estimate=v,
                         stderr=None, ci_low=ci.get(p, (None, None))[0], ci_high=ci.get(p, (None, None))[1],
                         n=self.n, note=note)
                    for p, v in levels.items()]
        low, high = self.ci95 if self.ci95 else (None, None)
        return [dict(label=self.label, kind=self.kind, estimate=self.estimate, stderr=self.stderr,
                     ci_low=low, ci_high=high, n=self.n, note=note)]


@dataclass
class Evidence:
    """What a scenario that observes says about its observations (docs/evidence.md)."""
    estimate: float  # the mean weight: P(observations), or their density
    stderr: float
    ci95: tuple
    log: Optional[float]  # None where the estimate is 0
    log_stderr: float
    n: int
    ess: float
    max_weight_share: float
    pareto_k: Optional[float]
    weights_vary: bool
    warnings: List[str]

    @classmethod
    def from_json(cls, d: dict) -> "Evidence":
        return cls(estimate=d["estimate"], stderr=d["stderr"], ci95=tuple(d["ci95"]), log=d["log"],
                   log_stderr=d["log_stderr"], n=d["n"], ess=d["ess"], max_weight_share=d["max_weight_share"],
                   pareto_k=d["pareto_k"], weights_vary=d["weights_vary"], warnings=list(d["warnings"]))

    def row(self) -> dict:
        """Its row of `--format csv`: kind "evidence", the log and the diagnostics in `note`."""
        log = "-inf" if self.log is None else _num(self.log)
        note = "; ".join([f"log {log} ± {_num(self.log_stderr)}"]
                         + ([f"k-hat {_num(self.pareto_k)}"] if self.pareto_k is not None else [])
                         + [f"warning: {w}" for w in self.warnings])
        return dict(label="evidence", kind="evidence", estimate=self.estimate, stderr=self.stderr,
                    ci_low=self.ci95[0], ci_high=self.ci95[1], n=self.n, note=note, ess=self.ess)


@dataclass
class Scenario:
    name: str
    seconds: float
    params: Dict[str, Union[bool, int, float, str]]  # "drawn per trial" for an uncertain param
    reports: List[Report]
    partial: bool = False
    trials_completed: Optional[int] = None
    error: Optional[str] = None
    evidence: Optional[Evidence] = None  # the scenario observes

    @classmethod
    def from_json(cls, d: dict) -> "Scenario":
        e = d.get("evidence")
        return cls(name=d["name"], seconds=d["seconds"], params=d["params"],
                   reports=[Report.from_json(r) for r in d["reports"]],
                   partial=d.get("partial", False), trials_completed=d.get("trials_completed"),
                   error=d.get("error"), evidence=Evidence.from_json(e) if e else None)

    def report(self, label: str) -> Report:
        for r in self.reports:
            if r.label == label:
                return r
        raise KeyError(f"scenario {self.name} has no report {label!r}; it has "
                       + ", ".join(repr(r.label) for r in self.reports))

    def __getitem__(self, label: str) -> Report:
        return self.report(label)


@dataclass
class RunResult:
    """What `omen.run` returns: one Scenario per scenario run, in order."""
    file: str
    seed: int
    trials: int
    engine: str
    threads: int
    scenarios: List[Scenario]
    omen_version: str = ""

    @classmethod
    def from_json(cls, d: dict) -> "RunResult":
        return cls(file=d["file"], seed=d["seed"], trials=d["trials"], engine=d["engine"],
                   threads=d["threads"], scenarios=[Scenario.from_json(s) for s in d["scenarios"]],
                   omen_version=d["omen_version"])

    @property
    def partial(self) -> bool:
        return any(s.partial for s in self.scenarios)

    def scenario(self, name: str) -> Scenario:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise KeyError(f"no scenario {name!r} in this result; it has "
                       + ", ".join(repr(s.name) for s in self.scenarios))

    def __getitem__(self, name: str) -> Scenario:
        return self.scenario(name)

    def to_pandas(self):
        """One row per report (one per level for quantiles), the columns of `--format csv`:
        scenario, label, kind, estimate, stderr, ci_low, ci_high, n, note, then (when a
        scenario observes) ess and a row of kind "evidence" per such scenario, then param.NAME
        for every param of the scenarios run ("drawn" for an uncertain param not pinned)."""
        pd = _pandas()
        names = []
        for s in self.scenarios:
            names += [k for k in s.params if k not in names]
        weighted = any(s.evidence for s in self.scenarios)
        rows = []
        for s in self.scenarios:
            partial = f"partial: {s.trials_completed} of {self.trials} trials" if s.partial else None
            params = {f"param.{k}": ("drawn" if s.params[k] == "drawn per trial" else s.params[k])
                      for k in names if k in s.params}
            for r in s.reports:
                for row in r.rows():
                    row["note"] = "; ".join(n for n in (row["note"], partial) if n) or None
                    if weighted:
                        row["ess"] = r.ess if r.ess is not None else r.n
                    rows.append(dict(scenario=s.name, **row, **params))
            if s.evidence:
                row = s.evidence.row()
                row["note"] = "; ".join(n for n in (row["note"], partial) if n)
                rows.append(dict(scenario=s.name, **row, **params))
        return pd.DataFrame(rows, columns=["scenario", "label", "kind", "estimate", "stderr",
                                           "ci_low", "ci_high", "n", "note"]
                            + (["ess"] if weighted else []) + [f"param.{k}" for k in names])


@dataclass
class Comparison:
    """The paired difference A - B of one report both scenarios have."""
    label: str
    kind: str
    a: Report
    b: Report
    n: Optional[int] = None
    difference: Optional[float] = None
    stderr: Optional[float] = None
    ci95: Optional[tuple] = None
    quantile_differences: Optional[Dict[float, float]] = None
    undefined: Optional[str] = None

    @classmethod
    def from_json(cls, d: dict) -> "Comparison":
        diff = d["difference"]
        c = cls(label=d["label"], kind=d["kind"], a=Report.from_json(d["a"]),
                b=Report.from_json(d["b"]))
        if d["kind"] == "quantiles":
            q = diff["quantiles"]
            c.quantile_differences = {float(k): v for k, v in q.items()} if q else None
            c.n = None
        else:
            ci = diff.get("ci95")
            c.n, c.difference, c.stderr = diff.get("n"), diff.get("estimate"), diff.get("stderr")
            c.ci95 = tuple(ci) if ci else None
            c.undefined = diff.get("undefined")
        return c


@dataclass
class CompareResult:
    """What `omen.compare` returns: A and B on common random numbers."""
    file: str
    seed: int
    trials: int
    engine: str
    threads: int
    seconds: float
    a: Scenario
    b: Scenario
    comparisons: List[Comparison]
    partial: bool = False
    trials_completed: Optional[int] = None
    error: Optional[str] = None
    omen_version: str = ""
    # Both scenarios observe: Z_A / Z_B with its interval, and its log with the log's se.
    bayes_factor: Optional[dict] = None  # keys estimate, ci95, log, log_stderr

    @classmethod
    def from_json(cls, d: dict) -> "CompareResult":
        a, b = (Scenario.from_json(s) for s in d["scenarios"])
        return cls(file=d["file"], seed=d["seed"], trials=d["trials"], engine=d["engine"],
                   threads=d["threads"], seconds=d["seconds"], a=a, b=b,
                   comparisons=[Comparison.from_json(c) for c in d["comparisons"]],
                   partial=d.get("partial", False), trials_completed=d.get("trials_completed"),
                   error=d.get("error"), omen_version=d["omen_version"], bayes_factor=d.get("bayes_factor"))

    def comparison(self, label: str) -> Comparison:
        for c in self.comparisons:
            if c.label == label:
                return c
        raise KeyError(f"no shared report {label!r}")

    def __getitem__(self, label: str) -> Comparison:
        return self.comparison(label)

    def to_pandas(self):
        """One row per shared report (one per level for quantiles), the columns of
        `omen compare --format csv`."""
        pd = _pandas()
        rows = []
        for c in self.comparisons:
            if c.kind == "quantiles":
                qa, qb = c.a.quantiles or {}, c.b.quantiles or {}
                for p, d in (c.quantile_differences or {}).items():
                    rows.append(dict(label=f"{c.label}@{_level(p)}", kind=c.kind,
                                     estimate_a=qa.get(p), stderr_a=None, n_a=c.a.n,
                                     estimate_b=qb.get(p), stderr_b=None, n_b=c.b.n,
                                     difference=d, stderr=None, ci_low=None, ci_high=None,
                                     n=None, note=None))
                continue
            low, high = c.ci95 if c.ci95 else (None, None)
            rows.append(dict(label=c.label, kind=c.kind, estimate_a=c.a.estimate,
                             stderr_a=c.a.stderr, n_a=c.a.n, estimate_b=c.b.estimate,
                             stderr_b=c.b.stderr, n_b=c.b.n, difference=c.difference,
                             stderr=c.stderr, ci_low=low, ci_high=high, n=c.n,
                             note="undefined: " + c.undefined if c.undefined else None))
        return pd.DataFrame(rows, columns=["label", "kind", "estimate_a", "stderr_a", "n_a",
                                           "estimate_b", "stderr_b", "n_b", "difference",
                                           "stderr", "ci_low", "ci_high", "n", "note"])


def _num(x: float) -> str:
    """A number as the command line writes it (ReportFormat.cpp's shortestNumber): the
    shortest digits that read back as x, in plain decimals for 1e-6 <= |x| < 1e21."""
    if not (x == 0 or 1e-6 <= abs(x) < 1e21):
        return repr(x)
    text = format(decimal.Decimal(repr(x)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _level(p: float) -> str:
    """A quantile level as the JSON and CSV print it (0.05, 0.5)."""
    return repr(p)


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pandas is optional: only to_pandas() needs it
        import sys
        raise ImportError(f"to_pandas() needs pandas, which this Python ({sys.executable}) does not "
                          "have; Debian's python3-pandas is for /usr/bin/python3") from e
    return pandas

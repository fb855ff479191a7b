"""omen.run and omen.compare give the command line's results, as objects and DataFrames."""
import io
import math
import os

import pytest

from conftest import ONLINE_LEARNING, SOURCE_DIR, cli, cli_json
import omen

RUN_FLAGS = ["--trials", "20000", "--seed", "7", "--threads", "2"]
RUN_KW = dict(trials=20000, seed=7, threads=2)


def without_seconds(result):
    for s in getattr(result, "scenarios", []):
        s.seconds = 0
    for attr in ("a", "b"):
        if hasattr(result, attr):
            getattr(result, attr).seconds = 0
    if hasattr(result, "seconds"):
        result.seconds = 0
    return result


def test_run_file():
    r = omen.run(ONLINE_LEARNING, trials=10000)
    assert [s.name for s in r.scenarios] == ["train_then_deploy", "online_learning"]
    assert r.trials == 10000 and r.seed == 1 and r.engine == "auto"
    p = r["online_learning"]["P(catastrophe)"]
    assert p.kind == "probability" and p.n == 10000
    assert 0 < p.estimate < 1 and p.ci95[0] < p.estimate < p.ci95[1]
    assert math.isclose(p.stderr, math.sqrt(p.estimate * (1 - p.estimate) / p.n), rel_tol=0.01)
    assert r["train_then_deploy"].params["p_deceptive"] == "drawn per trial"
    assert r["train_then_deploy"].params["steps"] == 2000


@pytest.mark.parametrize("engine, trials", [("auto", 20000), ("jit", 20000), ("interp", 3000)])
def test_results_identical_to_cli_json(engine, trials):
    py = omen.run(ONLINE_LEARNING, engine=engine, set={"p_recognise": "50%"}, trials=trials, seed=7, threads=2)
    ref = omen.RunResult.from_json(cli_json("run", ONLINE_LEARNING, "--engine", engine, "--set", "p_recognise=50%",
                                            "--trials", str(trials), "--seed", "7", "--threads", "2"))
    assert ref.scenarios[1].params["p_recognise"] == 0.5
    assert without_seconds(py) == without_seconds(ref)


def test_to_pandas_is_the_cli_csv():
    pd = pytest.importorskip("pandas")
    df = omen.run(ONLINE_LEARNING, scenario="online_learning", **RUN_KW).to_pandas()
    _, csv, _ = cli("run", ONLINE_LEARNING, "--scenario", "online_learning", "--format", "csv", *RUN_FLAGS)
    # pandas's default CSV float parser is fast, not exact: round_trip reads the digits back bit for bit.
    ref = pd.read_csv(io.StringIO(csv), float_precision="round_trip")
    assert list(df.columns) == list(ref.columns)
    assert list(df["label"]) == list(ref["label"]) and list(df["kind"]) == list(ref["kind"])
    for col in ("estimate", "stderr", "ci_low", "ci_high", "n"):
        assert df[col].astype(float).tolist() == ref[col].astype(float).tolist(), col


def test_quantiles_and_undefined_reports():
    src = """scenario s {
      param p ~ beta(2, 8)
      event never
      report quantiles(p)
      report E(p | never)
    }"""
    r = omen.run(src, trials=5000)
    q, u = r.scenarios[0].reports
    assert q.kind == "quantiles" and list(q.quantiles) == [0.05, 0.25, 0.5, 0.75, 0.95]
    assert q.quantiles[0.05] < q.quantiles[0.5] < q.quantiles[0.95]
    assert u.n == 0 and u.estimate is None and u.undefined == "condition never held"
    df = r.to_pandas()
    assert list(df["label"])[:2] == ["quantiles(p)@0.05", "quantiles(p)@0.25"]
    assert df["note"].iloc[-1] == "undefined: condition never held"


def test_compare_identical_to_cli_json():
    py = omen.compare(ONLINE_LEARNING, "online_learning", "train_then_deploy", **RUN_KW)
    ref = omen.CompareResult.from_json(
        cli_json("compare", ONLINE_LEARNING, "online_learning", "train_then_deploy", *RUN_FLAGS))
    assert without_seconds(py) == without_seconds(ref)
    c = py["P(catastrophe)"]
    assert c.difference == pytest.approx(c.a.estimate - c.b.estimate)
    assert c.ci95[0] < c.difference < c.ci95[1] < 0  # online learning lowers the risk
    df = py.to_pandas()
    assert "difference" in df.columns and len(df) == len(py.comparisons)


def test_set_changes_the_run_as_the_cli_does():
    program = omen.load(ONLINE_LEARNING)
    assert program.scenarios == ["train_then_deploy", "online_learning"]
    base = program.run("online_learning", **RUN_KW)["online_learning"]["P(catastrophe)"].estimate
    off = program.run("online_learning", set={"p_update": "0%"}, **RUN_KW)
    assert off["online_learning"].params["p_update"] == 0
    ref = cli_json("run", ONLINE_LEARNING, "--scenario", "online_learning", "--set", "p_update=0%", *RUN_FLAGS)
    assert off["online_learning"]["P(catastrophe)"].estimate == ref["scenarios"][0]["reports"][1]["estimate"]
    assert off["online_learning"]["P(catastrophe)"].estimate > base
    # Python values as --set reads them: a float, an int, a bool.
    r = omen.run("scenario s { param x = 0.5  param k = 3  param b = false  report E(x * k) }",
                 set={"x": 0.25, "k": 4, "b": True}, trials=10)
    assert r.scenarios[0].params == {"x": 0.25, "k": 4, "b": True}
    assert r.scenarios[0].reports[0].estimate == 1.0


def test_counts_as_typed_on_the_command_line():
    assert omen.run(ONLINE_LEARNING, "online_learning", trials="1e3").trials == 1000
    assert omen.run(ONLINE_LEARNING, "online_learning", trials="2_000", seed="3").seed == 3
    assert omen.run(ONLINE_LEARNING, ["online_learning"], trials=1e3).trials == 1000
    with pytest.raises(omen.UsageError, match="--trials"):
        omen.run(ONLINE_LEARNING, trials=1.5)


def test_does_not_import_pandas():
    import subprocess, sys
    code = "import sys, omen; omen.run('scenario s { report P(true) }', trials=10); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


CLOSED_FORMS = os.path.join(SOURCE_DIR, "tests", "lit", "evidence", "Inputs", "closed_forms.omen")


def test_weighted_results_carry_evidence_and_ess():
    py = omen.run(CLOSED_FORMS, **RUN_KW)
    ref = omen.RunResult.from_json(cli_json("run", CLOSED_FORMS, *RUN_FLAGS))
    assert without_seconds(py) == without_seconds(ref)
    s = py["no_failures"]
    assert s.evidence.estimate == pytest.approx(0.25, abs=5 * s.evidence.stderr)
    assert s.evidence.weights_vary and 0 < s.evidence.ess < s.evidence.n
    assert s["E(p)"].weighted and s["E(p)"].ess == pytest.approx(s.evidence.ess)


def test_weighted_to_pandas_is_the_cli_csv():
    pd = pytest.importorskip("pandas")
    df = omen.run(CLOSED_FORMS, **RUN_KW).to_pandas()
    _, csv, _ = cli("run", CLOSED_FORMS, "--format", "csv", *RUN_FLAGS)
    ref = pd.read_csv(io.StringIO(csv), float_precision="round_trip")
    assert list(df.columns) == list(ref.columns) and "ess" in df.columns
    assert list(df["kind"]) == list(ref["kind"]) and list(df["note"].fillna("")) == list(ref["note"].fillna(""))
    for col in ("estimate", "stderr", "ci_low", "ci_high", "n", "ess"):
        # Quantile rows have no stderr: empty in both (NaN, which equals nothing, so filled).
        assert df[col].astype(float).fillna(-1).tolist() == ref[col].astype(float).fillna(-1).tolist(), col


def test_bayes_factor_of_two_priors():
    py = omen.compare(CLOSED_FORMS, "no_failures", "no_failures_low", **RUN_KW)
    bf = py.bayes_factor
    assert bf["log"] == pytest.approx(math.log(0.25 / 0.46875), abs=5 * bf["log_stderr"])
    assert bf["ci95"][0] < bf["estimate"] < bf["ci95"][1]

"""Weighted trials (issue 23) against closed forms and across engines.

    evidence_check.py OMEN DIR WORK

Each posterior estimate and evidence must lie within 5 of its own standard errors of the
closed form; a posterior mean's 95% interval must cover the exact value in 93-97% of 1,000
repetitions of 1,000 trials (1,000 rather than 200: with 200 the share's own sd is 1.5%, so
a correct interval falls outside 93-97% one time in four; seeds 1-200 alone give 92.5%); an uninformative observation changes no estimate and leaves
ESS = n; wild weights warn (Pareto k-hat); the Bayes factor of two priors on the same data
is within 5 se of its closed form; and every engine, thread count and a built executable
print the same numbers."""
import json, math, os, subprocess, sys

omen, inputs, work = sys.argv[1], sys.argv[2], sys.argv[3]
closed = os.path.join(inputs, "closed_forms.omen")
uninformative = os.path.join(inputs, "uninformative.omen")
failures = []


def run(model, scenario, *extra, command="run", exe=None):
    args = ([exe] if exe else [omen, command, model]) + (["--scenario", scenario] if scenario else []) + \
        ["--format", "json"] + list(extra)
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def reports(doc):
    return {r["label"]: r for r in doc["scenarios"][0]["reports"]}


def near(what, got, se, want):
    if not abs(got - want) <= 5 * se:
        failures.append(f"{what}: {got} ± {se} is not within 5 se of {want}")


# Closed forms.
doc = run(closed, "three_quiet_years", "--trials", "200000")
s = doc["scenarios"][0]
r = reports(doc)["P(deceptive)"]
prior, bad, good = 0.2, 0.7 ** 3, 0.95 ** 3
near("P(deceptive | three quiet years)", r["estimate"], r["stderr"], prior * bad / (prior * bad + (1 - prior) * good))
near("evidence of three quiet years", s["evidence"]["estimate"], s["evidence"]["stderr"],
     prior * bad + (1 - prior) * good)
if not r.get("weighted") or not 0 < r["ess"] < r["n"]:
    failures.append(f"three_quiet_years: a weighted report with ESS below n expected, got {r}")

doc = run(closed, "no_failures", "--trials", "200000")
r, e = reports(doc)["E(p)"], doc["scenarios"][0]["evidence"]
near("E(p | no failures in 3)", r["estimate"], r["stderr"], 0.2)
near("evidence of no failures in 3", e["estimate"], e["stderr"], 0.25)
near("log evidence", e["log"], e["log_stderr"], math.log(0.25))

doc = run(closed, "normal_update", "--trials", "200000")
rs, e = reports(doc), doc["scenarios"][0]["evidence"]
near("E(mu | 1.5)", rs["E(mu)"]["estimate"], rs["E(mu)"]["stderr"], 0.75)
near("E(mu^2 | 1.5)", rs["second moment"]["estimate"], rs["second moment"]["stderr"], 0.5 + 0.75 ** 2)
near("P(mu > 0.75 | 1.5)", rs["above the posterior mean"]["estimate"], rs["above the posterior mean"]["stderr"], 0.5)
near("evidence density of 1.5", e["estimate"], e["stderr"], math.exp(-1.5 ** 2 / 4) / math.sqrt(4 * math.pi))
median = rs["quantiles(mu, 50%)"]
lo, hi = median["quantiles_ci95"]["0.5"]
if not lo <= 0.75 <= hi:
    failures.append(f"weighted median interval [{lo}, {hi}] misses 0.75")

doc = run(closed, "categorical_signal", "--trials", "200000")
r, e = reports(doc)["P(deceptive)"], doc["scenarios"][0]["evidence"]
near("P(deceptive | signal 2)", r["estimate"], r["stderr"], 0.3 * 0.3 / (0.3 * 0.3 + 0.7 * 0.1))
near("evidence of signal 2", e["estimate"], e["stderr"], 0.16)

# Coverage: 1,000 repetitions of 1,000 trials, seeds 1..1000.
covered = 0
for seed in range(1, 1001):
    r = reports(run(closed, "normal_update", "--trials", "1000", "--seed", str(seed), "--engine", "interp",
                    "--threads", "1"))["E(mu)"]
    covered += r["ci95"][0] <= 0.75 <= r["ci95"][1]
if not 930 <= covered <= 970:
    failures.append(f"the 95% interval of E(mu | 1.5) covered 0.75 in {covered} of 1000 runs, not 930-970")
print(f"coverage: {covered} of 1000")

# Bayes factor of two priors on the same data (common random numbers).
cmp = run(closed, None, "no_failures", "no_failures_low", "--trials", "200000", command="compare")
bf = cmp["bayes_factor"]
near("log Bayes factor", bf["log"], bf["log_stderr"], math.log(0.25 / 0.46875))

# An uninformative observation: every estimate bit for bit, ESS = n, no weighted report.
a = run(uninformative, "plain", "--trials", "20000")["scenarios"][0]
b = run(uninformative, "uninformed", "--trials", "20000")["scenarios"][0]
if a["reports"] != b["reports"]:
    failures.append(f"uninformative observation changed the reports:\n{a['reports']}\n{b['reports']}")
if b["evidence"]["ess"] != 20000 or b["evidence"]["weights_vary"] or b["evidence"]["estimate"] != 1:
    failures.append(f"uninformative observation: evidence {b['evidence']}")

# Wild weights warn.
e = run(uninformative, "wild", "--trials", "20000")["scenarios"][0]["evidence"]
if not (e["pareto_k"] and e["pareto_k"] > 0.7 and any("k-hat" in w for w in e["warnings"])):
    failures.append(f"wild weights did not warn about k-hat: {e}")

# Worlds weighted by their evidence: a self-normalised estimate over worlds (each world's
# weight is exact here, so its se is the delta method's over the worlds).
out = subprocess.run([omen, "run", os.path.join(inputs, "worlds.omen"), "--worlds", "4000", "--trials", "16",
                      "--exceed", "0.5", "--format", "json"], check=True, capture_output=True, text=True).stdout
s = json.loads(out)["scenarios"][0]
r = s["reports"][0]
z = [math.exp(l) for l in s["log_evidence"]]
for what, f, want in (("E(q) across worlds", lambda v: v, 0.2), ("P(q > 0.5) across worlds", lambda v: v > 0.5, 0.0625)):
    fs = [float(f(v)) for v in r["values"]]
    mu = sum(w * x for w, x in zip(z, fs)) / sum(z)
    se = math.sqrt(sum(w * w * (x - mu) ** 2 for w, x in zip(z, fs))) / sum(z)
    got = r["evidence_weighted"]["estimate"] if want == 0.2 else r["evidence_weighted"]["exceed"][0]["fraction"]
    if abs(got - mu) > 1e-12:
        failures.append(f"{what}: {got} is not the evidence-weighted mean of the worlds, {mu}")
    near(what, got, se, want)

# Each world's evidence: E_q[(1 - q)^3] = 1/4 pooled across worlds, the values exp(log_evidence);
# the CSV's evidence row and evidence-weighted columns carry the JSON's numbers.
ev = s["evidence"]
near("the evidence pooled across worlds", ev["pooled"]["estimate"], ev["pooled"]["stderr"], 0.25)
if len(ev["values"]) != 4000 or any(abs(v - math.exp(l)) > 1e-12 * max(v, 1e-300)
                                    for v, l in zip(ev["values"], s["log_evidence"]) if l is not None):
    failures.append("the worlds' evidence values are not exp(log_evidence)")
out = subprocess.run([omen, "run", os.path.join(inputs, "worlds.omen"), "--worlds", "4000", "--trials", "16",
                      "--exceed", "0.5", "--format", "csv"], check=True, capture_output=True, text=True).stdout
import csv, io
rows = {row["report"]: row for row in csv.DictReader(io.StringIO(out))}
if rows.get("evidence", {}).get("kind") != "evidence" or float(rows["evidence"]["pooled"]) != ev["pooled"]["estimate"]:
    failures.append(f"the worlds CSV's evidence row: {rows.get('evidence')}")
if float(rows["E(q)"]["evidence_weighted"]) != r["evidence_weighted"]["estimate"] or \
        float(rows["E(q)"]["P(>0.5)_evidence_weighted"]) != r["evidence_weighted"]["exceed"][0]["fraction"]:
    failures.append(f"the worlds CSV's evidence-weighted columns: {rows['E(q)']}")

# Engines, threads and a built executable: the same numbers.
def numbers(doc):
    return [(s["reports"], s.get("evidence")) for s in doc["scenarios"]]

base = numbers(run(closed, None, "--trials", "5000", "--engine", "interp", "--threads", "1"))
for extra in (["--engine", "jit"], ["--engine", "auto", "--threads", "2"], ["--engine", "interp", "--threads", "2"]):
    if numbers(run(closed, None, "--trials", "5000", *extra)) != base:
        failures.append(f"{' '.join(extra)} differs from the interpreter on one thread")
exe = os.path.join(work, "closed_forms")
subprocess.run([omen, "build", closed, "-o", exe], check=True)
built = []
for s in ("three_quiet_years", "no_failures", "no_failures_low", "normal_update", "categorical_signal"):
    built += numbers(run(None, None, "--scenario", s, "--trials", "5000", exe=exe))
if built != base:
    failures.append("the built executable differs from the interpreter")

for f in failures:
    print("FAIL:", f)
print("evidence checks:", "ok" if not failures else f"{len(failures)} failed")
sys.exit(1 if failures else 0)

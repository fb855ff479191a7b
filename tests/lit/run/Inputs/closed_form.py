"""Closed forms for arrays (issue 14): n independent labs each defecting with p give
P(any) = 1 - (1 - p)^n and E(count) = n p for n = 1..50 (set with --set); a shared p ~ beta(a, b)
gives a beta-binomial count (its pmf, mean and second moment). Each estimate must lie within
5 standard errors (computed from the exact distribution) of the closed form."""
import json, math, subprocess, sys

omen, model = sys.argv[1], sys.argv[2]
TRIALS = 20000
failures = []

def run(scenario, *sets, engine="interp"):
    args = [omen, "run", model, "--scenario", scenario, "--trials", str(TRIALS), "--format", "json",
            "--engine", engine]
    for s in sets:
        args += ["--set", s]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return {r["label"]: r["estimate"] for r in json.loads(out)["scenarios"][0]["reports"]}

def check(what, got, want, sd):
    se = sd / math.sqrt(TRIALS)
    if abs(got - want) > 5 * se + 1e-12:
        failures.append(f"{what}: {got} vs closed form {want} (5 SE = {5 * se})")

p = 0.03
for n in range(1, 51):
    r = run("independent", f"n={n}", f"p={p}")
    any_ = 1 - (1 - p) ** n
    check(f"n={n} P(any)", r["P(any(defection))"], any_, math.sqrt(any_ * (1 - any_)))
    check(f"n={n} E(count)", r["E(count(defection))"], n * p, math.sqrt(n * p * (1 - p)))

n, a, b = 10, 2.0, 6.0
def lbeta(x, y):
    return math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y)
pmf = [math.comb(n, k) * math.exp(lbeta(k + a, n - k + b) - lbeta(a, b)) for k in range(n + 1)]
mean = n * a / (a + b)
var = n * a * b * (a + b + n) / ((a + b) ** 2 * (a + b + 1))
m2 = var + mean ** 2
m4 = sum(pk * k ** 4 for k, pk in enumerate(pmf))
for engine in ("interp", "jit"):
    r = run("shared", engine=engine)
    for k in range(n + 1):
        check(f"{engine} P(count == {k})", r[f"P(count(defected) == {k})"], pmf[k], math.sqrt(pmf[k] * (1 - pmf[k])))
    check(f"{engine} E(count)", r["E(count(defected))"], mean, math.sqrt(var))
    check(f"{engine} E(count^2)", r["E(count(defected) * count(defected))"], m2, math.sqrt(m4 - m2 ** 2))

for f in failures:
    print("FAIL", f)
print("closed forms:", "ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)

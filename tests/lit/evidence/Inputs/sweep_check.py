"""The evidence at every point of a sweep of a scenario that observes, against its closed form.

    sweep_check.py OMEN EXAMPLE

examples/three_quiet_years.omen swept over a = incident_if_deceptive (b = 5% if aligned,
prior 0.2): the evidence of three quiet years is 0.2·(1−a)³ + 0.8·(1−b)³ and the posterior
0.2·(1−a)³ / that, each within 5 of its standard errors at every point, in JSON; the CSV's
evidence rows carry the same numbers, and the text shows the evidence table."""
import csv, io, json, math, subprocess, sys

omen, example = sys.argv[1], sys.argv[2]
args = [omen, "sweep", example, "--scenario", "quiet_years", "--vary", "incident_if_deceptive=0.05:0.65:7",
        "--trials", "100000"]
failures = []


def output(fmt):
    return subprocess.run(args + ["--format", fmt], check=True, capture_output=True, text=True).stdout


doc = json.loads(output("json"))
for point in doc["points"]:
    a = point["at"]["incident_if_deceptive"]
    z = 0.2 * (1 - a) ** 3 + 0.8 * 0.95 ** 3
    e = point["evidence"]
    if not abs(e["estimate"] - z) <= 5 * e["stderr"]:
        failures.append(f"a = {a}: evidence {e['estimate']} ± {e['stderr']}, closed form {z}")
    if not abs(e["log"] - math.log(z)) <= 5 * e["log_stderr"]:
        failures.append(f"a = {a}: log evidence {e['log']} ± {e['log_stderr']}, closed form {math.log(z)}")
    [r] = point["reports"]
    posterior = 0.2 * (1 - a) ** 3 / z
    if not abs(r["estimate"] - posterior) <= 5 * r["stderr"]:
        failures.append(f"a = {a}: P(deceptive) {r['estimate']} ± {r['stderr']}, closed form {posterior}")
print(f"points: {len(doc['points'])}")

rows = [r for r in csv.DictReader(io.StringIO(output("csv"))) if r["kind"] == "evidence"]
for row, point in zip(rows, doc["points"]):
    e = point["evidence"]
    if float(row["estimate"]) != e["estimate"] or float(row["log_evidence"]) != e["log"] or float(row["ess"]) != e["ess"]:
        failures.append(f"CSV evidence row {row} differs from the JSON {e}")
if len(rows) != len(doc["points"]):
    failures.append(f"{len(rows)} CSV evidence rows for {len(doc['points'])} points")

text = output("text")
if "evidence (the probability or density of what was observed)" not in text:
    failures.append("the text has no evidence table:\n" + text)

for f in failures:
    print("FAIL:", f)
print("sweep evidence:", "ok" if not failures else f"{len(failures)} failed")
sys.exit(1 if failures else 0)

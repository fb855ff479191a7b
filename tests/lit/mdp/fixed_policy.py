"""A policy that defects at step K whatever it sees, written over the rows of the policy
`omen worst --exact --format json` printed (they list every state a `choose` can meet).

usage: fixed_policy.py POLICY.json K OUT.json"""
import json
import sys

policy = json.load(open(sys.argv[1]))
k = int(sys.argv[2])
for entry in policy["strategy"]:
    t = entry["columns"].index("t")
    for row in entry["rows"]:
        row["choice"] = row["seen"][t] + 1 == k
json.dump(policy, open(sys.argv[3], "w"))

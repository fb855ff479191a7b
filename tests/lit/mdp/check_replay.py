"""The replay of `omen worst --exact`'s strategy agrees with its optimum within K standard
errors, and the optimum is the closed form sum_{t=1..10} 0.45^t to 1e-9.

usage: check_replay.py RESULT.json K"""
import json
import sys

result = json.load(open(sys.argv[1]))
k = float(sys.argv[2])
closed = sum(0.45 ** t for t in range(1, 11))
assert abs(result["value"] - closed) <= 1e-9, (result["value"], closed)
replay = result["replay"]
gap = abs(replay["estimate"] - result["value"])
assert gap <= k * replay["stderr"], (replay, result["value"])
print(f"optimum {result['value']!r} = closed form {closed!r}; replay {gap / replay['stderr']:.2f} se off")

"""A small JANI reader and evaluator: reads the model `omen emit --jani` writes (one automaton,
one location, bounded int and transient real variables, guards and destinations over them),
builds the Markov chain (or MDP) it describes, and computes each property by value
iteration: Pmax/Pmin of `true U goal`, Emax/Emin of a transient reward accumulated over
steps until a set is reached. Then checks them against expected values.

usage: jani_check.py MODEL.jani NAME=VALUE... [--tolerance T]"""
import json
import sys

OPS = {
    "=": lambda a, b: a == b, "≠": lambda a, b: a != b, "∨": lambda a, b: a or b, "∧": lambda a, b: a and b,
    "<": lambda a, b: a < b, "≤": lambda a, b: a <= b, ">": lambda a, b: a > b, "≥": lambda a, b: a >= b,
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
}


def evaluate(e, env):
    if isinstance(e, bool) or isinstance(e, (int, float)):
        return e
    if isinstance(e, str):
        return env[e]
    if e["op"] == "¬":
        return not evaluate(e["exp"], env)
    if e["op"] == "ite":
        return evaluate(e["then"] if evaluate(e["if"], env) else e["else"], env)
    return OPS[e["op"]](evaluate(e["left"], env), evaluate(e["right"], env))


def load(path):
    model = json.load(open(path))
    assert model["jani-version"] == 1 and model["type"] in ("dtmc", "mdp"), model["type"]
    [automaton] = model["automata"]
    assert len(automaton["locations"]) == 1
    [state_var] = [v for v in model["variables"] if not v.get("transient")]
    lo, hi = state_var["type"]["lower-bound"], state_var["type"]["upper-bound"]
    rewards = [v["name"] for v in model["variables"] if v.get("transient")]
    # choices[s]: each enabled edge of s, as a list of (probability, next state, {reward: value}).
    choices = {s: [] for s in range(lo, hi + 1)}
    for edge in automaton["edges"]:
        guard = edge.get("guard", {"exp": True})["exp"]
        states = range(lo, hi + 1)
        if isinstance(guard, dict) and guard["op"] == "=" and guard["left"] == state_var["name"] \
                and isinstance(guard["right"], int):
            states = [guard["right"]]  # `s = k`: only state k can enable it (the common case)
        for s in states:
            env = {state_var["name"]: s}
            if not evaluate(guard, env):
                continue
            dests = []
            for d in edge["destinations"]:
                p = evaluate(d.get("probability", {"exp": 1.0})["exp"], env)
                to, got = s, {}
                for a in d.get("assignments", []):
                    if a["ref"] == state_var["name"]:
                        to = evaluate(a["value"], env)
                    else:
                        got[a["ref"]] = evaluate(a["value"], env)
                dests.append((p, to, got))
            assert abs(sum(p for p, _, _ in dests) - 1) < 1e-12, (s, dests)
            choices[s].append(dests)
    for s, c in choices.items():
        assert c, f"deadlock in state {s}"
    return model, state_var["name"], state_var["initial-value"], choices


def solve(choices, name, best, goal=None, reward=None, reach=None):
    """Value iteration: reachability of `goal`, or the reward accumulated until `reach`."""
    target = goal if goal is not None else reach
    done = {s for s in choices if target(s)}
    x = {s: (1.0 if goal is not None and s in done else 0.0) for s in choices}
    for _ in range(100000):
        change = 0.0
        for s, cs in choices.items():
            if s in done:
                continue
            vals = [sum(p * ((g.get(reward, 0.0) if reward else 0.0) + x[t]) for p, t, g in c) for c in cs]
            v = best(vals)
            change = max(change, abs(v - x[s]))
            x[s] = v
        if change < 1e-17:
            break
    return x


def main():
    path, *rest = sys.argv[1:]
    tolerance = 1e-12
    expected = {}
    for a in rest:
        if a.startswith("--tolerance="):
            tolerance = float(a.split("=", 1)[1])
        else:
            k, v = a.rsplit("=", 1)
            expected[k] = eval(v, {"__builtins__": {}, "sum": sum, "range": range})  # 11/3, sums of powers
    model, name, initial, choices = load(path)
    failed = 0
    for prop in model["properties"]:
        values = prop["expression"]["values"]
        op = values["op"]
        best = max if op.endswith("max") else min
        if op in ("Pmax", "Pmin"):
            assert values["exp"]["op"] == "U" and values["exp"]["left"] is True
            right = values["exp"]["right"]
            x = solve(choices, name, best, goal=lambda s: evaluate(right, {name: s}))
        else:
            assert values["accumulate"] == ["steps"]
            reach = values["reach"]
            x = solve(choices, name, best, reward=values["exp"], reach=lambda s: evaluate(reach, {name: s}))
        got = x[initial]
        want = expected.pop(prop["name"], None)
        ok = want is None or abs(got - want) <= tolerance
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {prop['name']}: {got!r}" + ("" if want is None else f" (expected {want!r})"))
    for k in expected:
        print(f"FAIL {k}: no such property")
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Seeded generator of well-typed random omen programs for the differential suite.

    generate.py --count 500 --seed 1 --out DIR [--discrete | --choose]

Every program uses consts, functions (expression and block bodies, drawing and not),
fixed and uncertain params, bool/int/real states, events, `for` and `until ... limit`
phases, every statement (let, assignment, if / else if / else, with probability / else with
probability, trigger, observe (hard and soft), end, stop), every operator, every math builtin and distribution, and
every report form (P, P|, E, E|, quantiles, quantiles|, E(time(e) | e), `as` labels), `expect`
statements (every comparison and `in [lo, hi]`), plus
`extends`; arrays of states and events (length a fixed param, sometimes 0), element reads,
writes and triggers in `for` loops, time(e[i]), and every reduction. Arguments are kept inside each function's domain and values bounded (clamp,
mod), so most programs run to the end; the few that fail must fail identically everywhere.
With --discrete every draw has countably many outcomes (a real is drawn as a choice between
two numbers), so the exact engine can answer the program (tests/exact/check_agreement.py
compares its answers with Monte Carlo's). With --choose (discrete too) most phases start
with a `choose` the rest of the step may read, and every scenario has a report "goal"
for `omen worst --exact` to optimise (tests/exact/check_mdp.py).
"""
import argparse
import os
import random

REAL_DISTS = ["uniform", "normal", "lognormal", "beta", "gamma", "exponential", "triangular", "pert",
              "loguniform", "to", "metalog", "quantile_pair", "mixture"]
# The real distributions ir/TrialLanes.h does not run in vector lanes (libm calls, a loop over
# the terms): a straight-line program that must run in lanes draws from the others.
NOT_IN_LANES = {"metalog"}
INT_DISTS = ["poisson", "binomial", "geometric", "categorical"]


class Gen:
    def __init__(self, rng, straight=False, discrete=False, choose=False):
        self.r = rng
        self.discrete = discrete or choose
        self.choose = choose
        self.names = 0
        # A straight-line program (ir/TrialLanes.h): no arrays, phases of at most one step, so
        # the JIT runs its trials in vector lanes; `lanes` is what `omen emit --ir` must say.
        self.straight = straight
        self.lanes = None
        # Phases made by hazard_phase, with whether ir/Hazards.h must let them jump.
        self.hazard_marks = []
        # Straight-line programs that must run in lanes use only the builtins that vectorise.
        self.vector_only = False
        if straight:
            self.refuse = rng.random() < 0.25
            self.spoil = rng.randrange(3) if self.refuse else -1  # 0: a count; 1: until; 2: a sampler
            self.vector_only = not self.refuse

    def fresh(self, prefix):
        self.names += 1
        return f"{prefix}{self.names}"

    # --- literals -----------------------------------------------------------------------
    def real_lit(self, lo=-5.0, hi=5.0):
        v = self.r.uniform(lo, hi)
        form = self.r.randrange(4)
        if form == 0 and 0 <= v <= 1:
            return f"{round(v * 100, 1)}%"
        if form == 1:
            return f"{v:.3e}"
        return repr(round(v, 3)) if abs(round(v, 3)) >= 0.001 else "0.5"

    def int_lit(self, lo=0, hi=20):
        v = self.r.randint(lo, hi)
        return f"{v:_}" if v >= 1000 else str(v)

    def prob(self, env, depth):
        c = self.r.randrange(3)
        if c == 0:
            return f"{self.r.randint(0, 100)}%"
        if c == 1:
            return repr(round(self.r.random(), 3))
        return f"clamp({self.real(env, depth - 1)}, 0, 1)"

    def pos(self, env, depth, lo=0.5):
        """A positive real."""
        if depth <= 0 or self.r.random() < 0.5:
            return repr(round(self.r.uniform(lo, 4.0), 3))
        return f"(abs({self.real(env, depth - 1)}) + {lo})"

    # --- expressions ----------------------------------------------------------------------
    def leaf(self, env, t):
        arrays = [a for a in env.get("arrays", []) if a[1] == t]
        if arrays and self.r.random() < 0.2:
            name, _, n = self.r.choice(arrays)
            # clamp(i, 0, n - 1) fails identically everywhere when n is 0.
            return f"{name}[clamp({self.int_lit(-2, 8)}, 0, {n} - 1)]"
        vars_ = env["vars"][t]
        if vars_ and self.r.random() < 0.7:
            return self.r.choice(vars_)
        if t == "bool":
            return self.r.choice(["true", "false"])
        if t == "int":
            if env.get("clock") and self.r.random() < 0.3:
                return self.r.choice(["t", "step"] if env.get("step") else ["t"])
            return self.int_lit()
        return self.real_lit()

    def draw(self, env, t, depth):
        if self.discrete and t == "real":
            return f"(if bernoulli({self.prob(env, depth)}) then {self.real_lit()} else {self.real_lit()})"
        if self.vector_only and t == "int":
            # Only what ir/TrialLanes.h lets run in vector lanes: bernoulli and the real
            # distributions, no int one.
            return f"(if bernoulli({self.prob(env, depth)}) then {self.int_lit()} else {self.int_lit()})"
        if t == "bool":
            return f"bernoulli({self.prob(env, depth)})"
        if t == "int":
            d = self.r.choice(INT_DISTS)
            if d == "poisson":
                return f"poisson(clamp({self.pos(env, depth)}, 0, 30))"
            if d == "binomial":
                return f"binomial({self.r.randint(0, 30)}, {self.prob(env, depth)})"
            if d == "geometric":
                return f"geometric(clamp({self.pos(env, depth, 0.05)}, 0.05, 1))"
            k = self.r.randint(2, 4)
            w = [self.r.randint(1, 9) for _ in range(k)]
            s = sum(w)
            if self.r.random() < 0.4:
                q = self.prob(env, depth)
                return f"categorical({q}, 1 - {q})" if q.endswith("%") or q[0].isdigit() else \
                    f"categorical(0.5, 0.5)"
            return "categorical(" + ", ".join(f"{x}/{s}" for x in w[:-1]) + \
                f", 1 - ({' + '.join(f'{x}/{s}' for x in w[:-1])}))"
        d = self.r.choice([d for d in REAL_DISTS if not (self.vector_only and d in NOT_IN_LANES)])
        if d == "uniform":
            lo = self.real(env, depth - 1)
            return f"uniform({lo}, {lo} + {self.pos(env, depth)})"
        if d == "normal":
            return f"normal({self.real(env, depth - 1)}, {self.pos(env, depth, 0.1)})"
        if d == "lognormal":
            return f"lognormal(clamp({self.real(env, depth - 1)}, -2, 2), {round(self.r.uniform(0.1, 1), 2)})"
        if d in ("beta", "gamma"):
            return f"{d}({self.pos(env, depth)}, {self.pos(env, depth)})"
        if d == "exponential":
            return f"exponential({self.pos(env, depth)})"
        if d == "metalog":
            # Percentiles at p, 50%, 1 - p with the upper spread 0.5 to 2 times the lower: inside
            # Keelin's 3-term bound (5 times), so every generated metalog fits.
            p = self.r.choice([5, 10, 20, 25])
            m = round(self.r.uniform(-3, 3), 2)
            lo = round(m - self.r.uniform(0.2, 2), 2)
            hi = round(m + (m - lo) * self.r.uniform(0.5, 2), 2)
            # A param's `in [...]` after a metalog is its support (see uncertain_range).
            self.metalog_support = [f" in [{round(lo - 1, 2)}, {round(hi + 1, 2)}]", f" in [{round(lo - 1, 2)}, inf)"]
            if self.r.random() < 0.3:
                return f"metalog({p}%: {lo}, {100 - p}%: {hi})"
            return f"metalog({p}%: {lo}, 50%: {m}, {100 - p}%: {hi})"
        if d == "quantile_pair":
            a = round(self.r.uniform(0.1, 3), 2)
            b = round(a + self.r.uniform(0.1, 5), 2)
            return f"{self.r.choice(['normal', 'lognormal'])}(5%: {a}, 95%: {b})"
        if d == "mixture":
            w = [self.r.randint(0, 9) for _ in range(self.r.randint(2, 3))]
            w[0] += 1
            parts = [f"{x / 10}: {self.draw(env, 'real', depth - 1)}" for x in w]
            return "mixture(" + ", ".join(parts) + ")"
        if d in ("triangular", "pert"):
            a = round(self.r.uniform(-3, 1), 2)
            b = round(a + self.r.uniform(0.1, 2), 2)
            c = round(b + self.r.uniform(0.1, 2), 2)
            return f"{d}({a}, {b}, {c})"
        a = round(self.r.uniform(0.1, 5), 2)
        b = round(a + self.r.uniform(0.5, 50), 2)
        return f"{d}({a}, {b})"

    def math(self, env, t, depth):
        x = lambda: self.real(env, depth - 1)
        if self.vector_only:
            n = (lambda: self.int(env, depth - 1)) if t == "int" else x
            c = self.r.randrange(4)
            if c == 0:
                return f"abs({n()})"
            if c == 1:
                return f"{self.r.choice(['min', 'max'])}({n()}, {n()})"
            if c == 2 and t == "real":
                return f"sqrt(abs({x()}))"
            return f"clamp({n()}, -50, 50)"
        if t == "int":
            c = self.r.randrange(6)
            if c == 0:
                return f"{self.r.choice(['floor', 'ceil', 'round'])}({x()})"
            i = lambda: self.int(env, depth - 1)
            if c == 1:
                return f"abs({i()})"
            if c == 2:
                return f"{self.r.choice(['min', 'max'])}({i()}, {i()})"
            if c == 3:
                return f"clamp({i()}, -50, 50)"
            if c == 4:
                return f"mod({i()}, abs({i()}) + 1)"
            return f"mod({i()}, {self.r.randint(1, 9)})"
        c = self.r.randrange(14)
        return [
            lambda: f"pool_odds({self.r.randint(1, 3)}: clamp({x()}, 0.01, 0.99), {self.r.randint(1, 3)}: clamp({x()}, 0.01, 0.99))"
            if self.r.random() < 0.5 else f"pool_odds(clamp({x()}, 0.01, 0.99), clamp({x()}, 0.01, 0.99))",
            lambda: f"exp(clamp({x()}, -5, 5))",
            lambda: f"log(abs({x()}) + 1)",
            lambda: f"log10(abs({x()}) + 0.5)",
            lambda: f"sqrt(abs({x()}))",
            lambda: f"abs({x()})",
            lambda: f"{self.r.choice(['min', 'max'])}({x()}, {x()})",
            lambda: f"clamp({x()}, -3, 3.5)",
            lambda: f"pow(abs({x()}) + 0.5, clamp({x()}, -2, 2))",
            lambda: f"mod({x()}, abs({x()}) + 0.5)",
            lambda: f"logistic({x()})",
            lambda: f"logit(clamp({x()}, 0.01, 0.99))",
            lambda: f"sin({x()})",
            lambda: f"cos({x()})",
        ][c]()

    def call_fn(self, env, t, depth):
        fns = [f for f in env["fns"] if f["ret"] == t and (env["draws"] or not f["draws"])]
        if not fns:
            return None
        f = self.r.choice(fns)
        args = [self.expr(env, a, depth - 1) for a in f["args"]]
        return f"{f['name']}({', '.join(args)})"

    def expr(self, env, t, depth):
        if t == "bool":
            return self.bool(env, depth)
        if t == "int":
            return self.int(env, depth)
        return self.real(env, depth)

    def bool(self, env, depth):
        if depth <= 0:
            return self.leaf(env, "bool")
        c = self.r.randrange(10)
        if c == 0:
            return f"({self.bool(env, depth - 1)} and {self.bool(env, depth - 1)})"
        if c == 1:
            return f"({self.bool(env, depth - 1)} or {self.bool(env, depth - 1)})"
        if c == 2:
            return f"(not {self.bool(env, depth - 1)})"
        if c == 3:
            t = self.r.choice(["int", "real"])
            op = self.r.choice(["<", "<=", ">", ">=", "==", "!="])
            return f"({self.expr(env, t, depth - 1)} {op} {self.expr(env, t, depth - 1)})"
        if c == 4:
            return f"({self.bool(env, depth - 1)} {self.r.choice(['==', '!='])} {self.bool(env, depth - 1)})"
        if c == 5 and env["draws"]:
            return self.draw(env, "bool", depth)
        if c == 6:
            return f"(if {self.bool(env, depth - 1)} then {self.bool(env, depth - 1)} else {self.bool(env, depth - 1)})"
        if c == 7:
            call = self.call_fn(env, "bool", depth)
            if call:
                return call
        return self.leaf(env, "bool")

    def int(self, env, depth):
        if depth <= 0:
            return self.leaf(env, "int")
        c = self.r.randrange(9)
        i = lambda: self.int(env, depth - 1)
        if c == 0:
            return f"({i()} {self.r.choice(['+', '-', '*'])} {i()})"
        if c == 1:
            return f"(-{i()})"
        if c == 2:
            return self.math(env, "int", depth)
        if c == 3 and env["draws"]:
            return self.draw(env, "int", depth)
        if c == 4:
            return f"(if {self.bool(env, depth - 1)} then {i()} else {i()})"
        if c == 5:
            call = self.call_fn(env, "int", depth)
            if call:
                return call
        return self.leaf(env, "int")

    def real(self, env, depth):
        if depth <= 0:
            return self.leaf(env, self.r.choice(["real", "real", "int"]))
        c = self.r.randrange(12)
        x = lambda: self.real(env, depth - 1)
        if c == 0:
            return f"({x()} {self.r.choice(['+', '-', '*'])} {x()})"
        if c == 1:
            return f"({x()} / (abs({x()}) + 1))"
        if c == 2:
            return f"(-{x()})"
        if c == 3 and not self.vector_only:  # `^` is pow, which does not vectorise
            return f"((abs({x()}) + 0.5) ^ clamp({x()}, -2, 2))"
        if c == 3:
            return f"({x()} * {x()})"
        if c in (4, 5):
            return self.math(env, "real", depth)
        if c == 6 and env["draws"]:
            return self.draw(env, "real", depth)
        if c == 7:
            return f"(if {self.bool(env, depth - 1)} then {x()} else {self.int(env, depth - 1)})"
        if c == 8:
            call = self.call_fn(env, "real", depth)
            if call:
                return call
        if c == 9:
            return f"({self.int(env, depth - 1)} + {x()})"
        return self.leaf(env, self.r.choice(["real", "int"]))

    # --- statements -----------------------------------------------------------------------
    def bounded(self, t, e):
        if t == "int":
            return f"clamp({e}, -1_000, 1_000)"
        if t == "real":
            return f"clamp({e}, -1000.0, 1e3)"
        return e

    def stmts(self, env, depth, count, indent, in_phase=True):
        out = []
        for k in range(count):
            last = k == count - 1
            out.extend(self.stmt(env, depth, indent, last, in_phase))
        return out

    def block(self, env, depth, indent):
        inner = dict(env, vars={t: list(v) for t, v in env["vars"].items()})
        lines = self.stmts(inner, depth - 1, self.r.randint(1, 3), indent + "  ")
        return lines

    def loop(self, env, depth, indent):
        name, t, n = self.r.choice(env["arrays"])
        i = self.fresh("i")
        inner = dict(env, vars={k: list(v) for k, v in env["vars"].items()})
        inner["vars"]["int"].append(i)
        # Now and then one past the end: the index error must be identical everywhere.
        at = f"{i} + 1" if self.r.random() < 0.05 else i
        lines = [f"{indent}for {i} in 0..{n} {{",
                 f"{indent}  {name}[{at}] = {self.bounded(t, self.expr(inner, t, 1))}"]
        evs = [e for e in env.get("event_arrays", []) if e[1] == n]
        if evs and self.r.random() < 0.6:
            e = self.r.choice(evs)[0]
            lines += [f"{indent}  if {self.bool(inner, 1)} {{ trigger {e}[{i}] }}"]
        if depth > 0 and self.r.random() < 0.3:
            lines += self.stmts(inner, depth - 1, 1, indent + "  ")
        return lines + [f"{indent}}}"]

    def stmt(self, env, depth, indent, last, in_phase):
        if env.get("arrays") and self.r.random() < 0.15:
            return self.loop(env, depth, indent)
        c = self.r.randrange(10)
        if c == 0:
            t = self.r.choice(["bool", "int", "real"])
            name = self.fresh("l")
            line = f"{indent}let {name} = {self.expr(env, t, 2)}"
            env["vars"][t].append(name)
            return [line]
        if c in (1, 2, 3) and env["states"]:
            name, t = self.r.choice(env["states"])
            return [f"{indent}{name} = {self.bounded(t, self.expr(env, t, 2))}"]
        if c == 4 and depth > 0:
            lines = [f"{indent}if {self.bool(env, 2)} {{"] + self.block(env, depth, indent)
            if self.r.random() < 0.5:
                lines += [f"{indent}}} else if {self.bool(env, 1)} {{"] + self.block(env, depth, indent)
            if self.r.random() < 0.5:
                lines += [f"{indent}}} else {{"] + self.block(env, depth, indent)
            return lines + [f"{indent}}}"]
        if c == 5 and depth > 0:
            lines = [f"{indent}with probability {self.prob(env, 2)} {{"] + self.block(env, depth, indent)
            r = self.r.random()
            if r < 0.3:
                lines += [f"{indent}}} else with probability {self.prob(env, 1)} {{"] + self.block(env, depth, indent)
            elif r < 0.6:
                lines += [f"{indent}}} else {{"] + self.block(env, depth, indent)
            return lines + [f"{indent}}}"]
        if c in (6, 7) and env["events"]:
            return [f"{indent}trigger {self.r.choice(env['events'])}"]
        if c == 8 and last and indent.count(" ") > 4:
            return [f"{indent}{self.r.choice(['end', 'stop'])}"]
        if c == 9 and in_phase and not self.vector_only and not self.choose and self.r.random() < 0.5:
            return [f"{indent}{self.observe(env)}"]
        if env["states"]:
            name, t = self.r.choice(env["states"])
            return [f"{indent}{name} = {self.bounded(t, self.expr(env, t, 1))}"]
        return [f"{indent}let {self.fresh('l')} = {self.real(env, 1)}"]

    def decision(self, env, indent):
        """`choose` among bools, a few ints, or an int range, then a chance of `won` that
        depends on the choice (so that strategies differ); the name joins `env`."""
        name = self.fresh("ch")
        t = self.r.choice(["bool", "int"])
        if t == "bool":
            alternatives = "{false, true}"
        elif self.r.random() < 0.5:
            alternatives = "{" + ", ".join(str(self.r.randint(-3, 5)) for _ in range(self.r.randint(1, 3))) + "}"
        else:
            alternatives = f"0..{self.r.randint(1, 3)}"
        test = f"{name} == {self.bool(env, 1)}" if t == "bool" else f"{name} >= {self.int(env, 1)}"
        env["vars"][t].append(name)
        return [f"{indent}choose {name} in {alternatives}",
                f"{indent}if {test} {{ with probability {self.prob(env, 1)} {{ won = true }} }}"]

    def observe(self, env):
        """Hard evidence (a bool) or soft evidence (a value under a distribution with a
        density): the trial's weight, written by every engine in the same order."""
        if self.r.random() < 0.4:
            return f"observe {self.bool(env, 2)}"
        t = self.r.choice(["bool", "int", "real"])
        d = self.draw(env, t, 2)
        return f"observe {self.expr(env, t, 1)} ~ {d}"

    def quiet_phase(self, pname, pv, fns, events, states):
        """A phase that the quiescence analysis (ir/Quiescence.h) may let skip: no clock in its
        body, many steps, the work behind a guard that a step can turn off (a bool state or an
        event), so that trials reach quiescent steps at different points. About a third read `t`
        or `step` after all, or call a drawing function, so the analysis must say no."""
        bools = [n for n, t in states if t == "bool"]
        pv = {k: list(v) for k, v in pv.items()}  # the body's lets stay in this phase
        env = self.env(True, vars_=pv, fns=fns, events=events, states=states)
        kind = self.r.randrange(8)
        if kind == 0:
            env["clock"] = True
        elif kind == 1:
            env["clock"] = env["step"] = True
        body = []
        if kind == 2 and [f for f in fns if f["draws"]]:
            f = self.r.choice([f for f in fns if f["draws"]])
            args = ", ".join(self.expr(env, a, 1) for a in f["args"])
            body.append(f"    let {self.fresh('l')} = {f['name']}({args})")
        guard = self.r.choice(bools) if bools and self.r.random() < 0.6 else f"not {self.r.choice(events)}"
        body.append(f"    if {guard} {{")
        # The guard's switch first: the random statements after it may end in `end` or `stop`.
        body.append("      with probability " + self.prob(env, 1) + " {")
        if guard in bools:
            body.append(f"        {guard} = false")
        else:
            body.append(f"        trigger {guard[len('not '):]}")
        body.append("      }")
        inner = dict(env, vars={t: list(v) for t, v in env["vars"].items()})
        body += self.stmts(inner, 2, self.r.randint(1, 3), "      ")
        body.append("    }")
        if self.r.random() < 0.3:
            tail = self.env(False, vars_={k: list(v) for k, v in pv.items()}, events=events, states=states)
            body += self.stmts(tail, 1, 1, "    ")
        if self.r.random() < 0.6:
            head = f"  phase {pname} for {self.r.choice(['200', '1_000', '3_000', str(self.r.randint(2, 50))])} {{"
        else:
            cenv = self.env(False, vars_=pv, fns=[f for f in fns if not f["draws"]], events=events, states=states)
            if kind == 3:
                cenv["clock"] = True
            # The condition changes when the body changes a state; without a change the phase
            # runs to its limit and fails there on every engine alike.
            head = f"  phase {pname} until {self.bool(cenv, 1)} limit {self.r.choice([50, 400, 2_000])} {{"
        return [head] + body + ["  }"]

    def hazard(self, env):
        """A small probability for a per-step choice: a literal, or one computed from states
        and params (so that it changes when a choice's success changes a state). Now and then
        it leaves [0, 1] in some trials, whose error must be the same everywhere."""
        c = self.r.randrange(4)
        if c == 0:
            return self.r.choice(["1e-3", "0.5%", "2%", "1e-10", "0.0", "5e-5"])
        if c == 1:
            return f"clamp({self.real(env, 1)} / 100, 0, 0.05)"
        if c == 2:
            return f"(if {self.bool(env, 1)} then {self.r.choice(['1%', '0.002', '0.2'])} else 1e-4)"
        return f"clamp({self.real(env, 1)}, -0.001, 0.03)"

    def choice(self, env, depth, indent):
        """A choice (`with probability p` or `if bernoulli(p)`) whose success does something: a
        state or an event changes, or the phase or trial ends; its else branch may hold another."""
        p = self.hazard(env)
        head = f"with probability {p}" if self.r.random() < 0.6 else f"if bernoulli({p})"
        lines = [f"{indent}{head} {{"]
        for _ in range(self.r.randint(1, 2)):
            c = self.r.randrange(5)
            if c <= 1 and env["states"]:
                name, t = self.r.choice(env["states"])
                value = {"bool": f"not {name}", "int": f"clamp({name} + 1, -1_000, 1_000)",
                         "real": f"clamp({name} * 1.5 + 0.01, -1000.0, 1e3)"}[t]
                lines.append(f"{indent}  {name} = {value}")
            elif c <= 3 and env["events"]:
                lines.append(f"{indent}  trigger {self.r.choice(env['events'])}")
            else:
                lines.append(f"{indent}  {self.r.choice(['end', 'stop'])}")
                break
        if depth > 0 and self.r.random() < 0.4:
            lines.append(f"{indent}}} else {{")
            lines += self.choice(env, depth - 1, indent + "  ")
        return lines + [f"{indent}}}"]

    def hazard_phase(self, pname, pv, fns, events, states):
        """A phase whose only draws are per-step choices (ir/Hazards.h): the engines jump over
        the steps in which they all fail, by a geometric draw, and must agree on where the
        next success lands. Guards and probabilities read states, params and events; a tenth of
        the phases read `step` or draw from another distribution, so the analysis must refuse."""
        pv = {k: list(v) for k, v in pv.items()}
        env = self.env(False, vars_=pv, fns=[f for f in fns if not f["draws"]], events=events, states=states)
        body = []
        if self.r.random() < 0.3:
            name = self.fresh("l")
            body.append(f"    let {name} = {self.real(env, 1)}")
            env["vars"]["real"].append(name)
        spoil = self.r.randrange(10)
        self.hazard_marks.append(f"{pname}={'no' if spoil == 0 else 'yes'}")
        if spoil == 0:
            body.append(f"    let {self.fresh('l')} = {self.r.choice(['normal(0, 1)', 'poisson(2)', 'step'])}")
        for _ in range(self.r.randint(1, 3)):
            if self.r.random() < 0.4:
                body.append(f"    if {self.bool(env, 1)} {{")
                body += self.choice(env, 1, "      ")
                body.append("    }")
            else:
                body += self.choice(env, 1, "    ")
        if self.r.random() < 0.6:
            head = f"  phase {pname} for {self.r.choice(['200', '1_000', '10_000', '100_000', str(self.r.randint(2, 50))])} {{"
        else:
            # Mostly a condition that a choice can make true (an event); else the phase runs
            # to its limit and fails there, on every engine alike.
            cond = f"{self.r.choice(events)} or {self.bool(env, 1)}" if self.r.random() < 0.8 else self.bool(env, 1)
            head = f"  phase {pname} until {cond} limit {self.r.choice([50, 1_000, 100_000, 100_000])} {{"
        return [head] + body + ["  }"]

    def straight_phases(self, vars_, fns, events, states):
        """Phases of one step (or none) for a straight-line program. Some trials fail part way
        through a vector of trials: a probability or a clamp bound drawn a little out of its
        domain fails a few percent of trials, at a different trial per seed, which the JIT must
        report exactly as the scalar loop does (the first failing trial, its error). A quarter
        of the programs break a rule once (a step count, an until phase, a sampler that does
        not vectorise), so that the analysis must refuse them."""
        lines = []
        pv = {k: list(v) for k, v in vars_.items()}
        pv["bool"] += events
        spoil = self.spoil
        self.lanes = "no" if self.refuse else "yes"
        for k in range(self.r.randint(1, 2)):
            count = self.r.choice(["1", "1", "1", "0"])
            if k == 0 and spoil == 0:
                count = self.r.choice(["2", "5", "clamp(" + self.int(self.env(False, vars_=pv), 1) + ", 0, 3)"])
            lines.append(f"  phase {self.fresh('ph')} for {count} {{")
            # A phase's lets stay in it.
            env = self.env(True, clock=True, step=True, vars_={t: list(v) for t, v in pv.items()}, fns=fns,
                           events=events, states=states)
            if self.r.random() < 0.5 and events:
                lo = round(self.r.uniform(0, 0.5), 2)
                # uniform(lo, 1.03): 1 - lo out of 1.03 - lo of the draws are probabilities.
                lines += [f"    with probability uniform({lo}, 1.03) {{", f"      trigger {self.r.choice(events)}", "    }"]
            if self.r.random() < 0.3 and states:
                name, t = self.r.choice(states)
                if t == "real":
                    # clamp fails when lo > hi: in 2 of 102 trials.
                    lines.append(f"    {name} = clamp(0.5, uniform(0, 1.02), 1)")
            if k == 0 and spoil == 2:
                lines.append(f"    let {self.fresh('l')} = poisson(2)")
            lines += self.stmts(env, 2, self.r.randint(1, 4), "    ")
            lines.append("  }")
        if spoil == 1:
            lines += [f"  phase {self.fresh('ph')} until true limit 1 {{", "  }"]
        return lines

    # --- program --------------------------------------------------------------------------
    def range(self, t):
        """Sometimes a declared range (`in [lo, hi]`). It never changes a run, only what
        `--set` accepts, so it is wide enough to hold any value the generator writes."""
        if t == "bool" or self.r.random() < 0.6:
            return ""
        # Whole bounds: a `real` expression may come out as an int literal, and an int param
        # takes only whole bounds.
        return " in [-4_000_000_000_000_000_000, 4_000_000_000_000_000_000]"

    def uncertain_range(self, draw, t):
        """A range after an uncertain param; after a metalog it is the support, around its values."""
        if draw.startswith("metalog("):
            return self.r.choice(["", ""] + self.metalog_support)
        return self.range(t)

    def env(self, draws, clock=False, step=False, vars_=None, fns=None, events=None, states=None, arrays=None,
            event_arrays=None):
        return {"vars": vars_ or {"bool": [], "int": [], "real": []}, "draws": draws, "clock": clock,
                "step": step, "fns": fns or [], "events": events or [], "states": states or [],
                "arrays": arrays or [], "event_arrays": event_arrays or []}

    def program(self):
        lines = ["// generated by tests/differential/generate.py"]
        consts = {"bool": [], "int": [], "real": []}
        for _ in range(self.r.randint(0, 3)):
            t = self.r.choice(["int", "real", "bool"])
            name = self.fresh("c")
            lines.append(f"const {name} = {self.expr(self.env(False, vars_={k: list(v) for k, v in consts.items()}), t, 2)}")
            consts[t].append(name)
        fns = []
        for _ in range(self.r.randint(0, 3)):
            name = self.fresh("f")
            args = [self.r.choice(["real", "int", "bool"]) for _ in range(self.r.randint(1, 3))]
            ret = self.r.choice(["real", "int", "bool"])
            argnames = [self.fresh("a") for _ in args]
            vars_ = {k: list(v) for k, v in consts.items()}
            for a, t in zip(argnames, args):
                vars_[t].append(a)
            draws = self.r.random() < 0.5
            env = self.env(draws, vars_=vars_, fns=list(fns))
            sig = ", ".join(f"{a}: {t}" for a, t in zip(argnames, args))
            if self.r.random() < 0.5:
                lines.append(f"fn {name}({sig}) -> {ret} = {self.expr(env, ret, 2)}")
            else:
                local = self.fresh("v")
                lt = self.r.choice(["real", "int", "bool"])
                body = [f"fn {name}({sig}) -> {ret} {{", f"  let {local} = {self.expr(env, lt, 2)}"]
                env["vars"][lt].append(local)
                body += [f"  if {self.bool(env, 1)} {{", f"    return {self.expr(env, ret, 2)}", "  }",
                         f"  return {self.expr(env, ret, 2)}", "}"]
                lines += body
            uses_draw = draws  # conservative: a drawing env may have drawn
            fns.append({"name": name, "args": args, "ret": ret, "draws": uses_draw})

        scen = self.fresh("s")
        lines.append(f"scenario {scen} {{")
        vars_ = {k: list(v) for k, v in consts.items()}
        fixed = []
        for _ in range(self.r.randint(1, 3)):
            t = self.r.choice(["real", "int", "bool"])
            name = self.fresh("p")
            lines.append(f"  param {name} = {self.expr(self.env(False, vars_={k: list(v) for k, v in vars_.items()}, fns=fns), t, 2)}{self.range(t)}")
            vars_[t].append(name)
            fixed.append((name, t))
        uncertain = []
        correlatable = []
        for _ in range(self.r.randint(0, 3)):
            t = self.r.choice(["real", "real", "int", "bool"])
            if t == "int" and self.vector_only:
                t = "real"  # an int uncertain param needs an int distribution: none vectorises
            if t == "real" and self.discrete:
                t = "bool" if self.vector_only else "int"  # a real prior is continuous
            name = self.fresh("u")
            draw = self.draw(self.env(True, vars_={k: list(v) for k, v in vars_.items()}), t, 1)
            lines.append(f"  param {name} ~ {draw}{self.uncertain_range(draw, t)}")
            vars_[t].append(name)
            uncertain.append((name, t))
            # Percentile forms have literal arguments and a quantile function: correlatable.
            if draw.startswith(("metalog(", "normal(5%", "lognormal(5%")):
                correlatable.append(name)
        if len(correlatable) >= 2 and self.r.random() < 0.7:
            a, b = self.r.sample(correlatable, 2)
            lines.append(f"  correlate({a}, {b}, {round(self.r.uniform(-0.9, 0.9), 2)})")
        states = []
        for _ in range(self.r.randint(1, 4)):
            t = self.r.choice(["real", "int", "bool"])
            name = self.fresh("x")
            init = self.expr(self.env(True, vars_={k: list(v) for k, v in vars_.items()}, fns=fns), t, 2)
            lines.append(f"  state {name} = {self.bounded(t, init)}")
            vars_[t].append(name)
            states.append((name, t))
        arrays, event_arrays = [], []
        for _ in range(0 if self.straight else self.r.randint(0, 2)):
            n = self.fresh("n")
            lines.append(f"  param {n} = {self.r.choice([0, 1, 2, 3, 5, 8]) if self.r.random() < 0.1 else self.r.randint(1, 6)}")
            t = self.r.choice(["real", "int", "bool"])
            name = self.fresh("xs")
            init = self.expr(self.env(True, vars_={k: list(v) for k, v in vars_.items()}, fns=fns), t, 1)
            lines.append(f"  state {name}[{n}] = {self.bounded(t, init)}")
            arrays.append((name, t, n))
            if self.r.random() < 0.6:
                ev = self.fresh("es")
                lines.append(f"  event {ev}[{n}]")
                event_arrays.append((ev, n))
        if self.choose:
            lines.append("  state won = false")
        events = [self.fresh("e") for _ in range(self.r.randint(1, 3))]
        for e in events:
            lines.append(f"  event {e}")
        if self.straight:
            lines += self.straight_phases(vars_, fns, events, states)
        for _ in range(0 if self.straight else self.r.randint(1 if self.choose else 0, 3)):
            pv = {k: list(v) for k, v in vars_.items()}
            pv["bool"] += events
            env = self.env(True, clock=True, step=True, vars_=pv, fns=fns, events=events, states=states,
                           arrays=arrays, event_arrays=event_arrays)
            pname = self.fresh("ph")
            kind = self.r.random()
            if kind < 0.4 and not self.choose:
                lines += self.quiet_phase(pname, pv, fns, events, states)
                continue
            if kind < 0.6 and not self.choose:
                lines += self.hazard_phase(pname, pv, fns, events, states)
                continue
            if self.r.random() < 0.6:
                count = self.r.choice([self.int_lit(0, 40), f"clamp({self.int(self.env(True, vars_=pv, fns=fns), 1)}, 0, 30)"])
                lines.append(f"  phase {pname} for {count} {{")
            else:
                k = self.r.randint(1, 30)
                cond = f"step >= {k} or {self.bool(env, 1)}"
                lines.append(f"  phase {pname} until {cond} limit {k + self.r.randint(0, 3)} {{")
            if self.choose and self.r.random() < 0.8:
                lines += self.decision(env, "    ")
            lines += self.stmts(env, 2, self.r.randint(1, 4), "    ")
            lines.append("  }")
        rv = {k: list(v) for k, v in vars_.items()}
        rv["bool"] += events
        renv = self.env(False, clock=True, vars_=rv, fns=[f for f in fns if not f["draws"]], arrays=arrays)
        if self.choose:
            lines.append(f"  report P(won{self.r.choice(['', ' or ' + self.bool(renv, 1)])}) as \"goal\"")
        for k in range(self.r.randint(1, 5)):
            c = self.r.randrange(7)
            given = f" | {self.bool(renv, 1)}"
            if c == 0:
                r = f"P({self.bool(renv, 2)})"
            elif c == 1:
                r = f"P({self.bool(renv, 2)}{given})"
            elif c == 2:
                r = f"E({self.real(renv, 2)})"
            elif c == 3:
                r = f"E({self.expr(renv, self.r.choice(['int', 'real']), 2)}{given})"
            elif c == 4:
                r = f"quantiles({self.real(renv, 2)})"
            elif c == 5:
                r = f"quantiles({self.real(renv, 1)}{given})"
            else:
                e = self.r.choice(events)
                r = f"E(time({e}) | {e})"
            lines.append(self.report_or_expect(r, c, k))
        for k, (name, t, n) in enumerate(arrays):
            if t == "bool":
                r = self.r.choice([f"P(any({name}))", f"P(all({name}))", f"E(count({name}))"])
            else:
                r = self.r.choice([f"E(sum({name}))", f"E(mean({name}))", f"E(min({name}))", f"E(max({name}))",
                                   f"quantiles(sum({name}))"])
            lines.append(f"  report {r} as \"a{k}\"")
        for k, (ev, n) in enumerate(event_arrays):
            r = self.r.choice([f"P(any({ev}))", f"E(count({ev}))", f"E(time({ev}[0]) | {ev}[0])"])
            lines.append(f"  report {r} as \"ea{k}\"")
        lines.append("}")
        if self.r.random() < 0.3 and fixed:
            name, t = self.r.choice(fixed)
            lines.append(f"scenario {self.fresh('s')} extends {scen} {{")
            value = self.expr(self.env(False, vars_=consts), t, 1)
            # A real expression may be an int leaf; the override must keep the base's type.
            lines.append(f"  param {name} = {value}" + (" + 0.0" if t == "real" else ""))
            lines.append("}")
        return "\n".join(lines) + "\n"


    def report_or_expect(self, r, c, k):
        """`report R as "rK"`, or now and then `expect R <bound> as "rK"` (P and E only): an
        expectation is a report with a verdict, so every engine must print the same one."""
        if c in (4, 5) or self.r.random() < 0.75:
            return f"  report {r} as \"r{k}\""
        probability = r.startswith("P(")
        def bound():
            return f"{self.r.randint(0, 100)}%" if probability else f"{self.r.uniform(-50, 50):.2f}"
        if self.r.random() < 0.25:
            lo, hi = sorted([bound(), bound()], key=lambda b: float(b.rstrip("%")))
            if lo == hi:
                return f"  report {r} as \"r{k}\""
            return f"  expect {r} in [{lo}, {hi}] as \"r{k}\""
        return f"  expect {r} {self.r.choice(['<', '<=', '>', '>='])} {bound()} as \"r{k}\""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--discrete", action="store_true", help="discrete draws only (for the exact engine)")
    ap.add_argument("--choose", action="store_true", help="discrete, with `choose` (for omen worst --exact)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        # Every fourth program is straight-line; the others are as they always were.
        g = Gen(random.Random(args.seed * 1_000_003 + i), straight=i % 4 == 3 and not args.choose, discrete=args.discrete,
                choose=args.choose)
        text = g.program()
        if g.hazard_marks:
            # Read by check_hazards.py: each such phase's decision in `omen emit --ir`.
            text = f"// hazards: {' '.join(g.hazard_marks)}\n" + text
        if g.lanes:
            # Read by check_lanes.py: the first scenario's decision in `omen emit --ir`.
            text = f"// lanes: {g.lanes}\n" + text
        with open(os.path.join(args.out, f"gen_{i:04d}.omen"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()

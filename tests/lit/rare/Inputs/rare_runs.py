"""What the `omen rare` checks share: a run's JSON, and the same numbers on every engine and
thread count."""
import json
import subprocess


class Rare:
    def __init__(self, omen, model, failures):
        self.omen, self.model, self.failures = omen, model, failures

    def __call__(self, *args, exe=None):
        """`omen rare MODEL ARGS --format json` (or `EXE rare ARGS`) as a dict; None, with the
        failure recorded, when it fails."""
        cmd = ([exe, "rare"] if exe else [self.omen, "rare", self.model]) + list(args) + ["--format", "json"]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            self.failures.append(f"{' '.join(cmd)} failed:\n{out.stderr}")
            return None
        return json.loads(out.stdout)

    def check_close(self, name, r, truth):
        """Issue 24's criteria: the estimate within 3 of its se of the closed form, a relative se
        of at most 10%."""
        if not abs(r["estimate"] - truth) <= 3 * r["std_error"]:
            self.failures.append(f"{name}: {r['estimate']} ± {r['std_error']} is not within 3 se of {truth}")
        if not r["rel_error"] <= 0.10:
            self.failures.append(f"{name}: relative se {r['rel_error']} above 10%")

    def same_everywhere(self, base):
        """Runs `base` on every engine with 1 and 3 threads; records a failure unless every
        result is the same (the engine's name and the time aside). Returns them by (engine, threads)."""
        docs = {}
        for engine in ("interp", "jit", "auto"):
            for threads in ("1", "3"):
                d = self(*base, "--engine", engine, "--threads", threads)
                if d is not None:
                    d.pop("engine"), d.pop("seconds")
                    docs[(engine, threads)] = d
        if len({json.dumps(d, sort_keys=True) for d in docs.values()}) != 1:
            self.failures.append(f"engines or threads differ: {docs}")
        return docs

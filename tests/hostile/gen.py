#!/usr/bin/env python3
# gen.py - Writes hostile inputs for tests/lit/hostile at test time (into the build folder),
# so that no multi-megabyte file is ever committed. Deterministic: same arguments, same bytes.
#
#   gen.py random OUT [SIZE]        random bytes (fixed seed)
#   gen.py tokens OUT [SIZE]        random omen-like text (valid UTF-8, so the parser sees it)
#   gen.py calls OUT N              a const nested N calls deep: abs(abs(...1...))
#   gen.py negations OUT N          a const with N unary minuses: - - - 1
#   gen.py terms OUT N              a scenario whose state is updated by an N-term sum
#   gen.py const-terms OUT N        a const that is an N-term sum
#   gen.py big OUT MEGABYTES        a valid file of that size: many consts, one scenario
#   gen.py imports DIR N            DIR/m0.omen imports m1.omen ... imports mN.omen
#   gen.py repl-entry OUT N         REPL input: one scenario typed over N lines, then `1 + 1`
#   gen.py scenarios OUT N          N small scenarios in one file
#   gen.py transplant FROM TO HOW   puts the kernel cache entry of folder FROM (another
#                                   scenario's code) in place of folder TO's entry, its symbols
#                                   renamed to TO's key; HOW = sha256: under the old format's
#                                   header and a valid bare SHA-256, which anyone can compute;
#                                   HOW = keep: with its own header and HMAC (a renamed entry)
#   gen.py check-entries DIR        prints how many entries DIR holds and their format
import hashlib
import os
import re
import random
import sys


def write(path, text, mode="w"):
    with open(path, mode) as f:
        f.write(text)


def cache_entries(folder):
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if re.fullmatch(r"[0-9a-f]{64}\.o", n))


def main(argv):
    kind, out = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 and argv[3].isdigit() else 0
    if kind == "random":
        rng = random.Random(20261127)
        write(out, bytes(rng.randrange(256) for _ in range(n or 65536)), "wb")
    elif kind == "tokens":
        rng = random.Random(20261127)
        words = ["scenario", "phase", "param", "state", "event", "report", "for", "until", "if",
                 "else", "with", "probability", "trigger", "{", "}", "(", ")", "=", "+", "*", "~",
                 "|", "1", "0.5", "50%", "x", "P(", "E(", "beta(2, 2)", "\n", '"', "//", "/*"]
        write(out, " ".join(rng.choice(words) for _ in range(n or 20000)).replace("\\n", "\n"))
    elif kind == "calls":
        write(out, "const x = " + "abs(" * n + "1" + ")" * n + "\n")
    elif kind == "negations":
        write(out, "const x = " + "- " * n + "1\n")
    elif kind == "const-terms":
        write(out, "const x = " + " + ".join(["1"] * n) + "\n")
    elif kind == "terms":
        write(out, "scenario s {\n  state x = 0\n  phase p for 1 {\n    x = "
              + " + ".join(["1"] * n) + "\n  }\n  report E(x)\n}\n")
    elif kind == "big":
        target = n * 1024 * 1024
        parts = ["// A big but valid file.\n"]
        size = len(parts[0])
        i = 0
        while size < target - 200:
            line = "const k%d = %d * 2 + 1  // filler to reach the size of a large generated model\n" % (i, i)
            parts.append(line)
            size += len(line)
            i += 1
        parts.append("scenario big {\n  event e\n  phase p for 1 { with probability 50% { trigger e } }\n"
                     "  report P(e)\n}\n")
        write(out, "".join(parts))
    elif kind == "imports":
        os.makedirs(out, exist_ok=True)
        for i in range(n):
            write(os.path.join(out, "m%d.omen" % i), 'import "m%d.omen"\nconst c%d = %d\n' % (i + 1, i, i))
        write(os.path.join(out, "m%d.omen" % n), "const last = 1\n")
    elif kind == "repl-entry":
        lines = ["scenario long {\n", "  event e\n"]
        lines += ["  // line %d of a long entry { ( \"}\"\n" % i for i in range(n)]
        lines += ["  phase p for 1 { trigger e }\n", "  report P(e)\n", "}\n", "1 + 1\n"]
        write(out, "".join(lines))
    elif kind == "scenarios":
        write(out, "".join("scenario s%d {\n  param q = %d%%\n  event e\n  phase p for 3 { with probability q "
                           "{ trigger e } }\n  report P(e)\n}\n" % (i, i % 100) for i in range(n)))
    elif kind == "transplant":
        (source,), (target,) = cache_entries(out), cache_entries(argv[3])
        entry = open(source, "rb").read()
        header, code = entry[:79], entry[79:]  # magic (14 bytes), hex digest (64), newline
        # The JIT looks an entry's code up by symbols named after the first 16 hex digits of
        # its key (JitEngine.cpp): renamed, the code links under the new key.
        old, new = (os.path.basename(p)[:16].encode() for p in (source, target))
        code = code.replace(old, new)
        if argv[4] == "sha256":
            header = b"omen-kernel-1\n" + hashlib.sha256(code).hexdigest().encode() + b"\n"
        write(target, header + code, "wb")
    elif kind == "check-entries":
        entries = cache_entries(out)
        heads = {open(p, "rb").read(13).decode(errors="replace") for p in entries}
        print("%d entries, all %s" % (len(entries), " or ".join(sorted(heads))))
    else:
        sys.exit("gen.py: unknown kind " + kind)


if __name__ == "__main__":
    main(sys.argv)

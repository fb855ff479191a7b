"""Runs the README's first `omen` code block as `omen run` does and checks that the output
printed under it in the README is what omen prints: every report line exactly (runs are
deterministic for a seed and trial count, whatever the machine), the footer up to the thread
count, the timings and the auto engine's split of the trials."""
import re
import subprocess
import sys

omen, readme, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(readme).read()
start = text.index("```omen\n") + len("```omen\n")
end = text.index("```", start)
open(scratch, "w").write(text[start:end])
shown_start = text.index("```\n", end + 3) + len("```\n")
shown = text[shown_start:text.index("```", shown_start)].splitlines()
if not any(line.startswith("scenario ") for line in shown):
    sys.exit("the block after the README's scenario is not its output:\n" + "\n".join(shown))

printed = subprocess.run([omen, "run", scratch], capture_output=True, text=True, check=True).stdout.splitlines()


def shape(line):
    # The footer's thread count, timings and (engine auto) how many trials ran before the JIT
    # kernel took over depend on the machine; nothing else does.
    line = re.sub(r"\d+ threads?,", "T threads,", line)
    line = re.sub(r"\(interp \d+ trials, jit \d+\)", "(interp N trials, jit M)", line)
    return re.sub(r"\d[\d.e+-]* s\b", "X s", line)


problems = [f"README: {a!r}\nomen:   {b!r}" for a, b in zip(shown, printed) if shape(a) != shape(b)]
if len(shown) != len(printed):
    problems.append(f"README shows {len(shown)} lines, omen prints {len(printed)}")
if problems:
    sys.exit("the README's output does not match its scenario:\n" + "\n".join(problems))
print(f"README output matches: {len(printed)} lines")

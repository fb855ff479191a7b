"""What check_hazards.py and check_lanes.py share: generate.py marks a program with
`// MARK: …` (what an IR analysis must decide for it), and each script compares the mark with
what `omen emit --ir` prints, counting the marks and the mismatches. Exit status 1 on a
mismatch or when no file is marked (the generator lost what the check is for).
"""
import subprocess
import sys


def emit_ir(omen, path):
    return subprocess.run([omen, "emit", "--ir", path], capture_output=True, text=True)


def mark_of(path, mark):
    """The text after `// MARK: ` on the first line that has it, or None."""
    head = f"// {mark}: "
    with open(path) as f:
        for line in f:
            if line.startswith(head):
                return line[len(head):].strip()
    return None


def check_marked(script, mark, what, check):
    """Calls check(omen, path, text) for every marked FILE of `script OMEN FILE...`; it
    returns (marks it checked, of them wrong) and prints each mismatch. `what` names the
    marked things in the summary ("hazard phases")."""
    omen, files = sys.argv[1], sys.argv[2:]
    marked = bad = 0
    for path in files:
        text = mark_of(path, mark)
        if text is None:
            continue
        checked, wrong = check(omen, path, text)
        marked += checked
        bad += wrong
    if marked == 0:
        print(f"{script}: no file is marked `// {mark}:`; the generator lost its {what}")
        return 1
    print(f"{script}: {marked - bad} of {marked} {what} decided as generated")
    return 1 if bad else 0

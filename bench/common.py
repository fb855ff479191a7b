"""What bench/speed.py and bench/latency.py both need: the CPU time of finished child
processes, and the file of online_learning plus 32 scenarios that only override a param."""
import os
import resource

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS_NAME = "online_learning + 32 param variants"


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def write_variants(folder):
    """examples/online_learning.omen plus 32 param-only variants, written into `folder`: one
    kernel should serve all 34 scenarios. Returns the file's path."""
    with open(os.path.join(SRC, "examples", "online_learning.omen")) as f:
        text = f.read()
    text += "".join(f"\nscenario v{i} extends online_learning {{\n  param p_update = {i + 1}%\n}}\n"
                    for i in range(32))
    path = os.path.join(folder, "variants.omen")
    with open(path, "w") as f:
        f.write(text)
    return path

# lit suite for what the omen tools print: diagnostics, dumps, run output.
import os
import lit.formats

config.name = "omen"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".omen", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(os.path.dirname(config.omen_bin_dir), "tests", "lit-out")
config.environment["PATH"] = os.pathsep.join(
    [config.omen_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
config.substitutions.append(("%omen", os.path.join(config.omen_bin_dir, "omen")))
config.substitutions.append(("%examples", os.path.join(config.omen_source_dir, "examples")))
config.substitutions.append(("%stdlib", os.path.join(config.omen_source_dir, "stdlib")))

# AddressSanitizer reserves terabytes of address space, so tests that run omen under
# `ulimit -v` are UNSUPPORTED in a sanitized build.
if getattr(config, "omen_sanitized", False):
    config.available_features.add("asan")

# `--plot` tests need gnuplot (scripts/setup.sh installs gnuplot-nox).
import shutil
if shutil.which("gnuplot"):
    config.available_features.add("gnuplot")

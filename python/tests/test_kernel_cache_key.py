"""The kernel cache's key holds the build identity of libomen itself (issue 22): under Python
it used to hold the python3 executable's, so that a rebuilt omen loaded the kernels an older
one had written. Here a copy of the module and of its libomen is "rebuilt" (its mtime
changes): the second run must compile and store its own kernel, not load the first one's."""
import os
import shutil
import subprocess
import sys
import textwrap

import omen

SCENARIO = "scenario s {\n  event e\n  phase p for 3 { with probability 0.2 { trigger e } }\n  report P(e)\n}\n"

CHILD = textwrap.dedent("""
    import sys, omen
    assert omen.__file__.startswith(sys.argv[2]), omen.__file__
    maps = open("/proc/self/maps").read()
    assert sys.argv[3] in maps, "the module did not load the copied libomen"
    omen.run(sys.argv[1], trials=1000, engine="jit", threads=1)
    """)


def loaded_libomen():
    """The libomen shared library this process loaded with the module."""
    for line in open("/proc/self/maps"):
        path = line.split()[-1]
        if os.path.basename(path).startswith("libomen.so"):
            return path
    raise AssertionError("libomen is not mapped")


def entries(cache):
    return sorted(name for name in os.listdir(cache) if name.endswith(".o"))


def test_a_rebuilt_libomen_does_not_load_an_older_ones_kernels(tmp_path):
    pkg, lib, cache = tmp_path / "pkg", tmp_path / "lib", tmp_path / "cache"
    shutil.copytree(os.path.dirname(omen.__file__), pkg / "omen")
    lib.mkdir()
    libomen = lib / os.path.basename(loaded_libomen())  # e.g. libomen.so.0.1.0
    shutil.copy2(loaded_libomen(), libomen)
    name = libomen.name
    while name.count(".") > 1:  # the soname the module asks for (libomen.so.0.1) and the rest
        name = name.rsplit(".", 1)[0]
        os.symlink(libomen.name, lib / name)
    source = tmp_path / "s.omen"
    source.write_text(SCENARIO)
    env = dict(os.environ, PYTHONPATH=str(pkg), LD_LIBRARY_PATH=str(lib), OMEN_CACHE_DIR=str(cache))

    def run():
        # From tmp_path: `python -c` puts the working folder first on sys.path.
        subprocess.run([sys.executable, "-c", CHILD, str(source), str(pkg), str(libomen)], env=env, check=True,
                       timeout=300, cwd=tmp_path)

    run()
    first = entries(cache)
    assert len(first) == 1
    os.utime(libomen, (1_000_000_000, 1_000_000_000))  # a rebuild: same path, another file
    run()
    assert len(entries(cache)) == 2, "the rebuilt libomen loaded the older one's kernel"

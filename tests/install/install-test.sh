#!/bin/sh
# Installs omen to a temporary prefix and uses it as a user would, with nothing of the build
# folder on any path: find_package(omen) builds examples/embed, the installed omen runs a
# file importing the stdlib, and its `omen build` makes an executable from the installed
# libraries (a wrapper around the linker records what it links) that prints what `omen run`
# prints.
# With the Python module built, the installed package imports and runs from the prefix too.
#   install-test.sh SOURCE_DIR BUILD_DIR CXX [PYTHON PYTHON_INSTALL_DIR]
set -eu
src=$1 build=$2 cxx=$3 python=${4:-} pydir=${5:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
P=$tmp/prefix
fail() { echo "install-test: FAIL: $*" >&2; exit 1; }
unset OMEN_STDLIB OMEN_AOT_LIBS OMEN_CXX

cmake --install "$build" --prefix "$P" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }
for f in bin/omen include/omen/Omen.h include/omen/Results.h lib/libomen.so \
         lib/cmake/omen/omenConfig.cmake lib/cmake/omen/omenTargets.cmake \
         share/omen/stdlib/std/alignment.omen lib/omen/libomen_runtime_host.a lib/omen/libomen_aot_main.a; do
  [ -e "$P/$f" ] || fail "not installed: $f"
done
# The public headers stand alone: no include of anything outside include/omen.
if grep -h '#include "' "$P"/include/omen/*.h | grep -v '"omen/'; then fail "a public header includes outside omen/"; fi
# The installed library and command hold no path into the build folder.
if readelf -d "$P/lib/libomen.so" "$P/bin/omen" | grep -E 'R(UN)?PATH' | grep -F "$build"; then
  fail "an installed binary's RPATH points into the build folder"
fi

# An embedder's project: find_package(omen) + omen::omen, built with its own CMake.
cmake -S "$src/examples/embed" -B "$tmp/embed" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$P" >"$tmp/embed.log" 2>&1 ||
  { cat "$tmp/embed.log"; fail "configuring the embed project against the install"; }
cmake --build "$tmp/embed" >>"$tmp/embed.log" 2>&1 || { cat "$tmp/embed.log"; fail "building the embed project"; }
if grep -F -e "$build" -e "$src/include" "$tmp/embed/build.ninja" >/dev/null; then
  fail "the embed project compiles or links with something of the build or source tree"
fi
ldd "$tmp/embed/embed" | grep -q "libomen.so.* => $P/lib/libomen.so" ||
  { ldd "$tmp/embed/embed"; fail "the embed example does not load the installed libomen.so"; }
out=$(cd "$tmp" && "$tmp/embed/embed" "$src/examples/online_learning.omen") || fail "the embed example failed"
echo "$out"
echo "$out" | grep -Eq 'p_update = 20% +P\(catastrophe\) = 0\.0' || fail "unexpected embed output"
# The installed library finds the installed stdlib (a program importing std.* from a folder
# holding no stdlib).
printf 'import std.alignment\nscenario s { report P(true) }\n' >"$tmp/uses_std.omen"
(cd "$tmp" && "$P/bin/omen" check uses_std.omen) || fail "installed omen cannot find its stdlib"

# `omen build` from the installed tree: the linker wrapper records its arguments.
cat >"$tmp/cxx" <<WRAP
#!/bin/sh
echo "\$@" >"$tmp/link-args"
exec "$cxx" "\$@"
WRAP
chmod +x "$tmp/cxx"
(cd "$tmp" && OMEN_CXX="$tmp/cxx" "$P/bin/omen" build "$src/examples/online_learning.omen" -o "$tmp/exe") ||
  fail "the installed omen build failed"
libs=$(tr ' ' '\n' <"$tmp/link-args" | grep '\.a$')
[ -n "$libs" ] || fail "omen build linked no omen library"
for lib in $libs; do
  case $lib in "$P"/lib/omen/*) ;; *) fail "omen build linked $lib, not a library of the installed tree" ;; esac
done
"$tmp/exe" --trials 20000 --threads 1 --format json | grep -v -e '"seconds"' -e '"engine"' >"$tmp/exe.json" || fail "the built executable failed"
(cd "$tmp" && "$P/bin/omen" run "$src/examples/online_learning.omen" --trials 20000 --threads 1 --format json) |
  grep -v -e '"seconds"' -e '"engine"' >"$tmp/run.json"
diff "$tmp/run.json" "$tmp/exe.json" || fail "the built executable's results differ from omen run's"
if [ -n "$python" ]; then
  case $pydir in /*) site=$pydir ;; *) site=$P/$pydir ;; esac
  [ -f "$site/omen/__init__.py" ] || fail "the Python package is not installed in $site"
  readelf -d "$site"/omen/_omen*.so | grep -E 'R(UN)?PATH' | grep -qF "$build" &&
    fail "the installed Python module's RPATH points into the build folder"
  (cd "$tmp" && PYTHONPATH=$site "$python" -c "
import omen
assert omen.__file__.startswith('$site'), omen.__file__
r = omen.run('uses_std.omen', trials=100)
print('installed python module:', omen.__file__, r.scenarios[0].reports[0].estimate)
") || fail "the installed Python module does not work"
fi
echo "install-test: ok (prefix $P; omen build linked $(echo $libs | wc -w) libraries from $P/lib/omen)"

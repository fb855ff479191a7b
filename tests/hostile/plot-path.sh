#!/bin/sh
# plot-path.sh DIR CMD... - Runs CMD --plot PATH, where PATH (in DIR, made afresh) holds a
# newline and a gnuplot `system` command. Fails if that command ran, if the figure was not
# drawn at exactly that path, or if CMD failed; prints "plot path held" otherwise.
dir=$1
shift
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" || exit 1
nl='
'
path="figure${nl}system \"touch pwned\"${nl}x.svg"  # relative: gnuplot's folder is this one
"$@" --plot "$path" > /dev/null || { echo "FAIL: the command failed" >&2; exit 1; }
if [ -e pwned ]; then
  echo "FAIL: gnuplot ran a command taken from the --plot path" >&2
  exit 1
fi
grep -q '<svg' "$path" || { echo "FAIL: no figure at the --plot path" >&2; exit 1; }
echo "plot path held"

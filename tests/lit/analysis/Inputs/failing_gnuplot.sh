#!/bin/sh
# A gnuplot that fails the way gnuplot does: the script line echoed, a caret, then the
# message with the script's temporary path.
cat >&2 <<'MSG'

plot 'data.dat' index 0 using 1:2 with linespoints
     ^
"/tmp/omen-plot-XXXXXX/plot.gp" line 7: undefined variable: frobnicate

MSG
exit 1

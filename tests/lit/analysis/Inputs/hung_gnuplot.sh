#!/bin/sh
# A gnuplot that never finishes (issue 22): omen must stop waiting for it.
exec sleep 600

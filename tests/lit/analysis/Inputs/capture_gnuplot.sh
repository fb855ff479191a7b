#!/bin/sh
# gnuplot that also keeps a copy of the script it was given (in $OMEN_TEST_CAPTURE), so a test
# can read how the figure was laid out.
cp "$1" "$OMEN_TEST_CAPTURE"
exec gnuplot "$1"

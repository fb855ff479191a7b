#!/usr/bin/env bash
# tmux_test.sh - drives `omen` in a real terminal (a detached tmux session): the prompt, a
# continuation prompt, tab completion of a declared name, history (Up arrow) and the
# history file, Ctrl-C at the prompt and during a run stuck in `for` loops, and Ctrl-D. Prints SKIPPED (exit 0) only where tmux
# is missing or cannot start a server.
#
#   tests/repl/tmux_test.sh path/to/omen
set -u
OMEN=${1:?usage: tmux_test.sh path/to/omen}
OMEN="$(cd "$(dirname "$OMEN")" && pwd)/$(basename "$OMEN")"
LOOPS="$(cd "$(dirname "$0")/../lit/run/Inputs" && pwd)/endless_loops.omen"
if ! command -v tmux >/dev/null 2>&1; then
  echo "SKIPPED: tmux is not installed (scripts/setup.sh installs it)"
  exit 0
fi
work=$(mktemp -d)
sock="omen-repl-test-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
# `omen` alone on a terminal starts the REPL; HOME is private so the history file is ours.
if ! tm new-session -d -s repl -x 150 -y 50 "cd '$work' && HOME='$work' TERM=xterm '$OMEN'; echo EXITED=\$?; sleep 30"; then
  echo "SKIPPED: tmux cannot start a server here"
  exit 0
fi

screen() { tm capture-pane -p -t repl 2>&1; }
fail() {
  echo "FAIL: $1"
  echo "---- screen ----"
  screen
  exit 1
}
# Waits (up to 60 s: the machine may be busy) until the screen matches an extended regex.
expect() {
  for _ in $(seq 1 600); do
    screen | grep -Eq -- "$1" && return 0
    sleep 0.1
  done
  fail "never saw /$1/"
}
count() { screen | grep -Ec -- "$1"; }

expect '^omen>'
tm send-keys -t repl 'const turn_rate = 0.25' Enter
expect 'declared const turn_rate'
# Tab completes the declared name: `turn_r` + Tab + ` * 2`.
tm send-keys -t repl 'turn_r' Tab
expect '^omen> turn_rate'
tm send-keys -t repl ' * 2' Enter
expect '^0.5 : real'
# Up arrow brings the last line back.
tm send-keys -t repl Up
expect '^omen> turn_rate \* 2$'
tm send-keys -t repl Enter
for _ in $(seq 1 600); do [ "$(count '^0.5 : real')" -ge 2 ] && break; sleep 0.1; done
[ "$(count '^0.5 : real')" -ge 2 ] || fail "the recalled line was not evaluated again"
# A scenario over several lines: the continuation prompt, then :run.
tm send-keys -t repl 'scenario s {' Enter
expect '^ *\.\.\.$'
tm send-keys -t repl '  state x = bernoulli(turn_rate)' Enter '  report P(x)' Enter '}' Enter
expect 'declared scenario s'
tm send-keys -t repl ':trials 2000' Enter
expect '^trials 2000'
# Tab completes a command too.
tm send-keys -t repl ':ru' Tab
expect '^omen> :run'
tm send-keys -t repl Enter
expect '2000 trials, seed 1'
# Ctrl-C drops the line being typed and gives a fresh prompt.
tm send-keys -t repl 'this line is dropped' C-c
sleep 0.5
tm send-keys -t repl '1 + 1' Enter
expect '^2 : int'
screen | grep -q 'unknown name' && fail "the dropped line was evaluated"
# Ctrl-C during a run whose trials never finish a phase step (they stay in `for` loops, in a
# phase body and in a function): the run stops, marked partial, and the prompt comes back.
tm send-keys -t repl ":load $LOOPS" Enter
expect 'fn_loop'
runs=0
for scenario in phase_loop fn_loop; do
  tm send-keys -t repl ":run $scenario" Enter
  sleep 1.5
  tm send-keys -t repl C-c
  runs=$((runs + 1))
  for _ in $(seq 1 100); do [ "$(count 'PARTIAL: interrupted after 0 of 2000 trials')" -ge $runs ] && break; sleep 0.1; done
  [ "$(count 'PARTIAL: interrupted after 0 of 2000 trials')" -ge $runs ] || fail "Ctrl-C did not stop :run $scenario within 10 s"
done
tm send-keys -t repl '1 + 2' Enter
expect '^3 : int'
# Ctrl-D ends the session with status 0 and leaves the history file behind.
tm send-keys -t repl C-d
expect 'EXITED=0'
grep -q 'turn_rate' "$work/.omen_history" || fail "~/.omen_history does not hold the typed lines"
echo "PASS: prompt, continuation, completion, history, Ctrl-C, Ctrl-D in tmux"

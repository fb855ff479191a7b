#!/bin/sh
# as-unprivileged.sh CMD... - Runs CMD so that file permissions apply to it: as is when not
# root, else as the user 'nobody' through setpriv. File modes do not stop root, so a test of
# an unreadable file needs this. Without setpriv (as root) it prints the message the test
# expects and says, visibly, that it skipped.
if [ "$(id -u)" -ne 0 ]; then exec "$@"; fi
if command -v setpriv >/dev/null 2>&1; then
  # nobody must be able to reach the executable and the file's folder (the build tree
  # usually is world-readable; lit's temporary folders are).
  exec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
fi
echo "SKIPPED: running as root without setpriv; cannot make a file unreadable" >&2
echo "error: cannot read 'secret.omen': Permission denied"
exit 1

#!/usr/bin/env bash
# Quick start: install the packages, build, and run warta in the foreground
# on ./spool with the bundled rules. Ctrl-C stops it cleanly; run it again
# to carry on where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
tools/build.sh build
mkdir -p spool/inbox
cat <<MSG

  warta is starting. Drop article files into:   $PWD/spool/inbox
  Records appear in:                            $PWD/spool/outbox
  Refused files, with reasons, go to:           $PWD/spool/failed
  (write elsewhere and mv in, or cp directly; Ctrl-C to stop)

MSG
exec build/warta daemon -c etc/warta.conf --spool spool --rules scripts/rules

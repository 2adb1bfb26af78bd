#!/usr/bin/env bash
# The daemon issue's figures, in one run: bench/run.sh [WARTA]
set -euo pipefail
cd "$(dirname "$0")/.."
warta=${1:-build/warta}
# One directory for every run, removed only at the end (see daemon.py on deletes).
root=$(mktemp -d "$PWD/bench-XXXXXX")
trap 'rm -rf "$root"' EXIT
# The core alone (ingest_text and out_files), as the daemon issue's targets are set.
core=(--warta "$warta" --dir "$root" --no-store)
bench/daemon.py "${core[@]}" --count 20000 --durability fast
bench/daemon.py "${core[@]}" --count 20000 --durability full
bench/daemon.py "${core[@]}" --count 1000 --rate 100 --durability full
bench/daemon.py "${core[@]}" --count 1000 --rate 100 --durability fast
bench/daemon.py "${core[@]}" --count 10000 --backlog
bench/daemon.py "${core[@]}" --count 100000 --size 2048 --backlog --durability fast
# The default pipeline (every analysis stage and the store), as a user runs it.
bench/daemon.py --warta "$warta" --dir "$root" --count 20000 --backlog
bench/analyze.sh 10000 4096 "$warta"

#!/usr/bin/env bash
# The daemon issue's figures, in one run: bench/run.sh [WARTA]
set -euo pipefail
cd "$(dirname "$0")/.."
warta=${1:-build/warta}
bench/daemon.py --warta "$warta" --count 20000 --durability fast
bench/daemon.py --warta "$warta" --count 20000 --durability full
bench/daemon.py --warta "$warta" --count 1000 --rate 100 --durability full
bench/daemon.py --warta "$warta" --count 1000 --rate 100 --durability fast
bench/daemon.py --warta "$warta" --count 10000 --backlog
bench/daemon.py --warta "$warta" --count 100000 --size 2048 --backlog --durability fast
bench/analyze.sh 10000 4096 "$warta"

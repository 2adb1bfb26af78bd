#!/usr/bin/env bash
# Throughput of `warta analyze` (the pipeline without a spool) over a directory.
#   bench/analyze.sh [COUNT] [SIZE] [WARTA]
set -euo pipefail
count=${1:-10000}
size=${2:-4096}
warta=${3:-build/warta}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$(dirname "$0")/gen.py" "$dir" "$count" --size "$size"
start=$(date +%s.%N)
find "$dir" -name '*.txt' -print0 | xargs -0 -n 2000 "$warta" analyze > /dev/null
end=$(date +%s.%N)
python3 -c "import sys; n, t = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print(f'warta analyze: {n} articles x {sys.argv[4]} B in {t:.2f} s = {n / t:.0f} articles/s')" "$count" "$start" "$end" "$size"

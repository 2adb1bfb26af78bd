#!/usr/bin/env bash
# The store: what it costs the daemon, and how fast it answers when large.
#   bench/store.sh [ARTICLES] [WARTA]      (default 1,000,000 stored articles)
#
# 1. Daemon throughput over a backlog of 10,000 articles, durability=fast,
#    every analysis stage, with the outbox and the store and with the outbox
#    alone; five interleaved pairs, since one run on a VM varies by 30%.
#    Then three pairs over outlet-style articles (daemon.py --outlet-style).
# 2. A store of ARTICLES records (bench/records.py, imported with
#    `warta db import`), then the searches and counts an analyst types,
#    each timed over five runs (median).
set -euo pipefail
n=${1:-1000000}
warta=$(realpath "${2:-build/warta}")
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-$PWD}/warta-store-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

echo "daemon, backlog of 10,000, durability=fast, every analysis stage:"
for _ in 1 2 3 4 5; do
    for flags in --no-store ""; do
        printf '  %-12s ' "${flags:-with store}"
        python3 "$here/daemon.py" --warta "$warta" --count 10000 --backlog --durability fast \
            --analysis --dir "$dir" $flags | grep throughput
    done
done

echo
echo "the same with outlet-style articles (50-odd entities, 10-15 KB records):"
for _ in 1 2 3; do
    for flags in --no-store ""; do
        printf '  %-12s ' "${flags:-with store}"
        python3 "$here/daemon.py" --warta "$warta" --count 5000 --backlog --durability fast \
            --analysis --outlet-style --dir "$dir" $flags | grep throughput
    done
done

echo
echo "filling a store with $n records..."
start=$(date +%s)
python3 "$here/records.py" "$n" | "$warta" db import - --db "$dir/warta.db" >/dev/null
echo "  imported in $(( $(date +%s) - start )) s; $(du -h "$dir/warta.db" | cut -f1)"
sync

median_ms() { # command...: median wall time of five runs, in ms
    for _ in 1 2 3 4 5; do
        local s e
        s=$(date +%s%N)
        "$@" >/dev/null
        e=$(date +%s%N)
        echo $(( (e - s) / 1000000 ))
    done | sort -n | sed -n 3p
}
db=(--db "$dir/warta.db")
printf '%-60s %8s\n' "query over $n articles" "ms"
q() { printf '%-60s %8s\n' "$*" "$(median_ms "$warta" "$@" "${db[@]}")"; }
q search natuna
q search '"latihan gabungan"'
q search latihan --tag nuklir
q search 'kapal OR selam'
q search rudal --since 2026-10-01
q search --tag laut_china_selatan --outlet Kompas
q stats --by day
q stats --by tag --since 2026-06-01
q stats --by outlet

#!/usr/bin/env bash
# The rules stage against YARA on the same articles and the same keywords.
#   bench/rules.sh [COUNT] [WARTA]
#
# For each rule set (the bundled taxonomy, 50 and 500 synthetic rules of
# ten keywords) it times `warta analyze` over COUNT generated 4 KB articles
# with and without the rules: the difference is the rules stage alone. YARA
# (one thread, -p 1, like one warta worker) scans the same files with the
# same keywords as `nocase fullword` strings, `any of them`. Installs yara
# with apt if it is missing. Then the daemon over a backlog, with rules.
set -euo pipefail
count=${1:-10000}
warta=$(realpath "${2:-build/warta}")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

if ! command -v yara >/dev/null; then
    sudo=(); ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get install -y -qq yara >/dev/null
fi
python3 "$here/gen.py" "$dir/articles" "$count" --size 4096 --lang mix >/dev/null
mkdir -p "$dir/none"
python3 "$here/rule_sets.py" synthetic "$dir/syn50" 50
python3 "$here/rule_sets.py" synthetic "$dir/syn500" 500
cp -r "$root/scripts/rules" "$dir/taxonomy"
rm -rf "$dir/taxonomy/tests"
python3 "$here/rule_sets.py" yara "$dir/taxonomy" "$dir/taxonomy/rules.yar" >/dev/null
sync

seconds() { # command...: best of three wall-clock runs
    local best=
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s.%N)
        best=$(python3 -c "import sys; t = float(sys.argv[2]) - float(sys.argv[1]); b = sys.argv[3]; print(min(t, float(b)) if b else t)" "$start" "$end" "$best")
    done
    echo "$best"
}
analyze() { # rules dir
    find "$dir/articles" -name '*.txt' -print0 | xargs -0 -n 5000 "$warta" analyze --rules "$1"
}

# Baselines: warta without rules, YARA with one rule that never matches
# (opening and reading the files is not what is compared).
printf 'rule never { strings: $a = "zqxjzqxj" condition: $a }\n' > "$dir/never.yar"
base=$(seconds analyze "$dir/none")
ybase=$(seconds yara -p 1 -r "$dir/never.yar" "$dir/articles")
printf '%-10s %6s %12s %16s %12s %16s %8s\n' "rules" "n" "warta art/s" "rules stage us" "yara art/s" "yara rules us" "ratio"
for set in taxonomy syn50 syn500; do
    n=$("$warta" rules check "$dir/$set" | sed -E 's/.*: ([0-9]+) rules.*/\1/')
    t=$(seconds analyze "$dir/$set")
    y=$(seconds yara -p 1 -r "$dir/$set/rules.yar" "$dir/articles")
    python3 - "$set" "$n" "$count" "$base" "$t" "$ybase" "$y" <<'PY'
import sys
name, n, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base, t, ybase, y = map(float, sys.argv[4:])
stage = max(t - base, 1e-9) / count * 1e6
yara = max(y - ybase, 1e-9) / count * 1e6
print(f"{name:<10} {n:6d} {count / t:12.0f} {stage:16.1f} {count / y:12.0f} {yara:16.1f} {yara / stage:7.1f}x")
PY
done
echo "(per-article cost of the rules alone, each over its own baseline; ratio = YARA / warta,"
echo " above 1 means warta's rules stage is faster)"
echo
for set in taxonomy syn500; do
    echo "daemon, backlog of $count, durability=fast, rules=$set:"
    python3 "$here/daemon.py" --warta "$warta" --count "$count" --backlog --durability fast \
        --rules "$dir/$set" --dir "$dir" | grep -E 'throughput|latency|RSS' || true
done

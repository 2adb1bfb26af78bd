#!/usr/bin/env bash
# warta's keyword matcher against Hyperscan on the same articles and keywords
# (the measurement behind choosing Aho-Corasick + PCRE2; see bench/README.md).
#   bench/matcher.sh [COUNT]
set -euo pipefail
count=${1:-2000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if ! dpkg-query -W -f='${Status}' libhyperscan-dev 2>/dev/null | grep -q "ok installed"; then
    sudo=(); ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get install -y -qq libhyperscan-dev >/dev/null
fi
cc -O2 -D_GNU_SOURCE -o "$dir/matcher" "$here/matcher.c" "$root/core/rules/keywords.c" \
    "$root/core/rules/fold.c" -I"$root/core" -I"$root/core/rules" -lhs -lutf8proc -lxxhash
python3 "$here/gen.py" "$dir/articles" "$count" --size 4096 --lang mix >/dev/null
for n in 500 5000 50000; do
    "$dir/matcher" "$n" "$dir"/articles/*.txt
done

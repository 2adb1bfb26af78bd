#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Rule sets for bench/rules.sh, each written twice: as warta rules and as
YARA rules with the same keywords (nocase fullword, any of them).

    bench/rule_sets.py synthetic OUTDIR COUNT [--seed N]
        COUNT rules of 10 keywords each: OUTDIR/rules.lua and OUTDIR/rules.yar
    bench/rule_sets.py yara RULES_DIR OUT.yar
        the keywords of a warta rule directory as YARA rules (any, all and
        lists; regexes and `where` have no YARA equivalent and are left out)
"""
import argparse
import os
import random
import re

# Words the generated articles contain, so that some rules hit, plus made-up
# ones, so that most keywords are misses, as in a real rule pack.
COMMON = ("latihan gabungan kerja sama pertahanan wilayah perbatasan keamanan kawasan "
          "angkatan bersenjata kesepakatan industri strategis modernisasi alutsista "
          "anggaran triliun rupiah pasukan perdamaian diplomasi rusia belarus indonesia "
          "rudal kapal selam pesawat tempur").split()


def pseudo_word(rng):
    syllables = ["ka", "ra", "ta", "ma", "sa", "ba", "ri", "lo", "nu", "pe", "gi", "do", "su", "wa"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def yara_rule(name, keywords):
    lines = [f"rule {name}", "{", "  strings:"]
    for i, k in enumerate(keywords):
        escaped = k.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'    $k{i} = "{escaped}" nocase fullword')
    lines += ["  condition:", "    any of them", "}", ""]
    return "\n".join(lines)


def synthetic(outdir, count, seed):
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    lua, yar = [], []
    for i in range(count):
        words = set()
        while len(words) < 10:
            # A few keywords are words the articles contain: about one rule in
            # thirty hits an article, so 500 rules set about a dozen tags.
            if rng.random() < 0.003:
                words.add(rng.choice(COMMON))
            elif rng.random() < 0.3:
                words.add(pseudo_word(rng) + " " + pseudo_word(rng))
            else:
                words.add(pseudo_word(rng))
        words = sorted(words)
        lua.append(f'rule "r{i:04d}" {{ any = {{ ' + ", ".join(f'"{w}"' for w in words) + " } }")
        yar.append(yara_rule(f"r{i:04d}", words))
    with open(os.path.join(outdir, "rules.lua"), "w") as f:
        f.write("\n".join(lua) + "\n")
    with open(os.path.join(outdir, "rules.yar"), "w") as f:
        f.write("\n".join(yar))


def keywords_of(block, lists):
    words = []
    for field in re.finditer(r"\b(any|all)\s*=\s*(\{[^}]*\}|list\s*\"[^\"]+\"|\"[^\"]*\")", block):
        value = field.group(2)
        for name in re.findall(r'list\s*"([^"]+)"', value):
            words += lists.get(name, [])
        value = re.sub(r'list\s*"[^"]+"', "", value)
        words += re.findall(r'"([^"]+)"', value)
    return words


def from_warta(rules_dir, out):
    sources = [open(os.path.join(rules_dir, f)).read()
               for f in sorted(os.listdir(rules_dir)) if f.endswith(".lua")]
    text = "\n".join(sources)
    lists = {}
    for name, path in re.findall(r'list\s*"([^"]+)"\s*\{\s*file\s*=\s*"([^"]+)"', text):
        with open(os.path.join(rules_dir, path)) as f:
            lists[name] = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    rules = []
    for m in re.finditer(r'^rule\s*"([^"]+)"\s*\{(.*?)^\}', text, re.S | re.M):
        words = sorted(set(keywords_of(m.group(2), lists)))
        if words:
            rules.append(yara_rule(re.sub(r"\W", "_", m.group(1)), words))
    with open(out, "w") as f:
        f.write("\n".join(rules))
    return len(rules)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("synthetic")
    s.add_argument("outdir")
    s.add_argument("count", type=int)
    s.add_argument("--seed", type=int, default=1)
    y = sub.add_parser("yara")
    y.add_argument("rules_dir")
    y.add_argument("out")
    args = ap.parse_args()
    if args.what == "synthetic":
        synthetic(args.outdir, args.count, args.seed)
    else:
        print(from_warta(args.rules_dir, args.out))


if __name__ == "__main__":
    main()

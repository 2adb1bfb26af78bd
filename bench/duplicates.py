#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""How far apart the near-duplicate fingerprints (`simhash`) of copies and
of unrelated articles are.

Writes COUNT synthetic 4 KB articles (bench/gen.py) and, for each, a copy
as a syndicating site makes one: its own headline, a changed word every
EDIT words, and one sentence dropped. Runs `warta analyze` over all and
prints the Hamming distances of each article to its copy, the smallest
distances between unrelated articles, and how many copies `duplicates[]`
found at the default max_distance.

usage: bench/duplicates.py [--count 200] [--edit 150] [--warta build/warta]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--edit", type=int, default=150, help="change one word in every EDIT")
    ap.add_argument("--warta", default="build/warta")
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), src, str(args.count),
                        "--size", "4096", "--lang", "id"], check=True, stdout=subprocess.DEVNULL)
        names = sorted(os.listdir(src))
        files = []
        for name in names:
            with open(os.path.join(src, name), encoding="utf-8") as f:
                text = f.read()
            words = text.split(" ")
            for _ in range(max(1, len(words) // args.edit)):
                words[rng.randrange(len(words))] = "diubah"
            sentences = " ".join(words).split(". ")
            del sentences[rng.randrange(1, len(sentences))]
            copy = "Salinan: judul lain dari situs lain\n\n" + ". ".join(sentences)
            for prefix, body in (("a", text), ("b", copy)):
                path = os.path.join(tmp, f"{prefix}-{name}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(body)
                files.append(path)
        files.sort()  # every original before every copy: copies find them
        out = subprocess.run([args.warta, "analyze", *files], capture_output=True, text=True,
                             check=True).stdout
    recs = {r["source"]["file"]: r for r in map(json.loads, out.splitlines())}
    hashes = {k: int(r["simhash"], 16) for k, r in recs.items()}
    dist = [bin(hashes["a-" + n] ^ hashes["b-" + n]).count("1") for n in names]
    found = sum(recs["a-" + n]["id"] in recs["b-" + n].get("duplicates", []) for n in names)
    originals = [hashes["a-" + n] for n in names]
    unrelated = sorted(bin(x ^ y).count("1") for i, x in enumerate(originals)
                       for y in originals[i + 1:])
    dist.sort()
    print(f"{len(names)} articles and their copies (one word in {args.edit} changed, "
          f"a sentence dropped, another headline)")
    print(f"  copy distance: median {dist[len(dist) // 2]}, 95th percentile "
          f"{dist[len(dist) * 95 // 100]}, max {dist[-1]}")
    print(f"  unrelated distance: min {unrelated[0]}, 1st percentile "
          f"{unrelated[len(unrelated) // 100]}, median {unrelated[len(unrelated) // 2]}")
    print(f"  copies listed in duplicates[]: {found}/{len(names)}")
    false = sum(1 for n in names if any(d != recs["a-" + n]["id"]
                                        for d in recs["b-" + n].get("duplicates", [])))
    print(f"  copies listing another article too: {false}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scores langid on the Indonesian/Malay sentences of ../shared/corpus/langid.

Only the held-out half (the odd-numbered sentences of each language; the
model in data/langid-idms.txt was generated from the even ones) is scored,
per class, for whole sentences and for their first six words, through
`warta analyze` (each sentence a JSON article; the corpus's "#NE#" name
masks are removed first). Published per-sentence
figures (id / ms): CLD2 0.927 / 0.924, CLD3 0.739 / 0.924, fastText
0.985 / 0.300, libexttextcat 0.851 / 0.273, franc 0.653 / 0.506.

usage: bench/langid.py [--warta build/warta] [--corpus ../shared/corpus]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import langid_model  # noqa: E402  (the same split the model was trained on)


def classify(warta, texts):
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, text in enumerate(texts):
            path = os.path.join(tmp, f"s{i:05}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"title": "", "text": text}, f)
            files.append(path)
        codes = []
        for i in range(0, len(files), 1000):
            out = subprocess.run([warta, "analyze", *files[i:i + 1000]], capture_output=True,
                                 text=True, check=True).stdout
            codes += [json.loads(line).get("lang", {}).get("code") for line in out.splitlines()]
    return codes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--warta", default="build/warta")
    ap.add_argument("--corpus", default="../shared/corpus")
    args = ap.parse_args()
    path = os.path.join(args.corpus, "langid/test-none-gold.id-my.tsv")
    # "#NE#" masks a name in the corpus; it is not text, so it is left out.
    rows = [(" ".join(t.replace("#NE#", " ").split()), lang)
            for t, lang in langid_model.dsl_sentences(path, held_out=True)]
    for label, make in (("sentence", lambda t: t),
                        ("first 6 words", lambda t: " ".join(t.split()[:6]))):
        codes = classify(args.warta, [make(t) for t, _ in rows])
        for lang in ("id", "ms"):
            mine = [c for c, (_, l) in zip(codes, rows) if l == lang]
            right = sum(c == lang for c in mine)
            print(f"{label:14} {lang}: {right}/{len(mine)} = {right / len(mine):.3f}")


if __name__ == "__main__":
    main()

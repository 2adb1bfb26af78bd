#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scores the entities stage on idner-news-2k (../shared/corpus/ner).

Each sentence of the split (dev by default) becomes one JSON article whose
text is its tokens joined by spaces; `warta analyze` runs ingest_json and
entities only (no cleaning: these are bare sentences), and each mention's
span is mapped back to tokens. Scored as CoNLL does: a predicted entity
counts only if its type and exact token span match the gold. warta's
country and place are LOC, org is ORG, person is PER; equipment and
events have no gold class and are left out. Also reports the stage's
speed. Published Indonesian news NER F1: about 0.90 (IndoLEM, neural).

usage: bench/ner.py [--warta build/warta] [--corpus ../shared/corpus] [--split dev]
                    [--errors N]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

TYPES = {"country": "LOC", "place": "LOC", "org": "ORG", "person": "PER"}


def sentences(path):
    tokens, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if not parts:
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            tokens.append(parts[0])
            tags.append(parts[-1])
    if tokens:
        yield tokens, tags


def gold_spans(tags):
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            spans.add((start, i, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return spans


def predicted_spans(tokens, record):
    # Code-point offset of each token's start and end in the joined text.
    starts, ends, pos = {}, {}, 0
    for i, t in enumerate(tokens):
        starts[pos] = i
        ends[pos + len(t)] = i + 1
        pos += len(t) + 1
    spans = set()
    for e in record.get("entities", []):
        kind = TYPES.get(e["type"])
        if not kind:
            continue
        for s, t in e.get("offsets", []):
            if s in starts and t in ends:
                spans.add((starts[s], ends[t], kind))
    return spans


def run(warta, texts):
    with tempfile.TemporaryDirectory() as tmp:
        conf = os.path.join(tmp, "warta.conf")
        with open(conf, "w") as f:
            f.write("pipeline = { 'ingest_json', 'entities' }\n")
        files = []
        for i, text in enumerate(texts):
            path = os.path.join(tmp, f"s{i:05}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"title": "", "text": text}, f)
            files.append(path)
        records, cpu = [], 0.0
        for i in range(0, len(files), 1000):
            before = os.times()
            out = subprocess.run([warta, "analyze", "-c", conf, *files[i:i + 1000]],
                                 capture_output=True, text=True, check=True).stdout
            after = os.times()
            cpu += after.children_user - before.children_user
            cpu += after.children_system - before.children_system
            records += [json.loads(line) for line in out.splitlines()]
    return records, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--warta", default="build/warta")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", type=int, default=0, help="print N missed and N spurious spans")
    args = ap.parse_args()
    data = list(sentences(os.path.join(args.corpus, "ner", args.split + ".txt")))
    texts = [" ".join(tokens) for tokens, _ in data]
    started = time.time()
    records, cpu = run(args.warta, texts)
    wall = time.time() - started
    counts = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    # The gold tags a country as LOC only where it is a location ("ke
    # Indonesia"), not as an actor ("serangan Israel"); warta records every
    # mention. Those untagged country spans are counted apart.
    countries = set()
    conf_countries = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                                  "countries.txt")
    with open(conf_countries, encoding="utf-8") as f:
        for line in f:
            if line.startswith("country:"):
                countries.update(n.strip() for n in line.split("|")[1:])
    untagged_countries = 0
    missed, spurious = collections.Counter(), collections.Counter()
    for (tokens, tags), record in zip(data, records):
        gold, pred = gold_spans(tags), predicted_spans(tokens, record)
        for span in pred & gold:
            counts[span[2]][0] += 1
        for span in pred - gold:
            counts[span[2]][1] += 1
            text = " ".join(tokens[span[0]:span[1]])
            if span[2] == "LOC" and text in countries and all(
                    t == "O" for t in tags[span[0]:span[1]]):
                untagged_countries += 1
            spurious[(span[2], text)] += 1
        for span in gold - pred:
            counts[span[2]][2] += 1
            missed[(span[2], " ".join(tokens[span[0]:span[1]]))] += 1
    total = [0, 0, 0]
    print(f"idner-news-2k {args.split}: {len(data)} sentences, exact span and type")
    for kind in ("PER", "ORG", "LOC"):
        tp, fp, fn = counts[kind]
        total = [a + b for a, b in zip(total, (tp, fp, fn))]
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"  {kind}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}  (gold {tp + fn})")
    tp, fp, fn = total
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"  all: precision {p:.3f} recall {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    p2 = tp / (tp + fp - untagged_countries)
    print(f"  all, not counting {untagged_countries} country mentions the gold leaves untagged: "
          f"precision {p2:.3f} F1 {2 * p2 * r / (p2 + r):.3f}")
    chars = sum(len(t) for t in texts)
    print(f"  {cpu / len(texts) * 1e6:.0f} us CPU per sentence (whole warta process, "
          f"{chars / len(texts):.0f} chars); wall {wall:.1f} s")
    if args.errors:
        print("missed:", missed.most_common(args.errors))
        print("spurious:", spurious.most_common(args.errors))


if __name__ == "__main__":
    sys.exit(main())

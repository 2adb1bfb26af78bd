#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scores ingest_html's main-text extraction on ../shared/corpus/extraction-benchmark.

The benchmark's metric: both texts split into \\w+ tokens (Unicode, case
folded), 4-token shingles counted with multiplicity; per page TP = shared
shingles, FP = extra ones extracted, FN = missed ones, each page's three
normalised to sum 1; precision and recall are the means over pages, F1
their harmonic mean. The record's text is scored as the stages leave it
(ingest_html, then normalize and clean). Published F1: Zyte and
rs_trafilatura 0.970, trafilatura 0.958, Readability.js 0.947,
readability-lxml 0.922, boilerpipe 0.860, jusText 0.804, whole page 0.665.

usage: bench/extraction.py [--warta build/warta] [--corpus ../shared/corpus]
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import tempfile

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text):
    tokens = [t.lower() for t in TOKEN.findall(text or "")]
    return collections.Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def page_scores(predicted, truth):
    p, t = shingles(predicted), shingles(truth)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if not total:
        return 1.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--warta", default="build/warta")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    ap.add_argument("--compare", help="per-page scores: read from this file if it exists "
                    "and list the pages that changed, else write them there")
    args = ap.parse_args()
    base = os.path.join(args.corpus, "extraction-benchmark")
    with open(os.path.join(base, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for page_id in sorted(truth):
            path = os.path.join(base, "html", page_id + ".html.gz")
            if not os.path.exists(path):
                continue
            out = os.path.join(tmp, page_id + ".html")
            with gzip.open(path) as src, open(out, "wb") as dst:
                dst.write(src.read())
            files.append(out)
        conf = os.path.join(tmp, "warta.conf")
        with open(conf, "w") as f:
            f.write("pipeline = { 'ingest_html', 'ingest_text', 'normalize', 'clean' }\n")
        texts = {}
        before = os.times()
        for i in range(0, len(files), 500):
            out = subprocess.run([args.warta, "analyze", "-c", conf, *files[i:i + 500]],
                                 capture_output=True, text=True, check=False).stdout
            for line in out.splitlines():
                rec = json.loads(line)
                texts[rec["source"]["file"][:-5]] = rec.get("text", "")
        after = os.times()
        cpu = (after.children_user - before.children_user) + \
            (after.children_system - before.children_system)
    for page_id in sorted(truth):
        if page_id in texts:
            results.append((page_id, *page_scores(texts[page_id], truth[page_id]["articleBody"])))
    precision = sum(tp / (tp + fp) if tp + fp else 0 for _, tp, fp, _ in results) / len(results)
    recall = sum(tp / (tp + fn) if tp + fn else 0 for _, tp, _, fn in results) / len(results)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    print(f"{len(results)} pages: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}; "
          f"{len(files) / cpu:.0f} pages per CPU second (ingest_html, normalize, clean)")
    if args.compare and os.path.exists(args.compare):
        with open(args.compare, encoding="utf-8") as f:
            before = json.load(f)
        for page_id, tp, fp, fn in results:
            if page_id in before and abs(before[page_id] - tp) >= 0.05:
                print(f"  {page_id[:12]} tp {before[page_id]:.2f} -> {tp:.2f}  {truth[page_id]['url'][:80]}")
    elif args.compare:
        with open(args.compare, "w", encoding="utf-8") as f:
            json.dump({page_id: tp for page_id, tp, _, _ in results}, f)
    for page_id, tp, fp, fn in sorted(results, key=lambda r: r[1])[:args.worst]:
        print(f"  {page_id[:12]} tp {tp:.2f} fp {fp:.2f} fn {fn:.2f}  {truth[page_id]['url'][:80]}")


if __name__ == "__main__":
    main()

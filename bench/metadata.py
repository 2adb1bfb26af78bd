#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scores ingest_html's metadata (and body) on ../shared/corpus/fundus.

For each publisher's test page (PUBLISHER_DATE.html.gz beside PUBLISHER.json),
the record from ingest_html and the text stages is compared with fundus's
gold: title (white space and case folded), authors (as a set, folded),
publishing date (the same instant, or the same day when either has no time),
and the body by the extraction benchmark's shingle F1.

usage: bench/metadata.py [--warta build/warta] [--corpus ../shared/corpus] [--misses]
"""
import argparse
import ast
import glob
import gzip
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extraction import page_scores  # noqa: E402


def fold(s):
    return " ".join(str(s).split()).casefold()


def gold_list(value):
    if isinstance(value, list):
        return value
    try:
        v = ast.literal_eval(value)
        return v if isinstance(v, list) else [v]
    except (ValueError, SyntaxError):
        return [value]


def gold_body(value):
    try:
        body = ast.literal_eval(value) if isinstance(value, str) else value
    except (ValueError, SyntaxError):
        return ""
    parts = list(body.get("summary", []))
    for section in body.get("sections", []):
        parts += section.get("headline", []) + section.get("paragraphs", [])
    return "\n".join(parts)


def instant(s):
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.strip().replace(" ", "T", 1).replace("Z", "+00:00"))
    except ValueError:
        return None


def same_date(ours, gold):
    a, b = instant(ours), instant(gold)
    if not a or not b:
        return False
    if a.tzinfo and b.tzinfo:
        return abs((a - b).total_seconds()) < 120
    return a.date() == b.date()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--warta", default="build/warta")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--misses", action="store_true", help="print each wrong field")
    args = ap.parse_args()
    root = os.path.join(args.corpus, "fundus/tests/resources/parser/test_data")
    cases = []
    for gold_path in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        publisher = os.path.basename(gold_path)[:-5]
        pages = sorted(glob.glob(os.path.join(os.path.dirname(gold_path), publisher + "_*.html.gz")))
        with open(gold_path, encoding="utf-8") as f:
            gold = json.load(f)
        if not pages or not gold:
            continue
        cases.append((publisher, pages[0], next(iter(gold.values()))))
    scores = {"title": [], "authors": [], "date": [], "body": []}
    with tempfile.TemporaryDirectory() as tmp:
        conf = os.path.join(tmp, "warta.conf")
        with open(conf, "w") as f:
            f.write("pipeline = { 'ingest_html', 'normalize', 'spam', 'clean', 'meta', 'dates' }\n")
        for publisher, page, gold in cases:
            path = os.path.join(tmp, publisher + ".html")
            with gzip.open(page) as src, open(path, "wb") as dst:
                dst.write(src.read())
            out = subprocess.run([args.warta, "analyze", "-c", conf, path], capture_output=True,
                                 text=True, check=False).stdout
            rec = json.loads(out.splitlines()[0]) if out.strip() else {}
            checks = {}
            if gold.get("title"):
                checks["title"] = fold(rec.get("title") or "") == fold(gold["title"])
            authors = [a for a in gold_list(gold.get("authors", "[]")) if a]
            if authors:
                checks["authors"] = {fold(a) for a in rec.get("authors") or []} == \
                    {fold(a) for a in authors}
            if gold.get("publishing_date"):
                checks["date"] = same_date(rec.get("published"), gold["publishing_date"])
            for field, ok in checks.items():
                scores[field].append(ok)
                if args.misses and not ok:
                    want = {"title": gold.get("title"), "authors": authors,
                            "date": gold.get("publishing_date")}[field]
                    got = {"title": rec.get("title"), "authors": rec.get("authors"),
                           "date": rec.get("published")}[field]
                    print(f"  {publisher:28} {field:8} want {want!r:.60} got {got!r:.60}")
            body = gold_body(gold.get("body", ""))
            if body:
                tp, fp, fn = page_scores(rec.get("text", ""), body)
                scores["body"].append((tp, fp, fn))
    for field in ("title", "authors", "date"):
        v = scores[field]
        print(f"{field:8} {sum(v)}/{len(v)} = {sum(v) / len(v):.3f}")
    b = scores["body"]
    p = sum(tp / (tp + fp) if tp + fp else 0 for tp, fp, _ in b) / len(b)
    r = sum(tp / (tp + fn) if tp + fn else 0 for tp, _, fn in b) / len(b)
    print(f"body     F1 {2 * p * r / (p + r):.3f} (P {p:.3f}, R {r:.3f}) on {len(b)} pages")


if __name__ == "__main__":
    main()

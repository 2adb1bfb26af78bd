#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Synthetic article records (JSON Lines, as `warta export` writes them) for
filling a store quickly: bench/records.py COUNT [--days N] > records.jsonl

Bodies come from gen.py; dates spread over the last N days (default 365);
tags, outlets and languages are drawn so that filters select realistic
fractions (a tag on 1-20% of articles).
"""
import argparse
import hashlib
import json
import os
import random
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

TAGS = [("latihan_militer", 0.2), ("pengadaan_alutsista", 0.1), ("rusia_belarus", 0.15),
        ("nuklir", 0.03), ("laut_china_selatan", 0.05), ("spam_judol", 0.01)]
OUTLETS = ["Kompas", "Tribunnews", "Republika", "Detik", "Antara", "Airspace Review"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("count", type=int)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--size", type=int, default=2048)
    args = ap.parse_args()
    rng = random.Random(7)
    today = date(2026, 11, 22)
    out = sys.stdout
    for i in range(args.count):
        lang = "en" if rng.random() < 0.2 else "id"
        text = gen.make_article(i, args.size, lang, 3)
        title, _, body = text.partition("\n")
        day = today - timedelta(days=rng.randrange(args.days))
        rec = {
            "warta": 1,
            "id": hashlib.blake2b(text.encode(), digest_size=16).hexdigest(),
            "received": f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
            "source": {"file": f"artikel-{i:07d}.txt", "bytes": len(text), "format": "text"},
            "title": title, "outlet": rng.choice(OUTLETS), "published": day.isoformat(),
            "lang": {"code": lang, "confidence": 0.9},
            "text": body.strip(),
            "tags": [{"name": t, "score": 1, "rule": t} for t, p in TAGS if rng.random() < p],
        }
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scores the dates stage on ../shared/corpus/dates/id_date_cases.tsv.

Each case becomes the text of a JSON article published on the corpus's
reference date (2025-08-10, Asia/Jakarta); the first entry of dates[] is
compared with the expected ISO value ("reference-2h" style rows are
resolved against the reference). Prints one line per case and the score.

usage: bench/dates.py [--warta build/warta] [--corpus ../shared/corpus/dates]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

REFERENCE = datetime(2025, 8, 10, 12, 0, tzinfo=timezone(timedelta(hours=7)))


def expected_value(expected: str) -> str:
    """The expected ISO text, with "reference-2h"/"reference-1d" resolved."""
    m = re.match(r"reference-(\d+)([hd])", expected)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        when = REFERENCE - (timedelta(hours=n) if unit == "h" else timedelta(days=n))
        return when.strftime("%Y-%m-%dT%H:%M+07:00") if unit == "h" else when.strftime("%Y-%m-%d")
    return expected.split(" ")[0]


def case_text(given: str) -> str:
    m = re.match(r'search_dates\("(.*)",', given)
    return m.group(1) if m else given


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--warta", default="build/warta")
    ap.add_argument("--corpus", default="../shared/corpus/dates")
    args = ap.parse_args()
    path = os.path.join(args.corpus, "id_date_cases.tsv")
    if not os.path.exists(path):
        print(f"no corpus at {path}", file=sys.stderr)
        return 2
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            cases.append((case_text(cols[0]), expected_value(cols[1])))
    right = 0
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, (text, _) in enumerate(cases):
            name = os.path.join(tmp, f"case{i:03}.json")
            with open(name, "w", encoding="utf-8") as out:
                json.dump({"title": "case", "text": text,
                           "published": REFERENCE.strftime("%Y-%m-%dT%H:%M+07:00")}, out)
            files.append(name)
        out = subprocess.run([args.warta, "analyze", *files],
                             capture_output=True, text=True, check=False).stdout
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    for (text, want), record in zip(cases, records):
        dates = record.get("dates") or []
        got = dates[0].get("date") if dates else None
        ok = got == want
        right += ok
        print(f"{'ok ' if ok else 'BAD'} {text!r:45} want {want:25} got {got}")
    print(f"dates: {right}/{len(cases)} right ({right / len(cases):.3f})")
    return 0 if right == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())

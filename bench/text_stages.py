#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Cost of the text stages (normalize, spam, clean, meta, dates, langid) and
the stages that read the cleaned text (entities, quotes, quantities,
keywords, duplicates) per article.

Builds COUNT articles of about SIZE bytes from the outlet-style fixtures
(tests/fixtures/articles: header, lede, body paragraphs grown to SIZE with
sentences from the other fixtures, related links, byline, footer), then
times `warta analyze` over them with the pipeline growing one stage at a
time, and prints each stage's CPU cost per article, single-threaded (the
slope between a run over a tenth of the articles and one over all, so the
start-up cost of compiling the pattern files is left out).

With --against OTHER_WARTA, only the two totals (text stages, readers),
for both binaries, over --runs interleaved runs (min and median): the way
to compare two builds on a VM whose speed drifts between runs.

With --in-process, each stage's own time as `warta analyze --timings`
measures it inside one process (the whole pipeline, --runs times, the
least per stage): no start-up, reading or writing counted, and far less
noise than the slopes on a shared machine. With --against too, both
binaries, runs interleaved.

usage: bench/text_stages.py [--count 5000] [--size 4096] [--warta build/warta]
                            [--against OTHER_WARTA] [--runs 7] [--in-process]
"""
import argparse
import glob
import os
import random
import resource
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGES = ["normalize", "spam", "clean", "meta", "dates", "langid",
          "entities", "quotes", "quantities", "keywords", "duplicates"]
# The stages of the entities issue, whose budget is counted together.
READERS = STAGES[STAGES.index("entities"):]


def sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/articles/*.txt"))):
        with open(path, encoding="utf-8") as f:
            out += [l for l in f.read().splitlines() if len(l.split()) >= 12]
    return out


def build(directory, count, size):
    rng = random.Random(1)
    fixtures = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/articles/*.txt")))
    body = sentences()
    for i in range(count):
        with open(fixtures[i % len(fixtures)], encoding="utf-8") as f:
            lines = f.read().splitlines()
        head, tail = lines[:4], lines[4:]
        middle = []
        while len("\n".join(head + middle + tail).encode()) < size:
            # The article's number keeps copies apart for the duplicates
            # stage; it goes before the closing punctuation, so the line
            # still ends as the paragraph of prose it stands for.
            sentence = rng.choice(body)
            cut = len(sentence.rstrip('.!?"\u201d'))
            middle.append(f"{sentence[:cut]} ({i}){sentence[cut:]}")
        with open(os.path.join(directory, f"a{i:06}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(head + middle + tail) + "\n")


def cpu_seconds(warta, conf, files):
    """CPU time of `warta analyze` over files, in one process (getrusage's
    microseconds: os.times() counts in 10 ms ticks)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([warta, "analyze", "-c", conf, *files], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def slope(warta, directory, stages):
    """Seconds per article, once: the slope between a small and a full
    run, so start-up (compiling the pattern files) is not counted."""
    conf = os.path.join(directory, "warta.conf")
    with open(conf, "w") as f:
        f.write("pipeline = { 'ingest_text'%s }\n" % "".join(f", '{s}'" for s in stages))
    files = sorted(glob.glob(os.path.join(directory, "*.txt")))
    small = files[:len(files) // 10]
    return (cpu_seconds(warta, conf, files) - cpu_seconds(warta, conf, small)) / \
        (len(files) - len(small))


def compare(wartas, directory, runs):
    """The two totals for each binary, runs interleaved: min and median."""
    text_end = STAGES.index(READERS[0])
    totals = {w: {"text": [], "readers": []} for w in wartas}
    for _ in range(runs):
        for w in wartas:
            base = slope(w, directory, [])
            text = slope(w, directory, STAGES[:text_end])
            whole = slope(w, directory, STAGES)
            totals[w]["text"].append(text - base)
            totals[w]["readers"].append(whole - text)
    for w in wartas:
        print(w)
        for part in ("text", "readers"):
            v = sorted(totals[w][part])
            print(f"  {part:8} min {v[0] * 1e6:6.1f}  median {v[len(v) // 2] * 1e6:6.1f} "
                  f"us/article")


def stage_times(warta, directory):
    """Microseconds per article of each stage, from one `analyze --timings` run."""
    conf = os.path.join(directory, "warta.conf")
    with open(conf, "w") as f:
        f.write("pipeline = { 'ingest_text'%s }\n" % "".join(f", '{s}'" for s in STAGES))
    files = sorted(glob.glob(os.path.join(directory, "*.txt")))
    p = subprocess.run([warta, "analyze", "--timings", "-c", conf, *files], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    times = {}
    for line in p.stderr.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].endswith("%") and parts[0] != "stage":
            times[parts[0]] = float(parts[1])
    return times


def in_process(wartas, directory, runs):
    """Each stage's least time over the runs, per binary, runs interleaved."""
    best = {w: {} for w in wartas}
    for _ in range(runs):
        for w in wartas:
            for stage, us in stage_times(w, directory).items():
                best[w][stage] = min(us, best[w].get(stage, us))
    text_end = STAGES.index(READERS[0])
    for w in wartas:
        t = best[w]
        print(w)
        print("  " + "  ".join(f"{s} {t[s]:.1f}" for s in STAGES))
        print(f"  text stages {sum(t[s] for s in STAGES[:text_end]):.1f} us/article, "
              f"{', '.join(READERS)} {sum(t[s] for s in READERS):.1f}, "
              f"record {t['(record)']:.1f}")


def timed(warta, directory, stages):
    """Seconds per article: the best of three slopes."""
    return min(slope(warta, directory, stages) for _ in range(3))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--size", type=int, default=4096)
    ap.add_argument("--warta", default=os.path.join(ROOT, "build/warta"))
    ap.add_argument("--against", help="a second warta binary: compare the totals of both")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--in-process", action="store_true",
                    help="each stage's time inside one process (analyze --timings)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        build(d, args.count, args.size)
        if args.in_process:
            in_process([args.warta] + ([args.against] if args.against else []), d, args.runs)
            return
        if args.against:
            compare([args.warta, args.against], d, args.runs)
            return
        base = timed(args.warta, d, [])
        print(f"{args.count} articles of ~{args.size} B; ingest_text alone: "
              f"{base * 1e6:.1f} us/article (the baseline)")
        previous = base
        for n in range(1, len(STAGES) + 1):
            if STAGES[n - 1] == READERS[0]:
                before_readers = previous
            t = timed(args.warta, d, STAGES[:n])
            print(f"  + {STAGES[n - 1]:10} {(t - previous) * 1e6:6.1f} us/article")
            previous = t
        print(f"text stages together: {(before_readers - base) * 1e6:.1f} us/article")
        print(f"{', '.join(READERS)} together: {(previous - before_readers) * 1e6:.1f} "
              f"us/article")


if __name__ == "__main__":
    main()

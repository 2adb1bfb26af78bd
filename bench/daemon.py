#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmarks of the running daemon on a fresh spool.

    bench/daemon.py [--warta build/warta] [--count N] [--size BYTES] [--durability full|fast]
                    [--rate PER_SECOND] [--backlog] [--dir DIR] [--no-store] [--analysis]
                    [--outlet-style]

flood (default): N generated articles are staged beside the spool and
  renamed into the inbox as fast as possible while the daemon runs;
  reports articles/s from the first drop to the last record, and the
  latency from each drop to its record.
--rate R: drops at R articles/s instead, for latency under a steady load.
--backlog: the N files wait in the inbox before the daemon starts;
  reports the time to the first record, the total rate and peak RSS.
--no-store: the outbox only (ingest_text, out_files), the core's own cost;
  with --analysis, every analysis stage too: the store's share of a real
  pipeline is --analysis against --analysis --no-store.
--outlet-style: the articles of text_stages.py (grown from the outlet
  fixtures: 50-odd entities and a 10-15 KB record each) instead of gen.py's
  (a vocabulary of a few dozen words, 8 entities): the store's cost on copy
  like the users'.

Records are seen through inotify on outbox/ (IN_MOVED_TO), so the
latency is what a consumer watching the outbox observes. Peak RSS is the
daemon's VmHWM. Nothing here asserts: it prints figures.
"""
import argparse
import ctypes
import ctypes.util
import json
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import text_stages  # noqa: E402

IN_MOVED_TO = 0x80
# The default pipeline's ingest and analysis stages, in its order.
ANALYSIS = ["ingest_json", "ingest_email", "ingest_feed", "ingest_html", "ingest_text", "normalize",
            "spam", "clean", "meta", "dates", "langid", "entities", "quotes", "quantities",
            "keywords", "duplicates"]
libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


class OutboxWatcher(threading.Thread):
    """Timestamps every ID.json renamed into outbox/."""

    def __init__(self, outbox):
        super().__init__(daemon=True)
        self.fd = libc.inotify_init1(0)
        if self.fd < 0 or libc.inotify_add_watch(self.fd, outbox.encode(), IN_MOVED_TO) < 0:
            raise OSError(ctypes.get_errno(), "inotify")
        self.seen = {}  # file name -> monotonic time
        self.first = None

    def run(self):
        while True:
            buf = os.read(self.fd, 1 << 20)
            now = time.monotonic()
            off = 0
            while off < len(buf):
                _, _, _, length = struct.unpack_from("iIII", buf, off)
                name = buf[off + 16:off + 16 + length].rstrip(b"\0").decode()
                off += 16 + length
                if name.endswith(".json") and not name.startswith("."):
                    self.seen.setdefault(name, now)
                    if self.first is None:
                        self.first = now


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """User and system CPU time the process has used so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / tick, int(fields[12]) / tick


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warta", default="build/warta")
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--size", type=int, default=4096)
    ap.add_argument("--durability", choices=("full", "fast"), default="full")
    ap.add_argument("--rate", type=float, default=0)
    ap.add_argument("--backlog", action="store_true")
    ap.add_argument("--rules", help="rules directory (default: none)")
    ap.add_argument("--no-store", action="store_true", help="outbox only, without out_sqlite")
    ap.add_argument("--analysis", action="store_true",
                    help="every ingest and analysis stage (the default pipeline's), so that "
                         "--no-store compares the store's cost with a real pipeline's")
    ap.add_argument("--dir", default=".", help="where to create the run's spool (same filesystem as a real one)")
    ap.add_argument("--outlet-style", action="store_true",
                    help="text_stages.py's articles, grown from the outlet fixtures, not gen.py's")
    args = ap.parse_args()

    # Nothing is deleted here: on ext4 a burst of deletes slows file creation
    # for minutes afterwards, which would poison the next measurement.
    # bench/run.sh removes everything once all runs are done.
    root = tempfile.mkdtemp(prefix="warta-bench-", dir=args.dir)
    spool, staging = os.path.join(root, "spool"), os.path.join(root, "staging")
    inbox = os.path.join(spool, "inbox")
    os.makedirs(inbox, exist_ok=True)
    os.makedirs(os.path.join(spool, "outbox"), exist_ok=True)
    os.makedirs(staging, exist_ok=True)
    target = inbox if args.backlog else staging
    if args.outlet_style:
        text_stages.build(target, args.count, args.size)
        names = sorted(os.listdir(target))
    else:
        names = [f"artikel-{i:07d}.txt" for i in range(args.count)]
        for i, name in enumerate(names):
            with open(os.path.join(target, name), "w") as f:
                f.write(gen.make_article(i, args.size, "mix", 1))
    conf = os.path.join(root, "bench.conf")
    with open(conf, "w") as f:
        f.write(f"durability = '{args.durability}'\nlog_level = 'warning'\nsettle_ms = 0\n")
        stages = ANALYSIS if args.analysis else ["ingest_text"]
        if args.no_store or args.analysis:
            outputs = ["out_files"] if args.no_store else ["out_files", "out_sqlite"]
            f.write("pipeline = { %s }\n" % ", ".join(f'"{s}"' for s in stages + outputs))
    # Start from a clean page cache: syncfs (the full-mode group commit)
    # writes out every dirty page of the filesystem, so the generator's or an
    # earlier run's unwritten data would otherwise be billed to this run.
    os.sync()
    time.sleep(0.2)

    watcher = OutboxWatcher(os.path.join(spool, "outbox"))
    watcher.start()
    started = time.monotonic()
    rules = ["--rules", os.path.abspath(args.rules)] if args.rules else ["--rules", os.path.join(root, "no-rules")]
    daemon = subprocess.Popen([args.warta, "daemon", "-c", conf, "--spool", spool] + rules,
                              stderr=open(os.path.join(root, "daemon.log"), "w"))
    dropped = {}
    if not args.backlog:
        time.sleep(0.3)
        interval = 1.0 / args.rate if args.rate else 0
        next_at = time.monotonic()
        for name in names:
            if interval:
                next_at += interval
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            os.rename(os.path.join(staging, name), os.path.join(inbox, name))
            dropped[name] = time.monotonic()
    while len(watcher.seen) < args.count and daemon.poll() is None:
        time.sleep(0.01)
    finished = time.monotonic()
    rss = peak_rss_kib(daemon.pid)
    cpu_user, cpu_sys = cpu_seconds(daemon.pid)
    daemon.terminate()
    daemon.wait()

    mode = "backlog" if args.backlog else f"rate={args.rate or 'max'}"
    print(f"articles: {args.count} x {args.size} B, durability={args.durability}, {mode}")
    if args.backlog:
        print(f"first record after start: {(watcher.first - started) * 1000:.0f} ms")
        print(f"throughput: {args.count / (finished - started):.0f} articles/s (from start)")
    else:
        first_drop = min(dropped.values())
        print(f"throughput: {args.count / (finished - first_drop):.0f} articles/s (first drop to last record)")
        # Map records back to their files, then to drop times.
        latencies = []
        outbox = os.path.join(spool, "outbox")
        for rec_name, seen_at in watcher.seen.items():
            with open(os.path.join(outbox, rec_name)) as f:
                source = json.load(f)["source"]["file"]
            latencies.append((seen_at - dropped[source]) * 1000)
        print(f"latency drop->record: p50 {percentile(latencies, 50):.2f} ms, "
              f"p99 {percentile(latencies, 99):.2f} ms, max {max(latencies):.2f} ms")
    print(f"CPU per article: {cpu_user / args.count * 1e6:.0f} us user, "
          f"{cpu_sys / args.count * 1e6:.0f} us system")
    print(f"peak RSS: {rss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()

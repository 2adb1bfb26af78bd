# SPDX-License-Identifier: MIT
"""SIGKILL at any moment loses and duplicates nothing; an article that crashes or hangs
the pipeline is retried alone and, after three attempts, put aside in failed/."""
import os
import random
import signal
import threading
import time

from harness import (TEST_PLUGINS, Daemon, article, done_files, drop_in_place, drop_renamed,
                     failed_files, failure_reason, listdir, records, run, visible, wait_for)


def restart_until_quiet(d, max_starts=12):
    """Start the daemon again whenever it dies, until everything is handled."""
    for _ in range(max_starts):
        if not d.alive():
            d.start(wait_ready=False)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and d.alive() and not d.quiet():
            time.sleep(0.05)
        if d.alive() and d.quiet():
            return
    raise AssertionError("the spool never became quiet")


def test_sigkill_during_a_flow(tmp):
    d = Daemon(tmp).start()
    expected = {}
    for i in range(2000):
        expected[f"aliran-{i:04d}.txt"] = article(i, seed="aliran")
    names = sorted(expected)
    done_producing = threading.Event()

    def produce():
        for i, name in enumerate(names):
            (drop_in_place if i % 2 else drop_renamed)(d.inbox, name, expected[name])
            if i % 50 == 0:
                time.sleep(0.01)
        done_producing.set()

    producer = threading.Thread(target=produce)
    producer.start()
    rng = random.Random(7)
    for _ in range(5):
        time.sleep(rng.uniform(0.05, 0.4))
        d.kill()
        d.start()
    producer.join()
    restart_until_quiet(d)
    assert d.stop() == 0
    recs = records(d.spool)
    files = sorted(r["source"]["file"] for r in recs.values())
    assert files == names, f"{len(files)} records for {len(names)} files"
    done = sorted(name for _, name in done_files(d.spool))
    assert done == names, f"{len(done)} originals in done/"
    assert failed_files(d.spool) == []
    assert listdir(os.path.join(d.spool, "state", "attempts")) == []


FAULTS = ("pipeline = { 'ingest_text', 'test_faults', 'out_files' }\n"
          f"plugin_dir = '{TEST_PLUGINS}'\n")


def test_a_crashing_article_is_put_aside_after_three_attempts(tmp):
    d = Daemon(tmp, config=FAULTS).start()
    good = {f"baik-{i}.txt": article(i, seed="crash") for i in range(30)}
    drop_renamed(d.inbox, "bom.txt", "Judul\n\nIsi WARTA-TEST-CRASH di sini.\n")
    for name, text in good.items():
        drop_renamed(d.inbox, name, text)
    wait_for(lambda: not d.alive(), timeout=20, what="the crash")
    assert d.proc.returncode == -signal.SIGSEGV, d.proc.returncode
    d.wait()
    restart_until_quiet(d)
    assert failed_files(d.spool) == ["bom.txt"]
    assert "crashed or hung the pipeline 3 times" in failure_reason(d.spool, "bom.txt")
    assert d.starts == 4, f"{d.starts} starts: three crashes, then the one that set it aside"
    recs = records(d.spool)
    assert sorted(r["source"]["file"] for r in recs.values()) == sorted(good)
    assert all(r["test_faults"] == "passed" for r in recs.values())
    assert "counted against it" in d.full_log()
    assert d.stop() == 0


def test_a_hanging_article_is_put_aside_after_three_attempts(tmp):
    d = Daemon(tmp, config=FAULTS + "article_timeout_ms = 500\n").start()
    drop_renamed(d.inbox, "macet.txt", "Judul\n\nIsi WARTA-TEST-HANG di sini.\n")
    drop_renamed(d.inbox, "baik.txt", article(1))
    for _ in range(3):
        wait_for(lambda: not d.alive(), timeout=20, what="the hang to be detected")
        assert d.proc.returncode == 4, d.proc.returncode
        d.wait()
        d.start()
    restart_until_quiet(d)
    assert failed_files(d.spool) == ["macet.txt"]
    assert "hung" in failure_reason(d.spool, "macet.txt")
    assert [r["source"]["file"] for r in records(d.spool).values()] == ["baik.txt"]
    assert d.stop() == 0


def test_plugin_errors_and_drops_do_not_lose_the_file(tmp):
    d = Daemon(tmp, config=FAULTS).start()
    drop_renamed(d.inbox, "galat.txt", "Judul\n\nWARTA-TEST-ERROR\n")
    drop_renamed(d.inbox, "buang.txt", "Judul\n\nWARTA-TEST-DROP\n")
    wait_for(lambda: d.quiet() and len(done_files(d.spool)) == 2, what="both files handled")
    recs = list(records(d.spool).values())
    assert len(recs) == 1 and recs[0]["source"]["file"] == "galat.txt"
    assert recs[0]["errors"] == [{"plugin": "test_faults", "error": "Input/output error"}]
    assert failed_files(d.spool) == []
    assert d.stop() == 0


run(globals())

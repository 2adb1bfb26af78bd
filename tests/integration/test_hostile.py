# SPDX-License-Identifier: MIT
"""Bad input gets a clear reason in failed/, loses nothing, and never stops the good files."""
import os
import threading
import time

from harness import (Daemon, article, done_files, drop_in_place, drop_renamed, failed_files,
                     failure_reason, listdir, records, run, visible, wait_for)


def test_hostile_files_among_good_ones(tmp):
    d = Daemon(tmp, config="max_article_bytes = 8 * 1024 * 1024\n").start()
    good = {f"baik-{i:03d}.txt": article(i, seed="baik") for i in range(400)}
    names = sorted(good)

    def produce():
        for name in names:
            drop_renamed(d.inbox, name, good[name])

    producer = threading.Thread(target=produce)
    producer.start()
    drop_in_place(d.inbox, "kosong.txt", b"")
    drop_in_place(d.inbox, "gambar.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    drop_in_place(d.inbox, "biner.dat", os.urandom(4096).replace(b"\0", b"\1") + b"\0\0\0")
    drop_in_place(d.inbox, "rusak.txt", "Judul rusak\n\nCaf".encode() + b"\xe9 dan \xff\xfe." + b"\n")
    with open(os.path.join(d.inbox, "raksasa.txt"), "wb") as f:
        f.truncate(50 * 1024 * 1024)
    os.symlink("/etc/passwd", os.path.join(d.inbox, "tautan.txt"))
    os.mkfifo(os.path.join(d.inbox, "pipa.txt"))
    os.mkdir(os.path.join(d.inbox, "folder"))
    for name in (".tersembunyi.txt", "sementara.tmp", "unduhan.part", "browser.crdownload", "cadangan.txt~"):
        drop_in_place(d.inbox, name, article(1, seed=name))
    producer.join()

    expected_failed = {
        "kosong.txt": "empty file",
        "gambar.png": "a PNG image",
        "biner.dat": "binary content",
        "raksasa.txt": "more than max_article_bytes",
        "tautan.txt": "symbolic link",
        "pipa.txt": "a fifo",
        "folder": "a directory",
    }
    wait_for(lambda: len(failed_files(d.spool)) == len(expected_failed) and len(records(d.spool)) == len(good) + 1,
             timeout=60, what="every file to be handled")
    assert d.alive(), "the daemon died"
    assert failed_files(d.spool) == sorted(expected_failed)
    for name, reason in expected_failed.items():
        assert reason in failure_reason(d.spool, name), (name, failure_reason(d.spool, name))
    # The symlink was moved, not followed: its target is untouched and it is still a link.
    assert os.path.islink(os.path.join(d.spool, "failed", "tautan.txt"))
    # Invalid UTF-8 is repaired and counted, not refused.
    repaired = [r for r in records(d.spool).values() if r["source"]["file"] == "rusak.txt"]
    assert len(repaired) == 1 and repaired[0]["source"]["invalid_utf8"] == 3, repaired
    assert "\ufffd" in repaired[0]["text"]
    # Temporary names are left for their producers.
    assert sorted(listdir(d.inbox)) == sorted([".tersembunyi.txt", "sementara.tmp", "unduhan.part",
                                               "browser.crdownload", "cadangan.txt~"])
    assert sorted(n for _, n in done_files(d.spool)) == sorted(list(good) + ["rusak.txt"])
    assert d.stop() == 0


def test_a_temporary_name_counts_once_renamed(tmp):
    d = Daemon(tmp).start()
    drop_in_place(d.inbox, "artikel.txt.part", article(5))
    time.sleep(0.6)  # several settle times: long enough for a wrong claim to show
    assert records(d.spool) == {}
    assert listdir(d.inbox) == ["artikel.txt.part"]
    os.rename(os.path.join(d.inbox, "artikel.txt.part"), os.path.join(d.inbox, "artikel.txt"))
    wait_for(lambda: len(records(d.spool)) == 1, what="the renamed file's record")
    assert d.stop() == 0


def test_unreadable_names_and_odd_bytes_in_names(tmp):
    d = Daemon(tmp).start()
    names = ["spasi dan 'kutip'.txt", "baris\nbaru.txt", "ünïcödé-берлин.txt", "x" * 250]
    for i, name in enumerate(names):
        drop_renamed(d.inbox, name, article(i, seed="nama"))
    wait_for(lambda: len(records(d.spool)) == len(names) and d.quiet(), what="every oddly named file")
    files = sorted(r["source"]["file"] for r in records(d.spool).values())
    assert files == sorted(names), files
    assert d.stop() == 0


run(globals())

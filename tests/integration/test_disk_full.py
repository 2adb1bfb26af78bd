# SPDX-License-Identifier: MIT
"""A full disk pauses the daemon; it never sends a good article to failed/ for it."""
import os
import subprocess
import time

from harness import (TEST_PLUGINS, Daemon, SkipTest, article, done_files, drop_in_place,
                     failed_files, listdir, records, run, visible, wait_for)


def test_simulated_enospc_from_an_output(tmp):
    d = Daemon(tmp, config=f"plugin_dir = '{TEST_PLUGINS}'\nretry_interval_ms = 200\n"
                           "pipeline = { 'ingest_text', 'out_files', 'test_full_disk' }\n").start()
    flag = os.path.join(d.spool, "full-disk")
    open(flag, "w").close()
    names = [f"penuh-{i:02d}.txt" for i in range(50)]
    for i, name in enumerate(names):
        drop_in_place(d.inbox, name, article(i, seed="penuh"))
    wait_for(lambda: "disk full while committing" in d.new_log(), what="the full disk to be noticed")
    time.sleep(1.0)
    assert failed_files(d.spool) == []
    # A record written alone may already be in place (records() checks it is
    # whole), but no original leaves work/ before every output has committed.
    in_work = listdir(os.path.join(d.spool, "work"))
    for rec in records(d.spool).values():
        assert f"{rec['id']}~{rec['source']['file']}" in in_work, rec["source"]["file"]
    assert len(in_work) == 50
    assert done_files(d.spool) == []
    os.unlink(flag)
    wait_for(lambda: len(records(d.spool)) == 50 and d.quiet(), what="every article after the disk frees up")
    assert sorted(n for _, n in done_files(d.spool)) == names
    assert failed_files(d.spool) == []
    assert d.stop() == 0


def test_a_real_full_filesystem(tmp):
    mnt = os.path.join(tmp, "mnt")
    os.mkdir(mnt)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt],
                                           stderr=subprocess.DEVNULL).returncode != 0:
        raise SkipTest("needs root to mount a small tmpfs")
    try:
        spool = os.path.join(mnt, "spool")
        d = Daemon(tmp, spool=spool, config="retry_interval_ms = 200\n")
        os.makedirs(d.inbox)
        names = [f"tmpfs-{i:02d}.txt" for i in range(40)]
        for i, name in enumerate(names):
            drop_in_place(d.inbox, name, article(i, seed="tmpfs"))
        # Fill what is left.
        filler = os.path.join(mnt, "filler")
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        d.start()
        wait_for(lambda: "disk full" in d.new_log(), timeout=20, what="ENOSPC to be noticed")
        time.sleep(0.5)
        assert failed_files(spool) == []
        assert d.alive()
        os.unlink(filler)
        wait_for(lambda: d.quiet() and len(records(spool)) == 40, what="every article once space is back")
        assert sorted(n for _, n in done_files(spool)) == names
        assert failed_files(spool) == []
        assert d.stop() == 0
    finally:
        subprocess.run(["umount", "-l", mnt])


run(globals())

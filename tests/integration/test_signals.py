# SPDX-License-Identifier: MIT
"""SIGTERM stops cleanly and fast; SIGHUP reloads, and a broken configuration never replaces a working one."""
import json
import os
import signal
import time

from harness import (Daemon, article, done_files, drop_in_place, failed_files, records, run,
                     visible, wait_for, write_config)


def test_sigterm_during_a_flood_exits_fast_and_the_next_start_finishes(tmp):
    d = Daemon(tmp)
    os.makedirs(d.inbox)
    names = [f"banjir-{i:04d}.txt" for i in range(6000)]
    for i, name in enumerate(names):
        drop_in_place(d.inbox, name, article(i, seed="sigterm"))
    d.start()
    wait_for(lambda: len(records(d.spool)) > 100, what="the flood to start")
    started = time.monotonic()
    d.signal(signal.SIGTERM)
    code = d.wait(timeout=10)
    took = time.monotonic() - started
    assert code == 0, code
    assert took < 5, f"took {took:.1f}s to stop"
    assert "stopped" in d.new_log()
    d.start()
    wait_for(d.quiet, timeout=120, what="the rest")
    assert d.stop() == 0
    assert sorted(r["source"]["file"] for r in records(d.spool).values()) == names
    assert sorted(n for _, n in done_files(d.spool)) == names
    assert failed_files(d.spool) == []


def test_sigint_is_a_clean_stop_too(tmp):
    d = Daemon(tmp).start()
    d.signal(signal.SIGINT)
    assert d.wait(10) == 0


def test_sighup_with_a_broken_config_keeps_the_running_one(tmp):
    d = Daemon(tmp).start()
    good = open(d.config).read()
    write_config(d.config, good + "durability = 'sometimes'\n")
    d.signal(signal.SIGHUP)
    wait_for(lambda: "reload failed; the running configuration stays" in d.new_log(), what="the reload to fail")
    assert "key 'durability' must be one of" in d.new_log()
    assert d.alive()
    drop_in_place(d.inbox, "setelah.txt", article(1))
    wait_for(lambda: len(records(d.spool)) == 1, what="articles to keep flowing")
    # A pipeline naming a plugin that does not exist is just as broken.
    write_config(d.config, good + "pipeline = { 'ingest_text', 'out_nowhere' }\n")
    d.signal(signal.SIGHUP)
    wait_for(lambda: d.new_log().count("reload failed") == 2, what="the second reload to fail")
    assert "plugin 'out_nowhere': no such plugin" in d.new_log()
    drop_in_place(d.inbox, "lagi.txt", article(2))
    wait_for(lambda: len(records(d.spool)) == 2, what="articles to keep flowing")
    assert d.stop() == 0


def test_sighup_applies_a_good_config(tmp):
    d = Daemon(tmp).start()
    drop_in_place(d.inbox, "sebelum.txt", article(1))
    wait_for(lambda: len(records(d.spool)) == 1, what="the first record")
    with open(d.config, "a") as f:
        f.write("pipeline = { 'ingest_text', 'out_files', { 'out_jsonl', path = 'aliran.jsonl' } }\n")
    d.signal(signal.SIGHUP)
    wait_for(lambda: "configuration reloaded" in d.new_log(), what="the reload")
    drop_in_place(d.inbox, "sesudah.txt", article(2))
    wait_for(lambda: len(records(d.spool)) == 2, what="the second record")
    assert d.stop() == 0
    with open(os.path.join(d.spool, "aliran.jsonl")) as f:
        lines = [json.loads(line) for line in f]
    assert [r["source"]["file"] for r in lines] == ["sesudah.txt"]


def test_sighup_rereads_the_data_files_a_new_outlet_needs(tmp):
    """An analyst teaches warta a new outlet's boilerplate, or a new name for
    the gazetteer, with a text file and a reload: no rebuild, no restart."""
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    d = Daemon(tmp, config=f"data_dir = '{data}'\n").start()
    text = ("Kapal Patroli Baru untuk Bakamla\n"
            "JAKARTA - Bakamla menerima dua kapal patroli baru buatan Galangan Samudra "
            "Nusantara untuk memperkuat pengawasan di perairan Natuna Utara, kata juru bicara.\n"
            "Tonton siaran langsung Warta Maritim setiap Senin malam\n")
    drop_in_place(d.inbox, "sebelum.txt", text)
    wait_for(lambda: len(records(d.spool)) == 1, what="the first record")
    assert "Tonton siaran langsung" in next(iter(records(d.spool).values()))["text"]
    with open(os.path.join(data, "boilerplate.txt"), "w") as f:
        f.write("line promo tonton siaran langsung\n")
    # A gazetteer override, read the same way: the shipyard becomes an organisation.
    with open(os.path.join(data, "gazetteer.txt"), "w") as f:
        f.write("org | Galangan Samudra Nusantara | GSN\n")
    d.signal(signal.SIGHUP)
    wait_for(lambda: "configuration reloaded" in d.new_log(), what="the reload")
    drop_in_place(d.inbox, "sesudah.txt", text.replace("dua kapal", "tiga kapal"))
    wait_for(lambda: len(records(d.spool)) == 2, what="the second record")
    assert d.stop() == 0
    by_file = {r["source"]["file"]: r for r in records(d.spool).values()}
    after = by_file["sesudah.txt"]
    assert "Tonton" not in after["text"]

    def orgs(rec):
        return [e["name"] for e in rec.get("entities", []) if e["type"] == "org"]
    assert "Galangan Samudra Nusantara" not in orgs(by_file["sebelum.txt"])
    assert "Galangan Samudra Nusantara" in orgs(after)
    assert {"kind": "promo", "text": "Tonton siaran langsung Warta Maritim setiap Senin malam"} \
        in after["removed"]


def test_a_second_daemon_on_the_same_state_is_refused(tmp):
    d = Daemon(tmp).start()
    other = Daemon(tmp, spool=d.spool)
    other.log_path = os.path.join(tmp, "other.log")
    other.start(wait_ready=False)
    assert other.wait(10) == 1
    assert "another warta is running" in other.full_log()
    assert d.alive()
    assert d.stop() == 0


def test_a_broken_config_at_start_is_exit_code_3(tmp):
    d = Daemon(tmp, config="workers = 'many'\n")
    d.start(wait_ready=False)
    assert d.wait(10) == 3
    assert "key 'workers' must be an integer" in d.full_log()


run(globals())

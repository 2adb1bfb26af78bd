# SPDX-License-Identifier: MIT
"""Files in, records out: every way a producer drops a file gives exactly one record."""
import os
import threading

from harness import (Daemon, article, cleaned_body, done_files, drop_in_place, drop_renamed, failed_files,
                     records, run, visible, wait_for)


def check_one_record_each(spool, expected):
    """expected: name -> text. One record per text, naming its file; every original in done/."""
    recs = records(spool)
    by_file = {}
    for rec in recs.values():
        by_file.setdefault(rec["source"]["file"], []).append(rec)
    assert len(recs) == len(expected), f"{len(recs)} records for {len(expected)} files"
    for name, text in expected.items():
        assert len(by_file.get(name, [])) == 1, f"{name}: {len(by_file.get(name, []))} records"
        rec = by_file[name][0]
        assert rec["source"]["bytes"] == len(text.encode()), name
        assert rec["text"] == cleaned_body(text), name
        assert rec["title"] == text.splitlines()[0], name
    done = sorted(name for _, name in done_files(spool))
    assert done == sorted(expected), f"done/ has {len(done)} files, expected {len(expected)}"
    assert failed_files(spool) == [], failed_files(spool)


def test_written_in_place_and_renamed_in(tmp):
    d = Daemon(tmp).start()
    expected = {}
    for i in range(2000):
        name = f"tempat-{i:04d}.txt"
        expected[name] = article(i, seed="tempat")
        drop_in_place(d.inbox, name, expected[name])
    for i in range(2000):
        name = f"pindah-{i:04d}.txt"
        expected[name] = article(i, seed="pindah")
        drop_renamed(d.inbox, name, expected[name])
    wait_for(lambda: len(visible(os.path.join(d.spool, "outbox"))) >= 4000 and d.quiet(),
             timeout=120, what="4000 records")
    assert d.stop() == 0
    check_one_record_each(d.spool, expected)


def test_files_waiting_before_start(tmp):
    d = Daemon(tmp)
    os.makedirs(d.inbox)
    expected = {}
    for i in range(500):
        name = f"menunggu-{i:03d}.txt"
        expected[name] = article(i, seed="menunggu")
        drop_in_place(d.inbox, name, expected[name])
    d.start()
    wait_for(d.quiet, timeout=60, what="the backlog")
    assert d.stop() == 0
    check_one_record_each(d.spool, expected)


def test_twenty_thousand_at_once_overflow_the_queue(tmp):
    d = Daemon(tmp, config="durability = 'fast'\n").start()
    expected = {}
    threads = []

    def produce(part):
        for i in range(part, 20000, 4):
            name = f"banjir-{i:05d}.txt"
            drop_in_place(d.inbox, name, expected[name])

    for i in range(20000):
        expected[f"banjir-{i:05d}.txt"] = article(i, size=300, seed="banjir")
    for part in range(4):
        threads.append(threading.Thread(target=produce, args=(part,)))
        threads[-1].start()
    for t in threads:
        t.join()
    wait_for(lambda: d.quiet() and len(visible(os.path.join(d.spool, "outbox"))) >= 20000,
             timeout=300, what="20000 records")
    assert d.stop() == 0
    check_one_record_each(d.spool, expected)


def test_identical_bytes_are_one_article(tmp):
    d = Daemon(tmp).start()
    text = article(1, seed="kembar")
    for name in ("kembar-a.txt", "kembar-b.txt", "kembar-c.txt"):
        drop_in_place(d.inbox, name, text)
    wait_for(lambda: d.quiet() and len(done_files(d.spool)) == 3, what="three originals in done/")
    wait_for(lambda: d.new_log().count("duplicate of an article already recorded") == 2,
             what="two duplicates logged")
    recs = records(d.spool)
    assert len(recs) == 1
    assert list(recs.values())[0]["source"]["file"] in ("kembar-a.txt", "kembar-b.txt", "kembar-c.txt")
    # Dropped again after a restart: still a duplicate.
    assert d.stop() == 0
    d.start()
    drop_in_place(d.inbox, "kembar-d.txt", text)
    wait_for(lambda: len(done_files(d.spool)) == 4, what="the fourth copy in done/")
    assert len(records(d.spool)) == 1
    assert d.stop() == 0


def test_same_name_different_content_are_two_articles(tmp):
    d = Daemon(tmp).start()
    drop_in_place(d.inbox, "berita.txt", article(1))
    wait_for(lambda: len(records(d.spool)) == 1, what="the first record")
    drop_in_place(d.inbox, "berita.txt", article(2))
    wait_for(lambda: len(records(d.spool)) == 2, what="the second record")
    wait_for(lambda: len(done_files(d.spool)) == 2, what="both originals in done/")
    assert d.stop() == 0


def test_jsonl_output_gets_every_record(tmp):
    d = Daemon(tmp, config="pipeline = { 'ingest_text', 'out_files', { 'out_jsonl', path = 'all.jsonl' } }\n").start()
    for i in range(300):
        drop_renamed(d.inbox, f"j-{i}.txt", article(i, seed="jsonl"))
    wait_for(lambda: len(records(d.spool)) == 300 and d.quiet(), what="300 records")
    assert d.stop() == 0
    import json
    with open(os.path.join(d.spool, "all.jsonl")) as f:
        lines = [json.loads(line) for line in f]
    assert sorted(r["id"] for r in lines) == sorted(records(d.spool))


def test_a_feed_and_a_web_page_give_their_articles(tmp):
    d = Daemon(tmp).start()
    fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
    with open(os.path.join(fixtures, "feeds", "antara-style.rss")) as f:
        drop_renamed(d.inbox, "antara.rss", f.read())
    with open(os.path.join(fixtures, "html", "kompas-style.html")) as f:
        drop_renamed(d.inbox, "kompas.html", f.read())
    wait_for(lambda: len(records(d.spool)) == 3 and d.quiet(), what="three records")
    assert d.stop() == 0
    by_title = {r["title"]: r for r in records(d.spool).values()}
    assert by_title["TNI AL gelar latihan pendaratan di Natuna"]["source"]["format"] == "feed"
    assert by_title["Kemhan terima kapal rumah sakit baru"]["outlet"] == "Antara"
    page = by_title["Kemenhan Terima Dua Pesawat Angkut A400M"]
    assert page["source"]["format"] == "html" and page["outlet"] == "Kompas"
    assert page["text"].startswith("Kementerian Pertahanan menerima dua pesawat")
    assert sorted(n for _, n in done_files(d.spool)) == ["antara.rss", "kompas.html"]


def test_a_crawler_json_lines_file_gives_a_record_per_item(tmp):
    d = Daemon(tmp).start()
    lines = [
        '{"title": "Satu", "content": "Isi berita satu.", "url": "https://example.com/1"}',
        '{"title": "Dua", "content": "Isi berita dua."',  # broken: skipped, logged
        '{"title": "Tiga", "content": "Isi berita tiga.", "author": "Rina"}',
    ]
    drop_renamed(d.inbox, "crawl.jsonl", "\n".join(lines) + "\n")
    wait_for(lambda: len(records(d.spool)) == 2 and d.quiet(), what="two records")
    assert d.stop() == 0
    recs = sorted(records(d.spool).values(), key=lambda r: r["title"])
    assert [r["title"] for r in recs] == ["Satu", "Tiga"]
    assert all(r["source"]["format"] == "json" and r["source"]["file"] == "crawl.jsonl"
               for r in recs)
    assert recs[0]["source"]["url"] == "https://example.com/1" and recs[1]["authors"] == ["Rina"]
    assert [n for _, n in done_files(d.spool)] == ["crawl.jsonl"]
    assert "line 2: malformed JSON" in d.full_log()


run(globals())

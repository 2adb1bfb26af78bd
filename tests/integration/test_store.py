# SPDX-License-Identifier: MIT
"""The archive as an analyst uses it: the daemon stores every record, and the
search, show, stats, export, retro and db commands answer from it."""
import collections
import json
import os
import signal
import subprocess

from harness import (WARTA, Daemon, drop_renamed, records, run, visible, wait_for)

ARTICLES = {
    "latihan.txt": "Prajurit TNI Berlatih di Natuna\n\nPara prajurit berlatih bersama marinir "
                   "dalam latihan gabungan di Natuna. Belarus mengirim pengamat.\n",
    "drone.txt": "Kemhan Melatih Pilot Drone\n\nKementerian Pertahanan melatih pilot pesawat "
                 "tanpa awak di Bandung.\n",
    "minsk.txt": "Joint exercises near Minsk\n\nRussian and Belarusian troops held joint "
                 "exercises. The exercise ended on Friday.\n",
    "rafale.txt": "Presiden Prancis Berkunjung\n\nPresiden Prancis tiba di Jakarta membahas "
                  "pembelian Rafale.\n",
}

RULES = 'rule "latihan" { any = { "latihan", "exercise", "exercises", "berlatih", "melatih" } }\n'


def warta(*args, check=True):
    out = subprocess.run([WARTA, *args], capture_output=True, text=True)
    if check:
        assert out.returncode == 0, (args, out.stdout, out.stderr)
    return out


def start_with_articles(tmp):
    rules = os.path.join(tmp, "rules")
    os.makedirs(rules)
    with open(os.path.join(rules, "a.lua"), "w") as f:
        f.write(RULES)
    d = Daemon(tmp, args=["--rules", rules]).start()
    for name, text in ARTICLES.items():
        drop_renamed(d.inbox, name, text)
    wait_for(lambda: len(records(d.spool)) == len(ARTICLES) and d.quiet(), what="the records")
    return d


def lines(out):
    return [json.loads(l) for l in out.stdout.splitlines()]


def test_search_show_stats_export(tmp):
    d = start_with_articles(tmp)
    assert d.stop() == 0
    spool = ["--spool", d.spool]
    found = lines(warta("search", "latihan", "--json", *spool))
    assert sorted(r["title"] for r in found) == ["Kemhan Melatih Pilot Drone",
                                                 "Prajurit TNI Berlatih di Natuna"]
    assert all(r["snippet"] for r in found)
    assert [r["title"] for r in lines(warta("search", "exercise", "--json", *spool))] == \
        ["Joint exercises near Minsk"]
    assert lines(warta("search", '"latihan gabungan"', "--json", *spool))[0]["title"] == \
        "Prajurit TNI Berlatih di Natuna"
    # Filters without a query: tags from the rules, dates.
    tagged = lines(warta("search", "--tag", "latihan", "--json", *spool))
    assert len(tagged) == 3, tagged
    assert lines(warta("search", "--tag", "latihan", "--since", "2000-01-01", "--until",
                       "2000-12-31", "--json", *spool)) == []
    # A readable table by default, with the count.
    table = warta("search", "rafale", *spool).stdout
    assert "Presiden Prancis Berkunjung" in table and "1 article" in table and "\x1b" not in table

    stats = {r["tag"]: r["count"] for r in lines(warta("stats", "--json", *spool))}
    assert stats == {"latihan": 3}
    # Entities are counted once per article that names them, over any period.
    named = collections.Counter(f'{e["type"]}:{e["name"]}' for r in records(d.spool).values()
                                for e in r.get("entities", []))
    assert len(named) > 5
    for period in ([], ["--since", "1990-01-01", "--until", "2999-12-31"]):
        counted = lines(warta("stats", "--by", "entity", "--json", *period, *spool))
        assert {r["entity"]: r["count"] for r in counted} == dict(named)
        assert [r["count"] for r in counted] == sorted((r["count"] for r in counted), reverse=True)
    days = lines(warta("stats", "--by", "day", "--json", *spool))
    assert sum(r["count"] for r in days) == 4
    assert "████" in warta("stats", "--by", "day", *spool).stdout or \
        "#" in warta("stats", "--by", "day", *spool).stdout

    exported = lines(warta("export", *spool))
    assert len(exported) == 4
    by_id = {r["id"]: r for r in records(d.spool).values()}
    for rec in exported:
        assert rec["text"] == by_id[rec["id"]]["text"]
        assert rec.get("tags", []) == by_id[rec["id"]].get("tags", [])
    one = exported[0]
    shown = json.loads(warta("show", one["id"][:10], *spool).stdout)
    assert shown == one
    assert warta("show", one["id"], "--field", "title", *spool).stdout.strip() == one["title"]
    assert warta("show", "ffffffff", *spool, check=False).returncode == 1
    assert "ok: 4 articles" in warta("db", "check", *spool).stdout


def test_retro_with_and_without_apply(tmp):
    d = start_with_articles(tmp)
    assert d.stop() == 0
    spool = ["--spool", d.spool]
    rule = os.path.join(tmp, "retro.lua")
    with open(rule, "w") as f:
        f.write('rule "prancis" { any = { "Prancis", "France" } }\n'
                'rule "dilatih" { where = function(a) return a:has_tag("latihan") end }\n')
    out = warta("retro", rule, *spool).stdout
    assert "Presiden Prancis Berkunjung" in out and "-> prancis" in out
    assert "3 of 4 article(s) tagged" not in out
    assert "4 of 4 article(s) tagged" in out, out
    assert lines(warta("search", "--tag", "prancis", "--json", *spool)) == []  # unchanged
    warta("retro", rule, "--apply", *spool)
    assert len(lines(warta("search", "--tag", "prancis", "--json", *spool))) == 1
    assert len(lines(warta("search", "--tag", "dilatih", "--json", *spool))) == 3
    # Applying twice changes nothing more.
    warta("retro", rule, "--apply", *spool)
    stats = {r["tag"]: r["count"] for r in lines(warta("stats", "--json", *spool))}
    assert stats == {"latihan": 3, "dilatih": 3, "prancis": 1}, stats


def test_reprocessing_never_duplicates_and_kill_loses_nothing(tmp):
    d = Daemon(tmp, config="batch_max = 16\n").start()
    for i in range(600):
        drop_renamed(d.inbox, f"a-{i:03d}.txt", f"Berita {i}\n\nLatihan nomor {i} di Natuna.\n")
        if i == 300:
            d.kill()  # SIGKILL mid-stream, with batches in flight
            d.start()
    wait_for(lambda: len(records(d.spool)) == 600 and d.quiet(), timeout=120, what="600 records")
    assert d.stop() == 0
    spool = ["--spool", d.spool]
    assert "ok: 600 articles" in warta("db", "check", *spool).stdout
    stored = {r["id"] for r in lines(warta("export", *spool))}
    assert stored == set(records(d.spool)), "the store and the outbox disagree"
    # The same files again: same ids, no second row.
    d2 = Daemon(tmp, spool=d.spool).start()
    for i in range(0, 600, 50):
        drop_renamed(d2.inbox, f"lagi-{i:03d}.txt", f"Berita {i}\n\nLatihan nomor {i} di Natuna.\n")
    wait_for(lambda: d2.quiet(), what="the duplicates")
    assert d2.stop() == 0
    assert "ok: 600 articles" in warta("db", "check", *spool).stdout


def test_import_and_missing_store(tmp):
    out = warta("search", "x", "--db", os.path.join(tmp, "nope.db"), check=False)
    assert out.returncode == 1 and "no store" in out.stderr
    path = os.path.join(tmp, "records.jsonl")
    # As `cat outbox/*.json` makes it: each record ends in a newline of its own.
    with open(path, "w") as f:
        f.write(json.dumps({"id": "c" * 32, "received": "2026-01-02T00:00:00Z",
                            "title": "Impor", "text": "Kapal selam diimpor."}) + "\n\n")
        f.write("not a record\n")
        f.write(json.dumps({"id": "d" * 32, "received": "2026-01-03T00:00:00Z",
                            "title": "Ekspor", "text": "Kapal perang diekspor."}) + "\n \n")
    db = os.path.join(tmp, "impor.db")
    out = warta("db", "import", path, "--db", db)
    assert "2 record(s) imported" in out.stdout and "1 line(s)" in out.stdout
    assert lines(warta("search", "selam", "--json", "--db", db))[0]["title"] == "Impor"
    assert {r["title"] for r in lines(warta("search", "kapal", "--json", "--db", db))} == \
        {"Impor", "Ekspor"}



def test_stats_sum_over_days(tmp):
    """Counts of tags and entities add up across the days their articles are dated."""
    path, db = os.path.join(tmp, "days.jsonl"), os.path.join(tmp, "days.db")
    days = ["2026-03-01", "2026-03-01", "2026-03-02", "2026-03-05"]
    with open(path, "w") as f:
        for i, day in enumerate(days):
            entities = [{"type": "country", "name": "Belarus", "code": "BY"}]
            if i % 2 == 0:
                entities.append({"type": "org", "name": "TNI"})
            tags = [{"name": "latihan"}] + ([{"name": "natuna"}] if i == 0 else [])
            f.write(json.dumps({"id": f"{i:032x}", "received": f"{day}T08:00:00Z",
                                "title": f"Hari {i}", "text": "Latihan gabungan.",
                                "tags": tags, "entities": entities}) + "\n")
    warta("db", "import", path, "--db", db)
    by_entity = lines(warta("stats", "--by", "entity", "--json", "--db", db))
    assert by_entity == [{"entity": "country:Belarus", "count": 4},
                         {"entity": "org:TNI", "count": 2}], by_entity
    since = lines(warta("stats", "--by", "entity", "--since", "2026-03-02", "--json", "--db", db))
    assert since == [{"entity": "country:Belarus", "count": 2}, {"entity": "org:TNI", "count": 1}]
    by_tag = lines(warta("stats", "--by", "tag", "--until", "2026-03-02", "--json", "--db", db))
    assert by_tag == [{"tag": "latihan", "count": 3}, {"tag": "natuna", "count": 1}], by_tag


run(globals())

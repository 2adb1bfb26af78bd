# SPDX-License-Identifier: MIT
"""Articles in the style of each outlet family, through the whole analysis
chain, checked field by field against what an analyst would write down:
the cleaned text, title, outlet, dateline, authors, dates, comments, spam.

Each tests/fixtures/articles/NAME.txt has NAME.expect.json beside it; every
key there must match the record exactly (dates as their text and ISO value,
removed_kinds as the set of kinds in removed[], lang as lang.code). Besides, for every article:
nothing removed as junk is left in the text, and every date in dates[] is
read from the text itself, not from removed lines."""
import glob
import json
import os
import subprocess

from harness import WARTA, Daemon, drop_renamed, records, run, wait_for

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "articles")
JUNK = {"promo", "related", "caption", "credit", "comments", "footer", "spam", "tags", "ui",
        "pagination", "syndication"}


def analyze(path):
    out = subprocess.run([WARTA, "analyze", path], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def expected(name):
    with open(os.path.join(FIXTURES, name + ".expect.json"), encoding="utf-8") as f:
        return json.load(f)


def check(name, rec):
    want = expected(name)
    for key, value in want.items():
        if key == "dates":
            got = [{"text": d["text"], "date": d.get("date")} for d in rec.get("dates") or []]
        elif key == "removed_kinds":
            got = sorted({r["kind"] for r in rec.get("removed", [])})
        elif key == "lang":
            got = rec.get("lang", {}).get("code")
        elif key == "spam_evidence":
            got = rec.get("spam", {}).get("evidence")
        else:
            got = rec.get(key)
        assert got == value, f"{name}: {key}:\n  want {value!r}\n  got  {got!r}"
    text = rec["text"]
    for r in rec.get("removed", []):
        if r["kind"] in JUNK:
            for line in r["text"].splitlines():
                if len(line.split()) >= 3:
                    assert line not in text, f"{name}: removed {r['kind']} left in text: {line!r}"
    for d in rec.get("dates") or []:
        assert d["text"] in text, f"{name}: date {d['text']!r} is not from the text"
    for c in rec.get("comments") or []:
        assert c["text"] not in text, f"{name}: a comment is in the text"


def fixture_names():
    return sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(FIXTURES, "*.txt")))


def make_test(name):
    def test(tmp):
        check(name, analyze(os.path.join(FIXTURES, name + ".txt")))
    return test


for _name in fixture_names():
    globals()["test_" + _name.replace("-", "_")] = make_test(_name)


def test_the_daemon_writes_the_same_records(tmp):
    d = Daemon(tmp).start()
    names = fixture_names()
    for name in names:
        with open(os.path.join(FIXTURES, name + ".txt"), encoding="utf-8") as f:
            drop_renamed(d.inbox, name + ".txt", f.read())
    wait_for(lambda: len(records(d.spool)) == len(names) and d.quiet(), what="the records")
    assert d.stop() == 0
    for rec in records(d.spool).values():
        check(rec["source"]["file"][:-4], rec)


def test_the_fixtures_cover_the_outlet_families(tmp):
    outlets = {expected(n).get("outlet") for n in fixture_names()} - {None}
    assert len(outlets) >= 18, sorted(outlets)
    assert {"Airspace Review", "Indonesia Defense Magazine", "JakartaGreater",
            "Indomiliter"} <= outlets
    assert any(expected(n).get("comments") for n in fixture_names())
    assert any(expected(n).get("spam_evidence") for n in fixture_names())


run(globals())

# SPDX-License-Identifier: MIT
"""Articles in the style of each outlet family, through the whole analysis
chain, checked field by field against what an analyst would write down:
the cleaned text, title, outlet, dateline, authors, dates, comments, spam.

Each tests/fixtures/articles/NAME.txt (as pasted or crawled) or NAME.html
(the outlet's page, for ingest_html) has NAME.expect.json beside it; every
key there must match the record exactly (dates as their text and ISO value,
removed_kinds as the set of kinds in removed[], lang as lang.code;
countries, people, orgs and equipment as the sorted codes or names of
those entities, speakers as the sorted names quotes[] credit, quantities as the
texts of quantities[]). Besides, for every article: nothing removed as junk
is left in the text, every date in dates[] is read from the text itself,
not from removed lines, every entity mention's offsets point at one of its
spellings in the text (or at one with the acronym the text defines for it
in brackets: one mention), and every quotation is in the text."""
import glob
import json
import os
import re
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
        elif key == "countries":
            got = sorted(e["code"] for e in rec.get("entities", []) if e["type"] == "country")
        elif key in ("people", "equipment", "orgs"):
            kind = {"people": "person", "equipment": "equipment", "orgs": "org"}[key]
            got = sorted(e["name"] for e in rec.get("entities", []) if e["type"] == kind)
        elif key == "speakers":
            got = sorted({q["speaker"] for q in rec.get("quotes", []) if q.get("speaker")})
        elif key == "quantities":
            got = [q["text"] for q in rec.get("quantities", [])]
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
    for e in rec.get("entities", []):
        spellings = {e["name"], *e["aliases"]}
        assert e["mentions"] >= len(e["offsets"]) > 0, f"{name}: {e['name']}: mentions"
        for start, end in e["offsets"]:
            # A name and the acronym the text defines for it are one mention: "... (IRGC)".
            said = re.sub(r"^(.*\S) \((\S+)\)$", r"\1", text[start:end])
            defined = text[start:end][len(said):].strip(" ()")
            assert text[start:end] in spellings or \
                (said in spellings and (not defined or defined in spellings)), \
                f"{name}: {e['name']} at {start}-{end} is {text[start:end]!r}"
    for q in rec.get("quotes", []):
        assert q["text"] in text, f"{name}: quotation not in the text: {q['text']!r}"


def fixture_files():
    return sorted(os.path.basename(p) for ext in ("txt", "html")
                  for p in glob.glob(os.path.join(FIXTURES, "*." + ext)))


def fixture_names():
    return [os.path.splitext(f)[0] for f in fixture_files()]


def make_test(file):
    def test(tmp):
        check(os.path.splitext(file)[0], analyze(os.path.join(FIXTURES, file)))
    return test


for _file in fixture_files():
    globals()["test_" + os.path.splitext(_file)[0].replace("-", "_")] = make_test(_file)


def test_the_daemon_writes_the_same_records(tmp):
    d = Daemon(tmp).start()
    files = fixture_files()
    for file in files:
        with open(os.path.join(FIXTURES, file), encoding="utf-8") as f:
            drop_renamed(d.inbox, file, f.read())
    wait_for(lambda: len(records(d.spool)) == len(files) and d.quiet(), what="the records")
    assert d.stop() == 0
    for rec in records(d.spool).values():
        check(os.path.splitext(rec["source"]["file"])[0], rec)


def test_the_fixtures_cover_the_outlet_families(tmp):
    outlets = {expected(n).get("outlet") for n in fixture_names()} - {None}
    assert len(outlets) >= 18, sorted(outlets)
    assert {"Airspace Review", "Indonesia Defense Magazine", "JakartaGreater",
            "Indomiliter"} <= outlets
    assert any(expected(n).get("comments") for n in fixture_names())
    assert any(expected(n).get("spam_evidence") for n in fixture_names())


def test_a_syndicated_copy_is_a_near_duplicate(tmp):
    """A blog's copy of a Republika story, under its own header, lists the
    original in duplicates[]; the original lists nothing; both credit the
    same speaker and name the same people and countries."""
    folder = os.path.join(FIXTURES, "..", "syndicated")
    d = Daemon(tmp).start()
    for name in ("original.txt", "copy.txt"):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            drop_renamed(d.inbox, name, f.read())
        wait_for(lambda: name in {r["source"]["file"] for r in records(d.spool).values()},
                 what=name)
    assert d.stop() == 0
    by_file = {r["source"]["file"]: r for r in records(d.spool).values()}
    original, copy = by_file["original.txt"], by_file["copy.txt"]
    assert "duplicates" not in original
    assert copy["duplicates"] == [original["id"]]
    for rec in (original, copy):
        people = [e["name"] for e in rec["entities"] if e["type"] == "person"]
        assert people == ["Alexander Mikheev"], people
        assert {q["speaker"] for q in rec["quotes"]} == {"Alexander Mikheev"}
        codes = {e["code"] for e in rec["entities"] if e["type"] == "country"}
        assert codes == {"RU", "ID", "US"}, codes
    # The archive answers the same, both ways, and finds Russia by its code.
    def search(*args):
        out = subprocess.run([WARTA, "search", "-c", d.config, "--spool", d.spool, "--json",
                              *args], capture_output=True, text=True, check=False)
        assert out.returncode == 0, out.stderr
        return sorted(json.loads(line)["id"] for line in out.stdout.splitlines())

    assert search("--duplicates-of", original["id"]) == [copy["id"]]
    assert search("--duplicates-of", copy["id"][:8]) == [original["id"]]
    assert search("--entity", "country:RU") == sorted([original["id"], copy["id"]])


run(globals())

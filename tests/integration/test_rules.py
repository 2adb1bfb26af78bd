# SPDX-License-Identifier: MIT
"""Rules in the running daemon and in the rule writer's commands: tags in the
records, hostile rules stopped alone, hot reload, broken sets refused."""
import json
import os
import signal
import subprocess
import sys

from harness import (WARTA, Daemon, drop_renamed, records, run, visible, wait_for,
                     write_config)

BUNDLED_RULES = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "scripts/rules"

GOOD = """
rule "latihan" { tags = { "latihan_militer" }, any = { "latihan gabungan", "Zapad" } }
rule "rusia" { any = list "negara", min_hits = 2 }
list "negara" { file = "lists/negara.txt" }
"""

HOSTILE = """
rule "spin" { where = function(a) while true do end end }
rule "pcall-spin" { where = function(a) while true do pcall(function() while true do end end) end end }
rule "rep" { where = function(a) return #string.rep("x", 2^30) end }
rule "grow" { where = function(a) local t = {} while true do t[#t + 1] = { 1, 2, 3 } end end }
rule "concat" { where = function(a) local s = "ab" while true do s = s .. s end end }
rule "escape" { where = function(a) return load or io or os or require or debug.sethook end }
rule "runtime" { where = function(a) return a.title .. nil end }
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # Editors save by writing a new file and renaming it over the old one.
    with open(path + ".new", "w") as f:
        f.write(text)
    os.rename(path + ".new", path)


def rules_dir(tmp, files):
    path = os.path.join(tmp, "rules")
    for name, text in files.items():
        write(os.path.join(path, name), text)
    return path


def by_file(spool):
    return {rec["source"]["file"]: rec for rec in records(spool).values()}


def tag_names(rec):
    return sorted(t["name"] for t in rec.get("tags", []))


def text_about(i, body):
    return f"Berita nomor {i}\n\n{body} Paragraf penutup nomor {i}.\n"


def drop_and_wait(d, name, text):
    drop_renamed(d.inbox, name, text)
    wait_for(lambda: name in by_file(d.spool), timeout=30, what=f"the record of {name}")
    return by_file(d.spool)[name]


def test_hostile_rules_stop_alone_in_the_daemon(tmp):
    rules = rules_dir(tmp, {"a-good.lua": GOOD, "b-hostile.lua": HOSTILE,
                            "lists/negara.txt": "Rusia\nBelarus\n"})
    d = Daemon(tmp, config="rule_quarantine_after = 3\nrule_timeout_ms = 500\n",
               args=["--rules", rules]).start()
    for i in range(60):
        drop_renamed(d.inbox, f"berita-{i:02d}.txt",
                     text_about(i, "Latihan gabungan Zapad oleh Rusia dan Belarus."))
    wait_for(lambda: len(records(d.spool)) == 60 and d.quiet(), timeout=120, what="60 records")
    assert d.alive()
    recs = by_file(d.spool)
    for name, rec in recs.items():
        assert tag_names(rec) == ["latihan_militer", "rusia"], (name, rec["tags"])
    # Every hostile rule failed on some article, with the kind of failure named...
    kinds = {}
    for rec in recs.values():
        for e in rec["rule_errors"]:
            kinds.setdefault(e["rule"], set()).add(e["kind"])
    assert kinds.keys() == {"spin", "pcall-spin", "rep", "grow", "concat", "escape", "runtime"}, kinds
    assert kinds["spin"] == {"instructions"} and kinds["pcall-spin"] == {"instructions"}, kinds
    assert kinds["rep"] == {"memory"} and kinds["concat"] == {"memory"}, kinds
    assert kinds["escape"] == {"error"} and kinds["runtime"] == {"error"}, kinds
    # ...and then stopped being called: quarantined after three failures in a row.
    failing = sum(len(rec["rule_errors"]) for rec in recs.values())
    assert failing <= 7 * (3 + 8), failing  # three in a row, plus those already running
    assert "quarantined until the rule set changes" in d.new_log()
    assert d.stop() == 0


def test_a_saved_rule_is_swapped_in_and_a_broken_one_is_not(tmp):
    rules = rules_dir(tmp, {"a.lua": GOOD, "lists/negara.txt": "Rusia\nBelarus\n"})
    d = Daemon(tmp, args=["--rules", rules]).start()
    body = "Latihan gabungan Rusia dan Belarus di dekat Ukraina dan Ukraina."
    first = drop_and_wait(d, "satu.txt", text_about(1, body))
    assert tag_names(first) == ["latihan_militer", "rusia"]

    # A new rule file: the next article gets its tag and a new rules_version.
    write(os.path.join(rules, "b.lua"), 'rule "ukraina" { any = "Ukraina", min_hits = 2 }\n')
    wait_for(lambda: "rules reloaded" in d.new_log(), timeout=30, what="the reload")
    second = drop_and_wait(d, "dua.txt", text_about(2, body))
    assert tag_names(second) == ["latihan_militer", "rusia", "ukraina"]
    assert second["rules_version"] != first["rules_version"]

    # A broken file: reported with its line, the running set stays.
    write(os.path.join(rules, "c.lua"), 'rule "rusak" {\n  any = { "x" \n}\n')
    wait_for(lambda: "not reloaded" in d.new_log(), timeout=30, what="the refused reload")
    assert "c.lua:4: '}' expected" in d.new_log()
    third = drop_and_wait(d, "tiga.txt", text_about(3, body))
    assert tag_names(third) == tag_names(second)
    assert third["rules_version"] == second["rules_version"]

    # Fixing it and changing a list file both reload.
    os.remove(os.path.join(rules, "c.lua"))
    write(os.path.join(rules, "lists", "negara.txt"), "Ukraina\n")
    wait_for(lambda: d.new_log().count("rules reloaded") >= 2, timeout=30, what="the list reload")
    fourth = drop_and_wait(d, "empat.txt", text_about(4, body))
    assert tag_names(fourth) == ["latihan_militer", "rusia", "ukraina"]
    fifth = drop_and_wait(d, "lima.txt", text_about(5, "Latihan gabungan Rusia dan Belarus."))
    assert tag_names(fifth) == ["latihan_militer"]  # the list no longer has Rusia or Belarus
    assert d.stop() == 0


def test_reload_under_load_loses_nothing(tmp):
    rules = rules_dir(tmp, {"a.lua": 'rule "v1" { any = "latihan" }\n'})
    d = Daemon(tmp, args=["--rules", rules]).start()
    for i in range(400):
        drop_renamed(d.inbox, f"beban-{i:03d}.txt", text_about(i, "Latihan gabungan."))
        if i == 200:
            write(os.path.join(rules, "a.lua"), 'rule "v2" { any = "latihan" }\n')
    wait_for(lambda: len(records(d.spool)) == 400 and d.quiet(), timeout=120, what="400 records")
    recs = by_file(d.spool)
    for name, rec in recs.items():
        # Each article ran whole with one set or the other, never a mix.
        assert tag_names(rec) in (["v1"], ["v2"]), (name, rec["tags"])
    assert tag_names(recs["beban-000.txt"]) == ["v1"]
    wait_for(lambda: "rules reloaded" in d.new_log(), timeout=30, what="the reload")
    last = drop_and_wait(d, "akhir.txt", text_about(999, "Latihan."))
    assert tag_names(last) == ["v2"]
    assert d.stop() == 0


def test_sighup_reloads_the_configured_rules_directory(tmp):
    one = rules_dir(tmp, {"a.lua": 'rule "satu" { any = "latihan" }\n'})
    two = os.path.join(tmp, "rules-dua")
    write(os.path.join(two, "a.lua"), 'rule "dua" { any = "latihan" }\n')
    d = Daemon(tmp, config=f'rules = "{one}"\n').start()
    assert tag_names(drop_and_wait(d, "a.txt", text_about(1, "Latihan."))) == ["satu"]
    write_config(d.config, f'settle_ms = 100\nrules = "{two}"\n')
    d.signal(signal.SIGHUP)
    wait_for(lambda: "rules reloaded" in d.new_log(), timeout=30, what="the reload")
    assert tag_names(drop_and_wait(d, "b.txt", text_about(2, "Latihan."))) == ["dua"]
    assert d.stop() == 0
    # The statistics of the running set are left in the state directory.
    out = subprocess.run([WARTA, "rules", "stats", "-c", d.config, "--state",
                          os.path.join(d.spool, "state")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "dua" in out.stdout and "a.lua" in out.stdout, out.stdout


def test_broken_rules_stop_the_start_with_every_problem(tmp):
    rules = rules_dir(tmp, {"a.lua": 'rule "a" { anyy = "x" }\nrule "b" { regex = "(" }\n'})
    d = Daemon(tmp, args=["--rules", rules]).start(wait_ready=False)
    assert d.wait() == 3
    log = d.full_log()
    assert "a.lua:1: rule 'a': unknown field 'anyy'" in log, log
    assert "a.lua:2: rule 'b': regex '('" in log, log


def test_rules_check(tmp):
    good = rules_dir(tmp, {"a.lua": GOOD, "lists/negara.txt": "Rusia\n"})
    out = subprocess.run([WARTA, "rules", "check", good], capture_output=True, text=True)
    assert out.returncode == 0 and "2 rules" in out.stdout, out
    bad = os.path.join(tmp, "bad")
    write(os.path.join(bad, "x.lua"), 'rule "a" { any = list "nope" }\nrule "a" { any = "y" }\n')
    write(os.path.join(bad, "y.lua"), "rule 'c' {\n")
    out = subprocess.run([WARTA, "rules", "check", bad], capture_output=True, text=True)
    assert out.returncode == 3, out
    assert f"{bad}/x.lua:1: rule 'a': no list 'nope' is defined" in out.stderr, out.stderr
    assert f"{bad}/x.lua:2: rule 'a' is already defined at x.lua:1" in out.stderr, out.stderr
    assert f"{bad}/y.lua:2:" in out.stderr, out.stderr


def test_rules_test_reports_cases_and_scores(tmp):
    rules = rules_dir(tmp, {
        "a.lua": 'rule "militer" { any = "latihan gabungan", none = "timnas" }\n',
        "tests/ya.txt": "Latihan gabungan TNI\n\nPasukan menggelar latihan gabungan.\n",
        "tests/ya.expect": "militer\n",
        "tests/bola.txt": "Timnas latihan gabungan\n\nTimnas berlatih.\n",
        "tests/bola.expect": "!militer\n",
        "tests/salah.txt": "Latihan biasa\n\nTidak ada apa-apa.\n",
        "tests/salah.expect": "# this one must fail\nmiliter\n",
    })
    out = subprocess.run([WARTA, "rules", "test", rules], capture_output=True, text=True)
    assert out.returncode == 1, out
    assert "PASS ya" in out.stdout and "PASS bola" in out.stdout, out.stdout
    assert "FAIL salah: missing 'militer'" in out.stdout, out.stdout
    line = next(l for l in out.stdout.splitlines() if l.startswith("militer "))
    assert line.split()[1:] == ["1", "0", "1", "1.00", "0.50"], line
    assert "2 passed, 1 failed" in out.stdout


def test_bundled_rule_pack_passes_its_examples(tmp):
    out = subprocess.run([WARTA, "rules", "test", BUNDLED_RULES], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert " 0 failed" in out.stdout


def test_analyze_with_rules(tmp):
    rules = rules_dir(tmp, {"a.lua": GOOD, "lists/negara.txt": "Rusia\nBelarus\n"})
    path = os.path.join(tmp, "x.txt")
    write(path, text_about(1, "Latihan gabungan Zapad oleh Rusia dan Belarus."))
    out = subprocess.run([WARTA, "analyze", "--rules", rules, path], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    assert tag_names(rec) == ["latihan_militer", "rusia"]
    assert rec["rule_errors"] == [] and len(rec["rules_version"]) == 16
    out = subprocess.run([WARTA, "analyze", "--rules", os.path.join(tmp, "nope"), path],
                         capture_output=True, text=True)
    assert out.returncode == 3, out


run(globals())

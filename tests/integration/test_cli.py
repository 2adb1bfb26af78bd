# SPDX-License-Identifier: MIT
"""The command line: analyze, plugins, config check, version, help, exit codes."""
import json
import os
import subprocess

from harness import BUILD, TEST_PLUGINS, WARTA, article, cleaned_body, run, write_config


def warta(*args, stdin=None, cwd=None):
    return subprocess.run([WARTA, *args], input=stdin, capture_output=True, cwd=cwd)


def test_analyze_prints_one_record_per_line(tmp):
    a = os.path.join(tmp, "satu.txt")
    b = os.path.join(tmp, "dua.txt")
    write_config(a, article(1))
    write_config(b, article(2))
    p = warta("analyze", a, b, cwd=tmp)
    assert p.returncode == 0, p.stderr
    recs = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [r["source"]["file"] for r in recs] == ["satu.txt", "dua.txt"]
    assert recs[0]["text"] == cleaned_body(article(1))
    # No spool is touched.
    assert sorted(os.listdir(tmp)) == ["dua.txt", "satu.txt"]


def test_analyze_timings_name_every_stage(tmp):
    a = os.path.join(tmp, "satu.txt")
    b = os.path.join(tmp, "dua.txt")
    conf = os.path.join(tmp, "warta.conf")
    write_config(a, article(1))
    write_config(b, article(2))
    write_config(conf, "pipeline = { 'ingest_text', 'normalize', 'clean', 'dates' }\n")
    p = warta("analyze", "--timings", "-c", conf, a, b, cwd=tmp)
    assert p.returncode == 0, p.stderr
    # The records are on stdout as ever; the table on stderr.
    assert len(p.stdout.decode().splitlines()) == 2
    rows = {}
    for line in p.stderr.decode().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].endswith("%") and parts[0] != "stage":
            rows[parts[0]] = (float(parts[1]), float(parts[2][:-1]))
    assert list(rows) == ["(ingest)", "normalize", "clean", "dates", "(rules)", "(record)",
                          "(total)"], p.stderr
    assert all(us >= 0 for us, _ in rows.values())
    assert rows["(total)"][0] > 0 and rows["(total)"][1] == 100.0
    parts = sum(us for name, (us, _) in rows.items() if name != "(total)")
    assert abs(parts - rows["(total)"][0]) <= 0.1 * len(rows)
    # Without the flag, no table.
    p = warta("analyze", "-c", conf, a, cwd=tmp)
    assert "us/article" not in p.stderr.decode()


def test_analyze_reads_stdin(tmp):
    p = warta("analyze", "-", stdin="Judul dari stdin\n\nIsi.\n".encode())
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert rec["title"] == "Judul dari stdin" and rec["source"]["file"] == "stdin"


def test_analyze_reports_inputs_without_a_record(tmp):
    good = os.path.join(tmp, "baik.txt")
    write_config(good, article(1))
    binary = os.path.join(tmp, "biner.bin")
    with open(binary, "wb") as f:
        f.write(b"%PDF-1.4 ...")
    p = warta("analyze", good, binary, os.path.join(tmp, "tidak-ada.txt"))
    assert p.returncode == 1
    assert len(p.stdout.decode().splitlines()) == 1
    err = p.stderr.decode()
    assert "biner.bin': refused: a PDF document" in err
    assert "tidak-ada.txt': No such file or directory" in err


def test_plugins_lists_builtin_and_external(tmp):
    conf = write_config(os.path.join(tmp, "w.conf"), f"plugin_dir = '{TEST_PLUGINS}'\n")
    p = warta("plugins", "-c", conf)
    assert p.returncode == 0
    out = p.stdout.decode()
    for name in ("ingest_text", "out_files", "out_jsonl", "test_faults", "test_full_disk"):
        assert name in out, name
    assert "path (string, default \"articles.jsonl\")" in out
    assert "test_faults.so" in out
    assert "test_bad_abi" not in out
    assert "was built for ABI version 2, this warta has 1, skipping" in p.stderr.decode()


def test_config_check(tmp):
    good = write_config(os.path.join(tmp, "baik.conf"), "durability = 'fast'\npipeline = { 'ingest_text', { 'out_jsonl', path = 'x.jsonl' } }\n")
    p = warta("config", "check", "-c", good, cwd=tmp)
    assert p.returncode == 0, p.stderr
    assert "ok (1 ingest, 0 analysis, 1 output plugins)" in p.stdout.decode()
    assert not os.path.exists(os.path.join(tmp, "spool")), "config check must not create a spool"
    for text, message in [("spool = 1\n", "key 'spool' must be a non-empty string"),
                          ("bogus = true\n", "unknown key 'bogus'"),
                          ("pipeline = { 'ingest_text', { 'out_jsonl', pth = 'x' } }\n", "plugin 'out_jsonl': unknown option 'pth'"),
                          ("x = \n", "unexpected symbol")]:
        bad = write_config(os.path.join(tmp, "buruk.conf"), text)
        p = warta("config", "check", "-c", bad)
        assert p.returncode == 3, (text, p.returncode)
        assert message in p.stderr.decode(), (text, p.stderr)
        assert "buruk.conf" in p.stderr.decode()


def test_the_shipped_sample_config_is_valid(tmp):
    sample = os.path.join(os.path.dirname(__file__), "..", "..", "etc", "warta.conf")
    p = warta("config", "check", "-c", sample)
    assert p.returncode == 0, p.stderr


def test_version_help_and_usage_errors(tmp):
    p = warta("version")
    assert p.returncode == 0 and p.stdout.decode().startswith("warta ")
    p = warta("help")
    assert p.returncode == 0 and "exit codes" in p.stdout.decode()
    for command in ("daemon", "analyze", "plugins", "config"):
        p = warta("help", command)
        assert p.returncode == 0 and f"usage: warta {command}" in p.stdout.decode()
        p = warta(command, "--help")
        assert p.returncode == 0 and f"usage: warta {command}" in p.stdout.decode()
    assert warta("frobnicate").returncode == 2
    assert warta().returncode == 2
    assert warta("analyze").returncode == 2
    assert warta("daemon", "--no-such-flag").returncode == 2
    assert warta("daemon", "extra").returncode == 2


run(globals())

# SPDX-License-Identifier: MIT
"""Shared helpers for the end-to-end tests: start the real daemon on a
temporary spool, drop files the way producers do, and read what it wrote.

Each test script calls run(globals()): every function named test_* runs in
order with a fresh temporary directory, and the results are printed as TAP.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

WARTA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/warta"
BUILD = os.path.dirname(WARTA)
TEST_PLUGINS = os.path.join(BUILD, "tests", "plugins")
# The checkout the tests belong to (this file is SOURCE/tests/integration/harness.py).
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

WORDS = ("pasukan latihan gabungan militer pertahanan menteri presiden rusia belarus "
         "indonesia rudal sistem kapal selam pesawat tempur kerja sama perjanjian "
         "wilayah perbatasan laut natuna tentara angkatan udara darat negara").split()


def article(i, size=2048, seed="artikel"):
    """A deterministic, unique article text of about `size` bytes."""
    rng = random.Random(f"{seed}-{i}")
    lines = [f"Judul {seed} nomor {i}: {rng.choice(WORDS).title()} {rng.choice(WORDS)}", ""]
    body, length = [], 0
    while length < size:
        body.append(rng.choice(WORDS))
        length += len(body[-1]) + 1
    lines.append(f"JAKARTA - {' '.join(body)} ({i}).")
    return "\n".join(lines) + "\n"


def cleaned_body(text):
    """What the text stages keep of article(): the lede without its headline and dateline."""
    return text.strip().splitlines()[-1].removeprefix("JAKARTA - ")


def drop_in_place(inbox, name, data):
    """Like cp: create, write, close in the inbox itself."""
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(inbox, name), mode) as f:
        f.write(data)


def drop_renamed(inbox, name, data):
    """Like a careful producer: write under a temporary name, then rename in."""
    tmp = os.path.join(inbox, f".{name}.tmp")
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(tmp, mode) as f:
        f.write(data)
    os.rename(tmp, os.path.join(inbox, name))


def wait_for(predicate, timeout=30.0, interval=0.05, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def listdir(path):
    try:
        return [n for n in os.listdir(path)]
    except FileNotFoundError:
        return []


def visible(path):
    return [n for n in listdir(path) if not n.startswith(".")]


def records(spool):
    """id -> record, for every outbox/ID.json."""
    out = {}
    for name in visible(os.path.join(spool, "outbox")):
        with open(os.path.join(spool, "outbox", name)) as f:
            rec = json.load(f)
        assert name == rec["id"] + ".json", f"{name} holds record {rec['id']}"
        out[rec["id"]] = rec
    return out


def done_files(spool):
    """Every original in done/, as (day, name)."""
    out = []
    for day in listdir(os.path.join(spool, "done")):
        for name in listdir(os.path.join(spool, "done", day)):
            out.append((day, name))
    return out


def failed_files(spool):
    return sorted(n for n in listdir(os.path.join(spool, "failed")) if not n.endswith(".error.json"))


def failure_reason(spool, name):
    with open(os.path.join(spool, "failed", name + ".error.json")) as f:
        return json.load(f)["reason"]


def write_config(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


_DAEMONS = []  # started in the current test; killed if the test leaves them running


class Daemon:
    """The real warta daemon on a spool, with its log in a file."""

    def __init__(self, tmp, spool=None, config="", args=(), env=None):
        self.tmp = tmp
        self.spool = spool or os.path.join(tmp, "spool")
        self.inbox = os.path.join(self.spool, "inbox")
        self.config = write_config(os.path.join(tmp, "warta.conf"),
                                   "settle_ms = 100\nlog_level = 'info'\n" + config)
        self.args = list(args)
        self.env = dict(os.environ, **(env or {}))
        self.log_path = os.path.join(tmp, "daemon.log")
        self.proc = None
        self.starts = 0
        _DAEMONS.append(self)

    def start(self, wait_ready=True):
        self.log = open(self.log_path, "ab")
        self.log_offset = self.log.tell()
        self.proc = subprocess.Popen(
            [WARTA, "daemon", "-c", self.config, "--spool", self.spool] + self.args,
            stdout=self.log, stderr=self.log, env=self.env)
        self.starts += 1
        if wait_ready:
            wait_for(lambda: "ready: drop article files" in self.new_log() or self.proc.poll() is not None,
                     timeout=30, what="the daemon to be ready")
            assert self.proc.poll() is None, f"daemon exited at start:\n{self.new_log()}"
        return self

    def new_log(self):
        """What this run of the daemon logged so far."""
        with open(self.log_path, "rb") as f:
            f.seek(self.log_offset)
            return f.read().decode("utf-8", "replace")

    def full_log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def signal(self, signum):
        self.proc.send_signal(signum)

    def wait(self, timeout=30):
        try:
            return self.proc.wait(timeout)
        finally:
            self.log.close()

    def stop(self, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.wait(timeout)

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        return self.wait()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def quiet(self):
        """Nothing left to claim or finish."""
        return not visible(self.inbox) and not listdir(os.path.join(self.spool, "work"))


def run(namespace):
    tests = [(n, f) for n, f in namespace.items() if n.startswith("test_") and callable(f)]
    print(f"1..{len(tests)}", flush=True)
    failed = 0
    for i, (name, fn) in enumerate(tests, 1):
        tmp = tempfile.mkdtemp(prefix="warta-it-")
        started = time.monotonic()
        try:
            fn(tmp)
            print(f"ok {i} - {name} ({time.monotonic() - started:.1f}s)", flush=True)
        except SkipTest as e:
            print(f"ok {i} - {name} # SKIP {e}", flush=True)
        except Exception:
            failed += 1
            print(f"not ok {i} - {name}", flush=True)
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
            log = os.path.join(tmp, "daemon.log")
            if os.path.exists(log):
                print("# daemon log (tail):")
                with open(log, errors="replace") as f:
                    for line in f.read().splitlines()[-30:]:
                        print(f"#   {line}")
        finally:
            for daemon in _DAEMONS:
                if daemon.alive():
                    daemon.proc.kill()
                    daemon.proc.wait()
            _DAEMONS.clear()
            shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if failed else 0)


class SkipTest(Exception):
    pass



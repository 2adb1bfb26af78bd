# SPDX-License-Identifier: MIT
"""systemd integration: readiness, status, watchdog and reload notifications; the unit's hardening."""
import os
import shutil
import signal
import socket
import subprocess

from harness import BUILD, SOURCE, Daemon, SkipTest, article, drop_in_place, records, run, wait_for


def test_notify_protocol(tmp):
    path = os.path.join(tmp, "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(10)
    messages = []

    def seen(text):
        while not any(text in m for m in messages):
            messages.append(sock.recv(4096).decode())
        return True

    d = Daemon(tmp, env={"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "400000"})
    d.start(wait_ready=False)
    assert seen("READY=1")
    drop_in_place(d.inbox, "a.txt", article(1))
    wait_for(lambda: len(records(d.spool)) == 1, what="a record")
    assert seen("WATCHDOG=1")
    assert seen("STATUS=1 recorded, 0 duplicates, 0 failed")
    d.signal(signal.SIGHUP)
    assert seen("RELOADING=1")
    messages.clear()
    assert seen("READY=1")
    d.signal(signal.SIGTERM)
    assert seen("STOPPING=1")
    assert d.wait(10) == 0
    sock.close()


def test_unit_passes_systemd_analyze_security(tmp):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        raise SkipTest("systemd-analyze is not installed")
    # The unit in the repository as it stands, and the one meson installs.
    for unit in (os.path.join(SOURCE, "etc", "warta.service"), os.path.join(BUILD, "etc", "warta.service")):
        p = subprocess.run([analyze, "security", "--offline=yes", "--threshold=20", unit],
                           capture_output=True)
        assert p.returncode == 0, unit + ": " + p.stdout.decode()[-2000:] + p.stderr.decode()
        out = p.stdout.decode()
        assert "Overall exposure level for warta.service" in out, unit
        level = float(out.split("Overall exposure level for warta.service:")[1].split()[0])
        assert level <= 2.0, (unit, level)


def test_unit_names_the_real_binary_and_reload(tmp):
    with open(os.path.join(BUILD, "etc", "warta.service")) as f:
        unit = f.read()
    assert "Type=notify" in unit
    assert "ExecReload=/bin/kill -HUP $MAINPID" in unit
    assert "/warta daemon -c " in unit
    for key in ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "ProtectHome=yes",
                "RestrictAddressFamilies=AF_UNIX", "SystemCallFilter=@system-service",
                "ReadWritePaths=/var/spool/warta /var/lib/warta"):
        assert key in unit, key


run(globals())

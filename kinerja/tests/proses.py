"""Kinerja as separate processes on a SQLite file, as `make run` runs it: the web server and the
worker side by side, for the tests of what only shows between processes (a worker killed in
the middle of a job, the web approving an import while the worker writes)."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]


def lingkungan(folder, **lain):
    """Environment of a Kinerja whose database, media and cache live in `folder`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "PYTEST"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "kinerja.settings",
            "DATABASE_URL": f"sqlite:///{folder}/kinerja.sqlite3",
            "MEDIA_ROOT": str(folder / "media"),
            "CACHE_URL": f"filecache://{folder}/cache",
            "DEBUG": "False",
            "KINERJA_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(AKAR),
        }
        | {k: str(v) for k, v in lain.items()}
    )
    return env


def manage(env, *args, timeout=300):
    """Run `manage.py args` to its end; its output, or a failure with it."""
    hasil = subprocess.run(
        [sys.executable, str(AKAR / "manage.py"), *args],
        env=env,
        cwd=AKAR,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert hasil.returncode == 0, f"manage.py {' '.join(args)}:\n{hasil.stdout}\n{hasil.stderr}"
    return hasil.stdout


def mulai(env, *args, log=None):
    """Start `manage.py args` in the background, in its own process group."""
    return subprocess.Popen(
        [sys.executable, str(AKAR / "manage.py"), *args],
        env=env,
        cwd=AKAR,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
        start_new_session=True,
    )


def hentikan(proses, sinyal=signal.SIGTERM, tunggu=15):
    if proses.poll() is None:
        os.killpg(proses.pid, sinyal)
        try:
            proses.wait(tunggu)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)
            proses.wait(5)


def port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tunggu_port(port, detik=30):
    akhir = time.monotonic() + detik
    while time.monotonic() < akhir:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"server di port {port} tidak menjawab dalam {detik} detik")


def tunggu(syarat, detik=30, jeda=0.2, pesan="syarat"):
    """Wait until `syarat()` is true; its last value."""
    akhir = time.monotonic() + detik
    while time.monotonic() < akhir:
        nilai = syarat()
        if nilai:
            return nilai
        time.sleep(jeda)
    raise TimeoutError(f"{pesan} tidak terpenuhi dalam {detik} detik")


def baca(folder, sql, *parameter):
    """Rows of a query on the file database, read by this process while the others write."""
    with sqlite3.connect(folder / "kinerja.sqlite3", timeout=30) as db:
        return db.execute(sql, parameter).fetchall()

"""Structured logs: the JSON line of a record, and the LOGGING setting that writes every logger
that way on stderr at the level of KINERJA_LOG_LEVEL."""

import datetime
import json
import logging
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import RequestFactory

from kinerja.log import FormatJSON

PROYEK = Path(__file__).resolve().parents[2]


def baris_json(logger, pesan, level=logging.INFO, exc_info=None, **kolom):
    record = logging.getLogger(logger).makeRecord(logger, level, "f.py", 1, pesan, (), exc_info, extra=kolom)
    teks = FormatJSON().format(record)
    assert "\n" not in teks
    return json.loads(teks)


def test_a_record_is_one_line_with_time_level_logger_event_and_its_fields():
    data = baris_json("kinerja.audit", "masuk.gagal", pengguna="operator_belitung", alamat="36.68.10.5")

    assert list(data) == ["time", "level", "logger", "event", "pengguna", "alamat"]
    assert data | {"time": None} == {
        "time": None,
        "level": "INFO",
        "logger": "kinerja.audit",
        "event": "masuk.gagal",
        "pengguna": "operator_belitung",
        "alamat": "36.68.10.5",
    }
    waktu = datetime.datetime.fromisoformat(data["time"])
    assert waktu.utcoffset() == datetime.timedelta(0)
    assert abs(datetime.datetime.now(datetime.UTC) - waktu) < datetime.timedelta(minutes=1)


def test_values_json_does_not_know_are_written_as_text_and_new_lines_stay_escaped():
    request = RequestFactory().get("/realisasi/")
    data = baris_json("django.request", "Not Found:\n/realisasi/", logging.WARNING, request=request, n=Decimal("1.50"))

    assert data["event"] == "Not Found:\n/realisasi/"
    assert data["n"] == "1.50"
    assert data["request"] == {"method": "GET", "path": "/realisasi/"}  # never its repr (test_log_teks.py)


def test_a_traceback_is_one_field_of_the_same_line():
    try:
        raise ValueError("rusak")
    except ValueError:
        data = baris_json("kinerja.importers.tugas", "Impor 3 gagal", logging.ERROR, exc_info=sys.exc_info())

    assert data["level"] == "ERROR"
    assert data["exception"].startswith("Traceback (most recent call last):")
    assert data["exception"].endswith("ValueError: rusak")


def log_proses(tmp_path, **lingkungan):
    """The stderr of a fresh process set up with the project's settings that logs a few lines."""
    kode = (
        "import django, logging; django.setup(); "
        "logging.getLogger('kinerja.audit').info('masuk.berhasil', extra={'pengguna': 'admin'}); "
        "logging.getLogger('kinerja.importers').info('info aplikasi'); "
        "logging.getLogger('kinerja.importers').debug('debug aplikasi'); "
        "logging.getLogger('django.request').info('info django'); "
        "logging.getLogger('django.request').warning('peringatan django'); "
        "logging.getLogger('weasyprint.progress').info('info pustaka')"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KINERJA_LOG_LEVEL")}
    env |= {"DJANGO_SETTINGS_MODULE": "kinerja.settings", "DATABASE_URL": f"sqlite:///{tmp_path}/log.sqlite3"}
    env |= {"KINERJA_LOG_FORMAT": "json"}  # development's default is text (test_log_teks.py)
    hasil = subprocess.run(
        [sys.executable, "-c", kode], cwd=PROYEK, env=env | lingkungan, capture_output=True, text=True, timeout=120
    )
    return hasil


@pytest.mark.parametrize(
    ("tingkat", "terlihat"),
    [
        (None, ["masuk.berhasil", "info aplikasi", "peringatan django"]),
        ("debug", ["masuk.berhasil", "info aplikasi", "debug aplikasi", "peringatan django"]),
        ("WARNING", ["masuk.berhasil", "peringatan django"]),
    ],
    ids=["default-info", "debug", "warning-keeps-the-audit"],
)
def test_the_settings_write_json_lines_on_stderr_at_the_configured_level(tmp_path, tingkat, terlihat):
    hasil = log_proses(tmp_path, **({"KINERJA_LOG_LEVEL": tingkat} if tingkat else {}))

    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout == ""
    baris = [json.loads(b) for b in hasil.stderr.splitlines()]
    assert [b["event"] for b in baris] == terlihat
    assert baris[0]["logger"] == "kinerja.audit" and baris[0]["pengguna"] == "admin"


def test_an_unknown_log_level_stops_the_server_with_a_message(tmp_path):
    hasil = log_proses(tmp_path, KINERJA_LOG_LEVEL="rinci")

    assert hasil.returncode != 0
    assert "KINERJA_LOG_LEVEL harus DEBUG, INFO, WARNING, ERROR atau CRITICAL." in hasil.stderr

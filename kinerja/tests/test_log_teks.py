"""Log lines for people and for machines: one readable line per record in development and in a
terminal (KINERJA_LOG_FORMAT=teks), JSON in production; neither ever writes an object's repr."""

import datetime
import json
import logging
import os
import pty
import re
import secrets
import socket
import subprocess
import sys
import zoneinfo
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import RequestFactory

from kinerja.log import FormatJSON, FormatTeks

PROYEK = Path(__file__).resolve().parents[2]
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
PAGI = datetime.datetime(2026, 12, 7, 6, 12, 45, tzinfo=WIB)


def catatan(logger, pesan, level=logging.INFO, exc_info=None, **kolom):
    record = logging.getLogger(logger).makeRecord(logger, level, "f.py", 1, pesan, (), exc_info, extra=kolom)
    record.created = PAGI.timestamp()
    return record


def teks(logger, pesan, level=logging.INFO, **kolom):
    return FormatTeks().format(catatan(logger, pesan, level, **kolom))


def data_json(logger, pesan, level=logging.INFO, **kolom):
    baris = FormatJSON().format(catatan(logger, pesan, level, **kolom))
    assert "\n" not in baris
    return json.loads(baris)


@pytest.fixture
def soket():
    """What runserver's request handler puts in `extra` as "request": its connection."""
    s = socket.socket()
    yield s
    s.close()


def test_a_text_line_is_the_local_time_level_logger_event_and_its_fields():
    baris = teks(
        "kinerja.audit",
        "realisasi.disimpan",
        pengguna="operator_belitung",
        opd="DSPPPA-BELITUNG",
        bidang=None,
        unit="Bidang Perlindungan Anak",
        tahun=2024,
        triwulan=4,
        terlambat=False,
    )

    assert baris == (
        "06.12.45 INFO kinerja.audit realisasi.disimpan pengguna=operator_belitung opd=DSPPPA-BELITUNG "
        'unit="Bidang Perlindungan Anak" tahun=2024 triwulan=4 terlambat=False'
    )


def test_a_text_line_quotes_values_with_spaces_quotes_or_new_lines_and_keeps_tracebacks_below():
    try:
        raise ValueError("rusak")
    except ValueError:
        record = catatan("kinerja.importers.tugas", "Impor 3 gagal", logging.ERROR, exc_info=sys.exc_info())
    record.galat = 'baris "2"\nkolom B'
    record.kosong = ""

    baris, *jejak = FormatTeks().format(record).splitlines()

    assert baris == r'06.12.45 ERROR kinerja.importers.tugas Impor 3 gagal galat="baris \"2\"\nkolom B" kosong=""'
    assert jejak[0] == "Traceback (most recent call last):" and jejak[-1] == "ValueError: rusak"


def test_a_request_is_its_method_and_path_in_both_formats():
    request = RequestFactory().get("/realisasi/", {"tahun": "2024"})

    baris = teks("django.request", "Not Found: /realisasi/", logging.WARNING, status_code=404, request=request)
    data = data_json("django.request", "Not Found: /realisasi/", logging.WARNING, status_code=404, request=request)

    assert baris == '06.12.45 WARNING django.request Not Found: /realisasi/ status_code=404 request="GET /realisasi/"'
    assert data["request"] == {"method": "GET", "path": "/realisasi/"}
    assert "<WSGIRequest" not in baris + json.dumps(data)


def test_runservers_connection_is_dropped_from_both_formats(soket):
    kolom = {"request": soket, "server_time": "07/Dec/2026 06:12:45", "status_code": 404}

    baris = teks("django.server", '"GET /x/ HTTP/1.1" 404 179', logging.WARNING, **kolom)
    data = data_json("django.server", '"GET /x/ HTTP/1.1" 404 179', logging.WARNING, **kolom)

    assert "<socket" not in baris and "request" not in baris
    assert "request" not in data
    assert data["status_code"] == 404 and data["server_time"] == "07/Dec/2026 06:12:45"


def test_plain_data_is_written_as_text_and_any_other_object_is_dropped():
    class Rahasia:
        def __repr__(self):
            return "<Rahasia sandi=123>"

        __str__ = __repr__

    data = data_json(
        "kinerja",
        "peristiwa",
        n=Decimal("1.50"),
        pada=datetime.date(2026, 12, 7),
        berkas=Path("/srv/kinerja/media/a.pdf"),
        daftar=[1, "dua", Decimal("3.0"), Rahasia()],
        rincian={"a": Decimal("2"), "b": Rahasia()},
        objek=Rahasia(),
        galat=ValueError("x"),
    )

    assert {k: v for k, v in data.items() if k not in ("time", "level", "logger", "event")} == {
        "n": "1.50",
        "pada": "2026-12-07",
        "berkas": "/srv/kinerja/media/a.pdf",
        "daftar": [1, "dua", "3.0"],
        "rincian": {"a": "2"},
    }
    assert "Rahasia" not in teks("kinerja", "peristiwa", objek=Rahasia(), n=Decimal("1.50"))


# --- the settings -------------------------------------------------------------------------

KODE = (
    "import django, logging, socket; django.setup(); "
    "logging.getLogger('kinerja.audit').info('masuk.berhasil', extra={'pengguna': 'admin', 'bidang': None}); "
    "s = socket.socket(); "
    "logging.getLogger('django.server').info('\"GET / HTTP/1.1\" 200 5', "
    "extra={'request': s, 'server_time': '07/Dec/2026 06:12:45', 'status_code': 200}); "
    "logging.getLogger('django.server').warning('\"GET /x/ HTTP/1.1\" 404 9', "
    "extra={'request': s, 'server_time': '07/Dec/2026 06:12:46', 'status_code': 404})"
)


def lingkungan(tmp_path, modul, **lain):
    bukan = (
        "DATABASE_URL",
        "KINERJA_LOG_LEVEL",
        "KINERJA_LOG_FORMAT",
        "DEBUG",
        "SECRET_KEY",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    )
    env = {k: v for k, v in os.environ.items() if k not in bukan}
    env |= {
        "DJANGO_SETTINGS_MODULE": modul,
        "DATABASE_URL": f"sqlite:///{tmp_path}/log.sqlite3",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "kinerja.contoh.go.id",
    }
    return env | lain


def log_proses(tmp_path, modul="kinerja.settings", **lain):
    """The stderr of a fresh process with the settings `modul` that logs an audit event and two
    of runserver's access lines."""
    hasil = subprocess.run(
        [sys.executable, "-c", KODE],
        cwd=PROYEK,
        env=lingkungan(tmp_path, modul, **lain),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stderr


WAKTU = r"\d\d\.\d\d\.\d\d"


def test_the_development_settings_write_text_and_runservers_access_lines_as_django_prints_them(tmp_path):
    baris = log_proses(tmp_path).splitlines()

    assert len(baris) == 3, baris
    assert re.fullmatch(rf"{WAKTU} INFO kinerja\.audit masuk\.berhasil pengguna=admin", baris[0])
    assert baris[1:] == [
        '[07/Dec/2026 06:12:45] "GET / HTTP/1.1" 200 5',
        '[07/Dec/2026 06:12:46] "GET /x/ HTTP/1.1" 404 9',
    ]


def test_json_lines_when_the_setting_asks_for_them_without_runservers_connection(tmp_path):
    baris = [json.loads(b) for b in log_proses(tmp_path, KINERJA_LOG_FORMAT="json").splitlines()]

    assert [(b["logger"], b["event"]) for b in baris] == [
        ("kinerja.audit", "masuk.berhasil"),
        ("django.server", '"GET /x/ HTTP/1.1" 404 9'),
    ]
    assert baris[1]["status_code"] == 404 and "request" not in baris[1]


def test_the_production_settings_write_json_to_a_pipe(tmp_path):
    baris = [json.loads(b) for b in log_proses(tmp_path, "kinerja.settings_produksi").splitlines()]

    assert [b["event"] for b in baris] == ["masuk.berhasil", '"GET /x/ HTTP/1.1" 404 9']


def test_the_production_settings_write_text_to_a_terminal_unless_told_otherwise(tmp_path):
    def di_terminal(**lain):
        induk, anak = pty.openpty()
        env = lingkungan(tmp_path, "kinerja.settings_produksi", **lain)
        with subprocess.Popen([sys.executable, "-c", KODE], cwd=PROYEK, env=env, stderr=anak) as proses:
            os.close(anak)
            keluaran = b""
            while True:
                try:
                    potong = os.read(induk, 4096)
                except OSError:  # the terminal closed with the process
                    break
                if not potong:
                    break
                keluaran += potong
            assert proses.wait(timeout=120) == 0, keluaran
        os.close(induk)
        return keluaran.decode().replace("\r\n", "\n").splitlines()

    assert re.fullmatch(rf"{WAKTU} INFO kinerja\.audit masuk\.berhasil pengguna=admin", di_terminal()[0])
    assert json.loads(di_terminal(KINERJA_LOG_FORMAT="json")[0])["event"] == "masuk.berhasil"


def test_an_unknown_log_format_stops_the_server_with_a_message(tmp_path):
    hasil = subprocess.run(
        [sys.executable, "-c", KODE],
        cwd=PROYEK,
        env=lingkungan(tmp_path, "kinerja.settings", KINERJA_LOG_FORMAT="xml"),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert hasil.returncode != 0
    assert "KINERJA_LOG_FORMAT harus teks atau json." in hasil.stderr

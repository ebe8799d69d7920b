"""The backup and restore of docs/deploy.md, run for real against the local PostgreSQL server:
a database with the demo is backed up with deploy/cadangkan.sh, damaged, and restored with
deploy/pulihkan.sh, both in place and into a new database, with its evidence files."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest

PROYEK = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("KINERJA_PG_SERVER", "postgres://postgres@127.0.0.1:5432")


def _server_ada():
    try:
        psycopg2.connect(f"{SERVER}/postgres", connect_timeout=3).close()
    except psycopg2.OperationalError:
        return False
    return shutil.which("pg_dump") is not None and shutil.which("pg_restore") is not None


pytestmark = pytest.mark.skipif(
    not _server_ada() and not os.environ.get("KINERJA_E2E_WAJIB"),
    reason=f"PostgreSQL ({SERVER}) atau pg_dump/pg_restore (postgresql-client) tidak ada",
)


def _perintah(sql):
    koneksi = psycopg2.connect(f"{SERVER}/postgres")
    koneksi.autocommit = True
    with koneksi.cursor() as c:
        c.execute(sql)
    koneksi.close()


@pytest.fixture
def basis_data():
    """Fresh databases named for this test run, dropped afterwards."""
    nama = []

    def buat():
        n = f"kinerja_cadangan_{uuid.uuid4().hex[:10]}"
        _perintah(f'CREATE DATABASE "{n}"')
        nama.append(n)
        return f"{SERVER}/{n}"

    yield buat
    for n in nama:
        _perintah(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)')


def _jalankan(perintah, url, tmp_path, **lingkungan):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(DATABASE_URL=url, MEDIA_ROOT=str(tmp_path / "media"), KINERJA_CADANGAN=str(tmp_path / "cadangan"))
    env.update(lingkungan)
    hasil = subprocess.run(perintah, cwd=PROYEK, env=env, capture_output=True, text=True, timeout=600)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    return hasil.stdout


def _isi(url):
    """Rows per table of the application, and a few values that must come back exactly."""
    koneksi = psycopg2.connect(url)
    with koneksi.cursor() as c:
        c.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tabel = [t for (t,) in c.fetchall()]
        jumlah = {}
        for t in tabel:
            c.execute(f'SELECT count(*) FROM "{t}"')
            jumlah[t] = c.fetchone()[0]
        c.execute("SELECT sum(nilai), count(*) FROM kinerja_realisasi")
        realisasi = c.fetchone()
        c.execute("SELECT sum(coalesce(perubahan, induk)) FROM renstra_pagu")
        pagu = c.fetchone()
    koneksi.close()
    return jumlah, realisasi, pagu


def test_a_backup_restores_the_database_and_the_evidence_files_in_place_and_elsewhere(basis_data, tmp_path):
    asal = basis_data()
    python = sys.executable
    _jalankan([python, "manage.py", "migrate", "--noinput", "-v0"], asal, tmp_path)
    _jalankan([python, "manage.py", "demo"], asal, tmp_path)
    bukti = tmp_path / "media" / "data_dukung" / "2024" / "bukti.pdf"
    bukti.parent.mkdir(parents=True)
    bukti.write_bytes(b"%PDF-1.4 bukti kegiatan")
    sebelum = _isi(asal)
    assert sebelum[0]["kinerja_realisasi"] > 100 and sebelum[0]["renstra_pagu"] > 100

    keluaran = _jalankan(["deploy/cadangkan.sh"], asal, tmp_path)
    assert "Cadangan selesai" in keluaran
    (dump,) = (tmp_path / "cadangan").glob("kinerja-*.dump")
    (arsip,) = (tmp_path / "cadangan").glob("media-*.tar.gz")

    # A bad day: rows deleted, an evidence file lost.
    koneksi = psycopg2.connect(asal)
    with koneksi, koneksi.cursor() as c:
        c.execute("DELETE FROM kinerja_realisasi WHERE tahun = 2024")
    koneksi.close()
    bukti.unlink()
    assert _isi(asal) != sebelum

    _jalankan(["deploy/pulihkan.sh", str(dump), str(arsip)], asal, tmp_path)
    assert _isi(asal) == sebelum
    assert bukti.read_bytes() == b"%PDF-1.4 bukti kegiatan"

    # The same archive into an empty database on another server, then the application's checks.
    lain = basis_data()
    _jalankan(["deploy/pulihkan.sh", str(dump)], lain, tmp_path / "lain")
    assert _isi(lain) == sebelum
    _jalankan([python, "manage.py", "migrate", "--check"], lain, tmp_path)  # nothing left to apply


def test_a_damaged_archive_is_refused_and_the_database_left_alone(basis_data, tmp_path):
    url = basis_data()
    _jalankan([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], url, tmp_path)
    sebelum = _isi(url)
    rusak = tmp_path / "rusak.dump"
    rusak.write_bytes(b"PGDMP bukan arsip")
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(tmp_path / "media")}
    hasil = subprocess.run(["deploy/pulihkan.sh", str(rusak)], cwd=PROYEK, env=env, capture_output=True, text=True)
    assert hasil.returncode != 0
    assert "bukan arsip pg_dump yang utuh" in hasil.stderr
    assert _isi(url) == sebelum

"""The production settings: `check --deploy` is clean, and a server without its secret key or
with DEBUG on refuses to start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROYEK = Path(__file__).resolve().parents[2]


def periksa(tmp_path, *argumen, **lingkungan):
    bukan = ("SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the last is set by e2e/conftest
    env = {k: v for k, v in os.environ.items() if k not in bukan}
    env.update(
        DJANGO_SETTINGS_MODULE="kinerja.settings_produksi",
        DATABASE_URL=f"sqlite:///{tmp_path}/produksi.sqlite3",
        ALLOWED_HOSTS="kinerja.contoh.go.id",
        **lingkungan,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING", *argumen],
        cwd=PROYEK, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_production_settings_pass_the_deployment_check_without_a_warning(tmp_path):
    hasil = periksa(tmp_path, SECRET_KEY=secrets.token_urlsafe(50))
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "System check identified no issues (0 silenced)." in hasil.stdout


@pytest.mark.parametrize(
    ("lingkungan", "pesan"),
    [
        ({}, "SECRET_KEY wajib diisi di server produksi"),
        ({"SECRET_KEY": "pendek"}, "SECRET_KEY harus acak dan sekurang-kurangnya 50 karakter"),
        ({"SECRET_KEY": secrets.token_urlsafe(50), "DEBUG": "True"}, "DEBUG harus mati"),
    ],
    ids=["no-key", "short-key", "debug-on"],
)
def test_a_production_server_refuses_to_start_without_its_secret_or_with_debug(tmp_path, lingkungan, pesan):
    hasil = periksa(tmp_path, **lingkungan)
    assert hasil.returncode != 0
    assert pesan in hasil.stderr

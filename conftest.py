"""Settings of every test run."""

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _hash_sandi_cepat(settings):
    """Factories hash a password for every user they make; the production hasher (PBKDF2, slow
    on purpose) would take most of the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tugas_langsung(settings, tmp_path):
    """Jobs run as they are enqueued, inside the test (no worker process sees a test's
    transaction; the tests of the worker itself switch back to the database backend); the
    cache is the test process's own memory, and uploads land in a temporary folder."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["impor", "cetak"]}
    }
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # Every test verifying a quarter would print its reports inside the test; the tests of the
    # print ahead (laporan/tests/test_cetak_dimuka.py) switch it on.
    settings.KINERJA_CETAK_DI_MUKA = False


@pytest.fixture
def antrean(settings, monkeypatch):
    """The queue in the database, as in production: nothing runs until a worker does. Returns
    the worker: one run of `manage.py pekerja --sekali`, taking every waiting job in the test's
    own transaction (so it must not drop its connection between jobs as a worker process does)."""
    from django_tasks_db.management.commands import db_worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["impor", "cetak"]}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("pekerja", "--sekali", "--tanpa-muat-ulang", "--jeda", "0")

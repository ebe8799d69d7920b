"""Settings of every test run."""

import pytest


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

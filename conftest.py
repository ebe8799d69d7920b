"""Settings of every test run."""

import pytest


@pytest.fixture(autouse=True)
def _hash_sandi_cepat(settings):
    """Factories hash a password for every user they make; the production hasher (PBKDF2, slow
    on purpose) would take most of the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _impor_tanpa_thread(settings, tmp_path):
    """Imports run in the request (a background thread would not see the test's transaction),
    and uploads land in a temporary folder."""
    settings.KINERJA_IMPOR_LATAR = False
    settings.MEDIA_ROOT = str(tmp_path / "media")

"""Our Indonesian error pages under DEBUG too (`make run`), unless a developer asks for Django's
technical pages with KINERJA_HALAMAN_GALAT_TEKNIS."""

import logging

import pytest
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse

from .factories import operator, verifikator

pytestmark = pytest.mark.django_db
TEKNIS_404 = "Using the URLconf defined in"


@pytest.fixture
def pengembangan(settings):
    """The settings of `make run`: DEBUG on, KINERJA_HALAMAN_GALAT_TEKNIS at its default."""
    settings.DEBUG = True
    return settings


def test_the_setting_is_off_by_default(settings):
    assert settings.KINERJA_HALAMAN_GALAT_TEKNIS is False


@pytest.mark.parametrize("masuk", [False, True], ids=["anonymous", "logged-in"])
def test_an_unknown_url_under_debug_gives_our_indonesian_404(client, pengembangan, masuk):
    if masuk:
        client.force_login(verifikator())

    respons = client.get("/tidak-ada/sama-sekali/")

    html = respons.content.decode()
    assert respons.status_code == 404
    assert "<h1>Tidak ditemukan</h1>" in html and '<html lang="id">' in html
    assert TEKNIS_404 not in html and "verifikasi/&lt;str:kode&gt;" not in html


def test_a_404_raised_by_a_view_under_debug_gives_our_page(client, pengembangan):
    client.force_login(verifikator())

    respons = client.get(reverse("kinerja:tinjau", args=["TIDAK-ADA", 2024, 4]))

    assert respons.status_code == 404
    assert "<h1>Tidak ditemukan</h1>" in respons.content.decode()
    assert "Raised by:" not in respons.content.decode()


def test_a_missing_slash_is_still_redirected_under_debug(client, pengembangan):
    client.force_login(verifikator())

    respons = client.get("/verifikasi")

    assert (respons.status_code, respons["Location"]) == (301, "/verifikasi/")


def test_a_refusal_under_debug_gives_our_403(client, pengembangan):
    client.force_login(operator())

    respons = client.get(reverse("kinerja:verifikasi_daftar"))

    assert respons.status_code == 403
    assert "Halaman verifikasi untuk verifikator dan admin." in respons.content.decode()


def _rusak(*args, **kwargs):
    raise RuntimeError("basis data rusak")


def test_a_server_error_under_debug_gives_our_500_and_its_traceback_in_the_log(
    client, pengembangan, monkeypatch, caplog
):
    monkeypatch.setattr("kinerja.views.menunggu_verifikasi", _rusak)
    client.raise_request_exception = False
    client.force_login(verifikator())

    with caplog.at_level(logging.ERROR, logger="django.request"):
        respons = client.get(reverse("kinerja:verifikasi_daftar"))

    html = respons.content.decode()
    assert respons.status_code == 500
    assert "<h1>Terjadi kesalahan di server</h1>" in html
    assert "basis data rusak" not in html and "Traceback" not in html
    (catatan,) = [r for r in caplog.records if r.name == "django.request"]
    assert catatan.getMessage() == "Internal Server Error: /verifikasi/"
    assert catatan.exc_info[1].args == ("basis data rusak",)


def test_a_bad_request_raised_by_a_view_under_debug_gives_our_400(client, pengembangan, monkeypatch):
    def curiga(*args, **kwargs):
        raise SuspiciousOperation("Kueri aneh")

    monkeypatch.setattr("kinerja.views.menunggu_verifikasi", curiga)
    client.force_login(verifikator())

    respons = client.get(reverse("kinerja:verifikasi_daftar"))

    assert respons.status_code == 400
    assert "<h1>Permintaan tidak dapat diproses</h1>" in respons.content.decode()


def test_the_setting_gives_a_developer_djangos_technical_pages_back(client, pengembangan, monkeypatch):
    pengembangan.KINERJA_HALAMAN_GALAT_TEKNIS = True
    client.force_login(verifikator())

    tidak_ada = client.get("/tidak-ada/sama-sekali/")
    monkeypatch.setattr("kinerja.views.menunggu_verifikasi", _rusak)
    client.raise_request_exception = False
    rusak = client.get(reverse("kinerja:verifikasi_daftar"))

    assert tidak_ada.status_code == 404 and TEKNIS_404 in tidak_ada.content.decode()
    assert rusak.status_code == 500 and "RuntimeError at /verifikasi/" in rusak.content.decode()


def test_without_debug_the_pages_are_djangos_own_handling_of_ours(client, settings):
    settings.KINERJA_HALAMAN_GALAT_TEKNIS = True  # means nothing without DEBUG

    respons = client.get("/tidak-ada/sama-sekali/")

    assert respons.status_code == 404
    assert "<h1>Tidak ditemukan</h1>" in respons.content.decode()

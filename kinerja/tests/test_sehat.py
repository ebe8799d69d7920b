"""The health check `/sehat/` that monitors and load balancers poll: open to anyone, one query,
no session, 503 naming the part that failed."""

import datetime
import logging
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from kinerja.pekerja import catat_detak

from .factories import operator

pytestmark = pytest.mark.django_db
URL = "/sehat/"


def test_health_check_has_its_url_name():
    assert reverse("sehat") == URL


def test_a_healthy_server_answers_ok_without_a_login_in_two_queries(client, django_assert_num_queries):
    catat_detak("pekerja-uji")
    with django_assert_num_queries(2):  # SELECT 1, and the workers' heartbeats
        respons = client.get(URL)

    assert respons.status_code == 200
    assert respons.json() == {"status": "ok", "basis_data": "ok", "cache": "ok", "pekerja": "ok"}
    assert respons["Content-Type"] == "application/json"
    assert "no-cache" in respons["Cache-Control"]
    assert not respons.cookies


def test_a_browser_with_a_session_neither_loads_nor_saves_it(client, django_assert_num_queries):
    """SESSION_SAVE_EVERY_REQUEST would write the session (and its cookie) on every poll."""
    client.force_login(operator())
    kue = client.cookies["sessionid"].value

    with django_assert_num_queries(2):  # SELECT 1 and the heartbeats: no session read, no session write
        respons = client.get(URL)

    assert respons.status_code == 200
    assert not respons.cookies
    assert client.cookies["sessionid"].value == kue
    assert client.get(reverse("renstra:beranda")).status_code == 200  # still logged in


def test_a_database_that_does_not_answer_gives_503_naming_it(client, caplog):
    gagal = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(connection, "cursor", side_effect=gagal), caplog.at_level(logging.ERROR):
        respons = client.get(URL)

    assert respons.status_code == 503
    assert respons.json() == {"status": "gagal", "basis_data": "gagal", "cache": "ok", "pekerja": "gagal"}
    (catatan,) = [r for r in caplog.records if r.getMessage() == "sehat.gagal"]
    assert (catatan.bagian, catatan.levelname) == ("basis_data", "ERROR")
    assert "server closed the connection" in catatan.galat


def test_a_cache_that_loses_what_is_written_gives_503_naming_it(client):
    with mock.patch.object(cache, "get", return_value=None):
        respons = client.get(URL)

    assert respons.status_code == 503
    assert respons.json() == {"status": "gagal", "basis_data": "ok", "cache": "gagal", "pekerja": "tidak ada"}


def test_a_cache_that_cannot_be_reached_gives_503(client):
    with mock.patch.object(cache, "set", side_effect=ConnectionError("Error 111 connecting to 127.0.0.1:6379")):
        respons = client.get(URL)

    assert respons.status_code == 503
    assert respons.json()["cache"] == "gagal"


def test_the_check_only_reads(client):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405


def test_the_check_is_exempt_from_the_production_https_redirect(client, settings):
    """kinerja.settings_produksi: the monitor on the host asks over plain HTTP."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]

    assert client.get(URL).status_code == 200
    assert client.get(reverse("login")).status_code == 301


def test_without_a_worker_the_server_stays_ok_and_says_so(client, settings):
    """Imports and new PDFs wait for a worker, but every page still works: a monitor alerts on the
    text, a load balancer keeps sending traffic."""
    settings.KINERJA_PEKERJA_HILANG_DETIK = 60
    lama = timezone.now() - datetime.timedelta(seconds=61)
    catat_detak("pekerja-diam", sekarang=lama)

    respons = client.get(URL)

    assert respons.status_code == 200
    assert respons.json() == {"status": "ok", "basis_data": "ok", "cache": "ok", "pekerja": "tidak ada"}

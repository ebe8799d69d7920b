"""Dashboards read from the replica when there is one; everything else, and every write, from
the primary."""

import pytest
from django.urls import reverse

from kinerja import replika
from kinerja.tests.factories import operator, verifikator
from renstra.tests.factories import RenstraFactory

pytestmark = pytest.mark.django_db


def test_reads_go_to_the_replica_only_inside_a_dashboard_and_when_one_is_configured(monkeypatch):
    router = replika.RouterReplika()
    baca = replika.baca_dari_replika(lambda: router.db_for_read(None))
    assert baca() is None  # no replica configured
    monkeypatch.setattr(replika, "replika_ada", lambda: True)
    assert baca() == "replika"
    assert router.db_for_read(None) is None  # outside the dashboard again
    assert replika.baca_dari_replika(lambda: router.db_for_write(None))() == "default"
    assert router.allow_migrate("replika", "kinerja") is False
    assert router.allow_migrate("default", "kinerja") is True


def test_the_dashboards_read_through_the_replica_and_the_entry_page_does_not(client, monkeypatch):
    ditanya = []
    asli = replika.RouterReplika.db_for_read

    def mata(self, model, **hints):
        ditanya.append((model._meta.model_name, replika._dari_replika.get()))
        return asli(self, model, **hints)

    monkeypatch.setattr(replika.RouterReplika, "db_for_read", mata)
    renstra = RenstraFactory()
    client.force_login(verifikator())
    client.get(reverse("laporan:dasbor_wilayah"), {"tahun": 2024, "triwulan": 4})
    assert ("renstra", True) in ditanya and ("perangkatdaerah", True) in ditanya
    ditanya.clear()
    client.force_login(operator(renstra.opd))
    client.get(reverse("kinerja:isian", args=[2024, 4]))
    assert ditanya and not any(di_replika for _, di_replika in ditanya)

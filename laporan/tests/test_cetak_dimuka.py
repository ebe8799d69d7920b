"""A verified quarter's reports are printed ahead (laporan.cetak_dimuka): the downloads that follow
the Bappeda's verification are served at once from the stored print, without a new print."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from kinerja import services
from kinerja.models import Pelaporan
from kinerja.tests.factories import operator, verifikator
from laporan.models import Cetakan

from .conftest import perlu_pdf
from .test_cetak import dinas  # noqa: F401 (the agency of the print tests)

pytestmark = pytest.mark.django_db


def _verifikasi(opd, triwulan):
    pelaporan = Pelaporan.objects.create(opd=opd, tahun=2024, triwulan=triwulan, status=Pelaporan.Status.DIAJUKAN)
    services.verifikasi_pelaporan(user=verifikator(), pelaporan=pelaporan)


@perlu_pdf
def test_the_reports_of_a_verified_fourth_quarter_are_ready_when_the_operator_downloads_them(
    client,
    antrean,
    dinas,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    settings.KINERJA_CETAK_DI_MUKA = True
    with django_capture_on_commit_callbacks(execute=True):
        _verifikasi(dinas, 4)
    assert [t.task_path.rsplit(".", 1)[1] for t in DBTaskResult.objects.all()] == ["cetak_di_muka"]

    antrean()  # the print ahead asks for three prints
    antrean()  # which the worker prints

    assert sorted(Cetakan.objects.values_list("status", flat=True)) == ["siap"] * 3
    client.force_login(operator(dinas))
    for laporan, kueri in (("evaluasi-triwulan", "?triwulan=4"), ("evaluasi-renja", ""), ("lkjip", "")):
        respons = client.get(reverse("laporan:laporan_pdf", args=[dinas.kode, 2024, laporan]) + kueri)
        assert respons.status_code == 200, laporan  # the file itself, not the page of a print
        assert respons.content.startswith(b"%PDF")
    assert Cetakan.objects.count() == 3


def test_an_earlier_quarter_prints_its_two_evaluations_and_nothing_when_switched_off(
    antrean,
    dinas,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    settings.KINERJA_CETAK_DI_MUKA = False
    with django_capture_on_commit_callbacks(execute=True):
        _verifikasi(dinas, 1)
    assert not DBTaskResult.objects.exists()

    settings.KINERJA_CETAK_DI_MUKA = True
    with django_capture_on_commit_callbacks(execute=True):
        _verifikasi(dinas, 2)
    antrean()

    assert sorted(Cetakan.objects.values_list("nama_berkas", flat=True)) == [
        "evaluasi-renja-dinsos-a-2024-tw2.pdf",
        "evaluasi-triwulan-dinsos-a-2024-tw2.pdf",
    ]

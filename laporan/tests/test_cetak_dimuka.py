"""A verified quarter's reports are printed ahead (laporan.cetak_dimuka), and so are an agency's
reports once its data has been quiet for a while after saves: the downloads that follow are served
at once from the stored print, without a new print."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kinerja import services
from kinerja.models import Pelaporan, Realisasi
from kinerja.tests.factories import operator, verifikator
from laporan.models import Cetakan
from renstra.tests.factories import IndikatorFactory, TargetFactory

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

    antrean()  # the print ahead asks for four prints
    antrean()  # which the worker prints

    assert sorted(Cetakan.objects.values_list("status", flat=True)) == ["siap"] * 4
    client.force_login(operator(dinas))
    for laporan, kueri in (
        ("evaluasi-triwulan", "?triwulan=4"),
        ("evaluasi-renja", ""),
        ("berita-acara", "?triwulan=4"),
        ("lkjip", ""),
    ):
        respons = client.get(reverse("laporan:laporan_pdf", args=[dinas.kode, 2024, laporan]) + kueri)
        assert respons.status_code == 200, laporan  # the file itself, not the page of a print
        assert respons.content.startswith(b"%PDF")
    assert Cetakan.objects.count() == 4


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
        "berita-acara-dinsos-a-2024-tw2.pdf",
        "evaluasi-renja-dinsos-a-2024-tw2.pdf",
        "evaluasi-triwulan-dinsos-a-2024-tw2.pdf",
    ]


def _simpan_isian(opd, indikator, nilai):
    """The operator saves one realisation of TW II 2024 on the entry page."""
    data = {"nilai": Decimal(nilai), "rencana_aksi": "", "permasalahan": "", "tindak_lanjut": "", "keterangan": ""}
    versi = Realisasi.objects.filter(indikator=indikator, tahun=2024, triwulan=2).values_list("versi", flat=True)
    services.simpan_isian(
        user=operator(opd=opd),
        pelaporan=services.pelaporan_unit(opd, None, 2024, 2),
        baris=[services.IsianBaris(indikator=indikator, data=data, versi=next(iter(versi), 0), diubah=True)],
        anggaran=[],
        boleh_diubah={indikator.pk},
    )


def test_after_a_morning_of_saves_the_reports_print_once_when_the_data_has_been_quiet(
    antrean,
    dinas,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    settings.KINERJA_CETAK_DI_MUKA, settings.KINERJA_CETAK_TENANG_MENIT = True, 15
    indikator = IndikatorFactory(sub_kegiatan__kegiatan__program__renstra=dinas.renstra.get())
    TargetFactory(indikator=indikator, tahun=2024)
    for nilai in ("10", "12"):
        with django_capture_on_commit_callbacks(execute=True):
            _simpan_isian(dinas, indikator, nilai)
    pertama, kedua = DBTaskResult.objects.order_by("enqueued_at")
    assert {t.task_path.rsplit(".", 1)[1] for t in (pertama, kedua)} == {"cetak_jika_tenang"}
    assert pertama.run_after > timezone.now() + timedelta(minutes=14)

    antrean()  # not yet: the jobs wait for their quarter of an hour
    assert not Cetakan.objects.exists()
    DBTaskResult.objects.update(run_after=timezone.now())  # fifteen quiet minutes later
    antrean()

    pertama.refresh_from_db()
    kedua.refresh_from_db()
    assert pertama.return_value == []  # data changed after it was scheduled: the later job prints
    assert len(kedua.return_value) == 3
    assert sorted(Cetakan.objects.values_list("nama_berkas", flat=True)) == [
        "berita-acara-dinsos-a-2024-tw2.pdf",
        "evaluasi-renja-dinsos-a-2024-tw2.pdf",
        "evaluasi-triwulan-dinsos-a-2024-tw2.pdf",
    ]


def test_saves_schedule_no_print_when_quiet_printing_is_off_or_the_engine_cannot_wait(
    dinas,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    indikator = IndikatorFactory(sub_kegiatan__kegiatan__program__renstra=dinas.renstra.get())
    TargetFactory(indikator=indikator, tahun=2024)
    settings.KINERJA_CETAK_DI_MUKA = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["impor", "cetak"]}}
    settings.KINERJA_CETAK_TENANG_MENIT = 0
    with django_capture_on_commit_callbacks(execute=True):
        _simpan_isian(dinas, indikator, "10")
    assert not DBTaskResult.objects.exists()

    # The immediate engine of these tests runs a job at once and cannot hold one back.
    settings.KINERJA_CETAK_TENANG_MENIT = 15
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["impor", "cetak"]}
    }
    with django_capture_on_commit_callbacks(execute=True):
        _simpan_isian(dinas, indikator, "11")
    assert not Cetakan.objects.exists()

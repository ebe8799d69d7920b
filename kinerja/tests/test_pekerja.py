"""Jobs on the task engine: imports and prints are enqueued by the web request and run by the
worker (`manage.py pekerja`); a job whose worker died runs again or fails saying why; an
approval clicked twice writes once."""

import datetime
import signal

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from kinerja.importers import keputusan
from kinerja.models import Impor, Pekerja
from kinerja.pekerja import ada_pekerja_hidup, catat_detak, pulihkan_tugas_terputus
from renstra.models import SubKegiatan, Target
from renstra.tests.factories import PerangkatDaerahFactory

from . import proses
from .factories import admin
from .seed_xlsx import baris_matriks_renstra, perbaiki_matriks_renstra, tulis_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def matriks(tmp_path):
    return tulis_xlsx(tmp_path / "matriks.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())})


def unggah(client, berkas, opd):
    with open(berkas, "rb") as f:
        return client.post(
            reverse("kinerja:impor_daftar"), {"format": "matriks-renstra", "opd": opd.pk, "tahun": 2025, "berkas": f}
        )


def test_an_upload_is_checked_by_the_worker_not_by_the_request(client, antrean, matriks):
    client.force_login(admin())
    unggah(client, matriks, PerangkatDaerahFactory())
    impor = Impor.objects.get()
    assert impor.status == Impor.Status.MEMERIKSA
    tugas = DBTaskResult.objects.get()
    assert (str(tugas.pk), tugas.status, tugas.queue_name) == (impor.tugas, TaskResultStatus.READY, "impor")
    halaman = client.get(reverse("kinerja:impor_detail", args=[impor.pk])).content.decode()
    assert "Menunggu giliran" in halaman and "Belum ada pekerja latar yang berjalan" in halaman

    antrean()

    impor.refresh_from_db()
    assert impor.status == Impor.Status.SIAP
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_an_approval_clicked_twice_writes_once_and_says_so(client, antrean, matriks):
    client.force_login(admin())
    opd = PerangkatDaerahFactory()
    unggah(client, matriks, opd)
    antrean()
    impor = Impor.objects.get()

    url = reverse("kinerja:impor_simpan", args=[impor.pk])
    jawaban = keputusan.isian_semua(impor.hasil, "rincian")  # the seed matrix's pagu 2026 slip
    client.post(url, jawaban)
    client.post(url, jawaban)  # the second click of a slow connection

    assert DBTaskResult.objects.filter(task_path__endswith="simpan_impor").count() == 1
    antrean()
    client.post(url, jawaban)  # and a third, after the write
    impor.refresh_from_db()
    assert impor.status == Impor.Status.SELESAI and impor.hasil["disimpan"] is True
    assert DBTaskResult.objects.filter(task_path__endswith="simpan_impor").count() == 1
    assert SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).count() == 98
    assert Target.history.filter(history_type="+").count() == Target.objects.count() > 0  # written once


def test_a_write_that_runs_again_after_it_finished_does_nothing(client, antrean, matriks):
    """The worker died after the write committed but before the queue heard of it: the job runs
    again, finds the upload written and leaves it."""
    client.force_login(admin())
    opd = PerangkatDaerahFactory()
    unggah(client, matriks, opd)
    antrean()
    impor = Impor.objects.get()
    client.post(reverse("kinerja:impor_simpan", args=[impor.pk]), keputusan.isian_semua(impor.hasil, "rincian"))
    antrean()
    tugas = DBTaskResult.objects.get(task_path__endswith="simpan_impor")
    DBTaskResult.objects.filter(pk=tugas.pk).update(status=TaskResultStatus.READY)

    antrean()

    assert Impor.objects.get().status == Impor.Status.SELESAI
    assert Target.history.count() == Target.objects.count() > 0  # nothing written twice


def _tugas_berjalan(pekerja, percobaan=1):
    return DBTaskResult.objects.create(
        args_kwargs={"args": [0], "kwargs": {}},
        task_path="kinerja.importers.tugas.simpan_impor",
        queue_name="impor",
        backend_name="default",
        run_after=get_date_max(),
        status=TaskResultStatus.RUNNING,
        worker_ids=[f"{pekerja}-{i}" for i in range(percobaan - 1)] + [pekerja],
        started_at=timezone.now(),
    )


def test_a_job_of_a_worker_that_went_silent_goes_back_to_its_queue(antrean, settings):
    settings.KINERJA_PEKERJA_HILANG_DETIK = 60
    lama = timezone.now() - datetime.timedelta(seconds=61)
    catat_detak("diam", sekarang=lama)
    catat_detak("hidup")
    yatim, dijaga = _tugas_berjalan("diam"), _tugas_berjalan("hidup")

    diulang, digagalkan = pulihkan_tugas_terputus()

    assert (diulang, digagalkan) == ([yatim.pk], [])
    assert DBTaskResult.objects.get(pk=yatim.pk).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=dijaga.pk).status == TaskResultStatus.RUNNING
    assert ada_pekerja_hidup()
    assert list(Pekerja.objects.values_list("pk", flat=True)) == ["hidup"]


def test_a_job_interrupted_too_often_fails_and_its_import_says_why(antrean, settings, matriks):
    settings.KINERJA_TUGAS_COBA = 3
    opd = PerangkatDaerahFactory()
    tugas = _tugas_berjalan("mati", percobaan=3)
    impor = Impor.objects.create(
        format="matriks-renstra",
        opd=opd,
        tahun=2025,
        berkas="impor/matriks.xlsx",
        nama_asli="matriks.xlsx",
        status=Impor.Status.MENYIMPAN,
        tugas=str(tugas.pk),
    )

    diulang, digagalkan = pulihkan_tugas_terputus()

    assert (diulang, digagalkan) == ([], [tugas.pk])
    assert DBTaskResult.objects.get(pk=tugas.pk).status == TaskResultStatus.FAILED
    impor.refresh_from_db()
    assert impor.status == Impor.Status.GAGAL
    (masalah,) = impor.hasil["masalah"]
    assert masalah["pesan"] == (
        "Pekerjaan ini terhenti 3 kali karena pekerjanya berhenti di tengah jalan (server dimulai ulang atau "
        "kehabisan memori). Tidak ada yang disimpan; periksa berkas ini lagi."
    )
    assert not Pekerja.objects.exists()


def test_a_failed_upload_can_be_checked_again(client, antrean, matriks):
    client.force_login(admin())
    unggah(client, matriks, PerangkatDaerahFactory())
    impor = Impor.objects.get()
    Impor.objects.filter(pk=impor.pk).update(status=Impor.Status.GAGAL)
    assert "Periksa berkas ini lagi" in client.get(reverse("kinerja:impor_detail", args=[impor.pk])).content.decode()

    client.post(reverse("kinerja:impor_periksa_ulang", args=[impor.pk]))
    antrean()

    impor.refresh_from_db()
    assert impor.status == Impor.Status.SIAP


# --- separate processes: a worker killed in the middle of a job ------------------------------


def test_a_job_whose_worker_is_killed_runs_again_on_the_next_worker(tmp_path):
    env = proses.lingkungan(tmp_path, KINERJA_PEKERJA_DETAK_DETIK=1, KINERJA_PEKERJA_HILANG_DETIK=3)
    proses.manage(env, "migrate", "--noinput", "-v0")
    hasil = tmp_path / "percobaan.txt"
    proses.manage(
        env,
        "shell",
        "-c",
        f"from kinerja.tests.tugas_uji import tulis_percobaan; tulis_percobaan.enqueue({str(hasil)!r}, 600)",
    )
    pertama = proses.mulai(env, "pekerja", "--tanpa-muat-ulang")
    try:
        proses.tunggu(hasil.with_suffix(".mulai").exists, pesan="percobaan pertama dimulai")
        proses.hentikan(pertama, signal.SIGKILL)  # as the OOM killer or a power cut would
        (status,) = proses.baca(tmp_path, "select status from django_tasks_database_dbtaskresult")[0]
        assert status == "RUNNING"  # left behind by the dead worker
    finally:
        proses.hentikan(pertama, signal.SIGKILL)

    kedua = proses.mulai(env, "pekerja", "--tanpa-muat-ulang")
    try:
        proses.tunggu(hasil.exists, detik=30, pesan="percobaan kedua selesai")
    finally:
        proses.hentikan(kedua)
    assert hasil.read_text() == "2"
    assert proses.baca(tmp_path, "select status from django_tasks_database_dbtaskresult") == [("SUCCESSFUL",)]
    # the dead worker's heartbeat was cleared with its job, the second's when it stopped cleanly
    assert proses.baca(tmp_path, "select count(*) from kinerja_pekerja") == [(0,)]


def test_jobs_that_ended_a_month_ago_are_forgotten(antrean):
    from kinerja.pekerja import SIMPAN_HASIL_HARI, hapus_tugas_lama

    lama, baru = _tugas_berjalan("a"), _tugas_berjalan("b")
    sekarang = timezone.now()
    DBTaskResult.objects.filter(pk=lama.pk).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=sekarang - datetime.timedelta(days=SIMPAN_HASIL_HARI + 1)
    )
    DBTaskResult.objects.filter(pk=baru.pk).update(status=TaskResultStatus.FAILED, finished_at=sekarang)

    assert hapus_tugas_lama(sekarang) == 1
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [baru.pk]

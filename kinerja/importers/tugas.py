"""An upload through the importer as jobs (queue "impor") that a worker runs: checking it (the
preview) and, once the admin approves, writing it. The web request only enqueues; the page polls
the progress the job leaves in the cache, which the worker and the web server share.

Each job starts from the upload's status and leaves it in the next one, so a job that runs again
(its worker died; kinerja/pekerja.py) or an approval clicked twice does its work once: the
approval locks the upload and enqueues only from "siap"; the write marks the upload "selesai" in
the transaction that writes its rows. The file stays under MEDIA_ROOT/impor/, so the write reads
exactly what was checked.

    memeriksa → siap (something to write) | tanpa_perubahan (nothing) | galat | gagal
    siap → menyimpan → selesai | galat | gagal          (approval; refused for a stale preview)
    siap, tanpa_perubahan, galat, gagal → memeriksa     (checked again)

A preview is stale when another import of the same agency, format and year was written after
its check began (`Impor.usang`), or when a quarter row it read was saved since
(`baris_berubah_sejak_pratinjau`; the write refuses such a row anyway, kinerja/versi.py).
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from kinerja.models import Impor, Realisasi, RealisasiAnggaran
from kinerja.pekerja import pesan_gagal
from kinerja.versi import kunci_versi
from renstra.models import PerangkatDaerah

from . import jalankan
from . import keputusan as keputusan_jumlah
from .hasil import Hasil

log = logging.getLogger(__name__)
_TAHAP = {
    "antre": "Menunggu giliran",
    "membaca": "Membaca berkas",
    "memeriksa": "Memeriksa baris",
    "menyimpan": "Menyimpan",
}
S = Impor.Status


@dataclass
class Pratinjau:
    """What the page of an upload shows of its result: the preview (or what was written), the
    later import that made it stale, and how many quarter rows it read were saved since."""

    impor: Impor
    hasil: Hasil | None
    pengganti: Impor | None = None
    berubah_sejak: int = 0

    @property
    def usang(self):
        return self.pengganti is not None or bool(self.berubah_sejak)

    @property
    def boleh_disetujui(self):
        return self.impor.status == S.SIAP and self.hasil is not None and self.hasil.ada_perubahan and not self.usang

    @property
    def rincian(self):
        """The named changes per kind, for a result without errors."""
        return self.hasil.rincian_per_jenis() if self.hasil and self.hasil.sah else []

    @property
    def pertanyaan(self):
        """The printed totals that disagree with their parts, each a question the approval answers
        (kinerja.importers.keputusan); after the write, with the answer given."""
        return self.hasil.pertanyaan_jumlah() if self.hasil and self.hasil.sah else []

    @property
    def jumlah_masalah(self):
        return self.hasil.jumlah_galat + self.hasil.jumlah_peringatan if self.hasil else 0


def pratinjau(impor):
    """The result of an upload as its page shows it (`impor` from `Impor.objects.dengan_pengganti()`)."""
    hasil = Hasil.dari_dict(impor.hasil) if impor.hasil and not impor.berjalan else None
    if impor.status != S.SIAP:
        return Pratinjau(impor, hasil)
    if impor.usang:
        return Pratinjau(impor, hasil, pengganti=pengganti(impor))
    return Pratinjau(impor, hasil, berubah_sejak=baris_berubah_sejak_pratinjau(impor))


def _kunci(impor_id):
    return f"kinerja:impor:{impor_id}"


def kemajuan(impor):
    """What a running import is doing: {"tahap": label, "n": rows or nodes}, or None."""
    return cache.get(_kunci(impor.pk))


def _lapor(impor_id, tahap, n=0):
    cache.set(_kunci(impor_id), {"tahap": _TAHAP.get(tahap, tahap), "n": n}, 3600)


def periksa(impor):
    """Enqueue the check of a new upload (in the caller's transaction: no upload without its job)."""
    _antrekan(impor, S.MEMERIKSA, periksa_impor)


class BelumDijawab(Exception):
    """An approval without an answer to every printed total's question: nothing is enqueued."""

    def __init__(self, pertanyaan):
        self.pertanyaan = pertanyaan
        super().__init__(keputusan_jumlah.pesan_belum_dijawab(pertanyaan))


@transaction.atomic
def setujui(impor, keputusan=None):
    """The admin approves a checked upload: enqueue its write, once. A second approval (a double
    click, a second tab) finds it already started, or done, and does nothing. Returns the upload
    as it is now.

    `keputusan`: the answers to the preview's questions, the printed totals that disagree with the
    sum of their parts ({Masalah.kunci_keputusan: "rincian" | "total"}, kinerja.importers.keputusan);
    an approval leaving one unanswered raises BelumDijawab. They are kept with the preview
    (`Impor.hasil["keputusan"]`) for the write."""
    impor = Impor.objects.select_for_update().get(pk=impor.pk)
    if impor.status == S.SIAP and not pengganti(impor):
        hasil = Hasil.dari_dict(impor.hasil or {})
        belum = keputusan_jumlah.belum_dijawab(hasil, keputusan)
        if belum:
            raise BelumDijawab(belum)
        impor.hasil = {**(impor.hasil or {}), "keputusan": keputusan_jumlah.jawaban(hasil, keputusan)}
        impor.save(update_fields=["hasil"])
        _antrekan(impor, S.MENYIMPAN, simpan_impor)
    return impor


def pengganti(impor):
    """The later import that made this upload's preview stale, or None (see Impor.usang)."""
    pk = Impor.objects.dengan_pengganti().filter(pk=impor.pk).values_list("pengganti_id", flat=True).first()
    return Impor.objects.filter(pk=pk).first() if pk else None


# Where each kind of quarter row finds its agency, to read the versions of an agency's year.
_OPD_BARIS = {
    Realisasi: "indikator__renstra__opd",
    RealisasiAnggaran: "sub_kegiatan__kegiatan__program__renstra__opd",
}


def baris_berubah_sejak_pratinjau(impor):
    """How many quarter rows the preview read (with their versions, `Hasil.versi`) have been
    saved, created or removed since: one query per kind of row."""
    dilihat = (impor.hasil or {}).get("versi") or {}
    if not dilihat:
        return 0
    berubah = 0
    for model, jalur in _OPD_BARIS.items():
        awalan = f"{model._meta.label}:"
        kunci_model = {k: v for k, v in dilihat.items() if k.startswith(awalan)}
        if not kunci_model:
            continue
        sekarang = {
            kunci_versi(b): b.versi
            for b in model.objects.filter(**{jalur: impor.opd_id, "tahun": impor.tahun}).only(
                *model.KUNCI_ALAMI, "versi"
            )
        }
        berubah += sum(1 for k, v in kunci_model.items() if sekarang.get(k, 0) != v)
    return berubah


@transaction.atomic
def periksa_ulang(impor):
    """Check the stored file again (after a conflict with someone's save, or a failed job)."""
    impor = Impor.objects.select_for_update().get(pk=impor.pk)
    if impor.status in (S.SIAP, S.TANPA_PERUBAHAN, S.GALAT, S.GAGAL):
        _antrekan(impor, S.MEMERIKSA, periksa_impor)
    return impor


def _antrekan(impor, status, fungsi):
    impor.status = status
    impor.save(update_fields=["status", "diubah_pada"])
    _lapor(impor.pk, "antre")
    hasil = fungsi.enqueue(impor.pk)
    Impor.objects.filter(pk=impor.pk).update(tugas=hasil.id)
    impor.tugas = hasil.id


@task(queue_name="impor")
def periksa_impor(impor_id):
    _jalankan(impor_id, simpan=False)


@task(queue_name="impor")
def simpan_impor(impor_id):
    _jalankan(impor_id, simpan=True)


def _jalankan(impor_id, simpan):
    berjalan = S.MENYIMPAN if simpan else S.MEMERIKSA
    impor = Impor.objects.select_related("opd", "dibuat_oleh").get(pk=impor_id)
    if impor.status != berjalan:  # done already: this job ran again after its worker died
        return
    mulai = timezone.now()  # the data the result describes is the data from this moment on

    def tandai_selesai(hasil):  # inside the write's transaction
        opd_baru = getattr(hasil, "opd_baru", None)
        if impor.opd_id is None and opd_baru is not None:  # the agency the workbook created
            Impor.objects.filter(pk=impor.pk).update(opd=opd_baru)
        _akhiri(impor, berjalan, S.SELESAI, hasil, disimpan_pada=timezone.now(), diperiksa_pada=mulai)

    try:
        with impor.berkas.open("rb") as berkas:
            hasil = jalankan(
                impor.format,
                berkas,
                # no agency chosen: the workbook names it (kinerja.importers.renstra_lengkap)
                opd=impor.opd or PerangkatDaerah(kode=""),
                tahun=impor.tahun,
                user=impor.dibuat_oleh,
                simpan=simpan,
                kemajuan=lambda tahap, n: _lapor(impor_id, tahap, n),
                nama=impor.nama_asli,
                versi_pratinjau=(impor.hasil or {}).get("versi") if simpan else None,
                # the approval's answers: a write with a printed total left unanswered writes nothing
                keputusan=(impor.hasil or {}).get("keputusan") or {} if simpan else None,
                setelah_tulis=tandai_selesai,
                impor=impor,
            )
    except Exception:
        log.exception("Impor %s gagal", impor_id)
        hasil = Hasil(format=impor.format)
        hasil.tambah("Terjadi kesalahan tak terduga saat mengimpor; tidak ada yang disimpan. Laporkan ke pengelola.")
        _akhiri(impor, berjalan, S.GAGAL, hasil, diperiksa_pada=mulai)
        raise
    finally:
        cache.delete(_kunci(impor_id))
    if not hasil.disimpan:
        _akhiri(impor, berjalan, _status_periksa(hasil, simpan), hasil, diperiksa_pada=mulai)


def _status_periksa(hasil, simpan):
    """Where a check (or a write that wrote nothing) leaves the upload."""
    if simpan or not hasil.sah:
        return S.GALAT
    return S.SIAP if hasil.ada_perubahan else S.TANPA_PERUBAHAN


def _akhiri(impor, dari, ke, hasil, **lain):
    """Move the upload from `dari` to `ke` with what the job found, unless something else moved
    it meanwhile."""
    Impor.objects.filter(pk=impor.pk, status=dari).update(
        status=ke, hasil=hasil.sebagai_dict(), diubah_pada=timezone.now(), **lain
    )


@receiver(task_finished)
def _pekerjaan_gagal(sender, task_result, **kwargs):
    """A job of ours that failed outside our own handling (its worker died too often, or the
    job could not even start): the upload says so instead of "running" for ever."""
    if task_result.status != TaskResultStatus.FAILED or task_result.task.func not in (
        periksa_impor.func,
        simpan_impor.func,
    ):
        return
    hasil = Hasil()
    hasil.tambah(f"{pesan_gagal(task_result)} Tidak ada yang disimpan; periksa berkas ini lagi.")
    Impor.objects.filter(tugas=task_result.id, status__in=Impor.BERJALAN).update(
        status=S.GAGAL, hasil=hasil.sebagai_dict(), diubah_pada=timezone.now()
    )

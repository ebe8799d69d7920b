"""Readable timelines from the audit history (django-simple-history): who changed what, when,
from which value to which, and why."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from kinerja import rules
from renstra.models import Indikator, Target, Tingkat

from .models import DataDukung, Pelaporan, Realisasi, RealisasiAnggaran

AKSI = {"+": "mengisi", "~": "mengubah", "-": "menghapus"}
AKSI_BERKAS = {"+": "mengunggah", "~": "mengubah", "-": "menghapus"}
# Bookkeeping, and what the event's label, time and user already say.
ABAIKAN = {
    "id", "versi", "dibuat_pada", "diubah_pada", "diubah_oleh", "terlambat", "renstra",
    "indikator", "sub_kegiatan", "opd", "bidang", "tahun", "triwulan",
    "diajukan_pada", "diajukan_oleh", "diverifikasi_pada", "diverifikasi_oleh",
}  # fmt: skip


@dataclass
class Perubahan:
    field: str
    lama: str
    baru: str


@dataclass
class Peristiwa:
    waktu: object
    pengguna: object
    objek: str
    aksi: str
    perubahan: list = field(default_factory=list)
    alasan: str = ""


def _tulis(catatan, f, tingkat, rupiah):
    """The value of field `f` in a history record, as people read it."""
    nilai = getattr(catatan, f.attname)
    if nilai is None or nilai == "":
        return "–"
    if f.name == "tingkat":
        return tingkat.get(nilai, f"#{nilai}")
    if f.is_relation:
        try:
            return str(getattr(catatan, f.name))
        except ObjectDoesNotExist:
            return f"#{nilai}"
    if f.choices:
        return str(dict(f.flatchoices).get(nilai, nilai))
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, datetime.datetime):
        return rules.format_tanggal(timezone.localtime(nilai).date())
    if f.name in rupiah:
        return rules.format_rupiah(nilai)
    if isinstance(nilai, Decimal):
        return rules.format_angka(nilai, desimal=None)
    return str(nilai)


def _peristiwa(catatan, model, label, tingkat=None, rupiah=(), aksi=AKSI, tampil=None):
    """Events of the history records `catatan` of `model`: one per save that changed a field
    shown (`tampil`, default every field but the bookkeeping) or gave a reason; with `tampil`
    given, every save and deletion."""
    tingkat = tingkat or {}
    per_objek = {}
    for c in sorted(catatan, key=lambda c: (c.history_date, c.history_id)):
        per_objek.setdefault(c.id, []).append(c)
    fields = [f for f in model._meta.concrete_fields if f.name not in ABAIKAN and (tampil is None or f.name in tampil)]
    hasil = []
    for daftar in per_objek.values():
        for lama, baru in pairwise([None, *daftar]):
            if baru.history_type == "-":
                perubahan = []
            elif lama is None or baru.history_type == "+":
                perubahan = [
                    Perubahan(str(f.verbose_name), "–", _tulis(baru, f, tingkat, rupiah))
                    for f in fields
                    if getattr(baru, f.attname) not in (None, "")
                ]
            else:
                perubahan = [
                    Perubahan(str(f.verbose_name), _tulis(lama, f, tingkat, rupiah), _tulis(baru, f, tingkat, rupiah))
                    for f in fields
                    if getattr(lama, f.attname) != getattr(baru, f.attname)
                ]
            if baru.history_type != "-" and not perubahan and not baru.history_change_reason and tampil is None:
                continue  # e.g. an empty realisation made to hold an evidence file
            hasil.append(
                Peristiwa(
                    waktu=baru.history_date,
                    pengguna=baru.history_user,
                    objek=label(baru),
                    aksi=aksi[baru.history_type],
                    perubahan=perubahan,
                    alasan=baru.history_change_reason or "",
                )
            )
    return hasil


def _label_realisasi(c):
    return f"Realisasi {c.tahun} triwulan {c.triwulan}"


def _label_target(c):
    jenis = Target.Jenis(c.jenis).label
    return f"Target {jenis} {c.tahun}" + (f" triwulan {c.triwulan}" if c.triwulan else "")


def riwayat_indikator(indikator):
    """Every change of an indicator, newest first: definition, targets, realisations."""
    tingkat = dict(Tingkat.objects.values_list("pk", "nama")) if indikator.skala_tingkat_id else {}
    peristiwa = [
        *_peristiwa(
            Indikator.history.filter(id=indikator.pk).select_related("history_user"),
            Indikator,
            lambda c: "Indikator",
        ),
        *_peristiwa(
            Target.history.filter(indikator_id=indikator.pk).select_related("history_user"),
            Target,
            _label_target,
            tingkat,
        ),
        *_peristiwa(
            Realisasi.history.filter(indikator_id=indikator.pk).select_related("history_user"),
            Realisasi,
            _label_realisasi,
            tingkat,
        ),
        *_peristiwa_berkas(Realisasi.objects.filter(indikator=indikator), lambda r: _label_realisasi(r) + ": "),
    ]
    return _terbaru_dulu(peristiwa)


def _peristiwa_berkas(realisasi, awalan):
    """Uploads and removals of the evidence files of `realisasi`."""
    per_id = {r.pk: r for r in realisasi}
    return _peristiwa(
        DataDukung.history.filter(realisasi_id__in=per_id).select_related("history_user"),
        DataDukung,
        lambda c: f"{awalan(per_id[c.realisasi_id])}data dukung “{c.nama_asli}”",
        aksi=AKSI_BERKAS,
        tampil=(),
    )


def riwayat_triwulan(halaman):
    """The changes of one submission's quarter, newest first: its realisations, its spending
    and its workflow (with the reasons given)."""
    indikator = {b.indikator.pk: b.indikator for b in halaman.baris}
    sub = {a.sub_kegiatan.pk: a.sub_kegiatan for a in halaman.anggaran}
    tingkat = dict(Tingkat.objects.values_list("pk", "nama"))
    peristiwa = [
        *_peristiwa(
            Realisasi.history.filter(
                indikator_id__in=indikator, tahun=halaman.tahun, triwulan=halaman.triwulan
            ).select_related("history_user"),
            Realisasi,
            lambda c: f"Realisasi: {indikator[c.indikator_id]}",
            tingkat,
        ),
        *_peristiwa(
            RealisasiAnggaran.history.filter(
                sub_kegiatan_id__in=sub, tahun=halaman.tahun, triwulan=halaman.triwulan
            ).select_related("history_user"),
            RealisasiAnggaran,
            lambda c: f"Realisasi keuangan {sub[c.sub_kegiatan_id].kode}",
            rupiah={"nilai"},
        ),
        *_peristiwa_berkas(
            Realisasi.objects.filter(indikator_id__in=indikator, tahun=halaman.tahun, triwulan=halaman.triwulan),
            lambda r: f"{indikator[r.indikator_id]}: ",
        ),
        *_peristiwa(
            Pelaporan.history.filter(
                opd_id=halaman.opd.pk,
                bidang_id=halaman.bidang.pk if halaman.bidang else None,
                tahun=halaman.tahun,
                triwulan=halaman.triwulan,
            ).select_related("history_user"),
            Pelaporan,
            lambda c: "Status pelaporan",
        ),
    ]
    return _terbaru_dulu(peristiwa)


def _terbaru_dulu(peristiwa):
    """Newest first; of events at the same moment, the one listed later (saved later) first."""
    urut = sorted(enumerate(peristiwa), key=lambda ip: (ip[1].waktu, ip[0]), reverse=True)
    return [p for _, p in urut]

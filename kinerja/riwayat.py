"""Readable timelines from the audit history (django-simple-history): who changed what, when,
from which value to which, and why."""

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from kinerja import rules
from renstra.models import Indikator, Target, Tingkat

from .models import Pelaporan, Realisasi, RealisasiAnggaran

AKSI = {"+": "mengisi", "~": "mengubah", "-": "menghapus"}
ABAIKAN = {"id", "versi", "dibuat_pada", "diubah_pada", "diubah_oleh", "renstra", "terlambat"}


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


def _tulis(nilai, nama_tingkat):
    if nilai is None or nilai == "":
        return "–"
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, Decimal):
        return rules.format_angka(nilai, desimal=None)
    if isinstance(nilai, int) and nilai > 10_000:
        return rules.format_rupiah(nilai)
    return str(nama_tingkat.get(nilai, nilai)) if nama_tingkat else str(nilai)


def _label_field(model, nama):
    return str(model._meta.get_field(nama).verbose_name)


def _peristiwa(catatan, model, label, tingkat=None):
    """Events of the history records `catatan` of `model`, one per save that changed something."""
    tingkat = tingkat or {}
    per_objek = {}
    for c in sorted(catatan, key=lambda c: (c.history_date, c.history_id)):
        per_objek.setdefault(c.id, []).append(c)
    hasil = []
    fields = [f.name for f in model._meta.concrete_fields if f.name not in ABAIKAN]
    for daftar in per_objek.values():
        for lama, baru in pairwise([None, *daftar]):
            if baru.history_type == "+" or lama is None:
                perubahan = [
                    Perubahan(_label_field(model, f), "–", _tulis(getattr(baru, _kolom(model, f)), _peta(f, tingkat)))
                    for f in fields
                    if getattr(baru, _kolom(model, f)) not in (None, "")
                ]
            elif baru.history_type == "-":
                perubahan = []
            else:
                perubahan = [
                    Perubahan(
                        _label_field(model, f),
                        _tulis(getattr(lama, _kolom(model, f)), _peta(f, tingkat)),
                        _tulis(getattr(baru, _kolom(model, f)), _peta(f, tingkat)),
                    )
                    for f in fields
                    if getattr(lama, _kolom(model, f)) != getattr(baru, _kolom(model, f))
                ]
                if not perubahan and not baru.history_change_reason:
                    continue
            hasil.append(
                Peristiwa(
                    waktu=baru.history_date,
                    pengguna=baru.history_user,
                    objek=label(baru),
                    aksi=AKSI[baru.history_type],
                    perubahan=perubahan,
                    alasan=baru.history_change_reason or "",
                )
            )
    return hasil


def _kolom(model, nama):
    return model._meta.get_field(nama).attname


def _peta(nama, tingkat):
    return tingkat if nama == "tingkat" else None


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
    ]
    return sorted(peristiwa, key=lambda p: p.waktu, reverse=True)


def riwayat_triwulan(halaman, batas=200):
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
    return sorted(peristiwa, key=lambda p: p.waktu, reverse=True)[:batas]

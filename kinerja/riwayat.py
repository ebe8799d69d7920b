"""Readable timelines from the audit history (django-simple-history): who changed what, when,
from which value to which, and why."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.text import capfirst

from kinerja import rules
from renstra.models import Indikator, SatuanCacah, Target, Tingkat

from .models import DataDukung, Pelaporan, Realisasi, RealisasiAnggaran

AKSI = {"+": "mengisi", "~": "mengubah", "-": "menghapus"}
AKSI_BERKAS = {"+": "mengunggah", "~": "mengubah", "-": "menghapus"}
# Bookkeeping, and what the event's label, time and user already say.
ABAIKAN = {
    "id", "versi", "dibuat_pada", "diubah_pada", "diubah_oleh", "terlambat", "renstra",
    "indikator", "sub_kegiatan", "opd", "bidang", "tahun", "triwulan",
    "diajukan_pada", "diajukan_oleh", "diverifikasi_pada", "diverifikasi_oleh",
    "tertulis_strip",  # how an imported 0 was written ("-"), not a value
}  # fmt: skip


@dataclass
class Perubahan:
    """One field of one event: its label, the value before and after, as people read them; a
    switch (IKU, 0 dari 0…) is also said as a sentence (`kalimat`). `nama` is the model's field,
    never shown."""

    field: str
    lama: str
    baru: str
    kalimat: str = ""
    nama: str = ""

    def __str__(self):
        return self.kalimat or f"{capfirst(self.field)}: {self.lama} → {self.baru}"


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
        return rules.format_waktu(timezone.localtime(nilai))
    if f.name in rupiah:
        return rules.format_rupiah(nilai)
    if isinstance(nilai, Decimal):
        return rules.format_angka(nilai, desimal=None)
    return str(nilai)


class Tampilan:
    """How the fields of a model are told: every field but the bookkeeping, under its verbose
    name; at creation those that hold a value, at a change those that changed."""

    def __init__(self, model, tingkat=None, rupiah=(), tampil=None, abaikan=ABAIKAN):
        self.tingkat, self.rupiah = tingkat or {}, rupiah
        self.fields = [
            f for f in model._meta.concrete_fields if f.name not in abaikan and (tampil is None or f.name in tampil)
        ]

    def berlaku(self, f, catatan):
        """Whether the field means anything for the object as it is in `catatan`."""
        return True

    def bawaan(self, f, catatan):
        """Whether the field holds nothing worth telling at the object's creation."""
        return getattr(catatan, f.attname) in (None, "")

    def perubahan(self, f, catatan, lama=None):
        return Perubahan(
            str(f.verbose_name),
            "–" if lama is None else _tulis(lama, f, self.tingkat, self.rupiah),
            _tulis(catatan, f, self.tingkat, self.rupiah),
            nama=f.name,
        )

    def dibuat(self, catatan):
        return [
            self.perubahan(f, catatan) for f in self.fields if not self.bawaan(f, catatan) and self.berlaku(f, catatan)
        ]

    def diubah(self, lama, baru):
        """The fields that changed and mean something now, and those that came to mean something
        by this change (the method of capaian once the direction is negative)."""
        hasil = []
        for f in self.fields:
            if getattr(lama, f.attname) != getattr(baru, f.attname):
                if self.berlaku(f, baru):
                    hasil.append(self.perubahan(f, baru, lama))
            elif not self.bawaan(f, baru) and self.berlaku(f, baru) and not self.berlaku(f, lama):
                hasil.append(self.perubahan(f, baru))
        return hasil


def _berumus(c):
    return bool(c.pembilang and c.penyebut)


def _cacah(c):
    return c.jenis == Indikator.Jenis.KUANTITATIF and not _berumus(c) and SatuanCacah.mencakup(c.satuan)


class TampilanIndikator(Tampilan):
    """An indicator's definition in an operator's words: only what applies to its kind and
    direction (the negative method for a negative indicator, the multiplier and 0-of-0 for a
    formula), nothing at its default at creation, switches as sentences."""

    LABEL = {
        "metode_negatif": "cara menghitung capaian",
        "cara_tahunan": "nilai tahunan",
        "pengali": "pengali rumus",
        "kondisi_awal_teks": "kondisi awal (tertulis)",
    }
    # Told at creation even at their default (where they apply): how the indicator is read.
    POKOK = {"arah", "metode_negatif", "cara_tahunan"}
    BERLAKU = {
        "metode_negatif": lambda c: c.arah == Indikator.Arah.NEGATIF,
        "pengali": _berumus,
        "nol_dari_nol_tercapai": _berumus,
        "skala_tingkat": lambda c: c.jenis == Indikator.Jenis.KUALITATIF,
        "boleh_pecahan": _cacah,
    }
    # field: (label, word when on, word when off, sentence when on, sentence when off)
    SAKLAR = {
        "iku": (
            "Indikator Kinerja Utama (IKU)", "termasuk", "tidak termasuk",
            "Termasuk Indikator Kinerja Utama (IKU).", "Tidak lagi termasuk Indikator Kinerja Utama (IKU).",
        ),
        "ikk": (
            "Indikator Kinerja Kunci (IKK)", "termasuk", "tidak termasuk",
            "Termasuk Indikator Kinerja Kunci (IKK).", "Tidak lagi termasuk Indikator Kinerja Kunci (IKK).",
        ),
        "spm": (
            "Standar Pelayanan Minimal (SPM)", "termasuk", "tidak termasuk",
            "Termasuk indikator Standar Pelayanan Minimal (SPM).",
            "Tidak lagi termasuk indikator Standar Pelayanan Minimal (SPM).",
        ),
        "nol_dari_nol_tercapai": (
            "tidak ada yang membutuhkan layanan (0 dari 0)", "capaian 100%", "capaian tidak dapat dihitung",
            "Bila tidak ada yang membutuhkan layanan (0 dari 0), capaian dihitung 100%.",
            "Bila tidak ada yang membutuhkan layanan (0 dari 0), capaian tidak lagi dihitung 100%.",
        ),
        "boleh_pecahan": (
            "realisasi pecahan", "boleh", "tidak boleh",
            "Realisasi boleh berupa pecahan walaupun satuan {satuan} biasanya dihitung utuh.",
            "Realisasi dalam satuan {satuan} dihitung utuh: pecahan tidak diterima.",
        ),
    }  # fmt: skip

    def __init__(self, tingkat=None):
        super().__init__(Indikator, tingkat, abaikan=ABAIKAN - {"sub_kegiatan"})

    def berlaku(self, f, catatan):
        syarat = self.BERLAKU.get(f.name)
        return syarat is None or syarat(catatan)

    def bawaan(self, f, catatan):
        if f.name in self.POKOK:
            return False
        if f.name == "urutan":
            return True  # an order among siblings, told only when changed
        if f.name in self.SAKLAR:
            return not getattr(catatan, f.attname)
        if f.has_default() and getattr(catatan, f.attname) == f.get_default():
            return True
        return super().bawaan(f, catatan)

    def perubahan(self, f, catatan, lama=None):
        if f.name not in self.SAKLAR:
            hasil = super().perubahan(f, catatan, lama)
            hasil.field = self.LABEL.get(f.name, hasil.field)
            return hasil
        label, ya, tidak, kalimat_ya, kalimat_tidak = self.SAKLAR[f.name]
        nyala = getattr(catatan, f.attname)
        return Perubahan(
            label,
            "–" if lama is None else (ya if getattr(lama, f.attname) else tidak),
            ya if nyala else tidak,
            kalimat=(kalimat_ya if nyala else kalimat_tidak).format(satuan=catatan.satuan),
            nama=f.name,
        )


def _peristiwa(catatan, model, label, tingkat=None, rupiah=(), aksi=AKSI, tampil=None, tampilan=None):
    """Events of the history records `catatan` of `model`: one per save that changed a field
    shown (`tampil`, default every field but the bookkeeping; `tampilan` says which and how) or
    gave a reason; with `tampil` given, every save and deletion."""
    tampilan = tampilan or Tampilan(model, tingkat, rupiah, tampil)
    per_objek = {}
    for c in sorted(catatan, key=lambda c: (c.history_date, c.history_id)):
        per_objek.setdefault(c.id, []).append(c)
    hasil = []
    for daftar in per_objek.values():
        for lama, baru in pairwise([None, *daftar]):
            if baru.history_type == "-":
                perubahan = []
            elif lama is None or baru.history_type == "+":
                perubahan = tampilan.dibuat(baru)
            else:
                perubahan = tampilan.diubah(lama, baru)
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


def _label_realisasi(c, tahunan=False):
    """A realisation's row in the history; an annual indicator's is the year's, never "triwulan 4"."""
    return f"Realisasi tahunan {c.tahun}" if tahunan else f"Realisasi {c.tahun} triwulan {c.triwulan}"


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
            tampilan=TampilanIndikator(tingkat),
        ),
        *_peristiwa(
            Target.history.filter(indikator_id=indikator.pk).select_related("history_user"),
            Target,
            _label_target,
            tampilan=Tampilan(Target, tingkat, abaikan=ABAIKAN | {"jenis"}),  # the label says which
        ),
        *_peristiwa(
            Realisasi.history.filter(indikator_id=indikator.pk).select_related("history_user"),
            Realisasi,
            lambda c: _label_realisasi(c, indikator.tahunan),
            tingkat,
        ),
        *_peristiwa_berkas(
            Realisasi.objects.filter(indikator=indikator), lambda r: _label_realisasi(r, indikator.tahunan) + ": "
        ),
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
            lambda c: (
                f"Realisasi{' tahunan' if indikator[c.indikator_id].tahunan else ''}: {indikator[c.indikator_id]}"
            ),
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

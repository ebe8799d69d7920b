"""Capaian computed once, read many times: the region's overview reads each indicator's capaian
of the year from the read model (`CapaianTersimpan`) instead of building every target and
realisation of the region and running the rules on them at each request.

`ringkasan_renstra` reads each agency's aggregate of the year (its row of the overview: the
number of indicators, per predikat, the sum its mean divides, its outliers), valid while the
fingerprint of its indicators' versions is unchanged, and computes only the agencies whose
indicators changed (from `capaian_wilayah`). A province's overview reads a few hundred rows,
not tens of thousands.

`capaian_wilayah` reads the stored rows whose version is the indicator's current one (a version
the writing transaction's triggers raise, kinerja.pemicu) and computes, with the same function
as every other page (`selectors.kinerja_per_tahun`), only the indicators whose rows changed since,
storing them for the next reader. The version is read before the rows the capaian is computed
from, so a write committed meanwhile leaves a row marked with the older version: it is computed
again by the next reader, never served as current. `hitung_ulang` is the full recomputation the
consistency test compares the read model with.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from kinerja import rules
from renstra.models import Indikator
from renstra.selectors import indikator_berlaku_pada

from .models import CapaianTersimpan, RingkasanTersimpan, VersiCapaian
from .selectors import KinerjaTahun, dihitung, kinerja_per_tahun

# Raised when what an aggregate holds or how it is computed changes (`migrate` empties the read
# model anyway; this covers a code update run without one).
BENTUK_RINGKASAN = 1

# What an agency's row of the overview reads of an indicator (`KinerjaTahun` groups by node).
KOLOM_INDIKATOR = (
    "id",
    "renstra_id",
    "tujuan_id",
    "sasaran_id",
    "program_id",
    "kegiatan_id",
    "sub_kegiatan_id",
    "induk_id",
    "uraian",
)


@dataclass(frozen=True)
class IndikatorRingkas:
    """An indicator's name and the ids of its place in its Renstra, without loading the model."""

    pk: int
    renstra_id: int
    tujuan_id: int | None
    sasaran_id: int | None
    program_id: int | None
    kegiatan_id: int | None
    sub_kegiatan_id: int | None
    induk_id: int | None
    uraian: str
    dipotong_refocusing: bool


@dataclass(frozen=True)
class KinerjaRingkas:
    """An indicator's capaian of the year up to a quarter, as the overview needs it (the same
    `capaian` and `dihitung` as `selectors.KinerjaIndikator`)."""

    indikator: IndikatorRingkas
    hasil: rules.HasilCapaian

    @property
    def capaian(self):
        return self.hasil.nilai

    @property
    def dihitung(self):
        return dihitung(self.indikator)


def indikator_ringkas(renstra, tahun):
    """The indicators of `renstra` (Renstra ids) in force in `tahun`, one query."""
    baris = (
        Indikator.objects.filter(indikator_berlaku_pada(tahun), renstra__in=renstra)
        .order_by("renstra_id", "pk")
        .values_list(*KOLOM_INDIKATOR, "sub_kegiatan__refocusing")
    )
    return [IndikatorRingkas(*b[:-1], dipotong_refocusing=bool(b[-1])) for b in baris]


def _kolom(hasil):
    """The stored form of a HasilCapaian: the exact Decimal as text, the reason by name."""
    return {
        "capaian": "" if hasil.nilai is None else str(hasil.nilai),
        "alasan": hasil.alasan.name if hasil.alasan else "",
    }


def _baca(capaian, alasan):
    return rules.HasilCapaian(Decimal(capaian) if capaian else None, rules.Alasan[alasan] if alasan else None)


def hitung_ulang(pk, tahun, triwulan, skala):
    """{indicator id: HasilCapaian} of the indicators `pk` computed afresh by the rules (what the
    read model must hold)."""
    indikator = Indikator.objects.filter(pk__in=pk).select_related("sub_kegiatan", "skala_tingkat")
    kinerja = kinerja_per_tahun(indikator, [tahun], skala, sampai_triwulan=triwulan)
    return {i: k.hasil for (i, _), k in kinerja.items()}


def capaian_wilayah(renstra, tahun, triwulan, skala):
    """[KinerjaRingkas] of every indicator of `renstra` (Renstra ids) in force in `tahun`, as
    known at the end of `triwulan`: two queries when the read model is current (the indicators,
    and their stored rows of the current version), and the computation of the changed
    indicators only when it is not."""
    renstra = list(renstra)
    indikator = indikator_ringkas(renstra, tahun)
    kini = Coalesce(
        Subquery(VersiCapaian.objects.filter(indikator_id=OuterRef("indikator_id")).values("versi")[:1]),
        0,
        output_field=models.BigIntegerField(),
    )
    tersimpan = {
        i: (c, a)
        for i, c, a in CapaianTersimpan.objects.filter(indikator__renstra__in=renstra, tahun=tahun, triwulan=triwulan)
        .alias(kini=kini)
        .filter(versi=F("kini"))
        .values_list("indikator_id", "capaian", "alasan")
    }
    hasil = {pk: _baca(*baris) for pk, baris in tersimpan.items()}
    if usang := [i.pk for i in indikator if i.pk not in tersimpan]:
        # The versions first, then the rows they count (hitung_ulang): see the module's note.
        versi = dict(VersiCapaian.objects.filter(indikator_id__in=usang).values_list("indikator_id", "versi"))
        baru = hitung_ulang(usang, tahun, triwulan, skala)
        CapaianTersimpan.objects.bulk_create(
            [
                CapaianTersimpan(
                    indikator_id=i, tahun=tahun, triwulan=triwulan, versi=versi.get(i, 0), **_kolom(baru[i])
                )
                for i in usang
            ],
            update_conflicts=True,
            unique_fields=["indikator", "tahun", "triwulan"],
            update_fields=["versi", "capaian", "alasan"],
        )
        hasil.update(baru)
    return [KinerjaRingkas(i, hasil[i.pk]) for i in indikator]


# ---------------------------------------------------------------------------------------------
# An agency's aggregate
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RingkasanRenstra:
    """A Renstra's indicators in a year up to a quarter, as the region's overview shows its
    agency: the counted indicators (`KinerjaTahun.indikator` that count), how many fall in each
    band of the scale (label None: not measurable yet), the sum and number of capaian its mean
    divides (`KinerjaTahun.dirata`, `rules.jumlah_capaian`) and the outliers among them."""

    jumlah_indikator: int
    per_label: dict
    jumlah: Decimal
    terhitung: int
    pencilan: tuple  # ((uraian, capaian), ...) in the order of the Renstra

    @property
    def rata_rata(self):
        """The agency's rata-rata capaian kinerja, as `KinerjaTahun.rata_rata_semua`."""
        return rules.rata_rata_gabungan([(self.jumlah, self.terhitung)])

    def per_predikat(self, skala):
        """[(band, count)] of the scale, and (None, count) of the indicators not measurable yet."""
        return [(r, self.per_label.get(r.label, 0)) for r in skala.rentang] + [(None, self.per_label.get(None, 0))]

    @classmethod
    def dari(cls, kinerja, ambang_pencilan):
        """The aggregate of a `KinerjaTahun`."""
        dihitung_ = [k for k in kinerja.indikator if k.dihitung]
        per_label = {}
        for k in dihitung_:
            rentang = kinerja.skala.cari(k.capaian)
            label = rentang.label if rentang else None
            per_label[label] = per_label.get(label, 0) + 1
        jumlah, terhitung = rules.jumlah_capaian((k.capaian for k in kinerja.dirata), kinerja.batas)
        pencilan = tuple(
            (k.indikator.uraian, k.capaian)
            for k in kinerja.dirata
            if rules.capaian_pencilan(k.capaian, ambang_pencilan)
        )
        return cls(len(dihitung_), per_label, jumlah, terhitung, pencilan)

    def ke_json(self):
        return {
            "jumlah_indikator": self.jumlah_indikator,
            "per_label": [[label, n] for label, n in self.per_label.items()],
            "jumlah": str(self.jumlah),
            "terhitung": self.terhitung,
            "pencilan": [[uraian, str(c)] for uraian, c in self.pencilan],
        }

    @classmethod
    def dari_json(cls, isi):
        return cls(
            isi["jumlah_indikator"],
            dict(isi["per_label"]),
            Decimal(isi["jumlah"]),
            isi["terhitung"],
            tuple((uraian, Decimal(c)) for uraian, c in isi["pencilan"]),
        )


def sidik_renstra(renstra):
    """{Renstra id: fingerprint of its indicators' versions}, one query: their number and the
    sums of their ids and versions. Ids are never reused and versions only grow (an indicator's
    deletion raises its version too), so any change of the set or of a version changes it."""
    if not renstra:
        return {}
    tempat = ", ".join(["%s"] * len(renstra))
    with connection.cursor() as kursor:
        kursor.execute(
            "SELECT i.renstra_id, COUNT(*), SUM(i.id), SUM(COALESCE(v.versi, 0)) FROM renstra_indikator i "
            f"LEFT JOIN {VersiCapaian._meta.db_table} v ON v.indikator_id = i.id "
            f"WHERE i.renstra_id IN ({tempat}) GROUP BY i.renstra_id",
            list(renstra),
        )
        hasil = {r: f"{n}:{i}:{v}" for r, n, i, v in kursor.fetchall()}
    return {r: hasil.get(r, "0:0:0") for r in renstra}


def _kunci(skala, batas, ambang_pencilan):
    """What else an aggregate is computed with: the scale, the cap, the outlier threshold, the
    rounding rule (bands are found on the rounded value) and the aggregate's form."""
    teks = repr((BENTUK_RINGKASAN, skala, batas, ambang_pencilan, rules.pembulatan()))
    return hashlib.sha256(teks.encode()).hexdigest()[:16]


def ringkasan_renstra(renstra, tahun, triwulan, skala, batas, ambang_pencilan):
    """{Renstra id: RingkasanRenstra} of `renstra` (ids) in `tahun` up to `triwulan`: two queries
    when the stored aggregates are current, and `capaian_wilayah` of the Renstra whose indicators
    changed since (their aggregates stored for the next reader)."""
    renstra = list(renstra)
    kunci = _kunci(skala, batas, ambang_pencilan)
    # The fingerprints first, then the rows they count (as the versions in capaian_wilayah).
    sidik = {r: f"{s}:{kunci}" for r, s in sidik_renstra(renstra).items()}
    hasil = {
        r: RingkasanRenstra.dari_json(isi)
        for r, s, isi in RingkasanTersimpan.objects.filter(renstra__in=renstra, tahun=tahun, triwulan=triwulan)
        .values_list("renstra_id", "sidik", "isi")
        .iterator()
        if s == sidik[r]
    }
    if usang := [r for r in renstra if r not in hasil]:
        per_renstra = {}
        for k in capaian_wilayah(usang, tahun, triwulan, skala):
            per_renstra.setdefault(k.indikator.renstra_id, []).append(k)
        baru = {
            r: RingkasanRenstra.dari(KinerjaTahun(None, tahun, skala, per_renstra.get(r, []), batas), ambang_pencilan)
            for r in usang
        }
        RingkasanTersimpan.objects.bulk_create(
            [
                RingkasanTersimpan(renstra_id=r, tahun=tahun, triwulan=triwulan, sidik=sidik[r], isi=b.ke_json())
                for r, b in baru.items()
            ],
            update_conflicts=True,
            unique_fields=["renstra", "tahun", "triwulan"],
            update_fields=["sidik", "isi"],
        )
        hasil.update(baru)
    return hasil

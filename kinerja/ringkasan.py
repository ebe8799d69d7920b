"""Capaian computed once, read many times: the region's overview reads each indicator's capaian
of the year from the read model (`CapaianTersimpan`) instead of building every target and
realisation of the region and running the rules on them at each request.

`capaian_wilayah` reads the stored rows whose version is the indicator's current one (a version
the writing transaction's triggers raise, kinerja.pemicu) and computes, with the same function
as every other page (`selectors.kinerja_per_tahun`), only the indicators whose rows changed since,
storing them for the next reader. The version is read before the rows the capaian is computed
from, so a write committed meanwhile leaves a row marked with the older version: it is computed
again by the next reader, never served as current. `hitung_ulang` is the full recomputation the
consistency test compares the read model with.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from kinerja import rules
from renstra.models import Indikator
from renstra.selectors import indikator_berlaku_pada

from .models import CapaianTersimpan, VersiCapaian
from .selectors import dihitung, kinerja_per_tahun

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

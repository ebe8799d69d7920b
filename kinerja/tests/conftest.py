"""Fixtures of the measurement tests."""

import datetime
import zoneinfo
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse

from renstra.models import Indikator, Tingkat
from renstra.tests.factories import (
    IndikatorFactory,
    PaguFactory,
    PerangkatDaerahFactory,
    RenstraFactory,
    SubKegiatanFactory,
    TargetFactory,
    skala,
)

from .factories import operator

D = Decimal
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
SEBELUM_BATAS = datetime.datetime(2024, 12, 20, 10, 0, tzinfo=WIB)


@pytest.fixture
def dinas(settings, tmp_path, time_machine):
    """A small agency in December 2024, before the TW IV deadline: a sub kegiatan with a count
    indicator (target 12), a formula one (target 98,79) and an APE level (target Pratama)."""
    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to(SEBELUM_BATAS, tick=False)
    renstra = RenstraFactory(opd=PerangkatDaerahFactory(kode="DSPPPA-UJI", nama="DSPPPA Kabupaten Uji"))
    sub = SubKegiatanFactory(kegiatan__program__renstra=renstra, uraian="Pemberian Layanan Kedaruratan")
    darurat = IndikatorFactory(
        sub_kegiatan=sub, uraian="Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan", satuan="Orang"
    )
    TargetFactory(indikator=darurat, nilai=D(12))
    rumus = IndikatorFactory(
        sub_kegiatan=sub,
        uraian="Persentase PMKS yang tertangani atau mendapatkan layanan",
        satuan="%",
        pembilang="Jumlah PMKS yang tertangani",
        penyebut="Jumlah PMKS",
        cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE,
    )
    TargetFactory(indikator=rumus, nilai=D("98.79"))
    ape = IndikatorFactory(
        sub_kegiatan=sub,
        uraian="Level Anugerah Parahita Ekapraya (APE)",
        satuan="Level",
        jenis=Indikator.Jenis.KUALITATIF,
        skala_tingkat=skala("Anugerah"),
        cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE,
    )
    tingkat = {t.nama: t for t in Tingkat.objects.filter(skala=ape.skala_tingkat)}
    TargetFactory(indikator=ape, nilai=None, tingkat=tingkat["Pratama"])
    PaguFactory(sub_kegiatan=sub, tahun=2024, induk=36_350_862)
    return SimpleNamespace(
        opd=renstra.opd,
        sub=sub,
        darurat=darurat,
        rumus=rumus,
        ape=ape,
        tingkat=tingkat,
        operator=operator(opd=renstra.opd, first_name="Rina"),
        url=reverse("kinerja:isian", args=[2024, 4]),
    )

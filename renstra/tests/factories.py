"""Factories for unit tests of the plan: a small, valid Renstra tree on demand."""

from decimal import Decimal

import factory

from renstra.models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SkalaTingkat,
    SubKegiatan,
    SumberDana,
    Target,
    Tujuan,
)


class PerangkatDaerahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerangkatDaerah
        django_get_or_create = ("kode",)

    kode = factory.Sequence(lambda n: f"OPD-{n:02d}")
    nama = factory.Sequence(lambda n: f"Dinas Sosial Kabupaten Contoh {n}")
    singkatan = factory.Sequence(lambda n: f"Dinsos {n}")


class BidangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bidang

    opd = factory.SubFactory(PerangkatDaerahFactory)
    nama = factory.Sequence(lambda n: f"Bidang {n}")


class RenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Renstra

    opd = factory.SubFactory(PerangkatDaerahFactory)
    tahun_awal = 2024
    tahun_akhir = 2026


class TujuanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tujuan

    renstra = factory.SubFactory(RenstraFactory)
    kode = factory.Sequence(lambda n: str(n % 90 + 1))
    uraian = "Meningkatnya kesejahteraan PMKS"


class SasaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sasaran

    tujuan = factory.SubFactory(TujuanFactory)
    kode = factory.LazyAttributeSequence(lambda o, n: f"{o.tujuan.kode}.{n % 90 + 1}")
    uraian = "Meningkatnya penanganan PMKS"


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    renstra = factory.SubFactory(RenstraFactory)
    kode = factory.Sequence(lambda n: f"1.06.{n % 90 + 10:02d}")
    uraian = "Program Rehabilitasi Sosial"


class KegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kegiatan

    program = factory.SubFactory(ProgramFactory)
    kode = factory.LazyAttributeSequence(lambda o, n: f"{o.program.kode}.2.{n % 90 + 1:02d}")
    uraian = "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar di Luar Panti Sosial"


class SubKegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubKegiatan

    kegiatan = factory.SubFactory(KegiatanFactory)
    kode = factory.LazyAttributeSequence(lambda o, n: f"{o.kegiatan.kode}.{n % 9000 + 1:04d}")
    uraian = "Pemberian Layanan Kedaruratan"


class IndikatorFactory(factory.django.DjangoModelFactory):
    """An indicator of a sub kegiatan unless another owner is given."""

    class Meta:
        model = Indikator

    sub_kegiatan = factory.SubFactory(SubKegiatanFactory)
    uraian = "Jumlah orang yang mendapatkan pelayanan kedaruratan"
    satuan = "Orang"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2024
    nilai = Decimal("30")


class SumberDanaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SumberDana
        django_get_or_create = ("nama",)

    nama = "APBD Kabupaten"


class PaguFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pagu

    sub_kegiatan = factory.SubFactory(SubKegiatanFactory)
    tahun = 2024
    sumber_dana = factory.SubFactory(SumberDanaFactory)
    induk = 36_350_862


def skala(nama):
    """A scale shipped by migration 0002 (APE or KLA)."""
    return SkalaTingkat.objects.get(nama__startswith=nama)

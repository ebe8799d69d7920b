"""Factories for users and measurements."""

from decimal import Decimal

import factory
from django.contrib.auth.models import Group

from kinerja.models import Pelaporan, Peran, Realisasi, RealisasiAnggaran, User
from renstra.tests.factories import IndikatorFactory, PerangkatDaerahFactory, SubKegiatanFactory


class UserFactory(factory.django.DjangoModelFactory):
    """A user; `peran` puts them in that role's group (created by migration 0004)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    password = factory.django.Password("rahasia-uji-123")

    @factory.post_generation
    def peran(self, create, peran, **kwargs):
        if create and peran:
            self.groups.add(Group.objects.get(name=Peran(peran).value))


def operator(opd=None, **kwargs):
    return UserFactory(opd=opd or PerangkatDaerahFactory(), peran=Peran.OPERATOR, **kwargs)


def verifikator(**kwargs):
    return UserFactory(peran=Peran.VERIFIKATOR, **kwargs)


def admin(**kwargs):
    return UserFactory(peran=Peran.ADMIN, is_staff=True, **kwargs)


class RealisasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisasi

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2024
    triwulan = 1
    nilai = Decimal("8")


class RealisasiAnggaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RealisasiAnggaran

    sub_kegiatan = factory.SubFactory(SubKegiatanFactory)
    tahun = 2024
    triwulan = 1
    nilai = 5_000_000


class PelaporanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pelaporan

    opd = factory.SubFactory(PerangkatDaerahFactory)
    tahun = 2024
    triwulan = 1


def renstra_nomenklatur_berganti(opd=None):
    """A small Renstra 2024–2026 of an agency onboarded from documents of the older nomenclature:
    a program printed without a code, in force 2024–2025, whose kegiatan (no sub kegiatan, as
    before 2021) carries its budget on the hidden row `mewakili_kegiatan` with pagu 2025 from two
    sources of funds (APBD 100.000.000 and DAK 50.000.000, spent 30.000.000 in TW I and
    90.000.000 in TW IV); and the program replacing it from 2026 (1.06.04, `pendahulu` the old
    one) with one sub kegiatan (pagu 2026 200.000.000). Returns a namespace of the rows."""
    from types import SimpleNamespace

    from renstra.tests.factories import (
        KegiatanFactory,
        PaguFactory,
        ProgramFactory,
        RenstraFactory,
        SasaranFactory,
        SumberDanaFactory,
        TargetFactory,
        TujuanFactory,
    )

    renstra = RenstraFactory(opd=opd or PerangkatDaerahFactory(), tahun_awal=2024, tahun_akhir=2026)
    tujuan = TujuanFactory(renstra=renstra, kode="1", uraian="Meningkatnya kesejahteraan sosial")
    sasaran = SasaranFactory(tujuan=tujuan, kode="1.1", uraian="Meningkatnya penanganan PMKS")
    lama = ProgramFactory(
        renstra=renstra,
        sasaran=sasaran,
        kode="",
        uraian="Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial",
        tahun_selesai=2025,
    )
    kegiatan_lama = KegiatanFactory(program=lama, kode="", uraian="Pelayanan Anak Terlantar")
    pembawa = SubKegiatanFactory(kegiatan=kegiatan_lama, kode="", uraian=kegiatan_lama.uraian, mewakili_kegiatan=True)
    indikator_lama = IndikatorFactory(
        sub_kegiatan=None, kegiatan=kegiatan_lama, uraian="Jumlah anak terlantar yang dilayani", satuan="Anak"
    )
    for tahun in (2024, 2025):
        TargetFactory(indikator=indikator_lama, tahun=tahun, nilai=Decimal(40))
    RealisasiFactory(indikator=indikator_lama, tahun=2025, triwulan=4, nilai=Decimal(40))
    apbd, dak = SumberDanaFactory(nama="APBD Kabupaten"), SumberDanaFactory(nama="DAK")
    PaguFactory(sub_kegiatan=pembawa, tahun=2025, sumber_dana=apbd, induk=100_000_000, indikatif=100_000_000)
    PaguFactory(sub_kegiatan=pembawa, tahun=2025, sumber_dana=dak, induk=50_000_000, indikatif=50_000_000)
    RealisasiAnggaranFactory(sub_kegiatan=pembawa, tahun=2025, triwulan=1, nilai=30_000_000)
    RealisasiAnggaranFactory(sub_kegiatan=pembawa, tahun=2025, triwulan=4, nilai=90_000_000)

    baru = ProgramFactory(
        renstra=renstra,
        sasaran=sasaran,
        kode="1.06.04",
        uraian="Program Rehabilitasi Sosial",
        tahun_mulai=2026,
        pendahulu=lama,
    )
    kegiatan_baru = KegiatanFactory(program=baru, kode="1.06.04.2.01", uraian="Rehabilitasi Sosial Dasar Anak")
    sub_baru = SubKegiatanFactory(
        kegiatan=kegiatan_baru, kode="1.06.04.2.01.0001", uraian="Pemberian Layanan Kedaruratan Anak"
    )
    indikator_baru = IndikatorFactory(sub_kegiatan=sub_baru, uraian="Jumlah anak yang mendapat layanan", satuan="Anak")
    TargetFactory(indikator=indikator_baru, tahun=2026, nilai=Decimal(50))
    PaguFactory(sub_kegiatan=sub_baru, tahun=2026, sumber_dana=apbd, induk=200_000_000, indikatif=200_000_000)
    return SimpleNamespace(
        renstra=renstra,
        opd=renstra.opd,
        sasaran=sasaran,
        lama=lama,
        kegiatan_lama=kegiatan_lama,
        pembawa=pembawa,
        indikator_lama=indikator_lama,
        baru=baru,
        kegiatan_baru=kegiatan_baru,
        sub_baru=sub_baru,
        indikator_baru=indikator_baru,
    )

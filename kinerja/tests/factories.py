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

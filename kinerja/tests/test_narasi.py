"""The LKjIP's narrative sections: who may write them, what a save writes (and its history), two
people on one section, and starting a year from last year's text."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinerja.models import NarasiLaporan
from kinerja.narasi import NarasiBentrok, narasi_tahun, salin_narasi_tahun_lalu, simpan_narasi
from renstra.tests.factories import IndikatorFactory, RenstraFactory, SasaranFactory, TujuanFactory

from .factories import admin, operator, verifikator

pytestmark = pytest.mark.django_db

KATA_PENGANTAR = NarasiLaporan.Bagian.KATA_PENGANTAR
PENDORONG = NarasiLaporan.Bagian.FAKTOR_PENDORONG


@pytest.fixture
def renstra():
    return RenstraFactory(tahun_awal=2024, tahun_akhir=2026)


@pytest.fixture
def indikator(renstra):
    return IndikatorFactory(sub_kegiatan=None, sasaran=SasaranFactory(tujuan=TujuanFactory(renstra=renstra)))


def _simpan(user, opd, teks, versi=0, bagian=KATA_PENGANTAR, indikator=None, tahun=2024):
    return simpan_narasi(user=user, opd=opd, tahun=tahun, bagian=bagian, teks=teks, versi=versi, indikator=indikator)


def test_operator_writes_their_agency_section_with_its_history(renstra):
    user = operator(opd=renstra.opd)
    hasil = _simpan(user, renstra.opd, "  Puji dan syukur ...\r\n\r\nPenyusunan ...  ")

    n = hasil.narasi
    assert hasil.berubah and n.versi == 1 and n.diubah_oleh == user
    assert n.teks == "Puji dan syukur ...\n\nPenyusunan ..."
    assert n.history.get().history_user == user

    hasil = _simpan(user, renstra.opd, "Puji dan syukur (diperbaiki)", versi=1)
    assert hasil.narasi.versi == 2 and hasil.narasi.history.count() == 2


def test_saving_the_same_text_writes_nothing(renstra):
    user = operator(opd=renstra.opd)
    _simpan(user, renstra.opd, "Teks")
    hasil = _simpan(user, renstra.opd, "Teks\r\n", versi=1)
    assert not hasil.berubah and hasil.narasi.versi == 1 and hasil.narasi.history.count() == 1


def test_a_section_saved_by_someone_else_since_the_form_opened_is_not_overwritten(renstra):
    pertama, kedua = operator(opd=renstra.opd), operator(opd=renstra.opd)
    _simpan(pertama, renstra.opd, "Versi pertama")
    _simpan(pertama, renstra.opd, "Versi kedua", versi=1)

    with pytest.raises(NarasiBentrok) as e:
        _simpan(kedua, renstra.opd, "Ditulis dari halaman lama", versi=1)
    assert e.value.narasi.teks == "Versi kedua"
    assert str(pertama) in str(e.value)
    assert NarasiLaporan.objects.get().teks == "Versi kedua"


@pytest.mark.parametrize("peran", ["operator_lain", "verifikator"])
def test_operator_of_another_agency_and_verifikator_cannot_write(renstra, peran):
    user = operator() if peran == "operator_lain" else verifikator()
    with pytest.raises(PermissionDenied):
        _simpan(user, renstra.opd, "Bukan hak saya")
    assert not NarasiLaporan.objects.exists()


def test_admin_writes_for_any_agency(renstra):
    assert _simpan(admin(), renstra.opd, "Dari admin").narasi.opd == renstra.opd


def test_per_indicator_sections_need_an_indicator_and_agency_sections_refuse_one(renstra, indikator):
    user = operator(opd=renstra.opd)
    with pytest.raises(ValidationError, match="per indikator"):
        _simpan(user, renstra.opd, "Faktor", bagian=PENDORONG)
    with pytest.raises(ValidationError, match="seluruh perangkat daerah"):
        _simpan(user, renstra.opd, "Kata", indikator=indikator)
    with pytest.raises(ValidationError, match="tidak dikenal"):
        _simpan(user, renstra.opd, "Kata", bagian="prakata")
    assert _simpan(user, renstra.opd, "Respon masyarakat", bagian=PENDORONG, indikator=indikator).berubah


def test_an_indicator_of_another_agency_or_period_is_refused(renstra, indikator):
    user = admin()
    lain = IndikatorFactory(sub_kegiatan=None, sasaran=SasaranFactory())
    with pytest.raises(ValidationError, match="bukan milik"):
        _simpan(user, renstra.opd, "x", bagian=PENDORONG, indikator=lain)
    with pytest.raises(ValidationError, match="Renstra 2024–2026, bukan tahun 2023"):
        _simpan(user, renstra.opd, "x", bagian=PENDORONG, indikator=indikator, tahun=2023)


def test_the_database_keeps_one_section_per_agency_year_and_indicator(renstra, indikator):
    NarasiLaporan.objects.create(opd=renstra.opd, tahun=2024, bagian=KATA_PENGANTAR, teks="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        NarasiLaporan.objects.create(opd=renstra.opd, tahun=2024, bagian=KATA_PENGANTAR, teks="b")
    NarasiLaporan.objects.create(opd=renstra.opd, tahun=2024, bagian=PENDORONG, indikator=indikator, teks="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        NarasiLaporan.objects.create(opd=renstra.opd, tahun=2024, bagian=PENDORONG, indikator=indikator, teks="b")
    with pytest.raises(IntegrityError), transaction.atomic():
        NarasiLaporan.objects.create(opd=renstra.opd, tahun=2024, bagian=PENDORONG, teks="tanpa indikator")


def test_a_new_year_starts_from_last_years_text_without_overwriting(renstra, indikator):
    user = operator(opd=renstra.opd)
    opd = renstra.opd
    _simpan(user, opd, "Kata pengantar 2024")
    _simpan(user, opd, "Langkah 2024", bagian=NarasiLaporan.Bagian.LANGKAH_PERBAIKAN)
    _simpan(user, opd, "Pendorong 2024", bagian=PENDORONG, indikator=indikator)
    _simpan(user, opd, "Langkah 2025 sudah ditulis", bagian=NarasiLaporan.Bagian.LANGKAH_PERBAIKAN, tahun=2025)

    hasil = salin_narasi_tahun_lalu(user=user, opd=opd, tahun=2025)

    assert (hasil.disalin, hasil.dilewati) == (2, 1)
    tahun_ini = narasi_tahun(opd, 2025)
    assert tahun_ini["kata_pengantar", None].teks == "Kata pengantar 2024"
    assert tahun_ini["langkah_perbaikan", None].teks == "Langkah 2025 sudah ditulis"
    assert tahun_ini["faktor_pendorong", indikator.pk].teks == "Pendorong 2024"
    catatan = tahun_ini["kata_pengantar", None].history.get()
    assert catatan.history_change_reason == "Disalin dari narasi tahun 2024" and catatan.history_user == user
    assert salin_narasi_tahun_lalu(user=user, opd=opd, tahun=2025).disalin == 0


def test_a_new_renstra_takes_the_text_of_the_indicator_it_continues(renstra, indikator):
    opd = renstra.opd
    lama = RenstraFactory(opd=opd, tahun_awal=2019, tahun_akhir=2023)
    indikator_lama = IndikatorFactory(sub_kegiatan=None, sasaran=SasaranFactory(tujuan=TujuanFactory(renstra=lama)))
    tanpa_penerus = IndikatorFactory(sub_kegiatan=None, sasaran=SasaranFactory(tujuan=TujuanFactory(renstra=lama)))
    indikator.pendahulu = indikator_lama
    indikator.save()
    user = operator(opd=opd)
    _simpan(user, opd, "Pendorong 2023", bagian=PENDORONG, indikator=indikator_lama, tahun=2023)
    _simpan(user, opd, "Tidak dilanjutkan", bagian=PENDORONG, indikator=tanpa_penerus, tahun=2023)

    hasil = salin_narasi_tahun_lalu(user=user, opd=opd, tahun=2024)

    assert (hasil.disalin, hasil.dilewati) == (1, 1)
    assert narasi_tahun(opd, 2024)["faktor_pendorong", indikator.pk].teks == "Pendorong 2023"


def test_copying_is_refused_to_who_may_not_write(renstra):
    with pytest.raises(PermissionDenied):
        salin_narasi_tahun_lalu(user=verifikator(), opd=renstra.opd, tahun=2025)

"""Invariants of realisations and submissions: enforced by the database, reported by model
validation with a message in Indonesian."""

from decimal import Decimal

import pytest

from kinerja.models import DataDukung, Pelaporan, Realisasi
from kinerja.models.realisasi import lokasi_data_dukung
from renstra.models import Indikator, Tingkat
from renstra.tests.factories import (
    BidangFactory,
    IndikatorFactory,
    PerangkatDaerahFactory,
    SasaranFactory,
    SubKegiatanFactory,
    skala,
)
from renstra.tests.pemeriksa import ditolak_database, pesan_validasi

from .factories import PelaporanFactory, RealisasiAnggaranFactory, RealisasiFactory, UserFactory

pytestmark = pytest.mark.django_db


def _realisasi(**kwargs):
    return RealisasiFactory.build(indikator=IndikatorFactory(), **kwargs)


def _anggaran(**kwargs):
    return RealisasiAnggaranFactory.build(sub_kegiatan=SubKegiatanFactory(), **kwargs)


def _pelaporan(**kwargs):
    return PelaporanFactory.build(opd=PerangkatDaerahFactory(), **kwargs)


def _ganda(factory, **kwargs):
    asli = factory(**kwargs)
    salinan = {f: getattr(asli, f) for f in ("indikator", "sub_kegiatan", "opd") if hasattr(asli, f)}
    return factory.build(**(salinan | kwargs))


def _realisasi_ape_dengan_angka_dan_tingkat():
    indikator = IndikatorFactory(
        sasaran=SasaranFactory(), sub_kegiatan=None, jenis=Indikator.Jenis.KUALITATIF, skala_tingkat=skala("Anugerah")
    )
    pratama = Tingkat.objects.get(skala=indikator.skala_tingkat, nama="Pratama")
    return Realisasi(indikator=indikator, tahun=2024, triwulan=4, nilai=Decimal(1), tingkat=pratama)


KASUS = [
    ("realisasi-triwulan-nol", lambda: _realisasi(triwulan=0), "Triwulan harus 1, 2, 3 atau 4."),
    ("realisasi-triwulan-lima", lambda: _realisasi(triwulan=5), "Triwulan harus 1, 2, 3 atau 4."),
    (
        "realisasi-pembilang-negatif",
        lambda: _realisasi(pembilang=Decimal(-1), penyebut=Decimal(10)),
        "Pembilang dan penyebut tidak boleh negatif.",
    ),
    (
        "realisasi-angka-dan-tingkat",
        _realisasi_ape_dengan_angka_dan_tingkat,
        "Indikator kualitatif diisi dengan tingkatan, bukan angka.",
    ),
    ("realisasi-tahun-tidak-wajar", lambda: _realisasi(tahun=1990), "Tahun 1990 di luar periode Renstra 2024–2026."),
    ("realisasi-ganda", lambda: _ganda(RealisasiFactory), "Realisasi indikator ini untuk triwulan itu sudah ada."),
    (
        "realisasi-di-luar-periode-renstra",
        lambda: _realisasi(tahun=2023),
        "Tahun 2023 di luar periode Renstra 2024–2026.",
    ),
    ("anggaran-negatif", lambda: _anggaran(nilai=-250_000), "Nilai rupiah tidak boleh negatif."),
    ("anggaran-triwulan-lima", lambda: _anggaran(triwulan=5), "Triwulan harus 1, 2, 3 atau 4."),
    (
        "anggaran-ganda",
        lambda: _ganda(RealisasiAnggaranFactory),
        "Realisasi anggaran sub kegiatan ini untuk triwulan itu sudah ada.",
    ),
    (
        "anggaran-di-luar-periode-renstra",
        lambda: _anggaran(tahun=2027),
        "Tahun 2027 di luar periode Renstra 2024–2026.",
    ),
    ("pelaporan-status-tak-dikenal", lambda: _pelaporan(status="selesai"), "Status pelaporan tidak dikenal."),
    ("pelaporan-triwulan-lima", lambda: _pelaporan(triwulan=5), "Triwulan harus 1, 2, 3 atau 4."),
    ("pelaporan-tahun-tidak-wajar", lambda: _pelaporan(tahun=1990), "Tahun harus antara 2000 dan 2100."),
    (
        "pelaporan-opd-ganda",
        lambda: _ganda(PelaporanFactory),
        "Pelaporan perangkat daerah ini untuk triwulan itu sudah ada.",
    ),
    (
        "pelaporan-bidang-ganda",
        lambda: _ganda(PelaporanFactory, bidang=(b := BidangFactory()), opd=b.opd),
        "Pelaporan bidang ini untuk triwulan itu sudah ada.",
    ),
]


@pytest.mark.parametrize(("buat", "pesan"), [k[1:] for k in KASUS], ids=[k[0] for k in KASUS])
def test_database_rejects_invalid_row(buat, pesan):
    ditolak_database(buat())


@pytest.mark.parametrize(("buat", "pesan"), [k[1:] for k in KASUS], ids=[k[0] for k in KASUS])
def test_validation_names_the_problem_in_indonesian(buat, pesan):
    assert pesan in pesan_validasi(buat())


def test_bidang_and_agency_may_each_submit_the_same_quarter_once():
    pelaporan = PelaporanFactory()
    bidang = BidangFactory(opd=pelaporan.opd)
    PelaporanFactory(opd=pelaporan.opd, bidang=bidang).full_clean()
    assert Pelaporan.objects.filter(opd=pelaporan.opd, tahun=2024, triwulan=1).count() == 2


def test_ordinal_realisation_must_be_a_level_of_the_indicators_scale():
    indikator = IndikatorFactory(
        sasaran=SasaranFactory(), sub_kegiatan=None, jenis=Indikator.Jenis.KUALITATIF, skala_tingkat=skala("Anugerah")
    )
    kla = Tingkat.objects.get(skala=skala("Kabupaten Layak"), nama="KLA")
    realisasi = Realisasi(indikator=indikator, tahun=2024, triwulan=4, tingkat=kla)
    assert '"KLA" bukan tingkatan indikator' in pesan_validasi(realisasi)


def test_components_are_entered_together():
    assert pesan_validasi(_realisasi(pembilang=Decimal(8126))) == "Isi pembilang dan penyebut bersama-sama."


def test_zero_of_zero_is_a_valid_entry():
    """SPM: nobody needed the service. Whether it counts as 100 is the rules' business."""
    _realisasi(nilai=None, pembilang=Decimal(0), penyebut=Decimal(0)).full_clean()


def test_realisation_components_hold_thirteen_digit_rupiah():
    """Seed 003, Lampiran XI: ARG 527.091.670.494 / 1.194.818.506.736."""
    realisasi = RealisasiFactory.build(
        indikator=IndikatorFactory(satuan="%"),  # the ARG is a ratio in percent: 44,11
        nilai=Decimal("44.11"),
        pembilang=Decimal(527091670494),
        penyebut=Decimal(1194818506736),
    )
    realisasi.full_clean()
    realisasi.save()
    realisasi.refresh_from_db()
    assert realisasi.penyebut == Decimal("1194818506736")


def test_users_bidang_belongs_to_their_agency():
    opd = PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Belitung")
    user = UserFactory.build(username="operator_baru", opd=opd, bidang=BidangFactory(nama="Sekretariat"))
    assert 'Bidang "Sekretariat" bukan bagian dari Dinas Sosial Kabupaten Belitung.' in pesan_validasi(user)


def test_submissions_bidang_belongs_to_the_agency():
    pelaporan = _pelaporan(bidang=BidangFactory(nama="Bidang Perlindungan Anak"))
    assert 'Bidang "Bidang Perlindungan Anak" bukan bagian dari' in pesan_validasi(pelaporan)


def test_history_keeps_every_change_of_a_realisation():
    realisasi = RealisasiFactory(nilai=Decimal("8"))
    realisasi.nilai = Decimal("14")
    realisasi.save()
    nilai = [h.nilai for h in realisasi.history.order_by("history_date")]
    assert nilai == [Decimal("8"), Decimal("14")]


@pytest.mark.parametrize("factory", [RealisasiFactory, RealisasiAnggaranFactory], ids=["realisasi", "anggaran"])
def test_database_rejects_shortening_a_renstra_period_that_has_realisations(factory):
    baris = factory(tahun=2026)
    simpul = getattr(baris, "indikator", None) or baris.sub_kegiatan
    renstra = simpul.renstra if hasattr(simpul, "renstra") else simpul.kegiatan.program.renstra
    renstra.tahun_akhir = 2025
    ditolak_database(renstra)


def test_evidence_files_are_stored_under_a_name_the_user_did_not_choose():
    realisasi = RealisasiFactory(indikator__sub_kegiatan__kegiatan__program__renstra__opd__kode="DINSOS/BLT 01")
    jalur = lokasi_data_dukung(DataDukung(realisasi=realisasi), "../../etc/Laporan TW1.PDF")
    assert jalur.startswith("data_dukung/dinsosblt-01/2024/tw1/")
    assert jalur.endswith(".pdf")
    assert ".." not in jalur and "Laporan" not in jalur

"""The performance of an agency in a year, computed from its stored targets and realisations."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kinerja import rules
from kinerja.models import SkalaPredikat
from kinerja.selectors import kinerja_tahunan, skala_laporan
from kinerja.sintetis import buat_opd_sintetis
from renstra.models import Indikator, PerangkatDaerah, Renstra, Target, Tingkat
from renstra.tests.factories import (
    IndikatorFactory,
    KegiatanFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    skala,
)

from .factories import RealisasiFactory

pytestmark = pytest.mark.django_db
D = Decimal
SKALA = rules.PRESET["permendagri_54_2010"]


def _isi(indikator, target=None, triwulan=(), **target_lain):
    if target is not None:
        TargetFactory(indikator=indikator, tahun=2024, nilai=D(target))
    for jenis, nilai in target_lain.items():
        TargetFactory(indikator=indikator, tahun=2024, jenis=jenis, nilai=D(nilai))
    for tw, nilai in enumerate(triwulan, start=1):
        if nilai is not None:
            RealisasiFactory(indikator=indikator, tahun=2024, triwulan=tw, nilai=D(nilai))
    return indikator


def _tahun(indikator):
    kt = kinerja_tahunan(indikator.renstra.opd, 2024, skala=SKALA)
    return kt, kt.untuk(indikator)


def test_kumulatif_indicator_sums_quarters_and_each_quarter_is_measured_against_the_year():
    """Seed 000, Pemberian Layanan Kedaruratan: target 30; 8, 6, 24, 14 → 26,67 / 20 / 80 / 46,67%."""
    _, k = _tahun(_isi(IndikatorFactory(), 30, [8, 6, 24, 14]))
    assert k.nilai_triwulan == [8, 6, 24, 14]
    assert k.nilai_sampai == [8, 14, 38, 52]
    assert k.nilai_tahunan == 52
    assert [rules.format_angka(h.nilai) for h in k.capaian_triwulan] == ["26,67", "20,00", "80,00", "46,67"]
    assert rules.format_angka(k.capaian) == "173,33"
    assert k.predikat.label == "Sangat baik"


def test_akhir_periode_indicator_takes_the_last_reported_quarter():
    indikator = IndikatorFactory(satuan="%", cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE)
    _, k = _tahun(_isi(indikator, "98.79", [None, "97.1", None, None]))
    assert k.nilai_tahunan == D("97.1")
    assert k.nilai_sampai == [None, D("97.1"), D("97.1"), D("97.1")]


def test_revised_pk_target_is_used_before_pk_and_renstra():
    """Seed 003: IDG 2024 Renstra 53,43, PK 47, PK perubahan 53,43; realisasi 53,47 → 100,07."""
    indikator = IndikatorFactory(cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE)
    _isi(indikator, "53.43", [None, None, None, "53.47"], pk="47")
    assert rules.format_angka(_tahun(indikator)[1].capaian) == "113,77"
    TargetFactory(indikator=indikator, tahun=2024, jenis=Target.Jenis.PK_PERUBAHAN, nilai=D("53.43"))
    _, k = _tahun(indikator)
    assert k.target.jenis == Target.Jenis.PK_PERUBAHAN
    assert rules.format_angka(k.capaian) == "100,07"


def test_quarterly_targets_replace_the_yearly_one_for_their_quarter():
    indikator = _isi(IndikatorFactory(), 30, [8, 6, None, None])
    TargetFactory(indikator=indikator, tahun=2024, triwulan=1, nilai=D(8))
    _, k = _tahun(indikator)
    assert k.capaian_triwulan[0].nilai == 100
    assert rules.format_angka(k.capaian_triwulan[1].nilai) == "20,00"


def test_missing_target_or_realisation_is_not_computable_with_its_reason():
    _, tanpa_target = _tahun(_isi(IndikatorFactory(), None, [5]))
    assert tanpa_target.hasil.alasan is rules.Alasan.TARGET_KOSONG
    _, belum = _tahun(_isi(IndikatorFactory(), 30, []))
    assert belum.hasil.alasan is rules.Alasan.REALISASI_KOSONG
    assert belum.predikat is None


def test_negative_indicator_uses_its_method():
    """Seed 003: rasio kekerasan, target 3,20, realisasi 4,45 → 71,91 (Cukup)."""
    indikator = IndikatorFactory(arah=Indikator.Arah.NEGATIF, cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE)
    _, k = _tahun(_isi(indikator, "3.20", [None, None, None, "4.45"]))
    assert rules.format_angka(k.capaian) == "71,91"
    assert k.predikat.label == "Cukup"


def test_formula_indicator_computes_its_value_from_the_components():
    """Seed 003, Tabel 3.17: 8.126 of 8.324 PMKS handled = 97,62%; against 98,79 → 98,82."""
    indikator = IndikatorFactory(
        pembilang="PMKS tertangani", penyebut="Jumlah PMKS", cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE
    )
    TargetFactory(indikator=indikator, tahun=2024, nilai=D("98.79"))
    RealisasiFactory(indikator=indikator, tahun=2024, triwulan=4, nilai=None, pembilang=D(8126), penyebut=D(8324))
    _, k = _tahun(indikator)
    assert rules.format_angka(k.nilai_tahunan) == "97,62"
    assert rules.format_angka(k.capaian) == "98,82"


def test_zero_of_zero_counts_as_achieved_only_when_the_indicator_says_so():
    indikator = IndikatorFactory(pembilang="Terlayani", penyebut="Membutuhkan", satuan="%",
                                 cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE)  # fmt: skip
    TargetFactory(indikator=indikator, tahun=2024, nilai=D(100))
    RealisasiFactory(indikator=indikator, tahun=2024, triwulan=4, nilai=None, pembilang=D(0), penyebut=D(0))
    assert _tahun(indikator)[1].capaian is None
    indikator.nol_dari_nol_tercapai = True
    indikator.save()
    assert _tahun(indikator)[1].capaian == 100


def test_ordinal_indicator_is_measured_by_levels():
    """DESIGN: APE Pratama against a Madya target → 50."""
    indikator = IndikatorFactory(jenis=Indikator.Jenis.KUALITATIF, skala_tingkat=skala("Anugerah"),
                                 cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE)  # fmt: skip
    tingkat = {t.nama: t for t in Tingkat.objects.filter(skala=indikator.skala_tingkat)}
    TargetFactory(indikator=indikator, tahun=2024, nilai=None, tingkat=tingkat["Madya"])
    RealisasiFactory(indikator=indikator, tahun=2024, triwulan=4, nilai=None, tingkat=tingkat["Pratama"])
    _, k = _tahun(indikator)
    assert k.nilai_tahunan == "Pratama"
    assert k.capaian == 50


def test_band_target_is_fully_achieved_inside():
    indikator = IndikatorFactory(cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE)
    TargetFactory(indikator=indikator, tahun=2024, nilai=None, batas_bawah=D("2.1"), batas_atas=D("2.3"))
    RealisasiFactory(indikator=indikator, tahun=2024, triwulan=4, nilai=D("2.2"))
    assert _tahun(indikator)[1].capaian == 100


def test_means_leave_out_refocusing_and_detail_rows_and_follow_the_chosen_mode(settings):
    sasaran = SasaranFactory()
    renstra = sasaran.tujuan.renstra
    a = _isi(IndikatorFactory(sasaran=sasaran, sub_kegiatan=None), "0.5", [None, None, None, "30.55"])
    b = _isi(IndikatorFactory(sasaran=sasaran, sub_kegiatan=None), "98.79", [None, None, None, "97.62"])
    for i in (a, b):
        i.cara_tahunan = Indikator.CaraTahunan.AKHIR_PERIODE
        i.save()
    rincian = _isi(IndikatorFactory(sasaran=sasaran, sub_kegiatan=None, induk=b), "10", [1])
    program = ProgramFactory(renstra=renstra, kode="1.06.04", sasaran=sasaran)
    sub = SubKegiatanFactory(kegiatan=KegiatanFactory(program=program, kode="1.06.04.2.01"), refocusing=True)
    dipotong = _isi(IndikatorFactory(sub_kegiatan=sub), "50", [1])
    kt = kinerja_tahunan(renstra.opd, 2024, skala=SKALA)
    assert not kt.untuk(rincian).dihitung and not kt.untuk(dipotong).dihitung
    assert rules.format_angka(kt.rata_rata_simpul(sasaran)) == "3.104,41"
    assert kt.rata_rata_simpul(sub) is None

    kt.batas = D(100)
    assert rules.format_angka(kt.rata_rata_simpul(sasaran)) == "99,41"


def test_group_mean_over_indicators_and_strategic_mean_over_group_means():
    tujuan = SasaranFactory().tujuan
    renstra = tujuan.renstra
    s1, s2 = tujuan.sasaran.get(), SasaranFactory(tujuan=tujuan, kode=f"{tujuan.kode}.9")
    for sasaran, capaian in ((s1, ["100", "50"]), (s2, ["30"])):
        for nilai in capaian:
            _isi(IndikatorFactory(sasaran=sasaran, sub_kegiatan=None), "100", [nilai])
    kt = kinerja_tahunan(renstra.opd, 2024, skala=SKALA)
    assert kt.rata_rata_kelompok([s1, s2]) == 60  # each indicator once
    assert kt.rata_rata_strategis([[s1], [s2]]) == D("52.5")  # the mean of the groups' means
    assert kt.kelompok_terhitung([[s1], [s2]]) == (2, 3)


def test_agency_without_renstra_for_the_year_has_nothing():
    renstra = RenstraFactory()
    kt = kinerja_tahunan(renstra.opd, 2031, skala=SKALA)
    assert kt.renstra is None and kt.indikator == []


def test_report_scale_comes_from_settings_and_the_admins_edits(settings):
    settings.KINERJA_SKALA = {**settings.KINERJA_SKALA, "lkjip": "permendagri_86_2017"}
    assert skala_laporan("lkjip") == rules.PRESET["permendagri_86_2017"]
    rentang = SkalaPredikat.objects.get(kode="permendagri_86_2017").rentang.get(label="Tinggi")
    rentang.label = "Tinggi sekali"
    rentang.save()
    assert skala_laporan("lkjip").cari(80).label == "Tinggi sekali"


# --- on the seed demo ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo")
def test_belitung_2024_from_the_demo_gives_the_lkjip_numbers():
    """Seed 003: Tabel 3.3 (6110; 98,82; 100,07; 100; 71,91), 3.12/3.26/3.32 (3104,41; 100,04;
    71,91), 3.45 (1092,12 as a mean of means), Tabel 3.11 (ASN 100,16; ARG 122,53)."""
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
    kt = kinerja_tahunan(opd, 2024, skala=rules.PRESET["permendagri_54_2010"])
    renstra = kt.renstra
    iku = {k.indikator.uraian: k for k in kt.indikator if k.indikator.iku}
    dicetak = {
        "Persentase penurunan PMKS per tahun": "6.110,00",
        "Persentase PMKS yang tertangani atau mendapatkan layanan": "98,82",
        "Indeks Pemberdayaan Gender (IDG)": "100,07",
        "Level Anugerah Parahita Ekapraya (APE)": "100,00",
        "Rasio kekerasan terhadap perempuan dan anak": "71,91",
    }
    assert {u: rules.format_angka(k.capaian) for u, k in iku.items()} == dicetak
    assert iku["Rasio kekerasan terhadap perempuan dan anak"].predikat.label == "Cukup"

    kelompok = [[t, *t.sasaran.all()] for t in renstra.tujuan.order_by("kode")]
    rata = [kt.rata_rata_kelompok(k) for k in kelompok]
    assert [rules.format_angka(r) for r in rata] == ["3.104,41", "100,04", "71,91"]
    assert rules.format_angka(rules.rata_rata_capaian(rata)) == "1.092,12"

    program = {k.indikator.uraian: rules.format_angka(k.capaian) for k in kt.indikator if k.indikator.program_id}
    assert program["Indeks Profesionalitas ASN Perangkat Daerah"] == "100,16"
    assert program["Persentase ARG pada belanja langsung APBD"] == "122,53"
    assert program["Persentase PMKS yang menerima program pemberdayaan sosial"] == "88,13"


def _kode_simpul(k):
    simpul = k.indikator.sub_kegiatan or k.indikator.kegiatan
    return simpul.kode if simpul else None


@pytest.mark.usefixtures("demo")
def test_quarterly_realisations_of_the_demo_add_up():
    """Seed 003, Lampiran XI: anak terlantar dijangkau TW I 0, TW II 7, TW III 1, TW IV 2 → 10 of 5 → 200%."""
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
    kt = kinerja_tahunan(opd, 2024, skala=SKALA)
    k = next(k for k in kt.indikator if _kode_simpul(k) == "1.06.05.2.01.0001")
    assert k.nilai_triwulan == [0, 7, 1, 2]
    assert k.capaian == 200


# Seed 003, Lampiran XI (pengukuran berdasarkan Perjanjian Kinerja) and Lampiran I: capaian of
# kegiatan and sub kegiatan as printed; (code, printed, correct value when the print is a slip).
LAMPIRAN_XI = [
    ("1.06.02.2.03", "81,21", None),
    ("1.06.03.2.01.0001", "108,33", None),
    ("1.06.04.2.01.0010", "133,33", None),
    ("1.06.04.2.01.0012", "140,00", None),
    ("1.06.05.2.01.0001", "200,00", None),
    ("1.06.05.2.02", "99,87", None),
    ("1.06.05.2.02.0002", "83,94", None),
    ("1.06.05.2.02.0003", "180,00", None),
    ("1.06.01.2.05.0009", "60,00", None),
    ("1.06.01.2.07.0006", "94,44", None),
    ("1.06.01.2.05", "96,55", None),
    # 28 of 29 salaried staff is printed 100,00 in Lampiran XI; Lampiran I gives the kegiatan 96,55
    ("1.06.01.2.02.0001", "100,00", "96,55"),
]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(("kode", "dicetak", "benar"), LAMPIRAN_XI, ids=[k[0] for k in LAMPIRAN_XI])
def test_demo_capaian_of_kegiatan_and_sub_kegiatan_is_the_printed_one(kode, dicetak, benar):
    kt = kinerja_tahunan(PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG"), 2024, skala=SKALA)
    k = next(k for k in kt.indikator if _kode_simpul(k) == kode)
    assert rules.format_angka(k.capaian) == (benar or dicetak)
    if benar:
        assert rules.format_angka(k.capaian) != dicetak


# --- cost -----------------------------------------------------------------------------------


def test_a_year_costs_the_same_queries_on_ten_times_the_demo(django_assert_max_num_queries):
    """The demo has 153 sub kegiatan and 235 indicators; the large agency here has 2.340 sub
    kegiatan (13 programs × 12 kegiatan × 15) and 2.354 indicators."""
    kecil = buat_opd_sintetis("KECIL", "Dinas Sosial Kecil", seed=1, program=2, kegiatan=2, sub_kegiatan=2)
    besar = buat_opd_sintetis("BESAR", "Dinas Sosial Besar", seed=1, program=13, kegiatan=12, sub_kegiatan=15)
    assert Indikator.objects.filter(renstra__opd=besar).count() > 10 * 235
    jumlah = []
    for opd in (kecil, besar):
        with CaptureQueriesContext(connection) as q:
            kt = kinerja_tahunan(opd, 2025)
            assert all(k.capaian is not None or not k.dihitung or k.target is None for k in kt.indikator)
        jumlah.append(len(q))
    assert jumlah[0] == jumlah[1]
    with django_assert_max_num_queries(6):
        kinerja_tahunan(besar, 2025)
    assert Renstra.objects.filter(opd=besar).count() == 1

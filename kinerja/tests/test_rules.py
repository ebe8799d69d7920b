"""The rules module on its own: parsing, reasons, yearly values, means, scale boundaries,
formatting, and properties that hold for every finite number."""

import datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja import rules
from kinerja.rules import (
    PRESET,
    Alasan,
    AngkaTidakValid,
    Rentang,
    capaian,
    format_angka,
    format_persen,
    format_rupiah,
    format_tanggal,
    hasil_capaian,
    hasil_capaian_ordinal,
    nilai_rumus,
    nilai_sampai_triwulan,
    nilai_tahunan,
    parse_angka,
    periksa_skala,
    predikat,
    rata_rata_capaian,
)

D = Decimal


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("34.000", D("34000")),
        ("1.234.567,89", D("1234567.89")),
        ("88,23%", D("88.23")),
        ("0,5", D("0.5")),
        ("-5,01", D("-5.01")),
        ("\u22125,01", D("-5.01")),
        ("  <b>192</b> ", D("192")),
        ("Rp. 4.375.560.050,-", D("4375560050")),
        ("Rp 5.367.987.782", D("5367987782")),
        ("6110", D("6110")),
        ("-", None),
        ("–", None),
        ("", None),
        (None, None),
        (7, D("7")),
        (D("3.20"), D("3.20")),
        (0.1, D("0.1")),
    ],
)
def test_parse_angka_reads_indonesian_numbers(teks, nilai):
    assert parse_angka(teks) == nilai


def test_parse_angka_reads_tables_printed_the_other_way():
    assert parse_angka("6,110.00", desimal=".") == D("6110.00")
    assert parse_angka("348,934,400", desimal=".") == D("348934400")


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("0.125", '"0.125" bukan angka format Indonesia: desimal ditulis dengan koma (0,125).'),
        ("10.68", '"10.68" bukan angka format Indonesia: desimal ditulis dengan koma (10,68).'),
        ("abc", '"abc" bukan angka. Tulis seperti 1.234,5 (titik pemisah ribuan, koma desimal).'),
        ("1.23.456", '"1.23.456" bukan angka. Tulis seperti 1.234,5 (titik pemisah ribuan, koma desimal).'),
        ("12,5,1", '"12,5,1" bukan angka. Tulis seperti 1.234,5 (titik pemisah ribuan, koma desimal).'),
    ],
    ids=["jebakan-0.125", "titik-desimal", "huruf", "kelompok-salah", "dua-koma"],
)
def test_parse_angka_explains_garbage_in_indonesian(teks, pesan):
    with pytest.raises(AngkaTidakValid) as galat:
        parse_angka(teks)
    assert str(galat.value) == pesan


@pytest.mark.parametrize("bukan", [True, D("NaN"), D("Infinity")])
def test_parse_angka_refuses_what_cannot_be_counted(bukan):
    with pytest.raises(AngkaTidakValid):
        parse_angka(bukan)


@pytest.mark.parametrize(
    ("target", "realisasi", "arah", "alasan"),
    [
        (None, "8", "positif", Alasan.TARGET_KOSONG),
        ("", "8", "positif", Alasan.TARGET_KOSONG),
        ("-", "8", "positif", Alasan.TARGET_KOSONG),
        ("30", None, "positif", Alasan.REALISASI_KOSONG),
        ("30", "", "positif", Alasan.REALISASI_KOSONG),
        ("0", "8", "positif", Alasan.TARGET_NOL),
        ("3,20", "0", "negatif", Alasan.REALISASI_NOL_NEGATIF),
    ],
)
def test_capaian_that_cannot_be_computed_says_why(target, realisasi, arah, alasan):
    hasil = hasil_capaian(target, realisasi, arah=arah)
    assert hasil.nilai is None and not hasil.terhitung
    assert hasil.alasan is alasan
    assert capaian(target, realisasi, arah=arah) is None


def test_dash_realisation_is_zero_and_empty_is_not_reported():
    assert capaian("30", "-") == 0
    assert capaian("30", "") is None


def test_negative_indicator_second_method():
    """(2 × target − realisasi) / target × 100: 3,20 and 4,45 give 60,9375; 0 gives 200."""
    assert capaian("3,20", "4,45", arah="negatif", metode_negatif="dua_kali_target") == D("60.9375")
    assert capaian("3,20", "0", arah="negatif", metode_negatif="dua_kali_target") == 200


def test_unknown_direction_or_method_is_a_programming_error():
    with pytest.raises(ValueError, match="Arah indikator"):
        capaian("1", "1", arah="naik")
    with pytest.raises(ValueError, match="Metode indikator negatif"):
        capaian("1", "1", arah="negatif", metode_negatif="lain")


def test_ordinal_level_beyond_the_target_is_fully_achieved_and_unknown_levels_say_so():
    kla = ["Pratama", "Madya", "Nindya", "Utama", "KLA"]
    assert rules.capaian_ordinal("Madya", "Utama", kla) == 100
    assert round(rules.capaian_ordinal("Nindya", "Madya", kla), 2) == D("66.67")
    assert hasil_capaian_ordinal("Madya", "Emas", kla).alasan is Alasan.TINGKAT_TIDAK_DIKENAL
    assert hasil_capaian_ordinal(None, "Madya", kla).alasan is Alasan.TARGET_KOSONG


@pytest.mark.parametrize(
    ("triwulan", "cara", "tahunan"),
    [
        ([8, 6, 24, 14], "kumulatif", D(52)),
        ([8, 6, 24, 14], "akhir_periode", D(14)),
        ([8, 6, 24, 14], "rata_rata", D(13)),
        ([8, None, 24, None], "akhir_periode", D(24)),
        ([8, None, 24, None], "rata_rata", D(16)),
        (["-", "-", "30", "-"], "kumulatif", D(30)),
        (["-", "-", "30", "-"], "akhir_periode", D(0)),
        ([None, None, None, None], "kumulatif", None),
        ({2: "7", 4: "2"}, "kumulatif", D(9)),
        (["10.994", "16.455", "27.218", "44.214"], "akhir_periode", D(44214)),
    ],
    ids=["kumulatif", "akhir", "rata", "akhir-terlapor", "rata-terlapor", "strip-nol", "strip-akhir", "kosong",
         "dict", "ribuan"],
)  # fmt: skip
def test_yearly_value_follows_the_indicators_rule(triwulan, cara, tahunan):
    assert nilai_tahunan(triwulan, cara) == tahunan


def test_value_up_to_a_quarter():
    assert [nilai_sampai_triwulan([8, 6, 24, 14], "kumulatif", tw) for tw in (1, 2, 3, 4)] == [8, 14, 38, 52]
    assert nilai_sampai_triwulan([None, 5, None, 9], "akhir_periode", 1) is None
    with pytest.raises(ValueError):
        nilai_sampai_triwulan([1], "kumulatif", 5)
    with pytest.raises(ValueError):
        nilai_tahunan([1, 2, 3, 4, 5], "kumulatif")
    with pytest.raises(ValueError):
        nilai_tahunan([1], "median")


def test_mean_leaves_out_what_cannot_be_computed_and_may_cap():
    assert rata_rata_capaian([None, None]) is None
    assert rata_rata_capaian(["6110", "98,82"], batas_atas=100) == D("99.41")
    assert rata_rata_capaian([]) is None


def test_formula_value_zero_of_zero_counts_only_when_the_indicator_says_so():
    assert nilai_rumus(0, 0) is None
    assert nilai_rumus(0, 0, nol_dari_nol_tercapai=True) == 100
    assert nilai_rumus(5, 0, nol_dari_nol_tercapai=True) is None
    # seed 003, Bab III: 42 cases among 94.958 women and children, per 10.000 (printed 4,45)
    assert round(nilai_rumus(42, "94.958", pengali="10.000"), 2) == D("4.42")


# Every boundary of every preset, on both sides. A value is classified as written (2 decimals).
BATAS = [
    ("permendagri_86_2017", "6110", "Sangat Tinggi"),
    ("permendagri_86_2017", "91", "Sangat Tinggi"),
    ("permendagri_86_2017", "90,5", "Sangat Tinggi"),
    ("permendagri_86_2017", "90,01", "Sangat Tinggi"),
    ("permendagri_86_2017", "90,005", "Sangat Tinggi"),
    ("permendagri_86_2017", "90,004", "Tinggi"),
    ("permendagri_86_2017", "90", "Tinggi"),
    ("permendagri_86_2017", "76", "Tinggi"),
    ("permendagri_86_2017", "75,01", "Tinggi"),
    ("permendagri_86_2017", "75", "Sedang"),
    ("permendagri_86_2017", "65,01", "Sedang"),
    ("permendagri_86_2017", "65", "Rendah"),
    ("permendagri_86_2017", "51", "Rendah"),
    ("permendagri_86_2017", "50,01", "Rendah"),
    ("permendagri_86_2017", "50", "Sangat Rendah"),
    ("permendagri_86_2017", "-1002", "Sangat Rendah"),
    ("permendagri_54_2010", "90", "Sangat baik"),
    ("permendagri_54_2010", "89,995", "Sangat baik"),
    ("permendagri_54_2010", "89,994", "Baik"),
    ("permendagri_54_2010", "89,99", "Baik"),
    ("permendagri_54_2010", "75", "Baik"),
    ("permendagri_54_2010", "74,99", "Cukup"),
    ("permendagri_54_2010", "65", "Cukup"),
    ("permendagri_54_2010", "64,99", "Kurang"),
    ("permendagri_54_2010", "50", "Kurang"),
    ("permendagri_54_2010", "49,99", "Sangat kurang"),
    ("permendagri_54_2010", "0", "Sangat kurang"),
    ("permendagri_54_2010", "-1758", "Sangat kurang"),
    ("status_capaian", "99,99", "Tidak tercapai"),
    ("status_capaian", "99,995", "Tercapai"),
    ("status_capaian", "100", "Tercapai"),
    ("status_capaian", "100,004", "Tercapai"),
    ("status_capaian", "100,01", "Melebihi target"),
    ("efektivitas_anggaran", "100,01", "Sangat Efektif"),
    ("efektivitas_anggaran", "100", "Efektif"),
    ("efektivitas_anggaran", "90", "Efektif"),
    ("efektivitas_anggaran", "89,99", "Cukup Efektif"),
    ("efektivitas_anggaran", "80", "Cukup Efektif"),
    ("efektivitas_anggaran", "79,99", "Kurang Efektif"),
    ("efektivitas_anggaran", "60", "Kurang Efektif"),
    ("efektivitas_anggaran", "59,99", "Tidak Efektif"),
    ("efisiensi_anggaran", "100,01", "Tidak Efisien"),
    ("efisiensi_anggaran", "100", "Kurang Efisien"),
    ("efisiensi_anggaran", "90", "Kurang Efisien"),
    ("efisiensi_anggaran", "89,99", "Cukup Efisien"),
    ("efisiensi_anggaran", "80", "Cukup Efisien"),
    ("efisiensi_anggaran", "79,99", "Efisien"),
    ("efisiensi_anggaran", "60", "Efisien"),
    ("efisiensi_anggaran", "59,99", "Sangat Efisien"),
]


@pytest.mark.parametrize(("skala", "nilai", "label"), BATAS, ids=[f"{s}-{n}" for s, n, _ in BATAS])
def test_predikat_boundaries(skala, nilai, label):
    assert predikat(nilai, skala) == label


@pytest.mark.parametrize("kode", PRESET)
def test_every_preset_covers_every_value_exactly_once(kode):
    assert periksa_skala(PRESET[kode].rentang) == []


def test_predikat_of_nothing_is_nothing_and_unknown_scales_are_named():
    assert predikat(None, "status_capaian") is None
    with pytest.raises(ValueError, match="Skala predikat 'lain' tidak dikenal"):
        predikat(1, "lain")


@pytest.mark.parametrize(
    ("rentang", "pesan"),
    [
        (
            [Rentang("Tinggi", D(76), None), Rentang("Sedang", None, D(75), atas_inklusif=True)],
            "Nilai antara 75 dan 76 tidak masuk rentang mana pun.",
        ),
        (
            [Rentang("Efektif", D(90), None), Rentang("Cukup", None, D(90), atas_inklusif=True)],
            'Nilai 90 masuk dua rentang: "Cukup" dan "Efektif".',
        ),
        (
            [Rentang("Tinggi", D(90), None, bawah_inklusif=False), Rentang("Sedang", None, D(90))],
            "Nilai 90 tidak masuk rentang mana pun.",
        ),
        (
            [Rentang("Tinggi", D(80), None), Rentang("Sedang", None, D(90))],
            'Rentang "Sedang" dan "Tinggi" bertumpang tindih.',
        ),
        ([Rentang("Baik", D(0), None)], "Nilai di bawah 0 tidak masuk rentang mana pun."),
        ([Rentang("Baik", None, D(100))], "Nilai di atas 100 tidak masuk rentang mana pun."),
        ([], "Skala memerlukan sekurang-kurangnya satu rentang."),
    ],
    ids=["celah", "dua-rentang", "tak-bertuan", "tumpang-tindih", "tanpa-bawah", "tanpa-atas", "kosong"],
)
def test_a_scale_with_a_gap_or_an_overlap_is_reported(rentang, pesan):
    assert pesan in periksa_skala(rentang)


@pytest.mark.parametrize(
    ("x", "teks"),
    [
        (D("0.125"), "0,13"),
        (D("2.675"), "2,68"),
        (D("-0.005"), "-0,01"),
        (D("1234567.885"), "1.234.567,89"),
        (D("6110"), "6.110,00"),
        (None, ""),
    ],
)
def test_format_angka_rounds_half_up_and_writes_the_indonesian_way(x, teks):
    assert format_angka(x) == teks


def test_format_persen_rupiah_and_tanggal():
    assert format_persen(D(15) / 17 * 100) == "88,24%"
    assert format_persen(None) == ""
    assert format_rupiah(5_367_987_782) == "Rp 5.367.987.782"
    assert format_rupiah(D("1500.5")) == "Rp 1.501"
    assert format_rupiah(-250_000) == "-Rp 250.000"
    assert format_tanggal(datetime.date(2025, 1, 3)) == "3 Januari 2025"
    assert format_angka(D("0.5000"), desimal=None) == "0,5"


# --- properties ----------------------------------------------------------------------------

angka = st.decimals(allow_nan=False, allow_infinity=False)
angka_atau_kosong = st.one_of(st.none(), angka)


@given(angka_atau_kosong, angka_atau_kosong, st.sampled_from(["positif", "negatif"]),
       st.sampled_from(["target_per_realisasi", "dua_kali_target"]))  # fmt: skip
def test_capaian_never_raises_on_numbers_or_none(target, realisasi, arah, metode):
    hasil = hasil_capaian(target, realisasi, arah=arah, metode_negatif=metode)
    assert hasil.nilai is None or hasil.nilai.is_finite()
    assert (hasil.nilai is None) == (hasil.alasan is not None)


@given(angka_atau_kosong, angka_atau_kosong, angka_atau_kosong)
def test_band_and_budget_rules_never_raise(a, b, c):
    rules.capaian_rentang(a, b, c)
    rules.serapan(a, b)
    rules.efektivitas(a, b)
    rules.efisiensi(a, b)
    rules.nilai_rumus(a, b, 100, nol_dari_nol_tercapai=True)
    rules.indeks_spm(a, [b, c])


@given(st.lists(angka_atau_kosong, max_size=4), st.sampled_from(["kumulatif", "akhir_periode", "rata_rata"]))
def test_yearly_values_and_means_never_raise(triwulan, cara):
    nilai_tahunan(triwulan, cara)
    rata_rata_capaian(triwulan, batas_atas=100)


@given(angka_atau_kosong, st.sampled_from(sorted(PRESET)))
def test_every_number_has_exactly_one_predikat(x, kode):
    rentang = [r for r in PRESET[kode].rentang if x is not None and r.memuat(rules._bulatkan(x, 2))]
    assert len(rentang) == (0 if x is None else 1)
    assert (predikat(x, kode) is None) == (x is None)


@given(angka_atau_kosong)
def test_parsing_a_number_or_nothing_never_raises_and_keeps_it(x):
    assert parse_angka(x) == x
    assert hasil_capaian_ordinal(x, x, ["Pratama", "Madya"]).nilai is None


@given(angka_atau_kosong)
def test_formatting_never_raises(x):
    format_angka(x)
    format_angka(x, desimal=None)
    format_persen(x)
    format_rupiah(x)


@given(st.decimals(min_value=D("0.0001"), max_value=D("1E12"), places=4), angka, angka)
def test_capaian_of_a_positive_indicator_grows_with_the_realisation(target, r1, r2):
    rendah, tinggi = sorted([r1, r2])
    assert capaian(target, rendah) <= capaian(target, tinggi)


@given(angka)
def test_parsing_what_was_formatted_gives_the_number_rounded_half_up(x):
    with localcontext() as konteks:
        konteks.prec = max(28, x.adjusted() + 10)
        konteks.rounding = ROUND_HALF_UP
        assert parse_angka(format_angka(x)) == round(x, 2)

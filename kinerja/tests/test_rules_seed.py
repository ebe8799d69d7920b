"""The rules against numbers printed in the seed documents.

Each case computes a value from the numbers printed in a seed and compares it, at the precision
the seed prints, with the printed result. Where the seed's printed value is a slip (a truncation,
a typo, a rounding before averaging), the case says so and gives the correct value, which the
rules must produce instead.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pytest

from kinerja.rules import (
    capaian,
    capaian_ordinal,
    capaian_rentang,
    efektivitas,
    efisiensi,
    indeks_spm,
    nilai_tahunan,
    parse_angka,
    predikat,
    rata_rata_capaian,
    serapan,
)

APE = ["Pratama", "Madya", "Utama", "Mentor"]


@dataclass
class Kasus:
    id: str
    hitung: object  # () -> Decimal
    dicetak: str  # the printed value, as printed
    desimal: str = ","  # the decimal separator of the table it is printed in
    salah_cetak: str | None = None  # the correct value when the printed one is a slip

    def __str__(self):
        return self.id


def _q(target, realisasi, **kw):
    return lambda: capaian(target, realisasi, **kw)


KASUS = [
    # --- seed 000: Evaluasi kinerja triwulan 2024 (Purwakarta); each quarter against the yearly target
    Kasus("000 rehsos 1.06.02.2.03.0001 TW4 192/192", _q("192", "192"), "100,00%"),
    Kasus("000 rehsos 1.06.02.2.03.0002 TW3 15/17", _q("17", "15"), "88,23%", salah_cetak="88,24%"),  # truncated
    Kasus("000 rehsos 1.06.02.2.03.0003 TW4 300/30", _q("30", "300"), "1000,00%"),
    Kasus("000 rehsos 1.06.04.2.01.0001 TW1 58/40", _q("40", "58"), "145,00%"),
    Kasus("000 rehsos 1.06.04.2.01.0001 TW2 97/40", _q("40", "97"), "242,50%"),
    Kasus("000 rehsos 1.06.04.2.01.0003 TW1 15/29", _q("29", "15"), "51,72%"),
    Kasus("000 rehsos 1.06.04.2.01.0003 TW2 18/29", _q("29", "18"), "62,07%"),
    Kasus("000 rehsos 1.06.04.2.01.0003 TW4 -/29", _q("29", "-"), "0,00%"),
    Kasus("000 rehsos 1.06.04.2.01.0006 TW2 1/50", _q("50", "1"), "2,00%"),
    # the same row prints 100,00% for a quarter written "-" (nothing achieved)
    Kasus("000 rehsos 1.06.04.2.01.0006 TW4 -/50", _q("50", "-"), "100,00%", salah_cetak="0,00%"),
    Kasus("000 rehsos 1.06.04.2.01.0008 TW1 1/30", _q("30", "1"), "3,33%"),
    Kasus("000 rehsos 1.06.04.2.01.0008 TW3 5/30", _q("30", "5"), "16,67%"),
    Kasus("000 rehsos 1.06.04.2.01.0010 TW1 8/30", _q("30", "8"), "26,67%"),
    Kasus("000 rehsos 1.06.04.2.01.0010 TW4 14/30", _q("30", "14"), "46,67%"),
    Kasus("000 rehsos 1.06.04.2.01.0002 TW2 98/30", _q("30", "98"), "326,67%"),
    Kasus("000 rehsos 1.06.04.2.01.0011 TW4 13/30", _q("30", "13"), "43,33%"),
    Kasus("000 rehsos 1.06.04.2.01.0004 TW4 11/30", _q("30", "11"), "36,67%"),
    Kasus("000 rehsos 1.06.04.2.01.0009 TW2 104/25", _q("25", "104"), "416,00%"),
    Kasus("000 rehsos 1.06.04.2.01.0012 TW4 9/20", _q("20", "9"), "45,00%"),
    # the Perlindungan Jaminan Sosial table prints whole percentages, the second form one decimal
    Kasus("000 linjamsos 1.06.05.2.02.01 TW1 10.994/34.000", _q("34.000", "10.994"), "32%"),
    Kasus("000 linjamsos 1.06.05.2.02.01 TW4 44.214/34.000", _q("34.000", "44.214"), "130%"),
    Kasus("000 linjamsos 1.06.05.2.02.02 TW3 88.882/103.538", _q("103.538", "88.882"), "86%"),
    Kasus("000 linjamsos 1.06.05.2.02.03 TW3 24.138/30.701", _q("30.701", "24.138"), "79%"),
    Kasus("000 form 2 KPM PKH TW1 31.894/30.701", _q("30.701", "31.894"), "103,9%"),
    Kasus("000 form 2 rincian PBI APBN TW1 356.306/349.033", _q("349.033", "356.306"), "102,1%"),
    Kasus("000 bencana sandang TW1 802/70", _q("70", "802"), "1146%"),
    Kasus("000 form 2 bencana sandang TW1 802/70", _q("70", "802"), "1145,7%"),
    Kasus("000 bencana kelompok rentan TW4 109/30", _q("30", "109"), "363%"),
    Kasus("000 bencana psikososial TW4 56/30", _q("30", "56"), "187%"),
    # --- seed 003: LKjIP 2024 DSPPPA Belitung
    Kasus("003 Tabel 3.3 penurunan PMKS 2024", _q("0,5", "30,55"), "6110"),
    Kasus("003 Tabel 3.4 penurunan PMKS 2023", _q("0,5", "18,39"), "3678"),
    Kasus("003 Tabel 3.4 penurunan PMKS 2020 (realisasi negatif)", _q("0,5", "-5,01"), "-1002"),
    Kasus("003 Tabel 3.4 penurunan PMKS 2021", _q("0,5", "-8,79"), "-1758"),
    Kasus("003 Tabel 3.4 penurunan PMKS 2019", _q("0,5", "5,93"), "1186"),
    Kasus("003 Tabel 3.3 PMKS tertangani 2024", _q("98,79%", "97,62%"), "98,82"),
    Kasus("003 Tabel 3.3 PMKS tertangani 2023", _q("80%", "98,29%"), "122,86"),
    Kasus("003 Tabel 3.4 PMKS tertangani 2020", _q("80", "94,78"), "118,48"),
    Kasus("003 Tabel 3.4 PMKS tertangani 2022", _q("80", "98,79"), "123,49"),
    Kasus("003 Tabel 3.3 IDG 2024", _q("53,43", "53,47"), "100,07"),
    Kasus("003 Tabel 3.4 IDG 2023", _q("47", "53,42"), "113,66"),
    Kasus("003 Tabel 3.4 IDG 2021", _q("45,11", "53,02"), "117,53"),
    # Tabel 3.3 prints 2024's capaian on the 2023 row (target 47, realisasi 53,47)
    Kasus("003 Tabel 3.3 IDG 2023", _q("47", "53,47"), "100,07", salah_cetak="113,77"),
    Kasus("003 Tabel 3.3 rasio kekerasan (indikator negatif)", _q("3,20", "4,45", arah="negatif"), "71,91"),
    Kasus("003 Tabel 3.34 rasio kekerasan terhadap target akhir Renstra",
          _q("3,16", "4,45", arah="negatif"), "71,01"),
    Kasus("003 Tabel 3.14 PMKS tertangani terhadap target akhir Renstra", _q("98,83", "97,62"), "98,78"),
    Kasus("003 Tabel 3.27 IDG terhadap target akhir Renstra", _q("53,45", "53,47"), "100,04"),
    Kasus("003 Tabel 3.3 APE Pratama dari target Pratama", lambda: capaian_ordinal("Pratama", "Pratama", APE), "100"),
    Kasus("DESIGN APE Pratama dari target Madya", lambda: capaian_ordinal("Madya", "Pratama", APE), "50"),
    Kasus("003 Tabel 3.12 rata-rata tujuan/sasaran 1 2024",
          lambda: rata_rata_capaian([capaian("0,5", "30,55"), capaian("98,79", "97,62")]), "3104,41"),
    Kasus("003 Tabel 3.26 rata-rata tujuan/sasaran 2 2024", lambda: rata_rata_capaian(["100,07", "100"]), "100,04"),
    Kasus("003 Bab III teks rata-rata tujuan/sasaran 2 2024", lambda: rata_rata_capaian(["100,07", "100"]),
          "104,04", salah_cetak="100,04"),
    Kasus("003 Tabel 3.12 rata-rata tujuan/sasaran 1 2023", lambda: rata_rata_capaian(["3678", "122,86"]),
          "157,75", salah_cetak="1900,43"),
    Kasus("003 Tabel 3.45 rata-rata tujuan/sasaran 1 2023", lambda: rata_rata_capaian(["3678", "122,86"]),
          "1898,43", salah_cetak="1900,43"),
    Kasus("003 Tabel 3.45 rata-rata dari rata-rata 2024",
          lambda: rata_rata_capaian(["3104,41", "100,04", "71,91"]), "1092,12"),
    Kasus("003 Tabel 3.45 rata-rata dari rata-rata 2023 (dari angka tercetak)",
          lambda: rata_rata_capaian(["1898,43", "108,50", "144,03"]), "716,99"),
    Kasus("003 Tabel 3.11 Indeks Profesionalitas ASN", _q("78,80%", "78,93%"), "100,16%"),
    Kasus("003 Tabel 3.11 data gender dan anak", _q("65%", "78,82%"), "121,26%"),
    Kasus("003 Lampiran I ARG belanja langsung", _q("36", parse_angka("44.11", desimal=".")), "122.53", desimal="."),
    Kasus("003 Lampiran I PSKS aktif", _q("165", "134"), "81.21", desimal="."),
    Kasus("003 Lampiran I migran dipulangkan", _q("12", "13"), "108.33", desimal="."),
    Kasus("003 Lampiran I rata-rata capaian kegiatan program 4", lambda: rata_rata_capaian(["200", "99,87"]),
          "149.935", desimal="."),
    Kasus("003 Lampiran XI anak terlantar TW I-IV 0, 7, 1, 2 dari target 5",
          lambda: capaian("5", nilai_tahunan([0, 7, 1, 2], "kumulatif")), "200.00", desimal="."),
    # budgets: Tabel 3.42 / 3.43 / 3.44 / 3.47 / 3.49 and Lampiran XII
    Kasus("003 Tabel 3.43 serapan total 2024", lambda: serapan("9.521.256.875", "10.314.852.053"), "92,31"),
    Kasus("003 Tabel 3.43 serapan total 2023", lambda: serapan("9.946.030.498", "10.922.821.301"), "91,06"),
    Kasus("003 Tabel 3.43 serapan Program Pemberdayaan Sosial", lambda: serapan("321.623.110", "348.934.400"), "92,17"),
    Kasus("003 Tabel 3.43 serapan Program Migran", lambda: serapan("16.955.668", "41.256.200"), "41,10"),
    Kasus("003 Tabel 3.43 serapan Program Rehabilitasi Sosial", lambda: serapan("316.638.998", "355.284.512"),
          "89,12"),
    Kasus("003 Tabel 3.43 serapan TKSK", lambda: serapan("5.419.900", "5.739.000"), "94,44"),
    Kasus("003 Tabel 3.43 serapan Program Perlindungan Perempuan", lambda: serapan("195.433.106", "394.720.850"),
          "49,51"),
    Kasus("003 Tabel 3.43 serapan Jasa Surat Menyurat", lambda: serapan("2.000.000", "3.000.000"), "66,67"),
    # Tabel 3.43 truncates where Lampiran XII rounds (96,34)
    Kasus("003 Tabel 3.43 serapan Program Penunjang", lambda: serapan("6.829.527.996", "7.089.055.091"), "96,33",
          salah_cetak="96,34"),
    Kasus("003 Tabel 3.43 serapan Layanan Kedaruratan", lambda: serapan("36.116.500", "36.350.862"), "99,60",
          salah_cetak="99,36"),
    Kasus("003 Tabel 3.43 serapan Pencegahan KTA", lambda: serapan("126.542.500", "130.000.000"), "97,05",
          salah_cetak="97,34"),
    Kasus("003 Tabel 3.42 belanja tidak langsung", lambda: serapan("4.836.429.688", "4.946.864.271"), "97,77"),
    Kasus("003 Tabel 3.42 belanja langsung", lambda: serapan("4.684.827.187", "5.367.987.782"), "87,27"),
    Kasus("003 Tabel 3.44 tujuan/sasaran 3", lambda: serapan("631.495.325", "888.991.600"), "71,04"),
    Kasus("003 Tabel 3.47 efektivitas", lambda: efektivitas("9.521.256.875", "10.314.852.053"), "92,31%"),
    # Tabel 3.49 divides the belanja langsung budget (5.367.987.782); Mahsun's formula takes its
    # realisation (4.684.827.187, Tabel 3.42)
    Kasus("003 Tabel 3.49 efisiensi (angka yang dibagi tabel)",
          lambda: efisiensi("5.367.987.782", "9.521.256.875"), "56,38%"),
    Kasus("003 Tabel 3.49 efisiensi (realisasi belanja langsung)",
          lambda: efisiensi("4.684.827.187", "9.521.256.875"), "56,38%", salah_cetak="49,20%"),
    # SPM, Tabel 3.18: 0,8 × penerima + 0,2 × mean of the quality items
    Kasus("003 Tabel 3.18 SPM disabilitas terlantar", lambda: indeks_spm(
        100, [100, 100, 100, Decimal(28) / 30 * 100, 100, 100, 100, Decimal(28) / 30 * 100, 100, 100, 100, 100, 100]
    ), "99.79 %", desimal="."),
    Kasus("003 Tabel 3.18 SPM lanjut usia terlantar",
          lambda: indeks_spm(100, [100, 100, 100, 100, 50, 100, 100, 100, 100, 100, 100, 100, 100]), "99.23 %",
          desimal="."),
    Kasus("003 Tabel 3.18 SPM korban bencana", lambda: indeks_spm(100, [0, 100, 0, 0, 100]), "88.00 %", desimal="."),
    # the overall index averages the rounded indices; at full precision it is 97,41
    Kasus("003 Tabel 3.18 indeks pencapaian SPM", lambda: rata_rata_capaian([
        indeks_spm(100, [100, 100, 100, Decimal(28) / 30 * 100, 100, 100, 100, Decimal(28) / 30 * 100,
                         100, 100, 100, 100, 100]),
        100,
        indeks_spm(100, [100, 100, 100, 100, 50, 100, 100, 100, 100, 100, 100, 100, 100]),
        100,
        indeks_spm(100, [0, 100, 0, 0, 100]),
    ]), "97.40 %", desimal=".", salah_cetak="97.41 %"),
]  # fmt: skip


def _banding(teks, desimal):
    """The printed value and its number of decimals."""
    bersih = teks.replace("%", "").strip()
    angka = parse_angka(bersih, desimal=desimal)
    pecahan = bersih.rpartition(desimal)[2] if desimal in bersih else ""
    return angka, len(pecahan)


@pytest.mark.parametrize("kasus", KASUS, ids=str)
def test_rule_gives_the_value_printed_in_the_seed(kasus):
    dicetak, tempat = _banding(kasus.dicetak, kasus.desimal)
    hasil = kasus.hitung().quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)
    if kasus.salah_cetak is None:
        assert hasil == dicetak
    else:
        benar, _ = _banding(kasus.salah_cetak, kasus.desimal)
        assert hasil == benar
        assert hasil != dicetak, "the seed's value is marked a slip but the rule reproduces it"


def test_there_are_at_least_forty_seed_cases_and_the_slips_are_marked():
    assert len(KASUS) >= 40
    assert sum(k.salah_cetak is not None for k in KASUS) >= 8


PREDIKAT_SEED = [
    ("003 Tabel 3.10 Tujuan Strategis 1", "6110", "permendagri_54_2010", "Sangat baik"),
    ("003 Tabel 3.10 Sasaran Strategis 1", "98,82", "permendagri_54_2010", "Sangat baik"),
    ("003 Tabel 3.10 Tujuan Strategis 2", "100,07", "permendagri_54_2010", "Sangat baik"),
    ("003 Tabel 3.10 Tujuan Strategis 3 (negatif)", "71,91", "permendagri_54_2010", "Cukup"),
    ("003 Tabel 3.5 PMKS tertangani", "98,82", "status_capaian", "Tidak tercapai"),
    ("003 Tabel 3.5 APE", "100", "status_capaian", "Tercapai"),
    ("003 Tabel 3.5 IDG", "100,07", "status_capaian", "Melebihi target"),
    ("003 Tabel 3.5 penurunan PMKS", "6110", "status_capaian", "Melebihi target"),
    ("003 Tabel 3.47 efektivitas 92,31", "92,31", "efektivitas_anggaran", "Efektif"),
    ("003 Tabel 3.49 efisiensi 56,38", "56,38", "efisiensi_anggaran", "Sangat Efisien"),
    ("003 Tabel 3.45 rata-rata 1092,12", "1092,12", "permendagri_54_2010", "Sangat baik"),
]


@pytest.mark.parametrize(("nilai", "skala", "label"), [k[1:] for k in PREDIKAT_SEED], ids=[k[0] for k in PREDIKAT_SEED])
def test_predikat_is_the_one_printed_in_the_seed(nilai, skala, label):
    assert predikat(nilai, skala) == label


def test_status_counts_of_the_seed():
    """003 Tabel 3.5: < 100: 2, = 100: 1, > 100: 2 among the five indicators."""
    capaian_iku = [capaian("0,5", "30,55"), capaian("98,79", "97,62"), capaian("53,43", "53,47"),
                   capaian_ordinal("Pratama", "Pratama", APE), capaian("3,20", "4,45", arah="negatif")]  # fmt: skip
    status = [predikat(c, "status_capaian") for c in capaian_iku]
    assert (status.count("Tidak tercapai"), status.count("Tercapai"), status.count("Melebihi target")) == (2, 1, 2)


def test_band_target_inside_below_and_above():
    """DESIGN: a range target such as 2,1–2,3 is fully achieved inside the band."""
    assert capaian_rentang("2,1", "2,3", "2,2") == 100
    assert capaian_rentang("2,1", "2,3", "2,1") == 100
    assert round(capaian_rentang("2,1", "2,3", "1,89"), 2) == Decimal("90.00")
    assert round(capaian_rentang("2,1", "2,3", "2,53"), 2) == Decimal("90.91")

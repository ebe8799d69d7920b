"""Outliers (rules.capaian_pencilan, catatan_pencilan): a capaian far above the top of every
predikat scale is marked, never capped, and a mean holding one says so; on the seed numbers."""

from decimal import Decimal

import pytest

from kinerja import rules

D = Decimal


@pytest.mark.parametrize(
    ("capaian", "ambang", "pencilan"),
    [
        pytest.param(rules.capaian("0,5", "30,55"), rules.PENCILAN, True, id="lkjip-belitung-2024-pmks-6110"),
        pytest.param(D("3678"), rules.PENCILAN, True, id="lkjip-belitung-tabel-3.12-2023-pmks-3678"),
        pytest.param(rules.capaian("98,79", "97,62"), rules.PENCILAN, False, id="lkjip-belitung-2024-pmks-98,82"),
        pytest.param(
            rules.capaian(5, 10), rules.PENCILAN, False, id="lkjip-belitung-lampiran-xi-anak-terlantar-200-tepat"
        ),
        pytest.param(D("200.004"), rules.PENCILAN, False, id="200,00-setelah-dibulatkan"),
        pytest.param(D("200.005"), rules.PENCILAN, True, id="200,01-setelah-dibulatkan"),
        pytest.param(rules.capaian(30, 300), rules.PENCILAN, True, id="seribu-persen"),
        pytest.param(D(1000), D(1000), False, id="ambang-1000"),
        pytest.param(D("6110"), None, False, id="tanpa-ambang"),
        pytest.param(None, rules.PENCILAN, False, id="tak-terhitung"),
        pytest.param(D(-50), rules.PENCILAN, False, id="negatif"),
    ],
)
def test_a_capaian_above_the_threshold_once_rounded_is_an_outlier(capaian, ambang, pencilan):
    assert rules.capaian_pencilan(capaian, ambang) is pencilan


def test_the_default_threshold_is_200_percent():
    assert rules.PENCILAN == 200


@pytest.mark.parametrize(
    ("capaian", "catatan"),
    [
        pytest.param(
            [rules.capaian("0,5", "30,55"), rules.capaian("98,79", "97,62")],
            "Rata-rata ini memuat 1 capaian di atas 200% (6.110,00%).",
            id="lkjip-belitung-tabel-3.12-3104,41",
        ),
        pytest.param(
            ["3678", "122,86", "6110", None],
            "Rata-rata ini memuat 2 capaian di atas 200% (6.110,00%, 3.678,00%).",
            id="dua-pencilan-tertinggi-dulu",
        ),
        pytest.param(
            ["201", "300", "400", "500", "99"],
            "Rata-rata ini memuat 4 capaian di atas 200% (500,00%, 400,00%, 300,00% dan 1 lainnya).",
            id="paling-banyak-tiga-disebut",
        ),
        pytest.param(["98,82", "100,07", "71,91"], "", id="lkjip-belitung-2024-tanpa-pencilan"),
        pytest.param([], "", id="kosong"),
    ],
)
def test_a_mean_holding_outliers_says_how_many_and_which(capaian, catatan):
    assert rules.catatan_pencilan(capaian) == catatan


def test_the_note_leaves_the_mean_as_the_seed_prints_it():
    capaian = [rules.capaian("0,5", "30,55"), rules.capaian("98,79", "97,62")]
    assert rules.catatan_pencilan(capaian, ambang=D("3000")).endswith("di atas 3.000% (6.110,00%).")
    assert rules.format_angka(rules.rata_rata_capaian(capaian)) == "3.104,41"

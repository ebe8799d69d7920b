"""Bab III's financial accountability: one sentence per program with its budget, spending and
absorption, the Belitung numbers as the demo holds them (seed 003, Tabel 3.43)."""

from decimal import Decimal

import pytest

from laporan.builders.lkjip import build_lkjip
from laporan.builders.lkjip.data import Rupiah
from laporan.builders.lkjip.kalimat import kalimat_anggaran_program
from laporan.dokumen import Paragraf

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

PENUNJANG_2024 = (
    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota dengan anggaran Rp 7.089.055.091 terealisasi "
    "Rp 6.829.527.996 (96,34%)."
)


def test_the_lkjip_says_each_programs_budget_spending_and_absorption(demo):
    laporan = build_lkjip(demo, 2024)

    paragraf = next(
        b.teks
        for b in laporan.bagian
        if isinstance(b, Paragraf) and b.teks.startswith("Realisasi anggaran per program")
    )
    assert PENUNJANG_2024 in paragraf
    assert paragraf.count(" dengan anggaran Rp ") >= 5


def test_a_program_sentence_says_what_is_missing():
    r = Rupiah(induk=1_000_000, perubahan=None, realisasi=None)
    assert kalimat_anggaran_program("Program A", r, 2024) == (
        "Program A dengan anggaran Rp 1.000.000 belum dilaporkan realisasinya."
    )
    assert kalimat_anggaran_program("B", Rupiah(), 2024) == "Program B belum memiliki pagu anggaran tahun 2024."
    r = Rupiah(induk=Decimal(3), perubahan=Decimal(1_000_000), realisasi=Decimal("999999.4"))
    assert kalimat_anggaran_program("PROGRAM C", r, 2024) == (
        "PROGRAM C dengan anggaran Rp 1.000.000 terealisasi Rp 999.999 (100,00%)."
    )

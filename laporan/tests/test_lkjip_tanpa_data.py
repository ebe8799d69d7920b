"""LKjIP defects found on an unseen agency: a year-on-year difference of a percentage is in
points whatever the unit's spelling; no efektivitas or efisiensi is printed from inputs nobody
entered (the report says what is missing); every count of programs, kegiatan and sub kegiatan is
of the year's nodes in force; an 11-digit rupiah amount stays whole and apart in the PDF."""

import re
import subprocess
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from kinerja.tests.factories import renstra_nomenklatur_berganti
from laporan.builders.lkjip import build_lkjip
from laporan.builders.lkjip.kalimat import dengan_satuan, kalimat_perbandingan, satuan_persen
from laporan.dokumen import Butir, Paragraf, Tabel
from laporan.renderers.pdf import render_pdf
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Indikator, Pagu
from renstra.tests.factories import KegiatanFactory, PaguFactory, ProgramFactory, SubKegiatanFactory

from .conftest import perlu_pdf

TANGGAL = date(2026, 1, 7)


# ---------------------------------------------------------------------------------------------
# 1. Percentage units in any spelling
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "satuan", ["%", "Persen", "persen", "PERSEN", "Prosentase", "Persentase", "(%)", " % ", "Persen (%)", "persen(%)"]
)
def test_every_spelling_of_a_percentage_unit_is_a_percentage(satuan):
    assert satuan_persen(satuan)


@pytest.mark.parametrize("satuan", ["", None, "Orang", "Indeks", "per 10.000 penduduk", "Rupiah", "Persen Orang"])
def test_other_units_are_not_percentages(satuan):
    assert not satuan_persen(satuan)


def _kinerja(nilai, capaian=None):
    return SimpleNamespace(nilai_tahunan=Decimal(nilai), capaian=capaian)


@pytest.mark.parametrize("satuan", ["%", "Persen", "persen", "Prosentase", "(%)"])
def test_a_year_on_year_change_of_a_percentage_is_in_points_whatever_the_spelling(satuan):
    indikator = SimpleNamespace(satuan=satuan, arah=Indikator.Arah.POSITIF)
    kalimat = kalimat_perbandingan(indikator, _kinerja("96.49"), _kinerja("97.62"), 2024)
    assert kalimat == "Dibandingkan tahun 2023 (96,49%), realisasi naik 1,13 poin (membaik)."
    assert dengan_satuan(Decimal("97.62"), satuan) == "97,62%"


def test_a_change_in_another_unit_keeps_the_unit():
    indikator = SimpleNamespace(satuan="Orang", arah=Indikator.Arah.POSITIF)
    kalimat = kalimat_perbandingan(indikator, _kinerja("40"), _kinerja("45"), 2024)
    assert kalimat == "Dibandingkan tahun 2023 (40 Orang), realisasi naik 5 Orang (membaik)."


# ---------------------------------------------------------------------------------------------
# 2. No figure without data
# ---------------------------------------------------------------------------------------------


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _isi(tabel):
    return [[tulis_sel(s) for s in b.sel] for b in tabel.baris]


def _paragraf(laporan):
    return [b.teks for b in laporan.bagian if isinstance(b, Paragraf)]


@pytest.mark.django_db
def test_no_efisiensi_is_printed_when_no_spending_is_recorded_as_belanja_tidak_langsung():
    # Every pagu has the kind of spending nobody entered (belanja langsung): the ratio would be
    # 100% "Kurang Efisien" by construction.
    data = renstra_nomenklatur_berganti()
    laporan = build_lkjip(data.opd, 2025, tanggal=TANGGAL)
    assert _isi(_tabel(laporan, "efisiensi")) == [["120.000.000", "120.000.000", "–", ""]]
    teks = "\n".join(_paragraf(laporan))
    assert "Kurang Efisien." not in teks and "Efisiensi = 120" not in teks
    assert "Efisiensi tidak dapat dihitung: jenis belanja pagu tahun 2025 belum diisi" in teks
    # The efektivitas has its inputs: it is computed.
    assert _isi(_tabel(laporan, "efektivitas")) == [["150.000.000", "120.000.000", "80,00%", "Cukup Efektif"]]


@pytest.mark.django_db
def test_efisiensi_is_computed_once_a_budget_is_recorded_as_belanja_tidak_langsung():
    data = renstra_nomenklatur_berganti()
    Pagu.objects.filter(tahun=2025, induk=50_000_000).update(jenis_belanja=Pagu.JenisBelanja.TIDAK_LANGSUNG)
    laporan = build_lkjip(data.opd, 2025, tanggal=TANGGAL)
    # The sub kegiatan counts by the kind of most of its budget (APBD 100 juta langsung).
    assert _isi(_tabel(laporan, "efisiensi")) == [["120.000.000", "120.000.000", "100,00%", "Kurang Efisien"]]
    assert not any("tidak dapat dihitung" in p for p in _paragraf(laporan))


@pytest.mark.django_db
def test_efektivitas_and_efisiensi_say_the_spending_of_the_year_is_missing():
    data = renstra_nomenklatur_berganti()
    laporan = build_lkjip(data.opd, 2026, tanggal=TANGGAL)
    assert _isi(_tabel(laporan, "efektivitas")) == [["200.000.000", "", "–", ""]]
    teks = "\n".join(_paragraf(laporan))
    assert "Efektivitas tidak dapat dihitung: realisasi anggaran tahun 2026 belum diisi." in teks
    assert "Efisiensi tidak dapat dihitung: realisasi anggaran tahun 2026 belum diisi dan jenis belanja" in teks


# ---------------------------------------------------------------------------------------------
# 3. Counts of the year's nodes in force
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def dua_program():
    """The Renstra whose old program is replaced in 2026, with a second program in force all the
    period that has no budget yet (a kegiatan with two sub kegiatan)."""
    data = renstra_nomenklatur_berganti()
    lain = ProgramFactory(
        renstra=data.renstra, sasaran=data.sasaran, kode="1.06.05", uraian="Program Perlindungan Sosial"
    )
    kegiatan = KegiatanFactory(program=lain, kode="1.06.05.2.01", uraian="Perlindungan Sosial Korban Bencana")
    for n in (1, 2):
        SubKegiatanFactory(kegiatan=kegiatan, kode=f"1.06.05.2.01.000{n}", uraian=f"Sub kegiatan {n}")
    return data


def _jumlah_dinyatakan(laporan, tahun):
    """(programs, kegiatan, sub kegiatan) as each place of the LKjIP states them."""
    paragraf = _paragraf(laporan)
    ringkasan = next(p for p in paragraf if p.startswith(f"Pada tahun {tahun} dilaksanakan"))
    angka = [int(x) for x in re.findall(r"(\d+) \(\w+\) (?:program|kegiatan|sub kegiatan)\b", ringkasan)]
    penutup = next(p for p in paragraf if p.startswith("Kinerja tersebut diwujudkan melalui"))
    butir = next(b for b in laporan.bagian if isinstance(b, Butir) and any(i.startswith("Program") for i in b.isi))
    keuangan = [b for b in _tabel(laporan, "keuangan-program").baris if b.tingkat == 0 and b.jenis != "jumlah"]
    return {
        "ringkasan": tuple(angka),
        "penutup": int(re.search(r"melalui (\d+)", penutup).group(1)),
        "daftar program": len(butir.isi),
        "tabel keuangan": len(keuangan),
    }


@pytest.mark.django_db
def test_every_count_of_programs_in_the_lkjip_is_of_the_year_nodes_in_force(dua_program):
    laporan = build_lkjip(dua_program.opd, 2025, tanggal=TANGGAL)
    jumlah = _jumlah_dinyatakan(laporan, 2025)
    # 2025: the old program (one kegiatan, its budget row no sub kegiatan) and the new one without
    # budget (one kegiatan, two sub kegiatan); not the program in force from 2026.
    assert jumlah == {"ringkasan": (2, 2, 2), "penutup": 2, "daftar program": 2, "tabel keuangan": 2}
    assert not any("Program Rehabilitasi Sosial" in i for b in laporan.bagian if isinstance(b, Butir) for i in b.isi)


@pytest.mark.django_db
def test_the_next_year_counts_its_own_programs(dua_program):
    laporan = build_lkjip(dua_program.opd, 2026, tanggal=TANGGAL)
    jumlah = _jumlah_dinyatakan(laporan, 2026)
    assert jumlah["ringkasan"] == (2, 2, 3)
    assert jumlah["penutup"] == jumlah["daftar program"] == 2
    # The budget table pairs 2025 with 2026: the program replaced in 2026 is a row of its own.
    assert jumlah["tabel keuangan"] == 3


# ---------------------------------------------------------------------------------------------
# 4. 11-digit rupiah amounts in the PDF's budget table
# ---------------------------------------------------------------------------------------------

BESAR = 12_345_678_901


@perlu_pdf
@pytest.mark.django_db
def test_an_eleven_digit_rupiah_amount_is_neither_split_nor_run_into_its_neighbour(tmp_path):
    data = renstra_nomenklatur_berganti()
    Pagu.objects.filter(tahun=2025).delete()
    pembawa = data.renstra.program.get(kode="").kegiatan.get().sub_kegiatan.get()
    sumber = data.renstra.program.get(kode="1.06.04").kegiatan.get().sub_kegiatan.get().pagu.get().sumber_dana
    PaguFactory(sub_kegiatan=pembawa, tahun=2025, sumber_dana=sumber, induk=BESAR, perubahan=BESAR + 1_000_000_000)
    berkas = tmp_path / "lkjip.pdf"
    berkas.write_bytes(render_pdf(build_lkjip(data.opd, 2025, tanggal=TANGGAL)))
    teks = subprocess.run(["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True, check=True)
    baris = teks.stdout.splitlines()
    # Whole amounts, each standing apart (spaces or a line's end on both sides).
    utuh = re.compile(r"(?<![\d.])(12\.345\.678\.901|13\.345\.678\.901)(?![\d.])")
    dengan_tetangga = re.compile(
        r"\S(?:12\.345\.678\.901|13\.345\.678\.901)|(?:12\.345\.678\.901|13\.345\.678\.901)(?![\s)])\S"
    )
    ada = [b for b in baris if utuh.search(b) and "Rp " not in b]  # table lines, not sentences
    assert len(ada) >= 4, "the amounts are printed whole in the tables (komposisi, keuangan program, efektivitas)"
    assert not [b for b in ada if dengan_tetangga.search(b)], "an amount runs into its neighbour"
    # No piece of a split amount: a line ending or starting with part of one.
    potongan = re.compile(
        r"(?<![\d.])(12\.|12\.345\.|12\.345\.678\.|13\.|13\.345\.)$|^\s*(345\.678\.901|678\.901|901)\b"
    )
    assert not [b for b in baris if potongan.search(b.rstrip())]
    # Each amount's box keeps clear of the next word on its line (overlapping cells touch).
    assert not _bersentuhan(berkas, {"12.345.678.901", "13.345.678.901"})


def _bersentuhan(berkas, jumlah):
    """The amounts whose box ends less than 1.5 pt before the next word to its right on the
    same line of the same page (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(berkas), "-"], capture_output=True, text=True, check=True).stdout
    pola = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')
    hasil = []
    for n, halaman in enumerate(html.split("<page ")):
        kata = [(float(x0), float(y), float(x1), w) for x0, y, x1, w in pola.findall(halaman)]
        for x0, y, x1, w in kata:
            if w not in jumlah:
                continue
            kanan = [k[0] for k in kata if abs(k[1] - y) < 2 and k[0] > x0 + 1]
            if kanan and min(kanan) - x1 < 1.5:
                hasil.append((n, w, min(kanan) - x1))
    return hasil

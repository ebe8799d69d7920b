"""The Manual IKU report on the Belitung demo of 2024: one block per IKU of the Renstra 2024–2026
with the targets of the Matriks Renstra, its formula, direction and unit, "Belum diisi" where the
agency has not written an operational definition, its PDF, XLSX and management command."""

from datetime import date
from io import BytesIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from kinerja.pindah.format import baca_kolom, tulis_kolom
from laporan.builders.manual_iku import BELUM_DIISI, build_manual_iku
from laporan.builders.matriks_renstra import build_matriks_renstra
from laporan.dokumen import Tabel
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Indikator, PerangkatDaerah
from renstra.selectors import renstra_berlaku

from .conftest import perlu_pdf, teks_pdf

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

BELITUNG = "DSPPPA-BELITUNG"
TANGGAL = date(2024, 10, 14)
TAHUN = [2024, 2025, 2026]


def _opd():
    return PerangkatDaerah.objects.get(kode=BELITUNG)


def _blok(laporan):
    return [b for b in laporan.bagian if isinstance(b, Tabel)]


def _isi(tabel):
    """{row key without the indicator id: printed text} of one IKU's block."""
    return {b.kunci.rsplit("-", 1)[0]: tulis_sel(b.sel[1]) for b in tabel.baris}


def _iku():
    return list(Indikator.objects.filter(renstra=renstra_berlaku(_opd(), 2024), iku=True))


@pytest.fixture
def manual():
    return build_manual_iku(_opd(), 2024, tanggal=TANGGAL)


def test_every_iku_of_the_renstra_has_one_block_in_the_order_of_the_plan(manual):
    blok = _blok(manual)
    assert sorted(b.kunci for b in blok) == sorted(f"iku-{i.pk}" for i in _iku())
    assert len(blok) == 5  # seed 003, Tabel 2.3: tujuan 3 and sasaran 3 share one IKU
    assert [b.nama for b in blok] == [f"IKU {n}" for n in range(1, 6)]
    assert _isi(blok[0])["indikator-kinerja-utama"] == "Persentase penurunan PMKS per tahun"
    assert _isi(blok[-1])["indikator-kinerja-utama"] == "Rasio kekerasan terhadap perempuan dan anak"
    assert manual.judul[0] == "MANUAL INDIKATOR KINERJA UTAMA"
    assert "Renstra 2024–2026" in manual.judul
    assert manual.penanda[0].nama == "KASIMIN, S.IP., MAB"


def _target_matriks():
    """{indicator text: [printed target per year]} of the tujuan and sasaran rows of the Matriks Renstra."""
    tabel = build_matriks_renstra(_opd(), 2024).bagian[0]
    hasil = {}
    for b in tabel.baris:
        sel = list(tabel.posisi(b))
        uraian = next((s for k, s in sel if k == 4), None)
        if uraian is not None and uraian.nilai:
            hasil.setdefault(uraian.nilai, [tulis_sel(s) for k, s in sel if k in (7, 9, 11)])
    return hasil


def test_targets_per_year_are_those_of_the_matriks_renstra(manual):
    matriks = _target_matriks()
    for blok in _blok(manual):
        isi = _isi(blok)
        assert [isi[f"target-{th}"] for th in TAHUN] == matriks[isi["indikator-kinerja-utama"]], blok.judul


@pytest.mark.parametrize(
    ("nomor", "target"),
    [
        (1, ["0,50", "0,50", "0,50"]),  # seed 003, PK 2024: 0,5
        (2, ["98,79", "98,81", "98,83"]),
        (5, ["3,20", "3,18", "3,16"]),
    ],
)
def test_targets_are_the_renstra_figures(manual, nomor, target):
    isi = _isi(_blok(manual)[nomor - 1])
    assert [isi[f"target-{th}"] for th in TAHUN] == target


def test_formula_numerator_denominator_unit_and_direction_are_printed(manual):
    kedua, kelima = _isi(_blok(manual)[1]), _isi(_blok(manual)[4])
    assert kedua["rumus-perhitungan"].startswith("Jumlah PMKS yang tertangani atau mendapatkan layanan / Jumlah PMKS")
    assert kedua["pembilang"] == "Jumlah PMKS yang tertangani atau mendapatkan layanan"
    assert kedua["penyebut"] == "Jumlah PMKS"
    assert kedua["satuan"] == "%"
    assert kedua["arah"] == "Positif (makin tinggi makin baik)"
    assert kedua["frekuensi-pengukuran"] == "Triwulanan"
    assert kelima["arah"].startswith("Negatif (makin rendah makin baik)")
    assert kelima["penanggung-jawab"] == "Bidang Perlindungan Perempuan dan Anak"
    assert kelima["tujuan"].startswith("Tujuan 3 dan sasaran 3.1: ")


def test_an_indicator_without_numerator_prints_a_dash_and_its_formula_is_built_from_them_when_unwritten():
    pertama = _iku()[0]
    pertama.pembilang = pertama.penyebut = ""
    pertama.save()
    isi = _isi(_blok(build_manual_iku(_opd(), 2024))[0])
    assert isi["pembilang"] == "—" and isi["penyebut"] == "—"

    pertama.rumusan, pertama.pembilang, pertama.penyebut = "", "Kasus", "Penduduk"
    pertama.save()
    isi = _isi(_blok(build_manual_iku(_opd(), 2024))[0])
    assert isi["rumus-perhitungan"] == "Kasus / Penduduk × 100"


def test_the_yearly_rule_is_written_in_words():
    pertama = _iku()[0]
    pertama.cara_tahunan = Indikator.CaraTahunan.KUMULATIF
    pertama.save()
    assert _isi(_blok(build_manual_iku(_opd(), 2024))[0])["nilai-tahunan-dari-triwulan"] == (
        "Kumulatif (jumlah triwulan)"
    )
    pertama.frekuensi = Indikator.Frekuensi.TAHUNAN
    pertama.save()
    isi = _isi(_blok(build_manual_iku(_opd(), 2024))[0])
    assert isi["nilai-tahunan-dari-triwulan"].startswith("Diukur sekali setahun")
    assert isi["frekuensi-pengukuran"] == "Tahunan (diukur sekali setahun)"


def test_an_empty_operational_definition_reads_belum_diisi_and_is_counted_under_the_blocks(manual):
    assert all(_isi(b)["definisi-operasional"] == BELUM_DIISI for b in _blok(manual))
    assert any(c.startswith("5 dari 5 IKU belum mempunyai definisi operasional") for c in manual.catatan)


def test_the_operational_definition_once_written_is_printed_and_no_longer_counted():
    for i in _iku():
        i.definisi_operasional = f"Definisi {i.pk}"
        i.save()
    pertama = _iku()[0]
    laporan = build_manual_iku(_opd(), 2024)
    blok = next(b for b in _blok(laporan) if b.kunci == f"iku-{pertama.pk}")
    assert _isi(blok)["definisi-operasional"] == f"Definisi {pertama.pk}"
    assert not any("definisi operasional" in c for c in laporan.catatan)


def test_an_empty_data_source_reads_belum_diisi_and_is_counted():
    pertama = _iku()[0]
    pertama.sumber_data = ""
    pertama.save()
    laporan = build_manual_iku(_opd(), 2024)
    assert _isi(_blok(laporan)[0])["sumber-data"] == BELUM_DIISI
    assert any(c.startswith("1 dari 5 IKU belum mempunyai sumber data") for c in laporan.catatan)


def test_year_without_renstra_gives_an_empty_block_with_a_note():
    laporan = build_manual_iku(_opd(), 2030)
    assert [t.baris for t in _blok(laporan)] == [[]]
    assert "Tidak ada Renstra yang berlaku pada tahun 2030." in laporan.catatan


def test_a_renstra_without_iku_says_which_flag_to_set():
    Indikator.objects.filter(renstra=renstra_berlaku(_opd(), 2024)).update(iku=False)
    laporan = build_manual_iku(_opd(), 2024)
    assert [t.baris for t in _blok(laporan)] == [[]]
    assert any("ditandai IKU" in c for c in laporan.catatan)


def test_xlsx_has_one_sheet_per_iku_with_numeric_targets(manual):
    buku = load_workbook(BytesIO(render_xlsx(manual)))
    assert buku.sheetnames == [f"IKU {n}" for n in range(1, 6)]
    ws = buku["IKU 2"]
    baris = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(1, ws.max_row + 1)}
    assert baris["Target 2024"].value == pytest.approx(98.79) and baris["Target 2024"].data_type == "n"
    assert baris["Definisi operasional"].value == BELUM_DIISI
    assert ws.page_setup.orientation == "portrait"


@perlu_pdf
def test_pdf_has_title_blocks_targets_and_signature(manual, tmp_path):
    teks, halaman = teks_pdf(render_pdf(manual), tmp_path)
    assert "MANUAL INDIKATOR KINERJA UTAMA" in teks
    assert "IKU 5. Rasio kekerasan terhadap perempuan dan anak" in teks
    assert "98,79" in teks and "Belum diisi" in teks
    assert "KASIMIN, S.IP., MAB" in teks and "Tanjungpandan, 14 Oktober 2024" in teks
    assert 1 <= halaman <= 6


def test_the_management_command_writes_the_file(tmp_path):
    keluaran = tmp_path / "manual-iku.xlsx"
    call_command(
        "laporan", "manual-iku", "--opd", BELITUNG, "--tahun", "2024", "--format", "xlsx", "--output", str(keluaran)
    )  # fmt: skip
    assert load_workbook(keluaran).sheetnames[0] == "IKU 1"


def test_query_count_does_not_grow_with_the_plan(sepuluh_kali_demo, django_assert_num_queries):
    # renstra in force, IKU, their targets, the agency's bidang, programs in force, sasaran
    opd = _opd()
    with django_assert_num_queries(6):
        build_manual_iku(opd, 2024)
    with django_assert_num_queries(6):
        besar = build_manual_iku(sepuluh_kali_demo, 2025)
    assert len(_blok(besar)) == Indikator.objects.filter(renstra__opd=sepuluh_kali_demo, iku=True).count()


def test_the_agency_archive_carries_the_operational_definition_and_an_older_archive_leaves_it_empty():
    pertama = _iku()[0]
    pertama.definisi_operasional = "Penurunan jumlah PMKS dibanding tahun sebelumnya."
    data = tulis_kolom(pertama)
    assert data["definisi_operasional"] == "Penurunan jumlah PMKS dibanding tahun sebelumnya."
    del data["definisi_operasional"]  # an archive written before renstra 0011
    assert baca_kolom(Indikator, data)["definisi_operasional"] == ""

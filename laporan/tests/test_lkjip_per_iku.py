"""The LKjIP's section per IKU (Bab III, 3.1.3; seed 003 "Capaian Kinerja" per sasaran): the year's
target, realisation, capaian and predikat, the year before, the Renstra's end target (seed 003,
Tabel 3.13 and 3.14), a chart of realisation against target over the years (Tabel 3.4's figures),
the operators' quarterly problems and follow-up, and the budget of the programs that served it
(Tabel 2.5 / 3.44)."""

import xml.etree.ElementTree as ET
from io import BytesIO

import pytest
from openpyxl import load_workbook

from kinerja.models import Realisasi
from laporan.builders.lkjip import build_lkjip
from laporan.dokumen import Butir, Gambar, Judul, Paragraf
from laporan.renderers.html import render_dokumen
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import Indikator

from .conftest import perlu_pdf, teks_pdf

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

PENURUNAN = "Persentase penurunan PMKS per tahun"
PENANGANAN = "Persentase PMKS yang tertangani atau mendapatkan layanan"
IDG = "Indeks Pemberdayaan Gender (IDG)"
RASIO = "Rasio kekerasan terhadap perempuan dan anak"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def lkjip(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_lkjip(demo, 2024)


def _indikator(uraian):
    return Indikator.objects.get(renstra__tahun_awal=2024, renstra__opd__kode="DSPPPA-BELITUNG", uraian=uraian)


def bagian_iku(laporan, uraian):
    """The parts of an indicator's section, from its heading to the next heading of its level."""
    mulai = next(
        i for i, b in enumerate(laporan.bagian) if isinstance(b, Judul) and b.tingkat == 4 and b.teks == uraian
    )
    hasil = []
    for b in laporan.bagian[mulai + 1 :]:
        if isinstance(b, Judul) and b.tingkat <= 4:
            break
        hasil.append(b)
    return hasil


def teks_iku(laporan, uraian):
    return " ".join(
        b.teks if isinstance(b, Paragraf) else " ".join(b.isi) if isinstance(b, Butir) else ""
        for b in bagian_iku(laporan, uraian)
    )


def test_each_iku_has_a_numbered_heading_of_its_own(lkjip):
    judul = [b.lengkap for b in lkjip.bagian if isinstance(b, Judul) and b.tingkat == 4]
    assert judul[:5] == [
        f"{n}) {u}"
        for n, u in enumerate([PENURUNAN, PENANGANAN, IDG, "Level Anugerah Parahita Ekapraya (APE)", RASIO], 1)
    ]


def test_the_section_states_target_realisation_capaian_and_predikat_of_the_year(lkjip):
    # Seed 003, Tabel 3.3 and 3.14: 98,79% / 97,62% / 98,82 (Sangat baik).
    assert "tercapai 97,62% dari target 98,79% atau capaian 98,82% (Sangat baik)." in teks_iku(lkjip, PENANGANAN)
    assert "capaian 6.110,00% (Sangat baik)" in teks_iku(lkjip, PENURUNAN)


def test_the_section_compares_with_the_year_before(lkjip):
    # Seed 003, Tabel 3.13: 98,29% → 97,62%, selisih -0,67.
    teks = teks_iku(lkjip, PENANGANAN)
    assert "Dibandingkan tahun 2023 (98,29%), realisasi turun 0,67 poin (memburuk)" in teks
    assert "capaian 122,86% pada tahun 2023 menjadi 98,82% pada tahun 2024" in teks


def test_the_section_compares_with_the_renstra_end_target(lkjip):
    # Seed 003, Tabel 3.14: target akhir Renstra (2026) 98,83, capaian 2024 terhadapnya 98,78; 0,5 and 6110.
    assert (
        "Target akhir Renstra (2026) sebesar 98,83%; realisasi tahun 2024 (97,62%) mencapai 98,78% dari target "
        "akhir tersebut." in teks_iku(lkjip, PENANGANAN)
    )
    assert "Target akhir Renstra (2026) sebesar 0,50%; realisasi tahun 2024 (30,55%) mencapai 6.110,00%" in teks_iku(
        lkjip, PENURUNAN
    )


def _titik(gambar):
    svg = ET.fromstring(gambar.grafik.svg)
    return {(c.get("data-seri"), int(c.get("data-tahun"))): c.get("data-nilai") for c in svg.iter(SVG + "circle")}


def test_the_chart_draws_realisation_against_target_over_the_years(lkjip):
    gambar = next(b for b in bagian_iku(lkjip, PENANGANAN) if isinstance(b, Gambar))
    assert gambar.kunci == f"iku-{_indikator(PENANGANAN).pk}"
    assert gambar.judul == f"Gambar 3.2 Target dan Realisasi {PENANGANAN} (2019–2026)"
    titik = _titik(gambar)
    # Seed 003, Tabel 3.4: realisasi 83,89 94,78 97,69 98,79 98,29 97,62; target 80 … 98,79.
    assert [titik["Realisasi", th] for th in range(2019, 2025)] == [
        "83.89",
        "94.78",
        "97.69",
        "98.79",
        "98.29",
        "97.62",
    ]
    assert [titik["Target", th] for th in (2019, 2023, 2024, 2026)] == ["80", "80", "98.79", "98.83"]
    assert ("Realisasi", 2025) not in titik  # a year still to come has its target alone
    assert "Realisasi: 2019 83,89%" in gambar.uraian and "2024 97,62%" in gambar.uraian


def test_a_level_indicator_has_no_chart(lkjip):
    assert not any(isinstance(b, Gambar) for b in bagian_iku(lkjip, "Level Anugerah Parahita Ekapraya (APE)"))


def test_the_budget_of_the_programs_under_the_sasaran(lkjip):
    # Seed 003, Tabel 2.5 (2024): 497.303.100 and 888.991.600; realisations as Tabel 3.44.
    teks = teks_iku(lkjip, IDG)
    assert "didukung oleh 3 (tiga) program dengan pagu anggaran tahun 2024 seluruhnya Rp 497.303.100 dan " in teks
    assert "realisasi Rp 487.908.534 (98,11%)" in teks
    assert "Rp 888.991.600 dan realisasi Rp 631.495.325 (71,04%)" in teks_iku(lkjip, RASIO)
    assert (
        "Program Pemberdayaan Sosial dengan anggaran Rp 348.934.400 terealisasi Rp 321.623.110 (92,17%)."
        in teks_iku(lkjip, PENANGANAN)
    )


def test_no_quarterly_problem_written_is_said_plainly(lkjip):
    teks = teks_iku(lkjip, IDG)
    assert "Permasalahan belum ditulis pada isian triwulan tahun 2024." in teks
    assert "Tindak lanjut belum ditulis pada isian triwulan tahun 2024." in teks


def test_the_latest_quarter_with_a_problem_written_is_quoted(demo):
    i = _indikator(IDG)
    baris = list(Realisasi.objects.filter(indikator=i, tahun=2024).order_by("triwulan"))
    assert baris, "the demo reports IDG in 2024"
    baris[0].permasalahan = "Data terlambat"
    baris[0].save()
    baris[-1].permasalahan = "Partisipasi perempuan rendah"
    baris[-1].tindak_lanjut = "Sosialisasi ke desa."
    baris[-1].save()
    teks = teks_iku(build_lkjip(demo, 2024), IDG)
    romawi = {1: "I", 2: "II", 3: "III", 4: "IV"}[baris[-1].triwulan]
    assert f"Permasalahan yang dicatat pada isian triwulan {romawi}: Partisipasi perempuan rendah." in teks
    assert "Tindak lanjut pada isian triwulan terakhir yang mengisinya: Sosialisasi ke desa." in teks


def test_the_chart_is_inline_in_the_html_and_its_text_in_the_xlsx(lkjip):
    html = render_dokumen(lkjip)
    assert f'<figcaption class="laporan-gambar-judul">Gambar 3.2 Target dan Realisasi {PENANGANAN}' in html
    assert 'data-seri="Realisasi" data-tahun="2024" data-nilai="97.62"' in html
    wb = load_workbook(BytesIO(render_xlsx(lkjip)))
    isi = [c for ws in wb for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert f"Gambar 3.2 Target dan Realisasi {PENANGANAN} (2019–2026)" in isi
    assert any(c.startswith("Target: 2019 80%") and "Realisasi: 2019 83,89%" in c for c in isi)


@perlu_pdf
def test_the_chart_is_drawn_in_the_pdf_with_its_caption(lkjip, tmp_path):
    teks, _ = teks_pdf(render_pdf(lkjip), tmp_path, tata_letak=False)
    rata = " ".join(teks.split())
    assert f"Gambar 3.2 Target dan Realisasi {PENANGANAN} (2019–2026)" in rata
    # The drawing's own texts (its years and legend) are in the PDF: the SVG is drawn, not dropped.
    sesudah = rata[rata.index("Gambar 3.1 Target dan Realisasi") - 400 :]
    assert "2019" in sesudah and "Realisasi" in sesudah

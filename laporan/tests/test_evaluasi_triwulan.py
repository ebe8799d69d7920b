"""The quarterly evaluation report: seed 000 as printed, the Belitung demo against the rules
module, its XLSX and PDF, and a fixed number of queries."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kinerja import importers, rules
from kinerja.tests.seed_xlsx import (
    baris_evaluasi_dua_bidang,
    baris_evaluasi_tidak_urut_kode,
    perbaiki_evaluasi,
    tulis_xlsx,
)
from laporan.builders.evaluasi_triwulan import build_evaluasi_triwulan
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Bidang, Indikator, Target
from renstra.tests.factories import PerangkatDaerahFactory, RenstraFactory

from .conftest import perlu_pdf, teks_pdf

PMKS_TERTANGANI = "Persentase PMKS yang tertangani atau mendapatkan layanan"
TANGGAL = date(2025, 1, 7)  # "Purwakarta, 07 Januari 2025" (seed 000, under form 2)


def baris_kode(tabel, kode):
    """The printed cells of the row whose Kode Rekening is `kode`."""
    for b in tabel.baris:
        if len(b.sel) > 1 and b.sel[1].nilai == kode:
            return [tulis_sel(s) for s in b.sel]
    raise LookupError(kode)


def form1_kunci(tabel, kode):
    """The key of the row whose Kode Rekening is `kode` (the same row's key in form 2)."""
    return next(b.kunci for b in tabel.baris if len(b.sel) > 1 and b.sel[1].nilai == kode)


# ---------------------------------------------------------------------------------------------
# Seed 000 (Purwakarta 2024), imported with the workbook importer, then built
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def purwakarta(tmp_path, db):
    opd = PerangkatDaerahFactory(
        nama="Dinas Sosial Kabupaten Purwakarta", kota="Purwakarta", kepala_nama="Kepala Dinas Contoh"
    )
    RenstraFactory(opd=opd, tahun_awal=2023)
    berkas = tulis_xlsx(tmp_path / "evaluasi.xlsx", {"Evaluasi": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})
    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True)
    assert hasil.disimpan, hasil.galat
    return opd


def test_form1_prints_each_quarter_as_the_seed_workbook_does(purwakarta):
    form1 = build_evaluasi_triwulan(purwakarta, 2024, 4, tanggal=TANGGAL).bagian[0]

    # No, Kode, uraian, indikator, satuan, target, then realisasi and % of TW I..IV (seed 000 line 24)
    permakanan = baris_kode(form1, "1.06.04.2.01.0001")
    assert permakanan[5:] == ["40", "58", "145,00%", "97", "242,50%", "80", "200,00%", "40", "100,00%"]
    # line 25: 15, 18, 29 of 29 and "-" in TW IV, printed "-" and 0,00%
    alat_bantu = baris_kode(form1, "1.06.04.2.01.0003")
    assert alat_bantu[5:] == ["29", "15", "51,72%", "18", "62,07%", "29", "100,00%", "-", "0,00%"]
    # line 15: 300 against 30 is printed 1000,00%: no capping
    assert baris_kode(form1, "1.06.02.2.03.0003")[5:] == [
        "30", "-", "0,00%", "-", "0,00%", "30", "100,00%", "300", "1.000,00%"
    ]  # fmt: skip
    # line 14: 15 of 17 is printed 88,23% (truncated); the product rounds half-up
    assert baris_kode(form1, "1.06.02.2.03.0002")[10:12] == ["15", "88,24%"]


def test_form1_matches_the_whole_percent_the_seed_prints_for_the_third_bidang_rows(purwakarta):
    form1 = build_evaluasi_triwulan(purwakarta, 2024, 4, tanggal=TANGGAL).bagian[0]
    cetak = {  # seed 000 lines 90, 91 and 96: target, then realisasi and whole % per quarter
        "1.06.05.2.02.01": ("34.000", ["10.994", "32%", "16.455", "48%", "27.218", "80%", "44.214", "130%"]),
        "1.06.05.2.02.02": ("103.538", ["108.811", "105%", "110.048", "106%", "88.882", "86%", "110.354", "107%"]),
        "1.06.06.2.01.01": ("100", ["802", "802%", "848", "848%", "882", "882%", "1.088", "1.088%"]),
    }
    for kode, (target, per_tw) in cetak.items():
        baris = next(b for b in form1.baris if len(b.sel) > 1 and b.sel[1].nilai == kode)
        assert tulis_sel(baris.sel[5]) == target
        dicetak = [rules.format_persen(s.nilai, 0) if s.jenis == "persen" else tulis_sel(s) for s in baris.sel[6:14]]
        assert dicetak == per_tw, kode


def test_a_zero_the_workbook_wrote_as_dash_prints_dash_and_one_written_0_prints_0(purwakarta):
    laporan = build_evaluasi_triwulan(purwakarta, 2024, 4, tanggal=TANGGAL)
    form1 = laporan.bagian[0]

    # seed 000 line 86: "-", "-", "-" then "0" in TW IV, each 0%
    assert baris_kode(form1, "1.06.05.2.01.01")[5:] == [
        "20", "-", "0,00%", "-", "0,00%", "-", "0,00%", "0", "0,00%"
    ]  # fmt: skip
    # line 100 (its code made unique): a 0 written "0" in TW I
    assert baris_kode(form1, "1.06.06.2.01.05")[6:8] == ["0", "0,00%"]
    # form 2 prints the quarter's "-" too (columns S, TW, % per quarter after No … %)
    form2 = next(b for b in laporan.bagian[1].baris if b.kunci == form1_kunci(form1, "1.06.02.2.03.0002"))
    assert [tulis_sel(s) for s in form2.sel[6:18]][1::3] == ["-", "-", "15", "-"]
    catatan = 'Realisasi "-": nol yang pada berkas evaluasi yang diimpor ditulis "-"'
    assert any(c.startswith(catatan) for c in laporan.catatan)


def test_a_zero_entered_in_the_application_prints_0(purwakarta):
    from kinerja.models import Realisasi

    r = Realisasi.objects.get(indikator__sub_kegiatan__kode="1.06.02.2.03.0002", tahun=2024, triwulan=1)
    r.tertulis_strip = False  # as entered on the entry page
    r.save()

    form1 = build_evaluasi_triwulan(purwakarta, 2024, 4).bagian[0]

    assert baris_kode(form1, "1.06.02.2.03.0002")[6:8] == ["0", "0,00%"]


def test_sub_kegiatan_keep_the_order_the_seed_workbook_lists_them_in(purwakarta):
    form1 = build_evaluasi_triwulan(purwakarta, 2024, 4).bagian[0]

    kode = [b.sel[1].nilai for b in form1.baris if len(b.sel) > 1 and str(b.sel[1].nilai).startswith("1.06.04.2.01.")]
    # seed 000 lines 24-36, not by code
    assert kode == [f"1.06.04.2.01.{n:04d}" for n in (1, 3, 6, 8, 10, 2, 11, 4, 5, 7, 9, 12)]


def test_kegiatan_listed_out_of_code_order_are_reported_in_the_workbooks_order(tmp_path, db):
    opd = PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Contoh")
    RenstraFactory(opd=opd, tahun_awal=2023)
    berkas = tulis_xlsx(tmp_path / "evaluasi.xlsx", {"Evaluasi": baris_evaluasi_tidak_urut_kode()})
    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True)
    assert hasil.disimpan, hasil.galat

    form1 = build_evaluasi_triwulan(opd, 2024, 4).bagian[0]

    kode = [b.sel[1].nilai for b in form1.baris if len(b.sel) > 1 and b.sel[1].nilai]
    assert kode == ["1.06.04", "1.06.04.2.02", "1.06.04.2.02.0014", "1.06.04.2.01", "1.06.04.2.01.0003",
                    "1.06.04.2.01.0001"]  # fmt: skip
    assert baris_kode(form1, "1.06.04.2.01.0003")[6:12] == ["1", "10,00%", "2", "20,00%", "-", "0,00%"]


def test_a_sub_kegiatan_cut_by_refocusing_prints_refocusing_across_the_quarters(purwakarta):
    form1 = build_evaluasi_triwulan(purwakarta, 2024, 4).bagian[0]
    baris = next(b for b in form1.baris if len(b.sel) > 1 and b.sel[1].nilai == "1.06.03.2.01.0001")
    assert baris.sel[-1].teks == "REFOCUSING" and baris.sel[-1].kolom == 8


def test_quarters_after_the_chosen_one_are_left_empty(purwakarta):
    form1 = build_evaluasi_triwulan(purwakarta, 2024, 2).bagian[0]
    assert baris_kode(form1, "1.06.04.2.01.0001")[5:] == ["40", "58", "145,00%", "97", "242,50%", "", "", "", ""]


def test_a_bidang_report_holds_only_that_bidangs_programs_and_its_head_signs(purwakarta):
    bidang = Bidang.objects.get(opd=purwakarta, nama="Bidang Rehabilitasi dan Pemberdayaan Sosial")
    bidang.kepala_nama, bidang.kepala_jabatan = "Kepala Bidang Contoh", "Kepala"
    bidang.save()

    laporan = build_evaluasi_triwulan(purwakarta, 2024, 4, bidang=bidang, tanggal=TANGGAL)

    kode = {b.sel[1].nilai for b in laporan.bagian[0].baris if len(b.sel) > 1 and b.sel[1].nilai}
    assert "1.06.02.2.03.0001" in kode
    assert "1.06.05.2.02.01" not in kode  # Bidang Perlindungan dan Jaminan Sosial
    assert laporan.penanda[0].nama == "Kepala Bidang Contoh"
    assert laporan.penanda[0].jabatan == "Kepala Bidang Rehabilitasi dan Pemberdayaan Sosial"


def test_form2_carries_the_quarters_narrative(purwakarta):
    from kinerja.models import Realisasi

    r = Realisasi.objects.get(indikator__sub_kegiatan__kode="1.06.04.2.01.0001", tahun=2024, triwulan=3)
    r.rencana_aksi, r.permasalahan = "Koordinasi dengan DPRD", "Belum adanya data PPKS"
    r.save()

    form2 = build_evaluasi_triwulan(purwakarta, 2024, 3).bagian[1]

    baris = next(b for b in form2.baris if b.kunci == f"indikator-{r.indikator_id}")
    sel = [tulis_sel(s) for s in baris.sel]
    assert sel[-4:-2] == ["Koordinasi dengan DPRD", "Belum adanya data PPKS"]
    assert sel[6:9] == ["40", "58", "145,00%"]  # S, TW1, %


# ---------------------------------------------------------------------------------------------
# The Belitung demo: the report shows the capaian of the rules module
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_belitung_quarterly_capaian_is_the_rules_modules(demo):
    form1 = build_evaluasi_triwulan(demo, 2024, 4).bagian[0]
    indikator = {f"indikator-{i.pk}": i for i in Indikator.objects.filter(renstra__opd=demo, renstra__tahun_awal=2024)}
    dibandingkan = 0
    for baris in form1.baris:
        i = indikator.get(baris.kunci)
        if i is None or i.jenis != Indikator.Jenis.KUANTITATIF or len(baris.sel) < 14:
            continue
        target = Target.objects.filter(indikator=i, tahun=2024, triwulan__isnull=True).order_by("-jenis").first()
        realisasi = i.realisasi.filter(tahun=2024, triwulan=4).first()
        if target is None or target.nilai is None or realisasi is None or realisasi.nilai is None:
            continue
        jenis_target = {t.jenis for t in i.target.filter(tahun=2024, triwulan__isnull=True)}
        if len(jenis_target) > 1:
            continue  # which target is in force is the selector's rule, tested in kinerja
        diharapkan = rules.capaian(target.nilai, realisasi.nilai, i.arah, i.metode_negatif)
        assert baris.sel[13].nilai == diharapkan, i.uraian
        dibandingkan += 1
    assert dibandingkan >= 40
    # seed 003 Tabel 3.5: Persentase PMKS yang tertangani 97,62 of 98,79 → 98,82%; PMKS 6.110,00%
    teks = {tulis_sel(b.sel[3]): tulis_sel(b.sel[13]) for b in form1.baris if len(b.sel) == 14}
    assert teks["Persentase PMKS yang tertangani atau mendapatkan layanan"] == "98,82%"
    assert teks["Persentase penurunan PMKS per tahun"] == "6.110,00%"
    assert teks["Rasio kekerasan terhadap perempuan dan anak"] == "71,91%"


@pytest.mark.django_db
def test_belitung_xlsx_has_merged_headers_numeric_cells_and_the_average_row(demo):
    laporan = build_evaluasi_triwulan(demo, 2024, 4, tanggal=TANGGAL)
    buku = load_workbook(BytesIO(render_xlsx(laporan)))

    ws = buku["Form 1 Capaian"]
    gabungan = {str(r) for r in ws.merged_cells.ranges}
    kepala = next(r for r in range(1, 20) if ws.cell(r, 1).value == "No")
    assert f"G{kepala}:H{kepala}" in gabungan and ws.cell(kepala, 7).value == "Triwulan I"
    assert f"A{kepala}:A{kepala + 1}" in gabungan
    assert ws.freeze_panes == f"A{kepala + 3}"
    pmks = next(
        r
        for r in ws.iter_rows(min_row=kepala + 3)
        if r[3].value == "Persentase PMKS yang tertangani atau mendapatkan layanan"
    )
    assert round(pmks[12].value, 2) == 97.62 and pmks[12].data_type == "n"  # 97,62 (seed 003, Tabel 3.5)
    assert pmks[13].data_type == "n" and pmks[13].number_format == '#,##0.00"%"'
    assert round(pmks[13].value, 2) == 98.82
    rata = next(r for r in ws.iter_rows(min_row=kepala + 3) if r[0].value == "Rata-rata capaian")
    assert rata[13].data_type == "n" and rata[13].value > 0
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == f"${kepala}:${kepala + 2}"
    assert "Form 2 Rencana Aksi" in buku.sheetnames


@perlu_pdf
@pytest.mark.django_db
def test_belitung_pdf_has_title_signature_and_indonesian_numbers(demo, tmp_path):
    teks, halaman = teks_pdf(render_pdf(build_evaluasi_triwulan(demo, 2024, 4, tanggal=TANGGAL)), tmp_path)

    assert 10 <= halaman <= 23  # 20: Form 2's 22 columns in the wide forms' small type, numbers never broken (issue 20)
    assert "EVALUASI KINERJA TRIWULAN" in teks
    assert "KASIMIN, S.IP., MAB" in teks and "19690824 199003 1 004" in teks
    assert "Tanjungpandan, 7 Januari 2025" in teks
    assert "98,82%" in teks and "6.110,00%" in teks
    assert f"Halaman 1 dari {halaman}" in teks


def jumlah_query(build, *args):
    with CaptureQueriesContext(connection) as q:
        build(*args)
    return len(q)


@pytest.mark.django_db
def test_the_builder_runs_in_the_same_number_of_queries_on_ten_times_the_demo(
    demo, sepuluh_kali_demo, django_assert_max_num_queries
):
    jumlah = jumlah_query(build_evaluasi_triwulan, demo, 2024, 4)
    with django_assert_max_num_queries(jumlah):
        build_evaluasi_triwulan(sepuluh_kali_demo, 2025, 4)
    assert jumlah <= 16

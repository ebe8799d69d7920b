"""Semester I (the LKE's half-year evidence, BKUR003.2, CLAP001.2) on the Belitung demo 2024: the
Evaluasi Renja and the quarterly evaluation up to semester I are those of TW II named so, and the
Laporan Kinerja Semester I measures and sums as the Evaluasi Renja up to TW II does."""

from datetime import date
from io import BytesIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import rules
from kinerja.models import Realisasi, RealisasiAnggaran
from laporan.builders import LAPORAN
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja, ringkasan_evaluasi_renja
from laporan.builders.evaluasi_triwulan import build_evaluasi_triwulan
from laporan.builders.semester import build_semester
from laporan.dokumen import Paragraf, Sampul, Tabel
from laporan.forms import bangun_pilihan
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import PerangkatDaerah, SubKegiatan
from renstra.selectors import renstra_berlaku

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db

TANGGAL = date(2024, 7, 10)
CAPAIAN = 5  # the column of the capaian s.d. semester I in the Laporan Kinerja's table


def isi_sel(tabel):
    """Every row as the (value, text) of its cells, for comparing two tables."""
    return [(b.kunci, [(s.nilai, s.teks, s.kolom, s.catatan) for s in b.sel]) for b in tabel.baris]


def tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


@pytest.fixture(scope="module")
def semester(demo):
    return build_semester(demo, 2024, tanggal=TANGGAL)


# ---------------------------------------------------------------------------------------------
# The evaluations up to semester I
# ---------------------------------------------------------------------------------------------


def test_evaluasi_renja_up_to_semester_one_has_the_figures_of_tw_two(demo):
    tw2 = build_evaluasi_renja(demo, 2024, triwulan=2, tanggal=TANGGAL)
    smt1 = build_evaluasi_renja(demo, 2024, semester=1, tanggal=TANGGAL)

    assert isi_sel(smt1.bagian[0]) == isi_sel(tw2.bagian[0])
    assert smt1.catatan == tw2.catatan


def test_evaluasi_renja_up_to_semester_one_says_semester_in_title_heading_and_file_name(demo):
    laporan = build_evaluasi_renja(demo, 2024, semester=1, tanggal=TANGGAL)

    assert laporan.judul[1] == "Tahun 2024 s.d. Semester I"
    kepala = [k.teks for baris in laporan.bagian[0].kepala for k in baris]
    assert "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi s.d. Semester I" in kepala
    assert not any("Triwulan II" in k for k in kepala)
    assert ("Semester", "I") in laporan.keterangan and not any(n == "Triwulan" for n, _ in laporan.keterangan)
    assert laporan.nama_berkas == "evaluasi-renja-dspppa-belitung-2024-smt1"


def test_evaluasi_triwulan_up_to_semester_one_has_the_figures_of_tw_two_named_semester(demo):
    tw2 = build_evaluasi_triwulan(demo, 2024, triwulan=2, tanggal=TANGGAL)
    smt1 = build_evaluasi_triwulan(demo, 2024, semester=1, tanggal=TANGGAL)

    assert [isi_sel(t) for t in smt1.bagian] == [isi_sel(t) for t in tw2.bagian]
    assert smt1.bagian[1].judul.endswith("triwulan II (s.d. semester I)")
    assert ("Semester", "I") in smt1.keterangan
    assert smt1.nama_berkas == "evaluasi-triwulan-dspppa-belitung-2024-smt1"


def test_the_report_choices_take_semester_one_only_where_the_report_has_it(demo):
    opd = PerangkatDaerah.objects.filter(pk=demo.pk)
    data = {"tahun": "2024", "semester": "1"}

    _, renja = bangun_pilihan(LAPORAN["evaluasi-renja"], demo, data, opd)
    _, pk = bangun_pilihan(LAPORAN["perjanjian-kinerja"], demo, data, opd)
    form, tidak_sah = bangun_pilihan(LAPORAN["evaluasi-renja"], demo, {**data, "triwulan": "3"}, opd)

    assert renja.judul[1] == "Tahun 2024 s.d. Semester I"
    assert pk.nama_berkas == LAPORAN["perjanjian-kinerja"].build(demo, 2024).nama_berkas
    assert tidak_sah is None and form.errors["semester"] == ["Pilih triwulan atau semester, tidak keduanya."]


def test_the_report_page_offers_the_semester_on_the_evaluations(client, demo):
    from kinerja.tests.factories import operator

    client.force_login(operator(demo))
    url = reverse("laporan:laporan_html", args=[demo.kode, 2024, "evaluasi-renja"])
    html = client.get(f"{url}?semester=1").content.decode()

    assert 'name="semester"' in html and "s.d. Semester I" in html


# ---------------------------------------------------------------------------------------------
# Laporan Kinerja Semester I
# ---------------------------------------------------------------------------------------------


def indikator_tabel(laporan):
    return [
        b
        for kunci in ("capaian-strategis", "capaian-program")
        for b in tabel(laporan, kunci).baris
        if b.kunci.startswith("indikator-")
    ]


def test_the_semester_report_has_its_cover_and_every_indicator_once(demo, semester):
    sampul = semester.bagian[0]
    assert isinstance(sampul, Sampul)
    assert sampul.baris[:2] == ["LAPORAN KINERJA SEMESTER I", "TAHUN 2024"]
    renstra = renstra_berlaku(demo, 2024)
    kunci = [b.kunci for b in indikator_tabel(semester)]
    assert sorted(kunci) == sorted(f"indikator-{i.pk}" for i in renstra.indikator.filter(induk__isnull=True))


def test_the_semester_reports_capaian_equals_the_evaluasi_renja_up_to_tw_two(demo, semester):
    renja = build_evaluasi_renja(demo, 2024, triwulan=2, tanggal=TANGGAL).bagian[0]
    di_renja = {b.kunci: dict(renja.posisi(b)) for b in renja.baris if b.kunci.startswith("indikator-")}

    terhitung = 0
    for b in indikator_tabel(semester):
        r = di_renja.get(b.kunci)
        if r is None:  # an indicator of a tujuan alone: not in the Evaluasi Renja
            assert b.sel[CAPAIAN].nilai is None
            continue
        assert b.sel[CAPAIAN].nilai == r[KOLOM["capaian_renja_k"]].nilai, b.sel[1].nilai
        assert b.sel[CAPAIAN - 1].nilai == r[KOLOM["realisasi_renja_k"]].nilai, b.sel[1].nilai
        terhitung += b.sel[CAPAIAN].nilai is not None
    assert terhitung >= 5  # the demo's kegiatan and sub kegiatan reported in TW I–II


def test_the_semester_reports_budget_is_the_evaluasi_renjas_up_to_tw_two(demo):
    renstra = renstra_berlaku(demo, 2024)
    sub = SubKegiatan.objects.filter(kegiatan__program__renstra=renstra, pagu__tahun=2024).distinct()[:2]
    RealisasiAnggaran.objects.create(sub_kegiatan=sub[0], tahun=2024, triwulan=1, nilai=12_500_000)
    RealisasiAnggaran.objects.create(sub_kegiatan=sub[1], tahun=2024, triwulan=2, nilai=7_250_000)
    RealisasiAnggaran.objects.create(sub_kegiatan=sub[1], tahun=2024, triwulan=3, nilai=99_000_000)

    laporan = build_semester(demo, 2024, tanggal=TANGGAL)
    ringkasan = ringkasan_evaluasi_renja(demo, 2024, 2)

    jumlah = tabel(laporan, "anggaran-semester").baris[-1]
    assert [s.nilai for s in jumlah.sel[1:]] == [ringkasan.pagu, ringkasan.realisasi, ringkasan.serapan]
    assert ringkasan.realisasi == 19_750_000  # TW III is not in semester I
    assert ringkasan.serapan == rules.serapan(19_750_000, ringkasan.pagu) > 0
    program = {b.kunci: b for b in tabel(laporan, "anggaran-semester").baris if b.kunci}
    assert sum(b.sel[4].nilai or 0 for b in program.values()) == 19_750_000
    kalimat = f"terealisasi s.d. triwulan II sebesar {rules.format_rupiah(19_750_000)}"
    assert kalimat in " ".join(b.teks for b in laporan.bagian if isinstance(b, Paragraf))


def test_the_semester_report_lists_the_problems_and_follow_up_of_tw_one_and_two(demo):
    realisasi = Realisasi.objects.filter(indikator__renstra=renstra_berlaku(demo, 2024), tahun=2024)
    tw1 = realisasi.filter(triwulan__lte=2).first()
    tw1.permasalahan, tw1.tindak_lanjut = "Data PMKS terlambat masuk", "Koordinasi dengan desa"
    tw1.save()
    realisasi.filter(triwulan=4).update(permasalahan="Masalah triwulan IV")

    baris = tabel(build_semester(demo, 2024, tanggal=TANGGAL), "permasalahan-semester").baris

    assert [b.kunci for b in baris] == [f"realisasi-{tw1.pk}"]
    assert [s.nilai for s in baris[0].sel[2:]] == [
        "I" if tw1.triwulan == 1 else "II",
        *["Data PMKS terlambat masuk", "Koordinasi dengan desa"],
    ]


def test_the_semester_report_says_when_no_problem_was_written(semester):
    teks = [b.teks for b in semester.bagian if isinstance(b, Paragraf)]
    assert "Tidak ada permasalahan atau tindak lanjut yang ditulis pada isian TW I–II tahun 2024." in teks


@perlu_pdf
def test_the_semester_report_prints_as_pdf(semester, tmp_path):
    teks, halaman = teks_pdf(render_pdf(semester), tmp_path)

    assert "LAPORAN KINERJA SEMESTER I" in teks and "Realisasi Anggaran s.d. Semester I" in teks
    assert halaman >= 4


def test_the_semester_report_writes_its_tables_to_xlsx(semester):
    buku = load_workbook(BytesIO(render_xlsx(semester)))

    assert buku.sheetnames == ["Tabel 2.1", "Tabel 2.2", "Tabel 3.1"]
    nilai = [c for ws in buku for row in ws.iter_rows(values_only=True) for c in row]
    assert "Rata-rata capaian kinerja" in nilai and "Jumlah" in nilai


def test_the_management_command_writes_the_semester_report_and_the_semester_evaluation(demo, tmp_path):
    call_command(
        "laporan", "laporan-kinerja-semester", "--opd", demo.kode, "--tahun", "2024", "--format", "xlsx",
        "--output", str(tmp_path / "semester.xlsx"),
    )  # fmt: skip
    call_command(
        "laporan", "evaluasi-renja", "--opd", demo.kode, "--tahun", "2024", "--semester", "1", "--format", "html",
        "--output", str(tmp_path / "renja.html"),
    )  # fmt: skip

    assert load_workbook(tmp_path / "semester.xlsx").sheetnames
    assert "s.d. Semester I" in (tmp_path / "renja.html").read_text()


def test_the_semester_report_costs_a_fixed_number_of_queries(sepuluh_kali_demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        laporan = build_semester(sepuluh_kali_demo, 2025, tanggal=TANGGAL)

    assert len(indikator_tabel(laporan)) > 100

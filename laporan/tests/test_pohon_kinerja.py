"""The Pohon Kinerja: the demo trees hold the boxes, indicators and targets the seed documents
print (seed 002 for Batu Bara, seed 003 for Belitung; values copied here, the seeds are not read
at test time), in a fixed number of queries, and render to HTML, PDF and XLSX."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from kinerja.sintetis import buat_opd_sintetis
from laporan.builders.pohon_kinerja import build_pohon_kinerja
from laporan.dokumen import Paragraf, Pohon
from laporan.renderers.html import render_dokumen
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import Bidang, IndikatorDaerah, PerangkatDaerah, TujuanDaerah
from renstra.tests.factories import (
    KegiatanFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
)

from .conftest import perlu_pdf, teks_pdf

BELITUNG = "DSPPPA-BELITUNG"
BATUBARA = "DSPPPA-BATUBARA"
TANGGAL = date(2025, 1, 15)
# renstra_berlaku + the seven queries of pohon_renstra + the three of tingkat_daerah, whatever
# the size of the plan.
JUMLAH_QUERY = 11


pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]


def _laporan(kode_opd, tahun, **kwargs):
    return build_pohon_kinerja(PerangkatDaerah.objects.get(kode=kode_opd), tahun, tanggal=TANGGAL, **kwargs)


def _pohon(laporan):
    (pohon,) = [b for b in laporan.bagian if isinstance(b, Pohon)]
    return pohon


def _semua(simpul):
    yield simpul
    for anak in simpul.anak:
        yield from _semua(anak)


def _kotak(laporan):
    """Every box of the tree by its label ("Sasaran 1.1", "Program 1.06.02")."""
    return {s.label: s for akar in _pohon(laporan).akar for s in _semua(akar)}


def _jumlah(laporan, tingkat):
    return sum(1 for s in _kotak(laporan).values() if s.tingkat == tingkat)


# Batu Bara, Renstra 2025–2029 (seed 002)


def test_batubara_tree_has_the_levels_seed_002_prints():
    laporan = _laporan(BATUBARA, 2025)
    # Bab III 3.1 and 3.2: one tujuan, three sasaran; Tabel 4.1: ten programs, 28 kegiatan,
    # 98 sub kegiatan.
    assert [_jumlah(laporan, t) for t in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")] == [
        1,
        3,
        10,
        28,
        98,
    ]
    assert laporan.kode == "pohon-kinerja"
    assert laporan.orientasi == "landscape"
    assert laporan.judul == [
        "POHON KINERJA",
        "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK KABUPATEN BATU BARA",
    ]


def test_batubara_boxes_read_as_seed_002_prints_them():
    kotak = _kotak(_laporan(BATUBARA, 2025))
    # Tabel 3.2.1 (tujuan and sasaran).
    assert kotak["Tujuan 1"].uraian == (
        "Menurunnya Kemiskinan Dan Ketimpangan Gender Serta Meningkatkan Akuntabilitas Kinerja Pemerintah Daerah"
    )
    assert kotak["Sasaran 1.1"].uraian == "Meningkatnya Kesejahteraan Sosial Yang Inklusif"
    assert kotak["Sasaran 1.2"].uraian == "Meningkatnya Kesetaraan Gender Dan Perlindungan Anak"
    assert kotak["Sasaran 1.3"].uraian == "Meningkatnya Nilai Akuntabilitas Kinerja Perangkat Daerah"
    # Tabel 3.2.1, sasaran indicators with their 2025 targets: 10.68, 1,08, 84,26, 0.37,
    # 42:100000, BB (73,00).
    assert kotak["Sasaran 1.1"].indikator == [
        "Tingkat Kemiskinan (target 10,68%)",
        "Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) Yang Mandiri (target 1,08%)",
    ]
    assert kotak["Sasaran 1.2"].indikator == [
        "Indeks Pembangunan Gender (target 84,26)",
        "Indeks Ketimpangan Gender (target 0,37)",
        "Rasio Kekerasan Terhadap Anak (target 42:100000)",
    ]
    assert kotak["Sasaran 1.3"].indikator == ["Nilai AKIP (target BB (73,00))"]
    # Tabel 3.2.1, Indikator Kinerja Tujuan: the sasaran indicators that serve the tujuan too,
    # in the INDIKATOR OPD box under the tujuan (seed 001), which the sasaran hang from.
    assert kotak["Tujuan 1"].indikator == []
    assert [s.label for s in kotak["Tujuan 1"].anak] == ["Indikator OPD 1"]
    assert [s.label for s in kotak["Indikator OPD 1"].anak] == ["Sasaran 1.1", "Sasaran 1.2", "Sasaran 1.3"]
    assert sorted(kotak["Indikator OPD 1"].indikator) == [
        "Indeks Ketimpangan Gender (target 0,37)",
        "Nilai AKIP (target BB (73,00))",
        "Tingkat Kemiskinan (target 10,68%)",
    ]
    # Tabel 4.1, programs: indicator, unit and the 2025 target.
    assert kotak["Program 1.06.01"].uraian == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    assert kotak["Program 1.06.01"].indikator == ["NILAI AKIP (target 73)"]  # Skor 73
    assert kotak["Program 1.06.02"].indikator == [
        "Jumlah Potensi Sumber Kesejahteraan Soisal (PSKS) yang mengikuti program pemberdayaan (target 1.030 orang)"
    ]
    assert kotak["Program 1.06.04"].indikator == [
        "Persentase PMKS yang memperoleh bantuan untuk pemenuhan kebutuhan dasar (target 50%)"  # persen 50
    ]
    assert kotak["Program 2.08.03"].indikator == ["Rasio Kekerasan Terhadap Perempuan (target 1%)"]  # % 1
    assert kotak["Program 2.08.06"].indikator == [
        "Persentase Pemenuhan Indikator Kabupaten Layak Anak (target 80%)"  # % 80
    ]
    # 1.06.05 prints "-" for 2025.
    assert kotak["Program 1.06.05"].indikator == [
        "Jumlah anak terlantar dan fakir miskin yang dijangkau (belum ada target 2025)"
    ]
    # Tabel 4.1, kegiatan.
    assert kotak["Kegiatan 1.06.01.2.01"].uraian == "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    assert kotak["Kegiatan 1.06.01.2.01"].indikator == [
        "Jumlah Dokumen Perencanaan, penganggaran dan Evaluasi Kinerja Perangkat Daerah (target 9 Dokumen)"
    ]
    assert kotak["Kegiatan 1.06.01.2.02"].indikator == [
        "Persentase Pemenuhan Layanan Administrasi Keuangan (target 100%)"
    ]
    assert kotak["Kegiatan 1.06.04.2.01"].indikator == ["Persentase PMKS yang memperoleh bantuan sosial (target 50%)"]
    # Tabel 4.1, sub kegiatan.
    assert kotak["Sub Kegiatan 1.06.01.2.01.0001"].uraian == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    assert kotak["Sub Kegiatan 1.06.01.2.01.0001"].indikator == [
        "Jumlah Dokumen Perencanaan Perangkat Daerah (target 2 Dokumen)"
    ]
    assert kotak["Sub Kegiatan 1.06.01.2.02.0001"].uraian == "Penyediaan Gaji dan Tunjangan ASN"
    assert kotak["Sub Kegiatan 1.06.01.2.02.0001"].indikator == [
        "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN (target 30 Orang)"
    ]
    assert kotak["Sub Kegiatan 1.06.04.2.01.0005"].indikator == [
        "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial Kewenangan Kabupaten/Kota (target 127 Orang)"
    ]
    assert kotak["Sub Kegiatan 1.06.02.2.03.0016"].uraian == "Pengelolaan Layanan Terpadu Kesejahteraan Sosial"
    assert kotak["Sub Kegiatan 1.06.02.2.03.0016"].indikator == [
        "Jumlah aduan/keluhan yang dilayani dan/atau ditindaklanjuti (target 1.000 Laporan)"
    ]
    assert kotak["Sub Kegiatan 1.06.04.2.01.0001"].uraian == "Penyediaan Permakanan"
    assert kotak["Sub Kegiatan 1.06.04.2.01.0001"].indikator == [
        "Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan Standar Gizi Minimal "
        "Kewenangan Kabupaten/Kota (target 0 Orang)"
    ]


def test_batubara_programs_hang_under_the_sasaran_they_serve():
    kotak = _kotak(_laporan(BATUBARA, 2025))
    # Tabel 3.2.2 (cascading): social programs under sasaran 1.1, PPPA programs under 1.2, the
    # secretariat's program under 1.3.
    assert [s.kode for s in kotak["Sasaran 1.1"].anak] == ["1.06.02", "1.06.04", "1.06.05", "1.06.06"]
    assert [s.kode for s in kotak["Sasaran 1.2"].anak] == ["2.08.02", "2.08.03", "2.08.04", "2.08.06", "2.08.07"]
    assert [s.kode for s in kotak["Sasaran 1.3"].anak] == ["1.06.01"]
    assert "Program lain" not in kotak


def test_cascade_names_who_answers_for_each_level():
    kotak = _kotak(_laporan(BATUBARA, 2025))
    kepala = "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Batu Bara"
    assert (kotak["Tujuan 1"].eselon, kotak["Tujuan 1"].penanggung_jawab) == ("Eselon II", kepala)
    assert (kotak["Sasaran 1.2"].eselon, kotak["Sasaran 1.2"].penanggung_jawab) == ("Eselon II", kepala)
    assert (kotak["Program 1.06.01"].eselon, kotak["Program 1.06.01"].penanggung_jawab) == ("Eselon III", "Sekretariat")
    assert (kotak["Kegiatan 2.08.07.2.01"].eselon, kotak["Kegiatan 2.08.07.2.01"].penanggung_jawab) == (
        "Eselon III",
        "Bidang Perlindungan Anak",  # the kegiatan inherits its program's bidang
    )
    sub = kotak["Sub Kegiatan 1.06.04.2.01.0001"]
    assert (sub.eselon, sub.penanggung_jawab) == ("Eselon IV", "Bidang Rehabilitasi, Perlindungan dan Jaminan Sosial")


def test_visi_and_misi_head_the_tree():
    laporan = _laporan(BATUBARA, 2025)
    paragraf = laporan.bagian[0]
    assert isinstance(paragraf, Paragraf)
    # Seed 002, Tabel 3.3.1.
    assert paragraf.teks == (
        "Visi: Mewujudkan Kabupaten Batu Bara Yang Berorientasi Pelayanan, Amanah, Harmonis, Akuntabel, "
        "Giat, Inovatif, Dan Adil Untuk Batu Bara Yang Bahagia\n"
        "Misi 7: Mewujudkan Pembangunan yang Adil dan Merata di Seluruh Wilayah Kabupaten Batu Bara untuk "
        "Mencapai Kesejahteraan Masyarakat"
    )


# Belitung, Renstra 2024–2026 Perubahan Kedua (seed 003)


def test_belitung_iku_carry_the_2024_targets_seed_003_prints():
    laporan = _laporan(BELITUNG, 2024)
    kotak = _kotak(laporan)
    # Perubahan Perjanjian Kinerja 2024 (seed 003, Lampiran): 0,50; 98,79%; 53,43; Pratama; 3,20.
    # Tabel 2.3 prints the first one as "0,5"; the indicator's unit is %.
    assert kotak["Tujuan 1"].uraian == "Meningkatnya kesejahteraan PMKS"
    assert kotak["Indikator OPD 1"].indikator == ["Persentase penurunan PMKS per tahun (target 0,50%)"]
    assert kotak["Sasaran 1.1"].uraian == "Meningkatnya penanganan PMKS"
    assert kotak["Sasaran 1.1"].indikator == [
        "Persentase PMKS yang tertangani atau mendapatkan layanan (target 98,79%)"
    ]
    assert kotak["Indikator OPD 2"].indikator == ["Indeks Pemberdayaan Gender (IDG) (target 53,43)"]
    assert kotak["Sasaran 2.1"].indikator == ["Level Anugerah Parahita Ekapraya (APE) (target Pratama)"]
    rasio = "Rasio kekerasan terhadap perempuan dan anak (target 3,20 per 10.000 penduduk perempuan dan anak)"
    # Tabel 2.3 measures tujuan 3 and sasaran 3.1 with the same indicator.
    assert kotak["Indikator OPD 3"].indikator == [rasio]
    assert kotak["Sasaran 3.1"].indikator == [rasio]


def test_belitung_tree_counts_what_seed_003_lists():
    laporan = _laporan(BELITUNG, 2024)
    # Tabel 2.2: three tujuan with one sasaran each, 13 programs and "55 Sub Kegiatan".
    assert [_jumlah(laporan, t) for t in ("tujuan", "sasaran", "program", "sub_kegiatan")] == [3, 3, 13, 55]
    kotak = _kotak(laporan)
    # Tabel 2.2: Program Pemberdayaan Sosial and its indicator under sasaran 1.1.
    assert kotak["Program 1.06.02"].indikator == [
        "Persentase PMKS yang menerima program pemberdayaan sosial (target 100%)"
    ]
    assert "Program 1.06.02" in [s.label for s in kotak["Sasaran 1.1"].anak]
    assert ("Renstra", "2024–2026 (Perubahan Kedua)") in laporan.keterangan
    assert "Memuat 3 tujuan, 3 sasaran, 13 program, 26 kegiatan, 55 sub kegiatan" in laporan.catatan[2]


def test_bidang_keeps_only_its_branch_and_signs_for_it():
    opd = PerangkatDaerah.objects.get(kode=BELITUNG)
    bidang = Bidang.objects.get(opd=opd, nama="Bidang Perlindungan Perempuan dan Anak")
    laporan = build_pohon_kinerja(opd, 2024, bidang=bidang, tanggal=TANGGAL)
    pohon = _pohon(laporan)
    assert [s.label for s in pohon.akar] == ["Tujuan 3"]
    kotak = _kotak(laporan)
    assert [s.kode for s in kotak["Sasaran 3.1"].anak] == ["2.08.03", "2.08.06", "2.08.07"]
    lain = {s.penanggung_jawab for s in kotak.values() if s.tingkat not in ("tujuan", "indikator_opd", "sasaran")}
    assert lain == {bidang.nama}
    assert ("Bidang", bidang.nama) in laporan.keterangan
    assert laporan.nama_berkas.startswith("pohon-kinerja-dspppa-belitung-2024-")


def test_programs_without_sasaran_go_under_program_lain():
    renstra = RenstraFactory(opd__kode="DINSOS-UJI", opd__nama="Dinas Sosial Kabupaten Uji")
    program = ProgramFactory(renstra=renstra, kode="1.06.04", uraian="Program Rehabilitasi Sosial")
    TargetFactory(indikator__program=program, indikator__sub_kegiatan=None, indikator__uraian="Persentase PPKS",
                  indikator__satuan="%", tahun=2024, nilai=Decimal("98.5"))  # fmt: skip
    laporan = build_pohon_kinerja(renstra.opd, 2024, tanggal=TANGGAL)
    (lain,) = _pohon(laporan).akar
    assert (lain.label, lain.tingkat) == ("Program lain", "lain")
    assert [(s.label, s.indikator) for s in lain.anak] == [("Program 1.06.04", ["Persentase PPKS (target 98,50%)"])]


def test_an_agency_without_a_renstra_in_force_gets_a_sentence():
    laporan = _laporan(BELITUNG, 2030)
    assert [b.teks for b in laporan.bagian] == ["Belum ada Renstra yang berlaku pada tahun 2030."]


def test_queries_are_the_same_for_the_demo_and_ten_times_the_demo(django_assert_num_queries):
    batubara = PerangkatDaerah.objects.get(kode=BATUBARA)
    besar = buat_opd_sintetis("SINTETIS", "Dinas Sosial Sintetis", seed=1, program=10, kegiatan=6, sub_kegiatan=10)
    with django_assert_num_queries(JUMLAH_QUERY):
        kecil = build_pohon_kinerja(batubara, 2025, tanggal=TANGGAL)
    with django_assert_num_queries(JUMLAH_QUERY):
        laporan = build_pohon_kinerja(besar, 2025, tanggal=TANGGAL)
    assert _jumlah(kecil, "sub_kegiatan") == 98
    assert _jumlah(laporan, "sub_kegiatan") == 600  # 10 programs × 6 kegiatan × 10


# Renderers


def test_html_has_one_details_per_box():
    laporan = _laporan(BELITUNG, 2024)
    html = render_dokumen(laporan)
    _, badan = html.split("<body", 1)
    boxes = [s for akar in _pohon(laporan).akar for s in _semua(akar)]
    assert badan.count("<details") == len(boxes) == 3 + 3 + 3 + 13 + 26 + 55  # tujuan, indikator OPD, ...
    assert "Sasaran 1.1" in html
    assert "Persentase PMKS yang tertangani atau mendapatkan layanan (target 98,79%)" in html
    assert ".pohon-kotak" in html  # the tree's stylesheet is inlined


def test_xlsx_writes_the_tree_as_an_indented_table_with_numeric_targets():
    wb = load_workbook(BytesIO(render_xlsx(_laporan(BELITUNG, 2024))))
    ws = wb["Pohon Kinerja"]
    kepala = next(r for r in ws.iter_rows() if r[0].value == "Tingkat")
    assert [c.value for c in kepala[:7]] == [
        "Tingkat",
        "Kode",
        "Uraian",
        "Indikator",
        "Satuan",
        "Target 2024",
        "Penanggung jawab",
    ]
    sasaran = next(r for r in ws.iter_rows() if (r[0].value, r[1].value) == ("Sasaran", "1.1"))
    assert [c.value for c in sasaran[:5]] == [
        "Sasaran",
        "1.1",
        "Meningkatnya penanganan PMKS",
        "Persentase PMKS yang tertangani atau mendapatkan layanan",
        "%",
    ]
    assert sasaran[2].alignment.indent == 1
    assert sasaran[5].data_type == "n"
    assert sasaran[5].value == pytest.approx(98.79)
    assert sasaran[5].number_format == "#,##0.00"
    indent = {}
    for r in ws.iter_rows():
        if r[0].value in ("Program", "Kegiatan", "Sub Kegiatan"):
            indent.setdefault(r[0].value, r[2].alignment.indent)
    assert indent == {"Program": 2, "Kegiatan": 3, "Sub Kegiatan": 4}
    # A level stays text: the APE target of sasaran 2.1.
    ape = next(r for r in ws.iter_rows() if r[1].value == "2.1")
    assert (ape[5].value, ape[5].data_type) == ("Pratama", "s")


def _teks_pdf(pdf, tmp_path):
    teks, halaman = teks_pdf(pdf, tmp_path, tata_letak=False)
    return " ".join(teks.split()), halaman


@perlu_pdf
def test_pdf_of_belitung_shows_title_head_and_indicators(tmp_path):
    teks, halaman = _teks_pdf(render_pdf(_laporan(BELITUNG, 2024)), tmp_path)
    assert "POHON KINERJA" in teks
    assert "KASIMIN, S.IP., MAB" in teks
    assert "Persentase penurunan PMKS per tahun (target 0,50%)" in teks
    assert "Level Anugerah Parahita Ekapraya (APE) (target Pratama)" in teks
    assert "Sub Kegiatan 1.06.01.2.01.0001" in teks
    assert 5 <= halaman <= 20


@perlu_pdf
def test_pdf_of_batubara_fits_in_a_bounded_number_of_pages(tmp_path):
    teks, halaman = _teks_pdf(render_pdf(_laporan(BATUBARA, 2025)), tmp_path)
    assert "Muliadi, SE" in teks
    assert "Nilai AKIP (target BB (73,00))" in teks
    assert 6 <= halaman <= 26


# The regional level (TUJUAN RPD, INDIKATOR RPD) and the printed pages (seed 001)

# Seed 001, Banjarnegara: TUJUAN RPD 1 and INDIKATOR RPD 1, TUJUAN OPD 1 and INDIKATOR OPD 1.
TUJUAN_RPD_1 = "Meningkatnya cakupan pemenuhan kebutuhan dan layanan dasar yang berkualitas"
INDIKATOR_RPD_1 = "Persentase penurunan Pemerlu Pelayanan Kesejahteraan Sosial/ Penyandang Masalah Kesejahteraan Sosial"
TUJUAN_OPD_1 = (
    "Menurunnya Penyandang Masalah Kesejahteraan Sosial (PMKS)/ Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
)
INDIKATOR_OPD_1 = (
    "Persentase penanganan Penyandang Masalah Kesejahteraan Sosial (PMKS)/ Pemerlu Pelayanan Kesejahteraan "
    "Sosial (PPKS)"
)


def _banjarnegara(program=1, kegiatan=1, sub_kegiatan=1):
    """An agency of seed 001's region with its tujuan 1 serving TUJUAN RPD 1, and a branch of
    `program` × `kegiatan` × `sub_kegiatan` boxes under its sasaran."""
    renstra = RenstraFactory(
        opd__kode="DINSOS-BANJARNEGARA",
        opd__nama="Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Banjarnegara",
        opd__wilayah="Kabupaten Banjarnegara",
    )
    daerah = TujuanDaerah.objects.create(
        wilayah="Kabupaten Banjarnegara", dokumen="RPD", tahun_awal=2024, tahun_akhir=2026, kode="1",
        uraian=TUJUAN_RPD_1,
    )  # fmt: skip
    IndikatorDaerah.objects.create(tujuan=daerah, urutan=1, uraian=INDIKATOR_RPD_1, satuan="%")
    tujuan = TujuanFactory(renstra=renstra, kode="1", uraian=TUJUAN_OPD_1)
    tujuan.tujuan_daerah.add(daerah)
    TargetFactory(indikator__tujuan=tujuan, indikator__sub_kegiatan=None, indikator__renstra=renstra,
                  indikator__uraian=INDIKATOR_OPD_1, indikator__satuan="%", tahun=2024,
                  nilai=Decimal("85"))  # fmt: skip
    sasaran = SasaranFactory(tujuan=tujuan, kode="1.1")
    for p in range(program):
        prog = ProgramFactory(renstra=renstra, sasaran=sasaran, kode=f"1.06.{p + 2:02d}")
        for k in range(kegiatan):
            keg = KegiatanFactory(program=prog, kode=f"{prog.kode}.2.{k + 1:02d}")
            for s in range(sub_kegiatan):
                sub = SubKegiatanFactory(kegiatan=keg, kode=f"{keg.kode}.{s + 1:04d}")
                TargetFactory(indikator__sub_kegiatan=sub, indikator__renstra=renstra, tahun=2024, nilai=Decimal("12"))
    return renstra.opd


def test_regional_goal_and_indicator_head_the_tujuan_that_serves_them():
    opd = _banjarnegara()
    laporan = build_pohon_kinerja(opd, 2024, tanggal=TANGGAL)
    (akar,) = _pohon(laporan).akar
    assert (akar.tingkat, akar.label, akar.uraian) == ("tujuan_daerah", "Tujuan RPD 1", TUJUAN_RPD_1)
    assert akar.penanggung_jawab == "RPD Kabupaten Banjarnegara 2024–2026"
    (indikator_rpd,) = akar.anak
    assert (indikator_rpd.label, indikator_rpd.indikator) == ("Indikator RPD 1", [f"{INDIKATOR_RPD_1} (%)"])
    (tujuan,) = indikator_rpd.anak
    assert (tujuan.label, tujuan.uraian, tujuan.indikator) == ("Tujuan 1", TUJUAN_OPD_1, [])
    (indikator_opd,) = tujuan.anak
    assert indikator_opd.label == "Indikator OPD 1"
    assert indikator_opd.indikator == [f"{INDIKATOR_OPD_1} (target 85%)"]
    assert [s.label for s in indikator_opd.anak] == ["Sasaran 1.1"]
    assert not any("Tingkat daerah belum diisi" in c for c in laporan.catatan)
    html = render_dokumen(laporan)
    assert "Tujuan RPD 1" in html and "Indikator RPD 1" in html and "Indikator OPD 1" in html
    # The table (XLSX) prints the regional goal with its indicator as a row above the tujuan.
    baris = [[s.nilai for s in b.sel[:4]] for b in _pohon(laporan).tabel.baris[:2]]
    assert baris == [["Tujuan RPD", "1", TUJUAN_RPD_1, INDIKATOR_RPD_1], ["Tujuan", "1", TUJUAN_OPD_1, INDIKATOR_OPD_1]]


def test_without_regional_goals_the_report_says_where_to_enter_them():
    laporan = _laporan(BELITUNG, 2024)
    # Seed 003 names only the RPD's Misi ke-1, no tujuan or indikator RPD: the level is empty.
    assert all(s.tingkat == "tujuan" for s in _pohon(laporan).akar)
    (paragraf,) = [b for b in laporan.bagian if isinstance(b, Paragraf) and b.judul == "Tingkat daerah (RPJMD/RPD)"]
    assert paragraf.teks.startswith("Tingkat daerah belum diisi: tujuan dan indikator RPJMD/RPD")
    assert "Admin › Renstra › Tujuan daerah (RPJMD/RPD)" in paragraf.teks
    assert paragraf.teks in laporan.catatan


def test_a_branch_too_long_for_one_page_continues_on_lanjutan_pages():
    opd = _banjarnegara(program=3, kegiatan=3, sub_kegiatan=4)
    pohon = _pohon(build_pohon_kinerja(opd, 2024, tanggal=TANGGAL))
    judul = [h.judul for h in pohon.halaman]
    assert judul[0] == ""  # the levels down to the agency's indicators
    assert judul[1] == "INDIKATOR OPD 1"
    assert len(judul) > 2 and set(judul[2:]) == {"LANJUTAN INDIKATOR OPD 1"}
    (atas,) = pohon.halaman[0].akar
    assert [s.label for s in _semua(atas)] == ["Tujuan RPD 1", "Indikator RPD 1", "Tujuan 1", "Indikator OPD 1"]
    # A continuation page repeats the boxes above its branch, without their indicators.
    (lanjutan,) = pohon.halaman[2].akar
    jalur = list(_semua(lanjutan))
    assert [s.label for s in jalur[:5]] == [
        "Tujuan RPD 1",
        "Indikator RPD 1",
        "Tujuan 1",
        "Indikator OPD 1",
        "Sasaran 1.1",
    ]
    assert jalur[1].indikator == [] and jalur[4].indikator == []
    assert jalur[3].indikator == [f"{INDIKATOR_OPD_1} (target 85%)"]
    # Every sub kegiatan is printed once, in full.
    dicetak = [s for h in pohon.halaman for a in h.akar for s in _semua(a) if s.tingkat == "sub_kegiatan"]
    assert len(dicetak) == len({s.kode for s in dicetak}) == 3 * 3 * 4
    assert all(s.indikator for s in dicetak)


@perlu_pdf
def test_pdf_prints_each_lanjutan_page_on_a_page_of_its_own(tmp_path):
    opd = _banjarnegara(program=3, kegiatan=3, sub_kegiatan=4)
    laporan = build_pohon_kinerja(opd, 2024, tanggal=TANGGAL)
    teks, halaman = _teks_pdf(render_pdf(laporan), tmp_path)
    lanjutan = [h for h in _pohon(laporan).halaman if h.judul.startswith("LANJUTAN")]
    assert teks.count("LANJUTAN INDIKATOR OPD 1") == len(lanjutan)
    # No page overflows: one PDF page per printed page of the tree, the signature on the last.
    assert halaman == len(_pohon(laporan).halaman)
    assert "TUJUAN RPD" not in teks and "Tujuan RPD 1" in teks

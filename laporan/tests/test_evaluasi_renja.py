"""Evaluasi Hasil Renja (Permendagri 86/2017): the Belitung demo against the rules module and the
figures printed in seed 003 (LKjIP 2024 DSPPPA Belitung), the years of the Renstra on synthetic
data, its XLSX and PDF, and a fixed number of queries."""

from datetime import date
from decimal import Decimal
from io import BytesIO
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from kinerja import rules
from kinerja.models import Realisasi, RealisasiAnggaran
from kinerja.selectors import kinerja_tahunan
from kinerja.sintetis import buat_opd_sintetis
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja, target_akhir
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Bidang, Indikator, SubKegiatan

from .conftest import perlu_pdf, teks_pdf

TANGGAL = date(2025, 1, 7)
D = Decimal


def per_kolom(tabel, baris):
    """{column index: cell} of a row, its spans counted."""
    return dict(tabel.posisi(baris))


def baris_kode(tabel, kode):
    """The first row (a node's own row) whose Kode cell is `kode`, as {column: cell}."""
    for b in tabel.baris:
        sel = per_kolom(tabel, b)
        if KOLOM["kode"] in sel and sel[KOLOM["kode"]].nilai == kode:
            return sel
    raise LookupError(kode)


def baris_label(tabel, label):
    for b in tabel.baris:
        if b.sel[0].nilai == label:
            return per_kolom(tabel, b)
    raise LookupError(label)


def tertulis(sel, nama):
    return tulis_sel(sel[KOLOM[nama]])


@pytest.fixture
def belitung(demo):
    return build_evaluasi_renja(demo, 2024, tanggal=TANGGAL)


# ---------------------------------------------------------------------------------------------
# The Belitung demo: the capaian of the rules module, the figures of seed 003
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_indicator_shows_the_capaian_and_predikat_of_the_rules_module(demo, belitung):
    tabel = belitung.bagian[0]
    kinerja = kinerja_tahunan(demo, 2024)
    baris = {b.kunci: per_kolom(tabel, b) for b in tabel.baris if b.kunci.startswith("indikator-")}

    ditampilkan = Indikator.objects.filter(renstra=kinerja.renstra).exclude(tujuan__isnull=False, sasaran__isnull=True)
    assert ditampilkan.count() == len(baris) == 100  # every indicator but the two of tujuan alone
    tak_terhitung = 0
    for i in ditampilkan:
        sel = baris[f"indikator-{i.pk}"][KOLOM["capaian_renja_k"]]
        hasil = kinerja.untuk(i).hasil
        assert sel.nilai == hasil.nilai, i.uraian
        if hasil.nilai is None:
            assert sel.catatan == hasil.alasan and tulis_sel(sel) == "–"
            tak_terhitung += 1
        elif i.induk_id is None:
            predikat = rules.predikat(hasil.nilai, "permendagri_86_2017")
            assert baris[f"indikator-{i.pk}"][KOLOM["predikat"]].nilai == predikat, i.uraian
    assert tak_terhitung >= 1  # 2.08.02.2.01.0003: no realisation reported in 2024


# Seed 003 (LKjIP 2024 DSPPPA Belitung). Rp: Tabel 3.43, columns "TAHUN 2024" (anggaran perubahan,
# realisasi, %), and Tabel 3.44 (per sasaran); K: Tabel 3.3, Tabel 3.11 and Lampiran XI.
SEED_003 = [
    # Tabel 3.43 "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH": 7.089.055.091 / 6.829.527.996 / 96,33.
    # Slip: the table truncates; 6.829.527.996 / 7.089.055.091 = 96,339 is 96,34 rounded half-up.
    ("1.06.01", "target_renja_rp", "7.089.055.091"),
    ("1.06.01", "realisasi_renja_rp", "6.829.527.996"),
    ("1.06.01", "capaian_renja_rp", "96,34%"),
    # Tabel 3.43 "Kegiatan Administrasi Keuangan Perangkat Daerah": 4.949.864.271 / 4.838.949.188 / 97,76
    ("1.06.01.2.02", "target_renja_rp", "4.949.864.271"),
    ("1.06.01.2.02", "realisasi_renja_rp", "4.838.949.188"),
    ("1.06.01.2.02", "capaian_renja_rp", "97,76%"),
    # Tabel 3.43 "Penyediaan Gaji dan Tunjangan ASN": slip, realisasi printed 8.836.429.688; Tabel 3.42,
    # Lampiran XII and the printed 97,77% give 4.836.429.688.
    ("1.06.01.2.02.0001", "realisasi_renja_rp", "4.836.429.688"),
    ("1.06.01.2.02.0001", "capaian_renja_rp", "97,77%"),
    # Tabel 3.43 "Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah": slip, realisasi printed
    # 288.671.749; its sub kegiatan add up to 228.671.749, which is the printed 95,65% of 239.083.000.
    ("1.06.01.2.08", "target_renja_rp", "239.083.000"),
    ("1.06.01.2.08", "realisasi_renja_rp", "228.671.749"),
    ("1.06.01.2.08", "capaian_renja_rp", "95,65%"),
    # Tabel 3.43 "PROGRAM PEMBERDAYAAN SOSIAL": 348.934.400 / 321.623.110 / 92,17
    ("1.06.02", "target_renja_rp", "348.934.400"),
    ("1.06.02", "realisasi_renja_rp", "321.623.110"),
    ("1.06.02", "capaian_renja_rp", "92,17%"),
    # Tabel 3.43 "PROGRAM PENANGANAN WARGA NEGARA MIGRAN ...": 41.256.200 / 16.955.668 / 41,10
    ("1.06.03", "realisasi_renja_rp", "16.955.668"),
    ("1.06.03", "capaian_renja_rp", "41,10%"),
    # Tabel 3.43 "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL": 644.184.050 / 513.269.294 / 79,68
    ("1.06.05", "target_renja_rp", "644.184.050"),
    ("1.06.05", "capaian_renja_rp", "79,68%"),
    # Tabel 3.43 "PROGRAM PERLINDUNGAN PEREMPUAN": 394.720.850 / 195.433.106 / 49,51
    ("2.08.03", "realisasi_renja_rp", "195.433.106"),
    ("2.08.03", "capaian_renja_rp", "49,51%"),
    # Tabel 3.43 "PROGRAM PERLINDUNGAN KHUSUS ANAK": 223.527.000 / 207.991.700 / 93,05
    ("2.08.07", "target_renja_rp", "223.527.000"),
    ("2.08.07", "capaian_renja_rp", "93,05%"),
    # Tabel 3.44, rows 1, 2 and 3 (2024): pagu, realisasi and % of each sasaran's programs
    ("1.1", "target_renja_rp", "8.928.557.353"),
    ("1.1", "realisasi_renja_rp", "8.401.853.016"),
    ("1.1", "capaian_renja_rp", "94,10%"),
    ("2.1", "target_renja_rp", "497.303.100"),
    ("2.1", "capaian_renja_rp", "98,11%"),
    ("3.1", "target_renja_rp", "888.991.600"),
    ("3.1", "realisasi_renja_rp", "631.495.325"),
    ("3.1", "capaian_renja_rp", "71,04%"),
    # Tabel 3.3, 2024: Persentase PMKS yang tertangani 98,79% / 97,62% / 98,82
    ("1.1", "target_renja_k", "98,79"),
    ("1.1", "realisasi_renja_k", "97,62"),
    ("1.1", "capaian_renja_k", "98,82%"),
    # Tabel 3.3, 2024: Level APE Pratama / Pratama / 100
    ("2.1", "target_renja_k", "Pratama"),
    ("2.1", "capaian_renja_k", "100,00%"),
    # Tabel 3.3, 2024: Rasio kekerasan 3,2 / 4,45 / 71,91 (negative indicator); 71,91 is "Sedang"
    # on the Permendagri 86/2017 scale (65 < x <= 75)
    ("3.1", "target_renja_k", "3,20"),
    ("3.1", "realisasi_renja_k", "4,45"),
    ("3.1", "capaian_renja_k", "71,91%"),
    ("3.1", "predikat", "Sedang"),
    # Tabel 3.11, program 10 (Sistem Data Gender dan Anak): 65% / 78,82% / 121,26%
    ("2.08.05", "target_renja_k", "65"),
    ("2.08.05", "realisasi_renja_k", "78,82"),
    ("2.08.05", "capaian_renja_k", "121,26%"),
    # Tabel 3.11, program 1 (Pemberdayaan Sosial): slip, realisation and capaian printed 83,13%; Tabel 3.19
    # and Lampiran I, XI give 7336 / 8324 = 88,13.
    ("1.06.02", "realisasi_renja_k", "88,13"),
    ("1.06.02", "capaian_renja_k", "88,13%"),
    # Tabel 3.11, program 12 (PHA): Status KLA Madya / Madya / 100%
    ("2.08.06", "realisasi_renja_k", "Madya"),
    ("2.08.06", "capaian_renja_k", "100,00%"),
    # Lampiran XI, 1.1.: Jumlah PSKS yang aktif, 165 PSKS / 134 PSKS / 81,21 ("Tinggi" on 86/2017)
    ("1.06.02.2.03", "target_renja_k", "165"),
    ("1.06.02.2.03", "realisasi_renja_k", "134"),
    ("1.06.02.2.03", "capaian_renja_k", "81,21%"),
    ("1.06.02.2.03", "predikat", "Tinggi"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kode", "kolom", "dicetak"), SEED_003, ids=[f"{k}-{c}" for k, c, _ in SEED_003])
def test_a_cell_shows_the_figure_printed_in_seed_003(belitung, kode, kolom, dicetak):
    assert tertulis(baris_kode(belitung.bagian[0], kode), kolom) == dicetak


@pytest.mark.django_db
def test_the_total_row_adds_up_the_budget_as_tabel_3_43_does(belitung):
    jumlah = baris_label(belitung.bagian[0], "Jumlah")

    # Tabel 3.43 "T O T A L" and Tabel 3.42 "Jumlah", 2024: 10.314.852.053 / 9.521.256.875 / 92,31.
    # Slip: the Bab 3.3 text writes the realisation as Rp. 8.521.256.875.
    assert tertulis(jumlah, "target_renja_rp") == "10.314.852.053"
    assert tertulis(jumlah, "realisasi_renja_rp") == "9.521.256.875"
    assert tertulis(jumlah, "capaian_renja_rp") == "92,31%"
    assert jumlah[KOLOM["target_renja_k"]].nilai is None  # indicators of different units are not added


@pytest.mark.django_db
def test_the_end_of_period_target_is_the_last_year_for_a_percentage_and_measured_against(demo, belitung):
    sasaran = baris_kode(belitung.bagian[0], "1.1")
    pmks = Indikator.objects.get(sasaran__kode="1.1", sasaran__tujuan__renstra__opd=demo, renstra__tahun_awal=2024)
    realisasi = kinerja_tahunan(demo, 2024).untuk(pmks).nilai_tahunan  # 8.126 / 8.324 (Tabel 3.17)

    # Renstra 2024–2026: 98,79 / 98,81 / 98,83; an akhir_periode indicator ends at 98,83, not 296,43
    assert tertulis(sasaran, "target_renstra_k") == "98,83"
    assert sasaran[KOLOM["capaian_renstra_k"]].nilai == rules.capaian(D("98.83"), realisasi)
    assert tertulis(sasaran, "capaian_renstra_k") == "98,78%"
    # the first year of the Renstra: nothing before it
    assert tertulis(sasaran, "sampai_lalu_k") == "" and tertulis(sasaran, "sampai_lalu_rp") == ""
    assert any("tahun pertama Renstra" in c for c in belitung.catatan)


@pytest.mark.django_db
def test_closing_rows_give_the_average_its_predikat_and_empty_narrative(demo, belitung):
    tabel = belitung.bagian[0]
    rata = baris_label(tabel, "Rata-rata capaian kinerja (%)")
    predikat = baris_label(tabel, "Predikat kinerja")

    kinerja = kinerja_tahunan(demo, 2024)
    dimuat = [k for k in kinerja.indikator if k.dihitung and (k.indikator.sasaran_id or not k.indikator.tujuan_id)]
    assert rata[KOLOM["capaian_renja_k"]].nilai == rules.rata_rata_capaian(k.capaian for k in dimuat)
    label = rules.predikat(rata[KOLOM["capaian_renja_k"]].nilai, "permendagri_86_2017")
    assert predikat[KOLOM["capaian_renja_k"]].nilai == predikat[KOLOM["predikat"]].nilai == label
    for judul in ("Faktor pendorong keberhasilan pencapaian", "Faktor penghambat pencapaian kinerja"):
        baris = next(b for b in tabel.baris if b.sel[0].nilai == judul)
        assert [s.kolom for s in baris.sel] == [5, 24] and baris.sel[1].nilai is None
    rata_sasaran = [b for b in tabel.baris if str(b.sel[0].nilai).startswith("Rata-rata capaian kinerja sasaran")]
    assert len(rata_sasaran) == 3
    # The note names the definition and counts what the closing row averages.
    terhitung = sum(1 for k in dimuat if k.capaian is not None)
    uraian = rules.uraian_rata_rata(rules.RATA_RATA_KINERJA, terhitung, nama=" yang tampil")
    assert any(c.startswith(uraian) for c in belitung.catatan)
    assert any("Permendagri 86/2017" in c and "Sangat Tinggi" in c for c in belitung.catatan)


@pytest.mark.django_db
def test_a_sub_kegiatan_cut_by_refocusing_prints_refocusing_and_leaves_the_average(demo):
    def rata_sasaran_3():
        tabel = build_evaluasi_renja(demo, 2024).bagian[0]
        return baris_label(tabel, "Rata-rata capaian kinerja sasaran 3.1 (%)")[KOLOM["capaian_renja_k"]].nilai

    sebelum = rata_sasaran_3()
    # 2.08.06.2.02.0003 (KIE Pemenuhan Hak Anak): 0 of 1 document, 0,00% (Tabel 3.43, Lampiran XII)
    SubKegiatan.objects.filter(kode="2.08.06.2.02.0003", kegiatan__program__renstra__opd=demo).update(refocusing=True)
    tabel = build_evaluasi_renja(demo, 2024).bagian[0]

    baris = next(b for b in tabel.baris if any(s.nilai == "2.08.06.2.02.0003" for s in b.sel))
    refocusing = per_kolom(tabel, baris)[KOLOM["target_renstra_k"]]
    assert refocusing.teks == "REFOCUSING" and refocusing.kolom == 23  # K and Rp columns and predikat
    assert rata_sasaran_3() > sebelum


@pytest.mark.django_db
def test_a_bidang_report_holds_only_that_bidangs_programs(demo):
    bidang = Bidang.objects.get(opd=demo, nama="Bidang Perlindungan Perempuan dan Anak")
    laporan = build_evaluasi_renja(demo, 2024, bidang=bidang, tanggal=TANGGAL)
    tabel = laporan.bagian[0]

    program = [s[KOLOM["kode"]].nilai for b in tabel.baris if b.tingkat == 1 for s in [per_kolom(tabel, b)]]
    assert [p for p in program if p] == ["2.08.03", "2.08.06", "2.08.07"]
    sasaran = baris_kode(tabel, "3.1")
    assert sasaran[KOLOM["indikator"]].nilai is None  # the sasaran's indicator is the agency head's
    # Tabel 3.44 row 3: the three programs of this bidang are those of sasaran 3
    assert tertulis(baris_label(tabel, "Jumlah"), "target_renja_rp") == "888.991.600"
    assert laporan.judul[0] == "Evaluasi Hasil Renja Bidang Perlindungan Perempuan dan Anak"
    assert laporan.penanda[0].nama == "KASIMIN, S.IP., MAB"  # the bidang has no head named


# ---------------------------------------------------------------------------------------------
# Years of the Renstra and quarters, on synthetic data
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def dua_tahun(db):
    """A synthetic agency (Renstra 2025–2029) with the four quarters of 2025 and of 2026."""
    return buat_opd_sintetis("SINTETIS", "Dinas Sosial Sintetis", seed=3, program=2, tahun_isi=[2025, 2026])


def test_earlier_years_combine_by_the_indicators_yearly_rule(dua_tahun):
    tabel = build_evaluasi_renja(dua_tahun, 2026, triwulan=2).bagian[0]
    baris = {b.kunci: per_kolom(tabel, b) for b in tabel.baris if b.kunci.startswith("indikator-")}

    def nilai_tahun(i, tahun, sampai=4):
        rs = {r.triwulan: r.nilai for r in Realisasi.objects.filter(indikator=i, tahun=tahun)}
        return rules.nilai_sampai_triwulan(rs, i.cara_tahunan, sampai)

    kumulatif = Indikator.objects.filter(renstra__opd=dua_tahun, sub_kegiatan__refocusing=False).first()
    sel = baris[f"indikator-{kumulatif.pk}"]
    lalu, ini = nilai_tahun(kumulatif, 2025), nilai_tahun(kumulatif, 2026, 2)
    assert sel[KOLOM["sampai_lalu_k"]].nilai == lalu
    assert sel[KOLOM["realisasi_renja_k"]].nilai == ini
    assert sel[KOLOM["sampai_renstra_k"]].nilai == lalu + ini  # kumulatif: the years add up
    assert sel[KOLOM["target_renstra_k"]].nilai == 5 * kumulatif.target.get(tahun=2026).nilai
    kondisi_akhir = 5 * kumulatif.target.get(tahun=2026).nilai
    assert sel[KOLOM["capaian_renstra_k"]].nilai == rules.capaian(kondisi_akhir, lalu + ini, kumulatif.arah)

    akhir = Indikator.objects.get(renstra__opd=dua_tahun, sasaran__isnull=False)
    sel = baris[f"indikator-{akhir.pk}"]
    assert sel[KOLOM["sampai_lalu_k"]].nilai == nilai_tahun(akhir, 2025)  # akhir periode: the last year
    assert sel[KOLOM["sampai_renstra_k"]].nilai == nilai_tahun(akhir, 2026, 2)
    assert sel[KOLOM["target_renstra_k"]].nilai == akhir.target.get(tahun=2029).nilai

    sub = kumulatif.sub_kegiatan
    uang = {(r.tahun, r.triwulan): r.nilai for r in RealisasiAnggaran.objects.filter(sub_kegiatan=sub)}
    node = baris_kode(tabel, sub.kode)
    assert node[KOLOM["sampai_lalu_rp"]].nilai == sum(uang[2025, q] for q in range(1, 5))
    assert node[KOLOM["realisasi_renja_rp"]].nilai == uang[2026, 1] + uang[2026, 2]


def test_quarters_after_the_chosen_one_are_left_empty(dua_tahun):
    tabel = build_evaluasi_renja(dua_tahun, 2026, triwulan=2).bagian[0]
    program = next(per_kolom(tabel, b) for b in tabel.baris if b.tingkat == 1)

    assert program[KOLOM["triwulan_2_k"]].nilai is not None and program[KOLOM["triwulan_2_rp"]].nilai is not None
    for kolom in ("triwulan_3_k", "triwulan_3_rp", "triwulan_4_k", "triwulan_4_rp"):
        assert program[KOLOM[kolom]].nilai is None
    assert "s.d. Triwulan II" in tabel.kepala[0][9].teks  # "Realisasi Capaian Kinerja ... yang Dievaluasi"


@pytest.mark.parametrize(
    ("nilai", "cara", "hasil"),
    [
        ([D(371), None, D(288)], "kumulatif", D(659)),
        ([D("69.10"), D("94.31")], "akhir_periode", D("94.31")),
        ([D(2), D(4), None], "rata_rata", D(3)),
        (["Pratama", "Madya"], "akhir_periode", "Madya"),
        ([None, None], "kumulatif", None),
    ],
    ids=["kumulatif-sums", "akhir-periode-last", "rata-rata-mean", "level-last", "nothing-reported"],
)
def test_values_of_several_years_combine_by_the_yearly_rule(nilai, cara, hasil):
    assert rules.nilai_periode(nilai, cara) == hasil


def _target(nilai=None, tingkat=None):
    return SimpleNamespace(
        nilai=nilai,
        batas_bawah=None,
        batas_atas=None,
        tingkat_id=1 if tingkat else None,
        tingkat=SimpleNamespace(nama=tingkat),
        teks="",
    )


@pytest.mark.parametrize(
    ("cara", "target", "akhir"),
    [
        # DESIGN "kondisi akhir": a count sums its years; a percentage is the last year's (the seed
        # Renstra of Batu Bara sums percentages to 500)
        ("kumulatif", [_target(D(12)), _target(D(13)), None, _target(D(15))], "40"),
        ("akhir_periode", [_target(D(100))] * 5, "100"),
        ("akhir_periode", [_target(tingkat="Pratama"), _target(tingkat="Madya")], "Madya"),
    ],
    ids=["count-sums", "percentage-last-year", "level-last-year"],
)
def test_the_end_of_period_target_follows_the_yearly_rule(cara, target, akhir):
    assert tulis_sel(target_akhir(SimpleNamespace(cara_tahunan=cara), target).sel()) == akhir


# ---------------------------------------------------------------------------------------------
# XLSX and PDF
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_xlsx_keeps_the_merged_header_numeric_cells_and_the_closing_rows(belitung):
    ws = load_workbook(BytesIO(render_xlsx(belitung)))["Evaluasi Renja"]
    gabungan = {str(r) for r in ws.merged_cells.ranges}
    k = next(r for r in range(1, 20) if ws.cell(r, 1).value == "No")

    assert f"A{k}:A{k + 2}" in gabungan  # No: three header rows
    assert ws.cell(k, 12).value == "Realisasi Kinerja pada Triwulan" and f"L{k}:S{k}" in gabungan
    assert ws.cell(k + 1, 12).value == "I" and f"L{k + 1}:M{k + 1}" in gabungan  # TW I spans K and Rp
    assert f"F{k}:G{k + 1}" in gabungan  # Target Renstra: two rows, K and Rp
    assert [ws.cell(k + 2, c).value for c in (6, 7)] == ["K", "Rp"]
    assert ws.cell(k + 3, 6).value == "6" and f"F{k + 3}:G{k + 3}" in gabungan  # the column-number row
    assert ws.cell(k + 3, 29).value == "18"
    assert ws.freeze_panes == f"A{k + 4}" and ws.print_title_rows == f"${k}:${k + 3}"

    def baris(kolom_a, nilai):
        return next(r for r in ws.iter_rows(min_row=k + 4) if r[kolom_a].value == nilai)

    program = baris(KOLOM["kode"], "1.06.01")
    rp = program[KOLOM["target_renja_rp"]]
    assert rp.value == 7_089_055_091 and rp.data_type == "n" and rp.number_format == "#,##0"
    persen = program[KOLOM["capaian_renja_rp"]]
    assert persen.data_type == "n" and persen.number_format == '#,##0.00"%"' and round(persen.value, 2) == 96.34
    sasaran = baris(KOLOM["kode"], "1.1")
    assert round(sasaran[KOLOM["capaian_renja_k"]].value, 2) == 98.82
    assert sasaran[KOLOM["capaian_renja_k"]].number_format == '#,##0.00"%"'
    assert round(sasaran[KOLOM["realisasi_renja_k"]].value, 2) == 97.62
    kosong = baris(KOLOM["kode"], "2.08.02.2.01.0003")[KOLOM["capaian_renja_k"]]
    assert kosong.value == "–" and kosong.comment.text == "Realisasi belum dilaporkan."

    jumlah = baris(0, "Jumlah")
    assert jumlah[KOLOM["target_renja_rp"]].value == 10_314_852_053 and jumlah[0].font.bold
    rata = baris(0, "Rata-rata capaian kinerja (%)")
    assert rata[KOLOM["capaian_renja_k"]].data_type == "n" and rata[KOLOM["capaian_renja_k"]].value > 90
    assert baris(0, "Predikat kinerja")[KOLOM["predikat"]].value == "Sangat Tinggi"
    assert baris(0, "Faktor pendorong keberhasilan pencapaian")[0].value is not None


@perlu_pdf
@pytest.mark.django_db
def test_pdf_has_the_title_signature_and_indonesian_numbers(belitung, tmp_path):
    teks, halaman = teks_pdf(render_pdf(belitung), tmp_path, tata_letak=False)

    assert "EVALUASI HASIL RENJA" in teks.upper()
    assert "KASIMIN, S.IP., MAB" in teks and "Tanjungpandan, 7 Januari 2025" in teks
    assert "98,82%" in teks and "7.089.055.091" in teks and "10.314.852.053" in teks
    # 330 rows of 29 columns on A4 landscape: 16 pages, the columns of words sized before the numbers' (issue 20)
    assert 5 <= halaman <= 18
    assert f"Halaman 1 dari {halaman}" in teks


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

JUMLAH_QUERY = 16  # scale (2), Renstra, its tree (7), targets, realisations, levels, pagu, spending, data notes


@pytest.mark.django_db
def test_the_builder_runs_in_the_same_number_of_queries_on_ten_times_the_demo(demo, django_assert_num_queries):
    besar = buat_opd_sintetis(
        "BESAR-RENJA", "Dinas Sosial Besar", seed=1, program=10, kegiatan=6, sub_kegiatan=10, tahun_isi=[2025, 2026]
    )
    sub_kegiatan = SubKegiatan.objects.filter(kegiatan__program__renstra__tahun_awal__gte=2024)
    assert sub_kegiatan.filter(kegiatan__program__renstra__opd=besar).count() == 600
    assert 10 * sub_kegiatan.filter(kegiatan__program__renstra__opd=demo).count() <= 600

    with django_assert_num_queries(JUMLAH_QUERY):
        build_evaluasi_renja(demo, 2024)
    with django_assert_num_queries(JUMLAH_QUERY):
        laporan = build_evaluasi_renja(besar, 2026, triwulan=3)
    assert len(laporan.bagian[0].baris) > 600

"""Bab III of the LKjIP, one section per program (seed 003, "Capaian Tujuan/Sasaran 1 diupayakan
dengan program-program", Tabel 3.19 and the paragraphs after it), and the efficiency of the
programs (capaian kinerja against serapan anggaran, seed 003 Lampiran III) with the budget left
unspent; the Belitung numbers as printed where the demo holds them."""

import pytest

from kinerja.models import Realisasi
from laporan.builders.lkjip import build_lkjip
from laporan.builders.lkjip.data import Rupiah
from laporan.builders.lkjip.keuangan import kalimat_sisa_anggaran
from laporan.dokumen import Butir, Gambar, Judul, Paragraf, Tabel
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Indikator, Program

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

PMKS = "Persentase PMKS yang menerima program pemberdayaan sosial"


@pytest.fixture(scope="module")
def lkjip(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_lkjip(demo, 2024)


def _program(demo, kode):
    return Program.objects.get(renstra__opd=demo, renstra__tahun_awal=2024, kode=kode)


def _indikator(demo, uraian):
    return Indikator.objects.get(renstra__opd=demo, renstra__tahun_awal=2024, program__isnull=False, uraian=uraian)


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _bagian_program(laporan, uraian):
    """The paragraphs and lists of a program's section, from its heading to the next heading."""
    i = next(n for n, b in enumerate(laporan.bagian) if isinstance(b, Judul) and b.teks == uraian)
    hasil = []
    for b in laporan.bagian[i + 1 :]:
        if isinstance(b, Judul):
            break
        if isinstance(b, Paragraf):
            hasil.append(b.teks)
        elif isinstance(b, Butir):
            hasil.extend(b.isi)
    return hasil


def test_each_program_of_the_year_has_its_section_under_3_3_1(lkjip):
    judul = [b for b in lkjip.bagian if isinstance(b, Judul)]
    nomor = [j.nomor for j in judul]
    awal, akhir = nomor.index("3.3.1"), nomor.index("3.3.2")
    program = [j.teks for j in judul[awal + 1 : akhir]]
    assert len(program) == 13  # seed 003: "telah melaksanakan 13 program"
    assert program[1] == "Program Pemberdayaan Sosial"
    assert [j.nomor for j in judul[awal + 1 : akhir]][:2] == ["1)", "2)"]


def test_a_programs_indicator_table_holds_this_years_target_realisation_and_capaian(demo, lkjip):
    # Seed 003, Tabel 3.19, Tahun 2024: target 100, realisasi 88,13, capaian 88,13.
    p = _program(demo, "1.06.02")
    tabel = _tabel(lkjip, f"program-{p.pk}")
    assert tabel.judul.endswith("Pencapaian Indikator Program Pemberdayaan Sosial Tahun 2024")
    (baris,) = tabel.baris
    sel = [tulis_sel(s) for s in baris.sel]
    assert sel[0] == PMKS
    assert sel[4:7] == ["100", "88,13", "88,13%"]
    assert sel[7] == "100"  # the Renstra's end target (2026)


def test_a_programs_section_says_its_capaian_budget_and_kegiatan(lkjip):
    teks = " ".join(_bagian_program(lkjip, "Program Pemberdayaan Sosial"))
    assert f"Indikator {PMKS} tercapai 88,13% dari target 100% atau capaian 88,13%" in teks
    assert "Realisasi tahun 2023 tidak tersedia untuk dibandingkan." in teks  # the demo holds no 2023 value
    assert "Target akhir Renstra (2026) 100%; capaian realisasi tahun 2024 terhadapnya 88,13%." in teks
    # Seed 003: "Alokasi anggaran Program Pemberdayaan Sosial sebesar Rp. 348.934.400,- dengan realisasi
    # sebesar Rp. 321.623.110,- setara dengan 92,17%".
    assert "Program Pemberdayaan Sosial dengan anggaran Rp 348.934.400 terealisasi Rp 321.623.110 (92,17%)." in teks
    # Its one kegiatan (Lampiran III, 1.1: Jumlah PSKS aktif, target 165, realisasi 134, 81,21%).
    assert (
        "Kegiatan Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota dengan anggaran "
        "Rp 348.934.400 terealisasi Rp 321.623.110 (92,17%). Indikator Jumlah PSKS yang aktif tercapai 134 PSKS "
        "dari target 165 PSKS atau capaian 81,21%"
    ) in teks
    assert "Permasalahan dan tindak lanjut belum ditulis pada isian triwulan tahun 2024." in teks


def test_the_migrant_programs_budget_as_printed(lkjip):
    teks = " ".join(_bagian_program(lkjip, "Program Penanganan Warga Negara Migran Korban Tindak Kekerasan"))
    # Seed 003: "sebesar Rp. 41.256.200,- dengan realisasi sebesar Rp. 16.955.668,- setara dengan 41,10%".
    assert "dengan anggaran Rp 41.256.200 terealisasi Rp 16.955.668 (41,10%)." in teks


def test_the_factors_are_those_of_the_latest_quarter_with_text(demo):
    i = _indikator(demo, PMKS)
    for tw, masalah, lanjut in ((2, "Data PMKS belum valid.", "Verifikasi data."), (3, "Ego sektoral.", "")):
        r, _ = Realisasi.objects.get_or_create(indikator=i, tahun=2024, triwulan=tw)
        r.permasalahan, r.tindak_lanjut = masalah, lanjut
        r.save()

    teks = " ".join(_bagian_program(build_lkjip(demo, 2024), "Program Pemberdayaan Sosial"))

    assert "Permasalahan menurut isian triwulan III: \u201cEgo sektoral.\u201d" in teks
    assert "tindak lanjut: \u201cVerifikasi data.\u201d" in teks  # the latest quarter that has one: II
    assert "Data PMKS belum valid" not in teks


def test_last_years_value_comes_from_the_indicator_continued(demo):
    """The 2023 columns of a program's table: the indicator it continues from the Renstra 2019–2023."""
    i = _indikator(demo, PMKS)
    lama = Indikator.objects.filter(renstra__opd=demo, renstra__tahun_awal=2019, realisasi__tahun=2023).first()
    i.pendahulu = lama
    i.save()

    laporan = build_lkjip(demo, 2024)

    p = _program(demo, "1.06.02")
    sel = [tulis_sel(s) for s in _tabel(laporan, f"program-{p.pk}").baris[0].sel]
    assert sel[2] != ""  # the realisation of 2023 of the indicator continued
    teks = " ".join(_bagian_program(laporan, "Program Pemberdayaan Sosial"))
    assert "Realisasi tahun 2023 tidak tersedia" not in teks


def test_the_efficiency_table_sets_each_programs_capaian_against_its_serapan(lkjip):
    baris = next(b for b in _tabel(lkjip, "efisiensi-program").baris if b.kunci == "1.06.02")
    # Seed 003, Lampiran III, 1: capaian 88,13, pagu 348.934.400, realisasi 321.623.110, 92,17%.
    assert [tulis_sel(s) for s in baris.sel[1:]] == [
        "Program Pemberdayaan Sosial",
        "88,13%",
        "348.934.400",
        "321.623.110",
        "92,17%",
        "-4,04",
    ]


def test_the_efficiency_paragraph_counts_the_programs_and_states_the_budget_left(lkjip):
    teks = next(b.teks for b in lkjip.bagian if isinstance(b, Paragraf) and b.teks.startswith("Dari 13 (tiga belas)"))
    assert "Program Pemberdayaan Sosial (capaian 88,13%, serapan 92,17%)" in teks
    # Seed 003, Tabel 3.47: pagu 10.314.852.053, realisasi 9.521.256.875.
    assert (
        "Selisih pagu (Rp 10.314.852.053) dan realisasi anggaran (Rp 9.521.256.875) tahun 2024, anggaran yang tidak "
        "terserap, sebesar Rp 793.595.178 atau 7,69% dari pagu."
    ) in teks


def test_the_budget_left_says_nothing_without_a_pagu_and_names_overspending():
    assert kalimat_sisa_anggaran(Rupiah(induk=None, realisasi=5), 2024) == ""
    assert kalimat_sisa_anggaran(Rupiah(induk=100, realisasi=None), 2024) == ""
    assert kalimat_sisa_anggaran(Rupiah(induk=100, realisasi=120), 2024) == (
        "Realisasi anggaran tahun 2024 melebihi pagu sebesar Rp 20."
    )


def test_the_budget_chart_draws_each_programs_pagu_and_realisation(lkjip):
    gambar = next(b for b in lkjip.bagian if isinstance(b, Gambar) and b.kunci == "grafik-anggaran-program")
    assert gambar.judul.endswith("Pagu dan Realisasi Anggaran per Program Tahun 2024 (persentase: serapan)")
    svg = gambar.grafik.svg
    # Seed 003, Tabel 3.43: Program Pemberdayaan Sosial 348.934.400 / 321.623.110 (92,17%).
    assert 'data-seri="Pagu" data-nilai="348934400" data-kunci="1.06.02"' in svg
    assert 'data-seri="Realisasi" data-nilai="321623110" data-kunci="1.06.02"' in svg
    assert svg.count("<rect") == 13 * 2 + 2  # two bars per program, two legend keys
    assert "Pemberdayaan Sosial: Pagu Rp 348.934.400, Realisasi Rp 321.623.110 (92,17%)" in gambar.uraian

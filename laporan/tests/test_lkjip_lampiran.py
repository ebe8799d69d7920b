"""The LKjIP's Lampiran against seed 003 (LKjIP 2024 DSPPPA Belitung): Lampiran I–XII numbered and
titled as its list, those whose data Kinerja holds printed (X Perjanjian Kinerja, XI Pengukuran
Capaian Kinerja, XII Laporan Realisasi Fisik dan Keuangan, its money part) with the values the seed
prints, the others listed for manual attachment with the reason."""

from datetime import date

import pytest

from laporan.builders.lkjip import build_lkjip
from laporan.builders.perjanjian_kinerja import build_perjanjian_kinerja
from laporan.dokumen import Butir, Judul, Tabel
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Indikator

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]


@pytest.fixture(scope="module")
def lkjip(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_lkjip(demo, 2024, tanggal=date(2025, 3, 4))


def _bagian_lampiran(laporan):
    awal = next(n for n, b in enumerate(laporan.bagian) if isinstance(b, Judul) and b.teks == "Lampiran")
    return laporan.bagian[awal:]


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _isi(tabel):
    return [[tulis_sel(s) for s in b.sel] for b in tabel.baris]


def _baris_indikator(laporan, kunci_tabel, uraian):
    pk = Indikator.objects.get(renstra__tahun_awal=2024, renstra__opd__kode="DSPPPA-BELITUNG", uraian=uraian).pk
    tabel = _tabel(laporan, kunci_tabel)
    return [tulis_sel(s) for s in next(b for b in tabel.baris if b.kunci == f"indikator-{pk}").sel]


def _baris_kode(laporan, kunci_tabel, kode):
    return [tulis_sel(s) for s in next(b for b in _tabel(laporan, kunci_tabel).baris if b.kunci == kode).sel]


def test_the_list_of_appendices_numbers_and_titles_them_as_the_seed(lkjip):
    daftar = next(b for b in _bagian_lampiran(lkjip) if isinstance(b, Butir))
    assert [x.split(":")[0] for x in daftar.isi] == [
        f"Lampiran {n}" for n in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
    ]
    assert daftar.isi[9] == "Lampiran X: Perjanjian Kinerja 2024"
    assert daftar.isi[10] == (
        "Lampiran XI: Pengukuran Capaian Kinerja Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak "
        "Kabupaten Belitung Tahun 2024"
    )
    assert daftar.isi[11] == "Lampiran XII: Laporan Realisasi Fisik dan Keuangan Tahun 2024"
    assert daftar.isi[6] == (
        "Lampiran VII: Rincian target dan realisasi proyek prioritas strategis (PPS) yang tercapai sesuai target"
    )


def test_printed_appendices_are_x_xi_xii_and_the_others_are_listed_for_manual_attachment(lkjip):
    bagian = _bagian_lampiran(lkjip)
    # the heading leading to a landscape table is printed with it (Tabel.pembuka)
    dibaca = [x for b in bagian for x in [*(b.pembuka if isinstance(b, Tabel) else []), b]]
    judul = [b.teks for b in dibaca if isinstance(b, Judul)]
    assert judul == [
        "Lampiran",
        "Lampiran yang dilampirkan secara manual",
        "Lampiran X Perjanjian Kinerja 2024",
        "Lampiran XI Pengukuran Capaian Kinerja Tahun 2024",
        "Lampiran XII Laporan Realisasi Fisik dan Keuangan Tahun 2024",
    ]
    tabel = [b.nama for b in bagian if isinstance(b, Tabel)]
    assert tabel == ["Lampiran X.1", "Lampiran X.2", "Lampiran XI.1", "Lampiran XI.2", "Lampiran XII"]
    manual = [b for b in bagian if isinstance(b, Butir)][1].isi
    assert [x.split(" ")[1] for x in manual] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "XII"]
    assert "tidak menyimpan target dan realisasi penggunaan SDM" in manual[0]
    assert "tidak menyimpan dokumen Renja" in manual[8]
    assert "tidak menyimpan target dan realisasi fisik" in manual[9]


def test_lampiran_x_prints_the_perubahan_pk_targets_and_program_budgets_of_the_seed(lkjip):
    sasaran = _tabel(lkjip, "lampiran-pk-sasaran")
    assert sasaran.judul.startswith("Lampiran X.1 Perubahan Perjanjian Kinerja Tahun 2024")
    # Seed 003, "Perubahan Perjanjian Kinerja Tahun 2024": the targets.
    assert [r[4] for r in _isi(sasaran)] == ["0,50", "98,79", "53,43", "Pratama", "3,20"]
    program = _isi(_tabel(lkjip, "lampiran-pk-program"))
    assert program[0][1:3] == ["Pemberdayaan Sosial", "348.934.400"]
    assert program[12][1:3] == ["Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "7.089.055.091"]
    assert program[-1][:2] == ["JUMLAH", "10.314.852.053"]


def test_lampiran_x_is_the_pk_reports_rows(lkjip, demo):
    pk = build_perjanjian_kinerja(demo, 2024)
    tabel_pk = [b for b in pk.bagian if isinstance(b, Tabel)]
    assert _isi(_tabel(lkjip, "lampiran-pk-sasaran")) == _isi(tabel_pk[0])
    assert _isi(_tabel(lkjip, "lampiran-pk-program")) == _isi(tabel_pk[1])


def test_lampiran_xi_prints_the_realisation_of_each_quarter(lkjip):
    # Seed 003, Lampiran XI: "Data sampai dengan triwulan I 7 org, Triwulan II 1 org, Triwulan III 8 orang.
    # Total 16 orang", 133,33; "Triwulan I 0 orang, Tw II 7 org, TW III 1 orang, Tw IV 2 org. Total 10 orang", 200.
    kedaruratan = _baris_indikator(
        lkjip, "realisasi-triwulan", "Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan kewenangan Kabupaten/Kota"
    )
    assert kedaruratan[3:] == ["12", "7", "1", "8", "", "16", "133,33%"]
    terlantar = _baris_indikator(lkjip, "realisasi-triwulan", "Terpenuhinya pemeliharaan anak terlantar")
    assert terlantar[3:] == ["5", "0", "7", "1", "2", "10", "200,00%"]


def test_lampiran_xi_keeps_the_measurement_matrix(lkjip):
    # Seed 003, Lampiran XI: 0.5, 30.55, 6,110.00 (Persentase penurunan PMKS per tahun)
    baris = _baris_indikator(lkjip, "matrik-pengukuran", "Persentase penurunan PMKS per tahun")
    assert [baris[4], baris[8], baris[9]] == ["0,50", "30,55", "6.110,00%"]
    assert _tabel(lkjip, "matrik-pengukuran").nama == "Lampiran XI.1"


def test_lampiran_xii_prints_budget_realisation_and_remaining_pagu_as_the_seed(lkjip):
    # Seed 003, Lampiran XII: 1.06.04.2.01.0010 Pemberian Layanan Kedaruratan 36.350.862, 36.116.500,
    # 99,36%, sisa 234.362; Total 10.314.852.053, 9.521.256.875, 92,31%, 793.595.178.
    assert _baris_kode(lkjip, "realisasi-keuangan", "1.06.04.2.01.0010")[2:] == [
        "36.350.862",
        "36.116.500",
        "99,36%",
        "234.362",
    ]
    assert _baris_kode(lkjip, "realisasi-keuangan", "1.06.05.2.01")[2:] == [
        "23.258.100",
        "9.955.900",
        "42,81%",
        "13.302.200",
    ]
    assert _baris_kode(lkjip, "realisasi-keuangan", "total")[1:] == [
        "10.314.852.053",
        "9.521.256.875",
        "92,31%",
        "793.595.178",
    ]

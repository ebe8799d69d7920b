"""Bab III of the Belitung LKjIP 2024 compares the agency's IDG with the national and provincial
values and lists the SAKIP evaluation scores, from the data typed in the Admin, with the figures
seed 003 prints (3.1.3.2: "IDG Nasional tahun 2023 yaitu 76,59 dan IDG Provinsi 58,22 serta IDG
Kabupaten Belitung ... 53,47"; Tabel 3.40: 55,15 CC, 80,00 BB, 70,25 BB); without data, a sentence
says where to enter it."""

import pytest

from kinerja.models import NilaiPembanding, NilaiSakip
from laporan.builders.lkjip import build_lkjip
from laporan.dokumen import Judul, Paragraf, Tabel
from laporan.templatetags.laporan_tampil import tulis_sel

pytestmark = pytest.mark.django_db

IDG = "Indeks Pemberdayaan Gender (IDG)"


@pytest.fixture(scope="module")
def lkjip(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_lkjip(demo, 2024)


def _tabel(laporan, kunci):
    return next((b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci), None)


def _isi(tabel):
    return [[tulis_sel(s) for s in b.sel] for b in tabel.baris]


def _paragraf(laporan):
    return [b.teks for b in laporan.bagian if isinstance(b, Paragraf)]


def _setelah_judul(laporan, judul):
    """The paragraph right after the heading `judul`."""
    bagian = laporan.bagian
    n = next(n for n, b in enumerate(bagian) if isinstance(b, Judul) and b.teks == judul)
    return next(b.teks for b in bagian[n + 1 :] if isinstance(b, Paragraf))


def test_the_idg_is_compared_with_the_national_and_provincial_values_the_seed_prints(lkjip):
    tabel = _tabel(lkjip, "pembanding-nasional")
    assert [r[:8] for r in _isi(tabel)] == [
        ["1", IDG, "Indeks", "53,47", "Nasional", "Kemen PPPA", "2023", "76,59"],
        ["", "", "", "", "Provinsi", "Dinas PPPA Provinsi Kepulauan Bangka Belitung", "2023", "58,22"],
    ]
    assert tabel.judul.endswith(" Perbandingan Realisasi Indikator Tahun 2024 dengan Tingkat Nasional dan Provinsi")


def test_a_sentence_says_the_idg_is_below_the_national_and_provincial_values(lkjip):
    assert (
        f"Realisasi {IDG} tahun 2024 sebesar 53,47, lebih rendah dari nilai nasional tahun 2023 (Kemen PPPA) 76,59 "
        "dan lebih rendah dari nilai provinsi tahun 2023 (Dinas PPPA Provinsi Kepulauan Bangka Belitung) 58,22."
    ) in _paragraf(lkjip)


def test_the_sakip_scores_are_those_of_tabel_3_40(lkjip):
    assert [r[1:5] for r in _isi(_tabel(lkjip, "nilai-sakip"))] == [
        ["2022", "Inspektorat Kabupaten Belitung", "55,15", "CC"],
        ["2023", "Mandiri", "80,00", "BB"],
        ["2024", "Inspektorat Kabupaten Belitung", "70,25", "BB"],
    ]
    assert (
        "Hasil evaluasi SAKIP terakhir (tahun 2024, Inspektorat Kabupaten Belitung) bernilai 70,25 dengan predikat BB."
        in _paragraf(lkjip)
    )


def test_the_comparisons_are_printed_in_bab_iii_before_the_financial_accountability(lkjip):
    kunci = [b.kunci for b in lkjip.bagian if isinstance(b, Tabel)]
    assert kunci.index("pembanding-nasional") < kunci.index("nilai-sakip") < kunci.index("keuangan-program")


def test_a_later_value_of_a_source_replaces_the_earlier_one_but_not_a_later_year(demo):
    idg = NilaiPembanding.objects.get(sumber="Kemen PPPA").indikator
    NilaiPembanding.objects.create(indikator=idg, tahun=2022, tingkat="nasional", sumber="Kemen PPPA", nilai=76)
    NilaiPembanding.objects.create(indikator=idg, tahun=2025, tingkat="nasional", sumber="Kemen PPPA", nilai=77)
    baris = _isi(_tabel(build_lkjip(demo, 2024), "pembanding-nasional"))
    assert [(r[6], r[7]) for r in baris] == [("2023", "76,59"), ("2023", "58,22")]


def test_without_data_a_sentence_says_where_to_enter_it(demo):
    NilaiPembanding.objects.filter(indikator__renstra__opd=demo).delete()
    NilaiSakip.objects.filter(opd=demo).delete()
    laporan = build_lkjip(demo, 2024)
    assert _tabel(laporan, "pembanding-nasional") is None
    assert _tabel(laporan, "nilai-sakip") is None
    assert _setelah_judul(laporan, "Perbandingan dengan Capaian Nasional dan Provinsi") == (
        "Belum ada nilai nasional, provinsi atau kabupaten/kota lain untuk indikator Renstra tahun 2024. "
        "Nilai pembanding diisikan pada Admin › Kinerja › Nilai pembanding indikator."
    )
    assert _setelah_judul(laporan, "Hasil Evaluasi SAKIP") == (
        "Belum ada nilai hasil evaluasi SAKIP perangkat daerah ini sampai tahun 2024. "
        "Nilai SAKIP diisikan pada Admin › Kinerja › Nilai SAKIP."
    )

"""One average, named the same everywhere (issue 19, item 4): on the Belitung demo, each kind of
average (docs/aturan-perhitungan.md, "Rata-rata") prints the same string in the Evaluasi Renja,
the LKjIP and the dashboard, and the note under it counts what it averages."""

import re
from datetime import date

import pytest

from kinerja import rules
from kinerja.dasbor import dasbor_opd, ringkasan_wilayah
from laporan.builders import dasbor as bangun
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja
from laporan.builders.lkjip import build_lkjip
from laporan.dokumen import Paragraf, Tabel
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import PerangkatDaerah

TANGGAL = date(2025, 1, 7)


@pytest.fixture(scope="module")
def laporan(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return {
            "renja": build_evaluasi_renja(demo, 2024, tanggal=TANGGAL),
            "lkjip": build_lkjip(demo, 2024, tanggal=TANGGAL),
            "dasbor": dasbor_opd(demo, 2024, 4),
            "wilayah": ringkasan_wilayah(PerangkatDaerah.objects.filter(pk=demo.pk), 2024, 4),
        }


def _tabel(lkjip, kunci):
    return next(b for b in lkjip.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _paragraf(lkjip):
    return [b.teks for b in lkjip.bagian if isinstance(b, Paragraf)]


def _rata_renja(renja):
    tabel = renja.bagian[0]
    baris = next(b for b in tabel.baris if b.sel[0].nilai == "Rata-rata capaian kinerja (%)")
    return tulis_sel(dict(tabel.posisi(baris))[KOLOM["capaian_renja_k"]])


@pytest.mark.django_db
def test_the_agencys_rata_rata_capaian_kinerja_prints_the_same_in_the_renja_and_the_dashboards(laporan):
    renja = _rata_renja(laporan["renja"])
    kartu = rules.format_persen(laporan["dasbor"].kinerja.rata_rata_semua())
    (baris,) = [b for b in bangun.tabel_wilayah(laporan["wilayah"]).baris if b.kunci and b.kunci.startswith("opd-")]
    wilayah = tulis_sel(baris.sel[3])
    assert renja == kartu == wilayah == "102,14%"
    # The same definition named under each: the report's note, the agency card, the overview.
    uraian = bangun.uraian_rata_rata_simpul(laporan["dasbor"], laporan["dasbor"].akar)
    assert uraian.startswith("Rata-rata capaian kinerja (Permendagri 86/2017)")
    assert any(c.startswith(uraian.split(":")[0]) for c in laporan["renja"].catatan)
    assert bangun.uraian_rata_rata_wilayah(laporan["wilayah"]).startswith(uraian.split(":")[0])


@pytest.mark.django_db
def test_the_lkjips_rata_rata_capaian_strategis_prints_the_same_in_its_table_and_sentences(laporan):
    lkjip = laporan["lkjip"]
    jumlah = next(b for b in _tabel(lkjip, "efektivitas-tujuan-sasaran").baris if b.kunci == "jumlah")
    assert tulis_sel(jumlah.sel[-3]) == "1.092,12%"  # as the seed's Tabel 3.45 prints it
    kalimat = [p for p in _paragraf(lkjip) if "rata-rata capaian tujuan/sasaran strategis" in p.lower()]
    assert len(kalimat) >= 2  # Bab III by category, Bab IV conclusion
    for p in kalimat:
        assert re.findall(r"strategis (?:sebesar )?([\d.,]+%)", p)[0] == "1.092,12%"


@pytest.mark.django_db
def test_a_nodes_own_mean_prints_the_same_in_the_lkjip_and_the_dashboard(laporan):
    lkjip = {b.kunci: tulis_sel(b.sel[3]) for b in _tabel(laporan["lkjip"], "rata-rata-tujuan-sasaran").baris}
    dasbor = {
        f"{s.level}-{s.objek.pk}": rules.format_persen(s.rata_rata)
        for s in laporan["dasbor"].akar.semua()
        if s.level in ("tujuan", "sasaran") and s.dihitung
    }
    assert lkjip == dasbor
    assert sorted(lkjip.values()) == sorted(["6.110,00%", "98,82%", "100,07%", "100,00%", "71,91%", "71,91%"])


@pytest.mark.django_db
def test_the_notes_count_what_the_average_averages(laporan):
    kinerja = laporan["dasbor"].kinerja
    kelompok = [[t, *t.daftar_sasaran] for t in _pohon(laporan)]
    # A mean of three tujuan/sasaran strategis over five indicators is not "6" or "5 (lima) indikator" of one mean.
    assert kinerja.kelompok_terhitung(kelompok) == (3, 5)
    uraian = rules.uraian_rata_rata(rules.RATA_RATA_STRATEGIS, 5, 3)
    kalimat = [p for p in _paragraf(laporan["lkjip"]) if "strategis sebesar" in p]
    assert kalimat and all(uraian in p for p in kalimat)
    assert not any("5 (lima) indikator tujuan dan sasaran sebesar" in p for p in _paragraf(laporan["lkjip"]))
    # The Renja's note: the number of indicators its closing row averages (column 14).
    terhitung = sum(1 for k in kinerja.dirata if k.capaian is not None)
    assert any(f"capaian {terhitung} indikator sasaran" in c for c in laporan["renja"].catatan)
    assert f"capaian {terhitung} indikator sasaran" in bangun.uraian_rata_rata_simpul(
        laporan["dasbor"], laporan["dasbor"].akar
    )


def _pohon(laporan):
    return [s.objek for s in laporan["dasbor"].akar.anak if s.level == "tujuan"]

"""What a new user trips over on the dashboards (issue 17): the quarter a year opens on, which
budget the cards show, and a capaian far above every scale, marked on the dashboards and in the
reports while the means stay as the seeds print them."""

from io import BytesIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import dasbor, rules
from kinerja.models import Realisasi, RealisasiAnggaran
from kinerja.tests.factories import operator, verifikator
from laporan.builders import dasbor as bangun
from laporan.builders.evaluasi_triwulan import build_evaluasi_triwulan
from laporan.builders.lkjip import build_lkjip
from laporan.builders.matriks_renstra import build_matriks_renstra
from laporan.dokumen import Paragraf, Tabel
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import Indikator, PerangkatDaerah
from renstra.tests.factories import PaguFactory, SubKegiatanFactory

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db
BELITUNG, BATU_BARA = "DSPPPA-BELITUNG", "DSPPPA-BATUBARA"
WILAYAH = reverse("laporan:dasbor_wilayah")
HARI_INI = "2026-12-07 09:00+07:00"  # TW III 2026 has ended, TW IV not yet
PMKS = "Persentase penurunan PMKS per tahun"
CATATAN_PMKS = "Rata-rata ini memuat 1 capaian di atas 200% (6.110,00%)."


@pytest.fixture
def peninjau(client, demo):
    client.force_login(verifikator())
    return client


def _opd(client, kode, tahun, **kueri):
    return client.get(reverse("laporan:dasbor_opd", args=[kode, tahun]), kueri)


def _pmks():
    return Indikator.objects.get(renstra__opd__kode=BELITUNG, renstra__tahun_awal=2024, uraian=PMKS)


# --- the quarter a year opens on ------------------------------------------------------------


def test_a_finished_year_opens_on_its_last_reported_quarter(peninjau, time_machine):
    time_machine.move_to(HARI_INI, tick=False)
    respons = _opd(peninjau, BELITUNG, 2024)
    html = respons.content.decode()
    assert respons.context["data"].triwulan == 4
    assert '<option value="4" selected>Triwulan IV</option>' in html
    # The card and the rows speak of the same quarter: every tujuan of 2024 is measured.
    assert all(b.sel[4].nilai is not None for b in respons.context["anak"].baris)
    assert "Realisasi s.d. TW IV" in html and "Rp 9.521.256.875" in html
    # A year whose fourth quarter was never reported opens on its third.
    Realisasi.objects.filter(indikator__renstra__opd__kode=BELITUNG, tahun=2024, triwulan=4).update(
        nilai=None, tingkat=None, pembilang=None, penyebut=None
    )
    RealisasiAnggaran.objects.filter(
        sub_kegiatan__kegiatan__program__renstra__opd__kode=BELITUNG, tahun=2024, triwulan=4
    ).delete()
    assert _opd(peninjau, BELITUNG, 2024).context["data"].triwulan == 3


def test_this_year_opens_on_its_last_ended_quarter_and_a_later_year_on_the_first(peninjau, time_machine):
    time_machine.move_to(HARI_INI, tick=False)
    assert _opd(peninjau, BATU_BARA, 2026).context["data"].triwulan == 3
    assert _opd(peninjau, BATU_BARA, 2027).context["data"].triwulan == 1
    assert _opd(peninjau, BELITUNG, 2024, triwulan=2).context["data"].triwulan == 2  # asked for, kept
    time_machine.move_to("2027-02-02 09:00+07:00", tick=False)
    peninjau.force_login(verifikator())  # the session of December has expired
    assert _opd(peninjau, BATU_BARA, 2026).context["data"].triwulan == 4
    assert _opd(peninjau, BATU_BARA, 2027).context["data"].triwulan == 1


def test_the_overview_of_a_year_asked_without_a_quarter_opens_on_that_years(peninjau, time_machine):
    time_machine.move_to(HARI_INI, tick=False)
    respons = peninjau.get(WILAYAH, {"tahun": 2024})
    assert (respons.context["data"].tahun, respons.context["data"].triwulan) == (2024, 4)
    assert f"{reverse('laporan:dasbor_opd', args=[BELITUNG, 2024])}?triwulan=4" in respons.content.decode()
    data = peninjau.get(WILAYAH).context["data"]
    assert (data.tahun, data.triwulan) == (2026, 3)


def test_the_operators_dashboard_button_opens_the_last_reported_quarter(client, demo, time_machine):
    time_machine.move_to(HARI_INI, tick=False)
    client.force_login(operator(PerangkatDaerah.objects.get(kode=BELITUNG)))
    url = reverse("laporan:dasbor_opd", args=[BELITUNG, 2024])
    assert f'href="{url}">Dasbor perangkat daerah</a>' in client.get(reverse("laporan:dasbor")).content.decode()
    assert client.get(url).context["data"].triwulan == 4
    # The indicator page, opened from the home's weakest indicators, leads back to the same quarter.
    respons = client.get(reverse("laporan:dasbor_indikator", args=[BELITUNG, 2024, _pmks().pk]))
    assert respons.context["triwulan"] == 4
    assert respons.context["url_opd"] == f"{url}?triwulan=4"


def test_a_past_year_without_any_realisation_opens_on_its_fourth_quarter(demo, time_machine):
    time_machine.move_to(HARI_INI, tick=False)
    batu_bara = PerangkatDaerah.objects.filter(kode=BATU_BARA)
    assert dasbor.triwulan_bawaan(2025, batu_bara) == 4


# --- which budget -----------------------------------------------------------------------------


def _jumlah_matriks(opd, tahun):
    laporan = build_matriks_renstra(opd, tahun)
    (tabel,) = laporan.bagian
    daftar_tahun = [int(k.teks) for k in tabel.kepala[1]]
    jumlah = next(b for b in tabel.baris if b.sel[0].nilai == "JUMLAH")
    return jumlah.sel[1 + 2 * daftar_tahun.index(tahun) + 1].nilai


def test_a_year_without_a_dpa_budget_shows_the_renstra_pagu_indikatif_and_says_so(peninjau):
    """Batu Bara has only the Renstra's pagu indikatif (seed 002, Tabel 4.1): 2026 sums to
    13.924.684.513 in the Matriks Renstra."""
    batu_bara = PerangkatDaerah.objects.get(kode=BATU_BARA)
    respons = _opd(peninjau, BATU_BARA, 2026, triwulan=3)
    html = respons.content.decode()
    data = respons.context["data"]
    assert "Pagu indikatif Renstra 2026" in html and "Rp 13.924.684.513" in html
    assert data.akar.pagu == _jumlah_matriks(batu_bara, 2026) == 13_924_684_513
    assert not data.pagu_dpa
    assert "Belum ada pagu DPA (induk/perubahan) tahun 2026" in html
    tabel = respons.context["anak"]
    assert tabel.kepala[0][6].teks == "Pagu indikatif Renstra (Rp)"
    (tujuan,) = tabel.baris
    assert tujuan.sel[6].nilai == 13_924_684_513
    # Nothing is absorbed against a plan's figure.
    assert tujuan.sel[8].nilai is None and "pagu indikatif" in tujuan.sel[8].catatan
    assert data.akar.serapan is None
    # A year with a DPA budget shows the DPA's.
    html = _opd(peninjau, BELITUNG, 2024, triwulan=4).content.decode()
    assert "Pagu DPA 2024" in html and "Rp 10.314.852.053" in html and "Pagu indikatif" not in html


def test_the_overview_shows_an_agencys_pagu_indikatif_apart_from_the_regions_dpa_budget(peninjau):
    xlsx = peninjau.get(reverse("laporan:dasbor_wilayah_unduh", args=["xlsx"]), {"tahun": 2026, "triwulan": 3})
    baris = list(load_workbook(BytesIO(xlsx.content)).worksheets[0].iter_rows(values_only=True))
    kepala = next(r for r in baris if r[0] == "No")
    pagu = kepala.index("Pagu (Rp)")
    per_opd = {r[1]: r for r in baris if r[1]}
    batu_bara = PerangkatDaerah.objects.get(kode=BATU_BARA).nama
    assert per_opd[batu_bara][pagu] == 13_924_684_513
    assert any(r[0] and "Pagu indikatif Renstra (belum ada pagu DPA tahun 2026" in str(r[0]) for r in baris)
    data = peninjau.get(WILAYAH, {"tahun": 2026, "triwulan": 3}).context["data"]
    (b,) = [b for b in data.baris if b.opd.kode == BATU_BARA]
    assert (b.pagu, b.pagu_indikatif, b.serapan) == (None, 13_924_684_513, None)
    assert data.pagu is None  # the region sums DPA budgets only, and the demo has none in 2026


def test_a_sub_kegiatan_without_a_dpa_budget_in_a_dpa_year_names_its_pagu_indikatif():
    dengan = SubKegiatanFactory()
    renstra = dengan.kegiatan.program.renstra
    tanpa = SubKegiatanFactory(kegiatan=dengan.kegiatan)
    PaguFactory(sub_kegiatan=dengan, induk=100_000_000, indikatif=90_000_000)
    PaguFactory(sub_kegiatan=tanpa, induk=None, indikatif=40_000_000)
    data = dasbor.dasbor_opd(renstra.opd, 2024, 4)
    assert data.pagu_dpa and data.nama_pagu == "Pagu DPA"
    sub = {s.objek: s for s in data.akar.semua() if s.level == "sub_kegiatan"}
    assert (sub[dengan].pagu, sub[tanpa].pagu, sub[tanpa].pagu_indikatif) == (100_000_000, None, 40_000_000)
    kegiatan = sub[tanpa].induk
    sel = {b.kunci: b.sel[6] for b in bangun.tabel_anak(data, kegiatan).baris}
    assert sel[sub[tanpa].kunci].catatan == "Belum ada pagu DPA; pagu indikatif Renstra Rp 40.000.000."


# --- outliers ---------------------------------------------------------------------------------


def test_belitungs_6110_capaian_is_marked_on_the_dashboard_and_its_mean_says_so(peninjau):
    """LKjIP Belitung 2024: penurunan PMKS, target 0,50, realisasi 30,55, capaian 6.110%; the
    agency's rata-rata capaian kinerja (Permendagri 86/2017, from the sasaran down, as the Evaluasi
    Renja's) does not hold this tujuan's indicator: 102,14%, no outlier note."""
    respons = _opd(peninjau, BELITUNG, 2024, triwulan=4)
    html = respons.content.decode()
    assert rules.format_persen(respons.context["data"].kinerja.rata_rata_semua()) == "102,14%"
    assert "102,14%" in html and f"* {CATATAN_PMKS}" not in html
    assert "Rata-rata capaian kinerja (Permendagri 86/2017)" in html
    tujuan_1 = respons.context["anak"].baris[0]
    assert rules.format_persen(tujuan_1.sel[4].nilai) == "6.110,00%"  # the mean as computed
    assert "pencilan" in tujuan_1.sel[4].kelas.split() and tujuan_1.sel[4].catatan == CATATAN_PMKS
    # The tujuan's page marks the indicator itself, the reason on hover.
    simpul = respons.context["data"].akar.anak[0]
    respons = peninjau.get(reverse("laporan:dasbor_simpul", args=[BELITUNG, 2024, "tujuan", simpul.objek.pk]))
    (baris,) = respons.context["indikator"].baris
    capaian = baris.sel[4]
    assert rules.format_persen(capaian.nilai) == "6.110,00%" and capaian.kelas == "pencilan"
    assert capaian.catatan.startswith("Capaian di atas 200% (KINERJA_CAPAIAN_PENCILAN)")
    html = respons.content.decode()
    assert f'title="{capaian.catatan}">6.110,00%<sup class="tanda-pencilan">*</sup></td>' in html
    # A sasaran without outliers is not marked.
    sasaran = respons.context["anak"].baris[0].sel[4]
    assert rules.format_persen(sasaran.nilai) == "98,82%" and not sasaran.kelas and not sasaran.catatan


def test_the_overview_notes_the_outliers_in_the_agencys_mean(peninjau):
    respons = peninjau.get(WILAYAH, {"tahun": 2024, "triwulan": 4, "q": "Belitung"})
    html = respons.content.decode()
    (b,) = respons.context["tabel"].baris[:1]
    # The tujuan's 6.110% is not in the agency's rata-rata capaian kinerja (from the sasaran down).
    assert rules.format_persen(b.sel[3].nilai) == "102,14%" and not b.sel[3].catatan
    assert f"* {CATATAN_PMKS}" not in html and "Rata-rata capaian kinerja (Permendagri 86/2017)" in html


def _baris(laporan, kunci_tabel, kunci_baris):
    tabel = next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci_tabel)
    return next(b for b in tabel.baris if b.kunci == kunci_baris)


def test_the_quarterly_evaluation_marks_the_6110_capaian_and_notes_it_in_the_mean_and_the_notes(peninjau, demo):
    laporan = build_evaluasi_triwulan(demo, 2024, 4)
    form1 = laporan.bagian[0]
    pmks = _pmks()
    baris = next(b for b in form1.baris if b.kunci == f"indikator-{pmks.pk}")
    tw4 = baris.sel[-1]
    assert rules.format_persen(tw4.nilai) == "6.110,00%" and "pencilan" in tw4.kelas
    rata = form1.baris[-1].sel[-1]
    assert rata.catatan == CATATAN_PMKS and "pencilan" in rata.kelas
    catatan = [c for c in laporan.catatan if c.startswith("* Capaian di atas 200%")]
    assert catatan == [
        "* Capaian di atas 200% (KINERJA_CAPAIAN_PENCILAN), jauh di atas skala predikat: Persentase penurunan PMKS "
        "per tahun (TW IV) 6.110,00%. Nilainya dicetak dan dirata-ratakan sebagaimana dihitung; periksa target dan "
        "realisasinya."
    ]
    # The workbook carries the note; its number stays a number.
    wb = load_workbook(BytesIO(render_xlsx(laporan)))
    isi = [c for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for c in r]
    assert catatan[0] in isi and 6110 in isi
    # On the report's page (and so in its PDF): the mark beside the number, the reason on hover.
    url = reverse("laporan:laporan_html", args=[BELITUNG, 2024, "evaluasi-triwulan"])
    html = peninjau.get(url, {"triwulan": 4}).content.decode()
    assert f'title="{tw4.catatan}">6.110,00%<sup class="tanda-pencilan">*</sup></td>' in html
    assert catatan[0] in html


def test_the_lkjip_marks_the_outliers_and_keeps_its_means_as_the_seed_prints_them(demo):
    """Seed 003: Tabel 3.3 prints 3.678 (2023) and 6.110 (2024) for the PMKS, Tabel 3.12 the mean
    of Tujuan 1 and Sasaran 1, (6.110 + 98,82) / 2 = 3.104,41."""
    laporan = build_lkjip(demo, 2024)
    pmks = _pmks()
    iku = _baris(laporan, "capaian-iku", f"indikator-{pmks.pk}")
    lalu, kini = iku.sel[5], iku.sel[9]
    assert [rules.format_persen(s.nilai) for s in (lalu, kini)] == ["3.678,00%", "6.110,00%"]
    assert "pencilan" in lalu.kelas and "pencilan" in kini.kelas
    tujuan_1 = pmks.tujuan
    rata = _baris(laporan, "rata-rata-tujuan-sasaran", f"tujuan-{tujuan_1.pk}").sel[3]
    assert rules.format_persen(rata.nilai) == "6.110,00%" and rata.catatan == CATATAN_PMKS
    efektivitas = _baris(laporan, "efektivitas-tujuan-sasaran", f"tujuan-{tujuan_1.pk}").sel[-3]
    assert rules.format_persen(efektivitas.nilai) == "3.104,41%" and efektivitas.catatan == CATATAN_PMKS
    paragraf = " ".join(b.teks for b in laporan.bagian if isinstance(b, Paragraf))
    assert "berada pada kategori Sangat baik. Rata-rata capaian tujuan/sasaran strategis (PermenPAN-RB" in paragraf
    assert f"dihitung sekali). {CATATAN_PMKS}" in paragraf
    (catatan,) = [c for c in laporan.catatan if c.startswith("* Capaian di atas 200%")]
    assert "Persentase penurunan PMKS per tahun (2024) 6.110,00%" in catatan
    assert "Persentase penurunan PMKS per tahun (2023) 3.678,00%" in catatan


def test_the_outlier_threshold_is_a_setting_that_can_be_turned_off(peninjau, settings):
    settings.KINERJA_CAPAIAN_PENCILAN = "7000"
    html = _opd(peninjau, BELITUNG, 2024, triwulan=4).content.decode()
    assert "tanda-pencilan" not in html and "Rata-rata ini memuat" not in html
    settings.KINERJA_CAPAIAN_PENCILAN = "3.000"
    assert (
        "Rata-rata ini memuat 1 capaian di atas 3.000% (6.110,00%)."
        in _opd(peninjau, BELITUNG, 2024, triwulan=4).content.decode()
    )
    settings.KINERJA_CAPAIAN_PENCILAN = ""
    assert dasbor.ambang_pencilan() is None
    assert "tanda-pencilan" not in _opd(peninjau, BELITUNG, 2024, triwulan=4).content.decode()
    settings.KINERJA_CAPAIAN_PENCILAN = "dua ratus"
    with pytest.raises(ImproperlyConfigured, match="KINERJA_CAPAIAN_PENCILAN harus persen"):
        dasbor.ambang_pencilan()


@perlu_pdf
def test_the_printed_quarterly_evaluation_marks_the_outlier_and_names_it_in_its_notes(demo, tmp_path):
    teks, _ = teks_pdf(render_pdf(build_evaluasi_triwulan(demo, 2024, 4)), tmp_path, tata_letak=False)
    teks = " ".join(teks.split())
    assert "6.110,00%*" in teks
    assert "Capaian di atas 200% (KINERJA_CAPAIAN_PENCILAN)" in teks

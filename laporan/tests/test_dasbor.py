"""The dashboards as their users meet them: a reviewer's overview of the demo and a generated
region of forty agencies (sorted, filtered, exported), the drill-down to an indicator, an
operator's home, and who may see what."""

import re
import xml.etree.ElementTree as ET
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import rules
from kinerja.models import Pelaporan, User
from kinerja.selectors import isian_triwulan
from kinerja.tests.factories import operator, verifikator
from renstra.models import Indikator, PerangkatDaerah

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
WILAYAH = reverse("laporan:dasbor_wilayah")
TW_III_2026 = {"tahun": 2026, "triwulan": 3}
DINSOS = "CTH-DINSOS"


@pytest.fixture(scope="module")
def wilayah(django_db_setup, django_db_blocker):
    """The seed demo and the generated region of forty (`demo --sintetis 40 --seed 1`), loaded
    once for the module and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", "--sintetis", "40", "--seed", "1", stdout=StringIO())
        yield PerangkatDaerah.objects.count()
        transaction.set_rollback(True)


@pytest.fixture
def peninjau(client, wilayah):
    client.force_login(verifikator())
    return client


def svg_dari(html, kelas):
    """Every SVG of class `kelas` in a page, parsed."""
    return [ET.fromstring(m) for m in re.findall(rf'<svg [^>]*class="grafik {kelas}".*?</svg>', html, re.S)]


def baris_xlsx(isi, lembar=0):
    ws = load_workbook(BytesIO(isi)).worksheets[lembar]
    return list(ws.iter_rows(values_only=True))


# --- the overview ---------------------------------------------------------------------------


def test_the_overview_of_the_demo_and_forty_agencies_takes_a_fixed_number_of_queries(
    peninjau, wilayah, django_assert_num_queries
):
    assert wilayah == 42
    peninjau.get(WILAYAH, TW_III_2026)  # the read model of capaian filled (kinerja.ringkasan)
    with django_assert_num_queries(18):  # 3 of them renew the session
        respons = peninjau.get(WILAYAH, TW_III_2026)
    assert len(respons.context["data"].baris) == 42
    # The same queries for the nine sub-districts alone.
    with django_assert_num_queries(18):  # 3 of them renew the session
        respons = peninjau.get(WILAYAH, {**TW_III_2026, "q": "Kecamatan"})
    assert len(respons.context["data"].baris) == 9


def test_the_overview_opens_on_the_last_quarter_that_has_ended(client, wilayah, time_machine):
    pengguna = verifikator()
    time_machine.move_to("2026-11-02 09:00+07:00", tick=False)
    client.force_login(pengguna)
    data = client.get(reverse("laporan:dasbor")).context["data"]
    assert (data.tahun, data.triwulan) == (2026, 3)
    time_machine.move_to("2027-02-02 09:00+07:00", tick=False)
    client.force_login(pengguna)
    data = client.get(WILAYAH).context["data"]
    assert (data.tahun, data.triwulan) == (2026, 4)


def test_each_point_of_the_scatter_is_an_agencys_capaian_and_serapan_in_the_table(peninjau):
    respons = peninjau.get(WILAYAH, TW_III_2026)
    html = respons.content.decode()
    (grafik,) = svg_dari(html, "grafik-sebaran")
    titik = {t.get("data-kunci"): (t.get("data-y"), t.get("data-x")) for t in grafik.iter() if t.get("data-kunci")}
    tabel = respons.context["tabel"]
    kolom = [k.teks for k in tabel.kepala[0]]
    c, s = kolom.index("Rata-rata capaian s.d. TW III"), kolom.index("Serapan") + 0
    dari_tabel = {
        b.kunci: (b.sel[c].nilai, b.sel[s].nilai) for b in tabel.baris if b.kunci.startswith("opd-") and b.sel[s].nilai
    }
    assert len(titik) == len(dari_tabel) == 40  # the two seed agencies have no 2026 budget
    for kunci, (capaian, serapan) in dari_tabel.items():
        assert titik[kunci] == (f"{capaian:.2f}".rstrip("0").rstrip("."), f"{serapan:.2f}".rstrip("0").rstrip("."))
        # and the page prints the same numbers
        assert rules.format_persen(capaian) in html and rules.format_persen(serapan) in html


def test_each_bar_counts_the_indicators_per_category_of_the_exported_table(peninjau):
    html = peninjau.get(WILAYAH, TW_III_2026).content.decode()
    batang = svg_dari(html, "grafik-batang")
    xlsx = baris_xlsx(peninjau.get(reverse("laporan:dasbor_wilayah_unduh", args=["xlsx"]), TW_III_2026).content)
    kepala = next(i for i, r in enumerate(xlsx) if r[0] == "No")
    label = [x for x in xlsx[kepala + 1] if x][:6]
    assert label == ["Sangat baik", "Baik", "Cukup", "Kurang", "Sangat kurang", "Belum terukur"]
    awal = xlsx[kepala].index(next(x for x in xlsx[kepala] if x and x.startswith("Indikator per kategori")))
    angka = {r[1]: dict(zip(label, r[awal : awal + 6], strict=True)) for r in xlsx[kepala + 2 :] if r[1]}
    # The first bar is the region's, then one per agency row and the region's total row.
    per_opd = {b.get("aria-label"): b for b in batang[1:]}
    diperiksa = 0
    for nama, jumlah in angka.items():
        if nama not in per_opd or not any(jumlah.values()):
            continue
        bagian = {r.get("data-label"): int(r.get("data-nilai")) for r in per_opd[nama].iter(SVG + "rect")}
        assert bagian == {k: v for k, v in jumlah.items() if v}, nama
        diperiksa += 1
    assert diperiksa == 42  # 40 generated agencies, and the seed agencies' indicators not yet measured
    wilayah = {r.get("data-label"): int(r.get("data-nilai")) for r in batang[0].iter(SVG + "rect")}
    total = next(r for r in xlsx if r[0] and str(r[0]).startswith("Wilayah"))
    assert wilayah == {k: v for k, v in zip(label, total[awal : awal + 6], strict=True) if v}


def test_the_region_row_adds_up_the_agencies(peninjau):
    data = peninjau.get(WILAYAH, TW_III_2026).context["data"]
    assert data.jumlah_indikator == sum(b.jumlah_indikator for b in data.baris)
    assert data.pagu == sum(b.pagu or 0 for b in data.baris)
    assert data.serapan == rules.serapan(sum(b.realisasi or 0 for b in data.baris), data.pagu)
    assert sum(n for _, n in data.per_kuadran) == sum(1 for b in data.baris if b.kuadran)


@pytest.mark.parametrize(
    ("urut", "kunci", "turun"),
    [("capaian", "rata_rata", False), ("-capaian", "rata_rata", True), ("-serapan", "serapan", True)],
)
def test_the_overview_sorts_by_a_column_with_missing_values_last(peninjau, urut, kunci, turun):
    baris = peninjau.get(WILAYAH, {**TW_III_2026, "urut": urut}).context["data"].baris
    nilai = [getattr(b, kunci) for b in baris]
    ada = [v for v in nilai if v is not None]
    assert ada == sorted(ada, reverse=turun) and len(ada) >= 40
    assert all(v is None for v in nilai[len(ada) :])


def test_sorting_by_a_quarter_puts_the_least_advanced_and_late_first(peninjau):
    baris = peninjau.get(WILAYAH, {**TW_III_2026, "urut": "tw3"}).context["data"].baris
    urutan = ["draft", "dikembalikan", "diajukan", "diverifikasi"]
    kunci = [(urutan.index(b.status[2].status), not b.status[2].terlambat) for b in baris]
    assert kunci == sorted(kunci) and kunci[0][0] == 0 and kunci[-1][0] == 3


def test_the_sort_links_keep_the_filters_and_turn_the_order(peninjau):
    html = peninjau.get(WILAYAH, {**TW_III_2026, "kuadran": "Serapan tinggi, capaian rendah", "urut": "capaian"})
    html = html.content.decode()
    assert 'aria-sort="ascending"' in html
    assert "kuadran=Serapan+tinggi%2C+capaian+rendah&amp;urut=-capaian" in html


def test_filters_keep_the_agencies_of_a_quadrant_state_or_lateness(peninjau):
    semua = peninjau.get(WILAYAH, TW_III_2026).context["data"]
    uang_tanpa_hasil = "Serapan tinggi, capaian rendah"
    baris = peninjau.get(WILAYAH, {**TW_III_2026, "kuadran": uang_tanpa_hasil}).context["data"].baris
    assert {b.kuadran for b in baris} == {uang_tanpa_hasil}
    assert len(baris) == dict(semua.per_kuadran)[uang_tanpa_hasil] >= 1
    baris = peninjau.get(WILAYAH, {**TW_III_2026, "status": "dikembalikan"}).context["data"].baris
    assert len(baris) == semua.jumlah_status(3)[0]["dikembalikan"] >= 1
    assert {b.status[2].status for b in baris} == {"dikembalikan"}
    baris = peninjau.get(WILAYAH, {**TW_III_2026, "terlambat": "on"}).context["data"].baris
    assert len(baris) == semua.jumlah_status(3)[1] and all(b.status[2].terlambat for b in baris)
    baris = peninjau.get(WILAYAH, {**TW_III_2026, "kategori": "Sangat baik"}).context["data"].baris
    assert baris and all(b.predikat.label == "Sangat baik" for b in baris)


def test_an_invalid_choice_is_named_in_indonesian_and_nothing_is_computed(peninjau):
    respons = peninjau.get(WILAYAH, {"tahun": "dua ribu", "triwulan": "5"})
    assert respons.status_code == 400
    html = respons.content.decode()
    assert "Tahun: Masukkan sebuah bilangan." in html
    assert "S.d. triwulan: Masukkan pilihan yang valid. 5 bukan salah satu dari pilihan yang tersedia." in html
    assert "data" not in respons.context or respons.context.get("data") is None
    respons = peninjau.get(reverse("laporan:dasbor_wilayah_unduh", args=["xlsx"]), {"triwulan": "5"})
    assert respons.status_code == 400 and "S.d. triwulan" in respons.content.decode()


def test_the_overview_exports_to_xlsx_with_every_agency_and_the_region_total(peninjau):
    respons = peninjau.get(reverse("laporan:dasbor_wilayah_unduh", args=["xlsx"]), TW_III_2026)
    assert respons["Content-Disposition"] == 'attachment; filename="dasbor-wilayah-2026-tw3.xlsx"'
    wb = load_workbook(BytesIO(respons.content))
    assert wb.sheetnames == ["Ringkasan wilayah", "Capaian dan serapan per perangk"]
    baris = list(wb.worksheets[0].iter_rows(values_only=True))
    nama = [r[1] for r in baris if r[0] and str(r[0]).isdigit()]
    assert len(nama) == 42 and "Dinas Sosial Kabupaten Contoh" in nama
    total = next(r for r in baris if r[0] and str(r[0]).startswith("Wilayah (42"))
    data = peninjau.get(WILAYAH, TW_III_2026).context["data"]
    assert data.pagu in total and data.realisasi in total
    # A bar in a cell is its sentence on the sheet.
    sebaran = baris[5].index(next(x for x in baris[5] if x and x.startswith("Indikator per kategori"))) + 6
    per = dict(data.per_predikat)
    assert total[sebaran] == ", ".join(f"{r.label if r else 'Belum terukur'} {n}" for r, n in per.items() if n)


@perlu_pdf
def test_the_overview_exports_to_pdf_with_its_charts_and_table(peninjau, tmp_path):
    respons = peninjau.get(reverse("laporan:dasbor_wilayah_unduh", args=["pdf"]), TW_III_2026)
    assert respons["Content-Type"] == "application/pdf"
    teks, halaman = teks_pdf(respons.content, tmp_path)
    assert "DASBOR KINERJA PERANGKAT DAERAH" in teks
    assert "Capaian tinggi, serapan tinggi" in teks  # the scatter's quadrant names
    assert "Dinas Sosial Kabupaten Contoh" in teks and "Wilayah (42 perangkat daerah)" in teks
    data = peninjau.get(WILAYAH, TW_III_2026).context["data"]
    assert rules.format_persen(data.serapan) in teks
    assert 2 <= halaman <= 6


def test_an_unknown_export_format_is_not_found(peninjau):
    assert peninjau.get(reverse("laporan:dasbor_wilayah_unduh", args=["docx"])).status_code == 404


# --- drill-down ----------------------------------------------------------------------------


def _tautan(html, awal):
    return [a.replace("&amp;", "&") for a in re.findall(rf'href="({re.escape(awal)}[^"]*)"', html)]


def test_a_reviewer_drills_down_from_the_region_to_an_indicator_and_back(peninjau):
    html = peninjau.get(WILAYAH, TW_III_2026).content.decode()
    url_opd = reverse("laporan:dasbor_opd", args=[DINSOS, 2026]) + "?triwulan=3"
    assert url_opd.replace("&", "&amp;") in html
    html = peninjau.get(url_opd).content.decode()
    jalur = [url_opd]
    for level in ("tujuan", "sasaran", "program", "kegiatan", "sub-kegiatan"):
        (url, *_) = _tautan(html, f"/dasbor/{DINSOS}/2026/{level}/")
        respons = peninjau.get(url)
        assert respons.status_code == 200, url
        html = respons.content.decode()
        jalur.append(url)
        # The breadcrumb leads back to every level above.
        for atas in jalur[:-1]:
            assert atas.replace("&", "&amp;") in html
    simpul = respons.context["simpul"]
    assert simpul.level == "sub_kegiatan" and simpul.pagu is not None
    (url, *_) = _tautan(html, f"/dasbor/{DINSOS}/2026/indikator/")
    respons = peninjau.get(url)
    assert respons.status_code == 200
    html = respons.content.decode()
    assert respons.context["indikator"].sub_kegiatan == simpul.objek
    # Reported up to TW III: the fourth quarter is not known yet, not "as good as the third".
    triwulan = respons.context["tabel_triwulan"].baris
    assert [b.sel[3].nilai is not None for b in triwulan] == [True, True, True, False]
    assert triwulan[3].sel[4].catatan == "Belum dilaporkan."
    assert jalur[-1].replace("&", "&amp;") in html  # back to its sub kegiatan


def test_a_node_shows_its_childrens_capaian_and_money_as_computed(peninjau):
    respons = peninjau.get(reverse("laporan:dasbor_opd", args=[DINSOS, 2026]), {"triwulan": 3})
    data = respons.context["data"]
    tabel = respons.context["anak"]
    for b, anak in zip(tabel.baris, data.akar.anak, strict=True):
        assert b.sel[4].nilai == anak.rata_rata and b.sel[6].nilai == anak.pagu
    assert data.akar.pagu == sum(p.pagu for p in data.program)
    # The programs' scatter carries the programs' numbers.
    (grafik,) = svg_dari(respons.content.decode(), "grafik-sebaran")
    titik = {t.get("data-kunci"): t for t in grafik.iter() if t.get("data-kunci")}
    for p in data.program:
        assert titik[p.kunci].get("data-y") == f"{p.rata_rata:.2f}".rstrip("0").rstrip(".")
        assert titik[p.kunci].get("data-x") == f"{p.serapan:.2f}".rstrip("0").rstrip(".")


def test_a_node_exports_its_tables_to_xlsx(peninjau):
    data = peninjau.get(reverse("laporan:dasbor_opd", args=[DINSOS, 2026]), {"triwulan": 3}).context["data"]
    program = data.program[0]
    url = reverse("laporan:dasbor_simpul_unduh", args=[DINSOS, 2026, "program", program.objek.pk])
    respons = peninjau.get(url, {"triwulan": 3})
    wb = load_workbook(BytesIO(respons.content))
    assert wb.sheetnames == ["Rincian", "Indikator"]
    kegiatan = [r[2] for r in wb["Rincian"].iter_rows(values_only=True) if r[1] == "Kegiatan"]
    assert kegiatan == [a.judul for a in program.anak]
    respons = peninjau.get(reverse("laporan:dasbor_opd_unduh", args=[DINSOS, 2026]), {"triwulan": 3})
    assert load_workbook(BytesIO(respons.content)).sheetnames == ["Rincian", "Capaian dan serapan per program"]


def test_the_indicator_page_draws_the_years_of_its_table(peninjau):
    """Seed 003: the IDG of Belitung over 2019–2024, its 2024 capaian 100,07."""
    idg = Indikator.objects.get(
        renstra__opd__kode="DSPPPA-BELITUNG", renstra__tahun_awal=2024, uraian__startswith="Indeks Pem"
    )
    respons = peninjau.get(reverse("laporan:dasbor_indikator", args=["DSPPPA-BELITUNG", 2024, idg.pk]))
    html = respons.content.decode()
    (grafik,) = svg_dari(html, "grafik-garis")
    realisasi = {
        c.get("data-tahun"): c.get("data-nilai")
        for c in grafik.iter(SVG + "circle")
        if c.get("data-seri") == "Realisasi"
    }
    tabel = {b.kunci: b.sel[2].nilai for b in respons.context["tabel_tahunan"].baris}
    assert realisasi == {
        k.removeprefix("tahun-"): f"{v:.2f}".rstrip("0").rstrip(".") for k, v in tabel.items() if v is not None
    }
    assert realisasi["2019"] == "43.07" and realisasi["2023"] == "53.42"
    assert "100,07%" in html
    respons = peninjau.get(reverse("laporan:dasbor_indikator_unduh", args=["DSPPPA-BELITUNG", 2024, idg.pk]))
    assert load_workbook(BytesIO(respons.content)).sheetnames == ["Per triwulan", "Per tahun"]


def test_an_indicator_of_another_agency_or_year_or_an_unknown_node_is_not_found(peninjau):
    idg = Indikator.objects.get(
        renstra__opd__kode="DSPPPA-BELITUNG", renstra__tahun_awal=2024, uraian__startswith="Indeks Pem"
    )
    assert peninjau.get(reverse("laporan:dasbor_indikator", args=[DINSOS, 2026, idg.pk])).status_code == 404
    assert peninjau.get(reverse("laporan:dasbor_indikator", args=["DSPPPA-BELITUNG", 2030, idg.pk])).status_code == 404
    assert peninjau.get(reverse("laporan:dasbor_simpul", args=[DINSOS, 2026, "program", 10**9])).status_code == 404
    assert peninjau.get(reverse("laporan:dasbor_simpul", args=[DINSOS, 2026, "bidang", 1])).status_code == 404
    assert peninjau.get(reverse("laporan:dasbor_opd", args=[DINSOS, 2026]), {"triwulan": "5"}).status_code == 404
    assert peninjau.get(reverse("laporan:dasbor_opd", args=[DINSOS, 2040])).status_code == 404


# --- who sees what -------------------------------------------------------------------------


def test_anonymous_users_are_sent_to_log_in(client, wilayah):
    for url in (reverse("laporan:dasbor"), WILAYAH, reverse("laporan:dasbor_opd", args=[DINSOS, 2026])):
        respons = client.get(url)
        assert respons.status_code == 302 and "/masuk/" in respons["Location"]


def test_an_operator_sees_only_their_agency(client, wilayah):
    client.force_login(operator(PerangkatDaerah.objects.get(kode=DINSOS)))
    baris = client.get(WILAYAH, TW_III_2026).context["data"].baris
    assert [b.opd.kode for b in baris] == [DINSOS]
    assert client.get(reverse("laporan:dasbor_opd", args=["CTH-DINKES", 2026])).status_code == 404
    assert client.get(reverse("laporan:dasbor_opd", args=[DINSOS, 2026])).status_code == 200


def test_an_operators_home_shows_the_returned_quarter_with_the_reviewers_note(client, wilayah, time_machine):
    time_machine.move_to("2026-11-02 09:00+07:00", tick=False)
    opd = PerangkatDaerah.objects.get(kode=DINSOS)
    kembali = Pelaporan.objects.get(opd=opd, tahun=2026, triwulan=3)
    assert kembali.status == Pelaporan.Status.DIKEMBALIKAN
    client.force_login(operator(opd))
    respons = client.get(reverse("laporan:dasbor"))
    html = respons.content.decode()
    data = respons.context["data"]
    assert (data.tahun, data.triwulan, data.terisi) == (2026, 4, 0)
    assert data.jumlah == isian_triwulan(opd, 2026, 4).jumlah > 50
    assert kembali.catatan in html and reverse("kinerja:isian", args=[2026, 3]) in html
    assert "15 Januari 2027" in html
    assert len(data.terendah) == 5 and data.terendah == sorted(data.terendah, key=lambda k: k.capaian)


def test_an_operators_home_without_a_renstra_says_so_and_links_nowhere_dead(client, wilayah):
    opd = PerangkatDaerah.objects.create(kode="DINSOS-BARU", nama="Dinas Sosial Baru")
    client.force_login(operator(opd))
    html = client.get(reverse("laporan:dasbor")).content.decode()
    assert "Belum ada Renstra yang berlaku pada tahun" in html
    assert "/dasbor/DINSOS-BARU/" not in html and "/lkjip/" not in html


def test_a_user_without_an_agency_or_role_is_refused(client, wilayah):
    client.force_login(User.objects.create_user("tamu", password="rahasia-uji-123"))
    assert client.get(reverse("laporan:dasbor")).status_code == 403

"""Security of the reports and dashboards: hostile names and narratives (kinerja/tests/muatan.py)
escaped on every page, printed as they were typed in the PDF, and written as text cells, never
formulas, in every XLSX; numbers stay numbers; every page obeys the Content-Security-Policy."""

import io
from dataclasses import dataclass

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.models import NarasiLaporan
from kinerja.tests import muatan
from kinerja.tests.factories import verifikator
from kinerja.tests.test_ekspor_rumus import MUATAN, PEMBUKA
from laporan.builders import DAFTAR
from laporan.dokumen import (
    Baris,
    Jenis,
    Kepala,
    Kolom,
    Laporan,
    Paragraf,
    Penanda,
    Pohon,
    Sel,
    Tabel,
    nilai,
    teks,
)
from laporan.grafik import Grafik
from laporan.renderers.xlsx import render_xlsx

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db

NARASI_REALISASI = ["permasalahan", "rencana aksi", "tindak lanjut", "keterangan"]
POHON = ["nama perangkat daerah", "uraian program", "uraian indikator", "uraian indikator sasaran"]
LKJIP = ["kata pengantar LKjIP", "faktor pendorong LKjIP"]
SEMESTER = ["permasalahan", "tindak lanjut"]  # of TW I–II in the Laporan Kinerja Semester I


@pytest.fixture
def berbahaya():
    return muatan.buat_dinas_berbahaya()


def url_laporan(d, jenis, format="html"):
    nama = f"laporan:laporan_{format}"
    return reverse(nama, args=[d.opd.kode, 2024, jenis.kode]) + ("?triwulan=1" if jenis.per_triwulan else "")


# What each report shows of the hostile text: on its page, in its PDF, and as whole cells of its XLSX.
@dataclass
class Isi:
    halaman: list
    pdf: list
    xlsx: list
    negatif: bool = False  # has the realisation of -5,01 as a number


ISI_LAPORAN = {
    "evaluasi-triwulan": Isi(
        [*POHON, *NARASI_REALISASI], [*POHON, *NARASI_REALISASI], [*POHON[1:], *NARASI_REALISASI], negatif=True
    ),
    "evaluasi-renja": Isi(POHON, POHON, POHON[:2], negatif=True),
    "matriks-renstra": Isi(POHON, POHON, POHON),
    "perjanjian-kinerja": Isi(POHON[:2] + POHON[3:], POHON[:2] + POHON[3:], POHON[:2] + POHON[3:]),
    "pohon-kinerja": Isi(POHON, POHON, POHON[1:]),
    "berita-acara": Isi(POHON[:1], POHON[:1], []),
    "manual-iku": Isi(POHON[:1], POHON[:1], []),  # the hostile agency flags no IKU
    "lkjip": Isi([*POHON, *LKJIP], [*POHON[:2], POHON[3], *LKJIP], [POHON[1], POHON[3]], negatif=True),
    "laporan-kinerja-semester": Isi([*POHON, *SEMESTER], [*POHON, *SEMESTER], [*POHON[1:], *SEMESTER], negatif=True),
}


def test_every_report_is_checked():
    assert set(ISI_LAPORAN) == {j.kode for j in DAFTAR}


def tidak_tampak(html, nama_isian):
    return [f for f in nama_isian if not muatan.tampak_tersaring(html, muatan.ISIAN[f])]


# ---------------------------------------------------------------------------------------------
# Report pages, PDF and XLSX
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("jenis", DAFTAR, ids=lambda j: j.kode)
def test_a_report_page_shows_hostile_text_escaped(client, berbahaya, jenis):
    client.force_login(berbahaya.operator)

    respons = client.get(url_laporan(berbahaya, jenis))

    assert respons.status_code == 200
    assert muatan.masalah_halaman(respons) == []
    assert tidak_tampak(respons.content.decode(), ISI_LAPORAN[jenis.kode].halaman) == []


@perlu_pdf
@pytest.mark.parametrize("jenis", DAFTAR, ids=lambda j: j.kode)
def test_a_report_pdf_prints_hostile_text_as_it_was_typed(client, berbahaya, jenis, tmp_path):
    client.force_login(berbahaya.operator)

    respons = client.get(url_laporan(berbahaya, jenis, "pdf"))

    assert respons.status_code == 200
    teks_cetak, _ = teks_pdf(respons.content, tmp_path, tata_letak=False)
    polos = muatan.tanpa_spasi(teks_cetak)  # a long name breaks over lines in a narrow column
    diharapkan = ISI_LAPORAN[jenis.kode].pdf
    assert [f for f in diharapkan if muatan.tanpa_spasi(muatan.ISIAN[f]) not in polos] == []
    assert "&lt;" not in teks_cetak and "&quot;" not in teks_cetak


@pytest.mark.parametrize("jenis", DAFTAR, ids=lambda j: j.kode)
def test_a_report_xlsx_writes_formula_like_text_as_text_and_numbers_as_numbers(client, berbahaya, jenis):
    client.force_login(berbahaya.operator)

    respons = client.get(url_laporan(berbahaya, jenis, "xlsx"))

    assert respons.status_code == 200
    sel = muatan.sel_xlsx(respons.content)
    assert muatan.rumus_dalam(respons.content) == []
    isi = ISI_LAPORAN[jenis.kode]
    for f in isi.xlsx:
        assert "s" in {j for _, _, v, j in sel if v == muatan.ISIAN[f]}, f
    negatif = {j for _, _, v, j in sel if v == -5.01}
    assert negatif == ({"n"} if isi.negatif else set())
    assert not [v for _, _, v, _ in sel if v == "-5,01"]


@pytest.mark.parametrize("rumus", ['=HYPERLINK("http://contoh.invalid","klik")', *MUATAN], ids=repr)
def test_the_xlsx_renderer_writes_every_kind_of_text_as_a_string_cell(rumus):
    """Every place render_xlsx writes text: title, keterangan, paragraph and its heading, table
    title, header, body cells (text, a word instead of a number, a value given as text, a chart's
    description, an uncomputable value's note), table and report notes, signature blocks, a tree's
    table. Text a spreadsheet could run as a formula (OWASP's list, kinerja/tests/test_ekspor_rumus.py)
    is a string cell marked as text, so that editing the cell does not make it a formula either."""

    def tabel(nama):
        sel = [
            teks(rumus),
            Sel(5, Jenis.RUPIAH, teks=rumus),
            nilai(rumus),
            Sel(Grafik("<svg/>", "Grafik", rumus), Jenis.GRAFIK),
            Sel(None, Jenis.PERSEN, catatan=rumus),
            nilai(-5),
        ]
        kepala = [[Kepala(rumus) for _ in sel]]
        return Tabel(nama, [Kolom() for _ in sel], kepala, [Baris(sel)], judul=rumus, catatan=[rumus])

    laporan = Laporan(
        kode="uji",
        judul=[rumus],
        keterangan=[("Perangkat daerah", rumus)],
        bagian=[Paragraf(rumus, judul=rumus), tabel("Tabel"), Pohon("Pohon", [], tabel("Pohon"))],
        penanda=[Penanda(jabatan=rumus, nama=rumus, pangkat=rumus, tempat=rumus, sebutan=rumus)],
        catatan=[rumus],
    )

    isi = render_xlsx(laporan)

    sel = muatan.sel_xlsx(isi)
    assert muatan.rumus_dalam(isi) == []
    assert tanpa_tanda_teks(isi) == []
    # Each of the two sheets: title, table title, 6 header cells, 4 text body cells, a table note;
    # then the paragraph and its heading, the report's note and 5 lines of the signature block.
    # (A spreadsheet's text keeps a line break as LF.)
    assert len([v for _, _, v, j in sel if j == "s" and v == rumus.replace("\r", "\n")]) == 2 * 13 + 2 + 1 + 5
    assert {j for _, _, v, j in sel if v == -5} == {"n"}


def tanpa_tanda_teks(isi):
    """The cells of a workbook whose text begins like a formula but are not marked as text."""
    return [
        (ws.title, c.coordinate, c.value)
        for ws in load_workbook(io.BytesIO(isi)).worksheets
        for baris in ws.iter_rows()
        for c in baris
        if isinstance(c.value, str) and c.value.lstrip(" ").startswith(PEMBUKA) and not c.quotePrefix
    ]


# ---------------------------------------------------------------------------------------------
# The LKjIP's narrative pages
# ---------------------------------------------------------------------------------------------


def url_narasi(d, nama, bagian="kata_pengantar"):
    url = reverse(f"laporan:{nama}", args=[d.opd.kode, 2024, bagian])
    return url + (f"?indikator={d.iku.pk}" if bagian == "faktor_pendorong" else "")


@pytest.mark.parametrize(
    ("nama", "bagian", "tampak"),
    [
        ("narasi_tampil", "kata_pengantar", LKJIP[:1]),
        ("narasi_ubah", "kata_pengantar", ["nama perangkat daerah", LKJIP[0]]),
        ("narasi_riwayat", "kata_pengantar", ["nama perangkat daerah", LKJIP[0]]),
        ("narasi_tampil", "faktor_pendorong", LKJIP[1:]),
        ("narasi_ubah", "faktor_pendorong", LKJIP[1:]),
    ],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["halaman", "htmx"])
def test_the_narrative_pages_show_hostile_text_escaped(client, berbahaya, nama, bagian, tampak, htmx):
    client.force_login(berbahaya.operator)

    respons = client.get(url_narasi(berbahaya, nama, bagian), headers={"HX-Request": "true"} if htmx else {})

    assert respons.status_code == 200
    assert muatan.masalah_halaman(respons) == []
    assert tidak_tampak(respons.content.decode(), tampak if not htmx else tampak[-1:]) == []


def test_a_section_typed_with_markup_is_stored_as_typed_and_shown_escaped(client, berbahaya):
    NarasiLaporan.objects.filter(bagian=NarasiLaporan.Bagian.KATA_PENGANTAR).delete()
    client.force_login(berbahaya.operator)

    client.post(url_narasi(berbahaya, "narasi_ubah"), {"teks": muatan.KATA_PENGANTAR, "versi": 0})

    assert NarasiLaporan.objects.get(bagian="kata_pengantar").teks == muatan.KATA_PENGANTAR
    respons = client.get(url_laporan(berbahaya, next(j for j in DAFTAR if j.kode == "lkjip")))
    assert muatan.masalah_halaman(respons) == []
    assert muatan.tampak_tersaring(respons.content.decode(), muatan.KATA_PENGANTAR)


# ---------------------------------------------------------------------------------------------
# Dashboards
# ---------------------------------------------------------------------------------------------


@dataclass
class Dasbor:
    siapa: str
    url: object  # d -> URL
    tampak: list


def _dasbor(nama, *args):
    return lambda d: reverse(f"laporan:{nama}", args=[a(d) if callable(a) else a for a in args])


def kode(d):
    return d.opd.kode


DASBOR = {
    "beranda-operator": Dasbor(
        "operator",
        _dasbor("dasbor"),
        ["nama perangkat daerah", "uraian indikator", "uraian indikator sasaran", "catatan verifikator"],
    ),
    "opd": Dasbor("operator", lambda d: _dasbor("dasbor_opd", kode, 2024)(d) + "?triwulan=1", POHON[:2]),
    "program": Dasbor(
        "operator",
        lambda d: _dasbor("dasbor_simpul", kode, 2024, "program", lambda d: d.program.pk)(d) + "?triwulan=1",
        POHON[:2],
    ),
    "indikator": Dasbor(
        "operator",
        lambda d: _dasbor("dasbor_indikator", kode, 2024, lambda d: d.indikator.pk)(d) + "?triwulan=1",
        ["nama perangkat daerah", "uraian indikator", *NARASI_REALISASI],
    ),
    "indikator-sasaran": Dasbor(
        "operator",
        lambda d: _dasbor("dasbor_indikator", kode, 2024, lambda d: d.iku.pk)(d) + "?triwulan=4",
        ["nama perangkat daerah", "uraian indikator sasaran"],
    ),
    "wilayah": Dasbor("verifikator", lambda d: _dasbor("dasbor_wilayah")(d) + "?tahun=2024&triwulan=1", POHON[:1]),
    "daftar-laporan": Dasbor("verifikator", lambda d: _dasbor("daftar")(d) + "?tahun=2024", POHON[:1]),
}


def masuk(client, d, siapa):
    client.force_login(d.operator if siapa == "operator" else verifikator())


@pytest.mark.parametrize("nama", DASBOR)
def test_a_dashboard_shows_hostile_text_escaped(client, berbahaya, nama):
    dasbor = DASBOR[nama]
    masuk(client, berbahaya, dasbor.siapa)

    respons = client.get(dasbor.url(berbahaya))

    assert respons.status_code == 200
    assert muatan.masalah_halaman(respons) == []
    assert tidak_tampak(respons.content.decode(), dasbor.tampak) == []


# (who, URL, texts written as whole cells, has the realisation of -5,01)
UNDUHAN_DASBOR = {
    "opd": ("operator", lambda d: _dasbor("dasbor_opd_unduh", kode, 2024)(d) + "?triwulan=1", [], False),
    "program": (
        "operator",
        lambda d: _dasbor("dasbor_simpul_unduh", kode, 2024, "program", lambda d: d.program.pk)(d) + "?triwulan=1",
        [],
        False,
    ),
    "indikator": (
        "operator",
        lambda d: _dasbor("dasbor_indikator_unduh", kode, 2024, lambda d: d.indikator.pk)(d),
        [muatan.URAIAN_INDIKATOR],
        False,
    ),
    "indikator-negatif": (
        "operator",
        lambda d: _dasbor("dasbor_indikator_unduh", kode, 2024, lambda d: d.negatif.pk)(d),
        [],
        True,
    ),
    "wilayah": (
        "verifikator",
        lambda d: _dasbor("dasbor_wilayah_unduh", "xlsx")(d) + "?tahun=2024&triwulan=1",
        [muatan.NAMA_OPD],
        False,
    ),
}


@pytest.mark.parametrize("nama", UNDUHAN_DASBOR)
def test_a_dashboard_xlsx_writes_formula_like_text_as_text_and_numbers_as_numbers(client, berbahaya, nama):
    siapa, url, utuh, negatif = UNDUHAN_DASBOR[nama]
    masuk(client, berbahaya, siapa)

    respons = client.get(url(berbahaya))

    assert respons.status_code == 200 and respons["Content-Disposition"].startswith("attachment;")
    sel = muatan.sel_xlsx(respons.content)
    assert muatan.rumus_dalam(respons.content) == []
    assert [t for t in utuh if "s" not in {j for _, _, v, j in sel if v == t}] == []
    assert any(isinstance(v, str) and muatan.NAMA_OPD in v for _, _, v, _ in sel)
    assert {j for _, _, v, j in sel if v == -5.01} == ({"n"} if negatif else set())


@perlu_pdf
def test_the_region_pdf_prints_a_hostile_agency_name_as_it_was_typed(client, berbahaya, tmp_path):
    client.force_login(verifikator())

    respons = client.get(reverse("laporan:dasbor_wilayah_unduh", args=["pdf"]), {"tahun": 2024, "triwulan": 1})

    teks_cetak, _ = teks_pdf(respons.content, tmp_path, tata_letak=False)
    assert muatan.tanpa_spasi(muatan.NAMA_OPD) in muatan.tanpa_spasi(teks_cetak)


# ---------------------------------------------------------------------------------------------
# Content-Security-Policy
# ---------------------------------------------------------------------------------------------


def test_a_report_page_sets_its_column_widths_in_styles_carrying_the_nonce_of_its_own_header(client, berbahaya):
    client.force_login(berbahaya.operator)
    url = url_laporan(berbahaya, DAFTAR[0])

    pertama, kedua = client.get(url), client.get(url)

    nonce = []
    for respons in (pertama, kedua):
        arahan = muatan.arahan_csp(respons)
        assert arahan["script-src"] == ["'self'"]
        gaya = [a for tag, a in muatan.tag_html(respons.content.decode()) if tag == "style"]
        assert len(gaya) >= 2  # the report font and a table's column widths
        assert arahan["style-src"] == ["'self'", f"'nonce-{gaya[0]['nonce']}'"]
        assert muatan.masalah_csp(respons) == []
        nonce.append(gaya[0]["nonce"])
    assert nonce[0] != nonce[1]

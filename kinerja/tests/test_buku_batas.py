"""Hostile workbooks against the workbook reader's limits (issue item 6, "Import memory"): files
of well under 1 MB that expand to hundreds of MB, declare the whole 16.384 × 1.048.576 grid, put
a few cells at its far corners, hold thousands of parts or lie about their sizes. Each is
refused with an Indonesian message that names the limit and what to do, before openpyxl parses
anything where the check is on the archive, and always with little memory; a declaration that
is merely wrong is ignored. Normal workbooks are read exactly as openpyxl's own read-only mode
reads them.

The workbooks are built here: openpyxl writes a small one, and zipfile rewrites its XML.
"""

import contextlib
import datetime
import functools
import io
import random
import struct
import time
import tracemalloc
import zipfile
from decimal import Decimal

import hypothesis
import openpyxl
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from kinerja import importers, rules
from kinerja.importers.buku import MAKS_BARIS, baca_buku
from kinerja.importers.hasil import BerkasDitolak
from kinerja.tests.seed_xlsx import (
    SEED_ANGGARAN,
    baris_evaluasi_triwulan,
    baris_matriks_renstra,
    baris_seed,
    cari_baris,
)
from kinerja.tests.test_impor_rusak import periksa_pesan
from renstra.tests.factories import PerangkatDaerahFactory

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
LEMBAR = "xl/worksheets/sheet1.xml"
SST = "xl/sharedStrings.xml"
MB = 1024 * 1024
BATAS_MB = 10  # KINERJA_UKURAN_IMPOR_MB of the tests
PUNCAK_MB = 50  # memory the reader may take for any file refused or read here


# ---------------------------------------------------------------------------------------------
# Workbooks
# ---------------------------------------------------------------------------------------------


@functools.cache
def _dasar():
    """A one-sheet workbook ("Data") as openpyxl writes it."""
    buku = openpyxl.Workbook()
    buku.active.title = "Data"
    buku.active["A1"] = "Kode"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def lembar_xml(isi, dimensi=None):
    """A worksheet whose sheetData is `isi` (text), declaring `dimensi` when given."""
    dim = f'<dimension ref="{dimensi}"/>' if dimensi else ""
    return f'<worksheet xmlns="{NS}">{dim}<sheetData>{isi}</sheetData></worksheet>'.encode()


def sel(ref, nilai=None, gaya=None):
    """A cell: a number, an inline text, or (nilai None) an empty cell, styled when `gaya`."""
    s = f' s="{gaya}"' if gaya is not None else ""
    if nilai is None:
        return f'<c r="{ref}"{s}/>'
    if isinstance(nilai, str):
        return f'<c r="{ref}"{s} t="inlineStr"><is><t>{nilai}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{nilai}</v></c>'


def baris(nomor, *sel_sel):
    return f'<row r="{nomor}">{"".join(sel_sel)}</row>'


def buku(lembar=None, tambah=None, besar=None):
    """The base workbook with sheet1 replaced by `lembar` (bytes), members `tambah` {name: bytes}
    added, and `besar` = (name, head, piece, count, tail) written streaming (piece × count)."""
    asal, keluaran = zipfile.ZipFile(io.BytesIO(_dasar())), io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for nama in asal.namelist():
            data = asal.read(nama)
            if nama == LEMBAR and lembar is not None:
                data = lembar
            if nama == "[Content_Types].xml" and (SST in (tambah or {}) or (besar and besar[0] == SST)):
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            if besar and nama == besar[0]:
                continue
            z.writestr(nama, data)
        for nama, data in (tambah or {}).items():
            z.writestr(nama, data)
        if besar:
            nama, kepala, potongan, kali, ekor = besar
            with z.open(nama, "w", force_zip64=True) as f:
                f.write(kepala)
                per_blok = max(1, MB // len(potongan))
                penuh, sisa = divmod(kali, per_blok)
                for _ in range(penuh):
                    f.write(potongan * per_blok)
                f.write(potongan * sisa + ekor)
    return keluaran.getvalue()


def berbohong(data, nama, ukuran_palsu):
    """`data` with the uncompressed size of member `nama` written as `ukuran_palsu` in both its
    local header and its central directory entry."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(nama)
    hasil = bytearray(data)
    struct.pack_into("<I", hasil, info.header_offset + 22, ukuran_palsu)
    posisi = hasil.find(b"PK\x01\x02")
    while posisi != -1:
        panjang_nama = struct.unpack_from("<H", hasil, posisi + 28)[0]
        if bytes(hasil[posisi + 46 : posisi + 46 + panjang_nama]) == nama.encode():
            struct.pack_into("<I", hasil, posisi + 24, ukuran_palsu)
            break
        posisi = hasil.find(b"PK\x01\x02", posisi + 4)
    return bytes(hasil)


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def ukur():
    """Peak memory (MB, tracemalloc) and seconds of the block: `with ukur() as u: ...; u["mb"]`."""
    hasil = {}
    tracemalloc.start()
    mulai = time.perf_counter()
    try:
        yield hasil
    finally:
        hasil["detik"] = time.perf_counter() - mulai
        hasil["mb"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()


@pytest.fixture
def load_workbook_dipanggil(monkeypatch):
    """The calls of openpyxl.load_workbook made while the test runs."""
    panggilan = []
    asli = openpyxl.load_workbook

    def catat(*args, **kwargs):
        panggilan.append(args)
        return asli(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", catat)
    return panggilan


def tolak(data):
    """The message `baca_buku` refuses `data` with, within PUNCAK_MB."""
    with ukur() as u, pytest.raises(BerkasDitolak) as e:
        baca_buku(io.BytesIO(data), BATAS_MB)
    assert u["mb"] < PUNCAK_MB, f"{u['mb']:.0f} MB"
    return e.value.pesan


def baca(data):
    """The sheets of `data` as {name: rows}, read within PUNCAK_MB."""
    with ukur() as u:
        lembar = baca_buku(io.BytesIO(data), BATAS_MB)
    assert u["mb"] < PUNCAK_MB, f"{u['mb']:.0f} MB"
    return {lb.nama: lb.baris for lb in lembar}


def tanpa_iter_rows(monkeypatch):
    """openpyxl's iter_rows pads every row to the declared width, or to its last (even empty,
    formatted) cell: the reader must not go through it (how long that took belongs in the
    benchmark, not in a test)."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def dilarang(*args, **kwargs):
        raise AssertionError("iter_rows dipakai")

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", dilarang)
    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", dilarang)


# ---------------------------------------------------------------------------------------------
# The archive, checked before openpyxl parses anything
# ---------------------------------------------------------------------------------------------


@functools.cache
def bom_teks_bersama():
    """About 300 MB of shared strings (the same text again and again) in well under 1 MB."""
    potongan = b"<si><t>" + b"Capaian Kinerja " * 62 + b"</t></si>"
    kali = 300 * MB // len(potongan)
    return buku(besar=(SST, f'<sst xmlns="{NS}">'.encode(), potongan, kali, b"</sst>"))


def test_a_zip_bomb_of_shared_strings_is_refused_by_its_uncompressed_size(load_workbook_dipanggil):
    data = bom_teks_bersama()
    assert len(data) < MB
    urai = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())

    pesan = tolak(data)

    mb = rules.format_angka(Decimal(urai) / MB, 1)
    assert pesan == (
        f"Berkas ini berisi {mb} MB data setelah kompresinya dibuka; paling banyak 100 MB. "
        "Pisahkan per bidang atau per lembar, atau hapus lembar dan gambar yang tidak diperlukan."
    )
    assert load_workbook_dipanggil == []


def test_a_sheet_that_compresses_a_thousandfold_is_refused_as_a_zip_bomb(load_workbook_dipanggil):
    potongan = baris(1, sel("A1", "x")).replace(' r="1"', "").replace(' r="A1"', "").encode()
    kepala, ekor = f'<worksheet xmlns="{NS}"><sheetData>'.encode(), b"</sheetData></worksheet>"
    data = buku(besar=(LEMBAR, kepala, potongan, 20 * MB // len(potongan), ekor))
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(LEMBAR)
    assert info.file_size > 100 * info.compress_size

    pesan = tolak(data)

    assert pesan.startswith('Berkas ini berisi lembar "Data" yang dimampatkan ')
    assert pesan.endswith(
        "; buku kerja biasa paling banyak 100 kali. Berkas seperti ini biasanya bukan buatan Excel atau "
        "LibreOffice: buka tabelnya di salah satu program itu, simpan lagi, lalu unggah."
    )
    assert load_workbook_dipanggil == []


@functools.cache
def teks_bersama_besar():
    """12 MB of shared strings that do not compress much (random hexadecimal text)."""
    acak = random.Random(12)
    isi = b"".join(b"<si><t>" + acak.randbytes(500).hex().encode() + b"</t></si>" for _ in range(12 * MB // 1015))
    return buku(tambah={SST: f'<sst xmlns="{NS}">'.encode() + isi + b"</sst>"})


def test_shared_strings_beyond_the_limit_of_parts_read_whole_are_refused(load_workbook_dipanggil):
    pesan = tolak(teks_bersama_besar())

    assert pesan.startswith("Berkas ini berisi 12,")
    assert " MB gaya sel, teks bersama dan bagian lain di luar isi lembar (terbesar " in pesan
    assert '"xl/sharedStrings.xml", 12,' in pesan
    assert pesan.endswith(
        "); paling banyak 10 MB. Hapus lembar, gaya sel dan teks yang tidak diperlukan, atau salin tabelnya "
        "sebagai nilai ke buku kerja baru lalu simpan lagi."
    )
    assert load_workbook_dipanggil == []


def test_a_workbook_of_too_many_parts_is_refused(load_workbook_dipanggil):
    data = buku(tambah={f"xl/media/gambar{i}.png": b"" for i in range(1_500)})

    pesan = tolak(data)

    jumlah = rules.format_angka(len(zipfile.ZipFile(io.BytesIO(data)).infolist()), 0)
    assert pesan == (
        f"Berkas ini berisi {jumlah} bagian (lembar, gambar, gaya sel dan sebagainya); paling banyak 1.000. "
        "Salin tabelnya ke buku kerja baru lalu simpan sebagai .xlsx."
    )
    assert load_workbook_dipanggil == []


def test_a_part_that_lies_about_its_size_is_refused_as_damaged(load_workbook_dipanggil):
    isi = "".join(baris(n, sel(f"A{n}", f"baris {n}"), sel(f"B{n}", n)) for n in range(1, 50_001))
    data = buku(lembar=lembar_xml(isi))
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo(LEMBAR).file_size > 3 * MB

    pesan = tolak(berbohong(data, LEMBAR, 1_000))

    assert pesan == "Berkas XLSX rusak atau tidak dapat dibaca (BadZipFile)."
    assert load_workbook_dipanggil == []


def test_a_document_type_declaration_is_refused_as_damaged(load_workbook_dipanggil):
    entitas = '<!ENTITY a "kinerja kinerja kinerja">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(6)
    )
    data = buku(
        lembar=f'<?xml version="1.0"?><!DOCTYPE worksheet [{entitas}]>'.encode()
        + lembar_xml(baris(1, sel("A1", "&g;")))
    )

    assert tolak(data) == "Berkas XLSX rusak atau tidak dapat dibaca (DOCTYPE)."
    assert load_workbook_dipanggil == []


def test_more_row_elements_than_the_row_limit_are_refused_before_parsing(load_workbook_dipanggil):
    isi = "".join(f'<row r="{n}" ht="20" customHeight="1"/>' for n in range(1, MAKS_BARIS + 2))
    data = buku(lembar=lembar_xml(isi + baris(MAKS_BARIS + 2, sel("A1", "x"))))

    assert tolak(data) == (
        'Berkas ini berisi lebih dari 100.000 baris (sampai lembar "Data"; baris kosong yang berformat ikut '
        "terhitung). Hapus baris kosong di bawah tabel, atau pisahkan per bidang atau per lembar."
    )
    assert load_workbook_dipanggil == []


def test_a_row_of_more_cells_than_excel_has_columns_is_refused_as_damaged(load_workbook_dipanggil):
    data = buku(lembar=lembar_xml("<row>" + "<c><v>1</v></c>" * 20_000 + "</row>"))

    assert tolak(data) == (
        'Berkas XLSX rusak: lembar "Data" memuat satu baris dengan lebih dari 16.384 sel, padahal Excel '
        "paling banyak 16.384 kolom. Buka tabelnya di Excel atau LibreOffice, simpan lagi, lalu unggah."
    )
    assert load_workbook_dipanggil == []


def test_rows_in_a_sheet_encoded_as_utf16_are_counted_all_the_same(load_workbook_dipanggil):
    isi = "".join(f'<row r="{n}"/>' for n in range(1, MAKS_BARIS + 2))
    xml = lembar_xml(isi).decode()
    data = buku(lembar=('<?xml version="1.0" encoding="UTF-16"?>' + xml).encode("utf-16"))

    assert tolak(data).startswith('Berkas ini berisi lebih dari 100.000 baris (sampai lembar "Data"; ')
    assert load_workbook_dipanggil == []


def test_deeply_nested_elements_are_refused_as_damaged(load_workbook_dipanggil):
    sarang = "<a>" * 200_000 + "</a>" * 200_000
    data = buku(lembar=f'<worksheet xmlns="{NS}"><sheetData/>{sarang}</worksheet>'.encode())

    assert tolak(data) == "Berkas XLSX rusak atau tidak dapat dibaca (kedalaman XML)."
    assert load_workbook_dipanggil == []


def test_a_row_of_too_many_elements_is_refused_as_damaged(load_workbook_dipanggil):
    runs = "<r><t>x</t></r>" * 60_000
    data = buku(lembar=lembar_xml(f'<row r="1"><c r="A1" t="inlineStr"><is>{runs}</is></c></row>'))

    assert tolak(data) == "Berkas XLSX rusak atau tidak dapat dibaca (baris XML terlalu besar)."
    assert load_workbook_dipanggil == []


def test_the_uncompressed_limit_is_read_from_settings(settings):
    settings.KINERJA_IMPOR_MAKS_URAI_MB = 1
    isi = "".join(baris(n, sel(f"A{n}", f"baris {n}")) for n in range(1, 30_001))

    pesan = tolak(buku(lembar=lembar_xml(isi)))

    assert "; paling banyak 1 MB. " in pesan


# ---------------------------------------------------------------------------------------------
# The sheets, streamed
# ---------------------------------------------------------------------------------------------


def test_a_tiny_sheet_declaring_the_whole_grid_is_read_as_the_cells_it_holds():
    isi = baris(1, sel("A1", "Kode"), sel("B1", 1)) + baris(3, sel("B3", "Program"))

    lembar = baca(buku(lembar=lembar_xml(isi, dimensi="A1:XFD1048576")))

    assert lembar == {"Data": [["Kode", 1], [], [None, "Program"]]}


def test_a_long_sheet_declaring_the_whole_grid_is_read_without_padding_its_rows(monkeypatch):
    tanpa_iter_rows(monkeypatch)
    n = 30_000
    isi = "".join(baris(r, sel(f"A{r}", r), sel(f"B{r}", "x")) for r in range(1, n + 1))
    data = buku(lembar=lembar_xml(isi, dimensi="A1:XFD1048576"))

    assert baca(data) == {"Data": [[r, "x"] for r in range(1, n + 1)]}


def test_a_sheet_declaring_less_than_it_holds_is_read_whole():
    isi = "".join(baris(n, sel(f"A{n}", n), sel(f"D{n}", f"x{n}")) for n in range(1, 6))

    lembar = baca(buku(lembar=lembar_xml(isi, dimensi="A1:B2")))

    assert lembar == {"Data": [[n, None, None, f"x{n}"] for n in range(1, 6)]}


@pytest.mark.parametrize(
    ("ref", "kolom", "maks"),
    [
        pytest.param("XFD3", "16.384", None, id="kolom-terakhir-excel"),
        pytest.param("ALM3", "1.001", None, id="satu-kolom-lewat-batas"),
        pytest.param("K3", "11", 10, id="batas-dari-settings"),
    ],
)
def test_a_value_beyond_the_column_limit_is_refused_naming_its_cell(settings, ref, kolom, maks):
    if maks:
        settings.KINERJA_IMPOR_MAKS_KOLOM = maks
    isi = baris(1, sel("A1", "Kode")) + baris(3, sel("A3", 1), sel(ref, "lupa dihapus"))

    pesan = tolak(buku(lembar=lembar_xml(isi, dimensi="A1:XFD1048576")))

    batas = f"{maks or 1_000:,}".replace(",", ".")
    assert pesan == (
        f'Berkas ini berisi isian di luar batas kolom: lembar "Data", sel {ref} (kolom ke-{kolom}); paling banyak '
        f"{batas} kolom. Hapus kolom di kanan tabel lalu simpan lagi."
    )


def test_styled_empty_cells_far_to_the_right_cost_nothing(monkeypatch):
    tanpa_iter_rows(monkeypatch)
    n = 30_000
    isi = "".join(baris(r, sel(f"A{r}", r), sel(f"B{r}", "x"), sel(f"XFD{r}", gaya=0)) for r in range(1, n + 1))

    data = buku(lembar=lembar_xml(isi))

    assert baca(data) == {"Data": [[r, "x"] for r in range(1, n + 1)]}


def test_a_value_beyond_the_row_limit_is_refused_naming_its_row():
    isi = baris(1, sel("A1", "Kode")) + baris(1_048_576, sel("A1048576", "JUMLAH"))

    assert tolak(buku(lembar=lembar_xml(isi, dimensi="A1:XFD1048576"))) == (
        'Berkas ini berisi lebih dari 100.000 baris (lembar "Data" berisi isian di baris 1.048.576). '
        "Hapus baris di bawah tabel, atau pisahkan per bidang atau per lembar."
    )


def test_an_empty_styled_row_at_the_bottom_of_the_sheet_is_ignored():
    isi = baris(1, sel("A1", "Kode")) + baris(2, sel("A2", 7)) + baris(1_048_576, sel("A1048576", gaya=0))

    assert baca(buku(lembar=lembar_xml(isi, dimensi="A1:Z1048576"))) == {"Data": [["Kode"], [7]]}


def test_cells_beyond_the_cell_limit_are_refused(settings):
    settings.KINERJA_IMPOR_MAKS_SEL = 1_000
    isi = "".join(baris(r, *(sel(f"{chr(65 + k)}{r}", r * k) for k in range(20))) for r in range(1, 61))

    assert tolak(buku(lembar=lembar_xml(isi))) == (
        'Berkas ini berisi lebih dari 1.000 sel (sampai lembar "Data" baris 51). Hapus kolom dan baris yang '
        "tidak diperlukan, atau pisahkan per bidang atau per lembar."
    )


def test_the_pipeline_shows_each_refusal_as_an_indonesian_problem_of_the_file(db):
    hostile = [
        bom_teks_bersama(),
        teks_bersama_besar(),
        buku(lembar=lembar_xml("<row>" + "<c><v>1</v></c>" * 20_000 + "</row>")),
        buku(lembar=lembar_xml(baris(1_048_576, sel("A1048576", "JUMLAH")))),
        buku(lembar=lembar_xml(baris(3, sel("XFD3", "x")))),
    ]
    for data in hostile:
        hasil = importers.jalankan("matriks-renstra", io.BytesIO(data), opd=PerangkatDaerahFactory(), tahun=2025)

        assert not hasil.sah and len(hasil.galat) == 1
        periksa_pesan(hasil)


# ---------------------------------------------------------------------------------------------
# Normal workbooks: read as before
# ---------------------------------------------------------------------------------------------


def baca_seperti_openpyxl(data):
    """The reader as it was before the limits: openpyxl's read-only rows, values only, trailing
    empty cells and rows dropped."""
    buku_kerja = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    hasil = {}
    for ws in buku_kerja.worksheets:
        daftar = []
        for isi in ws.iter_rows(values_only=True):
            isi = list(isi)
            while isi and isi[-1] in (None, ""):
                isi.pop()
            daftar.append(isi)
        while daftar and not daftar[-1]:
            daftar.pop()
        hasil[ws.title] = daftar
    buku_kerja.close()
    return hasil


def _xlsx(lembar):
    buku_kerja = openpyxl.Workbook()
    buku_kerja.remove(buku_kerja.active)
    for nama, daftar in lembar.items():
        ws = buku_kerja.create_sheet(nama)
        for isi in daftar:
            ws.append([c if c != "" else None for c in isi])
    keluaran = io.BytesIO()
    buku_kerja.save(keluaran)
    return keluaran.getvalue()


def _dengan_komentar():
    """A workbook with a comment, whose legacy VML drawing is made as Excel writes it: HTML-like,
    not well-formed XML (`<br>` left open). Read-only mode never reads it; neither do the checks."""
    buku_kerja = openpyxl.Workbook()
    buku_kerja.active.title = "Data"
    buku_kerja.active.append(["Kode", "Uraian"])
    buku_kerja.active["B1"].comment = openpyxl.comments.Comment("Isi sesuai Renstra", "Admin")
    keluaran = io.BytesIO()
    buku_kerja.save(keluaran)
    asal, hasil = zipfile.ZipFile(keluaran), io.BytesIO()
    with zipfile.ZipFile(hasil, "w", zipfile.ZIP_DEFLATED) as z:
        for nama in asal.namelist():
            data = asal.read(nama)
            if nama.endswith(".vml"):
                data = data.replace(b"</xml>", b"<br></xml>")
            z.writestr(nama, data)
    assert any(n.endswith(".vml") for n in asal.namelist())
    return hasil.getvalue()


def _seed_anggaran():
    awal = cari_baris(SEED_ANGGARAN, "Tabel 3.43")
    return baris_seed(SEED_ANGGARAN, awal, awal + 15)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: _xlsx({"Tabel 4.1": baris_matriks_renstra()}), id="seed-matriks-renstra"),
        pytest.param(lambda: _xlsx({"Evaluasi": baris_evaluasi_triwulan()}), id="seed-evaluasi-triwulan"),
        pytest.param(lambda: _xlsx({"Tabel 3.43": _seed_anggaran()}), id="seed-realisasi-anggaran"),
        pytest.param(_dengan_komentar, id="komentar-vml"),
        *(pytest.param(functools.partial(importers.templat, f, 2025), id=f"templat-{f}") for f in importers.FORMAT),
    ],
)
def test_seed_and_template_workbooks_are_read_as_before(data):
    data = data()

    assert baca(data) == baca_seperti_openpyxl(data)


sel_acak = st.one_of(
    st.none(),
    st.just(""),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=datetime.datetime(1900, 3, 1), max_value=datetime.datetime(2100, 1, 1)),
)


@hypothesis.settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lembar=st.dictionaries(
        st.text(alphabet="ABCDEFGHIJ abc", min_size=1, max_size=12).map(str.strip).filter(bool),
        st.lists(st.tuples(st.integers(1, 40), st.integers(1, 30), sel_acak), max_size=60),
        min_size=1,
        max_size=3,
    ),
    hanya_tulis=st.booleans(),
)
def test_any_workbook_openpyxl_writes_is_read_as_openpyxl_reads_it(lembar, hanya_tulis):
    buku_kerja = openpyxl.Workbook(write_only=hanya_tulis)
    if not hanya_tulis:
        buku_kerja.remove(buku_kerja.active)
    for nama, sel_sel in lembar.items():
        ws = buku_kerja.create_sheet(nama)
        grid = {(r, k): v for r, k, v in sel_sel}
        if hanya_tulis:
            tinggi = max((r for r, _ in grid), default=0)
            lebar = max((k for _, k in grid), default=0)
            for r in range(1, tinggi + 1):
                ws.append([grid.get((r, k)) for k in range(1, lebar + 1)])
        else:
            for (r, k), v in grid.items():
                ws.cell(row=r, column=k, value=v)
    keluaran = io.BytesIO()
    buku_kerja.save(keluaran)
    data = keluaran.getvalue()

    assert baca(data) == baca_seperti_openpyxl(data)


def test_reading_reports_progress_every_thousand_rows():
    data = _xlsx({"A": [[n] for n in range(1, 1_501)], "B": [[n] for n in range(1, 1_001)]})
    kemajuan = []

    baca_buku(io.BytesIO(data), BATAS_MB, kemajuan=kemajuan.append)

    assert kemajuan == [1_000, 2_000]

"""Damaged workbooks fed to the Matriks Renstra importer: each one is either imported correctly
(saved, and a second import of the same file changes nothing) or refused with messages in
Indonesian that point at the row, and then the database is exactly as before. Never an
exception out of `importers.jalankan`.

The workbooks start from the seed matrix (seed 002, Tabel 4.1) with its two broken rows mended,
and are damaged by hypothesis: cells replaced with garbage, rows deleted or duplicated, sheets
of random rows, files that are not XLSX, truncated or too large.
"""

import datetime
import functools
import io
import random
import re
import zipfile

import hypothesis
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from openpyxl import Workbook

from kinerja import importers
from kinerja.importers import matriks_renstra
from kinerja.tests.seed_xlsx import baris_matriks_renstra
from renstra.models import (
    Indikator,
    Kegiatan,
    Pagu,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    SumberDana,
    Target,
    Tujuan,
)
from renstra.tests.factories import PerangkatDaerahFactory

FORMAT = "matriks-renstra"
TAHUN = 2025
LEMBAR = "Tabel 4.1"
MODEL = (Renstra, Tujuan, Sasaran, Program, Kegiatan, SubKegiatan, Indikator, Target, SumberDana, Pagu)
KEPALA = 4  # header rows of the seed matrix: labels, years, Target/Rp, column numbers
# Cells openpyxl cannot write but a damaged file can hold: a number that overflows to infinity.
_TAK_HINGGA = {1.2345e300: b"1e999", -1.2345e300: b"-1e999"}

bounded = hypothesis.settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# ---------------------------------------------------------------------------------------------
# Workbooks
# ---------------------------------------------------------------------------------------------


@functools.cache
def matriks_bersih():
    """The seed matrix without its two broken rows: the `0015`-only row is dropped and the
    shifted row of 2.08.02.2.02.0005 gets back the `-` it lost after its satuan."""
    bersih = []
    for baris in baris_matriks_renstra():
        if [c for c in baris if c.strip()] == ["0015"]:
            continue
        if baris[1:5] == ["08", "02", "2,02", "0005"]:
            baris = [*baris[:8], "-", *baris[8:]]
        bersih.append(tuple(baris))
    return tuple(bersih)


def xlsx(lembar):
    """The bytes of a workbook {sheet name: rows}; ±infinity is written as a number that overflows."""
    buku = Workbook(write_only=True)
    for nama, daftar in lembar.items():
        ws = buku.create_sheet(nama)
        for baris in daftar:
            ws.append([_sel(c) for c in baris])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    isi = keluaran.getvalue()
    if not any(c in (float("inf"), float("-inf")) for daftar in lembar.values() for b in daftar for c in b):
        return isi
    asal, hasil = zipfile.ZipFile(io.BytesIO(isi)), io.BytesIO()
    with zipfile.ZipFile(hasil, "w", zipfile.ZIP_DEFLATED) as zip_baru:
        for nama in asal.namelist():
            data = asal.read(nama)
            if nama.startswith("xl/worksheets/"):
                for penanda, angka in _TAK_HINGGA.items():
                    data = data.replace(b"<v>" + repr(penanda).encode() + b"</v>", b"<v>" + angka + b"</v>")
            zip_baru.writestr(nama, data)
    return hasil.getvalue()


def _sel(isi):
    if isi == "":
        return None
    if isi in (float("inf"), float("-inf")):
        return 1.2345e300 if isi > 0 else -1.2345e300
    return isi


def matriks_xlsx(daftar_baris):
    return xlsx({LEMBAR: daftar_baris})


# ---------------------------------------------------------------------------------------------
# The contract
# ---------------------------------------------------------------------------------------------


def hitung():
    """Rows of every table an import writes, with their history tables."""
    jumlah = {}
    for model in MODEL:
        jumlah[model.__name__] = model.objects.count()
        if hasattr(model, "history"):
            jumlah[f"riwayat {model.__name__}"] = model.history.model.objects.count()
    return jumlah


_KATA_INDONESIA = re.compile(
    r"\b(tidak|bukan|berkas|baris|kolom|kode|angka|pastikan|nilai|harus|dengan|atau|dan|ini|yang|kosong|"
    r"sudah|melebihi|negatif|berdesimal|lebih|tanpa|tahun|tabel|lembar|target|pagu|isi)\b",
    re.IGNORECASE,
)
_KATA_INGGRIS = re.compile(
    r"\b(the|must|should|ensure|invalid|value|field|cannot|failed|constraint|null|none|traceback|unique|"
    r"not|is|of|and)\b",
    re.IGNORECASE,
)
_KUTIPAN = re.compile(r"\"[^\"]*\"|“[^”]*”|\([A-Za-z]+\)")
# Problems of the whole file or sheet (no row to point at): not XLSX, too large, unreadable,
# no table, a period or year that does not fit.
_TINGKAT_BERKAS = (
    "Berkas ",
    "Tabel Matriks Renstra tidak ditemukan",
    "Tabel Matriks Renstra tidak berisi",
    "Kolom tahun (",
    f"Tahun {TAHUN} tidak ada di kolom tahun",
    "Renstra aktif ",
)


def periksa_pesan(hasil, jumlah_baris=None):
    """Every error is Indonesian text; an error about a cell or row names its row."""
    assert hasil.galat
    for m in hasil.galat:
        assert isinstance(m.pesan, str) and m.pesan.strip(), m
        tanpa_kutipan = _KUTIPAN.sub("", m.pesan)
        assert _KATA_INDONESIA.search(tanpa_kutipan), f"bukan bahasa Indonesia: {m}"
        assert not _KATA_INGGRIS.search(tanpa_kutipan), f"bahasa Inggris: {m}"
        if m.baris is None:
            tingkat_kolom = bool(m.kolom) and "dua cara" in m.pesan
            assert tingkat_kolom or m.pesan.startswith(_TINGKAT_BERKAS), f"galat tanpa nomor baris: {m}"
        else:
            assert isinstance(m.baris, int) and m.baris >= 1, m
            if jumlah_baris is not None:
                assert m.baris <= jumlah_baris, m


def impor_rusak(berkas, jumlah_baris=None):
    """Import `berkas` (bytes) for a new agency and hold the importer to its contract."""
    opd = PerangkatDaerahFactory()
    sebelum = hitung()
    hasil = importers.jalankan(FORMAT, io.BytesIO(berkas), opd=opd, tahun=TAHUN, simpan=True)
    if not hasil.sah:
        assert not hasil.disimpan
        periksa_pesan(hasil, jumlah_baris)
        assert hitung() == sebelum, "impor yang ditolak mengubah database"
        return hasil
    assert hasil.disimpan
    sesudah = hitung()
    nama = {m.__name__: m._meta.verbose_name.capitalize() for m in MODEL}
    for model in MODEL:
        angka = hasil.jumlah.get(nama[model.__name__], {"dibuat": 0, "diubah": 0})
        assert sesudah[model.__name__] - sebelum[model.__name__] == angka["dibuat"], model
        if hasattr(model, "history"):
            riwayat = sesudah[f"riwayat {model.__name__}"] - sebelum[f"riwayat {model.__name__}"]
            assert riwayat == angka["dibuat"] + angka["diubah"], model
    assert Renstra.objects.filter(opd=opd).count() == 1
    ulang = importers.jalankan(FORMAT, io.BytesIO(berkas), opd=opd, tahun=TAHUN, simpan=True)
    assert ulang.sah, [str(m) for m in ulang.galat]
    assert ulang.total("dibuat") == 0 and ulang.total("diubah") == 0, dict(ulang.jumlah)
    assert hitung() == sesudah, "impor ulang tanpa perubahan mengubah database"
    return hasil


# ---------------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------------

# Booleans and numbers overflowing to infinity are left out: see the defects at the end.
teks_acak = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
sampah = st.one_of(
    teks_acak,
    st.integers(min_value=10**12, max_value=10**40),
    st.integers(min_value=-(10**20), max_value=-1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime.datetime(1900, 3, 1), max_value=datetime.datetime(2100, 1, 1)),
    st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 1, 1)),
    st.sampled_from(
        [
            "<b>",
            "<b>12</b>",
            "REFOCUSING",
            '=HYPERLINK("x")',
            "=1/0",
            "#REF!",
            "-",
            "Rp 1.000,-",
            "80 – 85",
            "1e5",
            "NaN",
            "JUMLAH",
            "Kegiatan :",
            "Sub Kegiatan : X",
            "1.06.02.2.03.0001",
            "2,03",
            "0004",
            "3.104,41",
            "6,110.00",
            "x" * 600,
            "",
        ]
    ),
)
# Codes, names, numbers and blanks in the seed's columns: random rows that look like data.
sel_mirip = st.one_of(
    st.sampled_from(["", "", "", "-", "1", "06", "01", "02", "2.01", "2,03", "0001", "0004", "2", "08"]),
    st.sampled_from(["Program Perlindungan Anak", "Kegiatan : Pembinaan", "Sub Kegiatan : Layanan", "Orang", "%"]),
    st.sampled_from(["Jumlah Orang yang Dilayani", "Persentase Layanan", "Dokumen", "REFOCUSING", "JUMLAH"]),
    st.integers(min_value=0, max_value=10**10).map(str),
    st.sampled_from(["5.185.709.303", "100", "98,79", "12", "-", "60", "3.750.000.000"]),
)


def baris_data():
    return st.integers(min_value=0, max_value=len(matriks_bersih()) - 1)


# ---------------------------------------------------------------------------------------------
# The clean matrix itself
# ---------------------------------------------------------------------------------------------


def test_clean_seed_matrix_imports_and_reimports_unchanged(db):
    hasil = impor_rusak(matriks_xlsx(matriks_bersih()))

    assert hasil.sah and hasil.disimpan
    assert hasil.jumlah["Sub kegiatan"]["dibuat"] == 98


# ---------------------------------------------------------------------------------------------
# Damaged cells and rows
# ---------------------------------------------------------------------------------------------


@bounded
@given(
    kerusakan=st.lists(st.tuples(baris_data(), st.integers(min_value=0, max_value=21), sampah), min_size=1, max_size=6)
)
def test_garbage_cells_are_imported_correctly_or_refused_by_row(db, kerusakan):
    daftar = [list(b) for b in matriks_bersih()]
    for nomor, kolom, isi in kerusakan:
        baris = daftar[nomor]
        baris.extend([""] * (kolom + 1 - len(baris)))
        baris[kolom] = isi

    impor_rusak(matriks_xlsx(daftar), jumlah_baris=len(daftar))


@bounded
@given(dihapus=st.sets(baris_data(), min_size=1, max_size=12))
def test_deleted_rows_are_imported_correctly_or_refused_by_row(db, dihapus):
    daftar = [b for i, b in enumerate(matriks_bersih()) if i not in dihapus]

    impor_rusak(matriks_xlsx(daftar), jumlah_baris=len(daftar))


@bounded
@given(
    salinan=st.lists(
        st.tuples(baris_data(), st.integers(min_value=KEPALA, max_value=len(matriks_bersih()))), min_size=1, max_size=6
    )
)
def test_duplicated_rows_are_imported_correctly_or_refused_by_row(db, salinan):
    daftar = list(matriks_bersih())
    for dari, ke in salinan:
        daftar.insert(min(ke, len(daftar)), daftar[dari])

    hasil = impor_rusak(matriks_xlsx(daftar), jumlah_baris=len(daftar))

    sub = [b for b in daftar if len(b) > 5 and re.fullmatch(r"\d{4}", b[4]) and b[5].strip()]
    if len(set(sub)) < len(sub):  # a sub kegiatan row twice
        assert not hasil.sah
        assert any("sudah dipakai pada baris" in m.pesan for m in hasil.galat)


@bounded
@given(
    acak=st.lists(st.lists(sel_mirip, max_size=22), min_size=1, max_size=60),
    kepala=st.booleans(),
)
def test_sheet_of_random_rows_is_imported_correctly_or_refused_by_row(db, acak, kepala):
    daftar = [*(matriks_bersih()[:KEPALA] if kepala else []), *acak]

    hasil = impor_rusak(matriks_xlsx(daftar), jumlah_baris=len(daftar))

    if not kepala:
        assert not hasil.sah
        assert hasil.galat[0].pesan.startswith("Tabel Matriks Renstra tidak ditemukan")


@bounded
@given(acak=st.lists(st.lists(sampah, max_size=12), min_size=1, max_size=30))
def test_sheet_of_garbage_rows_is_refused(db, acak):
    hasil = impor_rusak(matriks_xlsx(acak), jumlah_baris=len(acak))

    assert not hasil.sah


@pytest.mark.parametrize(
    "lembar",
    [
        pytest.param({LEMBAR: []}, id="satu-lembar-kosong"),
        pytest.param({"A": [], "B": [], "C": []}, id="tiga-lembar-kosong"),
        pytest.param({LEMBAR: [("", "", ""), ("",)]}, id="lembar-berisi-sel-kosong"),
        pytest.param({"Catatan": [("Matriks ada di lembar berikut",)], LEMBAR: []}, id="catatan-dan-lembar-kosong"),
    ],
)
def test_empty_sheets_are_refused_without_touching_the_database(db, lembar):
    hasil = impor_rusak(xlsx(lembar))

    assert not hasil.sah
    assert hasil.baris == 0


# ---------------------------------------------------------------------------------------------
# Files that are not XLSX workbooks
# ---------------------------------------------------------------------------------------------


def _zip_bukan_xlsx():
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as z:
        z.writestr("dokumen.txt", "Ini arsip zip, bukan buku kerja.")
    return keluaran.getvalue()


def _xlsx_tanpa(nama_dibuang):
    asal, keluaran = zipfile.ZipFile(io.BytesIO(matriks_xlsx(matriks_bersih()))), io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama in asal.namelist():
            if nama != nama_dibuang:
                z.writestr(nama, asal.read(nama))
    return keluaran.getvalue()


def _xlsx_diganti(nama_diganti, isi):
    asal, keluaran = zipfile.ZipFile(io.BytesIO(matriks_xlsx(matriks_bersih()))), io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama in asal.namelist():
            z.writestr(nama, isi if nama == nama_diganti else asal.read(nama))
    return keluaran.getvalue()


@pytest.mark.parametrize(
    ("berkas", "awal_pesan"),
    [
        pytest.param(b"", "Berkas kosong", id="kosong"),
        pytest.param(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "Berkas ini bukan", id="pdf"
        ),
        pytest.param(b"Kode;Program;Indikator;2025\n1.06.02;Perlindungan;Jumlah;12\n", "Berkas ini bukan", id="csv"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "Berkas ini buku kerja Excel 97", id="xls"),
        pytest.param(b"<html><body><table><tr><td>1</td></tr></table></body></html>", "Berkas ini bukan", id="html"),
        pytest.param(_zip_bukan_xlsx(), "Berkas XLSX rusak", id="zip-bukan-xlsx"),
        pytest.param(_xlsx_tanpa("xl/workbook.xml"), "Berkas XLSX rusak", id="xlsx-tanpa-workbook"),
        pytest.param(
            _xlsx_tanpa("xl/worksheets/sheet1.xml"),
            ("Berkas XLSX rusak", "Tabel Matriks Renstra tidak ditemukan"),
            id="xlsx-tanpa-lembar",
        ),
        pytest.param(
            _xlsx_diganti("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>"),
            "Berkas XLSX rusak",
            id="xlsx-lembar-xml-terpotong",
        ),
        pytest.param(
            _xlsx_diganti("xl/workbook.xml", b"bukan xml"),
            "Berkas XLSX rusak",
            id="xlsx-workbook-bukan-xml",
        ),
        pytest.param(b"PK\x03\x04" + bytes(100), "Berkas XLSX rusak", id="kepala-zip-saja"),
    ],
)
def test_files_that_are_not_workbooks_are_refused_with_a_clear_message(db, berkas, awal_pesan):
    hasil = impor_rusak(berkas)

    assert not hasil.sah
    assert [m.pesan.startswith(awal_pesan) for m in hasil.galat] == [True], hasil.galat


@bounded
@given(berkas=st.one_of(st.binary(min_size=1, max_size=4096), st.binary(max_size=4096).map(b"PK\x03\x04".__add__)))
def test_random_bytes_are_refused_as_not_xlsx(db, berkas):
    hasil = impor_rusak(berkas)

    assert not hasil.sah
    assert hasil.galat[0].pesan.startswith("Berkas ")


@functools.cache
def xlsx_bersih():
    return matriks_xlsx(matriks_bersih())


@bounded
@given(data=st.data())
def test_truncated_xlsx_is_refused_as_damaged(db, data):
    utuh = xlsx_bersih()
    panjang = data.draw(st.integers(min_value=1, max_value=len(utuh) - 1))

    hasil = impor_rusak(utuh[:panjang])

    assert not hasil.sah


@bounded
@given(data=st.data())
def test_xlsx_with_overwritten_bytes_is_imported_correctly_or_refused(db, data):
    berkas = bytearray(xlsx_bersih())
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        berkas[data.draw(st.integers(min_value=0, max_value=len(berkas) - 1))] = data.draw(st.integers(0, 255))

    impor_rusak(bytes(berkas))


# ---------------------------------------------------------------------------------------------
# Size
# ---------------------------------------------------------------------------------------------

DUA_PULUH_MB = 20 * 1024 * 1024


def test_twenty_megabytes_of_random_bytes_are_refused_by_size(db):
    hasil = impor_rusak(random.Random(20).randbytes(DUA_PULUH_MB))

    assert [m.pesan for m in hasil.galat] == [
        "Berkas 20,0 MB melebihi batas 10 MB. Pisahkan per bidang atau per lembar."
    ]


@functools.cache
def xlsx_besar():
    """The clean matrix in a real XLSX padded to 20 MB with an incompressible media file."""
    asal, keluaran = zipfile.ZipFile(io.BytesIO(xlsx_bersih())), io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama in asal.namelist():
            z.writestr(nama, asal.read(nama))
        z.writestr("xl/media/image1.png", random.Random(21).randbytes(DUA_PULUH_MB), zipfile.ZIP_STORED)
    return keluaran.getvalue()


def test_a_real_twenty_megabyte_workbook_is_refused_by_size(db):
    hasil = impor_rusak(xlsx_besar())

    assert not hasil.sah
    (galat,) = hasil.galat
    assert galat.pesan.startswith("Berkas 20,0 MB melebihi batas 10 MB")


def test_the_same_workbook_imports_under_a_larger_limit(db, settings):
    settings.KINERJA_UKURAN_IMPOR_MB = 25

    hasil = impor_rusak(xlsx_besar())

    assert hasil.sah and hasil.jumlah["Sub kegiatan"]["dibuat"] == 98


def test_a_path_to_a_large_file_is_refused_by_size(db, tmp_path):
    path = tmp_path / "renstra.xlsx"
    path.write_bytes(xlsx_besar())
    sebelum = hitung()

    hasil = importers.jalankan(FORMAT, str(path), opd=PerangkatDaerahFactory(), tahun=TAHUN, simpan=True)

    assert not hasil.sah and "melebihi batas 10 MB" in hasil.galat[0].pesan
    assert hitung() == sebelum


# ---------------------------------------------------------------------------------------------
# Defects found by these tests (kept visible until the importer is fixed)
# ---------------------------------------------------------------------------------------------

# Row 11 of the clean matrix: sub kegiatan 1.06.01.2.02.0001, indicator "Jumlah Orang yang
# Menerima Gaji dan Tunjangan ASN"; column I is its target 2025, J its pagu 2025, T kondisi akhir Rp.
BARIS_GAJI = 10


@pytest.mark.parametrize("kolom", [9, 19], ids=["pagu-2025", "kondisi-akhir-rp"])
def test_a_number_overflowing_to_infinity_in_a_rupiah_cell_is_refused_by_row(db, kolom):
    daftar = [list(b) for b in matriks_bersih()]
    daftar[BARIS_GAJI][kolom] = float("inf")

    hasil = impor_rusak(matriks_xlsx(daftar), jumlah_baris=len(daftar))

    assert not hasil.sah and hasil.galat[0].baris == BARIS_GAJI + 1


def test_a_number_overflowing_to_infinity_in_a_target_cell_is_refused_by_row(db):
    daftar = [list(b) for b in matriks_bersih()]
    daftar[BARIS_GAJI][8] = float("inf")

    hasil = impor_rusak(matriks_xlsx(daftar), jumlah_baris=len(daftar))

    assert not hasil.sah and hasil.galat[0].baris == BARIS_GAJI + 1


@pytest.mark.parametrize(
    "kepala",
    [pytest.param(KEPALA, id="hanya-kepala-tabel"), pytest.param(2, id="kepala-tanpa-baris-target-rp")],
)
def test_a_matrix_header_without_data_rows_is_refused(db, kepala):
    hasil = impor_rusak(matriks_xlsx(matriks_bersih()[:kepala]))

    assert not hasil.sah


@pytest.mark.parametrize(
    ("kolom", "isi"),
    [(8, True), (9, False)],
    ids=["target-TRUE", "pagu-FALSE"],
)
def test_a_boolean_in_a_number_cell_is_refused_by_row(db, kolom, isi):
    daftar = [list(b) for b in matriks_bersih()]
    daftar[BARIS_GAJI][kolom] = isi

    hasil = impor_rusak(matriks_xlsx(daftar), jumlah_baris=len(daftar))

    assert not hasil.sah and hasil.galat[0].baris == BARIS_GAJI + 1


def test_the_counted_tables_are_every_table_the_importer_writes():
    assert set(matriks_renstra.URUTAN_TULIS) == set(MODEL)

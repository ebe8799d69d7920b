"""Property (issue 18): whatever mix of data rows, blank rows, repeated headers, names cut by a page
break, total rows and odd cells a budget table holds, every row read is accounted for (imported,
unchanged, ignored or refused, with a reason), and nothing is written when the import is refused."""

import hypothesis
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from openpyxl import Workbook

from kinerja import importers
from kinerja.importers import hasil as hasil_modul
from kinerja.models import RealisasiAnggaran
from renstra.models import Pagu, SumberDana
from renstra.tests.factories import (
    KegiatanFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SubKegiatanFactory,
)

pytestmark = pytest.mark.django_db

KEPALA = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Prosentase (%)"]
SUB = [(f"1.06.02.2.01.{i:04d}", f"Pemberian Layanan Sosial Nomor {i}") for i in range(1, 6)]

bounded = hypothesis.settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def opd():
    opd = PerangkatDaerahFactory()
    renstra = RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    kegiatan = KegiatanFactory(
        program=ProgramFactory(renstra=renstra, kode="1.06.02", uraian="Program Peningkatan Kegiatan Sosial"),
        kode="1.06.02.2.01",
        uraian="Kegiatan penyuluhan program KB",
    )
    for kode, uraian in SUB:
        SubKegiatanFactory(kegiatan=kegiatan, kode=kode, uraian=uraian)
    return opd


def _rupiah(n):
    return f"{n:,}".replace(",", ".")


@st.composite
def potongan(draw):
    """A few rows of the table: one element of the mix."""
    jenis = draw(st.sampled_from(["sub", "sub_terpotong", "kosong", "kepala", "jumlah", "program", "ganjil", "teks"]))
    kode, uraian = draw(st.sampled_from(SUB))
    pagu = draw(st.integers(1, 10**9))
    realisasi = draw(st.integers(0, pagu))
    angka = [_rupiah(pagu), _rupiah(realisasi), None]
    if jenis == "sub":
        return [[kode, uraian, *angka]]
    if jenis == "sub_terpotong":
        potong = uraian.index(" ", 10)
        return [[None, uraian[:potong], *angka], [None, uraian[potong + 1 :]]]
    if jenis == "kosong":
        return [[None] * draw(st.integers(0, 5))]
    if jenis == "kepala":
        return [KEPALA]
    if jenis == "jumlah":
        return [[None, "JUMLAH", *angka]]
    if jenis == "program":
        return [["1.06.02", "Program Peningkatan Kegiatan Sosial", *angka]]
    if jenis == "ganjil":
        return [[kode, uraian, draw(st.sampled_from(["513.211.0000", "abc", "-5", "1,5"])), _rupiah(realisasi)]]
    return [[None, draw(st.sampled_from(["Catatan", "Sumber: BPKAD", "<b></b>"]))]]


def _jumlah_tabel():
    return {m.__name__: m.objects.count() for m in (Pagu, RealisasiAnggaran, SumberDana)} | {
        "nilai": sorted(RealisasiAnggaran.objects.values_list("sub_kegiatan_id", "triwulan", "nilai"))
    }


@bounded
@given(st.lists(potongan(), max_size=12), st.booleans())
def test_every_row_read_is_accounted_for_and_a_refused_import_writes_nothing(tmp_path_factory, opd, bagian, simpan):
    baris = [KEPALA, *[b for p in bagian for b in p]]
    wb = Workbook()
    ws = wb.active
    ws.title = "Anggaran"
    for isi in baris:
        ws.append(isi)
    berkas = tmp_path_factory.mktemp("p") / "a.xlsx"
    wb.save(berkas)
    terisi = [
        n
        for n, isi in enumerate(baris, start=1)
        if any(c is not None and c.replace("<b>", "").replace("</b>", "").strip() for c in isi)
    ]
    sebelum = _jumlah_tabel()

    hasil = importers.jalankan("realisasi-anggaran", berkas, opd=opd, tahun=2024, simpan=simpan)

    akun = hasil.akun_baris()
    assert [a.baris for a in akun] == terisi
    assert hasil.baris_dibaca == len(terisi)
    assert all(a.alasan for a in akun if a.status in (hasil_modul.DIABAIKAN, hasil_modul.DITOLAK))
    assert not [a for a in akun if a.status == hasil_modul.TAK_TERHITUNG], akun
    if not hasil.sah:
        assert not hasil.disimpan
        assert _jumlah_tabel() == sebelum
        assert {a.status for a in akun} <= {hasil_modul.DIABAIKAN, hasil_modul.DITOLAK}

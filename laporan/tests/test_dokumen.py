"""The pieces every report shares: cell texts, signature offices, kegiatan letters, XLSX safety."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from kinerja import rules
from laporan import dokumen as d
from laporan.builders.umum import huruf, jabatan_lengkap
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel

from .conftest import perlu_pdf


@pytest.mark.parametrize(
    "sel, tertulis",
    [
        (d.nilai(Decimal("34000.0000")), "34.000"),  # seed 000 line 90, target "34.000"
        (d.nilai(Decimal("97.62133")), "97,62"),  # seed 003 Tabel 3.5
        (d.nilai("Pratama"), "Pratama"),
        (d.persen(rules.hasil_capaian(Decimal(17), Decimal(15))), "88,24%"),  # seed 000 prints 88,23%
        (d.persen(rules.hasil_capaian(Decimal(0), Decimal(5))), "–"),
        (d.rupiah(5_367_987_782), "5.367.987.782"),
        (d.angka(Decimal("3104.405")), "3.104,41"),  # seed 003: (6110 + 98,82) / 2
        (d.kosong(), ""),
        (d.Sel(teks="REFOCUSING"), "REFOCUSING"),
    ],
)
def test_cells_are_written_the_indonesian_way(sel, tertulis):
    assert tulis_sel(sel) == tertulis


def test_a_capaian_that_cannot_be_computed_carries_its_reason():
    sel = d.persen(rules.hasil_capaian(Decimal(0), Decimal(5)))
    assert sel.tak_terhitung and sel.catatan == "Target 0: capaian tidak dapat dihitung."


@pytest.mark.parametrize(
    "jabatan, satuan, lengkap",
    [
        ("Kepala Dinas", "Dinas Sosial Kabupaten Belitung", "Kepala Dinas Sosial Kabupaten Belitung"),
        ("Plt. Kepala Dinas", "Dinas Sosial", "Plt. Kepala Dinas Sosial"),
        ("Kepala Bidang", "Bidang Rehabilitasi Sosial", "Kepala Bidang Rehabilitasi Sosial"),
        ("Kepala", "Bidang Rehabilitasi Sosial", "Kepala Bidang Rehabilitasi Sosial"),
        ("Sekretaris", "Dinas Sosial", "Sekretaris Dinas Sosial"),
    ],
)
def test_the_signing_office_names_its_unit_once(jabatan, satuan, lengkap):
    assert jabatan_lengkap(jabatan, satuan) == lengkap


def test_kegiatan_are_lettered_as_the_forms_do():
    assert [huruf(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text():
    tabel = d.Tabel(
        "Uji",
        [d.Kolom(), d.Kolom()],
        [[d.Kepala("Uraian"), d.Kepala("Nilai")]],
        [d.Baris([d.teks('=HYPERLINK("http://contoh.test","klik")'), d.nilai(Decimal("1.5"))])],
    )
    laporan = d.Laporan("uji", ["=1+1"], [], [tabel], penanda=[d.Penanda("Kepala", "=NAMA()")])

    ws = load_workbook(BytesIO(render_xlsx(laporan)))["Uji"]

    sel = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in sel)
    assert any(c.value == '=HYPERLINK("http://contoh.test","klik")' and c.data_type == "s" for c in sel)
    assert any(c.value == 1.5 and c.number_format == "#,##0.00" for c in sel)


def _laporan_satu_nilai(nilai):
    tabel = d.Tabel("Uji", [d.Kolom(), d.Kolom()], [[d.Kepala("Uraian"), d.Kepala("Nilai")]],
                    [d.Baris([d.teks("Jumlah PSKS yang aktif"), d.nilai(Decimal(nilai))])])  # fmt: skip
    return d.Laporan("uji", ["Uji"], [], [tabel])


@perlu_pdf
@pytest.mark.django_db
def test_the_same_report_is_printed_once_and_a_change_prints_again(settings, monkeypatch):
    from weasyprint import HTML

    from laporan.cetak import hapus_cetakan_lama, minta_cetak

    cetak = []
    asli = HTML.write_pdf
    monkeypatch.setattr(HTML, "write_pdf", lambda self, *a, **k: cetak.append(1) or asli(self, *a, **k))

    pertama = minta_cetak(_laporan_satu_nilai("134"), user=None, opd=None)
    assert pertama.siap and pertama.berkas.read().startswith(b"%PDF")
    assert minta_cetak(_laporan_satu_nilai("134"), user=None, opd=None).pk == pertama.pk
    assert len(cetak) == 1
    assert minta_cetak(_laporan_satu_nilai("135"), user=None, opd=None).pk != pertama.pk  # a value changed
    assert len(cetak) == 2

    nanti = timezone.now() + datetime.timedelta(seconds=settings.KINERJA_SIMPAN_PDF_DETIK + 1)
    hapus_cetakan_lama(nanti)
    assert not pertama.berkas.storage.exists(pertama.berkas.name)
    assert minta_cetak(_laporan_satu_nilai("134"), user=None, opd=None).siap  # kept no longer: printed again
    assert len(cetak) == 3

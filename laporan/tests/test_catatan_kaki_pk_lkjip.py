"""Data notes as numbered footnotes (laporan.builders.catatan_kaki) in the LKjIP and the
Perjanjian Kinerja of the Belitung demo: the number beside the value of the report's year a note
concerns (an indicator's target, realisation or capaian; a budget node's pagu, realisation or
serapan), the list under the table, nothing beside another year's value, nothing for a resolved
note."""

from decimal import Decimal

import pytest

from kinerja.models import CatatanData
from laporan.builders.lkjip import build_lkjip
from laporan.builders.perjanjian_kinerja import build_perjanjian_kinerja
from laporan.dokumen import Tabel
from laporan.renderers.html import render_dokumen
from renstra.models import Indikator, Program

pytestmark = pytest.mark.django_db

PEMBERDAYAAN = "Persentase PMKS yang menerima program pemberdayaan sosial"
GAJI = "1.06.01.2.02.0001"  # Penyediaan Gaji dan Tunjangan ASN: realisation printed 8.836.429.688 in Tabel 3.43
RASIO = "Rasio kekerasan terhadap perempuan dan anak"
TERTANGANI = "Persentase PMKS yang tertangani atau mendapatkan layanan"  # numerator 2024 printed 8136 (8126)

# capaian-program: sasaran, program, indikator, target, realisasi, capaian, …
PROGRAM_TARGET, PROGRAM_REALISASI, PROGRAM_CAPAIAN = 3, 4, 5
# keuangan-program: kode, uraian, then per year (2023, 2024) induk, perubahan, realisasi, %
REALISASI_2023, REALISASI_2024 = 4, 8
# capaian-iku: no, label, indikator, then per year (2023, 2024) target, realisasi, capaian, kategori
IKU_REALISASI_2023, IKU_REALISASI_2024 = 4, 8
# capaian-tahunan: label, indikator, kondisi awal, then targets, realisations, capaian of 2019–2024
TAHUNAN_REALISASI_2024 = 3 + 6 + 5


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _baris(tabel, kunci):
    return next(b for b in tabel.baris if b.kunci == kunci)


def _nomor(tabel, catatan):
    """The number the table lists `catatan` under (None when not listed)."""
    return next((b.nomor for b in tabel.catatan_data if b.pk == catatan.pk), None)


def _bertanda(baris, nomor):
    return [i for i, s in enumerate(baris.sel) if str(nomor) in s.tanda.split(",")]


def _indikator(opd, uraian):
    return Indikator.objects.get(renstra__opd=opd, renstra__tahun_awal=2024, uraian=uraian)


# ---------------------------------------------------------------------------------------------
# LKjIP
# ---------------------------------------------------------------------------------------------


def test_the_lkjip_numbers_the_printed_realisation_slip_beside_the_years_realisation_and_lists_it(demo):
    indikator = _indikator(demo, PEMBERDAYAAN)
    catatan = CatatanData.objects.get(opd=demo, indikator=indikator, medan="realisasi", tahun=2024)

    laporan = build_lkjip(demo, 2024)

    tabel = _tabel(laporan, "capaian-program")
    nomor = _nomor(tabel, catatan)
    baris = _baris(tabel, f"indikator-{indikator.pk}")
    assert _bertanda(baris, nomor) == [PROGRAM_REALISASI]
    assert baris.sel[PROGRAM_REALISASI].nilai == Decimal("88.13")
    butir = next(b for b in tabel.catatan_data if b.nomor == nomor)
    assert (butir.tercetak, butir.dihitung) == ("83,13%", "88,13%")
    assert butir.pesan.startswith(f"Realisasi 2024 indikator {PEMBERDAYAAN} tercetak 83,13% di Tabel 3.11")
    # the same number in the Lampiran's matrix, the value shown twice keeping it
    matrik = _tabel(laporan, "matrik-pengukuran")
    assert _nomor(matrik, catatan) == nomor
    html = render_dokumen(laporan)
    assert f'88,13<wbr><sup class="tanda-catatan">{nomor}</sup></td>' in html
    assert f'<tr id="catatan-data-{nomor}"><td class="catatan-data-nomor">{nomor}</td>' in html
    assert laporan.catatan[-1].startswith("Angka kecil di samping nilai: nomor catatan data")


def test_the_lkjip_budget_table_numbers_the_salary_slip_beside_the_sub_kegiatans_realisation_of_2024(demo):
    catatan = CatatanData.objects.get(opd=demo, tercetak="8.836.429.688")

    tabel = _tabel(build_lkjip(demo, 2024), "keuangan-program")

    nomor = _nomor(tabel, catatan)
    baris = _baris(tabel, GAJI)
    assert _bertanda(baris, nomor) == [REALISASI_2024]  # not the 2023 realisation beside it
    assert baris.sel[REALISASI_2024].nilai == 4_836_429_688
    assert not baris.sel[REALISASI_2023].tanda
    butir = next(b for b in tabel.catatan_data if b.nomor == nomor)
    assert (butir.tercetak, butir.dihitung) == ("8.836.429.688", "4.836.429.688")


def test_the_lkjip_numbers_no_cell_of_the_year_before_with_this_years_note_nor_last_years(demo):
    tertangani = _indikator(demo, TERTANGANI)
    catatan = CatatanData.objects.get(opd=demo, indikator=tertangani, medan="pembilang", tahun=2024)
    lalu = CatatanData.objects.create(
        opd=demo, tahun=2023, jenis=CatatanData.Jenis.DOKUMEN, medan="realisasi", indikator=tertangani,
        triwulan=4, pesan="Realisasi 2023 tercetak 98,92.", tercetak="98,92", dihitung="98,29", berkas="lkjip-2023.pdf",
    )  # fmt: skip

    laporan = build_lkjip(demo, 2024)

    tabel = _tabel(laporan, "capaian-iku")
    nomor = _nomor(tabel, catatan)
    baris = _baris(tabel, f"indikator-{tertangani.pk}")
    assert baris.sel[IKU_REALISASI_2023].nilai == Decimal("98.29")  # the year before, shown
    assert _bertanda(baris, nomor) == [IKU_REALISASI_2024]
    assert [s.tanda for s in baris.sel if s.tanda] == [str(nomor)]
    # the history: every year's realisation shown, only 2024's numbered
    tahunan = _baris(_tabel(laporan, "capaian-tahunan"), f"indikator-{tertangani.pk}")
    assert [i for i, s in enumerate(tahunan.sel) if s.tanda] == [TAHUNAN_REALISASI_2024]
    assert all(_nomor(t, lalu) is None for t in laporan.bagian if isinstance(t, Tabel))
    assert lalu.pk in [m.catatan_id for m in laporan.masalah]  # listed in Masalah data only


def test_a_resolved_note_is_not_numbered_in_the_lkjip(demo):
    indikator = _indikator(demo, PEMBERDAYAAN)
    catatan = CatatanData.objects.get(opd=demo, indikator=indikator, medan="realisasi", tahun=2024)
    catatan.status = CatatanData.Status.CETAKAN_SALAH
    catatan.penyelesaian = "Tabel 3.11 salah cetak."
    catatan.save()

    laporan = build_lkjip(demo, 2024)

    tabel = _tabel(laporan, "capaian-program")
    assert _nomor(tabel, catatan) is None
    assert _baris(tabel, f"indikator-{indikator.pk}").sel[PROGRAM_REALISASI].catatan.find("83,13") == -1


# ---------------------------------------------------------------------------------------------
# Perjanjian Kinerja
# ---------------------------------------------------------------------------------------------


def _catatan_target(opd, indikator, tahun=2024):
    return CatatanData.objects.create(
        opd=opd, tahun=tahun, jenis=CatatanData.Jenis.DOKUMEN, medan="target", indikator=indikator,
        pesan=f"Target {tahun or ''} {indikator.uraian} tercetak 3,00.", tercetak="3,00", dihitung="3,20",
        berkas="pk-2024.pdf", lembar="Lampiran",
    )  # fmt: skip


def test_the_pk_numbers_a_note_on_an_indicators_target_beside_the_target(demo):
    rasio = _indikator(demo, RASIO)
    catatan = _catatan_target(demo, rasio)

    pk = build_perjanjian_kinerja(demo, 2024)

    sasaran = pk.bagian[[type(b) for b in pk.bagian].index(Tabel)]
    nomor = _nomor(sasaran, catatan)
    (baris,) = [b for b in sasaran.baris if b.sel[2].nilai == RASIO]
    assert baris.sel[4].tanda == str(nomor) and baris.sel[4].nilai == Decimal("3.2")
    assert baris.sel[4].catatan.startswith(catatan.pesan)
    assert [(b.tercetak, b.dihitung, b.letak) for b in sasaran.catatan_data] == [
        ("3,00", "3,20", "pk-2024.pdf, Lampiran")
    ]
    assert '3,20<wbr><sup class="tanda-catatan">' in render_dokumen(pk)
    assert pk.catatan[-1].startswith("Angka kecil di samping nilai")


def test_the_pk_numbers_no_note_of_another_year_nor_a_resolved_one(demo):
    rasio = _indikator(demo, RASIO)
    _catatan_target(demo, rasio, tahun=2025)
    _catatan_target(demo, rasio, tahun=None)  # a Renstra's note, about no year's target
    selesai = _catatan_target(demo, rasio)
    selesai.status = CatatanData.Status.HITUNGAN_DITERIMA
    selesai.save()

    sasaran = build_perjanjian_kinerja(demo, 2024).bagian[5]

    assert isinstance(sasaran, Tabel) and sasaran.catatan_data == []
    assert not any(s.tanda for b in sasaran.baris for s in b.sel)


def test_the_pk_numbers_a_sub_kegiatans_pagu_slip_beside_its_programs_budget(demo):
    # seed 003's text printed the pagu of 2.08.06.2.02.0004 as 223.527.000, the program's total
    catatan = CatatanData.objects.get(opd=demo, tercetak="223.527.000")
    program = Program.objects.get(
        renstra__opd=demo, renstra__tahun_awal=2024, kegiatan__sub_kegiatan=catatan.sub_kegiatan
    )

    pk = build_perjanjian_kinerja(demo, 2024)

    tabel = [b for b in pk.bagian if isinstance(b, Tabel)][1]
    nomor = _nomor(tabel, catatan)
    bertanda = [b for b in tabel.baris if str(nomor) in b.sel[2].tanda.split(",")]
    assert [b.sel[1].nilai for b in bertanda] == [program.uraian.removeprefix("Program ")]
    # a realisation slip is about no value the PK shows
    gaji = CatatanData.objects.get(opd=demo, tercetak="8.836.429.688")
    assert _nomor(tabel, gaji) is None

"""The LKjIP's Rencana Tindak Lanjut column (capaian-program): the tindak lanjut of the latest
quarter of the report's year that has one written, or a sentence saying none was written; the
indicators without one listed once in the Masalah data."""

import pytest

from kinerja.models import Realisasi
from laporan.builders.lkjip import build_lkjip
from laporan.builders.lkjip.data import TINDAK_LANJUT_KOSONG
from laporan.dokumen import Tabel
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Indikator

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

# capaian-program: sasaran, program, indikator, target, realisasi, capaian, rencana tindak lanjut, penanggung jawab
KOLOM_TINDAK_LANJUT = 6
ASN = "Indeks Profesionalitas ASN Perangkat Daerah"
TW_III = "Pelatihan teknis bagi ASN yang belum memenuhi standar kompetensi."
TW_IV = "Usulan diklat kepemimpinan 2025 dan pemetaan kompetensi seluruh ASN."


def _indikator_program(demo, uraian):
    return Indikator.objects.get(renstra__opd=demo, renstra__tahun_awal=2024, program__isnull=False, uraian=uraian)


def _sel(laporan, indikator):
    tabel = next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == "capaian-program")
    baris = next(b for b in tabel.baris if b.kunci == f"indikator-{indikator.pk}")
    return tulis_sel(baris.sel[KOLOM_TINDAK_LANJUT])


def test_the_follow_up_of_the_last_quarter_with_one_written_is_printed(demo):
    asn = _indikator_program(demo, ASN)
    for tw, teks in ((3, TW_III), (4, TW_IV)):
        r, _ = Realisasi.objects.get_or_create(indikator=asn, tahun=2024, triwulan=tw)
        r.tindak_lanjut = teks
        r.save()
    # a later year's follow-up is not the report year's
    r, _ = Realisasi.objects.get_or_create(indikator=asn, tahun=2025, triwulan=1)
    r.tindak_lanjut = "Tindak lanjut tahun berikutnya."
    r.save()

    laporan = build_lkjip(demo, 2024)

    assert _sel(laporan, asn) == TW_IV


def test_an_indicator_without_any_follow_up_says_it_was_not_written(demo):
    asn = _indikator_program(demo, ASN)
    lain = (
        Indikator.objects.filter(renstra__opd=demo, renstra__tahun_awal=2024, program__isnull=False)
        .exclude(pk=asn.pk)
        .first()
    )
    Realisasi.objects.filter(indikator=lain, tahun=2024).update(tindak_lanjut="")
    r, _ = Realisasi.objects.get_or_create(indikator=asn, tahun=2024, triwulan=3)
    r.tindak_lanjut = TW_III
    r.save()

    laporan = build_lkjip(demo, 2024)

    assert _sel(laporan, lain) == TINDAK_LANJUT_KOSONG == "Belum ditulis pada isian triwulan."
    assert _sel(laporan, asn) == TW_III
    masalah = [m for m in laporan.masalah if m.jenis == "tindak_lanjut"]
    assert len(masalah) == 1
    assert lain.uraian in masalah[0].teks and ASN not in masalah[0].teks
    assert masalah[0].judul == "Rencana tindak lanjut belum ditulis"

"""The LKjIP's "Masalah data" lists every open data note on what it shows: the slips of the
printed source the demo keeps, and an import's warnings, each with where the value was printed or
read and both values, until someone resolves the note."""

import pytest
from django.urls import reverse

from kinerja.models import CatatanData
from kinerja.tests.factories import admin, operator
from laporan.builders.lkjip import build_lkjip
from renstra.models import Indikator

pytestmark = pytest.mark.django_db

DOKUMEN = "LKjIP 2024 DSPPPA Kabupaten Belitung"
GAJI = (
    "Realisasi anggaran 2024 sub kegiatan 1.06.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN tercetak "
    "Rp 8.836.429.688 di Tabel 3.43; yang dipakai Rp 4.836.429.688"
)
PENURUNAN = (
    "Realisasi 2023 indikator Persentase penurunan PMKS per tahun tercetak 18,37 di Tabel 3.12; yang dipakai 18,39"
)
PEMBERDAYAAN = (
    "Realisasi 2024 indikator Persentase PMKS yang menerima program pemberdayaan sosial tercetak 83,13% di "
    "Tabel 3.11; yang dipakai 88,13%"
)


def _cetak(masalah):
    return [m for m in masalah if m.jenis == "catatan_cetak"]


def _satu(masalah, awal):
    (m,) = [m for m in masalah if m.teks.startswith(awal)]
    return m


def test_the_slips_of_the_seed_are_listed_with_the_printed_and_the_used_value(demo):
    masalah = build_lkjip(demo, 2024).masalah
    gaji = _satu(masalah, GAJI)
    assert gaji.judul == "Catatan data: nilai tercetak berbeda"
    assert gaji.letak == f"{DOKUMEN}, Tabel 3.43"
    assert gaji.nilai == ""  # both values are in the message
    # a value of 2023 the report prints in its history of the strategic indicators
    assert _satu(masalah, PENURUNAN).letak == f"{DOKUMEN}, Tabel 3.12"
    assert _satu(masalah, PEMBERDAYAAN).indikator_id is not None
    # every slip the fixture records, each once
    assert len(_cetak(masalah)) == CatatanData.objects.filter(opd=demo, jenis=CatatanData.Jenis.DOKUMEN).count()
    assert [m.jenis for m in masalah][: len(_cetak(masalah))] == ["catatan_cetak"] * len(_cetak(masalah))


def test_a_resolved_note_leaves_the_list(demo):
    catatan = CatatanData.objects.get(opd=demo, tercetak="8.836.429.688")
    catatan.status = CatatanData.Status.CETAKAN_SALAH
    catatan.penyelesaian = "Tabel 3.43 salah ketik; 4.836.429.688 benar."
    catatan.save()

    masalah = build_lkjip(demo, 2024).masalah

    assert not [m for m in masalah if m.teks.startswith(GAJI)]
    assert _satu(masalah, PENURUNAN)


def test_an_imported_warning_is_listed_naming_the_value_the_cell_and_both_values(demo):
    i = Indikator.objects.get(
        renstra__opd=demo, renstra__tahun_awal=2024, uraian="Rasio kekerasan terhadap perempuan dan anak"
    )
    CatatanData.objects.create(
        opd=demo,
        tahun=2024,
        jenis=CatatanData.Jenis.PERSEN,
        pesan="Persen tercetak berbeda dari hitungan.",
        tercetak="96,18",
        dihitung="76,50",
        medan="capaian",
        indikator=i,
        triwulan=2,
        berkas="evaluasi-tw2.xlsx",
        lembar="TW II",
        sel="F12",
        kunci="uji-persen",
    )
    CatatanData.objects.create(
        opd=demo,
        tahun=2024,
        jenis=CatatanData.Jenis.RENTANG,
        pesan="Nilai 1.250 di luar rentang wajar persen.",  # the printed value is in the message
        tercetak="1.250",
        medan="realisasi",
        indikator=i,
        triwulan=3,
        berkas="evaluasi-tw3.xlsx",
        lembar="TW III",
        sel="baris 14",
        kunci="uji-rentang",
    )
    # another year's note on a value this report does not print is not its problem
    CatatanData.objects.create(
        opd=demo, tahun=2021, jenis=CatatanData.Jenis.PERSEN, pesan="Tahun lain.", indikator=i, kunci="uji-lain"
    )

    masalah = build_lkjip(demo, 2024).masalah

    persen = _satu(masalah, "Capaian triwulan II 2024 indikator Rasio kekerasan terhadap perempuan dan anak: Persen")
    assert persen.jenis == "catatan_cetak"
    assert persen.letak == "evaluasi-tw2.xlsx, lembar TW II, sel F12"
    assert persen.nilai == "tercetak 96,18; dihitung 76,50"
    rentang = _satu(masalah, "Realisasi triwulan III 2024 indikator Rasio kekerasan")
    assert (rentang.judul, rentang.letak, rentang.nilai) == (
        "Catatan impor lain",
        "evaluasi-tw3.xlsx, lembar TW III, baris 14",
        "",
    )
    assert not [m for m in masalah if "Tahun lain." in m.teks]


def test_the_page_shows_the_slips_with_where_they_were_printed_and_a_link_to_resolve(client, demo):
    url = reverse("laporan:laporan_html", args=[demo.kode, 2024, "lkjip"])
    catatan = CatatanData.objects.get(opd=demo, tercetak="8.836.429.688")
    client.force_login(operator(opd=demo))
    halaman = client.get(url).content.decode()
    assert "Catatan data: nilai tercetak berbeda" in halaman
    assert GAJI in halaman
    assert f"Dibaca dari: {DOKUMEN}, Tabel 3.43." in halaman
    assert reverse("admin:kinerja_catatandata_change", args=[catatan.pk]) not in halaman
    client.force_login(admin())
    assert reverse("admin:kinerja_catatandata_change", args=[catatan.pk]) in client.get(url).content.decode()


def test_an_imported_seed_workbooks_warnings_are_listed_as_they_were_kept(anggaran_belitung):
    masalah = build_lkjip(anggaran_belitung, 2024).masalah

    (persen,) = [m for m in masalah if m.letak == "anggaran.xlsx, lembar Tabel 3.43, sel I9"]
    assert persen.judul == "Catatan data: nilai tercetak berbeda"
    assert "Persen tercetak 97,77, sedangkan dihitung 178,63%" in persen.teks
    # the kegiatan total printed 4.838.949.188 against its parts' 8.838.949.188, left open
    (jumlah,) = [m for m in masalah if m.letak == "anggaran.xlsx, lembar Tabel 3.43, baris 8"]
    assert "Realisasi tercetak Rp 4.838.949.188, sedangkan jumlah sub kegiatannya Rp 8.838.949.188" in jumlah.teks

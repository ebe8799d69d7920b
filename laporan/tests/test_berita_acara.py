"""Berita Acara Evaluasi Renja Triwulan: its figures are the Evaluasi Renja's of the same agency,
year and quarter (the demo's Belitung 2024 TW IV), it lists the verifikator's findings and
recommendations with their indicator and the follow-up of the quarter before, is a draft until
the quarter is verified, is signed by the agency's head and for the Bappeda; the region's Berita
Acara has each agency's figures; the LKjIP lists the year's recommendations with their follow-up."""

import datetime
import zoneinfo
from io import BytesIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import rules
from kinerja.models import CatatanDiskusi, Pelaporan, TindakLanjut
from kinerja.tests.factories import PelaporanFactory, admin, operator, verifikator
from laporan.builders import LAPORAN
from laporan.builders.berita_acara import (
    DRAF,
    build_berita_acara,
    build_berita_acara_wilayah,
)
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja
from laporan.builders.lkjip import build_lkjip
from laporan.dokumen import Tabel
from laporan.renderers.html import render_dokumen
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import Indikator, PerangkatDaerah

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
DIVERIFIKASI = datetime.datetime(2025, 1, 20, 10, 0, tzinfo=WIB)
TEMUAN = "Realisasi TW IV indikator ini belum didukung data dukung."
REKOMENDASI = "Lengkapi data dukung dan perbaiki pembilang pada isian TW I 2025."


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _baris(tabel, kunci):
    return next(b for b in tabel.baris if b.kunci == kunci)


def _indikator(opd):
    return Indikator.objects.filter(renstra__opd=opd, sasaran__isnull=False, induk__isnull=True).first()


def _verifikasi(opd, tahun=2024, triwulan=4):
    penelaah = verifikator(first_name="Rina", last_name="Verifikator")
    return PelaporanFactory(
        opd=opd,
        tahun=tahun,
        triwulan=triwulan,
        status=Pelaporan.Status.DIVERIFIKASI,
        diverifikasi_oleh=penelaah,
        diverifikasi_pada=DIVERIFIKASI,
    )


def _catat(pelaporan, jenis, isi, indikator=None):
    return CatatanDiskusi.objects.create(
        pelaporan=pelaporan, jenis=jenis, isi=isi, indikator=indikator, dari_verifikator=True
    )


# --- the figures are the Evaluasi Renja's -------------------------------------------------------


def _renja(opd, tahun, triwulan):
    """(per predikat label: count, rata-rata, predikat, serapan) as the Evaluasi Renja prints them:
    its indicator rows' predikat (each counted indicator once) and its closing rows."""
    laporan = build_evaluasi_renja(opd, tahun, triwulan)
    (tabel,) = laporan.bagian
    per, dilihat = {}, set()
    for b in tabel.baris:
        if not b.kunci.startswith("indikator-") or b.jenis == "rincian" or b.kunci in dilihat:
            continue
        sel = dict(tabel.posisi(b))
        if KOLOM["predikat"] not in sel:  # a sub kegiatan cut by refocusing: not measured
            continue
        dilihat.add(b.kunci)
        label = sel[KOLOM["predikat"]].nilai
        per[label] = per.get(label, 0) + 1
    rata = next(b for b in tabel.baris if b.sel[0].nilai == "Rata-rata capaian kinerja (%)")
    jumlah = next(b for b in tabel.baris if b.sel[0].nilai == "Jumlah")
    rata_sel, jumlah_sel = dict(tabel.posisi(rata)), dict(tabel.posisi(jumlah))
    return (
        per,
        rules.format_persen(rata_sel[KOLOM["capaian_renja_k"]].nilai),
        rata_sel[KOLOM["predikat"]].nilai,
        rules.format_persen(jumlah_sel[KOLOM["capaian_renja_rp"]].nilai),
    )


def _berita_acara(laporan):
    hasil = _tabel(laporan, "hasil")
    per = {}
    for b in hasil.baris:
        if b.kunci.startswith("predikat-"):
            label = b.kunci.removeprefix("predikat-")
            per[None if label == "belum" else label] = b.sel[1].nilai
    return (
        {k: v for k, v in per.items() if v},
        rules.format_persen(_baris(hasil, "rata-rata").sel[1].nilai),
        _baris(hasil, "predikat").sel[1].nilai,
        rules.format_persen(_baris(hasil, "serapan").sel[1].nilai),
    )


def test_the_figures_are_those_of_the_evaluasi_renja_of_the_same_quarter(demo):
    for triwulan in (4, 2):
        laporan = build_berita_acara(demo, 2024, triwulan)
        per, rata, predikat, serapan = _renja(demo, 2024, triwulan)
        assert _berita_acara(laporan) == (per, rata, predikat, serapan), triwulan
    # the demo's Belitung 2024 measures indicators in more than one band
    assert sum(per.values()) > 1
    jumlah = _baris(_tabel(laporan, "hasil"), "jumlah-indikator").sel[1].nilai
    assert jumlah == sum(per.values())


def test_a_quarter_not_verified_is_a_draft_and_a_verified_one_is_dated_on_its_verification(demo):
    draf = build_berita_acara(demo, 2024, 4)
    assert DRAF in draf.judul
    assert draf.judul[0] == "BERITA ACARA EVALUASI RENJA TRIWULAN IV TAHUN 2024"

    _verifikasi(demo)
    laporan = build_berita_acara(demo, 2024, 4)
    assert DRAF not in laporan.judul
    bappeda = laporan.penanda[-1]
    assert bappeda.tanggal == datetime.date(2025, 1, 20)
    assert bappeda.tempat == demo.kota
    assert "20 Januari 2025" in laporan.bagian[0].teks
    assert "Triwulan IV" in laporan.bagian[0].teks
    baris = _tabel(laporan, "pelaporan").baris[0]
    assert baris.sel[1].nilai == "Diverifikasi"
    assert "Rina Verifikator" in baris.sel[3].nilai
    assert "20 Januari 2025" in baris.sel[3].nilai
    # a date asked for is the date printed
    assert build_berita_acara(demo, 2024, 4, tanggal=datetime.date(2025, 2, 3)).penanda[-1].tanggal == datetime.date(
        2025, 2, 3
    )


def test_findings_and_recommendations_are_numbered_with_their_indicator(demo):
    pelaporan = _verifikasi(demo)
    indikator = _indikator(demo)
    _catat(pelaporan, CatatanDiskusi.Jenis.TEMUAN, TEMUAN, indikator)
    _catat(pelaporan, CatatanDiskusi.Jenis.REKOMENDASI, REKOMENDASI)
    _catat(pelaporan, CatatanDiskusi.Jenis.CATATAN, "Terima kasih, sudah kami perbaiki.")
    # another quarter's finding is not this one's
    _catat(PelaporanFactory(opd=demo, tahun=2024, triwulan=3), CatatanDiskusi.Jenis.TEMUAN, "TW III")

    laporan = build_berita_acara(demo, 2024, 4)

    (temuan,) = _tabel(laporan, "temuan").baris
    assert [s.nilai for s in temuan.sel] == ["1", indikator.uraian, TEMUAN]
    (rekomendasi,) = _tabel(laporan, "rekomendasi").baris
    assert [s.nilai for s in rekomendasi.sel] == ["1", "Triwulan ini seluruhnya", REKOMENDASI]
    assert "Terima kasih" not in render_dokumen(laporan)


def test_the_follow_up_of_the_previous_quarter_is_listed_with_its_status(demo):
    tw3 = PelaporanFactory(opd=demo, tahun=2024, triwulan=3, status=Pelaporan.Status.DIVERIFIKASI)
    rekomendasi = _catat(tw3, CatatanDiskusi.Jenis.REKOMENDASI, "Perbaiki target TW IV.", _indikator(demo))
    TindakLanjut.objects.create(
        rekomendasi=rekomendasi,
        opd=demo,
        tahun=2024,
        triwulan=4,
        status=TindakLanjut.Status.PROSES,
        catatan="Target diusulkan dalam Renja Perubahan.",
    )

    (baris,) = _tabel(build_berita_acara(demo, 2024, 4), "tindak-lanjut").baris

    assert "Perbaiki target TW IV." in baris.sel[1].nilai
    assert "TW III 2024" in baris.sel[1].nilai
    assert baris.sel[2].nilai == "Dalam proses"
    assert baris.sel[3].nilai == "Target diusulkan dalam Renja Perubahan."
    # nothing answered in TW III
    (kosong,) = _tabel(build_berita_acara(demo, 2024, 3), "tindak-lanjut").baris
    assert "Tidak ada rekomendasi" in kosong.sel[0].nilai


def test_it_is_signed_by_the_agency_head_and_for_the_bappeda(demo, settings):
    settings.KINERJA_BAPPEDA_KEPALA = "Ir. Bambang Perencana"
    settings.KINERJA_BAPPEDA_NIP = "197001011990031001"
    settings.KINERJA_BAPPEDA_JABATAN = "Kepala Bappeda Kabupaten Belitung"
    kepala, bappeda = build_berita_acara(demo, 2024, 4).penanda
    assert kepala.nama == demo.kepala_nama and demo.kepala_nama
    assert kepala.nip == demo.kepala_nip
    assert (bappeda.nama, bappeda.nip, bappeda.jabatan) == (
        "Ir. Bambang Perencana",
        "197001011990031001",
        "Kepala Bappeda Kabupaten Belitung",
    )
    settings.KINERJA_BAPPEDA_KEPALA = ""
    assert build_berita_acara(demo, 2024, 4).penanda[1].nama.startswith("....")


# --- files --------------------------------------------------------------------------------------


@perlu_pdf
def test_the_pdf_prints_the_title_the_findings_and_both_signatures(demo, tmp_path):
    pelaporan = _verifikasi(demo)
    _catat(pelaporan, CatatanDiskusi.Jenis.TEMUAN, TEMUAN, _indikator(demo))
    teks, halaman = teks_pdf(render_pdf(build_berita_acara(demo, 2024, 4)), tmp_path)
    assert "BERITA ACARA EVALUASI RENJA TRIWULAN IV TAHUN 2024" in teks
    assert "belum didukung data dukung" in teks
    assert demo.kepala_nama in teks
    assert halaman <= 2


def test_the_xlsx_opens_with_the_summary(demo):
    buku = load_workbook(BytesIO(render_xlsx(build_berita_acara(demo, 2024, 4))))
    isi = [c for ws in buku.worksheets for r in ws.iter_rows(values_only=True) for c in r if c is not None]
    assert "Rata-rata capaian kinerja" in isi


def test_the_command_writes_the_berita_acara_and_the_region_one(demo, tmp_path):
    assert LAPORAN["berita-acara"].per_triwulan
    berkas = tmp_path / "ba.html"
    call_command(
            "laporan", "berita-acara", "--opd", demo.kode, "--tahun", "2024", "--triwulan", "4", "--format", "html",
        "--output", str(berkas),
    )  # fmt: skip
    assert "BERITA ACARA EVALUASI RENJA" in berkas.read_text()
    wilayah = tmp_path / "wilayah.xlsx"
    call_command(
        "laporan", "berita-acara-wilayah", "--tahun", "2024", "--triwulan", "4", "--format", "xlsx",
        "--output", str(wilayah),
    )  # fmt: skip
    assert load_workbook(wilayah).worksheets


def test_the_command_asks_for_an_agency_for_an_agency_report(demo, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--opd"):
        call_command("laporan", "berita-acara", "--tahun", "2024", "--format", "html", "--output", str(tmp_path / "x"))


# --- the region ---------------------------------------------------------------------------------


def test_the_region_lists_every_agency_with_its_own_berita_acara_figures(demo):
    pelaporan = _verifikasi(demo)
    _catat(pelaporan, CatatanDiskusi.Jenis.TEMUAN, TEMUAN)
    _catat(pelaporan, CatatanDiskusi.Jenis.REKOMENDASI, REKOMENDASI)
    semua = list(PerangkatDaerah.objects.order_by("nama"))
    laporan = build_berita_acara_wilayah(semua, 2024, 4)
    (tabel,) = [b for b in laporan.bagian if isinstance(b, Tabel)]
    assert [b.kunci for b in tabel.baris] == [f"opd-{o.pk}" for o in semua]
    for opd in semua:
        baris = _baris(tabel, f"opd-{opd.pk}")
        per, rata, predikat, serapan = _berita_acara(build_berita_acara(opd, 2024, 4))
        sel = [s.nilai for s in baris.sel]
        band = [k.teks for k in tabel.kepala[1]]
        n = len(band)
        dicetak = dict(zip(band, sel[4 : 4 + n], strict=True))
        assert {b: x for b, x in dicetak.items() if x} == {(k or "Belum terhitung"): v for k, v in per.items()}
        assert rules.format_persen(sel[4 + n]) == rata
        assert (sel[5 + n] or "–") == predikat
        assert rules.format_persen(sel[6 + n]) == serapan
    belitung = [s.nilai for s in _baris(tabel, f"opd-{demo.pk}").sel]
    assert belitung[2] == "Diverifikasi 20 Januari 2025"
    assert belitung[-2:] == [1, 1]
    assert any("belum diverifikasi" in j for j in laporan.judul)  # Batu Bara is not verified


def test_the_region_berita_acara_is_for_reviewers_and_admins(demo, client):
    url = reverse("laporan:berita_acara_wilayah", args=["xlsx"]) + "?tahun=2024&triwulan=4"
    client.force_login(operator(demo))
    assert client.get(url).status_code == 403
    for user in (verifikator(), admin()):
        client.force_login(user)
        respons = client.get(url)
        assert respons.status_code == 200
        assert load_workbook(BytesIO(respons.content)).worksheets
    assert client.get(reverse("laporan:berita_acara_wilayah", args=["xlsx"]) + "?tahun=x").status_code == 400


# --- the LKjIP ----------------------------------------------------------------------------------


def test_the_lkjip_lists_the_years_recommendations_with_their_follow_up(demo):
    kosong = build_lkjip(demo, 2024)
    assert not [b for b in kosong.bagian if getattr(b, "kunci", "") == "tindak-lanjut-rekomendasi"]
    assert any(
        "Tidak ada rekomendasi hasil evaluasi triwulan tahun 2024" in getattr(b, "teks", "") for b in kosong.bagian
    )

    tw2 = PelaporanFactory(opd=demo, tahun=2024, triwulan=2, status=Pelaporan.Status.DIVERIFIKASI)
    rekomendasi = _catat(tw2, CatatanDiskusi.Jenis.REKOMENDASI, REKOMENDASI, _indikator(demo))
    TindakLanjut.objects.create(
        rekomendasi=rekomendasi, opd=demo, tahun=2024, triwulan=3, status=TindakLanjut.Status.SELESAI, catatan="Beres."
    )
    _catat(PelaporanFactory(opd=demo, tahun=2023, triwulan=4), CatatanDiskusi.Jenis.REKOMENDASI, "Tahun lalu")

    (baris,) = _tabel(build_lkjip(demo, 2024), "tindak-lanjut-rekomendasi").baris
    sel = [s.nilai for s in baris.sel]
    assert sel[1] == "II"
    assert REKOMENDASI in sel[2] and _indikator(demo).uraian in sel[2]
    assert sel[3:] == ["Selesai", "Beres.", "TW III 2024"]


# --- queries ------------------------------------------------------------------------------------

JUMLAH_QUERY_RENJA = 16  # build_evaluasi_renja's, see its docstring


def test_the_berita_acara_takes_the_evaluasi_renja_queries_and_three_more(demo, django_assert_num_queries):
    pelaporan = _verifikasi(demo)
    _catat(pelaporan, CatatanDiskusi.Jenis.TEMUAN, TEMUAN, _indikator(demo))
    _catat(pelaporan, CatatanDiskusi.Jenis.REKOMENDASI, REKOMENDASI, _indikator(demo))
    with django_assert_num_queries(JUMLAH_QUERY_RENJA + 3):
        build_berita_acara(demo, 2024, 4)


def test_the_region_takes_the_same_queries_per_agency(demo, django_assert_num_queries):
    semua = list(PerangkatDaerah.objects.order_by("nama"))
    with django_assert_num_queries(len(semua) * (JUMLAH_QUERY_RENJA + 3), exact=False):
        build_berita_acara_wilayah(semua, 2024, 4)

"""One way to write a date ("7 Desember 2026") and one to write a moment ("7 Desember 2026 pukul
09.59"), in local time, on every page (issue 17, item 10)."""

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils.html import strip_tags

from kinerja import rules
from kinerja.models import Impor

from .factories import admin, verifikator
from .halaman import buka, n

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
UTC = datetime.UTC
BULAN = "|".join(rules.BULAN)
# Any way of writing a day of a month of a year: 7-12-2026, 7 Des 2026, 7 Desember 2026, 2026-12-07,
# each with what may follow it (", 09.59", " 09.59").
SINGKATAN = "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Agt|Ags|Sep|Okt|Nov|Des"
TANGGAL_APA_PUN = re.compile(
    rf"\b(?:\d{{1,2}}[-/]\d{{1,2}}[-/]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}} (?:{BULAN}|{SINGKATAN})\.? \d{{4}})"
    r"(?:,? ?\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)?"
)
TANGGAL = re.compile(rf"\d{{1,2}} (?:{BULAN}) \d{{4}}")
SAAT = re.compile(rf"\d{{1,2}} (?:{BULAN}) \d{{4}} pukul \d{{2}}\.\d{{2}}")


def _render(teks, **konteks):
    return Template("{% load kinerja_format %}" + teks).render(Context(konteks))


def test_a_moment_is_written_with_pukul_and_a_dot_between_hours_and_minutes():
    assert rules.format_waktu(datetime.datetime(2026, 12, 7, 9, 59)) == "7 Desember 2026 pukul 09.59"
    assert rules.format_waktu(None) == ""


@pytest.mark.parametrize(
    ("nilai", "filter_", "tertulis"),
    [
        (datetime.datetime(2026, 12, 7, 2, 59, tzinfo=UTC), "waktu_id", "7 Desember 2026 pukul 09.59"),
        # 17.30 UTC is already the next morning in Jakarta: the local date, not the stored one
        (datetime.datetime(2026, 12, 6, 17, 30, tzinfo=UTC), "tanggal_id", "7 Desember 2026"),
        (datetime.datetime(2026, 12, 6, 17, 30, tzinfo=UTC), "waktu_id", "7 Desember 2026 pukul 00.30"),
        (datetime.date(2025, 1, 15), "tanggal_id", "15 Januari 2025"),
        (None, "waktu_id", ""),
    ],
)
def test_the_filters_write_local_dates_and_moments(nilai, filter_, tertulis):
    assert _render(f"{{{{ x|{filter_} }}}}", x=nilai).replace("\N{NO-BREAK SPACE}", " ") == tertulis


def test_a_moment_on_a_page_breaks_only_before_pukul():
    """A narrow column (the reviewers' list) shows "10 Maret 2025 / pukul 09.00", never
    "10 Maret 2025 pukul / 09.00"."""
    momen = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=WIB)
    assert _render("{{ x|waktu_id }}", x=momen) == "10\xa0Maret\xa02025 pukul\xa009.00"


def _templat():
    for folder in settings.TEMPLATES[0]["DIRS"]:
        yield from Path(folder).rglob("*.html")
    for app in ("kinerja", "renstra", "laporan"):
        yield from (Path(settings.BASE_DIR) / app / "templates").rglob("*.html")


def test_no_template_formats_a_date_or_a_time_by_itself():
    sendiri = [
        f"{berkas.relative_to(settings.BASE_DIR)}:{nomor}"
        for berkas in _templat()
        for nomor, baris in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\|\s*(date|time)\b", baris)
    ]
    assert sendiri == []


# A log line's clock (kinerja/log.py) is read by whoever runs the server, not shown on a page.
BUKAN_UNTUK_PENGGUNA = {"kinerja/log.py"}


def test_no_python_code_writes_a_moment_by_hand():
    sendiri = [
        f"{berkas.relative_to(settings.BASE_DIR)}:{nomor}"
        for app in ("kinerja", "renstra", "laporan")
        for berkas in (Path(settings.BASE_DIR) / app).rglob("*.py")
        if "tests" not in berkas.parts
        and "migrations" not in berkas.parts
        and str(berkas.relative_to(settings.BASE_DIR)) not in BUKAN_UNTUK_PENGGUNA
        for nomor, baris in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"strftime|:%[dHMY]|%d-%m", baris)
    ]
    assert sendiri == []


def _teks(respons):
    assert respons.status_code == 200, respons.status_code
    return " ".join(strip_tags(respons.content.decode()).split())


def _periksa(teks, saat=True):
    """Every date on the page is written the one way; a time follows a date after "pukul"."""
    ditemukan = TANGGAL_APA_PUN.findall(teks)
    assert ditemukan, teks[:500]
    assert [t for t in ditemukan if not TANGGAL.fullmatch(t)] == []
    if saat:
        assert SAAT.search(teks), teks[:500]


@pytest.mark.django_db
def test_every_page_that_shows_a_date_writes_it_one_way(client, dinas):
    """The operator fills in, attaches evidence and submits on 20 December 2024 at 10.00 (WIB);
    an admin uploads a workbook; then each page that shows a date or a moment is read."""
    data = buka(client, dinas) | {n(dinas.darurat): "12", n(dinas.ape, "keterangan"): "Belum diumumkan."}
    data |= {n(dinas.rumus, "pembilang"): "8.126", n(dinas.rumus, "penyebut"): "8.324"}
    assert client.post(dinas.url, data).status_code == 302
    berkas = SimpleUploadedFile("daftar-penerima.pdf", b"%PDF-1.4\n%%EOF\n")
    client.post(reverse("kinerja:unggah", args=[2024, 4, dinas.darurat.pk]), {"berkas": berkas})
    client.post(reverse("kinerja:ajukan", args=[2024, 4]))

    halaman = {"isian": _teks(client.get(dinas.url))}
    halaman["beranda"] = _teks(client.get(reverse("laporan:dasbor")))
    client.force_login(verifikator())
    halaman["daftar verifikasi"] = _teks(
        client.get(reverse("kinerja:verifikasi_daftar"), {"tahun": 2024, "triwulan": 4})
    )
    halaman["tinjau"] = _teks(client.get(reverse("kinerja:tinjau", args=[dinas.opd.kode, 2024, 4])))
    halaman["riwayat"] = _teks(client.get(reverse("kinerja:riwayat", args=[dinas.darurat.pk])))
    pengunggah = admin()
    impor = Impor.objects.create(
        format="evaluasi-triwulan",
        opd=dinas.opd,
        tahun=2024,
        berkas=SimpleUploadedFile("evaluasi.xlsx", b"PK\x03\x04"),
        nama_asli="evaluasi.xlsx",
        status=Impor.Status.SELESAI,
        dibuat_oleh=pengunggah,
        disimpan_pada=datetime.datetime(2024, 12, 20, 10, 5, tzinfo=WIB),
    )
    client.force_login(pengunggah)
    halaman["daftar impor"] = _teks(client.get(reverse("kinerja:impor_daftar")))
    halaman["impor"] = _teks(client.get(reverse("kinerja:impor_detail", args=[impor.pk])))

    for nama, teks in halaman.items():
        _periksa(teks, saat=nama != "beranda")
    # the moment of the submission, in local time, wherever it is shown
    for nama in ("tinjau", "daftar verifikasi"):
        assert "20 Desember 2024 pukul 10.00" in halaman[nama], nama
    assert "daftar-penerima.pdf" in halaman["isian"] and "20 Desember 2024 pukul 10.00" in halaman["isian"]
    assert "diajukan 20 Desember 2024" in halaman["beranda"]
    assert "Sudah diimpor pada 20 Desember 2024 pukul 10.05" in halaman["impor"]

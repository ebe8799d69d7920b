"""The reports page, the report views in three formats, the font, the command and the check."""

from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.tests.factories import operator, verifikator
from laporan import checks
from laporan.builders import DAFTAR
from laporan.renderers import pdf
from renstra.tests.factories import BidangFactory, PerangkatDaerahFactory, RenstraFactory

from .conftest import perlu_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def dinas():
    opd = PerangkatDaerahFactory(kode="DINSOS-A", kota="Kota A", kepala_nama="Kepala A")
    RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    return opd


def url(nama, opd, tahun=2024, laporan="evaluasi-triwulan", query=""):
    return reverse(f"laporan:{nama}", args=[opd.kode, tahun, laporan]) + query


def test_anonymous_users_are_sent_to_log_in(client, dinas):
    for nama in ("laporan_html", "laporan_pdf", "laporan_xlsx"):
        respons = client.get(url(nama, dinas))
        assert respons.status_code == 302 and "/masuk/" in respons["Location"]


def test_an_operator_cannot_open_another_agencys_report(client, dinas):
    client.force_login(operator())
    for nama in ("laporan_html", "laporan_pdf", "laporan_xlsx"):
        assert client.get(url(nama, dinas)).status_code == 404


def test_an_unknown_report_is_not_found(client, dinas):
    client.force_login(operator(dinas))
    assert client.get(url("laporan_html", dinas, laporan="lkjip-palsu")).status_code == 404


def test_the_reports_page_lists_each_report_with_its_three_formats_for_the_users_agencies(client, dinas):
    PerangkatDaerahFactory(kode="TANPA-RENSTRA", nama="Dinas Tanpa Renstra")
    client.force_login(verifikator())

    respons = client.get(reverse("laporan:daftar"), {"tahun": 2024, "triwulan": 2})

    html = respons.content.decode()
    for jenis in DAFTAR:
        assert jenis.judul in html
    assert url("laporan_pdf", dinas) + "?triwulan=2" in html
    assert url("laporan_xlsx", dinas) + "?triwulan=2" in html
    assert "Tidak ada Renstra yang berlaku pada tahun 2024." in html  # the second agency


def test_an_operator_sees_only_their_agency_on_the_reports_page(client, dinas):
    lain = PerangkatDaerahFactory(kode="DINSOS-B")
    RenstraFactory(opd=lain)
    client.force_login(operator(dinas))

    html = client.get(reverse("laporan:daftar"), {"tahun": 2024}).content.decode()

    assert "/laporan/DINSOS-A/" in html and "/laporan/DINSOS-B/" not in html


def test_the_html_report_links_to_pdf_and_xlsx_with_the_same_choices(client, dinas):
    client.force_login(operator(dinas))

    respons = client.get(url("laporan_html", dinas, query="?triwulan=3"))

    assert respons.status_code == 200
    html = respons.content.decode()
    assert "Evaluasi Kinerja Triwulan" in html and "Kepala A" in html
    assert url("laporan_pdf", dinas, query="?triwulan=3") in html


def test_an_invalid_quarter_is_refused_naming_the_field(client, dinas):
    client.force_login(operator(dinas))

    assert client.get(url("laporan_html", dinas, query="?triwulan=9")).status_code == 400
    respons = client.get(url("laporan_xlsx", dinas, query="?triwulan=9"))
    assert respons.status_code == 400 and "Triwulan" in respons.content.decode()


def test_a_bidang_of_another_agency_is_refused(client, dinas):
    client.force_login(operator(dinas))
    lain = BidangFactory()

    assert client.get(url("laporan_xlsx", dinas, query=f"?bidang={lain.pk}")).status_code == 400


def test_xlsx_is_served_as_an_attachment_named_after_the_report(client, dinas):
    client.force_login(operator(dinas))

    respons = client.get(url("laporan_xlsx", dinas, query="?triwulan=2"))

    assert respons["Content-Disposition"] == 'attachment; filename="evaluasi-triwulan-dinsos-a-2024-tw2.xlsx"'
    assert "Form 1 Capaian" in load_workbook(BytesIO(respons.content)).sheetnames


@perlu_pdf
def test_pdf_is_served_as_an_attachment(client, dinas):
    client.force_login(operator(dinas))

    respons = client.get(url("laporan_pdf", dinas))

    assert respons["Content-Type"] == "application/pdf" and respons.content.startswith(b"%PDF")


def test_without_pango_the_pdf_link_says_what_to_install(client, dinas, monkeypatch):
    monkeypatch.setattr(pdf, "periksa_pdf", lambda: "PDF tidak dapat dibuat. Pasang dengan: " + pdf.PERINTAH_PASANG)
    client.force_login(operator(dinas))

    respons = client.get(url("laporan_pdf", dinas))

    assert respons.status_code == 503
    assert "sudo apt-get install libpango-1.0-0" in respons.content.decode()


def test_the_system_check_warns_with_the_packages_to_install(monkeypatch):
    monkeypatch.setattr(checks, "periksa_pdf", lambda: "PDF tidak dapat dibuat.")

    [peringatan] = checks.periksa_weasyprint(None)

    assert peringatan.id == "laporan.W001" and "fonts-dejavu-core" in peringatan.hint


def test_the_report_font_is_served_from_the_system_package(client, settings, tmp_path):
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"\x00\x01\x00\x00font")
    settings.KINERJA_FOLDER_HURUF = str(tmp_path)

    respons = client.get(reverse("laporan:huruf", args=["DejaVuSans.ttf"]))

    assert respons.status_code == 200 and b"".join(respons.streaming_content) == b"\x00\x01\x00\x00font"
    assert client.get(reverse("laporan:huruf", args=["passwd"])).status_code == 404


def test_the_command_writes_a_report_file(dinas, tmp_path):
    keluaran = tmp_path / "laporan.xlsx"

    call_command(
        "laporan", "evaluasi-triwulan", "--opd", "DINSOS-A", "--tahun", "2024", "--triwulan", "1",
        "--format", "xlsx", "--output", str(keluaran),
    )  # fmt: skip

    assert "Form 1 Capaian" in load_workbook(keluaran).sheetnames


def test_the_command_refuses_an_unknown_bidang_naming_the_ones_there(dinas, tmp_path):
    BidangFactory(opd=dinas, nama="Bidang Rehabilitasi Sosial")

    with pytest.raises(CommandError, match="Bidang yang ada: Bidang Rehabilitasi Sosial"):
        call_command(
            "laporan", "evaluasi-triwulan", "--opd", "DINSOS-A", "--tahun", "2024", "--bidang", "Keuangan",
            "--format", "html", "--output", str(tmp_path / "x.html"),
        )  # fmt: skip


def test_a_year_that_is_not_a_number_shows_the_current_year_instead_of_failing(client, dinas):
    client.force_login(operator(dinas))

    respons = client.get(reverse("laporan:daftar"), {"tahun": "dua ribu"})

    assert respons.status_code == 200

"""Writing the LKjIP's narrative on its report page: who may, in place with htmx or on a page of
its own, two people on one section, the history, starting a year from last year's text; and the
text written reaching the PDF."""

import pytest
from django.urls import reverse

from kinerja.models import NarasiLaporan
from kinerja.narasi import simpan_narasi
from kinerja.tests.factories import admin, operator, verifikator
from renstra.tests.factories import IndikatorFactory, RenstraFactory, SasaranFactory, TujuanFactory

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db

KALIMAT = "Laporan ini disusun bersama seluruh bidang pada bulan Februari 2025."


@pytest.fixture
def renstra():
    return RenstraFactory(opd__kode="DINSOS-A", opd__kota="Kota A", tahun_awal=2024, tahun_akhir=2026)


@pytest.fixture
def opd(renstra):
    return renstra.opd


@pytest.fixture
def indikator(renstra):
    return IndikatorFactory(sub_kegiatan=None, sasaran=SasaranFactory(tujuan=TujuanFactory(renstra=renstra)))


def url_ubah(opd, bagian="kata_pengantar", tahun=2024, indikator=None):
    url = reverse("laporan:narasi_ubah", args=[opd.kode, tahun, bagian])
    return url + (f"?indikator={indikator.pk}" if indikator else "")


def url_laporan(opd, tahun=2024):
    return reverse("laporan:laporan_html", args=[opd.kode, tahun, "lkjip"])


def test_the_report_page_offers_writing_to_the_agencys_operators_only(client, opd):
    client.force_login(operator(opd))
    html = client.get(url_laporan(opd)).content.decode()
    assert url_ubah(opd) in html and "Salin narasi tahun 2023" in html
    assert "htmx" in html

    client.force_login(verifikator())
    html = client.get(url_laporan(opd)).content.decode()
    assert url_ubah(opd) not in html and "Salin narasi" not in html
    assert "(Belum ditulis." in html


def test_an_operator_writes_a_section_on_its_own_page(client, opd):
    user = operator(opd)
    client.force_login(user)
    assert client.get(url_ubah(opd)).status_code == 200

    respons = client.post(url_ubah(opd), {"teks": KALIMAT, "versi": "0"})

    assert respons.status_code == 302
    assert respons["Location"] == url_laporan(opd) + "#narasi-kata_pengantar"
    narasi = NarasiLaporan.objects.get()
    assert (narasi.teks, narasi.diubah_oleh, narasi.history.get().history_user) == (KALIMAT, user, user)
    assert KALIMAT in client.get(url_laporan(opd)).content.decode()


def test_with_htmx_the_section_is_edited_in_place(client, opd, indikator):
    client.force_login(operator(opd))
    url = url_ubah(opd, "faktor_pendorong", indikator=indikator)

    formulir = client.get(url, headers={"HX-Request": "true"})
    assert formulir.status_code == 200
    assert 'id="narasi-faktor_pendorong-' in formulir.content.decode() and "<html" not in formulir.content.decode()

    respons = client.post(
        url, {"teks": "Sinergi antarinstansi.", "versi": "0", "indikator": indikator.pk}, headers={"HX-Request": "true"}
    )

    html = respons.content.decode()
    assert respons.status_code == 200 and "<html" not in html
    assert "Sinergi antarinstansi." in html and ">Ubah<" in html and "Riwayat" in html
    assert NarasiLaporan.objects.get().indikator == indikator


def test_a_section_saved_by_someone_else_meanwhile_comes_back_with_both_texts(client, opd):
    lain = operator(opd, first_name="Rina")
    simpan_narasi(user=lain, opd=opd, tahun=2024, bagian="kata_pengantar", teks="Teks Rina.", versi=0)
    client.force_login(operator(opd))

    respons = client.post(url_ubah(opd), {"teks": "Teks saya.", "versi": "0"})

    html = respons.content.decode()
    assert respons.status_code == 409
    assert "Teks Rina." in html and "Teks saya." in html and "baru saja diubah oleh Rina" in html
    assert NarasiLaporan.objects.get().teks == "Teks Rina."
    # Saving again from that form replaces it, knowingly.
    assert 'name="versi" value="1"' in html
    client.post(url_ubah(opd), {"teks": "Teks saya.", "versi": "1"})
    assert NarasiLaporan.objects.get().teks == "Teks saya."


def test_a_text_too_long_is_refused_naming_the_limit(client, opd):
    client.force_login(operator(opd))
    respons = client.post(url_ubah(opd), {"teks": "x" * 50_001, "versi": "0"})
    assert respons.status_code == 400
    assert "Teks paling panjang 50000 karakter (sekarang 50001)." in respons.content.decode()
    assert not NarasiLaporan.objects.exists()


@pytest.mark.parametrize(
    ("siapa", "status"),
    [("operator lain", 404), ("verifikator", 403), ("anonim", 302)],
)
def test_who_may_not_write_gets_nothing_written(client, opd, siapa, status):
    if siapa == "operator lain":
        client.force_login(operator())
    elif siapa == "verifikator":
        client.force_login(verifikator())
    for respons in (
        client.get(url_ubah(opd)),
        client.post(url_ubah(opd), {"teks": "Bukan hak saya.", "versi": "0"}),
        client.post(reverse("laporan:narasi_salin", args=[opd.kode, 2024])),
    ):
        assert respons.status_code == status
    assert not NarasiLaporan.objects.exists()


def test_admin_writes_for_any_agency(client, opd):
    client.force_login(admin())
    assert client.post(url_ubah(opd), {"teks": KALIMAT, "versi": "0"}).status_code == 302
    assert NarasiLaporan.objects.get().diubah_oleh.is_staff


def test_an_unknown_section_or_an_indicator_of_another_agency_is_not_found(client, opd, indikator):
    client.force_login(operator(opd))
    assert client.get(url_ubah(opd, "prakata")).status_code == 404
    assert client.get(url_ubah(opd, "faktor_pendorong")).status_code == 404  # no indicator
    lain = IndikatorFactory(sub_kegiatan=None, sasaran=SasaranFactory())
    assert client.get(url_ubah(opd, "faktor_pendorong", indikator=lain)).status_code == 404
    assert client.get(url_ubah(opd, "faktor_pendorong", tahun=2030, indikator=indikator)).status_code == 404


def test_the_history_of_a_section_lists_each_version(client, opd):
    pertama, kedua = operator(opd, first_name="Rina"), operator(opd, first_name="Budi")
    simpan_narasi(user=pertama, opd=opd, tahun=2024, bagian="kata_pengantar", teks="Versi Rina.", versi=0)
    simpan_narasi(user=kedua, opd=opd, tahun=2024, bagian="kata_pengantar", teks="Versi Budi.", versi=1)
    client.force_login(verifikator())
    url = reverse("laporan:narasi_riwayat", args=[opd.kode, 2024, "kata_pengantar"])
    assert url in client.get(url_laporan(opd)).content.decode()  # a reviewer reads it from the report

    html = client.get(url).content.decode()

    assert html.index("Budi") < html.index("Rina")
    assert "Versi Rina." in html and "Versi Budi." in html and "mengubah" in html and "menulis" in html


def test_a_new_year_is_started_from_last_years_text(client, opd):
    user = operator(opd)
    simpan_narasi(user=user, opd=opd, tahun=2024, bagian="kata_pengantar", teks=KALIMAT, versi=0)
    client.force_login(user)

    respons = client.post(reverse("laporan:narasi_salin", args=[opd.kode, 2025]), follow=True)

    assert respons.redirect_chain[-1][0] == url_laporan(opd, 2025)
    html = respons.content.decode()
    assert "1 bagian disalin dari narasi tahun 2024." in html and KALIMAT in html


@perlu_pdf
def test_a_section_written_on_the_page_is_in_the_pdf(client, opd, tmp_path):
    client.force_login(operator(opd))
    client.post(url_ubah(opd), {"teks": f"{KALIMAT}\n\nAlinea kedua kata pengantar.", "versi": "0"})

    respons = client.get(reverse("laporan:laporan_pdf", args=[opd.kode, 2024, "lkjip"]))

    teks, _ = teks_pdf(respons.content, tmp_path, tata_letak=False)
    teks = " ".join(teks.split())
    assert KALIMAT in teks and "Alinea kedua kata pengantar." in teks

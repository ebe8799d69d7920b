"""How much evidence one operator may upload: a number of files per indicator and quarter, and
megabytes per agency and year (KINERJA_DATA_DUKUNG_PER_BARIS, KINERJA_DATA_DUKUNG_OPD_MB); a file
beyond them is refused in place with the reason, and nothing of it is kept."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import DataDukung

pytestmark = pytest.mark.django_db


def pdf(nama, ukuran=100):
    isi = b"%PDF-1.4\n" + b"0" * max(0, ukuran - 9)
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def unggah(client, dinas, berkas, indikator=None):
    url = reverse("kinerja:unggah", args=[2024, 4, (indikator or dinas.darurat).pk])
    return client.post(url, {"berkas": berkas}, headers={"HX-Request": "true"})


def test_files_beyond_the_limit_of_one_indicators_quarter_are_refused_in_place(client, dinas, settings, tmp_path):
    settings.KINERJA_DATA_DUKUNG_PER_BARIS = 2
    client.force_login(dinas.operator)
    assert unggah(client, dinas, pdf("satu.pdf")).status_code == 200
    assert unggah(client, dinas, pdf("dua.pdf")).status_code == 200

    respons = unggah(client, dinas, pdf("tiga.pdf"))

    html = unescape(respons.content.decode())
    assert 'Data dukung "tiga.pdf" tidak disimpan: Indikator ini sudah mempunyai 2 data dukung' in html
    assert "paling banyak 2" in html
    assert sorted(DataDukung.objects.values_list("nama_asli", flat=True)) == ["dua.pdf", "satu.pdf"]
    assert len(list((tmp_path / "data_dukung").rglob("*.pdf"))) == 2  # nothing of the refused file
    assert unggah(client, dinas, pdf("tiga.pdf"), indikator=dinas.rumus).status_code == 200  # another row


def test_files_beyond_the_agencys_megabytes_of_the_year_are_refused(client, dinas, settings):
    settings.KINERJA_DATA_DUKUNG_OPD_MB = 1
    client.force_login(dinas.operator)
    assert unggah(client, dinas, pdf("besar.pdf", 700 * 1024)).status_code == 200

    respons = unggah(client, dinas, pdf("lagi.pdf", 400 * 1024), indikator=dinas.rumus)

    assert (
        "Data dukung DSPPPA Kabupaten Uji tahun 2024 sudah 0,7 MB; dengan berkas ini melampaui batas 1 MB setahun"
    ) in unescape(respons.content.decode())
    assert list(DataDukung.objects.values_list("nama_asli", flat=True)) == ["besar.pdf"]

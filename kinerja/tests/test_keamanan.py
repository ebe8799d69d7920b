"""Security of the measurement pages: hostile text escaped on every page that shows it, workbooks
written without formulas, evidence files checked on upload and served only as downloads, log-in
throttling (django-axes), passwords and sessions, and the Content-Security-Policy of the pages.
The report and dashboard side is in laporan/tests/test_keamanan_laporan.py."""

import csv
import datetime
import io
import json
import zoneinfo
from dataclasses import dataclass

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from openpyxl import Workbook

from kinerja import importers, services
from kinerja.models import DataDukung, Impor, Pelaporan
from renstra.tests.factories import PerangkatDaerahFactory

from . import muatan
from .factories import admin, operator, verifikator

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
SANDI = "rahasia-uji-123"  # the factories' password


@pytest.fixture
def berbahaya():
    return muatan.buat_dinas_berbahaya()


def masuk_sebagai(client, d, siapa):
    user = {"operator": d.operator, "verifikator": verifikator(), "admin": admin(is_superuser=True)}[siapa]
    client.force_login(user)
    return user


# ---------------------------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------------------------

NARASI_REALISASI = ["permasalahan", "rencana aksi", "tindak lanjut", "keterangan"]
POHON = ["nama perangkat daerah", "uraian program", "uraian indikator", "uraian indikator sasaran"]


@dataclass
class Halaman:
    siapa: str
    url: object  # d -> URL
    tampak: list  # the fields (muatan.ISIAN keys) the page shows


HALAMAN = {
    "isian": Halaman(
        "operator",
        lambda d: reverse("kinerja:isian", args=[2024, 1]),
        [*POHON, "catatan verifikator", *NARASI_REALISASI],
    ),
    "tinjau": Halaman(
        "verifikator",
        lambda d: reverse("kinerja:tinjau", args=[d.opd.kode, 2024, 1]),
        [*POHON, "catatan verifikator", *NARASI_REALISASI],
    ),
    "verifikasi-daftar": Halaman(
        "verifikator", lambda d: reverse("kinerja:verifikasi_daftar") + "?tahun=2024&triwulan=1", POHON[:1]
    ),
    "riwayat-indikator": Halaman(
        "operator",
        lambda d: reverse("kinerja:riwayat", args=[d.indikator.pk]),
        ["nama perangkat daerah", "uraian indikator", *NARASI_REALISASI],
    ),
    "beranda-operator": Halaman("operator", lambda d: reverse("renstra:beranda"), POHON),
    "beranda-verifikator": Halaman("verifikator", lambda d: reverse("renstra:beranda"), POHON[:1]),
    "renstra": Halaman("operator", lambda d: reverse("renstra:renstra_detail", args=[d.renstra.pk]), POHON),
    "impor": Halaman("admin", lambda d: reverse("kinerja:impor_daftar"), POHON[:1]),
}


@pytest.mark.parametrize("nama", HALAMAN)
def test_hostile_text_is_shown_escaped_on_the_measurement_pages(client, berbahaya, nama):
    halaman = HALAMAN[nama]
    masuk_sebagai(client, berbahaya, halaman.siapa)

    respons = client.get(halaman.url(berbahaya))

    assert respons.status_code == 200
    html = respons.content.decode()
    assert muatan.masalah_halaman(respons) == []
    assert [f for f in halaman.tampak if not muatan.tampak_tersaring(html, muatan.ISIAN[f])] == []


def test_a_reviewers_note_typed_with_markup_is_stored_as_typed_and_shown_escaped(client, berbahaya):
    pelaporan = Pelaporan.objects.get(opd=berbahaya.opd, tahun=2024, triwulan=1)
    pelaporan.status = Pelaporan.Status.DIAJUKAN
    pelaporan.catatan = ""
    pelaporan.save()
    client.force_login(verifikator())
    url = reverse("kinerja:putuskan", args=[berbahaya.opd.kode, 2024, 1])

    client.post(url, {"aksi": "kembalikan", "catatan": muatan.CATATAN})

    assert Pelaporan.objects.get(pk=pelaporan.pk).catatan == muatan.CATATAN
    client.force_login(berbahaya.operator)
    for url in (reverse("kinerja:isian", args=[2024, 1]), reverse("laporan:dasbor")):
        respons = client.get(url)
        assert muatan.masalah_halaman(respons) == []
        assert muatan.tampak_tersaring(respons.content.decode(), muatan.CATATAN)


def test_the_htmx_fragments_of_the_entry_page_are_escaped_and_obey_the_policy(client, berbahaya):
    client.force_login(berbahaya.operator)
    i = berbahaya.indikator
    pratinjau = client.post(reverse("kinerja:pratinjau", args=[2024, 1, i.pk]), {f"r{i.pk}-nilai": "9"})
    unggah = client.post(
        reverse("kinerja:unggah", args=[2024, 1, i.pk]),
        {"berkas": SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n")},
        headers={"HX-Request": "true"},
    )

    for respons in (pratinjau, unggah):
        assert respons.status_code == 200
        assert muatan.masalah_halaman(respons) == []


# ---------------------------------------------------------------------------------------------
# Spreadsheet formulas
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("format", importers.FORMAT)
def test_an_import_template_has_no_formula(client, format):
    client.force_login(admin())

    respons = client.get(reverse("kinerja:impor_templat", args=[format]), {"tahun": 2025})

    assert respons.status_code == 200
    assert respons["Content-Disposition"] == f'attachment; filename="templat-{format}.xlsx"'
    assert muatan.sel_xlsx(respons.content)
    assert muatan.rumus_dalam(respons.content) == []


def ekspor_admin(client, model, format):
    """An export through the admin's Export page (django-import-export), every field chosen;
    `format` is the index in the page's list of formats (0: XLSX, 1: CSV)."""
    url = reverse(f"admin:{model}_export")
    form = client.get(url).context["form"]
    data = {"resource": "0", "format": str(format)}
    data |= {nama: "on" for nama, field in form.fields.items() if getattr(field, "is_selectable_field", False)}
    respons = client.post(url, data)
    assert respons.status_code == 200 and respons["Content-Disposition"].startswith("attachment;")
    return respons.content


EKSPOR_ADMIN = {
    "renstra_perangkatdaerah": [muatan.NAMA_OPD],
    "renstra_program": [muatan.URAIAN_PROGRAM],
    "renstra_indikator": [muatan.URAIAN_INDIKATOR, muatan.URAIAN_SASARAN_INDIKATOR],
    "kinerja_realisasi": [muatan.PERMASALAHAN, muatan.RENCANA_AKSI, muatan.TINDAK_LANJUT, muatan.KETERANGAN],
}


@pytest.mark.parametrize("model", EKSPOR_ADMIN)
def test_an_admin_xlsx_export_writes_formula_like_text_as_text(client, berbahaya, model):
    client.force_login(admin(is_superuser=True))

    isi = ekspor_admin(client, model, format=0)

    sel = muatan.sel_xlsx(isi)
    assert muatan.rumus_dalam(isi) == []
    for teks in EKSPOR_ADMIN[model]:
        assert [jenis for _, _, nilai, jenis in sel if nilai == teks] == ["s"], teks


def test_an_admin_xlsx_export_keeps_a_negative_realisation_a_number(client, berbahaya):
    client.force_login(admin(is_superuser=True))

    sel = muatan.sel_xlsx(ekspor_admin(client, "kinerja_realisasi", format=0))

    assert [(nilai, jenis) for _, _, nilai, jenis in sel if nilai == -5.01] == [(-5.01, "n")]


def test_an_admin_csv_export_begins_no_field_with_an_equals_sign(client, berbahaya, settings):
    """IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT: the library drops a leading "=" from CSV fields.
    Text starting with +, - or @ stays as it is (a CSV has no cell types), and so does -5,01."""
    assert settings.IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is True
    client.force_login(admin(is_superuser=True))

    baris = list(csv.reader(io.StringIO(ekspor_admin(client, "kinerja_realisasi", format=1).decode("utf-8-sig"))))

    nilai = [v for b in baris for v in b]
    assert not [v for v in nilai if v.startswith("=")]
    assert "-5,01" in nilai


# ---------------------------------------------------------------------------------------------
# Evidence files (data dukung)
# ---------------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n%data dukung\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)
JPG = b"\xff\xd8\xff\xe0" + bytes(16)


def _xlsx():
    keluaran = io.BytesIO()
    Workbook().save(keluaran)
    return keluaran.getvalue()


DOCX = b"PK\x03\x04" + bytes(26)  # the start of a zip, as every .docx is


def unggah(client, d, nama, isi, htmx=True):
    url = reverse("kinerja:unggah", args=[2024, 1, d.indikator.pk])
    return client.post(url, {"berkas": SimpleUploadedFile(nama, isi)}, headers={"HX-Request": "true"} if htmx else {})


@pytest.mark.parametrize(
    ("nama", "isi"),
    [
        ("laporan.pdf", PDF),
        ("foto.png", PNG),
        ("foto.jpg", JPG),
        ("FOTO.JPEG", JPG),
        ("rekap.xlsx", _xlsx()),
        ("surat.docx", DOCX),
    ],
)
def test_evidence_of_each_accepted_kind_is_stored_when_its_content_matches_its_name(client, berbahaya, nama, isi):
    client.force_login(berbahaya.operator)

    respons = unggah(client, berbahaya, nama, isi)

    assert respons.context["unggah_gagal"] is False, respons.context["pesan_unggah"]
    data_dukung = DataDukung.objects.get()
    assert data_dukung.nama_asli == nama
    assert data_dukung.berkas.name.endswith(nama[nama.rindex(".") :].lower())
    assert nama not in data_dukung.berkas.name  # stored under a random name


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("foto.png", PDF, '"foto.png" bukan berkas PNG yang sah.'),
        ("foto.jpg", PNG, '"foto.jpg" bukan berkas JPG yang sah.'),
        ("laporan.pdf", b"<html><script>alert(1)</script></html>", '"laporan.pdf" bukan berkas PDF yang sah.'),
        ("surat.docx", b"{\\rtf1 surat}", '"surat.docx" bukan berkas DOCX yang sah.'),
        ("rekap.xlsx", PDF, '"rekap.xlsx" bukan berkas XLSX yang sah.'),
    ],
    ids=["pdf-sebagai-png", "png-sebagai-jpg", "html-sebagai-pdf", "rtf-sebagai-docx", "pdf-sebagai-xlsx"],
)
def test_evidence_whose_content_is_not_what_its_name_says_is_refused(client, berbahaya, nama, isi, pesan):
    client.force_login(berbahaya.operator)

    respons = unggah(client, berbahaya, nama, isi)

    assert respons.context["unggah_gagal"] is True
    assert respons.context["pesan_unggah"].endswith(pesan)
    assert not DataDukung.objects.exists()


@pytest.mark.parametrize(
    ("nama", "isi"),
    [
        ("gambar.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("halaman.html", b"<script>alert(1)</script>"),
        ("laporan.pdf.html", PDF),
        ("arsip.zip", DOCX),
        ("program.exe", b"MZ\x90\x00"),
        ("tanpa-akhiran", PDF),
    ],
)
def test_evidence_of_a_kind_outside_the_list_is_refused_naming_the_file(client, berbahaya, nama, isi):
    client.force_login(berbahaya.operator)

    respons = unggah(client, berbahaya, nama, isi, htmx=False)

    pesan = [str(m) for m in get_messages(respons.wsgi_request)]
    assert pesan == [
        f'Data dukung "{berbahaya.indikator}": "{nama}" tidak dapat diunggah: yang diterima PDF, gambar (PNG, JPG), '
        "XLSX dan DOCX."
    ]
    assert not DataDukung.objects.exists()


def test_evidence_at_the_size_limit_is_accepted_and_one_byte_more_refused(client, berbahaya, settings):
    settings.KINERJA_UKURAN_DATA_DUKUNG_MB = 1
    client.force_login(berbahaya.operator)
    batas = 1024 * 1024

    lebih = unggah(client, berbahaya, "besar.pdf", PDF + bytes(batas + 1 - len(PDF)))
    pas = unggah(client, berbahaya, "pas.pdf", PDF + bytes(batas - len(PDF)))

    assert lebih.context["unggah_gagal"] is True
    assert lebih.context["pesan_unggah"].endswith('"besar.pdf" berukuran 1,0 MB; paling besar 1 MB.')
    assert pas.context["unggah_gagal"] is False
    assert list(DataDukung.objects.values_list("nama_asli", flat=True)) == ["pas.pdf"]


def test_a_file_name_with_markup_is_shown_escaped_in_the_refusal(client, berbahaya):
    client.force_login(berbahaya.operator)
    nama = '"><img src=x onerror=alert(1)>.exe'

    respons = unggah(client, berbahaya, nama, b"MZ")

    assert muatan.masalah_halaman(respons) == []
    assert escape(nama) in respons.content.decode()


def simpan_data_dukung(d, nama, isi=PDF):
    pelaporan = services.pelaporan_unit(d.opd, None, 2024, 1)
    berkas = SimpleUploadedFile(nama, isi)
    return services.unggah_data_dukung(user=d.operator, pelaporan=pelaporan, indikator=d.indikator, berkas=berkas)


@pytest.mark.parametrize(
    ("nama", "header"),
    [
        ("Laporan Kegiatan TW I.pdf", 'attachment; filename="Laporan Kegiatan TW I.pdf"'),
        ('Laporan "final".pdf', 'attachment; filename="Laporan _final_.pdf"'),
        ("a.pdf\"; filename*=UTF-8''b.html", "attachment; filename=\"a.pdf__ filename_=UTF-8''b.html.pdf\""),
        ("Laporan\r\nSet-Cookie: a=b.pdf", 'attachment; filename="Laporan Set-Cookie_ a=b.pdf"'),
        ("..\\..\\rahasia.pdf", 'attachment; filename="rahasia.pdf"'),
        ("Bukti<script>.pdf", 'attachment; filename="Bukti_script_.pdf"'),
        (
            "Laporan Kepala Dinas TW I – final.pdf",
            "attachment; filename*=utf-8''Laporan%20Kepala%20Dinas%20TW%20I%20%E2%80%93%20final.pdf",
        ),
    ],
    ids=["biasa", "tanda-kutip", "header-tambahan", "baris-baru", "jalur", "tanda-lebih-kecil", "bukan-ascii"],
)
def test_evidence_is_downloaded_as_an_attachment_with_a_safe_name_that_may_not_be_sniffed(
    client, berbahaya, nama, header
):
    data_dukung = simpan_data_dukung(berbahaya, "bukti.pdf")
    DataDukung.objects.filter(pk=data_dukung.pk).update(nama_asli=nama)  # as an admin may type it
    client.force_login(verifikator())

    respons = client.get(reverse("kinerja:unduh_data_dukung", args=[data_dukung.pk]))

    assert respons.status_code == 200
    assert respons["Content-Disposition"] == header
    assert respons["Content-Type"] == "application/pdf"
    assert respons["X-Content-Type-Options"] == "nosniff"
    assert b"".join(respons.streaming_content) == PDF
    respons.close()


def test_evidence_is_not_served_from_its_storage_path_nor_to_another_agency(client, berbahaya):
    data_dukung = simpan_data_dukung(berbahaya, "bukti.pdf")
    client.force_login(operator())

    assert client.get("/" + data_dukung.berkas.name).status_code == 404
    assert client.get("/media/" + data_dukung.berkas.name).status_code == 404
    assert client.get(reverse("kinerja:unduh_data_dukung", args=[data_dukung.pk])).status_code == 404


def test_the_admin_refuses_evidence_the_entry_page_would_refuse(client, berbahaya):
    client.force_login(admin(is_superuser=True))
    realisasi = berbahaya.indikator.realisasi.get()
    data = {
        "realisasi": realisasi.pk,
        "nama_asli": "halaman.html",
        "ukuran": "30",
        "tipe": "text/html",
        "berkas": SimpleUploadedFile("halaman.html", b"<script>alert(1)</script>"),
    }

    respons = client.post(reverse("admin:kinerja_datadukung_add"), data)

    assert respons.status_code == 200
    assert respons.context["adminform"].form.errors["berkas"] == [
        '"halaman.html" tidak dapat diunggah: yang diterima PDF, gambar (PNG, JPG), XLSX dan DOCX.'
    ]
    assert not DataDukung.objects.exists()


# --- the workbook import upload --------------------------------------------------------------


def unggah_impor(client, nama, isi):
    opd = PerangkatDaerahFactory()
    data = {"format": "matriks-renstra", "opd": opd.pk, "tahun": 2025, "berkas": SimpleUploadedFile(nama, isi)}
    return client.post(reverse("kinerja:impor_daftar"), data)


@pytest.mark.parametrize("nama", ["matriks.xls", "matriks.csv", "matriks.xlsx.html", "matriks.xlsm", "matriks"])
def test_the_import_accepts_only_xlsx_files(client, nama):
    client.force_login(admin())

    respons = unggah_impor(client, nama, _xlsx())

    assert respons.status_code == 200
    assert respons.context["form"].errors["berkas"] == [
        f'"{nama}" bukan berkas .xlsx. Simpan tabelnya sebagai buku kerja Excel (.xlsx).'
    ]
    assert not Impor.objects.exists()


def test_the_import_refuses_a_workbook_over_its_size_limit(client, settings):
    settings.KINERJA_UKURAN_IMPOR_MB = 1
    client.force_login(admin())

    respons = unggah_impor(client, "besar.xlsx", _xlsx() + bytes(1024 * 1024))

    assert respons.context["form"].errors["berkas"] == [
        '"besar.xlsx" berukuran 1,0 MB; paling besar 1 MB. Pisahkan per bidang atau per lembar.'
    ]
    assert not Impor.objects.exists()


def test_an_import_file_named_xlsx_that_is_not_a_workbook_is_refused_by_its_check(client):
    client.force_login(admin())

    respons = unggah_impor(client, "matriks.xlsx", b"<html><script>alert(1)</script></html>")

    impor = Impor.objects.get()
    assert respons.status_code == 302
    assert impor.status == Impor.Status.GALAT
    halaman = client.get(reverse("kinerja:impor_detail", args=[impor.pk]))
    assert "Berkas ini bukan" in halaman.content.decode()
    assert muatan.masalah_halaman(halaman) == []


# ---------------------------------------------------------------------------------------------
# Log-in throttling (django-axes)
# ---------------------------------------------------------------------------------------------

PAGI = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=WIB)


def masuk(client, username, password, alamat="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=alamat)


def gagal_lima_kali(client, username, alamat="10.0.0.1"):
    return [masuk(client, username, "salah-sekali-1234", alamat).status_code for _ in range(5)]


@pytest.fixture
def pengguna(time_machine):
    time_machine.move_to(PAGI, tick=False)
    return verifikator(username="rina")


def test_five_wrong_passwords_lock_the_user_out_from_that_address(client, pengguna, settings):
    assert settings.AXES_FAILURE_LIMIT == 5

    kode = gagal_lima_kali(client, "rina")
    benar = masuk(client, "rina", SANDI)

    assert kode == [200, 200, 200, 200, 429]
    assert benar.status_code == 429
    html = benar.content.decode()
    assert "Terlalu banyak percobaan masuk" in html
    assert "salah 5 kali dari alamat Anda" in html and "ditolak selama 15 menit" in html
    assert "_auth_user_id" not in client.session
    assert muatan.masalah_csp(benar) == []


def test_the_lockout_holds_for_one_user_name_from_one_address_only(client, pengguna):
    verifikator(username="budi")
    gagal_lima_kali(client, "rina", alamat="10.0.0.1")

    dari_alamat_lain = masuk(client, "rina", SANDI, alamat="10.0.0.2")
    client.logout()
    nama_lain = masuk(client, "budi", SANDI, alamat="10.0.0.1")

    assert dari_alamat_lain.status_code == 302
    assert nama_lain.status_code == 302


def test_after_the_cool_off_the_right_password_works_again(client, pengguna, time_machine):
    """Fifteen minutes from the fifth failure: a try while locked out does not restart them."""
    gagal_lima_kali(client, "rina")
    time_machine.move_to(PAGI + datetime.timedelta(minutes=14), tick=False)
    assert masuk(client, "rina", SANDI).status_code == 429
    assert masuk(client, "rina", "salah-sekali-1234").status_code == 429

    time_machine.move_to(PAGI + datetime.timedelta(minutes=15, seconds=1), tick=False)
    respons = masuk(client, "rina", SANDI)

    assert respons.status_code == 302 and respons["Location"] == reverse("renstra:beranda")


def test_a_successful_log_in_resets_the_count_of_failures(client, pengguna):
    kode = [masuk(client, "rina", "salah-sekali-1234").status_code for _ in range(4)]
    assert masuk(client, "rina", SANDI).status_code == 302
    client.logout()

    kode += [masuk(client, "rina", "salah-sekali-1234").status_code for _ in range(4)]

    assert kode == [200] * 8
    assert masuk(client, "rina", SANDI).status_code == 302


# ---------------------------------------------------------------------------------------------
# Passwords and sessions
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sandi", "pesan"),
    [
        ("sandi-pendk", "Kata sandi terlalu pendek. Harus mengandung setidaknya 12 karakter."),
        ("password1234", "Kata sandi ini terlalu umum."),
        ("123456789012", "Kata sandi ini seluruhnya terdiri dari angka."),
    ],
    ids=["11-karakter", "umum", "angka"],
)
def test_a_weak_password_is_refused_with_an_indonesian_message(sandi, pesan):
    with pytest.raises(ValidationError) as galat:
        validate_password(sandi)

    assert pesan in galat.value.messages


def test_a_password_of_twelve_uncommon_characters_is_accepted():
    assert validate_password("laut-biru-tanjung") is None


def test_the_session_cookie_is_http_only_and_ends_with_the_browser(client, pengguna):
    respons = masuk(client, "rina", SANDI)

    kue = respons.cookies["sessionid"]
    assert kue["httponly"] is True
    assert kue["samesite"] == "Lax"
    assert not kue["max-age"] and not kue["expires"]


def test_a_session_ends_after_two_idle_hours_and_each_request_renews_it(client, pengguna, time_machine, settings):
    assert settings.SESSION_COOKIE_AGE == 120 * 60
    masuk(client, "rina", SANDI)
    beranda = reverse("renstra:beranda")

    for menit in (119, 238, 357):  # a request every 119 minutes keeps the session alive
        time_machine.move_to(PAGI + datetime.timedelta(minutes=menit), tick=False)
        assert client.get(beranda).status_code == 200
    time_machine.move_to(PAGI + datetime.timedelta(minutes=357 + 121), tick=False)
    respons = client.get(beranda)

    assert respons.status_code == 302 and respons["Location"].startswith(reverse("login"))


# ---------------------------------------------------------------------------------------------
# Content-Security-Policy
# ---------------------------------------------------------------------------------------------


def test_the_log_in_page_and_the_error_pages_obey_the_content_security_policy(client, berbahaya):
    halaman = [client.get(reverse("login"))]
    client.force_login(berbahaya.operator)
    halaman += [client.get("/tidak-ada/"), client.get(reverse("kinerja:verifikasi_daftar"))]

    assert [r.status_code for r in halaman] == [200, 404, 403]
    assert [muatan.masalah_csp(r) for r in halaman] == [[], [], []]


def test_the_entry_page_names_its_style_nonce_in_the_policy_header(client, berbahaya):
    """The entry page: the policy of the header allows the page's own scripts and styles only."""
    client.force_login(berbahaya.operator)

    respons = client.get(reverse("kinerja:isian", args=[2024, 1]))

    arahan = muatan.arahan_csp(respons)
    assert arahan["script-src"] == ["'self'"]
    assert arahan["style-src"][0] == "'self'" and len(arahan["style-src"]) <= 2
    assert arahan["frame-ancestors"] == ["'none'"] and arahan["object-src"] == ["'none'"]
    assert muatan.masalah_csp(respons) == []


def test_htmx_is_configured_to_add_no_inline_style(client, berbahaya):
    """htmx's indicator <style> and its copying of style attributes while settling a swap would
    both be blocked by the policy (a style attribute left empty by a script, as a browser test's
    screenshot leaves on every field, used to be copied onto the swapped cells)."""
    client.force_login(berbahaya.operator)

    respons = client.get(reverse("kinerja:isian", args=[2024, 1]))

    meta = next(a for tag, a in muatan.tag_html(respons.content.decode()) if a.get("name") == "htmx-config")
    konfigurasi = json.loads(meta["content"])
    assert konfigurasi["includeIndicatorStyles"] is False
    assert "style" not in konfigurasi["attributesToSettle"]

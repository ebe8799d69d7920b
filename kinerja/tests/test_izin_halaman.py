"""Who may open which page of the quarterly entry and its verification, and what a refused request
leaves behind: nothing. Two agencies A and B, each with a Renstra 2024–2026 and one indicator of
a sub kegiatan realised in 2024 TW I; B's realisation carries an evidence file (data dukung)."""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.messages import constants, get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from kinerja import services
from kinerja.models import DataDukung, Pelaporan, Realisasi, RealisasiAnggaran
from renstra.tests.factories import (
    BidangFactory,
    IndikatorFactory,
    KegiatanFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SubKegiatanFactory,
    TargetFactory,
)

from .factories import RealisasiFactory, admin, operator, verifikator
from .halaman import isian_awal

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%data dukung uji\n"
NAMA_DATA_DUKUNG = "Laporan Kegiatan TW I.pdf"
DRAFT, DIAJUKAN, DIVERIFIKASI, DIKEMBALIKAN = (
    Pelaporan.Status.DRAFT,
    Pelaporan.Status.DIAJUKAN,
    Pelaporan.Status.DIVERIFIKASI,
    Pelaporan.Status.DIKEMBALIKAN,
)


def _pdf(nama=NAMA_DATA_DUKUNG, isi=PDF):
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


@dataclass
class Instansi:
    """An agency with one indicator of one sub kegiatan, realised (8) in 2024 TW I."""

    opd: object
    sub_kegiatan: object
    indikator: object
    operator: object
    data_dukung: object = None


@dataclass
class Dunia:
    a: Instansi
    b: Instansi
    media: Path


def _isian_sub_kegiatan(renstra, bidang_program=None, bidang_sub=None):
    program = ProgramFactory(renstra=renstra, bidang=bidang_program)
    sub = SubKegiatanFactory(kegiatan=KegiatanFactory(program=program), bidang=bidang_sub)
    indikator = IndikatorFactory(sub_kegiatan=sub)
    TargetFactory(indikator=indikator, tahun=2024, nilai=Decimal("30"))
    RealisasiFactory(indikator=indikator, tahun=2024, triwulan=1, nilai=Decimal("8"))
    return sub, indikator


def _instansi():
    opd = PerangkatDaerahFactory()
    sub, indikator = _isian_sub_kegiatan(RenstraFactory(opd=opd))
    return Instansi(opd=opd, sub_kegiatan=sub, indikator=indikator, operator=operator(opd=opd))


def _unggah(user, indikator, bidang=None, berkas=None):
    """Evidence saved through the service, as the upload page does."""
    pelaporan = services.pelaporan_unit(user.opd, bidang, 2024, 1)
    return services.unggah_data_dukung(user=user, pelaporan=pelaporan, indikator=indikator, berkas=berkas or _pdf())


@pytest.fixture
def dunia(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    a, b = _instansi(), _instansi()
    b.data_dukung = _unggah(b.operator, b.indikator)
    return Dunia(a=a, b=b, media=tmp_path)


def _status(opd, status, bidang=None):
    """Put a unit's 2024 TW I submission in `status` (creating it if need be)."""
    Pelaporan.objects.update_or_create(opd=opd, bidang=bidang, tahun=2024, triwulan=1, defaults={"status": status})


def _pelaporan(opd, bidang=None):
    return Pelaporan.objects.get(opd=opd, bidang=bidang, tahun=2024, triwulan=1)


def _keadaan(dunia):
    """Everything a request could change: rows of every table the pages write, and the files under
    `dunia.media`."""
    return {
        "data_dukung": list(DataDukung.objects.order_by("pk").values_list("pk", "realisasi_id", "berkas", "nama_asli")),
        "berkas": sorted(str(p.relative_to(dunia.media)) for p in dunia.media.rglob("*") if p.is_file()),
        "pelaporan": list(
            Pelaporan.objects.order_by("pk").values_list("opd_id", "bidang_id", "triwulan", "status", "catatan")
        ),
        "realisasi": list(
            Realisasi.objects.order_by("pk").values_list("indikator_id", "triwulan", "nilai", "versi", "keterangan")
        ),
        "anggaran": list(RealisasiAnggaran.objects.order_by("pk").values_list("sub_kegiatan_id", "triwulan", "nilai")),
        "riwayat": (Realisasi.history.count(), Pelaporan.history.count(), DataDukung.history.count()),
    }


def _isian_lain(u):
    """What a forged entry form would send for `u`'s rows: changed values under their field names."""
    r, a = f"r{u.indikator.pk}", f"a{u.sub_kegiatan.pk}"
    return {
        f"{r}-nilai": "99",
        f"{r}-keterangan": "titipan",
        f"{r}-versi": "1",
        f"{r}-asal": "",
        f"{a}-nilai": "1.000.000",
        f"{a}-versi": "0",
        f"{a}-asal": "",
    }


@dataclass
class Halaman:
    """A page: its URL name, method, arguments and POST data naming an agency's objects, and the
    status of that agency's submission in which the request, if allowed, would change something."""

    nama_url: str
    metode: str
    args: object
    data: object = None
    status_siap: str = DRAFT


def _kode(u):
    return [u.opd.kode, 2024, 1]


HALAMAN = {
    "isian_sekarang": Halaman("isian_sekarang", "get", lambda u: []),
    "isian": Halaman("isian", "get", lambda u: [2024, 1]),
    "isian_simpan": Halaman("isian", "post", lambda u: [2024, 1], _isian_lain),
    "pratinjau": Halaman(
        "pratinjau", "post", lambda u: [2024, 1, u.indikator.pk], lambda u: {f"r{u.indikator.pk}-nilai": "5"}
    ),
    "ajukan": Halaman("ajukan", "post", lambda u: [2024, 1], lambda u: {}),
    "unggah": Halaman("unggah", "post", lambda u: [2024, 1, u.indikator.pk], lambda u: {"berkas": _pdf("Titipan.pdf")}),
    "unduh_data_dukung": Halaman("unduh_data_dukung", "get", lambda u: [u.data_dukung.pk]),
    "hapus_data_dukung": Halaman("hapus_data_dukung", "post", lambda u: [u.data_dukung.pk], lambda u: {}),
    "verifikasi_daftar": Halaman("verifikasi_daftar", "get", lambda u: []),
    "tinjau": Halaman("tinjau", "get", _kode),
    "putuskan": Halaman(
        "putuskan", "post", _kode, lambda u: {"aksi": "verifikasi", "catatan": "Sudah sesuai."}, DIAJUKAN
    ),
    "buka_kembali": Halaman(
        "buka_kembali", "post", _kode, lambda u: {"alasan": "Realisasi salah ketik."}, DIVERIFIKASI
    ),
    "riwayat": Halaman("riwayat", "get", lambda u: [u.indikator.pk]),
}


def _siapkan(nama, u):
    """Put agency `u`'s submission in the status in which a request to page `nama` would take effect."""
    _status(u.opd, HALAMAN[nama].status_siap)


def _buka(client, nama, u, **kwargs):
    """Request page `nama` naming the objects of agency `u`."""
    halaman = HALAMAN[nama]
    url = reverse(f"kinerja:{halaman.nama_url}", args=halaman.args(u))
    if halaman.metode == "get":
        return client.get(url, **kwargs)
    return client.post(url, halaman.data(u), **kwargs)


def _pesan(respons):
    return [(m.level, m.message) for m in get_messages(respons.wsgi_request)]


# --- anonymous visitors ---------------------------------------------------------------------


@pytest.mark.parametrize("nama", sorted(HALAMAN))
def test_anonymous_visitor_is_sent_to_login_and_changes_nothing(client, dunia, nama):
    _siapkan(nama, dunia.b)
    keadaan = _keadaan(dunia)
    respons = _buka(client, nama, dunia.b)
    assert respons.status_code == 302
    assert respons.url == f"{reverse('login')}?next={respons.wsgi_request.path}"
    assert _keadaan(dunia) == keadaan
    assert DataDukung.objects.filter(pk=dunia.b.data_dukung.pk).exists()


def test_predikat_stylesheet_is_public_because_the_login_page_uses_it(client):
    respons = client.get(reverse("kinerja:gaya_predikat"))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "text/css; charset=utf-8"


# --- operators ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nama", "status"),
    [
        ("pratinjau", 404),
        ("unggah", 404),
        ("riwayat", 404),
        ("unduh_data_dukung", 404),
        ("hapus_data_dukung", 404),
        ("tinjau", 403),
        ("putuskan", 403),
        ("buka_kembali", 403),
    ],
)
def test_operator_cannot_reach_another_agencys_objects(client, dunia, nama, status):
    client.force_login(dunia.a.operator)
    _siapkan(nama, dunia.b)
    keadaan = _keadaan(dunia)
    respons = _buka(client, nama, dunia.b)
    assert respons.status_code == status
    assert _keadaan(dunia) == keadaan
    assert Path(dunia.b.data_dukung.berkas.path).is_file()


@pytest.mark.parametrize("milik", ["a", "b"], ids=["opd-sendiri", "opd-lain"])
@pytest.mark.parametrize("nama", ["verifikasi_daftar", "tinjau", "putuskan", "buka_kembali"])
def test_operator_is_refused_the_verification_pages_even_for_their_own_agency(client, dunia, nama, milik):
    client.force_login(dunia.a.operator)
    u = getattr(dunia, milik)
    _siapkan(nama, u)
    keadaan = _keadaan(dunia)
    assert _buka(client, nama, u).status_code == 403
    assert _keadaan(dunia) == keadaan


def test_operator_current_quarter_link_leads_to_their_entry_page(client, dunia):
    client.force_login(dunia.a.operator)
    respons = client.get(reverse("kinerja:isian_sekarang"), {"tahun": 2024, "triwulan": 1})
    assert respons.status_code == 302
    assert respons.url == reverse("kinerja:isian", args=[2024, 1])


def test_operator_entry_page_shows_only_their_agencys_rows(client, dunia):
    a, b = dunia.a, dunia.b
    client.force_login(a.operator)
    respons = client.get(reverse("kinerja:isian", args=[2024, 1]))
    assert respons.status_code == 200
    assert [baris.indikator for baris in respons.context["halaman"].baris] == [a.indikator]
    html = respons.content.decode()
    assert f'name="r{a.indikator.pk}-nilai"' in html
    assert f"r{b.indikator.pk}-" not in html and f"a{b.sub_kegiatan.pk}-" not in html


@pytest.mark.parametrize("nama", ["pratinjau", "riwayat"])
def test_operator_opens_their_own_rows_pages(client, dunia, nama):
    client.force_login(dunia.a.operator)
    respons = _buka(client, nama, dunia.a)
    assert respons.status_code == 200
    assert respons.context["indikator" if nama == "riwayat" else "baris"] is not None


UBAH_SENDIRI = pytest.mark.parametrize(
    "ubah_sendiri",
    [False, True],
    ids=["baris-sendiri-tetap", "baris-sendiri-diubah"],
)


@UBAH_SENDIRI
def test_operator_cannot_write_another_agencys_rows_through_their_entry_page(client, dunia, ubah_sendiri):
    """The forged rows are ignored whether or not the operator also changes their own row (then
    the save really runs)."""
    a, b = dunia.a, dunia.b
    client.force_login(a.operator)
    url = reverse("kinerja:isian", args=[2024, 1])
    data = {**isian_awal(client.get(url)), **_isian_lain(b)}
    if ubah_sendiri:
        data[f"r{a.indikator.pk}-nilai"] = "9"
    riwayat_b = Realisasi.history.filter(indikator=b.indikator).count()

    respons = client.post(url, data)

    assert respons.status_code == 302
    if ubah_sendiri:
        pesan = (constants.SUCCESS, "Tersimpan: 1 realisasi indikator dan 0 realisasi keuangan.")
    else:
        pesan = (constants.INFO, "Tidak ada yang berubah.")
    assert _pesan(respons) == [pesan]
    nilai_a = Decimal("9") if ubah_sendiri else Decimal("8")
    assert Realisasi.objects.get(indikator=a.indikator, tahun=2024, triwulan=1).nilai == nilai_a
    realisasi_b = Realisasi.objects.get(indikator=b.indikator, tahun=2024, triwulan=1)
    assert (realisasi_b.nilai, realisasi_b.versi, realisasi_b.keterangan) == (Decimal("8"), 1, "")
    assert Realisasi.history.filter(indikator=b.indikator).count() == riwayat_b
    assert not RealisasiAnggaran.objects.filter(sub_kegiatan=b.sub_kegiatan).exists()
    assert not Pelaporan.objects.filter(opd=b.opd).exclude(status=DRAFT).exists()


@pytest.mark.parametrize("status", [DIAJUKAN, DIVERIFIKASI])
@pytest.mark.parametrize("nama", ["unggah", "hapus_data_dukung", "isian_simpan"])
def test_operator_cannot_change_a_submitted_or_verified_quarter(client, dunia, nama, status):
    b = dunia.b
    client.force_login(b.operator)
    halaman = HALAMAN[nama]
    _status(b.opd, status)
    keadaan = _keadaan(dunia)
    url = reverse(f"kinerja:{halaman.nama_url}", args=halaman.args(b))
    data = _isian_lain(b) if nama == "isian_simpan" else halaman.data(b)
    respons = client.post(url, data)
    if nama == "isian_simpan":  # the page again, with the typing and why nothing was saved
        assert respons.status_code == 400
        assert f"sudah {status}" in respons.content.decode()
    else:
        assert respons.status_code == 403
    assert _keadaan(dunia) == keadaan


# --- evidence files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("siapa", "status"),
    [("anonim", 302), ("operator_a", 404), ("operator_b", 200), ("verifikator", 200), ("admin", 200)],
)
def test_evidence_is_downloaded_only_by_its_agency_and_reviewers(client, dunia, siapa, status):
    pengguna = {
        "anonim": None,
        "operator_a": dunia.a.operator,
        "operator_b": dunia.b.operator,
        "verifikator": verifikator(),
        "admin": admin(),
    }[siapa]
    if pengguna:
        client.force_login(pengguna)
    respons = client.get(reverse("kinerja:unduh_data_dukung", args=[dunia.b.data_dukung.pk]))
    assert respons.status_code == status
    if status == 200:
        assert respons["Content-Disposition"] == f'attachment; filename="{NAMA_DATA_DUKUNG}"'
        assert respons["Content-Type"] == "application/pdf"
        assert b"".join(respons.streaming_content) == PDF
        respons.close()
    elif status == 302:
        assert respons.url.startswith(f"{reverse('login')}?next=")


def test_operator_removes_their_own_evidence_and_its_file(client, dunia, django_capture_on_commit_callbacks):
    b = dunia.b
    berkas = Path(b.data_dukung.berkas.path)
    client.force_login(b.operator)
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the removal commits
        respons = client.post(reverse("kinerja:hapus_data_dukung", args=[b.data_dukung.pk]))
    assert respons.status_code == 302
    assert not DataDukung.objects.filter(pk=b.data_dukung.pk).exists()
    assert not berkas.exists()


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "tanpa-htmx"])
def test_operator_uploads_evidence_to_their_own_row(client, dunia, htmx):
    a = dunia.a
    client.force_login(a.operator)
    url = reverse("kinerja:unggah", args=[2024, 1, a.indikator.pk])
    respons = client.post(url, {"berkas": _pdf("Foto Kegiatan.pdf")}, headers={"HX-Request": "true"} if htmx else {})
    data_dukung = DataDukung.objects.get(realisasi__indikator=a.indikator)
    assert data_dukung.nama_asli == "Foto Kegiatan.pdf"
    assert Path(data_dukung.berkas.path).read_bytes() == PDF
    assert Path(data_dukung.berkas.path).is_relative_to(dunia.media)
    pesan = 'Data dukung "Foto Kegiatan.pdf" tersimpan.'
    if htmx:
        assert respons.status_code == 200
        assert (respons.context["pesan_unggah"], respons.context["unggah_gagal"]) == (pesan, False)
    else:
        assert respons.status_code == 302
        assert _pesan(respons) == [(constants.SUCCESS, pesan)]


SATU_KOMA_SATU_MB = 1_153_434  # 1.1 × 1024 × 1024, rounded up


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        (
            "Program.exe",
            b"MZ\x90\x00\x03\x00\x00\x00",
            ['"Program.exe" tidak dapat diunggah: yang diterima PDF, gambar (PNG, JPG), XLSX dan DOCX.'],
        ),
        ("Laporan.pdf", b"<html>bukan pdf</html>", ['"Laporan.pdf" bukan berkas PDF yang sah.']),
        (
            "Besar.pdf",
            PDF + b"0" * (SATU_KOMA_SATU_MB - len(PDF)),
            ['"Besar.pdf" berukuran 1', " MB; paling besar 1 MB."],
        ),
    ],
    ids=["ekstensi-tidak-diterima", "isi-bukan-pdf", "lebih-dari-1-mb"],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "tanpa-htmx"])
def test_upload_refuses_a_bad_file_with_a_message_naming_it(client, dunia, settings, nama, isi, pesan, htmx):
    settings.KINERJA_UKURAN_DATA_DUKUNG_MB = 1
    a = dunia.a
    client.force_login(a.operator)
    keadaan = _keadaan(dunia)
    url = reverse("kinerja:unggah", args=[2024, 1, a.indikator.pk])

    respons = client.post(
        url, {"berkas": SimpleUploadedFile(nama, isi)}, headers={"HX-Request": "true"} if htmx else {}
    )

    awalan = f'Data dukung "{a.indikator}": '
    if htmx:
        assert respons.status_code == 200
        assert respons.context["unggah_gagal"] is True
        teks = respons.context["pesan_unggah"]
        html = respons.content.decode()
        assert f'id="dd-{a.indikator.pk}"' in html
        assert escape(teks) in html
    else:
        assert respons.status_code == 302
        assert respons.url == reverse("kinerja:isian", args=[2024, 1]) + f"#baris-{a.indikator.pk}"
        [(level, teks)] = _pesan(respons)
        assert level == constants.ERROR
    assert teks.startswith(awalan)
    assert all(bagian in teks for bagian in pesan)
    assert _keadaan(dunia) == keadaan


# --- the rules behind the pages -------------------------------------------------------------

IZIN = ("lihat_opd", "isi_pelaporan", "putuskan_pelaporan", "buka_pelaporan")
BOLEH = {
    "operator_a": (False, False, False, False),
    "operator_b": (True, True, False, False),
    "verifikator": (True, False, True, False),
    "admin": (True, False, True, True),
}


@pytest.mark.parametrize(
    ("siapa", "izin", "boleh"),
    [(siapa, izin, boleh) for siapa, daftar in BOLEH.items() for izin, boleh in zip(IZIN, daftar, strict=True)],
)
def test_object_permissions_of_each_role_on_agency_b(dunia, siapa, izin, boleh):
    pengguna = {
        "operator_a": dunia.a.operator,
        "operator_b": dunia.b.operator,
        "verifikator": verifikator(),
        "admin": admin(),
    }[siapa]
    obj = dunia.b.data_dukung if izin == "lihat_opd" else _pelaporan(dunia.b.opd)
    assert pengguna.has_perm(f"kinerja.{izin}", obj) is boleh


# --- verifikator and admin ------------------------------------------------------------------


@pytest.mark.parametrize("opd_sendiri", [False, True], ids=["bappeda", "perencana-opd-b"])
@pytest.mark.parametrize("nama", ["isian", "isian_simpan", "pratinjau", "ajukan", "unggah", "hapus_data_dukung"])
def test_verifikator_is_refused_the_entry_pages(client, dunia, nama, opd_sendiri):
    """Also a verifikator of B's own planning sub-unit (DESIGN.md): reading B is not entering for B."""
    client.force_login(verifikator(opd=dunia.b.opd if opd_sendiri else None))
    _siapkan(nama, dunia.b)
    keadaan = _keadaan(dunia)
    assert _buka(client, nama, dunia.b).status_code == 403
    assert _keadaan(dunia) == keadaan


@pytest.mark.parametrize("buat", [verifikator, admin], ids=["verifikator", "admin"])
@pytest.mark.parametrize("nama", ["verifikasi_daftar", "tinjau", "riwayat"])
def test_reviewers_read_every_agencys_pages(client, dunia, nama, buat):
    client.force_login(buat())
    assert _buka(client, nama, dunia.a).status_code == 200
    assert _buka(client, nama, dunia.b).status_code == 200


def test_submissions_list_shows_both_agencies(client, dunia):
    client.force_login(verifikator())
    respons = client.get(reverse("kinerja:verifikasi_daftar"), {"tahun": 2024, "triwulan": 1})
    assert respons.status_code == 200
    assert {b.opd for b in respons.context["baris"]} == {dunia.a.opd, dunia.b.opd}


def _ajukan(u):
    services.ajukan_pelaporan(
        user=u.operator, pelaporan=services.pelaporan_unit(u.opd, None, 2024, 1), indikator=[u.indikator]
    )


@pytest.mark.parametrize(
    ("aksi", "catatan", "status", "alasan"),
    [
        ("verifikasi", "Sudah sesuai.", DIVERIFIKASI, "Diverifikasi"),
        ("kembalikan", "Lampirkan daftar hadir.", DIKEMBALIKAN, "Dikembalikan"),
    ],
)
def test_verifikator_verifies_or_returns_a_submitted_quarter(client, dunia, aksi, catatan, status, alasan):
    b = dunia.b
    _ajukan(b)
    penilai = verifikator()
    client.force_login(penilai)
    url = reverse("kinerja:putuskan", args=_kode(b))
    respons = client.post(url, {"aksi": aksi, "catatan": catatan})
    assert respons.status_code == 302
    assert respons.url == reverse("kinerja:tinjau", args=_kode(b))
    pelaporan = _pelaporan(b.opd)
    assert (pelaporan.status, pelaporan.catatan) == (status, catatan)
    terakhir = pelaporan.history.first()
    assert (terakhir.history_user, terakhir.history_change_reason) == (penilai, alasan)


def test_verifikator_cannot_decide_on_a_quarter_that_was_not_submitted(client, dunia):
    client.force_login(verifikator())
    keadaan = _keadaan(dunia)
    respons = client.post(reverse("kinerja:putuskan", args=_kode(dunia.b)), {"aksi": "verifikasi"}, follow=True)
    assert "sudah berstatus draf" in respons.content.decode()
    assert "Keputusan Anda tidak disimpan." in respons.content.decode()
    assert _keadaan(dunia) == keadaan


@pytest.mark.parametrize(
    "alasan",
    [
        "Realisasi salah ketik.",
        "",
    ],
    ids=["dengan-alasan", "tanpa-alasan"],
)
@pytest.mark.parametrize("status", [DIAJUKAN, DIVERIFIKASI])
def test_verifikator_cannot_reopen_a_quarter(client, dunia, status, alasan):
    _status(dunia.b.opd, status)
    client.force_login(verifikator())
    keadaan = _keadaan(dunia)
    respons = client.post(reverse("kinerja:buka_kembali", args=_kode(dunia.b)), {"alasan": alasan})
    assert respons.status_code == 403
    assert _keadaan(dunia) == keadaan


def test_admin_reopens_a_verified_quarter_and_the_reason_is_in_its_history(client, dunia):
    b = dunia.b
    _ajukan(b)
    services.verifikasi_pelaporan(user=verifikator(), pelaporan=_pelaporan(b.opd))
    pembuka = admin()
    client.force_login(pembuka)

    respons = client.post(reverse("kinerja:buka_kembali", args=_kode(b)), {"alasan": "Realisasi TW I salah ketik."})

    assert respons.status_code == 302
    assert respons.url == reverse("kinerja:tinjau", args=_kode(b))
    pelaporan = _pelaporan(b.opd)
    assert pelaporan.status == DRAFT
    terakhir = pelaporan.history.first()
    assert terakhir.history_change_reason == "Dibuka kembali: Realisasi TW I salah ketik."
    assert terakhir.history_user == pembuka
    assert [h.status for h in pelaporan.history.order_by("history_date")][-3:] == [DIAJUKAN, DIVERIFIKASI, DRAFT]


def test_admin_cannot_reopen_without_a_reason(client, dunia):
    _status(dunia.b.opd, DIVERIFIKASI)
    client.force_login(admin())
    keadaan = _keadaan(dunia)
    respons = client.post(reverse("kinerja:buka_kembali", args=_kode(dunia.b)), {"alasan": "  "})
    assert respons.status_code == 302
    assert _pesan(respons) == [(constants.ERROR, "Tulis alasan membuka kembali.")]
    assert _keadaan(dunia) == keadaan


# --- bidang operators -----------------------------------------------------------------------


@dataclass
class DinasBerbidang:
    opd: object
    bidang_x: object
    bidang_y: object
    indikator_x: object
    indikator_y: object
    operator_x: object
    data_dukung_y: object
    media: Path


@pytest.fixture(params=[True, False], ids=["lapor-per-bidang", "lapor-sebagai-satu"])
def berbidang(request, settings, tmp_path):
    """An agency with bidang X (owning a program) and Y (owning a sub kegiatan under a program of
    no bidang); Y's realisation has an evidence file."""
    settings.MEDIA_ROOT = tmp_path
    opd = PerangkatDaerahFactory(pelaporan_per_bidang=request.param)
    x, y = BidangFactory(opd=opd, nama="Bidang Rehabilitasi Sosial"), BidangFactory(opd=opd, nama="Bidang PPPA")
    renstra = RenstraFactory(opd=opd)
    _, indikator_x = _isian_sub_kegiatan(renstra, bidang_program=x)
    _, indikator_y = _isian_sub_kegiatan(renstra, bidang_sub=y)
    unit_y = y if opd.pelaporan_per_bidang else None
    data_dukung_y = _unggah(operator(opd=opd, bidang=y), indikator_y, bidang=unit_y)
    return DinasBerbidang(opd, x, y, indikator_x, indikator_y, operator(opd=opd, bidang=x), data_dukung_y, tmp_path)


def test_bidang_operator_entry_page_shows_only_their_bidangs_rows(client, berbidang):
    client.force_login(berbidang.operator_x)
    respons = client.get(reverse("kinerja:isian", args=[2024, 1]))
    assert respons.status_code == 200
    assert [b.indikator for b in respons.context["halaman"].baris] == [berbidang.indikator_x]


@pytest.mark.parametrize(
    ("nama", "args", "data"),
    [
        ("pratinjau", lambda d: [2024, 1, d.indikator_y.pk], lambda d: {f"r{d.indikator_y.pk}-nilai": "5"}),
        ("unggah", lambda d: [2024, 1, d.indikator_y.pk], lambda d: {"berkas": _pdf("Titipan.pdf")}),
        ("hapus_data_dukung", lambda d: [d.data_dukung_y.pk], lambda d: {}),
    ],
    ids=["pratinjau", "unggah", "hapus_data_dukung"],
)
def test_bidang_operator_cannot_reach_another_bidangs_rows(client, berbidang, nama, args, data):
    client.force_login(berbidang.operator_x)
    keadaan = _keadaan(berbidang)
    respons = client.post(reverse(f"kinerja:{nama}", args=args(berbidang)), data(berbidang))
    assert respons.status_code == 404
    assert _keadaan(berbidang) == keadaan
    assert Path(berbidang.data_dukung_y.berkas.path).is_file()


def test_bidang_operator_cannot_read_another_bidangs_evidence_or_history(client, berbidang):
    client.force_login(berbidang.operator_x)
    assert client.get(reverse("kinerja:unduh_data_dukung", args=[berbidang.data_dukung_y.pk])).status_code == 404
    assert client.get(reverse("kinerja:riwayat", args=[berbidang.indikator_y.pk])).status_code == 404
    assert client.get(reverse("kinerja:riwayat", args=[berbidang.indikator_x.pk])).status_code == 200


def test_bidang_operator_previews_and_uploads_to_their_own_rows(client, berbidang):
    x = berbidang.indikator_x
    client.force_login(berbidang.operator_x)
    assert client.post(reverse("kinerja:pratinjau", args=[2024, 1, x.pk]), {f"r{x.pk}-nilai": "5"}).status_code == 200
    respons = client.post(reverse("kinerja:unggah", args=[2024, 1, x.pk]), {"berkas": _pdf("Bukti X.pdf")})
    assert respons.status_code == 302
    assert list(DataDukung.objects.filter(realisasi__indikator=x).values_list("nama_asli", flat=True)) == [
        "Bukti X.pdf"
    ]


@UBAH_SENDIRI
def test_bidang_operator_cannot_write_another_bidangs_rows_through_their_entry_page(client, berbidang, ubah_sendiri):
    x, y = berbidang.indikator_x, berbidang.indikator_y
    client.force_login(berbidang.operator_x)
    url = reverse("kinerja:isian", args=[2024, 1])
    palsu = {f"r{y.pk}-nilai": "99", f"r{y.pk}-versi": "1", f"r{y.pk}-asal": ""}
    data = {**isian_awal(client.get(url)), **palsu}
    if ubah_sendiri:
        data[f"r{x.pk}-nilai"] = "9"
    assert client.post(url, data).status_code == 302
    assert Realisasi.objects.get(indikator=x).nilai == (Decimal("9") if ubah_sendiri else Decimal("8"))
    assert (Realisasi.objects.get(indikator=y).nilai, Realisasi.objects.get(indikator=y).versi) == (Decimal("8"), 1)


def test_bidang_operator_may_fill_only_their_bidangs_submission(berbidang):
    """Where the agency reports per bidang each bidang has its own submission; elsewhere the
    agency's one holds every bidang's rows."""
    d = berbidang
    per_bidang = d.opd.pelaporan_per_bidang
    milik_y = services.pelaporan_unit(d.opd, d.bidang_y if per_bidang else None, 2024, 1)
    milik_x = services.pelaporan_unit(d.opd, d.bidang_x if per_bidang else None, 2024, 1)
    assert d.operator_x.has_perm("kinerja.isi_pelaporan", milik_y) is not per_bidang
    assert d.operator_x.has_perm("kinerja.isi_pelaporan", milik_x) is True

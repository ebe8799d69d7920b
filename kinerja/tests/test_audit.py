"""The audit log "kinerja.audit": one event per saved quarter, per workflow step, per import stage
and per log-in, with who and what, written after the commit, and never a password or a note."""

import logging

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja import importers, services
from kinerja.importers import keputusan
from kinerja.log import FormatJSON
from kinerja.models import Impor
from renstra.tests.factories import PerangkatDaerahFactory

from .factories import RealisasiAnggaranFactory, RealisasiFactory, UserFactory, admin, verifikator
from .halaman import a, buka, n
from .seed_xlsx import baris_matriks_renstra, perbaiki_matriks_renstra, tulis_xlsx

pytestmark = pytest.mark.django_db
ALAMAT = "36.68.10.5"


@pytest.fixture
def audit(caplog):
    """The audit events logged so far, as (event, {field: value}); `awalan` picks one kind (the
    tests' own log-ins, by `force_login`, are events too)."""
    caplog.set_level(logging.DEBUG)

    def peristiwa(awalan=""):
        bawaan = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
        return [
            (r.getMessage(), {k: v for k, v in r.__dict__.items() if k not in bawaan})
            for r in caplog.records
            if r.name == "kinerja.audit" and r.getMessage().startswith(awalan)
        ]

    return peristiwa


def semua_log(caplog):
    """Every record of every logger, as the JSON lines and the raw attributes carry it."""
    return "\n".join(FormatJSON().format(r) + repr(r.__dict__) for r in caplog.records)


# --- realisations -------------------------------------------------------------------------------


def test_saving_a_quarter_logs_who_saved_how_many_rows_once_the_transaction_commits(
    client, dinas, audit, django_capture_on_commit_callbacks
):
    data = buka(client, dinas)
    data |= {n(dinas.darurat): "12", n(dinas.rumus, "pembilang"): "8.126", n(dinas.rumus, "penyebut"): "8.324"}
    data |= {a(dinas.sub): "36.116.500"}

    with django_capture_on_commit_callbacks() as setelah_commit:
        assert client.post(dinas.url, data).status_code == 302
    assert audit("realisasi.") == []
    for fungsi in setelah_commit:
        fungsi()

    assert audit("realisasi.") == [
        (
            "realisasi.disimpan",
            {
                "pengguna": dinas.operator.username,
                "opd": "DSPPPA-UJI",
                "bidang": None,
                "tahun": 2024,
                "triwulan": 4,
                "realisasi_dibuat": 2,
                "realisasi_diubah": 0,
                "anggaran_dibuat": 1,
                "anggaran_diubah": 0,
                "anggaran_dihapus": 0,
                "terlambat": False,
            },
        )
    ]


def test_changing_and_clearing_rows_is_counted_as_such(client, dinas, audit, django_capture_on_commit_callbacks):
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=5)
    RealisasiAnggaranFactory(sub_kegiatan=dinas.sub, tahun=2024, triwulan=4, nilai=1_000)
    data = buka(client, dinas) | {n(dinas.darurat): "12", a(dinas.sub): ""}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(dinas.url, data)

    ((peristiwa, kolom),) = audit("realisasi.")
    assert peristiwa == "realisasi.disimpan"
    assert (kolom["realisasi_dibuat"], kolom["realisasi_diubah"]) == (0, 1)
    assert (kolom["anggaran_dibuat"], kolom["anggaran_diubah"], kolom["anggaran_dihapus"]) == (0, 0, 1)


def test_a_save_refused_or_changing_nothing_logs_nothing(client, dinas, audit, django_capture_on_commit_callbacks):
    data = buka(client, dinas)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(dinas.url, data | {n(dinas.darurat): "dua belas"}).status_code == 400
        assert client.post(dinas.url, data).status_code == 302  # "Tidak ada yang berubah."

    assert audit("realisasi.") == []


# --- the workflow -------------------------------------------------------------------------------

CATATAN = "Data dukung Layanan Kedaruratan TW IV belum diunggah"
ALASAN = "Salah ketik jumlah PMKS tertangani"


def test_each_workflow_step_is_logged_with_the_length_of_its_note_never_the_note(
    dinas, audit, caplog, django_capture_on_commit_callbacks
):
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=12)
    RealisasiFactory(indikator=dinas.rumus, tahun=2024, triwulan=4, nilai=None, pembilang=8126, penyebut=8324)
    RealisasiFactory(indikator=dinas.ape, tahun=2024, triwulan=4, nilai=None, keterangan="Belum dinilai.")
    indikator = [dinas.darurat, dinas.rumus, dinas.ape]
    pelaporan = services.pelaporan_unit(dinas.opd, None, 2024, 4)
    bappeda, pengelola = verifikator(username="verifikator_bappeda"), admin(username="admin_kab")

    with django_capture_on_commit_callbacks(execute=True):
        services.ajukan_pelaporan(user=dinas.operator, pelaporan=pelaporan, indikator=indikator)
        services.kembalikan_pelaporan(user=bappeda, pelaporan=pelaporan, catatan=CATATAN)
        services.ajukan_pelaporan(user=dinas.operator, pelaporan=pelaporan, indikator=indikator)
        services.verifikasi_pelaporan(user=bappeda, pelaporan=pelaporan, catatan="")
        services.buka_kembali_pelaporan(user=pengelola, pelaporan=pelaporan, alasan=ALASAN)

    unit = {"opd": "DSPPPA-UJI", "bidang": None, "tahun": 2024, "triwulan": 4}
    operator = {"pengguna": dinas.operator.username, **unit}
    assert audit() == [
        ("pelaporan.diajukan", {**operator, "terlambat": False}),
        ("pelaporan.dikembalikan", {"pengguna": "verifikator_bappeda", **unit, "panjang_catatan": len(CATATAN)}),
        ("pelaporan.diajukan", {**operator, "terlambat": False}),
        ("pelaporan.diverifikasi", {"pengguna": "verifikator_bappeda", **unit, "panjang_catatan": 0}),
        ("pelaporan.dibuka_kembali", {"pengguna": "admin_kab", **unit, "panjang_alasan": len(ALASAN)}),
    ]
    assert CATATAN not in semua_log(caplog) and ALASAN not in semua_log(caplog)


def test_a_refused_workflow_step_logs_nothing(dinas, audit, django_capture_on_commit_callbacks):
    pelaporan = services.pelaporan_unit(dinas.opd, None, 2024, 4)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.ajukan_pelaporan(user=dinas.operator, pelaporan=pelaporan, indikator=[dinas.darurat])

    assert audit() == []


# --- imports ------------------------------------------------------------------------------------


def test_an_upload_logs_the_check_and_the_write_with_file_name_rows_and_errors(
    client, tmp_path, audit, django_capture_on_commit_callbacks
):
    berkas = tulis_xlsx(
        tmp_path / "Matriks Batu Bara.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())}
    )
    opd = PerangkatDaerahFactory(kode="DSPPPA-BATUBARA")
    client.force_login(admin(username="admin_kab"))

    with django_capture_on_commit_callbacks(execute=True), open(berkas, "rb") as f:
        client.post(
            reverse("kinerja:impor_daftar"), {"format": "matriks-renstra", "opd": opd.pk, "tahun": 2025, "berkas": f}
        )
    with django_capture_on_commit_callbacks(execute=True):
        impor = Impor.objects.get()
        client.post(reverse("kinerja:impor_simpan", args=[impor.pk]), keputusan.isian_semua(impor.hasil, "rincian"))

    awal = {"format": "matriks-renstra", "berkas": "Matriks Batu Bara.xlsx", "opd": "DSPPPA-BATUBARA", "tahun": 2025}
    peristiwa = audit("impor.")
    assert [(p, k["tahap"]) for p, k in peristiwa] == [
        ("impor.dimulai", "periksa"),
        ("impor.berhasil", "periksa"),
        ("impor.dimulai", "simpan"),
        ("impor.berhasil", "simpan"),
    ]
    assert all(k.items() >= {**awal, "pengguna": "admin_kab"}.items() for _, k in peristiwa)
    selesai = peristiwa[-1][1]
    assert selesai["baris"] > 100 and selesai["galat"] == 0 and selesai["dibuat"] > 600


def test_an_import_with_errors_logs_how_many_and_a_crash_logs_its_kind(tmp_path, audit, monkeypatch):
    opd = PerangkatDaerahFactory(kode="DSPPPA-BATUBARA")
    mentah = tulis_xlsx(tmp_path / "mentah.xlsx", {"Tabel 4.1": baris_matriks_renstra()})
    bukan_xlsx = tmp_path / "matriks.xls"
    bukan_xlsx.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))

    importers.jalankan("matriks-renstra", mentah, opd=opd, tahun=2025, simpan=True)
    importers.jalankan("matriks-renstra", str(bukan_xlsx), opd=opd, tahun=2025)
    monkeypatch.setattr(importers.FORMAT["matriks-renstra"], "impor", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        importers.jalankan("matriks-renstra", mentah, opd=opd, tahun=2025, simpan=True)

    gagal = [k for p, k in audit() if p == "impor.gagal"]
    assert [(k["berkas"], k["tahap"], k["galat"]) for k in gagal] == [
        ("mentah.xlsx", "simpan", 5),
        ("matriks.xls", "periksa", 1),
        ("mentah.xlsx", "simpan", None),
    ]
    assert gagal[0]["baris"] > 100 and gagal[1]["baris"] == 0
    assert gagal[2]["kesalahan"] == "ZeroDivisionError"
    assert [p for p, _ in audit()].count("impor.dimulai") == 3
    assert "impor.berhasil" not in [p for p, _ in audit()]


# --- log-ins ------------------------------------------------------------------------------------


def masuk(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ALAMAT)


def test_a_log_in_and_a_log_out_are_logged_with_the_address(client, audit, caplog):
    UserFactory(username="operator_belitung", password="sandi-yang-benar-123")

    assert masuk(client, "operator_belitung", "sandi-yang-benar-123").status_code == 302
    client.post(reverse("logout"), REMOTE_ADDR=ALAMAT)

    assert audit() == [
        ("masuk.berhasil", {"pengguna": "operator_belitung", "alamat": ALAMAT}),
        ("keluar", {"pengguna": "operator_belitung", "alamat": ALAMAT}),
    ]
    assert "sandi-yang-benar-123" not in semua_log(caplog)


def test_failed_log_ins_and_the_lockout_are_logged_without_any_password(client, settings, audit, caplog):
    settings.AXES_FAILURE_LIMIT = 2
    UserFactory(username="operator_belitung", password="sandi-yang-benar-123")
    sandi = ["salah-sandi-pertama", "salah-sandi-kedua", "sandi-yang-benar-123"]

    for s in sandi:
        masuk(client, "operator_belitung", s)

    kolom = {"pengguna": "operator_belitung", "alamat": ALAMAT}
    assert all(k == kolom for _, k in audit())
    # The second failure locks the account out; then the right password is refused too, and
    # that attempt is logged as a failure while locked out.
    assert [p for p, _ in audit()] == ["masuk.gagal", "masuk.terkunci", "masuk.gagal", "masuk.terkunci", "masuk.gagal"]
    teks = semua_log(caplog)
    assert not [s for s in sandi if s in teks]


@pytest.mark.parametrize("url", ["login", "admin:login"])
def test_a_user_name_longer_than_any_account_is_refused_before_any_account_is_looked_up(client, audit, url):
    respons = client.post(reverse(url), {"username": "x" * 5000, "password": "apa-saja"}, REMOTE_ADDR=ALAMAT)

    assert respons.status_code == 200
    assert respons.context["form"].errors
    assert audit() == []
    assert not AccessAttempt.objects.exists()


def test_a_user_name_of_the_longest_length_is_tried_and_logged_whole(client, audit):
    masuk(client, "x" * 150, "apa-saja")

    ((peristiwa, kolom),) = audit()
    assert peristiwa == "masuk.gagal" and kolom["pengguna"] == "x" * 150
    assert AccessAttempt.objects.get().username == "x" * 150

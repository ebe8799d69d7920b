"""Moving an agency between servers (`ekspor_opd` / `impor_opd`): the Belitung demo, completed
with what the demo lacks (submissions, evidence files, a detail row, a revised Renstra, range and
quarterly targets), goes out and comes back equal in everything; other agencies are untouched;
a broken archive writes nothing."""

import datetime
import hashlib
import json
import zipfile
from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import transaction

from kinerja.management.commands.ekspor_opd import Command as EksporOpd
from kinerja.management.commands.impor_opd import Command as ImporOpd
from kinerja.models import DataDukung, NarasiLaporan, Pelaporan, Realisasi, RealisasiAnggaran
from kinerja.pindah import PindahGagal, hapus_opd, impor_opd
from renstra.models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SkalaTingkat,
    SubKegiatan,
    SumberDana,
    Target,
    Tujuan,
)
from renstra.tests.factories import IndikatorFactory, RenstraFactory

from .factories import operator

BELITUNG, BATUBARA = "DSPPPA-BELITUNG", "DSPPPA-BATUBARA"
D = Decimal
WAKTU = datetime.datetime(2025, 1, 10, 9, 30, tzinfo=datetime.UTC)
PDF = b"%PDF-1.4\n% bukti kegiatan TW IV\n" + bytes(range(256)) * 40


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

# --- a fingerprint of everything an agency holds, read straight from the database ---------------

RENSTRA = ("tahun_awal", "revisi")
SIMPUL = {
    "tujuan": ("tujuan__kode",),
    "sasaran": ("sasaran__kode", "sasaran__tujuan__kode"),
    "program": ("program__kode",),
    "kegiatan": ("kegiatan__kode",),
    "sub_kegiatan": ("sub_kegiatan__kode",),
}
INDIKATOR = (
    *(f"renstra__{k}" for k in RENSTRA),
    *(k for daftar in SIMPUL.values() for k in daftar),
    "urutan",
    "uraian",
)
SUB = ("sub_kegiatan__kode", *(f"sub_kegiatan__kegiatan__program__renstra__{k}" for k in RENSTRA))


def _di(awalan, kunci):
    return tuple(f"{awalan}__{k}" for k in kunci)


# model: (path to the agency's code, the natural keys of its links)
SIDIK = {
    PerangkatDaerah: ("kode", ()),
    Bidang: ("opd__kode", ()),
    Renstra: ("opd__kode", _di("mengganti", RENSTRA)),
    Tujuan: ("renstra__opd__kode", _di("renstra", RENSTRA)),
    Sasaran: ("tujuan__renstra__opd__kode", ("tujuan__kode", *_di("tujuan__renstra", RENSTRA))),
    Program: (
        "renstra__opd__kode",
        (*_di("renstra", RENSTRA), "sasaran__kode", "sasaran__tujuan__kode", "bidang__nama"),
    ),
    Kegiatan: ("program__renstra__opd__kode", ("program__kode", *_di("program__renstra", RENSTRA), "bidang__nama")),
    SubKegiatan: (
        "kegiatan__program__renstra__opd__kode",
        ("kegiatan__kode", *_di("kegiatan__program__renstra", RENSTRA), "bidang__nama"),
    ),
    Indikator: (
        "renstra__opd__kode",
        (
            *(k for k in INDIKATOR if not k.startswith("urutan") and k != "uraian"),
            "skala_tingkat__nama",
            *_di("induk", ("uraian", "urutan")),
            *_di("pendahulu", ("uraian", "renstra__tahun_awal")),
        ),
    ),
    Target: ("indikator__renstra__opd__kode", (*_di("indikator", INDIKATOR), "tingkat__nama")),
    Pagu: ("sub_kegiatan__kegiatan__program__renstra__opd__kode", (*SUB, "sumber_dana__nama")),
    Realisasi: ("indikator__renstra__opd__kode", (*_di("indikator", INDIKATOR), "tingkat__nama")),
    DataDukung: (
        "realisasi__indikator__renstra__opd__kode",
        ("realisasi__tahun", "realisasi__triwulan", *_di("realisasi__indikator", INDIKATOR)),
    ),
    RealisasiAnggaran: ("sub_kegiatan__kegiatan__program__renstra__opd__kode", SUB),
    Pelaporan: ("opd__kode", ("bidang__nama",)),
    NarasiLaporan: ("opd__kode", _di("indikator", INDIKATOR)),
}


def sidik(kode):
    """{model: sorted rows}: every plain field of every row (ids, users and stored file names
    left out) with the natural keys of its links, and the bytes of every evidence file."""
    hasil = {}
    for model, (jalur, tautan) in SIDIK.items():
        kolom = [
            f.name
            for f in model._meta.concrete_fields
            if not f.is_relation and not f.primary_key and f.name != "berkas"
        ]
        baris = model.objects.filter(**{jalur: kode}).values_list(*kolom, *tautan)
        hasil[model.__name__] = sorted(baris, key=repr)
    hasil["berkas data dukung"] = sorted(
        (d.nama_asli, hashlib.sha256(d.berkas.read()).hexdigest())
        for d in DataDukung.objects.filter(realisasi__indikator__renstra__opd__kode=kode)
    )
    return hasil


def jumlah_semua():
    """Rows of every table a move writes, and of their histories, on the whole server."""
    model = [*SIDIK, SkalaTingkat, SumberDana]
    return {m.__name__: m.objects.count() for m in [*model, *(m.history.model for m in model if hasattr(m, "history"))]}


def berkas_media(settings):
    from pathlib import Path

    akar = Path(settings.MEDIA_ROOT)
    return sorted(p.relative_to(akar) for p in akar.rglob("*") if p.is_file()) if akar.exists() else []


# --- the Belitung demo, completed ---------------------------------------------------------------


@pytest.fixture
def belitung():
    """Belitung with what the demo lacks: submissions in each state (one of a bidang), two
    evidence files, a detail row, a range and a quarterly target, a revised Renstra."""
    opd = PerangkatDaerah.objects.get(kode=BELITUNG)
    bidang = opd.bidang.order_by("urutan").last()
    renstra = Renstra.objects.get(opd=opd, tahun_awal=2024)
    induk = Indikator.objects.filter(renstra=renstra, sub_kegiatan__isnull=False).order_by("id").first()
    rincian = IndikatorFactory(sub_kegiatan=induk.sub_kegiatan, induk=induk, uraian="PBI APBD", satuan="Jiwa", urutan=9)
    Target.objects.create(indikator=rincian, tahun=2024, nilai=None, batas_bawah=D("2.1"), batas_atas=D("2.3"))
    Target.objects.create(indikator=rincian, tahun=2024, triwulan=2, jenis="pk", nilai=D("1.25"))
    ini = Realisasi.objects.create(indikator=rincian, tahun=2024, triwulan=4, nilai=D("2"), permasalahan="Data DTKS")
    for r, nama, isi in [
        (ini, "bukti TW IV.pdf", PDF),
        (Realisasi.objects.filter(indikator__renstra=renstra).first(), "foto.png", b"\x89PNG\r\n\x1a\nfoto"),
    ]:
        d = DataDukung(realisasi=r, nama_asli=nama, ukuran=len(isi), tipe="application/pdf")
        d.berkas.save(nama, ContentFile(isi), save=True)
    Pelaporan.objects.create(
        opd=opd, tahun=2024, triwulan=3, status="diverifikasi", diajukan_pada=WAKTU, diverifikasi_pada=WAKTU,
        catatan="Sesuai.", terlambat=True, batas_waktu=WAKTU,
    )  # fmt: skip
    Pelaporan.objects.create(opd=opd, tahun=2024, triwulan=4, status="dikembalikan", catatan="Lengkapi data dukung.")
    Pelaporan.objects.create(opd=opd, bidang=bidang, tahun=2024, triwulan=4, status="diajukan", diajukan_pada=WAKTU)
    lama = Renstra.objects.get(opd=opd, tahun_awal=2019)
    revisi = Renstra.objects.create(opd=opd, tahun_awal=2019, tahun_akhir=2023, revisi=1, aktif=False, mengganti=lama)
    Tujuan.objects.create(renstra=revisi, kode="1", uraian="Tujuan Perubahan Pertama")
    return opd


def test_the_completed_belitung_holds_every_kind_of_row(belitung):
    isi = sidik(BELITUNG)
    assert all(isi.values()), [m for m, baris in isi.items() if not baris]
    assert Indikator.objects.filter(renstra__opd=belitung, pendahulu__isnull=False).exists()
    assert Indikator.objects.filter(renstra__opd=belitung, tujuan__isnull=False, sasaran__isnull=False).exists()


# --- round trips --------------------------------------------------------------------------------


def ekspor(tmp_path, kode=BELITUNG):
    arsip = tmp_path / f"{kode}.zip"
    keluaran = StringIO()
    call_command("ekspor_opd", kode, "--output", str(arsip), stdout=keluaran)
    return arsip, keluaran.getvalue()


def impor(arsip, *opsi):
    keluaran = StringIO()
    call_command("impor_opd", str(arsip), *opsi, stdout=keluaran)
    return keluaran.getvalue()


def test_belitung_exported_deleted_and_imported_is_the_same_in_everything(belitung, tmp_path):
    sebelum, batubara = sidik(BELITUNG), sidik(BATUBARA)

    arsip, keluaran = ekspor(tmp_path)
    hapus_opd(belitung)
    assert not PerangkatDaerah.objects.filter(kode=BELITUNG).exists()
    assert not Indikator.objects.filter(renstra__opd__kode=BELITUNG).exists()
    hasil = impor(arsip)

    assert sidik(BELITUNG) == sebelum
    assert sidik(BATUBARA) == batubara
    assert f"{BELITUNG} diekspor ke {arsip}:" in keluaran and "indikator                    106" in keluaran
    assert f"{BELITUNG} diimpor dari {arsip}:" in hasil and "data dukung                    2" in hasil


def test_the_archive_names_rows_by_codes_years_and_names_never_by_database_ids(belitung, tmp_path):
    arsip, _ = ekspor(tmp_path)
    with zipfile.ZipFile(arsip) as z:
        dokumen = json.loads(z.read("opd.json"))
        assert sorted(z.namelist()) == ["data_dukung/00001.png", "data_dukung/00002.pdf", "opd.json"]

    def kunci(data):
        if isinstance(data, dict):
            for k, v in data.items():
                yield k
                yield from kunci(v)
        elif isinstance(data, list):
            for v in data:
                yield from kunci(v)

    assert not {k for k in kunci(dokumen) if k == "id" or k.endswith("_id")}
    assert (dokumen["jenis"], dokumen["versi_format"]) == ("kinerja.opd", 1)
    assert [s["nama"] for s in dokumen["sumber_dana"]]
    assert dokumen["skala_tingkat"][0]["tingkat"] == ["Pratama", "Madya", "Utama", "Mentor"]


def test_an_agency_moves_to_a_server_with_other_data_and_without_its_scales_or_sources(belitung, tmp_path):
    """The other server: Batu Bara, another agency created since (ids differ), and none of the
    level scales or Belitung-only sources of funds, which the import creates."""
    sebelum, batubara = sidik(BELITUNG), sidik(BATUBARA)
    arsip, _ = ekspor(tmp_path)
    hapus_opd(belitung)
    SkalaTingkat.objects.all().delete()
    SumberDana.objects.filter(pagu__isnull=True).delete()
    RenstraFactory(opd__kode="DINSOS-LAIN")
    IndikatorFactory.create_batch(5)

    impor(arsip)

    assert sidik(BELITUNG) == sebelum
    assert sidik(BATUBARA) == batubara
    assert SkalaTingkat.objects.count() == 2


def test_an_existing_agency_is_refused_without_ganti_and_replaced_with_it(belitung, tmp_path, settings):
    bidang = belitung.bidang.order_by("urutan").last()
    akun = operator(opd=belitung, bidang=bidang, username="operator_pppa")
    sebelum = sidik(BELITUNG)
    arsip, _ = ekspor(tmp_path)
    Target.objects.filter(indikator__renstra__opd=belitung).update(teks="diubah setelah ekspor")
    Pelaporan.objects.filter(opd=belitung).delete()
    diubah, jumlah = sidik(BELITUNG), jumlah_semua()

    with pytest.raises(CommandError, match=f"Perangkat daerah {BELITUNG} sudah ada di server ini; tidak ada yang"):
        impor(arsip)
    assert (sidik(BELITUNG), jumlah_semua()) == (diubah, jumlah)

    keluaran = impor(arsip, "--ganti")

    assert f"{BELITUNG} diganti dengan isi {arsip}:" in keluaran
    assert sidik(BELITUNG) == sebelum
    akun.refresh_from_db()
    assert (akun.opd_id, akun.bidang.nama, akun.bidang.opd_id) == (belitung.pk, bidang.nama, belitung.pk)
    assert akun.bidang_id != bidang.pk  # the bidang of the archive


def test_an_agency_with_user_accounts_is_not_deleted(belitung):
    operator(opd=belitung, username="operator_belitung_uji")
    with pytest.raises(PindahGagal, match="masih mempunyai 1 akun pengguna \\(operator_belitung_uji\\)"):
        hapus_opd(belitung)


def test_the_import_is_logged_once_after_the_commit(belitung, tmp_path, caplog, django_capture_on_commit_callbacks):
    arsip, _ = ekspor(tmp_path)
    hapus_opd(belitung)
    with django_capture_on_commit_callbacks(execute=True):
        impor(arsip)

    (catatan,) = [r for r in caplog.records if r.getMessage() == "opd.diimpor"]
    assert (catatan.opd, catatan.berkas, catatan.diganti, catatan.data_dukung) == (BELITUNG, arsip.name, False, 2)


# --- archives that must be refused --------------------------------------------------------------


def ubah_arsip(asal, tujuan, dokumen=None, berkas=None):
    """A copy of the archive `asal` with its document changed by `dokumen(d)` and its files
    replaced by `berkas` ({name: bytes})."""
    with zipfile.ZipFile(asal) as a, zipfile.ZipFile(tujuan, "w") as b:
        for nama in a.namelist():
            isi = a.read(nama)
            if nama == "opd.json" and dokumen:
                d = json.loads(isi)
                dokumen(d)
                isi = json.dumps(d)
            b.writestr(nama, (berkas or {}).get(nama, isi))
    return tujuan


def _sub_pertama(d):
    renstra = next(r for r in d["renstra"] if r["tahun_awal"] == 2024)
    return renstra["program"][0]["kegiatan"][0]["sub_kegiatan"][0]


def _target_bukan_angka(d):
    _sub_pertama(d)["indikator"][0]["target"][0]["nilai"] = "dua puluh"


def _tanpa_uraian(d):
    del _sub_pertama(d)["indikator"][0]["uraian"]


def _status_pelaporan(d):
    d["pelaporan"][-1]["status"] = "disetujui"


def _renstra_bukan_daftar(d):
    d["renstra"] = "2024–2026"


def _bukan_zip(asal, tujuan):
    tujuan.write_text("bukan zip")
    return tujuan


def _zip_kosong(asal, tujuan):
    zipfile.ZipFile(tujuan, "w").close()
    return tujuan


RUSAK = [
    pytest.param(
        _bukan_zip,
        "belitung-rusak.zip bukan arsip ZIP yang dapat dibaca",
        id="not-a-zip",
    ),
    pytest.param(
        _zip_kosong,
        "belitung-rusak.zip bukan arsip perangkat daerah Kinerja: tidak berisi opd.json.",
        id="no-document",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, berkas={"opd.json": b"{'opd': "}),
        "Arsip belitung-rusak.zip rusak: opd.json bukan JSON yang sah",
        id="not-json",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, lambda d: d.update(versi_format=0)),
        "Arsip belitung-rusak.zip berformat versi 0, sedangkan server ini membaca versi 1; ekspor ulang dari server "
        "asal setelah Kinerja di sana diperbarui.",
        id="old-version",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, lambda d: d.update(versi_format=2)),
        "berformat versi 2, sedangkan server ini membaca versi 1; perbarui Kinerja di server ini dulu.",
        id="newer-version",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, _target_bukan_angka),
        "Arsip belitung-rusak.zip ditolak, tidak ada yang disimpan: Renstra 2024 2026 revisi 2 › program 1.06.01 › "
        "kegiatan 1.06.01.2.01 › sub kegiatan 1.06.01.2.01.0001 › indikator ",
        id="target-not-a-number",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, _tanpa_uraian),
        "› sub kegiatan 1.06.01.2.01.0001 › indikator i",
        id="missing-key",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, _status_pelaporan),
        "ditolak, tidak ada yang disimpan: pelaporan › 2024 TW 4 Bidang Perlindungan Perempuan dan Anak: Status "
        "pelaporan tidak dikenal.",
        id="unknown-status-after-files-were-written",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, berkas={"data_dukung/00002.pdf": PDF[:-1] + b"!"}),
        "› data dukung bukti TW IV.pdf: berkas data_dukung/00002.pdf di dalam arsip tidak sama dengan saat diekspor "
        "(sidik SHA-256 berbeda).",
        id="evidence-file-changed",
    ),
    pytest.param(
        lambda asal, tujuan: ubah_arsip(asal, tujuan, _renstra_bukan_daftar),
        "Arsip belitung-rusak.zip ditolak, tidak ada yang disimpan: ",
        id="renstra-not-a-list",
    ),
]


@pytest.mark.parametrize(("rusak", "pesan"), RUSAK)
def test_a_broken_archive_is_refused_naming_the_problem_and_nothing_is_written(
    belitung, tmp_path, settings, rusak, pesan
):
    arsip, _ = ekspor(tmp_path)
    hapus_opd(belitung)
    berkas = berkas_media(settings)
    jumlah = jumlah_semua()

    with pytest.raises(CommandError) as galat:
        impor(rusak(arsip, tmp_path / "belitung-rusak.zip"))

    assert pesan in str(galat.value)
    assert galat.value.returncode == 1
    assert jumlah_semua() == jumlah
    assert berkas_media(settings) == berkas


def test_a_server_whose_scale_has_other_levels_refuses_the_archive(belitung, tmp_path):
    arsip, _ = ekspor(tmp_path)
    hapus_opd(belitung)
    skala = SkalaTingkat.objects.get(nama="Anugerah Parahita Ekapraya (APE)")
    skala.tingkat.filter(nama="Mentor").update(nama="Paripurna")

    with pytest.raises(PindahGagal, match=r"di server ini \(Pratama < Madya < Utama < Paripurna\) berbeda dengan"):
        impor_opd(arsip)
    assert not PerangkatDaerah.objects.filter(kode=BELITUNG).exists()


def test_an_unknown_agency_or_a_missing_archive_is_named(tmp_path):
    with pytest.raises(CommandError, match='Perangkat daerah dengan kode "TIDAK-ADA" tidak ditemukan'):
        ekspor(tmp_path, "TIDAK-ADA")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        impor(tmp_path / "tidak-ada.zip")
    assert not list(tmp_path.iterdir())


def test_the_help_of_both_commands_says_user_accounts_are_not_moved():
    assert "Akun pengguna tidak ikut dipindahkan" in ImporOpd.help
    assert "Akun pengguna, riwayat perubahan dan buku kerja yang pernah diimpor tidak ikut." in EksporOpd.help


def test_the_export_reads_an_agency_in_a_fixed_number_of_queries(tmp_path, django_assert_max_num_queries):
    """Batu Bara holds more indicators and targets than Belitung; both cost the same."""
    with django_assert_max_num_queries(40) as belitung:
        ekspor(tmp_path, BELITUNG)
    with django_assert_max_num_queries(40) as batubara:
        ekspor(tmp_path, BATUBARA)
    assert len(belitung.captured_queries) == len(batubara.captured_queries)

"""Every URL of the site opened by every role, against a table of what each role should get.

The table below is the access policy written down: for every URL name (and every model of the
Admin), the status each of the five roles gets on GET and on POST. A URL that the resolver knows
and the table does not fails the suite ("URL baru tanpa harapan akses"), so a new view cannot ship
until someone decides who may open it. Route parameters are filled with the objects of agency A;
operator B is the operator of another agency. POSTs are sent empty: a 400 (or a form shown again)
means the role got past the permission check and was only refused for its input.

The second half checks CSRF: every URL refuses a POST without a token, and no view is exempt.
"""

import datetime
import logging
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin as situs_admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_tasks_db.models import DBTaskResult, get_date_max
from openpyxl import load_workbook
from rest_framework.authtoken.models import TokenProxy

from kinerja.models import (
    CatatanData,
    CatatanDiskusi,
    DataDukung,
    Impor,
    NarasiLaporan,
    NilaiPembanding,
    NilaiSakip,
    Pelaporan,
    Pengingat,
    SkalaPredikat,
    TindakLanjut,
)
from kinerja.tests.factories import (
    PelaporanFactory,
    RealisasiAnggaranFactory,
    RealisasiFactory,
    admin,
    operator,
    verifikator,
)
from laporan.models import Cetakan
from laporan.views import XLSX
from renstra.models import SatuanCacah, SkalaTingkat, TujuanDaerah
from renstra.tests.factories import (
    BidangFactory,
    IndikatorFactory,
    KegiatanFactory,
    PaguFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
)

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
SEKARANG = datetime.datetime(2025, 2, 3, 10, 0, tzinfo=WIB)  # TW IV 2024 has ended and was submitted
PDF = b"%PDF-1.4\n%%data dukung uji akses\n"

PERAN = ("anonim", "operator_a", "operator_b", "verifikator", "admin")


# ---------------------------------------------------------------------------------------------
# The world: two agencies with a tiny Renstra each, and one user per role
# ---------------------------------------------------------------------------------------------


@dataclass
class Instansi:
    opd: object
    renstra: object
    bidang: object
    tujuan: object
    sasaran: object
    program: object
    kegiatan: object
    sub_kegiatan: object
    indikator: object
    target: object
    realisasi: object
    pagu: object
    realisasi_anggaran: object
    operator: object


@dataclass
class Dunia:
    a: Instansi
    b: Instansi
    verifikator: object
    admin: object
    pelaporan: object
    data_dukung: object
    impor: object
    cetakan: object
    tugas: object
    narasi: object
    catatan: object
    pembanding: object
    sakip: object
    axes: dict
    media: object
    diskusi: object = None
    tindak_lanjut: object = None
    pengingat: object = None

    def pengguna(self, peran):
        return {
            "anonim": None,
            "operator_a": self.a.operator,
            "operator_b": self.b.operator,
            "verifikator": self.verifikator,
            "admin": self.admin,
        }[peran]


def _instansi(kode, nama):
    opd = PerangkatDaerahFactory(kode=kode, nama=nama, singkatan=kode)
    renstra = RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    tujuan = TujuanFactory(renstra=renstra)
    sasaran = SasaranFactory(tujuan=tujuan)
    program = ProgramFactory(renstra=renstra, sasaran=sasaran)
    kegiatan = KegiatanFactory(program=program)
    sub_kegiatan = SubKegiatanFactory(kegiatan=kegiatan)
    indikator = IndikatorFactory(sub_kegiatan=sub_kegiatan, uraian=f"Jumlah penerima layanan {nama}")
    return Instansi(
        opd=opd,
        renstra=renstra,
        bidang=BidangFactory(opd=opd, nama=f"Bidang Rehabilitasi Sosial {kode}"),
        tujuan=tujuan,
        sasaran=sasaran,
        program=program,
        kegiatan=kegiatan,
        sub_kegiatan=sub_kegiatan,
        indikator=indikator,
        target=TargetFactory(indikator=indikator, tahun=2024, nilai=Decimal("30")),
        realisasi=RealisasiFactory(indikator=indikator, tahun=2024, triwulan=4, nilai=Decimal("8")),
        pagu=PaguFactory(sub_kegiatan=sub_kegiatan, tahun=2024),
        realisasi_anggaran=RealisasiAnggaranFactory(sub_kegiatan=sub_kegiatan, tahun=2024, triwulan=4),
        operator=operator(opd=opd),
    )


def _axes():
    """One row of each django-axes model, so that their Admin change pages are opened too."""
    jejak = {"user_agent": "uji", "ip_address": "127.0.0.1", "username": "tamu", "http_accept": "*/*", "path_info": "/"}
    return {
        "axes.accessattempt": AccessAttempt.objects.create(
            **jejak, get_data="", post_data="", failures_since_start=1, attempt_time=SEKARANG
        ),
        "axes.accesslog": AccessLog.objects.create(**jejak, attempt_time=SEKARANG),
        "axes.accessfailurelog": AccessFailureLog.objects.create(**jejak, attempt_time=SEKARANG),
    }


@pytest.fixture(scope="module")
def dunia(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module and rolled back after it; each test runs in its own transaction,
    so a POST that gets through changes nothing for the next test."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(MEDIA_ROOT=str(media)):
        a = _instansi("DINSOS-ANGGREK", "Dinas Sosial Kabupaten Anggrek")
        b = _instansi("DINSOS-BAKUNG", "Dinas Sosial Kabupaten Bakung")
        data_dukung = DataDukung.objects.create(
            realisasi=a.realisasi,
            berkas=ContentFile(PDF, name="bukti.pdf"),
            nama_asli="Bukti kegiatan TW IV.pdf",
            ukuran=len(PDF),
            tipe="application/pdf",
            diunggah_oleh=a.operator,
        )
        pelaporan = PelaporanFactory(
            opd=a.opd,
            tahun=2024,
            triwulan=4,
            status=Pelaporan.Status.DIAJUKAN,
            diajukan_pada=SEKARANG,
            diajukan_oleh=a.operator,
        )
        penelaah = verifikator()
        # The reviewer's recommendation on A's submitted TW IV, to be followed up in 2025 TW I.
        diskusi = CatatanDiskusi.objects.create(
            pelaporan=pelaporan,
            jenis=CatatanDiskusi.Jenis.REKOMENDASI,
            isi="Lengkapi daftar penerima layanan.",
            penulis=penelaah,
            dari_verifikator=True,
        )
        yield Dunia(
            a=a,
            b=b,
            verifikator=penelaah,
            diskusi=diskusi,
            tindak_lanjut=TindakLanjut.objects.create(rekomendasi=diskusi, opd=a.opd, tahun=2025, triwulan=1),
            pengingat=Pengingat.objects.create(
                kunci="sebelum-7:uji",
                jenis=Pengingat.Jenis.SEBELUM,
                penerima=a.operator,
                alamat="operator@contoh.go.id",
                pelaporan=pelaporan,
                opd=a.opd,
                tahun=2024,
                triwulan=4,
                subjek="Batas waktu TW IV 2024",
                alasan="7 hari sebelum batas waktu",
            ),
            admin=admin(),
            pelaporan=pelaporan,
            data_dukung=data_dukung,
            impor=Impor.objects.create(
                format="matriks-renstra",
                opd=a.opd,
                tahun=2024,
                berkas="impor/2025/01/matriks.xlsx",
                nama_asli="matriks.xlsx",
                status=Impor.Status.GALAT,
            ),
            cetakan=Cetakan.objects.create(
                sidik="0" * 64, opd=a.opd, judul="Evaluasi Kinerja Triwulan", nama_berkas="evaluasi.pdf", html="<p>"
            ),
            tugas=DBTaskResult.objects.create(
                args_kwargs={"args": [1], "kwargs": {}},
                task_path="kinerja.importers.tugas.periksa_impor",
                queue_name="impor",
                backend_name="default",
                run_after=get_date_max(),
            ),
            narasi=NarasiLaporan.objects.create(
                opd=a.opd, tahun=2024, bagian="kata_pengantar", teks="Puji syukur.", diubah_oleh=a.operator
            ),
            catatan=CatatanData.objects.create(
                opd=a.opd, tahun=2024, pesan="Persen tercetak 96,18, dihitung 76,50%.", kunci="k", indikator=a.indikator
            ),
            pembanding=NilaiPembanding.objects.create(
                indikator=a.indikator, tahun=2023, tingkat="nasional", sumber="Kemen PPPA", nilai=Decimal("76.59")
            ),
            sakip=NilaiSakip.objects.create(
                opd=a.opd, tahun=2024, nilai=Decimal("70.25"), predikat="BB", evaluator="Inspektorat"
            ),
            axes=_axes(),
            media=media,
        )
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _keadaan_tetap(dunia, settings, time_machine, tmp_path, _tugas_langsung):
    """A fixed moment, the world's media folder (after the root conftest's own), the evidence file
    back in place if a POST removed it, and a report font that is always installed."""
    time_machine.move_to(SEKARANG, tick=False)
    settings.MEDIA_ROOT = str(dunia.media)
    berkas = dunia.media / dunia.data_dukung.berkas.name
    if not berkas.exists():
        berkas.parent.mkdir(parents=True, exist_ok=True)
        berkas.write_bytes(PDF)
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"\x00\x01\x00\x00huruf uji")
    settings.KINERJA_FOLDER_HURUF = str(tmp_path)


# ---------------------------------------------------------------------------------------------
# The URLs of the resolver
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pola:
    kunci: str  # "namespace:name", or the route when the pattern has no name
    route: str
    pattern: URLPattern


def _jelajah(resolver, awalan="", ruang=()):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _jelajah(p, awalan + str(p.pattern), (*ruang, p.namespace) if p.namespace else ruang)
        else:
            route = awalan + str(p.pattern)
            kunci = ":".join((*ruang, p.name)) if p.name else route
            yield Pola(kunci, route, p)


def _semua_pola():
    return list(_jelajah(get_resolver()))


def _model_admin(pola):
    """The registered model whose Admin serves `pola` with one of the generic URLs that every
    ModelAdmin has (JENIS_URL_ADMIN); None for every other URL, a custom Admin view included."""
    if not pola.route.startswith("admin/"):
        return None
    for model in situs_admin.site._registry:
        if pola.route.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            return model if _jenis_url_admin(pola, model) in JENIS_URL_ADMIN else None
    return None


def _jenis_url_admin(pola, model):
    """changelist, add, change, ... of a model's Admin URL name; "alihkan" for the unnamed
    `<object_id>/` that redirects to the change page."""
    if pola.pattern.name is None:
        return "alihkan"
    return pola.pattern.name.removeprefix(f"{model._meta.app_label}_{model._meta.model_name}_")


def _pola_situs():
    """Every URL but the generic ones of the Admin's models: the table TABEL covers each of them."""
    return [p for p in _semua_pola() if _model_admin(p) is None]


def _pola_model_admin():
    return [(p, _model_admin(p)) for p in _semua_pola() if _model_admin(p) is not None]


def _parameter(pola):
    p = pola.pattern.pattern
    return list(getattr(p, "converters", {})) or list(p.regex.groupindex)


# ---------------------------------------------------------------------------------------------
# What each role should get
# ---------------------------------------------------------------------------------------------

# Route parameters, unless an entry of the table gives its own (`args`).
PARAMETER = {
    "kode": lambda d: d.a.opd.kode,
    "tahun": lambda d: 2024,
    "triwulan": lambda d: 4,
    "indikator_id": lambda d: d.a.indikator.pk,
    "bagian": lambda d: "kata_pengantar",
}


@dataclass(frozen=True)
class Harapan:
    """Statuses in the order of PERAN: (anonim, operator_a, operator_b, verifikator, admin).
    405 on POST: the view takes no POST."""

    get: tuple
    post: tuple
    args: dict = field(default_factory=dict)
    kueri: str = ""
    jalur: object = None  # for a pattern without a name: world -> path


def _sama(status):
    return (status,) * 5


#                 anonim operator_a operator_b verifikator admin
BACA_OPD_A = (302, 200, 404, 200, 200)  # agency A's data: its operator, reviewers, admins
BACA_MILIK_SENDIRI = (302, 200, 200, 200, 200)  # each user's own scope, nothing of others
PENELAAH = (302, 403, 403, 200, 200)  # verification pages: Verifikator and Admin
HANYA_ADMIN = (302, 403, 403, 403, 200)  # the import pages
HANYA_OPERATOR = (302, 200, 200, 403, 403)  # the entry page, on the operator's own agency
STAF = (302, 302, 302, 302, 200)  # the Admin site: staff only, others to the Admin's log-in
STAF_TANPA_IZIN = (302, 302, 302, 302, 403)  # staff, but the Admin role has no permission on it
STAF_HANYA_GET = (302, 302, 302, 302, 405)  # an Admin page that takes no POST
TANPA_POST = (302, 405, 405, 405, 405)  # require_GET under login_required
HANYA_POST = (302, 405, 405, 405, 405)  # require_POST under login_required, seen through GET

TABEL = {
    # --- the health check, for monitors: no log-in, no session ---------------------------------
    "sehat": Harapan(get=_sama(200), post=_sama(405)),
    # --- logging in and out ------------------------------------------------------------------
    "login": Harapan(get=(200, 302, 302, 302, 302), post=(200, 302, 302, 302, 302)),
    "logout": Harapan(get=_sama(405), post=_sama(302)),
    # --- quarterly entry (operator of their own agency; the URL names no agency) ----------------
    "kinerja:isian_sekarang": Harapan(get=_sama(302), post=_sama(302)),
    # An empty POST sends no row: nothing changes (302, kinerja/tests/test_isian_bagian.py), but
    # A's submitted quarter refuses any save (400); saving into it with valid rows is refused
    # in kinerja/tests/test_izin_halaman.py.
    "kinerja:isian": Harapan(get=HANYA_OPERATOR, post=(302, 400, 302, 403, 403)),
    "kinerja:pratinjau": Harapan(get=HANYA_POST, post=(302, 200, 404, 403, 403)),
    "kinerja:ajukan": Harapan(get=HANYA_POST, post=(302, 302, 302, 403, 403)),
    "kinerja:unggah": Harapan(get=HANYA_POST, post=(302, 403, 404, 403, 403)),
    "kinerja:unduh_data_dukung": Harapan(get=BACA_OPD_A, post=BACA_OPD_A, args={"pk": lambda d: d.data_dukung.pk}),
    "kinerja:hapus_data_dukung": Harapan(
        get=HANYA_POST, post=(302, 403, 404, 403, 403), args={"pk": lambda d: d.data_dukung.pk}
    ),
    # --- verification -------------------------------------------------------------------------
    "kinerja:verifikasi_daftar": Harapan(get=PENELAAH, post=PENELAAH),
    "kinerja:tinjau": Harapan(get=PENELAAH, post=PENELAAH),
    "kinerja:putuskan": Harapan(get=HANYA_POST, post=(302, 403, 403, 400, 400)),  # 400: no action chosen
    "kinerja:buka_kembali": Harapan(get=HANYA_POST, post=(302, 403, 403, 403, 302)),
    "kinerja:riwayat": Harapan(get=BACA_OPD_A, post=BACA_OPD_A, args={"pk": lambda d: d.a.indikator.pk}),
    # The discussion of a submission: its operators write on their entry page, reviewers on the
    # review page (an empty note goes back with its message: 302); A's follow-up of the reviewer's
    # recommendation is answered by A's operator only (in 2025 TW I).
    "kinerja:diskusi_isian": Harapan(get=HANYA_POST, post=(302, 302, 302, 403, 403)),
    "kinerja:diskusi_tinjau": Harapan(get=HANYA_POST, post=(302, 403, 403, 302, 302)),
    "kinerja:tindak_lanjut": Harapan(
        get=HANYA_POST, post=(302, 302, 404, 403, 403), args={"pk": lambda d: d.tindak_lanjut.pk}
    ),
    "kinerja:gaya_predikat": Harapan(get=_sama(200), post=_sama(200)),  # the log-in page uses it
    # The quarter as a workbook to fill offline (kinerja/importers/isian_triwulan.py).
    "kinerja:unduh_isian": Harapan(get=HANYA_OPERATOR, post=TANPA_POST),
    # --- imports (Admin; an operator brings back their own offline entry, and sees only the
    # uploads they made: the Admin's upload is a 404 to them) ---------------------------------
    "kinerja:impor_daftar": Harapan(get=(302, 200, 200, 403, 200), post=(302, 200, 200, 403, 200)),
    "kinerja:impor_detail": Harapan(
        get=(302, 404, 404, 403, 200), post=(302, 404, 404, 403, 200), args={"pk": lambda d: d.impor.pk}
    ),
    "kinerja:impor_simpan": Harapan(get=_sama(405), post=(302, 404, 404, 403, 302), args={"pk": lambda d: d.impor.pk}),
    "kinerja:impor_periksa_ulang": Harapan(
        get=_sama(405), post=(302, 404, 404, 403, 302), args={"pk": lambda d: d.impor.pk}
    ),
    "kinerja:impor_templat": Harapan(get=HANYA_ADMIN, post=HANYA_ADMIN, args={"format": lambda d: "matriks-renstra"}),
    # --- the plan -----------------------------------------------------------------------------
    "renstra:beranda": Harapan(get=BACA_MILIK_SENDIRI, post=BACA_MILIK_SENDIRI),
    "renstra:renstra_detail": Harapan(get=BACA_OPD_A, post=BACA_OPD_A, args={"pk": lambda d: d.a.renstra.pk}),
    # --- dashboards ---------------------------------------------------------------------------
    "laporan:dasbor": Harapan(get=BACA_MILIK_SENDIRI, post=TANPA_POST),
    "laporan:dasbor_wilayah": Harapan(get=BACA_MILIK_SENDIRI, post=TANPA_POST),
    "laporan:dasbor_wilayah_unduh": Harapan(
        get=BACA_MILIK_SENDIRI, post=TANPA_POST, args={"format": lambda d: "xlsx"}, kueri="?tahun=2024&triwulan=4"
    ),
    # The lateness board: reviewers and admins (an operator sees no other agency's lateness).
    "laporan:dasbor_keterlambatan": Harapan(get=PENELAAH, post=TANPA_POST),
    "laporan:dasbor_keterlambatan_unduh": Harapan(get=PENELAAH, post=TANPA_POST, args={"format": lambda d: "xlsx"}),
    "laporan:dasbor_opd": Harapan(get=BACA_OPD_A, post=TANPA_POST, kueri="?triwulan=4"),
    "laporan:dasbor_opd_unduh": Harapan(get=BACA_OPD_A, post=TANPA_POST, kueri="?triwulan=4"),
    "laporan:dasbor_indikator": Harapan(
        get=BACA_OPD_A, post=TANPA_POST, args={"pk": lambda d: d.a.indikator.pk}, kueri="?triwulan=4"
    ),
    "laporan:dasbor_indikator_unduh": Harapan(
        get=BACA_OPD_A, post=TANPA_POST, args={"pk": lambda d: d.a.indikator.pk}, kueri="?triwulan=4"
    ),
    "laporan:dasbor_simpul": Harapan(
        get=BACA_OPD_A,
        post=TANPA_POST,
        args={"level": lambda d: "program", "pk": lambda d: d.a.program.pk},
        kueri="?triwulan=4",
    ),
    "laporan:dasbor_simpul_unduh": Harapan(
        get=BACA_OPD_A,
        post=TANPA_POST,
        args={"level": lambda d: "program", "pk": lambda d: d.a.program.pk},
        kueri="?triwulan=4",
    ),
    # --- reports ------------------------------------------------------------------------------
    "laporan:daftar": Harapan(get=BACA_MILIK_SENDIRI, post=TANPA_POST),
    # The report font is public like any static file (the report page's @font-face loads it).
    "laporan:huruf": Harapan(get=_sama(200), post=_sama(405), args={"nama": lambda d: "DejaVuSans.ttf"}),
    "laporan:laporan_html": Harapan(
        get=BACA_OPD_A, post=TANPA_POST, args={"nama": lambda d: "evaluasi-triwulan"}, kueri="?triwulan=4"
    ),
    "laporan:laporan_pdf": Harapan(
        get=BACA_OPD_A, post=TANPA_POST, args={"nama": lambda d: "evaluasi-triwulan"}, kueri="?triwulan=4"
    ),
    "laporan:laporan_xlsx": Harapan(
        get=BACA_OPD_A, post=TANPA_POST, args={"nama": lambda d: "evaluasi-triwulan"}, kueri="?triwulan=4"
    ),
    # The region's Berita Acara of a quarter, every agency in one file: reviewers and admins.
    "laporan:berita_acara_wilayah": Harapan(
        get=PENELAAH, post=TANPA_POST, args={"format": lambda d: "xlsx"}, kueri="?tahun=2024&triwulan=4"
    ),
    # A print of agency A's report, waiting for the worker: its page, and its file (not ready yet:
    # back to its page).
    "laporan:cetak": Harapan(get=BACA_OPD_A, post=TANPA_POST, args={"pk": lambda d: d.cetakan.pk}),
    "laporan:cetak_unduh": Harapan(get=(302, 302, 404, 302, 302), post=TANPA_POST, args={"pk": lambda d: d.cetakan.pk}),
    # The LKjIP's narrative: A's operator and Admin write it, Verifikator reads it.
    "laporan:narasi_salin": Harapan(get=HANYA_POST, post=(302, 302, 404, 403, 302)),
    "laporan:narasi_tampil": Harapan(get=BACA_OPD_A, post=TANPA_POST),
    "laporan:narasi_ubah": Harapan(get=(302, 200, 404, 403, 200), post=(302, 400, 404, 403, 400)),
    "laporan:narasi_riwayat": Harapan(get=BACA_OPD_A, post=TANPA_POST),
    # --- the read-only JSON API (kinerja/api): a token in the Authorization header only; a session
    # (what this table's clients carry) is not accepted, whoever logged in ---------------------
    "api:perangkat_daerah_daftar": Harapan(get=_sama(401), post=_sama(401)),
    "api:perangkat_daerah": Harapan(get=_sama(401), post=_sama(401)),
    "api:renstra": Harapan(get=_sama(401), post=_sama(401), kueri="?tahun=2024"),
    "api:realisasi": Harapan(get=_sama(401), post=_sama(401), kueri="?tahun=2024"),
    "api:skema": Harapan(get=_sama(401), post=_sama(401)),
    # --- the Admin site's own pages -----------------------------------------------------------
    "admin:index": Harapan(get=STAF, post=STAF),
    "admin:login": Harapan(get=(200, 200, 200, 200, 302), post=_sama(200)),
    "admin:logout": Harapan(get=(302, 302, 302, 302, 405), post=_sama(302)),
    "admin:password_change": Harapan(get=STAF, post=STAF),
    "admin:password_change_done": Harapan(get=STAF, post=STAF_HANYA_GET),
    "admin:autocomplete": Harapan(get=STAF_TANPA_IZIN, post=STAF_HANYA_GET),  # 403: no field named
    "admin:jsi18n": Harapan(get=STAF, post=STAF_HANYA_GET),
    # No model has a page on the site (get_absolute_url), so "view on site" finds nothing.
    "admin:view_on_site": Harapan(
        get=(302, 302, 302, 302, 404),
        post=(302, 302, 302, 302, 404),
        args={
            "content_type_id": lambda d: ContentType.objects.get_for_model(d.a.renstra).pk,
            "object_id": lambda d: d.a.renstra.pk,
        },
    ),
    # UserAdmin's own view: an admin sets another user's password.
    "admin:auth_user_password_change": Harapan(get=STAF, post=STAF, args={"id": lambda d: d.a.operator.pk}),
    "admin:app_list": Harapan(get=STAF, post=STAF, args={"app_label": lambda d: "renstra"}),
    "admin/(?P<url>.*)$": Harapan(
        get=(302, 302, 302, 302, 404), post=(302, 302, 302, 302, 404), jalur=lambda d: "/admin/tidak-ada/"
    ),
}


@dataclass(frozen=True)
class HarapanAdmin:
    """A model's Admin: its list and the change page of `objek` (one of agency A's where the
    model belongs to an agency), in the order of PERAN."""

    objek: object
    changelist: tuple = STAF
    change: tuple = STAF


TABEL_ADMIN = {
    "auth.group": HarapanAdmin(lambda d: Group.objects.get(name="Operator")),
    "renstra.perangkatdaerah": HarapanAdmin(lambda d: d.a.opd),
    "renstra.bidang": HarapanAdmin(lambda d: d.a.bidang),
    "renstra.renstra": HarapanAdmin(lambda d: d.a.renstra),
    "renstra.tujuan": HarapanAdmin(lambda d: d.a.tujuan),
    "renstra.sasaran": HarapanAdmin(lambda d: d.a.sasaran),
    "renstra.program": HarapanAdmin(lambda d: d.a.program),
    "renstra.kegiatan": HarapanAdmin(lambda d: d.a.kegiatan),
    "renstra.subkegiatan": HarapanAdmin(lambda d: d.a.sub_kegiatan),
    "renstra.indikator": HarapanAdmin(lambda d: d.a.indikator),
    "renstra.target": HarapanAdmin(lambda d: d.a.target),
    "renstra.pagu": HarapanAdmin(lambda d: d.a.pagu),
    "renstra.sumberdana": HarapanAdmin(lambda d: d.a.pagu.sumber_dana),
    "renstra.skalatingkat": HarapanAdmin(lambda d: SkalaTingkat.objects.order_by("pk").first()),
    "renstra.satuancacah": HarapanAdmin(lambda d: SatuanCacah.objects.order_by("pk").first()),
    "renstra.tujuandaerah": HarapanAdmin(
        lambda d: TujuanDaerah.objects.get_or_create(
            wilayah="Kabupaten Uji",
            dokumen="RPJMD",
            tahun_awal=2021,
            tahun_akhir=2026,
            kode="1",
            defaults={"uraian": "Meningkatnya kesejahteraan masyarakat"},
        )[0]
    ),
    "kinerja.user": HarapanAdmin(lambda d: d.a.operator),
    "kinerja.realisasi": HarapanAdmin(lambda d: d.a.realisasi),
    "kinerja.narasilaporan": HarapanAdmin(lambda d: d.narasi),
    "kinerja.catatandata": HarapanAdmin(lambda d: d.catatan),
    "kinerja.nilaipembanding": HarapanAdmin(lambda d: d.pembanding),
    "kinerja.nilaisakip": HarapanAdmin(lambda d: d.sakip),
    "kinerja.realisasianggaran": HarapanAdmin(lambda d: d.a.realisasi_anggaran),
    "kinerja.pelaporan": HarapanAdmin(lambda d: d.pelaporan),
    "kinerja.datadukung": HarapanAdmin(lambda d: d.data_dukung),
    "kinerja.skalapredikat": HarapanAdmin(lambda d: SkalaPredikat.objects.order_by("pk").first()),
    # Read-only in the Admin: written by `manage.py pengingat` and on the review and entry pages.
    "kinerja.pengingat": HarapanAdmin(lambda d: d.pengingat),
    "kinerja.catatandiskusi": HarapanAdmin(lambda d: d.diskusi),
    "kinerja.tindaklanjut": HarapanAdmin(lambda d: d.tindak_lanjut),
    # The log-in records of django-axes: the Admin role has no permission on them (superusers do).
    "axes.accessattempt": HarapanAdmin(lambda d: d.axes["axes.accessattempt"], STAF_TANPA_IZIN, STAF_TANPA_IZIN),
    "axes.accesslog": HarapanAdmin(lambda d: d.axes["axes.accesslog"], STAF_TANPA_IZIN, STAF_TANPA_IZIN),
    "axes.accessfailurelog": HarapanAdmin(lambda d: d.axes["axes.accessfailurelog"], STAF_TANPA_IZIN, STAF_TANPA_IZIN),
    # The API's tokens: superusers only (`manage.py token_api` gives one to an account).
    "authtoken.tokenproxy": HarapanAdmin(
        lambda d: TokenProxy.objects.get_or_create(user=d.a.operator)[0], STAF_TANPA_IZIN, STAF_TANPA_IZIN
    ),
    # The jobs of django-tasks-db (arguments, tracebacks): superusers only.
    "django_tasks_database.dbtaskresult": HarapanAdmin(lambda d: d.tugas, STAF_TANPA_IZIN, STAF_TANPA_IZIN),
}

# The URLs every ModelAdmin gets from Django, django-import-export and django-simple-history,
# each guarded by the Admin's own permission checks (staff, then has_*_permission). A custom view
# added through `get_urls()` has another name, so it needs an entry in TABEL like any other view.
JENIS_URL_ADMIN = {
    "changelist",
    "add",
    "change",
    "delete",
    "history",
    "alihkan",
    "import",
    "process_import",
    "export",
    "simple_history",
}


# ---------------------------------------------------------------------------------------------
# Every URL has an expectation
# ---------------------------------------------------------------------------------------------


def test_every_url_of_the_site_has_an_expected_access_for_every_role():
    di_resolver = {p.kunci for p in _pola_situs()}
    baru = sorted(di_resolver - set(TABEL))
    usang = sorted(set(TABEL) - di_resolver)
    assert not baru, "URL baru tanpa harapan akses: " + ", ".join(baru)
    assert not usang, "Harapan akses untuk URL yang sudah tidak ada: " + ", ".join(usang)


def test_every_model_of_the_admin_has_an_expected_access():
    terdaftar = {m._meta.label_lower for m in situs_admin.site._registry}
    assert sorted(terdaftar - set(TABEL_ADMIN)) == [], "Model Admin baru tanpa harapan akses"
    assert sorted(set(TABEL_ADMIN) - terdaftar) == [], "Harapan akses untuk model Admin yang sudah tidak ada"


# ---------------------------------------------------------------------------------------------
# The walk
# ---------------------------------------------------------------------------------------------


def _jalur(pola, harapan, d):
    if harapan.jalur is not None:
        return harapan.jalur(d)
    nilai = {**PARAMETER, **harapan.args}
    kwargs = {nama: nilai[nama](d) for nama in _parameter(pola)}
    return reverse(pola.kunci, kwargs=kwargs) + harapan.kueri


def _klien(d, peran, **kwargs):
    client = Client(**kwargs)
    if pengguna := d.pengguna(peran):
        client.force_login(pengguna)
    return client


def _buka(client, metode, jalur):
    respons = getattr(client, metode)(jalur)
    if getattr(respons, "streaming", False):
        # Read to the end: the test client then closes the file with the database connection
        # kept (respons.close() here would close the connection in the middle of the test).
        b"".join(respons.streaming_content)
    return respons


def _periksa(respons, metode, jalur, peran, diharapkan, d):
    aktual = respons.status_code
    pesan = f"{metode.upper()} {jalur} sebagai {peran}: diharapkan {diharapkan}, ternyata {aktual}"
    assert aktual == diharapkan, pesan
    if peran == "anonim" and aktual == 302:
        masuk = (reverse("login"), reverse("admin:login"), reverse("admin:index"))
        assert respons["Location"].startswith(masuk), f"{pesan}, dialihkan ke {respons['Location']}"
    _periksa_kebocoran(respons, metode, jalur, peran, d)


def _teks(respons):
    """The words of a page, a JSON answer or a workbook; None for other files (fonts, PDFs)."""
    jenis = respons.get("Content-Type", "")
    if jenis.startswith(("text/", "application/json")):
        return respons.content.decode()
    if jenis == XLSX:
        buku = load_workbook(BytesIO(respons.content), read_only=True)
        return "\n".join(str(v) for ws in buku for baris in ws.iter_rows(values_only=True) for v in baris if v)
    return None


def _periksa_kebocoran(respons, metode, jalur, peran, d):
    """An operator's page or download never names the other agency."""
    if peran not in ("operator_a", "operator_b") or getattr(respons, "streaming", False):
        return
    teks = _teks(respons)
    if teks is None:
        return
    lain = d.b if peran == "operator_a" else d.a
    for tanda in (lain.opd.kode, lain.opd.nama, lain.indikator.uraian):
        assert tanda not in teks, f"{metode.upper()} {jalur} sebagai {peran} menampilkan {tanda!r}"


def _kasus_situs():
    return [
        pytest.param(kunci, metode, peran, id=f"{metode.upper()}-{kunci}-{peran}")
        for kunci in sorted(TABEL)
        for metode in ("get", "post")
        for peran in PERAN
    ]


@pytest.mark.parametrize(("kunci", "metode", "peran"), _kasus_situs())
def test_each_role_gets_the_expected_status_on_each_url(dunia, kunci, metode, peran):
    pola = {p.kunci: p for p in _pola_situs()}.get(kunci)
    assert pola is not None, f"Harapan akses untuk URL yang sudah tidak ada: {kunci}"
    harapan = TABEL[kunci]
    jalur = _jalur(pola, harapan, dunia)
    respons = _buka(_klien(dunia, peran), metode, jalur)
    _periksa(respons, metode, jalur, peran, getattr(harapan, metode)[PERAN.index(peran)], dunia)


def _kasus_admin():
    return [
        pytest.param(label, jenis, peran, id=f"GET-admin-{label}-{jenis}-{peran}")
        for label in sorted(TABEL_ADMIN)
        for jenis in ("changelist", "change")
        for peran in PERAN
    ]


@pytest.mark.parametrize(("label", "jenis", "peran"), _kasus_admin())
def test_each_role_gets_the_expected_status_on_each_admin_model(dunia, label, jenis, peran):
    harapan = TABEL_ADMIN[label]
    app_label, model_name = label.split(".")
    args = [harapan.objek(dunia).pk] if jenis == "change" else []
    jalur = reverse(f"admin:{app_label}_{model_name}_{jenis}", args=args)
    respons = _buka(_klien(dunia, peran), "get", jalur)
    _periksa(respons, "get", jalur, peran, getattr(harapan, jenis)[PERAN.index(peran)], dunia)


# Agency A's URL naming an object of agency B, opened by someone who may see A: the object is
# looked up inside A (or inside the operator's own entry page), so it is not found.
SILANG = {
    "dasbor_indikator": (
        "operator_a",
        404,
        "laporan:dasbor_indikator",
        lambda d: [d.a.opd.kode, 2024, d.b.indikator.pk],
    ),
    "dasbor_indikator_unduh": (
        "operator_a",
        404,
        "laporan:dasbor_indikator_unduh",
        lambda d: [d.a.opd.kode, 2024, d.b.indikator.pk],
    ),
    "dasbor_simpul": (
        "operator_a",
        404,
        "laporan:dasbor_simpul",
        lambda d: [d.a.opd.kode, 2024, "program", d.b.program.pk],
    ),
    "dasbor_simpul_unduh": (
        "operator_a",
        404,
        "laporan:dasbor_simpul_unduh",
        lambda d: [d.a.opd.kode, 2024, "program", d.b.program.pk],
    ),
    "pratinjau": ("operator_a", 404, "kinerja:pratinjau", lambda d: [2024, 4, d.b.indikator.pk]),
    "unggah": ("operator_a", 404, "kinerja:unggah", lambda d: [2024, 4, d.b.indikator.pk]),
    "narasi_tampil": (
        "operator_a",
        404,
        "laporan:narasi_tampil",
        lambda d: [d.a.opd.kode, 2024, "faktor_pendorong"],
        lambda d: f"?indikator={d.b.indikator.pk}",
    ),
    "narasi_ubah": (
        "operator_a",
        404,
        "laporan:narasi_ubah",
        lambda d: [d.a.opd.kode, 2024, "faktor_pendorong"],
        lambda d: f"?indikator={d.b.indikator.pk}",
    ),
    "narasi_riwayat": (
        "verifikator",
        404,
        "laporan:narasi_riwayat",
        lambda d: [d.a.opd.kode, 2024, "faktor_pendorong"],
        lambda d: f"?indikator={d.b.indikator.pk}",
    ),
    "tinjau": (
        "verifikator",
        404,
        "kinerja:tinjau",
        lambda d: [d.a.opd.kode, 2024, 4],
        lambda d: f"?unit={d.b.bidang.pk}",
    ),
    # The report's choice of bidang is limited to the agency's: another's is an invalid choice.
    "laporan_html": (
        "operator_a",
        400,
        "laporan:laporan_html",
        lambda d: [d.a.opd.kode, 2024, "evaluasi-triwulan"],
        lambda d: f"?triwulan=4&bidang={d.b.bidang.pk}",
    ),
}


@pytest.mark.parametrize("kasus", sorted(SILANG))
def test_an_agencys_url_naming_another_agencys_object_finds_nothing(dunia, kasus):
    peran, diharapkan, nama, args, *kueri = SILANG[kasus]
    jalur = reverse(nama, args=args(dunia)) + (kueri[0](dunia) if kueri else "")
    metode = "post" if nama in ("kinerja:pratinjau", "kinerja:unggah") else "get"
    respons = _buka(_klien(dunia, peran), metode, jalur)
    _periksa(respons, metode, jalur, peran, diharapkan, dunia)


def _jalur_model_admin(pola, model, d):
    harapan = TABEL_ADMIN[model._meta.label_lower]
    pk = harapan.objek(d).pk
    if _jenis_url_admin(pola, model) == "alihkan":
        return f"/{pola.route.split('<')[0]}{pk}/"
    args = [pk, 1][: pola.pattern.pattern.regex.groups]  # object_id, and the history row's id
    return reverse(pola.kunci, args=args)


def test_every_admin_url_sends_users_who_are_not_staff_to_the_admin_login(dunia):
    """Add, delete, history, import and export pages too: the Verifikator has view permissions but
    is no staff member, so the Admin is closed to them like to operators and visitors."""
    salah = []
    for peran in ("anonim", "operator_a", "verifikator"):
        client = _klien(dunia, peran)
        for pola, model in _pola_model_admin():
            jalur = _jalur_model_admin(pola, model, dunia)
            for metode in ("get", "post") if peran == "verifikator" else ("get",):
                respons = _buka(client, metode, jalur)
                tujuan = respons.get("Location", "")
                if respons.status_code != 302 or not tujuan.startswith(reverse("admin:login")):
                    salah.append(f"{metode.upper()} {jalur} sebagai {peran}: {respons.status_code} {tujuan}")
    assert salah == []


# ---------------------------------------------------------------------------------------------
# CSRF
# ---------------------------------------------------------------------------------------------


# The API takes a token in the Authorization header and never a cookie (no session
# authentication, tested in kinerja/tests/test_api.py and by the table above): a forged cross-site
# request carries no token, so CSRF does not apply there, and DRF exempts its views.
TANPA_COOKIE = "api:"


def _semua_jalur(d):
    """A concrete path for every URL of the resolver (TABEL holds them all, see above) that a
    cookie authenticates."""
    situs = {p.kunci: p for p in _pola_situs()}
    jalur = [_jalur(situs[k], h, d) for k, h in TABEL.items() if k in situs and not k.startswith(TANPA_COOKIE)]
    jalur += [_jalur_model_admin(p, m, d) for p, m in _pola_model_admin()]
    return jalur


@pytest.mark.parametrize("peran", ["anonim", "operator_a", "admin"])
def test_every_post_without_a_csrf_token_is_refused(dunia, peran, caplog):
    """Every URL, whatever its view does with a POST: the CSRF middleware refuses it before the
    view runs (a GET-only view would answer 405 only after that check)."""
    client = _klien(dunia, peran, enforce_csrf_checks=True)
    salah = []
    for jalur in _semua_jalur(dunia):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
            respons = _buka(client, "post", jalur)
        ditolak_csrf = any(r.name == "django.security.csrf" for r in caplog.records)
        if respons.status_code != 403 or not ditolak_csrf:
            salah.append(f"POST {jalur} sebagai {peran} tanpa token CSRF: {respons.status_code}")
    assert salah == []


def test_no_view_is_exempt_from_csrf():
    dikecualikan = sorted(p.kunci for p in _semua_pola() if getattr(p.pattern.callback, "csrf_exempt", False))
    assert [k for k in dikecualikan if not k.startswith(TANPA_COOKIE)] == []
    assert dikecualikan, "the API's views are exempt (DRF): the exception above must still be needed"

"""The demo built from the seed documents: what it holds, that its numbers are the printed ones,
and that loading it again changes nothing."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Sum
from django.http import HttpRequest

from kinerja.models import Peran, Realisasi, RealisasiAnggaran, User
from renstra.models import Indikator, Pagu, PerangkatDaerah, Program, Renstra, Sasaran, SubKegiatan, Target, Tujuan

BELITUNG = "DSPPPA-BELITUNG"
BATUBARA = "DSPPPA-BATUBARA"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        keluaran = StringIO()
        call_command("demo", stdout=keluaran)
        yield keluaran.getvalue()
        transaction.set_rollback(True)


# Each test runs in its own transaction on top of the loaded demo, and is rolled back.
pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]


def _renstra(kode_opd, tahun_awal):
    return Renstra.objects.get(opd__kode=kode_opd, tahun_awal=tahun_awal)


def _indikator(kode_opd, tahun_awal, uraian, **kwargs):
    return Indikator.objects.get(renstra=_renstra(kode_opd, tahun_awal), uraian=uraian, **kwargs)


def _target(indikator, tahun, jenis=Target.Jenis.RENSTRA):
    return Target.objects.get(indikator=indikator, tahun=tahun, jenis=jenis, triwulan__isnull=True)


def _realisasi(indikator, tahun, triwulan=4):
    return Realisasi.objects.get(indikator=indikator, tahun=tahun, triwulan=triwulan)


def _pagu(kode_opd, kode_sub, tahun):
    return Pagu.objects.get(
        sub_kegiatan__kode=kode_sub, sub_kegiatan__kegiatan__program__renstra__opd__kode=kode_opd, tahun=tahun
    )


def _jumlah_pagu(kode_opd, tahun, field):
    return Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra__opd__kode=kode_opd, tahun=tahun).aggregate(
        s=Sum(field)
    )["s"]


PMKS = "Persentase PMKS yang tertangani atau mendapatkan layanan"
PENURUNAN = "Persentase penurunan PMKS per tahun"
IDG = "Indeks Pemberdayaan Gender (IDG)"
RASIO = "Rasio kekerasan terhadap perempuan dan anak"


def test_demo_command_reports_both_agencies_loaded(demo):
    assert "Kabupaten Belitung: dimuat" in demo
    assert "Kabupaten Batu Bara: dimuat" in demo


def test_each_demo_agency_is_named_after_its_regency():
    assert PerangkatDaerah.objects.get(kode=BELITUNG).nama.endswith("Kabupaten Belitung")
    assert PerangkatDaerah.objects.get(kode=BATUBARA).nama.endswith("Kabupaten Batu Bara")


@pytest.mark.parametrize(
    ("kode_opd", "tahun_awal", "tujuan", "sasaran", "iku"),
    [
        # seed 003, Tabel 2.3: 3 tujuan, 3 sasaran; 6 IKU rows of which tujuan 3 and sasaran 3 share one
        (BELITUNG, 2024, ["1", "2", "3"], ["1.1", "2.1", "3.1"], 5),
        # seed 002, Tabel 3.2.1 and 4.5.1: 1 tujuan, 3 sasaran, 6 IKU
        (BATUBARA, 2025, ["1"], ["1.1", "1.2", "1.3"], 6),
    ],
    ids=["belitung", "batubara"],
)
def test_demo_holds_every_tujuan_sasaran_and_iku(kode_opd, tahun_awal, tujuan, sasaran, iku):
    renstra = _renstra(kode_opd, tahun_awal)
    assert list(Tujuan.objects.filter(renstra=renstra).values_list("kode", flat=True)) == tujuan
    assert list(Sasaran.objects.filter(tujuan__renstra=renstra).values_list("kode", flat=True)) == sasaran
    assert Indikator.objects.filter(renstra=renstra, iku=True).count() == iku
    assert not Indikator.objects.filter(renstra=renstra, iku=True, target__isnull=True).exists()


def test_a_shared_tujuan_and_sasaran_indicator_is_stored_once():
    """Seed 003, Tabel 3.7: tujuan 3 and sasaran 3 are both measured by the violence ratio."""
    rasio = _indikator(BELITUNG, 2024, RASIO)
    assert rasio.tujuan.kode == "3"
    assert rasio.sasaran.kode == "3.1"


def test_demo_holds_more_than_forty_sub_kegiatan_with_indicators_targets_and_budgets():
    lengkap = SubKegiatan.objects.filter(indikator__target__isnull=False, pagu__isnull=False).distinct().count()
    assert lengkap >= 40
    # seed 003, Bab III 3.3: "13 Program, 26 Kegiatan dan 55 Sub Kegiatan"
    renstra = _renstra(BELITUNG, 2024)
    assert Program.objects.filter(renstra=renstra).count() == 13
    assert SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).count() == 55


# Numbers as printed in the seeds. Each case: (seed and table, function reading the demo, value).
ANGKA_SEED = [
    (
        "003 Tabel 2.3: target PMKS tertangani 2024",
        lambda: _target(_indikator(BELITUNG, 2024, PMKS), 2024).nilai,
        Decimal("98.79"),
    ),
    (
        "003 Tabel 2.3: target PMKS tertangani 2026",
        lambda: _target(_indikator(BELITUNG, 2024, PMKS), 2026).nilai,
        Decimal("98.83"),
    ),
    (
        "003 Tabel 2.4: target PK IDG 2024",
        lambda: _target(_indikator(BELITUNG, 2024, IDG), 2024, "pk").nilai,
        Decimal("47"),
    ),
    (
        "003 Tabel 3.7: target PK perubahan IDG 2024",
        lambda: _target(_indikator(BELITUNG, 2024, IDG), 2024, "pk_perubahan").nilai,
        Decimal("53.43"),
    ),
    (
        "003 Tabel 2.3: target APE 2026",
        lambda: _target(_indikator(BELITUNG, 2024, "Level Anugerah Parahita Ekapraya (APE)"), 2026).tingkat.nama,
        "Madya",
    ),
    (
        "003 Tabel 2.3: target rasio kekerasan 2026",
        lambda: _target(_indikator(BELITUNG, 2024, RASIO), 2026).nilai,
        Decimal("3.16"),
    ),
    (
        "003 Tabel 3.3: realisasi rasio kekerasan 2024",
        lambda: _realisasi(_indikator(BELITUNG, 2024, RASIO), 2024).nilai,
        Decimal("4.45"),
    ),
    (
        "003 Tabel 3.3: realisasi penurunan PMKS 2024",
        lambda: _realisasi(_indikator(BELITUNG, 2024, PENURUNAN), 2024).nilai,
        Decimal("30.55"),
    ),
    (
        "003 Tabel 3.17: PMKS tertangani 2024 (pembilang)",
        lambda: _realisasi(_indikator(BELITUNG, 2024, PMKS), 2024).pembilang,
        Decimal("8126"),
    ),
    (
        "003 Tabel 3.17: jumlah PMKS 2024 (penyebut)",
        lambda: _realisasi(_indikator(BELITUNG, 2024, PMKS), 2024).penyebut,
        Decimal("8324"),
    ),
    (
        "003 Tabel 3.4: realisasi penurunan PMKS 2023",
        lambda: _realisasi(_indikator(BELITUNG, 2019, PENURUNAN), 2023).nilai,
        Decimal("18.39"),
    ),
    (
        "003 Tabel 3.4: realisasi penurunan PMKS 2020 (negatif)",
        lambda: _realisasi(_indikator(BELITUNG, 2019, PENURUNAN), 2020).nilai,
        Decimal("-5.01"),
    ),
    (
        "003 Tabel 3.4: target PMKS tertangani 2023",
        lambda: (
            _target(
                _indikator(BELITUNG, 2019, "Persentase penanganan PMKS yang tertangani atau mendapatkan layanan"), 2023
            ).nilai
        ),
        Decimal("80"),
    ),
    ("003 Tabel 3.4: data awal IDG 2018", lambda: _indikator(BELITUNG, 2019, IDG).kondisi_awal, Decimal("54.27")),
    (
        "003 Tabel 3.43: pagu perubahan Gaji dan Tunjangan ASN 2024",
        lambda: _pagu(BELITUNG, "1.06.01.2.02.0001", 2024).perubahan,
        4_946_864_271,
    ),
    ("003 Tabel 3.43: anggaran induk TKSK 2024", lambda: _pagu(BELITUNG, "1.06.02.2.03.0002", 2024).induk, 5_739_000),
    ("003 Lampiran IX: pagu RKPD TKSK 2024", lambda: _pagu(BELITUNG, "1.06.02.2.03.0002", 2024).indikatif, 29_739_000),
    (
        "003 Tabel 3.43: realisasi Layanan Kedaruratan 2024",
        lambda: RealisasiAnggaran.objects.get(sub_kegiatan__kode="1.06.04.2.01.0010", tahun=2024).nilai,
        36_116_500,
    ),
    ("003 Tabel 3.43 T O T A L: anggaran induk 2024", lambda: _jumlah_pagu(BELITUNG, 2024, "induk"), 9_503_811_091),
    (
        "003 Tabel 3.43 T O T A L: anggaran perubahan 2024",
        lambda: _jumlah_pagu(BELITUNG, 2024, "perubahan"),
        10_314_852_053,
    ),
    (
        "003 Tabel 3.43 T O T A L: realisasi 2024",
        lambda: RealisasiAnggaran.objects.filter(
            sub_kegiatan__kegiatan__program__renstra__opd__kode=BELITUNG, tahun=2024
        ).aggregate(s=Sum("nilai"))["s"],
        9_521_256_875,
    ),
    (
        "002 Tabel 4.5.1: kondisi awal tingkat kemiskinan",
        lambda: _indikator(BATUBARA, 2025, "Tingkat Kemiskinan").kondisi_awal,
        Decimal("10.94"),
    ),
    (
        "002 Tabel 3.2.1: target tingkat kemiskinan 2029",
        lambda: _target(_indikator(BATUBARA, 2025, "Tingkat Kemiskinan"), 2029).nilai,
        Decimal("9.99"),
    ),
    (
        "002 Tabel 3.2.1: target rasio kekerasan terhadap anak 2025",
        lambda: _target(_indikator(BATUBARA, 2025, "Rasio Kekerasan Terhadap Anak"), 2025).teks,
        "42:100000",
    ),
    (
        "002 Tabel 3.2.1: target Nilai AKIP 2029",
        lambda: _target(_indikator(BATUBARA, 2025, "Nilai AKIP"), 2029).teks,
        "A (81,00)",
    ),
    (
        "002 Tabel 4.1: pagu Gaji dan Tunjangan ASN 2025",
        lambda: _pagu(BATUBARA, "1.06.01.2.02.0001", 2025).indikatif,
        3_666_665_410,
    ),
    (
        "002 Tabel 4.1: pagu Bimbingan Sosial keluarga 2025",
        lambda: _pagu(BATUBARA, "1.06.04.2.01.0006", 2025).indikatif,
        3_893_994_220,
    ),
    ("002 Tabel 4.1 JUMLAH: pagu 2025", lambda: _jumlah_pagu(BATUBARA, 2025, "indikatif"), 14_445_744_207),
    ("002 Tabel 4.1 JUMLAH: pagu 2027", lambda: _jumlah_pagu(BATUBARA, 2027, "indikatif"), 16_112_581_735),
    (
        "002 Tabel 4.1 JUMLAH: pagu 2025-2029",
        lambda: Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra__opd__kode=BATUBARA).aggregate(
            s=Sum("indikatif")
        )["s"],
        76_989_173_925,
    ),
    (
        "002 Tabel 4.1: target jumlah fakir miskin didata 2027",
        lambda: (
            Target.objects.get(
                indikator__sub_kegiatan__kode="1.06.05.2.02.0001", indikator__renstra__opd__kode=BATUBARA, tahun=2027
            ).nilai
        ),
        Decimal("1700"),
    ),
]


@pytest.mark.parametrize(("baca", "dicetak"), [k[1:] for k in ANGKA_SEED], ids=[k[0] for k in ANGKA_SEED])
def test_demo_number_is_the_one_printed_in_the_seed(baca, dicetak):
    assert baca() == dicetak


# Where the seeds print a slip, the demo holds the consistent value; each case says what was printed.
def test_slip_belitung_salary_realisation_typed_with_an_extra_digit():
    """Tabel 3.43 prints 8.836.429.688; Tabel 3.42, Lampiran XII and its 97,77% give 4.836.429.688."""
    nilai = RealisasiAnggaran.objects.get(sub_kegiatan__kode="1.06.01.2.02.0001", tahun=2024).nilai
    assert nilai == 4_836_429_688
    assert nilai != 8_836_429_688


def test_slip_belitung_pmks_handled_count_in_the_text():
    """Bab III and Tabel 3.15 write 8.136 handled; Tabel 3.17 adds up to 8.126, which gives the printed 97,62%."""
    realisasi = _realisasi(_indikator(BELITUNG, 2024, PMKS), 2024)
    assert realisasi.pembilang == Decimal("8126")
    assert round(realisasi.pembilang / realisasi.penyebut * 100, 2) == Decimal("97.62")
    assert round(Decimal(8136) / realisasi.penyebut * 100, 2) == Decimal("97.74")


def test_slip_batubara_2026_total_leaves_out_two_sub_kegiatan():
    """Tabel 4.1 JUMLAH prints 13.684.684.513 for 2026; its rows add up to 13.924.684.513 (program
    2.08.02 leaves out 2.08.02.2.03.0002 and .0003: 95.000.000 + 145.000.000)."""
    assert _jumlah_pagu(BATUBARA, 2026, "indikatif") == 13_924_684_513
    assert 13_924_684_513 - 13_684_684_513 == 95_000_000 + 145_000_000


def test_loading_the_demo_again_changes_nothing():
    sebelum = [m.objects.count() for m in (Indikator, Target, Pagu, Realisasi)]
    riwayat = [m.history.count() for m in (Indikator, Target, Pagu, Realisasi)]
    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    assert keluaran.getvalue().count("sudah ada, dilewati") == 2
    assert [m.objects.count() for m in (Indikator, Target, Pagu, Realisasi)] == sebelum
    assert [m.history.count() for m in (Indikator, Target, Pagu, Realisasi)] == riwayat


def test_demo_accounts_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="hanya dibuat dalam mode pengembangan"):
        call_command("demo", "--akun", stdout=StringIO())
    assert not User.objects.filter(username="admin").exists()


def test_demo_accounts_get_their_roles_agencies_and_the_demo_password(settings, client):
    settings.DEBUG = True
    call_command("demo", "--akun", stdout=StringIO())
    akun = {u.username: u for u in User.objects.all()}
    assert akun["admin"].peran == Peran.ADMIN and akun["admin"].is_staff
    assert akun["verifikator"].peran == Peran.VERIFIKATOR and akun["verifikator"].opd is None
    assert akun["operator_belitung"].opd.kode == BELITUNG
    assert akun["operator_batubara"].opd.kode == BATUBARA
    # django-axes counts log-ins per request: the test client's login passes one.
    assert client.login(request=HttpRequest(), username="operator_batubara", password="kinerja-demo")
    keluaran = StringIO()
    call_command("demo", "--akun", stdout=keluaran)
    assert "Akun demo sudah ada." in keluaran.getvalue()


def test_demo_is_not_loaded_into_a_database_that_already_has_agencies_when_asked(settings):
    PerangkatDaerah.objects.filter(kode=BATUBARA).update(kode="DINSOS-LAIN")
    keluaran = StringIO()
    call_command("demo", "--jika-kosong", stdout=keluaran)
    assert "data demo tidak dimuat" in keluaran.getvalue()
    assert not PerangkatDaerah.objects.filter(kode=BATUBARA).exists()
    settings.DEBUG = True
    keluaran = StringIO()
    call_command("demo", "--jika-kosong", "--akun", stdout=keluaran)
    assert "Akun demo dilewati: operator_batubara (perangkat daerah DSPPPA-BATUBARA tidak ada)" in keluaran.getvalue()
    assert User.objects.filter(username="operator_belitung").exists()

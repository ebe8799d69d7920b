"""The lateness board (/dasbor/keterlambatan/): per agency and quarter the state, the days late,
the reminders sent and the open recommendations, with frozen time; its sorting, its XLSX, its
cost in queries and who may open it."""

import datetime
import zoneinfo
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.keterlambatan import papan_keterlambatan
from kinerja.models import CatatanDiskusi, Pelaporan, Pengingat, TindakLanjut
from kinerja.tenggat import Keadaan
from kinerja.tests.factories import PelaporanFactory, admin, operator, verifikator
from renstra.models import PerangkatDaerah
from renstra.tests.factories import BidangFactory, PerangkatDaerahFactory, RenstraFactory

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
PAPAN = reverse("laporan:dasbor_keterlambatan")
S = Pelaporan.Status
SEKARANG = datetime.datetime(2025, 5, 1, 9, tzinfo=WIB)  # TW I 2025 due 15 April; TW II under way


def waktu(*args):
    return datetime.datetime(*args, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _jam(settings, time_machine):
    settings.KINERJA_BATAS_WAKTU_TRIWULAN = ["04-15", "07-15", "10-15", "01-15"]
    time_machine.move_to(SEKARANG, tick=False)


def _opd(nama, **kwargs):
    opd = PerangkatDaerahFactory(nama=nama, **kwargs)
    RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    return opd


def _pengingat(opd, triwulan, n):
    for i in range(n):
        Pengingat.objects.create(
            kunci=f"{opd.kode}-2025-{triwulan}-{i}",
            jenis=Pengingat.Jenis.TERLAMBAT,
            alamat="operator@contoh.test",
            opd=opd,
            tahun=2025,
            triwulan=triwulan,
            subjek="Pengingat",
            alasan="Terlambat",
        )


def _rekomendasi(opd, triwulan, status):
    """A recommendation of TW IV 2024 (or of the quarter before) to be answered in `triwulan` 2025."""
    asal, _ = Pelaporan.objects.get_or_create(opd=opd, bidang=None, tahun=2024, triwulan=4, status=S.DIVERIFIKASI)
    catatan = CatatanDiskusi.objects.create(pelaporan=asal, jenis=CatatanDiskusi.Jenis.REKOMENDASI, isi="Lengkapi")
    TindakLanjut.objects.create(rekomendasi=catatan, opd=opd, tahun=2025, triwulan=triwulan, status=status)


@pytest.fixture
def wilayah():
    """Dinas A never entered TW I (16 days overdue), with two reminders and an open recommendation
    (and one done); Dinas B submitted 3 days late; Dinas C verified on time; Dinas D returned,
    still overdue, with one reminder."""
    a, b, c, d = (_opd(f"Dinas {x}") for x in "ABCD")
    _pengingat(a, 1, 2)
    _rekomendasi(a, 1, TindakLanjut.Status.BELUM)
    _rekomendasi(a, 1, TindakLanjut.Status.SELESAI)
    PelaporanFactory(
        opd=b, tahun=2025, triwulan=1, status=S.DIAJUKAN, terlambat=True, diajukan_pada=waktu(2025, 4, 18, 10)
    )
    PelaporanFactory(opd=c, tahun=2025, triwulan=1, status=S.DIVERIFIKASI, diajukan_pada=waktu(2025, 4, 10, 10))
    PelaporanFactory(opd=d, tahun=2025, triwulan=1, status=S.DIKEMBALIKAN, catatan="Data dukung kurang")
    _pengingat(d, 1, 1)
    return a, b, c, d


def _baris(papan):
    return {(b.opd.nama, b.triwulan): b for b in papan.baris}


def test_each_agencys_quarter_shows_its_state_days_late_reminders_and_open_recommendations(wilayah):
    papan = papan_keterlambatan(PerangkatDaerah.objects.order_by("nama"), 2025)
    baris = _baris(papan)
    assert sorted(baris) == [(f"Dinas {x}", tw) for x in "ABCD" for tw in (1, 2)]  # TW III, IV not begun
    ringkas = {
        k: (b.status.status, b.keadaan, b.hari_terlambat, b.pengingat, b.rekomendasi_terbuka)
        for k, b in baris.items()
        if k[1] == 1
    }
    assert ringkas == {
        ("Dinas A", 1): (S.DRAFT, Keadaan.TERLAMBAT, 16, 2, 1),
        ("Dinas B", 1): (S.DIAJUKAN, Keadaan.SELESAI, 3, 0, 0),
        ("Dinas C", 1): (S.DIVERIFIKASI, Keadaan.SELESAI, 0, 0, 0),
        ("Dinas D", 1): (S.DIKEMBALIKAN, Keadaan.TERLAMBAT, 16, 1, 0),
    }
    assert baris["Dinas B", 1].diajukan_terlambat and not baris["Dinas C", 1].diajukan_terlambat
    assert {b.keadaan for k, b in baris.items() if k[1] == 2} == {Keadaan.BELUM_WAKTUNYA}
    assert dict(papan.jumlah_keadaan()) == {
        Keadaan.TERLAMBAT: 2,
        Keadaan.JATUH_TEMPO: 0,
        Keadaan.BELUM_WAKTUNYA: 4,
        Keadaan.SELESAI: 2,
    }
    assert (papan.pengingat, papan.rekomendasi_terbuka) == (3, 1)


def test_the_quarter_moves_from_due_to_overdue_as_the_days_pass(wilayah, time_machine):
    a = wilayah[0]
    semua = PerangkatDaerah.objects.filter(pk=a.pk)
    time_machine.move_to(waktu(2025, 4, 10, 9), tick=False)
    (tw1, _) = papan_keterlambatan(semua, 2025).baris
    assert (tw1.keadaan, tw1.hari_terlambat, tw1.tenggat.teks) == (Keadaan.JATUH_TEMPO, 0, "Jatuh tempo · 5 hari lagi")
    time_machine.move_to(waktu(2025, 4, 16, 9), tick=False)
    (tw1, _) = papan_keterlambatan(semua, 2025).baris
    assert (tw1.keadaan, tw1.hari_terlambat, tw1.tenggat.teks) == (Keadaan.TERLAMBAT, 1, "Terlambat 1 hari")


def test_an_agency_reporting_per_bidang_shows_its_unit_furthest_behind(time_machine):
    opd = _opd("Dinas Bidang", pelaporan_per_bidang=True)
    satu, dua = BidangFactory(opd=opd), BidangFactory(opd=opd)
    PelaporanFactory(opd=opd, bidang=None, tahun=2025, triwulan=1, status=S.DIVERIFIKASI)
    PelaporanFactory(opd=opd, bidang=satu, tahun=2025, triwulan=1, status=S.DIAJUKAN)
    PelaporanFactory(
        opd=opd, bidang=dua, tahun=2025, triwulan=1, status=S.DRAFT, batas_waktu=waktu(2025, 4, 25, 23, 59, 59)
    )
    (tw1, _) = papan_keterlambatan(PerangkatDaerah.objects.filter(pk=opd.pk), 2025).baris
    assert (tw1.status.status, tw1.keadaan, tw1.hari_terlambat) == (S.DRAFT, Keadaan.TERLAMBAT, 6)  # its extension
    assert tw1.status.jumlah_unit == 3


def test_agencies_without_a_renstra_for_the_year_are_not_on_the_board(wilayah):
    PerangkatDaerahFactory(nama="Dinas Tanpa Renstra")
    nama = {b.opd.nama for b in papan_keterlambatan(PerangkatDaerah.objects.all(), 2025).baris}
    assert nama == {"Dinas A", "Dinas B", "Dinas C", "Dinas D"}


# --- the page -------------------------------------------------------------------------------


@pytest.fixture
def peninjau(client):
    client.force_login(verifikator())
    return client


def _urutan(respons):
    return [(b.opd.nama, b.triwulan) for b in respons.context["papan"].baris]


def test_the_page_lists_the_worst_first_and_sorts_by_name_and_reminders(peninjau, wilayah):
    respons = peninjau.get(PAPAN, {"tahun": 2025})
    assert respons.status_code == 200
    assert _urutan(respons)[:3] == [("Dinas A", 1), ("Dinas D", 1), ("Dinas B", 1)]  # 16, 16, 3 days late
    html = respons.content.decode()
    assert "Terlambat 16 hari" in html and "Sudah diajukan · terlambat 3 hari" in html
    assert reverse("kinerja:tinjau", args=[wilayah[0].kode, 2025, 1]) in html
    assert _urutan(peninjau.get(PAPAN, {"tahun": 2025, "urut": "nama"}))[:3] == [
        ("Dinas A", 1),
        ("Dinas A", 2),
        ("Dinas B", 1),
    ]
    assert _urutan(peninjau.get(PAPAN, {"tahun": 2025, "urut": "-nama"}))[0] == ("Dinas D", 2)
    assert _urutan(peninjau.get(PAPAN, {"tahun": 2025, "urut": "-pengingat"}))[:2] == [("Dinas A", 1), ("Dinas D", 1)]
    assert _urutan(peninjau.get(PAPAN, {"tahun": 2025, "urut": "-rekomendasi"}))[0] == ("Dinas A", 1)
    fewest = _urutan(peninjau.get(PAPAN, {"tahun": 2025, "urut": "terlambat"}))
    assert fewest[-2:] == [("Dinas A", 1), ("Dinas D", 1)] and fewest[0] == ("Dinas C", 1)  # on time and done
    # The header says how the rows are sorted, and its link turns the order round.
    assert 'aria-sort="descending"><a class="urut" href="?tahun=2025&amp;urut=terlambat">Hari terlambat' in html


def test_the_board_opens_on_the_year_being_reported(peninjau, wilayah):
    assert peninjau.get(PAPAN).context["papan"].tahun == 2025
    assert peninjau.get(PAPAN, {"tahun": "dua ribu"}).status_code == 404


@pytest.mark.parametrize("jumlah", [3, 10])
def test_the_board_takes_the_same_queries_for_three_agencies_and_for_ten(peninjau, jumlah, django_assert_num_queries):
    for n in range(jumlah):
        opd = _opd(f"Dinas {n:02}", pelaporan_per_bidang=n % 3 == 0)
        BidangFactory(opd=opd)
        PelaporanFactory(opd=opd, tahun=2025, triwulan=1, status=S.DIAJUKAN)
        _pengingat(opd, 1, 1)
        _rekomendasi(opd, 1, TindakLanjut.Status.PROSES)
    peninjau.get(PAPAN, {"tahun": 2025})  # the session settled
    # The session, its user, their permissions and groups (5), its renewal (3); the agencies,
    # submissions, bidang, reminders and recommendations (5).
    with django_assert_num_queries(13):
        respons = peninjau.get(PAPAN, {"tahun": 2025})
    assert len(respons.context["papan"].baris) == 2 * jumlah
    assert respons.context["papan"].rekomendasi_terbuka == jumlah


def test_the_xlsx_holds_the_figures_of_the_page(peninjau, wilayah):
    respons = peninjau.get(reverse("laporan:dasbor_keterlambatan_unduh", args=["xlsx"]), {"tahun": 2025})
    assert respons.status_code == 200
    assert 'filename="dasbor-keterlambatan-2025.xlsx"' in respons["Content-Disposition"]
    lembar = load_workbook(BytesIO(respons.content)).worksheets[0]
    baris = [list(r) for r in lembar.iter_rows(values_only=True)]
    dinas_a = next(r for r in baris if "Dinas A" in r and "TW I" in r)
    assert [v for v in dinas_a if isinstance(v, (int, float)) and not isinstance(v, bool)][-3:] == [16, 2, 1]
    assert "Terlambat 16 hari" in dinas_a
    dinas_b = next(r for r in baris if "Dinas B" in r and "TW I" in r)
    assert "Sudah diajukan · terlambat 3 hari" in dinas_b


def test_an_unknown_download_format_is_not_found(peninjau, wilayah):
    assert peninjau.get(reverse("laporan:dasbor_keterlambatan_unduh", args=["csv"])).status_code == 404


@perlu_pdf
def test_the_pdf_prints_the_board(peninjau, wilayah, tmp_path):
    respons = peninjau.get(reverse("laporan:dasbor_keterlambatan_unduh", args=["pdf"]), {"tahun": 2025}, follow=True)
    if respons["Content-Type"] != "application/pdf":
        pytest.skip("printed by the worker, not within the request here")
    teks, _ = teks_pdf(respons.content, tmp_path)
    assert "Keterlambatan pelaporan" in teks and "Dinas A" in teks


# --- who may open it ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nama", ["laporan:dasbor_keterlambatan", "laporan:dasbor_keterlambatan_unduh"], ids=["halaman", "unduhan"]
)
def test_an_operator_is_refused_and_an_admin_is_let_in(client, wilayah, nama):
    args = ["xlsx"] if nama.endswith("unduh") else []
    url = reverse(nama, args=args)
    assert client.get(url).status_code == 302  # anonymous: to the log-in
    client.force_login(operator(wilayah[0]))
    assert client.get(url).status_code == 403
    client.force_login(admin())
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405


def test_the_region_dashboard_and_the_verification_list_link_to_the_board(peninjau, wilayah):
    assert PAPAN in peninjau.get(reverse("laporan:dasbor_wilayah")).content.decode()
    assert PAPAN in peninjau.get(reverse("kinerja:verifikasi_daftar")).content.decode()

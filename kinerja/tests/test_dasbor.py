"""The reads behind the dashboards: the region up to a quarter, one agency drilled down, one
indicator over the years, an operator's home; on the seed demo's printed numbers where the seeds
print them, on factories for the rules they do not show."""

import datetime
import zoneinfo
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kinerja import dasbor, rules
from kinerja.models import Pelaporan
from kinerja.selectors import isian_triwulan, kinerja_tahunan
from kinerja.sintetis_wilayah import buat_wilayah_sintetis
from renstra.models import Indikator, PerangkatDaerah
from renstra.tests.factories import (
    BidangFactory,
    IndikatorFactory,
    PaguFactory,
    PerangkatDaerahFactory,
    RenstraFactory,
    SubKegiatanFactory,
    TargetFactory,
)

from .factories import PelaporanFactory, RealisasiAnggaranFactory, RealisasiFactory

pytestmark = pytest.mark.django_db
D = Decimal
SKALA = rules.PRESET["permendagri_54_2010"]
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
BELITUNG = "DSPPPA-BELITUNG"


def waktu(*args):
    return datetime.datetime(*args, tzinfo=WIB)


def _wilayah(tahun, triwulan, *kode, sekarang=None):
    opd = PerangkatDaerah.objects.filter(kode__in=kode).order_by("nama") if kode else PerangkatDaerah.objects.all()
    return dasbor.ringkasan_wilayah(opd, tahun, triwulan, skala=SKALA, sekarang=sekarang)


# --- thresholds and quadrants ---------------------------------------------------------------


def test_quadrant_thresholds_follow_the_part_of_the_year_gone(settings):
    settings.KINERJA_AMBANG_CAPAIAN, settings.KINERJA_AMBANG_SERAPAN = "90", "80"
    assert dasbor.ambang(4) == (D(90), D(80))
    assert dasbor.ambang(3) == (D("67.5"), D(60))
    assert dasbor.ambang(1) == (D("22.5"), D(20))


@pytest.mark.parametrize("salah", ["sembilan puluh", "0", ""])
def test_a_threshold_that_is_not_a_positive_percentage_is_named(settings, salah):
    settings.KINERJA_AMBANG_SERAPAN = salah
    with pytest.raises(ImproperlyConfigured, match=f"KINERJA_AMBANG_SERAPAN harus persen lebih dari 0.*{salah!r}"):
        dasbor.ambang(3)


@pytest.mark.parametrize(
    ("capaian", "serapan", "kuadran"),
    [
        ("90", "90", "Capaian tinggi, serapan tinggi"),
        ("89.99", "90", "Serapan tinggi, capaian rendah"),
        ("90", "89.99", "Capaian tinggi, serapan rendah"),
        ("50", "40", "Capaian rendah, serapan rendah"),
        (None, "90", None),
        ("90", None, None),
    ],
)
def test_a_value_at_the_threshold_is_high_and_a_missing_one_has_no_quadrant(capaian, serapan, kuadran):
    assert rules.kuadran(capaian and D(capaian), serapan and D(serapan), 90, 90) == kuadran


# --- the region on the seed demo ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo")
def test_belitung_2024_absorbs_the_budget_printed_in_the_lkjip():
    """Seed 003, Tabel 3.43: realisasi 9.521.256.875 of pagu 10.314.852.053, serapan 92,31%."""
    wilayah = _wilayah(2024, 4, BELITUNG)
    (belitung,) = wilayah.baris
    assert (belitung.pagu, belitung.realisasi) == (10_314_852_053, 9_521_256_875)
    assert rules.format_angka(belitung.serapan) == "92,31"
    assert (wilayah.pagu, wilayah.realisasi) == (belitung.pagu, belitung.realisasi)


@pytest.mark.usefixtures("demo")
def test_the_agency_row_is_the_mean_and_the_categories_of_its_year():
    wilayah = _wilayah(2024, 4, BELITUNG)
    (belitung,) = wilayah.baris
    kt = kinerja_tahunan(belitung.opd, 2024, skala=SKALA)
    dihitung = [k for k in kt.indikator if k.dihitung]
    assert belitung.jumlah_indikator == len(dihitung) == 102
    # The rata-rata capaian kinerja: from the sasaran down (a tujuan's own indicator left out), as the Evaluasi Renja.
    dirata = [k for k in dihitung if k.indikator.sasaran_id or not k.indikator.tujuan_id]
    assert len(dirata) == 100
    assert belitung.rata_rata == kt.rata_rata_semua() == rules.rata_rata_capaian(k.capaian for k in dirata)
    per = {(r.label if r else None): n for r, n in belitung.per_predikat}
    assert sum(per.values()) == 102
    # The printed IKU "Rasio kekerasan terhadap perempuan dan anak" (71,91) is one of the Cukup.
    assert per["Cukup"] == sum(1 for k in dihitung if k.capaian is not None and 65 <= k.capaian < 75) >= 1
    assert per[None] == sum(1 for k in dihitung if k.capaian is None)
    assert belitung.predikat == SKALA.cari(belitung.rata_rata)


@pytest.mark.usefixtures("demo")
def test_up_to_a_quarter_only_the_quarters_reported_by_then_count():
    """Seed 003, Lampiran XI: anak terlantar dijangkau TW I 0, TW II 7, TW III 1, TW IV 2 of 5."""
    opd = PerangkatDaerah.objects.get(kode=BELITUNG)
    kode = "1.06.05.2.01.0001"
    capaian = []
    for tw in (1, 2, 3, 4):
        data = dasbor.dasbor_opd(opd, 2024, tw, skala=SKALA)
        (k,) = next(s for s in data.akar.semua() if s.level == "sub_kegiatan" and s.objek.kode == kode).kinerja
        capaian.append(k.capaian)
    assert capaian == [0, D(140), D(160), D(200)]


@pytest.mark.usefixtures("demo")
def test_an_agency_without_a_renstra_that_year_is_listed_empty():
    wilayah = _wilayah(2030, 2, BELITUNG)
    (b,) = wilayah.baris
    assert (b.renstra, b.jumlah_indikator, b.rata_rata, b.serapan, b.kuadran) == (None, 0, None, None, None)
    assert b.per_predikat == []


# --- submissions ----------------------------------------------------------------------------


def test_each_quarter_shows_its_submission_and_a_draft_past_its_deadline_is_late():
    opd = PerangkatDaerahFactory()
    RenstraFactory(opd=opd)
    PelaporanFactory(opd=opd, triwulan=1, status=Pelaporan.Status.DIVERIFIKASI)
    PelaporanFactory(opd=opd, triwulan=2, status=Pelaporan.Status.DIAJUKAN, terlambat=True)
    PelaporanFactory(opd=opd, triwulan=3, status=Pelaporan.Status.DIKEMBALIKAN, catatan="Lengkapi")
    (b,) = _wilayah(2024, 4, opd.kode, sekarang=waktu(2024, 11, 1, 8)).baris
    assert [(s.status, s.terlambat) for s in b.status] == [
        ("diverifikasi", False),
        ("diajukan", True),  # submitted after the deadline
        ("dikembalikan", True),  # returned and still not in after 15 October
        ("draft", False),  # TW IV is due 15 January
    ]
    assert [s.tenggat.teks for s in b.status] == [
        "Sudah diajukan",
        "Sudah diajukan",
        "Terlambat 17 hari",
        "Belum waktunya",
    ]
    assert b.terlambat
    (b,) = _wilayah(2024, 4, opd.kode, sekarang=waktu(2025, 1, 16, 8)).baris
    assert (b.status[3].status, b.status[3].terlambat, b.status[3].teks) == ("draft", True, "Draf · Terlambat 1 hari")
    assert b.status[1].teks == "Diajukan · terlambat"  # submitted, after the deadline


def test_an_agency_reporting_per_bidang_shows_its_least_advanced_unit():
    opd = PerangkatDaerahFactory(pelaporan_per_bidang=True)
    RenstraFactory(opd=opd)
    satu, dua = BidangFactory(opd=opd), BidangFactory(opd=opd)
    PelaporanFactory(opd=opd, bidang=None, triwulan=1, status=Pelaporan.Status.DIVERIFIKASI)
    PelaporanFactory(opd=opd, bidang=satu, triwulan=1, status=Pelaporan.Status.DIVERIFIKASI)
    PelaporanFactory(opd=opd, bidang=dua, triwulan=1, status=Pelaporan.Status.DIAJUKAN)
    (b,) = _wilayah(2024, 1, opd.kode, sekarang=waktu(2024, 4, 10, 8)).baris
    assert b.status[0].status == "diajukan"
    assert b.status[0].teks == "Diajukan (2/3 diverifikasi)"


def test_the_region_counts_agencies_per_state_and_quadrant(settings):
    settings.KINERJA_AMBANG_CAPAIAN = settings.KINERJA_AMBANG_SERAPAN = "90"
    for kode, realisasi, belanja, status in [
        ("A", 12, 95, Pelaporan.Status.DIVERIFIKASI),  # 100%, 95%
        ("B", 6, 95, Pelaporan.Status.DIAJUKAN),  # 50%, 95%: money without results
        ("C", 12, 40, Pelaporan.Status.DIVERIFIKASI),  # 100%, 40%
    ]:
        sub = SubKegiatanFactory(kegiatan__program__renstra__opd=PerangkatDaerahFactory(kode=kode))
        i = IndikatorFactory(sub_kegiatan=sub)
        TargetFactory(indikator=i, nilai=D(12))
        RealisasiFactory(indikator=i, triwulan=4, nilai=D(realisasi))
        PaguFactory(sub_kegiatan=sub, induk=100_000_000)
        RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=4, nilai=belanja * 1_000_000)
        PelaporanFactory(opd=sub.kegiatan.program.renstra.opd, triwulan=4, status=status)
    wilayah = _wilayah(2024, 4, "A", "B", "C", sekarang=waktu(2024, 12, 1, 8))
    assert [(b.opd.kode, b.kuadran) for b in wilayah.baris] == [
        ("A", "Capaian tinggi, serapan tinggi"),
        ("B", "Serapan tinggi, capaian rendah"),
        ("C", "Capaian tinggi, serapan rendah"),
    ]
    assert dict(wilayah.per_kuadran) == {
        "Capaian tinggi, serapan tinggi": 1,
        "Capaian tinggi, serapan rendah": 1,
        "Serapan tinggi, capaian rendah": 1,
        "Capaian rendah, serapan rendah": 0,
    }
    jumlah, terlambat = wilayah.jumlah_status(4)
    assert (jumlah["diverifikasi"], jumlah["diajukan"], jumlah["draft"], terlambat) == (2, 1, 0, 0)
    assert wilayah.serapan == rules.serapan(230_000_000, 300_000_000)
    assert rules.format_angka(wilayah.rata_rata) == "83,33"


# --- cost -----------------------------------------------------------------------------------


def test_the_region_costs_the_same_queries_for_three_agencies_and_for_forty():
    buat_wilayah_sintetis(40, seed=1)
    sintetis = PerangkatDaerah.objects.filter(kode__startswith="CTH-").order_by("nama")
    assert Indikator.objects.filter(renstra__opd__in=sintetis).count() > 2000
    dasbor.ringkasan_wilayah(sintetis, 2026, 3, skala=SKALA)  # the read model filled (kinerja.ringkasan)
    jumlah = []
    for opd in (sintetis[:3], sintetis):
        with CaptureQueriesContext(connection) as q:
            wilayah = dasbor.ringkasan_wilayah(opd, 2026, 3, skala=SKALA)
            assert all(b.rata_rata is not None and b.serapan is not None for b in wilayah.baris)
        jumlah.append(len(q))
    assert jumlah == [7, 7]
    assert len(wilayah.baris) == 40


# --- one agency drilled down ----------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_programs_of_belitung_absorb_what_the_lkjip_prints():
    """Seed 003, Tabel 3.43: Pemberdayaan Sosial 321.623.110 of 348.934.400 (92,17%), Migran
    16.955.668 of 41.256.200 (41,10%), Perlindungan Perempuan 195.433.106 of 394.720.850."""
    opd = PerangkatDaerah.objects.get(kode=BELITUNG)
    with CaptureQueriesContext(connection) as q:
        data = dasbor.dasbor_opd(opd, 2024, 4, skala=SKALA)
    assert len(q) == 13  # the Renstra, its tree (7), the year (3), budgets and spending
    program = {p.objek.kode: p for p in data.program}
    assert (program["1.06.02"].realisasi, program["1.06.02"].pagu) == (321_623_110, 348_934_400)
    assert rules.format_angka(program["1.06.02"].serapan) == "92,17"
    assert rules.format_angka(program["1.06.03"].serapan) == "41,10"
    assert rules.format_angka(program["2.08.03"].serapan) == "49,51"
    # Seed 003, Tabel 3.11: the program indicator of Pemberdayaan Sosial reaches 88,13%.
    assert rules.format_angka(program["1.06.02"].rata_rata) == "88,13"
    assert (data.akar.pagu, data.akar.realisasi) == (10_314_852_053, 9_521_256_875)


@pytest.mark.usefixtures("demo")
def test_each_node_holds_the_money_of_its_subtree_and_its_own_indicators():
    data = dasbor.dasbor_opd(PerangkatDaerah.objects.get(kode=BELITUNG), 2024, 4, skala=SKALA)
    for s in data.akar.semua():
        if s.anak:
            assert s.pagu == sum(a.pagu or 0 for a in s.anak), s.judul
            assert s.realisasi == sum(a.realisasi or 0 for a in s.anak), s.judul
    tujuan = [s for s in data.akar.anak if s.level == "tujuan"]
    assert len(tujuan) == 3
    # A sasaran's indicator serving its tujuan too belongs to both, as in the reports.
    (rasio,) = tujuan[2].kinerja
    assert [k.indikator for k in tujuan[2].anak[0].kinerja] == [rasio.indikator]
    assert rules.format_angka(tujuan[2].rata_rata) == "71,91"
    sub = next(s for s in data.akar.semua() if s.level == "sub_kegiatan" and s.objek.kode == "1.06.05.2.01.0001")
    assert data.cari("sub_kegiatan", sub.objek.pk) is sub
    assert [x.level for x in sub.jalur] == ["opd", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
    assert [x.objek.kode for x in sub.jalur[3:]] == ["1.06.05", "1.06.05.2.01", "1.06.05.2.01.0001"]
    assert data.cari("program", 10**9) is None


def test_programs_without_a_sasaran_are_gathered_under_one_node():
    sub = SubKegiatanFactory(kegiatan__program__sasaran=None)
    PaguFactory(sub_kegiatan=sub, induk=1_000_000)
    data = dasbor.dasbor_opd(sub.kegiatan.program.renstra.opd, 2024, 4, skala=SKALA)
    (lain,) = data.akar.anak
    assert (lain.level, lain.pagu, lain.anak[0].objek) == ("lain", 1_000_000, sub.kegiatan.program)
    assert data.cari("lain", "lain") is lain


# --- one indicator over the years -----------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_an_iku_runs_back_through_the_renstra_it_continues():
    """Seed 003, Tabel 3.5: IDG 2019–2023 realisations 43,07 53,11 53,02 53,02 53,42 against
    targets 42,62 43,91 45,11 46,35 47,00; 2024 capaian 100,07."""
    idg = Indikator.objects.select_related("renstra", "pendahulu__renstra", "pendahulu__pendahulu__renstra").get(
        renstra__opd__kode=BELITUNG, renstra__tahun_awal=2024, uraian__startswith="Indeks Pem"
    )
    with CaptureQueriesContext(connection) as q:
        data = dasbor.dasbor_indikator(idg, 2024, skala=SKALA)
    assert len(q) == 4
    per_tahun = dict(data.per_tahun)
    assert [str(per_tahun[th].nilai_tahunan) for th in range(2019, 2024)] == [
        "43.0700", "53.1100", "53.0200", "53.0200", "53.4200",
    ]  # fmt: skip
    assert [str(per_tahun[th].target.nilai) for th in range(2019, 2024)] == [
        "42.6200", "43.9100", "45.1100", "46.3500", "47.0000",
    ]  # fmt: skip
    assert rules.format_angka(per_tahun[2024].capaian) == "100,07"
    assert rules.format_angka(data.kinerja.capaian) == "100,07"


# --- an operator's home ---------------------------------------------------------------------


def test_the_home_shows_progress_returned_quarters_and_the_weakest_indicators(time_machine):
    time_machine.move_to(waktu(2024, 12, 20, 9), tick=False)
    renstra = RenstraFactory()
    opd = renstra.opd
    sub = SubKegiatanFactory(kegiatan__program__renstra=renstra)
    capaian = {}
    for n, realisasi in enumerate([12, 3, 6, None], start=1):
        i = IndikatorFactory(sub_kegiatan=sub, uraian=f"Indikator {n}")
        TargetFactory(indikator=i, nilai=D(12))
        if realisasi is not None:
            RealisasiFactory(indikator=i, triwulan=4, nilai=D(realisasi))
        capaian[i.uraian] = realisasi
    PelaporanFactory(opd=opd, triwulan=3, status=Pelaporan.Status.DIKEMBALIKAN, catatan="Isi permasalahan TW III")
    PelaporanFactory(opd=opd, triwulan=2, status=Pelaporan.Status.DIVERIFIKASI)
    halaman = isian_triwulan(opd, 2024, 4)
    pelaporan = Pelaporan(opd=opd, tahun=2024, triwulan=4)
    data = dasbor.beranda_operator(halaman, pelaporan, kinerja_tahunan(opd, 2024, skala=SKALA), jumlah_terendah=2)
    assert (data.terisi, data.jumlah) == (3, 4)
    assert rules.format_angka(data.persen_terisi) == "75,00"
    assert [(p.triwulan, p.catatan) for p in data.dikembalikan] == [(3, "Isi permasalahan TW III")]
    assert [k.indikator.uraian for k in data.terendah] == ["Indikator 2", "Indikator 3"]
    assert data.sisa_hari == 26  # 15 January 2025
    assert dasbor.tahun_terukur_terakhir(opd, 2026) == 2024
    assert dasbor.tahun_terukur_terakhir(PerangkatDaerahFactory(), 2026) == 2026


# --- the generated region -------------------------------------------------------------------


def _sidik(kode_awal="CTH-"):
    """What a generated region is, in numbers: per agency its indicators, realisations, budget
    and spending."""
    from django.db.models import Count, Sum

    from kinerja.models import Realisasi, RealisasiAnggaran
    from renstra.models import Pagu

    hasil = []
    for opd in PerangkatDaerah.objects.filter(kode__startswith=kode_awal).order_by("kode"):
        jalur = {"sub_kegiatan__kegiatan__program__renstra__opd": opd}
        hasil.append(
            (
                opd.kode,
                Indikator.objects.filter(renstra__opd=opd).count(),
                Realisasi.objects.filter(indikator__renstra__opd=opd).aggregate(n=Count("id"), s=Sum("nilai")),
                Pagu.objects.filter(**jalur).aggregate(s=Sum("induk"))["s"],
                RealisasiAnggaran.objects.filter(**jalur).aggregate(s=Sum("nilai"))["s"],
                list(
                    Pelaporan.objects.filter(opd=opd).order_by("tahun", "triwulan").values_list("status", "terlambat")
                ),
            )
        )
    return hasil


def test_the_same_seed_generates_the_same_region_and_another_seed_another():
    sidik = []
    for seed in (1, 1, 2):
        with transaction.atomic():
            buat_wilayah_sintetis(3, seed=seed)
            sidik.append(_sidik())
            transaction.set_rollback(True)
    assert sidik[0] == sidik[1]
    assert sidik[0] != sidik[2]
    assert len(sidik[0]) == 3


def test_the_demo_command_generates_the_region_once():
    keluaran = StringIO()
    call_command("demo", "--sintetis", "3", "--seed", "1", stdout=keluaran)
    assert "3 perangkat daerah sintetis dibuat, 0 sudah ada." in keluaran.getvalue()
    sebelum = _sidik()
    keluaran = StringIO()
    call_command("demo", "--sintetis", "3", "--seed", "1", stdout=keluaran)
    assert "0 perangkat daerah sintetis dibuat, 3 sudah ada." in keluaran.getvalue()
    assert _sidik() == sebelum


def test_a_generated_agency_has_a_whole_renstra_with_targets_budgets_and_submissions():
    (opd,), _ = buat_wilayah_sintetis(1, seed=1)
    renstra = opd.renstra.get()
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2025, 2029)
    indikator = Indikator.objects.filter(renstra=renstra)
    assert indikator.filter(iku=True).exists() and indikator.filter(sub_kegiatan__isnull=False).count() > 10
    for i in indikator:
        assert sorted(i.target.values_list("tahun", flat=True)) == [2025, 2026, 2027, 2028, 2029]
    kt = kinerja_tahunan(opd, 2025, skala=SKALA)
    assert all(k.capaian is not None for k in kt.indikator if k.dihitung)
    wilayah = _wilayah(2026, 3, opd.kode)
    (b,) = wilayah.baris
    assert b.pagu > b.realisasi > 0
    assert [s.status for s in b.status][:2] == ["diverifikasi", "diverifikasi"]


def test_past_forty_three_agencies_the_region_goes_on_with_a_second_regency_up_to_twenty():
    with pytest.raises(ValueError, match="860"):
        buat_wilayah_sintetis(861, seed=1)

    dibuat, _ = buat_wilayah_sintetis(45, seed=1)

    assert [o.kode for o in dibuat[42:]] == ["CTH-KEC-RAWAMERTA", "CTH2-DISDIK", "CTH2-DINKES"]
    assert dibuat[43].nama.endswith("Kabupaten Contoh 2")

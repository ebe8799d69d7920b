"""The read model of capaian (kinerja.ringkasan) never drifts from the rules: after every kind of
write (the entry page's save, an import, the Admin, a target, the indicator, a level of its scale,
a node's period or refocusing, a deletion, a bulk update and raw SQL), what the region's overview
reads, each indicator's capaian and each agency's aggregate, equals a full recomputation by the
rules module, on the demo and a generated region. Each test first fills the read model, so a row
the write failed to outdate would be served with its old value."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_migrate
from django.urls import reverse

from kinerja import importers, rules, services
from kinerja.apps import kosongkan_capaian_tersimpan
from kinerja.dasbor import ambang_pencilan
from kinerja.models import CapaianTersimpan, Realisasi, RingkasanTersimpan, VersiCapaian
from kinerja.ringkasan import RingkasanRenstra, capaian_wilayah, hitung_ulang, ringkasan_renstra
from kinerja.selectors import KinerjaTahun, kinerja_per_tahun
from kinerja.sintetis_wilayah import buat_wilayah_sintetis
from renstra.models import Indikator, Program, Renstra, SkalaTingkat, SubKegiatan, Target, Tingkat
from renstra.selectors import indikator_berlaku_pada

from .factories import RealisasiFactory, admin, operator
from .seed_xlsx import perbaiki_evaluasi, tulis_xlsx
from .test_impor import baris_evaluasi_dua_bidang, purwakarta  # noqa: F401

SKALA = rules.PRESET["permendagri_54_2010"]
# The demo's Belitung 2024, and the generated region's 2025 and 2026 up to its last quarter.
TAHUN_TRIWULAN = [(2024, 4), (2025, 4), (2026, 3), (2026, 4)]


@pytest.fixture(scope="module")
def wilayah(django_db_setup, django_db_blocker):
    """The demo and four generated agencies, loaded once for the module and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        buat_wilayah_sintetis(4, seed=2)
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.usefixtures("wilayah"), pytest.mark.django_db]


def _dibaca(tahun, triwulan):
    renstra = list(Renstra.objects.values_list("pk", flat=True))
    return {k.indikator.pk: k.hasil for k in capaian_wilayah(renstra, tahun, triwulan, SKALA)}


def _ringkasan_dibaca(tahun, triwulan):
    renstra = list(Renstra.objects.values_list("pk", flat=True))
    return ringkasan_renstra(renstra, tahun, triwulan, SKALA, None, ambang_pencilan())


def ringkasan_dihitung_ulang(tahun, triwulan):
    """{Renstra id: RingkasanRenstra} from every indicator in force, built as the other pages
    build them (`kinerja_per_tahun`), without the read model."""
    indikator = list(
        Indikator.objects.filter(indikator_berlaku_pada(tahun))
        .select_related("sub_kegiatan", "skala_tingkat")
        .order_by("renstra_id", "pk")
    )
    kinerja = kinerja_per_tahun(indikator, [tahun], SKALA, sampai_triwulan=triwulan)
    per_renstra = {r: [] for r in Renstra.objects.values_list("pk", flat=True)}
    for i in indikator:
        per_renstra[i.renstra_id].append(kinerja[i.pk, tahun])
    return {
        r: RingkasanRenstra.dari(KinerjaTahun(None, tahun, SKALA, k), ambang_pencilan()) for r, k in per_renstra.items()
    }


def sama_dengan_hitung_ulang():
    """What the read model gives for every indicator and every agency of the region equals the
    rules' result; returns it by (year, quarter), and by ("ringkasan", year, quarter)."""
    hasil = {}
    for tahun, triwulan in TAHUN_TRIWULAN:
        dibaca = _dibaca(tahun, triwulan)
        assert dibaca, (tahun, triwulan)
        assert dibaca == hitung_ulang(list(dibaca), tahun, triwulan, SKALA), (tahun, triwulan)
        hasil[tahun, triwulan] = dibaca
        ringkasan = _ringkasan_dibaca(tahun, triwulan)
        assert ringkasan == ringkasan_dihitung_ulang(tahun, triwulan), (tahun, triwulan)
        hasil["ringkasan", tahun, triwulan] = ringkasan
    return hasil


def _terukur(tahun, triwulan, **saring):
    """A quantitative indicator, without a formula, with a capaian in (tahun, triwulan) and its
    realisation of that quarter."""
    dibaca = _dibaca(tahun, triwulan)
    for r in Realisasi.objects.filter(
        tahun=tahun,
        triwulan=triwulan,
        nilai__gt=0,
        indikator__jenis=Indikator.Jenis.KUANTITATIF,
        indikator__pembilang="",
        **saring,
    ).select_related("indikator"):
        if dibaca.get(r.indikator_id) and dibaca[r.indikator_id].nilai is not None and not r.indikator.tahunan:
            return r
    raise AssertionError("tidak ada indikator terukur")


def test_the_read_model_starts_equal_to_the_rules_and_is_then_read_from_its_rows(django_assert_max_num_queries):
    pertama = sama_dengan_hitung_ulang()
    assert CapaianTersimpan.objects.count() >= sum(len(pertama[t]) for t in TAHUN_TRIWULAN)
    assert RingkasanTersimpan.objects.count() == len(TAHUN_TRIWULAN) * Renstra.objects.count()
    with django_assert_max_num_queries(3):  # the Renstra, their indicators, their current rows
        assert _dibaca(2026, 3) == pertama[2026, 3]
    with django_assert_max_num_queries(3):  # the Renstra, their fingerprints, their aggregates
        assert _ringkasan_dibaca(2026, 3) == pertama["ringkasan", 2026, 3]


def test_an_entry_saved_by_the_operator_is_read_at_once(wilayah):
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-")
    sebelum = sama_dengan_hitung_ulang()
    opd = r.indikator.renstra.opd
    data = {"nilai": r.nilai * 3, "rencana_aksi": "", "permasalahan": "", "tindak_lanjut": "", "keterangan": ""}

    services.simpan_isian(
        user=operator(opd=opd),
        pelaporan=services.pelaporan_unit(opd, None, 2026, 4),
        baris=[services.IsianBaris(indikator=r.indikator, data=data, versi=0, diubah=True)],
        anggaran=[],
        boleh_diubah={r.indikator_id},
    )

    sesudah = sama_dengan_hitung_ulang()
    assert sesudah[2026, 4][r.indikator_id] != sebelum[2026, 4][r.indikator_id]
    assert sesudah[2026, 3][r.indikator_id] == sebelum[2026, 3][r.indikator_id]  # the quarter before: unchanged


def test_an_import_is_read_at_once(tmp_path, purwakarta):  # noqa: F811
    baris = perbaiki_evaluasi(baris_evaluasi_dua_bidang())
    pertama = tulis_xlsx(tmp_path / "evaluasi.xlsx", {"Evaluasi": baris})
    assert importers.jalankan("evaluasi-triwulan", pertama, opd=purwakarta, tahun=2024, simpan=True).disimpan
    indikator = Indikator.objects.get(sub_kegiatan__kode="1.06.02.2.03.0001", renstra__opd=purwakarta)
    sebelum = sama_dengan_hitung_ulang()
    assert sebelum[2024, 4][indikator.pk].nilai == 100
    # The same workbook with the fourth quarter's 192 of 192 persons corrected to 96.
    assert baris[12][12:14] == ["192", "100,00%"]
    baris[12][12:14] = ["96", "50,00%"]
    kedua = tulis_xlsx(tmp_path / "evaluasi-2.xlsx", {"Evaluasi": baris})

    assert importers.jalankan("evaluasi-triwulan", kedua, opd=purwakarta, tahun=2024, simpan=True).disimpan

    assert sama_dengan_hitung_ulang()[2024, 4][indikator.pk].nilai == 50


def test_a_realisation_changed_in_the_admin_is_read_at_once(client):
    r = _terukur(2024, 4, indikator__renstra__opd__kode="DSPPPA-BELITUNG")
    sebelum = sama_dengan_hitung_ulang()
    client.force_login(admin(is_superuser=True))
    url = reverse("admin:kinerja_realisasi_change", args=[r.pk])
    form = client.get(url).context["adminform"].form
    data = {
        "indikator": r.indikator_id,
        "tahun": r.tahun,
        "triwulan": r.triwulan,
        "nilai": str(r.nilai / 2),
        "versi_dilihat": form["versi_dilihat"].value(),
        "data_dukung-TOTAL_FORMS": "0",
        "data_dukung-INITIAL_FORMS": "0",
    }

    respons = client.post(url, data)

    assert respons.status_code == 302, respons.context["adminform"].form.errors
    assert sama_dengan_hitung_ulang()[2024, 4][r.indikator_id] != sebelum[2024, 4][r.indikator_id]


@pytest.mark.parametrize(
    "tulis",
    [
        pytest.param(
            lambda r: Target.objects.filter(indikator=r.indikator, tahun=r.tahun).update(nilai=1), id="target"
        ),
        pytest.param(
            lambda r: Indikator.objects.filter(pk=r.indikator_id).update(arah=Indikator.Arah.NEGATIF), id="arah"
        ),
        pytest.param(lambda r: r.delete(), id="hapus-realisasi"),
        pytest.param(lambda r: Realisasi.objects.filter(pk=r.pk).update(nilai=r.nilai * 5), id="update-massal"),
        pytest.param(
            lambda r: connection.cursor().execute(
                "UPDATE kinerja_realisasi SET nilai = nilai * 7 WHERE id = %s", [r.pk]
            ),
            id="sql",
        ),
    ],
)
def test_every_other_write_is_read_at_once(tulis):
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-")
    sebelum = sama_dengan_hitung_ulang()

    tulis(r)

    assert sama_dengan_hitung_ulang()[2026, 3][r.indikator_id] != sebelum[2026, 3][r.indikator_id]


def _periode_program_diakhiri(r):
    Program.objects.filter(pk=r.indikator.sub_kegiatan.kegiatan.program_id).update(tahun_selesai=2025)


@pytest.mark.parametrize(
    ("tulis", "juga_berubah"),
    [
        pytest.param(
            lambda r: SubKegiatan.objects.filter(pk=r.indikator.sub_kegiatan_id).update(refocusing=True),
            (2025, 4),
            id="refocusing",
        ),
        pytest.param(_periode_program_diakhiri, (), id="periode-program"),  # in force until 2025
    ],
)
def test_a_node_whose_period_or_refocusing_changes_changes_its_agency_at_once(tulis, juga_berubah):
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-", indikator__sub_kegiatan__isnull=False)
    sebelum = sama_dengan_hitung_ulang()

    tulis(r)

    sesudah = sama_dengan_hitung_ulang()
    renstra = r.indikator.renstra_id
    lama, baru = sebelum["ringkasan", 2026, 3][renstra], sesudah["ringkasan", 2026, 3][renstra]
    assert baru.jumlah_indikator < lama.jumlah_indikator
    tahun_lalu = sesudah["ringkasan", 2025, 4][renstra], sebelum["ringkasan", 2025, 4][renstra]
    assert (tahun_lalu[0] != tahun_lalu[1]) == bool(juga_berubah)


def test_an_agency_changes_when_an_indicator_is_added_or_removed():
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-", indikator__sub_kegiatan__isnull=False)
    renstra = r.indikator.renstra_id
    sebelum = sama_dengan_hitung_ulang()["ringkasan", 2026, 3][renstra]
    baru = Indikator.objects.get(pk=r.indikator_id)
    baru.pk, baru.id, baru.uraian = None, None, f"{baru.uraian} (baru)"
    baru.save()

    assert sama_dengan_hitung_ulang()["ringkasan", 2026, 3][renstra].jumlah_indikator == sebelum.jumlah_indikator + 1

    Indikator.objects.filter(pk=baru.pk).delete()

    assert sama_dengan_hitung_ulang()["ringkasan", 2026, 3][renstra] == sebelum


def test_a_level_renamed_on_a_qualitative_scale_is_read_at_once():
    skala = SkalaTingkat.objects.create(nama="Skala uji ringkasan")
    rendah = Tingkat.objects.create(skala=skala, urutan=1, nama="Rendah")
    Tingkat.objects.create(skala=skala, urutan=2, nama="Sedang")
    tinggi = Tingkat.objects.create(skala=skala, urutan=3, nama="Tinggi")
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-")
    indikator = r.indikator
    Realisasi.objects.filter(indikator=indikator).delete()
    indikator.jenis, indikator.skala_tingkat = Indikator.Jenis.KUALITATIF, skala
    indikator.save()
    Target.objects.filter(indikator=indikator, tahun=2026).update(nilai=None, tingkat=tinggi)
    RealisasiFactory(indikator=indikator, tahun=2026, triwulan=3, nilai=None, tingkat=rendah)
    sebelum = sama_dengan_hitung_ulang()

    Tingkat.objects.filter(pk=rendah.pk).update(urutan=4)  # "Rendah" now ranks above "Tinggi"

    assert sama_dengan_hitung_ulang()[2026, 3][indikator.pk] != sebelum[2026, 3][indikator.pk]


def test_a_write_committed_while_a_reader_computes_is_not_served_as_current(monkeypatch):
    """The reader reads the version, then the rows; a write landing in between leaves its row
    with the older version, which the next reader computes again."""
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-")
    CapaianTersimpan.objects.all().delete()
    asli = hitung_ulang

    def hitung_lalu_ditulis(*args):
        hasil = asli(*args)  # computed from the rows as they were
        Realisasi.objects.filter(pk=r.pk).update(nilai=r.nilai * 9)  # meanwhile, another writer
        return hasil

    monkeypatch.setattr("kinerja.ringkasan.hitung_ulang", hitung_lalu_ditulis)
    lama = _dibaca(2026, 3)[r.indikator_id]
    monkeypatch.undo()

    assert sama_dengan_hitung_ulang()[2026, 3][r.indikator_id] != lama


def test_deleting_an_indicator_removes_its_stored_capaian_and_raises_its_version():
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-")
    sama_dengan_hitung_ulang()
    pk = r.indikator_id
    Realisasi.objects.filter(indikator_id=pk).delete()  # protected: removed first, as the Admin asks
    assert CapaianTersimpan.objects.filter(indikator_id=pk).exists()
    versi = VersiCapaian.objects.get(indikator_id=pk).versi

    Indikator.objects.get(pk=pk).delete()

    assert not CapaianTersimpan.objects.filter(indikator_id=pk).exists()
    # Kept and raised: the same id written again (a fixture) cannot bring back an old fingerprint.
    assert VersiCapaian.objects.get(indikator_id=pk).versi > versi
    sama_dengan_hitung_ulang()


def test_a_migrate_which_every_update_of_the_code_runs_empties_the_read_model():
    """The rules that computed the stored rows may have changed with the code."""
    sama_dengan_hitung_ulang()
    assert CapaianTersimpan.objects.exists() and RingkasanTersimpan.objects.exists()

    kosongkan_capaian_tersimpan(sender=None, using="default")

    assert not CapaianTersimpan.objects.exists() and not RingkasanTersimpan.objects.exists()
    assert post_migrate.has_listeners(apps.get_app_config("kinerja"))

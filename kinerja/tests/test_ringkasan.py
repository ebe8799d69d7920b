"""The read model of capaian (kinerja.ringkasan) never drifts from the rules: after every kind of
write (the entry page's save, an import, the Admin, a target, the indicator, a level of its scale,
a deletion, a bulk update and raw SQL), what the region's overview reads equals a full
recomputation by the rules module, on the demo and a generated region. Each test first fills the
read model, so a row the write failed to outdate would be served with its old value."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_migrate
from django.urls import reverse

from kinerja import importers, rules, services
from kinerja.apps import kosongkan_capaian_tersimpan
from kinerja.models import CapaianTersimpan, Realisasi, VersiCapaian
from kinerja.ringkasan import capaian_wilayah, hitung_ulang
from kinerja.sintetis_wilayah import buat_wilayah_sintetis
from renstra.models import Indikator, Renstra, SkalaTingkat, Target, Tingkat

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


def sama_dengan_hitung_ulang():
    """What the read model gives for every indicator of the region equals the rules' result;
    returns it by (year, quarter)."""
    hasil = {}
    for tahun, triwulan in TAHUN_TRIWULAN:
        dibaca = _dibaca(tahun, triwulan)
        assert dibaca, (tahun, triwulan)
        assert dibaca == hitung_ulang(list(dibaca), tahun, triwulan, SKALA), (tahun, triwulan)
        hasil[tahun, triwulan] = dibaca
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
    assert CapaianTersimpan.objects.count() >= sum(len(v) for v in pertama.values())
    with django_assert_max_num_queries(3):  # the Renstra, their indicators, their current rows
        assert _dibaca(2026, 3) == pertama[2026, 3]


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


def test_deleting_an_indicator_removes_its_stored_capaian_and_version():
    r = _terukur(2026, 3, indikator__renstra__opd__kode__startswith="CTH-")
    sama_dengan_hitung_ulang()
    pk = r.indikator_id
    Realisasi.objects.filter(indikator_id=pk).delete()  # protected: removed first, as the Admin asks
    assert CapaianTersimpan.objects.filter(indikator_id=pk).exists()
    assert VersiCapaian.objects.filter(indikator_id=pk).exists()

    Indikator.objects.get(pk=pk).delete()

    assert not CapaianTersimpan.objects.filter(indikator_id=pk).exists()
    assert not VersiCapaian.objects.filter(indikator_id=pk).exists()
    sama_dengan_hitung_ulang()


def test_a_migrate_which_every_update_of_the_code_runs_empties_the_read_model():
    """The rules that computed the stored rows may have changed with the code."""
    sama_dengan_hitung_ulang()
    assert CapaianTersimpan.objects.exists()

    kosongkan_capaian_tersimpan(sender=None, using="default")

    assert not CapaianTersimpan.objects.exists()
    assert post_migrate.has_listeners(apps.get_app_config("kinerja"))

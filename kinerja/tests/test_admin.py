"""The Django admin is usable by the Admin role for every model: lists with their search and
filters, add and change forms with their inlines, and read-only history."""

from decimal import Decimal

import pytest
from django.contrib import admin as django_admin
from django.urls import reverse

from renstra.tests.factories import PaguFactory, SasaranFactory, TargetFactory

from .factories import PelaporanFactory, RealisasiAnggaranFactory, RealisasiFactory, admin, operator

pytestmark = pytest.mark.django_db

MODEL_ADMIN = sorted(
    (m._meta.app_label, m._meta.model_name)
    for m in django_admin.site._registry
    if m._meta.app_label in ("renstra", "kinerja")
)


@pytest.fixture
def data():
    """One row of every model, linked together."""
    target = TargetFactory(nilai=Decimal("30"))
    indikator = target.indikator
    sub = indikator.sub_kegiatan
    PaguFactory(sub_kegiatan=sub)
    realisasi = RealisasiFactory(indikator=indikator)
    RealisasiAnggaranFactory(sub_kegiatan=sub)
    PelaporanFactory(opd=sub.kegiatan.program.renstra.opd)
    SasaranFactory(tujuan__renstra=sub.kegiatan.program.renstra)
    return {"target": target, "realisasi": realisasi, "sub": sub}


@pytest.fixture
def klien_admin(client):
    client.force_login(admin())
    return client


def test_every_plan_and_measurement_model_is_in_the_admin():
    assert {m for _, m in MODEL_ADMIN} >= {
        "perangkatdaerah", "bidang", "renstra", "tujuan", "sasaran", "program", "kegiatan", "subkegiatan",
        "indikator", "target", "pagu", "sumberdana", "skalatingkat", "realisasi", "realisasianggaran",
        "pelaporan", "datadukung", "user",
    }  # fmt: skip


@pytest.mark.parametrize(("app", "model"), MODEL_ADMIN, ids=[f"{a}.{m}" for a, m in MODEL_ADMIN])
def test_admin_role_opens_list_add_and_change_pages(klien_admin, data, app, model):
    daftar = klien_admin.get(reverse(f"admin:{app}_{model}_changelist"), {"q": "1.06"})
    assert daftar.status_code == 200
    # data notes come from imports and documents, reminders from `manage.py pengingat`, the
    # discussion and its follow-up from the review and entry pages: never typed in the Admin
    tambah = 403 if model in ("catatandata", "pengingat", "catatandiskusi", "tindaklanjut") else 200
    assert klien_admin.get(reverse(f"admin:{app}_{model}_add")).status_code == tambah
    obj = daftar.context["cl"].model.objects.first()
    if obj is not None:
        assert klien_admin.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).status_code == 200


def test_admin_search_finds_a_sub_kegiatan_by_its_code(klien_admin, data):
    respons = klien_admin.get(reverse("admin:renstra_subkegiatan_changelist"), {"q": data["sub"].kode})
    assert list(respons.context["cl"].result_list) == [data["sub"]]


def test_admin_filters_indicators_by_level_and_agency(klien_admin, data):
    opd = data["sub"].kegiatan.program.renstra.opd
    url = reverse("admin:renstra_indikator_changelist")
    respons = klien_admin.get(url, {"level": "sub_kegiatan", "opd": opd.pk})
    assert list(respons.context["cl"].result_list) == [data["target"].indikator]
    assert list(klien_admin.get(url, {"level": "tujuan"}).context["cl"].result_list) == []


def test_target_history_is_shown_and_cannot_be_reverted(klien_admin, data):
    target = data["target"]
    target.nilai = Decimal("32")
    target.save()
    riwayat = klien_admin.get(reverse("admin:renstra_target_history", args=[target.pk]))
    assert riwayat.status_code == 200
    versi_lama = target.history.earliest()
    url_versi = reverse("admin:renstra_target_simple_history", args=[target.pk, versi_lama.history_id])
    assert klien_admin.get(url_versi).status_code == 200
    pulihkan = {"indikator": target.indikator_id, "tahun": 2024, "jenis": "renstra", "nilai": "30"}
    assert klien_admin.post(url_versi, pulihkan).status_code == 403
    target.refresh_from_db()
    assert target.nilai == Decimal("32")


def test_operator_has_no_admin_access(client):
    client.force_login(operator())
    assert client.get(reverse("admin:index")).status_code == 302

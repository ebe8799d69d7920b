"""Predikat scales in the database: the presets, their edits in the admin, and their checks."""

from decimal import Decimal

import pytest
from django.forms.models import inlineformset_factory
from django.urls import reverse

from kinerja import rules
from kinerja.admin import RentangFormSet, RentangInline
from kinerja.models import RentangPredikat, SkalaPredikat
from renstra.tests.pemeriksa import ditolak_database, pesan_validasi

from .factories import admin

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kode", sorted(rules.PRESET))
def test_database_presets_are_the_rules_presets(kode):
    """Migration 0006 holds a frozen copy of rules.PRESET; the two must not drift apart."""
    assert SkalaPredikat.objects.get(kode=kode).sebagai_skala() == rules.PRESET[kode]


def test_predikat_takes_a_scale_from_the_database():
    skala = SkalaPredikat.objects.get(kode="permendagri_86_2017")
    assert rules.predikat("90,5", skala) == "Sangat Tinggi"


def test_band_bounds_must_be_in_order():
    rentang = RentangPredikat(
        skala=SkalaPredikat.objects.get(kode="status_capaian"),
        label="Aneh",
        batas_bawah=Decimal(5),
        batas_atas=Decimal(1),
    )
    assert "Batas bawah tidak boleh melebihi batas atas." in pesan_validasi(rentang)
    ditolak_database(rentang)


def test_band_colour_is_a_hex_colour():
    rentang = RentangPredikat(skala=SkalaPredikat.objects.first(), label="Hijau", warna="hijau")
    assert "Tulis warna sebagai #RRGGBB, mis. #166534." in pesan_validasi(rentang)


def _formset(skala, baris):
    FormSet = inlineformset_factory(
        SkalaPredikat, RentangPredikat, formset=RentangFormSet, fields=RentangInline.fields, extra=0
    )
    data = {"rentang-TOTAL_FORMS": str(len(baris)), "rentang-INITIAL_FORMS": "0"}
    for n, (label, bawah, atas, bawah_inklusif, atas_inklusif) in enumerate(baris):
        data |= {
            f"rentang-{n}-urutan": str(n + 1),
            f"rentang-{n}-label": label,
            f"rentang-{n}-batas_bawah": bawah,
            f"rentang-{n}-batas_atas": atas,
        }
        if bawah_inklusif:
            data[f"rentang-{n}-bawah_inklusif"] = "on"
        if atas_inklusif:
            data[f"rentang-{n}-atas_inklusif"] = "on"
    return FormSet(data, instance=skala, prefix="rentang")


def test_a_scale_with_a_gap_is_not_saved():
    """The regulation prints 91–100 / 76–90: taken literally, 90,5 would fall in no band."""
    skala = SkalaPredikat.objects.create(kode="harfiah", nama="86/2017 seperti tercetak")
    formset = _formset(skala, [("Sangat Tinggi", "91", "", True, False), ("Tinggi", "", "90", True, True)])
    assert not formset.is_valid()
    assert formset.non_form_errors() == [
        "Skala belum lengkap atau bertumpang tindih: Nilai antara 90 dan 91 tidak masuk rentang mana pun."
    ]


def test_a_complete_scale_is_saved():
    skala = SkalaPredikat.objects.create(kode="dua_tingkat", nama="Tercapai atau tidak")
    formset = _formset(skala, [("Tercapai", "100", "", True, False), ("Belum", "", "100", True, False)])
    assert formset.is_valid(), formset.non_form_errors()
    formset.save()
    assert rules.predikat(100, skala) == "Tercapai"
    assert rules.predikat("99,99", skala) == "Belum"


def test_admin_lists_and_opens_the_scales(client):
    client.force_login(admin())
    daftar = client.get(reverse("admin:kinerja_skalapredikat_changelist"))
    assert "Sangat Tinggi (90; ∞)" in daftar.content.decode()
    skala = SkalaPredikat.objects.get(kode="efektivitas_anggaran")
    assert client.get(reverse("admin:kinerja_skalapredikat_change", args=[skala.pk])).status_code == 200

"""Benchmark values of an indicator and SAKIP scores of an agency: one per source and year, one per
agency and year, with history; typed by Admin, read by the other roles."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from kinerja.models import NilaiPembanding, NilaiSakip
from renstra.tests.factories import IndikatorFactory, PerangkatDaerahFactory

from .factories import admin, operator, verifikator

pytestmark = pytest.mark.django_db


def _pembanding(indikator, **kwargs):
    isian = {"tahun": 2023, "tingkat": "nasional", "sumber": "Kemen PPPA", "nilai": Decimal("76.59")} | kwargs
    return NilaiPembanding.objects.create(indikator=indikator, **isian)


def _sakip(opd, **kwargs):
    isian = {"tahun": 2024, "nilai": Decimal("70.25"), "predikat": "BB", "evaluator": "Inspektorat"} | kwargs
    return NilaiSakip.objects.create(opd=opd, **isian)


def test_a_source_gives_one_value_per_indicator_and_year():
    i = IndikatorFactory()
    _pembanding(i)
    with pytest.raises(IntegrityError), transaction.atomic():
        _pembanding(i, nilai=Decimal("70"))


def test_another_source_or_year_of_the_same_indicator_is_kept_beside_it():
    i = IndikatorFactory()
    _pembanding(i)
    _pembanding(i, tingkat="provinsi", sumber="Dinas PPPA Provinsi", nilai=Decimal("58.22"))
    _pembanding(i, tahun=2022, nilai=Decimal("76.5"))
    assert NilaiPembanding.objects.filter(indikator=i).count() == 3


def test_the_duplicate_value_is_refused_with_a_message_in_indonesian():
    i = IndikatorFactory()
    _pembanding(i)
    with pytest.raises(ValidationError) as galat:
        NilaiPembanding(indikator=i, tahun=2023, tingkat="provinsi", sumber="Kemen PPPA", nilai=1).full_clean()
    assert "Nilai dari sumber ini untuk indikator dan tahun itu sudah ada." in galat.value.messages


def test_an_agency_has_one_sakip_score_per_year():
    opd = PerangkatDaerahFactory()
    _sakip(opd)
    _sakip(opd, tahun=2023, nilai=Decimal("80.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        _sakip(opd, predikat="B")


@pytest.mark.parametrize("nilai", [Decimal("-0.01"), Decimal("100.01")])
def test_a_sakip_score_lies_between_0_and_100(nilai):
    with pytest.raises(IntegrityError), transaction.atomic():
        _sakip(PerangkatDaerahFactory(), nilai=nilai)


def test_a_sakip_predikat_outside_the_evaluation_scale_is_refused():
    s = NilaiSakip(opd=PerangkatDaerahFactory(), tahun=2024, nilai=Decimal("70.25"), predikat="X", evaluator="I")
    with pytest.raises(ValidationError) as galat:
        s.full_clean()
    assert "predikat" in galat.value.message_dict


def test_changes_to_both_are_kept_in_their_history():
    p = _pembanding(IndikatorFactory())
    p.nilai = Decimal("76.6")
    p.save()
    s = _sakip(PerangkatDaerahFactory())
    s.delete()
    assert [h.nilai for h in p.history.order_by("history_id")] == [Decimal("76.59"), Decimal("76.6")]
    assert NilaiSakip.history.filter(history_type="-").count() == 1


@pytest.mark.parametrize("model", ["nilaipembanding", "nilaisakip"])
def test_admin_types_them_and_the_other_roles_only_read_them(model):
    assert admin().has_perms([f"kinerja.{a}_{model}" for a in ("add", "change", "delete", "view")])
    for pengguna in (operator(), verifikator()):
        assert pengguna.has_perm(f"kinerja.view_{model}")
        assert pengguna.has_perm(f"kinerja.view_historical{model}")
        assert not pengguna.has_perm(f"kinerja.change_{model}")


def test_admin_enters_a_sakip_score_in_the_admin(client):
    opd = PerangkatDaerahFactory()
    client.force_login(admin())
    respons = client.post(
        reverse("admin:kinerja_nilaisakip_add"),
        {"opd": opd.pk, "tahun": 2024, "nilai": "70.25", "predikat": "BB", "evaluator": "Inspektorat"},
    )
    assert respons.status_code == 302
    assert NilaiSakip.objects.get(opd=opd).nilai == Decimal("70.25")
    assert client.get(reverse("admin:kinerja_nilaisakip_changelist")).status_code == 200


def test_admin_lists_and_opens_benchmark_values(client):
    p = _pembanding(IndikatorFactory())
    client.force_login(admin())
    assert client.get(reverse("admin:kinerja_nilaipembanding_changelist")).status_code == 200
    respons = client.get(reverse("admin:kinerja_nilaipembanding_change", args=[p.pk]))
    assert respons.status_code == 200
    assert "Kemen PPPA" in respons.content.decode()


def _baris_sumber(opd, **kwargs):
    isian = {"tahun": 2023, "tingkat": "nasional", "sumber": "Kemen PPPA", "uraian": "Opini BPK"}
    return NilaiPembanding(opd=opd, **(isian | {"realisasi_tercetak": "WTP"} | kwargs))


def test_a_row_of_a_sources_own_table_needs_no_agency_indicator():
    p = _baris_sumber(PerangkatDaerahFactory(), target="WTP", kelompok="Sasaran Strategis 2", capaian=Decimal(100))
    p.full_clean()
    p.save()
    assert str(p) == "Opini BPK 2023: Nasional (Kemen PPPA)"
    assert p.realisasi == "WTP"


def test_without_an_agency_indicator_the_uraian_is_required_with_a_message_in_indonesian():
    p = _baris_sumber(PerangkatDaerahFactory(), uraian="")
    with pytest.raises(ValidationError) as galat:
        p.full_clean()
    assert galat.value.message_dict["uraian"] == [
        "Uraian indikator wajib diisi bila indikator perangkat daerah tidak dipilih."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        p.save()


def test_without_an_agency_indicator_the_agency_is_required():
    p = _baris_sumber(None)
    with pytest.raises(ValidationError) as galat:
        p.full_clean()
    assert "opd" in galat.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        p.save()


def test_a_realisation_is_a_number_or_a_printed_text():
    p = _baris_sumber(PerangkatDaerahFactory(), realisasi_tercetak="")
    with pytest.raises(ValidationError) as galat:
        p.full_clean()
    assert galat.value.message_dict["nilai"] == ["Isi realisasi (angka) atau realisasi tercetak."]
    with pytest.raises(IntegrityError), transaction.atomic():
        p.save()


def test_a_source_gives_one_row_per_uraian_and_year_of_an_agency():
    opd = PerangkatDaerahFactory()
    _baris_sumber(opd).save()
    _baris_sumber(opd, tahun=2022).save()
    _baris_sumber(opd, sumber="Dinas PPPA Provinsi").save()
    _baris_sumber(PerangkatDaerahFactory()).save()
    with pytest.raises(ValidationError) as galat:
        _baris_sumber(opd).full_clean()
    assert "Nilai dari sumber ini untuk uraian indikator dan tahun itu sudah ada." in galat.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        _baris_sumber(opd).save()


def test_the_uraian_of_a_linked_value_does_not_make_it_unique():
    """A value of an agency's indicator may repeat the wording of a row without one."""
    i = IndikatorFactory()
    _baris_sumber(i.renstra.opd, uraian="IDG").save()
    p = _pembanding(i, uraian="IDG")
    assert p.opd == i.renstra.opd

"""The region's RPJMD/RPD goals (issue 20, seed 001): entered once per region in the admin with
their indicators, and chosen on each Renstra tujuan among those of its agency's region only."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from kinerja.tests.factories import admin
from renstra.models import IndikatorDaerah, TujuanDaerah
from renstra.tests.factories import TujuanFactory

pytestmark = pytest.mark.django_db

# Seed 001 (Banjarnegara), TUJUAN RPD 4 and INDIKATOR RPD 4.
TUJUAN_RPD_4 = "Meningkatknya kualitas layanan publik"


def _tujuan_daerah(wilayah="Kabupaten Banjarnegara", kode="4", uraian=TUJUAN_RPD_4):
    return TujuanDaerah.objects.create(
        wilayah=wilayah, dokumen=TujuanDaerah.Dokumen.RPD, tahun_awal=2023, tahun_akhir=2026, kode=kode, uraian=uraian
    )


def test_regional_goal_keeps_its_indicators_in_order_and_reads_in_the_admin():
    tujuan = _tujuan_daerah()
    IndikatorDaerah.objects.create(tujuan=tujuan, urutan=1, uraian="Survey Kepuasan Masyarakat")
    assert str(tujuan) == f"RPD Kabupaten Banjarnegara 2023–2026: 4. {TUJUAN_RPD_4}"
    assert [i.uraian for i in tujuan.indikator.all()] == ["Survey Kepuasan Masyarakat"]


def test_a_goal_code_is_unique_within_one_regional_document():
    _tujuan_daerah()
    with pytest.raises(ValidationError, match="Kode tujuan ini sudah dipakai"):
        TujuanDaerah(
            wilayah="Kabupaten Banjarnegara", dokumen="RPD", tahun_awal=2023, tahun_akhir=2026, kode="4", uraian="x"
        ).full_clean()
    _tujuan_daerah(wilayah="Kabupaten Belitung")  # another region may use the same number


def test_a_goal_period_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        TujuanDaerah.objects.create(
            wilayah="Kabupaten Uji", dokumen="RPJMD", tahun_awal=2026, tahun_akhir=2021, kode="1", uraian="x"
        )


def test_admin_enters_a_goal_with_its_indicator(client):
    client.force_login(admin())
    respons = client.post(
        reverse("admin:renstra_tujuandaerah_add"),
        {
            "wilayah": "Kabupaten Banjarnegara",
            "dokumen": "RPD",
            "tahun_awal": 2023,
            "tahun_akhir": 2026,
            "kode": "4",
            "uraian": TUJUAN_RPD_4,
            "indikator-TOTAL_FORMS": 1,
            "indikator-INITIAL_FORMS": 0,
            "indikator-0-urutan": 1,
            "indikator-0-uraian": "Survey Kepuasan Masyarakat",
            "indikator-0-satuan": "",
        },
    )
    assert respons.status_code == 302, respons.content.decode()[:2000]
    tujuan = TujuanDaerah.objects.get(kode="4")
    assert [i.uraian for i in tujuan.indikator.all()] == ["Survey Kepuasan Masyarakat"]


def test_a_renstra_tujuan_is_offered_only_its_own_regions_goals(client):
    client.force_login(admin())
    tujuan = TujuanFactory(renstra__opd__wilayah="Kabupaten Banjarnegara")
    sendiri = _tujuan_daerah()
    lain = _tujuan_daerah(wilayah="Kabupaten Belitung")
    respons = client.get(reverse("admin:renstra_tujuan_change", args=[tujuan.pk]))
    pilihan = respons.context["adminform"].form.fields["tujuan_daerah"].queryset
    assert list(pilihan) == [sendiri]
    assert lain not in pilihan

"""The home page and the Renstra tree: who sees what, what is shown, at what cost in queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.templatetags.kinerja_format import target
from kinerja.tests.factories import UserFactory, admin, operator, verifikator
from renstra.models import Indikator, Renstra, Target

from .factories import (
    IndikatorFactory,
    KegiatanFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
)

pytestmark = pytest.mark.django_db

BERANDA = reverse("renstra:beranda")


def _renstra_lengkap(opd=None, program=1):
    """A Renstra with a tujuan, a sasaran, `program` programs each with a kegiatan, a sub
    kegiatan and an indicator with its 2024 target."""
    renstra = RenstraFactory(**({"opd": opd} if opd else {}))
    sasaran = SasaranFactory(
        tujuan=TujuanFactory(renstra=renstra, kode="1"), kode="1.1", uraian="Meningkatnya penanganan PMKS"
    )
    IndikatorFactory(sasaran=sasaran, sub_kegiatan=None, uraian="Persentase PMKS yang tertangani", satuan="%", iku=True)
    for n in range(program):
        p = ProgramFactory(renstra=renstra, sasaran=sasaran, kode=f"1.06.{n + 2:02d}")
        k = KegiatanFactory(program=p, kode=f"{p.kode}.2.01")
        sub = SubKegiatanFactory(kegiatan=k, kode=f"{k.kode}.0010", uraian="Pemberian Layanan Kedaruratan")
        TargetFactory(indikator=IndikatorFactory(sub_kegiatan=sub), tahun=2024, nilai=Decimal("1234.5"))
    return renstra


def test_anonymous_visitor_is_sent_to_login(client):
    respons = client.get(BERANDA)
    assert respons.status_code == 302
    assert respons.url.startswith(reverse("login"))


def test_login_page_explains_a_wrong_password_in_indonesian(client):
    UserFactory(username="operator_belitung")
    respons = client.post(reverse("login"), {"username": "operator_belitung", "password": "salah"})
    assert "Nama pengguna atau kata sandi salah" in respons.content.decode()


def test_operator_home_shows_their_agencys_renstra_tree(client):
    renstra = _renstra_lengkap()
    client.force_login(operator(opd=renstra.opd))
    html = client.get(BERANDA).content.decode()
    assert "Renstra 2024–2026" in html
    assert "Sasaran 1.1" in html and "Meningkatnya penanganan PMKS" in html
    assert "1.06.02.2.01.0010" in html and "Pemberian Layanan Kedaruratan" in html
    assert "1.234,5" in html  # the target, the Indonesian way


def test_operator_home_shows_the_renstra_covering_this_year(client):
    renstra = _renstra_lengkap()
    RenstraFactory(opd=renstra.opd, tahun_awal=2019, tahun_akhir=2023)
    client.force_login(operator(opd=renstra.opd))
    respons = client.get(BERANDA)
    assert respons.context["pohon"].renstra == renstra
    assert [r.periode for r in respons.context["renstra_lain"]] == ["2024–2026", "2019–2023"]


def test_operator_cannot_open_another_agencys_renstra(client):
    milik_lain = _renstra_lengkap()
    client.force_login(operator())
    assert client.get(reverse("renstra:renstra_detail", args=[milik_lain.pk])).status_code == 404


@pytest.mark.parametrize("buat", [verifikator, admin], ids=["verifikator", "admin"])
def test_reviewers_and_admins_see_every_agency_and_open_any_renstra(client, buat):
    a, b = _renstra_lengkap(program=2), _renstra_lengkap()
    client.force_login(buat())
    respons = client.get(BERANDA)
    html = respons.content.decode()
    assert a.opd.nama in html and b.opd.nama in html
    opd_a = next(o for o in respons.context["daftar_opd"] if o.pk == a.opd_id)
    assert [(r.jumlah_program, r.jumlah_sub_kegiatan, r.jumlah_indikator) for r in opd_a.renstra.all()] == [(2, 2, 3)]
    assert client.get(reverse("renstra:renstra_detail", args=[b.pk])).status_code == 200


def test_user_without_agency_or_role_is_told_to_ask_the_admin(client):
    client.force_login(UserFactory())
    respons = client.get(BERANDA)
    assert respons.status_code == 403
    assert "belum terhubung ke perangkat daerah" in respons.content.decode()


def test_inactive_users_scope_is_empty():
    user = operator(is_active=False)
    assert not Renstra.objects.for_user(user).exists()


def test_indicator_shared_by_tujuan_and_sasaran_is_labelled(client):
    renstra = _renstra_lengkap()
    sasaran = renstra.tujuan.get().sasaran.get()
    indikator = Indikator.objects.get(sasaran=sasaran)
    indikator.tujuan = sasaran.tujuan
    indikator.save()
    client.force_login(operator(opd=renstra.opd))
    html = client.get(BERANDA).content.decode()
    assert "tujuan &amp; sasaran" in html


def test_renstra_tree_costs_the_same_queries_whatever_its_size(client, django_assert_num_queries):
    kecil, besar = _renstra_lengkap(program=1), _renstra_lengkap(program=6)
    client.force_login(verifikator())
    jumlah = []
    for renstra in (kecil, besar):
        with CaptureQueriesContext(connection) as q:
            assert client.get(reverse("renstra:renstra_detail", args=[renstra.pk])).status_code == 200
        jumlah.append(len(q))
    assert jumlah[0] == jumlah[1]
    with django_assert_num_queries(jumlah[0]):
        client.get(reverse("renstra:renstra_detail", args=[besar.pk]))


def test_agency_list_costs_the_same_queries_for_two_or_twelve_agencies(client, django_assert_max_num_queries):
    for _ in range(2):
        _renstra_lengkap()
    client.force_login(verifikator())
    with CaptureQueriesContext(connection) as dua:
        client.get(BERANDA)
    for _ in range(10):
        _renstra_lengkap()
    with django_assert_max_num_queries(len(dua)):
        client.get(BERANDA)


def test_target_shows_printed_text_level_and_band():
    t = TargetFactory.build(teks="BB (73,00)")
    assert t.tertulis() == "BB (73,00)"
    band = TargetFactory.build(nilai=None, batas_bawah=Decimal("2.1"), batas_atas=Decimal("2.3"))
    assert band.tertulis() == "2.1–2.3"
    assert target(band) == "2,1–2,3"
    assert target(Target(nilai=Decimal("34000.0000"))) == "34.000"

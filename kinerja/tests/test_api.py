"""The read-only JSON API (kinerja/api/): tokens only, the pages' scope (another agency is a 404),
GET only, paged, rate-limited, and a schema that validates. Two agencies A and B, each with a
Renstra 2024–2026 and one indicator of a sub kegiatan with a target of 30, realised 8 in 2024 TW I."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja.models import Pelaporan
from renstra.models import Target
from renstra.tests.factories import (
    BidangFactory,
    IndikatorFactory,
    KegiatanFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SubKegiatanFactory,
    TargetFactory,
)

from .factories import RealisasiFactory, admin, operator, verifikator

pytestmark = pytest.mark.django_db


def _indikator(sub, nomor=0):
    indikator = IndikatorFactory(sub_kegiatan=sub, uraian=f"Jumlah penerima layanan {nomor}")
    TargetFactory(indikator=indikator, tahun=2024, nilai=Decimal("30"))
    RealisasiFactory(indikator=indikator, tahun=2024, triwulan=1, nilai=Decimal("8"))
    return indikator


def _instansi(jumlah_indikator=1):
    opd = PerangkatDaerahFactory()
    program = ProgramFactory(renstra=RenstraFactory(opd=opd))
    sub = SubKegiatanFactory(kegiatan=KegiatanFactory(program=program))
    for n in range(jumlah_indikator):
        _indikator(sub, n)
    return opd


@pytest.fixture
def a():
    return _instansi()


@pytest.fixture
def b():
    return _instansi()


def klien(user=None):
    """An API client carrying `user`'s token (none without a user)."""
    c = APIClient()
    if user is not None:
        c.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return c


def url(nama, opd=None, **query):
    alamat = reverse(f"api:{nama}", kwargs={"kode": opd.kode} if opd else None)
    return alamat + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def semua_url(opd):
    return [
        url("perangkat_daerah", opd),
        url("renstra", opd, tahun=2024),
        url("realisasi", opd, tahun=2024),
    ]


# --- scope ----------------------------------------------------------------------------------


def test_operator_token_reads_own_agency_and_gets_404_on_another(a, b):
    c = klien(operator(opd=a))
    for alamat in semua_url(a):
        assert c.get(alamat).status_code == 200, alamat
    for alamat in semua_url(b):
        jawaban = c.get(alamat)
        assert jawaban.status_code == 404, alamat
    daftar = c.get(url("perangkat_daerah_daftar")).json()
    assert [o["kode"] for o in daftar["results"]] == [a.kode]


@pytest.mark.parametrize("peran", [verifikator, admin])
def test_verifikator_and_admin_tokens_read_every_agency(a, b, peran):
    c = klien(peran())
    for alamat in semua_url(a) + semua_url(b):
        assert c.get(alamat).status_code == 200, alamat
    daftar = c.get(url("perangkat_daerah_daftar")).json()
    assert {o["kode"] for o in daftar["results"]} == {a.kode, b.kode}


def test_token_of_an_account_without_agency_or_role_sees_nothing(a):
    c = klien(_tanpa_opd())
    assert c.get(url("perangkat_daerah_daftar")).json()["count"] == 0
    assert c.get(url("perangkat_daerah", a)).status_code == 404


def _tanpa_opd():
    from .factories import UserFactory

    return UserFactory()


# --- authentication -------------------------------------------------------------------------


def test_request_without_token_is_401(a):
    c = klien()
    for alamat in [url("perangkat_daerah_daftar"), url("skema"), *semua_url(a)]:
        jawaban = c.get(alamat)
        assert jawaban.status_code == 401, alamat
        assert jawaban["WWW-Authenticate"] == "Token"


def test_session_login_without_token_is_401(a, client):
    client.force_login(operator(opd=a))
    for alamat in [url("perangkat_daerah_daftar"), url("skema"), *semua_url(a)]:
        assert client.get(alamat).status_code == 401, alamat
        assert client.post(alamat).status_code == 401, alamat


def test_wrong_token_is_401(a):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    assert c.get(url("perangkat_daerah", a)).status_code == 401


def test_token_of_an_inactive_account_is_401(a):
    user = operator(opd=a)
    c = klien(user)
    user.is_active = False
    user.save()
    assert c.get(url("perangkat_daerah", a)).status_code == 401


@pytest.mark.parametrize("metode", ["post", "put", "patch", "delete"])
def test_writes_are_405_with_a_token_and_401_without(a, metode):
    sebelum = list(Pelaporan.objects.values_list("pk"))
    for alamat in [url("perangkat_daerah_daftar"), *semua_url(a)]:
        assert getattr(klien(verifikator()), metode)(alamat, {}, format="json").status_code == 405, alamat
        assert getattr(klien(), metode)(alamat, {}, format="json").status_code == 401, alamat
    assert list(Pelaporan.objects.values_list("pk")) == sebelum


def test_token_api_command_prints_a_new_token_that_replaces_the_old(a):
    from io import StringIO

    user = operator(opd=a)
    keluaran = StringIO()
    call_command("token_api", user.username, stdout=keluaran)
    pertama = keluaran.getvalue().strip()
    keluaran = StringIO()
    call_command("token_api", user.username, stdout=keluaran)
    kedua = keluaran.getvalue().strip()
    assert pertama != kedua and Token.objects.get(user=user).key == kedua
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {pertama}")
    assert c.get(url("perangkat_daerah", a)).status_code == 401
    c.credentials(HTTP_AUTHORIZATION=f"Token {kedua}")
    assert c.get(url("perangkat_daerah", a)).status_code == 200


def test_token_api_command_refuses_an_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak ada"):
        call_command("token_api", "tidak-ada")


# --- contents -------------------------------------------------------------------------------


def test_renstra_tree_holds_the_indicator_with_its_targets(a):
    data = klien(operator(opd=a)).get(url("renstra", a, tahun=2024)).json()
    assert data["tahun"] == 2024 and data["renstra"]["tahun_awal"] == 2024
    [program] = data["program_lain"]
    [indikator] = program["kegiatan"][0]["sub_kegiatan"][0]["indikator"]
    assert indikator["satuan"] == "Orang"
    assert indikator["target_berlaku"]["nilai"] == "30.0000"
    assert [t["tahun"] for t in indikator["target_renstra"]] == [2024]


def test_renstra_of_a_year_without_renstra_is_404_naming_it(a):
    jawaban = klien(operator(opd=a)).get(url("renstra", a, tahun=2031))
    assert jawaban.status_code == 404 and "2031" in jawaban.json()["detail"]


@pytest.mark.parametrize("query", [{}, {"tahun": "dua"}, {"tahun": 2024, "triwulan": 5}])
def test_missing_or_wrong_year_or_quarter_is_400(a, query):
    jawaban = klien(operator(opd=a)).get(url("realisasi", a, **query))
    assert jawaban.status_code == 400


def test_realisasi_gives_value_capaian_and_submission_state_per_quarter(a):
    Pelaporan.objects.create(opd=a, tahun=2024, triwulan=1, status=Pelaporan.Status.DIVERIFIKASI)
    data = klien(operator(opd=a)).get(url("realisasi", a, tahun=2024)).json()
    assert data["count"] == 4
    tw1, tw2 = data["results"][:2]
    assert (tw1["triwulan"], tw1["nilai"], tw1["nilai_sampai"], tw1["capaian"]) == (1, "8.0000", "8.0000", "26.67")
    assert tw1["target"]["nilai"] == "30.0000" and tw1["status"] == "diverifikasi"
    assert tw2["nilai"] is None and tw2["status"] is None


def test_realisasi_of_one_quarter(a):
    data = klien(operator(opd=a)).get(url("realisasi", a, tahun=2024, triwulan=2)).json()
    [baris] = data["results"]
    assert baris["triwulan"] == 2 and baris["nilai"] is None and baris["nilai_sampai"] == "8.0000"


def test_capaian_not_computable_says_why(a):
    Target.objects.filter(indikator__renstra__opd=a).delete()
    [baris] = klien(operator(opd=a)).get(url("realisasi", a, tahun=2024, triwulan=1)).json()["results"]
    assert baris["capaian"] is None and baris["alasan"] == "Target belum ditetapkan."


def _dua_bidang(per_bidang=False):
    """An agency with two bidang, each answering for one program with one indicator."""
    opd = PerangkatDaerahFactory(pelaporan_per_bidang=per_bidang)
    renstra = RenstraFactory(opd=opd)
    bidang = [BidangFactory(opd=opd), BidangFactory(opd=opd)]
    indikator = []
    for n, b in enumerate(bidang):
        sub = SubKegiatanFactory(kegiatan=KegiatanFactory(program=ProgramFactory(renstra=renstra, bidang=b)))
        indikator.append(_indikator(sub, n))
    return opd, bidang, indikator


def test_a_bidang_operator_reads_only_their_bidangs_indicators():
    opd, bidang, indikator = _dua_bidang()
    data = klien(operator(opd=opd, bidang=bidang[0])).get(url("realisasi", opd, tahun=2024, triwulan=1)).json()
    assert [r["indikator"] for r in data["results"]] == [indikator[0].pk]
    semua = klien(operator(opd=opd)).get(url("realisasi", opd, tahun=2024, triwulan=1)).json()
    assert {r["indikator"] for r in semua["results"]} == {i.pk for i in indikator}


def test_an_agency_reporting_per_bidang_gives_each_row_its_bidangs_submission():
    opd, bidang, indikator = _dua_bidang(per_bidang=True)
    Pelaporan.objects.create(opd=opd, bidang=bidang[0], tahun=2024, triwulan=1, status=Pelaporan.Status.DIAJUKAN)
    Pelaporan.objects.create(opd=opd, tahun=2024, triwulan=1, status=Pelaporan.Status.DIVERIFIKASI)
    data = klien(verifikator()).get(url("realisasi", opd, tahun=2024, triwulan=1)).json()
    status = {r["indikator"]: (r["status"], r["bidang"]) for r in data["results"]}
    assert status == {indikator[0].pk: ("diajukan", bidang[0].nama), indikator[1].pk: (None, None)}


# --- paging, limit, queries -----------------------------------------------------------------


def test_realisasi_is_paged_by_100_and_up_to_500():
    opd = _instansi(jumlah_indikator=30)  # 120 rows
    c = klien(verifikator())
    pertama = c.get(url("realisasi", opd, tahun=2024)).json()
    assert pertama["count"] == 120 and len(pertama["results"]) == 100 and pertama["next"]
    kedua = c.get(pertama["next"]).json()
    assert len(kedua["results"]) == 20 and kedua["next"] is None
    assert len(c.get(url("realisasi", opd, tahun=2024, ukuran=1000)).json()["results"]) == 120
    assert len(c.get(url("realisasi", opd, tahun=2024, ukuran=7)).json()["results"]) == 7


def test_requests_past_the_limit_are_429(a, settings):
    cache.clear()  # the counts of earlier tests' accounts (ids are reused)
    settings.KINERJA_API_BATAS = "3/minute"
    c = klien(operator(opd=a))
    assert [c.get(url("perangkat_daerah", a)).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert klien(verifikator()).get(url("perangkat_daerah", a)).status_code == 200  # per account


@pytest.mark.parametrize("jumlah", [3, 40])
def test_realisasi_queries_do_not_grow_with_indicators(jumlah, django_assert_max_num_queries):
    opd = _instansi(jumlah_indikator=jumlah)
    c = klien(operator(opd=opd))
    with django_assert_max_num_queries(18):
        assert c.get(url("realisasi", opd, tahun=2024)).status_code == 200


# --- schema ---------------------------------------------------------------------------------


def test_schema_validates_and_names_every_endpoint(tmp_path):
    berkas = tmp_path / "skema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(berkas))
    isi = berkas.read_text()
    for jalur in ("/api/v1/perangkat-daerah/{kode}/renstra/", "/api/v1/perangkat-daerah/{kode}/realisasi/"):
        assert jalur in isi


def test_schema_is_served_to_a_token(a):
    jawaban = klien(operator(opd=a)).get(url("skema") + "?format=json")
    assert jawaban.status_code == 200 and jawaban.json()["info"]["title"] == "API Kinerja"

"""A submission that left the draft state is not deleted in the admin, neither one by one nor with
the bulk action: deleting it would reopen the quarter without the reason that "Buka kembali" on the
review page records. A draft may still be deleted."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from kinerja.models import Pelaporan

from .factories import PelaporanFactory, admin

pytestmark = pytest.mark.django_db

BUKAN_DRAF = [Pelaporan.Status.DIAJUKAN, Pelaporan.Status.DIVERIFIKASI, Pelaporan.Status.DIKEMBALIKAN]


@pytest.fixture
def klien(client):
    client.force_login(admin())
    return client


def pesan_terakhir(respons):
    return [str(m) for m in get_messages(respons.wsgi_request)][-1]


def url_hapus(pelaporan):
    return reverse("admin:kinerja_pelaporan_delete", args=[pelaporan.pk])


def hapus_terpilih(klien, *pelaporan, konfirmasi=True):
    data = {"action": "delete_selected", "_selected_action": [p.pk for p in pelaporan]}
    if konfirmasi:
        data["post"] = "yes"
    return klien.post(reverse("admin:kinerja_pelaporan_changelist"), data)


@pytest.mark.parametrize("status", BUKAN_DRAF)
def test_admin_cannot_delete_a_quarter_that_left_the_draft_state(klien, status):
    pelaporan = PelaporanFactory(status=status)

    for respons in (klien.get(url_hapus(pelaporan)), klien.post(url_hapus(pelaporan), {"post": "yes"})):
        assert respons.status_code == 302
        assert respons["Location"] == reverse("admin:kinerja_pelaporan_change", args=[pelaporan.pk])
        teks = pesan_terakhir(respons)
        assert "tidak dapat dihapus" in teks and '"Buka kembali"' in teks
        assert reverse("kinerja:tinjau", args=[pelaporan.opd.kode, 2024, 1]) in teks

    assert Pelaporan.objects.filter(pk=pelaporan.pk, status=status).exists()


@pytest.mark.parametrize("status", BUKAN_DRAF)
def test_admin_cannot_delete_a_quarter_that_left_the_draft_state_with_the_bulk_action(klien, status):
    draf = PelaporanFactory(triwulan=1)
    pelaporan = PelaporanFactory(opd=draf.opd, triwulan=2, status=status)

    for konfirmasi in (False, True):
        respons = hapus_terpilih(klien, draf, pelaporan, konfirmasi=konfirmasi)

        assert respons.status_code == 302
        teks = pesan_terakhir(respons)
        assert str(pelaporan) in teks and '"Buka kembali"' in teks

    assert Pelaporan.objects.filter(pk__in=[draf.pk, pelaporan.pk]).count() == 2


def test_the_page_of_a_verified_quarter_offers_no_delete_link(klien):
    pelaporan = PelaporanFactory(status=Pelaporan.Status.DIVERIFIKASI)

    respons = klien.get(reverse("admin:kinerja_pelaporan_change", args=[pelaporan.pk]))

    assert respons.status_code == 200
    assert url_hapus(pelaporan) not in respons.content.decode()


def test_admin_may_delete_a_draft(klien):
    pelaporan = PelaporanFactory()

    respons = klien.post(url_hapus(pelaporan), {"post": "yes"})

    assert respons.status_code == 302
    assert not Pelaporan.objects.filter(pk=pelaporan.pk).exists()


def test_admin_may_delete_drafts_with_the_bulk_action(klien):
    draf = [PelaporanFactory(triwulan=1), PelaporanFactory(triwulan=2)]

    assert hapus_terpilih(klien, *draf, konfirmasi=False).status_code == 200  # the confirmation page
    hapus_terpilih(klien, *draf)

    assert not Pelaporan.objects.filter(pk__in=[p.pk for p in draf]).exists()

"""A user limited to one bidang reads only their bidang's indicators on the dashboard's indicator
page and its XLSX, as on the history page (kinerja.lihat_opd, kinerja/izin.py bidang_sendiri)."""

import pytest
from django.urls import reverse

from kinerja.tests.factories import operator
from renstra.tests.factories import BidangFactory, IndikatorFactory, RenstraFactory, SubKegiatanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua_bidang():
    renstra = RenstraFactory()
    rehsos, linjamsos = (BidangFactory(opd=renstra.opd, nama=n) for n in ("Rehabilitasi Sosial", "Linjamsos"))
    sendiri = IndikatorFactory(sub_kegiatan=SubKegiatanFactory(kegiatan__program__renstra=renstra, bidang=rehsos))
    lain = IndikatorFactory(sub_kegiatan=SubKegiatanFactory(kegiatan__program__renstra=renstra, bidang=linjamsos))
    return renstra.opd, operator(opd=renstra.opd, bidang=rehsos), sendiri, lain


@pytest.mark.parametrize("nama_url", ["laporan:dasbor_indikator", "laporan:dasbor_indikator_unduh"])
def test_a_bidang_operator_cannot_read_another_bidangs_indicator_on_the_dashboard(client, dua_bidang, nama_url):
    opd, petugas, sendiri, lain = dua_bidang
    client.force_login(petugas)
    assert client.get(reverse("kinerja:riwayat", args=[lain.pk])).status_code == 404
    assert client.get(reverse(nama_url, args=[opd.kode, 2024, lain.pk])).status_code == 404
    assert client.get(reverse(nama_url, args=[opd.kode, 2024, sendiri.pk])).status_code == 200


@pytest.mark.parametrize("nama_url", ["laporan:dasbor_indikator", "laporan:dasbor_indikator_unduh"])
def test_an_operator_of_the_whole_agency_reads_every_bidangs_indicator(client, dua_bidang, nama_url):
    opd, _, sendiri, lain = dua_bidang
    client.force_login(operator(opd=opd))
    for indikator in (sendiri, lain):
        assert client.get(reverse(nama_url, args=[opd.kode, 2024, indikator.pk])).status_code == 200

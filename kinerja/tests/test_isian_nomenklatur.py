"""The entry page of an agency whose plan changes nomenclature (issue 18): a year lists only the
programs in force, and an old kegiatan's budget is entered on the kegiatan's own row."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from kinerja.models import RealisasiAnggaran

from .factories import operator, renstra_nomenklatur_berganti
from .halaman import a, buka

pytestmark = pytest.mark.django_db
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


@pytest.fixture
def data(time_machine):
    time_machine.move_to(datetime.datetime(2025, 12, 20, 10, 0, tzinfo=WIB), tick=False)
    data = renstra_nomenklatur_berganti()
    data.operator = operator(opd=data.opd)
    data.url = reverse("kinerja:isian", args=[2025, 4])
    return data


def test_old_kegiatan_budget_is_entered_on_the_kegiatan_row_not_as_a_sub_kegiatan(client, data):
    isian = buka(client, data)
    respons = client.get(data.url)
    html = respons.content.decode()
    halaman = respons.context["halaman"]
    kegiatan = halaman.program[0].anak[0]
    assert kegiatan.simpul == data.kegiatan_lama
    assert kegiatan.anggaran.sub_kegiatan == data.pembawa and kegiatan.anak == []
    assert kegiatan.anggaran.pagu == 150_000_000
    assert "Realisasi anggaran kegiatan tanpa kode" in html
    assert 'class="kepala-kelompok kepala-sub"' not in html
    assert '<span class="kode">tanpa kode</span> Program Pelayanan dan Rehabilitasi' in html

    isian[a(data.pembawa)] = "95.000.000"
    respons = client.post(data.url, isian, follow=True)
    assert "1 realisasi keuangan" in respons.content.decode()
    assert RealisasiAnggaran.objects.get(sub_kegiatan=data.pembawa, tahun=2025, triwulan=4).nilai == 95_000_000


def test_entry_page_asks_only_the_programs_in_force_that_year(client, data):
    buka(client, data)
    html = client.get(data.url).content.decode()
    assert "Jumlah anak terlantar yang dilayani" in html
    assert "Jumlah anak yang mendapat layanan" not in html
    assert "1.06.04" not in html
    client.force_login(data.operator)
    html = client.get(reverse("kinerja:isian", args=[2026, 1])).content.decode()
    assert "Jumlah anak yang mendapat layanan" in html
    assert "Jumlah anak terlantar yang dilayani" not in html
    assert "Pelayanan Anak Terlantar" not in html

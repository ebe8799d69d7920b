"""A reviewer's note longer than the form allows is refused, not silently dropped: nothing is
decided and the reviewer gets their text back with the reason."""

import pytest
from django.urls import reverse

from kinerja.models import Pelaporan

from .factories import PelaporanFactory, verifikator

pytestmark = pytest.mark.django_db


@pytest.fixture
def diajukan(dinas):
    return PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=4, status=Pelaporan.Status.DIAJUKAN)


@pytest.mark.parametrize("aksi", ["kembalikan", "verifikasi"])
def test_a_note_over_4000_characters_is_refused_and_kept_not_dropped(client, dinas, diajukan, aksi):
    client.force_login(verifikator())
    catatan = "Lampirkan daftar penerima. " * 160  # 4.320 characters, 4.319 once stripped
    respons = client.post(
        reverse("kinerja:putuskan", args=[dinas.opd.kode, 2024, 4]), {"aksi": aksi, "catatan": catatan}
    )

    assert respons.status_code == 400
    html = respons.content.decode()
    assert "Catatan terlalu panjang: 4.319 karakter; paling banyak 4.000 karakter." in html
    assert "Belum ada keputusan" in html
    assert catatan.strip() in html  # the reviewer's text, in the form, to shorten
    diajukan.refresh_from_db()
    assert (diajukan.status, diajukan.catatan) == (Pelaporan.Status.DIAJUKAN, "")


def test_a_note_of_4000_characters_with_line_breaks_is_accepted(client, dinas, diajukan):
    """Browsers send a line break as CR LF, and count it as one character under maxlength."""
    client.force_login(verifikator())
    catatan = ("x" * 99 + "\r\n") * 40  # 4.000 characters as typed, 4.040 as sent
    respons = client.post(
        reverse("kinerja:putuskan", args=[dinas.opd.kode, 2024, 4]), {"aksi": "kembalikan", "catatan": catatan}
    )
    assert respons.status_code == 302
    diajukan.refresh_from_db()
    assert diajukan.status == Pelaporan.Status.DIKEMBALIKAN

"""Counts are whole: a realisation in a count unit (orang, dokumen, laporan…) refuses a fraction
unless its indicator allows one, on the entry page, in the admin and in imports alike; the
count units are data the admin extends (issue 17, item 9)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja import importers
from kinerja.models import Realisasi
from renstra.models import SatuanCacah
from renstra.tests.factories import IndikatorFactory, PerangkatDaerahFactory, RenstraFactory

from .factories import admin
from .halaman import buka, n
from .seed_xlsx import baris_evaluasi_dua_bidang, perbaiki_evaluasi, tulis_xlsx

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.mark.parametrize(
    ("satuan", "cacah"),
    [
        ("Orang", True),
        ("ORANG", True),  # seed 000, Bidang Linjamsos
        (" orang ", True),
        ("Orang/Jiwa", True),  # seed 000, DTKS
        ("Orang / Jiwa", True),
        ("Dokumen", True),
        ("Laporan", True),
        ("Lembaga", True),
        ("Keluarga", True),
        ("KK", True),
        ("Paket", True),
        ("Unit", True),
        ("Kegiatan", True),
        ("Anak", True),
        ("Kali", True),
        ("%", False),
        ("persen", False),
        ("Indeks", False),
        ("Nilai", False),
        ("per 10.000 penduduk perempuan dan anak", False),
        ("Bulan", False),  # a duration: 1,5 bulan is a length of time
        ("", False),
    ],
)
def test_the_count_units_of_the_seeds_are_known_whatever_their_case_and_blanks(satuan, cacah):
    assert SatuanCacah.mencakup(satuan) is cacah


def test_an_admin_adds_a_count_unit_and_it_is_matched_from_then_on(client):
    client.force_login(admin())
    daftar = client.get(reverse("admin:renstra_satuancacah_changelist"))
    assert daftar.status_code == 200 and "Dokumen" in daftar.content.decode()
    respons = client.post(reverse("admin:renstra_satuancacah_add"), {"nama": "Bungkus"})
    assert respons.status_code == 302
    assert SatuanCacah.mencakup("bungkus")
    ganda = client.post(reverse("admin:renstra_satuancacah_add"), {"nama": "  dokumen "})
    assert "Satuan ini sudah ada dalam daftar." in ganda.content.decode()


def test_operators_and_reviewers_read_the_count_units_and_only_the_admin_changes_them():
    from .factories import operator, verifikator

    for user in (operator(), verifikator()):
        assert user.has_perm("renstra.view_satuancacah") and not user.has_perm("renstra.change_satuancacah")
    assert admin().has_perm("renstra.delete_satuancacah")


def test_the_indicator_form_of_the_admin_offers_fractions_beside_the_unit(client, dinas):
    client.force_login(admin())
    html = client.get(reverse("admin:renstra_indikator_change", args=[dinas.darurat.pk])).content.decode()
    assert 'name="boleh_pecahan"' in html


@pytest.mark.parametrize(
    ("diketik", "pesan"),
    [
        ("12,34", "Satuan Orang dihitung utuh: tulis 12, bukan 12,34."),
        ("1.234,5", "Satuan Orang dihitung utuh: tulis 1.235, bukan 1.234,5."),
    ],
)
def test_the_entry_page_refuses_a_fraction_of_a_count_naming_the_unit(client, dinas, diketik, pesan):
    data = buka(client, dinas) | {n(dinas.darurat): diketik}
    respons = client.post(dinas.url, data)
    assert respons.status_code == 400
    assert f"Indikator “{dinas.darurat}”</a> — Realisasi: {pesan}" in respons.content.decode()
    assert not Realisasi.objects.exists()


def test_the_live_preview_explains_the_refusal_next_to_the_input(client, dinas):
    client.force_login(dinas.operator)
    url = reverse("kinerja:pratinjau", args=[2024, 4, dinas.darurat.pk])
    html = client.post(url, {n(dinas.darurat): "12,34"}).content.decode()
    assert "Satuan Orang dihitung utuh: tulis 12, bukan 12,34." in html


def test_a_whole_number_written_with_decimals_is_a_whole_number(client, dinas):
    data = buka(client, dinas) | {n(dinas.darurat): "12,00"}
    assert client.post(dinas.url, data).status_code == 302
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 12


def test_an_indicator_that_allows_fractions_takes_one(client, dinas):
    dinas.darurat.boleh_pecahan = True
    dinas.darurat.save()
    data = buka(client, dinas) | {n(dinas.darurat): "12,5"}
    assert client.post(dinas.url, data).status_code == 302
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == D("12.5")


def test_percentages_and_formula_components_keep_their_fractions(client, dinas):
    """The components of a formula have no unit of their own and may be rupiah with sen or
    averages; the computed value is a percentage (seed 003: 8.126 / 8.324 → 97,62%)."""
    data = buka(client, dinas) | {n(dinas.rumus, "pembilang"): "8.126,5", n(dinas.rumus, "penyebut"): "8.324,25"}
    assert client.post(dinas.url, data).status_code == 302
    persen = IndikatorFactory(sub_kegiatan=dinas.sub, satuan="%")
    Realisasi(indikator=persen, tahun=2024, triwulan=4, nilai=D("97.62")).full_clean()


def test_the_model_refuses_a_fraction_of_a_count_wherever_it_comes_from(dinas):
    with pytest.raises(ValidationError) as galat:
        Realisasi(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=D("12.34")).full_clean()
    assert galat.value.message_dict["nilai"] == ["Satuan Orang dihitung utuh: tulis 12, bukan 12,34."]


def test_an_import_refuses_a_fraction_of_a_count_with_its_row(tmp_path):
    """Seed 000, Penyediaan Permakanaan (Orang), TW I printed 58: typed 58,5 the import stops at
    that row, for a new indicator as for one already in the database."""
    opd = RenstraFactory(opd=PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Purwakarta"), tahun_awal=2023).opd
    baris = perbaiki_evaluasi(baris_evaluasi_dua_bidang())
    assert baris[23][6] == "58"

    def impor(nilai, nama):
        baris[23][6] = nilai
        berkas = tulis_xlsx(tmp_path / nama, {"Evaluasi": baris})
        return importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True)

    for nama in ("baru.xlsx", "lagi.xlsx"):
        hasil = impor("58,5", nama)
        assert not hasil.disimpan
        assert [(m.baris, m.pesan) for m in hasil.galat] == [(24, "Satuan Orang dihitung utuh: tulis 59, bukan 58,5.")]
        if nama == "baru.xlsx":
            assert impor("58", "utuh.xlsx").disimpan

"""Flat imports and exports of realisations (kinerja/resources.py): keyed by codes, quarter and
year; a changed row gets one version more and its importer as last author; an unchanged row is
not saved at all."""

from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import Realisasi, RealisasiAnggaran
from kinerja.resources import RealisasiAnggaranResource, RealisasiResource
from renstra.resources import FORMAT_BERKAS, XLSX

from .factories import RealisasiAnggaranFactory, RealisasiFactory, UserFactory, admin

pytestmark = pytest.mark.django_db

D = Decimal
RESOURCES = [RealisasiResource, RealisasiAnggaranResource]


@pytest.fixture
def terisi(dinas):
    """The agency of `dinas` with TW I 2024 reported: a count, a formula and a level; and the
    money spent."""
    RealisasiFactory(indikator=dinas.darurat, nilai=D("3"), versi=2, permasalahan="Cuaca buruk")
    RealisasiFactory(indikator=dinas.rumus, nilai=None, pembilang=D("40"), penyebut=D("41"))
    RealisasiFactory(indikator=dinas.ape, nilai=None, tingkat=dinas.tingkat["Pratama"])
    RealisasiAnggaranFactory(sub_kegiatan=dinas.sub, nilai=9_000_000)
    return dinas


def jumlah_baris():
    return [
        Realisasi.objects.count(),
        Realisasi.history.count(),
        RealisasiAnggaran.objects.count(),
        RealisasiAnggaran.history.count(),
    ]


def baris_realisasi(dinas, **ubah):
    baris = {
        "Kode OPD": "DSPPPA-UJI",
        "Tahun awal Renstra": 2024,
        "Revisi Renstra": 0,
        "Level": "sub_kegiatan",
        "Kode pemilik": dinas.sub.kode,
        "Uraian indikator": "Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan",
        "Tahun": 2024,
        "Triwulan": 1,
        "Nilai": "3",
        "Permasalahan": "Cuaca buruk",
    }
    return baris | ubah


def dataset(*baris):
    data = tablib.Dataset(headers=list(baris[0]))
    for b in baris:
        data.append(list(b.values()))
    return data


def pesan(result):
    teks = [m for row in result.invalid_rows for m in row.error.messages]
    teks += [str(e.error) for _, errors in result.row_errors() for e in errors]
    return teks + [str(e.error) for e in result.base_errors]


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_export_has_no_id_column_and_names_rows_by_codes_year_and_quarter(terisi, resource):
    data = resource().export()

    assert len(data) >= 1
    assert not {"id", "versi", "diubah_oleh"} & set(data.headers)
    assert data.headers[-1] == "Versi"  # what an import of the file is checked against
    assert data.headers[:3] == ["Kode OPD", "Tahun awal Renstra", "Revisi Renstra"]
    assert {"Tahun", "Triwulan"} <= set(data.headers)
    assert data.dict[0]["Kode OPD"] == "DSPPPA-UJI"


def test_realisation_export_writes_the_indicator_key_and_indonesian_numbers(terisi):
    data = RealisasiResource().export(queryset=Realisasi.objects.filter(indikator=terisi.rumus))

    baris = data.dict[0]
    assert (baris["Level"], baris["Kode pemilik"]) == ("sub_kegiatan", terisi.sub.kode)
    assert baris["Uraian indikator"] == "Persentase PMKS yang tertangani atau mendapatkan layanan"
    assert (baris["Pembilang"], baris["Penyebut"], baris["Nilai"]) == ("40", "41", "")


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_export_then_import_of_the_same_rows_skips_every_row_and_leaves_no_history(terisi, resource):
    data = resource().export()
    sebelum = jumlah_baris()
    versi = sorted(resource._meta.model.objects.values_list("versi", flat=True))

    result = resource().import_data(data, user=UserFactory())

    assert not result.has_errors() and not result.has_validation_errors(), pesan(result)
    assert result.totals["skip"] == len(data)
    assert jumlah_baris() == sebelum
    assert sorted(resource._meta.model.objects.values_list("versi", flat=True)) == versi


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_xlsx_export_imports_back_unchanged(terisi, resource):
    berkas = XLSX().export_data(resource().export(force_native_type=True))
    sebelum = jumlah_baris()

    result = resource().import_data(XLSX().create_dataset(berkas))

    assert result.totals["skip"] == len(resource().export()), pesan(result)
    assert jumlah_baris() == sebelum


def test_an_update_of_a_realisation_increments_its_version_and_records_the_importer(terisi):
    user = UserFactory(username="pengimpor")

    result = RealisasiResource().import_data(dataset(baris_realisasi(terisi, Nilai="5")), user=user)

    assert result.totals["update"] == 1, pesan(result)
    realisasi = Realisasi.objects.get(indikator=terisi.darurat, tahun=2024, triwulan=1)
    assert (realisasi.nilai, realisasi.versi, realisasi.diubah_oleh) == (D("5"), 3, user)
    assert realisasi.history.latest().history_user == user


def test_an_unchanged_realisation_keeps_its_version_and_author(terisi):
    result = RealisasiResource().import_data(dataset(baris_realisasi(terisi)), user=UserFactory())

    assert result.totals["skip"] == 1, pesan(result)
    realisasi = Realisasi.objects.get(indikator=terisi.darurat, tahun=2024, triwulan=1)
    assert (realisasi.versi, realisasi.diubah_oleh) == (2, None)


def test_a_new_realisation_is_created_at_version_one_by_the_importer(terisi):
    user = UserFactory()

    result = RealisasiResource().import_data(dataset(baris_realisasi(terisi, Triwulan=2, Nilai="5")), user=user)

    assert result.totals["new"] == 1, pesan(result)
    realisasi = Realisasi.objects.get(indikator=terisi.darurat, tahun=2024, triwulan=2)
    assert (realisasi.nilai, realisasi.versi, realisasi.diubah_oleh) == (D("5"), 1, user)


def test_a_level_realisation_is_read_by_the_name_of_the_level(terisi):
    baris = baris_realisasi(
        terisi, **{"Uraian indikator": "Level Anugerah Parahita Ekapraya (APE)", "Nilai": "", "Tingkatan": "Madya"}
    )

    result = RealisasiResource().import_data(dataset(baris))

    assert result.totals["update"] == 1, pesan(result)
    assert Realisasi.objects.get(indikator=terisi.ape).tingkat == terisi.tingkat["Madya"]


def test_money_spent_is_read_as_indonesian_rupiah_text_and_increments_the_version(terisi):
    user = UserFactory()
    baris = {
        "Kode OPD": "DSPPPA-UJI",
        "Tahun awal Renstra": "2024",
        "Revisi Renstra": "0",
        "Kode sub kegiatan": terisi.sub.kode,
        "Tahun": "2024",
        "Triwulan": "1",
        "Realisasi (Rp)": "Rp 12.500.000",
    }

    result = RealisasiAnggaranResource().import_data(dataset(baris), user=user)

    assert result.totals["update"] == 1, pesan(result)
    anggaran = RealisasiAnggaran.objects.get(sub_kegiatan=terisi.sub, tahun=2024, triwulan=1)
    assert (anggaran.nilai, anggaran.versi, anggaran.diubah_oleh) == (12_500_000, 2, user)


def test_an_unknown_opd_code_makes_the_row_invalid_and_nothing_of_the_batch_is_written(terisi):
    sebelum = jumlah_baris()
    data = dataset(
        baris_realisasi(terisi, Nilai="9"),
        baris_realisasi(terisi, **{"Kode OPD": "DINAS-LAIN", "Triwulan": 2}),
    )

    result = RealisasiResource().import_data(data, user=UserFactory())

    assert [r.number for r in result.invalid_rows] == [2]
    assert 'Perangkat daerah dengan kode "DINAS-LAIN" tidak ditemukan.' in pesan(result)
    assert jumlah_baris() == sebelum
    assert Realisasi.objects.get(indikator=terisi.darurat, triwulan=1).nilai == D("3")


def test_a_year_outside_the_renstra_period_makes_the_row_invalid_and_nothing_is_written(terisi):
    sebelum = jumlah_baris()
    data = dataset(baris_realisasi(terisi, Triwulan=2), baris_realisasi(terisi, Tahun=2027))

    result = RealisasiResource().import_data(data)

    assert [r.number for r in result.invalid_rows] == [2]
    assert "Tahun 2027 di luar periode Renstra 2024–2026." in pesan(result)
    assert jumlah_baris() == sebelum


def test_a_quarter_outside_one_to_four_is_refused(terisi):
    result = RealisasiResource().import_data(dataset(baris_realisasi(terisi, Triwulan=5)))

    assert "Triwulan harus 1, 2, 3 atau 4." in pesan(result)
    assert not Realisasi.objects.filter(triwulan=5).exists()


def test_a_dry_run_writes_nothing(terisi):
    sebelum = jumlah_baris()

    result = RealisasiResource().import_data(
        dataset(baris_realisasi(terisi, Nilai="9"), baris_realisasi(terisi, Triwulan=2)), dry_run=True
    )

    assert (result.totals["update"], result.totals["new"]) == (1, 1), pesan(result)
    assert jumlah_baris() == sebelum
    assert Realisasi.objects.get(indikator=terisi.darurat, triwulan=1).versi == 2


def test_admin_imports_a_realisation_xlsx_after_its_dry_run_as_the_logged_in_admin(client, terisi):
    pengguna = admin()
    client.force_login(pengguna)
    berkas = XLSX().export_data(dataset(baris_realisasi(terisi, Nilai="6")))
    format_xlsx = str(FORMAT_BERKAS.index(XLSX))

    pratinjau = client.post(
        reverse("admin:kinerja_realisasi_import"),
        {"format": format_xlsx, "resource": "0", "import_file": SimpleUploadedFile("realisasi.xlsx", berkas)},
    )
    assert Realisasi.objects.get(indikator=terisi.darurat, triwulan=1).versi == 2
    jawaban = client.post(reverse("admin:kinerja_realisasi_process_import"), pratinjau.context["confirm_form"].initial)

    assert jawaban.status_code == 302
    realisasi = Realisasi.objects.get(indikator=terisi.darurat, triwulan=1)
    assert (realisasi.nilai, realisasi.versi, realisasi.diubah_oleh) == (D("6"), 3, pengguna)

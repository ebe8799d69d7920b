"""Flat imports and exports of the plan (renstra/resources.py): rows keyed by codes, never ids;
an unchanged file writes nothing; one bad row and nothing is written."""

from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
import tablib
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kinerja.tests.factories import UserFactory
from renstra.models import Bidang, Indikator, Kegiatan, Pagu, PerangkatDaerah, Program, SubKegiatan, Target
from renstra.resources import (
    FORMAT_BERKAS,
    XLSX,
    BidangResource,
    IndikatorResource,
    KegiatanResource,
    PaguResource,
    PerangkatDaerahResource,
    ProgramResource,
    SubKegiatanResource,
    TargetResource,
    baca_angka,
    tulis_angka,
)

from .factories import (
    BidangFactory,
    IndikatorFactory,
    PaguFactory,
    PerangkatDaerahFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    skala,
)

pytestmark = pytest.mark.django_db

D = Decimal
RESOURCES = [
    PerangkatDaerahResource,
    BidangResource,
    ProgramResource,
    KegiatanResource,
    SubKegiatanResource,
    IndikatorResource,
    TargetResource,
    PaguResource,
]
MODELS = [PerangkatDaerah, Bidang, Program, Kegiatan, SubKegiatan, Indikator, Target, Pagu]


@pytest.fixture
def rencana():
    """One agency with a bidang, a Renstra 2024–2026 and under it a sasaran, a program, a
    kegiatan and a sub kegiatan with a count indicator (targets 2024 and TW I 2024), an
    indicator of the sasaran that serves its tujuan too, a qualitative one with a level target
    and a budget."""
    opd = PerangkatDaerahFactory(kode="DINSOS-UJI", nama="Dinas Sosial Kabupaten Uji", singkatan="Dinsos")
    bidang = BidangFactory(opd=opd, nama="Bidang Rehabilitasi Sosial")
    renstra = RenstraFactory(opd=opd)
    sasaran = SasaranFactory(tujuan__renstra=renstra, tujuan__kode="1", kode="1.1")
    sub = SubKegiatanFactory(
        kegiatan__program__renstra=renstra,
        kegiatan__program__kode="1.06.04",
        kegiatan__program__sasaran=sasaran,
        kegiatan__program__bidang=bidang,
        kegiatan__kode="1.06.04.2.01",
        kode="1.06.04.2.01.0010",
    )
    indikator = IndikatorFactory(sub_kegiatan=sub, uraian="Jumlah orang yang mendapatkan pelayanan kedaruratan")
    TargetFactory(indikator=indikator, tahun=2024, nilai=D("30"))
    TargetFactory(indikator=indikator, tahun=2024, triwulan=1, nilai=D("7.5"))
    IndikatorFactory(
        sub_kegiatan=None, sasaran=sasaran, tujuan=sasaran.tujuan, uraian="Persentase PMKS yang tertangani", satuan="%"
    )
    ape = IndikatorFactory(
        sub_kegiatan=sub,
        uraian="Level APE",
        jenis=Indikator.Jenis.KUALITATIF,
        skala_tingkat=skala("Anugerah"),
    )
    TargetFactory(indikator=ape, nilai=None, tingkat=ape.skala_tingkat.tingkat.get(nama="Pratama"))
    PaguFactory(sub_kegiatan=sub, tahun=2024, induk=36_350_862)
    return {"opd": opd, "renstra": renstra, "sub": sub, "indikator": indikator}


def jumlah_baris():
    """Rows of every model and of every history table."""
    return (
        [m.objects.count() for m in MODELS],
        [m.history.count() for m in (Indikator, Target, Pagu)],
    )


def baris_target(**ubah):
    baris = {
        "Kode OPD": "DINSOS-UJI",
        "Tahun awal Renstra": 2024,
        "Revisi Renstra": 0,
        "Level": "sub_kegiatan",
        "Kode pemilik": "1.06.04.2.01.0010",
        "Uraian indikator": "Jumlah orang yang mendapatkan pelayanan kedaruratan",
        "Tahun": 2025,
        "Jenis target": "renstra",
        "Triwulan": "",
        "Nilai": "40",
    }
    return baris | ubah


def dataset(*baris):
    data = tablib.Dataset(headers=list(baris[0]))
    for b in baris:
        data.append(list(b.values()))
    return data


def pesan(result):
    """Every message of the invalid rows and errors of an import result."""
    teks = [m for row in result.invalid_rows for m in row.error.messages]
    teks += [str(e.error) for _, errors in result.row_errors() for e in errors]
    teks += [str(e.error) for e in result.base_errors]
    return teks


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_export_has_no_id_column(rencana, resource):
    data = resource().export()
    assert len(data) >= 1
    assert not {"id", "ID", "pk"} & set(data.headers)
    assert not any(h.endswith("_id") for h in data.headers)


def test_target_export_names_its_indicator_by_renstra_level_owner_code_and_description(rencana):
    data = TargetResource().export(queryset=Target.objects.filter(indikator=rencana["indikator"], triwulan=1))
    assert data.headers[:9] == [
        "Kode OPD", "Tahun awal Renstra", "Revisi Renstra", "Level", "Kode pemilik", "Uraian indikator",
        "Tahun", "Jenis target", "Triwulan",
    ]  # fmt: skip
    assert data.dict[0] == {
        "Kode OPD": "DINSOS-UJI",
        "Tahun awal Renstra": "2024",
        "Revisi Renstra": "0",
        "Level": "sub_kegiatan",
        "Kode pemilik": "1.06.04.2.01.0010",
        "Uraian indikator": "Jumlah orang yang mendapatkan pelayanan kedaruratan",
        "Tahun": "2024",
        "Jenis target": "renstra",
        "Triwulan": "1",
        "Nilai": "7,5",
        "Batas bawah": "",
        "Batas atas": "",
        "Tingkatan": "",
        "Tertulis": "",
    }


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_export_then_import_of_the_same_rows_skips_every_row_and_writes_nothing(rencana, resource):
    data = resource().export()
    sebelum = jumlah_baris()

    result = resource().import_data(data)

    assert not result.has_errors() and not result.has_validation_errors(), pesan(result)
    assert {r.import_type for r in result.rows} == {"skip"}
    assert result.totals["skip"] == len(data)
    assert jumlah_baris() == sebelum


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_xlsx_export_imports_back_unchanged(rencana, resource):
    format_ = XLSX()
    berkas = format_.export_data(resource().export(force_native_type=True))
    sebelum = jumlah_baris()

    result = resource().import_data(format_.create_dataset(berkas))

    assert not result.has_errors() and not result.has_validation_errors(), pesan(result)
    assert result.totals["skip"] == len(resource().export())
    assert jumlah_baris() == sebelum


def test_xlsx_export_writes_numbers_as_numbers_and_formula_like_text_as_text(rencana):
    Program.objects.update(uraian='=HYPERLINK("http://contoh.invalid","klik")')
    berkas = XLSX().export_data(ProgramResource().export(force_native_type=True))

    lembar = openpyxl.load_workbook(BytesIO(berkas)).active
    kolom = {sel.value: i for i, sel in enumerate(lembar[1])}
    baris = lembar[2]
    assert baris[kolom["Uraian"]].data_type == "s"
    assert baris[kolom["Uraian"]].value.startswith("=HYPERLINK")
    assert baris[kolom["Tahun awal Renstra"]].value == 2024
    assert ProgramResource().import_data(XLSX().create_dataset(berkas)).totals["skip"] == 1


def test_a_new_row_is_created_by_its_natural_key(rencana):
    result = TargetResource().import_data(dataset(baris_target(Tahun=2025, Nilai="40")))

    assert result.totals["new"] == 1, pesan(result)
    target = Target.objects.get(indikator=rencana["indikator"], tahun=2025)
    assert (target.jenis, target.triwulan, target.nilai) == ("renstra", None, D("40"))


def test_a_changed_row_updates_the_row_with_that_natural_key_and_records_the_user(rencana):
    user = UserFactory()
    result = TargetResource().import_data(dataset(baris_target(Tahun=2024, Nilai="32,5")), user=user)

    assert result.totals["update"] == 1, pesan(result)
    target = Target.objects.get(indikator=rencana["indikator"], tahun=2024, triwulan=None)
    assert target.nilai == D("32.5")
    assert target.history.latest().history_user == user
    assert Target.objects.filter(indikator=rencana["indikator"]).count() == 2


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [("1.234,5", D("1234.5")), (98.79, D("98.79")), (12, D("12")), ("0,125", D("0.125"))],
    ids=["teks Indonesia", "sel angka desimal", "sel angka bulat", "koma desimal"],
)
def test_numbers_are_read_from_numeric_cells_and_indonesian_text(rencana, nilai, harapan):
    result = TargetResource().import_data(dataset(baris_target(Nilai=nilai)))

    assert result.totals["new"] == 1, pesan(result)
    assert Target.objects.get(tahun=2025).nilai == harapan


def test_a_dot_as_decimal_separator_is_refused_not_read_as_thousands(rencana):
    result = TargetResource().import_data(dataset(baris_target(Nilai="0.125")))

    assert result.has_validation_errors()
    assert any('"0.125" bukan angka' in m for m in pesan(result))
    assert not Target.objects.filter(tahun=2025).exists()


def test_an_unknown_opd_code_makes_the_row_invalid_and_nothing_of_the_batch_is_written(rencana):
    sebelum = jumlah_baris()
    data = dataset(baris_target(Tahun=2025), baris_target(**{"Kode OPD": "TIDAK-ADA", "Tahun": 2026}))

    result = TargetResource().import_data(data)

    assert [r.number for r in result.invalid_rows] == [2]
    assert 'Perangkat daerah dengan kode "TIDAK-ADA" tidak ditemukan.' in pesan(result)
    assert jumlah_baris() == sebelum


def test_a_year_outside_the_renstra_period_makes_the_row_invalid_and_nothing_is_written(rencana):
    sebelum = jumlah_baris()
    data = dataset(baris_target(Tahun=2025), baris_target(Tahun=2030))

    result = TargetResource().import_data(data)

    assert [r.number for r in result.invalid_rows] == [2]
    assert "Tahun 2030 di luar periode Renstra 2024–2026." in pesan(result)
    assert jumlah_baris() == sebelum


def test_an_unknown_owner_code_names_the_code_and_the_renstra(rencana):
    result = TargetResource().import_data(dataset(baris_target(**{"Kode pemilik": "1.06.04.2.01.9999"})))

    assert pesan(result) == [
        'Sub kegiatan dengan kode "1.06.04.2.01.9999" tidak ditemukan dalam Renstra Dinsos 2024–2026.'
    ]


def test_a_dry_run_writes_nothing(rencana):
    sebelum = jumlah_baris()

    result = TargetResource().import_data(dataset(baris_target(Tahun=2025), baris_target(Tahun=2026)), dry_run=True)

    assert result.totals["new"] == 2, pesan(result)
    assert jumlah_baris() == sebelum


def test_a_missing_key_column_is_an_error_of_the_file(rencana):
    baris = baris_target()
    del baris["Revisi Renstra"]

    result = TargetResource().import_data(dataset(baris))

    assert result.has_errors()
    assert 'Kolom kunci tidak ada dalam berkas: "Revisi Renstra".' in pesan(result)
    assert not Target.objects.filter(tahun=2025).exists()


def test_a_level_target_is_read_by_the_name_of_the_level(rencana):
    result = TargetResource().import_data(
        dataset(baris_target(**{"Uraian indikator": "Level APE", "Nilai": "", "Tingkatan": "madya"}))
    )

    assert result.totals["new"] == 1, pesan(result)
    assert Target.objects.get(indikator__uraian="Level APE", tahun=2025).tingkat.nama == "Madya"


def test_program_kegiatan_and_sub_kegiatan_are_created_under_parents_found_by_code(rencana):
    kunci = {"Kode OPD": "DINSOS-UJI", "Tahun awal Renstra": "2024", "Revisi Renstra": "0"}
    program = ProgramResource().import_data(
        dataset(
            kunci
            | {"Kode program": "1.06.05", "Uraian": "Program Perlindungan", "Bidang": "Bidang Rehabilitasi Sosial"}
        )
    )
    kegiatan = KegiatanResource().import_data(
        dataset(kunci | {"Kode program": "1.06.05", "Kode kegiatan": "1.06.05.2.01", "Uraian": "Perlindungan Sosial"})
    )
    sub = SubKegiatanResource().import_data(
        dataset(
            kunci | {"Kode kegiatan": "1.06.05.2.01", "Kode sub kegiatan": "1.06.05.2.01.0001", "Uraian": "Bantuan"}
        )
    )

    for result in (program, kegiatan, sub):
        assert result.totals["new"] == 1, pesan(result)
    sub_kegiatan = SubKegiatan.objects.get(kode="1.06.05.2.01.0001")
    assert sub_kegiatan.kegiatan.program.renstra == rencana["renstra"]
    assert sub_kegiatan.bidang_penanggung_jawab.nama == "Bidang Rehabilitasi Sosial"


def test_a_kegiatan_code_that_does_not_extend_its_program_code_is_refused(rencana):
    kunci = {"Kode OPD": "DINSOS-UJI", "Tahun awal Renstra": "2024", "Revisi Renstra": "0"}
    result = KegiatanResource().import_data(
        dataset(kunci | {"Kode program": "1.06.04", "Kode kegiatan": "1.06.05.2.01", "Uraian": "Salah tempat"})
    )

    assert any("tidak cocok dengan program" in m for m in pesan(result))
    assert not Kegiatan.objects.filter(kode="1.06.05.2.01").exists()


def test_an_indicator_is_created_under_the_owner_named_by_level_and_code(rencana):
    result = IndikatorResource().import_data(
        dataset(
            {
                "Kode OPD": "DINSOS-UJI",
                "Tahun awal Renstra": 2024,
                "Revisi Renstra": 0,
                "Level": "sasaran",
                "Kode pemilik": "1.1",
                "Uraian indikator": "Rasio kekerasan terhadap anak",
                "Satuan": "Rasio",
                "Arah": "Negatif",
                "Pengali": "10.000",
                "IKU": "ya",
            }
        )
    )

    assert result.totals["new"] == 1, pesan(result)
    indikator = Indikator.objects.get(uraian="Rasio kekerasan terhadap anak")
    assert (indikator.level, indikator.pemilik.kode, indikator.renstra) == ("sasaran", "1.1", rencana["renstra"])
    assert (indikator.arah, indikator.pengali, indikator.iku) == ("negatif", D("10000"), True)


def test_an_indicator_shared_by_a_sasaran_and_its_tujuan_keeps_both_when_updated(rencana):
    baris = IndikatorResource().export(queryset=Indikator.objects.filter(sasaran__isnull=False)).dict[0]

    result = IndikatorResource().import_data(dataset(baris | {"Satuan": "persen"}))

    assert result.totals["update"] == 1, pesan(result)
    indikator = Indikator.objects.get(uraian="Persentase PMKS yang tertangani")
    assert (indikator.satuan, indikator.sasaran.kode, indikator.tujuan.kode) == ("persen", "1.1", "1")


def test_a_budget_names_its_source_of_funds_and_an_unknown_one_is_refused(rencana):
    kunci = {
        "Kode OPD": "DINSOS-UJI",
        "Tahun awal Renstra": 2024,
        "Revisi Renstra": 0,
        "Kode sub kegiatan": "1.06.04.2.01.0010",
        "Tahun": 2025,
    }
    baik = PaguResource().import_data(
        dataset(kunci | {"Sumber dana": "APBD Kabupaten", "Anggaran induk (Rp)": "40.000.000"})
    )
    buruk = PaguResource().import_data(
        dataset(kunci | {"Sumber dana": "Dana Desa Khayalan", "Anggaran induk (Rp)": "1"})
    )

    assert baik.totals["new"] == 1, pesan(baik)
    assert Pagu.objects.get(tahun=2025).induk == 40_000_000
    assert pesan(buruk) == ['Sumber dana "Dana Desa Khayalan" tidak ditemukan.']


def test_a_bidang_is_found_by_agency_code_and_name(rencana):
    result = BidangResource().import_data(
        dataset({"Kode OPD": "DINSOS-UJI", "Nama bidang": "Bidang Rehabilitasi Sosial", "Nama kepala": "Rina"})
    )

    assert result.totals["update"] == 1, pesan(result)
    assert Bidang.objects.get(nama="Bidang Rehabilitasi Sosial").kepala_nama == "Rina"


@given(st.decimals(min_value=-(10**10), max_value=10**10, places=4, allow_nan=False, allow_infinity=False))
def test_numbers_written_for_csv_read_back_the_same(angka):
    assert baca_angka(tulis_angka(angka)) == angka


# Admin --------------------------------------------------------------------------------------


@pytest.fixture
def klien_superuser(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_import_and_export_pages_open_for_a_superuser(klien_superuser, rencana):
    assert klien_superuser.get(reverse("admin:renstra_target_import")).status_code == 200
    assert klien_superuser.get(reverse("admin:renstra_target_export")).status_code == 200


def test_admin_export_of_targets_gives_an_xlsx_with_the_natural_key_columns(klien_superuser, rencana):
    format_xlsx = str(FORMAT_BERKAS.index(XLSX))
    jawaban = klien_superuser.post(
        reverse("admin:renstra_target_export"),
        {"format": format_xlsx, "resource": "0", **{f"targetresource_{f}": "on" for f in TargetResource.fields}},
    )

    assert jawaban.status_code == 200
    data = XLSX().create_dataset(jawaban.content)
    assert data.headers[:6] == [
        "Kode OPD", "Tahun awal Renstra", "Revisi Renstra", "Level", "Kode pemilik", "Uraian indikator",
    ]  # fmt: skip
    assert len(data) == Target.objects.count()


def test_admin_imports_a_target_xlsx_through_a_dry_run_then_the_confirmation(klien_superuser, rencana):
    data = dataset(baris_target(Tahun=2025, Nilai="40"))
    berkas = XLSX().export_data(data)
    format_xlsx = str(FORMAT_BERKAS.index(XLSX))

    pratinjau = klien_superuser.post(
        reverse("admin:renstra_target_import"),
        {"format": format_xlsx, "resource": "0", "import_file": SimpleUploadedFile("target.xlsx", berkas)},
    )

    assert pratinjau.status_code == 200
    assert not pratinjau.context["result"].has_validation_errors(), pesan(pratinjau.context["result"])
    assert not Target.objects.filter(tahun=2025).exists()
    konfirmasi = pratinjau.context["confirm_form"]

    jawaban = klien_superuser.post(reverse("admin:renstra_target_process_import"), konfirmasi.initial)

    assert jawaban.status_code == 302
    assert Target.objects.get(tahun=2025).nilai == D("40")


def test_admin_dry_run_of_a_file_with_an_invalid_row_offers_no_confirmation(klien_superuser, rencana):
    berkas = XLSX().export_data(dataset(baris_target(**{"Kode OPD": "TIDAK-ADA"})))

    jawaban = klien_superuser.post(
        reverse("admin:renstra_target_import"),
        {
            "format": str(FORMAT_BERKAS.index(XLSX)),
            "resource": "0",
            "import_file": SimpleUploadedFile("target.xlsx", berkas),
        },
    )

    assert "confirm_form" not in jawaban.context
    assert "Perangkat daerah dengan kode &quot;TIDAK-ADA&quot; tidak ditemukan." in jawaban.text


def test_a_staff_member_who_may_only_view_targets_may_export_but_not_import(client, rencana):
    pengguna = UserFactory(is_staff=True)
    pengguna.user_permissions.add(Permission.objects.get(codename="view_target"))
    client.force_login(pengguna)

    assert client.get(reverse("admin:renstra_target_export")).status_code == 200
    assert client.get(reverse("admin:renstra_target_import")).status_code == 403

"""The agency archive carries what migration 0008 added: an indicator's frekuensi, the years a
program, kegiatan or sub kegiatan is in force, the node of the older nomenclature it replaces (by
code, or uraian when it has none), and the hidden sub kegiatan carrying an old kegiatan's budget;
and an archive written before them still imports, with their defaults."""

import json
import zipfile
from decimal import Decimal

import pytest

from kinerja.models import Realisasi
from kinerja.pindah import PindahGagal, ekspor_opd, hapus_opd, impor_opd
from renstra.models import Indikator, Kegiatan, Program, SubKegiatan
from renstra.tests.factories import (
    IndikatorFactory,
    KegiatanFactory,
    PaguFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SubKegiatanFactory,
)

pytestmark = pytest.mark.django_db
KODE = "DSPPPA-LAMA"
LAMA = "Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial"
KEGIATAN_LAMA = "Pelayanan dan Perlindungan Sosial Anak Terlantar"


@pytest.fixture
def dinas():
    """A Renstra 2016–2021 in the old nomenclature (no codes; a program ending in 2020; a kegiatan
    whose budget is on its hidden sub kegiatan; an annual indicator), and the 2022–2026 one whose
    coded program and kegiatan replace them."""
    opd = PerangkatDaerahFactory(kode=KODE)
    lama = RenstraFactory(opd=opd, tahun_awal=2016, tahun_akhir=2021)
    program_lama = ProgramFactory(renstra=lama, kode="", uraian=LAMA, tahun_selesai=2020)
    kegiatan_lama = KegiatanFactory(program=program_lama, kode="", uraian=KEGIATAN_LAMA)
    pembawa = SubKegiatanFactory(kegiatan=kegiatan_lama, kode="", uraian=KEGIATAN_LAMA, mewakili_kegiatan=True)
    PaguFactory(sub_kegiatan=pembawa, tahun=2019, induk=120_000_000)
    tahunan = IndikatorFactory(
        kegiatan=kegiatan_lama,
        sub_kegiatan=None,
        uraian="Indeks kepuasan layanan",
        satuan="Indeks",
        frekuensi="tahunan",
    )
    Realisasi.objects.create(indikator=tahunan, tahun=2019, triwulan=4, nilai=Decimal("81.5"))
    Realisasi.objects.create(indikator=tahunan, tahun=2020, triwulan=4, nilai=Decimal("0"), tertulis_strip=True)
    baru = RenstraFactory(opd=opd, tahun_awal=2022, tahun_akhir=2026)
    program = ProgramFactory(renstra=baru, kode="1.06.04", tahun_mulai=2022, pendahulu=program_lama, urutan=2)
    kegiatan = KegiatanFactory(program=program, kode="1.06.04.2.01", pendahulu=kegiatan_lama)
    SubKegiatanFactory(kegiatan=kegiatan, kode="1.06.04.2.01.0001", tahun_mulai=2023, tahun_selesai=2025)
    return opd


def _sidik():
    return {
        "program": sorted(
            Program.objects.filter(renstra__opd__kode=KODE).values_list(
                "kode",
                "uraian",
                "tahun_mulai",
                "tahun_selesai",
                "pendahulu__uraian",
                "pendahulu__renstra__tahun_awal",
                "urutan",
            ),
            key=repr,
        ),
        "kegiatan": sorted(
            Kegiatan.objects.filter(program__renstra__opd__kode=KODE).values_list(
                "kode", "uraian", "tahun_mulai", "tahun_selesai", "pendahulu__uraian", "pendahulu__program__uraian"
            ),
            key=repr,
        ),
        "sub": sorted(
            SubKegiatan.objects.filter(kegiatan__program__renstra__opd__kode=KODE).values_list(
                "kode", "uraian", "tahun_mulai", "tahun_selesai", "mewakili_kegiatan", "pagu__induk"
            ),
            key=repr,
        ),
        "indikator": sorted(
            Indikator.objects.filter(renstra__opd__kode=KODE).values_list(
                "uraian", "frekuensi", "realisasi__tahun", "realisasi__triwulan", "realisasi__tertulis_strip"
            ),
            key=repr,
        ),
    }


def test_years_in_force_predecessors_carrier_rows_and_frekuensi_survive_the_round_trip(dinas, tmp_path):
    sebelum = _sidik()
    assert ("1.06.04", "Program Rehabilitasi Sosial", 2022, None, LAMA, 2016, 2) in sebelum["program"]
    assert ("Indeks kepuasan layanan", "tahunan", 2020, 4, True) in sebelum["indikator"]
    assert ("", KEGIATAN_LAMA, None, None, True, 120_000_000) in sebelum["sub"]
    arsip = tmp_path / "opd.zip"
    ekspor_opd(KODE, arsip)
    dokumen = json.loads(zipfile.ZipFile(arsip).read("opd.json"))
    program_baru = next(r for r in dokumen["renstra"] if r["tahun_awal"] == 2022)["program"][0]
    assert program_baru["pendahulu"] == {"renstra": {"tahun_awal": 2016, "revisi": 0}, "jalur": [LAMA]}
    assert program_baru["kegiatan"][0]["pendahulu"]["jalur"] == [LAMA, KEGIATAN_LAMA]

    hapus_opd(dinas)
    impor_opd(arsip)

    assert _sidik() == sebelum


def _tulis_ulang(asal, tujuan, ubah):
    with zipfile.ZipFile(asal) as a, zipfile.ZipFile(tujuan, "w") as b:
        for nama in a.namelist():
            isi = a.read(nama)
            if nama == "opd.json":
                d = json.loads(isi)
                ubah(d)
                isi = json.dumps(d)
            b.writestr(nama, isi)
    return tujuan


def _sebelum_0008(d):
    """The document as an archive written before migration 0008 holds it."""
    for r in d["renstra"]:
        for p in r["program"]:
            simpul = [p, *p["kegiatan"], *(s for k in p["kegiatan"] for s in k["sub_kegiatan"])]
            for n in simpul:
                for kunci in ("tahun_mulai", "tahun_selesai", "pendahulu", "mewakili_kegiatan"):
                    n.pop(kunci, None)
                for i in n["indikator"]:
                    i.pop("frekuensi")


def test_an_archive_written_before_these_fields_imports_with_their_defaults(dinas, tmp_path):
    arsip = tmp_path / "opd.zip"
    ekspor_opd(KODE, arsip)
    lama = _tulis_ulang(arsip, tmp_path / "lama.zip", _sebelum_0008)
    hapus_opd(dinas)

    impor_opd(lama)

    assert set(Indikator.objects.filter(renstra__opd__kode=KODE).values_list("frekuensi", flat=True)) == {"triwulanan"}
    assert not Program.objects.filter(renstra__opd__kode=KODE, pendahulu__isnull=False).exists()
    assert not SubKegiatan.objects.filter(mewakili_kegiatan=True).exists()
    assert set(Program.objects.filter(renstra__opd__kode=KODE).values_list("tahun_selesai", flat=True)) == {None}


def test_a_predecessor_missing_from_the_archive_is_named_and_nothing_is_written(dinas, tmp_path):
    arsip = tmp_path / "opd.zip"
    ekspor_opd(KODE, arsip)

    def salah(d):
        baru = next(r for r in d["renstra"] if r["tahun_awal"] == 2022)
        baru["program"][0]["pendahulu"]["jalur"] = ["Program yang tidak ada"]

    rusak = _tulis_ulang(arsip, tmp_path / "rusak.zip", salah)
    hapus_opd(dinas)

    with pytest.raises(PindahGagal) as galat:
        impor_opd(rusak)
    assert "pendahulu" in galat.value.pesan and "Program yang tidak ada" in galat.value.pesan
    assert not Program.objects.filter(renstra__opd__kode=KODE).exists()

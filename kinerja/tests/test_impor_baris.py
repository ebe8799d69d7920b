"""Every row of a sheet is accounted for (issue 18, "Import defects to fix"): rows that look like
headers but are data, imports of which nothing is taken, sasaran and tujuan of a Renstra matrix,
tables without codes and six-year periods, a column with one malformed amount, header synonyms,
percentages at their printed precision, names cut by a page break. Each workbook is built here
with openpyxl."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from kinerja import importers
from kinerja.importers import hasil as hasil_modul
from kinerja.importers import sinonim, tabel
from kinerja.models import RealisasiAnggaran
from renstra.models import Indikator, Kegiatan, Pagu, Program, Sasaran, SubKegiatan, Target, Tujuan
from renstra.tests.factories import (
    KegiatanFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SubKegiatanFactory,
)

pytestmark = pytest.mark.django_db


def buku(path, baris, nama="Tabel"):
    wb = Workbook()
    ws = wb.active
    ws.title = nama
    for isi in baris:
        ws.append(list(isi))
    wb.save(path)
    return path


def status_baris(hasil):
    return {a.baris: (a.status, a.alasan) for a in hasil.akun_baris()}


def assert_semua_terhitung(hasil):
    akun = hasil.akun_baris()
    assert len(akun) == hasil.baris_dibaca
    assert not [a for a in akun if a.status == hasil_modul.TAK_TERHITUNG], akun


# ---------------------------------------------------------------------------------------------
# Matriks Renstra
# ---------------------------------------------------------------------------------------------

KEPALA_MATRIKS = [
    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "2025", None, "2026", None],
    [None, None, None, None, "Target", "Rp", "Target", "Rp"],
]


def test_rows_naming_program_and_kegiatan_are_data_not_repeated_headers(tmp_path):
    opd = PerangkatDaerahFactory()
    baris = [
        *KEPALA_MATRIKS,
        ["1.06.02", "Program Peningkatan Kegiatan Sosial", "Persentase PMKS tertangani", "%", "80", None, "85"],
        ["1.06.02.2.01", "Kegiatan penyuluhan program KB", "Jumlah penyuluhan", "Kali", "4", None, "4"],
        ["1.06.02.2.01.0001", "Penyuluhan keluarga", "Jumlah keluarga", "KK", "10", "1.000.000", "12", "1.200.000"],
        # a real header repeated on a new page
        ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "2025", None, "2026"],
    ]
    berkas = buku(tmp_path / "m.xlsx", baris)

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, simpan=True)

    assert hasil.sah, hasil.galat
    assert Program.objects.get(kode="1.06.02").uraian == "Program Peningkatan Kegiatan Sosial"
    assert Kegiatan.objects.filter(kode="1.06.02.2.01").exists()
    assert SubKegiatan.objects.get(kode="1.06.02.2.01.0001").kegiatan.kode == "1.06.02.2.01"
    assert status_baris(hasil)[6] == ("diabaikan", tabel.ALASAN_KEPALA_BERULANG)
    assert_semua_terhitung(hasil)


@pytest.mark.parametrize(
    "isi,kepala",
    [
        (["1.06.02", "Program Peningkatan Kegiatan Sosial", "Persentase", "%", "80"], False),
        ([None, "Kegiatan penyuluhan program KB", "Jumlah penyuluhan", "Kali", None], False),
        ([None, "Program Peningkatan Kegiatan Sosial"], False),
        (["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "2025"], True),
    ],
)
def test_a_row_is_a_header_by_its_shape(isi, kepala):
    def penanda(s):
        return ("program" in s and "kegiatan" in s) or s.startswith("indikator")

    assert tabel.baris_kepala_berulang(isi, penanda) is kepala


def test_matrix_creates_tujuan_and_sasaran_coded_1_1_with_indicators_and_targets(tmp_path):
    opd = PerangkatDaerahFactory()
    baris = [
        *KEPALA_MATRIKS,
        ["1", "Meningkatnya kesejahteraan sosial", "Indeks kesejahteraan", "Indeks", "70", None, "72"],
        ["1.1", "Meningkatnya penanganan PMKS", "Persentase PMKS tertangani", "%", "60", None, "65"],
        ["1.06.02", "Program Rehabilitasi Sosial", "Persentase penyandang disabilitas", "%", "50", None, "55"],
        ["1.06.02.2.01", "Rehabilitasi Sosial Dasar", "Jumlah orang", "Orang", "10", None, "12"],
        ["1.06.02.2.01.0001", "Pemberian layanan", "Jumlah orang", "Orang", "10", "5.000.000", "12", "6.000.000"],
    ]
    berkas = buku(tmp_path / "m.xlsx", baris)

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, simpan=True)

    assert hasil.sah, hasil.galat
    tujuan = Tujuan.objects.get(renstra__opd=opd)
    sasaran = Sasaran.objects.get(tujuan=tujuan)
    assert (tujuan.kode, sasaran.kode, sasaran.uraian) == ("1", "1.1", "Meningkatnya penanganan PMKS")
    ind = Indikator.objects.get(sasaran=sasaran)
    assert ind.uraian == "Persentase PMKS tertangani"
    assert {t.tahun: t.nilai for t in Target.objects.filter(indikator=ind)} == {2025: 60, 2026: 65}
    assert Indikator.objects.filter(tujuan=tujuan).count() == 1
    assert Program.objects.get(kode="1.06.02").sasaran == sasaran
    assert_semua_terhitung(hasil)

    lagi = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, simpan=True)
    assert lagi.sah and not lagi.ada_perubahan


def test_matrix_with_tujuan_and_sasaran_columns_creates_them(tmp_path):
    opd = PerangkatDaerahFactory()
    baris = [
        ["Tujuan", "Sasaran", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "2025", None],
        [None, None, None, None, None, None, "Target", "Rp"],
        ["Meningkatnya kesejahteraan", "Menurunnya PMKS", "1.06.02", "Program Rehabilitasi", "Persentase", "%", "50"],
        [None, None, "1.06.02.2.01", "Rehabilitasi Dasar", "Jumlah orang", "Orang", "10"],
        [None, None, "1.06.02.2.01.0001", "Pemberian layanan", "Jumlah orang", "Orang", "10", "5.000.000"],
    ]
    berkas = buku(tmp_path / "m.xlsx", baris)

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, simpan=True)

    assert hasil.sah, hasil.galat
    sasaran = Sasaran.objects.get(tujuan__renstra__opd=opd)
    assert (sasaran.tujuan.uraian, sasaran.uraian, sasaran.kode) == (
        "Meningkatnya kesejahteraan",
        "Menurunnya PMKS",
        "",
    )
    assert Program.objects.get(kode="1.06.02").sasaran == sasaran


def matriks_tanpa_kode(tahun):
    """A pre-2021 matrix: no code anywhere, programmes and their kegiatan only."""
    kepala = ["No", "Program/Kegiatan", "Indikator", "Satuan"]
    sub = [None, None, None, None]
    for t in tahun:
        kepala += [str(t), None]
        sub += ["Target", "Rp"]
    baris = [kepala, sub]
    baris.append(["1", "Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial", "Persentase PMKS", "%"])
    baris[-1] += [x for t in tahun for x in ("80", None)]
    baris.append([None, "Pemberdayaan fakir miskin", "Jumlah KK", "KK"])
    baris[-1] += [x for i, t in enumerate(tahun) for x in (str(10 + i), f"{i + 1}.000.000")]
    return baris


def test_matrix_without_codes_of_six_years_imports_tanpa_kode_keyed_by_uraian(tmp_path):
    opd = PerangkatDaerahFactory()
    tahun = list(range(2016, 2022))
    berkas = buku(tmp_path / "m.xlsx", matriks_tanpa_kode(tahun))

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2017, simpan=True)

    assert hasil.sah, hasil.galat
    program = Program.objects.get(renstra__opd=opd)
    assert (program.kode, program.renstra.tahun_awal, program.renstra.tahun_akhir) == ("", 2016, 2021)
    kegiatan = Kegiatan.objects.get(program=program)
    assert (kegiatan.kode, kegiatan.uraian) == ("", "Pemberdayaan fakir miskin")
    wakil = SubKegiatan.objects.get(kegiatan=kegiatan)
    assert wakil.mewakili_kegiatan and wakil.kode == ""
    assert Pagu.objects.get(sub_kegiatan=wakil, tahun=2021).indikatif == 6_000_000
    assert_semua_terhitung(hasil)

    lagi = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2017, simpan=True)
    assert lagi.sah and not lagi.ada_perubahan, lagi.baris_jumlah()


def test_matrix_of_seven_years_is_refused_in_the_preview_in_indonesian(tmp_path):
    opd = PerangkatDaerahFactory()
    berkas = buku(tmp_path / "m.xlsx", matriks_tanpa_kode(list(range(2016, 2023))))

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2017)

    assert [m.pesan for m in hasil.galat] == [
        "Kolom tahun matriks mencakup 2016–2022 (7 tahun), sedangkan periode Renstra paling lama 6 tahun. "
        "Periksa kepala kolom tahunnya."
    ]


def test_matrix_continuation_row_is_joined_naming_both_rows(tmp_path):
    opd = PerangkatDaerahFactory()
    baris = [
        *KEPALA_MATRIKS,
        ["1.06.02", "Program Rehabilitasi Sosial", "Persentase", "%", "50"],
        ["1.06.02.2.01", "Rehabilitasi Sosial Dasar Penyandang", "Jumlah orang", "Orang", "10"],
        [None, "Disabilitas Terlantar"],
        ["1.06.02.2.01.0001", "Pemberian layanan", "Jumlah orang", "Orang", "10", "5.000.000"],
    ]
    hasil = importers.jalankan("matriks-renstra", buku(tmp_path / "m.xlsx", baris), opd=opd, tahun=2025, simpan=True)

    assert hasil.sah, hasil.galat
    assert Kegiatan.objects.get().uraian == "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar"
    assert any("Baris 5" in m.pesan and "baris 4" in m.pesan for m in hasil.peringatan)
    assert status_baris(hasil)[5][0] == "diabaikan"


# ---------------------------------------------------------------------------------------------
# Realisasi anggaran
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def renstra_anggaran():
    opd = PerangkatDaerahFactory()
    renstra = RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    program = ProgramFactory(renstra=renstra, kode="1.06.02", uraian="Program Peningkatan Kegiatan Sosial")
    kegiatan = KegiatanFactory(program=program, kode="1.06.02.2.01", uraian="Kegiatan penyuluhan program KB")
    sub = SubKegiatanFactory(kegiatan=kegiatan, kode="1.06.02.2.01.0001", uraian="Pemberian Layanan Kedaruratan")
    return opd, sub


KEPALA_ANGGARAN = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Anggaran Induk", "Anggaran Perubahan", "Realisasi", "%"]


def test_budget_import_whose_every_row_is_ignored_is_an_error_and_the_command_exits_1(tmp_path, renstra_anggaran):
    opd, _ = renstra_anggaran
    berkas = buku(tmp_path / "a.xlsx", [KEPALA_ANGGARAN, [None, "JUMLAH", "0", "0", "0"], KEPALA_ANGGARAN])

    hasil = importers.jalankan("realisasi-anggaran", berkas, opd=opd, tahun=2024)

    assert not hasil.sah
    assert hasil.galat[-1].pesan.startswith("Tidak ada satu pun baris data yang dapat diimpor: 3 baris dibaca")
    assert_semua_terhitung(hasil)
    with pytest.raises(CommandError) as e:
        call_command("impor", "realisasi-anggaran", str(berkas), opd=opd.kode, tahun=2024)
    assert e.value.returncode == 1


def test_budget_program_row_naming_kegiatan_is_checked_as_a_sum_not_dropped(tmp_path, renstra_anggaran):
    opd, _ = renstra_anggaran
    baris = [
        KEPALA_ANGGARAN,
        ["1.06.02", "Program Peningkatan Kegiatan Sosial", "1.000.000", "1.000.000", "900.000", "90,00"],
        ["1.06.02.2.01", "Kegiatan penyuluhan program KB", "1.000.000", "1.000.000", "900.000", "90,00"],
        ["1.06.02.2.01.0001", "Pemberian Layanan Kedaruratan", "1.000.000", "1.000.000", "900.000", "90,00"],
    ]
    hasil = importers.jalankan("realisasi-anggaran", buku(tmp_path / "a.xlsx", baris), opd=opd, tahun=2024)

    assert hasil.sah, hasil.galat
    akun = status_baris(hasil)
    assert akun[2][1].startswith("Baris program") and akun[3][1].startswith("Baris kegiatan")
    assert akun[4][0] == "diimpor"
    assert_semua_terhitung(hasil)


def test_one_malformed_amount_is_reported_alone_and_the_column_stays_indonesian(tmp_path):
    opd = PerangkatDaerahFactory()
    renstra = RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    kegiatan = KegiatanFactory(program=ProgramFactory(renstra=renstra, kode="1.06.02"), kode="1.06.02.2.01")
    baris = [["Kode", "Program/Kegiatan/Sub Kegiatan", "Anggaran Induk", "Realisasi"]]
    for i in range(1, 35):
        sub = SubKegiatanFactory(kegiatan=kegiatan, kode=f"1.06.02.2.01.{i:04d}", uraian=f"Sub {i}")
        baris.append([sub.kode, sub.uraian, "513.211.0000" if i == 7 else "1.234.567", "1.000.000"])
    hasil = importers.jalankan("realisasi-anggaran", buku(tmp_path / "a.xlsx", baris), opd=opd, tahun=2024)

    assert [(m.lembar, m.baris, m.kolom) for m in hasil.galat] == [("Tabel", 8, "C")]
    assert hasil.galat[0].pesan == (
        '"513.211.0000" bukan angka. Tulis seperti 1.234,5 (titik pemisah ribuan, koma desimal).'
    )


@pytest.mark.parametrize("anggaran", ["Anggaran (Rp)", "Pagu", "ANGGARAN", "Pagu Anggaran"])
@pytest.mark.parametrize("realisasi", ["Realisasi (Rp)", "Realisasi"])
@pytest.mark.parametrize("persen", ["Prosentase (%)", "Persentase", "Capaian (%)", "%"])
def test_budget_headers_are_recognised_through_their_synonyms(tmp_path, renstra_anggaran, anggaran, realisasi, persen):
    opd, sub = renstra_anggaran
    baris = [
        ["Kode", "Program/Kegiatan/Sub Kegiatan", anggaran, realisasi, persen],
        ["1.06.02.2.01.0001", "Pemberian Layanan Kedaruratan", "1.000.000", "997.600", "99,75"],
    ]
    hasil = importers.jalankan("realisasi-anggaran", buku(tmp_path / "a.xlsx", baris), opd=opd, tahun=2024, simpan=True)

    assert hasil.sah, hasil.galat
    assert Pagu.objects.get(sub_kegiatan=sub, tahun=2024).induk == 1_000_000
    assert RealisasiAnggaran.objects.get(sub_kegiatan=sub, tahun=2024, triwulan=4).nilai == 997_600
    assert [m.kolom for m in hasil.peringatan] == ["E"]  # 99,76 computed, 99,75 printed


def test_percentage_typed_as_a_number_is_compared_at_its_printed_precision(tmp_path, renstra_anggaran):
    opd, _ = renstra_anggaran
    baris = [
        KEPALA_ANGGARAN,
        ["1.06.02.2.01.0001", "Pemberian Layanan Kedaruratan", 1_000_000, None, 997_600, 99.75],
    ]
    hasil = importers.jalankan("realisasi-anggaran", buku(tmp_path / "a.xlsx", baris), opd=opd, tahun=2024)

    assert hasil.sah
    assert [m.pesan.split(",")[0] for m in hasil.peringatan] == ["Persen tercetak 99.75"]

    baris[1][-1] = 100  # printed as a whole percent: 99,76 rounds to it
    hasil = importers.jalankan("realisasi-anggaran", buku(tmp_path / "b.xlsx", baris), opd=opd, tahun=2024)
    assert not hasil.peringatan


def test_a_name_cut_by_a_page_break_is_joined_and_a_name_in_the_no_column_is_read(tmp_path, renstra_anggaran):
    opd, sub = renstra_anggaran
    baris = [
        ["No", "Program/Kegiatan/Sub Kegiatan", "Anggaran Induk", "Realisasi"],
        ["PROGRAM PENINGKATAN KEGIATAN SOSIAL", None, "1.000.000", "900.000"],
        [None, "Kegiatan penyuluhan program KB", "1.000.000", "900.000"],
        ["1", "Pemberian Layanan", "1.000.000", "900.000"],
        [None, "Kedaruratan"],
    ]
    hasil = importers.jalankan("realisasi-anggaran", buku(tmp_path / "a.xlsx", baris), opd=opd, tahun=2024, simpan=True)

    assert hasil.sah, hasil.galat
    assert RealisasiAnggaran.objects.get(sub_kegiatan=sub).nilai == 900_000
    assert any(m.baris == 5 and "baris 4" in m.pesan for m in hasil.peringatan)
    akun = status_baris(hasil)
    assert akun[2][1].startswith("Baris program") and akun[5][0] == "diabaikan"
    assert_semua_terhitung(hasil)


def test_command_prints_the_rows_not_imported_with_their_reasons(tmp_path, renstra_anggaran, capsys):
    opd, _ = renstra_anggaran
    baris = [
        KEPALA_ANGGARAN,
        ["1.06.02.2.01.0001", "Pemberian Layanan Kedaruratan", "1.000.000", None, "900.000"],
        [None, "JUMLAH", "1.000.000", None, "900.000"],
    ]
    call_command("impor", "realisasi-anggaran", str(buku(tmp_path / "a.xlsx", baris)), opd=opd.kode, tahun=2024)

    keluaran = capsys.readouterr().out
    assert "3 baris dibaca: 1 diimpor, 2 diabaikan" in keluaran
    assert "baris 3: diabaikan — Baris jumlah" in keluaran


def test_consecutive_rows_ignored_for_one_reason_are_listed_as_one_range(tmp_path, capsys):
    berkas = tmp_path / "renstra.xlsx"
    berkas.write_bytes(importers.templat("renstra", 2025))

    call_command("impor", "renstra", str(berkas), opd="DINSOS-PPPA-CONTOH", dry_run=True)

    keluaran = capsys.readouterr().out
    assert "lembar Petunjuk baris 1–13: diabaikan — Lembar petunjuk, bukan data." in keluaran
    assert "lembar Petunjuk baris 2:" not in keluaran


def test_rows_of_a_file_refused_before_any_row_is_read_are_refused_unchecked_not_unaccounted(tmp_path):
    berkas = tmp_path / "renstra.xlsx"
    berkas.write_bytes(importers.templat("renstra", 2025))

    hasil = importers.jalankan("renstra", berkas, opd=PerangkatDaerahFactory(kode="LAIN"), tahun=None)

    assert not hasil.sah
    akun = hasil.akun_baris()
    assert_semua_terhitung(hasil)
    assert {a.alasan for a in akun if a.status == "ditolak"} == {
        'Buku kerja ini untuk perangkat daerah "DINSOS-PPPA-CONTOH", bukan LAIN yang dipilih.',  # its own row
        "Tidak diperiksa: berkas ditolak karena galat di atas.",  # every other data row
    }


# ---------------------------------------------------------------------------------------------
# Synonyms as data
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label,kunci",
    [
        ("Anggaran (Rp)", "anggaran"),
        ("Pagu", "anggaran"),
        ("Realisasi (Rp)", "realisasi"),
        ("Prosentase (%)", "persen"),
        ("Persentase", "persen"),
        ("Capaian (%)", "persen"),
        ("%", "persen"),
        ("Anggaran Perubahan", "anggaran_perubahan"),
        ("Anggaran Murni", "anggaran_induk"),
        ("Program/ Kegiatan/ Sub Kegiatan", "nama"),
        ("Indikator Kinerja Program (outcome)", "indikator"),
        ("Kodrek", "kode"),
    ],
)
def test_each_header_synonym_names_its_column(label, kunci):
    assert sinonim.kunci(label) == kunci


def test_every_synonym_is_written_normalised():
    for daftar in sinonim.SINONIM.values():
        for entri in daftar:
            assert sinonim.normalkan(entri.rstrip("*")) == entri.rstrip("*"), entri


def test_seed_layouts_keep_importing(tmp_path):
    """Each seed layout's header is read through the synonyms (the seeds' own tests in
    test_impor.py check every value)."""
    from kinerja.importers import buku as buku_modul
    from kinerja.importers import evaluasi_triwulan, matriks_renstra, realisasi_anggaran

    from .seed_xlsx import (
        SEED_ANGGARAN,
        baris_evaluasi_triwulan,
        baris_matriks_renstra,
        baris_seed,
        cari_baris,
        tulis_xlsx,
    )

    awal = cari_baris(SEED_ANGGARAN, "Tabel 3.43") + 5
    berkas = {
        "matriks": tulis_xlsx(tmp_path / "m.xlsx", {"T": baris_matriks_renstra()}),
        "evaluasi": tulis_xlsx(tmp_path / "e.xlsx", {"T": baris_evaluasi_triwulan()}),
        "anggaran": tulis_xlsx(tmp_path / "a.xlsx", {"T": baris_seed(SEED_ANGGARAN, awal, awal + 9)}),
    }
    baca = {k: buku_modul.baca_buku(v, 10)[0] for k, v in berkas.items()}
    hasil = importers.Hasil()
    kolom, _ = matriks_renstra._kolom(baca["matriks"], hasil)
    assert kolom.satuan is not None and len(kolom.target) == 5 and len(kolom.rp) == 5
    kolom, _ = realisasi_anggaran._cari_kepala(baca["anggaran"], 2024, hasil)
    assert None not in (kolom.induk, kolom.perubahan, kolom.realisasi, kolom.persen)
    tabel_evaluasi = evaluasi_triwulan._tabel(baca["evaluasi"], hasil)
    assert tabel_evaluasi and all(len(k.realisasi) == 4 and len(k.persen) == 4 for k, *_ in tabel_evaluasi)
    assert hasil.sah


def test_fixed_seed_workbooks_account_for_every_row(tmp_path):
    from .seed_xlsx import (
        baris_evaluasi_dua_bidang,
        baris_matriks_renstra,
        perbaiki_evaluasi,
        perbaiki_matriks_renstra,
        tulis_xlsx,
    )

    opd = PerangkatDaerahFactory()
    matriks = tulis_xlsx(tmp_path / "m.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())})
    hasil = importers.jalankan("matriks-renstra", matriks, opd=opd, tahun=2025, simpan=True)
    assert hasil.sah, hasil.galat
    assert_semua_terhitung(hasil)
    assert hasil.jumlah_akun()["diimpor"] > 100

    purwakarta = RenstraFactory(opd=PerangkatDaerahFactory(), tahun_awal=2023).opd
    evaluasi = tulis_xlsx(tmp_path / "e.xlsx", {"Evaluasi": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})
    hasil = importers.jalankan("evaluasi-triwulan", evaluasi, opd=purwakarta, tahun=2024, simpan=True)
    assert hasil.sah, hasil.galat
    assert_semua_terhitung(hasil)
    lagi = importers.jalankan("evaluasi-triwulan", evaluasi, opd=purwakarta, tahun=2024)
    assert set(lagi.jumlah_akun()) <= {"tetap", "diabaikan"}


def test_docs_list_every_header_synonym():
    from pathlib import Path

    from django.conf import settings

    teks = (Path(settings.BASE_DIR) / "docs" / "impor-kepala-kolom.md").read_text(encoding="utf-8")
    for kunci, daftar in sinonim.SINONIM.items():
        baris = next(b for b in teks.splitlines() if b.startswith(f"| `{kunci}` |"))
        assert all(f"`{e}`" in baris for e in daftar), kunci


def test_evaluation_joins_a_name_cut_by_a_page_break_and_reads_capaian_percent_columns(tmp_path):
    opd = RenstraFactory(opd=PerangkatDaerahFactory(), tahun_awal=2024).opd
    baris = [
        ["No", "Kodrek", "Program/Kegiatan", "Indikator", "Satuan", "Target", "Realisasi", None, "Capaian (%)"],
        [None, None, None, None, None, None, "TW 1", "TW 2", "TW 1"],
        [None, "1.06.02.2.01", "Rehabilitasi Sosial Dasar", "Jumlah orang", "Orang", "10", "5", None, "50,00"],
        [None, "1.06.02.2.01.0001", "Pemberian Layanan", "Jumlah orang", "Orang", "10", "5", None, "49,00"],
        [None, None, "Kedaruratan"],
    ]
    berkas = buku(tmp_path / "e.xlsx", baris)

    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True)

    assert hasil.sah, hasil.galat
    assert SubKegiatan.objects.get(kode="1.06.02.2.01.0001").uraian == "Pemberian Layanan Kedaruratan"
    pesan = {m.baris: m.pesan for m in hasil.peringatan}
    assert pesan[5].startswith("Baris 5 hanya berisi lanjutan nama") and "baris 4" in pesan[5]
    assert pesan[4].startswith("Persen triwulan 1 tercetak 49,00")  # the Capaian (%) column is checked
    assert_semua_terhitung(hasil)


def test_evaluation_tables_on_two_sheets_are_accounted_on_their_own_sheet(tmp_path):
    opd = RenstraFactory(opd=PerangkatDaerahFactory(), tahun_awal=2024).opd
    wb = Workbook()
    for nama, kode in (("Bidang A", "1.06.02.2.01"), ("Bidang B", "1.06.03.2.01")):
        ws = wb.create_sheet(nama)
        ws.append(["No", "Kodrek", "Program/Kegiatan", "Indikator", "Satuan", "Target", "TW 1"])
        ws.append([None, kode, "Kegiatan", "Jumlah orang", "Orang", "10", "5"])
        ws.append([None, f"{kode}.0001", "Sub kegiatan", "Jumlah orang", "Orang", "10", "5"])
    wb.remove(wb["Sheet"])
    wb.save(tmp_path / "e.xlsx")

    hasil = importers.jalankan("evaluasi-triwulan", tmp_path / "e.xlsx", opd=opd, tahun=2024)

    assert hasil.sah, hasil.galat
    assert {(a.lembar, a.baris): a.status for a in hasil.akun_baris()} == {
        (lembar, n): "diimpor" if n > 1 else "diabaikan" for lembar in ("Bidang A", "Bidang B") for n in (1, 2, 3)
    }


def test_matrix_reads_a_programme_name_written_in_the_no_column(tmp_path):
    opd = PerangkatDaerahFactory()
    baris = [
        ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "2025", None],
        [None, None, None, None, None, "Target", "Rp"],
        ["Program Perlindungan dan Jaminan Sosial", "1.06.05", None, "Persentase", "%", "50"],
        ["1", "1.06.05.2.01", "Pengelolaan Data Fakir Miskin", "Jumlah data", "Dokumen", "1"],
        [None, "1.06.05.2.01.0001", "Pendataan", "Jumlah data", "Dokumen", "1", "5.000.000"],
    ]
    hasil = importers.jalankan("matriks-renstra", buku(tmp_path / "m.xlsx", baris), opd=opd, tahun=2025, simpan=True)

    assert hasil.sah, hasil.galat
    assert Program.objects.get(kode="1.06.05").uraian == "Program Perlindungan dan Jaminan Sosial"
    assert_semua_terhitung(hasil)


def test_preview_page_lists_the_rows_not_imported_with_their_reasons(client, tmp_path, renstra_anggaran):
    from django.urls import reverse

    from kinerja.tests.factories import admin

    opd, _ = renstra_anggaran
    baris = [
        KEPALA_ANGGARAN,
        ["1.06.02.2.01.0001", "Pemberian Layanan Kedaruratan", "1.000.000", None, "900.000"],
        [None, "JUMLAH", "1.000.000", None, "900.000"],
    ]
    client.force_login(admin())
    with open(buku(tmp_path / "a.xlsx", baris), "rb") as f:
        respons = client.post(
            reverse("kinerja:impor_daftar"), {"format": "realisasi-anggaran", "opd": opd.pk, "tahun": 2024, "berkas": f}
        )

    assert respons.status_code == 302, respons.content.decode()[-3000:]
    halaman = client.get(respons["Location"]).content.decode()
    assert "3 baris terisi dibaca: 1 diimpor, 2 diabaikan." in " ".join(halaman.split())
    assert "Baris jumlah: diperiksa terhadap baris di atasnya, tidak disimpan." in halaman
    assert "Kepala tabel." in halaman


def test_budget_of_a_kegiatan_before_2021_goes_to_its_hidden_sub_kegiatan_row(tmp_path):
    opd = PerangkatDaerahFactory()
    renstra = RenstraFactory(opd=opd, tahun_awal=2016, tahun_akhir=2021)
    program = ProgramFactory(renstra=renstra, kode="", uraian="Program Pelayanan dan Rehabilitasi Sosial")
    kegiatan = KegiatanFactory(program=program, kode="", uraian="Pemberdayaan fakir miskin")
    wakil = SubKegiatanFactory(kegiatan=kegiatan, kode="", uraian=kegiatan.uraian, mewakili_kegiatan=True)
    baris = [
        ["Program/Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase"],
        ["Program Pelayanan dan Rehabilitasi Sosial", "1.000.000", "900.000", "90,00"],
        ["Pemberdayaan fakir miskin", "1.000.000", "900.000", "90,00"],
    ]
    berkas = buku(tmp_path / "a.xlsx", baris)

    hasil = importers.jalankan("realisasi-anggaran", berkas, opd=opd, tahun=2017, simpan=True)

    assert hasil.sah, hasil.galat
    assert Pagu.objects.get(sub_kegiatan=wakil, tahun=2017).induk == 1_000_000
    assert RealisasiAnggaran.objects.get(sub_kegiatan=wakil, tahun=2017).nilai == 900_000
    assert not hasil.peringatan
    assert_semua_terhitung(hasil)
    lagi = importers.jalankan("realisasi-anggaran", berkas, opd=opd, tahun=2017)
    assert lagi.sah and not lagi.ada_perubahan

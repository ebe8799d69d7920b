"""The whole Renstra in one workbook (`manage.py impor renstra`): a new agency of the shape of
issue 18 — merged Dinas of three urusan, written before 2021 without codes, a six-year Renstra
(2016–2021), annual indicators, kegiatan of the old nomenclature whose budgets come from two
sources, and the next year's programs in the new nomenclature — loaded by the command alone, and
its LKjIP, Evaluasi Renja and Perjanjian Kinerja built from what the workbook says
(laporan/tests/test_laporan_renstra_lengkap.py: the reports may import this app, not the reverse).

The figures are those of a real-looking LKjIP 2020 of such an agency (PMKS 68,60 of 70 → 98,00%;
rasio kekerasan 4,45 against 3,20, negative → 71,91%; anggaran 2020 Rp 460.000.000, after the
APBD-P Rp 455.000.000, realisasi Rp 434.750.000).
"""

import dataclasses
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from kinerja.importers import jalankan
from kinerja.importers.templat import buat_templat
from kinerja.models import Realisasi, RealisasiAnggaran
from renstra import anggaran
from renstra.models import Bidang, Indikator, Kegiatan, Pagu, PerangkatDaerah, Program, Renstra, SubKegiatan, Target

pytestmark = pytest.mark.django_db

KODE = "DSP3AKB-CONTOH"
D = Decimal

OPD = [
    ("Kode perangkat daerah", KODE),
    (
        "Nama perangkat daerah",
        "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
        "Berencana Kabupaten Contoh",
    ),
    ("Singkatan", "DSP3AKB"),
    ("Kota tempat penandatanganan", "Sukamaju"),
    ("Jabatan kepala daerah", "Bupati Contoh"),
    ("Nama kepala daerah", "H. Ahmad Fulan, S.H."),
    ("Jabatan kepala", "Kepala Dinas"),
    ("Nama kepala", "Dra. Siti Aminah, M.Si."),
    ("NIP kepala", "196805121990032004"),
    ("Pangkat/golongan kepala", "Pembina Utama Muda / IV.c"),
    ("Tahun awal Renstra", 2016),
    ("Tahun akhir Renstra", 2021),
]
BIDANG = [
    ["Nama Bidang", "Jabatan Kepala", "Nama Kepala", "NIP Kepala", "Pangkat/Golongan Kepala"],
    ["Bidang Sosial", "Kepala Bidang", "Budi Santoso, S.Sos.", "197501012000031001", "Pembina / IV.a"],
    ["Bidang Pemberdayaan Perempuan dan Perlindungan Anak", "Kepala Bidang", "Rina Wati, S.E.", "", ""],
    ["Bidang Pengendalian Penduduk dan KB", "Kepala Bidang", "Agus Salim, S.KM.", "", ""],
]
S1 = "Meningkatnya penanganan Penyandang Masalah Kesejahteraan Sosial (PMKS)"
S2 = "Meningkatnya perlindungan perempuan dan anak dari tindak kekerasan"
S3 = "Meningkatnya kesertaan ber-KB"
TUJUAN = [
    ["Tingkat", "Kode", "Uraian", "Strategi", "Arah Kebijakan", "Tujuan"],
    ["Tujuan", "", "Meningkatnya kesejahteraan sosial masyarakat", "", "", ""],
    ["Sasaran", "", S1, "Memperluas jangkauan pelayanan sosial", "Pelayanan sosial dasar bagi PMKS", ""],
    ["Tujuan", "", "Meningkatnya kesetaraan gender dan perlindungan anak", "", "", ""],
    ["Sasaran", "", S2, "Penguatan layanan pengaduan", "Perlindungan perempuan dan anak", ""],
    ["Tujuan", "", "Terkendalinya pertumbuhan penduduk", "", "", ""],
    ["Sasaran", "", S3, "", "", ""],
]
P1 = "Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial"
P2 = "Program Peningkatan Kualitas Hidup dan Perlindungan Perempuan"
P3 = "Program Keluarga Berencana"
K1 = "Pelayanan dan Perlindungan Sosial Lanjut Usia"
K2 = "Pemberdayaan Fakir Miskin"
K3 = "Sosialisasi Pencegahan Kekerasan terhadap Perempuan dan Anak"
K4 = "Pelayanan KIE Keluarga Berencana"
PROGRAM = [
    ["Tingkat", "Kode", "Uraian", "Induk", "Sasaran", "Bidang", "Berlaku Mulai", "Berlaku Sampai", "Pendahulu"],
    # the nomenclature before 2021: no codes, program → kegiatan
    ["Program", "", P1, "", S1, "Bidang Sosial", "", 2020, ""],
    ["Kegiatan", "", K1, "", "", "", "", 2020, ""],
    ["Kegiatan", "", K2, "", "", "", "", 2020, ""],
    ["Program", "", P2, "", S2, "Bidang Pemberdayaan Perempuan dan Perlindungan Anak", "", 2020, ""],
    ["Kegiatan", "", K3, "", "", "", "", 2020, ""],
    ["Program", "", P3, "", S3, "Bidang Pengendalian Penduduk dan KB", "", 2020, ""],
    ["Kegiatan", "", K4, "", "", "", "", 2020, ""],
    # 2021: Permendagri 90/2019, each program naming the one it replaces
    ["Program", "1.06.04", "Program Rehabilitasi Sosial", "", S1, "Bidang Sosial", 2021, "", P1],
    [
        "Kegiatan",
        "1.06.04.2.01",
        "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, "
        "serta Gelandangan Pengemis di Luar Panti Sosial",
        "",
        "",
        "",
        2021,
        "",
        "",
    ],
    ["Sub Kegiatan", "1.06.04.2.01.0001", "Penyediaan Permakanan", "", "", "", 2021, "", ""],
    [
        "Program",
        "2.08.02",
        "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan",
        "",
        S2,
        "Bidang Pemberdayaan Perempuan dan Perlindungan Anak",
        2021,
        "",
        P2,
    ],
    [
        "Kegiatan",
        "2.08.02.2.01",
        "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota",
        "",
        "",
        "",
        2021,
        "",
        "",
    ],
    [
        "Sub Kegiatan",
        "2.08.02.2.01.0001",
        "Koordinasi dan Sinkronisasi Perumusan Kebijakan Pelaksanaan PUG",
        "",
        "",
        "",
        2021,
        "",
        "",
    ],
    [
        "Program",
        "2.14.02",
        "Program Pengendalian Penduduk",
        "",
        S3,
        "Bidang Pengendalian Penduduk dan KB",
        2021,
        "",
        P3,
    ],
    [
        "Kegiatan",
        "2.14.02.2.01",
        "Pemaduan dan Sinkronisasi Kebijakan Pemerintah Daerah Provinsi dengan Pemerintah Daerah Kabupaten/Kota "
        "dalam rangka Pengendalian Kuantitas Penduduk",
        "",
        "",
        "",
        2021,
        "",
        "",
    ],
    [
        "Sub Kegiatan",
        "2.14.02.2.01.0001",
        "Penyerasian Kebijakan Pembangunan Daerah Kabupaten/Kota terhadap Kependudukan, Keluarga Berencana dan "
        "Pembangunan Keluarga (Program KKBPK)",
        "",
        "",
        "",
        2021,
        "",
        "",
    ],
]
I_PMKS = "Persentase PMKS yang tertangani"
I_RASIO = "Rasio kekerasan terhadap perempuan dan anak"
I_KB = "Angka kesertaan ber-KB aktif (CPR)"
I_P1 = "Jumlah PMKS yang mendapatkan pelayanan sosial"
I_K1 = "Jumlah lanjut usia terlantar yang dilayani"
I_P2 = "Jumlah kasus kekerasan yang ditangani"
I_P3 = "Jumlah peserta KB baru"
I_REHAB = "Persentase PMKS yang memperoleh rehabilitasi sosial dasar"
INDIKATOR = [
    [
        "Tingkat",
        "Pemilik",
        "Indikator",
        "Satuan",
        "Arah",
        "Nilai Tahunan",
        "Frekuensi",
        "Rumusan",
        "Sumber Data",
        "Kondisi Awal",
        "IKU",
        "Penanggung Jawab",
    ],
    [
        "Sasaran",
        S1,
        I_PMKS,
        "%",
        "Positif",
        "Akhir periode",
        "Tahunan",
        "PMKS tertangani / jumlah PMKS × 100%",
        "SIKS-NG",
        "60,50",
        "Ya",
        "",
    ],
    [
        "Tujuan dan Sasaran",
        S2,
        I_RASIO,
        "per 10.000 penduduk",
        "Negatif",
        "Akhir periode",
        "Tahunan",
        "",
        "Simfoni PPA",
        "3,50",
        "Ya",
        "",
    ],
    ["Sasaran", S3, I_KB, "%", "Positif", "Akhir periode", "Tahunan", "", "BKKBN", "58", "Ya", ""],
    ["Program", P1, I_P1, "Orang", "Positif", "Kumulatif", "Tahunan", "", "", "", "", "Bidang Sosial"],
    ["Kegiatan", K1, I_K1, "Orang", "Positif", "Kumulatif", "Tahunan", "", "", "", "", ""],
    ["Program", P2, I_P2, "Kasus", "Positif", "Kumulatif", "Tahunan", "", "", "", "", ""],
    ["Program", P3, I_P3, "Orang", "Positif", "Kumulatif", "Tahunan", "", "", "", "", ""],
    ["Program", "1.06.04", I_REHAB, "%", "Positif", "Akhir periode", "Tahunan", "", "", "", "", ""],
]
TARGET = [
    ["Indikator", "Pemilik", "Tahun", "Jenis", "Target"],
    *[[I_PMKS, "", t, "Renstra", v] for t, v in zip(range(2016, 2022), (62, 64, 66, 68, 70, 72), strict=True)],
    [I_PMKS, "", 2020, "PK", 70],
    [I_PMKS, "", 2021, "PK", 72],
    [I_RASIO, "", 2020, "Renstra", "3,20"],
    [I_RASIO, "", 2020, "PK", "3,20"],
    [I_RASIO, "", 2021, "PK", "3,00"],
    [I_KB, "", 2020, "Renstra", "60 – 62"],
    [I_KB, "", 2020, "PK", "60 – 62"],
    [I_KB, "", 2021, "PK", 63],
    [I_P1, "", 2020, "Renstra", 1200],
    [I_P1, "", 2020, "PK", 1200],
    [I_K1, "", 2020, "Renstra", 300],
    [I_P2, "", 2020, "Renstra", 40],
    [I_P3, "", 2020, "Renstra", 2500],
    [I_REHAB, "1.06.04", 2021, "Renstra", 80],
    [I_REHAB, "1.06.04", 2021, "PK", 80],
]
REALISASI = [
    ["Indikator", "Pemilik", "Tahun", "Triwulan", "Realisasi"],
    [I_PMKS, "", 2019, "", "67,10"],
    [I_PMKS, "", 2020, "", "68,60"],
    [I_RASIO, "", 2020, "", "4,45"],
    [I_KB, "", 2020, "", 61],
    [I_P1, "", 2020, "", "1.150"],
    [I_K1, "", 2020, "", 300],
    [I_P2, "", 2020, "", 38],
    [I_P3, "", 2020, "", "2.600"],
]
PAGU = [
    ["Tingkat", "Kegiatan/Sub Kegiatan", "Tahun", "Sumber Dana", "Anggaran Induk", "Anggaran Perubahan", "Realisasi"],
    # one budget line of K1 from two sources of funds; APBD-P 2020 cut K1's APBD share only
    ["Kegiatan", K1, 2020, "APBD", "150.000.000", "145.000.000", "140.250.000"],
    ["Kegiatan", K1, 2020, "DAK", "60.000.000", "60.000.000", "58.000.000"],
    ["Kegiatan", K2, 2020, "APBD", "80.000.000", "80.000.000", "79.000.000"],
    ["Kegiatan", K3, 2020, "APBD", "50.000.000", "50.000.000", "47.500.000"],
    ["Kegiatan", K4, 2020, "DAK", "120.000.000", "120.000.000", "110.000.000"],
    ["Sub Kegiatan", "1.06.04.2.01.0001", 2021, "APBD", "200.000.000", "", ""],
    ["Sub Kegiatan", "2.08.02.2.01.0001", 2021, "APBD", "75.000.000", "", ""],
    ["Sub Kegiatan", "2.14.02.2.01.0001", 2021, "DAK", "90.000.000", "", ""],
]
ANGGARAN_INDUK_2020 = 150_000_000 + 60_000_000 + 80_000_000 + 50_000_000 + 120_000_000
ANGGARAN_2020 = 145_000_000 + 60_000_000 + 80_000_000 + 50_000_000 + 120_000_000
REALISASI_2020 = 140_250_000 + 58_000_000 + 79_000_000 + 47_500_000 + 110_000_000


def buku(tmp_path, nama="renstra.xlsx", **ganti):
    lembar = {
        "Perangkat Daerah": [["Isian", "Nilai"], *[list(r) for r in OPD]],
        "Bidang": BIDANG,
        "Tujuan dan Sasaran": TUJUAN,
        "Program dan Kegiatan": PROGRAM,
        "Indikator": INDIKATOR,
        "Target": TARGET,
        "Realisasi": REALISASI,
        "Pagu": PAGU,
    } | ganti
    wb = Workbook()
    wb.remove(wb.active)
    for judul, baris in lembar.items():
        if baris is None:
            continue
        ws = wb.create_sheet(judul)
        for b in baris:
            ws.append(list(b))
    path = tmp_path / nama
    wb.save(path)
    return str(path)


def impor(path, *args):
    keluar = StringIO()
    call_command("impor", "renstra", path, "--opd", KODE, *args, stdout=keluar, stderr=StringIO())
    return keluar.getvalue()


def nilai_laporan(obj, _dilihat=None):
    """Every leaf value of a report's dataclasses (texts, numbers), for asserting what it prints."""
    dilihat = _dilihat if _dilihat is not None else set()
    if id(obj) in dilihat:
        return []
    if isinstance(obj, str | Decimal | int | float):
        return [obj]
    dilihat.add(id(obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        anak = [getattr(obj, f.name) for f in dataclasses.fields(obj)]
    elif isinstance(obj, dict):
        anak = list(obj.values())
    elif isinstance(obj, list | tuple | set):
        anak = list(obj)
    else:
        return []
    hasil = []
    for a in anak:
        hasil += nilai_laporan(a, dilihat)
    return hasil


def ada_angka(nilai, angka, desimal=2):
    angka = D(angka)
    return any(
        isinstance(v, Decimal | int) and not isinstance(v, bool) and round(D(v), desimal) == round(angka, desimal)
        for v in nilai
    )


@pytest.fixture
def dimuat(tmp_path):
    keluaran = impor(buku(tmp_path))
    assert "Disimpan." in keluaran, keluaran
    return PerangkatDaerah.objects.get(kode=KODE)


def test_a_new_agency_is_created_with_its_head_regency_and_bidang(dimuat):
    opd = dimuat
    assert opd.nama.startswith("Dinas Sosial, Pemberdayaan Perempuan")
    assert (opd.kepala_daerah_jabatan, opd.kota) == ("Bupati Contoh", "Sukamaju")
    assert (opd.kepala_nama, opd.kepala_nip, opd.kepala_pangkat) == (
        "Dra. Siti Aminah, M.Si.",
        "196805121990032004",
        "Pembina Utama Muda / IV.c",
    )
    assert Bidang.objects.filter(opd=opd).count() == 3
    assert Bidang.objects.get(opd=opd, nama="Bidang Sosial").kepala_nip == "197501012000031001"
    renstra = Renstra.objects.get(opd=opd)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2016, 2021)


def test_old_nomenclature_is_stored_without_codes_and_new_programs_name_their_predecessor(dimuat):
    lama = Program.objects.get(renstra__opd=dimuat, uraian=P1)
    assert lama.kode == "" and lama.kode_tampil == "tanpa kode" and lama.tahun_selesai == 2020
    assert lama.sasaran.uraian == S1 and lama.bidang.nama == "Bidang Sosial"
    baru = Program.objects.get(renstra__opd=dimuat, kode="1.06.04")
    assert baru.tahun_mulai == 2021 and baru.pendahulu == lama
    assert set(Program.objects.filter(renstra__opd=dimuat, kode__gt="").values_list("kode", flat=True)) == {
        "1.06.04",
        "2.08.02",
        "2.14.02",
    }
    sasaran = lama.sasaran
    assert sasaran.strategi == "Memperluas jangkauan pelayanan sosial"


def test_a_kegiatan_without_sub_kegiatan_carries_its_budget_on_one_hidden_row(dimuat):
    k1 = Kegiatan.objects.get(program__renstra__opd=dimuat, uraian=K1)
    pembawa = SubKegiatan.objects.get(kegiatan=k1)
    assert pembawa.mewakili_kegiatan and pembawa.kode == "" and pembawa.uraian == K1
    assert anggaran.pembawa_anggaran(k1) == pembawa
    pagu = {p.sumber_dana.nama: (p.induk, p.perubahan) for p in Pagu.objects.filter(sub_kegiatan=pembawa)}
    assert pagu == {"APBD": (150_000_000, 145_000_000), "DAK": (60_000_000, 60_000_000)}
    assert RealisasiAnggaran.objects.get(sub_kegiatan=pembawa, tahun=2020).triwulan == 4
    assert RealisasiAnggaran.objects.get(sub_kegiatan=pembawa, tahun=2020).nilai == 198_250_000
    # indicators stay on the kegiatan
    assert Indikator.objects.get(uraian=I_K1).kegiatan == k1


def test_annual_indicators_keep_their_year_at_the_closing_quarter(dimuat):
    pmks = Indikator.objects.get(renstra__opd=dimuat, uraian=I_PMKS)
    assert pmks.tahunan and pmks.iku and pmks.kondisi_awal == D("60.50")
    assert Realisasi.objects.get(indikator=pmks, tahun=2020).triwulan == 4
    rasio = Indikator.objects.get(uraian=I_RASIO)
    assert rasio.tujuan_id and rasio.sasaran_id and rasio.arah == Indikator.Arah.NEGATIF
    kb = Target.objects.get(indikator__uraian=I_KB, tahun=2020, jenis=Target.Jenis.RENSTRA)
    assert (kb.batas_bawah, kb.batas_atas) == (D(60), D(62))
    assert Target.objects.filter(indikator=pmks, jenis=Target.Jenis.RENSTRA).count() == 6


def test_importing_the_same_workbook_again_changes_nothing(tmp_path, dimuat):
    keluaran = impor(buku(tmp_path, "lagi.xlsx"))
    assert "Tidak ada perubahan." in keluaran, keluaran


def test_a_workbook_in_the_official_nomenclature_gives_no_warning_and_a_misnamed_code_one(tmp_path):
    hasil = jalankan("renstra", buku(tmp_path), opd=PerangkatDaerah(kode=KODE), tahun=None)
    assert hasil.sah and not hasil.peringatan, [str(m) for m in hasil.masalah]
    program = [[*b] for b in PROGRAM]
    baris = next(i for i, b in enumerate(program) if b[1] == "2.14.02")
    program[baris][2] = "Program Keluarga Berencana Baru"
    path = buku(tmp_path, "salah-nama.xlsx", **{"Program dan Kegiatan": program})
    hasil = jalankan("renstra", path, opd=PerangkatDaerah(kode=KODE), tahun=None)
    assert hasil.sah
    assert [(m.lembar, m.baris, m.kolom) for m in hasil.peringatan] == [("Program dan Kegiatan", baris + 1, "B")]
    assert "berbeda dari nomenklatur" in hasil.peringatan[0].pesan


def test_a_period_of_seven_years_is_refused_in_the_preview_in_indonesian(tmp_path):
    opd = [r if r[0] != "Tahun akhir Renstra" else ("Tahun akhir Renstra", 2022) for r in OPD]
    path = buku(tmp_path, **{"Perangkat Daerah": [["Isian", "Nilai"], *[list(r) for r in opd]]})
    hasil = jalankan("renstra", path, opd=PerangkatDaerah(kode=KODE), tahun=None)
    assert not hasil.sah
    pesan = [str(m) for m in hasil.galat]
    assert any("2016–2022 7 tahun; paling lama 6 tahun" in p and "lembar Perangkat Daerah" in p for p in pesan), pesan
    assert not PerangkatDaerah.objects.filter(kode=KODE).exists()


def test_a_bad_cell_is_named_and_nothing_is_written(tmp_path):
    target = [*TARGET, [I_PMKS, "", 2030, "Renstra", 80], ["Indikator tak dikenal", "", 2020, "PK", 1]]
    pagu = [*PAGU, ["Kegiatan", K2, 2020, "APBD", "513.211.0000x", "", ""]]
    program = [*PROGRAM, ["Sub Kegiatan", "1.06.04.2.0001", "Kode rusak", "", "", "", 2021, "", ""]]
    path = buku(tmp_path, Target=target, Pagu=pagu, **{"Program dan Kegiatan": program})
    with pytest.raises(CommandError):
        impor(path)
    hasil = jalankan("renstra", path, opd=PerangkatDaerah(kode=KODE), tahun=None)
    pesan = [str(m) for m in hasil.galat]
    assert any("lembar Target" in p and "kolom C" in p and "2030 di luar periode" in p for p in pesan), pesan
    assert any("lembar Target" in p and "Indikator tak dikenal" in p for p in pesan), pesan
    assert any("lembar Pagu" in p and "kolom E" in p for p in pesan), pesan
    assert any("lembar Program dan Kegiatan" in p and "1.06.04.2.0001" in p for p in pesan), pesan
    assert not PerangkatDaerah.objects.filter(kode=KODE).exists()


def test_dry_run_writes_nothing(tmp_path):
    keluaran = impor(buku(tmp_path), "--dry-run")
    assert "Pratinjau saja" in keluaran
    assert not PerangkatDaerah.objects.filter(kode=KODE).exists()


def test_a_later_workbook_refers_to_stored_nodes(tmp_path, dimuat):
    program = [
        PROGRAM[0],
        ["Program", "1.06.05", "Program Perlindungan dan Jaminan Sosial", "", S1, "Bidang Sosial", 2021, "", ""],
    ]
    path = buku(
        tmp_path,
        "tambahan.xlsx",
        Bidang=None,
        **{"Tujuan dan Sasaran": None, "Program dan Kegiatan": program},
        Indikator=None,
        Target=None,
        Realisasi=[REALISASI[0], [I_PMKS, "", 2021, "", "72,40"]],
        Pagu=None,
    )
    impor(path)
    assert Program.objects.get(renstra__opd=dimuat, kode="1.06.05").sasaran.uraian == S1
    assert Realisasi.objects.get(indikator__uraian=I_PMKS, tahun=2021).nilai == D("72.40")


def test_the_template_fills_an_example_and_imports_as_is(tmp_path):
    isi = buat_templat("renstra", "Renstra lengkap", 2025)
    wb = load_workbook(BytesIO(isi))
    assert {"Perangkat Daerah", "Program dan Kegiatan", "Indikator", "Pagu", "Petunjuk"} <= set(wb.sheetnames)
    path = tmp_path / "templat.xlsx"
    path.write_bytes(isi)
    hasil = jalankan("renstra", str(path), opd=PerangkatDaerah(kode=""), tahun=None)
    assert hasil.sah, [str(m) for m in hasil.masalah]
    assert hasil.ada_perubahan


def test_the_import_page_creates_a_new_agency_from_the_workbook(client, tmp_path):
    from django.urls import reverse

    from kinerja.models import Impor
    from kinerja.tests.factories import admin

    client.force_login(admin())
    with open(buku(tmp_path), "rb") as f:
        client.post(reverse("kinerja:impor_daftar"), {"format": "renstra", "opd": "", "tahun": 2026, "berkas": f})
    impor = Impor.objects.get()
    assert impor.opd is None and impor.status == Impor.Status.SIAP, impor.hasil.get("masalah")
    halaman = client.get(reverse("kinerja:impor_detail", args=[impor.pk])).content.decode()
    assert "Perangkat daerah baru dari berkas" in halaman
    assert not PerangkatDaerah.objects.filter(kode=KODE).exists()  # nothing before approval
    client.post(reverse("kinerja:impor_simpan", args=[impor.pk]))
    impor.refresh_from_db()
    assert impor.status == Impor.Status.SELESAI
    assert impor.opd == PerangkatDaerah.objects.get(kode=KODE)


def test_only_the_renstra_workbook_may_leave_the_agency_to_the_file(client, tmp_path):
    from django.urls import reverse

    from kinerja.models import Impor
    from kinerja.tests.factories import admin

    client.force_login(admin())
    with open(buku(tmp_path), "rb") as f:
        respons = client.post(
            reverse("kinerja:impor_daftar"), {"format": "matriks-renstra", "opd": "", "tahun": 2026, "berkas": f}
        )
    assert "hanya buku kerja Renstra lengkap yang membuat perangkat daerah baru" in respons.content.decode()
    assert not Impor.objects.exists()


def test_every_row_of_the_workbook_is_accounted_for(tmp_path):
    """With the row account of kinerja.importers.hasil (another part of issue 18): no row read is
    left without an account."""
    hasil = jalankan("renstra", buku(tmp_path), opd=PerangkatDaerah(kode=KODE), tahun=None)
    if not hasattr(hasil, "akun_baris"):
        pytest.skip("the row account is not there yet")
    tak_terhitung = [a for a in hasil.akun_baris() if a.status == "tak_terhitung"]
    assert not tak_terhitung

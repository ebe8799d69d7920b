"""Importing the seeds' own tables (written to XLSX exactly as printed) through the hierarchical
importers, the management command and the import page."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import importers
from kinerja.demo import muat_demo
from kinerja.importers import keputusan
from kinerja.models import Impor, Realisasi, RealisasiAnggaran
from kinerja.tests.factories import admin, operator, verifikator
from renstra.models import Bidang, Indikator, Kegiatan, Pagu, PerangkatDaerah, Program, Renstra, SubKegiatan, Target
from renstra.selectors import renstra_berlaku
from renstra.tests.factories import PerangkatDaerahFactory, RenstraFactory

from .seed_xlsx import (
    SEED_ANGGARAN,
    baris_evaluasi_dua_bidang,
    baris_evaluasi_triwulan,
    baris_matriks_renstra,
    baris_seed,
    cari_baris,
    perbaiki_evaluasi,
    perbaiki_matriks_renstra,
    tulis_xlsx,
)

pytestmark = pytest.mark.django_db

MODEL_RENSTRA = (Renstra, Program, Kegiatan, SubKegiatan, Indikator, Target, Pagu)


def jumlah_baris():
    """Rows of every table an import may touch, with their history."""
    model = [*MODEL_RENSTRA, Bidang, Realisasi, RealisasiAnggaran]
    riwayat = [m.history.model for m in model if hasattr(m, "history")]
    return {m.__name__: m.objects.count() for m in [*model, *riwayat]}


@pytest.fixture
def matriks(tmp_path):
    return tulis_xlsx(tmp_path / "matriks.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())})


def target(opd, kode, tahun):
    return {
        t.indikator.uraian: t.nilai
        for t in Target.objects.filter(indikator__renstra__opd=opd, tahun=tahun).select_related("indikator")
        if (t.indikator.pemilik.kode == kode)
    }


# ---------------------------------------------------------------------------------------------
# Matriks Renstra (seed 002, Tabel 4.1)
# ---------------------------------------------------------------------------------------------


def test_raw_seed_matrix_is_refused_naming_the_broken_rows_and_nothing_is_written(tmp_path):
    opd = PerangkatDaerahFactory()
    berkas = tulis_xlsx(tmp_path / "mentah.xlsx", {"Tabel 4.1": baris_matriks_renstra()})
    sebelum = jumlah_baris()

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, simpan=True)

    assert not hasil.sah and not hasil.disimpan
    galat = [(m.baris, m.kolom, m.pesan) for m in hasil.galat]
    assert galat[0] == (51, "A", 'Baris hanya berisi kode "0015" tanpa uraian; lengkapi atau hapus barisnya.')
    assert [(b, k) for b, k, _ in galat[1:]] == [(127, "L"), (127, "N"), (127, "P"), (127, "R")]
    assert galat[1][2].startswith("Pagu 2026 tertulis Rp 1: isi baris ini tampaknya bergeser satu kolom")
    assert jumlah_baris() == sebelum


def test_seed_matrix_builds_the_batu_bara_hierarchy_with_the_printed_targets_and_pagu(matriks):
    opd = PerangkatDaerahFactory()

    hasil = importers.jalankan("matriks-renstra", matriks, opd=opd, tahun=2025, simpan=True)

    assert hasil.sah and hasil.disimpan
    renstra = Renstra.objects.get(opd=opd)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2025, 2029)
    assert Program.objects.filter(renstra=renstra).count() == 10
    assert Kegiatan.objects.filter(program__renstra=renstra).count() == 28
    assert SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).count() == 98
    # Numbers as printed in Tabel 4.1
    assert target(opd, "1.06.01", 2025) == {"NILAI AKIP": Decimal(73)}
    assert target(opd, "1.06.01", 2029) == {"NILAI AKIP": Decimal(81)}
    assert list(target(opd, "1.06.02", 2025).values()) == [Decimal(1030)]  # "1.030"
    assert list(target(opd, "1.06.02.2.03.0016", 2025).values()) == [Decimal(1000)]  # "1.000"
    assert list(target(opd, "1.06.04", 2026).values()) == [Decimal(5692)]  # "5.692"
    sub = SubKegiatan.objects.get(kode="1.06.02.2.03.0004", kegiatan__program__renstra=renstra)
    assert [t.nilai for t in Target.objects.filter(indikator__sub_kegiatan=sub).order_by("tahun")] == [
        1,
        2,
        100,
        100,
        100,
    ]
    assert [p.indikatif for p in sub.pagu.order_by("tahun")] == [
        50_000_000,
        153_040_000,
        190_000_000,
        190_000_000,
        190_000_000,
    ]
    gaji = SubKegiatan.objects.get(kode="1.06.01.2.02.0001", kegiatan__program__renstra=renstra)
    assert gaji.pagu.get(tahun=2025).indikatif == 3_666_665_410
    assert gaji.pagu.get(tahun=2026).indikatif == 3_839_659_811
    reunifikasi = SubKegiatan.objects.get(kode="1.06.04.2.02.0012", kegiatan__program__renstra=renstra)
    assert reunifikasi.pagu.get(tahun=2027).indikatif == 50_000_000  # printed "50.000.000,00"
    # Kegiatan and programme budgets are sums, never stored
    assert not Pagu.objects.filter(sub_kegiatan__kode="1.06.01.2.02").exists()
    # A cell cut by a page break is joined to its row
    assert (
        Indikator.objects.get(sub_kegiatan__kode="1.06.01.2.06.0002", renstra=renstra).uraian
        == "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan"
    )
    # The seed's percentages summed to 500 are reported, the commas in codes said once
    pesan = [m.pesan for m in hasil.peringatan]
    assert "Kondisi akhir tercetak 500, sedangkan menurut aturan indikator (target tahun terakhir) 100." in " ".join(
        pesan
    )
    assert any(p.startswith("Kode pada 99 baris ditulis dengan koma") for p in pesan)


def test_importing_the_same_matrix_twice_reports_everything_unchanged_and_writes_nothing(matriks):
    opd = PerangkatDaerahFactory()
    importers.jalankan("matriks-renstra", matriks, opd=opd, tahun=2025, simpan=True)
    sebelum = jumlah_baris()

    hasil = importers.jalankan("matriks-renstra", matriks, opd=opd, tahun=2025, simpan=True)

    assert hasil.sah and not hasil.ada_perubahan
    assert hasil.total("dibuat") == hasil.total("diubah") == 0
    assert hasil.jumlah["Target"]["tetap"] == 518 and hasil.jumlah["Pagu"]["tetap"] == 345
    assert jumlah_baris() == sebelum


def test_seed_matrix_matches_the_batu_bara_demo_built_from_the_same_table(matriks):
    muat_demo()
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BATUBARA")

    hasil = importers.jalankan("matriks-renstra", matriks, opd=opd, tahun=2025)

    assert hasil.sah
    assert hasil.total("dibuat") == hasil.total("diubah") == 0
    assert hasil.jumlah["Sub kegiatan"]["tetap"] == 98


def test_a_changed_target_is_an_update_and_only_it_is_written(tmp_path):
    opd = PerangkatDaerahFactory()
    baris = perbaiki_matriks_renstra(baris_matriks_renstra())
    importers.jalankan(
        "matriks-renstra", tulis_xlsx(tmp_path / "a.xlsx", {"M": baris}), opd=opd, tahun=2025, simpan=True
    )
    nilai_akip = next(b for b in baris if "NILAI AKIP" in b)
    nilai_akip[8] = "74"  # 2025 target, printed 73
    riwayat = Target.history.count()

    hasil = importers.jalankan(
        "matriks-renstra", tulis_xlsx(tmp_path / "b.xlsx", {"M": baris}), opd=opd, tahun=2025, simpan=True
    )

    assert hasil.jumlah["Target"] == {"dibuat": 0, "diubah": 1, "tetap": 517}
    assert target(opd, "1.06.01", 2025) == {"NILAI AKIP": Decimal(74)}
    assert Target.history.count() == riwayat + 1


def test_a_dry_run_previews_without_writing(matriks):
    opd = PerangkatDaerahFactory()
    sebelum = jumlah_baris()

    hasil = importers.jalankan("matriks-renstra", matriks, opd=opd, tahun=2025)

    assert hasil.sah and not hasil.disimpan
    assert hasil.jumlah["Program"]["dibuat"] == 10
    assert jumlah_baris() == sebelum


# ---------------------------------------------------------------------------------------------
# Evaluasi kinerja triwulan (seed 000)
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def purwakarta():
    return RenstraFactory(opd=PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Purwakarta"), tahun_awal=2023).opd


def test_raw_evaluation_workbook_is_refused_naming_each_broken_row(tmp_path, purwakarta):
    berkas = tulis_xlsx(tmp_path / "mentah.xlsx", {"Evaluasi": baris_evaluasi_dua_bidang()})
    sebelum = jumlah_baris()

    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=purwakarta, tahun=2024, simpan=True)

    assert not hasil.disimpan
    assert [(m.baris, m.kolom) for m in hasil.galat] == [(23, "B"), (38, "B"), (84, "D"), (100, "B"), (104, "A")]
    pesan = [m.pesan for m in hasil.galat]
    # the hint reads the sub kegiatan below (1.06.04.2.01.0001 …), not the code's own shape
    assert pesan[0] == (
        'Kode kegiatan "1.06.04.2.0001" tidak sesuai bentuk kode kegiatan; sub kegiatan di bawahnya berkode '
        "1.06.04.2.01.NNNN, jadi kodenya mungkin 1.06.04.2.01."
    )
    assert pesan[1].endswith("Di bawah kegiatan 1.06.04.2.02 kodenya berbentuk 1.06.04.2.02.NNNN.")
    assert pesan[3] == 'Kode "1.06.06.2.01.04" sudah dipakai pada lembar Evaluasi baris 99.'
    assert pesan[4].startswith('Baris bergeser: kode "1.06.06.2.02.02" berada di kolom No.')
    assert jumlah_baris() == sebelum


def test_the_third_bidang_table_interleaved_with_narrative_is_refused_cell_by_cell(tmp_path, purwakarta):
    berkas = tulis_xlsx(tmp_path / "mentah.xlsx", {"Evaluasi": baris_evaluasi_triwulan()})

    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=purwakarta, tahun=2024)

    narasi = [m for m in hasil.galat if "bukan angka" in m.pesan]
    assert {(m.baris, m.kolom) for m in narasi} >= {(176, "G"), (176, "I"), (176, "K"), (183, "M")}


def test_fixed_evaluation_workbook_writes_targets_and_quarterly_realisations_as_printed(tmp_path, purwakarta):
    berkas = tulis_xlsx(tmp_path / "evaluasi.xlsx", {"Evaluasi": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})

    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=purwakarta, tahun=2024, simpan=True)

    assert hasil.sah and hasil.disimpan, hasil.galat

    def tw(kode):
        ind = Indikator.objects.get(sub_kegiatan__kode=kode, renstra__opd=purwakarta)
        return list(
            Realisasi.objects.filter(indikator=ind, tahun=2024).order_by("triwulan").values_list("triwulan", "nilai")
        ), ind.target.get(tahun=2024).nilai

    assert tw("1.06.04.2.01.0001") == ([(1, 58), (2, 97), (3, 80), (4, 40)], 40)  # Penyediaan Permakanaan
    assert tw("1.06.02.2.03.0002") == ([(1, 0), (2, 0), (3, 15), (4, 0)], 17)  # "-" is 0
    assert tw("1.06.05.2.02.01") == ([(1, 10994), (2, 16455), (3, 27218), (4, 44214)], 34000)  # "34.000"
    assert tw("1.06.05.2.02.02") == ([(1, 108811), (2, 110048), (3, 88882), (4, 110354)], 103538)
    assert tw("1.06.06.2.01.01") == ([(1, 802), (2, 848), (3, 882), (4, 1088)], 100)
    # programme codes follow from their kegiatan; bidang from the titles and rows
    assert Program.objects.get(kode="1.06.04", renstra__opd=purwakarta).uraian == "PROGRAM REHABILITASI SOSIAL"
    assert Program.objects.get(kode="1.06.02", renstra__opd=purwakarta).bidang.nama == (
        "Bidang Rehabilitasi dan Pemberdayaan Sosial"
    )
    assert SubKegiatan.objects.get(kode="1.06.03.2.01.0001", kegiatan__program__renstra__opd=purwakarta).refocusing
    assert SubKegiatan.objects.get(kode="1.06.04.2.02.0011", kegiatan__program__renstra__opd=purwakarta).refocusing
    # printed percentages are checked, not imported: 15 of 17 is 88,24%, printed truncated
    peringatan = {(m.baris, m.kolom): m.pesan for m in hasil.peringatan if m.jenis != "rentang"}
    # a quarter far above every predikat scale is imported as typed, and said
    rentang = {(m.baris, m.triwulan): m.pesan for m in hasil.peringatan if m.jenis == "rentang"}
    assert rentang[(24, 2)] == (
        "Capaian triwulan 2 242,50% (realisasi 97 dari target 40) jauh di atas 200%: periksa satuan target dan "
        "realisasinya. Nilai diimpor sebagaimana tertulis."
    )
    assert (24, 1) not in rentang  # 58 of 40: 145,00%
    assert peringatan[(14, "L")] == (
        "Persen triwulan 3 tercetak 88,23%, sedangkan dihitung 88,24% (realisasi 15 dari target 17). "
        "Persen tidak diimpor; ia dihitung."
    )
    assert peringatan[(26, "N")].startswith("Persen triwulan 4 tercetak 100,00%, sedangkan dihitung 0,00%")
    # the kegiatan of row 18 has no code: the one its sub kegiatan begin with is used, and said
    assert peringatan[(18, "B")] == (
        "Kode kegiatan kosong; dipakai 1.06.03.2.01, awal kode sub kegiatan di bawahnya (1.06.03.2.01.0001)."
    )
    # new nodes are checked against the nomenclature in force in 2024 (the seed's typo named)
    assert peringatan[(24, "")] == (
        "Nama sub kegiatan 1.06.04.2.01.0001 berbeda dari nomenklatur Kepmendagri 900.1.15.5-1317/2023: "
        "«Penyediaan Permakanan»."
    )
    lain = [p for p in peringatan.values() if "nomenklatur" not in p]
    assert len(lain) == 5  # the three above and the two second forms skipped
    assert (24, "H") not in peringatan  # 58 of 40 is 145,00%, as printed


def test_importing_the_evaluation_twice_changes_nothing(tmp_path, purwakarta):
    berkas = tulis_xlsx(tmp_path / "evaluasi.xlsx", {"Evaluasi": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})
    importers.jalankan("evaluasi-triwulan", berkas, opd=purwakarta, tahun=2024, simpan=True)
    sebelum = jumlah_baris()

    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=purwakarta, tahun=2024, simpan=True)

    assert hasil.sah and not hasil.ada_perubahan
    assert jumlah_baris() == sebelum


def test_a_changed_realisation_raises_its_version(tmp_path, purwakarta):
    baris = perbaiki_evaluasi(baris_evaluasi_dua_bidang())
    importers.jalankan(
        "evaluasi-triwulan", tulis_xlsx(tmp_path / "a.xlsx", {"E": baris}), opd=purwakarta, tahun=2024, simpan=True
    )
    assert baris[23][6] == "58"
    baris[23][6] = "59"

    hasil = importers.jalankan(
        "evaluasi-triwulan", tulis_xlsx(tmp_path / "b.xlsx", {"E": baris}), opd=purwakarta, tahun=2024, simpan=True
    )

    assert hasil.jumlah["Realisasi"]["diubah"] == 1
    r = Realisasi.objects.get(indikator__sub_kegiatan__kode="1.06.04.2.01.0001", triwulan=1)
    assert (r.nilai, r.versi) == (59, 2)


def test_evaluation_needs_a_renstra_for_the_year(tmp_path):
    opd = PerangkatDaerahFactory()
    berkas = tulis_xlsx(tmp_path / "e.xlsx", {"E": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})

    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024)

    assert [m.pesan for m in hasil.galat] == [
        f"Belum ada Renstra {opd} yang berlaku pada tahun 2024. Impor Matriks Renstra dulu, atau buat "
        "Renstranya di halaman Admin."
    ]


# ---------------------------------------------------------------------------------------------
# Realisasi anggaran (seed 003, Tabel 3.43)
# ---------------------------------------------------------------------------------------------


def tabel_3_43_halaman_pertama():
    seed = SEED_ANGGARAN
    awal = cari_baris(seed, "Tabel 3.43") + 5
    return baris_seed(seed, awal, awal + 9)


def test_budget_table_finds_the_extra_digit_the_belitung_lkjip_printed(tmp_path):
    muat_demo()
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
    baris = tabel_3_43_halaman_pertama()
    program = Program.objects.get(kode="1.06.01", renstra=renstra_berlaku(opd, 2024))
    assert baris[3][0] == "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH"
    baris[3][0] = program.uraian  # the LKjIP shortens the programme's name
    berkas = tulis_xlsx(tmp_path / "anggaran.xlsx", {"Tabel 3.43": baris})

    hasil = importers.jalankan("realisasi-anggaran", berkas, opd=opd, tahun=2024)

    assert hasil.sah
    # "Penyediaan Gaji dan Tunjangan ASN": realisation 8.836.429.688 printed for 4.836.429.688
    assert hasil.jumlah["Realisasi anggaran"] == {"dibuat": 0, "diubah": 1, "tetap": 3}
    assert hasil.jumlah["Pagu"] == {"dibuat": 0, "diubah": 0, "tetap": 4}
    peringatan = {(m.baris, m.kolom): m.pesan for m in hasil.peringatan}
    assert peringatan[(9, "I")] == (
        "Persen tercetak 97,77, sedangkan dihitung 178,63% (realisasi Rp 8.836.429.688 dari Rp 4.946.864.271). "
        "Persen tidak diimpor."
    )
    assert peringatan[(8, "")].startswith(
        "Realisasi tercetak Rp 4.838.949.188, sedangkan jumlah sub kegiatannya Rp 8.838.949.188."
    )


# ---------------------------------------------------------------------------------------------
# Templates, command, page
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("format", list(importers.FORMAT))
def test_each_template_is_read_back_by_its_importer(format, client):
    client.force_login(admin())
    respons = client.get(reverse("kinerja:impor_templat", args=[format]) + "?tahun=2025")
    assert respons["Content-Disposition"] == f'attachment; filename="templat-{format}.xlsx"'
    buku = load_workbook(io.BytesIO(respons.content))
    assert buku.sheetnames[-1] == "Petunjuk"
    opd = PerangkatDaerahFactory()
    if format == "renstra":  # its workbook names and creates its own agency
        opd = PerangkatDaerah(kode="")
    elif format != "matriks-renstra":
        RenstraFactory(opd=opd, tahun_awal=2025, tahun_akhir=2029)

    hasil = importers.jalankan(format, io.BytesIO(respons.content), opd=opd, tahun=2025)

    if format == "realisasi-anggaran":  # its example row names a sub kegiatan this agency lacks
        assert [m.baris for m in hasil.galat] == [4, 5, 6]
    elif format == "isian-triwulan":  # a layout only: the filled workbook comes from the entry page
        assert [m.pesan for m in hasil.galat] == [
            "Berkas ini bukan isian triwulan luring: unduh isiannya dari halaman Realisasi (“Unduh isian Excel "
            "(luring)”), isi, lalu unggah berkas itu tanpa mengubah nama lembarnya."
        ]
    else:
        assert hasil.sah and hasil.total("dibuat") > 0, hasil.galat


def test_command_prints_the_preview_and_exits_non_zero_on_errors(tmp_path, capsys):
    opd = PerangkatDaerahFactory(kode="BATUBARA")
    mentah = tulis_xlsx(tmp_path / "mentah.xlsx", {"Tabel 4.1": baris_matriks_renstra()})

    with pytest.raises(CommandError, match="5 galat; tidak ada yang disimpan"):
        call_command("impor", "matriks-renstra", str(mentah), "--opd", "BATUBARA", "--tahun", "2025")

    err = capsys.readouterr().err
    assert 'Galat (lembar Tabel 4.1, baris 51, kolom A): Baris hanya berisi kode "0015"' in err
    assert not Renstra.objects.filter(opd=opd).exists()


def test_command_dry_run_then_import(tmp_path, capsys, matriks):
    opd = PerangkatDaerahFactory(kode="BATUBARA")
    call_command("impor", "matriks-renstra", str(matriks), "--opd", "BATUBARA", "--tahun", "2025", "--dry-run")
    keluaran = capsys.readouterr().out
    assert "Pratinjau saja (--dry-run): tidak ada yang disimpan." in keluaran
    assert "Sub kegiatan                    98         0         0" in keluaran
    assert not Renstra.objects.filter(opd=opd).exists()
    # the seed matrix's programme pagu 2026 is printed over the sum of its sub kegiatan: answered
    assert "Untuk menyimpan: Jumlah tercetak berbeda dari jumlah rinciannya di lembar Tabel 4.1, baris 114" in keluaran

    call_command(
        "impor", "matriks-renstra", str(matriks), "--opd", "BATUBARA", "--tahun", "2025", "--jumlah", "rincian"
    )

    assert "Disimpan." in capsys.readouterr().out
    assert SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).count() == 98


def test_command_refuses_an_unknown_agency(matriks):
    with pytest.raises(CommandError, match='Perangkat daerah dengan kode "TIDAK-ADA"'):
        call_command("impor", "matriks-renstra", str(matriks), "--opd", "TIDAK-ADA", "--tahun", "2025")


def unggah(client, berkas, opd, format="matriks-renstra", tahun=2025):
    with open(berkas, "rb") as f:
        return client.post(
            reverse("kinerja:impor_daftar"), {"format": format, "opd": opd.pk, "tahun": tahun, "berkas": f}
        )


def test_admin_uploads_sees_the_preview_and_confirms(client, matriks):
    client.force_login(admin())
    opd = PerangkatDaerahFactory()

    respons = unggah(client, matriks, opd)

    impor = Impor.objects.get()
    assert respons.status_code == 302 and respons["Location"] == reverse("kinerja:impor_detail", args=[impor.pk])
    assert impor.status == Impor.Status.SIAP
    halaman = client.get(respons["Location"]).content.decode()
    assert "Berkas dapat diimpor." in halaman
    assert "Kode pada 99 baris ditulis dengan koma" in halaman
    assert "Setujui dan impor" in halaman
    assert not Renstra.objects.filter(opd=opd).exists()
    # the seed matrix's programme pagu 2026 printed over the sum of its sub kegiatan: a question
    assert "Tabel 4.1, baris 114: pagu 2026. Mana yang benar?" in halaman

    client.post(reverse("kinerja:impor_simpan", args=[impor.pk]), keputusan.isian_semua(impor.hasil, "rincian"))

    impor.refresh_from_db()
    assert impor.status == Impor.Status.SELESAI
    assert SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).count() == 98
    assert "Sudah diimpor" in client.get(reverse("kinerja:impor_detail", args=[impor.pk])).content.decode()


def test_preview_of_a_broken_file_lists_row_and_column_and_offers_no_confirmation(client, tmp_path):
    client.force_login(admin())
    mentah = tulis_xlsx(tmp_path / "mentah.xlsx", {"Tabel 4.1": baris_matriks_renstra()})

    respons = unggah(client, mentah, PerangkatDaerahFactory())

    halaman = client.get(respons["Location"]).content.decode()
    assert "Berkas belum dapat diimpor: 5 galat." in halaman
    assert '<td class="angka">51</td>' in halaman
    assert "Setujui dan impor" not in halaman
    impor = Impor.objects.get()
    client.post(reverse("kinerja:impor_simpan", args=[impor.pk]))
    impor.refresh_from_db()
    assert impor.status == Impor.Status.GALAT


def test_upload_that_is_not_xlsx_is_refused_by_the_form(client, tmp_path):
    client.force_login(admin())
    berkas = tmp_path / "tabel.csv"
    berkas.write_text("a;b\n1;2\n")

    respons = unggah(client, berkas, PerangkatDaerahFactory())

    assert respons.status_code == 200
    assert "&quot;tabel.csv&quot; bukan berkas .xlsx." in respons.content.decode()
    assert not Impor.objects.exists()


def test_progress_poll_refreshes_the_page_once_the_check_is_done(client, matriks):
    client.force_login(admin())
    unggah(client, matriks, PerangkatDaerahFactory())
    impor = Impor.objects.get()

    respons = client.get(reverse("kinerja:impor_detail", args=[impor.pk]) + "?kemajuan=1", HTTP_HX_REQUEST="true")

    assert respons.headers["HX-Refresh"] == "true"


def test_progress_is_shown_while_running(client, matriks):
    client.force_login(admin())
    unggah(client, matriks, PerangkatDaerahFactory())
    impor = Impor.objects.get()
    Impor.objects.filter(pk=impor.pk).update(status=Impor.Status.MEMERIKSA)

    respons = client.get(reverse("kinerja:impor_detail", args=[impor.pk]) + "?kemajuan=1", HTTP_HX_REQUEST="true")

    assert 'hx-trigger="every 1s"' in respons.content.decode()


def test_reviewers_cannot_reach_the_import_page_and_operators_never_see_an_admins_upload(client, matriks):
    client.force_login(admin())
    unggah(client, matriks, PerangkatDaerahFactory())
    impor = Impor.objects.get()

    client.force_login(verifikator())
    assert client.get(reverse("kinerja:impor_daftar")).status_code == 403
    assert client.get(reverse("kinerja:impor_detail", args=[impor.pk])).status_code == 403
    # Operators reach the page only for their offline entry workbooks (isian-triwulan).
    client.force_login(operator(opd=impor.opd))
    daftar = client.get(reverse("kinerja:impor_daftar"))
    assert daftar.status_code == 200 and impor.nama_asli not in daftar.content.decode()
    assert client.get(reverse("kinerja:impor_detail", args=[impor.pk])).status_code == 404

"""The import preview says what changes, not only how much: each changed value with its old and
new value, each new object by name (a bounded list per kind, exact counts), a new bidang close
to an existing one; the import list names what happened to each upload (nothing to change,
superseded by a later import); and a row whose code is missing or does not fit its level is
reported with a hint read from the rows around it."""

import html as html_modul
import json
import re
import string
from decimal import Decimal

import hypothesis
import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kinerja import importers, services
from kinerja.importers import hasil as modul_hasil
from kinerja.importers import keputusan
from kinerja.importers.hasil import Hasil
from kinerja.models import Impor, Realisasi
from kinerja.tests.factories import admin, operator
from renstra.models import Bidang, Program, SubKegiatan, Target
from renstra.tests.factories import PerangkatDaerahFactory, RenstraFactory

from .seed_xlsx import (
    baris_evaluasi_dua_bidang,
    baris_matriks_renstra,
    perbaiki_evaluasi,
    perbaiki_matriks_renstra,
    tulis_xlsx,
)

pytestmark = pytest.mark.django_db
EVALUASI = "evaluasi-triwulan"
MATRIKS = "matriks-renstra"


@pytest.fixture
def purwakarta():
    return RenstraFactory(opd=PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Purwakarta"), tahun_awal=2023).opd


@pytest.fixture
def matriks(tmp_path):
    return tulis_xlsx(tmp_path / "matriks.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())})


def evaluasi_terimpor(tmp_path, opd):
    """The fixed seed evaluation, imported; returns its rows to change."""
    baris = perbaiki_evaluasi(baris_evaluasi_dua_bidang())
    hasil = importers.jalankan(
        EVALUASI, tulis_xlsx(tmp_path / "a.xlsx", {"E": baris}), opd=opd, tahun=2024, simpan=True
    )
    assert hasil.disimpan, hasil.galat
    return baris


def unggah(client, berkas, opd, format=MATRIKS, tahun=2025):
    with open(berkas, "rb") as f:
        client.post(reverse("kinerja:impor_daftar"), {"format": format, "opd": opd.pk, "tahun": tahun, "berkas": f})
    return Impor.objects.order_by("-pk").first()


def jawab_jumlah(impor, pilihan="rincian"):
    """The approval's answers to the printed totals of the seed matrix (its pagu 2026 slip)."""
    return keputusan.isian_semua(Impor.objects.get(pk=impor.pk).hasil, pilihan)


def halaman(client, impor):
    return client.get(reverse("kinerja:impor_detail", args=[impor.pk])).content.decode()


def teks(html):
    """The text of a page, tags dropped and blanks collapsed."""
    return re.sub(r"\s+", " ", html_modul.unescape(re.sub(r"<[^>]+>", " ", html)))


# ---------------------------------------------------------------------------------------------
# A. What changes, value by value
# ---------------------------------------------------------------------------------------------


def test_preview_names_each_changed_value_with_its_old_and_new_value(tmp_path, purwakarta):
    baris = evaluasi_terimpor(tmp_path, purwakarta)
    assert (baris[23][8], baris[89][5]) == ("97", "34.000")
    baris[23][8] = "98"  # TW II of Penyediaan Permakanaan
    baris[89][5] = "34.500"  # target of Pendataan Data Fakir Miskin

    hasil = importers.jalankan(EVALUASI, tulis_xlsx(tmp_path / "b.xlsx", {"E": baris}), opd=purwakarta, tahun=2024)

    (realisasi,) = hasil.rincian["Realisasi"]["diubah"]
    assert realisasi["judul"] == (
        'Realisasi TW II "Jumlah orang yang mendapatkan pemenuhan kebutuhan permakanaan sesuai …" (1.06.04.2.01.0001)'
    )
    assert realisasi["medan"] == [["Nilai", "97", "98"]]
    (target,) = hasil.rincian["Target"]["diubah"]
    assert target == {
        "judul": 'Target 2024 "Jumlah Fakir Miskin Cakupan Daerah Kabupaten/Kota yang Didata" (1.06.05.2.02.01)',
        "medan": [["Nilai", "34.000", "34.500"]],
    }
    assert hasil.jumlah["Realisasi"]["diubah"] == 1 and hasil.jumlah["Target"]["diubah"] == 1
    assert Hasil.dari_dict(json.loads(json.dumps(hasil.sebagai_dict()))).rincian == hasil.rincian


def test_preview_names_each_new_object_by_kind_with_its_values(matriks):
    hasil = importers.jalankan(MATRIKS, matriks, opd=PerangkatDaerahFactory(), tahun=2025)

    program = hasil.rincian["Program"]["dibuat"]
    assert len(program) == hasil.jumlah["Program"]["dibuat"] == 10
    assert program[0] == {"judul": "1.06.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "isi": []}
    assert hasil.rincian["Target"]["dibuat"][0] == {
        "judul": 'Target 2025 "NILAI AKIP" (1.06.01)',
        "isi": [["Nilai", "73"]],
    }
    pagu = hasil.rincian["Pagu"]["dibuat"][0]
    assert pagu["judul"] == "Pagu 2025 1.06.01.2.01.0001"
    assert pagu["isi"] == [["Pagu indikatif", "Rp 4.300.000"]]
    assert hasil.rincian["Indikator"]["dibuat"][0] == {"judul": '"NILAI AKIP" (1.06.01)', "isi": [["Satuan", "Skor"]]}


def test_a_huge_file_keeps_exact_counts_but_stores_a_bounded_list_per_kind(client, tmp_path):
    """300 sub kegiatan of five yearly targets and budgets: 1.500 new targets, of which the first
    few hundred are named; the stored preview stays small."""
    seed = perbaiki_matriks_renstra(baris_matriks_renstra())
    kepala, program, kegiatan, sub = seed[:4], seed[5], seed[6], seed[7]
    baris = [*kepala, program, kegiatan]
    for i in range(1, 301):
        baru = list(sub)
        baru[4] = f"{i:04d}"
        baru[5] = f"Sub kegiatan uji nomor {i}"
        baris.append(baru)
    berkas = tulis_xlsx(tmp_path / "besar.xlsx", {"Tabel 4.1": baris})
    client.force_login(admin())

    impor = unggah(client, berkas, PerangkatDaerahFactory())

    hasil = Hasil.dari_dict(impor.hasil)
    assert hasil.jumlah["Sub kegiatan"]["dibuat"] == 300
    assert hasil.jumlah["Target"]["dibuat"] == 1510
    assert (
        len(hasil.rincian["Target"]["dibuat"])
        == len(hasil.rincian["Sub kegiatan"]["dibuat"])
        == modul_hasil.BATAS_RINCIAN
    )
    assert hasil.rincian["Sub kegiatan"]["dibuat"][-1]["judul"].startswith(
        f"1.06.01.2.01.{modul_hasil.BATAS_RINCIAN:04d} "
    )
    assert len(json.dumps(impor.hasil)) < 400_000
    isi = teks(halaman(client, impor))
    assert f"… dan {1510 - modul_hasil.BATAS_RINCIAN:,} lainnya".replace(",", ".") in isi
    assert f"… dan {300 - modul_hasil.BATAS_RINCIAN} lainnya" in isi


def test_the_stored_problems_are_bounded_but_counted_exactly():
    hasil = Hasil()
    for i in range(modul_hasil.BATAS_MASALAH + 700):
        hasil.tambah(f"Peringatan {i}", "L", i + 1, peringatan=True)
    hasil.tambah("Satu galat", "L", 9999)

    kembali = Hasil.dari_dict(json.loads(json.dumps(hasil.sebagai_dict())))

    assert len(kembali.masalah) == modul_hasil.BATAS_MASALAH
    assert kembali.galat[0].pesan == "Satu galat"  # errors are kept first
    assert (kembali.jumlah_galat, kembali.jumlah_peringatan) == (1, modul_hasil.BATAS_MASALAH + 700)
    assert not kembali.sah


def test_the_page_shows_the_changes_before_approval_and_what_was_written_after(client, tmp_path, purwakarta):
    baris = evaluasi_terimpor(tmp_path, purwakarta)
    baris[23][8] = "98"
    berkas = tulis_xlsx(tmp_path / "b.xlsx", {"E": baris})
    client.force_login(admin())

    impor = unggah(client, berkas, purwakarta, format=EVALUASI, tahun=2024)

    sebelum = teks(halaman(client, impor))
    assert "Yang akan diubah" in sebelum
    assert 'Realisasi TW II "Jumlah orang yang mendapatkan' in sebelum
    assert "Nilai 97 98" in sebelum
    client.post(reverse("kinerja:impor_simpan", args=[impor.pk]))
    impor.refresh_from_db()
    assert impor.status == Impor.Status.SELESAI
    sesudah = teks(halaman(client, impor))
    assert "Yang diubah" in sesudah and "Yang akan diubah" not in sesudah
    assert "Nilai 97 98" in sesudah


# ---------------------------------------------------------------------------------------------
# A. Bidang: the same bidang written another way, and a new bidang close to an existing one
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bidang Rehabilitasi Sosial", "BIDANG REHABILITASI SOSIAL."),
        ("Bidang Rehabilitasi Sosial", "Rehabilitasi  Sosial"),
        ("Bidang Rehabilitasi Sosial", "Bidang : Rehabilitasi Sosial"),
        ("Bidang Rehabilitasi, Perlindungan dan Jaminan Sosial", "Bidang Rehabilitasi Perlindungan & Jaminan Sosial"),
        ("<b>Bidang Rehabilitasi Sosial</b>", "bidang rehabilitasi-sosial"),
    ],
)
def test_bidang_names_differing_in_case_blanks_punctuation_or_prefix_are_the_same_bidang(a, b):
    from kinerja.importers.bidang import kunci_bidang

    assert kunci_bidang(a) == kunci_bidang(b)


@pytest.mark.parametrize(
    ("baru", "ada", "serupa"),
    [
        ("Bidang Rehabilitasi Sosail", "Bidang Rehabilitasi Sosial", True),  # a typo
        (
            "Bidang Pemberdayan Sosial dan Penanganan Fakir Miskin",
            "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
            True,
        ),
        ("Bidang Perlindungan Anak", "Bidang Perlindungan Perempuan dan Anak", False),
        ("Bidang Pemberdayaan Perempuan", "Bidang Pemberdayaan Sosial", False),
        ("Sekretariat", "Bidang Rehabilitasi Sosial", False),
    ],
)
def test_a_new_bidang_is_close_to_an_existing_one_only_for_small_differences(baru, ada, serupa):
    from kinerja.importers.bidang import mirip

    assert bool(mirip(baru, [ada])) is serupa


def _evaluasi_satu_bidang(judul, kode_sub="1.06.04.2.01.0001"):
    """A quarterly evaluation table of one bidang (a kegiatan, one sub kegiatan, one indicator)."""
    return [
        [judul],
        ["TAHUN 2024"],
        [
            "No",
            "Kodrek",
            "Program/Kegiatan",
            "Indikator",
            "Satuan",
            "Target",
            "TW 1",
            "",
            "TW 2",
            "",
            "TW 3",
            "",
            "TW 4",
            "",
        ],
        ["", "", "", "", "", "", "Realisasi", "%", "Realisasi", "%", "Realisasi", "%", "Realisasi", "%"],
        ["", "", "<b>PROGRAM REHABILITASI SOSIAL</b>"],
        ["A", kode_sub.rsplit(".", 1)[0], "Kegiatan : Rehabilitasi Sosial Dasar"],
        ["1", kode_sub, "Sub Kegiatan : Penyediaan Permakanan", "Jumlah orang", "Orang", "40", "10", "", "20"],
    ]


def test_a_bidang_written_another_way_is_the_existing_bidang_and_the_preview_says_so(tmp_path):
    opd = RenstraFactory(tahun_awal=2023).opd
    ada = Bidang.objects.create(opd=opd, nama="Bidang Rehabilitasi Sosial")
    berkas = tulis_xlsx(
        tmp_path / "e.xlsx", {"E": _evaluasi_satu_bidang("EVALUASI KINERJA BIDANG REHABILITASI SOSIAL.")}
    )

    hasil = importers.jalankan(EVALUASI, berkas, opd=opd, tahun=2024, simpan=True)

    assert hasil.disimpan, hasil.galat
    assert list(Bidang.objects.filter(opd=opd)) == [ada]
    assert Program.objects.get(renstra__opd=opd).bidang == ada
    assert "Bidang" not in hasil.jumlah
    (catatan,) = [m for m in hasil.peringatan if "Bidang" in m.pesan]
    assert catatan.pesan == (
        'Bidang "REHABILITASI SOSIAL." pada berkas dibaca sebagai bidang yang ada "Bidang Rehabilitasi Sosial" '
        "(beda huruf besar, spasi atau tanda baca saja)."
    )
    assert catatan.baris == 5


def test_a_new_bidang_close_to_an_existing_one_is_a_warning_naming_both(tmp_path):
    opd = RenstraFactory(tahun_awal=2023).opd
    Bidang.objects.create(opd=opd, nama="Bidang Rehabilitasi Sosial")
    berkas = tulis_xlsx(tmp_path / "e.xlsx", {"E": _evaluasi_satu_bidang("Bidang Rehabilitasi Sosail")})

    hasil = importers.jalankan(EVALUASI, berkas, opd=opd, tahun=2024)

    assert hasil.sah
    assert hasil.rincian["Bidang"]["dibuat"] == [{"judul": "Bidang Rehabilitasi Sosail", "isi": []}]
    (peringatan,) = [m for m in hasil.peringatan if "mirip" in m.pesan]
    assert peringatan.pesan == (
        'Bidang baru "Bidang Rehabilitasi Sosail" mirip bidang yang ada "Bidang Rehabilitasi Sosial"; bila '
        "maksudnya sama, perbaiki nama bidang di berkas agar tidak terbentuk bidang kembar."
    )


def test_an_import_whose_programmes_all_exist_creates_no_bidang(tmp_path):
    opd = RenstraFactory(tahun_awal=2023).opd
    baris = _evaluasi_satu_bidang("Bidang Rehabilitasi Sosial")
    importers.jalankan(EVALUASI, tulis_xlsx(tmp_path / "a.xlsx", {"E": baris}), opd=opd, tahun=2024, simpan=True)
    assert Bidang.objects.filter(opd=opd).count() == 1
    baris[0] = ["Bidang Rehabilitasi dan Perlindungan Sosial"]  # the same table, under another title

    hasil = importers.jalankan(EVALUASI, tulis_xlsx(tmp_path / "b.xlsx", {"E": baris}), opd=opd, tahun=2024)

    assert hasil.sah and not hasil.ada_perubahan
    assert "Bidang" not in hasil.jumlah


# ---------------------------------------------------------------------------------------------
# B. The states of an upload
# ---------------------------------------------------------------------------------------------


def test_a_check_that_finds_nothing_to_write_is_listed_as_no_change(client, matriks):
    client.force_login(admin())
    opd = PerangkatDaerahFactory()
    pertama = unggah(client, matriks, opd)
    client.post(reverse("kinerja:impor_simpan", args=[pertama.pk]), jawab_jumlah(pertama))

    kedua = unggah(client, matriks, opd)

    assert kedua.status == Impor.Status.TANPA_PERUBAHAN
    daftar = teks(client.get(reverse("kinerja:impor_daftar")).content.decode())
    assert "Tidak ada perubahan" in daftar and "Siap diimpor" not in daftar
    isi = halaman(client, kedua)
    assert "Tidak ada yang berubah." in isi and "Setujui dan impor" not in isi
    client.post(reverse("kinerja:impor_simpan", args=[kedua.pk]))
    kedua.refresh_from_db()
    assert kedua.status == Impor.Status.TANPA_PERUBAHAN


def test_an_older_preview_superseded_by_a_later_import_is_stale_and_cannot_be_approved(client, tmp_path):
    client.force_login(admin())
    opd = PerangkatDaerahFactory()
    baris = perbaiki_matriks_renstra(baris_matriks_renstra())
    lama = unggah(client, tulis_xlsx(tmp_path / "a.xlsx", {"M": baris}), opd)
    next(b for b in baris if "NILAI AKIP" in b)[8] = "74"
    baru = unggah(client, tulis_xlsx(tmp_path / "b.xlsx", {"M": baris}), opd)
    client.post(reverse("kinerja:impor_simpan", args=[baru.pk]), jawab_jumlah(baru))

    daftar = teks(client.get(reverse("kinerja:impor_daftar")).content.decode())
    assert "Usang: sudah ada impor yang lebih baru" in daftar and "Siap diimpor" not in daftar
    isi = halaman(client, lama)
    assert "Usang: sudah ada impor yang lebih baru" in teks(isi)
    assert reverse("kinerja:impor_detail", args=[baru.pk]) in isi
    assert "Setujui dan impor" not in isi and "Periksa berkas ini lagi" in isi

    client.post(reverse("kinerja:impor_simpan", args=[lama.pk]))

    lama.refresh_from_db()
    assert lama.status == Impor.Status.SIAP
    assert Target.objects.get(indikator__uraian="NILAI AKIP", tahun=2025, indikator__renstra__opd=opd).nilai == 74


def test_a_stale_preview_checked_again_is_current(client, matriks):
    client.force_login(admin())
    opd = PerangkatDaerahFactory()
    lama = unggah(client, matriks, opd)
    baru = unggah(client, matriks, opd)
    client.post(reverse("kinerja:impor_simpan", args=[baru.pk]), jawab_jumlah(baru))

    client.post(reverse("kinerja:impor_periksa_ulang", args=[lama.pk]))

    lama.refresh_from_db()
    assert lama.status == Impor.Status.TANPA_PERUBAHAN
    assert "Usang" not in halaman(client, lama)


def test_a_preview_whose_quarter_rows_were_saved_since_is_stale(client, tmp_path, purwakarta):
    baris = evaluasi_terimpor(tmp_path, purwakarta)
    baris[23][6] = "59"
    client.force_login(admin())
    impor = unggah(client, tulis_xlsx(tmp_path / "b.xlsx", {"E": baris}), purwakarta, format=EVALUASI, tahun=2024)
    assert "Setujui dan impor" in halaman(client, impor)
    realisasi = Realisasi.objects.get(indikator__sub_kegiatan__kode="1.06.04.2.01.0001", triwulan=1)
    isian = services.IsianBaris(
        indikator=realisasi.indikator,
        data={"nilai": Decimal(60), "rencana_aksi": "", "permasalahan": "", "tindak_lanjut": "", "keterangan": ""},
        versi=realisasi.versi,
        diubah=True,
    )
    services.simpan_isian(
        user=operator(opd=purwakarta),
        pelaporan=services.pelaporan_unit(purwakarta, None, 2024, 1),
        baris=[isian],
        anggaran=[],
        boleh_diubah={realisasi.indikator_id},
    )

    isi = halaman(client, impor)

    assert "Usang: data telah diubah sejak pemeriksaan" in teks(isi)
    assert "Setujui dan impor" not in isi and "Periksa berkas ini lagi" in isi


def test_the_import_list_takes_a_fixed_number_of_queries(client, matriks, django_assert_max_num_queries):
    client.force_login(admin())
    for _ in range(6):
        unggah(client, matriks, PerangkatDaerahFactory())

    with django_assert_max_num_queries(10):
        client.get(reverse("kinerja:impor_daftar"))


# ---------------------------------------------------------------------------------------------
# C. Codes missing or not fitting their level
# ---------------------------------------------------------------------------------------------


def test_a_kegiatan_without_code_takes_it_from_its_sub_kegiatan_with_a_warning(tmp_path, purwakarta):
    berkas = tulis_xlsx(tmp_path / "e.xlsx", {"E": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})

    hasil = importers.jalankan(EVALUASI, berkas, opd=purwakarta, tahun=2024, simpan=True)

    assert hasil.disimpan
    peringatan = {(m.baris, m.kolom): m.pesan for m in hasil.peringatan}
    assert peringatan[(18, "B")] == (
        "Kode kegiatan kosong; dipakai 1.06.03.2.01, awal kode sub kegiatan di bawahnya (1.06.03.2.01.0001)."
    )
    assert SubKegiatan.objects.get(kode="1.06.03.2.01.0001").kegiatan.kode == "1.06.03.2.01"


def test_a_malformed_kegiatan_code_is_refused_with_the_code_its_sub_kegiatan_suggest(tmp_path, purwakarta):
    berkas = tulis_xlsx(tmp_path / "e.xlsx", {"E": baris_evaluasi_dua_bidang()})

    hasil = importers.jalankan(EVALUASI, berkas, opd=purwakarta, tahun=2024)

    galat = {(m.baris, m.kolom): m.pesan for m in hasil.galat}
    assert galat[(23, "B")] == (
        'Kode kegiatan "1.06.04.2.0001" tidak sesuai bentuk kode kegiatan; sub kegiatan di bawahnya berkode '
        "1.06.04.2.01.NNNN, jadi kodenya mungkin 1.06.04.2.01."
    )


def test_a_kegiatan_without_code_whose_sub_kegiatan_disagree_is_an_error(tmp_path, purwakarta):
    baris = _evaluasi_satu_bidang("Bidang Rehabilitasi Sosial")
    baris[5][1] = ""
    baris.append(["2", "1.06.04.2.02.0003", "Sub Kegiatan : Penyediaan Alat Bantu", "Jumlah orang", "Orang", "29"])

    hasil = importers.jalankan(EVALUASI, tulis_xlsx(tmp_path / "e.xlsx", {"E": baris}), opd=purwakarta, tahun=2024)

    assert [(m.baris, m.kolom, m.pesan) for m in hasil.galat] == [
        (
            6,
            "B",
            "Kode kegiatan kosong, dan sub kegiatan di bawahnya berawal beda (1.06.04.2.01, 1.06.04.2.02): "
            "isi kode kegiatannya.",
        )
    ]


def test_a_kegiatan_without_code_nor_sub_kegiatan_is_an_error(tmp_path, purwakarta):
    baris = _evaluasi_satu_bidang("Bidang Rehabilitasi Sosial")
    baris[5][1] = ""
    baris[6][1] = ""

    hasil = importers.jalankan(EVALUASI, tulis_xlsx(tmp_path / "e.xlsx", {"E": baris}), opd=purwakarta, tahun=2024)

    pesan = {m.baris: m.pesan for m in hasil.galat}
    assert pesan[6] == "Kode kegiatan kosong dan tidak ada sub kegiatan berkode di bawahnya: isi kode kegiatannya."
    assert pesan[7].startswith("Kode sub kegiatan kosong")


def _matriks_kecil():
    seed = perbaiki_matriks_renstra(baris_matriks_renstra())
    return [list(b) for b in seed[:18]]  # header, urusan, programme 1.06.01 with its kegiatan and sub kegiatan


def test_a_matrix_kegiatan_row_without_code_takes_it_from_its_sub_kegiatan_with_a_warning(tmp_path):
    baris = _matriks_kecil()
    assert baris[6][:5] == ["1", "06", "01", "2.01", ""]
    baris[6][:6] = ["", "", "", "", "", f"Kegiatan : {baris[6][5]}"]

    hasil = importers.jalankan(
        MATRIKS, tulis_xlsx(tmp_path / "m.xlsx", {"M": baris}), opd=PerangkatDaerahFactory(), tahun=2025, simpan=True
    )

    assert hasil.disimpan, hasil.galat
    assert {m.baris: m.pesan for m in hasil.peringatan}[7] == (
        "Kode kegiatan kosong; dipakai 1.06.01.2.01, awal kode sub kegiatan di bawahnya "
        "(1.06.01.2.01.0001, 1.06.01.2.01.0006)."
    )
    assert SubKegiatan.objects.get(kode="1.06.01.2.01.0006").kegiatan.kode == "1.06.01.2.01"


def test_a_matrix_kegiatan_row_with_a_malformed_code_is_refused_with_the_code_its_rows_suggest(tmp_path):
    baris = _matriks_kecil()
    baris[6][3:5] = ["2", "0001"]  # 1.06.01.2.0001: a sub kegiatan's shape on the kegiatan row

    hasil = importers.jalankan(
        MATRIKS, tulis_xlsx(tmp_path / "m.xlsx", {"M": baris}), opd=PerangkatDaerahFactory(), tahun=2025
    )

    assert [(m.baris, m.pesan) for m in hasil.galat] == [
        (
            7,
            'Kode kegiatan "1.06.01.2.0001" tidak sesuai bentuk kode kegiatan; sub kegiatan di bawahnya berkode '
            "1.06.01.2.01.NNNN, jadi kodenya mungkin 1.06.01.2.01.",
        )
    ]


def test_a_matrix_row_without_code_nor_label_is_an_error_with_the_code_the_rows_below_suggest(tmp_path):
    baris = _matriks_kecil()
    baris[6][:5] = ["", "", "", "", ""]

    hasil = importers.jalankan(
        MATRIKS, tulis_xlsx(tmp_path / "m.xlsx", {"M": baris}), opd=PerangkatDaerahFactory(), tahun=2025
    )

    assert [(m.baris, m.pesan) for m in hasil.galat] == [
        (
            7,
            'Kode "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah" kosong: isi kode program, '
            "kegiatan atau sub kegiatannya. Sub kegiatan di bawahnya berkode 1.06.01.2.01.NNNN, jadi bila baris "
            "ini kegiatannya, kodenya mungkin 1.06.01.2.01.",
        )
    ]


@given(st.lists(st.text(alphabet=string.ascii_letters, min_size=1, max_size=12), min_size=1, max_size=5))
def test_case_blanks_punctuation_and_the_prefix_never_make_another_bidang(kata):
    from kinerja.importers.bidang import kunci_bidang, mirip

    hypothesis.assume(not {k.casefold() for k in kata} & {"bidang", "dan"})
    nama = " ".join(kata)

    ditulis_lain = f"  BIDANG : {'  '.join(k.upper() for k in kata)}. "

    assert kunci_bidang(ditulis_lain) == kunci_bidang(nama)
    assert mirip(ditulis_lain, [nama]) == []


def test_a_matrix_names_the_responsible_bidang_as_people_write_it(tmp_path):
    opd = PerangkatDaerahFactory()
    sekretariat = Bidang.objects.create(opd=opd, nama="Sekretariat Dinas")
    baris = _matriks_kecil()
    baris[0].append("Perangkat Daerah Penanggung Jawab")
    baris[5].append("SEKRETARIAT  DINAS.")

    hasil = importers.jalankan(MATRIKS, tulis_xlsx(tmp_path / "m.xlsx", {"M": baris}), opd=opd, tahun=2025, simpan=True)

    assert hasil.disimpan, hasil.galat
    assert Program.objects.get(renstra__opd=opd, kode="1.06.01").bidang == sekretariat


def test_a_matrix_naming_an_unknown_bidang_suggests_the_close_one(tmp_path):
    opd = PerangkatDaerahFactory()
    Bidang.objects.create(opd=opd, nama="Sekretariat Dinas")
    baris = _matriks_kecil()
    baris[0].append("Perangkat Daerah Penanggung Jawab")
    baris[5].append("Sekertariat Dinas")

    hasil = importers.jalankan(MATRIKS, tulis_xlsx(tmp_path / "m.xlsx", {"M": baris}), opd=opd, tahun=2025)

    assert [(m.baris, m.pesan) for m in hasil.galat] == [
        (
            6,
            f'Bidang "Sekertariat Dinas" tidak ada di {opd} (bidang yang ada: Sekretariat Dinas). Mungkin '
            'maksudnya "Sekretariat Dinas"?',
        )
    ]

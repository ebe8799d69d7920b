"""A printed total that disagrees with the sum of its parts is a decision, not a warning (issue
19): the preview asks which is right, nothing is written until every such question has an
answer, and the answer is kept as the data note (kinerja.importers.keputusan)."""

import html as html_modul
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kinerja import importers
from kinerja.importers import keputusan
from kinerja.importers.hasil import BATAS_RINCIAN_JUMLAH, Hasil, Masalah, rincian_terbatas
from kinerja.models import CatatanData, Impor, RealisasiAnggaran
from kinerja.tests.factories import admin as buat_admin
from renstra.models import PerangkatDaerah, Program, Renstra, SubKegiatan
from renstra.selectors import renstra_berlaku
from renstra.tests.factories import PerangkatDaerahFactory

from .seed_xlsx import baris_matriks_renstra, perbaiki_matriks_renstra, tulis_xlsx
from .test_impor import tabel_3_43_halaman_pertama

pytestmark = pytest.mark.django_db
ANGGARAN = "realisasi-anggaran"
MATRIKS = "matriks-renstra"
# Belitung's LKjIP, Tabel 3.43: the kegiatan "Administrasi Keuangan" (row 8) prints a realisation
# of 4.838.949.188 over its sub kegiatan, one of which prints 8.836.429.688 for 4.836.429.688
BARIS_8 = "Tabel 3.43|8|realisasi_anggaran|"
# the seed Renstra matrix: its programme's pagu 2026 printed 145.004.000 over 385.004.000
PAGU_2026 = "Tabel 4.1|114|pagu|2026"


def teks(html):
    return re.sub(r"\s+", " ", html_modul.unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def belitung(tmp_path):
    """The demo's Belitung agency and the first page of its LKjIP's Tabel 3.43 as a workbook."""
    from kinerja.demo import muat_demo

    muat_demo()
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
    baris = tabel_3_43_halaman_pertama()
    baris[3][0] = Program.objects.get(kode="1.06.01", renstra=renstra_berlaku(opd, 2024)).uraian
    return opd, tulis_xlsx(tmp_path / "anggaran.xlsx", {"Tabel 3.43": baris})


def gaji_tw4(opd):
    sub = SubKegiatan.objects.get(
        uraian__iexact="Penyediaan Gaji dan Tunjangan ASN", kegiatan__program__renstra=renstra_berlaku(opd, 2024)
    )
    return RealisasiAnggaran.objects.filter(sub_kegiatan=sub, tahun=2024, triwulan=4).values_list("nilai", flat=True)


@pytest.fixture
def matriks(tmp_path):
    return tulis_xlsx(tmp_path / "matriks.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())})


def unggah(client, berkas, opd, format, tahun):
    with open(berkas, "rb") as f:
        client.post(reverse("kinerja:impor_daftar"), {"format": format, "opd": opd.pk, "tahun": tahun, "berkas": f})
    return Impor.objects.order_by("-pk").first()


# ---------------------------------------------------------------------------------------------
# The questions, and the write that waits for their answers
# ---------------------------------------------------------------------------------------------


def test_the_belitung_total_is_a_question_and_the_write_waits_for_its_answer(belitung):
    opd, berkas = belitung
    admin = buat_admin(username="admin_belitung")
    sebelum = list(gaji_tw4(opd))

    pratinjau = importers.jalankan(ANGGARAN, berkas, opd=opd, tahun=2024)

    pertanyaan = {m.kunci_keputusan: m for m in pratinjau.pertanyaan_jumlah()}
    baris_8 = pertanyaan[BARIS_8]
    assert (baris_8.tercetak, baris_8.dihitung) == ("Rp 4.838.949.188", "Rp 8.838.949.188")
    assert baris_8.rincian == (
        "baris 9 Penyediaan Gaji dan Tunjangan ASN (Rp 8.836.429.688)",
        "baris 10 Penyusunan Pelaporan dan Analisis Prognosis Realisasi Anggaran (Rp 2.519.500)",
    )
    # the page's first rows are not the whole programme: its three printed totals are questions too
    assert set(pertanyaan) == {BARIS_8} | {
        f"Tabel 3.43|4|{m}|" for m in ("pagu_induk", "pagu_perubahan", "realisasi_anggaran")
    }

    # no answer: nothing is written, and the error names the rows
    tanpa = importers.jalankan(ANGGARAN, berkas, opd=opd, tahun=2024, user=admin, simpan=True, keputusan={})
    assert not tanpa.disimpan
    assert "lembar Tabel 3.43, baris 8 (realisasi anggaran)" in tanpa.galat[0].pesan
    assert list(gaji_tw4(opd)) == sebelum and not CatatanData.objects.filter(jenis="jumlah").exists()

    # an answer for some rows only is no answer either
    sebagian = importers.jalankan(
        ANGGARAN, berkas, opd=opd, tahun=2024, user=admin, simpan=True, keputusan={BARIS_8: keputusan.TOTAL}
    )
    assert not sebagian.disimpan and "baris 8" not in sebagian.galat[0].pesan
    assert list(gaji_tw4(opd)) == sebelum

    # "the printed total is right": the parts are stored as typed, the note stays open naming them
    jawaban = dict.fromkeys(pertanyaan, keputusan.RINCIAN) | {BARIS_8: keputusan.TOTAL}
    hasil = importers.jalankan(ANGGARAN, berkas, opd=opd, tahun=2024, user=admin, simpan=True, keputusan=jawaban)

    assert hasil.disimpan, hasil.galat
    assert hasil.keputusan == jawaban
    assert list(gaji_tw4(opd)) == [Decimal("8836429688")]
    catatan = CatatanData.objects.get(opd=opd, jenis="jumlah", sel="baris 8", medan="realisasi_anggaran")
    assert catatan.status == CatatanData.Status.TERBUKA
    assert (catatan.tercetak, catatan.dihitung) == ("Rp 4.838.949.188", "Rp 8.838.949.188")
    assert catatan.pesan.endswith(
        "Dipilih saat impor oleh admin_belitung: jumlah tercetak Rp 4.838.949.188 benar; salah satu rinciannya "
        "salah dan harus diperbaiki: baris 9 Penyediaan Gaji dan Tunjangan ASN (Rp 8.836.429.688); baris 10 "
        "Penyusunan Pelaporan dan Analisis Prognosis Realisasi Anggaran (Rp 2.519.500)."
    )
    # "the parts are right": the printed total was a slip, resolved as such, by whom
    program = CatatanData.objects.get(opd=opd, jenis="jumlah", sel="baris 4", medan="realisasi_anggaran")
    assert program.status == CatatanData.Status.CETAKAN_SALAH
    assert program.diselesaikan_oleh == admin and program.diselesaikan_pada is not None
    assert program.penyelesaian == (
        "Dipilih saat impor oleh admin_belitung: rincian benar, jumlah tercetak salah. Rinciannya disimpan "
        "sebagaimana tertulis (jumlahnya Rp 8.843.397.188); jumlah tercetak Rp 6.829.527.996 salah cetak."
    )
    riwayat = program.history.get()
    assert (riwayat.history_user, riwayat.history_change_reason) == (
        admin,
        "Impor: rincian benar, jumlah tercetak salah",
    )


def test_the_page_asks_which_is_right_and_refuses_an_approval_without_an_answer(client, belitung):
    opd, berkas = belitung
    admin = buat_admin(username="admin_belitung")
    client.force_login(admin)
    sebelum = list(gaji_tw4(opd))
    impor = unggah(client, berkas, opd, ANGGARAN, 2024)
    assert impor.status == Impor.Status.SIAP

    halaman = client.get(reverse("kinerja:impor_detail", args=[impor.pk])).content.decode()

    isi = teks(halaman)
    assert "Lembar Tabel 3.43, baris 8: realisasi anggaran. Mana yang benar?" in isi
    assert "Jumlah tercetak Rp 4.838.949.188 Jumlah rinciannya Rp 8.838.949.188" in isi
    assert "baris 9 Penyediaan Gaji dan Tunjangan ASN (Rp 8.836.429.688)" in isi
    nama = keputusan.AWALAN_ISIAN + BARIS_8
    assert f'<input type="radio" name="{nama}" value="rincian"> Rincian benar, jumlah tercetak salah' in halaman
    assert f'<input type="radio" name="{nama}" value="total"> Jumlah tercetak benar; salah satu rinciannya salah' in (
        halaman
    )

    url = reverse("kinerja:impor_simpan", args=[impor.pk])
    semua = keputusan.isian_semua(impor.hasil, keputusan.RINCIAN)
    tanpa_baris_8 = {k: v for k, v in semua.items() if k != nama} | {nama: "entahlah"}
    respons = client.post(url, tanpa_baris_8)

    assert respons.status_code == 400
    isi = teks(respons.content.decode())
    assert (
        "Pilih dulu mana yang benar untuk 1 jumlah tercetak yang berbeda dari jumlah rinciannya: "
        "lembar Tabel 3.43, baris 8 (realisasi anggaran). Belum ada yang disimpan."
    ) in isi
    assert 'class="pertanyaan-jumlah belum-dijawab" aria-describedby="galat-keputusan"' in respons.content.decode()
    impor.refresh_from_db()
    assert impor.status == Impor.Status.SIAP and not impor.hasil.get("keputusan")
    assert list(gaji_tw4(opd)) == sebelum and not CatatanData.objects.filter(jenis="jumlah").exists()

    client.post(url, semua)

    impor.refresh_from_db()
    assert impor.status == Impor.Status.SELESAI
    assert impor.hasil["keputusan"] == {k[len(keputusan.AWALAN_ISIAN) :]: "rincian" for k in semua}
    catatan = CatatanData.objects.get(opd=opd, jenis="jumlah", sel="baris 8", medan="realisasi_anggaran")
    assert (catatan.status, catatan.diselesaikan_oleh, catatan.impor) == (
        CatatanData.Status.CETAKAN_SALAH,
        admin,
        impor,
    )
    assert catatan.history.get().history_user == admin
    sesudah = teks(client.get(reverse("kinerja:impor_detail", args=[impor.pk])).content.decode())
    assert "baris 8: realisasi anggaran. Jumlah tercetak Rp 4.838.949.188" in sesudah
    assert "Dipilih: Rincian benar, jumlah tercetak salah" in sesudah


def test_the_command_writes_nothing_without_an_answer_and_applies_the_one_given(belitung, capsys):
    opd, berkas = belitung
    sebelum = list(gaji_tw4(opd))

    with pytest.raises(CommandError) as galat:
        call_command("impor", ANGGARAN, str(berkas), opd=opd.kode, tahun=2024)

    assert "lembar Tabel 3.43, baris 8 (realisasi anggaran)" in str(galat.value)
    assert "--jumlah rincian" in str(galat.value) and "--jumlah total" in str(galat.value)
    assert list(gaji_tw4(opd)) == sebelum and not CatatanData.objects.filter(jenis="jumlah").exists()

    call_command("impor", ANGGARAN, str(berkas), opd=opd.kode, tahun=2024, jumlah="total")

    assert "jumlah tercetak benar; salah satu rinciannya salah" in capsys.readouterr().out
    assert list(gaji_tw4(opd)) == [Decimal("8836429688")]
    catatan = CatatanData.objects.filter(opd=opd, jenis="jumlah")
    assert catatan.count() == 4 and all(c.terbuka for c in catatan)
    assert "harus diperbaiki: baris 9 Penyediaan Gaji dan Tunjangan ASN" in catatan.get(sel="baris 8").pesan


# ---------------------------------------------------------------------------------------------
# The Renstra matrix: a programme's pagu printed over the sum of its sub kegiatan
# ---------------------------------------------------------------------------------------------


def test_a_matrix_pagu_total_is_a_question_named_with_its_sub_kegiatan(matriks):
    opd = PerangkatDaerahFactory()

    hasil = importers.jalankan(MATRIKS, matriks, opd=opd, tahun=2025)

    (pertanyaan,) = hasil.pertanyaan_jumlah()
    assert pertanyaan.kunci_keputusan == PAGU_2026
    assert (pertanyaan.tercetak, pertanyaan.dihitung) == ("Rp 145.004.000", "Rp 385.004.000")
    assert keputusan.sebut(pertanyaan) == "lembar Tabel 4.1, baris 114 (pagu 2026)"
    assert pertanyaan.rincian and all(r.startswith("baris ") and "(Rp " in r for r in pertanyaan.rincian)
    # the stored preview keeps the question with its parts, read back as it was
    kembali = Hasil.dari_dict(hasil.sebagai_dict())
    assert kembali.pertanyaan_jumlah() == [pertanyaan]


def test_a_matrix_written_without_an_answer_writes_nothing_and_with_total_keeps_the_note_open(matriks):
    opd = PerangkatDaerahFactory()

    tanpa = importers.jalankan(MATRIKS, matriks, opd=opd, tahun=2025, simpan=True, keputusan={})

    assert not tanpa.disimpan and not Renstra.objects.filter(opd=opd).exists()
    assert "lembar Tabel 4.1, baris 114 (pagu 2026)" in tanpa.galat[0].pesan

    hasil = importers.jalankan(MATRIKS, matriks, opd=opd, tahun=2025, simpan=True, keputusan=keputusan.TOTAL)

    assert hasil.disimpan
    catatan = CatatanData.objects.get(opd=opd, jenis="jumlah", medan="pagu")
    assert (catatan.tahun, catatan.sel, catatan.status) == (2026, "baris 114", CatatanData.Status.TERBUKA)
    rincian = hasil.pertanyaan_jumlah()[0].rincian
    assert catatan.pesan.endswith(f"salah satu rinciannya salah dan harus diperbaiki: {'; '.join(rincian)}.")


def test_an_open_total_note_takes_the_answer_of_a_later_import(matriks):
    opd = PerangkatDaerahFactory()
    admin = buat_admin(username="admin_kedua")
    importers.jalankan(MATRIKS, matriks, opd=opd, tahun=2025, simpan=True, keputusan=keputusan.TOTAL)

    importers.jalankan(MATRIKS, matriks, opd=opd, tahun=2025, user=admin, simpan=True, keputusan=keputusan.RINCIAN)

    catatan = CatatanData.objects.get(opd=opd, jenis="jumlah")
    assert (catatan.status, catatan.diselesaikan_oleh) == (CatatanData.Status.CETAKAN_SALAH, admin)
    assert catatan.history.first().history_user == admin
    # answered again the same way, the note is left as it is
    importers.jalankan(MATRIKS, matriks, opd=opd, tahun=2025, simpan=True, keputusan=keputusan.RINCIAN)
    assert catatan.history.count() == 2


def test_an_approval_on_the_page_names_the_matrix_row_without_an_answer(client, matriks):
    client.force_login(buat_admin())
    opd = PerangkatDaerahFactory()
    impor = unggah(client, matriks, opd, MATRIKS, 2025)

    respons = client.post(reverse("kinerja:impor_simpan", args=[impor.pk]))

    assert respons.status_code == 400
    assert "lembar Tabel 4.1, baris 114 (pagu 2026)" in teks(respons.content.decode())
    impor.refresh_from_db()
    assert impor.status == Impor.Status.SIAP and not Renstra.objects.filter(opd=opd).exists()


# ---------------------------------------------------------------------------------------------
# The answers, validated against the preview's questions
# ---------------------------------------------------------------------------------------------


def _hasil_dengan_pertanyaan(*kunci):
    hasil = Hasil()
    for k in kunci:
        lembar, baris, medan, tahun = k.split("|")
        hasil.masalah.append(
            Masalah(
                "jumlah",
                lembar,
                int(baris),
                peringatan=True,
                jenis="jumlah",
                medan=medan,
                tahun=int(tahun or 0) or None,
            )
        )
    hasil.masalah.append(Masalah("persen", "A", 3, peringatan=True, jenis="persen"))
    return hasil


def test_answers_are_kept_only_for_the_questions_asked_and_the_choices_offered():
    hasil = _hasil_dengan_pertanyaan("A|5|pagu|2026", "A|9|realisasi_anggaran|")

    jawaban = keputusan.jawaban(
        hasil, {"A|5|pagu|2026": "total", "A|9|realisasi_anggaran|": "semua", "B|1|x|": "rincian"}
    )

    assert jawaban == {"A|5|pagu|2026": "total"}
    assert [m.kunci_keputusan for m in keputusan.belum_dijawab(hasil, jawaban)] == ["A|9|realisasi_anggaran|"]
    assert keputusan.jawaban(hasil, "rincian") == {"A|5|pagu|2026": "rincian", "A|9|realisasi_anggaran|": "rincian"}
    assert keputusan.dari_isian({"jumlah:A|5|pagu|2026": "total", "csrfmiddlewaretoken": "x"}) == {
        "A|5|pagu|2026": "total"
    }


def test_a_total_of_many_parts_names_a_bounded_number_and_counts_the_rest():
    daftar = [f"baris {n}" for n in range(BATAS_RINCIAN_JUMLAH + 7)]

    rincian = rincian_terbatas(daftar)

    assert len(rincian) == BATAS_RINCIAN_JUMLAH + 1 and rincian[-1] == "… dan 7 rincian lain"
    assert rincian_terbatas(daftar[:3]) == tuple(daftar[:3])

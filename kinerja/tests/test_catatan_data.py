"""An import's warnings kept as data notes (kinerja.importers.catatan): with the value they
concern, the place in the workbook, the printed and the computed value, and who imported them."""

import pytest
from django.urls import reverse

from kinerja import importers
from kinerja.models import CatatanData
from kinerja.selectors import catatan_data
from kinerja.tests.factories import admin as buat_admin
from renstra.models import Indikator, PerangkatDaerah, SubKegiatan

from .seed_xlsx import perbaiki_evaluasi, tulis_xlsx
from .test_impor import baris_evaluasi_dua_bidang, purwakarta, tabel_3_43_halaman_pertama  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluasi(tmp_path):
    return tulis_xlsx(tmp_path / "evaluasi.xlsx", {"Evaluasi": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})


def test_a_written_evaluation_keeps_each_printed_percentage_slip_with_its_indicator_and_quarter(
    evaluasi,
    purwakarta,  # noqa: F811
):
    admin = buat_admin()

    hasil = importers.jalankan("evaluasi-triwulan", evaluasi, opd=purwakarta, tahun=2024, user=admin, simpan=True)

    assert hasil.disimpan
    catatan = CatatanData.objects.get(jenis="persen", sel="L14")
    indikator = Indikator.objects.get(sub_kegiatan__kode="1.06.02.2.03.0002", renstra__opd=purwakarta)
    assert (catatan.indikator, catatan.triwulan, catatan.medan) == (indikator, 3, "capaian")
    assert (catatan.tercetak, catatan.dihitung) == ("88,23%", "88,24%")
    assert (catatan.opd, catatan.tahun, catatan.dibuat_oleh) == (purwakarta, 2024, admin)
    assert catatan.letak == "evaluasi.xlsx, lembar Evaluasi, sel L14"
    assert catatan.terbuka
    assert catatan.history.count() == 1
    # every warning of the write is kept, tied to its row's value where the row gave one
    assert CatatanData.objects.filter(opd=purwakarta).count() == len(hasil.peringatan)


def test_a_preview_keeps_no_note(evaluasi, purwakarta):  # noqa: F811
    importers.jalankan("evaluasi-triwulan", evaluasi, opd=purwakarta, tahun=2024)

    assert not CatatanData.objects.exists()


def test_importing_again_repeats_no_note_and_reopens_none_someone_resolved(evaluasi, purwakarta):  # noqa: F811
    importers.jalankan("evaluasi-triwulan", evaluasi, opd=purwakarta, tahun=2024, simpan=True)
    n = CatatanData.objects.count()
    CatatanData.objects.filter(sel="L14").update(status=CatatanData.Status.CETAKAN_SALAH)

    importers.jalankan("evaluasi-triwulan", evaluasi, opd=purwakarta, tahun=2024, simpan=True)

    assert CatatanData.objects.count() == n
    assert CatatanData.objects.get(sel="L14").status == CatatanData.Status.CETAKAN_SALAH


def test_a_budget_slip_is_kept_with_its_sub_kegiatan(tmp_path):
    from kinerja.demo import muat_demo
    from renstra.models import Program
    from renstra.selectors import renstra_berlaku

    muat_demo()
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
    baris = tabel_3_43_halaman_pertama()
    baris[3][0] = Program.objects.get(kode="1.06.01", renstra=renstra_berlaku(opd, 2024)).uraian
    berkas = tulis_xlsx(tmp_path / "anggaran.xlsx", {"Tabel 3.43": baris})

    hasil = importers.jalankan("realisasi-anggaran", berkas, opd=opd, tahun=2024, simpan=True)

    assert hasil.disimpan
    catatan = CatatanData.objects.get(opd=opd, jenis="persen", sel="I9")
    assert catatan.sub_kegiatan == SubKegiatan.objects.get(
        kode="1.06.01.2.02.0001", kegiatan__program__renstra=renstra_berlaku(opd, 2024)
    )
    assert (catatan.tercetak, catatan.dihitung, catatan.medan) == ("97,77", "178,63%", "serapan")


def _catatan(opd, **kwargs):
    return CatatanData.objects.create(
        opd=opd, tahun=2024, jenis="persen", pesan="Persen triwulan 3 tercetak 88,23%", kunci="k", **kwargs
    )


def test_an_admin_resolves_a_note_with_a_reason_and_the_history_says_who(client, purwakarta):  # noqa: F811
    catatan = _catatan(purwakarta, tercetak="88,23%", dihitung="88,24%")
    pengelola = buat_admin()
    client.force_login(pengelola)
    url = reverse("admin:kinerja_catatandata_change", args=[catatan.pk])

    tanpa_alasan = client.post(url, {"status": "hitungan_diterima", "penyelesaian": " "})
    assert "Tulis alasan penyelesaian catatan ini." in tanpa_alasan.content.decode()
    catatan.refresh_from_db()
    assert catatan.terbuka

    client.post(url, {"status": "hitungan_diterima", "penyelesaian": "Dokumen memotong; 88,24 benar."})

    catatan.refresh_from_db()
    assert (catatan.status, catatan.diselesaikan_oleh) == ("hitungan_diterima", pengelola)
    terakhir = catatan.history.latest()
    assert (terakhir.history_user, terakhir.history_change_reason) == (
        pengelola,
        "Diselesaikan: Nilai hitungan diterima",
    )
    assert catatan not in catatan_data(purwakarta, 2024)


def test_notes_are_listed_per_agency_and_year_and_cannot_be_deleted(client, purwakarta):  # noqa: F811
    catatan = _catatan(purwakarta)
    CatatanData.objects.create(opd=purwakarta, tahun=None, pesan="Kondisi akhir tercetak 500", kunci="r")
    CatatanData.objects.create(opd=purwakarta, tahun=2023, pesan="Pagu 2023 tercetak", kunci="l")
    client.force_login(buat_admin())

    daftar = client.get(reverse("admin:kinerja_catatandata_changelist"), {"opd": purwakarta.pk, "untuk_tahun": 2024})

    assert daftar.status_code == 200
    isi = daftar.content.decode()
    # the year's notes and the Renstra's (no year), not another year's
    assert "Persen triwulan 3 tercetak 88,23%" in isi and "Kondisi akhir tercetak 500" in isi
    assert "Pagu 2023 tercetak" not in isi
    assert client.post(reverse("admin:kinerja_catatandata_delete", args=[catatan.pk])).status_code == 403
    assert CatatanData.objects.filter(pk=catatan.pk).exists()

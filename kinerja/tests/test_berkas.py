"""An evidence file leaves the disk with its row, however the row is deleted (the admin's delete
page and bulk action, a realisation deleted with its evidence), and only once the transaction
commits: a rolled-back delete keeps the file."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from kinerja.models import DataDukung, Realisasi

from .factories import RealisasiFactory, admin

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%data dukung\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def realisasi():
    return RealisasiFactory()


def data_dukung(realisasi, nama="bukti.pdf"):
    obj = DataDukung(realisasi=realisasi, nama_asli=nama, ukuran=len(PDF), tipe="application/pdf")
    obj.berkas.save(nama, ContentFile(PDF), save=True)
    return obj


def lokasi(obj):
    return Path(obj.berkas.path)


@pytest.fixture
def klien(client):
    client.force_login(admin())
    return client


def test_deleting_a_realisation_removes_its_evidence_files_once_committed(
    realisasi, django_capture_on_commit_callbacks
):
    berkas = [lokasi(data_dukung(realisasi, f"bukti-{i}.pdf")) for i in range(2)]
    lain = lokasi(data_dukung(RealisasiFactory(triwulan=2)))

    with django_capture_on_commit_callbacks(execute=True):
        realisasi.delete()
        assert all(b.exists() for b in berkas)  # not before the commit

    assert not any(b.exists() for b in berkas)
    assert lain.exists()


def test_deleting_evidence_removes_its_file_once_committed(realisasi, django_capture_on_commit_callbacks):
    obj = data_dukung(realisasi)

    with django_capture_on_commit_callbacks(execute=True):
        obj.delete()

    assert not lokasi(obj).exists()


def test_a_rolled_back_delete_keeps_the_files(realisasi, django_capture_on_commit_callbacks):
    obj = data_dukung(realisasi)

    with django_capture_on_commit_callbacks(execute=True) as setelah_commit:
        with transaction.atomic():
            realisasi.delete()
            transaction.set_rollback(True)
        with transaction.atomic():
            DataDukung.objects.filter(pk=obj.pk).delete()
            transaction.set_rollback(True)

    assert setelah_commit == []
    assert lokasi(obj).exists()
    assert DataDukung.objects.filter(pk=obj.pk).exists()


def test_deleting_evidence_on_its_admin_page_removes_its_file(klien, realisasi, django_capture_on_commit_callbacks):
    obj = data_dukung(realisasi)

    with django_capture_on_commit_callbacks(execute=True):
        respons = klien.post(reverse("admin:kinerja_datadukung_delete", args=[obj.pk]), {"post": "yes"})

    assert respons.status_code == 302
    assert not DataDukung.objects.filter(pk=obj.pk).exists()
    assert not lokasi(obj).exists()


def test_deleting_evidence_with_the_admin_bulk_action_removes_their_files(
    klien, realisasi, django_capture_on_commit_callbacks
):
    daftar = [data_dukung(realisasi, f"bukti-{i}.pdf") for i in range(3)]
    tetap = daftar.pop()

    with django_capture_on_commit_callbacks(execute=True):
        klien.post(
            reverse("admin:kinerja_datadukung_changelist"),
            {"action": "delete_selected", "_selected_action": [d.pk for d in daftar], "post": "yes"},
        )

    assert not any(lokasi(d).exists() for d in daftar)
    assert lokasi(tetap).exists()


def test_deleting_a_realisation_in_the_admin_removes_its_evidence_files(
    klien, realisasi, django_capture_on_commit_callbacks
):
    obj = data_dukung(realisasi)

    with django_capture_on_commit_callbacks(execute=True):
        klien.post(reverse("admin:kinerja_realisasi_delete", args=[realisasi.pk]), {"post": "yes"})

    assert not Realisasi.objects.filter(pk=realisasi.pk).exists()
    assert not lokasi(obj).exists()


def test_removing_evidence_inline_on_the_realisation_page_removes_its_file(
    klien, realisasi, django_capture_on_commit_callbacks
):
    obj = data_dukung(realisasi)
    url = reverse("admin:kinerja_realisasi_change", args=[realisasi.pk])
    form = klien.get(url).context["adminform"].form
    data = {
        "indikator": realisasi.indikator_id,
        "tahun": realisasi.tahun,
        "triwulan": realisasi.triwulan,
        "nilai": "8",
        "versi_dilihat": form["versi_dilihat"].value(),
        "data_dukung-TOTAL_FORMS": "1",
        "data_dukung-INITIAL_FORMS": "1",
        "data_dukung-0-id": obj.pk,
        "data_dukung-0-realisasi": realisasi.pk,
        "data_dukung-0-nama_asli": obj.nama_asli,
        "data_dukung-0-DELETE": "on",
    }

    with django_capture_on_commit_callbacks(execute=True):
        respons = klien.post(url, data)

    assert respons.status_code == 302, respons.context["adminform"].form.errors
    assert not DataDukung.objects.filter(pk=obj.pk).exists()
    assert not lokasi(obj).exists()

"""The demo keeps the slips of its seed document (the fixture's `salah_cetak`) as open data notes:
each names the value, the table it was printed in, the printed and the used value."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from kinerja.demo import FOLDER_DEMO, _Pemuat
from kinerja.models import CatatanData
from renstra.models import PerangkatDaerah, SubKegiatan

BELITUNG = "DSPPPA-BELITUNG"
DOKUMEN = "LKjIP 2024 DSPPPA Kabupaten Belitung"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]


def _slip(**kwargs):
    return CatatanData.objects.get(opd__kode=BELITUNG, jenis=CatatanData.Jenis.DOKUMEN, **kwargs)


def _entri_fixture():
    """Every `salah_cetak` entry of the Belitung file."""
    hasil = []

    def jalan(o):
        if isinstance(o, dict):
            hasil.extend(o.get("salah_cetak", []))
            for v in o.values():
                jalan(v)
        elif isinstance(o, list):
            for v in o:
                jalan(v)

    jalan(json.loads((FOLDER_DEMO / "dspppa-belitung.json").read_text(encoding="utf-8")))
    return hasil


def test_salary_realisation_printed_with_an_extra_digit_is_an_open_note_on_the_sub_kegiatan():
    c = _slip(medan="realisasi_anggaran", sub_kegiatan__kode="1.06.01.2.02.0001")
    assert (c.tercetak, c.dihitung, c.tahun, c.lembar, c.berkas) == (
        "8.836.429.688",
        "4.836.429.688",
        2024,
        "Tabel 3.43",
        DOKUMEN,
    )
    assert c.status == CatatanData.Status.TERBUKA
    assert c.pesan.startswith(
        "Realisasi anggaran 2024 sub kegiatan 1.06.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN tercetak "
        "Rp 8.836.429.688 di Tabel 3.43; yang dipakai Rp 4.836.429.688 (sesuai Tabel 3.42"
    )
    assert c.letak == f"{DOKUMEN}, Tabel 3.43"


def test_penurunan_pmks_2023_printed_18_37_in_tabel_3_12_is_a_note_on_the_indicator_and_quarter():
    c = _slip(medan="realisasi", tercetak="18,37")
    assert (c.dihitung, c.tahun, c.triwulan, c.lembar) == ("18,39", 2023, 4, "Tabel 3.12")
    assert c.indikator.uraian == "Persentase penurunan PMKS per tahun"
    assert "Realisasi 2023 indikator Persentase penurunan PMKS per tahun tercetak 18,37 di Tabel 3.12" in c.pesan


def test_pmks_empowerment_printed_83_13_in_tabel_3_11_keeps_realisation_and_capaian():
    realisasi = _slip(medan="realisasi", tercetak="83,13%")
    capaian = _slip(medan="capaian", tercetak="83,13%")
    for c in (realisasi, capaian):
        assert c.dihitung == "88,13%"
        assert c.indikator.uraian == "Persentase PMKS yang menerima program pemberdayaan sosial"
        assert c.lembar == "Tabel 3.11"


def test_a_kegiatan_total_printed_wrong_is_a_note_on_the_kegiatan():
    c = _slip(medan="realisasi_anggaran", kegiatan__kode="1.06.01.2.08")
    assert (c.tercetak, c.dihitung) == ("288.671.749", "228.671.749")
    assert c.sub_kegiatan_id is None and c.indikator_id is None


def test_every_slip_of_the_fixture_is_one_open_note():
    entri = _entri_fixture()
    catatan = CatatanData.objects.filter(opd__kode=BELITUNG, jenis=CatatanData.Jenis.DOKUMEN, berkas=DOKUMEN)
    assert len(entri) == 48  # 31 of 2024 and the years before, 17 of the 2023 budget (Tabel 3.43)
    assert catatan.count() == len(entri)
    assert sorted((e["tercetak"], e["tempat"]) for e in entri) == sorted(catatan.values_list("tercetak", "lembar"))
    assert set(catatan.values_list("status", flat=True)) == {CatatanData.Status.TERBUKA}


def test_loading_the_demo_again_repeats_no_note():
    sebelum = CatatanData.objects.count()
    call_command("demo", stdout=StringIO())
    assert CatatanData.objects.count() == sebelum


def test_a_slip_already_kept_is_not_kept_again():
    """The key is the one an import gives its warning: the value, what was printed and what used."""
    opd = PerangkatDaerah.objects.get(kode=BELITUNG)
    sub = SubKegiatan.objects.get(
        kode="1.06.01.2.02.0001", kegiatan__program__renstra__opd=opd, kegiatan__program__renstra__tahun_awal=2024
    )
    entri = next(e for e in _entri_fixture() if e["tercetak"] == "8.836.429.688")
    pemuat = _Pemuat(nama_berkas="dspppa-belitung.json", opd=opd, dokumen=DOKUMEN)
    pemuat.salah_cetak = [(entri, {"sub_kegiatan": sub})]
    sebelum = CatatanData.objects.count()
    pemuat.simpan_salah_cetak()
    assert CatatanData.objects.count() == sebelum
    pemuat.salah_cetak = [({**entri, "tercetak": "8.836.429.689"}, {"sub_kegiatan": sub})]
    pemuat.simpan_salah_cetak()
    assert CatatanData.objects.count() == sebelum + 1

"""kinerja tells laporan when an agency's data of a year changed (kinerja.sinyal.data_berubah),
once the write is committed: what prints the reports ahead once the data is quiet."""

import pytest

from kinerja import importers
from kinerja.sinyal import data_berubah, terakhir_berubah

from .seed_xlsx import perbaiki_evaluasi, tulis_xlsx
from .test_impor import baris_evaluasi_dua_bidang, purwakarta  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def kabar():
    diterima = []

    def terima(sender, **kwargs):
        diterima.append((kwargs["opd_id"], kwargs["tahun"], kwargs["triwulan"]))

    data_berubah.connect(terima, dispatch_uid="uji_kabar")
    yield diterima
    data_berubah.disconnect(dispatch_uid="uji_kabar")


def test_an_import_that_writes_tells_once_it_is_committed_and_a_preview_never(
    tmp_path,
    purwakarta,  # noqa: F811
    kabar,
    django_capture_on_commit_callbacks,
):
    berkas = tulis_xlsx(tmp_path / "evaluasi.xlsx", {"Evaluasi": perbaiki_evaluasi(baris_evaluasi_dua_bidang())})
    assert terakhir_berubah(purwakarta.pk, 2024) is None

    with django_capture_on_commit_callbacks(execute=True):
        assert importers.jalankan("evaluasi-triwulan", berkas, opd=purwakarta, tahun=2024).sah
    assert kabar == []

    with django_capture_on_commit_callbacks(execute=True) as setelah_commit:
        assert importers.jalankan("evaluasi-triwulan", berkas, opd=purwakarta, tahun=2024, simpan=True).disimpan
        assert kabar == []  # not before the commit
    assert setelah_commit and kabar == [(purwakarta.pk, 2024, None)]
    assert terakhir_berubah(purwakarta.pk, 2024) is not None
    assert terakhir_berubah(purwakarta.pk, 2025) is None

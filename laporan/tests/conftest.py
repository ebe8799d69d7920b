import os
import re
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from kinerja.sintetis import buat_opd_sintetis
from laporan.renderers.pdf import periksa_pdf
from renstra.models import Indikator, PerangkatDaerah


def teks_pdf(isi, tmp_path, tata_letak=True):
    """(text, pages) of a PDF, read back with poppler's pdftotext and pdfinfo. Without
    `tata_letak` the text runs cell by cell, and a number that the narrow columns of a wide form
    break after a thousands dot ("7.089." / "055.091") is joined again."""
    berkas = tmp_path / "laporan.pdf"
    berkas.write_bytes(isi)
    opsi = ["-layout"] if tata_letak else ["-raw"]  # -raw: in the order printed, a cell's lines together
    teks = subprocess.run(["pdftotext", *opsi, str(berkas), "-"], capture_output=True, text=True, check=True)
    info = subprocess.run(["pdfinfo", str(berkas)], capture_output=True, text=True, check=True).stdout
    halaman = int(next(b.split()[-1] for b in info.splitlines() if b.startswith("Pages:")))
    # A word hyphenated at a line's end (WeasyPrint's hyphen, U+2010, not one that was typed) is
    # joined again.
    keluaran = teks.stdout if tata_letak else re.sub(r"(?<=\d\.)\n(?=\d{3})|\u2010\n", "", teks.stdout)
    return keluaran, halaman


# PDF tests skip where Pango is missing, except on CI (KINERJA_E2E_WAJIB=1), where they must run.
perlu_pdf = pytest.mark.skipif(
    periksa_pdf() is not None and not os.environ.get("KINERJA_E2E_WAJIB"),
    reason="WeasyPrint cannot load Pango here (see README: system packages)",
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The Belitung demo agency, loaded once per module (with Batu Bara) and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        yield PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
        transaction.set_rollback(True)


@pytest.fixture
def anggaran_belitung(demo, tmp_path):
    """The first page of the Belitung LKjIP's Tabel 3.43 imported (the extra digit in a
    realisation leaves a serapan printed 97,77 where 178,63% is computed, cell I9)."""
    from kinerja import importers
    from kinerja.tests.seed_xlsx import tulis_xlsx
    from kinerja.tests.test_impor import tabel_3_43_halaman_pertama
    from renstra.models import Program
    from renstra.selectors import renstra_berlaku

    baris = tabel_3_43_halaman_pertama()
    baris[3][0] = Program.objects.get(kode="1.06.01", renstra=renstra_berlaku(demo, 2024)).uraian
    berkas = tulis_xlsx(tmp_path / "anggaran.xlsx", {"Tabel 3.43": baris})
    hasil = importers.jalankan("realisasi-anggaran", berkas, opd=demo, tahun=2024, simpan=True)
    assert hasil.disimpan, hasil.galat
    return demo


@pytest.fixture
def sepuluh_kali_demo(demo):
    """A synthetic agency with ten times the indicators of the Belitung demo (Renstra 2025–2029,
    realisations in 2025), for asserting that a builder's query count does not grow with data."""
    opd = buat_opd_sintetis("BESAR", "Dinas Sosial Besar", seed=1, program=13, kegiatan=8, sub_kegiatan=10)
    demo_2024 = Indikator.objects.filter(renstra__opd=demo, renstra__tahun_awal=2024).count()
    assert Indikator.objects.filter(renstra__opd=opd).count() >= 10 * demo_2024
    return opd

"""The region's rounding (KINERJA_PEMBULATAN): a written percentage is rounded half-up (the
default) or truncated toward zero, decided in one place (rules.bulatkan_tampil); arithmetic
stays at full precision. On values where the two rules differ."""

import subprocess
import sys
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template

from kinerja import rules

from .proses import AKAR, lingkungan

D = Decimal
SETENGAH, POTONG = rules.SETENGAH_KE_ATAS, rules.POTONG


@pytest.mark.parametrize(
    ("nilai", "setengah", "potong"),
    [
        # The example: 77,09 of a target of 70 is 110,1285...%.
        pytest.param(rules.capaian(70, "77,09"), "110,13%", "110,12%", id="77,09-dari-70"),
        # LKjIP Belitung Tabel 3.43, Program Penunjang: 6.829.527.996 / 7.089.055.091 = 96,339...%;
        # the table prints 96,33 (truncated), Lampiran XII 96,34 (half-up).
        pytest.param(rules.serapan(6_829_527_996, 7_089_055_091), "96,34%", "96,33%", id="belitung-3.43-96,339"),
        # An average that truncation writes 94,27 and half-up 94,28.
        pytest.param(rules.rata_rata_capaian(["94,2799"]), "94,28%", "94,27%", id="rata-rata-94,2799"),
        # Purwakarta's quarterly evaluation, 15 of 17: 88,235...%, printed 88,23.
        pytest.param(rules.capaian(17, 15), "88,24%", "88,23%", id="purwakarta-15-dari-17"),
        # Toward zero: a negative value loses its digits the same way.
        pytest.param(D("-1.239"), "-1,24%", "-1,23%", id="negatif-ke-arah-nol"),
        # Where the two agree.
        pytest.param(D("100"), "100,00%", "100,00%", id="bulat"),
        pytest.param(D("6110"), "6.110,00%", "6.110,00%", id="ribuan"),
    ],
)
def test_a_percentage_is_written_by_the_rule_given(nilai, setengah, potong):
    assert rules.format_persen(nilai, aturan=SETENGAH) == setengah
    assert rules.format_persen(nilai, aturan=POTONG) == potong
    assert rules.format_angka_persen(nilai, aturan=POTONG) == potong.removesuffix("%")


def test_the_rule_cuts_at_the_decimals_shown():
    x = rules.capaian(70, "77,09")
    assert rules.bulatkan_tampil(x, 0, POTONG) == D(110)
    assert rules.bulatkan_tampil(x, 3, POTONG) == D("110.128")
    assert rules.bulatkan_tampil(x, 3, SETENGAH) == D("110.129")
    assert rules.bulatkan_tampil(None, 2, POTONG) is None


def test_arithmetic_stays_at_full_precision_whatever_the_rule(settings):
    settings.KINERJA_PEMBULATAN = POTONG
    nilai = [rules.capaian(70, "77,09"), rules.serapan(6_829_527_996, 7_089_055_091)]
    rata = rules.rata_rata_capaian(nilai)
    # The mean of the full values (103,2338...), not of the written 110,12 and 96,33 (103,225).
    assert abs(rata - D("103.23380836809")) < D("1e-10")
    assert rules.format_persen(rata) == "103,23%" and rules.format_persen(D("103.225")) == "103,22%"
    assert rules.format_persen(rata, aturan=SETENGAH) == "103,23%"


def test_the_setting_decides_the_default_and_can_change_at_run_time(settings):
    x = rules.capaian(70, "77,09")
    assert settings.KINERJA_PEMBULATAN == SETENGAH and rules.pembulatan() == SETENGAH
    assert rules.format_persen(x) == "110,13%"
    settings.KINERJA_PEMBULATAN = POTONG
    assert rules.pembulatan() == POTONG
    assert rules.format_persen(x) == "110,12%"
    assert rules.format_persen(x, aturan=SETENGAH) == "110,13%"  # a rule passed in wins


def test_the_template_filter_follows_the_setting(settings):
    templat = Template("{% load kinerja_format %}{{ x|persen }} {{ x|angka }}")
    konteks = Context({"x": rules.serapan(6_829_527_996, 7_089_055_091)})
    assert templat.render(konteks) == "96,34% 96,34"
    settings.KINERJA_PEMBULATAN = POTONG
    # |angka is any number (sizes, counts): half-up always; a percentage is written with |persen.
    assert templat.render(konteks) == "96,33% 96,34"


def test_predikat_and_outliers_are_found_from_the_value_as_written(settings):
    # Permendagri 86/2017: 90 is Tinggi, above it Sangat Tinggi. 90,009 is written 90,01 half-up
    # and 90,00 truncated: the category agrees with the number printed beside it.
    assert rules.predikat("90,009", "permendagri_86_2017") == "Sangat Tinggi"
    assert rules.capaian_pencilan("200,005")
    settings.KINERJA_PEMBULATAN = POTONG
    assert rules.predikat("90,009", "permendagri_86_2017") == "Tinggi"
    assert not rules.capaian_pencilan("200,005")


def test_the_note_names_the_rule(settings):
    assert rules.uraian_pembulatan().startswith("Persentase dibulatkan setengah ke atas pada 2 desimal")
    settings.KINERJA_PEMBULATAN = POTONG
    assert rules.uraian_pembulatan().startswith("Persentase dipotong (tidak dibulatkan) pada 2 desimal")


def test_an_unknown_rule_is_refused_with_an_indonesian_message(settings):
    with pytest.raises(ValueError, match='KINERJA_PEMBULATAN harus "setengah-ke-atas" atau "potong"'):
        rules.bulatkan_tampil(D(1), 2, "bankir")
    settings.KINERJA_PEMBULATAN = "bankir"
    with pytest.raises(ImproperlyConfigured, match='bukan "bankir"'):
        rules.format_persen(D(1))


def test_an_unknown_rule_in_the_environment_stops_the_start(tmp_path):
    hasil = subprocess.run(
        [sys.executable, str(AKAR / "manage.py"), "check"],
        env=lingkungan(tmp_path, KINERJA_PEMBULATAN="bulat"),
        cwd=AKAR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode != 0
    assert 'KINERJA_PEMBULATAN harus "setengah-ke-atas" atau "potong", bukan "bulat".' in hasil.stderr


def test_the_environment_sets_the_rule(tmp_path):
    kode = "from kinerja import rules; print(rules.format_persen(rules.capaian(70, '77,09')))"
    hasil = subprocess.run(
        [sys.executable, str(AKAR / "manage.py"), "shell", "-c", kode],
        env=lingkungan(tmp_path, KINERJA_PEMBULATAN="Potong"),
        cwd=AKAR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip().splitlines()[-1] == "110,12%"


def test_an_import_compares_a_printed_percentage_by_the_regions_rule(settings):
    from kinerja.importers.sel import beda_dari_cetakan

    dihitung = rules.capaian(70, "77,09")  # 110,1285...%
    # Half-up (the default): a printed 110,12 is a truncation, reported as a slip.
    assert beda_dari_cetakan(dihitung, D("110.12"), 2) and not beda_dari_cetakan(dihitung, D("110.13"), 2)
    settings.KINERJA_PEMBULATAN = POTONG
    # A region that truncates prints 110,12: no slip; 110,13 is not its rule's figure.
    assert not beda_dari_cetakan(dihitung, D("110.12"), 2) and beda_dari_cetakan(dihitung, D("110.13"), 2)
    assert beda_dari_cetakan(dihitung, D("110.1"), 1) is False  # at the printed decimals: 110,1

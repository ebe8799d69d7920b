"""The indicator history speaks an operator's language: what a person set or changed, in words,
never a setting at its default or one that does not apply to the indicator, never the name of
a field or a choice as the code spells it (issue 17, item 7)."""

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils.html import strip_tags

from kinerja.models import Realisasi
from kinerja.riwayat import riwayat_indikator
from renstra.models import Indikator, Target

from .factories import admin

BELITUNG = "DSPPPA-BELITUNG"
PENURUNAN = "Persentase penurunan PMKS per tahun"
RASIO = "Rasio kekerasan terhadap perempuan dan anak"
APE = "Level Anugerah Parahita Ekapraya (APE)"

# Words of the code and of Python that a person must never read in a history.
INGGRIS = re.compile(r"\b(None|True|False|null|yes|no|method|multiplier|positive|negative|created|changed)\b", re.I)


def _nama_dalam(*models):
    """Names of fields and choices as the code spells them (with an underscore: `metode_negatif`,
    `target_per_realisasi`); a bare word such as `uraian` is also a word of the language."""
    nama = set()
    for model in models:
        for f in model._meta.concrete_fields:
            nama |= {f.name, f.attname}
            nama |= {str(v) for v, _ in (f.flatchoices or ())}
    return {n for n in nama if "_" in n}


NAMA_DALAM = _nama_dalam(Indikator, Target, Realisasi)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]


def _indikator(uraian, tahun_awal=2024):
    return Indikator.objects.get(renstra__opd__kode=BELITUNG, renstra__tahun_awal=tahun_awal, uraian=uraian)


def _teks(peristiwa):
    """Everything a person reads of these events."""
    for p in peristiwa:
        yield p.objek
        yield p.alasan
        for c in p.perubahan:
            yield from (c.field, c.lama, c.baru, str(c))


def _pembuatan(indikator):
    return next(p for p in riwayat_indikator(indikator) if p.objek == "Indikator" and p.aksi == "mengisi")


def test_no_demo_history_speaks_english_or_names_a_field_as_the_code_does():
    indikator = list(Indikator.objects.all())
    assert len(indikator) > 200
    for i in indikator:
        for teks in _teks(riwayat_indikator(i)):
            assert not INGGRIS.search(teks), (i.uraian, teks)
            assert not [n for n in NAMA_DALAM if n in teks], (i.uraian, teks)


def test_no_demo_history_writes_a_yes_or_no_for_a_switch():
    for i in Indikator.objects.all():
        for p in riwayat_indikator(i):
            assert not [c for c in p.perubahan if c.baru in ("ya", "tidak") or c.lama in ("ya", "tidak")], i.uraian


def test_no_demo_indicator_shows_a_setting_at_its_default_or_one_that_does_not_apply():
    for i in Indikator.objects.all():
        dibuat = _pembuatan(i)
        nama = [c.nama for c in dibuat.perubahan]
        if i.arah == Indikator.Arah.POSITIF:
            assert "metode_negatif" not in nama, i.uraian
        if not i.berumus or i.pengali == 100:
            assert "pengali" not in nama, i.uraian
        if not i.nol_dari_nol_tercapai:
            assert "nol_dari_nol_tercapai" not in nama, i.uraian
        if i.jenis == Indikator.Jenis.KUANTITATIF:
            assert "jenis" not in nama, i.uraian
        for bawaan in ("urutan", "iku", "ikk", "spm", "boleh_pecahan"):
            if not getattr(i, bawaan):
                assert bawaan not in nama, (i.uraian, bawaan)
        teks = " ".join(_teks([dibuat]))
        for dilarang in ("0 dari 0 dihitung 100%", "metode capaian indikator negatif", "pengali: – → 100"):
            if dilarang == "0 dari 0 dihitung 100%" and i.nol_dari_nol_tercapai:
                continue
            assert dilarang not in teks.lower(), (i.uraian, dilarang)


def test_the_creation_of_a_positive_indicator_lists_what_it_is_and_nothing_else():
    """Seed 003, Tabel 2.3: the first IKU of Belitung's Renstra 2024–2026, successor of the same
    indicator of the Renstra 2019–2023."""
    dibuat = _pembuatan(_indikator(PENURUNAN))
    assert [(c.field, c.baru) for c in dibuat.perubahan if not c.kalimat] == [
        ("tujuan", "1 Meningkatnya kesejahteraan PMKS"),
        ("uraian", PENURUNAN),
        ("satuan", "%"),
        ("arah", "Positif (makin tinggi makin baik)"),
        ("nilai tahunan", "Akhir periode (triwulan terakhir yang dilaporkan)"),
        ("rumusan", "(Jumlah PMKS tahun (n-1) – jumlah PMKS tahun n) / jumlah PMKS tahun (n-1) x 100%"),
        ("sumber data", "Tabel Jenis PMKS tahun 2023 dan Triwulan IV 2024"),
        ("indikator yang sama pada Renstra sebelumnya", PENURUNAN),
    ]
    assert [c.kalimat for c in dibuat.perubahan if c.kalimat] == ["Termasuk Indikator Kinerja Utama (IKU)."]


def test_the_creation_of_a_negative_formula_indicator_names_its_method_and_its_multiplier():
    """Seed 003: the violence ratio is per 10.000 women and children, lower is better."""
    dibuat = _pembuatan(_indikator(RASIO))
    ditulis = {c.field: c.baru for c in dibuat.perubahan if not c.kalimat}
    assert ditulis["arah"] == "Negatif (makin rendah makin baik)"
    assert ditulis["cara menghitung capaian"] == "Target / realisasi × 100"
    assert ditulis["pembilang"] == "Jumlah kasus tindak kekerasan perempuan dan anak"
    assert ditulis["penyebut"] == "Jumlah penduduk perempuan dan anak"
    assert ditulis["pengali rumus"] == "10.000"


def test_the_creation_of_a_level_indicator_names_its_kind_and_scale():
    dibuat = _pembuatan(_indikator(APE))
    ditulis = {c.field: c.baru for c in dibuat.perubahan if not c.kalimat}
    assert ditulis["jenis"] == "Kualitatif (tingkatan)"
    assert ditulis["skala tingkatan"] == "Anugerah Parahita Ekapraya (APE)"


def test_a_change_of_switches_reads_as_sentences_and_a_setting_that_now_applies_is_named():
    i = _indikator(PENURUNAN)
    i.iku = False
    i.arah = Indikator.Arah.NEGATIF
    i.save()
    diubah = riwayat_indikator(i)[0]
    assert diubah.aksi == "mengubah"
    assert [(c.field, c.lama, c.baru) for c in diubah.perubahan if not c.kalimat] == [
        ("arah", "Positif (makin tinggi makin baik)", "Negatif (makin rendah makin baik)"),
        ("cara menghitung capaian", "–", "Target / realisasi × 100"),
    ]
    assert [c.kalimat for c in diubah.perubahan if c.kalimat] == ["Tidak lagi termasuk Indikator Kinerja Utama (IKU)."]


def test_switching_on_zero_of_zero_reads_as_a_sentence():
    i = _indikator("Persentase PMKS yang tertangani atau mendapatkan layanan")
    i.nol_dari_nol_tercapai = True
    i.pengali = Decimal("1000")
    i.save()
    diubah = riwayat_indikator(i)[0]
    assert [str(c) for c in diubah.perubahan] == [
        "Pengali rumus: 100 → 1.000",
        "Bila tidak ada yang membutuhkan layanan (0 dari 0), capaian dihitung 100%.",
    ]


@pytest.mark.parametrize("uraian", [PENURUNAN, RASIO, APE])
def test_the_history_page_and_the_dashboard_show_no_setting_that_does_not_apply(client, uraian):
    i = _indikator(uraian)
    client.force_login(admin())
    halaman = [
        client.get(reverse("kinerja:riwayat", args=[i.pk])),
        client.get(reverse("laporan:dasbor_indikator", args=[BELITUNG, 2024, i.pk])),
    ]
    for respons in halaman:
        assert respons.status_code == 200
        teks = " ".join(strip_tags(respons.content.decode()).split())
        assert "0 dari 0 dihitung 100%" not in teks
        assert "Pengali 100" not in teks and "pengali: – → 100" not in teks.lower()
        assert "IKU: – → ya" not in teks and "IKK" not in teks
        if i.arah == Indikator.Arah.POSITIF:
            assert "negatif" not in teks.lower()
        assert not [n for n in NAMA_DALAM if n in teks]

"""No export lets a spreadsheet run text as a formula (OWASP, "CSV Injection"): every admin
export, in every format it offers, with hostile text in every text field of every resource. Text
beginning with =, +, -, @ (or their full-width forms), a tab, a carriage return or a line feed is
a string cell marked as text in XLSX and follows a single quote in CSV; numbers, negative ones
too, stay numbers. The report and dashboard workbooks: laporan/tests/test_ekspor_rumus_laporan.py."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.contrib import admin as django_admin
from django.db import models
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from kinerja.models import Realisasi
from renstra.models import Indikator, Target
from renstra.resources import baca_nilai_csv, nilai_csv
from renstra.tests.factories import BidangFactory, PaguFactory, TargetFactory

from . import muatan
from .factories import RealisasiAnggaranFactory, RealisasiFactory, admin

pytestmark = pytest.mark.django_db

# What a spreadsheet program may read as the start of a formula, written out here rather than
# taken from the code under test.
PEMBUKA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
MUATAN = [
    "=1+1",
    "==1+1",
    '=HYPERLINK("http://contoh.invalid","klik")',
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\uff1d1+1",
    "\uff0b1+1",
    "\uff0dSUM(A1)",
    "\uff20SUM(A1)",
    " =1+1",
]
NEGATIF = {"Realisasi": Decimal("-5"), "Target": Decimal("-1.5"), "Indikator": Decimal("-1.5")}
# A negative number as the CSV writes it: Indonesian decimals, no thousands separator.
ANGKA_CSV = re.compile(r"-?\d+(,\d+)?")

ADMIN_EKSPOR = sorted(
    f"{m._meta.app_label}_{m._meta.model_name}"
    for m, model_admin in django_admin.site._registry.items()
    if getattr(model_admin, "resource_classes", None)
)


def test_every_admin_export_is_checked():
    assert ADMIN_EKSPOR == [
        "kinerja_realisasi", "kinerja_realisasianggaran", "renstra_bidang", "renstra_indikator",
        "renstra_kegiatan", "renstra_pagu", "renstra_perangkatdaerah", "renstra_program",
        "renstra_subkegiatan", "renstra_target",
    ]  # fmt: skip


def isi_teks_berbahaya():
    """One row of every exported model, each text field holding one of MUATAN (in turn, so that
    every payload is in every export with a few text fields), and negative numbers. Written with
    update(): the models' validation is not what is tested here."""
    target = TargetFactory()
    indikator = target.indikator
    sub = indikator.sub_kegiatan
    BidangFactory(opd=sub.kegiatan.program.renstra.opd)
    PaguFactory(sub_kegiatan=sub)
    RealisasiFactory(indikator=indikator)
    RealisasiAnggaranFactory(sub_kegiatan=sub)
    for model_admin in django_admin.site._registry.values():
        if not getattr(model_admin, "resource_classes", None):
            continue
        model = model_admin.model
        teks = [
            f
            for f in model._meta.get_fields()
            if isinstance(f, (models.CharField, models.TextField)) and not f.choices and f.concrete
        ]
        for obj in model.objects.all():
            nilai = {
                f.name: f"{MUATAN[(obj.pk + i) % len(MUATAN)]} {f.name}"[: f.max_length] for i, f in enumerate(teks)
            }
            model.objects.filter(pk=obj.pk).update(**nilai)
    Realisasi.objects.update(nilai=NEGATIF["Realisasi"])
    Target.objects.update(nilai=NEGATIF["Target"])
    Indikator.objects.update(kondisi_awal=NEGATIF["Indikator"])


def ekspor(client, model, format):
    """The admin's Export page (django-import-export), every field chosen, in `format` ("xlsx",
    "csv") found by its name in the page's list of formats."""
    url = reverse(f"admin:{model}_export")
    form = client.get(url).context["form"]
    pilihan = {str(label).lower(): nilai for nilai, label in form.fields["format"].choices}
    data = {"resource": "0", "format": pilihan[format]}
    data |= {nama: "on" for nama, field in form.fields.items() if getattr(field, "is_selectable_field", False)}
    respons = client.post(url, data)
    assert respons.status_code == 200 and respons["Content-Disposition"].startswith("attachment;"), model
    return respons.content


@pytest.fixture
def klien(client):
    isi_teks_berbahaya()
    client.force_login(admin())
    return client


def test_the_admin_offers_only_the_formats_checked_here(klien):
    for model in ADMIN_EKSPOR:
        form = klien.get(reverse(f"admin:{model}_export")).context["form"]
        format = sorted(str(label).lower() for nilai, label in form.fields["format"].choices if nilai != "")
        assert format == ["csv", "xlsx"], model


@pytest.mark.parametrize("model", ADMIN_EKSPOR)
def test_an_admin_xlsx_export_has_no_formula_and_keeps_numbers_numbers(klien, model):
    isi = ekspor(klien, model, "xlsx")

    sel = muatan.sel_xlsx(isi)
    assert muatan.rumus_dalam(isi) == []
    assert any(jenis == "s" and nilai.startswith(PEMBUKA) for _, _, nilai, jenis in sel), "no hostile text"
    for c in load_workbook(io.BytesIO(isi)).active.iter_rows():
        for s in c:
            if isinstance(s.value, str) and s.value.lstrip(" ").startswith(PEMBUKA):
                assert s.quotePrefix, (s.coordinate, s.value)
    negatif = {Decimal(str(nilai)) for _, _, nilai, jenis in sel if jenis == "n" and nilai < 0}
    harapan = {angka for nama, angka in NEGATIF.items() if model.endswith(f"_{nama.lower()}")}
    assert negatif >= harapan


@pytest.mark.parametrize("model", ADMIN_EKSPOR)
def test_an_admin_csv_export_begins_no_text_field_with_a_formula_character(klien, model):
    isi = ekspor(klien, model, "csv").decode("utf-8-sig")

    nilai = [v for baris in csv.reader(io.StringIO(isi, newline="")) for v in baris]
    berbahaya = [v for v in nilai if v.lstrip(" ").startswith(PEMBUKA) and not ANGKA_CSV.fullmatch(v)]
    assert berbahaya == []
    assert [v for v in nilai if v.startswith("'") and v[1:].lstrip(" ").startswith(PEMBUKA)], "nothing escaped"
    for nama, angka in NEGATIF.items():
        if model.endswith(f"_{nama.lower()}"):
            assert f"{angka}".replace(".", ",") in nilai


def test_a_csv_export_imports_back_unchanged(client):
    """The quote that guards a field is the export's, not the text's: the CSV import takes it off,
    so the export of unchanged rows imports as unchanged. (Blanks around a text are not kept by
    any import, guarded or not.)"""
    narasi = ["=1+1", "==1+1", "+62 812", "- lihat lampiran", "@SUM(A1)", "\uff1d1+1", "'=1+1"]
    realisasi = [
        RealisasiFactory(triwulan=1, permasalahan=narasi[0], rencana_aksi=narasi[1], tindak_lanjut=narasi[2]),
    ]
    realisasi.append(
        RealisasiFactory(
            indikator=realisasi[0].indikator,
            triwulan=2,
            nilai=Decimal("-1.5"),
            permasalahan=narasi[3],
            rencana_aksi=narasi[4],
            tindak_lanjut=narasi[5],
            keterangan=narasi[6],
        )
    )
    client.force_login(admin())
    isi = ekspor(client, "kinerja_realisasi", "csv")
    assert "'- lihat lampiran" in isi.decode("utf-8-sig")
    url = reverse("admin:kinerja_realisasi_import")
    form = client.get(url).context["form"]
    pilihan = {str(label).lower(): nilai for nilai, label in form.fields["format"].choices}
    berkas = io.BytesIO(isi)
    berkas.name = "realisasi.csv"

    respons = client.post(url, {"resource": "0", "format": pilihan["csv"], "import_file": berkas})

    hasil = respons.context["result"]
    assert not hasil.has_errors() and not hasil.has_validation_errors(), [e.error_dict for e in hasil.invalid_rows]
    assert [baris.import_type for baris in hasil.rows] == ["skip", "skip"]
    for r in realisasi:
        r.refresh_from_db()
    assert [r.nilai for r in realisasi] == [Decimal("8"), Decimal("-1.5")]
    tersimpan = {getattr(r, f) for r in realisasi for f in Realisasi.NARASI}
    assert tersimpan - {""} == set(narasi)


@given(st.text())
def test_every_text_survives_the_csv_guard_and_none_leaves_it_looking_like_a_formula(teks):
    ditulis = nilai_csv(teks)

    assert baca_nilai_csv(ditulis) == teks
    assert not ditulis.lstrip(" ").startswith(PEMBUKA)

"""Admin of a plan that changes nomenclature (issue 18): years in force and the node replaced are
editable on programs, kegiatan and sub kegiatan, codes may be blank ("tanpa kode"), and the hidden
row carrying an old kegiatan's budget is marked and cannot be edited as a sub kegiatan."""

import pytest
from django.urls import reverse

from kinerja.tests.factories import admin, renstra_nomenklatur_berganti
from renstra.models import Program
from renstra.tests.factories import ProgramFactory, RenstraFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(client):
    client.force_login(admin())
    return renstra_nomenklatur_berganti()


def _isian_program(program, **ubah):
    isi = {
        "renstra": program.renstra_id,
        "sasaran": program.sasaran_id or "",
        "kode": program.kode,
        "uraian": program.uraian,
        "bidang": "",
        "tahun_mulai": program.tahun_mulai or "",
        "tahun_selesai": program.tahun_selesai or "",
        "pendahulu": program.pendahulu_id or "",
        "urutan": program.urutan,
        **{f"{p}-{x}": v for p in ("indikator", "kegiatan") for x, v in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))},
    }
    return {**isi, **ubah}


def _prefix_inline(client, url):
    respons = client.get(url)
    return [f.formset.prefix for f in respons.context["inline_admin_formsets"]]


def test_program_years_in_force_and_predecessor_are_saved_from_the_admin(client, data):
    url = reverse("admin:renstra_program_change", args=[data.baru.pk])
    prefix = _prefix_inline(client, url)
    isi = _isian_program(data.baru, tahun_mulai=2026, tahun_selesai="", kode="")
    isi = {k.replace("indikator-", f"{prefix[0]}-").replace("kegiatan-", f"{prefix[1]}-"): v for k, v in isi.items()}
    respons = client.post(url, isi)
    assert respons.status_code == 302, respons.context["adminform"].form.errors
    program = Program.objects.get(pk=data.baru.pk)
    assert (program.kode, program.tahun_mulai, program.pendahulu) == ("", 2026, data.lama)


def test_predecessor_of_another_agency_is_refused(client, data):
    lain = ProgramFactory(renstra=RenstraFactory(), kode="1.06.02")
    url = reverse("admin:renstra_program_change", args=[data.baru.pk])
    prefix = _prefix_inline(client, url)
    isi = _isian_program(data.baru, pendahulu=lain.pk)
    isi = {k.replace("indikator-", f"{prefix[0]}-").replace("kegiatan-", f"{prefix[1]}-"): v for k, v in isi.items()}
    respons = client.post(url, isi)
    assert respons.status_code == 200
    assert "Pendahulu harus milik perangkat daerah yang sama." in respons.content.decode()


def test_lists_print_tanpa_kode_and_mark_the_hidden_budget_row(client, data):
    html = client.get(reverse("admin:renstra_program_changelist")).content.decode()
    assert "tanpa kode" in html
    html = client.get(reverse("admin:renstra_subkegiatan_changelist")).content.decode()
    assert "anggaran kegiatan nomenklatur lama (bukan sub kegiatan)" in html


def test_hidden_budget_row_cannot_be_changed_as_a_sub_kegiatan(client, data):
    url = reverse("admin:renstra_subkegiatan_change", args=[data.pembawa.pk])
    respons = client.post(url, {"kode": "1.06.99.2.01.0001", "uraian": "Palsu", "kegiatan": data.kegiatan_lama.pk})
    assert respons.status_code == 403
    data.pembawa.refresh_from_db()
    assert data.pembawa.kode == ""
    hapus = client.post(reverse("admin:renstra_subkegiatan_delete", args=[data.pembawa.pk]), {"post": "yes"})
    assert hapus.status_code == 403


def test_kegiatan_page_links_its_budget_and_does_not_list_the_hidden_row_as_a_sub_kegiatan(client, data):
    respons = client.get(reverse("admin:renstra_kegiatan_change", args=[data.kegiatan_lama.pk]))
    html = respons.content.decode()
    assert f"sub_kegiatan__id__exact={data.pembawa.pk}" in html
    sub = next(f for f in respons.context["inline_admin_formsets"] if f.formset.model.__name__ == "SubKegiatan")
    assert list(sub.formset.queryset) == []


def test_renstra_page_prints_tanpa_kode_years_in_force_and_predecessor_without_the_hidden_row(client, data):
    html = client.get(reverse("renstra:renstra_detail", args=[data.renstra.pk])).content.decode()
    assert '<span class="kode">tanpa kode</span> Program Pelayanan dan Rehabilitasi' in html
    assert "berlaku sejak awal–2025" in html and "berlaku 2026–akhir" in html
    assert "menggantikan tanpa kode Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial" in html
    assert "nomenklatur lama, tanpa sub kegiatan" not in html
    assert html.count("Pelayanan Anak Terlantar") == 1

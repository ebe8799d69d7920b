"""Data notes as numbered footnotes (laporan.builders.catatan_kaki): the number beside the value a
note concerns in the Evaluasi Triwulan and the Evaluasi Renja, the numbered list under the table
with the printed and the computed value, on the page, in the PDF and in the XLSX."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from kinerja.models import CatatanData
from laporan.builders.catatan_kaki import CatatanKaki
from laporan.builders.evaluasi_triwulan import build_evaluasi_triwulan
from laporan.renderers.html import render_dokumen
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Indikator

from .conftest import perlu_pdf, teks_pdf
from .test_evaluasi_triwulan import purwakarta  # noqa: F401

pytestmark = pytest.mark.django_db

PAGU_SUB = "1.06.02.2.03.0002"  # seed 000 line 14: 15 of 17 printed 88,23% in TW III (cell L14)


def _baris(tabel, indikator):
    return next(b for b in tabel.baris if b.kunci == f"indikator-{indikator.pk}")


def _indikator_l14(opd):
    return Indikator.objects.get(sub_kegiatan__kode=PAGU_SUB, renstra__opd=opd)


# ---------------------------------------------------------------------------------------------
# The numbering
# ---------------------------------------------------------------------------------------------


class _Catatan:
    """A note as catatan_data gives it, without a database."""

    def __init__(self, pk, medan, indikator_id=None, triwulan=None, sub_kegiatan_id=None, kegiatan_id=None):
        self.pk, self.medan, self.indikator_id, self.triwulan = pk, medan, indikator_id, triwulan
        self.sub_kegiatan_id, self.kegiatan_id, self.program_id = sub_kegiatan_id, kegiatan_id, None
        self.pesan, self.letak, self.tercetak, self.dihitung = f"catatan {pk}", "a.xlsx, sel B2", "1", "2"


def test_notes_are_numbered_in_the_order_the_report_meets_them_and_keep_their_number():
    kaki = CatatanKaki(
        [
            _Catatan(1, "capaian", indikator_id=7, triwulan=3),
            _Catatan(2, "serapan", sub_kegiatan_id=9),
            _Catatan(3, "capaian", indikator_id=7, triwulan=1),
            _Catatan(4, "", indikator_id=7, triwulan=1),  # about no value
        ]
    )

    assert kaki.nomor(indikator_id=7, triwulan=1, medan="capaian") == [1]
    assert kaki.nomor_simpul(sub_kegiatan_id=9, medan=("pagu", "serapan")) == [2]
    assert kaki.nomor(indikator_id=7, triwulan=1, medan="capaian") == [1]  # met again: the same number
    assert kaki.nomor(indikator_id=7, triwulan=2, medan="capaian") == []
    assert kaki.nomor_simpul(kegiatan_id=9, medan="serapan") == []
    # the note on TW III was never asked for (its quarter not shown): no number, not listed
    assert [(b.nomor, b.pesan) for b in kaki.daftar] == [(1, "catatan 3"), (2, "catatan 2")]


def test_a_cell_marked_twice_keeps_both_numbers_and_both_messages():
    from laporan.dokumen import persen

    kaki = CatatanKaki([_Catatan(1, "capaian", indikator_id=7, triwulan=4), _Catatan(2, "capaian", indikator_id=7)])
    sel = persen(88)

    kaki.tandai_indikator(sel, indikator_id=7, medan="capaian", triwulan=4)
    kaki.tandai_indikator(sel, indikator_id=7, medan="capaian")
    kaki.tandai_indikator(sel, indikator_id=7, medan="capaian")

    assert (sel.tanda, sel.catatan) == ("1,2", "catatan 1 catatan 2")


# ---------------------------------------------------------------------------------------------
# Evaluasi Triwulan: the Purwakarta workbook imported (its slips kept as notes)
# ---------------------------------------------------------------------------------------------


def test_the_quarterly_evaluation_footnotes_the_printed_slip_beside_the_capaian_of_its_quarter(
    purwakarta,  # noqa: F811
):
    catatan = CatatanData.objects.get(opd=purwakarta, sel="L14")
    indikator = _indikator_l14(purwakarta)

    laporan = build_evaluasi_triwulan(purwakarta, 2024, 4)

    form1, form2 = laporan.bagian
    nomor = next(b.nomor for b in form1.catatan_data if b.pk == catatan.pk)
    # form 1: No, Kode, uraian, indikator, satuan, target, then realisasi and % of TW I..IV
    sel = _baris(form1, indikator).sel
    assert (tulis_sel(sel[11]), sel[11].tanda) == ("88,24%", str(nomor))
    assert all(str(nomor) not in s.tanda.split(",") for i, s in enumerate(sel) if i != 11)
    # form 2: after No … %, S, TW and % of each quarter: TW III's % is the 15th
    assert _baris(form2, indikator).sel[14].tanda == str(nomor)
    # the list under each table: what, where read, printed and computed
    butir = next(b for b in form1.catatan_data if b.nomor == nomor)
    assert (butir.letak, butir.tercetak, butir.dihitung) == (
        "evaluasi.xlsx, lembar Evaluasi, sel L14",
        "88,23%",
        "88,24%",
    )
    assert butir.pesan.startswith("Persen triwulan 3 tercetak 88,23%, sedangkan dihitung 88,24%")
    assert nomor in [b.nomor for b in form2.catatan_data]
    # every note the report numbers is listed once, numbered 1, 2, … down the table
    assert [b.nomor for b in form1.catatan_data] == list(range(1, len(form1.catatan_data) + 1))


def test_a_quarter_not_yet_reported_leaves_its_note_unnumbered(purwakarta):  # noqa: F811
    catatan = CatatanData.objects.get(opd=purwakarta, sel="L14")

    laporan = build_evaluasi_triwulan(purwakarta, 2024, 2)

    assert catatan.pk not in [b.pk for t in laporan.bagian for b in t.catatan_data]


def test_a_resolved_note_is_no_longer_footnoted(purwakarta):  # noqa: F811
    CatatanData.objects.filter(opd=purwakarta, sel="L14").update(status=CatatanData.Status.HITUNGAN_DITERIMA)

    form1 = build_evaluasi_triwulan(purwakarta, 2024, 4).bagian[0]

    assert _baris(form1, _indikator_l14(purwakarta)).sel[11].tanda == ""
    assert "sel L14" not in " ".join(b.letak for b in form1.catatan_data)


def test_the_page_and_pdf_print_the_number_beside_the_value_and_the_list_under_the_table(purwakarta):  # noqa: F811
    laporan = build_evaluasi_triwulan(purwakarta, 2024, 4)
    nomor = next(b.nomor for b in laporan.bagian[0].catatan_data if b.letak.endswith("sel L14"))

    html = render_dokumen(laporan)

    assert f'88,24%<wbr><sup class="tanda-catatan">{nomor}</sup></td>' in html
    baris = f'<tr id="catatan-data-{nomor}"><td class="catatan-data-nomor">{nomor}</td>'
    assert f"{baris}<td>Persen triwulan 3 tercetak 88,23%" in html
    assert '<td class="catatan-data-nilai">88,23%</td><td class="catatan-data-nilai">88,24%</td>' in html


@perlu_pdf
def test_the_pdf_prints_the_list_of_data_notes_with_both_values(purwakarta, tmp_path):  # noqa: F811
    teks, _ = teks_pdf(render_pdf(build_evaluasi_triwulan(purwakarta, 2024, 4)), tmp_path, tata_letak=False)

    assert "Catatan data" in teks
    assert "evaluasi.xlsx, lembar Evaluasi, sel L14" in teks
    assert "88,23%" in teks and "88,24%" in teks


def test_the_xlsx_comments_the_value_and_lists_the_note_under_the_table(purwakarta):  # noqa: F811
    laporan = build_evaluasi_triwulan(purwakarta, 2024, 4)
    nomor = next(b.nomor for b in laporan.bagian[0].catatan_data if b.letak.endswith("sel L14"))

    ws = load_workbook(BytesIO(render_xlsx(laporan)))["Form 1 Capaian"]

    nilai = [c for row in ws.iter_rows() for c in row if c.comment and f"Catatan data {nomor}:" in c.comment.text]
    assert len(nilai) == 1 and round(nilai[0].value, 2) == 88.24 and "tercetak 88,23%" in nilai[0].comment.text
    teks = [c.value for row in ws.iter_rows(max_col=1) for c in row if isinstance(c.value, str)]
    judul = teks.index("Catatan data")
    assert any(
        t.startswith(f"{nomor}. Persen triwulan 3 tercetak 88,23%")
        and "Dibaca dari: evaluasi.xlsx, lembar Evaluasi, sel L14." in t
        and t.endswith("Nilai tercetak 88,23%; dihitung 88,24%.")
        for t in teks[judul + 1 :]
    )


# ---------------------------------------------------------------------------------------------
# Evaluasi Renja: the Belitung demo with the budget table of its LKjIP imported
# ---------------------------------------------------------------------------------------------


def _baris_kode(tabel, kode):
    from laporan.builders.evaluasi_renja import KOLOM

    return next(b for b in tabel.baris if b.sel[KOLOM["kode"]].nilai == kode)


def test_the_renja_footnotes_a_budget_slip_beside_the_serapan_of_its_sub_kegiatan(anggaran_belitung):
    from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja

    catatan = CatatanData.objects.get(opd=anggaran_belitung, sel="I9")

    laporan = build_evaluasi_renja(anggaran_belitung, 2024)

    tabel = laporan.bagian[0]
    butir = next(b for b in tabel.catatan_data if b.pk == catatan.pk)
    sel = _baris_kode(tabel, "1.06.01.2.02.0001").sel
    assert sel[KOLOM["capaian_renja_rp"]].tanda == str(butir.nomor)
    assert [i for i, s in enumerate(sel) if str(butir.nomor) in s.tanda.split(",")] == [KOLOM["capaian_renja_rp"]]
    assert (butir.tercetak, butir.dihitung, butir.letak) == (
        "97,77",
        "178,63%",
        "anggaran.xlsx, lembar Tabel 3.43, sel I9",
    )
    html = render_dokumen(laporan)
    assert f'<sup class="tanda-catatan">{butir.nomor}</sup>' in html
    assert '<td class="catatan-data-nilai">97,77</td><td class="catatan-data-nilai">178,63%</td>' in html


def test_the_renja_before_the_year_closes_footnotes_no_note_on_the_years_serapan(anggaran_belitung):
    from laporan.builders.evaluasi_renja import build_evaluasi_renja

    catatan = CatatanData.objects.get(opd=anggaran_belitung, sel="I9")

    tabel = build_evaluasi_renja(anggaran_belitung, 2024, triwulan=3).bagian[0]

    assert catatan.pk not in [b.pk for b in tabel.catatan_data]


def test_the_renja_footnotes_a_note_on_a_quarter_beside_that_quarters_realisation(demo):
    from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja

    indikator = Indikator.objects.filter(renstra__opd=demo, sub_kegiatan__isnull=False, renstra__tahun_awal=2024)
    indikator = indikator.filter(realisasi__tahun=2024, realisasi__triwulan=2).first()
    catatan = CatatanData.objects.create(
        opd=demo, tahun=2024, jenis="persen", pesan="Persen triwulan 2 tercetak 50,00%.", tercetak="50,00%",
        dihitung="55,00%", medan="capaian", indikator=indikator, triwulan=2, berkas="evaluasi.xlsx", sel="J20",
    )  # fmt: skip

    tabel = build_evaluasi_renja(demo, 2024).bagian[0]

    butir = next(b for b in tabel.catatan_data if b.pk == catatan.pk)
    assert (butir.letak, butir.tercetak, butir.dihitung) == ("evaluasi.xlsx, sel J20", "50,00%", "55,00%")
    baris = next(b for b in tabel.baris if b.kunci == f"indikator-{indikator.pk}")
    ditandai = [i for i, s in enumerate(baris.sel) if str(butir.nomor) in s.tanda.split(",")]
    assert ditandai == [KOLOM["triwulan_2_k"]]


def test_the_renja_footnotes_a_note_on_the_fourth_quarters_capaian_beside_the_years_capaian(demo):
    from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja

    indikator = Indikator.objects.filter(renstra__opd=demo, sub_kegiatan__isnull=False, renstra__tahun_awal=2024)
    indikator = indikator.filter(realisasi__tahun=2024, realisasi__triwulan=4).first()
    catatan = CatatanData.objects.create(
        opd=demo, tahun=2024, jenis="persen", pesan="Capaian 2024 tercetak 100,00%.", tercetak="100,00%",
        dihitung="96,55%", medan="capaian", indikator=indikator, triwulan=4, berkas="lkjip.pdf",
    )  # fmt: skip

    tabel = build_evaluasi_renja(demo, 2024).bagian[0]

    nomor = next(str(b.nomor) for b in tabel.catatan_data if b.pk == catatan.pk)
    baris = next(b for b in tabel.baris if b.kunci == f"indikator-{indikator.pk}")
    assert [i for i, s in enumerate(baris.sel) if nomor in s.tanda.split(",")] == [KOLOM["capaian_renja_k"]]


# ---------------------------------------------------------------------------------------------
# The agency dashboard
# ---------------------------------------------------------------------------------------------


def _dasbor(client, opd, tahun=2024):
    from django.urls import reverse

    return client.get(reverse("laporan:dasbor_opd", args=[opd.kode, tahun])).content.decode()


def test_the_agency_dashboard_counts_the_open_notes_and_lists_the_first_with_both_values(client, anggaran_belitung):
    from kinerja.tests.factories import operator

    terbuka = CatatanData.objects.untuk_tahun(anggaran_belitung, 2024).terbuka()
    client.force_login(operator(anggaran_belitung))

    html = _dasbor(client, anggaran_belitung)

    assert f"Catatan data terbuka: {terbuka.count()}</h2>" in html
    pertama = terbuka.order_by("pk")[:10]
    for c in pertama:
        assert f"<td>{c.pesan}</td>" in html.replace("&#x27;", "'").replace("&quot;", '"')
    if terbuka.count() > 10:
        assert f"dan {terbuka.count() - 10} catatan lainnya" in html
    assert "Semua catatan data perangkat daerah ini di Admin" not in html  # an operator has no Admin


def test_the_agency_dashboard_leads_an_admin_to_the_notes_in_the_admin(client, anggaran_belitung):
    from kinerja.tests.factories import admin

    client.force_login(admin(is_superuser=True))
    catatan = CatatanData.objects.get(opd=anggaran_belitung, sel="I9")

    html = _dasbor(client, anggaran_belitung)

    url = f"/admin/kinerja/catatandata/?opd={anggaran_belitung.pk}&amp;untuk_tahun=2024&amp;status__exact=terbuka"
    assert url in html
    daftar = client.get(url.replace("&amp;", "&"))
    assert daftar.status_code == 200
    assert f"/admin/kinerja/catatandata/{catatan.pk}/change/" in daftar.content.decode()


def test_the_agency_dashboard_says_when_no_note_is_open(client, purwakarta):  # noqa: F811
    from kinerja.tests.factories import operator

    CatatanData.objects.update(status=CatatanData.Status.DATA_DIPERBAIKI)
    client.force_login(operator(purwakarta))

    html = _dasbor(client, purwakarta)

    assert "Catatan data terbuka: 0</h2>" in html
    assert "Tidak ada catatan data tahun 2024 yang belum diselesaikan." in html

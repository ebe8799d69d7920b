"""The read-only API (kinerja/api/) against the Evaluasi Renja: the Belitung demo's 2024 tree and
its TW IV realisations read through the API hold the same indicators, targets, values and capaian
as the rows of the report of the same year. (Here rather than in kinerja/tests: the report is
laporan's, and kinerja does not import laporan.)"""

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja import rules
from kinerja.models import Pelaporan
from kinerja.tests.factories import verifikator
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja
from laporan.dokumen import Jenis
from renstra.models import Indikator

pytestmark = pytest.mark.django_db


def _klien():
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=verifikator()).key}")
    return c


def _baris_laporan(demo):
    """{indicator id: {column: cell}} of the indicator rows of the Evaluasi Renja 2024 (TW IV)."""
    tabel = build_evaluasi_renja(demo, 2024).bagian[0]
    return {
        int(b.kunci.removeprefix("indikator-")): dict(tabel.posisi(b))
        for b in tabel.baris
        if b.kunci.startswith("indikator-")
    }


def _indikator_pohon(simpul):
    """Every indicator (with its rincian) of a node of the API's tree and of its children."""
    for i in simpul.get("indikator", []):
        yield i
        yield from i["rincian"]
    for anak in ("sasaran", "program", "kegiatan", "sub_kegiatan"):
        for s in simpul.get(anak, []):
            yield from _indikator_pohon(s)


def _angka(teks):
    return None if teks is None else Decimal(teks)


def _sama(sel, nilai_api):
    """Whether a K cell of the report holds the API's value (a number, or a level's name)."""
    if sel.jenis == Jenis.TEKS or isinstance(sel.nilai, str):
        return sel.nilai == nilai_api
    return sel.nilai == _angka(nilai_api)


def test_belitung_tree_and_tw_iv_through_the_api_match_the_evaluasi_renja(demo):
    laporan = _baris_laporan(demo)
    c = _klien()

    pohon = c.get(reverse("api:renstra", kwargs={"kode": demo.kode}) + "?tahun=2024").json()
    di_pohon = {
        i["id"]: i
        for t in [*pohon["tujuan"], {"sasaran": [{"program": pohon["program_lain"]}]}]
        for i in _indikator_pohon(t)
    }
    # The report prints every indicator of the tree but those of a tujuan alone (its form begins at the sasaran).
    tujuan_saja = set(
        Indikator.objects.filter(id__in=di_pohon, tujuan__isnull=False, sasaran__isnull=True).values_list(
            "pk", flat=True
        )
    )
    assert len(laporan) == 100 and set(di_pohon) - tujuan_saja == set(laporan)

    alamat = reverse("api:realisasi", kwargs={"kode": demo.kode}) + "?tahun=2024&triwulan=4&ukuran=500"
    jawaban = c.get(alamat).json()
    assert jawaban["next"] is None
    realisasi = {r["indikator"]: r for r in jawaban["results"]}
    assert set(realisasi) == set(di_pohon)

    dibandingkan = 0
    for pk, sel in laporan.items():
        r, i = realisasi[pk], di_pohon[pk]
        assert r["uraian"] == i["uraian"] and r["target"] == i["target_berlaku"], r["uraian"]
        if sel[KOLOM["triwulan_4_k"]].teks == "REFOCUSING":
            continue
        target = sel[KOLOM["target_renja_k"]]
        if target.jenis != Jenis.TEKS:
            assert target.nilai == _angka(r["target"]["nilai"]), r["uraian"]
        assert _sama(sel[KOLOM["triwulan_4_k"]], r["nilai"]), r["uraian"]
        assert _sama(sel[KOLOM["realisasi_renja_k"]], r["nilai_sampai"]), r["uraian"]
        capaian = sel[KOLOM["capaian_renja_k"]]
        assert rules.bulatkan_tampil(capaian.nilai) == _angka(r["capaian"]), r["uraian"]
        if capaian.nilai is None:
            assert r["alasan"] == str(capaian.catatan), r["uraian"]
        dibandingkan += 1
    assert dibandingkan >= 90


def test_belitung_tw_iv_carries_the_state_of_its_submission(demo):
    alamat = reverse("api:realisasi", kwargs={"kode": demo.kode}) + "?tahun=2024&triwulan=4&ukuran=500"
    c = _klien()
    assert {r["status"] for r in c.get(alamat).json()["results"]} == {None}  # the demo submits nothing
    Pelaporan.objects.create(opd=demo, tahun=2024, triwulan=4, status=Pelaporan.Status.DIVERIFIKASI)
    assert {r["status"] for r in c.get(alamat).json()["results"]} == {"diverifikasi"}

"""Reads of the API: the Renstra tree of an agency in force in a year and the quarterly rows of
its indicators, each from the selectors the pages and reports use, in a fixed number of queries."""

from dataclasses import dataclass

from kinerja.models import Pelaporan
from kinerja.selectors import bidang_penanggung_jawab_id, kinerja_per_tahun, skala_laporan
from renstra.selectors import PohonRenstra, pohon_renstra, renstra_berlaku


@dataclass
class PohonTahun:
    """The tree of the Renstra in force in `tahun` (only the nodes in force that year) and the
    year's measurement of each of its indicators ({indicator id: KinerjaIndikator})."""

    pohon: PohonRenstra
    tahun: int
    kinerja: dict


def pohon_tahun(opd, tahun):
    """The tree and the year's measurement (as the Evaluasi Renja reads them), or None when no
    Renstra is in force in `tahun`. Eleven queries whatever the size of the Renstra."""
    renstra = renstra_berlaku(opd, tahun)
    if renstra is None:
        return None
    pohon = pohon_renstra(renstra, tahun)
    indikator = pohon.semua_indikator()
    kinerja = kinerja_per_tahun(indikator, [tahun], skala_laporan("evaluasi_renja"))
    return PohonTahun(pohon=pohon, tahun=tahun, kinerja={i.pk: kinerja[i.pk, tahun] for i in indikator})


@dataclass
class BarisRealisasi:
    """One indicator in one quarter: its value that quarter and up to it, the year's target in
    force, the capaian up to the quarter, and the state of the submission holding the row."""

    kinerja: object  # KinerjaIndikator of the year
    triwulan: int
    pelaporan: Pelaporan | None

    @property
    def indikator(self):
        return self.kinerja.indikator

    @property
    def diukur(self):
        return self.kinerja.diukur_pada(self.triwulan)

    @property
    def nilai(self):
        return self.kinerja.nilai_triwulan[self.triwulan - 1] if self.diukur else None

    @property
    def nilai_sampai(self):
        return self.kinerja.nilai_sampai[self.triwulan - 1] if self.diukur else None

    @property
    def capaian(self):
        return self.kinerja.capaian_sampai[self.triwulan - 1]


def realisasi_triwulan(opd, tahun, user, triwulan=None):
    """The rows of every indicator `user` may read (`kinerja.lihat_opd`: a user with a bidang
    reads their bidang's only) in each quarter of `tahun` (or in `triwulan` alone), in the tree's
    order, each with the submission of its unit (the agency, or its bidang when the agency
    reports per bidang). Thirteen queries whatever the number of indicators."""
    data = pohon_tahun(opd, tahun)
    if data is None:
        return []
    pelaporan = {
        (p.bidang_id, p.triwulan): p for p in Pelaporan.objects.filter(opd=opd, tahun=tahun).select_related("bidang")
    }
    daftar_triwulan = [triwulan] if triwulan else list(range(1, 5))
    baris = []
    for i in data.pohon.semua_indikator():
        if not user.has_perm("kinerja.lihat_opd", i):
            continue
        unit = bidang_penanggung_jawab_id(i) if opd.pelaporan_per_bidang else None
        for tw in daftar_triwulan:
            baris.append(BarisRealisasi(data.kinerja[i.pk], tw, pelaporan.get((unit, tw))))
    return baris

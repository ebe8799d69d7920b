"""Reads of the measurement domain: the performance of an agency in a year, computed by the rules
module from targets and realisations, in a fixed number of queries whatever the data size."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from kinerja import rules
from renstra.models import Indikator, Renstra, Target

from .models import Realisasi, SkalaPredikat

# The target in force for measuring: the revised PK, else the PK, else the Renstra's.
URUTAN_TARGET = (Target.Jenis.PK_PERUBAHAN, Target.Jenis.PK, Target.Jenis.RENSTRA)


def skala_laporan(laporan):
    """The predikat scale chosen for `laporan` in settings.KINERJA_SKALA, as edited in the admin
    (one query), or the preset of the same code when the database has none."""
    try:
        kode = settings.KINERJA_SKALA[laporan]
    except KeyError:
        raise ImproperlyConfigured(f"KINERJA_SKALA tidak mempunyai skala untuk laporan {laporan!r}.") from None
    skala = SkalaPredikat.objects.filter(kode=kode).prefetch_related("rentang").first()
    if skala is not None:
        return skala.sebagai_skala()
    if kode in rules.PRESET:
        return rules.PRESET[kode]
    raise ImproperlyConfigured(f"Skala predikat {kode!r} (untuk {laporan}) tidak ada.")


def batas_capaian():
    batas = settings.KINERJA_BATAS_CAPAIAN
    return None if batas in (None, "") else rules.parse_angka(batas)


@dataclass
class KinerjaIndikator:
    """One indicator in one year: its target in force, its quarterly and yearly values, and their
    capaian. Values are Decimals, or level names for a qualitative indicator."""

    indikator: Indikator
    target: Target | None
    nilai_triwulan: list
    nilai_sampai: list
    nilai_tahunan: Decimal | str | None
    capaian_triwulan: list
    capaian_sampai: list
    hasil: rules.HasilCapaian
    predikat: rules.Rentang | None

    @property
    def capaian(self):
        return self.hasil.nilai

    @property
    def dihitung(self):
        """Counts in averages: not a detail row, not under a sub kegiatan cut by refocusing."""
        i = self.indikator
        return i.induk_id is None and not (i.sub_kegiatan_id and i.sub_kegiatan.refocusing)


@dataclass
class KinerjaTahun:
    renstra: Renstra | None
    tahun: int
    skala: rules.Skala
    indikator: list = field(default_factory=list)
    cara_rata_rata: str = "indikator"
    batas: Decimal | None = None

    def __post_init__(self):
        self._per_id = {k.indikator.pk: k for k in self.indikator}
        self._per_simpul = {}
        for k in self.indikator:
            if not k.dihitung:
                continue
            for level in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"):
                pk = getattr(k.indikator, f"{level}_id")
                if pk:
                    self._per_simpul.setdefault((level, pk), []).append(k)

    def untuk(self, indikator):
        return self._per_id.get(getattr(indikator, "pk", indikator))

    def indikator_simpul(self, simpul):
        """The counted indicators of a node (its own, not its children's)."""
        return self._per_simpul.get((simpul.LEVEL, simpul.pk), [])

    def rata_rata_simpul(self, simpul):
        """Mean capaian of a node's own indicators (seed 003, Tabel 3.9: Sasaran Strategis 1 → 98,82)."""
        return rules.rata_rata_capaian((k.capaian for k in self.indikator_simpul(simpul)), self.batas)

    def rata_rata_kelompok(self, simpul, cara=None):
        """Mean capaian of a group of nodes: over all their indicators, each counted once
        ("indikator"), or over the nodes' own means ("bertingkat"). Tujuan 1 and Sasaran 1 of
        seed 003 give (6110 + 98,82) / 2 = 3104,41 either way."""
        cara = cara or self.cara_rata_rata
        if cara == "bertingkat":
            return rules.rata_rata_capaian(self.rata_rata_simpul(s) for s in simpul)
        unik = {k.indikator.pk: k for s in simpul for k in self.indikator_simpul(s)}
        return rules.rata_rata_capaian((k.capaian for k in unik.values()), self.batas)


def _target_berlaku(daftar):
    for jenis in URUTAN_TARGET:
        for t in daftar:
            if t.jenis == jenis:
                return t
    return None


def _nilai_realisasi(indikator, realisasi):
    if realisasi is None:
        return None
    if indikator.jenis == Indikator.Jenis.KUALITATIF:
        return realisasi.tingkat.nama if realisasi.tingkat_id else None
    if indikator.berumus and realisasi.pembilang is not None and realisasi.penyebut is not None:
        return rules.nilai_rumus(
            realisasi.pembilang, realisasi.penyebut, indikator.pengali, indikator.nol_dari_nol_tercapai
        )
    return realisasi.nilai


def _nilai_kualitatif_sampai(nilai, triwulan):
    dilaporkan = [v for v in nilai[:triwulan] if v]
    return dilaporkan[-1] if dilaporkan else None


def _hasil(indikator, target, nilai, tingkatan):
    if target is None:
        return rules.HasilCapaian(None, rules.Alasan.TARGET_KOSONG)
    if indikator.jenis == Indikator.Jenis.KUALITATIF:
        return rules.hasil_capaian_ordinal(target.tingkat.nama if target.tingkat_id else None, nilai, tingkatan)
    if target.batas_bawah is not None:
        return rules.hasil_capaian_rentang(target.batas_bawah, target.batas_atas, nilai)
    return rules.hasil_capaian(target.nilai, nilai, indikator.arah, indikator.metode_negatif)


def hitung_indikator(indikator, target_tahun, target_triwulan, realisasi, skala, tingkatan=()):
    """The year of one indicator from its rows: targets of the year (yearly and per quarter, any
    jenis) and realisations per quarter ({triwulan: Realisasi})."""
    target = _target_berlaku(target_tahun)
    nilai = [_nilai_realisasi(indikator, realisasi.get(tw)) for tw in range(1, 5)]
    if indikator.jenis == Indikator.Jenis.KUALITATIF:
        sampai = [_nilai_kualitatif_sampai(nilai, tw) for tw in range(1, 5)]
    else:
        sampai = [rules.nilai_sampai_triwulan(nilai, indikator.cara_tahunan, tw) for tw in range(1, 5)]
    per_triwulan = [_target_berlaku(target_triwulan.get(tw, [])) or target for tw in range(1, 5)]
    hasil = _hasil(indikator, target, sampai[3], tingkatan)
    return KinerjaIndikator(
        indikator=indikator,
        target=target,
        nilai_triwulan=nilai,
        nilai_sampai=sampai,
        nilai_tahunan=sampai[3],
        capaian_triwulan=[_hasil(indikator, per_triwulan[q], nilai[q], tingkatan) for q in range(4)],
        capaian_sampai=[_hasil(indikator, target, sampai[q], tingkatan) for q in range(4)],
        hasil=hasil,
        predikat=skala.cari(hasil.nilai),
    )


def kinerja_tahunan(opd, tahun, skala=None, renstra=None):
    """Every indicator of an agency's Renstra in force in `tahun`, with its target, quarterly and
    yearly values, capaian and predikat, and the means of its nodes. Five queries (six with the
    scale from the database), whatever the number of indicators."""
    if skala is None:
        skala = skala_laporan("dasbor")
    if renstra is None:
        renstra = Renstra.objects.filter(opd=opd).berlaku_pada(tahun).order_by("-revisi").first()
    daftar = _hitung_renstra(renstra, tahun, skala) if renstra else []
    return KinerjaTahun(
        renstra=renstra,
        tahun=tahun,
        skala=skala,
        indikator=daftar,
        cara_rata_rata=settings.KINERJA_RATA_RATA,
        batas=batas_capaian(),
    )


def _hitung_renstra(renstra, tahun, skala):
    indikator = list(
        Indikator.objects.filter(renstra=renstra)
        .select_related("skala_tingkat", "sub_kegiatan")
        .prefetch_related("skala_tingkat__tingkat")
    )
    target_tahun, target_triwulan = {}, {}
    for t in Target.objects.filter(indikator__renstra=renstra, tahun=tahun).select_related("tingkat"):
        if t.triwulan:
            target_triwulan.setdefault(t.indikator_id, {}).setdefault(t.triwulan, []).append(t)
        else:
            target_tahun.setdefault(t.indikator_id, []).append(t)
    realisasi = {}
    for r in Realisasi.objects.filter(indikator__renstra=renstra, tahun=tahun).select_related("tingkat"):
        realisasi.setdefault(r.indikator_id, {})[r.triwulan] = r
    return [
        hitung_indikator(
            i,
            target_tahun.get(i.pk, []),
            target_triwulan.get(i.pk, {}),
            realisasi.get(i.pk, {}),
            skala,
            [t.nama for t in i.skala_tingkat.tingkat.all()] if i.skala_tingkat_id else (),
        )
        for i in indikator
    ]

"""Reads that assemble the plan for pages and reports, in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from .kode import urut_simpul
from .models import (
    Indikator,
    IndikatorDaerah,
    Kegiatan,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
    TujuanDaerah,
)
from .models.rencana import berlaku_pada


def renstra_berlaku(opd, tahun):
    """The agency's Renstra in force in `tahun`: the latest revision of the active one covering it."""
    return Renstra.objects.filter(opd=opd).berlaku_pada(tahun).order_by("-revisi").first()


def indikator_berlaku_pada(tahun, awalan=""):
    """A filter on indicators keeping those whose program, kegiatan or sub kegiatan (with its
    parents) is in force in `tahun`; tujuan and sasaran indicators always stay. `awalan` reaches
    the indicator through a relation (e.g. "indikator__")."""
    saring = Q()
    for jalur in (
        "program__",
        "kegiatan__",
        "kegiatan__program__",
        "sub_kegiatan__",
        "sub_kegiatan__kegiatan__",
        "sub_kegiatan__kegiatan__program__",
    ):
        saring &= berlaku_pada(tahun, f"{awalan}{jalur}")
    return saring


def renstra_utama(opd, tahun):
    """The Renstra to show first for an agency: the active one covering `tahun`, else the
    latest active one, else the latest."""
    semua = Renstra.objects.filter(opd=opd)
    return (
        renstra_berlaku(opd, tahun)
        or semua.filter(aktif=True).order_by("-tahun_awal", "-revisi").first()
        or semua.order_by("-tahun_awal", "-revisi").first()
    )


def _jumlah(queryset, jalur_renstra):
    """Subquery: how many rows of `queryset` belong to the outer Renstra (0 when none). A subquery per
    count, because joining programs, sub kegiatan and indicators at once multiplies the rows."""
    per_renstra = (
        queryset.filter(**{jalur_renstra: OuterRef("pk")})
        .order_by()
        .values(jalur_renstra)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(per_renstra), 0)


def daftar_opd(user):
    """The agencies `user` may see, each with its Renstra and their sizes (two queries)."""
    renstra = Renstra.objects.annotate(
        jumlah_program=_jumlah(Program.objects.all(), "renstra"),
        jumlah_sub_kegiatan=_jumlah(SubKegiatan.objects.tampil(), "kegiatan__program__renstra"),
        jumlah_indikator=_jumlah(Indikator.objects.all(), "renstra"),
    ).order_by("-tahun_awal", "-revisi")
    return PerangkatDaerah.objects.for_user(user).prefetch_related(Prefetch("renstra", queryset=renstra))


@dataclass
class PohonRenstra:
    """A Renstra laid out as a tree for display. Each node gets `daftar_indikator` (indicators
    with `target_per_tahun`, one Renstra target or None per year, and `daftar_rincian`); tujuan get
    `daftar_sasaran`, sasaran `daftar_program`, programs `daftar_kegiatan`, kegiatan
    `daftar_sub_kegiatan`. Programs not linked to a sasaran are in `program_lain`.

    `daftar_sub_kegiatan` holds the sub kegiatan shown as rows; a kegiatan of the nomenclature
    before 2021 keeps its budget on a hidden sub kegiatan (`mewakili_kegiatan`), which is only
    in `daftar_sub_anggaran` (every sub kegiatan whose money counts in the kegiatan's sums) and
    is the kegiatan's `anggaran_sendiri` (None for other kegiatan). Sums of pagu and spending
    go over `daftar_sub_anggaran`, rows and counts over `daftar_sub_kegiatan`.

    Programs, kegiatan and sub kegiatan get `daftar_penerus`, the nodes of the tree naming them
    as `pendahulu` (loaded with each node).

    `tahun_berlaku`: when set, only the programs, kegiatan and sub kegiatan in force that year
    (with their indicators) are in the tree."""

    renstra: Renstra
    tahun: list
    tujuan: list
    program_lain: list
    jumlah: dict = field(default_factory=dict)
    tahun_berlaku: int | None = None

    @property
    def semua_program(self):
        """Every program: those of each sasaran in order, then the ones without a sasaran."""
        return [p for t in self.tujuan for s in t.daftar_sasaran for p in s.daftar_program] + self.program_lain

    def semua_simpul(self):
        """Every node: tujuan and their sasaran, then each program with its kegiatan and sub kegiatan."""
        hasil = []
        for t in self.tujuan:
            hasil += [t, *t.daftar_sasaran]
        for p in self.semua_program:
            hasil += [p, *p.daftar_kegiatan, *(s for kg in p.daftar_kegiatan for s in kg.daftar_sub_kegiatan)]
        return hasil

    def semua_indikator(self):
        """Every indicator of the tree, detail rows included, each knowing its Renstra (no query)."""
        daftar = [i for n in self.semua_simpul() for u in n.daftar_indikator for i in [u, *u.daftar_rincian]]
        for i in daftar:
            i.renstra = self.renstra
        return daftar


def _kelompokkan(objek, kunci):
    hasil = defaultdict(list)
    for o in objek:
        hasil[getattr(o, kunci)].append(o)
    return hasil


def _pasang(induk, anak, fk, atribut):
    """Give every object of `induk` the list of its `anak` (linked by `fk`) as `atribut`, and
    each child its parent object (the relation of `fk`), so that walking up the tree (the
    bidang in charge, a sub kegiatan cut by refocusing) needs no query. Return the grouping,
    whose key None holds the children without a parent."""
    per_induk = _kelompokkan(anak, fk)
    relasi = fk.removesuffix("_id")
    for i in induk:
        setattr(i, atribut, per_induk.get(i.pk, []))
        for a in getattr(i, atribut):
            setattr(a, relasi, i)
    return per_induk


@dataclass
class TingkatDaerah:
    """The region's RPJMD/RPD goals for a Renstra: those of its agency's region covering `tahun`
    (`tujuan`, each with `daftar_indikator`), and which goals each Renstra tujuan serves
    (`per_tujuan`: tujuan pk → goals in code order)."""

    tujuan: list
    per_tujuan: dict


def tingkat_daerah(renstra, wilayah, tahun):
    """The regional level above `renstra`'s tujuan (its agency being in `wilayah`), in three
    queries whatever its size."""
    daerah = TujuanDaerah.objects.filter(
        Q(wilayah=wilayah, tahun_awal__lte=tahun, tahun_akhir__gte=tahun) | Q(tujuan_opd__renstra=renstra)
    ).distinct()
    per_pk = {d.pk: d for d in daerah}
    for d in per_pk.values():
        d.daftar_indikator = []
    # A subquery, not the pks: the query runs even when there is no goal, so the count is fixed.
    for i in IndikatorDaerah.objects.filter(tujuan__in=daerah.values("pk")):
        per_pk[i.tujuan_id].daftar_indikator.append(i)
    per_tujuan = defaultdict(list)
    kaitan = Tujuan.tujuan_daerah.through.objects.filter(tujuan__renstra=renstra).order_by("pk")
    for tujuan_id, daerah_id in kaitan.values_list("tujuan_id", "tujuandaerah_id"):
        per_tujuan[tujuan_id].append(per_pk[daerah_id])
    for daftar in per_tujuan.values():
        daftar.sort(key=urut_simpul)
    return TingkatDaerah(tujuan=sorted(per_pk.values(), key=urut_simpul), per_tujuan=dict(per_tujuan))


def pohon_renstra(renstra, tahun_berlaku=None):
    """Build the tree of `renstra` with seven queries, whatever its size; with `tahun_berlaku`,
    only the programs, kegiatan and sub kegiatan in force that year (a year's reports)."""
    tahun = renstra.daftar_tahun
    tujuan = list(Tujuan.objects.filter(renstra=renstra))
    sasaran = list(Sasaran.objects.filter(tujuan__renstra=renstra))
    program = Program.objects.filter(renstra=renstra).select_related("bidang", "pendahulu")
    kegiatan = Kegiatan.objects.filter(program__renstra=renstra).select_related("bidang", "pendahulu")
    sub_kegiatan = SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).select_related("bidang", "pendahulu")
    if tahun_berlaku is not None:
        program = program.berlaku_pada(tahun_berlaku)
        kegiatan = kegiatan.berlaku_pada(tahun_berlaku)
        sub_kegiatan = sub_kegiatan.berlaku_pada(tahun_berlaku)
    # Siblings in code order, those without a code (tanpa kode) after them.
    tujuan.sort(key=urut_simpul)
    sasaran.sort(key=urut_simpul)
    program, kegiatan, sub_kegiatan = (sorted(q, key=urut_simpul) for q in (program, kegiatan, sub_kegiatan))
    indikator = list(Indikator.objects.filter(renstra=renstra).select_related("skala_tingkat"))
    if tahun_berlaku is not None:
        # The indicators of nodes not in force that year go with their nodes.
        ada = {
            "program_id": {p.pk for p in program},
            "kegiatan_id": {k.pk for k in kegiatan},
            "sub_kegiatan_id": {s.pk for s in sub_kegiatan},
        }
        indikator = [
            i for i in indikator if all(getattr(i, f) is None or getattr(i, f) in pks for f, pks in ada.items())
        ]
    target = Target.objects.filter(
        indikator__renstra=renstra, jenis=Target.Jenis.RENSTRA, triwulan__isnull=True
    ).select_related("tingkat")

    target_per_indikator = defaultdict(dict)
    for t in target:
        target_per_indikator[t.indikator_id][t.tahun] = t
    for i in indikator:
        i.target_per_tahun = [target_per_indikator[i.pk].get(th) for th in tahun]
    _pasang(indikator, indikator, "induk_id", "daftar_rincian")
    utama = [i for i in indikator if not i.induk_id]
    for simpul, level in (
        (tujuan, "tujuan"),
        (sasaran, "sasaran"),
        (program, "program"),
        (kegiatan, "kegiatan"),
        (sub_kegiatan, "sub_kegiatan"),
    ):
        _pasang(simpul, indikator, f"{level}_id", "daftar_indikator")  # detail rows get their node too
        for s in simpul:
            s.daftar_indikator = [i for i in s.daftar_indikator if not i.induk_id]
    for simpul in (program, kegiatan, sub_kegiatan):
        _pasang(simpul, simpul, "pendahulu_id", "daftar_penerus")  # the nodes that replace it
    _pasang(kegiatan, sub_kegiatan, "kegiatan_id", "daftar_sub_anggaran")
    for kg in kegiatan:
        kg.daftar_sub_kegiatan = [s for s in kg.daftar_sub_anggaran if not s.mewakili_kegiatan]
        kg.anggaran_sendiri = next((s for s in kg.daftar_sub_anggaran if s.mewakili_kegiatan), None)
    _pasang(program, kegiatan, "program_id", "daftar_kegiatan")
    program_per_sasaran = _pasang(sasaran, program, "sasaran_id", "daftar_program")
    _pasang(tujuan, sasaran, "tujuan_id", "daftar_sasaran")

    return PohonRenstra(
        renstra=renstra,
        tahun=tahun,
        tujuan=tujuan,
        program_lain=program_per_sasaran.get(None, []),
        jumlah={
            "tujuan": len(tujuan),
            "sasaran": len(sasaran),
            "program": len(program),
            "kegiatan": len(kegiatan),
            "sub_kegiatan": sum(1 for s in sub_kegiatan if not s.mewakili_kegiatan),
            "indikator": len(utama),
        },
        tahun_berlaku=tahun_berlaku,
    )

"""Reads that assemble the plan for pages and reports, in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from .models import Indikator, Kegiatan, PerangkatDaerah, Program, Renstra, Sasaran, SubKegiatan, Target, Tujuan


def renstra_utama(opd, tahun):
    """The Renstra to show first for an agency: the active one covering `tahun`, else the
    latest active one, else the latest."""
    semua = Renstra.objects.filter(opd=opd)
    return (
        semua.berlaku_pada(tahun).order_by("-revisi").first()
        or semua.filter(aktif=True).order_by("-tahun_awal", "-revisi").first()
        or semua.order_by("-tahun_awal", "-revisi").first()
    )


def daftar_opd(user):
    """The agencies `user` may see, each with its Renstra and their sizes (two queries)."""
    renstra = Renstra.objects.annotate(
        jumlah_program=Count("program", distinct=True),
        jumlah_sub_kegiatan=Count("program__kegiatan__sub_kegiatan", distinct=True),
        jumlah_indikator=Count("indikator", distinct=True),
    ).order_by("-tahun_awal", "-revisi")
    return PerangkatDaerah.objects.for_user(user).prefetch_related(Prefetch("renstra", queryset=renstra))


@dataclass
class PohonRenstra:
    """A Renstra laid out as a tree for display. Each node gets `daftar_indikator` (indicators
    with `target_per_tahun`, one Renstra target or None per year, and `daftar_rincian`); tujuan get
    `daftar_sasaran`, sasaran `daftar_program`, programs `daftar_kegiatan`, kegiatan
    `daftar_sub_kegiatan`. Programs not linked to a sasaran are in `program_lain`."""

    renstra: Renstra
    tahun: list
    tujuan: list
    program_lain: list
    jumlah: dict = field(default_factory=dict)


def _kelompokkan(objek, kunci):
    hasil = defaultdict(list)
    for o in objek:
        hasil[getattr(o, kunci)].append(o)
    return hasil


def pohon_renstra(renstra):
    """Build the tree of `renstra` with eight queries, whatever its size."""
    tahun = renstra.daftar_tahun
    tujuan = list(Tujuan.objects.filter(renstra=renstra))
    sasaran = list(Sasaran.objects.filter(tujuan__renstra=renstra))
    program = list(Program.objects.filter(renstra=renstra).select_related("bidang"))
    kegiatan = list(Kegiatan.objects.filter(program__renstra=renstra).select_related("bidang"))
    sub_kegiatan = list(SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).select_related("bidang"))
    indikator = list(Indikator.objects.filter(renstra=renstra).select_related("skala_tingkat"))
    target = Target.objects.filter(
        indikator__renstra=renstra, jenis=Target.Jenis.RENSTRA, triwulan__isnull=True
    ).select_related("tingkat")

    target_per_indikator = defaultdict(dict)
    for t in target:
        target_per_indikator[t.indikator_id][t.tahun] = t
    rincian = _kelompokkan([i for i in indikator if i.induk_id], "induk_id")
    utama = [i for i in indikator if not i.induk_id]
    for i in indikator:
        i.target_per_tahun = [target_per_indikator[i.pk].get(th) for th in tahun]
        i.daftar_rincian = rincian.get(i.pk, [])

    def pasang_indikator(simpul, field):
        per_simpul = _kelompokkan([i for i in utama if getattr(i, f"{field}_id")], f"{field}_id")
        for s in simpul:
            s.daftar_indikator = per_simpul.get(s.pk, [])

    for simpul, field_ in (
        (tujuan, "tujuan"),
        (sasaran, "sasaran"),
        (program, "program"),
        (kegiatan, "kegiatan"),
        (sub_kegiatan, "sub_kegiatan"),
    ):
        pasang_indikator(simpul, field_)

    sub_per_kegiatan = _kelompokkan(sub_kegiatan, "kegiatan_id")
    for k in kegiatan:
        k.daftar_sub_kegiatan = sub_per_kegiatan.get(k.pk, [])
    kegiatan_per_program = _kelompokkan(kegiatan, "program_id")
    for p in program:
        p.daftar_kegiatan = kegiatan_per_program.get(p.pk, [])
    program_per_sasaran = _kelompokkan(program, "sasaran_id")
    for s in sasaran:
        s.daftar_program = program_per_sasaran.get(s.pk, [])
    sasaran_per_tujuan = _kelompokkan(sasaran, "tujuan_id")
    for t in tujuan:
        t.daftar_sasaran = sasaran_per_tujuan.get(t.pk, [])

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
            "sub_kegiatan": len(sub_kegiatan),
            "indikator": len(utama),
        },
    )

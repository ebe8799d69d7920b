"""Perjanjian Kinerja (PK) of a year, as the agencies sign it (PermenPAN-RB 53/2014, Lampiran II;
seed 003: Tabel 2.4 and the signed "Perubahan Perjanjian Kinerja 2024" in its appendix).

The statement naming the two parties, the table of sasaran strategis with their indicators and
targets, the programs with their budgets and the total, and the two signatures: the regent
(pihak kedua) and the head of the agency (pihak pertama). For a bidang it is the bidang head's
agreement with the head of the agency, over the indicators and budgets of the bidang's programs.

The target of an indicator is its revised PK target, else its PK target, else its Renstra
target (kinerja.selectors.URUTAN_TARGET); the PK is titled "Perubahan" when a revised target is
used. A program's budget is the sum of its sub kegiatan's budgets in force in the year
(Pagu.berlaku: the APBD-P when there is one, else the APBD).

The open data notes of the year (issue 19) are numbered beside the value they concern and listed
under its table: a note on an indicator's target beside the target, a note on the pagu of a
program, or of one of its kegiatan or sub kegiatan whose budgets make the program's, beside the
program's budget.
"""

import dataclasses
import re
from collections import defaultdict

from django.db.models import F, Prefetch, Q

from kinerja.selectors import catatan_data, target_berlaku
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Paragraf, Penanda, Tabel, kosong, rupiah, teks
from renstra.kode import urut_simpul
from renstra.models import Indikator, Pagu, Program, Target
from renstra.models.rencana import berlaku_pada
from renstra.selectors import renstra_berlaku

from .catatan_kaki import CATATAN_DATA, PAGU, CatatanKaki
from .umum import keterangan, nama_berkas, penanda_kepala, sel_target

KODE = "perjanjian-kinerja"
JUDUL = "Perjanjian Kinerja"
NAMA_KOSONG = "...................................."

PEMBUKA = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
JANJI = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)
SUPERVISI = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi."
)

KOLOM_SASARAN = [Kolom(5), Kolom(34), Kolom(34), Kolom(12), Kolom(10)]
KOLOM_PROGRAM = [Kolom(5), Kolom(45), Kolom(18), Kolom(27)]
KEPALA_PROGRAM = [[Kepala("No."), Kepala("Program"), Kepala("Anggaran (Rp)"), Kepala("Keterangan (sumber dana)")]]


def kepala_sasaran(kolom_sasaran="Sasaran Strategis"):
    return [
        [Kepala("No."), Kepala(kolom_sasaran), Kepala("Indikator Kinerja"), Kepala("Satuan"), Kepala("Target")],
        [Kepala(f"({n})") for n in range(1, 6)],
    ]


def _urut_kode(kode):
    """By the numbers between the dots; a node without a code (tanpa kode) after the coded ones."""
    if not kode:
        return [(1, 0, "")]
    return [(0, int(x), "") if x.isdigit() else (0, 0, x) for x in kode.split(".")]


def _indikator(renstra, tahun, bidang):
    """The indicators agreed on, each with `target_tahun` (its yearly targets of `tahun`) and
    the node it measures as `simpul`, in the order of the plan (two queries)."""
    target = Target.objects.filter(tahun=tahun, triwulan__isnull=True).select_related("tingkat")
    daftar = Indikator.objects.filter(renstra=renstra, induk__isnull=True).prefetch_related(
        Prefetch("target", queryset=target, to_attr="target_tahun")
    )
    if bidang is None:
        daftar = daftar.filter(Q(tujuan__isnull=False) | Q(sasaran__isnull=False)).select_related(
            "tujuan", "sasaran__tujuan"
        )
    else:
        daftar = daftar.filter(berlaku_pada(tahun, "program__"), program__bidang=bidang).select_related("program")
    hasil = []
    for ind in daftar:
        if ind.program_id:
            ind.simpul, kunci = ind.program, [urut_simpul(ind.program)]
        elif ind.sasaran_id:
            # A sasaran indicator that serves its tujuan as well is agreed on once, under the sasaran.
            ind.simpul, kunci = ind.sasaran, [*_urut_kode(ind.sasaran.tujuan.kode), 1, *_urut_kode(ind.sasaran.kode)]
        else:
            ind.simpul, kunci = ind.tujuan, [*_urut_kode(ind.tujuan.kode), 0]
        hasil.append((kunci, ind))
    hasil.sort(key=lambda x: x[0])
    return [ind for _, ind in hasil]


def baris_sasaran(daftar, kaki):
    """The rows of the sasaran table: `daftar` is [(node, indicator, its target in force or None)]
    in the order of the plan, a node numbered once over its indicators (the LKjIP's Lampiran X
    builds them from the data it has read)."""
    baris, nomor, simpul = [], 0, None
    for node, ind, target in daftar:
        sel = sel_target(target)
        if target is not None and target.jenis == Target.Jenis.RENSTRA:
            sel.catatan = "Target Renstra: belum ada target Perjanjian Kinerja tahun ini."
        kaki.tandai_indikator(sel, indikator_id=ind.pk, medan="target")
        # select_related gives each indicator its own copy of the node: compare by kind and id.
        baru = (type(node), node.pk) != simpul
        if baru:
            nomor += 1
            simpul = (type(node), node.pk)
        baris.append(
            Baris(
                [
                    teks(str(nomor) if baru else ""),
                    teks(node.uraian if baru else ""),
                    teks(ind.uraian),
                    teks(ind.satuan),
                    sel,
                ]
            )
        )
    return baris


def _nama_program(uraian):
    """The column is headed "Program": the PK prints the name without the word (seed 003)."""
    return re.sub(r"^program\s+", "", uraian, flags=re.IGNORECASE)


def _urutan_program(program):
    """Code order, the supporting program (x.xx.01, "Penunjang Urusan Pemerintahan Daerah" in
    Permendagri 90/2019) last, as the signed PK of seed 003 lists it."""
    return (not program.kode, program.kode.split(".")[2:3] == ["01"], urut_simpul(program))


@dataclasses.dataclass
class AnggaranProgram:
    """A program's budget of the year: the sum of its sub kegiatan's budgets in force (None: none
    recorded), their sources of funds, and its kegiatan and sub kegiatan with a budget, as
    ("kegiatan_id" or "sub_kegiatan_id", id), whose data notes on the pagu are the program's."""

    program: object
    jumlah: int | None
    sumber: set
    rincian: set


def _anggaran_program(renstra, tahun, bidang):
    """The programs in force in `tahun` with their budgets (two queries)."""
    program = Program.objects.filter(renstra=renstra).berlaku_pada(tahun)  # the programs in force that year
    if bidang is not None:
        program = program.filter(bidang=bidang)
    anggaran, sumber, rincian = defaultdict(list), defaultdict(set), defaultdict(set)
    pagu = (
        Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra, tahun=tahun)
        .annotate(program_id=F("sub_kegiatan__kegiatan__program_id"), kegiatan_id=F("sub_kegiatan__kegiatan_id"))
        .select_related("sumber_dana")
    )
    for p in pagu:
        if p.berlaku is not None:
            anggaran[p.program_id].append(p.berlaku)
            sumber[p.program_id].add(p.sumber_dana.nama)
            rincian[p.program_id] |= {("kegiatan_id", p.kegiatan_id), ("sub_kegiatan_id", p.sub_kegiatan_id)}
    return [
        AnggaranProgram(prog, sum(anggaran[prog.pk]) if anggaran[prog.pk] else None, sumber[prog.pk], rincian[prog.pk])
        for prog in program
    ]


def baris_program(daftar, kaki):
    """One row per program (`daftar`: AnggaranProgram) with the sum of its budgets in force and
    their sources, the numbers of the data notes on the pagu of the program, its kegiatan and sub
    kegiatan beside it; the total."""
    baris, total = [], 0
    for n, a in enumerate(sorted(daftar, key=lambda a: _urutan_program(a.program)), start=1):
        total += a.jumlah or 0
        sel = kaki.tandai_simpul(rupiah(a.jumlah), medan=PAGU, program_id=a.program.pk)
        # kegiatan before sub kegiatan ("kegiatan_id" < "sub_kegiatan_id"), each in the order of its id
        for level, pk in sorted(a.rincian):
            kaki.tandai_simpul(sel, medan=PAGU, **{level: pk})
        baris.append(
            Baris(
                [
                    teks(f"{n}."),
                    teks(_nama_program(a.program.uraian)),
                    sel,
                    teks(" & ".join(sorted(a.sumber))),
                ]
            )
        )
    baris.append(Baris([teks("JUMLAH", kolom=2), rupiah(total), kosong()], 0, "jumlah"))
    return baris


def _para_pihak(opd, bidang, tanggal):
    """(pihak pertama, pihak kedua): the agency's head and the regent, or for a bidang its head
    and the agency's head. Only the first signs with place and date, as the seed does."""
    if bidang is None:
        pertama = penanda_kepala(opd, tanggal, sebutan="PIHAK PERTAMA")
        kedua = Penanda(
            jabatan=opd.kepala_daerah_jabatan or "Kepala Daerah", nama=opd.kepala_daerah_nama, sebutan="PIHAK KEDUA"
        )
        return pertama, kedua
    pertama = penanda_kepala(opd, tanggal, bidang, sebutan="PIHAK PERTAMA")
    if not bidang.kepala_nama:
        pertama = dataclasses.replace(pertama, jabatan=f"Kepala {bidang.nama}", nama="", nip="", pangkat="")
    kedua = dataclasses.replace(penanda_kepala(opd, sebutan="PIHAK KEDUA"), tempat="", tanggal=None)
    return pertama, kedua


def _pernyataan(pertama, kedua):
    return [
        Paragraf(PEMBUKA),
        Paragraf(
            f"Nama: {pertama.nama or NAMA_KOSONG}\nJabatan: {pertama.jabatan}\nselanjutnya disebut pihak pertama."
        ),
        Paragraf(
            f"Nama: {kedua.nama or NAMA_KOSONG}\nJabatan: {kedua.jabatan}\n"
            "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."
        ),
        Paragraf(JANJI),
        Paragraf(SUPERVISI),
    ]


def build_perjanjian_kinerja(opd, tahun, triwulan=None, bidang=None, tanggal=None):
    """The PK of `opd` (or of `bidang`) for `tahun`. `triwulan` is not used: the PK is yearly."""
    renstra = renstra_berlaku(opd, tahun)
    pertama, kedua = _para_pihak(opd, bidang, tanggal)
    jabatan_singkat = (bidang.kepala_jabatan if bidang is not None else opd.kepala_jabatan) or pertama.jabatan
    indikator = _indikator(renstra, tahun, bidang) if renstra else []
    # The open notes of the PK's year (one query); a Renstra's own notes, tied to no year, are not
    # about the year's target or budget.
    kaki = CatatanKaki([c for c in catatan_data(opd, tahun) if c.tahun == tahun] if renstra else [])
    perubahan = any(
        (t := target_berlaku(i.target_tahun)) is not None and t.jenis == Target.Jenis.PK_PERUBAHAN for i in indikator
    )
    judul = f"{'Perubahan ' if perubahan else ''}{JUDUL} Tahun {tahun}"
    kolom_sasaran = "Sasaran Program" if bidang is not None else "Sasaran Strategis"
    sasaran = Tabel(
        "Sasaran dan Target",
        KOLOM_SASARAN,
        kepala_sasaran(kolom_sasaran),
        baris=baris_sasaran([(i.simpul, i, target_berlaku(i.target_tahun)) for i in indikator], kaki),
        judul=f"{kolom_sasaran}, Indikator Kinerja dan Target Tahun {tahun}",
    )
    program = Tabel(
        "Program dan Anggaran",
        KOLOM_PROGRAM,
        KEPALA_PROGRAM,
        baris=baris_program(_anggaran_program(renstra, tahun, bidang), kaki) if renstra else [],
        judul=f"Program dan Anggaran Tahun {tahun}",
    )
    laporan = Laporan(
        kode=KODE,
        judul=[judul, *([bidang.nama] if bidang is not None else []), opd.nama],
        keterangan=keterangan(opd, tahun, None, bidang, renstra),
        bagian=[
            *_pernyataan(pertama, kedua),
            sasaran,
            program,
        ],
        # Signed with the short office, as the seed does ("KEPALA DINAS"): the title names the agency.
        penanda=[kedua, dataclasses.replace(pertama, jabatan=jabatan_singkat)],
        orientasi="portrait",
        nama_berkas=nama_berkas(KODE, opd, tahun, None, bidang),
    )
    if renstra is None:
        laporan.catatan.append(f"Tidak ada Renstra yang berlaku pada tahun {tahun}.")
        return laporan
    laporan.catatan += [
        "Target: target Perjanjian Kinerja Perubahan bila ada, selain itu target Perjanjian Kinerja, "
        "selain itu target Renstra.",
        "Anggaran: jumlah pagu sub kegiatan program yang berlaku pada tahun itu (APBD perubahan bila ada, "
        "selain itu APBD induk).",
    ]
    for tabel in (sasaran, program):
        tabel.catatan_data = kaki.daftar_tabel(tabel)
    if sasaran.catatan_data or program.catatan_data:
        laporan.catatan.append(CATATAN_DATA)
    return laporan

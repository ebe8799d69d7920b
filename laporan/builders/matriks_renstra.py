"""Matriks Renstra: the plan in force laid out as the Renstra's Bab IV table (seed 002, Tabel 4.1
"Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan Perangkat Daerah"; Permendagri 86/2017).

Tujuan and sasaran with their indicators, then per program, kegiatan and sub kegiatan the
indicator, kondisi awal, the target and pagu indikatif of each year of the Renstra, the kondisi
akhir (target and Rp) and the bidang in charge. Program and kegiatan pagu are the sums of their
sub kegiatan; the JUMLAH row sums every sub kegiatan shown. The kondisi akhir follows the
indicator's yearly rule (DESIGN): the sum of the yearly targets for a count, the last year's
target for a percentage, ratio or index.
"""

from collections import defaultdict

from django.db.models import Q

from kinerja import rules, tercetak
from kinerja.models import CatatanData
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Tabel, kode_simpul, kosong, nilai, rupiah, teks
from renstra.kode import urut_simpul
from renstra.models import Indikator, Pagu
from renstra.selectors import pohon_renstra, renstra_berlaku

from .catatan_kaki import CATATAN_DATA, PAGU, ButirCatatan
from .judul_urusan import JudulUrusan, baris_judul
from .umum import (
    keterangan,
    milik_bidang,
    nama_berkas,
    penanda_kepala,
    sel_target,
    tahun_tak_berlaku,
    uraian_bersambung,
)

KODE = "matriks-renstra"
JUDUL = "Matriks Renstra"
KOLOM_DEPAN = 7  # Tujuan, Sasaran, Kode, Program/Kegiatan/Sub Kegiatan, Indikator, Satuan, Kondisi awal


def _jumlah(daftar):
    """The sum of the amounts that are there; None when none is."""
    ada = [x for x in daftar if x is not None]
    return sum(ada) if ada else None


def _sel_kondisi_awal(ind):
    if ind.kondisi_awal_teks:
        return teks(ind.kondisi_awal_teks)
    return nilai(ind.kondisi_awal) if ind.kondisi_awal is not None else kosong()


def _sel_kondisi_akhir(ind):
    """The end-of-period target by the indicator's yearly rule; empty when a count has a year
    without a number to add."""
    ada = {t.tahun: t for t in ind.target_per_tahun if t is not None}
    if not ada:
        return kosong()
    if ind.cara_tahunan != Indikator.CaraTahunan.KUMULATIF:
        return sel_target(ada[max(ada)])
    jumlah = rules.kondisi_akhir({th: t.nilai for th, t in ada.items()}, ind.cara_tahunan)
    return nilai(jumlah) if jumlah is not None else kosong()


def _aturan(ind):
    """The indicator's yearly rule, in words, for a data note."""
    if ind.cara_tahunan == Indikator.CaraTahunan.KUMULATIF:
        return "jumlah target tahunan"
    return "target tahun terakhir"


def _menurut_aturan(ind):
    """The kondisi akhir by the indicator's yearly rule, written as the report shows it ("" when
    the rule gives none)."""
    sel = _sel_kondisi_akhir(ind)
    return sel.teks or (str(sel.nilai) if isinstance(sel.nilai, str) else rules.format_nilai(sel.nilai))


def catatan_kondisi_akhir(ind, tercetak):
    """The data note on an indicator's kondisi akhir when the document printed `tercetak` (text as
    kept in a data note, e.g. "500") where the indicator's yearly rule gives another figure:
    "Kondisi akhir tercetak 500 di dokumen, menurut aturan indikator (target tahun terakhir) 100.";
    None when nothing was printed, the rule gives no figure or the two agree. `ind` carries its
    yearly targets (`target_per_tahun`, as pohon_renstra gives it)."""
    dihitung = _menurut_aturan(ind)
    if not tercetak or not dihitung or tercetak == dihitung:
        return None
    return f"Kondisi akhir tercetak {tercetak} di dokumen, menurut aturan indikator ({_aturan(ind)}) {dihitung}."


def _kunci_simpul(c):
    if c.sub_kegiatan_id:
        return ("subkegiatan", c.sub_kegiatan_id)
    return ("kegiatan", c.kegiatan_id) if c.kegiatan_id else ("program", c.program_id)


def _catatan_tercetak(renstra):
    """What the open data notes on the Renstra say the document printed (one query):
    ({indicator id: note}, {(model name, id): (printed figures {tahun or "akhir": text}, note)},
    {(model name, id, tahun): note}).
    The first: a kondisi akhir printed other than by the indicator's yearly rule (written by an
    import of the matrix, or by the demo from its reading of the document); the second: targets
    printed on a program, kegiatan or sub kegiatan row without an indicator (kinerja.tercetak);
    the third: a node's pagu of a year (a printed total other than its sub kegiatan's sum)."""
    di_renstra = (
        Q(program__renstra=renstra)
        | Q(kegiatan__program__renstra=renstra)
        | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
    )
    catatan = (
        CatatanData.objects.terbuka()
        .filter(
            Q(medan="kondisi_akhir", indikator__renstra=renstra)
            | (Q(medan=tercetak.MEDAN, indikator=None) & di_renstra)
            | (Q(medan__in=PAGU, indikator=None, tahun__isnull=False) & di_renstra)
        )
        .order_by("pk")
    )
    kondisi_akhir, tanpa_indikator, pagu = {}, {}, {}
    for c in catatan:
        if c.indikator_id is not None:
            kondisi_akhir[c.indikator_id] = c
            continue
        if c.medan in PAGU:
            pagu.setdefault((*_kunci_simpul(c), c.tahun), c)
            continue
        deret = tercetak.baca_deret(c.tercetak)
        if deret:
            tanpa_indikator.setdefault(_kunci_simpul(c), (deret, c))
    return kondisi_akhir, tanpa_indikator, pagu


class _Penyusun:
    """Lays out a node's rows: one per indicator (and detail row), with the node's code, name,
    pagu and bidang on the first."""

    def __init__(self, tahun, tercetak=None, tanpa_indikator=None, pagu=None):
        self.tahun = tahun
        self.tercetak = tercetak or {}  # indicator id → the note on a kondisi akhir printed otherwise
        self.tanpa_indikator = tanpa_indikator or {}  # node → targets printed on its row without an indicator
        self.pagu = pagu or {}  # (node, tahun) → the note on its pagu of that year
        self.butir = {}  # id of a marked cell → (message, where read, printed, computed) of its note

    def _tandai(self, sel, pesan, catatan, dihitung=""):
        """Mark `sel` with a data note, numbered by `nomori_catatan` once the rows are in their
        printed order."""
        sel.tanda, sel.catatan = "?", pesan
        self.butir[id(sel)] = (pesan, catatan.letak, catatan.tercetak, dihitung)

    def _tercetak_tanpa_indikator(self, pemilik, isi):
        """Over the empty target cells of a node's row without an indicator: the figures the
        document prints there (kept as a data note, not as targets), as printed, the first
        marked with the note's number."""
        if pemilik is None:
            return
        deret, catatan = self.tanpa_indikator.get((pemilik._meta.model_name, pemilik.pk), ({}, None))
        kolom = {th: KOLOM_DEPAN + 2 * k for k, th in enumerate(self.tahun)}
        kolom["akhir"] = KOLOM_DEPAN + 2 * len(self.tahun)
        bertanda = False
        for kunci, k in kolom.items():
            if kunci in deret and isi[k].nilai is None:
                isi[k] = teks(deret[kunci], kelas="tercetak")
                if not bertanda:
                    self._tandai(isi[k], catatan.pesan, catatan)
                    bertanda = True

    def _pagu(self, pemilik, tahun, rp):
        """A node's pagu of `tahun`, marked with the open note on it (a printed total that was
        not its sub kegiatan's sum, the admin saying one of them is wrong)."""
        sel = rupiah(rp)
        catatan = self.pagu.get((pemilik._meta.model_name, pemilik.pk, tahun)) if pemilik is not None else None
        if catatan is not None:
            self._tandai(sel, catatan.pesan, catatan, catatan.dihitung)
        return sel

    def _kondisi_akhir(self, ind):
        """The kondisi akhir cell, marked with its data note when the document printed another
        figure (numbered by `nomori_catatan` once the rows are in their printed order)."""
        sel = _sel_kondisi_akhir(ind)
        catatan = self.tercetak.get(ind.pk)
        pesan = catatan_kondisi_akhir(ind, catatan.tercetak) if catatan is not None else None
        if pesan:
            self._tandai(sel, pesan, catatan, _menurut_aturan(ind))
        return sel

    def simpul(
        self,
        depan,
        indikator,
        pagu=None,
        penanggung_jawab="",
        tingkat=0,
        jenis="kelompok",
        tak_berlaku=(),
        pemilik=None,
    ):
        """`depan`: the cells over the Tujuan, Sasaran, Kode and name columns; `pagu`: the Rp per year, or None
        for a node without a budget (tujuan, sasaran); `tak_berlaku`: the years the node is not in force,
        whose cells stay empty; `pemilik`: the program, kegiatan or sub kegiatan."""
        hasil = []
        for ind in indikator or [None]:
            for i, baris_ind in enumerate([ind, *(ind.daftar_rincian if ind else [])]):
                pertama = not hasil
                isi = list(depan) if pertama else [kosong(), kosong(), kosong(), kosong()]
                isi += self._indikator(baris_ind)
                for k, th in enumerate(self.tahun):
                    if th in tak_berlaku:
                        isi += [kosong(), kosong()]
                        continue
                    target = baris_ind.target_per_tahun[k] if baris_ind else None
                    isi += [sel_target(target), self._pagu(pemilik, th, pagu[k]) if pertama and pagu else kosong()]
                isi.append(self._kondisi_akhir(baris_ind) if baris_ind else kosong())
                isi.append(rupiah(_jumlah(pagu)) if pertama and pagu else kosong())
                isi.append(teks(penanggung_jawab) if pertama else kosong())
                if ind is None:
                    self._tercetak_tanpa_indikator(pemilik, isi)
                if i:
                    hasil.append(Baris(isi, tingkat + 1, "rincian"))
                else:
                    hasil.append(Baris(isi, tingkat, jenis if pertama else "isi"))
        return hasil

    @staticmethod
    def _indikator(ind):
        if ind is None:
            return [kosong(), kosong(), kosong()]
        return [teks(ind.uraian), teks(ind.satuan), _sel_kondisi_awal(ind)]


def nomori_catatan(baris, butir):
    """Number the data notes of the cells of `baris` in their printed order; returns the numbered
    notes listed under the table (`Tabel.catatan_data`). `butir`: id of a marked cell → (message,
    where read, printed, computed)."""
    daftar = []
    for b in baris:
        for sel in b.sel:
            if sel.tanda:
                daftar.append(ButirCatatan(len(daftar) + 1, *butir[id(sel)]))
                sel.tanda = str(len(daftar))
    return daftar


def _kepala(tahun):
    n = len(tahun)
    return [
        [
            Kepala("Tujuan", baris=3),
            Kepala("Sasaran", baris=3),
            Kepala("Kode", baris=3),
            Kepala("Program / Kegiatan / Sub Kegiatan", baris=3),
            Kepala("Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)", baris=3),
            Kepala("Satuan", baris=3),
            Kepala("Kondisi Kinerja pada Awal Periode Renstra", baris=3),
            Kepala("Target Kinerja dan Pagu Indikatif per Tahun", kolom=2 * n),
            Kepala("Kondisi Kinerja pada Akhir Periode Renstra", kolom=2, baris=2),
            Kepala("Penanggung Jawab", baris=3),
        ],
        [Kepala(str(th), kolom=2) for th in tahun],
        [Kepala(x) for _ in range(n + 1) for x in ("Target", "Rp")],
        [Kepala(str(i)) for i in range(1, KOLOM_DEPAN + 2 * n + 4)],
    ]


def _kolom(tahun):
    """Widths in characters: the Tujuan and Sasaran columns are narrow because their statements
    run on over the columns to their right; a Rp column holds 14.445.744.207 in bold. Printed,
    the codes and numbers (never broken) take the width they need whatever their share, so theirs
    are kept below it and the program and indicator statements get the room."""
    return [
        Kolom(6),
        Kolom(7),
        Kolom(15, lebar_cetak=10),
        Kolom(21, menjorok=True, lebar_cetak=30),
        Kolom(20, lebar_cetak=30),
        Kolom(7),
        Kolom(7.5, lebar_cetak=6),
        *[Kolom(w, lebar_cetak=c) for _ in tahun for w, c in ((7, 6), (15, 10))],
        Kolom(7, lebar_cetak=6),
        Kolom(16, lebar_cetak=10),
        Kolom(12, lebar_cetak=14),
    ]


def _pagu_sub_kegiatan(renstra, tahun):
    """Pagu indikatif per (sub kegiatan id, year), summed over the sources of funds (one query)."""
    pagu = defaultdict(list)
    baris = Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra, tahun__in=tahun).values_list(
        "sub_kegiatan_id", "tahun", "indikatif"
    )
    for sub_id, th, indikatif in baris:
        pagu[(sub_id, th)].append(indikatif)
    return {k: _jumlah(v) for k, v in pagu.items()}


def build_matriks_renstra(opd, tahun, triwulan=None, bidang=None, tanggal=None):
    """The Renstra of `opd` in force in `tahun` as its Bab IV matrix (only `bidang`'s programs,
    kegiatan and sub kegiatan when given). `triwulan` is not used: the matrix is yearly."""
    renstra = renstra_berlaku(opd, tahun)
    judul_kedua = bidang.nama if bidang is not None else opd.nama
    laporan = Laporan(
        kode=KODE,
        judul=[f"{JUDUL}: Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan", judul_kedua],
        keterangan=keterangan(opd, tahun, None, bidang, renstra),
        bagian=[],
        penanda=[penanda_kepala(opd, tanggal)],
        orientasi="landscape",
        padat=True,
        nama_berkas=nama_berkas(KODE, opd, tahun, None, bidang),
    )
    if renstra is None:
        laporan.bagian = [Tabel(JUDUL, _kolom([]), _kepala([]))]
        laporan.catatan.append(f"Tidak ada Renstra yang berlaku pada tahun {tahun}.")
        return laporan

    daftar_tahun = renstra.daftar_tahun
    laporan.judul.append(f"Renstra {renstra.periode}")
    pohon = pohon_renstra(renstra)
    pagu_sub = _pagu_sub_kegiatan(renstra, daftar_tahun)
    susun = _Penyusun(daftar_tahun, *_catatan_tercetak(renstra))
    diabaikan = []  # pagu of a year its sub kegiatan is not in force: left out, and said so

    def pagu_berlaku(s):
        """The pagu of a sub kegiatan per year, empty in the years it is not in force."""
        tak = tahun_tak_berlaku(s, daftar_tahun)
        for th in sorted(tak):
            if pagu_sub.get((s.pk, th)) is not None:
                nama = s.kegiatan if s.mewakili_kegiatan else s
                diabaikan.append(f"{nama.kode_tampil} {nama.uraian} ({th})")
        return [pagu_sub.get((s.pk, th)) if th not in tak else None for th in daftar_tahun]

    jumlah_per_tahun = [[] for _ in daftar_tahun]
    pemilik = opd.singkatan or opd.nama

    def baris_program(program):
        """The rows of a program, its kegiatan and sub kegiatan ([] when `bidang` has none of them)."""
        baris_kegiatan, pagu_program = [], [[] for _ in daftar_tahun]
        for kg in sorted(program.daftar_kegiatan, key=urut_simpul):
            sub = [s for s in sorted(kg.daftar_sub_kegiatan, key=urut_simpul) if milik_bidang(bidang, s)]
            if not sub and not milik_bidang(bidang, kg):
                continue
            pagu_per_sub = [pagu_berlaku(s) for s in sub]
            # The hidden row carrying an old-nomenclature kegiatan's budget counts in its sums.
            sendiri = kg.anggaran_sendiri if milik_bidang(bidang, kg) else None
            pagu_sendiri = [pagu_berlaku(sendiri)] if sendiri is not None else []
            pagu_kegiatan = [_jumlah(p[k] for p in [*pagu_per_sub, *pagu_sendiri]) for k in range(len(daftar_tahun))]
            for k, v in enumerate(pagu_kegiatan):
                pagu_program[k].append(v)
            pj = kg.bidang_penanggung_jawab
            baris_kegiatan += susun.simpul(
                [kosong(), kosong(), kode_simpul(kg), teks(uraian_bersambung(kg))],
                kg.daftar_indikator,
                pagu_kegiatan,
                pj.nama if pj else "",
                tingkat=1,
                tak_berlaku=tahun_tak_berlaku(kg, daftar_tahun),
                pemilik=kg,
            )
            for s, p in zip(sub, pagu_per_sub, strict=True):
                pj = s.bidang_penanggung_jawab
                baris_kegiatan += susun.simpul(
                    [kosong(), kosong(), kode_simpul(s), teks(uraian_bersambung(s))],
                    s.daftar_indikator,
                    p,
                    pj.nama if pj else "",
                    tingkat=2,
                    jenis="isi",
                    tak_berlaku=tahun_tak_berlaku(s, daftar_tahun),
                    pemilik=s,
                )
        if not baris_kegiatan and not milik_bidang(bidang, program):
            return []
        pagu = [_jumlah(v) for v in pagu_program]
        for k, v in enumerate(pagu):
            jumlah_per_tahun[k].append(v)
        return [
            *susun.simpul(
                [kosong(), kosong(), kode_simpul(program), teks(uraian_bersambung(program))],
                program.daftar_indikator,
                pagu,
                program.bidang.nama if program.bidang_id else "",
                tak_berlaku=tahun_tak_berlaku(program, daftar_tahun),
                pemilik=program,
            ),
            *baris_kegiatan,
        ]

    judul, lebar = JudulUrusan(tahun), len(_kolom(daftar_tahun))

    def program_dengan_judul(daftar):
        """The rows of these programs, with an urusan and bidang urusan heading above the first
        program of each bidang urusan."""
        judul.mulai()
        hasil = []
        for p in daftar:
            if isi := baris_program(p):
                hasil += [baris_judul(e, lebar) for e in judul.untuk(p.kode)] + isi
        return hasil

    baris = []
    for tujuan in sorted(pohon.tujuan, key=urut_simpul):
        blok = []
        for sasaran in sorted(tujuan.daftar_sasaran, key=urut_simpul):
            program = program_dengan_judul(sorted(sasaran.daftar_program, key=urut_simpul))
            if bidang is not None and not program:
                continue
            indikator = sasaran.daftar_indikator if bidang is None else []
            # The statement runs on over the empty Kode and Program columns of its row.
            blok += susun.simpul([kosong(), teks(sasaran.uraian, kolom=3)], indikator, None, pemilik)
            blok += program
        if bidang is not None and not blok:
            continue
        # An indicator that serves both the tujuan and its sasaran is shown once, under the sasaran.
        indikator = [i for i in tujuan.daftar_indikator if not i.sasaran_id] if bidang is None else []
        baris += susun.simpul([teks(tujuan.uraian, kolom=4)], indikator, None, pemilik)
        baris += blok
    baris += program_dengan_judul(sorted(pohon.program_lain, key=urut_simpul))

    total = [_jumlah(v) for v in jumlah_per_tahun]
    jumlah = Baris(
        [
            teks("JUMLAH", kolom=KOLOM_DEPAN),
            *[c for v in total for c in (kosong(), rupiah(v if v is not None else 0))],
            kosong(),
            rupiah(_jumlah(total) or 0),
            kosong(),
        ],
        0,
        "jumlah",
    )
    laporan.bagian = [
        Tabel(
            JUDUL,
            _kolom(daftar_tahun),
            _kepala(daftar_tahun),
            baris=[*baris, jumlah],
            judul="Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan Perangkat Daerah",
        )
    ]
    laporan.bagian[0].catatan_data = nomori_catatan(baris, susun.butir)
    laporan.catatan += [
        "Rp: pagu indikatif Renstra; pagu program dan kegiatan adalah jumlah pagu sub kegiatannya, "
        "baris JUMLAH menjumlahkan semua sub kegiatan yang ditampilkan.",
        "Kondisi akhir: jumlah target tahunan untuk indikator kumulatif (jumlah), target tahun terakhir "
        "untuk indikator lain (persentase, rasio, indeks).",
        "Program, kegiatan dan sub kegiatan yang berganti nomenklatur ditampilkan setiap tahun berlakunya; sel "
        'tahun ketika tidak berlaku dibiarkan kosong, dan "menggantikan"/"digantikan oleh" menyambungkan '
        'nomenklatur lama dan baru. Baris tanpa kode dalam dokumennya ditulis "tanpa kode".',
    ]
    if laporan.bagian[0].catatan_data:
        laporan.catatan.append(CATATAN_DATA)
    if diabaikan:
        laporan.catatan.append(
            "Pagu pada tahun ketika programnya, kegiatannya atau sub kegiatannya tidak berlaku tidak dijumlahkan: "
            + "; ".join(diabaikan)
            + "."
        )
    return laporan

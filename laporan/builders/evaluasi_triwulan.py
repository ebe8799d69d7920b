"""Evaluasi Kinerja Triwulan: the two forms of the quarterly evaluation workbook (seed 000).

Form 1: per program, kegiatan and sub kegiatan the indicator, its unit and yearly target, and
for each quarter the realisation and its % of the target. Form 2: the same indicators with the
target (S), realisation and % per quarter, and the quarter's rencana aksi, permasalahan, tindak
lanjut and keterangan. Quarters after the chosen one stay empty. Every % comes from the rules
module through `kinerja_tahunan`.
"""

from django.db.models import Q

from kinerja import rules
from kinerja.models import Realisasi
from kinerja.periode import romawi
from kinerja.selectors import catatan_data, kinerja_tahunan, skala_laporan
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Sel, Tabel, kode_simpul, kosong, nilai, persen, teks
from renstra.kode import urut_simpul
from renstra.selectors import pohon_renstra, renstra_berlaku

from .catatan_kaki import CATATAN_DATA, CatatanKaki
from .semester import keterangan_periode, nama_berkas_periode, triwulan_semester
from .tahunan import catatan_tahunan, sel_per_triwulan_tahunan, tandai_tahunan
from .umum import (
    catatan_pembulatan,
    catatan_pencilan,
    huruf,
    milik_bidang,
    penanda_kepala,
    sel_capaian,
    sel_rata_rata,
    sel_target,
)

KODE = "evaluasi-triwulan"
JUDUL = "Evaluasi Kinerja Triwulan"
TRIWULAN = (1, 2, 3, 4)
REFOCUSING = "REFOCUSING"


def _target(k):
    """The target in force as a cell."""
    return sel_target(k.target if k else None)


STRIP = "-"


def _realisasi(k, q, sampai, strip=frozenset()):
    """A quarter's realisation; a 0 the imported workbook wrote as "-" is printed "-" again."""
    if k is None or q >= sampai:
        return kosong()
    x = k.nilai_triwulan[q]
    if (k.indikator.pk, q + 1) in strip and not isinstance(x, str) and x == 0:
        return nilai(STRIP)
    return nilai(x)


def _capaian(k, q, sampai):
    if k is None or q >= sampai:
        return kosong()
    return sel_capaian(k.capaian_triwulan[q])


class _Penyusun:
    """Walks the plan once and lays out the rows of both forms side by side."""

    def __init__(self, kinerja, triwulan, narasi, strip=frozenset(), kaki=None):
        self.kinerja = kinerja
        self.kaki = kaki if kaki is not None else CatatanKaki()  # the data notes' footnote numbers
        self.strip = strip
        self.tahun = kinerja.tahun
        self.triwulan = triwulan
        self.narasi = narasi
        self.form1 = []
        self.form2 = []

    def simpul(self, nomor, simpul, tingkat, jenis, dipotong=False):
        indikator = simpul.daftar_indikator
        awal = [teks(nomor), kode_simpul(simpul), teks(simpul.uraian)]
        awal2 = [teks(nomor), teks(simpul.uraian)]
        if not indikator:
            self.form1.append(Baris([*awal, kosong(11)], tingkat, jenis))
            self.form2.append(Baris([*awal2, kosong(20)], tingkat, jenis))
            return
        for i, ind in enumerate(indikator):
            depan = awal if i == 0 else [kosong(), kosong(), kosong()]
            depan2 = awal2 if i == 0 else [kosong(), kosong()]
            self.indikator(ind, depan, depan2, tingkat, jenis if i == 0 else "isi", dipotong)
            for rincian in ind.daftar_rincian:
                self.indikator(rincian, [kosong(), kosong(), kosong()], [kosong(), kosong()], tingkat + 1, "rincian")

    def indikator(self, ind, depan, depan2, tingkat, jenis, dipotong=False):
        k = self.kinerja.untuk(ind)
        tw = self.triwulan
        kunci = f"indikator-{ind.pk}"
        tanda = self._tanda(ind)
        kepala = [teks(ind.uraian), teks(ind.satuan), tanda(_target(k), "target")]
        if dipotong:
            self.form1.append(Baris([*depan, *kepala, Sel(teks=REFOCUSING, kolom=8)], tingkat, jenis, kunci))
            self.form2.append(
                Baris([*depan2, *kepala, kosong(), Sel(teks=REFOCUSING, kolom=12), kosong(4)], tingkat, jenis, kunci)
            )
            return
        st = self.strip
        per_tw = [
            c
            for q in range(4)
            for c in (tanda(_realisasi(k, q, tw, st), "realisasi", q), tanda(_capaian(k, q, tw), "capaian", q))
        ]
        per_tw2 = [
            c
            for q in range(4)
            for c in (
                tanda(_target(k), "target", q) if q < tw else kosong(),
                tanda(_realisasi(k, q, tw, st), "realisasi", q),
                tanda(_capaian(k, q, tw), "capaian", q),
            )
        ]
        if k is not None and k.tahunan:
            per_tw = sel_per_triwulan_tahunan(tw, 2, tandai_tahunan(per_tw[6:], self.tahun), self.tahun)
            per_tw2 = sel_per_triwulan_tahunan(tw, 3, tandai_tahunan(per_tw2[9:], self.tahun), self.tahun)
        self.form1.append(Baris([*depan, *kepala, *per_tw], tingkat, jenis, kunci))
        target_persen = persen(rules.SERATUS) if k and k.target else kosong()
        r = self.narasi.get(ind.pk)
        cerita = [teks(getattr(r, n, "") if r else "") for n in Realisasi.NARASI]
        self.form2.append(Baris([*depan2, *kepala, target_persen, *per_tw2, *cerita], tingkat, jenis, kunci))

    def _tanda(self, ind):
        """Puts on a cell of `ind` the numbers of the data notes on its `medan` of quarter `q`
        (0-based; None: the year's)."""

        def tanda(sel, medan, q=None):
            triwulan = None if q is None else q + 1
            return self.kaki.tandai_indikator(sel, indikator_id=ind.pk, medan=medan, triwulan=triwulan)

        return tanda


def _kepala_form1():
    return [
        [
            Kepala("No", baris=2),
            Kepala("Kode Rekening", baris=2),
            Kepala("Program / Kegiatan / Sub Kegiatan", baris=2),
            Kepala("Indikator", baris=2),
            Kepala("Satuan", baris=2),
            Kepala("Target", baris=2),
            *[Kepala(f"Triwulan {romawi(q)}", kolom=2) for q in TRIWULAN],
        ],
        [Kepala(x) for _ in TRIWULAN for x in ("Realisasi", "%")],
        [Kepala(str(n)) for n in range(1, 15)],
    ]


def _kepala_form2():
    return [
        [
            Kepala("No", baris=2),
            Kepala("Jenis Pelayanan", baris=2),
            Kepala("Indikator Kinerja", baris=2),
            Kepala("Satuan", baris=2),
            Kepala("Sasaran (S)", baris=2),
            Kepala("%", baris=2),
            Kepala("Realisasi dan Target Kinerja", kolom=12),
            Kepala("Rencana Aksi", baris=2),
            Kepala("Permasalahan", baris=2),
            Kepala("Tindak Lanjut Rencana Aksi dan Upaya Mengatasi Permasalahan", baris=2),
            Kepala("Ket.", baris=2),
        ],
        [Kepala(f"{x}{q if x == 'TW' else ''}") for q in TRIWULAN for x in ("S", "TW", "%")],
    ]


KOLOM_FORM1 = [
    Kolom(5),
    Kolom(16),
    Kolom(28, menjorok=True),
    Kolom(27),
    Kolom(12),
    Kolom(10),
    *[Kolom(w) for _ in TRIWULAN for w in (10, 11)],
]
KOLOM_FORM2 = [
    Kolom(4),
    Kolom(28, menjorok=True),
    Kolom(26),
    Kolom(8),
    Kolom(8),
    Kolom(7),
    *[Kolom(w) for _ in TRIWULAN for w in (7, 7, 8)],
    Kolom(20),
    Kolom(20),
    Kolom(20),
    Kolom(14),
]


def _baris_rata_rata(kinerja, indikator, triwulan):
    """The unweighted mean capaian per quarter of the counted indicators in the report."""
    dihitung = [k for k in (kinerja.untuk(i) for i in indikator) if k is not None and k.dihitung]
    sel = []
    for q in range(4):
        if q >= triwulan:
            sel += [kosong(), kosong()]
            continue
        capaian = [k.capaian_triwulan[q].nilai for k in dihitung]
        sel += [kosong(), sel_rata_rata(rules.rata_rata_capaian(capaian, kinerja.batas), capaian)]
    return Baris([Sel(teks="Rata-rata capaian", kolom=6), *sel], 0, "jumlah")


def _catatan_pencilan(kinerja, indikator, triwulan):
    """The note naming the quarters' capaian far above every scale in the report."""
    daftar = []
    for k in (kinerja.untuk(x) for i in indikator for x in [i, *i.daftar_rincian]):
        if k is not None and not k.indikator.dipotong_refocusing:
            daftar += [(f"{k.indikator.uraian} (TW {romawi(q + 1)})", k.capaian_triwulan[q]) for q in range(triwulan)]
    return catatan_pencilan(daftar)


def build_evaluasi_triwulan(opd, tahun, triwulan=None, bidang=None, tanggal=None, semester=None):
    """The quarterly evaluation of an agency (or one bidang) up to `triwulan` (4 when None), or up
    to `semester` (its closing quarter, the period named by the semester)."""
    triwulan = triwulan_semester(semester) if semester else triwulan or 4
    renstra = renstra_berlaku(opd, tahun)
    laporan = Laporan(
        kode=KODE,
        judul=[f"{JUDUL} {bidang.nama if bidang else opd.nama}", f"Tahun {tahun}"],
        keterangan=keterangan_periode(opd, tahun, triwulan, bidang, semester=semester),
        bagian=[],
        penanda=[penanda_kepala(opd, tanggal, bidang)],
        orientasi="landscape",
        nama_berkas=nama_berkas_periode(KODE, opd, tahun, triwulan, bidang, semester),
    )
    form1 = Tabel("Form 1 Capaian", KOLOM_FORM1, _kepala_form1(), judul="Form 1. Realisasi dan capaian per triwulan")
    form2 = Tabel(
        "Form 2 Rencana Aksi",
        KOLOM_FORM2,
        _kepala_form2(),
        judul=f"Form 2. Rencana aksi, permasalahan dan tindak lanjut triwulan {romawi(triwulan)}"
        + (f" (s.d. semester {romawi(semester)})" if semester else ""),
    )
    laporan.bagian = [form1, form2]
    if renstra is None:
        laporan.catatan.append(f"Tidak ada Renstra yang berlaku pada tahun {tahun}.")
        return laporan

    skala = skala_laporan("evaluasi_triwulan")
    kinerja = kinerja_tahunan(opd, tahun, skala=skala, renstra=renstra)
    pohon = pohon_renstra(renstra, tahun)
    # one query: the chosen quarter's narrative, and the zeros the imported workbook wrote "-"
    narasi, strip = {}, set()
    for r in (
        Realisasi.objects.filter(indikator__renstra=renstra, tahun=tahun)
        .filter(Q(triwulan=triwulan) | Q(tertulis_strip=True, nilai=0))
        .only("indikator_id", "triwulan", "tertulis_strip", "nilai", *Realisasi.NARASI)
    ):
        if r.triwulan == triwulan:
            narasi[r.indikator_id] = r
        if r.tertulis_strip and r.nilai == 0:
            strip.add((r.indikator_id, r.triwulan))
    kaki = CatatanKaki(catatan_data(opd, tahun))  # one query
    susun = _Penyusun(kinerja, triwulan, narasi, strip, kaki)
    dimuat = []
    if bidang is None:
        strategis = [
            (n, tingkat)
            for t in sorted(pohon.tujuan, key=urut_simpul)
            for n, tingkat in [(t, 0), *((s, 1) for s in sorted(t.daftar_sasaran, key=urut_simpul))]
        ]
        for simpul, tingkat in strategis:
            if simpul.daftar_indikator:
                susun.simpul("", simpul, tingkat, "kelompok")
                dimuat += simpul.daftar_indikator
    for program in sorted(pohon.semua_program, key=urut_simpul):
        kegiatan = [kg for kg in sorted(program.daftar_kegiatan, key=urut_simpul) if milik_bidang(bidang, kg)]
        if not kegiatan and not milik_bidang(bidang, program):
            continue
        susun.simpul("", program, 0, "kelompok")
        dimuat += program.daftar_indikator
        for a, kg in enumerate(kegiatan):
            susun.simpul(huruf(a), kg, 1, "kelompok")
            dimuat += kg.daftar_indikator
            sub = [s for s in sorted(kg.daftar_sub_kegiatan, key=urut_simpul) if milik_bidang(bidang, s)]
            for n, s in enumerate(sub, start=1):
                susun.simpul(str(n), s, 2, "isi", dipotong=s.refocusing)
                dimuat += s.daftar_indikator
    form1.baris = [*susun.form1, _baris_rata_rata(kinerja, dimuat, triwulan)]
    form2.baris = susun.form2
    form1.catatan_data = kaki.daftar_tabel(form1)
    form2.catatan_data = kaki.daftar_tabel(form2)
    laporan.catatan += [
        "Persen triwulan: realisasi triwulan itu terhadap target tahunan (atau target triwulan bila ditetapkan).",
        catatan_pembulatan(),
        "Rata-rata capaian: rata-rata tanpa bobot dari capaian indikator yang terhitung; rincian dan sub kegiatan "
        "refocusing tidak dihitung.",
        f"Skala predikat: {skala.nama}.",
        *_catatan_pencilan(kinerja, dimuat, triwulan),
        *catatan_tahunan(kinerja.untuk(i) for i in dimuat),
    ]
    if kaki.daftar:
        laporan.catatan.append(CATATAN_DATA)
    if strip:
        laporan.catatan.append(
            'Realisasi "-": nol yang pada berkas evaluasi yang diimpor ditulis "-" (dihitung 0, persennya 0,00%), '
            'dicetak kembali "-" seperti berkasnya; nol yang ditulis "0" atau diisi di aplikasi dicetak 0.'
        )
    return laporan

"""Evaluasi Hasil Renja: the evaluation of an agency's yearly work plan against its Renstra in the
layout of Permendagri 86/2017, Lampiran (evaluasi terhadap hasil Renja Perangkat Daerah, form
E.81 family).

Rows go sasaran → program → kegiatan → sub kegiatan. A node's row carries its first indicator;
its further indicators follow on rows of their own with the node's columns left empty, and its
rincian (detail rows) under the indicator they belong to. Every indicator is measured in kinerja
(K) by the rules module; budgets (Rp) are sums of the sub kegiatan's pagu and financial
realisation up the tree. Each sasaran closes with its average capaian, the table with the
totals, the average, the predikat and the narrative rows of the form.

Every query is made once for the whole Renstra, so the report costs the same number of queries
whatever its size.
"""

from dataclasses import dataclass, field

from kinerja import rules
from kinerja.models import RealisasiAnggaran
from kinerja.periode import romawi
from kinerja.selectors import batas_capaian, bidang_rantai_id, catatan_data, kinerja_per_tahun, skala_laporan
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Sel, Tabel, kode_simpul, kosong, nilai, persen, rupiah, teks
from renstra.kode import urut_simpul
from renstra.models import Indikator, Pagu
from renstra.selectors import pohon_renstra, renstra_berlaku

from .catatan_kaki import CATATAN_DATA, PAGU, CatatanKaki
from .judul_urusan import JudulUrusan, baris_judul
from .semester import keterangan_periode, nama_berkas_periode, nama_periode, triwulan_semester
from .tahunan import catatan_tahunan, sel_diukur_tahunan, tandai_tahunan
from .umum import (
    TargetAkhir,
    catatan_pembulatan,
    catatan_pencilan,
    hasil_terhadap_akhir,
    penanda_kepala,
    sel_capaian,
    sel_rata_rata,
    sel_target,
    target_akhir,
)

KODE = "evaluasi-renja"
JUDUL = "Evaluasi Hasil Renja"
REFOCUSING = "REFOCUSING"

# The pairs of K and Rp columns, in the order of the form, numbered 6 to 16 in its number row.
PASANGAN = (
    "target_renstra",
    "sampai_lalu",
    "target_renja",
    "triwulan_1",
    "triwulan_2",
    "triwulan_3",
    "triwulan_4",
    "realisasi_renja",
    "capaian_renja",
    "sampai_renstra",
    "capaian_renstra",
)
DEPAN = ("no", "sasaran", "kode", "uraian", "indikator")
KOLOM = {
    **{nama: i for i, nama in enumerate(DEPAN)},
    **{f"{nama}_{x}": len(DEPAN) + 2 * i + j for i, nama in enumerate(PASANGAN) for j, x in enumerate(("k", "rp"))},
    "predikat": len(DEPAN) + 2 * len(PASANGAN),
    "unit": len(DEPAN) + 2 * len(PASANGAN) + 1,
}
"""Index of each body column by name, e.g. KOLOM["capaian_renja_k"]."""
JUMLAH_KOLOM = len(KOLOM)
UKURAN = 2 * len(PASANGAN)  # the K and Rp columns
LEBAR_LABEL = len(DEPAN)  # a closing row's label spans the columns before the measures

NARASI = (
    "Faktor pendorong keberhasilan pencapaian",
    "Faktor penghambat pencapaian kinerja",
    "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
)

# Widths in characters (shares of the table's width). Twenty-nine columns on A4 landscape: the
# numbers and codes, never broken, take the width they need whatever their share, so theirs are
# kept below it (K 7, Rp 13: 12.345.678.901) and the rest goes to the columns of words (uraian,
# indikator 30: four to six lines each instead of ten).
KOLOM_TABEL = [
    Kolom(2.5),
    Kolom(11),
    Kolom(12),
    Kolom(30, menjorok=True),
    Kolom(30),
    *[Kolom(w) for _ in PASANGAN for w in (7, 13)],
    Kolom(9),
    Kolom(14),
]


# ---------------------------------------------------------------------------------------------
# Values over several years
# ---------------------------------------------------------------------------------------------


def _jumlah(nilai):
    """The sum of the rupiah present, None when none is (an empty cell, not 0)."""
    ada = [v for v in nilai if v is not None]
    return sum(ada) if ada else None


# ---------------------------------------------------------------------------------------------
# Budgets
# ---------------------------------------------------------------------------------------------


@dataclass
class Anggaran:
    """The rupiah of a node: the Renstra's budget over the period, spending in earlier years,
    the budget in force this year and the spending of each quarter (None: nothing recorded)."""

    renstra: int | None = None
    lalu: int | None = None
    pagu: int | None = None
    triwulan: list = field(default_factory=lambda: [None] * 4)

    def tambah(self, lain):
        self.renstra = _jumlah([self.renstra, lain.renstra])
        self.lalu = _jumlah([self.lalu, lain.lalu])
        self.pagu = _jumlah([self.pagu, lain.pagu])
        self.triwulan = [_jumlah(p) for p in zip(self.triwulan, lain.triwulan, strict=True)]
        return self

    def realisasi(self, triwulan):
        return _jumlah(self.triwulan[:triwulan])

    def sampai_renstra(self, triwulan):
        return _jumlah([self.lalu, self.realisasi(triwulan)])


def _serapan(realisasi, pagu):
    """Serapan as a cell, with the reason when it cannot be computed."""
    if pagu is None or pagu == 0:
        return persen(None, catatan="Pagu belum ada atau 0: serapan tidak dapat dihitung.")
    if realisasi is None:
        return persen(None, catatan="Realisasi anggaran belum dilaporkan.")
    return persen(rules.serapan(realisasi, pagu))


def _anggaran_sub_kegiatan(renstra, tahun):
    """{sub kegiatan id: Anggaran} from two queries: every pagu of the Renstra's period and every
    financial realisation up to `tahun`."""
    per_sub = {}
    for p in Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra).only(
        "sub_kegiatan_id", "tahun", "indikatif", "induk", "perubahan"
    ):
        a = per_sub.setdefault(p.sub_kegiatan_id, Anggaran())
        indikatif = p.indikatif if p.indikatif is not None else p.berlaku
        a.renstra = _jumlah([a.renstra, indikatif])
        if p.tahun == tahun:
            a.pagu = _jumlah([a.pagu, p.berlaku])
    for r in RealisasiAnggaran.objects.filter(
        sub_kegiatan__kegiatan__program__renstra=renstra, tahun__lte=tahun, tahun__gte=renstra.tahun_awal
    ).only("sub_kegiatan_id", "tahun", "triwulan", "nilai"):
        a = per_sub.setdefault(r.sub_kegiatan_id, Anggaran())
        if r.tahun < tahun:
            a.lalu = _jumlah([a.lalu, r.nilai])
        else:
            a.triwulan[r.triwulan - 1] = _jumlah([a.triwulan[r.triwulan - 1], r.nilai])
    return per_sub


# ---------------------------------------------------------------------------------------------
# Indicators over the Renstra's years
# ---------------------------------------------------------------------------------------------


@dataclass
class Ukuran:
    """One indicator in the report: this year's measurement (kinerja.selectors), the values of
    the Renstra's earlier years, and the capaian against this year's target and the end target."""

    indikator: Indikator
    kinerja: object
    akhir: TargetAkhir | None
    sampai_lalu: object
    sampai_renstra: object
    capaian_renja: rules.HasilCapaian
    capaian_renstra: rules.HasilCapaian

    @property
    def dihitung(self):
        return self.kinerja.dihitung


def _ukur_semua(renstra, tahun, triwulan, skala, indikator):
    """{indicator id: Ukuran} for every indicator, from three queries (targets of every year,
    realisations of every year up to `tahun`, levels of the qualitative scales)."""
    tahun_renstra = list(range(renstra.tahun_awal, tahun + 1))
    kinerja = kinerja_per_tahun(indikator, tahun_renstra, skala)

    hasil = {}
    for i in indikator:
        per_tahun = {th: kinerja[i.pk, th] for th in tahun_renstra}
        ini = per_tahun[tahun]
        lalu = [per_tahun[th].nilai_tahunan for th in tahun_renstra[:-1]]
        sampai_renstra = rules.nilai_periode([*lalu, ini.nilai_sampai[triwulan - 1]], i.cara_tahunan)
        akhir = target_akhir(i, i.target_per_tahun)
        hasil[i.pk] = Ukuran(
            indikator=i,
            kinerja=ini,
            akhir=akhir,
            sampai_lalu=rules.nilai_periode(lalu, i.cara_tahunan),
            sampai_renstra=sampai_renstra,
            capaian_renja=ini.capaian_sampai[triwulan - 1],
            capaian_renstra=hasil_terhadap_akhir(i, akhir, sampai_renstra, ini.tingkatan),
        )
    return hasil


# ---------------------------------------------------------------------------------------------
# Averages
# ---------------------------------------------------------------------------------------------


@dataclass
class Kelompok:
    """The nodes shown in a block (a sasaran, or the whole report) with their counted indicators,
    for the averages."""

    simpul: dict = field(default_factory=dict)  # (level, pk) → [Ukuran]

    def tambah(self, simpul, ukuran):
        self.simpul.setdefault((simpul.LEVEL, simpul.pk), []).extend(u for u in ukuran if u.dihitung)

    def gabung(self, lain):
        for kunci, ukuran in lain.simpul.items():
            self.simpul.setdefault(kunci, []).extend(ukuran)

    def rata_rata(self, atribut, batas):
        """The block's rata-rata capaian kinerja (`rules.RATA_RATA_KINERJA`): every counted
        indicator once, as `KinerjaTahun.rata_rata_semua` for the whole agency."""
        return rules.rata_rata_capaian(self.capaian(atribut), batas)

    def capaian(self, atribut):
        """The capaian `atribut` of every counted indicator of the block, each once."""
        unik = {u.indikator.pk: u for ukuran in self.simpul.values() for u in ukuran}
        return [getattr(u, atribut).nilai for u in unik.values()]


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


def _kepala(renstra, tahun, triwulan, semester=None):
    """The header of the form (Permendagri 86/2017), with the column-number row under it."""
    akhir = renstra.tahun_akhir if renstra else tahun
    sampai = f" s.d. {nama_periode(triwulan, semester)}" if triwulan < 4 else ""
    kelompok = [
        f"Target Renstra pada Tahun {akhir} (Akhir Periode Renstra)",
        f"Realisasi Capaian Kinerja Renstra s.d. Renja Tahun Lalu ({tahun - 1})",
        f"Target Kinerja dan Anggaran Renja Tahun {tahun} yang Dievaluasi",
    ]
    sesudah = [
        f"Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi{sampai}",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)",
        f"Realisasi Kinerja dan Anggaran Renstra s.d. Tahun {tahun}",
        f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s.d. Tahun {tahun} (%)",
    ]
    return [
        [
            Kepala("No", baris=3),
            Kepala("Sasaran", baris=3),
            Kepala("Kode", baris=3),
            Kepala("Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", baris=3),
            Kepala("Indikator Kinerja", baris=3),
            *[Kepala(t, kolom=2, baris=2) for t in kelompok],
            Kepala("Realisasi Kinerja pada Triwulan", kolom=8),
            *[Kepala(t, kolom=2, baris=2) for t in sesudah],
            Kepala("Predikat", baris=3),
            Kepala("Unit Penanggung Jawab", baris=3),
        ],
        [Kepala(romawi(q), kolom=2) for q in range(1, 5)],
        [Kepala(x) for _ in PASANGAN for x in ("K", "Rp")],
        [
            *[Kepala(str(n)) for n in range(1, len(DEPAN) + 1)],
            *[Kepala(str(n), kolom=2) for n in range(len(DEPAN) + 1, len(DEPAN) + len(PASANGAN) + 1)],
            Kepala(str(len(DEPAN) + len(PASANGAN) + 1)),
            Kepala(str(len(DEPAN) + len(PASANGAN) + 2)),
        ],
    ]


def _sel_anggaran(a, triwulan):
    """The Rp cells of a node, by column pair (all empty for `a` None)."""
    if a is None:
        return dict.fromkeys(PASANGAN, kosong())
    realisasi = a.realisasi(triwulan)
    sampai = a.sampai_renstra(triwulan)
    sel = {
        "target_renstra": rupiah(a.renstra),
        "sampai_lalu": rupiah(a.lalu),
        "target_renja": rupiah(a.pagu),
        "realisasi_renja": rupiah(realisasi),
        "capaian_renja": _serapan(realisasi, a.pagu),
        "sampai_renstra": rupiah(sampai),
        "capaian_renstra": _serapan(sampai, a.renstra),
    }
    for q in range(4):
        sel[f"triwulan_{q + 1}"] = rupiah(a.triwulan[q]) if q < triwulan else kosong()
    return sel


def _sel_kinerja(u, triwulan):
    """The K cells of an indicator, by column pair (all empty for `u` None)."""
    if u is None:
        return dict.fromkeys(PASANGAN, kosong())
    k = u.kinerja
    sel = {
        "target_renstra": u.akhir.sel() if u.akhir else kosong(),
        "sampai_lalu": nilai(u.sampai_lalu),
        "target_renja": sel_target(k.target),
        "realisasi_renja": nilai(k.nilai_sampai[triwulan - 1]),
        "capaian_renja": sel_capaian(u.capaian_renja),
        "sampai_renstra": nilai(u.sampai_renstra),
        "capaian_renstra": sel_capaian(u.capaian_renstra),
    }
    for q in range(4):
        sel[f"triwulan_{q + 1}"] = nilai(k.nilai_triwulan[q]) if q < triwulan else kosong()
    if k.tahunan:
        _sel_kinerja_tahunan(sel, triwulan)
    return sel


def _sel_kinerja_tahunan(sel, triwulan):
    """An annual indicator's K cells: "diukur tahunan" in the quarters before TW IV and in the
    Renja's realisation and capaian before the year closes; the year's value marked as such."""
    for q in range(min(triwulan, 3)):
        sel[f"triwulan_{q + 1}"] = sel_diukur_tahunan()
    if triwulan == 4:
        tandai_tahunan([sel["triwulan_4"], sel["realisasi_renja"]])
    else:
        sel["realisasi_renja"] = sel_diukur_tahunan()
        sel["capaian_renja"] = sel_diukur_tahunan()


def _tandai_kinerja(kaki, sel, indikator, triwulan):
    """The footnote numbers of the data notes on an indicator's K cells (`sel`, by column pair).
    The form shows no capaian of TW I–III: a note on one (a printed % of an evaluation workbook)
    is beside that quarter's realisation, the value it was computed from. A note on the year's
    realisation or capaian (or TW IV's capaian, the year's) is beside the Renja's only when the
    report closes the year (TW IV)."""
    pasangan = [("target_renja", "target", None), ("target_renstra", "kondisi_akhir", None)]
    pasangan += [(f"triwulan_{q}", ("realisasi", "capaian"), q) for q in range(1, min(triwulan, 3) + 1)]
    if triwulan == 4:
        pasangan += [("triwulan_4", "realisasi", 4), ("realisasi_renja", "realisasi", None)]
        pasangan += [("capaian_renja", "capaian", 4), ("capaian_renja", "capaian", None)]
    for nama, medan, q in pasangan:
        kaki.tandai_indikator(sel[nama], indikator_id=indikator.pk, medan=medan, triwulan=q)


def _tandai_anggaran(kaki, sel, simpul, triwulan):
    """The footnote numbers of the data notes on a node's Rp cells (`sel`, by column pair): its pagu
    beside the Renja's budget; the year's realisation and serapan (a budget table's) beside the
    Renja's only when the report closes the year (TW IV)."""
    pasangan = [("target_renja", PAGU)]
    if triwulan == 4:
        pasangan += [("realisasi_renja", "realisasi_anggaran"), ("capaian_renja", "serapan")]
    for nama, medan in pasangan:
        kaki.tandai_simpul(sel[nama], medan=medan, **{f"{simpul.LEVEL}_id": simpul.pk})


def _indikator_teks(i):
    return f"{i.uraian} ({i.satuan})" if i.satuan else i.uraian


def _label(teks_label):
    """A closing row's label, across the columns before the measures."""
    return teks(teks_label, kolom=LEBAR_LABEL)


@dataclass
class Cabang:
    """A node shown in the report: the indicators shown on it (none on a node that is only
    there to hold a bidang's children), its budget (the sum of its shown sub kegiatan) and its
    shown children."""

    simpul: object
    indikator: list
    anggaran: Anggaran
    anak: list = field(default_factory=list)
    bidang_id: int | None = None


def _jumlah_anggaran(cabang):
    total = Anggaran()
    for c in cabang:
        total.tambah(c.anggaran)
    return total


def _kode(simpul):
    return urut_simpul(simpul)


def _milik(bidang, bidang_id):
    return bidang is None or bidang_id == bidang.pk


def _pilih_program(program, bidang, anggaran_sub):
    """The program as shown for `bidang` (None: the whole agency), or None when nothing of it is
    that bidang's. A node of another bidang holding the bidang's children is shown without its
    indicators."""
    kegiatan = []
    for kg in sorted(program.daftar_kegiatan, key=_kode):
        sub = []
        for s in sorted(kg.daftar_sub_kegiatan, key=_kode):
            b_id = bidang_rantai_id(sub_kegiatan=s)
            if _milik(bidang, b_id):
                sub.append(Cabang(s, s.daftar_indikator, anggaran_sub.get(s.pk, Anggaran()), bidang_id=b_id))
        b_id = bidang_rantai_id(kegiatan=kg)
        if sub or _milik(bidang, b_id):
            indikator = kg.daftar_indikator if _milik(bidang, b_id) else []
            anggaran = _jumlah_anggaran(sub)
            if kg.anggaran_sendiri is not None and _milik(bidang, b_id):
                # An old-nomenclature kegiatan: its budget is on a hidden row, never shown as a sub kegiatan.
                anggaran.tambah(anggaran_sub.get(kg.anggaran_sendiri.pk, Anggaran()))
            kegiatan.append(Cabang(kg, indikator, anggaran, sub, b_id))
    b_id = bidang_rantai_id(program=program)
    if not kegiatan and not _milik(bidang, b_id):
        return None
    indikator = program.daftar_indikator if _milik(bidang, b_id) else []
    return Cabang(program, indikator, _jumlah_anggaran(kegiatan), kegiatan, b_id)


class _Penyusun:
    """Lays out the rows, and gathers the indicators of each sasaran for its average."""

    def __init__(self, opd, ukuran, triwulan, skala, nama_bidang, kaki=None):
        self.opd = opd
        self.kaki = kaki if kaki is not None else CatatanKaki()  # the data notes' footnote numbers
        self.ukuran = ukuran
        self.triwulan = triwulan
        self.skala = skala
        self.nama_bidang = nama_bidang
        self.baris = []
        self.dimuat = []  # the indicators measured on the rows, for the notes

    def unit(self, bidang_id):
        """The unit answering for a node: its bidang, else the agency."""
        return self.nama_bidang.get(bidang_id) or self.opd.singkatan or self.opd.nama

    def predikat(self, capaian):
        rentang = self.skala.cari(capaian)
        return teks(rentang.label) if rentang else kosong()

    def ukuran_sel(self, u, anggaran, dipotong=False, simpul=None):
        """The K and Rp cells and the predikat of a row: `u` an indicator or None, `anggaran`
        the node's budget on the node's own row (`simpul`'s), else None."""
        if dipotong:
            return [Sel(teks=REFOCUSING, kolom=UKURAN + 1)]
        if u is not None:
            self.dimuat.append(u)
        k, rp = _sel_kinerja(u, self.triwulan), _sel_anggaran(anggaran, self.triwulan)
        if u is not None:
            _tandai_kinerja(self.kaki, k, u.indikator, self.triwulan)
        if anggaran is not None and getattr(simpul, "LEVEL", None) in ("program", "kegiatan", "sub_kegiatan"):
            _tandai_anggaran(self.kaki, rp, simpul, self.triwulan)
        return [*[c for p in PASANGAN for c in (k[p], rp[p])], self.predikat(u.capaian_renja.nilai if u else None)]

    def cabang(self, c, depan, tingkat, jenis, kelompok, dipotong=False):
        """A node's rows: the first indicator on the node's own row, the others on rows below it
        with the node's columns empty, each indicator's rincian under it. The node's budget and
        unit are on its own row."""
        kelompok.tambah(c.simpul, [] if dipotong else [self.ukuran[i.pk] for i in c.indikator])
        kosong_depan = [kosong() for _ in depan]
        unit = teks(self.unit(c.bidang_id))
        if not c.indikator:
            sel = [*depan, kosong(), *self.ukuran_sel(None, c.anggaran, dipotong, c.simpul), unit]
            self.baris.append(Baris(sel, tingkat, jenis, f"{c.simpul.LEVEL}-{c.simpul.pk}"))
            return
        for n, i in enumerate(c.indikator):
            pertama = n == 0
            sel = [
                *(depan if pertama else kosong_depan),
                teks(_indikator_teks(i)),
                *self.ukuran_sel(self.ukuran[i.pk], c.anggaran if pertama else None, dipotong, c.simpul),
                unit if pertama else kosong(),
            ]
            self.baris.append(Baris(sel, tingkat, jenis if pertama else "isi", f"indikator-{i.pk}"))
            for r in i.daftar_rincian:
                sel = self.ukuran_sel(self.ukuran[r.pk], None, dipotong)
                if not dipotong:
                    sel[-1] = kosong()  # a detail row is not evaluated on its own
                sel = [*kosong_depan, teks(_indikator_teks(r)), *sel, kosong()]
                self.baris.append(Baris(sel, tingkat + 1, "rincian", f"indikator-{r.pk}"))

    def rata_rata(self, label, kelompok, batas):
        """A row with the mean capaian against the Renja and the Renstra, and its predikat."""
        renja = kelompok.rata_rata("capaian_renja", batas)
        renstra = kelompok.rata_rata("capaian_renstra", batas)
        sel = [kosong() for _ in range(UKURAN)]
        for nama, atribut, rata in (
            ("capaian_renja_k", "capaian_renja", renja),
            ("capaian_renstra_k", "capaian_renstra", renstra),
        ):
            sel[KOLOM[nama] - LEBAR_LABEL] = sel_rata_rata(rata, kelompok.capaian(atribut))
        self.baris.append(Baris([_label(label), *sel, self.predikat(renja), kosong()], 0, "jumlah"))
        return renja, renstra

    def penutup(self, total, semua, batas):
        """The closing rows of the form: the budget totals, the average capaian, the predikat,
        and the narrative rows (empty: there is no storage for them yet)."""
        rp = _sel_anggaran(total, self.triwulan)
        sel = [c for p in PASANGAN for c in (kosong(), rp[p])]
        self.baris.append(Baris([_label("Jumlah"), *sel, kosong(), kosong()], 0, "jumlah"))
        renja, renstra = self.rata_rata("Rata-rata capaian kinerja (%)", semua, batas)
        sel = [kosong() for _ in range(UKURAN)]
        sel[KOLOM["capaian_renja_k"] - LEBAR_LABEL] = self.predikat(renja)
        sel[KOLOM["capaian_renstra_k"] - LEBAR_LABEL] = self.predikat(renstra)
        self.baris.append(Baris([_label("Predikat kinerja"), *sel, self.predikat(renja), kosong()], 0, "jumlah"))
        for label in NARASI:
            self.baris.append(Baris([_label(label), kosong(JUMLAH_KOLOM - LEBAR_LABEL)], 0, "isi"))


# ---------------------------------------------------------------------------------------------
# The tree of the Renstra, loaded once
# ---------------------------------------------------------------------------------------------


def _nama_bidang(pohon):
    """{bidang id: name} of the bidang named on programs, kegiatan and sub kegiatan."""
    nama = {}
    for p in pohon.semua_program:
        for n in [p, *p.daftar_kegiatan, *[s for kg in p.daftar_kegiatan for s in kg.daftar_sub_kegiatan]]:
            if n.bidang_id:
                nama[n.bidang_id] = n.bidang.nama
    return nama


def _semua_indikator(pohon):
    simpul = [*pohon.tujuan, *[s for t in pohon.tujuan for s in t.daftar_sasaran]]
    for p in pohon.semua_program:
        simpul += [p, *p.daftar_kegiatan, *[s for kg in p.daftar_kegiatan for s in kg.daftar_sub_kegiatan]]
    return list({x.pk: x for n in simpul for i in n.daftar_indikator for x in [i, *i.daftar_rincian]}.values())


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


@dataclass
class RingkasanRenja:
    """The closing figures of an Evaluasi Renja, as its Jumlah, rata-rata and predikat rows print
    them (the Berita Acara's summary): the counted indicators per band of the scale ((None, n): not
    measurable yet), their rata-rata capaian kinerja and its predikat, the budget, the spending up
    to the quarter and the serapan."""

    skala: object
    per_predikat: list = field(default_factory=list)
    rata_rata: object = None
    predikat: object = None
    pagu: int | None = None
    realisasi: int | None = None
    serapan: object = None
    ada_renstra: bool = True

    @property
    def jumlah_indikator(self):
        return sum(n for _, n in self.per_predikat)


def _ringkasan(skala, semua, total, triwulan, batas):
    capaian = semua.capaian("capaian_renja")
    per_label = {}
    for c in capaian:
        label = r.label if (r := skala.cari(c)) else None
        per_label[label] = per_label.get(label, 0) + 1
    rata = semua.rata_rata("capaian_renja", batas)
    realisasi = total.realisasi(triwulan)
    return RingkasanRenja(
        skala=skala,
        per_predikat=[(r, per_label.get(r.label, 0)) for r in skala.rentang] + [(None, per_label.get(None, 0))],
        rata_rata=rata,
        predikat=skala.cari(rata),
        pagu=total.pagu,
        realisasi=realisasi,
        serapan=rules.serapan(realisasi, total.pagu),
    )


def build_evaluasi_renja(opd, tahun, triwulan=None, bidang=None, tanggal=None, semester=None):
    """The evaluation of the Renja of `tahun` (up to `triwulan`, 4 when None, or up to `semester`)
    of an agency, or of one of its bidang (only that bidang's programs, kegiatan and sub kegiatan),
    against the Renstra in force (Permendagri 86/2017). Sixteen queries whatever the size of the
    Renstra."""
    return susun_evaluasi_renja(opd, tahun, triwulan, bidang, tanggal, semester)[0]


def ringkasan_evaluasi_renja(opd, tahun, triwulan=None, bidang=None):
    """The closing figures (RingkasanRenja) of the Evaluasi Renja of the same choices."""
    return susun_evaluasi_renja(opd, tahun, triwulan, bidang)[1]


def susun_evaluasi_renja(opd, tahun, triwulan=None, bidang=None, tanggal=None, semester=None):
    """(the report, its RingkasanRenja): see `build_evaluasi_renja`."""
    triwulan = triwulan_semester(semester) if semester else triwulan or 4
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan harus 1, 2, 3 atau 4.")
    renstra = renstra_berlaku(opd, tahun)
    skala = skala_laporan("evaluasi_renja")
    judul_tahun = f"Tahun {tahun}" + (f" s.d. {nama_periode(triwulan, semester)}" if triwulan < 4 else "")
    tabel = Tabel("Evaluasi Renja", KOLOM_TABEL, _kepala(renstra, tahun, triwulan, semester))
    laporan = Laporan(
        kode=KODE,
        judul=[f"{JUDUL} {bidang.nama if bidang else opd.nama}", judul_tahun],
        keterangan=keterangan_periode(opd, tahun, triwulan, bidang, renstra, semester),
        bagian=[tabel],
        penanda=[penanda_kepala(opd, tanggal, bidang)],
        orientasi="landscape",
        padat=True,
        nama_berkas=nama_berkas_periode(KODE, opd, tahun, triwulan, bidang, semester),
    )
    if renstra is None:
        laporan.catatan.append(f"Tidak ada Renstra yang berlaku pada tahun {tahun}.")
        return laporan, RingkasanRenja(skala=skala, ada_renstra=False)

    batas = batas_capaian()
    pohon = pohon_renstra(renstra, tahun)
    ukuran = _ukur_semua(renstra, tahun, triwulan, skala, _semua_indikator(pohon))
    anggaran_sub = _anggaran_sub_kegiatan(renstra, tahun)
    kaki = CatatanKaki(catatan_data(opd, tahun))  # one query
    susun = _Penyusun(opd, ukuran, triwulan, skala, _nama_bidang(pohon), kaki)

    blok = sorted(
        ((s, s.daftar_program) for t in pohon.tujuan for s in t.daftar_sasaran), key=lambda b: urut_simpul(b[0])
    )
    if pohon.program_lain:
        blok.append((None, pohon.program_lain))
    semua, total, nomor = Kelompok(), Anggaran(), 0
    judul = JudulUrusan(tahun)
    for sasaran, daftar_program in blok:
        program = [c for p in sorted(daftar_program, key=_kode) if (c := _pilih_program(p, bidang, anggaran_sub))]
        if not program and (sasaran is None or bidang is not None):
            continue
        kelompok = Kelompok()
        anggaran = _jumlah_anggaran(program)
        total.tambah(anggaran)
        if sasaran is not None:
            # The sasaran's indicators are the agency head's: not in a bidang's report.
            c = Cabang(sasaran, sasaran.daftar_indikator if bidang is None else [], anggaran)
            susun.cabang(c, [kosong(), teks(sasaran.uraian), kode_simpul(sasaran), kosong()], 0, "kelompok", kelompok)
        else:
            c = Cabang(_TanpaSasaran(), [], anggaran)
            susun.cabang(c, [kosong(), teks(_TanpaSasaran.uraian), kosong(), kosong()], 0, "kelompok", kelompok)
        judul.mulai()
        for p in program:
            susun.baris += [baris_judul(e, JUMLAH_KOLOM) for e in judul.untuk(p.simpul.kode)]
            nomor += 1
            susun.cabang(
                p, [teks(str(nomor)), kosong(), kode_simpul(p.simpul), teks(p.simpul.uraian)], 1, "kelompok", kelompok
            )
            for kg in p.anak:
                susun.cabang(
                    kg, [kosong(), kosong(), kode_simpul(kg.simpul), teks(kg.simpul.uraian)], 2, "kelompok", kelompok
                )
                for s in kg.anak:
                    depan = [kosong(), kosong(), kode_simpul(s.simpul), teks(s.simpul.uraian)]
                    susun.cabang(s, depan, 3, "isi", kelompok, dipotong=s.simpul.refocusing)
        nama = f"sasaran {sasaran.kode or sasaran.uraian}" if sasaran is not None else "program tanpa sasaran"
        susun.rata_rata(f"Rata-rata capaian kinerja {nama} (%)", kelompok, batas)
        semua.gabung(kelompok)

    susun.penutup(total, semua, batas)
    tabel.baris = susun.baris
    tabel.catatan_data = kaki.daftar_tabel(tabel)
    laporan.catatan += _catatan(renstra, tahun, skala, semua, batas)
    laporan.catatan += catatan_pencilan(
        (f"{u.indikator.uraian} ({nama})", getattr(u, atribut))
        for nama, atribut in (("kolom 14", "capaian_renja"), ("kolom 16", "capaian_renstra"))
        for u in susun.dimuat
    )
    laporan.catatan += catatan_tahunan((u.kinerja for u in susun.dimuat), "pada kolom Triwulan IV (K)")
    if tabel.catatan_data:
        laporan.catatan.append(CATATAN_DATA)
    return laporan, _ringkasan(skala, semua, total, triwulan, batas)


class _TanpaSasaran:
    """The heading of the programs not linked to a sasaran."""

    LEVEL = "sasaran"
    pk = "lain"
    uraian = "Program yang belum dikaitkan dengan sasaran"


def uraian_rata_rata_renja(semua, batas=None):
    """The note naming the report's averages (`rules.uraian_rata_rata`): the closing row's count of
    indicators (column 14); each sasaran's row averages its own block the same way."""
    jumlah = sum(1 for c in semua.capaian("capaian_renja") if c is not None)
    return (
        rules.uraian_rata_rata(rules.RATA_RATA_KINERJA, jumlah, nama=" yang tampil", batas_atas=batas)
        + " Baris rata-rata setiap sasaran: indikator sasaran itu beserta program, kegiatan dan sub kegiatannya."
    )


def _catatan(renstra, tahun, skala, semua, batas):
    catatan = [
        uraian_rata_rata_renja(semua, batas) + " Rincian indikator dan sub kegiatan refocusing tidak dihitung.",
        f"Predikat menurut {skala.nama}, dari capaian kinerja Renja (kolom 14): "
        + "; ".join(str(r) for r in skala.rentang)
        + ".",
        catatan_pembulatan(),
        "Kolom 6: target tahun terakhir Renstra, atau jumlah target tahunan untuk indikator kumulatif; anggaran: "
        "jumlah pagu indikatif semua tahun Renstra (pagu yang berlaku bila pagu indikatif kosong).",
        "Kolom 7, 13 dan 15: nilai triwulan dan tahunan digabung menurut cara tahunan indikator (kumulatif dijumlah, "
        "akhir periode diambil yang terakhir, rata-rata dirata-ratakan). Kolom 14 = 13 terhadap 8; "
        "kolom 16 = 15 terhadap 6.",
        "Kolom 8: target Perjanjian Kinerja Perubahan, bila tidak ada Perjanjian Kinerja, bila tidak ada target "
        "Renstra; anggaran: pagu perubahan, bila tidak ada pagu induk. Anggaran program, kegiatan dan sasaran "
        "dijumlah dari sub kegiatannya.",
        "Indikator tujuan tidak dimuat dalam formulir ini; indikator sasaran yang juga menjadi indikator tujuan "
        "dimuat sekali pada sasarannya.",
        "Faktor pendorong, faktor penghambat dan tindak lanjut belum disimpan di aplikasi ini: barisnya dibiarkan "
        "kosong untuk diisi.",
    ]
    if tahun == renstra.tahun_awal:
        catatan.insert(3, f"Tahun {tahun} adalah tahun pertama Renstra: kolom 7 kosong.")
    return catatan

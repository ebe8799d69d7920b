"""What the LKjIP of an agency's year is built from, read once in a fixed number of queries:
the Renstra in force and the one of the year before (when another), the performance of every
indicator (and of the strategic indicators over every year of their history), the budgets of the
year and the year before, the submissions of the year and the narrative written by the agency."""

import re
from dataclasses import dataclass, field

from django.db.models import Q

from kinerja import rules
from kinerja.models import (
    CatatanData,
    CatatanDiskusi,
    NilaiPembanding,
    NilaiSakip,
    Pelaporan,
    Realisasi,
    RealisasiAnggaran,
    SkalaPredikat,
)
from kinerja.narasi import narasi_tahun
from kinerja.selectors import KinerjaTahun, batas_capaian, kinerja_per_tahun, skala_laporan
from renstra.models import Indikator, Pagu, Program
from renstra.selectors import pohon_renstra, renstra_berlaku

from ..catatan_kaki import CatatanKaki
from ..umum import target_akhir

SKALA_TETAP = ("status_capaian", "efektivitas_anggaran", "efisiensi_anggaran")

# The data notes on an indicator's value of the year, by the value shown: (medan, triwulan). The
# report shows no quarter: a note on the fourth quarter's realisation or capaian (the year's, as
# the printed LKjIP reads it) is beside the year's; a note on the numerator or denominator is
# beside the realisation computed from them.
MEDAN_KINERJA = {
    "target": (("target", None),),
    "realisasi": tuple((m, tw) for tw in (None, 4) for m in ("realisasi", "pembilang", "penyebut")),
    "capaian": (("capaian", None), ("capaian", 4)),
}


def _skala_tetap():
    """The status, efektivitas and efisiensi scales as edited in the admin (one query), else
    their presets."""
    dari_db = {
        s.kode: s.sebagai_skala()
        for s in SkalaPredikat.objects.filter(kode__in=SKALA_TETAP).prefetch_related("rentang")
    }
    return {kode: dari_db.get(kode) or rules.PRESET[kode] for kode in SKALA_TETAP}


# ---------------------------------------------------------------------------------------------
# Budgets
# ---------------------------------------------------------------------------------------------


def _jumlah(*nilai):
    ada = [v for v in nilai if v is not None]
    return sum(ada) if ada else None


@dataclass
class Rupiah:
    """The money of a node in one year: original and revised budget, spending (None: nothing
    recorded).

    Once one line of a sum is revised in the APBD-P, the sum's revised budget is the APBD-P of
    the whole: revised lines with their new amount, unrevised lines with their original one, as
    the documents print it. Summing the typed revisions alone would drop every unrevised line
    (two lines, Rp 100 juta revised to 90 and Rp 50 juta unrevised: in force Rp 140 juta, not 90)."""

    induk: int | None = None
    perubahan: int | None = None
    realisasi: int | None = None

    def tambah(self, lain):
        if self.perubahan is not None or lain.perubahan is not None:
            self.perubahan = _jumlah(self.berlaku, lain.berlaku)
        self.induk = _jumlah(self.induk, lain.induk)
        self.realisasi = _jumlah(self.realisasi, lain.realisasi)
        return self

    @property
    def berlaku(self):
        """The budget in force: the revised one when there is one (DESIGN, serapan)."""
        return self.perubahan if self.perubahan is not None else self.induk

    @property
    def serapan(self):
        return rules.serapan(self.realisasi, self.berlaku)

    @property
    def ada(self):
        return any(v is not None for v in (self.induk, self.perubahan, self.realisasi))


def jumlah_rupiah(daftar):
    total = Rupiah()
    for r in daftar:
        total.tambah(r)
    return total


@dataclass
class AnggaranSub:
    """A sub kegiatan's money per year, and the kind of spending of each year's budget."""

    per_tahun: dict = field(default_factory=dict)  # tahun → Rupiah
    jenis: dict = field(default_factory=dict)  # tahun → {jenis belanja: rupiah}
    sumber: set = field(default_factory=set)  # (tahun, name of the source of funds)

    def tahun(self, th):
        return self.per_tahun.setdefault(th, Rupiah())

    def jenis_belanja(self, th):
        """The kind of spending of the year: that of the larger part of the budget."""
        per_jenis = self.jenis.get(th)
        if not per_jenis:
            return None
        return max(per_jenis.items(), key=lambda x: x[1])[0]


def _anggaran(renstra_id, daftar_tahun):
    """{sub kegiatan id: AnggaranSub} of the sub kegiatan of the Renstra given, for the years
    given: two queries."""
    hasil = {}
    pagu = Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra__in=renstra_id, tahun__in=daftar_tahun)
    for p in pagu.select_related("sumber_dana"):
        a = hasil.setdefault(p.sub_kegiatan_id, AnggaranSub())
        a.tahun(p.tahun).tambah(Rupiah(induk=p.induk, perubahan=p.perubahan))
        per_jenis = a.jenis.setdefault(p.tahun, {})
        per_jenis[p.jenis_belanja] = per_jenis.get(p.jenis_belanja, 0) + (p.berlaku or 0)
        a.sumber.add((p.tahun, p.sumber_dana.nama))
    for r in RealisasiAnggaran.objects.filter(
        sub_kegiatan__kegiatan__program__renstra__in=renstra_id, tahun__in=daftar_tahun
    ).only("sub_kegiatan_id", "tahun", "nilai"):
        a = hasil.setdefault(r.sub_kegiatan_id, AnggaranSub()).tahun(r.tahun)
        a.realisasi = _jumlah(a.realisasi, r.nilai)
    return hasil


# ---------------------------------------------------------------------------------------------
# Strategic indicators over the years
# ---------------------------------------------------------------------------------------------


@dataclass
class Strategis:
    """A tujuan or sasaran indicator of the Renstra in force, counted once when it serves both;
    its year, the year before (itself, or the indicator it continues from an earlier Renstra),
    every year of that history, its baseline and the Renstra's end target."""

    indikator: Indikator
    tujuan: object
    sasaran: object
    kinerja: object
    lalu: object
    riwayat: list  # [(tahun, KinerjaIndikator)] oldest first
    kondisi_awal: object
    akhir: object

    @property
    def label(self):
        if self.sasaran is not None and self.indikator.tujuan_id:
            return "Tujuan & Sasaran"
        return "Sasaran" if self.sasaran is not None else "Tujuan"

    @property
    def simpul(self):
        return self.sasaran or self.tujuan


def _rantai(indikator, per_id):
    """The indicator and those it continues, newest first (pendahulu links, loaded)."""
    rantai, i = [], indikator
    while i is not None and i not in rantai:
        rantai.append(i)
        i = per_id.get(i.pendahulu_id)
    return rantai


def _kondisi_awal(indikator):
    if indikator.kondisi_awal is not None:
        return indikator.kondisi_awal
    return indikator.kondisi_awal_teks or None


# ---------------------------------------------------------------------------------------------
# The whole
# ---------------------------------------------------------------------------------------------


@dataclass
class Kelompok:
    """A tujuan with its sasaran, as the LKjIP's budget and effectiveness tables group them: its
    indicators (each once) and its programs."""

    tujuan: object
    sasaran: list
    indikator: list
    program: list

    @property
    def kunci(self):
        return " ".join(self.tujuan.uraian.casefold().split())


# what the Rencana Tindak Lanjut column says of an indicator none of whose quarters has one written
TINDAK_LANJUT_KOSONG = "Belum ditulis pada isian triwulan."


@dataclass
class DataLkjip:
    opd: object
    tahun: int
    renstra: object
    pohon: object
    skala: rules.Skala
    skala_tetap: dict
    batas: object
    kinerja: dict  # (indikator id, tahun) → KinerjaIndikator
    strategis: list
    indikator: list  # every indicator of the Renstra in force, detail rows included
    renstra_lalu: object = None  # the Renstra of the year before when it is another one
    pohon_lalu: object = None
    berganti: bool = False  # some programs, kegiatan or sub kegiatan are in force only some years
    anggaran: dict = field(default_factory=dict)  # sub kegiatan id → AnggaranSub
    narasi: dict = field(default_factory=dict)
    tindak_lanjut: dict = field(default_factory=dict)  # indikator id → text of the last quarter
    permasalahan: dict = field(default_factory=dict)  # indikator id → (triwulan, text) of the last quarter
    pelaporan: list = field(default_factory=list)  # (bidang or None, triwulan, Pelaporan or None)
    bidang: list = field(default_factory=list)
    indikator_lalu: list = field(default_factory=list)  # of the Renstra of the year before, when another
    catatan: list = field(default_factory=list)  # the open data notes on what the report shows (_catatan_data)
    # NilaiPembanding up to the year: of the Renstra's indicators, and the agency's rows of a source's own table
    pembanding: list = field(default_factory=list)
    nilai_sakip: list = field(default_factory=list)  # the agency's NilaiSakip up to the year, oldest first
    rekomendasi: list = field(default_factory=list)  # the verifikator's of the year (CatatanDiskusi), follow-up joined
    _per_tahun: dict = field(default_factory=dict, init=False, repr=False)
    _pohon_per_tahun: dict = field(default_factory=dict, init=False, repr=False)
    kaki: CatatanKaki = field(init=False, repr=False)  # the footnote numbers of the year's notes

    def __post_init__(self):
        # Only the notes of the report's year are numbered: a cell of the year before (or of the
        # history) never carries this year's note, and the other notes are in "Masalah data".
        self.kaki = CatatanKaki([c for c in self.catatan if c.tahun == self.tahun])

    def tandai(self, sel, indikator, nilai, tahun):
        """`sel`, an indicator's `nilai` ("target", "realisasi" or "capaian") of `tahun` shown in a
        table, with the numbers of the data notes on it beside it; a cell of another year than the
        report's is left as it is."""
        if tahun != self.tahun or indikator is None:
            return sel
        for medan, triwulan in MEDAN_KINERJA[nilai]:
            self.kaki.tandai_indikator(sel, indikator_id=indikator.pk, medan=medan, triwulan=triwulan)
        return sel

    def tandai_anggaran(self, sel, simpul, tahun, rupiah):
        """The cells [anggaran induk, anggaran perubahan, realisasi, serapan] of a program, kegiatan
        or sub kegiatan (`simpul`) in `tahun`, whose money is `rupiah`, with the numbers of the data
        notes on them; a note on the pagu (not naming which) beside the budget in force. Another
        year's cells are left as they are."""
        if tahun != self.tahun or simpul is None:
            return sel
        induk, perubahan, realisasi, serapan = sel
        berlaku = perubahan if rupiah.perubahan is not None else induk
        simpul_id = {f"{simpul.LEVEL}_id": simpul.pk}
        for s, medan in (
            (induk, "pagu_induk"),
            (perubahan, "pagu_perubahan"),
            (berlaku, "pagu"),
            (realisasi, "realisasi_anggaran"),
            (serapan, "serapan"),
        ):
            self.kaki.tandai_simpul(s, medan=medan, **simpul_id)
        return sel

    def pohon_tahun(self, tahun):
        """The tree `tahun` (this year or the one before) was planned in: this Renstra's, or the
        earlier one's (None when there is none), with the programs in force in `tahun`: when the
        nomenclature changes within the Renstra, another year's tree is loaded (once) on its own."""
        if not self.renstra.mencakup(tahun):
            return self.pohon_lalu
        if tahun == self.tahun or not self.berganti:
            return self.pohon
        if tahun not in self._pohon_per_tahun:
            self._pohon_per_tahun[tahun] = pohon_renstra(self.renstra, tahun)
        return self._pohon_per_tahun[tahun]

    def kinerja_tahun(self, indikator, tahun=None):
        return self.kinerja.get((indikator.pk, tahun or self.tahun))

    def rencana_tindak_lanjut(self, indikator):
        """The tindak lanjut of the latest quarter of the year that has one written, or a
        sentence saying that no quarter has one (TINDAK_LANJUT_KOSONG)."""
        return self.tindak_lanjut.get(indikator.pk) or TINDAK_LANJUT_KOSONG

    def kinerja_tahunan(self, tahun):
        """The performance of the Renstra in force in `tahun` (this one, or the one before), with
        the means of its nodes."""
        if tahun not in self._per_tahun:
            ini = self.renstra.mencakup(tahun)
            daftar = self.indikator if ini else self.indikator_lalu
            self._per_tahun[tahun] = KinerjaTahun(
                renstra=self.renstra if ini else self.renstra_lalu,
                tahun=tahun,
                skala=self.skala,
                indikator=[self.kinerja[i.pk, tahun] for i in daftar if (i.pk, tahun) in self.kinerja],
                batas=self.batas,
            )
        return self._per_tahun[tahun]

    def kelompok(self, pohon):
        """The tujuan of a tree with their sasaran, indicators and programs."""
        if pohon is None:
            return []
        hasil = []
        for t in sorted(pohon.tujuan, key=lambda t: _urut_kode(t.kode)):
            sasaran = sorted(t.daftar_sasaran, key=lambda s: _urut_kode(s.kode))
            indikator = {i.pk: i for n in [t, *sasaran] for i in n.daftar_indikator}
            program = [p for s in sasaran for p in s.daftar_program]
            hasil.append(Kelompok(t, sasaran, list(indikator.values()), program))
        return hasil

    def rupiah_sub(self, sub_kegiatan, tahun):
        a = self.anggaran.get(sub_kegiatan.pk)
        return a.per_tahun.get(tahun, Rupiah()) if a else Rupiah()

    def rupiah_program(self, program, tahun):
        return jumlah_rupiah(
            self.rupiah_sub(s, tahun) for kg in program.daftar_kegiatan for s in kg.daftar_sub_anggaran
        )

    def rupiah_jenis(self, program, tahun, jenis):
        """The money of `program` in a year spent as `jenis` (belanja langsung or tidak langsung):
        each sub kegiatan counted by the kind of most of its budget that year."""
        daftar = []
        for p in program:
            for kg in p.daftar_kegiatan:
                for s in kg.daftar_sub_anggaran:
                    a = self.anggaran.get(s.pk)
                    if a is not None and a.jenis_belanja(tahun) == jenis:
                        daftar.append(a.per_tahun[tahun])
        return jumlah_rupiah(daftar)

    def rupiah_pohon(self, pohon, tahun):
        if pohon is None:
            return Rupiah()
        return jumlah_rupiah(self.rupiah_program(p, tahun) for p in pohon.semua_program)


def _urut_kode(kode):
    return [int(x) if x.isdigit() else x for x in re.split(r"[.]", kode)]


def _catatan_data(opd, tahun, daftar_tahun, per_id, renstra):
    """The open data notes (kinerja.CatatanData) on what the LKjIP of `tahun` shows, in the order
    they were found: those of the year and those tied to no year, those of the year before, and
    those of an earlier year on a tujuan or sasaran indicator whose history the report prints (one
    query). `per_id`: the indicators read, `renstra`: their Renstra."""
    renstra = {r.pk: r for r in renstra if r is not None}

    def dicetak(c):
        if c.tahun in (None, tahun, tahun - 1):
            return True
        i = per_id.get(c.indikator_id)
        r = renstra.get(i.renstra_id) if i is not None else None
        return r is not None and bool(i.tujuan_id or i.sasaran_id) and r.mencakup(c.tahun)

    catatan = (
        CatatanData.objects.filter(opd=opd)
        .terbuka()
        .filter(Q(tahun__isnull=True) | Q(tahun__gte=min(daftar_tahun), tahun__lte=tahun))
        .select_related("indikator", "sub_kegiatan", "kegiatan", "program", "impor")
        .order_by("pk")
    )
    return [c for c in catatan if dicetak(c)]


def kumpulkan(opd, tahun):
    """Everything the LKjIP of `opd` for `tahun` needs, or None without a Renstra in force."""
    renstra = renstra_berlaku(opd, tahun)
    if renstra is None:
        return None
    pohon = pohon_renstra(renstra, tahun)
    # The nomenclature changes within the Renstra: each year's tables list that year's programs.
    berganti = Program.objects.filter(renstra=renstra).filter(
        Q(tahun_mulai__isnull=False)
        | Q(tahun_selesai__isnull=False)
        | Q(kegiatan__tahun_mulai__isnull=False)
        | Q(kegiatan__tahun_selesai__isnull=False)
        | Q(kegiatan__sub_kegiatan__tahun_mulai__isnull=False)
        | Q(kegiatan__sub_kegiatan__tahun_selesai__isnull=False)
    )
    skala = skala_laporan("lkjip")
    renstra_lalu = pohon_lalu = None
    if not renstra.mencakup(tahun - 1):
        renstra_lalu = renstra_berlaku(opd, tahun - 1)
        pohon_lalu = pohon_renstra(renstra_lalu, tahun - 1) if renstra_lalu else None

    semua = pohon.semua_indikator()
    # Strategic indicators of earlier Renstra (the history of this one's, and the tujuan and
    # sasaran of the year before), with their owners: one query.
    terdahulu = list(
        Indikator.objects.filter(renstra__opd=opd, renstra__tahun_awal__lt=renstra.tahun_awal, induk__isnull=True)
        .filter(Q(tujuan__isnull=False) | Q(sasaran__isnull=False))
        .select_related("renstra", "tujuan", "sasaran", "skala_tingkat")
    )
    semua_lalu = pohon_lalu.semua_indikator() if pohon_lalu is not None else []
    per_id = {i.pk: i for i in [*semua_lalu, *terdahulu, *semua]}
    awal = min([renstra.tahun_awal, *(i.renstra.tahun_awal for i in terdahulu)])
    daftar_tahun = list(range(max(awal, tahun - 10), tahun + 1))
    kinerja = kinerja_per_tahun(per_id.values(), daftar_tahun, skala)

    strategis = []
    for t in sorted(pohon.tujuan, key=lambda t: _urut_kode(t.kode)):
        for n in [t, *sorted(t.daftar_sasaran, key=lambda s: _urut_kode(s.kode))]:
            for i in n.daftar_indikator:
                if n is t and i.sasaran_id:
                    continue  # a sasaran's indicator serving its tujuan: listed once, with the sasaran
                rantai = _rantai(i, per_id)
                riwayat = sorted(
                    (th, kinerja[j.pk, th]) for j in rantai for th in daftar_tahun if j.renstra.mencakup(th)
                )
                lalu = next((k for th, k in riwayat if th == tahun - 1), None)
                strategis.append(
                    Strategis(
                        indikator=i,
                        tujuan=t,
                        sasaran=n if n is not t else None,
                        kinerja=kinerja[i.pk, tahun],
                        lalu=lalu,
                        riwayat=riwayat,
                        kondisi_awal=_kondisi_awal(rantai[-1]),
                        akhir=target_akhir(i, i.target_per_tahun),
                    )
                )

    renstra_id = [renstra.pk] + ([renstra_lalu.pk] if renstra_lalu else [])
    tahun_anggaran = sorted({tahun - 1, *range(renstra.tahun_awal, tahun + 1)})
    anggaran = _anggaran(renstra_id, tahun_anggaran)

    tindak_lanjut, permasalahan = {}, {}  # in quarter order: the latest written quarter stays
    for r in (
        Realisasi.objects.filter(indikator__renstra=renstra, tahun=tahun)
        .exclude(tindak_lanjut="", permasalahan="")
        .order_by("triwulan")
        .only("indikator_id", "triwulan", "tindak_lanjut", "permasalahan")
    ):
        if r.tindak_lanjut.strip():
            tindak_lanjut[r.indikator_id] = r.tindak_lanjut
        if r.permasalahan.strip():
            permasalahan[r.indikator_id] = (r.triwulan, r.permasalahan)
    bidang = list(opd.bidang.all())
    ada = {(p.bidang_id, p.triwulan): p for p in Pelaporan.objects.filter(opd=opd, tahun=tahun)}
    unit = [None, *bidang] if opd.pelaporan_per_bidang else [None]
    pelaporan = [(b, tw, ada.get((b.pk if b else None, tw))) for tw in range(1, 5) for b in unit]

    return DataLkjip(
        opd=opd,
        tahun=tahun,
        renstra=renstra,
        pohon=pohon,
        skala=skala,
        skala_tetap=_skala_tetap(),
        batas=batas_capaian(),
        kinerja=kinerja,
        strategis=strategis,
        indikator=list({i.pk: i for i in semua}.values()),
        indikator_lalu=list({i.pk: i for i in semua_lalu}.values()),
        renstra_lalu=renstra_lalu,
        pohon_lalu=pohon_lalu,
        berganti=berganti.exists(),
        anggaran=anggaran,
        narasi=narasi_tahun(opd, tahun),
        tindak_lanjut=tindak_lanjut,
        permasalahan=permasalahan,
        pelaporan=pelaporan,
        bidang=bidang,
        catatan=_catatan_data(
            opd, tahun, daftar_tahun, per_id, [renstra, renstra_lalu, *(i.renstra for i in terdahulu)]
        ),
        pembanding=list(
            NilaiPembanding.objects.filter(
                Q(indikator__renstra=renstra) | Q(indikator__isnull=True, opd=opd), tahun__lte=tahun
            ).order_by("sumber", "tahun", "urutan", "pk")
        ),
        nilai_sakip=list(NilaiSakip.objects.filter(opd=opd, tahun__lte=tahun).order_by("tahun")),
        rekomendasi=list(
            CatatanDiskusi.objects.filter(
                pelaporan__opd=opd, pelaporan__tahun=tahun, jenis=CatatanDiskusi.Jenis.REKOMENDASI
            )
            .select_related("pelaporan", "indikator", "tindak_lanjut")
            .order_by("pelaporan__triwulan", "dibuat_pada", "pk")
        ),
    )

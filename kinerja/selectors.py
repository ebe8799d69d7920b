"""Reads of the measurement domain: the performance of an agency in a year, computed by the rules
module from targets and realisations, in a fixed number of queries whatever the data size."""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count

from kinerja import rules
from renstra.kode import urut_jalur, urut_simpul
from renstra.models import Indikator, Pagu, PerangkatDaerah, Renstra, SubKegiatan, Target, Tingkat
from renstra.selectors import indikator_berlaku_pada, renstra_berlaku

from .models import CatatanData, DataDukung, Pelaporan, Realisasi, RealisasiAnggaran, SkalaPredikat
from .periode import batas_waktu, romawi, sudah_lewat, triwulan_terakhir_selesai
from .tenggat import tenggat

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


def dihitung(indikator):
    """Whether an indicator counts in averages: not a detail row, not under a sub kegiatan cut by
    refocusing (an Indikator, or anything with its `induk_id` and `dipotong_refocusing`)."""
    return indikator.induk_id is None and not indikator.dipotong_refocusing


@dataclass
class KinerjaIndikator:
    """One indicator in one year: its target in force, its quarterly and yearly values, and their
    capaian. Values are Decimals, or level names for a qualitative indicator."""

    indikator: Indikator
    target: Target | None
    nilai_triwulan: list
    nilai_sampai: list
    nilai_tahunan: Decimal | str | None
    hasil: rules.HasilCapaian
    predikat: rules.Rentang | None
    tingkatan: tuple = ()  # the levels of a qualitative indicator's scale, lowest first
    komponen_triwulan: tuple = ()  # (pembilang, penyebut) of each quarter of a formula indicator, or None
    target_jenis: dict = field(default_factory=dict)  # the year's targets by kind (Renstra, PK, revised PK)
    target_triwulan: list = field(default_factory=list)  # the target each quarter is measured against

    # The quarters' capaian are computed when read: a region's overview reads only the year's.
    @cached_property
    def capaian_triwulan(self):
        """Each quarter's value against that quarter's target (its own, else the year's); an
        annual indicator has none before the quarter that closes the year (DIUKUR_TAHUNAN)."""
        return [
            _hasil(self.indikator, self.target_triwulan[q], self.nilai_triwulan[q], self.tingkatan)
            if self.diukur_pada(q + 1)
            else _TIDAK_DIUKUR
            for q in range(4)
        ]

    @cached_property
    def capaian_sampai(self):
        """The value up to each quarter against the year's target (see capaian_triwulan)."""
        return [
            _hasil(self.indikator, self.target, self.nilai_sampai[q], self.tingkatan)
            if self.diukur_pada(q + 1)
            else _TIDAK_DIUKUR
            for q in range(4)
        ]

    @property
    def tahunan(self):
        """Measured once a year: its value of the year is its only value (see Indikator.tahunan)."""
        return self.indikator.tahunan

    def diukur_pada(self, triwulan):
        """Whether the indicator has a value and a capaian in `triwulan` (1–4): an annual one only
        in the quarter that closes the year; before it, reports say "diukur tahunan"."""
        return rules.diukur_pada(self.tahunan, triwulan)

    @property
    def capaian(self):
        return self.hasil.nilai

    @property
    def dihitung(self):
        return dihitung(self.indikator)


@dataclass
class KinerjaTahun:
    renstra: Renstra | None
    tahun: int
    skala: rules.Skala
    indikator: list = field(default_factory=list)
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

    @cached_property
    def dirata(self):
        """The indicators of the agency's "rata-rata capaian kinerja" (Permendagri 86/2017, as the
        Evaluasi Renja prints it): every counted indicator of a sasaran, program, kegiatan or sub
        kegiatan, each once; a tujuan's own indicator is not (the form begins at the sasaran), one
        it shares with its sasaran is."""
        return [k for k in self.indikator if k.dihitung and (k.indikator.sasaran_id or not k.indikator.tujuan_id)]

    def rata_rata_semua(self):
        """The agency's rata-rata capaian kinerja (`rules.RATA_RATA_KINERJA`): the mean of `dirata`."""
        return rules.rata_rata_capaian((k.capaian for k in self.dirata), self.batas)

    def indikator_kelompok(self, simpul):
        """The counted indicators of a group of nodes, each once."""
        return list({k.indikator.pk: k for s in simpul for k in self.indikator_simpul(s)}.values())

    def rata_rata_kelompok(self, simpul):
        """Mean capaian of a group of nodes over all their indicators, each counted once: the
        capaian of a tujuan/sasaran strategis (Tujuan 1 and Sasaran 1 of seed 003 give
        (6110 + 98,82) / 2 = 3104,41)."""
        return rules.rata_rata_capaian((k.capaian for k in self.indikator_kelompok(simpul)), self.batas)

    def rata_rata_strategis(self, kelompok):
        """The agency's rata-rata capaian tujuan/sasaran strategis (`rules.RATA_RATA_STRATEGIS`,
        PermenPAN-RB 53/2014): the mean of each group's `rata_rata_kelompok`, `kelompok` being
        lists of nodes (a tujuan with its sasaran). Seed 003, Tabel 3.45: (3104,41 + 100,04 +
        71,91) / 3 = 1092,12."""
        return rules.rata_rata_bertingkat(
            ([k.capaian for k in self.indikator_kelompok(s)] for s in kelompok), self.batas
        )

    def kelompok_terhitung(self, kelompok):
        """(number of groups with a computable mean, number of indicators) of `kelompok`: what
        `rata_rata_strategis` averages, for its note."""
        dihitung = [d for d in (self.indikator_kelompok(s) for s in kelompok) if any(k.capaian is not None for k in d)]
        return len(dihitung), sum(1 for d in dihitung for k in d if k.capaian is not None)


_TIDAK_DIUKUR = rules.HasilCapaian(None, rules.Alasan.DIUKUR_TAHUNAN)


def target_berlaku(daftar):
    """The target in force among an indicator's targets of one year (see URUTAN_TARGET)."""
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
    target = target_berlaku(target_tahun)
    if indikator.tahunan:
        # Measured once a year: only the row of the quarter closing the year counts (rows of
        # earlier quarters, kept from before it was annual, are not read), against the year's target.
        realisasi = {tw: r for tw, r in realisasi.items() if tw == rules.TRIWULAN_TAHUNAN}
        target_triwulan = {}
    nilai = [_nilai_realisasi(indikator, realisasi.get(tw)) for tw in range(1, 5)]
    komponen = tuple(
        (r.pembilang, r.penyebut) if r is not None and r.pembilang is not None else None
        for r in (realisasi.get(tw) for tw in range(1, 5))
    )
    if indikator.jenis == Indikator.Jenis.KUALITATIF:
        sampai = [_nilai_kualitatif_sampai(nilai, tw) for tw in range(1, 5)]
    else:
        sampai = [rules.nilai_sampai_triwulan(nilai, indikator.cara_tahunan, tw) for tw in range(1, 5)]
    per_triwulan = [target_berlaku(target_triwulan.get(tw, [])) or target for tw in range(1, 5)]
    hasil = _hasil(indikator, target, sampai[3], tingkatan)
    return KinerjaIndikator(
        indikator=indikator,
        target=target,
        nilai_triwulan=nilai,
        nilai_sampai=sampai,
        nilai_tahunan=sampai[3],
        hasil=hasil,
        predikat=skala.cari(hasil.nilai),
        tingkatan=tuple(tingkatan),
        komponen_triwulan=komponen,
        target_jenis={t.jenis: t for t in target_tahun},
        target_triwulan=per_triwulan,
    )


def kinerja_tahunan(opd, tahun, skala=None, renstra=None):
    """Every indicator of an agency's Renstra in force in `tahun`, with its target, quarterly and
    yearly values, capaian and predikat, and the means of its nodes. Five queries (six with the
    scale from the database), whatever the number of indicators."""
    if skala is None:
        skala = skala_laporan("dasbor")
    if renstra is None:
        renstra = renstra_berlaku(opd, tahun)
    daftar = _hitung_renstra(renstra, tahun, skala) if renstra else []
    return KinerjaTahun(
        renstra=renstra,
        tahun=tahun,
        skala=skala,
        indikator=daftar,
        batas=batas_capaian(),
    )


def kinerja_per_tahun(indikator, daftar_tahun, skala, sampai_triwulan=4):
    """{(indicator id, year): KinerjaIndikator} of `indikator` in each of `daftar_tahun`, from
    three queries whatever their number (targets and realisations of those years, and the
    levels of the qualitative scales). The indicators may come from several Renstra. With
    `sampai_triwulan` the year is as known at the end of that quarter (later quarters unread)."""
    indikator = list(indikator)
    renstra_id = {i.renstra_id for i in indikator}
    daftar_tahun = list(daftar_tahun)
    target_tahun, target_triwulan, realisasi = {}, {}, {}
    for t in Target.objects.filter(indikator__renstra__in=renstra_id, tahun__in=daftar_tahun).select_related("tingkat"):
        if t.triwulan:
            target_triwulan.setdefault((t.indikator_id, t.tahun), {}).setdefault(t.triwulan, []).append(t)
        else:
            target_tahun.setdefault((t.indikator_id, t.tahun), []).append(t)
    for r in (
        Realisasi.objects.filter(
            indikator__renstra__in=renstra_id, tahun__in=daftar_tahun, triwulan__lte=sampai_triwulan
        )
        .select_related("tingkat")
        .defer(*Realisasi.NARASI)
    ):
        realisasi.setdefault((r.indikator_id, r.tahun), {})[r.triwulan] = r
    tingkatan = {}
    for t in Tingkat.objects.filter(skala__indikator__renstra__in=renstra_id).distinct().order_by("skala_id", "urutan"):
        tingkatan.setdefault(t.skala_id, []).append(t.nama)
    return {
        (i.pk, th): hitung_indikator(
            i,
            target_tahun.get((i.pk, th), []),
            target_triwulan.get((i.pk, th), {}),
            realisasi.get((i.pk, th), {}),
            skala,
            tingkatan.get(i.skala_tingkat_id, ()),
        )
        for i in indikator
        for th in daftar_tahun
    }


def _target_per_indikator(tahun, **saringan):
    """Targets of `tahun` by indicator: the yearly ones, and the quarterly ones by quarter."""
    tahunan, per_triwulan = {}, {}
    for t in Target.objects.filter(tahun=tahun, **saringan).select_related("tingkat"):
        if t.triwulan:
            per_triwulan.setdefault(t.indikator_id, {}).setdefault(t.triwulan, []).append(t)
        else:
            tahunan.setdefault(t.indikator_id, []).append(t)
    return tahunan, per_triwulan


def _hitung_renstra(renstra, tahun, skala):
    indikator = list(
        Indikator.objects.filter(renstra=renstra)
        .select_related("skala_tingkat", "sub_kegiatan")
        .prefetch_related("skala_tingkat__tingkat")
    )
    target_tahun, target_triwulan = _target_per_indikator(tahun, indikator__renstra=renstra)
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


# --- the quarterly entry page ---------------------------------------------------------------


def bidang_penanggung_jawab_id(indikator):
    """The bidang answering for an indicator: its node's, else the nearest parent's (None for
    tujuan and sasaran). Needs the owner chain loaded (see `isian_triwulan`)."""
    return bidang_rantai_id(indikator.sub_kegiatan, indikator.kegiatan, indikator.program)


def bidang_rantai_id(sub_kegiatan=None, kegiatan=None, program=None):
    """The bidang id of the nearest node of a chain that names one (its parents loaded)."""
    kegiatan = sub_kegiatan.kegiatan if sub_kegiatan else kegiatan
    program = kegiatan.program if kegiatan else program
    return next((s.bidang_id for s in (sub_kegiatan, kegiatan, program) if s is not None and s.bidang_id), None)


def tahun_pelaporan(opd, *tahun_lain):
    """The years an agency can open: every year of its Renstra (earlier periods included), with
    `tahun_lain` (the year shown, this year) even outside them."""
    tahun = set(tahun_lain)
    for awal, akhir in Renstra.objects.filter(opd=opd).values_list("tahun_awal", "tahun_akhir"):
        tahun.update(range(awal, akhir + 1))
    return sorted(tahun)


def unit_pelaporan(opd):
    """The submissions of an agency per quarter: the agency as a whole, and each bidang when it
    reports per bidang (its tujuan/sasaran indicators stay with the agency)."""
    if not opd.pelaporan_per_bidang:
        return [None]
    return [None, *opd.bidang.all()]


@dataclass
class BarisIsian:
    """One indicator on the entry page: its rows of the year (targets, realisations up to the
    quarter), what the rules make of them, and its evidence files for the quarter."""

    indikator: Indikator
    tingkatan: list
    target_tahun: list
    target_triwulan: dict
    realisasi: dict
    realisasi_ini: Realisasi | None
    data_dukung: list
    kinerja: KinerjaIndikator | None = None
    form: object = None
    diukur: bool = True  # asked this quarter (an annual indicator only in TW IV): see ditanya_pada
    label_isian: str = ""  # what the value asked is: "Realisasi TW II", "Realisasi tahunan 2025"

    @property
    def nilai_ini(self):
        """This quarter's value (a level's name for a qualitative indicator), as stored."""
        return _nilai_realisasi(self.indikator, self.realisasi_ini)

    @property
    def narasi(self):
        """(label, text) of the narrative columns of this quarter, for reading."""
        r = self.realisasi_ini
        return [(str(Realisasi._meta.get_field(n).verbose_name), getattr(r, n) if r else "") for n in Realisasi.NARASI]

    @property
    def terisi(self):
        return self.realisasi_ini is not None and self.realisasi_ini.terisi

    @property
    def tahunan(self):
        return self.indikator.tahunan


@dataclass
class BarisAnggaran:
    """A sub kegiatan's spending: its budget in force, each quarter up to this one, the total so
    far and the share of the budget spent (serapan)."""

    sub_kegiatan: object
    pagu: int | None
    per_triwulan: list
    realisasi_ini: RealisasiAnggaran | None
    form: object = None

    @property
    def sampai(self):
        ada = [v for v in self.per_triwulan if v is not None]
        return sum(ada) if ada else None

    @property
    def serapan(self):
        return rules.serapan(self.sampai, self.pagu)

    def ganti_nilai_ini(self, nilai):
        """Take `nilai` (as typed) as this quarter's spending."""
        self.per_triwulan = [*self.per_triwulan[:-1], nilai]


@dataclass
class Blok:
    """A program, kegiatan or sub kegiatan with its rows and its children."""

    simpul: object
    baris: list = field(default_factory=list)
    anak: list = field(default_factory=list)
    anggaran: BarisAnggaran | None = None


BAGIAN_SASARAN = "sasaran"


@dataclass
class BarisUnit:
    """An indicator of the whole unit, built on the page or not: whether it is reported (a value
    or an explanation) and the key of its part when the page is split."""

    indikator: Indikator
    terisi: bool
    bagian: str = ""
    triwulan: int = rules.TRIWULAN_TAHUNAN

    @property
    def ditanya(self):
        """A submission of `triwulan` asks for it: it is not under a sub kegiatan cut by
        refocusing, and it is measured that quarter (an annual indicator only in TW IV)."""
        return ditanya_pada(self.indikator, self.triwulan)


def ditanya_pada(indikator, triwulan):
    """Whether the entry page asks for `indikator` in `triwulan` and a submission needs it: not
    under a sub kegiatan cut by refocusing, and measured that quarter (an annual indicator only
    when its year closes, in TW IV)."""
    return not indikator.dipotong_refocusing and rules.diukur_pada(indikator.tahunan, triwulan)


@dataclass
class Bagian:
    """A part of a large unit's entry page, shown and saved on its own: the tujuan and sasaran
    indicators, or one program with its kegiatan and sub kegiatan (indicators and spending)."""

    kunci: str  # BAGIAN_SASARAN or the program's pk: the page's ?bagian=
    judul: str
    kode: str = ""
    jumlah: int = 0  # the rows a submission asks for
    terisi: int = 0

    @property
    def lengkap(self):
        return self.terisi == self.jumlah


@dataclass
class HalamanIsian:
    opd: object
    renstra: Renstra | None
    tahun: int
    triwulan: int
    bidang: object
    skala: rules.Skala
    program: list = field(default_factory=list)
    baris: list = field(default_factory=list)
    anggaran: list = field(default_factory=list)
    unit: list = field(default_factory=list)  # BarisUnit of every indicator of the unit
    bagian: list = field(default_factory=list)  # the parts, when the unit is split
    bagian_ini: Bagian | None = None  # the part whose rows are built

    def hitung(self, baris, realisasi_ini):
        """The row's year up to this quarter, with `realisasi_ini` (stored, or as typed) as the
        value of the quarter."""
        realisasi = {tw: r for tw, r in baris.realisasi.items() if tw != self.triwulan}
        if realisasi_ini is not None:
            realisasi[self.triwulan] = realisasi_ini
        return hitung_indikator(
            baris.indikator,
            baris.target_tahun,
            baris.target_triwulan,
            realisasi,
            self.skala,
            [t.nama for t in baris.tingkatan],
        )

    @property
    def strategis(self):
        """The rows of tujuan and sasaran indicators, shown first."""
        return [b for b in self.baris if b.indikator.tujuan_id or b.indikator.sasaran_id]

    @property
    def ditanya(self):
        """The unit's indicators a submission needs (every part's): all but those of sub kegiatan
        cut by refocusing."""
        return [u for u in self.unit if u.ditanya]

    @property
    def jumlah(self):
        return len(self.ditanya)

    @property
    def terisi(self):
        return self.jumlah - len(self.belum_terisi)

    @property
    def belum_terisi(self):
        return [u for u in self.ditanya if not u.terisi]


def _terlihat(opd, bidang, pengguna):
    """Whether a row answered for by a bidang (its id, or None) belongs to the submission of
    `bidang` (None: the agency's) and is seen by `pengguna`: in an agency reporting as a whole,
    a user with a bidang sees only their bidang's rows."""
    unit = bidang.pk if bidang else None
    hanya = pengguna.bidang_id if pengguna and pengguna.bidang_id and not opd.pelaporan_per_bidang else None

    def terlihat(bidang_id):
        if opd.pelaporan_per_bidang and bidang_id != unit:
            return False
        return hanya is None or bidang_id == hanya

    return terlihat


def _indikator_unit(renstra, terlihat, tahun):
    """The indicators of a unit in `tahun`: those of programs, kegiatan and sub kegiatan not in
    force that year are not asked."""
    return [
        i
        for i in Indikator.objects.filter(indikator_berlaku_pada(tahun), renstra=renstra)
        .select_related(
            "tujuan",
            "sasaran__tujuan",
            "program__renstra",
            "kegiatan__program",
            "sub_kegiatan__kegiatan__program",
            "skala_tingkat",
        )
        .prefetch_related("skala_tingkat__tingkat")
        if terlihat(bidang_penanggung_jawab_id(i))
    ]


def indikator_pelaporan(opd, tahun, bidang=None):
    """The indicators of one submission (every bidang's, when the agency reports as a whole)."""
    renstra = renstra_berlaku(opd, tahun)
    return _indikator_unit(renstra, _terlihat(opd, bidang, None), tahun) if renstra else []


def _unit_isian(opd, tahun, triwulan, bidang, pengguna, skala):
    """The page of a submission unit without rows, the unit's indicators in page order and its
    sub kegiatan by code."""
    skala = skala or skala_laporan("evaluasi_triwulan")
    renstra = renstra_berlaku(opd, tahun)
    halaman = HalamanIsian(opd=opd, renstra=renstra, tahun=tahun, triwulan=triwulan, bidang=bidang, skala=skala)
    if renstra is None:
        return halaman, [], []
    terlihat = _terlihat(opd, bidang, pengguna)
    indikator = sorted(_indikator_unit(renstra, terlihat, tahun), key=_urutan)
    # The spending rows: the sub kegiatan in force, and the hidden rows on which an
    # old-nomenclature kegiatan keeps its budget (entered on the kegiatan's own row).
    sub_kegiatan = sorted(
        (
            s
            for s in SubKegiatan.objects.filter(kegiatan__program__renstra=renstra)
            .berlaku_pada(tahun)
            .select_related("kegiatan__program")
            if terlihat(bidang_rantai_id(s))
        ),
        key=urut_jalur,
    )
    return halaman, indikator, sub_kegiatan


def isian_triwulan(opd, tahun, triwulan, bidang=None, pengguna=None, skala=None):
    """The rows of one submission (the agency, or one bidang of an agency that reports per
    bidang) for a quarter, grouped program → kegiatan → sub kegiatan after the tujuan/sasaran
    indicators; each with its target, earlier quarters, this quarter and its capaian so far.
    `pengguna` with a bidang sees only their bidang's rows. Fixed number of queries."""
    halaman, indikator, sub_kegiatan = _unit_isian(opd, tahun, triwulan, bidang, pengguna, skala)
    _isi_baris(halaman, indikator, sub_kegiatan)
    halaman.unit = [BarisUnit(b.indikator, b.terisi, triwulan=triwulan) for b in halaman.baris]
    return halaman


def kunci_bagian(indikator):
    """The key of the part of the entry page an indicator is on (its owner chain loaded)."""
    if indikator.tujuan_id or indikator.sasaran_id:
        return BAGIAN_SASARAN
    return str(_program_indikator(indikator).pk)


def _program_indikator(indikator):
    return indikator.program or (indikator.kegiatan or indikator.sub_kegiatan.kegiatan).program


def _daftar_bagian(unit, sub_kegiatan):
    """The parts of a unit in page order, with their counts: tujuan and sasaran, then each
    program (of an indicator or a sub kegiatan's spending) by code."""
    program = {}
    for u in unit:
        if u.bagian != BAGIAN_SASARAN:
            p = _program_indikator(u.indikator)
            program[p.pk] = p
    for s in sub_kegiatan:
        program[s.kegiatan.program_id] = s.kegiatan.program
    bagian = {}
    if any(u.bagian == BAGIAN_SASARAN for u in unit):
        bagian[BAGIAN_SASARAN] = Bagian(BAGIAN_SASARAN, "Indikator tujuan dan sasaran")
    for p in sorted(program.values(), key=urut_simpul):
        bagian[str(p.pk)] = Bagian(str(p.pk), p.uraian, p.kode_tampil)
    for u in unit:
        if u.ditanya:
            bagian[u.bagian].jumlah += 1
            bagian[u.bagian].terisi += u.terisi
    return list(bagian.values())


def isian_bagian(opd, tahun, triwulan, bidang=None, pengguna=None, skala=None, bagian="", indikator_id=None):
    """The entry page of a submission unit, split into parts (`Bagian`) when the unit has more
    than KINERJA_ISIAN_BARIS_PER_HALAMAN indicator rows: a page of every row would be too large
    to send back (and slow to build). Only the chosen part's rows are built: the part `bagian`
    (its key), or the one holding indicator `indikator_id`, or by default the first part with
    rows not reported yet (else the first). The unit's counts (`unit`, `jumlah`, `terisi`,
    `belum_terisi`, each part's) still cover every part, from one more query. `bagian_ini` is
    None when the key or the indicator is not the unit's. A smaller unit is one page, built as
    isian_triwulan builds it, whatever `bagian` asks."""
    halaman, indikator, sub_kegiatan = _unit_isian(opd, tahun, triwulan, bidang, pengguna, skala)
    if len(indikator) <= settings.KINERJA_ISIAN_BARIS_PER_HALAMAN:
        _isi_baris(halaman, indikator, sub_kegiatan)
        halaman.unit = [BarisUnit(b.indikator, b.terisi, triwulan=triwulan) for b in halaman.baris]
        return halaman
    terisi = {
        r.indikator_id
        for r in Realisasi.objects.filter(indikator__renstra=halaman.renstra, tahun=tahun, triwulan=triwulan).only(
            "indikator", "nilai", "pembilang", "tingkat", "keterangan"
        )
        if r.terisi
    }
    halaman.unit = [BarisUnit(i, i.pk in terisi, kunci_bagian(i), triwulan) for i in indikator]
    halaman.bagian = _daftar_bagian(halaman.unit, sub_kegiatan)
    per_kunci = {b.kunci: b for b in halaman.bagian}
    if indikator_id is not None:
        kunci = next((u.bagian for u in halaman.unit if u.indikator.pk == indikator_id), None)
    elif bagian:
        kunci = bagian
    else:
        kunci = next((b.kunci for b in halaman.bagian if not b.lengkap), halaman.bagian[0].kunci)
    halaman.bagian_ini = per_kunci.get(kunci)
    if halaman.bagian_ini is None:
        return halaman
    _isi_baris(
        halaman,
        [u.indikator for u in halaman.unit if u.bagian == kunci],
        [s for s in sub_kegiatan if str(s.kegiatan.program_id) == kunci],
    )
    return halaman


def _isi_baris(halaman, indikator, sub_kegiatan):
    """Build the rows of `indikator` (in page order) and the spending of `sub_kegiatan` (by code)
    on `halaman`, and group them program → kegiatan → sub kegiatan."""
    tahun, triwulan = halaman.tahun, halaman.triwulan
    target_tahun, target_triwulan = _target_per_indikator(tahun, indikator__in=indikator)
    realisasi = {}
    for r in Realisasi.objects.filter(indikator__in=indikator, tahun=tahun, triwulan__lte=triwulan).select_related(
        "tingkat", "diubah_oleh"
    ):
        realisasi.setdefault(r.indikator_id, {})[r.triwulan] = r
    data_dukung = {}
    for d in _data_dukung(realisasi__indikator__in=indikator, realisasi__tahun=tahun, realisasi__triwulan=triwulan):
        data_dukung.setdefault(d.realisasi_id, []).append(d)

    for i in indikator:
        rs = realisasi.get(i.pk, {})
        b = BarisIsian(
            indikator=i,
            tingkatan=list(i.skala_tingkat.tingkat.all()) if i.skala_tingkat_id else [],
            target_tahun=target_tahun.get(i.pk, []),
            target_triwulan=target_triwulan.get(i.pk, {}),
            realisasi=rs,
            realisasi_ini=rs.get(triwulan),
            data_dukung=data_dukung.get(rs[triwulan].pk, []) if triwulan in rs else [],
            diukur=rules.diukur_pada(i.tahunan, triwulan),
            label_isian=f"Realisasi tahunan {tahun}" if i.tahunan else f"Realisasi TW {romawi(triwulan)}",
        )
        b.kinerja = halaman.hitung(b, b.realisasi_ini)
        halaman.baris.append(b)

    pagu = {}
    for p in Pagu.objects.filter(sub_kegiatan__in=sub_kegiatan, tahun=tahun):
        if p.berlaku is not None:
            pagu[p.sub_kegiatan_id] = pagu.get(p.sub_kegiatan_id, 0) + p.berlaku
    keuangan = {}
    for r in RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub_kegiatan, tahun=tahun, triwulan__lte=triwulan):
        keuangan.setdefault(r.sub_kegiatan_id, {})[r.triwulan] = r
    blok_program, blok_kegiatan = {}, {}

    def blok_dari(program, kegiatan=None):
        bp = blok_program.setdefault(program.pk, Blok(program))
        if kegiatan is None:
            return bp
        if kegiatan.pk not in blok_kegiatan:
            blok_kegiatan[kegiatan.pk] = Blok(kegiatan)
            bp.anak.append(blok_kegiatan[kegiatan.pk])
        return blok_kegiatan[kegiatan.pk]

    for b in halaman.baris:
        i = b.indikator
        if i.program_id:
            blok_dari(i.program).baris.append(b)
        elif i.kegiatan_id:
            blok_dari(i.kegiatan.program, i.kegiatan).baris.append(b)
    blok_sub = {}
    for s in sub_kegiatan:
        per_tw = keuangan.get(s.pk, {})
        anggaran = BarisAnggaran(
            sub_kegiatan=s,
            pagu=pagu.get(s.pk),
            per_triwulan=[per_tw[tw].nilai if tw in per_tw else None for tw in range(1, triwulan + 1)],
            realisasi_ini=per_tw.get(triwulan),
        )
        halaman.anggaran.append(anggaran)
        if s.mewakili_kegiatan:
            blok_dari(s.kegiatan.program, s.kegiatan).anggaran = anggaran  # on the kegiatan's own row
            continue
        blok = Blok(s, anggaran=anggaran)
        blok_sub[s.pk] = blok
        blok_dari(s.kegiatan.program, s.kegiatan).anak.append(blok)
    for b in halaman.baris:
        if b.indikator.sub_kegiatan_id in blok_sub:
            blok_sub[b.indikator.sub_kegiatan_id].baris.append(b)
    halaman.program = sorted(blok_program.values(), key=lambda b: urut_simpul(b.simpul))
    for bp in halaman.program:
        bp.anak.sort(key=lambda b: urut_simpul(b.simpul))
        for bk in bp.anak:
            bk.anak.sort(key=lambda b: urut_simpul(b.simpul))


def _data_dukung(**saringan):
    return DataDukung.objects.filter(**saringan).select_related("diunggah_oleh").order_by("diunggah_pada", "pk")


def data_dukung_baris(indikator, tahun, triwulan):
    """An indicator's evidence files of a quarter, oldest first."""
    return list(_data_dukung(realisasi__indikator=indikator, realisasi__tahun=tahun, realisasi__triwulan=triwulan))


def _urutan(indikator):
    """Tujuan/sasaran first (by code), then programs, kegiatan, sub kegiatan by code."""
    if indikator.sasaran_id:
        return (0, urut_simpul(indikator.sasaran), indikator.urutan, indikator.pk)
    if indikator.tujuan_id:
        return (0, urut_simpul(indikator.tujuan), indikator.urutan, indikator.pk)
    simpul = indikator.sub_kegiatan or indikator.kegiatan or indikator.program
    return (1, urut_jalur(simpul), indikator.urutan, indikator.pk)


# --- submissions, for reviewers -------------------------------------------------------------


@dataclass
class BarisPelaporan:
    opd: object
    bidang: object
    pelaporan: object
    batas_waktu: object
    terlambat: bool
    tenggat: object = None  # kinerja.tenggat.Tenggat: due, overdue or done, with the days

    @property
    def status(self):
        return self.pelaporan.status if self.pelaporan else Pelaporan.Status.DRAFT

    @property
    def status_label(self):
        return Pelaporan.Status(self.status).label

    @property
    def belum_diajukan(self):
        return self.status in (Pelaporan.Status.DRAFT, Pelaporan.Status.DIKEMBALIKAN)

    @property
    def ketepatan(self):
        """Timeliness as the list shows it: late, past the deadline unsubmitted, or on time."""
        if self.terlambat:
            return "lewat batas, belum diajukan" if self.belum_diajukan else "terlambat"
        return "" if self.belum_diajukan else "tepat waktu"


def terlambat(tahun, triwulan, pelaporan, sekarang=None):
    """Whether a quarter's submission (None: never saved) is late: submitted after the deadline,
    or not submitted (draft or returned) while the deadline has passed."""
    if pelaporan is None or pelaporan.status in (Pelaporan.Status.DRAFT, Pelaporan.Status.DIKEMBALIKAN):
        return sudah_lewat(tahun, triwulan, pelaporan, sekarang)
    return pelaporan.terlambat


def ringkasan_pelaporan(baris):
    """(label, count) per status in workflow order, and how many are late."""
    jumlah = dict.fromkeys(Pelaporan.Status, 0)
    for b in baris:
        jumlah[Pelaporan.Status(b.status)] += 1
    return [(s.label, n) for s, n in jumlah.items()], sum(1 for b in baris if b.terlambat)


_URUTAN_STATUS = {"diajukan": 0, "dikembalikan": 1, "draft": 2, "diverifikasi": 3}


def daftar_pelaporan(tahun, triwulan, sekarang=None):
    """Every submission unit of every agency with a Renstra for the year, for one quarter: its
    status, dates, lateness (submitted after the deadline, or not submitted and the deadline
    passed) and due state (kinerja.tenggat). Submitted ones first. Three queries."""
    opd = (
        PerangkatDaerah.objects.filter(
            renstra__aktif=True, renstra__tahun_awal__lte=tahun, renstra__tahun_akhir__gte=tahun
        )
        .distinct()
        .prefetch_related("bidang")
    )
    pelaporan = {
        (p.opd_id, p.bidang_id): p
        for p in Pelaporan.objects.filter(tahun=tahun, triwulan=triwulan).select_related("diajukan_oleh")
    }
    baris = []
    for o in opd:
        for bidang in unit_pelaporan(o):
            p = pelaporan.get((o.pk, bidang.pk if bidang else None))
            baris.append(
                BarisPelaporan(
                    o,
                    bidang,
                    p,
                    batas_waktu(tahun, triwulan, p),
                    terlambat(tahun, triwulan, p, sekarang),
                    tenggat(tahun, triwulan, p, sekarang),
                )
            )
    return sorted(baris, key=lambda b: (_URUTAN_STATUS[b.status], b.opd.kode, b.bidang.nama if b.bidang else ""))


@dataclass(frozen=True)
class TriwulanMenunggu:
    """A quarter with submissions waiting for a reviewer's decision (status diajukan)."""

    tahun: int
    triwulan: int
    jumlah: int


def menunggu_verifikasi():
    """Every quarter, of any year, with submissions waiting for a decision, newest first, with
    how many wait (agencies and bidang alike). One query."""
    return [
        TriwulanMenunggu(**baris)
        for baris in Pelaporan.objects.filter(status=Pelaporan.Status.DIAJUKAN)
        .values("tahun", "triwulan")
        .annotate(jumlah=Count("pk"))
        .order_by("-tahun", "-triwulan")
    ]


def triwulan_verifikasi(menunggu, sekarang=None):
    """(year, quarter) the reviewers' list opens on: of the quarters `menunggu` (see
    menunggu_verifikasi), the one where most submissions wait, the older of a tie (it has waited
    longer); with nothing waiting, the last quarter that has ended, whose submissions come next."""
    if menunggu:
        paling = max(menunggu, key=lambda m: (m.jumlah, -m.tahun, -m.triwulan))
        return paling.tahun, paling.triwulan
    return triwulan_terakhir_selesai(sekarang)


def catatan_data(opd, tahun):
    """The open data notes of `opd` about `tahun` (and those of its Renstra, not tied to a year),
    with what they concern, in the order they were found; one query."""
    return list(
        CatatanData.objects.untuk_tahun(opd, tahun)
        .terbuka()
        .select_related("indikator", "sub_kegiatan", "kegiatan", "program", "impor", "dibuat_oleh")
        .order_by("pk")
    )

"""Reads for the dashboards: every agency of the region in a year up to a quarter (indicators,
mean capaian, counts per predikat, budget absorption, the state of each quarter's submission),
one agency drilled down from tujuan to sub kegiatan, one indicator over the quarters and the
years, and an operator's home. Each read takes a fixed number of queries whatever the number of
agencies and indicators; the arithmetic is the rules module's."""

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from kinerja import rules
from renstra.kode import urut_simpul
from renstra.models import Bidang, Indikator, Pagu, Renstra
from renstra.selectors import pohon_renstra, renstra_berlaku

from .models import Pelaporan, Realisasi, RealisasiAnggaran
from .periode import batas_waktu, triwulan_terakhir_selesai
from .ringkasan import RingkasanRenstra, ringkasan_renstra
from .selectors import KinerjaTahun, batas_capaian, kinerja_per_tahun, skala_laporan, terlambat
from .tenggat import Keadaan, Tenggat, tenggat

STATUS = Pelaporan.Status


def ambang(triwulan):
    """The thresholds of the capaian–serapan quadrants up to a quarter: the settings' yearly
    thresholds, in proportion to the part of the year gone (spending and cumulative results are
    planned through the year)."""
    nama = ("KINERJA_AMBANG_CAPAIAN", "KINERJA_AMBANG_SERAPAN")
    return tuple(rules.ambang_sampai_triwulan(_ambang_tahunan(n), triwulan) for n in nama)


def _ambang_tahunan(nama):
    teks = getattr(settings, nama)
    try:
        nilai = rules.parse_angka(teks)
    except (ValueError, ArithmeticError):
        nilai = None
    if nilai is None or nilai <= 0:
        raise ImproperlyConfigured(f"{nama} harus persen lebih dari 0, mis. 90; tertulis {teks!r}.")
    return nilai


def ambang_pencilan():
    """The capaian (%) above which a value is marked as an outlier (settings
    KINERJA_CAPAIAN_PENCILAN, see `rules.capaian_pencilan`); None when the setting is empty."""
    teks = getattr(settings, "KINERJA_CAPAIAN_PENCILAN", rules.PENCILAN)
    if teks is None or str(teks).strip() == "":
        return None
    try:
        nilai = rules.parse_angka(str(teks))
    except (ValueError, ArithmeticError):
        nilai = None
    if nilai is None or nilai <= 0:
        raise ImproperlyConfigured(
            f"KINERJA_CAPAIAN_PENCILAN harus persen lebih dari 0 (mis. 200) atau kosong; tertulis {teks!r}."
        )
    return nilai


def triwulan_bawaan(tahun, opd, sekarang=None):
    """The quarter a dashboard of `tahun` opens on when none is asked for: for the year of the
    last quarter that has ended, that quarter; for a year before it, the last quarter in which
    any of the agencies `opd` (a queryset or a list) reported a realisation, a finished year's
    TW IV when it has none; for a later year, TW I (none of its quarters has ended). Two queries
    for a year before, none otherwise."""
    tahun_selesai, triwulan_selesai = triwulan_terakhir_selesai(sekarang)
    if tahun == tahun_selesai:
        return triwulan_selesai
    if tahun > tahun_selesai:
        return 1
    ada_nilai = Q(nilai__isnull=False) | Q(tingkat__isnull=False) | Q(pembilang__isnull=False)
    kinerja = Realisasi.objects.filter(ada_nilai, indikator__renstra__opd__in=opd, tahun=tahun)
    anggaran = RealisasiAnggaran.objects.filter(sub_kegiatan__kegiatan__program__renstra__opd__in=opd, tahun=tahun)
    terakhir = [q.aggregate(tw=Max("triwulan"))["tw"] for q in (kinerja, anggaran)]
    return max((tw for tw in terakhir if tw), default=4)


# ---------------------------------------------------------------------------------------------
# Submissions
# ---------------------------------------------------------------------------------------------


@dataclass
class StatusTriwulan:
    """The submission of one quarter of an agency: of the agency as a whole, or summed over its
    bidang when it reports per bidang (the least advanced state shows, and the due state of the
    unit furthest behind: `tenggat`)."""

    triwulan: int
    status: str
    terlambat: bool
    jumlah_unit: int = 1
    diverifikasi: int = 0
    tenggat: Tenggat | None = None

    @property
    def label(self):
        return STATUS(self.status).label

    @property
    def teks(self):
        teks = self.label
        if self.jumlah_unit > 1:
            teks += f" ({self.diverifikasi}/{self.jumlah_unit} diverifikasi)"
        if self.tenggat is not None and self.tenggat.keadaan != Keadaan.SELESAI:
            return f"{teks} · {self.tenggat.teks}"  # not submitted: due, overdue, with the days
        return teks + (" · terlambat" if self.terlambat else "")


_URUTAN_TENGGAT = [Keadaan.TERLAMBAT, Keadaan.JATUH_TEMPO, Keadaan.BELUM_WAKTUNYA, Keadaan.SELESAI]


def tenggat_terburuk(daftar):
    """Of units' due states, the one furthest behind: the longest overdue, else the soonest due."""
    return min(daftar, key=lambda t: (_URUTAN_TENGGAT.index(t.keadaan), t.sisa_hari))


_URUTAN = [STATUS.DRAFT, STATUS.DIKEMBALIKAN, STATUS.DIAJUKAN, STATUS.DIVERIFIKASI]


def status_triwulan(tahun, triwulan, unit, pelaporan, sekarang=None):
    """The state of a quarter over an agency's submission units (`pelaporan`: {unit: Pelaporan},
    or light rows with its `status`, `terlambat` and `batas_waktu`); no query."""
    sekarang = sekarang or timezone.now()
    daftar = [pelaporan.get(u) for u in unit]
    status = [p.status if p else STATUS.DRAFT for p in daftar]
    return StatusTriwulan(
        triwulan=triwulan,
        status=min(status, key=_URUTAN.index),
        terlambat=any(terlambat(tahun, triwulan, p, sekarang) for p in daftar),
        jumlah_unit=len(unit),
        diverifikasi=status.count(STATUS.DIVERIFIKASI),
        tenggat=tenggat_terburuk([tenggat(tahun, triwulan, p, sekarang) for p in daftar]),
    )


# ---------------------------------------------------------------------------------------------
# The region
# ---------------------------------------------------------------------------------------------


@dataclass
class RingkasanOpd:
    """One agency in the regional overview: its Renstra's aggregate (kinerja.ringkasan), its
    reporting, its budget."""

    opd: object
    renstra: object
    ringkasan: RingkasanRenstra | None
    skala: rules.Skala
    status: list
    pagu: int | None = None  # the DPA's: perubahan, else induk (what serapan is measured against)
    realisasi: int | None = None
    ambang: tuple = (None, None)
    pagu_indikatif: int | None = None  # the Renstra's, shown when the year has no DPA budget

    @property
    def jumlah_indikator(self):
        return self.ringkasan.jumlah_indikator if self.ringkasan else 0

    @property
    def rata_rata(self):
        """The agency's rata-rata capaian kinerja (`KinerjaTahun.rata_rata_semua`)."""
        return self.ringkasan.rata_rata if self.ringkasan else None

    @property
    def terhitung(self):
        """How many capaian its mean averages."""
        return self.ringkasan.terhitung if self.ringkasan else 0

    @property
    def pencilan(self):
        """((indicator's name, capaian), ...) of the outliers its mean holds."""
        return self.ringkasan.pencilan if self.ringkasan else ()

    @cached_property
    def predikat(self):
        return self.skala.cari(self.rata_rata) if self.ringkasan else None

    @cached_property
    def per_predikat(self):
        """[(band, count)] of the scale, and (None, count) of the indicators not yet measurable."""
        return self.ringkasan.per_predikat(self.skala) if self.ringkasan else []

    @cached_property
    def serapan(self):
        return rules.serapan(self.realisasi, self.pagu)

    @cached_property
    def kuadran(self):
        return rules.kuadran(self.rata_rata, self.serapan, *self.ambang)

    @property
    def terlambat(self):
        return any(s.terlambat for s in self.status)


@dataclass
class RingkasanWilayah:
    tahun: int
    triwulan: int
    skala: rules.Skala
    baris: list = field(default_factory=list)
    batas: Decimal | None = None

    @property
    def ambang(self):
        return ambang(self.triwulan)

    @property
    def jumlah_indikator(self):
        return sum(b.jumlah_indikator for b in self.baris)

    @property
    def terhitung(self):
        return sum(b.terhitung for b in self.baris)

    @property
    def pencilan(self):
        """((indicator's name, capaian), ...) of the outliers the region's mean holds."""
        return tuple(p for b in self.baris for p in b.pencilan)

    @cached_property  # the rows are complete when the overview is read (a filtered one is new)
    def rata_rata(self):
        """The region's rata-rata capaian kinerja: the agencies' averaged indicators, each once
        (`rules.RATA_RATA_KINERJA`, as each agency's): their sums added, divided by their number."""
        return rules.rata_rata_gabungan((b.ringkasan.jumlah, b.ringkasan.terhitung) for b in self.baris if b.ringkasan)

    @property
    def per_predikat(self):
        """The agencies' counts per band added up (each agency's are computed once)."""
        jumlah = {}
        for b in self.baris:
            for rentang, n in b.per_predikat:
                jumlah[rentang] = jumlah.get(rentang, 0) + n
        return [(r, jumlah.get(r, 0)) for r in self.skala.rentang] + [(None, jumlah.get(None, 0))]

    @property
    def per_kuadran(self):
        """[(quadrant, number of agencies)] in the order of `rules.KUADRAN`."""
        return [(k, sum(1 for b in self.baris if b.kuadran == k)) for k in rules.KUADRAN.values()]

    @property
    def pagu(self):
        return sum(b.pagu or 0 for b in self.baris) if any(b.pagu is not None for b in self.baris) else None

    @property
    def realisasi(self):
        return sum(b.realisasi or 0 for b in self.baris) if any(b.realisasi is not None for b in self.baris) else None

    @property
    def serapan(self):
        return rules.serapan(self.realisasi, self.pagu)

    def jumlah_status(self, triwulan):
        """{status: number of agencies} of a quarter, and how many are late."""
        jumlah = dict.fromkeys(STATUS.values, 0)
        for b in self.baris:
            jumlah[b.status[triwulan - 1].status] += 1
        return jumlah, sum(1 for b in self.baris if b.status[triwulan - 1].terlambat)


def _renstra_per_opd(opd, tahun):
    """{agency id: its Renstra in force in `tahun`} (the latest revision) of the agencies `opd`
    (ids, or a subquery of them), one query."""
    hasil = {}
    for r in Renstra.objects.filter(opd__in=opd).berlaku_pada(tahun).order_by("opd_id", "revisi"):
        hasil[r.opd_id] = r
    return hasil


def _bidang_pelapor(opd):
    """{agency id: [ids of its bidang]} of the agencies `opd` (as for `_renstra_per_opd`) that
    report per bidang, one query (`selectors.unit_pelaporan` without building the bidang)."""
    hasil = {}
    for opd_id, pk in Bidang.objects.filter(opd__in=opd, opd__pelaporan_per_bidang=True).values_list("opd_id", "pk"):
        hasil.setdefault(opd_id, []).append(pk)
    return hasil


def _id_opd(opd, daftar):
    """The agencies' ids for the other queries: a subquery of the queryset `opd` (a province's
    hundreds of ids are not sent as parameters), or the ids of `daftar` when it is sliced."""
    if isinstance(opd, QuerySet) and not opd.query.is_sliced:
        return opd.values("pk")
    return [o.pk for o in daftar]


def _jumlah_per_renstra(queryset, jalur, **nilai):
    """{Renstra id: {name: sum}} of `queryset` grouped by `jalur`, one query."""
    return {
        baris[jalur]: baris
        for baris in queryset.order_by().values(jalur).annotate(**{n: Sum(v) for n, v in nilai.items()})
    }


def ringkasan_wilayah(opd, tahun, triwulan, skala=None, sekarang=None):
    """Every agency of `opd` (a queryset, already scoped to the user and filtered) in `tahun` up
    to `triwulan`: eight queries whatever their number, each agency's figures read from the read
    model (kinerja.ringkasan.ringkasan_renstra)."""
    skala = skala or skala_laporan("dasbor")
    daftar = list(opd)
    id_opd = _id_opd(opd, daftar)
    renstra = _renstra_per_opd(id_opd, tahun)
    renstra_id = [r.pk for r in renstra.values()]  # ids, not objects: a province has hundreds
    # In SQL, not as hundreds of parameters: every Renstra of these agencies in force this year.
    berlaku = Renstra.objects.filter(opd__in=id_opd).berlaku_pada(tahun).values("pk")
    batas = batas_capaian()
    ringkasan = ringkasan_renstra(renstra_id, tahun, triwulan, skala, batas, ambang_pencilan())
    jalur = "sub_kegiatan__kegiatan__program__renstra"
    pagu = _jumlah_per_renstra(
        Pagu.objects.filter(**{f"{jalur}__in": berlaku}, tahun=tahun),
        jalur,
        dpa=Coalesce("perubahan", "induk"),
        indikatif="indikatif",
    )
    realisasi = _jumlah_per_renstra(
        RealisasiAnggaran.objects.filter(**{f"{jalur}__in": berlaku}, tahun=tahun, triwulan__lte=triwulan),
        jalur,
        nilai="nilai",
    )
    pelaporan = {}
    # What a quarter's state reads of a submission (status_triwulan), as light rows: a province
    # has thousands.
    for p in Pelaporan.objects.filter(opd__in=id_opd, tahun=tahun).values_list(
        "opd_id", "bidang_id", "triwulan", "status", "terlambat", "batas_waktu", named=True
    ):
        pelaporan.setdefault((p.opd_id, p.triwulan), {})[p.bidang_id] = p
    bidang = _bidang_pelapor(id_opd)
    wilayah = RingkasanWilayah(tahun, triwulan, skala, batas=batas)
    for o in daftar:
        r = renstra.get(o.pk)
        unit = [None, *bidang.get(o.pk, [])]
        status = [status_triwulan(tahun, tw, unit, pelaporan.get((o.pk, tw), {}), sekarang) for tw in range(1, 5)]
        uang = pagu.get(r.pk, {}) if r else {}
        wilayah.baris.append(
            RingkasanOpd(
                opd=o,
                renstra=r,
                ringkasan=ringkasan[r.pk] if r else None,
                skala=skala,
                status=status,
                pagu=uang.get("dpa"),
                realisasi=realisasi.get(r.pk, {}).get("nilai") if r else None,
                ambang=wilayah.ambang,
                pagu_indikatif=uang.get("indikatif"),
            )
        )
    return wilayah


# ---------------------------------------------------------------------------------------------
# One agency, drilled down
# ---------------------------------------------------------------------------------------------

LEVEL = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
NAMA_LEVEL = {
    "opd": "Perangkat daerah",
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub kegiatan",
    "lain": "Program tanpa sasaran",
}


@dataclass
class Simpul:
    """A node of the drill-down: its own indicators (this year, up to the quarter; a sasaran's
    indicator serving its tujuan too is the tujuan's as well, as in the reports), its children,
    and the money of its whole subtree. `pagu` is the DPA budget (perubahan, else induk) when the
    agency has one that year, else the Renstra's pagu indikatif (`pagu_dpa` False), against
    which nothing is absorbed; `pagu_indikatif` is the Renstra's figure either way."""

    level: str
    objek: object
    kinerja: list = field(default_factory=list)
    anak: list = field(default_factory=list)
    induk: object = None
    pagu: int | None = None
    realisasi: int | None = None
    skala: rules.Skala | None = None
    batas: Decimal | None = None
    pagu_dpa: bool = True
    pagu_indikatif: int | None = None
    uang_sendiri: bool = False  # a kegiatan of the nomenclature before 2021 holding its own budget

    @property
    def kunci(self):
        return f"{self.level}-{self.objek.pk}"

    @property
    def judul(self):
        kode = getattr(self.objek, "kode", "")
        return f"{kode} {self.objek.uraian}".strip() if hasattr(self.objek, "uraian") else str(self.objek)

    @property
    def nama_level(self):
        return NAMA_LEVEL[self.level]

    @property
    def dihitung(self):
        return [k for k in self.kinerja if k.dihitung]

    @property
    def rata_rata(self):
        """Mean capaian of the node's own indicators."""
        return rules.rata_rata_capaian((k.capaian for k in self.dihitung), self.batas)

    @property
    def predikat(self):
        return self.skala.cari(self.rata_rata) if self.skala else None

    @property
    def serapan(self):
        """Spending against the DPA budget; None against a Renstra's pagu indikatif."""
        return rules.serapan(self.realisasi, self.pagu) if self.pagu_dpa else None

    @property
    def jalur(self):
        """The nodes from the top down to this one."""
        jalur, s = [], self
        while s is not None:
            jalur.insert(0, s)
            s = s.induk
        return jalur

    def semua(self):
        yield self
        for a in self.anak:
            yield from a.semua()


def _jumlah(*nilai):
    ada = [v for v in nilai if v is not None]
    return sum(ada) if ada else None


@dataclass
class DasborOpd:
    opd: object
    renstra: object
    tahun: int
    triwulan: int
    skala: rules.Skala
    akar: Simpul | None
    kinerja: KinerjaTahun | None
    pagu_dpa: bool = True  # False: no DPA budget (induk/perubahan) this year, the pagu shown is the Renstra's

    @property
    def ambang(self):
        return ambang(self.triwulan)

    @property
    def nama_pagu(self):
        """Which budget the pages show: the DPA's, or the Renstra's pagu indikatif."""
        return "Pagu DPA" if self.pagu_dpa else "Pagu indikatif Renstra"

    def cari(self, level, pk):
        """The node `level`/`pk` of the tree, or None."""
        if self.akar is None:
            return None
        return next((s for s in self.akar.semua() if s.level == level and str(s.objek.pk) == str(pk)), None)

    @property
    def program(self):
        return [s for s in self.akar.semua() if s.level == "program"] if self.akar else []

    def kuadran(self, simpul):
        return rules.kuadran(simpul.rata_rata, simpul.serapan, *self.ambang)


def dasbor_opd(opd, tahun, triwulan, skala=None):
    """One agency's Renstra in force in `tahun` as a tree of nodes with their own indicators' mean
    capaian up to `triwulan` and their subtree's budget and spending: thirteen queries. Every
    node shows the indicators that belong to it, as the reports do (a sasaran's indicator that
    serves its tujuan too under both); the agency's mean counts each indicator once."""
    skala = skala or skala_laporan("dasbor")
    renstra = renstra_berlaku(opd, tahun)
    if renstra is None:
        return DasborOpd(opd, None, tahun, triwulan, skala, None, None)
    pohon = pohon_renstra(renstra, tahun)  # the programs in force that year
    semua = pohon.semua_indikator()
    kinerja = kinerja_per_tahun(semua, [tahun], skala, sampai_triwulan=triwulan)
    per_id = {i.pk: kinerja[i.pk, tahun] for i in semua}
    dpa, indikatif, realisasi = {}, {}, {}
    jalur = "sub_kegiatan__kegiatan__program__renstra"
    for p in Pagu.objects.filter(**{jalur: renstra}, tahun=tahun).only(
        "sub_kegiatan_id", "indikatif", "induk", "perubahan"
    ):
        dpa[p.sub_kegiatan_id] = _jumlah(dpa.get(p.sub_kegiatan_id), p.berlaku)
        indikatif[p.sub_kegiatan_id] = _jumlah(indikatif.get(p.sub_kegiatan_id), p.indikatif)
    # Without any DPA budget for the year (a plan's later years), the Renstra's figures show.
    pagu_dpa = any(v is not None for v in dpa.values())
    pagu = dpa if pagu_dpa else indikatif
    for r in RealisasiAnggaran.objects.filter(**{jalur: renstra}, tahun=tahun, triwulan__lte=triwulan).only(
        "sub_kegiatan_id", "nilai"
    ):
        realisasi[r.sub_kegiatan_id] = _jumlah(realisasi.get(r.sub_kegiatan_id), r.nilai)
    batas = batas_capaian()

    def simpul(level, objek, induk, anak=()):
        s = Simpul(level, objek, [per_id[i.pk] for i in getattr(objek, "daftar_indikator", [])], induk=induk)
        s.skala, s.batas, s.pagu_dpa = skala, batas, pagu_dpa
        s.anak = list(anak)
        return s

    def program(p, induk):
        sp = simpul("program", p, induk)
        for kg in sorted(p.daftar_kegiatan, key=urut_simpul):
            sk = simpul("kegiatan", kg, sp)
            if kg.anggaran_sendiri is not None:
                # An old-nomenclature kegiatan: its money is on a hidden row, not a sub kegiatan node.
                s = kg.anggaran_sendiri.pk
                sk.pagu, sk.realisasi, sk.pagu_indikatif = pagu.get(s), realisasi.get(s), indikatif.get(s)
                sk.uang_sendiri = True
            for sub in sorted(kg.daftar_sub_kegiatan, key=urut_simpul):
                ss = simpul("sub_kegiatan", sub, sk)
                ss.pagu, ss.realisasi = pagu.get(sub.pk), realisasi.get(sub.pk)
                ss.pagu_indikatif = indikatif.get(sub.pk)
                sk.anak.append(ss)
            sp.anak.append(sk)
        return sp

    akar = Simpul("opd", opd, skala=skala, batas=batas, pagu_dpa=pagu_dpa)
    for t in sorted(pohon.tujuan, key=urut_simpul):
        st = simpul("tujuan", t, akar)
        for sa in sorted(t.daftar_sasaran, key=urut_simpul):
            ss = simpul("sasaran", sa, st)
            ss.anak = [program(p, ss) for p in sorted(sa.daftar_program, key=urut_simpul)]
            st.anak.append(ss)
        akar.anak.append(st)
    if pohon.program_lain:
        lain = Simpul("lain", _TanpaSasaran(), induk=akar, skala=skala, batas=batas, pagu_dpa=pagu_dpa)
        lain.anak = [program(p, lain) for p in sorted(pohon.program_lain, key=urut_simpul)]
        akar.anak.append(lain)
    _jumlahkan(akar)
    daftar = list(per_id.values())
    return DasborOpd(
        opd, renstra, tahun, triwulan, skala, akar, KinerjaTahun(renstra, tahun, skala, daftar, batas=batas), pagu_dpa
    )


class _TanpaSasaran:
    pk = "lain"
    kode = ""
    uraian = "Program yang belum dikaitkan dengan sasaran"


def _jumlahkan(simpul):
    """The money of every node: its sub kegiatan's, summed up the tree."""
    for a in simpul.anak:
        _jumlahkan(a)
    if simpul.anak:
        # An old-nomenclature kegiatan's own money (uang_sendiri) counts with its children's.
        bagian = [*simpul.anak, *([replace(simpul)] if simpul.uang_sendiri else [])]
        simpul.pagu = _jumlah(*(a.pagu for a in bagian))
        simpul.realisasi = _jumlah(*(a.realisasi for a in bagian))
        simpul.pagu_indikatif = _jumlah(*(a.pagu_indikatif for a in bagian))


# ---------------------------------------------------------------------------------------------
# One indicator
# ---------------------------------------------------------------------------------------------


@dataclass
class DasborIndikator:
    indikator: Indikator
    tahun: int
    kinerja: object  # KinerjaIndikator of the year, all quarters
    per_tahun: list  # [(year, KinerjaIndikator)] over the Renstra (and the one before it continues)
    narasi: list  # [(quarter, Realisasi)] with the narrative columns


def dasbor_indikator(indikator, tahun, skala=None):
    """An indicator of the year (every quarter), over the years of its Renstra and of the
    indicators it continues, with the narrative of each quarter: four queries when the indicator
    comes with its predecessors and their Renstra (select_related)."""
    skala = skala or skala_laporan("dasbor")
    rantai, i = [], indikator
    while i is not None and len(rantai) < 5:
        rantai.append(i)
        i = i.pendahulu
    daftar_tahun = sorted({th for j in rantai for th in j.renstra.daftar_tahun})
    kinerja = kinerja_per_tahun(rantai, daftar_tahun, skala)
    per_tahun = [(th, kinerja[j.pk, th]) for th in daftar_tahun for j in rantai if j.renstra.mencakup(th)]
    narasi = [
        (r.triwulan, r)
        for r in Realisasi.objects.filter(indikator=indikator, tahun=tahun).order_by("triwulan")
        if any(getattr(r, n) for n in Realisasi.NARASI)
    ]
    return DasborIndikator(indikator, tahun, kinerja.get((indikator.pk, tahun)), per_tahun, narasi)


# ---------------------------------------------------------------------------------------------
# An operator's home
# ---------------------------------------------------------------------------------------------


@dataclass
class BerandaOperator:
    opd: object
    tahun: int
    triwulan: int
    terisi: int
    jumlah: int
    batas_waktu: object
    pelaporan: object
    dikembalikan: list  # returned submissions, each with its due state (`tenggat`)
    terendah: list  # [KinerjaIndikator] with the lowest capaian of `tahun_terendah`
    tahun_terendah: int
    kinerja_renstra: object = None  # the Renstra of `tahun_terendah`, None when there is none
    tenggat: Tenggat | None = None  # the quarter's due state (kinerja.tenggat)

    @property
    def ada_renstra(self):
        return self.kinerja_renstra is not None

    @property
    def sisa_hari(self):
        """Days to the deadline (< 0: overdue)."""
        return self.tenggat.sisa_hari

    @property
    def persen_terisi(self):
        return rules.bagian_persen(self.terisi, self.jumlah)


def tahun_terukur_terakhir(opd, tahun):
    """The latest year up to `tahun` in which the agency has a realisation (the year whose weakest
    indicators an operator sees while the reported year has none yet), else `tahun`."""
    terakhir = (
        Realisasi.objects.filter(indikator__renstra__opd=opd, tahun__lte=tahun)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    return terakhir or tahun


def beranda_operator(halaman, pelaporan, kinerja, jumlah_terendah=5, sekarang=None):
    """An operator's home from the entry page of the quarter (`isian_triwulan`), its
    submission (of the operator's unit, unsaved when never saved), and the latest year with
    results (`KinerjaTahun`)."""
    dikembalikan = list(
        Pelaporan.objects.filter(opd=halaman.opd, bidang=pelaporan.bidang, status=STATUS.DIKEMBALIKAN)
        .select_related("bidang")
        .order_by("-tahun", "-triwulan")
    )
    for p in dikembalikan:
        p.tenggat = tenggat(p.tahun, p.triwulan, p, sekarang)  # how long each has been overdue
    terukur = [k for k in kinerja.indikator if k.dihitung and k.capaian is not None] if kinerja else []
    return BerandaOperator(
        opd=halaman.opd,
        tahun=halaman.tahun,
        triwulan=halaman.triwulan,
        terisi=halaman.terisi,
        jumlah=halaman.jumlah,
        batas_waktu=batas_waktu(halaman.tahun, halaman.triwulan, pelaporan if pelaporan.pk else None),
        tenggat=tenggat(halaman.tahun, halaman.triwulan, pelaporan if pelaporan.pk else None, sekarang),
        pelaporan=pelaporan,
        dikembalikan=dikembalikan,
        terendah=sorted(terukur, key=lambda k: k.capaian)[:jumlah_terendah],
        tahun_terendah=kinerja.tahun if kinerja else halaman.tahun,
        kinerja_renstra=kinerja.renstra if kinerja else None,
    )

"""The region's lateness board: for every agency in a scope and every quarter of a year that has
begun, the workflow status and the due state (kinerja.tenggat), the days late, the reminders
sent (kinerja.pengingat's rows) and the recommendations still open (TindakLanjut not done).
Five queries whatever the number of agencies."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone

from renstra.models import Bidang, Renstra

from .dasbor import STATUS, StatusTriwulan, status_triwulan
from .models import Pelaporan, Pengingat, TindakLanjut
from .periode import batas_waktu
from .tenggat import Keadaan

URUTAN_KEADAAN = [Keadaan.TERLAMBAT, Keadaan.JATUH_TEMPO, Keadaan.BELUM_WAKTUNYA, Keadaan.SELESAI]


@dataclass
class BarisKeterlambatan:
    """One agency's quarter on the board."""

    opd: object
    tahun: int
    triwulan: int
    status: StatusTriwulan  # the workflow status over its units, with the due state (`status.tenggat`)
    hari_terlambat: int  # overdue (not submitted) or submitted that many days after the deadline; 0 on time
    pengingat: int
    rekomendasi_terbuka: int

    @property
    def tenggat(self):
        return self.status.tenggat

    @property
    def keadaan(self):
        return self.status.tenggat.keadaan

    @property
    def diajukan_terlambat(self):
        """Submitted, but after the deadline."""
        return self.keadaan == Keadaan.SELESAI and self.hari_terlambat > 0


@dataclass
class PapanKeterlambatan:
    tahun: int
    baris: list = field(default_factory=list)

    def jumlah_keadaan(self):
        """[(Keadaan, number of agency quarters)] in the order of URUTAN_KEADAAN."""
        return [(k, sum(1 for b in self.baris if b.keadaan == k)) for k in URUTAN_KEADAAN]

    @property
    def pengingat(self):
        return sum(b.pengingat for b in self.baris)

    @property
    def rekomendasi_terbuka(self):
        return sum(b.rekomendasi_terbuka for b in self.baris)

    @property
    def diajukan_terlambat(self):
        return sum(1 for b in self.baris if b.diajukan_terlambat)


def triwulan_berjalan(tahun, sekarang=None):
    """The quarters of `tahun` that have begun by `sekarang` (every one of a past year, none of a
    year to come)."""
    hari_ini = timezone.localdate(sekarang or timezone.now())
    return [tw for tw in range(1, 5) if datetime.date(tahun, 3 * tw - 2, 1) <= hari_ini]


def _hari_terlambat(tahun, triwulan, p, sekarang):
    """Days a unit's quarter is late: overdue while not submitted, or how long after the deadline
    it was submitted (a light row with `diajukan_pada`); 0 on time."""
    batas = batas_waktu(tahun, triwulan, p)
    if p is None or p.status in (STATUS.DRAFT, STATUS.DIKEMBALIKAN):
        akhir = sekarang
    elif p.terlambat and p.diajukan_pada:
        akhir = p.diajukan_pada
    else:
        return 0
    if akhir <= batas:
        return 0
    return max((timezone.localdate(akhir) - timezone.localdate(batas)).days, 0)


def _per_periode(queryset, id_opd, tahun):
    """{(agency id, quarter): count} of `queryset`'s rows of the agencies in `tahun`, one query."""
    return {
        (b["opd_id"], b["triwulan"]): b["jumlah"]
        for b in queryset.filter(opd__in=id_opd, tahun=tahun)
        .order_by()
        .values("opd_id", "triwulan")
        .annotate(jumlah=Count("pk"))
    }


def papan_keterlambatan(opd, tahun, sekarang=None):
    """The board of the agencies `opd` (a queryset, scoped to the user) with a Renstra in force
    in `tahun`: a row per agency and quarter begun, in the agencies' order. Five queries."""
    sekarang = sekarang or timezone.now()
    berlaku = Renstra.objects.berlaku_pada(tahun).values("opd_id")
    opd = opd.filter(pk__in=berlaku) if isinstance(opd, QuerySet) else opd
    daftar = list(opd)
    id_opd = [o.pk for o in daftar]
    pelaporan = {}
    for p in Pelaporan.objects.filter(opd__in=id_opd, tahun=tahun).values_list(
        "opd_id", "bidang_id", "triwulan", "status", "terlambat", "batas_waktu", "diajukan_pada", named=True
    ):
        pelaporan.setdefault((p.opd_id, p.triwulan), {})[p.bidang_id] = p
    bidang = {}
    for opd_id, pk in Bidang.objects.filter(opd__in=id_opd, opd__pelaporan_per_bidang=True).values_list("opd_id", "pk"):
        bidang.setdefault(opd_id, []).append(pk)
    pengingat = _per_periode(Pengingat.objects.all(), id_opd, tahun)
    terbuka = _per_periode(TindakLanjut.objects.exclude(status=TindakLanjut.Status.SELESAI), id_opd, tahun)
    papan = PapanKeterlambatan(tahun)
    for o in daftar:
        unit = [None, *bidang.get(o.pk, [])]
        for tw in triwulan_berjalan(tahun, sekarang):
            per_unit = pelaporan.get((o.pk, tw), {})
            papan.baris.append(
                BarisKeterlambatan(
                    opd=o,
                    tahun=tahun,
                    triwulan=tw,
                    status=status_triwulan(tahun, tw, unit, per_unit, sekarang),
                    hari_terlambat=max(_hari_terlambat(tahun, tw, per_unit.get(u), sekarang) for u in unit),
                    pengingat=pengingat.get((o.pk, tw), 0),
                    rekomendasi_terbuka=terbuka.get((o.pk, tw), 0),
                )
            )
    return papan


def _nama(b):
    return (b.opd.nama, b.triwulan)


URUTAN = {
    "terlambat": lambda b: (b.hari_terlambat, -URUTAN_KEADAAN.index(b.keadaan)),  # overdue before submitted late
    "pengingat": lambda b: b.pengingat,
    "rekomendasi": lambda b: b.rekomendasi_terbuka,
    "nama": _nama,
    "triwulan": lambda b: b.triwulan,
    "keadaan": lambda b: (URUTAN_KEADAAN.index(b.keadaan), b.tenggat.sisa_hari),  # the furthest behind first
}


def urutkan(baris, urut):
    """The rows sorted by `urut` (a key of URUTAN, "-" before it for descending: "-terlambat" the
    longest overdue first), rows alike by agency and quarter; unknown keys sort by name."""
    kunci = URUTAN.get(urut.lstrip("-"), URUTAN["nama"])
    return sorted(sorted(baris, key=_nama), key=kunci, reverse=urut.startswith("-"))


def jumlah_tenggat(wilayah):
    """[(Keadaan, number of agencies)] of the quarter a region's overview (kinerja.dasbor's
    RingkasanWilayah) shows, the not-empty ones."""
    tw = wilayah.triwulan
    jumlah = [(k, sum(1 for b in wilayah.baris if b.status[tw - 1].tenggat.keadaan == k)) for k in URUTAN_KEADAAN]
    return [(k, n) for k, n in jumlah if n]

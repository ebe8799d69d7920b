"""The dashboards' filters (django-filter): the agency searched for by name or code in the
database; the quarter's submission state, lateness, category and quadrant on the computed rows
(they follow from targets, realisations and deadlines, not from a column)."""

import django_filters
from django import forms
from django.db.models import Q

from kinerja import rules
from kinerja.models import Pelaporan
from renstra.models import PerangkatDaerah

PILIHAN_TRIWULAN = [("1", "Triwulan I"), ("2", "Triwulan II"), ("3", "Triwulan III"), ("4", "Triwulan IV")]


class DasborWilayahFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label="Tahun", method="pada_baris", min_value=2000, max_value=2100)
    triwulan = django_filters.ChoiceFilter(
        label="S.d. triwulan", choices=PILIHAN_TRIWULAN, method="pada_baris", empty_label=None
    )
    q = django_filters.CharFilter(label="Cari perangkat daerah", method="cari")
    status = django_filters.ChoiceFilter(
        label="Pelaporan triwulan itu", choices=Pelaporan.Status.choices, method="pada_baris", empty_label="Semua"
    )
    kategori = django_filters.ChoiceFilter(label="Kategori capaian", method="pada_baris", empty_label="Semua")
    kuadran = django_filters.ChoiceFilter(
        label="Kuadran", choices=[(k, k) for k in rules.KUADRAN.values()], method="pada_baris", empty_label="Semua"
    )
    terlambat = django_filters.BooleanFilter(
        label="Hanya yang terlambat", method="pada_baris", widget=forms.CheckboxInput
    )

    class Meta:
        model = PerangkatDaerah
        fields = []

    def __init__(self, data, *args, skala, bawaan, **kwargs):
        data = data.copy()
        for nama, nilai in bawaan.items():
            data.setdefault(nama, str(nilai))
        super().__init__(data, *args, **kwargs)
        self.filters["kategori"].extra["choices"] = [(r.label, r.label) for r in skala.rentang]

    def cari(self, queryset, name, value):
        return queryset.filter(Q(nama__icontains=value) | Q(kode__icontains=value) | Q(singkatan__icontains=value))

    def pada_baris(self, queryset, name, value):
        """Applied to the computed rows by `saring`."""
        return queryset

    def saring(self, baris):
        """Keep the rows of the overview that pass the filters on computed values."""
        d = self.form.cleaned_data
        triwulan = int(d["triwulan"])
        if d.get("status"):
            baris = [b for b in baris if b.status[triwulan - 1].status == d["status"]]
        if d.get("terlambat"):
            baris = [b for b in baris if b.status[triwulan - 1].terlambat]
        if d.get("kategori"):
            baris = [b for b in baris if b.predikat and b.predikat.label == d["kategori"]]
        if d.get("kuadran"):
            baris = [b for b in baris if b.kuadran == d["kuadran"]]
        return baris


_STATUS = [
    Pelaporan.Status.DRAFT,
    Pelaporan.Status.DIKEMBALIKAN,
    Pelaporan.Status.DIAJUKAN,
    Pelaporan.Status.DIVERIFIKASI,
]


def _kunci_status(triwulan):
    """A quarter's submissions from the least advanced (draft) to verified, the late first."""

    def kunci(b):
        s = b.status[triwulan - 1]
        return (_STATUS.index(s.status), not s.terlambat)

    return kunci


URUTAN = {
    "nama": lambda b: b.opd.nama,
    "indikator": lambda b: b.jumlah_indikator,
    "capaian": lambda b: b.rata_rata,
    "pagu": lambda b: b.pagu,
    "serapan": lambda b: b.serapan,
    "kuadran": lambda b: b.kuadran,
    **{f"tw{q}": _kunci_status(q) for q in range(1, 5)},
}


def urutkan(baris, urut):
    """The rows sorted by `urut` (a key of URUTAN, "-" before it for descending); a missing value
    last either way. Unknown keys sort by name."""
    turun = urut.startswith("-")
    kunci = URUTAN.get(urut.lstrip("-"), URUTAN["nama"])
    ada = [b for b in baris if kunci(b) is not None]
    kosong = [b for b in baris if kunci(b) is None]
    return sorted(ada, key=kunci, reverse=turun) + kosong

"""The choices of a report: agency, year, quarter, bidang, signature date."""

from django import forms
from django.utils import timezone

from renstra.models import Bidang, PerangkatDaerah

from .builders.semester import PILIHAN_SEMESTER

PILIHAN_TRIWULAN = [(1, "Triwulan I"), (2, "Triwulan II"), (3, "Triwulan III"), (4, "Triwulan IV")]


class PilihanLaporanForm(forms.Form):
    """Read from the query string. `opd` is limited to the user's scope, `bidang` to the agency."""

    opd = forms.ModelChoiceField(
        label="Perangkat daerah",
        queryset=PerangkatDaerah.objects.none(),
        to_field_name="kode",
        required=False,
        empty_label="Semua perangkat daerah",
    )
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    triwulan = forms.TypedChoiceField(
        label="Triwulan",
        choices=[("", "Setahun (s.d. triwulan IV)"), *PILIHAN_TRIWULAN],
        coerce=int,
        required=False,
        empty_value=None,
    )
    semester = forms.TypedChoiceField(
        label="Semester",
        choices=[("", "—"), *PILIHAN_SEMESTER],
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Laporan s.d. semester I: angka triwulan II, judul dan kolom bertuliskan semester.",
    )
    bidang = forms.ModelChoiceField(
        label="Bidang", queryset=Bidang.objects.none(), required=False, empty_label="Seluruh perangkat daerah"
    )
    tanggal = forms.DateField(
        label="Tanggal tanda tangan",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Kosongkan untuk tanggal hari ini.",
    )

    def __init__(self, data, *, opd_queryset, opd=None, **kwargs):
        data = data.copy()
        data.setdefault("tahun", str(timezone.localdate().year))
        super().__init__(data, **kwargs)
        self.fields["opd"].queryset = opd_queryset
        if opd is not None:
            del self.fields["opd"]
            self.fields["bidang"].queryset = opd.bidang.all()
        else:
            self.fields["bidang"].queryset = Bidang.objects.filter(opd__in=opd_queryset)

    def clean(self):
        pilihan = super().clean()
        if pilihan.get("semester") and pilihan.get("triwulan"):
            self.add_error("semester", "Pilih triwulan atau semester, tidak keduanya.")
        return pilihan


class NarasiForm(forms.Form):
    """One section of the LKjIP as typed; `versi` is the version the form was opened on."""

    teks = forms.CharField(
        label="Teks",
        required=False,
        strip=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Pisahkan alinea dengan satu baris kosong; tulis butir daftar satu per baris.",
        error_messages={"max_length": "Teks paling panjang %(limit_value)s karakter (sekarang %(show_value)s)."},
    )
    versi = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    indikator = forms.IntegerField(required=False, widget=forms.HiddenInput)


def bangun_pilihan(jenis, opd, data, opd_queryset):
    """(form, report) of `jenis` for `opd` from the choices `data` (a page's query string); the
    report is None when the choices are invalid. The page, its downloads and the print made ahead
    (laporan.cetak_dimuka) build through here, so that the same choices give the same HTML."""
    form = PilihanLaporanForm(data, opd_queryset=opd_queryset, opd=opd)
    if not form.is_valid():
        return form, None
    pilihan = form.cleaned_data
    semester = {"semester": pilihan["semester"]} if jenis.per_semester and pilihan["semester"] else {}
    laporan = jenis.build(
        opd,
        int(data["tahun"]),
        triwulan=pilihan["triwulan"] if jenis.per_triwulan else None,
        bidang=pilihan["bidang"] if jenis.per_bidang else None,
        tanggal=pilihan["tanggal"],
        **semester,
    )
    return form, laporan

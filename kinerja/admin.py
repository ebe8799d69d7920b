"""Admin of users, realisations and submissions; their history is read-only. Realisations are
imported and exported as flat XLSX or CSV keyed by codes, never by ids (kinerja/resources.py)."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet

from renstra.admin import ImporEksporMixin, RiwayatAdmin, opd_filter

from .forms import FormMasukAdmin, periksa_data_dukung
from .models import (
    DataDukung,
    NarasiLaporan,
    Pelaporan,
    Realisasi,
    RealisasiAnggaran,
    RentangPredikat,
    SkalaPredikat,
    User,
)
from .models.predikat import periksa_rentang
from .resources import RealisasiAnggaranResource, RealisasiResource


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "opd", "bidang", "is_active")
    list_filter = (opd_filter("opd"), "groups", "is_active", "is_staff")
    list_select_related = ("opd", "bidang")
    search_fields = ("username", "first_name", "last_name", "nip", "email")
    autocomplete_fields = ("opd", "bidang")
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("Organisasi", {"fields": ("opd", "bidang", "nip", "jabatan")}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        ("Organisasi", {"fields": ("opd", "bidang", "groups")}),
    ]


class DataDukungInline(admin.TabularInline):
    model = DataDukung
    extra = 0
    fields = ("berkas", "nama_asli", "ukuran", "diunggah_oleh", "diunggah_pada")
    readonly_fields = ("ukuran", "diunggah_oleh", "diunggah_pada")


@admin.register(Realisasi)
class RealisasiAdmin(ImporEksporMixin, RiwayatAdmin):
    resource_classes = [RealisasiResource]
    list_display = ("indikator", "tahun", "triwulan", "nilai", "tingkat", "diubah_oleh", "diubah_pada")
    list_filter = (opd_filter("indikator__renstra__opd"), "tahun", "triwulan")
    list_select_related = ("indikator", "tingkat", "diubah_oleh")
    search_fields = ("indikator__uraian", "indikator__sub_kegiatan__kode")
    autocomplete_fields = ("indikator",)
    inlines = [DataDukungInline]


@admin.register(NarasiLaporan)
class NarasiLaporanAdmin(RiwayatAdmin):
    """The LKjIP's narrative; written on the report's page, listed here with its history."""

    list_display = ("bagian", "indikator", "opd", "tahun", "diubah_oleh", "diubah_pada")
    list_filter = (opd_filter("opd"), "tahun", "bagian")
    list_select_related = ("opd", "indikator", "diubah_oleh")
    search_fields = ("teks", "indikator__uraian")
    autocomplete_fields = ("opd", "indikator")


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(ImporEksporMixin, RiwayatAdmin):
    resource_classes = [RealisasiAnggaranResource]
    list_display = ("sub_kegiatan", "tahun", "triwulan", "nilai", "diubah_oleh", "diubah_pada")
    list_filter = (opd_filter("sub_kegiatan__kegiatan__program__renstra__opd"), "tahun", "triwulan")
    list_select_related = ("sub_kegiatan", "diubah_oleh")
    search_fields = ("sub_kegiatan__kode", "sub_kegiatan__uraian")
    autocomplete_fields = ("sub_kegiatan",)


@admin.register(Pelaporan)
class PelaporanAdmin(RiwayatAdmin):
    list_display = ("opd", "bidang", "tahun", "triwulan", "status", "diajukan_pada", "diverifikasi_pada")
    list_filter = (opd_filter("opd"), "tahun", "triwulan", "status")
    list_select_related = ("opd", "bidang")
    search_fields = ("opd__nama", "opd__kode", "bidang__nama")
    autocomplete_fields = ("opd", "bidang")
    # The workflow moves only through its pages (submit, verify, return, reopen with a reason);
    # here an admin gives an agency a later deadline.
    readonly_fields = (
        "status", "catatan", "diajukan_pada", "diajukan_oleh", "diverifikasi_pada", "diverifikasi_oleh", "terlambat"
    )  # fmt: skip


admin.site.login_form = FormMasukAdmin


class DataDukungAdminForm(forms.ModelForm):
    """A file added or replaced in the admin passes the checks of the entry page's upload."""

    class Meta:
        model = DataDukung
        fields = ("realisasi", "berkas", "nama_asli", "ukuran", "tipe", "diunggah_oleh")

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if isinstance(berkas, UploadedFile):  # not the file already stored
            periksa_data_dukung(berkas)
        return berkas


@admin.register(DataDukung)
class DataDukungAdmin(admin.ModelAdmin):
    form = DataDukungAdminForm
    list_display = ("nama_asli", "realisasi", "ukuran", "diunggah_oleh", "diunggah_pada")
    list_filter = (opd_filter("realisasi__indikator__renstra__opd"),)
    list_select_related = ("realisasi__indikator", "diunggah_oleh")
    search_fields = ("nama_asli", "realisasi__indikator__uraian")
    autocomplete_fields = ("realisasi",)


class RentangFormSet(BaseInlineFormSet):
    """The bands are checked together: a scale with a gap or an overlap is not saved."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rentang = [
            RentangPredikat(
                **{
                    k: f.cleaned_data.get(k)
                    for k in ("label", "batas_bawah", "batas_atas", "bawah_inklusif", "atas_inklusif")
                }
            )
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            periksa_rentang(rentang)
        except ValidationError as e:
            raise ValidationError([f"Skala belum lengkap atau bertumpang tindih: {m}" for m in e.messages]) from e


class RentangInline(admin.TabularInline):
    model = RentangPredikat
    formset = RentangFormSet
    extra = 0
    fields = ("urutan", "label", "batas_bawah", "bawah_inklusif", "batas_atas", "atas_inklusif", "warna")


@admin.register(SkalaPredikat)
class SkalaPredikatAdmin(admin.ModelAdmin):
    list_display = ("nama", "kode", "dasar", "rentang_tertulis")
    search_fields = ("nama", "kode")
    inlines = [RentangInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("rentang")

    @admin.display(description="rentang")
    def rentang_tertulis(self, obj):
        return "; ".join(str(r) for r in obj.rentang.all())

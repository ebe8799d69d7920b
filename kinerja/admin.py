"""Admin of users, realisations and submissions; their history is read-only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from renstra.admin import RiwayatAdmin, opd_filter

from .models import DataDukung, Pelaporan, Realisasi, RealisasiAnggaran, User


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
class RealisasiAdmin(RiwayatAdmin):
    list_display = ("indikator", "tahun", "triwulan", "nilai", "tingkat", "diubah_oleh", "diubah_pada")
    list_filter = (opd_filter("indikator__renstra__opd"), "tahun", "triwulan")
    list_select_related = ("indikator", "tingkat", "diubah_oleh")
    search_fields = ("indikator__uraian", "indikator__sub_kegiatan__kode")
    autocomplete_fields = ("indikator",)
    inlines = [DataDukungInline]


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(RiwayatAdmin):
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


@admin.register(DataDukung)
class DataDukungAdmin(admin.ModelAdmin):
    list_display = ("nama_asli", "realisasi", "ukuran", "diunggah_oleh", "diunggah_pada")
    list_filter = (opd_filter("realisasi__indikator__renstra__opd"),)
    list_select_related = ("realisasi__indikator", "diunggah_oleh")
    search_fields = ("nama_asli", "realisasi__indikator__uraian")
    autocomplete_fields = ("realisasi",)

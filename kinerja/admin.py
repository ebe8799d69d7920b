"""Admin of users, realisations and submissions; their history is read-only. Realisations are
imported and exported as flat XLSX or CSV keyed by codes, never by ids (kinerja/resources.py)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import actions as actions_admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from renstra.admin import ImporEksporMixin, RiwayatAdmin, opd_filter

from .forms import FormMasukAdmin, periksa_data_dukung
from .models import (
    CatatanData,
    CatatanDiskusi,
    DataDukung,
    NarasiLaporan,
    NilaiPembanding,
    NilaiSakip,
    Pelaporan,
    Pengingat,
    Peran,
    Realisasi,
    RealisasiAnggaran,
    RentangPredikat,
    SkalaPredikat,
    TindakLanjut,
    User,
)
from .models.predikat import periksa_rentang
from .resources import RealisasiAnggaranResource, RealisasiResource
from .services import selesaikan_catatan
from .versi import kunci_baris, pesan_bentrok, tandai


def izin_milik(user):
    """The permissions `user` holds, through their groups and directly."""
    return Permission.objects.filter(Q(user=user) | Q(group__user=user))


def grup_yang_dapat_diberikan(user):
    """The groups `user` may give: every group for a superuser, else the groups whose every
    permission `user` holds (the three roles for an Admin, not a stronger group a superuser made)."""
    if user.is_superuser:
        return Group.objects.all()
    return Group.objects.exclude(permissions__in=Permission.objects.exclude(pk__in=izin_milik(user)))


def pengguna_yang_dapat_dikelola(user, pengguna):
    """The accounts of `pengguna` that `user` may open, change, give a password or delete: for a
    non-superuser those holding nothing `user` does not hold. Setting the password of a stronger
    account would be taking it over."""
    if user.is_superuser:
        return pengguna
    lebih = Permission.objects.exclude(pk__in=izin_milik(user))
    pengguna = pengguna.filter(is_superuser=False)
    return pengguna.exclude(user_permissions__in=lebih).exclude(groups__permissions__in=lebih)


class FormUbahPengguna(UserChangeForm):
    """The admin site is not scoped per agency: access to it (staff status) goes only with the
    Admin role, or with superuser status."""

    def clean(self):
        cleaned_data = super().clean()
        grup = cleaned_data.get("groups")
        superuser = cleaned_data.get("is_superuser", self.instance.is_superuser)
        staf_tanpa_peran_admin = (
            cleaned_data.get("is_staff")
            and not superuser
            and grup is not None
            and not grup.filter(name=Peran.ADMIN.value).exists()
        )
        if staf_tanpa_peran_admin:
            raise ValidationError(
                "Akses situs admin (status staf) hanya untuk peran Admin: pilih grup Admin atau hapus "
                "centang status staf."
            )
        return cleaned_data


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Only a superuser gives superuser status or direct permissions; others give only the groups
    whose permissions they hold, and see only the accounts holding no more than they do."""

    form = FormUbahPengguna
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
    field_superuser = ("is_superuser", "user_permissions")

    def get_queryset(self, request):
        return pengguna_yang_dapat_dikelola(request.user, super().get_queryset(request))

    def get_fieldsets(self, request, obj=None):
        """Without superuser status and direct permissions for a non-superuser: the form built
        from these fieldsets has no such fields, so a crafted POST cannot set them."""
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (nama, {**opsi, "fields": tuple(f for f in opsi["fields"] if f not in self.field_superuser)})
            for nama, opsi in fieldsets
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = grup_yang_dapat_diberikan(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    """Groups are added, changed and deleted by superusers only: whoever changes a group may give
    its members, themselves included, any permission. Others with the view permission read them."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class DataDukungInline(admin.TabularInline):
    model = DataDukung
    extra = 0
    fields = ("berkas", "nama_asli", "ukuran", "diunggah_oleh", "diunggah_pada")
    readonly_fields = ("ukuran", "diunggah_oleh", "diunggah_pada")


class FormVersi(forms.ModelForm):
    """The admin's form of a quarter row follows the version rule of every writer
    (kinerja/versi.py): it remembers the version it showed, and saving over a change made since
    (by an operator, an import) is refused with who made it, instead of replacing it silently."""

    versi_dilihat = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versi_dilihat"].initial = self.instance.versi if self.instance.pk else 0

    def clean(self):
        data = super().clean()
        if self.instance.pk is None:
            return data
        tersimpan = kunci_baris(self.instance)  # locked until the admin's save commits
        dilihat = data.get("versi_dilihat")
        if dilihat is None or tersimpan.versi != dilihat:
            raise ValidationError(pesan_bentrok(tersimpan, dilihat, "halaman ini dibuka"))
        self.instance.versi = tersimpan.versi
        return data


class VersiAdmin(admin.ModelAdmin):
    """Each save from the admin is one version more, with the admin as its author."""

    form = FormVersi

    def save_model(self, request, obj, form, change):
        tandai(obj, request.user)
        super().save_model(request, obj, form, change)


@admin.register(Realisasi)
class RealisasiAdmin(VersiAdmin, ImporEksporMixin, RiwayatAdmin):
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


@admin.register(NilaiPembanding)
class NilaiPembandingAdmin(RiwayatAdmin):
    """An indicator's national, provincial or other regency's value, typed from the document that
    publishes it; the LKjIP compares the agency's realisation with it (Bab III)."""

    list_display = (
        "__str__",
        "kelompok",
        "tahun",
        "tingkat",
        "sumber",
        "target",
        "nilai",
        "realisasi_tercetak",
        "capaian",
    )
    list_filter = (opd_filter("opd"), "tahun", "tingkat", "sumber")
    list_select_related = ("indikator", "opd")
    search_fields = ("indikator__uraian", "uraian", "kelompok", "sumber")
    autocomplete_fields = ("indikator", "opd")
    fieldsets = (
        (None, {"fields": ("indikator", "opd", "tahun", "tingkat", "sumber")}),
        (
            "Baris tabel sumber",
            {
                "fields": ("kelompok", "urutan", "uraian", "satuan"),
                "description": "Indikator sumber sebagaimana dicetak; uraian wajib bila indikator perangkat daerah "
                "tidak dipilih.",
            },
        ),
        ("Nilai", {"fields": ("target", "nilai", "realisasi_tercetak", "capaian", "keterangan")}),
    )


@admin.register(NilaiSakip)
class NilaiSakipAdmin(RiwayatAdmin):
    """An agency's SAKIP evaluation score of a year, printed in its LKjIP (Bab III)."""

    list_display = ("opd", "tahun", "nilai", "predikat", "evaluator")
    list_filter = (opd_filter("opd"), "tahun", "predikat")
    list_select_related = ("opd",)
    search_fields = ("opd__nama", "evaluator")
    autocomplete_fields = ("opd",)


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(VersiAdmin, ImporEksporMixin, RiwayatAdmin):
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
    actions = ["delete_selected"]

    # Deleting a submission that left the draft state would reopen its quarter without the reason
    # that "Buka kembali" on the review page records; a draft may be deleted.

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != Pelaporan.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and obj.status != Pelaporan.Status.DRAFT:
            self._tolak_hapus(request, [obj])
            return HttpResponseRedirect(reverse("admin:kinerja_pelaporan_change", args=[obj.pk]))
        return super().delete_view(request, object_id, extra_context)

    @admin.action(permissions=["delete"], description=actions_admin.delete_selected.short_description)
    def delete_selected(self, request, queryset):
        """Django's action, refused as a whole when a selected submission is not a draft."""
        terkunci = list(queryset.exclude(status=Pelaporan.Status.DRAFT).select_related("opd", "bidang"))
        if terkunci:
            self._tolak_hapus(request, terkunci)
            return None
        return actions_admin.delete_selected(self, request, queryset)

    def _tolak_hapus(self, request, daftar):
        tautan = format_html_join(", ", '<a href="{}">{}</a>', ((p.url_tinjau(), p) for p in daftar))
        pesan = format_html(
            "Pelaporan yang sudah diajukan, diverifikasi atau dikembalikan tidak dapat dihapus: {}. Untuk "
            "membuka kembali triwulannya, klik pelaporan itu untuk membuka halaman tinjaunya, lalu gunakan "
            '"Buka kembali", yang mencatat alasannya.',
            tautan,
        )
        self.message_user(request, pesan, messages.ERROR)


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


class FormCatatanData(forms.ModelForm):
    """Resolving a data note: how (accept the computed value, the data was corrected, the printed
    value is wrong) and why; the history keeps who did so."""

    class Meta:
        model = CatatanData
        fields = ("status", "penyelesaian")

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status and status != CatatanData.Status.TERBUKA and not (data.get("penyelesaian") or "").strip():
            self.add_error("penyelesaian", "Tulis alasan penyelesaian catatan ini.")
        return data


class TahunLaporanFilter(admin.SimpleListFilter):
    """The notes a year's reports show: those of the year and those of a Renstra (no year)."""

    title = "untuk laporan tahun"
    parameter_name = "untuk_tahun"

    def lookups(self, request, model_admin):
        daftar = CatatanData.objects.exclude(tahun=None).values_list("tahun", flat=True).distinct().order_by("tahun")
        return [(t, str(t)) for t in daftar]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(Q(tahun=self.value()) | Q(tahun__isnull=True))
        return queryset


@admin.register(CatatanData)
class CatatanDataAdmin(RiwayatAdmin):
    """The data notes imports and the demo's documents left: open until someone resolves them."""

    form = FormCatatanData
    list_display = ("ringkas", "opd", "tahun", "jenis", "tercetak", "dihitung", "letak", "status", "dibuat_oleh")
    list_filter = ("status", opd_filter("opd"), TahunLaporanFilter, "jenis")
    list_select_related = ("opd", "dibuat_oleh")
    search_fields = ("pesan", "berkas", "lembar", "tercetak", "dihitung")
    fields = (
        "pesan", "opd", "tahun", "jenis", "yang_dimaksud", "tercetak", "dihitung", "letak", "impor", "dibuat_oleh",
        "dibuat_pada", "status", "penyelesaian", "diselesaikan_oleh", "diselesaikan_pada",
    )  # fmt: skip
    readonly_fields = (
        "pesan", "opd", "tahun", "jenis", "yang_dimaksud", "tercetak", "dihitung", "letak", "impor", "dibuat_oleh",
        "dibuat_pada", "diselesaikan_oleh", "diselesaikan_pada",
    )  # fmt: skip
    actions = None

    @admin.display(description="catatan")
    def ringkas(self, obj):
        return str(obj)

    @admin.display(description="nilai yang dimaksud")
    def yang_dimaksud(self, obj):
        if obj.indikator_id:
            tw = f", triwulan {obj.triwulan}" if obj.triwulan else ""
            return f"{obj.medan or 'nilai'} indikator {obj.indikator}{tw}"
        simpul = obj.sub_kegiatan or obj.kegiatan or obj.program
        return f"{obj.medan or 'nilai'} {simpul}" if simpul else "-"

    def has_add_permission(self, request):
        return False  # notes come from imports and documents

    def has_delete_permission(self, request, obj=None):
        return False  # a note is resolved, never deleted: its history is the record

    def save_model(self, request, obj, form, change):
        if obj.status == CatatanData.Status.TERBUKA:
            obj._change_reason = "Dibuka kembali" if "status" in form.changed_data else "Diubah"
            obj.diselesaikan_oleh = obj.diselesaikan_pada = None
            obj.save()
        else:
            selesaikan_catatan(obj, obj.status, obj.penyelesaian, request.user)


class HanyaBacaAdmin(admin.ModelAdmin):
    """Rows written by the application's own steps (the reminders sent, the notes of a
    submission's discussion, the follow-up of its recommendations): read here, never added,
    changed or deleted by hand."""

    actions = None

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Pengingat)
class PengingatAdmin(HanyaBacaAdmin):
    """Who was reminded of what, when, why and through which channel (`manage.py pengingat`)."""

    list_display = ("dikirim_pada", "jenis", "penerima", "alamat", "opd", "tahun", "triwulan", "alasan", "saluran")
    list_filter = ("jenis", ("dikirim_pada", admin.DateFieldListFilter), "saluran", opd_filter("opd"), "tahun")
    list_select_related = ("penerima", "opd")
    search_fields = ("alamat", "subjek", "alasan", "penerima__username", "opd__nama", "opd__kode")
    date_hierarchy = "dikirim_pada"


@admin.register(CatatanDiskusi)
class CatatanDiskusiAdmin(HanyaBacaAdmin):
    """The notes of a submission's discussion, written on its review and entry pages."""

    list_display = ("ringkas", "pelaporan", "jenis", "indikator", "penulis", "dari_verifikator", "dibuat_pada")
    list_filter = ("jenis", "dari_verifikator", opd_filter("pelaporan__opd"), "pelaporan__tahun")
    list_select_related = ("pelaporan__opd", "pelaporan__bidang", "indikator", "penulis")
    search_fields = ("isi", "pelaporan__opd__nama", "pelaporan__opd__kode", "indikator__uraian")
    date_hierarchy = "dibuat_pada"

    @admin.display(description="catatan")
    def ringkas(self, obj):
        return obj.isi[:80]


@admin.register(TindakLanjut)
class TindakLanjutAdmin(HanyaBacaAdmin):
    """The follow-up of each recommendation, answered on the next quarter's entry page."""

    list_display = ("ringkas", "opd", "bidang", "tahun", "triwulan", "status", "dijawab_oleh", "dijawab_pada")
    list_filter = ("status", opd_filter("opd"), "tahun", "triwulan")
    list_select_related = ("rekomendasi", "opd", "bidang", "dijawab_oleh")
    search_fields = ("rekomendasi__isi", "catatan", "opd__nama", "opd__kode")

    @admin.display(description="rekomendasi")
    def ringkas(self, obj):
        return obj.rekomendasi.isi[:80]

"""Admin of the plan: agencies, Renstra hierarchy, indicators, targets and budgets.

Lists search by code and description and filter by agency, year and level; a parent is edited
with its children (sasaran under tujuan, indicators under every node, targets under an
indicator, budgets under a sub kegiatan); the history of targets and budgets is read-only
(SIMPLE_HISTORY_REVERT_DISABLED). Agencies, bidang, programs, kegiatan, sub kegiatan,
indicators, targets and budgets are imported and exported as flat XLSX or CSV keyed by codes,
never by ids (renstra/resources.py), through a dry run that the user confirms.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Bidang,
    Indikator,
    IndikatorDaerah,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SatuanCacah,
    SkalaTingkat,
    SubKegiatan,
    SumberDana,
    Target,
    Tingkat,
    Tujuan,
    TujuanDaerah,
)
from .resources import (
    FORMAT_BERKAS,
    BidangResource,
    IndikatorResource,
    KegiatanResource,
    PaguResource,
    PerangkatDaerahResource,
    ProgramResource,
    SubKegiatanResource,
    TargetResource,
)

admin.site.site_header = "Admin Kinerja"
admin.site.site_title = "Admin Kinerja"
admin.site.index_title = "Data induk, Renstra, target, pagu dan pengguna"


class RiwayatAdmin(SimpleHistoryAdmin):
    """Shows the audit history read-only. SIMPLE_HISTORY_REVERT_DISABLED only hides the revert
    button; a POST to a past version would still save it, so it is refused here."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Riwayat hanya untuk dibaca.")
        return super().history_form_view(request, object_id, version_id, extra_context)


class ImporEksporMixin(ImportExportMixin):
    """Import and export of the admin's model in XLSX and CSV (`resource_classes`). Importing
    writes, so it needs the add and change permissions; exporting needs the view permission."""

    formats = FORMAT_BERKAS

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_data(self, file_format, request, queryset, **kwargs):
        """As the library's, with numbers as numbers for every format: each of ours writes them
        (resources.XLSX as numeric cells, resources.CSV as plain numbers) and guards only text
        against being run as a formula."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(request, queryset, force_native_type=True, **kwargs)
        keluaran = file_format.export_data(data)
        encoding = kwargs.get("encoding")
        if not file_format.is_binary() and encoding:
            keluaran = keluaran.encode(encoding)
        return keluaran


FIELDS_INDIKATOR_RINGKAS = ("urutan", "uraian", "satuan", "jenis", "arah", "cara_tahunan", "iku")


class OpdFilter(admin.SimpleListFilter):
    """Filter by agency along the path to it given by `jalur` (e.g. "kegiatan__program__renstra__opd")."""

    title = "perangkat daerah"
    parameter_name = "opd"
    jalur = "renstra__opd"

    def lookups(self, request, model_admin):
        return [(opd.pk, opd.singkatan or opd.nama) for opd in PerangkatDaerah.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.jalur: self.value()})
        return queryset


class BerlakuForm(forms.ModelForm):
    """Programs, kegiatan and sub kegiatan: the node they replace (pendahulu) must be of the same
    agency and not the node itself."""

    def clean(self):
        data = super().clean()
        pendahulu = data.get("pendahulu")
        if pendahulu is None:
            return data
        if self.instance.pk and pendahulu.pk == self.instance.pk:
            self.add_error("pendahulu", "Sebuah simpul tidak dapat menggantikan dirinya sendiri.")
            return data
        induk = {"renstra": data.get("renstra"), "program": data.get("program"), "kegiatan": data.get("kegiatan")}
        opd_ini = _opd_simpul(self._meta.model, induk)
        opd_pendahulu = _opd_simpul(type(pendahulu), {}, pendahulu)
        if opd_ini is not None and opd_pendahulu != opd_ini:
            self.add_error("pendahulu", "Pendahulu harus milik perangkat daerah yang sama.")
        return data


def _opd_simpul(model, induk, simpul=None):
    """The agency id of a program, kegiatan or sub kegiatan (`simpul`), or of one with the parent
    given in `induk` (a form's cleaned data); None when unknown."""
    if model is Program:
        renstra = simpul.renstra if simpul else induk.get("renstra")
        return renstra.opd_id if renstra else None
    if model is Kegiatan:
        program = simpul.program if simpul else induk.get("program")
        return program.renstra.opd_id if program else None
    kegiatan = simpul.kegiatan if simpul else induk.get("kegiatan")
    return kegiatan.program.renstra.opd_id if kegiatan else None


class BerlakuAdminMixin:
    """Programs, kegiatan and sub kegiatan: years in force, the node replaced, and the code as
    printed ("tanpa kode" when the document has none)."""

    form = BerlakuForm

    @admin.display(description="kode", ordering="kode")
    def kode_tampil(self, obj):
        return obj.kode_tampil


def opd_filter(jalur):
    return type(f"OpdFilter_{jalur}", (OpdFilter,), {"jalur": jalur})


class LevelIndikatorFilter(admin.SimpleListFilter):
    title = "level"
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [
            ("tujuan", "Tujuan"),
            ("sasaran", "Sasaran"),
            ("program", "Program"),
            ("kegiatan", "Kegiatan"),
            ("sub_kegiatan", "Sub kegiatan"),
        ]

    def queryset(self, request, queryset):
        level = self.value()
        if level == "tujuan":
            return queryset.filter(tujuan__isnull=False, sasaran__isnull=True)
        if level in ("sasaran", "program", "kegiatan", "sub_kegiatan"):
            return queryset.filter(**{f"{level}__isnull": False})
        return queryset


class BidangInline(admin.TabularInline):
    model = Bidang
    extra = 0
    fields = ("urutan", "kode", "nama", "kepala_nama", "kepala_nip", "kepala_pangkat")


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(ImporEksporMixin, admin.ModelAdmin):
    resource_classes = [PerangkatDaerahResource]
    list_display = ("kode", "nama", "singkatan", "kepala_nama")
    search_fields = ("kode", "nama", "singkatan")
    inlines = [BidangInline]
    fieldsets = [
        (None, {"fields": ("kode", "nama", "singkatan", "alamat", "kota", "wilayah")}),
        ("Kepala", {"fields": ("kepala_jabatan", "kepala_nama", "kepala_nip", "kepala_pangkat")}),
        ("Kepala daerah", {"fields": ("kepala_daerah_jabatan", "kepala_daerah_nama")}),
    ]


@admin.register(Bidang)
class BidangAdmin(ImporEksporMixin, admin.ModelAdmin):
    resource_classes = [BidangResource]
    list_display = ("nama", "opd", "kepala_nama")
    list_filter = (opd_filter("opd"),)
    list_select_related = ("opd",)
    search_fields = ("nama", "kode", "opd__nama")


class TujuanInline(admin.TabularInline):
    model = Tujuan
    extra = 0
    fields = ("kode", "uraian")
    show_change_link = True


@admin.register(Renstra)
class RenstraAdmin(admin.ModelAdmin):
    list_display = ("__str__", "periode", "revisi", "aktif")
    list_filter = (opd_filter("opd"), "aktif", "tahun_awal")
    list_select_related = ("opd",)
    search_fields = ("opd__nama", "opd__kode", "nomor_dokumen")
    autocomplete_fields = ("opd", "mengganti")
    inlines = [TujuanInline]


class IndikatorInline(admin.StackedInline):
    model = Indikator
    extra = 0
    show_change_link = True
    fields = (
        ("urutan", "uraian"),
        ("satuan", "jenis", "skala_tingkat"),
        ("arah", "metode_negatif", "cara_tahunan", "frekuensi"),
        ("rumusan",),
        ("iku", "ikk", "spm"),
    )


def indikator_inline(pemilik):
    return type(f"IndikatorInline_{pemilik}", (IndikatorInline,), {"fk_name": pemilik})


class SasaranInline(admin.StackedInline):
    model = Sasaran
    extra = 0
    fields = ("kode", "uraian", "strategi", "arah_kebijakan")
    show_change_link = True


@admin.register(Tujuan)
class TujuanAdmin(admin.ModelAdmin):
    list_display = ("kode", "uraian", "renstra")
    list_filter = (opd_filter("renstra__opd"),)
    list_select_related = ("renstra__opd",)
    search_fields = ("kode", "uraian")
    autocomplete_fields = ("renstra", "tujuan_daerah")
    inlines = [SasaranInline, indikator_inline("tujuan")]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        """Only the goals of the agency's own region are offered (the Pohon Kinerja draws them)."""
        if db_field.name == "tujuan_daerah":
            tujuan = self.get_object(request, request.resolver_match.kwargs.get("object_id"))
            if tujuan is not None:
                kwargs["queryset"] = TujuanDaerah.objects.filter(wilayah=tujuan.renstra.opd.wilayah)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class IndikatorDaerahInline(admin.TabularInline):
    model = IndikatorDaerah
    extra = 0
    fields = ("urutan", "uraian", "satuan")


@admin.register(TujuanDaerah)
class TujuanDaerahAdmin(admin.ModelAdmin):
    """The region's RPJMD/RPD goals and their indicators, entered once per region; each Renstra
    tujuan names the ones it serves (its own page, "tujuan RPJMD/RPD yang didukung")."""

    list_display = ("kode", "uraian", "wilayah", "dokumen", "periode")
    list_filter = ("wilayah", "dokumen", "tahun_awal")
    search_fields = ("kode", "uraian", "wilayah")
    fields = (("wilayah", "dokumen"), ("tahun_awal", "tahun_akhir"), "kode", "uraian")
    inlines = [IndikatorDaerahInline]


@admin.register(Sasaran)
class SasaranAdmin(admin.ModelAdmin):
    list_display = ("kode", "uraian", "tujuan")
    list_filter = (opd_filter("tujuan__renstra__opd"),)
    list_select_related = ("tujuan",)
    search_fields = ("kode", "uraian")
    autocomplete_fields = ("tujuan",)
    inlines = [indikator_inline("sasaran")]


class KegiatanInline(admin.TabularInline):
    model = Kegiatan
    extra = 0
    fields = ("kode", "uraian", "bidang")
    show_change_link = True


@admin.register(Program)
class ProgramAdmin(BerlakuAdminMixin, ImporEksporMixin, admin.ModelAdmin):
    resource_classes = [ProgramResource]
    list_display = ("kode_tampil", "uraian", "renstra", "bidang", "tahun_mulai", "tahun_selesai")
    list_filter = (opd_filter("renstra__opd"), "renstra__tahun_awal")
    list_select_related = ("renstra__opd", "bidang")
    search_fields = ("kode", "uraian")
    autocomplete_fields = ("renstra", "sasaran", "bidang", "pendahulu")
    inlines = [indikator_inline("program"), KegiatanInline]


class SubKegiatanInline(admin.TabularInline):
    model = SubKegiatan
    extra = 0
    fields = ("kode", "uraian", "bidang", "refocusing", "tahun_mulai", "tahun_selesai")
    show_change_link = True

    def get_queryset(self, request):
        # The hidden row of an old-nomenclature kegiatan's budget is not one of its sub kegiatan.
        return super().get_queryset(request).tampil()


@admin.register(Kegiatan)
class KegiatanAdmin(BerlakuAdminMixin, ImporEksporMixin, admin.ModelAdmin):
    resource_classes = [KegiatanResource]
    list_display = ("kode_tampil", "uraian", "renstra", "tahun_mulai", "tahun_selesai")
    list_filter = (opd_filter("program__renstra__opd"), "program__renstra__tahun_awal")
    list_select_related = ("program__renstra__opd",)
    search_fields = ("kode", "uraian")
    autocomplete_fields = ("program", "bidang", "pendahulu")
    readonly_fields = ("anggaran_kegiatan",)
    inlines = [indikator_inline("kegiatan"), SubKegiatanInline]

    @admin.display(description="anggaran kegiatan (nomenklatur lama)")
    def anggaran_kegiatan(self, obj):
        """A kegiatan of the nomenclature before 2021 keeps its budget on one hidden row: its pagu
        are edited under Pagu, filtered to that row."""
        pembawa = obj.sub_kegiatan.anggaran_kegiatan().first() if obj.pk else None
        if pembawa is None:
            return "–"
        url = reverse("admin:renstra_pagu_changelist") + f"?sub_kegiatan__id__exact={pembawa.pk}"
        return format_html('<a href="{}">Pagu kegiatan ini (tanpa sub kegiatan)</a>', url)

    @admin.display(description="Renstra", ordering="program__renstra")
    def renstra(self, obj):
        return obj.program.renstra


class PaguInline(admin.TabularInline):
    model = Pagu
    extra = 0
    fields = ("tahun", "sumber_dana", "jenis_belanja", "indikatif", "induk", "perubahan")


@admin.register(SubKegiatan)
class SubKegiatanAdmin(BerlakuAdminMixin, ImporEksporMixin, admin.ModelAdmin):
    """The hidden row carrying an old-nomenclature kegiatan's budget (`mewakili_kegiatan`) is
    listed (Pagu picks it), marked, and cannot be changed or deleted as a sub kegiatan."""

    resource_classes = [SubKegiatanResource]
    list_display = ("kode_tampil", "uraian_tampil", "renstra", "bidang", "refocusing", "tahun_mulai", "tahun_selesai")
    list_filter = (
        opd_filter("kegiatan__program__renstra__opd"),
        "refocusing",
        "mewakili_kegiatan",
        "kegiatan__program__renstra__tahun_awal",
    )
    list_select_related = ("kegiatan__program__renstra__opd", "bidang")
    search_fields = ("kode", "uraian")
    autocomplete_fields = ("kegiatan", "bidang", "pendahulu")
    inlines = [indikator_inline("sub_kegiatan"), PaguInline]

    @admin.display(description="uraian", ordering="uraian")
    def uraian_tampil(self, obj):
        if obj.mewakili_kegiatan:
            return f"{obj.uraian} — anggaran kegiatan nomenklatur lama (bukan sub kegiatan)"
        return obj.uraian

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.mewakili_kegiatan:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.mewakili_kegiatan:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="Renstra", ordering="kegiatan__program__renstra")
    def renstra(self, obj):
        return obj.kegiatan.program.renstra


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ("tahun", "triwulan", "jenis", "nilai", "batas_bawah", "batas_atas", "tingkat", "teks")


class RincianInline(admin.TabularInline):
    model = Indikator
    fk_name = "induk"
    extra = 0
    fields = FIELDS_INDIKATOR_RINGKAS
    verbose_name = "rincian"
    verbose_name_plural = "rincian"


@admin.register(Indikator)
class IndikatorAdmin(ImporEksporMixin, RiwayatAdmin):
    resource_classes = [IndikatorResource]
    list_display = ("uraian", "nama_level", "satuan", "arah", "cara_tahunan", "frekuensi", "iku", "renstra")
    list_filter = (
        opd_filter("renstra__opd"),
        LevelIndikatorFilter,
        "iku",
        "ikk",
        "spm",
        "jenis",
        "arah",
        "cara_tahunan",
        "frekuensi",
    )
    list_select_related = ("renstra__opd",)
    search_fields = (
        "uraian",
        "sub_kegiatan__kode",
        "kegiatan__kode",
        "program__kode",
        "sasaran__kode",
        "tujuan__kode",
    )
    autocomplete_fields = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "induk", "pendahulu")
    inlines = [TargetInline, RincianInline]
    fieldsets = [
        ("Pemilik", {"fields": ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "induk", "urutan")}),
        (
            None,
            {
                "fields": (
                    "uraian",
                    ("satuan", "boleh_pecahan"),
                    ("jenis", "skala_tingkat"),
                    ("arah", "metode_negatif"),
                    ("cara_tahunan", "frekuensi"),
                    ("iku", "ikk", "spm", "nol_dari_nol_tercapai"),
                )
            },
        ),
        (
            "Rumusan",
            {"fields": ("definisi_operasional", "rumusan", ("pembilang", "penyebut", "pengali"), "sumber_data")},
        ),
        ("Kondisi awal", {"fields": (("kondisi_awal", "kondisi_awal_teks"), "pendahulu", "keterangan")}),
    ]

    @admin.display(description="level")
    def nama_level(self, obj):
        return obj.nama_level


@admin.register(Target)
class TargetAdmin(ImporEksporMixin, RiwayatAdmin):
    resource_classes = [TargetResource]
    list_display = ("indikator", "tahun", "triwulan", "jenis", "tertulis")
    list_filter = (opd_filter("indikator__renstra__opd"), "tahun", "jenis", "triwulan")
    list_select_related = ("indikator", "tingkat")
    search_fields = ("indikator__uraian", "indikator__sub_kegiatan__kode")
    autocomplete_fields = ("indikator",)

    @admin.display(description="target")
    def tertulis(self, obj):
        return obj.tertulis()


@admin.register(Pagu)
class PaguAdmin(ImporEksporMixin, RiwayatAdmin):
    resource_classes = [PaguResource]
    list_display = ("sub_kegiatan", "tahun", "sumber_dana", "jenis_belanja", "indikatif", "induk", "perubahan")
    list_filter = (opd_filter("sub_kegiatan__kegiatan__program__renstra__opd"), "tahun", "sumber_dana", "jenis_belanja")
    list_select_related = ("sub_kegiatan", "sumber_dana")
    search_fields = ("sub_kegiatan__kode", "sub_kegiatan__uraian")
    autocomplete_fields = ("sub_kegiatan",)


@admin.register(SatuanCacah)
class SatuanCacahAdmin(admin.ModelAdmin):
    """The count units: a realisation in one of them is a whole number unless its indicator
    allows fractions ("boleh pecahan"). Case and blanks do not count when units are compared."""

    list_display = ("nama",)
    search_fields = ("nama",)
    fields = ("nama",)


@admin.register(SumberDana)
class SumberDanaAdmin(admin.ModelAdmin):
    list_display = ("nama",)
    search_fields = ("nama",)


class TingkatInline(admin.TabularInline):
    model = Tingkat
    extra = 0
    fields = ("urutan", "nama")


@admin.register(SkalaTingkat)
class SkalaTingkatAdmin(admin.ModelAdmin):
    list_display = ("nama",)
    search_fields = ("nama",)
    inlines = [TingkatInline]

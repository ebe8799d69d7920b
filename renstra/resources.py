"""Flat imports and exports of the plan in the admin (django-import-export).

A row says what it is about with the keys people read in the documents, never with database
ids, so that a workbook exported from one installation imports into another:

- perangkat daerah: "Kode OPD"; bidang: "Kode OPD" + "Nama bidang";
- a Renstra: "Kode OPD" + "Tahun awal Renstra" + "Revisi Renstra";
- program: Renstra + "Kode program"; kegiatan: Renstra + "Kode program" + "Kode kegiatan";
  sub kegiatan: Renstra + "Kode kegiatan" + "Kode sub kegiatan". Each code of the nomenclature
  (Permendagri 90/2019) extends its parent's, so within a Renstra a code names one node;
- indikator: Renstra + "Level" + "Kode pemilik" + "Uraian indikator";
- target: indikator + "Tahun" + "Jenis target" + "Triwulan" (empty for a yearly target);
- pagu: sub kegiatan + "Tahun" + "Sumber dana" (its name).

An import is one transaction checked row by row with the models' own `full_clean()`, whose
messages are Indonesian: one invalid row and nothing is written, on the confirming step too. An
unchanged row is skipped, not saved, so it leaves no history. Numbers come from numeric cells or
from Indonesian text ("1.234,5").

An export lets no spreadsheet program run text as a formula (`mirip_rumus`, OWASP's list, also
used by the report workbooks): XLSX writes such text as a string cell marked as text, CSV behind
a single quote that its import takes off again. Numbers stay numbers, negative ones too.
"""

import re
from decimal import Decimal
from io import BytesIO

import openpyxl
import tablib
from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from renstra import kode as kode_rules

from .models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SkalaTingkat,
    SubKegiatan,
    SumberDana,
    Target,
    Tujuan,
)

KOLOM_OPD = "Kode OPD"
KOLOM_TAHUN_AWAL = "Tahun awal Renstra"
KOLOM_REVISI = "Revisi Renstra"
KOLOM_PROGRAM = "Kode program"
KOLOM_KEGIATAN = "Kode kegiatan"
KOLOM_SUB_KEGIATAN = "Kode sub kegiatan"
KOLOM_LEVEL = "Level"
KOLOM_KODE_PEMILIK = "Kode pemilik"
KOLOM_INDIKATOR = "Uraian indikator"
KOLOM_TAHUN = "Tahun"
KOLOM_TRIWULAN = "Triwulan"

KUNCI_RENSTRA = (KOLOM_OPD, KOLOM_TAHUN_AWAL, KOLOM_REVISI)
KUNCI_INDIKATOR = (*KUNCI_RENSTRA, KOLOM_LEVEL, KOLOM_KODE_PEMILIK, KOLOM_INDIKATOR)
KUNCI_SUB_KEGIATAN = (*KUNCI_RENSTRA, KOLOM_SUB_KEGIATAN)

# Each level of the hierarchy: its model and the lookup from it to its Renstra.
SIMPUL = {
    kode_rules.TUJUAN: (Tujuan, "renstra"),
    kode_rules.SASARAN: (Sasaran, "tujuan__renstra"),
    kode_rules.PROGRAM: (Program, "renstra"),
    kode_rules.KEGIATAN: (Kegiatan, "program__renstra"),
    kode_rules.SUB_KEGIATAN: (SubKegiatan, "kegiatan__program__renstra"),
}


# Numbers -----------------------------------------------------------------------------------

# Dots between thousands, a comma before the decimals: "1.234.567,89", "0,5", "34.000".
_ANGKA_INDONESIA = re.compile(r"-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?")


def baca_angka(nilai):
    """A `Decimal` from a workbook cell: a number, or text written the Indonesian way; None when
    empty. A dot in text always separates thousands, so "0.125" is refused, never read as 125.

    >>> baca_angka("1.234,5"), baca_angka(98.79), baca_angka("34.000"), baca_angka(" ")
    (Decimal('1234.5'), Decimal('98.79'), Decimal('34000'), None)
    """
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise ValueError(f'"{nilai}" bukan angka.')
    if isinstance(nilai, (int, float, Decimal)):
        # A float through its text (98.79, not its binary value 98.7900000000000062...).
        angka = Decimal(str(nilai)) if isinstance(nilai, float) else Decimal(nilai)
        if not angka.is_finite():
            raise ValueError(f'"{nilai}" bukan angka yang dapat dihitung.')
        return angka
    teks = str(nilai).replace("\u00a0", "").replace(" ", "").strip()
    if not teks:
        return None
    if not _ANGKA_INDONESIA.fullmatch(teks):
        raise ValueError(f'"{nilai}" bukan angka; tulis seperti 1.234,5 (titik pemisah ribuan, koma desimal).')
    return Decimal(teks.replace(".", "").replace(",", "."))


def tulis_angka(nilai):
    """A number as text that `baca_angka` reads back: comma decimals, no thousands separator."""
    return f"{Decimal(nilai).normalize():f}".replace(".", ",")


# Widgets ------------------------------------------------------------------------------------


class AngkaWidget(widgets.Widget):
    """A decimal. `baca` reads the cell (kinerja passes its `rules.parse_angka`). Exported as a
    number in XLSX (`force_native_type`), as Indonesian text in CSV."""

    def __init__(self, baca=baca_angka):
        super().__init__(coerce_to_string=True)
        self.baca = baca

    def clean(self, value, row=None, **kwargs):
        try:
            return self.baca(value)
        except ArithmeticError as e:
            raise ValueError(f'"{value}" bukan angka.') from e

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else tulis_angka(value)


class BulatWidget(AngkaWidget):
    """A whole number: a year, a quarter, an amount of rupiah ("36.350.862")."""

    def clean(self, value, row=None, **kwargs):
        angka = super().clean(value, row, **kwargs)
        if angka is None:
            return None
        if angka != angka.to_integral_value():
            raise ValueError(f'"{value}" bukan bilangan bulat.')
        return int(angka)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else str(value)


class TeksWidget(widgets.CharWidget):
    """Text with the blanks around it and Windows line breaks removed; a code that a spreadsheet
    turned into a whole number (1.0) comes back as "1"."""

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).replace("\r\n", "\n").strip()


def bersihkan_teks(nilai):
    return TeksWidget().clean(nilai)


class PilihanWidget(widgets.Widget):
    """One of a field's choices, by its code ("sub_kegiatan") or its label, in any case; empty
    gives `default`, or an error when there is none."""

    def __init__(self, choices, nama, default=None):
        super().__init__()
        self.kode = [str(k) for k, _ in choices]
        self.pilihan = {str(k).lower(): k for k, _ in choices} | {str(label).lower(): k for k, label in choices}
        self.nama = nama
        self.default = default

    def clean(self, value, row=None, **kwargs):
        nilai = bersihkan_teks(value)
        if not nilai:
            if self.default is None:
                raise ValueError(f"{self.nama} wajib diisi; pilihan: {', '.join(self.kode)}.")
            return self.default
        try:
            return self.pilihan[nilai.lower()]
        except KeyError:
            raise ValueError(f'{self.nama} "{nilai}" tidak dikenal; pilihan: {", ".join(self.kode)}.') from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class YaTidakWidget(widgets.Widget):
    """A yes/no column: "ya"/"tidak" (also 1/0, true/false and XLSX booleans); empty is "tidak"."""

    YA = {"ya", "y", "1", "true", "benar"}
    TIDAK = {"tidak", "t", "0", "false", "salah", ""}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        nilai = bersihkan_teks(value).lower()
        if nilai in self.YA:
            return True
        if nilai in self.TIDAK:
            return False
        raise ValueError(f'"{value}" bukan "ya" atau "tidak".')

    def render(self, value, obj=None, **kwargs):
        return "ya" if value else "tidak"


class KunciWidget(widgets.Widget):
    """A related object found by its natural key: `cari(row, memo)` reads the key's columns from
    the row and raises ValueError with a message naming the values when nothing matches; the
    object is exported as `tulis(obj)`. `memo` (shared by the widgets of one import) keeps what
    was found, so the Renstra of a thousand rows is read once."""

    def __init__(self, cari, tulis):
        super().__init__()
        self.cari = cari
        self.tulis = tulis
        self.memo = {}

    def clean(self, value, row=None, **kwargs):
        return self.cari(row, self.memo)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.tulis(value)


# Natural keys -------------------------------------------------------------------------------


def _teks(row, kolom, wajib=True):
    if kolom not in row:
        raise ValueError(f'Kolom "{kolom}" tidak ada dalam berkas.')
    nilai = bersihkan_teks(row[kolom])
    if wajib and not nilai:
        raise ValueError(f'Kolom "{kolom}" wajib diisi.')
    return nilai


def _bulat(row, kolom):
    if kolom not in row:
        raise ValueError(f'Kolom "{kolom}" tidak ada dalam berkas.')
    try:
        nilai = BulatWidget().clean(row[kolom])
    except ValueError as e:
        raise ValueError(f'Kolom "{kolom}": {e}') from None
    if nilai is None:
        raise ValueError(f'Kolom "{kolom}" wajib diisi.')
    return nilai


def _ingat(memo, kunci, cari):
    """`cari()`, once per key and import; a failed search is not kept (a later row may create it)."""
    if kunci not in memo:
        memo[kunci] = cari()
    return memo[kunci]


def cari_opd(row, memo):
    kode = _teks(row, KOLOM_OPD)

    def cari():
        try:
            return PerangkatDaerah.objects.get(kode=kode)
        except PerangkatDaerah.DoesNotExist:
            raise ValueError(f'Perangkat daerah dengan kode "{kode}" tidak ditemukan.') from None

    return _ingat(memo, ("opd", kode), cari)


def cari_renstra(row, memo):
    opd = cari_opd(row, memo)
    tahun_awal = _bulat(row, KOLOM_TAHUN_AWAL)
    revisi = _bulat(row, KOLOM_REVISI)

    def cari():
        try:
            return Renstra.objects.select_related("opd").get(opd=opd, tahun_awal=tahun_awal, revisi=revisi)
        except Renstra.DoesNotExist:
            raise ValueError(
                f'Renstra perangkat daerah "{opd.kode}" dengan tahun awal {tahun_awal} dan revisi {revisi} '
                "tidak ditemukan."
            ) from None

    return _ingat(memo, ("renstra", opd.kode, tahun_awal, revisi), cari)


def cari_simpul(row, memo, level, kolom):
    """The tujuan, sasaran, program, kegiatan or sub kegiatan with the code in `kolom`, in the
    row's Renstra."""
    renstra = cari_renstra(row, memo)
    kode = _teks(row, kolom)
    model, jalur = SIMPUL[level]
    nama = kode_rules.NAMA_LEVEL[level]

    def cari():
        try:
            return model.objects.get(**{jalur: renstra, "kode": kode})
        except model.DoesNotExist:
            raise ValueError(f'{nama.capitalize()} dengan kode "{kode}" tidak ditemukan dalam {renstra}.') from None
        except model.MultipleObjectsReturned:
            raise ValueError(f'Ada lebih dari satu {nama} dengan kode "{kode}" dalam {renstra}.') from None

    return _ingat(memo, (level, renstra.pk, kode), cari)


def simpul_pencari(level, kolom, wajib=True):
    """A `cari` for KunciWidget: the node of `level` whose code is in `kolom` (None when the
    column is empty and not `wajib`)."""

    def cari(row, memo):
        if not wajib and not _teks(row, kolom, wajib=False):
            return None
        return cari_simpul(row, memo, level, kolom)

    return cari


def baca_level(row):
    nilai = _teks(row, KOLOM_LEVEL)
    level = nilai.lower().replace(" ", "_")
    if level not in SIMPUL:
        raise ValueError(f'Level "{nilai}" tidak dikenal; pilihan: {", ".join(SIMPUL)}.')
    return level


def cari_pemilik(row, memo):
    """The node owning the row's indicator: (level, node)."""
    level = baca_level(row)
    return level, cari_simpul(row, memo, level, KOLOM_KODE_PEMILIK)


def indikator_milik(level, pemilik):
    """Indicators of a node; a tujuan's own (not those it shares with one of its sasaran)."""
    indikator = Indikator.objects.filter(**{level: pemilik})
    if level == kode_rules.TUJUAN:
        indikator = indikator.filter(sasaran__isnull=True)
    return indikator


def _satu_indikator(daftar, uraian, level, pemilik):
    if len(daftar) > 1:
        raise ValueError(
            f'Ada lebih dari satu indikator "{uraian}" pada {kode_rules.NAMA_LEVEL[level]} {pemilik.kode}; '
            "bedakan uraiannya dulu."
        )
    return daftar[0] if daftar else None


def cari_indikator_baris(row, memo):
    """The row's indicator when it exists, else None (an import of indicators creates it)."""
    level, pemilik = cari_pemilik(row, memo)
    uraian = _teks(row, KOLOM_INDIKATOR)
    return _satu_indikator(list(indikator_milik(level, pemilik).filter(uraian=uraian)[:2]), uraian, level, pemilik)


def cari_indikator(row, memo):
    level, pemilik = cari_pemilik(row, memo)
    uraian = _teks(row, KOLOM_INDIKATOR)

    def cari():
        daftar = list(
            indikator_milik(level, pemilik).filter(uraian=uraian).select_related("renstra", "skala_tingkat")[:2]
        )
        indikator = _satu_indikator(daftar, uraian, level, pemilik)
        if indikator is None:
            raise ValueError(
                f'Indikator "{uraian}" pada {kode_rules.NAMA_LEVEL[level]} {pemilik.kode} tidak ditemukan.'
            )
        return indikator

    return _ingat(memo, ("indikator", level, pemilik.pk, uraian), cari)


def cari_tingkat(row, memo, kolom="Tingkatan"):
    """A level of the scale of the row's (qualitative) indicator, by name."""
    nama = _teks(row, kolom, wajib=False)
    if not nama:
        return None
    indikator = cari_indikator(row, memo)
    if not indikator.skala_tingkat_id:
        raise ValueError(f'Indikator "{indikator}" kuantitatif: isi angka, bukan tingkatan.')
    daftar = _ingat(memo, ("tingkat", indikator.skala_tingkat_id), lambda: list(indikator.skala_tingkat.tingkat.all()))
    for tingkat in daftar:
        if tingkat.nama.lower() == nama.lower():
            return tingkat
    pilihan = ", ".join(t.nama for t in daftar)
    raise ValueError(f'"{nama}" bukan tingkatan indikator "{indikator}" (pilihan: {pilihan}).')


def cari_bidang_renstra(row, memo, kolom="Bidang"):
    """A bidang of the row's agency, by name; None when the column is empty."""
    nama = _teks(row, kolom, wajib=False)
    if not nama:
        return None
    renstra = cari_renstra(row, memo)

    def cari():
        try:
            return Bidang.objects.get(opd=renstra.opd, nama=nama)
        except Bidang.DoesNotExist:
            raise ValueError(f'Bidang "{nama}" tidak ditemukan pada perangkat daerah "{renstra.opd.kode}".') from None

    return _ingat(memo, ("bidang", renstra.opd.kode, nama), cari)


def _cari_nama(model, kolom, pesan, wajib=True):
    """A `cari` for a model with a unique `nama` (sumber dana, skala tingkatan)."""

    def cari(row, memo):
        nama = _teks(row, kolom, wajib=wajib)
        if not nama:
            return None

        def cari_di_basis_data():
            try:
                return model.objects.get(nama=nama)
            except model.DoesNotExist:
                raise ValueError(pesan.format(nama=nama)) from None

        return _ingat(memo, (model.__name__, nama), cari_di_basis_data)

    return cari


# Fields -------------------------------------------------------------------------------------


def kolom(column_name, attribute, widget=None, readonly=False, **kwargs):
    return fields.Field(
        attribute=attribute, column_name=column_name, widget=widget or TeksWidget(), readonly=readonly, **kwargs
    )


def kolom_kunci_renstra(jalur):
    """The read-only columns naming the Renstra at `jalur` (e.g. "program__renstra"); an import
    reads them through the widget of the column that resolves the parent."""
    return (
        kolom(KOLOM_OPD, f"{jalur}__opd__kode", readonly=True),
        kolom(KOLOM_TAHUN_AWAL, f"{jalur}__tahun_awal", BulatWidget(), readonly=True),
        kolom(KOLOM_REVISI, f"{jalur}__revisi", BulatWidget(), readonly=True),
    )


def kolom_kunci_indikator(jalur):
    """The columns naming the indicator at `jalur` (e.g. "indikator"): the Renstra's, the
    owner's level and code (read-only), and the indicator's description, which resolves it."""
    return (
        *kolom_kunci_renstra(f"{jalur}__renstra"),
        kolom(KOLOM_LEVEL, f"{jalur}__level", readonly=True),
        kolom(KOLOM_KODE_PEMILIK, f"{jalur}__pemilik__kode", readonly=True),
        kolom(KOLOM_INDIKATOR, jalur, KunciWidget(cari_indikator, lambda i: i.uraian)),
    )


def kolom_kunci_sub_kegiatan(jalur):
    return (
        *kolom_kunci_renstra(f"{jalur}__kegiatan__program__renstra"),
        kolom(
            KOLOM_SUB_KEGIATAN,
            jalur,
            KunciWidget(simpul_pencari(kode_rules.SUB_KEGIATAN, KOLOM_SUB_KEGIATAN), lambda s: s.kode),
        ),
    )


class PemilikField(fields.Field):
    """The node an indicator belongs to, from the columns "Level" and "Kode pemilik". A sasaran's
    indicator that also serves its tujuan keeps that link; an import does not create one."""

    def __init__(self):
        super().__init__(
            attribute="pemilik",
            column_name=KOLOM_KODE_PEMILIK,
            widget=KunciWidget(lambda row, memo: cari_pemilik(row, memo)[1], lambda p: p.kode),
        )

    def save(self, instance, row, is_m2m=False, **kwargs):
        pemilik = self.clean(row, **kwargs)
        level = baca_level(row)
        juga_tujuan = level == kode_rules.SASARAN and instance.tujuan_id and instance.tujuan_id == pemilik.tujuan_id
        for nama in SIMPUL:
            setattr(instance, nama, None)
        setattr(instance, level, pemilik)
        if juga_tujuan:
            instance.tujuan = pemilik.tujuan


# Resources ----------------------------------------------------------------------------------


class KunciAlamiResource(resources.ModelResource):
    """What every resource of Kinerja shares: rows found by natural key (`import_id_fields`
    naming fields whose widgets resolve keys, or `get_instance` overridden), the key columns
    required in the file (`kolom_kunci`), one transaction rolled back on any error or invalid
    row, `full_clean()` on every instance, unchanged rows skipped, and the importing user
    recorded in the history."""

    kolom_kunci = ()
    # select_related of an export, so that the key columns cost no query per row.
    relasi_ekspor = ()

    class Meta:
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.memo = {}
        for field in self.fields.values():
            if isinstance(field.widget, KunciWidget):
                field.widget.memo = self.memo

    def import_data(
        self,
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=None,
        collect_failed_rows=False,
        rollback_on_validation_errors=True,
        **kwargs,
    ):
        """As the library's, but an invalid row rolls back the whole import by default (the
        admin's confirming step does not ask for it)."""
        return super().import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=raise_errors,
            use_transactions=use_transactions,
            collect_failed_rows=collect_failed_rows,
            rollback_on_validation_errors=rollback_on_validation_errors,
            **kwargs,
        )

    def before_import(self, dataset, **kwargs):
        self.memo.clear()
        hilang = [k for k in self.kolom_kunci if k not in (dataset.headers or ())]
        if hilang:
            daftar = ", ".join(f'"{k}"' for k in hilang)
            raise ValueError(f"Kolom kunci tidak ada dalam berkas: {daftar}.")

    def get_instance(self, instance_loader, row):
        """The existing row with the row's natural key, or None; a key that does not resolve
        (an unknown agency code, an empty year) makes the row invalid with its message."""
        try:
            return self.cari_instance(instance_loader, row)
        except ValueError as e:
            raise ValidationError(str(e)) from e

    def cari_instance(self, instance_loader, row):
        return super().get_instance(instance_loader, row)

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user  # django-simple-history, outside a request too

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(*self.relasi_ekspor) if self.relasi_ekspor else queryset


def _kolom_pejabat():
    return (
        kolom("Jabatan kepala", "kepala_jabatan"),
        kolom("Nama kepala", "kepala_nama"),
        kolom("NIP kepala", "kepala_nip"),
        kolom("Pangkat/golongan kepala", "kepala_pangkat"),
    )


class PerangkatDaerahResource(KunciAlamiResource):
    kolom_kunci = (KOLOM_OPD,)

    kode = kolom(KOLOM_OPD, "kode")
    nama = kolom("Nama", "nama")
    singkatan = kolom("Singkatan", "singkatan")
    alamat = kolom("Alamat", "alamat")
    kota = kolom("Kota", "kota")
    pelaporan_per_bidang = kolom("Pelaporan per bidang", "pelaporan_per_bidang", YaTidakWidget())
    kepala_jabatan, kepala_nama, kepala_nip, kepala_pangkat = _kolom_pejabat()
    kepala_daerah_jabatan = kolom("Jabatan kepala daerah", "kepala_daerah_jabatan")
    kepala_daerah_nama = kolom("Nama kepala daerah", "kepala_daerah_nama")

    class Meta:
        model = PerangkatDaerah
        name = "Perangkat daerah"
        import_id_fields = ("kode",)
        fields = (
            "kode", "nama", "singkatan", "alamat", "kota", "pelaporan_per_bidang",
            "kepala_jabatan", "kepala_nama", "kepala_nip", "kepala_pangkat",
            "kepala_daerah_jabatan", "kepala_daerah_nama",
        )  # fmt: skip


class BidangResource(KunciAlamiResource):
    kolom_kunci = (KOLOM_OPD, "Nama bidang")
    relasi_ekspor = ("opd",)

    opd = kolom(KOLOM_OPD, "opd", KunciWidget(cari_opd, lambda o: o.kode))
    nama = kolom("Nama bidang", "nama")
    kode = kolom("Kode bidang", "kode")
    urutan = kolom("Urutan", "urutan", BulatWidget(), default=0)
    kepala_jabatan, kepala_nama, kepala_nip, kepala_pangkat = _kolom_pejabat()

    class Meta:
        model = Bidang
        name = "Bidang"
        import_id_fields = ("opd", "nama")
        fields = ("opd", "nama", "kode", "urutan", "kepala_jabatan", "kepala_nama", "kepala_nip", "kepala_pangkat")


class ProgramResource(KunciAlamiResource):
    kolom_kunci = (*KUNCI_RENSTRA, KOLOM_PROGRAM)
    relasi_ekspor = ("renstra__opd", "sasaran", "bidang")

    renstra = kolom(KOLOM_OPD, "renstra", KunciWidget(cari_renstra, lambda r: r.opd.kode))
    tahun_awal = kolom(KOLOM_TAHUN_AWAL, "renstra__tahun_awal", BulatWidget(), readonly=True)
    revisi = kolom(KOLOM_REVISI, "renstra__revisi", BulatWidget(), readonly=True)
    kode = kolom(KOLOM_PROGRAM, "kode")
    uraian = kolom("Uraian", "uraian")
    sasaran = kolom(
        "Kode sasaran",
        "sasaran",
        KunciWidget(simpul_pencari(kode_rules.SASARAN, "Kode sasaran", wajib=False), lambda s: s.kode),
    )
    bidang = kolom("Bidang", "bidang", KunciWidget(cari_bidang_renstra, lambda b: b.nama))

    class Meta:
        model = Program
        name = "Program"
        import_id_fields = ("renstra", "kode")
        fields = ("renstra", "tahun_awal", "revisi", "kode", "uraian", "sasaran", "bidang")


class KegiatanResource(KunciAlamiResource):
    """The program is found in the row's Renstra by "Kode program" (the kegiatan's code must
    extend it, which `full_clean()` checks)."""

    kolom_kunci = (*KUNCI_RENSTRA, KOLOM_PROGRAM, KOLOM_KEGIATAN)
    relasi_ekspor = ("program__renstra__opd", "bidang")

    kode_opd, tahun_awal, revisi = kolom_kunci_renstra("program__renstra")
    program = kolom(
        KOLOM_PROGRAM, "program", KunciWidget(simpul_pencari(kode_rules.PROGRAM, KOLOM_PROGRAM), lambda p: p.kode)
    )
    kode = kolom(KOLOM_KEGIATAN, "kode")
    uraian = kolom("Uraian", "uraian")
    bidang = kolom("Bidang", "bidang", KunciWidget(cari_bidang_renstra, lambda b: b.nama))

    class Meta:
        model = Kegiatan
        name = "Kegiatan"
        import_id_fields = ("program", "kode")
        fields = ("kode_opd", "tahun_awal", "revisi", "program", "kode", "uraian", "bidang")


class SubKegiatanResource(KunciAlamiResource):
    """The kegiatan is found in the row's Renstra by "Kode kegiatan"."""

    kolom_kunci = (*KUNCI_RENSTRA, KOLOM_KEGIATAN, KOLOM_SUB_KEGIATAN)
    relasi_ekspor = ("kegiatan__program__renstra__opd", "bidang")

    kode_opd, tahun_awal, revisi = kolom_kunci_renstra("kegiatan__program__renstra")
    kegiatan = kolom(
        KOLOM_KEGIATAN,
        "kegiatan",
        KunciWidget(simpul_pencari(kode_rules.KEGIATAN, KOLOM_KEGIATAN), lambda k: k.kode),
    )
    kode = kolom(KOLOM_SUB_KEGIATAN, "kode")
    uraian = kolom("Uraian", "uraian")
    bidang = kolom("Bidang", "bidang", KunciWidget(cari_bidang_renstra, lambda b: b.nama))
    refocusing = kolom("Refocusing", "refocusing", YaTidakWidget())
    keterangan = kolom("Keterangan", "keterangan")

    class Meta:
        model = SubKegiatan
        name = "Sub kegiatan"
        import_id_fields = ("kegiatan", "kode")
        fields = (
            "kode_opd", "tahun_awal", "revisi", "kegiatan", "kode", "uraian", "bidang", "refocusing", "keterangan",
        )  # fmt: skip


RELASI_INDIKATOR = (
    "renstra__opd",
    "tujuan",
    "sasaran",
    "program",
    "kegiatan",
    "sub_kegiatan",
)


def cari_induk(row, memo):
    """The indicator a detail (rincian) belongs to: one of the same node, by its description.
    Not kept in the memo: an earlier row of the same file may have created it."""
    uraian = _teks(row, "Rincian dari", wajib=False)
    if not uraian:
        return None
    level, pemilik = cari_pemilik(row, memo)
    daftar = list(indikator_milik(level, pemilik).filter(uraian=uraian, induk__isnull=True)[:2])
    induk = _satu_indikator(daftar, uraian, level, pemilik)
    if induk is None:
        raise ValueError(
            f'Indikator induk "{uraian}" pada {kode_rules.NAMA_LEVEL[level]} {pemilik.kode} tidak ditemukan; '
            "tulis baris induknya lebih dulu."
        )
    return induk


class IndikatorResource(KunciAlamiResource):
    """Not in the columns: the predecessor in an earlier Renstra (`pendahulu`), kept as it is."""

    kolom_kunci = KUNCI_INDIKATOR
    relasi_ekspor = (*RELASI_INDIKATOR, "induk", "skala_tingkat")

    kode_opd, tahun_awal, revisi = kolom_kunci_renstra("renstra")
    level = kolom(KOLOM_LEVEL, "level", readonly=True)
    pemilik = PemilikField()
    uraian = kolom(KOLOM_INDIKATOR, "uraian")
    induk = kolom("Rincian dari", "induk", KunciWidget(cari_induk, lambda i: i.uraian))
    urutan = kolom("Urutan", "urutan", BulatWidget(), default=0)
    satuan = kolom("Satuan", "satuan")
    jenis = kolom("Jenis", "jenis", PilihanWidget(Indikator.Jenis.choices, "Jenis", Indikator.Jenis.KUANTITATIF))
    skala_tingkat = kolom(
        "Skala tingkatan",
        "skala_tingkat",
        KunciWidget(
            _cari_nama(SkalaTingkat, "Skala tingkatan", 'Skala tingkatan "{nama}" tidak ditemukan.', wajib=False),
            lambda s: s.nama,
        ),
    )
    arah = kolom("Arah", "arah", PilihanWidget(Indikator.Arah.choices, "Arah", Indikator.Arah.POSITIF))
    metode_negatif = kolom(
        "Metode capaian indikator negatif",
        "metode_negatif",
        PilihanWidget(Indikator.MetodeNegatif.choices, "Metode capaian", Indikator.MetodeNegatif.TARGET_PER_REALISASI),
    )
    cara_tahunan = kolom(
        "Nilai tahunan dari triwulan",
        "cara_tahunan",
        PilihanWidget(Indikator.CaraTahunan.choices, "Nilai tahunan", Indikator.CaraTahunan.KUMULATIF),
    )
    frekuensi = kolom(
        "Frekuensi pengukuran",
        "frekuensi",
        PilihanWidget(Indikator.Frekuensi.choices, "Frekuensi pengukuran", Indikator.Frekuensi.TRIWULANAN),
    )
    rumusan = kolom("Rumusan", "rumusan")
    pembilang = kolom("Pembilang", "pembilang")
    penyebut = kolom("Penyebut", "penyebut")
    pengali = kolom("Pengali", "pengali", AngkaWidget(), default=Decimal("100"))
    kondisi_awal = kolom("Kondisi awal", "kondisi_awal", AngkaWidget())
    kondisi_awal_teks = kolom("Kondisi awal (teks)", "kondisi_awal_teks")
    sumber_data = kolom("Sumber data", "sumber_data")
    iku = kolom("IKU", "iku", YaTidakWidget())
    ikk = kolom("IKK", "ikk", YaTidakWidget())
    spm = kolom("SPM", "spm", YaTidakWidget())
    nol_dari_nol_tercapai = kolom("0 dari 0 dihitung 100%", "nol_dari_nol_tercapai", YaTidakWidget())
    boleh_pecahan = kolom("Boleh pecahan", "boleh_pecahan", YaTidakWidget())
    keterangan = kolom("Keterangan", "keterangan")

    class Meta:
        model = Indikator
        name = "Indikator"
        import_id_fields = ("pemilik", "uraian")
        fields = (
            "kode_opd", "tahun_awal", "revisi", "level", "pemilik", "uraian", "induk", "urutan", "satuan",
            "jenis", "skala_tingkat", "arah", "metode_negatif", "cara_tahunan", "frekuensi", "rumusan",
            "pembilang", "penyebut", "pengali", "kondisi_awal", "kondisi_awal_teks", "sumber_data", "iku", "ikk",
            "spm", "nol_dari_nol_tercapai", "boleh_pecahan", "keterangan",
        )  # fmt: skip

    def cari_instance(self, instance_loader, row):
        return cari_indikator_baris(row, self.memo)


def relasi_indikator(jalur):
    return tuple(f"{jalur}__{r}" for r in RELASI_INDIKATOR)


class TargetResource(KunciAlamiResource):
    kolom_kunci = (*KUNCI_INDIKATOR, KOLOM_TAHUN, "Jenis target", KOLOM_TRIWULAN)
    relasi_ekspor = (*relasi_indikator("indikator"), "tingkat")

    kode_opd, tahun_awal, revisi, level, kode_pemilik, indikator = kolom_kunci_indikator("indikator")
    tahun = kolom(KOLOM_TAHUN, "tahun", BulatWidget())
    jenis = kolom("Jenis target", "jenis", PilihanWidget(Target.Jenis.choices, "Jenis target"))
    triwulan = kolom(KOLOM_TRIWULAN, "triwulan", BulatWidget())
    nilai = kolom("Nilai", "nilai", AngkaWidget())
    batas_bawah = kolom("Batas bawah", "batas_bawah", AngkaWidget())
    batas_atas = kolom("Batas atas", "batas_atas", AngkaWidget())
    tingkat = kolom("Tingkatan", "tingkat", KunciWidget(cari_tingkat, lambda t: t.nama))
    teks = kolom("Tertulis", "teks")

    class Meta:
        model = Target
        name = "Target"
        import_id_fields = ("indikator", "tahun", "jenis", "triwulan")
        fields = (
            "kode_opd", "tahun_awal", "revisi", "level", "kode_pemilik", "indikator", "tahun", "jenis", "triwulan",
            "nilai", "batas_bawah", "batas_atas", "tingkat", "teks",
        )  # fmt: skip


class PaguResource(KunciAlamiResource):
    kolom_kunci = (*KUNCI_SUB_KEGIATAN, KOLOM_TAHUN, "Sumber dana")
    relasi_ekspor = ("sub_kegiatan__kegiatan__program__renstra__opd", "sumber_dana")

    kode_opd, tahun_awal, revisi, sub_kegiatan = kolom_kunci_sub_kegiatan("sub_kegiatan")
    tahun = kolom(KOLOM_TAHUN, "tahun", BulatWidget())
    sumber_dana = kolom(
        "Sumber dana",
        "sumber_dana",
        KunciWidget(_cari_nama(SumberDana, "Sumber dana", 'Sumber dana "{nama}" tidak ditemukan.'), lambda s: s.nama),
    )
    jenis_belanja = kolom(
        "Jenis belanja",
        "jenis_belanja",
        PilihanWidget(Pagu.JenisBelanja.choices, "Jenis belanja", Pagu.JenisBelanja.LANGSUNG),
    )
    indikatif = kolom("Pagu indikatif (Rp)", "indikatif", BulatWidget())
    induk = kolom("Anggaran induk (Rp)", "induk", BulatWidget())
    perubahan = kolom("Anggaran perubahan (Rp)", "perubahan", BulatWidget())
    keterangan = kolom("Keterangan", "keterangan")

    class Meta:
        model = Pagu
        name = "Pagu"
        import_id_fields = ("sub_kegiatan", "tahun", "sumber_dana")
        fields = (
            "kode_opd", "tahun_awal", "revisi", "sub_kegiatan", "tahun", "sumber_dana", "jenis_belanja",
            "indikatif", "induk", "perubahan", "keterangan",
        )  # fmt: skip


# Spreadsheet cells ---------------------------------------------------------------------------

# OWASP, "CSV Injection": what a spreadsheet program may read as the start of a formula. A tab, a
# carriage return or a line feed are dropped by some before reading one; some read the full-width
# forms as the ASCII ones.
PEMBUKA_RUMUS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def mirip_rumus(nilai):
    """Whether a spreadsheet program could run `nilai` as a formula: text beginning, after any
    spaces, with one of PEMBUKA_RUMUS. The one rule of every export (admin, reports, dashboards);
    a number is never one, negative or not.

    >>> mirip_rumus("==1+1"), mirip_rumus(" @SUM(A1)"), mirip_rumus("Rp 5"), mirip_rumus(Decimal("-5"))
    (True, True, False, False)
    """
    return isinstance(nilai, str) and nilai.lstrip(" \u00a0\u3000").startswith(PEMBUKA_RUMUS)


def sel_teks(sel):
    """An XLSX cell (openpyxl) whose text stays text: a string cell whatever it begins with
    (openpyxl makes "=..." a formula and "#N/A" an error), marked as text (`quotePrefix`, the
    apostrophe of Excel) when `mirip_rumus`, so that editing the cell does not make it a formula.
    The text itself is kept as it is, and imports back unchanged."""
    if isinstance(sel.value, str):
        sel.data_type = "s"
        if mirip_rumus(sel.value):
            sel.quotePrefix = True
    return sel


def nilai_csv(nilai):
    """A value for a CSV field: a number written the Indonesian way ("-1,5"), text a spreadsheet
    could run as a formula behind a single quote (OWASP), other text as it is. Text of quotes
    before a formula gets one more too, so that `baca_nilai_csv` gives every text back.

    >>> nilai_csv(Decimal("-1.5")), nilai_csv("-1+1"), nilai_csv("'=1"), nilai_csv("Rp 5")
    ('-1,5', "'-1+1", "''=1", 'Rp 5')
    """
    if nilai is None:
        return ""
    if isinstance(nilai, (int, Decimal)) and not isinstance(nilai, bool):
        return tulis_angka(nilai)
    teks = str(nilai)
    return f"'{teks}" if mirip_rumus(teks.lstrip("'")) else teks


def baca_nilai_csv(nilai):
    """A CSV field as it was before `nilai_csv` guarded it: without the quote before a formula."""
    if isinstance(nilai, str) and nilai.startswith("'") and mirip_rumus(nilai[1:].lstrip("'")):
        return nilai[1:]
    return nilai


# Formats ------------------------------------------------------------------------------------
# The admin gives both formats numbers as numbers (renstra.admin.ImporEksporMixin.get_export_data).


class XLSX(base_formats.XLSX):
    """XLSX whose text stays text (`sel_teks`): a description that begins with "=" is written as
    a string, not run as a formula when the workbook is opened, and comes back unchanged on import."""

    def export_data(self, dataset, **kwargs):
        buku = openpyxl.Workbook()
        lembar = buku.active
        lembar.title = "Data"
        lembar.append(list(dataset.headers or ()))
        for baris in dataset:
            lembar.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in baris])
        for baris in lembar.iter_rows():
            for sel in baris:
                sel_teks(sel)
        for sel in lembar[1]:
            sel.font = Font(bold=True)
        lembar.freeze_panes = "A2"
        keluaran = BytesIO()
        buku.save(keluaran)
        return keluaran.getvalue()


class CSV(base_formats.CSV):
    """CSV in which no spreadsheet program runs text as a formula (`nilai_csv`): the quote put
    before such a field is taken off again on import, so an exported file imports back unchanged;
    numbers are plain numbers."""

    def export_data(self, dataset, **kwargs):
        aman = tablib.Dataset(headers=dataset.headers)
        for baris in dataset:
            aman.append([nilai_csv(v) for v in baris])
        return super().export_data(aman, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        dataset = super().create_dataset(in_stream, **kwargs)
        asli = tablib.Dataset(headers=dataset.headers)
        for baris in dataset:
            asli.append([baca_nilai_csv(v) for v in baris])
        return asli


FORMAT_BERKAS = [XLSX, CSV]

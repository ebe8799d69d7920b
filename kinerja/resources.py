"""Flat imports and exports of realisations in the admin (django-import-export); the keys and
rules are those of renstra/resources.py:

- realisasi: indikator (Renstra + "Level" + "Kode pemilik" + "Uraian indikator") + "Tahun" +
  "Triwulan";
- realisasi anggaran: sub kegiatan (Renstra + "Kode sub kegiatan") + "Tahun" + "Triwulan".

A changed row is saved as every writer of a quarter saves it (kinerja/versi.py): the unit's
submission and the row are locked first; when the file carries the row's "Versi" (an export
does) and the row was saved since, by an operator or anyone, the import is refused naming who;
the write is one version more with the importing user as its author. Numbers are read by
`rules.parse_angka`, as everywhere values are typed or read from workbooks. Whether the quarter
is still open is not checked: the admin is for the Admin role, which may correct any quarter.
"""

from django.core.exceptions import ValidationError

from kinerja import rules
from renstra.resources import (
    KOLOM_TAHUN,
    KOLOM_TRIWULAN,
    KUNCI_INDIKATOR,
    KUNCI_SUB_KEGIATAN,
    AngkaWidget,
    BulatWidget,
    KunciAlamiResource,
    KunciWidget,
    cari_tingkat,
    kolom,
    kolom_kunci_indikator,
    kolom_kunci_sub_kegiatan,
    relasi_indikator,
)

from .models import Realisasi, RealisasiAnggaran
from .versi import kunci_baris, kunci_pelaporan_baris, pesan_bentrok, tandai

KOLOM_VERSI = "Versi"


class JejakResource(KunciAlamiResource):
    """Rows that carry a version and their last author (models.jejak.Jejak)."""

    versi = kolom(KOLOM_VERSI, "versi", BulatWidget(), readonly=True)

    def cari_instance(self, instance_loader, row):
        ada = super().cari_instance(instance_loader, row)
        return kunci_baris(ada) if ada is not None else None

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        user = kwargs.get("user")
        user = user if user is not None and user.is_authenticated else None
        if instance.pk is None:
            kunci_pelaporan_baris(instance, user)
        else:
            dilihat = rules.parse_angka(row.get(KOLOM_VERSI)) if row.get(KOLOM_VERSI) not in (None, "") else None
            if dilihat is not None and dilihat != instance.versi:
                raise ValidationError(pesan_bentrok(instance, int(dilihat), "berkas ini diekspor"))
        tandai(instance, user)


class RealisasiResource(JejakResource):
    kolom_kunci = (*KUNCI_INDIKATOR, KOLOM_TAHUN, KOLOM_TRIWULAN)
    relasi_ekspor = (*relasi_indikator("indikator"), "tingkat")

    kode_opd, tahun_awal, revisi, level, kode_pemilik, indikator = kolom_kunci_indikator("indikator")
    tahun = kolom(KOLOM_TAHUN, "tahun", BulatWidget(rules.parse_angka))
    triwulan = kolom(KOLOM_TRIWULAN, "triwulan", BulatWidget(rules.parse_angka))
    nilai = kolom("Nilai", "nilai", AngkaWidget(rules.parse_angka))
    pembilang = kolom("Pembilang", "pembilang", AngkaWidget(rules.parse_angka))
    penyebut = kolom("Penyebut", "penyebut", AngkaWidget(rules.parse_angka))
    tingkat = kolom("Tingkatan", "tingkat", KunciWidget(cari_tingkat, lambda t: t.nama))
    rencana_aksi = kolom("Rencana aksi", "rencana_aksi")
    permasalahan = kolom("Permasalahan", "permasalahan")
    tindak_lanjut = kolom("Tindak lanjut / upaya", "tindak_lanjut")
    keterangan = kolom("Keterangan", "keterangan")

    class Meta:
        model = Realisasi
        name = "Realisasi"
        import_id_fields = ("indikator", "tahun", "triwulan")
        fields = (
            "kode_opd", "tahun_awal", "revisi", "level", "kode_pemilik", "indikator", "tahun", "triwulan",
            "nilai", "pembilang", "penyebut", "tingkat", "rencana_aksi", "permasalahan", "tindak_lanjut",
            "keterangan", "versi",
        )  # fmt: skip


class RealisasiAnggaranResource(JejakResource):
    kolom_kunci = (*KUNCI_SUB_KEGIATAN, KOLOM_TAHUN, KOLOM_TRIWULAN)
    relasi_ekspor = ("sub_kegiatan__kegiatan__program__renstra__opd",)

    kode_opd, tahun_awal, revisi, sub_kegiatan = kolom_kunci_sub_kegiatan("sub_kegiatan")
    tahun = kolom(KOLOM_TAHUN, "tahun", BulatWidget(rules.parse_angka))
    triwulan = kolom(KOLOM_TRIWULAN, "triwulan", BulatWidget(rules.parse_angka))
    nilai = kolom("Realisasi (Rp)", "nilai", BulatWidget(rules.parse_angka))
    keterangan = kolom("Keterangan", "keterangan")

    class Meta:
        model = RealisasiAnggaran
        name = "Realisasi anggaran"
        import_id_fields = ("sub_kegiatan", "tahun", "triwulan")
        fields = (
            "kode_opd", "tahun_awal", "revisi", "sub_kegiatan", "tahun", "triwulan", "nilai", "keterangan", "versi"
        )  # fmt: skip

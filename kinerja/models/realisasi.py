"""What was achieved: quarterly realisation of indicators (with the narrative of the quarterly
forms and evidence files) and quarterly financial realisation of sub kegiatan."""

import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from kinerja import rules
from kinerja.periode import romawi
from renstra.models import Indikator, SubKegiatan, Tingkat
from renstra.models.indikator import ANGKA, periksa_tingkat_sesuai_indikator
from renstra.models.periode import cek_tahun, cek_tidak_negatif, cek_triwulan, field_triwulan
from renstra.models.rencana import periksa_tahun_dalam_periode

from .jejak import Jejak


class Realisasi(Jejak):
    """The value of an indicator in one quarter, as the quarterly forms report it.

    A value of 0 means nothing was achieved that quarter (the workbooks write `-`); a missing
    row or an empty value means the quarter was not reported.
    """

    indikator = models.ForeignKey(
        Indikator, verbose_name="indikator", on_delete=models.PROTECT, related_name="realisasi"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = field_triwulan()
    nilai = models.DecimalField("nilai", **ANGKA, null=True, blank=True)
    # The workbook wrote this 0 as "-" (seed 000 writes most zeros so, a few as "0"): the
    # Evaluasi Triwulan prints it back as "-"; it counts as 0 everywhere.
    tertulis_strip = models.BooleanField(
        'tertulis "-"', default=False, help_text='Nilai 0 yang pada berkas impor ditulis "-".'
    )
    # Components may be rupiah (the ARG of PUG: 527.091.670.494 / 1.194.818.506.736), hence
    # thirteen integer digits and two decimals, still within 15 digits that SQLite keeps exactly.
    pembilang = models.DecimalField("pembilang", max_digits=15, decimal_places=2, null=True, blank=True)
    penyebut = models.DecimalField("penyebut", max_digits=15, decimal_places=2, null=True, blank=True)
    tingkat = models.ForeignKey(
        Tingkat, verbose_name="tingkatan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The narrative columns of the quarterly forms, in their order.
    NARASI = ("rencana_aksi", "permasalahan", "tindak_lanjut", "keterangan")
    KUNCI_ALAMI = ("indikator", "tahun", "triwulan")

    rencana_aksi = models.TextField("rencana aksi", blank=True)
    permasalahan = models.TextField("permasalahan", blank=True)
    tindak_lanjut = models.TextField("tindak lanjut / upaya", blank=True)
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["indikator_id", "tahun", "triwulan"]
        constraints = [
            cek_tahun("realisasi_tahun_wajar"),
            cek_triwulan("realisasi_triwulan_1_4"),
            models.CheckConstraint(
                condition=(Q(pembilang__gte=0) | Q(pembilang__isnull=True))
                & (Q(penyebut__gte=0) | Q(penyebut__isnull=True)),
                name="realisasi_komponen_tidak_negatif",
                violation_error_message="Pembilang dan penyebut tidak boleh negatif.",
            ),
            models.CheckConstraint(
                condition=Q(nilai__isnull=True) | Q(tingkat__isnull=True),
                name="realisasi_angka_atau_tingkat",
                violation_error_message="Isi angka atau tingkatan, tidak keduanya.",
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"],
                name="realisasi_unik",
                violation_error_message="Realisasi indikator ini untuk triwulan itu sudah ada.",
            ),
        ]

    def __str__(self):
        return f"{self.indikator} — {self.tahun} TW {self.triwulan}"

    @property
    def punya_nilai(self):
        """A value: a number, a level, or the components of a formula."""
        return (
            self.nilai is not None
            or self.tingkat_id is not None
            or self.pembilang is not None
            or self.penyebut is not None
        )

    @property
    def terisi(self):
        """Reported: a value (a level, or the components of a formula) or an explanation why not."""
        return self.punya_nilai or bool(self.keterangan.strip())

    def clean(self):
        super().clean()
        # An import validates the realisations of an indicator new in its file before saving it.
        if (self.indikator_id or Realisasi.indikator.is_cached(self)) and (
            pesan := self.indikator.pesan_pecahan(self.nilai, rules.format_angka)
        ):
            raise ValidationError({"nilai": pesan})
        if not self.indikator_id:
            return
        if self.punya_nilai and (pesan := pesan_bukan_triwulan_tahunan(self.indikator, self.tahun, self.triwulan)):
            raise ValidationError({"nilai": pesan})
        periksa_tahun_dalam_periode(self.indikator.renstra, self.tahun)
        if self.tingkat_id or self.nilai is not None:
            periksa_tingkat_sesuai_indikator(self.indikator, self.tingkat, self.nilai)
        if (self.pembilang is None) != (self.penyebut is None):
            raise ValidationError({"penyebut": "Isi pembilang dan penyebut bersama-sama."})


def pesan_bukan_triwulan_tahunan(indikator, tahun, triwulan):
    """Why `indikator` can have no value in `triwulan` of `tahun`: an annual indicator's only value
    is the year's, kept with the quarter that closes the year. None when it can."""
    if rules.diukur_pada(indikator.tahunan, triwulan):
        return None
    return (
        f'Indikator "{indikator.uraian}" diukur tahunan: realisasinya diisi sekali setahun sebagai '
        f"realisasi tahunan {tahun} pada Triwulan IV, bukan pada Triwulan {romawi(triwulan)}."
    )


def lokasi_data_dukung(instance, filename):
    """data_dukung/<opd>/<tahun>/tw<n>/<random>.<ext>: the stored name never comes from the user."""
    realisasi = instance.realisasi
    akhiran = PurePath(filename).suffix.lower()[:10]
    opd = slugify(realisasi.indikator.renstra.opd.kode)
    return f"data_dukung/{opd}/{realisasi.tahun}/tw{realisasi.triwulan}/{uuid.uuid4().hex}{akhiran}"


# Control characters, quotes and what Windows forbids in a file name: read wrongly in a
# Content-Disposition header or refused when the file is saved.
_TIDAK_AMAN = re.compile(r'["*:<>?|;]')
_KENDALI = re.compile(r"[\x00-\x1f\x7f]+")


def nama_unduhan_aman(nama, akhiran):
    r"""The name an evidence file is downloaded under: the last part of `nama` without control
    characters, quotes or characters a file system forbids, ending with `akhiran`, the extension
    of the stored file whose content was checked.

    >>> nama_unduhan_aman('..\\Laporan "TW I".html', ".pdf")
    'Laporan _TW I_.html.pdf'
    """
    nama = re.split(r"[/\\]", nama)[-1]
    nama = _TIDAK_AMAN.sub("_", _KENDALI.sub(" ", nama))
    nama = " ".join(nama.split()).strip(". ") or "data-dukung"
    return nama if nama.lower().endswith(akhiran) else nama + akhiran


class DataDukung(models.Model):
    """An evidence file attached to a realisation; downloadable only by users who may see its OPD."""

    realisasi = models.ForeignKey(
        Realisasi, verbose_name="realisasi", on_delete=models.CASCADE, related_name="data_dukung"
    )
    berkas = models.FileField("berkas", upload_to=lokasi_data_dukung, max_length=255)
    nama_asli = models.CharField("nama berkas", max_length=255)
    ukuran = models.PositiveBigIntegerField("ukuran (byte)", default=0)
    tipe = models.CharField("tipe", max_length=100, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diunggah oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "data dukung"
        verbose_name_plural = "data dukung"
        ordering = ["realisasi_id", "diunggah_pada"]

    def __str__(self):
        return self.nama_asli

    @property
    def akhiran(self):
        """The extension of the stored file (".pdf"), checked against its content on upload."""
        return PurePath(self.berkas.name).suffix.lower()

    @property
    def nama_unduhan(self):
        return nama_unduhan_aman(self.nama_asli, self.akhiran)


class RealisasiAnggaran(Jejak):
    """Money spent by a sub kegiatan in one quarter, in whole rupiah; the year is the sum."""

    sub_kegiatan = models.ForeignKey(
        SubKegiatan, verbose_name="sub kegiatan", on_delete=models.PROTECT, related_name="realisasi_anggaran"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = field_triwulan()
    nilai = models.BigIntegerField("realisasi (Rp)")
    keterangan = models.TextField("keterangan", blank=True)

    KUNCI_ALAMI = ("sub_kegiatan", "tahun", "triwulan")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi anggaran"
        verbose_name_plural = "realisasi anggaran"
        ordering = ["sub_kegiatan_id", "tahun", "triwulan"]
        constraints = [
            cek_tahun("realisasi_anggaran_tahun_wajar"),
            cek_triwulan("realisasi_anggaran_triwulan_1_4"),
            cek_tidak_negatif("realisasi_anggaran_tidak_negatif", "nilai"),
            models.UniqueConstraint(
                fields=["sub_kegiatan", "tahun", "triwulan"],
                name="realisasi_anggaran_unik",
                violation_error_message="Realisasi anggaran sub kegiatan ini untuk triwulan itu sudah ada.",
            ),
        ]

    def __str__(self):
        return f"{self.sub_kegiatan.kode} — {self.tahun} TW {self.triwulan}"

    def clean(self):
        super().clean()
        if self.sub_kegiatan_id:
            periksa_tahun_dalam_periode(self.sub_kegiatan.kegiatan.program.renstra, self.tahun)

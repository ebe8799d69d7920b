"""The agencies (perangkat daerah) and their divisions (bidang)."""

from django.core.exceptions import ValidationError
from django.db import models

from renstra.querysets import PerangkatDaerahQuerySet


class Pejabat(models.Model):
    """The head whose name, NIP and rank go into a signature block."""

    kepala_jabatan = models.CharField(
        "jabatan kepala", max_length=200, blank=True, help_text="Mis. Kepala Dinas, Plt. Kepala Dinas."
    )
    kepala_nama = models.CharField("nama kepala", max_length=200, blank=True)
    kepala_nip = models.CharField("NIP kepala", max_length=30, blank=True)
    kepala_pangkat = models.CharField(
        "pangkat/golongan kepala", max_length=100, blank=True, help_text="Mis. Pembina Utama Muda / IV.c."
    )

    class Meta:
        abstract = True


class PerangkatDaerah(Pejabat):
    """An agency. Operators see their own; users with `lihat_semua_opd` (Verifikator, Admin) all."""

    kode = models.CharField(
        "kode",
        max_length=50,
        unique=True,
        help_text="Kode unik perangkat daerah, mis. DSPPPA-BELITUNG.",
        error_messages={"unique": "Kode perangkat daerah ini sudah dipakai."},
    )
    nama = models.CharField("nama", max_length=255)
    singkatan = models.CharField("singkatan", max_length=50, blank=True)
    alamat = models.CharField("alamat", max_length=255, blank=True)
    kota = models.CharField(
        "kota", max_length=100, blank=True, help_text="Tempat penandatanganan laporan, mis. Tanjungpandan."
    )
    wilayah = models.CharField(
        "wilayah",
        max_length=200,
        blank=True,
        help_text="Kabupaten/kota atau provinsi, mis. Kabupaten Belitung: tujuan daerah (RPJMD/RPD) dicatat sekali "
        "per wilayah.",
    )
    kepala_daerah_jabatan = models.CharField(
        "jabatan kepala daerah", max_length=200, blank=True, help_text="Mis. Bupati Belitung."
    )
    kepala_daerah_nama = models.CharField(
        "nama kepala daerah",
        max_length=200,
        blank=True,
        help_text="Pihak kedua yang menandatangani Perjanjian Kinerja bersama kepala perangkat daerah.",
    )
    pelaporan_per_bidang = models.BooleanField(
        "pelaporan per bidang",
        default=False,
        help_text="Setiap bidang mengajukan realisasi triwulannya sendiri; indikator tujuan/sasaran dan "
        "program tanpa bidang diajukan di tingkat perangkat daerah.",
    )

    objects = PerangkatDaerahQuerySet.as_manager()

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["kode"]
        permissions = [("lihat_semua_opd", "Dapat melihat data semua perangkat daerah")]

    def __str__(self):
        return self.nama


class Bidang(Pejabat):
    opd = models.ForeignKey(
        PerangkatDaerah, verbose_name="perangkat daerah", on_delete=models.CASCADE, related_name="bidang"
    )
    kode = models.CharField("kode", max_length=20, blank=True)
    nama = models.CharField("nama", max_length=255)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "bidang"
        verbose_name_plural = "bidang"
        ordering = ["opd_id", "urutan", "kode", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "nama"],
                name="bidang_nama_unik_per_opd",
                violation_error_message="Perangkat daerah ini sudah mempunyai bidang dengan nama itu.",
            ),
        ]

    def __str__(self):
        return self.nama


def periksa_bidang_milik_opd(bidang, opd, field="bidang"):
    """Raise when a bidang is chosen that belongs to another perangkat daerah."""
    if bidang is not None and opd is not None and bidang.opd_id != opd.pk:
        raise ValidationError({field: f'Bidang "{bidang}" bukan bagian dari {opd}.'})

"""The region's goals that the agencies' plans serve: the tujuan of the RPJMD (or of the RPD, the
transitional plan of a region without an elected head, Inmendagri 52/2022) and their indicators,
kept once per region and drawn above the agencies' tujuan in the Pohon Kinerja (seed 001:
"TUJUAN RPD", "INDIKATOR RPD")."""

from django.db import models
from django.db.models import F, Q

from .periode import cek_tahun


class TujuanDaerah(models.Model):
    class Dokumen(models.TextChoices):
        RPJMD = "RPJMD", "RPJMD"
        RPD = "RPD", "RPD"

    wilayah = models.CharField(
        "wilayah",
        max_length=200,
        help_text="Sama persis dengan isian wilayah perangkat daerah, mis. Kabupaten Banjarnegara.",
    )
    dokumen = models.CharField("dokumen", max_length=5, choices=Dokumen.choices, default=Dokumen.RPJMD)
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    kode = models.CharField("kode", max_length=20, help_text="Nomor tujuan dalam dokumen, mis. 1.")
    uraian = models.TextField("uraian")

    class Meta:
        verbose_name = "tujuan daerah (RPJMD/RPD)"
        verbose_name_plural = "tujuan daerah (RPJMD/RPD)"
        ordering = ["wilayah", "-tahun_awal", "dokumen", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "dokumen", "tahun_awal", "kode"],
                name="tujuan_daerah_kode_unik",
                violation_error_message="Kode tujuan ini sudah dipakai dalam dokumen daerah yang sama.",
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=F("tahun_awal")),
                name="tujuan_daerah_periode_berurutan",
                violation_error_message="Tahun akhir tidak boleh sebelum tahun awal.",
            ),
            cek_tahun("tujuan_daerah_tahun_awal_wajar", "tahun_awal"),
        ]

    def __str__(self):
        return f"{self.dokumen} {self.wilayah} {self.periode}: {self.kode}. {self.uraian}"

    @property
    def periode(self):
        return f"{self.tahun_awal}–{self.tahun_akhir}"


class IndikatorDaerah(models.Model):
    tujuan = models.ForeignKey(
        TujuanDaerah, verbose_name="tujuan daerah", on_delete=models.CASCADE, related_name="indikator"
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    uraian = models.TextField("uraian")
    satuan = models.CharField("satuan", max_length=100, blank=True)

    class Meta:
        verbose_name = "indikator tujuan daerah"
        verbose_name_plural = "indikator tujuan daerah"
        ordering = ["tujuan_id", "urutan", "pk"]

    def __str__(self):
        return self.uraian

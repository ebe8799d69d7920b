"""Submission of a quarter: one agency (or one bidang), one year, one quarter."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from renstra.models import Bidang, PerangkatDaerah
from renstra.models.opd import periksa_bidang_milik_opd
from renstra.models.periode import cek_tahun, cek_triwulan, field_triwulan


class StatusPelaporan(models.TextChoices):
    DRAFT = "draft", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"


class Pelaporan(models.Model):
    """draft → diajukan → diverifikasi | dikembalikan. A verified quarter is locked; only an
    admin reopens it, and the history records who did so and why."""

    Status = StatusPelaporan

    opd = models.ForeignKey(
        PerangkatDaerah, verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="pelaporan"
    )
    bidang = models.ForeignKey(
        Bidang,
        verbose_name="bidang",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pelaporan",
        help_text="Kosongkan bila perangkat daerah melapor sebagai satu kesatuan.",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = field_triwulan()
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        error_messages={"invalid_choice": "Status pelaporan tidak dikenal."},
    )
    catatan = models.TextField("catatan verifikator", blank=True)
    diajukan_pada = models.DateTimeField("diajukan pada", null=True, blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diajukan oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diverifikasi_pada = models.DateTimeField("diverifikasi pada", null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diverifikasi oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terlambat = models.BooleanField("diajukan setelah batas waktu", default=False)
    batas_waktu = models.DateTimeField(
        "batas waktu khusus",
        null=True,
        blank=True,
        help_text="Isi untuk memperpanjang batas waktu perangkat daerah ini saja; kosong berarti batas "
        "waktu umum (KINERJA_BATAS_WAKTU_TRIWULAN). Perubahan tercatat di riwayat.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "pelaporan"
        verbose_name_plural = "pelaporan"
        ordering = ["opd_id", "tahun", "triwulan", "bidang_id"]
        permissions = [
            ("verifikasi_pelaporan", "Dapat memverifikasi atau mengembalikan pelaporan"),
            ("buka_kembali_pelaporan", "Dapat membuka kembali pelaporan yang diajukan atau diverifikasi"),
        ]
        constraints = [
            cek_tahun("pelaporan_tahun_wajar"),
            cek_triwulan("pelaporan_triwulan_1_4"),
            models.CheckConstraint(
                condition=Q(status__in=StatusPelaporan.values),
                name="pelaporan_status_dikenal",
                violation_error_message="Status pelaporan tidak dikenal.",
            ),
            models.UniqueConstraint(
                fields=["opd", "tahun", "triwulan"],
                condition=Q(bidang__isnull=True),
                name="pelaporan_opd_unik",
                violation_error_message="Pelaporan perangkat daerah ini untuk triwulan itu sudah ada.",
            ),
            models.UniqueConstraint(
                fields=["opd", "bidang", "tahun", "triwulan"],
                condition=Q(bidang__isnull=False),
                name="pelaporan_bidang_unik",
                violation_error_message="Pelaporan bidang ini untuk triwulan itu sudah ada.",
            ),
        ]

    def __str__(self):
        unit = self.bidang or self.opd
        return f"{unit} — {self.tahun} TW {self.triwulan} ({self.get_status_display()})"

    def clean(self):
        super().clean()
        periksa_bidang_milik_opd(self.bidang, self.opd if self.opd_id else None)

    def url_tinjau(self):
        """The review page of the submission, where it is verified, returned or reopened."""
        url = reverse("kinerja:tinjau", args=[self.opd.kode, self.tahun, self.triwulan])
        return url + (f"?unit={self.bidang_id}" if self.bidang_id else "")

"""The discussion of a submission between its operators and the Bappeda's verifikator, and the
follow-up (tindak lanjut) of the verifikator's recommendations, answered in the next quarter.

A note (`CatatanDiskusi`) belongs to one submission (one agency or bidang, one quarter), may
concern one indicator, and may answer another note. The verifikator marks a note as a finding
(temuan) or a recommendation (rekomendasi); returning or verifying a quarter with a note writes a
note of kind keputusan. Each recommendation becomes a `TindakLanjut` of the next quarter, which the
agency answers on that quarter's entry page (selesai, dalam proses, belum) and the verifikator
reads when reviewing it; the LKjIP lists them.
"""

from django.conf import settings
from django.db import models

from renstra.models.periode import field_triwulan


class JenisCatatan(models.TextChoices):
    CATATAN = "catatan", "Catatan"
    TEMUAN = "temuan", "Temuan"
    REKOMENDASI = "rekomendasi", "Rekomendasi"
    KEPUTUSAN = "keputusan", "Keputusan"


class CatatanDiskusi(models.Model):
    Jenis = JenisCatatan

    pelaporan = models.ForeignKey(
        "kinerja.Pelaporan", verbose_name="pelaporan", on_delete=models.CASCADE, related_name="diskusi"
    )
    indikator = models.ForeignKey(
        "renstra.Indikator",
        verbose_name="indikator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Kosongkan bila catatan untuk triwulan ini seluruhnya.",
    )
    menjawab = models.ForeignKey(
        "self", verbose_name="menjawab", null=True, blank=True, on_delete=models.CASCADE, related_name="jawaban"
    )
    jenis = models.CharField(
        "jenis",
        max_length=20,
        choices=Jenis.choices,
        default=Jenis.CATATAN,
        error_messages={"invalid_choice": "Jenis catatan tidak dikenal."},
    )
    keputusan = models.CharField(
        "keputusan", max_length=20, blank=True, help_text="Status yang diberikan bersama catatan ini, bila ada."
    )
    isi = models.TextField("isi")
    penulis = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="penulis", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dari_verifikator = models.BooleanField("dari verifikator", default=False)
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)

    class Meta:
        verbose_name = "catatan diskusi"
        verbose_name_plural = "catatan diskusi"
        ordering = ["pelaporan_id", "dibuat_pada", "pk"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["pelaporan", "dibuat_pada"], name="diskusi_pelaporan_waktu")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jenis__in=JenisCatatan.values),
                name="diskusi_jenis_dikenal",
                violation_error_message="Jenis catatan tidak dikenal.",
            ),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.pelaporan}: {self.isi[:60]}"


class StatusTindakLanjut(models.TextChoices):
    BELUM = "belum", "Belum ditindaklanjuti"
    PROSES = "proses", "Dalam proses"
    SELESAI = "selesai", "Selesai"


class TindakLanjut(models.Model):
    """A recommendation of one quarter, to be answered by the agency in the quarter after it
    (`tahun`, `triwulan`: TW I of the next year after TW IV)."""

    Status = StatusTindakLanjut

    rekomendasi = models.OneToOneField(
        CatatanDiskusi, verbose_name="rekomendasi", on_delete=models.CASCADE, related_name="tindak_lanjut"
    )
    opd = models.ForeignKey(
        "renstra.PerangkatDaerah", verbose_name="perangkat daerah", on_delete=models.CASCADE, related_name="+"
    )
    bidang = models.ForeignKey(
        "renstra.Bidang", verbose_name="bidang", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun ditindaklanjuti")
    triwulan = field_triwulan()
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.BELUM,
        error_messages={"invalid_choice": "Status tindak lanjut tidak dikenal."},
    )
    catatan = models.TextField("catatan tindak lanjut", blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dijawab oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dijawab_pada = models.DateTimeField("dijawab pada", null=True, blank=True)

    class Meta:
        verbose_name = "tindak lanjut"
        verbose_name_plural = "tindak lanjut"
        ordering = ["opd_id", "tahun", "triwulan", "pk"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["opd", "tahun", "triwulan"], name="tindak_lanjut_periode")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=StatusTindakLanjut.values),
                name="tindak_lanjut_status_dikenal",
                violation_error_message="Status tindak lanjut tidak dikenal.",
            ),
        ]

    def __str__(self):
        return f"Tindak lanjut {self.opd} {self.tahun} TW {self.triwulan}: {self.get_status_display()}"

"""A reminder sent (kinerja.pengingat): to whom, when, why, through which channel. Its `kunci`
names the occasion (the unit, the quarter, the kind and its day), unique, so that the same
reminder is never sent twice however often `manage.py pengingat` runs."""

from django.conf import settings
from django.db import models


class JenisPengingat(models.TextChoices):
    SEBELUM = "sebelum", "Sebelum batas waktu"
    HARI_INI = "hari-ini", "Pada hari batas waktu"
    TERLAMBAT = "terlambat", "Terlambat"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan belum diajukan lagi"
    RINGKASAN = "ringkasan", "Ringkasan harian verifikator"


class Pengingat(models.Model):
    Jenis = JenisPengingat

    kunci = models.CharField("kunci", max_length=200, unique=True)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="penerima", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    alamat = models.CharField("alamat", max_length=254, help_text="Alamat e-mail (atau nomor) saat dikirim.")
    saluran = models.CharField("saluran", max_length=20, default="email")
    pelaporan = models.ForeignKey(
        "kinerja.Pelaporan",
        verbose_name="pelaporan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pengingat",
    )
    opd = models.ForeignKey(
        "renstra.PerangkatDaerah",
        verbose_name="perangkat daerah",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    tahun = models.PositiveSmallIntegerField("tahun", null=True, blank=True)
    triwulan = models.PositiveSmallIntegerField("triwulan", null=True, blank=True)
    subjek = models.CharField("subjek", max_length=200)
    alasan = models.CharField("alasan", max_length=200)
    dikirim_pada = models.DateTimeField("dikirim pada", auto_now_add=True)

    class Meta:
        verbose_name = "pengingat"
        verbose_name_plural = "pengingat"
        ordering = ["-dikirim_pada", "pk"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["opd", "tahun", "triwulan"], name="pengingat_periode")]

    def __str__(self):
        return f"{self.get_jenis_display()} → {self.alamat}"

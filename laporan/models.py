"""Printed reports: a PDF waiting for the worker, being printed, or ready to download."""

import uuid

from django.conf import settings
from django.db import models

from renstra.models import PerangkatDaerah


class Cetakan(models.Model):
    """One report printed to PDF from one HTML document, identified by the document's digest
    (`sidik`): the same report with the same data, asked for by anyone, is printed once and its
    file served at once afterwards, for KINERJA_SIMPAN_PDF_DETIK seconds. Data that changed
    give another document, hence another print. The HTML is kept only until it is printed."""

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu giliran"
        MENCETAK = "mencetak", "Sedang dicetak"
        SIAP = "siap", "Siap diunduh"
        GAGAL = "gagal", "Gagal"

    BERJALAN = (Status.ANTRE, Status.MENCETAK)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sidik = models.CharField("sidik HTML (SHA-256)", max_length=64, unique=True)
    opd = models.ForeignKey(
        PerangkatDaerah,
        verbose_name="perangkat daerah",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Kosong untuk laporan seluruh wilayah.",
    )
    judul = models.CharField("judul", max_length=255)
    nama_berkas = models.CharField("nama berkas", max_length=255)
    html = models.TextField("HTML yang dicetak", blank=True)
    berkas = models.FileField("berkas PDF", upload_to="cetak/%Y/%m/", max_length=255, blank=True)
    ukuran = models.PositiveBigIntegerField("ukuran (byte)", default=0)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ANTRE)
    pesan = models.TextField("pesan", blank=True)
    tugas = models.CharField("pekerjaan", max_length=64, blank=True, editable=False)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="diminta oleh", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField("diminta pada", auto_now_add=True)
    mulai_pada = models.DateTimeField("mulai dicetak", null=True, blank=True)
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)

    class Meta:
        verbose_name = "cetakan PDF"
        verbose_name_plural = "cetakan PDF"
        ordering = ["-dibuat_pada"]

    def __str__(self):
        return f"{self.judul} ({self.get_status_display()})"

    @property
    def berjalan(self):
        return self.status in self.BERJALAN

    @property
    def siap(self):
        return self.status == self.Status.SIAP and bool(self.berkas)

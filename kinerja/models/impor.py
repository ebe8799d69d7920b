"""An upload of a workbook to import: its file, what the check found and what was written."""

from django.conf import settings
from django.db import models

from renstra.models import PerangkatDaerah
from renstra.models.periode import cek_tahun


class Impor(models.Model):
    """One file through the import: checked (preview) first, then, when the admin confirms and
    the check found no error, written in one transaction. `hasil` keeps the preview or, after
    writing, what was written (see `kinerja.importers.hasil.Hasil`). Checking and writing are
    jobs a worker runs (`kinerja.importers.tugas`); `tugas` is the running or last job's id."""

    class Status(models.TextChoices):
        MEMERIKSA = "memeriksa", "Sedang diperiksa"
        SIAP = "siap", "Siap diimpor"
        GALAT = "galat", "Ada galat"
        MENYIMPAN = "menyimpan", "Sedang disimpan"
        SELESAI = "selesai", "Sudah diimpor"
        GAGAL = "gagal", "Gagal"

    BERJALAN = (Status.MEMERIKSA, Status.MENYIMPAN)

    format = models.CharField("format", max_length=30)
    opd = models.ForeignKey(
        PerangkatDaerah, verbose_name="perangkat daerah", on_delete=models.CASCADE, related_name="impor"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    berkas = models.FileField("berkas", upload_to="impor/%Y/%m/", max_length=255)
    nama_asli = models.CharField("nama berkas", max_length=255)
    ukuran = models.PositiveBigIntegerField("ukuran (byte)", default=0)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.MEMERIKSA)
    hasil = models.JSONField("hasil", default=dict, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="diunggah oleh", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField("diunggah pada", auto_now_add=True)
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)
    disimpan_pada = models.DateTimeField("diimpor pada", null=True, blank=True)
    tugas = models.CharField("pekerjaan", max_length=64, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = "impor"
        verbose_name_plural = "impor"
        ordering = ["-dibuat_pada"]
        constraints = [cek_tahun("impor_tahun_wajar")]

    def __str__(self):
        return f"{self.nama_asli} ({self.opd}, {self.tahun})"

    @property
    def berjalan(self):
        return self.status in self.BERJALAN

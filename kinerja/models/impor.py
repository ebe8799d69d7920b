"""An upload of a workbook to import: its file, what the check found and what was written."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce

from renstra.models import PerangkatDaerah
from renstra.models.periode import cek_tahun


class ImporQuerySet(models.QuerySet):
    def dengan_pengganti(self):
        """Annotate `pengganti_id`: the latest import of the same agency, format and year written
        after this upload's check began (its preview no longer says what a write would do), or
        None."""
        lebih_baru = (
            Impor.objects.filter(
                opd=OuterRef("opd"),
                format=OuterRef("format"),
                tahun=OuterRef("tahun"),
                status=Impor.Status.SELESAI,
                disimpan_pada__gt=Coalesce(OuterRef("diperiksa_pada"), OuterRef("dibuat_pada")),
            )
            .exclude(pk=OuterRef("pk"))
            .order_by("-disimpan_pada")
        )
        return self.annotate(pengganti_id=Subquery(lebih_baru.values("pk")[:1]))


class Impor(models.Model):
    """One file through the import: checked (preview) first, then, when the admin confirms and
    the check found no error, written in one transaction. `hasil` keeps the preview or, after
    writing, what was written (see `kinerja.importers.hasil.Hasil`). Checking and writing are
    jobs a worker runs (`kinerja.importers.tugas`); `tugas` is the running or last job's id.

    The status says what happened: a check ends "siap" (something to write), "tanpa_perubahan"
    (the file equals the data: nothing to approve) or "galat"; a write ends "selesai" or "galat".
    A "siap" preview is *usang* (stale) once another import of the same agency, format and year
    was written after its check began (`ImporQuerySet.dengan_pengganti`): derived, not stored, so
    that it holds however the later import came; approving it is refused, checking it again
    makes it current (kinerja.importers.tugas)."""

    class Status(models.TextChoices):
        MEMERIKSA = "memeriksa", "Sedang diperiksa"
        SIAP = "siap", "Siap diimpor"
        TANPA_PERUBAHAN = "tanpa_perubahan", "Tidak ada perubahan"
        GALAT = "galat", "Ada galat"
        MENYIMPAN = "menyimpan", "Sedang disimpan"
        SELESAI = "selesai", "Sudah diimpor"
        GAGAL = "gagal", "Gagal"

    BERJALAN = (Status.MEMERIKSA, Status.MENYIMPAN)
    LABEL_USANG = "Usang: sudah ada impor yang lebih baru"

    format = models.CharField("format", max_length=30)
    opd = models.ForeignKey(
        PerangkatDaerah,
        verbose_name="perangkat daerah",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="impor",
        help_text="Kosong untuk buku kerja Renstra lengkap yang membuat perangkat daerahnya sendiri; diisi "
        "dengan perangkat daerah itu setelah disimpan.",
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
    diperiksa_pada = models.DateTimeField(
        "diperiksa pada",
        null=True,
        blank=True,
        editable=False,
        help_text="Saat pemeriksaan terakhir mulai membaca data: pratinjaunya menggambarkan data pada saat itu.",
    )

    objects = ImporQuerySet.as_manager()

    class Meta:
        verbose_name = "impor"
        verbose_name_plural = "impor"
        ordering = ["-dibuat_pada"]
        constraints = [cek_tahun("impor_tahun_wajar")]

    def __str__(self):
        return f"{self.nama_asli} ({self.opd or 'perangkat daerah baru dari berkas'}, {self.keterangan_tahun})"

    @property
    def tahun_tampil(self):
        """The year as pages show it: a format whose workbook carries its own period (the whole
        Renstra) is not about the year the form held."""
        from kinerja.importers import FORMAT  # the importers import this module

        if getattr(FORMAT.get(self.format), "TAHUN_DARI_BERKAS", False):
            return "dari berkas"
        return str(self.tahun)

    @property
    def keterangan_tahun(self):
        """ "tahun 2025", or "periode dari berkas" for a workbook that carries its own period."""
        return f"tahun {self.tahun}" if self.tahun_tampil == str(self.tahun) else "periode dari berkas"

    @property
    def berjalan(self):
        return self.status in self.BERJALAN

    @property
    def usang(self):
        """A preview to approve that a later import superseded (needs `dengan_pengganti`)."""
        return self.status == self.Status.SIAP and getattr(self, "pengganti_id", None) is not None

    @property
    def keadaan(self):
        """The state to show: the status, or "usang" for a superseded preview."""
        return "usang" if self.usang else self.status

    @property
    def label_keadaan(self):
        return self.LABEL_USANG if self.usang else self.get_status_display()

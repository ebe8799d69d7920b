"""Data notes: what an import (or the demo's reading of a printed document) found wrong with a
value, kept with the value it concerns until someone resolves it.

A warning of an import is said once, in the preview; a data note lasts. It names the value (the
indicator and quarter, or the sub kegiatan, kegiatan or program), where it was read (workbook,
sheet, cell), what was printed and what Kinerja computed, and who imported it. The reports list
the open notes (the LKjIP's "Masalah data", a numbered footnote beside the value in the
evaluation tables), as do the agency dashboard and the Admin, until someone resolves the note —
accepts the computed value, corrects the data, or marks the printed value as wrong — with a note;
the history keeps who did what."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from renstra.models import Indikator, Kegiatan, PerangkatDaerah, Program, SubKegiatan
from renstra.models.periode import cek_tahun, field_triwulan

# how a data note names the value it concerns (`CatatanData.medan`; also the demo's `salah_cetak`)
NAMA_MEDAN = {
    "realisasi": "Realisasi",
    "target": "Target",
    "capaian": "Capaian",
    "kondisi_akhir": "Kondisi akhir",
    "pembilang": "Pembilang realisasi",
    "penyebut": "Penyebut realisasi",
    "pagu": "Pagu",
    "pagu_induk": "Pagu induk",
    "pagu_perubahan": "Pagu perubahan",
    "realisasi_anggaran": "Realisasi anggaran",
    "serapan": "Serapan anggaran",
}


class CatatanDataQuerySet(models.QuerySet):
    def terbuka(self):
        return self.filter(status=CatatanData.Status.TERBUKA)

    def untuk_tahun(self, opd, tahun):
        """The notes of `opd` about `tahun`, and those not tied to a year (a Renstra's workbook)."""
        return self.filter(Q(tahun=tahun) | Q(tahun__isnull=True), opd=opd)


class CatatanData(models.Model):
    class Jenis(models.TextChoices):
        PERSEN = "persen", "Persen tercetak berbeda dari hitungan"
        JUMLAH = "jumlah", "Jumlah tercetak berbeda dari jumlah rinciannya"
        KONDISI_AKHIR = "kondisi_akhir", "Kondisi akhir tercetak berbeda dari aturan indikator"
        RENTANG = "rentang", "Nilai di luar rentang wajar"
        NAMA = "nama", "Nama mirip atau kembar"
        SEL = "sel", "Isi sel tidak lazim"
        DOKUMEN = "dokumen", "Salah cetak di dokumen sumber"
        LAIN = "lain", "Peringatan lain"

    class Status(models.TextChoices):
        TERBUKA = "terbuka", "Terbuka"
        HITUNGAN_DITERIMA = "hitungan_diterima", "Nilai hitungan diterima"
        DATA_DIPERBAIKI = "data_diperbaiki", "Data sudah diperbaiki"
        CETAKAN_SALAH = "cetakan_salah", "Nilai tercetak salah"

    opd = models.ForeignKey(
        PerangkatDaerah, verbose_name="perangkat daerah", on_delete=models.CASCADE, related_name="catatan_data"
    )
    tahun = models.PositiveSmallIntegerField(
        "tahun", null=True, blank=True, help_text="Tahun yang dibicarakan; kosong untuk catatan sebuah Renstra."
    )
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices, default=Jenis.LAIN)
    pesan = models.TextField("pesan")
    tercetak = models.CharField("tercetak", max_length=120, blank=True, help_text="Nilai sebagaimana tercetak.")
    dihitung = models.CharField("dihitung", max_length=120, blank=True, help_text="Nilai yang dihitung Kinerja.")
    medan = models.CharField(
        "nilai yang dimaksud",
        max_length=30,
        blank=True,
        help_text="Nilai baris yang dimaksud: capaian, realisasi, target, kondisi_akhir, pagu, realisasi_anggaran …",
    )
    indikator = models.ForeignKey(
        Indikator, verbose_name="indikator", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    triwulan = field_triwulan(null=True, blank=True)
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, verbose_name="sub kegiatan", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, verbose_name="kegiatan", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    program = models.ForeignKey(
        Program, verbose_name="program", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    impor = models.ForeignKey(
        "kinerja.Impor", verbose_name="impor", null=True, blank=True, on_delete=models.SET_NULL, related_name="catatan"
    )
    berkas = models.CharField("berkas", max_length=255, blank=True, help_text="Buku kerja atau dokumen sumber.")
    lembar = models.CharField("lembar", max_length=120, blank=True)
    sel = models.CharField("sel", max_length=40, blank=True, help_text='Sel atau baris, mis. "F12" atau "baris 12".')
    kunci = models.CharField(
        "kunci", max_length=255, editable=False, db_index=True, help_text="Yang sama pada impor ulang berkas yang sama."
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.TERBUKA)
    penyelesaian = models.TextField("catatan penyelesaian", blank=True)
    diselesaikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diselesaikan oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diselesaikan_pada = models.DateTimeField("diselesaikan pada", null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diimpor oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)

    history = HistoricalRecords()
    objects = CatatanDataQuerySet.as_manager()

    class Meta:
        verbose_name = "catatan data"
        verbose_name_plural = "catatan data"
        ordering = ["opd", "tahun", "pk"]
        constraints = [cek_tahun("catatan_data_tahun_wajar")]
        indexes = [models.Index(fields=["opd", "tahun", "status"], name="catatan_data_opd_tahun")]

    def __str__(self):
        return self.pesan[:80]

    @property
    def terbuka(self):
        return self.status == self.Status.TERBUKA

    @property
    def letak(self):
        """Where the value was read: "berkas.xlsx, lembar TW IV, sel F12", or for a printed
        document's slip where it was printed: "LKjIP 2024 …, Tabel 3.43"."""
        dokumen = self.jenis == self.Jenis.DOKUMEN
        return ", ".join(
            b
            for b in (
                self.berkas,
                (self.lembar if dokumen else f"lembar {self.lembar}") if self.lembar else "",
                (self.sel if self.sel.startswith("baris") else f"sel {self.sel}") if self.sel else "",
            )
            if b
        )

    @property
    def simpul(self):
        """The node the note concerns: the indicator's owner, or the budget node."""
        if self.indikator_id:
            return self.indikator.pemilik
        return self.sub_kegiatan or self.kegiatan or self.program

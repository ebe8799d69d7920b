"""What the LKjIP compares the agency with, beyond its own targets (PermenPAN-RB 53/2014, Bab III:
"perbandingan realisasi kinerja ... dengan standar nasional"): an indicator's value at the national
or provincial level, or in another regency, as a ministry or agency publishes it; and the agency's
SAKIP evaluation score of each year (Tabel 3.40 of the Belitung LKjIP 2024). Both are typed in the
Admin from the documents that publish them, with history."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from renstra.models import Indikator, PerangkatDaerah
from renstra.models.periode import cek_tahun

ANGKA = {"max_digits": 15, "decimal_places": 4}


class NilaiPembanding(models.Model):
    """The value of one of the agency's indicators elsewhere in one year, as a source publishes it
    ("IDG Nasional tahun 2023 yaitu 76,59", Kemen PPPA). The unit is the indicator's."""

    class Tingkat(models.TextChoices):
        NASIONAL = "nasional", "Nasional"
        PROVINSI = "provinsi", "Provinsi"
        KABUPATEN_LAIN = "kabupaten_lain", "Kabupaten/kota lain"

    indikator = models.ForeignKey(
        Indikator, verbose_name="indikator", on_delete=models.CASCADE, related_name="nilai_pembanding"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    tingkat = models.CharField("tingkat", max_length=20, choices=Tingkat.choices)
    sumber = models.CharField(
        "sumber", max_length=200, help_text="Penerbit nilai ini, mis. Kemen PPPA, BPS, Dinas PPPA Provinsi."
    )
    nilai = models.DecimalField("nilai", **ANGKA)
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "nilai pembanding indikator"
        verbose_name_plural = "nilai pembanding indikator"
        ordering = ["indikator_id", "tahun", "tingkat", "sumber"]
        constraints = [
            cek_tahun("pembanding_tahun_wajar"),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "sumber"],
                name="pembanding_unik",
                violation_error_message="Nilai dari sumber ini untuk indikator dan tahun itu sudah ada.",
            ),
        ]

    def __str__(self):
        return f"{self.indikator.uraian} {self.tahun}: {self.get_tingkat_display()} ({self.sumber})"


class NilaiSakip(models.Model):
    """The result of the SAKIP evaluation of an agency for one year (PermenPAN-RB 88/2021): the
    score out of 100, its predikat, and who evaluated (the Inspektorat, or the agency itself)."""

    class Predikat(models.TextChoices):
        AA = "AA", "AA"
        A = "A", "A"
        BB = "BB", "BB"
        B = "B", "B"
        CC = "CC", "CC"
        C = "C", "C"
        D = "D", "D"

    opd = models.ForeignKey(
        PerangkatDaerah, verbose_name="perangkat daerah", on_delete=models.CASCADE, related_name="nilai_sakip"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    nilai = models.DecimalField(
        "nilai",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    predikat = models.CharField("predikat", max_length=2, choices=Predikat.choices)
    evaluator = models.CharField(
        "evaluator", max_length=200, help_text="Mis. Inspektorat Kabupaten, atau Mandiri untuk penilaian sendiri."
    )
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "nilai SAKIP"
        verbose_name_plural = "nilai SAKIP"
        ordering = ["opd_id", "tahun"]
        constraints = [
            cek_tahun("sakip_tahun_wajar"),
            models.CheckConstraint(
                condition=Q(nilai__gte=0, nilai__lte=100),
                name="sakip_nilai_0_100",
                violation_error_message="Nilai SAKIP antara 0 dan 100.",
            ),
            models.UniqueConstraint(
                fields=["opd", "tahun"],
                name="sakip_unik",
                violation_error_message="Nilai SAKIP perangkat daerah ini untuk tahun itu sudah ada.",
            ),
        ]

    def __str__(self):
        return f"SAKIP {self.opd.singkatan or self.opd.nama} {self.tahun}: {self.predikat}"

"""What the LKjIP compares the agency with, beyond its own targets (PermenPAN-RB 53/2014, Bab III:
"perbandingan realisasi kinerja ... dengan standar nasional"): an indicator's value at the national
or provincial level, or in another regency, as a ministry or agency publishes it; and the agency's
SAKIP evaluation score of each year (Tabel 3.40 of the Belitung LKjIP 2024). Both are typed in the
Admin from the documents that publish them, with history."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from renstra.models import Indikator, PerangkatDaerah
from renstra.models.periode import cek_tahun

ANGKA = {"max_digits": 15, "decimal_places": 4}
PESAN_URAIAN = "Uraian indikator wajib diisi bila indikator perangkat daerah tidak dipilih."
PESAN_OPD = "Perangkat daerah wajib diisi bila indikator perangkat daerah tidak dipilih."
PESAN_REALISASI = "Isi realisasi (angka) atau realisasi tercetak."


class NilaiPembanding(models.Model):
    """The value of an indicator elsewhere in one year, as a source publishes it ("IDG Nasional tahun
    2023 yaitu 76,59", Kemen PPPA): one of the agency's indicators (`indikator`), or a row of the
    source's own table of indicators (`uraian`, `kelompok`, `target`, `capaian` as printed: the Belitung
    LKjIP 2024 prints the whole "Ringkasan Capaian Kinerja Kemen PPPA Tahun 2023"). A row without an
    agency indicator belongs to the agency whose LKjIP prints it (`opd`). `nilai` is the realisation as
    a number; `realisasi_tercetak` the realisation as printed where it is not one ("WTP", "Lk=37,44 Pr =46")."""

    class Tingkat(models.TextChoices):
        NASIONAL = "nasional", "Nasional"
        PROVINSI = "provinsi", "Provinsi"
        KABUPATEN_LAIN = "kabupaten_lain", "Kabupaten/kota lain"

    indikator = models.ForeignKey(
        Indikator,
        verbose_name="indikator",
        on_delete=models.CASCADE,
        related_name="nilai_pembanding",
        null=True,
        blank=True,
        help_text="Indikator perangkat daerah yang dibandingkan; kosong untuk indikator sumber yang tidak dimiliki.",
    )
    opd = models.ForeignKey(
        PerangkatDaerah,
        verbose_name="perangkat daerah",
        on_delete=models.CASCADE,
        related_name="nilai_pembanding",
        null=True,
        blank=True,
        help_text="Perangkat daerah yang LKjIP-nya mencetak nilai ini; wajib bila indikator kosong.",
    )
    uraian = models.CharField(
        "uraian indikator", max_length=500, blank=True, help_text="Nama indikator sebagaimana dicetak sumber."
    )
    satuan = models.CharField("satuan", max_length=100, blank=True)
    kelompok = models.CharField(
        "kelompok", max_length=500, blank=True, help_text="Mis. sasaran strategis kementerian yang menaungi indikator."
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0, help_text="Nomor urut pada tabel sumber.")
    tahun = models.PositiveSmallIntegerField("tahun")
    tingkat = models.CharField("tingkat", max_length=20, choices=Tingkat.choices)
    sumber = models.CharField(
        "sumber", max_length=200, help_text="Penerbit nilai ini, mis. Kemen PPPA, BPS, Dinas PPPA Provinsi."
    )
    target = models.CharField("target", max_length=100, blank=True, help_text="Sebagaimana dicetak, mis. 77 (BB).")
    nilai = models.DecimalField("realisasi", null=True, blank=True, **ANGKA)
    realisasi_tercetak = models.CharField(
        "realisasi tercetak",
        max_length=100,
        blank=True,
        help_text="Realisasi sebagaimana dicetak bila bukan angka, mis. WTP atau Lk=37,44 Pr =46.",
    )
    capaian = models.DecimalField(
        "capaian (%)", null=True, blank=True, help_text="Sebagaimana dicetak sumber.", **ANGKA
    )
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "nilai pembanding indikator"
        verbose_name_plural = "nilai pembanding indikator"
        ordering = ["indikator_id", "tahun", "tingkat", "sumber", "urutan"]
        constraints = [
            cek_tahun("pembanding_tahun_wajar"),
            models.CheckConstraint(
                condition=Q(indikator__isnull=False) | (~Q(uraian="") & Q(opd__isnull=False)),
                name="pembanding_uraian_tanpa_indikator",
                violation_error_message="Uraian indikator dan perangkat daerah wajib diisi bila indikator kosong.",
            ),
            models.CheckConstraint(
                condition=Q(nilai__isnull=False) | ~Q(realisasi_tercetak=""),
                name="pembanding_ada_realisasi",
                violation_error_message="Isi realisasi (angka) atau realisasi tercetak.",
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "sumber"],
                condition=Q(indikator__isnull=False),
                name="pembanding_unik",
                violation_error_message="Nilai dari sumber ini untuk indikator dan tahun itu sudah ada.",
            ),
            models.UniqueConstraint(
                fields=["opd", "uraian", "tahun", "sumber"],
                condition=Q(indikator__isnull=True),
                name="pembanding_uraian_unik",
                violation_error_message="Nilai dari sumber ini untuk uraian indikator dan tahun itu sudah ada.",
            ),
        ]

    def __str__(self):
        return f"{self.nama} {self.tahun}: {self.get_tingkat_display()} ({self.sumber})"

    def save(self, *args, **kwargs):
        if self.indikator_id and not self.opd_id:  # the agency of the linked indicator, for the Admin's filter
            self.opd_id = self.indikator.renstra.opd_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        galat = {}
        if self.indikator_id is None:
            if not self.uraian.strip():
                galat["uraian"] = PESAN_URAIAN
            if self.opd_id is None:
                galat["opd"] = PESAN_OPD
        if self.nilai is None and not self.realisasi_tercetak.strip():
            galat["nilai"] = PESAN_REALISASI
        if galat:
            raise ValidationError(galat)

    @property
    def nama(self):
        """The indicator's name as the table prints it: the source's wording, or the agency's."""
        return self.uraian or (self.indikator.uraian if self.indikator_id else "")

    @property
    def realisasi(self):
        """The realisation as printed: the text where the source prints one, else the number."""
        return self.realisasi_tercetak or self.nilai


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

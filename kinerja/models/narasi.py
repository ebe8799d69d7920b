"""The prose of the yearly report that only people can write (PermenPAN-RB 53/2014, LKjIP): the
kata pengantar, the organisation's tasks, the strategic issues, and per indicator the factors
behind its result and the way forward. Kept per agency and year, with history."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from renstra.models import Indikator, PerangkatDaerah
from renstra.models.periode import cek_tahun

from .jejak import Versi


class BagianNarasi(models.TextChoices):
    """The sections of the LKjIP written by the agency, in the order of the report."""

    KATA_PENGANTAR = "kata_pengantar", "Kata Pengantar"
    RINGKASAN_EKSEKUTIF = "ringkasan_eksekutif", "Ringkasan Eksekutif (uraian tambahan)"
    TUGAS_FUNGSI = "tugas_fungsi", "Tugas dan Fungsi"
    STRUKTUR_ORGANISASI = "struktur_organisasi", "Struktur Organisasi"
    ASPEK_STRATEGIS = "aspek_strategis", "Aspek Strategis Organisasi"
    FAKTOR_PENDORONG = "faktor_pendorong", "Faktor pendorong"
    FAKTOR_PENGHAMBAT = "faktor_penghambat", "Faktor penghambat"
    SOLUSI = "solusi", "Solusi dan langkah perbaikan"
    KINERJA_LAINNYA = "kinerja_lainnya", "Kinerja Lainnya"
    KESIMPULAN = "kesimpulan", "Kesimpulan Umum"
    LANGKAH_PERBAIKAN = "langkah_perbaikan", "Langkah Perbaikan ke Depan"


PER_INDIKATOR = (BagianNarasi.FAKTOR_PENDORONG, BagianNarasi.FAKTOR_PENGHAMBAT, BagianNarasi.SOLUSI)


class NarasiLaporan(Versi):
    """One section of one agency's LKjIP of one year; the per-indicator sections name the
    indicator (of the Renstra in force that year). Its version (`Versi`) keeps two people editing
    the same section from overwriting each other unknowingly."""

    Bagian = BagianNarasi

    opd = models.ForeignKey(
        PerangkatDaerah, verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="narasi"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    bagian = models.CharField(
        "bagian",
        max_length=30,
        choices=BagianNarasi.choices,
        error_messages={"invalid_choice": "Bagian narasi tidak dikenal."},
    )
    indikator = models.ForeignKey(
        Indikator,
        verbose_name="indikator",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="narasi",
    )
    teks = models.TextField("teks", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "narasi laporan"
        verbose_name_plural = "narasi laporan"
        ordering = ["opd_id", "tahun", "bagian", "indikator_id"]
        constraints = [
            cek_tahun("narasi_tahun_wajar"),
            models.CheckConstraint(
                condition=Q(bagian__in=PER_INDIKATOR, indikator__isnull=False)
                | (~Q(bagian__in=PER_INDIKATOR) & Q(indikator__isnull=True)),
                name="narasi_indikator_sesuai_bagian",
                violation_error_message="Faktor pendorong, penghambat dan solusi ditulis per indikator; "
                "bagian lain untuk seluruh perangkat daerah.",
            ),
            models.UniqueConstraint(
                fields=["opd", "tahun", "bagian"],
                condition=Q(indikator__isnull=True),
                name="narasi_opd_unik",
                violation_error_message="Bagian ini sudah ada untuk perangkat daerah dan tahun itu.",
            ),
            models.UniqueConstraint(
                fields=["opd", "tahun", "bagian", "indikator"],
                condition=Q(indikator__isnull=False),
                name="narasi_indikator_unik",
                violation_error_message="Bagian ini sudah ada untuk indikator dan tahun itu.",
            ),
        ]

    def __str__(self):
        judul = self.get_bagian_display()
        if self.indikator_id:
            judul = f"{judul}: {self.indikator}"
        return f"{judul} ({self.opd.singkatan or self.opd.nama} {self.tahun})"

    @property
    def per_indikator(self):
        return self.bagian in PER_INDIKATOR

    def clean(self):
        super().clean()
        if self.indikator_id and self.opd_id:
            renstra = self.indikator.renstra
            if renstra.opd_id != self.opd_id:
                raise ValidationError({"indikator": "Indikator ini bukan milik perangkat daerah tersebut."})
            if self.tahun is not None and not renstra.mencakup(self.tahun):
                raise ValidationError(
                    {"indikator": f"Indikator ini milik Renstra {renstra.periode}, bukan tahun {self.tahun}."}
                )

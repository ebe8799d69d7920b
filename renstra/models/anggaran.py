"""Budgets (pagu) of sub kegiatan. Kegiatan, program and agency budgets are sums, never typed."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .periode import cek_tahun, cek_tidak_negatif
from .rencana import SubKegiatan, periksa_tahun_dalam_periode


class SumberDana(models.Model):
    nama = models.CharField(
        "nama", max_length=100, unique=True, error_messages={"unique": "Nama sumber dana ini sudah dipakai."}
    )
    keterangan = models.TextField("keterangan", blank=True)

    class Meta:
        verbose_name = "sumber dana"
        verbose_name_plural = "sumber dana"
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class Pagu(models.Model):
    """The budget of one sub kegiatan for one year from one source of funds, in whole rupiah.

    `indikatif` is the figure of the Renstra or RKPD (pagu indikatif), `induk` the original
    APBD (anggaran murni) and `perubahan` the revised APBD-P. The budget in force is the
    revised one when there is one.
    """

    class JenisBelanja(models.TextChoices):
        LANGSUNG = "langsung", "Belanja langsung"
        TIDAK_LANGSUNG = "tidak_langsung", "Belanja tidak langsung"

    sub_kegiatan = models.ForeignKey(
        SubKegiatan, verbose_name="sub kegiatan", on_delete=models.CASCADE, related_name="pagu"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    sumber_dana = models.ForeignKey(
        SumberDana, verbose_name="sumber dana", on_delete=models.PROTECT, related_name="pagu"
    )
    jenis_belanja = models.CharField(
        "jenis belanja", max_length=20, choices=JenisBelanja.choices, default=JenisBelanja.LANGSUNG
    )
    indikatif = models.BigIntegerField("pagu indikatif (Rp)", null=True, blank=True)
    induk = models.BigIntegerField("anggaran induk (Rp)", null=True, blank=True)
    perubahan = models.BigIntegerField("anggaran perubahan (Rp)", null=True, blank=True)
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "pagu"
        verbose_name_plural = "pagu"
        ordering = ["sub_kegiatan_id", "tahun", "sumber_dana_id"]
        constraints = [
            cek_tahun("pagu_tahun_wajar"),
            cek_tidak_negatif("pagu_indikatif_tidak_negatif", "indikatif"),
            cek_tidak_negatif("pagu_induk_tidak_negatif", "induk"),
            cek_tidak_negatif("pagu_perubahan_tidak_negatif", "perubahan"),
            models.CheckConstraint(
                condition=Q(indikatif__isnull=False) | Q(induk__isnull=False) | Q(perubahan__isnull=False),
                name="pagu_ada_nilai",
                violation_error_message="Isi sekurang-kurangnya satu nilai pagu.",
            ),
            models.UniqueConstraint(
                fields=["sub_kegiatan", "tahun", "sumber_dana"],
                name="pagu_unik",
                violation_error_message="Sub kegiatan ini sudah mempunyai pagu dari sumber dana itu untuk tahun itu.",
            ),
        ]

    def __str__(self):
        return f"Pagu {self.tahun} {self.sub_kegiatan.kode} ({self.sumber_dana})"

    @property
    def berlaku(self):
        """The budget in force: the revised APBD when there is one, else the original."""
        return self.perubahan if self.perubahan is not None else self.induk

    def clean(self):
        super().clean()
        if self.sub_kegiatan_id:
            periksa_tahun_dalam_periode(self.sub_kegiatan.kegiatan.program.renstra, self.tahun)

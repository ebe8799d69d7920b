"""Predikat scales as data: the presets of DESIGN.md come with migration 0005 and an admin may
edit them or add a region's own. Every scale covers every value exactly once (rules.periksa_skala)."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from kinerja import rules

ANGKA = {"max_digits": 15, "decimal_places": 4}


class SkalaPredikat(models.Model):
    kode = models.SlugField(
        "kode",
        max_length=50,
        unique=True,
        help_text="Dipakai pengaturan KINERJA_SKALA_*, mis. permendagri_86_2017.",
        error_messages={"unique": "Kode skala ini sudah dipakai."},
    )
    nama = models.CharField("nama", max_length=200)
    dasar = models.CharField("dasar hukum / sumber", max_length=255, blank=True)

    class Meta:
        verbose_name = "skala predikat"
        verbose_name_plural = "skala predikat"
        ordering = ["kode"]

    def __str__(self):
        return self.nama

    def sebagai_skala(self, rentang=None):
        """This scale as the rules module uses it (`rentang` may be given to avoid a query)."""
        rentang = self.rentang.all() if rentang is None else rentang
        return rules.Skala(self.kode, self.nama, self.dasar, tuple(r.sebagai_rentang() for r in rentang))


class RentangPredikat(models.Model):
    skala = models.ForeignKey(SkalaPredikat, verbose_name="skala", on_delete=models.CASCADE, related_name="rentang")
    urutan = models.PositiveSmallIntegerField("urutan", default=0, help_text="Urutan tampil; 1 untuk yang teratas.")
    label = models.CharField("predikat", max_length=100)
    batas_bawah = models.DecimalField(
        "batas bawah", **ANGKA, null=True, blank=True, help_text="Kosong berarti tanpa batas bawah."
    )
    bawah_inklusif = models.BooleanField("batas bawah termasuk", default=True)
    batas_atas = models.DecimalField(
        "batas atas", **ANGKA, null=True, blank=True, help_text="Kosong berarti tanpa batas atas."
    )
    atas_inklusif = models.BooleanField("batas atas termasuk", default=False)
    warna = models.CharField(
        "warna",
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Tulis warna sebagai #RRGGBB, mis. #166534.")],
    )

    class Meta:
        verbose_name = "rentang predikat"
        verbose_name_plural = "rentang predikat"
        ordering = ["skala_id", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["skala", "label"],
                name="rentang_predikat_label_unik",
                violation_error_message="Predikat ini sudah ada dalam skala yang sama.",
            ),
            models.CheckConstraint(
                condition=Q(batas_bawah__isnull=True)
                | Q(batas_atas__isnull=True)
                | Q(batas_bawah__lte=models.F("batas_atas")),
                name="rentang_predikat_berurutan",
                violation_error_message="Batas bawah tidak boleh melebihi batas atas.",
            ),
        ]

    def __str__(self):
        return str(self.sebagai_rentang())

    def sebagai_rentang(self):
        return rules.Rentang(
            self.label, self.batas_bawah, self.batas_atas, self.bawah_inklusif, self.atas_inklusif, self.warna
        )


def periksa_rentang(daftar_rentang):
    """Raise unless the bands cover every value exactly once (used by the admin's formset)."""
    masalah = rules.periksa_skala([r.sebagai_rentang() for r in daftar_rentang])
    if masalah:
        raise ValidationError(masalah)

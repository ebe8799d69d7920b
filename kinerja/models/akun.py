"""Users: staff of an agency (optionally of one bidang), Bappeda reviewers and administrators."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from renstra.models import Bidang, PerangkatDaerah
from renstra.models.opd import periksa_bidang_milik_opd


class Peran(models.TextChoices):
    """The three roles of DESIGN.md, each a group with its permissions (migration 0002)."""

    OPERATOR = "Operator", "Operator"
    VERIFIKATOR = "Verifikator", "Verifikator"
    ADMIN = "Admin", "Admin"


class User(AbstractUser):
    opd = models.ForeignKey(
        PerangkatDaerah,
        verbose_name="perangkat daerah",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengguna",
        help_text="Wajib untuk operator; kosong untuk verifikator Bappeda dan admin.",
    )
    bidang = models.ForeignKey(
        Bidang,
        verbose_name="bidang",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pengguna",
        help_text="Isi bila operator hanya mengisi indikator satu bidang.",
    )
    nip = models.CharField("NIP", max_length=30, blank=True)
    jabatan = models.CharField("jabatan", max_length=200, blank=True)

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def peran(self):
        """The user's strongest role, or None for an account without one."""
        if self.is_superuser:
            return Peran.ADMIN
        nama_grup = {g.name for g in self.groups.all()}
        for peran in (Peran.ADMIN, Peran.VERIFIKATOR, Peran.OPERATOR):
            if peran.value in nama_grup:
                return peran
        return None

    def clean(self):
        super().clean()
        periksa_bidang_milik_opd(self.bidang, self.opd)

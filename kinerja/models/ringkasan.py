"""The read model of capaian: each indicator's capaian of a year up to each quarter, and each
Renstra's aggregate (an agency's row of the region's overview), computed once by the rules module
and read many times (see kinerja.ringkasan).

A stored row is valid only while its `versi` equals the indicator's `VersiCapaian.versi`, which
database triggers raise in the writing transaction itself whenever a row the capaian is computed
from changes (see kinerja.pemicu): a realisation, a target, the indicator, a level of its scale.
Every writer (the entry page, the importers, the Admin, a script's raw SQL) is covered without
knowing of the read model. A reader recomputes and stores what is missing or outdated.

A Renstra's aggregate is valid only while its `sidik` equals the fingerprint of its indicators'
versions (their number, the sum of their ids and of their versions: ids are never reused and
versions only grow, so any change of the set or of a version changes it).

No table has a foreign-key constraint: the triggers write a version while Django deletes an
indicator's rows before the indicator itself, and an indicator's deletion removes its stored
capaian by trigger once it is gone (and raises its version, which stays).
"""

from django.db import models


class VersiCapaian(models.Model):
    """How many times the rows an indicator's capaian is computed from have changed."""

    indikator = models.OneToOneField(
        "renstra.Indikator",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )
    versi = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "versi capaian"
        verbose_name_plural = "versi capaian"
        default_permissions = ()

    def __str__(self):
        return f"indikator {self.indikator_id}: versi {self.versi}"


class CapaianTersimpan(models.Model):
    """An indicator's capaian of `tahun` as known at the end of `triwulan`, computed from version
    `versi` of its rows. The capaian is the exact Decimal as text (no rounding on the way through
    the database); empty with `alasan` when it cannot be computed."""

    indikator = models.ForeignKey(
        "renstra.Indikator", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    versi = models.BigIntegerField()
    capaian = models.CharField(max_length=80, blank=True)
    alasan = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = "capaian tersimpan"
        verbose_name_plural = "capaian tersimpan"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="capaian_tersimpan_unik"),
        ]

    def __str__(self):
        return f"indikator {self.indikator_id} {self.tahun} s.d. TW {self.triwulan}: {self.capaian or self.alasan}"


class RingkasanTersimpan(models.Model):
    """A Renstra's aggregate of `tahun` up to `triwulan` (kinerja.ringkasan.RingkasanRenstra as
    JSON, Decimals as exact text), valid while `sidik` is its indicators' fingerprint."""

    renstra = models.ForeignKey("renstra.Renstra", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    sidik = models.CharField(max_length=200)
    isi = models.JSONField()

    class Meta:
        verbose_name = "ringkasan tersimpan"
        verbose_name_plural = "ringkasan tersimpan"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["renstra", "tahun", "triwulan"], name="ringkasan_tersimpan_unik"),
        ]

    def __str__(self):
        return f"Renstra {self.renstra_id} {self.tahun} s.d. TW {self.triwulan}"

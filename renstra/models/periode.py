"""Years and quarters, shared by every table that is kept per year or per quarter."""

from django.db import models
from django.db.models import Q

TAHUN_MIN = 2000
TAHUN_MAKS = 2100


class Triwulan(models.IntegerChoices):
    TW1 = 1, "Triwulan I"
    TW2 = 2, "Triwulan II"
    TW3 = 3, "Triwulan III"
    TW4 = 4, "Triwulan IV"


PESAN_TRIWULAN = "Triwulan harus 1, 2, 3 atau 4."


def field_triwulan(**kwargs):
    """The quarter of a row kept per quarter, with a message that names it when invalid."""
    return models.PositiveSmallIntegerField(
        "triwulan", choices=Triwulan.choices, error_messages={"invalid_choice": PESAN_TRIWULAN}, **kwargs
    )


def cek_tahun(nama, field="tahun"):
    """A check constraint keeping a year in the range the product supports."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": TAHUN_MIN, f"{field}__lte": TAHUN_MAKS}),
        name=nama,
        violation_error_message=f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.",
    )


def cek_triwulan(nama, wajib=True):
    """A check constraint keeping a quarter in 1–4 (or empty when the row is yearly)."""
    dalam_rentang = Q(triwulan__gte=1, triwulan__lte=4)
    return models.CheckConstraint(
        condition=dalam_rentang if wajib else dalam_rentang | Q(triwulan__isnull=True),
        name=nama,
        violation_error_message=PESAN_TRIWULAN,
    )


def cek_tidak_negatif(nama, field):
    """A check constraint for an amount of rupiah that may be empty but never negative."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 0}) | Q(**{f"{field}__isnull": True}),
        name=nama,
        violation_error_message="Nilai rupiah tidak boleh negatif.",
    )

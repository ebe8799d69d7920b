"""Who changed a row last, and when, for the rows people edit in pages (the full history is kept
by django-simple-history)."""

from django.conf import settings
from django.db import models


class Versi(models.Model):
    """`versi` counts the saves: a page sends back the version it showed, and a save of a row
    that someone else has saved since is refused (optimistic concurrency)."""

    versi = models.PositiveIntegerField("versi", default=1, editable=False)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diubah oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)

    class Meta:
        abstract = True


class Jejak(Versi):
    """A quarter's row: `terlambat` marks a value entered after the quarter's deadline."""

    terlambat = models.BooleanField("diisi setelah batas waktu", default=False, editable=False)

    class Meta:
        abstract = True

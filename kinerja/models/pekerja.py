"""The workers running jobs (`manage.py pekerja`): each writes a heartbeat, so that a job whose
worker went silent (killed, its server restarted) can be told apart from one still running."""

from django.db import models


class Pekerja(models.Model):
    """One running worker process; removed when it stops cleanly."""

    id = models.CharField("kode pekerja", max_length=64, primary_key=True)
    host = models.CharField("server", max_length=255, blank=True)
    pid = models.PositiveIntegerField("PID", null=True, blank=True)
    antrean = models.CharField("antrean", max_length=255, blank=True)
    mulai = models.DateTimeField("mulai")
    detak = models.DateTimeField("detak terakhir", db_index=True)

    class Meta:
        verbose_name = "pekerja"
        verbose_name_plural = "pekerja"
        ordering = ["-detak"]

    def __str__(self):
        return f"{self.host or '?'} PID {self.pid or '?'} ({self.antrean or 'semua antrean'})"

"""Evidence files leave the disk with their row, however it is deleted: by a service, on the
admin's delete page or with its bulk action, or with the realisation it belongs to (CASCADE). Only
once the transaction commits: a rolled-back delete keeps its file."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import DataDukung


@receiver(post_delete, sender=DataDukung, dispatch_uid="kinerja.berkas.hapus_berkas_data_dukung")
def hapus_berkas_data_dukung(sender, instance, using, **kwargs):
    nama = instance.berkas.name
    if not nama:
        return
    storage = instance.berkas.storage
    # robust: a file that cannot be removed is logged, not turned into an error of a saved delete.
    transaction.on_commit(lambda: storage.delete(nama), using=using, robust=True)

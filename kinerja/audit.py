"""The audit log "kinerja.audit": who did what, one event per line (kinerja/log.py writes it as
JSON in production, as readable text in development and at a terminal). Saves of realisations,
the submission workflow and imports call `catat_setelah_commit` from their services; log-ins,
log-outs, failed log-ins and lock-outs are heard here from the signals of Django and
django-axes.

Events carry names and counts, never secrets: no password, no note or reason text (only its
length), no file content.
"""

import logging

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver

from .klien import alamat_klien

log = logging.getLogger("kinerja.audit")


def catat(peristiwa, **kolom):
    """Write one audit event now."""
    log.info(peristiwa, extra=kolom)


def catat_setelah_commit(peristiwa, **kolom):
    """Write one audit event once the transaction around the caller commits (at once when there
    is none), so that a write rolled back is never logged as done."""
    transaction.on_commit(lambda: catat(peristiwa, **kolom))


def nama_pengguna(user):
    return user.get_username() if user is not None and user.is_authenticated else None


def _alamat(request):
    return alamat_klien(request) if request is not None else None


@receiver(user_logged_in, dispatch_uid="kinerja.audit.masuk")
def _masuk(sender, request, user, **kwargs):
    catat("masuk.berhasil", pengguna=nama_pengguna(user), alamat=_alamat(request))


@receiver(user_logged_out, dispatch_uid="kinerja.audit.keluar")
def _keluar(sender, request, user, **kwargs):
    catat("keluar", pengguna=nama_pengguna(user), alamat=_alamat(request))


@receiver(user_login_failed, dispatch_uid="kinerja.audit.masuk_gagal")
def _masuk_gagal(sender, credentials, request=None, **kwargs):
    """Only the user name tried (the log-in forms refuse one longer than an account's):
    `credentials` holds the password (Django masks it, but a custom backend might not), so
    nothing else of it is read."""
    nama = credentials.get(get_user_model().USERNAME_FIELD)
    catat("masuk.gagal", pengguna=str(nama) if nama else None, alamat=_alamat(request))


@receiver(user_locked_out, dispatch_uid="kinerja.audit.terkunci")
def _terkunci(sender, request, username, ip_address, **kwargs):
    catat("masuk.terkunci", pengguna=str(username) if username else None, alamat=ip_address)

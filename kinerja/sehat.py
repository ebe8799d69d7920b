"""The health check of `/sehat/` (load balancers, uptime monitors; docs/deploy.md): can this
server reach its database and its cache? Each check is one cheap round trip and never raises.
It also says whether a worker (`manage.py pekerja`) has beaten lately: without one, imports and
new PDFs wait, but this server still serves its pages, so the status stays "ok"."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection

from .pekerja import ada_pekerja_hidup

log = logging.getLogger(__name__)
KUNCI_CACHE = "kinerja:sehat"
OK, GAGAL, TIDAK_ADA = "ok", "gagal", "tidak ada"


def periksa_basis_data():
    """A `SELECT 1` on the default database (the one every write goes to)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 tidak menjawab 1.")


def periksa_cache():
    """Write a key and read it back: a cache that accepts writes but loses them fails too."""
    token = uuid.uuid4().hex
    cache.set(KUNCI_CACHE, token, timeout=30)
    if cache.get(KUNCI_CACHE) != token:
        raise RuntimeError("Nilai yang ditulis ke cache tidak terbaca kembali.")


PEMERIKSAAN = {"basis_data": periksa_basis_data, "cache": periksa_cache}


def periksa_kesehatan():
    """{"status": "ok"|"gagal", "basis_data": ..., "cache": ..., "pekerja": "ok"|"tidak ada"}; a
    failure is logged with its cause (the answer itself names only the part that failed)."""
    hasil = {}
    for bagian, periksa in PEMERIKSAAN.items():
        try:
            periksa()
        except Exception as e:
            log.error("sehat.gagal", extra={"bagian": bagian, "galat": f"{type(e).__name__}: {e}"})
            hasil[bagian] = GAGAL
        else:
            hasil[bagian] = OK
    status = OK if all(v == OK for v in hasil.values()) else GAGAL
    return {"status": status, **hasil, "pekerja": _pekerja() if hasil["basis_data"] == OK else GAGAL}


def _pekerja():
    try:
        return OK if ada_pekerja_hidup() else TIDAK_ADA
    except Exception as e:
        log.error("sehat.gagal", extra={"bagian": "pekerja", "galat": f"{type(e).__name__}: {e}"})
        return GAGAL

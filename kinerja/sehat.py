"""The health check of `/sehat/` (load balancers, uptime monitors; docs/deploy.md): can this
server reach its database and its cache? Each check is one cheap round trip and never raises."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection

log = logging.getLogger(__name__)
KUNCI_CACHE = "kinerja:sehat"
OK, GAGAL = "ok", "gagal"


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
    """{"status": "ok"|"gagal", "basis_data": ..., "cache": ...}; a failure is logged with its
    cause (the answer itself names only the part that failed)."""
    hasil = {}
    for bagian, periksa in PEMERIKSAAN.items():
        try:
            periksa()
        except Exception as e:
            log.error("sehat.gagal", extra={"bagian": bagian, "galat": f"{type(e).__name__}: {e}"})
            hasil[bagian] = GAGAL
        else:
            hasil[bagian] = OK
    return {"status": OK if all(v == OK for v in hasil.values()) else GAGAL, **hasil}

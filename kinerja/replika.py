"""Reads of the dashboards from a read-only PostgreSQL replica (DATABASE_REPLIKA_URL), so that
reviewers comparing forty agencies at the end of a quarter do not slow the operators' saves.

Only views decorated with `baca_dari_replika` read there, and only while they run; everything
else, and every write, goes to the primary. A replica lags by a moment: fine for dashboards,
never used for a page that shows what its user has just saved.
"""

from contextvars import ContextVar
from functools import wraps

from django.conf import settings

REPLIKA = "replika"
_dari_replika = ContextVar("baca_dari_replika", default=False)


def replika_ada():
    return REPLIKA in settings.DATABASES


def baca_dari_replika(view):
    """Run `view` with its reads sent to the replica, when one is configured."""

    @wraps(view)
    def bungkus(*args, **kwargs):
        token = _dari_replika.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            _dari_replika.reset(token)

    return bungkus


class RouterReplika:
    """Reads inside `baca_dari_replika` go to the replica; writes and migrations to the primary."""

    def db_for_read(self, model, **hints):
        if _dari_replika.get() and replika_ada():
            return REPLIKA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLIKA

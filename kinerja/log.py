"""Log lines on stderr, in one of two formats (setting KINERJA_LOG_FORMAT):

- "teks", for people: `06.12.45 INFO kinerja.audit realisasi.disimpan pengguna=operator_belitung
  opd=DSPPPA-BELITUNG ...`, local time, a traceback below its line; runserver's access lines
  (logger django.server) as Django prints them. The default of development (kinerja.settings),
  and of production when stderr is a terminal: a person typing `manage.py impor` on the server.
- "json", for machines: one JSON object per line, which journald, Loki, Graylog or Elasticsearch
  take as they are (docs/deploy.md, "Pemantauan dan log"). The default of production
  (kinerja.settings_produksi) when stderr is not a terminal: the systemd services.

A record's message is its event (`"masuk.gagal"`); its fields are what the caller passed in
`extra` (`log.info("masuk.gagal", extra={"pengguna": ..., "alamat": ...})`), so any logger, ours
or a library's, comes out in the same shape. Neither format writes an object's repr: a request
is its method and path; Django's runserver passes its socket, which is left out, as is any value
that is not plain data (see `data_log`). kinerja/audit.py writes the audit events.
"""

import datetime
import json
import logging
import time
import uuid
from decimal import Decimal
from pathlib import PurePath

from django.core.exceptions import ImproperlyConfigured

FORMAT_LOG = ("teks", "json")

# What every LogRecord carries; anything else on a record came from `extra`.
_ATRIBUT_BAWAAN = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
# Values written as their text: data, whose str() is their value.
_TEKS = (Decimal, datetime.date, datetime.time, datetime.timedelta, uuid.UUID, PurePath)
_BUANG = object()


def _permintaan(nilai):
    """A request's method and path, or None when `nilai` is no request."""
    from django.http import HttpRequest  # not at import: the settings import this module

    if isinstance(nilai, HttpRequest):
        return {"method": nilai.method, "path": nilai.path}
    return None


def data_log(nilai):
    """`nilai` as plain JSON data: strings, numbers, booleans and None as they are; Decimals,
    dates, times, UUIDs and paths as their text; lists and dicts item by item; a request as its
    method and path; anything else `_BUANG` (left out), for its repr or str may be long, change
    from run to run (`<socket.socket fd=5 ...>`) or hold what a log must not."""
    if nilai is None or isinstance(nilai, (str, int, float)):
        return nilai
    if isinstance(nilai, _TEKS):
        return str(nilai)
    if isinstance(nilai, (list, tuple, set, frozenset)):
        return [d for d in map(data_log, nilai) if d is not _BUANG]
    if isinstance(nilai, dict):
        isi = {str(k): data_log(v) for k, v in nilai.items() if isinstance(k, (str, int))}
        return {k: v for k, v in isi.items() if v is not _BUANG}
    return _permintaan(nilai) or _BUANG


def _kolom(record):
    """The fields of a record (from `extra`), as plain data, in the order given."""
    for kunci, nilai in record.__dict__.items():
        if kunci in _ATRIBUT_BAWAAN or kunci.startswith("_"):
            continue
        data = data_log(nilai)
        if data is not _BUANG:
            yield kunci, data


class FormatJSON(logging.Formatter):
    """`{"time": ISO-8601 UTC, "level", "logger", "event", ...fields}` on one line; a traceback,
    if any, as the field "exception"."""

    def format(self, record):
        baris = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
        }
        for kunci, data in _kolom(record):
            baris.setdefault(kunci, data)
        if record.exc_info:
            baris["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            baris["stack"] = self.formatStack(record.stack_info)
        return json.dumps(baris, ensure_ascii=False)


def _teks(data):
    """A field's value in a text line: as it is when it is one word, else quoted (JSON's
    quoting: new lines stay on the line)."""
    if isinstance(data, dict) and data.keys() == {"method", "path"}:
        data = f"{data['method']} {data['path']}"
    elif isinstance(data, (dict, list)):
        return json.dumps(data, ensure_ascii=False)
    teks = str(data)
    if not teks or any(c.isspace() or c in "\"'=" for c in teks):
        return json.dumps(teks, ensure_ascii=False)
    return teks


class FormatTeks(logging.Formatter):
    """`HH.MM.SS LEVEL logger event field=value ...` on one line, in local time (TIME_ZONE); the
    fields that are None are left out; a traceback follows on its own lines."""

    def format(self, record):
        bagian = [
            time.strftime("%H.%M.%S", time.localtime(record.created)),
            record.levelname,
            record.name,
            record.getMessage(),
            *(f"{kunci}={_teks(data)}" for kunci, data in _kolom(record) if data is not None),
        ]
        baris = " ".join(bagian)
        if record.exc_info:
            baris += "\n" + self.formatException(record.exc_info)
        if record.stack_info:
            baris += "\n" + self.formatStack(record.stack_info)
        return baris


def konfigurasi_log(format_log, level):
    """The LOGGING setting: every logger to stderr in `format_log` ("teks" or "json"); our apps'
    loggers (kinerja, renstra, laporan) at `level`, Django's and other libraries' (django-axes,
    ...) at WARNING, WeasyPrint's at ERROR; the audit log "kinerja.audit" (log-ins, saved
    realisations, submissions, imports, agencies moved) always. In "teks", runserver's access
    lines (django.server) come as Django prints them, one per request; in "json" only its
    warnings and errors."""
    if format_log not in FORMAT_LOG:
        raise ImproperlyConfigured("KINERJA_LOG_FORMAT harus teks atau json.")
    if format_log == "teks":
        server = {"level": "INFO", "handlers": ["django.server"], "propagate": False}
    else:
        server = {"level": "WARNING", "handlers": [], "propagate": True}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "teks": {"()": "kinerja.log.FormatTeks"},
            "json": {"()": "kinerja.log.FormatJSON"},
            # Django's own (django.utils.log.DEFAULT_LOGGING).
            "django.server": {
                "()": "django.utils.log.ServerFormatter",
                "format": "[{server_time}] {message}",
                "style": "{",
            },
        },
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": format_log},
            "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
        "loggers": {
            # Django gives its loggers handlers of their own (console, mail_admins); they use the root's instead.
            "django": {"level": "WARNING", "handlers": [], "propagate": True},
            "django.server": server,
            **{nama: {"level": level, "handlers": [], "propagate": True} for nama in ("kinerja", "renstra", "laporan")},
            "kinerja.audit": {"level": "INFO", "handlers": [], "propagate": True},
            # WeasyPrint warns, on every PDF, of each screen-only rule of the stylesheets it shares
            # with the pages (overflow-x, ::-webkit-details-marker); fontTools of every font subset.
            **{nama: {"level": "ERROR", "handlers": [], "propagate": True} for nama in ("weasyprint", "fontTools")},
        },
    }

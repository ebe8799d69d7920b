"""Structured logs: one JSON object per line on stderr, which journald, Loki, Graylog or
Elasticsearch take as they are (docs/deploy.md, "Pemantauan dan log").

A record's message is its event (`"masuk.gagal"`); its fields are what the caller passed in
`extra` (`log.info("masuk.gagal", extra={"pengguna": ..., "alamat": ...})`), so any logger, ours
or a library's, comes out in the same shape. kinerja/audit.py writes the audit events; the
LOGGING setting (end of kinerja/settings.py) sends every logger here.
"""

import json
import logging
from datetime import UTC, datetime

# What every LogRecord carries; anything else on a record came from `extra`.
_ATRIBUT_BAWAAN = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}


class FormatJSON(logging.Formatter):
    """`{"time": ISO-8601 UTC, "level", "logger", "event", ...fields}` on one line; a traceback,
    if any, as the field "exception". Values JSON does not know are written with str()."""

    def format(self, record):
        baris = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
        }
        for kunci, nilai in record.__dict__.items():
            if kunci not in _ATRIBUT_BAWAAN and not kunci.startswith("_"):
                baris.setdefault(kunci, nilai)
        if record.exc_info:
            baris["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            baris["stack"] = self.formatStack(record.stack_info)
        return json.dumps(baris, ensure_ascii=False, default=str)

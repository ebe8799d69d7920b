"""gunicorn settings of a Kinerja server (docs/deploy.md): `gunicorn -c deploy/gunicorn.conf.py kinerja.wsgi`.

Every value can be changed through the environment of the systemd unit (KINERJA_GUNICORN_*).
"""

import multiprocessing
import os

# nginx on the same host forwards to this address; never expose it to the network.
bind = os.environ.get("KINERJA_GUNICORN_BIND", "127.0.0.1:8000")
# Worker processes × threads: the requests served at once. Threads suit pages that wait on
# PostgreSQL; processes use the cores. Two workers per core is a start (see docs/performance.md).
workers = int(os.environ.get("KINERJA_GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("KINERJA_GUNICORN_THREADS", 4))
worker_class = "gthread"
# A large LKjIP PDF takes ~10 s; a workbook import is checked in the background.
timeout = int(os.environ.get("KINERJA_GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
# Recycle workers now and then (WeasyPrint and openpyxl hold on to memory).
max_requests = 1000
max_requests_jitter = 100
# Access log on stdout (journald); the application's JSON log lines go to stderr.
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"

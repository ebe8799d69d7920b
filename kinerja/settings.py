"""Settings of Kinerja, read from environment variables (django-environ).

Every setting a deployment may change is listed in README.md, section "Pengaturan".
A `.env` file in the project directory is read when it exists; real environment variables win.
"""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from kinerja.log import konfigurasi_log
from kinerja.rules import periksa_pembulatan

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

# Development fallback only; production sets SECRET_KEY (see README.md).
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="django-insecure-kinerja-pengembangan-jangan-dipakai-di-produksi",
)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "django_htmx",
    "rules",
    "import_export",
    "kinerja",
    "renstra",
    "laporan",
    "django_filters",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Operators on slow connections: the entry page of 100 indicators is ~400 KB of HTML and
    # ~30 KB compressed. Django's GZip pads responses against BREACH (Django 4.2+).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Under DEBUG, our 404/400/500 pages instead of Django's technical ones (KINERJA_HALAMAN_GALAT_TEKNIS).
    "kinerja.galat.HalamanGalatMiddleware",
    # Last: refuses log-ins after too many failures (django-axes), see KINERJA_GAGAL_MASUK.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed log-ins per user name and address; locks them out after too many.
    "axes.backends.AxesStandaloneBackend",
    # Object permissions (kinerja/izin.py): who may enter, submit, verify or reopen which quarter.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "kinerja.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinerja.context_processors.csp_nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "kinerja.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'kinerja.sqlite3'}"),
}
if DATABASES["default"].get("ENGINE") == "django.db.backends.sqlite3":
    # The web server and the worker (`manage.py pekerja`) write to one file side by side: readers
    # do not wait for a writer (WAL), a writer waits for the other's transaction to end instead of
    # failing ("database is locked"), and a transaction takes the write lock when it begins, not
    # halfway through, where SQLite could only give up.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("KINERJA_SQLITE_TUNGGU_DETIK", default=30),
        }
    )
# Optional: a read-only replica of the primary (PostgreSQL streaming replication) from which the
# dashboards read (kinerja/replika.py). In tests it mirrors the primary.
if env.str("DATABASE_REPLIKA_URL", default=""):
    DATABASES["replika"] = {**env.db("DATABASE_REPLIKA_URL"), "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["kinerja.replika.RouterReplika"]

AUTH_USER_MODEL = "kinerja.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("KINERJA_PANJANG_SANDI", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions end after KINERJA_SESI_MENIT minutes without a request (each request renews them)
# and when the browser closes.
SESSION_COOKIE_AGE = env.int("KINERJA_SESI_MENIT", default=120) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Log-in throttling (django-axes): after KINERJA_GAGAL_MASUK failures for one user name from one
# address, that pair is refused for KINERJA_KUNCI_MENIT minutes; a successful log-in resets it.
AXES_FAILURE_LIMIT = env.int("KINERJA_GAGAL_MASUK", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("KINERJA_KUNCI_MENIT", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
# The client's address: behind KINERJA_JUMLAH_PROXY reverse proxies (nginx: 1), taken from
# X-Forwarded-For (kinerja/klien.py); 0: the connection's own address.
KINERJA_JUMLAH_PROXY = env.int("KINERJA_JUMLAH_PROXY", default=0)
AXES_CLIENT_IP_CALLABLE = "kinerja.klien.alamat_klien"

# Content-Security-Policy: only our own scripts, styles, images and fonts; an inline <style> of
# ours carries the request's nonce. Nothing may frame the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Django's technical error pages (the URL list of a 404, the traceback and settings of a 500) for
# a developer under DEBUG; off, the default, `make run` shows the pages production shows
# (templates/404.html, 500.html, ...) and a 500's traceback goes to the console (kinerja/galat.py).
# Without DEBUG it changes nothing: Django never shows its technical pages then.
KINERJA_HALAMAN_GALAT_TEKNIS = env.bool("KINERJA_HALAMAN_GALAT_TEKNIS", default=False)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "renstra:beranda"
LOGOUT_REDIRECT_URL = "login"

# One language for everyone, whatever the browser asks for (hence no LocaleMiddleware).
LANGUAGE_CODE = "id"
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")

# Evidence files (data dukung); never served directly, only through views that check access.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The audit history is for reading: nobody reverts a realisation from the admin.
SIMPLE_HISTORY_REVERT_DISABLED = True
# Reasons (an admin's reason for reopening a quarter) may be longer than 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The rules of computation (docs/aturan-perhitungan.md). The predikat scale each report uses is
# the `kode` of a scale under Admin › Skala predikat.
KINERJA_SKALA = {
    "evaluasi_triwulan": env.str("KINERJA_SKALA_EVALUASI_TRIWULAN", default="permendagri_54_2010"),
    "evaluasi_renja": env.str("KINERJA_SKALA_EVALUASI_RENJA", default="permendagri_86_2017"),
    "lkjip": env.str("KINERJA_SKALA_LKJIP", default="permendagri_54_2010"),
    "dasbor": env.str("KINERJA_SKALA_DASBOR", default="permendagri_54_2010"),
    "status": "status_capaian",
    "efektivitas": "efektivitas_anggaran",
    "efisiensi": "efisiensi_anggaran",
}
# Averages count each capaian at most this much (e.g. 100); empty: no cap, as the seeds print.
KINERJA_BATAS_CAPAIAN = env.str("KINERJA_BATAS_CAPAIAN", default="") or None
# KINERJA_RATA_RATA is gone: each kind of average has one definition, fixed by regulation
# (docs/aturan-perhitungan.md, "Rata-rata"). A deployment that still sets it is told so, once.
if "KINERJA_RATA_RATA" in os.environ:
    warnings.warn(
        "KINERJA_RATA_RATA tidak dipakai lagi: setiap jenis rata-rata mempunyai satu definisi "
        "(docs/aturan-perhitungan.md, bagian Rata-rata). Hapus pengaturan itu.",
        stacklevel=1,
    )
# How written percentages are rounded (README "Pengaturan"): "setengah-ke-atas" (half-up, the
# default) or "potong" (truncated, as many agencies print). Arithmetic is never rounded.
KINERJA_PEMBULATAN = env.str("KINERJA_PEMBULATAN", default="setengah-ke-atas").strip().lower()
if pesan_pembulatan := periksa_pembulatan(KINERJA_PEMBULATAN):
    raise ImproperlyConfigured(pesan_pembulatan)
# The dashboards' quadrants: capaian and serapan (%) at or above these are high, at the end of
# the year; up to a quarter in proportion (TW II: half).
KINERJA_AMBANG_CAPAIAN = env.str("KINERJA_AMBANG_CAPAIAN", default="90")
KINERJA_AMBANG_SERAPAN = env.str("KINERJA_AMBANG_SERAPAN", default="90")
# A capaian above this (%) is marked on dashboards and reports as an outlier to check, and the
# means holding one say so (their value is unchanged); empty: no mark.
KINERJA_CAPAIAN_PENCILAN = env.str("KINERJA_CAPAIAN_PENCILAN", default="200")

# Deadline of each quarter's entries, as MM-DD for TW I to IV (TW IV's falls in the next year).
KINERJA_BATAS_WAKTU_TRIWULAN = env.list("KINERJA_BATAS_WAKTU_TRIWULAN", default=["04-15", "07-15", "10-15", "01-15"])
# Evidence files (data dukung): largest size in MB.
KINERJA_UKURAN_DATA_DUKUNG_MB = env.int("KINERJA_UKURAN_DATA_DUKUNG_MB", default=10)
# ... at most this many files per indicator and quarter, and this many MB per agency and year
# (the disk of a server that forty agencies share is not one operator's to fill).
KINERJA_DATA_DUKUNG_PER_BARIS = env.int("KINERJA_DATA_DUKUNG_PER_BARIS", default=10)
KINERJA_DATA_DUKUNG_OPD_MB = env.int("KINERJA_DATA_DUKUNG_OPD_MB", default=1024)

# The entry page of a unit with more than KINERJA_ISIAN_BARIS_PER_HALAMAN indicator rows is split
# into parts (tujuan/sasaran, then one per program), each shown and saved on its own.
KINERJA_ISIAN_BARIS_PER_HALAMAN = env.int("KINERJA_ISIAN_BARIS_PER_HALAMAN", default=150)
# The largest form a request may send, in fields and in MB apart from uploaded files (Django's
# defaults: 1.000 and 2,5 MB). An indicator row sends up to 7 fields (version, fingerprint, value
# or components, four narratives), a budget row 3; with JavaScript only changed rows are sent,
# without it the whole part: 150 rows and 100 budget rows make ~1.400 fields, and four full
# narratives a row (4.000 characters each) ~2,4 MB, ~3 MB URL-encoded. 10.000 fields and 10 MB
# leave room for a program's part of ~1.400 rows. A larger save is refused with a page that
# keeps the typing (views.bad_request). nginx's client_max_body_size (12m) must stay above it.
KINERJA_ISIAN_MAKS_KOLOM = env.int("KINERJA_ISIAN_MAKS_KOLOM", default=10_000)
KINERJA_ISIAN_MAKS_MB = env.int("KINERJA_ISIAN_MAKS_MB", default=10)
DATA_UPLOAD_MAX_NUMBER_FIELDS = KINERJA_ISIAN_MAKS_KOLOM
DATA_UPLOAD_MAX_MEMORY_SIZE = KINERJA_ISIAN_MAKS_MB * 1024 * 1024

# Jobs (Django's Tasks API, the database backend of django-tasks-db): workbook imports and cold
# PDFs are rows of the database that a worker (`manage.py pekerja`, started by `make run` and by
# deploy/kinerja-pekerja.service) takes and runs; the web request only enqueues them.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["impor", "cetak"],
    }
}
# A worker writes a heartbeat every KINERJA_PEKERJA_DETAK_DETIK seconds; a job whose worker has
# been silent for KINERJA_PEKERJA_HILANG_DETIK (killed, or its server restarted) runs again, at
# most KINERJA_TUGAS_COBA times in all, then fails with a message saying so.
KINERJA_PEKERJA_DETAK_DETIK = env.int("KINERJA_PEKERJA_DETAK_DETIK", default=10)
KINERJA_PEKERJA_HILANG_DETIK = env.int("KINERJA_PEKERJA_HILANG_DETIK", default=60)
KINERJA_TUGAS_COBA = env.int("KINERJA_TUGAS_COBA", default=3)

# Imports of workbooks (admin page and `manage.py impor`): the largest file accepted, in MB.
KINERJA_UKURAN_IMPOR_MB = env.int("KINERJA_UKURAN_IMPOR_MB", default=10)
# What a workbook may hold once decompressed, checked before and while it is read
# (kinerja/importers/buku.py): all its parts together, in MB; the parts other than the sheets
# (styles, shared strings, ...), which openpyxl reads whole, in MB; cells, a row counting up to
# its last value; columns.
KINERJA_IMPOR_MAKS_URAI_MB = env.int("KINERJA_IMPOR_MAKS_URAI_MB", default=100)
KINERJA_IMPOR_MAKS_BAGIAN_MB = env.int("KINERJA_IMPOR_MAKS_BAGIAN_MB", default=10)
KINERJA_IMPOR_MAKS_SEL = env.int("KINERJA_IMPOR_MAKS_SEL", default=2_000_000)
KINERJA_IMPOR_MAKS_KOLOM = env.int("KINERJA_IMPOR_MAKS_KOLOM", default=1_000)

# Where the report font (DejaVu Sans, Debian package fonts-dejavu-core) lies; the report pages
# load it from here so that they look like the PDF, which WeasyPrint sets in the same font.
KINERJA_FOLDER_HURUF = env.str("KINERJA_FOLDER_HURUF", default="/usr/share/fonts/truetype/dejavu")
# Printed PDFs (laporan.Cetakan, files under MEDIA_ROOT/cetak/) are kept this many seconds under
# the digest of their HTML: the same report with the same data is printed once and then served
# at once. A print running longer than KINERJA_CETAK_BATAS_DETIK seconds is stopped.
KINERJA_SIMPAN_PDF_DETIK = env.int("KINERJA_SIMPAN_PDF_DETIK", default=24 * 60 * 60)
KINERJA_CETAK_BATAS_DETIK = env.int("KINERJA_CETAK_BATAS_DETIK", default=300)
# When the Bappeda verifies a quarter, a job prints the agency's reports of it at once (its
# Evaluasi Triwulan and Evaluasi Renja, and the LKjIP after the fourth quarter), so that the
# downloads that follow are served from the stored print (laporan/cetak_dimuka.py).
KINERJA_CETAK_DI_MUKA = env.bool("KINERJA_CETAK_DI_MUKA", default=True)
# And once an agency's data of a year has been quiet this many minutes after an entry save or an
# import (the same reports of the quarter written); 0 prints ahead on verification only.
KINERJA_CETAK_TENANG_MENIT = env.int("KINERJA_CETAK_TENANG_MENIT", default=15)
# Who signs the Berita Acara Evaluasi Renja Triwulan for the Bappeda (laporan/builders/berita_acara.py):
# the agency's name as written in its opening sentence, its head's office, name and NIP (a dotted
# line while empty), and the place of the region's Berita Acara (and of an agency without `kota`).
KINERJA_BAPPEDA_NAMA = env.str("KINERJA_BAPPEDA_NAMA", default="")
KINERJA_BAPPEDA_JABATAN = env.str("KINERJA_BAPPEDA_JABATAN", default="")
KINERJA_BAPPEDA_KEPALA = env.str("KINERJA_BAPPEDA_KEPALA", default="")
KINERJA_BAPPEDA_NIP = env.str("KINERJA_BAPPEDA_NIP", default="")
KINERJA_TEMPAT_TTD = env.str("KINERJA_TEMPAT_TTD", default="")

# The cache holds the progress of running imports, which the worker writes and the web pages
# read: it must be shared by both. The default, files under cache/ of the project, is shared by
# the processes of one machine (`make run`); with several servers use Redis,
# e.g. redis://127.0.0.1:6379/1 (docs/deploy.md).
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{BASE_DIR / 'cache'}")}

# --- security (escaping/exports)
# Admin exports (django-import-export) use our formats, renstra.resources.XLSX and CSV: text a
# spreadsheet could run as a formula (renstra.resources.mirip_rumus, OWASP's list) is a string
# cell marked as text in XLSX and follows a single quote in CSV; numbers stay numbers. The
# library's own escaping (it drops one leading "=") stays on for any format of its own.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# A log-in tried while locked out does not restart the cool-off: the lockout page promises
# KINERJA_KUNCI_MENIT minutes, and no password is checked meanwhile anyway.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# --- logging
# On stderr (kinerja/log.py), in KINERJA_LOG_FORMAT: "teks", one readable line per record, the
# default of development (runserver's access lines as Django prints them); "json", one JSON object
# per line, the default of production (kinerja/settings_produksi.py). KINERJA_LOG_LEVEL is the
# level of our apps' loggers (kinerja, renstra, laporan); Django's and other libraries'
# (django-axes, ...) stay at WARNING, WeasyPrint's at ERROR; the audit log "kinerja.audit"
# (log-ins, saved realisations, submissions, imports, agencies moved) is always written.
KINERJA_LOG_FORMAT = env.str("KINERJA_LOG_FORMAT", default="teks").strip().lower()
KINERJA_LOG_LEVEL = env.str("KINERJA_LOG_LEVEL", default="INFO").strip().upper()
if KINERJA_LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured("KINERJA_LOG_LEVEL harus DEBUG, INFO, WARNING, ERROR atau CRITICAL.")
LOGGING = konfigurasi_log(KINERJA_LOG_FORMAT, KINERJA_LOG_LEVEL)

# --- reminders and e-mail (kinerja/pengingat.py, `manage.py pengingat`, run daily by
# deploy/kinerja-pengingat.timer). Operators of a unit whose quarter is not submitted are
# reminded these many days before the deadline, on its day, and every KINERJA_PENGINGAT_ULANG_TERLAMBAT
# days while overdue (days 1, 4, 7, … with 3); a returned quarter not submitted again after
# KINERJA_PENGINGAT_DIKEMBALIKAN_HARI days reminds its operators once; verifikators get a daily digest.
KINERJA_PENGINGAT_HARI_SEBELUM = env.str("KINERJA_PENGINGAT_HARI_SEBELUM", default="7,3,1")
KINERJA_PENGINGAT_ULANG_TERLAMBAT = env.int("KINERJA_PENGINGAT_ULANG_TERLAMBAT", default=3)
KINERJA_PENGINGAT_DIKEMBALIKAN_HARI = env.int("KINERJA_PENGINGAT_DIKEMBALIKAN_HARI", default=3)
# The sender class (dotted path): e-mail through Django's mail settings; a WhatsApp gateway's
# sender would be another class with the same `kirim` (kinerja.pengingat.Pengirim).
KINERJA_PENGINGAT_PENGIRIM = env.str("KINERJA_PENGINGAT_PENGIRIM", default="kinerja.pengingat.PengirimEmail")
# The site's address as users reach it, for the links in messages (no request to take it from).
KINERJA_URL_SITUS = env.str("KINERJA_URL_SITUS", default="http://localhost:8000")
# Mail: printed on the console in development; production sends through SMTP (settings_produksi).
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Kinerja <kinerja@localhost>")

# --- the read-only JSON API (kinerja/api/, README "API baca (JSON)")
# Django REST framework with tokens only (rest_framework.authtoken: one token per consumer
# account, made in the admin or with `manage.py token_api USERNAME`): a session is not accepted,
# so CSRF does not arise; the account's role and agency give the same scope as the pages.
# KINERJA_API_BATAS: requests per consumer account, e.g. "1000/hour" (second, minute, hour, day).
INSTALLED_APPS += ["rest_framework", "rest_framework.authtoken", "drf_spectacular"]
KINERJA_API_BATAS = env.str("KINERJA_API_BATAS", default="1000/hour")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": ["kinerja.api.batas.BatasApi"],
    "DEFAULT_PAGINATION_CLASS": "kinerja.api.batas.Halaman",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Kinerja",
    "DESCRIPTION": (
        "API baca (hanya GET) untuk sistem lain: perangkat daerah, pohon Renstra dengan indikator dan "
        "targetnya, serta realisasi per triwulan dengan status verifikasinya. Setiap permintaan membawa "
        "header `Authorization: Token <kunci>`; token dibuat oleh admin dan melihat perangkat daerah "
        "yang sama dengan akun pemiliknya."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SERVE_AUTHENTICATION": ["rest_framework.authentication.TokenAuthentication"],
}

"""Settings of a production server: the defaults of kinerja.settings made safe for a network.

Set DJANGO_SETTINGS_MODULE=kinerja.settings_produksi (docs/deploy.md). Behind nginx, which ends
TLS and forwards X-Forwarded-Proto. `python manage.py check --deploy` passes without a warning
(tested in kinerja/tests/test_produksi.py).
"""

import sys

import environ
from django.core.exceptions import ImproperlyConfigured

from .log import konfigurasi_log
from .settings import *  # noqa: F403
from .settings import env

if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG harus mati (False) di server produksi.")

# Required: a long random key of this installation, e.g. from
# `python -c "import secrets; print(secrets.token_urlsafe(50))"`.
try:
    SECRET_KEY = environ.Env().str("SECRET_KEY")
except ImproperlyConfigured as e:
    raise ImproperlyConfigured("SECRET_KEY wajib diisi di server produksi (lihat docs/deploy.md).") from e
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("SECRET_KEY harus acak dan sekurang-kurangnya 50 karakter.")

# TLS ends at the proxy; it says so with X-Forwarded-Proto, which nginx sets (and overwrites).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("KINERJA_ALIHKAN_HTTPS", default=True)
# The health check is asked over plain HTTP by the load balancer or monitor on the host itself.
SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("KINERJA_HSTS_DETIK", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("KINERJA_HSTS_SUBDOMAIN", default=True)
SECURE_HSTS_PRELOAD = env.bool("KINERJA_HSTS_PRELOAD", default=True)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[f"https://{h}" for h in ALLOWED_HOSTS])  # noqa: F405

# Static files served by the application server itself (WhiteNoise, right after the security
# middleware) with hashed names, compressed, cached for a year, after `manage.py collectstatic`.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Keep database connections open between requests (gunicorn workers), checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("KINERJA_KONEKSI_DETIK", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Log lines as JSON for journald (the systemd services' stderr is no terminal); text when stderr
# is a terminal, for a person typing `manage.py impor` on the server. KINERJA_LOG_FORMAT, when
# set, decides either way (kinerja/log.py).
_terminal = getattr(sys.stderr, "isatty", lambda: False)()
KINERJA_LOG_FORMAT = env.str("KINERJA_LOG_FORMAT", default="teks" if _terminal else "json").strip().lower()
LOGGING = konfigurasi_log(KINERJA_LOG_FORMAT, KINERJA_LOG_LEVEL)  # noqa: F405

# Mail (reminders, `manage.py pengingat`) through the region's SMTP server, e.g. port 587 with
# STARTTLS; EMAIL_BACKEND may still be set (console: nothing leaves the server).
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405

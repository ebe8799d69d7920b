"""WSGI entry point (gunicorn kinerja.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")

application = get_wsgi_application()

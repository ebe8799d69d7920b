"""`GET /sehat/`: the health check, for monitors and load balancers (no log-in)."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .sehat import OK, periksa_kesehatan


@never_cache
@require_safe
def sehat(request):
    """200 with every part "ok", else 503 naming the part that failed. A monitor polls this
    every few seconds: it neither reads nor saves a session, even when the client sends a
    session cookie (SESSION_SAVE_EVERY_REQUEST would otherwise write one on every poll)."""
    # Without `request.session`, SessionMiddleware leaves the response alone.
    request.__dict__.pop("session", None)
    hasil = periksa_kesehatan()
    return JsonResponse(hasil, status=200 if hasil["status"] == OK else 503)

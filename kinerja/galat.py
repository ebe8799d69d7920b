"""Our error pages in development too.

With DEBUG on, Django answers a 404 with its technical page, in English, listing every URL
pattern of the site ("Using the URLconf ..."), and a 500 or 400 with the traceback and the
settings. `make run` runs with DEBUG (its demo accounts and runserver's static files need it), and
it is where people try the demo: they should see what production shows. So, under DEBUG, this
middleware renders the site's own pages (templates/404.html, 400.html through handler400, the
entry page's 413, 500.html), and a 500's traceback goes to the log (the console of `make run`).
A developer who wants Django's pages sets KINERJA_HALAMAN_GALAT_TEKNIS=True. Without DEBUG it
does nothing: Django itself serves our pages then. A 403 is templates/403.html whatever DEBUG
says (Django renders handler403 in both modes).

Not covered: an exception raised in another middleware (e.g. a form over the size limits, read by
the CSRF check) still gets Django's technical page under DEBUG: Django turns it into a response
before any middleware can see it.
"""

from django.conf import settings
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.core.handlers.exception import get_exception_response
from django.http import Http404
from django.urls import Resolver404, get_resolver, get_urlconf, resolve
from django.utils.log import log_response


def _ramah():
    """Whether to serve our pages instead of Django's technical ones."""
    return settings.DEBUG and not settings.KINERJA_HALAMAN_GALAT_TEKNIS and not settings.DEBUG_PROPAGATE_EXCEPTIONS


class HalamanGalatMiddleware:
    """Place it after CommonMiddleware (which redirects /verifikasi to /verifikasi/ first) and
    after the middleware the pages need (session, user, messages, CSP nonce)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _ramah():
            try:  # an unknown URL is refused before any view: process_exception never sees it
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404 as e:
                return get_exception_response(request, get_resolver(get_urlconf()), 404, e)
        return self.get_response(request)

    def process_exception(self, request, exception):
        """A view's exception, answered as Django answers it without DEBUG."""
        if not _ramah() or isinstance(exception, PermissionDenied):
            return None
        resolver = get_resolver(get_urlconf())
        if isinstance(exception, Http404):
            return get_exception_response(request, resolver, 404, exception)
        if isinstance(exception, (BadRequest, SuspiciousOperation)):
            return get_exception_response(request, resolver, 400, exception)
        signals.got_request_exception.send(sender=None, request=request)
        response = resolver.resolve_error_handler(500)(request)
        log_response(
            "%s: %s", response.reason_phrase, request.path, response=response, request=request, exception=exception
        )
        return response

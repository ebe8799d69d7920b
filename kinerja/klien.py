"""Who is asking: the client's address behind the reverse proxies the deployment declares."""

from django.conf import settings


def alamat_klien(request):
    """The client's IP address. With KINERJA_JUMLAH_PROXY = n > 0 (nginx in front: 1), the n-th
    address from the right of X-Forwarded-For, the one the outermost trusted proxy saw (a client
    may prepend anything, it cannot append); else the connection's own address.

    >>> from django.test import RequestFactory
    >>> from django.test.utils import override_settings
    >>> r = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="10.9.9.9, 36.68.10.5", REMOTE_ADDR="127.0.0.1")
    >>> with override_settings(KINERJA_JUMLAH_PROXY=1):
    ...     alamat_klien(r)
    '36.68.10.5'
    >>> alamat_klien(r)
    '127.0.0.1'
    """
    jumlah = settings.KINERJA_JUMLAH_PROXY
    if jumlah > 0:
        rantai = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(rantai) >= jumlah:
            return rantai[-jumlah]
    return request.META.get("REMOTE_ADDR")

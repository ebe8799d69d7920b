"""Template context shared by every page."""


def csp_nonce(request):
    """The request's Content-Security-Policy nonce as `csp_nonce`, the name django-htmx's script
    tag and our inline <style> elements read; made only when a template uses it."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}

"""A system check that says, at start-up, what to install when PDFs cannot be made here."""

from django.core.checks import Warning, register

from .renderers.pdf import PERINTAH_PASANG, periksa_pdf


@register("pdf")
def periksa_weasyprint(app_configs, **kwargs):
    pesan = periksa_pdf()
    if pesan is None:
        return []
    return [Warning(pesan, hint=f"Debian/Ubuntu: {PERINTAH_PASANG}", id="laporan.W001")]

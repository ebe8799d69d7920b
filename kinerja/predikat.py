"""Presentation of predikat bands."""


def warna_teks(latar):
    """Black or white text, whichever contrasts more with the band colour `latar` (#RRGGBB),
    by the relative luminance of WCAG 2."""

    def kanal(hex2):
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanal(latar[i : i + 2]) for i in (1, 3, 5))
    luminans = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if (luminans + 0.05) / 0.05 > 1.05 / (luminans + 0.05) else "#ffffff"

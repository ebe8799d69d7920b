"""The rules of computation of Kinerja, in plain Python (no Django import).

Every number Kinerja shows goes through this module; DESIGN.md, section "The rules of
computation", is the specification. Arithmetic uses `decimal.Decimal`; formatting for people
happens only here, at the edge, in the Indonesian way (`1.234.567,89`).
"""

from decimal import ROUND_HALF_UP, Decimal


def _desimal(x):
    return x if isinstance(x, Decimal) else Decimal(str(x))


def format_angka(x, desimal=2):
    """Format a number the Indonesian way: `.` between thousands, `,` before decimals.

    `desimal` places, rounded half-up; `desimal=None` keeps the number's own significant
    decimals (for targets shown as the document prints them). None gives an empty string.

    >>> format_angka(Decimal("1234567.885"))
    '1.234.567,89'
    >>> format_angka(Decimal("0.5000"), desimal=None)
    '0,5'
    >>> format_angka(Decimal("100.0000"), desimal=None)
    '100'
    """
    if x is None:
        return ""
    d = _desimal(x)
    if desimal is None:
        d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
    else:
        d = d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    tanda = "-" if d < 0 else ""
    bulat, _, pecahan = f"{abs(d):f}".partition(".")
    bulat = f"{int(bulat):,}".replace(",", ".")
    return f"{tanda}{bulat},{pecahan}" if pecahan else f"{tanda}{bulat}"

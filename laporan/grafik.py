"""Charts drawn on the server as SVG, so that a chart on screen and in the PDF are the same
drawing and no JavaScript is needed: a stacked bar (indicators per predikat), a scatter of
capaian against serapan with its four quadrants, and a line of target against realisation over
the years. Every mark carries its value in data-* attributes (what the tests read) and a
<title> (what a pointer shows). Texts are escaped; numbers are written by the rules module."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape

from kinerja import rules

NS = 'xmlns="http://www.w3.org/2000/svg"'
HURUF = 'font-family="DejaVu Sans, sans-serif"'
ABU = "#9aa3ad"


@dataclass
class Grafik:
    """A chart: its SVG markup, its title, and a sentence saying what it shows (its text
    alternative, also written under it in XLSX)."""

    svg: str
    judul: str
    uraian: str = ""


def _n(x):
    """A coordinate, short."""
    return f"{float(x):.2f}".rstrip("0").rstrip(".")


def _judul(teks):
    return f"<title>{escape(teks)}</title>"


# ---------------------------------------------------------------------------------------------
# Stacked bar
# ---------------------------------------------------------------------------------------------


def batang_bertumpuk(bagian, lebar=180, tinggi=14, judul=""):
    """One horizontal bar split into `bagian` [(label, count, colour)] in proportion to the
    counts; an empty grey bar when all are 0."""
    total = sum(n for _, n, _ in bagian)
    uraian = ", ".join(f"{label} {n}" for label, n, _ in bagian if n) or "belum ada indikator terukur"
    isi = [
        f'<svg {NS} viewBox="0 0 {lebar} {tinggi}" width="100%" height="{tinggi}" preserveAspectRatio="none" '
        f'role="img" class="grafik grafik-batang" aria-label="{escape(judul or uraian)}" data-total="{total}">',
        _judul(f"{judul}: {uraian}" if judul else uraian),
    ]
    if total == 0:
        isi.append(f'<rect x="0" y="0" width="{lebar}" height="{tinggi}" fill="#eef1f4" data-label="" data-nilai="0"/>')
    x = Decimal(0)
    for label, n, warna in bagian:
        if not n:
            continue
        w = Decimal(lebar) * n / total
        isi.append(
            f'<rect x="{_n(x)}" y="0" width="{_n(w)}" height="{tinggi}" fill="{escape(warna or ABU)}" '
            f'data-label="{escape(label)}" data-nilai="{n}">{_judul(f"{label}: {n}")}</rect>'
        )
        x += w
    isi.append("</svg>")
    return Grafik("".join(isi), judul, uraian)


# ---------------------------------------------------------------------------------------------
# Scatter of capaian against serapan
# ---------------------------------------------------------------------------------------------


@dataclass
class Titik:
    label: str
    x: Decimal | None  # serapan (%)
    y: Decimal | None  # capaian (%)
    kunci: str = ""


BATAS_SUMBU = Decimal(150)  # a point beyond is drawn on the edge, marked as cut


def sebaran(titik, ambang_x, ambang_y, judul, label_x="Serapan anggaran (%)", label_y="Capaian kinerja (%)"):
    """Each item as a point (x: serapan, y: capaian), the thresholds as lines, the four quadrants
    named. Axes run from 0 to 150% (or to the largest value below that); a point beyond is drawn
    on the edge with a triangle and its true value in its title."""
    lebar, tinggi, kiri, bawah, atas, kanan = 640, 420, 56, 44, 16, 16
    terukur = [t for t in titik if t.x is not None and t.y is not None]
    maks_x = min(BATAS_SUMBU, max([Decimal(100), *(t.x for t in terukur)]))
    maks_y = min(BATAS_SUMBU, max([Decimal(100), *(t.y for t in terukur)]))
    lx, ly = lebar - kiri - kanan, tinggi - atas - bawah

    def px(v):
        return kiri + Decimal(lx) * min(max(v, Decimal(0)), maks_x) / maks_x

    def py(v):
        return atas + Decimal(ly) - Decimal(ly) * min(max(v, Decimal(0)), maks_y) / maks_y

    isi = [
        f'<svg {NS} viewBox="0 0 {lebar} {tinggi}" width="100%" role="img" class="grafik grafik-sebaran" '
        f'aria-label="{escape(judul)}" {HURUF} font-size="11">',
        _judul(judul),
        f'<rect x="{kiri}" y="{atas}" width="{lx}" height="{ly}" fill="#fbfcfd" stroke="#c3ccd6"/>',
    ]
    ax, ay = px(Decimal(ambang_x)), py(Decimal(ambang_y))
    for nama, x, y, jangkar in (
        (rules.KUADRAN[True, False], kiri + 6, atas + 14, "start"),
        (rules.KUADRAN[True, True], kiri + lx - 6, atas + 14, "end"),
        (rules.KUADRAN[False, False], kiri + 6, atas + ly - 8, "start"),
        (rules.KUADRAN[False, True], kiri + lx - 6, atas + ly - 8, "end"),
    ):
        isi.append(
            f'<text x="{x}" y="{y}" text-anchor="{jangkar}" fill="#4b5563" class="kuadran">{escape(nama)}</text>'
        )
    isi += [
        f'<line x1="{_n(ax)}" y1="{atas}" x2="{_n(ax)}" y2="{atas + ly}" stroke="#b45309" stroke-dasharray="4 3" '
        f'data-ambang="{_n(ambang_x)}"/>',
        f'<line x1="{kiri}" y1="{_n(ay)}" x2="{kiri + lx}" y2="{_n(ay)}" stroke="#b45309" stroke-dasharray="4 3" '
        f'data-ambang="{_n(ambang_y)}"/>',
    ]
    for v in range(0, int(maks_x) + 1, 25):
        isi.append(f'<text x="{_n(px(Decimal(v)))}" y="{atas + ly + 14}" text-anchor="middle">{v}</text>')
    for v in range(0, int(maks_y) + 1, 25):
        isi.append(f'<text x="{kiri - 6}" y="{_n(py(Decimal(v)) + 4)}" text-anchor="end">{v}</text>')
    isi += [
        f'<text x="{kiri + lx / 2}" y="{tinggi - 8}" text-anchor="middle" font-weight="bold">{escape(label_x)}</text>',
        f'<text x="14" y="{atas + ly / 2}" text-anchor="middle" font-weight="bold" '
        f'transform="rotate(-90 14 {atas + ly / 2})">{escape(label_y)}</text>',
    ]
    for t in terukur:
        cx, cy = px(t.x), py(t.y)
        terpotong = t.x > maks_x or t.y > maks_y
        kuadran = rules.kuadran(t.y, t.x, ambang_y, ambang_x)
        warna = "#b91c1c" if kuadran == rules.KUADRAN[False, True] else "#0b5563"
        keterangan = f"{t.label}: capaian {rules.format_persen(t.y)}, serapan {rules.format_persen(t.x)} ({kuadran})"
        data = f'data-label="{escape(t.label)}" data-x="{_n(t.x)}" data-y="{_n(t.y)}" data-kunci="{escape(t.kunci)}"'
        if terpotong:
            isi.append(
                f'<path d="M {_n(cx - 5)} {_n(cy + 4)} L {_n(cx)} {_n(cy - 5)} L {_n(cx + 5)} {_n(cy + 4)} Z" '
                f'fill="{warna}" class="titik terpotong" {data}>{_judul(keterangan)}</path>'
            )
        else:
            isi.append(
                f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="5" fill="{warna}" fill-opacity="0.8" class="titik" {data}>'
                f"{_judul(keterangan)}</circle>"
            )
    isi.append("</svg>")
    belum = len(titik) - len(terukur)
    uraian = f"{len(terukur)} titik capaian terhadap serapan" + (f"; {belum} belum terukur" if belum else "")
    return Grafik("".join(isi), judul, uraian)


# ---------------------------------------------------------------------------------------------
# Line over the years
# ---------------------------------------------------------------------------------------------


def garis(tahun, seri, judul, satuan=""):
    """Lines over `tahun` for each of `seri` [(label, [value or None per year], colour)]; a gap
    where a value is missing. The y axis runs from 0 (or the lowest value, when negative) to a
    tenth above the highest."""
    lebar, tinggi, kiri, bawah, atas, kanan = 520, 240, 56, 48, 16, 16
    nilai = [v for _, daftar, _ in seri for v in daftar if v is not None]
    bawah_y = min([Decimal(0), *nilai])
    atas_y = max([Decimal(1), *nilai]) * Decimal("1.1")
    lx, ly = lebar - kiri - kanan, tinggi - atas - bawah
    langkah = Decimal(lx) / max(1, len(tahun) - 1)

    def px(i):
        return kiri + (langkah * i if len(tahun) > 1 else Decimal(lx) / 2)

    def py(v):
        return atas + Decimal(ly) - Decimal(ly) * (v - bawah_y) / (atas_y - bawah_y)

    isi = [
        f'<svg {NS} viewBox="0 0 {lebar} {tinggi}" width="100%" role="img" class="grafik grafik-garis" '
        f'aria-label="{escape(judul)}" {HURUF} font-size="11">',
        _judul(judul),
        f'<line x1="{kiri}" y1="{atas + ly}" x2="{kiri + lx}" y2="{atas + ly}" stroke="#7d8794"/>',
        f'<line x1="{kiri}" y1="{atas}" x2="{kiri}" y2="{atas + ly}" stroke="#7d8794"/>',
        f'<text x="{kiri - 6}" y="{atas + 4}" text-anchor="end">{escape(rules.format_nilai(atas_y))}</text>',
        f'<text x="{kiri - 6}" y="{atas + ly + 4}" text-anchor="end">{escape(rules.format_nilai(bawah_y))}</text>',
    ]
    for i, th in enumerate(tahun):
        isi.append(f'<text x="{_n(px(i))}" y="{atas + ly + 16}" text-anchor="middle">{th}</text>')
    for n, (label, daftar, warna) in enumerate(seri):
        segmen, potong = [], []
        for i, v in enumerate(daftar):
            if v is None:
                if potong:
                    segmen.append(potong)
                potong = []
                continue
            potong.append((i, v))
        if potong:
            segmen.append(potong)
        for s in segmen:
            if len(s) > 1:
                titik = " ".join(f"{_n(px(i))},{_n(py(v))}" for i, v in s)
                isi.append(f'<polyline points="{titik}" fill="none" stroke="{escape(warna)}" stroke-width="2"/>')
        for i, v in enumerate(daftar):
            if v is None:
                continue
            keterangan = f"{label} {tahun[i]}: {rules.format_nilai(v)}{(' ' + satuan) if satuan else ''}"
            isi.append(
                f'<circle cx="{_n(px(i))}" cy="{_n(py(v))}" r="3.5" fill="{escape(warna)}" '
                f'data-seri="{escape(label)}" data-tahun="{tahun[i]}" data-nilai="{_n(v)}">'
                f"{_judul(keterangan)}</circle>"
            )
        lx_legenda = kiri + 8 + n * 150
        isi += [
            f'<rect x="{lx_legenda}" y="{tinggi - 14}" width="12" height="4" fill="{escape(warna)}"/>',
            f'<text x="{lx_legenda + 16}" y="{tinggi - 10}">{escape(label)}</text>',
        ]
    isi.append("</svg>")
    rentang = f"{tahun[0]}–{tahun[-1]}" if len(tahun) > 1 else str(tahun[0]) if tahun else ""
    return Grafik("".join(isi), judul, f"{' dan '.join(label for label, _, _ in seri)} per tahun, {rentang}")


# ---------------------------------------------------------------------------------------------
# Horizontal bars, several series per row
# ---------------------------------------------------------------------------------------------


@dataclass
class BarisBatang:
    """A row of a horizontal bar chart: its label, one value per series (None: none), the text
    written after its bars (a percentage), and a key for finding it again."""

    label: str
    nilai: list
    keterangan: str = ""
    kunci: str = ""


def _pendek(teks, panjang):
    return teks if len(teks) <= panjang else teks[: panjang - 1].rstrip() + "…"


def batang_mendatar(baris, seri, judul, satuan="Rp"):
    """Each row of `baris` (BarisBatang) as a group of horizontal bars, one per series of `seri`
    [(name, colour)], their lengths in proportion to the largest value of the chart; the label on
    the left (shortened, whole in its title), the row's `keterangan` after its bars, a legend
    under them. A missing value draws no bar."""
    lebar, kiri, kanan, atas = 640, 210, 64, 8
    tinggi_batang, jarak = 9, 8
    tinggi_baris = tinggi_batang * len(seri) + jarak
    tinggi = atas + tinggi_baris * len(baris) + 28
    lx = lebar - kiri - kanan
    maks = max([v for b in baris for v in b.nilai if v is not None and v > 0] or [1])

    def format_nilai(v):
        return rules.format_rupiah(v) if satuan == "Rp" else f"{rules.format_nilai(v)} {satuan}".rstrip()

    isi = [
        f'<svg {NS} viewBox="0 0 {lebar} {tinggi}" width="100%" role="img" class="grafik grafik-batang-mendatar" '
        f'aria-label="{escape(judul)}" {HURUF} font-size="9" data-maks="{_n(maks)}">',
        _judul(judul),
        f'<line x1="{kiri}" y1="{atas}" x2="{kiri}" y2="{atas + tinggi_baris * len(baris)}" stroke="#7d8794"/>',
    ]
    for n, b in enumerate(baris):
        y0 = atas + n * tinggi_baris
        isi.append(
            f'<text x="{kiri - 6}" y="{_n(y0 + tinggi_batang * len(seri) / 2 + 3)}" text-anchor="end">'
            f"{escape(_pendek(b.label, 36))}{_judul(b.label)}</text>"
        )
        ujung = Decimal(kiri)
        for s, ((nama, warna), v) in enumerate(zip(seri, b.nilai, strict=True)):
            if v is None:
                continue
            w = Decimal(lx) * max(Decimal(v), Decimal(0)) / Decimal(maks)
            ujung = max(ujung, kiri + w)
            isi.append(
                f'<rect x="{kiri}" y="{y0 + s * tinggi_batang}" width="{_n(w)}" height="{tinggi_batang - 1}" '
                f'fill="{escape(warna)}" data-label="{escape(b.label)}" data-seri="{escape(nama)}" '
                f'data-nilai="{_n(v)}" data-kunci="{escape(b.kunci)}">'
                f"{_judul(f'{b.label}, {nama}: {format_nilai(v)}')}</rect>"
            )
        if b.keterangan:
            isi.append(
                f'<text x="{_n(ujung + 4)}" y="{_n(y0 + tinggi_batang * len(seri) / 2 + 3)}" '
                f'data-kunci="{escape(b.kunci)}">{escape(b.keterangan)}</text>'
            )
    y_legenda = tinggi - 10
    for s, (nama, warna) in enumerate(seri):
        x = kiri + s * 150
        isi += [
            f'<rect x="{x}" y="{y_legenda - 8}" width="12" height="8" fill="{escape(warna)}"/>',
            f'<text x="{x + 16}" y="{y_legenda}">{escape(nama)}</text>',
        ]
    isi.append("</svg>")
    # The text alternative (and the chart's text in XLSX): every row's values.
    uraian = "; ".join(
        f"{b.label}: "
        + ", ".join(
            f"{nama} {format_nilai(v) if v is not None else '–'}" for (nama, _), v in zip(seri, b.nilai, strict=True)
        )
        + (f" ({b.keterangan})" if b.keterangan else "")
        for b in baris
    )
    return Grafik("".join(isi), judul, uraian)

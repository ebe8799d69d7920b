"""Hostile text for the security tests: an agency whose names and narratives carry HTML that
would run as script if it were not escaped, and text that a spreadsheet would run as a formula
if it were written as one. Shared by kinerja/tests/test_keamanan.py and
laporan/tests/test_keamanan_laporan.py."""

import re
from decimal import Decimal
from html.parser import HTMLParser
from io import BytesIO
from types import SimpleNamespace

from django.utils.html import escape
from openpyxl import load_workbook

from kinerja.models import NarasiLaporan, Pelaporan
from renstra.tests.factories import (
    IndikatorFactory,
    KegiatanFactory,
    PaguFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
)

from .factories import RealisasiFactory, operator

SKRIP = "<script>alert(1)</script>"
GAMBAR = '"><img src=x onerror=alert(1)>'
HTML = SKRIP + GAMBAR
# What must never reach a page as markup (compared in lower case: some reports print names in capitals).
MENTAH = ("<script>alert(1)", "<img src=x onerror")

# Each field starts with another character a spreadsheet would read as the start of a formula.
NAMA_OPD = f'=HYPERLINK("http://contoh.invalid","klik") Dinas {HTML}'
URAIAN_PROGRAM = f"@SUM(A1) Program {HTML}"
URAIAN_INDIKATOR = f"+1+1 Indikator {HTML}"
URAIAN_SASARAN_INDIKATOR = f"=1+1 Indikator sasaran {HTML}"
CATATAN = f"-1+1 Catatan verifikator {HTML}"
PERMASALAHAN = f'=HYPERLINK("http://contoh.invalid","masalah") Permasalahan {HTML}'
RENCANA_AKSI = f"@SUM(A1) Rencana aksi {HTML}"
TINDAK_LANJUT = f"+SUM(A1) Tindak lanjut {HTML}"
KETERANGAN = f"-SUM(A1) Keterangan {HTML}"
KATA_PENGANTAR = f"=SUM(A1) Kata pengantar {HTML}"
FAKTOR_PENDORONG = f"@SUM(A1) Faktor pendorong {HTML}"
REALISASI_NEGATIF = Decimal("-5.01")

ISIAN = {
    "nama perangkat daerah": NAMA_OPD,
    "uraian program": URAIAN_PROGRAM,
    "uraian indikator": URAIAN_INDIKATOR,
    "uraian indikator sasaran": URAIAN_SASARAN_INDIKATOR,
    "catatan verifikator": CATATAN,
    "permasalahan": PERMASALAHAN,
    "rencana aksi": RENCANA_AKSI,
    "tindak lanjut": TINDAK_LANJUT,
    "keterangan": KETERANGAN,
    "kata pengantar LKjIP": KATA_PENGANTAR,
    "faktor pendorong LKjIP": FAKTOR_PENDORONG,
}


def buat_dinas_berbahaya():
    """An agency (Renstra 2024–2026) whose every user-written text carries both payloads: TW I 2024
    realised and returned by the reviewer with a note, an indicator realised at -5,01, and two
    LKjIP sections written."""
    opd = PerangkatDaerahFactory(
        kode="DINSOS-XSS", nama=NAMA_OPD, singkatan="", kota="Kota Uji", kepala_nama="Kepala Uji"
    )
    renstra = RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    sasaran = SasaranFactory(tujuan=TujuanFactory(renstra=renstra))
    iku = IndikatorFactory(sub_kegiatan=None, sasaran=sasaran, uraian=URAIAN_SASARAN_INDIKATOR, satuan="%")
    TargetFactory(indikator=iku, nilai=Decimal(80))
    program = ProgramFactory(renstra=renstra, uraian=URAIAN_PROGRAM)
    sub = SubKegiatanFactory(kegiatan=KegiatanFactory(program=program))
    indikator = IndikatorFactory(sub_kegiatan=sub, uraian=URAIAN_INDIKATOR)
    TargetFactory(indikator=indikator, nilai=Decimal(12))
    negatif = IndikatorFactory(sub_kegiatan=sub, uraian="Pertumbuhan jumlah PMKS", satuan="%")
    TargetFactory(indikator=negatif, nilai=Decimal(-3))
    PaguFactory(sub_kegiatan=sub, tahun=2024, induk=36_350_862)
    RealisasiFactory(
        indikator=indikator,
        tahun=2024,
        triwulan=1,
        nilai=Decimal(8),
        permasalahan=PERMASALAHAN,
        rencana_aksi=RENCANA_AKSI,
        tindak_lanjut=TINDAK_LANJUT,
        keterangan=KETERANGAN,
    )
    RealisasiFactory(indikator=negatif, tahun=2024, triwulan=1, nilai=REALISASI_NEGATIF)
    RealisasiFactory(indikator=iku, tahun=2024, triwulan=4, nilai=Decimal(85))
    Pelaporan.objects.create(opd=opd, tahun=2024, triwulan=1, status=Pelaporan.Status.DIKEMBALIKAN, catatan=CATATAN)
    NarasiLaporan.objects.create(opd=opd, tahun=2024, bagian=NarasiLaporan.Bagian.KATA_PENGANTAR, teks=KATA_PENGANTAR)
    NarasiLaporan.objects.create(
        opd=opd, tahun=2024, bagian=NarasiLaporan.Bagian.FAKTOR_PENDORONG, indikator=iku, teks=FAKTOR_PENDORONG
    )
    return SimpleNamespace(
        opd=opd,
        renstra=renstra,
        program=program,
        sub=sub,
        indikator=indikator,
        negatif=negatif,
        iku=iku,
        operator=operator(opd=opd),
    )


# --- reading responses back ----------------------------------------------------------------


def mentah_dalam(html):
    """The payloads found unescaped in `html` (empty when the page is safe)."""
    kecil = html.lower()
    return [m for m in MENTAH if m in kecil]


def tampak_tersaring(html, teks):
    """Whether `teks` is shown in `html` escaped, as Django's templates escape it."""
    return escape(teks).lower() in html.lower()


def tanpa_spasi(teks):
    return re.sub(r"\s+", "", teks)


def sel_xlsx(isi):
    """Every non-empty cell of a workbook (bytes): [(sheet, coordinate, value, data type)]."""
    buku = load_workbook(BytesIO(isi))
    return [
        (ws.title, c.coordinate, c.value, c.data_type)
        for ws in buku.worksheets
        for baris in ws.iter_rows()
        for c in baris
        if c.value is not None
    ]


def rumus_dalam(isi):
    """The formula cells of a workbook. A cell stored as a string (data type "s") is shown as
    its text by every spreadsheet program and never evaluated, however it begins: for XLSX that
    is enough, no quote prefix is needed."""
    return [(lembar, koordinat, nilai) for lembar, koordinat, nilai, jenis in sel_xlsx(isi) if jenis == "f"]


# --- Content-Security-Policy ---------------------------------------------------------------


class _Tag(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tag = []

    def handle_starttag(self, tag, attrs):
        self.tag.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tag_html(html):
    """Every start tag of `html` as (name, {attribute: value}); escaped text is not a tag."""
    pengurai = _Tag()
    pengurai.feed(html)
    pengurai.close()
    return pengurai.tag


def arahan_csp(respons):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    bagian = (b.split() for b in respons.get("Content-Security-Policy", "").split(";") if b.strip())
    return {b[0]: b[1:] for b in bagian}


def masalah_csp(respons):
    """What the Content-Security-Policy of an HTML response would block, or what weakens it:
    a policy allowing inline or eval'd script, an inline <style> without the policy's nonce, a
    style="..." or on...= attribute, an inline <script>, a javascript: link. SVG presentation
    attributes (fill=, stroke=) are not styles and are fine."""
    arahan = arahan_csp(respons)
    masalah = []
    if arahan.get("script-src") != ["'self'"]:
        masalah.append(f"script-src {arahan.get('script-src')}")
    semua = [s for sumber in arahan.values() for s in sumber]
    masalah += [f"kebijakan memuat {s}" for s in ("'unsafe-inline'", "'unsafe-eval'") if s in semua]
    nonce = [
        s.removeprefix("'nonce-").removesuffix("'") for s in arahan.get("style-src", []) if s.startswith("'nonce-")
    ]
    for tag, atribut in tag_html(respons.content.decode()):
        if tag == "style" and atribut.get("nonce") not in nonce:
            masalah.append(f"<style> tanpa nonce kebijakan: {atribut}")
        if tag == "script" and not atribut.get("src") and atribut.get("type") != "application/json":
            masalah.append(f"<script> tanpa src: {atribut}")
        if "style" in atribut:
            masalah.append(f'<{tag} style="{atribut["style"]}">')
        masalah += [f"<{tag} {nama}=...>" for nama in atribut if nama.startswith("on")]
        masalah += [
            f"<{tag} {nama}={nilai}>"
            for nama, nilai in atribut.items()
            if nama in ("href", "src", "action", "formaction")
            and (nilai or "").strip().lower().startswith("javascript:")
        ]
    return masalah


def masalah_halaman(respons):
    """Everything wrong with an HTML response for these tests: payloads that reach the page as
    markup, text escaped twice, and what the Content-Security-Policy would block."""
    html = respons.content.decode()
    masalah = [f"tidak tersaring: {m}" for m in mentah_dalam(html)]
    if "&amp;lt;" in html:
        masalah.append("tersaring dua kali: &amp;lt;")
    return masalah + masalah_csp(respons)

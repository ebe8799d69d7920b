"""How the preview names what an import creates or changes, and writes values for people: what
an object is ("Realisasi TW II "Jumlah …" (1.06.04.2.01.0001)"), the label of a field, and a
value the Indonesian way (34.000, 97,62, Rp 5.367.987.782, ya/tidak).

Everything here reads only the object's own fields and the objects the importer hands over, never
the database: a preview names a few hundred objects of each kind out of tens of thousands.
"""

from decimal import Decimal

from django.db import models

from kinerja import periode, rules

PANJANG_URAIAN = 70
PANJANG_NILAI = 80


def singkat(teks, panjang=PANJANG_URAIAN):
    """`teks` cut at a word to about `panjang` characters, with "…"."""
    teks = " ".join(str(teks or "").split())
    if len(teks) <= panjang:
        return teks
    potong = teks[:panjang].rsplit(" ", 1)[0] if " " in teks[:panjang] else teks[:panjang]
    return f"{potong} …"


def simpul(obj):
    """A programme, kegiatan or sub kegiatan: "1.06.02.2.03 Pengembangan …"."""
    return f"{obj.kode} {singkat(obj.uraian)}".strip()


def sebutan(obj):
    """A node by its code, or by its uraian when it has none (tanpa kode, before 2021)."""
    return obj.kode or f'"{singkat(obj.uraian)}"'


def indikator(uraian, kode):
    """An indicator by its description and its owner's code: '"Jumlah orang …" (1.06.04.2.01.0001)'."""
    return f'"{singkat(uraian)}" ({kode})' if kode else f'"{singkat(uraian)}"'


def realisasi(triwulan, uraian, kode):
    return f"Realisasi TW {periode.romawi(triwulan)} {indikator(uraian, kode)}"


def target(tahun, uraian, kode):
    return f"Target {tahun} {indikator(uraian, kode)}"


def bawaan(obj):
    """What an object is, from its own fields (for the kinds the importers do not name)."""
    if hasattr(obj, "kode") and hasattr(obj, "uraian"):
        return simpul(obj)
    if hasattr(obj, "tahun_awal"):
        return f"{obj._meta.verbose_name} {obj.tahun_awal}–{obj.tahun_akhir}"
    if getattr(obj, "nama", ""):
        return obj.nama
    return obj._meta.verbose_name.capitalize()


def label(medan):
    """A field's label as a person reads it: "Pagu indikatif" for "pagu indikatif (Rp)"."""
    return str(medan.verbose_name).removesuffix(" (Rp)").capitalize()


def nilai(medan, isi, terkait=None):
    """`isi`, a value of `medan`, written for people; `terkait` is the related object of a
    foreign key when the caller has it (else the key is written)."""
    if isi is None or isi == "":
        return "–"
    if medan.is_relation:
        if isinstance(isi, models.Model):
            return singkat(bawaan(isi), PANJANG_NILAI)
        return singkat(bawaan(terkait), PANJANG_NILAI) if terkait is not None else f"#{isi}"
    if medan.choices:
        return str(dict(medan.flatchoices).get(isi, isi))
    if isinstance(isi, bool):
        return "ya" if isi else "tidak"
    if isinstance(medan, models.BigIntegerField):  # rupiah (STYLE: whole rupiah in a BigIntegerField)
        return rules.format_rupiah(isi)
    if isinstance(isi, Decimal | float):
        return rules.format_angka(isi, desimal=None)
    if isinstance(isi, int):
        return str(isi)
    return singkat(isi, PANJANG_NILAI)

"""Header synonyms: the words agencies print over a column, per column key, as data.

Every format reads its header labels through `kunci(label)`: a label is normalised (case,
blanks, punctuation, HTML remnants, a unit in brackets such as "(Rp)" or "(%)" dropped) and
looked up in `SINONIM`. An entry ending in "*" matches every label that begins with it
("indikator*" for "Indikator Kinerja Program"). Adding a synonym is one line here and a test
(kinerja/tests/test_impor_sinonim.py); docs/impor.md lists them for the agencies.

The order of `SINONIM` matters where a label could fit two keys: the more specific key comes
first ("anggaran perubahan" before "anggaran").
"""

import re

SINONIM = {
    # Program/Kegiatan/Sub Kegiatan: the name of the row
    "nama": (
        "program kegiatan sub kegiatan",
        "program kegiatan subkegiatan",
        "program kegiatan",
        "program dan kegiatan",
        "program kegiatan dan sub kegiatan",
        "uraian program kegiatan*",
        "nama program kegiatan*",
    ),
    "kode": ("kode", "kodrek", "kodring", "kode rekening", "kode program kegiatan*", "kode rek"),
    "no": ("no", "nomor", "no urut"),
    "indikator": ("indikator*", "tolok ukur*"),
    "satuan": ("satuan", "sat"),
    "target": ("target", "k", "target kinerja"),
    "anggaran_perubahan": (
        "anggaran perubahan",
        "pagu perubahan",
        "dpa perubahan",
        "anggaran setelah perubahan",
        "setelah perubahan",
        "perubahan",
        "apbd perubahan",
    ),
    "anggaran_induk": (
        "anggaran induk",
        "anggaran murni",
        "pagu induk",
        "pagu murni",
        "apbd induk",
        "apbd murni",
        "dpa induk",
        "dpa murni",
        "induk",
        "murni",
        "sebelum perubahan",
    ),
    # a single budget column ("Anggaran (Rp)", "Pagu"): the original budget of the year
    "anggaran": ("anggaran", "pagu", "pagu anggaran", "pagu indikatif", "dpa", "alokasi anggaran", "rp"),
    "realisasi": ("realisasi", "realisasi anggaran", "realisasi keuangan", "realisasi belanja"),
    "persen": (
        "%",
        "persen",
        "persentase",
        "prosentase",
        "capaian",
        "capaian kinerja",
        "tingkat capaian",
        "serapan",
        "persentase realisasi",
        "t",
    ),
    "kondisi_awal": ("kondisi awal*", "kondisi kinerja awal*", "capaian awal*", "baseline*"),
    "kondisi_akhir": ("kondisi akhir*", "kondisi kinerja pada akhir*", "target akhir*"),
    "penanggung_jawab": ("penanggung jawab*", "unit kerja*", "perangkat daerah penanggung jawab*", "unit*"),
}

_SATUAN_KURUNG = re.compile(r"\(\s*(rp\.?|%|persen|rupiah)\s*\)")
_TAG = re.compile(r"<[^>]*>")


def normalkan(label):
    """A header label as it is compared: lower case, HTML and a bracketed unit ("(Rp)", "(%)")
    dropped, punctuation as blanks, blanks collapsed; "%" alone stays "%".

    >>> normalkan("Anggaran (Rp)"), normalkan(" Prosentase (%) "), normalkan("%"), normalkan("Program/ Kegiatan")
    ('anggaran', 'prosentase', '%', 'program kegiatan')
    """
    s = _TAG.sub("", str(label or "")).replace("\u00a0", " ").casefold().strip()
    if s in ("%", "(%)"):
        return "%"
    s = _SATUAN_KURUNG.sub(" ", s)
    s = re.sub(r"[^\w%]+", " ", s).strip()
    return " ".join(s.split())


def _cocok(norm, entri):
    if entri.endswith("*"):
        return norm.startswith(entri[:-1])
    return norm == entri


def kunci(label, pilihan=None):
    """The column key that `label` names (the first in `SINONIM`'s order, among `pilihan` when
    given), or None.

    >>> kunci("Realisasi (Rp)"), kunci("Capaian (%)"), kunci("Pagu"), kunci("Anggaran Perubahan")
    ('realisasi', 'persen', 'anggaran', 'anggaran_perubahan')
    """
    norm = normalkan(label)
    if not norm:
        return None
    for k, daftar in SINONIM.items():
        if pilihan is not None and k not in pilihan:
            continue
        if any(_cocok(norm, e) for e in daftar):
            return k
    return None


def menyebut(label, k):
    """Whether `label` is one of the synonyms of key `k`."""
    norm = normalkan(label)
    return bool(norm) and any(_cocok(norm, e) for e in SINONIM[k])

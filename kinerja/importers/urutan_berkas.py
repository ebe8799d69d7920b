"""The order in which a workbook lists sibling programs, kegiatan or sub kegiatan.

Agencies do not always list them by code (seed 000 lists sub kegiatan 1.06.04.2.01.0001, 0003,
0006, 0008, 0010, 0002, …). The reports sort siblings by `urutan`, then by code
(`renstra.kode.urut_simpul`); an import writes `urutan` only when the file's order is not the
order the nodes already have, so that a file in code order changes nothing and nodes entered by
hand (urutan 0) keep sorting by code.
"""

from types import SimpleNamespace

from renstra.kode import urut_simpul

_BARU = 10**12  # new nodes come after the stored ones among rows without a code


def urutan_berkas(daftar):
    """`daftar`: the siblings in the file's order, each (stored object or None, code). Returns the
    `urutan` to write for each (1, 2, … in the file's order), or None for each when the order they
    have (stored urutan, new ones 0, then the code) already is the file's."""
    tiruan = [
        SimpleNamespace(kode=kode, urutan=obj.urutan if obj is not None else 0, pk=obj.pk if obj else _BARU + i)
        for i, (obj, kode) in enumerate(daftar)
    ]
    if sorted(range(len(tiruan)), key=lambda i: urut_simpul(tiruan[i])) == list(range(len(tiruan))):
        return [None] * len(daftar)
    return list(range(1, len(daftar) + 1))

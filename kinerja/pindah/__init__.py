"""Moving an agency between servers (`manage.py ekspor_opd` / `impor_opd`): everything one agency
holds, in one ZIP archive keyed by codes, years and names (format.py), written by ekspor.py and
read back, all or nothing, by impor.py."""

from .ekspor import ekspor_opd
from .format import VERSI_FORMAT, PindahGagal, hitung_isi
from .hapus import hapus_isi_opd, hapus_opd
from .impor import HasilImpor, impor_opd

__all__ = [
    "VERSI_FORMAT",
    "HasilImpor",
    "PindahGagal",
    "ekspor_opd",
    "hapus_isi_opd",
    "hapus_opd",
    "hitung_isi",
    "impor_opd",
]

from .akun import Peran, User
from .impor import Impor
from .pelaporan import Pelaporan
from .predikat import RentangPredikat, SkalaPredikat
from .realisasi import DataDukung, Realisasi, RealisasiAnggaran

__all__ = [
    "DataDukung",
    "Impor",
    "Pelaporan",
    "Peran",
    "Realisasi",
    "RealisasiAnggaran",
    "RentangPredikat",
    "SkalaPredikat",
    "User",
]

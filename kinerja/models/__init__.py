from .akun import Peran, User
from .impor import Impor
from .narasi import BagianNarasi, NarasiLaporan
from .pekerja import Pekerja
from .pelaporan import Pelaporan
from .predikat import RentangPredikat, SkalaPredikat
from .realisasi import DataDukung, Realisasi, RealisasiAnggaran

__all__ = [
    "BagianNarasi",
    "DataDukung",
    "Impor",
    "NarasiLaporan",
    "Pekerja",
    "Pelaporan",
    "Peran",
    "Realisasi",
    "RealisasiAnggaran",
    "RentangPredikat",
    "SkalaPredikat",
    "User",
]

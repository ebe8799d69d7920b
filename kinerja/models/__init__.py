from .akun import Peran, User
from .catatan import CatatanData
from .diskusi import CatatanDiskusi, TindakLanjut
from .impor import Impor
from .narasi import BagianNarasi, NarasiLaporan
from .pekerja import Pekerja
from .pelaporan import Pelaporan
from .pembanding import NilaiPembanding, NilaiSakip
from .pengingat import Pengingat
from .predikat import RentangPredikat, SkalaPredikat
from .realisasi import DataDukung, Realisasi, RealisasiAnggaran
from .ringkasan import CapaianTersimpan, RingkasanTersimpan, VersiCapaian

__all__ = [
    "BagianNarasi",
    "CapaianTersimpan",
    "CatatanData",
    "CatatanDiskusi",
    "DataDukung",
    "Impor",
    "NarasiLaporan",
    "NilaiPembanding",
    "NilaiSakip",
    "Pekerja",
    "Pelaporan",
    "Pengingat",
    "Peran",
    "Realisasi",
    "RealisasiAnggaran",
    "RentangPredikat",
    "RingkasanTersimpan",
    "SkalaPredikat",
    "TindakLanjut",
    "User",
    "VersiCapaian",
]

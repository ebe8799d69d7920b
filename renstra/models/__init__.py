from .anggaran import Pagu, SumberDana
from .daerah import IndikatorDaerah, TujuanDaerah
from .indikator import Indikator, SatuanCacah, SkalaTingkat, Target, Tingkat
from .opd import Bidang, PerangkatDaerah
from .periode import Triwulan
from .rencana import Kegiatan, Program, Renstra, Sasaran, SubKegiatan, Tujuan

__all__ = [
    "Bidang",
    "Indikator",
    "IndikatorDaerah",
    "Kegiatan",
    "Pagu",
    "PerangkatDaerah",
    "Program",
    "Renstra",
    "Sasaran",
    "SatuanCacah",
    "SkalaTingkat",
    "SubKegiatan",
    "SumberDana",
    "Target",
    "Tingkat",
    "Triwulan",
    "Tujuan",
    "TujuanDaerah",
]

"""Triggers keeping realisations inside their Renstra's period (see renstra.pemicu)."""

from renstra.pemicu import pemicu_periode, pemicu_tahun

PEMICU = [
    pemicu_tahun("realisasi_tahun_dalam_periode", "kinerja_realisasi", "indikator"),
    pemicu_tahun("realisasi_anggaran_tahun_dalam_periode", "kinerja_realisasianggaran", "sub_kegiatan"),
    pemicu_periode(
        "renstra_periode_mencakup_realisasi",
        [("kinerja_realisasi", "indikator"), ("kinerja_realisasianggaran", "sub_kegiatan")],
    ),
]

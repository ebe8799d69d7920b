"""The code of a programme or kegiatan row read from the rows under it, for a row whose code is
missing (taken from them when they all agree, with a warning saying which code was used) or
does not fit its level (refused, with the code they suggest as the hint).

A kegiatan's code is the first five parts of its sub kegiatan's codes (1.06.04.2.01 of
1.06.04.2.01.0001), a programme's the first three of its kegiatan's (Permendagri 90/2019).
"""

from renstra import kode as kode_rules
from renstra import nomenklatur

from . import sel

BAGIAN = {kode_rules.PROGRAM: 3, kode_rules.KEGIATAN: 5}
_ANAK = {kode_rules.PROGRAM: "kegiatan", kode_rules.KEGIATAN: "sub kegiatan"}
_BENTUK_ANAK = {kode_rules.PROGRAM: "N.NN", kode_rules.KEGIATAN: "NNNN"}


def awal_kode(level, kode_anak):
    """The codes of `level` the children's codes begin with, sorted."""
    n = BAGIAN[level]
    return sorted({".".join(k.split(".")[:n]) for k in kode_anak if k and sel.jumlah_bagian(k) > n})


def _contoh(kode_anak):
    contoh = [k for k in kode_anak if k]
    return ", ".join(contoh[:2]) + (", …" if len(contoh) > 2 else "")


def kode_dari_anak(level, kode_anak):
    """(code, warning) for a row of `level` without code whose children agree on it, else
    (None, error)."""
    nama, anak = kode_rules.NAMA_LEVEL[level], _ANAK[level]
    awal = awal_kode(level, kode_anak)
    if len(awal) == 1 and not kode_rules.periksa_kode(level, awal[0]):
        return awal[0], f"Kode {nama} kosong; dipakai {awal[0]}, awal kode {anak} di bawahnya ({_contoh(kode_anak)})."
    if awal:
        return None, f"Kode {nama} kosong, dan {anak} di bawahnya berawal beda ({', '.join(awal)}): isi kode {nama}nya."
    return None, f"Kode {nama} kosong dan tidak ada {anak} berkode di bawahnya: isi kode {nama}nya."


def pesan_kode_salah(level, kode, kode_anak, lain):
    """Why the code `kode` of a row of `level` is refused: with the code its children suggest
    when they agree on one, else `lain` (the message of the code's shape)."""
    nama, anak = kode_rules.NAMA_LEVEL[level], _ANAK[level]
    awal = awal_kode(level, kode_anak)
    if len(awal) == 1 and awal[0] != kode and not kode_rules.periksa_kode(level, awal[0]):
        return (
            f'Kode {nama} "{kode}" tidak sesuai bentuk kode {nama}; {anak} di bawahnya berkode '
            f"{awal[0]}.{_BENTUK_ANAK[level]}, jadi kodenya mungkin {awal[0]}."
        )
    return lain


def saran_baris_berikut(kode_berikut, kode_induk):
    """For a row without code nor label, what the next coded row says it may be: (a sentence, the
    level), or ("", None). `kode_induk` maps level → the code of the programme and kegiatan above."""
    bagian = sel.jumlah_bagian(kode_berikut)
    if bagian == 6:
        level, anak, bentuk = kode_rules.KEGIATAN, "Sub kegiatan", "NNNN"
    elif bagian == 5:
        level, anak, bentuk = kode_rules.PROGRAM, "Kegiatan", "N.NN"
    else:
        return "", None
    awal = ".".join(kode_berikut.split(".")[: BAGIAN[level]])
    if awal == kode_induk.get(level) or kode_rules.periksa_kode(level, awal):
        return "", None
    nama = kode_rules.NAMA_LEVEL[level]
    return f" {anak} di bawahnya berkode {awal}.{bentuk}, jadi bila baris ini {nama}nya, kodenya mungkin {awal}.", level


def periksa_nomenklatur(hasil, level, kode, uraian, daftar_tahun, letak, sudah_diberitahu):
    """Warn (never refuse) when a new node's code or name fits no nomenclature version in force
    during `daftar_tahun` (renstra.nomenklatur): the official name is given, the row kept."""
    if not kode:
        return
    for pesan in nomenklatur.periksa_dalam_periode(
        level, kode, uraian, daftar_tahun, sudah_diberitahu=sudah_diberitahu
    ):
        hasil.tambah(pesan, *letak, peringatan=True, jenis="nama", medan="uraian")

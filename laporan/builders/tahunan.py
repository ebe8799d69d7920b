"""Indicators measured once a year (Indikator.frekuensi "tahunan") in the report tables: their
value is the year's, printed in the columns that close the year and never read as a TW IV
figure; the quarters before it say "diukur tahunan" instead of a "–" that would read as not
reported (kinerja.rules.diukur_pada, KinerjaIndikator.diukur_pada)."""

from kinerja import rules
from laporan.dokumen import Sel, kosong

DIUKUR_TAHUNAN = "diukur tahunan"
KELAS_TIDAK_DIUKUR = "tidak-diukur"


def sel_diukur_tahunan(kolom=1, tahun_tampil=None):
    """The cell(s) of the quarters in which an annual indicator has no value: it says so, where
    a "–" would read as a quarter not reported; with `tahun_tampil`, it points to the year's
    value in the cells after it (the columns of TW IV)."""
    tulisan = f"{DIUKUR_TAHUNAN}: realisasi tahunan {tahun_tampil} →" if tahun_tampil else DIUKUR_TAHUNAN
    return Sel(teks=tulisan, kolom=kolom, kelas=KELAS_TIDAK_DIUKUR, catatan=str(rules.Alasan.DIUKUR_TAHUNAN))


def tandai_tahunan(sel, tahun=None):
    """An annual indicator's cells of the year (value, capaian), each saying on hover that it is
    the year's; a capaian that cannot be computed keeps its reason."""
    for s in sel:
        s.catatan = s.catatan or " ".join(filter(None, ["Realisasi tahunan", str(tahun or "")])) + (
            " (indikator diukur tahunan)"
        )
    return sel


def sel_per_triwulan_tahunan(triwulan, lebar, sel_tahun, tahun):
    """The cells of the four quarters (`lebar` columns each) of an annual indicator in a table up
    to `triwulan`: the quarters before TW IV that are reported in one cell "diukur tahunan", the
    later ones empty, and TW IV the year's cells `sel_tahun` once the year is closed."""
    dilaporkan = min(triwulan, 3)
    sel = [sel_diukur_tahunan(lebar * dilaporkan, tahun if triwulan == 4 else None)] if dilaporkan else []
    sel += [kosong() for _ in range(lebar * (3 - dilaporkan))]
    return sel + (list(sel_tahun) if triwulan == 4 else [kosong() for _ in range(lebar)])


def catatan_tahunan(kinerja_daftar, di_mana="pada kolom Triwulan IV"):
    """The report's note on its annual indicators (KinerjaIndikator of the report, None allowed):
    [] when it has none."""
    uraian = list(dict.fromkeys(k.indikator.uraian for k in kinerja_daftar if k is not None and k.tahunan))
    if not uraian:
        return []
    return [
        f"Diukur tahunan ({len(uraian)} indikator: {'; '.join(uraian[:5])}"
        f"{f' dan {len(uraian) - 5} lainnya' if len(uraian) > 5 else ''}): realisasinya dilaporkan sekali "
        f"setahun dan dicetak sebagai realisasi tahunan {di_mana}; triwulan sebelumnya bertanda "
        f'"{DIUKUR_TAHUNAN}", tidak dianggap kosong dan tidak ikut rata-rata triwulan itu.'
    ]

"""Urusan and bidang urusan heading rows above the programs of a report.

The Renstra matrix and the Evaluasi Renja print, above the programs of each bidang urusan, the
urusan and bidang urusan they belong to, as the agencies' documents do (seed 003, Evaluasi Renja
form: "Urusan : …", "Bidang Urusan : …"; seed 002, Renstra matrix: "1 06 URUSAN PEMERINTAHAN
BIDANG SOSIAL"). The heading is derived from the program's code with `renstra.nomenklatur`; a
program without a code (the nomenclature before 2021), the supporting programme written with the
placeholder `X.XX.01` and a program of an urusan whose nomenclature is not shipped get none.
"""

from laporan.dokumen import Baris, kode, kosong, teks
from renstra.nomenklatur import bidang_urusan_dari, urusan_dari


def baris_judul(entri, jumlah_kolom):
    """A heading row of a table of `jumlah_kolom` columns, in bold: the entry's code in the third
    column (Kode), its name from the fourth (program/kegiatan/sub kegiatan) running on over the
    columns to the right, as the documents print it."""
    sel = [kosong(), kosong(), kode(entri.kode), teks(entri.uraian, kolom=jumlah_kolom - 3)]
    return Baris(sel, 0, "kelompok", f"urusan-{entri.kode}")


class JudulUrusan:
    """Says which heading rows go above the next program: call `mulai()` where a new group of
    programs starts (a sasaran), then `untuk(kode)` before each program, in the printed order."""

    def __init__(self, tahun=None):
        self.tahun = tahun
        self.mulai()

    def mulai(self):
        self._urusan = self._bidang = None

    def untuk(self, kode):
        """The nomenclature entries (urusan, then bidang urusan) to print above a program with
        this code: only those that differ from the headings already printed in the group."""
        if not kode:
            return []
        urusan = urusan_dari(kode, self.tahun)
        bidang = bidang_urusan_dari(kode, self.tahun)
        hasil = []
        if urusan is not None and urusan.kode != self._urusan:
            hasil.append(urusan)
            self._urusan, self._bidang = urusan.kode, None
        if bidang is not None and bidang.kode != self._bidang:
            hasil.append(bidang)
            self._bidang = bidang.kode
        return hasil

"""Data notes as numbered footnotes of one report (issue 19): the number beside the value a note
concerns, and the list of the numbered notes under the table ("Catatan data": number, what,
where it was read, the printed and the computed value).

A report builds one `CatatanKaki` from `kinerja.selectors.catatan_data(opd, tahun)` (the open
notes, one query) and asks it, for each value cell it shows, for the numbers of the notes on that
value: `nomor(indikator_id=…, triwulan=…, medan=…)` for an indicator's value,
`nomor_simpul(sub_kegiatan_id=… | kegiatan_id=… | program_id=…, medan=…)` for a budget node's.
Numbers are given in the order the report meets the notes (the first value asked for that has a
note gets 1), so they run down the table as a reader reads it; a value shown twice (the same
capaian on form 1 and form 2) keeps its number. A note the report never asks for — its value is
not shown, or it concerns no value at all — gets no number and is not listed: the LKjIP's
"Masalah data" lists every open note.

`tandai(sel, nomor)` puts the numbers on a cell (`Sel.tanda`, and the notes as its hover text and
XLSX comment), `daftar_tabel(tabel)` the numbered notes of the numbers shown in one table, for
`Tabel.catatan_data`; `daftar` all numbered notes in number order."""

from dataclasses import dataclass, field

from kinerja.selectors import catatan_data

# a budget row's values, by the name a data note gives them (kinerja.importers.catatan.MEDAN_ANGGARAN)
PAGU = ("pagu", "pagu_induk", "pagu_perubahan")


# the report's note when it numbers any data note
CATATAN_DATA = (
    "Angka kecil di samping nilai: nomor catatan data di bawah tabel, yang ditemukan impor atau pembacaan "
    "dokumen sumber dan belum diselesaikan (mis. persen tercetak berbeda dari hitungan). Nilai di tabel adalah "
    "nilai yang disimpan dan dihitung Kinerja; yang tercetak di sumbernya tertulis pada catatannya."
)


@dataclass(frozen=True)
class ButirCatatan:
    """One numbered note of the list under a table."""

    nomor: int
    pesan: str
    letak: str
    tercetak: str
    dihitung: str
    pk: int | None = None
    perihal: str = ""  # the value it concerns, in words (the agency dashboard's list)

    @property
    def baris(self):
        """The note on one line (an XLSX row under the table)."""
        bagian = [f"{self.nomor}. {self.pesan}"]
        if self.letak:
            bagian.append(f"Dibaca dari: {self.letak}.")
        nilai = "; ".join(
            f"{label} {isi}" for label, isi in (("tercetak", self.tercetak), ("dihitung", self.dihitung)) if isi
        )
        if nilai:
            bagian.append(f"Nilai {nilai}.")
        return " ".join(bagian)


def _kosong(sel):
    """A cell that shows nothing: no value, no word, no reason."""
    return sel.nilai is None and not sel.teks and not sel.catatan


def _medan(medan):
    return (medan,) if isinstance(medan, str) else tuple(medan)


class CatatanKaki:
    """The footnote numbering of one report, from its list of open data notes."""

    def __init__(self, catatan=()):
        self._indikator = {}  # (indikator id, triwulan, medan) → [note]
        self._simpul = {}  # (level, id, medan) → [note]
        for c in catatan:
            if not c.medan:
                continue  # about no value: listed by the LKjIP alone
            if c.indikator_id:
                self._indikator.setdefault((c.indikator_id, c.triwulan, c.medan), []).append(c)
            else:
                for level in ("sub_kegiatan", "kegiatan", "program"):
                    pk = getattr(c, f"{level}_id")
                    if pk:
                        self._simpul.setdefault((level, pk, c.medan), []).append(c)
                        break
        self._nomor = {}  # note pk → its number

    def __bool__(self):
        return bool(self._indikator or self._simpul)

    def _beri_nomor(self, daftar):
        hasil = []
        for c in daftar:
            if c.pk not in self._nomor:
                self._nomor[c.pk] = (len(self._nomor) + 1, c)
            hasil.append(self._nomor[c.pk][0])
        return sorted(set(hasil))

    def nomor(self, *, indikator_id, medan, triwulan=None):
        """The numbers of the notes on an indicator's `medan` (a name or several) of `triwulan`
        (None: of the year), numbering them when first met; [] when there is none."""
        daftar = [c for m in _medan(medan) for c in self._indikator.get((indikator_id, triwulan, m), ())]
        return self._beri_nomor(daftar)

    def nomor_simpul(self, *, medan, sub_kegiatan_id=None, kegiatan_id=None, program_id=None):
        """The numbers of the notes on a budget node's `medan` (a name or several); [] when none."""
        simpul = (("sub_kegiatan", sub_kegiatan_id), ("kegiatan", kegiatan_id), ("program", program_id))
        level, pk = next(((lv, pk) for lv, pk in simpul if pk), (None, None))
        if level is None:
            return []
        daftar = [c for m in _medan(medan) for c in self._simpul.get((level, pk, m), ())]
        return self._beri_nomor(daftar)

    def catatan(self, nomor):
        """The note numbered `nomor`."""
        return next(c for n, c in self._nomor.values() if n == nomor)

    def tandai(self, sel, nomor):
        """`sel` with the footnote numbers `nomor` beside its value (`Sel.tanda`, e.g. "1,3"), the
        notes' messages first in its hover text (the comment of its XLSX cell). An empty cell
        (nothing shown, no reason) is left as it is."""
        if not nomor or _kosong(sel):
            return sel
        ada = [int(n) for n in sel.tanda.split(",") if n]  # numbers a cell already carries stay
        baru = [n for n in nomor if n not in ada]
        sel.tanda = ",".join(str(n) for n in sorted({*ada, *nomor}))
        pesan = " ".join(self.catatan(n).pesan for n in baru)
        sel.catatan = f"{sel.catatan} {pesan}".strip() if ada else f"{pesan} {sel.catatan}".strip()
        return sel

    def tandai_indikator(self, sel, *, indikator_id, medan, triwulan=None):
        """`sel`, an indicator's value shown in the report, with the numbers of its notes (an empty
        cell is given none: its note stays unnumbered unless the value is shown elsewhere)."""
        if _kosong(sel):
            return sel
        return self.tandai(sel, self.nomor(indikator_id=indikator_id, medan=medan, triwulan=triwulan))

    def tandai_simpul(self, sel, *, medan, **simpul):
        """`sel`, a budget node's value shown in the report, with the numbers of its notes."""
        if _kosong(sel):
            return sel
        return self.tandai(sel, self.nomor_simpul(medan=medan, **simpul))

    def _butir(self, nomor):
        c = self.catatan(nomor)
        return ButirCatatan(nomor, c.pesan, c.letak, c.tercetak, c.dihitung, c.pk)

    @property
    def daftar(self):
        """Every numbered note, in number order."""
        return [self._butir(n) for n in sorted(n for n, _ in self._nomor.values())]

    def daftar_tabel(self, tabel):
        """The numbered notes whose numbers are shown in `tabel` (a laporan.dokumen.Tabel whose
        rows are laid out), in number order: the list printed under it."""
        nomor = {int(n) for b in tabel.baris for s in b.sel if s.tanda for n in s.tanda.split(",")}
        return [self._butir(n) for n in sorted(nomor)]


# ---------------------------------------------------------------------------------------------
# The agency dashboard: how many notes are open, and the first of them
# ---------------------------------------------------------------------------------------------

DITAMPILKAN = 10  # notes listed on the agency dashboard; the rest in the Admin (or the LKjIP)


@dataclass
class RingkasanCatatan:
    """The open data notes of an agency and year: how many, and the first `DITAMPILKAN`."""

    jumlah: int = 0
    daftar: list = field(default_factory=list)

    @property
    def sisa(self):
        return self.jumlah - len(self.daftar)


def perihal(c):
    """The value a note concerns, in words: "capaian TW 3 · <indicator>", "serapan · <node>"."""
    medan = (c.medan or "").replace("_", " ")
    if c.triwulan:
        medan = f"{medan} TW {c.triwulan}".strip()
    if c.indikator_id:
        sasaran = c.indikator.uraian
    else:
        simpul = c.sub_kegiatan or c.kegiatan or c.program
        sasaran = f"{simpul.kode_tampil} {simpul.uraian}".strip() if simpul else ""
    return " · ".join(x for x in (medan, sasaran) if x)


def ringkasan_catatan(opd, tahun, paling_banyak=DITAMPILKAN):
    """The agency dashboard's data notes of `opd` about `tahun` (and its Renstra's), one query."""
    catatan = catatan_data(opd, tahun)
    daftar = [
        ButirCatatan(i, c.pesan, c.letak, c.tercetak, c.dihitung, c.pk, perihal(c))
        for i, c in enumerate(catatan[:paling_banyak], start=1)
    ]
    return RingkasanCatatan(len(catatan), daftar)

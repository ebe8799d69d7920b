"""Matriks Renstra (seed `002_…`, Bab IV Tabel 4.1): per program, kegiatan and sub kegiatan its
indicator, satuan, kondisi awal, target and pagu of each year, and kondisi akhir.

The code is one column (`1.06.02.2.03.0004`) or split over the columns left of the name
(`1 | 06 | 02 | 2,03 | 0004`); its number of parts gives the row's level, which a label
(`Kegiatan :`) must not contradict. A programme or kegiatan row whose label says its level but
whose code is missing takes the code its rows below agree on (a warning names it); a code that
does not fit its level is refused with the code the rows below suggest (kinerja.importers.turunan).
A row with only an indicator adds an indicator to the node
above; a row with only a few words continues the text of the row above (a cell cut by a page
break). Program and kegiatan pagu are sums of their sub kegiatan: the printed ones are checked,
never stored. Kondisi akhir follows from the yearly targets (DESIGN: a sum for counts, the last
year for percentages) and is checked against the printed one.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja import rules
from renstra import kode as kode_rules
from renstra.models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    SumberDana,
    Target,
    Tujuan,
)
from renstra.models.rencana import LAMA_PERIODE_MAKS

from . import judul as judul_modul
from . import sel, sinonim, tabel, turunan
from .bidang import DaftarBidang, mirip
from .hasil import Masalah, rincian_terbatas
from .selaras import Penyelaras, indikator_per_pemilik
from .urutan_berkas import urutan_berkas

FORMAT = "matriks-renstra"
JUDUL = "Matriks Renstra"
_SATUAN_PERSEN = re.compile(r"^(%|persen|persentase|rasio|indeks|nilai|skor)$", re.IGNORECASE)
_RENTANG = re.compile(r"^(.+?)\s*(?:–|—|\s-\s|\ss\.?d\.?\s)\s*(.+)$")
# A budget below a thousand rupiah is a target that slipped into the Rp column (seed 002,
# sub kegiatan 2.08.02.2.02.0005 prints "- | - | - | 1 | 50.000.000": one cell is missing).
PAGU_TERKECIL = 1000


@dataclass
class Kolom:
    kode: list
    nama: int
    indikator: int
    satuan: int | None = None
    kondisi_awal: int | None = None
    penanggung_jawab: int | None = None
    target: dict = field(default_factory=dict)  # tahun → kolom
    rp: dict = field(default_factory=dict)
    akhir_target: int | None = None
    akhir_rp: int | None = None
    tujuan: int | None = None  # a column naming the tujuan (merged down its rows)
    sasaran: int | None = None

    @property
    def angka(self):
        return [*self.target.values(), *self.rp.values(), *(k for k in (self.akhir_target, self.akhir_rp) if k)]


@dataclass
class BarisIndikator:
    nomor: int
    uraian: str
    satuan: str = ""
    kondisi_awal: object = None
    target: dict = field(default_factory=dict)  # tahun → isi sel
    akhir: object = None


@dataclass
class Simpul:
    nomor: int
    level: str
    kode: str
    uraian: str
    indikator: list = field(default_factory=list)
    rp: dict = field(default_factory=dict)
    akhir_rp: object = None
    refocusing: bool = False
    penanggung_jawab: str = ""
    anak: list = field(default_factory=list)
    # a programme or kegiatan whose code is missing or does not fit, decided once the rows under
    # it are read; `lepas`: a row already refused, whose children are read but not checked on it
    tertunda: bool = False
    kode_salah: str = ""
    masalah_kode: list = field(default_factory=list)
    lepas: bool = False
    sasaran: object = None  # a programme's sasaran node (Simpul), when the matrix names one
    # (row number, row) of targets printed on the node's row without an indicator: they are the
    # indicator's written on the row under it, when that row has none of its own
    target_tertahan: tuple | None = None


def _kolom(lembar, hasil):
    for i, baris in enumerate(lembar.baris[: tabel.CARI_KEPALA_MAKS]):
        isi = [sel.teks(c).lower() for c in baris]
        nama = next((k for k, s in enumerate(isi) if "program" in s and "kegiatan" in s), None)
        indikator = next((k for k, s in enumerate(isi) if s.startswith("indikator")), None)
        if nama is None or indikator is None:
            continue
        kepala = lembar.baris[i : i + 4]
        label = tabel.label_kolom(kepala)
        kolom = Kolom(kode=[], nama=nama, indikator=indikator)
        for k in range(nama):
            jenis = _jenis_kolom_kiri(label[k])
            if jenis == kode_rules.TUJUAN and kolom.tujuan is None:
                kolom.tujuan = k
            elif jenis == kode_rules.SASARAN and kolom.sasaran is None:
                kolom.sasaran = k
            elif jenis != "no":
                kolom.kode.append(k)
        for k, daftar in label.items():
            gabung = " ".join(daftar)
            tahun = next((t for t in map(tabel.tahun_label, daftar) if t), None)
            jenis_rp = any(sinonim.menyebut(lb, "anggaran") or lb.startswith("pagu") for lb in daftar)
            jenis_target = any(lb in ("target", "k") for lb in daftar)
            if k in (nama, indikator):
                continue
            if "satuan" in daftar and kolom.satuan is None:
                kolom.satuan = k
            elif "awal" in gabung and "akhir" not in gabung:
                kolom.kondisi_awal = k
            elif "akhir" in gabung:
                if jenis_rp:
                    kolom.akhir_rp = k
                elif jenis_target or kolom.akhir_target is None:
                    kolom.akhir_target = k
            elif tahun:
                if jenis_rp:
                    kolom.rp[tahun] = k
                else:
                    kolom.target.setdefault(tahun, k)
            elif "penanggung" in gabung or gabung.startswith("unit") or "perangkat daerah" in gabung:
                kolom.penanggung_jawab = k
        if not kolom.target:
            hasil.masalah.append(
                Masalah(
                    "Kolom tahun (mis. 2025, 2026 dengan Target dan Rp) tidak ditemukan di kepala tabel.",
                    lembar.nama,
                    i + 1,
                )
            )
            return None, None
        return kolom, i + 1
    return None, None


def _jenis_kolom_kiri(daftar):
    """A column left of the name: "no", tujuan, sasaran, or None (a part of the code)."""
    for lb in reversed(daftar):
        norm = sinonim.normalkan(lb)
        if sinonim.menyebut(lb, "no"):
            return "no"
        if norm.startswith("tujuan"):
            return kode_rules.TUJUAN
        if norm.startswith("sasaran"):
            return kode_rules.SASARAN
    return None


def _penanda_kepala(s):
    return ("program" in s and "kegiatan" in s) or s.startswith("indikator")


_LABEL_TS = re.compile(r"^(?P<level>tujuan|sasaran)\b\s*(?P<kode>\d{1,2}(?:\.\d{1,2})?)?\s*[:.]?\s*", re.IGNORECASE)


def _label_tujuan_sasaran(nama):
    """(level, code, name) of a name labelled "Tujuan 1: …" / "Sasaran 1.1 …", else None."""
    m = _LABEL_TS.match(nama)
    if not m or not nama[m.end() :].strip():
        return None
    return m.group("level").lower(), m.group("kode") or "", nama[m.end() :].strip()


def _kode_dua_bagian(kode, nama):
    """A code of two parts is a sasaran (`1.1`, `2.3`) or the heading of an urusan / bidang urusan
    (`1.06`, `2.08`, `X.XX`, or a name saying URUSAN)."""
    kedua = kode.split(".")[1]
    if "urusan" in nama.casefold() or kedua.startswith("0") or "X" in kode or len(kedua) > 2:
        return None
    return kode_rules.SASARAN


def baca(lembar_daftar, hasil):
    """Parse the first sheet holding a Renstra matrix into (sheet, columns, programme nodes, tujuan
    nodes with their sasaran)."""
    for lembar in lembar_daftar:
        kolom, mulai = _kolom(lembar, hasil)
        if kolom is not None:
            tujuan = []
            return lembar, kolom, _simpul(lembar, kolom, mulai, hasil, tujuan), tujuan
        if hasil.galat:
            return lembar, None, [], []
    hasil.masalah.append(
        Masalah(
            "Tabel Matriks Renstra tidak ditemukan: kepala tabel harus memuat kolom "
            '"Program/Kegiatan/Sub Kegiatan", "Indikator" dan kolom tahun. Unduh templatnya untuk contoh.'
        )
    )
    return None, None, [], []


def _simpul(lembar, kolom, mulai, hasil, tujuan=None):
    """The programme nodes of the matrix; the tujuan nodes (with their sasaran) go to `tujuan`."""
    tabel.abaikan_di_atas(hasil, lembar, mulai)
    data = tabel.baris_data(lembar, mulai, _penanda_kepala, hasil)
    hasil.baris += len(data)
    desimal = tabel.desimal_kolom(lembar.nama, data, kolom.angka, hasil)
    # a table printing no code at all (the nomenclature before 2021): rows are keyed by their
    # uraian ("tanpa kode"); a row named "Program …" is a programme, the others its kegiatan
    tanpa_kode = not any(sel.gabung_kode([sel.isi(b, k) for k in kolom.kode]) for _, b in data)
    tujuan = [] if tujuan is None else tujuan
    ts = {}  # tujuan / sasaran → current node

    program, kode_koma, terakhir = [], [], None
    induk = {}  # level → current node
    dipakai = {}  # kode → nomor baris

    def galat(nomor, pesan, k=None):
        hasil.tambah(pesan, lembar.nama, nomor, k)

    def peringatan(nomor, pesan, k=None):
        hasil.tambah(pesan, lembar.nama, nomor, k, peringatan=True)

    kolom_kode = kolom.kode[0] if kolom.kode else None

    def tetapkan(*level):
        """Decide the codes of the pending nodes of `level` (kegiatan before programme)."""
        for lv in (kode_rules.KEGIATAN, kode_rules.PROGRAM):
            simpul = induk.get(lv)
            if lv in level and simpul is not None and simpul.tertunda:
                _tetapkan_kode(simpul, induk, lembar.nama, kolom_kode, hasil, dipakai)

    def tujuan_sasaran(nomor, level, kode, nama, baris=None):
        """A tujuan or sasaran node (from a row, or from the tujuan/sasaran column of a row)."""
        simpul = Simpul(nomor, level, kode, nama)
        if level == kode_rules.TUJUAN:
            tujuan.append(simpul)
            ts.clear()
        else:
            atas = ts.get(kode_rules.TUJUAN)
            if atas is None:
                galat(nomor, f'Sasaran "{nama}" tidak berada di bawah tujuan mana pun: tulis tujuannya di atasnya.')
                return None
            masalah = kode_rules.periksa_kode(level, kode, atas.kode) if kode and atas.kode else []
            if masalah:
                for pesan in masalah:
                    galat(nomor, pesan, kolom_kode)
                return None
            atas.anak.append(simpul)
        ts[level] = simpul
        hasil.catat_data(lembar.nama, nomor)
        if baris is not None:
            uraian = sel.teks(sel.isi(baris, kolom.indikator))
            if uraian:
                simpul.indikator.append(_indikator(nomor, baris, kolom, uraian, sel.teks(sel.isi(baris, kolom.satuan))))
        return simpul

    for urutan_data, (nomor, baris) in enumerate(data):
        ts_baru = None
        for lv, k in ((kode_rules.TUJUAN, kolom.tujuan), (kode_rules.SASARAN, kolom.sasaran)):
            teks_ts = sel.teks(sel.isi(baris, k))
            if teks_ts:
                label_ts = _label_tujuan_sasaran(teks_ts)
                kode_ts, nama_ts = (label_ts[1], label_ts[2]) if label_ts else ("", teks_ts)
                ts_baru = tujuan_sasaran(nomor, lv, kode_ts, nama_ts) or ts_baru
        bagian = [sel.isi(baris, k) for k in kolom.kode]
        kode = sel.gabung_kode(bagian)
        if any("," in sel.teks(b) for b in bagian):
            kode_koma.append((nomor, " ".join(sel.teks(b) for b in bagian if sel.teks(b))))
        label, nama = sel.pisah_label(sel.isi(baris, kolom.nama))
        if not nama:
            k_kiri, nama_kiri = sel.nama_di_kiri(baris, kolom.nama)
            if k_kiri is not None and k_kiri not in (kolom.tujuan, kolom.sasaran):
                label, nama = sel.pisah_label(nama_kiri)  # a name written in the No column
        uraian_ind = sel.teks(sel.isi(baris, kolom.indikator))
        satuan = sel.teks(sel.isi(baris, kolom.satuan))
        angka_ada = any(sel.teks(sel.isi(baris, k)) not in ("", "-") for k in kolom.angka)
        refocusing = any(sel.refocusing(c) for c in baris)
        if ts_baru is not None and not nama and not kode:
            # the row of a tujuan or sasaran written in its own column: its indicator is that node's
            tetapkan(kode_rules.KEGIATAN, kode_rules.PROGRAM)
            induk.clear()
            ind = _indikator(nomor, baris, kolom, uraian_ind, satuan) if uraian_ind else None
            if ind is not None:
                ts_baru.indikator.append(ind)
            terakhir = (ts_baru, ind)
            continue
        label_ts = _label_tujuan_sasaran(nama) if nama else None
        if label_ts is None and nama and kode and sel.KODE_SAH.fullmatch(kode):
            if sel.jumlah_bagian(kode) == 1 and label is None:
                label_ts = (kode_rules.TUJUAN, kode, nama)
            elif sel.jumlah_bagian(kode) == 2 and label is None and _kode_dua_bagian(kode, nama):
                label_ts = (kode_rules.SASARAN, kode, nama)
        if label_ts is not None:
            lv, kode_ts, nama_ts = label_ts
            kode_ts = kode_ts or (kode if sel.jumlah_bagian(kode) <= 2 else "")
            simpul = tujuan_sasaran(nomor, lv, kode_ts, nama_ts, baris)
            tetapkan(kode_rules.KEGIATAN, kode_rules.PROGRAM)
            induk.clear()
            terakhir = (simpul, simpul.indikator[-1] if simpul and simpul.indikator else None) if simpul else None
            continue
        if tanpa_kode and nama and not kode and label is None and (angka_ada or satuan or uraian_ind):
            if induk.get(kode_rules.PROGRAM) is not None:
                label = kode_rules.KEGIATAN
            elif nama.casefold().startswith("program"):
                label = kode_rules.PROGRAM

        if sel.baris_jumlah(nama) or sel.baris_jumlah(sel.isi(baris, 0)):
            hasil.abaikan(lembar.nama, nomor, "Baris jumlah: pagunya dihitung dari sub kegiatan, tidak disimpan.")
            continue
        if not kode:
            if not nama and uraian_ind and terakhir is not None and terakhir[1] is None:
                # the indicator of the node above, written on the row under it (with or without
                # the targets, which may stand on the node's row)
                simpul = terakhir[0]
                ind = _indikator_di_bawah(simpul, nomor, baris, kolom, uraian_ind, satuan, angka_ada, peringatan)
                simpul.indikator.append(ind)
                hasil.catat_data(lembar.nama, nomor)
                terakhir = (simpul, ind)
                continue
            if nama and label == kode_rules.SUB_KEGIATAN:
                galat(nomor, f'Kode {kode_rules.NAMA_LEVEL[label]} "{nama}" kosong.', kolom_kode)
                terakhir = None
                continue
            if nama and label:
                # a programme or kegiatan: its code is read from the rows under it
                level, kode_salah, masalah_kode = label, "", []
            elif not angka_ada and not satuan and (nama or uraian_ind) and terakhir is not None:
                _sambung(terakhir, nama, uraian_ind)
                nomor_atas = terakhir[1].nomor if (uraian_ind and terakhir[1] is not None) else terakhir[0].nomor
                peringatan(
                    nomor,
                    f"Baris {nomor} hanya berisi potongan teks (terpotong pindah halaman); digabungkan dengan baris "
                    f"{nomor_atas} di atasnya.",
                )
                hasil.abaikan(lembar.nama, nomor, f"Lanjutan teks baris {nomor_atas}; digabungkan dengannya.")
                continue
            elif nama:
                kode_berikut = _kode_berikut(data[urutan_data + 1 :], kolom)
                kode_atas = {lv: s.kode for lv, s in induk.items()}
                saran, level_saran = turunan.saran_baris_berikut(kode_berikut, kode_atas)
                galat(nomor, f'Kode "{nama}" kosong: isi kode program, kegiatan atau sub kegiatannya.{saran}')
                terakhir = None
                if level_saran is not None:  # the rows under it are read, not checked against it
                    tetapkan(*_TUTUP[level_saran])
                    _pasang_induk(induk, program, Simpul(nomor, level_saran, "", nama, lepas=True))
                continue
            else:
                simpul = terakhir[0] if terakhir else None
                if uraian_ind and simpul is not None:
                    ind = _indikator(nomor, baris, kolom, uraian_ind, satuan)
                    simpul.indikator.append(ind)
                    hasil.catat_data(lembar.nama, nomor)
                    terakhir = (simpul, ind)
                    continue
                galat(nomor, "Baris berisi angka tanpa kode, uraian maupun indikator.")
                continue
        else:
            level = kode_salah = None
            masalah_kode = []

        if level is not None:
            pass  # a labelled programme or kegiatan without code
        elif not all(sel.seperti_kode(b) or sel.kosong(b) for b in bagian) or not sel.KODE_SAH.fullmatch(kode):
            galat(
                nomor, f'Kode "{kode}" tidak terbaca sebagai kode program, kegiatan atau sub kegiatan.', kolom.kode[0]
            )
            terakhir = None
            continue
        elif sel.jumlah_bagian(kode) == 2:  # urusan / bidang urusan: a heading above the programmes
            hasil.abaikan(lembar.nama, nomor, f'Judul urusan / bidang urusan "{kode}": tidak disimpan.')
            continue
        else:
            level = sel.LEVEL_MENURUT_BAGIAN.get(sel.jumlah_bagian(kode))
            if level is None and nama and label in turunan.BAGIAN:
                # a programme or kegiatan by its label whose code has the wrong number of parts
                level, kode_salah = label, kode
                masalah_kode = [
                    f'Kode "{kode}" tidak berbentuk kode {kode_rules.NAMA_LEVEL[label]} '
                    f"({'1.06.02' if label == kode_rules.PROGRAM else '1.06.02.2.03'})."
                ]
        if level is None or not nama:
            if not nama:
                galat(
                    nomor,
                    f'Baris hanya berisi kode "{kode}" tanpa uraian; lengkapi atau hapus barisnya.',
                    kolom.kode[0],
                )
            else:
                galat(
                    nomor,
                    f'Kode "{kode}" tidak berbentuk kode program (1.06.02), kegiatan (1.06.02.2.03) atau '
                    "sub kegiatan (1.06.02.2.03.0001).",
                    kolom.kode[0],
                )
            terakhir = None
            continue
        if level in turunan.BAGIAN:
            tetapkan(*_TUTUP[level])
        if label and label != level:
            galat(
                nomor,
                f'Baris berlabel {kode_rules.NAMA_LEVEL[label]} tetapi kode "{kode}" adalah kode '
                f"{kode_rules.NAMA_LEVEL[level]}.",
                kolom.kode[0],
            )
            terakhir = None
            continue
        if kode and kode in dipakai:
            galat(nomor, f'Kode "{kode}" sudah dipakai pada baris {dipakai[kode]}.', kolom.kode[0])
            terakhir = None
            continue
        if kode:
            dipakai[kode] = nomor
        induk_level = {kode_rules.KEGIATAN: kode_rules.PROGRAM, kode_rules.SUB_KEGIATAN: kode_rules.KEGIATAN}.get(level)
        atas = induk.get(induk_level) if induk_level else None
        if kode and not kode_salah:
            masalah_kode = kode_rules.periksa_kode(level, kode)
            if masalah_kode and level in turunan.BAGIAN:
                kode_salah = kode  # refused once the rows under it are read, with their hint
        if not masalah_kode and induk_level:
            if atas is None:
                masalah_kode = [
                    f"{kode_rules.NAMA_LEVEL[level].capitalize()} ini tidak berada di bawah "
                    f"{kode_rules.NAMA_LEVEL[induk_level]} mana pun."
                ]
            elif kode and not (atas.tertunda or atas.lepas):
                masalah_kode = kode_rules.periksa_kode(level, kode, atas.kode)
        if masalah_kode and not kode_salah:
            for p in masalah_kode:
                galat(nomor, p, kolom.kode[0])
            terakhir = None
            induk.pop(level, None)
            continue

        simpul = Simpul(nomor, level, kode, nama, refocusing=refocusing and level == kode_rules.SUB_KEGIATAN)
        if level == kode_rules.PROGRAM:
            simpul.sasaran = ts.get(kode_rules.SASARAN)
        if kode_salah or (not kode and not tanpa_kode):
            simpul.kode, simpul.tertunda, simpul.kode_salah, simpul.masalah_kode = "", True, kode_salah, masalah_kode
        simpul.penanggung_jawab = sel.teks(sel.isi(baris, kolom.penanggung_jawab))
        for tahun, k in kolom.rp.items():
            simpul.rp[tahun] = rp = _baca(
                lambda isi, d=desimal[k]: sel.rupiah(isi, d), sel.isi(baris, k), nomor, k, galat
            )
            if rp and rp < PAGU_TERKECIL:
                galat(
                    nomor,
                    f"Pagu {tahun} tertulis {rules.format_rupiah(rp)}: isi baris ini tampaknya bergeser satu kolom "
                    "(target di kolom Rp). Perbaiki barisnya.",
                    k,
                )
        if kolom.akhir_rp is not None:
            simpul.akhir_rp = _baca(
                lambda isi, d=desimal[kolom.akhir_rp]: sel.rupiah(isi, d),
                sel.isi(baris, kolom.akhir_rp),
                nomor,
                kolom.akhir_rp,
                galat,
            )
        ind = None
        if uraian_ind:
            ind = _indikator(nomor, baris, kolom, uraian_ind, satuan)
            simpul.indikator.append(ind)
        elif any(sel.teks(sel.isi(baris, k)) not in ("", "-") for k in kolom.target.values()) and not simpul.refocusing:
            simpul.target_tertahan = (nomor, baris)  # the indicator may be on the row under it
        _pasang_induk(induk, program, simpul)
        hasil.catat_data(lembar.nama, nomor)
        terakhir = (simpul, ind)
    tetapkan(kode_rules.KEGIATAN, kode_rules.PROGRAM)
    for p in program:
        for s in _semua(p):
            if s.target_tertahan is not None:
                peringatan(
                    s.target_tertahan[0], "Target baris ini tidak diimpor: indikatornya kosong.", kolom.indikator
                )

    # numbers of indicators: decided per column, read once the rows are known
    for p in [*program, *tujuan]:
        for s in _semua(p):
            for ind in s.indikator:
                _angka_indikator(ind, kolom, desimal, s)
    if kode_koma:
        contoh_nomor, contoh = kode_koma[0]
        peringatan(
            None,
            f"Kode pada {len(kode_koma)} baris ditulis dengan koma (mis. baris {contoh_nomor}: {contoh}); "
            "dibaca sebagai titik.",
        )
    return program


# The pending nodes a new row of a level closes: a kegiatan closes the kegiatan above, a
# programme both.
_TUTUP = {
    kode_rules.KEGIATAN: (kode_rules.KEGIATAN,),
    kode_rules.PROGRAM: (kode_rules.KEGIATAN, kode_rules.PROGRAM),
}


def _pasang_induk(induk, program, simpul):
    """Hang `simpul` under its parent (a programme at the top) and make it the current node of
    its level."""
    if simpul.level == kode_rules.PROGRAM:
        if not simpul.lepas:
            program.append(simpul)
        induk.clear()
        induk[kode_rules.PROGRAM] = simpul
        return
    atas = induk.get({kode_rules.KEGIATAN: kode_rules.PROGRAM}.get(simpul.level, kode_rules.KEGIATAN))
    if atas is not None and not simpul.lepas:
        atas.anak.append(simpul)
    induk[simpul.level] = simpul
    if simpul.level == kode_rules.KEGIATAN:
        induk.pop(kode_rules.SUB_KEGIATAN, None)


def _kode_berikut(data_berikut, kolom):
    """The code of the next row that has one."""
    for _, baris in data_berikut:
        kode = sel.gabung_kode([sel.isi(baris, k) for k in kolom.kode])
        if kode:
            return kode
    return ""


def _tetapkan_kode(simpul, induk, lembar, kolom_kode, hasil, dipakai):
    """Decide the code of a programme or kegiatan whose row has none or one that does not fit,
    now that the rows under it are read: taken from them (a warning), or the row refused with
    their hint. A node refused is not written (nothing is, while an error remains)."""
    simpul.tertunda = False
    kode_anak = [s.kode for s in _semua(simpul) if s is not simpul]
    if simpul.kode_salah:
        lain = " ".join(simpul.masalah_kode)
        pesan = turunan.pesan_kode_salah(simpul.level, simpul.kode_salah, kode_anak, lain)
        hasil.tambah(pesan, lembar, simpul.nomor, kolom_kode)
        simpul.lepas = True
        return
    kode, pesan = turunan.kode_dari_anak(simpul.level, kode_anak)
    if kode is not None and simpul.level == kode_rules.KEGIATAN:
        atas = induk.get(kode_rules.PROGRAM)
        masalah = kode_rules.periksa_kode(simpul.level, kode, atas.kode) if atas and not atas.tertunda else []
        if masalah:
            kode, pesan = None, f"Kode kegiatan kosong; sub kegiatan di bawahnya memberi {kode}. " + " ".join(masalah)
    if kode is not None and kode in dipakai:
        kode, pesan = (
            None,
            f'Kode {kode_rules.NAMA_LEVEL[simpul.level]} kosong; baris di bawahnya memberi "{kode}", '
            + (f"yang sudah dipakai pada baris {dipakai[kode]}."),
        )
    if kode is None:
        hasil.tambah(pesan, lembar, simpul.nomor, kolom_kode)
        simpul.lepas = True
        return
    dipakai[kode] = simpul.nomor
    simpul.kode = kode
    hasil.tambah(pesan, lembar, simpul.nomor, kolom_kode, peringatan=True)


def _judul_ts(simpul):
    return f"{kode_rules.NAMA_LEVEL[simpul.level].capitalize()} {simpul.kode or kode_rules.TANPA_KODE} {simpul.uraian}"


def _semua(simpul):
    yield simpul
    for anak in simpul.anak:
        yield from _semua(anak)


def _sambung(terakhir, nama, uraian_ind):
    simpul, ind = terakhir
    if nama:
        simpul.uraian = f"{simpul.uraian} {nama}"
    if uraian_ind and ind is not None:
        ind.uraian = f"{ind.uraian} {uraian_ind}"


def _indikator_di_bawah(simpul, nomor, baris, kolom, uraian, satuan, angka_ada, peringatan):
    """The indicator written on the row under its node (`nomor`): when the node's row holds
    targets and this row none, they are this indicator's, as the document reads them."""
    if simpul.target_tertahan is None or angka_ada:
        return _indikator(nomor, baris, kolom, uraian, satuan)
    nomor_atas, baris_atas = simpul.target_tertahan
    simpul.target_tertahan = None
    peringatan(
        nomor,
        f"Target baris {nomor_atas} (tanpa indikator) dibaca sebagai target indikator di baris {nomor} di bawahnya.",
        kolom.indikator,
    )
    return _indikator(nomor_atas, baris_atas, kolom, uraian, satuan or sel.teks(sel.isi(baris_atas, kolom.satuan)))


def _indikator(nomor, baris, kolom, uraian, satuan):
    ind = BarisIndikator(nomor, uraian, satuan)
    ind.kondisi_awal = sel.isi(baris, kolom.kondisi_awal)
    ind.target = {tahun: sel.isi(baris, k) for tahun, k in kolom.target.items()}
    ind.akhir = sel.isi(baris, kolom.akhir_target)
    return ind


def _baca(fungsi, isi, nomor, k, galat):
    try:
        return fungsi(isi)
    except rules.AngkaTidakValid as e:
        galat(nomor, str(e), k)
        return None


def _target(isi, desimal):
    """A target cell: a number, a band (`80 – 85`), None, or the text itself (a level's name,
    resolved against the indicator's scale when written)."""
    if sel.refocusing(isi):
        return None
    try:
        return sel.angka(isi, desimal)
    except rules.AngkaTidakValid:
        m = _RENTANG.match(sel.teks(isi))
        if m:
            try:
                bawah, atas = sel.angka(m.group(1), desimal), sel.angka(m.group(2), desimal)
            except rules.AngkaTidakValid:
                pass
            else:
                if bawah is not None and atas is not None:
                    return (bawah, atas)
        return sel.teks(isi)


def _angka_indikator(ind, kolom, desimal, simpul):
    for tahun, isi in list(ind.target.items()):
        ind.target[tahun] = None if simpul.refocusing else _target(isi, desimal[kolom.target[tahun]])
    if ind.akhir is not None and kolom.akhir_target is not None:
        ind.akhir = _target(ind.akhir, desimal[kolom.akhir_target])
    if ind.kondisi_awal is not None:
        ind.kondisi_awal = _target(ind.kondisi_awal, ",")


def cara_tahunan_baru(satuan):
    """The yearly rule of a new indicator: percentages, ratios and scores are not summed."""
    if _SATUAN_PERSEN.match(sel.teks(satuan)):
        return Indikator.CaraTahunan.AKHIR_PERIODE
    return Indikator.CaraTahunan.KUMULATIF


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def impor(lembar_daftar, *, opd, tahun, user, hasil, kemajuan=None):
    """Parse the matrix and bring the agency's Renstra in line with it (without committing:
    the caller owns the transaction). Returns the Penyelaras holding what is to be written."""
    lembar, kolom, program, tujuan = baca(lembar_daftar, hasil)
    if kolom is None or not hasil.sah:
        return None
    if not program and not tujuan:
        hasil.tambah(
            "Tabel Matriks Renstra tidak berisi satu pun baris program, kegiatan atau sub kegiatan.", lembar.nama
        )
        return None
    daftar_tahun = sorted(kolom.target)
    nama_lembar = lembar.nama
    masalah_periode = periksa_periode(daftar_tahun)
    if masalah_periode:
        hasil.tambah(masalah_periode, nama_lembar)
        return None
    if tahun not in daftar_tahun:
        hasil.masalah.append(
            Masalah(
                f"Tahun {tahun} tidak ada di kolom tahun matriks ({daftar_tahun[0]}–{daftar_tahun[-1]}). "
                "Pilih tahun di dalam periode matriks.",
                nama_lembar,
            )
        )
        return None
    penyelaras = Penyelaras(hasil, user, alasan=f"Impor {JUDUL}")
    renstra = _renstra(opd, daftar_tahun, penyelaras, nama_lembar)
    if renstra is None:
        return None
    _Penulis(renstra, opd, penyelaras, nama_lembar, kemajuan).tulis_semua(program, tujuan)
    return penyelaras


URUTAN_TULIS = (Renstra, Tujuan, Sasaran, Program, Kegiatan, SubKegiatan, Indikator, Target, SumberDana, Pagu)


def periksa_periode(daftar_tahun):
    """Why the years of a matrix cannot be a Renstra's period (one to LAMA_PERIODE_MAKS
    consecutive years: six-year RPJMD terms such as 2016–2021 and transitional plans occur), or ""."""
    awal, akhir = daftar_tahun[0], daftar_tahun[-1]
    if akhir - awal + 1 > LAMA_PERIODE_MAKS:
        return (
            f"Kolom tahun matriks mencakup {awal}–{akhir} ({akhir - awal + 1} tahun), sedangkan periode Renstra "
            f"paling lama {LAMA_PERIODE_MAKS} tahun. Periksa kepala kolom tahunnya."
        )
    hilang = [t for t in range(awal, akhir + 1) if t not in daftar_tahun]
    if hilang:
        return (
            f"Kolom tahun matriks {awal}–{akhir} tidak lengkap: tahun {', '.join(map(str, hilang))} tidak ada. "
            "Periode Renstra berupa tahun-tahun yang berurutan."
        )
    return ""


def kunci_simpul(kode, induk_id, uraian):
    """How an existing node is found again: by its code, or, for a node without code (tanpa
    kode: documents before 2021 print none), by its parent and its uraian."""
    return kode if kode else ("", induk_id, sel.teks(uraian).casefold())


def _renstra(opd, daftar_tahun, penyelaras, nama_lembar):
    awal, akhir = daftar_tahun[0], daftar_tahun[-1]
    ada = (
        Renstra.objects.filter(opd=opd, aktif=True, tahun_awal__lte=akhir, tahun_akhir__gte=awal)
        .order_by("-revisi")
        .first()
    )
    if ada is not None and (ada.tahun_awal, ada.tahun_akhir) != (awal, akhir):
        penyelaras.hasil.masalah.append(
            Masalah(
                f"Renstra aktif {opd} berperiode {ada.periode}, sedangkan matriks ini {awal}–{akhir}.",
                nama_lembar,
            )
        )
        return None
    return penyelaras.pasang(Renstra, ada, {"opd": opd, "tahun_awal": awal, "tahun_akhir": akhir}, (nama_lembar, None))


class _Penulis:
    def __init__(self, renstra, opd, penyelaras, lembar, kemajuan):
        self.renstra = renstra
        self.opd = opd
        self.p = penyelaras
        self.lembar = lembar
        self.kemajuan = kemajuan
        self.selesai = 0
        baru = renstra.pk is None
        self.tujuan = (
            {} if baru else {kunci_simpul(t.kode, None, t.uraian): t for t in Tujuan.objects.filter(renstra=renstra)}
        )
        self.sasaran = (
            {}
            if baru
            else {
                (s.tujuan_id, kunci_simpul(s.kode, s.tujuan_id, s.uraian)): s
                for s in Sasaran.objects.filter(tujuan__renstra=renstra)
            }
        )
        self.program = (
            {} if baru else {kunci_simpul(p.kode, None, p.uraian): p for p in Program.objects.filter(renstra=renstra)}
        )
        self.kegiatan = (
            {}
            if baru
            else {
                kunci_simpul(k.kode, k.program_id, k.uraian): k
                for k in Kegiatan.objects.filter(program__renstra=renstra).select_related("program")
            }
        )
        self.sub = (
            {}
            if baru
            else {
                kunci_simpul(s.kode, s.kegiatan_id, s.uraian): s
                for s in SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).select_related("kegiatan")
            }
        )
        self.indikator = {} if baru else indikator_per_pemilik(renstra, "skala_tingkat")
        if not baru:
            for ind in Indikator.objects.filter(renstra=renstra).exclude(tujuan=None, sasaran=None):
                pemilik = ind.sasaran_id or ind.tujuan_id
                level = kode_rules.SASARAN if ind.sasaran_id else kode_rules.TUJUAN
                self.indikator[(level, pemilik, sel.teks(ind.uraian).casefold())] = ind
        self.obj_sasaran = {}  # id(sasaran node) → Sasaran
        self.target = {}
        self.pagu = {}
        if not baru:
            for t in Target.objects.filter(indikator__renstra=renstra, jenis=Target.Jenis.RENSTRA, triwulan=None):
                self.target[(t.indikator_id, t.tahun)] = t
            for pg in Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra):
                self.pagu.setdefault((pg.sub_kegiatan_id, pg.tahun), []).append(pg)
        self.tingkat = {}
        self.bidang = DaftarBidang(Bidang.objects.filter(opd=opd))
        self.diberitahu = set()  # bidang urusan whose nomenclature is not shipped, said once

    def tulis_semua(self, program, tujuan=()):
        for simpul in tujuan:
            self.tulis_tujuan(simpul)
        for simpul, urutan in zip(program, self._urutan(program, None), strict=True):
            self.tulis(simpul, None, urutan)

    def _urutan(self, saudara, atas):
        """The urutan to write for each of `saudara` (None: leave it), kinerja.importers.urutan_berkas."""
        ada = []
        for simpul in saudara:
            if simpul.level == kode_rules.PROGRAM:
                ada.append(self.program.get(kunci_simpul(simpul.kode, None, simpul.uraian)))
            elif atas is None or atas.pk is None:
                ada.append(None)
            else:
                daftar = self.kegiatan if simpul.level == kode_rules.KEGIATAN else self.sub
                ada.append(daftar.get(kunci_simpul(simpul.kode, atas.pk, simpul.uraian)))
        return urutan_berkas([(obj, simpul.kode) for obj, simpul in zip(ada, saudara, strict=True)])

    def tulis_tujuan(self, simpul):
        """A tujuan and its sasaran, with their indicators and targets (created when missing)."""
        letak = self._letak(simpul.nomor)
        lama = self.tujuan.get(kunci_simpul(simpul.kode, None, simpul.uraian))
        nilai = {"renstra": self.renstra, "kode": simpul.kode, "uraian": simpul.uraian}
        obj = self.p.pasang(Tujuan, lama, nilai, letak, teks_longgar=("uraian",), judul=_judul_ts(simpul))
        if obj is None:
            return
        for urutan, ind in enumerate(simpul.indikator):
            self.tulis_indikator(obj, simpul, ind, urutan)
        for anak in simpul.anak:
            letak_anak = self._letak(anak.nomor)
            lama_anak = self.sasaran.get((obj.pk, kunci_simpul(anak.kode, obj.pk, anak.uraian))) if obj.pk else None
            sasaran = self.p.pasang(
                Sasaran,
                lama_anak,
                {"tujuan": obj, "kode": anak.kode, "uraian": anak.uraian},
                letak_anak,
                teks_longgar=("uraian",),
                judul=_judul_ts(anak),
            )
            if sasaran is None:
                continue
            self.obj_sasaran[id(anak)] = sasaran
            for urutan, ind in enumerate(anak.indikator):
                self.tulis_indikator(sasaran, anak, ind, urutan)

    def _letak(self, nomor):
        return (self.lembar, nomor)

    def _tersimpan(self, simpul, atas):
        """Whether the node is stored already (its code and name were checked when it was made)."""
        if simpul.level == kode_rules.PROGRAM:
            return kunci_simpul(simpul.kode, None, simpul.uraian) in self.program
        daftar = self.kegiatan if simpul.level == kode_rules.KEGIATAN else self.sub
        return atas is not None and atas.pk is not None and kunci_simpul(simpul.kode, atas.pk, simpul.uraian) in daftar

    def tulis(self, simpul, atas, urutan=None):
        letak = self._letak(simpul.nomor)
        tambahan = {} if urutan is None else {"urutan": urutan}
        if not self._tersimpan(simpul, atas):
            daftar_tahun = self.renstra.daftar_tahun
            turunan.periksa_nomenklatur(
                self.p.hasil, simpul.level, simpul.kode, simpul.uraian, daftar_tahun, letak, self.diberitahu
            )
        if simpul.level == kode_rules.PROGRAM:
            lama = self.program.get(kunci_simpul(simpul.kode, None, simpul.uraian))
            nilai = {"renstra": self.renstra, "kode": simpul.kode, "uraian": simpul.uraian, **tambahan}
            if simpul.sasaran is not None and id(simpul.sasaran) in self.obj_sasaran:
                nilai["sasaran"] = self.obj_sasaran[id(simpul.sasaran)]
            if simpul.penanggung_jawab:
                # matched as the evaluation's titles are (kinerja.importers.bidang); never created
                bidang = self.bidang.cari(simpul.penanggung_jawab)
                if bidang is None:
                    serupa = mirip(simpul.penanggung_jawab, self.bidang.semua_nama())
                    saran = f' Mungkin maksudnya "{serupa[0]}"?' if serupa else ""
                    daftar = ", ".join(self.bidang.semua_nama()) or "belum ada"
                    self.p.hasil.masalah.append(
                        Masalah(
                            f'Bidang "{simpul.penanggung_jawab}" tidak ada di {self.opd} (bidang yang ada: {daftar}).'
                            + saran,
                            *letak,
                        )
                    )
                else:
                    nilai["bidang"] = bidang
            obj = self.p.pasang(Program, lama, nilai, letak, teks_longgar=("uraian",))
        elif simpul.level == kode_rules.KEGIATAN:
            lama = self.kegiatan.get(kunci_simpul(simpul.kode, atas.pk, simpul.uraian))
            obj = self.p.pasang(
                Kegiatan,
                lama,
                {"program": atas, "kode": simpul.kode, "uraian": simpul.uraian, **tambahan},
                letak,
                teks_longgar=("uraian",),
            )
        else:
            lama = self.sub.get(kunci_simpul(simpul.kode, atas.pk, simpul.uraian))
            obj = self.p.pasang(
                SubKegiatan,
                lama,
                {
                    "kegiatan": atas,
                    "kode": simpul.kode,
                    "uraian": simpul.uraian,
                    "refocusing": simpul.refocusing,
                    **tambahan,
                },
                letak,
                teks_longgar=("uraian",),
            )
        if obj is None:
            return
        for urutan, ind in enumerate(simpul.indikator):
            self.tulis_indikator(obj, simpul, ind, urutan)
        if simpul.level == kode_rules.SUB_KEGIATAN:
            self.tulis_pagu(obj, simpul)
        for anak, urutan_anak in zip(simpul.anak, self._urutan(simpul.anak, obj), strict=True):
            self.tulis(anak, obj, urutan_anak)
        if simpul.level == kode_rules.KEGIATAN and not simpul.anak and any(simpul.rp.values()):
            self.tulis_pagu_kegiatan(obj, simpul)
        elif simpul.level != kode_rules.SUB_KEGIATAN:
            self.periksa_jumlah_pagu(simpul)
        self.selesai += 1
        if self.kemajuan and self.selesai % 200 == 0:
            self.kemajuan(self.selesai)

    def tulis_indikator(self, pemilik, simpul, baris, urutan):
        letak = self._letak(baris.nomor)
        kunci = (simpul.level, pemilik.pk, sel.teks(baris.uraian).casefold()) if pemilik.pk else None
        lama = self.indikator.get(kunci) if kunci else None
        nilai = {simpul.level: pemilik, "uraian": baris.uraian, "satuan": baris.satuan[:100]}
        if lama is None:
            nilai.update(renstra=self.renstra, urutan=urutan, cara_tahunan=cara_tahunan_baru(baris.satuan))
        awal = baris.kondisi_awal
        if isinstance(awal, Decimal):
            nilai["kondisi_awal"] = awal
        elif isinstance(awal, str) and awal:
            nilai["kondisi_awal_teks"] = awal[:100]
        ind = self.p.pasang(
            Indikator,
            lama,
            nilai,
            letak,
            teks_longgar=("uraian", "satuan"),
            judul=lambda: judul_modul.indikator(baris.uraian, pemilik.kode),
        )
        if ind is None:
            return
        tertulis = {}
        for tahun, isi in baris.target.items():
            if isi is None:
                continue
            t = self.tulis_target(ind, pemilik.kode, tahun, isi, letak)
            if t is not None:
                tertulis[tahun] = isi
        if isinstance(baris.akhir, Decimal) and len(tertulis) == len(baris.target):
            hitungan = rules.kondisi_akhir(tertulis, ind.cara_tahunan)
            if hitungan is not None and hitungan != baris.akhir:
                aturan = (
                    "jumlah target tahunan"
                    if ind.cara_tahunan == Indikator.CaraTahunan.KUMULATIF
                    else "target tahun terakhir"
                )
                self.p.hasil.masalah.append(
                    Masalah(
                        f"Kondisi akhir tercetak {rules.format_nilai(baris.akhir)}, sedangkan menurut aturan indikator "
                        f"({aturan}) {rules.format_nilai(hitungan)}. Kondisi akhir tidak disimpan; "
                        "ia dihitung dari target.",
                        *letak,
                        peringatan=True,
                        jenis="kondisi_akhir",
                        tercetak=rules.format_nilai(baris.akhir),
                        dihitung=rules.format_nilai(hitungan),
                        medan="kondisi_akhir",
                    )
                )

    def tulis_target(self, ind, kode, tahun, isi, letak):
        lama = self.target.get((ind.pk, tahun)) if ind.pk else None
        nilai = {"indikator": ind, "tahun": tahun, "jenis": Target.Jenis.RENSTRA, "triwulan": None}
        bentuk = {"nilai": None, "batas_bawah": None, "batas_atas": None, "tingkat": None}
        if isinstance(isi, Decimal):
            bentuk["nilai"] = isi
        elif isinstance(isi, tuple):
            bentuk["batas_bawah"], bentuk["batas_atas"] = isi
        else:
            tingkat = self._tingkat(ind, isi)
            if tingkat is None:
                self.p.hasil.masalah.append(
                    Masalah(f'Target {tahun} "{isi}" bukan angka, rentang, atau tingkatan indikator ini.', *letak)
                )
                return None
            bentuk["tingkat"] = tingkat
        nilai.update(bentuk)
        return self.p.pasang(Target, lama, nilai, letak, judul=lambda: judul_modul.target(tahun, ind.uraian, kode))

    def _tingkat(self, ind, nama):
        if ind.jenis != Indikator.Jenis.KUALITATIF or not ind.skala_tingkat_id:
            return None
        if ind.skala_tingkat_id not in self.tingkat:
            self.tingkat[ind.skala_tingkat_id] = {t.nama.casefold(): t for t in ind.skala_tingkat.tingkat.all()}
        return self.tingkat[ind.skala_tingkat_id].get(nama.casefold())

    def tulis_pagu(self, sub, simpul):
        letak = self._letak(simpul.nomor)
        for tahun, rp in simpul.rp.items():
            if rp is None:
                continue
            ada = self.pagu.get((sub.pk, tahun), []) if sub.pk else []
            if len(ada) > 1:
                if sum(p.indikatif or 0 for p in ada) != rp:
                    self.p.hasil.masalah.append(
                        Masalah(
                            f"Pagu {tahun} sub kegiatan ini berasal dari {len(ada)} sumber dana; ubah lewat halaman "
                            "Admin, bukan lewat matriks.",
                            *letak,
                        )
                    )
                continue
            lama = ada[0] if ada else None
            nilai = {"sub_kegiatan": sub, "tahun": tahun, "indikatif": rp}
            if lama is None:
                nilai["sumber_dana"] = self.p.sumber_dana_bawaan((self.lembar, None))
            self.p.pasang(Pagu, lama, nilai, letak, judul=f"Pagu {tahun} {judul_modul.sebutan(sub)}")

    def tulis_pagu_kegiatan(self, kegiatan, simpul):
        """The budget of a kegiatan without sub kegiatan (the nomenclature before 2021): kept on its
        one hidden sub kegiatan row (`SubKegiatan.mewakili_kegiatan`), never shown as a sub kegiatan."""
        letak = self._letak(simpul.nomor)
        lama = self.sub.get(kunci_simpul("", kegiatan.pk, kegiatan.uraian)) if kegiatan.pk else None
        if lama is not None and not lama.mewakili_kegiatan:
            lama = None
        nilai = {"kegiatan": kegiatan, "kode": "", "uraian": kegiatan.uraian, "mewakili_kegiatan": True}
        sub = self.p.pasang(
            SubKegiatan, lama, nilai, letak, teks_longgar=("uraian",), judul=f"Baris anggaran kegiatan {simpul.uraian}"
        )
        if sub is not None:
            self.tulis_pagu(sub, simpul)

    def periksa_jumlah_pagu(self, simpul):
        for tahun, rp in simpul.rp.items():
            if rp is None:
                continue
            anak = [s for s in _semua(simpul) if s.level == kode_rules.SUB_KEGIATAN]
            jumlah = sum(s.rp.get(tahun) or 0 for s in anak)
            if jumlah != rp:
                self.p.hasil.masalah.append(
                    Masalah(
                        f"Pagu {tahun} {kode_rules.NAMA_LEVEL[simpul.level]} tercetak {rules.format_rupiah(rp)}, "
                        f"sedangkan jumlah pagu sub kegiatannya {rules.format_rupiah(jumlah)}. Pagu "
                        f"{kode_rules.NAMA_LEVEL[simpul.level]} tidak disimpan; ia dihitung dari sub kegiatan.",
                        self.lembar,
                        simpul.nomor,
                        peringatan=True,
                        jenis="jumlah",
                        tercetak=rules.format_rupiah(rp),
                        dihitung=rules.format_rupiah(jumlah),
                        medan="pagu",
                        tahun=tahun,
                        rincian=rincian_terbatas(
                            " ".join(x for x in (f"baris {s.nomor}", s.kode, s.uraian) if x)
                            + f" ({rules.format_rupiah(s.rp.get(tahun) or 0)})"
                            for s in anak
                        ),
                    )
                )

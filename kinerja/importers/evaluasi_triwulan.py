"""Evaluasi kinerja triwulan per bidang (seed `000_…`, first form): No, Kodrek, Program/Kegiatan,
Indikator, Satuan, Target, and Realisasi and % of quarters 1–4.

One sheet may hold several tables (one per bidang, each under its own header); a bidang is
named by a title (`EVALUASI KINERJA BIDANG …`, `BIDANG : …`) or a row (`<b>Bidang …</b>`).
Programme rows carry no code: the programme's code follows from its kegiatan. A kegiatan row
without a code takes it from its sub kegiatan when they all begin with the same kegiatan code,
with a warning naming it; a kegiatan code that does not fit is refused with the code its sub
kegiatan suggest. `REFOCUSING` marks the sub kegiatan above
(or in whose row it stands) as cut from the budget. Realisations are the quarters' values
(`-` is 0, remembered as written so that the report prints it back; an empty cell is not
reported); the printed % columns are checked against the rules
module and differences reported as warnings, never imported. Programmes, kegiatan and sub
kegiatan listed in an order other than their codes' keep the file's order (`urutan`,
kinerja.importers.urutan_berkas). The second form of the workbook
(Rencana Aksi, Permasalahan, …) is skipped.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings

from kinerja import rules
from kinerja.models import Realisasi
from kinerja.selectors import URUTAN_TARGET, bidang_penanggung_jawab_id
from renstra import kode as kode_rules
from renstra.models import Bidang, Indikator, Kegiatan, Program, SubKegiatan, Target
from renstra.selectors import renstra_berlaku

from . import judul as judul_modul
from . import sel, sinonim, tabel, turunan
from .bidang import DaftarBidang, mirip
from .selaras import Penyelaras, indikator_per_pemilik, pelaporan_terkunci
from .urutan_berkas import urutan_berkas

FORMAT = "evaluasi-triwulan"
JUDUL = "Evaluasi kinerja triwulan"
_BIDANG = re.compile(r"^(?:evaluasi\s+kinerja\s+)?bidang\s*:?\s*(?P<nama>.+?)(?:\s+tahun\s+\d{4})?$", re.IGNORECASE)
_TAHUN = re.compile(r"\btahun\s+(20\d\d)\b", re.IGNORECASE)
_LEVEL_KODE = {5: kode_rules.KEGIATAN, 6: kode_rules.SUB_KEGIATAN}  # rows of this table have no programme code
ALASAN_BENTUK_KEDUA = "Tabel bentuk kedua (rencana aksi, permasalahan, tindak lanjut): tidak diimpor."
URUTAN_TULIS = (Bidang, Program, Kegiatan, SubKegiatan, Indikator, Target, Realisasi)


@dataclass
class Kolom:
    no: int | None
    kode: int
    nama: int
    indikator: int
    satuan: int | None
    target: int
    realisasi: dict = field(default_factory=dict)  # triwulan → kolom
    persen: dict = field(default_factory=dict)

    @property
    def angka(self):
        return [self.target, *self.realisasi.values(), *self.persen.values()]


@dataclass
class BarisIndikator:
    nomor: int
    uraian: str
    satuan: str
    target: object = None
    realisasi: dict = field(default_factory=dict)  # triwulan → Decimal
    strip: set = field(default_factory=set)  # quarters whose realisation is written "-" (0)
    persen: dict = field(default_factory=dict)  # triwulan → (Decimal, desimal, teks)


@dataclass
class Simpul:
    nomor: int
    level: str
    kode: str
    uraian: str
    bidang: str = ""
    indikator: list = field(default_factory=list)
    anak: list = field(default_factory=list)
    refocusing: bool = False
    # a kegiatan whose code is missing or does not fit, decided once its sub kegiatan are read
    tertunda: bool = False
    kode_salah: str = ""
    masalah_kode: list = field(default_factory=list)


def _kepala(baris):
    isi = [sel.teks(c).lower() for c in baris]
    kode = next((k for k, s in enumerate(isi) if sinonim.menyebut(s, "kode")), None)
    nama = next((k for k, s in enumerate(isi) if s.startswith("program")), None)
    indikator = next((k for k, s in enumerate(isi) if s.startswith("indikator")), None)
    target = next((k for k, s in enumerate(isi) if s.startswith("target")), None)
    if None in (kode, nama, indikator, target):
        return None
    satuan = next((k for k, s in enumerate(isi) if s == "satuan"), None)
    no = next((k for k, s in enumerate(isi) if s in ("no", "no.")), None)
    return Kolom(no=no, kode=kode, nama=nama, indikator=indikator, satuan=satuan, target=target)


def _kepala_bentuk_kedua(baris):
    isi = [sel.teks(c).lower() for c in baris]
    return any(s.startswith("jenis pelayanan") for s in isi) or any(s.startswith("rencana aksi") for s in isi)


def _tabel(lembar, hasil):
    """The tables of a sheet: (kolom, rows, bidang named above it, year of its title)."""
    hasil_tabel = []
    bidang, judul_tahun, sekarang = "", None, None
    for nomor, baris in enumerate(lembar.baris, start=1):
        kolom = _kepala(baris)
        if kolom is not None:
            label = tabel.label_kolom(lembar.baris[nomor - 1 : nomor + 2])
            for k, daftar in label.items():
                tw = next((t for t in map(sel.triwulan_label, daftar) if t), None)
                if not tw or k <= kolom.target:
                    continue
                if any(lb in ("%", "t") or sinonim.menyebut(lb, "persen") for lb in daftar):
                    kolom.persen.setdefault(tw, k)
                else:
                    kolom.realisasi.setdefault(tw, k)
            if not kolom.realisasi:
                hasil.tambah(
                    "Kolom realisasi triwulan (1–4 atau TW I–IV) tidak ditemukan di kepala tabel.", lembar.nama, nomor
                )
                sekarang = None
                continue
            sekarang = (kolom, [], bidang, judul_tahun)
            hasil_tabel.append(sekarang)
            judul_tahun = None
            hasil.abaikan(lembar.nama, nomor, "Kepala tabel.")
            continue
        if _kepala_bentuk_kedua(baris):
            hasil.abaikan(lembar.nama, nomor, ALASAN_BENTUK_KEDUA)
            if sekarang is not None:
                hasil.tambah(
                    "Tabel bentuk kedua (rencana aksi, permasalahan, tindak lanjut) dilewati; yang diimpor "
                    "hanya tabel realisasi dan persen per triwulan.",
                    lembar.nama,
                    nomor,
                    peringatan=True,
                )
            sekarang = None
            continue
        teks_baris = [sel.teks(c) for c in baris if sel.teks(c)]
        if len(teks_baris) == 1:
            m = _BIDANG.match(teks_baris[0].lstrip("# "))
            if m:
                bidang = m.group("nama").strip()
        if sekarang is None:
            for t in teks_baris:
                mt = _TAHUN.search(t)
                if mt:
                    judul_tahun = (int(mt.group(1)), nomor)
            hasil.abaikan(lembar.nama, nomor, "Judul atau teks di luar tabel realisasi (mis. tabel bentuk kedua).")
            continue
        sekarang[1].append((nomor, baris))
    return hasil_tabel


def baca(lembar_daftar, hasil, tahun):
    """Parse every table of the workbook into bidang → programme nodes."""
    program = []
    dipakai = {}  # kode → (sheet, row) where it was first used
    ada_tabel = False
    for lembar in lembar_daftar:
        for kolom, baris, judul_bidang, judul_tahun in _tabel(lembar, hasil):
            ada_tabel = True
            if judul_tahun and judul_tahun[0] != tahun:
                hasil.tambah(
                    f"Judul tabel menyebut tahun {judul_tahun[0]}, sedangkan impor ini untuk tahun {tahun}.",
                    lembar.nama,
                    judul_tahun[1],
                )
            dibaca = _baca_tabel(lembar.nama, kolom, baris, judul_bidang, hasil, dipakai)
            for prog in dibaca:
                prog.lembar = lembar.nama  # the sheet its rows are in: problems and rows are named there
            program.extend(dibaca)
    if not ada_tabel:
        hasil.tambah(
            "Tabel evaluasi kinerja triwulan tidak ditemukan: kepala tabel harus memuat kolom Kodrek, "
            "Program/Kegiatan, Indikator, Target dan realisasi triwulan 1–4. Unduh templatnya untuk contoh."
        )
    return program


def _baca_tabel(lembar, kolom, baris_tabel, bidang, hasil, dipakai):
    data = []
    for nomor, baris in baris_tabel:
        if not any(sel.teks(c) for c in baris):
            continue
        if tabel.baris_pemisah(baris):
            hasil.abaikan(lembar, nomor, "Baris pemisah (garis).")
            continue
        if tabel.baris_kepala_berulang(baris, lambda s: s in ("kodrek", "kodring") or s.startswith("indikator")):
            hasil.abaikan(lembar, nomor, tabel.ALASAN_KEPALA_BERULANG)
            continue
        data.append((nomor, baris))
    desimal = tabel.desimal_kolom(lembar, data, kolom.angka, hasil)
    program, prog, keg, sub, terakhir = [], None, None, None, None

    def galat(nomor, pesan, k=None):
        hasil.tambah(pesan, lembar, nomor, k)

    def tetapkan(kegiatan):
        if kegiatan is not None and kegiatan.tertunda:
            _tetapkan_kode(kegiatan, lembar, kolom.kode, hasil, dipakai)

    for i_data, (nomor, baris) in enumerate(data):
        nomor_lalu = data[i_data - 1][0] if i_data else None
        kiri = [sel.teks(sel.isi(baris, k)) for k in (kolom.no, kolom.kode, kolom.nama) if k is not None]
        isi_lain = [
            sel.teks(c) for k, c in enumerate(baris) if k not in (kolom.no, kolom.kode, kolom.nama) and sel.teks(c)
        ]
        teks_kiri = next((t for t in kiri if t), "")
        kode_sel = sel.teks(sel.isi(baris, kolom.kode))
        no_sel = sel.teks(sel.isi(baris, kolom.no))
        label, nama = sel.pisah_label(sel.isi(baris, kolom.nama))

        if not isi_lain and sum(1 for t in kiri if t) == 1:
            if sel.refocusing(teks_kiri):
                if sub is not None:
                    sub.refocusing = True
                hasil.abaikan(lembar, nomor, "Penanda REFOCUSING bagi sub kegiatan di atasnya.")
                continue
            m = _BIDANG.match(teks_kiri)
            if m and not kode_sel:
                bidang = m.group("nama").strip()
                hasil.abaikan(lembar, nomor, f'Nama bidang "{bidang}" bagi baris di bawahnya.')
                continue
            lv, nm = sel.pisah_label(teks_kiri)
            if (
                lv is None
                and nama
                and not kode_sel
                and not no_sel
                and terakhir is not None
                and terakhir.uraian
                and nomor_lalu in {terakhir.nomor, *(i.nomor for i in terakhir.indikator)}
            ):
                # a name cut by a page break: its end on the next row, the other cells empty
                terakhir.uraian = f"{terakhir.uraian} {nama}"
                hasil.tambah(
                    f"Baris {nomor} hanya berisi lanjutan nama (terpotong pindah halaman); digabungkan dengan nama "
                    f'di baris {terakhir.nomor}: "{terakhir.uraian}".',
                    lembar,
                    nomor,
                    kolom.nama,
                    peringatan=True,
                )
                hasil.abaikan(lembar, nomor, f"Lanjutan nama baris {terakhir.nomor}; digabungkan dengannya.")
                continue
            if lv == "program":
                tetapkan(keg)
                prog = Simpul(nomor, kode_rules.PROGRAM, "", nm, bidang)
                program.append(prog)
                hasil.catat_data(lembar, nomor)
                keg = sub = terakhir = None
                continue
            if no_sel and not kode_sel and not sel.seperti_kode(no_sel) and not nama:
                tetapkan(keg)
                keg = None
                for n, _ in data[data.index((nomor, baris)) :]:
                    hasil.abaikan(lembar, n, "Teks di bawah tabel (tempat, tanggal, tanda tangan): tabel berakhir.")
                break  # text under the table (place and date, signature): the table has ended
        if (not kode_sel and label == "program") or (
            not kode_sel and not nama and sel.pisah_label(no_sel)[0] == "program"
        ):
            tetapkan(keg)
            prog = Simpul(nomor, kode_rules.PROGRAM, "", nama if label == "program" else no_sel, bidang)
            program.append(prog)
            hasil.catat_data(lembar, nomor)
            keg = sub = None
            terakhir = prog
            _tambah_indikator(prog, nomor, baris, kolom, desimal, galat)
            continue
        if (
            sel.seperti_kode(no_sel)
            and sel.jumlah_bagian(sel.gabung_kode([no_sel])) >= 5
            and not sel.seperti_kode(kode_sel)
        ):
            galat(
                nomor,
                f'Baris bergeser: kode "{no_sel}" berada di kolom No. Geser isi baris ini satu kolom ke kanan.',
                kolom.no,
            )
            terakhir = None
            continue
        kode = sel.gabung_kode([kode_sel]) if kode_sel else ""
        if kode and (not sel.KODE_SAH.fullmatch(kode) or sel.jumlah_bagian(kode) not in _LEVEL_KODE):
            lv = label or ("sub_kegiatan" if keg is not None and sel.jumlah_bagian(kode) > 5 else None)
            if lv == kode_rules.KEGIATAN:
                tetapkan(keg)
                hasil.catat_data(lembar, nomor)
                keg = _kegiatan_tertunda(
                    nomor,
                    kode,
                    nama,
                    bidang,
                    f'Kode kegiatan "{kode}" tidak berbentuk kode kegiatan (contoh: 1.06.02.2.03).',
                )
                sub = terakhir = None
                continue
            galat(
                nomor,
                f'Kode "{kode_sel}" tidak berbentuk kode kegiatan (1.06.02.2.03) atau sub kegiatan '
                f"(1.06.02.2.03.0001).{_saran(kode, keg, lv)}",
                kolom.kode,
            )
            terakhir = None
            if lv != "sub_kegiatan":
                tetapkan(keg)
                keg = _LEPAS
            continue
        level = _LEVEL_KODE.get(sel.jumlah_bagian(kode)) if kode else label
        if level is None and nama and keg is not None and kode == "":
            level = None
        if level is None:
            if nama and not kode and label is None and keg is None and prog is not None and not isi_lain:
                level = kode_rules.KEGIATAN  # a kegiatan written without label nor code
            elif not nama and sel.teks(sel.isi(baris, kolom.indikator)):
                if terakhir is None:
                    galat(nomor, "Indikator tanpa program, kegiatan atau sub kegiatan di atasnya.", kolom.indikator)
                else:
                    _tambah_indikator(terakhir, nomor, baris, kolom, desimal, galat)
                    hasil.catat_data(lembar, nomor)
                continue
            elif not nama and not sel.teks(sel.isi(baris, kolom.indikator)) and isi_lain:
                galat(nomor, "Uraian indikator kosong, padahal baris ini berisi satuan atau angka.", kolom.indikator)
                continue
            else:
                galat(nomor, f'Kode "{nama or teks_kiri}" kosong: isi kode kegiatan atau sub kegiatannya.', kolom.kode)
                continue
        if label and label != level:
            galat(
                nomor,
                f'Baris berlabel {kode_rules.NAMA_LEVEL[label]} tetapi kode "{kode}" adalah kode '
                f"{kode_rules.NAMA_LEVEL[level]}.",
                kolom.kode,
            )
            continue
        if level == kode_rules.SUB_KEGIATAN and not kode:
            bentuk = f" (di bawah kegiatan {keg.kode} bentuknya {keg.kode}.NNNN)" if keg and keg.kode else ""
            galat(nomor, f"Kode sub kegiatan kosong: isi kodenya{bentuk}.", kolom.kode)
            terakhir = None
            continue
        masalah_bentuk = kode_rules.periksa_kode(level, kode) if kode else []
        if masalah_bentuk and level == kode_rules.KEGIATAN:
            tetapkan(keg)
            hasil.catat_data(lembar, nomor)
            keg = _kegiatan_tertunda(nomor, kode, nama, bidang, *masalah_bentuk)
            sub = terakhir = None
            continue
        if masalah_bentuk:
            for pesan in masalah_bentuk:
                galat(nomor, pesan + _saran(kode, keg, level), kolom.kode)
            terakhir = None
            continue
        if kode in dipakai:
            galat(nomor, f'Kode "{kode}" sudah dipakai pada {dipakai[kode]}.', kolom.kode)
            terakhir = None
            if level == kode_rules.KEGIATAN:
                tetapkan(keg)
                keg = _LEPAS  # its sub kegiatan are not checked against a kegiatan already refused
            continue
        if kode:
            dipakai[kode] = f"lembar {lembar} baris {nomor}"
        if level == kode_rules.KEGIATAN:
            tetapkan(keg)
            if prog is None:
                prog = Simpul(nomor, kode_rules.PROGRAM, "", "", bidang)
                program.append(prog)
            keg = Simpul(nomor, level, kode, nama, bidang, tertunda=not kode)
            prog.anak.append(keg)
            sub = None
            terakhir = keg
        else:
            if keg is None:
                galat(nomor, "Sub kegiatan ini tidak berada di bawah kegiatan mana pun.", kolom.kode)
                continue
            sub = Simpul(nomor, level, kode, nama, bidang)
            keg.anak.append(sub)
            terakhir = sub
        if any(sel.refocusing(c) for c in baris) and sub is not None and terakhir is sub:
            sub.refocusing = True
        _tambah_indikator(terakhir, nomor, baris, kolom, desimal, galat)
        hasil.catat_data(lembar, nomor)
    tetapkan(keg)
    hasil.baris += len(data)
    return program


# Stands for a kegiatan whose row was refused: the sub kegiatan under it are read (so that
# their own problems are reported) but belong to no programme and are not written.
_LEPAS = Simpul(0, kode_rules.KEGIATAN, "", "")


def _kegiatan_tertunda(nomor, kode, nama, bidang, *masalah):
    """A kegiatan row whose code does not fit: its sub kegiatan are read (and belong to no
    programme); once they are, the row is refused with the code they suggest."""
    return Simpul(
        nomor, kode_rules.KEGIATAN, "", nama, bidang, tertunda=True, kode_salah=kode, masalah_kode=list(masalah)
    )


def _tetapkan_kode(keg, lembar, kolom_kode, hasil, dipakai):
    """Decide the code of a kegiatan whose row has none or one that does not fit, now that its sub
    kegiatan are read: taken from them (a warning), or the row refused with their hint."""
    keg.tertunda = False
    kode_anak = [s.kode for s in keg.anak]
    if keg.kode_salah:
        lain = " ".join(keg.masalah_kode) + _saran(keg.kode_salah, None, kode_rules.KEGIATAN)
        pesan = turunan.pesan_kode_salah(kode_rules.KEGIATAN, keg.kode_salah, kode_anak, lain)
        hasil.tambah(pesan, lembar, keg.nomor, kolom_kode)
        return
    kode, pesan = turunan.kode_dari_anak(kode_rules.KEGIATAN, kode_anak)
    if kode is None:
        hasil.tambah(pesan, lembar, keg.nomor, kolom_kode)
        return
    if kode in dipakai:
        hasil.tambah(
            f'Kode kegiatan kosong; kode sub kegiatan di bawahnya memberi "{kode}", yang sudah dipakai pada '
            f"{dipakai[kode]}.",
            lembar,
            keg.nomor,
            kolom_kode,
        )
        return
    dipakai[kode] = f"lembar {lembar} baris {keg.nomor}"
    keg.kode = kode
    hasil.tambah(pesan, lembar, keg.nomor, kolom_kode, peringatan=True)


def _saran(kode, keg, level):
    """A hint for a broken code: the code the kegiatan above or its subs would give it."""
    if level == "sub_kegiatan" and keg is not None and keg.kode:
        return f" Di bawah kegiatan {keg.kode} kodenya berbentuk {keg.kode}.NNNN."
    bagian = kode.rstrip(".").split(".")
    if len(bagian) == 5 and len(bagian[-1]) == 4:
        return f" Mungkin maksudnya kegiatan {'.'.join(bagian[:4])}.NN dengan sub kegiatan {kode}?"
    return ""


def _tambah_indikator(simpul, nomor, baris, kolom, desimal, galat):
    uraian = sel.teks(sel.isi(baris, kolom.indikator))
    target_sel = sel.isi(baris, kolom.target)
    if sel.refocusing(target_sel) or sel.refocusing(sel.isi(baris, kolom.satuan)):
        if simpul.level == kode_rules.SUB_KEGIATAN:
            simpul.refocusing = True
        target_sel = None
    angka_ada = any(sel.teks(sel.isi(baris, k)) for k in kolom.angka)
    if not uraian:
        if angka_ada and sel.teks(target_sel):
            galat(nomor, "Uraian indikator kosong, padahal baris ini berisi target.", kolom.indikator)
        return
    ind = BarisIndikator(nomor, uraian, sel.teks(sel.isi(baris, kolom.satuan)))
    try:
        ind.target = sel.angka(target_sel, desimal[kolom.target])
    except rules.AngkaTidakValid as e:
        galat(nomor, f"Target: {e}", kolom.target)
    for tw, k in kolom.realisasi.items():
        try:
            nilai = sel.realisasi(sel.isi(baris, k), desimal[k])
        except rules.AngkaTidakValid as e:
            galat(nomor, f"Realisasi triwulan {tw}: {e}", k)
            continue
        if nilai is not None:
            if simpul.refocusing:
                continue
            ind.realisasi[tw] = nilai
            if sel.strip(sel.isi(baris, k)):
                ind.strip.add(tw)
    for tw, k in kolom.persen.items():
        try:
            tercetak = sel.persen_tercetak(sel.isi(baris, k), desimal[k])
        except rules.AngkaTidakValid as e:
            galat(nomor, f"Persen triwulan {tw}: {e}", k)
            continue
        if tercetak is not None:
            ind.persen[tw] = (*tercetak, sel.teks(sel.isi(baris, k)), k)
    simpul.indikator.append(ind)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def impor(lembar_daftar, *, opd, tahun, user, hasil, kemajuan=None):
    program = baca(lembar_daftar, hasil, tahun)
    if not hasil.sah:
        return None
    renstra = renstra_berlaku(opd, tahun)
    if renstra is None:
        hasil.tambah(
            f"Belum ada Renstra {opd} yang berlaku pada tahun {tahun}. Impor Matriks Renstra dulu, atau buat "
            "Renstranya di halaman Admin."
        )
        return None
    penyelaras = Penyelaras(hasil, user, alasan=f"Impor {JUDUL} {tahun}")
    _Penulis(renstra, opd, tahun, penyelaras, lembar_daftar, kemajuan).tulis(program)
    return penyelaras


class _Penulis:
    def __init__(self, renstra, opd, tahun, penyelaras, lembar_daftar, kemajuan):
        self.renstra, self.opd, self.tahun, self.p, self.kemajuan = renstra, opd, tahun, penyelaras, kemajuan
        self.lembar = lembar_daftar[0].nama if lembar_daftar else ""
        self.diberitahu = set()  # bidang urusan whose nomenclature is not shipped, said once
        self.program = {p.kode: p for p in Program.objects.filter(renstra=renstra).select_related("bidang")}
        self.kegiatan = {k.kode: k for k in Kegiatan.objects.filter(program__renstra=renstra).select_related("program")}
        self.sub = {
            s.kode: s
            for s in SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).select_related("kegiatan__program")
        }
        self.indikator = indikator_per_pemilik(
            renstra, "sub_kegiatan__kegiatan__program", "kegiatan__program", "program"
        )
        self.target = {}
        for t in Target.objects.filter(indikator__renstra=renstra, tahun=tahun, triwulan=None):
            self.target.setdefault(t.indikator_id, []).append(t)
        self.realisasi = {
            (r.indikator_id, r.triwulan): r for r in Realisasi.objects.filter(indikator__renstra=renstra, tahun=tahun)
        }
        self.terkunci = pelaporan_terkunci(opd, tahun)
        self.bidang = DaftarBidang(Bidang.objects.filter(opd=opd))
        self.bidang_dilaporkan = set()
        self.selesai = 0

    def _bidang(self, nama, nomor):
        """The bidang a title names, for a programme, kegiatan or sub kegiatan the file creates:
        an existing one when only case, blanks, punctuation or the "Bidang" prefix differ (said
        once, unless only case and the prefix differ, as between a table's title and its rows),
        else a new one, reported when it is close to an existing one (kinerja.importers.bidang)."""
        if not nama:
            return None
        letak = (self.lembar, nomor)
        ada = self.bidang.cari(nama)
        if ada is not None:
            if (
                ada.pk is not None
                and _nama_bidang(nama) != _nama_bidang(ada.nama)
                and nama not in self.bidang_dilaporkan
            ):
                self.bidang_dilaporkan.add(nama)
                self.p.hasil.tambah(
                    f'Bidang "{nama}" pada berkas dibaca sebagai bidang yang ada "{ada.nama}" (beda huruf besar, '
                    "spasi atau tanda baca saja).",
                    *letak,
                    peringatan=True,
                    jenis="nama",
                )
            return ada
        nama = _huruf_judul(nama) if nama.isupper() else nama
        nama_lengkap = (nama if nama.lower().startswith("bidang") else f"Bidang {nama}")[:255]
        serupa = mirip(nama_lengkap, self.bidang.semua_nama())
        baru = self.p.pasang(Bidang, None, {"opd": self.opd, "nama": nama_lengkap}, letak)
        if baru is None:
            return None
        self.bidang.tambah(baru)
        if serupa:
            asal = "yang ada" if any(b.nama == serupa[0] for b in self.bidang.ada.values()) else "lain dari berkas ini"
            self.p.hasil.tambah(
                f'Bidang baru "{nama_lengkap}" mirip bidang {asal} "{serupa[0]}"; bila maksudnya sama, perbaiki nama '
                "bidang di berkas agar tidak terbentuk bidang kembar.",
                *letak,
                peringatan=True,
                jenis="nama",
            )
        return baru

    def _urutan_berkas(self, program):
        """{(model, code): urutan} for the siblings the file lists in an order they do not have."""
        prog_kode, kegiatan, sub = [], {}, {}
        for prog in program:
            kode = prog.kode or _kode_dari_anak(prog, 3)
            if not kode:
                continue
            prog_kode.append(kode)
            for keg in prog.anak:
                kode_keg = keg.kode or _kode_dari_anak(keg, 5)
                if kode_keg:
                    kegiatan.setdefault(kode, []).append(kode_keg)
                    sub.setdefault(kode_keg, []).extend(s.kode for s in keg.anak if s.kode)
        kelompok = [(Program, self.program, prog_kode)]
        kelompok += [(Kegiatan, self.kegiatan, k) for k in kegiatan.values()]
        kelompok += [(SubKegiatan, self.sub, s) for s in sub.values()]
        hasil = {}
        for model, ada, daftar in kelompok:
            daftar = list(dict.fromkeys(daftar))  # a programme may head the tables of two bidang
            for kode, urutan in zip(daftar, urutan_berkas([(ada.get(k), k) for k in daftar]), strict=True):
                if urutan is not None:
                    hasil[(model, kode)] = urutan
        return hasil

    def tulis(self, program):
        self.urutan = self._urutan_berkas(program)
        for prog in program:
            self.lembar = getattr(prog, "lembar", self.lembar)
            kode = prog.kode or _kode_dari_anak(prog, 3)
            if not kode:
                self.p.hasil.tambah(
                    f'Kode program "{prog.uraian}" tidak dapat ditentukan: program ini tidak mempunyai '
                    "kegiatan berkode.",
                    self.lembar,
                    prog.nomor,
                )
                continue
            lama = self.program.get(kode)
            nilai = {"renstra": self.renstra, "kode": kode}
            if prog.uraian:
                nilai["uraian"] = prog.uraian
            elif lama is None:
                nilai["uraian"] = kode
            if (Program, kode) in self.urutan:
                nilai["urutan"] = self.urutan[(Program, kode)]
            bidang = self._bidang(prog.bidang, prog.nomor) if lama is None else None
            if bidang is not None:
                nilai["bidang"] = bidang
            if lama is None:
                self._nomenklatur(kode_rules.PROGRAM, kode, prog.uraian, (self.lembar, prog.nomor))
            obj = self.p.pasang(Program, lama, nilai, (self.lembar, prog.nomor), teks_longgar=("uraian",))
            if obj is None:
                continue
            self.program[kode] = obj
            self._indikator(obj, prog)
            for keg in prog.anak:
                self._kegiatan(obj, keg)

    def _nomenklatur(self, level, kode, uraian, letak):
        """A new node's code and name against the nomenclature in force in the year imported."""
        turunan.periksa_nomenklatur(self.p.hasil, level, kode, uraian, [self.tahun], letak, self.diberitahu)

    def _kegiatan(self, program, keg):
        kode = keg.kode or _kode_dari_anak(keg, 5)
        letak = (self.lembar, keg.nomor)
        if not kode:
            self.p.hasil.tambah(
                f'Kode kegiatan "{keg.uraian}" kosong dan tidak ada sub kegiatan berkode di bawahnya.', *letak
            )
            return
        masalah = kode_rules.periksa_kode(kode_rules.KEGIATAN, kode, program.kode)
        if masalah:
            for pesan in masalah:
                self.p.hasil.tambah(pesan, *letak)
            return
        lama = self.kegiatan.get(kode)
        nilai = {"program": program, "kode": kode}
        if keg.uraian or lama is None:
            nilai["uraian"] = keg.uraian or kode
        if (Kegiatan, kode) in self.urutan:
            nilai["urutan"] = self.urutan[(Kegiatan, kode)]
        bidang = self._bidang(keg.bidang, keg.nomor) if lama is None else None
        if bidang is not None and _bidang_efektif(program) != bidang:
            nilai["bidang"] = bidang
        if lama is None:
            self._nomenklatur(kode_rules.KEGIATAN, kode, keg.uraian, letak)
        obj = self.p.pasang(Kegiatan, lama, nilai, letak, teks_longgar=("uraian",))
        if obj is None:
            return
        self.kegiatan[kode] = obj
        self._indikator(obj, keg)
        for sub in keg.anak:
            self._sub(obj, sub)

    def _sub(self, kegiatan, sub):
        letak = (self.lembar, sub.nomor)
        masalah = kode_rules.periksa_kode(kode_rules.SUB_KEGIATAN, sub.kode, kegiatan.kode)
        if masalah:
            for pesan in masalah:
                self.p.hasil.tambah(pesan, *letak)
            return
        lama = self.sub.get(sub.kode)
        if lama is not None and lama.kegiatan_id != kegiatan.pk:
            self.p.hasil.tambah(f'Kode sub kegiatan "{sub.kode}" sudah dipakai di bawah kegiatan lain.', *letak)
            return
        nilai = {"kegiatan": kegiatan, "kode": sub.kode, "uraian": sub.uraian or sub.kode}
        if sub.refocusing:
            nilai["refocusing"] = True
        if (SubKegiatan, sub.kode) in self.urutan:
            nilai["urutan"] = self.urutan[(SubKegiatan, sub.kode)]
        bidang = self._bidang(sub.bidang, sub.nomor) if lama is None else None
        if bidang is not None and _bidang_efektif(kegiatan) != bidang:
            nilai["bidang"] = bidang
        if lama is None:
            self._nomenklatur(kode_rules.SUB_KEGIATAN, sub.kode, sub.uraian, letak)
        obj = self.p.pasang(SubKegiatan, lama, nilai, letak, teks_longgar=("uraian",))
        if obj is None:
            return
        self.sub[sub.kode] = obj
        self._indikator(obj, sub)
        self.selesai += 1
        if self.kemajuan and self.selesai % 100 == 0:
            self.kemajuan(self.selesai)

    def _indikator(self, pemilik, simpul):
        for urutan, baris in enumerate(simpul.indikator):
            letak = (self.lembar, baris.nomor)
            kunci = (simpul.level, pemilik.pk, baris.uraian.casefold()) if pemilik.pk else None
            lama = self.indikator.get(kunci) if kunci else None
            nilai = {simpul.level: pemilik, "uraian": baris.uraian, "satuan": baris.satuan[:100]}
            if lama is None:
                nilai.update(renstra=self.renstra, urutan=urutan)
            ind = self.p.pasang(
                Indikator,
                lama,
                nilai,
                letak,
                teks_longgar=("uraian", "satuan"),
                judul=lambda uraian=baris.uraian: judul_modul.indikator(uraian, pemilik.kode),
            )
            if ind is None:
                continue
            if kunci:
                self.indikator[kunci] = ind
            self._target(ind, pemilik.kode, baris, letak)
            self._realisasi(ind, pemilik.kode, baris, letak)

    def _target(self, ind, kode, baris, letak):
        if baris.target is None:
            return
        daftar = self.target.get(ind.pk, []) if ind.pk else []
        lama = next((t for jenis in URUTAN_TARGET for t in daftar if t.jenis == jenis), None)
        nilai = {"nilai": baris.target, "batas_bawah": None, "batas_atas": None, "tingkat": None}
        if lama is None:
            nilai.update(indikator=ind, tahun=self.tahun, jenis=Target.Jenis.RENSTRA, triwulan=None)
        elif lama.tingkat_id or lama.batas_bawah is not None:
            return  # a level or a band is not written in this table; leave it
        self.p.pasang(Target, lama, nilai, letak, judul=lambda: judul_modul.target(self.tahun, ind.uraian, kode))

    def _realisasi(self, ind, kode, baris, letak):
        arah = ind.arah
        for tw, nilai in sorted(baris.realisasi.items()):
            lama = self.realisasi.get((ind.pk, tw)) if ind.pk else None

            def judul(tw=tw):
                return judul_modul.realisasi(tw, ind.uraian, kode)

            strip = tw in baris.strip
            if lama is not None and lama.nilai == nilai:
                # how a 0 is written is not a new value: changed even in a quarter already submitted
                self.p.pasang(Realisasi, lama, {"nilai": nilai, "tertulis_strip": strip}, letak, judul=judul)
                continue
            if lama is not None and (lama.tingkat_id or lama.pembilang is not None):
                self.p.hasil.tambah(
                    f"Realisasi triwulan {tw} indikator ini diisi dengan tingkatan atau pembilang/penyebut; "
                    "ubah lewat halaman isian.",
                    *letak,
                )
                continue
            kunci_bidang = bidang_penanggung_jawab_id(ind) if (self.opd.pelaporan_per_bidang and ind.pk) else None
            terkunci = self.terkunci.get((kunci_bidang, tw))
            if terkunci is not None:
                self.p.hasil.tambah(
                    f"Triwulan {tw} sudah berstatus {terkunci.get_status_display().lower()}; realisasinya tidak "
                    "dapat diubah lewat impor. Kembalikan atau buka kembali pelaporannya dulu.",
                    *letak,
                )
                continue
            data = {"nilai": nilai, "tertulis_strip": strip}
            if lama is None:
                data.update(indikator=ind, tahun=self.tahun, triwulan=tw)
            self.p.pasang(Realisasi, lama, data, letak, judul=judul)
        self._periksa_rentang(ind, baris, arah, letak)
        for tw, (tercetak, desimal, teks, kolom) in sorted(baris.persen.items()):
            if baris.target is None or tw not in baris.realisasi:
                continue
            dihitung = rules.capaian(baris.target, baris.realisasi[tw], arah, ind.metode_negatif)
            if dihitung is None:
                continue
            if sel.beda_dari_cetakan(dihitung, tercetak, desimal):
                self.p.hasil.tambah(
                    f"Persen triwulan {tw} tercetak {teks}, sedangkan dihitung "
                    f"{rules.format_persen(dihitung, max(desimal, 2))} "
                    f"(realisasi {rules.format_nilai(baris.realisasi[tw])} dari target "
                    f"{rules.format_nilai(baris.target)}). Persen tidak diimpor; ia dihitung.",
                    letak[0],
                    letak[1],
                    kolom,
                    peringatan=True,
                    jenis="persen",
                    tercetak=teks,
                    dihitung=rules.format_persen(dihitung, max(desimal, 2)),
                    medan="capaian",
                    triwulan=tw,
                )

    def _periksa_rentang(self, ind, baris, arah, letak):
        """A quarter whose capaian is far above every predikat scale (rules.capaian_pencilan):
        mostly a target or a realisation in another unit. Imported as typed, and said."""
        if baris.target is None:
            return
        for tw, nilai in sorted(baris.realisasi.items()):
            dihitung = rules.capaian(baris.target, nilai, arah, ind.metode_negatif)
            if not rules.capaian_pencilan(dihitung, settings.KINERJA_CAPAIAN_PENCILAN):
                continue
            self.p.hasil.tambah(
                f"Capaian triwulan {tw} {rules.format_persen(dihitung)} (realisasi {rules.format_nilai(nilai)} dari "
                f"target {rules.format_nilai(baris.target)}) jauh di atas {settings.KINERJA_CAPAIAN_PENCILAN}%: "
                "periksa satuan target dan realisasinya. Nilai diimpor sebagaimana tertulis.",
                letak[0],
                letak[1],
                peringatan=True,
                jenis="rentang",
                dihitung=rules.format_persen(dihitung),
                medan="capaian",
                triwulan=tw,
            )


def _nama_bidang(nama):
    """A bidang's name without case and the "Bidang" prefix: a title ("EVALUASI KINERJA BIDANG X")
    and a row ("<b>Bidang X</b>") of one table name the bidang this way; any other difference to
    an existing bidang's name is said in the preview (kinerja.importers.bidang)."""
    return re.sub(r"^bidang\s*:?\s*", "", sel.teks(nama), flags=re.IGNORECASE).casefold()


_KATA_KECIL = {"dan", "di", "ke", "dari", "yang", "untuk", "serta", "atau", "pada", "bagi", "dengan"}


def _huruf_judul(nama):
    """A name printed in capitals as a name is written: "PENANGANAN FAKIR MISKIN DAN BENCANA" →
    "Penanganan Fakir Miskin dan Bencana"."""
    kata = nama.title().split(" ")
    return " ".join(k.lower() if i and k.lower() in _KATA_KECIL else k for i, k in enumerate(kata))


def _bidang_efektif(simpul):
    """The bidang answering for a programme or kegiatan (possibly not saved yet)."""
    if simpul.bidang is not None:
        return simpul.bidang
    return simpul.program.bidang if isinstance(simpul, Kegiatan) else None


def _kode_dari_anak(simpul, bagian):
    for anak in simpul.anak:
        kode = anak.kode or _kode_dari_anak(anak, bagian)
        if kode and sel.jumlah_bagian(kode) >= bagian:
            return ".".join(kode.split(".")[:bagian])
    return ""

"""Realisasi anggaran per sub kegiatan (the budget table of the LKjIP, seed `003_…` Tabel 3.43):
program, kegiatan and sub kegiatan with anggaran induk, anggaran perubahan, realisasi and %.

Rows are matched to the agency's Renstra by code when the table has a Kode column, else by
name (`PROGRAM …`, `Kegiatan …`, then the sub kegiatan under the kegiatan above). Columns may
be grouped by year (`TAHUN 2023`, `TAHUN 2024`): the group of the chosen year is imported.
Realisation is either one column for the year, stored as the fourth quarter (as the demo does
with yearly figures) when no quarter of that year has been entered, or four columns TW I–IV.
Program, kegiatan and total rows are sums: checked, never stored; the % column is checked.
"""

import re
from dataclasses import dataclass, field

from kinerja import periode, rules
from kinerja.models import RealisasiAnggaran
from kinerja.selectors import bidang_rantai_id
from renstra.models import Kegiatan, Pagu, Program, SubKegiatan, SumberDana
from renstra.selectors import renstra_berlaku

from . import judul as judul_modul
from . import sel, sinonim, tabel
from .hasil import rincian_terbatas
from .selaras import Penyelaras, pelaporan_terkunci

FORMAT = "realisasi-anggaran"
JUDUL = "Realisasi anggaran"
URUTAN_TULIS = (SumberDana, Pagu, RealisasiAnggaran)
_AWALAN = re.compile(r"^(program|kegiatan|sub\s*\.?\s*kegiatan)\s*[:.]?\s*", re.IGNORECASE)


@dataclass
class Kolom:
    kode: int | None
    nama: int
    induk: int | None = None
    perubahan: int | None = None
    realisasi: int | None = None
    persen: int | None = None
    triwulan: dict = field(default_factory=dict)

    @property
    def angka(self):
        return [
            k
            for k in (self.induk, self.perubahan, self.realisasi, self.persen, *self.triwulan.values())
            if k is not None
        ]


@dataclass
class Baris:
    nomor: int
    level: str  # program, kegiatan, sub_kegiatan, total
    kode: str
    nama: str
    induk: int | None = None
    perubahan: int | None = None
    realisasi: int | None = None
    triwulan: dict = field(default_factory=dict)
    persen: tuple | None = None


def _cari_kepala(lembar, tahun, hasil):
    for i, baris in enumerate(lembar.baris[: tabel.CARI_KEPALA_MAKS]):
        isi = [sel.teks(c).lower() for c in baris]
        nama = next((k for k, s in enumerate(isi) if "kegiatan" in s and ("program" in s or "sub" in s)), None)
        if nama is None:
            continue
        label = tabel.label_kolom(lembar.baris[i : i + 3])
        tahun_ada = {t for daftar in label.values() for t in map(tabel.tahun_label, daftar) if t}
        if tahun_ada and tahun not in tahun_ada:
            hasil.tambah(
                f"Tabel ini memuat tahun {', '.join(map(str, sorted(tahun_ada)))}, bukan tahun {tahun}.",
                lembar.nama,
                i + 1,
            )
            return None, None
        kolom = Kolom(kode=next((k for k, s in enumerate(isi) if s.startswith("kode")), None), nama=nama)
        for k, daftar in label.items():
            if k == nama or k == kolom.kode:
                continue
            tahun_kolom = next((t for t in map(tabel.tahun_label, daftar) if t), None)
            if tahun_ada and tahun_kolom != tahun:
                continue
            tw = next((t for t in (sel.triwulan_label(lb, awalan_wajib=True) for lb in daftar) if t), None)
            jenis = jenis_kolom(daftar)
            if tw:
                kolom.triwulan[tw] = k
            elif jenis == "anggaran_perubahan":
                kolom.perubahan = k
            elif jenis == "anggaran_induk" or (jenis == "anggaran" and kolom.induk is None):
                kolom.induk = k
            elif jenis == "realisasi":
                kolom.realisasi = k
            elif jenis == "persen":
                kolom.persen = k
        if kolom.induk is None and kolom.perubahan is None:
            hasil.tambah(
                "Kolom Anggaran Induk atau Anggaran Perubahan tidak ditemukan di kepala tabel.", lembar.nama, i + 1
            )
            return None, None
        if kolom.realisasi is None and not kolom.triwulan:
            hasil.tambah("Kolom Realisasi (setahun, atau TW I–IV) tidak ditemukan di kepala tabel.", lembar.nama, i + 1)
            return None, None
        return kolom, i + 1
    return None, None


_JENIS = ("anggaran_perubahan", "anggaran_induk", "realisasi", "persen", "anggaran")


def jenis_kolom(daftar):
    """What a column holds, from its header labels (top to bottom) through the synonyms
    (kinerja.importers.sinonim): the label nearest the data decides, except that a bare budget
    word ("Rp", "Anggaran", "Pagu") gives way to a group above it ("Anggaran Perubahan" over "Rp",
    "Realisasi" over "Rp"); a label with "%" is a percentage."""
    umum = None
    for lb in reversed(daftar):
        if "%" in lb:
            return "persen"
        jenis = sinonim.kunci(lb, _JENIS)
        if jenis == "anggaran":
            umum = umum or jenis
        elif jenis is not None:
            return jenis
    gabung = " ".join(daftar)
    for kata, jenis in (("perubahan", "anggaran_perubahan"), ("induk", "anggaran_induk"), ("murni", "anggaran_induk")):
        if kata in gabung:
            return jenis
    if "realisasi" in gabung:
        return "realisasi"
    if "persen" in gabung:
        return "persen"
    return umum


def baca(lembar_daftar, hasil, tahun):
    for lembar in lembar_daftar:
        kolom, mulai = _cari_kepala(lembar, tahun, hasil)
        if kolom is not None:
            return lembar, _baris(lembar, kolom, mulai, hasil)
        if not hasil.sah:
            return lembar, []
    hasil.tambah(
        'Tabel realisasi anggaran tidak ditemukan: kepala tabel harus memuat kolom "Program/Kegiatan/Sub Kegiatan", '
        "Anggaran Induk, Anggaran Perubahan dan Realisasi. Unduh templatnya untuk contoh."
    )
    return None, []


def _baris(lembar, kolom, mulai, hasil):
    tabel.abaikan_di_atas(hasil, lembar, mulai)
    data = tabel.baris_data(lembar, mulai, _penanda_kepala, hasil)
    hasil.baris += len(data)
    desimal = tabel.desimal_kolom(lembar.nama, data, kolom.angka, hasil)
    keluaran = []
    for i, (nomor, baris) in enumerate(data):
        nomor_lalu = data[i - 1][0] if i else None
        nama_asli = sel.teks(sel.isi(baris, kolom.nama))
        kode = sel.gabung_kode([sel.isi(baris, kolom.kode)]) if kolom.kode is not None else ""
        angka_ada = any(sel.teks(sel.isi(baris, k)) for k in kolom.angka)
        if not nama_asli:
            _, nama_asli = sel.nama_di_kiri(baris, kolom.nama if kolom.kode is None else min(kolom.nama, kolom.kode))
        if not nama_asli and not kode:
            if angka_ada:
                hasil.tambah("Baris berisi angka tanpa kode maupun uraian.", lembar.nama, nomor)
            else:
                hasil.abaikan(lembar.nama, nomor, "Baris tanpa kode, uraian maupun angka; isinya tidak dibaca.")
            continue
        sebelum = keluaran[-1] if keluaran else None
        if (
            not kode
            and not angka_ada
            and not _AWALAN.match(nama_asli)
            and not sel.baris_jumlah(nama_asli)
            and sebelum is not None
            and sebelum.level != "total"
            and sebelum.nomor == nomor_lalu
        ):
            # a name cut by a page break: its end on the next row, the number cells empty
            sebelum.nama = f"{sebelum.nama} {nama_asli}"
            hasil.tambah(
                f"Baris {nomor} hanya berisi lanjutan nama (terpotong pindah halaman); digabungkan dengan nama di "
                f'baris {sebelum.nomor}: "{sebelum.nama}".',
                lembar.nama,
                nomor,
                kolom.nama,
                peringatan=True,
            )
            hasil.abaikan(lembar.nama, nomor, f"Lanjutan nama baris {sebelum.nomor}; digabungkan dengannya.")
            continue
        if sel.baris_jumlah(nama_asli):
            level = "total"
        elif kode:
            level = sel.LEVEL_MENURUT_BAGIAN.get(sel.jumlah_bagian(kode))
            if level is None or not sel.KODE_SAH.fullmatch(kode):
                hasil.tambah(
                    f'Kode "{kode}" tidak berbentuk kode program, kegiatan atau sub kegiatan.',
                    lembar.nama,
                    nomor,
                    kolom.kode,
                )
                continue
        else:
            m = _AWALAN.match(nama_asli)
            level = {"program": "program", "kegiatan": "kegiatan"}.get(m.group(1).lower()) if m else None
            level = level or ("sub_kegiatan" if m else "")
        b = Baris(nomor, level, kode, _AWALAN.sub("", nama_asli) if level != "program" else nama_asli)
        for medan in ("induk", "perubahan", "realisasi"):
            k = getattr(kolom, medan)
            if k is None:
                continue
            try:
                setattr(b, medan, sel.rupiah(sel.isi(baris, k), desimal[k]))
            except rules.AngkaTidakValid as e:
                hasil.tambah(str(e), lembar.nama, nomor, k)
        for tw, k in kolom.triwulan.items():
            try:
                nilai = sel.rupiah(sel.isi(baris, k), desimal[k])
            except rules.AngkaTidakValid as e:
                hasil.tambah(str(e), lembar.nama, nomor, k)
                continue
            if nilai is not None:
                b.triwulan[tw] = nilai
        if kolom.persen is not None:
            try:
                tercetak = sel.persen_tercetak(sel.isi(baris, kolom.persen), desimal[kolom.persen])
            except rules.AngkaTidakValid as e:
                hasil.tambah(str(e), lembar.nama, nomor, kolom.persen)
                tercetak = None
            if tercetak is not None:
                b.persen = (*tercetak, sel.teks(sel.isi(baris, kolom.persen)), kolom.persen)
        keluaran.append(b)
        hasil.catat_data(lembar.nama, nomor)
    return keluaran


def _penanda_kepala(s):
    return ("kegiatan" in s and "program" in s) or s.startswith("anggaran")


def _nama(teks):
    return _AWALAN.sub("", sel.teks(teks)).casefold()


def impor(lembar_daftar, *, opd, tahun, user, hasil, kemajuan=None):
    lembar, daftar = baca(lembar_daftar, hasil, tahun)
    if lembar is None or not hasil.sah:
        return None
    renstra = renstra_berlaku(opd, tahun)
    if renstra is None:
        hasil.tambah(f"Belum ada Renstra {opd} yang berlaku pada tahun {tahun}. Impor Matriks Renstra dulu.")
        return None
    penyelaras = Penyelaras(hasil, user, alasan=f"Impor {JUDUL} {tahun}")
    _Penulis(renstra, opd, tahun, penyelaras, lembar.nama).tulis(daftar, kemajuan)
    return penyelaras


class _Penulis:
    def __init__(self, renstra, opd, tahun, penyelaras, lembar):
        self.opd, self.tahun, self.p, self.lembar = opd, tahun, penyelaras, lembar
        self.program = list(Program.objects.filter(renstra=renstra))
        self.kegiatan = list(Kegiatan.objects.filter(program__renstra=renstra).select_related("program"))
        self.sub = list(
            SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).select_related("kegiatan__program")
        )
        self.pagu = {}
        for pg in Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra, tahun=tahun):
            self.pagu.setdefault(pg.sub_kegiatan_id, []).append(pg)
        self.realisasi = {
            (r.sub_kegiatan_id, r.triwulan): r
            for r in RealisasiAnggaran.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra, tahun=tahun)
        }
        self.terkunci = pelaporan_terkunci(opd, tahun)

    def _cari(self, daftar, b, saring=None):
        if b.kode:
            return [x for x in daftar if x.kode == b.kode]
        cocok = [x for x in daftar if _nama(x.uraian) == _nama(b.nama)]
        if saring is not None and len(cocok) > 1:
            cocok = [x for x in cocok if saring(x)] or cocok
        return cocok

    def tulis(self, daftar, kemajuan):
        program = kegiatan = None
        kelompok = []  # (row, subs under it) of programme and kegiatan rows, to check their sums
        grup_program = grup_kegiatan = None
        total = None
        for i, b in enumerate(daftar):
            letak = (self.lembar, b.nomor)
            if b.level == "total":
                total = b
                self.p.hasil.abaikan(*letak, "Baris jumlah: diperiksa terhadap baris di atasnya, tidak disimpan.")
                continue
            if b.level == "program":
                cocok = self._cari(self.program, b)
                program = cocok[0] if len(cocok) == 1 else None
                kegiatan = None
                grup_program, grup_kegiatan = (b, []), None
                kelompok.append(grup_program)
                self.p.hasil.abaikan(*letak, "Baris program: jumlah sub kegiatannya, diperiksa, tidak disimpan.")
                if program is None:
                    self.p.hasil.tambah(f'Program "{b.kode or b.nama}" tidak ditemukan dalam Renstra.', *letak)
                continue
            if b.level in ("kegiatan", ""):
                cocok = self._cari(self.kegiatan, b, _di_bawah("program_id", program))
                if b.level == "kegiatan" or (len(cocok) == 1 and not self._sub_di_bawah(kegiatan, b)):
                    kegiatan = cocok[0] if len(cocok) == 1 else None
                    wakil = self._wakil(kegiatan)
                    if wakil is not None:
                        # a kegiatan of the nomenclature before 2021: its budget is its own, kept on
                        # its hidden sub kegiatan row (SubKegiatan.mewakili_kegiatan)
                        self._pagu(wakil, b, letak)
                        self._realisasi(wakil, b, letak)
                        self.p.hasil.abaikan(*letak, "Baris kegiatan tanpa angka anggaran maupun realisasi.")
                        continue
                    grup_kegiatan = (b, [])
                    kelompok.append(grup_kegiatan)
                    self.p.hasil.abaikan(*letak, "Baris kegiatan: jumlah sub kegiatannya, diperiksa, tidak disimpan.")
                    if kegiatan is None:
                        pesan = "ditemukan lebih dari sekali" if cocok else "tidak ditemukan"
                        self.p.hasil.tambah(f'Kegiatan "{b.kode or b.nama}" {pesan} dalam Renstra.', *letak)
                    continue
            cocok = self._cari(self.sub, b, _di_bawah("kegiatan_id", kegiatan))
            if len(cocok) != 1:
                pesan = "ditemukan lebih dari sekali; tulis kodenya" if cocok else "tidak ditemukan"
                self.p.hasil.tambah(f'Sub kegiatan "{b.kode or b.nama}" {pesan} dalam Renstra.', *letak)
                continue
            sub = cocok[0]
            for grup in (grup_program, grup_kegiatan):
                if grup is not None:
                    grup[1].append(b)
            self._pagu(sub, b, letak)
            self._realisasi(sub, b, letak)
            self.p.hasil.abaikan(*letak, "Baris sub kegiatan tanpa angka anggaran maupun realisasi.")
            if kemajuan and i % 100 == 0:
                kemajuan(i)
        self._periksa_jumlah(kelompok, total, daftar)

    def _wakil(self, kegiatan):
        """The hidden sub kegiatan row carrying the budget of a kegiatan without sub kegiatan."""
        if kegiatan is None:
            return None
        anak = [s for s in self.sub if s.kegiatan_id == kegiatan.pk]
        return anak[0] if len(anak) == 1 and anak[0].mewakili_kegiatan else None

    def _sub_di_bawah(self, kegiatan, b):
        return kegiatan is not None and any(
            s.kegiatan_id == kegiatan.pk and _nama(s.uraian) == _nama(b.nama) for s in self.sub
        )

    def _pagu(self, sub, b, letak):
        if b.induk is None and b.perubahan is None:
            return
        ada = self.pagu.get(sub.pk, [])
        if len(ada) > 1:
            sekarang = (sum(p.induk or 0 for p in ada), sum(p.perubahan or 0 for p in ada))
            if sekarang != (b.induk or 0, b.perubahan or 0):
                self.p.hasil.tambah(
                    f"Pagu {self.tahun} sub kegiatan ini berasal dari {len(ada)} sumber dana; "
                    "ubah lewat halaman Admin.",
                    *letak,
                )
            return
        lama = ada[0] if ada else None
        nilai = {"induk": b.induk, "perubahan": b.perubahan}
        if lama is None:
            nilai.update(sub_kegiatan=sub, tahun=self.tahun, sumber_dana=self.p.sumber_dana_bawaan((self.lembar, None)))
        self.p.pasang(Pagu, lama, nilai, letak, judul=f"Pagu {self.tahun} {judul_modul.sebutan(sub)}")

    def _realisasi(self, sub, b, letak):
        per_tw = dict(b.triwulan)
        if b.realisasi is not None and not per_tw:
            lain = [tw for tw in (1, 2, 3) if (sub.pk, tw) in self.realisasi and self.realisasi[(sub.pk, tw)].nilai]
            if lain:
                self.p.hasil.tambah(
                    f"Sub kegiatan ini sudah mempunyai realisasi triwulan {', '.join(map(str, lain))}; realisasi "
                    "setahun tidak dapat disimpan sebagai triwulan IV. Gunakan kolom TW I–IV.",
                    *letak,
                )
                return
            per_tw = {4: b.realisasi}
        bidang = bidang_rantai_id(sub_kegiatan=sub) if self.opd.pelaporan_per_bidang else None
        for tw, nilai in sorted(per_tw.items()):
            lama = self.realisasi.get((sub.pk, tw))
            if lama is not None and lama.nilai == nilai:
                self.p.pasang(RealisasiAnggaran, lama, {"nilai": nilai}, letak)
                continue
            terkunci = self.terkunci.get((bidang, tw))
            if terkunci is not None:
                self.p.hasil.tambah(
                    f"Triwulan {tw} sudah berstatus {terkunci.get_status_display().lower()}; realisasi anggarannya "
                    "tidak dapat diubah lewat impor.",
                    *letak,
                )
                continue
            data = {"nilai": nilai}
            if lama is None:
                data.update(sub_kegiatan=sub, tahun=self.tahun, triwulan=tw)
            judul = f"Realisasi anggaran TW {periode.romawi(tw)} {judul_modul.sebutan(sub)}"
            self.p.pasang(RealisasiAnggaran, lama, data, letak, judul=judul)
        if b.persen is not None:
            pagu = b.perubahan if b.perubahan is not None else b.induk
            realisasi = sum(per_tw.values()) if per_tw else None
            self._periksa_persen(b, realisasi, pagu)

    def _periksa_persen(self, b, realisasi, pagu):
        if b.persen is None or realisasi is None or not pagu:
            return
        tercetak, desimal, teks, kolom = b.persen
        dihitung = rules.serapan(realisasi, pagu)
        if dihitung is not None and sel.beda_dari_cetakan(dihitung, tercetak, desimal):
            self.p.hasil.tambah(
                f"Persen tercetak {teks}, sedangkan dihitung {rules.format_persen(dihitung, max(desimal, 2))} "
                f"(realisasi {rules.format_rupiah(realisasi)} dari {rules.format_rupiah(pagu)}). Persen tidak diimpor.",
                self.lembar,
                b.nomor,
                kolom,
                peringatan=True,
                jenis="persen",
                tercetak=teks,
                dihitung=rules.format_persen(dihitung, max(desimal, 2)),
                medan="serapan",
            )

    def _periksa_jumlah(self, kelompok, total, daftar):
        subs = [b for b in daftar if b.level == "sub_kegiatan" or b.level == ""]
        for b, anak in [*kelompok, *([(total, subs)] if total else [])]:
            for medan in ("induk", "perubahan", "realisasi"):
                tercetak = getattr(b, medan)
                if tercetak is None or not anak:
                    continue
                jumlah = sum(getattr(a, medan) or 0 for a in anak)
                if jumlah != tercetak:
                    self.p.hasil.tambah(
                        f"{medan.capitalize()} tercetak {rules.format_rupiah(tercetak)}, sedangkan jumlah sub "
                        f"kegiatannya {rules.format_rupiah(jumlah)}. Baris ini jumlah; ia tidak disimpan.",
                        self.lembar,
                        b.nomor,
                        peringatan=True,
                        jenis="jumlah",
                        tercetak=rules.format_rupiah(tercetak),
                        dihitung=rules.format_rupiah(jumlah),
                        medan=MEDAN_CATATAN[medan],
                        rincian=rincian_terbatas(_sebut_rincian(a, getattr(a, medan)) for a in anak),
                    )
            if b.level != "sub_kegiatan":
                self._periksa_persen(b, b.realisasi, b.perubahan if b.perubahan is not None else b.induk)


def _sebut_rincian(b, nilai):
    """A part of a printed total, for people: "baris 9 1.06.01.2.02.0001 Penyediaan … (Rp 1.000)"."""
    nama = " ".join(x for x in (f"baris {b.nomor}", b.kode, b.nama) if x)
    return f"{nama} ({rules.format_rupiah(nilai or 0)})"


# the data note's name of each budget column (kinerja.importers.catatan.MEDAN_ANGGARAN)
MEDAN_CATATAN = {"induk": "pagu_induk", "perubahan": "pagu_perubahan", "realisasi": "realisasi_anggaran"}


def _di_bawah(medan, induk):
    """A filter keeping the nodes under `induk` (none when there is no parent row)."""
    return lambda x: induk is not None and getattr(x, medan) == induk.pk

"""Composing a long document: chapters and sections listed in the table of contents, tables
numbered per chapter ("Tabel 3.5"), paragraphs, lists, the sections written by people, and
signatures, appended in reading order."""

from kinerja.narasi import kunci_narasi
from laporan.dokumen import Butir, DaftarIsi, Gambar, Judul, Paragraf, Tabel, Tulisan

# The sections written by the agency: how each is headed, and what belongs in it while empty.
TULISAN = {
    "kata_pengantar": (
        "Kata Pengantar",
        "Maksud penyusunan laporan, harapan atas pemanfaatannya, ucapan terima kasih.",
    ),
    "ringkasan_eksekutif": (
        "Uraian ringkasan",
        "Faktor pendukung dan penghambat secara umum, dan langkah yang akan lebih ditekankan ke depan.",
    ),
    "tugas_fungsi": ("Tugas dan fungsi", "Dasar hukum pembentukan, kedudukan, tugas dan fungsi perangkat daerah."),
    "struktur_organisasi": (
        "Uraian struktur organisasi",
        "Susunan organisasi, tugas setiap unit kerja, jumlah dan komposisi pegawai.",
    ),
    "aspek_strategis": (
        "Aspek strategis",
        "Isu strategis yang dihadapi organisasi dan dasar hukum penyusunan laporan.",
    ),
    "faktor_pendorong": ("Faktor pendorong", "Apa yang mendukung tercapainya target indikator ini."),
    "faktor_penghambat": ("Faktor penghambat", "Apa yang menghambat pencapaian target indikator ini."),
    "solusi": ("Solusi dan langkah perbaikan", "Apa yang dilakukan untuk memperbaiki capaiannya."),
    "kinerja_lainnya": (
        "Kinerja lainnya",
        "Inovasi, penghargaan, hasil evaluasi SAKIP dan tindak lanjutnya, kinerja lain di luar indikator.",
    ),
    "kesimpulan": (
        "Uraian kesimpulan",
        "Faktor pendukung dan penghambat secara umum, kinerja lainnya, catatan penutup.",
    ),
    "langkah_perbaikan": ("Langkah perbaikan ke depan", "Strategi agar kinerja tahun berikutnya meningkat."),
}

LAMPIRAN = "L"  # the chapter "number" of the appendix: its tables are "Lampiran 1", "Lampiran 2"


class Naskah:
    def __init__(self, narasi):
        self.bagian = []
        self.daftar_isi = DaftarIsi()
        self.narasi = narasi
        self.nomor_bab = ""
        self.jumlah_tabel = 0
        self.jumlah_gambar = 0
        self.jumlah_jangkar = 0

    def tambah(self, *bagian):
        self.bagian.extend(b for b in bagian if b is not None)

    def judul(self, teks, tingkat=2, nomor="", daftar_isi=True):
        self.jumlah_jangkar += 1
        judul = Judul(teks, tingkat=tingkat, nomor=nomor, jangkar=f"bagian-{self.jumlah_jangkar}")
        self.tambah(judul)
        if daftar_isi:
            self.daftar_isi.entri.append(judul)
        return judul

    def bab(self, nomor_tabel, teks, nomor=""):
        """A chapter: a new page, its tables and charts numbered `nomor_tabel`.1, .2, ..."""
        self.nomor_bab = nomor_tabel
        self.jumlah_tabel = 0
        self.jumlah_gambar = 0
        return self.judul(teks, tingkat=1, nomor=nomor)

    def paragraf(self, *kalimat):
        teks = " ".join(k for k in kalimat if k)
        if teks:
            self.tambah(Paragraf(teks))

    def butir(self, isi, bernomor=False):
        if isi:
            self.tambah(Butir(list(isi), bernomor=bernomor))

    def tabel(self, kunci, judul, kolom, kepala, baris, lebar=False, catatan=(), nama=None):
        """A table captioned "Tabel <chapter>.<n> <judul>" (or `nama` when given, as the appendix
        numbers its own: "Lampiran XI.2"); `kunci` names it for finding it again."""
        self.jumlah_tabel += 1
        nama = nama or (
            f"Lampiran {self.jumlah_tabel}"
            if self.nomor_bab == LAMPIRAN
            else f"Tabel {self.nomor_bab}.{self.jumlah_tabel}"
        )
        tabel = Tabel(
            nama, kolom, kepala, baris, judul=f"{nama} {judul}", lebar=lebar, catatan=list(catatan), kunci=kunci
        )
        if lebar:
            # The headings and text leading to a landscape table go onto its page with it.
            while self.bagian and isinstance(self.bagian[-1], (Judul, Paragraf)):
                tabel.pembuka.insert(0, self.bagian.pop())
        self.tambah(tabel)
        return tabel

    def gambar(self, kunci, judul, grafik):
        """A chart (a laporan.grafik.Grafik) captioned "Gambar <chapter>.<n> <judul>"; `kunci`
        names it for finding it again."""
        self.jumlah_gambar += 1
        nama = (
            f"Gambar Lampiran {self.jumlah_gambar}"
            if self.nomor_bab == LAMPIRAN
            else f"Gambar {self.nomor_bab}.{self.jumlah_gambar}"
        )
        gambar = Gambar(grafik, kunci=kunci, judul=f"{nama} {judul}", nama=nama)
        self.tambah(gambar)
        return gambar

    def tulisan(self, bagian, indikator=None):
        """A section written by the agency, with its stored text (empty when not written yet)."""
        indikator_id = indikator.pk if indikator else None
        tulisan = buat_tulisan(bagian, indikator_id, self.narasi.get(kunci_narasi(bagian, indikator_id)))
        self.tambah(tulisan)
        return tulisan


def buat_tulisan(bagian, indikator_id=None, narasi=None):
    """A section as shown in the report: its heading and hint, and `narasi` (a stored
    NarasiLaporan, or None when not written yet)."""
    judul, petunjuk = TULISAN[bagian]
    tulisan = Tulisan(bagian=str(bagian), judul=judul, indikator_id=indikator_id, petunjuk=petunjuk)
    if narasi is not None:
        tulisan.teks = narasi.teks
        tulisan.versi = narasi.versi
        tulisan.diubah_oleh = str(narasi.diubah_oleh) if narasi.diubah_oleh else ""
        tulisan.diubah_pada = narasi.diubah_pada
    return tulisan

"""What several builders share: the title block lines, the signature of an agency's or a
bidang's head, file names, and the numbering the documents use (A, B, ... for kegiatan)."""

import string

from django.utils import timezone
from django.utils.text import slugify

from kinerja import rules
from kinerja.periode import romawi
from laporan.dokumen import Penanda, kosong, nilai, teks


def keterangan(opd, tahun, triwulan=None, bidang=None, renstra=None):
    """The lines under the title: agency, bidang, period."""
    baris = [("Perangkat Daerah", opd.nama)]
    if bidang is not None:
        baris.append(("Bidang", bidang.nama))
    if renstra is not None:
        baris.append(("Renstra", f"{renstra.tahun_awal}–{renstra.tahun_akhir}"))
    baris.append(("Tahun", str(tahun)))
    if triwulan:
        baris.append(("Triwulan", romawi(triwulan)))
    return baris


def penanda_kepala(opd, tanggal=None, bidang=None, sebutan=""):
    """The signature of the head of `bidang` when given and named, else of the agency's head;
    dated `tanggal` (today when None) in the agency's town."""
    pejabat = bidang if bidang is not None and bidang.kepala_nama else opd
    jabatan = pejabat.kepala_jabatan or ("Kepala Bidang" if pejabat is bidang else "Kepala")
    satuan = bidang.nama if pejabat is bidang else opd.nama
    return Penanda(
        jabatan=jabatan_lengkap(jabatan, satuan),
        nama=pejabat.kepala_nama,
        nip=pejabat.kepala_nip,
        pangkat=pejabat.kepala_pangkat,
        tempat=opd.kota,
        tanggal=tanggal or timezone.localdate(),
        sebutan=sebutan,
    )


def jabatan_lengkap(jabatan, satuan):
    """The office with its unit, without saying a word twice: "Kepala Dinas" of "Dinas Sosial
    ..." is "Kepala Dinas Sosial ...", "Kepala Bidang" of "Bidang Rehabilitasi" likewise."""
    kata = jabatan.split()
    if kata and satuan.split()[:1] == kata[-1:]:
        kata = kata[:-1]
    return " ".join([*kata, satuan])


def milik_bidang(bidang, simpul):
    """Whether a program, kegiatan or sub kegiatan of `pohon_renstra` (parents linked, so no
    query) is in the report of `bidang`; every node is when `bidang` is None."""
    return bidang is None or simpul.bidang_penanggung_jawab == bidang


def sel_target(target):
    """A target as the documents print it: a plain number is a number cell; a band, a level or
    a printed text ("BB (73,00)") stays text."""
    if target is None:
        return kosong()
    if target.nilai is not None and not target.teks:
        return nilai(target.nilai)
    return teks(target.tertulis(lambda d: rules.format_angka(d, desimal=None)))


def nama_berkas(kode_laporan, opd, tahun, triwulan=None, bidang=None):
    """e.g. evaluasi-triwulan-dspppa-belitung-2024-tw4."""
    bagian = [kode_laporan, slugify(opd.kode), str(tahun)]
    if triwulan:
        bagian.append(f"tw{triwulan}")
    if bidang is not None:
        bagian.append(slugify(bidang.nama)[:40])
    return "-".join(bagian)


def huruf(i):
    """0 → A, 1 → B, ..., 26 → AA: how the forms number kegiatan."""
    hasil = ""
    i += 1
    while i:
        i, sisa = divmod(i - 1, 26)
        hasil = string.ascii_uppercase[sisa] + hasil
    return hasil

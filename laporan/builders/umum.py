"""What several builders share: the title block lines, the signature of an agency's or a
bidang's head, file names, and the numbering the documents use (A, B, ... for kegiatan)."""

import string
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from kinerja import rules
from kinerja.dasbor import ambang_pencilan
from kinerja.periode import romawi
from laporan.dokumen import Penanda, kosong, nilai, persen, teks
from renstra.models import Indikator, Kegiatan, SubKegiatan


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


def uraian_bersambung(simpul):
    """The name of a program, kegiatan or sub kegiatan in a table over several years, with the
    node of the older nomenclature it replaces ("menggantikan: …") and those replacing it
    ("digantikan oleh: …") on lines under it, so the reader follows a node across a change of
    nomenclature without the rows leaving their own program (the two may sit under different
    programs)."""
    baris = [simpul.uraian]
    pendahulu = getattr(simpul, "pendahulu", None) if getattr(simpul, "pendahulu_id", None) else None
    if pendahulu is not None:
        baris.append(f"menggantikan: {pendahulu.kode_tampil} {pendahulu.uraian}")
    for p in getattr(simpul, "daftar_penerus", []):
        baris.append(f"digantikan oleh: {p.kode_tampil} {p.uraian}")
    return "\n".join(baris)


def tahun_tak_berlaku(simpul, daftar_tahun):
    """The years of `daftar_tahun` in which a program, kegiatan or sub kegiatan of the tree (parents
    linked, no query) is not in force, itself or through its parents."""
    rantai = [simpul]
    if simpul.LEVEL == SubKegiatan.LEVEL:
        rantai.append(simpul.kegiatan)
    if rantai[-1].LEVEL == Kegiatan.LEVEL:
        rantai.append(rantai[-1].program)
    return {th for th in daftar_tahun if not all(n.berlaku_pada(th) for n in rantai)}


def sel_target(target):
    """A target as the documents print it: a plain number is a number cell; a band, a level or
    a printed text ("BB (73,00)") stays text."""
    if target is None:
        return kosong()
    if target.nilai is not None and not target.teks:
        return nilai(target.nilai)
    return teks(target.tertulis(lambda d: rules.format_angka(d, desimal=None)))


# ---------------------------------------------------------------------------------------------
# Outliers: capaian far above every scale (KINERJA_CAPAIAN_PENCILAN, rules.capaian_pencilan)
# ---------------------------------------------------------------------------------------------

PENCILAN = "pencilan"  # the class of a marked cell: the table template prints TANDA after it
TANDA = "*"


def _tandai(sel, catatan):
    sel.kelas = f"{sel.kelas} {PENCILAN}".strip()
    sel.catatan = catatan
    return sel


def alasan_pencilan(ambang):
    return (
        f"Capaian di atas {rules.format_angka(ambang, None)}% (KINERJA_CAPAIAN_PENCILAN), jauh di atas skala "
        "predikat: periksa target dan realisasinya."
    )


def tandai_pencilan(sel):
    """`sel` (a capaian cell) marked with the reason when its value is an outlier; its value is
    printed as computed."""
    ambang = ambang_pencilan()
    if rules.capaian_pencilan(sel.nilai, ambang):
        _tandai(sel, alasan_pencilan(ambang))
    return sel


def sel_capaian(hasil, **kwargs):
    """A capaian cell (`dokumen.persen`), marked when it is an outlier."""
    return tandai_pencilan(persen(hasil, **kwargs))


def sel_rata_rata(rata, capaian, alasan="Belum ada capaian yang terhitung."):
    """A mean capaian cell: the reason when there is none; marked, with a note saying so, when
    the `capaian` averaged hold outliers (the mean itself unchanged)."""
    sel = persen(rata, catatan="" if rata is not None else alasan)
    catatan = rules.catatan_pencilan(capaian, ambang_pencilan()) if rata is not None else ""
    return _tandai(sel, catatan) if catatan else sel


def catatan_pembulatan():
    """The note every report with percentages carries: how they are written (KINERJA_PEMBULATAN,
    kinerja.rules.bulatkan_tampil)."""
    return rules.uraian_pembulatan()


def catatan_pencilan(daftar, paling_banyak=10):
    """The report's note naming its outliers (the first `paling_banyak`), from [(indicator,
    capaian)]: [] when none."""
    ambang = ambang_pencilan()
    pencilan = {}
    for uraian, c in daftar:
        c = getattr(c, "nilai", c)  # a rules.HasilCapaian
        if rules.capaian_pencilan(c, ambang):
            pencilan.setdefault((uraian, rules.format_persen(c)), None)
    if not pencilan:
        return []
    isi = "; ".join(f"{uraian} {c}" for uraian, c in list(pencilan)[:paling_banyak])
    if len(pencilan) > paling_banyak:
        isi += f"; dan {len(pencilan) - paling_banyak} lainnya"
    return [
        f"{TANDA} Capaian di atas {rules.format_angka(ambang, None)}% (KINERJA_CAPAIAN_PENCILAN), jauh di atas skala "
        f"predikat: {isi}. Nilainya dicetak dan dirata-ratakan sebagaimana dihitung; periksa target dan realisasinya."
    ]


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


@dataclass
class TargetAkhir:
    """The Renstra's target for its end (kondisi akhir): a number, a band or a level."""

    nilai: Decimal | None = None
    bawah: Decimal | None = None
    atas: Decimal | None = None
    tingkat: str = ""
    tertulis: str = ""

    def sel(self):
        if self.tertulis or self.tingkat or self.bawah is not None:
            return teks(self.tertulis or self.tingkat or _rentang(self.bawah, self.atas))
        return nilai(self.nilai)


def _rentang(bawah, atas):
    return f"{rules.format_angka(bawah, None)}–{rules.format_angka(atas, None)}"


def target_akhir(indikator, target_per_tahun):
    """The Renstra's end-of-period target (DESIGN, "kondisi akhir"): the sum of the yearly
    targets for a `kumulatif` indicator, the target of the last year for the others (a
    percentage, ratio, index or level); None without any Renstra target."""
    daftar = [t for t in target_per_tahun if t is not None]
    if not daftar:
        return None
    angka = all(t.nilai is not None for t in daftar)
    if indikator.cara_tahunan == rules.KUMULATIF and angka and len(daftar) > 1:
        return TargetAkhir(nilai=sum((t.nilai for t in daftar), Decimal(0)))
    t = daftar[-1]
    return TargetAkhir(
        nilai=t.nilai,
        bawah=t.batas_bawah,
        atas=t.batas_atas,
        tingkat=t.tingkat.nama if t.tingkat_id else "",
        tertulis=t.teks,
    )


def hasil_terhadap_akhir(indikator, akhir, realisasi, tingkatan):
    """Capaian of a realisation against the Renstra's end target, by the indicator's kind."""
    if akhir is None:
        return rules.HasilCapaian(None, rules.Alasan.TARGET_KOSONG)
    if indikator.jenis == Indikator.Jenis.KUALITATIF:
        return rules.hasil_capaian_ordinal(akhir.tingkat or None, realisasi, tingkatan)
    if akhir.bawah is not None:
        return rules.hasil_capaian_rentang(akhir.bawah, akhir.atas, realisasi)
    return rules.hasil_capaian(akhir.nilai, realisasi, indikator.arah, indikator.metode_negatif)

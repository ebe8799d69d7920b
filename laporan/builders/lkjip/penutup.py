"""Bab IV Penutup and the Lampiran: the general conclusion (its figures generated, the rest written
by the agency), the way forward, and the Matrik Pengukuran Capaian Kinerja (seed 003, Lampiran XI:
every indicator with its kind, target, formula, source of data, computation, realisation and
capaian)."""

from kinerja import rules
from laporan.dokumen import Baris, Kepala, Kolom, Sel, kosong, nilai, teks
from renstra.kode import urut_simpul

from ..umum import penanda_kepala, sel_capaian, sel_target
from .capaian import kalimat_status, per_predikat, rata_rata_strategis
from .kalimat import kalimat_perhitungan, terbilang
from .keuangan import total_tahun
from .naskah import LAMPIRAN
from .pendahuluan import jumlah_simpul

REFOCUSING = "REFOCUSING"


def bab_penutup(data, naskah, tanggal):
    tahun = data.tahun
    naskah.bab("4", "Penutup", nomor="BAB IV")
    naskah.judul("Kesimpulan Umum", nomor="4.1")
    rata, uraian, pencilan = rata_rata_strategis(data, tahun)
    r = total_tahun(data, tahun)
    kalimat = f"Pengukuran kinerja {data.opd.nama} tahun {tahun} menunjukkan"
    if rata is not None:
        kategori = data.skala.cari(rata)
        kalimat += (
            f" rata-rata capaian tujuan/sasaran strategis sebesar "
            f"{rules.format_persen(rata)}{f' (kategori {kategori.label})' if kategori else ''}"
        )
    else:
        kalimat += " bahwa capaian indikator tujuan dan sasaran belum dapat dihitung"
    if r.serapan is not None:
        kalimat += f", dengan realisasi anggaran {rules.format_persen(r.serapan)}"
    naskah.paragraf(
        kalimat + ".", uraian, pencilan, kalimat_status(per_predikat(data, data.skala_tetap["status_capaian"]))
    )
    program = sorted(data.pohon.semua_program, key=urut_simpul)
    if program:
        naskah.paragraf(f"Kinerja tersebut diwujudkan melalui {terbilang(jumlah_simpul(data.pohon)[0])} program:")
        naskah.butir([p.uraian for p in program], bernomor=True)
    naskah.tulisan("kesimpulan")
    naskah.judul("Langkah Perbaikan ke Depan", nomor="4.2")
    naskah.tulisan("langkah_perbaikan")
    naskah.tambah(penanda_kepala(data.opd, tanggal))


# ---------------------------------------------------------------------------------------------
# Lampiran: Matrik Pengukuran Capaian Kinerja
# ---------------------------------------------------------------------------------------------

KOLOM_MATRIK = [
    Kolom(5),
    Kolom(22, menjorok=True),
    Kolom(22),
    Kolom(9),
    Kolom(8),
    Kolom(20),
    Kolom(16),
    Kolom(22),
    Kolom(8),
    Kolom(8),
    Kolom(12),
]


def _jenis(i):
    return "Kualitatif" if i.jenis == i.Jenis.KUALITATIF else "Kuantitatif"


def _baris_indikator(data, nomor, uraian, i, tingkat, keterangan, dipotong=False):
    k = data.kinerja_tahun(i)
    rincian = i.induk_id is not None
    target = data.tandai(sel_target(k.target), i, "target", data.tahun)  # numbered first: it is read first
    if dipotong:
        capaian = Sel(teks=REFOCUSING, kolom=2)
        ukuran = [capaian]
    else:
        ukuran = [data.tandai(nilai(k.nilai_tahunan), i, "realisasi", data.tahun)]
        ukuran.append(data.tandai(sel_capaian(k.hasil), i, "capaian", data.tahun))
    return Baris(
        [
            teks(nomor),
            teks(uraian),
            teks(f"{i.uraian}" + (f" ({i.satuan})" if i.satuan else "")),
            teks(_jenis(i)),
            target,
            teks(i.rumusan),
            teks(i.sumber_data),
            teks(kalimat_perhitungan(k)),
            *ukuran,
            teks("" if rincian else keterangan),
        ],
        tingkat=tingkat + (1 if rincian else 0),
        jenis="rincian" if rincian else ("kelompok" if tingkat < 2 else "isi"),
        kunci=f"indikator-{i.pk}",
    )


def _baris_simpul(data, nomor, simpul, tingkat, keterangan, dipotong=False):
    daftar = [x for i in simpul.daftar_indikator for x in [i, *i.daftar_rincian]]
    if not daftar:
        return [Baris([teks(nomor), teks(simpul.uraian), *[kosong() for _ in KOLOM_MATRIK[2:]]], tingkat=tingkat)]
    return [
        _baris_indikator(
            data, nomor if n == 0 else "", simpul.uraian if n == 0 else "", i, tingkat, keterangan, dipotong
        )
        for n, i in enumerate(daftar)
    ]


def lampiran(data, naskah):
    tahun = data.tahun
    naskah.bab(LAMPIRAN, "Lampiran")
    baris = []
    for n, s in enumerate(data.strategis, start=1):
        baris.append(
            _baris_indikator(
                data,
                str(n),
                f"{s.label}: {s.simpul.uraian}",
                s.indikator,
                0,
                "Eselon II (IKU)" if s.indikator.iku else "Eselon II",
            )
        )
    for p_n, p in enumerate(sorted(data.pohon.semua_program, key=urut_simpul), start=1):
        baris += _baris_simpul(data, f"{p_n}", p, 0, "Eselon III (Indikator Program)")
        for kg_n, kg in enumerate(sorted(p.daftar_kegiatan, key=urut_simpul), start=1):
            baris += _baris_simpul(data, f"{p_n}.{kg_n}", kg, 1, "Eselon III (Indikator Kegiatan)")
            for s_n, s in enumerate(sorted(kg.daftar_sub_kegiatan, key=urut_simpul), start=1):
                baris += _baris_simpul(
                    data, f"{p_n}.{kg_n}.{s_n}", s, 2, "Eselon IV (Indikator Sub Kegiatan)", dipotong=s.refocusing
                )
    naskah.tabel(
        "matrik-pengukuran",
        f"Matrik Pengukuran Capaian Kinerja Tahun {tahun} (s.d. Triwulan IV)",
        KOLOM_MATRIK,
        [
            [
                Kepala("No", baris=2),
                Kepala("Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan", baris=2),
                Kepala("Indikator Kinerja", baris=2),
                Kepala("Jenis", baris=2),
                Kepala("Target", baris=2),
                Kepala("Formulasi/Rumus Perhitungan", baris=2),
                Kepala("Data Kinerja (Sumber Data)", baris=2),
                Kepala("Teknis Perhitungan", baris=2),
                Kepala("Kinerja", kolom=2),
                Kepala("Ket.", baris=2),
            ],
            [Kepala("Realisasi"), Kepala("Capaian (%)")],
        ],
        baris,
        lebar=True,
        catatan=[
            "Realisasi: nilai tahunan menurut cara tahunan indikator (kumulatif dijumlah, akhir periode diambil "
            "yang terakhir dilaporkan, rata-rata dirata-ratakan). Rincian indikator tidak dihitung dalam rata-rata."
        ],
    )

"""The Lampiran of the LKjIP, numbered and titled as seed 003 lists them (Lampiran I–XII). Those
whose data Kinerja holds are printed: X the Perjanjian Kinerja (the PK report's rows,
builders.perjanjian_kinerja), XI the Pengukuran Capaian Kinerja (the measurement matrix, and the
realisation of every indicator per quarter) and XII the realisation of the budget per program,
kegiatan and sub kegiatan. The others are listed under "Lampiran yang dilampirkan secara manual",
each with what Kinerja does not hold. Every value comes from `data` (no query)."""

from dataclasses import dataclass

from kinerja.periode import romawi
from laporan.dokumen import Baris, Kepala, Kolom, Sel, kode_simpul, kosong, nilai, persen, rupiah, teks
from renstra.kode import urut_simpul
from renstra.models import Target

from ..perjanjian_kinerja import (
    KEPALA_PROGRAM,
    KOLOM_PROGRAM,
    KOLOM_SASARAN,
    AnggaranProgram,
    baris_program,
    baris_sasaran,
    kepala_sasaran,
)
from ..tahunan import catatan_tahunan, sel_per_triwulan_tahunan
from ..umum import sel_capaian, sel_target
from .data import jumlah_rupiah
from .kalimat import kalimat_perhitungan
from .naskah import LAMPIRAN

REFOCUSING = "REFOCUSING"

SDM = "Kinerja tidak menyimpan target dan realisasi penggunaan SDM, sehingga efisiensinya tidak dapat dihitung"


@dataclass(frozen=True)
class Lampiran:
    """One appendix of the list: its roman number, its title as the seed writes it, whether the
    draft prints it, and why it (or the part named) is attached by hand."""

    nomor: str
    judul: str
    dicetak: bool = False
    alasan: str = ""
    singkat: str = ""  # the heading of a printed one, on one line of the table of contents

    @property
    def judul_bagian(self):
        return f"{self.nama} {self.singkat or self.judul}"

    @property
    def nama(self):
        return f"Lampiran {self.nomor}"


def daftar_lampiran(data):
    """Lampiran I–XII of the LKjIP of `data` (seed 003's list, for the agency and year)."""
    opd, tahun = data.opd.nama, data.tahun
    prioritas = "Kinerja tidak menandai {} sebagai prioritas, sehingga jumlah yang tercapai tidak dapat dihitung."
    return [
        Lampiran(
            "I",
            "Target dan realisasi outcome, beserta target dan realisasi penggunaan SDM dan dana yang "
            "dikelompokkan menurut sastra/sasprog/saskeg (termasuk perhitungan efisiensi)",
            alasan=f"{SDM}; target, realisasi dan anggaran program dan kegiatan ada pada Bab III.",
        ),
        Lampiran(
            "II",
            f"Perbandingan realisasi outcome, beserta realisasi penggunaan SDM dan dana tahun {tahun} dengan "
            "tahun lalu yang dikelompokkan menurut sastra/sasprog/saskeg",
            alasan=f"{SDM}; perbandingan realisasi dengan tahun lalu ada pada Bab III.",
        ),
        Lampiran(
            "III",
            "Target dan realisasi Indikator output kegiatan (IOK), beserta target dan realisasi penggunaan SDM "
            "dan dana yang dikelompokkan menurut sasaran output kegiatan (termasuk perhitungan efisiensi)",
            alasan=f"{SDM}.",
        ),
        Lampiran(
            "IV",
            f"Perbandingan realisasi output, beserta realisasi penggunaan SDM dan dana tahun {tahun} dengan "
            "tahun lalu yang dikelompokkan menurut sasaran output kegiatan",
            alasan=f"{SDM}.",
        ),
        Lampiran(
            "V",
            "Rincian target dan realisasi program prioritas yang tercapai sesuai target",
            alasan=prioritas.format("program"),
        ),
        Lampiran(
            "VI",
            "Rincian target dan realisasi kegiatan prioritas yang tercapai sesuai target",
            alasan=prioritas.format("kegiatan"),
        ),
        Lampiran(
            "VII",
            "Rincian target dan realisasi proyek prioritas strategis (PPS) yang tercapai sesuai target",
            alasan="Kinerja tidak menyimpan proyek prioritas strategis (PPS).",
        ),
        Lampiran(
            "VIII",
            "Rincian target dan realisasi proyek strategis nasional (PSN) yang tercapai sesuai target",
            alasan="Kinerja tidak menyimpan proyek strategis nasional (PSN).",
        ),
        Lampiran(
            "IX",
            f"Rencana Kerja (Renja) {opd} Tahun {tahun}",
            alasan="Kinerja tidak menyimpan dokumen Renja: pagu indikatif RKPD dan RKPD Perubahan, lokasi, "
            "sumber dana per usulan dan kelompok sasaran.",
        ),
        Lampiran("X", f"Perjanjian Kinerja {tahun}", dicetak=True),
        Lampiran(
            "XI",
            f"Pengukuran Capaian Kinerja {opd} Tahun {tahun}",
            dicetak=True,
            singkat=f"Pengukuran Capaian Kinerja Tahun {tahun}",
        ),
        Lampiran(
            "XII",
            f"Laporan Realisasi Fisik dan Keuangan Tahun {tahun}",
            dicetak=True,
            alasan="Kinerja tidak menyimpan target dan realisasi fisik: kolomnya dilampirkan secara manual; "
            "realisasi keuangan dicetak.",
        ),
    ]


def lampiran(data, naskah):
    daftar = daftar_lampiran(data)
    naskah.bab(LAMPIRAN, "Lampiran")
    naskah.butir([f"{x.nama}: {x.judul}" for x in daftar])
    naskah.judul("Lampiran yang dilampirkan secara manual")
    naskah.paragraf("Lampiran berikut (atau bagian yang disebut) tidak dibuat dari data Kinerja:")
    naskah.butir([f"{x.nama} {x.judul}: {x.alasan}" for x in daftar if x.alasan])
    cetak = {x.nomor: x for x in daftar if x.dicetak}
    perjanjian_kinerja(data, naskah, cetak["X"])
    pengukuran(data, naskah, cetak["XI"])
    realisasi_keuangan(data, naskah, cetak["XII"])


# ---------------------------------------------------------------------------------------------
# Lampiran X: Perjanjian Kinerja
# ---------------------------------------------------------------------------------------------


def _program_tahun(data):
    """The programs of the year, each once."""
    return list({p.pk: p for p in data.pohon.semua_program}.values())


def _anggaran_program(data, program):
    """A program's budget in force of the year, its sources of funds and its kegiatan and sub
    kegiatan with a budget (as the PK report reads them from the Pagu rows)."""
    tahun = data.tahun
    sumber, rincian = set(), set()
    for kg in program.daftar_kegiatan:
        for s in kg.daftar_sub_anggaran:
            a = data.anggaran.get(s.pk)
            if a is None or a.per_tahun.get(tahun) is None or a.per_tahun[tahun].berlaku is None:
                continue
            sumber |= {nama for th, nama in a.sumber if th == tahun}
            rincian |= {("kegiatan_id", kg.pk), ("sub_kegiatan_id", s.pk)}
    return AnggaranProgram(program, data.rupiah_program(program, tahun).berlaku, sumber, rincian)


def perjanjian_kinerja(data, naskah, x):
    tahun = data.tahun
    strategis = [(s.simpul, s.indikator, s.kinerja.target if s.kinerja else None) for s in data.strategis]
    perubahan = any(t is not None and t.jenis == Target.Jenis.PK_PERUBAHAN for _, _, t in strategis)
    naskah.judul(x.judul_bagian)
    naskah.paragraf(
        f"Sasaran strategis, indikator kinerja dan target{' Perubahan' if perubahan else ''} Perjanjian Kinerja "
        f"tahun {tahun}, serta program dan anggarannya."
    )
    naskah.tabel(
        "lampiran-pk-sasaran",
        f"{'Perubahan ' if perubahan else ''}Perjanjian Kinerja Tahun {tahun}: Sasaran Strategis, Indikator "
        "Kinerja dan Target",
        KOLOM_SASARAN,
        kepala_sasaran(),
        baris_sasaran(strategis, data.kaki),
        nama=f"{x.nama}.1",
        catatan=[
            "Target: target Perjanjian Kinerja Perubahan bila ada, selain itu target Perjanjian Kinerja, "
            "selain itu target Renstra."
        ],
    )
    naskah.tabel(
        "lampiran-pk-program",
        f"Perjanjian Kinerja Tahun {tahun}: Program dan Anggaran",
        KOLOM_PROGRAM,
        KEPALA_PROGRAM,
        baris_program([_anggaran_program(data, p) for p in _program_tahun(data)], data.kaki),
        nama=f"{x.nama}.2",
        catatan=[
            "Anggaran: jumlah pagu sub kegiatan program yang berlaku pada tahun itu (APBD perubahan bila ada, "
            "selain itu APBD induk)."
        ],
    )


# ---------------------------------------------------------------------------------------------
# Lampiran XI: Pengukuran Capaian Kinerja (the matrix, and the realisation per quarter)
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


def _uraian_indikator(i):
    return f"{i.uraian}" + (f" ({i.satuan})" if i.satuan else "")


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
            teks(_uraian_indikator(i)),
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


def _simpul_berurut(data):
    """(number, node, level, remark, cut by refocusing?) of every program, kegiatan and sub
    kegiatan of the year, in code order."""
    for p_n, p in enumerate(sorted(data.pohon.semua_program, key=urut_simpul), start=1):
        yield f"{p_n}", p, 0, "Eselon III (Indikator Program)", False
        for kg_n, kg in enumerate(sorted(p.daftar_kegiatan, key=urut_simpul), start=1):
            yield f"{p_n}.{kg_n}", kg, 1, "Eselon III (Indikator Kegiatan)", False
            for s_n, s in enumerate(sorted(kg.daftar_sub_kegiatan, key=urut_simpul), start=1):
                yield f"{p_n}.{kg_n}.{s_n}", s, 2, "Eselon IV (Indikator Sub Kegiatan)", s.refocusing


def _indikator_simpul(simpul):
    return [x for i in simpul.daftar_indikator for x in [i, *i.daftar_rincian]]


def _baris_matrik(data):
    baris = []
    for n, s in enumerate(data.strategis, start=1):
        keterangan = "Eselon II (IKU)" if s.indikator.iku else "Eselon II"
        baris.append(_baris_indikator(data, str(n), f"{s.label}: {s.simpul.uraian}", s.indikator, 0, keterangan))
    for nomor, simpul, tingkat, keterangan, dipotong in _simpul_berurut(data):
        daftar = _indikator_simpul(simpul)
        if not daftar:
            baris.append(
                Baris([teks(nomor), teks(simpul.uraian), *[kosong() for _ in KOLOM_MATRIK[2:]]], tingkat=tingkat)
            )
        for n, i in enumerate(daftar):
            awal = n == 0
            baris.append(
                _baris_indikator(
                    data, nomor if awal else "", simpul.uraian if awal else "", i, tingkat, keterangan, dipotong
                )
            )
    return baris


KOLOM_TRIWULAN = [Kolom(6), Kolom(28, menjorok=True), Kolom(30), Kolom(9), *[Kolom(10) for _ in range(4)], Kolom(10)]
KOLOM_TRIWULAN += [Kolom(9)]


def _baris_triwulan(data, nomor, uraian, i, tingkat):
    """An indicator's target, realisation in each quarter, realisation of the year and capaian;
    an annual indicator's quarters before the year closes say "diukur tahunan"."""
    k = data.kinerja_tahun(i)
    tahun = data.tahun
    if i.dipotong_refocusing:
        ukuran = [Sel(teks=REFOCUSING, kolom=6)]
    else:
        setahun = data.tandai(nilai(k.nilai_tahunan), i, "realisasi", tahun)
        if k.tahunan:
            triwulan = sel_per_triwulan_tahunan(4, 1, [nilai(k.nilai_tahunan)], tahun)
        else:
            triwulan = [nilai(k.nilai_triwulan[q]) for q in range(4)]
        ukuran = [*triwulan, setahun, data.tandai(sel_capaian(k.hasil), i, "capaian", tahun)]
    rincian = i.induk_id is not None
    target = data.tandai(sel_target(k.target), i, "target", tahun)
    return Baris(
        [teks(nomor), teks(uraian), teks(_uraian_indikator(i)), target, *ukuran],
        tingkat=tingkat + (1 if rincian else 0),
        jenis="rincian" if rincian else ("kelompok" if tingkat < 2 else "isi"),
        kunci=f"indikator-{i.pk}",
    )


def _baris_per_triwulan(data):
    baris = []
    for n, s in enumerate(data.strategis, start=1):
        baris.append(_baris_triwulan(data, str(n), f"{s.label}: {s.simpul.uraian}", s.indikator, 0))
    for nomor, simpul, tingkat, _, _ in _simpul_berurut(data):
        for n, i in enumerate(_indikator_simpul(simpul)):
            baris.append(_baris_triwulan(data, nomor if n == 0 else "", simpul.uraian if n == 0 else "", i, tingkat))
    return baris


def pengukuran(data, naskah, x):
    tahun = data.tahun
    naskah.judul(x.judul_bagian)
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
        _baris_matrik(data),
        lebar=True,
        nama=f"{x.nama}.1",
        catatan=[
            "Realisasi: nilai tahunan menurut cara tahunan indikator (kumulatif dijumlah, akhir periode diambil "
            "yang terakhir dilaporkan, rata-rata dirata-ratakan). Rincian indikator tidak dihitung dalam rata-rata."
        ],
    )
    naskah.tabel(
        "realisasi-triwulan",
        f"Realisasi Indikator Kinerja per Triwulan Tahun {tahun}",
        KOLOM_TRIWULAN,
        [
            [
                Kepala("No", baris=2),
                Kepala("Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan", baris=2),
                Kepala("Indikator Kinerja", baris=2),
                Kepala(f"Target {tahun}", baris=2),
                Kepala("Realisasi", kolom=5),
                Kepala("Capaian (%)", baris=2),
            ],
            [*[Kepala(f"TW {romawi(q)}") for q in range(1, 5)], Kepala(f"Tahun {tahun}")],
        ],
        _baris_per_triwulan(data),
        lebar=True,
        nama=f"{x.nama}.2",
        catatan=[
            "Realisasi triwulan: nilai yang dilaporkan pada isian triwulan itu; realisasi tahun: nilai tahunan "
            "menurut cara tahunan indikator.",
            *catatan_tahunan([data.kinerja_tahun(i) for i in data.indikator], "pada kolom Tahun"),
        ],
    )


# ---------------------------------------------------------------------------------------------
# Lampiran XII: Laporan Realisasi Fisik dan Keuangan (the money part)
# ---------------------------------------------------------------------------------------------

KOLOM_KEUANGAN = [Kolom(16), Kolom(44, menjorok=True), Kolom(15), Kolom(15), Kolom(8), Kolom(15)]


def _rupiah(data, simpul, tingkat):
    if tingkat == 0:
        return data.rupiah_program(simpul, data.tahun)
    if tingkat == 1:
        return jumlah_rupiah(data.rupiah_sub(s, data.tahun) for s in simpul.daftar_sub_anggaran)
    return data.rupiah_sub(simpul, data.tahun)


def _sisa(r):
    if r.berlaku is None:
        return None
    return r.berlaku - (r.realisasi or 0)


def _sel_keuangan(r):
    return [rupiah(r.berlaku), rupiah(r.realisasi), persen(r.serapan), rupiah(_sisa(r))]


def realisasi_keuangan(data, naskah, x):
    tahun = data.tahun
    baris = []
    for _, simpul, tingkat, _, _ in _simpul_berurut(data):
        r = _rupiah(data, simpul, tingkat)
        sel = _sel_keuangan(r)
        # one budget cell, the one in force: the notes on the other budget are not about it
        induk, perubahan = (kosong(), sel[0]) if r.perubahan is not None else (sel[0], kosong())
        data.tandai_anggaran([induk, perubahan, sel[1], sel[2]], simpul, tahun, r)
        baris.append(
            Baris(
                [kode_simpul(simpul), teks(simpul.uraian), *sel],
                tingkat=tingkat,
                jenis="kelompok" if tingkat < 2 else "isi",
                kunci=simpul.kode or f"{simpul.LEVEL}-{simpul.pk}",
            )
        )
    total = jumlah_rupiah(data.rupiah_program(p, tahun) for p in _program_tahun(data))
    baris.append(Baris([teks("Total", kolom=2), *_sel_keuangan(total)], jenis="jumlah", kunci="total"))
    naskah.judul(x.judul_bagian)
    naskah.tabel(
        "realisasi-keuangan",
        f"Laporan Realisasi Keuangan Tahun {tahun} (s.d. Desember)",
        KOLOM_KEUANGAN,
        [
            [
                Kepala("Kode"),
                Kepala("Program/Kegiatan/Sub Kegiatan"),
                Kepala("Anggaran (Rp)"),
                Kepala("Realisasi (Rp)"),
                Kepala("%"),
                Kepala("Sisa Pagu (Rp)"),
            ]
        ],
        baris,
        nama=x.nama,
        catatan=[
            "Anggaran: APBD perubahan bila ada, selain itu APBD induk; anggaran program dan kegiatan dijumlah dari "
            "sub kegiatannya. Sisa pagu = anggaran − realisasi.",
            x.alasan,
        ],
    )

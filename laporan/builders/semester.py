"""The first half-year (semester I, TW I–II): the evaluations printed "s.d. Semester I" and the
Laporan Kinerja Semester I.

The LKE of PermenPAN-RB 88/2021 asks for half-year evidence (BKUR003.2, CLAP001.2): the quarterly
evaluation and the Evaluasi Renja up to semester I, and the agency's half-year performance report.
A semester is the quarter that closes it: the evaluations of semester I are those of TW II with
their titles, file names and headings saying so, every figure unchanged.

The Laporan Kinerja Semester I is composed like the LKjIP (lkjip.naskah): a cover, an
introduction, the capaian of the sasaran indicators up to TW II measured as the Evaluasi Renja
measures them, the budget realisation up to TW II as the Evaluasi Renja sums it, the problems and
follow-up written in the TW I–II entries, and the head's signature.
"""

from kinerja import rules
from kinerja.models import Realisasi
from kinerja.periode import romawi
from kinerja.selectors import batas_capaian, kinerja_per_tahun, skala_laporan
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Paragraf, Sampul, kosong, nilai, rupiah, teks
from renstra.kode import urut_simpul
from renstra.selectors import pohon_renstra, renstra_berlaku

from .lkjip.naskah import Naskah
from .tahunan import catatan_tahunan, sel_diukur_tahunan
from .umum import catatan_pembulatan, keterangan, nama_berkas, penanda_kepala, sel_capaian, sel_rata_rata, sel_target

KODE = "laporan-kinerja-semester"
JUDUL = "Laporan Kinerja Semester I"
PILIHAN_SEMESTER = [(1, "Semester I")]


# ---------------------------------------------------------------------------------------------
# The period of a report up to a semester
# ---------------------------------------------------------------------------------------------


def triwulan_semester(semester):
    """The quarter closing `semester` (1 → TW II): a report up to a semester is one up to it."""
    if semester not in dict(PILIHAN_SEMESTER):
        raise ValueError("Semester harus 1.")
    return 2 * semester


def nama_periode(triwulan, semester=None):
    """ "Semester I" for a report up to a semester, else "Triwulan II"."""
    return f"Semester {romawi(semester)}" if semester else f"Triwulan {romawi(triwulan)}"


def keterangan_periode(opd, tahun, triwulan, bidang=None, renstra=None, semester=None):
    """The lines under the title (umum.keterangan), the period named by its semester when given."""
    if not semester:
        return keterangan(opd, tahun, triwulan, bidang, renstra)
    return [*keterangan(opd, tahun, None, bidang, renstra), ("Semester", romawi(semester))]


def nama_berkas_periode(kode_laporan, opd, tahun, triwulan, bidang=None, semester=None):
    """umum.nama_berkas, with "smt1" for a report up to a semester instead of "tw2"."""
    if not semester:
        return nama_berkas(kode_laporan, opd, tahun, triwulan, bidang)
    berkas = nama_berkas(kode_laporan, opd, tahun, None, bidang).split("-")
    sebelum = len(nama_berkas(kode_laporan, opd, tahun).split("-"))
    return "-".join([*berkas[:sebelum], f"smt{semester}", *berkas[sebelum:]])


# ---------------------------------------------------------------------------------------------
# Laporan Kinerja Semester I
# ---------------------------------------------------------------------------------------------

SEMESTER = 1
TRIWULAN = triwulan_semester(SEMESTER)


def _sampul(opd, tahun):
    bawah = [opd.alamat] if opd.alamat else []
    if opd.kota and opd.kota not in opd.alamat:
        bawah.append(opd.kota)
    return Sampul(baris=["LAPORAN KINERJA SEMESTER I", f"TAHUN {tahun}", opd.nama.upper()], bawah=bawah)


def _blok_strategis(pohon):
    """(node, level, [indicator]) of the tujuan and sasaran in order: the strategic indicators (IKU)."""
    blok = []
    for t in sorted(pohon.tujuan, key=urut_simpul):
        sasaran = sorted(t.daftar_sasaran, key=urut_simpul)
        di_sasaran = {i.pk for s in sasaran for i in s.daftar_indikator}
        blok.append((t, 0, [i for i in t.daftar_indikator if i.pk not in di_sasaran]))
        blok += [(s, 1, list(s.daftar_indikator)) for s in sasaran]
    return [b for b in blok if b[2]]


def _blok_program(pohon):
    """(node, level, [indicator]) of the programs, kegiatan and sub kegiatan in order."""
    blok = []
    for p in sorted(pohon.semua_program, key=urut_simpul):
        blok.append((p, 0, list(p.daftar_indikator)))
        for kg in sorted(p.daftar_kegiatan, key=urut_simpul):
            blok.append((kg, 1, list(kg.daftar_indikator)))
            blok += [(s, 2, list(s.daftar_indikator)) for s in sorted(kg.daftar_sub_kegiatan, key=urut_simpul)]
    return [b for b in blok if b[2]]


def capaian_semester(indikator, tahun, skala):
    """{indicator id: KinerjaIndikator} of the year as known at the end of semester I (TW III–IV
    unread): its value and capaian up to TW II are `nilai_sampai[1]`, `capaian_sampai[1]`, the
    Evaluasi Renja's columns 13 and 14 up to TW II."""
    kinerja = kinerja_per_tahun(indikator, [tahun], skala, sampai_triwulan=TRIWULAN)
    return {i.pk: kinerja[i.pk, tahun] for i in indikator}


def _tabel_capaian(naskah, kunci, judul, blok, kinerja, skala, batas, tahun):
    """A table of the capaian s.d. semester I of the indicators of `blok`, each under its node,
    closed by their unweighted mean; (mean, its band)."""
    baris, dihitung = [], []
    nomor = 0
    for simpul, tingkat, daftar in blok:
        judul_simpul = f"{simpul.kode or ''} {simpul.uraian}".strip()
        baris.append(Baris([teks(judul_simpul, kolom=7)], tingkat, "kelompok", f"{simpul.LEVEL}-{simpul.pk}"))
        for i in daftar:
            nomor += 1
            k = kinerja[i.pk]
            if k.tahunan:
                ukur = [sel_diukur_tahunan(), sel_diukur_tahunan(), kosong()]
            else:
                capaian = k.capaian_sampai[TRIWULAN - 1]
                rentang = skala.cari(capaian.nilai)
                ukur = [
                    nilai(k.nilai_sampai[TRIWULAN - 1]),
                    sel_capaian(capaian),
                    teks(rentang.label if rentang else ""),
                ]
                if k.dihitung:
                    dihitung.append(capaian.nilai)
            sel = [teks(str(nomor)), teks(i.uraian), teks(i.satuan), sel_target(k.target), *ukur]
            baris.append(Baris(sel, tingkat + 1, "isi", f"indikator-{i.pk}"))
    rata = rules.rata_rata_capaian(dihitung, batas)
    rentang = skala.cari(rata)
    penutup = [teks("Rata-rata capaian kinerja", kolom=5), sel_rata_rata(rata, dihitung)]
    baris.append(Baris([*penutup, teks(rentang.label if rentang else "")], 0, "jumlah"))
    naskah.tabel(
        kunci,
        judul,
        [Kolom(4), Kolom(40, menjorok=True), Kolom(10), Kolom(11), Kolom(12), Kolom(12), Kolom(11)],
        [
            [
                Kepala("No"),
                Kepala("Indikator Kinerja"),
                Kepala("Satuan"),
                Kepala(f"Target {tahun}"),
                Kepala("Realisasi s.d. TW II"),
                Kepala("Capaian s.d. Semester I (%)"),
                Kepala("Predikat"),
            ]
        ],
        baris,
    )
    return rata, rentang


def _kalimat_rata_rata(nama, rata, rentang):
    if rata is None:
        return f"Capaian {nama} s.d. semester I belum dapat dihitung (belum ada realisasi triwulan I–II)."
    return f"Rata-rata capaian {nama} s.d. semester I sebesar {rules.format_persen(rata)}" + (
        f" (predikat {rentang.label})." if rentang else "."
    )


def anggaran_semester(renstra, pohon, tahun):
    """[(program or None for the total, pagu, spending up to TW II, serapan cell)] of the programs
    in force and their total, summed from the sub kegiatan as the Evaluasi Renja sums them."""
    # evaluasi_renja imports this module's period names: its budgets are read when building.
    from .evaluasi_renja import Anggaran, _anggaran_sub_kegiatan, _pilih_program, _serapan

    anggaran_sub = _anggaran_sub_kegiatan(renstra, tahun)
    program = [c for p in sorted(pohon.semua_program, key=urut_simpul) if (c := _pilih_program(p, None, anggaran_sub))]
    total = Anggaran()
    for c in program:
        total.tambah(c.anggaran)
    return [
        (simpul, a.pagu, a.realisasi(TRIWULAN), _serapan(a.realisasi(TRIWULAN), a.pagu))
        for simpul, a in [*((c.simpul, c.anggaran) for c in program), (None, total)]
    ]


def _tabel_anggaran(naskah, tahun, anggaran):
    baris = []
    for n, (p, pagu, realisasi, serapan) in enumerate(anggaran, start=1):
        if p is None:
            baris.append(Baris([teks("Jumlah", kolom=3), rupiah(pagu), rupiah(realisasi), serapan], 0, "jumlah"))
        else:
            sel = [teks(str(n)), teks(p.kode), teks(p.uraian), rupiah(pagu), rupiah(realisasi), serapan]
            baris.append(Baris(sel, 0, "isi", f"program-{p.pk}"))
    naskah.tabel(
        "anggaran-semester",
        f"Realisasi Anggaran s.d. Semester I Tahun {tahun}",
        [Kolom(4), Kolom(9), Kolom(37), Kolom(16), Kolom(17), Kolom(10)],
        [
            [
                Kepala("No"),
                Kepala("Kode"),
                Kepala("Program"),
                Kepala(f"Pagu {tahun}"),
                Kepala("Realisasi s.d. TW II"),
                Kepala("Serapan (%)"),
            ]
        ],
        baris,
    )


def permasalahan_semester(renstra, tahun):
    """The Realisasi of TW I–II with a problem or a follow-up written, in the plan's order: one query."""
    return list(
        Realisasi.objects.filter(indikator__renstra=renstra, tahun=tahun, triwulan__lte=TRIWULAN)
        .exclude(permasalahan="", tindak_lanjut="")
        .select_related("indikator")
        .order_by("indikator", "triwulan")
    )


def _tabel_permasalahan(naskah, tahun, daftar):
    if not daftar:
        naskah.paragraf(f"Tidak ada permasalahan atau tindak lanjut yang ditulis pada isian TW I–II tahun {tahun}.")
        return
    baris = [
        Baris(
            [
                teks(str(n)),
                teks(r.indikator.uraian),
                teks(romawi(r.triwulan)),
                teks(r.permasalahan),
                teks(r.tindak_lanjut),
            ],
            kunci=f"realisasi-{r.pk}",
        )
        for n, r in enumerate(daftar, start=1)
    ]
    naskah.tabel(
        "permasalahan-semester",
        f"Permasalahan dan Tindak Lanjut Triwulan I–II Tahun {tahun}",
        [Kolom(4), Kolom(28), Kolom(7), Kolom(30), Kolom(30)],
        [[Kepala("No"), Kepala("Indikator"), Kepala("TW"), Kepala("Permasalahan"), Kepala("Tindak lanjut")]],
        baris,
    )


def build_semester(opd, tahun, triwulan=None, bidang=None, tanggal=None):
    """The Laporan Kinerja Semester I of `opd` for `tahun` (TW I–II of the whole agency:
    `triwulan` and `bidang` do not apply)."""
    laporan = Laporan(
        kode=KODE,
        judul=[f"{JUDUL} {opd.nama}", f"Tahun {tahun}"],
        keterangan=keterangan_periode(opd, tahun, TRIWULAN, semester=SEMESTER),
        bagian=[],
        orientasi="portrait",
        nama_berkas=nama_berkas(KODE, opd, tahun),
        hanya_tabel_xlsx=True,
    )
    renstra = renstra_berlaku(opd, tahun)
    if renstra is None:
        laporan.bagian.append(Paragraf(f"Tidak ada Renstra yang berlaku pada tahun {tahun}."))
        return laporan
    laporan.keterangan = keterangan_periode(opd, tahun, TRIWULAN, renstra=renstra, semester=SEMESTER)
    pohon = pohon_renstra(renstra, tahun)
    skala = skala_laporan("evaluasi_renja")
    strategis, program = _blok_strategis(pohon), _blok_program(pohon)
    kinerja = capaian_semester([i for _, _, daftar in [*strategis, *program] for i in daftar], tahun, skala)
    anggaran = anggaran_semester(renstra, pohon, tahun)

    naskah = Naskah({})
    naskah.bab("1", "Pendahuluan", nomor="BAB I")
    naskah.paragraf(
        f"Laporan Kinerja Semester I ini menyajikan capaian kinerja {opd.nama} tahun {tahun} sampai dengan "
        "semester I (triwulan I dan II): capaian indikator tujuan, sasaran, "
        f"program, kegiatan dan sub kegiatan Renstra {renstra.tahun_awal}–{renstra.tahun_akhir} terhadap target "
        f"tahun {tahun}, realisasi anggaran, serta "
        "permasalahan dan tindak lanjut yang dicatat pada isian triwulan.",
        "Laporan ini menjadi bahan evaluasi kinerja semesteran dan pelaporan kinerja interim "
        "(PermenPAN-RB 88/2021, Lembar Kerja Evaluasi SAKIP).",
    )
    naskah.bab("2", "Capaian Kinerja s.d. Semester I", nomor="BAB II")
    naskah.paragraf(
        "Capaian: realisasi s.d. triwulan II terhadap target tahun, diukur seperti kolom 13 dan 14 Evaluasi "
        f"Hasil Renja s.d. triwulan II; predikat menurut {skala.nama}."
    )
    batas = batas_capaian()
    for nomor, (kunci, judul, nama, daftar) in enumerate(
        [
            ("capaian-strategis", "Indikator Tujuan dan Sasaran", "indikator tujuan dan sasaran", strategis),
            (
                "capaian-program",
                "Indikator Program, Kegiatan dan Sub Kegiatan",
                "indikator program, kegiatan dan sub kegiatan",
                program,
            ),
        ],
        start=1,
    ):
        naskah.judul(f"Capaian {judul}", nomor=f"2.{nomor}")
        if not daftar:
            naskah.paragraf(f"Renstra belum memuat {nama}.")
            continue
        judul_tabel = f"Capaian {judul} s.d. Semester I Tahun {tahun}"
        rata, rentang = _tabel_capaian(naskah, kunci, judul_tabel, daftar, kinerja, skala, batas, tahun)
        naskah.paragraf(_kalimat_rata_rata(nama, rata, rentang))
    naskah.bab("3", "Realisasi Anggaran s.d. Semester I", nomor="BAB III")
    _, pagu, realisasi, _ = anggaran[-1]
    if pagu:
        kalimat = f"Pagu anggaran {opd.nama} tahun {tahun} sebesar {rules.format_rupiah(pagu)}"
        if realisasi is not None:
            kalimat += (
                f", terealisasi s.d. triwulan II sebesar {rules.format_rupiah(realisasi)} "
                f"({rules.format_persen(rules.serapan(realisasi, pagu))})"
            )
        else:
            kalimat += "; realisasi anggaran triwulan I–II belum dilaporkan"
        naskah.paragraf(kalimat + ".")
    _tabel_anggaran(naskah, tahun, anggaran)
    naskah.bab("4", "Permasalahan dan Tindak Lanjut", nomor="BAB IV")
    _tabel_permasalahan(naskah, tahun, permasalahan_semester(renstra, tahun))
    naskah.bab("5", "Penutup", nomor="BAB V")
    naskah.paragraf(
        "Capaian semester I menjadi dasar langkah perbaikan pada semester II agar target kinerja tahun "
        f"{tahun} tercapai."
    )
    naskah.tambah(penanda_kepala(opd, tanggal))
    laporan.bagian = [_sampul(opd, tahun), *naskah.bagian]
    laporan.catatan = [catatan_pembulatan(), *catatan_tahunan(kinerja.values(), "pada akhir tahun")]
    return laporan

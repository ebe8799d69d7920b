"""Bab III, Akuntabilitas Keuangan: the composition of spending (seed 003, Tabel 3.42), budget and
spending per program, kegiatan and sub kegiatan (3.43) and per tujuan/sasaran (3.44), the
effectiveness of the budget against the capaian (3.45), efektivitas (3.47) and efisiensi (3.49).

The year before comes from the Renstra in force then; when that is another Renstra, its programs
and sub kegiatan are matched to this year's by code, and its tujuan to this year's by their
wording (a tujuan reworded in the new Renstra is a row of its own, as the seed prints it)."""

import re
from dataclasses import dataclass
from decimal import Decimal

from kinerja import rules
from laporan.dokumen import Baris, Kepala, Kolom, kode_simpul, kosong, nilai, persen, rupiah, teks
from laporan.grafik import BarisBatang, batang_mendatar

from ..umum import sel_rata_rata
from .capaian import capaian_kelompok, kelompok_strategis, rata_rata_strategis, sel_predikat, tabel_skala
from .data import Rupiah, jumlah_rupiah
from .kalimat import daftar_kata, kalimat_anggaran, kalimat_anggaran_program, terbilang
from .per_program import bagian_program, daftar_program, nama_program

TIDAK_LANGSUNG, LANGSUNG = "tidak_langsung", "langsung"
SERI = (("Pagu", "#9aa3ad"), ("Realisasi", "#0b5563"))  # the bars of the budget chart
JENIS_BELANJA = ((TIDAK_LANGSUNG, "Belanja Tidak Langsung"), (LANGSUNG, "Belanja Langsung"))


def _serapan(r):
    if r.berlaku in (None, 0):
        return persen(None, catatan="Pagu belum ada atau 0: persentase tidak dapat dihitung." if r.ada else "")
    if r.realisasi is None:
        return persen(None, catatan="Realisasi anggaran belum dilaporkan.")
    return persen(r.serapan)


def komposisi(data, tahun):
    """{jenis belanja: Rupiah} of a year."""
    pohon = data.pohon_tahun(tahun)
    program = pohon.semua_program if pohon is not None else []
    return {jenis: data.rupiah_jenis(program, tahun, jenis) for jenis, _ in JENIS_BELANJA}


def total_tahun(data, tahun):
    return data.rupiah_pohon(data.pohon_tahun(tahun), tahun)


def _komposisi(data, naskah):
    tahun = data.tahun
    daftar_tahun = (tahun - 1, tahun)
    per_tahun = {th: komposisi(data, th) for th in daftar_tahun}
    baris = []
    for n, (jenis, label) in enumerate(JENIS_BELANJA, start=1):
        sel = [teks(str(n)), teks(label)]
        for th in daftar_tahun:
            r = per_tahun[th][jenis]
            sel += [rupiah(r.berlaku), rupiah(r.realisasi), _serapan(r)]
        baris.append(Baris(sel, kunci=jenis))
    sel = [teks("Jumlah", kolom=2)]
    for th in daftar_tahun:
        r = jumlah_rupiah(per_tahun[th].values())
        sel += [rupiah(r.berlaku), rupiah(r.realisasi), _serapan(r)]
    baris.append(Baris(sel, jenis="jumlah", kunci="jumlah"))
    naskah.tabel(
        "komposisi-belanja",
        f"Komposisi Belanja Tahun Anggaran {tahun - 1}–{tahun}",
        [Kolom(4), Kolom(24), *[Kolom(w) for _ in daftar_tahun for w in (15, 15, 8)]],
        [
            [Kepala("No", baris=2), Kepala("Uraian", baris=2), *[Kepala(str(th), kolom=3) for th in daftar_tahun]],
            [Kepala(x) for _ in daftar_tahun for x in ("Anggaran Belanja (Rp)", "Realisasi Belanja (Rp)", "%")],
        ],
        baris,
        catatan=[
            "Anggaran: pagu yang berlaku (anggaran perubahan bila ada, bila tidak anggaran induk). Jenis belanja sub "
            "kegiatan: jenis sebagian besar pagunya; realisasinya dihitung pada jenis itu."
        ],
    )


# ---------------------------------------------------------------------------------------------
# Per program, kegiatan and sub kegiatan, matched by code across the two years
# ---------------------------------------------------------------------------------------------


@dataclass
class Pasangan:
    """A node in the year before and this year (either may be None)."""

    lalu: object
    ini: object

    @property
    def simpul(self):
        return self.ini or self.lalu


def _pasangkan(lalu, ini):
    per_kode = {}
    for n in lalu:
        per_kode.setdefault(_kunci_pasangan(n), Pasangan(None, None)).lalu = n
    for n in ini:
        per_kode.setdefault(_kunci_pasangan(n), Pasangan(None, None)).ini = n
    return [per_kode[k] for k in sorted(per_kode)]


def _kunci_pasangan(n):
    """The same node in two years: by its code, by its name when it has none (tanpa kode, after
    the coded ones)."""
    return (1, " ".join(n.uraian.casefold().split())) if not n.kode else (0, n.kode)


def _rupiah_simpul(data, simpul, tahun):
    if simpul is None:
        return Rupiah()
    if hasattr(simpul, "daftar_kegiatan"):
        return data.rupiah_program(simpul, tahun)
    if hasattr(simpul, "daftar_sub_anggaran"):
        return jumlah_rupiah(data.rupiah_sub(s, tahun) for s in simpul.daftar_sub_anggaran)
    return data.rupiah_sub(simpul, tahun)


def _sel_tahun(r):
    return [rupiah(r.induk), rupiah(r.perubahan), rupiah(r.realisasi), _serapan(r)]


def kalimat_program(data, tahun=None):
    """One sentence per program of the year (in code order): its budget, spending and absorption."""
    tahun = tahun or data.tahun
    pohon = data.pohon_tahun(tahun)
    program = sorted(pohon.semua_program, key=_kunci_pasangan) if pohon is not None else []
    return [kalimat_anggaran_program(p.uraian, data.rupiah_program(p, tahun), tahun) for p in program]


def _keuangan_program(data, naskah):
    tahun = data.tahun
    lalu = data.pohon_tahun(tahun - 1)
    program_lalu = lalu.semua_program if lalu is not None else []
    baris = []

    def tambah(pasangan, tingkat, jenis):
        r_lalu = _rupiah_simpul(data, pasangan.lalu, tahun - 1)
        r_ini = _rupiah_simpul(data, pasangan.ini, tahun)
        s = pasangan.simpul
        baris.append(
            Baris(
                [
                    kode_simpul(s),
                    teks(s.uraian),
                    *_sel_tahun(r_lalu),
                    *data.tandai_anggaran(_sel_tahun(r_ini), pasangan.ini, tahun, r_ini),
                ],
                tingkat=tingkat,
                jenis=jenis,
                kunci=s.kode or f"{s.LEVEL}-{s.pk}",
            )
        )

    for p in _pasangkan(program_lalu, data.pohon.semua_program):
        tambah(p, 0, "kelompok")
        kegiatan = _pasangkan(p.lalu.daftar_kegiatan if p.lalu else [], p.ini.daftar_kegiatan if p.ini else [])
        for kg in kegiatan:
            tambah(kg, 1, "kelompok")
            sub = _pasangkan(
                kg.lalu.daftar_sub_kegiatan if kg.lalu else [], kg.ini.daftar_sub_kegiatan if kg.ini else []
            )
            for s in sub:
                tambah(s, 2, "isi")
    total = [*_sel_tahun(total_tahun(data, tahun - 1)), *_sel_tahun(total_tahun(data, tahun))]
    baris.append(Baris([teks("Total", kolom=2), *total], jenis="jumlah", kunci="total"))
    naskah.tabel(
        "keuangan-program",
        f"Capaian Kinerja Keuangan Tahun Anggaran {tahun - 1}–{tahun}",
        [Kolom(11), Kolom(30, menjorok=True), *[Kolom(w) for _ in range(2) for w in (13, 13, 13, 7)]],
        [
            [
                Kepala("Kode", baris=2),
                Kepala("Program, Kegiatan dan Sub Kegiatan", baris=2),
                *[Kepala(f"Tahun {th}", kolom=4) for th in (tahun - 1, tahun)],
            ],
            [Kepala(x) for _ in range(2) for x in ("Anggaran Induk", "Anggaran Perubahan", "Realisasi", "%")],
        ],
        baris,
        lebar=True,
        catatan=[
            "Anggaran program dan kegiatan dijumlah dari sub kegiatannya. % = realisasi terhadap anggaran perubahan "
            "(anggaran induk bila tidak ada perubahan)."
        ],
    )
    kalimat = kalimat_program(data)
    if kalimat:
        naskah.paragraf(f"Realisasi anggaran per program tahun {tahun}:", *kalimat)
        _grafik_program(data, naskah)


def _grafik_program(data, naskah):
    """Pagu and realisation of each program of the year as bars, its serapan after them."""
    tahun = data.tahun
    baris = []
    for p in daftar_program(data.pohon):
        r = data.rupiah_program(p, tahun)
        serapan = rules.format_persen(r.serapan) if r.serapan is not None else ""
        label = re.sub(r"^program\s+", "", p.uraian, flags=re.IGNORECASE)  # every bar is a program's
        baris.append(BarisBatang(label, [r.berlaku, r.realisasi], serapan, kunci=p.kode or f"program-{p.pk}"))
    judul = f"Pagu dan Realisasi Anggaran per Program Tahun {tahun}"
    naskah.gambar("grafik-anggaran-program", f"{judul} (persentase: serapan)", batang_mendatar(baris, SERI, judul))


# ---------------------------------------------------------------------------------------------
# Per tujuan/sasaran
# ---------------------------------------------------------------------------------------------


def _urut(kode_tujuan):
    return int(kode_tujuan) if kode_tujuan.isdigit() else 999


def baris_kelompok(data):
    """[(group of the year before or None, group of this year or None)] in order of the tujuan's
    code, the year before's first."""
    ini = data.kelompok(data.pohon)
    if data.pohon_lalu is None:
        return [(k if data.renstra.mencakup(data.tahun - 1) else None, k) for k in ini]
    lalu = data.kelompok(data.pohon_lalu)
    per_kunci = {k.kunci: k for k in ini}
    hasil, dipakai = [], set()
    for k in lalu:
        pasangan = per_kunci.get(k.kunci)
        if pasangan is not None:
            dipakai.add(pasangan.kunci)
        hasil.append(((_urut(k.tujuan.kode), 0), k, pasangan))
    hasil += [((_urut(k.tujuan.kode), 1), None, k) for k in ini if k.kunci not in dipakai]
    return [(lalu, ini) for _, lalu, ini in sorted(hasil, key=lambda x: x[0])]


def label_kelompok(k):
    return "\n".join([f"Tujuan: {k.tujuan.uraian}", *(f"Sasaran: {s.uraian}" for s in k.sasaran)])


def _capaian_kelompok(data, tahun, kelompok):
    if kelompok is None:
        return None
    return data.kinerja_tahunan(tahun).rata_rata_kelompok([kelompok.tujuan, *kelompok.sasaran])


def _anggaran_tujuan_sasaran(data, naskah):
    tahun = data.tahun
    baris = []
    for lalu, ini in baris_kelompok(data):
        k = ini or lalu
        sel = [teks(k.tujuan.kode), teks(label_kelompok(k))]
        for th, g in ((tahun - 1, lalu), (tahun, ini)):
            if g is None:
                sel += [kosong(), kosong(), kosong(), kosong()]
                continue
            r = jumlah_rupiah(data.rupiah_program(p, th) for p in g.program)
            sel += [nilai(len(g.indikator)), rupiah(r.berlaku), rupiah(r.realisasi), _serapan(r)]
        baris.append(Baris(sel, kunci=f"tujuan-{k.tujuan.pk}"))
    sel = [teks("Jumlah", kolom=2)]
    for th in (tahun - 1, tahun):
        pohon = data.pohon_tahun(th)
        r = total_tahun(data, th)
        jumlah = len({i.pk for k in data.kelompok(pohon) for i in k.indikator}) if pohon else None
        sel += [nilai(jumlah), rupiah(r.berlaku), rupiah(r.realisasi), _serapan(r)]
    baris.append(Baris(sel, jenis="jumlah", kunci="jumlah"))
    naskah.tabel(
        "anggaran-tujuan-sasaran",
        f"Pagu dan Realisasi Anggaran terkait Pencapaian Tujuan/Sasaran Tahun {tahun - 1} dan {tahun}",
        # Wide enough for an 11-digit rupiah amount (Rp 12.345.678.901) on one line.
        [Kolom(4), Kolom(24), *[Kolom(w) for _ in range(2) for w in (6, 17, 17, 7)]],
        [
            [Kepala("No", baris=2), Kepala("Tujuan/Sasaran Strategis", baris=2)]
            + [Kepala(str(th), kolom=4) for th in (tahun - 1, tahun)],
            [Kepala(x) for _ in range(2) for x in ("Jumlah Indikator", "Pagu Anggaran", "Realisasi Anggaran", "%")],
        ],
        baris,
        catatan=[
            "Anggaran tujuan/sasaran: jumlah anggaran program yang mendukung sasarannya; Jumlah: seluruh "
            "program perangkat daerah."
        ],
    )


def _efektivitas_tujuan_sasaran(data, naskah):
    tahun = data.tahun
    baris = []
    for lalu, ini in baris_kelompok(data):
        k = ini or lalu
        sel = [teks(k.tujuan.kode), teks(label_kelompok(k)), nilai(len(k.indikator))]
        for th, g in ((tahun - 1, lalu), (tahun, ini)):
            if g is None:
                sel += [kosong(), kosong(), kosong()]
                continue
            r = jumlah_rupiah(data.rupiah_program(p, th) for p in g.program)
            capaian = _capaian_kelompok(data, th, g)
            sel += [
                sel_rata_rata(capaian, capaian_kelompok(data.kinerja_tahunan(th), [g.tujuan, *g.sasaran])),
                rupiah(r.realisasi),
                _serapan(r),
            ]
        baris.append(Baris(sel, kunci=f"tujuan-{k.tujuan.pk}"))
    sel, uraian_jumlah = [teks("Jumlah", kolom=2), kosong()], []
    for th in (tahun - 1, tahun):
        pohon = data.pohon_tahun(th)
        if pohon is None:
            sel += [kosong(), kosong(), kosong()]
            continue
        simpul = [n for k in kelompok_strategis(pohon) for n in k]
        capaian, uraian, _ = rata_rata_strategis(data, th)
        if uraian:
            uraian_jumlah.append(f"Jumlah {th}: {uraian[0].lower()}{uraian[1:]}")
        r = total_tahun(data, th)
        dirata = capaian_kelompok(data.kinerja_tahunan(th), simpul)
        sel += [sel_rata_rata(capaian, dirata), rupiah(r.realisasi), _serapan(r)]
    baris.append(Baris(sel, jenis="jumlah", kunci="jumlah"))
    naskah.tabel(
        "efektivitas-tujuan-sasaran",
        f"Efektivitas Anggaran terhadap Capaian Tujuan/Sasaran Tahun {tahun - 1} dan {tahun}",
        [Kolom(4), Kolom(26), Kolom(7), *[Kolom(w) for _ in range(2) for w in (11, 17, 8)]],
        [
            [Kepala("No", baris=3), Kepala("Tujuan/Sasaran", baris=3), Kepala("Jumlah Indikator", baris=3)]
            + [Kepala(f"Tahun {th}", kolom=3) for th in (tahun - 1, tahun)],
            [x for _ in range(2) for x in (Kepala("% Capaian Kinerja Sasaran", baris=2), Kepala("Anggaran", kolom=2))],
            [Kepala(x) for _ in range(2) for x in ("Realisasi", "%")],
        ],
        baris,
        catatan=[
            "% capaian kinerja tujuan/sasaran: rata-rata capaian indikator tujuan dan sasarannya, setiap indikator "
            "dihitung sekali.",
            *uraian_jumlah,
        ],
    )


def _rasio_anggaran(naskah, kunci, nama, skala, kolom, pembilang, penyebut, nilai, hal, kurang):
    """An efektivitas or efisiensi: its table (`kolom`, two amounts with their headers, then
    the ratio and its category) and the formula pembilang / penyebut written out. `kurang`
    names the inputs that are missing: then no ratio and no category, but what is missing."""
    if kurang:
        nilai = None
    alasan = f"{nama} tidak dapat dihitung: {daftar_kata(kurang)}." if kurang else ""
    naskah.tabel(
        kunci,
        f"{nama} {hal}",
        [Kolom(20), Kolom(20), Kolom(14), Kolom(16)],
        [[*(Kepala(k) for k, _ in kolom), Kepala(f"{nama} (%)"), Kepala("Kategori")]],
        [Baris([*(rupiah(x) for _, x in kolom), persen(nilai, catatan=alasan), sel_predikat(skala, nilai)])],
    )
    if kurang:
        naskah.paragraf(alasan)
    elif nilai is not None:
        naskah.paragraf(
            f"{nama} = {rules.format_angka(pembilang, 0)} / {rules.format_angka(penyebut, 0)} × 100% = "
            f"{rules.format_persen(nilai)}: {hal.lower()} termasuk kategori {skala.cari(nilai).label}."
        )


def _anggaran_kurang(r, tahun):
    """What is missing to divide the year's spending by its budget."""
    kurang = []
    if r.berlaku is None:
        kurang.append(f"pagu anggaran tahun {tahun} belum diisi")
    elif r.berlaku == 0:
        kurang.append(f"pagu anggaran tahun {tahun} bernilai 0")
    if r.realisasi is None:
        kurang.append(f"realisasi anggaran tahun {tahun} belum diisi")
    return kurang


def efisiensi_kurang(data, tahun):
    """What is missing to compute the efisiensi of a year: the spending, or any budget recorded
    as belanja tidak langsung. Without the latter every rupiah counts as belanja langsung (the
    kind a pagu gets when nobody enters one) and the ratio is 100% by construction."""
    r = total_tahun(data, tahun)
    kurang = []
    if r.realisasi is None:
        kurang.append(f"realisasi anggaran tahun {tahun} belum diisi")
    elif r.realisasi == 0:
        kurang.append(f"realisasi anggaran tahun {tahun} bernilai 0")
    if r.ada and not any(TIDAK_LANGSUNG in a.jenis.get(tahun, {}) for a in data.anggaran.values()):
        kurang.append(
            f"jenis belanja pagu tahun {tahun} belum diisi (tidak ada pagu yang dicatat sebagai belanja tidak "
            "langsung, sehingga belanja langsung sama dengan seluruh belanja)"
        )
    return kurang


def _efektivitas(data, naskah):
    skala = data.skala_tetap["efektivitas_anggaran"]
    naskah.judul("Analisis Efektivitas dan Efisiensi Penggunaan Anggaran", nomor="3.3.2", tingkat=3)
    naskah.paragraf(
        "Efektivitas anggaran (Mahsun, 2009) membandingkan realisasi anggaran dengan target (pagu) anggaran: "
        "Efektivitas = Realisasi Anggaran / Target Anggaran × 100%. Tingkatannya menurut Kepmendagri Nomor "
        "690.900.327 Tahun 1996:"
    )
    tabel_skala(naskah, "skala-efektivitas", "Tingkatan Efektivitas Anggaran", skala, "Tingkat Pencapaian", "Kategori")
    r = total_tahun(data, data.tahun)
    kolom = [("Target Anggaran (Rp)", r.berlaku), ("Realisasi Anggaran (Rp)", r.realisasi)]
    nilai = rules.efektivitas(r.realisasi, r.berlaku)
    hal = "Pengelolaan Anggaran"
    kurang = _anggaran_kurang(r, data.tahun)
    _rasio_anggaran(naskah, "efektivitas", "Efektivitas", skala, kolom, r.realisasi, r.berlaku, nilai, hal, kurang)


def _efisiensi(data, naskah):
    skala = data.skala_tetap["efisiensi_anggaran"]
    naskah.paragraf(
        "Efisiensi anggaran (Mahsun, 2009) membandingkan realisasi belanja langsung dengan realisasi seluruh "
        "belanja: Efisiensi = Realisasi Belanja Langsung / Realisasi Anggaran Belanja × 100%; makin kecil makin "
        "efisien. Tingkatannya:"
    )
    tabel_skala(naskah, "skala-efisiensi", "Tingkatan Efisiensi Anggaran", skala, "Tingkat Pencapaian", "Keterangan")
    langsung = komposisi(data, data.tahun)[LANGSUNG].realisasi
    r = total_tahun(data, data.tahun)
    kolom = [("Realisasi Belanja Langsung (Rp)", langsung), ("Realisasi Anggaran (Rp)", r.realisasi)]
    nilai = rules.efisiensi(langsung, r.realisasi)
    hal = "Penggunaan Anggaran"
    kurang = efisiensi_kurang(data, data.tahun)
    _rasio_anggaran(naskah, "efisiensi", "Efisiensi", skala, kolom, langsung, r.realisasi, nilai, hal, kurang)


def capaian_dan_serapan(data, tahun=None):
    """[(program, its capaian kinerja, Rupiah)] of the year in code order: the capaian the mean of
    the program's own indicators (None when none is computable)."""
    tahun = tahun or data.tahun
    kinerja = data.kinerja_tahunan(tahun)
    return [
        (p, kinerja.rata_rata_simpul(p), data.rupiah_program(p, tahun)) for p in daftar_program(data.pohon_tahun(tahun))
    ]


def kalimat_efisiensi_program(daftar, tahun):
    """How the programs' capaian kinerja compares with their serapan anggaran (Lampiran I and III of
    seed 003 set them side by side per program): how many programs reach a capaian at or above
    their serapan, which fall below it."""
    terhitung = [(p, c, r.serapan) for p, c, r in daftar if c is not None and r.serapan is not None]
    if not terhitung:
        return [f"Belum ada program tahun {tahun} yang capaian kinerja dan serapan anggarannya dapat dihitung."]
    lebih = [x for x in terhitung if x[1] >= x[2]]
    kurang = [x for x in terhitung if x[1] < x[2]]
    kalimat = [
        f"Dari {terbilang(len(terhitung))} program yang capaian kinerja dan serapan anggarannya terhitung pada tahun "
        f"{tahun}, {terbilang(len(lebih))} program mencapai capaian kinerja sama dengan atau lebih tinggi dari "
        f"serapan anggarannya."
    ]
    if kurang:
        kalimat.append(
            "Capaian kinerja di bawah serapan anggarannya: "
            + daftar_kata(
                f"{nama_program(p)} (capaian {rules.format_persen(c)}, serapan {rules.format_persen(s)})"
                for p, c, s in kurang
            )
            + "."
        )
    return kalimat


def kalimat_sisa_anggaran(r, tahun):
    """The budget of the year left unspent: pagu in force minus realisation, and its share of the
    pagu."""
    if r.berlaku in (None, 0) or r.realisasi is None:
        return ""
    sisa = r.berlaku - r.realisasi
    if sisa < 0:
        return f"Realisasi anggaran tahun {tahun} melebihi pagu sebesar {rules.format_rupiah(-sisa)}."
    return (
        f"Selisih pagu ({rules.format_rupiah(r.berlaku)}) dan realisasi anggaran ({rules.format_rupiah(r.realisasi)}) "
        f"tahun {tahun}, anggaran yang tidak terserap, sebesar {rules.format_rupiah(sisa)} atau "
        f"{rules.format_persen(Decimal(sisa) * 100 / Decimal(r.berlaku))} dari pagu."
    )


def _efisiensi_program(data, naskah):
    tahun = data.tahun
    daftar = capaian_dan_serapan(data)
    if not daftar:
        return
    naskah.paragraf(
        f"Efisiensi penggunaan sumber daya per program tahun {tahun}: capaian kinerja program (rata-rata capaian "
        "indikator programnya) dibandingkan dengan serapan anggarannya."
    )
    baris = []
    for n, (p, capaian, r) in enumerate(daftar, start=1):
        selisih = capaian - r.serapan if capaian is not None and r.serapan is not None else None
        baris.append(
            Baris(
                [
                    teks(str(n)),
                    teks(p.uraian),
                    persen(capaian, catatan="" if capaian is not None else "Belum ada capaian indikator program."),
                    rupiah(r.berlaku),
                    rupiah(r.realisasi),
                    _serapan(r),
                    nilai(selisih),
                ],
                kunci=p.kode or f"program-{p.pk}",
            )
        )
    naskah.tabel(
        "efisiensi-program",
        f"Capaian Kinerja dan Serapan Anggaran per Program Tahun {tahun}",
        [Kolom(4), Kolom(30), Kolom(10), Kolom(15), Kolom(15), Kolom(9), Kolom(10)],
        [
            [
                Kepala("No"),
                Kepala("Program"),
                Kepala("Capaian Kinerja (%)"),
                Kepala("Pagu (Rp)"),
                Kepala("Realisasi (Rp)"),
                Kepala("Serapan (%)"),
                Kepala("Capaian − Serapan (poin)"),
            ]
        ],
        baris,
        catatan=["Capaian kinerja program: rata-rata capaian indikator program tahun itu."],
    )
    naskah.paragraf(*kalimat_efisiensi_program(daftar, tahun), kalimat_sisa_anggaran(total_tahun(data, tahun), tahun))


def bab_akuntabilitas_keuangan(data, naskah):
    tahun = data.tahun
    naskah.judul("Akuntabilitas Keuangan", nomor="3.3")
    naskah.paragraf(kalimat_anggaran(total_tahun(data, tahun), data.skala_tetap["efektivitas_anggaran"], tahun))
    _komposisi(data, naskah)
    _keuangan_program(data, naskah)
    _anggaran_tujuan_sasaran(data, naskah)
    _efektivitas_tujuan_sasaran(data, naskah)
    bagian_program(data, naskah)
    _efektivitas(data, naskah)
    _efisiensi(data, naskah)
    _efisiensi_program(data, naskah)

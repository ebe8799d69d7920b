"""The dashboards' tables and charts, built once from kinerja.dasbor and shown on the page,
exported to XLSX (every table) and to PDF (the regional overview). `tautan` callables give the
drill-down address of an agency, a node or an indicator (the views know the URLs)."""

from django.utils import timezone

from kinerja import rules
from kinerja.dasbor import ambang_pencilan
from kinerja.models import Pelaporan
from kinerja.periode import romawi
from laporan.dokumen import Baris, Jenis, Kepala, Kolom, Laporan, Sel, Tabel, kosong, nilai, persen, rupiah, teks
from laporan.grafik import Titik, batang_bertumpuk, garis, sebaran

from .tahunan import catatan_tahunan, sel_diukur_tahunan, tandai_tahunan
from .umum import catatan_pembulatan, catatan_pencilan, sel_capaian, sel_rata_rata, sel_target

WARNA_BELUM = "#c3ccd6"
BELUM = "Belum terukur"


def _tanpa(*_):
    return ""


def sel_predikat(rentang):
    return teks(rentang.label, kelas="predikat-sel") if rentang else kosong()


def bagian_predikat(per_predikat):
    """The parts of a stacked bar from [(band, count)] (band None: not measurable yet)."""
    return [(r.label if r else BELUM, n, r.warna if r else WARNA_BELUM) for r, n in per_predikat]


def _sel_grafik(grafik):
    return Sel(grafik, Jenis.GRAFIK)


def _capaian(kinerja):
    """The capaian of indicators (KinerjaIndikator), for the notes of their mean."""
    return [k.capaian for k in kinerja]


def catatan_rata_rata(kinerja):
    """The note of a mean of `kinerja` (KinerjaIndikator) holding outliers, "" when none."""
    return rules.catatan_pencilan(_capaian(kinerja), ambang_pencilan())


def catatan_rata_rata_simpul(dasbor, simpul):
    """The note of a node's mean capaian card: of its own indicators, or of every indicator of
    the agency (each once) for the agency itself."""
    if simpul.level == "opd":
        return catatan_rata_rata(dasbor.kinerja.dirata)
    return catatan_rata_rata(simpul.dihitung)


def catatan_rata_rata_wilayah(wilayah):
    return rules.catatan_pencilan(_capaian_pencilan(wilayah), ambang_pencilan())


def _terhitung(kinerja):
    return sum(1 for k in kinerja if k.capaian is not None)


def uraian_rata_rata_simpul(dasbor, simpul):
    """The definition of a node's mean capaian card (`rules.uraian_rata_rata`): the agency's is
    its rata-rata capaian kinerja, as the Evaluasi Renja's; a node's, of its own indicators."""
    if simpul.level == "opd":
        return rules.uraian_rata_rata(rules.RATA_RATA_KINERJA, _terhitung(dasbor.kinerja.dirata), nama=" Renstra")
    return rules.uraian_rata_rata(rules.RATA_RATA_SIMPUL, nama=simpul.nama_level.lower())


def uraian_rata_rata_wilayah(wilayah):
    """The definition of the region's and each agency's mean capaian."""
    return rules.uraian_rata_rata(rules.RATA_RATA_KINERJA, wilayah.terhitung, nama=" setiap perangkat daerah")


def _capaian_pencilan(ringkasan):
    """The outliers' capaian of an agency's row or of the region (what their mean's note names)."""
    return [c for _, c in ringkasan.pencilan]


TANPA_DPA = "Belum ada pagu DPA (induk/perubahan) tahun ini: serapan tidak diukur terhadap pagu indikatif Renstra."


def _serapan(realisasi, pagu, dpa=True):
    if not dpa:
        return persen(None, catatan=TANPA_DPA)
    hasil = rules.serapan(realisasi, pagu)
    if hasil is None:
        return persen(None, catatan="Pagu atau realisasi anggaran belum ada.")
    return persen(hasil)


def _pagu(pagu, pagu_indikatif):
    """A DPA budget; without one, "–" naming the Renstra's pagu indikatif when there is one."""
    if pagu is None and pagu_indikatif is not None:
        catatan = f"Belum ada pagu DPA; pagu indikatif Renstra {rules.format_rupiah(pagu_indikatif)}."
        return rupiah(None, catatan=catatan)
    return rupiah(pagu)


# ---------------------------------------------------------------------------------------------
# The region
# ---------------------------------------------------------------------------------------------


def tabel_wilayah(wilayah, tautan=_tanpa, ringkas=False):
    """Every agency: indicators, mean capaian and its category, the indicators per category (a
    stacked bar, and their counts), budget, spending, absorption, quadrant, the four quarters.
    `ringkas` leaves the counts and the amounts to the bar's tooltip and the exports (a page at
    1366 pixels)."""
    skala, tw = wilayah.skala, wilayah.triwulan
    band = [] if ringkas else list(skala.rentang)

    def baris_angka(per, grafik, pagu, realisasi, ada=True, dpa=True):
        hitungan = [nilai(per.get(r.label, 0) if ada else None) for r in band]
        if not ringkas:
            hitungan.append(nilai(per.get(None, 0) if ada else None))
        uang = [] if ringkas else [pagu, rupiah(realisasi)]
        jumlah = pagu.nilai if dpa else None
        return [*hitungan, _sel_grafik(grafik) if ada else kosong(), *uang, _serapan(realisasi, jumlah, dpa)]

    baris = []
    for n, b in enumerate(wilayah.baris, start=1):
        per = {(r.label if r else None): x for r, x in b.per_predikat}
        ada = b.renstra is not None
        grafik = batang_bertumpuk(bagian_predikat(b.per_predikat), judul=b.opd.nama) if ada else None
        indikatif = b.pagu is None and b.pagu_indikatif is not None
        pagu = (
            rupiah(b.pagu_indikatif, catatan=f"Pagu indikatif Renstra: belum ada pagu DPA tahun {wilayah.tahun}.")
            if indikatif
            else rupiah(b.pagu)
        )
        sel = [
            teks(str(n)),
            teks(b.opd.nama, tautan=tautan(b.opd)),
            nilai(b.jumlah_indikator if ada else None),
            sel_rata_rata(
                b.rata_rata,
                _capaian_pencilan(b),
                "Belum ada capaian yang terhitung." if ada else "Tidak ada Renstra yang berlaku.",
            ),
            sel_predikat(b.predikat),
            *baris_angka(per, grafik, pagu, b.realisasi, ada, dpa=not indikatif),
            teks(b.kuadran or ""),
            *[teks(s.teks, kelas=f"status-{s.status}{' terlambat' if s.terlambat else ''}") for s in b.status],
        ]
        baris.append(Baris(sel, kunci=f"opd-{b.opd.pk}"))
    per = {(r.label if r else None): x for r, x in wilayah.per_predikat}
    baris.append(
        Baris(
            [
                teks(f"Wilayah ({len(wilayah.baris)} perangkat daerah)", kolom=2),
                nilai(wilayah.jumlah_indikator),
                sel_rata_rata(wilayah.rata_rata, _capaian_pencilan(wilayah)),
                sel_predikat(skala.cari(wilayah.rata_rata)),
                *baris_angka(
                    per,
                    batang_bertumpuk(bagian_predikat(wilayah.per_predikat), judul="Wilayah"),
                    rupiah(wilayah.pagu),
                    wilayah.realisasi,
                ),
                kosong(),
                *[teks(_ringkas_status(*wilayah.jumlah_status(q))) for q in range(1, 5)],
            ],
            jenis="jumlah",
            kunci="wilayah",
        )
    )
    kepala_kategori = (
        [Kepala("Indikator per kategori", baris=2)]
        if ringkas
        else [Kepala(f"Indikator per kategori, {skala.nama}", kolom=len(band) + 2)]
    )
    uang = (
        []
        if ringkas
        else [Kepala("Pagu (Rp)", baris=2, urut="pagu"), Kepala(f"Realisasi s.d. TW {romawi(tw)} (Rp)", baris=2)]
    )
    kepala = [
        [
            Kepala("No", baris=2),
            Kepala("Perangkat daerah", baris=2, urut="nama"),
            Kepala("Jumlah indikator", baris=2, urut="indikator"),
            Kepala(f"Rata-rata capaian s.d. TW {romawi(tw)}", baris=2, urut="capaian"),
            Kepala("Kategori", baris=2),
            *kepala_kategori,
            *uang,
            Kepala("Serapan", baris=2, urut="serapan"),
            Kepala("Kuadran", baris=2, urut="kuadran"),
            Kepala(f"Pelaporan {wilayah.tahun}", kolom=4),
        ],
        [
            *([] if ringkas else [*[Kepala(r.label) for r in band], Kepala(BELUM), Kepala("Sebaran")]),
            *[Kepala(f"TW {romawi(q)}", urut=f"tw{q}") for q in range(1, 5)],
        ],
    ]
    kolom = [
        Kolom(4),
        Kolom(20),
        Kolom(6),
        Kolom(8),
        Kolom(8),
        *[Kolom(5) for _ in range(len(band) + (0 if ringkas else 1))],
        Kolom(14),
        *([] if ringkas else [Kolom(14), Kolom(14)]),
        Kolom(7),
        Kolom(11),
        *[Kolom(10) for _ in range(4)],
    ]
    return Tabel(
        "Ringkasan wilayah",
        kolom,
        kepala,
        baris,
        judul=f"Kinerja perangkat daerah tahun {wilayah.tahun} s.d. triwulan {romawi(tw)}",
        kunci="wilayah",
        catatan=_catatan_wilayah(wilayah),
    )


def _ringkas_status(jumlah, terlambat):
    bagian = [f"{n} {label.lower()}" for label, n in ((s.label, jumlah[s]) for s in _STATUS) if n]
    return ", ".join(bagian) + (f"; {terlambat} terlambat" if terlambat else "")


_STATUS = [
    Pelaporan.Status.DIVERIFIKASI,
    Pelaporan.Status.DIAJUKAN,
    Pelaporan.Status.DIKEMBALIKAN,
    Pelaporan.Status.DRAFT,
]


def _catatan_wilayah(wilayah):
    ambang_c, ambang_s = wilayah.ambang
    catatan = [
        f"Capaian s.d. triwulan {romawi(wilayah.triwulan)}: nilai yang dilaporkan sampai triwulan itu terhadap target "
        "tahunan. Rincian indikator dan sub kegiatan refocusing tidak dihitung.",
        uraian_rata_rata_wilayah(wilayah),
        "Serapan: realisasi anggaran s.d. triwulan itu terhadap pagu DPA yang berlaku (perubahan bila ada, selain itu "
        "induk). Kuadran: capaian dan serapan tinggi bila sekurang-kurangnya "
        f"{rules.format_angka(ambang_c, None)}% dan {rules.format_angka(ambang_s, None)}% (ambang tahunan "
        "KINERJA_AMBANG_CAPAIAN dan KINERJA_AMBANG_SERAPAN, sebanding dengan bagian tahun yang berlalu).",
        "Pelaporan terlambat: diajukan sesudah batas waktu, atau batas waktu lewat dan belum diajukan.",
        catatan_pembulatan(),
    ]
    indikatif = [b.opd.singkatan or b.opd.nama for b in wilayah.baris if b.pagu is None and b.pagu_indikatif]
    if indikatif:
        catatan.append(
            f"Pagu indikatif Renstra (belum ada pagu DPA tahun {wilayah.tahun}; tanpa serapan dan tidak dijumlah pada "
            f"baris wilayah): {', '.join(indikatif)}."
        )
    return catatan + catatan_pencilan(
        (f"{uraian} ({b.opd.singkatan or b.opd.nama})", c) for b in wilayah.baris for uraian, c in b.pencilan
    )


def grafik_wilayah(wilayah):
    """The region's indicators per category as one bar, and its agencies as points of capaian
    against serapan."""
    batang = batang_bertumpuk(
        bagian_predikat(wilayah.per_predikat), lebar=640, tinggi=22, judul=f"Indikator per kategori, {wilayah.tahun}"
    )
    titik = [Titik(b.opd.singkatan or b.opd.nama, b.serapan, b.rata_rata, f"opd-{b.opd.pk}") for b in wilayah.baris]
    ambang_c, ambang_s = wilayah.ambang
    return batang, sebaran(
        titik, ambang_s, ambang_c, f"Capaian terhadap serapan anggaran s.d. TW {romawi(wilayah.triwulan)}"
    )


def tabel_sebaran(titik_baris, judul, label="Perangkat daerah", tautan=_tanpa, ambang=(None, None)):
    """The points of the scatter as a table: name, capaian, serapan, quadrant. `titik_baris` is
    [(object, name, capaian, serapan, the capaian averaged)]."""
    baris = [
        Baris(
            [
                teks(str(n)),
                teks(nama, tautan=tautan(obj)),
                sel_rata_rata(c, dirata),
                persen(s, catatan="" if s is not None else "Pagu atau realisasi anggaran belum ada."),
                teks(rules.kuadran(c, s, *ambang) or ""),
            ],
            kunci=f"titik-{getattr(obj, 'pk', n)}",
        )
        for n, (obj, nama, c, s, dirata) in enumerate(titik_baris, start=1)
    ]
    return Tabel(
        judul,
        [Kolom(3), Kolom(40), Kolom(12), Kolom(12), Kolom(22)],
        [[Kepala("No"), Kepala(label), Kepala("Capaian"), Kepala("Serapan"), Kepala("Kuadran")]],
        baris,
        judul=judul,
        kunci="sebaran",
    )


def laporan_wilayah(wilayah, tanggal=None):
    """The overview as a document: the bar, the scatter, the table and the scatter's table, for
    PDF and XLSX."""
    batang, titik = grafik_wilayah(wilayah)
    ambang_c, ambang_s = wilayah.ambang
    sebaran_ = tabel_sebaran(
        [(b.opd, b.opd.nama, b.rata_rata, b.serapan, _capaian_pencilan(b)) for b in wilayah.baris],
        "Capaian dan serapan per perangkat daerah",
        ambang=(ambang_c, ambang_s),
    )
    return Laporan(
        kode="dasbor-wilayah",
        judul=["Dasbor kinerja perangkat daerah", f"Tahun {wilayah.tahun} s.d. Triwulan {romawi(wilayah.triwulan)}"],
        keterangan=[("Dicetak", rules.format_tanggal(tanggal or timezone.localdate()))],
        bagian=[batang, titik, tabel_wilayah(wilayah), sebaran_],
        orientasi="landscape",
        padat=True,
        nama_berkas=f"dasbor-wilayah-{wilayah.tahun}-tw{wilayah.triwulan}",
    )


# ---------------------------------------------------------------------------------------------
# One agency and its nodes
# ---------------------------------------------------------------------------------------------


def tabel_anak(dasbor, simpul, tautan=_tanpa):
    """The children of a node: their own indicators' mean capaian and category, the money of
    their subtree, their quadrant."""
    baris = []
    for n, a in enumerate(simpul.anak, start=1):
        baris.append(
            Baris(
                [
                    teks(str(n)),
                    teks(a.nama_level),
                    teks(a.judul, tautan=tautan(a)),
                    nilai(len(a.dihitung)),
                    sel_rata_rata(a.rata_rata, _capaian(a.dihitung)),
                    sel_predikat(a.predikat),
                    _pagu(a.pagu, a.pagu_indikatif if dasbor.pagu_dpa else None),
                    rupiah(a.realisasi),
                    _serapan(a.realisasi, a.pagu, dasbor.pagu_dpa),
                    teks(dasbor.kuadran(a) or ""),
                ],
                kunci=a.kunci,
            )
        )
    tw = romawi(dasbor.triwulan)
    return Tabel(
        "Rincian",
        [Kolom(3), Kolom(9), Kolom(40), Kolom(7), Kolom(9), Kolom(10), Kolom(13), Kolom(13), Kolom(8), Kolom(14)],
        [
            [
                Kepala("No"),
                Kepala("Tingkat"),
                Kepala("Uraian"),
                Kepala("Indikator sendiri"),
                Kepala(f"Rata-rata capaian s.d. TW {tw}"),
                Kepala("Kategori"),
                Kepala(f"{dasbor.nama_pagu} (Rp)"),
                Kepala(f"Realisasi s.d. TW {tw} (Rp)"),
                Kepala("Serapan"),
                Kepala("Kuadran"),
            ]
        ],
        baris,
        judul=f"Di bawah {simpul.nama_level.lower()} ini",
        kunci="anak",
        catatan=_catatan_simpul(dasbor, [k for a in simpul.anak for k in a.dihitung]),
    )


def _catatan_simpul(dasbor, kinerja):
    """The notes of a node's tables: which budget they show, and the outliers among `kinerja`."""
    catatan = [] if dasbor.pagu_dpa else [f"Pagu: pagu indikatif Renstra. {TANPA_DPA}"]
    return [*catatan, catatan_pembulatan(), *catatan_pencilan((k.indikator.uraian, k.capaian) for k in kinerja)]


def tabel_indikator(dasbor, simpul, tautan=_tanpa):
    """The node's own indicators: target, value up to the quarter, capaian, category."""
    tw = romawi(dasbor.triwulan)
    baris = [
        Baris(
            [
                teks(k.indikator.uraian, tautan=tautan(k.indikator)),
                teks(k.indikator.satuan),
                sel_target(k.target),
                *_sel_sampai(k, dasbor.triwulan),
                sel_predikat(dasbor.skala.cari(k.capaian)),
            ],
            jenis="isi" if k.dihitung else "rincian",
            kunci=f"indikator-{k.indikator.pk}",
        )
        for k in simpul.kinerja
    ]
    return Tabel(
        "Indikator",
        [Kolom(40), Kolom(10), Kolom(10), Kolom(10), Kolom(10), Kolom(12)],
        [
            [
                Kepala("Indikator"),
                Kepala("Satuan"),
                Kepala("Target"),
                Kepala(f"Realisasi s.d. TW {tw}"),
                Kepala("Capaian"),
                Kepala("Kategori"),
            ]
        ],
        baris,
        judul=f"Indikator {simpul.nama_level.lower()} ini",
        kunci="indikator",
        catatan=catatan_pencilan((k.indikator.uraian, k.capaian) for k in simpul.kinerja)
        + catatan_tahunan(simpul.kinerja, "pada Triwulan IV"),
    )


def _sel_sampai(k, triwulan):
    """The value up to the quarter and the capaian of an indicator; an annual one's "diukur
    tahunan" before its year closes, and marked as the year's after."""
    sel = [nilai(k.nilai_sampai[triwulan - 1]), sel_capaian(k.hasil)]
    if not k.tahunan:
        return sel
    return tandai_tahunan(sel) if k.diukur_pada(triwulan) else [sel_diukur_tahunan(), sel_diukur_tahunan()]


def program_sebaran(dasbor, tautan=_tanpa):
    """The agency's programs as points of capaian against serapan, and as a table."""
    program = dasbor.program
    ambang_c, ambang_s = dasbor.ambang
    titik = [Titik(p.objek.kode, p.serapan, p.rata_rata, p.kunci) for p in program]
    grafik = sebaran(titik, ambang_s, ambang_c, f"Program: capaian terhadap serapan s.d. TW {romawi(dasbor.triwulan)}")
    tabel = tabel_sebaran(
        [(p, p.judul, p.rata_rata, p.serapan, _capaian(p.dihitung)) for p in program],
        "Capaian dan serapan per program",
        label="Program",
        tautan=tautan,
        ambang=(ambang_c, ambang_s),
    )
    return grafik, tabel


def laporan_simpul(dasbor, simpul, tanggal=None):
    """A node's tables (and, for the agency, its programs' scatter) as a document for XLSX."""
    bagian = [tabel_anak(dasbor, simpul)] if simpul.anak else []
    if simpul.kinerja:
        bagian.append(tabel_indikator(dasbor, simpul))
    if simpul.level == "opd":
        grafik, tabel = program_sebaran(dasbor)
        bagian += [grafik, tabel]
    return Laporan(
        kode="dasbor-opd",
        judul=[f"Dasbor {dasbor.opd.nama}", f"Tahun {dasbor.tahun} s.d. Triwulan {romawi(dasbor.triwulan)}"],
        keterangan=[(simpul.nama_level, simpul.judul)],
        bagian=bagian,
        nama_berkas=f"dasbor-{dasbor.opd.kode.lower()}-{dasbor.tahun}-tw{dasbor.triwulan}-{simpul.kunci}",
    )


# ---------------------------------------------------------------------------------------------
# One indicator
# ---------------------------------------------------------------------------------------------


def tabel_triwulan(di, skala):
    """The year quarter by quarter: what each reported, the value and capaian up to it. A quarter
    after the last one reported stays empty: nothing is known of it yet."""
    k = di.kinerja
    if k.tahunan:
        return _tabel_satu_tahun(di, skala)
    terakhir = max((q for q in range(4) if k.nilai_triwulan[q] is not None), default=-1)
    belum = "Belum dilaporkan."
    baris = []
    for q in range(4):
        sampai = (
            [
                nilai(k.nilai_sampai[q]),
                sel_capaian(k.capaian_sampai[q]),
                sel_predikat(skala.cari(k.capaian_sampai[q].nilai)),
            ]
            if q <= terakhir
            else [nilai(None, catatan=belum), persen(None, catatan=belum), kosong()]
        )
        baris.append(
            Baris(
                [teks(f"Triwulan {romawi(q + 1)}"), sel_target(k.target), nilai(k.nilai_triwulan[q]), *sampai],
                kunci=f"tw{q + 1}",
            )
        )
    return Tabel(
        "Per triwulan",
        [Kolom(14), Kolom(12), Kolom(12), Kolom(12), Kolom(12), Kolom(14)],
        [
            [
                Kepala("Triwulan"),
                Kepala("Target tahunan"),
                Kepala("Realisasi triwulan"),
                Kepala("Nilai s.d. triwulan"),
                Kepala("Capaian s.d. triwulan"),
                Kepala("Kategori"),
            ]
        ],
        baris,
        judul=f"Tahun {di.tahun} per triwulan",
        kunci="triwulan",
        catatan=catatan_pencilan(
            (f"s.d. triwulan {romawi(q + 1)}", k.capaian_sampai[q]) for q in range(4) if q <= terakhir
        ),
    )


def _tabel_satu_tahun(di, skala):
    """The year of an indicator measured once a year: one row, the year's, not four quarters."""
    k = di.kinerja
    belum = "Belum dilaporkan: indikator tahunan dilaporkan sekali setahun, bersama Triwulan IV."
    if k.nilai_tahunan is None:
        isi = [nilai(None, catatan=belum), persen(None, catatan=belum), kosong()]
    else:
        isi = [nilai(k.nilai_tahunan), sel_capaian(k.hasil), sel_predikat(skala.cari(k.capaian))]
    return Tabel(
        "Per triwulan",
        [Kolom(14), Kolom(12), Kolom(12), Kolom(12), Kolom(14)],
        [
            [
                Kepala("Periode"),
                Kepala("Target tahunan"),
                Kepala("Realisasi tahunan"),
                Kepala("Capaian"),
                Kepala("Kategori"),
            ]
        ],
        [Baris([teks(f"Tahunan {di.tahun}"), sel_target(k.target), *isi], kunci="tahunan")],
        judul=f"Tahun {di.tahun}",
        kunci="triwulan",
        catatan=[
            f"{rules.Alasan.DIUKUR_TAHUNAN} Triwulan I–III tidak mempunyai realisasi.",
            *catatan_pencilan([(f"tahunan {di.tahun}", k.hasil)]),
        ],
    )


def tabel_tahunan(di):
    baris = [
        Baris(
            [teks(str(th)), sel_target(k.target), nilai(k.nilai_tahunan), sel_capaian(k.hasil)],
            kunci=f"tahun-{th}",
        )
        for th, k in di.per_tahun
    ]
    return Tabel(
        "Per tahun",
        [Kolom(10), Kolom(14), Kolom(14), Kolom(14)],
        [[Kepala("Tahun"), Kepala("Target"), Kepala("Realisasi"), Kepala("Capaian")]],
        baris,
        judul="Target dan realisasi per tahun",
        kunci="tahunan",
        catatan=catatan_pencilan((f"tahun {th}", k.hasil) for th, k in di.per_tahun),
    )


def grafik_tahunan(di):
    """Target against realisation over the years (numbers only: a qualitative indicator has
    its levels in the table)."""
    if di.indikator.jenis != di.indikator.Jenis.KUANTITATIF:
        return None
    tahun = [th for th, _ in di.per_tahun]
    target = [k.target.nilai if k.target is not None else None for _, k in di.per_tahun]
    realisasi = [k.nilai_tahunan for _, k in di.per_tahun]
    return garis(
        tahun,
        [("Target", target, "#b45309"), ("Realisasi", realisasi, "#0b5563")],
        f"Target dan realisasi {di.indikator.uraian}",
        satuan=di.indikator.satuan,
    )


def laporan_indikator(di, skala):
    bagian = [tabel_triwulan(di, skala), tabel_tahunan(di)]
    return Laporan(
        kode="dasbor-indikator",
        judul=[di.indikator.uraian, f"Tahun {di.tahun}"],
        keterangan=[("Satuan", di.indikator.satuan), ("Perangkat daerah", di.indikator.renstra.opd.nama)],
        bagian=bagian,
        orientasi="portrait",
        nama_berkas=f"dasbor-indikator-{di.indikator.pk}-{di.tahun}",
    )

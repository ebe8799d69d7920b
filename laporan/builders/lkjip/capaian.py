"""Bab III Akuntabilitas Kinerja, the performance part: the predikat tables used; the capaian of
the tujuan and sasaran indicators this year and last (seed 003, Tabel 3.3), over every year of
their history (3.4), counted per status and per category (3.5, 3.6), averaged per tujuan and
sasaran (3.9), against the Renstra's end target (3.14); the programs (3.11); an analysis block
per indicator with the agency's narrative; and the agency's other achievements."""

from kinerja import rules
from kinerja.dasbor import ambang_pencilan
from laporan.dokumen import Baris, Kepala, Kolom, angka, kosong, nilai, teks

from ..umum import hasil_terhadap_akhir, sel_capaian, sel_rata_rata, sel_target, tandai_pencilan
from .kalimat import (
    daftar_kata,
    kalimat_capaian,
    kalimat_jumlah_per_predikat,
    kalimat_tertinggi_terendah,
    terbilang,
)
from .pembanding import hasil_evaluasi_sakip, perbandingan_nasional

BELUM_TERUKUR = "Belum dapat diukur"


def sel_predikat(skala, capaian):
    rentang = skala.cari(capaian)
    return teks(rentang.label) if rentang else kosong()


def tabel_skala(naskah, kunci, judul, skala, kepala_nilai="Capaian (%)", kepala_label="Predikat"):
    """A predikat scale as the reports print it: its bands with their ranges."""
    baris = [Baris([teks(str(n)), teks(r.label), teks(r.uraian)]) for n, r in enumerate(skala.rentang, start=1)]
    return naskah.tabel(
        kunci,
        judul,
        [Kolom(4), Kolom(30), Kolom(30)],
        [[Kepala("No"), Kepala(kepala_label), Kepala(kepala_nilai)]],
        baris,
    )


def hitung_per_predikat(skala, capaian):
    """[(band, [items])] of a scale, plus (None, items) for those not computable; `capaian` is
    [(item, value)]."""
    per_label = {r.label: [] for r in skala.rentang}
    belum = []
    for item, c in capaian:
        r = skala.cari(c)
        (per_label[r.label] if r else belum).append(item)
    return [(r, per_label[r.label]) for r in skala.rentang] + [(None, belum)]


def per_predikat(data, skala):
    """The tujuan/sasaran indicators of the year grouped by the bands of `skala`."""
    return hitung_per_predikat(skala, [(s, s.kinerja.capaian) for s in data.strategis])


def kalimat_status(kelompok):
    """ "Dari 5 (lima) indikator ..., 2 (dua) melebihi target ...": `kelompok` from per_predikat."""
    jumlah = [(band.label, len(isi)) for band, isi in kelompok if band is not None]
    return kalimat_jumlah_per_predikat(jumlah, sum(n for _, n in jumlah))


def _predikat_tabel(data, naskah):
    naskah.paragraf("Predikat capaian menurut persentase capaian terhadap target:")
    tabel_skala(naskah, "skala-status", "Predikat Capaian Kinerja", data.skala_tetap["status_capaian"])
    naskah.paragraf(f"Kategori capaian menurut {data.skala.dasar or data.skala.nama}:")
    tabel_skala(naskah, "skala-kategori", "Kategori Capaian Kinerja", data.skala, kepala_label="Kategori")


def _label(s):
    return f"{s.label}: {s.simpul.uraian}"


def sel_kinerja(data, indikator, k, tahun):
    """The target, realisation and capaian cells of `k`, the performance of `indikator` in `tahun`,
    with the numbers of the year's data notes on them beside them (none in another year)."""
    return [
        data.tandai(sel_target(k.target), indikator, "target", tahun),
        data.tandai(nilai(k.nilai_tahunan), indikator, "realisasi", tahun),
        data.tandai(sel_capaian(k.hasil), indikator, "capaian", tahun),
    ]


def _capaian_iku(data, naskah):
    tahun, skala = data.tahun, data.skala
    naskah.paragraf(f"Hasil pengukuran indikator kinerja tujuan dan sasaran tahun {tahun} sebagai berikut.")
    baris = []
    for n, s in enumerate(data.strategis, start=1):
        sel = [teks(str(n)), teks(_label(s)), teks(s.indikator.uraian)]
        for th, k in ((tahun - 1, s.lalu), (tahun, s.kinerja)):
            if k is None:
                sel += [kosong(), kosong(), kosong(), kosong()]
                continue
            sel += [*sel_kinerja(data, s.indikator, k, th), sel_predikat(skala, k.capaian)]
        baris.append(Baris(sel, kunci=f"indikator-{s.indikator.pk}"))
    naskah.tabel(
        "capaian-iku",
        f"Capaian Indikator Kinerja Tahun {tahun - 1} dan {tahun}",
        [Kolom(4), Kolom(17), Kolom(19), *[Kolom(w) for _ in range(2) for w in (9, 9, 10, 9)]],
        [
            [Kepala("No", baris=2), Kepala("Tujuan/Sasaran Strategis", baris=2), Kepala("Indikator Kinerja", baris=2)]
            + [Kepala(str(th), kolom=4) for th in (tahun - 1, tahun)],
            [Kepala(x) for _ in range(2) for x in ("Target", "Realisasi", "% Capaian", "Kinerja")],
        ],
        baris,
        catatan=[
            f"Kinerja: kategori {data.skala.nama}. Target tahun berjalan: target Perjanjian Kinerja Perubahan, bila "
            "tidak ada Perjanjian Kinerja, bila tidak ada target Renstra. Tahun sebelumnya dari indikator yang sama "
            "pada Renstra sebelumnya bila Renstra berganti."
        ],
    )


def _capaian_tahunan(data, naskah):
    daftar_tahun = sorted({th for s in data.strategis for th, _ in s.riwayat})
    if not daftar_tahun:
        return
    awal, akhir = daftar_tahun[0], daftar_tahun[-1]
    naskah.paragraf(
        f"Perbandingan realisasi dan capaian indikator tujuan dan sasaran tahun {awal}–{akhir}, termasuk tahun-tahun "
        "Renstra sebelumnya bagi indikator yang berlanjut, sebagai berikut."
    )
    baris = []
    for s in data.strategis:
        per_tahun, i, tandai = dict(s.riwayat), s.indikator, data.tandai
        sel = [teks(_label(s)), teks(i.uraian), nilai(s.kondisi_awal)]
        sel += [
            tandai(sel_target(per_tahun[th].target), i, "target", th) if th in per_tahun else kosong()
            for th in daftar_tahun
        ]
        sel += [
            tandai(nilai(per_tahun[th].nilai_tahunan), i, "realisasi", th) if th in per_tahun else kosong()
            for th in daftar_tahun
        ]
        sel += [
            tandai(_capaian_angka(per_tahun[th].hasil), i, "capaian", th) if th in per_tahun else kosong()
            for th in daftar_tahun
        ]
        baris.append(Baris(sel, kunci=f"indikator-{s.indikator.pk}"))
    n = len(daftar_tahun)
    naskah.tabel(
        "capaian-tahunan",
        f"Realisasi dan Capaian Kinerja Tahun {awal}–{akhir}",
        [Kolom(13), Kolom(14), Kolom(5), *[Kolom(6) for _ in range(3 * n)]],
        [
            [
                Kepala("Tujuan/Sasaran Strategis", baris=2),
                Kepala("Indikator Kinerja", baris=2),
                Kepala("Kondisi Awal", baris=2),
                Kepala("Target", kolom=n),
                Kepala("Realisasi", kolom=n),
                Kepala("Persentase Capaian Kinerja", kolom=n),
            ],
            [Kepala(str(th)) for _ in range(3) for th in daftar_tahun],
        ],
        baris,
        lebar=True,
    )


def _capaian_angka(hasil):
    """A capaian as a plain number, for the narrow columns of the multi-year table (the header
    says it is a percentage)."""
    return tandai_pencilan(angka(hasil.nilai, catatan=str(hasil.alasan) if hasil.alasan else ""))


def _per_status(data, naskah):
    tahun = data.tahun
    skala = data.skala_tetap["status_capaian"]
    kelompok = per_predikat(data, skala)
    baris = [Baris([teks(r.uraian), teks(r.label), nilai(len(isi))]) for r, isi in kelompok if r is not None]
    belum = kelompok[-1][1]
    if belum:
        baris.append(Baris([teks("–"), teks(BELUM_TERUKUR), nilai(len(belum))]))
    baris.append(Baris([teks("Jumlah", kolom=2), nilai(len(data.strategis))], jenis="jumlah"))
    naskah.paragraf(
        "Capaian tersebut dapat dikelompokkan menurut persentase capaiannya sebagai berikut.",
    )
    naskah.tabel(
        "jumlah-status",
        f"Capaian Indikator Kinerja Tahun {tahun} Berdasarkan Persentase",
        [Kolom(20), Kolom(30), Kolom(16)],
        [[Kepala("Persentase"), Kepala("Predikat"), Kepala("Jumlah Indikator")]],
        baris,
    )
    naskah.paragraf(
        kalimat_status(kelompok),
        kalimat_tertinggi_terendah([(s.indikator.uraian, s.kinerja.capaian) for s in data.strategis]),
    )
    for r, isi in kelompok:
        if not isi:
            continue
        judul = BELUM_TERUKUR.lower() if r is None else r.label.lower()
        naskah.paragraf(f"Terdapat {terbilang(len(isi))} indikator yang {judul}:")
        naskah.butir(kalimat_capaian(s.kinerja, data.skala, tahun) for s in isi)


def _per_kategori(data, naskah):
    tahun, skala = data.tahun, data.skala
    kelompok = per_predikat(data, skala)
    baris = [
        Baris([teks(str(n)), teks(r.label), teks(r.uraian), nilai(len(isi))])
        for n, (r, isi) in enumerate(kelompok, start=1)
        if r is not None
    ]
    belum = kelompok[-1][1]
    if belum:
        baris.append(Baris([teks("–"), teks(BELUM_TERUKUR), teks(""), nilai(len(belum))]))
    naskah.tabel(
        "jumlah-kategori",
        f"Capaian Indikator Kinerja Tahun {tahun} Berdasarkan Kategori",
        [Kolom(4), Kolom(24), Kolom(20), Kolom(16)],
        [[Kepala("No"), Kepala("Kategori"), Kepala("Capaian (%)"), Kepala("Jumlah Indikator")]],
        baris,
    )
    bagian = [f"{terbilang(len(isi))} indikator pada kategori {r.label}" for r, isi in kelompok if r and isi]
    rata, uraian, pencilan = rata_rata_strategis(data, tahun)
    if bagian:
        kalimat = f"Menurut kategori {skala.nama}, terdapat {daftar_kata(bagian)}."
        if rata is not None:
            kalimat += (
                f" Rata-rata capaian tujuan/sasaran strategis {rules.format_persen(rata)} "
                f"berada pada kategori {skala.cari(rata).label}. {uraian} {pencilan}"
            ).rstrip()
        naskah.paragraf(kalimat)


def kelompok_strategis(pohon):
    """The tujuan/sasaran strategis of a tree: each tujuan with its sasaran (the groups the LKjIP
    averages, Tabel 3.45)."""
    return [[t, *t.daftar_sasaran] for t in pohon.tujuan] if pohon is not None else []


def rata_rata_strategis(data, tahun):
    """The agency's rata-rata capaian tujuan/sasaran strategis of `tahun` (PermenPAN-RB 53/2014,
    `KinerjaTahun.rata_rata_strategis`), the note naming it with what it counts, and the note of
    its outliers ("" when none): the one figure every sentence and the Jumlah of Tabel 3.45 print."""
    pohon = data.pohon_tahun(tahun)
    kinerja = data.kinerja_tahunan(tahun)
    kelompok = kelompok_strategis(pohon)
    rata = kinerja.rata_rata_strategis(kelompok)
    if rata is None:
        return None, "", ""
    n_kelompok, n_indikator = kinerja.kelompok_terhitung(kelompok)
    uraian = rules.uraian_rata_rata(rules.RATA_RATA_STRATEGIS, n_indikator, n_kelompok, batas_atas=data.batas)
    pencilan = catatan_rata_rata(kinerja, [n for k in kelompok for n in k])
    return rata, uraian, pencilan


def capaian_kelompok(kinerja, simpul):
    """The capaian of the nodes' counted indicators, each once (what their mean averages)."""
    return [k.capaian for k in {k.indikator.pk: k for s in simpul for k in kinerja.indikator_simpul(s)}.values()]


def catatan_rata_rata(kinerja, simpul):
    """The note of the mean of the nodes' indicators when it holds outliers, else ""."""
    return rules.catatan_pencilan(capaian_kelompok(kinerja, simpul), ambang_pencilan())


def _rata_rata_tujuan_sasaran(data, naskah):
    tahun, skala = data.tahun, data.skala
    status = data.skala_tetap["status_capaian"]
    kinerja = data.kinerja_tahunan(tahun)
    baris, n = [], 0
    for t in data.pohon.tujuan:
        for simpul, label in [(t, "Tujuan"), *((s, "Sasaran") for s in t.daftar_sasaran)]:
            daftar = kinerja.indikator_simpul(simpul)
            if not daftar:
                continue
            n += 1
            rata = kinerja.rata_rata_simpul(simpul)
            baris.append(
                Baris(
                    [
                        teks(str(n)),
                        teks(f"{label} {simpul.kode}: {simpul.uraian}"),
                        nilai(len(daftar)),
                        sel_rata_rata(rata, [k.capaian for k in daftar]),
                        sel_predikat(skala, rata),
                        sel_predikat(status, rata),
                    ],
                    kunci=f"{simpul.LEVEL}-{simpul.pk}",
                )
            )
    naskah.tabel(
        "rata-rata-tujuan-sasaran",
        f"Rata-rata Capaian Kinerja Tujuan/Sasaran Tahun {tahun}",
        [Kolom(4), Kolom(40), Kolom(10), Kolom(12), Kolom(12), Kolom(14)],
        [
            [
                Kepala("No"),
                Kepala("Tujuan/Sasaran"),
                Kepala("Jumlah Indikator"),
                Kepala("Rata-rata Capaian (%)"),
                Kepala("Kategori"),
                Kepala("Predikat"),
            ]
        ],
        baris,
        catatan=[
            rules.uraian_rata_rata(rules.RATA_RATA_SIMPUL, nama="tujuan atau sasaran", batas_atas=data.batas)
            + " Indikator yang dipakai bersama tujuan dan sasarannya dihitung pada keduanya."
        ],
    )


def _target_akhir(data, naskah):
    tahun, renstra = data.tahun, data.renstra
    baris = []
    for n, s in enumerate(data.strategis, start=1):
        k = s.kinerja
        akhir = hasil_terhadap_akhir(s.indikator, s.akhir, k.nilai_tahunan, k.tingkatan)
        baris.append(
            Baris(
                [
                    teks(str(n)),
                    teks(s.indikator.uraian),
                    nilai(s.lalu.nilai_tahunan if s.lalu else None),
                    *sel_kinerja(data, s.indikator, k, tahun),
                    s.akhir.sel() if s.akhir else kosong(),
                    sel_capaian(akhir),
                ],
                kunci=f"indikator-{s.indikator.pk}",
            )
        )
    naskah.tabel(
        "target-akhir-renstra",
        f"Capaian Tahun {tahun} terhadap Target Akhir Renstra ({renstra.tahun_akhir})",
        [Kolom(4), Kolom(30), Kolom(10), Kolom(9), Kolom(9), Kolom(10), Kolom(11), Kolom(12)],
        [
            [
                Kepala("No", baris=2),
                Kepala("Indikator Kinerja", baris=2),
                Kepala(f"Realisasi {tahun - 1}", baris=2),
                Kepala(f"Tahun {tahun}", kolom=3),
                Kepala(f"Target Akhir Renstra ({renstra.tahun_akhir})", baris=2),
                Kepala(f"Capaian {tahun} terhadap Target Akhir Renstra (%)", baris=2),
            ],
            [Kepala("Target"), Kepala("Realisasi"), Kepala("Capaian (%)")],
        ],
        baris,
        catatan=[
            "Target akhir Renstra: target tahun terakhir Renstra, atau jumlah target tahunan bagi indikator kumulatif."
        ],
    )


def _program(data, naskah):
    tahun = data.tahun
    naskah.judul("Capaian Program", nomor="3.1.2", tingkat=3)
    naskah.paragraf(
        f"Program yang dilaksanakan tahun {tahun} menunjang keberhasilan atau kegagalan pencapaian sasaran yang "
        "diperjanjikan, sebagaimana tabel berikut. Rencana tindak lanjut diambil dari isian tindak lanjut "
        "triwulan terakhir yang mengisinya; indikator yang belum pernah diisi tindak lanjutnya tahun ini "
        "ditandai demikian."
    )
    baris, nomor = [], 0
    for t in data.pohon.tujuan:
        for s in t.daftar_sasaran:
            pertama = True
            for p in sorted(s.daftar_program, key=lambda p: p.kode):
                nomor += 1
                for j, i in enumerate(p.daftar_indikator or [None]):
                    k = data.kinerja_tahun(i) if i else None
                    baris.append(
                        Baris(
                            [
                                teks(f"{s.kode} {s.uraian}" if pertama else ""),
                                teks(f"{nomor}. {p.uraian}" if j == 0 else ""),
                                teks(i.uraian if i else ""),
                                *(sel_kinerja(data, i, k, tahun) if k else [kosong(), kosong(), kosong()]),
                                teks(data.rencana_tindak_lanjut(i) if i else ""),
                                teks(p.bidang.nama if p.bidang_id and j == 0 else ""),
                            ],
                            kunci=f"indikator-{i.pk}" if i else f"program-{p.pk}",
                        )
                    )
                    pertama = False
    naskah.tabel(
        "capaian-program",
        f"Capaian Indikator Program Tahun {tahun}",
        [Kolom(16), Kolom(18), Kolom(22), Kolom(8), Kolom(8), Kolom(9), Kolom(22), Kolom(14)],
        [
            [
                Kepala("Sasaran Strategis"),
                Kepala("Program"),
                Kepala("Indikator Program"),
                Kepala("Target"),
                Kepala("Realisasi"),
                Kepala("Capaian (%)"),
                Kepala("Rencana Tindak Lanjut"),
                Kepala("Penanggung Jawab"),
            ]
        ],
        baris,
        lebar=True,
    )


def bab_akuntabilitas_kinerja(data, naskah):
    from .per_iku import analisis_per_iku  # a section per indicator, built on this module's cells

    tahun = data.tahun
    naskah.bab("3", "Akuntabilitas Kinerja", nomor="BAB III")
    naskah.paragraf(
        "Pengukuran kinerja dilakukan dengan membandingkan target setiap indikator dengan realisasinya. Nilai "
        f"capaian {'dipotong' if rules.pembulatan() == rules.POTONG else 'dibulatkan setengah ke atas'} pada dua "
        "desimal sebelum digolongkan."
    )
    _predikat_tabel(data, naskah)
    naskah.judul(f"Capaian Kinerja Tahun {tahun}", nomor="3.1")
    _capaian_iku(data, naskah)
    _capaian_tahunan(data, naskah)
    _per_status(data, naskah)
    _per_kategori(data, naskah)
    naskah.judul("Pengukuran, Evaluasi dan Analisis Kinerja Sasaran Strategis", nomor="3.1.1", tingkat=3)
    _rata_rata_tujuan_sasaran(data, naskah)
    _target_akhir(data, naskah)
    _program(data, naskah)
    analisis_per_iku(data, naskah)
    perbandingan_nasional(data, naskah)
    naskah.judul("Kinerja Lainnya", nomor="3.2")
    naskah.tulisan("kinerja_lainnya")
    hasil_evaluasi_sakip(data, naskah)

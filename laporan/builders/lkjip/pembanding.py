"""Bab III's comparisons beyond the agency's own targets: its indicators against the national and
provincial values (seed 003, 3.1.3.2: "IDG Nasional tahun 2023 yaitu 76,59 dan IDG Provinsi 58,22
serta IDG Kabupaten Belitung ... 53,47") and the SAKIP evaluation scores of the years (Tabel 3.40),
both typed in the Admin (kinerja.NilaiPembanding, kinerja.NilaiSakip). Without data a sentence
says where to enter it."""

from decimal import Decimal

from django.utils.text import slugify

from kinerja import rules
from kinerja.models import NilaiPembanding
from laporan.dokumen import Baris, Kepala, Kolom, angka, kosong, nilai, persen, teks

from .kalimat import daftar_kata

ADMIN_PEMBANDING = "Admin › Kinerja › Nilai pembanding indikator"
ADMIN_SAKIP = "Admin › Kinerja › Nilai SAKIP"
URUTAN_TINGKAT = {t: n for n, t in enumerate(NilaiPembanding.Tingkat.values)}


def pembanding_terbaru(data):
    """{indikator id: [NilaiPembanding]}: of each source the latest value up to the report's year,
    nasional first, then provinsi, then other regencies; only the indicators of the Renstra."""
    terbaru = {}
    for p in sorted(data.pembanding, key=lambda p: p.tahun):
        if p.indikator_id and p.nilai is not None:
            terbaru[p.indikator_id, p.tingkat, p.sumber] = p
    hasil = {}
    for p in sorted(terbaru.values(), key=lambda p: (URUTAN_TINGKAT[p.tingkat], p.sumber)):
        hasil.setdefault(p.indikator_id, []).append(p)
    return hasil


def _banding(realisasi, pembanding):
    if realisasi > pembanding:
        return "lebih tinggi dari"
    return "lebih rendah dari" if realisasi < pembanding else "sama dengan"


def kalimat_pembanding(indikator, realisasi, tahun, daftar):
    """ "Realisasi Indeks Pemberdayaan Gender (IDG) tahun 2024 sebesar 53,47, lebih rendah dari nilai
    nasional tahun 2023 (Kemen PPPA) 76,59 dan ...": "" without a numeric realisation."""
    if not isinstance(realisasi, Decimal):
        return ""
    bagian = [
        f"{_banding(realisasi, p.nilai)} nilai {p.get_tingkat_display().lower()} tahun {p.tahun} ({p.sumber}) "
        f"{rules.format_nilai(p.nilai)}"
        for p in daftar
    ]
    return f"Realisasi {indikator.uraian} tahun {tahun} sebesar {rules.format_nilai(realisasi)}, {daftar_kata(bagian)}."


def tabel_sumber(data):
    """[(sumber, tahun, [NilaiPembanding])]: the rows of each source's own table of indicators (those
    with an `uraian`), of the latest year the source has up to the report's year, in the source's order."""
    per_sumber = {}
    for p in data.pembanding:
        if p.uraian:
            per_sumber.setdefault(p.sumber, {}).setdefault(p.tahun, []).append(p)
    hasil = []
    for sumber, per_tahun in per_sumber.items():
        tahun = max(per_tahun)
        hasil.append((sumber, tahun, sorted(per_tahun[tahun], key=lambda p: (p.urutan, p.pk))))
    return sorted(hasil, key=lambda t: (URUTAN_TINGKAT[t[2][0].tingkat], t[0]))


def rata_rata(daftar):
    """The mean of the printed capaian of the rows that print one; None without any."""
    capaian = [p.capaian for p in daftar if p.capaian is not None]
    return sum(capaian, Decimal(0)) / len(capaian) if capaian else None


def label_kelompok(kelompok):
    """ "Sasaran Strategis 1: Meningkatkan ..." → "Sasaran Strategis 1": the heading's label for its mean row."""
    return kelompok.partition(":")[0].strip()


def _baris_rata_rata(label, daftar, kunci):
    return Baris(
        [kosong(), teks(f"Rata-rata capaian {label}"), kosong(3), persen(rata_rata(daftar))],
        jenis="jumlah",
        kunci=kunci,
    )


def ringkasan_sumber(naskah, sumber, tahun, daftar):
    """One source's own table of indicators as it prints it (seed 003, Tabel 3.1 "Ringkasan Capaian
    Kinerja Kemen PPPA Tahun 2023"), grouped by `kelompok` with the mean capaian of each and of all."""
    kelompok = {}
    for p in daftar:
        kelompok.setdefault(p.kelompok, []).append(p)
    baris, n = [], 0
    for judul, isi in kelompok.items():
        if judul:
            baris.append(
                Baris(
                    [teks(judul, kolom=6)],
                    jenis="kelompok",
                    kunci=f"kelompok-{slugify(sumber)}-{tahun}-{label_kelompok(judul)}",
                )
            )
        for p in isi:
            n += 1
            baris.append(
                Baris(
                    [
                        teks(f"{n}."),
                        teks(p.nama),
                        teks(p.satuan),
                        teks(p.target),
                        nilai(p.realisasi),
                        nilai(p.capaian),
                    ],
                    tingkat=1 if judul else 0,
                    kunci=f"pembanding-{p.pk}",
                )
            )
        if judul and len(kelompok) > 1:
            baris.append(
                _baris_rata_rata(
                    label_kelompok(judul), isi, f"rata-rata-{slugify(sumber)}-{tahun}-{label_kelompok(judul)}"
                )
            )
    baris.append(_baris_rata_rata("kinerja", daftar, f"rata-rata-{slugify(sumber)}-{tahun}"))
    naskah.tabel(
        f"ringkasan-{slugify(sumber)}-{tahun}",
        f"Ringkasan Capaian Kinerja {sumber} Tahun {tahun}",
        [Kolom(5), Kolom(40, menjorok=True), Kolom(8), Kolom(12), Kolom(12), Kolom(10)],
        [
            [
                Kepala("No."),
                Kepala("Indikator Kinerja"),
                Kepala("Satuan"),
                Kepala("Target"),
                Kepala("Realisasi"),
                Kepala("Capaian (%)"),
            ]
        ],
        baris,
        catatan=[
            f"Target, realisasi dan capaian sebagaimana dicetak {sumber}; rata-rata capaian dihitung oleh Kinerja "
            f"dari capaian tercetak ({ADMIN_PEMBANDING})."
        ],
    )


def perbandingan_nasional(data, naskah):
    """The sources' own tables of indicators, then the agency's indicators against the national,
    provincial and other regencies' values."""
    tahun = data.tahun
    naskah.judul("Perbandingan dengan Capaian Nasional dan Provinsi", nomor="3.1.4", tingkat=3)
    tabel = tabel_sumber(data)
    if tabel:
        naskah.paragraf(
            "Berikut ditampilkan ringkasan capaian kinerja nasional dan provinsi sebagaimana diterbitkan sumbernya."
        )
    for sumber, tahun_sumber, daftar in tabel:
        ringkasan_sumber(naskah, sumber, tahun_sumber, daftar)
    per_indikator = pembanding_terbaru(data)
    indikator = [i for i in data.indikator if i.pk in per_indikator]
    if not indikator:
        if tabel:
            naskah.paragraf(
                f"Belum ada indikator Renstra tahun {tahun} yang dihubungkan dengan nilai nasional, provinsi atau "
                f"kabupaten/kota lain ({ADMIN_PEMBANDING})."
            )
            return
        naskah.paragraf(
            f"Belum ada nilai nasional, provinsi atau kabupaten/kota lain untuk indikator Renstra tahun {tahun}. "
            f"Nilai pembanding diisikan pada {ADMIN_PEMBANDING}."
        )
        return
    naskah.paragraf(
        f"Realisasi indikator tahun {tahun} dibandingkan dengan nilai terbaru yang tersedia di tingkat nasional, "
        "provinsi dan kabupaten/kota lain sebagai berikut."
    )
    baris, kalimat = [], []
    for n, i in enumerate(indikator, start=1):
        k = data.kinerja_tahun(i)
        realisasi = k.nilai_tahunan if k else None
        for j, p in enumerate(per_indikator[i.pk]):
            pertama = j == 0
            baris.append(
                Baris(
                    [
                        teks(str(n) if pertama else ""),
                        teks(i.uraian if pertama else ""),
                        teks(i.satuan if pertama else ""),
                        data.tandai(nilai(realisasi), i, "realisasi", tahun) if pertama else kosong(),
                        teks(p.get_tingkat_display()),
                        teks(p.sumber),
                        teks(str(p.tahun)),
                        nilai(p.nilai),
                        teks(p.keterangan),
                    ],
                    kunci=f"pembanding-{p.pk}",
                )
            )
        kalimat.append(kalimat_pembanding(i, realisasi, tahun, per_indikator[i.pk]))
    naskah.tabel(
        "pembanding-nasional",
        f"Perbandingan Realisasi Indikator Tahun {tahun} dengan Tingkat Nasional dan Provinsi",
        [Kolom(4), Kolom(22), Kolom(8), Kolom(10), Kolom(10), Kolom(16), Kolom(6), Kolom(9), Kolom(22)],
        [
            [
                Kepala("No"),
                Kepala("Indikator Kinerja"),
                Kepala("Satuan"),
                Kepala(f"Realisasi {tahun}"),
                Kepala("Tingkat"),
                Kepala("Sumber"),
                Kepala("Tahun"),
                Kepala("Nilai"),
                Kepala("Keterangan"),
            ]
        ],
        baris,
        lebar=True,
        catatan=[f"Nilai pembanding: nilai terbaru setiap sumber sampai tahun {tahun} ({ADMIN_PEMBANDING})."],
    )
    naskah.paragraf(*kalimat)


def hasil_evaluasi_sakip(data, naskah):
    """The agency's SAKIP evaluation scores up to the report's year (seed 003, Tabel 3.40)."""
    tahun = data.tahun
    naskah.judul("Hasil Evaluasi SAKIP", nomor="3.2.1", tingkat=3)
    if not data.nilai_sakip:
        naskah.paragraf(
            f"Belum ada nilai hasil evaluasi SAKIP perangkat daerah ini sampai tahun {tahun}. "
            f"Nilai SAKIP diisikan pada {ADMIN_SAKIP}."
        )
        return
    baris = [
        Baris(
            [
                teks(str(n)),
                teks(str(s.tahun)),
                teks(s.evaluator),
                angka(s.nilai),
                teks(s.predikat),
                teks(s.keterangan),
            ],
            kunci=f"sakip-{s.tahun}",
        )
        for n, s in enumerate(data.nilai_sakip, start=1)
    ]
    naskah.tabel(
        "nilai-sakip",
        "Hasil Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)",
        [Kolom(4), Kolom(8), Kolom(22), Kolom(10), Kolom(10), Kolom(30)],
        [
            [
                Kepala("No"),
                Kepala("Tahun"),
                Kepala("Evaluator"),
                Kepala("Nilai Hasil Evaluasi"),
                Kepala("Tingkat Akuntabilitas Kinerja"),
                Kepala("Keterangan"),
            ]
        ],
        baris,
    )
    akhir = data.nilai_sakip[-1]
    naskah.paragraf(
        f"Hasil evaluasi SAKIP terakhir (tahun {akhir.tahun}, {akhir.evaluator}) bernilai "
        f"{rules.format_angka(akhir.nilai)} dengan predikat {akhir.predikat}."
    )

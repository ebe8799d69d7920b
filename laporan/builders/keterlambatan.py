"""The lateness board (kinerja.keterlambatan) as a table and a document: shown on the page,
exported to XLSX and PDF from the same cells. `tautan` gives an agency's quarter's address."""

from django.utils import timezone

from kinerja import rules
from kinerja.periode import romawi
from kinerja.tenggat import Keadaan
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Tabel, kosong, nilai, teks


def _tanpa(*_):
    return ""


def _status(b):
    s = b.status
    label = s.label
    if s.jumlah_unit > 1:
        label += f" ({s.diverifikasi}/{s.jumlah_unit} diverifikasi)"
    return label


def _tenggat(b):
    """The due state with its days; a quarter submitted late says by how many days."""
    if b.diajukan_terlambat:
        return teks(f"{b.tenggat.label} · terlambat {b.hari_terlambat} hari")
    return teks(b.tenggat.teks, kelas="terlambat" if b.keadaan == Keadaan.TERLAMBAT else "")


def tabel_keterlambatan(papan, tautan=_tanpa):
    """A row per agency and quarter: status, due state, deadline, days late, reminders sent,
    recommendations open; the region's totals last."""
    baris = [
        Baris(
            [
                teks(str(n)),
                teks(b.opd.nama, tautan=tautan(b)),
                teks(f"TW {romawi(b.triwulan)}"),
                teks(_status(b), kelas=f"status-{b.status.status}"),
                _tenggat(b),
                teks(rules.format_tanggal(timezone.localtime(b.tenggat.batas))),
                nilai(b.hari_terlambat),
                nilai(b.pengingat),
                nilai(b.rekomendasi_terbuka),
            ],
            kunci=f"opd-{b.opd.pk}-tw{b.triwulan}",
        )
        for n, b in enumerate(papan.baris, start=1)
    ]
    ringkas = ", ".join(f"{n} {k.label.lower()}" for k, n in papan.jumlah_keadaan() if n)
    baris.append(
        Baris(
            [
                teks(f"Wilayah ({len({b.opd.pk for b in papan.baris})} perangkat daerah)", kolom=4),
                teks(ringkas),
                kosong(kolom=2),
                nilai(papan.pengingat),
                nilai(papan.rekomendasi_terbuka),
            ],
            jenis="jumlah",
            kunci="wilayah",
        )
    )
    kepala = [
        [
            Kepala("No"),
            Kepala("Perangkat daerah", urut="nama"),
            Kepala("Triwulan", urut="triwulan"),
            Kepala("Status pelaporan"),
            Kepala("Tenggat", urut="keadaan"),
            Kepala("Batas waktu"),
            Kepala("Hari terlambat", urut="terlambat"),
            Kepala("Pengingat terkirim", urut="pengingat"),
            Kepala("Rekomendasi belum selesai", urut="rekomendasi"),
        ]
    ]
    kolom = [Kolom(4), Kolom(34), Kolom(8), Kolom(18), Kolom(24), Kolom(14), Kolom(9), Kolom(9), Kolom(11)]
    return Tabel(
        "Keterlambatan pelaporan",
        kolom,
        kepala,
        baris,
        judul=f"Keterlambatan pelaporan triwulan tahun {papan.tahun}",
        kunci="keterlambatan",
        catatan=_catatan(),
    )


def _catatan():
    return [
        "Tenggat: belum waktunya (triwulan belum berakhir), jatuh tempo (triwulan berakhir, batas waktu belum lewat), "
        "terlambat (batas waktu lewat dan belum diajukan, termasuk yang dikembalikan), sudah diajukan. Batas waktu "
        "menurut KINERJA_BATAS_WAKTU_TRIWULAN atau perpanjangan bagi perangkat daerah itu.",
        "Hari terlambat: hari sejak batas waktu bagi yang belum diajukan, atau sesudah batas waktu saat diajukan. "
        "Perangkat daerah yang melapor per bidang: bidang yang paling tertinggal.",
        "Pengingat terkirim: pesan pengingat yang tercatat untuk perangkat daerah dan triwulan itu. Rekomendasi belum "
        "selesai: tindak lanjut rekomendasi verifikator yang dijawab pada triwulan itu dan belum selesai.",
    ]


def laporan_keterlambatan(papan, tanggal=None):
    """The board as a document for PDF and XLSX."""
    return Laporan(
        kode="dasbor-keterlambatan",
        judul=["Keterlambatan pelaporan perangkat daerah", f"Tahun {papan.tahun}"],
        keterangan=[("Dicetak", rules.format_tanggal(tanggal or timezone.localdate()))],
        bagian=[tabel_keterlambatan(papan)],
        orientasi="landscape",
        padat=True,
        nama_berkas=f"dasbor-keterlambatan-{papan.tahun}",
    )

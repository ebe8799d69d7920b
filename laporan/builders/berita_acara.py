"""Berita Acara Evaluasi Renja Triwulan: the Bappeda's record of its evaluation of an agency's
quarter, asked for by the SAKIP evaluation (PermenPAN-RB 88/2021, criteria BKUR002.3–.4).

It states who verified the agency's submissions of the quarter and when, the summary of the
Evaluasi Renja of the same year up to the quarter (its indicators per predikat, rata-rata capaian
kinerja and predikat, serapan: `evaluasi_renja.ringkasan_evaluasi_renja`, so that the two never
differ), the verifikator's findings and recommendations (kinerja.CatatanDiskusi of kind temuan and
rekomendasi), the follow-up of the previous quarter's recommendations answered in this one
(kinerja.TindakLanjut), and is signed by the agency's head and for the Bappeda (settings
KINERJA_BAPPEDA_*). A quarter not verified yet is printed as a draft.

The region's Berita Acara lists every agency of the quarter with the same figures, one row each.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from kinerja import rules
from kinerja.models import CatatanDiskusi, Pelaporan, TindakLanjut
from kinerja.periode import akhir_triwulan, romawi
from kinerja.selectors import skala_laporan
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Paragraf, Penanda, Tabel, nilai, persen, rupiah, teks

from .evaluasi_renja import ringkasan_evaluasi_renja
from .perjanjian_kinerja import NAMA_KOSONG
from .umum import keterangan, nama_berkas, penanda_kepala

KODE = "berita-acara"
KODE_WILAYAH = "berita-acara-wilayah"
JUDUL = "BERITA ACARA EVALUASI RENJA TRIWULAN"
DRAF = "DRAF — triwulan ini belum diverifikasi"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah (Bappeda)"
JABATAN_BAPPEDA = "Kepala Badan Perencanaan Pembangunan Daerah"
SELURUHNYA = "Triwulan ini seluruhnya"
PENUTUP = (
    "Demikian Berita Acara ini dibuat dan ditandatangani bersama untuk dipergunakan sebagaimana mestinya. "
    "Rekomendasi di atas ditindaklanjuti oleh perangkat daerah pada isian triwulan berikutnya."
)
BELUM_ADA_PELAPORAN = "Belum ada pelaporan"
TANPA_TINDAK_LANJUT = "Tidak ada rekomendasi triwulan sebelumnya yang ditindaklanjuti pada triwulan ini."
RINCIAN_WILAYAH = (
    "Rincian temuan dan rekomendasi setiap perangkat daerah dimuat dalam Berita Acara perangkat daerah itu."
)
TANPA_CAPAIAN = "Belum ada capaian yang terhitung."
TANPA_SERAPAN = "Pagu atau realisasi anggaran belum ada."


# ---------------------------------------------------------------------------------------------
# What the Berita Acara of one agency says
# ---------------------------------------------------------------------------------------------


@dataclass
class RingkasanBeritaAcara:
    """One agency's quarter: its submissions, whether all are verified (and when last), the
    Evaluasi Renja's summary (evaluasi_renja.RingkasanRenja), the findings and recommendations
    written on its submissions and the follow-up answered in the quarter."""

    opd: object
    tahun: int
    triwulan: int
    pelaporan: list
    renja: object
    temuan: list = field(default_factory=list)
    rekomendasi: list = field(default_factory=list)
    tindak_lanjut: list = field(default_factory=list)

    @property
    def diverifikasi(self):
        """Every submission of the quarter verified (and at least one made)."""
        return bool(self.pelaporan) and all(p.status == Pelaporan.Status.DIVERIFIKASI for p in self.pelaporan)

    @property
    def diverifikasi_pada(self):
        """The day the last submission of the quarter was verified (local), None before."""
        if not self.diverifikasi:
            return None
        waktu = [p.diverifikasi_pada for p in self.pelaporan if p.diverifikasi_pada]
        return timezone.localdate(max(waktu)) if waktu else None

    @property
    def status(self):
        """The quarter's state in words, for the region's table."""
        if not self.pelaporan:
            return BELUM_ADA_PELAPORAN
        if self.diverifikasi:
            pada = self.diverifikasi_pada
            return "Diverifikasi" + (f" {rules.format_tanggal(pada)}" if pada else "")
        status = {p.get_status_display() for p in self.pelaporan}
        return ", ".join(sorted(status))


def ringkasan_berita_acara(opd, tahun, triwulan):
    """The RingkasanBeritaAcara of `opd`'s `triwulan` of `tahun`: the Evaluasi Renja's queries
    and three more."""
    pelaporan = list(
        Pelaporan.objects.filter(opd=opd, tahun=tahun, triwulan=triwulan)
        .select_related("bidang", "diajukan_oleh", "diverifikasi_oleh")
        .order_by("bidang__nama", "pk")
    )
    catatan = list(
        CatatanDiskusi.objects.filter(
            pelaporan__opd=opd,
            pelaporan__tahun=tahun,
            pelaporan__triwulan=triwulan,
            jenis__in=[CatatanDiskusi.Jenis.TEMUAN, CatatanDiskusi.Jenis.REKOMENDASI],
        )
        .select_related("indikator", "pelaporan__bidang")
        .order_by("dibuat_pada", "pk")
    )
    tindak_lanjut = list(
        TindakLanjut.objects.filter(opd=opd, tahun=tahun, triwulan=triwulan)
        .select_related("rekomendasi__indikator", "rekomendasi__pelaporan", "bidang")
        .order_by("rekomendasi__dibuat_pada", "pk")
    )
    return RingkasanBeritaAcara(
        opd=opd,
        tahun=tahun,
        triwulan=triwulan,
        pelaporan=pelaporan,
        renja=ringkasan_evaluasi_renja(opd, tahun, triwulan),
        temuan=[c for c in catatan if c.jenis == CatatanDiskusi.Jenis.TEMUAN],
        rekomendasi=[c for c in catatan if c.jenis == CatatanDiskusi.Jenis.REKOMENDASI],
        tindak_lanjut=tindak_lanjut,
    )


# ---------------------------------------------------------------------------------------------
# Parts
# ---------------------------------------------------------------------------------------------


def _waktu(waktu):
    return rules.format_waktu(timezone.localtime(waktu)) if waktu else ""


def _orang(user):
    return str(user) if user is not None else ""


def _nama_bappeda():
    return settings.KINERJA_BAPPEDA_NAMA or BAPPEDA


def penanda_bappeda(tempat="", tanggal=None, sebutan=""):
    """The signature for the Bappeda (settings KINERJA_BAPPEDA_*; a dotted line for a name not set)."""
    return Penanda(
        jabatan=settings.KINERJA_BAPPEDA_JABATAN or JABATAN_BAPPEDA,
        nama=settings.KINERJA_BAPPEDA_KEPALA or NAMA_KOSONG,
        nip=settings.KINERJA_BAPPEDA_NIP,
        tempat=tempat,
        tanggal=tanggal,
        sebutan=sebutan,
    )


def _periode(tahun, triwulan):
    awal = datetime.date(tahun, 3 * triwulan - 2, 1)
    return f"{rules.format_tanggal(awal)} s.d. {rules.format_tanggal(akhir_triwulan(tahun, triwulan))}"


def _pembuka(opd, tahun, triwulan, tanggal):
    return Paragraf(
        f"Pada tanggal {rules.format_tanggal(tanggal)}, {_nama_bappeda()} telah melaksanakan evaluasi terhadap "
        f"realisasi Rencana Kerja (Renja) {opd.nama} Tahun {tahun} sampai dengan Triwulan {romawi(triwulan)} "
        f"(triwulan {_periode(tahun, triwulan)}), berdasarkan isian dan pelaporan perangkat daerah, "
        "dengan hasil sebagai berikut."
    )


def _tabel_pelaporan(r):
    baris = [
        Baris(
            [
                teks(p.bidang.nama if p.bidang else r.opd.nama),
                teks(p.get_status_display()),
                teks(" ".join(x for x in (_orang(p.diajukan_oleh), _waktu(p.diajukan_pada)) if x)),
                teks(" ".join(x for x in (_orang(p.diverifikasi_oleh), _waktu(p.diverifikasi_pada)) if x)),
            ],
            kunci=f"pelaporan-{p.pk}",
        )
        for p in r.pelaporan
    ]
    if not baris:
        baris = [Baris([teks(f"{BELUM_ADA_PELAPORAN} triwulan ini.", kolom=4)])]
    return Tabel(
        "Pelaporan",
        [Kolom(26), Kolom(12), Kolom(26), Kolom(26)],
        [[Kepala("Unit pelapor"), Kepala("Status"), Kepala("Diajukan oleh, pada"), Kepala("Diverifikasi oleh, pada")]],
        baris=baris,
        judul=f"A. Pelaporan Triwulan {romawi(r.triwulan)}",
        kunci="pelaporan",
    )


def _persen(x, alasan):
    """A percentage, or "–" with the reason it cannot be computed."""
    return persen(x, catatan="" if x is not None else alasan)


def _tabel_ringkasan(r):
    renja, tw = r.renja, romawi(r.triwulan)
    baris = [Baris([teks("Jumlah indikator yang dievaluasi"), nilai(renja.jumlah_indikator)], kunci="jumlah-indikator")]
    for rentang, n in renja.per_predikat:
        label = (
            f"Indikator berpredikat {rentang.label} (capaian {rentang.uraian}%)"
            if rentang
            else "Indikator yang capaiannya belum dapat dihitung"
        )
        baris.append(Baris([teks(label), nilai(n)], 1, kunci=f"predikat-{rentang.label if rentang else 'belum'}"))
    baris += [
        Baris([teks("Rata-rata capaian kinerja"), _persen(renja.rata_rata, TANPA_CAPAIAN)], kunci="rata-rata"),
        Baris([teks("Predikat kinerja"), teks(renja.predikat.label if renja.predikat else "–")], kunci="predikat"),
        Baris([teks("Pagu anggaran tahun ini"), rupiah(renja.pagu)], kunci="pagu"),
        Baris([teks(f"Realisasi anggaran s.d. Triwulan {tw}"), rupiah(renja.realisasi)], kunci="realisasi"),
        Baris([teks(f"Serapan anggaran s.d. Triwulan {tw}"), _persen(renja.serapan, TANPA_SERAPAN)], kunci="serapan"),
    ]
    return Tabel(
        "Hasil Evaluasi Renja",
        [Kolom(60), Kolom(24)],
        [[Kepala("Uraian"), Kepala("Hasil")]],
        baris=baris,
        judul=f"B. Hasil Evaluasi Renja Tahun {r.tahun} s.d. Triwulan {tw}",
        kunci="hasil",
    )


def _indikator(catatan):
    return catatan.indikator.uraian if catatan.indikator_id else SELURUHNYA


def _tabel_catatan(daftar, nama, huruf, kunci):
    baris = [
        Baris([teks(str(n)), teks(_indikator(c)), teks(c.isi)], kunci=f"{kunci}-{c.pk}")
        for n, c in enumerate(daftar, start=1)
    ]
    if not baris:
        baris = [Baris([teks(f"Tidak ada {nama.lower()} pada triwulan ini.", kolom=3)])]
    return Tabel(
        nama,
        [Kolom(4), Kolom(30), Kolom(56)],
        [[Kepala("No."), Kepala("Indikator"), Kepala(nama)]],
        baris=baris,
        judul=f"{huruf}. {nama} Verifikator",
        kunci=kunci,
    )


def _tabel_tindak_lanjut(r):
    baris = []
    for n, t in enumerate(r.tindak_lanjut, start=1):
        asal = t.rekomendasi.pelaporan
        rekomendasi = f"{t.rekomendasi.isi} (TW {romawi(asal.triwulan)} {asal.tahun}; {_indikator(t.rekomendasi)})"
        baris.append(
            Baris(
                [teks(str(n)), teks(rekomendasi), teks(t.get_status_display()), teks(t.catatan)],
                kunci=f"tindak-lanjut-{t.pk}",
            )
        )
    if not baris:
        baris = [Baris([teks(TANPA_TINDAK_LANJUT, kolom=4)])]
    return Tabel(
        "Tindak Lanjut",
        [Kolom(4), Kolom(40), Kolom(14), Kolom(32)],
        [[Kepala("No."), Kepala("Rekomendasi triwulan sebelumnya"), Kepala("Status"), Kepala("Catatan tindak lanjut")]],
        baris=baris,
        judul="E. Tindak Lanjut Rekomendasi Triwulan Sebelumnya",
        kunci="tindak-lanjut",
    )


def _tempat(opd=None):
    return (opd.kota if opd is not None else "") or settings.KINERJA_TEMPAT_TTD


# ---------------------------------------------------------------------------------------------
# The reports
# ---------------------------------------------------------------------------------------------


def build_berita_acara(opd, tahun, triwulan=None, bidang=None, tanggal=None):
    """The Berita Acara of `opd`'s `triwulan` (4 when None) of `tahun`, dated `tanggal` (the day
    the quarter was verified when None, today before). `bidang` does not apply: the Bappeda
    evaluates the agency."""
    triwulan = triwulan or 4
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan harus 1, 2, 3 atau 4.")
    r = ringkasan_berita_acara(opd, tahun, triwulan)
    tanggal = tanggal or r.diverifikasi_pada or timezone.localdate()
    judul = [f"{JUDUL} {romawi(triwulan)} TAHUN {tahun}", opd.nama]
    if not r.diverifikasi:
        judul.append(DRAF)
    kepala = dataclasses.replace(
        penanda_kepala(opd), tempat="", tanggal=None, sebutan="Perangkat daerah yang dievaluasi,"
    )
    if not kepala.nama:
        kepala.nama = NAMA_KOSONG
    laporan = Laporan(
        kode=KODE,
        judul=judul,
        keterangan=[*keterangan(opd, tahun, triwulan), ("Status", r.status)],
        bagian=[
            _pembuka(opd, tahun, triwulan, tanggal),
            _tabel_pelaporan(r),
            _tabel_ringkasan(r),
            _tabel_catatan(r.temuan, "Temuan", "C", "temuan"),
            _tabel_catatan(r.rekomendasi, "Rekomendasi", "D", "rekomendasi"),
            _tabel_tindak_lanjut(r),
            Paragraf(PENUTUP),
        ],
        penanda=[kepala, penanda_bappeda(_tempat(opd), tanggal, sebutan="Bappeda selaku evaluator,")],
        orientasi="portrait",
        nama_berkas=nama_berkas(KODE, opd, tahun, triwulan),
    )
    laporan.catatan = _catatan(r.renja)
    return laporan


def _catatan(renja):
    if not renja.ada_renstra:
        return ["Tidak ada Renstra yang berlaku pada tahun ini: ringkasan Evaluasi Renja kosong."]
    return [
        "Angka hasil evaluasi sama dengan baris penutup Evaluasi Hasil Renja (Permendagri 86/2017) tahun dan "
        "triwulan yang sama: indikator yang dihitung dalam rata-rata capaian kinerja, tanpa rincian dan sub "
        "kegiatan refocusing.",
        f"Predikat menurut {renja.skala.nama}: "
        + "; ".join(f"{x.label} {x.uraian}" for x in renja.skala.rentang)
        + ".",
    ]


def _catatan_wilayah(daftar, tahun):
    """The notes of the agencies' figures (as each Berita Acara's), and the agencies without a Renstra."""
    ada = [r for r in daftar if r.renja.ada_renstra]
    catatan = _catatan(ada[0].renja) if ada else []
    tanpa = [r.opd.nama for r in daftar if not r.renja.ada_renstra]
    if tanpa:
        catatan.append(f"Tidak ada Renstra yang berlaku pada tahun {tahun}: {'; '.join(tanpa)}.")
    return catatan


KOLOM_WILAYAH_DEPAN = ("No.", "Perangkat daerah", "Status pelaporan", "Jumlah indikator")
KOLOM_WILAYAH_BELAKANG = ("Rata-rata capaian kinerja (%)", "Predikat", "Serapan anggaran (%)", "Temuan", "Rekomendasi")


def baris_wilayah(n, r):
    """The region's row of one agency (RingkasanBeritaAcara); empty figures without a Renstra."""
    renja = r.renja
    per_predikat = [nilai(x) for _, x in renja.per_predikat] or [nilai(None)] * (len(renja.skala.rentang) + 1)
    return Baris(
        [
            teks(str(n)),
            teks(r.opd.nama),
            teks(r.status),
            nilai(renja.jumlah_indikator if renja.ada_renstra else None),
            *per_predikat,
            _persen(renja.rata_rata, TANPA_CAPAIAN),
            teks(renja.predikat.label if renja.predikat else ""),
            _persen(renja.serapan, TANPA_SERAPAN),
            nilai(len(r.temuan)),
            nilai(len(r.rekomendasi)),
        ],
        kunci=f"opd-{r.opd.pk}",
    )


def build_berita_acara_wilayah(daftar_opd, tahun, triwulan, tanggal=None, wilayah=""):
    """One Berita Acara of the region's `triwulan` of `tahun`: every agency of `daftar_opd` with
    its Berita Acara's figures (`ringkasan_berita_acara`), signed for the Bappeda."""
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan harus 1, 2, 3 atau 4.")
    daftar = [ringkasan_berita_acara(opd, tahun, triwulan) for opd in daftar_opd]
    skala = daftar[0].renja.skala if daftar else skala_laporan("evaluasi_renja")
    band = [*(x.label for x in skala.rentang), "Belum terhitung"]
    depan = [Kepala(t, baris=2) for t in KOLOM_WILAYAH_DEPAN]
    belakang = [Kepala(t, baris=2) for t in KOLOM_WILAYAH_BELAKANG]
    kepala = [[*depan, Kepala("Indikator per predikat", kolom=len(band)), *belakang], [Kepala(b) for b in band]]
    kolom = [Kolom(3), Kolom(26), Kolom(18), Kolom(7), *[Kolom(7) for _ in band], Kolom(9), Kolom(13), Kolom(9),
             Kolom(7), Kolom(8)]  # fmt: skip
    tabel = Tabel(
        "Berita Acara Wilayah",
        kolom,
        kepala,
        baris=[baris_wilayah(n, r) for n, r in enumerate(daftar, start=1)],
        judul=f"Hasil Evaluasi Renja Tahun {tahun} s.d. Triwulan {romawi(triwulan)}",
        kunci="wilayah",
    )
    diverifikasi = sum(1 for r in daftar if r.diverifikasi)
    tanggal = tanggal or timezone.localdate()
    semua_wilayah = {o.wilayah for o in daftar_opd}
    nama_wilayah = wilayah or (semua_wilayah.pop() if len(semua_wilayah) == 1 else "")
    pembuka = Paragraf(
        f"Pada tanggal {rules.format_tanggal(tanggal)}, {_nama_bappeda()} telah melaksanakan evaluasi terhadap "
        f"realisasi Rencana Kerja (Renja) {len(daftar)} perangkat daerah{f' {nama_wilayah}' if nama_wilayah else ''} "
        f"Tahun {tahun} sampai dengan Triwulan {romawi(triwulan)} (triwulan {_periode(tahun, triwulan)}); "
        f"{diverifikasi} di antaranya telah diverifikasi. Hasilnya sebagai berikut."
    )
    judul = [f"{JUDUL} {romawi(triwulan)} TAHUN {tahun}"]
    if nama_wilayah:
        judul.append(nama_wilayah.upper())
    if diverifikasi < len(daftar):
        judul.append(f"DRAF — {len(daftar) - diverifikasi} perangkat daerah belum diverifikasi")
    return Laporan(
        kode=KODE_WILAYAH,
        judul=judul,
        keterangan=[("Tahun", str(tahun)), ("Triwulan", romawi(triwulan)), ("Perangkat daerah", str(len(daftar)))],
        bagian=[pembuka, tabel, Paragraf(RINCIAN_WILAYAH)],
        penanda=[penanda_bappeda(settings.KINERJA_TEMPAT_TTD, tanggal)],
        catatan=_catatan_wilayah(daftar, tahun),
        orientasi="landscape",
        nama_berkas=f"{KODE_WILAYAH}-{tahun}-tw{triwulan}",
    )

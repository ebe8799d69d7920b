"""Manual Indikator Kinerja Utama: how each IKU of the agency's Renstra in force is measured, the
document the SAKIP evaluation asks for as evidence of a measurable IKU (PermenPAN-RB 88/2021,
LKE criterion "Pengukuran": the IKU are defined and their measurement described).

One block per IKU, the two columns "Unsur | Uraian" of the printed manuals: the indicator and the
node it measures, its operational definition, formula with numerator and denominator, unit,
direction, how the year's value is taken from the quarters, data source, frequency, the unit in
charge, the kondisi awal and the Renstra target of each year of the period (the targets of the
Matriks Renstra). An operational definition or a data source not filled in is printed "Belum
diisi", and a note under the blocks counts the IKU that lack it, so that the agency fills them
in (in the admin, Indikator).

The unit in charge is the bidang of the indicator's program, kegiatan or sub kegiatan; for a
tujuan or sasaran indicator, the bidang of the programs serving that sasaran (those of the
tujuan's sasaran for a tujuan's own indicator) in force in the year; else the agency itself.
"""

from django.db.models import Prefetch

from kinerja.selectors import bidang_penanggung_jawab_id
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Tabel, nilai, teks
from renstra.kode import urut_simpul
from renstra.models import Indikator, Program, Sasaran, Target
from renstra.selectors import indikator_berlaku_pada, renstra_berlaku

from .umum import keterangan, nama_berkas, penanda_kepala, sel_target

KODE = "manual-iku"
JUDUL = "MANUAL INDIKATOR KINERJA UTAMA"
BELUM_DIISI = "Belum diisi"
TIDAK_ADA = "—"

KOLOM = [Kolom(26), Kolom(74)]
KEPALA = [[Kepala("Unsur"), Kepala("Uraian")]]


def _indikator(renstra, tahun):
    """The IKU of `renstra` whose node is in force in `tahun`, with their owner chain, scale and
    yearly Renstra targets (two queries)."""
    target = Target.objects.filter(jenis=Target.Jenis.RENSTRA, triwulan__isnull=True).select_related("tingkat")
    return list(
        Indikator.objects.filter(indikator_berlaku_pada(tahun), renstra=renstra, iku=True)
        .select_related(
            "tujuan",
            "sasaran__tujuan",
            "program__bidang",
            "kegiatan__program",
            "sub_kegiatan__kegiatan__program",
            "skala_tingkat",
        )
        .prefetch_related(Prefetch("target", queryset=target, to_attr="target_renstra"))
    )


def _urutan(ind):
    """The order of the plan: tujuan and sasaran indicators first, each tujuan's before its
    sasaran's, then those of programs, kegiatan and sub kegiatan by their codes."""
    if ind.sasaran_id or ind.tujuan_id:
        tujuan = ind.sasaran.tujuan if ind.sasaran_id else ind.tujuan
        sasaran = urut_simpul(ind.sasaran) if ind.sasaran_id else ()
        return (0, urut_simpul(tujuan), bool(ind.sasaran_id), sasaran, ind.urutan, ind.pk)
    tingkat = ("program", "kegiatan", "sub_kegiatan").index(ind.level)
    return (1, tingkat, urut_simpul(ind.pemilik), (), ind.urutan, ind.pk)


def _penunjang(program):
    """The supporting program (x.xx.01, "Penunjang Urusan Pemerintahan Daerah", Permendagri
    90/2019): it serves the agency, and answers for no sasaran's outcome."""
    return program.kode.split(".")[2:3] == ["01"]


def _program_per_sasaran(renstra, tahun):
    """{sasaran id: [bidang names of its programs in force in `tahun`]}, the supporting program's
    only when it is the sasaran's sole program (one query)."""
    per_sasaran = {}
    program = Program.objects.filter(renstra=renstra, sasaran__isnull=False).berlaku_pada(tahun)
    for p in sorted(program.select_related("bidang"), key=urut_simpul):
        per_sasaran.setdefault(p.sasaran_id, []).append(p)
    hasil = {}
    for sasaran_id, daftar in per_sasaran.items():
        pokok = [p for p in daftar if not _penunjang(p)] or daftar
        hasil[sasaran_id] = list(dict.fromkeys(p.bidang.nama for p in pokok if p.bidang_id))
    return hasil


def _penanggung_jawab(ind, bidang, bidang_sasaran, opd, sasaran_tujuan):
    """The unit in charge of `ind`, in words (see the module's docstring)."""
    bidang_id = bidang_penanggung_jawab_id(ind)
    if bidang_id is not None:
        return bidang.get(bidang_id, "")
    sasaran = [ind.sasaran_id] if ind.sasaran_id else sasaran_tujuan.get(ind.tujuan_id, [])
    nama = [n for s in sasaran for n in bidang_sasaran.get(s, [])]
    return "; ".join(dict.fromkeys(nama)) or opd.nama


def _simpul(ind):
    """The node the IKU measures, with its level: "Sasaran 1.1 Meningkatnya ..."."""
    pemilik = ind.pemilik
    nama = f"{ind.nama_level.capitalize()} {pemilik.kode}".strip()
    if ind.tujuan_id and ind.sasaran_id:
        nama = f"Tujuan {ind.tujuan.kode} dan sasaran {pemilik.kode}".replace("  ", " ")
    return f"{nama}: {pemilik.uraian}"


def _arah(ind):
    teks_arah = ind.get_arah_display()
    if ind.arah == Indikator.Arah.NEGATIF and ind.jenis == Indikator.Jenis.KUANTITATIF:
        teks_arah += f"; capaian = {ind.get_metode_negatif_display()}"
    return teks_arah


def _jenis(ind):
    if ind.jenis == Indikator.Jenis.KUALITATIF and ind.skala_tingkat_id:
        return f"{ind.get_jenis_display()}: skala {ind.skala_tingkat.nama}"
    return ind.get_jenis_display()


def _aturan_tahunan(ind):
    """How the year's value is taken from the quarters, in the words of the entry page."""
    if ind.tahunan:
        return "Diukur sekali setahun: realisasi tahunan dilaporkan pada akhir tahun (bersama Triwulan IV)."
    return ind.get_cara_tahunan_display()


def _rumus(ind):
    """The formula as written, else the one the numerator and denominator make, else "—"."""
    if ind.rumusan:
        return ind.rumusan
    if ind.berumus:
        pengali = f" × {ind.pengali.normalize():f}" if ind.pengali != 1 else ""
        return f"{ind.pembilang} / {ind.penyebut}{pengali}"
    return TIDAK_ADA


def _kondisi_awal(ind):
    if ind.kondisi_awal_teks:
        return teks(ind.kondisi_awal_teks)
    return nilai(ind.kondisi_awal) if ind.kondisi_awal is not None else teks(TIDAK_ADA)


def _wajib(isi):
    return teks(isi or BELUM_DIISI, kelas="" if isi else "belum-diisi")


def _blok(nomor, ind, daftar_tahun, penanggung_jawab):
    """The table of one IKU."""
    target = {t.tahun: t for t in ind.target_renstra}
    baris = [
        ("Indikator Kinerja Utama", teks(ind.uraian)),
        ("Tujuan / sasaran yang diukur", teks(_simpul(ind))),
        ("Definisi operasional", _wajib(ind.definisi_operasional)),
        ("Rumus perhitungan", teks(_rumus(ind))),
        ("Pembilang", teks(ind.pembilang or TIDAK_ADA)),
        ("Penyebut", teks(ind.penyebut or TIDAK_ADA)),
        ("Satuan", teks(ind.satuan or TIDAK_ADA)),
        ("Jenis indikator", teks(_jenis(ind))),
        ("Arah (sifat) indikator", teks(_arah(ind))),
        ("Nilai tahunan dari triwulan", teks(_aturan_tahunan(ind))),
        ("Frekuensi pengukuran", teks(ind.get_frekuensi_display())),
        ("Sumber data", _wajib(ind.sumber_data)),
        ("Penanggung jawab", teks(penanggung_jawab)),
        ("Kondisi awal", _kondisi_awal(ind)),
        *[(f"Target {th}", sel_target(target.get(th)) if th in target else teks(TIDAK_ADA)) for th in daftar_tahun],
    ]
    if ind.keterangan:
        baris.append(("Keterangan", teks(ind.keterangan)))
    return Tabel(
        f"IKU {nomor}",
        KOLOM,
        KEPALA,
        baris=[Baris([teks(unsur), sel], kunci=f"{kunci}-{ind.pk}") for unsur, sel, kunci in _berkunci(baris)],
        judul=f"IKU {nomor}. {ind.uraian}",
        kunci=f"iku-{ind.pk}",
    )


def _berkunci(baris):
    """Each (label, cell) with the key its row is found by: "definisi-operasional", "target-2024"."""
    for unsur, sel in baris:
        yield unsur, sel, unsur.split(" (")[0].split(" /")[0].lower().replace(" ", "-")


def _catatan_kosong(daftar, medan, nama):
    kosong = [i for i in daftar if not getattr(i, medan)]
    if not kosong:
        return []
    return [
        f"{len(kosong)} dari {len(daftar)} IKU belum mempunyai {nama} ({BELUM_DIISI}): isi pada data indikator "
        "(Admin, Indikator) agar Manual IKU lengkap."
    ]


def build_manual_iku(opd, tahun, triwulan=None, bidang=None, tanggal=None):
    """The Manual IKU of `opd`'s Renstra in force in `tahun`. `triwulan` and `bidang` are not
    used: the manual is the agency's, for the whole period."""
    renstra = renstra_berlaku(opd, tahun)
    laporan = Laporan(
        kode=KODE,
        judul=[JUDUL, opd.nama],
        keterangan=keterangan(opd, tahun, None, None, renstra),
        bagian=[],
        penanda=[penanda_kepala(opd, tanggal)],
        orientasi="portrait",
        nama_berkas=nama_berkas(KODE, opd, tahun),
    )
    if renstra is None:
        laporan.bagian = [Tabel("Manual IKU", KOLOM, KEPALA)]
        laporan.catatan.append(f"Tidak ada Renstra yang berlaku pada tahun {tahun}.")
        return laporan
    laporan.judul.append(f"Renstra {renstra.periode}")
    daftar = sorted(_indikator(renstra, tahun), key=_urutan)
    bidang_opd = {b.pk: b.nama for b in opd.bidang.all()}
    bidang_sasaran = _program_per_sasaran(renstra, tahun)
    sasaran_tujuan = {}
    for s in sorted(Sasaran.objects.filter(tujuan__renstra=renstra), key=urut_simpul):
        sasaran_tujuan.setdefault(s.tujuan_id, []).append(s.pk)
    laporan.bagian = [
        _blok(n, i, renstra.daftar_tahun, _penanggung_jawab(i, bidang_opd, bidang_sasaran, opd, sasaran_tujuan))
        for n, i in enumerate(daftar, start=1)
    ] or [Tabel("Manual IKU", KOLOM, KEPALA)]
    if not daftar:
        laporan.catatan.append(
            f"Belum ada indikator Renstra {renstra.periode} yang ditandai IKU (Admin, Indikator, kolom IKU)."
        )
        return laporan
    laporan.catatan += [
        f"Target: target Renstra {renstra.periode} per tahun, sebagaimana Matriks Renstra.",
        *_catatan_kosong(daftar, "definisi_operasional", "definisi operasional"),
        *_catatan_kosong(daftar, "sumber_data", "sumber data"),
    ]
    return laporan

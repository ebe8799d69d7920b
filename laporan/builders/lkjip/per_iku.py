"""Bab III, one section per Indikator Kinerja Utama (the tujuan and sasaran indicators,
`data.strategis`), as seed 003 writes its "Capaian Kinerja" per sasaran: a heading, the target,
realisation, capaian and predikat of the year, the comparison with the year before and with the
Renstra's end target, a chart of realisation against target over the years, the problems and
follow-up the operators wrote in the quarterly forms, the budget of the programs that served it,
and the sections only the agency can write (faktor pendorong, penghambat, solusi). Every
sentence follows from the numbers or quotes what the operators typed."""

from decimal import Decimal

from kinerja import rules
from kinerja.models.narasi import PER_INDIKATOR
from kinerja.periode import romawi
from laporan.dokumen import Baris, Kepala, Kolom, kosong, teks
from laporan.grafik import garis

from ..umum import hasil_terhadap_akhir
from .capaian import sel_kinerja, sel_predikat
from .data import jumlah_rupiah
from .kalimat import (
    dengan_satuan,
    kalimat_anggaran_program,
    kalimat_capaian,
    kalimat_perbandingan,
    kalimat_perhitungan,
    teks_target,
    terbilang,
)

WARNA_TARGET, WARNA_REALISASI = "#9aa3ad", "#0b5563"


def kalimat_target_akhir(strategis, tahun, akhir_renstra):
    """The year's realisation against the Renstra's end target, and its capaian."""
    i, k, akhir = strategis.indikator, strategis.kinerja, strategis.akhir
    if akhir is None:
        return f"Target akhir Renstra ({akhir_renstra}) indikator ini belum ditetapkan."
    kalimat = f"Target akhir Renstra ({akhir_renstra}) sebesar {teks_target(akhir, i.satuan)}"
    if k.nilai_tahunan is None:
        return f"{kalimat}; realisasi tahun {tahun} belum tersedia untuk dibandingkan."
    hasil = hasil_terhadap_akhir(i, akhir, k.nilai_tahunan, k.tingkatan)
    if hasil.nilai is None:
        alasan = str(hasil.alasan or "").rstrip(".").lower()
        return f"{kalimat}; capaian terhadapnya belum dapat dihitung: {alasan}."
    return (
        f"{kalimat}; realisasi tahun {tahun} ({dengan_satuan(k.nilai_tahunan, i.satuan)}) mencapai "
        f"{rules.format_persen(hasil.nilai)} dari target akhir tersebut."
    )


def seri_tahunan(data, strategis):
    """(years, targets, realisations) of an indicator over its history and the Renstra's years: the
    target in force each year measured (the Renstra's for the years still to come), the yearly
    realisation; None where a value is not a number (a level) or not there."""
    per_tahun = dict(strategis.riwayat)
    renstra = data.renstra
    target_renstra = dict(zip(renstra.daftar_tahun, strategis.indikator.target_per_tahun, strict=True))
    daftar_tahun = sorted({*per_tahun, *target_renstra})

    def angka(x):
        return x if isinstance(x, (Decimal, int)) else None

    target, realisasi = [], []
    for th in daftar_tahun:
        k = per_tahun.get(th)
        t = k.target if k is not None else target_renstra.get(th)
        target.append(angka(t.nilai) if t is not None else None)
        realisasi.append(angka(k.nilai_tahunan) if k is not None else None)
    return daftar_tahun, target, realisasi


def grafik_iku(data, strategis):
    """The line chart of realisation against target over the years (laporan.grafik.garis), its
    text alternative listing the values; None when no value is a number (a level)."""
    i = strategis.indikator
    daftar_tahun, target, realisasi = seri_tahunan(data, strategis)
    if all(v is None for v in [*target, *realisasi]):
        return None
    judul = f"Target dan Realisasi {i.uraian} ({daftar_tahun[0]}–{daftar_tahun[-1]})"
    grafik = garis(
        daftar_tahun,
        [("Target", target, WARNA_TARGET), ("Realisasi", realisasi, WARNA_REALISASI)],
        judul,
        satuan=i.satuan or "",
    )
    grafik.uraian = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{th} {dengan_satuan(v, i.satuan)}" for th, v in zip(daftar_tahun, daftar, strict=True) if v is not None
        )
        for label, daftar in (("Target", target), ("Realisasi", realisasi))
        if any(v is not None for v in daftar)
    )
    return grafik, judul


def _akhiri(isi):
    """A text typed by an operator, closed by a full stop when it has none."""
    isi = isi.strip()
    return isi if isi.endswith((".", "!", "?")) else f"{isi}."


def kalimat_triwulan(data, indikator):
    """The problems and the follow-up the operators wrote for the indicator, each from the latest
    quarter of the year that has it, or a plain statement that none was written."""
    tahun = data.tahun
    permasalahan = data.permasalahan.get(indikator.pk)
    tindak_lanjut = data.tindak_lanjut.get(indikator.pk)
    kalimat = []
    if permasalahan:
        triwulan, isi = permasalahan
        kalimat.append(f"Permasalahan yang dicatat pada isian triwulan {romawi(triwulan)}: {_akhiri(isi)}")
    else:
        kalimat.append(f"Permasalahan belum ditulis pada isian triwulan tahun {tahun}.")
    if tindak_lanjut:
        kalimat.append(f"Tindak lanjut pada isian triwulan terakhir yang mengisinya: {_akhiri(tindak_lanjut)}")
    else:
        kalimat.append(f"Tindak lanjut belum ditulis pada isian triwulan tahun {tahun}.")
    return kalimat


def program_pendukung(strategis):
    """The programs under the indicator's sasaran, or under every sasaran of its tujuan for a
    tujuan indicator, in code order."""
    sasaran = [strategis.sasaran] if strategis.sasaran is not None else strategis.tujuan.daftar_sasaran
    program = {p.pk: p for s in sasaran for p in s.daftar_program}
    return sorted(program.values(), key=lambda p: p.kode)


def _anggaran(data, naskah, strategis):
    tahun = data.tahun
    program = program_pendukung(strategis)
    if not program:
        naskah.paragraf(f"Tidak ada program yang tercatat di bawah {strategis.label.lower()} ini pada tahun {tahun}.")
        return
    per_program = [(p, data.rupiah_program(p, tahun)) for p in program]
    total = jumlah_rupiah(r for _, r in per_program)
    kalimat = f"Capaian indikator ini didukung oleh {terbilang(len(program))} program"
    if total.berlaku is not None:
        kalimat += f" dengan pagu anggaran tahun {tahun} seluruhnya {rules.format_rupiah(total.berlaku)}"
        if total.realisasi is not None and total.serapan is not None:
            kalimat += f" dan realisasi {rules.format_rupiah(total.realisasi)} ({rules.format_persen(total.serapan)})"
    naskah.paragraf(kalimat + ":")
    naskah.butir((kalimat_anggaran_program(p.uraian, r, tahun) for p, r in per_program), bernomor=True)


def _tabel_tahunan(data, naskah, strategis):
    tahun, skala, i = data.tahun, data.skala, strategis.indikator
    baris = []
    for th, k in ((tahun - 1, strategis.lalu), (tahun, strategis.kinerja)):
        if k is None:
            baris.append(Baris([teks(str(th)), kosong(), kosong(), kosong(), kosong()]))
        else:
            baris.append(Baris([teks(str(th)), *sel_kinerja(data, i, k, th), sel_predikat(skala, k.capaian)]))
    naskah.tabel(
        f"analisis-{i.pk}",
        f"Capaian {i.uraian} Tahun {tahun - 1} dan {tahun}",
        [Kolom(10), Kolom(14), Kolom(14), Kolom(14), Kolom(16)],
        [[Kepala("Tahun"), Kepala("Target"), Kepala("Realisasi"), Kepala("Capaian (%)"), Kepala("Kategori")]],
        baris,
    )


def bagian_iku(data, naskah, nomor, strategis):
    """The section of one indicator."""
    tahun, i = data.tahun, strategis.indikator
    naskah.judul(i.uraian, nomor=f"{nomor})", tingkat=4, daftar_isi=False)
    naskah.paragraf(
        f"{strategis.label} \u201c{strategis.simpul.uraian}\u201d diukur dengan indikator {i.uraian}.",
        kalimat_capaian(strategis.kinerja, data.skala, tahun),
        kalimat_perbandingan(i, strategis.lalu, strategis.kinerja, tahun),
        kalimat_target_akhir(strategis, tahun, data.renstra.tahun_akhir),
    )
    if i.rumusan:
        naskah.paragraf(f"Rumusan: {i.rumusan}.".replace("..", "."))
    perhitungan = kalimat_perhitungan(strategis.kinerja)
    if perhitungan:
        naskah.paragraf(f"Perhitungan tahun {tahun}: {perhitungan}.")
    _tabel_tahunan(data, naskah, strategis)
    hasil = grafik_iku(data, strategis)
    if hasil is not None:
        grafik, judul = hasil
        naskah.gambar(f"iku-{i.pk}", judul, grafik)
    naskah.paragraf(*kalimat_triwulan(data, i))
    _anggaran(data, naskah, strategis)
    for bagian in PER_INDIKATOR:
        naskah.tulisan(bagian, indikator=i)


def analisis_per_iku(data, naskah):
    """Sub-section 3.1.3: a section per tujuan/sasaran indicator."""
    naskah.judul("Analisis Capaian per Indikator", nomor="3.1.3", tingkat=3)
    for nomor, strategis in enumerate(data.strategis, start=1):
        bagian_iku(data, naskah, nomor, strategis)

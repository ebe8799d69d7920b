"""The sentences of the LKjIP that follow from its data, in the way the reports write them:
"Indikator X tercapai 97,62% dari target 98,79% atau capaian 98,82% (Sangat baik)." Numbers are
written by the rules module's formats; counts as "2 (dua)"."""

import re
from decimal import Decimal

from num2words import num2words

from kinerja import rules
from renstra.models import Indikator


def terbilang(n):
    """`2 (dua)`: how the reports write a count."""
    return f"{n} ({num2words(n, lang='id')})"


def daftar_kata(kata):
    """["a", "b", "c"] → "a, b dan c"."""
    kata = [k for k in kata if k]
    if len(kata) <= 1:
        return "".join(kata)
    return f"{', '.join(kata[:-1])} dan {kata[-1]}"


EJAAN_PERSEN = {"%", "persen", "prosentase", "persentase"}


def satuan_persen(satuan):
    """Whether an indicator's unit is a percentage, however it is spelled: "%", "Persen",
    "persen", "Prosentase", "Persentase", "(%)", "Persen (%)"."""
    kata = re.findall(r"[a-z]+|%", (satuan or "").casefold())
    return bool(kata) and set(kata) <= EJAAN_PERSEN


def teks_target(target, satuan):
    """A target as written: its text or level as typed, a range "10–20", else its value with its
    unit."""
    tertulis = target.tertulis or target.tingkat
    if tertulis:
        return tertulis
    if target.bawah is not None:
        return f"{rules.format_nilai(target.bawah)}–{rules.format_nilai(target.atas)}"
    return dengan_satuan(target.nilai, satuan)


def dengan_satuan(nilai, satuan):
    """A realisation or target with its unit: 97,62%, 4,45 per 10.000 penduduk, Pratama."""
    if nilai is None or nilai == "":
        return "–"
    if isinstance(nilai, str):
        return nilai
    teks = rules.format_nilai(nilai)
    if not satuan or satuan.strip().lower() in ("level", "predikat", "indeks", "nilai"):
        return teks
    return f"{teks}%" if satuan_persen(satuan) else f"{teks} {satuan.strip()}"


def target_tertulis(target):
    if target is None:
        return None
    return target.tertulis(lambda d: rules.format_angka(d, desimal=None))


def _predikat(skala, capaian):
    rentang = skala.cari(capaian)
    return rentang.label if rentang else ""


def kalimat_capaian(kinerja, skala, tahun):
    """The result of an indicator in a year, as one sentence."""
    i = kinerja.indikator
    negatif = " (indikator negatif: makin rendah makin baik)" if i.arah == Indikator.Arah.NEGATIF else ""
    if kinerja.capaian is None:
        alasan = str(kinerja.hasil.alasan or "").rstrip(".").lower()
        return f"Indikator {i.uraian}{negatif} belum dapat diukur pada tahun {tahun}: {alasan}."
    realisasi = dengan_satuan(kinerja.nilai_tahunan, i.satuan)
    target = target_tertulis(kinerja.target)
    if isinstance(kinerja.nilai_tahunan, Decimal) and target and kinerja.target.nilai is not None:
        target = dengan_satuan(kinerja.target.nilai, i.satuan)
    return (
        f"Indikator {i.uraian}{negatif} tercapai {realisasi} dari target {target} atau capaian "
        f"{rules.format_persen(kinerja.capaian)} ({_predikat(skala, kinerja.capaian)})."
    )


def _arah_perubahan(selisih, negatif):
    if selisih == 0:
        return "tetap", ""
    naik = selisih > 0
    membaik = naik != negatif
    return ("naik" if naik else "turun"), (" (membaik)" if membaik else " (memburuk)")


def _satuan_selisih(satuan):
    """The unit of a change: (percentage) points for percentages in any spelling, indices and
    levels, else the unit."""
    if satuan_persen(satuan):
        return "poin"
    satuan = (satuan or "").strip()
    return "poin" if satuan.lower() in ("indeks", "nilai", "level", "predikat", "") else satuan


def kalimat_perbandingan(indikator, lalu, kini, tahun):
    """The change of an indicator's realisation and capaian from the year before."""
    if lalu is None or lalu.nilai_tahunan is None:
        return f"Realisasi tahun {tahun - 1} tidak tersedia untuk dibandingkan."
    if kini.nilai_tahunan is None:
        return f"Realisasi tahun {tahun - 1} sebesar {dengan_satuan(lalu.nilai_tahunan, indikator.satuan)}."
    if isinstance(kini.nilai_tahunan, str) or isinstance(lalu.nilai_tahunan, str):
        if kini.nilai_tahunan == lalu.nilai_tahunan:
            return f"Dibandingkan tahun {tahun - 1}, tingkatnya tetap {kini.nilai_tahunan}."
        dari, menjadi = lalu.nilai_tahunan, kini.nilai_tahunan
        return f"Dibandingkan tahun {tahun - 1}, tingkatnya berubah dari {dari} menjadi {menjadi}."
    selisih = kini.nilai_tahunan - lalu.nilai_tahunan
    arah, nilai = _arah_perubahan(selisih, indikator.arah == Indikator.Arah.NEGATIF)
    lalu_teks = dengan_satuan(lalu.nilai_tahunan, indikator.satuan)
    if arah == "tetap":
        kalimat = f"Dibandingkan tahun {tahun - 1}, realisasinya tetap {lalu_teks}"
    else:
        satuan = _satuan_selisih(indikator.satuan)
        besar = rules.format_nilai(abs(selisih))
        kalimat = f"Dibandingkan tahun {tahun - 1} ({lalu_teks}), realisasi {arah} {besar} {satuan}".rstrip() + nilai
    if lalu.capaian is not None and kini.capaian is not None:
        kalimat += (
            f"; capaian {rules.format_persen(lalu.capaian)} pada tahun {tahun - 1} menjadi "
            f"{rules.format_persen(kini.capaian)} pada tahun {tahun}"
        )
    return kalimat + "."


def kalimat_perhitungan(kinerja):
    """How the yearly value was computed: the formula with its components, or the quarters
    combined by the indicator's yearly rule; empty when there is nothing to show."""
    i = kinerja.indikator
    if kinerja.nilai_tahunan is None or isinstance(kinerja.nilai_tahunan, str):
        return ""
    dilaporkan = [(tw, v) for tw, v in enumerate(kinerja.nilai_triwulan, start=1) if v is not None]
    komponen = [k for k in kinerja.komponen_triwulan if k is not None]
    if i.berumus and komponen and i.cara_tahunan != rules.KUMULATIF:
        pembilang, penyebut = komponen[-1]
        pengali = rules.format_angka(i.pengali, None)
        return (
            f"{i.pembilang} / {i.penyebut} × {pengali} = {rules.format_angka(pembilang, None)} / "
            f"{rules.format_angka(penyebut, None)} × {pengali} = {rules.format_nilai(kinerja.nilai_tahunan)}"
        )
    if len(dilaporkan) <= 1:
        return ""
    bagian = " + ".join(f"TW {tw} {rules.format_nilai(v)}" for tw, v in dilaporkan)
    hasil = rules.format_nilai(kinerja.nilai_tahunan)
    if i.cara_tahunan == rules.KUMULATIF:
        return f"Jumlah triwulan: {bagian} = {hasil}"
    if i.cara_tahunan == rules.RATA_RATA:
        return f"Rata-rata triwulan: ({bagian}) / {len(dilaporkan)} = {hasil}"
    tw, v = dilaporkan[-1]
    return f"Nilai akhir periode (triwulan {tw}): {rules.format_nilai(v)}"


def kalimat_jumlah_per_predikat(jumlah, total, kata_benda="indikator kinerja"):
    """ "Dari 5 (lima) indikator kinerja, 2 (dua) tidak tercapai, 1 (satu) tercapai dan 2 (dua)
    melebihi target." `jumlah` is [(label, count)]; labels with no indicator are left out."""
    bagian = [f"{terbilang(n)} {label.lower()}" for label, n in jumlah if n]
    if not total:
        return f"Belum ada {kata_benda} yang capaiannya dapat dihitung."
    return f"Dari {terbilang(total)} {kata_benda} yang capaiannya terhitung, {daftar_kata(bagian)}."


def kalimat_tertinggi_terendah(daftar):
    """The best and the worst indicator by capaian: `daftar` is [(uraian, capaian)]."""
    terhitung = [(u, c) for u, c in daftar if c is not None]
    if len(terhitung) < 2:
        return ""
    tinggi = max(terhitung, key=lambda x: x[1])
    rendah = min(terhitung, key=lambda x: x[1])
    return (
        f"Capaian tertinggi pada indikator {tinggi[0]} ({rules.format_persen(tinggi[1])}) dan terendah pada "
        f"indikator {rendah[0]} ({rules.format_persen(rendah[1])})."
    )


def kalimat_anggaran(rupiah, skala_efektivitas, tahun):
    """The budget of the year: in force, spent, absorption and its category."""
    if rupiah.berlaku is None:
        return f"Pagu anggaran tahun {tahun} belum tercatat."
    kalimat = f"Pagu anggaran tahun {tahun} sebesar {rules.format_rupiah(rupiah.berlaku)}"
    if rupiah.induk is not None and rupiah.perubahan is not None and rupiah.induk != rupiah.perubahan:
        kalimat = (
            f"Anggaran induk tahun {tahun} sebesar {rules.format_rupiah(rupiah.induk)} berubah menjadi "
            f"{rules.format_rupiah(rupiah.perubahan)}"
        )
    if rupiah.realisasi is None or rupiah.serapan is None:
        return kalimat + "; realisasinya belum dilaporkan."
    return (
        f"{kalimat}, dengan realisasi {rules.format_rupiah(rupiah.realisasi)} atau "
        f"{rules.format_persen(rupiah.serapan)} ({_predikat(skala_efektivitas, rupiah.serapan)})."
    )


def kalimat_anggaran_program(uraian, rupiah, tahun, jenis="Program"):
    """One program's budget of the year: "Program X dengan anggaran Rp A terealisasi Rp R (S%).",
    A the budget in force (the revised one when there is one), S the absorption; a kegiatan's
    with `jenis` "Kegiatan"."""
    nama = uraian if uraian.casefold().startswith(jenis.casefold()) else f"{jenis} {uraian}"
    if rupiah.berlaku is None:
        if rupiah.realisasi is None:
            return f"{nama} belum memiliki pagu anggaran tahun {tahun}."
        return f"{nama} terealisasi {rules.format_rupiah(rupiah.realisasi)} tanpa pagu anggaran tahun {tahun}."
    kalimat = f"{nama} dengan anggaran {rules.format_rupiah(rupiah.berlaku)}"
    if rupiah.realisasi is None:
        return f"{kalimat} belum dilaporkan realisasinya."
    if rupiah.serapan is None:  # a pagu of 0
        return f"{kalimat} terealisasi {rules.format_rupiah(rupiah.realisasi)}."
    return f"{kalimat} terealisasi {rules.format_rupiah(rupiah.realisasi)} ({rules.format_persen(rupiah.serapan)})."

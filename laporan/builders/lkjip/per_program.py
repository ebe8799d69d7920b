"""Bab III, one section per program, as seed 003 writes them ("Capaian Tujuan/Sasaran 1
diupayakan dengan program-program", Tabel 3.19 and the paragraphs after it): the program's
indicators with their target, realisation and capaian this year and the year before (Tabel 3.19)
and against the Renstra's end target; its budget, realisation and serapan; the kegiatan it is
carried out through with their budget and the capaian of their indicators; and the permasalahan
and tindak lanjut written in the quarterly forms (the latest quarter of the year with one). Only
sentences that follow from the data: the seed's explanations of each number are the agency's."""

from kinerja import rules
from kinerja.periode import romawi
from laporan.dokumen import Baris, Kepala, Kolom, kosong, teks

from ..umum import hasil_terhadap_akhir, sel_capaian, target_akhir
from .capaian import sel_kinerja
from .data import jumlah_rupiah
from .kalimat import (
    daftar_kata,
    kalimat_anggaran_program,
    kalimat_capaian,
    kalimat_perbandingan,
    teks_target,
)

NOMOR = "3.3.1"


def kunci_program(p):
    """Programs in code order (those without a code after, by name), as Tabel 3.43 lists them."""
    return (1, " ".join(p.uraian.casefold().split())) if not p.kode else (0, p.kode)


def daftar_program(pohon):
    return sorted(pohon.semua_program, key=kunci_program) if pohon is not None else []


def nama_program(p):
    return p.uraian if p.uraian.casefold().startswith("program") else f"Program {p.uraian}"


def _sama(a, b):
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def kinerja_lalu(data, indikator, program_lalu):
    """The performance of `indikator` in the year before: its own when the Renstra covers that
    year, else that of the indicator it continues (pendahulu), else that of the indicator worded
    the same under the program of the year before with the same code; None when none is held."""
    tahun = data.tahun - 1
    if data.renstra.mencakup(tahun):
        return data.kinerja.get((indikator.pk, tahun))
    calon = [j for j in data.indikator_lalu if j.pk == indikator.pendahulu_id]
    if not calon and program_lalu is not None:
        calon = [j for j in program_lalu.daftar_indikator if _sama(j.uraian, indikator.uraian)]
    return data.kinerja.get((calon[0].pk, tahun)) if calon else None


def _program_lalu(data):
    """{program key: program of the year before}."""
    return {kunci_program(p): p for p in daftar_program(data.pohon_tahun(data.tahun - 1))}


def rupiah_kegiatan(data, kegiatan, tahun):
    return jumlah_rupiah(data.rupiah_sub(s, tahun) for s in kegiatan.daftar_sub_anggaran)


def kalimat_target_akhir(data, indikator, kinerja):
    """The Renstra's end target of an indicator and this year's capaian against it."""
    akhir = target_akhir(indikator, indikator.target_per_tahun)
    tahun_akhir = data.renstra.tahun_akhir
    if akhir is None:
        return f"Target akhir Renstra ({tahun_akhir}) belum diisi."
    kalimat = f"Target akhir Renstra ({tahun_akhir}) {teks_target(akhir, indikator.satuan)}"
    hasil = hasil_terhadap_akhir(indikator, akhir, kinerja.nilai_tahunan, kinerja.tingkatan) if kinerja else None
    if hasil is None or hasil.nilai is None:
        return kalimat + "."
    return f"{kalimat}; capaian realisasi tahun {data.tahun} terhadapnya {rules.format_persen(hasil.nilai)}."


def kalimat_faktor(data, indikator):
    """The permasalahan and tindak lanjut of the latest quarter of the year with one written, per
    indicator of the program; a sentence saying so when none was written."""
    if not any(data.permasalahan.get(i.pk) or data.tindak_lanjut.get(i.pk) for i in indikator):
        return [f"Permasalahan dan tindak lanjut belum ditulis pada isian triwulan tahun {data.tahun}."]
    kalimat = []
    for i in indikator:
        awal = f"Indikator {i.uraian}: " if len(indikator) > 1 else ""
        masalah = data.permasalahan.get(i.pk)
        lanjut = data.tindak_lanjut.get(i.pk)
        if masalah is None and not lanjut:
            kalimat.append(
                f"{awal}permasalahan dan tindak lanjut belum ditulis pada isian triwulan tahun {data.tahun}."
            )
            continue
        bagian = []
        if masalah is not None:
            tw, isi = masalah
            bagian.append(f"permasalahan menurut isian triwulan {romawi(tw)}: \u201c{isi.strip()}\u201d")
        else:
            bagian.append("permasalahan belum ditulis pada isian triwulan")
        bagian.append(f"tindak lanjut: \u201c{lanjut.strip()}\u201d" if lanjut else "tindak lanjut belum ditulis")
        kalimat.append(f"{awal}{'; '.join(bagian)}.")
    return [k[0].upper() + k[1:] for k in kalimat]


def _tabel_indikator(data, naskah, p, pasangan_lalu):
    tahun = data.tahun
    baris = []
    for i in p.daftar_indikator:
        sel = [teks(i.uraian)]
        for th, k in ((tahun - 1, pasangan_lalu[i.pk]), (tahun, data.kinerja_tahun(i))):
            sel += sel_kinerja(data, i, k, th) if k is not None else [kosong(), kosong(), kosong()]
        k = data.kinerja_tahun(i)
        akhir = target_akhir(i, i.target_per_tahun)
        sel += [
            akhir.sel() if akhir else kosong(),
            sel_capaian(hasil_terhadap_akhir(i, akhir, k.nilai_tahunan, k.tingkatan)) if k else kosong(),
        ]
        baris.append(Baris(sel, kunci=f"indikator-{i.pk}"))
    akhir = data.renstra.tahun_akhir
    naskah.tabel(
        f"program-{p.pk}",
        f"Pencapaian Indikator {nama_program(p)} Tahun {tahun}",
        [Kolom(24), *[Kolom(9) for _ in range(6)], Kolom(10), Kolom(10)],
        [
            [
                Kepala("Indikator Kinerja", baris=2),
                *[Kepala(f"Tahun {th}", kolom=3) for th in (tahun - 1, tahun)],
                Kepala(f"Target Akhir Renstra ({akhir})", baris=2),
                Kepala(f"Capaian {tahun} terhadap Target Akhir (%)", baris=2),
            ],
            [Kepala(x) for _ in range(2) for x in ("Target", "Realisasi", "% Capaian")],
        ],
        baris,
    )


def _satu_program(data, naskah, nomor, p, program_lalu):
    tahun, skala = data.tahun, data.skala
    nama = nama_program(p)
    naskah.judul(nama, nomor=f"{nomor})", tingkat=4, daftar_isi=False)
    indikator = list(p.daftar_indikator)
    lalu = program_lalu.get(kunci_program(p))
    if not indikator:
        naskah.paragraf(f"{nama} belum memiliki indikator program pada Renstra.")
    else:
        naskah.paragraf(
            f"Indikator {nama} adalah {daftar_kata(i.uraian for i in indikator)}. Pencapaiannya pada tahun "
            f"{tahun} dibandingkan tahun {tahun - 1} sebagai berikut."
        )
        pasangan_lalu = {i.pk: kinerja_lalu(data, i, lalu) for i in indikator}
        _tabel_indikator(data, naskah, p, pasangan_lalu)
        for i in indikator:
            k = data.kinerja_tahun(i)
            if k is None:
                naskah.paragraf(f"Indikator {i.uraian} belum memiliki target dan realisasi tahun {tahun}.")
                continue
            naskah.paragraf(
                kalimat_capaian(k, skala, tahun),
                kalimat_perbandingan(i, pasangan_lalu[i.pk], k, tahun),
                kalimat_target_akhir(data, i, k),
            )
    kegiatan = sorted(p.daftar_kegiatan, key=kunci_program)
    anggaran = kalimat_anggaran_program(p.uraian, data.rupiah_program(p, tahun), tahun)
    naskah.paragraf(
        anggaran,
        f"{nama} dilaksanakan melalui {len(kegiatan)} kegiatan berikut:" if kegiatan else "",
    )
    naskah.butir([_kalimat_kegiatan(data, kg) for kg in kegiatan], bernomor=True)
    if indikator:
        naskah.paragraf(*kalimat_faktor(data, indikator))


def _kalimat_kegiatan(data, kg):
    tahun = data.tahun
    r = rupiah_kegiatan(data, kg, tahun)
    kalimat = [kalimat_anggaran_program(kg.uraian, r, tahun, jenis="Kegiatan")]
    for i in kg.daftar_indikator:
        k = data.kinerja_tahun(i)
        kalimat.append(
            kalimat_capaian(k, data.skala, tahun) if k else f"Indikator {i.uraian} belum memiliki data tahun {tahun}."
        )
    return " ".join(kalimat)


def bagian_program(data, naskah):
    """The section "Capaian Kinerja dan Anggaran per Program": one subsection per program of the
    year, in code order."""
    program = daftar_program(data.pohon)
    if not program:
        return
    naskah.judul("Capaian Kinerja dan Anggaran per Program", nomor=NOMOR, tingkat=3)
    naskah.paragraf(
        f"Capaian indikator setiap program tahun {data.tahun} dan tahun {data.tahun - 1}, terhadap target akhir "
        "Renstra, anggaran dan realisasinya, kegiatan yang melaksanakannya, serta permasalahan dan tindak lanjut "
        "menurut isian triwulan terakhir yang menuliskannya."
    )
    program_lalu = _program_lalu(data)
    for n, p in enumerate(program, start=1):
        _satu_program(data, naskah, n, p, program_lalu)

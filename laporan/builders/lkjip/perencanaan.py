"""Bab II Perencanaan Kinerja: tujuan, sasaran, strategi and arah kebijakan; the Indikator Kinerja
Utama with their formula and yearly targets; the Perjanjian Kinerja of the year; the budget of
direct spending per tujuan/sasaran (seed 003, Tabel 2.1, 2.3, 2.4, 2.5)."""

from kinerja import rules
from laporan.dokumen import Baris, Kepala, Kolom, rupiah, teks

from ..umum import sel_target
from .kalimat import terbilang

LANGSUNG = "langsung"


def _tujuan_sasaran(data, naskah):
    renstra = data.renstra
    naskah.judul(f"Target Kinerja Tahun {renstra.tahun_awal}–{renstra.tahun_akhir}", nomor="2.1")
    tujuan = data.kelompok(data.pohon)
    jumlah_sasaran = sum(len(k.sasaran) for k in tujuan)
    naskah.paragraf(
        f"Target kinerja tahun {renstra.tahun_awal}–{renstra.tahun_akhir} tertuang dalam Renstra {data.opd.nama} "
        f"{renstra.periode}{f' ({renstra.nama_revisi})' if renstra.revisi else ''}, yang memuat "
        f"{terbilang(len(tujuan))} tujuan dan {terbilang(jumlah_sasaran)} sasaran beserta strategi, arah kebijakan "
        "dan program untuk mencapainya."
    )
    if renstra.visi:
        naskah.paragraf(f"Visi: {renstra.visi}")
    if renstra.misi:
        naskah.paragraf(renstra.misi if renstra.misi.lower().startswith("misi") else f"Misi: {renstra.misi}")
    baris = []
    for k in tujuan:
        for n, s in enumerate(k.sasaran or [None]):
            baris.append(
                Baris(
                    [
                        teks(f"{k.tujuan.kode}. {k.tujuan.uraian}" if n == 0 else ""),
                        teks(f"{s.kode}. {s.uraian}" if s else ""),
                        teks(s.strategi if s else ""),
                        teks(s.arah_kebijakan if s else ""),
                    ]
                )
            )
    naskah.tabel(
        "tujuan-sasaran",
        f"Tujuan, Sasaran, Strategi dan Arah Kebijakan Tahun {renstra.periode}",
        [Kolom(22), Kolom(22), Kolom(28), Kolom(34)],
        [[Kepala("Tujuan"), Kepala("Sasaran"), Kepala("Strategi"), Kepala("Arah Kebijakan")]],
        baris,
    )


def _iku(data, naskah):
    tahun = data.pohon.tahun
    naskah.judul("Indikator Kinerja Utama", nomor="2.1.1", tingkat=3)
    naskah.paragraf(
        "Indikator kinerja tujuan dan sasaran yang menjadi Indikator Kinerja Utama (IKU), beserta rumusan "
        "dan target tahunannya, sebagaimana tabel berikut."
    )
    baris = []
    for n, s in enumerate(data.strategis, start=1):
        i = s.indikator
        iku = " (IKU)" if i.iku else ""
        baris.append(
            Baris(
                [
                    teks(str(n)),
                    teks(s.tujuan.uraian if s.sasaran is None or i.tujuan_id else ""),
                    teks(s.sasaran.uraian if s.sasaran else ""),
                    teks(f"{i.uraian}{iku}" + (f" ({i.satuan})" if i.satuan else "")),
                    teks(i.rumusan),
                    *[sel_target(t) for t in i.target_per_tahun],
                ],
                kunci=f"indikator-{i.pk}",
            )
        )
    naskah.tabel(
        "iku",
        f"Indikator Kinerja Utama Tahun {data.renstra.periode}",
        [Kolom(4), Kolom(18), Kolom(18), Kolom(22), Kolom(26), *[Kolom(8) for _ in tahun]],
        [
            [
                Kepala("No", baris=2),
                Kepala("Tujuan", baris=2),
                Kepala("Sasaran", baris=2),
                Kepala("Indikator Kinerja", baris=2),
                Kepala("Rumusan", baris=2),
                Kepala("Target Kinerja pada Tahun", kolom=len(tahun)),
            ],
            [Kepala(str(th)) for th in tahun],
        ],
        baris,
    )


def _perjanjian_kinerja(data, naskah):
    naskah.judul(f"Perjanjian Kinerja Tahun {data.tahun}", nomor="2.2")
    naskah.paragraf(
        f"Perjanjian Kinerja (PK) tahun {data.tahun} memuat sasaran strategis, indikator kinerja dan target yang "
        "diperjanjikan kepala perangkat daerah kepada kepala daerah. Bila Perjanjian Kinerja diubah dalam tahun "
        "berjalan, target perubahannya yang dipakai untuk mengukur capaian."
    )
    baris = []
    for n, s in enumerate(data.strategis, start=1):
        jenis = s.kinerja.target_jenis
        # A note on the year's target is beside the target the capaian is measured against.
        target = []
        for t in (jenis.get("pk"), jenis.get("pk_perubahan")):
            sel = sel_target(t)
            target.append(data.tandai(sel, s.indikator, "target", data.tahun) if t == s.kinerja.target else sel)
        baris.append(
            Baris(
                [
                    teks(str(n)),
                    teks(f"{s.label}: {s.simpul.uraian}"),
                    teks(s.indikator.uraian),
                    *target,
                ],
                kunci=f"indikator-{s.indikator.pk}",
            )
        )
    naskah.tabel(
        "perjanjian-kinerja",
        f"Perjanjian Kinerja Tahun {data.tahun}",
        [Kolom(4), Kolom(32), Kolom(32), Kolom(12), Kolom(12)],
        [
            [
                Kepala("No"),
                Kepala("Tujuan/Sasaran Strategis"),
                Kepala("Indikator Kinerja"),
                Kepala("Target PK"),
                Kepala("Target PK Perubahan"),
            ]
        ],
        baris,
    )


def rupiah_langsung(data, program, tahun):
    return data.rupiah_jenis(program, tahun, LANGSUNG)


def _anggaran(data, naskah):
    tahun = data.tahun
    naskah.judul("Rencana Anggaran", nomor="2.2.1", tingkat=3)
    langsung = rupiah_langsung(data, data.pohon.semua_program, tahun)
    if langsung.induk is not None and langsung.perubahan is not None:
        naskah.paragraf(
            f"Untuk mencapai sasaran yang diperjanjikan, pada tahun anggaran {tahun} dilaksanakan program dan kegiatan "
            f"dengan anggaran induk belanja langsung sebesar {rules.format_rupiah(langsung.induk)}, yang dalam "
            f"Perubahan APBD menjadi {rules.format_rupiah(langsung.perubahan)}."
        )
    elif langsung.berlaku is not None:
        naskah.paragraf(f"Anggaran belanja langsung tahun {tahun} sebesar {rules.format_rupiah(langsung.berlaku)}.")
    daftar_tahun = [th for th in data.pohon.tahun if th <= tahun]
    baris = []
    for n, k in enumerate(data.kelompok(data.pohon), start=1):
        label = f"Tujuan: {k.tujuan.uraian}" + "".join(f"\nSasaran: {s.uraian}" for s in k.sasaran)
        baris.append(
            Baris(
                [
                    teks(str(n)),
                    teks(label),
                    *[rupiah(rupiah_langsung(data, k.program, th).berlaku) for th in daftar_tahun],
                ]
            )
        )
    total = [rupiah_langsung(data, data.pohon.semua_program, th).berlaku for th in daftar_tahun]
    baris.append(Baris([teks("Jumlah", kolom=2), *[rupiah(x) for x in total]], jenis="jumlah"))
    naskah.tabel(
        "anggaran-langsung",
        "Anggaran Belanja Langsung per Tujuan/Sasaran Strategis",
        [Kolom(4), Kolom(50), *[Kolom(16) for _ in daftar_tahun]],
        [
            [
                Kepala("No", baris=2),
                Kepala("Tujuan/Sasaran Strategis", baris=2),
                Kepala("Pagu Anggaran (Rp)", kolom=len(daftar_tahun)),
            ],
            [Kepala(str(th)) for th in daftar_tahun],
        ],
        baris,
        catatan=[
            "Belanja langsung: sub kegiatan yang pagunya (sebagian besar) berjenis belanja langsung; pagu yang berlaku "
            "(anggaran perubahan bila ada, bila tidak anggaran induk)."
        ],
    )


def bab_perencanaan(data, naskah):
    naskah.bab("2", "Perencanaan Kinerja", nomor="BAB II")
    _tujuan_sasaran(data, naskah)
    _iku(data, naskah)
    _perjanjian_kinerja(data, naskah)
    _anggaran(data, naskah)

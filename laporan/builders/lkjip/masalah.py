"""Data problems found while drafting the LKjIP, shown at the top of the draft so that staff fix
the data rather than the document: an indicator without a target or a realisation, a sub
kegiatan that spent more than its budget or spent without one, a quarter not verified, last
year's figures missing, a section not written yet; and every open data note (kinerja.CatatanData)
on what the report shows, a slip of the printed source or an import's warning, until resolved."""

from dataclasses import dataclass

from kinerja import rules
from kinerja.models import CatatanData, Pelaporan
from kinerja.models.catatan import NAMA_MEDAN
from kinerja.periode import romawi


@dataclass
class Masalah:
    """One problem: its kind (for grouping and linking), what is wrong, and what it concerns."""

    jenis: str
    teks: str
    indikator_id: int | None = None
    triwulan: int | None = None
    bagian: str = ""
    letak: str = ""  # a data note's: where the value was printed or read
    nilai: str = ""  # a data note's printed and computed value, when its message does not give them
    catatan_id: int | None = None

    JUDUL = {
        "catatan_cetak": "Catatan data: nilai tercetak berbeda",
        "catatan_lain": "Catatan impor lain",
        "target": "Indikator tanpa target",
        "realisasi": "Indikator tanpa realisasi",
        "anggaran": "Realisasi anggaran",
        "pelaporan": "Triwulan belum diverifikasi",
        "tahun_lalu": "Data tahun sebelumnya",
        "narasi": "Bagian yang belum ditulis",
        "tindak_lanjut": "Rencana tindak lanjut belum ditulis",
    }

    @property
    def judul(self):
        return self.JUDUL[self.jenis]


def _nama_simpul(i):
    simpul = i.pemilik
    return f"{simpul.kode} {simpul.uraian}" if simpul is not None else ""


# the kinds of data note whose printed value differs from the one Kinerja computed or used
JENIS_CETAK = {
    CatatanData.Jenis.DOKUMEN,
    CatatanData.Jenis.PERSEN,
    CatatanData.Jenis.JUMLAH,
    CatatanData.Jenis.KONDISI_AKHIR,
}


def _nama_nilai(c):
    """ "Realisasi triwulan II 2024 indikator …", "Pagu 2024 sub kegiatan 1.06.01.2.02.0001 …"."""
    if c.indikator_id:
        objek = f"indikator {c.indikator.uraian}"
    else:
        simpul = [
            (n, s) for n, s in (("sub kegiatan", c.sub_kegiatan), ("kegiatan", c.kegiatan), ("program", c.program)) if s
        ]
        objek = f"{simpul[0][0]} {simpul[0][1].kode} {simpul[0][1].uraian}" if simpul else ""
    waktu = [f"triwulan {romawi(c.triwulan)}" if c.triwulan else "", str(c.tahun) if c.tahun else ""]
    nilai = NAMA_MEDAN.get(c.medan, c.medan.replace("_", " ").capitalize())
    return " ".join(b for b in (nilai, *waktu, objek) if b)


def masalah_catatan(c):
    """A data note as one item of the list: the value it concerns (unless its message names it),
    its message, where the value was printed or read, and the printed and the computed (for a
    slip of the source document: the used) value when its message does not give them."""
    teks = c.pesan
    simpul = c.indikator if c.indikator_id else (c.sub_kegiatan or c.kegiatan or c.program)
    if simpul is None or simpul.uraian not in teks:
        nama = _nama_nilai(c)
        teks = f"{nama}: {teks}" if nama else teks
    dokumen = c.jenis == CatatanData.Jenis.DOKUMEN
    label = "dipakai" if dokumen else "dihitung"
    nilai = "; ".join(
        f"{judul} {isi}" for judul, isi in (("tercetak", c.tercetak), (label, c.dihitung)) if isi and isi not in c.pesan
    )
    return Masalah(
        "catatan_cetak" if c.jenis in JENIS_CETAK else "catatan_lain",
        teks,
        indikator_id=c.indikator_id,
        triwulan=c.triwulan,
        letak=c.letak,
        nilai=nilai,
        catatan_id=c.pk,
    )


def cari_masalah(data, tulisan):
    tahun = data.tahun
    hasil = [masalah_catatan(c) for c in data.catatan]
    for i in data.indikator:
        k = data.kinerja_tahun(i)
        if k is None or not k.dihitung:
            continue
        if k.target is None:
            hasil.append(
                Masalah("target", f"{i.uraian} ({_nama_simpul(i)}): belum ada target tahun {tahun}.", indikator_id=i.pk)
            )
        if k.nilai_tahunan is None:
            hasil.append(
                Masalah(
                    "realisasi",
                    f"{i.uraian} ({_nama_simpul(i)}): belum ada realisasi tahun {tahun}.",
                    indikator_id=i.pk,
                    triwulan=4,
                )
            )
    for p in data.pohon.semua_program:
        for kg in p.daftar_kegiatan:
            for s in kg.daftar_sub_anggaran:
                nama = f"{'Kegiatan' if s.mewakili_kegiatan else 'Sub kegiatan'} {s.kode_tampil} {s.uraian}"
                r = data.rupiah_sub(s, tahun)
                if r.realisasi is None:
                    continue
                if r.berlaku is None or (r.berlaku == 0 and r.realisasi > 0):
                    hasil.append(
                        Masalah(
                            "anggaran",
                            f"{nama}: realisasi {rules.format_rupiah(r.realisasi)} tanpa pagu tahun {tahun}.",
                        )
                    )
                elif r.realisasi > r.berlaku:
                    hasil.append(
                        Masalah(
                            "anggaran",
                            f"{nama}: realisasi {rules.format_rupiah(r.realisasi)} melebihi "
                            f"pagu {rules.format_rupiah(r.berlaku)} ({rules.format_persen(r.serapan)}).",
                        )
                    )
    for bidang, tw, p in data.pelaporan:
        status = p.status if p else Pelaporan.Status.DRAFT
        if status == Pelaporan.Status.DIVERIFIKASI:
            continue
        unit = bidang.nama if bidang else data.opd.singkatan or data.opd.nama
        hasil.append(
            Masalah(
                "pelaporan",
                f"Triwulan {romawi(tw)} {tahun} ({unit}) berstatus {Pelaporan.Status(status).label.lower()}, belum "
                "diverifikasi: angkanya masih dapat berubah.",
                triwulan=tw,
            )
        )
    if not data.rupiah_pohon(data.pohon_tahun(tahun - 1), tahun - 1).ada:
        hasil.append(
            Masalah(
                "tahun_lalu",
                f"Anggaran tahun {tahun - 1} tidak tercatat di aplikasi: kolom tahun {tahun - 1} tabel akuntabilitas "
                "keuangan kosong.",
            )
        )
    tanpa_lalu = [s.indikator.uraian for s in data.strategis if s.lalu is None or s.lalu.nilai_tahunan is None]
    if tanpa_lalu:
        hasil.append(
            Masalah(
                "tahun_lalu",
                f"Realisasi tahun {tahun - 1} tidak ada untuk: {'; '.join(tanpa_lalu)}. Hubungkan indikator dengan "
                "indikator Renstra sebelumnya (kolom pendahulu) bila sama.",
            )
        )
    uraian = {i.pk: i.uraian for i in data.indikator}
    for t in tulisan:
        if not t.teks:
            judul = f"{t.judul} indikator {uraian[t.indikator_id]}" if t.indikator_id else t.judul
            hasil.append(Masalah("narasi", f"{judul} belum ditulis.", indikator_id=t.indikator_id, bagian=t.bagian))
    tanpa_tindak_lanjut = list(
        {
            i.pk: i.uraian
            for p in data.pohon.semua_program
            for i in p.daftar_indikator
            if i.pk not in data.tindak_lanjut
        }.values()
    )
    if tanpa_tindak_lanjut:
        hasil.append(
            Masalah(
                "tindak_lanjut",
                f"Tidak ada isian tindak lanjut triwulan tahun {tahun} untuk {len(tanpa_tindak_lanjut)} indikator "
                f"program (kolom Rencana Tindak Lanjut menyatakan belum ditulis): {'; '.join(tanpa_tindak_lanjut)}.",
            )
        )
    urutan = list(Masalah.JUDUL)
    return sorted(hasil, key=lambda m: urutan.index(m.jenis))

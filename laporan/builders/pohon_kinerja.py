"""Pohon Kinerja (DESIGN.md, Reports item 6; seed 001): the cascade of the Renstra in force,
tujuan → sasaran → program → kegiatan → sub kegiatan, each box with its statement, its
indicators with the year's Renstra target, and whose indicators they are: the agency's head
(eselon II) for tujuan and sasaran, the bidang (eselon III) for program and kegiatan, and
eselon IV for sub kegiatan. The same tree is also an indented table, which the XLSX renderer
writes.

The plan is read by `renstra.selectors.pohon_renstra` in a fixed number of queries; nothing
here touches the database again (its nodes come with their parents, so a kegiatan's
`bidang_penanggung_jawab` falls back to its program's without a query).
"""

from dataclasses import dataclass, field

from kinerja import rules
from laporan.builders.umum import keterangan, milik_bidang, nama_berkas, penanda_kepala, sel_target
from laporan.dokumen import Baris, Kepala, Kolom, Laporan, Paragraf, Pohon, SimpulPohon, Tabel, kode, teks
from renstra.selectors import pohon_renstra, renstra_berlaku

KODE = "pohon-kinerja"
JUDUL = "POHON KINERJA"

NAMA_TINGKAT = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
    "lain": "Program lain",
}
ESELON = {
    "tujuan": "Eselon II",
    "sasaran": "Eselon II",
    "program": "Eselon III",
    "kegiatan": "Eselon III",
    "sub_kegiatan": "Eselon IV",
}
SATUAN_PERSEN = {"%", "persen"}
# Units that name the kind of measure rather than a unit: "53,43", not "53,43 Indeks".
SATUAN_TANPA_TULISAN = {"indeks", "nilai", "skor", "level", "predikat", "status"}


@dataclass
class _Kotak:
    """A box while the tree is built: the SimpulPohon shown, and the (indicator, target) pairs
    its table rows need (a target stays a number in XLSX)."""

    simpul: SimpulPohon
    indikator: list = field(default_factory=list)
    anak: list = field(default_factory=list)


def teks_target(target, satuan=""):
    """A target as the Pohon Kinerja prints it: `98,79%`, `1.030 orang`, `53,43`, `Pratama`,
    `BB (73,00)` (a target printed as text or a level keeps no unit). Numbers go through
    `rules.format_nilai`: whole numbers bare, others with two decimals, as seed 003 prints
    the Perubahan Perjanjian Kinerja 2024 (0,50; 98,79%; 3,20)."""
    if target is None:
        return ""
    tertulis = target.tertulis(rules.format_nilai)
    satuan = satuan.strip()
    if target.teks or target.tingkat_id or not satuan or satuan.lower() in SATUAN_TANPA_TULISAN:
        return tertulis
    if satuan.lower() in SATUAN_PERSEN:
        return f"{tertulis}%"
    return f"{tertulis} {satuan}"


def teks_indikator(indikator, target, tahun):
    """`Persentase PMKS yang tertangani atau mendapatkan layanan (target 98,79%)`."""
    if target is None:
        return f"{indikator.uraian} (belum ada target {tahun})"
    return f"{indikator.uraian} (target {teks_target(target, indikator.satuan)})"


class _Penyusun:
    """Walks a PohonRenstra into boxes, keeping only `bidang`'s branch when one is given."""

    def __init__(self, opd, tahun, pohon, bidang=None):
        self.tahun = tahun
        self.indeks = pohon.tahun.index(tahun)
        self.bidang = bidang
        self.kepala_opd = f"Kepala {opd.nama}"

    def _kotak(self, tingkat, obj, anak, penanggung_jawab):
        pasangan = [(i, i.target_per_tahun[self.indeks]) for i in obj.daftar_indikator]
        simpul = SimpulPohon(
            tingkat=tingkat,
            kode=obj.kode_tampil,
            uraian=obj.uraian,
            indikator=[teks_indikator(i, t, self.tahun) for i, t in pasangan],
            anak=[k.simpul for k in anak],
            penanggung_jawab=penanggung_jawab,
            label=f"{NAMA_TINGKAT[tingkat]} {obj.kode_tampil}",
            eselon=ESELON[tingkat],
        )
        return _Kotak(simpul, pasangan, anak)

    def _cabang(self, tingkat, obj, anak):
        """A program, kegiatan or sub kegiatan box; None when filtered out."""
        if not anak and not milik_bidang(self.bidang, obj):
            return None
        bidang = obj.bidang_penanggung_jawab
        return self._kotak(tingkat, obj, anak, bidang.nama if bidang else "")

    def sub_kegiatan(self, s):
        return self._cabang("sub_kegiatan", s, [])

    def kegiatan(self, k):
        anak = [x for x in (self.sub_kegiatan(s) for s in k.daftar_sub_kegiatan) if x]
        return self._cabang("kegiatan", k, anak)

    def program(self, p):
        anak = [x for x in (self.kegiatan(k) for k in p.daftar_kegiatan) if x]
        return self._cabang("program", p, anak)

    def _daftar_program(self, daftar):
        return [x for x in (self.program(p) for p in daftar) if x]

    def sasaran(self, s):
        anak = self._daftar_program(s.daftar_program)
        if self.bidang is not None and not anak:
            return None
        return self._kotak("sasaran", s, anak, self.kepala_opd)

    def tujuan(self, t):
        anak = [x for x in (self.sasaran(s) for s in t.daftar_sasaran) if x]
        if self.bidang is not None and not anak:
            return None
        return self._kotak("tujuan", t, anak, self.kepala_opd)

    def akar(self, pohon):
        akar = [x for x in (self.tujuan(t) for t in pohon.tujuan) if x]
        lain = self._daftar_program(pohon.program_lain)
        if lain:
            simpul = SimpulPohon(
                tingkat="lain",
                kode="",
                uraian="Program yang belum dikaitkan dengan sasaran Renstra",
                anak=[k.simpul for k in lain],
                label=NAMA_TINGKAT["lain"],
            )
            akar.append(_Kotak(simpul, [], lain))
        return akar


KOLOM = [
    Kolom(lebar=13),  # Tingkat
    Kolom(lebar=20),  # Kode
    Kolom(lebar=48, menjorok=True),  # Uraian
    Kolom(lebar=56),  # Indikator
    Kolom(lebar=12),  # Satuan
    Kolom(lebar=12),  # Target
    Kolom(lebar=34),  # Penanggung jawab
]


def _baris(kotak, tingkat=0):
    """The rows of a box (one per indicator, the first carrying the box) and of its subtree."""
    s = kotak.simpul
    jenis = "kelompok" if s.tingkat in ("tujuan", "sasaran", "program", "lain") else "isi"
    penanggung_jawab = ", ".join(x for x in (s.penanggung_jawab, s.eselon) if x)
    kepala = [teks(NAMA_TINGKAT[s.tingkat]), kode(s.kode), teks(s.uraian)]
    pasangan = kotak.indikator or [(None, None)]
    for n, (indikator, target) in enumerate(pasangan):
        awal = kepala if n == 0 else [teks(None), teks(None), teks(None)]
        yield Baris(
            [
                *awal,
                teks(indikator.uraian if indikator else None),
                teks(indikator.satuan if indikator else None),
                sel_target(target),
                teks(penanggung_jawab if n == 0 else None),
            ],
            tingkat=tingkat,
            jenis=jenis if n == 0 else "isi",
        )
    for anak in kotak.anak:
        yield from _baris(anak, tingkat + 1)


def _tabel(akar, tahun):
    kepala = [
        [
            Kepala("Tingkat"),
            Kepala("Kode"),
            Kepala("Uraian"),
            Kepala("Indikator"),
            Kepala("Satuan"),
            Kepala(f"Target {tahun}"),
            Kepala("Penanggung jawab"),
        ]
    ]
    baris = [b for kotak in akar for b in _baris(kotak)]
    return Tabel(nama="Pohon Kinerja", kolom=KOLOM, kepala=kepala, baris=baris)


def _hitung(akar):
    """How many boxes of each level, and indicators, the tree holds."""
    jumlah = dict.fromkeys(("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"), 0)
    indikator = set()  # one serving a tujuan and its sasaran is counted once
    tumpukan = list(akar)
    while tumpukan:
        kotak = tumpukan.pop()
        if kotak.simpul.tingkat in jumlah:
            jumlah[kotak.simpul.tingkat] += 1
        indikator.update(i.pk for i, _ in kotak.indikator)
        tumpukan.extend(kotak.anak)
    return {**jumlah, "indikator": len(indikator)}


def _visi_misi(renstra):
    baris = []
    if renstra.visi:
        baris.append(f"Visi: {renstra.visi}")
    if renstra.misi:
        misi = renstra.misi.strip()
        baris.append(misi if misi.lower().startswith("misi") else f"Misi: {misi}")
    return Paragraf("\n".join(baris), judul="Visi dan Misi") if baris else None


def build_pohon_kinerja(opd, tahun, triwulan=None, bidang=None, tanggal=None):
    """The Pohon Kinerja of `opd` for `tahun` (targets of that year), of `bidang`'s branch when
    given. `triwulan` is accepted like every report's, and unused: the tree holds yearly
    targets."""
    judul = [JUDUL, opd.nama.upper()]
    berkas = nama_berkas(KODE, opd, tahun, bidang=bidang)
    penanda = [penanda_kepala(opd, tanggal, bidang)]
    renstra = renstra_berlaku(opd, tahun)
    if renstra is None:
        return Laporan(
            kode=KODE,
            judul=judul,
            keterangan=keterangan(opd, tahun, bidang=bidang),
            bagian=[Paragraf(f"Belum ada Renstra yang berlaku pada tahun {tahun}.")],
            nama_berkas=berkas,
        )

    pohon = pohon_renstra(renstra, tahun)  # the programs in force that year
    akar = _Penyusun(opd, tahun, pohon, bidang).akar(pohon)
    jumlah = _hitung(akar)
    ket = keterangan(opd, tahun, bidang=bidang, renstra=renstra)
    if renstra.revisi:
        ket = [(label, f"{isi} ({renstra.nama_revisi})" if label == "Renstra" else isi) for label, isi in ket]

    bagian = [p for p in (_visi_misi(renstra),) if p]
    bagian.append(Pohon(nama="Pohon Kinerja", akar=[k.simpul for k in akar], tabel=_tabel(akar, tahun)))
    catatan = [
        f"Target: target Renstra tahun {tahun}.",
        "Indikator tujuan dan sasaran milik Kepala Perangkat Daerah (eselon II), indikator program dan "
        "kegiatan milik kepala bidang (eselon III), indikator sub kegiatan milik eselon IV.",
        f"Memuat {jumlah['tujuan']} tujuan, {jumlah['sasaran']} sasaran, {jumlah['program']} program, "
        f"{jumlah['kegiatan']} kegiatan, {jumlah['sub_kegiatan']} sub kegiatan dan "
        f"{jumlah['indikator']} indikator.",
    ]
    if bidang is not None:
        catatan.append(f"Hanya cabang {bidang.nama} beserta tujuan dan sasaran yang didukungnya.")
    return Laporan(
        kode=KODE,
        judul=judul,
        keterangan=ket,
        bagian=bagian,
        penanda=penanda,
        catatan=catatan,
        orientasi="landscape",
        nama_berkas=berkas,
    )

"""Pohon Kinerja (DESIGN.md, Reports item 6; seed 001): the cascade of the Renstra in force,
from the region's RPJMD/RPD goals ("TUJUAN RPD", "INDIKATOR RPD") that its tujuan serve, then
tujuan → its indicators ("INDIKATOR OPD") → sasaran → program → kegiatan → sub kegiatan, each
box with its statement, its
indicators with the year's Renstra target, and whose indicators they are: the agency's head
(eselon II) for tujuan and sasaran, the bidang (eselon III) for program and kegiatan, and
eselon IV for sub kegiatan. The same tree is also an indented table, which the XLSX renderer
writes.

On paper the tree is cut into pages as seed 001 prints it: first the levels down to the
agency's indicators, then one branch per INDIKATOR OPD box, continued on "LANJUTAN" pages that
repeat the boxes above it when it does not fit one page.

The plan is read by `renstra.selectors.pohon_renstra` in a fixed number of queries; nothing
here touches the database again (its nodes come with their parents, so a kegiatan's
`bidang_penanggung_jawab` falls back to its program's without a query).
"""

from dataclasses import dataclass, field, replace
from math import ceil

from kinerja import rules
from laporan.builders.umum import keterangan, milik_bidang, nama_berkas, penanda_kepala, sel_target
from laporan.dokumen import (
    Baris,
    HalamanPohon,
    Kepala,
    Kolom,
    Laporan,
    Paragraf,
    Pohon,
    SimpulPohon,
    Tabel,
    kode,
    teks,
)
from renstra.selectors import pohon_renstra, renstra_berlaku, tingkat_daerah

KODE = "pohon-kinerja"
JUDUL = "POHON KINERJA"

NAMA_TINGKAT = {
    "tujuan_daerah": "Tujuan",  # + RPJMD or RPD
    "indikator_daerah": "Indikator",
    "tujuan": "Tujuan",
    "indikator_opd": "Indikator OPD",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
    "lain": "Program lain",
}
ESELON = {
    "tujuan": "Eselon II",
    "indikator_opd": "Eselon II",
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


def teks_indikator_daerah(indikator):
    """A regional indicator as seed 001 lists it: its statement, with its unit when one is set."""
    return f"{indikator.uraian} ({indikator.satuan})" if indikator.satuan else indikator.uraian


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
        """The tujuan box and, under it, the INDIKATOR OPD box of its indicators (seed 001), which
        the sasaran hang from; the table prints those indicators on the tujuan's row."""
        anak = [x for x in (self.sasaran(s) for s in t.daftar_sasaran) if x]
        if self.bidang is not None and not anak:
            return None
        indikator = self._kotak("indikator_opd", t, anak, self.kepala_opd)
        indikator.simpul.uraian = ""
        indikator.simpul.label = f"{NAMA_TINGKAT['indikator_opd']} {t.kode_tampil}"
        kotak = self._kotak("tujuan", t, [indikator] if t.daftar_indikator else anak, self.kepala_opd)
        kotak.simpul.indikator = []
        if t.daftar_indikator:
            indikator.indikator = []  # counted and tabled with the tujuan
        return kotak

    def daerah(self, daftar_tujuan, anak):
        """The TUJUAN RPD box of the regional goals `daftar_tujuan`, with their INDIKATOR RPD box
        under it, over the agency's tujuan boxes `anak`."""
        dokumen = daftar_tujuan[0].dokumen
        nomor = ", ".join(d.kode for d in daftar_tujuan)
        indikator = [i for d in daftar_tujuan for i in d.daftar_indikator]
        bawah = anak
        if indikator:
            kotak = SimpulPohon(
                tingkat="indikator_daerah",
                kode=nomor,
                uraian="",
                indikator=[teks_indikator_daerah(i) for i in indikator],
                anak=[k.simpul for k in anak],
                label=f"{NAMA_TINGKAT['indikator_daerah']} {dokumen} {nomor}",
            )
            bawah = [_Kotak(kotak, [], anak)]
        if len(daftar_tujuan) == 1:
            uraian = daftar_tujuan[0].uraian
        else:
            uraian = "\n".join(f"{d.kode}. {d.uraian}" for d in daftar_tujuan)
        simpul = SimpulPohon(
            tingkat="tujuan_daerah",
            kode=nomor,
            uraian=uraian,
            anak=[k.simpul for k in bawah],
            penanggung_jawab=f"{dokumen} {daftar_tujuan[0].wilayah} {daftar_tujuan[0].periode}",
            label=f"{NAMA_TINGKAT['tujuan_daerah']} {dokumen} {nomor}",
        )
        return _Kotak(simpul, [(i, None) for i in indikator], bawah)

    def akar(self, pohon, daerah):
        """The roots: the regional goals over the tujuan that serve them (grouped by the goals
        they serve, in the order of the tujuan), tujuan serving none at the top."""
        akar = []
        kelompok = {}
        for t in pohon.tujuan:
            kotak = self.tujuan(t)
            if kotak is None:
                continue
            tujuan_daerah = daerah.per_tujuan.get(t.pk)
            if not tujuan_daerah:
                akar.append(kotak)
                continue
            kunci = tuple(d.pk for d in tujuan_daerah)
            if kunci not in kelompok:
                kelompok[kunci] = (tujuan_daerah, [])
                akar.append(kunci)
            kelompok[kunci][1].append(kotak)
        akar = [self.daerah(*kelompok[k]) if isinstance(k, tuple) else k for k in akar]
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


# Boxes that only list indicators: the table prints those on their parent's row.
KOTAK_INDIKATOR = {"indikator_daerah", "indikator_opd"}


def _nama_tingkat(simpul):
    if simpul.tingkat == "tujuan_daerah":
        return simpul.label.removesuffix(f" {simpul.kode}")
    return NAMA_TINGKAT[simpul.tingkat]


def _baris(kotak, tingkat=0):
    """The rows of a box (one per indicator, the first carrying the box) and of its subtree."""
    s = kotak.simpul
    if s.tingkat in KOTAK_INDIKATOR:
        for anak in kotak.anak:
            yield from _baris(anak, tingkat)
        return
    jenis = "kelompok" if s.tingkat in ("tujuan_daerah", "tujuan", "sasaran", "program", "lain") else "isi"
    penanggung_jawab = ", ".join(x for x in (s.penanggung_jawab, s.eselon) if x)
    kepala = [teks(_nama_tingkat(s)), kode(s.kode), teks(s.uraian)]
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
        if kotak.simpul.tingkat != "tujuan_daerah":
            indikator.update(i.pk for i, _ in kotak.indikator)
        tumpukan.extend(kotak.anak)
    return {**jumlah, "indikator": len(indikator)}


# Paper (cetak.css: landscape A4, 7.5 pt type, margins 14/10/16 mm): about BARIS_HALAMAN lines of
# box text fit a page below its heading, HURUF_SEBARIS characters across it; each level of indent
# takes JOROK_HURUF of them. A box's height is estimated from its text (bold statement in 36% of
# the box, indicators in the rest), plus its coloured heading, padding and the gap above it.
BARIS_HALAMAN = 44
HURUF_SEBARIS = 200
JOROK_HURUF = 6
TINGGI_KEPALA = 2.4


def _tinggi(simpul, kedalaman):
    lebar = max(HURUF_SEBARIS - JOROK_HURUF * kedalaman, 60)
    lebar_uraian = lebar * 0.36 * 0.85 if simpul.indikator else lebar * 0.85
    uraian = sum(ceil(len(b) / lebar_uraian) for b in simpul.uraian.split("\n") if b)
    lebar_indikator = lebar * (0.64 if simpul.uraian else 1) - 3
    indikator = sum(ceil((len(i) + 1) / lebar_indikator) for i in simpul.indikator)
    return TINGGI_KEPALA + max(uraian, indikator, 1)


def _ringkas(simpul, anak):
    """A box repeated above a page's branch: its heading and statement only."""
    return replace(simpul, indikator=[], anak=anak)


def _jangkar(simpul):
    """Whether the box heads a run of pages: an INDIKATOR OPD box (seed 001 prints one branch per
    agency indicator), a tujuan without indicators, the programs without sasaran."""
    if simpul.tingkat == "tujuan":
        return not any(a.tingkat == "indikator_opd" for a in simpul.anak)
    return simpul.tingkat in ("indikator_opd", "lain")


def _atas(simpul):
    """The first page: the boxes down to the heads of the branches."""
    return replace(simpul, anak=[] if _jangkar(simpul) else [_atas(a) for a in simpul.anak])


def _cabang(simpul, jalur=()):
    """(the boxes above, the head) of every branch below `simpul`."""
    if _jangkar(simpul):
        yield jalur, simpul
        return
    for anak in simpul.anak:
        yield from _cabang(anak, (*jalur, simpul))


def _potong(kepala, kedalaman, budget=BARIS_HALAMAN):
    """The boxes under `kepala` (at `kedalaman`, its path above it) cut into pages: lists of the
    ids of the boxes each page shows in full, in the tree's order. A page repeats the path, the
    head and the boxes above its first box; a box taller than a page has a page of its own."""
    halaman = []
    isi, terpakai = [], budget

    def jalan(simpul, tingkat, leluhur):
        nonlocal isi, terpakai
        tinggi = _tinggi(simpul, tingkat)
        if isi and terpakai + tinggi > budget:
            halaman.append(isi)
            isi = []
        if not isi:
            terpakai = _tinggi(kepala, kedalaman) + kedalaman * TINGGI_KEPALA
            terpakai += sum(TINGGI_KEPALA + 1 for _ in leluhur)
        isi.append(id(simpul))
        terpakai += tinggi
        for anak in simpul.anak:
            jalan(anak, tingkat + 1, (*leluhur, simpul))

    for anak in kepala.anak:
        jalan(anak, kedalaman + 1, ())
    return [*halaman, isi] if isi else halaman or [[]]


def _bangun(simpul, isi, turunan):
    """`simpul` with the boxes of one page below it: those in `isi` in full, the boxes above them
    repeated without indicators."""
    anak = [_bangun(a, isi, turunan) for a in simpul.anak if turunan[id(a)] & isi]
    return replace(simpul, anak=anak) if id(simpul) in isi else _ringkas(simpul, anak)


def _turunan(simpul, hasil):
    """The ids of every box under `simpul`, and itself, for each box."""
    ids = {id(simpul)}
    for anak in simpul.anak:
        ids |= _turunan(anak, hasil)
    hasil[id(simpul)] = ids
    return ids


def _halaman(akar):
    """The tree as printed pages (seed 001): the levels down to the agency's indicators, then each
    branch, with "LANJUTAN" pages when it does not fit one."""
    halaman = [HalamanPohon(judul="", akar=[_atas(s) for s in akar])]
    for s in akar:
        for jalur, kepala in _cabang(s):
            if not kepala.anak:
                continue
            turunan = {}
            _turunan(kepala, turunan)
            for n, isi in enumerate(_potong(kepala, len(jalur))):
                atas = _bangun(kepala, {id(kepala), *isi}, turunan)
                for leluhur in reversed(jalur):
                    atas = _ringkas(leluhur, [atas])
                judul = kepala.label.upper()
                halaman.append(HalamanPohon(judul=f"LANJUTAN {judul}" if n else judul, akar=[atas]))
    return halaman


def _catatan_daerah(opd, daerah, akar):
    """What the report says about the regional level: where to enter it when it is missing."""
    if not daerah.tujuan:
        wilayah = opd.wilayah or "wilayah perangkat daerah ini"
        return (
            f"Tingkat daerah belum diisi: tujuan dan indikator RPJMD/RPD {wilayah} belum dicatat. Isikan di "
            "Admin › Renstra › Tujuan daerah (RPJMD/RPD), dengan wilayah yang sama seperti isian wilayah "
            "perangkat daerah, lalu pilih tujuan daerah yang didukung pada setiap tujuan Renstra."
        )
    lepas = [s.label for s in akar if s.tingkat == "tujuan"]
    if lepas:
        return (
            f"{', '.join(lepas)} belum dikaitkan dengan tujuan RPJMD/RPD: pilih tujuan daerah yang didukung "
            "pada halaman tujuan di Admin › Renstra › Tujuan."
        )
    return None


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
    daerah = tingkat_daerah(renstra, opd.wilayah, tahun)
    akar = _Penyusun(opd, tahun, pohon, bidang).akar(pohon, daerah)
    jumlah = _hitung(akar)
    ket = keterangan(opd, tahun, bidang=bidang, renstra=renstra)
    if renstra.revisi:
        ket = [(label, f"{isi} ({renstra.nama_revisi})" if label == "Renstra" else isi) for label, isi in ket]

    catatan_daerah = _catatan_daerah(opd, daerah, [k.simpul for k in akar])
    bagian = [p for p in (_visi_misi(renstra),) if p]
    if catatan_daerah and not daerah.tujuan:
        bagian.append(Paragraf(catatan_daerah, judul="Tingkat daerah (RPJMD/RPD)"))
    simpul = [k.simpul for k in akar]
    bagian.append(Pohon(nama="Pohon Kinerja", akar=simpul, tabel=_tabel(akar, tahun), halaman=_halaman(simpul)))
    catatan = [
        f"Target: target Renstra tahun {tahun}.",
        "Indikator tujuan dan sasaran milik Kepala Perangkat Daerah (eselon II), indikator program dan "
        "kegiatan milik kepala bidang (eselon III), indikator sub kegiatan milik eselon IV.",
        f"Memuat {jumlah['tujuan']} tujuan, {jumlah['sasaran']} sasaran, {jumlah['program']} program, "
        f"{jumlah['kegiatan']} kegiatan, {jumlah['sub_kegiatan']} sub kegiatan dan "
        f"{jumlah['indikator']} indikator.",
    ]
    if catatan_daerah:
        catatan.append(catatan_daerah)
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

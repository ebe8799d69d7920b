"""One truth: every node of an agency's dashboard shows the numbers the reports print for it.

The demo (Belitung and Batu Bara) is walked agency by agency, year by year and quarter by quarter;
each node's row on the dashboard (its indicators, their mean capaian, its budget and spending) is
compared with the report that prints that node's figures: the Evaluasi Renja for sasaran,
programs, kegiatan and sub kegiatan up to a quarter, the LKjIP for tujuan and sasaran over the
year, the Evaluasi Triwulan for which indicators a tujuan or sasaran has, the Matriks Renstra for
a budget that is only the Renstra's pagu indikatif."""

from dataclasses import dataclass

import pytest

from kinerja import dasbor, rules
from kinerja.models import Realisasi
from kinerja.periode import romawi
from kinerja.selectors import batas_capaian
from laporan.builders import dasbor as bangun
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja
from laporan.builders.evaluasi_triwulan import build_evaluasi_triwulan
from laporan.builders.lkjip import build_lkjip
from laporan.builders.matriks_renstra import KOLOM_DEPAN, build_matriks_renstra
from laporan.dokumen import Jenis, Tabel
from renstra.models import Pagu, PerangkatDaerah, Target

pytestmark = pytest.mark.django_db
DEMO = ("DSPPPA-BELITUNG", "DSPPPA-BATUBARA")


@dataclass
class Angka:
    """A node's figures as printed: the number of its counted indicators, their mean capaian,
    its budget and spending (None: not printed by that document)."""

    indikator: int | None = None
    capaian: str | None = None
    pagu: str | None = None
    realisasi: str | None = None


def _persen(x):
    return rules.format_persen(x) if x is not None else "–"


def _rupiah(x):
    return rules.format_angka(x, 0) if x is not None else "–"


def _tahun_berdata(opd):
    """The years in which the agency has targets, realisations or budgets."""
    tahun = set(Target.objects.filter(indikator__renstra__opd=opd).values_list("tahun", flat=True))
    tahun |= set(Realisasi.objects.filter(indikator__renstra__opd=opd).values_list("tahun", flat=True))
    tahun |= set(Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra__opd=opd).values_list("tahun", flat=True))
    return sorted(tahun)


# --- what the dashboard prints ----------------------------------------------------------------


def _dasbor(opd, tahun, triwulan):
    """(data, {(level, code): Angka}, budget column header, the agency's Angka) from the tables
    and cards of the agency's pages."""
    data = dasbor.dasbor_opd(opd, tahun, triwulan)
    angka, kepala_pagu = {}, None
    for induk in data.akar.semua():
        if not induk.anak:
            continue
        tabel = bangun.tabel_anak(data, induk)
        kepala_pagu = tabel.kepala[0][6].teks
        for b, a in zip(tabel.baris, induk.anak, strict=True):
            if a.level == "lain" or not a.objek.kode:
                # A row without a code (tanpa kode: the Belitung 2023 budget's rows of 2023 alone) has
                # no code to find it by in the reports; its money is in the totals compared below.
                continue
            kunci = (a.level, a.objek.kode)
            assert kunci not in angka, f"kode {kunci} ganda"
            angka[kunci] = Angka(
                b.sel[3].nilai, _persen(b.sel[4].nilai), _rupiah(b.sel[6].nilai), _rupiah(b.sel[7].nilai)
            )
    akar = Angka(pagu=_rupiah(data.akar.pagu), realisasi=_rupiah(data.akar.realisasi))
    return data, angka, kepala_pagu, akar


# --- what the reports print -------------------------------------------------------------------


def _sel(tabel, baris):
    return dict(tabel.posisi(baris))


def _per_kode(tabel, kolom_kode):
    """{node code: [indicator rows]} and {node code: the node's first row} of a form laid out
    node by node: a row with a code opens a node, its indicators follow (detail rows left out)."""
    indikator, pertama, kini = {}, {}, None
    for b in tabel.baris:
        sel = _sel(tabel, b)
        k = sel.get(kolom_kode)
        if b.jenis == "jumlah" or b.kunci.startswith("urusan-"):  # totals; urusan heading rows
            kini = None
            continue
        if k is not None and k.jenis == Jenis.KODE and k.nilai:
            kini = k.nilai
            indikator[kini], pertama[kini] = [], sel
        elif b.jenis == "kelompok":
            kini = None
        if kini is not None and b.kunci.startswith("indikator-") and b.jenis != "rincian":
            indikator[kini].append(sel)
    return indikator, pertama


def _renja(opd, tahun, triwulan):
    """{code: Angka} of the sasaran, programs, kegiatan and sub kegiatan of the Evaluasi Renja,
    and the Angka of its Jumlah row."""
    laporan = build_evaluasi_renja(opd, tahun, triwulan)
    (tabel,) = laporan.bagian
    indikator, pertama = _per_kode(tabel, KOLOM["kode"])
    batas = batas_capaian()
    hasil = {}
    for kode, daftar in indikator.items():
        # A sub kegiatan cut by refocusing lists its indicators without measuring them.
        capaian = [s[KOLOM["capaian_renja_k"]] for s in daftar if KOLOM["capaian_renja_k"] in s]
        sel = pertama[kode]
        pagu, realisasi = sel.get(KOLOM["target_renja_rp"]), sel.get(KOLOM["realisasi_renja_rp"])
        hasil[kode] = Angka(
            len(capaian),
            _persen(rules.rata_rata_capaian((c.nilai for c in capaian), batas)),
            _rupiah(pagu.nilai) if pagu else None,
            _rupiah(realisasi.nilai) if realisasi else None,
        )
    jumlah = next(b for b in tabel.baris if b.jenis == "jumlah" and b.sel[0].nilai == "Jumlah")
    sel = _sel(tabel, jumlah)
    total = Angka(
        pagu=_rupiah(sel[KOLOM["target_renja_rp"]].nilai), realisasi=_rupiah(sel[KOLOM["realisasi_renja_rp"]].nilai)
    )
    return hasil, total


def _triwulan(opd, tahun):
    """{code: number of measured indicators} of the tujuan and sasaran of the Evaluasi Triwulan."""
    laporan = build_evaluasi_triwulan(opd, tahun, 4)
    form1 = laporan.bagian[0]
    indikator, _ = _per_kode(form1, 1)
    return {kode: sum(1 for s in daftar if not s[6].teks) for kode, daftar in indikator.items()}


def _lkjip(opd, tahun):
    """{(level, pk): Angka} of the tujuan and sasaran of the LKjIP: indicators and mean capaian
    (Rata-rata Capaian Kinerja Tujuan/Sasaran), the tujuan's budget and spending (Pagu dan
    Realisasi Anggaran terkait Pencapaian Tujuan/Sasaran)."""
    laporan = build_lkjip(opd, tahun)
    tabel = {b.kunci: b for b in laporan.bagian if isinstance(b, Tabel)}
    hasil = {}
    for b in tabel["rata-rata-tujuan-sasaran"].baris:
        hasil[b.kunci] = Angka(b.sel[2].nilai, _persen(b.sel[3].nilai))
    anggaran = {}
    for b in tabel["anggaran-tujuan-sasaran"].baris:
        if b.kunci.startswith("tujuan-"):
            anggaran[b.kunci] = Angka(pagu=_rupiah(b.sel[7].nilai), realisasi=_rupiah(b.sel[8].nilai))
    return hasil, anggaran


def _matriks(opd, tahun):
    """{code: Rp of `tahun`} of the programs, kegiatan and sub kegiatan of the Matriks Renstra."""
    laporan = build_matriks_renstra(opd, tahun)
    (tabel,) = laporan.bagian
    daftar_tahun = [int(k.teks) for k in tabel.kepala[1]]
    kolom = KOLOM_DEPAN + 2 * daftar_tahun.index(tahun) + 1
    _, pertama = _per_kode(tabel, 2)
    return {kode: _rupiah(sel[kolom].nilai) for kode, sel in pertama.items()}


# --- the walk ---------------------------------------------------------------------------------


def _beda(tempat, sumber, dari_dasbor, dari_laporan):
    """The figures that differ, as sentences."""
    beda = []
    for nama in ("indikator", "capaian", "pagu", "realisasi"):
        di_dasbor, di_laporan = getattr(dari_dasbor, nama), getattr(dari_laporan, nama)
        if di_laporan is not None and di_dasbor != di_laporan:
            beda.append(f"{tempat}: {nama} di dasbor {di_dasbor}, di {sumber} {di_laporan}")
    return beda


def test_every_node_of_the_dashboard_shows_the_figures_the_reports_print_for_it(demo):
    beda, dibandingkan = [], 0
    for opd in PerangkatDaerah.objects.filter(kode__in=DEMO).order_by("kode"):
        for tahun in _tahun_berdata(opd):
            if dasbor.dasbor_opd(opd, tahun, 4).akar is None:
                continue
            for triwulan in (1, 2, 3, 4):
                data, angka, kepala_pagu, akar = _dasbor(opd, tahun, triwulan)
                indikatif = "indikatif" in kepala_pagu.lower()
                tempat = f"{opd.singkatan or opd.kode} {tahun} s.d. TW {romawi(triwulan)}"
                renja, jumlah = _renja(opd, tahun, triwulan)
                matriks = _matriks(opd, tahun) if indikatif else {}
                for (level, kode), a in angka.items():
                    if level == "tujuan":
                        continue
                    r = renja[kode]
                    if indikatif:
                        # The Renja's budget is the DPA's; a Renstra budget is in the Matriks.
                        r.pagu = matriks.get(kode)
                    beda += _beda(f"{tempat} {level} {kode}", "Evaluasi Renja", a, r)
                    dibandingkan += 1
                if not indikatif:
                    beda += _beda(f"{tempat} perangkat daerah", "Evaluasi Renja (Jumlah)", akar, jumlah)
            # The year: tujuan and sasaran as the LKjIP and the Evaluasi Triwulan print them.
            data, angka, kepala_pagu, _ = _dasbor(opd, tahun, 4)
            tempat = f"{opd.singkatan or opd.kode} {tahun}"
            lkjip, anggaran = _lkjip(opd, tahun)
            triwulan = _triwulan(opd, tahun)
            for s in data.akar.semua():
                if s.level not in ("tujuan", "sasaran"):
                    continue
                a = angka[s.level, s.objek.kode]
                # The LKjIP lists the nodes that have indicators.
                nama = f"{tempat} {s.level} {s.objek.kode}"
                beda += _beda(nama, "LKjIP", a, lkjip.get(f"{s.level}-{s.objek.pk}", Angka(0, "–")))
                if s.level == "tujuan" and "indikatif" not in kepala_pagu.lower():
                    beda += _beda(nama, "LKjIP (anggaran)", a, anggaran[f"tujuan-{s.objek.pk}"])
                beda += _beda(
                    f"{tempat} {s.level} {s.objek.kode}",
                    "Evaluasi Triwulan",
                    a,
                    Angka(triwulan.get(s.objek.kode, 0)),
                )
                dibandingkan += 1
    assert dibandingkan > 1000
    assert not beda, "\n".join(beda)

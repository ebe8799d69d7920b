"""How many of the values printed in the Belitung LKjIP 2024 (seed 003) Kinerja's draft of the
Belitung demo reproduces: `make nilai-lkjip` (issue 20).

1. Reads the seed's text and takes the values a reader can check against data: the numbers in
   the cells of its tables (targets, realisations, capaian, pagu and realisasi, serapan, counts,
   averages) and in its sentences, each with where it is (chapter, table or section, line) and
   its row label (or sentence). Page numbers, years standing alone, dates, regulation, NIP and
   phone numbers, table/figure/section numbers, list numbers, column numbers and the constants
   of formulas (x 100%, x 10.000) are left out, and so are the scales (Tabel 3.1, 3.2, 3.46,
   3.48), which are definitions, not data.
2. Builds the LKjIP 2024 of the Belitung demo on a fresh SQLite database (under /tmp/nilai/, or
   the one NILAI_DB names: then it is reused as it is) and takes the numbers its tables and
   generated sentences print. The texts people write (kinerja.NarasiLaporan, which the demo
   fills with the seed's prose) are counted apart: a value found only there is not generated.
3. A seed value is reproduced ("loose") when the draft prints the same number (Indonesian or,
   in the seed's Lampiran I–IV, English notation; with or without "Rp" and "%"; the draft may
   print fewer decimals, rounded); "label-aware" when, besides, the draft's row (row label and
   table title) or sentence shares words with the seed's row label or sentence.
4. Prints how many values were taken and reproduced, per chapter and per table/section, and the
   missing ones grouped by where they are, with a few examples each.

Deterministic; about half a minute (most of it the migrations and the demo). `--semua` lists
every missing value; `--json FILE` writes the comparison.
"""

import argparse
import json
import os
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
SEED = next((AKAR.parent / "shared" / "seeds").glob("003_*.txt"), None)
FOLDER = Path("/tmp/nilai")

BULAN = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
# The word before a number that makes it an identifier, not a value.
PENANDA = {
    "tabel",
    "table",
    "taabel",
    "gambar",
    "grafik",
    "lampiran",
    "bab",
    "nomor",
    "no",
    "nip",
    "pasal",
    "ayat",
    "misi",
    "tahun",
    "permendagri",
    "perpres",
    "uu",
    "pp",
    "halaman",
    "hal",
    "triwulan",
    "ke",
    "tw",
    "angka",
    "point",
    "poin",
    "butir",
    "sila",
    "perbup",
    "perda",
    "jl",
    "rt",
    "rw",
    "telp",
    "hp",
    "kode",
}
KONSTANTA = re.compile(r"(?:[x×]|\\times|dikali|kali)\s*$", re.IGNORECASE)
ANGKA = re.compile(r"(?<![\w])([-−]?)(\d+(?:[.,]\d+)*)")
KATA = re.compile(r"[a-z]{3,}")
TANPA_MAKNA = {
    "dan",
    "yang",
    "dari",
    "pada",
    "untuk",
    "dengan",
    "atau",
    "dalam",
    "tahun",
    "kabupaten",
    "belitung",
    "dinas",
    "tersebut",
    "adalah",
    "sebesar",
    "sebanyak",
    "terhadap",
    "oleh",
    "ini",
    "itu",
    "serta",
    "tabel",
    "berikut",
    "sebagai",
}
NAMA_OPD = re.compile(r"dinas sosial,? pemberdayaan perempuan dan perlindungan anak", re.IGNORECASE)
# Where the seed prints data Kinerja does not hold (staff, PMKS per kind, SPM, other agencies, the
# SAKIP evaluation, public service awards) or documents attached as they are (Renja, RKPD, PK,
# the quarterly forms, the physical realisation): counted, but apart from the core ("inti").
DI_LUAR = (
    "BAB I",
    "Tabel 1.1",
    "Tabel 3.16",
    "Tabel 3.17",
    "Tabel 3.18",
    "Tabel 3.38",
    "Tabel 3.1 Ringkasan",
    "Tabel 3.39",
    "Tabel 3.40",
    "1. Penganugerahan",
    "teks 3.2",
    "teks 1. Penganugerahan",
    "LAMPIRAN IX",
    "LAMPIRAN X ",
    "LAMPIRAN XI ",
    "LAMPIRAN XII",
)
# The seed's Lampiran IX–XII are printed without a "LAMPIRAN" line: their first lines name them.
SUB_LAMPIRAN = (
    ("DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK KABUPATEN BELITUNG", "LAMPIRAN IX Renja"),
    ("**PERUBAHAN RENCANA KERJA PEMERINTAH DAERAH", "LAMPIRAN IX RKPD"),
    ("**PERUBAHAN PERJANJIAN KINERJA", "LAMPIRAN X Perjanjian Kinerja"),
    ("FORM 2 : PENGUKURAN KINERJA", "LAMPIRAN XI Form 2 Pengukuran Kinerja"),
    ("FORM 1 : LAPORAN CAPAIAN KINERJA", "LAMPIRAN XI Form 1 Laporan Capaian Kinerja"),
    ("FORM 3 : ANALISIS KINERJA", "LAMPIRAN XI Form 3 Analisis Kinerja"),
    ("LAPORAN REALISASI FISIK DAN KEUANGAN", "LAMPIRAN XII Realisasi Fisik dan Keuangan"),
)
# The seed's scales: definitions, not data.
SKALA = ("predikat capaian kinerja", "kategori capaian kinerja", "tingkatan efektivitas", "tingkatan efisiensi")


@dataclass
class Nilai:
    angka: Decimal
    desimal: int
    teks: str
    baris: int  # line in the seed (1-based)
    bab: str
    tempat: str  # the table or section
    label: str
    sel: bool  # in a table cell (else in a sentence)

    @property
    def inti(self):
        """Whether the value is of the data Kinerja holds (not DI_LUAR)."""
        return not any(self.bab.startswith(d) or self.tempat.startswith(d) for d in DI_LUAR)


# ---------------------------------------------------------------- numbers


def baca_angka(teks, inggris=False):
    """(Decimal, decimals) of a number as printed, Indonesian (1.234.567,89) or, `inggris`,
    English (1,234,567.89); None when it is not one number."""
    ribuan, koma = (",", ".") if inggris else (".", ",")
    if teks.count(koma) > 1:
        return None
    utuh, _, pecahan = teks.partition(koma)
    kelompok = utuh.split(ribuan)
    if len(kelompok) > 1 and (not 1 <= len(kelompok[0]) <= 3 or any(len(k) != 3 for k in kelompok[1:])):
        return None
    try:
        return Decimal("".join(kelompok) + ("." + pecahan if pecahan else "")), len(pecahan)
    except ArithmeticError:
        return None


def bulatkan(angka, desimal):
    return angka.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def kata(teks):
    hasil = set()
    for k in KATA.findall(NAMA_OPD.sub(" ", teks).lower()):
        k = {"total": "jumlah", "realiasi": "realisasi", "ralisasi": "realisasi"}.get(k, k)
        if k not in TANPA_MAKNA:
            hasil.add(k)
    return hasil


def angka_kalimat(teks, inggris=False):
    """The values of a sentence (or a text cell): (Decimal, decimals, as printed), without the
    identifiers, years, dates, list numbers and formula constants."""
    hasil = []
    for m in ANGKA.finditer(teks):
        tanda, isi = m.group(1), m.group(2)
        mulai = m.start()
        sebelum = teks[max(0, mulai - 30) : mulai]
        sesudah = teks[m.end() : m.end() + 15]
        if tanda and mulai > 0 and teks[mulai - 1].isalnum():
            continue  # "ke-1", "COVID-19"
        if sebelum.rstrip().endswith("/") or sesudah.startswith("/") or sesudah.startswith(":"):
            continue  # an identifier or a formula's ratio (67,06/90)
        kata_sebelum = re.findall(r"[a-z]+", sebelum.lower())
        if kata_sebelum and kata_sebelum[-1] in PENANDA and re.search(r"[a-z][\s.:]*$", sebelum.lower()):
            continue
        if KONSTANTA.search(sebelum):
            continue
        if re.match(r"\s*(" + "|".join(BULAN) + r")\b", sesudah.lower()):
            continue  # a date
        if re.match(r"^\s*(?:[-•*]\s*)?(?:\(?[a-z]\)\s*)?$", teks[:mulai].lower()) and re.match(r"[.)]", sesudah):
            continue  # a list's number
        if re.fullmatch(r"\d+(?:\.\d{1,2})+", isi) and not inggris:
            continue  # a section number (3.1.1)
        if re.fullmatch(r"\d{9,}", isi):
            continue  # NIP, phone
        if re.fullmatch(r"(19|20)\d\d", isi):
            continue  # a year
        dibaca = baca_angka(isi, inggris)
        if dibaca is None:
            continue
        angka, desimal = dibaca
        hasil.append((-angka if tanda else angka, desimal, m.group(0)))
    return hasil


# ---------------------------------------------------------------- the seed


JUDUL_TABEL = re.compile(r"^\s*(?:TAABEL|TABEL|Tabel)\.?\s*(\d+\.\d+)", re.IGNORECASE)
JUDUL_BAGIAN = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+([A-Z][A-Z ,/&-]{3,}|[A-Z][a-z].{0,80})$")
BAB = re.compile(r"^(BAB [IV]+|KATA PENGANTAR|RINGKASAN EKSEKUTIF|DAFTAR ISI|LAMPIRAN(?: [IVX]+)?)\s*$")
NOMOR_BARIS = re.compile(r"^[-(]?\d{1,2}(?:\.\s?\d{1,2})*[.)]?$|^\d{1,2}\.[a-z]\.?$")
SEL_ANGKA = re.compile(r"^\s*(?:Rp\.?\s*)?([-−]?\d[\d.,]*)\s*(?:%|,-|\.-)?\s*(?:\(.*\))?\s*$", re.IGNORECASE)


def sel_angka(sel, inggris):
    """(Decimal, decimals, as printed) of a cell that is one number, else None."""
    m = SEL_ANGKA.match(sel.replace("\\%", "%"))
    if not m:
        return None
    isi = m.group(1).rstrip(".,")
    tanda = isi[0] in "-−"
    dibaca = baca_angka(isi.lstrip("-−"), inggris)
    if dibaca is None:
        return None
    angka, desimal = dibaca
    return (-angka if tanda else angka), desimal, sel.strip()


def _inggris(baris_tabel):
    """Whether a table block prints English numbers (the seed's Lampiran I–IV)."""
    teks = "\n".join("\t".join(b.split("\t")[1:]) for b in baris_tabel)
    inggris = len(re.findall(r"\d,\d{3}(?:,\d{3})+(?![\d])", teks)) + len(
        re.findall(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])", teks)
    )
    indonesia = len(re.findall(r"\d\.\d{3}\.\d{3}", teks)) + len(re.findall(r"(?<![\d.,])\d+,\d{1,2}(?![\d.,])", teks))
    return inggris > indonesia


def _baris_indeks(angka_sel):
    """A row of column numbers (1 2 3 … or -1 -2 -3 …) or of years."""
    nilai = [abs(a) for a, _, _ in angka_sel]
    if all(2015 <= n <= 2030 and n == int(n) for n in nilai):
        return True
    return len(nilai) >= 4 and all(n == int(n) and n <= 30 for n in nilai) and nilai == sorted(set(nilai))


def ambil_seed(path=SEED):
    """The checkable values of the seed's text."""
    baris = path.read_text(encoding="utf-8").splitlines()
    hasil = []
    bab, bagian, tabel, baris_tabel_terakhir = "Sampul", "", "", -10
    sudah_bab_iv = False
    blok = []

    def tutup_blok():
        if not blok:
            return
        if any(s in tabel.lower() for s in SKALA) or bab in ("DAFTAR ISI", "Sampul"):
            blok.clear()
            return
        inggris = _inggris([b for _, b in blok])
        tempat = tabel or bagian or bab
        label_lalu = ""
        for nomor, teks in blok:
            sel = [s.strip() for s in teks.split("\t")]
            angka_sel, label = [], []
            sebelum_teks = True
            for s in sel:
                if not s or s in "-–—":
                    continue
                dibaca = sel_angka(s, inggris)
                if dibaca and sebelum_teks and NOMOR_BARIS.match(s.replace(" ", "")) and "," not in s:
                    continue  # the row's number (1, 1.1, 2.1. 1)
                if dibaca:
                    angka_sel.append(dibaca)
                    continue
                if re.search(r"[A-Za-z]", s):
                    sebelum_teks = False
                    label.append(s)
                    # a formula's result in a text cell ("= 92,31%")
                    for m in re.finditer(r"=\s*([-−]?\d[\d.,]*)\s*\\?%", s):
                        d = baca_angka(m.group(1).rstrip(".,"), inggris)
                        if d:
                            angka_sel.append((d[0], d[1], m.group(0)))
            if not angka_sel or _baris_indeks(angka_sel):
                if label:
                    label_lalu = " ".join(label)
                continue
            teks_label = " ".join(label) or label_lalu
            label_lalu = teks_label
            for angka, desimal, asli in angka_sel:
                if desimal == 0 and 2015 <= angka <= 2030 and re.fullmatch(r"20\d\d", asli):
                    continue
                hasil.append(Nilai(angka, desimal, asli, nomor, bab, tempat, teks_label[:160], True))
        blok.clear()

    for i, teks in enumerate(baris, 1):
        polos = teks.strip().strip("*").strip()
        sub = next((nama for awal, nama in SUB_LAMPIRAN if teks.startswith(awal)), None)
        if sub and bab.startswith("LAMPIRAN") and not bab.startswith(sub[:12]):
            tutup_blok()
            bab, bagian, tabel = sub, "", ""
            continue
        m = BAB.match(polos)
        if m and "\t" not in teks:
            tutup_blok()
            nama = m.group(1)
            if nama == "LAMPIRAN" and not sudah_bab_iv:
                continue  # the Perbup's attachment inside Bab I
            sudah_bab_iv |= nama == "BAB IV"
            bab, bagian, tabel = nama, "", ""
            continue
        if "\t" in teks and bab != "DAFTAR ISI":
            blok.append((i, teks))
            baris_tabel_terakhir = i
            continue
        if not polos:
            continue
        m = JUDUL_TABEL.match(polos)
        if m:
            tutup_blok()
            tabel = f"Tabel {m.group(1)} " + polos[m.end() :].strip(" .*")[:60]
            # a title split over the next lines: keep a few words for the scales check
            lanjut = " ".join(b.strip() for b in baris[i : i + 3] if b.strip() and "\t" not in b)
            tabel = (tabel + " " + lanjut)[:120] if len(tabel) < 20 else tabel
            continue
        m = JUDUL_BAGIAN.match(polos)
        if m and len(polos) < 100 and not polos.endswith((".", ";", ":")):
            tutup_blok()
            bagian, tabel = polos, ""
            continue
        # running text: close the table once a sentence follows it
        if blok and (len(polos) > 60 or i - baris_tabel_terakhir > 3):
            tutup_blok()
            tabel = ""
        if bab in ("DAFTAR ISI", "Sampul") or len(polos) < 3:
            continue
        if tabel and i - baris_tabel_terakhir < 0:
            continue
        tempat = f"teks {bagian or bab}"
        for kalimat in re.split(r"(?<=[.;:!?])\s+(?=[A-Z0-9(])", polos):
            for angka, desimal, asli in angka_kalimat(kalimat):
                hasil.append(Nilai(angka, desimal, asli, i, bab, tempat, kalimat[:200], False))
    tutup_blok()
    return hasil


# ---------------------------------------------------------------- the draft


def siapkan_basis_data():
    """A fresh SQLite database with the demo (NILAI_DB: an existing one, used as it is)."""
    if os.environ.get("NILAI_DB"):
        os.environ["DATABASE_URL"] = f"sqlite:///{os.environ['NILAI_DB']}"
        return False
    folder = FOLDER / "db"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'nilai.sqlite3'}"
    return True


def ambil_draf():
    """(value, decimals, label, generated?) of every number Kinerja's LKjIP prints."""
    from datetime import date
    from io import StringIO

    from django.core.management import call_command

    from laporan.builders.lkjip import build_lkjip
    from laporan.dokumen import Butir, Judul, Paragraf, Tabel, Tulisan
    from laporan.templatetags.laporan_tampil import tulis_sel
    from renstra.models import PerangkatDaerah

    if not PerangkatDaerah.objects.filter(kode="DSPPPA-BELITUNG").exists():
        call_command("demo", stdout=StringIO())
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
    laporan = build_lkjip(opd, 2024, tanggal=date(2025, 3, 4))  # the seed's Kata Pengantar date
    hasil = []

    def kalimat(teks, buatan, konteks=""):
        for k in re.split(r"(?<=[.;:!?])\s+(?=[A-Z0-9(])", teks or ""):
            for angka, desimal, _ in angka_kalimat(k):
                hasil.append((angka, desimal, k + " " + konteks, buatan))

    def tabel(t):
        judul = f"{t.nama} {t.judul}"
        for b in t.baris:
            isi = [tulis_sel(s) for s in b.sel]
            label = " ".join(s for s in isi if re.search(r"[A-Za-z]", s)) + " " + judul
            for s in isi:
                dibaca = sel_angka(s, False)
                if dibaca:
                    hasil.append((dibaca[0], dibaca[1], label, True))
                else:
                    for angka, desimal, _ in angka_kalimat(s):
                        hasil.append((angka, desimal, label, True))
        for p in t.pembuka:
            bagian(p)
        for c in [*t.catatan, *t.catatan_data]:
            kalimat(str(c), True, judul)

    def bagian(b):
        if isinstance(b, Tabel):
            tabel(b)
        elif isinstance(b, Paragraf):
            kalimat(b.teks, True, b.judul)
        elif isinstance(b, Butir):
            for x in b.isi:
                kalimat(str(x), True)
        elif isinstance(b, Tulisan):
            kalimat(b.teks, False, b.judul)
        elif isinstance(b, Judul):
            pass

    for b in laporan.bagian:
        bagian(b)
    for c in laporan.catatan:
        kalimat(str(c), True)
    return hasil


# ---------------------------------------------------------------- comparing


def indeks(draf):
    """value → [(decimals, words, generated?)]."""
    hasil = defaultdict(list)
    for angka, desimal, label, buatan in draf:
        hasil[angka.normalize() if angka else Decimal(0)].append((desimal, kata(label), buatan))
    return hasil


def mirip(a, b):
    """Whether two labels speak of the same thing, roughly: shared words."""
    if not a or not b:
        return False
    sama = len(a & b)
    return sama >= 4 or (sama >= min(2, len(a)) and sama / min(len(a), len(b)) >= 0.5)


def cocokkan(nilai, idx, dengan_tulisan=False):
    """(loose, label-aware) for a seed value against the draft's index."""
    calon = []
    for d in range(nilai.desimal + 1):
        kunci = bulatkan(nilai.angka, d).normalize()
        for desimal, label, buatan in idx.get(kunci if kunci else Decimal(0), []):
            if not buatan and not dengan_tulisan:
                continue
            # the same number printed, or the draft prints fewer decimals and rounds to it
            if d == nilai.desimal or desimal == d:
                calon.append(label)
    label_seed = kata(nilai.label)
    if len(label_seed) <= 1:  # "Jumlah", "Total": the total of the table the value is in
        label_seed |= kata(nilai.tempat)
    return bool(calon), any(mirip(label_seed, c) for c in calon)


def ringkas(nilai, hasil, judul):
    jumlah = len(nilai)
    longgar = sum(h[0] for h in hasil)
    berlabel = sum(h[1] for h in hasil)
    print(f"{judul}: {jumlah} nilai; tereproduksi {longgar} (longgar), {berlabel} (dengan label)")
    return longgar, berlabel


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semua", action="store_true", help="list every missing value")
    parser.add_argument("--contoh", type=int, default=4, help="examples per group")
    parser.add_argument("--json", help="write the comparison to this file")
    args = parser.parse_args()

    mulai = time.perf_counter()
    nilai = ambil_seed()
    print(f"Seed {SEED.name}: {len(nilai)} nilai yang dapat diperiksa diambil")
    per_bab = Counter(n.bab for n in nilai)
    print("  per bab: " + ", ".join(f"{b} {j}" for b, j in per_bab.items()))

    baru = siapkan_basis_data()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    os.environ.setdefault("CACHE_URL", "locmemcache://")
    import django

    django.setup()
    if baru:
        from io import StringIO

        from django.core.management import call_command

        call_command("migrate", verbosity=0, stdout=StringIO())
    draf = ambil_draf()
    idx = indeks(draf)
    print(
        f"Draf LKjIP Kinerja (demo Belitung 2024): {len(draf)} angka tercetak "
        f"({sum(1 for d in draf if d[3])} dari tabel dan kalimat buatan, sisanya tulisan tersimpan)"
    )

    hasil = [cocokkan(n, idx) for n in nilai]
    dengan_tulisan = [cocokkan(n, idx, dengan_tulisan=True) for n in nilai]
    print()
    longgar, berlabel = ringkas(nilai, hasil, "SEMUA")
    tl = sum(h[0] for h in dengan_tulisan)
    tb = sum(h[1] for h in dengan_tulisan)
    print(f"  termasuk tulisan tersimpan (prosa seed yang dimuat demo): {tl} (longgar), {tb} (dengan label)")
    pilih = [(n, h) for n, h in zip(nilai, hasil, strict=True) if n.inti]
    inti = ringkas([n for n, _ in pilih], [h for _, h in pilih], "INTI (data yang dipegang Kinerja)")
    for sel, nama in ((True, "sel tabel"), (False, "kalimat")):
        pilih = [(n, h) for n, h in zip(nilai, hasil, strict=True) if n.sel == sel]
        ringkas([n for n, _ in pilih], [h for _, h in pilih], f"  {nama}")
    print("\nPer bab (nilai / longgar / dengan label):")
    for bab in per_bab:
        pilih = [h for n, h in zip(nilai, hasil, strict=True) if n.bab == bab]
        print(f"  {bab:22} {len(pilih):5} {sum(h[0] for h in pilih):5} {sum(h[1] for h in pilih):5}")

    print("\nPer tabel/bagian (nilai / longgar / dengan label), yang hilang terbanyak dulu:")
    kelompok = defaultdict(list)
    for n, h in zip(nilai, hasil, strict=True):
        kelompok[(n.bab, n.tempat)].append((n, h))
    urut = sorted(kelompok.items(), key=lambda kv: (-sum(not h[1] for _, h in kv[1]), kv[1][0][0].baris))
    for (bab, tempat), isi in urut:
        hilang = [n for n, h in isi if not h[1]]
        print(
            f"  {len(isi):4} {sum(h[0] for _, h in isi):4} {sum(h[1] for _, h in isi):4}  "
            f"[{bab}] {tempat[:70]} (baris {isi[0][0].baris}){'' if isi[0][0].inti else ' (di luar inti)'}"
        )
        for n in hilang if args.semua else hilang[: args.contoh if hilang else 0]:
            print(f"         hilang: {n.teks!r:22} baris {n.baris:4}  {n.label[:90]}")
    jumlah_inti = sum(n.inti for n in nilai)
    print(
        f"\nRingkas: {len(nilai)} nilai seed; tereproduksi {longgar} longgar / {berlabel} dengan label; "
        f"inti {jumlah_inti}: {inti[0]} longgar / {inti[1]} dengan label, hilang {jumlah_inti - inti[1]}. "
        f"{time.perf_counter() - mulai:.0f} detik."
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [
                    {**asdict(n), "angka": str(n.angka), "cocok_longgar": h[0], "cocok_label": h[1]}
                    for n, h in zip(nilai, hasil, strict=True)
                ],
                ensure_ascii=False,
                indent=1,
            )
        )


if __name__ == "__main__":
    main()

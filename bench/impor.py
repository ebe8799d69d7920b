"""Benchmark of the Matriks Renstra importer on a large workbook: `make bench` (after the pages).

Generates a deterministic matrix of about 5.000 data rows in the layout of seed 002 (Bab IV
Tabel 4.1: the code split over five columns `1 | 06 | 02 | 2,03 | 0004`, name, indicator, satuan,
Target and Rp of five years, kondisi akhir, the header repeated at every page break), writes it
to a temporary file and measures, as the median of the runs:

1. openpyxl alone reading it (read-only, values only): the floor no importer can beat;
2. `importers.jalankan(..., simpan=True)` into an empty database (each run starts empty: the
   first runs are rolled back, the last one is kept);
3. the same file imported again, everything unchanged;
4. first of all, the memory of one import into the empty database (written, then rolled back),
   in a child process that does nothing else, so the generated rows and the runs do not count: its
   peak resident set size (`ru_maxrss`, what the operating system gives the worker, interpreter
   and Django included) against the goal of 300 MB, and its resident size before the import;
   with `--tracemalloc` also the peak of Python's own allocations during a second run (slow).

`--ulang N` sets the runs of 1–3 (default 3, or BENCH_IMPOR_ULANG); `--memori-saja` skips them.
Runs on a throwaway SQLite database (or the one DATABASE_URL names). Nothing is left in the
repository.
"""

import argparse
import json
import logging
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench_impor.sqlite3"

import django

django.setup()

# One audit line per import run would fill the table.
logging.getLogger("kinerja.audit").setLevel(logging.WARNING)

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402

from kinerja import importers  # noqa: E402
from renstra.models import PerangkatDaerah  # noqa: E402

ULANG = int(os.environ.get("BENCH_IMPOR_ULANG", "3"))
TARGET_MEMORI_MB = 300
TAHUN = list(range(2025, 2030))
# Bidang urusan of a regency-wide matrix: (urusan, bidang, name).
BIDANG = [
    ("1", "01", "PENDIDIKAN"),
    ("1", "02", "KESEHATAN"),
    ("1", "03", "PEKERJAAN UMUM DAN PENATAAN RUANG"),
    ("1", "04", "PERUMAHAN RAKYAT DAN KAWASAN PERMUKIMAN"),
    ("1", "05", "KETENTERAMAN DAN KETERTIBAN UMUM"),
    ("1", "06", "SOSIAL"),
    ("2", "07", "TENAGA KERJA"),
    ("2", "08", "PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"),
    ("2", "09", "PANGAN"),
    ("2", "10", "PERTANAHAN"),
    ("2", "11", "LINGKUNGAN HIDUP"),
    ("2", "12", "ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL"),
]
PROGRAM_PER_BIDANG = 25
KEGIATAN_PER_PROGRAM = 3
SUB_PER_KEGIATAN = (2, 6)  # inclusive range; 4 on average, as in the seed
BARIS_PER_HALAMAN = 45
OBJEK = [
    "Layanan Kedaruratan",
    "Dokumen Perencanaan",
    "Sarana dan Prasarana",
    "Data dan Informasi",
    "Kelembagaan Masyarakat",
    "Pelatihan Aparatur",
    "Penyuluhan Keluarga",
    "Pendampingan Korban",
    "Pengawasan Lapangan",
    "Koordinasi Lintas Sektor",
]
SATUAN = ["Orang", "Dokumen", "Laporan", "Paket", "Unit", "Lembaga", "%"]
KEPALA = [
    [
        *[""] * 5,
        "Program/ Kegiatan/ Sub Kegiatan",
        "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output) Sesuai Kepmen 050-5889",
        "Satuan",
        "Tahun",
        *[""] * 9,
        "Kondisi Kinerja pada Akhir Periode Restra Perangkat Daerah",
        "",
    ],
    [*[""] * 8, *(x for t in TAHUN for x in (str(t), "")), "Target", "Rp"],
    [*[""] * 8, *["Target", "Rp"] * len(TAHUN), "", ""],
    [*(str(n) for n in range(3, 19)), "", "", "", ""],
]


def rupiah(n):
    return f"{n:,}".replace(",", ".")


def angka(d):
    return rupiah(d) if d == int(d) else f"{d:.2f}".replace(".", ",")


def matriks(acak):
    """Rows of the generated matrix (cells as printed text) and the number of data rows."""
    baris = []

    def node(kode, nama, indikator, satuan, target, rp):
        persen = satuan == "%"
        akhir = target[-1] if persen else sum(target)
        isi = [*kode, nama, indikator, satuan]
        for t, r in zip(target, rp, strict=True):
            isi += [angka(t), rupiah(r) if r else "-"]
        isi += [angka(akhir), rupiah(sum(rp))]
        baris.append(isi)

    def target_acak(satuan):
        if satuan == "%":
            awal = acak.choice([80, 85, 90, 95])
            return [min(100, awal + i * acak.choice([0, 1, 2.5])) for i in range(len(TAHUN))]
        n = acak.randint(1, 500)
        return [n] * len(TAHUN)

    for u, b, nama_bidang in BIDANG:
        baris.append([u, b, "", "", "", f"URUSAN PEMERINTAHAN BIDANG {nama_bidang}"])
        for p in range(1, PROGRAM_PER_BIDANG + 1):
            pp = f"{p:02d}"
            kegiatan = []
            for k in sorted(acak.sample(range(1, 13), KEGIATAN_PER_PROGRAM)):
                kk = f"2,{k:02d}"
                sub = []
                for s in sorted(acak.sample(range(1, 31), acak.randint(*SUB_PER_KEGIATAN))):
                    objek = acak.choice(OBJEK)
                    satuan = acak.choice(SATUAN)
                    rp = [acak.randrange(5, 900) * 1_000_000 + acak.randrange(0, 1000) * 1000 for _ in TAHUN]
                    if acak.random() < 0.1:
                        rp[0] = 0  # not funded the first year, printed "-"
                    tambahan = acak.random() < 0.05
                    sub.append(((u, b, pp, kk, f"{s:04d}"), f"Penyediaan {objek} {s}", objek, satuan, rp, tambahan))
                kegiatan.append(((u, b, pp, kk, ""), f"Pengelolaan {acak.choice(OBJEK)} {k}", sub))
            rp_program = [sum(r[4][i] for _, _, sub in kegiatan for r in sub) for i in range(len(TAHUN))]
            node(
                (u, b, pp, "", ""),
                f"PROGRAM {acak.choice(OBJEK).upper()} {nama_bidang} {p}",
                f"Persentase Capaian Program {p}",
                "%",
                target_acak("%"),
                rp_program,
            )
            for kode, nama, sub in kegiatan:
                rp_kegiatan = [sum(r[4][i] for r in sub) for i in range(len(TAHUN))]
                node(kode, nama, f"Jumlah {nama} yang Terlaksana", "Kegiatan", target_acak("Kegiatan"), rp_kegiatan)
                for kode_sub, nama_sub, objek, satuan, rp, tambahan in sub:
                    indikator = f"Jumlah {objek} yang Disediakan" if satuan != "%" else f"Persentase {objek}"
                    node(kode_sub, nama_sub, indikator, satuan, target_acak(satuan), rp)
                    if tambahan:  # a second indicator: a row with only the indicator and its targets
                        kedua = target_acak("Orang")
                        baris.append(
                            [*[""] * 6, f"Jumlah Penerima {objek}", "Orang"]
                            + [x for t in kedua for x in (angka(t), "")]
                            + [angka(sum(kedua)), ""]
                        )
    jumlah_data = len(baris)
    halaman = []
    for i in range(0, len(baris), BARIS_PER_HALAMAN):
        if i:
            halaman.append([""])
        halaman += [list(k) for k in KEPALA]
        halaman += baris[i : i + BARIS_PER_HALAMAN]
    return halaman, jumlah_data


def tulis(path, baris):
    buku = Workbook(write_only=True)
    ws = buku.create_sheet("Tabel 4.1")
    for isi in baris:
        ws.append([c if c != "" else None for c in isi])
    buku.save(path)


def baca_openpyxl(path):
    buku = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for ws in buku.worksheets:
        for _ in ws.iter_rows(values_only=True):
            n += 1
    buku.close()
    return n


class Kueri:
    """Counts the statements sent to the database (without keeping them, unlike
    CaptureQueriesContext, which stops at 9.000)."""

    def __init__(self):
        self.n = 0

    def __call__(self, execute, sql, params, many, context):
        self.n += 1
        return execute(sql, params, many, context)


def ukur(fungsi, ulang):
    """Median seconds of `fungsi(run)`, the seconds of each run, its last result and queries."""
    waktu, hasil, kueri = [], None, Kueri()
    for i in range(ulang):
        kueri.n = 0
        with connection.execute_wrapper(kueri):
            mulai = time.perf_counter()
            hasil = fungsi(i)
            waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu), waktu, hasil, kueri.n


def cetak(nama, baris, detik, semua, kueri):
    runs = ", ".join(f"{d:.2f}" for d in semua)
    print(f"{nama:40} {baris:6d} {detik:8.2f} {baris / detik:12,.0f} {kueri:7d}   ({runs})")


def _rss_mb():
    with open("/proc/self/status") as status:
        for baris in status:
            if baris.startswith("VmRSS:"):
                return int(baris.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def anak_memori(path, jejak):
    """The child of step 4: import `path` once, rolled back, and print its memory as JSON; with
    `jejak`, import it once more under tracemalloc."""
    opd = PerangkatDaerah.objects.get(kode="BENCH-IMPOR")

    def impor():
        with transaction.atomic():
            hasil = importers.jalankan("matriks-renstra", path, opd=opd, tahun=2025, simpan=True)
            assert hasil.sah and hasil.disimpan, [str(m) for m in hasil.galat[:5]]
            transaction.set_rollback(True)
        return hasil

    connection.ensure_connection()
    sebelum = _rss_mb()
    hasil = impor()
    puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    puncak_python = None
    if jejak:
        tracemalloc.start()
        impor()
        puncak_python = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    print(json.dumps({"baris": hasil.baris, "sebelum": sebelum, "puncak": puncak, "python": puncak_python}))


def ukur_memori(path, jejak):
    perintah = [sys.executable, __file__, "--anak-memori", path, *(["--tracemalloc"] if jejak else [])]
    keluaran = subprocess.run(perintah, check=True, capture_output=True, text=True).stdout
    m = json.loads(keluaran.strip().splitlines()[-1])
    status = "tercapai" if m["puncak"] <= TARGET_MEMORI_MB else "TIDAK tercapai"
    python = f"; puncak alokasi Python (tracemalloc, run kedua) {m['python']:.0f} MB" if jejak else ""
    print(
        f"memori impor {m['baris']} baris (proses anak, sekali, di-rollback): puncak RSS {m['puncak']:.0f} MB "
        f"(target ≤ {TARGET_MEMORI_MB} MB: {status}); RSS sebelum impor {m['sebelum']:.0f} MB{python}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ulang", type=int, default=ULANG, help="runs of each timed step (default %(default)s)")
    parser.add_argument("--memori-saja", action="store_true", help="measure only the memory of one import")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python's allocations (slow)")
    parser.add_argument("--anak-memori", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anak_memori:
        anak_memori(args.anak_memori, args.tracemalloc)
        return
    ulang = args.ulang

    call_command("migrate", verbosity=0)
    opd, _ = PerangkatDaerah.objects.get_or_create(kode="BENCH-IMPOR", defaults={"nama": "Pemerintah Kabupaten Bench"})

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "matriks_renstra_5000.xlsx")
        mulai = time.perf_counter()
        baris, jumlah_data = matriks(random.Random(2025))
        tulis(path, baris)
        ukuran = os.path.getsize(path) / 1024 / 1024
        print(
            f"matriks: {jumlah_data} baris data, {len(baris)} baris lembar, {ukuran:.1f} MB "
            f"(dibuat dalam {time.perf_counter() - mulai:.2f} s)"
        )

        ukur_memori(path, args.tracemalloc)  # first, while the database is empty
        if args.memori_saja:
            return

        judul = f"tahap (median dari {ulang})"
        print(f"{judul:40} {'baris':>6} {'detik':>8} {'baris/detik':>12} {'kueri':>7}   (tiap run)")
        dasar, semua, n, _ = ukur(lambda i: baca_openpyxl(path), ulang)
        cetak("openpyxl saja (read_only, values_only)", n, dasar, semua, 0)

        def impor_kosong(i):
            with transaction.atomic():
                hasil = importers.jalankan("matriks-renstra", path, opd=opd, tahun=2025, simpan=True)
                assert hasil.sah and hasil.disimpan, [str(m) for m in hasil.galat[:5]]
                if i < ulang - 1:
                    transaction.set_rollback(True)
            return hasil

        pertama, semua, hasil, kueri = ukur(impor_kosong, ulang)
        cetak("impor ke database kosong", hasil.baris, pertama, semua, kueri)
        dibuat = hasil.total("dibuat")

        def impor_ulang(i):
            hasil = importers.jalankan("matriks-renstra", path, opd=opd, tahun=2025, simpan=True)
            assert hasil.sah and hasil.total("dibuat") == 0 and hasil.total("diubah") == 0, dict(hasil.jumlah)
            return hasil

        kedua, semua, hasil, kueri = ukur(impor_ulang, ulang)
        cetak("impor ulang (tidak ada yang berubah)", hasil.baris, kedua, semua, kueri)
        print(f"objek dibuat oleh impor pertama: {dibuat:,}".replace(",", "."))
        print(f"impor / openpyxl: {pertama / dasar:.1f}x (database kosong), {kedua / dasar:.1f}x (impor ulang)")


if __name__ == "__main__":
    main()

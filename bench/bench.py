"""Benchmark of Kinerja's pages on the seed demo (and, for the dashboards, a generated region of
forty agencies): `make bench`.

Runs on a throwaway SQLite database (or the one DATABASE_URL names, which it fills). Prints, for
each page, the median server time over the runs and the number of queries. Speed targets live
here, not in timed tests; query counts are asserted by the test suite.
"""

import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from kinerja.models import Peran, User  # noqa: E402
from kinerja.sintetis import buat_opd_sintetis  # noqa: E402
from kinerja.sintetis_wilayah import buat_wilayah_sintetis  # noqa: E402
from kinerja.tests.halaman import isian_awal  # noqa: E402
from renstra.models import PerangkatDaerah, Renstra  # noqa: E402

ULANG = int(os.environ.get("BENCH_ULANG", "20"))


def ukur(klien, url, data=None, status=200, ulang=None):
    """Median server time (ms) of GET `url` (POST `data` when given), and its queries."""
    waktu, kueri = [], 0
    for _ in range(ulang or ULANG):
        with CaptureQueriesContext(connection) as q:
            mulai = time.perf_counter()
            respons = klien.get(url) if data is None else klien.post(url, data)
            waktu.append(time.perf_counter() - mulai)
        assert respons.status_code == status, (url, respons.status_code)
        kueri = len(q)
    return statistics.median(waktu) * 1000, kueri


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    mulai = time.perf_counter()
    call_command("demo", stdout=StringIO())
    print(f"memuat demo (2 perangkat daerah, validasi penuh): {time.perf_counter() - mulai:.2f} s")

    batubara = PerangkatDaerah.objects.get(kode="DSPPPA-BATUBARA")
    operator, _ = User.objects.get_or_create(username="bench_operator", opd=batubara)
    operator.groups.add(Group.objects.get(name=Peran.OPERATOR))
    verifikator, _ = User.objects.get_or_create(username="bench_verifikator")
    verifikator.groups.add(Group.objects.get(name=Peran.VERIFIKATOR))
    belitung_2024 = Renstra.objects.get(opd__kode="DSPPPA-BELITUNG", tahun_awal=2024)
    belitung = belitung_2024.opd
    operator_belitung, _ = User.objects.get_or_create(username="bench_operator_belitung", opd=belitung)
    operator_belitung.groups.add(Group.objects.get(name=Peran.OPERATOR))
    besar = buat_opd_sintetis("BENCH-306", "Dinas Sosial Sintetis", seed=3, program=5, kegiatan=6, sub_kegiatan=10)
    operator_besar, _ = User.objects.get_or_create(username="bench_operator_besar", opd=besar)
    operator_besar.groups.add(Group.objects.get(name=Peran.OPERATOR))

    print(f"{'halaman':62} {'median (ms)':>12} {'kueri':>6}")
    for nama, user, url in [
        ("beranda operator (pohon Renstra Batu Bara, 98 sub kegiatan)", operator, reverse("renstra:beranda")),
        ("beranda verifikator (daftar perangkat daerah)", verifikator, reverse("renstra:beranda")),
        (
            "pohon Renstra Belitung 2024-2026 (55 sub kegiatan)",
            verifikator,
            reverse("renstra:renstra_detail", args=[belitung_2024.pk]),
        ),
        (
            "isian TW IV 2024 Belitung (102 indikator, 55 sub kegiatan)",
            operator_belitung,
            reverse("kinerja:isian", args=[2024, 4]),
        ),
        ("isian TW III 2025 sintetis (306 indikator, 300 sub kegiatan)", operator_besar, _isian(2025, 3)),
        ("tinjauan verifikator TW IV 2024 Belitung", verifikator, _tinjau(belitung, 2024, 4)),
        ("daftar pelaporan TW IV 2024", verifikator, reverse("kinerja:verifikasi_daftar") + "?tahun=2024&triwulan=4"),
    ]:
        klien = Client()
        klien.force_login(user)
        ms, kueri = ukur(klien, url)
        print(f"{nama:62} {ms:12.1f} {kueri:6d}")

    # Saving the whole Belitung page unchanged, and the live preview of one row.
    klien = Client()
    klien.force_login(operator_belitung)
    url = reverse("kinerja:isian", args=[2024, 4])
    respons = klien.get(url)
    data, halaman = isian_awal(respons), respons.context["halaman"]
    ms, kueri = ukur(klien, url, data=data, status=302)
    print(f"{'simpan halaman isian Belitung (157 baris, tanpa perubahan)':62} {ms:12.1f} {kueri:6d}")
    baris = halaman.baris[2]
    url = reverse("kinerja:pratinjau", args=[2024, 4, baris.indikator.pk])
    ms, kueri = ukur(klien, url, data={f"r{baris.indikator.pk}-nilai": "53,47"})
    print(f"{'pratinjau satu baris (htmx)':62} {ms:12.1f} {kueri:6d}")

    # The LKjIP: the draft page and its PDF (a PDF takes seconds: fewer runs).
    klien = Client()
    klien.force_login(verifikator)
    for nama, opd, tahun in [("Belitung 2024", belitung, 2024), ("sintetis 2025 (306 indikator)", besar, 2025)]:
        for format, ulang in (("html", None), ("pdf", max(3, ULANG // 5))):
            url = _laporan(opd, tahun, "lkjip", format)
            ms, kueri = ukur(klien, url, ulang=ulang)
            print(f"{f'LKjIP {nama}, {format.upper()}':62} {ms:12.1f} {kueri:6d}")

    dasbor(verifikator)


def dasbor(verifikator):
    """The dashboards on the demo plus the generated region of forty (`demo --sintetis 40`)."""
    mulai = time.perf_counter()
    dibuat, _ = buat_wilayah_sintetis(40, seed=1)
    print(f"wilayah sintetis ({len(dibuat)} perangkat daerah): {time.perf_counter() - mulai:.2f} s")
    jumlah = PerangkatDaerah.objects.count()
    klien = Client()
    klien.force_login(verifikator)
    kueri = "?tahun=2026&triwulan=3"
    wilayah = reverse("laporan:dasbor_wilayah") + kueri
    disaring = wilayah + "&kuadran=Serapan+tinggi%2C+capaian+rendah&urut=-capaian"
    unduh = reverse("laporan:dasbor_wilayah_unduh", args=["xlsx"]) + kueri
    dinsos = reverse("laporan:dasbor_opd", args=["CTH-DINSOS", 2026]) + "?triwulan=3"
    for nama, url, ulang in [
        (f"dasbor wilayah TW III 2026 ({jumlah} perangkat daerah)", wilayah, None),
        ("dasbor wilayah, disaring kuadran dan diurutkan", disaring, None),
        ("dasbor wilayah, XLSX", unduh, None),
        ("dasbor wilayah, PDF", unduh.replace(".xlsx", ".pdf"), max(3, ULANG // 5)),
        ("dasbor perangkat daerah (Dinsos sintetis, 66 indikator)", dinsos, None),
    ]:
        ms, kueri_db = ukur(klien, url, ulang=ulang)
        print(f"{nama:62} {ms:12.1f} {kueri_db:6d}")


def _laporan(opd, tahun, nama, format):
    if format == "html":
        return reverse("laporan:laporan_html", args=[opd.kode, tahun, nama])
    return reverse(f"laporan:laporan_{format}", args=[opd.kode, tahun, nama])


def _isian(tahun, triwulan):
    return reverse("kinerja:isian", args=[tahun, triwulan])


def _tinjau(opd, tahun, triwulan):
    return reverse("kinerja:tinjau", args=[opd.kode, tahun, triwulan])


if __name__ == "__main__":
    main()

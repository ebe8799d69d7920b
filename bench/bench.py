"""Benchmark of Kinerja's pages on the seed demo: `make bench`.

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
from renstra.models import PerangkatDaerah, Renstra  # noqa: E402

ULANG = int(os.environ.get("BENCH_ULANG", "20"))


def ukur(klien, url):
    waktu, kueri = [], 0
    for _ in range(ULANG):
        with CaptureQueriesContext(connection) as q:
            mulai = time.perf_counter()
            respons = klien.get(url)
            waktu.append(time.perf_counter() - mulai)
        assert respons.status_code == 200, (url, respons.status_code)
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

    print(f"{'halaman':62} {'median (ms)':>12} {'kueri':>6}")
    for nama, user, url in [
        ("beranda operator (pohon Renstra Batu Bara, 98 sub kegiatan)", operator, reverse("renstra:beranda")),
        ("beranda verifikator (daftar perangkat daerah)", verifikator, reverse("renstra:beranda")),
        (
            "pohon Renstra Belitung 2024-2026 (55 sub kegiatan)",
            verifikator,
            reverse("renstra:renstra_detail", args=[belitung_2024.pk]),
        ),
    ]:
        klien = Client()
        klien.force_login(user)
        ms, kueri = ukur(klien, url)
        print(f"{nama:62} {ms:12.1f} {kueri:6d}")


if __name__ == "__main__":
    main()

"""`manage.py pekerja`: the worker that runs the jobs (workbook imports, cold PDFs).

The loop of django-tasks-db's worker, with a heartbeat and the recovery of jobs orphaned by a
worker that died (kinerja/pekerja.py). Started by `make run` beside the development server and by
deploy/kinerja-pekerja.service in production. SIGTERM or Ctrl+C lets the job at hand finish;
a second one stops at once (the job then runs again on the next worker, see KINERJA_TUGAS_COBA).
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from kinerja.pekerja import Detak, catat_detak, hapus_pekerja, pulihkan_tugas_terputus


class Command(BaseCommand):
    help = "Menjalankan pekerjaan latar (impor buku kerja, pencetakan PDF) dari antreannya."

    def add_arguments(self, parser):
        parser.add_argument(
            "--antrean",
            default="*",
            help="antrean yang dikerjakan, dipisah koma (impor,cetak); bawaan * (semua)",
        )
        parser.add_argument("--jeda", type=float, default=1.0, help="detik menunggu bila antrean kosong (bawaan 1)")
        parser.add_argument(
            "--sekali", action="store_true", help="kerjakan semua yang menunggu lalu berhenti (untuk uji dan cron)"
        )
        parser.add_argument(
            "--muat-ulang",
            action="store_true",
            default=None,
            help="mulai ulang bila kode berubah (bawaan: bila DEBUG)",
        )
        parser.add_argument("--tanpa-muat-ulang", dest="muat_ulang", action="store_false")

    def handle(self, *args, antrean, jeda, sekali, muat_ulang, **options):
        if jeda < 0:
            raise CommandError("--jeda tidak boleh negatif.")
        antrean_daftar = [a.strip() for a in antrean.split(",") if a.strip()] or ["*"]
        pekerja = Worker(
            queue_names=antrean_daftar,
            interval=jeda,
            batch=sekali,
            backend_name="default",
            startup_delay=not sekali,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if muat_ulang is None:
            muat_ulang = settings.DEBUG and not sekali

        def jalankan():
            catat_detak(pekerja.worker_id, antrean)
            pulihkan_tugas_terputus()
            detak = Detak(pekerja.worker_id, antrean)
            detak.start()
            self.stdout.write(f"Pekerja {pekerja.worker_id[:8]} berjalan (antrean: {antrean}).")
            try:
                pekerja.run()
            finally:
                detak.hentikan()
                hapus_pekerja(pekerja.worker_id)

        if muat_ulang:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                pekerja.configure_signals()
            run_with_reloader(jalankan)
        else:
            pekerja.configure_signals()
            try:
                jalankan()
            finally:
                pekerja.reset_signals()

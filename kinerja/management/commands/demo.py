from django.core.management.base import BaseCommand, CommandError

from kinerja.demo import KATA_SANDI_DEMO, DemoTidakValid, buat_akun_demo, muat_demo
from renstra.models import PerangkatDaerah


class Command(BaseCommand):
    help = (
        "Memuat data demo dari dokumen contoh (DSPPPA Belitung dan Batu Bara). "
        "Perangkat daerah yang sudah ada dilewati, jadi perintah ini aman dijalankan berulang."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--akun",
            action="store_true",
            help=f"Buat juga akun demo (kata sandi {KATA_SANDI_DEMO}); hanya bila DEBUG=True.",
        )
        parser.add_argument(
            "--jika-kosong",
            action="store_true",
            help="Muat data demo hanya bila belum ada perangkat daerah sama sekali (dipakai make run).",
        )

    def handle(self, *args, akun=False, jika_kosong=False, **options):
        if jika_kosong and PerangkatDaerah.objects.exists():
            self.stdout.write("Basis data sudah berisi perangkat daerah; data demo tidak dimuat.")
        else:
            try:
                for opd, dimuat in muat_demo():
                    self.stdout.write(f"{opd.nama}: {'dimuat' if dimuat else 'sudah ada, dilewati'}")
            except DemoTidakValid as e:
                raise CommandError(f"Data demo tidak valid: {e}") from e
        if akun:
            try:
                dibuat, dilewati = buat_akun_demo()
            except PermissionError as e:
                raise CommandError(str(e)) from e
            self.stdout.write(f"Akun demo dibuat: {', '.join(dibuat)}" if dibuat else "Akun demo sudah ada.")
            for keterangan in dilewati:
                self.stdout.write(f"Akun demo dilewati: {keterangan}")

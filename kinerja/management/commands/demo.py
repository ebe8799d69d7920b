from django.core.management.base import BaseCommand, CommandError

from kinerja.demo import KATA_SANDI_DEMO, DemoTidakValid, buat_akun_demo, muat_demo
from kinerja.sintetis_wilayah import WILAYAH, buat_wilayah_sintetis
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
            "--sintetis",
            type=int,
            metavar="N",
            help=f"Buat juga N perangkat daerah sintetis {WILAYAH} (43 per kabupaten; lebih dari itu berlanjut "
            "ke Kabupaten Contoh 2, 3, …, paling banyak 860) dengan Renstra 2025–2029, "
            "target, pagu, realisasi 2025 dan 2026 s.d. triwulan III, dan pelaporannya; untuk dasbor dan tolok ukur.",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Benih data sintetis (bawaan 1): sama benih, sama data."
        )
        parser.add_argument(
            "--jika-kosong",
            action="store_true",
            help="Muat data demo (dan wilayah sintetis) hanya bila belum ada perangkat daerah sama sekali "
            "(dipakai make run).",
        )

    def handle(self, *args, akun=False, jika_kosong=False, sintetis=None, seed=1, **options):
        kosong = not PerangkatDaerah.objects.exists()
        if jika_kosong and not kosong:
            self.stdout.write("Basis data sudah berisi perangkat daerah; data demo tidak dimuat.")
        else:
            try:
                for opd, dimuat in muat_demo():
                    self.stdout.write(f"{opd.nama}: {'dimuat' if dimuat else 'sudah ada, dilewati'}")
            except DemoTidakValid as e:
                raise CommandError(f"Data demo tidak valid: {e}") from e
        if sintetis and (kosong or not jika_kosong):
            try:
                dibuat, dilewati = buat_wilayah_sintetis(sintetis, seed=seed)
            except ValueError as e:
                raise CommandError(str(e)) from e
            self.stdout.write(f"{len(dibuat)} perangkat daerah sintetis dibuat, {len(dilewati)} sudah ada.")
        if akun:
            try:
                dibuat, dilewati = buat_akun_demo()
            except PermissionError as e:
                raise CommandError(str(e)) from e
            self.stdout.write(f"Akun demo dibuat: {', '.join(dibuat)}" if dibuat else "Akun demo sudah ada.")
            for keterangan in dilewati:
                self.stdout.write(f"Akun demo dilewati: {keterangan}")

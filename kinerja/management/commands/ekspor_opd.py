"""`python manage.py ekspor_opd KODE --output BERKAS.zip`: one agency to an archive (kinerja/pindah)."""

from django.core.management.base import BaseCommand, CommandError

from kinerja.pindah import PindahGagal, ekspor_opd


class Command(BaseCommand):
    help = (
        "Mengekspor satu perangkat daerah dengan semua datanya (bidang, Renstra dengan pohon dan indikatornya, "
        "target, pagu, realisasi beserta narasi dan berkas data dukung, realisasi anggaran, pelaporan, narasi LKjIP) "
        "ke satu arsip ZIP untuk dipindahkan ke server lain dengan impor_opd. Akun pengguna, riwayat perubahan dan "
        "buku kerja yang pernah diimpor tidak ikut."
    )

    def add_arguments(self, parser):
        parser.add_argument("kode", help="Kode perangkat daerah, mis. DSPPPA-BELITUNG.")
        parser.add_argument("--output", required=True, metavar="BERKAS.zip", help="Arsip yang ditulis.")

    def handle(self, *args, kode, output, **options):
        try:
            jumlah = ekspor_opd(kode, output)
        except PindahGagal as e:
            raise CommandError(e.pesan) from e
        except OSError as e:
            raise CommandError(f"Arsip {output} tidak dapat ditulis: {e}") from e
        self.stdout.write(f"{kode} diekspor ke {output}:")
        for nama, n in jumlah.items():
            self.stdout.write(f"  {nama:24}{n:>8}")

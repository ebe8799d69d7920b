"""`python manage.py impor_opd BERKAS.zip [--ganti]`: an agency from an archive of ekspor_opd
(kinerja/pindah). All or nothing; exits 1 naming the problem."""

from django.core.management.base import BaseCommand, CommandError

from kinerja.pindah import PindahGagal, impor_opd


class Command(BaseCommand):
    help = (
        "Mengimpor satu perangkat daerah dari arsip buatan ekspor_opd, semuanya atau tidak sama sekali: bila ada "
        "satu masalah, tidak ada yang disimpan dan perintah keluar dengan kode 1 beserta letak masalahnya di arsip. "
        "Ditolak bila kode perangkat daerah itu sudah ada, kecuali dengan --ganti. Akun pengguna tidak ikut "
        "dipindahkan: buat akunnya di server ini (siapa yang menyimpan, mengajukan dan memverifikasi dikosongkan)."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", metavar="BERKAS.zip", help="Arsip buatan ekspor_opd.")
        parser.add_argument(
            "--ganti",
            action="store_true",
            help="Bila perangkat daerah itu sudah ada: hapus semua datanya dan ganti dengan isi arsip. Akun "
            "penggunanya tetap, dan tetap pada bidangnya bila arsip mempunyai bidang dengan nama yang sama.",
        )

    def handle(self, *args, berkas, ganti=False, **options):
        try:
            hasil = impor_opd(berkas, ganti=ganti)
        except PindahGagal as e:
            raise CommandError(e.pesan, returncode=1) from e
        tindakan = "diganti dengan isi" if hasil.diganti else "diimpor dari"
        self.stdout.write(f"{hasil.opd.kode} {tindakan} {berkas}:")
        for nama, n in hasil.jumlah.items():
            self.stdout.write(f"  {nama:24}{n:>8}")
        if hasil.pengguna_tanpa_bidang:
            self.stdout.write(
                self.style.WARNING(
                    "Bidang akun ini tidak ada di arsip, akunnya kini tanpa bidang: "
                    + ", ".join(hasil.pengguna_tanpa_bidang)
                )
            )
        self.stdout.write(self.style.SUCCESS("Selesai."))
